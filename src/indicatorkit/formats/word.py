"""Word documents: a ``.docx`` read into the document form's paragraphs and tables, an old
``.doc`` converted through LibreOffice first.

Needs the extra ``pip install 'indicatorkit[word]'`` (python-docx).  The body is read in
order: each paragraph is a :class:`~indicatorkit.formats.document_blocks.Paragraph`, each table
a grid (:func:`~indicatorkit.formats.grid_docx.docx_grids`: cells merged across columns or
down rows are merged ranges, a table nested in a cell comes right after the table holding it).
Then :func:`~indicatorkit.formats.document.read_document` reads the paragraphs and hands the
tables to the layout readers every container shares — a declaration in the document form, a
self-assessment table, the central layout (财预〔2020〕10号).

Places in a Word file: a paragraph is ``file:N:1`` with N its number in the body; a cell is
``file:表T!C4`` — table T (in reading order, nested tables counted), row 4, column C.

>>> import io, docx
>>> document = docx.Document()
>>> _ = document.add_paragraph("1.法律援助绩效目标表")
>>> table = document.add_table(rows=2, cols=6)
>>> for row, texts in zip(table.rows, [["一 级 指 标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
...                                   ["产出指标", "数量指标", "受理数", "受理数", "≥180件", "调研"]]):
...     for cell, text in zip(row.cells, texts):
...         cell.text = text
>>> buffer = io.BytesIO(); document.save(buffer)
>>> imported = read_docx(buffer.getvalue(), source="表.docx")
>>> [str(i.target) for i in imported.spec.projects[0].indicators], imported.findings
(['≥180件'], ())
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Final

from indicatorkit.formats.document import read_document
from indicatorkit.formats.document_blocks import Paragraph, Table
from indicatorkit.formats.extras import require
from indicatorkit.formats.format import Format, Input, Probe
from indicatorkit.formats.grid_docx import docx_grids, paragraph_text
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.packed import DamagedFileError, check_zip
from indicatorkit.model.findings import Finding, Severity

__all__ = ["CODES", "CONVERT_TIMEOUT", "DOC", "DOCX", "docx_parts", "read_doc", "read_docx"]

#: The codes only a Word file gives (its content's are formats.document's).
CODES: Final[dict[str, str]] = {
    "IK604": "旧版 .doc，没有 LibreOffice / an old .doc and no LibreOffice",
    "IK605": "LibreOffice 转换失败 / LibreOffice could not convert it",
    "IK606": ".docx 已损坏 / a damaged .docx",
}

#: Seconds LibreOffice is given to convert one .doc.
CONVERT_TIMEOUT: Final = 120

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _refused(code: str, message: str, source: str, suggestion: str | None = None) -> Imported:
    finding = Finding(code, Severity.ERROR, message, 1, suggestion=suggestion, file=source)
    return Imported(None, (finding,), source)


def read_docx(data: bytes, *, source: str) -> Imported:
    """Import a ``.docx`` given as bytes (see the module's description).  A file that
    unpacks past :class:`~indicatorkit.formats.limits.Limits` is refused before it is
    unpacked (:class:`~indicatorkit.formats.limits.InputLimitError`).

    Bytes that are no Word file are a finding, not an exception:

    >>> imported = read_docx(b"PK\\x03\\x04 not really a zip", source="坏.docx")
    >>> imported.spec, [(f.code, f.place) for f in imported.findings]
    (None, [('IK606', '坏.docx:1:1')])
    """
    docx = require("docx", "word")
    try:
        check_zip(data, source)  # what it unpacks to, before python-docx unpacks it
    except DamagedFileError as error:
        return _refused(
            "IK606",
            f"Word 文件已损坏或不完整，无法打开 (the Word file is damaged or cut short): {error.reason}",
            source,
            "请重新下载或复制，或在 Word 或 WPS 中打开后另存为 .docx / get it again, or open it "
            "in Word or WPS and save it again",
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        return _refused(
            "IK606",
            f"Word 文件已损坏，无法打开 (the Word file is damaged): {error}",
            source,
            "请在 Word 或 WPS 中打开后另存为 .docx / open it in Word or WPS and save it again",
        )
    except Exception as error:  # python-docx raises its own types for unexpected XML
        return _refused(
            "IK606", f"Word 文件无法读取 (the Word file cannot be read): {error}", source
        )
    parts = docx_parts(document.element.body, source=source)
    return read_document(parts, source=source)


def docx_parts(body: Any, *, source: str = "") -> list[Paragraph | Table]:
    """The paragraphs and tables of a Word body element (``document.element.body``), in
    reading order; a table nested in a cell right after the table holding it.

    >>> import docx
    >>> document = docx.Document()
    >>> _ = document.add_paragraph("一、总体绩效目标")
    >>> table = document.add_table(rows=2, cols=2)
    >>> table.cell(0, 0).text, table.cell(0, 1).text = "项目编码", "130229"
    >>> table.cell(1, 0).merge(table.cell(1, 1)).text = "合并的格"
    >>> paragraph, table = docx_parts(document.element.body)
    >>> paragraph.text, table.grid.name, table.grid.text(2, 2), table.grid.cell(2, 2).anchor
    ('一、总体绩效目标', '表1', '合并的格', (2, 1))
    """
    grids = iter(docx_grids(body, source=source))
    parts: list[Paragraph | Table] = []
    paragraphs = 0
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            paragraphs += 1
            text = paragraph_text(child).strip()
            if text:
                parts.append(Paragraph(text, paragraphs))
        elif child.tag == f"{_W}tbl":
            parts.extend(Table(next(grids)) for _ in child.iter(f"{_W}tbl"))
    return parts


def read_doc(path: str | Path, *, source: str) -> Imported:
    """Import an old ``.doc``: LibreOffice (``soffice``) converts it to ``.docx`` when it is
    on the PATH; otherwise a finding (IK604) says how to convert it.

    Here the PATH is emptied, so LibreOffice is not found (and never run):

    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"PATH": ""}):
    ...     imported = read_doc("旧.doc", source="旧.doc")
    >>> imported.spec, [(f.code, f.message.split(" (")[0]) for f in imported.findings]
    (None, [('IK604', '这是旧版 Word 文件（.doc），需要先转换为 .docx')])
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return _refused(
            "IK604",
            "这是旧版 Word 文件（.doc），需要先转换为 .docx (an old Word file: convert it to .docx "
            "first)",
            source,
            "在 Word 或 WPS 中“另存为 .docx”；或安装 LibreOffice 后运行 "
            "soffice --headless --convert-to docx 文件.doc / in Word or WPS 'Save as .docx', or "
            "install LibreOffice and run: soffice --headless --convert-to docx FILE.doc",
        )
    with tempfile.TemporaryDirectory(prefix="indicatorkit-doc-") as folder:
        original = Path(folder) / "input.doc"
        try:
            original.write_bytes(Path(path).read_bytes())
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--headless",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    folder,
                    str(original),
                ],
                check=True,
                capture_output=True,
                timeout=CONVERT_TIMEOUT,
            )
            converted = (Path(folder) / "input.docx").read_bytes()
        except (OSError, subprocess.SubprocessError) as error:
            return _refused(
                "IK605",
                f"LibreOffice 转换 .doc 失败 (LibreOffice could not convert the .doc): {error}",
                source,
                "在 Word 或 WPS 中另存为 .docx / save it as .docx in Word or WPS",
            )
    return read_docx(converted, source=source)


# --- the formats --------------------------------------------------------------------------------


def _docx(given: Input) -> Imported:
    return read_docx(given.data, source=given.source)


def _doc(given: Input) -> Imported:
    assert given.path is not None  # needs_file: the registry's reader gives the file
    return read_doc(given.path, source=given.source)


def _is_doc(probe: Probe) -> bool:
    return probe.ole2_has("WordDocument")


DOCX: Final = Format(
    "docx",
    "Word 文档 / a Word document (.docx)",
    (".docx",),
    sniff=lambda probe: "word/document.xml" in probe.zip_names,
    read=_docx,
)
DOC: Final = Format(
    "doc",
    "旧版 Word 文档 / an old Word document (.doc)",
    (".doc",),
    sniff=_is_doc,
    read=_doc,
    needs_file=True,
)
