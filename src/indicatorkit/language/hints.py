"""Syntax-error explanations: where a text stops being the target language, what could have
come there, and a hint for the typos real tables contain (``,=``, ``%%``, an unknown unit).

>>> from indicatorkit import parse_target
>>> from indicatorkit.errors import TargetSyntaxError
>>> try:
...     parse_target("≥95%%")
... except TargetSyntaxError as error:
...     print(error.suggestion)
百分号重复 / doubled '%'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from indicatorkit.errors import TargetSyntaxError, TextError
from indicatorkit.language.conventions import Convention
from indicatorkit.language.grammar import Located, Start, parser_for
from indicatorkit.language.rates import MONTH_WORDS
from indicatorkit.language.text import original_position
from indicatorkit.units import SCALES, UnitRegistry
from indicatorkit.vocabulary import SUFFIX_OPERATORS

__all__ = ["syntax_error"]

_TERMINAL_NAMES = {
    "DECIMAL": "数字 number",
    "CN_NUMBER": "中文数字 numeral",
    "CN_PART": "百分之… numeral",
    "MIXED_NUMBER": "数字 number",
    "CN_FRACTION": "中文数字 numeral",
    "CN_TENTHS": "中文数字 numeral",
    "THAN": "“比”",
    "THAN_WORD": "“大/小”",
    "JOINER": "“且/并”",
    "INCLUDED": "“含”",
    "FULL_STOP": "“。”",
    "LPAR": "“(”",
    "RPAR": "“)”",
    "UNIT": "单位 unit",
    "SCALE": "万/亿 multiplier",
    "PREFIX_OP": "比较符 operator",
    "SUFFIX_OP": "以上/以下 suffix",
    "RANGE_SEP": "区间符 range separator",
    "DASH": "“-”",
    "WHOLE": "“整”",
    "PER": "“/”",
    "MONTH": "“月”",
    "MONTH_END": "“底”",
    "DAY": "“日”",
    "DEADLINE_MARK": "“前”",
    "COMPLETE": "“完成”",
    "YEAR_END": "“年底”",
    "WITHIN_YEAR": "“年内”",
    "BETWEEN": "“之间”",
    "DOTTED_DATE": "日期 date (2020.12.31)",
    "WHOLE_YEAR": "“全年”",
    "EVERY_YEAR": "“每年”",
    "PART_OF_YEAR": "“上半年”/“一季度”",
    "WITHIN": "“内”",
    "DOUBLE_DASH": "“--”",
    "PLUS_MINUS": "“±”",
    "TIMES": "“·”",
    "$END": "结尾 end of text",
    "<END-OF-FILE>": "结尾 end of text",
}


def _expected(names: Iterable[object]) -> str:
    described = sorted({_TERMINAL_NAMES.get(str(n), str(n)) for n in names})
    return "、".join(described)


_LETTERS_STOP = set("<>=≥≤≧≦%‰~-—–,;:()[]{}\"' \t") | set("0123456789.")


def _word_at(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end] not in _LETTERS_STOP and not text[end].isspace():
        end += 1
    word = text[start:end]
    for tail in sorted(
        [*SUFFIX_OPERATORS, "之前", "以前", "前", "完成", "之间"], key=len, reverse=True
    ):
        if word.endswith(tail) and len(word) > len(tail):
            return word[: -len(tail)]
    return word


def _is_letter(char: str) -> bool:
    return char.isalpha() and char not in _LETTERS_STOP


def _unknown_unit(normalised: str, position: int, registry: UnitRegistry) -> tuple[int, str] | None:
    """``(start, word)`` when the error sits in a word written right after an Arabic number
    (or a "/") that is not a known unit — ``≥200xx``, ``≥5人天``, ``≥5千瓦``, ``≥50 km`` —
    else ``None``."""
    if position >= len(normalised) or not _is_letter(normalised[position]):
        return None
    start = position
    while start > 0 and _is_letter(normalised[start - 1]):
        start -= 1
    if not _after_number(normalised, start):
        return None
    word = _unknown_word(normalised, start, position, registry)
    return None if word is None else (start, word)


def _after_number(normalised: str, start: int) -> bool:
    """True when the word at ``start`` follows an Arabic number (perhaps a multiplier after
    it, ``≥5万 xx``, and spaces) or a "/"."""
    before = start
    while before > 0 and normalised[before - 1] in " \t":
        before -= 1
    if before > 1 and normalised[before - 1] in SCALES and normalised[before - 2].isdigit():
        before -= 1  # "≥5万 xx": a multiplier, then the unknown word
    return before > 0 and (normalised[before - 1].isdigit() or normalised[before - 1] == "/")


def _unknown_word(normalised: str, start: int, position: int, registry: UnitRegistry) -> str | None:
    """The word from ``start`` on, when it is no unit (a multiplier before it allowed) and no
    known unit followed by other words (``≥100件按时完成``: a syntax error, not a unit)."""
    head = normalised[start:position]
    scale = next((w for w in sorted(SCALES, key=len, reverse=True) if head.startswith(w)), "")
    known = registry.known_unit_set()
    unit_head = head[len(scale) :]
    if unit_head and unit_head not in known:
        return None
    tail = _word_at(normalised, position)
    if unit_head and not any(tail.startswith(word) for word in known):
        return None  # "≥100件按时完成": a unit, then words — a syntax error, not a unit
    word = head + tail
    if word in known or word[len(scale) :] in known:
        return None
    return word


def _suggestion_for(normalised: str, position: int) -> str | None:
    head = normalised[:position].rstrip()
    rest = normalised[position:]
    if rest.startswith(",=") or head.endswith(","):
        return "“,=”不是运算符：若想写 ≥ 或 ≤，请直接写出（“,=”常是漏按 Shift 的“<=”）/ ',=' is not an operator"
    if head.endswith("=") and rest[:1] in ("<", ">"):
        return "请写作 ≥ 或 ≤ / write >= or <="
    if rest.startswith("%") and head.endswith("%"):
        return "百分号重复 / doubled '%'"
    if rest[:1] == "," and head[-1:].isdigit():
        return "千位分隔符须每三位一个，小数点用“.” / thousands separators group by three; decimals use '.'"
    if rest[:1] == "." and head[-1:].isdigit():
        return "数字格式有误 / malformed number"
    numeral_before = bool(head) and (head[-1].isdigit() or head[-1] in _CN_NUMERALS)
    if numeral_before and rest[:1] in "多余几幾":
        return "约数（多、余、几）不能作为指标值，请写出确数 / an approximate number is not a target: write it exactly"
    if numeral_before and rest[:1] == "折":
        return "折扣不是指标值的写法，请写作百分数（八折 = 80%）/ write a discount as a percentage"
    if _MONTH_THEN_SUFFIX(head) and rest.startswith(_SUFFIXES):
        return _MONTH_NOTE  # 3月以内: after a number 月 is a month (rates.month_first)
    return None


#: A number and a month word just before the error (``3月`` of ``3月以内``), and the suffix
#: operators that may follow where the error is: a number of months is 个月.
_MONTH_THEN_SUFFIX = re.compile(
    "[0-9零〇一二两三四五六七八九十](?:" + "|".join(map(re.escape, MONTH_WORDS)) + ")$"
).search
_SUFFIXES = tuple(SUFFIX_OPERATORS)


_CN_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")


def _complete_before(normalised: str, position: int, start: Start, registry: UnitRegistry) -> bool:
    """True when the text up to ``position`` is complete on its own."""
    try:
        read = parser_for(registry).parse(normalised[:position], start=start.value)
    except (LarkError, Located):
        return False
    return not isinstance(read, Convention)  # a text only a convention reads is not complete


#: The hint for "月" after a number where no date can stand (``≥5月``): a month is a date or a
#: period, a number of months is 个月 — the nearest unit alone (个月) would mislead.
_MONTH_NOTE = (
    "月份写作“5月底前”（期限）或“3月～11月”（期间），月数写作“5个月” / a month is a date "
    "(5月底前) or a period (3月～11月); a number of months is 5个月"
)


def syntax_error(
    text: str,
    normalised: str,
    index: tuple[int, ...] | None,
    error: UnexpectedInput,
    start: Start,
    registry: UnitRegistry,
) -> TextError:
    """The located error for a parse that failed at ``error`` (offsets in ``text``, the text
    as given; ``normalised`` is what was parsed, ``index`` maps it back).

    >>> from indicatorkit.units import default_registry
    >>> registry = default_registry()
    >>> try:
    ...     parser_for(registry).parse("≥95%%", start=Start.TARGET.value)
    ... except UnexpectedInput as error:
    ...     found = syntax_error("≥95%%", "≥95%%", None, error, Start.TARGET, registry)
    >>> type(found).__name__, found.position, found.suggestion
    ('TargetSyntaxError', 4, "百分号重复 / doubled '%'")
    """
    if isinstance(error, UnexpectedCharacters):
        position = error.pos_in_stream or 0
        allowed = error.allowed or set()
        found = normalised[position : position + 1]
    else:
        assert isinstance(error, UnexpectedToken)
        token = error.token
        if token.type == "$END":
            position = len(normalised)
            found = ""
        else:
            position = token.start_pos or 0
            found = str(token)
        allowed = error.expected or set()
    unknown = _unknown_unit(normalised, position, registry)
    if unknown is not None:
        word_start, word = unknown
        return registry.unknown_unit(
            word,
            text,
            original_position(index, word_start),
            after_number=True,
            note=_MONTH_NOTE if word.startswith("月") else "",
        )
    original = original_position(index, position)
    if found:
        message = (
            f"{start.label}无法解析 / cannot read {start.english}: "
            f"第{original + 1}列出现意外的“{found}” (unexpected {found!r} at column {original + 1})"
        )
    else:
        message = (
            f"{start.label}不完整 / incomplete {start.english}: "
            f"在结尾处缺少内容 (text ends too early)"
        )
    end = original_position(index, position + max(1, len(found)))
    hint = _SyntaxHint(normalised, position, found, frozenset(map(str, allowed)), start, registry)
    return TargetSyntaxError(message, text, original, end=end, suggestion=hint)


@attrs.frozen
class _SyntaxHint:
    """The hint of a syntax error, found when it is first asked for (most syntax errors are
    caught by a reader that tries another reading): the typo it seems to be, else what could
    have come at ``position`` of ``normalised`` (the terminals ``allowed`` there; the end of
    the text too when the text before is complete on its own)."""

    normalised: str
    position: int
    found: str
    allowed: frozenset[str]
    start: Start
    registry: UnitRegistry

    def __call__(self) -> str | None:
        normalised, position, allowed = self.normalised, self.position, self.allowed
        suggestion = _suggestion_for(normalised, position)
        if suggestion is not None:
            return suggestion
        if (
            self.found
            and "$END" not in allowed
            and _complete_before(normalised, position, self.start, self.registry)
        ):
            allowed = allowed | {"$END"}  # the text could have ended here
        expected = _expected(allowed)
        return f"此处应为 / expected here: {expected}" if expected else None
