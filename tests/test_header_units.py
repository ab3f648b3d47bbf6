"""An actuals table whose 实际值 header states a unit (``实际值（元）``, ``实际完成值(万元)``): the
bare numbers under it are read in that unit, with a finding (IK414) saying the unit came from
the header — the same as writing the unit in each cell."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import loads, score
from indicatorkit.cli import main
from indicatorkit.formats.actuals_file import read_actuals

SPEC = """项目 1 法律援助
  预算：10000元
  指标 产出指标 / 成本指标 / 人均成本
    指标值：≤5万元
    分值：50
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥95%
    分值：50
"""
_NAMES = {"元": "人均成本", "万元": "人均成本", "%": "知晓率"}


def _scores(header: str, name: str, cell: str) -> list[object]:
    actuals = read_actuals(f"项目,三级指标,{header}\n1,{name},{cell}\n", file="实际值.csv")
    result = score(loads(SPEC), actuals)
    return [(i.score.outcome, i.score.score) for i in result.projects[0].indicators]


@settings(deadline=None, max_examples=60)
@given(
    unit=st.sampled_from(sorted(_NAMES)),
    value=st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False),
    spelling=st.sampled_from(["实际值（{}）", "实际完成值({})", "完成值 （{}）"]),
)
def test_a_header_unit_scores_as_a_unit_in_the_cell(
    unit: str, value: Decimal, spelling: str
) -> None:
    number = format(value, "f")
    name = _NAMES[unit]
    stated = _scores(spelling.format(unit), name, number)
    written = _scores("实际值", name, number + unit)
    assert stated == written, (unit, number)


def test_the_header_unit_is_said_and_a_written_unit_kept() -> None:
    actuals = read_actuals(
        "项目,三级指标,实际值（元）\n1,人均成本,46800\n1,知晓率,96%\n", file="实际值.csv"
    )
    assert [row.actual for row in actuals.rows] == ["46800元", "96%"]
    (finding,) = actuals.findings
    assert (finding.code, finding.line, finding.column) == ("IK414", 1, 3)
    assert "元" in finding.message and "1" in finding.message
    # no header unit: the bare number stays bare (read against the target, questioned if odd)
    plain = read_actuals("项目,三级指标,实际值\n1,人均成本,46800\n", file="实际值.csv")
    assert [row.actual for row in plain.rows] == ["46800"] and not plain.findings


def test_score_reads_the_header_unit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "目标.ikspec"
    spec.write_text(SPEC, encoding="utf-8")
    table = tmp_path / "实际值.csv"
    table.write_text(
        "项目,三级指标,实际值（元）\n1,人均成本,46800\n1,知晓率,96%\n", encoding="utf-8"
    )
    assert main(["score", str(spec), str(table), "--format", "json"]) == 1  # no 执行数
    document = json.loads(capsys.readouterr().out)
    first = document["projects"][0]["indicators"][0]
    assert first["outcome"] == "met" and first["actual"] == "46800元"
    assert [f["code"] for f in document["findings"]].count("IK414") == 1
