"""Findings: what the loader and the linter say about a spec, located in its file.

A finding has a stable code (``IK001`` … like ruff's), a severity, a message, and where it is:
file, line, column, the line's text and a caret under the offending part.  The loader raises
:class:`SpecError` holding every error it found at once; the linter returns findings.
"""

from __future__ import annotations

import enum

import attrs

from indicatorkit.errors import IndicatorkitError, caret_line

__all__ = ["Finding", "Severity", "SpecError"]


class Severity(enum.Enum):
    """How bad a finding is: errors make ``indicatorkit lint`` exit non-zero."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Finding:
    """One located message about a spec.

    ``line`` and ``column`` are 1-based; ``end_column`` (exclusive) bounds the caret.
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

    def render(self) -> str:
        """``file:line:col: CODE severity: message`` with the line, a caret and a hint."""
        where = f"{self.file or '<text>'}:{self.line}:{self.column}"
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
            "line": self.line,
            "column": self.column,
            "end_column": self.end_column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
        }


class SpecError(IndicatorkitError):
    """A spec that cannot be loaded; ``findings`` holds every error found, in file order."""

    def __init__(self, findings: tuple[Finding, ...] | list[Finding]) -> None:
        self.findings = tuple(sorted(findings, key=lambda f: (f.line, f.column)))
        count = len(self.findings)
        head = f"规格文件有 {count} 处错误 / the spec has {count} error{'s' if count != 1 else ''}"
        super().__init__("\n".join([head, *(f.render() for f in self.findings)]))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.findings,))
