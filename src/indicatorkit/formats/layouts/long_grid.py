"""The library's own long table (:mod:`~indicatorkit.formats.long_table`: ``项目编号 | 项目名称 |
… | 三级指标 | 指标值 | …``, one indicator a row) found as a sheet of a workbook, or in any
other grid, and read by the same reader as the CSV
(:func:`~indicatorkit.formats.long_table_read.read_long_grid`): a project is the run of rows
with one 项目编号, whether its other cells stand on the first row only, are merged down, or
repeat on every row.  Findings name the sheet, row and column.
"""

from __future__ import annotations

from indicatorkit.formats.grid import Grid
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.long_columns import NAMES, REQUIRED
from indicatorkit.formats.long_table_read import read_long_grid
from indicatorkit.formats.table_text import header_key

__all__ = ["is_long_table", "read_long_table_grid"]


def is_long_table(grid: Grid) -> bool:
    """Whether the first row of ``grid`` is the library's long table header: it names
    项目编号, 三级指标 and 指标值, and only the long table's columns (a sheet of layout E2 with
    its ``预算数（万元）`` or ``类别`` is E2's reader's).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> is_long_table(grid_from_rows("表", [["项目编号", "项目名称", "三级指标", "指标值"]]))
    True
    >>> is_long_table(grid_from_rows("表", [["项目编号", "三级指标", "指标值", "预算数（万元）"]]))
    False
    """
    if not grid.sorted_rows:
        return False
    names = [header_key(c.text, NAMES) for c in grid.own_cells(grid.sorted_rows[0])]
    return None not in names and set(REQUIRED) <= set(names)


def read_long_table_grid(grid: Grid, *, source: str) -> Imported | None:
    """The spec of ``grid`` read as a long table when :func:`is_long_table`, else ``None``.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("长表", [["项目编号", "项目名称", "三级指标", "指标值"],
    ...                               ["1", "法律援助", "受理数", "≥180件"],
    ...                               ["1", "法律援助", "满意度", "≥90%"]], source="长表.xlsx")
    >>> [(p.number, p.name, len(p.indicators)) for p in read_long_table_grid(grid, source="长表.xlsx").spec.projects]
    [(1, '法律援助', 2)]
    """
    return read_long_grid(grid, source=source) if is_long_table(grid) else None
