"""What a target's ``check`` takes and gives: the :data:`Actual` values it accepts (text, numbers,
amounts, pint quantities, dates, grades), the :class:`Target` protocol, the
:class:`CheckResult`, and how an actual is read as an amount or a day of a target's kind
(spreadsheet date serials named).

>>> from indicatorkit import parse_target
>>> result = parse_target("≥95%").check("96%")
>>> result.met, result.value
(True, Amount('96%'))
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeGuard, runtime_checkable

from indicatorkit.errors import (
    ArgumentError,
    DateSerialError,
    DimensionMismatchError,
    InvalidValueError,
)
from indicatorkit.language.actuals import read_actual
from indicatorkit.language.bounds import DayBounds, Direction
from indicatorkit.language.values import Amount, DatePoint, DateSpan, Grade
from indicatorkit.numerals import MAX_EXPONENT, format_decimal, to_fraction
from indicatorkit.units import NO_UNIT, Unit, UnitRegistry, registry_in_use

if TYPE_CHECKING:
    from indicatorkit.language.targets import AnyTarget

__all__ = [
    "DATE_SERIALS",
    "Actual",
    "CheckResult",
    "DayTarget",
    "QuantityLike",
    "Target",
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

    __slots__ = ("_actual", "_direction", "_met", "_read", "_target", "_units")

    def __init__(
        self,
        target: AnyTarget,
        actual: Actual,
        met: bool | None,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
        read: Amount | DatePoint | DateSpan | None = None,
    ) -> None:
        # ``check`` builds one per call: plain slots keep that cheap; the public names are
        # read-only properties.  ``read``: the text actual as already read (``value`` then
        # reads nothing again).
        self._target = target
        self._actual = actual
        self._met = met
        self._direction = direction
        self._units = units
        self._read = read

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
        if type(other) is not type(self):  # a subclass's result is another kind of result
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self._key())

    def __repr__(self) -> str:
        return (
            f"CheckResult(target={self.target!r}, actual={self.actual!r}, met={self.met!r}, "
            f"direction={self.direction!r})"
        )

    @property
    def value(self) -> Amount | DatePoint | DateSpan | Grade | None:
        """The actual as read: an amount in the target's dimension, a date, a grade, or
        ``None`` (a qualitative actual that names no grade)."""
        if self._read is not None:
            return self._read
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


class DayTarget:
    """What a :class:`~indicatorkit.language.targets.Deadline` and a
    :class:`~indicatorkit.language.targets.Period` share: they accept days — their
    :meth:`bounds`, which each builds once (``_bounds``) — and read an actual as a day or a
    period.

    >>> from indicatorkit import parse_target
    >>> parse_target("12月底前").contains(parse_target("3-11月").span)
    True
    """

    __slots__ = ()

    if TYPE_CHECKING:  # each kind builds its days once (a cached property)

        @property
        def _bounds(self) -> DayBounds: ...

    def reading(self, actual: Actual, *, units: UnitRegistry | None = None) -> DatePoint | DateSpan:
        """``actual`` as a :class:`DatePoint` or a :class:`DateSpan`."""
        return _date_in(actual, self, units)

    def bounds(self, direction: Direction | None = None) -> DayBounds:
        """The days this target accepts (``direction`` changes nothing)."""
        return self._bounds

    def contains(self, value: DatePoint | DateSpan) -> bool:
        """True when the day (every day of the period) ``value`` is one this target accepts."""
        return self._bounds.contains(value)

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        """Whether the day (or period) read from ``actual`` is within this target's days."""
        met = self._bounds.contains(self.reading(actual, units=units))
        return CheckResult(self, actual, met, direction, units)  # type: ignore[arg-type]
