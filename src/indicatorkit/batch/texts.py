"""Exact values as text, column-wise: :func:`~indicatorkit.numerals.format_decimal` (the
shortest exact decimal, ``p/q`` where it does not terminate) and :func:`display
<indicatorkit.scoring.indicator.display>` (rounded half up to some places) of int64 numerator
and denominator columns, computed with numpy and Arrow string kernels — no Python object per
value.  A value whose digits would not fit int64 is formatted by those two functions.

>>> import numpy as np
>>> top, bottom = np.array([3, 1, 77, -1, 0]), np.array([2, 3, 1, 8, 1])
>>> decimal_texts(top, bottom).to_pylist()
['1.5', '1/3', '77', '-0.125', '0']
>>> display_texts(top, bottom, 2).to_pylist()
['1.50', '0.33', '77.00', '-0.13', '0.00']
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from indicatorkit.batch.memory import RESULTS
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.indicator import display

__all__ = ["decimal_texts", "display_texts"]

Ints = npt.NDArray[np.int64]
_INT64 = np.iinfo(np.int64).max
#: Up to 10**18 the powers of ten are int64.
_MAX_PLACES = 18


def _strings(values: Ints) -> pa.Array:
    return pc.cast(
        pa.array(values, pa.int64(), memory_pool=RESULTS), pa.string(), memory_pool=RESULTS
    )


def _digits(whole: Ints, places: Ints | int) -> pa.Array:
    """``whole / 10**places`` written out: the integer part, then the ``places`` digits."""
    scale = np.power(10, places, dtype=np.int64)
    integer = _strings(whole // scale)
    # the fraction's digits with their leading zeros: 10**places + fraction, less its "1"
    fraction = pc.utf8_slice_codeunits(_strings(whole % scale + scale), 1, memory_pool=RESULTS)
    with_point = pc.binary_join_element_wise(integer, fraction, ".", memory_pool=RESULTS)
    if isinstance(places, int):
        return with_point if places > 0 else integer
    return pc.if_else(pa.array(places > 0), with_point, integer, memory_pool=RESULTS)


def _signed(text: pa.Array, negative: npt.NDArray[np.bool_]) -> pa.Array:
    if not negative.any():  # a ratio, a score: seldom one below zero
        return text
    minus = pc.binary_join_element_wise("-", text, "", memory_pool=RESULTS)
    return pc.if_else(pa.array(negative), minus, text, memory_pool=RESULTS)


def _written(numerator: Ints, denominator: Ints, which: npt.NDArray[Any], write: Any) -> pa.Array:
    """The values ``which`` selects (a mask or indices) written by ``write`` (a Fraction's
    text): only these become Python objects."""
    return pa.array(
        [
            write(Fraction(top, bottom))
            for top, bottom in zip(
                numerator[which].tolist(), denominator[which].tolist(), strict=True
            )
        ],
        pa.string(),
        memory_pool=RESULTS,
    )


def _by_python(
    result: pa.Array, slow: npt.NDArray[np.bool_], numerator: Ints, denominator: Ints, write: Any
) -> pa.Array:
    """``result`` with the ``slow`` values written by ``write``; the rest of the column stays
    Arrow's."""
    if not slow.any():
        return result
    written = _written(numerator, denominator, slow, write)
    return pc.replace_with_mask(result, pa.array(slow), written, memory_pool=RESULTS)


def decimal_texts(numerator: Ints, denominator: Ints) -> pa.Array:
    """:func:`~indicatorkit.numerals.format_decimal` of each reduced ``numerator /
    denominator`` (denominators > 0).

    >>> import numpy as np
    >>> decimal_texts(np.array([7, 2**62]), np.array([40, 3])).to_pylist()
    ['0.175', '4611686018427387904/3']
    """
    # the factors 2: the lowest set bit (a power of two, exact as a float's exponent)
    lowest = denominator & -denominator
    twos = np.frexp(lowest)[1].astype(np.int64) - 1
    rest = denominator // lowest
    fives = np.zeros(len(rest), np.int64)
    # only the values 5 still divides are looked at again: time linear in the values and
    # their factors, not values × the largest power
    active = np.flatnonzero(rest > 1)
    while active.size:
        active = active[rest[active] % 5 == 0]
        rest[active] //= 5
        fives[active] += 1
        active = active[rest[active] > 1]
    terminating = rest == 1
    places = np.maximum(twos, fives)  # the fewest digits that write it exactly
    magnitude = np.abs(numerator)
    # |n| · 10**places / d must stay in int64; beyond: written by format_decimal
    limit = _INT64 // np.power(10, np.minimum(places, _MAX_PLACES), dtype=np.int64)
    slow = terminating & ((places > _MAX_PLACES) | (magnitude > limit))
    # each value written one way only — decimals, p/q, or by format_decimal — then put back
    # in place by one take
    fast = np.flatnonzero(terminating & ~slow)
    ratio = np.flatnonzero(~terminating)
    others = np.flatnonzero(slow)
    digits = places[fast]
    scale = np.power(10, digits, dtype=np.int64)
    written = _signed(
        _digits(magnitude[fast] * scale // denominator[fast], digits), numerator[fast] < 0
    )
    ratios = pc.binary_join_element_wise(
        _strings(numerator[ratio]), _strings(denominator[ratio]), "/", memory_pool=RESULTS
    )
    by_python = _written(numerator, denominator, others, format_decimal)
    where = np.empty(len(numerator), np.int64)
    where[fast] = np.arange(fast.size)
    where[ratio] = np.arange(fast.size, fast.size + ratio.size)
    where[others] = np.arange(fast.size + ratio.size, len(numerator))
    texts = pa.concat_arrays(
        [pc.cast(part, pa.string(), memory_pool=RESULTS) for part in (written, ratios)]
        + [by_python],
        memory_pool=RESULTS,
    )
    return pc.take(texts, pa.array(where), memory_pool=RESULTS)


def display_texts(numerator: Ints, denominator: Ints, places: int) -> pa.Array:
    """:func:`display <indicatorkit.scoring.indicator.display>` of each ``numerator /
    denominator`` (denominators > 0) to ``places``: half away from zero.

    >>> import numpy as np
    >>> display_texts(np.array([5, -5, 2]), np.array([1000, 1000, 3]), 2).to_pylist()
    ['0.01', '-0.01', '0.67']
    >>> display_texts(np.array([13]), np.array([2]), 0).to_pylist()
    ['7']
    """
    size = len(numerator)
    if places > _MAX_PLACES:
        return _by_python(
            pa.nulls(size, pa.string(), memory_pool=RESULTS),
            np.ones(size, np.bool_),
            numerator,
            denominator,
            lambda value: display(value, places),
        )
    scale = 10**places
    magnitude = np.abs(numerator)
    # 2·|n|·scale + d and 2·d in int64; beyond: written by display
    slow = (denominator > _INT64 // 4) | (magnitude > (_INT64 // 2 - denominator) // (2 * scale))
    safe = np.where(slow, 0, magnitude)
    bottom = np.where(slow, 1, denominator)
    whole = (2 * safe * scale + bottom) // (2 * bottom)
    texts = _signed(_digits(whole, places), (numerator < 0) & (whole > 0))
    return _by_python(texts, slow, numerator, denominator, lambda value: display(value, places))
