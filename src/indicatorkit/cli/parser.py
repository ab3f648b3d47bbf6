"""The command line's arguments (命令行参数): every verb, its arguments and options, the
options verbs share (``--format``, ``-o``, ``-q``), and the examples and completion that
:mod:`indicatorkit.cli_help` adds from the parser itself.

>>> arguments = build_parser().parse_args(["score", "目标.ikspec", "--format", "csv"])
>>> arguments.command, arguments.file, arguments.actuals, arguments.format
('score', '目标.ikspec', None, 'csv')
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from indicatorkit.cli_help import SHELLS, add_examples
from indicatorkit.distribution import version
from indicatorkit.formats.limits import Limits

__all__ = ["VerbParser", "build_parser"]

_SPEC_HELP = (
    "规格：规格文件、JSON、CSV 长表、工作簿、Word、PDF，- 为标准输入 / the spec: any file "
    "import reads; - reads stdin"
)
_RULES_HELP = "评分规则（默认用规格写明的或全国规则）/ rule set"
_REPORT_HELP = "报告写入文件 / write the report to FILE"
_EXIT_STATUS_ONLY = "只看退出码 / exit status only"
_FORMAT_HELP = "输出格式 / output format"


class VerbParser(argparse.ArgumentParser):
    """argparse, but an argument starting with ``-`` and then anything other than a letter or
    another ``-`` (``-5%``, ``-0.5``, ``-５``) is an argument, never an option: targets may be
    negative.  argparse does this for plain negative numbers only (the pattern below replaces
    its own ``_negative_number_matcher``; the parser has no option that looks like one).

    >>> parser = VerbParser()
    >>> _ = parser.add_argument("texts", nargs="+")
    >>> parser.parse_args(["-5%", "-５"]).texts
    ['-5%', '-５']
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(r"^-[^-A-Za-z]")


if TYPE_CHECKING:  # what ``add_subparsers`` returns: the verbs' ``add_parser``
    _Verbs = argparse._SubParsersAction[VerbParser]


class _VersionAction(argparse.Action):
    """``--version``: the version is looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS, help="显示版本 / show the version")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        sys.stdout.write(f"indicatorkit {version()}\n")
        parser.exit()


def _shared(
    forms: tuple[str, ...],
    *,
    output: str | None = _REPORT_HELP,
    quiet: str = "只打印问题 / print problems only",
) -> VerbParser:
    """The options verbs share: ``--format`` (``forms``), ``-o`` (its help; ``None``: no
    ``-o``) and ``-q``."""
    parent = VerbParser(add_help=False)
    _options(parent, forms, _FORMAT_HELP, output, quiet)
    return parent


def _options(
    command: argparse.ArgumentParser,
    forms: tuple[str, ...],
    form_help: str,
    output: str | None,
    quiet: str,
) -> None:
    command.add_argument("--format", choices=forms, default="text", help=form_help)
    if output is not None:
        command.add_argument("-o", "--output", metavar="FILE", help=output)
    command.add_argument("-q", "--quiet", action="store_true", help=quiet)


def _spec_and_actuals(
    command: argparse.ArgumentParser,
    actuals: str,
    *,
    spec: str = _SPEC_HELP,
    metavar: str = "SPEC",
) -> None:
    """The spec (any file ``import`` reads) and an optional actuals file merged onto it."""
    command.add_argument("file", metavar=metavar, help=spec)
    command.add_argument("actuals", nargs="?", metavar="ACTUALS", help=actuals)


def _flag(command: argparse.ArgumentParser, name: str, help: str) -> None:
    command.add_argument(name, action="store_true", help=help)


def _files(command: argparse.ArgumentParser, help: str) -> None:
    command.add_argument("files", nargs="+", metavar="FILE", help=help)


def _reading_verbs(commands: _Verbs, rows: VerbParser) -> None:
    """``parse``, ``check`` and ``lint``: their output is rows (text, JSON or CSV)."""
    parse = commands.add_parser(
        "parse", parents=[rows], help="解析指标值 / parse target expressions"
    )
    parse.add_argument("texts", nargs="+", metavar="TEXT")
    _flag(parse, "--lenient", "修复常见笔误并报告 / repair typos")
    check = commands.add_parser(
        "check", parents=[rows], help="核对实际完成值 / check actuals in a TSV or CSV file"
    )
    _spec_and_actuals(
        check,
        "合并到规格上的实际值文件（CSV、TSV 或工作簿）/ an actuals file merged onto the spec",
        spec="TSV/CSV 文件，或自评规格（规格文件、JSON、工作簿、Word、PDF），- 为标准输入 / a "
        "TSV/CSV file or a self-assessment spec (any file import reads); - reads stdin",
        metavar="FILE",
    )
    lint = commands.add_parser("lint", parents=[rows], help="审核规格文件 / lint spec files")
    _files(lint, "规格：任何可导入的文件 / specs: any file import reads")


def _score_verb(commands: _Verbs) -> None:
    score = commands.add_parser(
        "score", help="按评分规则给规格打分 / score a spec with its actuals"
    )
    _spec_and_actuals(
        score,
        "实际值文件（CSV、TSV 或工作簿，含执行数、累计支出）/ an actuals file (CSV, TSV or "
        "a workbook, with 执行数 and 累计支出)",
    )
    score.add_argument("--rules", metavar="NAME", help=_RULES_HELP)
    _flag(
        score,
        "--rescale",
        "分值合计不是 100 时按百分制折算 / rescale totals whose weights do not sum to 100",
    )
    _options(
        score,
        ("text", "table", "json", "csv"),
        "输出格式 / output format (table = text)",
        _REPORT_HELP,
        _EXIT_STATUS_ONLY,
    )
    _flag(
        score,
        "--departments",
        "SPEC 是规格文件夹或带“部门”列的长表：逐部门评分并排名 / SPEC is a folder of specs "
        "or a long table with a 部门 column: score and rank every department",
    )
    score.add_argument(
        "--parquet",
        metavar="FILE",
        help="与 --departments 同用：排名另写成 Parquet / with --departments: also write the "
        "ranking as Parquet",
    )


def _review_verbs(commands: _Verbs, rows: VerbParser, common: VerbParser) -> None:
    """``audit`` (the printed scores) and ``monitor`` (the year so far)."""
    audit = commands.add_parser(
        "audit", parents=[rows], help="审核印出的自评得分 / audit a published self-assessment"
    )
    _files(audit, "文件或目录（任何可导入的文件）/ files or folders")
    audit.add_argument(
        "--rules",
        metavar="NAME",
        help="审核所依据的规则（默认全国规则）/ the rule set under review",
    )
    monitor = commands.add_parser(
        "monitor", parents=[common], help="运行监控 / monitoring at a date"
    )
    _spec_and_actuals(
        monitor,
        "实际值文件（累计支出、指标的实际值；CSV、TSV 或工作簿）/ the actuals so far "
        "(累计支出 by checkpoint, indicators' actuals; CSV, TSV or a workbook)",
    )
    monitor.add_argument(
        "--at", required=True, metavar="YYYY-MM-DD", help="监控时点 / the date, e.g. 2025-06-30"
    )


def _report_verb(commands: _Verbs) -> None:
    report = commands.add_parser(
        "report", help="HTML 自评报告（可打印 PDF）/ the scored report as HTML (and PDF)"
    )
    _spec_and_actuals(
        report, "实际值文件（CSV、TSV 或工作簿）/ an actuals file (CSV, TSV or a workbook)"
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
    report.add_argument("--rules", metavar="NAME", help=_RULES_HELP)
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
    _flag(
        report,
        "--departments",
        "SPEC 是规格文件夹或带“部门”列的长表：局汇总页 / SPEC is a folder of specs or a long "
        "table with a 部门 column: the bureau page (summary, ranking, each department)",
    )
    _flag(
        report,
        "--no-findings",
        "不附审核发现（报送用的干净版本）/ leave the findings' appendix out (a clean copy to file)",
    )
    _options(report, ("text", "json"), "摘要的格式 / summary format", None, _EXIT_STATUS_ONLY)


def _transfer_verbs(commands: _Verbs) -> None:
    """``import`` and ``export``: they write specs, so ``-o`` is theirs."""
    formats = _shared(("text", "json"), output=None, quiet="只打印错误 / print errors only")
    imports = commands.add_parser(
        "import",
        parents=[formats],
        help="导入 Word、PDF、CSV、文档文本、JSON、规格文件 / import documents and tables",
    )
    _files(imports, "文件或目录 / files or folders")
    imports.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="写出规格（按扩展名：.ikspec .json .csv .xlsx）；多个文件时为目录 / write the spec "
        "(format by extension); a folder for several files",
    )
    _flag(
        imports,
        "--projects-only",
        "只写出项目（CSV 长表放不下部门）/ write the projects only (a CSV long table has no department)",
    )
    _flag(
        imports,
        "--include-hidden",
        "也读入工作簿中隐藏的行和工作表 / also read a workbook's hidden rows and sheets",
    )
    export = commands.add_parser(
        "export", parents=[formats], help="导出规格 / export a spec (.ikspec .json .csv .xlsx)"
    )
    _spec_and_actuals(
        export,
        "合并到规格上的实际值文件 / an actuals file merged onto the spec",
        spec="规格：任何可导入的文件 / the spec: any file import reads",
    )
    written = export.add_mutually_exclusive_group(required=True)
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
    export.add_argument(
        "--rules", metavar="NAME", help="--scored 的评分规则 / the rule set for --scored"
    )
    _flag(
        export,
        "--projects-only",
        "只导出项目（CSV 长表放不下部门）/ projects only (a CSV long table has no department)",
    )


def _tool_verbs(commands: _Verbs, common: VerbParser) -> None:
    """``fmt`` and ``completion``."""
    fmt = commands.add_parser("fmt", parents=[common], help="格式化规格文件 / format spec files")
    _files(fmt, "- 读标准输入、写标准输出 / - : stdin to stdout")
    _flag(fmt, "--check", "只检查不改写 / check only")
    _flag(fmt, "--force", "也改写只读文件 / rewrite read-only files too")
    completion = commands.add_parser(
        "completion", help="打印 shell 补全脚本 / print a shell completion script"
    )
    completion.add_argument("shell", choices=SHELLS)
    completion.set_defaults(format="text", quiet=False)


def build_parser() -> VerbParser:
    """The ``indicatorkit`` command's parser: every verb in the order ``--help`` lists them,
    each with examples (:func:`indicatorkit.cli_help.add_examples`).

    >>> parser = build_parser()
    >>> parser.parse_args(["parse", "-5%"]).texts
    ['-5%']
    >>> parser.parse_args(["report", "目标.ikspec", "--pdf"]).pdf
    ''
    """
    parser = VerbParser(
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
    common = _shared(("text", "json"))
    rows = _shared(("text", "json", "csv"))  # rows also speak CSV (带 BOM 写入文件，Excel 直接打开)
    commands = parser.add_subparsers(dest="command", required=True)
    _reading_verbs(commands, rows)
    _score_verb(commands)
    _review_verbs(commands, rows, common)
    _report_verb(commands)
    _transfer_verbs(commands)
    _tool_verbs(commands, common)
    return add_examples(parser)
