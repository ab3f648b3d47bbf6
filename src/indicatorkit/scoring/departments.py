"""Many departments at once (多部门评分): each department's spec scored by :func:`score
<indicatorkit.score>` under one rule set, ranked, and the bureau's summary (局汇总).

A department's total and grade are :class:`~indicatorkit.scoring.score_records.SpecScore`'s
roll-up, exactly (rounded as the rule set rounds a total); the bureau's mean is the exact mean
of the decided department totals, rounded the same way.  Departments whose total is still
undecided (a range) are listed after the ranked ones, without a rank: never dropped, never
guessed.  Equal totals share a rank (1, 2, 2, 4).

>>> from indicatorkit import loads
>>> from indicatorkit.numerals import format_decimal
>>> def spec(actual):
...     return loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n"
...         "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    分值：90\\n"
...         f"    实际值：{actual}\\n")
>>> bureau = score_departments([("司法局", spec("210件")), ("民政局", spec("150件")),
...                             ("教育局", spec("210件"))])
>>> [(d.rank, d.name, format_decimal(d.total), d.grade) for d in bureau.departments]
[(1, '司法局', '100', '优'), (1, '教育局', '100', '优'), (3, '民政局', '77.5', '中')]
>>> bureau.summary.mean, bureau.summary.grades
(Fraction(185, 2), (('优', 2), ('中', 1)))
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from indicatorkit.model.records import Spec
from indicatorkit.numerals import format_decimal_or_none
from indicatorkit.scoring.report import SpecScore, score
from indicatorkit.scoring.rules import Rounding, RuleSet, rule_set

__all__ = [
    "BureauScore",
    "BureauSummary",
    "DepartmentStanding",
    "rank_departments",
    "score_departments",
]


@attrs.frozen
class DepartmentStanding:
    """One department in the bureau's ranking: its ``name``, where it came from
    (``source``: a file, or the long table's rows), its ``result`` and its ``rank`` (``None``
    while its total is undecided or it has nothing scored).

    >>> from indicatorkit import loads
    >>> bureau = score_departments([("甲", loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n"
    ...     "    指标值：≥1件\\n"))])
    >>> standing = bureau.departments[0]
    >>> standing.rank, standing.total, standing.total_range, standing.projects
    (None, None, (Fraction(0, 1), Fraction(60, 1)), 1)
    """

    name: str
    source: str
    result: SpecScore
    rank: int | None

    @property
    def total_range(self) -> tuple[Fraction, Fraction] | None:
        return self.result.department_range

    @property
    def total(self) -> Fraction | None:
        return self.result.department_total

    @property
    def grade(self) -> str | None:
        return self.result.department_grade

    @property
    def projects(self) -> int:
        return len(self.result.projects)

    @property
    def indicators(self) -> int:
        return sum(len(project.indicators) for project in self.result.projects)

    def to_dict(self, rounding: Rounding) -> dict[str, Any]:
        """Plain data: exact decimal strings beside the points as ``rounding`` (the rule
        set's) shows them."""
        low, high = self.total_range or (None, None)
        return {
            "rank": self.rank,
            "department": self.name,
            "source": self.source,
            "projects": self.projects,
            "indicators": self.indicators,
            "total": format_decimal_or_none(self.total),
            "total_display": rounding.display(self.total),
            "total_range": [format_decimal_or_none(low), format_decimal_or_none(high)],
            "grade": self.grade,
        }


@attrs.frozen
class BureauSummary:
    """The bureau's summary: ``departments`` counted, ``ranked`` (decided totals), the exact
    ``mean`` of the decided totals rounded as the rule set rounds a total (``None`` when none
    is decided), its ``grade``, and how many departments got each grade, in the rule set's
    order of grades.

    >>> BureauSummary(departments=0, ranked=0, mean=None, grade=None, grades=()).mean is None
    True
    """

    departments: int
    ranked: int
    mean: Fraction | None
    grade: str | None
    grades: tuple[tuple[str, int], ...]


@attrs.frozen
class BureauScore:
    """Every department ranked (ranked ones first, best first; then the undecided, by name),
    the rule set all were scored by, and the :class:`BureauSummary`.

    >>> from indicatorkit import loads
    >>> bureau = score_departments([], rules="hubei")
    >>> bureau.rules.name, bureau.departments, bureau.summary.ranked
    ('hubei', (), 0)
    >>> sorted(bureau.to_dict())
    ['departments', 'rules', 'summary']
    """

    rules: RuleSet
    departments: tuple[DepartmentStanding, ...]
    summary: BureauSummary

    @property
    def rounding(self) -> Rounding:
        """The rule set's rounding: how the totals are shown."""
        return self.rules.rounding

    def to_dict(self) -> dict[str, Any]:
        """Plain data (numbers as exact decimal strings, never floats)."""
        summary = self.summary
        return {
            "rules": self.rules.name,
            "departments": [d.to_dict(self.rounding) for d in self.departments],
            "summary": {
                "departments": summary.departments,
                "ranked": summary.ranked,
                "mean": format_decimal_or_none(summary.mean),
                "mean_display": self.rounding.display(summary.mean),
                "grade": summary.grade,
                "grades": dict(summary.grades),
            },
        }


def rank_departments(scored: Iterable[tuple[str, str, SpecScore]], rules: RuleSet) -> BureauScore:
    """Rank departments already scored under ``rules``: ``(name, source, result)`` each.

    >>> from indicatorkit import NATIONAL, loads, score
    >>> result = score(loads("项目 1 甲\\n  预算：100元\\n  执行数：100元\\n"
    ...     "  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n    分值：90\\n    实际值：1件\\n"))
    >>> bureau = rank_departments([("乙", "b.ikspec", result), ("甲", "a.ikspec", result)], NATIONAL)
    >>> [(d.rank, d.name) for d in bureau.departments]
    [(1, '乙'), (1, '甲')]
    """
    items = list(scored)
    decided = sorted(
        (
            (name, source, result)
            for name, source, result in items
            if result.department_total is not None
        ),
        key=lambda item: (-item[2].department_total, item[0]),  # type: ignore[operator]
    )
    standings: list[DepartmentStanding] = []
    previous: Fraction | None = None
    rank = 0
    for position, (name, source, result) in enumerate(decided, start=1):
        if result.department_total != previous:
            rank, previous = position, result.department_total
        standings.append(DepartmentStanding(name, source, result, rank))
    undecided = sorted(
        (item for item in items if item[2].department_total is None), key=lambda item: item[0]
    )
    standings.extend(
        DepartmentStanding(name, source, result, None) for name, source, result in undecided
    )
    totals = [d.total for d in standings if d.total is not None]
    mean = rules.rounding.total(sum(totals, Fraction(0)) / len(totals)) if totals else None
    counts = {name: 0 for _, name in rules.grades}
    for standing in standings:
        if standing.grade is not None:
            counts[standing.grade] = counts.get(standing.grade, 0) + 1
    summary = BureauSummary(
        departments=len(standings),
        ranked=len(totals),
        mean=mean,
        grade=None if mean is None else rules.grade(mean),
        grades=tuple((name, count) for name, count in counts.items() if count),
    )
    return BureauScore(rules, tuple(standings), summary)


def score_departments(
    specs: Iterable[tuple[str, Spec]],
    *,
    rules: RuleSet | str | None = None,
    rescale: bool = False,
    sources: Iterable[str] | None = None,
) -> BureauScore:
    """Score each ``(name, spec)`` by :func:`~indicatorkit.score` under one rule set —
    ``rules``, else the national rules (one rule set for all, so the ranking compares like
    with like) — and rank them (:func:`rank_departments`).  ``sources`` name where each came
    from (a file); ``rescale`` as for ``score``.

    >>> from indicatorkit import loads
    >>> bureau = score_departments([("甲", loads("项目 1 甲\\n"))], sources=["甲.ikspec"])
    >>> bureau.departments[0].source, bureau.departments[0].total_range
    ('甲.ikspec', None)
    """
    chosen = rule_set(rules)
    pairs = list(specs)
    names = list(sources) if sources is not None else ["" for _ in pairs]
    return rank_departments(
        (
            (name, source, score(spec, rules=chosen, rescale=rescale))
            for (name, spec), source in zip(pairs, names, strict=True)
        ),
        chosen,
    )
