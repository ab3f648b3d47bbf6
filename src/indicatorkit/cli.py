"""The ``indicatorkit`` command: a thin shell over the library (reading files, printing).

indicatorkit parse "≥95%" "不少于两百件" [--lenient]
indicatorkit check examples/seed_actuals.tsv
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from indicatorkit.errors import IndicatorkitError
from indicatorkit.numerals import format_decimal
from indicatorkit.parsing import parse_target

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
            attainment = result.attainment
        except IndicatorkitError as error:
            counts["failed"] += 1
            print(f"{path}:{number}: {type(error).__name__}\n{error}", file=sys.stderr)
            continue
        counts[_VERDICT[result.met]] += 1
        ratio = "" if attainment is None else f"{format_decimal(round(attainment * 100, 2))}%"
        label = " / ".join(labels)
        print(f"{number}\t{label}\t{result.target}\t{actual}\t{_VERDICT[result.met]}\t{ratio}")
    summary = "，".join(f"{key} {value}" for key, value in sorted(counts.items()))
    print(f"合计 total: {summary}")
    return 1 if counts["failed"] else 0


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
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "parse":
            return _parse(arguments.texts, arguments.lenient)
        return _check(arguments.file)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
