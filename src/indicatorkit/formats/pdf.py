"""PDF self-assessment tables (自评表, layout B of the table layouts), text-based PDFs only.

Needs the extra ``pip install 'indicatorkit[pdf]'`` (pdfplumber).  The ruled tables of every
page become one grid (:func:`~indicatorkit.formats.grid_pdf.pdf_grid`, a 自评表 runs on over
pages), read by the layout readers every container shares
(:func:`~indicatorkit.formats.workbook_read.read_grids`) — the central layout (财预〔2020〕10号)
like a workbook or a Word table, other layouts by theirs.  A PDF with no text layer (a scan)
is refused with a finding saying it needs OCR (IK650), a damaged or encrypted one with IK655.
Places are ``file:第P页!C4`` — page P, row 4 of the PDF's tables, column C.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from indicatorkit.formats.document import read_document
from indicatorkit.formats.document_blocks import Table
from indicatorkit.formats.extras import require
from indicatorkit.formats.format import Format, Input
from indicatorkit.formats.grid_pdf import pdf_grid
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.limits import InputLimitError, current
from indicatorkit.formats.packed import check_pdf
from indicatorkit.formats.progress import meter
from indicatorkit.model.findings import WHOLE, Finding, Severity

__all__ = ["CODES", "PDF", "read_pdf"]

#: The codes only a PDF gives (its tables' are the layout readers').
CODES: Final[dict[str, str]] = {
    "IK650": "PDF 没有文字层（扫描件），需要 OCR / no text layer (a scan): needs OCR",
    "IK655": "PDF 已损坏或加密，无法打开 / a damaged or encrypted PDF",
}


def read_pdf(data: bytes, *, source: str) -> Imported:
    """Import the self-assessment tables of a text-based PDF (see the module's description).

    A PDF past :class:`~indicatorkit.formats.limits.Limits` (pages, what its streams
    unpack to) is refused with :class:`~indicatorkit.formats.limits.InputLimitError` before
    its pages are read.  A page with no text at all is taken for a scan, and bytes that are
    no PDF are refused:

    >>> blank = (b"%PDF-1.4\\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\\n"
    ...          b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\\n"
    ...          b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\\n"
    ...          b"trailer <</Root 1 0 R>>\\n%%EOF\\n")
    >>> [(f.code, f.place) for f in read_pdf(blank, source="扫描.pdf").findings]
    [('IK650', '扫描.pdf')]
    >>> imported = read_pdf(b"%PDF-1.4 damaged", source="坏.pdf")
    >>> imported.spec, [f.code for f in imported.findings]
    (None, ['IK655'])
    """
    pdfplumber = require("pdfplumber", "pdf")
    limits = current()
    check_pdf(data, source, limits=limits)
    pages: list[tuple[str, list[list[str | None]]]] = []
    has_text = False
    try:
        with _quiet_pdfminer(), pdfplumber.open(io.BytesIO(data)) as document:
            if len(document.pages) > limits.pdf_pages:
                raise InputLimitError(source, "pdf_pages", len(document.pages), limits.pdf_pages)
            counter = meter(source, "页", total=len(document.pages), every=10)
            for page_number, page in enumerate(document.pages, 1):
                has_text = has_text or bool(page.chars)
                rows_of_page = [list(r) for table in page.extract_tables() for r in table]
                pages.append((f"第{page_number}页", rows_of_page))
                counter.step()
            counter.finish()
    except InputLimitError:
        raise
    except Exception as error:  # pdfminer raises many types for damaged or encrypted files
        return Imported(
            None,
            (
                Finding(
                    "IK655",
                    Severity.ERROR,
                    f"PDF 无法打开 (the PDF cannot be opened): {type(error).__name__}: {error}",
                    WHOLE,
                    file=source,
                ),
            ),
            source,
        )
    if not has_text:
        return Imported(
            None,
            (
                Finding(
                    "IK650",
                    Severity.ERROR,
                    "PDF 没有文字层，是扫描件，需要 OCR (no text layer: a scanned PDF needs OCR)",
                    WHOLE,
                    file=source,
                    suggestion="先用 OCR 软件（如 WPS、ABBYY、ocrmypdf）生成带文字层的 PDF，或找原始的 "
                    "Word/Excel 文件 / run OCR first (ocrmypdf …) or find the Word/Excel original",
                ),
            ),
            source,
        )
    grid = pdf_grid(pages, source=source)
    rows, row = {}, 0
    for page, page_rows in pages:
        for _ in page_rows:
            row += 1
            rows[row] = (page, row)
    return read_document([Table(grid, rows=rows)], source=source)


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs a warning per font it cannot measure ("Could not get FontBBox…", over
    a hundred for one Chinese PDF): what it says is noise to a user, so its loggers say
    only errors while a PDF is read, and what they said before afterwards."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(max(level, logging.ERROR))
    try:
        yield
    finally:
        logger.setLevel(level)


def _pdf(given: Input) -> Imported:
    return read_pdf(given.data, source=given.source)


PDF: Final = Format(
    "pdf",
    "PDF 自评表 / a PDF self-assessment table",
    (".pdf",),
    sniff=lambda probe: probe.is_pdf,
    read=_pdf,
)
