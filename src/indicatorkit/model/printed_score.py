"""A score given on a quantitative indicator (自评得分, or the 得分 a 自评表 prints): the rules
compute that score from the actual, so the one given is only worth a finding (IK207) when it
cannot be theirs — full marks printed for a missed target, less than full marks for a met one,
or no weight to weigh it against.  A printed 得分 that agrees with the target and the actual is
what every 自评表 carries, not a problem.

>>> from indicatorkit import Indicator, parse_target
>>> row = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), weight=20, actual="200件")
>>> import attrs
>>> score_problem(attrs.evolve(row, evaluator_score=20)) is None
True
>>> score_problem(attrs.evolve(row, actual="150件", evaluator_score=20))
'未达成（实际值“150件”），却印了满分 20 (full marks for a missed target)'
"""

from __future__ import annotations

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.interval_actual import check_actual
from indicatorkit.language.targets import Qualitative
from indicatorkit.model.cost_direction import implied_direction
from indicatorkit.model.records import Indicator
from indicatorkit.numerals import format_decimal
from indicatorkit.units import UnitRegistry

__all__ = ["score_problem"]


def score_problem(indicator: Indicator, units: UnitRegistry | None = None) -> str | None:
    """Why ``indicator``'s evaluator score cannot be the score the rules give its actual, or
    ``None`` when it can (or there is no score, the target is qualitative — the evaluator's
    to choose —, or the actual cannot be decided: other findings say why).

    >>> from indicatorkit import Indicator, parse_target
    >>> row = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), actual="200件",
    ...                 weight=20, evaluator_score=15)
    >>> score_problem(row)
    '达成（实际值“200件”），得分却是 15 而非满分 20 (a met target scored other than full marks)'
    """
    score, weight, actual = indicator.evaluator_score, indicator.weight, indicator.actual
    if score is None or isinstance(indicator.target, Qualitative):
        return None
    if weight is None:
        return f"没有分值，得分 {format_decimal(score)} 无从核对 (no weight to check the score against)"
    if actual is None:
        return None  # IK209: no actual; the rules leave the row undecided
    direction = implied_direction(indicator) or indicator.direction
    try:
        met = check_actual(indicator.target, actual, direction=direction, units=units).met
    except IndicatorkitError:
        return None  # the actual cannot be decided: scoring and IK213 say why
    if met and score != weight:
        return (
            f"达成（实际值“{actual}”），得分却是 {format_decimal(score)} 而非满分 "
            f"{format_decimal(weight)} (a met target scored other than full marks)"
        )
    if not met and weight and score >= weight:
        return (
            f"未达成（实际值“{actual}”），却印了满分 {format_decimal(score)} "
            "(full marks for a missed target)"
        )
    return None
