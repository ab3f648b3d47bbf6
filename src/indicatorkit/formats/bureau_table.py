"""A bureau's ranking as one table (``indicatorkit score --departments``): a row per
department in rank order, then the bureau's summary row — as rows for CSV (through
:func:`~indicatorkit.formats.inert_cells.write_csv`, no live formula), as text, and as a Parquet
file (pyarrow).  Totals are shown with the rule set's places and given exactly beside.

>>> from indicatorkit import loads
>>> from indicatorkit.scoring.departments import score_departments
>>> spec = loads("项目 1 甲\\n  预算：100元\\n  执行数：100元\\n  指标 产出指标 / 数量指标 / 数\\n"
...     "    指标值：≥3件\\n    分值：90\\n    实际值：2件\\n")
>>> bureau = score_departments([("=司法局", spec)], rules="whole-points")
>>> for row in bureau_rows(bureau):
...     print(row)
('1', '=司法局', '', '1', '1', '70', '70', '70', '70', '中')
('局汇总 bureau', '1 个部门 departments', '', '1', '1', '70', '', '', '70', '中')
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from indicatorkit.formats.extras import require
from indicatorkit.formats.output import replacing
from indicatorkit.numerals import format_decimal_or_none
from indicatorkit.scoring.departments import BureauScore, DepartmentStanding
from indicatorkit.scoring.indicator import UNDECIDED
from indicatorkit.scoring.rules import Rounding

__all__ = ["BUREAU_COLUMNS", "bureau_rows", "bureau_text", "write_bureau_parquet"]

#: The columns of :func:`bureau_rows`, Chinese first, English beside.
BUREAU_COLUMNS = (
    "排名 rank",
    "部门 department",
    "来源 source",
    "项目数 projects",
    "指标数 indicators",
    "总分 total",
    "总分下限 low",
    "总分上限 high",
    "总分精确值 exact",
    "等级 grade",
)


def _department(standing: DepartmentStanding, rounding: Rounding) -> tuple[str, ...]:
    low, high = standing.total_range or (None, None)
    return (
        "" if standing.rank is None else str(standing.rank),
        standing.name,
        standing.source,
        str(standing.projects),
        str(standing.indicators),
        rounding.display(standing.total),
        rounding.display(low),
        rounding.display(high),
        format_decimal_or_none(standing.total) or "",
        standing.grade or (UNDECIDED if standing.total_range is not None else ""),
    )


def bureau_rows(bureau: BureauScore) -> Iterator[tuple[str, ...]]:
    """The rows of ``bureau`` under :data:`BUREAU_COLUMNS`: each department in rank order
    (an undecided one with its range and no rank), then the summary: the mean of the decided
    totals.

    >>> from indicatorkit.scoring.departments import score_departments
    >>> list(bureau_rows(score_departments([])))[-1][:2]
    ('局汇总 bureau', '0 个部门 departments')
    """
    rounding = bureau.rounding
    for standing in bureau.departments:
        yield _department(standing, rounding)
    summary = bureau.summary
    yield (
        "局汇总 bureau",
        f"{summary.departments} 个部门 departments",
        "",
        str(sum(d.projects for d in bureau.departments)),
        str(sum(d.indicators for d in bureau.departments)),
        rounding.display(summary.mean),
        "",
        "",
        format_decimal_or_none(summary.mean) or "",
        summary.grade or "",
    )


def bureau_text(bureau: BureauScore) -> str:
    """A readable text table of the ranking and the summary.

    >>> from indicatorkit.scoring.departments import score_departments
    >>> print(bureau_text(score_departments([])))
    排名 rank  部门 department  总分 total  等级 grade
    局汇总 bureau: 0 个部门 departments, 0 个已定 ranked, 平均 mean -
    """
    lines = ["排名 rank  部门 department  总分 total  等级 grade"]
    for row in bureau_rows(bureau):
        if row[0] == "局汇总 bureau":
            break
        total = row[5] if row[5] or not row[6] else f"{row[6]}–{row[7]}"
        lines.append(f"{row[0] or '-':>4}  {row[1]}  {total}  {row[9]}")
    summary = bureau.summary
    grades = "，".join(f"{name} {count}" for name, count in summary.grades)
    lines.append(
        f"局汇总 bureau: {summary.departments} 个部门 departments, {summary.ranked} 个已定 ranked, "
        f"平均 mean {bureau.rounding.display(summary.mean) or '-'}"
        + (f", 等级 grade {summary.grade}（{grades}）" if summary.grade else "")
    )
    return "\n".join(lines)


def write_bureau_parquet(bureau: BureauScore, path: str | Path) -> None:
    """Write :func:`bureau_rows` as a Parquet file (every column text, exact; the file is
    replaced only when written whole).  Needs pyarrow (``indicatorkit[arrow]``).

    >>> import tempfile, pathlib, pyarrow.parquet
    >>> from indicatorkit.scoring.departments import score_departments
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "局.parquet"
    >>> write_bureau_parquet(score_departments([]), target)
    >>> pyarrow.parquet.read_table(target).column_names[:2]
    ['排名 rank', '部门 department']
    """
    arrow = require("pyarrow", "arrow")
    parquet = require("pyarrow.parquet", "arrow")
    rows = list(bureau_rows(bureau))
    table = arrow.table(
        {name: [row[i] for row in rows] for i, name in enumerate(BUREAU_COLUMNS)},
        schema=arrow.schema([(name, arrow.string()) for name in BUREAU_COLUMNS]),
    )
    with replacing(path) as temporary:
        parquet.write_table(table, temporary)
