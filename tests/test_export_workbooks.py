"""``export --scored`` writes the filled 自评表, ``export --template`` the workbook a unit fills in:
targets locked, the cells to fill open and validated — and, filled in, it imports back as actuals
(issue 20, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

import indicatorkit
from indicatorkit.cli import main
from indicatorkit.formats.workbook_template import HEADER_ROW, template_columns
from indicatorkit.model.findings import Severity
from indicatorkit.strategies import specs

ROOT = Path(__file__).parents[1]
SEED = ROOT / "examples" / "yutian_justice_2025.ikspec"
ASSESSED = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"

SPEC = """项目 1 法律援助
  预算：10000元
  支出计划：6月底 50%，12月底 100%

  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    分值：20

  指标 产出指标 / 质量指标 / 满意度
    指标值：≥90%
    分值：20

  指标 产出指标 / 时效指标 / 办结时间
    指标值：12月底前
    分值：20

  指标 成本指标 / 经济成本指标 / 人均成本
    指标值：5-10万元
    分值：10

  指标 效益指标 / 社会效益指标 / 群众法治意识
    指标值：明显提升
    分值：20

项目 2 人民调解
  预算：2万元

  指标 产出指标 / 数量指标 / 调解数
    指标值：≥100件
    分值：90
"""

#: What the unit writes, by indicator name (a number in a % cell is a share, as Excel keeps it).
FILLED = {
    "受理数": 210,
    "满意度": 0.92,
    "办结时间": "12月20日",
    "人均成本": 7,
    "群众法治意识": "达成",
    "调解数": 95,
}


def _template(tmp_path: Path) -> tuple[Path, Path]:
    spec = tmp_path / "目标.ikspec"
    spec.write_text(SPEC, encoding="utf-8")
    template = tmp_path / "填报.xlsx"
    assert main(["export", "-q", str(spec), "--template", str(template)]) == 0
    return spec, template


def _rows(sheet: object) -> dict[str, int]:
    """The row of each indicator (by name) and of each project's own row (by project)."""
    found: dict[str, int] = {}
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):  # type: ignore[attr-defined]
        project, name = sheet.cell(row, 1).value, sheet.cell(row, 4).value  # type: ignore[attr-defined]
        found[name or f"项目:{project}"] = row
    return found


def test_the_template_locks_targets_and_validates_what_is_filled(tmp_path: Path) -> None:
    _, path = _template(tmp_path)
    sheet = openpyxl.load_workbook(path)["填报"]
    header = [c.value for c in sheet[HEADER_ROW]]
    assert header == template_columns(indicatorkit.loads(SPEC))
    column = {name: header.index(name) + 1 for name in header}
    rows = _rows(sheet)
    assert sheet.protection.sheet
    for name in ("受理数", "群众法治意识"):
        row = rows[name]
        assert sheet.cell(row, column["指标值"]).protection.locked
        assert sheet.cell(row, column["三级指标"]).protection.locked
        for open_ in ("实际完成值", "偏差原因", "不适用"):
            assert not sheet.cell(row, column[open_]).protection.locked
    project = rows["项目:法律援助"]
    for open_ in ("执行数（元）", "累计支出（6月底）", "累计支出（12月底）", "偏差原因"):
        assert not sheet.cell(project, column[open_]).protection.locked
    assert sheet.cell(project, column["实际完成值"]).protection.locked
    actual = openpyxl.utils.get_column_letter(column["实际完成值"])
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    grades = rules[f"{actual}{rows['群众法治意识']}"]
    assert (grades.type, grades.formula1) == ("list", '"达成,部分达成,未达成"')
    assert rules[f"{actual}{rows['受理数']}"].type == "decimal"
    assert rules[f"{actual}{rows['满意度']}"].type == "decimal"
    assert f"{actual}{rows['办结时间']}" not in rules  # a date is text
    assert sheet.cell(rows["受理数"], column["计量单位"]).value == "件"
    assert sheet.cell(rows["满意度"], column["实际完成值"]).number_format == "0.00%"


def test_the_template_filled_in_imports_back_and_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec, path = _template(tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book["填报"]
    header = [c.value for c in sheet[HEADER_ROW]]
    column = {name: header.index(name) + 1 for name in header}
    rows = _rows(sheet)
    for name, value in FILLED.items():
        sheet.cell(rows[name], column["实际完成值"]).value = value
    sheet.cell(rows["调解数"], column["偏差原因"]).value = "纠纷减少"
    first = rows["项目:法律援助"]
    sheet.cell(first, column["执行数（元）"]).value = 9500
    sheet.cell(first, column["累计支出（6月底）"]).value = 0.45
    sheet.cell(first, column["累计支出（12月底）"]).value = 0.95
    sheet.cell(rows["项目:人民调解"], column["执行数（元）"]).value = 20000
    book.save(path)
    capsys.readouterr()
    status = main(["score", "--format", "json", str(spec), str(path)])
    report = json.loads(capsys.readouterr().out)
    assert status == 0, report["findings"]
    assert report["findings"] == []
    first_project = report["projects"][0]
    assert [i["actual"] for i in first_project["indicators"]] == [
        "210件",
        "92%",
        "12月20日",
        "7万元",
        "达成",
    ]
    # the same actuals written in the spec score the same
    written = SPEC.replace("    指标值：≥200件\n", "    指标值：≥200件\n    实际值：210件\n")
    for name, text in (
        ("≥90%", "92%"),
        ("12月底前", "12月20日"),
        ("5-10万元", "7万元"),
        ("明显提升", "达成"),
    ):
        written = written.replace(
            f"    指标值：{name}\n", f"    指标值：{name}\n    实际值：{text}\n"
        )
    written = written.replace(
        "    指标值：≥100件\n", "    指标值：≥100件\n    实际值：95件\n    偏差原因：纠纷减少\n"
    )
    written = written.replace(
        "  预算：10000元\n",
        "  预算：10000元\n  执行数：9500元\n  累计支出：6月底 45%，12月底 95%\n",
    )
    written = written.replace("  预算：2万元\n", "  预算：2万元\n  执行数：20000元\n")
    expected = indicatorkit.score(indicatorkit.loads(written))
    assert (
        report["department"]["total"]
        == json.loads(json.dumps(expected.to_dict()))["department"]["total"]
    )
    assert (
        main(["monitor", "-q", "--format", "json", "--at", "2025-06-30", str(spec), str(path)]) == 0
    )
    monitored = json.loads(capsys.readouterr().out)["projects"][0]
    assert (monitored["spent"], monitored["light"]) == ("0.45", "yellow")


def test_a_bare_number_where_the_template_says_the_unit(tmp_path: Path) -> None:
    """计量单位 states the unit: 210 in a 件 row is 210件, never a bare 210."""
    from indicatorkit.formats.actuals_file import read_actuals

    text = (
        "项目,三级指标,实际完成值,计量单位\n1,受理数,210,件\n1,满意度,92%,%\n1,群众法治意识,达成,\n"
    )
    rows = read_actuals(text).rows
    assert [r.actual for r in rows] == ["210件", "92%", "达成"]


def test_export_scored_writes_the_filled_self_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "自评表.xlsx"
    assert main(["export", "-q", str(ASSESSED), "--scored", str(path)]) == 0
    expected = indicatorkit.score(indicatorkit.load(ASSESSED))
    book = openpyxl.load_workbook(path, data_only=True)
    assert "汇总" in book.sheetnames and len(book.sheetnames) == len(expected.projects) + 1
    # with an actuals file, and read back as actuals: the same department total
    csv = ROOT / "examples" / "seed_actuals.csv"
    again = tmp_path / "由实际值.xlsx"
    assert (
        main(["export", "-q", str(SEED), str(csv), "--scored", str(again)]) == 1
    )  # 待定: no 执行数
    assert main(["export", "-q", str(SEED), str(path), "--scored", str(again)]) == 0
    capsys.readouterr()
    assert main(["score", "-q", "--format", "json", str(SEED), str(again)]) == 0
    total = json.loads(capsys.readouterr().out)["department"]["total"]
    assert total == json.loads(json.dumps(expected.to_dict()))["department"]["total"]


@pytest.mark.parametrize("flag", ["--scored", "--template"])
def test_export_workbooks_are_xlsx_only(
    flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(ASSESSED), flag, str(tmp_path / "表.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert main(["export", str(ASSESSED)]) == 2  # one of -o, --scored, --template


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=specs(max_projects=3))
def test_any_spec_s_template_filled_with_grades_imports_back(spec: indicatorkit.Spec) -> None:
    """A law: the template of any spec, its qualitative rows filled with 达成, reads back and
    lands every row on its indicator (projects the rows cannot tell apart excepted)."""
    import tempfile

    from indicatorkit.formats.actuals_file import read_actuals
    from indicatorkit.formats.workbook_template import write_template
    from indicatorkit.language.targets import Qualitative
    from indicatorkit.model.actuals import merge_actuals

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "填报.xlsx"
        write_template(spec, path)
        book = openpyxl.load_workbook(path)
        sheet = book["填报"]
        row = HEADER_ROW
        for project in spec.projects:
            if project.withheld is not None:
                continue
            row += 1  # the project's own row
            for indicator in project.indicators:
                row += 1
                assert sheet.cell(row, 5).value == indicator.target_text
                if isinstance(indicator.target, Qualitative):
                    sheet.cell(row, 6).value = "达成"
        book.save(path)
        actuals = read_actuals(path)
    assert not actuals.findings
    merged, findings = merge_actuals(spec, actuals)
    if any(f.code in ("IK403", "IK404", "IK405", "IK407") for f in findings):
        return  # names the spec itself repeats: no row can tell them apart
    assert not [f for f in findings if f.severity is Severity.ERROR and f.code != "IK409"]
    for project in merged.projects:
        for indicator in project.indicators:
            if isinstance(indicator.target, Qualitative):
                assert indicator.actual == "达成"
