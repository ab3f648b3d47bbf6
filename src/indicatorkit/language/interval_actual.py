"""An actual written as a bound or a range (``≥90%`` as the actual of ``≥90%``, ``95%-98%``):
an interval, met when it lies wholly inside the target.

Real 自评表 often repeat the target as the actual; such rows are printed with full marks.  A
bound says only that the value lies somewhere in it: when all of that interval meets the target,
the target is met whatever the value; when part of it does not, the table does not say.

>>> from indicatorkit import parse_target
>>> interval_met("≥90%", parse_target("≥90%")), interval_met("95%-98%", parse_target("≥90%"))
(True, True)
>>> interval_met("≥85%", parse_target("≥90%")), interval_met("96%", parse_target("≥90%")) is None
(False, True)
"""

from __future__ import annotations

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import Comparison, Range
from indicatorkit.units import UnitRegistry
from indicatorkit.vocabulary import Operator

__all__ = ["interval_met"]


def interval_met(
    text: str,
    target: Comparison | Range,
    direction: Direction | None = None,
    units: UnitRegistry | None = None,
) -> bool | None:
    """True when the actual ``text`` is a bound or a range lying wholly inside ``target``
    (read in ``direction``), False when part of it lies outside, ``None`` when ``text`` is no
    bound or range (a plain value is checked the usual way).

    >>> from indicatorkit import parse_target
    >>> interval_met(">90%", parse_target("≥90%")), interval_met("≥90%", parse_target(">90%"))
    (True, False)
    """
    try:
        actual = parse_target(text, units=units)
    except IndicatorkitError:
        return None
    if isinstance(actual, Comparison):
        if actual.operator is None or actual.operator is Operator.EQ:
            return None  # a value, not an interval
    elif not isinstance(actual, Range):
        return None
    return actual.bounds().within(target.bounds(direction))
