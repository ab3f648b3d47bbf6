"""Findings about a spec read from a workbook, a Word or a PDF table point at the cell:
``file:sheet!C12`` (sheet, row, column in ``--format json``), never ``file:0:0`` — for lint's
own findings as for the reader's, through every verb that prints them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from indicatorkit import read
from indicatorkit.cli import main
from indicatorkit.model import Location
from indicatorkit.model.lint import lint
from tests import central_layouts as layouts
from tests import workbook_layouts


def _row_of(table: layouts.Table, name: str) -> int:
    """The 1-based row of the indicator ``name`` in a built table."""
    return next(i for i, row in enumerate(table.rows, 1) if row[2] == name)


def _with(table: layouts.Table, name: str, column: int, value: Any) -> layouts.Table:
    rows = [list(row) for row in table.rows]
    rows[_row_of(table, name) - 1][column - 1] = value
    return attrs.evolve(table, rows=tuple(tuple(row) for row in rows))


def _lint_json(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["lint", str(path), "--format", "json"])
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return found


def test_lint_points_at_the_cells_of_a_central_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _with(layouts.self_assessment(), "满意度", 7, 12)  # 得分 12 > 分值 10: IK208
    path = layouts.to_xlsx(table, tmp_path / "自评.xlsx", sheet="表1")
    findings = _lint_json(path, capsys)
    assert findings
    for finding in findings:  # every finding in the sheet, at a real cell
        assert finding["sheet"] == "表1" and finding["line"] > 0 and finding["column"] > 0, finding
    basis = [(f["line"], f["column"]) for f in findings if f["code"] == "IK108"]
    assert (_row_of(table, "受理数"), 3) in basis  # the indicator's name cell, column C
    (exceeds,) = [f for f in findings if f["code"] == "IK208"]
    assert (exceeds["line"], exceeds["column"]) == (_row_of(table, "满意度"), 7)  # its 得分 cell
    main(["lint", str(path)])
    text = capsys.readouterr().out
    assert f"自评.xlsx:表1!G{_row_of(table, '满意度')}: IK208" in text
    assert ":0:0:" not in text


def test_the_model_keeps_the_places(tmp_path: Path) -> None:
    table = layouts.self_assessment()
    spec = read(layouts.to_xlsx(table, tmp_path / "自评.xlsx")).spec
    assert spec is not None
    project = spec.projects[0]
    assert project.where is not None and str(project.where.at) == "自评表!A3"  # 项目名称
    indicator = project.indicators[0]
    row = _row_of(table, "受理数")
    assert indicator.where is not None
    assert indicator.where.of("target") == Location(row, 4, "自评表")
    assert str(indicator.where.of("actual")) == f"自评表!E{row}"
    # findings built from records made in code keep their old form
    assert all(f.sheet is None for f in lint(attrs.evolve(spec, projects=[])))


def test_check_and_score_name_the_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = layouts.self_assessment()
    path = layouts.to_xlsx(table, tmp_path / "自评.xlsx")
    assert main(["check", str(path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    schema = (
        resources.files("indicatorkit").joinpath("schemas/check.schema.json").read_text("utf-8")
    )
    jsonschema.validate(document, json.loads(schema))  # the sheet is part of the output's schema
    rows = document["rows"]
    assert {row["sheet"] for row in rows} == {"自评表"}
    assert rows[0]["line"] == _row_of(table, "受理数")
    assert main(["check", str(path)]) == 0
    assert f"自评表!E{_row_of(table, '受理数')}\t" in capsys.readouterr().out
    odd = layouts.to_xlsx(_with(table, "受理数", 5, "5万元"), tmp_path / "错.xlsx")
    assert main(["check", str(odd)]) == 1  # an actual that cannot be compared: at its cell
    assert f"错.xlsx:自评表!E{_row_of(table, '受理数')}: IK522" in capsys.readouterr().err


def test_a_word_table_and_another_layout_are_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = layouts.to_docx(layouts.self_assessment(), tmp_path / "自评.docx")
    findings = _lint_json(document, capsys)
    assert all(f["line"] > 0 for f in findings)  # a paragraph outside the tables: its line
    basis = [f for f in findings if f["code"] == "IK108"]
    assert basis and all(f["sheet"] == "表1" and f["column"] == 3 for f in basis)
    other = workbook_layouts.declaration_blocks(tmp_path)  # read by the workbook reader
    findings = _lint_json(other, capsys)
    assert findings and all(f["sheet"] == "项目支出" and f["line"] > 0 for f in findings)


def test_a_csv_long_table_is_located_at_its_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The long table is read through a written spec: its findings point at the CSV's cells."""
    workbook = layouts.to_xlsx(layouts.self_assessment(), tmp_path / "自评.xlsx")
    long = tmp_path / "长表.csv"
    assert main(["export", "-q", str(workbook), "-o", str(long)]) == 0
    header = long.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    basis = [(f["line"], f["column"]) for f in _lint_json(long, capsys) if f["code"] == "IK108"]
    assert basis == [(row, header.index("三级指标") + 1) for row in range(2, 7)]
