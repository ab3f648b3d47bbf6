"""Writing a scored report as a filled 自评表 workbook (.xlsx, with xlsxwriter — each formula's
result is stored beside it, so a reader that does not calculate sees the numbers too): one sheet
per project — targets, actuals, weights, scores, outcome, reasons, the budget line (执行率 and
its score as formulas), the total and the grade (formulas with their stored results) — and a
summary sheet with the department's total.  Also importable from
:mod:`~indicatorkit.formats.workbook_write`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from indicatorkit.formats.workbook_sheet import (
    Sheet,
    cell_name,
    close_book,
    open_book,
    replacing_book,
    sheet_name,
)
from indicatorkit.language.values import Amount
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.scoring.report import ProjectScore, SpecScore
from indicatorkit.scoring.rules import RoundingMode, RuleSet

__all__ = ["SELF_ASSESSMENT_HEADERS", "write_self_assessment"]

#: The columns of the self-assessment table as written.
SELF_ASSESSMENT_HEADERS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "结果",
    "偏差原因分析及改进措施",
)


def _stored(value: Fraction) -> int | float:
    """A formula's stored result: an int when whole (``100``, not ``100.0``)."""
    return int(value) if value.denominator == 1 else float(value)


def _decimal(value: Fraction) -> str:
    """A number for a formula: the exact decimal when finite, else enough digits."""
    if is_terminating(value):
        return format_decimal(value)
    return str(Decimal(value.numerator) / Decimal(value.denominator))


def _grade_formula(rules: RuleSet, total_cell: str) -> str:
    formula = f'"{rules.grades[-1][1]}"'
    for lowest, name in reversed(rules.grades[:-1]):
        formula = f'IF(ROUND({total_cell},6)>={_decimal(lowest)},"{name}",{formula})'
    return "=" + formula


def _base_grade(rules: RuleSet) -> bool:
    return type(rules).grade is RuleSet.grade


def write_self_assessment(
    report: SpecScore, path: Path, *, inputs: Iterable[str | Path] = ()
) -> None:
    """Write a scored report as a filled 自评表 workbook (.xlsx) at ``path`` (whole or not at
    all; ``inputs`` are refused as the output, :mod:`~indicatorkit.formats.output`): one sheet per
    project (targets, actuals, weights, scores, outcome, reasons; the budget line with 执行率
    and its score as formulas; the total as ``=SUM(…)`` and the grade as ``=IF(…)`` with their
    stored results) and a summary sheet with the department's total.

    A formula is written only where it gives the library's own result (a rule set that
    overrides a formula gets the value, not a formula that would disagree); totals still
    undecided are written as their range, as text.

    >>> import tempfile, indicatorkit, openpyxl
    >>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n    分值：90\\n"
    ...     "    实际值：200件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "自评表.xlsx"
    ...     write_self_assessment(indicatorkit.score(spec), path)
    ...     sheet = openpyxl.load_workbook(path)["项目1"]
    ...     cached = openpyxl.load_workbook(path, data_only=True)["项目1"]
    >>> [c.value for c in sheet[6]][:6], [c.value for c in cached[6]][:6]
    (['年度资金总额', 10000, 9500, 10, '=IF(B6>0,C6/B6,0)', '=MAX(0,MIN(E6,1))*D6'], ['年度资金总额', 10000, 9500, 10, 0.95, 9.5])
    """
    with replacing_book(Path(path), inputs) as temporary:
        book, formats = open_book(temporary, points_places=report.rules.rounding.places)
        used: set[str] = set()
        summary = Sheet(book, sheet_name("汇总", used), formats)
        totals: list[tuple[ProjectScore, str | None]] = []
        for project in report.projects:
            name = sheet_name(f"项目{project.number}", used)
            total_cell = _self_assessment_sheet(book, formats, name, project, report.rules)
            totals.append((project, f"'{name}'!{total_cell}" if total_cell else None))
        _summary(summary, report, totals)
        close_book(book, Path(path))


def _money_number(amount: Amount | None) -> Fraction | None:
    """An amount in 元 (the sheet's caption unit)."""
    return None if amount is None else amount.normalized


def _self_assessment_sheet(
    book: Any, formats: dict[str, Any], name: str, project: ProjectScore, rules: RuleSet
) -> str | None:
    sheet = Sheet(book, name, formats)
    s = sheet.sheet
    s.set_column(0, 2, 16)
    s.set_column(3, 4, 16)
    s.set_column(5, 7, 10)
    s.set_column(8, 8, 30)
    sheet.text(0, 0, "项目支出绩效自评表", "title")
    sheet.text(1, 0, "项目名称", "label")
    s.merge_range(1, 1, 1, 5, project.name, formats["cell"])
    sheet.text(1, 6, "项目编号", "label")
    sheet.text(1, 7, str(project.number))
    sheet.text(2, 0, "评分规则", "label")
    sheet.text(2, 1, rules.name)
    s.merge_range(2, 2, 2, 8, rules.title, formats["cell"])
    row = _budget_line(sheet, 4, project)
    # the indicators
    header = row + 3
    for column, head in enumerate(SELF_ASSESSMENT_HEADERS):
        sheet.text(header, column, head, "header")
    first = header + 1
    decided = _indicator_rows(sheet, first, project)
    last = first + len(project.indicators) - 1
    # the total and the grade
    total_row = max(last, first - 1) + 1
    sheet.text(total_row, 0, "总分", "label")
    s.merge_range(total_row, 1, total_row, 4, "", formats["cell"])
    weights = f"SUM({cell_name(5, first)}:{cell_name(5, last)})" if project.indicators else "0"
    possible = sum((i.score.weight for i in project.indicators), Fraction(0))
    possible += project.budget.weight
    s.write_formula(
        total_row, 5, f"={weights}+{cell_name(3, row)}", formats["score"], _stored(possible)
    )
    total = project.total
    total_cell = cell_name(6, total_row)
    if total is not None and decided and project.budget.score is not None:
        _total_score(sheet, (row, first, last, total_row), project, possible, rules)
    else:
        low, high = project.total_range
        sheet.text(total_row, 6, rules.rounding.display_range(low, high))
        total_cell = ""
    grade = project.grade or ("不评" if project.grade_note else "待定")
    if total_cell and _base_grade(rules) and rules.grade(_rounded(total)) == project.grade:
        s.write_formula(total_row, 7, _grade_formula(rules, total_cell), formats["cell"], grade)
    else:
        sheet.text(total_row, 7, grade)
    notes = (project.grade_note, "已按百分制折算 (rescaled to 100)" if project.rescaled else "")
    if any(notes):
        sheet.text(total_row, 8, "；".join(note for note in notes if note))  # why no grade
    return total_cell or None


def _budget_line(sheet: Sheet, top: int, project: ProjectScore) -> int:
    """The budget line under its header at ``top`` (执行率 and its score as formulas where they
    give the library's result) and its message; the line's row."""
    s, formats = sheet.sheet, sheet.formats
    heads = ("项目资金（元）", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分")
    for column, head in enumerate(heads):
        sheet.text(top, column, head, "header")
    line = project.budget
    row = top + 1
    sheet.text(row, 0, "年度资金总额")
    budget_value = _money_number(line.budget)
    executed_value = _money_number(line.executed)
    if budget_value is not None:
        sheet.measure(row, 1, budget_value)
    if executed_value is not None:
        sheet.measure(row, 2, executed_value)
    sheet.measure(row, 3, line.weight, "score")
    a, b, rate_cell, weight_cell = (cell_name(c, row) for c in (1, 2, 4, 3))
    if line.rate is not None and line.score is not None:
        s.write_formula(row, 4, f"=IF({a}>0,{b}/{a},0)", formats["percent"], _stored(line.rate))
        formula_score = max(Fraction(0), min(line.rate, Fraction(1))) * line.weight
        if formula_score == line.score:
            s.write_formula(
                row,
                5,
                f"=MAX(0,MIN({rate_cell},1))*{weight_cell}",
                formats["score"],
                _stored(line.score),
            )
        else:
            sheet.measure(row, 5, line.score, "score")
    else:
        sheet.text(row, 4, "")
        low, high = line.score_range
        sheet.text(row, 5, project.rounding.display_range(low, high))
    if line.message:
        sheet.text(row + 1, 0, "说明", "label")
        s.merge_range(row + 1, 1, row + 1, 8, line.message, formats["cell"])
    return row


def _indicator_rows(sheet: Sheet, first: int, project: ProjectScore) -> bool:
    """One row an indicator from ``first``; whether every score is decided."""
    decided = True
    for offset, item in enumerate(project.indicators):
        r = first + offset
        indicator, result = item.indicator, item.score
        for column, value in enumerate(
            (indicator.level1, indicator.level2, indicator.name, indicator.target_text)
        ):
            sheet.text(r, column, value)
        if indicator.not_applicable is not None:  # 不适用：reason, as the 自评表 writes it
            reason = indicator.not_applicable.replace("\n", " ")
            sheet.text(r, 4, f"不适用：{reason}" if reason else "不适用")
        else:
            sheet.text(r, 4, indicator.actual or "")
        sheet.measure(r, 5, result.weight, "score")
        if result.score is not None:
            sheet.measure(r, 6, result.score, "score")
        else:
            decided = False
            low, high = result.score_range
            sheet.text(r, 6, project.rounding.display_range(low, high))
        outcome = result.outcome.label
        sheet.text(r, 7, f"{outcome}：{result.message}" if result.message else outcome)
        sheet.text(r, 8, indicator.reason)
    return decided


def _total_score(
    sheet: Sheet,
    rows: tuple[int, int, int, int],
    project: ProjectScore,
    possible: Fraction,
    rules: RuleSet,
) -> None:
    """The decided total: ``=SUM(…)`` of the scores and the budget line's (rescaled, and
    rounded as the rule set rounds), or the value where no formula gives it."""
    budget_row, first, last, total_row = rows
    total, line = project.total, project.budget
    assert total is not None and line.score is not None
    scores = f"SUM({cell_name(6, first)}:{cell_name(6, last)})" if project.indicators else "0"
    formula = f"{scores}+{cell_name(5, budget_row)}"
    raw = sum((i.score.score or Fraction(0) for i in project.indicators), Fraction(0)) + line.score
    if project.rescaled:
        dropped = sum(
            (
                i.score.weight
                for i in project.indicators
                if i.score.outcome.value == "not applicable"
            ),
            Fraction(0),
        )
        formula = f"({formula})*{_decimal(possible)}/{_decimal(possible - dropped)}"
        raw *= possible / (possible - dropped)
    rounding = rules.rounding
    if raw != total and rounding.mode is RoundingMode.HALF_UP and rounding.round(raw) == total:
        formula = f"ROUND({formula},{rounding.places})"  # the rule set rounds the total
        raw = total
    if raw == total:
        sheet.sheet.write_formula(
            total_row, 6, "=" + formula, sheet.formats["score"], _stored(total)
        )
    else:
        sheet.measure(total_row, 6, total, "score")


def _rounded(value: Fraction | None) -> Fraction:
    """What ``ROUND(x, 6)`` gives for an exact value (half away from zero, as Excel)."""
    if value is None:
        return Fraction(0)
    scaled = value * 10**6
    whole = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    return Fraction(whole if scaled >= 0 else -whole, 10**6)


def _summary(
    sheet: Sheet, report: SpecScore, totals: list[tuple[ProjectScore, str | None]]
) -> None:
    s = sheet.sheet
    s.set_column(0, 0, 10)
    s.set_column(1, 1, 30)
    s.set_column(2, 4, 14)
    sheet.text(0, 0, "项目支出绩效自评汇总表", "title")
    # not 项目名称 / 项目编号: this sheet is a summary, not a project's table
    for column, head in enumerate(("编号", "项目", "预算数（元）", "总分", "等级")):
        sheet.text(2, column, head, "header")
    row = 2
    for project, reference in totals:
        row += 1
        sheet.text(row, 0, str(project.number))
        sheet.text(row, 1, project.name)
        if project.budget_total is not None:
            sheet.measure(row, 2, project.budget_total.normalized)
        if reference is not None and project.total is not None:
            s.write_formula(row, 3, f"={reference}", sheet.formats["score"], _stored(project.total))
        else:
            low, high = project.total_range
            sheet.text(row, 3, project.rounding.display_range(low, high), "score")
        sheet.text(row, 4, project.grade or ("不评" if project.grade_note else "待定"))
    row += 1
    sheet.text(row, 0, "部门", "label")
    sheet.text(row, 1, "部门汇总（按规则集汇总）", "label")
    _department_total(sheet, report, totals, row)
    sheet.text(row, 4, report.department_grade or ("待定" if report.projects else ""))


def _department_total(
    sheet: Sheet, report: SpecScore, totals: list[tuple[ProjectScore, str | None]], row: int
) -> None:
    """The department's total in ``row``: the projects' average (budget-weighted when the rule
    set weights by budget) as a formula where it gives the library's result."""
    s = sheet.sheet
    total = report.department_total
    first, last = 3, row - 1
    if total is not None and all(r is not None and p.total is not None for p, r in totals):
        weights = _rollup_weights(report)
        if weights is None:
            formula = f"=AVERAGE({cell_name(3, first)}:{cell_name(3, last)})"
            value = sum((p.total or Fraction(0) for p in report.projects), Fraction(0)) / len(
                report.projects
            )
        else:
            formula = (
                f"=SUMPRODUCT({cell_name(2, first)}:{cell_name(2, last)},{cell_name(3, first)}:{cell_name(3, last)})"
                f"/SUM({cell_name(2, first)}:{cell_name(2, last)})"
            )
            value = sum(
                (
                    w * (p.total or Fraction(0))
                    for w, p in zip(weights, report.projects, strict=True)
                ),
                Fraction(0),
            ) / sum(weights, Fraction(0))
        if value == total:
            s.write_formula(row, 3, formula, sheet.formats["score"], _stored(total))
        else:
            sheet.measure(row, 3, total, "score")
    elif report.department_range is not None:
        low, high = report.department_range
        sheet.text(row, 3, report.rules.rounding.display_range(low, high), "score")


def _rollup_weights(report: SpecScore) -> list[Fraction] | None:
    """The projects' budgets when the rule set weights the roll-up by budget, else ``None``."""
    from indicatorkit.scoring.rules import Rollup

    if report.rules.rollup is Rollup.BUDGET_WEIGHTED and all(
        p.budget_total is not None and p.budget_total.normalized > 0 for p in report.projects
    ):
        return [p.budget_total.normalized for p in report.projects]  # type: ignore[union-attr]
    return None
