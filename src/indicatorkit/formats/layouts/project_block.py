"""One project block of a sheet (layouts A–D, G–J): the rows from the project's title block
down to the next project.  Its label cells (``项目名称 | …``, ``预算数 | …``, ``绩效目标 | …``
…), the budget block (:mod:`~indicatorkit.formats.layouts.budget_block`) or the budget as
labels, the usage line, spending plan and goal block
(:mod:`~indicatorkit.formats.layouts.declaration_lines`), the indicator table
(:mod:`~indicatorkit.formats.layouts.indicator_table`), printed totals (IK712) and titles
become one :class:`~indicatorkit.model.records.Project`.
"""

from __future__ import annotations

import re

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.fund_sources_text import parse_fund_sources
from indicatorkit.formats.grid import Cell
from indicatorkit.formats.grid_reading import MoneyUnit
from indicatorkit.formats.layouts.budget_block import budget_header, read_budget
from indicatorkit.formats.layouts.declaration_lines import (
    goal_block,
    labelled_budget,
    plan_row,
    usage_line,
)
from indicatorkit.formats.layouts.indicator_header import find_table
from indicatorkit.formats.layouts.indicator_table import read_indicators
from indicatorkit.formats.layouts.sheet import SheetReading, cell_text
from indicatorkit.formats.table_words import PROJECT_LABELS, TITLE_BLOCK
from indicatorkit.model.budget_columns import project_with_initial
from indicatorkit.model.findings import Severity

__all__ = ["read_project", "title_block_start"]

ERROR, INFO = Severity.ERROR, Severity.INFO

#: The self-assessment's prose rows of a project sheet, label → the project's field.
_ASSESSMENT_PROSE = {"评价结论": "conclusion", "存在问题": "problems", "改进措施": "improvements"}
#: Labels whose value cell is a project field as it stands.
_TEXT_FIELDS = {"执行说明": "budget_reason", "目标完成情况": "goal_outcome", **_ASSESSMENT_PROSE}
#: Every label a project block may hold, its value in the cell to its right.
_LABELS = (
    "项目编号",
    "项目名称",
    "项目编码",
    "单位",
    "实施单位",
    "主管部门",
    "部门名称",
    "部门(单位)名称",
    "预算数",
    "其中:财政资金",
    "财政资金",
    "其他资金",
    "资金用途",
    "支出计划",
    "绩效目标",
    "年度绩效目标",
    "暂不公开",
    "执行数",
    "调整后预算",
    "累计支出",
    "执行说明",
    "年初预算数",
    "资金来源",
    "目标完成情况",
    *_ASSESSMENT_PROSE,
    "评分规则",
)


Found = dict[str, Cell | None]


def title_block_start(sheet: SheetReading, row: int) -> int:
    """The first row of the title block above a 项目名称 row (unit code and name, ``单位：元``,
    a numbered table title), so that it is not read as the previous project's table.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["备注"], ["315001", "玉田县司法局本级"], ["单位：元"],
    ...                             ["3.法律援助绩效目标表"], ["项目名称", "法律援助"]])
    >>> title_block_start(SheetReading.of(grid, "表.xlsx"), 5)
    2
    """
    start = row
    for probe in reversed(sheet.grid.rows_between(1, row - 1)):
        texts = [c.text.strip() for c in sheet.grid.row_cells(probe)]
        if not all(TITLE_BLOCK.search(t) for t in texts) and not (
            len(texts) == 2 and re.fullmatch(r"\d{6}", texts[0])
        ):
            break
        start = probe
    return start


def _number(sheet: SheetReading, found: Found) -> int:
    number = sheet.book.next_number
    if (cell := found.get("项目编号")) is not None:
        try:
            number = int(cell.text)
        except ValueError:
            sheet.at(
                "IK709",
                ERROR,
                f"项目编号不是整数 (project number is not an integer): “{cell.text}”",
                cell,
            )
    return number


def _unit(sheet: SheetReading, found: Found, start: int, end: int) -> str:
    unit = cell_text(found.get("实施单位")) or cell_text(found.get("单位"))
    if unit is None:
        unit = sheet.title_unit(start, end)
    if (boss := found.get("主管部门")) is not None:
        sheet.at(
            "IK707", INFO, f"主管部门“{boss.text}”不在模型中，未读入 (not kept by the model)", boss
        )
    return unit or ""


def _lines(
    sheet: SheetReading, found: Found, rows: list[int], money: MoneyUnit | None
) -> dict[str, object]:
    """The budget written as labels, the usage line, the spending plan and the goal."""
    goal = cell_text(found.get("绩效目标")) or cell_text(found.get("年度绩效目标"))
    return {
        "budget": labelled_budget(sheet, rows, money, found),
        "purpose": cell_text(found.get("资金用途")) or usage_line(sheet, rows) or "",
        "plan": sheet.plan_text(found.get("支出计划")) or plan_row(sheet, rows),
        "goal": goal or goal_block(sheet, rows) or "",
    }


def _fields(sheet: SheetReading, found: Found, money: MoneyUnit | None) -> dict[str, object]:
    """The project fields its labels give beside the budget (executed, spent, reasons …)."""
    fields: dict[str, object] = {}
    for label, field in (("执行数", "executed"), ("调整后预算", "adjusted_budget")):
        if (cell := found.get(label)) is not None:
            fields[field] = sheet.money(cell, money)
    if (cell := found.get("累计支出")) is not None:
        fields["spent"] = sheet.plan_text(cell)
    if (cell := found.get("年初预算数")) is not None:
        fields["initial_budget"] = sheet.money(cell, money)
    if (cell := found.get("资金来源")) is not None:
        try:
            fields["fund_sources"] = parse_fund_sources(cell.text)
        except ValueError as error:
            sheet.bad_number(cell, f"资金来源无效 (invalid fund sources): {error}")
    for label, field in _TEXT_FIELDS.items():
        if (cell := found.get(label)) is not None:
            fields[field] = cell.text
    return fields


def read_project(sheet: SheetReading, start: int, end: int) -> None:
    """Read the project block of rows ``start`` to ``end`` into the book (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["单位：元"], ["项目名称", "法律援助"], ["预算数", "10000"],
    ...     ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "受理数", "≥180件"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> read_project(sheet, 1, 5)
    >>> [(p.name, str(p.budget.total), len(p.indicators)) for p, _, _ in sheet.book.projects]
    [('法律援助', '10000元', 1)]
    """
    table = find_table(sheet, start, end)
    budget_rows = budget_header(sheet, start, end)
    table_rows = set(range(table.header, table.end + 1)) if table is not None else set()
    label_rows = [r for r in sheet.grid.rows_between(start, end) if r not in table_rows]
    money = sheet.block_money_unit(start, end)
    block = None
    if budget_rows is not None:  # first, so that its row labels are not read as labels
        block = read_budget(sheet, budget_rows, end, money)
    found = sheet.labelled(label_rows, _LABELS)
    if (rules_cell := found.get("评分规则")) is not None and sheet.book.rules is None:
        sheet.book.rules = rules_cell.text
    name = next((t for label in PROJECT_LABELS if (t := cell_text(found.get(label)))), "")
    number = _number(sheet, found)
    unit = _unit(sheet, found, start, end)
    fields = _lines(sheet, found, label_rows, money)
    if block is not None:
        fields["budget"], extra = block
        fields.update(extra)
    fields.update(_fields(sheet, found, money))
    if "暂不公开" in found:
        fields["withheld"] = cell_text(found["暂不公开"]) or ""
    indicators = read_indicators(sheet, table) if table is not None else []
    sheet.totals(start, end)
    sheet.use_titles_in(start, end)
    try:
        project = project_with_initial(  # an older workbook's 年初预算数 row folded in
            number,
            name,
            code=cell_text(found.get("项目编码")) or "",
            unit=unit,
            indicators=[i for i, _ in indicators],
            **fields,
        )
    except (IndicatorkitError, ValueError) as error:
        sheet.say("IK717", ERROR, f"项目无效，未读入 (invalid project, not read): {error}", start)
        return
    sheet.book.add_project(project, sheet.grid.name, start)
