"""The targets of amounts: a :class:`Comparison` (``≥95%``, ``<100元``, a bare ``98%``) and a
:class:`Range` (``90%～100%``, ``>10且≤20``), and the integer :class:`Threshold` a
comparison checks numbers with.

>>> from indicatorkit import parse_target
>>> parse_target("≥95%").check(96).met, parse_target("90%～100%").check("101%").met
(True, False)
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Any, NamedTuple

import attrs

from indicatorkit.errors import InvalidValueError
from indicatorkit.language.bounds import (
    Bound,
    Bounds,
    Direction,
    comparison_bounds,
    effective_operator,
)
from indicatorkit.language.checking import (
    Actual,
    CheckResult,
    _amount_in,
    _finite_decimal,
    _is_quantity,
    _number_ratio,
    _quantity_in,
)
from indicatorkit.language.values import Amount, exact_amount
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.shortcuts import unchecked
from indicatorkit.units import NO_UNIT, Unit, UnitRegistry
from indicatorkit.vocabulary import Operator

__all__ = ["Comparison", "Range", "Threshold", "exact_comparison"]


def _validate_amount(instance: object, attribute: attrs.Attribute[Amount], value: Amount) -> None:
    if not isinstance(value, Amount):
        raise InvalidValueError(f"需要 Amount (an Amount is needed), not {type(value).__name__}")
    if not is_terminating(value.value):
        raise InvalidValueError(
            f"目标值必须是有限小数 (a target value must be a finite decimal): {value.value}"
        )


_COMPARE: dict[Operator, Callable[[Any, Any], bool]] = {
    # an effective operator → how "actual ? threshold" is decided
    Operator.GE: operator.ge,
    Operator.GT: operator.gt,
    Operator.LE: operator.le,
    Operator.LT: operator.lt,
}


class Threshold(NamedTuple):
    """What :meth:`Comparison.check` tests a number with, in one direction: the comparison
    ``actual ? threshold``, the threshold as integers in the target's own unit (how plain
    numbers are read) and in the base unit, and whether it is a lower bound (more is better).

    The same numbers as the target's :meth:`~Comparison.bounds`, as integers: a plain
    number ``n`` in the target's unit meets it when ``compare(n * denominator, numerator)``;
    an amount ``v`` in base units when ``compare(v.numerator * base_denominator,
    base_numerator * v.denominator)``.  The base pair need not be reduced.

    >>> from indicatorkit import Direction, parse_target
    >>> threshold = parse_target("≥95%").threshold()
    >>> threshold.compare(96 * threshold.denominator, threshold.numerator)
    True
    >>> threshold.numerator, threshold.denominator, threshold.lower_bound
    (95, 1, True)
    >>> parse_target("98%").threshold(Direction.LOWER).lower_bound
    False
    """

    compare: Callable[[Any, Any], bool]
    numerator: int
    denominator: int
    base_numerator: int
    base_denominator: int
    lower_bound: bool


def _no_direction(direction: object) -> None:
    if not isinstance(direction, Direction):
        raise TypeError(f"direction must be a Direction or None, not {direction!r}")


@attrs.frozen(repr=False)
class Comparison:
    """``≥95%``: an operator and an amount.

    ``operator`` is ``None`` for a bare value (``98%``), which — like ``=`` — means "reach this
    value" in the indicator's direction, *at least* unless ``direction=Direction.LOWER``
    (see :func:`~indicatorkit.language.bounds.effective_operator`).  A bare number is read
    in the target's own unit: ``parse_target("≥5万元").check(6)`` is 6万元.

    >>> from indicatorkit import Comparison, parse_target
    >>> target = parse_target("不少于两百件")
    >>> target, isinstance(target, Comparison)
    (Comparison('≥200件'), True)
    >>> target.operator, target.amount
    (<Operator.GE: '≥'>, Amount('200件'))
    >>> target.check("199件").met
    False
    """

    operator: Operator | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.instance_of(Operator))
    )
    amount: Amount = attrs.field(validator=_validate_amount)

    def __str__(self) -> str:
        sign = "" if self.operator is None else self.operator.value
        return f"{sign}{self.amount}"

    def __repr__(self) -> str:
        return f"Comparison({str(self)!r})"

    def effective_operator(self, direction: Direction | None = None) -> Operator:
        """The operator used for checking in ``direction`` (never ``=``)."""
        if direction is not None and type(direction) is not Direction:
            _no_direction(direction)
        return effective_operator(self.operator, direction, self.amount.value)

    def bounds(self, direction: Direction | None = None) -> Bounds:
        """What this target accepts in ``direction``, in base units: one bound."""
        return comparison_bounds(
            self.effective_operator(direction), self.amount.normalized, self.amount.unit
        )

    @cached_property
    def _decimal(self) -> Decimal:
        """The threshold in the target's own unit as a Decimal (exact: a target value is a
        finite decimal), for Decimal actuals."""
        return Decimal(format_decimal(self.amount.value))

    @cached_property
    def _thresholds(self) -> dict[Direction | None, Threshold]:
        """:meth:`threshold` per direction, filled as directions are first checked (a target
        is often checked in one direction only)."""
        return {}

    def threshold(self, direction: Direction | None = None) -> Threshold:
        """What ``check`` tests a number with in ``direction`` (computed once per direction):
        the numbers of :meth:`bounds`, as integers, for a caller deciding many rows.

        >>> from indicatorkit import parse_target
        >>> threshold = parse_target("<5万元").threshold()
        >>> threshold.numerator, threshold.base_numerator, threshold.lower_bound
        (5, 50000, False)
        """
        known = self._thresholds.get(direction)
        return self._threshold(direction) if known is None else known

    def _threshold(self, direction: Direction | None) -> Threshold:
        # The numbers of bounds(direction), without building its records (this runs on a
        # target's first check): the effective operator gives the side and the inclusion,
        # the amount the threshold — the base pair as a product of integers, unreduced.  A
        # property test holds it equal to bounds().
        effective = self.effective_operator(direction)
        value, factor = self.amount.value, self.amount.unit.factor
        numerator, denominator = value.numerator, value.denominator
        threshold = self._thresholds[direction] = Threshold(
            _COMPARE[effective],
            numerator,
            denominator,
            numerator * factor.numerator,
            denominator * factor.denominator,
            effective is Operator.GE or effective is Operator.GT,
        )
        return threshold

    def reading(self, actual: Actual, *, units: UnitRegistry | None = None) -> Amount:
        """``actual`` as an amount of this target's dimension (a plain number in its unit)."""
        return _amount_in(actual, self.amount.unit, self, units)

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        """Compare ``actual`` with the target; see :class:`CheckResult`.  Text actuals are
        read with ``units`` (``None``: :func:`~indicatorkit.units.registry_in_use`)."""
        known = self._thresholds.get(direction)
        compare, numerator, denominator, base_numerator, base_denominator, _ = (
            self._threshold(direction) if known is None else known
        )
        kind = type(actual)
        if kind is int:
            met = compare(actual * denominator, numerator)  # type: ignore[operator]
        elif kind is Decimal:
            if not actual.is_finite():  # type: ignore[union-attr]
                raise InvalidValueError(f"不是有限数 (not a finite number): {actual}")
            met = compare(actual, self._decimal)  # exact, whatever the exponent
        elif kind is Fraction or kind is float:
            top, bottom = _number_ratio(actual)  # type: ignore[arg-type]
            met = compare(top * denominator, numerator * bottom)
        elif _is_quantity(actual):
            # a pint quantity: exact integer arithmetic on its magnitude and unit factor
            magnitude, factor = _quantity_in(actual, self.amount.unit, self, units)
            met = compare(
                magnitude.numerator * factor.numerator * base_denominator,
                base_numerator * magnitude.denominator * factor.denominator,
            )
        else:
            value = self.reading(actual, units=units).normalized
            met = compare(value.numerator * base_denominator, base_numerator * value.denominator)
        return CheckResult(self, actual, met, direction, units)


_comparison = unchecked(Comparison)


def exact_comparison(operator: Operator | None, value: Fraction, unit: Unit) -> Comparison:
    """``Comparison(operator, Amount(value, unit))`` for a reader that holds a valid operator
    and a value read from a finite decimal, without the converters and validators: the
    readers' hot path (:mod:`indicatorkit.shortcuts`).

    >>> from indicatorkit.units import unit
    >>> exact_comparison(Operator.GE, Fraction(95), unit("%"))
    Comparison('≥95%')
    """
    return _comparison(operator, exact_amount(value, unit))


@attrs.frozen(repr=False)
class Range:
    """``90%～100%``: met when ``low ≤ actual ≤ high``; a compound bound such as
    ``大于10小于20`` has open ends (``low_inclusive`` / ``high_inclusive`` false).

    A range written with a separator (``90%～100%``, ``90%至100%``) includes both ends: no
    national rule covers ranges, and including both is our own documented convention.
    Canonical text: ``low～high`` when both ends are included, otherwise the two comparisons
    joined by 且 (``>10且≤20``).  Plain numbers are read in the low end's unit.

    >>> from indicatorkit import parse_target
    >>> target = parse_target("大于10小于等于20")
    >>> target, target.low_inclusive, target.high_inclusive
    (Range('>10且≤20'), False, True)
    >>> target.check(10).met, target.check(20).met
    (False, True)
    """

    low: Amount = attrs.field(validator=_validate_amount)
    high: Amount = attrs.field(validator=_validate_amount)
    low_inclusive: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    high_inclusive: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        self.low.compatible(self.high, context="区间两端 / range ends")
        low, high = self.low.normalized, self.high.normalized
        if low > high:
            raise InvalidValueError(f"区间下限大于上限 (range low end above high end): {self}")
        if low == high and not (self.low_inclusive and self.high_inclusive):
            raise InvalidValueError(f"区间为空 (an empty range): {self}")

    @property
    def closed(self) -> bool:
        """True when both ends are included (the range reads ``low～high``)."""
        return self.low_inclusive and self.high_inclusive

    def __str__(self) -> str:
        low = self.low
        if low.unit is NO_UNIT and self.high.unit is not NO_UNIT:
            # "90-100%" gives the low end the high end's unit when it has none, so a low end
            # that truly has none is written in the high end's unit to read back the same.
            low = Amount(low.normalized / self.high.unit.factor, self.high.unit)
        high = self.high
        if self.closed:
            return f"{low}～{high}"
        first = Operator.GE if self.low_inclusive else Operator.GT
        second = Operator.LE if self.high_inclusive else Operator.LT
        return f"{first.value}{low}且{second.value}{high}"

    def __repr__(self) -> str:
        return f"Range({str(self)!r})"

    def bounds(self, direction: Direction | None = None) -> Bounds:
        """What this target accepts, in base units: both ends, each included or not.
        ``direction`` does not change a range."""
        return Bounds(
            self.low.unit.dimension,
            self.low.unit,
            Bound(self.low.normalized, self.low_inclusive),
            Bound(self.high.normalized, self.high_inclusive),
        )

    @cached_property
    def _ends(self) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int]]:
        bounds = self.bounds()
        assert bounds.lower is not None and bounds.upper is not None
        low, high = bounds.lower.value, bounds.upper.value
        factor = bounds.unit.factor
        own_low, own_high = low / factor, high / factor
        return (
            (own_low.numerator, own_low.denominator, own_high.numerator, own_high.denominator),
            (low.numerator, low.denominator, high.numerator, high.denominator),
        )

    @cached_property
    def _compare(self) -> tuple[Callable[[Any, Any], bool], Callable[[Any, Any], bool]]:
        return (
            operator.le if self.low_inclusive else operator.lt,
            operator.le if self.high_inclusive else operator.lt,
        )

    def reading(self, actual: Actual, *, units: UnitRegistry | None = None) -> Amount:
        """``actual`` as an amount of this range's dimension (a plain number in its unit)."""
        return _amount_in(actual, self.low.unit, self, units)

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        """Met when ``actual`` lies within the range (each end included or not)."""
        own, base = self._ends
        kind = type(actual)
        if kind is int:
            numerator, denominator = actual, 1
            ends = own
        elif kind is Decimal or kind is Fraction or kind is float:
            if kind is Decimal:
                _finite_decimal(actual)  # type: ignore[arg-type]
            numerator, denominator = _number_ratio(actual)  # type: ignore[arg-type]
            ends = own
        else:
            value = self.reading(actual, units=units).normalized
            numerator, denominator = value.numerator, value.denominator
            ends = base
        low_n, low_d, high_n, high_d = ends
        above, below = self._compare
        met = above(low_n * denominator, numerator * low_d) and below(  # type: ignore[operator]
            numerator * high_d,  # type: ignore[operator]
            high_n * denominator,
        )
        return CheckResult(self, actual, met, direction, units)
