"""The canonical writer: one spelling per spec, read back equal, comments kept."""

from __future__ import annotations

from indicatorkit import Indicator, Project, Spec, dumps, loads, parse_target
from indicatorkit.language.values import Amount
from indicatorkit.model import Budget, MeasureGroup
from indicatorkit.units import unit
from tests.test_spec_reader import SMALL


def test_dumps_is_canonical_and_reads_back_equal() -> None:
    spec = loads(SMALL)
    text = dumps(spec)
    assert loads(text) == spec
    assert dumps(loads(text)) == text


def test_the_canonical_spelling() -> None:
    messy = "project 1 法律援助\n    budget:   10000.00元\n    indicator 产出指标 / 数量指标 / 受理数\n        target: >=180件\n"
    assert dumps(loads(messy)) == (
        "项目 1 法律援助\n"
        "  预算：10000元\n"
        "\n"
        "  指标 产出指标 / 数量指标 / 受理数\n"
        "    指标值：>=180件\n"
    )


def test_comments_are_kept_before_their_record() -> None:
    text = "# 文件说明\n\n项目 1 a\n  # 关于编码\n  编码：x\n\n  # 关于指标\n  指标 产出指标 / 数量指标 / b\n    指标值：1\n"
    spec = loads(text)
    assert spec.comments == ("文件说明",)
    assert spec.projects[0].comments == ("关于编码",)
    assert spec.projects[0].indicators[0].comments == ("关于指标",)
    out = dumps(spec)
    assert out == (
        "# 文件说明\n\n# 关于编码\n项目 1 a\n  编码：x\n\n  # 关于指标\n  指标 产出指标 / 数量指标 / b\n    指标值：1\n"
    )
    assert dumps(loads(out)) == out


def test_records_built_in_code_are_written() -> None:
    spec = Spec(
        None,
        (
            Project(
                3,
                "法律援助",
                budget=Budget(Amount(1, unit("万元")), Amount(10000, unit("元"))),
                indicators=(
                    Indicator(
                        "满意度指标", "", "投诉率", parse_target("≤2%"), description="多行\n描述"
                    ),
                ),
            ),
            Project(6, withheld="保密"),
            Project(7, withheld="保密"),
            Project(9, withheld="保密"),
        ),
    )
    text = dumps(spec)
    assert "项目 6-7\n  暂不公开：保密" in text
    assert "项目 9\n  暂不公开：保密" in text
    assert "指标 满意度指标 / / 投诉率" in text
    assert "描述：多行\n      | 描述" in text
    assert loads(text) == spec


def test_measures_with_several_lines() -> None:
    group = MeasureGroup("财务保障措施", ("一\n二", "三"))
    assert group.items == ("一\n二", "三")


def test_round_trips_found_by_the_docs_review() -> None:
    from indicatorkit import Department
    from indicatorkit.model import DepartmentGoal

    spec = Spec(
        Department("1", "局", goals=(DepartmentGoal(1, "第一行\n第二行"),)),
        (
            Project(1, "- 3 号楼维修"),
            Project(6, withheld="保密", unit="某局"),
            Project(7, withheld="保密", unit="某局"),
        ),
    )
    text = dumps(spec)
    assert "项目 6-7" not in text  # only bare withheld projects are grouped
    assert loads(text) == spec
    assert dumps(loads(text)) == text


def test_a_comment_belongs_to_one_record() -> None:
    text = "部门 - 局\n  总体目标：x\n\n  # c\n  目标：无编号\n"
    spec = loads(text)
    assert spec.department is not None
    assert spec.department.comments == ()
    assert spec.department.goals[0].comments == ("c",)
    assert dumps(loads(dumps(spec))) == dumps(spec)


def test_empty_fields_are_fields_not_given() -> None:
    assert loads("项目 1\n  支出计划：\n  用途：\n") == Spec(None, (Project(1),))
