"""A table's distinct targets compiled once (目标一次编译), as a value that travels: a
:class:`TargetBook`.

Scoring a table partitioned — a Dask ``map_partitions``, a Spark ``mapInArrow`` — reads in every
partition each distinct target the partition holds, though most targets recur across
partitions: every worker would read nearly all of them again.  A book reads them once (on the
driver, or on each worker for its own files; :meth:`TargetBook.union` merges books), holds what
:func:`~indicatorkit.batch.compiled.compile_targets` makes of each for every direction, as Arrow
and numpy columns, with the unit registry they were read in, and pickles compactly (the
columns' bytes and the registry's definitions).  ``score_table(part, book=book)`` then takes
each of its targets from the book and reads only a target the book does not hold — so a
partition the book was not compiled from is still scored correctly, never from a wrong row.
Dimensions travel by name (their codes are each process's own).

>>> import pickle
>>> import pyarrow as pa
>>> from indicatorkit.batch import compile_target_book, score_table
>>> from indicatorkit.units import default_registry
>>> table = pa.table({"target": ["≥95%", "≤2%", "及时足额发放", "≥95%"],
...                   "actual": ["96%", "3%", "达成", "90%"], "weight": [10, 10, 10, 10]})
>>> book = compile_target_book(table, units=default_registry())  # 出厂单位 / the shipped units
>>> book
TargetBook(3 targets, 2 compiled, units=UnitRegistry([]))
>>> shipped = pickle.loads(pickle.dumps(book))  # what a worker receives
>>> score_table(table.slice(2), book=shipped).column("score").to_pylist()
['10', '9.47']
>>> score_table(pa.table({"target": ["≥10件"], "actual": ["12件"], "weight": [5]}),
...             book=shipped).column("outcome").to_pylist()  # not in the book: read here
['met']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from indicatorkit.batch.compiled import (
    CompiledTargets,
    compile_targets,
    dimension_code,
    nothing_compiled,
)
from indicatorkit.batch.compiled import dimension_names as _dimension_names
from indicatorkit.batch.table import BatchInputError
from indicatorkit.language.bounds import Direction
from indicatorkit.units import UnitRegistry, registry_in_use

__all__ = ["DIRECTIONS", "TargetBook", "compile_target_book"]

#: The directions a book compiles each target for: none given, 正向, 反向.
DIRECTIONS: tuple[Direction | None, ...] = (None, *Direction)

Flags = npt.NDArray[np.bool_]
Int32s = npt.NDArray[np.int32]
Ints = npt.NDArray[np.int64]
_TEXT_TYPES = (pa.string(), pa.large_string())


@attrs.frozen(eq=False, repr=False)
class TargetBook:
    """Distinct target ``texts`` and what each compiles to, in the registry ``units``: columns
    indexed ``[text, direction]`` (the directions of :data:`DIRECTIONS`) — ``compiled``,
    ``operator``, the threshold ``base_numerator / base_denominator``, ``lower_bound`` — and
    indexed ``[text]``: the value ``value_numerator / value_denominator`` and the
    ``dimension``, an index into ``dimensions`` (-1: none).  The numbers are int64, as
    compiled: the overflow guard admits up to 2⁶² (``batch.compiled.GUARD``), so a narrower
    column would wrap them.  Made by :func:`compile_target_book`.

    >>> book = compile_target_book(["<5万元", "及时"])
    >>> len(book), "<5万元" in book, book.dimensions, book.base_numerator.tolist()[0]
    (2, True, ('[money]',), [50000, 50000, 50000])
    """

    texts: pa.Array
    units: UnitRegistry
    compiled: Flags
    operator: npt.NDArray[np.int8]
    base_numerator: Ints
    base_denominator: Ints
    lower_bound: Flags
    value_numerator: Ints
    value_denominator: Ints
    dimension: Int32s
    dimensions: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        if not self._consistent():
            raise BatchInputError(
                f"目标簿的列与其 {len(self.texts)} 个指标值不符 (the book's columns do not fit "
                f"its {len(self.texts)} targets); 请用 compile_target_book 编译 "
                "(a book is made by compile_target_book)"
            )

    def _consistent(self) -> bool:
        """The texts distinct strings, every column one row a text, each dimension named."""
        size, ways = len(self.texts), len(DIRECTIONS)
        shapes = [getattr(self, name).shape for name in _FIELDS]
        return (
            self.texts.type == pa.string()
            and self.texts.null_count == 0
            and shapes == [(size, ways)] * 5 + [(size,)] * 3
            and bool(((self.dimension >= -1) & (self.dimension < len(self.dimensions))).all())
        )

    def __len__(self) -> int:
        return len(self.texts)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and bool(pc.is_in(pa.scalar(text), value_set=self.texts))

    def __repr__(self) -> str:
        compiled = int(self.compiled.any(axis=1).sum())
        return f"TargetBook({len(self)} targets, {compiled} compiled, units={self.units!r})"

    def registry(self, units: UnitRegistry | None) -> UnitRegistry:
        """The registry a table scored with this book is read in: the book's own, which
        ``units`` (when given) must equal — targets read in other units would score wrongly.

        >>> from indicatorkit.units import default_registry
        >>> book = compile_target_book(["≥5件"], units=default_registry())
        >>> book.registry(None) is book.units, book.registry(default_registry()) is book.units
        (True, True)
        >>> try:
        ...     book.registry(default_registry().define("樘 = [樘]"))
        ... except BatchInputError as error:
        ...     print(str(error).split(":")[0])
        目标簿按另一单位表编译 (the book was compiled in other units)
        """
        if units is None or units == self.units:
            return self.units
        raise BatchInputError(
            "目标簿按另一单位表编译 (the book was compiled in other units): "
            f"目标簿 / book {self.units!r}, 给定 / given {units!r}; "
            "用同一单位表编译或打分 (compile and score with the same registry)"
        )

    def compile(
        self, texts: pa.Array, directions: Sequence[Direction | None], units: UnitRegistry | None
    ) -> CompiledTargets:
        """What :func:`~indicatorkit.batch.compiled.compile_targets` gives ``texts`` (distinct
        target texts, a string column) for ``directions``: taken from the book for each text it
        holds, read here (in :meth:`registry`) for each it does not.

        >>> import pyarrow as pa
        >>> book = compile_target_book(["≥95%"])
        >>> book.compile(pa.array(["<5件", "≥95%", None]), [None], None).base_numerator.tolist()
        [[5], [19], [0]]
        """
        registry = self.registry(units)
        column = texts if texts.type == pa.string() else texts.cast(pa.string())
        where = _places(column, self.texts)
        found = where >= 0
        rows = where[found]
        ways = np.array([DIRECTIONS.index(direction) for direction in directions], np.int64)
        cells = np.ix_(rows, ways)
        out = nothing_compiled(len(column), len(ways))
        for name in _AS_COMPILED:  # the dimension below: the book's codes are its own
            held = getattr(self, name)
            getattr(out, name)[found] = held[cells] if held.ndim == 2 else held[rows]
        codes = np.array([*map(dimension_code, self.dimensions), -1], np.int64)
        out.dimension[found] = codes[self.dimension[rows]]
        missing = ~found & column.is_valid().to_numpy(zero_copy_only=False)
        if missing.any():  # not in the book: read here, as without one
            read = compile_targets(column.filter(pa.array(missing)), directions, registry)
            for name in _FIELDS:
                getattr(out, name)[missing] = getattr(read, name)
        return out

    @classmethod
    def union(cls, books: Iterable[TargetBook]) -> TargetBook:
        """One book holding every text of ``books`` (all compiled in the same units): books
        compiled apart — each worker a share of the distinct targets — made one.

        >>> both = TargetBook.union([compile_target_book(["≥5件"]), compile_target_book(["≥5件", "<2%"])])
        >>> both.texts.to_pylist(), both.dimensions
        (['≥5件', '<2%'], ('[ratio]', '[件]'))
        """
        found = list(books)
        if not found:
            raise BatchInputError("没有目标簿可合并 (no book to unite)")
        units = found[0].units
        for book in found[1:]:
            book.registry(units)  # the same units, or the error saying so
        dimensions = tuple(sorted({name for book in found for name in book.dimensions}))
        texts = pa.concat_arrays([book.texts for book in found])
        first = pc.index_in(pc.unique(texts), value_set=texts).to_numpy(zero_copy_only=False)
        columns = {
            name: np.concatenate([getattr(book, name) for book in found])[first]
            for name in _AS_COMPILED
        }
        recoded = [
            np.array([*map(dimensions.index, book.dimensions), -1], np.int32)[book.dimension]
            for book in found
        ]
        return cls(
            texts=texts.take(pa.array(first)),
            units=units,
            dimension=np.concatenate(recoded)[first],
            dimensions=dimensions,
            **columns,
        )


def _places(texts: pa.Array, held: pa.Array) -> Ints:
    """Where each of ``texts`` is in ``held`` (distinct strings), -1 where it is not: the
    smaller of the two is hashed (a book holds more texts than a partition, and it is looked
    up in every partition: hashing it each time cost more than the rest of the look-up).

    >>> _places(pa.array(["乙", None, "丙"]), pa.array(["甲", "乙"])).tolist()
    [1, -1, -1]
    >>> _places(pa.array(["乙", "甲"]), pa.array(["甲", "乙", "丙"])).tolist()
    [1, 0]
    """
    if len(held) <= len(texts):
        place = pc.fill_null(pc.index_in(texts, value_set=held), -1)
        return np.asarray(place.to_numpy(zero_copy_only=False), np.int64)
    inverse = pc.index_in(held, value_set=texts)  # each held text's place among ``texts``
    found = inverse.is_valid().to_numpy(zero_copy_only=False)
    where = np.full(len(texts), -1, np.int64)
    where[inverse.drop_null().to_numpy()] = np.flatnonzero(found)
    return where


#: The columns a book and :class:`CompiledTargets` share.
_FIELDS = tuple(field.name for field in attrs.fields(CompiledTargets))
#: Those held as compiled: all but the dimension, whose codes are each process's own (a book
#: holds its own codes into its named ``dimensions``).
_AS_COMPILED = tuple(name for name in _FIELDS if name != "dimension")


def compile_target_book(source: Any, *, units: UnitRegistry | None = None) -> TargetBook:
    """Read each distinct target of ``source`` once — a table's ``target`` column (pyarrow
    ``Table`` or ``RecordBatch``, pandas or polars frame), or a column or sequence of target
    texts — into a :class:`TargetBook` for ``score_table(..., book=...)``, in ``units``
    (default: :func:`~indicatorkit.units.registry_in_use`, which the book then carries).

    >>> book = compile_target_book(["≥95%", "≥95%", None, "2025年底前"])
    >>> book.texts.to_pylist(), book.compiled.tolist()
    (['≥95%', '2025年底前'], [[True, True, True], [False, False, False]])
    """
    registry = registry_in_use() if units is None else units
    texts = _distinct_texts(source)
    read = compile_targets(texts, DIRECTIONS, registry)
    names = _dimension_names()
    used = sorted({names[code] for code in np.unique(read.dimension).tolist() if code >= 0})
    recode = np.full(len(names) + 1, -1, np.int32)  # a process code → the book's (-1 → -1)
    for index, name in enumerate(used):
        recode[dimension_code(name)] = index
    columns = {name: getattr(read, name) for name in _AS_COMPILED}
    return TargetBook(
        texts=texts,
        units=registry,
        dimension=recode[read.dimension],
        dimensions=tuple(used),
        **columns,
    )


def _distinct_texts(source: Any) -> pa.Array:
    """The distinct non-null target texts of ``source``, as a fresh string array (its own
    buffers: it pickles alone)."""
    if isinstance(source, pa.Table | pa.RecordBatch) or hasattr(source, "columns"):
        source = _target_column(source)
    elif type(source).__module__.split(".")[0] == "polars":
        source = source.to_arrow()
    if not isinstance(source, pa.Array | pa.ChunkedArray):
        try:
            source = pa.array(source, from_pandas=True)
        except (pa.ArrowException, TypeError, ValueError) as error:
            raise BatchInputError(
                f"目标列读不出文本 (the targets are not a column of text): {error}"
            ) from None
    if pa.types.is_dictionary(source.type):
        source = source.cast(source.type.value_type)
    if pa.types.is_null(source.type):
        source = source.cast(pa.string())
    if source.type not in _TEXT_TYPES and not pa.types.is_string_view(source.type):
        raise BatchInputError(
            f"列 target 应为文本，而不是 {source.type} (column target must hold text): "
            "指标值按表中所写读取 / targets are read as written"
        )
    distinct: pa.Array = pc.drop_null(pc.unique(source)).cast(pa.string())
    return distinct


def _target_column(table: Any) -> Any:
    """The ``target`` column of a pyarrow table or record batch, or of a pandas or polars frame."""
    arrow = isinstance(table, pa.Table | pa.RecordBatch)
    names = table.schema.names if arrow else list(table.columns)
    if "target" not in names:
        raise BatchInputError(
            "缺少列 target (column target is missing); 表中的列 / columns: "
            f"{', '.join(map(str, names))}"
        )
    if arrow:
        return table.column("target")
    column = table["target"]
    return column.to_arrow() if type(column).__module__.split(".")[0] == "polars" else column
