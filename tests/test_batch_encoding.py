"""``score_table`` reads a dictionary-typed column through its own dictionary (Parquet read with
``read_dictionary``, pandas categoricals, chunks with dictionaries of their own, entries no row
uses, values two entries share, nulls in the indices or in the dictionary) — and scores every
row as it scores the same column written out as plain values; a bad weight or direction is
still located at its first row."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from indicatorkit.batch import BatchInputError, score_table  # noqa: E402

TARGETS = ["≥95%", "≤2%", "≥200件", "及时足额发放", "2026年12月底前完成", None]
ACTUALS = ["96%", "1.5%", "150件", "达成", "部分达成", None, "", "12月20日"]
WEIGHTS = [5, 10, 20]
WAYS = ["反向", None, "正向", " "]


def _plain(rows: int, seed: int) -> pa.Table:
    draw = np.random.default_rng(seed)

    def pick(pool: list[Any]) -> list[Any]:
        return [pool[i] for i in draw.integers(0, len(pool), rows)]

    return pa.table(
        {
            "target": pa.array(pick(TARGETS[:-1]), pa.string()),
            "actual": pa.array(pick(ACTUALS), pa.string()),
            "weight": pa.array(pick(WEIGHTS), pa.int64()),
            "direction": pa.array(pick(WAYS), pa.string()),
        }
    )


def _results(table: pa.Table) -> dict[str, list[Any]]:
    """The result columns as values (a dictionary's order is not a result)."""
    scored = score_table(table)
    return {name: scored.column(name).to_pylist() for name in scored.column_names}


def _as_values(table: pa.Table) -> pa.Table:
    """``table`` with each dictionary column written out as its values."""
    for index, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            plain = table.column(index).cast(field.type.value_type)
            table = table.set_column(index, field.name, plain)
    return table


def test_parquet_read_dictionary_in_row_groups(tmp_path: Path) -> None:
    """Each row group its own dictionary: unified, then the same results as plain texts."""
    plain = _plain(3_000, 1)
    path = tmp_path / "rows.parquet"
    pq.write_table(plain, path, row_group_size=700)
    columns = ["target", "actual", "direction"]  # text columns (Parquet keeps ints plain)
    read = pq.read_table(path, read_dictionary=columns)
    assert all(pa.types.is_dictionary(read.schema.field(name).type) for name in columns)
    assert read.column("target").num_chunks > 1
    assert _results(read) == _results(plain)


def test_pandas_categoricals_with_unused_categories_and_nulls() -> None:
    pandas = pytest.importorskip("pandas")
    plain = _plain(500, 2)
    frame = plain.to_pandas()
    for name in ("target", "actual", "direction"):
        used = dict.fromkeys(v for v in frame[name] if pandas.notna(v))
        categories = [*used, "不用的 unused"]
        frame[name] = pandas.Categorical(frame[name], categories=categories)
    scored = score_table(frame)
    expected = score_table(plain.to_pandas())
    for name in ("outcome", "score", "score_display", "message", "met"):
        assert scored[name].astype(object).tolist() == expected[name].astype(object).tolist()


@st.composite
def _dictionary_columns(draw: st.DrawFn) -> tuple[pa.Table, pa.Table]:
    """Plain columns, and the same columns as dictionary chunks whose dictionaries repeat
    values, hold entries no row uses and nulls, and differ from chunk to chunk."""
    rows = draw(st.integers(1, 30))
    plain = _plain(rows, draw(st.integers(0, 10_000)))
    cuts = sorted(draw(st.lists(st.integers(0, rows), max_size=3)))
    bounds = [0, *cuts, rows]
    encoded = {}
    for name in plain.column_names:
        values = plain.column(name).to_pylist()
        chunks = []
        for start, stop in pairwise(bounds):
            part = values[start:stop]
            entries = list(dict.fromkeys(part))
            extra = draw(st.lists(st.sampled_from([*entries, None, "多余"]), max_size=3))
            dictionary = [*extra, *entries] if draw(st.booleans()) else [*entries, *extra]
            if name == "weight":
                dictionary = [v if v != "多余" else 99 for v in dictionary]
            # a null row: a null index, or an index of a null entry
            indices = [
                None
                if value is None and draw(st.booleans())
                else len(dictionary) - 1 - dictionary[::-1].index(value)
                for value in part
            ]
            kind = plain.schema.field(name).type
            chunks.append(
                pa.DictionaryArray.from_arrays(
                    pa.array(indices, pa.int32()), pa.array(dictionary, kind)
                )
            )
        encoded[name] = pa.chunked_array(chunks, pa.dictionary(pa.int32(), plain[name].type))
    return plain, pa.table(encoded)


@settings(max_examples=60, deadline=None)
@given(_dictionary_columns())
def test_dictionary_chunks_score_as_their_values(tables: tuple[pa.Table, pa.Table]) -> None:
    plain, encoded = tables
    assert _as_values(encoded).equals(plain)
    assert _results(encoded) == _results(plain)


@pytest.mark.parametrize(
    ("name", "bad", "words"),
    [
        ("weight", -1, "列 weight 第 5 行“-1”不是分值"),
        ("weight", None, "列 weight 第 5 行为空"),
        ("direction", "向上", "列 direction 第 5 行“向上”不是指标方向"),
    ],
)
def test_a_bad_cell_of_a_dictionary_column_is_located(name: str, bad: Any, words: str) -> None:
    """Row 5 is in the second chunk; the bad value's entry comes first in the dictionary."""
    good = 10 if name == "weight" else "正向"
    kind = pa.int64() if name == "weight" else pa.string()
    chunks = [
        pa.DictionaryArray.from_arrays(
            pa.array([1, 1, 1], pa.int32()), pa.array([bad, good], kind)
        ),
        pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int32()), pa.array([good, bad], kind)),
    ]
    table = pa.table(
        {
            "target": ["≥95%"] * 5,
            "weight": [10] * 5,
            name: pa.chunked_array(chunks),
        }
    )
    with pytest.raises(BatchInputError, match=words):
        score_table(table)
