"""What a verb reads (命令读入的文件): a file or standard input read once, a spec from any
file :func:`indicatorkit.read` accepts, and an actuals file — each an input error (exit 2)
when it cannot be used, what reading found printed once.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp(), "目标.ikspec")
>>> _ = path.write_text("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n", encoding="utf-8")
>>> loaded = load_spec_source(str(path))
>>> loaded.spec.projects[0].name, loaded.errors
('法律援助', False)
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import suppress

import attrs

from indicatorkit.cli.messages import InputError, refused, say, say_findings
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.formats.extras import MissingExtraError
from indicatorkit.formats.files import ImportedFile, read_data
from indicatorkit.formats.limits import UnreadableInputError, current, read_input, read_stream
from indicatorkit.formats.table_text import decode_table
from indicatorkit.model.actuals import Actuals
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Spec

__all__ = [
    "SPEC_SUFFIX",
    "STDIN",
    "STDIN_NAME",
    "LoadedSpec",
    "actuals_from",
    "imported",
    "load_actuals",
    "load_spec_source",
    "loaded_spec",
    "read_named",
    "usable",
]

#: The name that means standard input.
STDIN = "-"
#: How standard input is shown in messages.
STDIN_NAME = "<stdin>"
#: The extension of a spec file.
SPEC_SUFFIX = ".ikspec"


def read_named(name: str, *, regular_only: bool = False) -> tuple[str, bytes]:
    """The display name and the bytes of ``name`` (``-``: standard input), read once;
    ``regular_only`` refuses a pipe or a device (a file to be rewritten).

    >>> read_named("/no/such/file.ikspec")
    Traceback (most recent call last):
      ...
    indicatorkit.cli.messages.InputError: /no/such/file.ikspec: 无法读取 / cannot read: ...
    """
    if name == STDIN:
        return STDIN_NAME, read_stream(sys.stdin.buffer, STDIN_NAME, limit=current().stdin_bytes)
    with suppress(OSError, ValueError):  # what stat cannot say, reading says
        mode = os.stat(name).st_mode
        if regular_only and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise InputError(
                f"{name}: 不是普通文件（管道、设备……），不能改写 / not a regular file (a pipe, a "
                f"device…), cannot be rewritten; 用 --check 或 `fmt -` / use --check or `fmt -`"
            )
    try:
        return name, read_input(name)
    except UnreadableInputError as error:
        raise InputError(f"{name}: 无法读取 / cannot read: {error.reason}") from None


@attrs.frozen
class LoadedSpec:
    """A spec a verb works on: the spec, the name shown, its text when it is a spec file (for
    lint's source lines), and what reading it found (a workbook's IK7xx, a document's …).

    >>> LoadedSpec(Spec(), "<stdin>", None, ()).errors
    False
    """

    spec: Spec
    shown: str
    text: str | None
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> bool:
        """Whether reading found errors (rows that never reached the spec)."""
        return any(f.severity is Severity.ERROR for f in self.findings)


def imported(name: str, read: tuple[str, bytes] | None = None) -> tuple[ImportedFile, str, bytes]:
    """Read ``name`` (or use its bytes already ``read``) as any file :func:`indicatorkit.read`
    accepts: what it holds, the name shown and the bytes; a missing optional package is an
    input error.

    >>> found, shown, data = imported("x.ikspec", ("x.ikspec", "项目 1 甲\\n".encode()))
    >>> found.format, found.spec.projects[0].name, shown
    ('ikspec', '甲', 'x.ikspec')
    """
    shown, data = read or read_named(name)
    try:
        found = read_data(data, source=shown, path=None if name == STDIN else name)
    except MissingExtraError as error:
        raise InputError(f"{shown}: {error}") from None
    return found, shown, data


def usable(found: ImportedFile, shown: str) -> Spec:
    """The spec read, or an input error when there is none or it is empty
    (a table of actuals, IK724, says to give it with its spec).

    >>> found, shown, _ = imported("x.ikspec", ("x.ikspec", "# 只有注释\\n".encode()))
    >>> usable(found, shown)
    Traceback (most recent call last):
      ...
    indicatorkit.cli.messages.InputError: x.ikspec: 规格文件是空的（没有部门也没有项目）/ the spec is empty (no department, no project)
    """
    spec = found.spec
    if spec is None and any(f.code == "IK724" for f in found.findings):
        raise InputError(
            f"{shown}: 这是实际值表，不是目标表；与目标表一起给出 / an actuals table, not a spec: "
            "give it with its spec"
        )
    if spec is None:
        raise InputError(f"{shown}: 规格无法读取 / the spec cannot be loaded")
    if spec.department is None and not spec.projects:
        raise InputError(
            f"{shown}: 规格文件是空的（没有部门也没有项目）/ the spec is empty (no department, no project)"
        )
    return spec


def load_spec_source(
    name: str,
    *,
    quiet: bool = False,
    read: tuple[str, bytes] | None = None,
    listed: bool = True,
) -> LoadedSpec:
    """Read a spec for a verb that needs one, from any file ``read`` accepts (a spec file,
    JSON, a CSV long table, a workbook, Word, PDF…), and it is an input error when no spec
    comes out or it is empty.  What reading found is printed once
    (:func:`~indicatorkit.cli.messages.say_findings`): warnings and errors (unless the caller
    prints them: ``listed=False``), infos only counted — ``lint`` lists them all.

    >>> load_spec_source("x.ikspec", read=("x.ikspec", "项目 1 甲\\n".encode())).text
    '项目 1 甲\\n'
    """
    found, shown, data = imported(name, read)
    return loaded_spec(found, shown, data, quiet=quiet, listed=listed)


def loaded_spec(
    found: ImportedFile, shown: str, data: bytes, *, quiet: bool = False, listed: bool = True
) -> LoadedSpec:
    """:func:`load_spec_source` of a file already read (``found``, from its bytes ``data``).

    >>> found, shown, data = imported("x.ikspec", ("x.ikspec", "项目 1 甲\\n".encode()))
    >>> loaded_spec(found, shown, data).spec.projects[0].name
    '甲'
    """
    problems = [f for f in found.findings if f.severity is not Severity.INFO]
    if listed:
        say_findings(problems, quiet)
    infos = len(found.findings) - len(problems)
    if infos and not quiet:
        say(
            f"{shown}: 另有 {infos} 条读取提示未列出，indicatorkit lint 会列出 / {infos} reading "
            "infos not listed: indicatorkit lint lists them"
        )
    spec = usable(found, shown)
    text = decode_table(data) if found.format == "ikspec" else None
    return LoadedSpec(spec, shown, text, found.findings)


def actuals_from(shown: str, data: bytes) -> Actuals:
    """An actuals file's content read (CSV, TSV, a workbook); its findings are printed and
    it is an input error when it cannot be read.

    >>> actuals = actuals_from("实际值.csv", "三级指标,实际值\\n受理数,210件\\n".encode())
    >>> [row.actual for row in actuals.rows]
    ['210件']
    """
    with refused(shown, "实际值文件无法读取 / the actuals file cannot be read"):
        return read_actuals(data, file=shown)


def load_actuals(name: str) -> Actuals:
    """Read an actuals file for ``score``, ``check``, ``monitor``, ``report`` and ``export``.

    >>> load_actuals("/no/such/actuals.csv")
    Traceback (most recent call last):
      ...
    indicatorkit.cli.messages.InputError: /no/such/actuals.csv: 无法读取 / cannot read: ...
    """
    return actuals_from(*read_named(name))
