"""The one reader of a budget block's columns and rows, for every layout that prints one: the
central 自评表 (``项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分``
with rows ``年度资金总额``, ``其中：当年财政拨款`` …), Hubei's ``预算执行情况（万元）（20分） |
预算数(A) | 执行数(B) …``, the transfer-payment blocks by source and the department-wide
``年度预算申请（万元）``.  What the rows mean to the model is each form's
(:mod:`~indicatorkit.formats.central_budget`: fund sources;
:mod:`~indicatorkit.formats.layouts.budget_block`: a budget's fiscal and other parts).

The caption's row is the header: a cell naming a budget column (:func:`budget_column`) gives
its role, the first of a role is read, any other header cell is IK707.  The money unit is the
caption's (IK713 when the title states another), else the title's, else none: a bare amount is
then read in 元 with IK713.  Points in the caption (``（20分）``) are the budget line's weight
(IK715).  Rows are read down from the header while they are the block's: under the caption's
merge, labelled with a fund word (``资金``, ``拨款`` …), or holding an amount under a column.  A
row's label is its own cell left of the amounts; a block without a label column (Hubei's one
row) has the caption for its label.  A row of amounts with no label in a block that has labels
is IK721, not read — never guessed to be the total.  The total is the first ``年度资金总额``
(or ``合计``) row; its printed 分值, 执行率 and 得分 are one IK715.

>>> from indicatorkit.formats.grid import grid_from_rows
>>> from indicatorkit.formats.grid_reading import GridReading
>>> grid = grid_from_rows("表", [
...     ["预算执行情况（万元）（20分）", "预算数(A)", "执行数(B)", "执行率", "得分"],
...     [None, "200", "190", "95%", "19"]], merges=[(1, 1, 2, 1)])
>>> reading = GridReading(grid)
>>> rows = read_budget_rows(reading, grid.cell(1, 1), None, 2)
>>> rows.unit.name, rows.total.row, rows.weight, rows.printed, rows.sources
('万元', 2, Fraction(20, 1), {'rate': Fraction(19, 20), 'score': Fraction(19, 1)}, ())
>>> [f.code for f in reading.findings]
['IK715', 'IK715']
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

import attrs

from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.grid_reading import GridReading, MoneyUnit
from indicatorkit.formats.table_words import (
    DASHES,
    budget_column,
    caption_money_unit,
    caption_points,
    is_total_row,
    printed_points,
)
from indicatorkit.model.findings import Severity
from indicatorkit.numerals import decimal_value, read_ratio

__all__ = ["FUND_WORDS", "BudgetRow", "BudgetRows", "block_unit", "read_budget_rows"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: A label of the budget block (after key) that names funds: a total or a source.
FUND_WORDS = ("资金", "拨款", "结转", "合计", "总计", "总额")
#: An amount as a cell prints it (``1,200.50``, ``12万元``): a row holding one is the block's.
_AMOUNT = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:[万千]?元)?")


@attrs.frozen
class BudgetRow:
    """One row of a budget block: its label cell (``None``: the caption labels it), its row
    and the cell under each column role.

    >>> BudgetRow(None, 4, {}).text
    ''
    """

    label: Cell | None
    row: int
    values: dict[str, Cell | None] = attrs.field(eq=False)

    @property
    def text(self) -> str:
        """The label as written, ``""`` for none."""
        return "" if self.label is None else self.label.text


@attrs.frozen
class BudgetRows:
    """A budget block as read (see the module): its caption, money unit (``None``: none
    stated), the column of each role, the total row and the other labelled rows, the last row
    it holds, the weight its caption prints, and the 分值/执行率 (a share)/得分 printed on the
    total row with the (row, column) of each.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["项目资金"]])
    >>> BudgetRows(grid.cell(1, 1), None, {}, None, (), 1).last_row
    1
    """

    caption: Cell
    unit: MoneyUnit | None
    columns: dict[str, int] = attrs.field(eq=False)
    total: BudgetRow | None
    sources: tuple[BudgetRow, ...]
    last_row: int
    weight: Fraction | None = None
    printed: dict[str, Fraction] = attrs.field(factory=dict, eq=False)
    places: dict[str, tuple[int, int]] = attrs.field(factory=dict, eq=False)


def read_budget_rows(
    reading: GridReading, caption: Cell, title_unit: MoneyUnit | None, end: int
) -> BudgetRows:
    """The block whose caption is ``caption`` (its row the header), read down to row ``end``
    at most; ``title_unit`` the money unit the title above states (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [
    ...     ["项目资金（万元）", None, "全年预算数", "全年执行数"],
    ...     [None, "年度资金总额", "12", "11"],
    ...     [None, "其他资金", "0", "0"],
    ...     ["年度总体目标", "办理案件"]], merges=[(1, 1, 3, 1)])
    >>> rows = read_budget_rows(GridReading(grid), grid.cell(1, 1), None, 4)
    >>> rows.total.text, [r.text for r in rows.sources], rows.last_row, rows.columns
    ('年度资金总额', ['其他资金'], 3, {'budget': 3, 'executed': 4})
    """
    unit = block_unit(reading, caption, title_unit)
    weight = _caption_weight(reading, caption)
    columns = _columns(reading, caption)
    first_value = min(columns.values(), default=reading.grid.columns + 1)
    rows = _rows(reading, caption, columns, first_value, end)
    labelled = any(r.label is not None for r in rows)
    total: BudgetRow | None = None
    sources: list[BudgetRow] = []
    for index, row in enumerate(rows):
        if row.label is None and not labelled and index == 0:
            total = row  # no label column: the caption names its one row
        elif row.label is None:
            _unlabelled(reading, row, first_value)
        elif is_total_row(row.text) and total is None:
            total = row
        else:
            sources.append(row)
    last = rows[-1].row if rows else caption.origin[0]
    printed, places = _printed(reading, total) if total is not None else ({}, {})
    return BudgetRows(caption, unit, columns, total, tuple(sources), last, weight, printed, places)


def block_unit(
    reading: GridReading, caption: Cell, title_unit: MoneyUnit | None
) -> MoneyUnit | None:
    """The caption's money unit, stated for the block (IK713 when the title states another),
    else the title's.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["项目资金（元）"], ["项目资金"]])
    >>> reading, title = GridReading(grid), MoneyUnit("万元")
    >>> block_unit(reading, grid.cell(1, 1), title), block_unit(reading, grid.cell(2, 1), title)
    (MoneyUnit(name='元', above=None, block=0), MoneyUnit(name='万元', above=None, block=0))
    >>> [(f.code, f.line) for f in reading.findings]
    [('IK713', 1)]
    """
    caption_unit = caption_money_unit(caption.text)
    if caption_unit is None:
        return title_unit
    if title_unit is not None and title_unit.name != caption_unit:
        reading.at(
            "IK713",
            WARNING,
            f"表头单位“{title_unit.name}”与预算栏单位“{caption_unit}”不一致，按预算栏的“{caption_unit}”读 "
            f"(the title's unit disagrees with the budget caption's; read in {caption_unit})",
            caption,
        )
    return MoneyUnit(caption_unit)


def _caption_weight(reading: GridReading, caption: Cell) -> Fraction | None:
    points = caption_points(caption.text)
    if points is None:
        return None
    reading.at(
        "IK715",
        INFO,
        f"预算执行率的分值按表头为 {points}，打分时用它 "
        "(the budget line's weight as the caption prints it: scoring takes it)",
        caption,
    )
    return read_ratio(points)


def _columns(reading: GridReading, caption: Cell) -> dict[str, int]:
    """The column of each role in the caption's row (the first of a role); IK707 for a header
    cell whose column is not read."""
    reading.claim(caption)
    columns: dict[str, int] = {}
    for cell in reading.grid.own_cells(caption.origin[0]):
        if cell.origin == caption.origin:
            continue
        role = budget_column(cell.text)
        if role is not None and role not in columns:
            columns[role] = cell.column
        else:
            reading.at(
                "IK707",
                INFO,
                f"预算栏的这一列未读入 (budget column not read): “{cell.text}”",
                cell,
            )
        reading.claim(cell)
    return columns


def _is_amount(cell: Cell | None) -> bool:
    if cell is None:
        return False
    text = unicodedata.normalize("NFKC", cell.text).strip()
    return cell.number is not None or _AMOUNT.fullmatch(text) is not None


def _rows(
    reading: GridReading, caption: Cell, columns: dict[str, int], first_value: int, end: int
) -> list[BudgetRow]:
    """The block's rows under the header, each taken: its label and the cells under the
    columns (a cell under no column is left for IK716)."""
    merged_bottom = caption.merged[2] if caption.merged else caption.origin[0]
    found: list[BudgetRow] = []
    for row in range(caption.origin[0] + 1, min(end, reading.grid.rows) + 1):
        labels = [
            c
            for c in reading.grid.own_cells(row)
            if c.column < first_value and c.origin != caption.origin and c.text.strip()
        ]
        funded = [c for c in labels if any(word in key(c.text) for word in FUND_WORDS)]
        label = funded[0] if funded else labels[0] if labels else None
        values = {role: reading.grid.cell(row, column) for role, column in columns.items()}
        if not (row <= merged_bottom or funded or _holds_amounts(values, label is None)):
            break
        for cell in (*labels, *values.values()):
            reading.claim(cell)
        found.append(BudgetRow(label, row, values))
    return found


def _holds_amounts(values: dict[str, Cell | None], unlabelled: bool) -> bool:
    """An amount under a column, or (in a row without a label) a dash."""
    if any(_is_amount(v) for v in values.values()):
        return True
    return unlabelled and any(
        v is not None and key(v.text) in DASHES - {""} for v in values.values()
    )


def _unlabelled(reading: GridReading, row: BudgetRow, first_value: int) -> None:
    """IK721 for a row of amounts without its label (the row is not read)."""
    shown = [v.text for v in row.values.values() if v is not None and key(v.text) not in DASHES]
    if shown:
        reading.say(
            "IK721",
            ERROR,
            "预算栏的这一行没有行名，金额未读入 (a budget row without its label: not read)",
            row.row,
            first_value,
            " | ".join(shown),
            "写上“年度资金总额”等行名 / write the row's label",
        )


#: The total row's printed figures: role, name on the form.
_PRINTED = (("weight", "分值"), ("rate", "执行率"), ("score", "得分"))


def _printed(
    reading: GridReading, total: BudgetRow
) -> tuple[dict[str, Fraction], dict[str, tuple[int, int]]]:
    """The 分值, 执行率 (a share) and 得分 printed on the total row, when numbers, and the
    (row, column) of each; one IK715 quoting them (a 分值 in words is said not to count)."""
    printed: dict[str, Fraction] = {}
    places: dict[str, tuple[int, int]] = {}
    shown: list[str] = []
    first: Cell | None = None
    for role, name in _PRINTED:
        cell = total.values.get(role)
        if cell is None:
            continue
        first = first or cell
        if key(cell.text) in DASHES:
            continue
        shown.append(f"{name} {cell.text}")
        value = _figure(role, cell)
        if value is not None:
            printed[role], places[role] = value, (cell.row, cell.column)
    if first is None or not shown:
        return printed, places
    weight = total.values.get("weight")
    if weight is None or key(weight.text) in DASHES or "weight" in printed:
        use = "打分时用印出的分值，执行率与得分由规则集计算 (the budget line's printed points and "
        use += "rate: scoring takes the points and computes the rest)"
    else:
        use = "分值不是数，打分时用规则集的分值，执行率与得分由规则集计算 (the printed points are "
        use += "not a number: scoring uses the rule set's and computes the rest)"
    reading.say(
        "IK715", INFO, f"预算执行率印出的{'、'.join(shown)}；{use}", total.row, first.column
    )
    return printed, places


def _figure(role: str, cell: Cell) -> Fraction | None:
    """A printed figure as a number (a rate as a share), ``None`` for words."""
    text = key(cell.text)
    if role != "rate":
        return printed_points(text)
    try:
        return decimal_value(text.removesuffix("%")) / (100 if text.endswith("%") else 1)
    except (ValueError, ArithmeticError):
        return None
