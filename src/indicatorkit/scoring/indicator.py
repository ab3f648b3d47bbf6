"""Scoring one three-level indicator: a target, an actual and a weight give an outcome and a
score under a rule set.

Seven outcomes, never folded into 0 or full marks: met, partly met (a qualitative 部分达成),
missed, not applicable, actual missing, unreadable, evaluation failed.  Scores are exact
fractions, rounded as the rule set says (national: each score to two decimals, half up —
``exact_score`` keeps the formula's value); the rule set's
:meth:`~indicatorkit.scoring.rounding.Rounding.display` shows them with its places, :func:`display`
writes a ratio or any value to given places.
Checking is done once (:func:`indicator_verdict`: everything but the weight) and the verdict
scored per weight (:meth:`Verdict.score`); :func:`score_indicator` is the two in turn.

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

from fractions import Fraction
from typing import Any

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
from indicatorkit.scoring.attainment import (
    attainment,
    comparison_attainment,
    days_late,
    integer_attainment,
)
from indicatorkit.scoring.indicator_records import (
    RATIO_PLACES,
    UNDECIDED,
    IndicatorScore,
    Outcome,
    Points,
    Verdict,
    display,
    display_percent,
)
from indicatorkit.scoring.indicator_records import (
    _weight as _weight,  # batch.table reads weights as score_indicator does
)
from indicatorkit.scoring.rules import NATIONAL, RuleSet, rule_set
from indicatorkit.units import UnitRegistry

__all__ = [
    "RATIO_PLACES",
    "UNDECIDED",
    "IndicatorScore",
    "Outcome",
    "Verdict",
    "display",
    "display_percent",
    "indicator_verdict",
    "score_indicator",
]

_MET, _MISSED = Outcome.MET, Outcome.MISSED
#: The outcome each qualitative grade gives: 部分达成 is its own outcome, never 未达成.
_GRADE_OUTCOMES = {
    Grade.ACHIEVED: Outcome.MET,
    Grade.PARTIAL: Outcome.PARTIAL,
    Grade.NOT_ACHIEVED: Outcome.MISSED,
}


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
    It is :func:`indicator_verdict` scored under the weight (:meth:`Verdict.score`).

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
    verdict = indicator_verdict(
        target,
        actual,
        direction=direction,
        rules=chosen_rules,
        not_applicable=not_applicable,
        units=units,
        read=read,
    )
    return verdict.score(weight, evaluator_score=evaluator_score, reason=reason)


def indicator_verdict(
    target: AnyTarget | str,
    actual: Actual | None,
    *,
    direction: Direction | None = None,
    rules: RuleSet | str | None = None,
    not_applicable: str | None = None,
    units: UnitRegistry | None = None,
    read: ActualReading | None = None,
) -> Verdict:
    """Check ``actual`` against ``target`` once — what :func:`score_indicator` decides before
    any weight (its arguments but the weight, the evaluator's score and the reason); each
    weight then scores the verdict by :meth:`Verdict.score`.

    >>> from fractions import Fraction
    >>> verdict = indicator_verdict("≥200件", "150件")
    >>> verdict.met, verdict.attainment, verdict.score(Fraction(20)).score
    (False, Fraction(3, 4), Fraction(15, 1))
    >>> indicator_verdict("≥200件", "200人").outcome
    <Outcome.FAILED: 'evaluation failed'>
    """
    chosen_rules = NATIONAL if rules is None else rule_set(rules)
    if isinstance(target, str):
        try:
            target = parse_target(target, lenient=True, units=units).target
        except IndicatorkitError as error:
            return _undecided(
                None,
                actual,
                Outcome.UNREADABLE,
                chosen_rules,
                f"指标值无法读取 (target unreadable): {error}",
            )
    if not_applicable is not None:
        return Verdict(
            target,
            actual,
            Outcome.NOT_APPLICABLE,
            Points.ZERO,
            chosen_rules,
            message=f"不适用 (not applicable): {not_applicable}".rstrip(": "),
        )
    if actual is None:
        return _undecided(target, actual, Outcome.MISSING, chosen_rules, _NO_ACTUAL)
    checked, note = actual, ""
    if isinstance(actual, str):  # text: blank, a grade, or a number without its unit
        if not actual.strip():
            return _undecided(target, actual, Outcome.MISSING, chosen_rules, _NO_ACTUAL)
        if not isinstance(target, Qualitative) and Grade.read(actual):
            return _grade_for_number(target, actual, chosen_rules)
        checked, note, doubtful = actual_to_check(target, actual, units, read)
        if doubtful:  # implausible in the target's unit: name both readings, decide nothing
            return _undecided(target, actual, Outcome.FAILED, chosen_rules, note)
    return _checked(target, (checked, actual), direction, chosen_rules, units, note, read)


def _undecided(
    target: AnyTarget | None, actual: Any, outcome: Outcome, rules: RuleSet, message: str
) -> Verdict:
    return Verdict(target, actual, outcome, Points.NONE, rules, message=message)


def _grade_for_number(target: AnyTarget, actual: str, rules: RuleSet) -> Verdict:
    """A grade (达成 …) given as the actual of a quantitative target: undecided."""
    return _undecided(
        target,
        actual,
        Outcome.FAILED,
        rules,
        f"“{actual}”是定性等级，而指标值“{target}”是定量目标，需要数值 "
        "(a grade given for a quantitative target: a value is needed)",
    )


def _checked(
    target: AnyTarget,
    actuals: tuple[Actual, Actual],
    direction: Direction | None,
    rules: RuleSet,
    units: UnitRegistry | None,
    note: str,
    read: ActualReading | None,
) -> Verdict:
    """``actuals``: the actual checked (as given, or its reading in the target's unit:
    ``note`` says so) and the actual as given, checked against the target as ``check``
    decides it — a bound or a range written as the actual included; ``read`` is the text's
    reading, if already made."""
    actual, given = actuals
    try:
        result = check_actual(target, actual, direction=direction, units=units, read=read)
    except IndicatorkitError as error:
        outcome = Outcome.UNREADABLE if _unreadable(error) else Outcome.FAILED
        shown = given if isinstance(error, PartlyOutsideError) else actual
        return _undecided(target, shown, outcome, rules, str(error).split("\n")[0])
    if isinstance(result, IntervalResult):
        return _interval(target, given, rules)
    if isinstance(target, Qualitative):
        return _qualitative(result, rules)
    return _numeric(result, rules, given, note)


_NO_ACTUAL = "缺少实际完成值 (no actual given)"


def _interval(target: AnyTarget, actual: Actual | None, rules: RuleSet) -> Verdict:
    """An actual written as a bound or a range (``≥90%``) lying wholly inside the target: met
    (one partly outside is undecided: :class:`PartlyOutsideError`)."""
    return Verdict(
        target,
        actual,
        _MET,
        Points.FULL,
        rules,
        True,
        message=f"实际值“{actual}”是一个区间，整个落在指标值内，按达成计 "
        "(an interval actual wholly inside the target: met)",
    )


def _unreadable(error: IndicatorkitError) -> bool:
    return isinstance(error, TextError)


def _qualitative(result: CheckResult, rules: RuleSet) -> Verdict:
    grade = result.value
    if not isinstance(grade, Grade):
        return _undecided(
            result.target,
            result.actual,
            Outcome.UNREADABLE,
            rules,
            "定性指标的实际值应为 达成 / 部分达成 / 未达成 (a qualitative actual names a grade)",
        )
    restated = _restated(result)
    return Verdict(
        result.target,
        result.actual,
        _GRADE_OUTCOMES[grade],
        Points.GRADE,
        rules,
        met=grade is Grade.ACHIEVED,
        message=grade.value + (_RESTATED_MESSAGES[restated] if restated else ""),
        grade=grade,
        restated=restated,
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


def _numeric(result: CheckResult, rules: RuleSet, given: Actual, note: str) -> Verdict:
    """A numeric result's verdict: ``given`` is the actual as the user gave it, shown when
    ``note`` says it was read in the target's unit."""
    target = result.target
    met = bool(result.met)
    lower_bound, days = True, None
    if isinstance(target, Comparison):
        lower_bound = target.threshold(result.direction).lower_bound
        ratio = comparison_attainment(result, target, lower_bound)
        points = _met_points(lower_bound, ratio) if met else Points.MISSED
    else:
        ratio = attainment(result)
        if met:
            points = Points.FULL
        elif isinstance(target, Deadline | Period):
            points, days = Points.LATE, days_late(result)  # national: 0
        else:  # a range: partial credit by its attainment, our convention
            points = Points.MISSED
    over = rules.overshoot is not None and _overshoot(result, rules)
    return Verdict(
        target,
        given if note else result.actual,  # what the user gave, unchanged
        _MET if met else _MISSED,
        points,
        rules,
        met,
        ratio,
        "；".join(text for text in (note, _OVERSHOOT_MESSAGE if over else "") if text),
        lower_bound,
        days,
        overshoot=over,
    )


def _met_points(lower_bound: bool, ratio: Fraction | None) -> Points:
    """A met comparison: more-is-better with a ratio is the rule set's overshoot score (偏离度:
    its cut, if any), anything else full marks."""
    return Points.OVERSHOOT if lower_bound and ratio is not None else Points.FULL


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
    (``benchmarks/bench_scoring.py``).  What ``check``, :func:`_numeric` and
    :meth:`Verdict.score` would do, in integer arithmetic on the target's
    :meth:`~Comparison.threshold`, with no :class:`CheckResult` or verdict in between.  A
    property test holds it equal to the general path."""
    compare, numerator, denominator, _, _, lower_bound = target.threshold(direction)
    met: bool = compare(actual * denominator, numerator)  # as check decides a plain number
    ratio = integer_attainment(actual, 1, numerator, denominator, lower_bound)
    given = bool(reason) and not reason.isspace()
    if met:  # full marks: the weight itself, never rounded
        return IndicatorScore(
            target, actual, _MET, weight, weight, (weight, weight), True, ratio, "formula",
            False, given, "", weight,
        )  # fmt: skip
    exact = rules.missed_score(ratio, lower_bound, weight)
    score = rules.rounding.row(exact, weight)
    return IndicatorScore(
        target, actual, _MISSED, weight, score, (score, score), False, ratio, "formula",
        True, given, "", exact,
    )  # fmt: skip


_OVERSHOOT_MESSAGE = "超出目标过多，须说明 (far beyond the target: explain it)"


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
