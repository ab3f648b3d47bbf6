"""No live formula in any CSV or workbook the library writes (the OWASP rule): every writer
goes through formats/inert_cells.py, and the library reads its own CSV back exactly."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicatorkit import loads, read, score, write
from indicatorkit.cli import main
from indicatorkit.formats.inert_cells import TRIGGERS, inert, is_live, revive
from indicatorkit.formats.workbook import write_self_assessment

HOSTILE = (
    '项目 1 =HYPERLINK("http://x","点")\n'
    "  指标 产出指标 / 数量指标 / @SUM(A1)\n    指标值：≥180件\n    实际值：200件\n    分值：10\n"
    "  指标 产出指标 / 数量指标 / -cmd|' /C calc'!A0\n    指标值：-5%\n    实际值：+1+1\n"
    "    分值：10\n"
)


def _no_live_cell(rows: list[list[str]]) -> None:
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if is_live(cell)], "a live formula was written"
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)  # the text is kept, inert


def _csv_rows(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.removeprefix("\ufeff"))))


@given(st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "1", "a", "%", "."])))
def test_revive_gives_back_every_text(text: str) -> None:
    assert revive(inert(text)) == text
    assert not is_live(inert(text))


@pytest.mark.parametrize("number", ["-5", "+3.5", "-5%", "-1,000.25", "1e5", "-.5"])
def test_numbers_stay_numbers(number: str) -> None:
    assert inert(number) == number and not is_live(number)


@pytest.mark.parametrize("start", TRIGGERS)
def test_every_trigger_is_made_inert(start: str) -> None:
    assert inert(start + "cmd") == "'" + start + "cmd"


def test_export_to_csv_has_no_live_formula_and_reads_back(tmp_path: Path) -> None:
    spec_file = tmp_path / "表.ikspec"
    spec_file.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "x.csv"
    assert main(["export", str(spec_file), "-o", str(out)]) == 0
    _no_live_cell(_csv_rows(out.read_text(encoding="utf-8-sig")))
    assert read(out).spec == loads(HOSTILE)


@pytest.mark.parametrize(
    "verb",
    [
        ["score", "{spec}", "--format", "csv"],
        ["check", "{spec}", "--format", "csv"],
        ["parse", '=HYPERLINK("http://x")', "@SUM(A1)", "≥95%", "--format", "csv"],
    ],
)
def test_csv_reports_have_no_live_formula(
    verb: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = tmp_path / "表.ikspec"
    spec_file.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "报告.csv"
    main([part.format(spec=spec_file) for part in verb] + ["-o", str(out)])
    rows = _csv_rows(out.read_text(encoding="utf-8-sig"))
    assert len(rows) > 1
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if is_live(cell)]
    assert any(cell.startswith(("'=", "'@", "'+", "'-")) for cell in cells)


def test_lint_csv_has_no_live_formula(tmp_path: Path) -> None:
    spec_file = tmp_path / "=cmd.ikspec"
    spec_file.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "lint.csv"
    main(["lint", "--format", "csv", str(spec_file), "-o", str(out)])
    rows = _csv_rows(out.read_text(encoding="utf-8-sig"))
    assert not [cell for row in rows for cell in row if is_live(cell)]


def _workbook_texts(path: Path) -> list[tuple[str, str]]:
    book = openpyxl.load_workbook(path)
    return [
        (cell.data_type, str(cell.value))
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def test_workbooks_hold_hostile_texts_as_text_cells(tmp_path: Path) -> None:
    spec = loads(HOSTILE)
    write(spec, tmp_path / "申报表.xlsx")
    write_self_assessment(score(spec), tmp_path / "自评表.xlsx")
    for name in ("申报表.xlsx", "自评表.xlsx"):
        cells = _workbook_texts(tmp_path / name)
        hostile = [
            (kind, value) for kind, value in cells if value.startswith(("=HYP", "@SUM", "-cmd"))
        ]
        assert hostile and all(kind == "s" for kind, _ in hostile), name
        # the formulas the library means are formulas (=SUM, =IF) and nothing else
        formulas = [value for kind, value in cells if kind == "f"]
        assert all("HYPERLINK" not in f and "cmd" not in f for f in formulas)
    assert read(tmp_path / "申报表.xlsx").spec == spec
