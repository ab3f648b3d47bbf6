"""Where a bureau's departments come from: a folder of specs (one department a file, any
format :func:`~indicatorkit.read` reads) or one long table with a ``部门`` column
(:func:`~indicatorkit.formats.long_table_departments.read_department_tables`).

A department is named by its spec's ``部门`` line, else by its file's name (without the
extension).  A file that gives no spec is not a department: what reading it found is in
:attr:`BureauInput.findings`, never dropped silently.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "司法局.ikspec").write_text(
...     "项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n", encoding="utf-8")
>>> _ = (folder / "说明.txt").write_text("随便写点什么\\n", encoding="utf-8")
>>> found = read_bureau(folder)
>>> [(name, pathlib.Path(source).name) for name, source, _ in found.departments]
[('司法局', '司法局.ikspec')]
>>> [f.code for f in found.findings]
['IK601']
"""

from __future__ import annotations

from pathlib import Path

import attrs

from indicatorkit.formats.files import read_file
from indicatorkit.formats.limits import (
    InputLimitError,
    UnreadableInputError,
    current,
    read_input,
)
from indicatorkit.formats.long_table_departments import read_department_tables
from indicatorkit.model.findings import WHOLE, Finding, Severity
from indicatorkit.model.records import Spec

__all__ = ["BureauInput", "read_bureau"]


@attrs.frozen
class BureauInput:
    """Each department's ``(name, source, spec)`` and every finding reading them made (in
    file order).

    >>> BureauInput((), ()).departments
    ()
    """

    departments: tuple[tuple[str, str, Spec], ...]
    findings: tuple[Finding, ...]


def _name(spec: Spec, path: Path) -> str:
    if spec.department is not None and spec.department.name:
        return spec.department.name
    return path.stem


def _folder(folder: Path) -> BureauInput:
    departments: list[tuple[str, str, Spec]] = []
    findings: list[Finding] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        found = read_file(path)
        findings.extend(found.findings)
        if found.spec is not None:
            departments.append((_name(found.spec, path), str(path), found.spec))
    return BureauInput(tuple(departments), tuple(findings))


def _long_table(path: Path) -> BureauInput:
    source = str(path)
    try:
        data = read_input(path, limits=current())
    except UnreadableInputError as error:  # as read_file says it (IK600, IK602)
        message = f"无法读取文件 (cannot read the file): {error.reason}"
        return BureauInput((), (Finding("IK600", Severity.ERROR, message, WHOLE, file=source),))
    except InputLimitError as error:
        return BureauInput((), (Finding("IK602", Severity.ERROR, str(error), WHOLE, file=source),))
    tables = read_department_tables(data, source=source)
    departments: list[tuple[str, str, Spec]] = []
    findings = list(tables.findings)
    for name, imported in tables.departments:
        findings.extend(imported.findings)
        if imported.spec is not None:
            departments.append((name, source, imported.spec))
    return BureauInput(tuple(departments), tuple(findings))


def read_bureau(path: str | Path) -> BureauInput:
    """Read a bureau's departments from ``path``: a folder (every visible file in it, in
    name order; not its sub-folders) or a CSV / TSV long table with a ``部门`` column.

    >>> import tempfile, pathlib
    >>> table = pathlib.Path(tempfile.mkdtemp()) / "局.csv"
    >>> _ = table.write_text("部门,项目编号,三级指标,指标值\\n司法局,1,受理数,≥1件\\n"
    ...     "民政局,1,人数,≥2人\\n", encoding="utf-8")
    >>> [name for name, _, _ in read_bureau(table).departments]
    ['司法局', '民政局']
    """
    chosen = Path(path)
    if chosen.is_dir():
        return _folder(chosen)
    return _long_table(chosen)
