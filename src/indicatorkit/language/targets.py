"""Typed targets: what a 指标值 means, and whether an actual value meets it.

Five kinds, all frozen and hashable, all behind the :class:`Target` protocol:

* :class:`Comparison` — ``≥95%``, ``<100元``, ``≤1次``, or a bare ``98%``;
* :class:`Range` — ``90%～100%`` (both ends included: our own documented convention);
* :class:`Deadline` — ``12月底前``, ``6月30日前``, ``2024年11月`` (by the end of that month);
* :class:`Period` — ``3-11月``, ``2023年3月--2023年10月``, ``全年`` (both ends included);
* :class:`Qualitative` — a sentence such as ``及时足额发放``, graded by judgement.

Numbers are exact :class:`~fractions.Fraction` values, normalised to the base unit of their
dimension when the target is built.  Whether a number meets a target is decided by the
target's :meth:`~Comparison.bounds` (see :mod:`indicatorkit.language.bounds`); how much a
missed target is worth is a scoring rule (:mod:`indicatorkit.scoring`), not the target's.

>>> from indicatorkit import parse_target
>>> target = parse_target(">5万元")
>>> target.check("60000元").met, target.check(5).met
(True, False)

:data:`AnyTarget` is any of the four kinds; :data:`Actual` is what ``check`` accepts:

>>> from typing import get_args
>>> from indicatorkit.language import Actual, AnyTarget
>>> [kind.__name__ for kind in get_args(AnyTarget)]
['Comparison', 'Range', 'Deadline', 'Period', 'Qualitative']
>>> [kind.__name__ for kind in get_args(Actual)][:5]
['str', 'int', 'float', 'Decimal', 'Fraction']
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Any, NamedTuple, Protocol, TypeAlias, TypeGuard, runtime_checkable

import attrs

from indicatorkit.errors import (
    ArgumentError,
    DateSerialError,
    DimensionMismatchError,
    InvalidValueError,
)
from indicatorkit.language.actuals import read_actual
from indicatorkit.language.bounds import (
    Bound,
    Bounds,
    DayBounds,
    Direction,
    comparison_bounds,
    effective_operator,
)
from indicatorkit.language.prose import reads_as_prose
from indicatorkit.language.values import (
    Amount,
    DatePoint,
    DateSpan,
    Grade,
    exact_amount,
    restatement,
)
from indicatorkit.numerals import MAX_EXPONENT, format_decimal, is_terminating, to_fraction
from indicatorkit.shortcuts import unchecked
from indicatorkit.units import NO_UNIT, Unit, UnitRegistry, registry_in_use
from indicatorkit.vocabulary import Operator

__all__ = [
    "DATE_SERIALS",
    "Actual",
    "AnyTarget",
    "CheckResult",
    "Comparison",
    "Deadline",
    "Period",
    "Qualitative",
    "QuantityLike",
    "Range",
    "Target",
    "Threshold",
    "exact_comparison",
    "serial_date",
]


@runtime_checkable
class QuantityLike(Protocol):
    """A pint quantity (or anything shaped like one): a magnitude and units.

    >>> from indicatorkit.units import default_registry
    >>> quantity = default_registry().pint.Quantity(5, "万元")
    >>> isinstance(quantity, QuantityLike), isinstance(5, QuantityLike)
    (True, False)
    """

    @property
    def magnitude(self) -> Any: ...

    @property
    def units(self) -> Any: ...

    def unit_items(self) -> Any: ...


#: What :meth:`Target.check` accepts: a text in the target language, a number (read in the
#: target's own unit), an :class:`Amount`, a pint quantity, a date, or a :class:`Grade`.
Actual: TypeAlias = (
    str
    | int
    | float
    | Decimal
    | Fraction
    | Amount
    | DatePoint
    | DateSpan
    | datetime.date
    | Grade
    | QuantityLike
)


@runtime_checkable
class Target(Protocol):
    """What every target offers.  ``str(target)`` is canonical text and
    ``parse_target(str(target)) == target``.

    >>> from indicatorkit import Target, parse_target
    >>> isinstance(parse_target("≥95%"), Target), isinstance(parse_target("12月底前"), Target)
    (True, True)
    """

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        """Compare an actual value with this target."""
        ...


class CheckResult:
    """The outcome of :meth:`Target.check`: ``target``, ``actual`` (exactly what was passed
    in), ``met`` and ``direction``.

    ``met`` is ``True``/``False``, or ``None`` for a qualitative target whose actual names no
    grade yet.  :attr:`value` is the actual as read (an :class:`Amount`, a
    :class:`DatePoint`, a :class:`Grade` or ``None``), computed on demand.  The fields are
    read-only; a result is hashable and equal to another with the same fields.

    >>> from indicatorkit import parse_target
    >>> result = parse_target("≥200件").check(150)
    >>> result.met, result.value
    (False, Amount('150件'))
    """

    __slots__ = ("_actual", "_direction", "_met", "_target", "_units")

    def __init__(
        self,
        target: AnyTarget,
        actual: Actual,
        met: bool | None,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> None:
        # ``check`` builds one per call: plain slots keep that cheap; the public names are
        # read-only properties.
        self._target = target
        self._actual = actual
        self._met = met
        self._direction = direction
        self._units = units

    @property
    def target(self) -> AnyTarget:
        return self._target

    @property
    def actual(self) -> Actual:
        return self._actual

    @property
    def met(self) -> bool | None:
        return self._met

    @property
    def direction(self) -> Direction | None:
        return self._direction

    @property
    def units(self) -> UnitRegistry | None:
        """The unit registry text actuals were read with (``None``: the default)."""
        return self._units

    def _key(self) -> tuple[Any, ...]:
        return (self.target, self.actual, self.met, self.direction, self.units)

    def __eq__(self, other: object) -> bool:
        if type(other) is not CheckResult:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        return (CheckResult, self._key())

    def __repr__(self) -> str:
        return (
            f"CheckResult(target={self.target!r}, actual={self.actual!r}, met={self.met!r}, "
            f"direction={self.direction!r})"
        )

    @property
    def value(self) -> Amount | DatePoint | DateSpan | Grade | None:
        """The actual as read: an amount in the target's dimension, a date, a grade, or
        ``None`` (a qualitative actual that names no grade)."""
        return self.target.reading(self.actual, units=self.units)


def _number_ratio(number: Decimal | float | Fraction) -> tuple[int, int]:
    """Exact ``(numerator, denominator)`` of a plain number; floats by their shortest repr."""
    if type(number) is Fraction:
        return number.numerator, number.denominator
    value = to_fraction(number)
    return value.numerator, value.denominator


def _finite_decimal(number: Decimal) -> Decimal:
    if not number.is_finite():
        raise InvalidValueError(f"不是有限数 (not a finite number): {number}")
    if abs(number.adjusted()) > MAX_EXPONENT:
        raise InvalidValueError(f"数值超出范围 (a number beyond ±10^{MAX_EXPONENT}): {number:.6e}")
    return number


def _amount_in(actual: Actual, unit: Unit, target: object, units: UnitRegistry | None) -> Amount:
    """``actual`` as an Amount of ``unit``'s dimension; plain numbers are read in ``unit``.

    Raises :class:`DimensionMismatchError` (naming ``target``) for another dimension or a date.
    """
    if isinstance(actual, str):
        value = read_actual(actual, registry_in_use() if units is None else units)
        if not isinstance(value, Amount):
            raise DimensionMismatchError(
                unit.symbol or unit.kind, actual, context="需要数值 / a number is needed"
            )

    elif isinstance(actual, Amount):
        value = actual
    elif isinstance(actual, DatePoint | DateSpan | datetime.date | Grade):
        raise DimensionMismatchError(
            unit.symbol or unit.kind, str(actual), context="需要数值 / a number is needed"
        )
    elif _is_quantity(actual):
        magnitude, factor = _quantity_in(actual, unit, target, units)
        return Amount(magnitude * factor / unit.factor, unit)
    elif isinstance(actual, int | float | Fraction | Decimal):
        if isinstance(actual, Decimal):
            _finite_decimal(actual)
        return Amount(to_fraction(actual), unit)
    else:
        raise ArgumentError("check", "actual", "str、数 number、Amount", actual)
    if value.unit.dimension != unit.dimension:
        raise DimensionMismatchError(
            unit.symbol or unit.kind, value.unit.symbol or value.unit.kind, context=str(target)
        )
    return value


_QUANTITY_TYPES: dict[type, bool] = {}


def _is_quantity_type(kind: type) -> bool:
    """True for a pint quantity type (anything with magnitude, units and unit items);
    answered once per type, since a protocol ``isinstance`` is slow."""
    known = _QUANTITY_TYPES.get(kind)
    if known is None:
        known = _QUANTITY_TYPES[kind] = all(
            hasattr(kind, name) for name in ("magnitude", "units", "unit_items")
        )
    return known


def _is_quantity(value: object) -> TypeGuard[QuantityLike]:
    return _is_quantity_type(type(value))


def _quantity_in(
    quantity: QuantityLike, unit: Unit, target: object, units: UnitRegistry | None
) -> tuple[Fraction, Fraction]:
    """A pint quantity's exact magnitude and its unit's factor to base, after checking that
    its dimension is ``unit``'s."""
    registry = registry_in_use() if units is None else units
    own = registry.quantity_unit(quantity)
    if own.dimension != unit.dimension:
        raise DimensionMismatchError(
            unit.symbol or unit.kind, own.symbol or own.kind, context=str(target)
        )
    return to_fraction(quantity.magnitude), own.factor


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


#: Spreadsheet date serials of the years 1990–2099 (Excel's 1900 date system): a plain number
#: in this range where a date is needed is probably one (``45291`` is 2023-12-31).
DATE_SERIALS = range(32874, 73051)
_SERIAL_EPOCH = datetime.date(1899, 12, 30)


def serial_date(serial: int) -> datetime.date:
    """The day a spreadsheet date serial stands for (Excel's 1900 system, serials after
    1900-02-28): ``serial_date(45291)`` is 2023-12-31.

    >>> serial_date(45291), serial_date(61)
    (datetime.date(2023, 12, 31), datetime.date(1900, 3, 1))
    """
    return _SERIAL_EPOCH + datetime.timedelta(days=serial)


def _serial_error(number: object, target: object) -> DateSerialError | None:
    """The error for a number that is probably a spreadsheet date serial, or ``None``."""
    try:
        value = to_fraction(number)
    except (TypeError, ValueError, ArithmeticError):
        return None
    if value.denominator != 1 or int(value) not in DATE_SERIALS:
        return None
    day = serial_date(int(value))
    return DateSerialError(
        format_decimal(value),
        f"{day.year}年{day.month}月{day.day}日",
        day.isoformat(),
        context=str(target),
    )


def _date_in(actual: Actual, target: object, units: UnitRegistry | None) -> DatePoint | DateSpan:
    """``actual`` as a day or a period; a plain number that looks like a spreadsheet date
    serial gets an error naming the date it would be."""
    if isinstance(actual, DatePoint | DateSpan):
        return actual
    if isinstance(actual, datetime.date):
        return DatePoint(actual.month, actual.day, actual.year)
    number: object = actual
    if isinstance(actual, str):
        value = read_actual(actual, registry_in_use() if units is None else units)
        if isinstance(value, DatePoint | DateSpan):
            return value
        number = value
    if isinstance(number, Amount):
        number = number.value if number.unit is NO_UNIT else None
    if isinstance(number, int | float | Decimal | Fraction) and not isinstance(number, bool):
        serial = _serial_error(number, target)
        if serial is not None:
            raise serial
    raise DimensionMismatchError(str(target), str(actual), context="需要日期 / a date is needed")


@attrs.frozen(repr=False)
class Deadline:
    """``12月底前``: done by the day ``by`` (inclusive) — its bound.

    An actual is a :class:`datetime.date`, a :class:`DatePoint`, a :class:`DateSpan` (done
    within it: met when its last day is in time) or text such as ``12月20日`` or
    ``2024年11月`` (the whole month).  Years are compared only when both sides give one: then
    an earlier year meets it and a later one misses it; otherwise ``(month, day)`` is
    compared with ``by.key()``.

    >>> import datetime
    >>> from indicatorkit import parse_target
    >>> target = parse_target("12月底前")
    >>> target
    Deadline('12月底前')
    >>> target.check(datetime.date(2025, 12, 20)).met
    True
    """

    by: DatePoint = attrs.field(validator=attrs.validators.instance_of(DatePoint))

    def __str__(self) -> str:
        return f"{self.by}前"

    def __repr__(self) -> str:
        return f"Deadline({str(self)!r})"

    def reading(self, actual: Actual, *, units: UnitRegistry | None = None) -> DatePoint | DateSpan:
        """``actual`` as a :class:`DatePoint` or a :class:`DateSpan`."""
        return _date_in(actual, self, units)

    def bounds(self, direction: Direction | None = None) -> DayBounds:
        """The days this deadline accepts: any up to ``by`` (``direction`` changes nothing)."""
        return self._bounds

    @cached_property
    def _bounds(self) -> DayBounds:
        return DayBounds(None, self.by)

    def contains(self, point: DatePoint | DateSpan) -> bool:
        """True when ``point`` (all of a period) is on or before the deadline."""
        return self._bounds.contains(point)

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        return _check_days(self, actual, direction, units)


@attrs.frozen(repr=False)
class Period:
    """``3-11月``: a span of days, both ends included — met by a day inside it, or by a
    period that lies wholly inside it.

    ``str`` writes ``3月～11月`` (a month named alone at the start is its 1st, at the end its
    last day; a year written once holds for both ends).  Years count only when both sides
    give one, as for :class:`Deadline`.

    >>> from indicatorkit import parse_target
    >>> period = parse_target("2024年3月-10月")
    >>> period, period.check("2024年5月").met, period.check("2024年11月1日").met
    (Period('2024年3月～10月'), True, False)
    """

    span: DateSpan = attrs.field(validator=attrs.validators.instance_of(DateSpan))

    def __str__(self) -> str:
        return str(self.span)

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    def reading(self, actual: Actual, *, units: UnitRegistry | None = None) -> DatePoint | DateSpan:
        """``actual`` as a :class:`DatePoint` or a :class:`DateSpan`."""
        return _date_in(actual, self, units)

    def bounds(self, direction: Direction | None = None) -> DayBounds:
        """The days this period accepts: its span (``direction`` changes nothing)."""
        return self._bounds

    @cached_property
    def _bounds(self) -> DayBounds:
        return DayBounds(self.span.start, self.span.end)

    def contains(self, value: DatePoint | DateSpan) -> bool:
        """True when the day (every day of the period) ``value`` lies in this period."""
        return self._bounds.contains(value)

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        return _check_days(self, actual, direction, units)


def _check_days(
    target: Deadline | Period,
    actual: Actual,
    direction: Direction | None,
    units: UnitRegistry | None,
) -> CheckResult:
    """``check`` of a deadline or a period: the day (or period) read from ``actual``, decided
    by the target's :class:`DayBounds`."""
    met = target.bounds().contains(target.reading(actual, units=units))
    return CheckResult(target, actual, met, direction, units)


@attrs.frozen(repr=False)
class Qualitative:
    """A target written as a sentence (定性), graded by judgement.

    ``check`` reads the grade from the actual (``达成`` / ``部分达成`` / ``未达成``, or their
    full forms, or a :class:`Grade`): met is ``True`` only for 达成, ``None`` when the actual
    names no grade yet.

    >>> from indicatorkit import parse_target
    >>> target = parse_target("及时足额发放")
    >>> target
    Qualitative('及时足额发放')
    >>> target.check("达成").met, target.check("部分达成").met
    (True, False)
    """

    text: str = attrs.field()

    @text.validator
    def _not_blank(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise InvalidValueError(
                f"定性指标文本不能为空或以空白开头结尾 (blank or padded text): {value!r}"
            )

    def __str__(self) -> str:
        """The sentence itself, or quoted (“…”) when it would not read back as a sentence —
        it contains numbers or signs, or reads as an expression."""
        return self.text if reads_as_prose(self.text) else f"“{self.text}”"

    def __repr__(self) -> str:
        return f"Qualitative({self.text!r})"

    def reading(self, actual: Actual, *, units: UnitRegistry | None = None) -> Grade | None:
        """The grade ``actual`` names, or ``None``; an actual that repeats the target or says
        it was fully done (``100%``, ``是``, ``已完成``: :func:`~indicatorkit.language.values.
        restatement`) names 达成.

        >>> Qualitative("是").reading("是"), Qualitative("及时发放").reading("100%")
        (<Grade.ACHIEVED: '达成年度指标'>, <Grade.ACHIEVED: '达成年度指标'>)
        """
        if isinstance(actual, Grade):
            return actual
        if not isinstance(actual, str):
            return None
        grade = Grade.read(actual)
        if grade is None and restatement(self.text, actual) is not None:
            return Grade.ACHIEVED
        return grade

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        grade = self.reading(actual)
        met = None if grade is None else grade is Grade.ACHIEVED
        return CheckResult(self, actual, met, direction, units)


#: Any target :func:`~indicatorkit.parse_target` returns.
AnyTarget: TypeAlias = Comparison | Range | Deadline | Period | Qualitative
