"""An indicator table of layouts A, C–J read whole: its header taken (IK707 for a column not
kept), each row read (:mod:`~indicatorkit.formats.layouts.indicator_row`), and the points a
level-1 cell prints (``产出指标(50分)``) checked against its rows' weights (IK711).
"""

from __future__ import annotations

from indicatorkit.formats.layouts.indicator_header import Table, claim_header
from indicatorkit.formats.layouts.indicator_row import read_indicator_row
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.level_points import check_level_points
from indicatorkit.model.records import Indicator

__all__ = ["level1_column", "read_indicators"]


def level1_column(table: Table) -> int | None:
    """The column of ``table``'s level-1 names, ``None`` for none.

    >>> level1_column(Table(1, {2: "level1"}, 3)), level1_column(Table(1, {}, 3))
    (2, None)
    """
    return table.column("level1") if table.has("level1") else None


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
    check_level_points(sheet, level1_column(table), found, range(table.header + 1, table.end + 1))
    return found
