"""Typed targets: what a 指标值 means, and how an actual value is checked against it.

Four kinds, all frozen and hashable, all behind the :class:`Target` protocol:

* :class:`Comparison` — ``≥95%``, ``<100元``, ``≤1次``, or a bare ``98%``;
* :class:`Range` — ``90%～100%`` (both ends included: our own documented convention);
* :class:`Deadline` — ``12月底前``, ``6月30日前``;
* :class:`Qualitative` — a sentence such as ``及时足额发放``, graded by judgement.

Numbers are exact :class:`~fractions.Fraction` values, normalised to the base unit of their
dimension when the target is built, so checking is plain integer arithmetic:

>>> from indicatorkit import parse_target
>>> target = parse_target(">5万元")
>>> target.check("60000元").met, target.check(5).met
(True, False)
>>> parse_target("≥95%").check("95%").attainment
Fraction(1, 1)
"""

from __future__ import annotations

import calendar
import datetime
import enum
import operator
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypeGuard, runtime_checkable

import attrs

from indicatorkit.errors import DimensionMismatchError, InvalidValueError
from indicatorkit.numerals import format_decimal, is_terminating, to_fraction
from indicatorkit.units import NO_UNIT, Unit
from indicatorkit.vocabulary import Operator

if TYPE_CHECKING:
    import pint

__all__ = [
    "Actual",
    "Amount",
    "CheckResult",
    "Comparison",
    "DatePoint",
    "Deadline",
    "Direction",
    "Grade",
    "Qualitative",
    "Range",
    "Target",
]


class Direction(enum.Enum):
    """Which way is better for an indicator (正向 / 反向).

    It decides how a bare value (``98%``) or ``=`` is checked; explicit ≥ > ≤ < carry their
    own direction.  The default everywhere is :attr:`HIGHER` ("at least").
    """

    HIGHER = "正向"
    LOWER = "反向"


class Grade(enum.Enum):
    """The three grades of a qualitative target (national self-assessment rules)."""

    ACHIEVED = "达成年度指标"
    PARTIAL = "部分达成年度指标并具有一定效果"
    NOT_ACHIEVED = "未达成年度指标且效果较差"

    @classmethod
    def read(cls, text: str) -> Grade | None:
        """The grade a text names (full or short form), or ``None``.

        >>> Grade.read("部分达成"), Grade.read("已按时足额发放")
        (<Grade.PARTIAL: '部分达成年度指标并具有一定效果'>, None)
        """
        return _GRADE_WORDS.get(text.strip())


_GRADE_WORDS = {
    "达成年度指标": Grade.ACHIEVED,
    "达成": Grade.ACHIEVED,
    "已达成": Grade.ACHIEVED,
    "部分达成年度指标并具有一定效果": Grade.PARTIAL,
    "部分达成": Grade.PARTIAL,
    "未达成年度指标且效果较差": Grade.NOT_ACHIEVED,
    "未达成": Grade.NOT_ACHIEVED,
}


def _normalized(amount: Amount) -> Fraction:
    return amount.value * amount.unit.factor


@attrs.frozen(repr=False, eq=False)
class Amount:
    """An exact number with a unit: ``Amount(5, unit("万元"))`` is 5万元.

    ``value`` is in ``unit``; ``normalized`` is the same amount in the dimension's base unit,
    computed once.  Amounts compare by meaning: ``5万元 == 50000元``.
    """

    value: Fraction = attrs.field(converter=to_fraction)
    unit: Unit = NO_UNIT
    normalized: Fraction = attrs.field(
        init=False, default=attrs.Factory(_normalized, takes_self=True)
    )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return self.normalized == other.normalized and self.unit.dimension == other.unit.dimension

    @property
    def dimension(self) -> str:
        return self.unit.dimension

    def __hash__(self) -> int:
        return hash((self.normalized, self.unit.dimension))

    def __repr__(self) -> str:
        return f"Amount({str(self)!r})"

    def __str__(self) -> str:
        return f"{format_decimal(self.value)}{self.unit.symbol}"

    def compatible(self, other: Amount, context: str = "") -> None:
        """Raise :class:`DimensionMismatchError` unless ``other`` has the same dimension."""
        if other.unit.dimension != self.unit.dimension:
            raise DimensionMismatchError(
                self.unit.symbol or self.unit.kind,
                other.unit.symbol or other.unit.kind,
                context=context,
            )


@attrs.frozen
class DatePoint:
    """A day of the year, as in ``12月20日`` or ``11月底`` (``day=None`` is the month's end)."""

    month: int
    day: int | None = None
    year: int | None = None

    def __attrs_post_init__(self) -> None:
        if not valid_day(self.month, self.day, self.year):
            raise InvalidValueError(f"日期无效 (no such day): {self}")

    def __str__(self) -> str:
        year = f"{self.year}年" if self.year is not None else ""
        day = "底" if self.day is None else f"{self.day}日"
        return f"{year}{self.month}月{day}"

    def key(self) -> tuple[int, int]:
        """(month, day) inside a year; a month's end is its last day (February: the 29th
        unless a year says otherwise)."""
        if self.day is not None:
            return (self.month, self.day)
        if self.year is not None:
            return (self.month, calendar.monthrange(self.year, self.month)[1])
        return (self.month, _MONTH_DAYS[self.month - 1])


#: What :meth:`Target.check` accepts: a text in the target language, a number (read in the
#: target's own unit), an :class:`Amount`, a pint quantity, a date, or a :class:`Grade`.
Actual = str | int | float | Decimal | Fraction | Amount | DatePoint | datetime.date | Grade | Any


@runtime_checkable
class Target(Protocol):
    """What every target offers.  ``str(target)`` is canonical text and
    ``parse_target(str(target)) == target``."""

    def check(self, actual: Actual, *, direction: Direction | None = None) -> CheckResult:
        """Compare an actual value with this target."""
        ...

    def attainment(self, actual: Actual, *, direction: Direction | None = None) -> Fraction | None:
        """Exact ratio of ``actual`` to the target in the indicator's direction, or ``None``."""
        ...


_new_tuple = tuple.__new__


class CheckResult(tuple[Any, ...]):
    """The outcome of :meth:`Target.check`: ``target``, ``actual``, ``met``, ``direction``.

    ``met`` is ``True``/``False``, or ``None`` for a qualitative target whose actual names no
    grade yet.  ``actual`` is exactly what was passed in; ``attainment`` is computed from it on
    demand (an exact :class:`~fractions.Fraction`, or ``None`` where no ratio exists).

    Unlike the other records this one is a tuple subclass, not an attrs class: ``check`` builds
    one per call and a tuple is built three times faster (see ``benchmarks/``).  It is just as
    immutable and hashable, and equal only to another ``CheckResult``.

    >>> from indicatorkit import parse_target
    >>> result = parse_target("≥200件").check(150)
    >>> result.met, result.attainment
    (False, Fraction(3, 4))
    """

    __slots__ = ()

    def __new__(
        cls,
        target: Target,
        actual: Actual,
        met: bool | None,
        direction: Direction | None = None,
    ) -> CheckResult:
        return _new_tuple(cls, (target, actual, met, direction))

    @property
    def target(self) -> Target:
        return self[0]  # type: ignore[no-any-return]

    @property
    def actual(self) -> Actual:
        return self[1]

    @property
    def met(self) -> bool | None:
        return self[2]  # type: ignore[no-any-return]

    @property
    def direction(self) -> Direction | None:
        return self[3]  # type: ignore[no-any-return]

    @property
    def attainment(self) -> Fraction | None:
        return self.target.attainment(self.actual, direction=self.direction)

    def __eq__(self, other: object) -> bool:
        if type(other) is not CheckResult:
            # never equal to a plain tuple, even with the same items
            return False if isinstance(other, tuple) else NotImplemented
        return tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = tuple.__hash__

    def __getnewargs__(self) -> tuple[Any, ...]:
        return tuple(self)  # for copy and pickle

    def __repr__(self) -> str:
        return (
            f"CheckResult(target={self.target!r}, actual={self.actual!r}, met={self.met!r}, "
            f"direction={self.direction!r})"
        )


def _result(
    target: Target, actual: Actual, met: bool | None, direction: Direction | None
) -> CheckResult:
    return _new_tuple(CheckResult, (target, actual, met, direction))


def _number_ratio(number: Decimal | float | Fraction) -> tuple[int, int]:
    """Exact ``(numerator, denominator)`` of a plain number; floats by their shortest repr."""
    if type(number) is Fraction:
        return number.numerator, number.denominator
    try:
        if type(number) is float:
            return Decimal(repr(number)).as_integer_ratio()
        return number.as_integer_ratio()
    except (ValueError, OverflowError):
        raise InvalidValueError(f"not a finite number: {number}") from None


_parse_actual: Callable[[str], object] | None = None


def _read_actual(text: str) -> object:
    global _parse_actual
    if _parse_actual is None:
        from indicatorkit.language.reading import parse_actual  # the parser imports this module

        _parse_actual = parse_actual
    return _parse_actual(text)


def _quantity_amount(quantity: pint.Quantity[Any]) -> Amount:
    from indicatorkit.units import quantity_unit

    return Amount(to_fraction(quantity.magnitude), quantity_unit(quantity))


def _is_quantity(value: object) -> TypeGuard[pint.Quantity[Any]]:
    return (
        hasattr(value, "magnitude") and hasattr(value, "units") and hasattr(value, "to_base_units")
    )


_COMPARE: dict[Operator, Callable[[Any, Any], bool]] = {
    Operator.GE: operator.ge,
    Operator.GT: operator.gt,
    Operator.LE: operator.le,
    Operator.LT: operator.lt,
}


_LOWER = Direction.LOWER


def _amount_in(actual: Actual, unit: Unit, target: object) -> Amount:
    """``actual`` as an Amount of ``unit``'s dimension; plain numbers are read in ``unit``.

    Raises :class:`DimensionMismatchError` (naming ``target``) for another dimension or a date.
    """
    if isinstance(actual, str):
        value = _read_actual(actual)
        if not isinstance(value, Amount):
            raise DimensionMismatchError(
                unit.symbol or unit.kind, actual, context="需要数值 / a number is needed"
            )
    elif isinstance(actual, Amount):
        value = actual
    elif _is_quantity(actual):
        value = _quantity_amount(actual)
    elif isinstance(actual, DatePoint | datetime.date | Grade):
        raise DimensionMismatchError(
            unit.symbol or unit.kind, str(actual), context="需要数值 / a number is needed"
        )
    else:
        return Amount(to_fraction(actual), unit)
    if value.unit.dimension != unit.dimension:
        raise DimensionMismatchError(
            unit.symbol or unit.kind, value.unit.symbol or value.unit.kind, context=str(target)
        )
    return value


def _effective(op: Operator | None, direction: Direction | None, value: Fraction) -> Operator:
    """≥ > ≤ < as written; a bare value or ``=`` reaches the value in ``direction`` — with no
    direction given, "at least", except that ``=0`` means "none at all" (≤ 0, national rule)."""
    if op is not None and op is not Operator.EQ:
        return op
    if direction is Direction.LOWER or (direction is None and value == 0):
        return Operator.LE
    return Operator.GE


def _validate_amount(instance: object, attribute: attrs.Attribute[Amount], value: Amount) -> None:
    if not is_terminating(value.value):
        raise InvalidValueError(
            f"目标值必须是有限小数 (a target value must be a finite decimal): {value.value}"
        )


@attrs.frozen(repr=False)
class Comparison:
    """``≥95%``: an operator and an amount.

    ``operator`` is ``None`` for a bare value (``98%``), which — like ``=`` — means "reach this
    value" in the indicator's direction, *at least* unless ``direction=Direction.LOWER``.
    A bare number is read in the target's own unit: ``parse_target("≥5万元").check(6)`` is 6万元.
    """

    operator: Operator | None
    amount: Amount = attrs.field(validator=_validate_amount)
    # Precomputed for ``check``: the threshold as integers in the amount's own unit and in the
    # base unit, as a Decimal, and the comparison for each direction.
    _numerator: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _denominator: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _base_numerator: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _base_denominator: int = attrs.field(init=False, eq=False, repr=False, hash=False)
    _decimal: Decimal = attrs.field(init=False, eq=False, repr=False, hash=False)
    _compare: Callable[[Any, Any], bool] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _compare_lower: Callable[[Any, Any], bool] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _compare_higher: Callable[[Any, Any], bool] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        value, base = self.amount.value, self.amount.normalized
        set_field = object.__setattr__
        set_field(self, "_numerator", value.numerator)
        set_field(self, "_denominator", value.denominator)
        set_field(self, "_base_numerator", base.numerator)
        set_field(self, "_base_denominator", base.denominator)
        set_field(self, "_decimal", Decimal(format_decimal(value)))
        for name, direction in (("_compare", None), ("_compare_lower", Direction.LOWER)):
            set_field(self, name, _COMPARE[_effective(self.operator, direction, value)])
        set_field(
            self, "_compare_higher", _COMPARE[_effective(self.operator, Direction.HIGHER, value)]
        )

    def __str__(self) -> str:
        sign = "" if self.operator is None else self.operator.value
        return f"{sign}{self.amount}"

    def __repr__(self) -> str:
        return f"Comparison({str(self)!r})"

    def effective_operator(self, direction: Direction | None = None) -> Operator:
        """The operator used for checking.  A bare value or ``=`` means "reach the value" in
        ``direction``: ≥ by default, ≤ for :attr:`Direction.LOWER`, and ≤ for ``=0`` when no
        direction is given (zero incidents, the national scoring rule)."""
        return _effective(self.operator, direction, self.amount.value)

    def _amount_of(self, actual: Actual) -> Amount:
        return _amount_in(actual, self.amount.unit, self)

    def check(self, actual: Actual, *, direction: Direction | None = None) -> CheckResult:
        """Compare ``actual`` with the target; see :class:`CheckResult`."""
        if direction is None:
            compare = self._compare
        else:
            compare = self._compare_lower if direction is _LOWER else self._compare_higher
        kind = type(actual)
        if kind is int:
            # Fast path: a number in the target's own unit, compared as integers.
            met = compare(actual * self._denominator, self._numerator)  # type: ignore[operator]
        elif kind is Decimal:
            if not actual.is_finite():  # type: ignore[union-attr]
                raise InvalidValueError(f"not a finite number: {actual}")
            met = compare(actual, self._decimal)  # Decimal comparison is exact
        elif kind is Fraction or kind is float:
            numerator, denominator = _number_ratio(actual)  # type: ignore[arg-type]
            met = compare(numerator * self._denominator, self._numerator * denominator)
        else:
            value = self._amount_of(actual).normalized
            met = compare(
                value.numerator * self._base_denominator, self._base_numerator * value.denominator
            )
        return _new_tuple(CheckResult, (self, actual, met, direction))

    def attainment(self, actual: Actual, *, direction: Direction | None = None) -> Fraction | None:
        """Actual ÷ target when more is better, target ÷ actual when less is better.

        A negative actual counts as 0 (national rule).  ``None`` where no ratio exists: a
        target at or below zero, or a zero actual against an upper bound (``≤1次`` with 0).
        """
        got = max(self._amount_of(actual).normalized, Fraction(0))
        want = self.amount.normalized
        if want <= 0:
            return None
        if self.effective_operator(direction).is_lower_bound:
            return got / want
        return want / got if got else None


@attrs.frozen(repr=False)
class Range:
    """``90%～100%``: met when ``low ≤ actual ≤ high`` (both ends included).

    No national rule covers ranges; our convention for attainment is 1 inside the range,
    actual ÷ low below it and high ÷ actual above it.
    """

    low: Amount = attrs.field(validator=_validate_amount)
    high: Amount = attrs.field(validator=_validate_amount)
    # Precomputed for ``check``: both ends as integer ratios in the low end's unit (how plain
    # numbers are read) and in the base unit.
    _bounds: tuple[int, int, int, int] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _base_bounds: tuple[int, int, int, int] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        self.low.compatible(self.high, context="区间两端 / range ends")
        low, high = self.low.normalized, self.high.normalized
        if low > high:
            raise InvalidValueError(f"区间下限大于上限 (range low end above high end): {self}")
        factor = self.low.unit.factor
        shown_low, shown_high = low / factor, high / factor
        object.__setattr__(
            self,
            "_bounds",
            (
                shown_low.numerator,
                shown_low.denominator,
                shown_high.numerator,
                shown_high.denominator,
            ),
        )
        object.__setattr__(
            self, "_base_bounds", (low.numerator, low.denominator, high.numerator, high.denominator)
        )

    def __str__(self) -> str:
        low = self.low
        if low.unit is NO_UNIT and self.high.unit is not NO_UNIT:
            # "90-100%" gives the low end the high end's unit when it has none, so a low end
            # that truly has none is written in the high end's unit to read back the same.
            low = Amount(low.normalized / self.high.unit.factor, self.high.unit)
        return f"{low}～{self.high}"

    def __repr__(self) -> str:
        return f"Range({str(self)!r})"

    def _amount_of(self, actual: Actual) -> Amount:
        return _amount_in(actual, self.low.unit, self)

    def check(self, actual: Actual, *, direction: Direction | None = None) -> CheckResult:
        """Met when ``low ≤ actual ≤ high``; plain numbers are read in the low end's unit."""
        kind = type(actual)
        if kind is int:
            numerator, denominator = actual, 1
            bounds = self._bounds
        elif kind is Decimal or kind is Fraction or kind is float:
            numerator, denominator = _number_ratio(actual)  # type: ignore[arg-type]
            bounds = self._bounds
        else:
            value = self._amount_of(actual).normalized
            numerator, denominator = value.numerator, value.denominator
            bounds = self._base_bounds
        low_n, low_d, high_n, high_d = bounds
        met = (
            low_n * denominator <= numerator * low_d  # type: ignore[operator]
            and numerator * high_d <= high_n * denominator  # type: ignore[operator]
        )
        return _new_tuple(CheckResult, (self, actual, met, direction))

    def attainment(self, actual: Actual, *, direction: Direction | None = None) -> Fraction | None:
        """1 inside the range, actual ÷ low below it, high ÷ actual above it (a negative actual
        counts as 0); ``None`` where that end is at or below zero."""
        value = self._amount_of(actual).normalized
        low, high = self.low.normalized, self.high.normalized
        if value < low:
            return max(value, Fraction(0)) / low if low > 0 else None
        if value > high:
            return high / value if high > 0 else None
        return Fraction(1)


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_day(month: int, day: int | None, year: int | None = None) -> bool:
    """True for a real month (1–12) and, if given, a day that month has (in ``year``)."""
    if not 1 <= month <= 12 or (year is not None and not 1 <= year <= 9999):
        return False
    if day is None:
        return True
    last = _MONTH_DAYS[month - 1] if year is None else calendar.monthrange(year, month)[1]
    return 1 <= day <= last


@attrs.frozen(repr=False)
class Deadline:
    """``12月底前``: done by a day of the year (inclusive).

    An actual is a :class:`datetime.date`, a :class:`DatePoint` or text such as ``12月20日``;
    years are compared only when both sides give one.  Deadlines have no attainment ratio.
    """

    by: DatePoint

    def __str__(self) -> str:
        return f"{self.by}前"

    def __repr__(self) -> str:
        return f"Deadline({str(self)!r})"

    def _point_of(self, actual: Actual) -> DatePoint:
        if isinstance(actual, DatePoint):
            return actual
        if isinstance(actual, datetime.date):
            return DatePoint(actual.month, actual.day, actual.year)
        if isinstance(actual, str):
            point = _read_actual(actual)
            if isinstance(point, DatePoint):
                return point
        raise DimensionMismatchError(str(self), str(actual), context="需要日期 / a date is needed")

    def check(self, actual: Actual, *, direction: Direction | None = None) -> CheckResult:
        point = self._point_of(actual)
        if point.year is not None and self.by.year is not None and point.year != self.by.year:
            met = point.year < self.by.year
        else:
            met = point.key() <= self.by.key()
        return _result(self, actual, met, direction)

    def attainment(self, actual: Actual, *, direction: Direction | None = None) -> Fraction | None:
        self._point_of(actual)
        return None


@attrs.frozen(repr=False)
class Qualitative:
    """A target written as a sentence (定性), graded by judgement.

    ``check`` reads the grade from the actual (``达成`` / ``部分达成`` / ``未达成``, or their
    full forms, or a :class:`Grade`): met is ``True`` only for 达成, ``None`` when the actual
    names no grade yet.
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
        from indicatorkit.language.reading import reads_as_prose

        return self.text if reads_as_prose(self.text) else f"“{self.text}”"

    def __repr__(self) -> str:
        return f"Qualitative({self.text!r})"

    def check(self, actual: Actual, *, direction: Direction | None = None) -> CheckResult:
        grade = actual if isinstance(actual, Grade) else Grade.read(str(actual))
        met = None if grade is None else grade is Grade.ACHIEVED
        return _result(self, actual, met, direction)

    def attainment(self, actual: Actual, *, direction: Direction | None = None) -> Fraction | None:
        return None


#: Any target :func:`~indicatorkit.parse_target` returns.
AnyTarget: TypeAlias = Comparison | Range | Deadline | Qualitative
