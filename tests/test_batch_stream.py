"""Streaming batch scoring: ``score_batches`` yields each batch's results, equal row by row to
``score_table`` of the whole table, however the table is cut; ``write_scored_parquet`` writes
them a batch at a time, never leaves a half-written file, and the Arrow memory held while
streaming stays within twice the input columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from indicatorkit.batch import (  # noqa: E402
    BatchInputError,
    score_batches,
    score_table,
    write_scored_parquet,
)

TARGETS = ["≥95%", "≤2%", "≥200件", "及时足额发放", "6月底前", "<5万元", "≥1/3"]
ACTUALS = [
    "96%",
    "76%",
    "1.5%",
    "3%",
    "150件",
    "210件",
    "达成",
    "部分达成",
    "7月1日",
    "4万元",
    None,
    "",
]


def _table(rows: int, seed: int = 0) -> pa.Table:
    import random

    draw = random.Random(seed)
    return pa.table(
        {
            "department": [f"部门{draw.randrange(5)}" for _ in range(rows)],
            "target": [draw.choice(TARGETS) for _ in range(rows)],
            "actual": pa.array([draw.choice(ACTUALS) for _ in range(rows)], pa.string()),
            "weight": [draw.choice([5, 10, 20]) for _ in range(rows)],
            "direction": pa.array(
                [draw.choice([None, "反向", "正向"]) for _ in range(rows)], pa.string()
            ),
        }
    )


@settings(max_examples=25, deadline=None)
@given(rows=st.integers(0, 60), size=st.integers(1, 25), seed=st.integers(0, 10**6))
def test_streamed_batches_equal_the_whole_table(rows: int, size: int, seed: int) -> None:
    table = _table(rows, seed)
    whole = score_table(table, rules="hubei").to_pylist()
    streamed = list(score_batches(table.to_batches(max_chunksize=size), rules="hubei"))
    assert all(isinstance(batch, pa.RecordBatch) for batch in streamed)
    assert [row for batch in streamed for row in batch.to_pylist()] == whole
    assert len(streamed) == len(table.to_batches(max_chunksize=size))


def test_a_reader_and_a_table_stream_too() -> None:
    table = _table(300)
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=64))
    from_reader = list(score_batches(reader))
    assert [batch.num_rows for batch in from_reader] == [64, 64, 64, 64, 44]
    assert pa.Table.from_batches(from_reader).to_pylist() == score_table(table).to_pylist()
    assert sum(batch.num_rows for batch in score_batches(table)) == 300


def test_errors_count_rows_across_batches() -> None:
    table = _table(10).set_column(4, "direction", pa.array([None] * 4 + ["x"] * 6, pa.string()))
    with pytest.raises(BatchInputError, match="第 5 行"):
        list(score_batches(table.to_batches(max_chunksize=3)))
    batches = [table.slice(0, 4).to_batches()[0], table.slice(4, 2)]
    with pytest.raises(BatchInputError, match=r"batch 2 is not a pyarrow RecordBatch"):
        list(score_batches(batches))
    with pytest.raises(BatchInputError, match="record batches"):
        list(score_batches("≥95%"))


def test_parquet_is_written_batch_by_batch_and_never_half(tmp_path: Path) -> None:
    table = _table(1000)
    target = tmp_path / "结果.parquet"
    assert write_scored_parquet(table.to_batches(max_chunksize=256), target, rules="hubei") == 1000
    written = pq.ParquetFile(target)
    assert written.metadata.num_row_groups == 4  # one a batch
    assert written.read().to_pylist() == score_table(table, rules="hubei").to_pylist()
    target.write_bytes(b"old")
    bad = table.set_column(3, "weight", pa.array([10] * 999 + [-1]))
    with pytest.raises(BatchInputError, match="第 1000 行"):
        write_scored_parquet(bad.to_batches(max_chunksize=256), target)
    assert target.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["结果.parquet"]
    assert write_scored_parquet([], target) == 0
    assert "score" in pq.read_table(target).column_names


def test_every_batch_has_the_same_schema(tmp_path: Path) -> None:
    """A stream needs one schema: batches whose values differ in every way the result columns
    are built (all decided, none, beyond int64, values alike when shown, no row) give the same
    column types, and Parquet takes them one after another."""
    big = "≥" + "9" * 15 + "元"
    shapes = [
        (["≥95%", "≤2%"], ["96%", "1.5%"]),
        (["及时足额发放", "≥95%"], [None, ""]),
        ([big, big], ["1" + "0" * 14 + "元", "2" + "0" * 14 + "元"]),
        (["≥3件", "≥100000件"], ["1件", "33334件"]),
        ([], []),
    ]
    batches = [
        pa.record_batch(
            {
                "target": pa.array(targets, pa.string()),
                "actual": pa.array(actuals, pa.string()),
                "weight": pa.array([10, 7.5][: len(targets)], pa.float64()),
            }
        )
        for targets, actuals in shapes
    ]
    scored = list(score_batches(batches))
    assert len({batch.schema for batch in scored}) == 1, [batch.schema for batch in scored]
    assert write_scored_parquet(batches, tmp_path / "结果.parquet") == 8
    rows = [row for batch in scored for row in batch.to_pylist()]
    assert pq.read_table(tmp_path / "结果.parquet").to_pylist() == rows
    assert [row["attainment_display"] for row in rows[6:]] == ["0.3333", "0.3333"]


_MEASURE = """
import json, sys
import pyarrow as pa
sys.path.insert(0, sys.argv[1])
from test_batch_stream import _table
from indicatorkit.batch import score_batches
# the default pool and the system pool the results come from (batch/memory.py), each once
pools = {pool.backend_name: pool for pool in (pa.default_memory_pool(), pa.system_memory_pool())}
def allocated():
    return sum(pool.bytes_allocated() for pool in pools.values())
measured = {}
for rows in (20_000, 200_000):
    table = _table(rows).combine_chunks()
    base, peak, count = allocated(), 0, 0
    for batch in score_batches(table.to_batches(max_chunksize=10_000)):
        peak = max(peak, allocated() - base)
        count += batch.num_rows
    measured[rows] = {"rows": count, "peak": peak, "inputs": table.nbytes}
print(json.dumps(measured))
"""


def test_streaming_holds_at_most_twice_the_input_columns() -> None:
    """The Arrow pools (the default one and the system pool of the results) while streaming 200,000 rows in batches of 10,000 (in a process of its
    own, so nothing else allocates): one batch's results at a time — within twice the input
    columns, and no more than when streaming 20,000 rows."""
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    small, large = json.loads(done.stdout).values()
    assert large["rows"] == 200_000
    assert large["peak"] <= 2 * large["inputs"], large
    # a batch's worth, not the table's: ten times the rows, about the same peak
    assert large["peak"] <= 1.5 * small["peak"], (small, large)
