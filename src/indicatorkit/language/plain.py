"""The fast path for plain forms — ``≥95%``, ``不低于90%``, ``1,000件以上``, ``96%``: an
optional prefix operator, a number, a known unit word and an optional suffix operator, read
without the parser.  Anything else goes to the grammar, which gives the same result (a
property test holds the two paths equal) or the error.

Most texts need no normalisation and hold no space; :func:`match_plain` checks that cheaply and
normalises only when it must, so the common case is one regular-expression match and a few
dictionary lookups.  The readers build the target or the amount from its parts, and cache it
per unit registry.

>>> from indicatorkit.units import default_registry
>>> prefix, value, unit, suffix = match_plain("不低于90%", default_registry())
>>> prefix, value, unit.symbol, suffix
(<Operator.GE: '≥'>, Fraction(90, 1), '%', None)
>>> match_plain("＞＝９０％", default_registry()) == match_plain("≥90%", default_registry())
True
>>> match_plain("90%以上件", default_registry()) is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

from indicatorkit.errors import InvalidValueError
from indicatorkit.language.rates import (
    MONTH_WORDS,
    PER_SIGNS,
    TIMES_SIGNS,
    denominator,
    month_first,
    rate_word,
)
from indicatorkit.language.text import normalize, words_only
from indicatorkit.numerals import decimal_value
from indicatorkit.units import SCALES, Unit, UnitRegistry
from indicatorkit.vocabulary import (
    CHARACTER_ALIASES,
    PREFIX_OPERATORS,
    SUFFIX_OPERATORS,
    Operator,
)

__all__ = ["NUMBER", "match_plain", "number_value", "unit_after_number"]


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, as a trie: one branch per first
    character (Python's ``re`` tries a flat alternation word by word).

    >>> _alternation(["大于", "大于等于", "≥"])
    '≥|大(?:于(?:等于)?)'
    """
    heads: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        heads.setdefault(word[0], []).append(word[1:])
    branches = []
    for head, tails in heads.items():
        rest = [tail for tail in tails if tail]
        if not rest:
            branches.append(re.escape(head))
            continue
        inner = re.escape(rest[0]) if len(rest) == 1 else f"(?:{_alternation(rest)})"
        if len(rest) < len(tails):
            inner = f"(?:{inner})?" if len(rest) == 1 else f"{inner}?"
        branches.append(re.escape(head) + inner)
    return "|".join(branches)


#: What starts a suffix operator (之内, 以上, 内, 及以上, 或以下 …): a unit word on the fast path
#: holds none of these characters, so it can be matched greedily, without backtracking.
_SUFFIX_STARTS = "".join(sorted({word[0] for word in SUFFIX_OPERATORS}))


#: A number as the fast path reads it (its thousands separators checked after the match).
NUMBER = "[0-9][0-9,]*(?:\\.[0-9]+)?"


#: A unit word on the fast path: no digit, space, look-alike or suffix start.
_WORD = f"[^0-9\\s{re.escape(_SUFFIX_STARTS + ''.join(CHARACTER_ALIASES))}]*"


def _pattern(space: str, unit: str = "") -> Callable[[str], re.Match[str] | None]:
    """Prefix operator, number (its thousands separators checked after the match), unit word,
    suffix operator, with ``space`` between them.  A unit word holds no digit, space,
    look-alike character or suffix start (or, with ``unit``, is what it matches), and the
    operator words hold no look-alike either, so a normalised text that matches is already
    what :func:`~indicatorkit.language.text.normalize` would give.

    Each part is matched once, never given back (atomic, possessive): the operator ends
    where the digits start, the number where they stop, the word before a suffix start — so
    what a shorter part would leave the next one could not match either, and a text that
    is no plain form (``2023年12月``) fails at once instead of trying every split."""
    return re.compile(
        f"{space}((?>{_alternation(PREFIX_OPERATORS)}))?{space}([0-9][0-9,]*+(?:\\.[0-9]+)?+)"
        f"{space}({unit or _WORD + '+'})"
        f"({_alternation(SUFFIX_OPERATORS)})?{space}"
    ).fullmatch


#: Most texts are written without spaces, and the regular expression is cheaper without them;
#: a text it does not match is normalised and tried with spaces allowed.
_TIGHT = _pattern("")
_SPACED = _pattern("\\s*")
#: A unit word of letters and one digit (``m2``, ``km2``: ``㎡`` normalised), tried only when
#: the others fail and the text holds one: an alternative in the patterns above would slow
#: every match.
_METRIC = _pattern("\\s*", "[A-Za-z]+[0-9]")
_LETTER_DIGIT = re.compile("[A-Za-z][0-9]").search
#: A sign before a rate's denominator (the grammar's PER: "/", 每).
_PER = f"[{re.escape(PER_SIGNS)}]"
#: A rate whose denominator counts several units (``元/100km``): digits right after "/" or
#: 每, tried only when the others fail and the text holds such a count.
_COUNTING = _pattern("\\s*", f"(?:{_WORD[:-1]}|(?<={_PER})[0-9]++)++")
_PER_COUNT = re.compile(f"{_PER}[0-9]").search
#: A month word after a sign of a rate (元/月, 元/人·月): 个月 in a rate (rates.denominator).
_PER_MONTH = re.compile(
    f"[{re.escape(PER_SIGNS + TIMES_SIGNS)}](?:{'|'.join(map(re.escape, MONTH_WORDS))})"
).search
_SEPARATED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?").fullmatch


def number_value(number: str) -> Fraction | None:
    """The value of a :data:`NUMBER` match, or ``None`` when its thousands separators do not
    group by three (``1,00``: the grammar gives the located error).

    >>> number_value("1,000.5"), number_value("1,00")
    (Fraction(2001, 2), None)
    """
    if "," in number and _SEPARATED(number) is None:
        return None
    try:
        return decimal_value(number)
    except InvalidValueError:
        return None


_is_normalized = unicodedata.is_normalized
_PREFIX = dict(PREFIX_OPERATORS)
_SUFFIX = dict(SUFFIX_OPERATORS)
#: The multipliers, longest first, as the grammar's SCALE terminal tries them.
_SCALES = tuple(sorted(SCALES, key=len, reverse=True))


#: Between a rate's words, as the grammar's PER and TIMES: 元/人, 元每人, 元/人*月, 元/人.每天.
_NOT_SIGN = f"[^{re.escape(PER_SIGNS + TIMES_SIGNS)}]"
_RATE = re.compile(
    f"({_NOT_SIGN}*)((?:{_PER}{_NOT_SIGN}+)+)((?:[{re.escape(TIMES_SIGNS)}]{_PER}?{_NOT_SIGN}+)*)"
).fullmatch
_RATE_SPLIT = re.compile(f"[{re.escape(PER_SIGNS + TIMES_SIGNS)}]+").split
#: A denominator counting several of its unit (``100km``), as the grammar's ``DECIMAL UNIT``
#: reads it when the count is whole: here only a count written plainly, no leading zero,
#: separator or decimal point (the grammar reads or refuses the others).
_COUNTED = re.compile("([1-9][0-9]*)(.+)").fullmatch


def _rate(word: str, registry: UnitRegistry) -> Unit | None:
    """A rate as the grammar reads it after a number — a unit word (or none: ``28.40/株``),
    then denominators, each a unit word, a count of one (``100km``) or 月 (``元/月/人``,
    ``元/人*月``, ``次/月``, ``元/100km``) — or ``None`` for anything else (a multiplier
    inside).

    >>> from indicatorkit.units import default_registry
    >>> [_rate(word, default_registry()).symbol for word in ("元/月/人", "元/人*月", "/株")]
    ['元/个月/人', '元/人/个月', '/株']
    >>> _rate("元/100km", default_registry()).symbol, _rate("元/万人", default_registry()) is None
    ('元/100公里', True)
    """
    match = _RATE(word)
    if match is None:
        return None
    top, per, joined = match.groups()
    known = registry.known_unit_set()
    if top and top not in known:
        return None
    written = _RATE_SPLIT(per + joined)[1:]
    if any(month_first(part) and part not in MONTH_WORDS for part in written):
        return None  # 月票 after "/": the lexer reads the month 月 first (the grammar's error)
    denominators = [denominator(part) for part in written]
    for part in denominators:
        if part not in known:
            counted = _COUNTED(part)
            if counted is None or counted[2] not in known:
                return None
    try:
        return registry.lookup(rate_word(top, denominators))
    except KeyError:
        return None


def _unit(word: str, registry: UnitRegistry) -> Unit | None:
    """A unit word, or a rate (:func:`_rate`); ``None`` for anything else."""
    if word in registry.known_unit_set():
        return registry.lookup(word)
    return _rate(word, registry) if any(sign in word for sign in PER_SIGNS) else None


def _scaled(word: str, registry: UnitRegistry) -> Unit | None:
    """A multiplier and a unit word or rate, or a multiplier alone (``万亩``, ``百万元``, ``万``,
    ``万件/套``), as the grammar's lexer reads them after a number: a unit word first where
    one starts, else the longest multiplier; ``None`` for anything else.

    >>> from indicatorkit.units import default_registry
    >>> [_scaled(word, default_registry()).symbol for word in ("万亩", "百万元", "万", "万件/套")]
    ['万亩', '百万元', '万', '万件/套']
    >>> _scaled("万元/人", default_registry()) is None  # 万元 is a unit word: the rate reads it
    True
    """
    scale = next((scale for scale in _SCALES if word.startswith(scale)), None)
    if scale is None:
        return None
    known = registry.known_unit_set()
    if any(word[:n] in known for n in range(1, len(word))):
        return None  # a unit word starts the text: the lexer takes it, not the multiplier
    rest = word[len(scale) :]
    unit = _unit(rest, registry) if rest else registry.lookup(rest)
    return None if unit is None else registry.scaled(scale, unit)


#: What the words after a number mean (a unit, a multiplier, a rate — ``None``: the grammar
#: reads them), kept per registry: at most this many, each at most :data:`_KEPT_WORD` long, so
#: hostile text cannot grow it.  A multiplier's unit is built anew when resolved, and a word
#: that names nothing raises inside the registry: both are costly on every reading.
_KEPT_WORDS = 4096
_KEPT_WORD = 24
_UNSEEN: Any = object()


def _words_after_number(registry: UnitRegistry) -> dict[str, Unit | None]:
    found: dict[str, Unit | None] | None = registry.memo.get(_words_after_number)
    if found is None:
        found = registry.memo.setdefault(_words_after_number, {})
    return found


def _resolve_after_number(word: str, registry: UnitRegistry) -> Unit | None:
    """:func:`unit_after_number` on a word not yet kept, kept when there is room."""
    unit: Unit | None
    if month_first(word):
        unit = None  # a month after a number: a date, or the grammar's error (rates.month_first)
    elif _PER_COUNT(word) is not None or _PER_MONTH(word) is not None:
        # a count in a denominator: only a unit word counted, as the grammar's DECIMAL UNIT
        # (the registry also counts nothing: "/2"); a month after "/" is 个月, whatever the
        # registry calls 月
        unit = _scaled(word, registry) or _rate(word, registry)
    else:
        try:
            unit = registry.lookup(word)
        except KeyError:
            unit = _scaled(word, registry) or _unit(word, registry)
    found = _words_after_number(registry)
    if len(found) < _KEPT_WORDS and len(word) <= _KEPT_WORD:
        found[word] = unit
    return unit


def unit_after_number(word: str, registry: UnitRegistry) -> Unit | None:
    """The unit ``word`` means right after a number, as the grammar's lexer reads it (a unit
    word, a multiplier, a rate; ``""`` is no unit), or ``None`` for the grammar to read (kept
    per registry).

    >>> from indicatorkit.units import default_registry
    >>> [unit_after_number(word, default_registry()).symbol for word in ("件", "万亩", "元/月")]
    ['件', '万亩', '元/个月']
    >>> unit_after_number("万亩", default_registry()) is unit_after_number("万亩", default_registry())
    True
    """
    unit = _words_after_number(registry).get(word, _UNSEEN)
    return _resolve_after_number(word, registry) if unit is _UNSEEN else unit


def match_plain(
    text: str, registry: UnitRegistry
) -> tuple[Operator | None, Fraction, Unit, Operator | None] | None:
    """``(prefix operator, value, unit, suffix operator)`` of a plain form, or ``None`` for
    anything the grammar must read.  ``text`` is as the user gave it (normalised here when it
    needs to be).

    >>> from indicatorkit.units import default_registry
    >>> prefix, value, unit, suffix = match_plain("1,000件以上", default_registry())
    >>> prefix, value, unit.symbol, suffix
    (None, Fraction(1000, 1), '件', <Operator.GE: '≥'>)
    >>> match_plain(" ≥ 94.5 % ", default_registry())[1]  # spaces anywhere between the parts
    Fraction(189, 2)
    >>> match_plain("12月底前", default_registry()) is None  # the grammar reads a deadline
    True
    """
    match = _TIGHT(text) if _is_normalized("NFKC", text) else None
    if match is None:
        if words_only(text):
            return None  # a sentence: no digit, nothing to normalise for
        normalised = normalize(text)[0]
        match = _SPACED(normalised)
        if match is None:
            if _LETTER_DIGIT(normalised) is not None:
                match = _METRIC(normalised)
            elif _PER_COUNT(normalised) is not None:
                match = _COUNTING(normalised)
            if match is None:
                return None
    prefix, number, word, suffix = match.groups()
    # number_value and unit_after_number, inlined: this is the hot path of every reading
    if "," in number and _SEPARATED(number) is None:
        return None  # "1,00": the grammar gives the located error
    unit = (registry.memo.get(_words_after_number) or _words_after_number(registry)).get(
        word, _UNSEEN
    )
    if unit is _UNSEEN:
        unit = _resolve_after_number(word, registry)
    if unit is None:
        return None  # the grammar reads the unit or gives the located error
    try:
        value = decimal_value(number)
    except InvalidValueError:
        return None  # the grammar gives the located error
    return (
        _PREFIX[prefix] if prefix else None,
        value,
        unit,
        _SUFFIX[suffix] if suffix else None,
    )
