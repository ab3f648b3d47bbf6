"""``indicatorkit score`` in text, JSON and CSV says the same thing: the reason for every row
left open, the nearest indicator name for an unmatched actual (IK404), the budget line,
project totals and grades, and every exact value with a decimal string beside it."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from indicatorkit import RULE_SETS, Spec, loads, score
from indicatorkit.cli import main
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.model.actuals import merge_actuals
from indicatorkit.scoring.indicator import display
from indicatorkit.scoring.score_rows import SCORE_COLUMNS, score_rows
from indicatorkit.strategies.records import specs

OPEN = """\
项目 1 法律援助
  预算：10000元
  执行数：9500元
  执行说明：部分补贴次年支付
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    实际值：很多
  指标 产出指标 / 数量指标 / 培训数
    指标值：≥30场
    实际值：29场
    偏差原因：疫情停办一场
  指标 产出指标 / 质量指标 / 结案率
    指标值：≥90%
    实际值：95%
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥90%
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥95%
    实际值：3件
"""


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    path = tmp_path / "s.ikspec"
    path.write_text(OPEN, encoding="utf-8")
    return path


def test_text_prints_why_every_open_row_is_open(
    spec_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", str(spec_file)]) == 1
    out = capsys.readouterr().out.splitlines()
    reasons = {
        line.split(" | ")[0].split(" / ")[-1]: out[index + 1]
        for index, line in enumerate(out)
        if " | " in line and index + 1 < len(out)
    }
    assert "原因 why: 实际值无法解析" in reasons["受理数"]
    assert "原因 why: 缺少实际完成值" in reasons["知晓率"]
    assert "原因 why: 单位不可比较" in reasons["满意度"]
    assert "原因" not in reasons["培训数"]  # decided, explained: nothing open
    without_budget = spec_file.parent / "b.ikspec"
    without_budget.write_text(OPEN.replace("  执行数：9500元\n", ""), encoding="utf-8")
    main(["score", str(without_budget)])
    assert "    原因 why: 缺少执行数 (no executed amount)" in capsys.readouterr().out


def test_an_unmatched_actual_names_the_nearest_indicator(
    spec_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_text("项目,三级指标,实际值\n1,知晓律,95%\n1,完全无关的名字,1\n", encoding="utf-8")
    assert main(["score", str(spec_file), str(actuals)]) == 1
    err = capsys.readouterr().err
    assert "IK404" in err and "nearest indicator: “知晓率”" in err
    _, findings = merge_actuals(loads(OPEN), read_actuals(actuals.read_text(encoding="utf-8")))
    near = [f for f in findings if f.code == "IK404"]
    assert [f.suggestion for f in near] == ["最接近的指标 / nearest indicator: “知晓率”", None]


def test_csv_json_and_text_agree_on_totals_grades_and_the_budget_line(
    spec_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decided = spec_file.parent / "d.ikspec"
    decided.write_text(
        OPEN.replace("实际值：很多", "实际值：150件")
        .replace("≥90%\n  指标 满意度", "≥90%\n    实际值：95%\n  指标 满意度")
        .replace("实际值：3件", "实际值：96%"),
        encoding="utf-8",
    )
    main(["score", str(decided), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == SCORE_COLUMNS
    table = [dict(zip(SCORE_COLUMNS, row, strict=True)) for row in rows[1:]]
    main(["score", str(decided), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    main(["score", str(decided)])
    text = capsys.readouterr().out
    [total] = [r for r in table if r["类型 row"] == "项目总分 project total"]
    [budget] = [r for r in table if r["类型 row"] == "预算执行率 budget line"]
    [department] = [r for r in table if r["类型 row"] == "部门 department"]
    project = data["projects"][0]
    assert total["得分 score"] == project["total_display"] == data["department"]["total_display"]
    assert total["得分精确值 exact"] == project["exact_total_range"][0]  # before rounding
    assert Fraction(project["total"]) == Fraction(project["total_display"])  # rounded rows
    assert total["等级 grade"] == project["grade"] == department["等级 grade"]
    assert f"总分 total: {total['得分 score']}  等级 grade: {total['等级 grade']}" in text
    assert budget["得分 score"] == project["budget"]["score_display"] == "9.50"
    assert budget["偏差原因 reason"] == project["budget"]["reason"] == "部分补贴次年支付"
    assert budget["结果 outcome"] == "95.00%" and project["budget"]["rate_display"] == "0.9500"
    [trained] = [r for r in table if r["三级指标 indicator"] == "培训数"]
    [trained_data] = [i for i in project["indicators"] if i["name"] == "培训数"]
    assert trained["偏差原因 reason"] == trained_data["reason"] == "疫情停办一场"
    # 50 split nationally (16.67, 16.67, 16.66); the exact value beside the rounded score
    assert trained_data["weight"] == "16.67" and trained_data["weight_display"] == "16.67"
    assert trained["分值 weight"] == "16.67"
    assert trained_data["attainment"] == "29/30" and trained_data["attainment_display"] == "0.9667"
    assert trained["得分精确值 exact"] == trained_data["exact_score"] == "48343/3000"
    assert trained_data["score"] == "16.11"
    assert trained["得分 score"] == trained_data["score_display"] == "16.11"
    for sub in project["subtotals"]:
        assert sub["weight_display"] == display(Fraction(sub["weight"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=specs(max_projects=3))
def test_every_decimal_string_is_its_exact_value_rounded(spec: Spec) -> None:
    """A law over any spec: each row's decimal score is its exact value rounded half up and
    lies in the row's range (a qualitative grade's band holds its default score), and the
    rows hold every indicator and one budget line and total per project."""
    if spec.rules is not None and spec.rules not in RULE_SETS:
        return
    result = score(spec)
    rows = [dict(zip(SCORE_COLUMNS, row, strict=True)) for row in score_rows(result)]
    kinds = [row["类型 row"] for row in rows]
    assert kinds.count("指标 indicator") == sum(len(p.indicators) for p in result.projects)
    assert kinds.count("项目总分 project total") == len(result.projects)
    assert kinds.count("预算执行率 budget line") == len(result.projects)
    # a row's score is its exact value as the rule set rounds it (no further than half a
    # step, shown to 2 places); a total sums rounded rows, so each row may add that much
    rounding = result.rules.rounding
    tolerance = max(rounding.step / 2, Fraction(1, 200))
    rows_in_project = 0
    for row in rows:
        exact, kind = row["得分精确值 exact"], row["类型 row"]
        if exact:
            shown = Fraction(Decimal(row["得分 score"]))
            if kind in ("指标 indicator", "预算执行率 budget line"):
                assert abs(shown - Fraction(exact)) <= tolerance
            elif kind == "项目总分 project total" and "rescaled" not in row["说明 message"]:
                assert abs(shown - Fraction(exact)) <= tolerance * rows_in_project
            low, high = (Decimal(row[c]) for c in ("得分下限 low", "得分上限 high"))
            assert low <= Decimal(row["得分 score"]) <= high
        else:
            assert row["得分 score"] == ""
        rows_in_project = 0 if kind == "项目总分 project total" else rows_in_project + 1
    for data in result.to_dict()["projects"]:
        for item in data["indicators"]:
            assert item["weight_display"] == display(Fraction(item["weight"]))
            low, high = item["score_range"]
            assert item["score_range_display"] == [
                display(Fraction(low)),
                display(Fraction(high)),
            ]
