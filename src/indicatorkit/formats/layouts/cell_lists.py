"""Lists inside one cell (layout F, Anhui): an outer table ``单位编码 | 单位名称（项目类别/支出项目）
| 年度预算安排 | 项目内容 | 绩效目标``, one project a row, and in the 绩效目标 cell ``【项目概况】：…
【总体目标】… 【产出指标-数量指标】 指标1:名称（目标） 指标2:…`` — the target is the text inside
the last parentheses; a section the model has no place for is IK707.
"""

from __future__ import annotations

import re

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.table_words import RUNNING_PREFIX
from indicatorkit.language.parse import parse_target
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Budget, Indicator, Project

__all__ = ["read_cell_lists"]

ERROR, INFO = Severity.ERROR, Severity.INFO

_SECTION = re.compile(r"【([^】]*)】[:：]?\s*((?:(?!【).)*)", re.S)
_ITEM = re.compile(r"(?=指标\s*\d+\s*[:：])")
_LAST_PARENTHESES = re.compile(r"[（(]([^（）()]*)[)）]\s*$")


def read_cell_lists(sheet: SheetReading) -> bool:
    """Read the sheet's cell-list table into the book, if it has one (``True``).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["单位名称", "项目内容", "绩效目标"], ["某局", "培训",
    ...     "【总体目标】培训干部 【产出指标-数量指标】 指标1:培训人数（≥100人）"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> read_cell_lists(sheet)
    True
    >>> [(p.name, p.goal, str(p.indicators[0].target)) for p, _, _ in sheet.book.projects]
    [('某局', '培训干部', '≥100人')]
    """
    for row in sheet.grid.non_empty_rows():
        cells = sheet.grid.row_cells(row)
        keys = [sheet.grid.key_of(c) for c in cells]
        if "绩效目标" in keys and any("项目内容" in k or "单位名称" in k for k in keys):
            _read_table(sheet, row, cells)
            return True
    return False


def _columns(sheet: SheetReading, cells: list[Cell]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for cell in cells:
        k = key(cell.text)
        sheet.claim(cell)
        if k == "绩效目标":
            columns["goal"] = cell.column
        elif "单位名称" in k or k == "项目名称":
            columns["name"] = cell.column
        elif "单位编码" in k:
            columns["code"] = cell.column
        elif "预算" in k:
            columns["budget"] = cell.column
        elif "项目内容" in k:
            columns["purpose"] = cell.column
    return columns


def _read_table(sheet: SheetReading, header: int, cells: list[Cell]) -> None:
    columns = _columns(sheet, cells)
    money = sheet.block_money_unit(1, header)
    for row in sheet.grid.rows_between(header + 1, sheet.grid.rows):
        goal_cell = sheet.grid.cell(row, columns["goal"])
        if goal_cell is None:
            continue
        sheet.use_row(row)
        goal, purpose, indicators = _cell_list(sheet, goal_cell)
        budget = None
        if "budget" in columns:
            amount = sheet.money(sheet.grid.cell(row, columns["budget"]), money)
            budget = Budget(amount) if amount is not None else None
        try:
            project = Project(
                sheet.book.next_number,
                sheet.grid.text(row, columns.get("name", 0)).replace("\n", " "),
                unit=sheet.grid.text(row, columns.get("code", 0)),
                budget=budget,
                purpose="\n".join(
                    p for p in (sheet.grid.text(row, columns.get("purpose", 0)), purpose) if p
                ),
                goal=goal,
                indicators=indicators,
            )
        except (IndicatorkitError, ValueError) as error:
            sheet.say("IK717", ERROR, f"项目无效，未读入 (invalid project, not read): {error}", row)
            continue
        sheet.book.add_project(project, sheet.grid.name, row)


def _cell_list(sheet: SheetReading, cell: Cell) -> tuple[str, str, list[Indicator]]:
    """``【项目概况】：… 【总体目标】… 【产出指标-数量指标】 指标1:名称（目标） 指标2:…``."""
    goal = purpose = ""
    indicators: list[Indicator] = []
    for match in _SECTION.finditer(cell.text):
        title, body = match.group(1).strip(), match.group(2).strip()
        if "概况" in title:
            purpose = body
        elif "目标" in title and "-" not in title:
            goal = body
        elif "-" in title:
            level1, _, level2 = title.partition("-")
            for item in _ITEM.split(body):
                made = _item(sheet, cell, level1.strip(), level2.strip(), item)
                if made is not None:
                    indicators.append(made)
        else:
            sheet.say(
                "IK707",
                INFO,
                f"“【{title}】”一段不在模型中，未读入 (section not kept)",
                cell.row,
                cell.column,
                body[:200],
            )
    return goal, purpose, indicators


def _item(sheet: SheetReading, cell: Cell, level1: str, level2: str, item: str) -> Indicator | None:
    """``指标1:名称（目标）``: an indicator, or ``None`` (said, unless the item is empty)."""
    item = item.strip().rstrip("；;。")
    if not item:
        return None
    item = RUNNING_PREFIX.sub("", item)
    inner = _LAST_PARENTHESES.search(item)
    if inner is None:
        sheet.say(
            "IK702",
            ERROR,
            f"指标没有括号里的指标值，未读入 (no target in parentheses): “{item}”",
            cell.row,
            cell.column,
            item,
        )
        return None
    name = item[: inner.start()].strip()
    target_text = inner.group(1).strip()
    if "*" in target_text:
        sheet.say(
            "IK705",
            ERROR,
            f"指标值是模板占位符“{target_text}”，未读入 (a template placeholder)",
            cell.row,
            cell.column,
            item,
        )
        return None
    try:
        parsed = parse_target(target_text, lenient=True)
        return Indicator(
            level1, level2, name, parsed.target, target_text=target_text, reading=parsed
        )
    except (IndicatorkitError, ValueError) as error:
        sheet.say(
            "IK702",
            ERROR,
            f"指标值无法读出，未读入 (cannot read the target): {error}",
            cell.row,
            cell.column,
            item,
        )
        return None
