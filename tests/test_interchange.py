"""JSON interchange: round trips, the data shape, located errors, and the shipped schema."""

from __future__ import annotations

import copy
import json
import typing
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from indicatorkit import (
    Department,
    Indicator,
    Project,
    Spec,
    SpecError,
    loads,
    parse_target,
    strategies,
    units,
)
from indicatorkit.errors import InvalidValueError, UnknownUnitError
from indicatorkit.formats import json_data, json_schema
from indicatorkit.formats.json_data import from_data, from_json, schema, to_data, to_json
from indicatorkit.language.bounds import Direction
from indicatorkit.language.targets import Comparison
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model import (
    Budget,
    Checkpoint,
    DepartmentGoal,
    MeasureGroup,
    Programme,
    SpendingPlan,
    fields,
    records,
)
from indicatorkit.vocabulary import Operator
from tests.corpus_files import rows

# ---------------------------------------------------------------------------------------------
# A spec with every record and every kind of target


def money(text: str) -> Amount:
    value = parse_target(text)
    assert isinstance(value, Comparison)
    return value.amount


def indicator(text: str, name: str = "指标", **fields: Any) -> Indicator:
    target = parse_target(text, lenient=True).target
    return Indicator("产出指标", "数量指标", name, target, target_text=text, **fields)


PLAN = SpendingPlan(
    [
        Checkpoint(DatePoint(3), money("30%")),
        Checkpoint(DatePoint(6, 30), money("60.5%")),
        Checkpoint(DatePoint(12, None, 2025), money("100%")),
    ]
)

FULL = Spec(
    Department(
        "315001",
        "玉田县司法局本级",
        2025,
        overall_goal="在本年度内充分使用预算资金。\n提升全县司法行政管理水平。",
        goals=[
            DepartmentGoal(1, "印制普法宣传资料20000份", [money("20000份")]),
            DepartmentGoal(None, "节约经费1.5万元，减少支出-3%", [money("1.5万元"), money("-3%")]),
        ],
        programmes=[
            Programme(
                "法治宣传",
                goal="提升公民法治素养",
                summary="第一行\n第二行",
                plan=PLAN,
                indicators=[indicator("≥20000份", "宣传资料", weight=5)],
            ),
            Programme("空分项"),
        ],
        measures=[
            MeasureGroup("业务保障措施", ["加强领导", "完善制度\n定期检查"]),
            MeasureGroup("财务保障措施"),
        ],
    ),
    [
        Project(
            1,
            "法律援助",
            code="13028125P00001",
            unit="玉田县司法局",
            budget=Budget(money("1616387.84元"), money("161.6万元"), None),
            purpose="用于法律援助案件补贴",
            plan=PLAN,
            goal="办理法律援助案件\n提升服务质量",
            indicators=[
                indicator(
                    "≥180件",
                    "受理数",
                    weight=10,
                    direction=Direction.HIGHER,
                    actual="175件",
                    reason="案件来源减少\n加强宣传",
                ),
                indicator(">=6", "外宣活动数量", weight=Fraction(1, 3)),
                indicator(",=100", "宽松写法", weight=Fraction(5, 2)),
                indicator("98%", "满意度", direction=Direction.LOWER),
                indicator("≤-5%", "成本下降"),
                indicator("≥1.5万人次", "服务人次"),
                indicator("≤200元/人", "人均成本", basis="财政部文件"),
                indicator("<2万元/人/月", "月人均"),
                indicator("=0", "安全事故"),
                indicator("5万", "倍数单位"),
                indicator("90%～100%", "区间"),
                indicator("1万-2万元", "万元区间"),
                indicator("-5%～5%", "负区间"),
                indicator("12月底前", "月底期限", not_applicable=""),
                indicator("2025年6月30日前", "期限"),
                indicator("年内", "年内", not_applicable="年内未开展"),
                indicator(
                    "及时足额发放",
                    "定性",
                    description="按时发放\n足额发放",
                    actual="部分达成",
                    evaluator_score=Fraction(7, 2),
                ),
                indicator("及时足额发放\n资金使用规范", "多行定性"),
                indicator("“设立2个援助窗口”", "带数字的定性"),
            ],
            executed=money("150万元"),
            adjusted_budget=money("1600000元"),
            spent=SpendingPlan([Checkpoint(DatePoint(6), money("40%"))]),
            budget_reason="部分案件补贴次年支付",
        ),
        Project(2, "无指标项目", budget=Budget(money("10000元"))),
        Project(3, "涉密项目", withheld="涉密"),
        Project(4, "", withheld=""),
        Project(
            5,
            "空层级",
            indicators=[Indicator("", "", "", parse_target("≥1"), target_text="≥1")],
        ),
    ],
    rules="national",
)


def full_data() -> dict[str, Any]:
    return copy.deepcopy(to_data(FULL))


def walk(value: object) -> Iterator[object]:
    yield value
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


# ---------------------------------------------------------------------------------------------
# Round trips and the data shape


def test_round_trip_every_record() -> None:
    data = to_data(FULL)
    assert from_data(data) == FULL
    assert to_data(from_data(data)) == data
    assert from_json(to_json(FULL)) == FULL
    assert json.loads(to_json(FULL)) == data


def test_data_is_plain_json() -> None:
    for value in walk(to_data(FULL)):
        assert type(value) in (str, int, bool, type(None), list, dict), value


def test_json_keeps_chinese_and_indents() -> None:
    text = to_json(FULL)
    assert "玉田县司法局本级" in text and "\\u" not in text
    assert text.startswith('{\n  "department": {\n    "code": "315001"')
    assert "\n" not in to_json(FULL, indent=None)
    assert json.loads(to_json(FULL, indent=None)) == json.loads(text)


def test_where_and_comments_are_not_data() -> None:
    spec = loads(
        "# 文件注释\n# 项目注释\n项目 1 法律援助\n  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥180件\n"
    )
    data = to_data(spec)
    assert not any(key in ("where", "comments") for key in walk(data) if isinstance(key, str))
    assert from_data(data) == spec


def test_withheld_project_shape() -> None:
    project = full_data()["projects"][2]
    assert project == {
        "number": 3,
        "name": "涉密项目",
        "code": "",
        "unit": "",
        "budget": None,
        "purpose": "",
        "plan": None,
        "goal": "",
        "indicators": [],
        "withheld": "涉密",
        "executed": None,
        "adjusted_budget": None,
        "fund_sources": [],
        "goal_outcome": "",
        "spent": None,
        "budget_reason": "",
        "budget_weight": None,
        "weight_total": None,
        "conclusion": "",
        "problems": "",
        "improvements": "",
    }
    assert full_data()["projects"][3]["withheld"] == ""
    assert full_data()["projects"][1]["withheld"] is None


def test_amounts_are_exact_decimal_strings() -> None:
    data = full_data()
    assert data["projects"][0]["budget"] == {
        "total": {"value": "1616387.84", "unit": "元"},
        "fiscal": {"value": "161.6", "unit": "万元"},
        "other": None,
    }
    assert data["department"]["goals"][1]["figures"] == [
        {"value": "1.5", "unit": "万元"},
        {"value": "-3", "unit": "%"},
    ]
    assert data["department"]["programmes"][0]["plan"]["checkpoints"] == [
        {"by": {"month": 3, "day": None, "year": None}, "share": {"value": "30", "unit": "%"}},
        {"by": {"month": 6, "day": 30, "year": None}, "share": {"value": "60.5", "unit": "%"}},
        {"by": {"month": 12, "day": None, "year": 2025}, "share": {"value": "100", "unit": "%"}},
    ]


def test_weights_and_directions() -> None:
    indicators = full_data()["projects"][0]["indicators"]
    assert [i["weight"] for i in indicators[:4]] == ["10", "1/3", "2.5", None]
    assert [i["direction"] for i in indicators[:4]] == ["正向", None, None, "反向"]
    assert full_data()["department"]["programmes"][0]["indicators"][0]["weight"] == "5"


def test_empty_levels_and_multi_line_texts() -> None:
    data = full_data()
    empty = data["projects"][4]["indicators"][0]
    assert (empty["level1"], empty["level2"], empty["name"]) == ("", "", "")
    assert (
        data["department"]["overall_goal"]
        == "在本年度内充分使用预算资金。\n提升全县司法行政管理水平。"
    )
    assert data["department"]["measures"][0]["items"] == ["加强领导", "完善制度\n定期检查"]
    assert data["department"]["measures"][1] == {"title": "财务保障措施", "items": []}
    assert data["department"]["programmes"][1] == {
        "name": "空分项",
        "goal": "",
        "summary": "",
        "plan": None,
        "indicators": [],
    }


TARGETS: dict[str, dict[str, Any]] = {
    "≥180件": {
        "kind": "comparison",
        "operator": "≥",
        "value": "180",
        "unit": "件",
        "dimension": "[件]",
    },
    ",=100": {"kind": "comparison", "operator": "=", "value": "100", "unit": "", "dimension": ""},
    "98%": {
        "kind": "comparison",
        "operator": None,
        "value": "98",
        "unit": "%",
        "dimension": "[ratio]",
    },
    "≤-5%": {
        "kind": "comparison",
        "operator": "≤",
        "value": "-5",
        "unit": "%",
        "dimension": "[ratio]",
    },
    "≥1.5万人次": {
        "kind": "comparison",
        "operator": "≥",
        "value": "1.5",
        "unit": "万人次",
        "dimension": "[人次]",
    },
    "≤200元/人": {
        "kind": "comparison",
        "operator": "≤",
        "value": "200",
        "unit": "元/人",
        "dimension": "[money]·[人]^-1",
    },
    "5万": {"kind": "comparison", "operator": None, "value": "5", "unit": "万", "dimension": ""},
    "1万-2万元": {
        "kind": "range",
        "low": {"value": "1", "unit": "万元"},
        "high": {"value": "2", "unit": "万元"},
        "low_inclusive": True,
        "high_inclusive": True,
    },
    "-5%～5%": {
        "kind": "range",
        "low": {"value": "-5", "unit": "%"},
        "high": {"value": "5", "unit": "%"},
        "low_inclusive": True,
        "high_inclusive": True,
    },
    "12月底前": {"kind": "deadline", "month": 12, "day": None, "year": None},
    "2025年6月30日前": {"kind": "deadline", "month": 6, "day": 30, "year": 2025},
    "及时足额发放\n资金使用规范": {"kind": "qualitative", "sentence": "及时足额发放\n资金使用规范"},
    "“设立2个援助窗口”": {"kind": "qualitative", "sentence": "设立2个援助窗口"},
}


@pytest.mark.parametrize("text", TARGETS)
def test_target_shapes(text: str) -> None:
    target = parse_target(text, lenient=True).target
    data = to_data(Spec(projects=[Project(1, indicators=[indicator(text)])]))
    assert data["projects"][0]["indicators"][0]["target"] == {
        "text": text,
        "canonical": str(target),
        **TARGETS[text],
    }


# ---------------------------------------------------------------------------------------------
# Reading targets: the text is enough, the rest must agree


def one_target(target: object) -> dict[str, Any]:
    data = to_data(Spec(projects=[Project(1, indicators=[indicator("≥1")])]))
    data["projects"][0]["indicators"][0]["target"] = target
    return data


def read_target(target: object) -> Indicator:
    return from_data(one_target(target)).projects[0].indicators[0]


@pytest.mark.parametrize("text", TARGETS)
def test_text_alone_is_enough(text: str) -> None:
    read = read_target({"text": text})
    assert read == indicator(text) and read.target_text == text
    full = to_data(Spec(projects=[Project(1, indicators=[read])]))
    assert full["projects"][0]["indicators"][0]["target"]["kind"] == TARGETS[text]["kind"]


@pytest.mark.parametrize(
    "target",
    [
        {"text": "≥5万元", "kind": "comparison", "value": "5", "unit": "万元"},
        {"text": "≥5万元", "value": "5.00", "dimension": "[money]", "operator": "≥"},
        {"text": "≥95%", "unit": "百分比"},  # an alias names the same unit
        {"text": "98%", "operator": None, "canonical": "98%"},
        {"text": "90-100%", "low": {"value": "90", "unit": "%"}, "kind": "range"},
        {"text": "年内", "month": 12, "day": None, "year": None, "canonical": "12月底前"},
        {"text": "及时足额发放", "sentence": "及时足额发放", "kind": "qualitative"},
    ],
)
def test_agreeing_keys_are_accepted(target: dict[str, Any]) -> None:
    assert read_target(target) == indicator(target["text"])


@pytest.mark.parametrize(
    "text", ["\n12月底前", " ≥95% ", "两百件\r\n", "  及时足额发放 \n 资金使用规范\n"]
)
def test_target_text_is_kept_as_the_model_keeps_it(text: str) -> None:
    kept = "\n".join(line.strip() for line in text.strip().splitlines())
    read = read_target({"text": text})
    assert read == indicator(kept) and read.target_text == kept


def problems(data: object) -> list[str]:
    with pytest.raises(SpecError) as caught:
        from_data(data)
    assert all(f.code == "IK050" for f in caught.value.findings)
    return [f.message for f in caught.value.findings]


TARGET = "$.projects[0].indicators[0].target"


@pytest.mark.parametrize(
    ("target", "path", "fragment"),
    [
        ({"text": "≥5xx"}, f"{TARGET}.text", "未知单位“xx” (unknown unit 'xx')"),
        ({"text": "≥"}, f"{TARGET}.text", "incomplete target"),
        ({"text": "百百件"}, f"{TARGET}.text", "malformed Chinese numeral"),
        ({"text": ""}, f"{TARGET}.text", "empty target"),
        ({"text": 95}, f"{TARGET}.text", "expected a string, got integer"),
        ({"kind": "comparison"}, f"{TARGET}.text", "missing key"),
        ("≥95%", TARGET, "expected an object, got string"),
        ({"text": "≥5", "kind": "range"}, f"{TARGET}.kind", 'whose kind is "comparison"'),
        ({"text": "≥5", "kind": "interval"}, f"{TARGET}.kind", "unknown kind"),
        ({"text": "≥5", "value": "6"}, f"{TARGET}.value", 'whose value is "5"'),
        ({"text": "≥5", "value": 5}, f"{TARGET}.value", "expected a decimal string, got integer"),
        ({"text": "≥5", "value": 5.0}, f"{TARGET}.value", "got number"),
        ({"text": "≥5", "value": "5e0"}, f"{TARGET}.value", "bad number text"),
        ({"text": "≥5万元", "value": "50000"}, f"{TARGET}.value", 'whose value is "5"'),
        ({"text": "≥5万元", "unit": "元"}, f"{TARGET}.unit", 'whose unit is "万元"'),
        ({"text": "≥5万元", "unit": "块钱"}, f"{TARGET}.unit", "unknown unit"),
        ({"text": "≥5", "operator": ">="}, f"{TARGET}.operator", "unknown operator"),
        ({"text": "≥5", "operator": ">"}, f"{TARGET}.operator", 'whose operator is "≥"'),
        ({"text": "5", "operator": "="}, f"{TARGET}.operator", "whose operator is null"),
        ({"text": "≥5", "dimension": "[件]"}, f"{TARGET}.dimension", 'whose dimension is ""'),
        ({"text": ">=5", "canonical": ">=5"}, f"{TARGET}.canonical", 'whose canonical is "≥5"'),
        ({"text": "≥5", "low": {"value": "5", "unit": ""}}, f"{TARGET}.low", "has no 'low'"),
        ({"text": "≥5", "colour": "red"}, f"{TARGET}.colour", "unknown key"),
        (
            {"text": "90-100%", "high": {"value": "1", "unit": ""}},
            f"{TARGET}.high",
            'whose high is {"value": "100", "unit": "%"}',
        ),
        (
            {"text": "90-100%", "low": {"value": "90"}},
            f"{TARGET}.low.unit",
            "missing key",
        ),
        ({"text": "12月底前", "day": 31}, f"{TARGET}.day", "whose day is null"),
        ({"text": "12月底前", "month": "12"}, f"{TARGET}.month", "expected an integer"),
        ({"text": "12月底前", "year": True}, f"{TARGET}.year", "got boolean"),
        ({"text": "合格", "sentence": "良好"}, f"{TARGET}.sentence", 'whose sentence is "合格"'),
    ],
)
def test_bad_targets(target: object, path: str, fragment: str) -> None:
    (message,) = problems(one_target(target))
    assert message.startswith(f"{path}: ")
    assert fragment in message


def test_parse_error_keeps_the_hint() -> None:
    with pytest.raises(SpecError) as caught:
        from_data(one_target({"text": "≥5人天"}))
    (finding,) = caught.value.findings
    assert "未知单位" in finding.message and finding.suggestion


# ---------------------------------------------------------------------------------------------
# Structural errors, each located by its JSON path


def set_at(path: tuple[object, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path
        for step in parents:
            data = data[step]  # type: ignore[index]
        data[last] = value  # type: ignore[index]

    return change


def delete_at(path: tuple[object, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path
        for step in parents:
            data = data[step]  # type: ignore[index]
        del data[last]  # type: ignore[arg-type]

    return change


P0 = ("projects", 0)
I0 = (*P0, "indicators", 0)
BUDGET = "$.projects[0].budget"


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        # missing and unknown keys
        (delete_at((*P0, "name")), "$.projects[0].name", "missing key"),
        (delete_at(("department",)), "$.department", "missing key"),
        (delete_at((*I0, "target")), "$.projects[0].indicators[0].target", "missing key"),
        (set_at((*P0, "nmae"), "x"), "$.projects[0].nmae", "unknown key"),
        (set_at(("version",), 1), "$.version", "unknown key"),
        (set_at((*P0, "名称"), "x"), '$.projects[0]["名称"]', "unknown key"),
        (set_at((*P0, "where"), None), "$.projects[0].where", "unknown key"),
        # wrong types
        (set_at((*P0, "number"), "1"), "$.projects[0].number", "expected an integer, got string"),
        (set_at((*P0, "number"), 1.0), "$.projects[0].number", "got number"),
        (set_at((*P0, "number"), True), "$.projects[0].number", "got boolean"),
        (set_at((*P0, "number"), -1), "$.projects[0].number", "must be ≥ 0"),
        (set_at((*P0, "name"), None), "$.projects[0].name", "expected a string, got null"),
        (set_at((*P0, "withheld"), 0), "$.projects[0].withheld", "a string or null"),
        (set_at((*P0, "indicators"), {}), "$.projects[0].indicators", "expected an array"),
        (set_at(("projects",), None), "$.projects", "expected an array, got null"),
        (set_at(("projects", 1), []), "$.projects[1]", "expected an object, got array"),
        (set_at((*P0, "budget"), "1万元"), BUDGET, "expected an object, got string"),
        (set_at(("department", "year"), "2025"), "$.department.year", "integer or null"),
        (
            set_at(("department", "measures", 0, "items", 1), 3),
            "$.department.measures[0].items[1]",
            "expected a string",
        ),
        (
            set_at(("department", "goals", 0, "number"), 1.5),
            "$.department.goals[0].number",
            "got number",
        ),
        # numbers, units, weights, directions
        (
            set_at((*P0, "budget", "total", "value"), "1,616,387.84"),
            f"{BUDGET}.total.value",
            "bad number text",
        ),
        (
            set_at((*P0, "budget", "total", "value"), 1616387.84),
            f"{BUDGET}.total.value",
            "got number",
        ),
        (
            set_at((*P0, "budget", "total", "value"), ".5"),
            f"{BUDGET}.total.value",
            "bad number text",
        ),
        (
            set_at((*P0, "budget", "total", "value"), "NaN"),
            f"{BUDGET}.total.value",
            "bad number text",
        ),
        (set_at((*P0, "budget", "total", "unit"), "xx"), f"{BUDGET}.total.unit", "unknown unit"),
        (set_at((*P0, "budget", "total", "unit"), " 元"), f"{BUDGET}.total.unit", "unknown unit"),
        (set_at((*P0, "budget", "total", "unit"), "元/"), f"{BUDGET}.total.unit", "unknown unit"),
        (
            set_at((*P0, "budget", "total", "unit"), None),
            f"{BUDGET}.total.unit",
            "expected a string",
        ),
        (set_at((*P0, "budget", "fiscal"), "161.6万元"), f"{BUDGET}.fiscal", "expected an object"),
        (
            set_at((*I0, "weight"), 10),
            "$.projects[0].indicators[0].weight",
            'a string such as "10"',
        ),
        (
            set_at((*I0, "weight"), "-1"),
            "$.projects[0].indicators[0].weight",
            "weight must be a number ≥ 0",
        ),
        (set_at((*I0, "weight"), "1/0"), "$.projects[0].indicators[0].weight", "weight must be"),
        (set_at((*I0, "weight"), "1/00"), "$.projects[0].indicators[0].weight", "weight must be"),
        (
            set_at((*I0, "weight"), "9" * 5000),
            "$.projects[0].indicators[0].weight",
            "weight must be",
        ),
        (
            set_at((*P0, "budget", "total", "value"), "9" * 5000),
            f"{BUDGET}.total.value",
            "bad number text",
        ),
        (set_at((*I0, "weight"), "十"), "$.projects[0].indicators[0].weight", "weight must be"),
        (
            set_at((*I0, "direction"), "higher"),
            "$.projects[0].indicators[0].direction",
            "正向, 反向 or null",
        ),
        # dates
        (
            set_at((*P0, "plan", "checkpoints", 1, "by", "day"), 31),
            "$.projects[0].plan.checkpoints[1].by",
            "no such day",
        ),
        (
            set_at((*P0, "plan", "checkpoints", 0, "by", "month"), 13),
            "$.projects[0].plan.checkpoints[0].by",
            "no such day",
        ),
        (
            set_at((*P0, "plan", "checkpoints", 0, "share"), None),
            "$.projects[0].plan.checkpoints[0].share",
            "expected an object, got null",
        ),
        (set_at((*P0, "plan"), []), "$.projects[0].plan", "expected an object, got array"),
        # what the model refuses, at the record
        (set_at((*P0, "name"), "法律\n援助"), "$.projects[0].name", "one line only"),
        (
            set_at((*I0, "level2"), "数量 / 指标"),
            "$.projects[0].indicators[0]",
            "level names cannot contain",
        ),
        (set_at((*P0, "withheld"), "涉密"), "$.projects[0]", "a withheld project has no table"),
        (set_at(("department", "code"), "315-001"), "$.department", "code is letters and digits"),
    ],
)
def test_structural_errors(
    change: Callable[[dict[str, Any]], None], path: str, fragment: str
) -> None:
    data = full_data()
    change(data)
    (message,) = problems(data)
    assert message.startswith(f"{path}: "), message
    assert fragment in message, message


def test_unknown_key_suggests_the_near_one() -> None:
    data = full_data()
    data["projects"][0]["nmae"] = data["projects"][0].pop("name")
    with pytest.raises(SpecError) as caught:
        from_data(data)
    unknown, missing = caught.value.findings
    assert unknown.message.startswith("$.projects[0].nmae: ") and unknown.suggestion
    assert "“name”" in unknown.suggestion
    assert missing.message.startswith("$.projects[0].name: 缺少此键")


def test_every_problem_is_reported_at_once() -> None:
    data = full_data()
    data["department"]["year"] = "2025"
    data["projects"][0]["budget"]["total"]["value"] = "1e6"
    data["projects"][0]["indicators"][0]["target"] = {"text": "≥5xx"}
    data["projects"][0]["indicators"][3]["weight"] = 3
    data["projects"][2]["number"] = None
    paths = [message.split(": ")[0] for message in problems(data)]
    assert paths == [
        "$.department.year",
        "$.projects[0].budget.total.value",
        "$.projects[0].indicators[0].target.text",
        "$.projects[0].indicators[3].weight",
        "$.projects[2].number",
    ]


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "spec",
        3,
        {},
        {"department": [], "projects": [None, 1, "x", [], {}]},
        {
            "department": {"code": {"a": 1}},
            "projects": [{"indicators": [{"target": {"text": []}}]}],
        },
        {1: "non-string key", "projects": []},
        {"department": None, "projects": [{"budget": {"total": {"value": {}, "unit": []}}}]},
        {"department": None, "projects": [{"plan": {"checkpoints": [{"by": [], "share": 1}]}}]},
        {"department": None, "projects": (), "x": float("nan")},
    ],
)
def test_bad_data_raises_only_spec_errors(data: object) -> None:
    messages = problems(data)
    assert messages and all(message.startswith("$") for message in messages)


def test_findings_render_with_line_zero() -> None:
    data = full_data()
    data["projects"][0]["number"] = "1"
    with pytest.raises(SpecError) as caught:
        from_data(data)
    assert (
        caught.value.findings[0]
        .render()
        .startswith("<text>: IK050 error: $.projects[0].number: ")  # data has no lines
    )
    assert "1 error" in str(caught.value)


# ---------------------------------------------------------------------------------------------
# JSON text


def test_from_json_locates_syntax_errors() -> None:
    with pytest.raises(SpecError) as caught:
        from_json('{\n  "department": null,\n  "projects": [,]\n}')
    (finding,) = caught.value.findings
    assert (finding.code, finding.line, finding.column) == ("IK050", 3, 16)
    assert "not valid JSON" in finding.message
    assert finding.source_line == '  "projects": [,]'


def test_from_json_accepts_bytes_and_checks_structure() -> None:
    assert from_json(to_json(FULL).encode("utf-8")) == FULL
    with pytest.raises(SpecError, match=r"\$\.projects: "):
        from_json('{"department": null, "projects": 1.5}')
    with pytest.raises(SpecError, match="not valid JSON"):
        from_json(b"\xff\xfe\x00")
    with pytest.raises(SpecError, match="not valid JSON"):
        from_json('{"department": null, "projects": [' + "9" * 5000 + "]}")
    with pytest.raises(SpecError, match="not valid JSON"):
        from_json("[" * 100_000)


# ---------------------------------------------------------------------------------------------
# to_data refuses what the data cannot hold


def test_to_data_refuses_inexact_amounts_and_unknown_units() -> None:
    with pytest.raises(InvalidValueError, match="finite decimal"):
        Budget(Amount(Fraction(1, 3), units.unit("元")))  # the model refuses it already
    odd = units.Unit("块", "[money]", Fraction(1))
    with pytest.raises(InvalidValueError, match="does not read back"):
        to_data(Spec(projects=[Project(1, budget=Budget(Amount(1, odd)))]))


# ---------------------------------------------------------------------------------------------
# Every unit and every corpus target survives the trip


def unit_symbols() -> list[str]:
    scaled = [scale + word for scale in ("万", "十万", "千") for word in ("", "元", "人次", "件")]
    rates = ["元/人", "元/人次", "万元/个", "次/年", "元/人/个月", "万人次/年"]
    return ["", *units.known_unit_words(), *scaled, *rates]


@pytest.mark.parametrize("symbol", unit_symbols())
def test_every_unit_round_trips(symbol: str) -> None:
    try:
        unit = units.unit(symbol)
    except UnknownUnitError:
        scale = next(s for s in sorted(units.SCALES, key=len, reverse=True) if symbol.startswith(s))
        unit = units.scaled(scale, units.unit(symbol[len(scale) :]))
    amount = Amount(Fraction(-25, 4), unit)
    comparison = Indicator("产出指标", "数量指标", "单位", Comparison(Operator.GE, amount))
    goal = DepartmentGoal(1, "目标", figures=[amount])
    spec = Spec(
        department=Department("1", "部门", goals=[goal]),
        projects=[Project(1, indicators=[comparison])],
    )
    data = to_data(spec)
    validate(data)
    assert data["projects"][0]["indicators"][0]["target"]["unit"] == unit.symbol
    assert data["department"]["goals"][0]["figures"][0] == {"value": "-6.25", "unit": unit.symbol}
    back = from_data(data)
    assert back == spec
    assert back.department is not None
    assert back.department.goals[0].figures[0].unit == unit


CORPUS = [row[0] for row in rows("targets.tsv")] + [row[0] for row in rows("lenient.tsv")]


@pytest.mark.parametrize("text", CORPUS)
def test_corpus_targets_round_trip(text: str) -> None:
    spec = Spec(projects=[Project(1, indicators=[indicator(text.strip())])])
    data = to_data(spec)
    assert from_data(data) == spec and to_data(from_data(data)) == data
    assert read_target({"text": text.strip()}) == spec.projects[0].indicators[0]


# ---------------------------------------------------------------------------------------------
# Generated specs


GENERATED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@GENERATED
@given(strategies.specs())
def test_generated_specs_round_trip_and_validate(spec: Spec) -> None:
    """One generated spec serves both laws (generating one is the cost)."""
    data = to_data(spec)
    assert from_data(data) == spec
    assert to_data(from_data(data)) == data
    assert from_json(to_json(spec)) == spec
    validate(data)  # the data validates against the schema


# ---------------------------------------------------------------------------------------------
# Never a foreign exception: what pint or Python would refuse is an IK050 finding

HUGE = 10**5000  # more digits than Python converts to text (sys.get_int_max_str_digits())


@pytest.mark.parametrize(
    ("change", "path", "fragment"),
    [
        *(
            (set_at((*P0, "budget", "total", "unit"), unit), f"{BUDGET}.total.unit", "unknown unit")
            for unit in (
                "元*人",
                "元**2",
                "1/元",
                "元^2",
                "元 / 人",
                "(元)",
                "dimensionless",
                "元" * 70,
            )
        ),
        (
            set_at((*I0, "target"), {"text": "≥5万元", "unit": "元**2"}),
            f"{TARGET}.unit",
            "unknown unit",
        ),
        (set_at((*P0, "number"), HUGE), "$.projects[0].number", "integer beyond"),
        (set_at((*P0, "number"), -HUGE), "$.projects[0].number", "integer beyond"),
        (set_at(("department", "year"), HUGE), "$.department.year", "integer beyond"),
        (
            set_at(("department", "goals", 0, "number"), HUGE),
            "$.department.goals[0].number",
            "integer beyond",
        ),
        (
            set_at((*P0, "plan", "checkpoints", 0, "by", "year"), HUGE),
            "$.projects[0].plan.checkpoints[0].by.year",
            "integer beyond",
        ),
        (
            set_at((*I0, "target"), {"text": "12月底前", "year": HUGE}),
            f"{TARGET}.year",
            "integer beyond",
        ),
        (set_at((*I0, "target"), {"text": "≥5", "value": HUGE}), f"{TARGET}.value", "got integer"),
        (set_at((*I0, "direction"), HUGE), "$.projects[0].indicators[0].direction", "-bit integer"),
        (set_at((*I0, "weight"), HUGE), "$.projects[0].indicators[0].weight", "got integer"),
        (set_at((*I0, "weight"), "9" * 4000), "$.projects[0].indicators[0].weight", "longer than"),
        (
            set_at((*I0, "weight"), "1/" + "9" * 5000),
            "$.projects[0].indicators[0].weight",
            "weight must be",
        ),
        (
            set_at((*P0, "budget", "total", "value"), "0." + "0" * 4000 + "1"),
            f"{BUDGET}.total.value",
            "longer than",
        ),
        (set_at((*P0, HUGE), 1), "$.projects[0]", "keys are strings"),
    ],
)
def test_what_python_or_pint_refuses_is_a_finding(
    change: Callable[[dict[str, Any]], None], path: str, fragment: str
) -> None:
    data = full_data()
    change(data)
    (message,) = problems(data)
    assert message.startswith(f"{path}: "), message
    assert fragment in message, message


NASTY = st.sampled_from(
    [HUGE, -HUGE, 2**64, -1, 0, 1.5, float("nan"), True, None, "", "元**2", "1/元", "9" * 5000,
     "0." + "0" * 4000 + "1", [], {}, [None], {"": None}, {"text": "≥5元*人"}]
)  # fmt: skip


def paths(value: object, at: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*at, index))


FULL_PATHS = [path for path in paths(to_data(FULL)) if path]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FULL_PATHS), NASTY), min_size=1, max_size=3))
def test_any_change_gives_a_spec_or_spec_errors(
    changes: list[tuple[tuple[object, ...], object]],
) -> None:
    data = full_data()
    for path, value in changes:
        try:
            set_at(path, value)(data)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    try:
        spec = from_data(data)
    except SpecError as error:
        assert error.findings and all(f.code == "IK050" for f in error.findings)
        assert all(f.message.startswith("$") for f in error.findings)
    else:
        assert from_json(to_json(spec)) == spec


# ---------------------------------------------------------------------------------------------
# The schema, checked by the real jsonschema validator

VALIDATOR = Draft202012Validator(schema())


def validate(data: object) -> None:
    VALIDATOR.validate(data)


def test_schema_is_shipped_and_valid() -> None:
    root = schema()
    assert root["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(root)
    root["title"] = "changed"
    assert schema()["title"] != "changed"


def test_schema_describes_to_data() -> None:
    validate(to_data(FULL))
    validate(to_data(Spec()))


@pytest.mark.parametrize(
    "change",
    [
        set_at((*P0, "budget", "total", "value"), 1616387.84),
        set_at((*P0, "budget", "total", "value"), "1616387.840"),
        set_at((*P0, "budget", "total", "unit"), "元 "),
        set_at((*P0, "extra"), 1),
        delete_at((*P0, "withheld")),
        set_at((*I0, "target", "kind"), "range"),
        set_at((*I0, "target", "operator"), ">="),
        set_at((*I0, "weight"), "01"),
        set_at((*I0, "direction"), "higher"),
        set_at(("department", "code"), "315-001"),
        set_at((*P0, "plan", "checkpoints", 0, "by", "month"), 13),
        set_at((*P0, "name"), "法律\n援助"),
        set_at((*P0, "number"), -1),
    ],
)
def test_schema_rejects_what_to_data_never_gives(change: Callable[[dict[str, Any]], None]) -> None:
    data = full_data()
    change(data)
    assert not VALIDATOR.is_valid(data)


# ---------------------------------------------------------------------------------------------
# The schema is generated from the model (json_schema.spec_schema) and shipped as generated


def test_shipped_schema_is_the_generated_one() -> None:
    # after a change to the model: python -m indicatorkit.formats.json_schema
    assert json_schema.SCHEMA_FILE.read_text(encoding="utf-8") == json_schema.schema_text()
    assert schema() == json_schema.spec_schema()


def record_node(cls: type, root: dict[str, Any]) -> dict[str, Any]:
    return root if cls is Spec else root["$defs"][json_schema._name(cls)]


def test_every_record_is_an_object_of_its_data_fields() -> None:
    defined = {
        value
        for value in vars(records).values()
        if attrs.has(value) and value.__module__ == records.__name__
    }
    assert defined - {records.Where, records.Location} == set(json_data.RECORDS)
    root = schema()
    for cls in json_data.RECORDS:
        node = record_node(cls, root)
        names = [field.name for field in json_data.data_fields(cls)]
        assert names == [
            field.name
            for field in attrs.fields(cls)
            if field.name
            not in ("where", "comments", "target_text", "printed", "reading", "actual_reading")
        ]
        assert list(node["properties"]) == names == node["required"], cls
        assert node["additionalProperties"] is False


def accepts(node: dict[str, Any], root: dict[str, Any], value: object) -> bool:
    return Draft202012Validator({**node, "$defs": root["$defs"]}).is_valid(value)


def test_null_is_allowed_exactly_where_the_model_allows_none() -> None:
    root = schema()
    for cls in json_data.RECORDS:
        hints = typing.get_type_hints(cls)
        for field in json_data.data_fields(cls):
            node = record_node(cls, root)["properties"][field.name]
            optional = type(None) in typing.get_args(hints[field.name])
            assert accepts(node, root, None) == optional, (cls, field.name)


def test_one_line_fields_refuse_several_lines() -> None:
    root = schema()
    for cls in json_data.RECORDS:
        for field in json_data.data_fields(cls):
            if field.converter in (fields.one_line, fields.optional_line):
                node = record_node(cls, root)["properties"][field.name]
                assert not accepts(node, root, "a\nb"), (cls, field.name)
                assert accepts(node, root, "ab"), (cls, field.name)


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        (set_at(("department", "year"), 0), False),
        (set_at(("department", "year"), 10000), False),
        (set_at(("department", "year"), 9999), True),
        (set_at((*P0, "fund_sources"), [{"name": "上年 结转", "initial": None, "budget": None,
                                           "executed": None}]), False),
        (set_at(("rules",), "hubei"), True),
        (set_at(("rules",), "a b"), False),
    ],
)  # fmt: skip
def test_validators_are_in_the_schema(
    change: Callable[[dict[str, Any]], None], valid: bool
) -> None:
    data = full_data()
    change(data)
    assert VALIDATOR.is_valid(data) == valid


def test_target_is_described_as_its_text_reads() -> None:
    # The model holds target and text equal in meaning only; the data follows the text.
    fifty = Indicator(
        "产出指标", "数量指标", "金额", parse_target("≥50000元"), target_text="≥5万元"
    )
    zero = Indicator("", "", "", parse_target("0万"), target_text="0")
    spec = Spec(projects=[Project(1, indicators=[fifty, zero])])
    data = to_data(spec)
    first, second = (i["target"] for i in data["projects"][0]["indicators"])
    assert (first["canonical"], first["value"], first["unit"]) == ("≥5万元", "5", "万元")
    assert (second["canonical"], second["unit"]) == ("0", "")
    assert from_data(data) == spec and to_data(from_data(data)) == data
