"""The indicator table of the central layout, read from any grid: ``一级指标 | 二级指标 |
三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施`` (the 申报表 stops
at ``指标值``).  Level-1 and level-2 names are merged down (or, in a Word or PDF table that
lost the merge, left empty below the first row: the last name carries down); a level-1 cell
may print its points (``产出指标(50分)``, IK711 compares them with the rows) or only them
(``(30分)``, IK710).  Template leftovers (``……`` rows, an empty ``指标2``, ``≥**人``) are
findings, not indicators.

A cell that cannot be read keeps its indicator: an Excel date serial in 实际完成值 (IK703) or
a weight that is no number (IK709) leaves that value out, so the total stays an interval.

>>> from indicatorkit.formats.grid import grid_from_rows
>>> from indicatorkit.formats.grid_reading import GridReading
>>> grid = grid_from_rows("自评表", [
...     ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
...     ["产出指标(30分)", "数量指标", "指标1:受理数", "≥180件", "200件", "20", "20"],
...     [None, "时效指标", "办结时间", "12月底前", "45657", "10", ""]])
>>> reading = GridReading(grid)
>>> table = find_indicator_table(grid, 1)
>>> found = read_indicators(reading, table)
>>> [(i.level1, i.name, i.actual) for i, _ in found]
[('产出指标', '受理数', '200件'), ('产出指标', '办结时间', None)]
>>> sorted(f.code for f in reading.findings)
['IK703', 'IK706']
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.grid import Cell, Grid, key
from indicatorkit.formats.grid_reading import GridReading
from indicatorkit.formats.level_points import check_level_points
from indicatorkit.formats.table_text import in_stated_unit
from indicatorkit.formats.table_words import (
    DASHES,
    ELLIPSIS,
    EMPTY_TEMPLATE_NAME,
    GRADE_WORDS,
    NOT_APPLICABLE,
    POINTS,
    RUNNING_PREFIX,
    TOTAL_LABELS,
    indicator_column,
    level_name,
    unwrap_name,
)
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_target
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Indicator

__all__ = [
    "IndicatorTable",
    "find_indicator_table",
    "indicator_name",
    "is_plain_number",
    "level_text",
    "new_indicator",
    "not_an_indicator",
    "read_indicators",
    "serial_date",
    "target_with_unit",
    "unit_cell_target",
]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Excel's serial day 0, and the serials of 2000-01-01 … 2049-12-31 (a number there in a
#: date-like place is a date that lost its format).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL = re.compile(r"^\d{1,2},?\d{3}$")
_SERIAL_RANGE = (36526, 54788)
_DATE_LIKE = re.compile(r"(时间|时效|日期|时限|期限|完成时|进度)")


def is_plain_number(text: str) -> bool:
    """A number and nothing else: ``500``, ``-1.5``, ``46,800``.

    >>> is_plain_number("46,800"), is_plain_number("≥500人")
    (True, False)
    """
    return bool(re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?", text.strip()))


def target_with_unit(text: str, unit_text: str) -> tuple[LenientParse, str] | None:
    """A 指标值 beside a 计量单位 cell: a bare number takes the unit (``百分比`` is %); a value
    that writes its own unit keeps it when it agrees with the unit cell; ``None`` when the two
    disagree.  Raises what :func:`~indicatorkit.language.parse.parse_target` raises.

    >>> [t for _, t in (target_with_unit("500", "人次"), target_with_unit("≥95", "%"))]
    ['500人次', '≥95%']
    >>> target_with_unit("≥5万元", "人") is None
    True
    """
    unit_word = "%" if unit_text in ("百分比", "百分率") else unit_text
    if is_plain_number(text):
        combined = text.replace(",", "") + unit_word
        return parse_target(combined, lenient=True), combined
    match = re.match(r"^[^\d]*(-?[\d.,]+)", text)
    number = (text[: match.end()] if match else text).replace(",", "")
    if number == text.strip():  # ``≥95`` beside ``%``: the number takes the unit
        combined = text.strip() + unit_word
        return parse_target(combined, lenient=True), combined
    own = parse_target(text, lenient=True)
    if text.endswith(unit_word):
        return own, text
    # the value writes something after its number: is it the unit cell's unit?
    with_cell = parse_target(number + unit_word, lenient=True)
    return (own, text) if with_cell.target == own.target else None


def unit_cell_target(
    reading: GridReading, text: str, unit_text: str, row: int, column: int
) -> tuple[LenientParse, str] | None:
    """:func:`target_with_unit` for the cell at (row, column), IK708 when the value's own
    unit disagrees with the unit cell.  Raises what :func:`target_with_unit` raises.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> reading = GridReading(grid_from_rows("表", [["500", "人次"], ["≥5万元", "人"]]))
    >>> unit_cell_target(reading, "500", "人次", 1, 1)[1], unit_cell_target(reading, "≥5万元", "人", 2, 1)
    ('500人次', None)
    >>> [(f.code, f.place) for f in reading.findings]
    [('IK708', '<workbook>:表!A2')]
    """
    combined = target_with_unit(text, unit_text)
    if combined is None:
        reading.say(
            "IK708",
            ERROR,
            f"指标值“{text}”与计量单位“{unit_text}”不一致，未读入 "
            "(the value's own unit disagrees with the unit cell; not read)",
            row,
            column,
            hint="只保留一个单位 / keep one of the two units",
        )
    return combined


@attrs.frozen
class IndicatorTable:
    """An indicator table: its header row, the column of each role, and its last row.

    >>> IndicatorTable(5, {"target": 4}, 9).columns["target"]
    4
    """

    header: int
    columns: dict[str, int] = attrs.field(eq=False)
    end: int


#: The model field each column role fills (where a finding about the field points).
_FIELD_ROLES = {
    "target": "target",
    "actual": "actual",
    "not_applicable": "actual",
    "weight": "weight",
    "evaluator_score": "score",
    "reason": "reason",
}


def find_indicator_table(grid: Grid, start: int, end: int | None = None) -> IndicatorTable | None:
    """The first indicator table from row ``start``: a header with 一级指标 and 三级指标 (or
    二级指标), and the rows under it up to a 总分 row or a printed grade.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["说明"], ["一级指标", "二级指标", "三级指标", "指标值"],
    ...                             ["产出指标", "数量指标", "数", "≥1件"], ["总分", "100"]])
    >>> table = find_indicator_table(grid, 1)
    >>> table.header, table.end, table.columns["target"]
    (2, 3, 4)
    """
    last = grid.rows if end is None else end
    header = grid.find_row(["一级指标", "三级指标"], start, last) or grid.find_row(
        ["一级指标", "二级指标"], start, last
    )
    if header is None:
        return None
    columns: dict[str, int] = {}
    for cell in grid.own_cells(header):
        role = indicator_column(cell.text)
        if role is not None and len(key(cell.text)) <= 16:
            # a role printed twice is the 申报表's 中期 side then its 年度 side: the year's
            if role not in columns or role != "level1":
                columns[role] = cell.column
    bottom = header
    for row in grid.non_empty_rows(header + 1, last):
        cells = grid.own_cells(row) or grid.row_cells(row)
        first = key(cells[0].text) if cells else ""
        if first.startswith(TOTAL_LABELS) or any(GRADE_WORDS.search(c.text) for c in cells):
            break
        bottom = row
    return IndicatorTable(header, columns, bottom)


def read_indicators(reading: GridReading, table: IndicatorTable) -> list[tuple[Indicator, int]]:
    """The indicators of ``table`` with their rows (see the module); findings go to
    ``reading``.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.formats.grid_reading import GridReading
    >>> grid = grid_from_rows("表", [["一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ...                             ["产出指标", "数量指标", "数", "≥1件", "二十"]])
    >>> reading = GridReading(grid)
    >>> [(i.name, i.weight) for i, _ in read_indicators(reading, find_indicator_table(grid, 1))]
    [('数', None)]
    >>> [f.code for f in reading.findings]  # the weight is no number: said, indicator kept
    ['IK709']
    """
    for cell in reading.grid.own_cells(table.header):
        reading.claim(cell)
        if cell.column < table.columns.get("level1", 0) and key(cell.text) == "绩效指标":
            continue  # the caption merged down column A beside the table
        if cell.column not in table.columns.values():
            reading.at(
                "IK707", INFO, f"这一列不在模型中，未读入 (column not read): “{cell.text}”", cell
            )
    found: list[tuple[Indicator, int]] = []
    carried = {"level1": "", "level2": ""}
    for row in range(table.header + 1, table.end + 1):
        made = _row(reading, table, row, carried)
        if made is not None:
            found.append((made, row))
    check_level_points(
        reading, table.columns.get("level1"), found, range(table.header + 1, table.end + 1)
    )
    return found


def _cell(reading: GridReading, table: IndicatorTable, row: int, role: str) -> Cell | None:
    column = table.columns.get(role)
    return None if column is None else reading.grid.cell(row, column)


def level_text(reading: GridReading, cell: Cell, row: int) -> str:
    """A level-1 or level-2 name as the cell of ``row`` prints it: written one character a
    line (``产\\n出\\n指\\n标``) or wrapped, joined; its points (``产出指标(50分)``) cut off —
    IK710 on the cell's first row when only the points are left.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["产\\n出\\n指\\n标", "效益指标（30分）", "(20分)"]])
    >>> reading = GridReading(grid)
    >>> [level_text(reading, grid.cell(1, c), 1) for c in (1, 2, 3)], [f.code for f in reading.findings]
    (['产出指标', '效益指标', ''], ['IK710'])
    """
    name = level_name(cell.text)
    if not name and cell.origin[0] == row and POINTS.match(key(cell.text)):
        reading.at(
            "IK710",
            WARNING,
            f"一级指标格只印了分值“{cell.text.strip()}”，名称缺失 (the level-1 cell prints only its points)",
            cell,
            "在表中补上一级指标名称 / write the level-1 name",
        )
    return name


def not_an_indicator(
    reading: GridReading, row: int, name_and_target: tuple[Cell | None, ...], shown: str
) -> bool:
    """True, the row taken, when ``row`` of an indicator table holds no indicator of its own:
    every cell it starts is ``……`` (IK704, a template leftover), or it starts none and its name
    or target cell is merged down from the row above (a tall row of the indicator above —
    read once, nothing to say).  A row that starts no cell but continues only the level names
    is read on, and is IK704 when it has neither name nor target
    (:func:`indicator_name`).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["产出指标", "受理数", "≥1件"], [None, None, None], ["……"]],
    ...                       merges=[(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 2, 3)])
    >>> reading = GridReading(grid)
    >>> not_an_indicator(reading, 2, (grid.cell(2, 2), grid.cell(2, 3)), "产出指标 | 受理数 | ≥1件")
    True
    >>> not_an_indicator(reading, 3, (None, None), "……"), [f.code for f in reading.findings]
    (True, ['IK704'])
    """
    own = reading.grid.own_cells(row)
    if own and all(ELLIPSIS.match(c.text) for c in own):
        reading.say(
            "IK704",
            WARNING,
            f"模板留下的空行，跳过 (template leftover row skipped): {shown}",
            row,
            reading.grid.row_cells(row)[0].column,
        )
    elif own or not any(c is not None and c.origin[0] < row for c in name_and_target):
        return False
    reading.claim_row(row)
    return True


def indicator_name(
    reading: GridReading, name: str, target_text: str, at: tuple[int, int, int], shown: str
) -> str | None:
    """A row's level-3 ``name`` without its running prefix (IK706, ``指标1:受理数``), or ``None``
    after IK704 for an empty template row (``指标2`` and no target) or a row with neither name
    nor target.  ``at``: the row, the name's column and the row's first column; ``shown``: the
    row's text.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> reading = GridReading(grid_from_rows("表", [["指标1:受理数"], ["指标2"]]))
    >>> indicator_name(reading, "指标1:受理数", "≥1件", (1, 1, 1), "指标1:受理数 | ≥1件")
    '受理数'
    >>> indicator_name(reading, "指标2", "", (2, 1, 1), "指标2"), [f.code for f in reading.findings]
    (None, ['IK706', 'IK704'])
    """
    row, column, first = at
    if EMPTY_TEMPLATE_NAME.match(name) and not target_text:
        reading.say(
            "IK704",
            WARNING,
            f"模板留下的空指标“{name}”，跳过 (an empty template row skipped)",
            row,
            column,
            shown,
        )
        return None
    if not name and not target_text:
        reading.say(
            "IK704",
            WARNING,
            f"没有指标名称和指标值的行，跳过 (a row with no indicator): {shown}",
            row,
            first,
            shown,
        )
        return None
    if prefix := RUNNING_PREFIX.match(name):
        reading.say(
            "IK706",
            INFO,
            f"去掉了指标名称前的编号“{prefix.group(0).strip()}” (running prefix removed)",
            row,
            column,
            name,
        )
        name = name[prefix.end() :].strip()
    return name


def new_indicator(
    reading: GridReading, row: int, shown: str, /, *fields: Any, **values: Any
) -> Indicator | None:
    """``Indicator(*fields, **values)``, or ``None`` after IK717 (the row ``shown``) when the
    record refuses them.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> from indicatorkit.language.parse import parse_target
    >>> reading = GridReading(grid_from_rows("表", [["数"]]))
    >>> new_indicator(reading, 1, "数", "产出指标", "数量指标", "数", parse_target("≥1件")).name
    '数'
    >>> new_indicator(reading, 1, "数", "产出指标", "数量指标", "数", parse_target("≥1件"), weight=-1)
    >>> [f.code for f in reading.findings]
    ['IK717']
    """
    try:
        return Indicator(*fields, **values)
    except (IndicatorkitError, ValueError) as error:
        reading.say(
            "IK717",
            ERROR,
            f"指标无效，未读入 (invalid indicator, not read): {error}",
            row,
            1,
            shown,
        )
        return None


def _level(
    reading: GridReading, table: IndicatorTable, row: int, role: str, carried: dict[str, str]
) -> str:
    cell = _cell(reading, table, row, role)
    if cell is None:
        return carried[role]  # a merge the container lost: the name above carries down
    text = level_text(reading, cell, row)
    carried[role] = text
    if role == "level1" and cell.origin[0] == row:
        carried["level2"] = ""
    return text


def _row(
    reading: GridReading, table: IndicatorTable, row: int, carried: dict[str, str]
) -> Indicator | None:
    grid = reading.grid
    cells = grid.row_cells(row)
    if not cells:
        return None
    shown = " | ".join(dict.fromkeys(c.text.replace("\n", " ") for c in cells))
    carried_cells = (_cell(reading, table, row, "name"), _cell(reading, table, row, "target"))
    if not_an_indicator(reading, row, carried_cells, shown):
        return None
    reading.claim_row(row)
    level1 = _level(reading, table, row, "level1", carried)
    level2 = _level(reading, table, row, "level2", carried)
    name_cell = _cell(reading, table, row, "name")
    written = unwrap_name(name_cell.text) if name_cell is not None else ""
    target_cell = _cell(reading, table, row, "target")
    target_text = target_cell.text.strip() if target_cell is not None else ""
    name_column = table.columns.get("name", 1)
    at = (row, name_column, cells[0].column)
    name = indicator_name(reading, written, target_text, at, shown)
    if name is None:
        return None
    target = _target(reading, table, row, target_cell, level2 + name)
    if target is None:
        return None
    values = _values(reading, table, row, level2 + name)
    placed = {
        field: _cell(reading, table, row, role)
        for field, role in _FIELD_ROLES.items()
        if field in values or field == "target"
    }
    values["where"] = grid.where(row, name_column, placed)
    return new_indicator(
        reading,
        row,
        shown,
        level1,
        level2,
        name,
        target[0].target,
        target_text=target[1],
        reading=target[0],
        **values,
    )


def _values(
    reading: GridReading, table: IndicatorTable, row: int, context: str
) -> dict[str, object]:
    """The row's weight, score, actual (or 不适用) and reason; a value that cannot be read is
    said and left out, the indicator kept."""
    values: dict[str, object] = {}
    for role, what in (("weight", "分值"), ("score", "得分")):
        number = reading.points(_cell(reading, table, row, role), what)
        if number is not None:
            values["weight" if role == "weight" else "evaluator_score"] = number
    actual_cell = _cell(reading, table, row, "actual")
    if actual_cell is not None and key(actual_cell.text) not in DASHES:
        if not serial_date(reading, actual_cell, context, "实际完成值"):
            not_applicable = NOT_APPLICABLE.fullmatch(actual_cell.text)
            if not_applicable:
                values["not_applicable"] = (not_applicable.group(1) or "").strip()
                values.pop("evaluator_score", None)
            else:  # a unit the header states (实际完成值（元）) is the number's
                header = reading.grid.text(table.header, actual_cell.column)
                values["actual"] = in_stated_unit(actual_cell.text, header)
    reason_cell = _cell(reading, table, row, "reason")
    if reason_cell is not None:
        values["reason"] = reason_cell.text
    return values


def _target(
    reading: GridReading, table: IndicatorTable, row: int, cell: Cell | None, context: str
) -> tuple[LenientParse, str] | None:
    column = table.columns.get("target", 1)
    text = cell.text.strip() if cell is not None else ""
    if cell is not None and serial_date(reading, cell, context, "指标值"):
        return None
    if "*" in text or "＊" in text:
        reading.say(
            "IK705",
            ERROR,
            f"指标值是模板占位符“{text}”，未读入 (a template placeholder, not a target)",
            row,
            column,
            hint="填上实际的指标值 / fill in the real target",
        )
        return None
    if not text or (cell is not None and cell.is_bool):
        reading.say(
            "IK702",
            ERROR,
            "指标值为空或不是指标值，指标未读入 (no target: indicator not read)",
            row,
            column,
            text,
        )
        return None
    unit_cell = _cell(reading, table, row, "unit")
    unit_text = unit_cell.text.strip() if unit_cell is not None else ""

    def parse() -> tuple[LenientParse, str] | None:
        if key(unit_text) in DASHES:
            return parse_target(text, lenient=True), text
        return unit_cell_target(reading, text, unit_text, row, column)

    return reading.read_target(text, row, column, parse)


def serial_date(
    reading: GridReading, cell: Cell, context: str, what: str, unit_cell: Cell | None = None
) -> bool:
    """An Excel date serial in a value cell (``45657``, ``45,657``) of a date-like indicator
    (``context``: its level-2 and level-3 names), with a separator, or beside a unit cell that
    is a serial too or a date unit (``日``, ``月``, ``年``, ``日期``): IK703 naming the date it
    probably is; never read as a number.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["45657", "45657", "日"]])
    >>> reading = GridReading(grid)
    >>> serial_date(reading, grid.cell(1, 1), "受理数", "指标值"), serial_date(reading, grid.cell(1, 2), "受理数", "指标值", grid.cell(1, 3))
    (False, True)
    """
    if cell.is_date:
        return False
    text = unicodedata.normalize("NFKC", cell.text.strip())
    if not _SERIAL.fullmatch(text):
        return False
    serial = int(text.replace(",", ""))
    if not _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
        return False
    unit_text = unit_cell.text.strip() if unit_cell is not None else ""
    unit_is_serial = bool(_SERIAL.fullmatch(unicodedata.normalize("NFKC", unit_text)))
    if not (
        unit_is_serial
        or unit_text in ("日", "月", "年", "日期")
        or "," in text
        or _DATE_LIKE.search(context)
    ):
        return False
    date = dt.date.fromordinal(_EXCEL_EPOCH.toordinal() + serial)
    reading.at(
        "IK703",
        ERROR,
        f"{what}“{cell.text}”像是 Excel 日期序号，可能是 {date.year}年{date.month}月{date.day}日；"
        f"未读入 (looks like an Excel date serial, probably {date.isoformat()}; not read)",
        cell,
        "把单元格格式设为文本，写出日期，如“12月31日前” / format the cell as text and write the date",
    )
    return True
