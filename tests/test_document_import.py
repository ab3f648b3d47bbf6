"""The seed's document form imports to exactly the hand-checked spec file, saying where the
document's typos forced a choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Spec, load, read
from indicatorkit.formats import central_layout, workbook_read
from indicatorkit.formats.document import CODES, read_document
from indicatorkit.formats.document_blocks import Paragraph, text_parts
from indicatorkit.model import lint
from indicatorkit.model.findings import Severity
from tests.seed_reader import read_seed
from tests.test_seed_spec import first_difference

ROOT = Path(__file__).parents[1]
SEED = ROOT / "examples" / "seed" / "000_878df4ebd272f24d.txt"
EXAMPLE = ROOT / "examples" / "yutian_justice_2025.ikspec"
SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()

TABLE = """1.法律援助绩效目标表
\t315001玉田县司法局本级
\t单位：元

\t项目编码
\t13022925P00004510008P
\t项目名称
\t法律援助

\t一级指标
\t二级指标
\t三级指标
\t绩效指标描述
\t指标值
\t指标值确定依据

\t产出指标
\t数量指标
\t受理数
\t受理数
\t≥180件
\t调研
"""


@pytest.fixture(scope="module")
def seed_import():
    return read(SEED)


def test_the_seed_imports_to_the_spec_file(seed_import) -> None:
    example = load(EXAMPLE)
    assert first_difference(example, seed_import.spec) is None
    assert seed_import.spec == example


def test_the_seed_imports_to_what_the_independent_oracle_reads(seed_import) -> None:
    assert seed_import.spec == read_seed(SEED)


def test_the_seed_import_is_an_import_with_no_errors(seed_import) -> None:
    assert seed_import.ok
    assert seed_import.source == str(SEED)
    assert all(f.severity is not Severity.ERROR for f in seed_import.findings)
    assert seed_import.counts() == {
        "IK610": 2,
        "IK612": 1,
        "IK613": 6,
        "IK614": 1,
        "IK615": 1,
    }
    assert set(seed_import.counts()) <= set(CODES)


def _at(finding) -> str:
    """The text of the seed at the finding's column (one character)."""
    return SEED_LINES[finding.line - 1][finding.column - 1]


def test_each_choice_is_located_at_the_text_that_forced_it(seed_import) -> None:
    by_code = {}
    for finding in seed_import.findings:
        by_code.setdefault(finding.code, []).append(finding)
        assert finding.file == str(SEED)
        assert finding.source_line == SEED_LINES[finding.line - 1]
    # ",=100" and ",=3": the caret is under the comma
    assert [(f.line, _at(f)) for f in by_code["IK610"]] == [(24, ","), (32, ",")]
    assert all("T002" in f.message for f in by_code["IK610"])
    # "（行政复议参与者满意人数占参与人数的比例，指标值>=80%": the parenthesis never closed
    (unclosed,) = by_code["IK612"]
    assert (unclosed.line, _at(unclosed)) == (32, "（")
    assert SEED_LINES[31][unclosed.column :].startswith(
        "行政复议参与者满意人数占参与人数的比例，指标值"
    )
    # the two-level items: "效果指标-连续性指标" and five "满意度指标-社会公众投诉率"
    two_levels = by_code["IK613"]
    assert [f.line for f in two_levels] == [24, 24, 32, 40, 48, 59]
    assert SEED_LINES[23][two_levels[0].column - 1 :].startswith("效果指标-连续性指标")
    assert all(
        SEED_LINES[f.line - 1][f.column - 1 :].startswith("满意度指标-社会公众投诉率")
        for f in two_levels[1:]
    )
    assert "读作二级指标" in two_levels[0].message and "读作三级指标" in two_levels[1].message
    (gap,) = by_code["IK614"]
    assert (gap.line, gap.column, gap.severity) == (19, 1, Severity.INFO)
    (year,) = by_code["IK615"]
    assert SEED_LINES[year.line - 1][year.column - 1 :].startswith("2025年")


def test_a_small_table() -> None:
    imported = read_document(text_parts(TABLE), source="t.txt")
    assert imported.findings == ()
    (project,) = imported.spec.projects
    assert (project.number, project.name, project.code) == (1, "法律援助", "13022925P00004510008P")
    assert project.where.at.line == 1  # the title


def test_spaced_labels_read_like_plain_ones() -> None:
    spaced = TABLE.replace("\t一级指标", "\t一 级 指 标").replace("\t项目编码", "\t项 目 编 码")
    assert (
        read_document(text_parts(spaced), source="t").spec
        == read_document(text_parts(TABLE), source="t").spec
    )


def test_a_target_that_cannot_be_read_is_a_located_error_and_the_rest_lands() -> None:
    text = TABLE + "\n\t\n\t质量指标\n\t办结率\n\t办结率\n\t≥5人天\n\t调研\n"
    imported = read_document(text_parts(text), source="t.txt")
    (finding,) = imported.findings
    # the layout reader's finding, placed on the cell's own line of the text
    assert (finding.code, finding.severity, finding.line) == ("IK702", Severity.ERROR, 28)
    assert (finding.column, finding.source_line) == (2, " ≥5人天")  # after the tab
    assert "人天" in finding.message
    assert [i.name for i in imported.spec.projects[0].indicators] == ["受理数"]


def test_what_is_not_understood_is_said_never_dropped() -> None:
    text = (
        "一、总体绩效目标\n总体绩效目标是：做好工作。\n随便写的一句话\n"
        + TABLE
        + "\n\t多余的\n\t一行\n"
    )
    imported = read_document(text_parts(text), source="t.txt")
    codes = [(f.code, f.line) for f in imported.findings]
    assert codes == [("IK617", 3), ("IK704", 27)]  # a row with no indicator in it
    assert imported.spec.department.overall_goal == "做好工作。"


def test_a_withheld_range() -> None:
    text = TABLE + "2-4号项目信息因涉及保密要求，项目绩效目标暂不公开。\n"
    imported = read_document(text_parts(text), source="t.txt")
    withheld = [p for p in imported.spec.projects if p.withheld]
    assert [p.number for p in withheld] == [2, 3, 4]
    assert withheld[0].withheld == "2-4号项目信息因涉及保密要求，项目绩效目标暂不公开。"


def test_a_repeated_project_number_is_reported() -> None:
    imported = read_document(text_parts(TABLE + TABLE), source="t.txt")
    assert [(f.code, f.line) for f in imported.findings] == [("IK620", 23)]
    assert len(imported.spec.projects) == 1


def test_bookmarks_are_taken_off_and_columns_still_count_from_the_line() -> None:
    (paragraph,) = text_parts("[bookmark: _Toc_1]  一、总体绩效目标")
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text == "一、总体绩效目标"
    assert paragraph.offset == len("[bookmark: _Toc_1]  ")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(SEED_LINES),
            st.text(
                alphabet="\t1、.-—（）()，。：指标值>=<%件元项目编码绩效目标表一二级 \n",
                max_size=40,
            ),
        ),
        max_size=40,
    )
)
def test_any_text_gives_an_import_never_an_exception(lines: list[str]) -> None:
    imported = read_document(text_parts("\n".join(lines)), source="t")
    assert imported.spec is None or isinstance(imported.spec, Spec)
    codes = CODES | workbook_read.CODES | central_layout.CODES
    for finding in imported.findings:
        assert finding.code in codes and finding.column >= 1
        assert finding.line >= 1 or (finding.whole and finding.code == "IK622")  # the whole file


def test_spaced_headings_and_labels_written_one_character_a_line() -> None:
    text = "一 、 总 体 绩 效 目 标\n总体绩效目标是：做好工作。\n" + TABLE.replace(
        "\t产出指标\n", "\t产\n\t出\n\t指\n\t标\n"
    )
    # in the text form each of those lines is a cell; the Word test builds the real thing
    imported = read_document(text_parts(text), source="t")
    assert imported.spec.department.overall_goal == "做好工作。"


def test_tables_without_a_numbered_title_are_numbered_in_order_and_said_so() -> None:
    untitled = TABLE.split("\n", 1)[1]  # the rows alone, no "1.法律援助绩效目标表"
    imported = read_document(text_parts(TABLE + "\n" + untitled + "\n" + untitled), source="t")
    assert [p.number for p in imported.spec.projects] == [1, 2, 3]
    assert [p.name for p in imported.spec.projects] == ["法律援助"] * 3
    assert all(p.unit == "315001玉田县司法局本级" for p in imported.spec.projects)
    numbered = [(f.code, f.severity, f.line) for f in imported.findings]
    assert numbered == [("IK621", Severity.INFO, 27), ("IK621", Severity.INFO, 49)]


def test_a_unit_row_with_no_table_after_it() -> None:
    imported = read_document(text_parts("\t315001玉田县司法局本级\n\t单位：元\n"), source="t")
    assert imported.spec is None
    assert [(f.code, f.place) for f in imported.findings] == [("IK701", "t:1:2"), ("IK622", "t")]


def test_an_unknown_counting_word_lands_with_the_unit_it_needs() -> None:
    """≥5000蔸: read as a count of its own (T023, a warning where it stands); the spec carries
    the definition, writes it in its 计量单位 block, and loads back the same."""
    from indicatorkit import dumps, loads

    text = TABLE + "\n\t\n\t数量指标\n\t栽种数\n\t栽种数\n\t≥5000蔸\n\t调研\n"
    imported = read_document(text_parts(text), source="t.txt")
    (finding,) = imported.findings
    assert (finding.code, finding.severity, finding.line) == ("IK718", Severity.WARNING, 28)
    assert "T023" in finding.message and "蔸 = [蔸]" in finding.message
    spec = imported.spec
    assert spec.units is not None and "蔸 = [蔸]" in spec.units.definitions
    planted = spec.projects[0].indicators[1]
    assert planted.target.check("5200蔸", units=spec.units).met
    written = dumps(spec)
    assert "计量单位" in written and "蔸 = [蔸]" in written
    assert loads(written) == spec


def test_tables_under_one_title_are_one_grid_and_say_where_in_the_text() -> None:
    """A paragraph between a project's tables: the tables still make one project, and what
    the layout reader says about a cell of the second one is on that cell's line."""
    head, indicators = TABLE.split("\n\n\t一级指标", 1)
    text = head + "\n以下为指标：\n\t一级指标" + indicators.replace("≥180件", "≥5人天")
    imported = read_document(text_parts(text), source="t.txt")
    (project,) = imported.spec.projects
    assert (project.number, project.name, project.code) == (1, "法律援助", "13022925P00004510008P")
    said = [(f.code, f.line, f.column, f.sheet) for f in imported.findings]
    lines = text.splitlines()
    paragraph = lines.index("以下为指标：") + 1
    assert said == [("IK617", paragraph, 1, None), ("IK702", lines.index("\t≥5人天") + 1, 2, None)]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet="产出指标数量一级二级≥5件 ", max_size=6), min_size=1, max_size=6),
        min_size=1,
        max_size=8,
    )
)
def test_every_cell_of_the_text_form_stands_on_its_own_line(rows: list[list[str]]) -> None:
    """A text table's grid holds each cell's text (or, where the text form lost a vertical
    merge, the text above it), and locates every cell on the line it was written on."""
    text = "标题\n" + "\n\n".join("\n".join("\t" + cell for cell in row) for row in rows)
    lines = text.splitlines()
    parts = text_parts(text, source="t.txt")
    assert [type(p).__name__ for p in parts] == ["Paragraph", "Table"]
    table = parts[1]
    for r, row in enumerate(rows, 1):
        for c, written in enumerate(row, 1):
            spot = table.locate(r, c)
            assert lines[spot.line - 1] == "\t" + written and spot.column == 2
            cell = table.grid.cell(r, c)
            if written.strip():
                assert cell is not None and cell.text == written.strip() and cell.anchor is None
            elif cell is not None:  # a merge restored: the text of the cell above
                assert cell.anchor is not None and cell.anchor[0] < r


def test_an_indicator_read_from_a_text_table_is_located_at_its_lines() -> None:
    """The layout readers place what they read in their grid; the document reader moves every
    place to the text's own lines, so that lint's findings on an indicator point at its line."""
    imported = read_document(text_parts(TABLE, source="表.txt"), source="表.txt")
    lines = TABLE.splitlines()
    (indicator,) = imported.spec.projects[0].indicators
    places = [indicator.where.at, *indicator.where.fields.values()]
    assert all(place.sheet is None and place.column == 2 for place in places)
    assert lines[indicator.where.of("target").line - 1] == "\t≥180件"
    assert lines[indicator.where.of("basis").line - 1] == "\t调研"
    assert lines[indicator.where.at.line - 1] == "\t受理数"
    (repeated,) = [f for f in lint(imported.spec, file="表.txt") if f.code == "IK107"]
    description = indicator.where.of("description").line  # the second 受理数 cell
    assert description == indicator.where.at.line + 1
    assert repeated.place == f"表.txt:{description}:2"


def test_every_indicator_of_the_seed_text_is_at_its_target_line(seed_import) -> None:
    for project in seed_import.spec.projects:
        for indicator in project.indicators:
            at = indicator.where.of("target")
            assert at.sheet is None
            assert SEED_LINES[at.line - 1].strip() == indicator.target_text, indicator.name


def test_nothing_found_names_a_documents_table_not_a_worksheet() -> None:
    imported = read_document(text_parts("\t甲\n\t乙\n", source="说明.txt"), source="说明.txt")
    assert [(f.code, f.place) for f in imported.findings] == [
        ("IK701", "说明.txt:1:2"),
        ("IK622", "说明.txt"),  # the whole document
    ]
    assert imported.findings[0].message.startswith("这张表格里没有找到绩效表")
    assert "in this table" in imported.findings[0].message
    assert "工作" not in imported.findings[0].message + imported.findings[1].message


def _text_table(rows: list[list[str]]) -> str:
    """A table in the text form: a cell a line after a tab, a blank line after each row."""
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


def test_a_department_table_in_the_text_form_states_the_departments_facts() -> None:
    """The text form reads the department and programme tables as Word does: the year a
    table states is taken before the latest year the prose mentions (no IK615); the table's
    programme is the department's, located at its own line; a second table giving another
    code keeps the first and says so where it stands (IK619)."""
    text = (
        "一、总体绩效目标\n总体绩效目标是：做好2025年的法律援助。\n"
        + _text_table([["部门编码", "315001"], ["部门名称", "司法局"], ["年度", "2024"]])
        + "二、分项绩效目标\n"
        + _text_table(
            [
                ["分项名称", "法治宣传"],
                ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "场次", "≥20场"],
            ]
        )
        + "三、工作保障措施\n"
        + _text_table([["部门编码", "999999"], ["部门名称", "司法局"]])
    )
    imported = read_document(text_parts(text, source="部门.txt"), source="部门.txt")
    assert imported.spec is not None and imported.spec.department is not None
    department = imported.spec.department
    assert (department.code, department.name, department.year) == ("315001", "司法局", 2024)
    assert department.overall_goal == "做好2025年的法律援助。"
    (programme,) = department.programmes
    assert [i.name for i in programme.indicators] == ["场次"]
    lines = text.splitlines()
    assert (
        lines[int(str(programme.indicators[0].where.of("target")).split(":")[0]) - 1] == "\t≥20场"
    )
    said = [(f.code, f.line) for f in imported.findings]
    assert said == [("IK619", lines.index("\t部门编码", 10) + 1)], imported.findings
