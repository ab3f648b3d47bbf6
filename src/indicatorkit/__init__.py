"""indicatorkit — budget performance targets (预算绩效目标) that a program can read, check
and score.

>>> import indicatorkit
>>> target = indicatorkit.parse_target("≥95%")
>>> target.check("96%").met
True
>>> str(indicatorkit.parse_target("不少于两百件"))
'≥200件'
"""

from indicatorkit.errors import (
    DimensionMismatchError,
    IndicatorkitError,
    InvalidTargetError,
    InvalidValueError,
    TargetSyntaxError,
    TextError,
    UnknownUnitError,
)
from indicatorkit.lenient import Diagnostic, LenientParse
from indicatorkit.parsing import parse_actual, parse_target
from indicatorkit.spec import (
    Budget,
    Checkpoint,
    Department,
    DepartmentGoal,
    Finding,
    Indicator,
    MeasureGroup,
    Programme,
    Project,
    Severity,
    Spec,
    SpecError,
    SpendingPlan,
    dumps,
    lint,
    load,
    loads,
)
from indicatorkit.split_form import parse_split_target
from indicatorkit.targets import (
    Amount,
    AnyTarget,
    CheckResult,
    Comparison,
    DatePoint,
    Deadline,
    Direction,
    Grade,
    Qualitative,
    Range,
    Target,
)
from indicatorkit.units import Unit, UnitDefinitionError, define_unit, unit
from indicatorkit.vocabulary import Operator

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "AnyTarget",
    "Budget",
    "CheckResult",
    "Checkpoint",
    "Comparison",
    "DatePoint",
    "Deadline",
    "Department",
    "DepartmentGoal",
    "Diagnostic",
    "DimensionMismatchError",
    "Direction",
    "Finding",
    "Grade",
    "Indicator",
    "IndicatorkitError",
    "InvalidTargetError",
    "InvalidValueError",
    "LenientParse",
    "MeasureGroup",
    "Operator",
    "Programme",
    "Project",
    "Qualitative",
    "Range",
    "Severity",
    "Spec",
    "SpecError",
    "SpendingPlan",
    "Target",
    "TargetSyntaxError",
    "TextError",
    "Unit",
    "UnitDefinitionError",
    "UnknownUnitError",
    "define_unit",
    "dumps",
    "lint",
    "load",
    "loads",
    "parse_actual",
    "parse_split_target",
    "parse_target",
    "unit",
]
