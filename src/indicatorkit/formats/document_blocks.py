"""A document as the importers see it: paragraphs and table rows, in reading order.

The seed's document form (text with tab-indented table cells) and a Word file both come down
to this: a :class:`Paragraph` is a line of prose, a :class:`TableRow` is one row of a table
with its cells.  Each block knows where it stands (line and column in a text file; table,
row and column in a Word file), so whatever the reader says about it is located.

The text form: a line starting with a tab is one table cell; consecutive cell lines are a row;
any other line (a blank one too) ends the row and, when not blank, is a paragraph.  Word's
bookmark markers (``[bookmark: _Toc…]``) are taken off a paragraph's text.

>>> blocks = text_blocks("标题\\n\\t项目编码\\n\\t130229\\n\\n正文")
>>> [type(b).__name__ for b in blocks]
['Paragraph', 'TableRow', 'Paragraph']
>>> [(c.text, c.line) for c in blocks[1].cells]
[('项目编码', 2), ('130229', 3)]
"""

from __future__ import annotations

import re

import attrs

from indicatorkit.model.findings import Finding, Severity

__all__ = ["Block", "Cell", "Paragraph", "TableRow", "compact", "finding_at", "text_blocks"]

_BOOKMARK = re.compile(r"^(?:\[bookmark: [^\]]*\])+")
_SPACES = re.compile(r"\s+")


def compact(text: str) -> str:
    """``text`` without any whitespace: labels spaced out as ``绩 效 目 标`` compare equal.

    >>> compact("其中：财政    资金"), compact("绩 效 目 标")
    ('其中：财政资金', '绩效目标')
    """
    return _SPACES.sub("", text)


@attrs.frozen
class Cell:
    """One table cell: its text (stripped) and where it stands.

    In a text file ``line`` is the cell's own line and ``column`` its place in the row; in a
    Word file ``sheet`` names the table (``表3``), ``line`` is the row and ``column`` the cell.

    >>> cell = Cell("项目编码", 4, 1, sheet="表3")
    >>> cell.text, cell.line, cell.column, cell.sheet
    ('项目编码', 4, 1, '表3')
    """

    text: str
    line: int
    column: int
    sheet: str | None = None


@attrs.frozen
class Paragraph:
    """A line of prose: its text (bookmarks and surrounding space taken off), its 1-based line,
    and ``offset``, the characters of the line before ``text`` (so a column in ``text`` plus
    ``offset`` is the column in the line).

    >>> text_blocks("  绩效目标")[0]
    Paragraph(text='绩效目标', line=1, offset=2, sheet=None)
    """

    text: str
    line: int
    offset: int = 0
    sheet: str | None = None


@attrs.frozen
class TableRow:
    """A table row: its cells in order (merged cells appear once; a continued vertical merge
    is an empty cell).

    >>> row = TableRow((Cell("项目编码", 2, 1), Cell("", 2, 2)))
    >>> row.line, row.texts(), row.is_blank()
    (2, ['项目编码', ''], False)
    """

    cells: tuple[Cell, ...]

    @property
    def line(self) -> int:
        return self.cells[0].line if self.cells else 0

    def texts(self) -> list[str]:
        """The cells' texts."""
        return [cell.text for cell in self.cells]

    def is_blank(self) -> bool:
        return not any(cell.text for cell in self.cells)


Block = Paragraph | TableRow


def text_blocks(text: str) -> list[Block]:
    """The blocks of a document in the text form (see the module's description).

    >>> text_blocks("[bookmark: _Toc1]绩效目标\\n\\t指标\\n\\t值")
    ... # doctest: +NORMALIZE_WHITESPACE
    [Paragraph(text='绩效目标', line=1, offset=17, sheet=None),
     TableRow(cells=(Cell(text='指标', line=2, column=1, sheet=None),
                     Cell(text='值', line=3, column=2, sheet=None)))]
    """
    blocks: list[Block] = []
    cells: list[Cell] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("\t"):
            cells.append(Cell(line[1:].strip(), number, len(cells) + 1))
            continue
        if cells:
            blocks.append(TableRow(tuple(cells)))
            cells = []
        unmarked = _BOOKMARK.sub("", line)
        stripped = unmarked.strip()
        if stripped:
            offset = len(line) - len(unmarked) + (len(unmarked) - len(unmarked.lstrip()))
            blocks.append(Paragraph(stripped, number, offset))
    if cells:
        blocks.append(TableRow(tuple(cells)))
    return blocks


def finding_at(
    at: Cell | Paragraph,
    code: str,
    severity: Severity,
    message: str,
    *,
    file: str,
    suggestion: str | None = None,
) -> Finding:
    """A finding about a cell or a paragraph, located: a paragraph at its text; a cell of the
    text form on its own line, after the tab; a cell of a table (``sheet``) at its row and
    column.

    >>> from indicatorkit.model.findings import Severity
    >>> row = text_blocks("\\t项目编码\\n\\t13O229")[0]
    >>> finding = finding_at(row.cells[1], "IK601", Severity.ERROR, "编码无效", file="说明.txt")
    >>> finding.place, finding.source_line
    ('说明.txt:2:2', ' 13O229')
    >>> finding_at(Cell("x", 3, 2, sheet="表3"), "IK601", Severity.ERROR, "无效", file="a.docx").place
    'a.docx:表3!B3'
    """
    if isinstance(at, Paragraph):
        line, column, source = at.line, at.offset + 1, " " * at.offset + at.text
    elif at.sheet is None:
        line, column, source = at.line, 2, " " + at.text
    else:
        line, column, source = at.line, at.column, ""
    return Finding(
        code,
        severity,
        message,
        line,
        column,
        source_line=source,
        suggestion=suggestion,
        file=file,
        sheet=at.sheet,
    )
