"""The target of an indicator row, in every form the layouts print it: the 指标值 cell alone;
beside a 计量单位 cell (E1, IK708 when the two units disagree); split over 指标性质 / 指标方向
or 运算符 / 目标值 / 计量单位 (E2, E3: the direction words are the vocabulary's comparators);
``定性`` read as a sentence.  A placeholder (``≥**人``, IK705), an empty or TRUE/FALSE cell
(IK702) and an Excel date serial that lost its format (IK703) are findings, never targets.
"""

from __future__ import annotations

from indicatorkit.formats.central_table import is_plain_number, serial_date, unit_cell_target
from indicatorkit.formats.grid import Cell, key
from indicatorkit.formats.layouts.indicator_header import Table
from indicatorkit.formats.layouts.sheet import SheetReading, cell_text
from indicatorkit.formats.table_words import DASHES
from indicatorkit.language.bounds import Direction
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_target
from indicatorkit.language.split_form import parse_split_target
from indicatorkit.model.findings import Severity
from indicatorkit.vocabulary import PREFIX_OPERATORS

__all__ = ["row_target"]

ERROR, WARNING = Severity.ERROR, Severity.WARNING

_NATURE = {"正向": Direction.HIGHER, "反向": Direction.LOWER}

#: A target's reading, the text it was read from and the direction the row states.
RowTarget = tuple[LenientParse, str, Direction | None]


def _refused(sheet: SheetReading, table: Table, row: int, value_cell: Cell | None) -> bool:
    """A value cell that holds no target (a date serial, a placeholder, nothing, TRUE/FALSE),
    said."""
    column = table.column("target")
    text = value_cell.text.strip() if value_cell is not None else ""
    unit_cell = sheet.grid.cell(row, table.column("unit")) if table.has("unit") else None
    context = sheet.grid.text(row, table.column("level2")) + sheet.grid.text(
        row, table.column("name")
    )
    if value_cell is not None and serial_date(sheet, value_cell, context, "指标值", unit_cell):
        return True
    if unit_cell is not None and serial_date(sheet, unit_cell, context, "计量单位", unit_cell):
        return True
    if "*" in text or "＊" in text:
        message = f"指标值是模板占位符“{text}”，未读入 (a template placeholder, not a target)"
        hint: str | None = "填上实际的指标值 / fill in the real target"
        code = "IK705"
    elif not text:
        message, hint, code = (
            "指标值为空，指标未读入 (no target: indicator not read)",
            None,
            "IK702",
        )
    elif value_cell is not None and value_cell.is_bool:
        message = (
            f"指标值是逻辑值 {text}，不是指标值，指标未读入 (a TRUE/FALSE cell is not a target)"
        )
        hint, code = None, "IK702"
    else:
        return False
    sheet.say(code, ERROR, message, row, column, hint=hint)
    return True


def row_target(sheet: SheetReading, table: Table, row: int) -> RowTarget | None:
    """The target of ``row``, its text and the direction its 指标性质 states; ``None`` after a
    finding (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.layouts.indicator_header import find_table
    >>> from indicatorkit.formats.layouts.sheet import SheetReading
    >>> grid = grid_from_rows("表", [["一级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位"],
    ...                             ["产出指标", "里程", "正向", "大于等于", "60", "公里"],
    ...                             ["产出指标", "人数", "正向", "", "≥**", "人"]])
    >>> sheet = SheetReading.of(grid, "表.xlsx")
    >>> table = find_table(sheet, 1, 3)
    >>> target, text, direction = row_target(sheet, table, 2)
    >>> text, direction.name
    ('≥60公里', 'HIGHER')
    >>> row_target(sheet, table, 3), [f.code for f in sheet.findings]
    (None, ['IK705'])
    """
    cells = {role: sheet.grid.cell(row, column) for column, role in table.roles.items()}
    value_cell = cells.get("target")
    if _refused(sheet, table, row, value_cell):
        return None
    assert value_cell is not None
    text = value_cell.text.strip()
    column = table.column("target")
    unit_text = (cell_text(cells.get("unit")) or "").strip()
    if key(unit_text) in DASHES:
        unit_text = ""
    nature = key(cell_text(cells.get("nature")) or "")
    kind = key(cell_text(cells.get("kind")) or "")
    operator = key(cell_text(cells.get("operator")) or "")
    direction = _NATURE.get(nature)

    def parse() -> tuple[LenientParse, str] | None:
        if "定性" in (nature, kind, operator):
            return parse_target(text, lenient=True), text
        if operator:
            known = PREFIX_OPERATORS.get(operator)
            sign = operator if known is None else known.value
            value = text.replace(",", "") if is_plain_number(text) else text
            target = parse_split_target(sign, value, unit_text)
            return LenientParse(str(target), target), str(target)
        if unit_text:
            return unit_cell_target(sheet, text, unit_text, row, column)
        return parse_target(text, lenient=True), text

    read = sheet.read_target(text, row, column, parse)
    return None if read is None else (read[0], read[1], direction)
