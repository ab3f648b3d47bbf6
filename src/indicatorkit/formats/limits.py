"""Bounded resources, said up front: how much of a file the library reads, and the typed,
located error past each bound — checked before memory grows, never after.

:class:`Limits` holds every bound (its numbers are the table "Input limits" in
``docs/architecture.md``); readers take ``limits=`` or, without it, the limits in force
(:func:`current`, set for a block with :func:`using`; the CLI's ``--limit NAME=VALUE``).
:func:`read_input` reads a whole input: a regular file or standard input, never more than
its limit (``/dev/zero`` is refused at once, not read until memory runs out).

>>> Limits().cell_text
32767
>>> with using(Limits(file_bytes=10)):
...     current().file_bytes
10
>>> import io
>>> try:
...     read_stream(io.BytesIO(b"x" * 20), "<stdin>", limit=16)
... except InputLimitError as error:
...     print(error.limit, error.maximum)
stdin_bytes 16
"""

from __future__ import annotations

import contextvars
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO, Final

import attrs

from indicatorkit.errors import IndicatorkitError

__all__ = [
    "DEFAULT_LIMITS",
    "InputLimitError",
    "Limits",
    "UnreadableInputError",
    "current",
    "parse_limit",
    "read_input",
    "read_stream",
    "using",
]

_MIB: Final = 1 << 20


@attrs.frozen(kw_only=True)
class Limits:
    """Every bound on what an input may make the library do (see the module).

    >>> attrs.evolve(DEFAULT_LIMITS, pdf_pages=10).pdf_pages
    10
    """

    #: Bytes of one input file read whole (a spec, a CSV, a .docx, an .xlsx, a PDF).
    file_bytes: int = 200 * _MIB
    #: Bytes read from standard input.
    stdin_bytes: int = 200 * _MIB
    #: Bytes all the parts of a zip container (.xlsx, .docx) unpack to, together.
    unpacked_bytes: int = 256 * _MIB
    #: How many times its packed size one part of a zip may unpack to (parts over 1 MiB).
    unpacked_ratio: int = 1000
    #: Rows and columns a worksheet may declare (Excel's own grid).
    sheet_rows: int = 1_048_576
    sheet_columns: int = 16_384
    #: Cells a workbook holds (merged ranges' covered cells included).
    cells: int = 2_000_000
    #: Entries of a workbook's shared-string table.
    shared_strings: int = 1_000_000
    #: Characters of one cell (Excel's own limit).
    cell_text: int = 32_767
    #: Pages of a PDF.
    pdf_pages: int = 2_000
    #: Bytes the compressed streams of a PDF unpack to, together.
    pdf_unpacked_bytes: int = 256 * _MIB

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The names ``--limit NAME=VALUE`` takes.

        >>> Limits.names()[:3]
        ('file_bytes', 'stdin_bytes', 'unpacked_bytes')
        """
        return tuple(field.name for field in attrs.fields(cls))


#: The limits when nothing else is said.
DEFAULT_LIMITS: Final = Limits()

_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar(
    "indicatorkit_limits", default=DEFAULT_LIMITS
)


def current(limits: Limits | None = None) -> Limits:
    """``limits``, or the limits in force (:data:`DEFAULT_LIMITS` unless :func:`using`).

    >>> current().pdf_pages, current(Limits(pdf_pages=3)).pdf_pages
    (2000, 3)
    """
    return limits if limits is not None else _CURRENT.get()


@contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    """The limits in force for a block (this thread or task only).

    >>> with using(Limits(cells=10)):
    ...     current().cells
    10
    >>> current().cells
    2000000
    """
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


class InputLimitError(IndicatorkitError):
    """An input past one of :class:`Limits`: the file, where in it (a sheet, a part, a
    page), which limit, what was found and the limit's number; refused before it is read
    further.

    >>> print(InputLimitError("表.xlsx", "cells", 3_000_000, 2_000_000, where="xl/worksheets/sheet1.xml"))
    ... # doctest: +NORMALIZE_WHITESPACE
    表.xlsx: xl/worksheets/sheet1.xml: 超过上限 cells（单元格数）：3000000 > 2000000 (over the limit
    on cells) — 确是正常文件时可放宽 / if the file is genuine, raise it: --limit cells=N
    (Limits(cells=N))

    In a workbook, ``sheet`` names the sheet the limit was passed in and ``cell`` the (row,
    column) where, when known: the finding that says it is placed there (IK700).
    """

    def __init__(
        self,
        file: str,
        limit: str,
        found: int,
        maximum: int,
        *,
        where: str = "",
        sheet: str | None = None,
        cell: tuple[int, int] | None = None,
    ) -> None:
        self.file, self.limit, self.found, self.maximum, self.where = (
            file,
            limit,
            found,
            maximum,
            where,
        )
        self.sheet, self.cell = sheet, cell
        place = f"{file}: {where}: " if where else f"{file}: "
        super().__init__(
            f"{place}超过上限 {limit}（{_MEANING.get(limit, limit)}）：{found} > {maximum} "
            f"(over the limit on {limit.replace('_', ' ')}) — 确是正常文件时可放宽 / if the file "
            f"is genuine, raise it: --limit {limit}=N (Limits({limit}=N))"
        )

    def __reduce__(self) -> tuple[object, ...]:
        said = (self.file, self.limit, self.found, self.maximum, self.where, self.sheet, self.cell)
        return (_rebuild_limit, said)


def _rebuild_limit(
    file: str,
    limit: str,
    found: int,
    maximum: int,
    where: str,
    sheet: str | None = None,
    cell: tuple[int, int] | None = None,
) -> InputLimitError:
    return InputLimitError(file, limit, found, maximum, where=where, sheet=sheet, cell=cell)


_MEANING: Final = {
    "file_bytes": "文件字节数",
    "stdin_bytes": "标准输入字节数",
    "unpacked_bytes": "解压后的字节数",
    "unpacked_ratio": "解压倍数",
    "sheet_rows": "工作表声明的行数",
    "sheet_columns": "工作表声明的列数",
    "cells": "单元格数",
    "shared_strings": "共享字符串数",
    "cell_text": "单元格字符数",
    "pdf_pages": "PDF 页数",
    "pdf_unpacked_bytes": "PDF 解压后的字节数",
}


class UnreadableInputError(IndicatorkitError):
    """An input that cannot be read: ``file`` and the ``reason`` (the OS's own, or that it is
    not a regular file).

    >>> print(UnreadableInputError("/dev/zero", "不是普通文件（设备、管道……）/ not a regular file"))
    /dev/zero: 无法读取 (cannot read): 不是普通文件（设备、管道……）/ not a regular file
    """

    def __init__(self, file: str, reason: str) -> None:
        self.file, self.reason = file, reason
        super().__init__(f"{file}: 无法读取 (cannot read): {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.file, self.reason))


NOT_REGULAR: Final = "不是普通文件（设备、套接字……）/ not a regular file (a device, a socket…)"
A_FOLDER: Final = "是目录，不是文件 / is a directory, not a file"


def read_stream(handle: BinaryIO, name: str, *, limit: int) -> bytes:
    """At most ``limit`` bytes of ``handle`` (standard input), else :class:`InputLimitError`.

    >>> import io
    >>> read_stream(io.BytesIO(b"abc"), "<stdin>", limit=3)
    b'abc'
    """
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputLimitError(name, "stdin_bytes", len(data), limit)
    return data


def read_input(path: str | os.PathLike[str], *, limits: Limits | None = None) -> bytes:
    """The bytes of the regular file ``path``, read only when within ``file_bytes`` (a named
    pipe: at most ``stdin_bytes``, as standard input): :class:`UnreadableInputError` for what
    cannot be read (with the OS's reason) or is a device, :class:`InputLimitError` for a file
    over the limit.

    >>> try:
    ...     read_input("/dev/zero")
    ... except UnreadableInputError as error:
    ...     print(error.reason == NOT_REGULAR)
    True
    """
    chosen = current(limits)
    maximum = chosen.file_bytes
    name = os.fspath(path)
    try:
        status = os.stat(path)  # before opening: a device is refused unopened
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableInputError(name, A_FOLDER)
        if stat.S_ISFIFO(status.st_mode):  # a named pipe (``<(…)``) is a stream, as stdin
            with open(path, "rb") as handle:
                return read_stream(handle, name, limit=chosen.stdin_bytes)
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableInputError(name, NOT_REGULAR)
        if status.st_size > maximum:
            raise InputLimitError(name, "file_bytes", status.st_size, maximum)
        with open(path, "rb") as handle:
            data = handle.read(maximum + 1)  # a file that grew meanwhile is bounded too
    except IndicatorkitError:
        raise
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise UnreadableInputError(name, reason) from None
    if len(data) > maximum:
        raise InputLimitError(name, "file_bytes", len(data), maximum)
    return data


def parse_limit(text: str, limits: Limits | None = None) -> Limits:
    """``limits`` with one limit changed by ``NAME=VALUE`` (``VALUE`` may end in K, M or G).

    >>> parse_limit("file_bytes=1G").file_bytes, parse_limit("pdf_pages=50").pdf_pages
    (1073741824, 50)
    >>> parse_limit("pages=5")
    Traceback (most recent call last):
      ...
    ValueError: 未知的上限 pages (unknown limit) — 可用 / known: file_bytes, stdin_bytes, unpacked_bytes, unpacked_ratio, sheet_rows, sheet_columns, cells, shared_strings, cell_text, pdf_pages, pdf_unpacked_bytes
    """
    name, _, value = text.partition("=")
    name = name.strip()
    if name not in Limits.names():
        raise ValueError(
            f"未知的上限 {name} (unknown limit) — 可用 / known: {', '.join(Limits.names())}"
        )
    value = value.strip().upper()
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(value[-1:], 1)
    digits = value[:-1] if scale != 1 else value
    if not digits.isdecimal() or int(digits) <= 0:
        raise ValueError(f"上限应为正整数（可带 K、M、G）/ a limit is a positive integer: {text}")
    return attrs.evolve(current(limits), **{name: int(digits) * scale})
