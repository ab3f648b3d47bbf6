"""``indicatorkit fmt``: rewrite spec files in canonical form (格式化规格文件), or with
``--check`` only say which would change; ``fmt -`` reads standard input and writes the text to
standard output.  A file is rewritten in place (its inode, links, owner and mode kept), never
half written.

>>> import pathlib, sys, tempfile
>>> from indicatorkit.cli.parser import build_parser
>>> spec = pathlib.Path(tempfile.mkdtemp(), "目标.ikspec")
>>> _ = spec.write_text("项目 1 甲\\n  指标  产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n", encoding="utf-8")
>>> run(build_parser().parse_args(["fmt", "--check", str(spec)]), sys.stdout)
/.../目标.ikspec: 需要格式化 would be reformatted
1
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from typing import Any, TextIO

from indicatorkit.cli.messages import InputError, say
from indicatorkit.cli.output import dump_json
from indicatorkit.cli.sources import STDIN, read_named
from indicatorkit.formats.ikspec.reader import loads
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.formats.table_text import UndecodableTable, decode_table
from indicatorkit.model.findings import SpecError
from indicatorkit.model.records import Spec

__all__ = ["refuse_standard_output", "run"]


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``fmt`` with its parsed ``arguments``, the report to ``out``.

    >>> import pathlib, tempfile
    >>> from indicatorkit.cli.parser import build_parser
    >>> spec = pathlib.Path(tempfile.mkdtemp(), "目标.ikspec")
    >>> _ = spec.write_text("项目 1 甲\\n", encoding="utf-8")
    >>> run(build_parser().parse_args(["fmt", str(spec)]), sys.stdout)
    0
    """
    return _fmt(
        arguments.files, arguments.check, arguments.force, arguments.format, arguments.quiet, out
    )


def refuse_standard_output(arguments: argparse.Namespace) -> None:
    """``fmt -`` writes the text to standard output: refuse ``--format json`` and
    ``--output`` beside it (checked before any output is opened).

    >>> from indicatorkit.cli.parser import build_parser
    >>> refuse_standard_output(build_parser().parse_args(["fmt", "-", "--format", "json"]))
    Traceback (most recent call last):
      ...
    indicatorkit.cli.messages.InputError: `fmt -` 把文本写到标准输出，不能同时用 --format json 或 --output / `fmt -` writes the text to standard output: no --format json, no --output
    """
    if STDIN in arguments.files and not arguments.check:
        if arguments.format == "json" or arguments.output:
            raise InputError(
                "`fmt -` 把文本写到标准输出，不能同时用 --format json 或 --output / `fmt -` "
                "writes the text to standard output: no --format json, no --output"
            )


def _decode(name: str, data: bytes) -> str:
    """The text of a spec file: UTF-8 (a byte-order mark dropped) or GBK, what editors on
    Chinese Windows save; UTF-16, binary and anything else are an input error (IK002)."""
    try:
        return decode_table(data)
    except UndecodableTable as problem:
        raise InputError(
            f"{name}:{problem.line}: IK002 {problem.message} — 请另存为 UTF-8 / save it as UTF-8"
        ) from None


def _load(name: str, text: str) -> Spec:
    """Load a spec; an empty one (no department, no project) is an input error."""
    spec = loads(text, file=name)
    if spec.department is None and not spec.projects:
        raise InputError(
            f"{name}: 规格文件是空的（没有部门也没有项目）/ the spec is empty (no department, no project)"
        )
    return spec


def _read_only(path: str, mode: int) -> bool:
    # the mode bits too: root may write anywhere, but a file without write bits is read-only
    return not mode & 0o222 or not os.access(path, os.W_OK)


def _spare_copy(path: str, data: bytes) -> str:
    """Write ``data`` in full to a temporary file beside ``path``; its name."""
    directory, base = os.path.split(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=directory or ".", prefix=f".{base}.", suffix=".tmp"
        )
    except OSError as error:
        raise InputError(
            f"{path}: 无法在所在目录写临时文件 / cannot write a temporary file in its directory: "
            f"{error.strerror or error}"
        ) from None
    try:
        with os.fdopen(handle, "wb") as spare:
            spare.write(data)
            spare.flush()
            os.fsync(spare.fileno())
    except OSError as error:
        os.unlink(temporary)
        raise InputError(f"{path}: 无法写入 / cannot write: {error.strerror or error}") from None
    return temporary


def _write_in_place(path: str, text: str, force: bool) -> None:
    """Write ``text`` into the file ``path`` (a real path, not a link), keeping its inode.

    Writing into the existing inode keeps hard links, the owner, the mode, ACLs and extended
    attributes (a rename would give every other link the old text and the file a new owner).
    The text is first written in full to a temporary file beside it: that fails early on an
    unwritable directory or a full disk without touching the file, and should the copy into
    the file fail half-way, the whole text is still there (the message names it).
    """
    data = text.encode("utf-8")
    temporary = _spare_copy(path, data)
    mode = os.stat(path).st_mode
    touched = False
    try:
        if force and not mode & stat.S_IWUSR:
            os.chmod(path, stat.S_IMODE(mode) | stat.S_IWUSR)
        with open(path, "r+b") as target:
            touched = True
            target.write(data)
            target.truncate()
            target.flush()
            os.fsync(target.fileno())
    except OSError as error:
        reason = error.strerror or error
        if touched:  # the file may be half written: keep the whole text
            raise InputError(
                f"{path}: 写到一半失败，完整文本在 {temporary} / writing failed part-way; the "
                f"whole text is in {temporary}: {reason}"
            ) from None
        os.unlink(temporary)  # opening failed: the file is untouched
        raise InputError(f"{path}: 无法写入 / cannot write: {reason}") from None
    finally:
        with suppress(OSError):
            if stat.S_IMODE(os.stat(path).st_mode) != stat.S_IMODE(mode):
                os.chmod(path, stat.S_IMODE(mode))
    os.unlink(temporary)


def _fmt_one(name: str, check: bool, force: bool) -> tuple[str, str]:
    """Format one file; the status (``unchanged`` …) and the name shown."""
    shown, data = read_named(name, regular_only=not check)
    text = _decode(shown, data)
    after = dumps(_load(shown, text))
    if name == STDIN and not check:
        sys.stdout.write(after)
        sys.stdout.flush()
        return "written", shown
    if data == after.encode("utf-8"):  # as stored: CRLF, a BOM or GBK are not canonical
        return "unchanged", shown
    if check:
        return "would_reformat", shown
    real = os.path.realpath(name)  # through a symbolic link to the file it names
    if _read_only(real, os.stat(real).st_mode) and not force:
        raise InputError(
            f"{name}: 只读文件，不改写（--force 仍然改写）/ read-only, not rewritten (--force "
            "rewrites it)"
        )
    _write_in_place(real, after, force)
    return "reformatted", shown


def _fmt_each(name: str, check: bool, force: bool, form: str) -> tuple[dict[str, Any], int]:
    """Format one file: its JSON record and its exit status (a spec with errors is 1, a file
    that cannot be used 2)."""
    try:
        result, shown = _fmt_one(name, check, force)
    except SpecError as error:
        if form == "text":
            print(error, file=sys.stderr)
        findings = [f.to_dict() for f in error.findings]
        return {"file": name, "status": "invalid", "findings": findings}, 1
    except InputError as error:
        say(str(error))
        return {"file": name, "status": "error", "message": str(error)}, 2
    return {"file": shown, "status": result}, 1 if result == "would_reformat" else 0


def _fmt(
    names: Sequence[str], check: bool, force: bool, form: str, quiet: bool, out: TextIO
) -> int:
    """Rewrite each file in canonical form (or, with --check, only say which would change)."""
    if names.count(STDIN) > 1:
        raise InputError("标准输入只能读一次 / standard input can be read only once")
    if STDIN in names and not check and len(names) > 1:
        raise InputError("`fmt -` 只能单独使用 / `fmt -` takes no other file")
    status = 0
    results = []
    for name in names:
        record, failed = _fmt_each(name, check, force, form)
        results.append(record)
        status = max(status, failed)
        if record["status"] == "would_reformat" and form == "text":
            print(f"{record['file']}: 需要格式化 would be reformatted", file=out)
        elif record["status"] == "reformatted" and form == "text" and not quiet:
            print(f"{record['file']}: 已格式化 reformatted", file=out)
    if form == "json":
        dump_json(results, out)
    return status
