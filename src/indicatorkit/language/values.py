"""Values of the target language: an exact amount with a unit, a day of the year, and the
grade of a qualitative result.  They are what an actual value (实际完成值) reads to, and what
targets are made of.

>>> from indicatorkit.units import unit
>>> Amount(5, unit("万元")) == Amount(50000, unit("元"))
True
>>> str(DatePoint(12)), str(DatePoint(6, 30, 2025))
('12月底', '2025年6月30日')
>>> Grade.read("部分达成")
<Grade.PARTIAL: '部分达成年度指标并具有一定效果'>
"""

from __future__ import annotations

import calendar
import enum
from fractions import Fraction
from functools import cached_property

import attrs

from indicatorkit.errors import DimensionMismatchError, InvalidValueError
from indicatorkit.numerals import format_decimal, to_fraction
from indicatorkit.units import NO_UNIT, Unit

__all__ = ["Amount", "DatePoint", "Grade", "valid_day"]


@attrs.frozen(repr=False, eq=False)
class Amount:
    """An exact number with a unit: ``Amount(5, unit("万元"))`` is 5万元.

    ``value`` is in ``unit``; ``normalized`` is the same amount in the dimension's base unit,
    computed once, when first needed.  Amounts compare by meaning: ``5万元 == 50000元``.

    >>> from indicatorkit import Amount, unit
    >>> Amount(5, unit("万元")) == Amount(50000, unit("元"))
    True
    >>> str(Amount(5, unit("万元"))), Amount(5, unit("万元")).normalized
    ('5万元', Fraction(50000, 1))
    """

    value: Fraction = attrs.field(converter=to_fraction)
    unit: Unit = NO_UNIT

    @cached_property
    def normalized(self) -> Fraction:
        """The amount in its dimension's base unit (computed once, when first needed)."""
        factor = self.unit.factor
        return self.value if factor == 1 else self.value * factor

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


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_day(month: int, day: int | None, year: int | None = None) -> bool:
    """True for a real month (1–12) and, if given, a day that month has (in ``year``)."""
    if not 1 <= month <= 12 or (year is not None and not 1 <= year <= 9999):
        return False
    if day is None:
        return True
    last = _MONTH_DAYS[month - 1] if year is None else calendar.monthrange(year, month)[1]
    return 1 <= day <= last


@attrs.frozen
class DatePoint:
    """A day of the year, as in ``12月20日`` or ``11月底`` (``day=None`` is the month's end).

    >>> from indicatorkit import DatePoint
    >>> str(DatePoint(12)), str(DatePoint(6, 30)), str(DatePoint(12, 20, 2025))
    ('12月底', '6月30日', '2025年12月20日')
    """

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


class Grade(enum.Enum):
    """The three grades a qualitative result is given (达成 / 部分达成 / 未达成).

    What each grade is worth is a scoring rule (see :mod:`indicatorkit.scoring`); here it is
    only a value an actual can read to.

    >>> from indicatorkit import Grade, parse_target
    >>> Grade("达成年度指标"), Grade.PARTIAL.value
    (<Grade.ACHIEVED: '达成年度指标'>, '部分达成年度指标并具有一定效果')
    >>> parse_target("及时足额发放").check(Grade.PARTIAL).met
    False
    """

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
    "达成预期指标": Grade.ACHIEVED,  # the Hubei notes' wording
    "达成": Grade.ACHIEVED,
    "已达成": Grade.ACHIEVED,
    "部分达成年度指标并具有一定效果": Grade.PARTIAL,
    "部分达成预期指标": Grade.PARTIAL,
    "部分达成": Grade.PARTIAL,
    "未达成年度指标且效果较差": Grade.NOT_ACHIEVED,
    "未达成预期指标": Grade.NOT_ACHIEVED,
    "未达成": Grade.NOT_ACHIEVED,
}
