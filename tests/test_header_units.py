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
from indicatorkit.formats.table_text import in_stated_unit, stated_unit

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


# --- a count or a length the header states, and a column letter that is not a unit -----------

COUNTS_SPEC = """项目 1 职业技能培训
  指标 产出指标 / 数量指标 / 培训人次
    指标值：≥700人次
    分值：40
  指标 产出指标 / 数量指标 / 新建站点
    指标值：≥3个
    分值：30
  指标 产出指标 / 数量指标 / 道路里程
    指标值：≥12公里
    分值：30
"""
_COUNTED = {"人次": "培训人次", "个": "新建站点", "公里": "道路里程"}


@pytest.mark.parametrize(
    ("header", "unit"),
    [("实际完成值（人次）", "人次"), ("实际值(个)", "个"), ("实际完成值（公里）", "公里")],
)
def test_a_header_that_states_a_count_or_a_length_reads_bare_numbers_in_it(
    header: str, unit: str
) -> None:
    """Not only money and %: any unit word the header states in brackets, said as IK414 at the
    header cell, as for 实际值（元）."""
    name = _COUNTED[unit]
    actuals = read_actuals(
        f"项目,三级指标,{header}\n1,{name},735\n1,{name},已完成\n", file="实际值.csv"
    )
    assert [row.actual for row in actuals.rows] == [f"735{unit}", "已完成"]
    (said,) = actuals.findings
    assert (said.code, said.line, said.column) == ("IK414", 1, 3)
    assert header in said.message and f"读作{unit}" in said.message


@pytest.mark.parametrize("header", ["实际完成值(B)", "实际值(A)", "实际值(C)", "实际完成值（B）"])
def test_a_column_letter_in_brackets_is_not_a_unit(header: str) -> None:
    """Hubei's self-assessment writes 实际完成值(B) (B a column letter, 执行率(B/A)): a Latin
    letter must not become the unit B (bytes) of every bare number below it."""
    actuals = read_actuals(f"项目,三级指标,{header}\n1,培训人次,735\n", file="实际值.csv")
    assert [row.actual for row in actuals.rows] == ["735"]
    assert not [f for f in actuals.findings if f.code == "IK414"]
    assert in_stated_unit("735", header) == "735" and stated_unit(header) == ""
    assert in_stated_unit("735", "年初目标值(A)") == "735"


@pytest.mark.parametrize("header", ["实际完成值（说明）", "实际值（20分）", "实际完成值（数量）"])
def test_a_bracketed_word_that_names_no_unit_leaves_the_number_bare(header: str) -> None:
    assert stated_unit(header) == "" and in_stated_unit("96", header) == "96"


@settings(deadline=None, max_examples=40)
@given(
    unit=st.sampled_from(sorted(_COUNTED)),
    value=st.integers(min_value=0, max_value=5000),
    spelling=st.sampled_from(
        ["实际值（{}）", "实际完成值({})", "完成值 （{}）", "实际完成值（{}）"]
    ),
)
def test_a_counted_header_unit_scores_as_the_unit_in_the_cell(
    unit: str, value: int, spelling: str
) -> None:
    def scores(header: str, cell: str) -> list[object]:
        table = f"项目,三级指标,{header}\n1,{_COUNTED[unit]},{cell}\n"
        result = score(loads(COUNTS_SPEC), read_actuals(table, file="实际值.csv"))
        return [(i.score.outcome, i.score.score) for i in result.projects[0].indicators]

    assert scores(spelling.format(unit), str(value)) == scores("实际值", f"{value}{unit}")
