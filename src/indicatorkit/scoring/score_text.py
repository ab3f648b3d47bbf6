"""A scored spec as a readable text table (``SpecScore.table``, ``indicatorkit score``): per
project each indicator with why an open row is open (or the printed 得分 beside the rules'),
the budget line, the total and grade; the department's roll-up last.

>>> from indicatorkit import loads, score
>>> text = score_table(score(loads("项目 3 人民调解\\n  指标 产出指标 / 数量指标 / 调解案件数\\n"
...     "    指标值：≥40件\\n")))
>>> print(text.splitlines()[2])
  产出指标 / 数量指标 / 调解案件数 | ≥40件 |  | 缺实际值 actual missing | 50.00 | 0.00–50.00
>>> print(text.splitlines()[-1])
部门 department: 0.00–60.00  等级 grade: 待定 undecided
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from indicatorkit.scoring.budget_line import BudgetLine
from indicatorkit.scoring.indicator import UNDECIDED, IndicatorScore, display_percent
from indicatorkit.scoring.printed_note import printed_score_note
from indicatorkit.scoring.rules import Rounding

if TYPE_CHECKING:  # the records call this module: no import back at run time
    from indicatorkit.scoring.score_records import ProjectScore, ScoredIndicator, SpecScore

__all__ = ["score_table"]

_HEADER = (
    "  一级 / 二级 / 三级指标 indicator | 指标值 target | 实际值 actual | 结果 outcome | "
    "分值 weight | 得分 score"
)


def _open(result: IndicatorScore) -> bool:
    """Whether a row leaves its points open: undecided or unreadable, or an explanation the
    rules require is missing (the reasons ``score`` prints and exits 1 for)."""
    return not result.outcome.decided or (
        result.explanation_required and not result.explanation_given
    )


def _score_text(score: Fraction | None, span: tuple[Fraction, Fraction], rounding: Rounding) -> str:
    """A row's score, or its whole range (both ends, even when equal) while undecided."""
    if score is not None:
        return rounding.display(score)
    return f"{rounding.display(span[0])}–{rounding.display(span[1])}"


def score_table(result: SpecScore) -> str:
    """The text table of ``result`` (see the module's docstring).

    >>> from indicatorkit import loads, score
    >>> print(score_table(score(loads("项目 1 甲\\n  预算：10元\\n  执行数：10元\\n"
    ...     "  指标 产出指标 / 数量指标 / 数\\n    指标值：≥2件\\n    实际值：3件\\n"))).splitlines()[-2])
      总分 total: 60.00  等级 grade: 不评 withheld（分值合计 60，不是 100 (the weights total 60, not 100)）
    """
    lines: list[str] = []
    for project in result.projects:
        lines.extend(_project_lines(project))
    if result.department_range is not None:
        lines.append(
            f"部门 department: {result.rules.rounding.display_range(*result.department_range)}  "
            f"等级 grade: {result.department_grade or UNDECIDED}"
        )
    return "\n".join(lines)


def _project_lines(project: ProjectScore) -> Iterator[str]:
    rounding = project.rounding
    yield f"项目 project {project.number} {project.name}"
    yield _HEADER
    for item in project.indicators:
        yield from _indicator_lines(item, rounding)
    yield from _budget_lines(project.budget, rounding)
    total = rounding.display_range(*project.total_range)
    yield (
        f"  总分 total: {total}  等级 grade: {project.grade_label}"
        + ("（已按百分制折算 rescaled）" if project.rescaled else "")
    )


def _indicator_lines(item: ScoredIndicator, rounding: Rounding) -> Iterator[str]:
    ind, result = item.indicator, item.score
    score = _score_text(result.score, result.score_range, rounding)
    yield (
        f"  {ind.level1} / {ind.level2} / {ind.name} | {ind.target_text} | "
        f"{ind.actual or ''} | {result.outcome.label} | {rounding.display(result.weight)} | {score}"
    )
    if _open(result) and result.message:
        yield f"    原因 why: {result.message}"
    elif printed := printed_score_note(ind, result.score, rounding):
        yield f"    核对 note: {printed}"


def _budget_lines(budget: BudgetLine, rounding: Rounding) -> Iterator[str]:
    score = _score_text(budget.score, budget.score_range, rounding)
    rate, weight = display_percent(budget.rate), rounding.display(budget.weight)
    yield f"  预算执行率 budget line | {rate} | {weight} | {score}"
    if budget.message:
        yield f"    原因 why: {budget.message}"
