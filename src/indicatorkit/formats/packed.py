"""What a packed file unpacks to, told before anything unpacks it: the parts of a zip
container (.xlsx, .docx) by their declared sizes, a workbook's sheets by a streaming count
of their cells, a PDF's compressed streams by inflating them into nothing, a little at a
time — each against :class:`~indicatorkit.formats.limits.Limits`.

A zip reader never yields more than a part's declared size (Python's :mod:`zipfile` stops
there and checks the CRC), so declared sizes bound what openpyxl and python-docx unpack.
A zip that cannot be opened is :class:`DamagedFileError` (a truncated download, most often).

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
...     archive.writestr("word/document.xml", b"<w/>" * 1_000_000)
>>> try:
...     check_zip(buffer.getvalue(), "炸弹.docx", limits=Limits(unpacked_bytes=1_000_000))
... except InputLimitError as error:
...     print(error.limit, error.found)
unpacked_bytes 4000000
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.limits import InputLimitError, Limits, current

__all__ = ["DamagedFileError", "check_pdf", "check_workbook", "check_zip"]

_RATIO_FROM: Final = 1 << 20  # parts smaller than this may be packed however tightly
_CHUNK: Final = 1 << 20


class DamagedFileError(IndicatorkitError):
    """A container that cannot be opened: cut short (an interrupted download or copy) or
    otherwise damaged.

    >>> print(DamagedFileError("表.xlsx", "zip 目录缺失 (no central directory)"))
    表.xlsx: 文件已损坏或不完整（下载或复制中断？）(the file is damaged or cut short): zip 目录缺失 (no central directory) — 请重新下载或从原处再复制一份，或在 Excel/Word/WPS 中打开后重新保存 / get it again, or open and save it again
    """

    def __init__(self, file: str, reason: str) -> None:
        self.file, self.reason = file, reason
        super().__init__(
            f"{file}: 文件已损坏或不完整（下载或复制中断？）(the file is damaged or cut short): "
            f"{reason} — 请重新下载或从原处再复制一份，或在 Excel/Word/WPS 中打开后重新保存 / get "
            "it again, or open and save it again"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.file, self.reason))


def _archive(data: bytes | Path, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise DamagedFileError(name, str(error) or type(error).__name__) from None


def check_zip(data: bytes | Path, name: str, *, limits: Limits | None = None) -> None:
    """Refuse a zip whose parts declare more than ``unpacked_bytes`` together, or one part
    more than ``unpacked_ratio`` times its packed size; a zip that cannot be opened is
    :class:`DamagedFileError`.

    >>> try:
    ...     check_zip(b"PK\\x03\\x04 cut short", "表.xlsx")
    ... except DamagedFileError as error:
    ...     print(error.file)
    表.xlsx
    """
    chosen = current(limits)
    total = 0
    with _archive(data, name) as archive:
        for info in archive.infolist():
            total += info.file_size
            if total > chosen.unpacked_bytes:
                raise InputLimitError(
                    name, "unpacked_bytes", total, chosen.unpacked_bytes, where=info.filename
                )
            ratio = info.file_size // max(info.compress_size, 1)
            if info.file_size > _RATIO_FROM and ratio > chosen.unpacked_ratio:
                raise InputLimitError(
                    name, "unpacked_ratio", ratio, chosen.unpacked_ratio, where=info.filename
                )


_DIMENSION: Final = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]*\d*:?([A-Z]{1,4})(\d{1,9})"')
_CELL: Final = re.compile(rb"<(?:\w+:)?c[ >/]")
_STRING: Final = re.compile(rb"<(?:\w+:)?si[ >/]")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _count(archive: zipfile.ZipFile, part: str, pattern: re.Pattern[bytes]) -> Iterator[int]:
    """The running count of ``pattern`` in a part, read a chunk at a time."""
    found, tail = 0, b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            found += len(pattern.findall(text, len(tail) and max(len(tail) - 16, 0)))
            tail = text[-16:]
            yield found


def check_workbook(path: Path, name: str, *, limits: Limits | None = None) -> None:
    """Refuse an .xlsx past its limits before openpyxl reads it: the zip (:func:`check_zip`),
    each sheet's declared dimension (``sheet_rows``, ``sheet_columns``), the cells of all
    sheets together (``cells``) and the shared strings (``shared_strings``), counted while
    streaming.

    >>> import tempfile, openpyxl
    >>> book = openpyxl.Workbook()
    >>> for row in range(1, 4):
    ...     book.active.append([row, "甲", "乙"])
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book.save(Path(folder) / "表.xlsx")
    ...     check_workbook(Path(folder) / "表.xlsx", "表.xlsx")
    ...     try:
    ...         check_workbook(Path(folder) / "表.xlsx", "表.xlsx", limits=Limits(cells=8))
    ...     except InputLimitError as error:
    ...         print(error.limit, error.found, error.where)
    cells 9 xl/worksheets/sheet1.xml
    """
    chosen = current(limits)
    check_zip(path, name, limits=chosen)
    cells = 0
    try:
        with _archive(path, name) as archive:
            for part in archive.namelist():
                if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                    _check_dimension(archive, part, name, chosen)
                    counted = 0
                    for counted in _count(archive, part, _CELL):
                        if cells + counted > chosen.cells:
                            raise InputLimitError(
                                name, "cells", cells + counted, chosen.cells, where=part
                            )
                    cells += counted
                elif part == "xl/sharedStrings.xml":
                    for strings in _count(archive, part, _STRING):
                        if strings > chosen.shared_strings:
                            raise InputLimitError(
                                name, "shared_strings", strings, chosen.shared_strings, where=part
                            )
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise DamagedFileError(name, str(error) or type(error).__name__) from None


def _check_dimension(archive: zipfile.ZipFile, part: str, name: str, limits: Limits) -> None:
    with archive.open(part) as stream:
        head = stream.read(4096)
    match = _DIMENSION.search(head)
    if match is None:
        return
    columns, rows = _column_number(match.group(1)), int(match.group(2))
    if rows > limits.sheet_rows:
        raise InputLimitError(name, "sheet_rows", rows, limits.sheet_rows, where=part)
    if columns > limits.sheet_columns:
        raise InputLimitError(name, "sheet_columns", columns, limits.sheet_columns, where=part)


_STREAM: Final = re.compile(rb"stream\r?\n")
_END: Final = b"endstream"


def check_pdf(data: bytes, name: str, *, limits: Limits | None = None) -> None:
    """Refuse a PDF whose compressed streams unpack to more than ``pdf_unpacked_bytes``
    together: each stream is inflated a chunk at a time into nothing (a stream that is not
    deflated is left to the reader).

    >>> import zlib
    >>> bomb = b"%PDF-1.4\\n1 0 obj <</Filter /FlateDecode>>stream\\n" + zlib.compress(
    ...     b"0" * 5_000_000, 9) + b"\\nendstream\\nendobj\\n"
    >>> try:
    ...     check_pdf(bomb, "炸弹.pdf", limits=Limits(pdf_unpacked_bytes=1_000_000))
    ... except InputLimitError as error:
    ...     print(error.limit, error.found > 1_000_000)
    pdf_unpacked_bytes True
    """
    maximum = current(limits).pdf_unpacked_bytes
    total = 0
    for start in _STREAM.finditer(data):
        end = data.find(_END, start.end())
        packed = data[start.end() : end if end >= 0 else len(data)]
        inflate = zlib.decompressobj()
        try:
            piece = inflate.decompress(packed, _CHUNK)
            while piece:
                total += len(piece)
                if total > maximum:
                    raise InputLimitError(name, "pdf_unpacked_bytes", total, maximum)
                piece = inflate.decompress(inflate.unconsumed_tail, _CHUNK)
        except zlib.error:
            continue  # not deflated, or damaged: the reader says which
