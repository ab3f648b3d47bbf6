"""One row of an indicator table (layouts A, C–J) as an :class:`Indicator`: level names
merged down or written one character a line, printed points cut off a level-1 name (IK710 when
only the points are left), a running prefix taken off the name (IK706); its target
(:mod:`~indicatorkit.formats.layouts.targets`), 分值 and 得分, the 实际完成值 in the unit the
table states, 不适用 and its reason, the 偏差原因.  A template leftover (``……``, an empty
``指标2``) is IK704 and a group caption (``年度绩效目标1（40分）``) IK719, never an indicator.
"""

from __future__ import annotations

import re
from fractions import Fraction

from indicatorkit.formats.central_table import (
    indicator_name,
    level_text,
    new_indicator,
    not_an_indicator,
    serial_date,
)
from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.layouts.indicator_header import Table
from indicatorkit.formats.layouts.sheet import SheetReading, cell_text
from indicatorkit.formats.layouts.targets import row_target
from indicatorkit.formats.table_text import in_stated_unit
from indicatorkit.formats.table_words import (
    DASHES,
    NOT_APPLICABLE,
    unwrap_name,
)
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Indicator

__all__ = ["read_indicator_row"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_GROUP_CAPTION = re.compile(r"(目标\d*|分)[)）]?$")


def _skipped(sheet: SheetReading, table: Table, row: int, cells: list[Cell], shown: str) -> bool:
    """A row that is no indicator of its own (:func:`not_an_indicator`) or a group caption
    across the table (IK719)."""
    name_and_target = tuple(
        sheet.grid.cell(row, table.column(role)) if table.has(role) else None
        for role in ("name", "target")
    )
    if not_an_indicator(sheet, row, name_and_target, shown):
        return True
    first = cells[0].text
    if not (
        len({c.origin for c in cells}) == 1
        and _GROUP_CAPTION.search(first)
        and ("年度绩效目标" in first or "分" in first)
        and len(cells) > 2
    ):
        return False
    sheet.use_row(row)
    sheet.say(
        "IK719", INFO, f"指标分组标题 (a group caption): {first}", row, cells[0].column, first
    )
    return True


def _name(sheet: SheetReading, table: Table, row: int, shown: str) -> str | None:
    """The level-3 name without its running prefix; ``None`` for an empty template row."""
    name = unwrap_name(sheet.grid.text(row, table.column("name")) if table.has("name") else "")
    target_cell = sheet.grid.cell(row, table.column("target")) if table.has("target") else None
    target_raw = target_cell.text.strip() if target_cell is not None else ""
    first = sheet.grid.row_cells(row)[0].column
    return indicator_name(sheet, name, target_raw, (row, table.column("name"), first), shown)


def _points(sheet: SheetReading, cell: Cell, what: str) -> Fraction | None:
    """A 分值 or 得分 cell; a fraction (``1/3``) too."""
    text = key(cell.text)
    if cell.number is None and "/" in text:
        try:
            return Fraction(text)
        except (ValueError, ZeroDivisionError):
            sheet.bad_number(cell, f"{what}不是数字 ({what} is not a number): “{cell.text}”")
            return None
    return sheet.points(cell, what)


def _actual(
    sheet: SheetReading, table: Table, cells: dict[str, Cell | None], context: str
) -> dict[str, object]:
    """The 实际完成值 (in the unit the header or the 计量单位 cell states) or 不适用."""
    cell = cells.get("actual")
    if cell is None or serial_date(sheet, cell, context, "实际完成值"):
        return {}  # a serial is said (IK703): the indicator stays, with no actual
    if not_applicable := NOT_APPLICABLE.fullmatch(cell.text):  # the 自评表 way
        return {"not_applicable": (not_applicable.group(1) or "").strip()}
    header = sheet.grid.text(table.header, cell.column)
    unit_cell = cells.get("unit")
    return {"actual": in_stated_unit(cell.text, header, unit_cell.text if unit_cell else "")}


def _values(
    sheet: SheetReading, table: Table, cells: dict[str, Cell | None], row: int, context: str
) -> dict[str, object] | None:
    """The row's weight, score, actual, reason and 不适用; ``None`` when a weight or a score
    is no number (said)."""
    values: dict[str, object] = {}
    for role, what in (("weight", "分值"), ("evaluator_score", "得分")):
        cell = cells.get(role)
        if cell is not None and key(cell.text) not in DASHES:
            number = _points(sheet, cell, what)
            if number is None:
                return None
            values[role] = number
    values.update(_actual(sheet, table, cells, context))
    if (cell := cells.get("reason")) is not None:
        values["reason"] = cell.text
    if cells.get("not_applicable") is not None:
        values["not_applicable"] = cell_text(cells.get("not_applicable_reason")) or ""
    if "not_applicable" in values and "evaluator_score" in values:
        sheet.say(
            "IK707",
            INFO,
            f"不适用指标的得分 {values.pop('evaluator_score')} 不在模型中，未读入 "
            "(the score of a not-applicable indicator is not kept)",
            row,
            table.column("evaluator_score"),
        )
    return values


def read_indicator_row(sheet: SheetReading, table: Table, row: int) -> Indicator | None:
    """The indicator of ``row`` of ``table``, or ``None`` after the findings that say why
    (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.layouts.indicator_header import find_table
    >>> from indicatorkit.formats.layouts.sheet import SheetReading
    >>> grid = grid_from_rows("表", [["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值"],
    ...                             ["产出指标(30分)", "数量指标", "指标1:受理数", "≥180件", "200件", "30"],
    ...                             ["……", "……", "……"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> table = find_table(sheet, 1, 3)
    >>> found = read_indicator_row(sheet, table, 2)
    >>> found.level1, found.name, found.actual, found.weight
    ('产出指标', '受理数', '200件', Fraction(30, 1))
    >>> read_indicator_row(sheet, table, 3), [f.code for f in sheet.findings]
    (None, ['IK706', 'IK704'])
    """
    row_cells = sheet.grid.row_cells(row)
    if not row_cells:
        return None
    shown = " | ".join(dict.fromkeys(c.text.replace("\n", " ") for c in row_cells))
    if _skipped(sheet, table, row, row_cells, shown):
        return None
    sheet.use_row(row)
    cells = {role: sheet.grid.cell(row, column) for column, role in table.roles.items()}
    level1, level2 = (
        "" if (cell := cells.get(role)) is None else level_text(sheet, cell, row)
        for role in ("level1", "level2")
    )
    name = _name(sheet, table, row, shown)
    if name is None:
        return None
    read = row_target(sheet, table, row)
    if read is None:
        return None
    reading, target_text, direction = read
    values = _values(sheet, table, cells, row, level2 + name)
    if values is None:
        return None
    if direction is not None:
        values["direction"] = direction
    return new_indicator(
        sheet,
        row,
        shown,
        level1,
        level2,
        name,
        reading.target,
        target_text=target_text,
        reading=reading,
        description=cell_text(cells.get("description")) or "",
        basis=cell_text(cells.get("basis")) or "",
        where=sheet.grid.where(row, table.column("name"), cells),
        **values,
    )
