"""What the verbs print about reading a spec: each finding once (warnings and errors listed,
infos counted — ``lint`` lists them), errors only with ``--quiet``; and a filled-in template
(``export --template``) given where a spec is expected is refused with IK724, not read as a
long table without weights."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from indicatorkit import read
from indicatorkit.cli import main
from tests import central_layouts as layouts

_SERIAL = "IK703"  # the Excel date serial in 实际完成值: an error reading the workbook
_INFOS = ("IK707", "IK712", "IK715", "IK716")  # what reading a central 自评表 notes


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return layouts.to_xlsx(layouts.self_assessment(serial_actual=True), tmp_path / "自评.xlsx")


@pytest.mark.parametrize("verb", ["score", "check", "monitor", "report", "export"])
def test_each_reading_finding_is_printed_once(
    verb: str, workbook: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = {
        "monitor": ["--at", "2024-12-31"],
        "report": ["-o", str(tmp_path / "报告.html")],
        "export": ["-o", str(tmp_path / "规格.ikspec")],
    }.get(verb, [])
    assert main([verb, str(workbook), *extra]) == 1
    printed = capsys.readouterr()
    both = printed.out + printed.err
    assert both.count(_SERIAL) == 1, both
    assert not any(code in both for code in _INFOS)  # counted, not listed
    assert "5 reading infos not listed" in printed.err
    assert main([verb, str(workbook), *extra, "-q"]) == 1
    quiet = capsys.readouterr()
    assert (quiet.out + quiet.err).count(_SERIAL) == 1  # the problem, once
    assert "infos" not in quiet.err and "IK7" not in quiet.err.replace(_SERIAL, "")


def test_lint_still_lists_every_reading_finding(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", str(workbook), "--format", "json"]) == 1
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)]
    assert codes.count(_SERIAL) == 1 and all(code in codes for code in _INFOS)


def test_check_puts_reading_problems_in_its_json(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(workbook), "--format", "json"]) == 1
    captured = capsys.readouterr()
    codes = [f["code"] for f in json.loads(captured.out)["findings"]]
    assert codes == [_SERIAL] and _SERIAL not in captured.err


def _filled_template(tmp_path: Path) -> Path:
    spec = layouts.to_xlsx(layouts.self_assessment(), tmp_path / "自评.xlsx")
    template = tmp_path / "填报.xlsx"
    assert main(["export", "-q", str(spec), "--template", str(template)]) == 0
    book = openpyxl.load_workbook(template)
    sheet = book["填报"]
    header = [cell.value for cell in sheet[3]]
    actual = header.index("实际完成值") + 1
    for row in range(4, sheet.max_row + 1):
        if sheet.cell(row, header.index("三级指标") + 1).value == "受理数":
            sheet.cell(row, actual, "200件")
    book.save(template)
    return template


def test_a_filled_template_alone_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _filled_template(tmp_path)
    imported = read(template)
    assert imported.spec is None
    (refused,) = [f for f in imported.findings if f.code == "IK724"]
    assert (refused.sheet, refused.line) == ("填报", 3)
    assert main(["score", str(template)]) == 2
    err = capsys.readouterr().err
    assert f"{template}:填报!A3: IK724 error" in err and "indicatorkit score 目标表" in err
    # check reads it as what it is: rows of targets and actuals (the project's row skipped)
    assert main(["check", str(template), "--format", "json"]) == 1  # rows not filled in: IK513
    document = json.loads(capsys.readouterr().out)
    assert [(r["labels"][-1], r["outcome"]) for r in document["rows"]] == [("受理数", "met")]
    assert {f["code"] for f in document["findings"]} == {"IK513"}
    # given with its spec, it is what it is: the actuals
    spec = tmp_path / "自评.xlsx"
    assert main(["score", str(spec), str(template), "--format", "json"]) in (0, 1)
    first = json.loads(capsys.readouterr().out)["projects"][0]["indicators"][0]
    assert first["actual"] == "200件"


def test_a_spec_workbook_with_weights_is_still_a_spec(tmp_path: Path) -> None:
    """A long table that names 项目 and 不适用 but prints 分值 is a spec, read as before."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目", "一级指标", "二级指标", "三级指标", "指标值", "分值", "不适用"])
    sheet.append(["法律援助", "产出指标", "数量指标", "受理数", "≥180件", 50, None])
    path = tmp_path / "长表.xlsx"
    book.save(path)
    imported = read(path)
    assert "IK724" not in [f.code for f in imported.findings]
    assert imported.spec is not None and imported.spec.projects[0].indicators[0].weight == 50


def test_a_spec_whose_indicator_is_named_like_an_actuals_column_is_not_refused(
    tmp_path: Path,
) -> None:
    """Only the header tells an actuals table: an indicator named 项目 that is 不适用 is data
    under a spec's header (found by the workbook round-trip property)."""
    from indicatorkit import Indicator, Spec, parse_target, write
    from indicatorkit.model.records import Department, Programme

    listed = (
        Indicator("", "", "项目", parse_target("≥1个"), target_text="≥1个", not_applicable=""),
        Indicator("", "", "数", parse_target("≥1件"), target_text="≥1件"),
    )
    spec = Spec(department=Department("", "", programmes=(Programme("1", indicators=listed),)))
    path = tmp_path / "目标表.xlsx"
    write(spec, path)
    imported = read(path)
    assert not [f for f in imported.findings if f.code == "IK724"]
    assert imported.spec is not None
    assert imported.spec == spec


def test_a_refusal_is_not_followed_by_nothing_to_import(tmp_path: Path) -> None:
    """IK724 says why nothing was read; no IK701 (workbook) or IK622 (document) repeats it."""
    from indicatorkit.formats.document import read_document
    from indicatorkit.formats.document_blocks import text_parts

    imported = read(_filled_template(tmp_path))
    assert imported.spec is None
    assert [f.code for f in imported.findings if f.severity.value == "error"] == ["IK724"]
    rows = [
        ["项目", "三级指标", "指标值", "实际完成值", "执行数", "不适用"],
        ["法律援助", "受理数", "≥180件", "200件"],
    ]
    text = "\n\n".join("\n".join(f"\t{cell}" for cell in row) for row in rows) + "\n"
    document = read_document(text_parts(text, source="填报.txt"), source="填报.txt")
    assert document.spec is None
    assert [(f.code, f.place) for f in document.findings] == [("IK724", "填报.txt:1:2")]
    assert document.findings[0].message.startswith("表格“文本表1”是实际值表")  # not a worksheet
