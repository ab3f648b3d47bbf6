"""What the command says on standard error (命令行的消息): its input errors (exit 2), the
findings of what it read, each once, and the short message for a bug.

>>> import contextlib, io
>>> with contextlib.redirect_stderr(io.StringIO()) as said:
...     say("a.ikspec: 无法读取 / cannot read")
>>> said.getvalue()
'indicatorkit: a.ikspec: 无法读取 / cannot read\\n'
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Iterable, Iterator

from indicatorkit.formats.extras import MissingExtraError
from indicatorkit.model.findings import Finding, Severity, SpecError

__all__ = ["REPORT_BUGS", "InputError", "refused", "report_bug", "say", "say_findings"]

REPORT_BUGS = (
    "请把命令和输入报告给 indicatorkit 的维护者（项目的问题跟踪：{issues}）；设置 INDICATORKIT_TRACEBACK=1 "
    "可看到完整回溯 / please report this, with the command and its input, on the indicatorkit "
    "issue tracker ({issues}); INDICATORKIT_TRACEBACK=1 shows the full traceback"
)


class InputError(Exception):
    """A file the command cannot use (unreadable, not UTF-8, empty, not a regular file…): exit 2.

    >>> str(InputError("a.ikspec: 规格无法读取 / the spec cannot be loaded"))
    'a.ikspec: 规格无法读取 / the spec cannot be loaded'
    """


def say(message: str) -> None:
    """Print ``message`` to standard error after the command's name.

    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as said:
    ...     say("--limit: 未知的上限 / unknown limit")
    >>> said.getvalue()
    'indicatorkit: --limit: 未知的上限 / unknown limit\\n'
    """
    print(f"indicatorkit: {message}", file=sys.stderr)


def say_findings(findings: Iterable[Finding], quiet: bool) -> None:
    """Print findings to stderr, each once; with ``--quiet`` only the errors (the problems
    behind the exit status).

    >>> import contextlib, io
    >>> from indicatorkit.model.findings import Finding, Severity
    >>> warning = Finding("IK105", Severity.WARNING, "指标值缺少单位", 3, file="a.ikspec")
    >>> with contextlib.redirect_stderr(io.StringIO()) as said:
    ...     say_findings([warning, warning], quiet=False)
    ...     say_findings([warning], quiet=True)
    >>> said.getvalue().count("IK105")
    1
    """
    for finding in dict.fromkeys(findings):
        if not quiet or finding.severity is Severity.ERROR:
            say(finding.render())


def _issues_url() -> str:
    """Where bugs are reported: the ``Issues`` project URL of the installed distribution."""
    from importlib import metadata

    try:
        urls = metadata.metadata("indicatorkit").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "issues":
            return url.strip()
    return "the project's issue tracker"


def report_bug(error: Exception) -> None:
    """Say that the command met a bug: a short message and where to report it, never a
    traceback (unless ``INDICATORKIT_TRACEBACK`` is set).

    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as said:
    ...     report_bug(KeyError("x"))
    >>> said.getvalue().startswith("indicatorkit: 内部错误 / internal error: KeyError: 'x'")
    True
    """
    if os.environ.get("INDICATORKIT_TRACEBACK"):
        traceback.print_exc()
    print(
        f"indicatorkit: 内部错误 / internal error: {type(error).__name__}: {error}\n"
        + REPORT_BUGS.format(issues=_issues_url()),
        file=sys.stderr,
    )


@contextlib.contextmanager
def refused(shown: str, why: str) -> Iterator[None]:
    """Read a file the user named: a :class:`~indicatorkit.model.findings.SpecError`'s
    findings are said on stderr and the read becomes the :class:`InputError` ``shown: why``
    (exit 2); a missing optional dependency too, with its own message.

    >>> from indicatorkit.model.findings import SpecError
    >>> try:
    ...     with refused("表.csv", "无法核对 / cannot be checked"):
    ...         raise SpecError([])
    ... except InputError as error:
    ...     print(error)
    表.csv: 无法核对 / cannot be checked
    """
    try:
        yield
    except SpecError as error:
        for finding in error.findings:
            say(finding.render())
        raise InputError(f"{shown}: {why}") from None
    except MissingExtraError as error:
        raise InputError(f"{shown}: {error}") from None
