"""The table layer: every container (.xlsx, .xls, .docx, PDF, CSV) becomes :class:`Grid` s of
located :class:`Cell` s, and layout readers read grids without knowing which container they
came from.

A cell keeps its text *as the table means it* (a ``0%`` cell holding 0.95 is ``95%``), the
raw value and number format it was stored with, and where it stands: file, sheet (or page,
or Word table), row, column, and the merged range it belongs to.  A merged range is filled
with its first cell's text, so a level-1 name merged over five rows is on each of them;
``anchor`` says which cell really holds it.

>>> grid = grid_from_rows("表1", [["项目资金（万元）", "年度资金总额", "12"],
...                              [None, "其他资金", "0"]],
...                       merges=[(1, 1, 2, 1)], source="表.csv")
>>> grid.text(2, 1), grid.cell(2, 1).anchor, grid.cell(2, 1).merged
('项目资金（万元）', (1, 1), (1, 1, 2, 1))
>>> grid.cell(1, 3).place, grid.find_row(["年度资金总额"])
('表.csv:表1!C1', 1)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.limits import DEFAULT_LIMITS, current
from indicatorkit.model.findings import Finding, Severity, column_letters
from indicatorkit.model.records import Location, Where

__all__ = [
    "MAX_CELLS",
    "Cell",
    "Grid",
    "GridTooLargeError",
    "grid_from_rows",
    "grid_of",
    "hidden_findings",
    "key",
]

#: Cells per grid read at most, merged ranges included (a bound on memory).
MAX_CELLS = DEFAULT_LIMITS.cells  # the default: the limit in force is ``limits.current().cells``


class GridTooLargeError(IndicatorkitError):
    """A grid would hold more than :data:`MAX_CELLS` cells (a merged range can declare a
    million of them in a few bytes).

    >>> try:
    ...     grid_from_rows("表", [["甲"]], merges=[(1, 1, 1_000_000, 1_000)])
    ... except GridTooLargeError as error:
    ...     print(str(error).split(" (")[0])
    表格“表”的合并区域过大
    """


_WHITESPACE = re.compile(r"\s+")


def key(text: str) -> str:
    """A header or label as compared: NFKC, no whitespace, no trailing colon.

    >>> key("其中：财政 资金"), key("绩 效 目 标：")
    ('其中:财政资金', '绩效目标')
    """
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).rstrip(":")


@attrs.frozen
class Cell:
    """One non-empty cell: 1-based ``row`` and ``column``, its ``text`` (see the module) and
    ``number`` (the exact value of a numeric cell, a percentage cell's ratio — ``19/20`` for
    95% —, else ``None``); ``is_date`` for a date-formatted cell.

    ``raw`` is the value as the container stored it (``0.95``, a ``datetime``, the text),
    ``number_format`` its number format (``0%``; empty outside workbooks), ``merged`` the
    range ``(top, left, bottom, right)`` it belongs to, ``sheet`` and ``file`` where it is.

    >>> covered = Cell(3, 2, "产出指标", None, anchor=(3, 1))
    >>> covered.origin, Cell(3, 1, "产出指标", None).origin
    ((3, 1), (3, 1))
    >>> Cell(2, 1, "95%", Fraction(19, 20), raw=0.95, number_format="0%", sheet="自评表").place
    '自评表!A2'
    """

    row: int
    column: int
    text: str
    number: Fraction | None
    is_date: bool = False
    #: A TRUE/FALSE cell (``text`` is ``TRUE`` or ``FALSE``).
    is_bool: bool = False
    #: For a cell covered by a merged range: the (row, column) of the range's first cell.
    anchor: tuple[int, int] | None = None
    raw: object = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    number_format: str = attrs.field(default="", kw_only=True, repr=False)
    merged: tuple[int, int, int, int] | None = attrs.field(default=None, kw_only=True, repr=False)
    sheet: str = attrs.field(default="", kw_only=True, repr=False)
    file: str = attrs.field(default="", kw_only=True, repr=False)

    @property
    def origin(self) -> tuple[int, int]:
        """The cell that holds this text: itself, or the first cell of its merged range."""
        return self.anchor or (self.row, self.column)

    @property
    def place(self) -> str:
        """``file:sheet!C12`` (the parts known)."""
        where = f"{self.sheet}!" if self.sheet else ""
        spot = f"{where}{column_letters(self.column)}{self.row}"
        return f"{self.file}:{spot}" if self.file else spot


def _by_row(cells: dict[tuple[int, int], Cell]) -> dict[int, list[Cell]]:
    rows: dict[int, list[Cell]] = {}
    for (row, _), cell in sorted(cells.items()):
        rows.setdefault(row, []).append(cell)
    return rows


@attrs.frozen
class Grid:
    """A located rectangle of cells: a sheet, a Word table, the tables of a PDF.  ``name`` is
    the sheet (``自评表``), table (``表2``) or page; ``cells`` the non-empty cells by (row,
    column); ``source`` the file's name as the user gave it.

    >>> cells = [Cell(1, 1, "项目名称", None), Cell(1, 2, "法律援助", None),
    ...          Cell(3, 1, "95%", Fraction(19, 20))]
    >>> grid = Grid("自评表", {(c.row, c.column): c for c in cells}, 3, 2)
    >>> [c.text for c in grid.row_cells(1)], list(grid.non_empty_rows()), grid.cell(2, 1)
    (['项目名称', '法律援助'], [1, 3], None)
    >>> grid.right_of(grid.cell(1, 1)).text, grid.find_row(["项目名称"])
    ('法律援助', 1)
    """

    name: str
    cells: dict[tuple[int, int], Cell] = attrs.field(eq=False)
    rows: int
    columns: int
    #: Formula cells that carry no stored result (a file written by a program, never opened
    #: in Excel): (row, column, formula).  Their value is unknown; the reader says so.
    unsaved_formulas: tuple[tuple[int, int, str], ...] = ()
    source: str = attrs.field(default="", kw_only=True)
    #: Rows hidden in the workbook and left out of ``cells`` (``include_hidden`` takes them).
    hidden_rows: tuple[int, ...] = attrs.field(default=(), kw_only=True)
    #: A sheet hidden in the workbook, left out: ``cells`` is empty.
    hidden_sheet: bool = attrs.field(default=False, kw_only=True)
    #: The cells of each row, left to right (built once: a row's cells in time linear in them).
    by_row: dict[int, list[Cell]] = attrs.field(
        default=attrs.Factory(lambda self: _by_row(self.cells), takes_self=True),
        eq=False,
        repr=False,
    )
    #: The rows holding a cell, in order (a sheet's last cell may sit a million rows down:
    #: its empty rows cost nothing).
    sorted_rows: list[int] = attrs.field(
        default=attrs.Factory(lambda self: sorted(self.by_row), takes_self=True),
        eq=False,
        repr=False,
    )

    #: What the layout readers ask of a grid again and again — each layout probes every row
    #: for its headers and labels —, computed once: :func:`key` of each text met, and the
    #: own cells of each row asked for.
    _keys: dict[str, str] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _own: dict[int, list[Cell]] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def key_of(self, cell: Cell) -> str:
        """:func:`key` of ``cell``'s text, computed once per text in this grid.

        >>> grid = grid_from_rows("表", [["绩 效 目 标：", "绩 效 目 标："]])
        >>> grid.key_of(grid.cell(1, 1)), grid.key_of(grid.cell(1, 2))
        ('绩效目标', '绩效目标')
        """
        found = self._keys.get(cell.text)
        if found is None:
            found = self._keys[cell.text] = key(cell.text)
        return found

    def in_file(self, source: str) -> Grid:
        """This grid as part of the file ``source`` (the name the user gave it): the one way a
        layout reader learns the file its findings name, so no finding says a placeholder.

        >>> grid = grid_from_rows("表", [["甲"]])
        >>> grid.source, grid.in_file("表.xlsx").source, grid.in_file("").source
        ('', '表.xlsx', '')
        """
        if source == self.source:
            return self
        return attrs.evolve(self, source=source)

    def cell(self, row: int, column: int) -> Cell | None:
        return self.cells.get((row, column))

    def text(self, row: int, column: int) -> str:
        found = self.cells.get((row, column))
        return found.text if found is not None else ""

    def row_cells(self, row: int) -> list[Cell]:
        """The non-empty cells of ``row``, left to right."""
        return self.by_row.get(row, [])

    def own_cells(self, row: int) -> list[Cell]:
        """The cells of ``row`` that start there: one per merged range, none of a range
        merged down from above (found once a row)."""
        found = self._own.get(row)
        if found is None:
            seen: set[tuple[int, int]] = set()
            found = self._own[row] = []
            for cell in self.row_cells(row):
                if cell.origin in seen or (cell.anchor is not None and cell.anchor[0] != row):
                    continue
                seen.add(cell.origin)
                found.append(cell)
        return found

    def non_empty_rows(self, start: int = 1, end: int | None = None) -> Iterator[int]:
        """The rows holding a cell, from ``start`` to ``end`` (inclusive), in order."""
        yield from self.rows_between(start, self.rows if end is None else end)

    def rows_between(self, start: int, end: int) -> list[int]:
        """The rows holding a cell from ``start`` to ``end`` (inclusive), in order, found by
        bisection.

        >>> grid = Grid("表", {(r, 1): Cell(r, 1, "甲", None) for r in (2, 5, 1048576)}, 1048576, 1)
        >>> grid.rows_between(1, 5), grid.rows_between(3, 1048576)
        ([2, 5], [5, 1048576])
        """
        rows = self.sorted_rows
        return rows[bisect.bisect_left(rows, start) : bisect.bisect_right(rows, end)]

    def right_of(self, cell: Cell) -> Cell | None:
        """The cell right of ``cell``'s merged range (``None`` when empty)."""
        column = cell.column + 1
        while True:
            other = self.cell(cell.row, column)
            if other is None or other.origin != cell.origin:
                return other
            column += 1

    def next_right(self, cell: Cell) -> Cell | None:
        """The first non-empty cell right of ``cell``'s merged range, past blank columns
        (``None`` when the row ends): a label's value in a table with an empty column.

        >>> grid = grid_from_rows("表", [["项目名称", None, "法律援助"]])
        >>> grid.right_of(grid.cell(1, 1)), grid.next_right(grid.cell(1, 1)).text
        (None, '法律援助')
        """
        right = cell.merged[3] if cell.merged else cell.column
        return next((c for c in self.row_cells(cell.row) if c.column > right), None)

    def where(
        self, row: int, column: int = 1, fields: Mapping[str, Cell | None] | None = None
    ) -> Where:
        """Where a record read at (``row``, ``column``) of this grid is, with the cell of each
        model field it was given (``{"target": cell, "actual": cell}``; ``None`` cells left
        out): each place names the sheet (or table), so findings say ``file:sheet!C12``.

        >>> grid = grid_from_rows("自评表", [["受理数", "≥180件"]])
        >>> where = grid.where(1, 1, {"target": grid.cell(1, 2), "actual": None})
        >>> str(where.at), str(where.of("target")), str(where.of("actual"))
        ('自评表!A1', '自评表!B1', '自评表!A1')
        """
        places = {
            field: Location(cell.row, cell.column, cell.sheet or self.name)
            for field, cell in (fields or {}).items()
            if cell is not None
        }
        first = self.cell(row, column)
        return Where(
            Location(row, column, first.sheet if first and first.sheet else self.name), places
        )

    def find_row(self, words: Sequence[str], start: int = 1, end: int | None = None) -> int | None:
        """The first row from ``start`` where each of ``words`` is inside some cell's
        :func:`key` (a header row found by its words), or ``None``."""
        for row in self.non_empty_rows(start, end):
            keys = [self.key_of(c) for c in self.own_cells(row)]
            if all(any(word in k for k in keys) for word in words):
                return row
        return None


def _fill_merges(
    name: str,
    cells: dict[tuple[int, int], Cell],
    merges: Iterable[tuple[int, int, int, int]],
) -> None:
    """Fill each merged range ``(top, left, bottom, right)`` with its first cell."""
    for top, left, bottom, right in merges:
        anchor = cells.get((top, left))
        if anchor is None:
            continue
        if (bottom - top + 1) * (right - left + 1) + len(cells) > (most := current().cells):
            raise GridTooLargeError(
                f"表格“{name}”的合并区域过大 (a merged range too large to fill, over {most})"
            )
        span = (top, left, bottom, right)
        cells[(top, left)] = attrs.evolve(anchor, merged=span)
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    cells[(r, c)] = attrs.evolve(
                        anchor, row=r, column=c, anchor=(top, left), merged=span
                    )


def grid_of(
    name: str,
    cells: dict[tuple[int, int], Cell],
    merges: Iterable[tuple[int, int, int, int]] = (),
    *,
    source: str = "",
    unsaved_formulas: tuple[tuple[int, int, str], ...] = (),
    hidden_rows: Iterable[int] = (),
) -> Grid:
    """The grid of ``cells`` with each merged range ``(top, left, bottom, right)`` filled,
    and the ``hidden_rows`` that hold a cell left out after the fill (a name merged down
    from a hidden row still reaches the visible rows).  Raises :class:`GridTooLargeError`.

    >>> grid = grid_of("表", {(1, 1): Cell(1, 1, "产出指标", None)}, [(1, 1, 3, 1)], hidden_rows=[2])
    >>> grid.rows, grid.cell(3, 1).anchor, grid.cell(2, 1), grid.hidden_rows
    (3, (1, 1), None, (2,))
    """
    _fill_merges(name, cells, merges)
    rows = max((r for r, _ in cells), default=0)
    columns = max((c for _, c in cells), default=0)
    hidden = set(hidden_rows)
    left_out = sorted({r for r, _ in cells if r in hidden})
    for spot in [spot for spot in cells if spot[0] in hidden]:
        del cells[spot]
    return Grid(
        name,
        cells,
        rows,
        columns,
        unsaved_formulas=unsaved_formulas,
        source=source,
        hidden_rows=tuple(left_out),
    )


def grid_from_rows(
    name: str,
    rows: Iterable[Sequence[str | None]],
    *,
    merges: Iterable[tuple[int, int, int, int]] = (),
    source: str = "",
) -> Grid:
    """A grid of text cells (a Word table, a PDF table, CSV rows): ``None`` or blank text is
    an empty cell; ``merges`` are ``(top, left, bottom, right)``, 1-based.

    >>> grid = grid_from_rows("表", [["一级指标", "二级指标"], ["产出指标", " "]])
    >>> grid.rows, grid.columns, grid.cell(2, 2)
    (2, 2, None)
    """
    cells: dict[tuple[int, int], Cell] = {}
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row, 1):
            if text is None or not text.strip():
                continue
            if len(cells) >= (most := current().cells):
                raise GridTooLargeError(f"表格“{name}”超过 {most} 个单元格 (a table too large)")
            cells[(r, c)] = Cell(r, c, text, None, raw=text, sheet=name, file=source)
    return grid_of(name, cells, merges, source=source)


def hidden_findings(grid: Grid) -> list[Finding]:
    """IK723 (warning) for a hidden sheet, and one for each run of hidden rows, left out of
    ``grid``: a row is never dropped without a finding.

    >>> grid = grid_of("自评表", {(r, 1): Cell(r, 1, "甲", None) for r in (1, 2, 3, 5)},
    ...                hidden_rows=[2, 3, 5], source="表.xlsx")
    >>> [(f.place, f.message.split(" (")[0]) for f in hidden_findings(grid)]
    [('表.xlsx:自评表!A2', '隐藏的第 2–3 行未读入'), ('表.xlsx:自评表!A5', '隐藏的第 5 行未读入')]
    """
    file = grid.source or None
    hint = "要读入隐藏内容，用 --include-hidden / take them with --include-hidden"
    if grid.hidden_sheet:
        message = f"隐藏的工作表“{grid.name}”未读入 (a hidden sheet left out)"
        return [
            Finding(
                "IK723", Severity.WARNING, message, 1, suggestion=hint, file=file, sheet=grid.name
            )
        ]
    runs: list[list[int]] = []
    for row in grid.hidden_rows:
        if runs and runs[-1][-1] == row - 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return [
        Finding(
            "IK723",
            Severity.WARNING,
            f"隐藏的第 {run[0]}–{run[-1]} 行未读入 (hidden rows left out)"
            if len(run) > 1
            else f"隐藏的第 {run[0]} 行未读入 (a hidden row left out)",
            run[0],
            suggestion=hint,
            file=file,
            sheet=grid.name,
        )
        for run in runs
    ]
