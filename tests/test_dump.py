"""``dump`` beside ``dumps`` and ``load`` beside ``loads``: paths and open files, the user's file
never replaced by mistake, and only the library's own errors."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings

from indicatorkit import ExportError, Spec, SpecError, dump, dumps, load, loads
from indicatorkit.strategies import specs

TEXT = (
    "项目 1 法律援助\n  预算：10000元\n\n  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥180件\n"
)


@settings(max_examples=10, deadline=None)  # the text laws are test_spec_properties
@given(specs())
def test_dump_then_load_gives_the_spec_back_through_text_and_binary_files(spec: Spec) -> None:
    text_file, binary_file = io.StringIO(), io.BytesIO()
    dump(spec, text_file)
    dump(spec, binary_file)
    assert text_file.getvalue() == dumps(spec)
    assert binary_file.getvalue() == dumps(spec).encode("utf-8")
    assert load(io.StringIO(text_file.getvalue())) == spec
    assert load(io.BytesIO(binary_file.getvalue())) == spec


def test_dump_writes_utf8_with_unix_line_ends_and_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "表.ikspec"
    dump(loads(TEXT), str(path))
    assert path.read_bytes() == TEXT.encode("utf-8")
    with pytest.raises(SpecError) as caught:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("    指标值：≥180嗯\n")
        load(path)
    assert caught.value.findings[0].file == str(path)
    with path.open(encoding="utf-8") as handle, pytest.raises(SpecError) as again:
        load(handle)
    assert again.value.findings[0].file == str(path)  # an open file: its name


def test_dump_never_replaces_an_existing_file_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "表.ikspec"
    path.write_text("用户的文字\n", encoding="utf-8")
    with pytest.raises(ExportError, match="文件已存在") as caught:
        dump(loads(TEXT), path)
    assert "overwrite=True" in str(caught.value)
    assert path.read_text(encoding="utf-8") == "用户的文字\n"  # untouched
    os.chmod(path, 0o640)
    dump(loads(TEXT), path, overwrite=True)
    assert path.read_text(encoding="utf-8") == TEXT
    assert path.stat().st_mode & 0o777 == 0o640  # replaced whole, its permissions kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["表.ikspec"]  # no spare file left


def test_dump_follows_a_link_when_it_replaces(tmp_path: Path) -> None:
    real = tmp_path / "真.ikspec"
    real.write_text("旧\n", encoding="utf-8")
    link = tmp_path / "链.ikspec"
    link.symlink_to(real)
    dump(loads(TEXT), link, overwrite=True)
    assert link.is_symlink() and real.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize(
    "where",
    [
        "{tmp}/没有这个目录/表.ikspec",  # a folder that does not exist
        "{tmp}",  # a folder, not a file (overwrite asked)
        "{tmp}/a\0b.ikspec",  # a NUL in the path
    ],
)
def test_dump_raises_its_own_error_where_a_path_cannot_be_written(
    tmp_path: Path, where: str
) -> None:
    with pytest.raises(ExportError, match="无法写入"):
        dump(loads(TEXT), where.format(tmp=tmp_path), overwrite=True)


def test_dump_raises_its_own_error_for_what_is_not_a_file_or_a_spec() -> None:
    closed = io.StringIO()
    closed.close()
    with pytest.raises(ExportError, match="无法写入"):
        dump(loads(TEXT), closed)
    with pytest.raises(ExportError, match="路径或打开的文件"):
        dump(loads(TEXT), 42)  # type: ignore[arg-type]
    with pytest.raises(ExportError, match="Spec"):
        dump(TEXT, io.StringIO())  # type: ignore[arg-type]
    with open(os.devnull, encoding="utf-8") as read_only, pytest.raises(ExportError):
        dump(loads(TEXT), read_only)


def test_load_raises_its_own_error_for_what_is_not_a_readable_file(tmp_path: Path) -> None:
    for source in (42, object()):
        with pytest.raises(SpecError) as caught:
            load(source)  # type: ignore[arg-type]
        assert caught.value.findings[0].code == "IK001"
    closed = io.BytesIO(b"")
    closed.close()
    with pytest.raises(SpecError) as caught:
        load(closed)
    assert caught.value.findings[0].code == "IK001"
    with pytest.raises(SpecError) as caught:
        load(io.BytesIO("项目 1 法律援助\n".encode("gbk")))
    assert caught.value.findings[0].code == "IK002"
    assert caught.value.findings[0].line == 1
