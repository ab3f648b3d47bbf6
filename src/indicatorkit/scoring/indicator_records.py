"""The records of scoring one indicator: the :class:`Verdict` a check reaches once for a target,
an actual and a direction (the outcome, the attainment, the message — nothing that depends on
the weight), and the :class:`IndicatorScore` a weight gives it (:meth:`Verdict.score`: the rule
set's own formulas and rounding, a cheap step), so that the same verdict is scored under many
weights without checking again.  :func:`~indicatorkit.scoring.score_indicator` is the two in
turn.

>>> from fractions import Fraction
>>> from indicatorkit.scoring.indicator import indicator_verdict
>>> verdict = indicator_verdict("≥200件", "150件")
>>> verdict.outcome, verdict.attainment, verdict.points
(<Outcome.MISSED: 'missed'>, Fraction(3, 4), <Points.MISSED: 'missed'>)
>>> [verdict.score(Fraction(weight)).score for weight in (20, 10, 7)]
[Fraction(15, 1), Fraction(15, 2), Fraction(21, 4)]
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from indicatorkit.language.targets import AnyTarget, CheckResult
from indicatorkit.language.values import Grade
from indicatorkit.numerals import format_decimal_or_none, to_fraction
from indicatorkit.scoring.rules import NATIONAL, Rounding, RuleSet

__all__ = [
    "RATIO_PLACES",
    "UNDECIDED",
    "IndicatorScore",
    "Outcome",
    "Points",
    "Verdict",
    "display",
    "display_percent",
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
    Points are shown by the rule set's :meth:`~indicatorkit.scoring.rounding.Rounding.display`
    (its places, its mode); this writes ratios and percents.

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

    def to_dict(self, rounding: Rounding = NATIONAL.rounding) -> dict[str, Any]:
        """Plain data: numbers as exact decimal strings (``p/q`` where not finite), never
        floats; ``score_display`` as ``rounding`` shows points (the rule set's).

        >>> from indicatorkit.scoring import score_indicator
        >>> from indicatorkit.scoring.rules import rule_set
        >>> whole = rule_set("whole-points")
        >>> score_indicator("≥8件", "5件", 10, rules=whole).to_dict(whole.rounding)["score_display"]
        '6'
        """
        return {
            "target": None if self.target is None else str(self.target),
            "actual": None if self.actual is None else str(self.actual),
            "outcome": self.outcome.value,
            "met": self.met,
            "attainment": format_decimal_or_none(self.attainment),
            "weight": format_decimal_or_none(self.weight),
            "score": format_decimal_or_none(self.score),
            "score_display": rounding.display(self.score),
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


_CUT_MESSAGE = "超出目标过多，按偏离度扣分 (far beyond the target: points cut by the rule set)"


class Points(enum.Enum):
    """How a verdict's score follows from the weight: each by the rule set's own method.

    >>> [points.value for points in Points]
    ['undecided', 'not applicable', 'full marks', 'missed', 'overshoot', 'late', 'grade']
    """

    #: No score while undecided: the range (0, weight) stays open.
    NONE = "undecided"
    #: 0, nothing open (an indicator that does not apply).
    ZERO = "not applicable"
    #: The weight itself.
    FULL = "full marks"
    #: :meth:`RuleSet.missed_score <indicatorkit.RuleSet.missed_score>` of the attainment.
    MISSED = "missed"
    #: :meth:`RuleSet.overshoot_score <indicatorkit.RuleSet.overshoot_score>` of the attainment.
    OVERSHOOT = "overshoot"
    #: :meth:`RuleSet.late_score <indicatorkit.RuleSet.late_score>` of the days late.
    LATE = "late"
    #: :meth:`RuleSet.qualitative_score <indicatorkit.RuleSet.qualitative_score>` of the grade.
    GRADE = "grade"


@attrs.frozen
class Verdict:
    """What checking an actual against a target decides before any weight: the ``outcome``,
    ``met``, the ``attainment``, the ``message`` and how the weight becomes a score
    (``points``, with what its formula needs: ``lower_bound``, ``days_late``, ``grade``),
    under ``rules``.  ``overshoot`` is True when the actual reaches the rule set's overshoot
    share (an explanation is due); ``restated`` says why a qualitative actual naming no grade
    counts as 达成.  :meth:`score` turns it and a weight into the :class:`IndicatorScore`.

    >>> from indicatorkit.scoring.indicator import indicator_verdict
    >>> verdict = indicator_verdict("及时足额发放", "部分达成")
    >>> verdict.outcome.label, verdict.score(Fraction(10)).score_range
    ('部分达成 partly met', (Fraction(6, 1), Fraction(8, 1)))
    """

    target: AnyTarget | None
    actual: Any
    outcome: Outcome
    points: Points
    rules: RuleSet
    met: bool | None = None
    attainment: Fraction | None = None
    message: str = ""
    lower_bound: bool = True
    days_late: int | None = None
    grade: Grade | None = None
    overshoot: bool = False
    restated: str | None = None

    def score(
        self,
        weight: Fraction,
        *,
        evaluator_score: Fraction | int | str | None = None,
        reason: str = "",
    ) -> IndicatorScore:
        """The score ``weight`` (a non-negative Fraction) earns: the rule set's formula for
        :attr:`points`, rounded as the rule set rounds a row.  ``evaluator_score`` is the
        evaluator's score inside a qualitative grade's band; ``reason`` the deviation
        explanation given.

        >>> from indicatorkit.scoring.indicator import indicator_verdict
        >>> indicator_verdict("≤2%", "3%").score(Fraction(10)).score     # w·A/B, rounded
        Fraction(667, 100)
        >>> indicator_verdict("≥95%", None).score(Fraction(10)).score_range
        (Fraction(0, 1), Fraction(10, 1))
        """
        points = self.points
        if points is Points.NONE:
            return self._unscored(weight)
        if points is Points.ZERO:
            return self._unscored(weight, applies=False)
        given = bool(reason) and not reason.isspace()
        if points is Points.GRADE:
            try:
                exact, score, span, source = self._graded(weight, evaluator_score)
            except ValueError as error:  # an evaluator's score outside the grade's band
                return self._unscored(weight, failed=str(error))
            required, message = not self.met, self.message
        else:
            exact, score, cut = self.row_score(weight)
            span, source, required = (
                (score, score),
                "formula",
                not self.met or self.overshoot or cut,
            )
            message = (
                "；".join(p for p in (self.message, _CUT_MESSAGE) if p) if cut else self.message
            )
        return IndicatorScore(
            self.target,
            self.actual,
            self.outcome,
            weight,
            score,
            span,
            self.met,
            self.attainment,
            source,
            required,
            given,
            message,
            exact,
        )

    def scoring_key(self) -> tuple[object, ...]:
        """What :meth:`row_score` reads of the verdict besides its rule set: two verdicts of
        one rule set with equal keys score every weight alike (the batch scores each pair
        of key and weight once).

        >>> from indicatorkit.scoring.indicator import indicator_verdict
        >>> key = indicator_verdict("及时足额发放", "部分达成").scoring_key()
        >>> key == indicator_verdict("群众满意", "部分达成").scoring_key()
        True
        """
        return (
            self.points,
            self.met,
            self.attainment,
            self.lower_bound,
            self.days_late,
            self.grade,
        )

    def row_score(self, weight: Fraction) -> tuple[Fraction, Fraction, bool]:
        """The cheap part of :meth:`score` for a decided verdict: the exact score ``weight``
        earns (by the rule set's formula for :attr:`points`; a grade's band default), the
        score as the row counts (rounded as the rule set rounds a row) and whether the rule
        set cut a met target's marks (偏离度: :meth:`score`'s message says so).

        >>> from indicatorkit.scoring.indicator import indicator_verdict
        >>> indicator_verdict("≤2%", "3%").row_score(Fraction(10))
        (Fraction(20, 3), Fraction(667, 100), False)
        """
        points, rules = self.points, self.rules
        if points is Points.FULL:
            exact = weight
        elif points is Points.MISSED:
            exact = rules.missed_score(self.attainment, self.lower_bound, weight)
        elif points is Points.OVERSHOOT:
            assert self.attainment is not None
            exact = rules.overshoot_score(self.attainment, weight)
        elif points is Points.LATE:
            exact = rules.late_score(self.days_late, weight)
        elif points is Points.GRADE:  # the band's default: never a cut
            assert self.grade is not None
            exact = rules.qualitative_score(self.grade, weight, None)[0]
            return exact, rules.rounding.row(exact, weight), False
        elif points is Points.ZERO:
            return _ZERO, _ZERO, False
        else:
            raise ValueError(f"未定的结果没有分数 (an undecided verdict has no score): {self}")
        return exact, rules.rounding.row(exact, weight), bool(self.met) and exact < weight

    def _unscored(
        self, weight: Fraction, *, applies: bool = True, failed: str | None = None
    ) -> IndicatorScore:
        """A score no formula gives: none while undecided, the range 0–``weight`` open (or
        :attr:`Outcome.FAILED` with the message ``failed``), or 0 with nothing open for an
        indicator that does not apply (``applies`` False)."""
        return IndicatorScore(
            self.target,
            self.actual,
            self.outcome if failed is None else Outcome.FAILED,
            weight,
            None if applies else _ZERO,
            (_ZERO, weight if applies else _ZERO),
            message=self.message if failed is None else failed,
        )

    def _graded(
        self, weight: Fraction, chosen: Fraction | int | str | None
    ) -> tuple[Fraction, Fraction, tuple[Fraction, Fraction], str]:
        """A qualitative grade's exact score, the score as the row counts, its range and where
        it comes from: the band's default share, or the evaluator's score ``chosen`` inside
        the band.  Raises ``ValueError`` for a score outside the band (or below 0): the
        indicator stays undecided (:meth:`score`)."""
        grade, rules = self.grade, self.rules
        assert grade is not None
        exact, low, high, evaluated = rules.qualitative_score(
            grade, weight, None if chosen is None else _weight(chosen)
        )
        row = rules.rounding.row
        score = row(exact, weight)
        if evaluated:
            return exact, score, (score, score), "evaluator"
        return exact, score, (row(low, weight), row(high, weight)), self.restated or "default"


def _weight(weight: Fraction | int | str) -> Fraction:
    """A weight (or an evaluator's score) as a non-negative Fraction.

    >>> _weight("7.5"), _weight(10)
    (Fraction(15, 2), Fraction(10, 1))
    """
    if type(weight) is Fraction and weight.numerator >= 0:
        return weight
    value = Fraction(weight) if isinstance(weight, str) else to_fraction(weight)
    if value < 0:
        raise ValueError(f"分值必须是非负数 (a weight must be ≥ 0): {weight}")
    return value
