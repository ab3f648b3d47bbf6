"""Prose detection: when a text the grammar cannot read is a sentence (定性) rather than a
broken expression, and when a sentence needs quotes to read back as itself.

A text is prose when it has letters, no signs, no Arabic digits, no comparator word before a
number, does not end with an amount (``全年培训两次``), does not start with ``百分之`` and is not
made of numeral characters and number words alone (``十多万``, ``八折``).
Every test here is linear in the length of the text.

>>> from indicatorkit.units import default_registry
>>> is_prose("及时足额发放", default_registry()), is_prose("全年培训两次", default_registry())
(True, False)
>>> reads_as_prose("年底前"), reads_as_prose("及时足额发放")     # 年底前 is a deadline
(False, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from indicatorkit.language.grammar import Start, accepts
from indicatorkit.language.rates import MONTH_WORDS
from indicatorkit.language.text import normalize
from indicatorkit.units import UnitRegistry, registry_in_use
from indicatorkit.vocabulary import PREFIX_OPERATORS, SIGN_OPERATORS, SUFFIX_OPERATORS

__all__ = ["is_prose", "looks_like_sentence", "reads_as_prose", "unit_alone", "unquote"]

#: Characters that make a text an expression, never prose: every sign of the vocabulary.
SIGN_CHARACTERS = frozenset("".join(SIGN_OPERATORS) + "%‰~")
CN_DIGITS = frozenset("零〇一二两三四五六七八九十百千万亿")
#: A search for a sign (a set's ``isdisjoint`` of a text makes and hashes a string per
#: character; a regular expression does not).
_ANY_SIGN = re.compile("[" + re.escape("".join(sorted(SIGN_CHARACTERS))) + "]").search
#: Quote pairs that mark a text as qualitative whatever it contains (“设立2个援助窗口”).
QUOTES = (("“", "”"), ('"', '"'), ("「", "」"))
#: Words that, before a number, make a text a comparison: every comparator word, and the
#: approximations that are refused rather than read as prose.
_COMPARATOR_WORDS = tuple(
    sorted(
        # 过 alone is too common a character (通过、经过) to mark a comparison inside a sentence
        {w for w in PREFIX_OPERATORS if not w.isascii() and w != "过"}
        | {"约", "大约", "近", "预计"},
        key=len,
        reverse=True,
    )
)
_COMPARATOR_PATTERN = re.compile("|".join(re.escape(w) for w in _COMPARATOR_WORDS))
#: Words that open a comparison or an approximation (约95%), never a sentence.
_WORD_OPENERS = (
    *(w for w in PREFIX_OPERATORS if not w.isascii()),
    *("约", "大约", "大概", "近", "接近", "预计"),
)


#: A text made only of numeral characters and number words — approximations (十多万, 五百余,
#: 二十几), discounts (八折), 兆, 又, 半 — is a number the language does not read, never prose.
_NUMBER_WORDS = re.compile(
    r"(?:[\s零〇一二两三四五六七八九十百千万亿点多余几幾折兆又半成打对對双雙负]|分\s*之)+"
)
_ANY_NUMERAL = re.compile("[零〇一二两三四五六七八九十百千万亿半对對]").search


@lru_cache(maxsize=16)
def _unit_lengths(registry: UnitRegistry) -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in registry.known_unit_words()}, reverse=True))


def _unit_starts_at(text: str, position: int, registry: UnitRegistry) -> bool:
    known = registry.known_unit_set()
    return any(text[position : position + n] in known for n in _unit_lengths(registry))


def _amount_at_end(text: str, registry: UnitRegistry) -> bool:
    """A Chinese numeral and a unit end the text (``两次``, ``一百件``) — or a numeral, a unit
    or a month word and a suffix operator (``三月以上``: a number of months written as a
    month, never a sentence that drops the number)."""
    known = registry.known_unit_set()
    for n in _unit_lengths(registry):
        if n < len(text) and text[-n:] in known and text[-n - 1] in CN_DIGITS:
            return True
    suffix = next((word for word in _SUFFIXES if text.endswith(word)), None)
    if suffix is None:
        return False
    body = text[: -len(suffix)].rstrip()
    return any(
        len(body) > len(word) and body.endswith(word) and body[-len(word) - 1] in CN_DIGITS
        for word in (*MONTH_WORDS, *known)
    )


#: The suffix operators (以上, 以内 …), longest first.
_SUFFIXES = tuple(sorted(SUFFIX_OPERATORS, key=len, reverse=True))


def _number_after_comparator(text: str, registry: UnitRegistry) -> bool:
    """A comparator word followed by an Arabic digit, or by a Chinese numeral and a unit."""
    length = len(text)
    for match in _COMPARATOR_PATTERN.finditer(text):
        cursor = match.end()
        while cursor < length and text[cursor].isspace():
            cursor += 1
        if cursor < length and text[cursor] in "0123456789":
            return True
        run = cursor
        while run < length and text[run] in CN_DIGITS:
            run += 1
            if _unit_starts_at(text, run, registry):
                return True
    return False


def _number_words_only(text: str, registry: UnitRegistry) -> bool:
    """Numeral characters and number words alone, perhaps with a unit after them
    (``十多万``, ``五百余人``, ``八折``)."""
    if _ANY_NUMERAL(text) is None:
        return False
    if _NUMBER_WORDS.fullmatch(text):
        return True
    known = registry.known_unit_set()
    for n in _unit_lengths(registry):
        if n < len(text) and text[-n:] in known and _NUMBER_WORDS.fullmatch(text[:-n]):
            return True
    return False


def is_prose(normalised: str, registry: UnitRegistry) -> bool:
    """True for a sentence, not a broken expression (see the module's description).

    >>> from indicatorkit.units import default_registry
    >>> [is_prose(text, default_registry()) for text in ("及时足额发放", "≥95%", "十多万")]
    [True, False, False]
    """
    stripped = normalised.strip()
    if not stripped or _ANY_SIGN(stripped) is not None:
        return False
    if any(map(str.isdigit, stripped)) or stripped.startswith(("百分之", "千分之")):
        return False
    if _amount_at_end(stripped, registry) or _number_after_comparator(stripped, registry):
        return False
    if _number_words_only(stripped, registry):
        return False  # 十多万, 五百余人, 八折: a number, not a sentence
    if "之间" in stripped and not CN_DIGITS.isdisjoint(stripped):
        return False  # 第十和第十五之间: bounds, not a sentence
    return any(char.isalpha() for char in stripped)


#: 负 before a number (负三分之一, 负3%): a negative number, never the start of a sentence.
_NEGATIVE_NUMBER = re.compile(r"负\s*[0-9零〇一二两三四五六七八九十百千万亿]")
#: A percent or permille sign right after a digit: part of an amount (15%), not a sign.
_PERCENT_OF_NUMBER = re.compile(r"(?<=[0-9])\s*[%‰]")


def looks_like_sentence(normalised: str) -> bool:
    """Words with numbers in them but no signs (a percent sign after a number is part of
    it), starting with a letter: a sentence, perhaps with a target inside
    (``开展培训不少于2次``, ``企业所得税减按15%征收``) — never read as prose without quotes.

    >>> looks_like_sentence("开展培训不少于2次"), looks_like_sentence("不少于2次")
    (True, False)
    >>> looks_like_sentence("企业所得税减按15%征收"), looks_like_sentence("合格率≥95%")
    (True, False)
    >>> looks_like_sentence("负三分之一"), looks_like_sentence("负责人到位")   # 负 before a number
    (False, True)
    """
    stripped = normalised.strip()
    return (
        bool(stripped)
        and stripped[0].isalpha()
        and stripped[0] not in CN_DIGITS
        and not _NEGATIVE_NUMBER.match(stripped)
        and not stripped.startswith(_WORD_OPENERS)
        and _ANY_SIGN(_PERCENT_OF_NUMBER.sub("", stripped)) is None
    )


def unquote(text: str) -> str | None:
    """The inside of a quoted qualitative text (stripped), or ``None`` if not quoted.

    >>> unquote("“设立2个援助窗口”"), unquote('" 及时 "'), unquote("设立2个援助窗口")
    ('设立2个援助窗口', '及时', None)
    """
    for opening, closing in QUOTES:
        if len(text) > 2 and text.startswith(opening) and text.endswith(closing):
            inner = text[len(opening) : -len(closing)].strip()
            return inner or None
    return None


def unit_alone(word: str, registry: UnitRegistry) -> bool:
    """True for a unit word alone (``公里``, ``万亩``): a cell whose number was never filled in,
    not a sentence.

    >>> from indicatorkit.units import default_registry
    >>> [unit_alone(word, default_registry()) for word in ("公里", "万亩", "全年培训两次")]
    [True, True, False]
    """
    known = registry.known_unit_set()
    return word in known or (len(word) > 1 and word[0] in "十百千万亿" and word[1:] in known)


def reads_as_prose(text: str, registry: UnitRegistry | None = None) -> bool:
    """True when ``text`` reads back as the sentence ``text`` itself, without quotes: it is
    unpadded, not quoted, prose, and not something the grammar reads (``年底前``).

    >>> [reads_as_prose(text) for text in ("及时足额发放", " 及时足额发放", "“及时”", "年底前")]
    [True, False, False, False]
    """
    registry = registry_in_use() if registry is None else registry
    if not text or text != text.strip() or unquote(text) is not None:
        return False
    normalised = normalize(text)[0]
    return (
        is_prose(normalised, registry)
        and not accepts(normalised, registry, Start.TARGET)
        and not unit_alone(normalised, registry)
    )
