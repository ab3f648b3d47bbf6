"""A column-wise pre-pass over distinct target texts: a plain comparison — whatever stands
before the number (an operator as written: ``≥``, ``>= ``, ``大于等于 ``, or nothing), ASCII
digits with an optional decimal point, and a word (``%``, ``万元``, `` %``, ``人次以上``,
``元/100km``) — read with Arrow string kernels, no Python object per text, and compiled for
every direction to the columns :func:`~indicatorkit.batch.compiled.compile_targets` fills.

It is exact by construction.  The number (at most 9 digits before and 9 after the point)
is cast to int64 and scaled exactly — a text whose products with its proof's constants
would pass int64 is left to the one-by-one reading; which values compile is then the
overflow guard's to say, as one by one —; everything else comes from a proof.  Each distinct (text before the number, word after it, integer or decimal) is read
once per probe number by the general reader — :func:`~indicatorkit.language.plain.match_plain`
(the reader's fast path) and the very reading ``compile_targets`` uses one by one — and
accepted only when every probe reads as that number, through the fast path, with one
operator and one unit.  A text no longer than the reader's limit takes the fast path, which
depends on a number only through its shape (integer or decimal: possessive patterns that
end where the digits stop — so nothing before the number, nor the word's first character,
may normalise to a digit, point or comma; a digit further in the word, as in ``元/100km``
or ``㎡`` (``m2``), is the word's), its value being zero (a bare or ``=`` target with no
direction is ``≤0``) and two readings of the value (a bare whole ``2025年`` may be a
calendar year, a bare ``2021.6`` a month); the probes meet each (``1``, ``2025``, ``0`` and ``10.5``, ``2021.6``,
``2025.0``, ``0.0``).  A kind whose calendar-year or year.month probe reads otherwise is
still accepted, but for its numbers of that reading — the reader's own
:data:`~indicatorkit.language.reading.CALENDAR_YEARS` (a whole value) or
:data:`~indicatorkit.language.reading.YEAR_MONTH` (as written), the only numbers that
reading takes on the fast path: those texts are read one by one — and then the numbers
beside them (``1899``, ``2200``; ``1899.0``, ``2200.0``; ``1899.6``, ``2200.6``,
``2021.13``) must read as any other.  What the comparison gives per
direction — the effective operator, whether it is a lower bound, the threshold's base
numerator and denominator as the number's times two constants, the value in base units as
the number's times the unit's factor — is taken from the probes'
:meth:`Comparison.threshold <indicatorkit.Comparison.threshold>` and
:meth:`~indicatorkit.Comparison.effective_operator`, checked to be that linear function on
each, never worked out here.

A kind the fast path reads for no probe — the grammar reads it (``每亩300``, ``5万元。``), or
only the lenient reader, which keeps the strict error and repairs or reads further
(``85%覆盖``, ``>= 95 %(百分比)``, ``完成95%``, ``5件(套)以上``, ``≥5000蔸``) — is proven
the same way on the one-by-one reading alone (unless its word holds a number: the grammar
would weigh the two), with more probes: the grammar and the lenient readings see a value's range, not only its shape (one or two digits before 月 are a
month, 1900–2199 before 年内 a year, ``10.5`` a month.day), so besides the probes above the
numbers past a month and a day, past 100, either side of the years and the longest the
pattern takes (``13``, ``32``, ``150``, ``1899``, ``2200``, ``123456789``; ``0.5``,
``13.25``, ``150.75``, ``123456789.123456789``) must each read as the same comparison of
that number.  A text not provably plain (sentences, dates, ranges, ``1,200``,
full-width digits, long numbers) is left to the one-by-one reading.

>>> import pyarrow as pa
>>> from indicatorkit import Direction
>>> from indicatorkit.batch.compiled import read_comparison
>>> found = plain_targets(
...     pa.array(["≥95%", "大于等于 98.5 %", "=0次", "及时", None]), [None, Direction.LOWER],
...     None, read_comparison,
... )
>>> found.accepted.tolist()
[True, True, True, False, False]
>>> found.value_numerator.tolist()[:3], found.value_denominator.tolist()[:3]
([19, 197, 0], [20, 200, 1])
>>> [[OPERATORS[code].value for code in row] for row in found.operator[:3].tolist()]
[['≥', '≥'], ['≥', '≥'], ['≤', '≤']]
>>> found.base_numerator[1].tolist(), found.base_denominator[1].tolist()
([197, 197], [200, 200])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from indicatorkit.batch.plain_numbers import number_columns, reduced
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.comparisons import Comparison
from indicatorkit.language.plain import match_plain
from indicatorkit.language.reading import CALENDAR_YEARS, YEAR_MONTH, read_or_convention
from indicatorkit.language.syntax import MAX_TEXT
from indicatorkit.language.text import normalize
from indicatorkit.units import Unit, UnitRegistry, registry_in_use
from indicatorkit.vocabulary import Operator

__all__ = ["OPERATORS", "PlainTargets", "plain_targets"]

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]
#: The effective operators, by the code the ``operator`` column holds.
OPERATORS = (Operator.GE, Operator.GT, Operator.LE, Operator.LT)
_CODE = {operator: code for code, operator in enumerate(OPERATORS)}
#: What stands before the number (no ASCII digit), the number, the word after it (starting
#: with no ASCII digit, comma or point: the number ends where it starts, here and in the
#: reader; ``元/100km``, ``元/人.每天`` hold more after that).
_PLAIN = (
    r"^(?P<before>[^0-9]*)(?P<whole>[0-9]{1,9})(?:\.(?P<fraction>[0-9]{1,9}))?"
    r"(?P<word>(?:[^0-9,.][\s\S]*)?)$"
)
#: A kind's calendar years (``2025``, ``2025.0``) and year.months (``2021.6``): bits.
_YEARS, _MONTHS = 1, 2
#: Per shape (integer, decimal): numbers that are not zero, then zero.  2025, 2025.0 and
#: 2021.6 meet the fast path's two readings of the value (a calendar year, a year.month).
_PROBES = (("1", "2025", "0"), ("10.5", "2021.6", "2025.0", "0.0"))
#: The probes of the fast path's readings of a value, and the numbers beside that reading's
#: (before and after the years, past the months), which must read as any other when the
#: probe does not: the reading's numbers are then read one by one (:func:`_special_numbers`).
_SPECIAL_PROBES = {
    "2025": (_YEARS, ("1899", "2200")),
    "2025.0": (_YEARS, ("1899.0", "2200.0")),
    "2021.6": (_MONTHS, ("1899.6", "2200.6", "2021.13")),
}
#: A kind the fast path does not read goes through the grammar (and the lenient reader's
#: repairs and readings), which see a value's range, not only its shape: besides the probes above (a day
#: and month 1, a year 2025, a month.day 10.5), numbers past a month and a day, past 100 (a
#: percentage over the whole), either side of the years 1900–2199, and the longest number
#: the pattern takes — all before zero, which stays last.
_LENIENT_PROBES = (
    ("13", "32", "150", "1899", "2200", "123456789"),
    ("0.5", "13.25", "150.75", "123456789.123456789"),
)
_INT64 = np.iinfo(np.int64).max
#: What may not stand before the number, nor start the word after it, once the reader
#: normalises the text (``０``, ``．``): the number would not end where the pattern says.
_NUMBER_SIGNS = re.compile("[0-9.,]").search
_NUMBER_SIGN_FIRST = re.compile("[0-9.,]").match
#: A longer text around the number with the probe or a number would pass the reader's limit.
_LONGEST = MAX_TEXT - 19
#: Per direction: the effective operator's code of a number not zero and of zero, the
#: lower-bound flag of each, the threshold's base numerator and denominator per unit of the
#: number's own numerator and denominator.
_Way = tuple[int, int, bool, bool, int, int]
#: A kind off the fast path is proven only when a column holds this many texts of it: its
#: proof reads ten probes, each as costly as reading one of its texts one by one.
_GRAMMAR_TEXTS = 8
#: A kind whose word holds a number (``元/100km``) is proven only when a column holds this
#: many texts of it: a sentence's rest after its first number is such a word, seldom repeated.
_NUMBERED_TEXTS = 2
#: What a probe reads: the fast path's parts (operators and unit; ``None`` off the fast
#: path) and the comparison.
_Probed = tuple[tuple[Operator | None, Unit, Operator | None] | None, Comparison]
#: The one-by-one reading of a target text compiled (``None``: not a comparison compiled).
Reader = Callable[[str, UnitRegistry | None], Comparison | None]


@attrs.frozen
class PlainTargets:
    """Per text: ``accepted``, the value ``value_numerator / value_denominator`` in base units
    (reduced; not yet checked against the overflow guard) and its ``dimension`` name's index
    into ``dimensions``; per text and direction: the effective ``operator`` (its index into
    :data:`OPERATORS`), the threshold ``base_numerator / base_denominator`` (as
    :meth:`~indicatorkit.Comparison.threshold` gives it, unreduced; not yet checked) and
    ``lower_bound``.  A text not accepted holds zeros (denominators 1).

    >>> import pyarrow as pa
    >>> from indicatorkit.batch.compiled import read_comparison
    >>> plain_targets(pa.array(["<5万元"]), [None], None, read_comparison).dimensions
    ['[money]']
    """

    accepted: Flags
    value_numerator: Ints
    value_denominator: Ints
    dimension: Ints
    dimensions: list[str]
    operator: npt.NDArray[np.int8]
    base_numerator: Ints
    base_denominator: Ints
    lower_bound: Flags


@attrs.frozen
class _Proof:
    """What every text of one (before, word, shape) reads to, as constants: the unit's
    ``dimension``, the value's ``factor`` to base units; per direction the effective operator
    and lower-bound flag of a number that is not zero and of zero, and the threshold's base
    pair as the number's pair times two constants (:func:`_way`); ``special``: whether the
    texts whose number is a calendar year (``_YEARS``), a year.month (``_MONTHS``) are left
    to the one-by-one reading."""

    dimension: str
    factor: Fraction
    ways: tuple[_Way, ...]
    special: int = 0


def plain_targets(
    texts: pa.Array,
    directions: Sequence[Direction | None],
    units: UnitRegistry | None,
    read: Reader,
) -> PlainTargets:
    """Read each plain comparison of ``texts`` (a string column) column-wise, for each of
    ``directions``; ``read`` is the one-by-one reading each kind is proven against.

    >>> import pyarrow as pa
    >>> from indicatorkit import Direction
    >>> from indicatorkit.batch.compiled import read_comparison
    >>> found = plain_targets(pa.array(["98%", "<5件"]), [None, Direction.LOWER], None, read_comparison)
    >>> found.operator.tolist(), found.lower_bound.tolist()  # a bare 98%: ≥, or ≤ when lower is better
    ([[0, 2], [3, 3]], [[True, False], [False, False]])
    """
    registry = registry_in_use() if units is None else units
    parts = pc.extract_regex(texts, _PLAIN)  # null where it does not match (and for null)
    matched = parts.is_valid().to_numpy(zero_copy_only=False) & _short(texts)
    whole = pc.fill_null(parts.field("whole"), "")
    fraction = pc.fill_null(parts.field("fraction"), "")  # "" when the text has no point
    number, scale = number_columns(whole, fraction)
    befores = pc.dictionary_encode(pc.fill_null(parts.field("before"), ""))
    words = pc.dictionary_encode(pc.fill_null(parts.field("word"), ""))
    before_codes = befores.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    word_codes = words.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    kinds = (before_codes * len(words.dictionary) + word_codes) * 2 + (scale > 1)
    # each distinct kind once, in order of appearance (hashed: no sort)
    encoded = pc.dictionary_encode(pa.array(np.where(matched, kinds, -1)))
    kind_index = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    counts = np.bincount(kind_index, minlength=len(encoded.dictionary))
    before_texts, word_texts = befores.dictionary.to_pylist(), words.dictionary.to_pylist()
    kept_proofs = _kept_proofs(registry)
    proofs: list[_Proof | None] = []
    for kind, count in zip(encoded.dictionary.to_pylist(), counts.tolist(), strict=True):
        word = word_texts[kind // 2 % len(word_texts)] if kind >= 0 else ""
        if kind < 0 or (count < _NUMBERED_TEXTS and _NUMBER_SIGNS(word)):
            proofs.append(None)  # no plain text; or a sentence's rest after its first number
            continue
        before = before_texts[kind // 2 // len(word_texts)]
        shape = (before, word, bool(kind % 2), tuple(directions), read)
        proofs.append(_proof(shape, registry, units, kept_proofs, count))
    constants, dimensions = _constants(proofs, len(directions))
    # each product inside int64: the number (and its power of ten) times each constant
    ways = len(directions)
    tops = np.maximum(constants[:, [0, *range(3 + 4 * ways, 3 + 5 * ways)]].max(axis=1), 1)
    bottoms = np.maximum(constants[:, [1, *range(3 + 5 * ways, 3 + 6 * ways)]].max(axis=1), 1)
    proven = np.array([proof is not None for proof in proofs], np.bool_)
    accepted = (
        matched
        & proven[kind_index]
        & (number <= (_INT64 // tops)[kind_index])
        & (scale <= (_INT64 // bottoms)[kind_index])
    )
    special = np.array([0 if proof is None else proof.special for proof in proofs], np.int8)
    rows = np.flatnonzero(accepted & (special[kind_index] > 0))
    if rows.size:  # a calendar year or a year.month in a kind that reads them otherwise
        which = special[kind_index[rows]]
        accepted[rows] = ~_special_numbers(whole, fraction, number, scale, rows, which)
    index = np.where(accepted, kind_index, len(proofs))
    return _compiled(index, number, scale, constants, dimensions, ways)


def _short(texts: pa.Array) -> Flags:
    """Per text: no longer than the reader's limit (a text of no more bytes than that is)."""
    fits = pc.less_equal(pc.binary_length(texts), MAX_TEXT)
    short: Flags = np.array(pc.fill_null(fits, True).to_numpy(zero_copy_only=False), np.bool_)
    long = np.flatnonzero(~short)
    if long.size:
        characters = pc.utf8_length(texts.take(pa.array(long)))
        short[long] = pc.less_equal(characters, MAX_TEXT).to_numpy(zero_copy_only=False)
    return short


def _special_numbers(
    whole: pa.Array,
    fraction: pa.Array,
    number: Ints,
    scale: Ints,
    rows: Ints,
    which: npt.NDArray[np.int8],
) -> Flags:
    """Per one of ``rows``: its number is, where ``which`` says ``_YEARS``, a calendar year
    (a whole value in :data:`~indicatorkit.language.reading.CALENDAR_YEARS`: ``2025``,
    ``2025.0``) or, where it says ``_MONTHS``, written as a year.month
    (:data:`~indicatorkit.language.reading.YEAR_MONTH`: ``2021.6``) — the only numbers the
    reader's fast path reads otherwise for a whole kind of text: a calendar year before 年
    with no operator first, a year.month alone (spaces aside)."""
    first, last = CALENDAR_YEARS
    top, bottom = number[rows], scale[rows]
    years = (top % bottom == 0) & (top // bottom >= first) & (top // bottom <= last)
    taken = pa.array(rows)
    point = pa.scalar(".", whole.type)
    written = pc.binary_join_element_wise(whole.take(taken), fraction.take(taken), point)
    months = pc.match_substring_regex(written, f"^(?:{YEAR_MONTH})$")
    special: Flags = (years & (which & _YEARS > 0)) | (
        months.to_numpy(zero_copy_only=False) & (which & _MONTHS > 0)
    )
    return special


def _constants(proofs: list[_Proof | None], ways: int) -> tuple[Ints, list[str]]:
    """One row a proof, and one more for a text not accepted: the factor's terms, the
    dimension's index into the dimensions (returned too), then per direction (``ways``
    columns each) the operator of a number not zero and of zero, the lower-bound flag of
    each, the threshold's two constants."""
    kept = [proof for proof in proofs if proof is not None]
    dimensions = sorted({proof.dimension for proof in kept})
    # no proof: a value 0 / 1 and a threshold 0 / 1 (its constants the factor's)
    nothing = (0, 1, -1, *[0] * 5 * ways, *[1] * ways)
    rows = [
        nothing
        if proof is None
        else (
            proof.factor.numerator,
            proof.factor.denominator,
            dimensions.index(proof.dimension),
            *(int(way[field]) for field in range(6) for way in proof.ways),
        )
        for proof in proofs
    ]
    rows.append(nothing)  # not accepted
    return np.array(rows, np.int64).reshape(len(rows), 3 + 6 * ways), dimensions


def _compiled(
    index: Ints, number: Ints, scale: Ints, constants: Ints, dimensions: list[str], ways: int
) -> PlainTargets:
    """Each text compiled from its proof's :func:`_constants`: ``index`` is the proof's row,
    the last row for a text not accepted (a row of zeros, denominators 1)."""
    factor_top, factor_bottom = constants[:, 0], constants[:, 1]
    value_numerator, value_denominator = reduced(
        number * factor_top[index], scale * factor_bottom[index]
    )
    # per direction: the operator and lower-bound flag of zero or of any other number
    flags = constants[:, 3:].reshape(len(constants), 6, ways)
    zero = (number == 0)[:, None]
    operator = np.where(zero, flags[index, 1], flags[index, 0]).astype(np.int8)
    lower_bound = np.where(zero, flags[index, 3], flags[index, 2]).astype(np.bool_)
    # reduced, as the value: the decision is a ratio, and an unreduced pair of a large unit
    # (万亩 in m²) would exceed the overflow guard where the reduced one does not; a kind whose
    # constants are the value's factor has the value's pair
    base_numerator = np.repeat(value_numerator[:, None], ways, axis=1)
    base_denominator = np.repeat(value_denominator[:, None], ways, axis=1)
    for way in range(ways):
        top, bottom = flags[:, 4, way], flags[:, 5, way]
        other = np.flatnonzero(((top != factor_top) | (bottom != factor_bottom))[index])
        if other.size:
            kinds = index[other]
            base_numerator[other, way], base_denominator[other, way] = reduced(
                number[other] * top[kinds], scale[other] * bottom[kinds]
            )
    return PlainTargets(
        index < len(constants) - 1,
        value_numerator,
        value_denominator,
        constants[index, 2],
        dimensions,
        operator,
        base_numerator,
        base_denominator,
        lower_bound,
    )


def _probe_reading(
    text: str, number: Fraction, registry: UnitRegistry, read: Reader, units: UnitRegistry | None
) -> _Probed | None:
    """The fast path's parts of ``text`` (operators and unit) and the comparison ``read``
    gives it, when both read ``number`` and the reader's strict reading is that comparison."""
    plain = match_plain(text, registry)
    if plain is None or plain[1] != number:
        return None
    try:
        strict = read_or_convention(text, registry)
    except IndicatorkitError:
        return None
    if type(strict) is not Comparison or strict.amount.value != number:
        return None  # (before the one-by-one reading: it would try the lenient reader)
    target = read(text, units)
    if (
        target is None
        or type(target) is not Comparison
        or target.operator is not strict.operator
        or target.amount.unit != strict.amount.unit
        or target.amount.value != number
    ):
        return None
    return (plain[0], plain[2], plain[3]), target


def _grammar_reading(
    text: str, number: Fraction, registry: UnitRegistry, read: Reader, units: UnitRegistry | None
) -> _Probed | None:
    """The comparison ``read`` gives ``text`` when the fast path does not read it — the
    grammar does (``每亩300``, ``5万元。``), or only the lenient reader (``85%覆盖``,
    ``>= 95 %(百分比)``, ``完成95%``, ``≥5蔸``) — and it reads ``number``."""
    if match_plain(text, registry) is not None:
        return None
    target = read(text, units)
    if target is None or type(target) is not Comparison or target.amount.value != number:
        return None
    return None, target


#: What a kind of text was proven to read to, kept per registry (a stream of record batches
#: proves each kind once): at most this many kinds, their texts at most :data:`_KEPT_TEXT`
#: long, so hostile text cannot grow it.
_KEPT_PROOFS = 4096
_KEPT_TEXT = 64
_Kind = tuple[str, str, bool, tuple[Direction | None, ...], Reader]


def _kept_proofs(registry: UnitRegistry) -> dict[_Kind, _Proof | None]:
    kept: dict[_Kind, _Proof | None] = registry.memo.setdefault(_kept_proofs, {})
    return kept


def _proof(
    kind: _Kind,
    registry: UnitRegistry,
    units: UnitRegistry | None,
    kept: dict[_Kind, _Proof | None],
    count: int,
) -> _Proof | None:
    """:func:`_prove` of ``kind``, of which a column holds ``count`` texts, kept for the next
    time when there is room (a kind not proven with too few texts is not kept: a later column
    may hold more of it)."""
    if kind in kept:
        return kept[kind]
    proof = _prove(*kind, registry, units, count)
    if (proof is not None or count >= _GRAMMAR_TEXTS) and (
        len(kept) < _KEPT_PROOFS and len(kind[0]) + len(kind[1]) <= _KEPT_TEXT
    ):
        kept[kind] = proof
    return proof


def _prove(
    before: str,
    word: str,
    decimal: bool,
    directions: Sequence[Direction | None],
    read: Reader,
    registry: UnitRegistry,
    units: UnitRegistry | None,
    count: int = _GRAMMAR_TEXTS,
) -> _Proof | None:
    """The constants every text ``before + number + word`` of this shape reads to, or
    ``None`` when a probe does not read as :func:`plain_targets` requires — off the fast
    path only for ``count`` (the texts of the kind in the column) of at least
    :data:`_GRAMMAR_TEXTS`."""
    if len(before) + len(word) > _LONGEST:
        return None  # too long for the fast path
    normal_word = normalize(word)[0]
    if _NUMBER_SIGNS(normalize(before)[0]) or _NUMBER_SIGN_FIRST(normal_word):
        return None  # a digit, point or comma once normalised: the number would not end there
    # a digit, point or comma later in the word (元/100km, ㎡ as m2): the fast path's patterns
    # end the number before the word whatever it holds; the grammar's would see both numbers.
    # Such a word is often a sentence's rest, each its own kind: one text is read one by one
    numbered = _NUMBER_SIGNS(normal_word) is not None
    if numbered and count < _NUMBERED_TEXTS:
        return None
    grammar = count >= _GRAMMAR_TEXTS and not numbered
    read_probes = _read_probes(before, word, decimal, read, registry, units, grammar)
    if read_probes is None:
        return None
    forms, targets, special = read_probes
    first, *others, zero = targets
    unit = first.amount.unit
    if len(forms) > 1 or any(
        target.operator is not first.operator or target.amount.unit != unit for target in targets
    ):
        return None
    factor = first.amount.normalized / first.amount.value
    if (
        any(other.amount.normalized != other.amount.value * factor for other in others)
        or zero.amount.normalized != 0
        or not (0 < factor.numerator <= _INT64 and factor.denominator <= _INT64)
    ):
        return None
    ways = []
    for direction in directions:
        way = _way(targets, direction)
        if way is None:
            return None
        ways.append(way)
    return _Proof(unit.dimension, factor, tuple(ways), special)


def _read_probes(
    before: str,
    word: str,
    decimal: bool,
    read: Reader,
    registry: UnitRegistry,
    units: UnitRegistry | None,
    grammar: bool,
) -> tuple[set[object], list[Comparison], int] | None:
    """The fast path's forms and the comparisons of the probes of one kind, zero last, and
    which of its readings of a value are left to the one-by-one reading (``_Proof.special``) — or
    ``None`` when a probe does not read as required.  On the fast path a probe of
    :data:`_SPECIAL_PROBES` may read otherwise: the kind's numbers of that reading
    (:func:`_special_numbers`) are read one by one, and the numbers beside them must then
    read as any other."""
    probes, probe = _PROBES[decimal], _probe_reading
    if probe(before + probes[0] + word, Fraction(probes[0]), registry, read, units) is None:
        if not grammar:
            return None
        probes, probe = (*probes[:-1], *_LENIENT_PROBES[decimal], probes[-1]), _grammar_reading
    forms: set[object] = set()
    targets: list[Comparison] = []
    special = 0
    beside: tuple[str, ...] = ()
    for text in probes:
        found = probe(before + text + word, Fraction(text), registry, read, units)
        if found is None and probe is _probe_reading and text in _SPECIAL_PROBES:
            reading, numbers = _SPECIAL_PROBES[text]
            special, beside = special | reading, (*beside, *numbers)
            continue
        if found is None:
            return None
        forms.add(found[0])
        targets.append(found[1])
    for text in beside:
        found = probe(before + text + word, Fraction(text), registry, read, units)
        if found is None:
            return None
        forms.add(found[0])
        targets.insert(-1, found[1])  # zero stays last
    return forms, targets, special


def _way(targets: list[Comparison], direction: Direction | None) -> _Way | None:
    """For one direction: the effective operator and lower-bound flag of a number not zero
    and of zero, and the threshold's base pair's constants — when the probes' thresholds
    are the number's pair times them, and agree."""
    first, *others, zero = targets
    thresholds = [target.threshold(direction) for target in targets]
    top = thresholds[0].base_numerator // first.amount.value.numerator
    bottom = thresholds[0].base_denominator // first.amount.value.denominator
    if not (0 < top <= _INT64 and 0 < bottom <= _INT64):
        return None
    for target, threshold in zip(targets, thresholds, strict=True):
        value = target.amount.value
        if (threshold.base_numerator, threshold.base_denominator) != (
            value.numerator * top,
            value.denominator * bottom,
        ):
            return None
    effective = first.effective_operator(direction)
    if any(
        other.effective_operator(direction) is not effective
        or threshold.lower_bound is not thresholds[0].lower_bound
        for other, threshold in zip(others, thresholds[1:-1], strict=True)
    ):
        return None
    return (
        _CODE[effective],
        _CODE[zero.effective_operator(direction)],
        thresholds[0].lower_bound,
        thresholds[-1].lower_bound,
        top,
        bottom,
    )
