"""Auditing a published self-assessment (自评表): every printed 得分 recomputed under every
shipped rule set, and what the printed table claims checked against itself.

Each row with a printed score is classified (:class:`Verdict`): it **agrees** with the rule
set under review (``rules``, national by default) — exactly as that rule set rounds, or, when
the table prints fewer decimals than the rule set rounds to, at the table's printed precision;
it **agrees under another** shipped rule set or variant (named); it **contradicts** every
rule set (the nearest rule set's score and the gap are given); or it **cannot be decided**
(the actual cannot be read, no 分值 is printed …; the reason is given).  A whole number in a
table that prints no decimals says nothing of its precision: it must match exactly (4.84 is
not "5 at the printed precision"; the ``whole-points`` rule set rounds that way, and is named
when it does).  A qualitative row agrees when the printed score lies in its grade's band.

Per table, :attr:`TableAudit.best` names the rule set that explains most printed scores (the
rule set under review first among equals) and :attr:`TableAudit.explained` how many.  The
table-level checks are in :mod:`indicatorkit.scoring.audit_checks`.

>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 临时救助
...   指标 产出指标 / 数量指标 / 特困人员救助供养人数
...     指标值：>=4754人
...     分值：5
...     实际值：4604人
...     自评得分：5
...   指标 产出指标 / 数量指标 / 扶贫临时救助人数
...     指标值：>=7人
...     分值：10
...     实际值：7人
...     自评得分：10
... ''')
>>> result = audit(spec)
>>> [row.verdict.value for row in result.tables[0].rows]
['agrees under another rule set', 'agrees']
>>> result.tables[0].rows[0].explained_by
('whole-points',)
>>> [f.code for f in result.findings]
['IK802', 'IK804', 'IK815', 'IK813']
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

import attrs

from indicatorkit.errors import ArgumentError
from indicatorkit.language.targets import Qualitative
from indicatorkit.language.values import Grade
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Indicator, Project, Spec
from indicatorkit.numerals import format_decimal, format_decimal_or_none
from indicatorkit.scoring.audit_checks import decimals, row_finding, table_checks
from indicatorkit.scoring.budget_line import BudgetLine, budget_line
from indicatorkit.scoring.indicator import IndicatorScore, Outcome
from indicatorkit.scoring.report import score
from indicatorkit.scoring.rules import RULE_SETS, Rounding, RoundingStage, RuleSet, rule_set
from indicatorkit.scoring.score_records import ScoredIndicator

__all__ = ["Audit", "RowAudit", "TableAudit", "Verdict", "audit"]

_ZERO = Fraction(0)
_HALF_UP = Rounding(stage=RoundingStage.NONE)


class Verdict(enum.Enum):
    """What a printed score is, against the rules.

    >>> [v.label for v in Verdict]  # doctest: +NORMALIZE_WHITESPACE
    ['相符 agrees', '符合其他规则 agrees under another rule set', '与所有规则不符 contradicts every rule set',
     '无法判定 cannot be decided']
    """

    AGREES = "agrees"
    AGREES_ELSEWHERE = "agrees under another rule set"
    CONTRADICTS = "contradicts"
    UNDECIDABLE = "cannot be decided"

    @property
    def label(self) -> str:
        """Chinese first, English beside."""
        return _LABELS[self]


_LABELS = {
    Verdict.AGREES: "相符 agrees",
    Verdict.AGREES_ELSEWHERE: "符合其他规则 agrees under another rule set",
    Verdict.CONTRADICTS: "与所有规则不符 contradicts every rule set",
    Verdict.UNDECIDABLE: "无法判定 cannot be decided",
}


@attrs.frozen
class _Reading:
    """What one rule set gives a row: a formula's score (``low == high``) or a qualitative
    band, as the rule set rounds it; ``exact`` before rounding; ``grade`` for a band."""

    rules: RuleSet
    low: Fraction
    high: Fraction
    exact: Fraction
    grade: Grade | None = None
    #: The budget line's score from the 执行率 as printed (rounded), which a table may use.
    from_printed_rate: Fraction | None = None

    def explains(self, printed: Fraction, weight: Fraction, precision: int) -> bool:
        """Whether ``printed`` is this rule set's score: exactly, inside the band (or inside
        the band as the rule set rounds rows: under whole points 部分达成 of a 1-point row
        shows 1), or — when the table prints ``precision`` (≥ 1) decimals, fewer than the
        rule set rounds rows to — the exact score rounded half up to that precision."""
        if self.grade is not None:  # inside the band, or inside it as the rule set rounds rows
            inside = weight > 0 and self.rules.bands[self.grade].admits(printed / weight)
            return inside or self.low <= printed <= self.high
        if printed in (self.low, self.from_printed_rate):
            return True
        rounding = self.rules.rounding
        finer = rounding.stage is not RoundingStage.INDICATOR or precision < rounding.places
        if precision < 1 or not finer:
            return False
        shown = attrs.evolve(_HALF_UP, places=precision).round(self.exact)
        return printed == min(shown, weight)

    def distance(self, printed: Fraction) -> Fraction:
        if self.low <= printed <= self.high:
            return _ZERO
        return min(abs(printed - self.low), abs(printed - self.high))

    def nearest(self, printed: Fraction) -> Fraction:
        return self.low if abs(printed - self.low) <= abs(printed - self.high) else self.high


@attrs.frozen
class RowAudit:
    """One printed row (an indicator, or the budget line: ``indicator`` is ``None``).

    ``explained_by`` names every rule set that gives the printed score, the one under review
    first; ``nearest`` and ``nearest_score`` (low, high: a band when they differ) and ``gap``
    (printed − nearest) are given when no rule set does; ``reason`` says why a row cannot be
    decided; ``finding`` is the row's located finding (``None`` when it agrees).

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥10件\\n    分值：90\\n"
    ...              "    实际值：12件\\n    自评得分：90\\n")
    >>> row = audit(spec).tables[0].rows[0]
    >>> row.verdict.label, row.explained_by[:2], row.reference_score, row.finding
    ('相符 agrees', ('national', 'hubei'), (Fraction(90, 1), Fraction(90, 1)), None)
    """

    project: int
    label: str
    indicator: Indicator | None
    printed: Fraction
    weight: Fraction | None
    verdict: Verdict
    explained_by: tuple[str, ...] = ()
    reference_score: tuple[Fraction, Fraction] | None = None
    nearest: str | None = None
    nearest_score: tuple[Fraction, Fraction] | None = None
    gap: Fraction | None = None
    reason: str = ""
    finding: Finding | None = None
    #: ``nearest_score`` as the nearest rule set shows points (its places), ``""`` without one.
    nearest_display: str = ""
    #: ``reference_score`` as the rule set under review shows points (its places; a band as
    #: ``low–high``), ``""`` without one.
    reference_display: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data (numbers as exact decimal strings)."""
        return {
            "project": self.project,
            "row": self.label,
            "printed": format_decimal(self.printed),
            "weight": format_decimal_or_none(self.weight),
            "verdict": self.verdict.value,
            "verdict_label": self.verdict.label,
            "explained_by": list(self.explained_by),
            "reference_score": _pair(self.reference_score),
            "reference_display": self.reference_display,
            "nearest": self.nearest,
            "nearest_score": _pair(self.nearest_score),
            "nearest_display": self.nearest_display,
            "gap": format_decimal_or_none(self.gap),
            "reason": self.reason,
            "place": None if self.finding is None else self.finding.place,
        }


@attrs.frozen
class TableAudit:
    """One project's table: its rows, the rule set that explains most of them (``best``,
    explaining ``explained`` of ``decided`` rows) and the table-level ``checks``.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥10件\\n    分值：90\\n"
    ...              "    实际值：12件\\n    自评得分：90\\n")
    >>> table = audit(spec).tables[0]
    >>> table.best, table.explained, table.decided, table.count(Verdict.AGREES), table.checks
    ('national', 1, 1, 1, ())
    """

    number: int
    name: str
    rows: tuple[RowAudit, ...]
    best: str | None
    explained: int
    decided: int
    checks: tuple[Finding, ...]

    def count(self, verdict: Verdict) -> int:
        return sum(row.verdict is verdict for row in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.number,
            "name": self.name,
            "best_rules": self.best,
            "explained": self.explained,
            "decided": self.decided,
            "rows": [row.to_dict() for row in self.rows],
            "checks": [check.to_dict() for check in self.checks],
        }


@attrs.frozen
class Audit:
    """The audit of one spec under ``rules`` (the rule set under review), table by table.

    ``findings`` are every row's finding and every table check, in table order; ``clean`` is
    True when none is an error or a warning (the command exits 0 then).

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥10件\\n    分值：90\\n"
    ...              "    实际值：12件\\n    自评得分：90\\n")
    >>> result = audit(spec, file="表.ikspec")
    >>> result.rules, result.clean, result.counts()["agrees"], result.findings
    ('national', True, 1, ())
    >>> print(result.table().splitlines()[1])
    项目 project 1 甲：最能解释印出得分的规则 rules explaining most printed scores: national（1/1 行 rows）
    """

    rules: str
    file: str | None
    tables: tuple[TableAudit, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        found: list[Finding] = []
        for table in self.tables:
            found.extend(row.finding for row in table.rows if row.finding is not None)
            found.extend(table.checks)
        return tuple(found)

    @property
    def clean(self) -> bool:
        return not any(f.severity is not Severity.INFO for f in self.findings)

    def counts(self) -> dict[str, int]:
        """How many rows got each verdict."""
        return {v.value: sum(t.count(v) for t in self.tables) for v in Verdict}

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rules": self.rules,
            "counts": self.counts(),
            "tables": [table.to_dict() for table in self.tables],
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def table(self) -> str:
        """A readable report: per table the rule set that explains most rows, then every
        finding, then the counts."""
        lines = [f"文件 file: {self.file or '<spec>'}  审核规则 rules under review: {self.rules}"]
        if not self.tables:
            lines.append("没有印出得分的表，无可审核 (no table prints a score to audit)")
        for table in self.tables:
            best = (
                f"{table.best}（{table.explained}/{table.decided} 行 rows）"
                if table.best
                else "无 none"
            )
            lines.append(
                f"项目 project {table.number} {table.name}：最能解释印出得分的规则 "
                f"rules explaining most printed scores: {best}"
            )
            for row in table.rows:
                if row.finding is not None:
                    lines.append("  " + row.finding.render().replace("\n", "\n  "))
            lines.extend("  " + check.render().replace("\n", "\n  ") for check in table.checks)
        counts = self.counts()
        lines.append(
            "合计 summary: "
            + "，".join(f"{v.label} {counts[v.value]}" for v in Verdict)
            + f"；表级问题 table findings {sum(len(t.checks) for t in self.tables)}"
        )
        return "\n".join(lines)


def _pair(pair: tuple[Fraction, Fraction] | None) -> list[str] | None:
    return None if pair is None else [format_decimal(pair[0]), format_decimal(pair[1])]


def _shown(reading: _Reading) -> str:
    """A rule set's score (or band) for a row as that rule set shows points (its places)."""
    return reading.rules.rounding.display_range(reading.low, reading.high)


_GRADES = {
    Outcome.MET: Grade.ACHIEVED,
    Outcome.PARTIAL: Grade.PARTIAL,
    Outcome.MISSED: Grade.NOT_ACHIEVED,
}


def _indicator_reading(rules: RuleSet, result: IndicatorScore) -> _Reading | None:
    if not result.outcome.decided or result.outcome is Outcome.NOT_APPLICABLE:
        return None
    if isinstance(result.target, Qualitative):
        low, high = result.score_range
        return _Reading(rules, low, high, result.exact_score or low, _GRADES[result.outcome])
    assert result.score is not None and result.exact_score is not None
    return _formula(rules, result.score, result.exact_score, result.weight)


def _budget_reading(rules: RuleSet, line: BudgetLine, rate: Fraction | None) -> _Reading | None:
    """The budget line under ``rules``; with the 执行率 as printed (``rate``), the score a
    table computes from that rate too."""
    if line.score is None or line.exact_score is None:
        return None
    reading = _formula(rules, line.score, line.exact_score, line.weight)
    if rate is None:
        return reading
    # the rule set's own formula (a rule set may define it), on the table's printed weight
    at_weight = attrs.evolve(rules, budget_weight=line.weight)
    shown = rules.rounding.row(at_weight.budget_score(rate), line.weight)
    return attrs.evolve(reading, from_printed_rate=shown)


def _formula(rules: RuleSet, score: Fraction, exact: Fraction, weight: Fraction) -> _Reading:
    """A formula's score as a table under ``rules`` shows it: where the rule set keeps rows
    exact (it rounds the total only), at its places."""
    if rules.rounding.stage is not RoundingStage.INDICATOR and score != weight:
        score = min(rules.rounding.round(score), weight)
    return _Reading(rules, score, score, exact)


def _without_printed_scores(spec: Spec) -> Spec:
    """The spec with no evaluator's score: every rule set then gives its own score, and a
    qualitative row its whole band."""
    projects = [
        attrs.evolve(
            project,
            indicators=[attrs.evolve(i, evaluator_score=None) for i in project.indicators],
        )
        for project in spec.projects
    ]
    return attrs.evolve(spec, projects=projects)


def audit(
    spec: Spec,
    *,
    rules: RuleSet | str | None = None,
    candidates: Iterable[RuleSet] | None = None,
    file: str | None = None,
) -> Audit:
    """Audit the printed scores of ``spec`` (the 自评得分 of each row, the budget line's and
    the totals a reader kept in :attr:`Project.printed`) under ``rules`` — a rule set or its
    name; ``None``: the rule set the spec names, else national — against ``candidates``
    (every shipped rule set by default).  ``file`` names the file in the findings.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 甲\\n  指标 效益指标 / 社会效益指标 / 知晓率\\n    指标值：≥100%\\n"
    ...              "    分值：10\\n    实际值：98%\\n    自评得分：9\\n    偏差原因：宣传不足\\n")
    >>> row = audit(spec, file="表.ikspec").tables[0].rows[0]
    >>> row.verdict.value, row.nearest, row.nearest_score, row.gap
    ('contradicts', 'national', (Fraction(49, 5), Fraction(49, 5)), Fraction(-4, 5))
    >>> print(row.finding.render())  # doctest: +NORMALIZE_WHITESPACE
    表.ikspec:6:10: IK801 error: 知晓率：印出得分 9（分值 10）与所有规则都不符；最接近的是 national 的 9.80，相差 -0.8
    (the printed score contradicts every rule set: nearest national 9.80, gap -0.8)
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("audit", "spec", "Spec", spec, "indicatorkit.read(path).spec")
    reference = rule_set(rules if rules is not None else spec.rules)
    pool = [reference, *(r for r in (candidates or RULE_SETS.values()) if r != reference)]
    audited = [p for p in spec.projects if p.withheld is None and _printed_anything(p)]
    stripped = _without_printed_scores(attrs.evolve(spec, projects=audited))
    by_rules = [_scored(stripped, r) for r in pool] if audited else []
    tables = []
    for project in audited:
        per_rules = [scored[project.number] for scored in by_rules]
        rows = _rows(project, per_rules, pool, file)
        best, explained, decided = _best(rows, pool)
        first = per_rules[0]
        checks = table_checks(
            project, first.indicators, first.budget, reference, pool, file, spec.units
        )
        tables.append(
            TableAudit(project.number, project.name, rows, best, explained, decided, checks)
        )
    return Audit(reference.name, file, tuple(tables))


@attrs.frozen
class _Scores:
    """One project scored by one rule set: its indicators and its budget line."""

    indicators: tuple[ScoredIndicator, ...]
    budget: BudgetLine


def _printed_anything(project: Project) -> bool:
    """Whether ``project`` prints a score or a figure to audit (a declaration table prints
    none: there is nothing to audit)."""
    printed = project.printed
    figures = () if printed is None else (printed.total, printed.grade, printed.budget_score)
    return any(i.evaluator_score is not None for i in project.indicators) or any(
        figure is not None for figure in figures
    )


def _scored(spec: Spec, rules: RuleSet) -> dict[int, _Scores]:
    """Every project of ``spec`` under ``rules``, by number (a table of a budget line alone
    too)."""
    scored = {p.number: _Scores(p.indicators, p.budget) for p in score(spec, rules=rules).projects}
    for project in spec.projects:
        if project.number not in scored and project.withheld is None:
            scored[project.number] = _Scores((), budget_line(project, rules))
    return scored


def _rows(
    project: Project, per_rules: Sequence[_Scores], pool: Sequence[RuleSet], file: str | None
) -> tuple[RowAudit, ...]:
    printed_rows = [i.evaluator_score for i in project.indicators if i.evaluator_score is not None]
    budget_printed = project.printed.budget_score if project.printed else None
    if budget_printed is not None:
        printed_rows.append(budget_printed)
    precision = max((decimals(p) for p in printed_rows), default=0)
    rows: list[RowAudit] = []
    for position, indicator in enumerate(project.indicators):
        if indicator.evaluator_score is None:
            continue
        readings = [
            _indicator_reading(r, scores.indicators[position].score)
            for r, scores in zip(pool, per_rules, strict=True)
        ]
        reason = per_rules[0].indicators[position].score.message
        if indicator.weight is None:
            readings, reason = [], "表中没有印出分值 (no 分值 printed for the row)"
        rows.append(
            _classify(
                project,
                indicator,
                _label(indicator),
                indicator.evaluator_score,
                indicator.weight,
                readings,
                precision,
                reason,
                file,
            )
        )
    if budget_printed is not None:
        line = per_rules[0].budget
        rate = project.printed.budget_rate if project.printed else None
        readings = [
            _budget_reading(r, s.budget, rate) for r, s in zip(pool, per_rules, strict=True)
        ]
        rows.append(
            _classify(
                project,
                None,
                "预算执行率 budget line",
                budget_printed,
                line.weight,
                readings,
                precision,
                line.message,
                file,
            )
        )
    return tuple(rows)


def _label(indicator: Indicator) -> str:
    return indicator.name or " / ".join(p for p in (indicator.level1, indicator.level2) if p)


def _classify(
    project: Project,
    indicator: Indicator | None,
    label: str,
    printed: Fraction,
    weight: Fraction | None,
    readings: Sequence[_Reading | None],
    precision: int,
    reason: str,
    file: str | None,
) -> RowAudit:
    """A printed row's verdict among the rule sets' ``readings`` (the one under review first)."""
    row = RowAudit(project.number, label, indicator, printed, weight, Verdict.UNDECIDABLE)
    decided = [r for r in readings if r is not None]
    if weight is None or not decided:
        why = reason or "无法计算得分 (no rule set can score the row)"
        message = f"{label}：无法判定 — {why}"
        finding = row_finding(project, indicator, "IK803", message, file)
        return attrs.evolve(row, reason=why, finding=finding)
    explaining = tuple(r.rules.name for r in decided if r.explains(printed, weight, precision))
    first = readings[0]
    reference = None if first is None else (first.low, first.high)
    shown_reference = "" if first is None else _shown(first)
    row = attrs.evolve(
        row,
        explained_by=explaining,
        reference_score=reference,
        reference_display=shown_reference,
    )
    if first is not None and first.rules.name in explaining:
        return attrs.evolve(row, verdict=Verdict.AGREES)
    shown = format_decimal(printed)
    if explaining:
        gives = "" if first is None else f"（{first.rules.name} 给 {_shown(first)}）"
        names = "、".join(explaining)
        message = (
            f"{label}：印出得分 {shown}{gives}只符合 {names} "
            f"(agrees only under {', '.join(explaining)})"
        )
        finding = row_finding(project, indicator, "IK802", message, file)
        return attrs.evolve(row, verdict=Verdict.AGREES_ELSEWHERE, finding=finding)
    nearest = min(decided, key=lambda r: r.distance(printed))  # the first of equals
    gap = printed - nearest.nearest(printed)
    near, points = _shown(nearest), format_decimal(weight)
    own = ""
    if first is not None and first is not nearest:
        own = f"；{first.rules.name} 给 {_shown(first)}"
    message = (
        f"{label}：印出得分 {shown}（分值 {points}）与所有规则都不符；最接近的是 "
        f"{nearest.rules.name} 的 {near}，相差 {format_decimal(gap)}{own} (the printed score "
        f"contradicts every rule set: nearest {nearest.rules.name} {near}, gap "
        f"{format_decimal(gap)})"
    )
    return attrs.evolve(
        row,
        verdict=Verdict.CONTRADICTS,
        nearest=nearest.rules.name,
        nearest_score=(nearest.low, nearest.high),
        nearest_display=near,
        gap=gap,
        finding=row_finding(project, indicator, "IK801", message, file),
    )


def _best(rows: Sequence[RowAudit], pool: Sequence[RuleSet]) -> tuple[str | None, int, int]:
    """The rule set explaining most decided rows (the one under review first among equals,
    then the shipped order), how many it explains, and how many rows were decided."""
    decided = [row for row in rows if row.verdict is not Verdict.UNDECIDABLE]
    if not decided:
        return None, 0, 0
    counts = [sum(r.name in row.explained_by for row in decided) for r in pool]
    most = max(counts)
    return pool[counts.index(most)].name, most, len(decided)
