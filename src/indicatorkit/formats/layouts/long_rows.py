"""One long table for all the projects of a unit (layout E2): the project columns
(``项目名称``, ``单位``, ``预算数（万元）``, ``年度绩效目标``) beside the indicator columns.  A
project's fields stand on its first row — merged down, left empty below, or repeated on every
row of the project (a filled-down sheet, a CSV export saved as a workbook): a row whose
project cells are empty, merged from above, or the same as the current project's continues
that project; a row naming another project starts the next one.
"""

from __future__ import annotations

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.grid import Cell
from indicatorkit.formats.grid_reading import MoneyUnit
from indicatorkit.formats.layouts.indicator_header import Table, claim_header
from indicatorkit.formats.layouts.indicator_row import read_indicator_row
from indicatorkit.formats.layouts.indicator_table import level1_column
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.level_points import check_level_points
from indicatorkit.formats.table_words import caption_money_unit
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Budget, Indicator, Project

__all__ = ["read_long_rows"]

_PROJECT_ROLES = ("project_name", "project_unit", "project_goal", "project_budget")


class _Project:
    """The project being read: its first row, fields, indicators, and the project cells'
    texts that a repeating row carries again."""

    def __init__(self, start: int, fields: dict[str, object], texts: dict[str, str]) -> None:
        self.start = start
        self.fields = fields
        self.texts = texts
        self.indicators: list[tuple[Indicator, int]] = []


def _starting(cell: Cell | None, row: int) -> Cell | None:
    """``cell`` when it is written in ``row`` (not merged down from above)."""
    if cell is None or (cell.anchor is not None and cell.anchor[0] != row):
        return None
    return cell


def _texts(sheet: SheetReading, table: Table, row: int) -> dict[str, str]:
    return {
        role: sheet.grid.text(row, table.column(role)) for role in _PROJECT_ROLES if table.has(role)
    }


def _repeats(current: _Project | None, texts: dict[str, str]) -> bool:
    """The row carries the current project's cells again (each one empty or the same)."""
    if current is None:
        return False
    return all(not text.strip() or text == current.texts.get(role) for role, text in texts.items())


def _open(sheet: SheetReading, table: Table, row: int, unit: MoneyUnit | None) -> _Project:
    texts = _texts(sheet, table, row)
    fields: dict[str, object] = {"name": texts["project_name"].replace("\n", " ")}
    if "project_unit" in texts:
        fields["unit"] = texts["project_unit"].replace("\n", " ")
    if "project_goal" in texts:
        fields["goal"] = texts["project_goal"]
    if table.has("project_budget"):
        amount = sheet.money(sheet.grid.cell(row, table.column("project_budget")), unit)
        if amount is not None:
            fields["budget"] = Budget(amount)
    return _Project(row, fields, texts)


def _close(sheet: SheetReading, table: Table, current: _Project | None, until: int) -> None:
    if current is None:
        return
    try:
        project = Project(
            sheet.book.next_number,
            indicators=[i for i, _ in current.indicators],
            **current.fields,  # type: ignore[arg-type]
        )
    except (IndicatorkitError, ValueError) as error:
        sheet.say(
            "IK717",
            Severity.ERROR,
            f"项目无效，未读入 (invalid project, not read): {error}",
            current.start,
        )
        return
    check_level_points(sheet, level1_column(table), current.indicators, range(current.start, until))
    sheet.book.add_project(project, sheet.grid.name, current.start)


def read_long_rows(sheet: SheetReading, table: Table) -> None:
    """Read the long table ``table`` (it has a ``project_name`` column) into the book, one
    project per run of rows (see the module); printed totals under it are IK712.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.layouts.indicator_header import find_table
    >>> from indicatorkit.formats.layouts.sheet import SheetReading
    >>> grid = grid_from_rows("表", [
    ...     ["项目名称", "预算数（万元）", "一级指标", "二级指标", "三级指标", "指标值"],
    ...     ["道路维护", "85", "产出指标", "数量指标", "里程", "≥60公里"],
    ...     ["道路维护", "85", "满意度指标", "满意度指标", "满意度", "≥90%"],
    ...     ["公交补贴", "20", "产出指标", "数量指标", "线路", "12条"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> book = sheet.book
    >>> read_long_rows(sheet, find_table(sheet, 1, 4))
    >>> [(p.name, str(p.budget.total), len(p.indicators)) for p, _, _ in book.projects]
    [('道路维护', '85万元', 2), ('公交补贴', '20万元', 1)]
    """
    money = sheet.block_money_unit(1, table.header)
    budget_unit = money
    if table.has("project_budget"):
        header = sheet.grid.text(table.header, table.column("project_budget"))
        if (stated := caption_money_unit(header)) is not None:
            budget_unit = MoneyUnit(stated)
    claim_header(sheet, table)
    current: _Project | None = None
    name_column = table.column("project_name")
    for row in range(table.header + 1, table.end + 1):
        name_cell = _starting(sheet.grid.cell(row, name_column), row)
        if name_cell is not None and not _repeats(current, _texts(sheet, table, row)):
            _close(sheet, table, current, row)
            current = _open(sheet, table, row, budget_unit)
        made = read_indicator_row(sheet, table, row)
        if made is None:
            continue
        if current is None:
            sheet.say(
                "IK717",
                Severity.ERROR,
                "指标行前没有项目名称 (an indicator before any project)",
                row,
            )
        else:
            current.indicators.append((made, row))
    _close(sheet, table, current, table.end + 1)
    sheet.totals(1, sheet.grid.rows)
