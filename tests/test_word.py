"""Word: the seed as a real .docx (merged cells, a nested table, spaced-out labels, bookmarks)
imports to the same spec; an old .doc is converted through LibreOffice or refused with a hint."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from indicatorkit import load, read
from indicatorkit.formats.files import detect_format
from indicatorkit.formats.word import read_doc, read_docx

docx = pytest.importorskip("docx")
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

ROOT = Path(__file__).parents[1]
SEED = ROOT / "examples" / "seed" / "000_878df4ebd272f24d.txt"
EXAMPLE = ROOT / "examples" / "yutian_justice_2025.ikspec"
#: Labels Word documents print spaced out.
SPACED = {
    "一级指标": "一 级 指 标",
    "绩效目标": "绩 效 目 标",
    "项目名称": "项 目 名 称",
    "第一部分": "第 一 部 分",
}
_BOOKMARK = re.compile(r"^\[bookmark: ([^\]]*)\]")


def _seed_parts() -> list[str | list[list[str]]]:
    """The seed as paragraphs (str) and tables (rows of cell texts), the way Word wrote it:
    a tab-indented line is a cell, a blank line ends a row, any other line ends the table."""
    parts: list[str | list[list[str]]] = []
    table: list[list[str]] | None = None
    row: list[str] = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t"):
            if table is None:
                table = []
                parts.append(table)
            row.append(line[1:].strip())
            continue
        if row:
            assert table is not None
            table.append(row)
            row = []
        if line == "" and table is not None:
            continue  # between the rows of one table
        table = None
        parts.append(line)
    return parts


def _bookmarked(document, text: str, number: int):
    found = _BOOKMARK.match(text)
    paragraph = document.add_paragraph(
        SPACED.get(text.strip(), text[found.end() :] if found else text)
    )
    if found:
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(number))
        start.set(qn("w:name"), found[1])
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(number))
        paragraph._p.insert(0, start)
        paragraph._p.append(end)
    return paragraph


def _fill(table, rows: list[list[str]]) -> None:
    """Cells as real tables have them: a short row's last cell spans the rest of the row, an
    empty cell under a filled one continues it (a vertical merge)."""
    width = len(table.columns)
    starts: dict[int, int] = {}
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            if c == len(cells) - 1 and len(cells) < width:
                cell = cell.merge(table.cell(r, width - 1))
            if text or r == 0 or c not in starts or len(cells) == 1:
                cell.text = SPACED.get(text, text)
                starts[c] = r
            else:
                table.cell(starts[c], c).merge(table.cell(r, c))


def seed_docx(*, nested: int = 2) -> bytes:
    """The seed as a .docx; the ``nested``-th indicator table sits inside a one-cell table."""
    document = docx.Document()
    indicator_tables = 0
    for number, part in enumerate(_seed_parts()):
        if isinstance(part, str):
            _bookmarked(document, part, number)
            continue
        width = max(len(row) for row in part)
        host = document
        if part[0][0] == "一级指标":
            indicator_tables += 1
            if indicator_tables == nested:
                outer = document.add_table(rows=1, cols=1)
                host = outer.cell(0, 0)
        table = host.add_table(rows=len(part), cols=width)
        _fill(table, part)
    document.add_paragraph()  # Word ends a body with a paragraph, never with a table
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def seed_word() -> bytes:
    return seed_docx()


def test_the_docx_really_has_merged_nested_and_spaced_cells(seed_word: bytes) -> None:
    document = docx.Document(io.BytesIO(seed_word))
    body = document.element.body
    assert body.xpath(".//w:vMerge") and body.xpath(".//w:gridSpan")
    assert body.xpath(".//w:tc/w:tbl"), "a table nested in a cell"
    assert body.xpath(".//w:bookmarkStart")
    texts = [t.text for t in body.iter(qn("w:t"))]
    assert "一 级 指 标" in texts and "绩 效 目 标" in texts


def test_the_seed_docx_imports_to_the_spec_file(seed_word: bytes) -> None:
    imported = read_docx(seed_word, source="seed.docx")
    assert imported.spec == load(EXAMPLE)
    assert imported.counts() == {"IK610": 2, "IK612": 1, "IK613": 6, "IK614": 1, "IK615": 1}


def test_word_places_name_the_paragraph(seed_word: bytes) -> None:
    imported = read_docx(seed_word, source="seed.docx")
    unclosed = next(f for f in imported.findings if f.code == "IK612")
    document = docx.Document(io.BytesIO(seed_word))
    paragraph = document.paragraphs[unclosed.line - 1].text
    assert paragraph[unclosed.column - 1] == "（"
    assert paragraph[unclosed.column :].startswith("行政复议参与者满意人数")


def test_a_bad_cell_is_located_by_table_row_and_column(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("1.法律援助绩效目标表")
    table = document.add_table(rows=2, cols=6)
    header = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["产出指标", "数量指标", "受理数", "", "≥5人天", "调研"], strict=True
    ):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    imported = read_docx(buffer.getvalue(), source="表.docx")
    (finding,) = imported.findings
    assert finding.code == "IK702"  # the layout readers' own code, as in a workbook
    assert finding.place == "表.docx:表1!E2"


def test_a_label_written_one_character_a_line(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("1 . 法律援助绩效目标表")
    table = document.add_table(rows=2, cols=6)
    header = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    row = ["", "数量指标", "受理数", "受理数", "≥180件", "调研"]
    for cell, text in zip(table.rows[1].cells, row, strict=True):
        cell.text = text
    vertical = table.rows[1].cells[0]
    vertical.paragraphs[0].text = "产"
    for char in "出指标":
        vertical.add_paragraph(char)
    buffer = io.BytesIO()
    document.save(buffer)
    imported = read_docx(buffer.getvalue(), source="表.docx")
    assert imported.findings == ()
    (project,) = imported.spec.projects
    assert project.name == "法律援助"
    assert project.indicators[0].level1 == "产出指标"


def test_read_tells_word_by_content_whatever_the_name(tmp_path: Path, seed_word: bytes) -> None:
    disguised = tmp_path / "seed.txt"
    disguised.write_bytes(seed_word)
    assert detect_format(seed_word) == "docx"
    assert read(disguised).spec == load(EXAMPLE)


def test_a_damaged_docx_is_a_finding(tmp_path: Path, seed_word: bytes) -> None:
    imported = read_docx(seed_word[: len(seed_word) // 2], source="坏.docx")
    assert imported.spec is None
    assert [f.code for f in imported.findings] == ["IK606"]


OLE2_DOC = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 64 + "WordDocument".encode("utf-16-le")


def test_an_old_doc_without_libreoffice_says_how_to_convert(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "旧.doc"
    path.write_bytes(OLE2_DOC)
    assert detect_format(OLE2_DOC) == "doc"
    imported = read(path)
    assert imported.spec is None
    (finding,) = imported.findings
    assert finding.code == "IK604" and finding.file == str(path)
    assert ".docx" in finding.message
    assert "soffice --headless --convert-to docx" in (finding.suggestion or "")
    assert "另存为" in (finding.suggestion or "")


def test_a_doc_libreoffice_cannot_convert_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: "/bin/false")
    path = tmp_path / "旧.doc"
    path.write_bytes(OLE2_DOC)
    imported = read_doc(path, source="旧.doc")
    assert [f.code for f in imported.findings] == ["IK605"]


def _libreoffice_writer() -> bool:
    soffice = shutil.which("soffice")
    return bool(soffice) and (Path(soffice).resolve().parent / "libswlo.so").exists()


@pytest.mark.skipif(
    not _libreoffice_writer(), reason="LibreOffice Writer (soffice) is not installed"
)
def test_an_old_doc_is_converted_through_libreoffice(tmp_path: Path, seed_word: bytes) -> None:
    import subprocess

    source = tmp_path / "seed.docx"
    source.write_bytes(seed_word)
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=300,
    )
    old = tmp_path / "seed.doc"
    assert old.exists(), done.stderr.decode(errors="replace")
    assert detect_format(old.read_bytes()) == "doc"
    imported = read(old)
    assert imported.spec == load(EXAMPLE)


def test_an_indicator_is_located_in_its_own_word_table() -> None:
    """A title block and an indicator table under one title are read as one grid; the
    indicator's places are the indicator table's own rows, not the stacked grid's."""
    document = docx.Document()
    document.add_paragraph("1.法律援助绩效目标表")
    unit = document.add_table(rows=1, cols=2)
    unit.rows[0].cells[0].text, unit.rows[0].cells[1].text = "315001玉田县司法局本级", "单位：元"
    table = document.add_table(rows=2, cols=6)
    rows = [
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
        ["产出指标", "数量指标", "受理数", "受理的案件", "≥180件", "调研"],
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    imported = read_docx(buffer.getvalue(), source="表.docx")
    (indicator,) = imported.spec.projects[0].indicators
    assert str(indicator.where.of("target")) == "表2!E2"
    assert str(indicator.where.at) == "表2!C2"


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text


_PROJECT_TABLE = [
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "受理数", "受理的案件", "≥180件", "调研"],
]
#: A department-wide table (table-layouts.md, G): the department's budget and indicators.
_DEPARTMENT_WIDE = [
    ["部门名称", "玉田县司法局", "", "", "", "", ""],
    ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100", "100", "95", "10", "95%", "9.5"],
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "办案数", "≥100件", "120件", "50", "50"],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "40", "40"],
]


@pytest.mark.parametrize("department_first", [False, True])
def test_a_department_wide_table_is_read_as_the_workbook_reads_it(department_first: bool) -> None:
    """A project table and a department-wide indicator table under its own title: the
    department's table is not stacked onto the project's, nor numbered onto a titled project;
    it is read as a workbook reads it (a project named by the department), said (IK621)."""
    document = docx.Document()

    def department() -> None:
        document.add_paragraph("部门整体绩效目标表")
        _table(document, _DEPARTMENT_WIDE)

    if department_first:
        department()
    document.add_paragraph("1.法律援助绩效目标表")
    _table(document, _PROJECT_TABLE)
    if not department_first:
        department()
    buffer = io.BytesIO()
    document.save(buffer)
    imported = read_docx(buffer.getvalue(), source="表.docx")
    assert imported.spec is not None
    projects = {p.number: p for p in imported.spec.projects}
    assert sorted(projects) == [1, 2]
    assert [i.name for i in projects[1].indicators] == ["受理数"]
    assert projects[1].budget is None
    wide = projects[2]
    assert wide.name == "玉田县司法局" and [i.name for i in wide.indicators] == ["办案数", "满意度"]
    assert str(wide.executed) == "95万元"
    table = "表1" if department_first else "表2"
    assert ("IK621", f"表.docx:{table}!A1") in [(f.code, f.place) for f in imported.findings]
    assert not [f for f in imported.findings if f.code in ("IK620", "IK704", "IK716")]


def test_a_department_and_a_programme_table_join_the_documents_department() -> None:
    """The department and programme tables the library's own workbook writes, inside a Word
    file: read into the department the prose describes, never dropped; a fact the prose gives
    differently keeps the prose's and is said at the table (IK619)."""
    document = docx.Document()
    document.add_paragraph("第一部分")
    document.add_paragraph("一、总体绩效目标")
    document.add_paragraph("总体绩效目标是：做好法律援助。")
    _table(document, [["部门编码", "315001"], ["部门名称", "司法局"], ["总体目标", "另一目标"]])
    document.add_paragraph("二、分项绩效目标")
    _table(
        document,
        [
            ["分项名称", "法治宣传"],
            ["目标", "宣传法治"],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "场次", "≥20场"],
        ],
    )
    document.add_paragraph("1.法律援助绩效目标表")
    _table(document, _PROJECT_TABLE)
    buffer = io.BytesIO()
    document.save(buffer)
    imported = read_docx(buffer.getvalue(), source="表.docx")
    assert imported.spec is not None
    department = imported.spec.department
    assert department is not None
    assert (department.code, department.name) == ("315001", "司法局")
    assert department.overall_goal == "做好法律援助。"  # the prose's, the table's said
    (programme,) = department.programmes
    assert programme.name == "法治宣传" and [i.name for i in programme.indicators] == ["场次"]
    assert str(programme.indicators[0].where.of("target")) == "表2!D4"
    assert [p.name for p in imported.spec.projects] == ["法律援助"]
    said = [(f.code, f.place) for f in imported.findings]
    assert said == [("IK619", "表.docx:表1!A1")], imported.findings
