"""部分达成 is an outcome of its own — in the score, the text table, ``check``, the HTML report
and the workbook — never labelled 未达成 (issue 20)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import loads, score
from indicatorkit.cli import main
from indicatorkit.formats.html_report import render_report
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.formats.workbook import write_self_assessment
from indicatorkit.language.parse import parse_target
from indicatorkit.language.values import Grade
from indicatorkit.scoring.assessment import assess
from indicatorkit.scoring.indicator import Outcome, score_indicator
from indicatorkit.scoring.rules import RULE_SETS

SPEC = """项目 1 法律援助
  预算：10000元
  执行数：10000元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    实际值：210件
  指标 满意度指标 / 服务对象满意度指标 / 群众评价
    指标值：群众满意
    实际值：部分达成
    偏差原因：个别投诉未及时回应
  指标 效益指标 / 社会效益指标 / 社会影响
    指标值：社会影响良好
    实际值：未达成
    偏差原因：宣传不足
"""


@settings(deadline=None)
@given(
    grade=st.sampled_from(Grade),
    rules=st.sampled_from(sorted(RULE_SETS)),
    weight=st.integers(1, 100),
)
def test_each_grade_has_its_own_outcome_scored_in_its_band(
    grade: Grade, rules: str, weight: int
) -> None:
    result = score_indicator("及时足额发放", grade, weight, rules=rules)
    expected = {
        Grade.ACHIEVED: Outcome.MET,
        Grade.PARTIAL: Outcome.PARTIAL,
        Grade.NOT_ACHIEVED: Outcome.MISSED,
    }[grade]
    assert result.outcome is expected and result.outcome.decided
    band = RULE_SETS[rules].bands[grade]
    assert result.score is not None and result.exact_score is not None
    # the band bounds the formula's value; the row is then rounded as the rule set rounds
    # (whole-points turns 0.7 of 1 point into 1)
    assert band.low * weight <= result.exact_score <= band.high * weight
    assert result.score == RULE_SETS[rules].rounding.row(result.exact_score, Fraction(weight))
    assert (result.outcome is Outcome.MET) == bool(result.met)


def test_partial_label_and_check_outcome() -> None:
    assert Outcome.PARTIAL.label == "部分达成 partly met"
    checked = parse_target("及时足额发放").check("部分达成")
    assert Outcome.of_check(checked) is Outcome.PARTIAL
    assert Outcome.of_check(parse_target("及时足额发放").check("未达成")) is Outcome.MISSED
    assert Outcome.of_check(parse_target("≥90%").check("80%")) is Outcome.MISSED
    assert Outcome.of_check(parse_target("≥90%").check("95%")) is Outcome.MET


def test_the_score_table_and_json_say_partly_met(capsys: pytest.CaptureFixture[str]) -> None:
    project = score(loads(SPEC)).projects[0]
    outcomes = [item.score.outcome for item in project.indicators]
    assert outcomes == [Outcome.MET, Outcome.PARTIAL, Outcome.MISSED]
    assert "部分达成 partly met" in score(loads(SPEC)).table()
    assert project.indicators[1].score.to_dict()["outcome"] == "partly met"


def test_score_and_check_commands_show_partly_met(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "partial.ikspec"
    spec.write_text(SPEC, encoding="utf-8")
    main(["score", str(spec)])
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "群众评价" in line)
    assert "部分达成 partly met" in line and "未达成" not in line
    main(["check", str(spec), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["totals"]["partial"] == 1 and report["totals"]["missed"] == 1
    assert [row["outcome"] for row in report["rows"]] == ["met", "partly met", "missed"]
    main(["check", str(spec)])
    text = capsys.readouterr().out
    assert "部分达成 partly met 1，未达成 missed 1" in text


def test_the_html_report_colours_partial_as_its_own() -> None:
    page = build_page(assess(loads(SPEC)))
    rows = page.projects[0].rows
    partial = next(row for row in rows if row.name == "群众评价")
    assert (partial.outcome, partial.outcome_key) == ("部分达成 partly met", "partial")
    html = render_report(assess(loads(SPEC)))
    assert "tr.partial td.outcome" in html and '<tr class="partial">' in html


def test_the_workbook_writes_partly_met(tmp_path: Path) -> None:
    path = tmp_path / "scored.xlsx"
    write_self_assessment(score(loads(SPEC)), path)
    cells = [
        str(cell)
        for sheet in openpyxl.load_workbook(path).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    partial = [cell for cell in cells if cell.startswith("部分达成 partly met")]
    assert partial and not any(c.startswith("未达成 missed：部分") for c in cells)
