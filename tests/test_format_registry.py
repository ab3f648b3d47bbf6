"""The format registry: each format declared once (sniffing, reader, writer), found by
read, write and the verbs; writes whole or not at all."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from indicatorkit import ExportError, loads, read, write
from indicatorkit.formats.files import FORMATS, detect_format
from indicatorkit.formats.format import Format, Holds, Probe
from indicatorkit.formats.registry import REGISTRY, FormatRegistry

SPEC = loads("项目 1 法律援助\n  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥180件\n")


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
SAMPLES = {
    "ikspec": "项目 1 法律援助\n".encode(),
    "json": b'{"projects": []}',
    "csv": "项目编号,三级指标,指标值\n1,受理数,≥1件\n".encode("gbk"),
    "docx": _zip("word/document.xml"),
    "xlsx": _zip("xl/workbook.xml"),
    "doc": OLE2 + "WordDocument".encode("utf-16-le"),
    "xls": OLE2 + "Workbook".encode("utf-16-le"),
    "pdf": b"%PDF-1.7\n",
    "document": "一、总体绩效目标\n做好法律援助。\n".encode(),
}


def test_every_format_is_declared_once_with_a_sample_it_knows() -> None:
    names = [form.name for form in REGISTRY]
    assert len(names) == len(set(names)) and set(names) == set(SAMPLES)
    assert set(FORMATS) == {*names, "unknown"}
    for name, data in SAMPLES.items():
        assert REGISTRY.detect(Probe(data)) is REGISTRY.named(name), name
        assert detect_format(data) == name


def test_the_registry_cannot_be_changed() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        REGISTRY.formats = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        REGISTRY.named("csv").write = None  # type: ignore[misc]
    assert isinstance(REGISTRY.formats, tuple)


def test_a_new_format_is_one_declaration() -> None:
    mine = Format(
        "ods",
        "OpenDocument 表格 / an OpenDocument sheet",
        (".ods",),
        sniff=lambda probe: "content.xml" in probe.zip_names,
        read=REGISTRY.named("xlsx").read,
    )
    extended = FormatRegistry((*REGISTRY.formats, mine))
    assert extended.detect(Probe(_zip("content.xml"))) is mine
    assert REGISTRY.detect(Probe(_zip("content.xml"))) is None  # the library's own unchanged


def test_what_each_format_holds_drives_the_verbs() -> None:
    assert REGISTRY.holding(Holds.SPEC) == {"ikspec", "json", "docx", "doc", "pdf"}
    assert REGISTRY.holding(Holds.SPEC_OR_ACTUALS) == {"xlsx", "xls"}
    assert REGISTRY.holding(Holds.ROWS) == {"csv", "document"}


#: First lines a text's sniffers look at: spec openings, header words, braces, prose.
_PIECES = [
    "项目",
    "部门",
    " 1 ",
    "项目编号",
    "指标值",
    "三级指标",
    ",",
    "\t",
    "{",
    "[",
    "#",
    "甲",
    "\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
@example("项目 1,指标值,三级指标")
def test_the_text_formats_exclude_one_another_but_a_spec_line_with_commas(text: str) -> None:
    # JSON excludes the others; a spec file's first line may also look like a table's header
    # (项目 1,指标值,三级指标): the spec file is tried first; the document form takes what
    # none took
    probe = Probe(text.encode(), "表.ikspec")
    claimed = [f.name for f in REGISTRY if f.text and f.sniff(probe) and f.name != "document"]
    assert len(claimed) <= 1 or claimed == ["ikspec", "csv"], claimed
    if claimed:
        assert detect_format(text.encode(), "表.ikspec") == claimed[0]


@pytest.mark.parametrize("suffix", REGISTRY.writable())
def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"表{suffix}"
    path.write_bytes(b"old")
    with (
        mock.patch("indicatorkit.formats.output.os.replace", side_effect=OSError(28, "No space")),
        pytest.raises(ExportError, match="No space"),
    ):
        write(SPEC, path)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary left
    write(SPEC, path)  # and when it can, the file is replaced whole
    assert read(path).spec == SPEC


def test_an_extension_with_no_writer_names_the_ones_there_are(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"\.ikspec、\.json、\.csv、\.xlsx"):
        write(SPEC, tmp_path / "表.pdf")
    assert not os.listdir(tmp_path)
