"""What a layout reader keeps while it reads one grid: the located findings it makes and the
cells it has taken, so that every cell lands in the spec or in a finding (IK716 for a row
left unread) — and the readings of single cells every layout shares (money, points).

>>> from indicatorkit.formats.grid import grid_from_rows
>>> grid = grid_from_rows("自评表", [["项目名称", "法律援助"], ["说明", "……"]], source="表.xlsx")
>>> reading = GridReading(grid)
>>> reading.claim_row(1)
>>> reading.report_unread()
>>> [(f.code, f.place) for f in reading.findings]
[('IK716', '表.xlsx:自评表!A2')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from fractions import Fraction

import attrs

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.formats.grid import Cell, Grid, key
from indicatorkit.formats.table_words import DASHES, printed_points, stated_money_unit
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount
from indicatorkit.model.findings import Finding, Severity, column_letters
from indicatorkit.numerals import decimal_value
from indicatorkit.units import unit as unit_named

__all__ = ["GridReading", "MoneyUnit"]

#: A bare amount as digits (``1,200.50``; its grouping is the actual reader's to check).
_DIGITS = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?")


@attrs.frozen
class MoneyUnit:
    """The money unit a block's bare amounts are read in, and whether the user wrote it for
    them: ``above`` is the cell of the line above the block it was taken from (the sheet's
    ``单位：万元`` over a second project), ``None`` when the block states it itself (its title,
    a caption ``项目资金（元）``, a column header).  ``block`` is the block's first row.  A
    bare number read in a unit taken from above is said with IK414, once a block.

    >>> MoneyUnit("元"), MoneyUnit("万元").borrowed
    (MoneyUnit(name='元', above=None, block=0), False)
    """

    name: str
    above: Cell | None = None
    block: int = 0

    @property
    def borrowed(self) -> bool:
        """Taken from a line above the block, not written for it."""
        return self.above is not None


class GridReading:
    """Findings and taken cells while one grid is read (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["1,200.50", "12万元", "—", "十二"]])
    >>> reading = GridReading(grid)
    >>> [str(reading.money(grid.cell(1, c), MoneyUnit("元"))) for c in (1, 2, 3, 4)]
    ['1200.5元', '12万元', 'None', 'None']
    >>> [f.code for f in reading.findings]
    ['IK709']
    """

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.findings: list[Finding] = []
        self.used: set[tuple[int, int]] = set()
        #: IK713 (no money unit stated, read in 元) said: it is said once a grid.
        self.warned_unit = False
        #: The first rows of the blocks whose unit from above (IK414) is said.
        self.borrowed_said: set[int] = set()

    def say(
        self,
        code: str,
        severity: Severity,
        message: str,
        row: int,
        column: int = 1,
        text: str = "",
        hint: str | None = None,
    ) -> None:
        """A finding at (row, column) of the grid, quoting ``text`` when the message does not."""
        shown = text.replace("\n", " ").strip()
        if shown and shown not in message:
            message = f"{message}：“{shown[:120]}”"
        cell = self.grid.cell(row, column)
        sheet = cell.sheet if cell is not None and cell.sheet else self.grid.name
        self.findings.append(
            Finding(
                code,
                severity,
                message,
                row,
                column,
                suggestion=hint,
                file=self.grid.source or None,
                sheet=sheet,
            )
        )

    def at(
        self, code: str, severity: Severity, message: str, cell: Cell, hint: str | None = None
    ) -> None:
        """A finding at ``cell``, quoting its text."""
        self.say(code, severity, message, cell.row, cell.column, cell.text, hint)

    def claim(self, cell: Cell | None) -> str:
        """Take ``cell`` (and its merged range's first cell); its text, ``""`` for none."""
        if cell is None:
            return ""
        self.used.add(cell.origin)
        self.used.add((cell.row, cell.column))
        return cell.text

    def claim_row(self, row: int) -> None:
        for cell in self.grid.row_cells(row):
            self.claim(cell)

    def claimed(self, cell: Cell) -> bool:
        return cell.origin in self.used or (cell.row, cell.column) in self.used

    def report_unread(self, start: int = 1, end: int | None = None) -> None:
        """IK716 for each row holding a cell nobody took."""
        for row in self.grid.non_empty_rows(start, end):
            left = [c for c in self.grid.own_cells(row) if not self.claimed(c)]
            if left:
                text = " | ".join(c.text.replace("\n", " ") for c in left)
                self.say(
                    "IK716",
                    Severity.INFO,
                    f"这一行的内容没有读入规格 (not read into the spec): {text[:120]}",
                    row,
                    left[0].column,
                    text[:200],
                )
                for cell in left:
                    self.claim(cell)

    def bad_number(self, cell: Cell, message: str) -> None:
        self.at("IK709", Severity.ERROR, message, cell, "写数字，如 10000.00 / a number")

    def _stated_unit(self, rows: Iterable[int]) -> tuple[str, Cell] | None:
        for row in rows:
            for cell in self.grid.row_cells(row):
                stated = stated_money_unit(cell.text)
                if stated is not None:
                    if stated[1]:
                        self.claim(cell)
                    return stated[0], cell
        return None

    def block_money_unit(self, start: int, end: int) -> MoneyUnit | None:
        """The money unit of the block from row ``start`` to ``end``: the one its own title
        lines state (its first nine rows), else the nearest stated above the block — the
        sheet's ``单位：万元`` holds for every project under it, said with IK414 where a bare
        amount is read in it (:meth:`money`); ``None`` when no line states one.

        >>> from indicatorkit.formats.grid import grid_from_rows
        >>> reading = GridReading(grid_from_rows("表", [["单位：万元"], ["项目名称", "甲"],
        ...     ["预算数", "12"], ["项目名称", "乙"], ["预算数", "8"]], source="表.xlsx"))
        >>> own, above = reading.block_money_unit(1, 3), reading.block_money_unit(4, 5)
        >>> (own.name, own.borrowed), (above.name, above.borrowed), reading.findings
        (('万元', False), ('万元', True), [])
        >>> str(reading.money(reading.grid.cell(5, 2), above))
        '8万元'
        >>> [(f.code, f.place) for f in reading.findings]
        [('IK414', '表.xlsx:表!B5')]
        """
        own = self._stated_unit(range(start, min(end, start + 8) + 1))
        if own is not None:
            return MoneyUnit(own[0])
        above = self._stated_unit(range(start - 1, 0, -1))
        if above is None:
            return None
        return MoneyUnit(above[0], above[1], start)

    def _bare_unit(self, cell: Cell, unit: MoneyUnit | None) -> str:
        """The unit a bare amount in ``cell`` is read in: ``unit``'s (IK414 once a block
        when it was taken from above the block), else 元 (IK713, once a grid)."""
        if unit is None:
            return self.unstated_unit(cell)
        if unit.above is not None and unit.block not in self.borrowed_said:
            self.borrowed_said.add(unit.block)
            stated = unit.above
            self.at(
                "IK414",
                Severity.INFO,
                f"这一金额没有写单位，按上方 {column_letters(stated.column)}{stated.row} 的"
                f"“{stated.text.strip()}”读作{unit.name}；这一项目其他只写数字的金额同此 "
                f"(the unit stated above the block applies: this bare amount and the project's "
                f"others are read in {unit.name})",
                cell,
                hint="核对单位；在项目的标题或金额中写明单位也可 / check the unit, or state it "
                "in the project's title or beside the amount",
            )
        return unit.name

    def money(self, cell: Cell | None, unit: MoneyUnit | None) -> Amount | None:
        """A money cell, read one way in every layout: ``None`` for an empty or dash cell; a
        numeric cell (not a percentage) in ``unit``; else its text as an actual — an amount with
        its own money unit (``12万元``) as written, a bare number in digits (``1,200.50``,
        ``1，200``) in ``unit``; anything else (``1,2``, ``95%``, ``12个``, ``十二``) after an IK709 finding, never 0.
        ``unit`` ``None``: no unit is stated, a bare number is read in 元 (IK713, once); a unit
        taken from above the block is said where a bare number is read in it (IK414).

        >>> from indicatorkit.formats.grid import grid_from_rows
        >>> grid = grid_from_rows("表", [["1，200", "1,2", "12元"]])
        >>> reading = GridReading(grid)
        >>> [str(reading.money(grid.cell(1, c), MoneyUnit("万元"))) for c in (1, 2, 3)]
        ['1200万元', 'None', '12元']
        >>> [f.code for f in reading.findings]  # 1,2 is not grouped by three: not a number
        ['IK709']
        """
        if cell is None or key(cell.text) in DASHES:
            return None
        if cell.number is not None and not cell.text.strip().endswith(("%", "％")):
            return Amount(cell.number, unit_named(self._bare_unit(cell, unit)))
        text = cell.text.strip()
        try:
            value = parse_actual(text)
        except (IndicatorkitError, ValueError):
            value = None
        if isinstance(value, Amount) and value.unit.dimension == "[money]":
            return value
        if isinstance(value, Amount) and _DIGITS.fullmatch(unicodedata.normalize("NFKC", text)):
            return Amount(value.value, unit_named(self._bare_unit(cell, unit)))
        self.bad_number(cell, f"不是金额 (not an amount): “{cell.text}”")
        return None

    def unstated_unit(self, cell: Cell) -> str:
        """元, for a bare amount in a table that states no money unit — said once a grid."""
        if not self.warned_unit:
            self.warned_unit = True
            self.say(
                "IK713",
                Severity.WARNING,
                "表上没有写金额单位（单位：元 / 万元），金额按元读 "
                "(no money unit stated: amounts read in 元)",
                cell.row,
                cell.column,
                cell.text,
                "在表头写明“单位：元”或“单位：万元” / state the unit in the title",
            )
        return "元"

    def points(self, cell: Cell | None, what: str) -> Fraction | None:
        """A 分值 or 得分 cell: a number (``20``, ``18.95``, ``20分``, ``20%`` = 20); ``None`` for
        an empty or dash cell, and after an IK709 finding for anything else."""
        if cell is None or key(cell.text) in DASHES:
            return None
        text = key(cell.text)
        if cell.number is not None:
            return cell.number * 100 if text.endswith("%") else cell.number
        try:
            number = decimal_value(text[:-1]) if text.endswith("%") else printed_points(text)
        except (ValueError, ArithmeticError):
            number = None
        if number is None:
            self.bad_number(cell, f"{what}不是数字 ({what} is not a number): “{cell.text}”")
        return number

    def read_target(
        self,
        text: str,
        row: int,
        column: int,
        parse: Callable[[], tuple[LenientParse, str] | None],
    ) -> tuple[LenientParse, str] | None:
        """What ``parse`` reads from the target ``text`` at (row, column) and the text it
        read: IK702 when it raises (the text cannot be read), IK718 for each lenient repair;
        ``None`` when it raised or returned ``None`` (after its own finding).

        >>> from indicatorkit.formats.grid import grid_from_rows
        >>> from indicatorkit.language.parse import parse_target
        >>> reading = GridReading(grid_from_rows("表", [["≥95%%", "≥"]]))
        >>> read = reading.read_target("≥95%%", 1, 1, lambda: (parse_target("≥95%%", lenient=True), "≥95%%"))
        >>> str(read[0].target), reading.read_target("≥", 1, 2, lambda: (parse_target("≥", lenient=True), "≥"))
        ('≥95%', None)
        >>> [f.code for f in reading.findings]
        ['IK718', 'IK702']
        """
        try:
            found = parse()
        except TextError as error:
            self.say(
                "IK702",
                Severity.ERROR,
                "指标值无法读出，指标未读入 (cannot read the target; indicator not read): "
                f"{error.message}",
                row,
                column,
                text,
                error.suggestion,
            )
            return None
        except (IndicatorkitError, ValueError) as error:
            self.say(
                "IK702",
                Severity.ERROR,
                f"指标值无法读出 (cannot read the target): {error}",
                row,
                column,
                text,
            )
            return None
        if found is None:
            return None
        parsed, read = found
        for diagnostic in parsed.diagnostics:
            self.say(
                "IK718",
                Severity.WARNING,
                f"指标值已按宽松规则修复 (target repaired): {diagnostic.code} {diagnostic.message}",
                row,
                column,
                read,
            )
        return found
