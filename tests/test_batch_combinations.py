"""``indicatorkit.batch.combinations``: grouping rows by their codes equals ``np.unique``
put in the order of first appearance — on the packed in-place sort, on the ``argsort`` path
for keys too wide to pack, and through a key narrowed midway."""

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


@given(st.lists(st.integers(0, 2**40), max_size=300), st.integers(0, 3))
def test_grouped_equals_unique(values: list[int], extra_bits: int) -> None:
    key = np.array(values, np.int64)
    distinct, inverse = grouped(key.copy(), (max(values, default=0) + 1) << extra_bits)
    assert (distinct.tolist(), inverse.tolist()) == _unique(key)
    assert inverse.dtype == np.int32


@given(st.lists(st.integers(0, 2**62 - 1), min_size=1, max_size=50))
def test_a_key_too_wide_to_pack_is_grouped_by_argsort(values: list[int]) -> None:
    """A bound of 2**62 leaves no room for even one bit of position: the argsort path."""
    key = np.array(values, np.int64)
    distinct, inverse = grouped(key.copy(), 2**62)
    assert (distinct.tolist(), inverse.tolist()) == _unique(key)


@given(st.integers(1, 40).flatmap(lambda rows: st.tuples(*(_codes(rows) for _ in range(4)))))
def test_combinations_are_the_distinct_rows_of_the_code_columns(
    columns: tuple[tuple[list[int], int], ...],
) -> None:
    rows = len(columns[0][0])
    key = CombinationKey(rows)
    for codes, size in columns:
        key.add(np.array(codes, np.int32), size)
    found, inverse = key.combinations()
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
