"""Every verb that takes a spec reads any file :func:`indicatorkit.read` accepts (issue 20,
item 3): a workbook, JSON, a CSV long table, standard input — and says what reading found."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import openpyxl
import pytest

import indicatorkit
from indicatorkit.cli import main

ROOT = Path(__file__).parents[1]
ASSESSED = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"

SMALL = """项目 1 法律援助
  预算：10000元
  执行数：9000元
  支出计划：6月底 50%，12月底 100%
  累计支出：6月底 45%

  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    分值：50
    实际值：210件

  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥90%
    分值：40
    实际值：85%
    偏差原因：宣传不足
"""


def _json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, object]:
    status = main(argv)
    return status, json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The self-assessment example as .ikspec, .xlsx, .json (written by the library)."""
    folder = tmp_path_factory.mktemp("copies")
    spec = indicatorkit.load(ASSESSED)
    paths = {"ikspec": ASSESSED}
    for suffix in ("xlsx", "json"):
        paths[suffix] = folder / f"自评.{suffix}"
        indicatorkit.write(spec, paths[suffix])
    return paths


@pytest.mark.parametrize("form", ["xlsx", "json"])
def test_score_reads_a_workbook_or_json_as_it_reads_the_spec_file(
    form: str, copies: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, expected = _json(["score", "-q", "--format", "json", str(copies["ikspec"])], capsys)
    assert _json(["score", "-q", "--format", "json", str(copies[form])], capsys) == (
        status,
        expected,
    )
    assert expected["projects"]  # type: ignore[index]


@pytest.mark.parametrize("form", ["xlsx", "json"])
def test_monitor_check_and_lint_read_a_workbook_or_json(
    form: str, copies: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _json(
        ["monitor", "--at", "2025-06-30", "--format", "json", str(copies["ikspec"])], capsys
    )
    got = _json(["monitor", "--at", "2025-06-30", "--format", "json", str(copies[form])], capsys)
    assert got == expected
    status, checked = _json(["check", "--format", "json", str(copies["ikspec"])], capsys)
    again, from_copy = _json(["check", "--format", "json", str(copies[form])], capsys)

    def rows(report: object) -> list[tuple[object, ...]]:
        return [(r["labels"], r["target"], r["actual"], r["met"]) for r in report["rows"]]  # type: ignore[index]

    assert (again, rows(from_copy)) == (status, rows(checked)) and rows(checked)
    status, findings = _json(["lint", "--format", "json", str(copies["ikspec"])], capsys)
    again, from_copy = _json(["lint", "--format", "json", str(copies[form])], capsys)
    codes = {f["code"] for f in findings}  # type: ignore[attr-defined]
    assert again == status and "IK304" in codes
    assert codes <= {f["code"] for f in from_copy}  # type: ignore[attr-defined]


def test_report_and_export_read_a_workbook(
    copies: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "报告.html"
    assert main(["report", "-q", str(copies["xlsx"]), "-o", str(page)]) in (0, 1)
    assert "法律援助" in page.read_text(encoding="utf-8")
    back = tmp_path / "回写.ikspec"
    assert main(["export", "-q", str(copies["xlsx"]), "-o", str(back)]) in (0, 1)
    assert indicatorkit.load(back) == indicatorkit.load(ASSESSED)


def test_a_workbook_on_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = tmp_path / "表.xlsx"
    indicatorkit.write(indicatorkit.loads(SMALL), workbook)
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(workbook.read_bytes()), encoding="utf-8")
    )
    status, report = _json(["score", "--format", "json", "-"], capsys)
    project = report["projects"][0]  # type: ignore[index]
    assert status == 0 and project["name"] == "法律援助"
    assert [i["actual"] for i in project["indicators"]] == ["210件", "85%"]


def test_a_cell_the_workbook_reader_cannot_read_is_shown_and_not_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "表.xlsx"
    indicatorkit.write(indicatorkit.loads(SMALL), workbook)
    assert main(["score", "-q", str(workbook)]) == 0
    capsys.readouterr()
    book = openpyxl.load_workbook(workbook)
    sheet = book["项目1"]
    (cell,) = [c for row in sheet.iter_rows() for c in row if c.value == "≥90%"]
    cell.value = "≥5人天"  # an unknown unit: the reader gives a located error
    book.save(workbook)
    assert main(["score", "-q", str(workbook)]) == 1
    err = capsys.readouterr().err
    assert f"{workbook}:项目1!{cell.coordinate}" in err and "IK702" in err


def test_a_file_that_is_no_spec_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "说明.txt"
    note.write_text("随便写点什么\n", encoding="utf-8")
    for verb in (["score"], ["monitor", "--at", "2025-06-30"], ["lint"]):
        assert main([*verb, str(note)]) == 2
        captured = capsys.readouterr()
        assert "IK601" in captured.out + captured.err and "Traceback" not in captured.err
