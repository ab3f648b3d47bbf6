"""Batch scoring (批量评分): a whole table of indicators in one call, columnar.

Needs pyarrow (需要 pyarrow): ``pip install 'indicatorkit[arrow]'``; pandas and polars frames
are read and returned when those are installed.  Nothing else in indicatorkit imports
pyarrow or numpy: this package is imported only on use.

:func:`score_table` reads each distinct target and actual once, decides numeric comparisons
and scores them (met: full marks; missed: the rule set's partial credit, rounded as a row) on
int64 columns (numpy) from the public bounds seam (:meth:`Comparison.threshold
<indicatorkit.Comparison.threshold>`), and scores everything else — sentences, deadlines,
periods, undecided rows — by :func:`score_indicator <indicatorkit.scoring.score_indicator>`
once per distinct (target, actual, weight, direction): the rule sets stay the one definition,
and a property test holds the two equal row by row.  :func:`score_batches` streams: it yields
each record batch's results before reading the next, and :func:`write_scored_parquet` writes
them to Parquet a batch at a time.  :func:`compile_target_book` reads a table's distinct
targets once into a :class:`TargetBook` that pickles: partitions scored on other machines take
their targets from it (``docs/guides/distributed.md``).

>>> import pyarrow as pa
>>> from indicatorkit.batch import score_table
>>> scored = score_table(pa.table({
...     "department": ["教育局", "教育局"],
...     "target": ["≥200件", "≤2%"], "actual": ["150件", "1.5%"],
...     "weight": [20, 10], "direction": [None, "反向"],
... }))
>>> scored.select(["department", "outcome", "score", "attainment"]).to_pylist()[0]
{'department': '教育局', 'outcome': 'missed', 'score': '15', 'attainment': '0.75'}
>>> scored.column("score_numerator").to_pylist(), scored.column("met").to_pylist()
([15, 10], [False, True])

The columns read (``INPUT_COLUMNS``), passed through (``KEY_COLUMNS``) and added
(``RESULT_COLUMNS``):

>>> INPUT_COLUMNS, KEY_COLUMNS[:2], RESULT_COLUMNS[:2]
(('target', 'actual', 'weight', 'direction'), ('department', 'project'), ('outcome', 'met'))
"""

from __future__ import annotations

try:
    import pyarrow as _pyarrow
except ImportError as error:  # pragma: no cover - tested where pyarrow is missing
    if error.name != "pyarrow":
        raise
    raise ImportError(
        "indicatorkit.batch 需要 pyarrow，请安装：pip install 'indicatorkit[arrow]' "
        "(indicatorkit.batch needs pyarrow: pip install 'indicatorkit[arrow]')",
        name=error.name,
    ) from error

from indicatorkit.batch.book import TargetBook, compile_target_book
from indicatorkit.batch.stream import score_batches, write_scored_parquet
from indicatorkit.batch.table import (
    INPUT_COLUMNS,
    KEY_COLUMNS,
    RESULT_COLUMNS,
    BatchInputError,
    score_table,
)

__all__ = [
    "INPUT_COLUMNS",
    "KEY_COLUMNS",
    "RESULT_COLUMNS",
    "BatchInputError",
    "TargetBook",
    "compile_target_book",
    "score_batches",
    "score_table",
    "write_scored_parquet",
]

del _pyarrow
