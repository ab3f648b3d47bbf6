"""Reading target expressions: text → typed target, through ``grammar/target.lark``.

``parse_target`` normalises the text (NFKC plus a small alias table), runs the LALR parser
whose transformer builds target objects directly, and caches the result per input string.
Text the grammar cannot read becomes a :class:`~indicatorkit.language.targets.Qualitative` target only
when it is plainly a sentence; anything that looks like a broken expression raises a located
error.

>>> parse_target("不低于90%")
Comparison('≥90%')
>>> parse_target("1.5万人次以上")
Comparison('≥1.5万人次')
>>> parse_target("及时足额发放")
Qualitative('及时足额发放')
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache
from typing import Any, Literal, overload

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from indicatorkit import units
from indicatorkit.errors import (
    DimensionMismatchError,
    InvalidTargetError,
    TargetSyntaxError,
    TextError,
    UnknownUnitError,
)
from indicatorkit.grammars import read_grammar
from indicatorkit.language.lenient import LenientParse, parse_lenient
from indicatorkit.language.targets import (
    Amount,
    AnyTarget,
    Comparison,
    DatePoint,
    Deadline,
    Qualitative,
    Range,
    valid_day,
)
from indicatorkit.numerals import chinese_value, decimal_value
from indicatorkit.vocabulary import (
    CHARACTER_ALIASES,
    PREFIX_OPERATORS,
    RANGE_SEPARATORS,
    SIGN_OPERATORS,
    SUFFIX_OPERATORS,
    Operator,
)

__all__ = [
    "clear_caches",
    "grammar_text",
    "normalize",
    "parse_actual",
    "parse_target",
    "reads_as_prose",
]


# ---------------------------------------------------------------------------------------------
# Normalisation


_ALIASES = str.maketrans(dict(CHARACTER_ALIASES))


def normalize(text: str) -> tuple[str, tuple[int, ...] | None]:
    """NFKC + look-alike aliases.  Returns the text and, when lengths changed, a map from each
    normalised character index (and the end) to the original index; ``None`` means identity.

    >>> normalize("＞＝９０％")
    ('>=90%', None)
    """
    if unicodedata.is_normalized("NFKC", text):
        return text.translate(_ALIASES), None
    pieces: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        piece = unicodedata.normalize("NFKC", char)
        pieces.append(piece)
        index.extend([position] * len(piece))
    index.append(len(text))
    normalised = "".join(pieces).translate(_ALIASES)
    if len(normalised) == len(text):
        return normalised, None
    return normalised, tuple(index)


def _original(index: tuple[int, ...] | None, position: int) -> int:
    if index is None:
        return position
    return index[max(0, min(position, len(index) - 1))]


# ---------------------------------------------------------------------------------------------
# The grammar and the parser


def _alternatives(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return " | ".join(_lark_string(word) for word in ordered)


def _lark_string(word: str) -> str:
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def grammar_text() -> str:
    """The full grammar: ``target.lark`` plus the terminals generated from the vocabulary
    tables and the unit registry."""
    base = read_grammar("target.lark")
    supplied = [
        "",
        "// ---- supplied by indicatorkit.language.reading.grammar_text() ----",
        f"PREFIX_OP: {_alternatives(PREFIX_OPERATORS)}",
        f"SUFFIX_OP: {_alternatives(SUFFIX_OPERATORS)}",
        f"RANGE_SEP: {_alternatives(RANGE_SEPARATORS)}",
        f"UNIT: {_alternatives(units.known_unit_words())}",
        "",
    ]
    return base + "\n".join(supplied)


class _Located(Exception):
    """Raised inside the transformer; turned into a :class:`TextError` with the right offsets."""

    def __init__(
        self,
        cls: type[TextError],
        message: str,
        start: int,
        end: int,
        suggestion: str | None = None,
    ) -> None:
        super().__init__(message)
        self.cls = cls
        self.message = message
        self.start = start
        self.end = end
        self.suggestion = suggestion


def _span(token: Token) -> tuple[int, int]:
    start = token.start_pos or 0
    return start, start + len(token)


def _invalid(token: Token, message: str, suggestion: str | None = None) -> _Located:
    start, end = _span(token)
    return _Located(InvalidTargetError, message, start, end, suggestion)


_END_OF_MONTH = object()


def _numeral(token: Token, text: str | None = None) -> Fraction:
    """The value of a Chinese numeral token, or a located error."""
    try:
        return chinese_value(str(token) if text is None else text)
    except ValueError:
        raise _invalid(token, f"中文数字无法读取 (malformed Chinese numeral) “{token}”") from None


def _integer(token: Token) -> int | None:
    """A whole number written in Arabic digits or a Chinese numeral; ``None`` if not whole."""
    text = str(token)
    if token.type == "DECIMAL":
        return int(text) if text.isdigit() else None
    value = _numeral(token)
    return int(value) if value.denominator == 1 else None


def _calendar_year(amount: Amount) -> int | None:
    """The year of "2025年" followed by 内: a whole number of 年 between 1900 and 2199."""
    if amount.unit.symbol != "年" or amount.value.denominator != 1:
        return None
    return int(amount.value) if 1900 <= amount.value <= 2199 else None


@v_args(inline=True)
class _Build(Transformer[Token, Any]):
    """Builds targets straight from the LALR parser's reductions."""

    def start_target(self, target: Any) -> Any:
        return target

    def start_actual(self, actual: Any) -> Any:
        return actual

    # ---- comparisons ----
    def prefixed(self, op: Token, amount: Amount, suffix: Token | None) -> Comparison:
        operator = PREFIX_OPERATORS[str(op)]
        if suffix is not None:
            after = SUFFIX_OPERATORS[str(suffix)]
            if operator is Operator.EQ:
                operator = after  # "为95%以上" is "≥95%"
            elif operator is not after:
                start, _ = _span(op)
                _, end = _span(suffix)
                raise _Located(
                    InvalidTargetError,
                    f"前后比较词矛盾 (contradicting comparators): “{op}”与“{suffix}”",
                    start,
                    end,
                    f"只保留一个，例如 {operator.value}{amount} 或 {amount}{suffix}",
                )
        return Comparison(operator, amount)

    def suffixed(
        self, amount: Amount, suffix: Token, complete: Token | None
    ) -> Comparison | Deadline:
        operator = SUFFIX_OPERATORS[str(suffix)]
        year = _calendar_year(amount)
        if year is not None and operator is Operator.LE and str(suffix).endswith("内"):
            return Deadline(DatePoint(12, None, year))  # "2025年内": by the end of 2025
        return Comparison(operator, amount)

    def bare(self, amount: Amount) -> Comparison:
        return Comparison(None, amount)

    # ---- ranges ----
    def range(self, low: Amount, separator: Token, high: Amount, between: Token | None) -> Range:
        if low.unit is units.NO_UNIT and high.unit is not units.NO_UNIT:
            low = Amount(low.value, high.unit)  # the unit is written once: "90-100%"
        elif low.unit.dimension == "" and high.unit.dimension != "":
            # a multiplier alone: "1万-2万元" is 1万元 to 2万元, "5千-2万元" 5000元 to 2万元
            low = Amount(low.normalized / high.unit.factor, high.unit)
        try:
            return Range(low, high)
        except (ValueError, DimensionMismatchError) as error:
            raise _invalid(separator, f"区间无效 (invalid range): {error}") from None

    # ---- amounts ----
    def amount(self, dash: Token | None, magnitude: Amount) -> Amount:
        return magnitude if dash is None else Amount(-magnitude.value, magnitude.unit)

    def unit(self, top: Token, *rates: Token | str) -> units.Unit:
        # rates alternate PER tokens and denominators: 元/人/月 → ("/", "人", "/", "个月")
        return units.unit("/".join([str(top), *(str(word) for word in rates[1::2])]))

    def denominator(self, word: Token) -> str:
        return "个月" if word.type == "MONTH" else str(word)

    def arabic(self, number: Token, scale: Token | None, unit: units.Unit | None) -> Amount:
        base = unit if unit is not None else units.NO_UNIT
        if scale is not None:
            base = units.scaled(str(scale), base)  # 1.5万人次 stays in 万人次, as written
        return Amount(decimal_value(str(number)), base)

    def chinese(self, number: Token, unit: units.Unit | None) -> Amount:
        text = str(number)
        if unit is not None and len(text) > 1 and text[-1] in units.SCALES:
            # The numeral may have taken the first character of the unit: read 五千克 as 5千克
            # and 一点五万元 as 1.5万元 (as 1.5万元 is read), when that means the same number —
            # and 五十千克 as 50千克, which is no numeral otherwise.
            joined = text[-1] + unit.symbol
            if joined in units.known_unit_set():
                try:
                    whole = chinese_value(text)
                except ValueError:
                    whole = None
                try:
                    part = chinese_value(text[:-1])
                except ValueError:
                    part = None
                if part is not None and (whole is None or whole == part * units.SCALES[text[-1]]):
                    return Amount(part, units.unit(joined))
        return Amount(_numeral(number), unit if unit is not None else units.NO_UNIT)

    def chinese_part(self, token: Token) -> Amount:
        text = str(token)
        value = _numeral(token, text[3:])
        return Amount(value, units.unit("%" if text.startswith("百") else "‰"))

    # ---- deadlines ----
    def deadline(self, point: DatePoint, mark: Token | None, complete: Token | None) -> Deadline:
        return Deadline(point)

    def within_year(self, token: Token, complete: Token | None) -> Deadline:
        return Deadline(DatePoint(12))

    def within_year_of(self, year: int, token: Token, complete: Token | None) -> Deadline:
        return Deadline(DatePoint(12, None, year))  # 2025年年内

    def year_end(self, token: Token) -> DatePoint:
        return DatePoint(12)

    def end_of_year(self, year: int, token: Token) -> DatePoint:
        return DatePoint(12, None, year)  # 2025年底, 2025年年底

    def year(self, number: Token, unit: units.Unit) -> int:
        value = _integer(number)
        if unit != units.unit("年") or value is None or not 1 <= value <= 9999:
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
    ) -> DatePoint:
        month = _integer(month_token)
        if month is None or not valid_day(month, None):
            raise _invalid(month_token, f"月份无效 (no such month) “{month_token}月”")
        if day is None:
            raise _invalid(
                month_token,
                f"日期不明确 (ambiguous date) “{month_token}月”",
                f"写明月底或具体日期，例如“{month_token}月底前”或“{month_token}月15日前”",
            )
        if day is _END_OF_MONTH:
            return DatePoint(month, None, year)
        number: int | None
        day_token: Token
        number, day_token = day  # type: ignore[misc]
        if number is None or not valid_day(month, number, year):
            raise _invalid(day_token, f"日期无效 (no such day) “{month_token}月{day_token}日”")
        return DatePoint(month, number, year)

    def actual(self, value: Any) -> Any:
        return value


class _Parser:
    """The LALR parser, rebuilt when a unit is defined (the UNIT terminal changes)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lark: Lark | None = None

    def reset(self) -> None:
        with self._lock:
            self._lark = None

    def get(self) -> Lark:
        lark = self._lark
        if lark is None:
            with self._lock:
                if self._lark is None:
                    self._lark = Lark(
                        grammar_text(),
                        parser="lalr",
                        lexer="contextual",
                        start=["start_target", "start_actual"],
                        transformer=_Build(),
                        maybe_placeholders=True,
                    )
                lark = self._lark
        return lark


_PARSER = _Parser()


def clear_caches() -> None:
    """Forget every cached parse (targets and actuals).  Defining a unit does this itself;
    benchmarks call it to measure cold parsing."""
    _parse_cached.cache_clear()
    _actual_cached.cache_clear()


def _on_units_changed() -> None:
    _PARSER.reset()
    _prose_patterns.cache_clear()
    _simple_pattern.cache_clear()
    clear_caches()


units.on_units_changed(_on_units_changed)


# ---------------------------------------------------------------------------------------------
# Errors


_TERMINAL_NAMES = {
    "DECIMAL": "数字 number",
    "CN_NUMBER": "中文数字 numeral",
    "CN_PART": "百分之… numeral",
    "UNIT": "单位 unit",
    "SCALE": "万/亿 multiplier",
    "PREFIX_OP": "比较符 operator",
    "SUFFIX_OP": "以上/以下 suffix",
    "RANGE_SEP": "区间符 range separator",
    "DASH": "“-”",
    "PER": "“/”",
    "MONTH": "“月”",
    "MONTH_END": "“底”",
    "DAY": "“日”",
    "DEADLINE_MARK": "“前”",
    "COMPLETE": "“完成”",
    "YEAR_END": "“年底”",
    "WITHIN_YEAR": "“年内”",
    "BETWEEN": "“之间”",
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


def _unknown_unit(normalised: str, position: int) -> tuple[int, str] | None:
    """``(start, word)`` when the error sits in a word written right after an Arabic number
    (or a "/") that is not a known unit — ``≥200xx``, ``≥5台次``, ``≥5千瓦``, ``≥50 km`` —
    else ``None``."""
    if position >= len(normalised) or not _is_letter(normalised[position]):
        return None
    start = position
    while start > 0 and _is_letter(normalised[start - 1]):
        start -= 1
    before = start
    while before > 0 and normalised[before - 1] in " \t":
        before -= 1
    if before > 1 and normalised[before - 1] in units.SCALES and normalised[before - 2].isdigit():
        before -= 1  # "≥5万 xx": a multiplier, then the unknown word
    if before == 0 or not (normalised[before - 1].isdigit() or normalised[before - 1] == "/"):
        return None
    head = normalised[start:position]
    scale = next((w for w in sorted(units.SCALES, key=len, reverse=True) if head.startswith(w)), "")
    known = units.known_unit_set()
    unit_head = head[len(scale) :]
    if unit_head and unit_head not in known:
        return None
    tail = _word_at(normalised, position)
    if unit_head and not any(tail.startswith(word) for word in known):
        return None  # "≥100件按时完成": a unit, then words — a syntax error, not a unit
    word = head + tail
    if word in known or word[len(scale) :] in known:
        return None
    return start, word


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
    return None


def _complete_before(normalised: str, position: int, what: str) -> bool:
    """True when the text up to ``position`` is complete on its own."""
    start = "start_target" if what == "指标值" else "start_actual"
    try:
        _PARSER.get().parse(normalised[:position], start=start)
    except (LarkError, _Located):
        return False
    return True


def _syntax_error(
    text: str, normalised: str, index: tuple[int, ...] | None, error: UnexpectedInput, what: str
) -> TextError:
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
    unknown = _unknown_unit(normalised, position)
    if unknown is not None:
        start, word = unknown
        return UnknownUnitError(text, _original(index, start), word, units.nearest_units(word))
    original = _original(index, position)
    if found and "$END" not in allowed and _complete_before(normalised, position, what):
        allowed = {*allowed, "$END"}  # the text could have ended here
    expected = _expected(allowed)
    if found:
        message = (
            f"{what}无法解析 / cannot read {'target' if what == '指标值' else 'actual'}: "
            f"第{original + 1}列出现意外的“{found}” (unexpected {found!r} at column {original + 1})"
        )
    else:
        message = (
            f"{what}不完整 / incomplete {'target' if what == '指标值' else 'actual'}: "
            f"在结尾处缺少内容 (text ends too early)"
        )
    suggestion = _suggestion_for(normalised, position)
    if suggestion is None and expected:
        suggestion = f"此处应为 / expected here: {expected}"
    end = _original(index, position + max(1, len(found)))
    return TargetSyntaxError(message, text, original, end=end, suggestion=suggestion)


# ---------------------------------------------------------------------------------------------
# Parsing


#: Characters that make a text an expression, never prose: every sign of the vocabulary.
_SIGN_CHARACTERS = frozenset("".join(SIGN_OPERATORS) + "%‰~")
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
#: Quote pairs that mark a text as qualitative whatever it contains (“设立2个援助窗口”).
_QUOTES = (("“", "”"), ('"', '"'), ("「", "」"))


def _comparator_words() -> str:
    words = [w for w in PREFIX_OPERATORS if not w.isascii()] + ["约", "大约", "近", "预计"]
    return "|".join(sorted(words, key=len, reverse=True))


def _unit_words() -> str:
    return "|".join(re.escape(w) for w in units.known_unit_words())


@lru_cache(maxsize=1)
def _prose_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a comparator word followed by a number, a Chinese numeral and unit ending the text)."""
    number = f"(?:[0-9]|[{_CN_DIGITS}]+(?:{_unit_words()}))"
    return (
        re.compile(f"(?:{_comparator_words()})\\s*{number}"),
        re.compile(f"[{_CN_DIGITS}]+(?:{_unit_words()})\\s*$"),
    )


def _is_prose(normalised: str) -> bool:
    """A sentence, not a broken expression: letters, no signs, no Arabic digits, no comparator
    word before a number, not ending with an amount (``全年培训两次``), not ``百分之…``."""
    stripped = normalised.strip()
    if not stripped or _SIGN_CHARACTERS.intersection(stripped):
        return False
    if any(char.isdigit() for char in stripped) or stripped.startswith(("百分之", "千分之")):
        return False
    embedded, amount_at_end = _prose_patterns()
    if embedded.search(stripped) or amount_at_end.search(stripped):
        return False
    return any(char.isalpha() for char in stripped)


def _unquote(text: str) -> str | None:
    """The inside of a quoted qualitative text (stripped), or ``None`` if not quoted."""
    for opening, closing in _QUOTES:
        if len(text) > 2 and text.startswith(opening) and text.endswith(closing):
            inner = text[len(opening) : -len(closing)].strip()
            return inner or None
    return None


@lru_cache(maxsize=1)
def _simple_pattern() -> re.Pattern[str]:
    """An optional prefix operator (sign or word), a plain or grouped number, and the rest."""
    prefixes = "|".join(re.escape(w) for w in sorted(PREFIX_OPERATORS, key=len, reverse=True))
    number = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
    return re.compile(f"({prefixes})?\\s*({number})\\s*([^0-9\\s]*)")


_SUFFIXES = tuple(sorted(SUFFIX_OPERATORS, key=len, reverse=True))


def _simple(normalised: str, start: str) -> Comparison | Amount | None:
    """The fast path for the common forms — ``≥95%``, ``不低于90%``, ``1,000件以上``, ``96%``:
    an optional prefix operator, a number, a known unit word and an optional suffix operator,
    built without the parser.  ``None`` sends the text to the grammar, which gives the same
    result (a property test holds the two paths equal) or the error."""
    match = _simple_pattern().fullmatch(normalised.strip())
    if match is None:
        return None
    prefix, number, rest = match.groups()
    suffix = next((s for s in _SUFFIXES if rest.endswith(s)), None) if rest else None
    word = rest[: -len(suffix)] if suffix else rest
    if word and word not in units.known_unit_set():
        return None
    if start == "start_actual":
        return None if prefix or suffix else Amount(decimal_value(number), units.unit(word))
    if prefix and suffix:
        return None  # both: the grammar decides whether they agree
    amount = Amount(decimal_value(number), units.unit(word))
    if suffix:
        if amount.unit.symbol == "年":
            return None  # "2025年内" may be a calendar year: the grammar decides
        return Comparison(SUFFIX_OPERATORS[suffix], amount)
    return Comparison(PREFIX_OPERATORS[prefix] if prefix else None, amount)


def _run(text: str, start: str, what: str) -> Any:
    normalised, index = normalize(text)
    if not normalised.strip():
        english = "target" if what == "指标值" else "actual"
        raise TargetSyntaxError(f"{what}为空 (empty {english})", text, 0, end=max(1, len(text)))
    simple = _simple(normalised, start)
    if simple is not None:
        return simple
    try:
        return _PARSER.get().parse(normalised, start=start)
    except _Located as located:
        raise located.cls(
            located.message,
            text,
            _original(index, located.start),
            end=_original(index, located.end),
            suggestion=located.suggestion,
        ) from None
    except UnexpectedInput as error:
        raise _syntax_error(text, normalised, index, error, what) from None


def reads_as_prose(text: str) -> bool:
    """True when ``parse_target(text)`` is ``Qualitative(text)`` without quotes."""
    try:
        target = _parse_cached(text)
    except TextError:
        return False
    return isinstance(target, Qualitative) and target.text == text and _unquote(text) is None


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> AnyTarget:
    stripped = text.strip()
    inner = _unquote(stripped)
    if inner is not None:
        return Qualitative(inner)
    try:
        return _run(text, "start_target", "指标值")  # type: ignore[no-any-return]
    except (TargetSyntaxError, UnknownUnitError) as error:
        # InvalidTargetError is not caught: the grammar read an expression that means nothing.
        normalised = normalize(stripped)[0]
        if stripped and _is_prose(normalised):
            return Qualitative(stripped)
        if looks_like_sentence(normalised):
            digit = next((i for i, char in enumerate(text) if char.isdigit()), error.position)
            raise TargetSyntaxError(
                "含数字的句子不会读作定性指标 / a sentence with numbers is not read as "
                "qualitative (it may hide a target)",
                text,
                digit,
                suggestion=f"若为定性描述，请加引号：“{stripped}” / quote a qualitative sentence",
            ) from None
        raise


def looks_like_sentence(normalised: str) -> bool:
    """Words with numbers in them but no signs, starting with a letter: a sentence, perhaps
    with a target inside (``开展培训不少于2次``) — never read as prose without quotes."""
    stripped = normalised.strip()
    return (
        bool(stripped)
        and stripped[0].isalpha()
        and stripped[0] not in _CN_DIGITS
        and not stripped.startswith(tuple(w for w in PREFIX_OPERATORS if not w.isascii()))
        and not _SIGN_CHARACTERS.intersection(stripped)
    )


@overload
def parse_target(text: str, *, lenient: Literal[False] = False) -> AnyTarget: ...
@overload
def parse_target(text: str, *, lenient: Literal[True]) -> LenientParse: ...
def parse_target(text: str, *, lenient: bool = False) -> AnyTarget | LenientParse:
    """Parse a target expression (指标值).

    Strict by default: anything not in the language raises a :class:`TargetSyntaxError`,
    :class:`UnknownUnitError` or :class:`InvalidTargetError` (all ``ValueError``).  With
    ``lenient=True`` the typos of real tables are repaired and reported: the result is a
    :class:`LenientParse` holding the target and the diagnostics.  Results are cached.

    >>> parse_target("≥95%").check("95%").met
    True
    >>> parse_target(",=100", lenient=True).target
    Comparison('=100')
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_target needs a str, not {type(text).__name__}")
    if not lenient:
        return _parse_cached(text)
    return parse_lenient(text)


@lru_cache(maxsize=65536)
def _actual_cached(text: str) -> Amount | DatePoint:
    return _run(text, "start_actual", "实际值")  # type: ignore[no-any-return]


def parse_actual(text: str) -> Amount | DatePoint:
    """Parse an actual value (实际完成值): an amount (``96%``, ``6万元``) or a date (``12月20日``).

    >>> parse_actual("6万元") == parse_actual("60000元")
    True
    """
    return _actual_cached(text)
