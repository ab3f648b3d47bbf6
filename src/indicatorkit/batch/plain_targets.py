"""A column-wise pre-pass over distinct target texts: a plain comparison — whatever stands
before the number (an operator as written: ``≥``, ``>= ``, ``大于等于 ``, or nothing), ASCII
digits with an optional decimal point, and a word (``%``, ``万元``, `` %``, ``人次以上``) —
read with Arrow string kernels, no Python object per text, and compiled for every direction
to the columns :func:`~indicatorkit.batch.compiled.compile_targets` fills.

It is exact by construction.  The number (at most 9 digits before and 9 after the point,
together below 2**31) is cast to int64 and scaled exactly; everything else comes from a
proof.  Each distinct (text before the number, word after it, integer or decimal) is read
once per probe number by the general reader — :func:`~indicatorkit.language.plain.match_plain`
(the reader's fast path) and the very reading ``compile_targets`` uses one by one — and
accepted only when every probe reads as that number, through the fast path, with one
operator and one unit.  A text no longer than the reader's limit takes the fast path, which
depends on a number only through its shape (integer or decimal: possessive patterns that
end where the digits stop — so no text around the number may normalise to a digit, point
or comma), its value being zero (a bare or ``=`` target with no direction is ``≤0``) and
two readings of the value (a bare whole ``2025年`` may be a calendar year, a bare ``2021.6``
a month); the probes meet each (``1``, ``2025``, ``0`` and ``10.5``, ``2021.6``,
``2025.0``, ``0.0``), so a kind of text those readings touch is never accepted.  What the comparison gives per
direction — the effective operator, whether it is a lower bound, the threshold's base
numerator and denominator as the number's times two constants, the value in base units as
the number's times the unit's factor — is taken from the probes'
:meth:`Comparison.threshold <indicatorkit.Comparison.threshold>` and
:meth:`~indicatorkit.Comparison.effective_operator`, checked to be that linear function on
each, never worked out here.

A kind the fast path reads for no probe — the grammar reads it (``每亩300``, ``5万元。``), or
only the lenient reader, which keeps the strict error and repairs or reads further
(``85%覆盖``, ``>= 95 %(百分比)``, ``完成95%``, ``5件(套)以上``, ``≥5000蔸``) — is proven
the same way on the one-by-one reading alone, with more probes: the grammar and the
lenient readings see a value's range, not only its shape (one or two digits before 月 are a
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

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.comparisons import Comparison
from indicatorkit.language.plain import match_plain
from indicatorkit.language.reading import read_or_convention
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
#: What stands before the number (no ASCII digit), the number, the word after it (no ASCII
#: digit, comma or point: the number ends where it starts, here and in the reader).
_PLAIN = (
    r"^(?P<before>[^0-9]*)(?P<whole>[0-9]{1,9})(?:\.(?P<fraction>[0-9]{1,9}))?"
    r"(?P<word>[^0-9,.]*)$"
)
#: Per shape (integer, decimal): numbers that are not zero, then zero.  2025, 2025.0 and
#: 2021.6 meet the fast path's two readings of the value (a calendar year, a year.month).
_PROBES = (("1", "2025", "0"), ("10.5", "2021.6", "2025.0", "0.0"))
#: A kind the fast path does not read goes through the grammar (and the lenient reader's
#: repairs and readings), which see a value's range, not only its shape: besides the probes above (a day
#: and month 1, a year 2025, a month.day 10.5), numbers past a month and a day, past 100 (a
#: percentage over the whole), either side of the years 1900–2199, and the longest number
#: the pattern takes — all before zero, which stays last.
_LENIENT_PROBES = (
    ("13", "32", "150", "1899", "2200", "123456789"),
    ("0.5", "13.25", "150.75", "123456789.123456789"),
)
_GUARD = 2**31
#: What may not stand around the number once the reader normalises the text (``０``, ``．``):
#: the number would not end where the pattern says.
_NUMBER_SIGNS = re.compile("[0-9.,]").search
#: A longer text around the number with the probe or a number would pass the reader's limit.
_LONGEST = MAX_TEXT - 19
#: Per direction: the effective operator's code of a number not zero and of zero, the
#: lower-bound flag of each, the threshold's base numerator and denominator per unit of the
#: number's own numerator and denominator.
_Way = tuple[int, int, bool, bool, int, int]
#: A kind off the fast path is proven only when a column holds this many texts of it: its
#: proof reads ten probes, each as costly as reading one of its texts one by one.
_GRAMMAR_TEXTS = 8
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
    pair as the number's pair times two constants (:func:`_way`)."""

    dimension: str
    factor: Fraction
    ways: tuple[_Way, ...]


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
    size, ways = len(texts), len(directions)
    parts = pc.extract_regex(texts, _PLAIN)  # null where it does not match (and for null)
    short = pc.fill_null(pc.less_equal(pc.utf8_length(texts), MAX_TEXT), False)
    matched = parts.is_valid().to_numpy(zero_copy_only=False) & short.to_numpy(zero_copy_only=False)
    fraction = pc.fill_null(parts.field("fraction"), "")  # "" when the text has no point
    decimal = pc.greater(pc.utf8_length(fraction), 0).to_numpy(zero_copy_only=False)
    befores = pc.dictionary_encode(pc.fill_null(parts.field("before"), ""))
    words = pc.dictionary_encode(pc.fill_null(parts.field("word"), ""))
    before_codes = befores.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    word_codes = words.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    kinds = (before_codes * len(words.dictionary) + word_codes) * 2 + decimal
    distinct, kind_index, counts = np.unique(
        np.where(matched, kinds, -1), return_inverse=True, return_counts=True
    )
    before_texts, word_texts = befores.dictionary.to_pylist(), words.dictionary.to_pylist()
    kept_proofs = _kept_proofs(registry)
    proofs = [
        None
        if kind < 0
        else _proof(
            (
                before_texts[kind // 2 // len(word_texts)],
                word_texts[kind // 2 % len(word_texts)],
                bool(kind % 2),
                tuple(directions),
                read,
            ),
            registry,
            units,
            kept_proofs,
            count >= _GRAMMAR_TEXTS,
        )
        for kind, count in zip(distinct.tolist(), counts.tolist(), strict=True)
    ]
    number, scale = _number(parts)
    proven = np.array([proof is not None for proof in proofs], np.bool_)
    accepted = matched & proven[kind_index] & (number < _GUARD)
    # the number as written, reduced (both terms below 2**31)
    top, bottom = _reduced(np.where(accepted, number, 0), np.where(accepted, scale, 1))
    kept = [proof for proof in proofs if proof is not None]
    dimensions = sorted({proof.dimension for proof in kept})
    # per text, its proof's place among the kept ones: the constants' row
    which = np.where(accepted, (np.cumsum(proven) - 1)[kind_index], 0)
    constants = _constants(kept, dimensions, len(directions))[which]
    value_numerator, value_denominator = _reduced(top * constants[:, 0], bottom * constants[:, 1])
    # per direction: the operator and lower-bound flag of zero or of any other number
    zero = (top == 0)[:, None]
    flags = constants[:, 3:].reshape(size, 6, ways)
    operator = np.where(zero, flags[:, 1], flags[:, 0]).astype(np.int8)
    lower_bound = np.where(zero, flags[:, 3], flags[:, 2]).astype(np.bool_)
    # reduced, as the value: the decision is a ratio, and an unreduced pair of a large unit
    # (万亩 in m²) would exceed the overflow guard where the reduced one does not
    base_numerator, base_denominator = _reduced(
        top[:, None] * flags[:, 4], bottom[:, None] * flags[:, 5]
    )
    rejected = ~accepted
    operator[rejected], lower_bound[rejected], base_denominator[rejected] = 0, False, 1
    return PlainTargets(
        accepted,
        value_numerator,
        value_denominator,
        np.where(accepted, constants[:, 2], -1),
        dimensions,
        operator,
        base_numerator,
        base_denominator,
        lower_bound,
    )


def _constants(proofs: list[_Proof], dimensions: list[str], ways: int) -> Ints:
    """One row a proof: the factor's terms, the dimension's index, then per direction
    (``ways`` columns each) the operator of a number not zero and of zero, the lower-bound
    flag of each, the threshold's two constants — a row of zeros when there is no proof."""
    rows = [
        [
            proof.factor.numerator,
            proof.factor.denominator,
            dimensions.index(proof.dimension),
            *(int(way[field]) for field in range(6) for way in proof.ways),
        ]
        for proof in proofs
    ]
    return np.array(rows or [[0, 1, -1] + [0] * 6 * ways], np.int64).reshape(-1, 3 + 6 * ways)


def _reduced(numerator: Ints, denominator: Ints) -> tuple[Ints, Ints]:
    """``numerator / denominator`` reduced (0 / 1 for zero)."""
    divisor = np.gcd(numerator, denominator)
    divisor[divisor == 0] = 1
    return numerator // divisor, denominator // divisor


def _number(parts: pa.StructArray) -> tuple[Ints, Ints]:
    """The digits as one integer and the power of ten it is over (0 / 1 where unmatched)."""
    fraction = pc.fill_null(parts.field("fraction"), "")
    places = pc.utf8_length(fraction).to_numpy(zero_copy_only=False).astype(np.int64)
    scale = np.power(10, places, dtype=np.int64)
    return _integers(parts.field("whole")) * scale + _integers(fraction), scale  # below 10**18


def _integers(digits: pa.Array) -> Ints:
    """The digit strings as int64 (0 for an empty or null one)."""
    filled = pc.fill_null(digits, "")
    numbers = pc.cast(pc.if_else(pc.equal(filled, ""), "0", filled), pa.int64())
    values: Ints = numbers.to_numpy(zero_copy_only=False)
    return values


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
    grammar: bool,
) -> _Proof | None:
    """:func:`_prove` of ``kind``, kept for the next time when there is room (a kind not
    proven without the ``grammar`` route is not kept: a later column may hold more of it)."""
    if kind in kept:
        return kept[kind]
    proof = _prove(*kind, registry, units, grammar)
    if (proof is not None or grammar) and (
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
    grammar: bool = True,
) -> _Proof | None:
    """The constants every text ``before + number + word`` of this shape reads to, or
    ``None`` when a probe does not read as :func:`plain_targets` requires (off the fast
    path: only on the ``grammar`` route)."""
    if len(before) + len(word) > _LONGEST:
        return None  # too long for the fast path
    if _NUMBER_SIGNS(normalize(before)[0] + normalize(word)[0]):
        return None  # a digit, point or comma once normalised: the number would not end there
    probes, probe = _PROBES[decimal], _probe_reading
    if probe(before + probes[0] + word, Fraction(probes[0]), registry, read, units) is None:
        if not grammar:
            return None
        probes, probe = (*probes[:-1], *_LENIENT_PROBES[decimal], probes[-1]), _grammar_reading
    forms, targets = set(), []
    for text in probes:
        found = probe(before + text + word, Fraction(text), registry, read, units)
        if found is None:
            return None
        forms.add(found[0])
        targets.append(found[1])
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
        or not (0 < factor.numerator < _GUARD and factor.denominator < _GUARD)
    ):
        return None
    ways = []
    for direction in directions:
        way = _way(targets, direction)
        if way is None:
            return None
        ways.append(way)
    return _Proof(unit.dimension, factor, tuple(ways))


def _way(targets: list[Comparison], direction: Direction | None) -> _Way | None:
    """For one direction: the effective operator and lower-bound flag of a number not zero
    and of zero, and the threshold's base pair's constants — when the probes' thresholds
    are the number's pair times them, and agree."""
    first, *others, zero = targets
    thresholds = [target.threshold(direction) for target in targets]
    top = thresholds[0].base_numerator // first.amount.value.numerator
    bottom = thresholds[0].base_denominator // first.amount.value.denominator
    if not (0 < top < _GUARD and 0 < bottom < _GUARD):
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
