"""``indicatorkit.batch.combinations``: grouping rows by their codes equals ``np.unique``
put in the order of first appearance (or left in increasing order) — on the packed in-place
sorts, on the ``argsort`` path for keys too wide to pack, through a key narrowed midway, and
with a column folded in chunk by chunk."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pyarrow")

from indicatorkit.batch import combinations
from indicatorkit.batch.combinations import CombinationKey, grouped


def _unique(values: np.ndarray, axis: int | None = None) -> tuple[list[object], list[int]]:
    """``np.unique`` of ``values`` in the order of first appearance, and each row's index."""
    found, first, inverse = np.unique(values, axis=axis, return_index=True, return_inverse=True)
    order = np.argsort(first)
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order))
    return found[order].tolist(), rank[inverse.reshape(-1)].tolist()


def _sorted_unique(values: np.ndarray) -> tuple[list[object], list[int]]:
    found, inverse = np.unique(values, return_inverse=True)
    return found.tolist(), inverse.reshape(-1).tolist()


@given(st.lists(st.integers(0, 2**40), max_size=300), st.integers(0, 3), st.booleans())
def test_grouped_equals_unique(values: list[int], extra_bits: int, in_order: bool) -> None:
    """Each row's index is written over the key itself (no second per-row array)."""
    key = np.array(values, np.int64)
    given_key = key.copy()
    bound = (max(values, default=0) + 1) << extra_bits
    distinct, inverse = grouped(given_key, bound, in_order=in_order)
    expected = _unique(key) if in_order else _sorted_unique(key)
    assert (distinct.tolist(), inverse.tolist()) == expected
    assert inverse is given_key


@given(st.lists(st.integers(0, 2**62 - 1), min_size=1, max_size=50))
def test_a_key_too_wide_to_pack_is_grouped_by_argsort(values: list[int]) -> None:
    """A bound of 2**62 leaves no room for even one bit of position: the argsort path."""
    key = np.array(values, np.int64)
    for in_order, expected in ((True, _unique(key)), (False, _sorted_unique(key))):
        distinct, inverse = grouped(key.copy(), 2**62, in_order=in_order)
        assert (distinct.tolist(), inverse.tolist()) == expected


@given(st.integers(1, 40).flatmap(lambda rows: st.tuples(*(_codes(rows) for _ in range(4)))))
def test_combinations_are_the_distinct_rows_of_the_code_columns(
    columns: tuple[tuple[list[int], int], ...],
) -> None:
    rows = len(columns[0][0])
    key = CombinationKey(rows)
    for number, (codes, size) in enumerate(columns):
        whole = np.array(codes, np.int32)
        # the odd columns in chunks (as a chunked Arrow column gives them)
        key.add(np.array_split(whole, 3) if number % 2 else whole, size)
    found, inverse = key.combinations()
    assert inverse.dtype == np.int32
    stacked = np.array([codes for codes, _ in columns]).T
    assert (np.stack(found, axis=1).tolist(), inverse.tolist()) == _unique(stacked, axis=0)


@pytest.mark.parametrize(
    ("bits", "sizes", "packed"),
    [
        (24, (30, 40, 60, 2), True),  # narrowed to leave room for the positions, twice
        (20, (300, 400, 6, 2), False),  # narrowed to stay inside the key; sorted by argsort
    ],
)
def test_a_wide_key_is_narrowed_midway_and_gives_its_columns_back(
    monkeypatch: pytest.MonkeyPatch, bits: int, sizes: tuple[int, ...], packed: bool
) -> None:
    """With a key of fewer bits, (target, actual) is narrowed to its distinct pairs before the
    weight is multiplied in — and the columns still come back as they were."""
    monkeypatch.setattr(combinations, "_KEY_BITS", bits)
    draw = np.random.default_rng(3)
    columns = [draw.integers(0, size, 500).astype(np.int32) for size in sizes]
    key = CombinationKey(500)
    narrowed = []
    for codes, size in zip(columns, sizes, strict=True):
        key.add(codes, size)
        narrowed.append(bool(key.narrowed))
    assert narrowed == [False, False, True, True]
    assert combinations._packs(key.bound, 500) is packed
    found, inverse = key.combinations()
    stacked = np.stack(columns, axis=1)
    assert (np.stack(found, axis=1).tolist(), inverse.tolist()) == _unique(stacked, axis=0)


def _codes(rows: int) -> st.SearchStrategy[tuple[list[int], int]]:
    return st.integers(1, 5).flatmap(
        lambda size: st.tuples(
            st.lists(st.integers(0, size - 1), min_size=rows, max_size=rows), st.just(size)
        )
    )


def test_codes_for_fewer_rows_than_the_key_are_refused() -> None:
    key = CombinationKey(3)
    with pytest.raises(ValueError, match="2 codes for a key of 3 rows"):
        key.add([np.array([0], np.int32), np.array([1], np.int32)], 2)
