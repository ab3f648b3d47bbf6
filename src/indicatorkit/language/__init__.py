"""The target language: values, target kinds, the grammar and its reading, lenient repairs
and the split form of the national system.  Nothing here knows about tables or file formats.

The names a user reads targets with beyond the top level's (``indicatorkit.parse_target``):

>>> from indicatorkit.language import AnyTarget, Range, parse_actual, parse_target
>>> target: AnyTarget = parse_target("90%-100%")
>>> isinstance(target, Range), target.check(parse_actual("95%")).met
(True, True)
"""

from indicatorkit.language.bounds import Bound, Bounds, DayBounds, Direction
from indicatorkit.language.checking import Actual, CheckResult, Target
from indicatorkit.language.comparisons import Comparison, Range
from indicatorkit.language.lenient import Diagnostic, LenientParse
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.split_form import parse_split_target
from indicatorkit.language.targets import AnyTarget, Deadline, Period, Qualitative
from indicatorkit.language.values import Amount, DatePoint, DateSpan, Grade
from indicatorkit.vocabulary import Operator

__all__ = [
    "Actual",
    "Amount",
    "AnyTarget",
    "Bound",
    "Bounds",
    "CheckResult",
    "Comparison",
    "DatePoint",
    "DateSpan",
    "DayBounds",
    "Deadline",
    "Diagnostic",
    "Direction",
    "Grade",
    "LenientParse",
    "Operator",
    "Period",
    "Qualitative",
    "Range",
    "Target",
    "parse_actual",
    "parse_split_target",
    "parse_target",
]
