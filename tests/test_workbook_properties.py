"""Laws of the workbook format over generated specs: a 目标申报表 written by ``write_workbook``
reads back to an equal spec, and every finding it gives is located in a sheet of the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from indicatorkit import Spec
from indicatorkit.formats.workbook import read_workbook, write_workbook
from indicatorkit.model.findings import Severity
from indicatorkit.strategies import specs


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs())
def test_write_then_read_gives_the_spec_back(spec: Spec) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "申报表.xlsx"
        write_workbook(spec, path)
        imported = read_workbook(path, source="申报表.xlsx")
    assert imported.spec == spec
    # a written workbook leaves nothing unread and has no error
    assert not [f for f in imported.findings if f.code in ("IK716", "IK717", "IK701")]
    assert not [f for f in imported.findings if f.severity is Severity.ERROR]
    for finding in imported.findings:
        assert finding.file == "申报表.xlsx" and finding.sheet
