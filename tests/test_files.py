"""indicatorkit.read and indicatorkit.write: the format told by content, written by extension,
and export then import gives the spec back."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import indicatorkit
from indicatorkit import ExportError, Spec, load, read, write
from indicatorkit.formats.files import FORMATS, detect_format, files_in, read_file, summarize
from indicatorkit.strategies import specs

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "yutian_justice_2025.ikspec"
SEED = ROOT / "examples" / "seed" / "000_878df4ebd272f24d.txt"


def test_read_and_write_are_public() -> None:
    assert indicatorkit.read is read and indicatorkit.write is write


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=specs())
def test_export_then_import_gives_the_spec_back(spec: Spec) -> None:
    """Each generated spec (generating one is the cost) goes through every text format: the
    spec file and JSON give it back whole, a long table (CSV) its projects."""
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".ikspec", ".json"):
            path = Path(folder) / f"导出{suffix}"
            write(spec, path)
            imported = read(path)
            assert imported.findings == (), suffix
            assert imported.spec == spec, suffix
        projects = Spec(projects=spec.projects)
        path = Path(folder) / "导出.csv"
        write(projects, path)
        imported = read(path)
    if not projects.projects:  # a header and no row: nothing to import is an error
        assert imported.spec is None and [f.code for f in imported.findings] == ["IK601"]
        return
    assert imported.findings == ()
    assert imported.spec == projects


@pytest.mark.parametrize(
    ("name", "content", "form"),
    [
        ("a.ikspec", EXAMPLE.read_bytes(), "ikspec"),
        ("a.txt", EXAMPLE.read_bytes(), "ikspec"),
        ("a.json", b'{"projects": []}', "json"),
        ("a.csv", "项目编号,三级指标,指标值\n1,受理数,≥1件\n".encode("gbk"), "csv"),
        ("a.ikspec", SEED.read_bytes(), "document"),
        ("a.docx", b"%PDF-1.7", "pdf"),
        ("a.pdf", b"\x00\x01\x02", "unknown"),
        ("a.xlsx", b"", "unknown"),
    ],
)
def test_the_format_is_told_by_content_not_by_name(
    tmp_path: Path, name: str, content: bytes, form: str
) -> None:
    assert detect_format(content) == form
    path = tmp_path / name
    path.write_bytes(content)
    assert read_file(path).format == form
    assert form in FORMATS


def test_a_zip_that_is_a_workbook(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "表.bin"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert detect_format(path.read_bytes()) == "xlsx"
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as archive:
        archive.writestr("readme.txt", "hi")
    assert detect_format((tmp_path / "other.zip").read_bytes()) == "unknown"


def test_unreadable_and_unknown_files_are_findings(tmp_path: Path) -> None:
    missing = read(tmp_path / "没有.csv")
    assert missing.spec is None and [f.code for f in missing.findings] == ["IK600"]
    (tmp_path / "utf16.txt").write_bytes("项目 1 甲".encode("utf-16"))
    (finding,) = read(tmp_path / "utf16.txt").findings
    assert finding.code == "IK601" and "UTF-16" in finding.message
    (tmp_path / "prose.txt").write_text("今天天气很好。\n", encoding="utf-8")
    assert [f.code for f in read(tmp_path / "prose.txt").findings] == ["IK601"]


def test_a_spec_file_with_errors_gives_its_findings(tmp_path: Path) -> None:
    path = tmp_path / "bad.ikspec"
    path.write_text("项目 1 甲\n  预算：很多\n", encoding="utf-8")
    imported = read(path)
    assert imported.spec is None
    assert imported.findings and all(f.file == str(path) for f in imported.findings)


def test_write_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.ikspec"):
        write(Spec(), tmp_path / "表.docx")
    with pytest.raises(ExportError, match="部门"):
        write(load(EXAMPLE), tmp_path / "表.csv")
    with pytest.raises(ExportError, match="无法写入"):
        write(Spec(), tmp_path / "no" / "such" / "表.ikspec")


def test_files_in_a_folder_and_the_summary(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(load(EXAMPLE), tmp_path / "a.ikspec")
    (tmp_path / "sub" / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "sub" / "broken.json").write_text("{", encoding="utf-8")
    paths = list(files_in([tmp_path]))
    assert [p.name for p in paths] == ["a.ikspec", "broken.json", "seed.txt"]
    summary = summarize([read_file(p) for p in paths])
    assert (summary.files, summary.imported, summary.projects) == (3, 2, 30)
    assert summary.indicators == 2 * sum(1 for _ in load(EXAMPLE).indicators())
    assert summary.codes["IK613"] == 6 and summary.codes["IK050"] == 1
    assert "IK613×6" in summary.text()


def test_every_import_code_is_documented_with_cause_and_fix() -> None:
    from indicatorkit.formats import document, files, long_table, pdf, word

    codes = {
        **files.CODES,
        **word.CODES,
        **document.CODES,
        **long_table.CODES,
        **pdf.CODES,
    }
    assert all(code.startswith("IK6") for code in codes)
    text = (ROOT / "docs" / "import-export.md").read_text(encoding="utf-8")
    documented = {
        line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| IK6")
    }
    assert documented == set(codes)


def test_workbooks_go_through_read_and_write(tmp_path: Path) -> None:
    """``read`` and ``write`` hand .xlsx to the workbook reader and writer, by content."""
    from indicatorkit import loads

    spec = loads(
        (Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec").read_text("utf-8")
    )
    path = tmp_path / "申报表.xlsx"
    write(spec, path)
    renamed = tmp_path / "没有扩展名"
    renamed.write_bytes(path.read_bytes())
    for each in (path, renamed):
        imported = read(each)
        assert imported.spec is not None, imported.findings
        assert [p.name for p in imported.spec.projects] == [p.name for p in spec.projects]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.pdf", b"\x00\x01\x02", "IK601"),  # a format not known
        ("a.xlsx", b"PK\x03\x04" + b"\x00" * 40, "IK603"),  # a zip cut short
        ("a.xls", b"<html><body><table></table></body></html>", "IK607"),  # a web page
        ("a.csv", "项目编号,三级指标,指标值\n".encode(), "IK601"),  # nothing to import
        ("目录", None, "IK600"),  # not a file
    ],
)
def test_a_file_refused_as_a_whole_says_the_file_not_a_made_up_1_1(
    tmp_path: Path, name: str, content: bytes | None, code: str
) -> None:
    path = tmp_path / name
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    [finding] = read(path).findings
    assert (finding.code, finding.place, finding.whole) == (code, str(path), True)
    assert finding.to_dict()["line"] is None and finding.render().startswith(f"{path}: {code} ")
