"""What the document reader says while it reads (:mod:`~indicatorkit.formats.document`): each
finding with the index of the part — paragraph or table — it is about, so that findings are
given back in document order whatever order they were made in.

>>> from indicatorkit.formats.document_blocks import Paragraph
>>> said = DocumentFindings("说明.txt")
>>> said.part = 3
>>> said.say("IK614", Severity.INFO, "编号不连续", Paragraph("2.办理案件", 7, 2), 1, length=1)
>>> said.say("IK617", Severity.INFO, "未导入", Paragraph("前言", 1), part=0)
>>> [(f.code, f.place, f.end_column) for f in said.in_order()]
[('IK617', '说明.txt:1:1', None), ('IK614', '说明.txt:7:3', 4)]
"""

from __future__ import annotations

from indicatorkit.formats.document_blocks import Paragraph
from indicatorkit.model.findings import Finding, Severity

__all__ = ["DocumentFindings"]


class DocumentFindings:
    """The findings of one document's reading (see the module): ``source`` names the file,
    ``part`` is the index of the part being read, ``end`` the number of parts (a finding
    said after every part of the document).

    >>> said = DocumentFindings("说明.txt")
    >>> from indicatorkit.model.findings import WHOLE
    >>> said.add(Finding("IK622", Severity.ERROR, "没有可导入的内容", WHOLE, file="说明.txt"))
    >>> [f.place for f in said.in_order()]
    ['说明.txt']
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.part = self.end = 0
        self._found: list[tuple[int, Finding]] = []

    def say(
        self,
        code: str,
        severity: Severity,
        message: str,
        at: Paragraph,
        column: int = 1,
        *,
        length: int | None = None,
        suggestion: str | None = None,
        part: int | None = None,
    ) -> None:
        """A finding about ``at`` from ``column`` of its text (``length`` characters)."""
        column += at.offset
        finding = Finding(
            code,
            severity,
            message,
            at.line,
            column,
            end_column=None if length is None else column + length,
            source_line=" " * at.offset + at.text,
            suggestion=suggestion,
            file=self.source,
        )
        self.add(finding, part)

    def add(self, finding: Finding, part: int | None = None) -> None:
        """``finding``, about ``part`` (``None``: the part being read)."""
        self._found.append((self.part if part is None else part, finding))

    def in_order(self) -> tuple[Finding, ...]:
        """Every finding, in the order of the parts they are about (as made within a part)."""
        return tuple(finding for _, finding in sorted(self._found, key=lambda item: item[0]))
