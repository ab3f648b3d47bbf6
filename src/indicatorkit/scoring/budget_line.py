"""预算执行率: a project's budget line — executed ÷ budget (the adjusted budget where one is
given), scored by the rule set and rounded as it rounds a row; undecided, with the reason, while
the budget or the executed amount is missing.

>>> from indicatorkit import NATIONAL, loads
>>> project = loads("项目 1 甲\\n  预算：200元\\n  执行数：150元\\n").projects[0]
>>> line = budget_line(project, NATIONAL)
>>> line.rate, line.score, line.explanation_required
(Fraction(3, 4), Fraction(15, 2), False)
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from indicatorkit.language.values import Amount
from indicatorkit.model.records import Project
from indicatorkit.scoring.rules import RuleSet

__all__ = ["BudgetLine", "budget_line"]

_ZERO = Fraction(0)


@attrs.frozen
class BudgetLine:
    """预算执行率: executed ÷ budget (the adjusted budget where one is given), scored.

    >>> from indicatorkit import loads, score
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n")
    >>> line = score(spec).projects[0].budget
    >>> line.rate, line.weight, line.score
    (Fraction(19, 20), Fraction(10, 1), Fraction(19, 2))
    """

    budget: Amount | None
    executed: Amount | None
    rate: Fraction | None
    weight: Fraction
    score: Fraction | None
    score_range: tuple[Fraction, Fraction]
    explanation_required: bool = False
    explanation_given: bool = False
    message: str = ""
    #: The table's 执行说明 (why the budget was executed as it was), as written.
    reason: str = ""
    #: The score before the rule set rounds it (``None`` while undecided).
    exact_score: Fraction | None = None


def _undecided_because(budget: Amount | None, executed: Amount | None) -> str:
    """Why the line cannot be scored, or ``""`` when it can."""
    if budget is None:
        return "缺少预算数 (no budget)"
    if executed is None:
        return "缺少执行数 (no executed amount)"
    if budget.normalized <= 0:
        return "预算数为 0，无法计算执行率 (a zero budget has no rate)"
    return ""


def budget_line(project: Project, rules: RuleSet) -> BudgetLine:
    """The budget line of ``project`` under ``rules`` (the table's printed 分值 where it has
    one), as :func:`~indicatorkit.score` gives it — also for a project with no indicators.

    >>> from indicatorkit import NATIONAL, loads
    >>> project = loads("项目 1 甲\\n  预算：100元\\n  执行数：95元\\n").projects[0]
    >>> line = budget_line(project, NATIONAL)
    >>> line.rate, line.score
    (Fraction(19, 20), Fraction(19, 2))
    >>> budget_line(loads("项目 1 甲\\n  预算：100元\\n").projects[0], NATIONAL).message
    '缺少执行数 (no executed amount)'
    """
    budget = project.year_budget
    if project.budget_weight is not None and project.budget_weight != rules.budget_weight:
        rules = attrs.evolve(rules, budget_weight=project.budget_weight)  # the table's 分值
    weight, executed = rules.budget_weight, project.executed
    undecided = _undecided_because(budget, executed)
    if undecided or budget is None or executed is None:
        return BudgetLine(
            budget,
            executed,
            None,
            weight,
            None,
            (_ZERO, weight),
            message=undecided,
            reason=project.budget_reason,
        )
    rate = executed.normalized / budget.normalized
    exact = rules.budget_score(rate)
    score = rules.rounding.row(exact, weight)
    required = rules.budget_rate_floor is not None and rate < rules.budget_rate_floor
    return BudgetLine(
        budget,
        executed,
        rate,
        weight,
        score,
        (score, score),
        explanation_required=required,
        explanation_given=bool(project.budget_reason.strip()),
        message="执行率偏低，须说明 (a low rate: explain it)" if required else "",
        reason=project.budget_reason,
        exact_score=exact,
    )
