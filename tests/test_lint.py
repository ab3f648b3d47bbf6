"""Lint: each rule on a small spec, and the seed's real problems."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from indicatorkit import lint, load, loads
from indicatorkit.model import Severity
from indicatorkit.model.lint import RULES

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"


def codes(text: str) -> list[str]:
    return [f.code for f in lint(loads(text))]


def project(*indicators: str, head: str = "") -> str:
    body = "".join(f"  指标 {i}\n" for i in indicators)
    return f"项目 1 a\n{head}{body}"


GOOD = "产出指标 / 数量指标 / 受理数\n    指标值：≥180件\n    依据：调研\n"
FULL = (
    GOOD,
    "效益指标 / 社会效益指标 / 受益人数\n    指标值：≥100人\n    依据：调研\n",
    "满意度指标 / 服务对象满意度指标 / 满意度\n    指标值：≥90%\n    依据：调研\n",
)


def test_a_clean_project_has_no_findings() -> None:
    assert codes(project(*FULL, head="  预算：1元\n")) == []


@pytest.mark.parametrize(
    ("indicator", "code"),
    [
        ("社会公众 / 数量指标 / a\n    指标值：1\n    依据：x\n", "IK101"),
        ("效果指标 / 社会效益指标 / a\n    指标值：1\n    依据：x\n", "IK102"),
        ("产出指标 / 连续性指标 / a\n    指标值：1\n    依据：x\n", "IK103"),
        ("满意度指标 / / 投诉率\n    指标值：≤2%\n    依据：x\n", "IK104"),
        ("产出指标 / 数量指标 / 受理数\n    描述：受理数\n    指标值：1件\n    依据：x\n", "IK107"),
        ("产出指标 / 数量指标 / 受理数\n    指标值：1件\n", "IK108"),
        (
            "效益指标 / 社会效益指标 / 社会稳定\n    描述：社会稳定水平持续提升\n    指标值：1\n    依据：x\n",
            "IK109",
        ),
        ("产出指标 / 数量指标 / 案件数（件)\n    指标值：1件\n    依据：x\n", "IK110"),
        ("产出指标 / 数量指标 / a\n    指标值：,=100\n    依据：x\n", "IK201"),
        (
            "产出指标 / 时效指标 / 业务处理及时性（%）\n    指标值：及时处理业务\n    依据：x\n",
            "IK202",
        ),
        ("效益指标 / 社会效益指标 / 安置帮教率\n    指标值：=100\n    依据：x\n", "IK203"),
        ("产出指标 / 成本指标 / 办公费成本\n    指标值：≥400元\n    依据：x\n", "IK204"),
        ("产出指标 / 数量指标 / a\n    指标值：≥1件\n    依据：x\n    方向：反向\n", "IK205"),
    ],
)
def test_each_indicator_rule(indicator: str, code: str) -> None:
    found = codes(project(indicator, *FULL[1:], head="  预算：1元\n"))
    assert code in found


def test_duplicates_missing_categories_and_weights() -> None:
    found = codes(
        project(
            GOOD,
            GOOD,
            "产出指标 / 数量指标 / 其他\n    指标值：1件\n    依据：x\n    分值：10\n",
            head="  预算：1元\n",
        )
    )
    assert Counter(found)["IK106"] == 2
    assert Counter(found)["IK105"] == 2
    assert "IK306" in found


def test_money_and_plan_rules() -> None:
    head = "  预算：10000元\n  财政资金：9000元\n  支出计划：3月底 30%，6月底 20%，12月底 90%\n"
    found = codes(project(*FULL, head=head))
    assert found.count("IK302") == 1
    assert found.count("IK301") == 1
    assert codes("项目 1 a\n  预算：1元\n") == ["IK303"]
    assert (
        codes(project(*FULL, head="  预算：1万元\n  财政资金：6000元\n  其他资金：4000元\n")) == []
    )


def test_department_rules() -> None:
    text = (
        "部门 1 a\n  目标 1：x\n  目标 3：y\n  分项 p\n    说明：下设2个三级指标\n"
        f"    指标 {GOOD.replace(chr(10) + '    ', chr(10) + '      ')}"
    )
    found = codes(text)
    assert "IK304" in found
    assert "IK305" in found


def test_findings_are_located() -> None:
    text = project(
        "产出指标 / 数量指标 / a\n    指标值：,=100\n    依据：x\n", *FULL[1:], head="  预算：1元\n"
    )
    (finding,) = [f for f in lint(loads(text), file="a.ikspec", source=text) if f.code == "IK201"]
    assert (finding.file, finding.line, finding.column) == ("a.ikspec", 4, 9)
    assert finding.severity is Severity.ERROR
    assert finding.source_line == "    指标值：,=100"
    assert finding.render().startswith("a.ikspec:4:9: IK201 error:")


def test_every_rule_has_a_severity_and_text() -> None:
    for code, (severity, text) in RULES.items():
        assert code.startswith("IK") and isinstance(severity, Severity) and " / " in text


def test_the_seed_s_real_problems() -> None:
    findings = lint(load(EXAMPLE))
    counts = Counter(f.code for f in findings)
    # the ",=100" and ",=3" typos of the programme lists
    assert counts["IK201"] == 2
    # 效果指标 used for 效益指标 in the programme lists
    assert counts["IK102"] == 14
    # goal 7 is missing from the department goals
    assert counts["IK304"] == 1
    # 业务处理及时性（%） → 及时处理业务, 专款专用率 → a sentence, …
    assert counts["IK202"] >= 5
    # 办公费成本 ≥400元
    assert counts["IK204"] == 1
    # 法律援助案件受理数（件)
    assert counts["IK110"] == 2
    # the seed's budgets add up and its plans rise to 100%
    assert counts["IK302"] == 0 and counts["IK301"] == 0
    assert {f.severity for f in findings if f.code == "IK201"} == {Severity.ERROR}


@pytest.mark.parametrize(
    ("target", "flagged"),
    [
        ("= 44,561", True),
        ("45291", True),
        ("≥45291", True),
        ("12月底前", False),
        ("100", False),
        ("45291件", False),
        ("44000", True),
        ("80000", False),
        ("100000", False),
    ],
)
def test_a_date_serial_in_a_time_indicator_is_flagged(target: str, flagged: bool) -> None:
    text = f"项目 1\n  指标 产出指标 / 时效指标 / 资金到位时间\n    指标值：{target}\n"
    found = [f for f in lint(loads(text), source=text) if f.code == "IK210"]
    assert bool(found) == flagged
    if flagged:
        assert found[0].line == 3 and "Excel" in found[0].message
    elsewhere = text.replace("时效指标", "数量指标")
    assert not [f for f in lint(loads(elsewhere)) if f.code == "IK210"]


@pytest.mark.parametrize(
    ("name", "target", "suggests"),
    [
        ("经常性大型设备更新验收合格率", "292%", "≥92%"),  # tests/corpus/real/targets_d.tsv
        ("市民满意度", "290%", "≥90%"),
        ("群众满意度", "150%", None),
        ("项目完成率", "120%", False),  # a completion rate may exceed 100%
        ("合格率", "≥95%", False),
        ("投诉率", "≤200%", False),  # lower is better: not a share aimed at
    ],
)
def test_a_share_above_100_percent_is_flagged(name: str, target: str, suggests: object) -> None:
    text = f"项目 1\n  指标 产出指标 / 质量指标 / {name}\n    指标值：{target}\n"
    found = [f for f in lint(loads(text), source=text) if f.code == "IK211"]
    assert bool(found) == (suggests is not False)
    if found:
        assert found[0].line == 3
        assert (
            (suggests in (found[0].suggestion or ""))
            if suggests
            else "核对" in (found[0].suggestion or "")
        )


@pytest.mark.parametrize(
    ("target", "flagged"),
    [
        ("优良中低差", True),
        ("好坏", True),
        ("是/否", True),
        ("高中低", True),
        ("合格/不合格", True),
        ("满意、基本满意、不满意", True),
        ("良好", False),  # one grade: a target
        ("优良", False),
        ("达到优良", False),
        ("是否达标", False),
        ("优优", False),
    ],
)
def test_a_grade_scale_as_target_is_flagged(target: str, flagged: bool) -> None:
    text = f"项目 1\n  指标 产出指标 / 质量指标 / 管理机制健全性\n    指标值：{target}\n"
    found = [f for f in lint(loads(text), source=text) if f.code == "IK212"]
    assert bool(found) == flagged
    if flagged:
        assert found[0].line == 3 and "等级" in found[0].message
