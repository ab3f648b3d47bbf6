"""Gathering each combination's results to its rows (把每个组合的结果收回到各行): the result
columns of :func:`~indicatorkit.batch.score_table`, allocated from
:data:`~indicatorkit.batch.memory.RESULTS`.

A row's results are its combination's (:class:`~indicatorkit.batch.evaluate.Evaluated`), so
each column is built once per combination and gathered by an Arrow ``take`` of the rows'
combination codes.  The exact and display texts are built once per distinct *value*: each
combination is coded by its value (one hashing of the numerator and denominator packed into
one int64), each row gathers its value's code once, and the numerator, denominator, exact and
display columns are read off that code — from arrays the size of the distinct values, which
stay in the cache — sharing one validity bitmap, and the display column sharing the exact
column's indices where no two values show alike.  The outcome and the validity bitmaps come
from one byte a row (the outcome code, a bit for each exact column decided): one ``take``,
then bit operations.

>>> import numpy as np
>>> from indicatorkit.scoring.rules import Rounding
>>> evaluated = {
...     "outcome": np.array([0, 2], np.int8), "met": np.array([1, 0], np.int8),
...     "attainment_numerator": np.array([21, 3]), "attainment_denominator": np.array([20, 4]),
...     "attainment_known": np.array([True, True]), "big_attainment": {},
...     "score_numerator": np.array([10, 15]), "score_denominator": np.array([1, 2]),
...     "score_known": np.array([True, True]), "big_score": {},
...     "message": np.array([0, 0]), "messages": [""],
... }
>>> columns = gathered(evaluated, np.array([1, 0, 1], np.int32), Rounding(2))
>>> columns["score"].to_pylist(), columns["attainment_display"].to_pylist()
(['7.5', '10', '7.5'], ['0.7500', '1.0500', '0.7500'])
>>> columns["met"].to_pylist(), columns["score_denominator"].to_pylist()
([False, True, False], [2, 1, 2])
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from indicatorkit.batch.evaluate import OUTCOMES
from indicatorkit.batch.memory import RESULTS, RETURN_ROWS, freed_memory_returned
from indicatorkit.batch.texts import decimal_texts, display_texts
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.indicator import RATIO_PLACES
from indicatorkit.scoring.rules import Rounding, RoundingMode

__all__ = ["gathered"]

Ints = npt.NDArray[np.int64]
#: Per-row codes (each row's combination, each combination's value): int32.
Codes = npt.NDArray[np.int32]
Flags = npt.NDArray[np.bool_]

_OUTCOME_NAMES = pa.array([kind.value for kind in OUTCOMES])
_TEXTS = pa.dictionary(pa.int32(), pa.string())
#: A combination's flags byte (:func:`_flags`): its outcome code in the low bits, then a bit
#: each for: attainment decided, score decided, met decided, met (int8: up to 8 outcomes).
_WIDTH = (len(OUTCOMES) - 1).bit_length()
_OUTCOME_BITS = pa.scalar((1 << _WIDTH) - 1, pa.int8())
_BITS = {
    name: pa.scalar(1 << (_WIDTH + place), pa.int8())
    for place, name in enumerate(("attainment", "score", "met decided", "met"))
}
_NONE = pa.scalar(0, pa.int8())
#: How a ratio is shown: half up to :data:`RATIO_PLACES`, whatever the rule set.
_HALF_UP_RATIO = Rounding(RATIO_PLACES)
#: A numerator and denominator pack into one int64 when each fits 32 bits.
_HALF = 1 << 31


def gathered(evaluated: dict[str, Any], inverse: Codes, rounding: Rounding) -> dict[str, pa.Array]:
    """The result columns by name (``evaluated``: :class:`Evaluated`'s fields, each popped
    and let go as soon as gathered, so that the rows' results grow as the combinations'
    shrink; ``inverse``: each row's combination); ``score_display`` shows points as
    ``rounding`` does (:meth:`~indicatorkit.scoring.rounding.Rounding.display`: its places,
    its mode), ``attainment_display`` to :data:`RATIO_PLACES` (as ``score`` and ``check``).

    >>> import attrs, numpy as np
    >>> from fractions import Fraction
    >>> from indicatorkit import NATIONAL
    >>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
    >>> from indicatorkit.batch.evaluate import evaluate
    >>> one, texts = (np.array([0]),) * 4, (["≥5件"], ["4件"])
    >>> compiled = compile_targets(texts[0], [None], None), compile_actuals(texts[1], None)
    >>> scored = evaluate(one, (*texts, [Fraction(10)], [None]), compiled, NATIONAL, None)
    >>> columns = gathered(attrs.asdict(scored, recurse=False), np.array([0, 0]), NATIONAL.rounding)
    >>> columns["score"].to_pylist(), columns["attainment_display"].to_pylist()
    (['8', '8'], ['0.8000', '0.8000'])
    """
    rows = pa.array(inverse)
    columns: dict[str, pa.Array] = {}
    flags = pc.take(pa.array(_flags(evaluated)), rows, memory_pool=RESULTS)
    columns["outcome"] = pa.DictionaryArray.from_arrays(
        pc.bit_wise_and(flags, _OUTCOME_BITS, memory_pool=RESULTS), _OUTCOME_NAMES, safe=False
    )
    met_bits = [_bitmap(flags, _BITS["met decided"]), _bitmap(flags, _BITS["met"])]
    columns["met"] = pa.BooleanArray.from_buffers(pa.bool_(), len(rows), met_bits)
    for name in ("attainment", "score"):
        top, bottom = evaluated.pop(f"{name}_numerator"), evaluated.pop(f"{name}_denominator")
        known, big = evaluated.pop(f"{name}_known"), evaluated.pop(f"big_{name}")
        valid = None if known.all() else _bitmap(flags, _BITS[name])
        show = _HALF_UP_RATIO if name == "attainment" else rounding  # a ratio: as score
        columns |= _exact_columns(name, _values(top, bottom, known, big), valid, rows, show)
        del top, bottom, known, big
    del flags
    message = pa.DictionaryArray.from_arrays(
        pa.array(evaluated.pop("message"), pa.int32()), pa.array(evaluated.pop("messages"))
    )
    columns["message"] = pc.take(message, rows, memory_pool=RESULTS)
    del message
    if len(inverse) >= RETURN_ROWS:  # what the caller's process holds after the call: the results
        freed_memory_returned()
    return columns


def _flags(evaluated: dict[str, Any]) -> npt.NDArray[np.int8]:
    """Each combination's flags byte (its outcome, met, and whether each exact column is
    decided), ``outcome`` and ``met`` popped: one byte for the rows to gather, not four
    columns."""
    flags: npt.NDArray[np.int8] = evaluated.pop("outcome").copy()
    met = evaluated.pop("met")
    decided = {"attainment": evaluated["attainment_known"], "score": evaluated["score_known"]}
    for name, where in (*decided.items(), ("met decided", met >= 0), ("met", met == 1)):
        np.bitwise_or(flags, _BITS[name].as_py(), out=flags, where=where)
    return flags


def _bitmap(flags: pa.Array, bit: pa.Scalar) -> pa.Buffer:
    """A validity bitmap: the rows whose ``flags`` hold ``bit``."""
    held = pc.bit_wise_and(flags, bit, memory_pool=RESULTS)
    bitmap: pa.Buffer = pc.not_equal(held, _NONE, memory_pool=RESULTS).buffers()[1]
    return bitmap


@attrs.frozen
class _Values:
    """The distinct values of an exact column — reduced ``numerator`` / ``denominator``
    (int64), then each distinct value beyond int64 in ``big`` — and ``codes``, each
    combination's value (an index into both)."""

    numerator: Ints
    denominator: Ints
    big: list[Fraction]
    codes: Codes


def _values(top: Ints, bottom: Ints, known: Flags, big: dict[int, Fraction]) -> _Values:
    """The distinct values of ``top / bottom`` in order of appearance (reduced fractions:
    one value, one pair), an undecided combination counted as 0; a value beyond int64 (``big``,
    by combination) after them, each distinct value once.  ``top`` and ``bottom`` are used up
    (overwritten in place: no fresh memory, which is slow to touch first)."""
    undecided = ~known
    np.putmask(top, undecided, 0)
    np.putmask(bottom, undecided, 1)
    del undecided
    if not top.size or (
        -_HALF <= top.min() and top.max() < _HALF and bottom.min() >= 0 and bottom.max() < 2 * _HALF
    ):  # one hashing of the pairs packed into one int64
        top <<= 32
        top |= bottom
        del bottom
        packed, codes = _hashed(top)
        numerator, denominator = packed >> 32, packed & (2 * _HALF - 1)
    else:  # the numerators' and denominators' codes, then their pairs'
        top_values, top_codes = _hashed(top)
        bottom_values, bottom_codes = _hashed(bottom)
        pair = top_codes.astype(np.int64) * len(bottom_values) + bottom_codes
        pairs, codes = _hashed(pair)
        numerator = top_values[pairs // len(bottom_values)]
        denominator = bottom_values[pairs % len(bottom_values)]
    if not big:
        return _Values(numerator, denominator, [], codes)
    beyond = {
        value: len(numerator) + code for code, value in enumerate(dict.fromkeys(big.values()))
    }
    codes = codes.copy()  # the hashing's codes are Arrow's, read-only
    codes[list(big)] = [beyond[value] for value in big.values()]
    return _Values(numerator, denominator, list(beyond), codes)


def _hashed(values: Ints) -> tuple[Ints, Codes]:
    """The distinct ``values`` (in order of appearance) and each value's index among them,
    by Arrow hashing (no sort)."""
    encoded = pc.dictionary_encode(pa.array(values, pa.int64()), memory_pool=RESULTS)
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
    return encoded.dictionary.to_numpy(zero_copy_only=False), codes


def _exact_columns(
    name: str, values: _Values, valid: pa.Buffer | None, rows: pa.Array, show: Rounding
) -> dict[str, pa.Array]:
    """``name``'s four columns: its exact text and its display text (null where not
    ``valid``: undecided), numerator and denominator (null there too and beyond int64)."""
    exact, shown, shown_codes = _texts(values, show)
    size = len(values.numerator)
    row_codes = pc.take(pa.array(values.codes), rows, memory_pool=RESULTS)
    indices = row_codes.buffers()[1]
    if shown_codes is not None:  # two values show alike: the display's own indices
        indices = pc.take(shown_codes, row_codes, memory_pool=RESULTS).buffers()[1]
    columns = {
        name: pa.DictionaryArray.from_buffers(
            _TEXTS, len(rows), [valid, row_codes.buffers()[1]], exact
        ),
        f"{name}_display": pa.DictionaryArray.from_buffers(
            _TEXTS, len(rows), [valid, indices], shown
        ),
    }
    if values.big:  # beyond int64: null in the number columns, written in the texts only
        small = pc.less(row_codes, size, memory_pool=RESULTS)
        if valid is not None:
            small = pc.and_(
                small, pa.BooleanArray.from_buffers(pa.bool_(), len(rows), [None, valid])
            )
        valid = small.buffers()[1]
    for part, numbers in (("numerator", values.numerator), ("denominator", values.denominator)):
        if values.big:
            numbers = np.concatenate([numbers, np.zeros(len(values.big), np.int64)])
        gathered = pc.take(pa.array(numbers), row_codes, memory_pool=RESULTS)
        columns[f"{name}_{part}"] = pa.Array.from_buffers(
            pa.int64(), len(rows), [valid, gathered.buffers()[1]]
        )
    return columns


def _texts(values: _Values, show: Rounding) -> tuple[pa.Array, pa.Array, pa.Array | None]:
    """Each value's exact decimal text (``p/q`` where it does not terminate: distinct values,
    distinct texts) and the display texts — as ``show`` shows them, column-wise
    (:mod:`indicatorkit.batch.texts`) where the rounding is half up — each once (two values
    may show alike: 1/3 and 0.333 both show 0.33, as pandas and Arrow readers need), with each
    value's index among them, or ``None`` where no two show alike."""
    top, bottom = values.numerator, values.denominator
    exact = decimal_texts(top, bottom)
    if show.mode is RoundingMode.HALF_UP:  # column-wise: the same texts as show.display
        shown = display_texts(top, bottom, show.places)
    else:  # another mode: each distinct value by the rule set's own writer
        pairs = zip(top.tolist(), bottom.tolist(), strict=True)
        shown = pa.array(
            [show.display(Fraction(t, b)) for t, b in pairs], pa.string(), memory_pool=RESULTS
        )
    if values.big:  # beyond int64: the Fractions' own texts
        exact = _patched(exact, [format_decimal(value) for value in values.big])
        shown = _patched(shown, [show.display(value) for value in values.big])
    encoded = pc.dictionary_encode(shown, memory_pool=RESULTS)
    if len(encoded.dictionary) == len(shown):  # in order of appearance: the value's own index
        return exact, shown, None
    return exact, encoded.dictionary, encoded.indices


def _patched(texts: pa.Array, more: list[str]) -> pa.Array:
    return pa.concat_arrays([texts, pa.array(more, pa.string())], memory_pool=RESULTS)
