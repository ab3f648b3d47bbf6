"""The table layer: each container gives grids of located cells (formats.grid and its
containers), with raw values, number formats and merged ranges kept."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import docx
import openpyxl
import pytest

from indicatorkit.formats.grid import MAX_CELLS, Cell, GridTooLargeError, grid_from_rows, key
from indicatorkit.formats.grid_docx import docx_grids
from indicatorkit.formats.grid_pdf import pdf_grid
from indicatorkit.formats.grid_text import csv_grid
from indicatorkit.formats.workbook_grid import load_grids

FIXTURES = Path(__file__).parent / "workbooks"


def test_an_xlsx_cell_keeps_text_raw_value_format_place_and_merged_range(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "自评表"
    sheet["C2"] = 0.95
    sheet["C2"].number_format = "0%"
    sheet["D2"] = dt.date(2025, 12, 31)
    sheet["A3"] = "项目资金（万元）"
    sheet.merge_cells("A3:A6")
    book.save(tmp_path / "表.xlsx")
    (grid,) = load_grids(tmp_path / "表.xlsx", source="单位/表.xlsx")
    rate = grid.cell(2, 3)
    assert rate is not None
    assert (rate.text, rate.number, rate.raw, rate.number_format) == (
        "95%",
        Fraction(19, 20),
        0.95,
        "0%",
    )
    assert rate.place == "单位/表.xlsx:自评表!C2" and grid.source == "单位/表.xlsx"
    day = grid.cell(2, 4)
    assert day is not None and day.is_date and day.text == "2025年12月31日"
    covered = grid.cell(6, 1)
    assert covered is not None and covered.text == "项目资金（万元）"
    assert covered.anchor == (3, 1) and covered.merged == (3, 1, 6, 1)
    anchor = grid.cell(3, 1)
    assert anchor is not None and anchor.merged == (3, 1, 6, 1) and anchor.anchor is None


def test_an_xls_gives_the_same_cells_as_the_xlsx_it_came_from() -> None:
    (grid,) = load_grids(FIXTURES / "B_自评表.xls")
    cell = grid.find_row(["年初预算数", "全年执行数"])
    assert cell is not None and grid.cell(1, 1) is not None
    assert grid.cell(1, 1).place == "B_自评表.xls:自评表!A1"  # type: ignore[union-attr]


def test_a_word_table_keeps_column_spans_and_vertical_merges() -> None:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(3, 0)).text = "项目资金（万元）"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "年度资金总额"
    table.cell(0, 3).text = "12"
    table.cell(1, 1).text = "其他资金"
    (grid,) = docx_grids(document.element.body, source="自评.docx")
    assert grid.text(4, 1) == "项目资金（万元）" and grid.cell(4, 1).anchor == (1, 1)  # type: ignore[union-attr]
    assert grid.cell(1, 3).merged == (1, 2, 1, 3)  # type: ignore[union-attr]
    assert grid.text(1, 4) == "12" and grid.cell(1, 4).place == "自评.docx:表1!D1"  # type: ignore[union-attr]
    assert grid.right_of(grid.cell(1, 2)).text == "12"  # type: ignore[arg-type,union-attr]


def test_pdf_tables_run_on_over_pages_each_cell_on_its_page() -> None:
    grid = pdf_grid(
        [("第1页", [["一级指标", None], ["产出指标", "  数量\n指标 "]]), ("第2页", [["x"]])]
    )
    assert grid.text(2, 2) == "数量\n指标" and grid.cell(2, 1).sheet == "第1页"  # type: ignore[union-attr]
    assert grid.cell(3, 1).sheet == "第2页" and grid.cell(1, 2) is None  # type: ignore[union-attr]


def test_csv_and_tsv_text() -> None:
    assert csv_grid('a,"b,c"\n').text(1, 2) == "b,c"
    tabbed = csv_grid("a,b\tc\n")  # a tab decides: the comma is text
    assert (tabbed.text(1, 1), tabbed.text(1, 2), tabbed.columns) == ("a,b", "c", 2)


def test_find_row_own_cells_and_keys() -> None:
    grid = grid_from_rows(
        "表",
        [["项目资金（万元）", "年 初 预算数", "全年执行数"], [None, "年度资金总额", "1"]],
        merges=[(1, 1, 2, 1)],
    )
    assert grid.find_row(["年初预算数", "执行数"]) == 1
    assert grid.find_row(["年度资金总额"]) == 2 and grid.find_row(["无此词"]) is None
    assert [c.text for c in grid.own_cells(2)] == ["年度资金总额", "1"]  # A2 is A1's
    assert key(" 其中：当年 财政拨款： ") == "其中:当年财政拨款"


def test_a_merged_range_too_large_is_the_librarys_error() -> None:
    with pytest.raises(GridTooLargeError):
        grid_from_rows("表", [["甲"]], merges=[(1, 1, MAX_CELLS, 2)])
    assert Cell(1, 1, "x", None).place == "A1"


def test_a_grid_keys_each_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The layout readers compare a cell's label many times (each layout probes the grid);
    the grid computes :func:`key` once per text, so a document's reading stays linear and
    cheap (the seed's text form: 6,166 computations before, fewer than one a cell now)."""
    from indicatorkit.formats import grid as grid_module
    from indicatorkit.formats.files import read_file

    computed: list[str] = []

    def counting(text: str) -> str:
        computed.append(text)
        return key(text)

    monkeypatch.setattr(grid_module, "key", counting)
    grid = grid_from_rows("表", [["项 目 名 称", "项 目 名 称"], ["项 目 名 称", "法律援助"]])
    keys = [grid.key_of(cell) for _ in range(5) for cell in grid.cells.values()]
    assert set(keys) == {"项目名称", "法律援助"} and sorted(computed) == ["法律援助", "项 目 名 称"]
    computed.clear()
    seed = Path(__file__).parents[1] / "examples" / "seed" / "000_878df4ebd272f24d.txt"
    read_file(seed)
    cells = sum(1 for line in seed.read_text(encoding="utf-8").splitlines() if line[:1] == "\t")
    assert len(computed) < cells  # at most once a text in each table (7 tables)
