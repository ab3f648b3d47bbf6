"""The budget block of the central layout (财预〔2020〕10号): ``项目资金（万元）`` merged down
column A, the row labels beside it (``年度资金总额``, ``其中：当年财政拨款``, ``上年结转资金``,
``其他资金``) and, in the 自评表, the columns ``年初预算数 | 全年预算数 | 全年执行数 | 分值 |
执行率 | 得分``; in the 申报表 each label is followed by its amount (``年度资金总额 | 12``,
beside a ``中期资金总额`` side that the model does not keep).

The budget is 年度资金总额's 全年预算数 (in the 申报表 its one amount), the executed amount its
全年执行数, 年初预算数 the project's ``initial_budget``; every other row is a
:class:`~indicatorkit.model.records.FundSource`.  The money unit is the caption's.  A block
whose total cannot be placed is an error (IK721), never a budget of 0.

>>> from indicatorkit.formats.grid import grid_from_rows
>>> from indicatorkit.formats.grid_reading import GridReading
>>> grid = grid_from_rows("自评表", [
...     ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
...     [None, "年度资金总额", "10", "12", "11.4", "10", "95%", "9.5"],
...     [None, "其中：当年财政拨款", "10", "12", "11.4", "—", "95%", "—"],
...     [None, "其他资金", "0", "0", "0", "—", "", "—"]], merges=[(1, 1, 4, 1)])
>>> block = read_budget_block(GridReading(grid), grid.cell(1, 1))
>>> str(block.fields["budget"].total), str(block.fields["executed"]), str(block.fields["initial_budget"])
('12万元', '11.4万元', '10万元')
>>> [s.name for s in block.fields["fund_sources"]], block.last_row
(['当年财政拨款', '其他资金'], 4)
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.grid_reading import GridReading
from indicatorkit.formats.table_words import (
    DASHES,
    budget_column,
    caption_money_unit,
    is_total_row,
    printed_points,
    source_name,
)
from indicatorkit.language.values import Amount
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Budget, FundSource
from indicatorkit.numerals import decimal_value

__all__ = ["BudgetBlock", "read_budget_block"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: A label of the budget block (after key): a total, a source, or a mid-term side.
_ROW_WORDS = ("资金", "拨款", "结转", "合计", "总计", "总额")
#: The amounts of a fund-source row, each the FundSource field of the same name.
_SOURCE_AMOUNTS = ("initial", "budget", "executed")


@attrs.frozen
class BudgetBlock:
    """What a budget block gives the project (``fields``: ``budget``, ``executed``,
    ``initial_budget``, ``fund_sources`` — those read) and the last row it holds.

    >>> BudgetBlock({}, 7).last_row
    7
    """

    fields: dict[str, object] = attrs.field(eq=False)
    last_row: int
    #: The 分值, 得分 and 执行率 printed on the 年度资金总额 row (``weight``, ``score``,
    #: ``rate`` as a share), when numbers.
    printed: dict[str, Fraction] = attrs.field(factory=dict, eq=False)
    #: The (row, column) of each printed figure.
    places: dict[str, tuple[int, int]] = attrs.field(factory=dict, eq=False)


def read_budget_block(reading: GridReading, caption: Cell) -> BudgetBlock:
    """Read the block whose caption is ``caption`` (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.grid_reading import GridReading
    >>> grid = grid_from_rows("表", [["项目资金", "年度资金总额：1200"]])
    >>> reading = GridReading(grid)
    >>> str(read_budget_block(reading, grid.cell(1, 1)).fields["budget"].total)
    '1200元'
    >>> [f.code for f in reading.findings]  # no unit written: 元, said
    ['IK713']
    """
    grid = reading.grid
    reading.claim(caption)
    unit = _unit(reading, caption)
    top = caption.origin[0]
    merged_bottom = caption.merged[2] if caption.merged else top
    columns: dict[str, int] = {}
    for cell in grid.own_cells(top):
        if cell.origin == caption.origin:
            continue
        role = budget_column(cell.text)
        if role is not None and role not in columns:
            columns[role] = cell.column
            reading.claim(cell)
    if "budget" in columns or "executed" in columns:
        return _column_block(reading, caption, unit, columns, merged_bottom)
    return _pair_block(reading, caption, unit, merged_bottom)


def _unit(reading: GridReading, caption: Cell) -> str:
    unit = caption_money_unit(caption.text) or reading.title_money_unit(
        reading.grid.non_empty_rows(1, caption.row - 1)
    )
    if unit is not None:
        return unit
    reading.at(
        "IK713",
        WARNING,
        "预算栏没有写金额单位（万元 / 元），金额按元读 (no money unit stated: amounts read in 元)",
        caption,
        "写作“项目资金（万元）” / write the unit in the caption",
    )
    return "元"


def _is_block_row(reading: GridReading, row: int, first_value: int) -> Cell | None:
    """The label of ``row`` when it is a budget row (a label left of the amounts that names
    funds), else ``None``."""
    for cell in reading.grid.own_cells(row):
        if cell.column >= first_value:
            return None
        if any(word in key(cell.text) for word in _ROW_WORDS):
            return cell
    return None


def _column_block(
    reading: GridReading,
    caption: Cell,
    unit: str,
    columns: dict[str, int],
    merged_bottom: int,
) -> BudgetBlock:
    grid = reading.grid
    first_value = min(columns.values())
    total: dict[str, Cell | None] | None = None
    total_row = caption.origin[0]
    sources: list[FundSource] = []
    row = caption.origin[0] + 1
    while row <= grid.rows:
        label = _is_block_row(reading, row, first_value)
        if label is None and row > merged_bottom:
            break
        values = {role: grid.cell(row, column) for role, column in columns.items()}
        reading.claim_row(row)
        text = label.text if label is not None and label.origin != caption.origin else ""
        if text and is_total_row(text) and total is None:
            total, total_row = values, row
        elif text:
            sources.extend(_source(reading, text, values, unit, row))
        elif any(v is not None and key(v.text) not in DASHES for v in values.values()):
            reading.say(
                "IK721",
                ERROR,
                "预算栏的这一行没有行名，金额未读入 (a budget row without its label: not read)",
                row,
                first_value,
                " | ".join(v.text for v in values.values() if v is not None),
                "写上“年度资金总额”等行名 / write the row's label",
            )
        row += 1
    fields: dict[str, object] = {"fund_sources": tuple(sources)}
    if total is None:
        _no_budget(reading, caption, _NO_TOTAL_ROW)
        return BudgetBlock(fields, row - 1)
    _total(reading, caption, unit, total, total_row, fields)
    _check_sources(reading, total, sources, fields)
    printed, places = _printed(total)
    return BudgetBlock(fields, row - 1, printed, places)


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


def _source(
    reading: GridReading, text: str, values: dict[str, Cell | None], unit: str, row: int
) -> list[FundSource]:
    """The fund source a labelled row of the block gives (none after IK717)."""
    amounts = {role: reading.money(values.get(role), unit) for role in _SOURCE_AMOUNTS}
    try:
        return [FundSource(source_name(text), **amounts)]
    except ValueError as error:
        reading.say("IK717", ERROR, f"资金来源无效 (invalid fund source): {error}", row)
        return []


def _printed(
    total: dict[str, Cell | None],
) -> tuple[dict[str, Fraction], dict[str, tuple[int, int]]]:
    """The 分值, 得分 and 执行率 (a share) printed on the total row, when numbers, and the
    (row, column) of each."""
    printed, places = {}, {}
    for role in ("weight", "score", "rate"):
        cell = total.get(role)
        if cell is None:
            continue
        text = key(cell.text)
        try:
            if role == "rate":
                value = decimal_value(text.removesuffix("%")) / (100 if text.endswith("%") else 1)
            else:
                points = printed_points(text)
                if points is None:
                    continue  # a dash, or words: IK715 quotes it
                value = points
        except (ValueError, ArithmeticError):
            continue  # a dash, or words: IK715 quotes it
        printed[role], places[role] = value, (cell.row, cell.column)
    return printed, places


def _total(
    reading: GridReading,
    caption: Cell,
    unit: str,
    total: dict[str, Cell | None],
    row: int,
    fields: dict[str, object],
) -> None:
    budget = reading.money(total.get("budget"), unit)
    initial = reading.money(total.get("initial"), unit)
    executed = reading.money(total.get("executed"), unit)
    if initial is not None:
        fields["initial_budget"] = initial
    if executed is not None:
        fields["executed"] = executed
    if budget is None:
        cell = total.get("budget")
        reading.say(
            "IK721",
            ERROR,
            "年度资金总额没有可读的全年预算数，预算未读入 (no 全年预算数 on the 年度资金总额 row: "
            "no budget read)",
            row,
            cell.column if cell is not None else caption.column,
            cell.text if cell is not None else "",
            "填上全年预算数 / fill in the year's budget",
        )
    else:
        fields["budget"] = Budget(budget)
    printed = [
        f"{name} {cell.text}"
        for name, cell in (
            ("分值", total.get("weight")),
            ("执行率", total.get("rate")),
            ("得分", total.get("score")),
        )
        if cell is not None and key(cell.text) not in DASHES
    ]
    if printed:
        first = next(
            c for c in (total.get("weight"), total.get("rate"), total.get("score")) if c is not None
        )
        reading.say(
            "IK715",
            INFO,
            f"预算执行率印出的{'、'.join(printed)}；打分时用印出的分值，执行率与得分由规则集计算 "
            "(the budget line's printed points and rate: scoring takes the points and computes "
            "the rest)",
            row,
            first.column,
        )


def _check_sources(
    reading: GridReading,
    total: dict[str, Cell | None],
    sources: list[FundSource],
    fields: dict[str, object],
) -> None:
    """IK722 when the fund-source rows add up to more than 年度资金总额 (a total left at 0
    over filled rows is the common case; rows left empty are unknown, not 0)."""
    for role, field in (("budget", "budget"), ("executed", "executed")):
        cell = total.get(role)
        read = fields.get(role)
        shown = read.total if isinstance(read, Budget) else read
        amounts = [getattr(source, field) for source in sources]
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


def _pair_block(reading: GridReading, caption: Cell, unit: str, merged_bottom: int) -> BudgetBlock:
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
        pairs = [c for c in cells if any(w in key(c.text) for w in _ROW_WORDS)]
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
    reading: GridReading, label: Cell, unit: str, annual_column: int | None
) -> tuple[str, Amount | None, Cell | None] | None:
    """A label of the 申报表's block, its amount (beside it or after its colon) and the cell
    holding it; ``None`` for the mid-term side (IK714)."""
    name, _, inline = key(label.text).removeprefix("其中:").partition(":")
    value_cell = None if inline else reading.grid.right_of(label)
    if value_cell is not None and any(w in key(value_cell.text) for w in _ROW_WORDS):
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
    reading: GridReading, label: Cell, inline: str, value_cell: Cell | None, unit: str
) -> Amount | None:
    if inline:
        return reading.money(attrs.evolve(label, text=inline, number=None), unit)
    return reading.money(value_cell, unit)
