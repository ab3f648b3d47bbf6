"""Every table the suite builds or ships reads today exactly as its stored snapshot says
(``tests/reading_snapshots.py``): a change to any reader that changes a spec or a finding
fails here, and is kept only by regenerating the snapshot on purpose."""

from __future__ import annotations

import json

import pytest

from tests.reading_snapshots import FOLDER, cases, path_of, snapshot, text

pytest.importorskip("openpyxl")
pytest.importorskip("docx")
pytest.importorskip("pdfplumber")

CASES = cases()


@pytest.mark.parametrize(("name", "make"), CASES, ids=[name for name, _ in CASES])
def test_reads_as_the_snapshot_says(name: str, make) -> None:
    path = path_of(name)
    assert path.exists(), f"no snapshot: run `python -m tests.reading_snapshots {name}`"
    stored = json.loads(path.read_text(encoding="utf-8"))
    now = json.loads(text(snapshot(name, make)))
    assert now == stored, (
        f"{name} reads differently; if on purpose: python -m tests.reading_snapshots {name}"
    )


def test_every_snapshot_has_a_case_and_reads_something() -> None:
    names = {f"{name}.json" for name, _ in CASES}
    assert {p.name for p in FOLDER.glob("*.json")} == names
    specs = [json.loads(p.read_text(encoding="utf-8"))["spec"] for p in FOLDER.glob("*.json")]
    assert sum(spec is not None and len(spec) > 0 for spec in specs) >= len(specs) - 2
