"""Every finding of the layout readers says where: the file as the caller gave it, the sheet
(or table), the row and the column — never a placeholder (``<workbook>``).

The central reader took the file's name from the grid alone, so ``read_grids(grids,
source="表.xlsx")`` over grids built without one said ``<workbook>:自评表!F6``; the source now
reaches every reader through the grid (:meth:`~indicatorkit.formats.grid.Grid.in_file`).
Each table of every layout the suite builds (``tests/reading_snapshots.py``: central and
A–J, the long table, department tables, the shipped .xls files) is read from grids that name
no file, or another one, and each finding must name the one given.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from indicatorkit.formats.grid import Grid, grid_from_rows
from indicatorkit.formats.layouts.book import DOCUMENT, WORKBOOK
from indicatorkit.formats.layouts.read import read_grids
from indicatorkit.model.findings import Finding
from tests import central_layouts as central
from tests.reading_snapshots import cases

pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

from indicatorkit.formats.grid_docx import docx_grids  # noqa: E402
from indicatorkit.formats.workbook_grid import load_grids  # noqa: E402

GIVEN = "给定的名字"
#: The tables of every layout the snapshots read, as a workbook or a Word file.
TABLES = [(name, make) for name, make in cases() if name.endswith((".xlsx", ".xls", ".docx"))]


def _grids(path: Path, source: str) -> list[Grid]:
    if path.suffix == ".docx":
        return docx_grids(docx.Document(str(path)).element.body, source=source)
    return load_grids(path, source=source, include_hidden=False)


def _unplaced(findings: tuple[Finding, ...], given: str) -> list[str]:
    """The findings that do not name ``given``, a sheet and a cell."""
    return [
        f"{f.place}: {f.code}"
        for f in findings
        if f.file != given
        or not f.sheet
        or f.line < 1
        or f.column < 1
        or not f.place.startswith(f"{given}:{f.sheet}!")
    ]


@pytest.mark.parametrize("grid_source", ["", "别的文件.xlsx"])
@pytest.mark.parametrize(("name", "make"), TABLES, ids=[name for name, _ in TABLES])
def test_every_layout_reader_names_the_file_given(
    tmp_path: Path, name: str, make: Callable[[Path], Path], grid_source: str
) -> None:
    path = make(tmp_path)
    given = f"{GIVEN}{path.suffix}"
    container = DOCUMENT if path.suffix == ".docx" else WORKBOOK
    imported = read_grids(_grids(path, grid_source), source=given, container=container)
    assert _unplaced(imported.findings, given) == []


def test_the_central_reader_s_findings_are_there_to_place(tmp_path: Path) -> None:
    """The test above is not empty where the defect was: the central table says things."""
    path = central.to_xlsx(central.self_assessment(), tmp_path / "自评表.xlsx")
    imported = read_grids(load_grids(path, source=""), source="给定.xlsx")
    assert len(imported.findings) >= 3
    assert {f.file for f in imported.findings} == {"给定.xlsx"}
    assert all("<" not in f.place for f in imported.findings)


def test_hidden_rows_an_actuals_table_and_a_sheet_with_no_table(tmp_path: Path) -> None:
    """The readers that look at a grid before the layouts do (IK723 hidden rows, IK724 an
    actuals table, IK701 no table) name the file given too."""
    table = attrs.evolve(central.self_assessment(), hidden_rows=(2,))
    workbook = central.to_xlsx(table, tmp_path / "隐藏.xlsx")
    actuals = grid_from_rows(
        "填报",
        [
            ["项目", "三级指标", "指标值", "实际完成值", "执行数（元）", "不适用"],
            ["法律援助", "受理数", "≥180件", "200件", "", ""],
        ],
    )
    notes = grid_from_rows("说明", [["填表说明：金额单位为万元。"]])
    imported = read_grids([*load_grids(workbook, source=""), actuals, notes], source="给定.xlsx")
    codes = {f.code for f in imported.findings}
    assert {"IK723", "IK724", "IK701"} <= codes
    assert _unplaced(imported.findings, "给定.xlsx") == []
