"""Self-assessment fields (实际值、自评得分、偏差原因、不适用、执行数 …): the model, spec files,
lint and JSON."""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import Any

import pytest

from indicatorkit import parse_target
from indicatorkit.errors import InvalidValueError
from indicatorkit.formats.json_data import from_data, to_data
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import SpecError
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Indicator,
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
