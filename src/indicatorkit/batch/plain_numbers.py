"""A column-wise pre-pass over distinct actual texts: a plain decimal and a unit word
(``96%``, ``1200件``, ``5.3万元``, ``80000``) read with Arrow string kernels, no Python object
per text — the integer and fractional digits cast to int64 and scaled by the unit's factor.

It is exact by construction: a text is accepted only when it is ASCII digits, an optional
``.`` and more digits (at most 9 of each), then a word holding no space and starting with no
digit, comma or point (``件``, ``元/100公里``), and its value times its unit's factor stays
inside int64; and each distinct word is accepted only when the
general reader (:func:`~indicatorkit.language.plain.match_plain`, the fast path of
:func:`~indicatorkit.language.parse_actual`) reads two probes with it as that very number
in one unit, of a dimension or none.  Since the number ends where the word starts (the
reader's patterns are possessive: a digit further in the word is the word's), the reader's
match does not depend on the digits: what it reads for the probes it reads for every number.  Anything else (dates, grades, ``1,200``, ``≥5``, long numbers) is left to
the general reader.

>>> import pyarrow as pa
>>> found = plain_numbers(pa.array(["96%", "5.3万元", "达成", "12月", None]), None)
>>> found.accepted.tolist(), found.numerator.tolist()[:2], found.denominator.tolist()[:2]
([True, True, False, False, False], [24, 53000], [25, 1])
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from indicatorkit.language.plain import match_plain
from indicatorkit.language.syntax import MAX_TEXT
from indicatorkit.units import Unit, UnitRegistry, registry_in_use

__all__ = ["PlainNumbers", "number_columns", "plain_numbers", "reduced"]

Ints = npt.NDArray[np.int64]
#: Digits of the integer part, then optionally of the fraction, then the word: no space, and
#: no digit, comma or point first (``元/100公里`` holds one further on).
_PLAIN = r"^(?P<whole>[0-9]{1,9})(?:\.(?P<fraction>[0-9]{1,9}))?(?P<word>(?:[^0-9\s,.][^\s]*)?)$"
_PROBES = ("1", "10.5")
_INT64 = np.iinfo(np.int64).max
_TENS = np.power(10, np.arange(10), dtype=np.int64)  # a fraction's places: at most 9
#: A longer word with its number would pass the reader's limit (no fast path).
_LONGEST_WORD = MAX_TEXT - 19


@attrs.frozen
class PlainNumbers:
    """Per text: ``accepted``, the value ``numerator / denominator`` in its dimension's base
    unit (reduced; not yet checked against the overflow guard) and its ``dimension`` name's
    index into ``dimensions``.

    >>> import pyarrow as pa
    >>> plain_numbers(pa.array(["6万元"]), None).dimensions
    ['[money]']
    """

    accepted: npt.NDArray[np.bool_]
    numerator: Ints
    denominator: Ints
    dimension: Ints
    dimensions: list[str]


def plain_numbers(texts: pa.Array, units: UnitRegistry | None) -> PlainNumbers:
    """Read each plain number of ``texts`` (a string column) column-wise.

    >>> import pyarrow as pa
    >>> plain_numbers(pa.array(["1.25", "007件", "157元/100公里"]), None).numerator.tolist()
    [5, 7, 157]
    """
    registry = registry_in_use() if units is None else units
    parts = pc.extract_regex(texts, _PLAIN)  # null where it does not match (and for null)
    matched = parts.is_valid().to_numpy(zero_copy_only=False)
    words = pc.dictionary_encode(pc.fill_null(parts.field("word"), ""))
    kept = _kept_words(registry)
    factors = [_kept_word_unit(word, registry, kept) for word in words.dictionary.to_pylist()]
    dimensions = sorted({unit.dimension for unit in factors if unit is not None})
    known = np.array([unit is not None for unit in factors] + [False], np.bool_)
    tops = np.array([_factor(unit).numerator for unit in factors] + [1], np.int64)
    bottoms = np.array([_factor(unit).denominator for unit in factors] + [1], np.int64)
    codes = np.array(
        [dimensions.index(unit.dimension) if unit else -1 for unit in factors] + [-1], np.int64
    )
    word_codes = words.indices.to_numpy(zero_copy_only=False)
    word_index = np.where(matched, word_codes, len(factors))
    digits, scale = number_columns(parts.field("whole"), parts.field("fraction"))
    top, bottom = tops[word_index], bottoms[word_index]
    # each product inside int64 (a factor as large as a terabyte's takes short numbers)
    accepted = (
        matched
        & known[word_index]
        & (digits <= (_INT64 // tops)[word_index])
        & (scale <= (_INT64 // bottoms)[word_index])
    )
    numerator, denominator = reduced(
        np.where(accepted, digits * top, 0), np.where(accepted, scale * bottom, 1)
    )
    return PlainNumbers(
        accepted, numerator, denominator, np.where(accepted, codes[word_index], -1), dimensions
    )


def number_columns(whole: pa.Array, fraction: pa.Array) -> tuple[Ints, Ints]:
    """The ASCII digits ``whole`` and ``fraction`` (as matched, each at most 9; null or
    ``""`` for none) as one integer and the power of ten it is over — below 10**18.

    >>> import pyarrow as pa
    >>> [column.tolist() for column in number_columns(pa.array(["12", "7", ""]), pa.array(["5", "", None]))]
    [[125, 7, 0], [10, 1, 1]]
    """
    empty = pa.scalar("", whole.type)
    whole, fraction = pc.fill_null(whole, empty), pc.fill_null(fraction, empty)
    scale = _TENS[pc.binary_length(fraction).to_numpy(zero_copy_only=False)]
    number: Ints = _integers(whole) * scale + _integers(fraction)
    return number, scale


def _integers(digits: pa.Array) -> Ints:
    """The digit strings as int64 (0 for an empty one: padded to one "0")."""
    values: Ints = pc.cast(pc.utf8_lpad(digits, 1, "0"), pa.int64()).to_numpy(zero_copy_only=False)
    return values


def reduced(numerator: Ints, denominator: Ints) -> tuple[Ints, Ints]:
    """``numerator / denominator`` (denominators > 0) reduced: 0 / 1 for zero.

    >>> [column.tolist() for column in reduced(np.array([6, 0]), np.array([4, 7]))]
    [[3, 0], [2, 1]]
    """
    divisor = np.gcd(numerator, denominator)
    return numerator // divisor, denominator // divisor


def _factor(unit: Unit | None) -> Fraction:
    return Fraction(1) if unit is None else Fraction(unit.factor)


#: What each word was proven to mean, kept per registry (every call, every record batch of a
#: stream, every partition meets the same few words): at most this many words.
_KEPT_WORDS = 4096


def _kept_words(registry: UnitRegistry) -> dict[str, Unit | None]:
    kept: dict[str, Unit | None] = registry.memo.setdefault(_kept_words, {})
    return kept


def _kept_word_unit(word: str, registry: UnitRegistry, kept: dict[str, Unit | None]) -> Unit | None:
    """:func:`_word_unit`, proven once per registry while there is room (a word too long to
    be a unit is refused at once and never kept).

    >>> from indicatorkit.units import default_registry
    >>> kept = {}
    >>> _kept_word_unit("件", default_registry(), kept).symbol, list(kept)
    ('件', ['件'])
    """
    if word in kept:
        return kept[word]
    unit = _word_unit(word, registry)
    if len(kept) < _KEPT_WORDS and len(word) <= _LONGEST_WORD:
        kept[word] = unit
    return unit


def _word_unit(word: str, registry: UnitRegistry) -> Unit | None:
    """The unit ``word`` means after every plain number, or ``None`` when the general reader
    does not read each probe as that number in one unit (of a dimension, a scale word, or
    none), the word is not as normalisation leaves it or too long, or its factor's terms pass
    int64."""
    if len(word) > _LONGEST_WORD or (
        word and (unicodedata.combining(word[0]) or not unicodedata.is_normalized("NFKC", word))
    ):
        return None
    read = [match_plain(probe + word, registry) for probe in _PROBES]
    if any(
        plain is None or plain[0] is not None or plain[3] is not None or plain[1] != Fraction(probe)
        for probe, plain in zip(_PROBES, read, strict=True)
    ):
        return None
    unit = read[0][2]  # type: ignore[index]
    if read[1][2] != unit:  # type: ignore[index]
        return None
    factor = Fraction(unit.factor)
    if not (0 < factor.numerator <= _INT64 and factor.denominator <= _INT64):
        return None
    return unit
