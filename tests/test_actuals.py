"""Self-assessment fields (实际值、自评得分、偏差原因、不适用、执行数 …): the model, spec files,
lint and JSON."""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import Any

import pytest

from indicatorkit import dumps, lint, loads, parse_target
from indicatorkit.errors import InvalidValueError
from indicatorkit.formats.json_data import from_data, to_data
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import SpecError
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Indicator,
    Location,
    Project,
    Spec,
    SpendingPlan,
)
from indicatorkit.units import default_registry


def money(text: str) -> Amount:
    return Amount(Fraction(text.removesuffix("元")), default_registry().unit_of_text("元"))


def share(percent: int) -> Amount:
    return Amount(Fraction(percent), default_registry().unit_of_text("%"))


def indicator(**fields: Any) -> Indicator:
    return Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), **fields)


# ---------------------------------------------------------------------------------------------
# The model


def test_defaults_are_not_given() -> None:
    item = indicator()
    assert (item.actual, item.evaluator_score, item.reason, item.not_applicable) == (
        None,
        None,
        "",
        None,
    )
    project = Project(1)
    assert (project.executed, project.adjusted_budget, project.spent, project.budget_reason) == (
        None,
        None,
        None,
        "",
    )
    assert Spec().rules is None
    assert not project.has_actuals()


def test_actual_is_text_and_empty_is_not_given() -> None:
    assert indicator(actual="  205件 ").actual == "205件"
    assert indicator(actual="").actual is None
    assert indicator(actual="第一行\n 第二行").actual == "第一行\n第二行"
    with pytest.raises(InvalidValueError):
        indicator(actual=96)


def test_evaluator_score() -> None:
    assert indicator(evaluator_score=Fraction("8.5")).evaluator_score == Fraction(17, 2)
    assert indicator(evaluator_score=0).evaluator_score == 0
    with pytest.raises(InvalidValueError, match="evaluator score must be ≥ 0"):
        indicator(evaluator_score=-1)


def test_not_applicable_has_no_actual_nor_score() -> None:
    assert indicator(not_applicable="").not_applicable == ""
    assert indicator(not_applicable="本年未开展", reason="说明").not_applicable == "本年未开展"
    with pytest.raises(InvalidValueError, match="not-applicable"):
        indicator(not_applicable="本年未开展", actual="0件")
    with pytest.raises(InvalidValueError, match="not-applicable"):
        indicator(not_applicable="", evaluator_score=1)


def test_project_amounts_are_money() -> None:
    project = Project(1, executed=money("100"), adjusted_budget=money("120"))
    assert project.has_actuals()
    with pytest.raises(InvalidValueError, match="executed"):
        Project(1, executed=share(50))
    with pytest.raises(InvalidValueError, match="adjusted_budget"):
        Project(1, adjusted_budget=share(50))
    with pytest.raises(InvalidValueError, match="finite decimal"):
        Project(1, executed=Amount(Fraction(1, 3), default_registry().unit_of_text("元")))


def test_spent_is_shares() -> None:
    spent = SpendingPlan([Checkpoint(DatePoint(6), share(40))])
    assert Project(1, spent=spent).spent == spent
    with pytest.raises(InvalidValueError):
        SpendingPlan([Checkpoint(DatePoint(6), money("400"))])


@pytest.mark.parametrize(
    "fields",
    [
        {"executed": money("1")},
        {"adjusted_budget": money("1")},
        {"spent": SpendingPlan([Checkpoint(DatePoint(6), share(40))])},
        {"budget_reason": "说明"},
    ],
)
def test_withheld_project_has_no_actuals(fields: dict[str, Any]) -> None:
    with pytest.raises(InvalidValueError, match="withheld"):
        Project(6, withheld="涉密", **fields)


def test_rules_is_one_name() -> None:
    assert Spec(rules=" national ").rules == "national"
    for bad in ("", "湖北 规则", "a/b", "a\nb"):
        with pytest.raises(InvalidValueError):
            Spec(rules=bad)


# ---------------------------------------------------------------------------------------------
# JSON


ASSESSED = Spec(
    projects=[
        Project(
            1,
            "法律援助",
            budget=Budget(money("10000")),
            indicators=[
                indicator(actual="175件", reason="案件减少", evaluator_score=Fraction(1, 3)),
                Indicator(
                    "满意度指标",
                    "服务对象满意度指标",
                    "满意度",
                    parse_target("≥90%"),
                    not_applicable="未调查",
                ),
            ],
            executed=money("9000"),
            adjusted_budget=money("9500"),
            spent=SpendingPlan([Checkpoint(DatePoint(6), share(40))]),
            budget_reason="次年支付",
        )
    ],
    rules="hubei",
)


def test_json_carries_the_actuals() -> None:
    data = to_data(ASSESSED)
    assert data["rules"] == "hubei"
    project = data["projects"][0]
    assert project["executed"] == {"value": "9000", "unit": "元"}
    assert project["spent"] == {
        "checkpoints": [
            {"by": {"month": 6, "day": None, "year": None}, "share": {"value": "40", "unit": "%"}}
        ]
    }
    first, second = project["indicators"]
    assert (first["actual"], first["evaluator_score"], first["reason"]) == (
        "175件",
        "1/3",
        "案件减少",
    )
    assert second["not_applicable"] == "未调查" and second["actual"] is None
    assert from_data(data) == ASSESSED


def test_json_written_before_actuals_still_reads() -> None:
    data = to_data(ASSESSED)
    old = copy.deepcopy(data)
    del old["rules"]
    for key in ("executed", "adjusted_budget", "spent", "budget_reason"):
        del old["projects"][0][key]
    for item in old["projects"][0]["indicators"]:
        for key in ("actual", "evaluator_score", "reason", "not_applicable"):
            del item[key]
    spec = from_data(old)
    assert spec.rules is None and not spec.projects[0].has_actuals()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("projects", 0, "indicators", 0, "evaluator_score"), "-1", "evaluator score must be"),
        (("projects", 0, "indicators", 0, "evaluator_score"), 8, "自评得分文字"),
        (("projects", 0, "executed"), {"value": "40", "unit": "%"}, "wrong unit for executed"),
        (("rules",), "a b", "the rule set is one name"),
        (("projects", 0, "indicators", 1, "actual"), "1", "not-applicable"),
    ],
)
def test_json_refuses_bad_actuals(path: tuple[Any, ...], value: object, message: str) -> None:
    data: Any = to_data(ASSESSED)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(SpecError) as caught:
        from_data(data)
    assert any(message in finding.message for finding in caught.value.findings), [
        f.message for f in caught.value.findings
    ]


# ---------------------------------------------------------------------------------------------
# Spec files

ASSESSED_TEXT = """\
# 自评 / self-assessment

评分规则 national

项目 1 法律援助
  预算：10000元
  执行数：9500元
  调整后预算：1万元
  累计支出：6月底 40%，10月底 70%
  执行说明：部分补贴次年支付
    | 已督促

  指标 产出指标 / 数量指标 / 受理数
    指标值：≥180件
    实际值：175件
    偏差原因：案件减少

  指标 产出指标 / 质量指标 / 发放
    指标值：及时足额发放
    实际值：部分达成
    自评得分：7.5

  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥90%
    不适用：
"""


def test_spec_file_reads_and_writes_actuals() -> None:
    spec = loads(ASSESSED_TEXT)
    assert spec.rules == "national"
    project = spec.projects[0]
    assert str(project.executed) == "9500元" and str(project.adjusted_budget) == "1万元"
    assert project.spent is not None and [str(c.share) for c in project.spent.checkpoints] == [
        "40%",
        "70%",
    ]
    assert project.budget_reason == "部分补贴次年支付\n已督促"
    first, second, third = project.indicators
    assert (first.actual, first.reason) == ("175件", "案件减少")
    assert (second.actual, second.evaluator_score) == ("部分达成", Fraction(15, 2))
    assert third.not_applicable == "" and third.actual is None
    assert spec.comments == ("自评 / self-assessment",)
    assert dumps(spec) == ASSESSED_TEXT
    assert first.where is not None and first.where.of("actual") == Location(15, 9)


def test_aliases_read_like_the_keys() -> None:
    english = (
        "rules hubei\nproject 1\n  executed: 1元\n  adjusted_budget: 2元\n  spent: 6月底 50%\n"
        "  budget_reason: 无\n  indicator 产出指标 / 数量指标 / 数\n    target: ≥1件\n"
        "    actual: 1件\n    score: 1\n    reason: 无\n"
    )
    chinese = (
        "评分规则 hubei\n项目 1\n  全年执行数：1元\n  调整后预算：2元\n  累计支出：6月底 50%\n"
        "  执行说明：无\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n"
        "    实际完成值：1件\n    自评得分：1\n    偏差原因分析：无\n"
    )
    assert loads(english) == loads(chinese)
    assert (
        loads("项目 1\n  指标 a / b / c\n    指标值：≥1件\n    not_applicable: 无\n")
        .projects[0]
        .indicators[0]
        .not_applicable
        == "无"
    )


def test_actual_of_nine_people_loads() -> None:
    text = "项目 1\n  指标 产出指标 / 数量指标 / 人数\n    指标值：≥8人\n    实际值：9人\n"
    assert loads(text).projects[0].indicators[0].actual == "9人"


def test_rules_comment_goes_to_the_spec() -> None:
    spec = loads("# 规则\n评分规则 national\n项目 1\n")
    assert spec.comments == ("规则",)
    assert dumps(spec) == "# 规则\n\n评分规则 national\n\n项目 1\n"
    assert loads("评分规则：national\n").rules == "national"


def errors(text: str) -> list[tuple[str, int, int]]:
    with pytest.raises(SpecError) as caught:
        loads(text)
    return [(f.code, f.line, f.column) for f in caught.value.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("评分规则\n", [("IK020", 1, 1)]),
        ("评分规则 a b\n", [("IK020", 1, 6)]),
        ("评分规则 x\n评分规则 y\n", [("IK013", 2, 1)]),
        ("评分规则 x\n  执行数：1元\n", [("IK015", 2, 3)]),
        ("项目 1\n  执行数：50%\n", [("IK021", 2, 7)]),
        ("项目 1\n  调整后预算：很多\n", [("IK021", 2, 9)]),
        ("项目 1\n  累计支出：6月底 400元\n", [("IK022", 2, 8)]),
        ("项目 1\n  累计支出：6月底\n", [("IK022", 2, 8)]),
        ("项目 1\n  指标 a / b / c\n    指标值：≥1件\n    自评得分：高\n", [("IK020", 4, 10)]),
        ("项目 1\n  指标 a / b / c\n    指标值：≥1件\n    自评得分：-1\n", [("IK020", 4, 10)]),
        (
            "项目 1\n  指标 a / b / c\n    指标值：≥1件\n    实际值：1件\n    不适用：无\n",
            [("IK040", 2, 3)],
        ),
        ("项目 1\n  暂不公开：涉密\n  执行数：1元\n", [("IK040", 1, 1)]),
        ("项目 1-2\n  暂不公开：涉密\n  执行数：1元\n", [("IK018", 1, 4)]),
        ("项目 1\n  实际值：9人\n", [("IK012", 2, 3)]),
        (
            "项目 1\n  指标 a / b / c\n    指标值：≥1件\n    实际值：1件\n    实际值：2件\n",
            [("IK013", 5, 5)],
        ),
    ],
)
def test_every_problem_is_located(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert errors(text) == expected


def test_actual_under_a_project_says_where_it_belongs() -> None:
    with pytest.raises(SpecError) as caught:
        loads("项目 1\n  实际完成值：9人\n")
    assert "“指标”" in (caught.value.findings[0].suggestion or "")


# ---------------------------------------------------------------------------------------------
# Lint


def codes(text: str, *wanted: str) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in lint(loads(text)) if f.code in wanted]


def test_lint_evaluator_score() -> None:
    text = "项目 1\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n    分值：4\n    实际值：1件\n    自评得分：5\n"
    assert codes(text, "IK207", "IK208") == [("IK207", 6, 10), ("IK208", 6, 10)]
    qualitative = text.replace("≥1件", "及时发放").replace("自评得分：5", "自评得分：3")
    assert codes(qualitative, "IK207", "IK208") == []


def test_lint_unassessed_indicator() -> None:
    table = (
        "项目 1\n  指标 产出指标 / 数量指标 / 甲\n    指标值：≥1件\n    实际值：1件\n"
        "  指标 产出指标 / 数量指标 / 乙\n    指标值：≥1件\n"
        "  指标 产出指标 / 数量指标 / 丙\n    指标值：≥1件\n    不适用：未开展\n"
    )
    assert codes(table, "IK209") == [("IK209", 5, 3)]
    assert (
        codes(table.replace("    实际值：1件\n", "").replace("    不适用：未开展\n", ""), "IK209")
        == []
    )
    programme = "部门 - 局\n  分项 甲\n" + "".join(
        "  " + line + "\n" for line in table.split("\n", 1)[1].splitlines()
    )
    assert codes(programme, "IK209") == [("IK209", 6, 5)]


def test_lint_execution() -> None:
    text = "项目 1\n  预算：1万元\n  执行数：1.2万元\n  累计支出：6月底 60%，3月底 120%\n"
    assert codes(text, "IK307", "IK308") == [("IK308", 3, 7), ("IK307", 4, 8)]
    adjusted = text.replace("执行数", "调整后预算：2万元\n  执行数")
    assert codes(adjusted, "IK308") == []
    assert codes("项目 1\n  累计支出：6月底 60%，10月底 50%\n", "IK307") == [("IK307", 2, 8)]
    assert codes("项目 1\n  累计支出：6月底 60%，10月底 90%\n", "IK307") == []
