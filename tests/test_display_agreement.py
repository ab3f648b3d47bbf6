"""One spec through every output that shows its numbers — ``score`` (text and JSON),
``check`` (text and JSON), the batch (``indicatorkit.batch.score_table``) and the report —
shows the same display strings: points to the rule set's places, a ratio (attainment, the
budget rate) to 4 places, the percent to 2 (``scoring.score_data.RATIO_PLACES``)."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from indicatorkit import loads
from indicatorkit.cli import main
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.scoring.assessment import assess
from indicatorkit.scoring.indicator import RATIO_PLACES, display
from indicatorkit.scoring.rules import RULE_SETS

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
