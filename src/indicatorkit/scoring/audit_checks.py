"""The table-level checks of an audit (:func:`indicatorkit.audit`): what a printed table claims
about itself, checked against its own rows and the rule set under review — and where each
finding is (the row's cell, the 总分 row, the budget line).

=======  ========  =============================================================================
code     severity  finding
=======  ========  =============================================================================
IK801    error     印出得分与所有规则都不符 / a printed score contradicts every rule set
IK802    info      印出得分只符合其他规则集 / a printed score agrees only under another rule set
IK803    info      无法判定 / a printed score that cannot be decided (why is said)
IK804    warning   未达成却给满分 / full marks for a missed target
IK810    warning   总分不是各行得分之和 / the printed total is not the sum of the printed rows
IK811    warning   等级不在总分的档次内 / the grade is outside the band of the printed total
IK812    warning   执行率不是执行数 ÷ 预算数 / the printed rate is not executed ÷ budget
IK813    warning   分值合计不是 100（或印出的总分值）/ the weights do not total 100
IK814    warning   没有实际完成值却给满分 / full marks with no actual
IK815    warning   须说明偏差而没有说明 / a deviation the rule set requires explained is not
=======  ========  =============================================================================
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import attrs

from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.printed_score import ScoreProblem, printed_score_problem
from indicatorkit.model.records import Indicator, Location, Project
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.budget_line import BudgetLine
from indicatorkit.scoring.rules import Rounding, RoundingStage, RuleSet
from indicatorkit.scoring.score_records import ScoredIndicator
from indicatorkit.units import UnitRegistry

__all__ = ["AUDIT_CODES", "decimals", "row_finding", "table_checks"]

#: Every audit code, Chinese first, English beside.
AUDIT_CODES = {
    "IK801": "印出得分与所有规则都不符 / a printed score contradicts every rule set",
    "IK802": "印出得分只符合其他规则集 / a printed score agrees only under another rule set",
    "IK803": "印出得分无法判定 / a printed score that cannot be decided",
    "IK804": "未达成却给满分 / full marks for a missed target",
    "IK810": "总分不是各行得分之和 / the printed total is not the sum of the printed rows",
    "IK811": "等级不在总分的档次内 / the grade is outside the band of the printed total",
    "IK812": "执行率不是执行数 ÷ 预算数 / the printed rate is not executed ÷ budget",
    "IK813": "分值合计不是 100 / the weights do not total 100",
    "IK814": "没有实际完成值却给满分 / full marks with no actual",
    "IK815": "须说明偏差而没有说明 / a deviation the rules require explained is not",
}
_SEVERITY = {"IK801": Severity.ERROR, "IK802": Severity.INFO, "IK803": Severity.INFO}
_HUNDRED = Fraction(100)
#: More decimals than any printed score shows: a score needing more is not a printed one.
_MOST_PLACES = 12


def decimals(value: Fraction) -> int:
    """How many decimals ``value`` shows when written out (``1.90`` and ``1.9`` both show 1:
    a printed cell's trailing zeros are not kept).

    >>> decimals(Fraction(19, 10)), decimals(Fraction(5)), decimals(Fraction(862, 100))
    (1, 0, 2)
    """
    for places in range(_MOST_PLACES + 1):
        if (value * 10**places).denominator == 1:
            return places
    return _MOST_PLACES


def _at(project: Project, indicator: Indicator | None, field: str) -> Location:
    """Where ``field`` is: the indicator's own cell, else the table's printed figure, else the
    project's line (0 when nothing says where); the sheet, table or page when known."""
    sheet = project.printed.sheet if project.printed is not None else None
    if indicator is not None and indicator.where is not None:
        location = indicator.where.of(field)
    elif indicator is None and project.printed is not None and project.printed.place(field):
        line, column = project.printed.place(field)  # type: ignore[misc]
        location = Location(line, column)
    elif project.where is not None:
        location = project.where.at
    else:
        location = Location(0, 1)
    return location if location.sheet is not None else attrs.evolve(location, sheet=sheet)


def _finding(
    project: Project,
    indicator: Indicator | None,
    field: str,
    code: str,
    message: str,
    file: str | None,
) -> Finding:
    at = _at(project, indicator, field)
    return Finding(
        code,
        _SEVERITY.get(code, Severity.WARNING),
        message,
        at.line,
        at.column,
        file=file,
        sheet=at.sheet,
    )


def row_finding(
    project: Project, indicator: Indicator | None, code: str, message: str, file: str | None
) -> Finding:
    """A row's finding, at its printed score (the budget line's 得分 when ``indicator`` is
    ``None``).

    >>> from indicatorkit import Project
    >>> row_finding(Project(1), None, "IK801", "预算执行率：不符", "表.xlsx").render()
    '表.xlsx: IK801 error: 预算执行率：不符'
    """
    field = "evaluator_score" if indicator is not None else "budget_score"
    return _finding(project, indicator, field, code, message, file)


def _sum_agrees(total: Fraction, parts: Fraction) -> bool:
    """A printed total agrees with the sum of printed parts: equal, or the sum rounded half up
    to the decimals the total shows (when it shows some)."""
    if total == parts:
        return True
    places = decimals(total)
    return (
        1 <= places < decimals(parts)
        and Rounding(places, stage=RoundingStage.NONE).round(parts) == total
    )


def _rate_agrees(printed: Fraction, rate: Fraction) -> bool:
    """A printed 执行率 agrees with executed ÷ budget at the decimals it shows (or capped at
    100%, as some tables print it)."""
    rounding = Rounding(decimals(printed), stage=RoundingStage.NONE)
    return printed in (rounding.round(rate), rounding.round(min(rate, Fraction(1))))


def _percent(share: Fraction) -> str:
    return format_decimal(Rounding(2, stage=RoundingStage.NONE).round(share * 100))


def table_checks(
    project: Project,
    indicators: Sequence[ScoredIndicator],
    budget: BudgetLine,
    reference: RuleSet,
    pool: Sequence[RuleSet],
    file: str | None,
    units: UnitRegistry | None = None,
) -> tuple[Finding, ...]:
    """The table-level findings of one project: the rows (IK804, IK814, IK815), then the
    totals (IK810, IK811), the budget line (IK812, IK815) and the weights (IK813).
    ``units`` is the spec's unit registry (an actual is read as scoring reads it).

    >>> from indicatorkit import NATIONAL, Project
    >>> from indicatorkit.model.printed import Printed
    >>> from indicatorkit.scoring.budget_line import budget_line
    >>> project = Project(1, printed=Printed(grade="优", total=Fraction(85)))
    >>> [f.code for f in table_checks(project, (), budget_line(project, NATIONAL), NATIONAL,
    ...                               [NATIONAL], None)]
    ['IK811']
    """
    found = _row_checks(project, indicators, file, units)
    checks = (
        ("total", "IK810", _total(project)),
        ("grade", "IK811", _grade(project, reference, pool)),
        ("budget_rate", "IK812", _rate(project, budget)),
        ("budget_score", "IK815", _budget_reason(budget, reference)),
        ("total", "IK813", _weights(project, budget)),
    )
    found.extend(
        _finding(project, None, field, code, message, file)
        for field, code, message in checks
        if message
    )
    return tuple(found)


def _printed_rows(project: Project) -> Fraction | None:
    """The sum of the printed rows (the budget line's 得分 included when printed), or
    ``None`` when a row that applies prints no score."""
    scores = [i.evaluator_score for i in project.indicators if i.not_applicable is None]
    if not scores or None in scores:
        return None
    budget = project.printed.budget_score if project.printed else None
    return sum((s for s in scores if s is not None), budget or Fraction(0))


def _total(project: Project) -> str:
    """IK810: the printed total against the printed rows (with or without the budget line)."""
    printed = project.printed
    rows = _printed_rows(project)
    if printed is None or printed.total is None or rows is None:
        return ""
    alone = rows - (printed.budget_score or 0)
    if _sum_agrees(printed.total, rows) or _sum_agrees(printed.total, alone):
        return ""
    total, shown = format_decimal(printed.total), format_decimal(rows)
    return (
        f"总分印的得分是 {total}，各行印出的得分之和为 {shown} (the printed total {total} is "
        f"not the sum of the printed rows, {shown})"
    )


def _grade(project: Project, reference: RuleSet, pool: Sequence[RuleSet]) -> str:
    """IK811: the printed grade against the band of the printed total (else of the rows)."""
    printed = project.printed
    if printed is None or printed.grade is None:
        return ""
    total = printed.total if printed.total is not None else _printed_rows(project)
    if total is None or reference.grade(total) == printed.grade:
        return ""
    others = [r.name for r in pool if r.grade(total) == printed.grade]
    also = f"；符合 {'、'.join(others)} 的等级划分 (fits {', '.join(others)})" if others else ""
    should, shown = reference.grade(total), format_decimal(total)
    return (
        f"印出的等级“{printed.grade}”不在总分 {shown} 的档次内，{reference.name} 应为“{should}” "
        f"(the grade is outside the band of the total: {reference.name} gives {should}){also}"
    )


def _rate(project: Project, budget: BudgetLine) -> str:
    """IK812: the printed 执行率 against executed ÷ budget."""
    printed = project.printed.budget_rate if project.printed else None
    if printed is None or budget.rate is None or _rate_agrees(printed, budget.rate):
        return ""
    return (
        f"印出的执行率 {format_decimal(printed * 100)}% 不是执行数 ÷ 预算数 = "
        f"{_percent(budget.rate)}% (the printed rate is not executed ÷ budget)"
    )


def _budget_reason(budget: BudgetLine, reference: RuleSet) -> str:
    """IK815 for the budget line: a rate the rule set requires explained, not explained."""
    if not budget.explanation_required or budget.explanation_given or budget.rate is None:
        return ""
    return (
        f"预算执行率 {_percent(budget.rate)}% 按 {reference.name} 须说明原因而没有说明 "
        "(the rule set requires the rate explained)"
    )


def _weights(project: Project, budget: BudgetLine) -> str:
    """IK813: the printed weights and the budget line's against 100 (or the printed 总分值)."""
    weights = [i.weight for i in project.indicators]
    if not weights or None in weights:
        return ""
    possible = sum((w for w in weights if w is not None), budget.weight)
    expected = project.weight_total if project.weight_total is not None else _HUNDRED
    if possible == expected:
        return ""
    total, shown = format_decimal(possible), format_decimal(expected)
    return (
        f"分值合计（含预算执行率 {format_decimal(budget.weight)} 分）为 {total}，不是 {shown} "
        f"(the weights total {total}, not {shown})"
    )


def _missed_at_full_marks(indicator: Indicator, units: UnitRegistry | None) -> bool:
    """IK804: the row's printed score is full marks for a target its actual misses — decided
    by :func:`~indicatorkit.model.printed_score.printed_score_problem`, as lint's IK207 is."""
    problem = printed_score_problem(indicator, units)
    return problem is not None and problem.kind is ScoreProblem.FULL_MARKS_MISSED


def _row_checks(
    project: Project,
    scored: Sequence[ScoredIndicator],
    file: str | None,
    units: UnitRegistry | None,
) -> list[Finding]:
    """IK814 (full marks, no actual), IK804 (full marks, target missed), IK815 (no reason)."""
    found: list[Finding] = []
    for indicator, item in zip(project.indicators, scored, strict=True):
        printed, weight, result = indicator.evaluator_score, indicator.weight, item.score
        full = printed is not None and weight is not None and weight > 0 and printed == weight
        points = format_decimal(weight) if weight is not None else ""
        given = format_decimal(printed) if printed is not None else ""
        name = indicator.name
        said: list[tuple[str, str, str]] = []
        if full and indicator.actual is None and indicator.not_applicable is None:
            said.append(
                (
                    "evaluator_score",
                    "IK814",
                    f"{name}：没有实际完成值却给满分 {points} (full marks with no actual)",
                )
            )
        elif _missed_at_full_marks(indicator, units):
            said.append(
                (
                    "evaluator_score",
                    "IK804",
                    f"{name}：实际值 {indicator.actual} 未达到指标值 {indicator.target_text}，"
                    f"却给满分 {given} (full marks for a missed target)",
                )
            )
        if printed is not None and result.explanation_required and not result.explanation_given:
            said.append(
                (
                    "reason",
                    "IK815",
                    f"{name}：{result.outcome.label}，须说明偏差原因而没有说明 "
                    "(a deviation the rules require explained is not)",
                )
            )
        found.extend(_finding(project, indicator, f, c, m, file) for f, c, m in said)
    return found
