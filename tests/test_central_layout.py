"""The central layout readers (formats.central_layout, central_budget, central_table): the
自评表 and the 申报表 of 财预〔2020〕10号 read the same from .xlsx, .docx and plain grids, with
the variants and mistakes units send."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.formats.central_layout import (
    GridProjects,
    central_kind,
    read_declaration_grid,
    read_self_assessment_grid,
)
from indicatorkit.formats.grid import Cell, Grid, grid_of
from indicatorkit.formats.grid_docx import docx_grids
from indicatorkit.formats.workbook_grid import load_grids, number_text
from indicatorkit.language import Amount
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import FundSource, Project
from indicatorkit.units import unit
from tests import central_layouts as layouts


def _money(value: str, name: str = "万元") -> Amount:
    return Amount(Fraction(value), unit(name))


def _xlsx(table: layouts.Table, tmp_path: Path, name: str = "自评表.xlsx") -> Grid:
    (grid,) = load_grids(layouts.to_xlsx(table, tmp_path / name), source=name)
    return grid


def _docx(table: layouts.Table, tmp_path: Path) -> Grid:
    path = layouts.to_docx(table, tmp_path / "自评表.docx")
    (grid,) = docx_grids(docx.Document(str(path)).element.body, source="自评表.docx")
    return grid


def _one(result: GridProjects) -> Project:
    ((project, _),) = result.projects
    return project


def _codes(result: GridProjects) -> list[str]:
    return [f.code for f in result.findings]


def _errors(result: GridProjects) -> list[str]:
    return [f.render() for f in result.findings if f.severity is Severity.ERROR]


def test_the_self_assessment_budget_is_the_total_rows_full_year_budget(tmp_path: Path) -> None:
    grid = _xlsx(layouts.self_assessment(), tmp_path)
    assert central_kind(grid) == "self_assessment"
    result = read_self_assessment_grid(grid)
    project = _one(result)
    assert project.budget is not None and project.budget.total == _money("10")  # 年初预算数
    assert project.executed == _money("11.4") and project.adjusted_budget == _money("12")  # 全年
    assert project.year_budget == _money("12") and project.budget.fiscal is None
    assert project.fund_sources == (
        FundSource("当年财政拨款", _money("10"), _money("12"), _money("11.4")),
        FundSource("上年结转资金", _money("0"), _money("0"), _money("0")),
        FundSource("其他资金", _money("0"), _money("0"), _money("0")),
    )
    assert (project.name, project.unit) == ("法律援助", "某县法律援助中心")
    assert project.goal == "1.办理法律援助案件180件"
    assert project.goal_outcome == "1.办理法律援助案件200件"
    assert [(i.level1, i.level2, i.name, i.actual) for i in project.indicators] == [
        ("产出指标", "数量指标", "受理数", "200件"),
        ("产出指标", "质量指标", "办结率", "96%"),  # 0.96 under 0%
        ("产出指标", "时效指标", "办结时间", "2024年12月20日"),  # a date cell
        ("效益指标", "社会效益指标", "群众知晓率", "95%"),
        ("满意度指标", "服务对象满意度指标", "满意度", "92%"),
    ]
    assert sum(i.weight or 0 for i in project.indicators) == 90
    assert _errors(result) == []
    # 总分 and 自评等级 as printed, the budget line's printed points, 主管部门: all located
    places = {(f.code, f.place) for f in result.findings}
    assert ("IK712", "自评表.xlsx:自评表!A18") in places
    assert ("IK712", "自评表.xlsx:自评表!A19") in places
    assert ("IK715", "自评表.xlsx:自评表!F6") in places
    assert ("IK707", "自评表.xlsx:自评表!B4") in places
    # every other cell landed; the year line is information the project does not keep
    assert [f.place for f in result.findings if f.code == "IK716"] == ["自评表.xlsx:自评表!A2"]


def test_a_word_table_reads_like_the_workbook(tmp_path: Path) -> None:
    table = layouts.self_assessment()
    from_xlsx = read_self_assessment_grid(_xlsx(table, tmp_path))
    from_docx = read_self_assessment_grid(_docx(table, tmp_path))
    assert _one(from_docx) == _one(from_xlsx)
    assert sorted(_codes(from_docx)) == sorted(_codes(from_xlsx))


@pytest.mark.parametrize("midterm", [False, True])
def test_the_declaration_keeps_its_budget_block_in_its_unit(midterm: bool, tmp_path: Path) -> None:
    grid = _xlsx(layouts.declaration(midterm=midterm), tmp_path, "申报表.xlsx")
    assert central_kind(grid) == "declaration"
    result = read_declaration_grid(grid)
    project = _one(result)
    assert project.budget is not None and project.budget.total == _money("12")
    assert project.fund_sources == (
        FundSource("财政拨款", budget=_money("10")),
        FundSource("其他资金", budget=_money("2")),
    )
    assert project.goal == "办理法律援助案件180件"
    assert [str(i.target) for i in project.indicators] == ["≥180件", "≥95%", "≥90%"]
    assert "IK713" not in _codes(result) and _errors(result) == []
    assert "IK707" in _codes(result)  # 中期目标, 主管部门及代码
    assert [f.line for f in result.findings if f.code == "IK716"] == [2]  # （2025年度）
    assert _codes(result).count("IK714") == (3 if midterm else 0)  # the 中期 side, located
    from_docx = read_declaration_grid(_docx(layouts.declaration(midterm=midterm), tmp_path))
    assert _one(from_docx) == project


def test_variants_read_spaced_labels_no_initial_column_budget_in_yuan(tmp_path: Path) -> None:
    table = layouts.self_assessment(
        unit="元", initial_column=False, spaced=True, goal_headers=("年度目标", "实际完成情况")
    )
    result = read_self_assessment_grid(_xlsx(table, tmp_path))
    project = _one(result)
    assert project.budget is not None and project.budget.total == _money("120000", "元")
    assert project.executed == _money("114000", "元") and project.adjusted_budget is None
    assert [s.name for s in project.fund_sources] == ["当年财政拨款", "上年结转资金", "其他资金"]
    assert project.goal == "1.办理法律援助案件180件" and len(project.indicators) == 5
    assert _errors(result) == []


def test_a_missing_total_label_is_a_located_error_never_a_budget_of_zero(tmp_path: Path) -> None:
    result = read_self_assessment_grid(_xlsx(layouts.self_assessment(total_label=False), tmp_path))
    project = _one(result)
    assert project.budget is None and project.executed is None
    errors = [f for f in result.findings if f.code == "IK721"]
    assert [f.place for f in errors] == ["自评表.xlsx:自评表!C6", "自评表.xlsx:自评表!A5"]
    assert all(f.severity is Severity.ERROR for f in errors)
    assert len(project.indicators) == 5  # the rest of the table still reads


def test_a_date_serial_actual_keeps_its_indicator_with_no_actual(tmp_path: Path) -> None:
    result = read_self_assessment_grid(_xlsx(layouts.self_assessment(serial_actual=True), tmp_path))
    project = _one(result)
    timely = project.indicators[2]
    assert (timely.name, timely.actual, timely.weight) == ("办结时间", None, 10)
    assert len(project.indicators) == 5
    (serial,) = [f for f in result.findings if f.code == "IK703"]
    assert serial.place == "自评表.xlsx:自评表!E15" and "2024年12月20日" in serial.message


def test_empty_rows_and_typos_in_headers(tmp_path: Path) -> None:
    table = layouts.self_assessment(empty_rows=True)
    rows = [list(r) for r in table.rows]
    rows[4] = [
        "项目资金（万元）",
        None,
        "年初预算",
        "全年预算",
        "全 年 执 行 数",
        "分值",
        "执行率",
        "得分",
    ]
    header = next(i for i, r in enumerate(rows) if r[0] == "一级指标")
    rows[header][7] = "偏差原因分折及改进措施"  # 析 typed as 折
    typo = layouts.Table(tuple(tuple(r) for r in rows), table.merges, table.formats)
    result = read_self_assessment_grid(_xlsx(typo, tmp_path))
    project = _one(result)
    assert project.budget is not None and project.budget.total == _money("10")  # 年初预算数
    assert project.year_budget == _money("12") and len(project.indicators) == 5
    assert _errors(result) == []


def test_a_budget_cell_that_is_no_amount_is_a_finding(tmp_path: Path) -> None:
    result = read_self_assessment_grid(
        _xlsx(layouts.self_assessment(amounts=(10, "十二万", 11.4)), tmp_path)
    )
    project = _one(result)
    assert project.budget is None and project.executed == _money("11.4")
    assert {f.code for f in result.findings if f.severity is Severity.ERROR} == {"IK709", "IK721"}


def test_other_layouts_are_left_to_the_other_readers() -> None:
    from indicatorkit.formats.grid import grid_from_rows

    transfer = grid_from_rows(
        "转移支付",
        [
            ["项目资金（万元）", "全年预算数(A)", "全年执行数(B)"],
            ["中央资金", "500", "480"],
            ["一级指标", "二级指标", "三级指标", "指标值", "完成值"],
        ],
    )
    assert central_kind(transfer) is None
    assert central_kind(transfer) is None


# --- any budget block reads back exactly -------------------------------------------------------

_amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)


def _cell(row: int, column: int, value: Decimal, as_number: bool) -> Cell:
    if as_number:
        return Cell(row, column, number_text(Fraction(value), False), Fraction(value))
    return Cell(row, column, f"{value:,.2f}", None)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.tuples(_amounts, _amounts, _amounts), min_size=1, max_size=4),
    initial_column=st.booleans(),
    money_unit=st.sampled_from(["万元", "元"]),
    as_numbers=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_any_budget_block_reads_back_exactly(
    rows: list[tuple[Decimal, Decimal, Decimal]],
    initial_column: bool,
    money_unit: str,
    as_numbers: list[bool],
) -> None:
    labels = ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"][: len(rows)]
    heads = ["年初预算数", "全年预算数", "全年执行数", "分值"]
    if not initial_column:
        heads = heads[1:]
    cells = {(1, 1): Cell(1, 1, "项目名称", None), (1, 2): Cell(1, 2, "甲", None)}
    cells[(2, 1)] = Cell(2, 1, f"项目资金（{money_unit}）", None)
    for column, head in enumerate(heads, 3):
        cells[(2, column)] = Cell(2, column, head, None)
    for index, (label, amounts) in enumerate(zip(labels, rows, strict=True)):
        row = 3 + index
        cells[(row, 2)] = Cell(row, 2, label, None)
        values = amounts if initial_column else amounts[1:]
        for offset, value in enumerate(values):
            cells[(row, 3 + offset)] = _cell(row, 3 + offset, value, as_numbers[index * 3 + offset])
    end = 3 + len(rows)
    for column, head in enumerate(
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"], 1
    ):
        cells[(end, column)] = Cell(end, column, head, None)
    for column, text in enumerate(["产出指标", "数量指标", "受理数", "≥1件", "1件"], 1):
        cells[(end + 1, column)] = Cell(end + 1, column, text, None)
    grid = grid_of("自评表", cells, [(2, 1, end - 1, 1)])
    project = _one(read_self_assessment_grid(grid))

    def money(value: Decimal) -> Amount:
        return Amount(Fraction(value), unit(money_unit))

    initial, full, executed = rows[0]
    assert project.budget is not None and project.year_budget == money(full)
    assert project.executed == money(executed)
    assert (project.budget.total, project.adjusted_budget) == (
        (money(initial), money(full)) if initial_column else (money(full), None)
    )
    assert project.fund_sources == tuple(
        FundSource(
            label.removeprefix("其中："),
            money(a) if initial_column else None,
            money(f),
            money(e),
        )
        for label, (a, f, e) in zip(labels[1:], rows[1:], strict=True)
    )


def test_a_read_project_round_trips_through_spec_text_and_json(tmp_path: Path) -> None:
    from indicatorkit import Spec, dumps, loads
    from indicatorkit.formats.json_data import from_json, to_json

    project = _one(read_self_assessment_grid(_xlsx(layouts.self_assessment(), tmp_path)))
    spec = Spec(projects=[project])
    assert loads(dumps(spec)) == spec
    assert "资金来源：当年财政拨款 年初 10万元 全年 12万元 执行 11.4万元；" in dumps(spec)
    assert from_json(to_json(spec)) == spec


# --- read() and import route the central layout to these readers ------------------------------


def _text_rows(table: layouts.Table) -> list[list[str | None]]:
    """The table as a PDF prints it: texts as shown, a merged cell empty under its first row."""
    covered = {
        (r, c)
        for top, left, bottom, right in table.merges
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
        if (r, c) != (top, left)
    }
    return [
        [
            None
            if (r, c) in covered or value is None
            else layouts.shown(value, table.formats.get((r, c)))
            for c, value in enumerate(row, 1)
        ]
        for r, row in enumerate(table.rows, 1)
    ]


def test_read_gives_the_total_budget_from_xlsx_docx_and_pdf(tmp_path: Path) -> None:
    from indicatorkit import read
    from indicatorkit.formats.pdf import read_pdf
    from tests.pdf_maker import make_pdf

    table = layouts.self_assessment()
    from_xlsx = read(layouts.to_xlsx(table, tmp_path / "自评表.xlsx"))
    from_docx = read(layouts.to_docx(table, tmp_path / "自评表.docx"))
    from_pdf = read_pdf(make_pdf([[_text_rows(table)]]), source="自评表.pdf")
    for imported in (from_xlsx, from_docx, from_pdf):
        assert imported.spec is not None
        (project,) = imported.spec.projects
        # the bug: the last row (其他资金 = 0) was read as the budget
        assert project.budget is not None and project.year_budget == _money("12")
        assert project.budget.total == _money("10")  # the 年初预算数, the 全年 beside it
        assert project.executed == _money("11.4")
        assert len(project.indicators) == 5
    assert from_docx.spec == from_xlsx.spec
    assert from_pdf.spec is not None and from_xlsx.spec is not None
    assert from_pdf.spec.projects[0].fund_sources == from_xlsx.spec.projects[0].fund_sources


def test_read_keeps_the_declarations_budget_block(tmp_path: Path) -> None:
    from indicatorkit import read

    imported = read(layouts.to_xlsx(layouts.declaration(), tmp_path / "申报表.xlsx", "申报表"))
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.budget is not None and project.budget.total == _money("12")
    assert "IK713" not in [f.code for f in imported.findings]  # no wrong "no money unit"
    assert imported.ok


def test_the_declarations_midterm_and_annual_indicators_side_by_side() -> None:
    """The central 申报表 prints 中期 and 年度 indicators side by side under 绩效指标: the year's
    are read, the mid-term columns are said (IK707) at the header."""
    from indicatorkit.formats.grid import grid_from_rows

    grid = grid_from_rows(
        "申报表",
        [
            ["项目名称", "法律援助"],
            ["项目资金（万元）", "年度资金总额：", "12"],
            [
                "绩效指标",
                "一级指标",
                "二级指标",
                "三级指标",
                "指标值",
                "二级指标",
                "三级指标",
                "指标值",
            ],
            [None, "产出指标", "数量指标", "三年受理数", "≥540件", "数量指标", "受理数", "≥180件"],
            [None, None, "质量指标", "结案率", "≥95%", "质量指标", "结案率", "≥96%"],
        ],
        merges=[(3, 1, 5, 1), (4, 2, 5, 2)],
    )
    assert central_kind(grid) == "declaration"
    result = read_declaration_grid(grid)
    project = _one(result)
    assert project.budget is not None and project.budget.total == _money("12")
    assert [(i.level1, i.level2, i.name, i.target_text) for i in project.indicators] == [
        ("产出指标", "数量指标", "受理数", "≥180件"),
        ("产出指标", "质量指标", "结案率", "≥96%"),
    ]
    assert [f.column for f in result.findings if f.code == "IK707"] == [3, 4, 5]
    assert _errors(result) == []
