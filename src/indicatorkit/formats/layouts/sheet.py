"""One sheet (or any grid) as the layout readers read it: a
:class:`~indicatorkit.formats.grid_reading.GridReading` whose findings go to the file's
:class:`~indicatorkit.formats.layouts.book.BookReading`, with the readings of labels, titles,
money, spending plans and printed totals that every layout of the sheet shares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.grid import Cell, Grid, key
from indicatorkit.formats.grid_reading import GridReading
from indicatorkit.formats.layouts.book import BookReading
from indicatorkit.formats.table_words import GRADE_WORDS, TOTAL_LABELS, is_table_title
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Checkpoint, SpendingPlan

__all__ = ["SheetReading", "cell_text"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def cell_text(cell: Cell | None) -> str | None:
    """A cell's text, ``None`` for no cell.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["甲"]])
    >>> cell_text(grid.cell(1, 1)), cell_text(grid.cell(1, 2))
    ('甲', None)
    """
    return None if cell is None else cell.text


class SheetReading(GridReading):
    """A grid being read, its findings going to ``book`` in the order they are made (see the
    module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["单位：万元"], ["项目名称", "法律援助"], ["预算数", "12"],
    ...                             ["总分", "100"]], source="表.xlsx")
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> unit = sheet.block_money_unit(1, 4)
    >>> found = sheet.labelled(range(1, 5), ["项目名称", "预算数"])
    >>> found["项目名称"].text, str(sheet.money(found["预算数"], unit))
    ('法律援助', '12万元')
    >>> sheet.totals(1, 4)
    >>> [(f.code, f.place) for f in sheet.findings]
    [('IK712', '表.xlsx:表!A4')]
    """

    def __init__(self, book: BookReading, grid: Grid) -> None:
        super().__init__(grid.in_file(book.source))  # findings name the book's file
        self.book = book
        self.findings = book.findings

    @classmethod
    def of(cls, grid: Grid, source: str) -> SheetReading:
        """``grid`` read alone, as the only grid of the file ``source``.

        >>> from indicatorkit.formats.grid import grid_from_rows
        >>> SheetReading.of(grid_from_rows("表", [["甲"]]), "表.xlsx").book.source
        '表.xlsx'
        """
        return cls(BookReading(source), grid)

    def use(self, row: int, column: int) -> str:
        """Take the cell at (row, column); its text, ``""`` for none."""
        return self.claim(self.grid.cell(row, column))

    def use_row(self, row: int) -> None:
        self.claim_row(row)

    def labelled(self, rows: Iterable[int], names: Iterable[str]) -> dict[str, Cell | None]:
        """For each label found in ``rows``: the value cell right of it (``None`` if empty)."""
        wanted = set(names)
        found: dict[str, Cell | None] = {}
        for row in rows:
            for cell in self.grid.row_cells(row):
                if cell.anchor is not None and cell.anchor[0] != row:
                    continue
                name = self.grid.key_of(cell)
                if name in wanted and name not in found and cell.origin not in self.used:
                    value = self.grid.right_of(cell)
                    self.use(cell.row, cell.column)
                    if value is not None:
                        self.use(value.row, value.column)
                    found[name] = value
        return found

    def use_titles(self) -> None:
        for row in self.grid.non_empty_rows():
            cells = self.grid.row_cells(row)
            if len(cells) >= 1 and all(
                is_table_title(c.text, anywhere=True) or "indicatorkit" in c.text for c in cells
            ):
                self.use_row(row)

    def use_titles_in(self, start: int, end: int) -> None:
        for row in self.grid.rows_between(start, end):
            cells = [c for c in self.grid.row_cells(row) if c.origin not in self.used]
            if cells and all(is_table_title(c.text) for c in cells):
                self.use_row(row)

    def title_unit(self, start: int, end: int) -> str | None:
        """``315001玉田县司法局本级`` (one cell, or a code cell and a name cell) in the title
        block of a declaration table."""
        for row in range(start, min(end, start + 6) + 1):
            cells = [c for c in self.grid.row_cells(row) if c.origin not in self.used]
            texts = [c.text.strip() for c in cells]
            if len(texts) == 1 and re.fullmatch(r"\d{6}\S+", texts[0]):
                self.use_row(row)
                return texts[0]
            if len(texts) == 2 and re.fullmatch(r"\d{6}", texts[0]):
                self.use_row(row)
                return texts[0] + texts[1]
        return None

    def plan_text(self, cell: Cell | None) -> SpendingPlan | None:
        """``3月底 30%，6月底 60%`` in one cell."""
        if cell is None or not cell.text.strip():
            return None
        points = []
        for part in re.split(r"[，,；;\n]+", cell.text.strip()):
            pieces = part.split()
            if not pieces:
                continue
            point = share = None
            if len(pieces) == 2:
                try:
                    point = parse_actual(pieces[0])
                    share = parse_actual(pieces[1])
                except (IndicatorkitError, ValueError):
                    point = None
            if not isinstance(point, DatePoint) or not isinstance(share, Amount):
                self.say(
                    "IK709",
                    ERROR,
                    f"支出计划的一项无效 (invalid checkpoint): “{part}”",
                    cell.row,
                    cell.column,
                    cell.text,
                    "写作“3月底 30%，6月底 60%” / write '3月底 30%，6月底 60%'",
                )
                return None
            try:
                points.append(Checkpoint(point, share))
            except (IndicatorkitError, ValueError) as error:
                self.say("IK709", ERROR, f"支出计划无效 (invalid plan): {error}", cell.row)
                return None
        return SpendingPlan(points)

    def share(self, cell: Cell) -> Amount | None:
        text = cell.text.strip()
        if cell.number is not None and not text.endswith("%"):
            text += "%"  # a plain number under 资金支出计划（%）
        try:
            value = parse_actual(text)
        except (IndicatorkitError, ValueError):
            value = None
        if not isinstance(value, Amount) or value.unit.dimension != "[ratio]":
            self.bad_number(cell, f"支出比例无效 (invalid share): “{cell.text}”")
            return None
        return value

    def amount_list(self, text: str, row: int, column: int) -> list[Amount]:
        found = []
        for part in re.split(r"[，,；;]+", text.strip()):
            if not part.strip():
                continue
            try:
                value = parse_actual(part.strip())
            except (IndicatorkitError, ValueError):
                value = None
            if isinstance(value, Amount):
                found.append(value)
            else:
                self.say("IK709", ERROR, f"数据无效 (invalid figure): “{part}”", row, column, text)
        return found

    def totals(self, start: int, end: int) -> None:
        """总分 rows and printed totals and grades: kept as findings to compare with a score."""
        for row in self.grid.rows_between(start, end):
            cells = [c for c in self.grid.row_cells(row) if c.origin not in self.used]
            if not cells:
                continue
            text = " | ".join(dict.fromkeys(c.text.strip() for c in cells))
            first = key(cells[0].text)
            if first.startswith(TOTAL_LABELS) or GRADE_WORDS.search(text):
                self.use_row(row)
                self.say(
                    "IK712",
                    INFO,
                    f"表上印的总分或等级 (printed total / grade): {text[:200]}",
                    row,
                    cells[0].column,
                    text[:200],
                    "用 indicatorkit score 计算并核对 / compare with indicatorkit score",
                )
