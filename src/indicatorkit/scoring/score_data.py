"""A scored spec as plain data (``SpecScore.to_dict``, ``indicatorkit score --format json``):
every number as its exact decimal text (``"3352/35"`` where it does not terminate), never a
float, with the decimal string a table shows beside it (``*_display``: points to the rule
set's places — :meth:`~indicatorkit.scoring.rounding.Rounding.display`, 2 for national —, ratios
— attainment, deviation, rates — to 4).

>>> from indicatorkit import loads, score
>>> data = spec_score_data(score(loads("项目 2 普法宣传\\n  指标 效益指标 / 社会效益指标 / 知晓率\\n"
...     "    指标值：≥80%\\n    实际值：60%\\n")))
>>> row = data["projects"][0]["indicators"][0]
>>> row["score"], row["score_display"], row["attainment"], row["attainment_display"]
('22.5', '22.50', '0.75', '0.7500')
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from indicatorkit.numerals import format_decimal_or_none as _text
from indicatorkit.scoring.budget_line import BudgetLine
from indicatorkit.scoring.indicator import RATIO_PLACES, IndicatorScore, display
from indicatorkit.scoring.rules import Rounding

if TYPE_CHECKING:  # the records call this module: no import back at run time
    from indicatorkit.scoring.score_records import (
        ProjectScore,
        ScoredIndicator,
        SpecScore,
        Subtotal,
    )

__all__ = ["ratio_data", "spec_score_data"]

#: Decimal places of a ratio's ``*_display`` string beside its exact value:
#: :data:`~indicatorkit.scoring.indicator.RATIO_PLACES` (4); points take the rule set's.
_RATIO = RATIO_PLACES


def ratio_data(name: str, value: Fraction | None) -> dict[str, str | None]:
    """A ratio (an attainment, a deviation, a rate) as every JSON output writes it: its exact
    decimal text under ``name`` (``None`` for none) and the decimal to 4 places beside it
    under ``name_display`` (``""`` for none) — ``score``, ``check`` and ``monitor`` alike.

    >>> ratio_data("attainment", Fraction(3, 4)), ratio_data("rate", Fraction(2, 3))
    ({'attainment': '0.75', 'attainment_display': '0.7500'}, {'rate': '2/3', 'rate_display': '0.6667'})
    >>> ratio_data("attainment", None)
    {'attainment': None, 'attainment_display': ''}
    """
    return {name: _text(value), f"{name}_display": display(value, _RATIO)}


def _range_data(
    name: str, span: tuple[Fraction, Fraction], rounding: Rounding
) -> dict[str, list[Any]]:
    """A range of points: its exact texts and, beside them, its display strings."""
    return {
        name: [_text(v) for v in span],
        f"{name}_display": [rounding.display(v) for v in span],
    }


def _plain(record: object, *names: str) -> dict[str, Any]:
    """The fields ``names`` of ``record``, as they are (texts, flags, whole numbers)."""
    return {name: getattr(record, name) for name in names}


def spec_score_data(result: SpecScore) -> dict[str, Any]:
    """``result`` as plain data: the rule set's name, the department's roll-up (``None``
    when nothing was scored), each project, the findings of merging actuals.

    >>> from indicatorkit import loads, score
    >>> data = spec_score_data(score(loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥2件\\n")))
    >>> data["department"]["total_range"], data["projects"][0]["grade_note"][:8]
    (['0', '60'], '分值合计 60，')
    """
    department, rounding = result.department_range, result.rules.rounding
    return {
        "rules": result.rules.name,
        "department": None
        if department is None
        else {
            **_range_data("total_range", department, rounding),
            "total": _text(result.department_total),
            "total_display": rounding.display(result.department_total),
            "grade": result.department_grade,
        },
        "projects": [_project_data(project) for project in result.projects],
        "findings": [finding.to_dict() for finding in result.findings],
    }


def _indicator_data(item: ScoredIndicator, rounding: Rounding) -> dict[str, Any]:
    result = item.score
    return {
        **_plain(item.indicator, "level1", "level2", "name"),
        **result.to_dict(rounding),
        **_indicator_displays(result, rounding),
        **_plain(item.indicator, "reason", "not_applicable"),
    }


def _indicator_displays(result: IndicatorScore, rounding: Rounding) -> dict[str, Any]:
    """The decimal strings beside an indicator's exact values (``score_display`` is the
    score's own)."""
    return {
        "weight_display": rounding.display(result.weight),
        "score_range_display": [rounding.display(v) for v in result.score_range],
        "attainment_display": display(result.attainment, _RATIO),
        "deviation_display": display(result.deviation, _RATIO),
    }


def _subtotal_data(sub: Subtotal, rounding: Rounding) -> dict[str, Any]:
    return {
        **_plain(sub, "level1", "level2"),
        "weight": _text(sub.weight),
        "weight_display": rounding.display(sub.weight),
        **_range_data("score_range", sub.score_range, rounding),
    }


def _budget_data(budget: BudgetLine, rounding: Rounding) -> dict[str, Any]:
    return {
        "budget": None if budget.budget is None else str(budget.budget),
        "executed": None if budget.executed is None else str(budget.executed),
        **ratio_data("rate", budget.rate),
        "weight": _text(budget.weight),
        "weight_display": rounding.display(budget.weight),
        "score": _text(budget.score),
        "score_display": rounding.display(budget.score),
        "exact_score": _text(budget.exact_score),
        **_range_data("score_range", budget.score_range, rounding),
        **_plain(budget, "explanation_required", "explanation_given", "message", "reason"),
    }


def _project_data(project: ProjectScore) -> dict[str, Any]:
    exact, rounding = project.exact_range, project.rounding
    return {
        **_plain(project, "number", "name"),
        "indicators": [_indicator_data(item, rounding) for item in project.indicators],
        "subtotals": [_subtotal_data(sub, rounding) for sub in project.subtotals],
        "budget": _budget_data(project.budget, rounding),
        "total": _text(project.total),
        **_range_data("total_range", project.total_range, rounding),
        "total_display": rounding.display(project.total),
        "exact_total_range": None if exact is None else [_text(v) for v in exact],
        "weight_sum": _text(project.weight_sum),
        **_plain(project, "grade", "grade_note", "rescaled"),
    }
