"""A workbook as grids of cell texts: what a reader of 绩效 tables needs from .xlsx and .xls.

Each sheet becomes a :class:`Grid` of :class:`Cell` records holding the cell's *text as the
table means it*: a number formatted as a percentage (``0%``) is ``95%``, a date-formatted cell
is ``2025年12月31日``, other numbers are their exact decimal (never a float's noise, never
rounded to the displayed places).  Merged ranges are filled with their first cell's text, so
a level-1 name merged over five rows is on each of them.  .xlsx is read with openpyxl, .xls
with xlrd (``formatting_info=True`` keeps each cell's number format and the merged ranges,
which python-calamine does not expose); both are the ``excel`` extra.

The cells and grids are :mod:`indicatorkit.formats.grid`'s, read by the same layout readers
as a Word table's or a PDF's.

>>> grid = Grid("表1", {(1, 1): Cell(1, 1, "一级指标", None)}, 1, 1)
>>> grid.text(1, 1), grid.text(2, 1)
('一级指标', '')
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.extras import MissingExtraError, require
from indicatorkit.formats.grid import Cell, Grid, GridTooLargeError, grid_of
from indicatorkit.formats.limits import InputLimitError, current
from indicatorkit.formats.packed import check_workbook
from indicatorkit.formats.progress import meter
from indicatorkit.model.findings import column_letters
from indicatorkit.numerals import format_decimal

__all__ = [
    "Cell",
    "Grid",
    "MissingExtraError",
    "UnreadableWorkbookError",
    "excel_exact",
    "load_grids",
    "require",
    "workbook_kind",
]

#: Excel's serial day 0 (1899-12-30 makes serial 60 the fictitious 1900-02-29 right).
EXCEL_EPOCH = dt.date(1899, 12, 30)


class UnreadableWorkbookError(IndicatorkitError):
    """The file is not a workbook this library can open (not .xlsx/.xls, damaged, encrypted).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "表.xlsx"
    ...     _ = path.write_text("不是工作簿", encoding="utf-8")
    ...     try:
    ...         load_grids(path)
    ...     except UnreadableWorkbookError as error:
    ...         print(str(error).split(": ")[1])
    既不是 .xlsx 也不是 .xls / neither .xlsx nor .xls
    """


def excel_exact(value: float | int) -> Fraction:
    """A number cell as the decimal it was typed as: Excel keeps 15 significant digits, so a
    float is read at 15 (``0.1`` → 1/10, not the binary neighbour; a formula's
    ``11.4/12`` = 0.9500000000000001 → 19/20, as Excel shows it).

    >>> excel_exact(0.1), excel_exact(11.4 / 12), excel_exact(46800)
    (Fraction(1, 10), Fraction(19, 20), Fraction(46800, 1))
    """
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(Decimal(f"{value:.15g}"))


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _is_percent_format(number_format: str) -> bool:
    return "%" in _QUOTED.sub("", number_format or "")


def number_text(value: Fraction, percent: bool) -> str:
    """The text of a number cell: ``95%`` for 19/20 under a percentage format, else the
    exact decimal (``1/3`` when not a finite decimal).

    >>> number_text(Fraction(19, 20), True), number_text(Fraction(12, 5), False)
    ('95%', '2.4')
    """
    shown = value * 100 if percent else value
    try:
        text = format_decimal(shown)
    except (ValueError, ArithmeticError):
        text = f"{shown.numerator}/{shown.denominator}"
    return text + ("%" if percent else "")


def date_text(day: dt.date) -> str:
    """``2025年12月31日``: how a date-formatted cell reads."""
    return f"{day.year}年{day.month}月{day.day}日"


_OPENPYXL_CUT = 32_767


def _make_cell(
    row: int,
    column: int,
    value: Any,
    number_format: str,
    sheet: str,
    file: str,
    *,
    cut: bool = False,
) -> Cell | None:
    if value is None:
        return None
    where = {"raw": value, "number_format": number_format or "", "sheet": sheet, "file": file}
    if isinstance(value, bool):
        return Cell(row, column, "TRUE" if value else "FALSE", None, is_bool=True, **where)
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return Cell(row, column, date_text(day), None, is_date=True, **where)
    if isinstance(value, dt.time | dt.timedelta):
        return Cell(row, column, str(value), None, **where)
    if isinstance(value, int | float):
        if isinstance(value, float) and (value != value or value in (float("inf"), -float("inf"))):
            return Cell(row, column, str(value), None, **where)
        exact = excel_exact(value)
        text = number_text(exact, _is_percent_format(number_format))
        return Cell(row, column, text, exact, **where)
    text = str(value)
    maximum = current().cell_text
    # openpyxl cuts a longer text to Excel's 32,767 characters without a word: that length
    # is taken for a cut, so that no text is lost silently
    if len(text) > maximum or (cut and len(text) >= _OPENPYXL_CUT and maximum <= _OPENPYXL_CUT):
        place = f"{sheet}!{column_letters(column)}{row}"
        raise InputLimitError(
            file, "cell_text", len(text), maximum, where=place, sheet=sheet, cell=(row, column)
        )
    if not text.strip():
        return None
    return Cell(row, column, text, None, **where)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream names of an .xls inside its compound file ("Workbook"; "Book" before Excel 97).
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))


def workbook_kind(path: Path) -> str | None:
    """``"xlsx"`` or ``"xls"`` told by the file's content (not its name), or ``None`` for
    anything else — a .docx is a zip too, a .doc an OLE2 file too, and neither is a workbook.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(suffix=".xlsx") as handle:
    ...     _ = handle.write(b"not a workbook"); handle.flush()
    ...     workbook_kind(Path(handle.name)) is None
    True
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
            if head.startswith(b"PK"):
                try:
                    with zipfile.ZipFile(handle) as archive:
                        return "xlsx" if "xl/workbook.xml" in archive.namelist() else None
                except zipfile.BadZipFile:
                    return None
            if head == _OLE_MAGIC:
                tail = b""
                while chunk := handle.read(1 << 20):
                    text = tail + chunk
                    if any(name in text for name in _XLS_STREAMS):
                        return "xls"
                    tail = text[-16:]
    except OSError:
        return None
    return None


def load_grids(
    path: Path, *, source: str | None = None, include_hidden: bool = False
) -> list[Grid]:
    """Every sheet of the workbook at ``path`` as a :class:`Grid`, in workbook order.

    A hidden sheet is an empty grid marked ``hidden_sheet`` and a hidden row is left out of
    its grid (listed in ``hidden_rows``), so what a reader reads is what the user sees;
    ``include_hidden`` takes them as any other.

    The kind is told by the file's first bytes (a zip is .xlsx, an OLE2 compound file .xls),
    not only by its name; ``source`` names the file in each cell's place (default: the
    file's name).  Raises :class:`UnreadableWorkbookError` (with the reason) for
    anything else, and :class:`MissingExtraError` when the ``excel`` extra is missing.

    >>> import tempfile, openpyxl
    >>> book = openpyxl.Workbook()
    >>> sheet = book.active
    >>> sheet.title = "自评表"
    >>> sheet["A1"], sheet["A2"] = "执行率", 0.95
    >>> sheet["A2"].number_format = "0%"
    >>> sheet.merge_cells("A3:B3")
    >>> sheet["A3"] = "产出指标"
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book.save(Path(folder) / "表.xlsx")
    ...     (grid,) = load_grids(Path(folder) / "表.xlsx")
    >>> grid.name, grid.text(2, 1), grid.cell(2, 1).number, grid.text(3, 2), grid.cell(3, 2).origin
    ('自评表', '95%', Fraction(19, 20), '产出指标', (3, 1))
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise UnreadableWorkbookError(
            f"无法打开文件 (cannot open the file) {path}: {error.strerror or error}"
        ) from None
    kind = workbook_kind(path)
    file = Path(path).name if source is None else source
    try:
        if kind == "xlsx":
            return _xlsx_grids(path, file, include_hidden)
        if kind == "xls":
            return _xls_grids(path, file, include_hidden)
    except GridTooLargeError as error:
        raise UnreadableWorkbookError(f"{error}: {path}") from None
    what = (
        "一个 zip 文件，但不是 .xlsx（也许是 .docx）/ a zip but not .xlsx (a .docx?)"
        if head.startswith(b"PK")
        else "一个 OLE2 文件，但不是 .xls（也许是 .doc）/ an OLE2 file but not .xls (a .doc?)"
        if head == _OLE_MAGIC
        else "既不是 .xlsx 也不是 .xls / neither .xlsx nor .xls"
    )
    raise UnreadableWorkbookError(f"不是 Excel 工作簿 (not an Excel workbook): {what}: {path}")


_MERGE = re.compile(rb'<mergeCell ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_merged_area(path: Path) -> None:
    """Refuse, before openpyxl builds one object per merged cell, a workbook whose merged
    ranges cover more than ``Limits.cells`` cells (a small file can declare ``A1:XFD1048576``)."""
    area = 0
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                tail = b""
                with archive.open(name) as part:
                    while chunk := part.read(1 << 20):
                        text = tail + chunk
                        last = 0
                        for match in _MERGE.finditer(text):
                            top, bottom = int(match.group(2)), int(match.group(4))
                            left = _column_number(match.group(1))
                            right = _column_number(match.group(3))
                            area += (abs(bottom - top) + 1) * (abs(right - left) + 1)
                            last = match.end()
                        tail = text[max(last, len(text) - 64) :]
                if area > current().cells:
                    where = f"{name}（合并区域过大 merged ranges）"
                    raise InputLimitError(str(path), "cells", area, current().cells, where=where)
    except (OSError, zipfile.BadZipFile, RuntimeError) as error:
        raise UnreadableWorkbookError(
            f"无法读取 .xlsx 工作簿 (cannot read the .xlsx workbook) {path}: {error}"
        ) from None


def _hidden_sheet(name: str, file: str) -> Grid:
    return Grid(name, {}, 0, 0, source=file, hidden_sheet=True)


def _xlsx_grids(path: Path, file: str, include_hidden: bool) -> list[Grid]:
    require("openpyxl", "excel")
    from indicatorkit.formats.workbook_load import load_book

    check_workbook(path, file)  # the zip, the sheets' dimensions and cells: before openpyxl
    _check_merged_area(path)
    counter = meter(file)  # started before openpyxl's load: a long load is timed too
    data = path.read_bytes()
    # a workbook with formulas is loaded twice (stored values, then the formulas): the
    # progress counts both loads of the file, so the share never goes back
    loads = 2 if _has_formulas(data) else 1
    try:
        with warnings.catch_warnings():
            # openpyxl warns about what it does not support (data validation, an out-of-range
            # date it turns into an error value): the cells it gives are what we report on
            warnings.simplefilter("ignore")
            # from bytes: openpyxl refuses a path whose name does not end in .xlsx
            # its share of the file read is the progress of a load that gives no rows
            book = load_book(counter.loading(data, loads=loads), data_only=True)
    except Exception as error:  # openpyxl raises zip, XML and key errors of many kinds
        raise UnreadableWorkbookError(
            f"无法读取 .xlsx 工作簿 (cannot read the .xlsx workbook) {path}: "
            f"{type(error).__name__}: {error}"
        ) from None
    formulas = _formula_cells(counter.loading(data, load=2, loads=2)) if loads == 2 else {}
    counter.loaded()
    grids = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible" and not include_hidden:
            grids.append(_hidden_sheet(sheet.title, file))
            continue
        hidden = [] if include_hidden else [r for r, d in sheet.row_dimensions.items() if d.hidden]
        cells: dict[tuple[int, int], Cell] = {}
        unsaved = tuple(
            (r, c, formula)
            for (title, r, c), formula in formulas.items()
            if title == sheet.title and sheet.cell(r, c).value is None
        )
        # the cells the sheet holds, not every cell of its rectangle: A1 and XFD1048576 are two
        row = 0
        for (r, c), item in sorted(sheet._cells.items()):
            if r != row:
                row = r
                counter.step()
            made = _make_cell(r, c, item.value, item.number_format, sheet.title, file, cut=True)
            if made is not None:
                cells[(r, c)] = made
        merges = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges]
        grids.append(
            grid_of(
                sheet.title,
                cells,
                merges,
                source=file,
                unsaved_formulas=unsaved,
                hidden_rows=hidden,
            )
        )
    counter.finish()
    return grids


def _has_formulas(data: bytes) -> bool:
    """Whether any sheet of the .xlsx ``data`` holds a formula (a look at the XML, no
    parsing)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as part:
                        while chunk := part.read(1 << 20):
                            if b"<f>" in chunk or b"<f " in chunk:
                                return True
    except (OSError, zipfile.BadZipFile):
        return False
    return False


def _formula_cells(file: io.BytesIO) -> dict[tuple[str, int, int], str]:
    """Every formula cell of the .xlsx ``file``: (sheet, row, column) → its formula (read
    without stored results)."""
    from indicatorkit.formats.workbook_load import load_book

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_book(file, data_only=False)
    except Exception:  # the data-only load succeeded; a second failure is not expected
        return {}
    found = {}
    for sheet in book.worksheets:
        for (r, c), item in sheet._cells.items():
            if item.data_type == "f":
                found[(sheet.title, r, c)] = str(item.value)
    return found


def _xls_grids(path: Path, file: str, include_hidden: bool) -> list[Grid]:
    xlrd = require("xlrd", "excel")
    counter = meter(file)
    try:
        # ragged rows: each row as long as its last cell, never padded to the widest row
        book = xlrd.open_workbook(
            str(path), formatting_info=True, on_demand=False, ragged_rows=True
        )
    except Exception as error:  # xlrd raises XLRDError, struct and compound-document errors
        raise UnreadableWorkbookError(
            f"无法读取 .xls 工作簿，文件可能已损坏或不完整 (cannot read the .xls workbook; it may be "
            f"damaged or cut short) {path}: {type(error).__name__}: {error}"
        ) from None
    grids = []
    limits = current()
    held = 0
    for sheet in book.sheets():
        if sheet.visibility and not include_hidden:
            grids.append(_hidden_sheet(sheet.name, file))
            continue
        hidden = (
            []
            if include_hidden
            else [r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden]
        )
        cells: dict[tuple[int, int], Cell] = {}
        held += sum(sheet.row_len(r) for r in range(sheet.nrows))
        if held > limits.cells:
            raise InputLimitError(
                file, "cells", held, limits.cells, where=sheet.name, sheet=sheet.name
            )
        for r in range(sheet.nrows):
            counter.step()
            for c in range(sheet.row_len(r)):
                item = sheet.cell(r, c)
                if item.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                value, number_format = _xls_value(xlrd, book, item)
                made = _make_cell(r + 1, c + 1, value, number_format, sheet.name, file)
                if made is not None:
                    cells[(r + 1, c + 1)] = made
        merges = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
        grids.append(grid_of(sheet.name, cells, merges, source=file, hidden_rows=hidden))
    counter.finish()
    return grids


def _xls_value(xlrd: ModuleType, book: Any, item: Any) -> tuple[Any, str]:
    """An .xls cell's value as openpyxl would give it (a date, an int, a bool, an error's
    text) and its number format."""
    value: Any = item.value
    if item.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(item.value, book.datemode), ""
        except Exception:  # an out-of-range serial: keep the number
            return item.value, ""
    if item.ctype == xlrd.XL_CELL_NUMBER:
        xf = book.xf_list[item.xf_index]
        number_format = book.format_map[xf.format_key].format_str
        return (int(value) if float(value).is_integer() else value), number_format
    if item.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(value), ""
    if item.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR"), ""
    return value, ""
