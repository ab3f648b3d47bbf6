"""Writing a spec file: :func:`dump`, the file-side twin of
:func:`~indicatorkit.formats.ikspec.writer.dumps` (as :func:`~indicatorkit.load` is of
:func:`~indicatorkit.loads`).

A path is written in UTF-8 with ``\\n`` line ends, and an existing file is left as it is unless
``overwrite=True`` (then it is replaced whole, never left half written); an open file receives
the text (a binary one, its UTF-8 bytes).  What cannot be written raises
:class:`~indicatorkit.formats.files.ExportError`, never an ``OSError``.

>>> import io
>>> from indicatorkit import dump, load, loads
>>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n")
>>> out = io.StringIO()
>>> dump(spec, out)
>>> print(out.getvalue(), end="")
项目 1 法律援助
  预算：10000元
>>> load(io.StringIO(out.getvalue())) == spec
True
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, cast

from indicatorkit.formats.files import ExportError
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.formats.output import OutputError, write_bytes
from indicatorkit.model.records import Spec

__all__ = ["dump"]


def dump(
    spec: Spec, file: str | os.PathLike[str] | IO[str] | IO[bytes], *, overwrite: bool = False
) -> None:
    """Write the canonical text of ``spec`` (:func:`dumps`) to ``file``: a path or an open file.

    A path that exists is refused unless ``overwrite=True``: a user's file is never replaced
    by mistake.

    >>> import pathlib, tempfile
    >>> from indicatorkit import dump, load, loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n")
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = pathlib.Path(folder.name, "表.ikspec")
    >>> dump(spec, path)
    >>> load(path) == spec
    True
    >>> try:
    ...     dump(spec, path)
    ... except ExportError as error:
    ...     print(str(error).removeprefix(str(path)))
    : 文件已存在，未改动 (the file exists and was left as it is) — 要替换它，用 overwrite=True / pass overwrite=True to replace it
    >>> dump(spec, path, overwrite=True)
    >>> folder.cleanup()
    """
    if not isinstance(spec, Spec):
        raise ExportError(f"只能写出 Spec (dump writes a Spec), not {type(spec).__name__}")
    text = dumps(spec)
    if isinstance(file, str | os.PathLike):
        _write_path(text, Path(file), overwrite)
        return
    if not callable(getattr(file, "write", None)):
        raise ExportError(
            f"dump 需要路径或打开的文件 (a path or an open file), not {type(file).__name__}"
        )
    try:
        if isinstance(file, io.RawIOBase | io.BufferedIOBase):
            file.write(text.encode("utf-8"))
        else:
            cast("IO[str]", file).write(text)  # a text stream
    except (OSError, ValueError, TypeError) as error:  # closed, read-only, or a binary stream
        name = getattr(file, "name", type(file).__name__)
        raise ExportError(f"{name}: 无法写入 (cannot write): {error}") from None


def _write_path(text: str, path: Path, overwrite: bool) -> None:
    data = text.encode("utf-8")
    try:
        try:
            with path.open("xb") as handle:  # "x": only a file that does not exist yet
                handle.write(data)
            return
        except FileExistsError:
            if not overwrite:
                raise
        write_bytes(path, data)  # whole or not at all, its permissions kept
    except FileExistsError:
        raise ExportError(
            f"{path}: 文件已存在，未改动 (the file exists and was left as it is) — "
            "要替换它，用 overwrite=True / pass overwrite=True to replace it"
        ) from None
    except OutputError as error:
        raise ExportError(f"{path}: 无法写入 (cannot write): {error.reason}") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ExportError(f"{path}: 无法写入 (cannot write): {reason}") from None
