"""Actuals files (CSV) merged onto specs: encodings, the header, matching, every IK4xx code."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from indicatorkit import load, loads
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.model.actuals import CODES, merge_actuals
from indicatorkit.model.findings import WHOLE, Finding, Severity, SpecError

EXAMPLES = Path(__file__).parent.parent / "examples"

SPEC = loads(
    """\
项目 1 法律援助
  编码：P001
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥180件
  指标 效益指标 / 社会效益指标 / 受益人数
    指标值：≥100人
  指标 满意度指标 / 服务对象满意度指标 / 受益人数
    指标值：≥90%
  指标 产出指标 / 质量指标 / 发放
    指标值：及时足额发放
    实际值：达成

项目 2 人民调解
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件

项目 3 人民调解

项目 6
  暂不公开：涉密
"""
)

CSV = """\
项目,一级指标,二级指标,三级指标,指标值,实际值,自评得分,偏差原因,不适用
P001,,,受理数,≥180件,175件,,案件减少,
1,效益指标,,受益人数,,101人,,,
法律援助,满意度指标,,受益人数,,,,,未开展调查
项目 1,,,发放,,部分达成,7.5,,
"""


def merged(text: str) -> tuple[list[str | None], list[tuple[str, int, int]]]:
    spec, findings = merge_actuals(SPEC, read_actuals(text))
    actuals = [i.actual for p in spec.projects for i in p.indicators]
    return actuals, [(f.code, f.line, f.column) for f in findings]


def test_every_row_lands_on_its_indicator() -> None:
    spec, findings = merge_actuals(SPEC, read_actuals(CSV))
    first, second, third, fourth = spec.projects[0].indicators
    assert (first.actual, first.reason) == ("175件", "案件减少")
    assert second.actual == "101人"
    assert (third.actual, third.not_applicable) == (None, "未开展调查")
    assert (fourth.actual, fourth.evaluator_score) == ("部分达成", Fraction(15, 2))
    # the replaced actual, and project 2's indicator without a row
    assert [(f.code, f.severity, f.line, f.column) for f in findings] == [
        ("IK410", Severity.WARNING, 5, 6),
        ("IK408", Severity.WARNING, 14, 1),
    ]
    assert findings[0].file is None and "达成" in findings[0].message


def test_english_header_and_any_order() -> None:
    text = "actual,indicator,project\n175件,受理数,2\n"
    assert merged(text)[0][4] == "175件"


def test_tabs_and_comments() -> None:
    text = "# 示例\n项目\t三级指标\t实际值\n2\t受理数\t1件\n"
    assert merged(text)[0][4] == "1件"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk"], ids=["utf-8", "utf-8 with BOM", "gbk"]
)
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes(CSV.replace("\n", "\r\n").encode(encoding))
    actuals = read_actuals(path)
    assert actuals.file == str(path)
    assert [row.actual for row in actuals.rows] == ["175件", "101人", None, "部分达成"]
    assert read_actuals(str(path)) == actuals
    assert read_actuals(path.read_bytes()).rows == actuals.rows


def codes_of(error: pytest.ExceptionInfo[SpecError]) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in error.value.findings]


def test_ik401_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("项目,三级指标,实际值\n".encode() + b"\xff\xfe\x80\x80\n")
    with pytest.raises(SpecError) as caught:
        read_actuals(path)
    assert codes_of(caught) == [("IK401", 2, 1)]
    assert "neither UTF-8 nor GBK" in caught.value.findings[0].message
    with pytest.raises(SpecError) as caught:
        read_actuals(tmp_path / "missing.csv")
    assert codes_of(caught) == [("IK401", WHOLE, 1)]  # the whole file: no line to point at
    assert caught.value.findings[0].render().startswith(f"{tmp_path / 'missing.csv'}: IK401")


def test_ik402_header() -> None:
    with pytest.raises(SpecError) as caught:
        read_actuals("项目,三级指标,颜色,三级指标\n")
    # no value column, and 三级指标 twice (颜色 alone would be IK413, a column not read)
    assert sorted(codes_of(caught)) == [("IK402", 1, 1), ("IK402", 1, 4)]
    with pytest.raises(SpecError) as caught:
        read_actuals("# 只有注释\n\n")
    assert codes_of(caught) == [("IK402", 1, 1)]


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        ("9,,,受理数,,1件,,,", "IK403", 1),  # no such project
        ("人民调解,,,受理数,,1件,,,", "IK403", 1),  # two projects named 人民调解
        ("6,,,受理数,,1件,,,", "IK403", 1),  # withheld
        ("1,,,结案率,,1件,,,", "IK404", 4),  # no such indicator
        ("1,产出指标,数量指标,受益人数,,1件,,,", "IK404", 4),  # levels disagree
        ("1,,,受益人数,,1人,,,", "IK405", 4),  # two indicators named 受益人数
        ("1,,,受理数,≥200件,1件,,,", "IK406", 5),  # target disagrees
        ("1,,,受理数,,1件,很高,,", "IK409", 7),  # bad score
        ("1,,,受理数,,1件,,,未开展", "IK409", 6),  # actual and 不适用
    ],
)
def test_each_bad_row_is_located(row: str, code: str, column: int) -> None:
    header = CSV.split("\n", 1)[0]
    spec, findings = merge_actuals(SPEC, read_actuals(f"{header}\n{row}\n", file="a.csv"))
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert [(f.code, f.line, f.column, f.file) for f in errors] == [(code, 2, column, "a.csv")]
    assert spec.projects[0].indicators[0].actual is None  # the row is not merged


def test_ik406_accepts_another_spelling_of_the_target() -> None:
    text = "项目,三级指标,指标值,实际值\n2,受理数,不少于200件,201件\n"
    assert merged(text)[1] == [("IK408", 3, 1), ("IK408", 5, 1), ("IK408", 7, 1)]


def test_ik407_two_rows_for_one_indicator() -> None:
    text = "项目,三级指标,实际值\n2,受理数,1件\n人民调解 ,受理数,2件\n2,受理数,3件\n"
    actuals, found = merged(text.replace("人民调解 ", "2"))
    assert actuals[4] == "1件"
    assert [c for c in found if c[0] == "IK407"] == [("IK407", 3, 2), ("IK407", 4, 2)]


def test_every_code_is_documented() -> None:
    documented = (Path(__file__).parent.parent / "docs" / "spec-format.md").read_text("utf-8")
    for code, (severity, what) in CODES.items():
        assert f" {code} " in documented and f": {code} " in documented, code
        assert isinstance(severity, Severity) and " / " in what


def test_seed_actuals_land_on_every_indicator() -> None:
    spec = load(EXAMPLES / "yutian_justice_2025.ikspec")
    actuals = read_actuals(EXAMPLES / "seed_actuals.csv")
    merged_spec, findings = merge_actuals(spec, actuals)
    assert findings == []
    published = [p for p in merged_spec.projects if p.withheld is None]
    indicators = [i for p in published for i in p.indicators]
    assert len(actuals.rows) == len(indicators) == 63
    assert all(i.actual for i in indicators)


def test_findings_render_with_file_line_column() -> None:
    _, findings = merge_actuals(
        SPEC, read_actuals("项目,三级指标,实际值\n9,受理数,1件\n", file="x.csv")
    )
    first: Finding = findings[0]
    assert first.render().startswith("x.csv:2:1: IK403 error:")
