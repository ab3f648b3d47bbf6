"""examples/yutian_justice_2025.ikspec is the seed document, field for field, in canonical form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from indicatorkit import Spec, load, parse_actual
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.language import Amount, DatePoint
from indicatorkit.model import Checkpoint, SpendingPlan
from indicatorkit.model import records as spec_model
from tests.seed_reader import SEED, read_seed

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"
WITHHELD = "6-13号项目信息因涉及保密要求，项目绩效目标暂不公开。"
_MODEL_CLASSES = {getattr(spec_model, name) for name in spec_model.__all__}


def first_difference(left: Any, right: Any, path: str = "spec") -> str | None:
    """The path of the first field where ``left`` and ``right`` differ, with both values.

    Walks the spec model's records (their compared fields) and tuples; anything else (targets,
    amounts, text) is compared whole.
    """
    if type(left) is not type(right):
        return f"{path}: {type(left).__name__} {left!r} != {type(right).__name__} {right!r}"
    if type(left) in _MODEL_CLASSES and attrs.has(type(left)):
        for field in attrs.fields(type(left)):
            if field.eq:
                found = first_difference(
                    getattr(left, field.name), getattr(right, field.name), f"{path}.{field.name}"
                )
                if found:
                    return found
        return None
    if isinstance(left, tuple):
        for index, (a, b) in enumerate(zip(left, right, strict=False)):
            found = first_difference(a, b, f"{path}[{index}]")
            if found:
                return found
        if len(left) != len(right):
            return f"{path}: {len(left)} items != {len(right)} items"
        return None
    return None if left == right else f"{path}: {left!r} != {right!r}"


@pytest.fixture(scope="module")
def seed() -> Spec:
    return read_seed(SEED)


@pytest.fixture(scope="module")
def example() -> Spec:
    return load(EXAMPLE)


def _plan(*points: str) -> SpendingPlan:
    by = ("3月底", "6月底", "10月底", "12月底")
    checkpoints = []
    for when, share in zip(by, points, strict=True):
        point, amount = parse_actual(when), parse_actual(share)
        assert isinstance(point, DatePoint) and isinstance(amount, Amount)
        checkpoints.append(Checkpoint(point, amount))
    return SpendingPlan(checkpoints)


# ---- the example is the seed -----------------------------------------------------------------


def test_example_is_the_seed_field_for_field(example: Spec, seed: Spec) -> None:
    assert first_difference(example, seed) is None
    assert example == seed


def test_example_is_canonical() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert dumps(load(EXAMPLE)) == text


def test_example_starts_with_a_header_comment(example: Spec) -> None:
    assert example.comments and any("000_878df4ebd272f24d" in c for c in example.comments)


def test_first_difference_points_at_the_field(seed: Spec) -> None:
    assert seed.department is not None
    indicator = seed.department.programmes[1].indicators[3]
    changed = attrs.evolve(indicator, description="别的描述")
    programme = attrs.evolve(
        seed.department.programmes[1],
        indicators=(
            *seed.department.programmes[1].indicators[:3],
            changed,
            *seed.department.programmes[1].indicators[4:],
        ),
    )
    programmes = list(seed.department.programmes)
    programmes[1] = programme
    other = attrs.evolve(seed, department=attrs.evolve(seed.department, programmes=programmes))
    found = first_difference(seed, other)
    assert found is not None
    assert found.startswith("spec.department.programmes[1].indicators[3].description: ")
    shorter = attrs.evolve(seed, projects=seed.projects[:-1])
    assert first_difference(seed, shorter) == "spec.projects: 15 items != 14 items"


# ---- spot checks of the seed reader -----------------------------------------------------------


def test_counts(seed: Spec) -> None:
    department = seed.department
    assert department is not None
    assert (department.code, department.name, department.year) == (
        "315001",
        "玉田县司法局本级",
        2025,
    )
    assert [goal.number for goal in department.goals] == [1, 2, 3, 4, 5, 6, 8]
    assert [p.name for p in department.programmes] == [
        "法治宣传",
        "法治与行政复议",
        "刑事安置解教",
        "法律援助",
        "人民调解",
    ]
    assert [len(p.indicators) for p in department.programmes] == [9] * 5
    assert [(g.title, len(g.items)) for g in department.measures] == [
        ("业务保障措施", 5),
        ("财务保障措施", 7),
    ]
    assert [p.number for p in seed.projects] == list(range(1, 16))
    withheld = [p.number for p in seed.projects if p.withheld is not None]
    assert withheld == list(range(6, 14))
    assert all(p.withheld == WITHHELD and not p.name for p in seed.projects[5:13])
    tables = [p for p in seed.projects if p.withheld is None]
    assert [len(p.indicators) for p in tables] == [9] * 7
    assert all(p.unit == "315001玉田县司法局本级" for p in tables)
    assert all(i.basis == "调研" for p in tables for i in p.indicators)


def test_department_text(seed: Spec) -> None:
    department = seed.department
    assert department is not None
    assert department.overall_goal == (
        "在本年度内充分使用预算资金，提升预算执行率。"
        "贯彻落实国家司法行政工作方针政策,提升全县司法行政管理水平。"
    )
    assert department.goals[0].text == "强化法治宣传教育，提升公民法治素养。印制普法宣传资料20000份"
    assert department.goals[-1].text.startswith("确保政府法制工作有序开展")
    assert department.measures[0].items[1].startswith("做好法律援助服务民心工程")
    assert department.measures[1].items[6].endswith("促进预算绩效管理水平进一步提升。")


@pytest.mark.parametrize(
    ("number", "figures"),
    [
        (1, ["20000份"]),
        (2, ["887件"]),
        (3, ["1553件", "1200件"]),
        (4, []),
        (5, ["827件", "1805件"]),
        (6, ["2次", "100人"]),
        (8, []),
    ],
)
def test_goal_figures(seed: Spec, number: int, figures: list[str]) -> None:
    assert seed.department is not None
    goal = next(g for g in seed.department.goals if g.number == number)
    assert goal.figures == tuple(parse_actual(f) for f in figures)
    assert [str(f) for f in goal.figures] == figures


def test_programmes(seed: Spec) -> None:
    assert seed.department is not None
    first, second, third, *_ = seed.department.programmes
    assert first.goal.startswith("“法治宣传”项目主要目标为拟订县级法治宣传教育规划")
    assert first.summary == "项目共设产出指标、效果指标、满意度指标三个一级指标，下设9个三级指标。"
    assert first.plan is None and second.plan is None
    assert all(p.plan == _plan("30%", "60%", "80%", "100%") for p in seed.department.programmes[2:])
    assert third.summary.startswith("资金累计支出进度3月底")
    # "4、效益指标-经济效益指标-外宣品…的比例（%）（反映外宣品的使用程度），指标值,=100"
    fourth = first.indicators[3]
    assert fourth.target_text == ",=100"
    assert (fourth.level1, fourth.level2, fourth.name) == (
        "效益指标",
        "经济效益指标",
        "外宣品发放使用数量占购买量的比例（%）",
    )
    assert fourth.description == "反映外宣品的使用程度"
    assert first.indicators[0].target_text == ">=6"
    assert first.indicators[2].name == "资金支出率（%）" and first.indicators[2].description == ""
    assert first.indicators[4].target_text == "重点开展法治宣传工作"
    continuity = first.indicators[5]
    assert (continuity.level1, continuity.level2, continuity.name) == ("效果指标", "连续性指标", "")
    assert continuity.description.startswith("长期开展展演、展映、展播")
    assert continuity.target_text == "促进法制文明建设工作开展"
    complaints = first.indicators[8]
    assert (complaints.level2, complaints.name) == ("", "社会公众投诉率")
    assert complaints.description == "投诉人数占服务总人数的比例"
    nameless = third.indicators[6]
    assert (nameless.level2, nameless.name) == ("群众满意度", "")
    assert nameless.description == "群众满意度数量占总数的比例"
    # the parenthesis the seed never closes, and the basis sentence after the item
    assert second.indicators[6].description == "行政复议参与者满意人数占参与人数的比例"
    assert second.indicators[6].target_text == ">=80%"
    assert [i.basis != "" for i in second.indicators] == [False] * 6 + [True, True, False]
    assert seed.department.programmes[3].indicators[2].description == (
        "按照要求和计划完成研究任务的项目在所有立项项目中的比例（百分比）"
    )


def test_projects(seed: Spec) -> None:
    projects = {p.number: p for p in seed.projects}
    first = projects[1]
    assert (first.name, first.code) == ("2025年劳务派遣人员经费", "13022925P004R28106781")
    assert first.budget is not None
    assert first.budget.total == parse_actual("1616387.84元")
    assert first.budget.fiscal == parse_actual("1616387.84元")
    assert first.budget.other is None
    assert first.purpose == "保障人员基本支出及司法业务正常开展"
    assert first.goal == "1.保证司法业务正常开展，提升人民群众满意度"
    assert first.plan == _plan("30%", "60%", "80%", "100%")
    assert projects[3].plan == _plan("20%", "40%", "60%", "100%")
    assert projects[4].plan == _plan("20%", "50%", "70%", "100%")
    assert projects[5].goal == "1.保障司法业务正常开展"
    assert projects[5].indicators[4].target_text == ">5万元"
    assert projects[5].indicators[4].name == "降低成本"
    subsidy = projects[14].indicators[3]
    assert (subsidy.level1, subsidy.level2, subsidy.name) == (
        "产出指标",
        "成本指标",
        "补贴发放标准",
    )
    assert subsidy.target_text == "≤8000元"
    # level 1 is written once per group and carried to the rows below it
    assert [i.level1 for i in projects[15].indicators] == ["产出指标"] * 4 + ["效益指标"] * 4 + [
        "满意度指标"
    ]
    assert projects[15].indicators[1].description == "走访安置帮教对象次数"
    assert projects[3].indicators[0].name == "法律援助案件受理数（件)"


def test_the_seed_spec_pickles_whole() -> None:
    import pickle

    spec = load(EXAMPLE)
    again = pickle.loads(pickle.dumps(spec))
    assert again == spec
    assert again.projects[0].where == spec.projects[0].where
