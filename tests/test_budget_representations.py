"""A self-assessment's 年初预算数 and 全年预算数 mean the same whichever layout read them: the
central layout stores the 全年预算数 as the budget with ``initial_budget`` beside it, the other
layouts (and spec files) the 年初预算数 as the budget with ``adjusted_budget`` beside it.  Every
score is the same for both (:attr:`Project.year_budget`, the 全年预算数 — the A of 执行率 B/A):
the budget line, the project totals and the department's budget-weighted roll-up."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Project, Spec, parse_target, score
from indicatorkit.language import Amount
from indicatorkit.model.records import Budget, Indicator
from indicatorkit.units import unit

_YUAN = unit("元")


def _money(value: int) -> Amount:
    return Amount(Fraction(value), _YUAN)


def _project(number: int, initial: int, year: int, executed: int, *, central: bool) -> Project:
    row = Indicator("产出指标", "数量指标", "数", parse_target("≥2件"), weight=90, actual="1件")
    if central:  # 全年预算数 as the budget, 年初预算数 beside it
        fields = {"budget": Budget(_money(year)), "initial_budget": _money(initial)}
    else:  # 年初预算数 as the budget, the 全年预算数 (adjusted) beside it
        fields = {"budget": Budget(_money(initial)), "adjusted_budget": _money(year)}
    return Project(number, f"项目{number}", indicators=[row], executed=_money(executed), **fields)


amounts = st.integers(1, 10_000)


@settings(deadline=None, max_examples=60)
@given(
    st.lists(st.tuples(amounts, amounts, st.integers(0, 10_000)), min_size=1, max_size=4),
    st.sampled_from(["national", "budget-weighted"]),
)
def test_both_budget_representations_score_the_same(
    budgets: list[tuple[int, int, int]], rules: str
) -> None:
    scored = [
        score(
            Spec(
                projects=[
                    _project(n, initial, year, executed, central=central)
                    for n, (initial, year, executed) in enumerate(budgets, 1)
                ]
            ),
            rules=rules,
        )
        for central in (True, False)
    ]
    central, other = scored
    assert central.department_range == other.department_range
    for a, b in zip(central.projects, other.projects, strict=True):
        assert (a.budget.rate, a.budget.score, a.total_range) == (
            b.budget.rate,
            b.budget.score,
            b.total_range,
        )
        assert a.budget_total == b.budget_total  # the 全年预算数 the roll-up weighs


def test_the_roll_up_weighs_the_years_budget() -> None:
    """An adjusted budget (年初 100, 全年 300) weighs 300 in a budget-weighted roll-up, as the
    execution rate divides by it."""
    spec = Spec(
        projects=[
            _project(1, 100, 300, 300, central=False),
            _project(2, 100, 100, 0, central=False),
        ]
    )
    result = score(spec, rules="budget-weighted")
    first, second = (p.total for p in result.projects)
    assert first is not None and second is not None
    assert result.department_range[0] == (300 * first + 100 * second) / 400
    assert [p.budget_total for p in result.projects] == [_money(300), _money(100)]
