"""Writing a file without ever destroying one: every output the library writes goes through here.

- :func:`refuse_inputs` refuses, before anything is opened, an output that *is* one of the
  inputs — the same file by device and inode, so a hard link or a symbolic link to an input
  is refused too (``score 表.ikspec -o 表.ikspec`` would otherwise empty the spec before
  reading it).
- :func:`replacing` gives a temporary file in the output's own folder and renames it into
  place only when the whole content is written (and flushed to disk); a failure — a full disk,
  an exception half-way — leaves the old file whole and removes the temporary one.
  :func:`write_bytes` and :func:`write_text` are the common cases.

A file written this way gets the mode an ordinary ``open(path, "w")`` would give it: an
existing file's own mode bits, else ``0o666`` less the umask.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> spec = folder / "表.ikspec"
>>> write_text(spec, "项目 1 甲\\n")
>>> try:
...     write_text(folder / "表.ikspec", "", inputs=[spec])
... except OutputIsInputError as error:
...     print(str(error).split(" — ")[0].endswith("输出就是输入文件之一，不写 (the output is one of the inputs)"))
True
>>> spec.read_text(encoding="utf-8")
'项目 1 甲\\n'
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from indicatorkit.errors import IndicatorkitError

__all__ = [
    "OutputCollisionError",
    "OutputError",
    "OutputIsInputError",
    "opened",
    "refuse_inputs",
    "replacing",
    "same_file",
    "write_bytes",
    "write_text",
]

PathLike = str | os.PathLike[str]


class OutputError(IndicatorkitError):
    """An output that cannot be written: ``path`` and the ``reason`` (the OS's, when it
    said one).  Nothing was changed at ``path``.

    >>> error = OutputError("/no/such/报告.html", "No such file or directory")
    >>> print(error)
    /no/such/报告.html: 无法写入 (cannot write): No such file or directory
    >>> error.path, error.reason
    ('/no/such/报告.html', 'No such file or directory')
    """

    def __init__(self, path: PathLike, reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(f"{self.path}: 无法写入 (cannot write): {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.reason))


class OutputIsInputError(OutputError):
    """An output that is one of the inputs (the same file, through any link): refused
    before anything is read or written.

    >>> print(OutputIsInputError("表.ikspec", "表.ikspec"))  # doctest: +NORMALIZE_WHITESPACE
    表.ikspec: 输出就是输入文件之一，不写 (the output is one of the inputs) — 输入 input:
    表.ikspec；请换一个输出文件名 / choose another output name
    """

    def __init__(self, path: PathLike, source: PathLike) -> None:
        self.path = os.fspath(path)
        self.source = os.fspath(source)
        self.reason = "the output is one of the inputs"
        IndicatorkitError.__init__(
            self,
            f"{self.path}: 输出就是输入文件之一，不写 (the output is one of the inputs) — "
            f"输入 input: {self.source}；请换一个输出文件名 / choose another output name",
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.source))


class OutputCollisionError(OutputError):
    """Two inputs that would be written to one output (``甲/目标表.xlsx`` and
    ``甲/目标表.docx`` both to ``目标表.ikspec``): refused before anything is written.

    >>> print(OutputCollisionError("出/目标表.ikspec", "甲/目标表.xlsx", "甲/目标表.docx"))
    ... # doctest: +NORMALIZE_WHITESPACE
    出/目标表.ikspec: 两个输入会写到同一个输出 (two inputs would be written to one output):
    甲/目标表.xlsx、甲/目标表.docx — 请分开导入或改名 / import them apart or rename one
    """

    def __init__(self, path: PathLike, first: PathLike, second: PathLike) -> None:
        self.path = os.fspath(path)
        self.first, self.second = os.fspath(first), os.fspath(second)
        self.reason = "two inputs would be written to one output"
        IndicatorkitError.__init__(
            self,
            f"{self.path}: 两个输入会写到同一个输出 (two inputs would be written to one "
            f"output): {self.first}、{self.second} — 请分开导入或改名 / import them apart or "
            "rename one",
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.first, self.second))


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def same_file(first: PathLike, second: PathLike) -> bool:
    """Whether two paths name one file (device and inode, links followed); a path that does
    not exist, or cannot be looked at, is no file.

    >>> import tempfile, pathlib, os
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "甲.csv").write_text("x")
    >>> os.link(folder / "甲.csv", folder / "乙.csv")
    >>> same_file(folder / "甲.csv", folder / "乙.csv"), same_file(folder / "甲.csv", folder / "丙.csv")
    (True, False)
    """
    try:
        one, other = os.stat(first), os.stat(second)
    except (OSError, ValueError):
        return False
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


def refuse_inputs(output: PathLike, inputs: Iterable[PathLike]) -> None:
    """Raise :class:`OutputIsInputError` when ``output`` is one of ``inputs`` (``-``, standard
    input or output, is never a file here).

    >>> refuse_inputs("-", ["-"]) is None
    True
    """
    if os.fspath(output) == "-":
        return
    for source in inputs:
        if os.fspath(source) != "-" and same_file(output, source):
            raise OutputIsInputError(output, source)


def _mode_for(path: Path) -> int:
    """The mode bits an ordinary ``open(path, "w")`` leaves the file with."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _kind(path: Path) -> int | None:
    """The file type and mode of ``path``, or ``None`` when there is no such file."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def _copy_into(source: Path, target: Path) -> None:
    with open(source, "rb") as data, open(target, "wb") as out:
        while chunk := data.read(1 << 20):
            out.write(chunk)


@contextmanager
def replacing(path: PathLike, *, inputs: Iterable[PathLike] = ()) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed onto ``path`` when the block ends
    without an exception, removed otherwise.  Raises :class:`OutputIsInputError` (before
    anything is created) and :class:`OutputError` for what the OS refuses.

    A symbolic link is written through (the file it names is replaced, the link stays); a
    device or a pipe (``/dev/stdout``) is written into, as it cannot be replaced; a hard
    link to the old file keeps the old content.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "表.csv"
    >>> _ = target.write_text("旧 old")
    >>> try:
    ...     with replacing(target) as temporary:
    ...         _ = temporary.write_text("新的一半")
    ...         raise RuntimeError("写到一半 half-way")
    ... except RuntimeError:
    ...     pass
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('旧 old', ['表.csv'])
    """
    shown = Path(path)
    refuse_inputs(shown, inputs)
    target = Path(os.path.realpath(shown))  # through a symbolic link, to the file it names
    kind = _kind(target)
    if kind is not None and stat.S_ISDIR(kind):
        raise OutputError(shown, "是目录，不是文件 / is a directory")
    try:
        beside = kind is None or stat.S_ISREG(kind)  # else the system's folder for it
        folder = target.parent if beside else None
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except (OSError, ValueError) as error:
        raise OutputError(shown, _reason(error)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if kind is not None and not stat.S_ISREG(kind):
            _copy_into(temporary, target)  # a device or a pipe: written to, never replaced
            temporary.unlink()
            return
        os.chmod(temporary, _mode_for(target))
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with suppress(OSError):
            temporary.unlink()
        raise OutputError(shown, _reason(error)) from None
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


@contextmanager
def opened(
    path: PathLike,
    *,
    encoding: str = "utf-8",
    newline: str | None = "\n",
    inputs: Iterable[PathLike] = (),
) -> Iterator[TextIO]:
    """A text handle on a temporary file that replaces ``path`` when the block ends well
    (see :func:`replacing`).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "报告.txt"
    >>> with opened(target) as handle:
    ...     _ = handle.write("甲\\n")
    >>> target.read_text(encoding="utf-8")
    '甲\\n'
    """
    with replacing(path, inputs=inputs) as temporary:
        try:
            handle = open(temporary, "w", encoding=encoding, newline=newline)
        except OSError as error:
            raise OutputError(path, _reason(error)) from None
        with handle:
            yield handle


def write_bytes(path: PathLike, data: bytes, *, inputs: Iterable[PathLike] = ()) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "没有的目录" / "报告.pdf"
    >>> try:
    ...     write_bytes(target, b"%PDF")
    ... except OutputError as error:
    ...     print(error.reason)
    No such file or directory
    """
    with replacing(path, inputs=inputs) as temporary:
        temporary.write_bytes(data)


def write_text(
    path: PathLike,
    text: str,
    *,
    encoding: str = "utf-8",
    inputs: Iterable[PathLike] = (),
) -> None:
    """Write ``text`` (newlines as given) to ``path`` whole or not at all.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "表.ikspec"
    >>> write_text(target, "项目 1 甲\\n")
    >>> target.read_bytes().decode("utf-8")
    '项目 1 甲\\n'
    """
    write_bytes(path, text.encode(encoding), inputs=inputs)
