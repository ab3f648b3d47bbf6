"""Word tables as grids: each table of a ``.docx`` body (nested ones too, in reading order) is
a :class:`~indicatorkit.formats.grid.Grid` named ``表T``.

A cell spanning columns (``gridSpan``) and a vertical merge (``vMerge``) become one merged
range, as in a workbook, so the same layout readers read a Word table and a sheet.  Needs the
``word`` extra (python-docx) only to open the file; the tables are read from its XML.

>>> import docx
>>> document = docx.Document()
>>> table = document.add_table(rows=3, cols=2)
>>> table.cell(0, 0).merge(table.cell(2, 0)).text = "项目资金（万元）"
>>> table.cell(0, 1).text, table.cell(1, 1).text = "年度资金总额", "其他资金"
>>> (grid,) = docx_grids(document.element.body, source="表.docx")
>>> grid.name, grid.text(3, 1), grid.cell(3, 1).merged, grid.cell(2, 2).place
('表1', '项目资金（万元）', (1, 1, 3, 1), '表.docx:表1!B2')
"""

from __future__ import annotations

from typing import Any, Final

from indicatorkit.formats.grid import Cell, Grid, grid_of

__all__ = ["docx_grids", "paragraph_text"]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_grids(body: Any, *, source: str = "") -> list[Grid]:
    """The tables of a Word body element (``document.element.body``) as grids, in reading
    order (a table nested in a cell right after the table holding it).

    >>> import docx
    >>> docx_grids(docx.Document().element.body)
    []
    """
    grids: list[Grid] = []
    for table in body.iter(f"{_W}tbl"):
        grids.append(_grid(table, f"表{len(grids) + 1}", source))
    return grids


def _grid(table: Any, name: str, source: str) -> Grid:
    cells: dict[tuple[int, int], Cell] = {}
    merges: list[list[int]] = []
    #: The merged range open at each left column (a vertical merge continues it).
    open_at: dict[int, list[int]] = {}
    for row, tr in enumerate(table.iterchildren(f"{_W}tr"), 1):
        column = 1
        for tc in tr.iterchildren(f"{_W}tc"):
            span = _int(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            continues = merge is not None and merge.get(f"{_W}val", "continue") != "restart"
            right = column + span - 1
            if continues and column in open_at:
                open_at[column][2] = row
            else:
                text = _cell_text(tc)
                if text.strip():
                    cells[(row, column)] = Cell(
                        row, column, text, None, raw=text, sheet=name, file=source
                    )
                found = [row, column, row, right]
                merges.append(found)
                open_at[column] = found
            column = right + 1
    spans = [(t, left, b, r) for t, left, b, r in merges if (t, left) != (b, r)]
    return grid_of(name, cells, spans, source=source)


def _int(node: Any, default: int) -> int:
    try:
        return max(1, int(node.get(f"{_W}val"))) if node is not None else default
    except (TypeError, ValueError):
        return default


def _cell_text(tc: Any) -> str:
    """The paragraphs of a cell (not of a table nested in it), one a line."""
    lines = (paragraph_text(p).strip() for p in tc.iterchildren(f"{_W}p"))
    return "\n".join(line for line in lines if line)


def paragraph_text(paragraph: Any) -> str:
    """The text of a Word paragraph element: a tab is a space, a line break a new line.

    >>> import docx
    >>> document = docx.Document()
    >>> paragraph = document.add_paragraph("绩效目标")
    >>> paragraph.add_run().add_break()
    >>> _ = paragraph.add_run("1.保障")
    >>> paragraph_text(paragraph._p)
    '绩效目标\\n1.保障'
    """
    parts: list[str] = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        else:
            parts.append(" " if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)
