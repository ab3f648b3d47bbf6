"""What an importer gives back: the spec it assembled and every located finding on the way.

Every reader of a foreign format (the seed's document form, Word, Excel, CSV long tables, PDF)
returns an :class:`Imported`: nothing the file held is dropped silently — a row either lands in
``spec`` or in a finding that names the file, the sheet (for a workbook), the row or line and the
column.  Codes: ``IK6xx`` documents, Word, CSV long tables and PDF; ``IK7xx`` workbooks.

>>> from indicatorkit import Spec
>>> Imported(Spec(), (), "表.xlsx").counts()
{}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Department, Project, Spec
from indicatorkit.units import UnitRegistry, registry_in_use

__all__ = ["Imported", "spec_units"]


def spec_units(department: Department | None, projects: Iterable[Project]) -> UnitRegistry | None:
    """The units of the spec an importer assembles from ``department`` and ``projects``: the
    default registry with the definitions their targets' lenient readings need (an unknown
    counting word read as a count of its own, T023, ``LenientParse.defined``) — so the spec
    reads its own targets and writes them in its ``计量单位`` block — or ``None`` when they
    need none.  Only the indicators that landed count, whatever else was read on the way.

    >>> from indicatorkit import Indicator, Project, parse_target
    >>> planted = Indicator("产出指标", "数量指标", "栽种数", parse_target("≥5000蔸", lenient=True).target)
    >>> spec_units(None, [Project(1, "绿化", indicators=[planted])]).unit("蔸").dimension
    '[蔸]'
    >>> spec_units(None, [Project(1, "绿化")]) is None
    True
    """
    indicators = [
        *(
            i
            for programme in (department.programmes if department else ())
            for i in programme.indicators
        ),
        *(i for project in projects for i in project.indicators),
    ]
    units = None
    for indicator in indicators:
        for line in indicator.read_target().defined:
            units = (units or registry_in_use()).define(line)  # the same line again: no change
    return units


@attrs.frozen
class Imported:
    """One imported file: ``spec`` (``None`` when nothing could be assembled), the findings in
    file order, and ``source`` (the file's name as the user gave it).

    >>> from indicatorkit import Spec
    >>> from indicatorkit.model.findings import Finding, Severity
    >>> warning = Finding("IK601", Severity.WARNING, "未识别的段落", 3, file="说明.txt")
    >>> imported = Imported(Spec(), (warning, warning), "说明.txt")
    >>> imported.ok, imported.counts()
    (True, {'IK601': 2})
    >>> Imported(None, (), "空.txt").ok
    False
    """

    spec: Spec | None
    findings: tuple[Finding, ...]
    source: str

    @property
    def ok(self) -> bool:
        """True when a spec was assembled and no finding is an error."""
        return self.spec is not None and not any(
            f.severity is Severity.ERROR for f in self.findings
        )

    def counts(self) -> dict[str, int]:
        """How many findings of each code, in code order (for the summary at the end)."""
        return dict(sorted(Counter(f.code for f in self.findings).items()))
