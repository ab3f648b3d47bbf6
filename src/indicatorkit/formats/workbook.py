"""Excel workbooks (.xlsx and .xls): read 目标申报表 and 自评表 into a spec, write a spec as a
目标申报表 and a scored report as a filled 自评表.

Needs the ``excel`` extra (openpyxl, xlrd, xlsxwriter): ``pip install 'indicatorkit[excel]'``;
without it every entry point raises :class:`MissingExtraError` naming the extra.  The layouts
read, the findings (IK7xx) and their fixes are in ``docs/workbooks.md``.

>>> from indicatorkit.formats.workbook import read_workbook, write_workbook, write_self_assessment
>>> read_workbook.__module__, write_workbook.__module__
('indicatorkit.formats.workbook_read', 'indicatorkit.formats.workbook_write')
"""

from indicatorkit.formats.workbook_grid import (
    MissingExtraError,
    UnreadableWorkbookError,
    workbook_kind,
)
from indicatorkit.formats.workbook_read import read_workbook
from indicatorkit.formats.workbook_write import (
    UnwritableWorkbookError,
    write_self_assessment,
    write_workbook,
)

__all__ = [
    "MissingExtraError",
    "UnreadableWorkbookError",
    "UnwritableWorkbookError",
    "read_workbook",
    "workbook_kind",
    "write_self_assessment",
    "write_workbook",
]
