"""Attainment (完成率): the exact ratio of an actual to its target, in the target's direction.

This is the ratio the national self-assessment rules score partial results by: actual ÷
target when more is better (≥, >), target ÷ actual when less is better (≤, <).  A negative
actual counts as 0.  Ranges follow our own documented convention: 1 inside the range, actual
÷ low below it, high ÷ actual above it.  Deadlines and sentences have no ratio.

>>> from indicatorkit import parse_target
>>> attainment(parse_target("≥200件").check(150))
Fraction(3, 4)
>>> attainment(parse_target("≤2%").check("4%"))
Fraction(1, 2)
>>> attainment(parse_target("及时足额发放").check("达成")) is None
True
"""

from __future__ import annotations

import calendar
import datetime
from fractions import Fraction

from indicatorkit.errors import ArgumentError
from indicatorkit.language.interval_actual import IntervalResult
from indicatorkit.language.targets import CheckResult, Comparison, Deadline, Period, Range
from indicatorkit.language.values import Amount, DatePoint, DateSpan

__all__ = ["attainment", "comparison_attainment", "days_late", "integer_attainment"]

#: The year a day without one is placed in to count days (a leap year, so 2月29日 exists).
_ANY_YEAR = 2000

_ZERO = Fraction(0)


def attainment(result: CheckResult) -> Fraction | None:
    """The attainment of a checked result, or ``None`` where no ratio exists: a deadline, a
    sentence, a target at or below zero, or a zero actual against an upper bound.

    >>> from indicatorkit import Direction, attainment, parse_target
    >>> attainment(parse_target("≥200件").check("150件"))
    Fraction(3, 4)
    >>> attainment(parse_target("≤100元").check("80元"))
    Fraction(5, 4)
    >>> attainment(parse_target("12月底前").check("11月30日")) is None
    True
    """
    if not isinstance(result, CheckResult):
        raise ArgumentError("attainment", "result", "CheckResult", result, "target.check(actual)")
    target = result.target
    if isinstance(result, IntervalResult):
        return None  # an actual written as an interval has no single value
    if isinstance(target, Range):
        value = _read(result)
        low, high = target.low.normalized, target.high.normalized
        if value < low:
            return max(value, _ZERO) / low if low > 0 else None
        if value > high:
            return high / value if high > 0 else None
        return Fraction(1)
    if not isinstance(target, Comparison):
        return None
    return comparison_attainment(
        result, target, target.effective_operator(result.direction).is_lower_bound
    )


def comparison_attainment(
    result: CheckResult, target: Comparison, lower_bound: bool
) -> Fraction | None:
    """:func:`attainment` of a checked comparison whose effective operator is a lower bound
    (``lower_bound``) or an upper one — for callers that know it already.

    A bare ``200件`` is more-is-better or less-is-better as the caller says:

    >>> from indicatorkit import parse_target
    >>> target = parse_target("200件")
    >>> comparison_attainment(target.check(150), target, True)
    Fraction(3, 4)
    >>> comparison_attainment(target.check(150), target, False)
    Fraction(4, 3)
    >>> money = parse_target("≥2万元")
    >>> comparison_attainment(money.check("15000元"), money, True)
    Fraction(3, 4)
    >>> comparison_attainment(target.check(0), target, False) is None   # 0 against an upper bound
    True
    """
    actual = result.actual
    if type(actual) is int:
        # a number in the target's own unit: the unit's factor cancels out of the ratio
        want = target.amount.value
        top, bottom = actual, 1
    else:
        want = target.amount.normalized
        got = _read(result)
        top, bottom = got.numerator, got.denominator
    return integer_attainment(top, bottom, want.numerator, want.denominator, lower_bound)


def integer_attainment(
    numerator: int, denominator: int, want_numerator: int, want_denominator: int, lower_bound: bool
) -> Fraction | None:
    """The attainment of an actual ``numerator / denominator`` against a target
    ``want_numerator / want_denominator`` in the same unit (both denominators > 0), in
    integer arithmetic, the ratio reduced once: actual ÷ target for a lower bound, target ÷
    actual for an upper one; ``None`` for a target at or below zero or a zero actual against
    an upper bound.  A negative actual counts as 0.

    >>> integer_attainment(150, 1, 200, 1, True), integer_attainment(3, 2, 1, 1, False)
    (Fraction(3, 4), Fraction(2, 3))
    >>> integer_attainment(0, 1, 5, 1, False) is None, integer_attainment(-3, 1, 5, 1, True)
    (True, Fraction(0, 1))
    """
    if want_numerator <= 0:
        return None
    if numerator < 0:
        numerator = 0
    if lower_bound:
        return Fraction(numerator * want_denominator, denominator * want_numerator)
    if not numerator:
        return None
    return Fraction(want_numerator * denominator, want_denominator * numerator)


def _read(result: CheckResult) -> Fraction:
    value = result.value
    assert isinstance(value, Amount)
    return value.normalized


def days_late(result: CheckResult) -> int | None:
    """How many days a missed deadline (or period) was finished after its last day: from the
    target's last day to the actual's (a period's end); ``None`` when the result is not a
    late one (met, early, not a date).  Years count when both sides give one; otherwise both
    days are placed in one year.

    >>> from indicatorkit import parse_target
    >>> days_late(parse_target("6月底前").check("7月15日"))
    15
    >>> days_late(parse_target("2025年6月底前").check("2026年1月1日"))
    185
    >>> days_late(parse_target("12月底前").check("12月20日")) is None
    True
    """
    target = result.target
    if result.met or not isinstance(target, Deadline | Period):
        return None
    value = result.value
    if not isinstance(value, DatePoint | DateSpan):
        return None
    done = value.end if isinstance(value, DateSpan) else value
    due = target.by if isinstance(target, Deadline) else target.span.end
    both = done.year is not None and due.year is not None
    late = (_day(done, both) - _day(due, both)).days
    return late if late > 0 else None


def _day(point: DatePoint, with_year: bool) -> datetime.date:
    year = point.year if with_year and point.year is not None else _ANY_YEAR
    day = point.day or calendar.monthrange(year, point.month)[1]
    return datetime.date(year, point.month, day)
