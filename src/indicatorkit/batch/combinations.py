"""The distinct combinations of a table's code columns, and each row's combination — found
by sorting, in place, a key that packs each row's codes and its position into one int64.

The code columns (each row's index into the distinct targets, actuals, weights, directions)
are folded into one mixed-radix key as they are made (:class:`CombinationKey`), a column's
chunks at their places, so that only the key (8 bytes a row) and the column being added are
held, never all four.  Grouping (:func:`grouped`) sorts the key with the row's position packed
into its low bits (one in-place numpy sort: no hash table, no argsort array), reads the distinct
keys off it, then writes each row's combination beside its position and sorts again: the key's
own memory ends holding each row's combination in row order — no scatter to the rows at random
and no second per-row array.  A key too wide to leave room for the position is first narrowed
to the distinct combinations so far (in the sorted order: only the last grouping needs the
order of appearance), and only a key that stays too wide is sorted by ``argsort``.  The
combinations come out in the order they first appear in the rows (as hashing would give
them: the fallback scores them, and the results' dictionaries hold their texts, in that
order), whatever the path.

>>> import numpy as np
>>> key = CombinationKey(4)
>>> key.add(np.array([1, 0, 1, 1], np.int32), 2)  # the targets' codes, 2 distinct
>>> key.add(np.array([0, 0, 0, 2], np.int32), 3)  # the actuals' codes, 3 distinct
>>> (target, actual), inverse = key.combinations()
>>> target.tolist(), actual.tolist(), inverse.tolist()
([1, 0, 1], [0, 0, 2], [0, 1, 0, 2])
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["CombinationKey", "grouped"]

Ints = npt.NDArray[np.int64]
#: Per-row codes: int32 (a table holds fewer than 2**31 rows).
Codes = npt.NDArray[np.int32]
#: Rows handled at once outside the sorts (their temporaries: about 30 bytes each).
BLOCK = 1 << 16
_KEY_BITS = 63  # a non-negative int64


class CombinationKey:
    """Each row's combination of code columns so far, as one int64 key below ``bound``
    (mixed radix, the first column most significant); a column too wide to multiply in
    first narrows the key to the distinct combinations so far (whose codes it keeps, to
    give the columns back in :meth:`combinations`).

    >>> import numpy as np
    >>> key = CombinationKey(3)
    >>> key.add([np.array([2, 0], np.int32), np.array([2], np.int32)], 3)  # in two chunks
    >>> key.bound, key.key.tolist()
    (3, [2, 0, 2])
    """

    def __init__(self, rows: int) -> None:
        self.rows = rows
        self.key: Ints = np.zeros(rows, np.int64)
        self.bound = 1
        #: the radix of each column in ``key`` (a narrowed key counts as one column)
        self.sizes: list[int] = []
        #: for a narrowed key: the distinct combinations it stands for, column by column
        self.narrowed: tuple[Ints, ...] = ()

    def add(self, codes: Codes | Sequence[Codes], size: int) -> None:
        """Fold a column of codes in ``[0, size)`` — one array, or its chunks in row order —
        into the key, in place (no per-row temporary)."""
        size = max(size, 1)
        wide = self.bound * size
        if len(self.sizes) > 1 and (  # a combination (one column's codes are all distinct)
            (_packs(self.bound, self.rows) and not _packs(wide, self.rows))  # room for positions
            or wide >= 1 << (_KEY_BITS - 1)  # inside int64
        ):
            self._narrow()
        start = 0
        for part in [codes] if isinstance(codes, np.ndarray) else codes:
            place = self.key[start : start + len(part)]
            if self.sizes:
                place *= size
                place += part
            else:  # the first column: the key is its codes
                place[:] = part
            start += len(part)
        if start != self.rows:
            raise ValueError(f"{start} codes for a key of {self.rows} rows")
        self.bound *= size
        self.sizes.append(size)

    def _narrow(self) -> None:
        distinct, self.key = grouped(self.key, self.bound, in_order=False)
        self.narrowed = self._columns(distinct)
        self.bound = max(len(distinct), 1)
        self.sizes = [self.bound]

    def combinations(self) -> tuple[tuple[Ints, ...], Codes]:
        """The distinct combinations, one int64 column per column added (in the order they
        first appear), and each row's combination.  The key is consumed."""
        distinct, inverse = grouped(self.key, self.bound)
        self.key = np.zeros(0, np.int64)
        codes: Codes = inverse.astype(np.int32)
        del inverse
        return self._columns(distinct), codes

    def _columns(self, distinct: Ints) -> tuple[Ints, ...]:
        parts = []
        for size in reversed(self.sizes[1:]):
            distinct, part = np.divmod(distinct, size)
            parts.append(part)
        first = (
            tuple(column[distinct] for column in self.narrowed) if self.narrowed else (distinct,)
        )
        return (*first, *reversed(parts))


def _bits(count: int) -> int:
    """Bits a value below ``count`` takes (at least 1)."""
    return max(count - 1, 1).bit_length()


def _packs(bound: int, rows: int) -> bool:
    """True when keys below ``bound`` leave room for a row's position in an int64."""
    return bound <= 1 << (_KEY_BITS - _bits(rows))


def grouped(key: Ints, bound: int, *, in_order: bool = True) -> tuple[Ints, Ints]:
    """The distinct values of ``key`` (each in ``[0, bound)``) in the order they first appear
    (as hashing gives them; ``in_order=False``: in increasing order), and each row's index
    among them — written over ``key`` itself, which is returned (its values are lost).

    >>> import numpy as np
    >>> distinct, inverse = grouped(np.array([7, 3, 7, 0], np.int64), 8)
    >>> distinct.tolist(), inverse.tolist()
    ([7, 3, 0], [0, 1, 0, 2])
    >>> [found.tolist() for found in grouped(np.array([7, 3, 7, 0]), 8, in_order=False)]
    [[0, 3, 7], [2, 1, 2, 0]]
    """
    rows = len(key)
    if rows == 0:
        return key.copy(), key
    if not _packs(bound, rows):  # too wide to leave room for the positions
        return _grouped_by_argsort(key, in_order)
    shift = _bits(rows)
    low = (1 << shift) - 1
    key <<= shift  # each row's position in the low bits: one in-place sort
    for start in range(0, rows, BLOCK):
        key[start : start + BLOCK] |= np.arange(start, min(start + BLOCK, rows))
    key.sort()
    new = _firsts(key, shift)
    starts = key[new]  # each value with its first row (the smallest position sorts first)
    count = len(starts)
    if in_order:  # the values by their first row: a sort of (first row, value's rank)
        order = starts & low
        order <<= _bits(count)
        order |= np.arange(count)
        order.sort()
        order &= (1 << _bits(count)) - 1
        ranks: Ints = np.empty(count, np.int64)
        ranks[order] = np.arange(count)
        rank: Ints | None = ranks
        distinct = starts[order]
        del order
    else:
        rank, distinct = None, starts
    distinct >>= shift
    del starts
    # each row's code beside its position, then sorted by the position: the codes in row order
    code_bits = _bits(count)
    found = 0
    for start in range(0, rows, BLOCK):
        block = key[start : start + BLOCK]
        codes = np.cumsum(new[start : start + len(block)], dtype=np.int64)
        codes += found - 1
        found = int(codes[-1]) + 1
        block &= low
        block <<= code_bits
        block |= codes if rank is None else rank[codes]
    del new
    key.sort()
    key &= (1 << code_bits) - 1
    return distinct, key


def _firsts(ordered: Ints, shift: int) -> npt.NDArray[np.bool_]:
    """Where each value of the sorted ``ordered`` (above its low ``shift`` bits) starts."""
    rows = len(ordered)
    new = np.empty(rows, np.bool_)
    last = -1
    for start in range(0, rows, BLOCK):
        values = ordered[start : start + BLOCK] >> shift
        np.not_equal(values[1:], values[:-1], out=new[start + 1 : start + len(values)])
        new[start] = values[0] != last
        last = int(values[-1])
    return new


def _grouped_by_argsort(key: Ints, in_order: bool) -> tuple[Ints, Ints]:
    """:func:`grouped` of a key too wide to pack positions into: sorted by an index (stable: a
    value's rows stay in their order)."""
    positions = np.argsort(key, kind="stable")
    ordered = key[positions]
    new = _firsts(ordered, 0)
    starts = ordered[new]
    del ordered
    count = len(starts)
    codes = np.cumsum(new, dtype=np.int64)
    codes -= 1
    if in_order:
        first = positions[new]
        appearance = np.argsort(first)
        rank = np.empty(count, np.int64)
        rank[appearance] = np.arange(count)
        codes = rank[codes]
        starts = starts[appearance]
    key[positions] = codes
    return starts, key
