"""What ``check`` reads from a file is the library's decision (``formats.checked_file``), made
from one sniff of the file: a spec (its own actuals), a table of rows, a long table holding its
actuals (a spec), a workbook of actuals rows (rows, unless an actuals file comes with it); a
table that cannot be checked is a typed, located error — exit 2 from the command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import indicatorkit
from indicatorkit.cli import main
from indicatorkit.formats.checked_file import CheckedAs, read_checked
from indicatorkit.formats.format import Probe
from indicatorkit.formats.registry import FormatRegistry
from indicatorkit.model.findings import SpecError

SPEC = (
    "项目 1 法律援助\n  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥200件\n    实际值：150件\n"
)
ROWS = "项目名称\t三级指标\t指标值\t实际完成值\n法律援助\t受理数\t≥200件\t210件\n"
LONG = (
    "项目编号,项目名称,一级指标,二级指标,三级指标,运算符,指标值,计量单位,实际完成值\n"
    "1,法律援助,产出指标,数量指标,受理数,≥,200,件,210件\n"
)


@pytest.fixture
def detections(monkeypatch: pytest.MonkeyPatch) -> list[Probe]:
    """Every probe the registry is asked about (a file told again would show twice)."""
    asked: list[Probe] = []
    detect = FormatRegistry.detect

    def counted(self: FormatRegistry, probe: Probe) -> Any:
        asked.append(probe)
        return detect(self, probe)

    monkeypatch.setattr(FormatRegistry, "detect", counted)
    return asked


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    status = main(["check", str(path), "--format", "json"])
    captured = capsys.readouterr()
    return status, (json.loads(captured.out) if captured.out else {}), captured.err


def test_a_spec_file_is_checked_as_its_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], detections: list[Probe]
) -> None:
    path = tmp_path / "自评.txt"  # told by its content, not its name
    path.write_text(SPEC, encoding="utf-8")
    checked = read_checked(path.read_bytes(), source=str(path), path=path)
    assert checked.kind is CheckedAs.SPEC and checked.table is None
    assert checked.imported is not None and checked.imported.format == "ikspec"
    assert len(detections) == 1
    status, document, _ = _check(path, capsys)
    assert status == 0 and [(r["line"], r["outcome"]) for r in document["rows"]] == [(4, "missed")]


def test_a_table_of_rows_is_checked_row_by_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], detections: list[Probe]
) -> None:
    path = tmp_path / "核对.tsv"
    path.write_text(ROWS, encoding="utf-8")
    checked = read_checked(path.read_bytes(), source=str(path), path=path)
    assert checked.kind is CheckedAs.ROWS and checked.imported is None
    assert checked.table is not None
    assert [(r.target, r.actual, r.line) for r in checked.table.rows] == [("≥200件", "210件", 2)]
    assert len(detections) == 1
    status, document, _ = _check(path, capsys)
    assert status == 0 and [r["outcome"] for r in document["rows"]] == ["met"]


def test_a_long_table_holding_its_actuals_is_a_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], detections: list[Probe]
) -> None:
    path = tmp_path / "填报.csv"
    path.write_text(LONG, encoding="utf-8")
    checked = read_checked(path.read_bytes(), source=str(path), path=path)
    assert checked.kind is CheckedAs.SPEC and checked.imported is not None
    assert checked.imported.format == "csv"
    [indicator] = checked.imported.spec.projects[0].indicators  # type: ignore[union-attr]
    assert (str(indicator.target), indicator.actual) == ("≥200件", "210件")  # 运算符 and 单位 kept
    assert len(detections) == 1
    departments = LONG.replace("项目编号,", "项目编号,部门,").replace("1,法律", "1,司法局,法律")
    assert read_checked(departments.encode(), source="t.csv").kind is CheckedAs.ROWS  # no one spec
    status, document, _ = _check(path, capsys)
    assert status == 0 and [(r["target"], r["outcome"]) for r in document["rows"]] == [
        ("≥200件", "met")
    ]


def test_the_command_tells_the_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], detections: list[Probe]
) -> None:
    for name, text in (("a.ikspec", SPEC), ("b.tsv", ROWS), ("c.csv", LONG)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        detections.clear()
        assert _check(path, capsys)[0] == 0
        assert len(detections) == 1, name


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\xff\xfe\x00\x81\x00", "IK401"),  # neither UTF-8 nor GBK: unreadable
        (b"", "IK402"),  # no header
        ("项目名称\t三级指标\t指标值\t实际完成值\n".encode(), "IK503"),  # a header and no row
        ("项目名称\t三级指标\t实际完成值\n甲\t受理数\t1件\n".encode(), "IK504"),  # no 指标值
    ],
)
def test_a_table_that_cannot_be_checked_is_a_typed_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, code: str
) -> None:
    path = tmp_path / "表.tsv"
    path.write_bytes(data)
    with pytest.raises(SpecError) as raised:
        read_checked(data, source=str(path), path=path)
    [finding] = raised.value.findings
    assert (finding.code, finding.file, finding.line, finding.column) == (code, str(path), 1, 1)
    status, document, err = _check(path, capsys)
    assert status == 2 and document == {}
    assert f"{path}:1:1: {code} error" in err


def _actuals_workbook(path: Path) -> Path:
    """A filled 填报表 (actuals rows, 执行数 and 不适用: IK724 when read as a spec)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "填报"
    sheet.append(["项目", "三级指标", "指标值", "实际完成值", "执行数（元）", "不适用"])
    sheet.append(["法律援助", "受理数", "≥200件", "210件", None, None])
    book.save(path)
    return path


def test_a_workbook_of_actuals_rows_is_rows_unless_an_actuals_file_comes_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _actuals_workbook(tmp_path / "填报.xlsx")
    checked = read_checked(path.read_bytes(), source=str(path), path=path)
    assert checked.kind is CheckedAs.ROWS and checked.table is not None
    assert [(r.target, r.actual, r.sheet, r.line) for r in checked.table.rows] == [
        ("≥200件", "210件", "填报", 2)
    ]
    given = read_checked(path.read_bytes(), source=str(path), path=path, with_actuals=True)
    assert given.kind is CheckedAs.SPEC and given.imported is not None
    assert given.imported.spec is None and "IK724" in {f.code for f in given.imported.findings}
    status, document, _ = _check(path, capsys)
    assert status == 0 and [r["outcome"] for r in document["rows"]] == ["met"]
    actuals = tmp_path / "实际值.csv"
    actuals.write_text("项目,三级指标,实际值\n法律援助,受理数,210件\n", encoding="utf-8")
    assert main(["check", str(path), str(actuals)]) == 2
    assert "an actuals table, not a spec" in capsys.readouterr().err


def test_an_actuals_file_with_a_table_of_rows_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = tmp_path / "核对.tsv"
    rows.write_text(ROWS, encoding="utf-8")
    actuals = tmp_path / "实际值.csv"
    actuals.write_text("项目,三级指标,实际值\n法律援助,受理数,210件\n", encoding="utf-8")
    assert main(["check", str(rows), str(actuals)]) == 2
    assert "goes with a spec file" in capsys.readouterr().err


@pytest.fixture
def workbook_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every time a workbook's sheets are loaded from its file (whoever asks)."""
    from indicatorkit.formats import workbook_grid

    loaded: list[Path] = []
    load = workbook_grid._xlsx_grids

    def counted(path: Path, *arguments: Any) -> Any:
        loaded.append(path)
        return load(path, *arguments)

    monkeypatch.setattr(workbook_grid, "_xlsx_grids", counted)
    return loaded


def test_a_workbook_is_loaded_once_and_told_from_that_load(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    detections: list[Probe],
    workbook_loads: list[Path],
) -> None:
    rows = _actuals_workbook(tmp_path / "填报.xlsx")
    checked = read_checked(rows.read_bytes(), source=str(rows), path=rows)
    assert checked.kind is CheckedAs.ROWS and checked.table is not None
    assert [(r.target, r.actual, r.sheet, r.line) for r in checked.table.rows] == [
        ("≥200件", "210件", "填报", 2)
    ]
    assert (len(detections), len(workbook_loads)) == (1, 1)
    spec = tmp_path / "申报表.xlsx"
    indicatorkit.write(indicatorkit.loads(SPEC), spec)
    for path, kind in ((spec, CheckedAs.SPEC), (rows, CheckedAs.ROWS)):
        detections.clear()
        workbook_loads.clear()
        assert read_checked(path.read_bytes(), source=path.name, path=path).kind is kind
        assert _check(path, capsys)[0] == 0
        assert (len(detections), len(workbook_loads)) == (2, 2), path  # once each
    # standard input: spooled once, still one load
    workbook_loads.clear()
    checked = read_checked(rows.read_bytes(), source="<stdin>")
    assert checked.kind is CheckedAs.ROWS and len(workbook_loads) == 1
    assert checked.table is not None and checked.table.file == "<stdin>"
