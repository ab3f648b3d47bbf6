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
from typing import Literal

from indicatorkit.errors import InvalidValueError

__all__ = [
    "MAX_CHINESE_NUMERAL",
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "NumeralStyle",
    "chinese_numeral",
    "chinese_value",
    "decimal_value",
    "format_decimal",
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
    digits = text.replace(",", "")
    if len(digits) - ("." in digits) > MAX_DIGITS:
        raise _too_long(digits)
    whole, _, fraction = digits.partition(".")
    if not fraction:
        return Fraction(int(whole), 1)
    return Fraction(int(whole + fraction), 10 ** len(fraction))


def _section(text: str) -> int:
    """Value of a numeral below 万: ``"一千二百三十四"`` → 1234, ``"十五"`` → 15,
    ``"一千零十"`` → 1010, and the spoken short form ``"三千五"`` → 3500."""
    total = 0
    digit: int | None = None
    last_unit = 0
    after_zero = False
    for char in text:
        if char in "零〇":
            digit, after_zero = None, True
        elif char in DIGITS:
            digit = DIGITS[char]
        else:
            last_unit = SMALL_UNITS[char]
            total += (1 if digit is None else digit) * last_unit
            digit, after_zero = None, False
    if digit is not None and last_unit >= 100 and not after_zero:
        return total + digit * last_unit // 10  # 三千五 is 3500, 两百五 is 250
    return total + (digit or 0)


def chinese_value(text: str) -> Fraction:
    """Value of a Chinese numeral, with ``点`` for decimals: ``"三万五千"`` → 35000.

    A run of bare digits (``"二〇二五"``) reads digit by digit.  The grammar guarantees the
    characters; malformed orders (``"百百"``) raise ``ValueError``.

    >>> chinese_value("三万五千"), chinese_value("一点五")
    (Fraction(35000, 1), Fraction(3, 2))
    """
    if text in BIG_UNITS:
        raise ValueError(f"{text} alone is a multiplier, not a number")  # 万人: write 一万人
    scale = 1
    if "点" in text and text[-1] in BIG_UNITS:
        scale, text = BIG_UNITS[text[-1]], text[:-1]  # 一点五万 is 15000
    whole, _, fraction = text.partition("点")
    if whole and all(char in DIGITS for char in whole) and len(whole) > 1:
        value = Fraction(int("".join(str(DIGITS[c]) for c in whole)))
    else:
        value = Fraction(_whole(whole))
    if fraction:
        if not all(char in DIGITS for char in fraction):
            raise ValueError(f"bad decimal part {fraction!r}")
        value += Fraction(int("".join(str(DIGITS[c]) for c in fraction)), 10 ** len(fraction))
    return value * scale


def _whole(text: str) -> int:
    if not text:
        raise ValueError("empty numeral")
    total = 0
    rest = text
    for big, factor in (("亿", BIG_UNITS["亿"]), ("万", BIG_UNITS["万"])):
        if big in rest:
            head, _, rest = rest.partition(big)
            if big in rest:
                raise ValueError(f"repeated {big}")
            if not head and total:
                raise ValueError(f"{big} with no number before it after a larger place")  # 一亿万
            total += (_whole(head) if head else 1) * factor
            if len(rest) == 1 and rest in DIGITS and rest not in "零〇":
                return total + DIGITS[rest] * factor // 10  # 一万五 is 15000
    if rest:
        if total and rest[0] in SMALL_UNITS:
            raise ValueError(f"a place word with no digit after 万/亿 in {text!r}")  # 五万千
        _check_order(rest)
        total += _section(rest)
    return total


def _check_order(text: str) -> None:
    """Reject numerals whose place words do not strictly descend (``百千``, ``十十``)."""
    last = 10_000
    previous_was_digit = False
    previous = ""
    for char in text:
        if char in SMALL_UNITS and previous in ("零", "〇") and char != "十":
            raise ValueError(f"a place word right after 零 in {text!r}")
        previous = char
        if char in SMALL_UNITS:
            if SMALL_UNITS[char] >= last:
                raise ValueError(f"place words out of order in {text!r}")
            last = SMALL_UNITS[char]
            previous_was_digit = False
        else:
            if previous_was_digit and char not in "零〇":
                raise ValueError(f"two digits in a row in {text!r}")
            previous_was_digit = char not in "零〇"


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
