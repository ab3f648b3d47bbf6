"""What today's code reads from every table the suite builds or ships, kept as canonical JSON
under ``tests/data/reading_snapshots/`` so that a refactor of the readers shows every change it
makes to what is read (``tests/test_reading_snapshots.py`` compares).

Each case writes one file — a workbook in every layout of ``tests/workbook_layouts.py`` and
``tests/central_layouts.py`` (as .xlsx and as .docx), the shipped .xls files, PDFs from
``tests/pdf_maker.py``, the seed as text and as .docx, the example specs as they are, as a
workbook and as a CSV long table — reads it with :func:`indicatorkit.formats.files.read_file`
and keeps the format, the spec (:func:`indicatorkit.dumps`) and every finding (code, place,
severity, message, suggestion).

A deliberate change of behaviour is regenerated, and the diff reviewed, with::

    PYTHONPATH=src python -m tests.reading_snapshots          # rewrite every snapshot
    PYTHONPATH=src python -m tests.reading_snapshots NAME ...  # only these cases
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from indicatorkit import Spec, dumps, load
from indicatorkit.formats.files import ImportedFile, read_file, write
from indicatorkit.formats.long_table import long_table_rows
from indicatorkit.formats.workbook_write import write_workbook
from tests import central_layouts as central
from tests import workbook_layouts as layouts

ROOT = Path(__file__).parents[1]
FOLDER = ROOT / "tests" / "data" / "reading_snapshots"
SEED = ROOT / "examples" / "seed" / "000_878df4ebd272f24d.txt"
EXAMPLES = ("yutian_justice_2025", "yutian_justice_2025_selfassessment")

#: A case: the file name it reads as, and what writes that file into a folder.
Case = tuple[str, Callable[[Path], Path]]


def _builder(build: Callable[[Path], Path], name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return build(folder).rename(folder / name)

    return make


def _bytes(make: Callable[[], bytes], name: str) -> Callable[[Path], Path]:
    def write_bytes(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(make())
        return path

    return write_bytes


def _central(table: Callable[[], central.Table], name: str) -> list[Case]:
    return [
        (f"{name}.xlsx", lambda folder: central.to_xlsx(table(), folder / f"{name}.xlsx")),
        (f"{name}.docx", lambda folder: central.to_docx(table(), folder / f"{name}.docx")),
    ]


def _two_projects() -> central.Table:
    b = central.unit_table()
    rows = central.UNIT_ROWS[:3]
    central.unit_table(b, name="司法救助", title=False, rows=rows, amounts=(5, 6, 3))
    return b.table()


def _unit_line_above() -> central.Table:
    b = central._Builder()
    b.add("单位：万元")
    central.unit_table(b, caption="项目资金")
    return b.table()


def _example(name: str, suffix: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        spec = load(ROOT / "examples" / f"{name}.ikspec")
        path = folder / f"{name}{suffix}"
        if suffix == ".xlsx":
            write_workbook(spec, path)
        elif suffix == ".long.xlsx":  # the long table as a sheet
            import openpyxl

            book = openpyxl.Workbook()
            sheet = book.active
            assert sheet is not None
            for row in long_table_rows(Spec(projects=spec.projects)):
                sheet.append(row)
            book.save(path)
        else:  # a long table holds the projects alone
            write(Spec(projects=spec.projects), path)
        return path

    return make


def _long_rows_repeated(folder: Path) -> Path:
    """Issue 22: a long table whose 项目名称 (and the other project fields) repeat on every
    row, as a CSV export or a filled-down sheet has them."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位：万元"])
    project = ["项目名称", "单位", "预算数（万元）", "年度绩效目标"]
    sheet.append([*project, "一级指标", "二级指标", "三级指标", "指标性质", "指标方向"])
    sheet.cell(2, 10, "目标值"), sheet.cell(2, 11, "计量单位"), sheet.cell(2, 12, "分值")
    first = ["乡村道路维护", "某县交通局", 85.5, "维护道路60公里"]
    second = ["公交补贴", "某县交通局", 20, "保障公交运营"]
    sheet.append([*first, "产出指标", "数量指标", "维护里程", "正向", "大于等于", 60, "公里", 50])
    sheet.append(
        [*first, "效益指标", "社会效益指标", "通行保障", "定性", None, "通行顺畅", None, 30]
    )
    sheet.append([*first, "满意度指标", "满意度指标", "群众满意度", "正向", "≥", 90, "%", 10])
    sheet.append([*second, "产出指标", "数量指标", "补贴线路", "正向", "等于", 12, "条", 50])
    sheet.append([*second, "满意度指标", "满意度指标", "乘客满意度", "正向", "≥", 85, "%", 10])
    path = folder / "E2_长表_逐行重复.xlsx"
    book.save(path)
    return path


def cases() -> list[Case]:
    """Every case, in a fixed order; names are unique and are the snapshot file names."""
    from tests.test_document_import import TABLE
    from tests.test_pdf import self_assessment as pdf_table
    from tests.test_word import seed_docx

    found: list[Case] = []
    for build in (
        layouts.declaration_blocks,
        layouts.self_assessment_central,
        layouts.self_assessment_hubei,
        layouts.transfer_payment,
        layouts.split_units,
        layouts.long_table,
        layouts.national_export,
        layouts.cell_lists,
        layouts.department_wide,
        layouts.older_naming,
        layouts.printed_totals,
    ):
        found.append((f"layout_{build.__name__}.xlsx", _builder(build, f"{build.__name__}.xlsx")))
    found.append(("E2_长表_逐行重复.xlsx", _long_rows_repeated))
    for shipped in sorted((ROOT / "tests" / "workbooks").glob("*.xls")):
        found.append((shipped.name, _bytes(shipped.read_bytes, shipped.name)))
    variants: dict[str, Callable[[], central.Table]] = {
        "central_self_assessment": central.self_assessment,
        "central_self_assessment_yuan_spaced": lambda: central.self_assessment(
            unit="元", spaced=True, initial_column=False
        ),
        "central_self_assessment_leftovers": lambda: central.self_assessment(
            total_label=False, serial_actual=True, empty_rows=True
        ),
        "central_declaration": central.declaration,
        "central_declaration_midterm": lambda: central.declaration(unit="元", midterm=True),
        "central_unit_table": lambda: central.unit_table().table(),
        "central_unit_table_variants": lambda: central.unit_table(
            blank_column=True, merge_levels=False, rate="95%", total=("合计", 90, 90), grade=None
        ).table(),
        "central_unit_table_no_unit": lambda: central.unit_table(
            caption="项目资金", amounts=(100000, 120000, 114000)
        ).table(),
        "central_unit_line_above": _unit_line_above,
        "central_two_projects": _two_projects,
    }
    for name, table in variants.items():
        found.extend(_central(table, name))
    found.append(("pdf_self_assessment.pdf", _bytes(lambda: _pdf([[pdf_table()]]), "自评.pdf")))
    found.append(
        (
            "pdf_two_pages.pdf",
            _bytes(lambda: _pdf([[pdf_table("甲")], [pdf_table("乙", total="95")]]), "两页.pdf"),
        )
    )
    found.append(("seed.txt", _bytes(SEED.read_bytes, "seed.txt")))
    found.append(("seed.docx", _bytes(seed_docx, "seed.docx")))
    found.append(("document_table.txt", _bytes(lambda: TABLE.encode(), "table.txt")))
    for example in EXAMPLES:
        for suffix in (".ikspec", ".xlsx", ".csv", ".long.xlsx"):
            found.append((f"{example}{suffix}", _example(example, suffix)))
    return found


def _pdf(pages: Any) -> bytes:
    from tests.pdf_maker import make_pdf

    return bytes(make_pdf(pages))


def read_case(name: str, make: Callable[[Path], Path]) -> ImportedFile:
    """What reading case ``name`` gives today (the file is read as ``name``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = make(Path(folder))
        return read_file(path, source=name)


def snapshot(name: str, make: Callable[[Path], Path]) -> dict[str, Any]:
    """What reading case ``name`` gives today, as canonical JSON-ready data."""
    return snapshot_of(read_case(name, make))


def snapshot_of(found: ImportedFile) -> dict[str, Any]:
    """A read file as canonical JSON-ready data: its format, spec and findings."""
    spec = found.spec
    return {
        "format": found.format,
        "spec": None if spec is None else dumps(spec).splitlines(),
        "findings": [
            {
                "code": f.code,
                "place": f.place,
                "severity": f.severity.name,
                "message": f.message,
                "suggestion": f.suggestion,
            }
            for f in found.findings
        ],
    }


def text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def path_of(name: str) -> Path:
    return FOLDER / f"{name}.json"


def main(names: list[str]) -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, make in cases():
        if names and name not in names:
            continue
        path_of(name).write_text(text(snapshot(name, make)), encoding="utf-8")
        print(path_of(name).relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
