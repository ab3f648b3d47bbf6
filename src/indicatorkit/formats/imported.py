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
from indicatorkit.model.records import Spec
from indicatorkit.units import UnitRegistry, default_registry

__all__ = ["Imported", "spec_units"]


def spec_units(defined: Iterable[str]) -> UnitRegistry | None:
    """The units of a spec an importer assembles: the default registry with the definitions
    its lenient readings added (``LenientParse.defined``: an unknown counting word read as a
    count of its own, T023) — so the spec reads its own targets and writes them in its
    ``计量单位`` block — or ``None`` when there are none.

    >>> from indicatorkit import parse_target
    >>> units = spec_units(parse_target("≥5000蔸", lenient=True).defined)
    >>> units.unit("蔸").dimension, spec_units([]) is None
    ('[蔸]', True)
    """
    units = None
    for line in dict.fromkeys(defined):
        units = (units or default_registry()).define(line)
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
