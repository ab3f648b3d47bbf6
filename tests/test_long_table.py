"""CSV long tables: one row per indicator, both ways, in the encodings Excel saves."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatorkit import Direction, Spec, load, loads
from indicatorkit.formats.long_table import (
    COLUMNS,
    LongTableError,
    from_frame,
    long_table_rows,
    read_long_table,
    to_frame,
    write_long_table,
)
from indicatorkit.model.findings import Severity
from indicatorkit.strategies import projects

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"
SELF_ASSESSMENT = EXAMPLE.with_name("yutian_justice_2025_selfassessment.ikspec")

SMALL = """项目编号,项目名称,预算数,一级指标,二级指标,三级指标,指标值,分值
1,法律援助,10000元,产出指标,数量指标,受理数,≥180件,60
1,,,满意度指标,服务对象满意度指标,满意度,≥90%,40
2,人民调解,3000元,产出指标,数量指标,调解案件数,≥120件,
"""


def _csv_text(spec: Spec) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(long_table_rows(spec))
    return buffer.getvalue()


@pytest.mark.parametrize("example", [EXAMPLE, SELF_ASSESSMENT])
def test_the_examples_projects_go_there_and_back(example: Path, tmp_path: Path) -> None:
    spec = Spec(projects=load(example).projects)
    path = tmp_path / "表.csv"
    write_long_table(spec, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with a BOM right
    imported = read_long_table(data, source="表.csv")
    assert imported.findings == ()
    assert imported.spec == spec


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(projects(), max_size=4, unique_by=lambda p: p.number))
def test_any_projects_go_there_and_back(listed: list) -> None:
    spec = Spec(projects=sorted(listed, key=lambda p: p.number))
    imported = read_long_table(_csv_text(spec), source="x.csv")
    assert [f.render() for f in imported.findings] == []
    assert imported.spec == spec


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_encodings_excel_saves(encoding: str) -> None:
    imported = read_long_table(SMALL.encode(encoding), source="表.csv")
    assert imported.findings == ()
    assert imported.spec is not None
    first, second = imported.spec.projects
    assert (first.number, first.name, str(first.budget.total)) == (1, "法律援助", "10000元")
    assert [i.name for i in first.indicators] == ["受理数", "满意度"]
    assert [i.weight for i in first.indicators] == [60, 40]
    assert second.indicators[0].weight is None


def test_utf16_is_refused_with_a_hint() -> None:
    imported = read_long_table(SMALL.encode("utf-16"), source="表.csv")
    assert imported.spec is None
    (finding,) = imported.findings
    assert finding.code == "IK634" and "UTF-16" in finding.message and finding.suggestion


def test_english_aliases_and_a_tab_separator() -> None:
    text = "number\tproject\tlevel1\tlevel2\tindicator\ttarget\n1\t甲\t产出指标\t数量指标\t受理数\t≥1件\n"
    imported = read_long_table(text, source="t.tsv")
    assert imported.findings == ()
    assert imported.spec is not None and imported.spec.projects[0].indicators[0].name == "受理数"


def test_a_missing_column_is_named() -> None:
    imported = read_long_table("项目编号,三级指标\n1,受理数\n", source="表.csv")
    assert imported.spec is None
    (finding,) = imported.findings
    assert finding.code == "IK630" and "指标值 target" in finding.message
    assert (finding.file, finding.line) == ("表.csv", 1)


def test_a_short_or_long_row_is_reported_never_shifted() -> None:
    text = (
        SMALL.replace("满意度,≥90%,40", "满意度,≥90%") + "2,,,效益指标,社会效益指标,x,≥1件,1,多余\n"
    )
    imported = read_long_table(text, source="表.csv")
    codes = [(f.code, f.line, f.column) for f in imported.findings]
    assert codes == [("IK632", 3, 8), ("IK632", 5, 9)]
    assert imported.spec is not None
    assert [len(p.indicators) for p in imported.spec.projects] == [1, 1]


def test_a_bad_cell_drops_its_indicator_only_and_says_where() -> None:
    text = SMALL.replace("≥90%,40", "≥90%,-4").replace("10000元", "10000元")
    imported = read_long_table(text, source="表.csv")
    assert imported.spec is not None
    assert [i.name for i in imported.spec.projects[0].indicators] == ["受理数"]
    (finding,) = imported.findings
    assert (finding.line, finding.column, finding.severity) == (3, 8, Severity.ERROR)


def test_a_project_field_that_disagrees_between_rows() -> None:
    text = SMALL.replace("1,,,满意度指标", "1,法律服务,,满意度指标")
    imported = read_long_table(text, source="表.csv")
    (finding,) = imported.findings
    assert (finding.code, finding.line, finding.column) == ("IK635", 3, 2)


def test_an_unknown_column_is_a_warning_and_not_imported() -> None:
    text = (
        SMALL.replace("分值\n", "分值,备注\n")
        .replace(",60\n", ",60,x\n")
        .replace(",40\n", ",40,\n")
    )
    text = text.replace("≥120件,\n", "≥120件,,\n")
    imported = read_long_table(text, source="表.csv")
    (finding,) = imported.findings
    assert (finding.code, finding.severity, finding.column) == ("IK631", Severity.WARNING, 9)


def test_a_department_does_not_fit_a_long_table() -> None:
    with pytest.raises(LongTableError, match="部门 department"):
        list(long_table_rows(load(EXAMPLE)))


def test_the_header_is_every_column_in_order() -> None:
    header = next(long_table_rows(Spec()))
    assert header == [column.name for column in COLUMNS]


def test_no_reason_words_keep_an_empty_reason() -> None:
    spec = loads(
        "项目 1 甲\n  暂不公开：\n\n项目 2 乙\n  指标 产出指标 / 数量指标 / x\n    指标值：≥1件\n    不适用：\n"
    )
    imported = read_long_table(_csv_text(spec), source="x.csv")
    assert imported.spec == spec


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_data_frames_go_there_and_back(library: str) -> None:
    pytest.importorskip(library)
    spec = Spec(projects=load(SELF_ASSESSMENT).projects)
    frame = to_frame(spec, library=library)
    assert list(frame.columns) == [column.name for column in COLUMNS]
    assert len(frame) == sum(max(1, len(p.indicators)) for p in spec.projects)
    imported = from_frame(frame)
    assert imported.findings == ()
    assert imported.spec == spec


def test_a_frame_library_that_is_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from indicatorkit.formats import MissingExtraError

    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(MissingExtraError, match=r"indicatorkit\[polars\]"):
        to_frame(Spec(), library="polars")


def test_split_targets_as_the_national_system_keeps_them() -> None:
    text = (
        "项目编号,三级指标,指标性质,运算符,目标值,计量单位\n"
        "1,满意度,正向,≥,95,百分比\n"
        "1,人均成本,反向,小于等于,100,元\n"
        "1,足额发放,定性,定性,及时足额发放,\n"
        "1,受理数,,,200,件\n"
        "1,坏单位,,≥,5,人天\n"
    )
    imported = read_long_table(text, source="拆分.csv")
    indicators = imported.spec.projects[0].indicators
    assert [i.target_text for i in indicators] == ["≥95%", "≤100元", "及时足额发放", "200件"]
    assert [i.direction for i in indicators] == [
        Direction.HIGHER,
        Direction.LOWER,
        None,
        None,
    ]
    (finding,) = imported.findings
    assert (finding.code, finding.line, finding.column) == ("IK636", 6, 6)
    assert "人天" in finding.message


def test_no_spec_text_is_written_or_parsed_on_the_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells become records and records cells directly: the spec file's reader and writer
    are never called (they raise here)."""
    from indicatorkit.formats.ikspec import reader, writer

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("spec text on the way")

    spec = Spec(projects=load(SELF_ASSESSMENT).projects)
    text = _csv_text(spec)
    for module, name in ((reader, "loads"), (writer, "dumps"), (reader, "load")):
        monkeypatch.setattr(module, name, refuse)
    assert read_long_table(text, source="x.csv").spec == spec
    assert _csv_text(spec) == text


def test_any_grid_reads_as_a_long_table_located_in_its_sheet() -> None:
    from indicatorkit.formats.grid import grid_from_rows
    from indicatorkit.formats.long_table import read_long_grid

    rows = list(csv.reader(io.StringIO(SMALL.replace("≥90%,40", "≥90%,四十"))))
    imported = read_long_grid(grid_from_rows("长表", rows, source="表.xlsx"), source="表.xlsx")
    (finding,) = imported.findings
    assert (finding.code, finding.place) == ("IK020", "表.xlsx:长表!H3")
    assert [len(p.indicators) for p in imported.spec.projects] == [1, 1]
    wide = read_long_grid(
        grid_from_rows("长表", [*rows, ["2", "", "", "", "", "y", "≥1件", "", "多"]]), source="t"
    )
    said = [(f.code, f.line, f.column, f.sheet) for f in wide.findings]
    assert said == [("IK020", 3, 8, "长表"), ("IK632", 5, 9, "长表")]  # never shifted


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_a_frame_is_a_grid_its_problems_located_by_row_and_column(library: str) -> None:
    module = pytest.importorskip(library)
    frame = module.DataFrame(
        {"项目编号": ["1", "1"], "三级指标": ["受理数", "满意度"], "指标值": ["≥180件", "≥9O%"]}
    )
    imported = from_frame(frame, source="表")
    (finding,) = imported.findings
    assert finding.place == "表:数据框!C3"  # the header is row 1
    assert [i.name for i in imported.spec.projects[0].indicators] == ["受理数"]


@pytest.mark.parametrize("spelling", ["title", "slashed", "english", "other"])
def test_a_header_the_reader_takes_is_sniffed_in_a_csv_and_a_workbook(
    spelling: str, tmp_path: Path
) -> None:
    """Sniffing and the reader share one header vocabulary: a header written as our exports
    write it (``指标值 target``), with a slash, in English, or by another name the reader
    takes (``目标值``, ``指标名称``) is read by ``read`` from a CSV and an .xlsx alike."""
    openpyxl = pytest.importorskip("openpyxl")
    from indicatorkit import read
    from indicatorkit.formats.long_columns import BY_NAME

    def spelled(name: str) -> str:
        column = BY_NAME[name]
        other = {"三级指标": "指标名称", "指标值": "目标值", "项目编号": "编号"}
        return {
            "title": column.title,
            "slashed": f"{column.name}/{column.alias}",
            "english": column.alias,
            "other": other.get(name, column.name),
        }[spelling]

    header, *rows = (line.split(",") for line in SMALL.splitlines())
    cells = [[spelled(name) for name in header], *rows]
    expected = read_long_table(SMALL, source="t.csv").spec
    assert expected is not None
    table = tmp_path / "长表.csv"
    table.write_text("\n".join(",".join(row) for row in cells) + "\n", encoding="utf-8")
    book = openpyxl.Workbook()
    for row in cells:
        book.active.append(row)
    book.save(tmp_path / "长表.xlsx")
    for path in (table, tmp_path / "长表.xlsx"):
        imported = read(path)
        assert [f.code for f in imported.findings] == [], (path.suffix, imported.findings)
        assert imported.spec is not None and imported.spec.projects == expected.projects
