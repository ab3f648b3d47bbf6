"""``indicatorkit report``: the HTML report of a spec with its actuals merged (HTML 自评报告),
and its PDF printed by Chromium; exit 1 when points are open (as ``score``) or there are
error findings (the page's count).

>>> import sys
>>> from indicatorkit.cli.parser import build_parser
>>> run(build_parser().parse_args(["report", "目标.ikspec"]))
Traceback (most recent call last):
  ...
indicatorkit.cli.messages.InputError: 请用 -o 指定 HTML 文件（或用 --pdf 指定 PDF）/ name the HTML file with -o (or the PDF with --pdf)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from indicatorkit.cli.messages import InputError
from indicatorkit.cli.output import dump_json
from indicatorkit.cli.score import open_points, ranked
from indicatorkit.cli.sources import STDIN, LoadedSpec, load_actuals, load_spec_source
from indicatorkit.errors import InvalidValueError, UnknownRuleSetError
from indicatorkit.formats.output import refuse_inputs, write_text
from indicatorkit.model.actuals import Actuals
from indicatorkit.model.findings import Severity
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.assessment import Assessment, assess
from indicatorkit.scoring.report import SpecScore

__all__ = ["run"]


def run(arguments: argparse.Namespace) -> int:
    """Run ``report`` with its parsed ``arguments`` (``-o`` is the page, not a text report);
    ``--no-findings`` leaves the findings' appendix out (a clean copy to file), the summary and
    the exit status still count them.

    >>> import pathlib, tempfile
    >>> from indicatorkit.cli.parser import build_parser
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "自评.ikspec").write_text("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n", encoding="utf-8")
    >>> run(build_parser().parse_args(["report", str(folder / "自评.ikspec"), "-o", str(folder / "报告.html"), "-q"]))
    1
    >>> (folder / "报告.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    if arguments.departments:
        return _departments(arguments)
    name, actuals_name, output = arguments.file, arguments.actuals, arguments.output
    inputs = [name for name in (name, actuals_name) if name is not None]
    pdf_path = _pages(output, arguments.pdf, arguments.format, inputs)
    loaded = load_spec_source(name, quiet=arguments.quiet)
    actuals = None if actuals_name is None else load_actuals(actuals_name)
    assessment = _assessed(loaded, actuals, arguments.rules, arguments.year)
    still_open = open_points(assessment.result, arguments.quiet) or loaded.errors
    _write_pages(
        assessment,
        with_findings=not arguments.no_findings,
        output=output,
        pdf_path=pdf_path,
        timeout=arguments.timeout,
        inputs=inputs,
    )
    counts = {s.value: sum(f.severity is s for f in assessment.findings) for s in Severity}
    if arguments.format == "json":
        dump_json(_summary(assessment.result, counts, output, pdf_path), sys.stdout)
    elif not arguments.quiet and output != STDIN:
        written = "、".join(path for path in (output, pdf_path) if path is not None)
        print(_said(assessment.result, counts, written))
    return 1 if still_open or counts["error"] > 0 else 0


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


def _pages(output: str | None, pdf: str | None, form: str, inputs: list[str]) -> str | None:
    """The PDF's path (``None``: no PDF), once the outputs asked for make sense together and
    none is an input."""
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
    for path in (output, pdf_path):
        if path is not None:
            refuse_inputs(path, inputs)
    return pdf_path


def _assessed(
    loaded: LoadedSpec, actuals: Actuals | None, rules: str | None, year: int | None
) -> Assessment:
    """What the page renders; an unknown rule set or a year out of range is an input error."""
    try:
        return assess(
            loaded.spec, actuals, rules=rules, year=year, file=loaded.shown, source=loaded.text
        )
    except (UnknownRuleSetError, InvalidValueError) as error:
        raise InputError(str(error)) from None


def _write_pages(
    assessment: Assessment,
    *,
    with_findings: bool,
    output: str | None,
    pdf_path: str | None,
    timeout: float | None,
    inputs: list[str],
) -> None:
    """Render the page and write it (``-o -``: to standard output) and its PDF."""
    # imported here: the report's template and browser code cost every other command start-up
    from indicatorkit.formats.html_report import render_report

    _write_html(
        lambda: render_report(assessment, with_findings=with_findings),
        output=output,
        pdf_path=pdf_path,
        timeout=timeout,
        inputs=inputs,
    )


def _write_html(
    render: Callable[[], str],
    *,
    output: str | None,
    pdf_path: str | None,
    timeout: float | None,
    inputs: list[str],
) -> None:
    """Write the page ``render`` makes (``-o -``: to standard output) and its PDF."""
    from indicatorkit.formats.html_report import ReportError
    from indicatorkit.formats.html_report_pdf import print_pdf

    try:
        html = render()
        if output == STDIN:
            sys.stdout.write(html)
            sys.stdout.flush()
        elif output is not None:
            write_text(output, html, inputs=inputs)
        if pdf_path is not None:
            print_pdf(html, pdf_path, timeout=timeout, inputs=inputs)
    except ReportError as error:
        raise InputError(str(error)) from None


def _departments(arguments: argparse.Namespace) -> int:
    """``report --departments``: the bureau page
    (:func:`~indicatorkit.formats.html_report_bureau.render_bureau`) of every department of a
    folder or long table, scored and ranked as ``score --departments`` does, as HTML and PDF;
    exit status as ``score --departments``."""
    if arguments.actuals is not None or arguments.year is not None:
        raise InputError(
            "report --departments 不带实际值文件或 --year：都写在各部门的规格或长表里 / "
            "report --departments takes no ACTUALS and no --year: the specs hold them"
        )
    name, output, quiet = arguments.file, arguments.output, arguments.quiet
    pdf_path = _pages(output, arguments.pdf, arguments.format, [name])
    bureau, errors = ranked(name, arguments.rules, False, quiet)
    from indicatorkit.formats.html_report_bureau import render_bureau

    _write_html(
        lambda: render_bureau(bureau),
        output=output,
        pdf_path=pdf_path,
        timeout=arguments.timeout,
        inputs=[name],
    )
    summary = bureau.to_dict()["summary"]
    if arguments.format == "json":
        dump_json({"html": output, "pdf": pdf_path, **summary}, sys.stdout)
    elif not quiet and output != STDIN:
        written = "、".join(path for path in (output, pdf_path) if path is not None)
        print(
            f"已写入 wrote {written}（{summary['departments']} 个部门 departments，"
            f"平均 mean {summary['mean_display'] or '-'}）"
        )
    still_open = [open_points(d.result, quiet) for d in bureau.departments]
    return 1 if errors or any(still_open) else 0


def _summary(
    result: SpecScore, counts: dict[str, int], output: str | None, pdf_path: str | None
) -> dict[str, Any]:
    """What ``--format json`` says of the report written."""
    department = result.department_range
    return {
        "html": output,
        "pdf": pdf_path,
        "projects": len(result.projects),
        "department": None
        if department is None
        else {
            "total_range": [format_decimal(v) for v in department],
            "total_display": result.rules.rounding.display(result.department_total),
            "grade": result.department_grade,
        },
        "findings": counts,
    }


def _said(result: SpecScore, counts: dict[str, int], written: str) -> str:
    """The line the text form prints: what was written, the department's standing, the
    findings counted."""
    standing = ""
    if result.department_range is not None:
        low, high = result.department_range
        total = result.rules.rounding.display_range(low, high)
        grade = result.department_grade or "待定 undecided"
        standing = f"，部门 department {total} {grade}"
    return (
        f"已写入 wrote {written}（{len(result.projects)} 个项目 projects{standing}；审核发现 "
        f"findings: {counts['error']} 错误 errors, {counts['warning']} 警告 warnings, "
        f"{counts['info']} 提示 infos）"
    )
