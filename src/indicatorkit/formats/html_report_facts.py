"""What the report shows of a project besides its scores, as display text: its money (in 万元,
with thousands separators, the exact amount kept beside) — 年度资金总额 and its sources, 年初
and 全年预算数, 执行数 and 执行率 — its goal against what was achieved (实际完成情况), and the
assessment's conclusions.

>>> from indicatorkit import loads
>>> project = loads('''
... 项目 1 法律援助
...   预算：1584060.0832元
...   财政资金：1500000元
...   其他资金：84060.0832元
...   绩效目标：全年受理法律援助案件不少于200件
...   执行数：1552378.88元
...   评价结论：较好完成年度目标
... ''').projects[0]
>>> facts = project_facts(project)
>>> [(row.label, row.budget.shown, row.executed.shown, row.rate) for row in facts.funds]
[('年度资金总额 total', '158.41万元', '155.24万元', '98.00%'), ('其中：财政资金 fiscal', '150.00万元', '', ''), ('其他资金 other', '8.41万元', '', '')]
>>> facts.funds[0].budget.exact, facts.goal, facts.conclusion
('1584060.0832元', '全年受理法律援助案件不少于200件', '较好完成年度目标')
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from indicatorkit.language.values import Amount
from indicatorkit.model.records import Project
from indicatorkit.scoring.indicator import display_percent

__all__ = ["FundRow", "Money", "ProjectFacts", "money", "project_facts"]

_WAN = 10_000


@attrs.frozen
class Money:
    """An amount as shown (``shown``: 万元, two decimals rounded half up, thousands separated)
    and as written (``exact``); both ``""`` for no amount.

    >>> from indicatorkit.language import Amount
    >>> from indicatorkit.units import unit
    >>> money(Amount(123456789, unit("元")))
    Money(shown='12,345.68万元', exact='123456789元')
    """

    shown: str
    exact: str


def money(amount: Amount | None) -> Money:
    """``amount`` (money) in 万元 for display: ``1584060.0832元`` → ``158.41万元``.

    >>> from indicatorkit.language import Amount
    >>> from indicatorkit.units import unit
    >>> money(Amount(5, unit("亿元"))).shown, money(None)
    ('50,000.00万元', Money(shown='', exact=''))
    """
    if amount is None:
        return Money("", "")
    cents = amount.normalized * 100 / _WAN
    # half up in whole numbers: exact at any size (Decimal's 28 digits would round)
    rounded = (abs(cents.numerator) * 2 + cents.denominator) // (2 * cents.denominator)
    sign = "-" if cents < 0 and rounded else ""
    return Money(f"{sign}{rounded // 100:,}.{rounded % 100:02d}万元", str(amount))


@attrs.frozen
class FundRow:
    """A row of the funds table: 年度资金总额 or one of its sources, with its 年初预算数,
    全年预算数 (the adjusted budget where one is given), 全年执行数 and 执行率.

    >>> from indicatorkit import loads
    >>> project = loads("项目 1 甲\\n  预算：100万元\\n  执行数：90万元\\n  调整后预算：120万元\\n").projects[0]
    >>> (row,) = project_facts(project).funds
    >>> row.initial.shown, row.budget.shown, row.executed.shown, row.rate
    ('100.00万元', '120.00万元', '90.00万元', '75.00%')
    """

    label: str
    initial: Money
    budget: Money
    executed: Money
    rate: str


@attrs.frozen
class ProjectFacts:
    """A project's funds table, its goal against what was achieved (``goal_outcome``: the
    table's 实际完成情况, ``""`` when not given) and the assessment's conclusions.

    >>> from indicatorkit import loads
    >>> facts = project_facts(loads("项目 1 甲\\n  存在问题：宣传不足\\n").projects[0])
    >>> facts.funds, facts.problems, facts.has_conclusions
    ((), '宣传不足', True)
    """

    funds: tuple[FundRow, ...]
    goal: str
    goal_outcome: str
    conclusion: str
    problems: str
    improvements: str

    @property
    def has_conclusions(self) -> bool:
        return bool(self.conclusion or self.problems or self.improvements)


def _rate(executed: Amount | None, budget: Amount | None) -> str:
    if executed is None or budget is None or budget.normalized <= 0:
        return ""
    share: Fraction = executed.normalized / budget.normalized
    return display_percent(share)


def _funds(project: Project) -> tuple[FundRow, ...]:
    """年度资金总额, then its sources: the table's fund-source rows where it gives them (the
    central 自评表), else the budget's 财政资金 and 其他资金."""
    budget = project.budget.total if project.budget is not None else None
    adjusted, whole = project.adjusted_budget, project.year_budget
    if whole is None and project.executed is None:
        return ()
    # 年初预算数: the declared budget, where the year's (全年预算数, adjusted) stands beside it
    initial = budget if adjusted is not None else None
    rows = [
        FundRow(
            "年度资金总额 total",
            money(initial),
            money(whole),
            money(project.executed),
            _rate(project.executed, whole),
        )
    ]
    if project.fund_sources:
        rows += [
            FundRow(
                source.name,
                money(source.initial),
                money(source.budget),
                money(source.executed),
                _rate(source.executed, source.budget),
            )
            for source in project.fund_sources
        ]
    elif project.budget is not None:
        parts = (
            ("其中：财政资金 fiscal", project.budget.fiscal),
            ("其他资金 other", project.budget.other),
        )
        for label, part in parts:
            if part is None:
                continue
            shown = money(part)
            none = Money("", "")
            declared_only = adjusted is not None  # the parts split the declared budget
            rows.append(
                FundRow(
                    label,
                    shown if declared_only else none,
                    none if declared_only else shown,
                    none,
                    "",
                )
            )
    return tuple(rows)


def project_facts(project: Project) -> ProjectFacts:
    """The facts of ``project`` the report shows beside its scores.

    >>> from indicatorkit import loads
    >>> facts = project_facts(loads("项目 1 甲\\n  绩效目标：保障运转\\n  预算：5万元\\n").projects[0])
    >>> facts.goal, [(row.label, row.budget.shown) for row in facts.funds]
    ('保障运转', [('年度资金总额 total', '5.00万元')])
    """
    return ProjectFacts(
        funds=_funds(project),
        goal=project.goal,
        goal_outcome=project.goal_outcome,
        conclusion=project.conclusion,
        problems=project.problems,
        improvements=project.improvements,
    )
