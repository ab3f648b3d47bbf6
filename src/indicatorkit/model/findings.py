"""Findings: what the loader and the linter say about a spec, located in its file.

A finding has a stable code (``IK001`` … like ruff's), a severity, a message, and where it is:
file, line, column, the line's text and a caret under the offending part.  The loader raises
:class:`SpecError` holding every error it found at once; the linter returns findings.
"""

from __future__ import annotations

import enum

import attrs

from indicatorkit.errors import IndicatorkitError, caret_line

__all__ = ["WHOLE", "Finding", "Severity", "SpecError", "column_letters"]

#: The ``line`` of a finding that has none: about a whole file — or, with a ``sheet``, a whole
#: sheet — where no line or cell is more precise (a file that cannot be opened, a workbook with
#: nothing to import), or about data that has no lines (JSON, a spec built in code): shown as
#: ``file`` or ``file:sheet``, never as a made-up ``1:1`` or ``0:0``.
WHOLE = 0


class Severity(enum.Enum):
    """How bad a finding is: errors make ``indicatorkit lint`` exit non-zero.

    >>> from indicatorkit.model import Severity
    >>> Severity("warning"), [s.value for s in Severity]
    (<Severity.WARNING: 'warning'>, ['error', 'warning', 'info'])
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Finding:
    """One located message about a spec.

    ``line`` and ``column`` are 1-based; ``end_column`` (exclusive) bounds the caret.  In a
    workbook, ``sheet`` names the sheet and ``line``/``column`` are the cell's row and column
    (shown as ``file:sheet!C12``).  ``line`` :data:`WHOLE` says the finding is about the whole
    file (or the whole ``sheet``): shown as ``file`` (``file:sheet``), ``null`` line and column
    in JSON.

    >>> Finding("IK050", Severity.ERROR, "数字写法无效", 12, 3, file="表.xlsx", sheet="自评表").render()
    '表.xlsx:自评表!C12: IK050 error: 数字写法无效'
    >>> Finding("IK700", Severity.ERROR, "不是工作簿", WHOLE, file="坏.xlsx").render()
    '坏.xlsx: IK700 error: 不是工作簿'
    >>> Finding("IK700", Severity.ERROR, "单元格过多", WHOLE, file="表.xls", sheet="自评表").place
    '表.xls:自评表'
    """

    code: str
    severity: Severity
    message: str
    line: int
    column: int = 1
    end_column: int | None = None
    source_line: str = ""
    suggestion: str | None = None
    file: str | None = None
    sheet: str | None = None

    @property
    def whole(self) -> bool:
        """Whether the finding is about the whole file (or the whole ``sheet``): no line."""
        return self.line == WHOLE

    @property
    def place(self) -> str:
        """Where, as text: ``file:line:column``, or ``file:sheet!C12`` in a workbook; ``file``
        or ``file:sheet`` for a finding about the whole of it (:attr:`whole`)."""
        if self.sheet is not None:
            book = self.file or "<workbook>"
            if self.whole:
                return f"{book}:{self.sheet}"
            return f"{book}:{self.sheet}!{column_letters(self.column)}{self.line}"
        if self.whole:
            return self.file or "<text>"
        return f"{self.file or '<text>'}:{self.line}:{self.column}"

    def render(self) -> str:
        """``file:line:col: CODE severity: message`` with the line, a caret and a hint."""
        where = self.place
        lines = [f"{where}: {self.code} {self.severity.value}: {self.message}"]
        if self.source_line.strip():
            start = self.column - 1
            end = self.end_column - 1 if self.end_column else None
            lines.append(caret_line(self.source_line, start, end))
        if self.suggestion:
            lines.append(f"  提示 / hint: {self.suggestion}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """Plain data for ``--format json``."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "line": None if self.whole else self.line,
            "column": None if self.whole else self.column,
            "end_column": None if self.whole else self.end_column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def column_letters(column: int) -> str:
    """A 1-based column number as a spreadsheet's letters: 1 → ``A``, 28 → ``AB``.

    >>> column_letters(1), column_letters(26), column_letters(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"


class SpecError(IndicatorkitError):
    """A spec that cannot be loaded; ``findings`` holds every error found, in file order.

    >>> from indicatorkit import SpecError, loads
    >>> try:
    ...     loads("项目 1 法律援助\\n  预算 1元\\n")
    ... except SpecError as error:
    ...     print([(f.code, f.line, f.column) for f in error.findings])
    [('IK014', 2, 6)]
    """

    def __init__(self, findings: tuple[Finding, ...] | list[Finding]) -> None:
        self.findings = tuple(sorted(findings, key=lambda f: (f.line, f.column)))
        count = len(self.findings)
        head = f"规格文件有 {count} 处错误 / the spec has {count} error{'s' if count != 1 else ''}"
        super().__init__("\n".join([head, *(f.render() for f in self.findings)]))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.findings,))
