"""The sheets the library writes itself (:func:`~indicatorkit.formats.workbook_write.write_workbook`),
read back: the cover (``评分规则``), the department sheet (labels, then the goals table ``目标编号
| 目标 | 数据 | 共N条`` and the measures table ``保障措施 | 措施 | 标记 | 共N行``, a group's title
row marked ``标题``), and one sheet per programme (``分项名称``, its indicator table).
"""

from __future__ import annotations

import re

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.grid import key
from indicatorkit.formats.layouts.indicator_header import find_table
from indicatorkit.formats.layouts.indicator_table import read_indicators
from indicatorkit.formats.layouts.sheet import SheetReading, cell_text
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Department, DepartmentGoal, MeasureGroup, Programme

__all__ = ["read_own_sheet"]

ERROR = Severity.ERROR


def read_own_sheet(sheet: SheetReading, labels: set[str]) -> bool:
    """Read ``sheet`` into the book if its ``labels`` (the keys of its cells) make it one of
    the library's own department, programme or cover sheets (``True``).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("部门", [["部门编码", "315001"], ["部门名称", "司法局"], ["年度", "2025"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> read_own_sheet(sheet, {"部门编码", "部门名称", "年度"})
    True
    >>> sheet.book.department.code, sheet.book.department.year
    ('315001', 2025)
    """
    if "部门编码" in labels:
        _read_department(sheet)
    elif "分项名称" in labels:
        _read_programme(sheet)
    elif "评分规则" in labels and "项目名称" not in labels:
        _read_cover(sheet)
    else:
        return False
    return True


def _read_cover(sheet: SheetReading) -> None:
    found = sheet.labelled(range(1, sheet.grid.rows + 1), ["评分规则"])
    cell = found.get("评分规则")
    sheet.book.cover = True
    if cell is not None:
        sheet.book.rules = cell.text
    sheet.use_titles()


def _read_department(sheet: SheetReading) -> None:
    """The department sheet :func:`write_workbook` writes: labels, then the goals table
    (``目标编号 | 目标 | 数据 | 共N条``) and the measures table (``保障措施 | 措施 | 标记 |
    共N行``; a group's title row is marked ``标题``)."""
    tables = _counted_tables(sheet)
    claimed = {r for start, count in tables.values() for r in range(start, start + count + 1)}
    free = [r for r in sheet.grid.rows_between(1, sheet.grid.rows) if r not in claimed]
    found = sheet.labelled(free, ["部门编码", "部门名称", "年度", "总体目标"])
    year_text = cell_text(found.get("年度"))
    year = None
    if year_text:
        try:
            year = int(year_text)
        except ValueError:
            cell = found["年度"]
            assert cell is not None
            sheet.bad_number(cell, f"年度不是整数 (year is not an integer): “{year_text}”")
    goals = _goals(sheet, tables.get("目标编号", (0, 0)))
    measures = _measures(sheet, tables.get("保障措施", (0, 0)))
    try:
        sheet.book.department = Department(
            cell_text(found.get("部门编码")) or "",
            cell_text(found.get("部门名称")) or "",
            year,
            overall_goal=cell_text(found.get("总体目标")) or "",
            goals=goals,
            measures=measures,
        )
    except (IndicatorkitError, ValueError) as error:
        sheet.say("IK717", ERROR, f"部门信息无效 (invalid department): {error}", 1)
    sheet.use_titles()


def _goals(sheet: SheetReading, table: tuple[int, int]) -> list[DepartmentGoal]:
    goals = []
    start, count = table
    for row in range(start + 1, start + count + 1):
        number_text, text, figures = (sheet.use(row, c) for c in (1, 2, 3))
        amounts = sheet.amount_list(figures, row, 3)
        try:
            goals.append(
                DepartmentGoal(int(number_text) if number_text.strip() else None, text, amounts)
            )
        except (IndicatorkitError, ValueError) as error:
            sheet.say(
                "IK717", ERROR, f"部门目标无效，未读入 (invalid goal, not read): {error}", row
            )
    return goals


def _measures(sheet: SheetReading, table: tuple[int, int]) -> list[MeasureGroup]:
    measures = []
    start, count = table
    group: tuple[str, list[str]] | None = None
    for row in range(start + 1, start + count + 1):
        title, item, mark = (sheet.use(row, c) for c in (1, 2, 3))
        if mark == "标题":
            if group is not None:
                measures.append(MeasureGroup(group[0], group[1]))
            group = (title, [])
        elif group is not None:
            group[1].append(item)
    if group is not None:
        measures.append(MeasureGroup(group[0], group[1]))
    return measures


def _counted_tables(sheet: SheetReading) -> dict[str, tuple[int, int]]:
    """Tables whose header ends in ``共N条`` / ``共N行``: first header text → (row, N)."""
    found: dict[str, tuple[int, int]] = {}
    for row in sheet.grid.non_empty_rows():
        first = key(sheet.grid.text(row, 1))
        count = re.fullmatch(r"共(\d+)[条行]", key(sheet.grid.text(row, 4)))
        if first in ("目标编号", "保障措施") and count:
            sheet.use_row(row)
            found[first] = (row, int(count.group(1)))
    return found


def _read_programme(sheet: SheetReading) -> None:
    table = find_table(sheet, 1, sheet.grid.rows)
    rows = range(1, (table.header if table else sheet.grid.rows + 1))
    found = sheet.labelled(rows, ["分项名称", "目标", "说明", "支出计划"])
    indicators = read_indicators(sheet, table) if table else []
    plan = sheet.plan_text(found.get("支出计划"))
    try:
        programme = Programme(
            cell_text(found.get("分项名称")) or "",
            goal=cell_text(found.get("目标")) or "",
            summary=cell_text(found.get("说明")) or "",
            plan=plan,
            indicators=[i for i, _ in indicators],
        )
    except (IndicatorkitError, ValueError) as error:
        sheet.say("IK717", ERROR, f"分项无效 (invalid programme): {error}", 1)
        return
    sheet.book.programmes.append(programme)
    sheet.use_titles()
