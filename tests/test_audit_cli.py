"""``indicatorkit audit FILE|FOLDER…`` on published tables built in the central layout (.xlsx
and .docx), a spec file and a folder: located findings, text / JSON / CSV, exit 0 / 1 / 2."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from indicatorkit import read
from indicatorkit.cli import main
from indicatorkit.scoring.audit import Verdict, audit
from tests.central_layouts import Table, self_assessment, to_docx, to_xlsx


def _changed(table: Table, row_text: str, column: int, value: object) -> Table:
    """``table`` with the cell in ``column`` of the row holding ``row_text`` set to ``value``."""
    rows = [list(r) for r in table.rows]
    index = next(i for i, r in enumerate(rows) if row_text in r)
    rows[index][column - 1] = value
    return attrs.evolve(table, rows=tuple(tuple(r) for r in rows))


def _row_number(table: Table, row_text: str) -> int:
    return next(i for i, r in enumerate(table.rows, 1) if row_text in r)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_table_that_follows_the_rules_audits_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = to_xlsx(self_assessment(), tmp_path / "自评.xlsx")
    project = read(path).spec.projects[0]  # type: ignore[union-attr]
    assert project.printed is not None
    assert (project.printed.total, project.printed.grade) == (99.5, "优")
    assert (project.printed.budget_score, project.printed.budget_rate) == (9.5, Fraction(95, 100))
    status, out, _ = _run(capsys, "audit", str(path))
    assert status == 0, out
    assert "national（6/6 行 rows）" in out
    assert "相符 agrees 6" in out


def test_contradictions_and_table_checks_are_located_in_the_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = self_assessment()
    table = _changed(table, "受理数", 5, "150件")  # ≥180件 missed, yet 20 of 20 printed
    table = _changed(table, "自评等级", 2, "良")  # 99.5 is 优
    table = _changed(table, "年度资金总额", 7, 0.9)  # 11.4 of 12 is 95%
    path = to_xlsx(table, tmp_path / "自评.xlsx")
    status, out, _ = _run(capsys, "audit", str(path))
    assert status == 1
    row = _row_number(table, "受理数")
    assert (
        f"自评.xlsx:自评表!G{row}: IK801 error: 受理数：印出得分 20（分值 20）与所有规则都不符"
        in out
    )
    assert "最接近的是 whole-points 的 17，相差 3；national 给 16.67" in out
    assert f"自评表!G{row}: IK804 warning" in out  # full marks for a missed target
    assert f"自评表!C{row}: IK815 warning" in out  # no 偏差原因 (an empty cell: the row)
    assert f"自评表!B{_row_number(table, '自评等级')}: IK811 warning" in out
    assert f"自评表!G{_row_number(table, '年度资金总额')}: IK812 warning" in out
    assert "印出的执行率 90% 不是执行数 ÷ 预算数 = 95%" in out


def test_json_and_csv_carry_every_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _changed(self_assessment(), "群众知晓率", 7, 25)
    path = to_xlsx(table, tmp_path / "自评.xlsx")
    status, out, _ = _run(capsys, "audit", str(path), "--format", "json")
    assert status == 1
    data = json.loads(out)
    rows = data[0]["tables"][0]["rows"]
    flagged = [r for r in rows if r["verdict"] == "contradicts"]
    assert len(flagged) == 1 and flagged[0]["row"] == "群众知晓率"
    assert flagged[0]["place"] == f"{path}:自评表!G{_row_number(table, '群众知晓率')}"
    assert flagged[0]["gap"] == "-5" and flagged[0]["nearest"] == "national"
    assert data[0]["tables"][0]["best_rules"] == "national"
    from importlib import resources

    import jsonschema

    schema = json.loads(
        resources.files("indicatorkit").joinpath("schemas/audit.schema.json").read_text("utf-8")
    )
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    status, out, _ = _run(capsys, "audit", str(path), "--format", "csv")
    assert status == 1
    cells = list(csv.reader(io.StringIO(out)))
    assert cells[0][:4] == ["文件 file", "工作表或页 sheet", "行 row", "列 column"]
    bad = [c for c in cells[1:] if c[8] == "contradicts"]
    assert bad[0][1:4] == ["自评表", str(_row_number(table, "群众知晓率")), "7"]


def test_csv_cells_are_never_live_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "表.ikspec"
    spec.write_text(
        "项目 1 =HYPERLINK(1)\n  指标 产出指标 / 数量指标 / =SUM(1)\n    指标值：≥10件\n"
        "    分值：90\n    实际值：5件\n    自评得分：80\n    偏差原因：-\n",
        encoding="utf-8",
    )
    status, out, _ = _run(capsys, "audit", str(spec), "--format", "csv")
    assert status == 1
    for row in csv.reader(io.StringIO(out)):
        for cell in row:
            assert not cell.startswith(("=", "+", "@")), cell
    assert "'=SUM(1)" in out


def test_a_word_table_and_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "公开"
    folder.mkdir()
    to_docx(self_assessment(), folder / "甲.docx")
    to_xlsx(_changed(self_assessment(), "满意度", 7, 9.5), folder / "乙.xlsx")
    status, out, _ = _run(capsys, "audit", str(folder))
    assert status == 1
    assert "甲.docx" in out and "乙.xlsx" in out
    assert out.count("IK801") == 1  # 9.5 of 10 for 92% of ≥90%
    result = audit(read(folder / "甲.docx").spec)  # type: ignore[arg-type]
    assert [r.verdict for r in result.tables[0].rows] == [Verdict.AGREES] * 6


def test_input_and_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "audit", str(tmp_path / "没有.xlsx"))
    assert status == 2 and "没有.xlsx" in err
    path = to_xlsx(self_assessment(), tmp_path / "自评.xlsx")
    status, _, err = _run(capsys, "audit", str(path), "--rules", "no-such")
    assert status == 2 and "未知的评分规则" in err


def test_the_rule_set_under_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _changed(self_assessment(), "群众知晓率", 5, "86%")  # 30 × 86/90 = 28.67
    table = _changed(table, "群众知晓率", 7, 29)  # printed in whole points
    table = _changed(table, "群众知晓率", 8, "宣传不足")
    table = _changed(table, "总分", 7, 98.5)
    path = to_xlsx(table, tmp_path / "自评.xlsx")
    status, out, _ = _run(capsys, "audit", str(path))
    assert status == 0  # agrees under whole-points only: said, not an error
    assert "IK802 info: 群众知晓率：印出得分 29（national 给 28.67）只符合 whole-points" in out
    status, out, _ = _run(capsys, "audit", str(path), "--rules", "whole-points", "-q")
    assert status == 0 and out == ""


def test_the_librarys_own_scored_workbook_audits_clean_and_a_changed_score_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    example = Path(__file__).parents[1] / "examples" / "yutian_justice_2025_selfassessment.ikspec"
    scored = tmp_path / "自评.xlsx"
    assert main(["export", str(example), "--scored", str(scored), "-q"]) == 0
    status, out, _ = _run(capsys, "audit", str(scored))
    assert status == 0 and "与所有规则不符 contradicts every rule set 0" in out
    book = openpyxl.load_workbook(scored)
    sheet = book["项目1"]
    cell = next(
        row[6] for row in sheet.iter_rows(min_row=2) if isinstance(row[6].value, int | float)
    )
    cell.value = cell.value - 3  # type: ignore[operator]  # the 总分 formulas lose their values
    book.save(scored)
    status, out, _ = _run(capsys, "audit", str(scored))
    assert status == 1
    assert f"自评.xlsx:{sheet.title}!G{cell.row}: IK801 error" in out


def test_the_html_report_has_an_audit_section(tmp_path: Path) -> None:
    from indicatorkit.formats.html_report import render_report
    from indicatorkit.scoring.assessment import assess
    from tests.html_report_expectations import page_numbers

    table = _changed(self_assessment(), "群众知晓率", 7, 25)
    path = to_xlsx(table, tmp_path / "自评.xlsx")
    spec = read(path).spec
    assert spec is not None
    html = render_report(assess(spec, file=str(path)))
    numbers, text = page_numbers(html)
    assert 'id="audit"' in html and "审核印出的得分" in text
    assert numbers["audit.p1.best"] == "national（5/6 行 rows）"
    assert numbers["audit.p1.3"] == "1"  # contradicts every rule set
    assert (
        f"自评表!G{_row_number(table, '群众知晓率')}" in text
        and "national 30.00（差 gap -5）" in text
    )
    clean = render_report(assess(spec, file=str(path)), with_findings=False)
    assert 'id="audit"' not in clean
    unprinted = read(to_xlsx(self_assessment(), tmp_path / "净.xlsx")).spec
    assert unprinted is not None and assess(unprinted).audit is not None  # printed, and agrees
