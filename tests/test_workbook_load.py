"""Our .xlsx loader (``formats/workbook_load.py``): openpyxl's load without drawing the borders
of merged cells — the ranges still known, the cells the same as openpyxl's, the time-critical
formatting never called, and openpyxl left as it is for everyone else in the process."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Border, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange

from indicatorkit.formats.workbook_grid import load_grids
from indicatorkit.formats.workbook_load import load_book

THIN = Side(style="thin")


def _bordered_book() -> bytes:
    """Merged ranges with borders (the cost), a value left in a covered cell, a formula with
    and without a stored value, a hyperlink and a comment on merged cells, a hidden row and a
    hidden sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表1"
    sheet["A1"], sheet["B1"], sheet["C1"] = "一级指标", "二级指标", "指标值"
    for row in range(2, 12):
        sheet.cell(row, 2, f"数量指标{row}")
        sheet.cell(row, 3, row * 10).number_format = "0%"
        for column in (1, 2, 3):
            sheet.cell(row, column).border = Border(THIN, THIN, THIN, THIN)
    sheet["A2"] = "产出指标"
    sheet.merge_cells("A2:A11")
    sheet["D2"] = "=C2*2"
    sheet["D3"] = "合并"
    sheet["E3"] = "被覆盖 covered"
    sheet.merged_cells.add(CellRange("D3:E4"))  # E3 keeps a value under the merge
    sheet["D3"].hyperlink = "https://example.org"
    sheet["D3"].comment = Comment("批注", "作者")
    sheet.row_dimensions[7].hidden = True
    hidden = book.create_sheet("隐藏")
    hidden["A1"] = "x"
    hidden.merge_cells("A1:B2")
    hidden.sheet_state = "hidden"
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=2, max_row=11))
    book.create_chartsheet("图表", 0).add_chart(chart)  # a chart sheet first: sheets keep order
    book.defined_names["区域"] = DefinedName("区域", attr_text="表1!$A$1:$C$11")
    saved = io.BytesIO()
    book.save(saved)
    return saved.getvalue()


def _cells(sheet: Any) -> dict[tuple[int, int], tuple[Any, str, str]]:
    return {
        spot: (cell.value, cell.number_format, cell.data_type)
        for spot, cell in sheet._cells.items()
        if cell.value is not None
    }


def _seen(book: Any) -> list[tuple[Any, ...]]:
    """What a grid reads of each sheet: title, state, merged ranges, cells, hidden rows."""
    return [
        (
            sheet.title,
            sheet.sheet_state,
            sorted(r.coord for r in sheet.merged_cells.ranges),
            _cells(sheet),
            sorted(r for r, d in sheet.row_dimensions.items() if d.hidden),
        )
        for sheet in book.worksheets
    ]


@pytest.fixture
def border_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every call of openpyxl's merged-cell border formatting, by name."""
    calls: list[str] = []
    for name in ("format", "_get_borders"):
        real: Callable[..., Any] = getattr(MergedCellRange, name)

        def spy(self: Any, *args: Any, _real: Any = real, _name: str = name) -> Any:
            calls.append(_name)
            return _real(self, *args)

        monkeypatch.setattr(MergedCellRange, name, spy)
    yield calls


def test_merged_ranges_are_read_without_formatting_their_borders(
    border_calls: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "表.xlsx"
    path.write_bytes(_bordered_book())
    border_calls.clear()  # openpyxl's own merge_cells formats them while the book is made
    grid, hidden = load_grids(path, include_hidden=True)
    assert border_calls == []  # the hook: openpyxl's border formatting never ran
    # and the merges are still known: the name fills its range, the covered cell holds the
    # range's first cell (as Excel shows it), not its own left-over value
    assert [grid.text(r, 1) for r in (2, 7, 11)] == ["产出指标"] * 3
    assert grid.cell(11, 1).anchor == (2, 1)
    assert grid.text(4, 5) == grid.text(3, 5) == "合并"
    assert grid.text(3, 3) == "3000%" and grid.text(2, 4) == ""  # the formula has no value
    assert grid.unsaved_formulas == ((2, 4, "=C2*2"),)
    assert hidden.hidden_sheet is False and hidden.text(2, 2) == "x"
    # the spy sees openpyxl's own load format them: the test would notice a renamed method
    openpyxl.load_workbook(path)
    assert {"format", "_get_borders"} <= set(border_calls)


@pytest.mark.parametrize("data_only", [True, False])
def test_the_loader_sees_what_openpyxl_sees(data_only: bool) -> None:
    data = _bordered_book()
    ours = load_book(io.BytesIO(data), data_only=data_only)
    theirs = openpyxl.load_workbook(io.BytesIO(data), data_only=data_only)
    assert _seen(ours) == _seen(theirs)
    assert ours.sheetnames == theirs.sheetnames == ["图表", "表1", "隐藏"]
    assert [s.title for s in ours.worksheets] == ["表1", "隐藏"]
    assert ours.defined_names["区域"].attr_text == "表1!$A$1:$C$11"
    assert _seen(ours)[0][2] == ["A2:A11", "D3:E4"]
    assert "E3" not in {c.coordinate for c in ours["表1"]._cells.values() if c.value}
    assert ours["表1"]["D3"].hyperlink.target == "https://example.org"


def test_openpyxl_is_left_as_it_is_for_the_rest_of_the_process() -> None:
    data = _bordered_book()
    load_book(io.BytesIO(data), data_only=True)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["表1"]
    assert all(isinstance(r, MergedCellRange) for r in sheet.merged_cells.ranges)
    assert sheet["A11"].border.bottom.style == "thin"  # openpyxl still draws the borders
    assert sheet["D3"].comment is not None  # and reads what a grid does not need


def test_a_damaged_workbook_still_raises_what_openpyxl_raises() -> None:
    data = _bordered_book()
    with pytest.raises(Exception) as ours:
        load_book(io.BytesIO(data[: len(data) // 2]), data_only=True)
    with pytest.raises(Exception) as theirs:
        openpyxl.load_workbook(io.BytesIO(data[: len(data) // 2]), data_only=True)
    assert type(ours.value) is type(theirs.value)


@st.composite
def _sheets(draw: st.DrawFn) -> bytes:
    """A small sheet of texts, numbers and bordered cells with merged ranges that never
    overlap (as Excel saves them), some over cells that hold values."""
    book = openpyxl.Workbook()
    sheet = book.active
    for (row, column), value in draw(
        st.dictionaries(
            st.tuples(st.integers(1, 8), st.integers(1, 5)),
            st.one_of(st.text("产出指标≥95%", min_size=1, max_size=4), st.integers(-5, 500)),
            max_size=25,
        )
    ).items():
        sheet.cell(row, column, value)
        if draw(st.booleans()):
            sheet.cell(row, column).border = Border(bottom=THIN, right=THIN)
    taken: set[tuple[int, int]] = set()
    for top, left, height, width in draw(
        st.lists(st.tuples(*[st.integers(1, 8), st.integers(1, 5)] * 2), max_size=6)
    ):
        spots = {
            (r, c)
            for r in range(top, top + height % 4 + 1)
            for c in range(left, left + width % 3 + 1)
        }
        if len(spots) > 1 and not spots & taken:
            taken |= spots
            bottom, right = max(spots)
            sheet.merged_cells.add(
                CellRange(min_col=left, min_row=top, max_col=right, max_row=bottom)
            )
    saved = io.BytesIO()
    book.save(saved)
    return saved.getvalue()


@settings(max_examples=40, deadline=None)
@given(_sheets())
def test_law_the_loader_and_openpyxl_agree_on_every_sheet(data: bytes) -> None:
    ours = load_book(io.BytesIO(data), data_only=True)
    theirs = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    assert _seen(ours) == _seen(theirs)
