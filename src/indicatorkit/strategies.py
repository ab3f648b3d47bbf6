"""Hypothesis strategies for indicatorkit: targets, the many ways a table writes them, and
actual values that meet or miss them — for property-testing code built on the library.

Modelled on ``hypothesis.extra``: each public function is named after what it generates,
takes keyword-only knobs, validates them eagerly (raising
:class:`hypothesis.errors.InvalidArgument`) and returns a
:class:`~hypothesis.strategies.SearchStrategy`.  Every strategy generates valid values only:
targets pass their validators, texts are in the target language and come with the target
they mean, and the actuals of :func:`actuals_meeting` meet their target.

>>> from hypothesis import given, settings
>>> from indicatorkit.strategies import actuals_meeting, comparisons
>>> isinstance(comparisons(), SearchStrategy)
True
>>> @settings(max_examples=20, deadline=None)
... @given(target=comparisons(units=["%"], min_value=0, max_value=100), data=st.data())
... def test_meeting_actuals_meet(target, data):
...     assert target.check(data.draw(actuals_meeting(target))).met
>>> test_meeting_actuals_meet()
"""

from __future__ import annotations

import calendar
import datetime
import math
from collections.abc import Callable, Collection, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any, Literal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from indicatorkit import units as _units
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.targets import (
    Actual,
    AnyTarget,
    Comparison,
    Deadline,
    Qualitative,
    Range,
)
from indicatorkit.language.values import Amount, DatePoint, Grade
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.units import Unit
from indicatorkit.vocabulary import (
    PREFIX_OPERATORS,
    RANGE_SEPARATORS,
    SUFFIX_OPERATORS,
    Operator,
)

__all__ = [
    "QUALITATIVE_PHRASES",
    "SPEC_TEXT_ALPHABET",
    "TARGET_KINDS",
    "AnyTarget",
    "actuals_meeting",
    "actuals_missing",
    "amounts",
    "comparisons",
    "date_points",
    "deadlines",
    "departments",
    "indicators",
    "projects",
    "qualitatives",
    "ranges",
    "specs",
    "spending_plans",
    "target_texts",
    "target_texts_with_targets",
    "targets",
    "unit_words",
]

Kind = Literal["comparison", "range", "deadline", "qualitative"]
Number = int | Fraction | Decimal

#: The four kinds of target, as accepted by ``kinds=``.
TARGET_KINDS: tuple[Kind, ...] = ("comparison", "range", "deadline", "qualitative")

#: Phrases of the kind 定性 targets are written in; :func:`qualitatives` joins a few of them.
QUALITATIVE_PHRASES: tuple[str, ...] = (
    "及时足额发放",
    "严格按照财务规定报销",
    "持续提升公共服务水平和质量",
    "有效保障机构正常运转",
    "群众满意度明显提高",
    "资金使用规范",
    "项目按计划顺利实施",
    "符合国家相关标准",
    "社会效益显著",
    "长期有效",
    "稳步提升",
    "有所改善",
    "明显改善",
    "达到预期效果",
    "无重大安全事故",
    "促进地方经济发展",
    "保障困难群众基本生活",
    "提升教育教学质量",
    "改善办学条件",
    "持续发挥效益",
    "合格",
    "良好",
    "规范",
    "依法依规",
    "公开透明",
    "不断完善管理制度",
    "高于上年",
    "较上年有所提高",
    "逐年提高",
    "全面落实",
)
_QUALITATIVE_JOINERS = ("", "，", "、", "；", ",")

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
_PLACES = "十百千万亿"


# ---------------------------------------------------------------------------------------------
# Validation helpers


def _check_type(name: str, value: object, kinds: type | tuple[type, ...]) -> None:
    if not isinstance(value, kinds) or isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} has the wrong type {type(value).__name__}")


def _as_fraction(name: str, value: Number | None) -> Fraction | None:
    if value is None:
        return None
    _check_type(name, value, (int, Fraction, Decimal))
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidArgument(f"{name}={value!r} must be finite")
    return Fraction(value)


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


# ---------------------------------------------------------------------------------------------
# Units and amounts


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
    if isinstance(units, str):
        raise InvalidArgument(f"units={units!r} must be a collection of unit words, not a str")
    words = tuple(units)
    if not words:
        raise InvalidArgument("units= must not be empty")
    for word in words:
        _check_type("units[...]", word, str)
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


def _check_bounds(
    min_value: Number | None, max_value: Number | None, places: int
) -> tuple[Fraction | None, Fraction | None]:
    low = _as_fraction("min_value", min_value)
    high = _as_fraction("max_value", max_value)
    _check_type("places", places, int)
    if places < 0:
        raise InvalidArgument(f"places={places} must be at least 0")
    if low is not None and high is not None and low > high:
        raise InvalidArgument(f"min_value={min_value} is above max_value={max_value}")
    return low, high


def amounts(
    *,
    units: Iterable[str] | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
    places: int = 2,
) -> SearchStrategy[Amount]:
    """:class:`~indicatorkit.Amount` values with exact terminating-decimal values.

    ``units`` are unit texts (see :func:`unit_words`; default: all of them, ``""`` meaning
    no unit).  ``min_value``/``max_value`` bound the value *in the amount's own unit* (so
    ``5万元`` has value 5); unbounded by default, so negative values occur.  Values have at
    most ``places`` decimal places.

    >>> isinstance(amounts(units=["元", "万元"], min_value=0), SearchStrategy)
    True
    >>> amounts(units=["%"]).example()  # doctest: +SKIP
    Amount('95.5%')
    """
    low, high = _check_bounds(min_value, max_value, places)
    words = _unit_word_strategy(units)
    numbers = _decimal_numbers(low, high, places)

    def build(value: Fraction, word: str) -> Amount:
        return Amount(value, _resolve(word))

    return st.builds(build, numbers, words)


# ---------------------------------------------------------------------------------------------
# Targets


_ALL_OPERATORS: tuple[Operator | None, ...] = (None, *Operator)


def comparisons(
    *,
    operators: Iterable[Operator | None] | None = None,
    units: Iterable[str] | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
    places: int = 2,
) -> SearchStrategy[Comparison]:
    """:class:`~indicatorkit.Comparison` targets (``≥95%``, ``<100元``, bare ``98%``).

    ``operators`` defaults to every :class:`~indicatorkit.Operator` plus ``None`` (a bare
    value); the amount knobs are those of :func:`amounts`.

    >>> isinstance(comparisons(operators=[Operator.GE, None]), SearchStrategy)
    True
    >>> comparisons().example()  # doctest: +SKIP
    Comparison('≥1.5万人次')
    """
    chosen = _ALL_OPERATORS if operators is None else tuple(operators)
    if not chosen:
        raise InvalidArgument("operators= must not be empty")
    for op in chosen:
        if op is not None and not isinstance(op, Operator):
            raise InvalidArgument(f"operators must hold Operator or None, not {op!r}")
    return st.builds(
        Comparison,
        st.sampled_from(chosen),
        amounts(units=units, min_value=min_value, max_value=max_value, places=places),
    )


@st.composite
def _range(draw: st.DrawFn, words: SearchStrategy[str], numbers: SearchStrategy[Fraction]) -> Range:
    first = _resolve(draw(words))
    same = [unit for _, unit in _written_for(first)]
    second = draw(st.one_of(st.just(first), st.sampled_from(same)))
    low, high = Amount(draw(numbers), first), Amount(draw(numbers), second)
    if low.normalized > high.normalized:
        low, high = high, low
    return Range(low, high)


def ranges(
    *,
    units: Iterable[str] | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
    places: int = 2,
) -> SearchStrategy[Range]:
    """:class:`~indicatorkit.Range` targets: ``low ≤ high`` in one dimension, the ends
    sometimes in different units of it (``5千元～1万元``) and sometimes equal.

    The knobs are those of :func:`amounts`; the second end's unit may be any unit of the first
    end's dimension.

    >>> isinstance(ranges(units=["%"], min_value=0, max_value=100), SearchStrategy)
    True
    >>> ranges().example()  # doctest: +SKIP
    Range('90%～100%')
    """
    low, high = _check_bounds(min_value, max_value, places)
    return _range(_unit_word_strategy(units), _decimal_numbers(low, high, places))


def _last_day(month: int, year: int | None) -> int:
    if year is None:
        return 29 if month == 2 else calendar.monthrange(2001, month)[1]
    return calendar.monthrange(year, month)[1]


def date_points(
    *,
    min_year: int = 2000,
    max_year: int = 2100,
    allow_year: bool = True,
    allow_end_of_month: bool = True,
) -> SearchStrategy[DatePoint]:
    """Valid :class:`~indicatorkit.DatePoint` days: ``12月20日``, ``11月底`` (``day=None``),
    ``2025年6月30日``; 29 February only in leap years (or without a year).

    >>> isinstance(date_points(allow_year=False), SearchStrategy)
    True
    >>> date_points().example()  # doctest: +SKIP
    DatePoint(month=6, day=30, year=2025)
    """
    _check_type("min_year", min_year, int)
    _check_type("max_year", max_year, int)
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(f"need 1 <= min_year={min_year} <= max_year={max_year} <= 9999")
    years: SearchStrategy[int | None] = st.none()
    if allow_year:
        years = st.one_of(st.none(), st.integers(min_year, max_year))

    @st.composite
    def point(draw: st.DrawFn) -> DatePoint:
        year = draw(years)
        month = draw(st.integers(1, 12))
        days: SearchStrategy[int | None] = st.integers(1, _last_day(month, year))
        if allow_end_of_month:
            days = st.one_of(st.none(), days)
        return DatePoint(month, draw(days), year)

    return point()


def deadlines(
    *,
    min_year: int = 2000,
    max_year: int = 2100,
    allow_year: bool = True,
    allow_end_of_month: bool = True,
) -> SearchStrategy[Deadline]:
    """:class:`~indicatorkit.Deadline` targets over :func:`date_points` (same knobs):
    ``12月底前``, ``6月30日前``, ``2025年12月31日前``.

    >>> isinstance(deadlines(allow_year=False), SearchStrategy)
    True
    >>> deadlines().example()  # doctest: +SKIP
    Deadline('12月底前')
    """
    return date_points(
        min_year=min_year,
        max_year=max_year,
        allow_year=allow_year,
        allow_end_of_month=allow_end_of_month,
    ).map(Deadline)


def _is_qualitative(text: str) -> bool:
    """Valid for :class:`~indicatorkit.Qualitative` and prose: not read as an expression."""
    from indicatorkit.language.parse import parse_target

    try:
        Qualitative(text)
    except ValueError:
        return False
    try:
        return isinstance(parse_target(text), Qualitative)
    except IndicatorkitError:
        return True  # not an expression; the tests say whether it should read as prose


def qualitatives(
    *, phrases: Sequence[str] | None = None, max_phrases: int = 3
) -> SearchStrategy[Qualitative]:
    """:class:`~indicatorkit.Qualitative` targets: one to ``max_phrases`` prose phrases
    (default :data:`QUALITATIVE_PHRASES`) joined plainly or with ``，、；``.  Texts the
    validator refuses (blank or padded) or that read as an expression are filtered out.

    >>> isinstance(qualitatives(phrases=["及时足额发放"]), SearchStrategy)
    True
    >>> qualitatives().example()  # doctest: +SKIP
    Qualitative('资金使用规范，社会效益显著')
    """
    chosen = QUALITATIVE_PHRASES if phrases is None else tuple(phrases)
    if not chosen:
        raise InvalidArgument("phrases= must not be empty")
    for phrase in chosen:
        _check_type("phrases[...]", phrase, str)
    _check_type("max_phrases", max_phrases, int)
    if max_phrases < 1:
        raise InvalidArgument(f"max_phrases={max_phrases} must be at least 1")
    if not any(_is_qualitative(phrase) for phrase in chosen):
        raise InvalidArgument("no phrase in phrases= is a valid qualitative text")

    @st.composite
    def text(draw: st.DrawFn) -> str:
        parts = draw(st.lists(st.sampled_from(chosen), min_size=1, max_size=max_phrases))
        joiner = draw(st.sampled_from(_QUALITATIVE_JOINERS))
        return joiner.join(parts)

    return text().filter(_is_qualitative).map(Qualitative)


def _kinds(kinds: Iterable[Kind] | None) -> tuple[Kind, ...]:
    if kinds is None:
        return TARGET_KINDS
    if isinstance(kinds, str):
        raise InvalidArgument(f"kinds={kinds!r} must be a collection, e.g. kinds=[{kinds!r}]")
    chosen = tuple(kinds)
    if not chosen:
        raise InvalidArgument("kinds= must not be empty")
    for kind in chosen:
        if kind not in TARGET_KINDS:
            raise InvalidArgument(f"unknown kind {kind!r}; expected some of {TARGET_KINDS}")
    return chosen


def targets(*, kinds: Iterable[Kind] | None = None) -> SearchStrategy[AnyTarget]:
    """Targets of the given ``kinds`` (default: all of :data:`TARGET_KINDS`), each drawn from
    :func:`comparisons`, :func:`ranges`, :func:`deadlines` or :func:`qualitatives` with their
    default knobs.

    >>> isinstance(targets(kinds=["comparison", "range"]), SearchStrategy)
    True
    >>> targets().example()  # doctest: +SKIP
    Deadline('6月30日前')
    """
    makers: dict[Kind, Callable[[], SearchStrategy[AnyTarget]]] = {
        "comparison": comparisons,
        "range": ranges,
        "deadline": deadlines,
        "qualitative": qualitatives,
    }
    return st.one_of([makers[kind]() for kind in _kinds(kinds)])


# ---------------------------------------------------------------------------------------------
# Texts: the many spellings of a target


_CN_DIGITS = "零一二三四五六七八九"
#: Characters that may be written in a full-width or look-alike form (NFKC or
#: :data:`indicatorkit.vocabulary.CHARACTER_ALIASES` map them back).
_WIDE: dict[str, tuple[str, ...]] = {
    **{str(d): (chr(0xFF10 + d),) for d in range(10)},
    ".": ("．",),
    ",": ("，",),
    "%": ("％", "﹪", "٪"),
    "<": ("＜",),
    ">": ("＞",),
    "=": ("＝",),
    "-": ("－", "−", "‐", "‑"),
    "~": ("～", "〜"),
    "—": ("―", "─"),
    " ": ("\u3000", "\xa0"),
    "/": ("／",),
}
_GAPS = ("", "", "", "", " ", "  ", "\u3000", "\t")
_MINUS = "-"


def _cn_section(number: int) -> str:
    """1 ≤ number ≤ 9999 in Chinese: 1050 → 一千零五十."""
    parts: list[str] = []
    pending_zero = False
    for place, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // place % 10
        if digit == 0:
            pending_zero = pending_zero or bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_CN_DIGITS[digit] + word)
    return "".join(parts)


def _cn_integer(number: int) -> str:
    """0 ≤ number < 10**16 in standard Chinese: 100050000 → 一亿零五万."""
    if number == 0:
        return "零"
    high, rest = divmod(number, 10**8)
    middle, low = divmod(rest, 10**4)
    text = _cn_integer(high) + "亿" if high else ""
    skipped = False
    for group, word in ((middle, "万"), (low, "")):
        if group == 0:
            skipped = bool(text)
            continue
        if text and (group < 1000 or skipped):
            text += "零"
        text += _cn_section(group) + word
        skipped = False
    return text


@st.composite
def _chinese_number(draw: st.DrawFn, value: Fraction) -> str | None:
    """``value`` (≥ 0, terminating) as a Chinese numeral, or None when too large."""
    whole = value.numerator // value.denominator
    if whole >= 10**16:
        return None
    text = _cn_integer(whole)
    if text.startswith("一十") and draw(st.booleans()):
        text = text[1:]  # 十五 for 一十五
    if text.startswith("二") and text[1:2] in ("百", "千", "万", "亿") and draw(st.booleans()):
        text = "两" + text[1:]
    if value != whole:
        decimals = format_decimal(value - whole).partition(".")[2]
        text += "点" + "".join(_CN_DIGITS[int(d)] for d in decimals)
    return text


@st.composite
def _arabic_number(draw: st.DrawFn, value: Fraction) -> str:
    """``value`` (terminating) in Arabic digits, with optional thousands separators, trailing
    zeros or a leading zero."""
    whole, dot, decimals = format_decimal(abs(value)).partition(".")
    style = draw(st.sampled_from(["plain", "plain", "grouped", "zeros", "leading"]))
    if style == "grouped" and len(whole) > 3:
        separator = ","
        head = len(whole) % 3 or 3
        groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
        whole = separator.join(groups)
    elif style == "zeros":
        dot = "."
        decimals += "0" * draw(st.integers(1, 3))
    elif style == "leading":
        whole = "0" + whole
    return (_MINUS if value < 0 else "") + whole + dot + decimals


def _gap() -> SearchStrategy[str]:
    return st.sampled_from(_GAPS)


def _chinese_fits(numeral: str, unit_text: str, *, decimal: bool) -> bool:
    """Whether ``numeral`` followed by ``unit_text`` is an unambiguous Chinese spelling:
    skip units that read as part of the numeral (百分比 after 五) or make a numeral no one
    writes (五十 + 千元)."""
    if unit_text.startswith(("百分", "千分")):
        return False
    if not unit_text or unit_text[0] not in _PLACES:
        return True
    if decimal:
        return _plain_unit_text(unit_text)
    if unit_text[0] in "万亿":
        return unit_text[0] not in numeral and "亿" not in numeral
    return not any(char in _PLACES for char in numeral)


@st.composite
def _spell_amount(
    draw: st.DrawFn, amount: Amount, *, need_unit: bool = False, chinese: bool = True
) -> tuple[str, Unit, bool]:
    """A spelling of ``amount``: ``(text, unit the parser reads, unitless)``.

    ``unitless`` is True when the parser's unit is exactly ``NO_UNIT`` (a bare Arabic number or
    a Chinese numeral without unit), which a range's high end would lend to it.  With
    ``need_unit`` the spelling is never unitless.
    """
    total = amount.normalized
    plain: list[tuple[str, Unit, Fraction]] = []
    scaled: list[tuple[str, Unit, Fraction]] = []
    for text, unit in _written_for(amount.unit):
        number = total / unit.factor
        if is_terminating(number) and not (need_unit and text == ""):
            (plain if _plain_unit_text(text) else scaled).append((text, unit, number))
    if not plain and not scaled:  # only the amount's own unit writes it exactly
        plain.append((amount.unit.symbol, amount.unit, amount.value))
    pools = [pool for pool in (plain, plain, plain, scaled) if pool]
    unit_text, unit, number = draw(st.sampled_from(draw(st.sampled_from(pools))))
    style = draw(st.sampled_from(["arabic", "arabic", "chinese"] if chinese else ["arabic"]))
    if style == "chinese" and number >= 0:
        numeral = draw(_chinese_number(number))
        percent = unit == _units.unit("%") or unit == _units.unit("‰")
        if numeral is not None and percent and number < 10_000 and draw(st.booleans()):
            if not any(char in numeral for char in "万亿"):
                prefix = "百分之" if unit == _units.unit("%") else "千分之"
                return prefix + numeral, unit, False  # 百分之九十五
        decimal = "点" in numeral if numeral is not None else False
        if (
            numeral is not None
            and _plain_unit_text(unit_text)
            and _chinese_fits(numeral, unit_text, decimal=decimal)
        ):
            read, gap = unit, draw(_gap())
            if unit_text and unit_text[0] in _PLACES and not decimal and not gap:
                # the numeral absorbs the multiplier: 五千元 is 五千 + 元
                try:
                    read = _units.unit(unit_text[1:])
                except KeyError:
                    read = unit  # 五千克: only 千克 means anything
            return numeral + gap + unit_text, read, read is _units.NO_UNIT
    text = draw(_arabic_number(number))
    if unit_text:
        scale, word = _split_scale(unit_text)
        spelled = draw(st.sampled_from(_aliases(word))) if word else ""
        if "/" in spelled:  # 元/人, 元每人, 元 / 人, 次/月
            if spelled.endswith("/个月") and draw(st.booleans()):
                spelled = spelled[: -len("个月")] + "月"
            spelled = spelled.replace("/", draw(st.sampled_from(["/", "/", "每", " / "])))
        text += draw(_gap()) + scale + (draw(_gap()) if scale and spelled else "") + spelled
    return text, unit, unit_text == ""


def _split_scale(unit_text: str) -> tuple[str, str]:
    if unit_text in _units.known_unit_words():
        return "", unit_text
    for scale in _SCALES:
        if unit_text.startswith(scale):
            rest = unit_text[len(scale) :]
            if rest == "" or rest in _units.known_unit_words():
                return scale, rest
    return "", unit_text


@cache
def _alias_table(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    table: dict[Unit, list[str]] = {}
    for word in words:
        table.setdefault(_units.unit(word), []).append(word)
    return {word: tuple(table[_units.unit(word)]) for word in words}


def _aliases(word: str) -> tuple[str, ...]:
    """Every registry word naming the same unit as ``word`` (人, 名, 位)."""
    return _alias_table(tuple(_units.known_unit_words())).get(word, (word,))


@st.composite
def _spell_number(draw: st.DrawFn, value: Fraction) -> str:
    """A unitless number (a range's low end in shorthand)."""
    if value >= 0 and draw(st.booleans()):
        numeral = draw(_chinese_number(value))
        if numeral is not None:
            return numeral
    return draw(_arabic_number(value))


def _operator_words(op: Operator, table: Iterable[tuple[str, Operator]]) -> list[str]:
    return [word for word, meaning in table if meaning is op]


@st.composite
def _spell_comparison(draw: st.DrawFn, target: Comparison) -> str:
    amount, _, _ = draw(_spell_amount(target.amount))
    op = target.operator
    if op is None:
        return amount
    prefixes = _operator_words(op, PREFIX_OPERATORS.items())
    suffixes = _operator_words(op, SUFFIX_OPERATORS.items())
    equals = _operator_words(Operator.EQ, PREFIX_OPERATORS.items())
    forms = ["prefix"]
    if suffixes:
        forms += ["suffix", "equals-suffix", "both"]
    form = draw(st.sampled_from(forms))
    before = draw(st.sampled_from(prefixes)) if form in ("prefix", "both") else ""
    if form == "equals-suffix":
        before = draw(st.sampled_from(equals))
    after = "" if form == "prefix" else draw(st.sampled_from(suffixes))
    text = amount
    if before:
        text = before + draw(_gap()) + text
    if after:
        text = text + draw(_gap()) + after
    return text


@st.composite
def _spell_range(draw: st.DrawFn, target: Range) -> tuple[str, Range]:
    high_text, high_unit, high_unitless = draw(_spell_amount(target.high))
    # the unit the parser gives the high end: a Chinese numeral may lend it a multiplier
    # (二万人次 reads as 2万人次, like 2万人次), and the low end borrows that unit
    high_unit = _read_unit(high_text, high_unit)
    low = target.low
    shorthand_number = low.normalized / high_unit.factor
    if high_unitless:
        low_text, _, _ = draw(_spell_amount(low))
    elif (
        is_terminating(shorthand_number)
        and low.dimension == target.high.dimension
        and (draw(st.booleans()) or low.dimension == "")
    ):
        # "90～100%": the low end borrows the high end's unit
        low_text = draw(_spell_number(shorthand_number))
        low = Amount(shorthand_number, high_unit)
    else:
        low_text, _, _ = draw(_spell_amount(low, need_unit=True))
    separator = draw(st.sampled_from([*RANGE_SEPARATORS, "-", "～"]))
    between = draw(st.sampled_from(["", "", "之间"]))
    text = low_text + draw(_gap()) + separator + draw(_gap()) + high_text
    if between:
        text += draw(_gap()) + between
    return text, Range(low, target.high)


def _read_unit(text: str, fallback: Unit) -> Unit:
    from indicatorkit.language.parse import parse_actual

    try:
        read = parse_actual(text.strip())
    except IndicatorkitError:
        return fallback
    return read.unit if isinstance(read, Amount) else fallback


def _year_end_spellings() -> SearchStrategy[str]:
    return st.one_of(
        st.tuples(
            st.sampled_from(["年底", "年末"]),
            st.sampled_from(["", "前", "之前", "以前"]),
            st.sampled_from(["", "完成"]),
        ).map("".join),
        st.tuples(st.sampled_from(["年内", "本年内", "年度内"]), st.sampled_from(["", "完成"])).map(
            "".join
        ),
    )


def _cn_small(value: int) -> str:
    """A month or day in Chinese: 十二, 三十一 (never 一十二)."""
    text = _cn_integer(value)
    return text[1:] if text.startswith("一十") else text


def _cn_year(year: int) -> str:
    """A year digit by digit: 二〇二五 or 二零二五."""
    return "".join(_CN_DIGITS[int(digit)] for digit in str(year))


@st.composite
def _spell_date(draw: st.DrawFn, point: DatePoint) -> str:
    """A date point as written in an actual or a deadline (without 前): Arabic or Chinese
    numerals (``2025年06月30日``, ``二〇二五年六月三十日``, ``12月底``, ``十二月末``)."""
    chinese = draw(st.integers(0, 3)) == 0

    def number(value: int) -> str:
        if chinese:
            return _cn_small(value)
        return ("0" if value < 10 and draw(st.integers(0, 4)) == 0 else "") + str(value)

    text = ""
    if point.year is not None:
        year = str(point.year)
        if chinese:
            year = _cn_year(point.year)
            year = year.replace("零", "〇") if draw(st.booleans()) else year
        text = year + draw(_gap()) + "年" + draw(_gap())
    text += number(point.month) + draw(_gap()) + "月" + draw(_gap())
    if point.day is None:
        text += draw(st.sampled_from(["底", "末"]))
    else:
        text += number(point.day) + draw(_gap()) + draw(st.sampled_from(["日", "号"]))
    return text


@st.composite
def _spell_deadline(draw: st.DrawFn, target: Deadline) -> str:
    by = target.by
    if by.month == 12 and by.day is None and draw(st.booleans()):
        if by.year is None:
            return draw(_year_end_spellings())
        # 2025年底前, 2025年年末之前完成
        year = str(by.year) if draw(st.booleans()) else _cn_year(by.year)
        text = year + draw(_gap()) + "年" + draw(st.sampled_from(["底", "末", "年底", "年末"]))
    else:
        text = draw(_spell_date(by))
    mark = draw(st.sampled_from(["", "前", "前", "之前", "以前"]))
    complete = draw(st.sampled_from(["", "", "完成"]))
    for word in (mark, complete):
        if word:
            text += draw(_gap()) + word
    return text


@st.composite
def _widen(draw: st.DrawFn, text: str) -> str:
    """Full-width and look-alike characters, as Word and Excel tables write them."""
    mode = draw(st.sampled_from(["none", "none", "all", "mixed"]))
    if mode == "none":
        return text
    out = []
    for char in text:
        forms = _WIDE.get(char)
        if forms and (mode == "all" or draw(st.booleans())):
            char = draw(st.sampled_from(forms))
        out.append(char)
    return "".join(out)


@st.composite
def _text_and_target(
    draw: st.DrawFn, target: AnyTarget, spelling: Literal["canonical", "any"]
) -> tuple[str, AnyTarget]:
    if spelling == "canonical" or draw(st.integers(0, 5)) == 0:
        return str(target), target
    expected: AnyTarget = target
    if isinstance(target, Comparison):
        text = draw(_spell_comparison(target))
    elif isinstance(target, Range):
        text, expected = draw(_spell_range(target))
    elif isinstance(target, Deadline):
        text = draw(_spell_deadline(target))
    else:
        text = target.text  # prose is kept as written (only trimmed)
        return draw(_gap()) + text + draw(_gap()), target
    text = draw(_widen(text))
    return draw(_gap()) + text + draw(_gap()), expected


def _check_spelling(spelling: str) -> Literal["canonical", "any"]:
    if spelling == "canonical":
        return "canonical"
    if spelling == "any":
        return "any"
    raise InvalidArgument(f"spelling={spelling!r} must be 'canonical' or 'any'")


def target_texts_with_targets(
    *, kinds: Iterable[Kind] | None = None, spelling: Literal["canonical", "any"] = "any"
) -> SearchStrategy[tuple[str, AnyTarget]]:
    """Pairs ``(text, target)``: a text in the target language and the target it means, so
    ``parse_target(text) == target``.

    With ``spelling="canonical"`` the text is ``str(target)``.  With ``"any"`` it is written
    as tables write it: every operator word and sign of
    :data:`~indicatorkit.vocabulary.PREFIX_OPERATORS` and
    :data:`~indicatorkit.vocabulary.SUFFIX_OPERATORS` (``不低于``, ``95%以上``,
    ``为95%以上``), full-width digits and ``＞＝％``, spaces, thousands separators
    (``1,616,387.84``), Chinese numerals (``两百``, ``百分之九十五``), multipliers and unit
    aliases (``1.5万人次``, ``5万元`` for 50000元, ``名`` for ``人``), ranges with every
    separator and a unit written once (``90-100%``, ``90到100%之间``), and deadlines
    (``12月底前``, ``6月30日前完成``, ``2025年12月底之前``, ``年内``).

    >>> isinstance(target_texts_with_targets(kinds=["range"]), SearchStrategy)
    True
    >>> target_texts_with_targets().example()  # doctest: +SKIP
    ('不低于 九十五％', Comparison('≥95%'))
    """
    chosen = _check_spelling(spelling)
    return targets(kinds=_kinds(kinds)).flatmap(lambda t: _text_and_target(t, chosen))


def target_texts(
    *, kinds: Iterable[Kind] | None = None, spelling: Literal["canonical", "any"] = "any"
) -> SearchStrategy[str]:
    """Texts in the target language: the first half of :func:`target_texts_with_targets`.

    >>> isinstance(target_texts(spelling="canonical"), SearchStrategy)
    True
    >>> target_texts().example()  # doctest: +SKIP
    '1.5万人次以上'
    """
    return target_texts_with_targets(kinds=kinds, spelling=spelling).map(lambda pair: pair[0])


# ---------------------------------------------------------------------------------------------
# Actual values


AmountForm = Literal["amount", "text", "number", "quantity"]
DateForm = Literal["point", "date", "text"]
GradeForm = Literal["grade", "text"]
_AMOUNT_FORMS: tuple[str, ...] = ("amount", "text", "number", "quantity")
_DATE_FORMS: tuple[str, ...] = ("point", "date", "text")
_GRADE_FORMS: tuple[str, ...] = ("grade", "text")

_GRADE_TEXTS: dict[Grade, tuple[str, ...]] = {
    Grade.ACHIEVED: ("达成", "已达成", "达成年度指标", " 达成 "),
    Grade.PARTIAL: ("部分达成", "部分达成年度指标并具有一定效果"),
    Grade.NOT_ACHIEVED: ("未达成", "未达成年度指标且效果较差"),
}


def _forms(
    forms: Iterable[str] | None, allowed: tuple[str, ...], target: object
) -> tuple[str, ...]:
    if forms is None:
        return allowed
    if isinstance(forms, str):
        raise InvalidArgument(f"forms={forms!r} must be a collection, e.g. forms=[{forms!r}]")
    chosen = tuple(form for form in forms if form in allowed)
    if not chosen:
        raise InvalidArgument(f"none of forms={forms!r} applies to {target!r}; use {allowed}")
    return chosen


def _deltas(*, positive: bool) -> SearchStrategy[Fraction]:
    """Non-negative (or positive) terminating decimals, from the tiniest to large."""
    steps = st.one_of(
        st.integers(1, 10**6).map(Fraction),
        st.builds(lambda n, p: Fraction(n, 10**p), st.integers(1, 10**12), st.integers(1, 8)),
        st.integers(1, 12).map(lambda p: Fraction(1, 10**p)),
    )
    return steps if positive else st.one_of(st.just(Fraction(0)), steps)


def _numbers_for(value: Fraction) -> SearchStrategy[Number]:
    """``value`` as a plain number: Fraction always, Decimal when it terminates, int when
    whole."""
    options: list[SearchStrategy[Number]] = [st.just(value)]
    if is_terminating(value):
        text = format_decimal(value)
        exact = Decimal(text)
        padded = Decimal(text + ("" if "." in text else ".") + "000")  # 95.000
        options.append(st.sampled_from([exact, padded, exact.normalize()]))  # 9.5E+1
    if value.denominator == 1:
        options.append(st.just(int(value)))
    return st.one_of(options)


@st.composite
def _express(draw: st.DrawFn, normalized: Fraction, own: Unit, forms: tuple[str, ...]) -> Actual:
    """An actual of ``normalized`` (in the dimension's base unit) in one of ``forms``, in any
    unit of ``own``'s dimension; plain numbers are in the ``own`` unit (the target's)."""
    form = draw(st.sampled_from(forms))
    written = _written_for(own)
    if form == "number":
        return draw(_numbers_for(normalized / own.factor))
    if form == "quantity":
        if own.dimension == "":
            return _units.default_registry().pint.Quantity(normalized)
        words = [(text, unit) for text, unit in written if text and _plain_unit_text(text)]
        if words:
            text, unit = draw(st.sampled_from(words))
            return _units.default_registry().pint.Quantity(normalized / unit.factor, text)
        form = "amount"
    if form == "text":
        exact = [unit for _, unit in written if is_terminating(normalized / unit.factor)]
        if exact:
            unit = draw(st.sampled_from(exact))
            text, _, _ = draw(_spell_amount(Amount(normalized / unit.factor, unit), chinese=False))
            return draw(_widen(text))
    _, unit = draw(st.sampled_from(written))
    return Amount(normalized / unit.factor, unit)


def _comparison_actuals(
    target: Comparison, direction: Direction | None, forms: tuple[str, ...], meet: bool
) -> SearchStrategy[Actual]:
    op = target.effective_operator(direction)
    up = op.is_lower_bound == meet  # meeting a lower bound means going up
    strict = op in (Operator.GT, Operator.LT)
    # meeting a strict bound, or missing an inclusive one, needs a non-zero step
    positive = strict == meet
    amount = target.amount
    sign = 1 if up else -1
    return _deltas(positive=positive).flatmap(
        lambda d: _express((amount.value + sign * d) * amount.unit.factor, amount.unit, forms)
    )


def _range_actuals(target: Range, forms: tuple[str, ...], meet: bool) -> SearchStrategy[Actual]:
    low, high = target.low, target.high
    values: SearchStrategy[Fraction]
    if meet:
        span = high.normalized - low.normalized
        values = st.one_of(
            st.just(low.normalized),
            st.just(high.normalized),
            st.builds(
                lambda n, p: low.normalized + span * Fraction(n, 10**p),
                st.integers(0, 10**6),
                st.just(6),
            ),
        )
    else:
        values = st.one_of(
            _deltas(positive=True).map(lambda d: (low.value - d) * low.unit.factor),
            _deltas(positive=True).map(lambda d: (high.value + d) * high.unit.factor),
        )
    return values.flatmap(lambda v: _express(v, low.unit, forms))


def _deadline_met(by: DatePoint, month: int, day: int | None, year: int | None) -> bool:
    """The documented rule, written independently of :meth:`DatePoint.key`: years count only
    when both sides give one; a month's end is its last day (29 February without a year)."""
    if year is not None and by.year is not None and year != by.year:
        return year < by.year
    last = by.day if by.day is not None else _last_day(by.month, by.year)
    mine = day if day is not None else _last_day(month, year)
    return (month, mine) <= (by.month, last)


def _year_choices(by: DatePoint, meet: bool) -> list[int | None]:
    years: list[int | None] = [None]
    if by.year is None:
        years += [2023, 2024, 2025]
    else:
        years.append(by.year)
        if meet and by.year > 1:
            years += sorted({max(1, by.year - 1), max(1, by.year - 4), 1})
        if not meet and by.year < 9999:
            years += sorted({by.year + 1, min(9999, by.year + 4), 9999})
    return years


def _feasible_days(by: DatePoint, year: int | None, meet: bool) -> list[tuple[int, int | None]]:
    return [
        (month, day)
        for month in range(1, 13)
        for day in (None, *range(1, _last_day(month, year) + 1))
        if _deadline_met(by, month, day, year) == meet
    ]


def _date_actuals(target: Deadline, forms: tuple[str, ...], meet: bool) -> SearchStrategy[Actual]:
    by = target.by
    options = [
        (year, days) for year in _year_choices(by, meet) if (days := _feasible_days(by, year, meet))
    ]
    if not options:
        raise InvalidArgument(
            f"no date {'meets' if meet else 'misses'} {target!r} (nothing comes after the end "
            "of December unless a later year is given, and years are compared only when both "
            "sides give one)"
        )

    @st.composite
    def actual(draw: st.DrawFn) -> Actual:
        year, days = draw(st.sampled_from(options))
        month, day = draw(st.sampled_from(days))
        point = DatePoint(month, day, year)
        form = draw(st.sampled_from(forms))
        if form == "date" and year is not None:
            return datetime.date(year, month, day if day is not None else _last_day(month, year))
        if form == "text":
            return draw(_widen(draw(_spell_date(point))))
        return point

    return actual()


def _grade_actuals(forms: tuple[str, ...], meet: bool) -> SearchStrategy[Actual]:
    grades = [Grade.ACHIEVED] if meet else [Grade.PARTIAL, Grade.NOT_ACHIEVED]
    options: list[Actual] = []
    if "grade" in forms:
        options += grades
    if "text" in forms:
        options += [text for grade in grades for text in _GRADE_TEXTS[grade]]
    return st.sampled_from(options)


def _actuals(
    target: AnyTarget, direction: Direction | None, forms: Iterable[str] | None, meet: bool
) -> SearchStrategy[Actual]:
    if direction is not None and not isinstance(direction, Direction):
        raise InvalidArgument(f"direction={direction!r} must be a Direction or None")
    if isinstance(target, Comparison):
        return _comparison_actuals(target, direction, _forms(forms, _AMOUNT_FORMS, target), meet)
    if isinstance(target, Range):
        return _range_actuals(target, _forms(forms, _AMOUNT_FORMS, target), meet)
    if isinstance(target, Deadline):
        return _date_actuals(target, _forms(forms, _DATE_FORMS, target), meet)
    if isinstance(target, Qualitative):
        return _grade_actuals(_forms(forms, _GRADE_FORMS, target), meet)
    raise InvalidArgument(f"{target!r} is not an indicatorkit target")


def actuals_meeting(
    target: AnyTarget,
    *,
    direction: Direction | None = None,
    forms: Iterable[str] | None = None,
) -> SearchStrategy[Actual]:
    """Actual values for which ``target.check(actual, direction=direction).met`` is True.

    For a :class:`~indicatorkit.Comparison` or :class:`~indicatorkit.Range` the values are,
    by ``forms`` (default all): ``"amount"`` — an :class:`~indicatorkit.Amount` in any unit of
    the target's dimension (``元`` for a ``万元`` target, ``‰`` for ``%``); ``"text"`` — the
    same written out (``"60000元"``, full-width digits included); ``"number"`` — an ``int``,
    ``Fraction`` or ``Decimal`` read in the target's own unit (a range's low end's unit); and
    ``"quantity"`` — a pint quantity.  Boundary values are drawn often.  A bare or ``=``
    comparison is met in ``direction`` (at least, unless ``Direction.LOWER``).

    For a :class:`~indicatorkit.Deadline`: ``"point"`` (:class:`~indicatorkit.DatePoint`),
    ``"date"`` (:class:`datetime.date`) and ``"text"`` (``"2025年6月30日"``).  For a
    :class:`~indicatorkit.Qualitative`: ``"grade"`` (:class:`~indicatorkit.Grade`) and
    ``"text"`` (``"达成"``).  Every target can be met.

    >>> from indicatorkit import parse_target
    >>> isinstance(actuals_meeting(parse_target("≥5万元")), SearchStrategy)
    True
    >>> actuals_meeting(parse_target("≥5万元")).example()  # doctest: +SKIP
    '50000元'
    """
    return _actuals(target, direction, forms, meet=True)


def actuals_missing(
    target: AnyTarget,
    *,
    direction: Direction | None = None,
    forms: Iterable[str] | None = None,
) -> SearchStrategy[Actual]:
    """Actual values for which ``target.check(actual, direction=direction).met`` is False;
    the forms are those of :func:`actuals_meeting`.  Values just past the boundary are drawn
    often.

    A target no value misses — a deadline at the end of December without a year
    (``12月底前``) or in year 9999: years are compared only when both sides give one — raises
    :class:`~hypothesis.errors.InvalidArgument` when the strategy is built.  For a
    qualitative target the values name a grade below 达成 (a text naming no grade gives
    ``met=None``, and is never drawn).

    >>> from indicatorkit import parse_target
    >>> isinstance(actuals_missing(parse_target("6月30日前")), SearchStrategy)
    True
    >>> actuals_missing(parse_target("12月底前"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    hypothesis.errors.InvalidArgument: no date misses Deadline('12月底前') ...
    """
    return _actuals(target, direction, forms, meet=False)


# ---------------------------------------------------------------------------------------------
# Spec files: whole 绩效目标表


#: Characters spec texts are drawn from: Chinese words, digits and the characters that mean
#: something to the spec format (so that its writer is tested against them).
SPEC_TEXT_ALPHABET = (
    "法律援助服务资金使用规范项目办公设备采购维修培训宣传年月元件ABC12：:#|-/（）“” "
)


def _spec_line(max_size: int) -> SearchStrategy[str]:
    return st.text(SPEC_TEXT_ALPHABET, max_size=max_size).map(str.strip)


def _spec_text() -> SearchStrategy[str]:
    return st.lists(_spec_line(12), max_size=3).map("\n".join).map(str.strip)


def _level_names() -> SearchStrategy[tuple[str, str, str]]:
    from indicatorkit.model.records import split_levels

    names = st.tuples(_spec_line(8), _spec_line(8), _spec_line(8))
    return names.filter(lambda levels: split_levels(" / ".join(levels)) == list(levels))


def indicators() -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.Indicator` records: levels (possibly empty), a target
    written in any spelling of the language (:func:`target_texts_with_targets`), description,
    basis, weight and direction."""
    from indicatorkit.model.records import Indicator

    @st.composite
    def build(draw: st.DrawFn) -> Indicator:
        level1, level2, name = draw(_level_names())
        text, target = draw(target_texts_with_targets())
        return Indicator(
            level1,
            level2,
            name,
            target,
            target_text=text,
            description=draw(_spec_text()),
            basis=draw(_spec_text()),
            weight=draw(st.none() | st.fractions(min_value=0, max_value=100, max_denominator=8)),
            direction=draw(st.sampled_from([None, *Direction])),
        )

    return build()


def spending_plans() -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.SpendingPlan` records (any order: lint judges it)."""
    from indicatorkit.model.records import Checkpoint, SpendingPlan

    checkpoint = st.builds(Checkpoint, date_points(), amounts(units=["%"], min_value=0))
    return st.lists(checkpoint, min_size=1, max_size=4).map(SpendingPlan)


def projects(*, max_indicators: int = 3) -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.Project` records, published or withheld."""
    from indicatorkit.model.records import Budget, Project

    _check_type("max_indicators", max_indicators, int)
    money = amounts(units=["元", "万元", "千元", "亿元"], places=2)
    optional_money = st.none() | money

    @st.composite
    def build(draw: st.DrawFn) -> Project:
        number = draw(st.integers(0, 999))
        name = draw(_spec_line(10))
        if draw(st.booleans()) and draw(st.booleans()):
            return Project(number, name, unit=draw(_spec_line(6)), withheld=draw(_spec_text()))
        return Project(
            number,
            name,
            code=draw(_spec_line(10)),
            unit=draw(_spec_line(10)),
            budget=draw(st.none() | st.builds(Budget, money, optional_money, optional_money)),
            purpose=draw(_spec_text()),
            plan=draw(st.none() | spending_plans()),
            goal=draw(_spec_text()),
            indicators=draw(st.lists(indicators(), max_size=max_indicators)),
        )

    return build()


def departments() -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.Department` records with goals, programmes, measures."""
    from indicatorkit.model.records import Department, DepartmentGoal, MeasureGroup, Programme

    goals = st.builds(
        DepartmentGoal,
        st.none() | st.integers(0, 30),
        _spec_text(),
        st.lists(amounts(places=2), max_size=3),
    )
    programmes = st.builds(
        Programme,
        _spec_line(10).filter(bool),
        goal=_spec_text(),
        summary=_spec_text(),
        plan=st.none() | spending_plans(),
        indicators=st.lists(indicators(), max_size=2),
    )
    measures = st.builds(MeasureGroup, _spec_line(8), st.lists(_spec_text(), max_size=3))
    return st.builds(
        Department,
        st.text("ABC0123456789", max_size=6),
        _spec_line(10),
        st.none() | st.integers(1990, 2100),
        overall_goal=_spec_text(),
        goals=st.lists(goals, max_size=3),
        programmes=st.lists(programmes, max_size=2),
        measures=st.lists(measures, max_size=2),
    )


def specs(*, max_projects: int = 4) -> SearchStrategy[Any]:
    """Whole :class:`~indicatorkit.model.records.Spec` values: an optional department and up to
    ``max_projects`` projects with distinct numbers, in order.  Texts use characters that mean
    something to the spec format (``：#|-/``), so writers and readers meet them.

    >>> isinstance(specs(), SearchStrategy)
    True
    """
    from indicatorkit.model.records import Spec

    _check_type("max_projects", max_projects, int)
    if max_projects < 0:
        raise InvalidArgument(f"max_projects={max_projects} must be at least 0")

    @st.composite
    def build(draw: st.DrawFn) -> Spec:
        listed = draw(st.lists(projects(), max_size=max_projects, unique_by=lambda p: p.number))
        department = draw(st.none() | departments())
        return Spec(department, tuple(sorted(listed, key=lambda p: p.number)))

    return build()
