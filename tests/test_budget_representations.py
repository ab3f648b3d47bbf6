"""A self-assessment's 年初预算数 and 全年预算数 are one representation in the model
(:mod:`indicatorkit.model.budget_columns`): the budget as declared (年初预算数) and the year's
budget beside it (``adjusted_budget``), read so from the central layout and every other layout
alike; a file of the older form (the central layout's 全年预算数 as 预算 with a 年初预算数 beside
it) reads to the same project.  Every score takes the 全年预算数 (:attr:`Project.year_budget`,
the A of 执行率 B/A): the budget line, the project totals and the budget-weighted roll-up."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Spec, parse_target, score
from indicatorkit.language import Amount
from indicatorkit.model.budget_columns import project_with_initial
from indicatorkit.model.records import Budget, Indicator, Project
from indicatorkit.units import unit

_YUAN = unit("元")


def _money(value: int) -> Amount:
    return Amount(Fraction(value), _YUAN)


def _project(number: int, initial: int, year: int, executed: int, *, central: bool) -> Project:
    row = Indicator("产出指标", "数量指标", "数", parse_target("≥2件"), weight=90, actual="1件")
    if central:  # the older form: 全年预算数 as the budget, 年初预算数 beside it
        fields = {"budget": Budget(_money(year)), "initial_budget": _money(initial)}
    else:  # 年初预算数 as the budget, the 全年预算数 (adjusted) beside it
        fields = {"budget": Budget(_money(initial)), "adjusted_budget": _money(year)}
    return project_with_initial(
        number, f"项目{number}", indicators=[row], executed=_money(executed), **fields
    )


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
    older, one = (
        Spec(projects=[_project(1, i, y, e, central=c) for i, y, e in budgets[:1]])
        for c in (True, False)
    )
    assert older == one  # the older form reads to the one representation


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


def test_the_central_layout_reads_the_two_columns_as_every_layout_does() -> None:
    """The same budget block (年初预算数 10, 全年预算数 12, 全年执行数 11.4 万元) read by the
    central layout's reader and by the other layouts' gives the same project fields."""
    from indicatorkit.formats.central_budget import read_budget_block
    from indicatorkit.formats.grid import grid_from_rows
    from indicatorkit.formats.grid_reading import GridReading
    from indicatorkit.formats.layouts.budget_block import budget_header, read_budget
    from indicatorkit.formats.layouts.sheet import SheetReading

    header = [
        "项目资金（万元）",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]
    total = ["年度资金总额", "10", "12", "11.4", "10", "95%", "9.5"]
    central = grid_from_rows("自评表", [[header[0], None, *header[1:]], [None, *total]])
    block = read_budget_block(GridReading(central), central.cell(1, 1), None)
    assert block is not None
    other = grid_from_rows("表", [header, total])
    sheet = SheetReading.of(other, "表.xlsx")
    found = budget_header(sheet, 1, 2)
    assert found is not None
    budget, fields = read_budget(sheet, found, 2, None)
    assert budget is not None
    assert (block.fields["budget"].total, block.fields["adjusted_budget"]) == (  # type: ignore[attr-defined]
        budget.total,
        fields["adjusted_budget"],
    )
    assert (str(budget.total), str(fields["adjusted_budget"])) == ("10万元", "12万元")
    equal = grid_from_rows("表", [header, ["年度资金总额", "12", "12", "11.4", "10", "95%", "9.5"]])
    sheet = SheetReading.of(equal, "表.xlsx")
    _, fields = read_budget(sheet, 1, 2, None)
    assert str(fields["adjusted_budget"]) == "12万元"  # the 全年预算数 kept even when equal


_OLDER_SPEC = "项目 1 甲\n  预算：12万元\n  年初预算：10万元\n  执行数：11.4万元\n"


def test_older_files_with_a_years_budget_as_the_budget_read_to_the_one_representation(
    tmp_path: Path,
) -> None:
    """A spec file, JSON, long table and our workbook of the older form (预算 the 全年预算数,
    年初预算 beside it) read to 预算 10万元 + 调整后预算 12万元, and are written in that form
    (a workbook's 年初预算数 row is read by the same rule, :func:`project_with_initial`)."""
    from indicatorkit import dumps, loads, read
    from indicatorkit.formats import from_json, to_json

    want = loads("项目 1 甲\n  预算：10万元\n  调整后预算：12万元\n  执行数：11.4万元\n")
    spec = loads(_OLDER_SPEC)
    assert spec == want and "年初预算" not in dumps(spec)
    data = json.loads(to_json(want))
    older = data["projects"][0]
    older["budget"]["total"], older["adjusted_budget"] = older["adjusted_budget"], None
    older["initial_budget"] = {"value": "10", "unit": "万元"}
    older_json = json.dumps(data, ensure_ascii=False)
    assert from_json(older_json) == want
    table = tmp_path / "长表.csv"
    table.write_text(
        "项目编号,项目名称,预算数,全年执行数,年初预算数,三级指标,指标值\n1,甲,12万元,11.4万元,10万元,数,≥1件\n",
        encoding="utf-8",
    )
    imported = read(table)
    assert imported.spec is not None
    project = imported.spec.projects[0]
    assert (str(project.budget.total), str(project.adjusted_budget)) == ("10万元", "12万元")


def test_an_older_budget_that_cannot_be_placed_is_refused_at_its_project() -> None:
    """预算 with its 财政资金 (parts of the 全年预算数) beside a different 年初预算: no guess."""
    from indicatorkit import SpecError, loads

    with pytest.raises(SpecError) as raised:
        loads("项目 1 甲\n  预算：12万元\n  财政资金：12万元\n  年初预算：10万元\n")
    [finding] = raised.value.findings
    assert finding.code == "IK040" and "年初预算 10万元" in finding.message
    assert "调整后预算" in finding.message
