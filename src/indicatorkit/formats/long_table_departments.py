"""A long table of many departments (多部门长表): the rows split on a ``部门`` column, each
department's rows read as its own long table.

The department column is blanked, not removed, so that every finding keeps the file's own
line and column.  A row with an empty department cell that continues the project above (its
项目编号 empty or the same: a table saved from merged cells) belongs to that row's department;
any other belongs to :data:`NO_DEPARTMENT`, said by IK637 at the cell — never dropped; a table
without a department column is refused (IK630, the header misses a column).

>>> tables = read_department_tables(
...     "部门,项目编号,三级指标,指标值\\n司法局,1,受理数,≥180件\\n民政局,1,救助人数,≥90%\\n"
...     "司法局,1,满意度,≥9O%\\n", source="局.csv")
>>> [(name, [i.name for i in imported.spec.projects[0].indicators]) for name, imported in tables.departments]
[('司法局', ['受理数']), ('民政局', ['救助人数'])]
>>> [(f.code, f.line, f.column) for f in tables.departments[0][1].findings]   # the file's place
[('IK030', 4, 4)]
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from indicatorkit.formats.format import Probe
from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.long_columns import NAMES, REQUIRED
from indicatorkit.formats.long_table import frame_rows, probed_header
from indicatorkit.formats.long_table_read import read_long_grid, table_records
from indicatorkit.formats.table_text import header_key
from indicatorkit.model.findings import Finding, Severity

__all__ = [
    "DEPARTMENT_HEADERS",
    "NO_DEPARTMENT",
    "DepartmentTables",
    "holds_its_actuals",
    "read_department_frame",
    "read_department_tables",
]

#: The header cells that name the department column (casefolded).
DEPARTMENT_HEADERS: Final = ("部门", "部门名称", "department", "部门 department")
#: The department of a row whose department cell is empty.
NO_DEPARTMENT: Final = "（未填部门）(no department)"


@attrs.frozen
class DepartmentTables:
    """Each department's name and its rows read (in the order the departments first appear),
    and ``findings`` about the file as a whole (a refusal, rows of another width).

    >>> read_department_tables("", source="空.csv").findings[0].code
    'IK630'
    """

    departments: tuple[tuple[str, Imported], ...]
    findings: tuple[Finding, ...]


def _department_column(header: list[str]) -> int | None:
    for position, cell in enumerate(header):
        if " ".join(cell.split()).casefold() in DEPARTMENT_HEADERS:
            return position
    return None


def holds_its_actuals(probe: Probe) -> bool:
    """Whether a text table is the long table of one spec with its actuals: its header names
    every column a long table needs (项目编号, 三级指标, 指标值), 实际完成值, and no 部门 (a
    table of many departments is no one spec) — so ``read`` takes it for a long table.
    ``check`` reads such a file as a spec and checks its own actuals (as it does a filled
    自评表 workbook; :func:`~indicatorkit.formats.checked_file.read_checked`): targets read as
    the long table writes them — 运算符 and 计量单位 beside a bare 指标值 — never as bare rows of
    target and actual.

    >>> holds_its_actuals(Probe("项目编号,三级指标,运算符,指标值,计量单位,实际完成值\\n".encode()))
    True
    >>> holds_its_actuals(Probe("项目名称,三级指标,指标值,实际完成值\\n".encode()))  # rows to check
    False
    >>> holds_its_actuals(Probe("项目编号,部门,三级指标,指标值,实际完成值\\n".encode()))
    False
    """
    header, columns = probed_header(probe)
    return {*REQUIRED, "实际完成值"} <= columns and _department_column(header) is None


def read_department_tables(data: str | bytes, *, source: str) -> DepartmentTables:
    """Split a text long table (CSV or TSV; UTF-8 or GBK) on its department column and read
    each department's rows (:func:`~indicatorkit.formats.long_table_read.read_long_grid`).

    >>> tables = read_department_tables("项目编号,三级指标,指标值\\n1,受理数,≥1件\\n", source="t.csv")
    >>> tables.departments, tables.findings[0].code, tables.findings[0].message.split(" (")[0]
    ((), 'IK630', '表头缺少部门列')
    >>> tables = read_department_tables("部门,项目编号,三级指标,指标值\\n,1,受理数,≥1件\\n", source="t.csv")
    >>> tables.departments[0][0]
    '（未填部门）(no department)'
    """
    records = table_records(data, source=source)
    if isinstance(records, Imported):
        return DepartmentTables((), records.findings)
    rows, lines, width, findings = records
    return _split(rows, lines, width, source, tuple(findings))


def read_department_frame(frame: Any, *, source: str = "<frame>") -> DepartmentTables:
    """:func:`read_department_tables` for a pandas or polars frame; findings name the frame's
    row (the header is row 1) as their line.

    >>> import pandas
    >>> frame = pandas.DataFrame({"部门": ["司法局", "民政局"], "项目编号": [1, 1],
    ...     "三级指标": ["受理数", "人数"], "指标值": ["≥1件", "≥2人"]})
    >>> [name for name, _ in read_department_frame(frame).departments]
    ['司法局', '民政局']
    """
    rows = frame_rows(frame)
    lines = {row: row for row in range(1, len(rows) + 1)}
    return _split(rows, lines, len(rows[0]), source, ())


def _departments(header: list[str], body: list[list[str]], column: int) -> list[str]:
    """Each row's department: its own cell; an empty cell on a row that continues the project
    above (its 项目编号 and 项目名称 empty or the same, as a table saved from merged cells
    writes them) takes that project's department; else :data:`NO_DEPARTMENT`."""
    keys = [header_key(cell, NAMES) for cell in header]
    project = [keys.index(name) for name in ("项目编号", "项目名称") if name in keys]
    names: list[str] = []
    last: list[str] = []  # the project cells last written
    for cells in body:
        here = [cells[i].strip() for i in project]
        continues = bool(names) and bool(project) and names[-1] != NO_DEPARTMENT
        continues = continues and all(not h or h == a for h, a in zip(here, last, strict=True))
        own = " ".join(cells[column].split()) or (names[-1] if continues else NO_DEPARTMENT)
        names.append(own)
        last = [h or a for h, a in zip(here, last, strict=True)] if last else here
    return names


def _unnamed(
    names: list[str], body: list[list[str]], column: int, lines: dict[int, int], source: str
) -> list[Finding]:
    """IK637 at each department cell left empty that no row above fills."""
    return [
        Finding(
            "IK637",
            Severity.WARNING,
            f"部门为空，归入{NO_DEPARTMENT} (an empty department: scored under {NO_DEPARTMENT})",
            lines[row_number],
            column + 1,
            suggestion="填写部门，或把它放在所属项目的行下 / fill in the department",
            file=source,
        )
        for row_number, (name, cells) in enumerate(zip(names, body, strict=True), start=2)
        if name == NO_DEPARTMENT and not cells[column].strip()
    ]


def _split(
    rows: list[list[str]],
    lines: dict[int, int],
    width: int,
    source: str,
    findings: tuple[Finding, ...],
) -> DepartmentTables:
    header, *body = rows
    column = _department_column(header)
    if column is None:
        missing = Finding(
            "IK630",
            Severity.ERROR,
            "表头缺少部门列 (the header has no department column)",
            lines[1],
            1,
            suggestion=f"加一列 / add a column: {' / '.join(DEPARTMENT_HEADERS[:3])}",
            file=source,
        )
        return DepartmentTables((), (*findings, missing))
    groups: dict[str, list[int]] = {}
    names = _departments(header, body, column)
    for row_number, name in enumerate(names, start=2):
        groups.setdefault(name, []).append(row_number)
    findings = (*findings, *_unnamed(names, body, column, lines, source))
    blank = [*header[:column], "", *header[column + 1 :]]
    departments = []
    for name, members in groups.items():
        grid_rows = [blank]
        grid_lines = {1: lines[1]}
        for position, row_number in enumerate(members, start=2):
            cells = rows[row_number - 1]
            grid_rows.append([*cells[:column], "", *cells[column + 1 :]])
            grid_lines[position] = lines[row_number]
        grid = grid_from_rows("CSV", grid_rows, source=source)
        read = read_long_grid(grid, source=source, lines=grid_lines, width=width)
        departments.append((name, read))
    return DepartmentTables(tuple(departments), findings)
