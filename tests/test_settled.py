"""What the command line used to decide for itself, now the library's: whether a score is
settled (``points_open``), whether monitoring is behind (``MonitorReport.behind``) and the
budget line's points under the rule set a spec names (``model.budget_points``)."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from indicatorkit import loads, score
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.model.budget_points import budget_points
from indicatorkit.scoring.monitoring import Light, monitor
from indicatorkit.scoring.rules import HUBEI, NATIONAL, RULE_SETS
from indicatorkit.scoring.settled import points_open

PROJECT = """项目 1 法律援助
  预算：10000元
  执行数：10000元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    分值：90
"""


def test_a_scored_met_table_is_settled() -> None:
    assert points_open(score(loads(PROJECT + "    实际值：210件\n"))) is False


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        ("", "an actual missing: points undecided"),
        ("    实际值：150件\n", "missed without a 偏差原因: the explanation is missing"),
    ],
)
def test_open_points(lines: str, why: str) -> None:
    assert points_open(score(loads(PROJECT + lines))) is True, why


def test_an_explanation_given_settles_a_missed_indicator() -> None:
    spec = loads(PROJECT + "    实际值：150件\n    偏差原因：疫情停办一场\n")
    assert points_open(score(spec)) is False


def test_a_withheld_grade_is_open() -> None:
    result = score(loads(PROJECT.replace("分值：90", "分值：60") + "    实际值：210件\n"))
    assert result.projects[0].grade_note and points_open(result) is True


def test_an_actuals_error_finding_is_open() -> None:
    """Two rows for one indicator (IK407): every point is decided, yet the merge is wrong."""
    table = "项目,三级指标,实际值\n法律援助,受理数,210件\n法律援助,受理数,220件\n"
    result = score(loads(PROJECT), read_actuals(table.encode(), file="a.csv"), spec_file="a.ikspec")
    assert [f.code for f in result.findings] == ["IK407"]
    assert result.projects[0].undecided == 0 and points_open(result) is True


def test_behind_is_any_red_light() -> None:
    table = (
        "项目 1 甲\n  预算：10000元\n  支出计划：6月底 50%\n  累计支出：6月底 {spent}\n"
        "  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥200件\n"  # no actual yet: grey
    )
    for spent, red in (("45%", False), ("10%", True)):
        report = monitor(loads(table.format(spent=spent)), datetime.date(2025, 6, 30))
        assert (report.projects[0].light is Light.RED) is red
        assert report.behind is red


def test_behind_counts_an_indicator_light() -> None:
    table = (
        "项目 1 甲\n  预算：10000元\n  支出计划：6月底 50%\n  累计支出：6月底 50%\n"
        "  指标 产出指标 / 质量指标 / 结案率\n    指标值：≥90%\n    实际值：30%\n"
    )
    report = monitor(loads(table), datetime.date(2025, 6, 30))
    assert report.projects[0].light is not Light.RED
    assert report.projects[0].indicators[0].light is Light.RED and report.behind


def test_budget_points_follow_the_named_rule_set() -> None:
    assert budget_points(None) == NATIONAL.budget_weight == Fraction(10)
    assert budget_points("hubei") == HUBEI.budget_weight
    assert all(budget_points(name) == rules.budget_weight for name, rules in RULE_SETS.items())
    assert budget_points("没有这套规则") == NATIONAL.budget_weight  # lint still needs a figure
