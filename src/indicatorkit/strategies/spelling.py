"""The spelling engine: the many ways a table writes one target — operator words and
signs, full-width characters, spaces, thousands separators, Chinese numerals (written by
:func:`indicatorkit.numerals.chinese_numeral`), multipliers and unit aliases, range separators
and deadline phrases — each paired with the target it means."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from functools import cache
from typing import Literal

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from indicatorkit import units as _units
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.targets import (
    AnyTarget,
    Comparison,
    Deadline,
    Period,
    Range,
)
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.numerals import (
    MAX_CHINESE_NUMERAL,
    NumeralStyle,
    chinese_numeral,
    format_decimal,
    is_terminating,
)
from indicatorkit.strategies._arguments import Kind, check_kinds, check_spelling
from indicatorkit.strategies.targets import targets
from indicatorkit.strategies.values import (
    _SCALES,
    _plain_unit_text,
    _written_for,
)
from indicatorkit.units import Unit
from indicatorkit.vocabulary import (
    PREFIX_OPERATORS,
    RANGE_SEPARATORS,
    SUFFIX_OPERATORS,
    Operator,
)

__all__ = [
    "target_texts",
    "target_texts_with_targets",
]

_PLACES = "十百千万亿"
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


@st.composite
def _chinese_number(draw: st.DrawFn, value: Fraction) -> str | None:
    """``value`` (≥ 0, terminating) as a Chinese numeral (``十五`` or ``一十五``, ``两百`` or
    ``二百``), or None when too large."""
    if value >= MAX_CHINESE_NUMERAL:
        return None
    full = chinese_numeral(value, style="full")
    style: NumeralStyle = "full"
    if full.startswith("一十") and draw(st.booleans()):
        style = "standard"  # 十五 for 一十五
    two: Literal["二", "两"] = "二"
    if full.startswith("二") and full[1:2] in ("百", "千", "万", "亿") and draw(st.booleans()):
        two = "两"
    return chinese_numeral(value, style=style, two=two)


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


_ARABIC_DIGITS = str.maketrans(
    {**{c: str(i) for i, c in enumerate("零一二三四五六七八九")}, "两": "2", "〇": "0"}
)


def _arabic_digits(numeral: str) -> str:
    """A Chinese numeral with its digits (not the 零 between places) in Arabic: 五万四千六百 →
    5万4千6百, 一万零五 → 1万零5."""
    return "".join(
        char
        if char in _PLACES or (char in "零〇" and 0 < index)
        else char.translate(_ARABIC_DIGITS)
        for index, char in enumerate(numeral)
    )


@st.composite
def _spaced(draw: st.DrawFn, numeral: str) -> str:
    """``numeral``, sometimes with the spaces extraction leaves inside (三千 九百 六十五)."""
    if len(numeral) < 2 or draw(st.integers(0, 3)):
        return numeral
    cuts = draw(st.sets(st.integers(1, len(numeral) - 1), max_size=3))
    return "".join((" " if index in cuts else "") + char for index, char in enumerate(numeral))


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


def _unit_pools(amount: Amount, *, need_unit: bool) -> list[list[tuple[str, Unit, Fraction]]]:
    """The ways to write ``amount``'s unit that give an exact number, as ``(unit text, unit,
    number)``, in pools to draw from: the plain unit words three times as often as the
    multiplied ones (``万元``); the amount's own unit when no other writes it exactly."""
    total = amount.normalized
    plain: list[tuple[str, Unit, Fraction]] = []
    scaled: list[tuple[str, Unit, Fraction]] = []
    for text, unit in _written_for(amount.unit):
        number = total / unit.factor
        if is_terminating(number) and not (need_unit and text == ""):
            (plain if _plain_unit_text(text) else scaled).append((text, unit, number))
    if not plain and not scaled:  # only the amount's own unit writes it exactly
        plain.append((amount.unit.symbol, amount.unit, amount.value))
    return [pool for pool in (plain, plain, plain, scaled) if pool]


def _percent_spelling(
    draw: st.DrawFn, numeral: str, number: Fraction, unit: Unit
) -> tuple[str, Unit, bool] | None:
    """``百分之九十五`` (or ``百分之52.5``) for a percentage or a permille, sometimes."""
    percent = unit == _units.unit("%")
    if not (percent or unit == _units.unit("‰")) or number >= 10_000 or not draw(st.booleans()):
        return None
    if any(char in numeral for char in "万亿"):
        return None
    prefix = "百分之" if percent else "千分之"
    if draw(st.booleans()):
        numeral = draw(_arabic_number(number))  # 百分之52.5
    return prefix + numeral, unit, False  # 百分之九十五


def _numeral_and_unit(
    draw: st.DrawFn, numeral: str, number: Fraction, unit_text: str, unit: Unit, *, decimal: bool
) -> tuple[str, Unit, bool]:
    """A Chinese numeral and its unit word: its digits sometimes in Arabic (``5万4千6百人``),
    or spaced; a numeral that ends in a multiplier absorbs the unit's (五千元 is 五千 + 元)."""
    read, gap = unit, draw(_gap())
    mixed = (
        number.denominator == 1
        and numeral[0] not in _PLACES
        and numeral[1:].lstrip(_PLACES) != ""
        and not (unit_text and unit_text[0] in _PLACES)
    )
    if mixed and draw(st.booleans()):
        return _arabic_digits(numeral) + gap + unit_text, unit, unit is _units.NO_UNIT
    numeral = draw(_spaced(numeral))
    if unit_text and unit_text[0] in _PLACES and not decimal and not gap:
        # the numeral absorbs the multiplier: 五千元 is 五千 + 元
        try:
            read = _units.registry_in_use().lookup(unit_text[1:])
        except KeyError:
            read = unit  # 五千克: only 千克 means anything
    return numeral + gap + unit_text, read, read is _units.NO_UNIT


def _chinese_amount(
    draw: st.DrawFn, number: Fraction, unit_text: str, unit: Unit
) -> tuple[str, Unit, bool] | None:
    """``number`` in a Chinese numeral with its unit, or ``None`` when no Chinese spelling
    fits (too large, or a unit that would read as part of the numeral)."""
    numeral = draw(_chinese_number(number))
    if numeral is None:
        return None
    percent = _percent_spelling(draw, numeral, number, unit)
    if percent is not None:
        return percent
    decimal = "点" in numeral
    if not (_plain_unit_text(unit_text) and _chinese_fits(numeral, unit_text, decimal=decimal)):
        return None
    return _numeral_and_unit(draw, numeral, number, unit_text, unit, decimal=decimal)


def _written_unit(draw: st.DrawFn, unit_text: str) -> str:
    """A unit text as tables write it after Arabic digits: gaps, the multiplier apart, an
    alias of the word (名 for 人), a rate's ``/`` as 每 (元/人, 元每人, 元 / 人, 次/月)."""
    scale, word = _split_scale(unit_text)
    spelled = draw(st.sampled_from(_aliases(word))) if word else ""
    if "/" in spelled:  # 元/人, 元每人, 元 / 人, 次/月
        if spelled.endswith("/个月") and draw(st.booleans()):
            spelled = spelled[: -len("个月")] + "月"
        spelled = spelled.replace("/", draw(st.sampled_from(["/", "/", "每", " / "])))
    return draw(_gap()) + scale + (draw(_gap()) if scale and spelled else "") + spelled


@st.composite
def _spell_amount(
    draw: st.DrawFn, amount: Amount, *, need_unit: bool = False, chinese: bool = True
) -> tuple[str, Unit, bool]:
    """A spelling of ``amount``: ``(text, unit the parser reads, unitless)``.

    ``unitless`` is True when the parser's unit is exactly ``NO_UNIT`` (a bare Arabic number or
    a Chinese numeral without unit), which a range's high end would lend to it.  With
    ``need_unit`` the spelling is never unitless.
    """
    pools = _unit_pools(amount, need_unit=need_unit)
    unit_text, unit, number = draw(st.sampled_from(draw(st.sampled_from(pools))))
    style = draw(st.sampled_from(["arabic", "arabic", "chinese"] if chinese else ["arabic"]))
    if style == "chinese" and number >= 0:
        spelled = _chinese_amount(draw, number, unit_text, unit)
        if spelled is not None:
            return spelled
    text = draw(_arabic_number(number))
    if unit_text:
        text += _written_unit(draw, unit_text)
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
    shorthand = False
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
        shorthand = True
    else:
        low_text, _, _ = draw(_spell_amount(low, need_unit=True))
    expected = Range(low, target.high, target.low_inclusive, target.high_inclusive)
    if not target.closed or draw(st.integers(0, 3)) == 0:
        return _spell_bounds(
            draw, low_text, high_text, target, swap=not (shorthand or high_unitless)
        ), expected
    separator = draw(st.sampled_from([*RANGE_SEPARATORS, "-", "～"]))
    between = draw(st.sampled_from(["", "", "之间"]))
    text = low_text + draw(_gap()) + separator + draw(_gap()) + high_text
    if between:
        text += draw(_gap()) + between
    return text, expected


_JOINERS = ("", "", "且", "并", "并且", "同时", "的同时", "，", "、")


def _spell_bounds(
    draw: st.DrawFn, low_text: str, high_text: str, target: Range, *, swap: bool
) -> str:
    """A range as a compound bound, ends in either order (``swap``; not when the low end
    borrows the unit written once after it): 大于10小于20, 最多100最少20."""
    lower = Operator.GE if target.low_inclusive else Operator.GT
    upper = Operator.LE if target.high_inclusive else Operator.LT
    low = draw(st.sampled_from(_operator_words(lower, PREFIX_OPERATORS.items()))) + low_text
    high = draw(st.sampled_from(_operator_words(upper, PREFIX_OPERATORS.items()))) + high_text
    first, second = (high, low) if swap and draw(st.booleans()) else (low, high)
    return first + draw(_gap()) + draw(st.sampled_from(_JOINERS)) + draw(_gap()) + second


def _read_unit(text: str, fallback: Unit) -> Unit:
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


@st.composite
def _spell_date(draw: st.DrawFn, point: DatePoint) -> str:
    """A date point as written in an actual or a deadline (without 前): Arabic or Chinese
    numerals (``2025年06月30日``, ``二〇二五年六月三十日``, ``12月底``, ``十二月末``)."""
    chinese = draw(st.integers(0, 3)) == 0

    def number(value: int) -> str:
        if chinese:
            return chinese_numeral(value)
        return ("0" if value < 10 and draw(st.integers(0, 4)) == 0 else "") + str(value)

    text = ""
    if point.year is not None:
        year = str(point.year)
        if chinese:
            zero: Literal["零", "〇"] = "〇" if draw(st.booleans()) else "零"
            year = chinese_numeral(point.year, style="digits", zero=zero)
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
        year = str(by.year) if draw(st.booleans()) else chinese_numeral(by.year, style="digits")
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
def _spell_period(draw: st.DrawFn, target: Period) -> str:
    """``3-11月``, ``3-11月份``, ``2024年3月-10月``, ``2023年3月--2023年10月``, ``全年``, or
    the ends written as dates (``2020.1.1-2020.12.31`` is left to the corpus)."""
    start, end = target.span.start, target.span.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, None) and start.year == end.year:
        year = "" if start.year is None else f"{start.year}年"
        if draw(st.booleans()):
            return year + "全年"
    month_word = draw(st.sampled_from(["月", "月", "月份"]))
    if start.day == 1:
        first = ("" if start.year is None else f"{start.year}年") + f"{start.month}{month_word}"
        if draw(st.integers(0, 3)) == 0:
            first = draw(_spell_date(DatePoint(start.month, 1, start.year)))
    else:
        first = draw(_spell_date(start))
    end_year = end.year if end.year != start.year or draw(st.booleans()) else None
    if end.day is None and draw(st.booleans()):
        last = ("" if end_year is None else f"{end_year}年") + f"{end.month}{month_word}"
    else:
        last = draw(_spell_date(DatePoint(end.month, end.day, end_year)))
    separator = draw(st.sampled_from(["～", "-", "--", "—", "至", "到", "~"]))
    if start.year is None and start.day == 1 and end.day is None and draw(st.booleans()):
        return f"{start.month}{draw(_gap())}-{draw(_gap())}{end.month}{month_word}"  # 3-11月份
    return first + draw(_gap()) + separator + draw(_gap()) + last


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
    elif isinstance(target, Period):
        text = draw(_spell_period(target))
    else:
        text = target.text  # prose is kept as written (only trimmed)
        return draw(_gap()) + text + draw(_gap()), target
    text = draw(_widen(text))
    return draw(_gap()) + text + draw(_gap()), expected


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
    chosen = check_spelling(spelling)
    return targets(kinds=check_kinds(kinds)).flatmap(lambda t: _text_and_target(t, chosen))


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
