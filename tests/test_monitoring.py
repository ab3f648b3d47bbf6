"""Monitoring: spending against plan (or the elapsed year), lags and traffic lights."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import loads
from indicatorkit.cli import main
from indicatorkit.scoring.monitoring import Light, monitor

TABLE = """项目 1 法律援助
  预算：10000元
  支出计划：3月底 20%，6月底 50%，10月底 80%，12月底 100%
  累计支出：3月底 20%，6月底 45%
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    实际值：210件
  指标 产出指标 / 质量指标 / 结案率
    指标值：≥90%
    实际值：30%
  指标 效益指标 / 社会效益指标 / 宣传效果
    指标值：宣传效果明显
    实际值：部分达成
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥95%
项目 2 无计划
  预算：10000元
  累计支出：6月底 30%
  指标 产出指标 / 数量指标 / 场次
    指标值：≥10场
"""


def test_spending_against_the_tables_own_plan() -> None:
    report = monitor(loads(TABLE), datetime.date(2025, 6, 30))
    first = report.projects[0]
    assert (first.planned, first.planned_from, first.spent) == (
        Fraction(1, 2),
        "plan",
        Fraction(9, 20),
    )
    assert first.lag == Fraction(1, 20) and first.light is Light.YELLOW
    march = monitor(loads(TABLE), datetime.date(2025, 3, 31)).projects[0]
    assert march.light is Light.GREEN and march.lag == 0


def test_without_a_plan_the_elapsed_year_is_the_plan() -> None:
    second = monitor(loads(TABLE), datetime.date(2025, 6, 30)).projects[1]
    assert second.planned_from == "elapsed" and second.planned == Fraction(181, 365)
    assert second.light is Light.RED  # 30% spent, half the year gone


def test_indicator_lights() -> None:
    lights = [
        i.light for i in monitor(loads(TABLE), datetime.date(2025, 6, 30)).projects[0].indicators
    ]
    assert lights == [Light.GREEN, Light.RED, Light.YELLOW, Light.GREY]


def test_monitor_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "t.ikspec"
    spec.write_text(TABLE, encoding="utf-8")
    assert main(["monitor", str(spec), "--at", "2025-06-30"]) == 1  # a red light
    assert "监控时点 as at 2025-06-30" in capsys.readouterr().out
    assert main(["monitor", str(spec), "--at", "2025-06-30", "--format", "json"]) == 1
    assert '"planned_from": "plan"' in capsys.readouterr().out
    assert main(["monitor", str(spec), "--at", "6月底"]) == 2


def test_an_elapsed_year_share_prints_as_a_rounded_percentage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """181 of 365 days is 3620/73 %: the text shows it rounded half up to the report's places,
    the JSON keeps the exact share."""
    report = monitor(loads(TABLE), datetime.date(2025, 6, 30))
    assert report.projects[1].planned == Fraction(181, 365)
    (line,) = (line for line in report.table().splitlines() if "无计划" in line)
    assert "计划 planned 49.59%（序时进度 elapsed）" in line and "/" not in line
    assert "计划 planned 49.6%（序时进度 elapsed）" in report.table(places=1)
    spec = tmp_path / "t.ikspec"
    spec.write_text(TABLE, encoding="utf-8")
    main(["monitor", str(spec), "--at", "2025-06-30"])
    assert "计划 planned 49.59%" in capsys.readouterr().out
    main(["monitor", str(spec), "--at", "2025-06-30", "--format", "json"])
    second = json.loads(capsys.readouterr().out)["projects"][1]
    # the exact share, and beside it the display string (as score's JSON: *_display, ratio
    # places): the text's 49.59%
    assert (second["planned"], second["planned_display"]) == ("181/365", "0.4959")
    assert (second["spent"], second["spent_display"]) == ("0.3", "0.3000")
    assert (second["lag"], second["lag_display"]) == ("143/730", "0.1959")
    progress = [(i["progress"], i["progress_display"]) for i in second["indicators"]]
    assert progress == [(None, "")]  # no actual yet: null and an empty display, as score's


@settings(max_examples=60, deadline=None)
@given(st.dates(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)))
def test_law_each_share_displays_as_the_text_shows_it(day: datetime.date) -> None:
    """On any day: every *_display is its exact share to 4 places (within half a unit of the
    last place), and the text's percentages are those same digits."""
    report = monitor(loads(TABLE), day)
    data = report.to_dict()
    text_lines = [line for line in report.table().splitlines() if line.startswith("项目")]
    for project, line in zip(data["projects"], text_lines, strict=True):
        for name in ("planned", "spent", "lag"):
            exact, shown = project[name], project[f"{name}_display"]
            if exact is None:
                assert shown == ""
                continue
            assert abs(Fraction(shown) - Fraction(exact)) <= Fraction(1, 20_000)
            assert len(shown.split(".")[1]) == 4
        percent = Decimal(project["planned_display"]) * 100
        assert f"计划 planned {percent:.2f}%" in line
        for indicator in project["indicators"]:
            if indicator["progress"] is not None:
                gap = Fraction(indicator["progress_display"]) - Fraction(indicator["progress"])
                assert abs(gap) <= Fraction(1, 20_000)
