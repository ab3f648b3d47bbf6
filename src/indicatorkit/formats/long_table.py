"""CSV long tables: one row per indicator, every project's fields beside it (layout E2).

What finance offices keep in Excel: a single sheet, a row per indicator, the project's fields
(number, name, budget …) on its first row or repeated on every row.  :func:`write_long_table`
writes a spec's projects that way (UTF-8 with a byte-order mark, so Excel opens it right);
:func:`read_long_table` reads such a file back — UTF-8, UTF-8 with a BOM or GBK, a comma or a
tab between cells — into an :class:`~indicatorkit.formats.imported.Imported`.

Cells hold exactly what a spec file writes after the field's key (``预算`` ``1616387.84元``,
``支出计划`` ``3月底 30%，6月底 60%``, ``方向`` ``反向``), so a value means the same in both;
they are written from the records and read into records directly
(:mod:`~indicatorkit.formats.field_values`, :mod:`~indicatorkit.formats.long_table_read`:
any grid — a CSV file's, a data frame's — through :func:`read_long_grid`), never through
spec text.  Two cells have a word for "given, with no reason written": ``不适用`` under 不适用
and ``暂不公开`` under 暂不公开.

Column names are Chinese, or the English alias, in any order (:data:`COLUMNS`); 项目编号,
三级指标 and 指标值 are required.  A problem is a finding located by row and column: a missing
column is named; a row with more or fewer cells than the header is reported, never shifted.

>>> text = '''项目编号,项目名称,预算数,一级指标,二级指标,三级指标,指标值
... 1,法律援助,10000元,产出指标,数量指标,受理数,≥180件
... ,,,满意度指标,服务对象满意度指标,满意度,≥90%
... '''
>>> imported = read_long_table(text, source="表.csv")
>>> project = imported.spec.projects[0]
>>> project.name, str(project.budget.total), [str(i.target) for i in project.indicators]
('法律援助', '10000元', ['≥180件', '≥90%'])
>>> imported.findings
()
>>> read_long_table("项目编号,指标值\\n1,≥1件\\n", source="表.csv").findings[0].message
'表头缺少“三级指标 indicator”列 (the header has no 三级指标 (indicator) column)'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import attrs

from indicatorkit.formats.field_values import direction_text, plan_text
from indicatorkit.formats.format import Format, Holds, Input, Probe
from indicatorkit.formats.fund_sources_text import fund_sources_text
from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.inert_cells import write_csv
from indicatorkit.formats.long_columns import (
    CODES,
    COLUMNS,
    NAMES,
    NO_REASON,
    REQUIRED,
    SPLIT_COLUMNS,
    Column,
    LongTableError,
)
from indicatorkit.formats.long_table_read import header_cells, read_long_grid, read_long_table
from indicatorkit.formats.output import opened
from indicatorkit.formats.table_text import header_key
from indicatorkit.language.values import Amount
from indicatorkit.model.records import Indicator, Project, Spec
from indicatorkit.numerals import format_decimal
from indicatorkit.optional import data_frame

__all__ = [
    "CODES",
    "COLUMNS",
    "CSV",
    "SPLIT_COLUMNS",
    "Column",
    "LongTableError",
    "frame_rows",
    "from_frame",
    "long_table_rows",
    "probed_header",
    "read_long_grid",
    "read_long_table",
    "to_frame",
    "write_long_table",
]


# --- writing ---------------------------------------------------------------------------------


def _project_cells(project: Project) -> dict[str, str]:
    """The project's cells, each as the spec file writes the field (built from the record)."""
    budget = project.budget
    return {
        "项目编号": str(project.number),
        "项目名称": project.name,
        "项目编码": project.code,
        "实施单位": project.unit,
        "预算数": _shown(budget.total if budget else None),
        "财政资金": _shown(budget.fiscal if budget else None),
        "其他资金": _shown(budget.other if budget else None),
        "资金用途": project.purpose,
        "资金支出计划": plan_text(project.plan),
        "项目绩效目标": project.goal,
        "暂不公开": NO_REASON["暂不公开"] if project.withheld == "" else project.withheld or "",
        "全年执行数": _shown(project.executed),
        "调整后预算": _shown(project.adjusted_budget),
        "资金来源": fund_sources_text(project.fund_sources),
        "目标完成情况": project.goal_outcome,
        "累计支出": plan_text(project.spent),
        "执行说明": project.budget_reason,
        "评价结论": project.conclusion,
        "存在问题": project.problems,
        "改进措施": project.improvements,
    }


def _indicator_cells(indicator: Indicator) -> dict[str, str]:
    """An indicator's cells, each as the spec file writes the field."""
    not_applicable = indicator.not_applicable
    return {
        "一级指标": indicator.level1,
        "二级指标": indicator.level2,
        "三级指标": indicator.name,
        "绩效指标描述": indicator.description,
        "指标值": indicator.target_text,
        "指标值确定依据": indicator.basis,
        "分值": _shown(indicator.weight),
        "指标性质": direction_text(indicator.direction),
        "实际完成值": indicator.actual or "",
        "自评得分": _shown(indicator.evaluator_score),
        "偏差原因": indicator.reason,
        "不适用": NO_REASON["不适用"] if not_applicable == "" else not_applicable or "",
    }


def _shown(value: Amount | Fraction | None) -> str:
    """An amount as written (``10000元``), a number as a decimal (``2.5``); empty for none."""
    if value is None:
        return ""
    return format_decimal(value) if isinstance(value, Fraction) else str(value)


def long_table_rows(spec: Spec) -> Iterator[list[str]]:
    """The header and one row per indicator (a project without indicators: one row).

    >>> from indicatorkit import loads
    >>> header, *rows = long_table_rows(loads("项目 1 法律援助\\n  预算：10000元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n"))
    >>> len(rows), [(name, cell) for name, cell in zip(header, rows[0]) if cell]
    ... # doctest: +NORMALIZE_WHITESPACE
    (1, [('项目编号', '1'), ('项目名称', '法律援助'), ('预算数', '10000元'), ('一级指标', '产出指标'),
         ('二级指标', '数量指标'), ('三级指标', '受理数'), ('指标值', '≥180件')])
    """
    problems = [
        what
        for what, there in (
            ("部门 department", spec.department is not None),
            ("单位表 units", spec.units is not None),
            ("评分规则 rules", spec.rules is not None),
        )
        if there
    ]
    if problems:
        raise LongTableError(
            f"长表只存项目与指标，放不下：{'、'.join(problems)} (a long table holds projects and "
            f"their indicators only) — 请导出为 .ikspec 或 .json / export to .ikspec or .json, "
            f"or pass the projects alone: Spec(projects=spec.projects)"
        )
    yield [column.name for column in COLUMNS]
    for project in spec.projects:
        head = _project_cells(project)
        for index, indicator in enumerate(project.indicators or (None,)):
            row = dict(head) if index == 0 else {"项目编号": head["项目编号"]}
            if indicator is not None:
                row |= _indicator_cells(indicator)
            yield [row.get(column.name, "") for column in COLUMNS]


def write_long_table(spec: Spec, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write the spec's projects as a long table CSV, UTF-8 with a byte-order mark, whole or
    not at all (:mod:`~indicatorkit.formats.output`; ``inputs`` are refused as the output); a
    text a spreadsheet would run as a formula is written behind an apostrophe
    (:mod:`~indicatorkit.formats.inert_cells`) and read back without it.

    >>> import tempfile, pathlib
    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "表.csv"
    ...     write_long_table(spec, path)
    ...     data = path.read_bytes()
    >>> data.startswith(b"\\xef\\xbb\\xbf"), data.decode("utf-8-sig").split("\\r\\n")[0][:19]
    (True, '项目编号,项目名称,项目编码,实施单位')
    >>> read_long_table(data, source="表.csv").spec == spec
    True
    """
    rows = list(long_table_rows(spec))
    with opened(path, encoding="utf-8-sig", newline="", inputs=inputs) as handle:
        write_csv(handle, rows)


# --- data frames -----------------------------------------------------------------------------


def to_frame(spec: Spec, *, library: str = "pandas") -> Any:
    """The long table as a pandas (``library="pandas"``) or polars data frame of text columns,
    a row per indicator.  A spec with a department gets a first column ``部门`` holding its
    name (the department's own goals and records are not rows: :func:`from_frame` reports the
    column, IK631, and reads the projects).  Scores as a frame: :meth:`SpecScore.to_frame
    <indicatorkit.scoring.report.SpecScore.to_frame>`.

    Needs the extra: ``pip install 'indicatorkit[pandas]'`` or ``'indicatorkit[polars]'``.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> frame = to_frame(spec)  # pandas
    >>> frame.shape, frame.loc[0, "三级指标"], frame.loc[0, "指标值"]
    ((1, 32), '受理数', '≥180件')
    >>> with_department = loads("部门 101 司法局\\n\\n项目 1 法律援助\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> to_frame(with_department, library="polars").select("部门", "项目名称").row(0)
    ('司法局', '法律援助')
    """
    department = spec.department
    header, *rows = long_table_rows(attrs.evolve(spec, department=None))
    columns = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    if department is not None:
        columns = {"部门": [department.name] * len(rows), **columns}
    return data_frame(columns, library, caller="to_frame")


def from_frame(frame: Any, *, source: str = "<frame>") -> Imported:
    """Read a pandas or polars data frame laid out as a long table (see :func:`to_frame`).

    >>> import pandas
    >>> frame = pandas.DataFrame({"项目编号": [1, 1], "项目名称": ["法律援助", None],
    ...                           "三级指标": ["受理数", "满意度"], "指标值": ["≥180件", "≥90%"]})
    >>> imported = from_frame(frame)
    >>> [str(i.target) for i in imported.spec.projects[0].indicators], imported.findings
    (['≥180件', '≥90%'], ())
    """
    rows = frame_rows(frame)
    grid = grid_from_rows("数据框", rows, source=source)
    return read_long_grid(grid, source=source, width=len(rows[0]))


def frame_rows(frame: Any) -> list[list[str]]:
    """A pandas or polars frame as text rows, its column names first (a missing value: "").

    >>> import pandas
    >>> frame_rows(pandas.DataFrame({"部门": ["司法局", None], "分值": [10, 20]}))
    [['部门', '分值'], ['司法局', '10'], ['', '20']]
    """
    columns = [str(name) for name in frame.columns]
    if hasattr(frame, "iter_rows"):  # polars
        rows = [["" if v is None else str(v) for v in row] for row in frame.iter_rows()]
    else:  # pandas
        rows = [
            ["" if _missing(v) else str(v) for v in row]
            for row in frame.itertuples(index=False, name=None)
        ]
    return [columns, *rows]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


# --- the format ---------------------------------------------------------------------------------


def _is_long_table(probe: Probe) -> bool:
    """A text whose first line is a header naming two of a long table's required columns
    (项目编号, 三级指标, 指标值), by any spelling the reader takes (:data:`NAMES`: the Chinese
    name, the English alias, both as our exports write them, or another name).

    >>> from indicatorkit.formats.format import Probe
    >>> _is_long_table(Probe("项目编号 number,三级指标 indicator,指标值 target\\n".encode()))
    True
    >>> _is_long_table(Probe("编号,备注\\n".encode()))
    False
    """
    cells, names = probed_header(probe)
    return len(cells) > 1 and len(names & set(REQUIRED)) >= 2


def probed_header(probe: Probe) -> tuple[list[str], set[str | None]]:
    """A text's first line as a long table's header: its cells, split as the reader splits
    them, and the columns they name (:data:`NAMES`; ``None`` for a cell naming none) — no
    cells for a file with no text line (binary, empty).  What sniffing a long table reads.

    >>> from indicatorkit.formats.format import Probe
    >>> cells, names = probed_header(Probe("编号 number,三级指标,备注\\n".encode()))
    >>> cells, sorted(names - {None}), None in names
    (['编号 number', '三级指标', '备注'], ['三级指标', '项目编号'], True)
    >>> probed_header(Probe(b"%PDF-1.7\\n"))
    ([], set())
    """
    line = probe.first_line
    cells = [] if line is None else header_cells(line)
    return cells, {header_key(cell, NAMES) for cell in cells}


def _read(given: Input) -> Imported:
    return read_long_table(given.text, source=given.source)


def _write(spec: Spec, path: Path, inputs: Iterable[str | Path]) -> None:
    write_long_table(spec, path, inputs=inputs)


CSV: Final = Format(
    "csv",
    "CSV 长表 / a CSV long table",
    (".csv",),
    sniff=_is_long_table,
    read=_read,
    write=_write,
    text=True,
    holds=Holds.ROWS,
)
