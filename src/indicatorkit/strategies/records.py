"""Strategies for spec records (绩效目标表): indicators, spending plans, projects,
departments and whole specs, with texts that use the characters the spec format gives a
meaning to."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from indicatorkit.language.bounds import Direction
from indicatorkit.model import fields
from indicatorkit.model import records as model
from indicatorkit.strategies._arguments import check_type
from indicatorkit.strategies.spelling import target_texts_with_targets
from indicatorkit.strategies.values import amounts, date_points

__all__ = [
    "SPEC_TEXT_ALPHABET",
    "departments",
    "indicators",
    "projects",
    "specs",
    "spending_plans",
]

#: Characters spec texts are drawn from: Chinese words, digits and the characters that mean
#: something to the spec format (so that its writer is tested against them).
SPEC_TEXT_ALPHABET = (
    "法律援助服务资金使用规范项目办公设备采购维修培训宣传年月元件ABC12：:#|-/（）“” "
)


@cache
def _spec_line(max_size: int) -> SearchStrategy[str]:
    return st.text(SPEC_TEXT_ALPHABET, max_size=max_size).map(str.strip)


@cache
def _spec_text() -> SearchStrategy[str]:
    return st.lists(_spec_line(12), max_size=3).map("\n".join).map(str.strip)


@cache
def _level_names() -> SearchStrategy[tuple[str, str, str]]:
    names = st.tuples(_spec_line(8), _spec_line(8), _spec_line(8))
    return names.filter(lambda levels: fields.split_levels(" / ".join(levels)) == list(levels))


#: Actual values as a self-assessment writes them: amounts, dates, grades, and any text.
_ACTUAL_WORDS = ("96%", "205件", "4.8万元", "12月20日", "达成", "部分达成", "未达成", "0")


@cache
def _actuals() -> SearchStrategy[str | None]:
    return st.none() | st.sampled_from(_ACTUAL_WORDS) | _spec_text()


@cache
def _scores() -> SearchStrategy[Any]:
    return st.none() | st.fractions(min_value=0, max_value=100, max_denominator=8)


def indicators() -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.Indicator` records: levels (possibly empty), a target
    written in any spelling of the language (:func:`target_texts_with_targets`), description,
    basis, weight and direction; sometimes a self-assessment: an actual, an evaluator score and
    a reason, or 不适用 with its reason.

    >>> from hypothesis import given, settings
    >>> from indicatorkit import Indicator
    >>> @settings(max_examples=10, deadline=None)
    ... @given(indicators())
    ... def test_indicators(indicator):
    ...     assert isinstance(indicator, Indicator) and indicator.target_text
    >>> test_indicators()
    """

    # every strategy is built once, outside the draws: a strategy made inside a draw is
    # validated again on every example, which cost more than the examples themselves
    level_names = _level_names()
    texts_with_targets = target_texts_with_targets()
    weights = st.none() | st.fractions(min_value=0, max_value=100, max_denominator=8)
    directions = st.sampled_from([None, *Direction])
    kinds = st.sampled_from(["none", "none", "actual", "not_applicable"])

    @st.composite
    def assessment(draw: st.DrawFn) -> dict[str, Any]:
        kind = draw(kinds)
        if kind == "none":
            return {}
        if kind == "not_applicable":
            return {"not_applicable": draw(_spec_text()), "reason": draw(_spec_text())}
        return {
            "actual": draw(_actuals()),
            "evaluator_score": draw(_scores()),
            "reason": draw(_spec_text()),
        }

    assessments = assessment()

    @st.composite
    def build(draw: st.DrawFn) -> model.Indicator:
        level1, level2, name = draw(level_names)
        text, target = draw(texts_with_targets)
        return model.Indicator(
            level1,
            level2,
            name,
            target,
            target_text=text,
            description=draw(_spec_text()),
            basis=draw(_spec_text()),
            weight=draw(weights),
            direction=draw(directions),
            **draw(assessments),
        )

    return build()


def spending_plans() -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.SpendingPlan` records (any order: lint judges it).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, deadline=None)
    ... @given(spending_plans())
    ... def test_plans(plan):
    ...     assert plan.checkpoints
    >>> test_plans()
    """
    checkpoint = st.builds(model.Checkpoint, date_points(), amounts(units=["%"], min_value=0))
    return st.lists(checkpoint, min_size=1, max_size=4).map(model.SpendingPlan)


def projects(*, max_indicators: int = 3) -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.Project` records, published or withheld.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, deadline=None)
    ... @given(projects(max_indicators=2))
    ... def test_projects(project):
    ...     assert len(project.indicators) <= 2
    >>> test_projects()
    """
    check_type("max_indicators", max_indicators, int)
    money = amounts(units=["元", "万元", "千元", "亿元"], places=2)
    optional_money = st.none() | money
    fund_source = st.builds(
        model.FundSource,
        _spec_line(8).filter(lambda name: bool(name) and not re.search(r"[\s：:；;，,]", name)),
        optional_money,
        optional_money,
        optional_money,
    )

    plans = st.none() | spending_plans()
    fund_source_lists = st.lists(fund_source, max_size=3)

    @st.composite
    def execution(draw: st.DrawFn) -> dict[str, Any]:
        if draw(st.booleans()):
            return {}
        return {
            "executed": draw(optional_money),
            "adjusted_budget": draw(optional_money),
            "spent": draw(plans),
            "budget_reason": draw(_spec_text()),
            "fund_sources": draw(fund_source_lists),
            "goal_outcome": draw(_spec_text()),
            **{name: draw(_spec_text()) for name in ("conclusion", "problems", "improvements")},
        }

    executions = execution()
    numbers = st.integers(0, 999)
    budgets = st.none() | st.builds(model.Budget, money, optional_money, optional_money)
    indicator_lists = st.lists(indicators(), max_size=max_indicators)

    @st.composite
    def build(draw: st.DrawFn) -> model.Project:
        number = draw(numbers)
        name = draw(_spec_line(10))
        if draw(st.booleans()) and draw(st.booleans()):
            return model.Project(
                number, name, unit=draw(_spec_line(6)), withheld=draw(_spec_text())
            )
        return model.Project(
            number,
            name,
            code=draw(_spec_line(10)),
            unit=draw(_spec_line(10)),
            budget=draw(budgets),
            purpose=draw(_spec_text()),
            plan=draw(plans),
            goal=draw(_spec_text()),
            indicators=draw(indicator_lists),
            **draw(executions),
        )

    return build()


def departments() -> SearchStrategy[Any]:
    """:class:`~indicatorkit.model.records.Department` records with goals, programmes, measures.

    >>> from hypothesis import given, settings
    >>> from indicatorkit import Department
    >>> @settings(max_examples=10, deadline=None)
    ... @given(departments())
    ... def test_departments(department):
    ...     assert isinstance(department, Department)
    >>> test_departments()
    """
    goals = st.builds(
        model.DepartmentGoal,
        st.none() | st.integers(0, 30),
        _spec_text(),
        st.lists(amounts(places=2), max_size=3),
    )
    programmes = st.builds(
        model.Programme,
        _spec_line(10).filter(bool),
        goal=_spec_text(),
        summary=_spec_text(),
        plan=st.none() | spending_plans(),
        indicators=st.lists(indicators(), max_size=2),
    )
    measures = st.builds(model.MeasureGroup, _spec_line(8), st.lists(_spec_text(), max_size=3))
    return st.builds(
        model.Department,
        st.text("ABC0123456789", max_size=6),
        _spec_line(10),
        st.none() | st.integers(1990, 2100),
        overall_goal=_spec_text(),
        goals=st.lists(goals, max_size=3),
        programmes=st.lists(programmes, max_size=2),
        measures=st.lists(measures, max_size=2),
    )


def specs(*, max_projects: int = 4) -> SearchStrategy[Any]:
    """Whole :class:`~indicatorkit.model.records.Spec` values: an optional department and up to
    ``max_projects`` projects with distinct numbers, in order.  Texts use characters that mean
    something to the spec format (``：#|-/``), so writers and readers meet them.

    >>> isinstance(specs(), SearchStrategy)
    True
    """
    check_type("max_projects", max_projects, int)
    if max_projects < 0:
        raise InvalidArgument(f"max_projects={max_projects} must be at least 0")

    project_lists = st.lists(projects(), max_size=max_projects, unique_by=lambda p: p.number)
    optional_departments = st.none() | departments()
    rule_sets = st.none() | st.sampled_from(["national", "hubei", "湖北"])

    @st.composite
    def build(draw: st.DrawFn) -> model.Spec:
        listed = draw(project_lists)
        department = draw(optional_departments)
        rules = draw(rule_sets)
        return model.Spec(department, tuple(sorted(listed, key=lambda p: p.number)), rules=rules)

    return build()
