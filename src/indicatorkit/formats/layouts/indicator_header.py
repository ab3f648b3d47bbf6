"""Where an indicator table stands on a sheet (layouts A, C–J): its header row — ``一级指标`` with
``二级指标`` or ``三级指标``, or ``指标名称`` with ``指标值`` — the role of each column
(:func:`~indicatorkit.formats.table_words.layout_column`; the first column of a role wins) and
its last row, before a 总分 row, a printed grade or the next project's label.
"""

from __future__ import annotations

import attrs

from indicatorkit.formats.grid import key
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.table_words import GRADE_WORDS, TABLE_END_LABELS, layout_column
from indicatorkit.model.findings import Severity

__all__ = ["Table", "claim_header", "find_table"]

#: A header cell is short; a sentence mentioning 一级指标 is not a header.
_HEADER_LENGTH = 16


@attrs.frozen
class Table:
    """An indicator table: its header row, the role of each column, and its last row.

    >>> Table(5, {4: "target"}, 9).column("target"), Table(5, {}, 9).column("unit")
    (4, 1)
    """

    header: int
    roles: dict[int, str] = attrs.field(eq=False)
    end: int

    def column(self, role: str) -> int:
        """The column of ``role`` (1 when the table has none: a finding's place)."""
        return next((c for c, r in self.roles.items() if r == role), 1)

    def has(self, role: str) -> bool:
        return role in self.roles.values()


def _is_header(keys: list[str]) -> bool:
    levels = any("一级指标" in k for k in keys) and any(
        "三级指标" in k or "二级指标" in k for k in keys
    )
    named = "指标名称" in keys and any("指标值" in k or "目标值" in k for k in keys)
    return levels or named


def find_table(sheet: SheetReading, start: int, end: int) -> Table | None:
    """The first indicator table between rows ``start`` and ``end`` (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.layouts.sheet import SheetReading
    >>> grid = grid_from_rows("表", [["说明"], ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
    ...                             ["产出指标", "数量指标", "数", "≥1件"], ["总分", "100"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> table = find_table(sheet, 1, 4)
    >>> table.header, table.end, table.column("target")
    (2, 3, 4)
    >>> claim_header(sheet, table)
    >>> [(f.code, f.place) for f in sheet.findings]
    [('IK707', '表.xlsx:表!E2')]
    """
    grid = sheet.grid
    for row in grid.rows_between(start, end):
        cells = grid.row_cells(row)
        keys = [grid.key_of(c) for c in cells]
        if not _is_header([k for k in keys if len(k) <= _HEADER_LENGTH]):
            continue
        roles: dict[int, str] = {}
        seen_origins: set[tuple[int, int]] = set()
        for cell in cells:
            if cell.origin in seen_origins:
                continue
            seen_origins.add(cell.origin)
            role = layout_column(cell.text)
            if role is not None and role not in roles.values():
                roles[cell.column] = role
        long_table = "project_name" in roles.values()
        last = row
        for r in grid.rows_between(row + 1, end):
            first_cells = grid.row_cells(r)
            if key(first_cells[0].text).startswith(TABLE_END_LABELS) and not long_table:
                break
            if any(GRADE_WORDS.search(c.text) for c in first_cells):
                break
            last = r
        return Table(row, roles, last)
    return None


def claim_header(sheet: SheetReading, table: Table) -> None:
    """Take the header row; IK707 for each column the model does not keep.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> sheet = SheetReading.of(grid_from_rows("表", [["一级指标", "三级指标", "备注"]]), "表.xlsx")
    >>> claim_header(sheet, Table(1, {1: "level1", 2: "name"}, 1))
    >>> [(f.code, f.place) for f in sheet.findings], sorted(sheet.used)
    ([('IK707', '表.xlsx:表!C1')], [(1, 1), (1, 2), (1, 3)])
    """
    for cell in sheet.grid.row_cells(table.header):
        if cell.anchor is not None:
            continue
        sheet.claim(cell)
        if cell.column not in table.roles:
            sheet.say(
                "IK707",
                Severity.INFO,
                f"这一列不在模型中，未读入 (column not read): “{cell.text}”",
                cell.row,
                cell.column,
            )
