"""IK309 adds the budget line of the rule set the spec names, whoever asks: ``lint(spec)`` from
Python, ``indicatorkit lint`` and ``assess`` (the report) give the same finding — the budget
points are one fact (``model.budget_points``) that scoring's rule sets also take."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import lint, loads
from indicatorkit.cli import main
from indicatorkit.model.budget_points import NATIONAL_BUDGET_POINTS, budget_points
from indicatorkit.model.findings import Finding
from indicatorkit.scoring.assessment import assess
from indicatorkit.scoring.rules import RULE_SETS

ROWS = (
    "产出指标 / 数量指标 / 受理数",
    "效益指标 / 社会效益指标 / 知晓率",
    "满意度指标 / 服务对象满意度指标 / 满意度",
)


def _spec_text(rules: str | None, weights: tuple[int, ...]) -> str:
    lines = [] if rules is None else [f"评分规则 {rules}"]
    lines += ["项目 1 测试项目", "  预算：10000元", "  执行数：10000元"]
    for title, weight in zip(ROWS, weights, strict=True):
        lines += [f"  指标 {title}", "    指标值：≥10件", "    实际值：10件", f"    分值：{weight}"]
    return "\n".join(lines) + "\n"


def _ik309(findings: list[Finding] | tuple[Finding, ...]) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in findings if f.code == "IK309"]


def _cli_ik309(path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str]]:
    main(["lint", str(path), "--format", "json", "-q"])
    return [
        (f["line"], f["message"])
        for f in json.loads(capsys.readouterr().out)
        if f["code"] == "IK309"
    ]


@pytest.mark.parametrize(
    ("rules", "weights", "total"),
    [
        ("hubei", (30, 30, 30), "110"),  # 90 + Hubei's 20: not 100
        (None, (25, 30, 25), "90"),  # 80 + the national 10
        ("national", (25, 30, 25), "90"),
        ("budget-20", (30, 30, 30), "110"),
    ],
)
def test_lint_assess_and_the_command_add_the_spec_rule_sets_budget_line(
    rules: str | None,
    weights: tuple[int, ...],
    total: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = _spec_text(rules, weights)
    path = tmp_path / "表.ikspec"
    path.write_text(text, encoding="utf-8")
    spec = loads(text)
    from_python = _ik309(lint(spec, file=str(path)))
    assert len(from_python) == 1 and f"合计 {total}" in from_python[0][1]
    assert _ik309(assess(spec, file=str(path)).findings) == from_python
    assert _cli_ik309(path, capsys) == from_python


@pytest.mark.parametrize("rules", ["hubei", "budget-20"])
def test_weights_that_total_100_under_the_named_rule_set_are_no_finding(
    rules: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """25 + 30 + 25 + 20 = 100: no IK309 anywhere (the national 10 would have said 90)."""
    text = _spec_text(rules, (25, 30, 25))
    path = tmp_path / "表.ikspec"
    path.write_text(text, encoding="utf-8")
    spec = loads(text)
    assert _ik309(lint(spec)) == [] == _ik309(assess(spec).findings) == _cli_ik309(path, capsys)
    assert _ik309(lint(loads(_spec_text(None, (25, 30, 25)))))  # national: 90


def test_assess_by_another_rule_set_lints_by_the_one_it_scores_by() -> None:
    """``assess(spec, rules=…)`` scores by the rule set given, so IK309 adds that one's line."""
    spec = loads(_spec_text("hubei", (25, 30, 25)))  # 100 under Hubei
    assert _ik309(assess(spec).findings) == []
    assert (
        [m for _, m in _ik309(assess(spec, rules="national").findings)]
        == [m for _, m in _ik309(lint(spec, budget_weight=NATIONAL_BUDGET_POINTS))]
        != []
    )


def test_a_printed_budget_line_wins_over_the_rule_set() -> None:
    text = _spec_text("hubei", (30, 30, 30)).replace("  执行数", "  预算分值：10\n  执行数")
    assert _ik309(lint(loads(text))) == []


def test_every_shipped_rule_set_takes_its_budget_line_from_the_one_table() -> None:
    assert {name: rules.budget_weight for name, rules in RULE_SETS.items()} == {
        name: budget_points(name) for name in RULE_SETS
    }
    assert budget_points("某县自定") == NATIONAL_BUDGET_POINTS  # unknown: lint still has a figure


@settings(max_examples=40, deadline=None)
@given(
    rules=st.sampled_from(sorted(RULE_SETS)),
    weights=st.tuples(*[st.integers(0, 60)] * 3),
)
def test_ik309_is_said_exactly_when_the_weights_and_the_named_budget_line_miss_100(
    rules: str, weights: tuple[int, int, int]
) -> None:
    spec = loads(_spec_text(rules, weights))
    said = bool(_ik309(lint(spec)))
    assert said is (sum(weights) + RULE_SETS[rules].budget_weight != 100)
    assert _ik309(assess(spec).findings) == _ik309(lint(spec))
