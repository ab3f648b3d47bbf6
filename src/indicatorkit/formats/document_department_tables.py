"""The department and programmes a document's tables hold (the tables the library's own
workbook writes for them: ``部门编码 | 部门名称 | 年度 | 总体目标`` and the goals and
measures, ``分项名称`` with its indicator table — read by the layout readers every container
shares), joined to the department the prose describes
(:mod:`~indicatorkit.formats.document_prose`).

What the prose leaves empty is taken from the table; a fact both give differently keeps the
prose's and says so (IK619, at the table); a programme the prose already names is not taken
twice (IK619).  Nothing a table holds is dropped without a finding.

>>> from indicatorkit.model.records import Department, Programme
>>> said = DocumentFindings("说明.docx")
>>> table = TableDepartment(
...     Department("315001", "司法局", 2025, programmes=[Programme("法治宣传")]), Spot("表1", 1, 1), 0)
>>> joined = join_departments(Department("", "", 2024), [table], said)
>>> joined.code, joined.name, joined.year, [p.name for p in joined.programmes]
('315001', '司法局', 2024, ['法治宣传'])
>>> [(f.code, f.place) for f in said.in_order()]
[('IK619', '说明.docx:表1!A1')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from indicatorkit.formats.document_blocks import Spot
from indicatorkit.formats.document_findings import DocumentFindings
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Department

__all__ = ["TableDepartment", "join_departments"]

#: The department's facts a table and the prose may both give: field, Chinese, English.
_FACTS = (
    ("code", "部门编码", "code"),
    ("name", "部门名称", "name"),
    ("year", "年度", "year"),
    ("overall_goal", "总体目标", "overall goal"),
    ("goals", "部门目标", "goals"),
    ("measures", "保障措施", "measures"),
)


@attrs.frozen
class TableDepartment:
    """A department (with its programmes) read from a document's table: where the table
    starts (``spot``) and the index of its part in the document (for the order of findings).

    >>> TableDepartment(Department("", ""), Spot("表2", 1, 1), 4).spot.sheet
    '表2'
    """

    department: Department
    spot: Spot
    part: int


def join_departments(
    prose: Department | None, tables: Sequence[TableDepartment], said: DocumentFindings
) -> Department | None:
    """``prose``'s department with what each of ``tables`` adds (see the module); ``None``
    when neither gives a department.

    >>> said = DocumentFindings("说明.docx")
    >>> join_departments(None, [], said) is None
    True
    >>> table = TableDepartment(Department("315001", "司法局", 2025), Spot("表1", 1, 1), 0)
    >>> joined = join_departments(Department("", "司法局"), [table], said)
    >>> joined.code, joined.name, joined.year, said.in_order()
    ('315001', '司法局', 2025, ())
    """
    joined = prose
    for table in tables:
        joined = table.department if joined is None else _join(joined, table, said)
    return joined


def _join(base: Department, table: TableDepartment, said: DocumentFindings) -> Department:
    """``base`` with ``table``'s facts where it has none and ``table``'s programmes added."""
    taken: dict[str, Any] = {}
    for field, chinese, english in _FACTS:
        mine, theirs = getattr(base, field), getattr(table.department, field)
        if not theirs or mine == theirs:
            continue
        if not mine:
            taken[field] = theirs
            continue
        shown = f"“{theirs}”" if isinstance(theirs, str | int) else ""
        _say(
            said,
            table,
            f"表中的{chinese}{shown}与正文不同，取正文，表中的未导入 (the table gives the "
            f"department's {english} differently from the prose; the prose's is kept, the "
            "table's not imported)",
        )
    names = {programme.name for programme in base.programmes}
    added = []
    for programme in table.department.programmes:
        if programme.name in names:
            _say(
                said,
                table,
                f"分项“{programme.name}”正文已有，表中的未导入 (the prose already has this "
                "programme; the table's is not imported)",
            )
            continue
        names.add(programme.name)
        added.append(programme)
    return attrs.evolve(base, programmes=(*base.programmes, *added), **taken)


def _say(said: DocumentFindings, table: TableDepartment, message: str) -> None:
    spot = table.spot
    finding = Finding(
        "IK619",
        Severity.WARNING,
        message,
        spot.line,
        spot.column,
        source_line=f" {spot.text}" if spot.sheet is None and spot.text else "",
        file=said.source,
        sheet=spot.sheet,
    )
    said.add(finding, table.part)
