"""Streaming batch scoring (流式批量评分): results produced one Arrow ``RecordBatch`` at a time,
so that a table larger than memory — a Parquet file read batch by batch, a Spark partition —
is scored in the memory of one batch, and written out the same way.

:func:`score_batches` scores each batch as :func:`~indicatorkit.batch.score_table` scores a
table (the same code: a batch's results are its rows' results) and yields it before reading
the next; :func:`write_scored_parquet` writes them to a Parquet file a batch (a row group) at a
time, the file replaced only when written whole.

>>> import pyarrow as pa
>>> from indicatorkit.batch import score_batches
>>> table = pa.table({"target": ["≥95%", "≥95%", "≤2%"], "actual": ["96%", "76%", "1.5%"],
...                   "weight": [10, 10, 10]})
>>> for batch in score_batches(table.to_batches(max_chunksize=2)):
...     print(batch.num_rows, batch.column("score").to_pylist())
2 ['10', '8']
1 ['10']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from indicatorkit.batch.table import BatchInputError, score_arrow
from indicatorkit.formats.output import replacing
from indicatorkit.scoring.rules import RuleSet, rule_set
from indicatorkit.units import UnitRegistry

if TYPE_CHECKING:
    from indicatorkit.batch.book import TargetBook

__all__ = ["score_batches", "write_scored_parquet"]

#: Rows a batch holds when a whole ``Table`` is streamed.
BATCH_ROWS = 65_536


def _batches(source: Any) -> Iterator[pa.RecordBatch]:
    if isinstance(source, pa.Table):
        yield from source.to_batches(max_chunksize=BATCH_ROWS)
        return
    if isinstance(source, pa.RecordBatch):
        yield source
        return
    if isinstance(source, str | bytes) or not isinstance(source, Iterable | pa.RecordBatchReader):
        raise BatchInputError(
            f"需要 RecordBatch 的流（RecordBatchReader、Table 或批的序列），而不是 "
            f"{type(source).__name__} (score_batches needs record batches: a reader, a table or "
            "an iterable of batches)"
        )
    for position, batch in enumerate(source, start=1):
        if not isinstance(batch, pa.RecordBatch):
            raise BatchInputError(
                f"第 {position} 批不是 RecordBatch，而是 {type(batch).__name__} "
                f"(batch {position} is not a pyarrow RecordBatch)"
            )
        yield batch


def score_batches(
    batches: Any,
    *,
    rules: RuleSet | str | None = None,
    units: UnitRegistry | None = None,
    book: TargetBook | None = None,
) -> Iterator[pa.RecordBatch]:
    """Score a stream of record batches — a ``pyarrow.RecordBatchReader`` (a Parquet or CSV
    file read in batches), a ``Table`` (streamed in batches of :data:`BATCH_ROWS`), one
    ``RecordBatch`` or any iterable of them — yielding each batch's results (the columns of
    :func:`~indicatorkit.batch.score_table`) before reading the next.  Rows are counted
    across batches in errors; a ``book`` (:func:`~indicatorkit.batch.compile_target_book`)
    serves every batch.

    >>> import pyarrow as pa
    >>> from indicatorkit.batch import BatchInputError
    >>> good = pa.record_batch({"target": ["≥1件"], "weight": [5]})
    >>> bad = pa.record_batch({"target": ["≥1件"], "weight": [-5]})
    >>> try:
    ...     list(score_batches([good, bad]))
    ... except BatchInputError as error:
    ...     print(str(error).split(":")[0])
    列 weight 第 2 行“-5”不是分值 (column weight, row 2
    """
    chosen = rule_set(rules)
    first_row = 1
    for batch in _batches(batches):
        scored = score_arrow(
            pa.Table.from_batches([batch]), chosen, units, first_row=first_row, book=book
        )
        first_row += batch.num_rows
        yield pa.RecordBatch.from_arrays(
            [column.combine_chunks() for column in scored.columns], schema=scored.schema
        )


def write_scored_parquet(
    batches: Any,
    path: str | Path,
    *,
    rules: RuleSet | str | None = None,
    units: UnitRegistry | None = None,
    book: TargetBook | None = None,
) -> int:
    """Score ``batches`` (as :func:`score_batches` takes them) into the Parquet file ``path``,
    one row group a batch (a ``book``'s targets taken from it), and return the rows written.
    Only one batch's results are held at a time; ``path`` is replaced only when the whole
    stream is written (a bad row halfway leaves the old file).

    >>> import tempfile, pathlib, pyarrow as pa, pyarrow.parquet as pq
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "结果.parquet"
    >>> table = pa.table({"target": ["≥95%"] * 3, "actual": ["96%", "90%", None], "weight": [10] * 3})
    >>> write_scored_parquet(table.to_batches(max_chunksize=2), target)
    3
    >>> pq.read_table(target).column("outcome").to_pylist()
    ['met', 'missed', 'actual missing']
    """
    written = 0
    with replacing(path) as temporary:
        writer: pq.ParquetWriter | None = None
        try:
            for scored in score_batches(batches, rules=rules, units=units, book=book):
                if writer is None:
                    writer = pq.ParquetWriter(temporary, scored.schema)
                writer.write_batch(scored)
                written += scored.num_rows
            if writer is None:  # no batch at all: the result columns of an empty table
                empty = score_arrow(
                    pa.table(
                        {"target": pa.array([], pa.string()), "weight": pa.array([], pa.int64())}
                    ),
                    rule_set(rules),
                    units,
                )
                pq.write_table(empty, temporary)
        finally:
            if writer is not None:
                writer.close()
    return written
