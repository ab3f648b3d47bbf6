"""A scored spec as rows of one table (``indicatorkit score --format csv``): every indicator,
then each project's budget line and total, then the department — each row with its reason,
its grade where it has one, and every score both as a decimal rounded for display and exact.

>>> from indicatorkit import loads, score
>>> result = score(loads(
...     "项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n"
...     "    偏差原因：案件来源减少\\n"
...     "  指标 产出指标 / 数量指标 / 培训数\\n    指标值：≥20场\\n    实际值：21场\\n"
...     "  指标 产出指标 / 质量指标 / 结案率\\n    指标值：≥90%\\n    实际值：95%\\n"))
>>> for row in score_rows(result):
...     print(" | ".join((row[0], row[5], row[9], row[10], row[13], row[14], row[16])).rstrip())
指标 indicator | 受理数 | 16.67 | 12.50 | 12.5025 |  | 案件来源减少
指标 indicator | 培训数 | 16.67 | 16.67 | 16.67 |  |
指标 indicator | 结案率 | 16.66 | 16.66 | 16.66 |  |
预算执行率 budget line | 预算执行率 | 10.00 | 9.50 | 9.5 |  |
项目总分 project total |  | 60.00 | 55.33 | 55.3325 | 不评 withheld（分值合计 60，不是 100 (the weights total 60, not 100)） |
部门 department |  |  | 55.33 | 55.33 | 待定 undecided |
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Protocol

from indicatorkit.numerals import format_decimal_or_none
from indicatorkit.scoring.indicator import UNDECIDED, display_percent
from indicatorkit.scoring.rules import Rounding
from indicatorkit.scoring.score_records import ProjectScore, ScoredIndicator, SpecScore

__all__ = ["SCORE_COLUMNS", "score_rows"]

#: The columns of :func:`score_rows`, Chinese first, English beside.
SCORE_COLUMNS = (
    "类型 row",
    "项目编号 project",
    "项目 name",
    "一级指标 level1",
    "二级指标 level2",
    "三级指标 indicator",
    "指标值 target",
    "实际值 actual",
    "结果 outcome",
    "分值 weight",
    "得分 score",
    "得分下限 low",
    "得分上限 high",
    "得分精确值 exact",
    "等级 grade",
    "须说明 explain",
    "偏差原因 reason",
    "说明 message",
)


def _exact(value: Fraction | None) -> str:
    return format_decimal_or_none(value) or ""


class _Scored(Protocol):
    """What an indicator's score and the budget line both hold: a row's points."""

    @property
    def weight(self) -> Fraction: ...
    @property
    def score(self) -> Fraction | None: ...
    @property
    def score_range(self) -> tuple[Fraction, Fraction]: ...
    @property
    def exact_score(self) -> Fraction | None: ...
    @property
    def explanation_required(self) -> bool: ...


def _points(row: _Scored, rounding: Rounding) -> tuple[str, ...]:
    """分值, 得分, 得分下限, 得分上限, 得分精确值, 等级 (none for a row), 须说明 of a row."""
    return (
        rounding.display(row.weight),
        rounding.display(row.score),
        rounding.display(row.score_range[0]),
        rounding.display(row.score_range[1]),
        _exact(row.exact_score),
        "",
        "是" if row.explanation_required else "",
    )


def _range(
    span: tuple[Fraction, Fraction], exact: tuple[Fraction, Fraction] | None, rounding: Rounding
) -> tuple[str, str, str, str]:
    """得分, 得分下限, 得分上限, 得分精确值 of a total: the score (as the rule set rounds it)
    and its exact value (before rounding) once decided."""
    low, high = span
    decided = low if low == high else None
    exact_low, exact_high = span if exact is None else exact
    return (
        rounding.display(decided),
        rounding.display(low),
        rounding.display(high),
        _exact(exact_low if decided is not None and exact_low == exact_high else None),
    )


def _indicator(project: ProjectScore, item: ScoredIndicator) -> tuple[str, ...]:
    indicator, result = item.indicator, item.score
    reason = indicator.reason or (
        f"不适用 not applicable：{indicator.not_applicable}"
        if indicator.not_applicable is not None
        else ""
    )
    return (
        "指标 indicator",
        str(project.number),
        project.name,
        indicator.level1,
        indicator.level2,
        indicator.name,
        indicator.target_text,
        indicator.actual or "",
        result.outcome.label,
        *_points(result, project.rounding),
        reason,
        result.message,
    )


def _budget(project: ProjectScore) -> tuple[str, ...]:
    line = project.budget
    return (
        "预算执行率 budget line",
        str(project.number),
        project.name,
        "预算执行率",
        "",
        "预算执行率",
        "" if line.budget is None else str(line.budget),
        "" if line.executed is None else str(line.executed),
        display_percent(line.rate),
        *_points(line, project.rounding),
        line.reason,
        line.message,
    )


def _total(project: ProjectScore) -> tuple[str, ...]:
    weight = sum((item.score.weight for item in project.indicators), project.budget.weight)
    return (
        "项目总分 project total",
        str(project.number),
        project.name,
        *("",) * 6,
        project.rounding.display(weight),
        *_range(project.total_range, project.exact_range, project.rounding),
        project.grade_label,
        "",
        "",
        "不适用指标已折算 rescaled" if project.rescaled else "",
    )


def score_rows(result: SpecScore) -> Iterator[tuple[str, ...]]:
    """The rows of ``result`` under :data:`SCORE_COLUMNS`: a project's indicators, its budget
    line and its total, project by project; the department's roll-up last (when anything was
    scored).  An undecided score leaves 得分 and 得分精确值 empty; its range is in 下限/上限.

    >>> from indicatorkit import loads, score
    >>> result = score(loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n"))
    >>> [(row[0], row[10], row[11], row[12], row[14]) for row in score_rows(result)][-2:]
    [('项目总分 project total', '', '0.00', '60.00', '不评 withheld（分值合计 60，不是 100 (the weights total 60, not 100)）'), ('部门 department', '', '0.00', '60.00', '待定 undecided')]
    """
    for project in result.projects:
        for item in project.indicators:
            yield _indicator(project, item)
        yield _budget(project)
        yield _total(project)
    if result.department_range is not None:
        yield (
            "部门 department",
            *("",) * 8,
            "",
            *_range(result.department_range, None, result.rules.rounding),
            result.department_grade or UNDECIDED,
            "",
            "",
            "",
        )
