"""CSV or TSV text as a grid: one row a line, cells split by the delimiter the first line uses
(a tab when it has one, else a comma), quotes as in RFC 4180.

>>> grid = csv_grid("一级指标,二级指标\\n产出指标,\\"数量指标\\"\\n", source="表.csv")
>>> grid.name, grid.text(2, 2), grid.cell(2, 1).place
('CSV', '数量指标', '表.csv:CSV!A2')
"""

from __future__ import annotations

import csv
import io

from indicatorkit.formats.grid import Grid, grid_from_rows

__all__ = ["csv_grid"]


def csv_grid(text: str, *, source: str = "", name: str = "CSV") -> Grid:
    """The grid of CSV (or TSV) ``text``.

    >>> csv_grid("a\\tb\\n1\\t2\\n").text(2, 2)
    '2'
    """
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    return grid_from_rows(name, rows, source=source)
