"""``indicatorkit lint``: load and lint each file (审核规格文件) — a spec's reading findings
and lint's; exit 1 for any error finding, 2 for a file it cannot use.

>>> import pathlib, sys, tempfile
>>> from indicatorkit.cli.parser import build_parser
>>> spec = pathlib.Path(tempfile.mkdtemp(), "目标.ikspec")
>>> _ = spec.write_text("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n", encoding="utf-8")
>>> run(build_parser().parse_args(["lint", str(spec), "--format", "json", "-q"]), sys.stdout)
[...]
0
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

from indicatorkit.cli.messages import InputError, say
from indicatorkit.cli.output import FINDING_COLUMNS, dump_csv, dump_json, finding_cells
from indicatorkit.cli.sources import imported, usable
from indicatorkit.formats.table_text import decode_table
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.lint import lint

__all__ = ["run"]

#: Import codes that mean the file is no spec at all (unreadable, not recognised): exit 2.
_UNUSABLE = frozenset({"IK600", "IK601", "IK700"})


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``lint`` with its parsed ``arguments``, the report to ``out``.

    >>> import sys
    >>> from indicatorkit.cli.parser import build_parser
    >>> run(build_parser().parse_args(["lint", "/no/such/目标.ikspec", "-q"]), sys.stdout)
    2
    """
    return _lint(arguments.files, arguments.format, arguments.quiet, out)


def _lint_file(name: str, findings: list[Finding]) -> None:
    """Add what reading ``name`` found, then lint's findings of its spec, to ``findings``; an
    input error when the file holds no spec at all (a spec's syntax errors are lint findings)."""
    found, shown, data = imported(name)
    findings.extend(found.findings)
    if (
        found.spec is not None
        or not found.findings
        or any(f.code in _UNUSABLE for f in found.findings)
    ):
        spec = usable(found, shown)
        text = decode_table(data) if found.format == "ikspec" else None
        findings.extend(lint(spec, file=shown, source=text))


def _summary(files: int, findings: Sequence[Finding], unusable: int) -> str:
    counts = {s: sum(f.severity is s for f in findings) for s in Severity}
    return (
        f"{files} 个文件 files: {counts[Severity.ERROR]} 错误 errors, "
        f"{counts[Severity.WARNING]} 警告 warnings, {counts[Severity.INFO]} 提示 infos"
        + (f"；{unusable} 个无法使用 unusable" if unusable else "")
    )


def _lint(names: Sequence[str], form: str, quiet: bool, out: TextIO) -> int:
    findings: list[Finding] = []
    unusable = 0
    for name in names:
        try:
            _lint_file(name, findings)
        except InputError as error:
            say(str(error))
            unusable += 1
    if form == "json":
        dump_json([f.to_dict() for f in findings], out)
    elif form == "csv":
        dump_csv(FINDING_COLUMNS, (finding_cells(f) for f in findings), out)
    else:
        for finding in findings:
            print(finding.render(), file=out)
        if not quiet:
            print(_summary(len(names), findings, unusable), file=out)
    if unusable:
        return 2
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0
