"""The one actuals reader (issue 20 item 3, issue 21 "two actuals readers"): CSV, TSV and
workbooks, 执行数 and 累计支出 by checkpoint, a filled 自评表 — and the CLI verbs that use it."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import indicatorkit
from indicatorkit import loads, score
from indicatorkit.cli import main
from indicatorkit.formats.actuals_file import actuals_of, read_actuals
from indicatorkit.formats.workbook import write_self_assessment
from indicatorkit.model.actuals import merge_actuals
from indicatorkit.model.findings import Severity, SpecError
from indicatorkit.strategies import specs

ROOT = Path(__file__).parents[1]
SEED = ROOT / "examples" / "yutian_justice_2025.ikspec"
ASSESSED = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"

SPEC = loads(
    """项目 1 法律援助
  预算：10000元
  支出计划：6月底 50%，12月底 100%

  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    分值：50

  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥90%
    分值：40

项目 2 人民调解
  预算：2万元

  指标 产出指标 / 数量指标 / 调解数
    指标值：≥100件
    分值：90
"""
)

CSV = """项目,三级指标,实际完成值,偏差原因,执行数（元）,累计支出（6月底）,累计支出（12月底）
法律援助,,,支付延后,9000,40%,90%
法律援助,受理数,210件,,,,
法律援助,满意度,92%,,,,
人民调解,调解数,120件,,1.9万元,,
"""


def test_executed_and_spending_land_on_their_projects() -> None:
    merged, findings = merge_actuals(SPEC, read_actuals(CSV, file="实际值.csv"))
    assert findings == []
    first, second = merged.projects
    assert (str(first.executed), first.budget_reason) == ("9000元", "支付延后")
    assert [(str(c.by), c.share.normalized) for c in first.spent.checkpoints] == [
        ("6月底", Fraction(2, 5)),
        ("12月底", Fraction(9, 10)),
    ]
    assert str(second.executed) == "1.9万元" and second.spent is None  # on an indicator's row


def test_scoring_from_an_actuals_csv_is_decided_once_it_has_executed() -> None:
    without = score(SPEC, read_actuals(CSV.replace("9000", "").replace("1.9万元", "")))
    assert without.department_total is None  # the budget lines are undecided
    result = score(SPEC, read_actuals(CSV))
    budget = result.projects[0].budget
    assert (budget.rate, budget.score) == (Fraction(9, 10), Fraction(9))
    assert result.department_total is not None and result.department_grade is not None


@pytest.mark.parametrize(
    ("header", "cell", "column"),
    [
        ("执行数", "9000", 5),  # a bare number, and the header names no unit
        ("执行数（元）", "九千人", 5),
        ("累计支出（6月底）", "0.4", 5),  # a share or an amount? not guessed
        ("累计支出", "6月底", 5),
    ],
)
def test_a_value_that_is_not_what_its_column_holds_is_located(
    header: str, cell: str, column: int
) -> None:
    text = f"项目,三级指标,实际值,偏差原因,{header}\n法律援助,,,,{cell}\n法律援助,受理数,1件,,\n"
    actuals = read_actuals(text, file="a.csv")
    [problem] = actuals.findings
    assert (problem.code, problem.place) == ("IK409", f"a.csv:2:{column}")
    merged, findings = merge_actuals(SPEC, actuals)
    assert problem in findings and merged.projects[0].executed is None  # nothing guessed
    assert merged.projects[0].indicators[0].actual == "1件"  # the other rows still land


def test_two_rows_of_a_project_disagreeing_and_replacing_the_spec() -> None:
    text = "项目,三级指标,实际值,执行数\n1,受理数,1件,9000元\n1,满意度,95%,9500元\n"
    _, findings = merge_actuals(SPEC, read_actuals(text))
    assert [(f.code, f.line, f.column) for f in findings if f.code == "IK407"] == [("IK407", 3, 4)]
    assessed = attrs.evolve(
        SPEC, projects=[attrs.evolve(SPEC.projects[0], executed=indicatorkit.parse_actual("1元"))]
    )
    merged, findings = merge_actuals(assessed, read_actuals("项目,执行数\n1,9000元\n"))
    assert str(merged.projects[0].executed) == "9000元"
    assert [(f.code, f.severity) for f in findings if f.code != "IK408"] == [
        ("IK410", Severity.WARNING)
    ]


def test_short_and_long_rows_and_unknown_columns() -> None:
    actuals = read_actuals(
        "项目,三级指标,指标值,实际值,颜色\n1,受理数,≥200件\n1,满意度,≥90%,95%,红,多\n"
    )
    assert [(f.code, f.line, f.column) for f in actuals.findings] == [
        ("IK413", 1, 5),
        ("IK411", 2, 4),
        ("IK412", 3, 6),
    ]
    assert actuals.rows == ()  # neither row is read half


def test_headerless_rows_are_label_target_actual() -> None:
    rows = read_actuals("甲\t产出指标\t数量指标\t受理数\t≥1件\t2件\n乙\t≥1件\t2件\n").rows
    assert [(r.project, r.level1, r.level2, r.name, r.target, r.actual) for r in rows] == [
        ("甲", "产出指标", "数量指标", "受理数", "≥1件", "2件"),
    ]
    table = read_actuals("满意度\t≥95%\t96%\n", file="a.tsv")
    assert table.rows[0].labels == ("满意度",)


def _sheet(path: Path, rows: list[list[object]], title: str = "实际值") -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.create_sheet("说明")["A1"] = "填写说明"
    book.save(path)


def test_a_workbook_sheet_of_actuals(tmp_path: Path) -> None:
    path = tmp_path / "实际值.xlsx"
    _sheet(
        path,
        [
            ["单位：司法局"],
            ["项目", "三级指标", "实际完成值", "执行数（万元）", "累计支出（6月底）"],
            ["法律援助", None, None, 0.9, 0.4],
            ["法律援助", "受理数", "210件", None, None],
            ["法律援助", "满意度", 0.92, None, None],
            ["人民调解", "调解数", "120件", "很多", None],
        ],
    )
    book = openpyxl.load_workbook(path)
    book["实际值"]["E3"].number_format = "0%"
    book["实际值"]["C5"].number_format = "0%"
    book.save(path)
    actuals = read_actuals(path)
    merged, findings = merge_actuals(SPEC, actuals)
    places = {(f.code, f.place) for f in findings}
    assert ("IK409", f"{path}:实际值!D6") in places  # 很多 is no amount of money
    assert ("IK413", f"{path}:说明!A1") in places  # the instructions sheet, not read
    first = merged.projects[0]
    assert str(first.executed) == "0.9万元"
    assert [str(c.share) for c in first.spent.checkpoints] == ["40%"]
    assert [i.actual for i in first.indicators] == ["210件", "92%"]
    second = merged.projects[1]  # its 执行数 unread, its actual still lands
    assert (second.executed, second.indicators[0].actual) == (None, "120件")
    # the same bytes on standard input, through the CLI
    assert read_actuals(path.read_bytes(), file="实际值.xlsx").rows == actuals.rows


def test_a_filled_self_assessment_workbook_is_actuals(tmp_path: Path) -> None:
    assessed = indicatorkit.load(ASSESSED)
    path = tmp_path / "自评表.xlsx"
    write_self_assessment(score(assessed), path)
    actuals = read_actuals(path)
    assert not [f for f in actuals.findings if f.severity is Severity.ERROR]
    merged, findings = merge_actuals(indicatorkit.load(SEED), actuals)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert score(merged).department_total == score(assessed).department_total


def test_a_workbook_without_actuals_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "申报表.xlsx"
    indicatorkit.write(SPEC, path)
    with pytest.raises(SpecError) as caught:
        read_actuals(path)
    assert [f.code for f in caught.value.findings] == ["IK402"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(max_projects=3))
def test_actuals_of_a_spec_merged_onto_it_stripped_give_it_back(spec: indicatorkit.Spec) -> None:
    """A round trip: the actuals a spec carries, merged onto the spec without them."""
    names = [p.code or p.name or str(p.number) for p in spec.projects if p.withheld is None]
    if len(set(names)) != len(names) or any(not n for n in names):
        return  # a project the rows cannot name alone
    stripped = attrs.evolve(
        spec,
        projects=[
            p
            if p.withheld is not None
            else attrs.evolve(
                p,
                executed=None,
                spent=None,
                budget_reason="",
                indicators=[
                    attrs.evolve(
                        i, actual=None, evaluator_score=None, reason="", not_applicable=None
                    )
                    for i in p.indicators
                ],
            )
            for p in spec.projects
        ],
    )
    merged, findings = merge_actuals(stripped, actuals_of(spec))
    if any(f.code in ("IK403", "IK404", "IK405") for f in findings):
        return  # names the spec itself repeats
    for before, after in zip(spec.projects, merged.projects, strict=True):
        assert (after.executed, after.spent) == (before.executed, before.spent)
        for a, b in zip(before.indicators, after.indicators, strict=True):
            assert (b.actual, b.evaluator_score, b.not_applicable) == (
                a.actual,
                a.evaluator_score,
                a.not_applicable,
            )


# --- the verbs --------------------------------------------------------------------------------


def test_score_with_executed_from_the_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "目标.ikspec"
    spec.write_text(indicatorkit.dumps(SPEC), encoding="utf-8")
    actuals = tmp_path / "实际值.csv"
    actuals.write_text(CSV, encoding="utf-8")
    status = main(["score", "--format", "json", str(spec), str(actuals)])
    report = json.loads(capsys.readouterr().out)
    assert status == 0, report
    assert report["projects"][0]["budget"]["score"] is not None


def test_check_a_spec_with_an_actuals_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "实际值.xlsx"
    _sheet(path, [["项目", "三级指标", "实际完成值"], ["法律援助", "受理数", "190件"]])
    spec = tmp_path / "目标.ikspec"
    spec.write_text(indicatorkit.dumps(SPEC), encoding="utf-8")
    assert main(["check", "--format", "json", str(spec), str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(r["actual"], r["met"]) for r in report["rows"]] == [("190件", False)]


def test_monitor_takes_the_spending_and_actuals_so_far(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "目标.ikspec"
    spec.write_text(indicatorkit.dumps(SPEC), encoding="utf-8")
    assert main(["monitor", "--format", "json", "--at", "2025-06-30", str(spec)]) == 0
    before = json.loads(capsys.readouterr().out)["projects"][0]
    assert (before["spent"], before["light"]) == (None, "grey")  # nothing spent is known
    so_far = tmp_path / "上半年.csv"
    so_far.write_text(
        "项目,三级指标,实际完成值,累计支出（6月底）\n法律援助,,,20%\n法律援助,受理数,150件,\n",
        encoding="utf-8",
    )
    status = main(
        ["monitor", "-q", "--format", "json", "--at", "2025-06-30", str(spec), str(so_far)]
    )
    report = json.loads(capsys.readouterr().out)
    project = report["projects"][0]
    assert status == 1  # 20% spent against a plan of 50%: red
    assert (project["planned"], project["spent"], project["light"]) == ("0.5", "0.2", "red")
    assert project["indicators"][0]["light"] == "yellow"  # 75% done at mid-year keeps pace
    assert {f["code"] for f in report["findings"]} == {"IK408"}  # 满意度, 调解数: no actual yet


def test_monitor_reads_the_template_style_workbook_and_refuses_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "目标.ikspec"
    spec.write_text(indicatorkit.dumps(SPEC), encoding="utf-8")
    path = tmp_path / "上半年.xlsx"
    _sheet(path, [["项目", "三级指标", "累计支出（6月底）"], ["法律援助", None, "55%"]])
    assert (
        main(["monitor", "-q", "--format", "json", "--at", "2025-06-30", str(spec), str(path)]) == 0
    )
    assert json.loads(capsys.readouterr().out)["projects"][0]["light"] == "green"
    bad = tmp_path / "坏.csv"
    bad.write_text("项目,三级指标\n1,受理数\n", encoding="utf-8")  # no value column
    assert main(["monitor", "--at", "2025-06-30", str(spec), str(bad)]) == 2
    assert "IK402" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", ["ikspec", "json"])
def test_a_filled_spec_file_or_json_is_actuals(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = tmp_path / f"自评.{suffix}"
    indicatorkit.write(indicatorkit.load(ASSESSED), filled)
    actuals = read_actuals(filled)
    assert actuals.rows and actuals.file == str(filled)
    expected = score(indicatorkit.load(ASSESSED)).department_total
    assert score(indicatorkit.load(SEED), actuals).department_total == expected
    assert main(["score", "-q", str(SEED), str(filled)]) == 0
    with pytest.raises(SpecError) as caught:  # a spec without actuals gives none
        read_actuals(SEED)
    assert [f.code for f in caught.value.findings][-1] == "IK402"
