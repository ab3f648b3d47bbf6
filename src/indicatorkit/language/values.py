"""Values of the target language: an exact amount with a unit, a day of the year, and the
grade of a qualitative result.  They are what an actual value (实际完成值) reads to, and what
targets are made of.

>>> from indicatorkit.units import unit
>>> Amount(5, unit("万元")) == Amount(50000, unit("元"))
True
>>> str(DatePoint(12)), str(DatePoint(6, 30, 2025))
('12月底', '2025年6月30日')
>>> str(DateSpan(DatePoint(3, 1), DatePoint(11)))
'3月～11月'
>>> Grade.read("部分达成")
<Grade.PARTIAL: '部分达成年度指标并具有一定效果'>
"""

from __future__ import annotations

import calendar
import enum
import re
import unicodedata
from collections.abc import Callable
from fractions import Fraction
from functools import cached_property

import attrs

from indicatorkit.errors import DimensionMismatchError, InvalidValueError
from indicatorkit.numerals import format_decimal, to_fraction
from indicatorkit.shortcuts import unchecked
from indicatorkit.units import NO_UNIT, Unit

__all__ = [
    "COMPLETION_WORDS",
    "FULL_COMPLETION",
    "REPEATS_TARGET",
    "Amount",
    "DatePoint",
    "DateSpan",
    "Grade",
    "exact_amount",
    "restatement",
    "valid_day",
]


@attrs.frozen(repr=False, eq=False)
class Amount:
    """An exact number with a unit: ``Amount(5, unit("万元"))`` is 5万元.

    ``value`` is in ``unit``; ``normalized`` is the same amount in the dimension's base unit,
    computed once, when first needed.  Amounts compare by meaning: ``5万元 == 50000元``.

    >>> from indicatorkit.language import Amount
    >>> from indicatorkit.units import unit
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


#: ``Amount(value, unit)`` for a value that is already an in-range :class:`Fraction` (a
#: reader's own), without the converter: the readers' hot path (:mod:`indicatorkit.shortcuts`).
exact_amount: Callable[[Fraction, Unit], Amount] = unchecked(Amount)


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(month: int, year: int | None) -> int:
    """The last day of ``month`` (1–12) in ``year`` (February of no year: the 29th) — what
    ``calendar.monthrange`` gives, without building its weekday."""
    if month == 2 and year is not None and not calendar.isleap(year):
        return 28
    return _MONTH_DAYS[month - 1]


def valid_day(month: int, day: int | None, year: int | None = None) -> bool:
    """True for a real month (1–12) and, if given, a day that month has (in ``year``).

    >>> valid_day(2, 29, 2024), valid_day(2, 29, 2023), valid_day(2, 29), valid_day(13, None)
    (True, False, True, False)
    """
    if not 1 <= month <= 12 or (year is not None and not 1 <= year <= 9999):
        return False
    if day is None:
        return True
    last = _last_day(month, year)
    return 1 <= day <= last


@attrs.frozen
class DatePoint:
    """A day of the year, as in ``12月20日`` or ``11月底`` (``day=None`` is the month's end).

    >>> from indicatorkit.language import DatePoint
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
            return (self.month, _last_day(self.month, self.year))
        return (self.month, _MONTH_DAYS[self.month - 1])


def _day_key(point: DatePoint) -> tuple[int, int, int]:
    """``(year or 0, month, day)`` with a month's end as its last day."""
    return (point.year or 0, *point.key())


def _start_text(point: DatePoint) -> str:
    """A span's first day: ``3月`` is the 1st of March (the month named alone)."""
    year = f"{point.year}年" if point.year is not None else ""
    day = "" if point.day == 1 else ("底" if point.day is None else f"{point.day}日")
    return f"{year}{point.month}月{day}"


def _end_text(point: DatePoint, start_year: int | None) -> str:
    """A span's last day: ``11月`` is the end of November; a year the start already gives
    is not repeated."""
    year = "" if point.year is None or point.year == start_year else f"{point.year}年"
    day = "" if point.day is None else f"{point.day}日"
    return f"{year}{point.month}月{day}"


@attrs.frozen
class DateSpan:
    """The days from ``start`` to ``end``, both included: ``3-11月``, ``2023年7月-2024年1月``.

    ``start`` and ``end`` are :class:`DatePoint` days as everywhere (``day=None`` is a month's
    end), so the span written ``3月～11月`` is ``DateSpan(DatePoint(3, 1), DatePoint(11))``.
    Both ends give a year or neither does; without years the span lies inside one year (every
    year), so it cannot wrap past December.

    >>> span = DateSpan(DatePoint(3, 1, 2024), DatePoint(10, None, 2024))
    >>> str(span), span.contains(DatePoint(10, 31)), span.contains(DatePoint(11, 1, 2024))
    ('2024年3月～10月', True, False)
    >>> DateSpan(DatePoint(11, 1), DatePoint(3))
    Traceback (most recent call last):
      ...
    indicatorkit.errors.InvalidValueError: 期间起点晚于终点 (a period starting after its end): 11月～3月
    """

    start: DatePoint = attrs.field(validator=attrs.validators.instance_of(DatePoint))
    end: DatePoint = attrs.field(validator=attrs.validators.instance_of(DatePoint))

    def __attrs_post_init__(self) -> None:
        if (self.start.year is None) != (self.end.year is None):
            raise InvalidValueError(
                f"期间两端应都写年份或都不写 (give both ends a year or neither): {self}"
            )
        if _day_key(self.start) > _day_key(self.end):
            raise InvalidValueError(f"期间起点晚于终点 (a period starting after its end): {self}")

    def __str__(self) -> str:
        return f"{_start_text(self.start)}～{_end_text(self.end, self.start.year)}"

    @classmethod
    def month(cls, month: int, year: int | None = None) -> DateSpan:
        """The whole of one month: ``DateSpan.month(5, 2024)`` is 2024年5月1日 to 31日."""
        return cls(DatePoint(month, 1, year), DatePoint(month, None, year))

    def _pieces(self) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]:
        """The span inside one year, as ``(month, day)`` intervals (two for a span crossing
        a year's end, the whole year for one crossing two)."""
        if self.start.year == self.end.year:
            return ((self.start.key(), self.end.key()),)
        assert self.start.year is not None and self.end.year is not None
        if self.end.year - self.start.year > 1:
            return (((1, 1), (12, 31)),)
        return ((self.start.key(), (12, 31)), ((1, 1), self.end.key()))

    def contains(self, point: DatePoint) -> bool:
        """True when ``point`` lies in the span.  Years count only when both sides give one
        (a year-less side stands for any year)."""
        if point.year is not None and self.start.year is not None:
            return _day_key(self.start) <= _day_key(point) <= _day_key(self.end)
        key = point.key()
        return any(low <= key <= high for low, high in self._pieces())

    def covers(self, other: DateSpan) -> bool:
        """True when every day of ``other`` lies in this span (years compared as in
        :meth:`contains`)."""
        if other.start.year is not None and self.start.year is not None:
            return _day_key(self.start) <= _day_key(other.start) and _day_key(
                other.end
            ) <= _day_key(self.end)
        mine = self._pieces()
        return all(
            any(low <= inner_low and inner_high <= high for low, high in mine)
            for inner_low, inner_high in other._pieces()
        )


class Grade(enum.Enum):
    """The three grades a qualitative result is given (达成 / 部分达成 / 未达成).

    What each grade is worth is a scoring rule (see :mod:`indicatorkit.scoring`); here it is
    only a value an actual can read to.

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.language import Grade
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


#: Why an actual that names no grade still says a qualitative target was achieved: it repeats
#: the target's own text, or it is a word of full completion (``100%``, ``是``, ``已完成``).
REPEATS_TARGET = "repeats target"
FULL_COMPLETION = "full completion"
#: Words (after NFKC, without spaces) that say a qualitative target was fully done.
COMPLETION_WORDS = frozenset(
    {
        "是",
        "完成",
        "已完成",
        "全部完成",
        "已全部完成",
        "全面完成",
        "已全面完成",
        "按时完成",
        "已按时完成",
        "按期完成",
        "已按期完成",
        "实现",
        "已实现",
        "全部实现",
        "达到",
        "已达到",
        "达标",
        "已达标",
    }
)
_FULL_PERCENT = re.compile(r"100(?:\.0+)?%")
#: Targets that are a bare "no" (是否发生事故: 否): a word of completion (是) there says the
#: opposite, so only the target's own text reads as achieved.
_NO_ANSWERS = frozenset({"否", "无", "没有", "不是"})
_SPACES_AND_STOPS = re.compile(r"[\s。．.；;！!]+$|\s+")


def _plain(text: str) -> str:
    return _SPACES_AND_STOPS.sub("", unicodedata.normalize("NFKC", text))


def restatement(target_text: str, actual_text: str) -> str | None:
    """Why ``actual_text`` says the qualitative target ``target_text`` was achieved though it
    names no grade: :data:`REPEATS_TARGET` (the same text, spaces, width and a final full stop
    aside), :data:`FULL_COMPLETION` (``100%`` or a word of :data:`COMPLETION_WORDS`), or
    ``None``.  Real tables print such rows with full marks.

    >>> restatement("符合相关文件要求", "符合相关文件要求。"), restatement("及时发放", "100%")
    ('repeats target', 'full completion')
    >>> restatement("及时发放", "基本完成") is None, restatement("否", "是") is None
    (True, True)
    """
    actual = _plain(actual_text)
    if not actual:
        return None
    if actual == _plain(target_text):
        return REPEATS_TARGET
    if _plain(target_text) in _NO_ANSWERS:
        return None
    if actual in COMPLETION_WORDS or _FULL_PERCENT.fullmatch(actual):
        return FULL_COMPLETION
    return None


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
