"""Reading 绩效 tables from grids: declaration tables (目标申报表) and self-assessment tables (自评表).

Headers are found by their text wherever they sit; merged cells carry their text over the
range; a sheet holds one project, several projects one under another (each starting at its
``项目名称``), or one long table with a 项目名称 column.  Every non-empty row lands in the spec
or in a located finding (``file:sheet!C12``, codes IK700 onwards, listed in
``docs/workbooks.md``).

Each grid in the central layout is read by :mod:`~indicatorkit.formats.central_layout`; every
other by the layout readers of this package: the library's own sheets
(:mod:`~indicatorkit.formats.layouts.own_sheets`), one long table for all projects
(:mod:`~indicatorkit.formats.layouts.long_rows`), lists inside one cell
(:mod:`~indicatorkit.formats.layouts.cell_lists`), or project blocks one under another
(:mod:`~indicatorkit.formats.layouts.project_block`).
"""

from __future__ import annotations

from collections.abc import Sequence

from indicatorkit.formats.actuals_sheet import actuals_sheet_finding
from indicatorkit.formats.central_layout import (
    central_kind,
    read_declaration_grid,
    read_self_assessment_grid,
)
from indicatorkit.formats.grid import Grid, hidden_findings
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.layouts.book import WORKBOOK, BookReading, Container
from indicatorkit.formats.layouts.budget_block import budget_header
from indicatorkit.formats.layouts.cell_lists import read_cell_lists
from indicatorkit.formats.layouts.indicator_header import find_table
from indicatorkit.formats.layouts.long_grid import read_long_table_grid
from indicatorkit.formats.layouts.long_rows import read_long_rows
from indicatorkit.formats.layouts.own_sheets import read_own_sheet
from indicatorkit.formats.layouts.project_block import read_project, title_block_start
from indicatorkit.formats.layouts.sheet import SheetReading
from indicatorkit.formats.table_words import PROJECT_LABELS
from indicatorkit.model.findings import Severity

__all__ = ["CODES", "read_grids"]

ERROR, INFO = Severity.ERROR, Severity.INFO

#: Every finding code of the workbook reader, and what it says (``docs/workbooks.md`` gives
#: each one's cause and fix).
CODES = {
    "IK414": "金额单位取自项目上方 / the unit stated above the block applies",
    "IK700": "不是可读的工作簿 / not a readable workbook",
    "IK701": "工作表里没有绩效表 / no table in the sheet",
    "IK702": "指标值读不出来 / the target cannot be read",
    "IK703": "Excel 日期序号 / an Excel date serial in a value cell",
    "IK704": "模板留下的空行 / a template leftover row",
    "IK705": "模板占位符 / a placeholder target",
    "IK706": "去掉了编号前缀 / running prefix removed",
    "IK707": "不在模型中的列或格 / a column or cell not kept",
    "IK708": "指标值与计量单位不一致 / the value's unit disagrees with the unit cell",
    "IK709": "不是数 / not a number",
    "IK710": "一级指标只有分值 / a level-1 cell with points only",
    "IK711": "一级指标分值与各行不符 / level points vs row weights",
    "IK712": "表上印的总分或等级 / a printed total or grade",
    "IK713": "单位不一致 / caption units disagree",
    "IK714": "预算栏的行未读入 / a budget row not kept",
    "IK715": "预算执行率印出的分值或得分 / the budget line's printed points",
    "IK716": "未读入的行 / a row not read",
    "IK717": "无效记录 / an invalid record",
    "IK718": "指标值已修复 / the target was repaired",
    "IK719": "指标分组标题 / a group caption",
    "IK720": "公式没有保存的结果 / a formula with no stored result",
    "IK723": "隐藏的行或工作表未读入 / a hidden row or sheet left out",
}


def _read_sheet(sheet: SheetReading) -> None:
    grid = sheet.grid
    for row, column, formula in grid.unsaved_formulas:
        sheet.say(
            "IK720",
            ERROR,
            f"公式 {formula} 没有保存的结果，值未知，未读入 "
            "(a formula with no stored result: its value is unknown)",
            row,
            column,
            hint="用 Excel、WPS 或 LibreOffice 打开并保存一次 / open and save it once in a spreadsheet",
        )
    labels = {grid.key_of(c) for c in grid.cells.values() if c.anchor is None}
    if not read_own_sheet(sheet, labels):
        _read_projects(sheet)
    sheet.report_unread()


def _read_projects(sheet: SheetReading) -> None:
    grid = sheet.grid
    table = find_table(sheet, 1, grid.rows)
    if table is not None and table.has("project_name"):
        read_long_rows(sheet, table)
        return
    if read_cell_lists(sheet):
        return
    starts = sorted(
        {
            c.row
            for c in grid.cells.values()
            if c.anchor is None and grid.key_of(c) in PROJECT_LABELS
        }
    )
    if not starts and table is None and budget_header(sheet, 1, grid.rows) is None:
        if grid.cells:
            first = grid.row_cells(next(grid.non_empty_rows()))[0]
            chinese, english = sheet.book.container.grid
            sheet.say(
                "IK701",
                INFO,
                f"这张{chinese}里没有找到绩效表（没有“项目名称”或“一级指标”表头）"
                f"(no 绩效 table found in this {english}; {len(list(grid.non_empty_rows()))} "
                "non-empty rows not read)",
                first.row,
                first.column,
            )
            sheet.used.update(grid.cells)
        return
    # the title block above a 项目名称 row belongs to that project
    starts = [title_block_start(sheet, row) for row in starts] or [1]
    starts[0] = 1
    for index, start in enumerate(starts):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else grid.rows
        read_project(sheet, start, end)


def _add(book: BookReading, imported: Imported, grid: Grid) -> None:
    book.findings.extend(imported.findings)
    header = next(grid.non_empty_rows())
    for project in imported.spec.projects if imported.spec is not None else ():
        book.add_project(project, grid.name, header)


def read_grids(grids: Sequence[Grid], *, source: str, container: Container = WORKBOOK) -> Imported:
    """Read the spec that ``grids`` hold, whatever container they came from: each grid in the
    central layout by :mod:`~indicatorkit.formats.central_layout`, every other by the layout
    readers of this package (a grid laid out as the library's own long table by the long
    table's reader); hidden sheets are left out with an IK723 finding, an actuals table with
    IK724.  ``container`` names what the grids are in the findings (a workbook's sheets, a
    document's tables).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["项目名称", "法律援助"], ["预算", "10000元"],
    ...     ["一级指标", "二级指标", "三级指标", "指标值"],
    ...     ["产出指标", "数量指标", "受理数", "≥180件"]], source="表.csv")
    >>> imported = read_grids([grid], source="表.csv")
    >>> [str(i.target) for i in imported.spec.projects[0].indicators]
    ['≥180件']
    """
    book = BookReading(source, container)
    for given in grids:
        grid = given.in_file(source)  # every reader's findings name the file as given
        book.findings.extend(hidden_findings(grid))
        if grid.hidden_sheet:
            continue
        if (
            refused := actuals_sheet_finding(grid, container)
        ) is not None:  # an actuals table: IK724
            book.findings.append(refused)
            book.refused = True
            continue
        long_table = read_long_table_grid(grid, source=source)
        if long_table is not None:
            _add(book, long_table, grid)
            continue
        kind = central_kind(grid)
        if kind is None:
            _read_sheet(SheetReading(book, grid))
            continue
        read = read_self_assessment_grid if kind == "self_assessment" else read_declaration_grid
        result = read(grid, first_number=book.next_number)
        book.findings.extend(result.findings)
        for project, row in result.projects:
            book.add_project(project, grid.name, row)
    spec = book.spec()
    return Imported(spec, tuple(book.findings), source)
