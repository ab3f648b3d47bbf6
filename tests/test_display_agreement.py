"""One spec through every output that shows its numbers — ``score`` (text and JSON),
``check`` (text and JSON), the batch (``indicatorkit.batch.score_table``), the report, the
scored workbook and the audit — shows the same display strings: points to the rule set's
places (``Rounding.display``, under every built-in rule set and one of a user's own), a ratio
(attainment, the budget rate) to 4 places, the percent to 2 (``scoring.indicator.RATIO_PLACES``)."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from indicatorkit import loads
from indicatorkit.cli import main
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.scoring.assessment import assess
from indicatorkit.scoring.indicator import RATIO_PLACES, display
from indicatorkit.scoring.rules import NATIONAL, RULE_SETS, Rounding, RoundingMode, RoundingStage

pa = pytest.importorskip("pyarrow")

# attainments 10/81 (0.12345…: half up at the 4th place), 3/4, 19/18; the budget rate 9/10
SPEC = """评分规则 national
项目 1 甲
  预算：10000元
  执行数：9000元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥81件
    实际值：10件
    分值：50
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥80%
    实际值：60%
    分值：30
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥90%
    实际值：95%
    分值：10
"""


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    main(list(arguments))
    return capsys.readouterr().out


def _json(capsys: pytest.CaptureFixture[str], *arguments: str) -> Any:
    return json.loads(_run(capsys, *arguments, "--format", "json"))


def _percent(ratio_display: str) -> Decimal:
    return Decimal(ratio_display) * 100


def test_every_output_shows_the_same_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from indicatorkit.batch import score_table

    path = tmp_path / "自评.ikspec"
    path.write_text(SPEC, encoding="utf-8")
    document = _json(capsys, "score", str(path))
    assert document["rules"] == "national"
    scored = document["projects"][0]
    indicators = scored["indicators"]
    attainments = [row["attainment_display"] for row in indicators]
    assert attainments == ["0.1235", "0.7500", "1.0556"]

    checked = _json(capsys, "check", str(path))["rows"]
    assert [row["attainment_display"] for row in checked] == attainments
    text = _run(capsys, "check", str(path), "--format", "csv").splitlines()[1:]
    shown = [line.rsplit(",", 1)[1] for line in text]
    assert shown == [f"{_percent(a):.2f}%" for a in attainments] == ["12.35%", "75.00%", "105.56%"]

    batch = score_table(
        pa.table(
            {
                "target": [row["target"] for row in indicators],
                "actual": [row["actual"] for row in indicators],
                "weight": [row["weight"] for row in indicators],
            }
        ),
        rules=document["rules"],
    ).to_pylist()
    assert [row["attainment_display"] for row in batch] == attainments
    assert [row["score_display"] for row in batch] == [r["score_display"] for r in indicators]

    page = build_page(assess(loads(SPEC), year=2025)).projects[0]
    assert [row.score for row in page.rows] == [r["score_display"] for r in indicators]
    rate = scored["budget"]["rate_display"]
    assert page.budget_rate == f"{_percent(rate):.2f}%" == "90.00%"
    score_text = _run(capsys, "score", str(path))
    assert f"| {page.budget_rate} |" in score_text
    for row in indicators:
        assert f"| {row['score_display']}\n" in score_text


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_a_ratio_is_shown_alike_under_every_rule_set(
    rules: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rule set's places round points; a ratio is shown to RATIO_PLACES whatever the rule
    set (``whole-points`` included)."""
    from indicatorkit.batch import score_table

    path = tmp_path / "自评.ikspec"
    path.write_text(SPEC.replace("评分规则 national", f"评分规则 {rules}"), encoding="utf-8")
    document = _json(capsys, "score", str(path))
    indicators = document["projects"][0]["indicators"]
    shown = [display(Fraction(row["attainment"]), RATIO_PLACES) for row in indicators]
    assert [row["attainment_display"] for row in indicators] == shown
    assert [row["attainment_display"] for row in _json(capsys, "check", str(path))["rows"]] == shown
    batch = score_table(
        pa.table(
            {name: [row[name] for row in indicators] for name in ("target", "actual", "weight")}
        ),
        rules=rules,
    )
    assert batch.column("attainment_display").to_pylist() == shown
    assert document["projects"][0]["budget"]["rate_display"] == "0.9000"


# a spec whose points fall off every grid: 50·10/81 = 6.17…, 30·60/80 = 22.5 (half up: 23 in
# whole points), a qualitative 部分达成 band, full marks, the budget line 9; 知晓率 prints 0, so
# the audit names the rule set's own score for it
POINTS_SPEC = """评分规则 {rules}
项目 1 甲
  预算：10000元
  执行数：9000元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥81件
    实际值：10件
    分值：50
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥80%
    实际值：60%
    分值：30
    自评得分：0
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥90%
    实际值：95%
    分值：10
  指标 满意度指标 / 服务对象满意度指标 / 回访
    指标值：及时回访
    实际值：部分达成
    分值：10
"""


def _score_schema() -> Any:
    import jsonschema

    text = resources.files("indicatorkit").joinpath("schemas/score.schema.json").read_text("utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def _places(shown: str) -> int:
    """The decimals a display string writes (each end of a range)."""
    return max(len(end.partition(".")[2]) for end in shown.split("–"))


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_points_are_shown_to_the_rule_sets_places_alike_in_every_output(
    rules: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``score`` JSON and text, the batch, the report page, the scored workbook and the audit
    show every point (weights, scores, the budget line, subtotals, totals) with exactly the
    rule set's places, each the same text; the totals shown add up to the rows shown when the
    rule set rounds rows."""
    import openpyxl

    from indicatorkit.batch import score_table

    places = RULE_SETS[rules].rounding.places
    path = tmp_path / "自评.ikspec"
    path.write_text(POINTS_SPEC.format(rules=rules), encoding="utf-8")
    document = _json(capsys, "score", str(path))
    project = document["projects"][0]
    rows = project["indicators"]
    budget = project["budget"]
    shown = [
        *(row[key] for row in rows for key in ("score_display", "weight_display")),
        *(end for row in rows for end in row["score_range_display"]),
        budget["score_display"],
        budget["weight_display"],
        project["total_display"],
        document["department"]["total_display"],
        *(sub["weight_display"] for sub in project["subtotals"]),
        *(end for sub in project["subtotals"] for end in sub["score_range_display"]),
    ]
    assert {_places(text) for text in shown} == {places}, shown
    _score_schema().validate(document)  # the schema's display strings take any places
    scores = [row["score_display"] for row in rows]
    if RULE_SETS[rules].rounding.stage is RoundingStage.INDICATOR and not project["rescaled"]:
        rows_shown = sum(Decimal(s) for s in [*scores, budget["score_display"]])
        assert rows_shown == Decimal(project["total_display"])
        for sub in project["subtotals"]:
            members = [
                Decimal(row["score_display"])
                for row in rows
                if row["level1"] == sub["level1"] and sub["level2"] in ("", row["level2"])
            ]
            assert sum(members) == Decimal(sub["score_range_display"][0])

    text = _run(capsys, "score", str(path))
    for row in rows:
        assert f"| {row['weight_display']} | {row['score_display']}\n" in text
    assert f"| {budget['weight_display']} | {budget['score_display']}\n" in text
    assert f"总分 total: {project['total_display']} " in text

    quantitative = [row for row in rows if row["outcome"] != "partly met"]
    batch = score_table(
        pa.table(
            {name: [row[name] for row in quantitative] for name in ("target", "actual", "weight")}
        ),
        rules=rules,
    )
    assert batch.column("score_display").to_pylist() == [
        row["score_display"] for row in quantitative
    ]

    page = build_page(assess(loads(path.read_text(encoding="utf-8")), year=2025)).projects[0]
    assert [row.score for row in page.rows] == scores
    assert [row.weight for row in page.rows] == [row["weight_display"] for row in rows]
    assert (page.budget_score, page.budget_weight, page.total) == (
        budget["score_display"],
        budget["weight_display"],
        project["total_display"],
    )
    assert {_places(level.points) for level in page.levels} == {places}

    workbook = tmp_path / "自评表.xlsx"
    main(["export", str(path), "--scored", str(workbook)])
    capsys.readouterr()
    sheet = openpyxl.load_workbook(workbook, data_only=True)["项目1"]
    cells = [row for row in sheet.iter_rows() if row[2].value in {r["name"] for r in rows}]
    points_format = f"0.{'0' * places}" if places else "0"
    assert [row[6].number_format for row in cells] == [points_format] * len(rows)
    assert [f"{Decimal(str(row[6].value)):.{places}f}" for row in cells] == scores

    (audit,) = _json(capsys, "audit", str(path))
    (flagged,) = [row for row in audit["tables"][0]["rows"] if row["row"] == "知晓率"]
    assert flagged["verdict"] == "contradicts"
    (finding,) = [f for f in audit["findings"] if f["code"] == "IK801"]
    own = rows[1]["score_display"]
    assert f"{rules} 的 {own}，" in finding["message"] or f"{rules} 给 {own} " in finding["message"]
    report = build_page(assess(loads(path.read_text(encoding="utf-8")), year=2025))
    (audited,) = [row for table in report.audit for row in table.rows if row.label == "知晓率"]
    nearest, _, shown_there = audited.nearest.partition("（")[0].partition(" ")
    assert _places(shown_there) == RULE_SETS[nearest].rounding.places
    assert f"{nearest} 的 {shown_there}，" in finding["message"]


@pytest.mark.parametrize("mode", list(RoundingMode))
@pytest.mark.parametrize("stage", [RoundingStage.TOTAL, RoundingStage.NONE])
def test_a_rule_set_of_its_own_shows_points_by_its_own_mode(
    mode: RoundingMode, stage: RoundingStage
) -> None:
    """Rows left exact (1/3 of 20 is 6.666…, 22.5, 6.17…) are shown by the rule set's own mode
    and places, alike in the batch, the scores' data and the report page."""
    from indicatorkit.batch import score_table
    from indicatorkit.scoring import score

    own = attrs.evolve(NATIONAL, name="own", rounding=Rounding(1, mode, stage))
    spec = loads(POINTS_SPEC.format(rules="national").replace("分值：50", "分值：20"))
    data = score(spec, rules=own).to_dict()
    rows = [row for row in data["projects"][0]["indicators"] if row["outcome"] != "partly met"]
    shown = [row["score_display"] for row in rows]
    assert shown == [own.rounding.display(Fraction(row["score"])) for row in rows]
    assert {_places(text) for text in shown} == {1}
    batch = score_table(
        pa.table({name: [row[name] for row in rows] for name in ("target", "actual", "weight")}),
        rules=own,
    )
    assert batch.column("score_display").to_pylist() == shown
    page = build_page(assess(spec, rules=own, year=2025)).projects[0]
    assert [row.score for row in page.rows if row.outcome_key != "partial"] == shown
