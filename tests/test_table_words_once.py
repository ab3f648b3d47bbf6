"""The words of 绩效 tables said once (issue 21's follow-ups): the level-1 points check, the
money units and a title's unit, the header roles, a long table's header — one reader each, so
the layouts read alike; where two copies differed, the behaviour of the right one, shown."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from indicatorkit import parse_target
from indicatorkit.formats.central_budget import read_budget_block
from indicatorkit.formats.central_table import find_indicator_table
from indicatorkit.formats.central_table import read_indicators as read_central_indicators
from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.grid_reading import GridReading
from indicatorkit.formats.layouts.indicator_header import find_table
from indicatorkit.formats.layouts.indicator_table import read_indicators
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.long_table_departments import holds_its_actuals
from indicatorkit.formats.table_words import (
    MONEY_WORDS,
    caption_money_unit,
    indicator_column,
    is_title,
    layout_column,
    stated_money_unit,
)
from indicatorkit.language.bare_numbers import other_reading
from indicatorkit.units import default_registry

_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "分值"]


def _codes(findings: list) -> list[tuple[str, str, int]]:
    return [(f.code, f.severity.name, f.line) for f in findings]


# ---- IK711: one check, for the central table and the other layouts ----


def test_a_central_table_says_level_points_over_rows_without_weights() -> None:
    # the central copy said nothing when the rows had no 分值: the printed points were lost
    grid = grid_from_rows(
        "申报表",
        [
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标(50分)", "数量指标", "受理数", "≥180件"],
        ],
    )
    reading = GridReading(grid)
    read_central_indicators(reading, find_indicator_table(grid, 1))
    assert ("IK711", "INFO", 2) in _codes(reading.findings)


def test_a_wrapped_level_cell_is_checked_in_every_layout() -> None:
    # ``产出指标`` above ``（50分）`` in one cell: the layouts' copy never matched it
    rows = [
        _HEADER,
        ["产出指标\n（50分）", "数量指标", "受理数", "≥180件", "30"],
        [None, "质量指标", "办结率", "≥95%", "10"],
    ]
    grid = grid_from_rows("表", rows, merges=[(2, 1, 3, 1)])
    sheet = SheetReading.of(grid, "表.xlsx")
    found = read_indicators(sheet, find_table(sheet, 1, 3))
    assert [i.level1 for i, _ in found] == ["产出指标", "产出指标"]
    assert [(c, s) for c, s, _ in _codes(sheet.findings) if c == "IK711"] == [("IK711", "WARNING")]
    central = GridReading(grid)
    read_central_indicators(central, find_indicator_table(grid, 1))
    assert [(c, s) for c, s, _ in _codes(central.findings) if c == "IK711"] == [
        ("IK711", "WARNING")
    ]


@given(st.lists(st.integers(0, 40), min_size=1, max_size=4), st.integers(0, 100))
def test_both_tables_agree_on_level_points(weights: list[int], points: int) -> None:
    rows = [_HEADER] + [
        [f"产出指标({points}分)", "数量指标", f"数{n}", "≥1件", str(w)] for n, w in enumerate(weights)
    ]
    grid = grid_from_rows("表", rows)
    sheet = SheetReading.of(grid, "表.xlsx")
    read_indicators(sheet, find_table(sheet, 1, len(rows)))
    central = GridReading(grid)
    read_central_indicators(central, find_indicator_table(grid, 1))
    layouts = [f for f in _codes(sheet.findings) if f[0] == "IK711"]
    assert layouts == [f for f in _codes(central.findings) if f[0] == "IK711"]
    assert layouts == ([] if sum(weights) == points else [("IK711", "WARNING", 2)])


# ---- money units: the registry's, one list, one reader of a title's unit ----


def test_the_money_units_are_the_registrys() -> None:
    registry = default_registry()
    assert set(MONEY_WORDS) == {
        w for w in registry.known_unit_words() if registry.unit(w).dimension == "[money]"
    }
    for word in MONEY_WORDS:
        assert caption_money_unit(f"项目资金（{word}）") == word
        assert stated_money_unit(f"单位：{word}") == (word, True)
        assert is_title(f"单位：{word}")


def test_a_title_unit_in_brackets_is_read_by_the_layouts_too() -> None:
    # ``单位（万元）`` was read by the central layout only; the others read the amounts in 元
    grid = grid_from_rows("表", [["项目支出绩效目标表"], ["单位（万元）"], ["预算数", "12"]])
    sheet = SheetReading.of(grid, "表.xlsx")
    assert sheet.money_unit(1, 3) == "万元"
    assert str(sheet.money(grid.cell(3, 2), "万元")) == "12万元"


def test_a_title_unit_with_more_words_is_read_and_its_words_kept() -> None:
    rows = [
        ["单位：万元（保留两位小数）"],
        ["项目资金", "年度资金总额：12"],
    ]
    grid = grid_from_rows("表", rows)
    reading = GridReading(grid)
    block = read_budget_block(reading, grid.cell(2, 1))
    assert str(block.fields["budget"].total) == "12万元"
    reading.report_unread()
    assert [(f.code, f.line) for f in reading.findings] == [("IK716", 1)]  # not lost


def test_a_user_money_unit_is_a_reading_of_a_bare_number() -> None:
    registry = default_registry().define("百万元 = 1000000 * 元")
    target = parse_target("≥1000000元")
    assert str(other_reading(Fraction(1), target, registry)) == "1百万元"
    assert str(other_reading(Fraction(1), target)) == "1万元"  # the shipped units: as before


# ---- header roles, written once ----


def test_the_header_roles_both_tables_share_read_alike() -> None:
    shared = ["一级指标", "二级指标", "三级指标", "实际完成值", "分值", "权重", "年度指标值"]
    shared += ["计量单位", "偏差原因", "改进措施"]
    for header in shared:
        assert indicator_column(header) == layout_column(header), header
    # 改进措施 alone was read by the central table only
    assert layout_column("改进措施") == "reason"
    # the differences that are meant: 得分 and 单位 alone
    assert (indicator_column("得分"), layout_column("得分")) == ("score", "evaluator_score")
    assert (indicator_column("单位"), layout_column("单位")) == ("unit", "project_unit")


# ---- a long table's header, parsed by its reader ----


def test_a_quoted_long_table_header_holds_its_actuals() -> None:
    header = '"项目编号","三级指标",指标值,"实际完成值"\n1,受理数,≥1件,2件\n'
    assert holds_its_actuals(header.encode(), "表.csv")
    assert not holds_its_actuals('"项目编号","三级指标",指标值\n'.encode(), "表.csv")
