"""One budget reader, one money-cell reader and one unit rule for every layout: the defects
the two copies had (issue 21's follow-ups), each shown on the table that exposed it."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from indicatorkit import read
from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.grid_reading import GridReading, MoneyUnit
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.layouts.read import read_grids
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.language import Amount
from indicatorkit.units import unit


def _money(value: str, name: str = "万元") -> Amount:
    return Amount(Fraction(value), unit(name))


def _codes(imported: Imported) -> list[str]:
    return [f.code for f in imported.findings]


# -- one money cell, one order ---------------------------------------------------------------


def test_a_comma_that_groups_nothing_is_not_a_thousands_separator() -> None:
    """``1,2`` was 12 to the central reader (it stripped commas, then read a decimal) and an
    error to the layouts (they read the text as an actual first); one order now: the text is
    read as an actual, whose grouping must be by three, so ``1,2`` is IK709 in both."""
    grid = grid_from_rows("表", [["1,2", "1,200.50", "1，200"]], source="表.xlsx")
    for reading in (GridReading(grid), SheetReading.of(grid, "表.xlsx")):
        read_ = [reading.money(grid.cell(1, c), MoneyUnit("万元")) for c in (1, 2, 3)]
        assert read_ == [None, _money("1200.5"), _money("1200")]
        assert [(f.code, f.column) for f in reading.findings] == [("IK709", 1)]


def test_a_percentage_cell_is_not_money(tmp_path: Path) -> None:
    """A numeric cell formatted as a percentage (0.95 shown ``95%``) was 0.95 of the unit to
    the layouts' reader; it is not an amount (IK709), as the central reader said."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位：元"])
    sheet.append(["项目名称", "法律援助"])
    sheet.append(["预算数", 0.95])
    sheet["B3"].number_format = "0%"
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["产出指标", "数量指标", "受理数", "≥180件"])
    book.save(tmp_path / "表.xlsx")
    imported = read(tmp_path / "表.xlsx")
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.budget is None
    assert [f.place.split("!")[1] for f in imported.findings if f.code == "IK709"] == ["B3"]


# -- the sheet's money unit holds for every project under it ---------------------------------


def _two_projects(path: Path, second_unit: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "目标表"
    sheet.append(["单位：万元"])
    for name, amount in (("法律援助", 12), ("普法宣传", 8)):
        if name == "普法宣传" and second_unit is not None:
            sheet.append([f"单位：{second_unit}"])
        sheet.append(["项目名称", name])
        sheet.append(["预算数", amount])
        sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
        sheet.append(["产出指标", "数量指标", "受理数", "≥180件"])
        for _ in range(6):  # more than a title block's rows between the projects
            sheet.append(["说明：以上指标按年度考核"])
    book.save(path)
    return path


def test_a_second_project_reads_its_amounts_in_the_sheet_s_unit(tmp_path: Path) -> None:
    """The unit was looked for in each project's first rows only: the second project's 8 was
    read as 8元 (with IK713 "no unit stated") under the sheet's ``单位：万元``."""
    imported = read(_two_projects(tmp_path / "两个项目.xlsx"))
    assert imported.spec is not None
    budgets = [p.budget.total for p in imported.spec.projects if p.budget is not None]
    assert budgets == [_money("12"), _money("8")]
    assert "IK713" not in _codes(imported)
    (said,) = [f for f in imported.findings if f.code == "IK414"]
    assert said.place.endswith("两个项目.xlsx:目标表!B13")  # the amount read in 万元
    assert "A1" in said.message and "万元" in said.message


def _caption_states_its_unit(path: Path) -> Path:
    """Two projects under the sheet's ``单位：万元``; the second's budget caption states
    ``单位：元``, and its 调整后预算 label holds a bare 9 with no unit of its own."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "目标表"
    sheet.append(["单位：万元"])
    sheet.append(["项目名称", "法律援助"])
    sheet.append(["预算数", 12])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["产出指标", "数量指标", "受理数", "≥180件"])
    for _ in range(6):  # more than a title block's rows between the projects
        sheet.append(["说明：以上指标按年度考核"])
    sheet.append(["项目名称", "普法宣传"])  # row 12
    sheet.append(["调整后预算", 9])  # row 13: no unit beside it, read in the sheet's 万元
    sheet.append(["预算执行情况（单位：元）", "预算数", "执行数"])
    sheet.append(["年度资金总额", 80000, 76000])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["产出指标", "数量指标", "宣传场次", "≥12场"])
    book.save(path)
    return path


def test_ik414_only_where_a_number_is_read_in_the_unit_from_above(tmp_path: Path) -> None:
    """IK414 ("the unit stated above applies") was said at every project that took the sheet's
    unit, even when its budget caption stated its own and no number was read in the unit from
    above; it is said at the first bare amount read in it — here the 调整后预算 label, never
    the budget read in the caption's 元."""
    imported = read(_caption_states_its_unit(tmp_path / "两个项目.xlsx"))
    assert imported.spec is not None
    first, second = imported.spec.projects
    assert first.budget is not None and first.budget.total == _money("12")
    assert second.budget is not None and second.budget.total == _money("80000", "元")
    assert second.executed == _money("76000", "元")
    assert second.adjusted_budget == _money("9")
    (said,) = [f for f in imported.findings if f.code == "IK414"]
    assert said.place.endswith("两个项目.xlsx:目标表!B13")
    assert "A1" in said.message and "万元" in said.message


def test_no_ik414_when_every_amount_of_the_block_states_its_unit(tmp_path: Path) -> None:
    path = _caption_states_its_unit(tmp_path / "两个项目.xlsx")
    book = openpyxl.load_workbook(path)
    book["目标表"]["B13"] = "9万元"  # the label's amount now says its unit
    book.save(path)
    imported = read(path)
    assert imported.spec is not None
    assert imported.spec.projects[1].adjusted_budget == _money("9")
    assert "IK414" not in _codes(imported)


def test_a_project_s_own_unit_is_nearer_than_the_sheet_s(tmp_path: Path) -> None:
    imported = read(_two_projects(tmp_path / "两个项目.xlsx", second_unit="元"))
    assert imported.spec is not None
    budgets = [p.budget.total for p in imported.spec.projects if p.budget is not None]
    assert budgets == [_money("12"), _money("8", "元")]
    assert "IK414" not in _codes(imported)


# -- one rule for a row with no cell of its own ----------------------------------------------

_DECLARATION = [
    ["单位：元"],
    ["项目名称", "法律援助"],
    ["预算数", "100"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "受理数", "≥180件"],
    [None, None, None, None],
    ["产出指标", "质量指标", "结案率", "≥95%"],
]
_SELF_ASSESSMENT = [
    ["项目名称", "法律援助"],
    ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额", "10", "12", "11.4", "10", "95%", "9.5"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "受理数", "≥180件", "200件", "90", "90"],
    [None] * 7,
    ["总分", None, None, None, None, "100", "99.5"],
]


def _indicators_and_ik704(
    rows: list[list[str | None]], merged: range
) -> tuple[list[str], list[str]]:
    grid = grid_from_rows("表", rows, merges=[(5, c, 6, c) for c in merged], source="表.xlsx")
    imported = read_grids([grid], source="表.xlsx")
    assert imported.spec is not None
    names = [i.name for p in imported.spec.projects for i in p.indicators]
    return names, [f.place.split("!")[1] for f in imported.findings if f.code == "IK704"]


@pytest.mark.parametrize("rows", [_DECLARATION, _SELF_ASSESSMENT], ids=["layouts", "central"])
def test_a_tall_indicator_row_is_read_once(rows: list[list[str | None]]) -> None:
    """Every cell of row 6 is merged down from row 5: the layouts read 受理数 twice (silently),
    the central reader once; one rule now — the row continues the indicator above."""
    names, leftovers = _indicators_and_ik704(rows, range(1, len(rows[4]) + 1))
    assert names.count("受理数") == 1
    assert leftovers == []


@pytest.mark.parametrize("rows", [_DECLARATION, _SELF_ASSESSMENT], ids=["layouts", "central"])
def test_a_row_under_merged_level_names_only_is_an_empty_template_row(
    rows: list[list[str | None]],
) -> None:
    """Row 6 has only 产出指标 and 数量指标 merged down from row 5 — no name, no target: the
    central reader skipped it without a word, the layouts said IK704; both say IK704 now."""
    names, leftovers = _indicators_and_ik704(rows, range(1, 3))
    assert names.count("受理数") == 1
    assert leftovers == ["A6"]


# -- one budget-block reader -----------------------------------------------------------------

_HEAD = [
    "项目资金（万元）",
    None,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
]
_TABLE = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "受理数", "≥180件", "200件", "90", "90"],
]


def _central(*rows: list[str | None], head: list[str | None] = _HEAD) -> Imported:
    """A central 自评表 whose budget block is ``head`` and ``rows`` (column A merged down)."""
    grid = grid_from_rows(
        "自评表",
        [["单位：万元"], ["项目名称", "法律援助"], head, *rows, *_TABLE],
        merges=[(3, 1, 3 + len(rows), 1)],
        source="自评表.xlsx",
    )
    return read_grids([grid], source="自评表.xlsx")


def _at(imported: Imported, code: str) -> list[str]:
    return [f.place.split("!")[1] for f in imported.findings if f.code == code]


def test_a_cell_beside_the_central_budget_block_is_said_not_swallowed() -> None:
    """The central reader took whole rows of the block, so a 备注 column and the note under it
    vanished without a word; the one reader reads the columns it knows (IK707 for the header
    it does not) and leaves the note to IK716, as the layouts did."""
    imported = _central(
        [None, "年度资金总额", "10", "12", "11.4", "10", "95%", "9.5", "调整了两次"],
        head=[*_HEAD, "备注"],
    )
    assert imported.spec is not None
    assert imported.spec.projects[0].budget is not None
    assert _at(imported, "IK707") == ["I3"]
    assert _at(imported, "IK716") == ["I4"]


def test_a_central_caption_unit_that_disagrees_with_the_title_is_said() -> None:
    """``单位：万元`` over ``项目资金（元）``: read in the caption's 元 by both readers, but only
    the layouts said so (IK713); now the central form does too."""
    head = ["项目资金（元）", *_HEAD[1:]]
    imported = _central([None, "年度资金总额", "10", "12", "11.4", "10", "95%", "9.5"], head=head)
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.budget is not None and project.year_budget == _money("12", "元")
    assert _at(imported, "IK713") == ["A3"]


def test_points_in_words_are_not_said_to_be_scored() -> None:
    """The central reader said "scoring takes the printed points" of a 分值 of ``十分``, which
    scoring cannot take; the one IK715 says the rule set's weight is used."""
    imported = _central([None, "年度资金总额", "10", "12", "11.4", "十分", "95%", "9.5"])
    assert imported.spec is not None
    assert imported.spec.projects[0].budget_weight is None
    (said,) = [f.message for f in imported.findings if f.code == "IK715"]
    assert "不是数" in said and "规则集的分值" in said


def test_an_unlabelled_first_row_is_not_guessed_to_be_the_total() -> None:
    """A block with row labels whose first row has none: the layouts took it for the total
    (a guess, said nowhere), the central reader said IK721; both say IK721 and read no budget."""
    grid = grid_from_rows(
        "表",
        [
            ["单位：万元"],
            ["项目名称", "法律援助"],
            ["预算执行情况", "年初预算数", "全年预算数", "全年执行数"],
            [None, "10", "12", "11.4"],
            ["其他资金", "0", "0", "0"],
            *[row[:4] for row in _TABLE],
        ],
        source="表.xlsx",
    )
    imported = read_grids([grid], source="表.xlsx")
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.budget is None and project.executed is None
    assert _at(imported, "IK721") == ["B4"]


def test_a_block_without_row_labels_has_the_caption_for_its_label() -> None:
    """Hubei's one row under ``预算执行情况（万元）（20分）`` (merged down, or the merge lost in
    a Word or PDF table) is the total: the caption names it."""
    rows = [
        ["项目名称", "农村饮水安全"],
        ["预算执行情况（万元）（20分）", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分"],
        [None, "200", "190", "95%", "19"],
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ["产出指标", "数量指标", "新建水厂", "≥2座", "2座", "20"],
    ]
    for merges in ([(2, 1, 3, 1)], []):
        grid = grid_from_rows("湖北自评表", rows, merges=merges, source="表.xlsx")
        imported = read_grids([grid], source="表.xlsx")
        assert imported.spec is not None
        (project,) = imported.spec.projects
        assert project.budget is not None and project.budget.total == _money("200")
        assert project.budget_weight == 20
        assert "IK721" not in _codes(imported)
