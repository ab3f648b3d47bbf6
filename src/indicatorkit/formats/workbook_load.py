"""openpyxl's load of an .xlsx, narrowed to what a grid needs: cells, merged ranges, hidden
rows and sheets — without drawing the borders of merged cells.

``openpyxl.load_workbook`` gives every merged range the borders of its first cell
(``MergedCellRange.format``, and ``_get_borders`` on making the range) so that a workbook
saved again looks the same; on a 绩效 table, where names are merged over many rows, that was
about 70% of a read.  A grid never draws a border nor saves the workbook, so this loader keeps
the ranges (as plain :class:`openpyxl.worksheet.cell_range.CellRange`) and does what openpyxl
does to the cells they cover — every cell but the first is a ``MergedCell`` holding nothing,
as Excel shows it — and no more.

Only this loader reads that way: it is a subclass of openpyxl's own reader (the worksheets
step) and of its worksheet reader (the merged-cells step), used by
:func:`indicatorkit.formats.workbook_grid.load_grids`; openpyxl itself is left as it is for
everyone else in the process.  The worksheets step reads a sheet's cells, merges, rows,
columns and properties (and chart sheets) as openpyxl does, and leaves out what no grid reads:
a worksheet's comments, charts, images, tables and pivot tables.

>>> import io, openpyxl
>>> from openpyxl.styles import Border, Side
>>> book = openpyxl.Workbook()
>>> sheet = book.active
>>> sheet["A1"], sheet["A1"].border = "产出指标", Border(bottom=Side(style="thin"))
>>> sheet.merge_cells("A1:A5")
>>> saved = io.BytesIO(); book.save(saved)
>>> loaded = load_book(io.BytesIO(saved.getvalue()), data_only=True).active
>>> [r.coord for r in loaded.merged_cells.ranges], loaded["A1"].value, loaded["A3"].value
(['A1:A5'], '产出指标', None)
"""

from __future__ import annotations

from typing import IO, Any

from openpyxl.cell import MergedCell
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._reader import WorksheetReader
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

__all__ = ["load_book"]


def load_book(file: IO[bytes], *, data_only: bool) -> Any:
    """The workbook in ``file`` as ``openpyxl.load_workbook(file, data_only=data_only)``
    gives it, for reading: merged ranges known, their borders not drawn, no comments or
    drawings.  Raises what openpyxl raises on a damaged file.

    >>> import io, openpyxl
    >>> book = openpyxl.Workbook()
    >>> book.active.append(["一级指标", "指标值"]); book.active.append(["产出指标", 0.95])
    >>> saved = io.BytesIO(); book.save(saved)
    >>> [row for row in load_book(saved, data_only=True).active.values]
    [('一级指标', '指标值'), ('产出指标', 0.95)]
    """
    reader = _GridBookReader(file, data_only=data_only)
    reader.read()
    return reader.wb


class _MergesWithoutBorders(WorksheetReader):  # type: ignore[misc]  # openpyxl is untyped
    """openpyxl's worksheet reader, binding merged ranges without their borders."""

    def bind_merged_cells(self) -> None:
        if not self.parser.merged_cells:
            return
        ranges = []
        cells = self.ws._cells
        for merge in self.parser.merged_cells.mergeCell:
            covered = CellRange(merge.ref)
            spots = covered.cells
            next(spots)  # the first cell keeps its value (as Worksheet._clean_merge_range)
            for row, column in spots:
                cells[row, column] = MergedCell(self.ws, row, column)
            ranges.append(covered)
        self.ws.merged_cells = MultiCellRange(ranges)


class _GridBookReader(ExcelReader):  # type: ignore[misc]  # openpyxl is untyped
    """openpyxl's package reader, whose worksheets step reads what a grid needs through
    :class:`_MergesWithoutBorders`."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:  # kept, as openpyxl does: sheet-scoped names count
                self.read_chartsheet(sheet, rel)  # the workbook's sheets by their index
                continue
            worksheet = self.wb.create_sheet(sheet.name)
            worksheet._rels = _relations(self, rel.target)
            with self.archive.open(rel.target) as part:
                _MergesWithoutBorders(
                    worksheet, part, self.shared_strings, self.data_only, self.rich_text
                ).bind_all()
            worksheet.legacy_drawing = None
            worksheet.sheet_state = sheet.state


def _relations(reader: ExcelReader, target: str) -> Any:
    """The relations of the worksheet part ``target`` (hyperlinks' targets), as openpyxl
    reads them."""
    from openpyxl.packaging.relationship import RelationshipList, get_dependents, get_rels_path

    path = get_rels_path(target)
    if path in reader.valid_files:
        return get_dependents(reader.archive, path)
    return RelationshipList()
