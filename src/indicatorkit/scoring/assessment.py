"""A self-assessment worked out once, for every output to show: the spec with its actuals
merged, its score, the findings (what merging said, then lint of the merged spec), each
project's spending at every checkpoint of its plan and spending, and the audit of the scores
a table prints.

The HTML report (:mod:`indicatorkit.formats.html_report`) only renders an :class:`Assessment`;
computing one is the caller's, with :func:`assess`.

>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   支出计划：6月底 50%，12月底 100%
...   执行数：9200元
...   累计支出：6月底 25%
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥200件
...     依据：调研
...     实际值：150件
... ''')
>>> assessment = assess(spec, year=2025)
>>> assessment.result.projects[0].total_range[0], assessment.year
(Fraction(467, 10), 2025)
>>> [(str(c.at), c.spent_from, c.line.spent) for c in assessment.spending[0].checkpoints]
[('6月底', 'spent', Fraction(1, 4)), ('12月底', 'executed', Fraction(23, 25))]
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction

import attrs

from indicatorkit.errors import InvalidValueError
from indicatorkit.language.values import DatePoint
from indicatorkit.model.actuals import Actuals, merge_actuals
from indicatorkit.model.findings import Finding
from indicatorkit.model.lint import lint
from indicatorkit.model.records import Project, Spec
from indicatorkit.scoring.audit import Audit, audit
from indicatorkit.scoring.monitoring import ProjectLight, monitor, spending_light
from indicatorkit.scoring.monitoring import _day as day_of
from indicatorkit.scoring.report import SpecScore, score
from indicatorkit.scoring.rules import RuleSet

__all__ = [
    "Assessment",
    "CheckpointSpending",
    "ProjectSpending",
    "assess",
    "spending_by_checkpoint",
]


@attrs.frozen
class CheckpointSpending:
    """A project's spending at one checkpoint: monitoring's line on that day.

    ``spent_from`` says where ``line.spent`` comes from: ``"spent"`` (the table's 累计支出),
    ``"executed"`` (全年执行数 ÷ 预算 at the year's end, where 累计支出 stops earlier) or
    ``""`` — unknown: spending is never carried forward past its last checkpoint.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  支出计划：6月底 50%，10月底 80%\\n"
    ...     "  累计支出：6月底 25%\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> (_, october) = spending_by_checkpoint(spec, 2025)[0].checkpoints
    >>> str(october.at), october.spent_from, october.line.spent, october.line.light.value
    ('10月底', '', None, 'grey')
    """

    at: DatePoint
    line: ProjectLight
    spent_from: str


@attrs.frozen
class ProjectSpending:
    """Every checkpoint of one project's plan and spending, in the order of the year.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 7 法律援助\\n  支出计划：6月底 50%，12月底 100%\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> spending = spending_by_checkpoint(spec, 2025)[0]
    >>> spending.number, [str(c.at) for c in spending.checkpoints]
    (7, ['6月底', '12月底'])
    """

    number: int
    checkpoints: tuple[CheckpointSpending, ...]


@attrs.frozen
class Assessment:
    """What every output of a self-assessment shows: ``spec`` (its actuals merged), its
    ``result``, the ``findings`` (merging's, then lint's of the merged spec) and the
    ``spending`` of each project at its checkpoints in ``year`` (``year_given``: the year was
    the caller's or the spec's, not today's).

    >>> from indicatorkit import loads
    >>> assessment = assess(loads("部门 1 示例局\\n  年度：2024\\n\\n项目 1 法律援助\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    依据：调研\\n"))
    >>> assessment.year, assessment.year_given, len(assessment.result.projects)
    (2024, True, 1)
    >>> sorted({f.code for f in assessment.findings})
    ['IK105', 'IK303']
    """

    spec: Spec
    result: SpecScore
    findings: tuple[Finding, ...]
    spending: tuple[ProjectSpending, ...]
    year: int
    year_given: bool
    #: The audit of the printed scores (:func:`~indicatorkit.audit`), ``None`` when no table
    #: prints one.
    audit: Audit | None = None


def _checkpoints(project: Project) -> list[DatePoint]:
    """The plan's and the spending's checkpoints, each once, in the order of the year."""
    seen: dict[tuple[int | None, int, int], DatePoint] = {}
    for plan in (project.plan, project.spent):
        if plan is None:
            continue
        for checkpoint in plan.checkpoints:
            point = checkpoint.by
            seen.setdefault((point.year, *point.key()), point)
    return [seen[key] for key in sorted(seen, key=lambda k: (k[0] or 0, k[1], k[2]))]


def _key(point: DatePoint) -> tuple[int | None, int, int]:
    return (point.year, *point.key())


def _year_end_rate(project: Project) -> Fraction | None:
    """全年执行数 ÷ 预算 (the adjusted budget where given), the spending at 12月底 where the
    table's 累计支出 stops before the year's end (or is not given beside a plan)."""
    budget = project.year_budget
    if project.executed is None or budget is None or budget.normalized <= 0:
        return None
    known = project.spent.checkpoints if project.spent is not None else ()
    if (not known and project.plan is None) or any(c.by.key() == (12, 31) for c in known):
        return None
    return project.executed.normalized / budget.normalized


def _project_spending(project: Project, spec: Spec, year: int) -> ProjectSpending:
    """Monitoring's plan at each checkpoint, and the spending the table gives at that very
    checkpoint (or 执行数 ÷ 预算 at 12月底): never a share carried to a later checkpoint."""
    told = (
        {_key(c.by): c.share.normalized for c in project.spent.checkpoints} if project.spent else {}
    )
    rate = _year_end_rate(project)
    points = _checkpoints(project)
    if rate is not None and all(point.key() != (12, 31) for point in points):
        points = sorted([*points, DatePoint(12)], key=lambda p: (p.year or 0, *p.key()))
    alone = Spec(
        projects=(attrs.evolve(project, indicators=project.indicators[:1]),), units=spec.units
    )
    found = []
    for point in points:
        (line,) = monitor(alone, day_of(point, year)).projects
        share, source = told.get(_key(point)), "spent"
        if share is None and rate is not None and point.key() == (12, 31):
            share, source = rate, "executed"
        lag, light = spending_light(line.planned, share)
        line = attrs.evolve(line, spent=share, lag=lag, light=light)
        found.append(CheckpointSpending(point, line, source if share is not None else ""))
    return ProjectSpending(project.number, tuple(found))


def spending_by_checkpoint(spec: Spec, year: int) -> tuple[ProjectSpending, ...]:
    """Each scored project's spending at every checkpoint of its plan and spending in
    ``year``: :func:`~indicatorkit.monitor` on that day, on a spec of this project alone with
    its first indicator (the spending line does not depend on the indicators), so the work is
    linear in the input.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  支出计划：6月底 50%\\n"
    ...     "  累计支出：6月底 35%\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> [(str(c.at), c.line.planned, c.line.spent) for c in spending_by_checkpoint(spec, 2025)[0].checkpoints]
    [('6月底', Fraction(1, 2), Fraction(7, 20))]
    """
    return tuple(
        _project_spending(project, spec, year)
        for project in spec.projects
        if project.withheld is None and project.indicators
    )


def _year(spec: Spec, year: int | None) -> tuple[int, bool]:
    if year is not None:
        if not 1 <= year <= 9999:
            raise InvalidValueError(f"年度应在 1 到 9999 之间 (the year is 1 to 9999): {year}")
        return year, True
    if spec.department is not None and spec.department.year is not None:
        return spec.department.year, True
    for project in spec.projects:
        for plan in (project.plan, project.spent):
            for checkpoint in plan.checkpoints if plan is not None else ():
                if checkpoint.by.year is not None:
                    return checkpoint.by.year, True
    return datetime.date.today().year, False


def assess(
    spec: Spec,
    actuals: Actuals | None = None,
    *,
    rules: RuleSet | str | None = None,
    year: int | None = None,
    file: str | None = None,
    source: str | None = None,
) -> Assessment:
    """Merge ``actuals`` onto ``spec``, score it by ``rules`` (as :func:`~indicatorkit.score`),
    lint the merged spec (``file`` and ``source`` locate its findings, as for
    :func:`~indicatorkit.lint`) and monitor each project's spending at its checkpoints in
    ``year`` (default: the department's year, else a checkpoint's, else this year).

    An unknown rule set is an :class:`~indicatorkit.errors.UnknownRuleSetError`, a year
    outside 1–9999 an :class:`~indicatorkit.errors.InvalidValueError`.

    >>> from indicatorkit import lint, loads
    >>> from indicatorkit.formats.actuals_file import read_actuals
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    依据：调研\\n")
    >>> [f.code for f in lint(spec)]                   # the spec alone: no actual yet
    ['IK105', 'IK105', 'IK209']
    >>> assessment = assess(spec, read_actuals("项目,三级指标,实际值\\n1,受理数,210件\\n"))
    >>> assessment.spec.projects[0].indicators[0].actual
    '210件'
    >>> [f.code for f in assessment.findings]          # lint saw the merged actual
    ['IK105', 'IK105']
    >>> assess(spec, year=0)
    Traceback (most recent call last):
      ...
    indicatorkit.errors.InvalidValueError: 年度应在 1 到 9999 之间 (the year is 1 to 9999): 0
    """
    chosen_year, year_given = _year(spec, year)
    merged: Sequence[Finding] = ()
    if actuals is not None:
        spec, merged = merge_actuals(spec, actuals, spec_file=file)
    result = attrs.evolve(score(spec, rules=rules), findings=tuple(merged))
    # IK309 adds the budget line of the rule set scored by: the spec's own unless ``rules``
    points = None if rules is None else result.rules.budget_weight
    findings = (*merged, *lint(spec, file=file, source=source, budget_weight=points))
    audited = audit(spec, rules=result.rules, file=file)
    return Assessment(
        spec=spec,
        result=result,
        findings=findings,
        spending=spending_by_checkpoint(spec, chosen_year),
        year=chosen_year,
        year_given=year_given,
        audit=audited if audited.tables else None,
    )
