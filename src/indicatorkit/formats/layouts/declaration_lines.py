"""The lines of a project block that are not tables (layouts A and B): the budget written as
labels (``预算数 | … | 其中：财政资金 | … | 其他资金 | …``), the free-text usage line under
``预算规模及资金用途``, the spending plan as a row of checkpoints over a row of shares
(``资金支出计划（%） | 3月底 | 6月底 …``), and the goal block (``年度总体目标 | 预期目标 |
实际完成情况``: the outcome is not in the model, IK707).
"""

from __future__ import annotations

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.grid_reading import MoneyUnit
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.table_words import DASHES
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import DatePoint
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Budget, Checkpoint, SpendingPlan

__all__ = ["goal_block", "labelled_budget", "plan_row", "usage_line"]

ERROR, INFO = Severity.ERROR, Severity.INFO


def labelled_budget(
    sheet: SheetReading, rows: list[int], money: MoneyUnit | None, found: dict[str, Cell | None]
) -> Budget | None:
    """The budget the labels ``预算数``, ``其中：财政资金`` (or ``财政资金``) and ``其他资金``
    give in ``found`` (IK709 for a part without a total).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["预算数", "10000", "其中：财政资金", "8000", "其他资金", "2000"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> found = sheet.labelled([1], ["预算数", "其中:财政资金", "其他资金"])
    >>> budget = labelled_budget(sheet, [1], MoneyUnit("元"), found)
    >>> str(budget.total), str(budget.fiscal), str(budget.other)
    ('10000元', '8000元', '2000元')
    """
    total = sheet.money(found.get("预算数"), money)
    fiscal_cell = found.get("其中:财政资金") or found.get("财政资金")
    fiscal = sheet.money(fiscal_cell, money)
    other = sheet.money(found.get("其他资金"), money)
    if total is None:
        for cell, what in ((fiscal_cell, "财政资金"), (found.get("其他资金"), "其他资金")):
            if cell is not None and key(cell.text) not in DASHES:
                sheet.say(
                    "IK709",
                    ERROR,
                    f"有{what}而没有预算数 ({what} given without a total budget)",
                    cell.row,
                    cell.column,
                    cell.text,
                )
        return None
    try:
        return Budget(total, fiscal, other)
    except (IndicatorkitError, ValueError) as error:
        sheet.say("IK717", ERROR, f"预算无效 (invalid budget): {error}", rows[0] if rows else 1)
        return None


def usage_line(sheet: SheetReading, rows: list[int]) -> str | None:
    """Layout A: the free-text line under ``预算规模及资金用途 | 预算数 …``.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> sheet = SheetReading.of(grid_from_rows("表", [["预算规模及资金用途", "办案补贴"]]), "表.xlsx")
    >>> usage_line(sheet, [1])
    '办案补贴'
    """
    for row in rows:
        cells = sheet.grid.row_cells(row)
        if cells and key(cells[0].text).startswith("预算规模及资金用途"):
            sheet.use(cells[0].row, cells[0].column)
            rest = [c for c in cells[1:] if c.origin not in sheet.used]
            if rest and not any(key(c.text) in ("预算数", "其他资金") for c in rest):
                for c in rest:
                    sheet.use(c.row, c.column)
                return rest[0].text
    return None


def plan_row(sheet: SheetReading, rows: list[int]) -> SpendingPlan | None:
    """Layout A: ``资金支出计划（%） | 3月底 | 6月底 …`` and the shares in the next row.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["资金支出计划（%）", "3月底", "12月底"], [None, "30%", "100%"]],
    ...                       merges=[(1, 1, 2, 1)])
    >>> [str(p.share) for p in plan_row(SheetReading.of(grid, "表.xlsx"), [1, 2]).checkpoints]
    ['30%', '100%']
    """
    for row in rows:
        cells = sheet.grid.row_cells(row)
        if not cells or not key(cells[0].text).startswith("资金支出计划"):
            continue
        if cells[0].anchor is not None and cells[0].anchor[0] != row:
            continue
        sheet.use(cells[0].row, cells[0].column)
        points = []
        for cell in cells[1:]:
            if cell.origin == cells[0].origin or cell.anchor is not None:
                continue  # a date merged across columns is one date
            sheet.use(cell.row, cell.column)
            try:
                point = parse_actual(cell.text)
            except (IndicatorkitError, ValueError):
                point = None
            if not isinstance(point, DatePoint):
                sheet.bad_number(cell, f"支出计划的时点无效 (invalid checkpoint): “{cell.text}”")
                return None
            share_cell = sheet.grid.cell(row + 1, cell.column)
            if share_cell is None:
                sheet.say(
                    "IK709",
                    ERROR,
                    "支出计划缺少比例 (a checkpoint without share)",
                    row + 1,
                    cell.column,
                )
                return None
            sheet.use(share_cell.row, share_cell.column)
            share = sheet.share(share_cell)
            if share is None:
                return None
            points.append(Checkpoint(point, share))
        # the label merged over the share row
        below = sheet.grid.cell(row + 1, cells[0].column)
        if below is not None:
            sheet.use(below.row, below.column)
        return SpendingPlan(points) if points else None
    return None


def goal_block(sheet: SheetReading, rows: list[int]) -> str | None:
    """``年度总体目标 | 预期目标 | 实际完成情况``: the goal under 预期目标; the text under
    实际完成情况 is not in the model (a finding).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["年度总体目标", "预期目标", "实际完成情况"],
    ...                             [None, "办案180件", "办案200件"]], merges=[(1, 1, 2, 1)])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> goal_block(sheet, [1, 2]), [(f.code, f.place) for f in sheet.findings]
    ('办案180件', [('IK707', '表.xlsx:表!C2')])
    """
    for row in rows:
        for cell in sheet.grid.row_cells(row):
            if key(cell.text) in ("预期目标", "年度目标") and cell.origin not in sheet.used:
                sheet.use_row(row)
                below = sheet.grid.cell(row + 1, cell.column)
                goal = None
                if below is not None:
                    sheet.use(below.row, below.column)
                    goal = below.text
                for other in sheet.grid.row_cells(row + 1):
                    if other.origin in sheet.used or (other.row, other.column) in sheet.used:
                        continue
                    sheet.use(other.row, other.column)
                    if key(sheet.grid.text(row, other.column)) == "实际完成情况":
                        sheet.say(
                            "IK707",
                            INFO,
                            "年度总体目标的实际完成情况不在模型中，未读入 "
                            "(the goal's actual outcome is not kept by the model)",
                            other.row,
                            other.column,
                            other.text[:200],
                        )
                return goal
    return None
