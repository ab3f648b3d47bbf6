"""Long tables in a workbook (issue 22): every row where the user put it.  A project's cells
may stand on its first row only, be merged down, or repeat on every row — the project is the
same; the library's own long table saved as .xlsx reads exactly as the CSV does."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

from indicatorkit import Spec, load
from indicatorkit.formats.files import read
from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.long_table import long_table_rows, read_long_table
from indicatorkit.formats.workbook_read import read_grids

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025_selfassessment.ikspec"
HEADER = ["项目名称", "单位", "预算数（万元）", "年度绩效目标", "一级指标", "二级指标", "三级指标"]
HEADER += ["指标性质", "指标方向", "目标值", "计量单位", "分值"]

# a project: name, budget, indicators (level-3 name, target number, weight)
_names = st.lists(
    st.text(alphabet="甲乙丙丁戊己庚辛", min_size=1, max_size=4),
    min_size=1,
    max_size=5,
    unique=True,
)


def _rows(projects: list[tuple[str, int, list[tuple[str, int, int]]]], repeat: bool) -> list[list]:
    rows: list[list] = [["单位：万元"], HEADER]
    for name, budget, indicators in projects:
        for index, (label, target, weight) in enumerate(indicators):
            project = [name, "某县交通局", str(budget), f"{name}的目标"]
            if index and not repeat:
                project = [None] * 4
            levels = ["产出指标", "数量指标", label, "正向", "大于等于"]
            rows.append([*project, *levels, str(target), "公里", str(weight)])
    return rows


@st.composite
def _projects(draw: st.DrawFn) -> list[tuple[str, int, list[tuple[str, int, int]]]]:
    names = draw(_names)
    found = []
    for name in names:
        labels = draw(st.lists(st.sampled_from("里程路段桥梁涵洞"), min_size=1, max_size=3))
        indicators = [
            (f"{label}{i}", draw(st.integers(1, 999)), 10) for i, label in enumerate(labels)
        ]
        found.append((name, draw(st.integers(1, 500)), indicators))
    return found


@given(_projects())
def test_repeated_project_cells_read_as_on_the_first_row_only(projects) -> None:
    first_only = read_grids([grid_from_rows("表", _rows(projects, False))], source="表.xlsx")
    repeated = read_grids([grid_from_rows("表", _rows(projects, True))], source="表.xlsx")
    assert repeated.spec == first_only.spec
    assert [p.name for p in repeated.spec.projects] == [name for name, _, _ in projects]
    assert [len(p.indicators) for p in repeated.spec.projects] == [len(i) for _, _, i in projects]
    assert [f.code for f in repeated.findings] == [f.code for f in first_only.findings] == []


def test_a_repeated_name_with_another_budget_is_another_project() -> None:
    rows = _rows([("道路", 10, [("里程", 5, 10)]), ("道路", 20, [("桥梁", 2, 10)])], True)
    imported = read_grids([grid_from_rows("表", rows)], source="表.xlsx")
    assert [(p.name, str(p.budget.total)) for p in imported.spec.projects] == [
        ("道路", "10万元"),
        ("道路", "20万元"),
    ]


def test_the_long_table_saved_as_a_workbook_reads_as_the_csv(tmp_path: Path) -> None:
    """The CSV long table with every project cell filled down (as a user's sheet has it),
    saved as .xlsx: the same spec as the CSV, every project whole."""
    spec = Spec(projects=load(EXAMPLE).projects)
    header, *rows = long_table_rows(spec)
    filled: list[list[str]] = []
    for row in rows:
        if filled and row[0] == filled[-1][0]:
            row = [
                value or above if column.startswith(("项目", "实施", "预算")) else value
                for column, value, above in zip(header, row, filled[-1], strict=True)
            ]
        filled.append(row)
    names = [row[header.index("项目名称")] for row in filled]
    assert sum(bool(n) for n in names) > len(spec.projects)  # rows repeat their project's name
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *filled])
    from_csv = read_long_table(buffer.getvalue(), source="长表.csv")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [header, *filled]:
        sheet.append(row)
    book.save(tmp_path / "长表.xlsx")
    from_xlsx = read(tmp_path / "长表.xlsx")
    assert from_csv.spec is not None and len(from_csv.spec.projects) == len(spec.projects)
    assert from_xlsx.spec == from_csv.spec
    assert [(f.code, f.line, f.column) for f in from_xlsx.findings] == [
        (f.code, f.line, f.column) for f in from_csv.findings
    ]
