"""Hostile files, each built here (small and fast), each refused quickly with the library's
own typed, located error — never unbounded time or memory (formats/limits.py,
formats/packed.py; the numbers are docs/architecture.md's "Input limits")."""

from __future__ import annotations

import csv
import io
import json
import logging
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest

from indicatorkit import read
from indicatorkit.cli import main
from indicatorkit.formats import pdf as pdf_format
from indicatorkit.formats.files import read_file
from indicatorkit.formats.limits import (
    DEFAULT_LIMITS,
    InputLimitError,
    Limits,
    UnreadableInputError,
    read_input,
    using,
)
from indicatorkit.formats.packed import check_pdf
from indicatorkit.formats.word import read_docx
from indicatorkit.formats.workbook_grid import load_grids

from .pdf_maker import make_pdf

WORKBOOKS = Path(__file__).parent / "workbooks"
#: Generous bounds: a refusal is immediate; a runaway read would take minutes.
SECONDS = 5.0


@contextmanager
def quickly() -> Iterator[None]:
    start = time.perf_counter()
    yield
    assert time.perf_counter() - start < SECONDS


def _codes(path: Path, **limits: int) -> list[str]:
    with quickly():
        imported = read(path, limits=Limits(**limits)) if limits else read(path)
    return [f.code for f in imported.findings]


def _workbook(tmp_path: Path, rows: int = 3, name: str = "表.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "一级指标", "指标值"])
    for row in range(rows):
        sheet.append([f"项目{row}", "产出指标", f"≥{row}件"])
    path = tmp_path / name
    book.save(path)
    return path


def _rezip(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, change.get(item.filename, old.read(item.filename)))
    return target


# --- the input itself ---------------------------------------------------------------------


def test_dev_zero_is_refused_not_read(capsys: pytest.CaptureFixture[str]) -> None:
    with quickly():
        with pytest.raises(UnreadableInputError, match="not a regular file"):
            read_input("/dev/zero")
        assert _codes(Path("/dev/zero")) == ["IK600"]
        assert main(["score", "/dev/zero"]) == 2
        assert main(["import", "/dev/zero"]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_a_file_over_its_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "大.csv"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(InputLimitError) as caught:
        read_input(path, limits=Limits(file_bytes=4096))
    assert (caught.value.limit, caught.value.found, caught.value.maximum) == (
        "file_bytes",
        5000,
        4096,
    )
    assert _codes(path, file_bytes=4096) == ["IK602"]


def test_standard_input_has_a_cap() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "indicatorkit.cli", "--limit", "stdin_bytes=1K", "lint", "-"],
        input=b"# " + b"x" * 4000 + b"\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert "stdin_bytes" in completed.stderr.decode("utf-8")


def test_an_unknown_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--limit", "pages=3", "lint", "x.ikspec"]) == 2
    assert "未知的上限 pages" in capsys.readouterr().err


# --- workbooks --------------------------------------------------------------------------------


def test_a_sparse_sheet_declaring_the_whole_grid_reads_only_its_cells(tmp_path: Path) -> None:
    """Cells A1 and XFD1048576 in a 5 KB file: two cells, not 17 billion."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "项目名称"
    sheet["XFD1048576"] = "尾"
    path = tmp_path / "稀疏.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    with quickly():
        (grid,) = load_grids(path)
        imported = read(path)
    assert len(grid.cells) == 2
    assert imported.findings  # what it could not read, said


def test_a_dimension_past_excels_grid_is_refused(tmp_path: Path) -> None:
    small = _workbook(tmp_path)
    with zipfile.ZipFile(small) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    swollen = sheet.replace(b'<dimension ref="A1:C4"/>', b'<dimension ref="A1:C99999999"/>')
    assert swollen != sheet
    path = _rezip(small, tmp_path / "维度.xlsx", {"xl/worksheets/sheet1.xml": swollen})
    with quickly(), pytest.raises(InputLimitError, match="sheet_rows"):
        load_grids(path)
    assert _codes(path) == ["IK700"]


def test_too_many_cells_and_shared_strings_are_refused_before_openpyxl(tmp_path: Path) -> None:
    import xlsxwriter  # writes a shared-string table (openpyxl writes strings inline)

    path = tmp_path / "表.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["项目名称", "一级指标", "指标值"])
    for row in range(1, 31):
        sheet.write_row(row, 0, [f"项目{row}", "产出指标", f"≥{row}件"])
    book.close()
    for limit, value in (("cells", 50), ("shared_strings", 10)):
        imported = read(path, limits=Limits(**{limit: value}))
        assert [f.code for f in imported.findings] == ["IK700"], limit
        assert f"超过上限 {limit}" in imported.findings[0].message
        assert f"--limit {limit}=N" in imported.findings[0].message
    assert "IK700" not in [f.code for f in read(path, limits=Limits(cells=500)).findings]


def test_a_zip_bomb_workbook_is_refused_by_what_it_declares(tmp_path: Path) -> None:
    small = _workbook(tmp_path)
    padding = b"<!--" + b" " * 3_000_000 + b"-->"
    with zipfile.ZipFile(small) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    bomb = _rezip(small, tmp_path / "炸弹.xlsx", {"xl/worksheets/sheet1.xml": sheet + padding})
    assert bomb.stat().st_size < 100_000
    assert _codes(bomb, unpacked_ratio=100) == ["IK700"]
    assert _codes(bomb, unpacked_bytes=1_000_000) == ["IK700"]


def _declare(data: bytes, member: bytes, size: int) -> bytes:
    """The zip ``data`` with ``member``'s uncompressed size declared as ``size``, in its local
    header and in the central directory (what a bomb built by hand declares)."""
    out = bytearray(data)
    at = 0
    while (at := out.find(b"PK\x03\x04", at)) >= 0:
        name_length = struct.unpack_from("<H", out, at + 26)[0]
        if out[at + 30 : at + 30 + name_length] == member:
            struct.pack_into("<I", out, at + 22, size)
        at += 4
    at = 0
    while (at := out.find(b"PK\x01\x02", at)) >= 0:
        name_length = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46 : at + 46 + name_length] == member:
            struct.pack_into("<I", out, at + 24, size)
        at += 4
    return bytes(out)


def test_a_docx_declaring_gigabytes_is_refused_at_the_default_limits(tmp_path: Path) -> None:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    bomb = _declare(buffer.getvalue(), b"word/document.xml", 4_000_000_000)
    with quickly(), pytest.raises(InputLimitError) as caught:
        read_docx(bomb, source="炸弹.docx")
    assert caught.value.limit == "unpacked_bytes" and caught.value.where == "word/document.xml"
    path = tmp_path / "炸弹.docx"
    path.write_bytes(bomb)
    assert _codes(path) == ["IK602"]


def test_a_cell_longer_than_excel_holds_is_refused_with_its_place(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "表一"
    sheet["B3"] = "甲" * (DEFAULT_LIMITS.cell_text + 1)
    path = tmp_path / "长.xlsx"
    book.save(path)
    with quickly(), pytest.raises(InputLimitError) as caught:
        load_grids(path)
    assert (caught.value.limit, caught.value.where) == ("cell_text", "表一!B3")
    assert caught.value.file == path.name  # the name the user knows it by
    [finding] = read(path).findings  # IK700 at the cell, not at a made-up 1:1
    assert (finding.code, finding.place) == ("IK700", f"{path}:表一!B3")
    assert (finding.sheet, finding.line, finding.column) == ("表一", 3, 2)


def test_an_xls_is_read_as_ragged_rows_within_the_cell_limit() -> None:
    path = WORKBOOKS / "A_申报表.xls"
    assert read(path).spec is not None
    with quickly(), using(Limits(cells=10)), pytest.raises(InputLimitError, match="cells"):
        load_grids(path)
    [finding] = read(path, limits=Limits(cells=10)).findings  # the sheet it was passed in
    assert (finding.code, finding.place) == ("IK700", f"{path}:{finding.sheet}")
    assert finding.whole and finding.sheet and finding.to_dict()["line"] is None


def test_a_workbook_refused_as_a_whole_says_the_file_not_a_made_up_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from indicatorkit.formats.workbook_read import read_workbook

    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK not a zip")
    [finding] = read_workbook(path, source="坏.xlsx").findings
    assert (finding.code, finding.place, finding.whole) == ("IK700", "坏.xlsx", True)
    assert finding.render().startswith("坏.xlsx: IK700 error: ")
    xls = str(WORKBOOKS / "A_申报表.xls")
    assert main(["--limit", "cells=10", "lint", xls]) == 2
    assert capsys.readouterr().out.startswith(f"{xls}:项目支出: IK700 error: ")
    assert main(["--limit", "cells=10", "lint", xls, "--format", "json"]) == 2
    [said] = json.loads(capsys.readouterr().out)
    assert (said["sheet"], said["line"], said["column"]) == ("项目支出", None, None)
    assert main(["--limit", "cells=10", "lint", xls, "--format", "csv"]) == 2
    header, row = csv.reader(io.StringIO(capsys.readouterr().out))
    assert header[:4] == ["文件 file", "工作表 sheet", "行 line", "列 column"]
    assert row[:5] == [xls, "项目支出", "", "", "IK700"]


# --- damaged and disguised files --------------------------------------------------------------


def test_a_truncated_workbook_or_document_is_said_to_be_damaged(tmp_path: Path) -> None:
    import docx

    whole = _workbook(tmp_path).read_bytes()
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    for name, data in (("半.xlsx", whole), ("半.docx", buffer.getvalue())):
        path = tmp_path / name
        path.write_bytes(data[: len(data) // 2])
        imported = read(path)
        assert [f.code for f in imported.findings] == ["IK603"], name
        message = imported.findings[0].message
        assert "已损坏或不完整" in message and "CSV" not in message


def test_an_xls_that_is_a_web_page_is_said_to_be_one(tmp_path: Path) -> None:
    path = tmp_path / "绩效目标.xls"
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>项目名称</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    imported = read(path)
    assert [f.code for f in imported.findings] == ["IK607"]
    assert "网页" in imported.findings[0].message
    assert ".xlsx" in (imported.findings[0].suggestion or "")


@pytest.mark.parametrize(
    ("name", "content"),
    [("空.csv", "项目编号,项目名称,三级指标,指标值\n"), ("空.txt", "项目编号,三级指标,指标值\n")],
)
def test_a_file_with_nothing_to_import_is_an_error(
    tmp_path: Path, name: str, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    found = read_file(path)
    assert found.spec is None
    assert [f.severity.value for f in found.findings] == ["error"]
    assert main(["import", str(path), "-o", str(tmp_path / "出.ikspec")]) == 2
    assert not (tmp_path / "出.ikspec").exists()


def test_a_workbook_without_a_table_is_an_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "随便写的"
    path = tmp_path / "无表.xlsx"
    book.save(path)
    assert main(["import", str(path), "-o", str(tmp_path / "出.ikspec")]) == 2
    assert not (tmp_path / "出.ikspec").exists()


# --- PDF --------------------------------------------------------------------------------------


def test_a_pdf_flate_bomb_is_refused_before_pdfminer_reads_it(tmp_path: Path) -> None:
    packed = zlib.compress(b"0" * 3_000_000, 9)
    bomb = (
        b"%PDF-1.4\n1 0 obj <</Length " + str(len(packed)).encode() + b" /Filter /FlateDecode>>"
        b"stream\n" + packed + b"\nendstream\nendobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    with quickly(), pytest.raises(InputLimitError, match="pdf_unpacked_bytes"):
        check_pdf(bomb, "炸弹.pdf", limits=Limits(pdf_unpacked_bytes=1_000_000))
    path = tmp_path / "炸弹.pdf"
    path.write_bytes(bomb)
    assert _codes(path, pdf_unpacked_bytes=1_000_000) == ["IK602"]


def test_a_pdf_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    table = [["项目名称", "法律援助"], ["一级指标", "二级指标"]]
    path = tmp_path / "多页.pdf"
    path.write_bytes(make_pdf([[table]] * 5))
    assert _codes(path, pdf_pages=4) == ["IK602"]
    assert "IK602" not in _codes(path, pdf_pages=5)


def test_pdfminer_noise_is_silenced_while_a_pdf_is_read(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import pdfplumber

    opened = pdfplumber.open

    def noisy(*args: object, **kwargs: object) -> object:
        logging.getLogger("pdfminer.pdffont").warning("Could not get FontBBox from font descriptor")
        return opened(*args, **kwargs)

    monkeypatch.setattr(pdfplumber, "open", noisy)
    caplog.set_level(logging.WARNING)
    pdf_format.read_pdf(make_pdf([[[["项目名称", "甲"]]]]), source="a.pdf")
    assert "FontBBox" not in caplog.text
    assert logging.getLogger("pdfminer").level == logging.NOTSET  # put back afterwards


def test_every_limit_is_documented_with_its_number() -> None:
    text = (Path(__file__).parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    for name in Limits.names():
        value = getattr(DEFAULT_LIMITS, name)
        assert f"Limits.{name}`" in text, name
        assert f"{value:,}" in text or f"{value // (1 << 20)} MiB" in text, name
