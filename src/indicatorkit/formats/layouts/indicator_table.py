"""An indicator table of layouts A, C–J read whole: its header taken (IK707 for a column not
kept), each row read (:mod:`~indicatorkit.formats.layouts.indicator_row`), and the points a
level-1 cell prints (``产出指标(50分)``) checked against its rows' weights (IK711).
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction

from indicatorkit.formats.layouts.indicator_header import Table, claim_header
from indicatorkit.formats.layouts.indicator_row import read_indicator_row
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.table_words import POINTS
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Indicator

__all__ = ["check_level_points", "read_indicators"]


def read_indicators(sheet: SheetReading, table: Table) -> list[tuple[Indicator, int]]:
    """The indicators of ``table`` with their rows (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.layouts.indicator_header import find_table
    >>> from indicatorkit.formats.layouts.sheet import SheetReading
    >>> grid = grid_from_rows("表", [["一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ...                             ["产出指标(50分)", "数量指标", "受理数", "≥180件", "30"],
    ...                             ["产出指标(50分)", "质量指标", "办结率", "≥95%", "10"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> [i.name for i, _ in read_indicators(sheet, find_table(sheet, 1, 3))]
    ['受理数', '办结率']
    >>> [(f.code, f.place) for f in sheet.findings]
    [('IK711', '表.xlsx:表!A2')]
    """
    claim_header(sheet, table)
    found: list[tuple[Indicator, int]] = []
    for row in range(table.header + 1, table.end + 1):
        made = read_indicator_row(sheet, table, row)
        if made is not None:
            found.append((made, row))
    check_level_points(sheet, table, found, range(table.header + 1, table.end + 1))
    return found


def check_level_points(
    sheet: SheetReading, table: Table, found: list[tuple[Indicator, int]], rows: range
) -> None:
    """Points printed in the level-1 cells of ``rows`` against the weights of ``found``:
    IK711, a warning when they disagree, information when the rows have no weights.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["一级指标"], ["产出指标(50分)"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> check_level_points(sheet, Table(1, {1: "level1"}, 2), [], range(2, 3))
    >>> [f.severity.name for f in sheet.findings]
    ['INFO']
    """
    if not table.has("level1"):
        return
    column = table.column("level1")
    printed: dict[str, tuple[Fraction, int]] = {}
    for row in rows:
        cell = sheet.grid.cell(row, column)
        if cell is None:
            continue
        match = POINTS.match(unicodedata.normalize("NFKC", cell.text.strip()))
        if match and match.group(1).strip() and "年度绩效目标" not in match.group(1):
            printed.setdefault(match.group(1).strip(), (Fraction(match.group(2)), row))
    for level, (points, row) in printed.items():
        weights = [i.weight for i, _ in found if i.level1 == level]
        if not weights or any(w is None for w in weights):
            sheet.say(
                "IK711",
                Severity.INFO,
                f"“{level}”印有 {points} 分，但各指标没有分值；打分时按规则集的权重 "
                f"(level points printed, no per-row weights: scoring uses the rule set's)",
                row,
                column,
            )
            continue
        total = sum((w for w in weights if w is not None), Fraction(0))
        if total != points:
            sheet.say(
                "IK711",
                Severity.WARNING,
                f"“{level}”印的是 {points} 分，各指标分值合计 {total} "
                f"(the level prints {points} points; its rows add up to {total})",
                row,
                column,
            )
