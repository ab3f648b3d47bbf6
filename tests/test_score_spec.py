"""Scoring whole specs: weights, subtotals, the budget line, totals as ranges, not-applicable
rescaling, grades and the department roll-up; the seed scores."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings

from indicatorkit import load, loads
from indicatorkit.scoring.indicator import Outcome
from indicatorkit.scoring.report import score
from indicatorkit.scoring.rules import NATIONAL, RULE_SETS
from indicatorkit.strategies import specs

SEED = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"

TABLE = """
项目 1 法律援助
  预算：10000元
  执行数：8000元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    实际值：200件
  指标 产出指标 / 质量指标 / 结案率
    指标值：≥90%
    实际值：81%
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥90%
    实际值：95%
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥95%
    实际值：达成
"""


def test_weights_split_evenly_inside_each_level() -> None:
    project = score(loads(TABLE)).projects[0]
    assert [s.score.weight for s in project.indicators] == [25, 25, 30, 10]
    assert [s.score.score for s in project.indicators] == [25, Fraction(45, 2), 30, None]
    assert project.budget.rate == Fraction(4, 5) and project.budget.score == 8
    # the satisfaction row is a comparison with a grade as its actual: undecided
    assert project.indicators[3].score.outcome is Outcome.FAILED
    assert project.total_range == (Fraction(171, 2), Fraction(191, 2))
    assert project.grade is None  # 85.5–95.5 spans 良 and 优


def test_subtotals_per_level() -> None:
    project = score(loads(TABLE)).projects[0]
    level1 = {sub.level1: sub.score_range for sub in project.subtotals if not sub.level2}
    assert level1["产出指标"] == (Fraction(95, 2), Fraction(95, 2))
    level2 = {(sub.level1, sub.level2): sub.weight for sub in project.subtotals if sub.level2}
    assert level2[("产出指标", "质量指标")] == 25


def test_given_weights_are_used() -> None:
    spec = loads(TABLE.replace("    实际值：200件\n", "    实际值：200件\n    分值：40\n"))
    weights = [s.score.weight for s in score(spec).projects[0].indicators]
    assert weights == [40, 10, 30, 10]  # 产出 50: 40 given, the other gets the rest


def test_not_applicable_indicators_are_dropped_and_the_rest_rescaled() -> None:
    text = TABLE.replace("    实际值：81%\n", "    不适用：本年未结案\n")
    project = score(loads(text)).projects[0]
    assert project.rescaled
    low = project.total_range[0]
    raw_low = Fraction(25 + 30 + 8)
    assert low == raw_low * Fraction(100, 75)
    kept = score(loads(text), rules="keep-not-applicable").projects[0]
    assert not kept.rescaled and kept.total_range[0] == raw_low


def test_the_department_rolls_up_its_projects() -> None:
    two = TABLE + TABLE.replace("项目 1", "项目 2").replace("10000元", "30000元").replace(
        "实际值：81%", "实际值：90%"
    )
    result = score(loads(two))
    first, second = (p.total_range[0] for p in result.projects)
    assert result.department_range is not None
    assert result.department_range[0] == NATIONAL.rounding.round((first + second) / 2)
    weighted = score(loads(two), rules="budget-weighted")
    assert weighted.department_range is not None
    assert weighted.department_range[0] == NATIONAL.rounding.round((first * 1 + second * 3) / 4)


def test_the_seed_scores_every_project_table() -> None:
    spec = load(SEED)
    result = score(spec)
    assert len(result.projects) == len([p for p in spec.projects if p.withheld is None])
    for project in result.projects:
        assert sum((s.score.weight for s in project.indicators), Fraction(0)) == 90
        assert project.total_range == (0, 100)  # no actuals yet: everything undecided
    assert "总分 total" in result.table()
    data = result.to_dict()
    json.dumps(data)  # plain data

    def floats(value: object) -> bool:
        if isinstance(value, float):
            return True
        if isinstance(value, dict):
            return any(floats(v) for v in value.values())
        if isinstance(value, list):
            return any(floats(v) for v in value)
        return False

    assert not floats(data)


def test_the_spec_names_its_rule_set() -> None:
    spec = loads("评分规则 hubei\n" + TABLE)
    assert score(spec).rules.name == "hubei"
    assert score(spec).projects[0].budget.weight == 20


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
@settings(max_examples=25, deadline=None)
@given(spec=specs(max_projects=3))
def test_totals_lie_within_100(rules: str, spec: object) -> None:
    result = score(spec, rules=rules)  # type: ignore[arg-type]
    for project in result.projects:
        low, high = project.total_range
        assert 0 <= low <= high
        possible = sum((s.score.weight for s in project.indicators), Fraction(0))
        assert high <= max(possible, Fraction(100)) + project.budget.weight
    if result.department_range is not None:
        assert result.department_range[0] <= result.department_range[1]


def test_the_illustrative_self_assessment_is_the_seed_with_the_bundled_actuals() -> None:
    from indicatorkit.formats.actuals_file import read_actuals

    examples = Path(__file__).parents[1] / "examples"
    example = load(examples / "yutian_justice_2025_selfassessment.ikspec")
    merged = score(load(SEED), read_actuals(examples / "seed_actuals.csv"))
    assert merged.findings == ()
    by_name = {
        (p.number, s.indicator.name): s.indicator.actual
        for p in merged.projects
        for s in p.indicators
    }
    for project in example.projects:
        for indicator in project.indicators:
            assert indicator.actual == by_name[(project.number, indicator.name)]
    result = score(example)
    assert all(p.total is not None and p.grade for p in result.projects)
    assert result.department_grade is not None
