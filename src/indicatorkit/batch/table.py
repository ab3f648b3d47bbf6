"""``score_table``: score a table of indicators (pyarrow, pandas or polars) in one call.

Each distinct target and actual is read once (the columns are dictionary-encoded), the
distinct (target, actual, weight, direction) combinations (:mod:`indicatorkit.batch.combinations`)
are evaluated once each (:mod:`indicatorkit.batch.evaluate`) and the results are gathered back to
the rows (:mod:`indicatorkit.batch.result`), each per-combination column let go once gathered.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from indicatorkit.batch.combinations import CombinationKey
from indicatorkit.batch.compiled import compile_actuals, compile_targets
from indicatorkit.batch.evaluate import Evaluated, evaluate
from indicatorkit.batch.memory import on_small_pages
from indicatorkit.batch.result import gathered
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.bounds import Direction
from indicatorkit.scoring.indicator import _weight
from indicatorkit.scoring.rules import RuleSet, rule_set
from indicatorkit.units import UnitRegistry

if TYPE_CHECKING:
    from indicatorkit.batch.book import TargetBook

__all__ = [
    "INPUT_COLUMNS",
    "KEY_COLUMNS",
    "RESULT_COLUMNS",
    "BatchInputError",
    "score_arrow",
    "score_table",
]

#: The columns read: ``target`` and ``weight`` are required, ``actual`` and ``direction``
#: may be left out (every actual missing; no direction).
INPUT_COLUMNS = ("target", "actual", "weight", "direction")
#: Keys passed through to the result when present.
KEY_COLUMNS = ("department", "project", "level1", "level2", "level3", "year")
#: The columns added.
RESULT_COLUMNS = (
    "outcome",
    "met",
    "attainment_numerator",
    "attainment_denominator",
    "score_numerator",
    "score_denominator",
    "attainment",
    "score",
    "attainment_display",
    "score_display",
    "message",
)

#: Per-row codes (dictionary indices, each row's combination): int32, as Arrow gives them.
Codes = npt.NDArray[np.int32]
_TEXT_TYPES = (pa.string(), pa.large_string())


class BatchInputError(IndicatorkitError):
    """A table :func:`score_table` cannot read: not a table, a column missing or of the
    wrong type, or a cell that is not a weight or a direction — located by column and row
    (counted from 1).

    >>> import pyarrow as pa
    >>> from indicatorkit.batch import score_table
    >>> try:
    ...     score_table(pa.table({"target": ["≥95%"], "weight": ["-1"]}))
    ... except BatchInputError as error:
    ...     print(error)
    列 weight 第 1 行“-1”不是分值 (column weight, row 1: not a weight): 分值必须是非负数 (a weight must be ≥ 0): -1
    """


def score_table(
    table: Any,
    *,
    rules: RuleSet | str | None = None,
    units: UnitRegistry | None = None,
    book: TargetBook | None = None,
) -> Any:
    """Score every row of ``table`` — a pyarrow ``Table`` or ``RecordBatch``, or a pandas or
    polars data frame — as :func:`~indicatorkit.scoring.score_indicator` scores one indicator, under
    ``rules``; the result is the same kind of table, with the key and input columns and
    :data:`RESULT_COLUMNS`.  With a ``book`` (:func:`~indicatorkit.batch.compile_target_book`)
    the targets it holds are taken from it, not read again, in its units.

    >>> import pyarrow as pa
    >>> from indicatorkit.batch import score_table
    >>> rows = pa.table({
    ...     "target": ["≥95%", "≥95%", "≤2%", "及时足额发放"],
    ...     "actual": ["96%", "76%", "1.5%", "部分达成"],
    ...     "weight": [10, 10, 10, 10],
    ... })
    >>> scored = score_table(rows)
    >>> scored.column("outcome").to_pylist()
    ['met', 'missed', 'met', 'partly met']
    >>> scored.column("score").to_pylist(), scored.column("score_display").to_pylist()
    (['10', '8', '10', '7'], ['10.00', '8.00', '10.00', '7.00'])
    """
    arrow, back = _as_arrow(table)
    return back(score_arrow(arrow, rule_set(rules), units, book=book))


@on_small_pages  # numpy's large arrays on ordinary pages: batch/memory.py
def score_arrow(
    arrow: pa.Table,
    rules: RuleSet,
    units: UnitRegistry | None,
    *,
    first_row: int = 1,
    book: TargetBook | None = None,
) -> pa.Table:
    """:func:`score_table` of a pyarrow ``Table`` under a rule set already chosen; errors
    count rows from ``first_row`` (a batch's place in a stream).

    >>> import pyarrow as pa
    >>> from indicatorkit import NATIONAL
    >>> score_arrow(pa.table({"target": ["≥5件"], "actual": ["4件"], "weight": [10]}),
    ...             NATIONAL, None).column("score").to_pylist()
    ['8']
    """
    rows = arrow.num_rows
    units = units if book is None else book.registry(units)
    # each column's codes folded into one key as it is encoded, chunk by chunk: never four
    # per-row arrays, never a column's codes copied into one
    key = CombinationKey(rows)
    target_texts = _added(key, _text_column(arrow, "target"))[1]
    actual_texts = _added(key, _column(arrow, "actual", rows))[1]
    weight_index, raw_weights = _added(key, _column(arrow, "weight", rows, required=True))
    weights = [
        _read_weight(value, weight_index, code, first_row)
        for code, value in enumerate(raw_weights.to_pylist())
    ]
    del weight_index
    way_index, raw_ways = _added(key, _column(arrow, "direction", rows))
    ways = [
        _read_direction(value, way_index, code, first_row)
        for code, value in enumerate(raw_ways.to_pylist())
    ]
    del way_index
    combos, inverse = key.combinations()
    del key
    # no name for the Evaluated: _let_go holds the only reference, and lets it go
    evaluated = _let_go(
        evaluate(
            (combos[0], combos[1], combos[2], combos[3]),
            (_Values(target_texts), _Values(actual_texts), weights, ways),
            (
                compile_targets(target_texts, ways, units)
                if book is None
                else book.compile(target_texts, ways, units),
                compile_actuals(actual_texts, units),
            ),
            rules,
            units,
        )
    )
    del combos, target_texts, actual_texts  # only the rows' combinations from here
    columns = gathered(evaluated, inverse, rules.rounding)
    kept = [name for name in (*KEY_COLUMNS, *INPUT_COLUMNS) if name in arrow.column_names]
    return pa.table(
        {name: arrow.column(name) for name in kept}
        | {name: columns[name] for name in RESULT_COLUMNS}
    )


def _let_go(scored: Evaluated) -> dict[str, Any]:
    """``scored``'s columns by name, for :func:`~indicatorkit.batch.result.gathered` to drop each once gathered to the
    rows (the readers keep no reference cycle that could hold ``scored``:
    ``tests/test_reading_cycles.py``).

    >>> import numpy as np
    >>> from indicatorkit import NATIONAL
    >>> one, texts = (np.array([0]),) * 4, (["≥5件"], ["4件"])
    >>> compiled = compile_targets(texts[0], [None], None), compile_actuals(texts[1], None)
    >>> scored = evaluate(one, (*texts, [Fraction(10)], [None]), compiled, NATIONAL, None)
    >>> _let_go(scored)["score_numerator"].tolist()
    [8]
    """
    columns = attrs.asdict(scored, recurse=False)
    del scored
    return columns


def _added(key: CombinationKey, column: pa.Array | pa.ChunkedArray) -> tuple[list[Codes], pa.Array]:
    """``column`` dictionary-encoded (:func:`_encode`), its codes folded into ``key``."""
    codes, values = _encode(column)
    key.add(codes, len(values))
    return codes, values


class _Values(Sequence[Any]):
    """An Arrow column's values, each made a Python object only when asked for (the
    fallback asks for a few; a list of every distinct target or actual would cost memory).

    >>> _Values(pa.array(["96%", None]))[1] is None
    True
    """

    def __init__(self, array: pa.Array) -> None:
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, index: Any) -> Any:
        return self.array[index].as_py()


def _as_arrow(table: Any) -> tuple[pa.Table, Any]:
    if isinstance(table, pa.Table):
        return table, lambda result: result
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table]), lambda result: result.combine_chunks().to_batches()[
            0
        ]
    module = type(table).__module__.split(".")[0]
    if module == "pandas":
        return pa.Table.from_pandas(table, preserve_index=False), lambda result: result.to_pandas()
    if module == "polars":
        import polars

        return table.to_arrow(), polars.from_arrow
    raise BatchInputError(
        f"需要 pyarrow Table / RecordBatch 或 pandas / polars 数据框，而不是 {type(table).__name__} "
        "(score_table needs a pyarrow Table or RecordBatch, or a pandas or polars data frame)"
    )


def _column(
    table: pa.Table, name: str, rows: int, *, required: bool = False
) -> pa.Array | pa.ChunkedArray:
    if name not in table.column_names:
        if required:
            raise BatchInputError(
                f"缺少列 {name} (column {name} is missing); 表中的列 / columns: "
                f"{', '.join(table.column_names)}; 需要 / needed: target, weight"
            )
        return pa.nulls(rows, pa.string())
    return table.column(name)  # its chunks as they are: no copy of the texts


def _text_column(table: pa.Table, name: str) -> pa.Array | pa.ChunkedArray:
    column = _column(table, name, table.num_rows, required=True)
    if pa.types.is_null(column.type):
        return column.cast(pa.string())
    kind = column.type.value_type if pa.types.is_dictionary(column.type) else column.type
    if kind not in _TEXT_TYPES and not pa.types.is_string_view(kind):
        raise BatchInputError(
            f"列 {name} 应为文本，而不是 {column.type} (column {name} must hold text): "
            "指标值按表中所写读取 / targets are read as written"
        )
    return column


def _encode(column: pa.Array | pa.ChunkedArray) -> tuple[list[Codes], pa.Array]:
    """Each row's index into the distinct values (nulls encoded as one value, null), chunk by
    chunk as the column comes (Arrow's own index arrays: no copy).  A dictionary column
    (Parquet read with ``read_dictionary``, a pandas categorical) keeps its dictionary
    (:func:`_from_dictionary`): its texts are not hashed again.

    >>> codes, values = _encode(pa.chunked_array([["甲", None], ["乙", "甲"]]))
    >>> [part.tolist() for part in codes], values.to_pylist()
    ([[0, 1], [2, 0]], ['甲', None, '乙'])
    """
    if pa.types.is_dictionary(column.type):
        return _from_dictionary(column)
    encoded = pc.dictionary_encode(column, null_encoding="encode")
    chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
    if not chunks:
        return [], pa.array([], column.type)
    dictionary = chunks[-1].dictionary  # each chunk's is the one so far: the last holds all
    if any(len(chunk.dictionary) != len(dictionary) for chunk in chunks):  # pragma: no cover
        return _encode(column.combine_chunks())  # an Arrow that encodes chunks apart
    codes = [chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks]
    return [part.astype(np.int32, copy=False) for part in codes], dictionary


def _from_dictionary(column: pa.Array | pa.ChunkedArray) -> tuple[list[Codes], pa.Array]:
    """:func:`_encode` of a dictionary column: its chunks' dictionaries one after another (a
    chunk's indices moved past the ones before; chunks sharing one dictionary, as a Parquet row
    group's batches do, share its place), a null row given an entry of its own (null),
    then the entries no row uses, or that repeat another's value (within a chunk's dictionary
    or across chunks), left out — their values would be read for nothing.

    >>> chunks = [pa.array(["乙", "甲", None]).dictionary_encode(),
    ...           pa.DictionaryArray.from_arrays(pa.array([1, 0], pa.int32()), ["丙", "甲", "丙"])]
    >>> codes, values = _from_dictionary(pa.chunked_array(chunks))
    >>> [part.tolist() for part in codes], values.to_pylist()
    ([[0, 1, 3], [1, 2]], ['乙', '甲', '丙', None])
    >>> repeated = pa.DictionaryArray.from_arrays(pa.array([2, 0], pa.int32()), ["甲", "乙", "甲"])
    >>> codes, values = _from_dictionary(repeated)  # entry 1 unused, 0 and 2 alike
    >>> [part.tolist() for part in codes], values.to_pylist()
    ([[0, 0]], ['甲'])
    """
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    if not chunks:
        return [], pa.array([], column.type.value_type)
    places: dict[tuple[int, ...], int] = {}
    dictionaries, codes, entries = [], [], 0
    for chunk in chunks:
        place = _identity(chunk.dictionary)
        if place not in places:
            places[place] = entries
            dictionaries.append(chunk.dictionary)
            entries += len(chunk.dictionary)
        offset = places[place]
        codes.append(chunk.indices.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int32))
        if offset:
            codes[-1] += offset
    for chunk, part in zip(chunks, codes, strict=True):
        if chunk.null_count:  # the null rows' entry: after every dictionary's
            part[chunk.is_null().to_numpy(zero_copy_only=False)] = entries
    if any(chunk.null_count for chunk in chunks):
        dictionaries.append(pa.nulls(1, dictionaries[0].type))
    values = dictionaries[0] if len(dictionaries) == 1 else pa.concat_arrays(dictionaries)
    used = np.zeros(len(values), np.bool_)
    for part in codes:
        used[part] = True
    kept = np.flatnonzero(used)
    encoded = pc.dictionary_encode(values.take(pa.array(kept)), null_encoding="encode")
    if len(encoded.dictionary) == len(values):  # every entry used, each value once
        return codes, values
    renumbered = np.zeros(len(values), np.int32)
    renumbered[kept] = encoded.indices.to_numpy(zero_copy_only=False)
    return [renumbered[part] for part in codes], encoded.dictionary


def _identity(dictionary: pa.Array) -> tuple[int, ...]:
    """Where ``dictionary``'s values are in memory: equal for chunks that share it.

    >>> shared = pa.array(["甲", "乙"])
    >>> chunk = pa.DictionaryArray.from_arrays(pa.array([1, 0], pa.int32()), shared)
    >>> _identity(chunk.dictionary) == _identity(shared), _identity(pa.array(["甲", "乙"])) == _identity(shared)
    (True, False)
    """
    buffers = (0 if buffer is None else buffer.address for buffer in dictionary.buffers())
    return (dictionary.offset, len(dictionary), *buffers)


def _row(codes: list[Codes], code: int, first_row: int) -> int:
    """The first row holding ``code``, counted from ``first_row``."""
    offset = first_row
    for part in codes:
        found = np.flatnonzero(part == code)
        if len(found):
            return int(found[0]) + offset
        offset += len(part)
    raise AssertionError(f"no row holds code {code}")  # pragma: no cover - a code is a row's


def _read_weight(value: Any, indices: list[Codes], code: int, first_row: int) -> Fraction:
    if value is None:
        raise BatchInputError(
            f"列 weight 第 {_row(indices, code, first_row)} 行为空 "
            "(column weight: a row has no weight)"
        )
    try:
        return _weight(value)
    except (ValueError, TypeError, ArithmeticError) as error:
        row = _row(indices, code, first_row)
        raise BatchInputError(
            f"列 weight 第 {row} 行“{value}”不是分值 (column weight, row {row}: not a weight): "
            f"{error}"
        ) from None


def _read_direction(
    value: Any, indices: list[Codes], code: int, first_row: int
) -> Direction | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return Direction(value.strip() if isinstance(value, str) else value)
    except ValueError:
        row = _row(indices, code, first_row)
        raise BatchInputError(
            f"列 direction 第 {row} 行“{value}”不是指标方向 "
            f"(column direction, row {row}: not a direction); "
            "应为 正向 / 反向 或空 (正向 / 反向 or blank)"
        ) from None
