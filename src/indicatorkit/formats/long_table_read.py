"""Reading long tables (layout E2) from any grid — a CSV file's, a data frame's, a sheet's —
into records built directly from the cells (:mod:`~indicatorkit.formats.field_values`): no spec
text is written to be parsed back.  Cells hold what a spec file writes after the field's key,
so a value means the same in both; a problem is a finding at its cell with the spec file's
code (IK019–IK040) or the long table's own (IK630–IK636).

>>> imported = read_long_table("项目编号,三级指标,指标值\\n1,受理数,≥180件\\n", source="表.csv")
>>> [str(i.target) for i in imported.spec.projects[0].indicators], imported.findings
(['≥180件'], ())
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import attrs

from indicatorkit.errors import IndicatorkitError, TextError, UnknownUnitError
from indicatorkit.formats.field_values import (
    FieldValueError,
    direction,
    money,
    plan,
    points,
    target,
)
from indicatorkit.formats.fund_sources_text import parse_fund_sources
from indicatorkit.formats.grid import Grid, grid_from_rows
from indicatorkit.formats.grid_text import CsvRecordError, csv_records
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.inert_cells import revive
from indicatorkit.formats.long_columns import (
    BY_NAME,
    COLUMNS,
    NAMES,
    NO_REASON,
    OPERATOR_WORDS,
    REQUIRED,
)
from indicatorkit.formats.table_text import HINT, UndecodableTable, decode_table, header_key
from indicatorkit.language.split_form import parse_split_target
from indicatorkit.language.values import Amount
from indicatorkit.model.budget_columns import project_with_initial
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import (
    Budget,
    FundSource,
    Indicator,
    Location,
    Project,
    Spec,
    Where,
)

__all__ = [
    "TableRecords",
    "delimiter_of",
    "header_cells",
    "read_long_grid",
    "read_long_table",
    "table_records",
]


def read_long_table(data: str | bytes, *, source: str) -> Imported:
    """Read a long table (text, or the bytes of a file in UTF-8, UTF-8 with a BOM or GBK): its
    records (:func:`~indicatorkit.formats.grid_text.csv_records`; blank rows and rows starting
    with ``#`` left out) become a grid, read by :func:`read_long_grid`.

    >>> data = "项目编号\\t项目名称\\t三级指标\\t指标值\\n1\\t法律援助\\t受理数\\t≥180件\\n".encode("gbk")
    >>> imported = read_long_table(data, source="表.csv")
    >>> [(i.name, str(i.target)) for i in imported.spec.projects[0].indicators]
    [('受理数', '≥180件')]
    >>> [(f.code, f.line, f.column) for f in read_long_table("", source="空.csv").findings]
    [('IK630', 1, 1)]
    """
    records = table_records(data, source=source)
    if isinstance(records, Imported):
        return records
    rows, lines, width, findings = records
    grid = grid_from_rows("CSV", rows, source=source)
    read = read_long_grid(grid, source=source, lines=lines, width=width)
    order = sorted((*findings, *read.findings), key=lambda f: (f.line, f.column))
    return attrs.evolve(read, findings=tuple(order))


#: A text table's rows (apostrophes of :func:`~indicatorkit.formats.inert_cells.revive` off),
#: the file line of each (row number from 1 → line), the header's width, and the rows left out.
TableRecords = tuple[list[list[str]], dict[int, int], int, list[Finding]]


def table_records(data: str | bytes, *, source: str) -> TableRecords | Imported:
    """The records of a text table (UTF-8, UTF-8 with a BOM or GBK; tab or comma separated),
    blank rows and ``#`` rows left out and rows of another width left out with an IK632
    finding — or, when nothing can be read, the refusal (IK630, IK634).

    >>> rows, lines, width, findings = table_records("部门,项目编号\\n\\n甲,1\\n", source="t.csv")
    >>> rows, lines, width, findings
    ([['部门', '项目编号'], ['甲', '1']], {1: 1, 2: 3}, 2, [])
    """
    if isinstance(data, bytes):
        try:
            text = decode_table(data)
        except UndecodableTable as problem:
            return _refused("IK634", problem.message, problem.line, 1, source, HINT)
    else:
        text = data.removeprefix("\ufeff")
    delimiter = delimiter_of(next((line for line in text.splitlines() if line.strip()), ""))
    rows: list[list[str]] = []
    lines: dict[int, int] = {}
    width = 0
    findings: list[Finding] = []
    try:
        for line, cells in csv_records(text, delimiter, source=source):
            if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
                continue
            if rows and len(cells) != width:  # a grid cannot tell: said here
                findings.append(_width_finding(line, len(cells), width, source))
                continue
            width = width or len(cells)
            rows.append([revive(cell) for cell in cells])
            lines[len(rows)] = line
    except CsvRecordError as error:
        return _refused("IK634", f"CSV 无法读取 (bad CSV): {error}", error.line, 1, source)
    if not rows:
        return _refused(
            "IK630", "文件是空的，没有表头 (the file is empty: no header)", 1, 1, source
        )
    return rows, lines, width, findings


def delimiter_of(first: str) -> str:
    """The delimiter of a text table whose first line is ``first``: a tab when the line has
    tabs and no comma, else a comma.

    >>> delimiter_of("项目编号\\t指标值"), delimiter_of("项目编号,指标值")
    ('\\t', ',')
    """
    return "\t" if "\t" in first and "," not in first else ","


def header_cells(line: str) -> list[str]:
    """A text table's header line split into cells as :func:`table_records` splits it: its
    delimiter, quoted cells kept whole.

    >>> header_cells('项目编号,"三级指标, 名称",指标值'), header_cells("编号\\t备注")
    (['项目编号', '三级指标, 名称', '指标值'], ['编号', '备注'])
    """
    try:
        return next(csv.reader([line], delimiter=delimiter_of(line)), [])
    except csv.Error:  # an unclosed quote: the cells as written
        return line.split(delimiter_of(line))


def read_long_grid(
    grid: Grid, *, source: str, lines: Mapping[int, int] | None = None, width: int = 0
) -> Imported:
    """Read a long table from any grid (a CSV file's, a frame's, a sheet's): its first row is
    the header, each row below an indicator, the project's fields on its first row.  Findings
    are at the grid's sheet, row and column — or, given ``lines`` (grid row → line of a text
    file), at the file's line and column.  ``width``: the header's width when it ends in
    empty cells.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("长表", [["项目编号", "三级指标", "指标值"], ["1", "受理数", "≥180件"],
    ...                               ["1", "满意度", "≥9O%"]], source="表.xlsx")
    >>> imported = read_long_grid(grid, source="表.xlsx")
    >>> [i.name for i in imported.spec.projects[0].indicators], [f.place for f in imported.findings]
    (['受理数'], ['表.xlsx:长表!C3'])
    """
    rows = grid.sorted_rows
    if not rows:
        return _refused(
            "IK630", "文件是空的，没有表头 (the file is empty: no header)", 1, 1, source
        )
    width = max(width, *(c.column for c in grid.row_cells(rows[0])))
    records: list[tuple[int, list[str]]] = []
    reading = _Reading(source, None if lines is not None else grid.name)
    for row in rows:
        line = lines.get(row, row) if lines is not None else row
        beyond = [c for c in grid.row_cells(row) if c.column > width]
        if beyond:
            reading.findings.append(
                attrs.evolve(
                    _width_finding(line, beyond[-1].column, width, source),
                    sheet=reading.sheet,
                )
            )
            continue
        records.append((line, [grid.text(row, column) for column in range(1, width + 1)]))
    return reading.read(records)


def _width_finding(line: int, cells: int, width: int, source: str) -> Finding:
    return Finding(
        "IK632",
        Severity.ERROR,
        f"第{line}行有{cells}格，表头有{width}列，未导入（不挪动各列）"
        f"(the row has {cells} cells, the header {width} columns; not imported, "
        f"columns are never shifted)",
        line,
        width + 1 if cells > width else cells + 1,
        file=source,
    )


def _refused(
    code: str, message: str, line: int, column: int, source: str, suggestion: str | None = None
) -> Imported:
    finding = Finding(
        code, Severity.ERROR, message, line, column, suggestion=suggestion, file=source
    )
    return Imported(None, (finding,), source)


class _Reading:
    def __init__(self, source: str, sheet: str | None) -> None:
        self.source = source
        self.sheet = sheet
        self.findings: list[Finding] = []

    def say(self, code: str, message: str, line: int, column: int, **more: Any) -> None:
        self.findings.append(
            Finding(
                code,
                Severity.ERROR,
                message,
                line,
                column,
                file=self.source,
                sheet=self.sheet,
                **more,
            )
        )

    def read(self, records: list[tuple[int, list[str]]]) -> Imported:
        header_line, header = records[0]
        positions: dict[str, int] = {}
        for index, cell in enumerate(header):
            name = header_key(cell, NAMES)
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
                            sheet=self.sheet,
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
        for name in REQUIRED:
            if name not in positions:
                column = BY_NAME[name]
                self.say(
                    "IK630",
                    f"表头缺少“{column.title}”列 (the header has no {column.name} ({column.alias}) column)",
                    header_line,
                    1,
                    suggestion="列名 / columns: " + "、".join(c.name for c in COLUMNS),
                )
        if any(f.code == "IK630" for f in self.findings):
            return Imported(None, tuple(self.findings), self.source)
        projects = list(self.projects(records[1:], positions))
        spec: Spec | None = None
        try:
            spec = Spec(projects=projects)
        except IndicatorkitError as error:
            self.say("IK635", str(error), header_line, 1)
        order = sorted(self.findings, key=lambda f: (f.line, f.column))
        return Imported(spec, tuple(order), self.source)

    def projects(
        self, records: list[tuple[int, list[str]]], positions: dict[str, int]
    ) -> Iterator[Project]:
        groups: list[list[tuple[int, list[str]]]] = []
        number_at = positions["项目编号"]
        for line, cells in records:
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
        """The project of its rows, built from the cells directly: a project field that cannot
        be read leaves the project out, an indicator's leaves that indicator out (each said
        where it stands)."""
        first_line, first = rows[0]
        cells = _Cells(self, positions)
        name = cells.text(first, "项目名称")
        if "\n" in name:
            self.say(
                "IK633", "项目名称只能写一行 (one line only)", first_line, positions["项目名称"] + 1
            )
            return None
        self.differing(rows, positions)
        fields = cells.project_fields(first_line, first)
        indicators = [cells.indicator(line, row) for line, row in rows]
        if fields is None:
            return None
        number_at = positions["项目编号"] + 1
        try:
            return project_with_initial(  # an older table's 年初预算数 folded in
                int(cells.text(first, "项目编号")),
                name,
                indicators=[i for i in indicators if i is not None],
                where=Where(Location(first_line, number_at, self.sheet)),
                **fields,
            )
        except (IndicatorkitError, ValueError) as error:
            self.say("IK040", str(error), first_line, number_at)
            return None

    def differing(self, rows: list[tuple[int, list[str]]], positions: dict[str, int]) -> None:
        """IK635 for a project field that a later row of the project writes differently."""
        _, first = rows[0]
        for line, cells in rows[1:]:
            for column in COLUMNS:
                if not column.project or column.name not in positions or column.name == "项目编号":
                    continue
                value = _cell(cells, positions, column.name)
                if value and value != _cell(first, positions, column.name):
                    self.say(
                        "IK635",
                        f"“{column.name}”与本项目第一行（第{rows[0][0]}行）的“"
                        f"{_cell(first, positions, column.name)}”不同 (differs from the "
                        f"project's first row)",
                        line,
                        positions[column.name] + 1,
                    )

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
            target = parse_split_target(OPERATOR_WORDS.get(operator, operator), value, unit)
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


def _cell(cells: list[str], positions: dict[str, int], name: str) -> str:
    """The text of column ``name`` in a row, each line stripped (as a spec file reads a field
    written over lines), ``""`` when the table has no such column."""
    index = positions.get(name)
    value = cells[index] if index is not None else ""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


#: Project columns that are text as written, and the field each fills.
_PROJECT_TEXTS: Final = {
    "项目编码": "code",
    "实施单位": "unit",
    "资金用途": "purpose",
    "项目绩效目标": "goal",
    "目标完成情况": "goal_outcome",
    "执行说明": "budget_reason",
    "评价结论": "conclusion",
    "存在问题": "problems",
    "改进措施": "improvements",
}
#: Project columns of money (other than the budget's), and the field each fills.
_PROJECT_MONEY: Final = {
    "全年执行数": "executed",
    "调整后预算": "adjusted_budget",
    "年初预算数": "initial_budget",
}
_FAILED: Final = object()


def _fund_sources(text: str) -> tuple[FundSource, ...]:
    try:
        return parse_fund_sources(text)
    except ValueError as error:
        raise FieldValueError("IK021", str(error)) from None


class _Cells:
    """One project's cells read into its records' fields (:mod:`field_values`), each problem
    said at its cell with the spec file's code."""

    def __init__(self, reading: _Reading, positions: dict[str, int]) -> None:
        self.reading = reading
        self.positions = positions
        self.ok = True

    def text(self, cells: list[str], name: str) -> str:
        return _cell(cells, self.positions, name)

    def read(self, cells: list[str], line: int, name: str, convert: Callable[[str], Any]) -> Any:
        """The value of column ``name`` (``None`` when empty), or ``_FAILED`` after a finding."""
        text = self.text(cells, name)
        if not text:
            return None
        try:
            return convert(text)
        except FieldValueError as error:
            column = self.positions[name] + 1
            self.reading.say(error.code, error.message, line, column, suggestion=error.suggestion)
            return _FAILED

    def project_fields(self, line: int, cells: list[str]) -> dict[str, Any] | None:
        """The project's fields from its first row, ``None`` when one cannot be read."""
        fields: dict[str, Any] = {f: self.text(cells, n) for n, f in _PROJECT_TEXTS.items()}
        for name, field in _PROJECT_MONEY.items():
            fields[field] = self.read(cells, line, name, _money(name))
        fields["plan"] = self.read(cells, line, "资金支出计划", plan)
        fields["spent"] = self.read(cells, line, "累计支出", lambda t: plan(t, "累计支出"))
        fields["fund_sources"] = self.read(cells, line, "资金来源", _fund_sources) or ()
        withheld = self.text(cells, "暂不公开")  # the word alone: withheld, no reason written
        fields["withheld"] = (
            None if not withheld else "" if withheld == NO_REASON["暂不公开"] else withheld
        )
        fields["budget"] = self.budget(cells, line)
        if any(value is _FAILED for value in fields.values()):
            return None
        return fields

    def budget(self, cells: list[str], line: int) -> Any:
        amounts = {
            name: self.read(cells, line, name, _money(name))
            for name in ("预算数", "财政资金", "其他资金")
        }
        if _FAILED in amounts.values():
            return _FAILED
        total, fiscal, other = amounts.values()
        if total is None and (fiscal is not None or other is not None):
            name = "财政资金" if fiscal is not None else "其他资金"
            self.reading.say(
                "IK019",
                "写了财政资金或其他资金，却没有预算数 (fiscal or other funds without a budget)",
                line,
                self.positions[name] + 1,
            )
            return _FAILED
        return None if total is None else Budget(total, fiscal, other)

    def indicator(self, line: int, cells: list[str]) -> Indicator | None:
        """The indicator a row holds, ``None`` when it holds none or one that cannot be read."""
        named = [c.name for c in COLUMNS if not c.project and c.name in self.positions]
        if not any(self.text(cells, name) for name in named):
            return None
        levels = [self.text(cells, n) for n in ("一级指标", "二级指标", "三级指标")]
        at = self.positions["三级指标"] + 1
        if any("\n" in level for level in levels):
            self.reading.say("IK633", "指标名称只能写一行 (one line only)", line, at)
            return None
        written = self.reading.split_target(
            cells, line, self.positions, lambda row, name: _cell(row, self.positions, name)
        )
        if written is None:
            return None
        if not written:
            column = self.positions["指标值"] + 1
            self.reading.say(
                "IK032", "指标缺少“指标值” (the indicator has no target)", line, column
            )
            return None
        try:
            read = target(written)
        except FieldValueError as error:
            column = self.positions["指标值"] + 1
            self.reading.say(error.code, error.message, line, column, suggestion=error.suggestion)
            return None
        kind = self.text(cells, "指标性质")
        values = {
            "weight": self.read(cells, line, "分值", lambda t: points(t, "分值")),
            "evaluator_score": self.read(cells, line, "自评得分", lambda t: points(t, "自评得分")),
            "direction": None if kind == "定性" else self.read(cells, line, "指标性质", direction),
        }
        if _FAILED in values.values():
            return None
        not_applicable = self.text(cells, "不适用")
        try:
            return Indicator(
                levels[0],
                levels[1],
                levels[2],
                read.target,
                target_text=written,
                reading=read,
                description=self.text(cells, "绩效指标描述"),
                basis=self.text(cells, "指标值确定依据"),
                actual=self.text(cells, "实际完成值"),
                reason=self.text(cells, "偏差原因"),
                not_applicable=(
                    "" if not_applicable == NO_REASON["不适用"] else not_applicable or None
                ),
                where=Where(Location(line, at, self.reading.sheet)),
                **values,
            )
        except (IndicatorkitError, ValueError) as error:
            self.reading.say("IK040", str(error), line, at)
            return None


def _money(name: str) -> Callable[[str], Amount]:
    """Reads the money of column ``name``, called by its spec-file key in messages."""
    what = BY_NAME[name].key or name
    return lambda text: money(text, what)
