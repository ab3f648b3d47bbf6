"""Whatever bytes come in, an import gives an Imported with located findings, never an
exception from a dependency."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatorkit import read
from indicatorkit.formats.document import read_document
from indicatorkit.formats.document_blocks import text_parts
from indicatorkit.formats.files import FORMATS, detect_format
from indicatorkit.formats.long_table import COLUMNS, read_long_table

HEADER_WORDS = [c.name for c in COLUMNS] + ["project", "target", "备注", ""]
CELL = st.text(alphabet='",\n\t 1.-/：:|#≥>=<%件元万指标值产出一二级项目', max_size=12)
SELF_ASSESSMENT_WORDS = [
    "项目名称",
    "实施单位",
    "主管部门",
    "项目资金（万元）",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "得分",
    "年度资金总额",
    "其中：当年财政拨款",
    "年度总体目标",
    "预期目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "总分",
    "产出指标(50分)",
    "≥180件",
    "-",
    "",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=8),
    st.lists(st.lists(CELL, max_size=9), max_size=8),
)
def test_any_long_table(header: list[str], rows: list[list[str]]) -> None:
    text = ",".join(header) + "\n" + "\n".join(",".join(row) for row in rows)
    imported = read_long_table(text, source="x.csv")
    assert all(f.file == "x.csv" and f.line >= 1 and f.column >= 1 for f in imported.findings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.sampled_from(SELF_ASSESSMENT_WORDS) | CELL, min_size=1, max_size=8),
        max_size=14,
    )
)
def test_any_self_assessment_rows(rows: list[list[str]]) -> None:
    text = "\n\n".join("\n".join("\t" + cell.replace("\n", " ") for cell in row) for row in rows)
    imported = read_document(text_parts(text, source="x"), source="x")
    assert imported.spec is not None or imported.findings


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=200),
        st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", bytes.fromhex("D0CF11E0A1B11AE1")]).flatmap(
            lambda head: st.binary(max_size=120).map(lambda tail: head + tail)
        ),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    )
)
def test_any_bytes_in_any_file(data: bytes) -> None:
    assert detect_format(data) in FORMATS
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "文件"
        path.write_bytes(data)
        imported = read(path)
    assert imported.spec is not None or imported.findings
