"""A score given on a quantitative indicator (自评得分, or the 得分 a 自评表 prints): the rules
compute that score from the actual, so the one given is only worth a finding when the actual
contradicts it — full marks printed for a missed target, less than full marks for a met one,
or no weight to weigh it against.  A printed 得分 that agrees with the target and the actual is
what every 自评表 carries, not a problem.

One function decides it, :func:`printed_score_problem`: lint reports every problem it finds
as IK207, and the audit (:func:`indicatorkit.audit`) reports its full marks for a missed target
as IK804 — so the two never disagree about a row.  The actual is read as scoring reads it (a
bare number in the target's unit, :func:`~indicatorkit.language.bare_numbers.in_target_unit`);
a row whose actual cannot be decided, or that does not apply, is left to the findings that say
why.  Full marks are full marks even where a rule set's rounding reaches them from a missed
target (``whole-points``: 4.84 printed 5; national: 0.998 printed 1.00): the table still
gives full marks to a target its actual misses.

>>> from indicatorkit import Indicator, parse_target
>>> row = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), weight=20, actual="200件")
>>> import attrs
>>> score_problem(attrs.evolve(row, evaluator_score=20)) is None
True
>>> score_problem(attrs.evolve(row, actual="150件", evaluator_score=20))
'未达成（实际值“150件”），却印了满分 20 (full marks for a missed target)'
>>> printed_score_problem(attrs.evolve(row, actual="150", evaluator_score=20)).kind
<ScoreProblem.FULL_MARKS_MISSED: 'full marks for a missed target'>
"""

from __future__ import annotations

import enum

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.bare_numbers import actual_to_check
from indicatorkit.language.interval_actual import check_actual
from indicatorkit.language.targets import Qualitative
from indicatorkit.model.cost_direction import effective_direction
from indicatorkit.model.records import Indicator
from indicatorkit.numerals import format_decimal
from indicatorkit.units import UnitRegistry

__all__ = [
    "PrintedScoreProblem",
    "ScoreProblem",
    "printed_score_problem",
    "score_problem",
]


class ScoreProblem(enum.Enum):
    """What is wrong with a quantitative row's printed score.

    >>> from indicatorkit import Indicator, parse_target
    >>> row = Indicator("产出指标", "数量指标", "数", parse_target("≥2件"), weight=5, actual="1件",
    ...                 evaluator_score=5)
    >>> printed_score_problem(row).kind is ScoreProblem.FULL_MARKS_MISSED
    True
    """

    #: No 分值 to check the score against.
    NO_WEIGHT = "no weight"
    #: The actual meets the target; the score is not the weight.
    MET_BELOW_FULL_MARKS = "a met target scored other than full marks"
    #: The actual misses the target; the score is the weight (or more).
    FULL_MARKS_MISSED = "full marks for a missed target"


@attrs.frozen
class PrintedScoreProblem:
    """A printed score's problem and the message that says it (Chinese first, English
    beside), as lint (IK207) prints it.

    >>> from indicatorkit import Indicator, parse_target
    >>> row = Indicator("产出指标", "数量指标", "数", parse_target("≥2件"), evaluator_score=3)
    >>> printed_score_problem(row)
    PrintedScoreProblem(kind=<ScoreProblem.NO_WEIGHT: 'no weight'>, message='没有分值，得分 3 无从核对 (no weight to check the score against)')
    """

    kind: ScoreProblem
    message: str


def printed_score_problem(
    indicator: Indicator, units: UnitRegistry | None = None
) -> PrintedScoreProblem | None:
    """Why ``indicator``'s evaluator score cannot be the score the rules give its actual, or
    ``None`` when it can (or there is no score, the target is qualitative — the evaluator's
    to choose —, the row does not apply, or the actual cannot be decided: other findings say
    why).  The one decision behind lint's IK207 and the audit's IK804.

    >>> from indicatorkit import Indicator, parse_target
    >>> row = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), actual="200件",
    ...                 weight=20, evaluator_score=15)
    >>> problem = printed_score_problem(row)
    >>> problem.kind.name, problem.message
    ('MET_BELOW_FULL_MARKS', '达成（实际值“200件”），得分却是 15 而非满分 20 (a met target scored other than full marks)')
    """
    score, weight, actual = indicator.evaluator_score, indicator.weight, indicator.actual
    if score is None or isinstance(indicator.target, Qualitative):
        return None
    if indicator.not_applicable is not None:
        return None  # the row does not apply: scoring gives it nothing to compare
    if weight is None:
        return PrintedScoreProblem(
            ScoreProblem.NO_WEIGHT,
            f"没有分值，得分 {format_decimal(score)} 无从核对 (no weight to check the score against)",
        )
    met = _met(indicator, units)
    if met and score != weight:
        return PrintedScoreProblem(
            ScoreProblem.MET_BELOW_FULL_MARKS,
            f"达成（实际值“{actual}”），得分却是 {format_decimal(score)} 而非满分 "
            f"{format_decimal(weight)} (a met target scored other than full marks)",
        )
    if met is False and weight and score >= weight:
        return PrintedScoreProblem(
            ScoreProblem.FULL_MARKS_MISSED,
            f"未达成（实际值“{actual}”），却印了满分 {format_decimal(score)} "
            "(full marks for a missed target)",
        )
    return None


def _met(indicator: Indicator, units: UnitRegistry | None) -> bool | None:
    """Whether the row's actual meets its target, read as scoring reads it; ``None`` when it
    cannot be decided (no actual — IK209 —, a doubtful bare number, an unreadable actual)."""
    target, given = indicator.target, indicator.actual
    if given is None:
        return None
    read = indicator.reading_to_check(units)
    actual, _, doubtful = actual_to_check(target, given, units, read)
    if doubtful:
        return None  # scoring leaves it open; IK213 names both readings
    direction = effective_direction(indicator)
    try:
        return check_actual(target, actual, direction=direction, units=units, read=read).met
    except IndicatorkitError:
        return None  # the actual cannot be decided: scoring and IK213 say why


def score_problem(indicator: Indicator, units: UnitRegistry | None = None) -> str | None:
    """The message of :func:`printed_score_problem` (what lint's IK207 says), or ``None``.

    >>> from indicatorkit import Indicator, parse_target
    >>> row = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), actual="200件",
    ...                 weight=20, evaluator_score=15)
    >>> score_problem(row)
    '达成（实际值“200件”），得分却是 15 而非满分 20 (a met target scored other than full marks)'
    """
    problem = printed_score_problem(indicator, units)
    return None if problem is None else problem.message
