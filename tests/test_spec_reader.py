"""Reading spec files: what loads, and located errors for what does not — all at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Comparison, Department, IndicatorkitError, Project, SpecError, load, loads
from indicatorkit.language import Qualitative

SMALL = """
# 文件头
部门 315001 玉田县司法局本级
  年度：2025
  总体目标：充分使用预算资金
  目标 1：印制普法宣传资料20000份
    数据：20000份
  分项 法治宣传
    目标：拟订规划
    | 并组织实施
    支出计划：3月底 30%，12月底 100%
    指标 满意度指标 / / 社会公众投诉率
      指标值：<=2%
  保障措施 业务保障措施
    - 第一项
    - 第二项
      | 续行

project 1 法律援助
  code: 13022925P00004510008P
  budget: 1.5万元
  fiscal: 15000元
  indicator 产出指标 / 数量指标 / 人均成本（元/人）
    target: ≤100元/人
    weight: 10
    direction: 反向
项目 6-7
  暂不公开：涉及保密要求
"""


def test_a_small_spec_loads_completely() -> None:
    spec = loads(SMALL)
    department = spec.department
    assert isinstance(department, Department)
    assert (department.code, department.name, department.year) == (
        "315001",
        "玉田县司法局本级",
        2025,
    )
    assert [str(f) for f in department.goals[0].figures] == ["20000份"]
    programme = department.programmes[0]
    assert programme.goal == "拟订规划\n并组织实施"
    assert [str(c.share) for c in programme.plan.checkpoints] == ["30%", "100%"]  # type: ignore[union-attr]
    assert programme.indicators[0].level2 == ""
    assert department.measures[0].items == ("第一项", "第二项\n续行")
    project = spec.projects[0]
    assert project.code == "13022925P00004510008P"
    assert project.budget is not None and str(project.budget.total) == "1.5万元"
    indicator = project.indicators[0]
    assert indicator.name == "人均成本（元/人）"
    assert isinstance(indicator.target, Comparison)
    assert indicator.weight == 10
    assert [p.number for p in spec.projects] == [1, 6, 7]
    assert all(p.withheld == "涉及保密要求" for p in spec.projects[1:])
    assert spec.comments == ()
    assert department.comments == ("文件头",)  # no blank line: it belongs to the department


def test_where_things_were_read() -> None:
    spec = loads(SMALL)
    indicator = spec.projects[0].indicators[0]
    assert indicator.where is not None
    assert indicator.where.at.line == 23
    assert indicator.where.of("target").line == 24
    assert indicator.where.of("target").column == 13


def test_typos_in_targets_load_and_are_kept_as_written() -> None:
    spec = loads("项目 1\n  指标 产出指标 / 数量指标 / 外宣\n    指标值：,=100\n")
    indicator = spec.projects[0].indicators[0]
    assert indicator.target_text == ",=100"
    assert str(indicator.target) == "=100"


def test_sentences_load_as_qualitative_targets() -> None:
    spec = loads("项目 1\n  指标 产出指标 / 质量指标 / 发放\n    指标值：及时足额发放\n")
    assert spec.projects[0].indicators[0].target == Qualitative("及时足额发放")


BROKEN = """项目 1 法律援助
  预算 10000元
  预算：一万块
  指标 产出指标 / 数量指标
    指标值：≥5人天
  指标 产出指标 / 数量指标 / 案件数
    描叙：xx
  指标 产出指标 / 数量指标 / 案件数2
    描述：yy
项目 x
"""


def test_every_error_is_reported_at_once_with_its_place() -> None:
    with pytest.raises(SpecError) as caught:
        loads(BROKEN, file="broken.ikspec")
    found = [(f.code, f.line, f.column) for f in caught.value.findings]
    assert found == [
        ("IK014", 2, 6),  # a colon is missing
        ("IK021", 3, 6),  # not an amount of money (块 counts blocks, it is not 元)
        ("IK031", 4, 6),  # two levels instead of three
        ("IK030", 5, 11),  # an unknown unit inside the target
        ("IK032", 6, 3),  # ... so that indicator has no 指标值
        ("IK012", 7, 5),  # unknown key, with a suggestion
        ("IK032", 8, 3),  # no 指标值
        ("IK018", 10, 4),  # a project without a number
    ]
    text = str(caught.value)
    assert "broken.ikspec:7:5: IK012 error" in text
    assert "是否想写“描述”" in text
    assert "规格文件有 8 处错误" in text


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("项目 1\n    编码：1\n  单位：x\n", "IK003", 3),
        ("项目 1\n  指标值：≥95%\n", "IK012", 2),
        ("部门 1 a\n部门 2 b\n", "IK011", 2),
        ("项目 1\n  编码：a\n  编码：b\n", "IK013", 3),
        ("项目 1\n  编码 a\n", "IK014", 2),
        ("项目 1\n  编码：a\n    单位：b\n", "IK015", 3),
        ("项目 1\n项目 1\n", "IK016", 2),
        ("部门 1 a\n  分项\n", "IK017", 2),
        ("项目 一\n", "IK018", 1),
        ("项目 1\n  财政资金：1元\n", "IK019", 2),
        ("部门 1 a\n  年度：二〇二五\n", "IK020", 2),
        ("项目 1\n  预算：100件\n", "IK021", 2),
        ("项目 1\n  支出计划：3月底\n", "IK022", 2),
        ("项目 1\n  指标 产出指标 / 数量指标 / a\n    指标值：≥\n", "IK030", 3),
        ("项目 1\n  指标 a / b\n    指标值：1\n", "IK031", 2),
        ("项目 1\n  指标 a / b / c\n", "IK032", 2),
        ("项目 6-7\n  编码：1\n", "IK018", 1),
        ("- 第一项\n", "IK012", 1),
    ],
)
def test_each_loader_error(text: str, code: str, line: int) -> None:
    with pytest.raises(SpecError) as caught:
        loads(text)
    assert (caught.value.findings[0].code, caught.value.findings[0].line) == (code, line)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        load(tmp_path / "missing.ikspec")
    assert caught.value.findings[0].code == "IK001"
    latin = tmp_path / "gbk.ikspec"
    latin.write_bytes("项目 1\n  编码：好\n".encode("gbk"))
    with pytest.raises(SpecError) as caught:
        load(latin)
    assert caught.value.findings[0].code == "IK002"
    assert caught.value.findings[0].line == 1


def test_a_bom_and_crlf_line_ends_are_accepted() -> None:
    spec = loads("\ufeff项目 1 a\r\n  编码：x\r\n")
    assert spec.projects[0].code == "x"


def test_an_empty_file_is_an_empty_spec() -> None:
    assert loads("") == loads("# 只有注释\n\n")
    assert loads("").projects == ()


outline_alphabet = st.sampled_from(
    [
        *list("项目部门指标值：: /-|#\n  \t1２3%≥<=元件，,年月底。"),
        "项目 ",
        "指标 ",
        "指标值：",
        "  ",
        "\n  ",
        "预算：",
        "- ",
        "| ",
        "支出计划：",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(outline_alphabet, max_size=40).map("".join) | st.text(max_size=60))
def test_the_loader_never_crashes(text: str) -> None:
    try:
        spec = loads(text)
    except SpecError as error:
        assert error.findings
        for finding in error.findings:
            assert finding.line >= 1 and finding.column >= 1
            assert finding.render()
    else:
        assert isinstance(spec.projects, tuple)
    # and never anything but our own errors
    assert issubclass(SpecError, IndicatorkitError)


def test_no_partial_object_on_error() -> None:
    # the first project is fine, the second is not: nothing at all is returned
    with pytest.raises(SpecError):
        loads("项目 1 a\n  编码：x\n项目 2 b\n  预算：abc\n")
    assert Project(1, "a", code="x") == loads("项目 1 a\n  编码：x\n").projects[0]


def test_not_utf8_is_located_in_characters(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ikspec"
    bad.write_bytes("项目 1\n  用途：".encode() + b"\xb0\xa1\n")
    with pytest.raises(SpecError) as caught:
        load(bad)
    assert (caught.value.findings[0].line, caught.value.findings[0].column) == (2, 6)


def test_repeated_texts_are_one_object() -> None:
    """A large spec repeats its level names, field texts and targets: the reader keeps one
    object for each (memory: benchmarks/bench_loads.py)."""
    from indicatorkit import loads

    block = (
        "项目 {n} 法律{n}援助\n  预算：10000元\n  指标 产出指标 / 数量指标 / 受理数\n"
        "    指标值：及时足额发放\n    依据：《法律援助条例》第二十条\n    实际值：已完成\n"
    )
    spec = loads("".join(block.format(n=n) for n in (1, 2)))
    first, second = (project.indicators[0] for project in spec.projects)
    assert first == second and first.where != second.where
    for name in ("level1", "level2", "name", "target_text", "basis", "actual"):
        assert getattr(first, name) is getattr(second, name), name
    assert first.target is second.target
