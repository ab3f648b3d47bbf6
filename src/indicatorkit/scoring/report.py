"""Scoring a whole spec (:func:`score`): actuals merged, the rule set chosen, every project
that has indicators scored (:mod:`~indicatorkit.scoring.project_score`), and the department's
roll-up — the mean of the project totals, weighted by budget where the rule set says so.

The records it returns are :mod:`~indicatorkit.scoring.score_records` (and the budget line
:mod:`~indicatorkit.scoring.budget_line`), importable from here too.  When the weights and the
budget line do not total 100 (or the printed 总分), no grade is given and ``grade_note`` says
why — unless the rule set rescales to 100 (百分制折算, ``rescale-100``).

>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 社区矫正
...   预算：5000元
...   执行数：4000元
...   指标 产出指标 / 数量指标 / 走访次数
...     指标值：≥24次
...     实际值：18次
...   指标 效益指标 / 社会效益指标 / 再犯罪率
...     指标值：≤1%
...     实际值：0.5%
...   指标 满意度指标 / 服务对象满意度指标 / 满意度
...     指标值：≥90%
... ''')
>>> project = score(spec).projects[0]
>>> [(s.score.outcome.value, s.score.score) for s in project.indicators]
[('missed', Fraction(75, 2)), ('met', Fraction(30, 1)), ('actual missing', None)]
>>> project.budget.score, project.total_range, project.grade
(Fraction(8, 1), (Fraction(151, 2), Fraction(171, 2)), None)
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import attrs

from indicatorkit.errors import ArgumentError
from indicatorkit.model.actuals import ACTUALS_HINT, Actuals, merge_actuals
from indicatorkit.model.findings import Finding
from indicatorkit.model.records import Spec
from indicatorkit.scoring.budget_line import BudgetLine, budget_line
from indicatorkit.scoring.project_score import range_grade, score_project
from indicatorkit.scoring.rules import Rollup, RuleSet, rule_set
from indicatorkit.scoring.score_records import ProjectScore, ScoredIndicator, SpecScore, Subtotal

__all__ = [
    "BudgetLine",
    "ProjectScore",
    "ScoredIndicator",
    "SpecScore",
    "Subtotal",
    "budget_line",
    "score",
]

_ZERO = Fraction(0)


def score(
    spec: Spec,
    actuals: Actuals | None = None,
    *,
    rules: RuleSet | str | None = None,
    spec_file: str | None = None,
    rescale: bool = False,
) -> SpecScore:
    """Score every project of ``spec`` that has indicators (withheld projects have none), by
    ``rules`` — a :class:`RuleSet`, a rule set's name, or ``None`` for the rule set the spec
    names (``Spec.rules``), else the national rules.

    ``actuals`` (read from a file with :func:`~indicatorkit.formats.actuals_file.read_actuals`)
    are merged onto the spec first; what the merge says is in :attr:`SpecScore.findings`
    (an indicator left without an actual located in ``spec_file``, the spec's file name).
    An argument of the wrong kind is an :class:`~indicatorkit.errors.ArgumentError`.
    ``rescale`` asks for 百分制折算: totals of weights other than 100 are rescaled to 100
    (the rule set's ``rescale_weights``); without it such a project gets no grade.

    >>> from indicatorkit import loads, score
    >>> from indicatorkit.scoring import display
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n")
    >>> project = score(spec).projects[0]
    >>> display(project.indicators[0].score.score), display(project.budget.score)
    ('50.00', '9.00')
    >>> score(spec, rules="hubei").rules.name
    'hubei'
    >>> project.total, project.grade, project.grade_note      # 50 + 10: out of 60
    (Fraction(59, 1), None, '分值合计 60，不是 100 (the weights total 60, not 100)')
    >>> rescaled = score(spec, rescale=True).projects[0]
    >>> display(rescaled.total), rescaled.grade
    ('98.33', '优')
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("score", "spec", "Spec", spec, "indicatorkit.load(path)")
    spec, findings = _merged(spec, actuals, spec_file)
    chosen = _chosen_rules(spec, rules, rescale)
    projects = tuple(
        score_project(project, chosen, spec.units)
        for project in spec.projects
        if project.withheld is None and project.indicators
    )
    department = "" if spec.department is None else spec.department.name
    if not projects:
        return SpecScore(chosen, projects, None, None, findings, department_name=department)
    low, high = _department_range(projects, chosen)
    graded = all(not p.grade_note for p in projects)
    grade = range_grade(chosen, low, high) if graded else None
    return SpecScore(chosen, projects, (low, high), grade, findings, department_name=department)


def _merged(
    spec: Spec, actuals: Actuals | None, spec_file: str | None
) -> tuple[Spec, tuple[Finding, ...]]:
    """``spec`` with ``actuals`` merged onto it, and what the merge said."""
    if actuals is None:
        return spec, ()
    if not isinstance(actuals, Actuals):
        raise ArgumentError("score", "actuals", "Actuals", actuals, ACTUALS_HINT)
    merged, findings = merge_actuals(spec, actuals, spec_file=spec_file)
    return merged, tuple(findings)


def _chosen_rules(spec: Spec, rules: RuleSet | str | None, rescale: bool) -> RuleSet:
    """The rule set asked for, else the spec's; rescaling weights to 100 when asked."""
    chosen = rule_set(rules if rules is not None else spec.rules)
    if rescale and not chosen.rescale_weights:
        chosen = attrs.evolve(chosen, rescale_weights=True)
    return chosen


def _department_range(
    projects: Sequence[ProjectScore], rules: RuleSet
) -> tuple[Fraction, Fraction]:
    """The department's total: the mean of the project totals (weighted by budget when the
    rule set rolls up so and every project has a budget), rounded as a total."""
    budgets = [_ZERO if p.budget_total is None else p.budget_total.normalized for p in projects]
    if rules.rollup is not Rollup.BUDGET_WEIGHTED or not all(b > 0 for b in budgets):
        budgets = [Fraction(1) for _ in projects]
    whole = sum(budgets, _ZERO)
    low, high = (
        rules.rounding.total(
            sum((w * p.total_range[end] for w, p in zip(budgets, projects, strict=True)), _ZERO)
            / whole
        )
        for end in (0, 1)
    )
    return low, high
