"""CSV long tables: one row per indicator, every project's fields beside it (layout E2).

What finance offices keep in Excel: a single sheet, a row per indicator, the project's fields
(number, name, budget …) on its first row or repeated on every row.  :func:`write_long_table`
writes a spec's projects that way (UTF-8 with a byte-order mark, so Excel opens it right);
:func:`read_long_table` reads such a file back — UTF-8, UTF-8 with a BOM or GBK, a comma or a
tab between cells — into an :class:`~indicatorkit.formats.imported.Imported`.

Cells hold exactly what a spec file writes after the field's key (``预算`` ``1616387.84元``,
``支出计划`` ``3月底 30%，6月底 60%``, ``方向`` ``反向``): a long table is read by the spec
file's own reader, so a value means the same in both.  Two cells have a word for "given, with
no reason written": ``不适用`` under 不适用 and ``暂不公开`` under 暂不公开.

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

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from indicatorkit.errors import IndicatorkitError, TextError, UnknownUnitError
from indicatorkit.formats.ikspec.reader import loads
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.inert_cells import revive, write_csv
from indicatorkit.formats.output import opened
from indicatorkit.formats.table_text import HINT, UndecodableTable, decode_table, header_key
from indicatorkit.language.split_form import parse_split_target
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.records import Project, Spec

__all__ = [
    "CODES",
    "COLUMNS",
    "Column",
    "LongTableError",
    "from_frame",
    "long_table_rows",
    "read_long_table",
    "to_frame",
    "write_long_table",
]


@attrs.frozen
class Column:
    """A column: its Chinese name, English alias, more names it is read by, the spec-file key
    its cells are written with, and whether it belongs to the project (else the indicator).

    >>> budget = next(c for c in COLUMNS if c.alias == "budget")
    >>> budget.title, budget.key, budget.project, budget.more
    ('预算数 budget', '预算', True, ('预算',))
    """

    name: str
    alias: str
    key: str
    project: bool
    more: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.name} {self.alias}"


#: Every column, in the order they are written.
COLUMNS: Final[tuple[Column, ...]] = (
    Column("项目编号", "number", "", True, ("编号",)),
    Column("项目名称", "project", "", True, ("项目",)),
    Column("项目编码", "code", "编码", True),
    Column("实施单位", "unit", "单位", True, ("单位",)),
    Column("预算数", "budget", "预算", True, ("预算",)),
    Column("财政资金", "fiscal", "财政资金", True),
    Column("其他资金", "other", "其他资金", True),
    Column("资金用途", "purpose", "用途", True, ("用途",)),
    Column("资金支出计划", "plan", "支出计划", True, ("支出计划",)),
    Column("项目绩效目标", "goal", "绩效目标", True, ("绩效目标", "年度绩效目标")),
    Column("暂不公开", "withheld", "暂不公开", True),
    Column("全年执行数", "executed", "执行数", True, ("执行数",)),
    Column("调整后预算", "adjusted_budget", "调整后预算", True),
    Column("年初预算数", "initial_budget", "年初预算", True, ("年初预算",)),
    Column("资金来源", "fund_sources", "资金来源", True),
    Column("目标完成情况", "goal_outcome", "目标完成情况", True),
    Column("累计支出", "spent", "累计支出", True),
    Column("执行说明", "budget_reason", "执行说明", True),
    Column("评价结论", "conclusion", "评价结论", True),
    Column("存在问题", "problems", "存在问题", True),
    Column("改进措施", "improvements", "改进措施", True),
    Column("一级指标", "level1", "", False, ("level 1",)),
    Column("二级指标", "level2", "", False, ("level 2",)),
    Column("三级指标", "indicator", "", False, ("指标名称",)),
    Column("绩效指标描述", "description", "描述", False, ("描述", "指标描述")),
    Column("指标值", "target", "指标值", False, ("目标值", "年度指标值")),
    Column("指标值确定依据", "basis", "依据", False, ("依据",)),
    Column("分值", "weight", "分值", False, ("权重",)),
    Column("指标性质", "direction", "方向", False, ("方向",)),
    Column("实际完成值", "actual", "实际值", False, ("实际值", "完成值")),
    Column("自评得分", "score", "自评得分", False, ("得分",)),
    Column("偏差原因", "reason", "偏差原因", False, ("偏差原因分析及改进措施", "偏差原因分析")),
    Column("不适用", "not_applicable", "不适用", False),
)
#: Columns read, never written: a target split as the national system keeps it (运算符
#: ``≥``/``大于等于``/``定性``, the number in 指标值 or 目标值, 计量单位 ``百分比``/``元``).
SPLIT_COLUMNS: Final[tuple[Column, ...]] = (
    Column("运算符", "operator", "", False, ("指标方向", "比较符")),
    Column("计量单位", "measure", "", False, ("度量单位",)),
)
_REQUIRED: Final = ("项目编号", "三级指标", "指标值")
_BY_NAME: Final = {column.name: column for column in (*COLUMNS, *SPLIT_COLUMNS)}
_NAMES: Final = {
    name.casefold(): column.name
    for column in (*COLUMNS, *SPLIT_COLUMNS)
    for name in (column.name, column.alias, *column.more)
}
_OPERATOR_WORDS: Final = {"大于等于": "≥", "大于": ">", "等于": "=", "小于": "<", "小于等于": "≤"}
#: The word a cell holds for "given, with no reason written".
_NO_REASON: Final = {"不适用": "不适用", "暂不公开": "暂不公开"}


#: The codes this reader reports (a cell's own problems carry the spec file's IK0xx codes).
CODES: Final[dict[str, str]] = {
    "IK630": "表头缺少必需的列或列重复 / a header missing or repeating a column",
    "IK631": "未知的列，未导入 / an unknown column, not imported",
    "IK632": "行的格数与表头不同，未导入 / a row wider or narrower than the header, not imported",
    "IK633": "项目编号不是整数，或名称跨行 / a bad project number, or a name on two lines",
    "IK634": "CSV 无法解码或解析 / the CSV cannot be decoded or parsed",
    "IK635": "同一项目的字段前后不同 / a project field that differs between its rows",
    "IK636": "拆分的指标值（运算符、数值、计量单位）读不出，该指标未导入 / a split target that cannot be read",
}


class LongTableError(IndicatorkitError):
    """A spec a long table cannot hold (a department, programmes, its own units or rules).

    >>> from indicatorkit import loads
    >>> try:
    ...     next(long_table_rows(loads("部门 1 司法局\\n")))
    ... except LongTableError as error:
    ...     print(str(error).split(" (")[0])
    长表只存项目与指标，放不下：部门 department
    """


# --- writing ---------------------------------------------------------------------------------


def _fields(project: Project) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The project's cells and each indicator's, as the spec file writes them."""
    lines = dumps(Spec(projects=(project,))).splitlines()
    head: dict[str, str] = {}
    indicators: list[dict[str, str]] = []
    current = head
    key = ""
    for line in lines[1:]:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("| ") or stripped == "|":
            current[key] += "\n" + stripped[2:]
            continue
        if stripped.startswith("指标 ") and line.startswith("  指标 "):
            current = {}
            indicators.append(current)
            continue
        key, _, value = stripped.partition("：")
        current[key] = value
    return head, indicators


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
        head, indicators = _fields(project)
        project_cells = {
            "项目编号": str(project.number),
            "项目名称": project.name,
            **{c.name: head.get(c.key, "") for c in COLUMNS if c.project and c.key},
        }
        if project.withheld == "":
            project_cells["暂不公开"] = _NO_REASON["暂不公开"]
        for index, indicator in enumerate(project.indicators or (None,)):
            row = dict(project_cells) if index == 0 else {"项目编号": str(project.number)}
            if indicator is not None:
                cells = indicators[index]
                row |= {
                    "一级指标": indicator.level1,
                    "二级指标": indicator.level2,
                    "三级指标": indicator.name,
                    **{c.name: cells.get(c.key, "") for c in COLUMNS if not c.project and c.key},
                }
                if indicator.not_applicable == "":
                    row["不适用"] = _NO_REASON["不适用"]
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


# --- reading ---------------------------------------------------------------------------------


def read_long_table(data: str | bytes, *, source: str) -> Imported:
    """Read a long table (text, or the bytes of a file in UTF-8, UTF-8 with a BOM or GBK).

    >>> data = "项目编号\\t项目名称\\t三级指标\\t指标值\\n1\\t法律援助\\t受理数\\t≥180件\\n".encode("gbk")
    >>> imported = read_long_table(data, source="表.csv")
    >>> [(i.name, str(i.target)) for i in imported.spec.projects[0].indicators]
    [('受理数', '≥180件')]
    >>> [(f.code, f.line, f.column) for f in read_long_table("", source="空.csv").findings]
    [('IK630', 1, 1)]
    """
    if isinstance(data, bytes):
        try:
            text = decode_table(data)
        except UndecodableTable as problem:
            return _refused("IK634", problem.message, problem.line, 1, source, HINT)
    else:
        text = data.removeprefix("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if any(cell.strip() for cell in cells) and not cells[0].lstrip().startswith("#"):
                records.append((start, [revive(cell) for cell in cells]))
    except csv.Error as error:
        return _refused("IK634", f"CSV 无法读取 (bad CSV): {error}", line + 1, 1, source)
    if not records:
        return _refused(
            "IK630", "文件是空的，没有表头 (the file is empty: no header)", 1, 1, source
        )
    return _Reading(source).read(records)


def _refused(
    code: str, message: str, line: int, column: int, source: str, suggestion: str | None = None
) -> Imported:
    finding = Finding(
        code, Severity.ERROR, message, line, column, suggestion=suggestion, file=source
    )
    return Imported(None, (finding,), source)


class _Reading:
    def __init__(self, source: str) -> None:
        self.source = source
        self.findings: list[Finding] = []

    def say(self, code: str, message: str, line: int, column: int, **more: Any) -> None:
        self.findings.append(
            Finding(code, Severity.ERROR, message, line, column, file=self.source, **more)
        )

    def read(self, records: list[tuple[int, list[str]]]) -> Imported:
        header_line, header = records[0]
        positions: dict[str, int] = {}
        for index, cell in enumerate(header):
            name = header_key(cell, _NAMES)
            if name is None:
                if cell.strip():
                    self.findings.append(
                        Finding(
                            "IK631",
                            Severity.WARNING,
                            f"未知的列“{cell.strip()}”，未导入 (an unknown column; not imported)",
                            header_line,
                            index + 1,
                            file=self.source,
                            suggestion="列名 / columns: " + "、".join(c.name for c in COLUMNS),
                        )
                    )
                continue
            if name in positions:
                self.say(
                    "IK630",
                    f"“{name}”列出现两次（第{positions[name] + 1}列和第{index + 1}列）"
                    f"(the column {name} is given twice)",
                    header_line,
                    index + 1,
                )
                continue
            positions[name] = index
        for name in _REQUIRED:
            if name not in positions:
                column = _BY_NAME[name]
                self.say(
                    "IK630",
                    f"表头缺少“{column.title}”列 (the header has no {column.name} ({column.alias}) column)",
                    header_line,
                    1,
                    suggestion="列名 / columns: " + "、".join(c.name for c in COLUMNS),
                )
        if any(f.code == "IK630" for f in self.findings):
            return Imported(None, tuple(self.findings), self.source)
        projects = list(self.projects(records[1:], positions, len(header)))
        spec: Spec | None = None
        try:
            spec = Spec(projects=projects)
        except IndicatorkitError as error:
            self.say("IK635", str(error), header_line, 1)
        order = sorted(self.findings, key=lambda f: (f.line, f.column))
        return Imported(spec, tuple(order), self.source)

    def projects(
        self, records: list[tuple[int, list[str]]], positions: dict[str, int], width: int
    ) -> Iterator[Project]:
        groups: list[list[tuple[int, list[str]]]] = []
        number_at = positions["项目编号"]
        for line, cells in records:
            if len(cells) != width:
                more = len(cells) > width
                self.say(
                    "IK632",
                    f"第{line}行有{len(cells)}格，表头有{width}列，未导入（不挪动各列）"
                    f"(the row has {len(cells)} cells, the header {width} columns; not imported, "
                    f"columns are never shifted)",
                    line,
                    width + 1 if more else len(cells) + 1,
                )
                continue
            number = cells[number_at].strip()
            if not number and groups:
                groups[-1].append((line, cells))
            elif not number.isdigit():
                self.say(
                    "IK633",
                    f"项目编号“{number}”不是非负整数，该行未导入 (the project number is not a "
                    f"whole number; the row is not imported)",
                    line,
                    number_at + 1,
                )
            elif groups and cells[number_at].strip() == groups[-1][0][1][number_at].strip():
                groups[-1].append((line, cells))
            else:
                groups.append([(line, cells)])
        for group in groups:
            project = self.project(group, positions)
            if project is not None:
                yield project

    def project(
        self, rows: list[tuple[int, list[str]]], positions: dict[str, int]
    ) -> Project | None:
        """Write the rows as a spec file's project, with where each line came from, and read it."""
        text: list[str] = []
        origin: list[tuple[int, int, int]] = []  # (row, column, indicator or -1)
        first_line, first = rows[0]
        block = -1

        def cell(cells: list[str], name: str) -> str:
            index = positions.get(name)
            value = cells[index] if index is not None else ""
            return value.replace("\r\n", "\n").replace("\r", "\n").strip()

        def emit(line: str, at: tuple[int, int]) -> None:
            text.append(line)
            origin.append((*at, block))

        def field(key: str, value: str, depth: int, at: tuple[int, int]) -> None:
            head, *rest = value.split("\n")
            emit(f"{'  ' * depth}{key}：{head}", at)
            for more in rest:
                emit(f"{'  ' * (depth + 1)}| {more}", at)

        name = cell(first, "项目名称")
        if "\n" in name:
            self.say(
                "IK633", "项目名称只能写一行 (one line only)", first_line, positions["项目名称"] + 1
            )
            return None
        emit(
            f"项目 {cell(first, '项目编号')} {name}".rstrip(),
            (first_line, positions["项目编号"] + 1),
        )
        for column in COLUMNS:
            if not (column.project and column.key):
                continue
            value = cell(first, column.name)
            if column.name == "暂不公开" and value == _NO_REASON["暂不公开"]:
                emit("  暂不公开：", (first_line, positions[column.name] + 1))
            elif value:
                field(column.key, value, 1, (first_line, positions[column.name] + 1))
        for line, cells in rows[1:]:
            for column in COLUMNS:
                if column.project and column.name in positions and column.name != "项目编号":
                    value = cell(cells, column.name)
                    if value and value != cell(first, column.name):
                        self.say(
                            "IK635",
                            f"“{column.name}”与本项目第一行（第{first_line}行）的“"
                            f"{cell(first, column.name)}”不同 (differs from the project's first "
                            f"row)",
                            line,
                            positions[column.name] + 1,
                        )
        indicator_columns = [c for c in COLUMNS if not c.project and c.name in positions]
        for line, cells in rows:
            if not any(cell(cells, c.name) for c in indicator_columns):
                continue
            levels = [cell(cells, n) for n in ("一级指标", "二级指标", "三级指标")]
            if any("\n" in level for level in levels):
                self.say(
                    "IK633", "指标名称只能写一行 (one line only)", line, positions["三级指标"] + 1
                )
                continue
            target = self.split_target(cells, line, positions, cell)
            if target is None:
                continue
            title = " / ".join(levels).replace("/  /", "/ /").replace("/  /", "/ /").rstrip()
            block += 1
            emit(f"  指标 {title}", (line, positions["三级指标"] + 1))
            for column in indicator_columns:
                value = target if column.name == "指标值" else cell(cells, column.name)
                if not column.key or (column.name == "指标性质" and value == "定性"):
                    continue
                if column.name == "不适用" and value == _NO_REASON["不适用"]:
                    emit("    不适用：", (line, positions[column.name] + 1))
                elif value:
                    field(column.key, value, 2, (line, positions[column.name] + 1))
        return self.load(text, origin)

    def split_target(
        self,
        cells: list[str],
        line: int,
        positions: dict[str, int],
        cell: Callable[[list[str], str], str],
    ) -> str | None:
        """The target text of a row: 指标值 as written, or put together from 运算符, 指标值
        and 计量单位 when the row splits it (``None``, said, when that cannot be read)."""
        value = cell(cells, "指标值")
        operator, unit = cell(cells, "运算符"), cell(cells, "计量单位")
        if not (operator or unit):
            return value
        if not operator:
            return value if value.endswith(unit) else value + unit
        try:
            target = parse_split_target(_OPERATOR_WORDS.get(operator, operator), value, unit)
        except IndicatorkitError as error:
            column = positions["计量单位" if isinstance(error, UnknownUnitError) else "运算符"]
            message = error.message if isinstance(error, TextError) else str(error)
            self.say(
                "IK636",
                f"拆分的指标值“{operator} | {value} | {unit}”读不出，该指标未导入：{message} "
                f"(the split target cannot be read; the indicator is not imported)",
                line,
                column + 1,
            )
            return None
        return str(target)

    def load(self, text: list[str], origin: list[tuple[int, int, int]]) -> Project | None:
        """Read the written project; an indicator with an error is left out (its findings
        say why) and the rest read again; a project-level error leaves the project out."""
        try:
            spec = loads("\n".join(text) + "\n", file=self.source)
        except SpecError as error:
            bad: set[int] = set()
            for finding in error.findings:
                line, column, block = origin[min(max(finding.line, 1), len(origin)) - 1]
                bad.add(block)
                self.findings.append(
                    attrs.evolve(finding, line=line, column=column, end_column=None, source_line="")
                )
            if -1 in bad:
                return None
            kept = [(t, o) for t, o in zip(text, origin, strict=True) if o[2] not in bad]
            return self.load([t for t, _ in kept], [o for _, o in kept])
        return spec.projects[0] if spec.projects else None


# --- data frames -----------------------------------------------------------------------------


def to_frame(spec: Spec, *, library: str = "pandas") -> Any:
    """The long table as a pandas (``library="pandas"``) or polars data frame of text columns.

    Needs the extra: ``pip install 'indicatorkit[pandas]'`` or ``'indicatorkit[polars]'``.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> frame = to_frame(spec)  # pandas
    >>> frame.shape, frame.loc[0, "三级指标"], frame.loc[0, "指标值"]
    ((1, 33), '受理数', '≥180件')
    """
    header, *rows = long_table_rows(spec)
    module = _frame_library(library)
    columns = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    return module.DataFrame(columns)


def from_frame(frame: Any, *, source: str = "<frame>") -> Imported:
    """Read a pandas or polars data frame laid out as a long table (see :func:`to_frame`).

    >>> import pandas
    >>> frame = pandas.DataFrame({"项目编号": [1, 1], "项目名称": ["法律援助", None],
    ...                           "三级指标": ["受理数", "满意度"], "指标值": ["≥180件", "≥90%"]})
    >>> imported = from_frame(frame)
    >>> [str(i.target) for i in imported.spec.projects[0].indicators], imported.findings
    (['≥180件', '≥90%'], ())
    """
    columns = [str(name) for name in frame.columns]
    if hasattr(frame, "iter_rows"):  # polars
        rows = [["" if v is None else str(v) for v in row] for row in frame.iter_rows()]
    else:  # pandas
        rows = [
            ["" if _missing(v) else str(v) for v in row]
            for row in frame.itertuples(index=False, name=None)
        ]
    buffer = io.StringIO()
    write_csv(buffer, [columns, *rows])
    return read_long_table(buffer.getvalue(), source=source)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _frame_library(library: str) -> Any:
    from indicatorkit.formats.extras import require

    if library not in ("pandas", "polars"):
        raise LongTableError(f"library 只能是 pandas 或 polars (pandas or polars): {library!r}")
    return require(library, library)
