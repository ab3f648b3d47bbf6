"""PDF self-assessment tables: text-based PDFs built in the suite, read with their actuals,
weights and printed scores; scans get a needs-OCR finding."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from indicatorkit import parse_actual, read
from indicatorkit.formats.files import detect_format
from indicatorkit.formats.pdf import CODES, read_pdf
from indicatorkit.model.findings import Severity
from tests.pdf_maker import make_pdf

pytest.importorskip("pdfplumber")

HEADER = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]


def self_assessment(name: str = "法律援助", *, total: str = "100") -> list[list[str | None]]:
    """A central-layout self-assessment table (layout B) with the leftovers real ones keep."""
    return [
        ["项目名称", name],
        ["主管部门", "玉田县司法局", "实施单位", "(315001)玉田县司法局本级"],
        [
            "项目资金（万元）",
            "年初预算数",
            "全年预算数(A)",
            "全年执行数(B)",
            "分值",
            "执行率(B/A)",
            "得分",
        ],
        ["年度资金总额", "1", "1.2", "1.08", "10", "90%", "9"],
        ["其中：当年财政拨款", "0.8", "1", "0.9", "—", "—", "—"],
        ["上年结转资金", "0.2", "0.2", "0.18", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        [None, "受理法律援助案件180件以上", "受理175件"],
        HEADER,
        [
            "产出指标(50分)",
            "数量指标",
            "指标1:法律援助案件受理数",
            "≥180件",
            "175件",
            "30",
            "29.17",
            "案件数略少",
        ],
        [None, "质量指标", "指标2:结案率", "≥95%", "96%", "20", "20", ""],
        [None, None, "指标3:", "", "", "", "", ""],
        ["满意度指标(40分)", "服务对象满意度指标", "受援人满意度", "≥90%", "92%", "40", "40", "0"],
        ["总分", "", "", "", "", total, "98.17", "优"],
    ]


def test_a_self_assessment_lands_with_actuals_weights_and_scores() -> None:
    imported = read_pdf(make_pdf([[self_assessment()]]), source="自评.pdf")
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert (project.number, project.name, project.unit) == (
        1,
        "法律援助",
        "(315001)玉田县司法局本级",
    )
    assert project.goal == "受理法律援助案件180件以上" and project.goal_outcome == "受理175件"
    # 年度资金总额's 年初预算数 is the budget, its 全年预算数(A) the adjusted budget (every layout)
    assert project.budget is not None and project.budget.total == parse_actual("1万元")
    assert project.adjusted_budget == project.year_budget == parse_actual("1.2万元")
    assert project.executed == parse_actual("1.08万元")
    assert [(s.name, s.initial, s.budget, s.executed) for s in project.fund_sources] == [
        ("当年财政拨款", parse_actual("0.8万元"), parse_actual("1万元"), parse_actual("0.9万元")),
        (
            "上年结转资金",
            parse_actual("0.2万元"),
            parse_actual("0.2万元"),
            parse_actual("0.18万元"),
        ),
        ("其他资金", None, None, None),
    ]
    rows = [
        (i.level1, i.level2, i.name, i.target_text, i.actual, i.weight, i.evaluator_score, i.reason)
        for i in project.indicators
    ]
    assert rows == [
        (
            "产出指标",
            "数量指标",
            "法律援助案件受理数",
            "≥180件",
            "175件",
            30,
            Fraction("29.17"),
            "案件数略少",
        ),
        ("产出指标", "质量指标", "结案率", "≥95%", "96%", 20, 20, ""),
        ("满意度指标", "服务对象满意度指标", "受援人满意度", "≥90%", "92%", 40, 40, "0"),
    ]


def test_what_the_spec_has_no_place_for_is_said_not_dropped() -> None:
    imported = read_pdf(make_pdf([[self_assessment()]]), source="自评.pdf")
    said = [(f.code, f.severity, f.place) for f in imported.findings]
    assert said == [
        ("IK715", Severity.INFO, "自评.pdf:第1页!E4"),  # the budget line's printed points
        ("IK707", Severity.INFO, "自评.pdf:第1页!B2"),  # 主管部门
        ("IK706", Severity.INFO, "自评.pdf:第1页!C11"),  # 指标1:
        ("IK706", Severity.INFO, "自评.pdf:第1页!C12"),  # 指标2:
        ("IK704", Severity.WARNING, "自评.pdf:第1页!C13"),  # the template row "指标3:"
        ("IK712", Severity.INFO, "自评.pdf:第1页!A15"),  # the printed total and grade
    ]
    assert "玉田县司法局" in imported.findings[1].message
    assert "98.17" in imported.findings[-1].message and "优" in imported.findings[-1].message


def test_several_projects_and_pages() -> None:
    data = make_pdf([[self_assessment("甲")], [self_assessment("乙")]])
    imported = read_pdf(data, source="x.pdf")
    assert [p.name for p in imported.spec.projects] == ["甲", "乙"]
    assert {f.sheet for f in imported.findings} == {"第1页", "第2页"}


def test_a_total_that_disagrees_is_reported() -> None:
    imported = read_pdf(make_pdf([[self_assessment(total="95")]]), source="x.pdf")
    wrong = [f for f in imported.findings if f.code == "IK722"]
    assert len(wrong) == 1 and wrong[0].place == "x.pdf:第1页!F15"


def test_a_bad_number_is_a_located_error_and_the_row_keeps_its_target() -> None:
    table = self_assessment()
    table[10] = [*table[10][:5], "三十", *table[10][6:]]
    imported = read_pdf(make_pdf([[table]]), source="x.pdf")
    bad = [f for f in imported.findings if f.code == "IK709"]
    assert [(f.place, f.severity) for f in bad] == [("x.pdf:第1页!F11", Severity.ERROR)]
    assert imported.spec.projects[0].indicators[0].weight is None


def test_a_scan_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "扫描.pdf"
    path.write_bytes(make_pdf([[self_assessment()]], text=False))
    imported = read(path)
    assert imported.spec is None
    (finding,) = imported.findings
    assert finding.code == "IK650" and "OCR" in finding.message and finding.suggestion


def test_a_pdf_with_no_self_assessment_table() -> None:
    imported = read_pdf(make_pdf([[[["甲", "乙"], ["丙", "丁"]]]]), source="x.pdf")
    assert imported.spec is None
    assert [(f.code, f.place) for f in imported.findings] == [
        ("IK701", "x.pdf:第1页!A1"),  # no 绩效 table in the grid
        ("IK622", "x.pdf"),  # nothing to import in the whole file
    ]


def test_a_damaged_pdf() -> None:
    imported = read_pdf(b"%PDF-1.4\n garbage", source="坏.pdf")
    assert imported.spec is None and [f.code for f in imported.findings] == ["IK655"]
    assert detect_format(b"%PDF-1.4\n garbage") == "pdf"


def test_every_code_is_documented() -> None:
    assert set(CODES) == {"IK650", "IK655"}  # a PDF's tables say the layout readers' codes
    text = (Path(__file__).parents[1] / "docs" / "import-export.md").read_text(encoding="utf-8")
    assert all(f"| {code} |" in text for code in CODES)


def test_the_same_table_in_word_and_in_the_text_form(tmp_path: Path) -> None:
    """A self-assessment table is read the same from a PDF, a Word document and text."""
    docx = pytest.importorskip("docx")
    import io

    table = self_assessment()
    document = docx.Document()
    document.add_paragraph("2024年度项目支出绩效自评表")
    width = max(len(row) for row in table)
    grid = document.add_table(rows=len(table), cols=width)
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            if text is None:
                grid.cell(r - 1, c).merge(grid.cell(r, c))
            else:
                grid.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "自评.docx").write_bytes(buffer.getvalue())
    text_form = "\n\n".join("\n".join("\t" + (cell or "") for cell in row) for row in table)
    (tmp_path / "自评.txt").write_text("2024年度项目支出绩效自评表\n" + text_form, encoding="utf-8")
    from_pdf = read_pdf(make_pdf([[table]]), source="自评.pdf").spec
    from_word = read(tmp_path / "自评.docx")
    from_text = read(tmp_path / "自评.txt")
    # all three are grids read by the same layout reader
    assert from_pdf is not None and from_word.spec == from_pdf and from_text.spec == from_pdf
    for imported in (from_word, from_text):
        title = imported.findings[-1]  # the title carries the year: said (after the table)
        assert (title.code, title.line, title.sheet) == ("IK617", 1, None)
        assert "2024年度" in title.message
    said = [sorted(f.code for f in imported.findings[:-1]) for imported in (from_word, from_text)]
    assert said[0] == said[1] == ["IK704", "IK706", "IK706", "IK707", "IK712", "IK715"]
    unkept = next(f for f in from_text.findings if f.code == "IK707")  # 主管部门, on its line
    assert (unkept.line, unkept.column, unkept.source_line) == (6, 2, " 玉田县司法局")
