"""Scoring one three-level indicator: a target, an actual and a weight give an outcome and a
score under a rule set.

Seven outcomes, never folded into 0 or full marks: met, partly met (a qualitative 部分达成),
missed, not applicable, actual missing, unreadable, evaluation failed.  Scores are exact
fractions, rounded as the rule set says (national: each score to two decimals, half up —
``exact_score`` keeps the formula's value); :func:`display` shows them with two decimals.

>>> result = score_indicator("≥200件", "150件", 20)
>>> result.outcome, result.score, display(result.score)
(<Outcome.MISSED: 'missed'>, Fraction(15, 1), '15.00')
>>> missed = score_indicator("≤2%", "3%", 10)           # national: w·A/B
>>> missed.score, missed.exact_score
(Fraction(667, 100), Fraction(20, 3))
>>> score_indicator("≤2%", "3%", 10, rules="lower-linear").score   # the vendor's 10·(1 − 0.5)
Fraction(5, 1)
>>> score_indicator("及时足额发放", "部分达成", 10).score_range
(Fraction(6, 1), Fraction(8, 1))
>>> score_indicator("≥200件", "200人", 20).outcome
<Outcome.FAILED: 'evaluation failed'>
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.language.actuals import ActualReading
from indicatorkit.language.bare_numbers import actual_to_check
from indicatorkit.language.bounds import Direction
from indicatorkit.language.interval_actual import IntervalResult, PartlyOutsideError, check_actual
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import (
    Actual,
    AnyTarget,
    CheckResult,
    Comparison,
    Deadline,
    Period,
    Qualitative,
    Range,
)
from indicatorkit.language.values import (
    FULL_COMPLETION,
    REPEATS_TARGET,
    Amount,
    Grade,
    restatement,
)
from indicatorkit.numerals import format_decimal_or_none, to_fraction
from indicatorkit.scoring.attainment import (
    attainment,
    comparison_attainment,
    days_late,
    integer_attainment,
)
from indicatorkit.scoring.rules import NATIONAL, RuleSet, rule_set
from indicatorkit.units import UnitRegistry

__all__ = [
    "RATIO_PLACES",
    "UNDECIDED",
    "IndicatorScore",
    "Outcome",
    "display",
    "display_percent",
    "display_range",
    "score_indicator",
]

_ZERO = Fraction(0)


class Outcome(enum.Enum):
    """What became of an indicator.

    >>> from indicatorkit.scoring import Outcome, score_indicator
    >>> score_indicator("≥95%", "90%", 10).outcome, Outcome.MET.label
    (<Outcome.MISSED: 'missed'>, '达成 met')
    >>> score_indicator("及时足额发放", "部分达成", 10).outcome.label
    '部分达成 partly met'
    """

    MET = "met"
    #: 部分达成: a qualitative result graded partly achieved, scored in its own band.
    PARTIAL = "partly met"
    MISSED = "missed"
    NOT_APPLICABLE = "not applicable"
    MISSING = "actual missing"
    UNREADABLE = "unreadable"
    FAILED = "evaluation failed"

    @property
    def label(self) -> str:
        """Chinese first, English beside."""
        return f"{_LABELS[self]} {self.value}"

    @classmethod
    def of_check(cls, result: CheckResult) -> Outcome | None:
        """The outcome a check's result shows (``None`` while it cannot be decided, as for a
        qualitative target with no grade): 部分达成 is :attr:`PARTIAL`, never missed.

        >>> from indicatorkit import parse_target
        >>> Outcome.of_check(parse_target("及时足额发放").check("部分达成")).label
        '部分达成 partly met'
        """
        if result.met:
            return cls.MET
        if result.value is Grade.PARTIAL:
            return cls.PARTIAL
        return None if result.met is None else cls.MISSED

    @property
    def decided(self) -> bool:
        """True when the indicator's score is known (met, partly met, missed or not applicable)."""
        return self in (Outcome.MET, Outcome.PARTIAL, Outcome.MISSED, Outcome.NOT_APPLICABLE)


_LABELS = {
    Outcome.MET: "达成",
    Outcome.PARTIAL: "部分达成",
    Outcome.MISSED: "未达成",
    Outcome.NOT_APPLICABLE: "不适用",
    Outcome.MISSING: "缺实际值",
    Outcome.UNREADABLE: "无法读取",
    Outcome.FAILED: "无法评价",
}


def display(value: Fraction | None, places: int = 2) -> str:
    """``value`` rounded half up to ``places`` decimals, for display (``""`` for ``None``).

    >>> display(Fraction(2, 3)), display(Fraction(5, 1000)), display(Fraction(-5, 1000))
    ('0.67', '0.01', '-0.01')
    >>> display(Fraction(0), 7), display(Fraction(1, 10**7), 7)  # never exponent notation
    ('0.0000000', '0.0000001')
    """
    if value is None:
        return ""
    scaled = Fraction(value) * 10**places
    whole = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    return format(Decimal(whole if scaled >= 0 else -whole).scaleb(-places), "f")


#: Decimal places of a ratio (attainment, deviation, a rate) shown beside its exact value in
#: every output — ``score``, ``check``, the batch, the report — whatever the rule set: 4, the
#: percent to 2 (``12.35%``, ``90.00%``).  A rule set's places round points, not ratios.
RATIO_PLACES: Final = 4


def display_percent(share: Fraction | None) -> str:
    """A ratio shown as a percent, to :data:`RATIO_PLACES` − 2 places, half up (``""`` for
    ``None``): what every text output and the report print for an attainment or a rate.

    >>> display_percent(Fraction(10, 81)), display_percent(Fraction(3, 4)), display_percent(None)
    ('12.35%', '75.00%', '')
    """
    return "" if share is None else f"{display(share * 100, RATIO_PLACES - 2)}%"


#: How every output labels a grade (or a total) not yet decided.
UNDECIDED = "待定 undecided"


def display_range(low: Fraction, high: Fraction) -> str:
    """A score that may still be a range, for display: one number once decided, ``low–high``
    while not.

    >>> display_range(Fraction(3), Fraction(3)), display_range(Fraction(0), Fraction(10))
    ('3.00', '0.00–10.00')
    """
    return display(low) if low == high else f"{display(low)}–{display(high)}"


@attrs.frozen
class IndicatorScore:
    """The score of one indicator.

    ``score`` is ``None`` while undecided (actual missing, unreadable, evaluation failed);
    ``score_range`` is what the score can still be: ``(score, score)`` when decided by a
    formula, the grade's band for a qualitative result, ``(0, weight)`` when undecided.
    ``score_source`` says where the score came from: ``"formula"``, ``"evaluator"`` (the
    evaluator's score inside the band), ``"default"`` (the band's documented default),
    ``"repeats target"`` or ``"full completion"`` (a qualitative actual that repeats the
    target, or says ``100%`` / ``是`` / ``已完成``: 达成 at the band's default) or ``None``.
    ``deviation`` is attainment − 1 (how far the actual is from the target, as a share of it).
    ``score`` and ``score_range`` are rounded as the rule set rounds a row; ``exact_score`` is
    the score before that rounding.

    >>> from indicatorkit.scoring import display, score_indicator
    >>> result = score_indicator("≥200件", "150件", 20)
    >>> result.outcome.label, display(result.score), result.met, result.explanation_required
    ('未达成 missed', '15.00', False, True)
    """

    target: AnyTarget | None
    actual: Any
    outcome: Outcome
    weight: Fraction
    score: Fraction | None
    score_range: tuple[Fraction, Fraction]
    met: bool | None = None
    attainment: Fraction | None = None
    score_source: str | None = None
    explanation_required: bool = False
    explanation_given: bool = False
    message: str = ""
    exact_score: Fraction | None = attrs.field(
        default=attrs.Factory(lambda self: self.score, takes_self=True)
    )

    @property
    def deviation(self) -> Fraction | None:
        """Attainment − 1: how far the actual is from the target, as a share of it."""
        return None if self.attainment is None else self.attainment - 1

    @property
    def undecided(self) -> Fraction:
        """Points this indicator leaves undecided (high end − low end of its range)."""
        return self.score_range[1] - self.score_range[0]

    def to_dict(self) -> dict[str, Any]:
        """Plain data: numbers as exact decimal strings (``p/q`` where not finite), never
        floats."""
        return {
            "target": None if self.target is None else str(self.target),
            "actual": None if self.actual is None else str(self.actual),
            "outcome": self.outcome.value,
            "met": self.met,
            "attainment": format_decimal_or_none(self.attainment),
            "weight": format_decimal_or_none(self.weight),
            "score": format_decimal_or_none(self.score),
            "score_display": display(self.score),
            "exact_score": format_decimal_or_none(self.exact_score),
            "score_range": [
                format_decimal_or_none(self.score_range[0]),
                format_decimal_or_none(self.score_range[1]),
            ],
            "score_source": self.score_source,
            "deviation": format_decimal_or_none(self.deviation),
            "explanation_required": self.explanation_required,
            "explanation_given": self.explanation_given,
            "message": self.message,
        }


def _scored(
    target: AnyTarget,
    actual: Any,
    met: bool,
    weight: Fraction,
    score: Fraction,
    ratio: Fraction | None,
    explanation_required: bool,
    explanation_given: bool,
    message: str,
    rules: RuleSet = NATIONAL,
) -> IndicatorScore:
    """The record of a numeric result scored by formula (``score`` exact, rounded here as
    ``rules`` round a row)."""
    exact, score = score, rules.rounding.row(score, weight)
    return IndicatorScore(
        target,
        actual,
        _MET if met else _MISSED,
        weight,
        score,
        (score, score),
        met,
        ratio,
        "formula",
        explanation_required,
        explanation_given,
        message,
        exact,
    )


_MET, _MISSED = Outcome.MET, Outcome.MISSED
#: The outcome each qualitative grade gives: 部分达成 is its own outcome, never 未达成.
_GRADE_OUTCOMES = {
    Grade.ACHIEVED: Outcome.MET,
    Grade.PARTIAL: Outcome.PARTIAL,
    Grade.NOT_ACHIEVED: Outcome.MISSED,
}


def _undecided(
    target: AnyTarget | None, actual: Any, outcome: Outcome, weight: Fraction, message: str
) -> IndicatorScore:
    return IndicatorScore(target, actual, outcome, weight, None, (_ZERO, weight), message=message)


def score_indicator(
    target: AnyTarget | str,
    actual: Actual | None,
    weight: Fraction | int | str,
    *,
    direction: Direction | None = None,
    rules: RuleSet | str | None = None,
    evaluator_score: Fraction | int | str | None = None,
    not_applicable: str | None = None,
    reason: str = "",
    units: UnitRegistry | None = None,
    read: ActualReading | None = None,
) -> IndicatorScore:
    """Score one indicator: ``target`` (text or a target), ``actual`` (text, a number in the
    target's unit, an amount, a date, a grade, or ``None`` when missing) and its ``weight``.

    ``evaluator_score`` is the evaluator's score inside a qualitative grade's band;
    ``not_applicable`` (a reason) marks an indicator that does not apply; ``reason`` is the
    deviation explanation given.  ``rules`` is a :class:`RuleSet` or a rule set's name.
    ``read`` is a text ``actual`` as already read with ``units``
    (:meth:`~indicatorkit.model.records.Indicator.read_actual`): it is not read again.

    >>> from indicatorkit.scoring import score_indicator
    >>> score_indicator("≥200件", "210件", 20).score
    Fraction(20, 1)
    >>> score_indicator("≥200件", "150件", 20).score
    Fraction(15, 1)
    >>> score_indicator("及时足额发放", "部分达成", 10).score_range
    (Fraction(6, 1), Fraction(8, 1))
    """
    chosen_rules = NATIONAL if rules is None else rule_set(rules)
    weight = _weight(weight)
    # the hot path: a count against a comparison (exact types — a subclass may check its own
    # way), scored in integer arithmetic; an overshoot rule needs the general path's result
    if (
        type(actual) is int
        and type(target) is Comparison
        and not_applicable is None
        and chosen_rules.plain
    ):
        return _scored_count(target, actual, weight, direction, chosen_rules, reason)
    if isinstance(target, str):
        try:
            target = parse_target(target, lenient=True, units=units).target
        except IndicatorkitError as error:
            return _undecided(
                None,
                actual,
                Outcome.UNREADABLE,
                weight,
                f"指标值无法读取 (target unreadable): {error}",
            )
    if not_applicable is not None:
        return IndicatorScore(
            target,
            actual,
            Outcome.NOT_APPLICABLE,
            weight,
            _ZERO,
            (_ZERO, _ZERO),
            message=f"不适用 (not applicable): {not_applicable}".rstrip(": "),
        )
    if actual is None:
        return _undecided(target, actual, Outcome.MISSING, weight, _NO_ACTUAL)
    checked, note = actual, ""
    if isinstance(actual, str):  # text: blank, a grade, or a number without its unit
        if not actual.strip():
            return _undecided(target, actual, Outcome.MISSING, weight, _NO_ACTUAL)
        if not isinstance(target, Qualitative) and Grade.read(actual):
            return _grade_for_number(target, actual, weight)
        checked, note, doubtful = actual_to_check(target, actual, units, read)
        if doubtful:  # implausible in the target's unit: name both readings, decide nothing
            return _undecided(target, actual, Outcome.FAILED, weight, note)
    return _checked(
        target,
        checked,
        actual,
        weight,
        direction,
        chosen_rules,
        evaluator_score,
        reason,
        units,
        note,
        read,
    )


def _grade_for_number(target: AnyTarget, actual: str, weight: Fraction) -> IndicatorScore:
    """A grade (达成 …) given as the actual of a quantitative target: undecided."""
    return _undecided(
        target,
        actual,
        Outcome.FAILED,
        weight,
        f"“{actual}”是定性等级，而指标值“{target}”是定量目标，需要数值 "
        "(a grade given for a quantitative target: a value is needed)",
    )


def _checked(
    target: AnyTarget,
    actual: Actual,
    given: Actual,
    weight: Fraction,
    direction: Direction | None,
    rules: RuleSet,
    evaluator_score: Fraction | int | str | None,
    reason: str,
    units: UnitRegistry | None,
    note: str,
    read: ActualReading | None,
) -> IndicatorScore:
    """``actual`` (as ``given``, or its reading in the target's unit: ``note`` says so)
    checked against the target as ``check`` decides it — a bound or a range written as the
    actual included — and scored; ``read`` is the text's reading, if already made."""
    try:
        result = check_actual(target, actual, direction=direction, units=units, read=read)
    except IndicatorkitError as error:
        outcome = Outcome.UNREADABLE if _unreadable(error) else Outcome.FAILED
        shown = given if isinstance(error, PartlyOutsideError) else actual
        return _undecided(target, shown, outcome, weight, str(error).split("\n")[0])
    if isinstance(result, IntervalResult):
        return _interval(target, given, weight, reason)
    if isinstance(target, Qualitative):
        return _qualitative(result, weight, rules, evaluator_score, reason)
    scored = _numeric(result, weight, rules, reason)
    if not note:
        return scored
    return attrs.evolve(
        scored,
        actual=given,  # what the user gave, unchanged
        message="；".join(part for part in (note, scored.message) if part),
    )


_NO_ACTUAL = "缺少实际完成值 (no actual given)"


def _interval(
    target: AnyTarget, actual: Actual | None, weight: Fraction, reason: str
) -> IndicatorScore:
    """An actual written as a bound or a range (``≥90%``) lying wholly inside the target: met
    (one partly outside is undecided: :class:`PartlyOutsideError`)."""
    return _scored(
        target,
        actual,
        True,
        weight,
        weight,
        None,
        False,
        bool(reason) and not reason.isspace(),
        f"实际值“{actual}”是一个区间，整个落在指标值内，按达成计 "
        "(an interval actual wholly inside the target: met)",
    )


def _weight(weight: Fraction | int | str) -> Fraction:
    if type(weight) is Fraction and weight.numerator >= 0:
        return weight
    value = Fraction(weight) if isinstance(weight, str) else to_fraction(weight)
    if value < 0:
        raise ValueError(f"分值必须是非负数 (a weight must be ≥ 0): {weight}")
    return value


def _unreadable(error: IndicatorkitError) -> bool:
    return isinstance(error, TextError)


def _qualitative(
    result: CheckResult,
    weight: Fraction,
    rules: RuleSet,
    chosen: Fraction | int | str | None,
    reason: str,
) -> IndicatorScore:
    grade = result.value
    if not isinstance(grade, Grade):
        return _undecided(
            result.target,
            result.actual,
            Outcome.UNREADABLE,
            weight,
            "定性指标的实际值应为 达成 / 部分达成 / 未达成 (a qualitative actual names a grade)",
        )
    try:
        score, low, high, evaluated = rules.qualitative_score(
            grade, weight, None if chosen is None else _weight(chosen)
        )
    except ValueError as error:
        return _undecided(result.target, result.actual, Outcome.FAILED, weight, str(error))
    met = grade is Grade.ACHIEVED
    exact, row = score, rules.rounding.row
    score = row(score, weight)
    restated = _restated(result)
    return IndicatorScore(
        result.target,
        result.actual,
        _GRADE_OUTCOMES[grade],
        weight,
        score,
        (score, score) if evaluated else (row(low, weight), row(high, weight)),
        met=met,
        score_source="evaluator" if evaluated else restated or "default",
        explanation_required=not met,
        explanation_given=bool(reason.strip()),
        message=grade.value + (_RESTATED_MESSAGES[restated] if restated else ""),
        exact_score=exact,
    )


#: What the message adds when an actual names no grade but says the target was achieved.
_RESTATED_MESSAGES = {
    REPEATS_TARGET: "；实际值与指标值相同，按达成计 (the actual repeats the target: achieved)",
    FULL_COMPLETION: "；实际值表示全部完成，按达成计 (the actual says fully done: achieved)",
}


def _restated(result: CheckResult) -> str | None:
    """Why a qualitative actual that names no grade was read as 达成, or ``None``."""
    target, actual = result.target, result.actual
    if not isinstance(target, Qualitative) or not isinstance(actual, str) or Grade.read(actual):
        return None
    return restatement(target.text, actual)


def _numeric(result: CheckResult, weight: Fraction, rules: RuleSet, reason: str) -> IndicatorScore:
    target = result.target
    met = bool(result.met)
    if isinstance(target, Comparison):
        lower_bound = target.threshold(result.direction).lower_bound
        ratio = comparison_attainment(result, target, lower_bound)
        if not met:
            score = rules.missed_score(ratio, lower_bound, weight)
        elif lower_bound and ratio is not None:
            score = rules.overshoot_score(ratio, weight)  # 偏离度: the rule set's cut, if any
        else:
            score = weight
    else:
        ratio = attainment(result)
        if met:
            score = weight
        elif isinstance(target, Deadline | Period):
            score = rules.late_score(days_late(result), weight)  # national: 0
        else:  # a range: partial credit by its attainment, our convention
            score = rules.missed_score(ratio, True, weight)
    over = rules.overshoot is not None and _overshoot(result, rules)
    cut = met and score < weight
    return _scored(
        target,
        result.actual,
        met,
        weight,
        score,
        ratio,
        not met or over or cut,
        bool(reason) and not reason.isspace(),
        "；".join(text for text, say in ((_OVERSHOOT_MESSAGE, over), (_CUT_MESSAGE, cut)) if say),
        rules,
    )


def _scored_count(
    target: Comparison,
    actual: int,
    weight: Fraction,
    direction: Direction | None,
    rules: RuleSet,
    reason: str,
) -> IndicatorScore:
    """:func:`score_indicator` of an int actual (a number in the target's own unit) against
    a comparison, by plain rules (:attr:`RuleSet.plain`) — the hot path of scoring numbers
    (``benchmarks/bench_scoring.py``).  What ``check`` and :func:`_numeric` would do, in
    integer arithmetic on the target's :meth:`~Comparison.threshold`, with no
    :class:`CheckResult` in between.  A property test holds it equal to the general path."""
    compare, numerator, denominator, _, _, lower_bound = target.threshold(direction)
    met: bool = compare(actual * denominator, numerator)  # as check decides a plain number
    ratio = integer_attainment(actual, 1, numerator, denominator, lower_bound)
    if met:  # full marks: the weight itself, never rounded
        return IndicatorScore(
            target, actual, _MET, weight, weight, (weight, weight), True, ratio, "formula",
            False, bool(reason) and not reason.isspace(), "", weight,
        )  # fmt: skip
    return _scored(
        target,
        actual,
        False,
        weight,
        rules.missed_score(ratio, lower_bound, weight),
        ratio,
        True,
        bool(reason) and not reason.isspace(),
        "",
        rules,
    )


_OVERSHOOT_MESSAGE = "超出目标过多，须说明 (far beyond the target: explain it)"
_CUT_MESSAGE = "超出目标过多，按偏离度扣分 (far beyond the target: points cut by the rule set)"


def _overshoot(result: CheckResult, rules: RuleSet) -> bool:
    """True when the actual reaches the rule set's overshoot share of a more-is-better target."""
    if rules.overshoot is None or not result.met:
        return False
    target = result.target
    if not isinstance(target, Comparison | Range):
        return False
    value = result.value
    assert isinstance(value, Amount)
    if isinstance(target, Comparison):
        if not target.effective_operator(result.direction).is_lower_bound:
            return False
        threshold = target.amount.normalized
    else:
        threshold = target.high.normalized
    return threshold > 0 and value.normalized >= rules.overshoot * threshold
