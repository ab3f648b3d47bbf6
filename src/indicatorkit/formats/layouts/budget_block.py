"""The budget block of layouts B, C, D and G, wherever it stands on a sheet: ``项目资金（万元）
| 年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率 | 得分`` (or ``预算执行情况（万元）
（20分） | 预算数(A) | 执行数(B) …``) and its rows ``年度资金总额``, ``其中：财政…``, ``其他资金``.

The columns and rows are read by the one budget-block reader every layout shares
(:mod:`~indicatorkit.formats.budget_block`: the unit, IK713, IK715, IK707, IK721); here they
become a :class:`~indicatorkit.model.records.Budget`.  The budget is the total row's 年初预算数
(else its 预算数), with the fiscal and other rows as its parts; a 全年预算数 beside it is the
``adjusted_budget`` (as the central layout reads them, :mod:`~indicatorkit.model.budget_columns`),
执行数 the ``executed`` amount; points printed in the caption or the 分值
column are the budget line's weight.  A row the model has no place for is IK714, never
dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.budget_block import BudgetRow, BudgetRows, read_budget_rows
from indicatorkit.formats.grid import key
from indicatorkit.formats.grid_reading import MoneyUnit
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.language.values import Amount
from indicatorkit.model.budget_columns import budget_columns
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Budget

__all__ = ["budget_header", "read_budget"]

ERROR, INFO = Severity.ERROR, Severity.INFO


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
    sheet: SheetReading, header: int, end: int, money: MoneyUnit | None
) -> tuple[Budget | None, dict[str, object]]:
    """The budget of the block whose header is ``header`` (see the module) and the project
    fields it gives (``executed``, ``adjusted_budget``, ``budget_weight``).

    >>> from indicatorkit.formats.grid import grid_from_rows
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
    rows = read_budget_rows(sheet, sheet.grid.row_cells(header)[0], money, end)
    extra: dict[str, object] = {}
    weight = rows.printed.get("weight", rows.weight)
    if weight is not None:
        extra["budget_weight"] = weight
    parts = _parts(sheet, rows)
    if rows.total is None:
        _no_total(sheet, parts.values())
        return None, extra
    total, unit = rows.total.values, rows.unit
    initial = sheet.money(total.get("initial"), unit)
    full = sheet.money(total.get("budget"), unit)
    executed = sheet.money(total.get("executed"), unit)
    if executed is not None:
        extra["executed"] = executed
    base, adjusted = budget_columns(initial, full)
    if adjusted is not None:
        extra["adjusted_budget"] = adjusted
    if base is None:
        return None, extra

    def part(kind: str) -> Amount | None:
        values = parts[kind].values if kind in parts else {}
        return sheet.money(values.get("initial") or values.get("budget"), unit)

    try:
        return Budget(base, part("fiscal"), part("other")), extra
    except (IndicatorkitError, ValueError) as error:
        sheet.say("IK717", ERROR, f"预算无效 (invalid budget): {error}", header)
        return None, extra


def _parts(sheet: SheetReading, rows: BudgetRows) -> dict[str, BudgetRow]:
    """The fiscal (``财政``) and other (``其他资金``) rows, the budget's parts; IK714 for any
    other row (the model has no place for it)."""
    parts: dict[str, BudgetRow] = {}
    for row in rows.sources:
        label = key(row.text)
        kind = "fiscal" if "财政" in label else "other" if label.startswith("其他资金") else None
        if kind is not None:
            parts[kind] = row
            continue
        shown = " | ".join(c.text for c in sheet.grid.row_cells(row.row))
        sheet.say(
            "IK714",
            INFO,
            f"预算栏的“{row.text}”行不在模型中，未读入 (budget row not kept): {shown}",
            row.row,
            row.label.column if row.label is not None else 1,
            shown,
        )
    return parts


def _no_total(sheet: SheetReading, parts: Iterable[BudgetRow]) -> None:
    """IK714 for every amount of the parts of a block without a total row: the sources are
    not summed."""
    for row in parts:
        for value in row.values.values():
            if value is not None:
                sheet.at(
                    "IK714",
                    INFO,
                    "预算栏没有合计行（年度资金总额），各来源的数未读入 "
                    "(no total row in the budget block: the sources are not read)",
                    value,
                )
