"""What the HTML report shows, as display text: the department's roll-up, each project's
indicators, its level-1 subtotals, its spending against plan at each checkpoint, and the
findings — all from an :class:`~indicatorkit.scoring.assessment.Assessment` the caller worked
out (:func:`~indicatorkit.scoring.assessment.assess`); the page computes nothing itself.

Every number here is the scoring's exact value rounded for display only — points as the rule
set shows them (:meth:`~indicatorkit.scoring.rounding.Rounding.display`, its places), percents by
:func:`~indicatorkit.scoring.indicator.display_percent` —, so the page and ``indicatorkit score``
agree to the last digit.  The template (``html_report.py``) only lays these records out.

>>> from indicatorkit import loads
>>> from indicatorkit.scoring.assessment import assess
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   支出计划：6月底 50%，12月底 100%
...   执行数：9500元
...   累计支出：6月底 35%，12月底 95%
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥200件
...     实际值：150件
... ''')
>>> page = build_page(assess(spec, year=2025))
>>> project = page.projects[0]
>>> project.rows[0].score, project.total, project.grade
('37.50', '47.00', '不评 withheld')
>>> [(p.at, p.planned, p.spent, p.light) for p in project.spending]
[('6月底', '50.00%', '35.00%', 'red'), ('12月底', '100.00%', '95.00%', 'yellow')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.html_report_audit import AuditTable, audit_tables
from indicatorkit.formats.html_report_facts import Money, ProjectFacts, money, project_facts
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.scoring.assessment import Assessment, ProjectSpending
from indicatorkit.scoring.indicator import display_percent
from indicatorkit.scoring.monitoring import Light
from indicatorkit.scoring.report import ProjectScore
from indicatorkit.scoring.rules import Rounding

__all__ = [
    "BUDGET_LINE",
    "FindingCode",
    "FindingRow",
    "IndicatorRow",
    "LevelScore",
    "ProjectSection",
    "ReportError",
    "ReportPage",
    "SpendingPoint",
    "build_page",
]


class ReportError(IndicatorkitError):
    """The report cannot be made: its extra not installed, Chromium missing for the PDF, a
    file that cannot be written.

    >>> str(ReportError("需要 jinja2 / needs jinja2"))
    '需要 jinja2 / needs jinja2'
    """


_SPENT_FROM = {
    "spent": "累计支出 spending",
    "executed": "全年执行数 ÷ 预算 executed",
    "": "未报 not reported",
}

_LIGHT_LABELS = {
    Light.GREEN: "绿 on plan",
    Light.YELLOW: "黄 behind",
    Light.RED: "红 far behind",
    Light.GREY: "灰 unknown",
}


@attrs.frozen
class IndicatorRow:
    """One three-level indicator as the project table shows it.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> row = build_page(assess(spec, year=2025)).projects[0].rows[0]
    >>> row.name, row.target, row.actual, row.outcome, row.outcome_key, row.weight, row.score
    ('受理数', '≥200件', '150件', '未达成 missed', 'missed', '50.00', '37.50')
    """

    level1: str
    level2: str
    name: str
    target: str
    actual: str
    outcome: str
    #: The outcome's key (``met``, ``missed`` …), for the row's colour.
    outcome_key: str
    weight: str
    score: str
    #: The deviation reason given in the table, or why it is not applicable.
    reason: str
    #: What the scoring says (a missing explanation, an unreadable actual …).
    message: str


@attrs.frozen
class LevelScore:
    """A level-1 indicator's (or the budget line's) points in one project, as shown
    (``points``: a range while undecided), and as plain decimals for the chart
    (``score_value``: the low end, ``weight_value``).

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> [(s.level1, s.weight, s.points) for s in build_page(assess(spec, year=2025)).projects[0].levels]
    [('产出指标', '50.00', '37.50'), ('预算执行率', '10.00', '9.50')]
    """

    level1: str
    weight: str
    points: str
    score_value: str
    weight_value: str


@attrs.frozen
class SpendingPoint:
    """Spending at one checkpoint: the plan's cumulative share, what was spent, the lag.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  支出计划：6月底 50%\\n"
    ...     "  累计支出：6月底 35%\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> (point,) = build_page(assess(spec, year=2025)).projects[0].spending
    >>> point.at, point.planned, point.planned_from, point.spent, point.lag, point.light_label
    ('6月底', '50.00%', '支出计划 plan', '35.00%', '15.00%', '红 far behind')
    """

    at: str
    planned: str
    planned_from: str
    spent: str
    #: Where ``spent`` comes from: 累计支出, 执行数 (at the year's end) or nothing known.
    spent_from: str
    lag: str
    #: The light's key (``green`` …) and its label.
    light: str
    light_label: str


@attrs.frozen
class ProjectSection:
    """A project's part of the page.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> section = build_page(assess(spec, year=2025)).projects[0]
    >>> section.number, section.name, section.budget.shown, section.executed.exact
    (1, '法律援助', '1.00万元', '9500元')
    >>> section.budget_rate, [row.label for row in section.facts.funds]
    ('95.00%', ['年度资金总额 total'])
    >>> section.budget_score, section.total, section.grade, section.rescaled
    ('9.50', '47.00', '不评 withheld', False)
    >>> section.grade_note                    # 产出 50 + 预算执行率 10: why no grade
    '分值合计 60，不是 100 (the weights total 60, not 100)'
    """

    number: int
    name: str
    rows: tuple[IndicatorRow, ...]
    levels: tuple[LevelScore, ...]
    #: The budget the rate is of (the adjusted one where given) and 执行数, in 万元.
    budget: Money
    executed: Money
    budget_rate: str
    budget_weight: str
    budget_score: str
    budget_message: str
    total: str
    grade: str
    #: Why no grade is given (the weights do not total 100), or ``""``.
    grade_note: str
    rescaled: bool
    spending: tuple[SpendingPoint, ...]
    #: Its funds, its goal against what was achieved, the conclusions.
    facts: ProjectFacts


@attrs.frozen
class FindingRow:
    """A lint or merge finding: where, which code, how bad, what, and the hint.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> row = build_page(assess(spec, year=2025)).findings[0]
    >>> row.place, row.code, row.severity, row.message.split(" — ")[0]
    ('<text>:1:1', 'IK105', 'warning', '项目 1 没有“效益指标”')
    """

    place: str
    code: str
    severity: str
    message: str
    source_line: str
    hint: str


@attrs.frozen
class FindingCode:
    """How many findings carry one code, and the first one's message.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> [(c.code, c.severity, c.count) for c in build_page(assess(spec, year=2025)).finding_codes]
    [('IK105', 'warning', 2), ('IK108', 'warning', 1)]
    """

    code: str
    severity: str
    count: int
    message: str


@attrs.frozen
class ReportPage:
    """Everything the report shows, as display text.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> page = build_page(assess(spec, year=2025))
    >>> page.title, page.rules, page.department_total, page.level1_names
    ('2025年 预算绩效自评报告', 'national', '47.00', ('产出指标', '预算执行率'))
    >>> page.finding_counts
    (('error', 0), ('warning', 3), ('info', 0))
    """

    title: str
    department: str
    year: int
    year_given: bool
    rules: str
    rules_title: str
    department_total: str
    department_grade: str
    projects: tuple[ProjectSection, ...]
    #: Whether the page shows findings (``False``: a clean copy to file).
    with_findings: bool
    findings: tuple[FindingRow, ...]
    #: Counts of findings by severity (``error``, ``warning``, ``info``).
    finding_counts: tuple[tuple[str, int], ...]
    #: The findings grouped by code, most severe first.
    finding_codes: tuple[FindingCode, ...]
    #: Every level-1 indicator in the order first met, for the chart's series.
    level1_names: tuple[str, ...]
    #: The audit of the printed scores, table by table (none when no table prints a score, or
    #: without findings).
    audit: tuple[AuditTable, ...] = ()


def _row(project: ProjectScore, index: int) -> IndicatorRow:
    item = project.indicators[index]
    indicator, result, rounding = item.indicator, item.score, project.rounding
    if result.score is not None:
        points = rounding.display(result.score)
    else:
        points = rounding.display_range(*result.score_range)
    reason = indicator.reason or (
        f"不适用 not applicable：{indicator.not_applicable}"
        if indicator.not_applicable is not None
        else ""
    )
    return IndicatorRow(
        level1=indicator.level1,
        level2=indicator.level2,
        name=indicator.name,
        target=indicator.target_text,
        actual=indicator.actual or "",
        outcome=result.outcome.label,
        outcome_key=result.outcome.name.lower(),
        weight=rounding.display(result.weight),
        score=points,
        reason=reason,
        message=result.message,
    )


#: The budget line's name among the level-1 indicators (as 自评表 list it).
BUDGET_LINE = "预算执行率"


def _level(
    name: str, weight: Fraction, score_range: tuple[Fraction, Fraction], rounding: Rounding
) -> LevelScore:
    return LevelScore(
        level1=name,
        weight=rounding.display(weight),
        points=rounding.display_range(*score_range),
        score_value=rounding.display(score_range[0]),
        weight_value=rounding.display(weight),
    )


def _levels(project: ProjectScore) -> tuple[LevelScore, ...]:
    """Each level-1 indicator's points, then the budget line's."""
    rounding = project.rounding
    levels = [
        _level(s.level1, s.weight, s.score_range, rounding)
        for s in project.subtotals
        if not s.level2
    ]
    levels.append(_level(BUDGET_LINE, project.budget.weight, project.budget.score_range, rounding))
    return tuple(levels)


def _spending(spending: ProjectSpending | None) -> tuple[SpendingPoint, ...]:
    """The project's spending at each of its checkpoints, as monitoring gave it."""
    if spending is None:
        return ()
    return tuple(
        SpendingPoint(
            at=str(checkpoint.at),
            planned=display_percent(checkpoint.line.planned),
            planned_from="支出计划 plan"
            if checkpoint.line.planned_from == "plan"
            else "序时进度 share of the year",
            spent=display_percent(checkpoint.line.spent),
            spent_from=_SPENT_FROM[checkpoint.spent_from],
            lag=display_percent(checkpoint.line.lag),
            light=checkpoint.line.light.value,
            light_label=_LIGHT_LABELS[checkpoint.line.light],
        )
        for checkpoint in spending.checkpoints
    )


def _section(
    project: ProjectScore, spending: tuple[SpendingPoint, ...], facts: ProjectFacts
) -> ProjectSection:
    budget, rounding = project.budget, project.rounding
    return ProjectSection(
        number=project.number,
        name=project.name,
        rows=tuple(_row(project, i) for i in range(len(project.indicators))),
        levels=_levels(project),
        budget=money(budget.budget),
        executed=money(budget.executed),
        budget_rate=display_percent(budget.rate),
        budget_weight=rounding.display(budget.weight),
        budget_score=rounding.display_range(*budget.score_range),
        budget_message=budget.message,
        total=rounding.display_range(*project.total_range),
        grade=project.grade or ("不评 withheld" if project.grade_note else "待定 undecided"),
        grade_note=project.grade_note,
        rescaled=project.rescaled,
        spending=spending,
        facts=facts,
    )


def _finding_row(finding: Finding) -> FindingRow:
    return FindingRow(
        place=finding.place,
        code=finding.code,
        severity=finding.severity.value,
        message=finding.message,
        source_line=finding.source_line.strip(),
        hint=finding.suggestion or "",
    )


def _codes(findings: Sequence[Finding]) -> tuple[FindingCode, ...]:
    first: dict[str, Finding] = {}
    counts: dict[str, int] = {}
    for finding in findings:
        first.setdefault(finding.code, finding)
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return tuple(
        FindingCode(code, first[code].severity.value, counts[code], first[code].message)
        for code in first
    )


def _level1_names(projects: Iterable[ProjectSection]) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for project in projects:
        for level in project.levels:
            names.setdefault(level.level1, None)
    return tuple(names)


def build_page(
    assessment: Assessment, *, title: str | None = None, with_findings: bool = True
) -> ReportPage:
    """The page's records of ``assessment``: its scores, its spending at each checkpoint and
    its findings (none with ``with_findings=False``, for a clean copy to file); ``title``
    replaces the heading.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> page = build_page(assess(spec, year=2025), with_findings=False, title="法律援助自评")
    >>> page.title, page.year, page.projects[0].total, page.findings, page.with_findings
    ('法律援助自评', 2025, '47.00', (), False)
    """
    result, spec = assessment.result, assessment.spec
    spending = {item.number: item for item in assessment.spending}
    records = {project.number: project for project in spec.projects}
    projects = tuple(
        _section(
            project,
            _spending(spending.get(project.number)),
            project_facts(records[project.number]),
        )
        for project in result.projects
    )
    shown = list(assessment.findings) if with_findings else []
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    shown.sort(key=lambda f: order[f.severity])  # stable: in file order inside a severity
    department = spec.department
    name = department.name if department is not None else ""
    if result.department_range is None:
        total, grade = "", ""
    else:
        total = result.rules.rounding.display_range(*result.department_range)
        grade = result.department_grade or "待定 undecided"
    year, year_given = assessment.year, assessment.year_given
    heading = title or " ".join(
        part for part in (name, f"{year}年" if year_given else "", "预算绩效自评报告") if part
    )
    return ReportPage(
        title=heading,
        department=name,
        year=year,
        year_given=year_given,
        rules=result.rules.name,
        rules_title=result.rules.title,
        department_total=total,
        department_grade=grade,
        projects=projects,
        with_findings=with_findings,
        findings=tuple(_finding_row(f) for f in shown),
        finding_counts=tuple(
            (severity.value, sum(f.severity is severity for f in shown)) for severity in Severity
        ),
        finding_codes=_codes(shown),
        level1_names=_level1_names(projects),
        audit=audit_tables(assessment.audit) if with_findings and assessment.audit else (),
    )
