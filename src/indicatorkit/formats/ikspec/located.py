"""A spec text being read, and every problem found in it kept as a located
:class:`~indicatorkit.model.findings.Finding`: the file, the line and the columns, the line's
text, a hint.  The outline, the fields and the records of the spec reader all say what they
find through :meth:`LocatedReader.problem`.

>>> reader = LocatedReader("项目 1\\r  预算：十元\\n", "表.ikspec")
>>> reader.lines
['项目 1', '  预算：十元', '']
>>> reader.problem("IK021", "预算应为金额 (must be money)", 2, 6, 8, "例如“10000元”")
>>> print(reader.findings[0].render())
表.ikspec:2:6: IK021 error: 预算应为金额 (must be money)
    预算：十元
          ^^^^
  提示 / hint: 例如“10000元”
"""

from __future__ import annotations

import re

from indicatorkit.errors import TextError
from indicatorkit.model.findings import Finding, Severity

__all__ = ["LocatedReader", "finding"]

_LONE_CR = re.compile(r"\r(?!\n)")


def finding(
    code: str,
    message: str,
    line: int,
    column: int = 1,
    end_column: int | None = None,
    *,
    source_line: str = "",
    suggestion: str | None = None,
    file: str | None = None,
) -> Finding:
    """An error of the spec reader at ``line`` and ``column`` (1-based) of ``file``.

    >>> finding("IK002", "文件不是 UTF-8 编码", 3, 5, file="表.ikspec").place
    '表.ikspec:3:5'
    """
    return Finding(
        code, Severity.ERROR, message, line, column, end_column, source_line, suggestion, file
    )


class LocatedReader:
    """A spec text split into lines (a lone CR — old Mac files — ends a line too; CRLF stays as
    it is), the file it came from, and the findings said about it so far.

    >>> LocatedReader("\\ufeff项目 1\\r\\n", None).lines
    ['项目 1\\r', '']
    """

    def __init__(self, text: str, file: str | None) -> None:
        self.text = _LONE_CR.sub("\n", text.removeprefix("\ufeff"))
        self.file = file
        self.lines = self.text.split("\n")
        self.findings: list[Finding] = []

    def problem(
        self,
        code: str,
        message: str,
        line: int,
        column: int,
        end_column: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        """An error at ``line`` and ``column`` (up to ``end_column``), shown under the line."""
        source = self.lines[line - 1].rstrip("\r") if 0 < line <= len(self.lines) else ""
        self.findings.append(
            finding(
                code,
                message,
                line,
                column,
                end_column,
                source_line=source,
                suggestion=suggestion,
                file=self.file,
            )
        )

    def text_error(self, error: TextError, line: int, column: int, code: str) -> None:
        """The grammar's error about a value written from ``column`` of ``line``, said at the
        characters it is about."""
        self.problem(
            code,
            error.message,
            line,
            column + error.position,
            column + error.end,
            error.suggestion,
        )
