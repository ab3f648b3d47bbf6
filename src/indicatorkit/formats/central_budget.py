"""The budget block of the central layout (财预〔2020〕10号): ``项目资金（万元）`` merged down
column A, the row labels beside it (``年度资金总额``, ``其中：当年财政拨款``, ``上年结转资金``,
``其他资金``) and, in the 自评表, the columns ``年初预算数 | 全年预算数 | 全年执行数 | 分值 |
执行率 | 得分``; in the 申报表 each label is followed by its amount (``年度资金总额 | 12``,
beside a ``中期资金总额`` side that the model does not keep).

The 自评表's columns and rows are read by the one budget-block reader every layout shares
(:mod:`~indicatorkit.formats.budget_block`); here they become the project's fields.  The budget
is 年度资金总额's 年初预算数 and its 全年预算数 the ``adjusted_budget`` (a table with no 年初预算数:
the budget is the 全年预算数; in the 申报表 its one amount) — as every layout reads the two
columns (:mod:`~indicatorkit.model.budget_columns`); the executed amount is its 全年执行数;
every other row is a
:class:`~indicatorkit.model.records.FundSource`.  A block whose total cannot be placed is an
error (IK721), never a budget of 0.

>>> from indicatorkit.formats.grid import grid_from_rows
>>> from indicatorkit.formats.grid_reading import GridReading
>>> grid = grid_from_rows("自评表", [
...     ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
...     [None, "年度资金总额", "10", "12", "11.4", "10", "95%", "9.5"],
...     [None, "其中：当年财政拨款", "10", "12", "11.4", "—", "95%", "—"],
...     [None, "其他资金", "0", "0", "0", "—", "", "—"]], merges=[(1, 1, 4, 1)])
>>> block = read_budget_block(GridReading(grid), grid.cell(1, 1), None)
>>> str(block.fields["budget"].total), str(block.fields["adjusted_budget"]), str(block.fields["executed"])
('10万元', '12万元', '11.4万元')
>>> [s.name for s in block.fields["fund_sources"]], block.last_row
(['当年财政拨款', '其他资金'], 4)
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from indicatorkit.formats.budget_block import (
    FUND_WORDS,
    BudgetRow,
    BudgetRows,
    block_unit,
    read_budget_rows,
)
from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.grid_reading import GridReading, MoneyUnit
from indicatorkit.formats.table_words import budget_column, is_total_row, source_name
from indicatorkit.language.values import Amount
from indicatorkit.model.budget_columns import budget_columns
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Budget, FundSource

__all__ = ["BudgetBlock", "read_budget_block"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: The amounts of a fund-source row, each the FundSource field of the same name.
_SOURCE_AMOUNTS = ("initial", "budget", "executed")


@attrs.frozen
class BudgetBlock:
    """What a budget block gives the project (``fields``: ``budget``, ``executed``,
    ``adjusted_budget``, ``fund_sources`` — those read) and the last row it holds.

    >>> BudgetBlock({}, 7).last_row
    7
    """

    fields: dict[str, object] = attrs.field(eq=False)
    last_row: int
    #: The 分值, 得分 and 执行率 printed on the 年度资金总额 row (``weight``, ``score``,
    #: ``rate`` as a share), when numbers; ``weight`` also when the caption prints it.
    printed: dict[str, Fraction] = attrs.field(factory=dict, eq=False)
    #: The (row, column) of each printed figure.
    places: dict[str, tuple[int, int]] = attrs.field(factory=dict, eq=False)


def read_budget_block(
    reading: GridReading, caption: Cell, title_unit: MoneyUnit | None, end: int | None = None
) -> BudgetBlock:
    """Read the block whose caption is ``caption`` (see the module), down to row ``end`` at
    most; ``title_unit`` is the money unit the title above states.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.grid_reading import GridReading
    >>> grid = grid_from_rows("表", [["项目资金", "年度资金总额：1200"]])
    >>> reading = GridReading(grid)
    >>> str(read_budget_block(reading, grid.cell(1, 1), None).fields["budget"].total)
    '1200元'
    >>> [f.code for f in reading.findings]  # no unit written: 元, said
    ['IK713']
    """
    grid = reading.grid
    top = caption.origin[0]
    roles = {budget_column(c.text) for c in grid.own_cells(top) if c.origin != caption.origin}
    if roles & {"budget", "executed"}:
        last = grid.rows if end is None else end
        return _column_block(reading, read_budget_rows(reading, caption, title_unit, last))
    reading.claim(caption)
    unit = block_unit(reading, caption, title_unit)
    return _pair_block(reading, caption, unit, caption.merged[2] if caption.merged else top)


def _column_block(reading: GridReading, rows: BudgetRows) -> BudgetBlock:
    sources = [found for row in rows.sources for found in _source(reading, row, rows.unit)]
    fields: dict[str, object] = {"fund_sources": tuple(sources)}
    printed, places = dict(rows.printed), dict(rows.places)
    if rows.weight is not None and "weight" not in printed:
        printed["weight"] = rows.weight  # the caption's points (IK715)
    if rows.total is None:
        _no_budget(reading, rows.caption, _NO_TOTAL_ROW)
        return BudgetBlock(fields, rows.last_row, printed, places)
    year = _total(reading, rows, rows.total, fields)
    _check_sources(
        reading, rows.total.values, sources, {"budget": year, "executed": fields.get("executed")}
    )
    return BudgetBlock(fields, rows.last_row, printed, places)


#: Why a budget block gave no total (Chinese, English) and the hint: a column block without a
#: 年度资金总额 row, a block of label–value pairs without a readable one.
_NO_TOTAL_ROW = (
    "预算栏没有“年度资金总额”行",
    "the budget block has no 年度资金总额 row",
    "在预算栏写上“年度资金总额”一行 / label the total row 年度资金总额",
)
_NO_READABLE_TOTAL = (
    "预算栏没有可读的“年度资金总额”",
    "no readable 年度资金总额 in the budget block",
    "写上“年度资金总额”及其金额 / write 年度资金总额 and its amount",
)


def _no_budget(reading: GridReading, caption: Cell, why: tuple[str, str, str]) -> None:
    """IK721 at the block's caption: no total was read, so no budget is (``why``: in Chinese,
    in English, and the hint)."""
    chinese, english, hint = why
    reading.at("IK721", ERROR, f"{chinese}，预算未读入 ({english}: no budget read)", caption, hint)


def _source(reading: GridReading, row: BudgetRow, unit: MoneyUnit | None) -> list[FundSource]:
    """The fund source a labelled row of the block gives (none after IK717)."""
    amounts = {role: reading.money(row.values.get(role), unit) for role in _SOURCE_AMOUNTS}
    try:
        return [FundSource(source_name(row.text), **amounts)]
    except ValueError as error:
        reading.say("IK717", ERROR, f"资金来源无效 (invalid fund source): {error}", row.row)
        return []


def _total(
    reading: GridReading, rows: BudgetRows, total: BudgetRow, fields: dict[str, object]
) -> Amount | None:
    """The budget (the 年初预算数; the 全年预算数 where the table has no 年初预算数), the adjusted
    budget (the 全年预算数 beside a 年初预算数: :func:`~indicatorkit.model.budget_columns.budget_columns`,
    as every layout reads them) and the 全年执行数 of the total row, into ``fields``; the
    全年预算数 read (IK721 when it cannot be)."""
    budget = reading.money(total.values.get("budget"), rows.unit)
    initial = reading.money(total.values.get("initial"), rows.unit)
    executed = reading.money(total.values.get("executed"), rows.unit)
    if executed is not None:
        fields["executed"] = executed
    if budget is not None:
        declared, adjusted = budget_columns(initial, budget)
        assert declared is not None  # the 全年预算数 at least
        fields["budget"] = Budget(declared)
        if adjusted is not None:
            fields["adjusted_budget"] = adjusted
        return budget
    cell = total.values.get("budget")
    reading.say(
        "IK721",
        ERROR,
        "年度资金总额没有可读的全年预算数，预算未读入 (no 全年预算数 on the 年度资金总额 row: "
        "no budget read)",
        total.row,
        cell.column if cell is not None else rows.caption.column,
        cell.text if cell is not None else "",
        "填上全年预算数 / fill in the year's budget",
    )
    return None


def _check_sources(
    reading: GridReading,
    total: dict[str, Cell | None],
    sources: list[FundSource],
    read: dict[str, object],
) -> None:
    """IK722 when the fund-source rows add up to more than 年度资金总额 (``read``: its 全年预算数
    and 全年执行数 as read; a total left at 0 over filled rows is the common case; rows left
    empty are unknown, not 0)."""
    for role, shown in read.items():
        cell = total.get(role)
        amounts = [getattr(source, role) for source in sources]  # the sources' 全年 column
        given = [a.normalized for a in amounts if a is not None]
        if not isinstance(shown, Amount) or cell is None or not given:
            continue
        rows = sum(given, Fraction(0))
        if rows > shown.normalized:
            what = "全年预算数" if role == "budget" else "全年执行数"
            reading.at(
                "IK722",
                WARNING,
                f"年度资金总额的{what}“{cell.text}”与其下各资金来源之和不符 (the total row "
                f"disagrees with the fund-source rows below it)",
                cell,
                "核对年度资金总额与各资金来源 / check the total against its sources",
            )


def _pair_block(
    reading: GridReading, caption: Cell, unit: MoneyUnit | None, merged_bottom: int
) -> BudgetBlock:
    """The 申报表: ``年度资金总额 | 12`` pairs (or ``年度资金总额：12`` in one cell), the annual
    side only; a ``中期资金总额`` side is reported (IK714), not kept."""
    grid = reading.grid
    total: Amount | None = None
    total_seen = False
    sources: list[FundSource] = []
    annual_column: int | None = None
    row = caption.origin[0]
    while row <= grid.rows:
        cells = [c for c in grid.own_cells(row) if c.origin != caption.origin]
        pairs = [c for c in cells if any(w in key(c.text) for w in FUND_WORDS)]
        if not pairs and row > merged_bottom:
            break
        for label in pairs:
            pair = _pair(reading, label, unit, annual_column)
            if pair is None:
                continue
            name, amount, value_cell = pair
            if is_total_row(name) and not total_seen:
                total_seen, total, annual_column = True, amount, label.column
            elif amount is not None or value_cell is not None:
                sources.append(FundSource(source_name(name), budget=amount))
        for cell in cells:
            if not reading.claimed(cell):
                reading.at("IK714", INFO, "预算栏的这一格未读入 (a budget cell not kept)", cell)
                reading.claim(cell)
        row += 1
    fields: dict[str, object] = {"fund_sources": tuple(sources)}
    if total is None:
        _no_budget(reading, caption, _NO_READABLE_TOTAL)
    else:
        fields["budget"] = Budget(total)
    return BudgetBlock(fields, row - 1)


def _pair(
    reading: GridReading, label: Cell, unit: MoneyUnit | None, annual_column: int | None
) -> tuple[str, Amount | None, Cell | None] | None:
    """A label of the 申报表's block, its amount (beside it or after its colon) and the cell
    holding it; ``None`` for the mid-term side (IK714)."""
    name, _, inline = key(label.text).removeprefix("其中:").partition(":")
    value_cell = None if inline else reading.grid.right_of(label)
    if value_cell is not None and any(w in key(value_cell.text) for w in FUND_WORDS):
        value_cell = None  # the next label: this one's amount is empty
    reading.claim(label)
    reading.claim(value_cell)
    if name.startswith("中期") or (annual_column is not None and label.column != annual_column):
        reading.at(
            "IK714", INFO, "预算栏的中期资金不在模型中，未读入 (mid-term funds not kept)", label
        )
        return None
    return name, _pair_amount(reading, label, inline, value_cell, unit), value_cell


def _pair_amount(
    reading: GridReading, label: Cell, inline: str, value_cell: Cell | None, unit: MoneyUnit | None
) -> Amount | None:
    if inline:
        return reading.money(attrs.evolve(label, text=inline, number=None), unit)
    return reading.money(value_cell, unit)
