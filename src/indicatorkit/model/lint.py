"""Lint: the checks a finance reviewer makes when auditing targets (绩效目标审核).

Each check has a stable code; :data:`RULES` lists them all.  Findings point at the file
position a record or field was read from (``Where``); for a spec built in code they have
line 0.

>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   财政资金：9000元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：,=100
... ''')
>>> [f.code for f in lint(spec)]
['IK105', 'IK105', 'IK302', 'IK108', 'IK201']
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

import attrs

from indicatorkit.errors import ArgumentError
from indicatorkit.language.bare_numbers import bare_readings, two_readings
from indicatorkit.language.targets import Comparison, Range
from indicatorkit.model.budget_points import budget_points
from indicatorkit.model.findings import Finding
from indicatorkit.model.lint_names import check_names
from indicatorkit.model.lint_rules import RULES, FindingList
from indicatorkit.model.lint_targets import check_target
from indicatorkit.model.printed_score import score_problem
from indicatorkit.model.records import (
    Department,
    Indicator,
    Programme,
    Project,
    Spec,
    SpendingPlan,
    Where,
)
from indicatorkit.numerals import format_decimal
from indicatorkit.units import UnitRegistry
from indicatorkit.vocabulary import level1_name

__all__ = ["RULES", "lint"]

#: Every project should have these level-1 categories.
REQUIRED_LEVEL1 = ("产出指标", "效益指标", "满意度指标")

_COUNT_IN_SUMMARY = re.compile(r"下设\s*(\d+)\s*个三级指标")


def _assessed(indicator: Indicator) -> bool:
    return (
        indicator.actual is not None
        or indicator.evaluator_score is not None
        or bool(indicator.reason)
        or indicator.not_applicable is not None
    )


def lint(
    spec: Spec,
    *,
    file: str | None = None,
    source: str | None = None,
    budget_weight: Fraction | None = None,
) -> list[Finding]:
    """Every finding about ``spec``, in file order (records built in code first).

    ``file`` names the file in the findings; ``source``, the file's text, lets each finding
    show its line with a caret.  ``budget_weight`` is the budget line's 分值 where a project
    prints none, for IK309: by default the rule set the spec names
    (:func:`~indicatorkit.model.budget_points.budget_points`: national 10, Hubei 20); give it
    to lint under another rule set (``assess`` gives the one it scores by).

    >>> from indicatorkit import lint, loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：,=180件\\n")
    >>> sorted({f.code for f in lint(spec)})
    ['IK105', 'IK108', 'IK201']
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("lint", "spec", "Spec", spec, "indicatorkit.load(path)")
    points = budget_points(spec.rules) if budget_weight is None else budget_weight
    checker = _Checker(file, spec.units, points)
    if spec.department is not None:
        checker.department(spec.department)
    for project in spec.projects:
        checker.project(project)
    # in file order: a workbook's sheets in the order read, records built in code first
    sheets = {
        sheet: index for index, sheet in enumerate(dict.fromkeys(f.sheet for f in checker.findings))
    }
    sheets[None] = -1
    findings = sorted(checker.findings, key=lambda f: (sheets[f.sheet], f.line, f.column, f.code))
    if source is not None:
        lines = source.removeprefix("\ufeff").split("\n")
        findings = [
            attrs.evolve(f, source_line=lines[f.line - 1].rstrip("\r"))
            if 0 < f.line <= len(lines) and f.sheet is None
            else f
            for f in findings
        ]
    return findings


def _out_of_order(plan: SpendingPlan) -> list[str]:
    """What is wrong with the order of cumulative shares: one that decreases, a checkpoint
    not after the one before."""
    shares = [point.share.normalized for point in plan.checkpoints]
    days = [point.by.key() for point in plan.checkpoints]
    problems = []
    if any(b < a for a, b in itertools.pairwise(shares)):
        problems.append("累计支出比例下降")
    if any(b <= a for a, b in itertools.pairwise(days)):
        problems.append("时点不是按先后排列")
    return problems


class _Checker(FindingList):
    """The checks of records and their indicators; the names' and targets' are in
    :mod:`~indicatorkit.model.lint_names` and :mod:`~indicatorkit.model.lint_targets`."""

    def __init__(
        self, file: str | None, units: UnitRegistry | None, budget_weight: Fraction
    ) -> None:
        super().__init__(file)
        self.units = units
        self.budget_weight = budget_weight

    # ---- records ----
    def department(self, department: Department) -> None:
        numbers = [goal.number for goal in department.goals if goal.number is not None]
        if numbers:
            expected = list(range(1, max(numbers) + 1))
            missing = sorted(set(expected) - set(numbers))
            repeated = sorted(n for n, c in Counter(numbers).items() if c > 1)
            if missing or repeated or numbers != sorted(numbers):
                detail = (
                    "；".join(
                        part
                        for part in (
                            f"缺少第 {'、'.join(map(str, missing))} 条" if missing else "",
                            f"第 {'、'.join(map(str, repeated))} 条重复" if repeated else "",
                        )
                        if part
                    )
                    or "顺序错乱"
                )
                self.add("IK304", f"部门目标{detail}", department.where)
        for programme in department.programmes:
            self.programme(programme)

    def programme(self, programme: Programme) -> None:
        self.plan(programme.plan, programme.where)
        self.indicators(programme.indicators, programme.where, f"分项“{programme.name}”")
        if any(_assessed(i) for i in programme.indicators):
            self.unassessed(programme.indicators)
        stated = _COUNT_IN_SUMMARY.search(programme.summary)
        if stated and int(stated.group(1)) != len(programme.indicators):
            self.add(
                "IK305",
                f"说明写“下设{stated.group(1)}个三级指标”，实际有 {len(programme.indicators)} 个",
                programme.where,
                "summary",
            )

    def project(self, project: Project) -> None:
        if project.withheld is not None:
            return
        if project.budget is None or not project.indicators:
            missing = "预算" if project.budget is None else "指标"
            self.add("IK303", f"项目 {project.number} 没有{missing}", project.where)
        budget = project.budget
        if budget is not None and (budget.fiscal is not None or budget.other is not None):
            parts = [amount.normalized for amount in (budget.fiscal, budget.other) if amount]
            if sum(parts) != budget.total.normalized:
                self.add(
                    "IK302",
                    f"财政资金 {budget.fiscal or '空'} + 其他资金 {budget.other or '空'} "
                    f"≠ 预算数 {budget.total}",
                    project.where,
                    "budget",
                )
        self.plan(project.plan, project.where)
        self.indicators(project.indicators, project.where, f"项目 {project.number}")
        self.weights(project)
        self.execution(project)
        if project.has_actuals():
            self.unassessed(project.indicators)
        for indicator in project.indicators:
            self.bare_actual(indicator)

    def weights(self, project: Project) -> None:
        """IK309: the indicators' 分值 and the budget line's total 100, and the printed 总分."""
        weights = [i.weight for i in project.indicators]
        if not weights or any(weight is None for weight in weights):
            return  # no weights (the rule set's apply), or some missing (IK306)
        budget = self.budget_weight if project.budget_weight is None else project.budget_weight
        total = sum((w for w in weights if w is not None), Fraction(0)) + budget
        printed = project.weight_total
        problems = []
        if total != 100:
            problems.append("不是 100")
        if printed is not None and printed != total:
            problems.append(f"与表中总分 {format_decimal(printed)} 不符")
        if problems:
            self.add(
                "IK309",
                f"项目 {project.number} 各指标分值 {format_decimal(total - budget)} 加预算执行率 "
                f"{format_decimal(budget)} 合计 {format_decimal(total)}，{'，'.join(problems)}",
                project.where,
                "weight_total" if printed is not None else None,
                suggestion="核对各指标分值；需要折算时用 score --rescale / check the weights; "
                "score --rescale rescales to 100",
            )

    def execution(self, project: Project) -> None:
        """累计支出 and 执行数 against the budget."""
        spent = project.spent
        if spent is not None and spent.checkpoints:
            problems = _out_of_order(spent)
            if max(point.share.normalized for point in spent.checkpoints) > 1:
                problems.append("累计支出超过 100%")
            if problems:
                self.add("IK307", "；".join(problems), project.where, "spent")
        budget = project.year_budget
        if project.executed is not None and budget is not None:
            if project.executed.normalized > budget.normalized:
                which = "调整后预算" if project.adjusted_budget else "预算数"
                self.add(
                    "IK308",
                    f"执行数 {project.executed} > {which} {budget}",
                    project.where,
                    "executed",
                )

    def unassessed(self, indicators: Iterable[Indicator]) -> None:
        """In a table that is being assessed, every indicator has an actual or is 不适用."""
        for indicator in indicators:
            if indicator.actual is None and indicator.not_applicable is None:
                self.add(
                    "IK209",
                    f"“{indicator.name or indicator.description}”没有实际值",
                    indicator.where,
                    suggestion="写“实际值：…”或“不适用：原因” / add 实际值 or 不适用",
                )

    def bare_actual(self, indicator: Indicator) -> None:
        """An actual written as a bare number whose reading in the target's unit is implausible
        (``0.96`` for ``≥95%``, ``46800`` for ``≤5万元``): both readings, and no score."""
        actual = indicator.actual
        if actual is None or not isinstance(indicator.target, Comparison | Range):
            return
        read = indicator.read_actual(self.units)  # read once: scoring uses the same reading
        readings = bare_readings(actual, indicator.target, self.units, read)
        if readings is not None and (other := readings[1]) is not None:
            self.add(
                "IK213",
                two_readings(actual, readings[0], other),
                indicator.where,
                "actual",
                suggestion=f"写明单位，如“{other}” / write the unit",
            )

    def plan(self, plan: SpendingPlan | None, where: Where | None) -> None:
        if plan is None or not plan.checkpoints:
            return
        problems = _out_of_order(plan)
        if plan.checkpoints[-1].share.normalized != 1:
            problems.append(f"最后一个时点为 {plan.checkpoints[-1].share}，不是 100%")
        if problems:
            self.add("IK301", "；".join(problems), where, "plan")

    # ---- indicators ----
    def indicators(self, indicators: Iterable[Indicator], where: Where | None, owner: str) -> None:
        indicators = list(indicators)
        for indicator in indicators:
            self.indicator(indicator)
        names = Counter(i.name for i in indicators if i.name)
        for indicator in indicators:
            if names[indicator.name] > 1:
                self.add(
                    "IK106",
                    f"“{indicator.name}”在{owner} 中出现 {names[indicator.name]} 次",
                    indicator.where,
                )
        present = {level1_name(i.level1) for i in indicators}
        if indicators:
            for level1 in REQUIRED_LEVEL1:
                if level1 not in present:
                    self.add("IK105", f"{owner} 没有“{level1}”", where)
        weighted = [i.weight is not None for i in indicators]
        if any(weighted) and not all(weighted):
            self.add("IK306", f"{owner} 有 {weighted.count(False)} 个指标没有分值", where)

    def indicator(self, indicator: Indicator) -> None:
        where = indicator.where
        check_names(self, indicator)
        if not indicator.basis:
            self.add("IK108", "", where)
        score = indicator.evaluator_score
        if score is not None:
            if (problem := score_problem(indicator, self.units)) is not None:
                self.add(
                    "IK207",
                    f"指标值“{indicator.target_text}”是定量的，自评得分 {format_decimal(score)}："
                    f"{problem}",
                    where,
                    "evaluator_score",
                    suggestion="定量指标的得分由计分规则按实际值计算 / the rules score it",
                )
            if indicator.weight is not None and score > indicator.weight:
                self.add(
                    "IK208",
                    f"自评得分 {format_decimal(score)} > 分值 {format_decimal(indicator.weight)}",
                    where,
                    "evaluator_score",
                )
        check_target(self, indicator, self.units)
