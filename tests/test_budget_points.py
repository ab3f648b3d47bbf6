"""The budget line's 分值 printed on the total row is read the same way by every layout:
``10``, ``10分`` and ``9.5 分`` are points; a dash or words leave the rule set's weight, and
the finding says which (it said "scoring takes it" while dropping ``10分``)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.layouts.budget_block import budget_header, read_budget
from indicatorkit.formats.layouts.sheet import SheetReading


def _read(points: str) -> tuple[object, list[str]]:
    grid = grid_from_rows(
        "表",
        [
            [
                "项目资金（万元）",
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
            ],
            ["年度资金总额", "10", "12", "11.4", points, "95%", "9.5"],
        ],
    )
    sheet = SheetReading.of(grid, "表.xlsx")
    header = budget_header(sheet, 1, 2)
    assert header is not None
    _, fields = read_budget(sheet, header, 2, None)
    said = [f.message for f in sheet.findings if f.code == "IK715"]
    return fields.get("budget_weight"), said


@pytest.mark.parametrize(
    ("points", "weight"),
    [("10", Fraction(10)), ("10分", Fraction(10)), ("9.5 分", Fraction(19, 2))],
)
def test_printed_points_are_the_budget_weight(points: str, weight: Fraction) -> None:
    read, said = _read(points)
    assert read == weight
    assert any("打分时用印出的分值" in message for message in said)


def test_points_that_are_not_a_number_leave_the_rule_set_s_weight_and_say_so() -> None:
    read, said = _read("十分")
    assert read is None
    assert any("不是数" in message and "规则集" in message for message in said)
