"""``check --format json`` and ``score --format json`` write an indicator's attainment the same
way: the exact decimal text (a fraction only where it does not terminate) under ``attainment``
and the decimal to 4 places under ``attainment_display`` — one helper, ``ratio_data``."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.cli import main
from indicatorkit.numerals import read_ratio
from indicatorkit.scoring.score_data import ratio_data

SPEC = """项目 1 法律援助
  预算：10000元
  执行数：9000元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    实际值：150件
  指标 产出指标 / 质量指标 / 结案数
    指标值：≥3件
    实际值：2件
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥80%
    实际值：96%
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：群众满意
    实际值：达成
"""


def _json(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    main([*arguments, "--format", "json"])
    return json.loads(capsys.readouterr().out)


def test_check_and_score_write_the_same_attainment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "自评.ikspec"
    path.write_text(SPEC, encoding="utf-8")
    checked = _json(["check", str(path)], capsys)["rows"]
    scored = _json(["score", str(path)], capsys)["projects"][0]["indicators"]

    def fields(name: str, row: dict[str, Any]) -> tuple[str, Any, Any]:
        return name, row["attainment"], row["attainment_display"]

    from_check = [fields(row["labels"][-1], row) for row in checked]
    assert from_check == [fields(row["name"], row) for row in scored]
    assert from_check == [
        ("受理数", "0.75", "0.7500"),
        ("结案数", "2/3", "0.6667"),  # a fraction only where the decimal does not end
        ("知晓率", "1.2", "1.2000"),
        ("满意度", None, ""),  # a sentence has no ratio
    ]


def test_the_text_rounds_the_percent_half_up_as_the_json_display(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """24.69 of 200 is 12.345% exactly: 12.35% in the text, 0.1235 in both JSON outputs
    (Python's round() would have given the even 12.34%)."""
    path = tmp_path / "自评.ikspec"
    path.write_text(SPEC.replace("实际值：150件", "实际值：24.69件"), encoding="utf-8")
    assert _json(["check", str(path)], capsys)["rows"][0]["attainment_display"] == "0.1235"
    main(["check", str(path), "--format", "csv"])
    assert capsys.readouterr().out.splitlines()[1].endswith(",12.35%")


@settings(max_examples=60, deadline=None)
@given(st.fractions(min_value=0, max_value=10, max_denominator=10**6) | st.none())
def test_the_exact_text_reads_back_and_the_display_rounds_it(value: Fraction | None) -> None:
    data = ratio_data("attainment", value)
    if value is None:
        assert data == {"attainment": None, "attainment_display": ""}
        return
    exact, shown = data["attainment"], data["attainment_display"]
    assert exact is not None and shown is not None
    assert read_ratio(exact) == value  # exact: nothing lost
    assert len(shown.split(".")[1]) == 4
    assert abs(Fraction(shown) - value) <= Fraction(1, 2 * 10**4)  # 4 places, rounded
