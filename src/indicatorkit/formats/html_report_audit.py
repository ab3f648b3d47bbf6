"""The report's audit section: per table, the rule set that explains most printed scores, and
every printed score that no rule set under review gives — as display text, from the
:class:`~indicatorkit.scoring.audit.Audit` an assessment carries.

>>> from indicatorkit import loads
>>> from indicatorkit.scoring.audit import audit
>>> spec = loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n"
...     "    分值：90\\n    实际值：150件\\n    自评得分：80\\n    偏差原因：来源减少\\n")
>>> (table,) = audit_tables(audit(spec, file="表.ikspec"))
>>> table.best, table.counts
('national（0/1 行 rows）', (('相符 agrees', 0), ('符合其他规则 agrees under another rule set', 0), ('与所有规则不符 contradicts every rule set', 1), ('无法判定 cannot be decided', 0)))
>>> row = table.rows[0]
>>> row.place, row.label, row.printed, row.verdict, row.nearest
('表.ikspec:6:10', '受理数', '80', '与所有规则不符 contradicts every rule set', 'whole-points 68（差 gap 12）')
"""

from __future__ import annotations

import attrs

from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.audit import Audit, RowAudit, Verdict

__all__ = ["AuditRow", "AuditTable", "audit_tables"]


@attrs.frozen
class AuditRow:
    """A printed score the rule set under review does not give: where, what, and why.

    >>> AuditRow("表.xlsx:自评表!G12", "受理数", "20", "20", "相符 agrees", "", "").label
    '受理数'
    """

    place: str
    label: str
    printed: str
    weight: str
    verdict: str
    #: The rule sets that give the printed score (agrees under another rule set).
    rules: str
    #: The nearest rule set's score and the gap (contradicts), or why (cannot be decided).
    nearest: str


@attrs.frozen
class AuditTable:
    """One table's audit: its project, the rule set explaining most rows, the counts by
    verdict and the rows that are not plain agreement.

    >>> AuditTable(1, "甲", "national（3/3 行 rows）", (), ()).best
    'national（3/3 行 rows）'
    """

    number: int
    name: str
    best: str
    counts: tuple[tuple[str, int], ...]
    rows: tuple[AuditRow, ...]


def _nearest(row: RowAudit) -> str:
    if row.verdict is Verdict.UNDECIDABLE:
        return row.reason
    if row.nearest_score is None or row.gap is None:
        return ""
    return f"{row.nearest} {row.nearest_display}（差 gap {format_decimal(row.gap)}）"


def _row(row: RowAudit) -> AuditRow:
    return AuditRow(
        place="" if row.finding is None else row.finding.place,
        label=row.label,
        printed=format_decimal(row.printed),
        weight="" if row.weight is None else format_decimal(row.weight),
        verdict=row.verdict.label,
        rules="、".join(row.explained_by),
        nearest=_nearest(row),
    )


def audit_tables(result: Audit) -> tuple[AuditTable, ...]:
    """The section's tables: every audited table, with its rows that are not plain agreement.

    >>> from indicatorkit.scoring.audit import Audit
    >>> audit_tables(Audit("national", None, ()))
    ()
    """
    return tuple(
        AuditTable(
            table.number,
            table.name,
            f"{table.best}（{table.explained}/{table.decided} 行 rows）" if table.best else "",
            tuple((verdict.label, table.count(verdict)) for verdict in Verdict),
            tuple(_row(row) for row in table.rows if row.verdict is not Verdict.AGREES),
        )
        for table in result.tables
    )
