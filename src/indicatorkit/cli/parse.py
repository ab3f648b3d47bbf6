"""``indicatorkit parse``: read target texts and print what each means (解析指标值), its
lenient repairs with ``--lenient``; exit 1 when a text cannot be read.

>>> import sys
>>> from indicatorkit.cli.parser import build_parser
>>> run(build_parser().parse_args(["parse", "≥95%%", "--lenient"]), sys.stdout)  # doctest: +NORMALIZE_WHITESPACE
≥95%%	≥95%	Comparison
  T005 第4列: 重复的百分号只保留一个 / doubled '%' kept once
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from indicatorkit.cli.output import dump_csv, dump_json
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.parse import parse_target

__all__ = ["run"]

_COLUMNS = ("指标值 text", "规范文本 target", "类别 kind", "诊断 diagnostics", "错误 error")


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``parse`` with its parsed ``arguments``, the report to ``out``.

    >>> from indicatorkit.cli.parser import build_parser
    >>> run(build_parser().parse_args(["parse", "不少于两百件", "--format", "csv"]), sys.stdout)
    指标值 text,规范文本 target,类别 kind,诊断 diagnostics,错误 error
    不少于两百件,≥200件,Comparison,,
    0
    """
    return _parse(arguments.texts, arguments.lenient, arguments.format, arguments.quiet, out)


def _record(text: str, lenient: bool) -> dict[str, Any]:
    """What ``text`` reads to, as the JSON record (``ok`` false with the error's name and
    message when it cannot be read)."""
    try:
        if lenient:
            result = parse_target(text, lenient=True)
            target, diagnostics = result.target, result.diagnostics
        else:
            target, diagnostics = parse_target(text), ()
    except IndicatorkitError as error:
        return {"text": text, "ok": False, "error": type(error).__name__, "message": str(error)}
    return {
        "text": text,
        "ok": True,
        "target": str(target),
        "kind": type(target).__name__,
        "diagnostics": [
            {"code": d.code, "column": d.position + 1, "message": d.message} for d in diagnostics
        ],
    }


def _said(record: dict[str, Any], form: str, quiet: bool, out: TextIO) -> None:
    """Print one text's reading (text form) or its error (to stderr, unless JSON)."""
    if not record["ok"]:
        if form != "json":
            print(
                f"{record['text']}\t错误 error: {record['error']}\n{record['message']}",
                file=sys.stderr,
            )
        return
    if form == "text" and not quiet:
        print(f"{record['text']}\t{record['target']}\t{record['kind']}", file=out)
        for diagnostic in record["diagnostics"]:
            print(
                f"  {diagnostic['code']} 第{diagnostic['column']}列: {diagnostic['message']}",
                file=out,
            )


def _row(record: dict[str, Any]) -> tuple[object, ...]:
    diagnostics = "；".join(
        f"{d['code']} 第{d['column']}列: {d['message']}" for d in record.get("diagnostics", ())
    )
    return (
        record["text"],
        record.get("target"),
        record.get("kind"),
        diagnostics,
        record.get("message"),
    )


def _parse(texts: Sequence[str], lenient: bool, form: str, quiet: bool, out: TextIO) -> int:
    records = []
    for text in texts:
        records.append(_record(text, lenient))
        _said(records[-1], form, quiet, out)
    if form == "json":
        dump_json(records, out)
    elif form == "csv":
        dump_csv(_COLUMNS, (_row(record) for record in records), out)
    return 0 if all(record["ok"] for record in records) else 1
