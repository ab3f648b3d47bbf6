"""Writing sheets with xlsxwriter, shared by every workbook writer (the 目标申报表, the 自评表,
the template units fill in): a workbook whose texts are never formulas, numbers or links, a
sheet's cells, Excel's limits (31 characters a sheet name, 32,767 a cell), and a file written
whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.extras import require
from indicatorkit.formats.output import OutputError, OutputIsInputError, replacing
from indicatorkit.formats.workbook_grid import excel_exact
from indicatorkit.model.findings import column_letters
from indicatorkit.numerals import format_decimal, is_terminating

__all__ = [
    "MAX_CELL_TEXT",
    "Sheet",
    "UnwritableWorkbookError",
    "cell_name",
    "close_book",
    "fits",
    "open_book",
    "points_format",
    "replacing_book",
    "sheet_name",
]


def _float_exact(value: Fraction) -> float | None:
    """``value`` as a float that reads back as the same decimal (at Excel's 15 significant
    digits, :func:`~indicatorkit.formats.workbook_grid.excel_exact`), or ``None``."""
    if not is_terminating(value):
        return None
    as_float = float(Decimal(format_decimal(value)))
    return as_float if excel_exact(as_float) == value else None


class UnwritableWorkbookError(IndicatorkitError):
    """The workbook cannot be written (a missing folder, no permission, a full disk, a
    text longer than a cell holds).

    >>> import tempfile, attrs, indicatorkit
    >>> from indicatorkit import Spec
    >>> from indicatorkit.formats.workbook_write import write_workbook
    >>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n")
    >>> long = attrs.evolve(spec.projects[0], goal="甲" * 40000)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     try:
    ...         write_workbook(Spec(projects=(long,)), Path(folder) / "申报表.xlsx")
    ...     except UnwritableWorkbookError as error:
    ...         print(str(error).split(" (")[0])
    项目1!B11 的文字有 40000 个字符，超过 Excel 单元格的 32767 字符上限
    """


def cell_name(column: int, row: int) -> str:
    """0-based column and row → ``G12``.

    >>> cell_name(6, 11), cell_name(26, 0)
    ('G12', 'AA1')
    """
    return f"{column_letters(column + 1)}{row + 1}"


#: Excel's limit on the characters of one cell.
MAX_CELL_TEXT = 32767


def fits(value: str, sheet: str, row: int, column: int) -> None:
    """Refuse a text Excel would truncate (xlsxwriter would cut it silently).

    >>> fits("甲" * 10, "项目1", 0, 0)
    >>> fits("甲" * 40000, "项目1", 10, 1)
    Traceback (most recent call last):
    indicatorkit.formats.workbook_sheet.UnwritableWorkbookError: 项目1!B11 的文字有 40000 个字符，超过 Excel 单元格的 32767 字符上限 (a text longer than an Excel cell holds)
    """
    if len(value) > MAX_CELL_TEXT:
        raise UnwritableWorkbookError(
            f"{sheet}!{cell_name(column, row)} 的文字有 {len(value)} 个字符，超过 Excel 单元格的 "
            f"{MAX_CELL_TEXT} 字符上限 (a text longer than an Excel cell holds)"
        )


class Sheet:
    """A worksheet and the formats of one workbook: texts are string cells, numbers exact
    where a float holds them (else written as a fraction's text).

    >>> import tempfile, openpyxl
    >>> from fractions import Fraction
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "表.xlsx"
    ...     book, formats = open_book(path)
    ...     sheet = Sheet(book, "表", formats)
    ...     sheet.text(0, 0, "=1+1"); sheet.number(0, 1, Fraction(1, 3)); sheet.measure(0, 2, Fraction(19, 2))
    ...     close_book(book, path)
    ...     [c.value for c in openpyxl.load_workbook(path)["表"][1]]
    ['=1+1', '1/3', 9.5]
    """

    def __init__(self, book: Any, name: str, formats: dict[str, Any]) -> None:
        self.sheet = book.add_worksheet(name)
        self.formats = formats

    def text(self, row: int, column: int, value: str, style: str = "cell") -> None:
        fits(value, self.sheet.name, row, column)
        self.sheet.write_string(row, column, value, self.formats[style])

    def number(self, row: int, column: int, value: Fraction, style: str = "cell") -> None:
        exact = _float_exact(value)
        if exact is None:
            self.text(row, column, f"{value.numerator}/{value.denominator}", style)
        else:
            self.sheet.write_number(row, column, exact, self.formats[style])

    def measure(self, row: int, column: int, value: Fraction, style: str = "score") -> None:
        """A number that formulas add up: always a number cell (rounded to a float's
        precision; the display shows the style's places)."""
        whole = value.denominator == 1
        self.sheet.write_number(
            row, column, int(value) if whole else float(value), self.formats[style]
        )

    def label(self, row: int, name: str, value: str, width: int = 6) -> None:
        self.text(row, 0, name, "label")
        fits(value, self.sheet.name, row, 1)
        if width > 1:
            self.sheet.merge_range(row, 1, row, width, value, self.formats["cell"])
        else:
            self.text(row, 1, value)


def points_format(places: int) -> str:
    """The number format of points shown to ``places`` decimals (a rule set's places).

    >>> points_format(2), points_format(0)
    ('0.00', '0')
    """
    return f"0.{'0' * places}" if places else "0"


def _formats(book: Any, points_places: int) -> dict[str, Any]:
    base = {"border": 1, "valign": "vcenter", "text_wrap": True, "font_name": "宋体"}
    return {
        "cell": book.add_format(base),
        "label": book.add_format({**base, "bold": True, "bg_color": "#EEEEEE"}),
        "header": book.add_format({**base, "bold": True, "align": "center", "bg_color": "#DDEBF7"}),
        "title": book.add_format({"bold": True, "font_size": 14, "font_name": "宋体"}),
        "score": book.add_format({**base, "num_format": points_format(points_places)}),
        "percent": book.add_format({**base, "num_format": "0.00%"}),
    }


def sheet_name(base: str, used: set[str]) -> str:
    """``base`` cut to Excel's 31 characters and made unique among ``used`` (which it joins).

    >>> used = set()
    >>> sheet_name("项目1", used), sheet_name("项目1", used), sheet_name("甲" * 40, used)[-3:]
    ('项目1', '项目1_2', '甲甲甲')
    """
    name = base[:31]
    counter = 2
    while name in used:
        suffix = f"_{counter}"
        name = base[: 31 - len(suffix)] + suffix
        counter += 1
    used.add(name)
    return name


def open_book(path: Path, *, points_places: int = 2) -> tuple[Any, dict[str, Any]]:
    """A workbook writing to ``path`` in which every text is a string cell: never a formula,
    a number or a link, whatever it starts with (``=HYPERLINK(…)`` stays text, see
    :mod:`~indicatorkit.formats.inert_cells`); formulas are only the ones written as such.
    The ``score`` style shows points to ``points_places`` (the rule set's places).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book, formats = open_book(Path(folder) / "表.xlsx")
    ...     close_book(book, Path(folder) / "表.xlsx")
    ...     sorted(formats)[:3], book.strings_to_formulas
    (['cell', 'header', 'label'], False)
    """
    xlsxwriter = require("xlsxwriter", "excel")
    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    book.set_properties({"comments": "indicatorkit"})
    return book, _formats(book, points_places)


@contextmanager
def replacing_book(path: Path, inputs: Iterable[str | Path]) -> Iterator[Path]:
    """:func:`~indicatorkit.formats.output.replacing`, what the OS refuses said as an
    :class:`UnwritableWorkbookError` (an output that is an input stays its own error).

    >>> try:
    ...     with replacing_book(Path("/no/such/folder/表.xlsx"), ()) as temporary:
    ...         pass
    ... except UnwritableWorkbookError as error:
    ...     print(str(error).split(" (")[0])
    无法写入工作簿
    """
    try:
        with replacing(path, inputs=inputs) as temporary:
            yield temporary
    except OutputIsInputError:
        raise
    except OutputError as error:
        raise UnwritableWorkbookError(
            f"无法写入工作簿 (cannot write the workbook) {path}: {error.reason}"
        ) from None


def close_book(book: Any, path: Path) -> None:
    """Close (write) ``book``; what xlsxwriter or the OS raises is an
    :class:`UnwritableWorkbookError`.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book, _ = open_book(Path(folder) / "表.xlsx")
    ...     close_book(book, Path(folder) / "表.xlsx")
    ...     (Path(folder) / "表.xlsx").stat().st_size > 0
    True
    """
    try:
        book.close()
    except Exception as error:  # xlsxwriter raises its own and OS errors
        raise UnwritableWorkbookError(
            f"无法写入工作簿 (cannot write the workbook) {path}: {type(error).__name__}: {error}"
        ) from None
