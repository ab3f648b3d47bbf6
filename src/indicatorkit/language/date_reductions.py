"""The grammar's reductions of dates: deadlines (``12月底前``, ``2025年年底前``, ``一季度``), days
and months (``6月30日``, ``2024年11月``), and periods (``3-11月``, ``2020.1.1-2020.12.31``,
``全年``).  A month named alone is a :class:`_NamedMonth` until its place says what it means.

>>> from indicatorkit.units import default_registry
>>> from indicatorkit.language.grammar import parser_for
>>> parser_for(default_registry()).parse("2024年3月-10月", start="start_target")
DateSpan(start=DatePoint(month=3, day=1, year=2024), end=DatePoint(month=10, day=None, year=2024))
"""

from __future__ import annotations

from typing import Any

import attrs
from lark import Token, Transformer, v_args

from indicatorkit.language.conventions import Convention
from indicatorkit.language.forms import By, _integer, _invalid, _span
from indicatorkit.language.values import Amount, DatePoint, DateSpan, valid_day
from indicatorkit.units import NO_UNIT, Unit

__all__: list[str] = []

_END_OF_MONTH = object()


@attrs.frozen
class _NamedMonth:
    """A month named without a day (``11月``, ``2024年11月``): what it means depends on where
    it stands — the start of a period (its 1st), the end of one (its last day), a deadline (by
    its end), an actual (the whole month)."""

    month: int
    year: int | None
    start: int
    end: int
    word: str = "月"  # 月 or 月份, as written

    def first_day(self) -> DatePoint:
        return DatePoint(self.month, 1, self.year)

    def last_day(self) -> DatePoint:
        return DatePoint(self.month, None, self.year)


#: The last month of 上半年, 下半年 and each quarter (季度).
_PART_LAST_MONTH = {"上半年": 6, "下半年": 12, "一": 3, "二": 6, "三": 9, "四": 12}


def _ambiguous_month(
    month: _NamedMonth, end: int, written: str, code: str, deadline: By
) -> Convention:
    """A month named alone where strict reading cannot be sure: lenient reading takes
    ``deadline`` (by the month's end) with the diagnostic ``code``."""
    by = f"{deadline.point}前"
    if code == "T040":
        message = (
            f"日期不明确 (ambiguous date)：“{written}”可能指{month.month}月1日之前，也可能指"
            f"{month.month}月底之前 / before the month begins, or by its end"
        )
    else:
        message = f"日期不明确 (ambiguous date)：只写了月份“{written}” / only a month is named"
    return Convention(
        code,
        message,
        month.start,
        end,
        f"写明“{by}”或具体日期；宽松模式按惯例读作“{by}” / write the day; lenient reading "
        f"takes “{by}” by convention",
        deadline,
    )


@v_args(inline=True)
class _DateReductions(Transformer[Token, Any]):
    """The reductions of dates, deadlines and periods (a part of the grammar's transformer)."""

    year_unit: Unit

    # ---- deadlines ----
    def deadline(
        self,
        every: Token | None,
        point: DatePoint | _NamedMonth,
        mark: Token | None,
        complete: Token | None,
    ) -> By | Convention:
        if every is not None and point.year is not None:
            raise _invalid(every, f"“每年”与具体年份矛盾 (every year, and a given year): {point}")
        if isinstance(point, DatePoint):
            return By(point)
        by = By(point.last_day())
        if mark is not None:  # 8月前: before August begins, or by its end?
            end = _span(mark)[1]
            written = f"{point.month}{point.word}{mark}"
            return _ambiguous_month(point, end, written, "T040", by)
        if complete is None and point.year is None:  # 11月: only a month
            return _ambiguous_month(point, point.end, f"{point.month}月", "T041", by)
        return by  # 2024年11月, 10月完成: by the end of that month

    def within_year(self, token: Token, complete: Token | None) -> By:
        return By(DatePoint(12))

    def within_year_of(self, year: int, token: Token, complete: Token | None) -> By:
        return By(DatePoint(12, None, year))  # 2025年年内

    def part_of_year(
        self,
        every: Token | None,
        year: int | None,
        part: Token,
        month_end: Token | None,
        mark: Token | None,
        complete: Token | None,
    ) -> By:
        if every is not None and year is not None:
            raise _invalid(every, "“每年”与具体年份矛盾 (every year, and a given year)")
        name = str(part)
        key = name if name in _PART_LAST_MONTH else name.lstrip("第")[0]
        key = {"1": "一", "2": "二", "3": "三", "4": "四"}.get(key, key)
        return By(DatePoint(_PART_LAST_MONTH[key], None, year))  # 一季度: by the end of March

    def year_end(self, token: Token) -> DatePoint:
        return DatePoint(12)

    def end_of_year(self, year: int, token: Token) -> DatePoint:
        return DatePoint(12, None, year)  # 2025年底, 2025年年底

    def dotted_date(self, token: Token) -> DatePoint:
        year, month, day = (int(part) for part in str(token).split("."))
        if not valid_day(month, day, year):
            raise _invalid(token, f"日期无效 (no such day) “{token}”")
        return DatePoint(month, day, year)  # 2020.12.31

    def year(self, number: Token, unit: Unit) -> int:
        value = _integer(number)
        if unit != self.year_unit or value is None or not 1 <= value <= 9999:
            raise _invalid(number, f"年份无效 (invalid year) “{number}{unit.symbol}”")
        return value

    def month_end(self, token: Token) -> object:
        return _END_OF_MONTH

    def day_of_month(self, number: Token, mark: Token) -> tuple[int | None, Token]:
        return _integer(number), number

    def month_point(
        self,
        year: int | None,
        month_token: Token,
        mark: Token,
        day: tuple[int | None, Token] | object | None,
    ) -> DatePoint | _NamedMonth:
        month = _integer(month_token)
        if month is None or not valid_day(month, None):
            raise _invalid(month_token, f"月份无效 (no such month) “{month_token}月”")
        if day is None:
            return _NamedMonth(month, year, _span(month_token)[0], _span(mark)[1], str(mark))
        if day is _END_OF_MONTH:
            return DatePoint(month, None, year)
        number: int | None
        day_token: Token
        number, day_token = day  # type: ignore[misc]
        if number is None or not valid_day(month, number, year):
            raise _invalid(day_token, f"日期无效 (no such day) “{month_token}月{day_token}日”")
        return DatePoint(month, number, year)

    # ---- periods ----
    def period_of_dates(
        self, first: DatePoint | _NamedMonth, separator: Token, last: DatePoint | _NamedMonth
    ) -> DateSpan:
        start = first.first_day() if isinstance(first, _NamedMonth) else first
        end = last.last_day() if isinstance(last, _NamedMonth) else last
        return _span_of(start, end, separator)

    def period_of_dotted(
        self, first: DatePoint | _NamedMonth, separator: Token, last: Token
    ) -> DateSpan:
        # 2021.1.1-12.31: the year of the first end holds for the second
        if not isinstance(first, DatePoint) or first.year is None or first.day is None:
            raise _invalid(
                last,
                f"“{last}”只能跟在带点的完整日期之后 (a dotted month.day follows a dotted full date only)",
                "写作“2021.1.1-2021.12.31” / write 2021.1.1-2021.12.31",
            )
        start = first
        month, day = (int(part) for part in str(last).split("."))
        if not valid_day(month, day, start.year):
            raise _invalid(last, f"日期无效 (no such day) “{last}”")
        return _span_of(start, DatePoint(month, day, None), separator)

    def period_of_months(
        self, first: Amount, separator: Token, last: DatePoint | _NamedMonth
    ) -> DateSpan:
        # 3-11月: the first month is written as a bare number
        month = int(first.value) if first.value.denominator == 1 else 0
        if first.unit is not NO_UNIT or not 1 <= month <= 12:
            raise _invalid(
                separator,
                f"期间的起点不是月份 (the period does not start with a month): {first}",
                "写作“3月～11月” / write 3月～11月",
            )
        end = last.last_day() if isinstance(last, _NamedMonth) else last
        return _span_of(DatePoint(month, 1, None), end, separator)

    def whole_year(self, year: int | None, token: Token) -> DateSpan:
        return DateSpan(DatePoint(1, 1, year), DatePoint(12, None, year))  # 全年, 2020年全年

    def actual(self, value: Any) -> Any:
        if isinstance(value, _NamedMonth):
            return DateSpan.month(value.month, value.year)  # 2023年12月: the whole month
        return value


def _span_of(start: DatePoint, end: DatePoint, separator: Token) -> DateSpan:
    """The period from ``start`` to ``end``; a year written once holds for both ends
    (``2024年3月-10月``)."""
    try:
        if start.year is not None and end.year is None:
            end = DatePoint(end.month, end.day, start.year)
        elif end.year is not None and start.year is None:
            start = DatePoint(start.month, start.day, end.year)
        return DateSpan(start, end)
    except ValueError as error:
        raise _invalid(separator, f"期间无效 (invalid period): {error}") from None
