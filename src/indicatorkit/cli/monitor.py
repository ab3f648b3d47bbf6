"""``indicatorkit monitor``: monitoring at a date (运行监控), with the actuals so far merged
(累计支出 checkpoints and the indicators' actuals); exit 1 when any light is red or reading or
merging found errors.

>>> import sys
>>> from indicatorkit.cli.parser import build_parser
>>> run(build_parser().parse_args(["monitor", "目标.ikspec", "--at", "6月底"]), sys.stdout)
Traceback (most recent call last):
  ...
indicatorkit.cli.messages.InputError: --at 6月底: 日期应写作 YYYY-MM-DD，例如 2025-06-30 / a date as YYYY-MM-DD
"""

from __future__ import annotations

import argparse
import datetime
from typing import TextIO

from indicatorkit.cli.messages import InputError, say_findings
from indicatorkit.cli.output import dump_json
from indicatorkit.cli.sources import load_actuals, load_spec_source
from indicatorkit.model.findings import Severity
from indicatorkit.scoring.monitoring import monitor

__all__ = ["run"]


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``monitor`` with its parsed ``arguments``, the report to ``out``.

    >>> import pathlib, sys, tempfile
    >>> from indicatorkit.cli.parser import build_parser
    >>> spec = pathlib.Path(tempfile.mkdtemp(), "目标.ikspec")
    >>> _ = spec.write_text("项目 1 甲\\n  预算：10000元\\n  支出计划：6月底 50%\\n  累计支出：6月底 45%\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n", encoding="utf-8")
    >>> run(build_parser().parse_args(["monitor", str(spec), "--at", "2025-06-30"]), sys.stdout)
    监控时点 as at 2025-06-30
    项目 project 1 甲: 计划 planned 50.00%（支出计划 plan），实际 spent 45.00%，黄 yellow
      受理数: 灰 grey 尚无实际值 no actual yet
    0
    """
    try:
        day = datetime.date.fromisoformat(arguments.at)
    except ValueError:
        raise InputError(
            f"--at {arguments.at}: 日期应写作 YYYY-MM-DD，例如 2025-06-30 / a date as YYYY-MM-DD"
        ) from None
    return _monitor(arguments.file, arguments.actuals, day, arguments.format, arguments.quiet, out)


def _monitor(
    name: str, actuals_name: str | None, day: datetime.date, form: str, quiet: bool, out: TextIO
) -> int:
    loaded = load_spec_source(name, quiet=quiet)
    actuals = None if actuals_name is None else load_actuals(actuals_name)
    report = monitor(loaded.spec, day, actuals=actuals)
    say_findings(report.findings, quiet)
    errors = loaded.errors or any(f.severity is Severity.ERROR for f in report.findings)
    if form == "json":
        dump_json(report.to_dict(), out)
    elif not quiet:
        print(report.table(), file=out)
    return 1 if report.behind or errors else 0
