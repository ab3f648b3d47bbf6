"""The ``indicatorkit`` command: a thin shell over the library (reading files, printing).

indicatorkit parse "≥95%" "不少于两百件" "-5%" [--lenient] [--format text|json|csv]
indicatorkit check examples/seed_actuals.tsv | SPEC [ACTUALS] [--format text|json|csv]
indicatorkit lint FILE… [--format text|json|csv]
indicatorkit fmt [--check] [--force] FILE… | -
indicatorkit score SPEC [ACTUALS] [--rules NAME] [--rescale] [--format text|json|csv] [--output FILE]
indicatorkit score --departments FOLDER|TABLE.csv [--rules NAME] [--parquet FILE] [--format text|json|csv]
indicatorkit monitor SPEC [ACTUALS] --at 2025-06-30 [--format text|json]
indicatorkit report SPEC [ACTUALS] -o report.html [--pdf [FILE]] [--rules NAME] [--year YYYY] [--no-findings]
indicatorkit import FILE|FOLDER… [-o OUT] [--include-hidden] [--format text|json]
indicatorkit export SPEC [ACTUALS] -o OUT | --scored OUT.xlsx | --template OUT.xlsx [--projects-only]
indicatorkit completion bash|zsh|powershell
indicatorkit audit FILE|FOLDER… [--rules NAME] [--format text|json|csv] [--output FILE]

Conventions for every verb: exit 0 when clean, 1 for findings (failed rows, lint errors,
files to reformat), 2 for a usage or input error (a file that cannot be read, is empty, is
not a regular file…); never a traceback.  ``--format text|json``, ``--output FILE`` (the
report), ``--quiet`` (problems only); ``--format csv`` too where the output is rows (``parse``,
``check``, ``lint``, ``score``; with ``--output`` the file has a BOM so Excel opens it).  A
spec may be any file :func:`indicatorkit.read` accepts (a spec file, JSON, a CSV long table, a
workbook, Word, PDF — told by content; ``-`` for standard input), what reading found printed;
text files may be UTF-8, UTF-8 with a BOM or GBK; anything else is an input error.  Plain output,
never colour (so never on a pipe and never with ``NO_COLOR``).  ``--format json`` output follows
the JSON Schema shipped as ``indicatorkit/schemas/VERB.schema.json``.  See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import stat
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from fractions import Fraction
from pathlib import Path
from typing import Any, TextIO

import attrs

from indicatorkit.cli_help import SHELLS, add_examples, completion_script
from indicatorkit.distribution import version
from indicatorkit.errors import IndicatorkitError, InvalidValueError, UnknownRuleSetError
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.formats.bureau_sources import read_bureau
from indicatorkit.formats.bureau_table import (
    BUREAU_COLUMNS,
    bureau_rows,
    bureau_text,
    write_bureau_parquet,
)
from indicatorkit.formats.extras import MissingExtraError
from indicatorkit.formats.files import (
    ExportError,
    ImportedFile,
    detect_format,
    files_in,
    mirrored,
    read_data,
    read_file,
    summarize,
    write,
)
from indicatorkit.formats.format import Holds
from indicatorkit.formats.ikspec.reader import loads
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.formats.inert_cells import write_csv
from indicatorkit.formats.json_data import to_data
from indicatorkit.formats.limits import (
    DEFAULT_LIMITS,
    InputLimitError,
    Limits,
    UnreadableInputError,
    current,
    parse_limit,
    read_input,
    read_stream,
    using,
)
from indicatorkit.formats.output import OutputError, opened, refuse_inputs, write_text
from indicatorkit.formats.progress import reporting, terminal
from indicatorkit.formats.registry import REGISTRY
from indicatorkit.formats.table_text import UndecodableTable, decode_table
from indicatorkit.formats.workbook_template import write_template
from indicatorkit.formats.workbook_write import write_self_assessment
from indicatorkit.language.parse import parse_target
from indicatorkit.model.actuals import ActualRow, Actuals, merge_actuals
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.lint import BUDGET_POINTS, lint
from indicatorkit.model.records import Spec
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.assessment import assess
from indicatorkit.scoring.audit import Audit, audit
from indicatorkit.scoring.audit_rows import AUDIT_COLUMNS, audit_rows
from indicatorkit.scoring.checking import CheckedRow, check_actuals, spec_rows
from indicatorkit.scoring.departments import score_departments
from indicatorkit.scoring.indicator import Outcome, display
from indicatorkit.scoring.monitoring import Light, monitor
from indicatorkit.scoring.report import SpecScore, score
from indicatorkit.scoring.rules import rule_set
from indicatorkit.scoring.score_rows import SCORE_COLUMNS, score_rows
from indicatorkit.units import UnitRegistry

__all__ = ["main"]

STDIN = "-"
SPEC_SUFFIX = ".ikspec"
STDIN_NAME = "<stdin>"
REPORT_BUGS = (
    "请把命令和输入报告给 indicatorkit 的维护者（项目的问题跟踪：{issues}）；设置 INDICATORKIT_TRACEBACK=1 "
    "可看到完整回溯 / please report this, with the command and its input, on the indicatorkit "
    "issue tracker ({issues}); INDICATORKIT_TRACEBACK=1 shows the full traceback"
)


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


class InputError(Exception):
    """A file the command cannot use (unreadable, not UTF-8, empty, not a regular file…): exit 2."""


class _ActualsNotSpec(InputError):
    """A workbook of actuals (a filled template, IK724) where a spec was expected."""


def _error(message: str) -> None:
    print(f"indicatorkit: {message}", file=sys.stderr)


def _dump_json(data: object, out: TextIO) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2), file=out)


def _dump_csv(header: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO) -> None:
    """Rows as CSV under a bilingual header (``None`` as an empty cell, no live formula)."""
    write_csv(out, [header, *rows], lineterminator="\n")


_FINDING_COLUMNS = (
    "文件 file",
    "行 line",
    "列 column",
    "代码 code",
    "级别 severity",
    "说明 message",
    "提示 suggestion",
)


def _finding_cells(finding: Finding) -> tuple[object, ...]:
    return (
        finding.file,
        finding.line,
        finding.column,
        finding.code,
        finding.severity.value,
        finding.message,
        finding.suggestion,
    )


# --- parse ---------------------------------------------------------------------------------


def _parse(texts: Sequence[str], lenient: bool, form: str, quiet: bool, out: TextIO) -> int:
    failures = 0
    records: list[dict[str, Any]] = []
    for text in texts:
        try:
            if lenient:
                result = parse_target(text, lenient=True)
                target, diagnostics = result.target, result.diagnostics
            else:
                target, diagnostics = parse_target(text), ()
        except IndicatorkitError as error:
            failures += 1
            records.append(
                {"text": text, "ok": False, "error": type(error).__name__, "message": str(error)}
            )
            if form != "json":
                print(f"{text}\t错误 error: {type(error).__name__}\n{error}", file=sys.stderr)
            continue
        records.append(
            {
                "text": text,
                "ok": True,
                "target": str(target),
                "kind": type(target).__name__,
                "diagnostics": [
                    {"code": d.code, "column": d.position + 1, "message": d.message}
                    for d in diagnostics
                ],
            }
        )
        if form == "text" and not quiet:
            print(f"{text}\t{target}\t{type(target).__name__}", file=out)
            for diagnostic in diagnostics:
                print(
                    f"  {diagnostic.code} 第{diagnostic.position + 1}列: {diagnostic.message}",
                    file=out,
                )
    if form == "json":
        _dump_json(records, out)
    elif form == "csv":
        _dump_csv(
            ("指标值 text", "规范文本 target", "类别 kind", "诊断 diagnostics", "错误 error"),
            (
                (
                    r["text"],
                    r.get("target"),
                    r.get("kind"),
                    "；".join(
                        f"{d['code']} 第{d['column']}列: {d['message']}"
                        for d in r.get("diagnostics", ())
                    ),
                    r.get("message"),
                )
                for r in records
            ),
            out,
        )
    return 1 if failures else 0


# --- check ---------------------------------------------------------------------------------

_UNGRADED = "待评定 ungraded"
#: The totals of ``check``: one per outcome a check shows (labels from :class:`Outcome`).
_TOTALS = {
    "met": Outcome.MET.label,
    "partial": Outcome.PARTIAL.label,
    "missed": Outcome.MISSED.label,
    "ungraded": _UNGRADED,
    "problems": "有问题 problems",
}
_OUTCOME_KEYS = {Outcome.MET: "met", Outcome.PARTIAL: "partial", Outcome.MISSED: "missed"}


_CHECK_COLUMNS = (
    "行 line",
    "指标 indicator",
    "指标值 target",
    "实际值 actual",
    "结果 result",
    "完成率 attainment",
)


def _percent(row: CheckedRow) -> str:
    return "" if row.attainment is None else f"{format_decimal(round(row.attainment * 100, 2))}%"


def _spec_items(
    name: str, actuals_name: str | None, read: tuple[str, bytes], quiet: bool
) -> tuple[list[ActualRow | Finding], UnitRegistry | None]:
    """The rows to check in a self-assessment spec (its actuals, or an actuals file's merged
    onto it), with the merge's findings first; a spec with nothing to check is an input error."""
    loaded = _load_spec_source(name, quiet=quiet, read=read, listed=False)
    spec, shown = loaded.spec, loaded.shown
    # what reading found is printed once, with the rows (and in --format json's findings)
    merged: list[ActualRow | Finding] = [
        f for f in loaded.findings if f.severity is not Severity.INFO
    ]
    if actuals_name is not None:
        spec, found = merge_actuals(spec, _load_actuals(actuals_name), spec_file=shown)
        merged.extend(found)
    rows = list(spec_rows(spec))
    if not rows:
        raise InputError(
            f"{shown}: 规格中没有可核对的实际值（写上“实际值”，或给出实际值文件）/ the spec has no "
            "actuals to check (write 实际值, or give an actuals file)"
        )
    return [*merged, *rows], spec.units


#: What ``check FILE`` reads as a spec (anything else is a TSV/CSV of target and actual rows).
_SPEC_FORMATS = REGISTRY.holding(Holds.SPEC, Holds.SPEC_OR_ACTUALS)


def _table_items(read: tuple[str, bytes]) -> list[ActualRow | Finding]:
    """The rows of an actuals table for ``check`` (with what reading them found); a table
    that cannot be read, has no 指标值 column or no row is an input error."""
    shown, data = read
    actuals = _actuals_from(shown, data)
    if not actuals.rows and not actuals.findings:
        _error(f"{shown}:1:1: IK503 error: 文件没有数据行 (the file has no rows) — 没有可核对的行")
        raise InputError(f"{shown}: 没有数据行 / no rows to check")
    if actuals.rows and "指标值" not in actuals.rows[0].columns:
        _error(
            f"{shown}:1:1: IK504 error: 表头缺少“指标值”列 (the header has no 指标值 column)\n"
            "  提示 / hint: 表头写明各列：项目、三级指标、指标值、实际完成值 / name the columns: "
            "project, indicator, target, actual"
        )
        raise InputError(f"{shown}: 没有指标值列，无法核对 / no target column to check against")
    return [*actuals.findings, *actuals.rows]


def _check(name: str, actuals_name: str | None, form: str, quiet: bool, out: TextIO) -> int:
    """Check every row of an actuals table (TSV/CSV), or every actual of a self-assessment
    spec (any file read() accepts); exit 1 when a row cannot be checked."""
    units = None
    items: Iterable[ActualRow | Finding]
    read = _read(name)
    if name.endswith(SPEC_SUFFIX) or detect_format(read[1], name) in _SPEC_FORMATS:
        try:
            items, units = _spec_items(name, actuals_name, read, quiet)
        except _ActualsNotSpec:
            if actuals_name is not None:
                raise
            items = _table_items(read)  # a workbook of actuals rows: checked as a table
    elif actuals_name is not None:
        raise InputError(
            f"{actuals_name}: 实际值文件只能与规格文件一起使用（{SPEC_SUFFIX}、JSON、工作簿、Word、PDF）"
            f"/ an actuals file goes with a spec file ({SPEC_SUFFIX}, JSON, a workbook, Word, PDF)"
        )
    else:
        items = _table_items(read)
    totals = dict.fromkeys(_TOTALS, 0)
    rows: list[dict[str, Any]] = []
    table: list[tuple[object, ...]] = []
    findings: list[Finding] = []
    if form == "text" and not quiet:
        print(
            "行 line\t指标 indicator\t指标值 target\t实际值 actual\t结果 result\t完成率 attainment",
            file=out,
        )
    checked_file = read[0]
    for item in check_actuals(items, file=checked_file, units=units):
        if isinstance(item, Finding):
            totals["problems"] += item.severity is Severity.ERROR
            findings.append(item)
            if form != "json":
                print(item.render(), file=sys.stderr)
            continue
        met = item.result.met
        outcome = Outcome.of_check(item.result)
        totals["ungraded" if outcome is None else _OUTCOME_KEYS[outcome]] += 1
        verdict = _UNGRADED if outcome is None else outcome.label
        row = item.row
        table.append(
            (
                row.place,
                " / ".join(row.labels),
                item.result.target,
                row.actual,
                verdict,
                _percent(item),
            )
        )
        rows.append(
            {
                "file": checked_file,
                "sheet": row.sheet,
                "line": row.line,
                "labels": list(row.labels),
                "target": str(item.result.target),
                "actual": row.actual,
                "met": met,
                "outcome": None if outcome is None else outcome.value,
                "attainment": None if item.attainment is None else str(item.attainment),
            }
        )
        if form == "text" and not quiet:
            label = " / ".join(row.labels)
            print(
                f"{row.place}\t{label}\t{item.result.target}\t{row.actual}\t{verdict}\t"
                f"{_percent(item)}",
                file=out,
            )
    if form == "json":
        document = {
            "rows": rows,
            "findings": [f.to_dict() for f in findings],
            "totals": totals,
        }
        _dump_json(document, out)
    elif form == "csv":
        _dump_csv(_CHECK_COLUMNS, table, out)
    elif not quiet:
        summary = "，".join(f"{_TOTALS[key]} {value}" for key, value in totals.items())
        print(f"合计 total: {summary}", file=out)
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


# --- reading spec files --------------------------------------------------------------------


def _read(name: str, *, regular_only: bool = False) -> tuple[str, bytes]:
    """The display name and the bytes of ``name`` (``-``: standard input), read once."""
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


def _shown(name: str) -> str:
    """The name a file is shown by (``<stdin>`` for ``-``)."""
    return STDIN_NAME if name == STDIN else name


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


@attrs.frozen
class _LoadedSpec:
    """A spec a verb works on: the spec, the name shown, its text when it is a spec file (for
    lint's source lines), and what reading it found (a workbook's IK7xx, a document's …)."""

    spec: Spec
    shown: str
    text: str | None
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


def _imported(name: str, read: tuple[str, bytes] | None = None) -> tuple[ImportedFile, str, bytes]:
    """Read ``name`` (or use its bytes already ``read``) as any file :func:`indicatorkit.read`
    accepts; a missing optional package is an input error."""
    shown, data = read or _read(name)
    try:
        found = read_data(data, source=shown, path=None if name == STDIN else name)
    except MissingExtraError as error:
        raise InputError(f"{shown}: {error}") from None
    return found, shown, data


def _load_spec_source(
    name: str,
    *,
    quiet: bool = False,
    read: tuple[str, bytes] | None = None,
    listed: bool = True,
) -> _LoadedSpec:
    """Read a spec for a verb that needs one, from any file ``read`` accepts (a spec file,
    JSON, a CSV long table, a workbook, Word, PDF…), and it is an input error when no spec
    comes out or it is empty.  What reading found is printed once (:func:`_say`): warnings
    and errors (unless the caller prints them: ``listed=False``), infos only counted —
    ``lint`` lists them all."""
    found, shown, data = _imported(name, read)
    problems = [f for f in found.findings if f.severity is not Severity.INFO]
    if listed:
        _say(problems, quiet)
    infos = len(found.findings) - len(problems)
    if infos and not quiet:
        _error(
            f"{shown}: 另有 {infos} 条读取提示未列出，indicatorkit lint 会列出 / {infos} reading "
            "infos not listed: indicatorkit lint lists them"
        )
    spec = _usable(found, shown)
    text = decode_table(data) if found.format == "ikspec" else None
    return _LoadedSpec(spec, shown, text, found.findings)


def _say(findings: Iterable[Finding], quiet: bool) -> None:
    """Print findings to stderr, each once; with ``--quiet`` only the errors (the problems
    behind the exit status)."""
    for finding in dict.fromkeys(findings):
        if not quiet or finding.severity is Severity.ERROR:
            _error(finding.render())


def _usable(found: ImportedFile, shown: str) -> Spec:
    """The spec read, or an input error when there is none or it is empty."""
    spec = found.spec
    if spec is None and any(f.code == "IK724" for f in found.findings):
        raise _ActualsNotSpec(
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


def _actuals_from(shown: str, data: bytes) -> Actuals:
    """An actuals file's content read (CSV, TSV, a workbook); its findings are printed and
    it is an input error when it cannot be read."""
    try:
        return read_actuals(data, file=shown)
    except SpecError as error:
        for finding in error.findings:
            _error(finding.render())
        raise InputError(f"{shown}: 实际值文件无法读取 / the actuals file cannot be read") from None
    except MissingExtraError as error:
        raise InputError(f"{shown}: {error}") from None


def _load_actuals(name: str) -> Actuals:
    """Read an actuals file for ``score``, ``check``, ``monitor`` and ``report``."""
    return _actuals_from(*_read(name))


def _scored(
    spec: Spec,
    actuals: Actuals | None,
    rules: str | None,
    quiet: bool,
    spec_file: str,
    rescale: bool = False,
) -> tuple[SpecScore, bool]:
    """Score for ``score``: the result (what merging said printed to stderr) and whether
    points are open (:func:`_open_points`)."""
    try:
        result = score(spec, actuals, rules=rules, spec_file=spec_file, rescale=rescale)
    except UnknownRuleSetError as error:
        raise InputError(str(error)) from None
    return result, _open_points(result, quiet)


def _open_points(result: SpecScore, quiet: bool) -> bool:
    """Print what merging the actuals said (to stderr); whether points are open —
    undecided, an explanation the rules require missing, or error findings from the
    actuals."""
    _say(result.findings, quiet)
    open_points = any(
        project.undecided
        or project.grade_note
        or (project.budget.explanation_required and not project.budget.explanation_given)
        or any(
            item.score.explanation_required and not item.score.explanation_given
            for item in project.indicators
        )
        for project in result.projects
    )
    merge_errors = any(f.severity is Severity.ERROR for f in result.findings)
    return open_points or merge_errors


# --- lint ----------------------------------------------------------------------------------

#: Import codes that mean the file is no spec at all (unreadable, not recognised): exit 2.
_UNUSABLE = frozenset({"IK600", "IK601", "IK700"})


def _lint(names: Sequence[str], form: str, quiet: bool, out: TextIO) -> int:
    """Load and lint each file; exit 1 for any error finding, 2 for a file it cannot use."""
    findings: list[Finding] = []
    status = unusable = 0
    for name in names:
        try:
            found, shown, data = _imported(name)
            findings.extend(found.findings)
            if (
                found.spec is not None
                or not found.findings
                or any(f.code in _UNUSABLE for f in found.findings)
            ):  # a spec's syntax errors are lint findings; no spec at all is an input error
                spec = _usable(found, shown)
                text = decode_table(data) if found.format == "ikspec" else None
                findings.extend(
                    lint(spec, file=shown, source=text, budget_weight=_budget_points(spec))
                )
        except InputError as error:
            _error(str(error))
            status, unusable = 2, unusable + 1
    if form == "json":
        _dump_json([f.to_dict() for f in findings], out)
    elif form == "csv":
        _dump_csv(_FINDING_COLUMNS, (_finding_cells(f) for f in findings), out)
    else:
        for finding in findings:
            print(finding.render(), file=out)
        if not quiet:
            counts = {s: sum(f.severity is s for f in findings) for s in Severity}
            print(
                f"{len(names)} 个文件 files: {counts[Severity.ERROR]} 错误 errors, "
                f"{counts[Severity.WARNING]} 警告 warnings, {counts[Severity.INFO]} 提示 infos"
                + (f"；{unusable} 个无法使用 unusable" if unusable else ""),
                file=out,
            )
    if status:
        return status
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _budget_points(spec: Spec) -> Fraction:
    """The budget line's 分值 of the rule set the spec names (national 10 when none or unknown)."""
    with suppress(UnknownRuleSetError):
        return rule_set(spec.rules).budget_weight
    return BUDGET_POINTS


# --- audit ---------------------------------------------------------------------------------


def _audit(names: Sequence[str], rules: str | None, form: str, quiet: bool, out: TextIO) -> int:
    """Audit the printed scores of every file (a folder: every file in it); exit 2 when a
    file cannot be used, 1 when a printed figure contradicts the rules, a table check fails
    or reading a file found errors (printed to stderr: rows that were not audited)."""
    audits: list[Audit] = []
    status, unread = 0, False  # unread: reading found errors (rows that never reach the audit)
    for path in files_in(names):
        try:
            loaded = _load_spec_source(str(path), quiet=True)
            unread = unread or loaded.errors
            audits.append(audit(loaded.spec, rules=rules, file=loaded.shown))
        except UnknownRuleSetError as error:
            raise InputError(str(error)) from None
        except InputError as error:
            _error(str(error))
            status = 2
    if form == "json":
        _dump_json([result.to_dict() for result in audits], out)
    elif form == "csv":
        _dump_csv(AUDIT_COLUMNS, audit_rows(audits), out)
    elif not quiet:
        print("\n\n".join(result.table() for result in audits), file=out)
    if status:
        return status
    return 0 if all(result.clean for result in audits) and not unread else 1


# --- score ---------------------------------------------------------------------------------


def _score(
    name: str,
    actuals_name: str | None,
    rules: str | None,
    form: str,
    quiet: bool,
    out: TextIO,
    rescale: bool = False,
) -> int:
    """Score a spec with its actuals (in the spec, or merged from an actuals file); exit 1
    when points are undecided, a grade is withheld (weights not totalling 100), an
    explanation the rules require is missing, or the actuals file has error findings."""
    loaded = _load_spec_source(name, quiet=quiet)
    actuals = None if actuals_name is None else _load_actuals(actuals_name)
    result, open_points = _scored(loaded.spec, actuals, rules, quiet, loaded.shown, rescale)
    open_points = open_points or loaded.errors
    if form == "json":
        _dump_json(result.to_dict(), out)
    elif form == "csv":
        _dump_csv(SCORE_COLUMNS, score_rows(result), out)
    elif not quiet:
        print(result.table(), file=out)
    return 1 if open_points else 0


def _score_departments(
    name: str,
    rules: str | None,
    form: str,
    quiet: bool,
    out: TextIO,
    rescale: bool = False,
    parquet: str | None = None,
) -> int:
    """Score every department of a folder of specs or a long table with a 部门 column and
    rank them (:func:`~indicatorkit.scoring.departments.score_departments`); exit 1 when
    reading found errors or a department's points are open (as ``score``), 2 when no
    department comes out."""
    found = read_bureau(name)
    for finding in found.findings:
        if not quiet or finding.severity is Severity.ERROR:
            _error(finding.render())
    if not found.departments:
        raise InputError(f"{name}: 没有可评分的部门 / no department to score")
    try:
        bureau = score_departments(
            ((n, spec) for n, _, spec in found.departments),
            rules=rules,
            rescale=rescale,
            sources=(source for _, source, _ in found.departments),
        )
        if parquet is not None:
            write_bureau_parquet(bureau, parquet)
    except UnknownRuleSetError as error:
        raise InputError(str(error)) from None
    except MissingExtraError as error:
        raise InputError(f"--parquet {parquet}: {error}") from None
    if form == "json":
        _dump_json(bureau.to_dict(), out)
    elif form == "csv":
        _dump_csv(BUREAU_COLUMNS, bureau_rows(bureau), out)
    elif not quiet:
        print(bureau_text(bureau), file=out)
    errors = any(f.severity is Severity.ERROR for f in found.findings)
    open_points = [_open_points(d.result, quiet) for d in bureau.departments]
    return 1 if errors or any(open_points) else 0


def _monitor(
    name: str, actuals_name: str | None, at: str, form: str, quiet: bool, out: TextIO
) -> int:
    """Monitoring at a date (with the actuals so far merged: 累计支出 checkpoints and the
    indicators' actuals); exit 1 when any light is red or reading or merging found errors."""
    try:
        day = datetime.date.fromisoformat(at)
    except ValueError:
        raise InputError(
            f"--at {at}: 日期应写作 YYYY-MM-DD，例如 2025-06-30 / a date as YYYY-MM-DD"
        ) from None
    loaded = _load_spec_source(name, quiet=quiet)
    actuals = None if actuals_name is None else _load_actuals(actuals_name)
    report = monitor(loaded.spec, day, actuals=actuals)
    _say(report.findings, quiet)
    errors = loaded.errors or any(f.severity is Severity.ERROR for f in report.findings)
    if form == "json":
        _dump_json(report.to_dict(), out)
    elif not quiet:
        print(report.table(), file=out)
    red = any(
        project.light is Light.RED or any(i.light is Light.RED for i in project.indicators)
        for project in report.projects
    )
    return 1 if red or errors else 0


# --- report --------------------------------------------------------------------------------


def _pdf_path(pdf: str | None, output: str | None) -> str | None:
    """``--pdf FILE``, or with a bare ``--pdf`` the HTML's name with ``.pdf``."""
    if pdf is None or pdf:
        return pdf
    if output is None:
        raise InputError(
            "--pdf 不带文件名时需要 -o / a bare --pdf needs -o (the PDF goes beside it)"
        )
    root, extension = os.path.splitext(output)
    return (root if extension.lower() in (".html", ".htm") else output) + ".pdf"


def _report_verb(
    name: str,
    actuals_name: str | None,
    *,
    rules: str | None,
    output: str | None,
    pdf: str | None,
    year: int | None,
    with_findings: bool,
    form: str,
    quiet: bool,
    timeout: float | None = None,
) -> int:
    """Write the HTML report (and its PDF) of the spec with its actuals merged; exit 1 when
    points are open (as ``score``) or there are error findings (the page's count).
    ``with_findings=False`` leaves the findings' appendix out (a clean copy to file); the
    summary and the exit status still count them."""
    if output == STDIN and (form == "json" or pdf == ""):
        raise InputError(
            "`-o -` 把页面写到标准输出，不能同时用 --format json 或不带文件名的 --pdf / `-o -` "
            "writes the page to standard output: no --format json, no bare --pdf"
        )
    pdf_path = _pdf_path(pdf, output)
    if output is None and pdf_path is None:
        raise InputError(
            "请用 -o 指定 HTML 文件（或用 --pdf 指定 PDF）/ name the HTML file with -o (or the "
            "PDF with --pdf)"
        )
    inputs = [name for name in (name, actuals_name) if name is not None]
    for path in (output, pdf_path):
        if path is not None:
            refuse_inputs(path, inputs)
    loaded = _load_spec_source(name, quiet=quiet)
    spec = loaded.spec
    actuals = None if actuals_name is None else _load_actuals(actuals_name)
    # imported here: the report's template and browser code cost every other command start-up
    from indicatorkit.formats.html_report import ReportError, render_report
    from indicatorkit.formats.html_report_pdf import print_pdf

    try:
        assessment = assess(
            spec, actuals, rules=rules, year=year, file=loaded.shown, source=loaded.text
        )
    except (UnknownRuleSetError, InvalidValueError) as error:
        raise InputError(str(error)) from None
    result, findings = assessment.result, assessment.findings
    open_points = _open_points(result, quiet) or loaded.errors
    try:
        html = render_report(assessment, with_findings=with_findings)
        if output == STDIN:
            sys.stdout.write(html)
            sys.stdout.flush()
        elif output is not None:
            write_text(output, html, inputs=inputs)
        if pdf_path is not None:
            print_pdf(html, pdf_path, timeout=timeout, inputs=inputs)
    except ReportError as error:
        raise InputError(str(error)) from None
    counts = {s.value: sum(f.severity is s for f in findings) for s in Severity}
    department = result.department_range
    summary: dict[str, Any] = {
        "html": output,
        "pdf": pdf_path,
        "projects": len(result.projects),
        "department": None
        if department is None
        else {
            "total_range": [format_decimal(v) for v in department],
            "total_display": display(result.department_total),
            "grade": result.department_grade,
        },
        "findings": counts,
    }
    if form == "json":
        _dump_json(summary, sys.stdout)
    elif not quiet and output != STDIN:
        if department is not None:
            low, high = department
            total = display(low) if low == high else f"{display(low)}–{display(high)}"
            grade = result.department_grade or "待定 undecided"
            standing = f"，部门 department {total} {grade}"
        else:
            standing = ""
        written = "、".join(path for path in (output, pdf_path) if path is not None)
        print(
            f"已写入 wrote {written}（{len(result.projects)} 个项目 projects{standing}；审核发现 "
            f"findings: {counts['error']} 错误 errors, {counts['warning']} 警告 warnings, "
            f"{counts['info']} 提示 infos）"
        )
    lint_errors = counts["error"] > 0
    return 1 if open_points or lint_errors else 0


# --- fmt -----------------------------------------------------------------------------------


def _read_only(path: str, mode: int) -> bool:
    # the mode bits too: root may write anywhere, but a file without write bits is read-only
    return not mode & 0o222 or not os.access(path, os.W_OK)


def _write_in_place(path: str, text: str, force: bool) -> None:
    """Write ``text`` into the file ``path`` (a real path, not a link), keeping its inode.

    Writing into the existing inode keeps hard links, the owner, the mode, ACLs and extended
    attributes (a rename would give every other link the old text and the file a new owner).
    The text is first written in full to a temporary file beside it: that fails early on an
    unwritable directory or a full disk without touching the file, and should the copy into
    the file fail half-way, the whole text is still there (the message names it).
    """
    directory, base = os.path.split(path)
    data = text.encode("utf-8")
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
    shown, data = _read(name, regular_only=not check)
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


def _fmt(
    names: Sequence[str], check: bool, force: bool, form: str, quiet: bool, out: TextIO
) -> int:
    """Rewrite each file in canonical form (or, with --check, only say which would change)."""
    if names.count(STDIN) > 1:
        raise InputError("标准输入只能读一次 / standard input can be read only once")
    if STDIN in names and not check and len(names) > 1:
        raise InputError("`fmt -` 只能单独使用 / `fmt -` takes no other file")
    status = 0
    results: list[dict[str, Any]] = []
    for name in names:
        try:
            result, shown = _fmt_one(name, check, force)
        except SpecError as error:
            status = max(status, 1)
            results.append(
                {
                    "file": name,
                    "status": "invalid",
                    "findings": [f.to_dict() for f in error.findings],
                }
            )
            if form == "text":
                print(error, file=sys.stderr)
            continue
        except InputError as error:
            status = 2
            results.append({"file": name, "status": "error", "message": str(error)})
            _error(str(error))
            continue
        results.append({"file": shown, "status": result})
        if result == "would_reformat":
            status = max(status, 1)
            if form == "text":
                print(f"{shown}: 需要格式化 would be reformatted", file=out)
        elif result == "reformatted" and form == "text" and not quiet:
            print(f"{shown}: 已格式化 reformatted", file=out)
    if form == "json":
        _dump_json(results, out)
    return status


# --- import / export -----------------------------------------------------------------------


def _import(
    names: Sequence[str],
    output: str | None,
    projects_only: bool,
    form: str,
    quiet: bool,
    *,
    include_hidden: bool = False,
) -> int:
    """Import files (a folder: every file in it); exit 2 when a file gave no spec or the
    output cannot be written, 1 for error or warning findings, else 0."""
    paths = list(files_in(names))
    if not paths:
        raise InputError("没有要导入的文件 / no file to import")
    several = len(paths) > 1 or any(os.path.isdir(name) for name in names)
    targets: dict[Path, Path] = {}
    if output is not None and several:  # the input tree mirrored, collisions refused
        targets = dict(mirrored(names, output))
    elif output is not None:
        refuse_inputs(output, paths)
    results: list[ImportedFile] = []
    status = 0
    for index, path in enumerate(paths, 1):
        if several and not quiet:
            print(f"[{index}/{len(paths)}] {path}", file=sys.stderr)
        try:
            result = read_file(path, include_hidden=include_hidden)
        except MissingExtraError as error:
            _error(f"{path}: {error}")
            status = 2
            continue
        results.append(result)
        if form == "text":
            for finding in result.findings:
                if not quiet or finding.severity is Severity.ERROR:
                    print(finding.render(), file=sys.stderr)
        if result.spec is None:
            status = 2
            continue
        if output is not None:
            target = targets[path] if several else Path(output)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                spec = Spec(projects=result.spec.projects) if projects_only else result.spec
                write(spec, target)  # checked above: no target is an input
            except OSError as error:
                _error(
                    f"{target.parent}: 无法创建目录 / cannot create the folder: {error.strerror}"
                )
                status = 2
            except ExportError as error:
                _error(f"{target}: {error}")
                status = 2
    summary = summarize(results)
    if form == "json":
        _dump_json(
            {
                "files": [
                    {
                        "file": str(result.imported.source),
                        "format": result.format,
                        "ok": result.imported.ok,
                        "findings": [f.to_dict() for f in result.findings],
                        **(
                            {"spec": to_data(result.spec)} if output is None and result.spec else {}
                        ),
                    }
                    for result in results
                ],
                "summary": summary.to_dict(),
            },
            sys.stdout,
        )
    else:
        if output is None and not several and results and results[0].spec is not None and not quiet:
            print(dumps(results[0].spec), end="", file=sys.stdout)
        if not quiet:
            print(summary.text(), file=sys.stderr)
    if status:
        return status
    bad = any(f.severity is not Severity.INFO for r in results for f in r.findings)
    return 1 if bad else 0


def _export_workbook(kind: str, path: str, write_it: Callable[[Path], None]) -> None:
    """Write a workbook for ``export --scored`` or ``--template`` (``.xlsx`` only)."""
    if Path(path).suffix.lower() != ".xlsx":
        raise InputError(f"{path}: {kind} 写成 .xlsx 工作簿 / {kind} writes an .xlsx workbook")
    try:
        write_it(Path(path))
    except (IndicatorkitError, MissingExtraError) as error:
        raise InputError(f"{path}: {error}") from None


def _export(
    name: str,
    actuals_name: str | None,
    *,
    output: str | None,
    scored: str | None,
    template: str | None,
    projects_only: bool,
    rules: str | None,
    form: str,
    quiet: bool,
) -> int:
    """Write a spec (any file read() accepts; ACTUALS merged onto it) to OUT in the format
    OUT's extension names; ``--scored``: the filled 自评表 workbook; ``--template``: the
    workbook a unit fills in.  Exit 1 for findings in reading or merging (and, scored, for
    open points, as ``score``)."""
    loaded = _load_spec_source(name, quiet=quiet)
    spec = loaded.spec
    actuals = None if actuals_name is None else _load_actuals(actuals_name)
    findings = [f for f in loaded.findings if f.severity is not Severity.INFO]
    open_points = False
    if scored is not None:
        result, open_points = _scored(spec, actuals, rules, quiet, loaded.shown)
        _export_workbook("--scored", scored, lambda path: write_self_assessment(result, path))
        written, projects = scored, len(result.projects)
    else:
        if actuals is not None:
            spec, merged = merge_actuals(spec, actuals, spec_file=loaded.shown)
            _say(merged, quiet)
            findings.extend(f for f in merged if f.severity is Severity.ERROR)
        if projects_only:
            spec = Spec(projects=spec.projects)
        if template is not None:
            _export_workbook("--template", template, lambda path: write_template(spec, path))
            written = template
        else:
            assert output is not None  # argparse requires one of -o, --scored, --template
            try:
                write(spec, output)
            except ExportError as error:
                raise InputError(f"{output}: {error}") from None
            written = output
        projects = len(spec.projects)
    if form == "json":
        _dump_json({"file": name, "output": written, "projects": projects}, sys.stdout)
    elif not quiet:
        print(f"{loaded.shown} → {written}：项目 projects {projects}", file=sys.stderr)
    return 1 if findings or open_points else 0


# --- the command line ----------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, but an argument starting with ``-`` and then anything other than a letter or
    another ``-`` (``-5%``, ``-0.5``, ``-５``) is an argument, never an option: targets may be
    negative.  argparse does this for plain negative numbers only (the pattern below replaces
    its own ``_negative_number_matcher``; the parser has no option that looks like one)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(r"^-[^-A-Za-z]")


class _VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS, help="显示版本 / show the version")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        sys.stdout.write(f"indicatorkit {version()}\n")
        parser.exit()


def _arguments() -> _Parser:
    parser = _Parser(
        prog="indicatorkit",
        description="预算绩效目标：解析与核对 / read and check performance targets. "
        "退出码 exit status: 0 通过 clean, 1 有问题 findings, 2 用法或输入错误 usage or input error",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="放宽或收紧一个输入上限（可重复；见 docs/architecture.md）/ change an input limit "
        f"(repeatable): {', '.join(Limits.names())}",
    )
    common = _Parser(add_help=False)
    common.add_argument(
        "--format", choices=("text", "json"), default="text", help="输出格式 / output format"
    )
    common.add_argument(
        "-o", "--output", metavar="FILE", help="报告写入文件 / write the report to FILE"
    )
    common.add_argument(
        "-q", "--quiet", action="store_true", help="只打印问题 / print problems only"
    )
    # verbs whose output is rows also speak CSV (带 BOM 写入文件，Excel 直接打开)
    rows = _Parser(add_help=False)
    rows.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="输出格式 / output format",
    )
    rows.add_argument(
        "-o", "--output", metavar="FILE", help="报告写入文件 / write the report to FILE"
    )
    rows.add_argument("-q", "--quiet", action="store_true", help="只打印问题 / print problems only")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser(
        "parse", parents=[rows], help="解析指标值 / parse target expressions"
    )
    parse.add_argument("texts", nargs="+", metavar="TEXT")
    parse.add_argument("--lenient", action="store_true", help="修复常见笔误并报告 / repair typos")
    check = commands.add_parser(
        "check", parents=[rows], help="核对实际完成值 / check actuals in a TSV or CSV file"
    )
    check.add_argument(
        "file",
        metavar="FILE",
        help="TSV/CSV 文件，或自评规格（规格文件、JSON、工作簿、Word、PDF），- 为标准输入 / a "
        "TSV/CSV file or a self-assessment spec (any file import reads); - reads stdin",
    )
    check.add_argument(
        "actuals",
        nargs="?",
        metavar="ACTUALS",
        help="合并到规格上的实际值文件（CSV、TSV 或工作簿）/ an actuals file merged onto the spec",
    )
    lint_command = commands.add_parser(
        "lint", parents=[rows], help="审核规格文件 / lint spec files"
    )
    lint_command.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="规格：任何可导入的文件 / specs: any file import reads",
    )
    score_command = commands.add_parser(
        "score", help="按评分规则给规格打分 / score a spec with its actuals"
    )
    score_command.add_argument(
        "file",
        metavar="SPEC",
        help="规格：规格文件、JSON、CSV 长表、工作簿、Word、PDF，- 为标准输入 / the spec: any file "
        "import reads; - reads stdin",
    )
    score_command.add_argument(
        "actuals",
        nargs="?",
        metavar="ACTUALS",
        help="实际值文件（CSV、TSV 或工作簿，含执行数、累计支出）/ an actuals file (CSV, TSV or "
        "a workbook, with 执行数 and 累计支出)",
    )
    score_command.add_argument(
        "--rules", metavar="NAME", help="评分规则（默认用规格写明的或全国规则）/ rule set"
    )
    score_command.add_argument(
        "--rescale",
        action="store_true",
        help="分值合计不是 100 时按百分制折算 / rescale totals whose weights do not sum to 100",
    )
    score_command.add_argument(
        "--format",
        choices=("text", "table", "json", "csv"),
        default="text",
        help="输出格式 / output format (table = text)",
    )
    score_command.add_argument(
        "-o", "--output", metavar="FILE", help="报告写入文件 / write the report to FILE"
    )
    score_command.add_argument(
        "-q", "--quiet", action="store_true", help="只看退出码 / exit status only"
    )
    score_command.add_argument(
        "--departments",
        action="store_true",
        help="SPEC 是规格文件夹或带“部门”列的长表：逐部门评分并排名 / SPEC is a folder of specs "
        "or a long table with a 部门 column: score and rank every department",
    )
    score_command.add_argument(
        "--parquet",
        metavar="FILE",
        help="与 --departments 同用：排名另写成 Parquet / with --departments: also write the "
        "ranking as Parquet",
    )
    audit_command = commands.add_parser(
        "audit", parents=[rows], help="审核印出的自评得分 / audit a published self-assessment"
    )
    audit_command.add_argument(
        "files", nargs="+", metavar="FILE", help="文件或目录（任何可导入的文件）/ files or folders"
    )
    audit_command.add_argument(
        "--rules",
        metavar="NAME",
        help="审核所依据的规则（默认全国规则）/ the rule set under review",
    )
    monitor_command = commands.add_parser(
        "monitor", parents=[common], help="运行监控 / monitoring at a date"
    )
    monitor_command.add_argument(
        "file",
        metavar="SPEC",
        help="规格：规格文件、JSON、CSV 长表、工作簿、Word、PDF，- 为标准输入 / the spec: any file "
        "import reads; - reads stdin",
    )
    monitor_command.add_argument(
        "actuals",
        nargs="?",
        metavar="ACTUALS",
        help="实际值文件（累计支出、指标的实际值；CSV、TSV 或工作簿）/ the actuals so far "
        "(累计支出 by checkpoint, indicators' actuals; CSV, TSV or a workbook)",
    )
    monitor_command.add_argument(
        "--at", required=True, metavar="YYYY-MM-DD", help="监控时点 / the date, e.g. 2025-06-30"
    )
    report = commands.add_parser(
        "report", help="HTML 自评报告（可打印 PDF）/ the scored report as HTML (and PDF)"
    )
    report.add_argument(
        "file",
        metavar="SPEC",
        help="规格：规格文件、JSON、CSV 长表、工作簿、Word、PDF，- 为标准输入 / the spec: any file "
        "import reads; - reads stdin",
    )
    report.add_argument(
        "actuals",
        nargs="?",
        metavar="ACTUALS",
        help="实际值文件（CSV、TSV 或工作簿）/ an actuals file (CSV, TSV or a workbook)",
    )
    report.add_argument("-o", "--output", metavar="FILE", help="HTML 报告 / the HTML file")
    report.add_argument(
        "--pdf",
        nargs="?",
        const="",
        metavar="FILE",
        help="也用 Chromium 打印 PDF；不给文件名时与 HTML 同名 / also print a PDF with Chromium "
        "(without FILE: beside the HTML)",
    )
    report.add_argument(
        "--rules", metavar="NAME", help="评分规则（默认用规格写明的或全国规则）/ rule set"
    )
    report.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="年度（默认取规格的）/ the year (default: the spec's)",
    )
    report.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="打印 PDF 的时限（默认 180 秒）/ seconds Chromium has to print the PDF (default 180)",
    )
    report.add_argument(
        "--no-findings",
        action="store_true",
        help="不附审核发现（报送用的干净版本）/ leave the findings' appendix out (a clean copy to file)",
    )
    report.add_argument(
        "--format", choices=("text", "json"), default="text", help="摘要的格式 / summary format"
    )
    report.add_argument("-q", "--quiet", action="store_true", help="只看退出码 / exit status only")
    formats = _Parser(add_help=False)
    formats.add_argument(
        "--format", choices=("text", "json"), default="text", help="输出格式 / output format"
    )
    formats.add_argument(
        "-q", "--quiet", action="store_true", help="只打印错误 / print errors only"
    )
    import_command = commands.add_parser(
        "import",
        parents=[formats],
        help="导入 Word、PDF、CSV、文档文本、JSON、规格文件 / import documents and tables",
    )
    import_command.add_argument(
        "files", nargs="+", metavar="FILE", help="文件或目录 / files or folders"
    )
    import_command.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="写出规格（按扩展名：.ikspec .json .csv .xlsx）；多个文件时为目录 / write the spec "
        "(format by extension); a folder for several files",
    )
    import_command.add_argument(
        "--projects-only",
        action="store_true",
        help="只写出项目（CSV 长表放不下部门）/ write the projects only (a CSV long table has no department)",
    )
    import_command.add_argument(
        "--include-hidden",
        action="store_true",
        help="也读入工作簿中隐藏的行和工作表 / also read a workbook's hidden rows and sheets",
    )
    export_command = commands.add_parser(
        "export", parents=[formats], help="导出规格 / export a spec (.ikspec .json .csv .xlsx)"
    )
    export_command.add_argument(
        "file", metavar="SPEC", help="规格：任何可导入的文件 / the spec: any file import reads"
    )
    export_command.add_argument(
        "actuals",
        nargs="?",
        metavar="ACTUALS",
        help="合并到规格上的实际值文件 / an actuals file merged onto the spec",
    )
    written = export_command.add_mutually_exclusive_group(required=True)
    written.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="输出文件（按扩展名：.ikspec .json .csv .xlsx）/ the output file (by extension)",
    )
    written.add_argument(
        "--scored",
        metavar="OUT.xlsx",
        help="打分后写成填好的自评表工作簿 / the scored, filled 自评表 workbook",
    )
    written.add_argument(
        "--template",
        metavar="OUT.xlsx",
        help="单位填报用的工作簿：指标值锁定，实际完成值、偏差原因、执行数待填 / the workbook a "
        "unit fills in (targets locked)",
    )
    export_command.add_argument(
        "--rules", metavar="NAME", help="--scored 的评分规则 / the rule set for --scored"
    )
    export_command.add_argument(
        "--projects-only",
        action="store_true",
        help="只导出项目（CSV 长表放不下部门）/ projects only (a CSV long table has no department)",
    )
    fmt = commands.add_parser("fmt", parents=[common], help="格式化规格文件 / format spec files")
    fmt.add_argument(
        "files", nargs="+", metavar="FILE", help="- 读标准输入、写标准输出 / - : stdin to stdout"
    )
    fmt.add_argument("--check", action="store_true", help="只检查不改写 / check only")
    fmt.add_argument(
        "--force", action="store_true", help="也改写只读文件 / rewrite read-only files too"
    )
    completion = commands.add_parser(
        "completion", help="打印 shell 补全脚本 / print a shell completion script"
    )
    completion.add_argument("shell", choices=SHELLS)
    completion.set_defaults(format="text", quiet=False)
    return add_examples(parser)


@contextmanager
def _report(output: str | None, *, bom: bool = False) -> Iterator[TextIO]:
    """Where a verb writes its report: standard output, or ``output`` written whole when the
    verb ends (a failed run leaves an earlier report as it was)."""
    if output is None:
        yield sys.stdout
        return
    with opened(output, encoding="utf-8-sig" if bom else "utf-8") as handle:
        yield handle


def _inputs(arguments: argparse.Namespace) -> list[str]:
    """The files a verb reads (an output may be none of them)."""
    names = [getattr(arguments, "file", None), getattr(arguments, "actuals", None)]
    if arguments.command != "parse":
        names.extend(getattr(arguments, "files", None) or ())
    return [name for name in names if name is not None and name != STDIN]


def _run(argv: Sequence[str] | None) -> int:
    try:
        arguments = _arguments().parse_args(argv)
    except SystemExit as exit_:  # --help, --version, usage errors (2)
        return exit_.code if isinstance(exit_.code, int) else 2
    form, quiet = arguments.format, arguments.quiet
    limits = DEFAULT_LIMITS
    try:
        for text in arguments.limit:
            limits = parse_limit(text, limits)
    except ValueError as error:
        _error(f"--limit: {error}")
        return 2
    shown = None if quiet else terminal(sys.stderr)  # a long read's progress, on a terminal only
    try:
        with using(limits), reporting(shown):
            return _dispatch(arguments, form, quiet)
    finally:
        if shown is not None:
            shown.close()


def _dispatch(arguments: argparse.Namespace, form: str, quiet: bool) -> int:
    """Run the verb ``arguments`` name; an input or output error is exit 2."""
    if arguments.command == "completion":
        print(completion_script(arguments.shell, _arguments()), end="")
        return 0
    try:
        for output in ("output", "scored", "template", "parquet"):  # before anything is opened
            if getattr(arguments, output, None) is not None:
                refuse_inputs(getattr(arguments, output), _inputs(arguments))
        if arguments.command == "fmt" and STDIN in arguments.files and not arguments.check:
            if form == "json" or arguments.output:
                raise InputError(
                    "`fmt -` 把文本写到标准输出，不能同时用 --format json 或 --output / `fmt -` "
                    "writes the text to standard output: no --format json, no --output"
                )
        if arguments.command == "report":  # -o is the page, not a text report
            return _report_verb(
                arguments.file,
                arguments.actuals,
                rules=arguments.rules,
                output=arguments.output,
                pdf=arguments.pdf,
                year=arguments.year,
                with_findings=not arguments.no_findings,
                form=form,
                quiet=quiet,
                timeout=arguments.timeout,
            )
        if arguments.command == "import":
            return _import(
                arguments.files,
                arguments.output,
                arguments.projects_only,
                form,
                quiet,
                include_hidden=arguments.include_hidden,
            )
        if arguments.command == "export":
            return _export(
                arguments.file,
                arguments.actuals,
                output=arguments.output,
                scored=arguments.scored,
                template=arguments.template,
                projects_only=arguments.projects_only,
                rules=arguments.rules,
                form=form,
                quiet=quiet,
            )
        csv_out = form == "csv"
        with _report(arguments.output, bom=csv_out) as out:
            if arguments.command == "parse":
                return _parse(arguments.texts, arguments.lenient, form, quiet, out)
            if arguments.command == "check":
                return _check(arguments.file, arguments.actuals, form, quiet, out)
            if arguments.command == "lint":
                return _lint(arguments.files, form, quiet, out)
            if arguments.command == "audit":
                return _audit(arguments.files, arguments.rules, form, quiet, out)
            if arguments.command == "monitor":
                return _monitor(arguments.file, arguments.actuals, arguments.at, form, quiet, out)
            if arguments.command == "score" and arguments.departments:
                if arguments.actuals is not None:
                    raise InputError(
                        "--departments 不带实际值文件：实际值写在各部门的规格或长表里 / "
                        "--departments takes no ACTUALS: give the actuals in the specs or table"
                    )
                return _score_departments(
                    arguments.file,
                    arguments.rules,
                    form,
                    quiet,
                    out,
                    arguments.rescale,
                    arguments.parquet,
                )
            if arguments.command == "score" and arguments.parquet is not None:
                raise InputError(
                    "--parquet 只与 --departments 同用 / --parquet needs --departments"
                )
            if arguments.command == "score":
                return _score(
                    arguments.file,
                    arguments.actuals,
                    arguments.rules,
                    form,
                    quiet,
                    out,
                    arguments.rescale,
                )
            return _fmt(arguments.files, arguments.check, arguments.force, form, quiet, out)
    except (InputError, OutputError, InputLimitError) as error:
        _error(str(error))
        return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 clean, 1 findings, 2 usage or input error).

    >>> main(["parse", "不少于两百件"])  # doctest: +NORMALIZE_WHITESPACE
    不少于两百件	≥200件	Comparison
    0
    >>> main(["parse", "≥5人天", "--quiet", "--format", "json"])  # doctest: +ELLIPSIS
    [
      {
        "text": "≥5人天",
        "ok": false,
        "error": "UnknownUnitError",
        ...
    1
    """
    try:
        status = _run(argv)
        sys.stdout.flush()  # a write error shows here, not after the exit status is chosen
        return status
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except KeyboardInterrupt:
        print("\nindicatorkit: 已中断 / interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # e.g. standard output on a full disk: an I/O error, not a bug
        where = f"{error.filename}: " if error.filename else ""
        _error(f"{where}输入输出错误 / I/O error: {error.strerror or error}")
        return 2
    except Exception as error:  # a bug: a short message, never a traceback
        if os.environ.get("INDICATORKIT_TRACEBACK"):
            traceback.print_exc()
        print(
            f"indicatorkit: 内部错误 / internal error: {type(error).__name__}: {error}\n"
            + REPORT_BUGS.format(issues=_issues_url()),
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
