"""``indicatorkit check``: check every row of an actuals table (TSV/CSV), or every actual of
a self-assessment spec (any file :func:`indicatorkit.read` accepts), against its target
(核对实际完成值); exit 1 when a row cannot be checked.

>>> import pathlib, sys, tempfile
>>> from indicatorkit.cli.parser import build_parser
>>> table = pathlib.Path(tempfile.mkdtemp(), "核对.tsv")
>>> _ = table.write_text("指标\\t指标值\\t实际值\\n受理数\\t≥200件\\t210件\\n", encoding="utf-8")
>>> run(build_parser().parse_args(["check", str(table), "-q"]), sys.stdout)
0
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from indicatorkit.cli.messages import InputError, refused
from indicatorkit.cli.output import dump_csv, dump_json
from indicatorkit.cli.sources import SPEC_SUFFIX, STDIN, load_actuals, loaded_spec, read_named
from indicatorkit.formats.checked_file import read_checked
from indicatorkit.formats.files import ImportedFile
from indicatorkit.model.actuals import ActualRow, merge_actuals
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.scoring.checking import CheckedRow, check_actuals, spec_rows
from indicatorkit.scoring.indicator import Outcome, display_percent
from indicatorkit.scoring.score_data import ratio_data
from indicatorkit.units import UnitRegistry

__all__ = ["run"]

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
_COLUMNS = (
    "行 line",
    "指标 indicator",
    "指标值 target",
    "实际值 actual",
    "结果 result",
    "完成率 attainment",
)
_Items = list[ActualRow | Finding]


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``check`` with its parsed ``arguments``, the report to ``out``.

    >>> import pathlib, tempfile
    >>> from indicatorkit.cli.parser import build_parser
    >>> spec = pathlib.Path(tempfile.mkdtemp(), "自评.ikspec")
    >>> _ = spec.write_text("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n", encoding="utf-8")
    >>> run(build_parser().parse_args(["check", str(spec), "--format", "csv"]), sys.stdout)
    行 line,指标 indicator,指标值 target,实际值 actual,结果 result,完成率 attainment
    4,甲 / 受理数,≥200件,150件,未达成 missed,75.00%
    0
    """
    return _check(arguments.file, arguments.actuals, arguments.format, arguments.quiet, out)


def _spec_items(
    checked: ImportedFile, read: tuple[str, bytes], actuals_name: str | None, quiet: bool
) -> tuple[_Items, UnitRegistry | None]:
    """The rows to check in a self-assessment spec (its actuals, or an actuals file's merged
    onto it), with the merge's findings first; a spec with nothing to check is an input error."""
    loaded = loaded_spec(checked, *read, quiet=quiet, listed=False)
    spec, shown = loaded.spec, loaded.shown
    # what reading found is printed once, with the rows (and in --format json's findings)
    merged: _Items = [f for f in loaded.findings if f.severity is not Severity.INFO]
    if actuals_name is not None:
        spec, found = merge_actuals(spec, load_actuals(actuals_name), spec_file=shown)
        merged.extend(found)
    rows = list(spec_rows(spec))
    if not rows:
        raise InputError(
            f"{shown}: 规格中没有可核对的实际值（写上“实际值”，或给出实际值文件）/ the spec has no "
            "actuals to check (write 实际值, or give an actuals file)"
        )
    return [*merged, *rows], spec.units


def _items(
    name: str, actuals_name: str | None, read: tuple[str, bytes], quiet: bool
) -> tuple[_Items, UnitRegistry | None]:
    """What to check, as the library tells it (:func:`read_checked`): a spec's actuals, else
    the rows of a table; a table that cannot be checked is an input error."""
    shown, data = read
    with refused(shown, "无法核对 / cannot be checked"):
        checked = read_checked(
            data,
            source=shown,
            path=None if name == STDIN else name,
            with_actuals=actuals_name is not None,
        )
    if checked.imported is not None:
        return _spec_items(checked.imported, read, actuals_name, quiet)
    if actuals_name is not None:
        raise InputError(
            f"{actuals_name}: 实际值文件只能与规格文件一起使用（{SPEC_SUFFIX}、JSON、工作簿、Word、PDF）"
            f"/ an actuals file goes with a spec file ({SPEC_SUFFIX}, JSON, a workbook, Word, PDF)"
        )
    table = checked.table
    return ([*table.findings, *table.rows] if table is not None else []), None


def _cells(item: CheckedRow, verdict: str) -> tuple[object, ...]:
    """A checked row under the columns of the text and CSV forms."""
    row = item.row
    return (
        row.place,
        " / ".join(row.labels),
        item.result.target,
        row.actual,
        verdict,
        display_percent(item.attainment),
    )


def _record(item: CheckedRow, file: str, outcome: Outcome | None) -> dict[str, Any]:
    """A checked row as ``--format json`` gives it."""
    row = item.row
    return {
        "file": file,
        "sheet": row.sheet,
        "line": row.line,
        "labels": list(row.labels),
        "target": str(item.result.target),
        "actual": row.actual,
        "met": item.result.met,
        "outcome": None if outcome is None else outcome.value,
        **ratio_data("attainment", item.attainment),
    }


def _check(name: str, actuals_name: str | None, form: str, quiet: bool, out: TextIO) -> int:
    read = read_named(name)
    checked_file = read[0]
    items, units = _items(name, actuals_name, read, quiet)
    totals = dict.fromkeys(_TOTALS, 0)
    rows: list[dict[str, Any]] = []
    table: list[tuple[object, ...]] = []
    findings: list[Finding] = []
    if form == "text" and not quiet:
        print("\t".join(_COLUMNS), file=out)
    for item in check_actuals(items, file=checked_file, units=units):
        if isinstance(item, Finding):
            totals["problems"] += item.severity is Severity.ERROR
            findings.append(item)
            if form != "json":
                print(item.render(), file=sys.stderr)
            continue
        outcome = Outcome.of_check(item.result)
        totals["ungraded" if outcome is None else _OUTCOME_KEYS[outcome]] += 1
        table.append(_cells(item, _UNGRADED if outcome is None else outcome.label))
        rows.append(_record(item, checked_file, outcome))
        if form == "text" and not quiet:
            print("\t".join(str(cell) for cell in table[-1]), file=out)
    if form == "json":
        dump_json(
            {"rows": rows, "findings": [f.to_dict() for f in findings], "totals": totals}, out
        )
    elif form == "csv":
        dump_csv(_COLUMNS, table, out)
    elif not quiet:
        summary = "，".join(f"{_TOTALS[key]} {value}" for key, value in totals.items())
        print(f"合计 total: {summary}", file=out)
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0
