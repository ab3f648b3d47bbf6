"""Excel workbooks (.xlsx and .xls): read 目标申报表 and 自评表 into a spec, write a spec as a
目标申报表 and a scored report as a filled 自评表.

Needs the ``excel`` extra (openpyxl, xlrd, xlsxwriter): ``pip install 'indicatorkit[excel]'``;
without it every entry point raises :class:`MissingExtraError` naming the extra.  The layouts
read, the findings (IK7xx) and their fixes are in ``docs/workbooks.md``.

>>> from indicatorkit.formats.workbook import read_workbook, write_workbook, write_self_assessment
>>> read_workbook.__module__, write_workbook.__module__
('indicatorkit.formats.workbook_read', 'indicatorkit.formats.workbook_write')
"""

from collections.abc import Iterable
from pathlib import Path
from typing import Final

from indicatorkit.formats.format import Format, Holds, Input, Probe
from indicatorkit.formats.imported import Imported
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
from indicatorkit.model.records import Spec

__all__ = [
    "XLS",
    "XLSX",
    "MissingExtraError",
    "UnreadableWorkbookError",
    "UnwritableWorkbookError",
    "read_workbook",
    "workbook_kind",
    "write_self_assessment",
    "write_workbook",
]


def _workbook(given: Input) -> Imported:
    assert given.path is not None  # needs_file: the registry's reader gives the file
    return read_workbook(given.path, source=given.source, include_hidden=given.include_hidden)


def _write(spec: Spec, path: Path, inputs: Iterable[str | Path]) -> None:
    write_workbook(spec, path, inputs=inputs)


def _is_xls(probe: Probe) -> bool:
    return probe.ole2_has("Workbook") or probe.ole2_has("Book")


XLSX: Final = Format(
    "xlsx",
    "Excel 工作簿 / an Excel workbook (.xlsx)",
    (".xlsx",),
    sniff=lambda probe: "xl/workbook.xml" in probe.zip_names,
    read=_workbook,
    write=_write,
    needs_file=True,
    holds=Holds.SPEC_OR_ACTUALS,
)
XLS: Final = Format(
    "xls",
    "旧版 Excel 工作簿 / an old Excel workbook (.xls)",
    (".xls",),
    sniff=_is_xls,
    read=_workbook,
    needs_file=True,
    holds=Holds.SPEC_OR_ACTUALS,
)
