"""CSV or TSV text as a grid: one row a record, cells split by the delimiter the first line
uses (a tab when it has one, else a comma), quotes as in RFC 4180.

>>> grid = csv_grid("一级指标,二级指标\\n产出指标,\\"数量指标\\"\\n", source="表.csv")
>>> grid.name, grid.text(2, 2), grid.cell(2, 1).place
('CSV', '数量指标', '表.csv:CSV!A2')
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from indicatorkit.formats.grid import Grid, grid_from_rows
from indicatorkit.formats.progress import meter

__all__ = ["CsvRecordError", "csv_grid", "csv_records"]


class CsvRecordError(csv.Error):
    """Bad CSV (a quote never closed …) and the 1-based ``line`` it shows at.

    >>> CsvRecordError("unexpected end of data", 3).line
    3
    """

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def csv_grid(text: str, *, source: str = "", name: str = "CSV") -> Grid:
    """The grid of CSV (or TSV) ``text``.

    >>> csv_grid("a\\tb\\n1\\t2\\n").text(2, 2)
    '2'
    """
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ","
    rows = (cells for _, cells in csv_records(text, delimiter, source=source))
    return grid_from_rows(name, rows, source=source)


def csv_records(text: str, delimiter: str, *, source: str = "") -> Iterator[tuple[int, list[str]]]:
    """Each record of CSV ``text`` with the line it starts at (a quoted cell may hold line
    breaks, so a record may take several lines), counted on the progress callback in force
    (:mod:`indicatorkit.formats.progress`) as the read of ``source``.  Raises :class:`CsvRecordError` for bad
    quoting.

    >>> list(csv_records('a,"b\\nc"\\nd,e\\n', ","))
    [(1, ['a', 'b\\nc']), (3, ['d', 'e'])]
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    counter = meter(source)
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            counter.step()
            yield start, cells
    except csv.Error as error:
        raise CsvRecordError(str(error), line + 1) from None
    counter.finish()
