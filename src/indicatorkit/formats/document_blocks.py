"""A document as the importers see it: paragraphs of prose and tables, in reading order — each
table a :class:`~indicatorkit.formats.grid.Grid` read by the same layout readers as a sheet,
and knowing where each of its rows stands in the document, so that what a reader says about a
cell is located in the document's own terms.

The seed's text form (a line starting with a tab is one table cell; consecutive cell lines are
a row; a blank line ends the row; any other line is a paragraph and ends the table) and a Word
file (:func:`~indicatorkit.formats.word.docx_parts`) both come down to this.  Word's bookmark
markers (``[bookmark: _Toc…]``) are taken off a paragraph's text.

The text form keeps no merged cells: an empty cell stands where Word had a vertical merge.  A
text table gets them back where a table means them — an empty row label under a label (the
usage line under ``预算规模及资金用途``, the shares under ``资金支出计划``) and an empty level-1 or
level-2 cell under an indicator header's level name — so that it is the same grid as the Word
table it was copied from.

>>> parts = text_parts("标题\\n\\t项目编码\\n\\t130229\\n\\n\\t\\n\\t说明\\n正文", source="说明.txt")
>>> [type(p).__name__ for p in parts]
['Paragraph', 'Table', 'Paragraph']
>>> table = parts[1]
>>> table.grid.text(2, 1), table.grid.cell(2, 1).anchor, table.locate(2, 2)
('项目编码', (1, 1), Spot(sheet=None, line=6, column=2, text='说明'))
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from indicatorkit.formats.grid import Cell, Grid, grid_from_rows, grid_of, key
from indicatorkit.model.findings import Finding
from indicatorkit.model.records import Location, Where

__all__ = [
    "Paragraph",
    "Spot",
    "Table",
    "compact",
    "stack_tables",
    "text_parts",
]

_BOOKMARK = re.compile(r"^(?:\[bookmark: [^\]]*\])+")
_SPACES = re.compile(r"\s+")
#: Header words of the columns whose names a vertical merge carries down.
_LEVEL_HEADERS = ("一级指标", "二级指标")


def compact(text: str) -> str:
    """``text`` without any whitespace: labels spaced out as ``绩 效 目 标`` compare equal.

    >>> compact("其中：财政    资金"), compact("绩 效 目 标")
    ('其中：财政资金', '绩效目标')
    """
    return _SPACES.sub("", text)


@attrs.frozen
class Paragraph:
    """A line of prose: its text (bookmarks and surrounding space taken off), its 1-based line
    (in a Word file: its number among the body's paragraphs), and ``offset``, the characters
    of the line before ``text`` (so a column in ``text`` plus ``offset`` is the column in the
    line).

    >>> text_parts("  绩效目标")[0]
    Paragraph(text='绩效目标', line=1, offset=2)
    """

    text: str
    line: int
    offset: int = 0

    def where(self, column: int = 1) -> Where:
        """Where a record the paragraph gives stands: its line (at ``column``).

        >>> paragraph = Paragraph("1.办理案件", 7, 2)
        >>> paragraph.where().at, paragraph.where(paragraph.offset + 1).at
        (Location(line=7, column=1), Location(line=7, column=3))
        """
        return Where(Location(self.line, column))


@attrs.frozen
class Spot:
    """Where a cell stands in its document: a Word table or a PDF page (``sheet``) and the
    row there (``line``) and column; or, in the text form, the cell's own line, column 2 (after
    the tab), and the cell's ``text`` (a finding shows it).

    >>> Spot("表3", 4, 2)
    Spot(sheet='表3', line=4, column=2, text='')
    """

    sheet: str | None
    line: int
    column: int
    text: str = ""


@attrs.frozen
class Table:
    """A document's table: its :class:`Grid`, and where its cells stand — ``cells`` maps a grid
    (row, column) to its :class:`Spot` (the text form), ``rows`` a grid row to the sheet and row
    it came from (Word tables stacked into one grid, a PDF's pages).

    >>> table = Table(grid_from_rows("表1", [["甲"]]), rows={1: ("表3", 4)})
    >>> table.locate(1, 2), table.first_line
    (Spot(sheet='表3', line=4, column=2, text=''), 4)
    """

    grid: Grid
    cells: Mapping[tuple[int, int], Spot] = attrs.field(factory=dict, eq=False, repr=False)
    rows: Mapping[int, tuple[str | None, int]] = attrs.field(factory=dict, eq=False, repr=False)

    def locate(self, row: int, column: int) -> Spot:
        """The spot of grid cell (row, column): the cell's own, else its row's (in the text
        form the row's first line), else the grid's own place."""
        found = self.cells.get((row, column))
        if found is not None:
            return found
        sheet, line = self.rows.get(row, (self.grid.name, row))
        return Spot(sheet, line, 2 if sheet is None else column)

    @property
    def first_line(self) -> int:
        """The line (or row) the table starts at."""
        return self.locate(min(self.grid.sorted_rows, default=1), 1).line

    def place(self, location: Location) -> Location:
        """A place in this table's grid (its sheet the grid's name) moved to where the cell
        stands in the document; any other place stays as it is.

        >>> table = text_parts("\\t项目名称\\n\\t法律援助\\n")[0]
        >>> table.place(Location(1, 2, table.grid.name)), table.place(Location(9, 1))
        (Location(line=2, column=2), Location(line=9, column=1))
        """
        if location.sheet != self.grid.name:
            return location
        spot = self.locate(location.line, location.column)
        return Location(spot.line, spot.column, spot.sheet)

    def relocate_where(self, where: Where | None) -> Where | None:
        """Where a record read from this table's grid stands in the document: its own place
        and each field's (see :meth:`place`)."""
        if where is None:
            return None
        return Where(
            self.place(where.at), {name: self.place(at) for name, at in where.fields.items()}
        )

    def relocate(self, finding: Finding) -> Finding:
        """A layout reader's finding about this grid, placed in the document (a finding with
        no sheet is about the whole reading, and stays as it is)."""
        if finding.sheet is None:
            return finding
        spot = self.locate(finding.line, finding.column)
        source_line = " " + spot.text if spot.sheet is None else finding.source_line
        return attrs.evolve(
            finding,
            line=spot.line,
            column=spot.column,
            end_column=None,
            sheet=spot.sheet,
            source_line=source_line,
        )


def text_parts(text: str, *, source: str = "") -> list[Paragraph | Table]:
    """The paragraphs and tables of a document in the text form (see the module).

    >>> parts = text_parts("[bookmark: _Toc1]绩效目标\\n\\t一级指标\\n\\t指标值\\n\\n\\t产出指标\\n\\t≥1件")
    >>> parts[0], parts[1].grid.text(2, 2), parts[1].locate(2, 2).line
    (Paragraph(text='绩效目标', line=1, offset=17), '≥1件', 6)
    """
    parts: list[Paragraph | Table] = []
    rows: list[list[tuple[int, str]]] = []
    row: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("\t"):
            row.append((number, line[1:].strip()))
            continue
        if row:
            rows.append(row)
            row = []
        unmarked = _BOOKMARK.sub("", line)
        stripped = unmarked.strip()
        if stripped:
            if rows:
                parts.append(_text_table(rows, len(parts), source))
                rows = []
            offset = len(line) - len(unmarked) + (len(unmarked) - len(unmarked.lstrip()))
            parts.append(Paragraph(stripped, number, offset))
    if row:
        rows.append(row)
    if rows:
        parts.append(_text_table(rows, len(parts), source))
    return parts


def _text_table(rows: list[list[tuple[int, str]]], index: int, source: str) -> Table:
    name = f"文本表{index + 1}"
    texts = [[text for _, text in row] for row in rows]
    grid = grid_from_rows(name, texts, merges=_text_merges(texts), source=source)
    spots = {
        (r, c): Spot(None, line, 2, text)
        for r, row in enumerate(rows, 1)
        for c, (line, text) in enumerate(row, 1)
    }
    return Table(grid, cells=spots, rows={r: (None, row[0][0]) for r, row in enumerate(rows, 1)})


def _text_merges(rows: Sequence[Sequence[str]]) -> list[tuple[int, int, int, int]]:
    """The vertical merges a text table lost (see the module): an empty first cell under a
    label, an empty level cell under a level name below an indicator header (level 2 only
    while level 1 goes on)."""
    merges: list[list[int]] = []
    open_at: dict[int, list[int]] = {}
    levels: tuple[int, ...] = ()
    for r, row in enumerate(rows, 1):
        keys = [key(text) for text in row]
        if any(word in k for k in keys for word in _LEVEL_HEADERS):
            levels = tuple(c for c, k in enumerate(keys, 1) if k in _LEVEL_HEADERS)
            open_at.clear()
            continue
        carried = {1, *levels[:1]}
        if levels[1:] and (len(row) < levels[0] or not row[levels[0] - 1]):
            carried.add(levels[1])  # level 2 goes on while level 1 does
        for c, text in enumerate(row, 1):
            if text or c not in carried or c not in open_at or len(row) < 2:
                if text:
                    open_at[c] = [r, c, r, c]
                    merges.append(open_at[c])
                else:
                    open_at.pop(c, None)
                continue
            open_at[c][2] = r
    return [(t, c, b, right) for t, c, b, right in merges if b > t]


def stack_tables(tables: Sequence[Table], *, name: str) -> Table:
    """``tables`` one under the other as one grid named ``name`` (the tables of one project:
    a Word file's title block, its budget table and its indicator table), each row remembering
    the table and row it came from, merged ranges kept.

    >>> first = Table(grid_from_rows("表1", [["315001司法局", "单位：元"]]))
    >>> second = Table(grid_from_rows("表2", [["一级指标", "指标值"], ["产出指标", "≥1件"],
    ...                                      [None, "≥2件"]], merges=[(2, 1, 3, 1)]))
    >>> stacked = stack_tables([first, second], name="表1")
    >>> stacked.grid.text(4, 1), stacked.grid.cell(4, 1).anchor, stacked.locate(4, 1)
    ('产出指标', (3, 1), Spot(sheet='表2', line=3, column=1, text=''))
    """
    if len(tables) == 1:
        return tables[0]
    cells: dict[tuple[int, int], Cell] = {}
    merges: set[tuple[int, int, int, int]] = set()
    rows: dict[int, tuple[str | None, int]] = {}
    spots: dict[tuple[int, int], Spot] = {}
    source = ""
    offset = 0
    for table in tables:
        grid = table.grid
        source = source or grid.source
        for (r, c), cell in grid.cells.items():
            if cell.anchor is None:
                cells[(r + offset, c)] = attrs.evolve(cell, row=r + offset, merged=None, sheet=name)
            if cell.merged is not None:
                top, left, bottom, right = cell.merged
                merges.add((top + offset, left, bottom + offset, right))
        for r in range(1, grid.rows + 1):
            rows[r + offset] = table.rows.get(r, (grid.name, r))
        spots.update({(r + offset, c): spot for (r, c), spot in table.cells.items()})
        offset += grid.rows
    grid = grid_of(name, cells, sorted(merges), source=source)
    return Table(grid, cells=spots, rows=rows)
