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

:func:`check_actual` is how every verb decides an actual (``score`` and ``check`` alike): the
target's own check, and for an interval the rule above.
"""

from __future__ import annotations

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.actuals import ActualReading
from indicatorkit.language.bounds import Direction
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import (
    Actual,
    AnyTarget,
    CheckResult,
    Comparison,
    Deadline,
    Period,
    Qualitative,
    Range,
)
from indicatorkit.language.values import Amount, DatePoint, DateSpan
from indicatorkit.units import UnitRegistry
from indicatorkit.vocabulary import Operator

__all__ = ["IntervalResult", "PartlyOutsideError", "check_actual", "interval_met"]


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


class IntervalResult(CheckResult):
    """The result of an actual written as a bound or a range lying wholly inside its target:
    met, with no single value (so no attainment ratio).

    >>> from indicatorkit import parse_target
    >>> result = check_actual(parse_target("≥90%"), "95%-98%")
    >>> type(result).__name__, result.met, result.value
    ('IntervalResult', True, None)
    """

    __slots__ = ()

    @property
    def value(self) -> None:
        return None


class PartlyOutsideError(IndicatorkitError):
    """An actual written as a bound or a range that lies partly outside its target: the table
    does not say whether the target is met (write the value).

    >>> from indicatorkit import parse_target
    >>> try:
    ...     check_actual(parse_target("≥90%"), "≥85%")
    ... except PartlyOutsideError as error:
    ...     print(str(error).split(" (")[0])
    实际值“≥85%”是一个区间，部分不在指标值“≥90%”内，无法判断是否达成；请写出实际数值
    """


def check_actual(
    target: AnyTarget,
    actual: Actual,
    *,
    direction: Direction | None = None,
    units: UnitRegistry | None = None,
    read: ActualReading | None = None,
) -> CheckResult:
    """``target.check(actual)``; where the target cannot read a text actual as one value
    and the text is a bound or a range (``≥90%``, ``90%-95%``, ``3至5次``): an
    :class:`IntervalResult` (met) when it lies wholly inside the target, else
    :class:`PartlyOutsideError`.  Anything else raises what ``check`` raises.  ``read`` is
    the text ``actual`` as already read with ``units``
    (:func:`~indicatorkit.language.actuals.actual_reading`): it is not read again.

    >>> from indicatorkit import parse_target
    >>> check_actual(parse_target("≥3次"), "3至5次").met, check_actual(parse_target("≥3次"), "4次").met
    (True, True)
    """
    try:
        if read is None or not isinstance(actual, str) or isinstance(target, Qualitative):
            return target.check(actual, direction=direction, units=units)
        if isinstance(read, IndicatorkitError):
            raise read.with_traceback(None)  # what reading the text raised
        return _check_reading(target, actual, read, direction, units)
    except IndicatorkitError:
        if not isinstance(actual, str) or not isinstance(target, Comparison | Range):
            raise
        inside = interval_met(actual, target, direction, units)
        if inside is None:
            raise
    if not inside:
        raise PartlyOutsideError(
            f"实际值“{actual}”是一个区间，部分不在指标值“{target}”内，无法判断是否达成；请写出实际数值 "
            "(an interval actual partly outside the target: write the value)"
        )
    return IntervalResult(target, actual, True, direction, units)


def _check_reading(
    target: Comparison | Range | Deadline | Period,
    actual: str,
    read: Amount | DatePoint | DateSpan,
    direction: Direction | None,
    units: UnitRegistry | None,
) -> CheckResult:
    """``target.check(actual)`` decided on ``read``, the text's reading: the result holds the
    text as given and the reading as its value."""
    try:
        met = target.check(read, direction=direction, units=units).met
    except IndicatorkitError:  # a reading of another kind: the error names the text as given
        return target.check(actual, direction=direction, units=units)
    return CheckResult(target, actual, met, direction, units, read)
