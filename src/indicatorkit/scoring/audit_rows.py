"""Audits as rows of one table (``indicatorkit audit --format csv``): every audited row with its
verdict, the rule sets that give its printed score or the nearest one and the gap, then each
table's checks — every row located (file, sheet or page, row, column).

>>> from indicatorkit import loads
>>> from indicatorkit.scoring.audit import audit
>>> result = audit(loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n"
...     "    分值：80\\n    实际值：150件\\n    自评得分：55\\n    偏差原因：来源减少\\n"), file="表.ikspec")
>>> for row in audit_rows([result]):
...     print(" | ".join("" if cell is None else str(cell) for cell in row[2:]))
... # doctest: +NORMALIZE_WHITESPACE
6 | 10 | 1 | 受理数 | 55 | 80 | contradicts | 与所有规则不符 contradicts every rule set | national |
  | national | 60 | -5 | IK801 | 受理数：印出得分 55（分值 80）与所有规则都不符；最接近的是 national 的 60.00，相差 -5
  (the printed score contradicts every rule set: nearest national 60.00, gap -5)
1 | 1 | 1 | 甲 | | | | | national | | | | | IK813 | 分值合计（含预算执行率 10 分）为 90，不是 100
  (the weights total 90, not 100)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from indicatorkit.model.findings import Finding
from indicatorkit.numerals import format_decimal, format_decimal_or_none
from indicatorkit.scoring.audit import Audit, RowAudit

__all__ = ["AUDIT_COLUMNS", "audit_rows"]

#: The columns of :func:`audit_rows`, Chinese first, English beside.
AUDIT_COLUMNS = (
    "文件 file",
    "工作表或页 sheet",
    "行 row",
    "列 column",
    "项目 project",
    "指标 row",
    "印出得分 printed",
    "分值 weight",
    "结论 verdict",
    "结论说明 verdict label",
    "审核规则 rules under review",
    "符合的规则 agreeing rules",
    "最接近的规则 nearest rules",
    "最接近的得分 nearest score",
    "差 gap",
    "代码 code",
    "说明 message",
)


def _place(finding: Finding | None, file: str | None) -> tuple[object, ...]:
    if finding is None:
        return (file, None, None, None)
    return (finding.file, finding.sheet, finding.line, finding.column)


def _row(result: Audit, row: RowAudit) -> tuple[object, ...]:
    nearest = row.nearest_score
    return (
        *_place(row.finding, result.file),
        row.project,
        row.label,
        format_decimal(row.printed),
        format_decimal_or_none(row.weight),
        row.verdict.value,
        row.verdict.label,
        result.rules,
        "、".join(row.explained_by),
        row.nearest,
        None if nearest is None else "–".join(dict.fromkeys(format_decimal(v) for v in nearest)),
        format_decimal_or_none(row.gap),
        None if row.finding is None else row.finding.code,
        row.reason if row.finding is None else row.finding.message,
    )


def audit_rows(audits: Iterable[Audit]) -> Iterator[tuple[object, ...]]:
    """Every audited row, then each table's checks, file by file (the columns are
    :data:`AUDIT_COLUMNS`).

    >>> list(audit_rows([])), len(AUDIT_COLUMNS)
    ([], 17)
    """
    for result in audits:
        for table in result.tables:
            for row in table.rows:
                yield _row(result, row)
            for check in table.checks:
                yield (
                    *_place(check, result.file),
                    table.number,
                    table.name,
                    None,
                    None,
                    None,
                    None,
                    result.rules,
                    None,
                    None,
                    None,
                    None,
                    check.code,
                    check.message,
                )
