"""The budget block of layouts B, C, D and G, wherever it stands on a sheet: ``项目资金（万元）
| 年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率 | 得分`` (or ``预算执行情况（万元）
（20分） | 预算数(A) | 执行数(B) …``) and its rows ``年度资金总额``, ``其中：财政…``, ``其他资金``.

The budget is the total row's 年初预算数 (else its 预算数), with the fiscal and other rows as
its parts; a 全年预算数 that differs is the ``adjusted_budget``, 执行数 the ``executed``
amount.  The money unit is the caption's (IK713 when the title says another); points printed
in the caption or the 分值 column are the budget line's weight (IK715).  A row the model has
no place for is IK714, never dropped silently.
"""

from __future__ import annotations

import re

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.table_words import (
    DASHES,
    budget_column,
    caption_money_unit,
    caption_points,
    is_total_row,
    printed_points,
)
from indicatorkit.language.values import Amount
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Budget
from indicatorkit.numerals import read_ratio

__all__ = ["budget_header", "read_budget"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: The budget rows the model keeps, by kind.
_KEPT = ("total", "fiscal", "other")

#: A budget block's rows: kind → the cell under each column role.
Rows = dict[str, dict[str, Cell | None]]


def budget_header(sheet: SheetReading, start: int, end: int) -> int | None:
    """The first row from ``start`` to ``end`` naming both a 预算数 and an 执行数 column.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["说明"], ["预算执行情况", "预算数(A)", "执行数(B)"]])
    >>> budget_header(SheetReading.of(grid, "表.xlsx"), 1, 2)
    2
    """
    for row in sheet.grid.rows_between(start, end):
        keys = [sheet.grid.key_of(c) for c in sheet.grid.row_cells(row)]
        if any("预算数" in k for k in keys) and any("执行数" in k for k in keys):
            return row
    return None


def read_budget(
    sheet: SheetReading, header: int, end: int, money: str | None
) -> tuple[Budget | None, dict[str, object]]:
    """The budget of the block whose header is ``header`` (see the module) and the project
    fields it gives (``executed``, ``adjusted_budget``, ``budget_weight``).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.layouts.sheet import SheetReading
    >>> grid = grid_from_rows("表", [
    ...     ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ...     ["年度资金总额", "10", "12", "11.4", "10", "95%", "9.5"],
    ...     ["其中：财政资金", "10", "12", "11.4", "—", "95%", "—"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> header = budget_header(sheet, 1, 3)
    >>> budget, fields = read_budget(sheet, header, 3, None)
    >>> str(budget.total), str(budget.fiscal), str(fields["adjusted_budget"]), fields["budget_weight"]
    ('10万元', '10万元', '12万元', Fraction(10, 1))
    """
    cells = sheet.grid.row_cells(header)
    caption = cells[0]
    unit = _caption_unit(sheet, caption, money)
    extra: dict[str, object] = {}
    points = caption_points(caption.text)
    if points is not None:
        sheet.at(
            "IK715",
            INFO,
            f"预算执行率的分值按表头为 {points}，打分时用它 "
            "(the budget line's weight as the caption prints it: scoring takes it)",
            caption,
        )
        extra["budget_weight"] = read_ratio(points)
    columns = _columns(sheet, cells, caption)
    rows = _rows(sheet, header, end, columns, caption)
    total_row = rows.get("total", {})
    initial = sheet.money(total_row.get("initial"), unit)
    full = sheet.money(total_row.get("budget"), unit)
    executed = sheet.money(total_row.get("executed"), unit)
    base = initial if initial is not None else full
    if executed is not None:
        extra["executed"] = executed
    if initial is not None and full is not None and full != initial:
        extra["adjusted_budget"] = full
    _printed(sheet, total_row, extra)
    if base is None:
        return None, extra

    def part(kind: str) -> Amount | None:
        values = rows.get(kind, {})
        return sheet.money(values.get("initial") or values.get("budget"), unit)

    try:
        return Budget(base, part("fiscal"), part("other")), extra
    except (IndicatorkitError, ValueError) as error:
        sheet.say("IK717", ERROR, f"预算无效 (invalid budget): {error}", header)
        return None, extra


def _caption_unit(sheet: SheetReading, caption: Cell, money: str | None) -> str | None:
    """The caption's money unit (IK713 when the title states another), else the title's."""
    caption_unit = caption_money_unit(caption.text)
    if caption_unit is None:
        return money
    if money is not None and money != caption_unit:
        sheet.at(
            "IK713",
            WARNING,
            f"表头单位“{money}”与预算栏单位“{caption_unit}”不一致，按预算栏的“{caption_unit}”读 "
            f"(the title's unit disagrees with the budget caption's; read in {caption_unit})",
            caption,
        )
    return caption_unit


def _columns(sheet: SheetReading, cells: list[Cell], caption: Cell) -> dict[str, int]:
    """The column of each role in the header row; IK707 for a column the model does not keep."""
    columns: dict[str, int] = {}
    for cell in cells[1:]:
        if cell.origin == caption.origin:
            continue
        role = budget_column(cell.text)
        if role is not None:
            columns[role] = cell.column
        else:
            sheet.at(
                "IK707",
                INFO,
                f"预算栏的这一列未读入 (budget column not read): “{cell.text}”",
                cell,
            )
        sheet.claim(cell)
    sheet.claim(caption)
    return columns


def _is_budget_row(sheet: SheetReading, row: int, columns: dict[str, int]) -> bool:
    """A row holding an amount (or a dash) under one of the columns."""
    if not sheet.grid.row_cells(row):
        return False
    numbers = [sheet.grid.cell(row, c) for c in columns.values()]
    return any(
        n is not None
        and (
            n.number is not None
            or re.match(r"^[\d.,]+", n.text.strip()) is not None
            or key(n.text) in DASHES - {""}
        )
        for n in numbers
    )


def _kind(label: str, first: bool, is_caption: bool, row: int) -> str:
    if is_caption or (first and not label) or is_total_row(label):
        return "total"
    if "财政" in label:
        return "fiscal"
    if label.startswith("其他资金"):
        return "other"
    return label or f"row{row}"


def _rows(
    sheet: SheetReading, header: int, end: int, columns: dict[str, int], caption: Cell
) -> Rows:
    """The block's rows under the header, by kind; IK714 for a row the model has no place for
    (and for every amount when there is no total row)."""
    rows: Rows = {}
    first_value = min(columns.values(), default=99)
    row = header + 1
    while row <= end and _is_budget_row(sheet, row, columns):
        row_cells = sheet.grid.row_cells(row)
        label_cell = row_cells[0]
        label = key(label_cell.text) if label_cell.column < first_value else ""
        kind = _kind(label, row == header + 1, label_cell.origin == caption.origin, row)
        values = {name: sheet.grid.cell(row, c) for name, c in columns.items()}
        for cell in row_cells:
            if cell.column < first_value:
                sheet.claim(cell)
        for value in values.values():
            sheet.claim(value)
        if kind in _KEPT:
            rows[kind] = values
        else:
            shown = " | ".join(c.text for c in row_cells)
            sheet.say(
                "IK714",
                INFO,
                f"预算栏的“{label_cell.text}”行不在模型中，未读入 (budget row not kept): {shown}",
                row,
                label_cell.column,
                shown,
            )
        row += 1
    if "total" in rows or not rows:
        return rows
    for values in rows.values():
        for value in values.values():
            if value is not None:
                sheet.at(
                    "IK714",
                    INFO,
                    "预算栏没有合计行（年度资金总额），各来源的数未读入 "
                    "(no total row in the budget block: the sources are not read)",
                    value,
                )
    return {}


def _printed(
    sheet: SheetReading, total_row: dict[str, Cell | None], extra: dict[str, object]
) -> None:
    """The 分值 and 得分 printed on the total row: the 分值 is the budget line's weight."""
    for name in ("weight", "score"):
        printed = total_row.get(name)
        if printed is None or key(printed.text) in DASHES:
            continue
        if name == "weight":
            points = printed_points(printed.text)
            if points is not None:
                extra["budget_weight"] = points
                message = (
                    f"预算执行率的分值按表上为 {printed.text}，打分时用它 "
                    "(the budget line's printed weight: scoring takes it)"
                )
            else:
                message = (
                    f"预算执行率的分值“{printed.text}”不是数，打分时用规则集的分值 (the budget "
                    "line's printed weight is not a number: scoring uses the rule set's)"
                )
        else:
            message = (
                f"预算执行率的得分按表上为 {printed.text}；打分时由规则计算 "
                "(the budget line's printed score; scoring computes it)"
            )
        sheet.at("IK715", INFO, message, printed)
