"""The distinct combinations of a table's code columns, and each row's combination — found
by sorting, in place, a key that packs each row's codes and its position into one int64.

The code columns (each row's index into the distinct targets, actuals, weights, directions)
are folded into one mixed-radix key as they are made (:class:`CombinationKey`), so that only the
key (8 bytes a row) and the column being added (4) are held, never all four.  Grouping sorts
the key with the row's position packed into its low bits (one in-place numpy sort: no hash
table, no argsort array) and reads the distinct keys and each row's combination off it a
block at a time; a key too wide to leave room for the position is first narrowed to the
distinct combinations so far, and only a key that stays too wide is sorted by ``argsort``.
The combinations come out in the order they first appear in the rows (as hashing would give
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

import numpy as np
import numpy.typing as npt

__all__ = ["CombinationKey", "grouped"]

Ints = npt.NDArray[np.int64]
#: Per-row codes: int32 (a table holds fewer than 2**31 rows).
Codes = npt.NDArray[np.int32]
#: Rows handled at once after the sort (their temporaries: 20 bytes each).
BLOCK = 1 << 16
_KEY_BITS = 63  # a non-negative int64


class CombinationKey:
    """Each row's combination of code columns so far, as one int64 key below ``bound``
    (mixed radix, the first column most significant); a column too wide to multiply in
    first narrows the key to the distinct combinations so far (whose codes it keeps, to
    give the columns back in :meth:`combinations`).

    >>> import numpy as np
    >>> key = CombinationKey(3)
    >>> key.add(np.array([2, 0, 2], np.int32), 3)
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

    def add(self, codes: Codes, size: int) -> None:
        """Fold a column of codes in ``[0, size)`` into the key, in place."""
        size = max(size, 1)
        wide = self.bound * size
        if len(self.sizes) > 1 and (  # a combination (one column's codes are all distinct)
            (_packs(self.bound, self.rows) and not _packs(wide, self.rows))  # room for positions
            or wide >= 1 << (_KEY_BITS - 1)  # inside int64
        ):
            self._narrow()
        self.key *= size
        self.key += codes
        self.bound *= size
        self.sizes.append(size)

    def _narrow(self) -> None:
        distinct, inverse = grouped(self.key, self.bound)
        self.narrowed = self._columns(distinct)
        self.key = inverse.astype(np.int64)
        self.bound = max(len(distinct), 1)
        self.sizes = [self.bound]

    def combinations(self) -> tuple[tuple[Ints, ...], Codes]:
        """The distinct combinations, one int64 column per column added (in the order they
        first appear), and each row's combination.  The key is consumed."""
        distinct, inverse = grouped(self.key, self.bound)
        self.key = np.zeros(0, np.int64)
        return self._columns(distinct), inverse

    def _columns(self, distinct: Ints) -> tuple[Ints, ...]:
        parts = []
        for size in reversed(self.sizes[1:]):
            distinct, part = np.divmod(distinct, size)
            parts.append(part)
        first = (
            tuple(column[distinct] for column in self.narrowed) if self.narrowed else (distinct,)
        )
        return (*first, *reversed(parts))


def _shift(rows: int) -> int:
    """Bits a row's position takes."""
    return max(rows - 1, 1).bit_length()


def _packs(bound: int, rows: int) -> bool:
    """True when keys below ``bound`` leave room for a row's position in an int64."""
    return bound <= 1 << (_KEY_BITS - _shift(rows))


def grouped(key: Ints, bound: int) -> tuple[Ints, Codes]:
    """The distinct values of ``key`` (each in ``[0, bound)``) in the order they first appear
    (as hashing gives them), and each row's index among them.  ``key`` is sorted in place
    (its values are lost).

    >>> import numpy as np
    >>> distinct, inverse = grouped(np.array([7, 3, 7, 0], np.int64), 8)
    >>> distinct.tolist(), inverse.tolist()
    ([7, 3, 0], [0, 1, 0, 2])
    """
    rows = len(key)
    inverse = np.empty(rows, np.int32)
    if rows == 0:
        return key, inverse
    shift = _shift(rows)
    if _packs(bound, rows):  # the position in the low bits: one in-place sort
        key <<= shift
        for start in range(0, rows, BLOCK):
            key[start : start + BLOCK] |= np.arange(start, min(start + BLOCK, rows))
        key.sort()
        low = (1 << shift) - 1
        ordered, positions = key, None
    else:  # too wide to leave room for the positions: sorted by an index (stable: a value's
        # rows stay in their order)
        positions = np.argsort(key, kind="stable")
        ordered, shift, low = key[positions], 0, -1
    new = np.empty(rows, np.bool_)  # the first row of each value, in sorted order
    last = -1
    for start in range(0, rows, BLOCK):
        values = ordered[start : start + BLOCK] >> shift
        np.not_equal(values[1:], values[:-1], out=new[start + 1 : start + len(values)])
        new[start] = values[0] != last
        last = int(values[-1])
    starts = ordered[new]
    first = starts & low if positions is None else positions[new]
    appearance = np.argsort(first)  # the values by their first row
    rank = np.empty(len(appearance), np.int32)
    rank[appearance] = np.arange(len(appearance), dtype=np.int32)
    found = 0
    for start in range(0, rows, BLOCK):
        block = ordered[start : start + BLOCK]
        codes = np.cumsum(new[start : start + len(block)], dtype=np.int32)
        codes += found - 1
        found = int(codes[-1]) + 1
        where = block & low if positions is None else positions[start : start + BLOCK]
        inverse[where] = rank[codes]
    distinct: Ints = (starts >> shift)[appearance]
    return distinct, inverse
