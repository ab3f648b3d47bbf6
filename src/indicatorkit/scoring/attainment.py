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

from fractions import Fraction

from indicatorkit.language.targets import CheckResult, Comparison, Range
from indicatorkit.language.values import Amount

__all__ = ["attainment"]

_ZERO = Fraction(0)


def attainment(result: CheckResult) -> Fraction | None:
    """The attainment of a checked result, or ``None`` where no ratio exists: a deadline, a
    sentence, a target at or below zero, or a zero actual against an upper bound."""
    target = result.target
    actual = result.actual
    if type(target) is Comparison and type(actual) is int:
        # a number in the target's own unit: the unit's factor cancels out of the ratio
        want = target.amount.value
        if want.numerator <= 0:
            return None
        count = actual if actual > 0 else 0
        if target.effective_operator(result.direction).is_lower_bound:
            return Fraction(count * want.denominator, want.numerator)
        return Fraction(want.numerator, want.denominator * count) if count else None
    if not isinstance(target, Comparison | Range):
        return None
    value = result.value
    assert isinstance(value, Amount)
    got = value.normalized
    if isinstance(target, Range):
        low, high = target.low.normalized, target.high.normalized
        if got < low:
            return max(got, _ZERO) / low if low > 0 else None
        if got > high:
            return high / got if high > 0 else None
        return Fraction(1)
    if got < 0:
        got = _ZERO
    want = target.amount.normalized
    if want <= 0:
        return None
    if target.effective_operator(result.direction).is_lower_bound:
        return got / want
    return want / got if got else None
