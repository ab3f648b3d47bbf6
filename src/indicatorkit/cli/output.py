"""Where a verb's report goes and in what form (报告的去处与格式): standard output or the file
``-o`` names (written whole when the verb ends), as JSON or CSV rows under a bilingual header.

>>> import io
>>> out = io.StringIO()
>>> dump_csv(("指标值 text", "结果 result"), [("≥95%", None)], out)
>>> out.getvalue()
'指标值 text,结果 result\\n≥95%,\\n'
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from indicatorkit.formats.inert_cells import write_csv
from indicatorkit.formats.output import opened
from indicatorkit.model.findings import Finding

__all__ = ["FINDING_COLUMNS", "dump_csv", "dump_json", "finding_cells", "report_to"]

#: The CSV header of findings (``lint --format csv``), one column per field of :class:`Finding`.
FINDING_COLUMNS = (
    "文件 file",
    "工作表 sheet",
    "行 line",
    "列 column",
    "代码 code",
    "级别 severity",
    "说明 message",
    "提示 suggestion",
)


def dump_json(data: object, out: TextIO) -> None:
    """Write ``data`` as indented JSON, Chinese as it is.

    >>> dump_json({"指标值": "≥95%"}, sys.stdout)
    {
      "指标值": "≥95%"
    }
    """
    print(json.dumps(data, ensure_ascii=False, indent=2), file=out)


def dump_csv(header: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO) -> None:
    """Rows as CSV under a bilingual header (``None`` as an empty cell, no live formula).

    >>> dump_csv(("说明 message",), [("=1+1",)], sys.stdout)
    说明 message
    '=1+1
    """
    write_csv(out, [header, *rows], lineterminator="\n")


def finding_cells(finding: Finding) -> tuple[object, ...]:
    """A finding as a row under :data:`FINDING_COLUMNS`: its place as JSON gives it (no line
    or column for a finding about a whole file or sheet).

    >>> from indicatorkit.model.findings import WHOLE, Severity
    >>> finding_cells(Finding("IK105", Severity.WARNING, "缺少单位", 3, file="a.ikspec"))
    ('a.ikspec', None, 3, 1, 'IK105', 'warning', '缺少单位', None)
    >>> finding_cells(Finding("IK700", Severity.ERROR, "单元格过多", WHOLE, file="b.xls", sheet="表"))[:4]
    ('b.xls', '表', None, None)
    """
    place = finding.to_dict()
    return (
        finding.file,
        finding.sheet,
        place["line"],
        place["column"],
        finding.code,
        finding.severity.value,
        finding.message,
        finding.suggestion,
    )


@contextmanager
def report_to(output: str | None, *, bom: bool = False) -> Iterator[TextIO]:
    """Where a verb writes its report: standard output, or ``output`` written whole when the
    verb ends (a failed run leaves an earlier report as it was); ``bom`` for a CSV file
    Excel opens.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp(), "核对.csv")
    >>> with report_to(str(path), bom=True) as out:
    ...     dump_csv(("结果 result",), [("达成 met",)], out)
    >>> path.read_bytes()[:3] == "\\ufeff".encode()
    True
    """
    if output is None:
        yield sys.stdout
        return
    with opened(output, encoding="utf-8-sig" if bom else "utf-8") as handle:
        yield handle
