"""The words of 绩效 tables said once (issue 21's follow-ups): the level-1 points check, the
money units and a title's unit, the header roles, a long table's header — one reader each, so
the layouts read alike; where two copies differed, the behaviour of the right one, shown."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import lint, loads, parse_target
from indicatorkit.formats.central_budget import read_budget_block
from indicatorkit.formats.central_table import find_indicator_table
from indicatorkit.formats.central_table import read_indicators as read_central_indicators
from indicatorkit.formats.format import Probe
from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.grid_reading import GridReading, MoneyUnit
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
from indicatorkit.model.printed_score import printed_score_problem
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring import score_indicator
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
        [f"产出指标({points}分)", "数量指标", f"数{n}", "≥1件", str(w)]
        for n, w in enumerate(weights)
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
    unit = sheet.block_money_unit(1, 3)
    assert unit == MoneyUnit("万元")
    assert str(sheet.money(grid.cell(3, 2), unit)) == "12万元"


def test_a_title_unit_with_more_words_is_read_and_its_words_kept() -> None:
    rows = [
        ["单位：万元（保留两位小数）"],
        ["项目资金", "年度资金总额：12"],
    ]
    grid = grid_from_rows("表", rows)
    reading = GridReading(grid)
    block = read_budget_block(reading, grid.cell(2, 1), reading.block_money_unit(1, 1))
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
    assert holds_its_actuals(Probe(header.encode(), "表.csv"))
    assert not holds_its_actuals(Probe('"项目编号","三级指标",指标值\n'.encode(), "表.csv"))


# ---- a bare actual: lint's IK213, the printed-score check and scoring decide it one way ----


@settings(deadline=None, max_examples=60)
@given(
    value=st.fractions(min_value=Fraction(1, 1000), max_value=10**7, max_denominator=1000),
    target=st.sampled_from(["≤5万元", "≥95%", "≥100000元", "90%-100%", "≥700人次", "≥5"]),
)
def test_ik213_and_scoring_and_the_printed_score_agree_on_a_bare_actual(
    value: Fraction, target: str
) -> None:
    actual = format_decimal(value)
    spec = loads(
        f"项目 1 x\n  预算：1元\n  指标 产出指标 / 数量指标 / a\n    指标值：{target}\n"
        f"    实际值：{actual}\n    分值：10\n    自评得分：10\n"
    )
    indicator = spec.projects[0].indicators[0]
    doubtful = "IK213" in {f.code for f in lint(spec)}
    scored = score_indicator(indicator.target, actual, 10)
    assert doubtful == ("也可能是" in scored.message)
    if doubtful:  # undecided everywhere: no score, no verdict on the printed 得分
        assert scored.score is None
        assert printed_score_problem(indicator) is None
