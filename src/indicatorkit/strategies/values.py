"""Strategies for values: unit texts valid after a number (:func:`unit_words`),
:class:`~indicatorkit.language.Amount` values (:func:`amounts`) and days (:func:`date_points`) — and the
unit-text helpers the other strategies share (which texts write an amount's unit, and what a
unit text means)."""

from __future__ import annotations

import calendar
import math
from collections.abc import Collection, Iterable
from fractions import Fraction
from functools import cache

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from indicatorkit import units as _units
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.values import Amount, DatePoint, DateSpan
from indicatorkit.strategies._arguments import Number, check_bounds, check_type, given_items
from indicatorkit.units import Unit

__all__ = [
    "amounts",
    "date_points",
    "date_spans",
    "unit_words",
]

_SCALES: tuple[str, ...] = tuple(sorted(_units.SCALES, key=len, reverse=True))
#: Unit texts built from a multiplier (``5万``, ``3万人``): valid after an Arabic number.
_SCALED_UNIT_WORDS = ("万", "亿", "千", "十万", "百万", "万人", "万件", "千人次", "万户", "十万元")
#: Rates (``100元/人``): a unit per a unit.
_RATE_WORDS = (
    "元/人",
    "元/人次",
    "万元/个",
    "次/年",
    "人次/天",
    "元/平方米",
    "元/亩",
    "件/人",
    "元/户",
    "课时/人",
    "元/人/个月",
    "次/个月",
)
#: Frequent units, drawn more often than the rest.
_COMMON_UNIT_WORDS = ("", "%", "元", "万元", "件", "人", "人次", "‰", "天", "个工作日", "次", "万")


def _resolve(word: str) -> Unit:
    """The unit a unit text after an Arabic number means: a unit word, or a multiplier
    followed by one (``万人``) or alone (``万``)."""
    try:
        return _units.unit_of_text(word)
    except KeyError:
        raise InvalidArgument(
            f"unknown unit word {word!r} (see indicatorkit.units.known_unit_words())"
        ) from None


def _all_unit_words() -> tuple[str, ...]:
    words = ["", *_units.known_unit_words()]
    for word in (*_SCALED_UNIT_WORDS, *_RATE_WORDS):
        try:
            _resolve(word)
        except (InvalidArgument, IndicatorkitError):
            continue
        words.append(word)
    return tuple(words)


def _known(word: str) -> bool:
    return word in _units.known_unit_words()


def _plain_unit_text(text: str) -> bool:
    """A unit text the grammar reads without a multiplier: ``""``, a registry word, or a rate
    of registry words (``元/人``, ``元/人/个月``)."""
    return text == "" or all(_known(part) for part in text.split("/"))


def _words_of(dimension: str) -> list[str]:
    return [word for word in _units.known_unit_words() if _units.unit(word).dimension == dimension]


@cache
def _written_for_cached(
    symbol: str, dimension: str, words: tuple[str, ...]
) -> tuple[tuple[str, Unit], ...]:
    if "/" in symbol:
        top, *bottoms = symbol.split("/")
        bases = _words_of(_resolve(top).dimension)
        for bottom in bottoms:
            bases = [f"{t}/{b}" for t in bases for b in _words_of(_units.unit(bottom).dimension)]
    elif dimension == "":
        bases = [""]
    else:
        bases = _words_of(dimension)
    written: list[tuple[str, Unit]] = []
    for word in bases:
        try:
            base = _units.unit(word)
        except (KeyError, IndicatorkitError):
            continue
        if base.dimension != dimension:
            continue
        written.append((word, base))
        for scale in _SCALES:
            written.append((scale + word, _units.scaled(scale, base)))
    return tuple(written)


def _written_for(unit: Unit) -> tuple[tuple[str, Unit], ...]:
    """Every ``(text, unit)`` an amount of ``unit``'s dimension can be written with after an
    Arabic number: each unit word (or rate) of the dimension, bare or behind a multiplier."""
    written = _written_for_cached(unit.symbol, unit.dimension, _units.known_unit_words())
    if not any(text == unit.symbol for text, _ in written):
        written = ((unit.symbol, unit), *written)
    return written


def unit_words(
    *, dimensions: Collection[str] | None = None, allow_none: bool = True
) -> SearchStrategy[str]:
    """Unit texts valid after an Arabic number: every word of the unit registry
    (:func:`indicatorkit.units.known_unit_words`), multiplier forms such as ``万`` and
    ``万人``, rates such as ``元/人`` and ``元/人/个月``, and ``""`` (no unit) when
    ``allow_none``.

    ``dimensions`` keeps the words of those dimensions only (``"[money]"``, ``"[ratio]"``,
    ``""`` for plain numbers …).

    >>> isinstance(unit_words(dimensions=["[money]"]), SearchStrategy)
    True
    >>> unit_words().example()  # doctest: +SKIP
    '万元'
    """
    words = _all_unit_words()
    if dimensions is not None:
        wanted = set(dimensions)
        words = tuple(w for w in words if _resolve(w).dimension in wanted)
    if not allow_none:
        words = tuple(w for w in words if w)
    if not words:
        raise InvalidArgument(f"no unit word has a dimension in {dimensions!r}")
    common = [w for w in _COMMON_UNIT_WORDS if w in words]
    if common:
        return st.one_of(st.sampled_from(common), st.sampled_from(words))
    return st.sampled_from(words)


def _unit_word_strategy(units: Iterable[str] | None) -> SearchStrategy[str]:
    if units is None:
        return unit_words()
    words = given_items("units", units, "a collection of unit words, not a str")
    for word in words:
        check_type("units[...]", word, str)
        _resolve(word)
    return st.sampled_from(words)


def _decimal_numbers(
    low: Fraction | None, high: Fraction | None, places: int
) -> SearchStrategy[Fraction]:
    """Terminating decimals with at most ``places`` decimal places in ``[low, high]``."""
    feasible = []
    for digits in range(places + 1):
        scale = 10**digits
        lo = None if low is None else math.ceil(low * scale)
        hi = None if high is None else math.floor(high * scale)
        if lo is None or hi is None or lo <= hi:
            feasible.append(
                st.builds(Fraction, st.integers(min_value=lo, max_value=hi), st.just(scale))
            )
    if not feasible:
        raise InvalidArgument(
            f"no number with at most {places} decimal places lies in [{low}, {high}]"
        )
    return st.one_of(feasible)


def amounts(
    *,
    units: Iterable[str] | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
    places: int = 2,
) -> SearchStrategy[Amount]:
    """:class:`~indicatorkit.language.Amount` values with exact terminating-decimal values.

    ``units`` are unit texts (see :func:`unit_words`; default: all of them, ``""`` meaning
    no unit).  ``min_value``/``max_value`` bound the value *in the amount's own unit* (so
    ``5万元`` has value 5); unbounded by default, so negative values occur.  Values have at
    most ``places`` decimal places.

    >>> isinstance(amounts(units=["元", "万元"], min_value=0), SearchStrategy)
    True
    >>> amounts(units=["%"]).example()  # doctest: +SKIP
    Amount('95.5%')
    """
    low, high = check_bounds(min_value, max_value, places)
    words = _unit_word_strategy(units)
    numbers = _decimal_numbers(low, high, places)

    def build(value: Fraction, word: str) -> Amount:
        return Amount(value, _resolve(word))

    return st.builds(build, numbers, words)


def _last_day(month: int, year: int | None) -> int:
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]


def _years(min_year: int, max_year: int, *, allow_year: bool) -> SearchStrategy[int | None]:
    """The year of a date: none, or (``allow_year``) one from ``min_year`` to ``max_year``."""
    check_type("min_year", min_year, int)
    check_type("max_year", max_year, int)
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(f"need 1 <= min_year={min_year} <= max_year={max_year} <= 9999")
    if allow_year:
        return st.one_of(st.none(), st.integers(min_year, max_year))
    return st.none()


def date_points(
    *,
    min_year: int = 2000,
    max_year: int = 2100,
    allow_year: bool = True,
    allow_end_of_month: bool = True,
) -> SearchStrategy[DatePoint]:
    """Valid :class:`~indicatorkit.language.DatePoint` days: ``12月20日``, ``11月底`` (``day=None``),
    ``2025年6月30日``; 29 February only in leap years (or without a year).

    >>> isinstance(date_points(allow_year=False), SearchStrategy)
    True
    >>> date_points().example()  # doctest: +SKIP
    DatePoint(month=6, day=30, year=2025)
    """
    years = _years(min_year, max_year, allow_year=allow_year)

    @st.composite
    def point(draw: st.DrawFn) -> DatePoint:
        year = draw(years)
        month = draw(st.integers(1, 12))
        days: SearchStrategy[int | None] = st.integers(1, _last_day(month, year))
        if allow_end_of_month:
            days = st.one_of(st.none(), days)
        return DatePoint(month, draw(days), year)

    return point()


def date_spans(
    *,
    min_year: int = 2000,
    max_year: int = 2100,
    allow_year: bool = True,
) -> SearchStrategy[DateSpan]:
    """Valid :class:`~indicatorkit.language.DateSpan` periods: ``3月1日～11月底`` inside one year, or
    with years (``2023年7月1日～2024年1月底``, crossing at most one year's end).

    >>> isinstance(date_spans(allow_year=False), SearchStrategy)
    True
    >>> date_spans().example()  # doctest: +SKIP
    DateSpan(start=DatePoint(month=3, day=1, year=None), end=DatePoint(month=11, day=None, year=None))
    """
    years = _years(min_year, max_year, allow_year=allow_year)

    def day_in(draw: st.DrawFn, year: int | None, first: bool) -> DatePoint:
        month = draw(st.integers(1, 12))
        days: SearchStrategy[int | None] = st.integers(1, _last_day(month, year))
        # the forms tables write: a month's first day at the start, its end at the end
        days = st.one_of(st.just(1 if first else None), st.none(), days)
        return DatePoint(month, draw(days), year)

    def key(point: DatePoint) -> tuple[int, int, int]:
        day = point.day if point.day is not None else _last_day(point.month, point.year)
        return (point.year or 0, point.month, day)

    @st.composite
    def span(draw: st.DrawFn) -> DateSpan:
        year = draw(years)
        end_year = year
        if year is not None and year < max_year and draw(st.integers(0, 3)) == 0:
            end_year = year + 1
        start = day_in(draw, year, True)
        end = day_in(draw, end_year, False)
        if key(start) > key(end):
            start, end = (
                DatePoint(end.month, end.day, start.year),
                DatePoint(start.month, start.day, end.year),
            )
        if key(start) > key(end):  # 29 February moved into a year without one
            end = DatePoint(12, None, end.year)
        return DateSpan(start, end)

    return span()
