"""Exact numbers from text: Arabic decimals with separators, and Chinese numerals — read
(:func:`chinese_value`) and written (:func:`chinese_numeral`).

Everything returns :class:`~fractions.Fraction`; no float is ever involved.

>>> decimal_value("1,616,387.84")
Fraction(40409696, 25)
>>> chinese_value("一百"), chinese_value("两"), chinese_value("一万五千"), chinese_value("九十五点五")
(Fraction(100, 1), Fraction(2, 1), Fraction(15000, 1), Fraction(191, 2))
>>> format_decimal(Fraction(191, 2))
'95.5'
>>> chinese_numeral(15000), chinese_numeral(Fraction(191, 2))
('一万五千', '九十五点五')
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from math import gcd
from typing import Literal

from indicatorkit.errors import InvalidValueError
from indicatorkit.shortcuts import coprime_fraction

__all__ = [
    "MAX_CHINESE_NUMERAL",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "NumeralStyle",
    "chinese_numeral",
    "chinese_value",
    "decimal_value",
    "format_decimal",
    "format_decimal_or_none",
    "is_terminating",
    "read_decimal",
    "read_ratio",
    "to_fraction",
]

#: The most digits a number may have (far above any amount in a budget table, far below
#: Python's 4,300-digit limit on int conversion); longer numbers are refused with a clear error.
MAX_DIGITS = 100
#: The largest decimal exponent (either sign) of a number given as a value (``Decimal("1e30")``,
#: a float, an int): it covers every float and bounds the exact integers that checking builds.
MAX_EXPONENT = 400

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


_DECIMAL_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_RATIO_TEXT = re.compile(r"([0-9]+(?:\.[0-9]+)?)(?:/([0-9]+(?:\.[0-9]+)?))?")


def read_decimal(text: str) -> Fraction:
    """A plain decimal written as text (``"-12.5"``; no separators, no exponent), exactly.

    The one reader of decimal fields: spec files, JSON data.  Raises
    :class:`~indicatorkit.errors.InvalidValueError` for anything else or for more than
    :data:`MAX_DIGITS` digits.

    >>> read_decimal("1616387.84"), read_decimal("-3")
    (Fraction(40409696, 25), Fraction(-3, 1))
    """
    if not _DECIMAL_TEXT.fullmatch(text):
        raise InvalidValueError(f"不是十进制数字 (not a decimal number): {text[:40]!r}")
    negative = text.startswith("-")
    value = decimal_value(text[1:] if negative else text)
    return -value if negative else value


def read_ratio(text: str) -> Fraction:
    """A non-negative number written as a decimal or a fraction ``p/q`` (``"10"``, ``"2.5"``,
    ``"1/3"``); full-width digits are read as digits.  A zero ``q`` is refused.

    >>> read_ratio("1/3"), read_ratio("２.５")
    (Fraction(1, 3), Fraction(5, 2))
    """
    normalised = unicodedata.normalize("NFKC", text.strip())
    match = _RATIO_TEXT.fullmatch(normalised)
    if match is None:
        raise InvalidValueError(f"不是非负数或分数 (not a number ≥ 0 or p/q): {text[:40]!r}")
    top = decimal_value(match[1])
    if match[2] is None:
        return top
    bottom = decimal_value(match[2])
    if bottom == 0:
        raise InvalidValueError(f"分母为零 (a zero denominator): {text[:40]!r}")
    return top / bottom


def _too_long(text: str) -> InvalidValueError:
    return InvalidValueError(
        f"数字过长 (a number longer than {MAX_DIGITS} digits): {text[:20]}…（{len(text)} 位）"
    )


def decimal_value(text: str) -> Fraction:
    """``"1,616,387.84"`` → exact Fraction (separators must already be validated).

    Raises :class:`~indicatorkit.errors.InvalidValueError` for more than :data:`MAX_DIGITS`
    digits.

    >>> decimal_value("1,616,387.84")
    Fraction(40409696, 25)
    """
    if "," in text:
        text = text.replace(",", "")
    if len(text) > MAX_DIGITS and len(text) - text.count(".") > MAX_DIGITS:
        raise _too_long(text)
    if "." not in text:  # a whole number, most often
        return coprime_fraction(int(text), 1)
    whole, _, fraction = text.partition(".")
    numerator, denominator = int(whole + fraction), _TENS[len(fraction)]
    divisor = gcd(numerator, denominator)
    return coprime_fraction(numerator // divisor, denominator // divisor)  # the hot path


_TENS = tuple(10**places for places in range(MAX_DIGITS + 1))


#: The numeral's grammar as data: each character's role.  A digit (or a run of Arabic digits)
#: is a number; 十百千 multiply the number before them within a section; 万 and 亿 close a
#: section and scale it — and compound (``万万`` = 亿, ``万亿`` = 10^12, ``一万五千亿``).
_ROLES: dict[str, tuple[str, int]] = {
    **{char: ("digit", value) for char, value in DIGITS.items()},
    **{char: ("small", value) for char, value in SMALL_UNITS.items()},
    **{char: ("big", value) for char, value in BIG_UNITS.items()},
}
_TOKEN = re.compile(r"[0-9]+|.", re.DOTALL)
_ARABIC = re.compile(r"[0-9]+")
#: Spaces that extraction leaves inside a numeral (``三千 九百 六十五``).
_SPACES = re.compile(r"[ \t\u3000]+")


def _tokens(text: str) -> list[tuple[str, int, str]]:
    """``(role, value, text)`` for each character of a numeral; a run of Arabic digits is one
    ``"arabic"`` token (``5万4千6百``, ``3万4000``)."""
    tokens: list[tuple[str, int, str]] = []
    for piece in _TOKEN.findall(text):
        if piece[0] in "0123456789":
            if len(piece) > MAX_DIGITS:
                raise _too_long(piece)
            tokens.append(("arabic", int(piece), piece))
        elif piece in _ROLES:
            role, value = _ROLES[piece]
            tokens.append((role, value, piece))
        else:
            raise ValueError(f"not a numeral character {piece!r}")
    return tokens


def _section(tokens: list[tuple[str, int, str]], text: str, scale: int) -> int:
    """Value of a section below 万 (``一千二百三十四`` → 1234, ``十五``, ``一千零十``, ``1千零20``),
    and the spoken short form (``三千五`` → 3500) — ``scale`` is the place of the big unit the
    section stands under, for ``一万五`` (15000: 五 is 五千)."""
    total = 0
    number: int | None = None
    last_unit = 10_000
    after_zero = False
    for role, value, piece in tokens:
        if role == "small":
            _check_place(value, piece, text, last_unit, number, after_zero=after_zero)
            total += (1 if number is None else number) * value
            last_unit, number, after_zero = value, None, False
        else:
            number, after_zero = _digit(role, value, number, text, after_zero=after_zero)
    if number is None:
        return total
    return _with_last_digit(
        total, number, last_unit, text, scale if len(tokens) == 1 else 1, after_zero=after_zero
    )


def _digit(
    role: str, value: int, number: int | None, text: str, *, after_zero: bool
) -> tuple[int | None, bool]:
    """The number waiting for its place word after a digit (or a run of Arabic digits), and
    whether a 零 came before it."""
    zero = role == "digit" and value == 0
    if number is not None:
        raise ValueError(
            f"a digit before 零 in {text!r}" if zero else f"two digits in a row in {text!r}"
        )
    return (None, True) if zero else (value, after_zero)


def _check_place(
    value: int, piece: str, text: str, last_unit: int, number: int | None, *, after_zero: bool
) -> None:
    """Refuse a place word (十百千) out of order, right after 零, or after several digits."""
    if value >= last_unit:
        raise ValueError(f"place words out of order in {text!r}")
    if after_zero and value != 10 and number is None:
        raise ValueError(f"a place word right after 零 in {text!r}")
    if number is not None and number > 9:
        raise ValueError(f"more than one digit before {piece} in {text!r}")


def _with_last_digit(
    total: int, number: int, last_unit: int, text: str, scale: int, *, after_zero: bool
) -> int:
    """A section's value with its last digit, which has no place word of its own: the units
    — or the place below the last one in the spoken short form (``三千五``, and ``一万五``
    where ``scale``, the big unit's place, is more than 1)."""
    if number >= last_unit:
        raise ValueError(f"a number too large for its place in {text!r}")
    if not after_zero and number <= 9:
        if total and last_unit >= 100:
            return total + number * last_unit // 10  # 三千五 is 3500, 两百五 is 250
        if not total and scale > 1:
            return number * scale // 10  # 一万五 is 15000 (only right after 万 or 亿)
    return total + number


def _whole(text: str) -> int:
    """A whole numeral: sections joined by 万 and 亿, compounding where a larger big unit
    follows a smaller one (``一万五千亿``) or a big unit follows itself (``四万万``)."""
    tokens = _tokens(text)
    if not tokens:
        raise ValueError("empty numeral")
    if all(role == "digit" for role, _, _ in tokens) and len(tokens) > 1:
        return int("".join(str(value) for _, value, _ in tokens))  # 二〇二五 digit by digit
    result = 0
    group_scale = 0  # the place of the last big unit closed (0: none yet)
    section: list[tuple[str, int, str]] = []
    for token in tokens:
        if token[0] == "big":
            result, group_scale = _big_unit(result, group_scale, section, token, text)
            section = []
        else:
            section.append(token)
    if section:
        result += _last_section(section, group_scale, text)
    return result


def _big_unit(
    result: int,
    group_scale: int,
    section: list[tuple[str, int, str]],
    token: tuple[str, int, str],
    text: str,
) -> tuple[int, int]:
    """The numeral read so far and its place, after the big unit ``token`` (万, 亿) closes
    ``section``."""
    _, value, piece = token
    if not section:
        if result == 0:
            raise ValueError(f"{piece} with no number before it in {text!r}")
        if value > group_scale or (value == group_scale and group_scale < BIG_UNITS["亿"]):
            return result * value, group_scale * value  # 万万 is 亿, 十万亿 is 10^13
        raise ValueError(f"repeated {piece} in {text!r}")
    part = _section(section, text, 1)
    if group_scale and value > group_scale:
        return (result + part) * value, group_scale * value  # 一万五千亿: (一万五千) 亿
    if group_scale and value == group_scale:
        raise ValueError(f"repeated {piece} in {text!r}")
    return result + part * value, value


def _last_section(section: list[tuple[str, int, str]], group_scale: int, text: str) -> int:
    """The section after the last big unit (or the whole numeral, when there is none)."""
    if section[0][0] == "small" and group_scale:
        raise ValueError(f"a place word with no digit after 万/亿 in {text!r}")  # 五万千
    part = _section(section, text, group_scale)
    if group_scale and part >= group_scale:
        raise ValueError(f"a number too large for its place in {text!r}")
    return part


def chinese_value(text: str) -> Fraction:
    """Value of a Chinese numeral, read from one table of digits and place words
    (:data:`DIGITS`, :data:`SMALL_UNITS`, :data:`BIG_UNITS`):

    - ``点`` for decimals (``九十五点五``), a decimal before a big unit (``一点五万``);
    - compound big units (``四万万`` = 4亿, ``一万五千亿``, ``十万亿``);
    - Arabic digits with place words (``5万4千6百``, ``3万4000``, ``1千零20``);
    - spaces left by extraction (``三千 九百 六十五``);
    - fractions ``X分之Y`` (``三分之二`` = 2/3, ``一百分之五`` = 0.05), either side signed with
      ``负`` or ``-`` (``负3分之负一百五十七`` = 157/3);
    - tenths ``X成Y`` counted in 成 (``九成五`` = 9.5, ``半成`` = 0.5, ``三成半`` = 3.5: the
      value in 成, one 成 being 10%).

    A run of bare digits (``"二〇二五"``) reads digit by digit.  Malformed orders (``"百百"``)
    raise ``ValueError``.

    >>> chinese_value("四万万"), chinese_value("5万4千6百"), chinese_value("三千 九百 六十五")
    (Fraction(400000000, 1), Fraction(54600, 1), Fraction(3965, 1))
    >>> chinese_value("三分之二"), chinese_value("一万五千亿"), chinese_value("负3分之负一百五十七")
    (Fraction(2, 3), Fraction(1500000000000, 1), Fraction(157, 3))
    >>> chinese_value("九成五"), chinese_value("半成")
    (Fraction(19, 2), Fraction(1, 2))
    """
    text = _SPACES.sub("", text)
    if text[:1] in _MINUS:
        if text[1:2] in _MINUS:
            raise ValueError(f"two signs in a row in {text!r}")
        return -chinese_value(text[1:])
    if "分之" in text:
        below, _, above = text.partition("分之")
        if "分之" in above:
            raise ValueError(f"two fractions in {text!r}")
        denominator = chinese_value(below)
        if denominator == 0:
            raise ValueError(f"a zero denominator in {text!r}")
        return chinese_value(above) / denominator
    if "成" in text:
        return _tenths(text)
    if text in BIG_UNITS:
        raise ValueError(f"{text} alone is a multiplier, not a number")  # 万人: write 一万人
    whole, point, fraction = text.partition("点")
    scale = 1
    while point and fraction and fraction[-1] in BIG_UNITS:
        scale, fraction = scale * BIG_UNITS[fraction[-1]], fraction[:-1]  # 一点五万 is 15000
    if point and not fraction:
        raise ValueError(f"nothing after 点 in {text!r}")
    if _ARABIC.fullmatch(whole):
        value = Fraction(decimal_value(whole))
    else:
        value = Fraction(_whole(whole))
    if fraction:
        if _ARABIC.fullmatch(fraction):
            places = fraction
        elif all(char in DIGITS for char in fraction):
            places = "".join(str(DIGITS[char]) for char in fraction)
        else:
            raise ValueError(f"bad decimal part {fraction!r}")
        if len(places) > MAX_DIGITS:
            raise _too_long(places)
        value += Fraction(int(places), 10 ** len(places))
    return value * scale


#: Signs of a negative number inside a numeral (``负3分之负一百五十七``).
_MINUS = ("负", "-")


def _tenths(text: str) -> Fraction:
    """``X成Y``, in 成: a whole count of 成 then one digit of the next place (``九成五`` =
    9.5), where 半 is half (``半成`` = 0.5, ``三成半`` = 3.5)."""
    count, _, rest = text.partition("成")
    if not count or "成" in rest or (count == "半" and rest):
        raise ValueError(f"not a count of tenths: {text!r}")
    whole = Fraction(1, 2) if count == "半" else chinese_value(count)
    if not rest:
        return whole
    if whole.denominator != 1 or not 0 < whole < 10:
        raise ValueError(f"a digit after 成 needs a whole count below 十: {text!r}")
    if rest == "半":
        return whole + Fraction(1, 2)
    if len(rest) != 1 or rest not in DIGITS or DIGITS[rest] == 0:
        raise ValueError(f"one digit 一…九 or 半 may follow 成: {text!r}")
    return whole + Fraction(DIGITS[rest], 10)


# ---------------------------------------------------------------------------------------------
# Writing Chinese numerals

#: Whole parts :func:`chinese_numeral` writes are below this (一亿亿 is not a numeral).
MAX_CHINESE_NUMERAL = 10**16

NumeralStyle = Literal["standard", "full", "digits"]

_WRITTEN_DIGITS = "零一二三四五六七八九"
_PLACE_WORDS = ("百", "千", "万", "亿")


def _write_section(number: int) -> str:
    """1 ≤ number ≤ 9999 with every digit written: 1050 → 一千零五十, 15 → 一十五."""
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
        parts.append(_WRITTEN_DIGITS[digit] + word)
    return "".join(parts)


def _write_whole(number: int) -> str:
    """0 ≤ number < 10**16 with every digit written: 100050000 → 一亿零五万."""
    if number == 0:
        return "零"
    high, rest = divmod(number, 10**8)
    middle, low = divmod(rest, 10**4)
    text = _write_whole(high) + "亿" if high else ""
    skipped = False
    for group, word in ((middle, "万"), (low, "")):
        if group == 0:
            skipped = bool(text)
            continue
        if text and (group < 1000 or skipped):
            text += "零"
        text += _write_section(group) + word
        skipped = False
    return text


def chinese_numeral(
    value: int | Fraction,
    *,
    style: NumeralStyle = "standard",
    two: Literal["二", "两"] = "二",
    zero: Literal["零", "〇"] = "零",
) -> str:
    """写出中文数字 / a number written as a Chinese numeral, read back by :func:`chinese_value`.

    ``value`` is a whole number or a terminating decimal, at least 0 and below
    :data:`MAX_CHINESE_NUMERAL`; decimals are written with ``点`` and one digit per place.

    ``style``:

    - ``"standard"`` (常规写法): ``十五``, ``一百一十``, ``一万零五``;
    - ``"full"`` (每位都写): as standard, but a leading ``十`` keeps its ``一`` (``一十五``);
    - ``"digits"`` (逐位写，如年份): one character per digit, ``二〇二五``.

    ``two="两"`` writes a leading ``二`` before ``百``, ``千``, ``万`` or ``亿`` as ``两``
    (``两百``, ``两万五千``; never ``两十``).  ``zero`` is the character for the digit 0.

    >>> chinese_numeral(15), chinese_numeral(15, style="full"), chinese_numeral(110)
    ('十五', '一十五', '一百一十')
    >>> chinese_numeral(100_050_000), chinese_numeral(1050)
    ('一亿零五万', '一千零五十')
    >>> chinese_numeral(200, two="两"), chinese_numeral(25_000, two="两"), chinese_numeral(20, two="两")
    ('两百', '两万五千', '二十')
    >>> chinese_numeral(2025, style="digits", zero="〇"), chinese_numeral(2025, style="digits")
    ('二〇二五', '二零二五')
    >>> chinese_numeral(Fraction(1, 20)), chinese_numeral(Fraction(191, 2))
    ('零点零五', '九十五点五')
    >>> chinese_numeral(Fraction(1, 3))
    Traceback (most recent call last):
      ...
    ValueError: 无法写成有限小数 (not a terminating decimal): 1/3
    """
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise TypeError(f"not an int or Fraction: {type(value).__name__}")
    if not is_terminating(Fraction(value)):
        raise ValueError(f"无法写成有限小数 (not a terminating decimal): {value}")
    if not 0 <= value < MAX_CHINESE_NUMERAL:
        raise ValueError(
            f"超出中文数字的写法范围 (outside 0 ≤ value < {MAX_CHINESE_NUMERAL}): {value}"
        )
    if style not in ("standard", "full", "digits"):
        raise ValueError(f"unknown style {style!r}; expected 'standard', 'full' or 'digits'")
    whole = int(value)
    if style == "digits":
        text = "".join(_WRITTEN_DIGITS[int(digit)] for digit in str(whole))
    else:
        text = _write_whole(whole)
        if style == "standard" and text.startswith("一十"):
            text = text[1:]  # 十五, not 一十五
    if two == "两" and text.startswith("二") and text[1:2] in _PLACE_WORDS:
        text = "两" + text[1:]
    if value != whole:
        decimals = format_decimal(Fraction(value) - whole).partition(".")[2]
        text += "点" + "".join(_WRITTEN_DIGITS[int(digit)] for digit in decimals)
    return text.replace("零", zero)


def is_terminating(value: Fraction) -> bool:
    """True when ``value`` has a finite decimal expansion (its text can round-trip).

    >>> from fractions import Fraction
    >>> is_terminating(Fraction(3, 8)), is_terminating(Fraction(1, 3))
    (True, False)
    """
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def format_decimal(value: Fraction) -> str:
    """Shortest exact decimal text of ``value``; ``"p/q"`` when it does not terminate.

    >>> from fractions import Fraction
    >>> format_decimal(Fraction(3, 2)), format_decimal(Fraction(1, 3))
    ('1.5', '1/3')
    """
    if value.denominator == 1:
        return str(value.numerator)
    if not is_terminating(value):
        return f"{value.numerator}/{value.denominator}"
    places = 0
    while 10**places % value.denominator:
        places += 1
    digits = str(abs(value.numerator) * 10**places // value.denominator).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")


def format_decimal_or_none(value: Fraction | None) -> str | None:
    """:func:`format_decimal` of ``value``, ``None`` for none — how every output writes an
    exact value that may be missing (``or ""`` where a cell wants text).

    >>> from fractions import Fraction
    >>> format_decimal_or_none(Fraction(3, 2)), format_decimal_or_none(None)
    ('1.5', None)
    """
    return None if value is None else format_decimal(value)


_MAX_BITS = (10 ** (2 * MAX_EXPONENT)).bit_length()


def to_fraction(number: object) -> Fraction:
    """An exact Fraction from an int, Fraction, Decimal or float (floats via their shortest
    repr, so ``95.1`` means 95.1, not the binary value nearest to it).

    Raises ``TypeError`` for anything else and ``ValueError`` for NaN or infinities.

    >>> from decimal import Decimal
    >>> to_fraction(0.1), to_fraction(Decimal("1.50"))
    (Fraction(1, 10), Fraction(3, 2))
    """
    if type(number) is Fraction:  # the common case first
        if max(number.numerator.bit_length(), number.denominator.bit_length()) > _MAX_BITS:
            raise InvalidValueError(f"数值超出范围 (a number beyond ±10^{MAX_EXPONENT})")
        return number
    if isinstance(number, bool):
        raise TypeError("a bool is not a number here")
    if isinstance(number, int):
        if number.bit_length() > _MAX_BITS:
            raise InvalidValueError(f"数值超出范围 (a number beyond ±10^{MAX_EXPONENT})")
        return Fraction(number)
    if isinstance(number, Fraction):
        if max(number.numerator.bit_length(), number.denominator.bit_length()) > _MAX_BITS:
            raise InvalidValueError(f"数值超出范围 (a number beyond ±10^{MAX_EXPONENT})")
        return number
    if isinstance(number, Decimal):
        if not number.is_finite():
            raise InvalidValueError(f"不是有限数 (not a finite number): {number}")
        if abs(number.adjusted()) > MAX_EXPONENT or len(number.as_tuple().digits) > MAX_DIGITS:
            raise InvalidValueError(
                f"数值超出范围 (a number beyond ±10^{MAX_EXPONENT} or with more than "
                f"{MAX_DIGITS} digits): {number:.6e}"
            )
        return Fraction(number)
    if isinstance(number, float):
        if number != number or number in (float("inf"), float("-inf")):
            raise InvalidValueError(f"不是有限数 (not a finite number): {number}")
        return Fraction(repr(number))
    raise TypeError(f"not a number: {type(number).__name__}")
