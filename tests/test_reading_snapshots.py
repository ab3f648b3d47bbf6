"""Every table the suite builds or ships reads today exactly as its stored snapshot says
(``tests/reading_snapshots.py``): a change to any reader that changes a spec or a finding
fails here, and is kept only by regenerating the snapshot on purpose."""

from __future__ import annotations

import functools
import json

import pytest

from indicatorkit.formats.files import ImportedFile
from tests.reading_snapshots import FOLDER, cases, path_of, read_case, snapshot_of, text

pytest.importorskip("openpyxl")
pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

CASES = cases()
MAKERS = dict(CASES)
#: Formats whose findings point at a cell of a sheet (or a table); the others at a line.
GRIDDED = {"xlsx", "xls"}


@functools.cache
def _read(name: str) -> ImportedFile:
    """Case ``name`` read once for every test of this module."""
    return read_case(name, MAKERS[name])


@pytest.mark.parametrize("name", list(MAKERS))
def test_reads_as_the_snapshot_says(name: str) -> None:
    path = path_of(name)
    assert path.exists(), f"no snapshot: run `python -m tests.reading_snapshots {name}`"
    stored = json.loads(path.read_text(encoding="utf-8"))
    now = json.loads(text(snapshot_of(_read(name))))
    assert now == stored, (
        f"{name} reads differently; if on purpose: python -m tests.reading_snapshots {name}"
    )


def test_every_snapshot_has_a_case_and_reads_something() -> None:
    names = {f"{name}.json" for name, _ in CASES}
    assert {p.name for p in FOLDER.glob("*.json")} == names
    specs = [json.loads(p.read_text(encoding="utf-8"))["spec"] for p in FOLDER.glob("*.json")]
    assert sum(spec is not None and len(spec) > 0 for spec in specs) >= len(specs) - 2


@pytest.mark.parametrize("name", list(MAKERS))
def test_every_finding_says_where(name: str) -> None:
    """Each finding names the file as given and a place in it: a sheet (or table) and a cell
    in a workbook, a line and column (or a table's cell) in a document or a text form."""
    found = _read(name)
    for finding in found.findings:
        assert finding.file == name, finding.render()
        assert finding.line >= 1 and finding.column >= 1, finding.render()
        assert finding.sheet is None or finding.sheet.strip(), finding.render()
        if found.format in GRIDDED:
            assert finding.sheet, finding.render()
        assert finding.place.startswith(f"{name}:"), finding.render()
