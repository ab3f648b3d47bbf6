"""The ``indicatorkit`` command: a thin shell over the library (reading files, printing).

indicatorkit parse "≥95%" "不少于两百件" [--lenient]
indicatorkit check examples/seed_actuals.tsv
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.ikspec.reader import load
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.language.parse import parse_target
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.lint import lint
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.attainment import attainment

__all__ = ["main"]


def _parse(texts: Sequence[str], lenient: bool) -> int:
    failures = 0
    for text in texts:
        try:
            if lenient:
                result = parse_target(text, lenient=True)
                target, diagnostics = result.target, result.diagnostics
            else:
                target, diagnostics = parse_target(text), ()
        except IndicatorkitError as error:
            failures += 1
            print(f"{text}\t错误 error: {type(error).__name__}\n{error}", file=sys.stderr)
            continue
        print(f"{text}\t{target}\t{type(target).__name__}")
        for diagnostic in diagnostics:
            print(f"  {diagnostic.code} 第{diagnostic.position + 1}列: {diagnostic.message}")
    return 1 if failures else 0


_VERDICT = {True: "达成 met", False: "未达成 missed", None: "待评定 ungraded"}


def _check(path: Path) -> int:
    """Check every ``… <TAB> target <TAB> actual`` line of a TSV file (``#`` lines skipped)."""
    counts: Counter[str] = Counter()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        print(f"{path}: 无法读取 cannot read: {error}", file=sys.stderr)
        return 2
    print("行 line\t指标 indicator\t指标值 target\t实际值 actual\t结果 result\t完成率 attainment")
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            counts["failed"] += 1
            print(
                f"{path}:{number}: 至少需要“指标值<TAB>实际值”两列 (need target and actual columns)",
                file=sys.stderr,
            )
            continue
        *labels, target_text, actual = cells
        try:
            result = parse_target(target_text).check(actual)
            ratio_of = attainment(result)
        except IndicatorkitError as error:
            counts["failed"] += 1
            print(f"{path}:{number}: {type(error).__name__}\n{error}", file=sys.stderr)
            continue
        counts[_VERDICT[result.met]] += 1
        ratio = "" if ratio_of is None else f"{format_decimal(round(ratio_of * 100, 2))}%"
        label = " / ".join(labels)
        print(f"{number}\t{label}\t{result.target}\t{actual}\t{_VERDICT[result.met]}\t{ratio}")
    summary = "，".join(f"{key} {value}" for key, value in sorted(counts.items()))
    print(f"合计 total: {summary}")
    return 1 if counts["failed"] else 0


def _lint(paths: Sequence[Path], output: str) -> int:
    """Load and lint each file; exit 1 when any error (a load error or an error finding)."""
    findings: list[Finding] = []
    for path in paths:
        try:
            spec = load(path)
        except SpecError as error:
            findings.extend(error.findings)
            continue
        source = path.read_bytes().decode("utf-8")
        findings.extend(lint(spec, file=str(path), source=source))
    if output == "json":
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding.render())
        counts = {s: sum(f.severity is s for f in findings) for s in Severity}
        print(
            f"{len(paths)} 个文件 files: {counts[Severity.ERROR]} 错误 errors, "
            f"{counts[Severity.WARNING]} 警告 warnings, {counts[Severity.INFO]} 提示 infos"
        )
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _fmt(paths: Sequence[Path], check: bool) -> int:
    """Rewrite each file in canonical form (or, with --check, only say which would change)."""
    status = 0
    for path in paths:
        try:
            spec = load(path)
        except SpecError as error:
            print(error, file=sys.stderr)
            status = 1
            continue
        before = path.read_bytes().decode("utf-8")  # as stored: CRLF is not canonical
        after = dumps(spec)
        if before == after:
            continue
        if check:
            print(f"{path}: 需要格式化 would be reformatted")
            status = 1
            continue
        # write beside the file and rename, so that a failure never leaves half a file
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(after)
        os.chmod(temporary, path.stat().st_mode)
        os.replace(temporary, path)
        print(f"{path}: 已格式化 reformatted")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="indicatorkit",
        description="预算绩效目标：解析与核对 / read and check performance targets",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="解析指标值 / parse target expressions")
    parse.add_argument("texts", nargs="+", metavar="TEXT")
    parse.add_argument("--lenient", action="store_true", help="修复常见笔误并报告 / repair typos")
    check = commands.add_parser("check", help="核对实际完成值 / check actuals in a TSV file")
    check.add_argument("file", type=Path)
    lint_command = commands.add_parser("lint", help="审核规格文件 / lint spec files")
    lint_command.add_argument("files", nargs="+", type=Path, metavar="FILE")
    lint_command.add_argument("--format", choices=("text", "json"), default="text")
    fmt = commands.add_parser("fmt", help="格式化规格文件 / format spec files")
    fmt.add_argument("files", nargs="+", type=Path, metavar="FILE")
    fmt.add_argument("--check", action="store_true", help="只检查不改写 / check only")
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "parse":
            return _parse(arguments.texts, arguments.lenient)
        if arguments.command == "lint":
            return _lint(arguments.files, arguments.format)
        if arguments.command == "fmt":
            return _fmt(arguments.files, arguments.check)
        return _check(arguments.file)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
