"""Monitoring: spending against plan (or the elapsed year), lags and traffic lights."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction
from pathlib import Path

import pytest

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
    assert json.loads(capsys.readouterr().out)["projects"][1]["planned"] == "181/365"
