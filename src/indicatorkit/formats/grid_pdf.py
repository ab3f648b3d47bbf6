"""PDF tables as one grid: the ruled tables of every page of a text-based PDF, one under the
other (a 自评表 runs on over pages), each cell located on its page (``sheet`` = ``第P页``).

pdfplumber gives a cell covered by a merged range as ``None``; it cannot say which range, so
such a cell is empty and the layout readers carry merged level names down themselves.  Needs
the ``pdf`` extra (pdfplumber).

>>> grid = pdf_grid([("第1页", [["一级指标", "二级指标"], ["产出指标", None]]),
...                  ("第2页", [[None, "质量指标"]])], source="自评.pdf")
>>> grid.rows, grid.cell(3, 2).place
(3, '自评.pdf:第2页!B3')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from indicatorkit.formats.grid import Cell, Grid, grid_of

__all__ = ["cell_text", "pdf_grid"]


def pdf_grid(
    pages: Iterable[tuple[str, Sequence[Sequence[str | None]]]], *, source: str = ""
) -> Grid:
    """One grid of the rows of each page's tables, given as (page name, rows) in order.

    >>> pdf_grid([]).rows
    0
    """
    cells: dict[tuple[int, int], Cell] = {}
    row = 0
    for page, rows in pages:
        for texts in rows:
            row += 1
            for column, text in enumerate(texts, 1):
                clean = cell_text(text)
                if clean:
                    cells[(row, column)] = Cell(
                        row, column, clean, None, raw=text, sheet=page, file=source
                    )
    return grid_of("PDF", cells, source=source)


def cell_text(text: str | None) -> str:
    """A PDF cell's text: each line stripped, ``None`` (a merged cell) empty.

    >>> cell_text("  数量\\n 指标 "), cell_text(None)
    ('数量\\n指标', '')
    """
    return "" if text is None else "\n".join(line.strip() for line in text.splitlines()).strip()
