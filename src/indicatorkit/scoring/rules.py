"""Rule sets: what a result is worth.  The national self-assessment rules by default, and every
regional variant of ``docs/scoring.md`` as a named rule set.

A rule set is a frozen record of settings (level weights, the lower-is-better formula, the
qualitative bands, the budget line, grades, rounding, explanation thresholds and the regional
hooks: a cut for over-achievement, a cap on the total by 执行率, a deduction for a late
deadline); a region's variant is a few lines of :func:`attrs.evolve`, and a rule that settings
cannot express is a short subclass overriding one method (:meth:`RuleSet.partial_credit`,
:meth:`RuleSet.qualitative_score`, :meth:`RuleSet.budget_score`, :meth:`RuleSet.late_score`,
:meth:`RuleSet.overshoot_score`, :meth:`RuleSet.cap_total` or :meth:`RuleSet.grade`).

>>> from fractions import Fraction
>>> NATIONAL.grade(Fraction(90)), VENDOR_GRADES.grade(Fraction(75))
('优', '良')
>>> RULE_SETS["hubei"].budget_weight
Fraction(20, 1)
>>> NATIONAL.rounding.round(Fraction(89998, 1000))      # 2 decimals, half up
Fraction(90, 1)
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

from indicatorkit.errors import UnknownRuleSetError
from indicatorkit.language.values import Grade
from indicatorkit.model.budget_points import NATIONAL_BUDGET_POINTS, budget_points
from indicatorkit.scoring.rounding import Rounding, RoundingMode, RoundingStage

__all__ = [
    "HUBEI",
    "NATIONAL",
    "RULE_SETS",
    "VENDOR_GRADES",
    "Band",
    "ExecutionCap",
    "LateDeduction",
    "LowerIsBetter",
    "OvershootCut",
    "Rollup",
    "Rounding",
    "RoundingMode",
    "RoundingStage",
    "RuleSet",
    "rule_set",
]

_ZERO = Fraction(0)
_ONE = Fraction(1)


class LowerIsBetter(enum.Enum):
    """How a missed lower-is-better target (≤, <) earns partial credit.

    >>> NATIONAL.lower_is_better, [kind.value for kind in LowerIsBetter]
    (<LowerIsBetter.RATIO: 'ratio'>, ['ratio', 'linear'])
    """

    #: 分值 × 指标值 / 实际值 (w·A/B) — the published fill-in guides and the Hubei 2020 form.
    RATIO = "ratio"
    #: w·(1 − (B − A)/A), zero at B ≥ 2A — one vendor's deployment (rule set ``lower-linear``).
    LINEAR = "linear"


@attrs.frozen
class OvershootCut:
    """偏离度: a met more-is-better target whose actual reaches ``at`` × the target loses
    ``points`` (never below 0) — for targets set too low (财预〔2020〕10号 allows cutting
    such results "按照偏离度适度调减"; the numbers are regional).

    >>> RULE_SETS["overshoot-cut"].overshoot_cut    # 130% of the target or more: 2 points off
    OvershootCut(at=Fraction(13, 10), points=Fraction(2, 1))
    """

    at: Fraction = attrs.field(converter=Fraction)
    points: Fraction = attrs.field(converter=Fraction)


@attrs.frozen
class ExecutionCap:
    """A cap on a project's total by its budget execution rate: below ``rate``, the total is
    at most ``total``.

    >>> ExecutionCap(Fraction(6, 10), Fraction(60))
    ExecutionCap(rate=Fraction(3, 5), total=Fraction(60, 1))
    """

    rate: Fraction = attrs.field(converter=Fraction)
    total: Fraction = attrs.field(converter=Fraction)


@attrs.frozen
class LateDeduction:
    """A missed deadline loses ``share`` of its weight for every ``days`` days late, in
    proportion to the delay (never below 0).

    >>> LateDeduction(Fraction(1, 2), 30)
    LateDeduction(share=Fraction(1, 2), days=30)
    """

    share: Fraction = attrs.field(converter=Fraction)
    days: int = attrs.field(validator=attrs.validators.gt(0))


class Rollup(enum.Enum):
    """How a department's total comes from its projects' totals.

    >>> NATIONAL.rollup, [kind.value for kind in Rollup]
    (<Rollup.MEAN: 'mean'>, ['mean', 'budget-weighted'])
    """

    MEAN = "mean"
    BUDGET_WEIGHTED = "budget-weighted"


@attrs.frozen
class Band:
    """A share of the weight: from ``low`` to ``high`` (``high`` included when
    ``high_included``), and ``default``, the share taken when the evaluator chose none.

    >>> from indicatorkit.language import Grade
    >>> NATIONAL.bands[Grade.PARTIAL]
    Band(low=Fraction(3, 5), high=Fraction(4, 5), high_included=False, default=Fraction(7, 10))
    """

    low: Fraction
    high: Fraction
    high_included: bool
    default: Fraction

    def admits(self, share: Fraction) -> bool:
        return self.low <= share and (
            share < self.high or (self.high_included and share == self.high)
        )


def _bands(boundary: Fraction) -> Mapping[Grade, Band]:
    return MappingProxyType(
        {
            # 达成: full marks by default, as a met numeric target (our convention)
            Grade.ACHIEVED: Band(Fraction(8, 10), _ONE, True, _ONE),
            # the other grades: the middle of the band by default (our convention)
            Grade.PARTIAL: Band(boundary, Fraction(8, 10), False, (boundary + Fraction(8, 10)) / 2),
            Grade.NOT_ACHIEVED: Band(_ZERO, boundary, False, boundary / 2),
        }
    )


def _fraction(value: int | Fraction) -> Fraction:
    return Fraction(value)


def _fractions(mapping: Mapping[str, int | Fraction]) -> Mapping[str, Fraction]:
    return MappingProxyType({key: Fraction(value) for key, value in mapping.items()})


def _read_only_bands(mapping: Mapping[Grade, Band]) -> Mapping[Grade, Band]:
    return MappingProxyType(dict(mapping))


def _rebuild_rule_set(kind: type[RuleSet], values: dict[str, Any]) -> RuleSet:
    return kind(**values)


@attrs.frozen
class RuleSet:
    """The settings of a rule set (see ``docs/scoring.md`` for each one's source).

    >>> import attrs
    >>> from fractions import Fraction
    >>> from indicatorkit import NATIONAL, RuleSet
    >>> NATIONAL.name, NATIONAL.budget_weight, NATIONAL.grade(Fraction(85))
    ('national', Fraction(10, 1), '良')
    >>> county = attrs.evolve(NATIONAL, name="county", budget_weight=Fraction(15))
    >>> county.budget_score(Fraction(1))
    Fraction(15, 1)
    """

    name: str
    title: str
    #: Level-1 weights where the spec gives none (效果指标 counts as 效益指标).
    level_weights: Mapping[str, Fraction] = attrs.field(
        default=MappingProxyType(
            {"产出指标": Fraction(50), "效益指标": Fraction(30), "满意度指标": Fraction(10)}
        ),
        converter=_fractions,
    )
    #: The budget line's weight (预算执行率); a shipped rule set's is
    #: :func:`~indicatorkit.model.budget_points.budget_points` of its name (lint's IK309 adds it).
    budget_weight: Fraction = attrs.field(default=NATIONAL_BUDGET_POINTS, converter=_fraction)
    #: Missed lower-is-better targets: w·A/B (national) or the vendor's linear formula.
    lower_is_better: LowerIsBetter = LowerIsBetter.RATIO
    #: The qualitative grades' bands, as shares of the weight.
    bands: Mapping[Grade, Band] = attrs.field(
        factory=lambda: _bands(Fraction(6, 10)), converter=_read_only_bands
    )
    #: (lowest total, grade), best first.
    grades: tuple[tuple[Fraction, str], ...] = (
        (Fraction(90), "优"),
        (Fraction(80), "良"),
        (Fraction(60), "中"),
        (_ZERO, "差"),
    )
    #: An explanation is required when the actual reaches this share of the target (Guangxi:
    #: 130%); ``None``: overshooting needs none.
    overshoot: Fraction | None = None
    #: An explanation of the budget line is required below this execution rate (Sichuan: 90%).
    budget_rate_floor: Fraction | None = None
    #: Indicators that do not apply are dropped and the rest rescaled to 100.
    rescale_not_applicable: bool = True
    rollup: Rollup = Rollup.MEAN
    #: How and where scores are rounded (national: each row to 2 decimals, half up).
    rounding: Rounding = Rounding()
    #: What a strict bound (``>95%``) missed at its very boundary loses below the formula's
    #: full marks; ``None`` (national): the formula's w·B/A = w stands.
    boundary_step: Fraction | None = None
    #: 百分制折算: when weights and the budget line do not total 100, rescale the total to 100
    #: (otherwise the total stands and no grade is given).
    rescale_weights: bool = False
    #: 偏离度: the cut for a met target far beyond itself (``None``: no cut).
    overshoot_cut: OvershootCut | None = None
    #: Caps on the project total by 执行率, any order.
    execution_caps: tuple[ExecutionCap, ...] = ()
    #: A deduction for a late deadline in proportion to the delay (``None``: a missed deadline
    #: scores 0).
    late: LateDeduction | None = None

    @property
    def plain(self) -> bool:
        """True when a met or missed comparison needs nothing beyond the formulas (no
        overshoot rule, and :meth:`overshoot_score` is this class's own — a subclass that
        overrides it scores a met target its own way): such results may be scored on the fast
        path."""
        return (
            self.overshoot is None
            and self.overshoot_cut is None
            and type(self).overshoot_score is RuleSet.overshoot_score
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (and deep-copied) by its settings, the read-only mappings as plain dicts
        (a mapping proxy does not pickle), so a rule set and every score that holds one
        travel to another process; a subclass comes back as itself.

        >>> import copy, pickle
        >>> pickle.loads(pickle.dumps(NATIONAL)) == NATIONAL == copy.deepcopy(NATIONAL)
        True
        """
        values = {
            field.alias: dict(value) if isinstance(value, MappingProxyType) else value
            for field in attrs.fields(type(self))
            if field.init
            for value in (getattr(self, field.name),)
        }
        return (_rebuild_rule_set, (type(self), values))

    # ---- the formulas ----------------------------------------------------------------------
    def partial_credit(
        self, share_met: Fraction | None, lower_bound: bool, weight: Fraction
    ) -> Fraction:
        """The score of a missed numeric target.

        ``share_met`` is the attainment: actual ÷ target when more is better (``lower_bound``),
        target ÷ actual when less is better; ``None`` where no ratio exists (a target at or
        below zero), which earns nothing.
        """
        if share_met is None:
            return _ZERO
        # integer arithmetic on the share's numerator and denominator (the hot path)
        top, bottom = share_met.numerator, share_met.denominator
        if top <= 0:
            return _ZERO
        if top >= bottom:
            top = bottom = 1
        if lower_bound or self.lower_is_better is LowerIsBetter.RATIO:
            return Fraction(weight.numerator * top, weight.denominator * bottom)
        # linear: 1 − (B − A)/A = 2 − B/A, and the share is A/B
        linear = 2 * top - bottom
        if linear <= 0:
            return _ZERO
        return Fraction(weight.numerator * linear, weight.denominator * top)

    def qualitative_score(
        self, grade: Grade, weight: Fraction, chosen: Fraction | None
    ) -> tuple[Fraction, Fraction, Fraction, bool]:
        """(score, band low, band high, from the evaluator) for a graded qualitative result.

        Raises ``ValueError`` when the evaluator's ``chosen`` score is outside the band.
        """
        band = self.bands[grade]
        low, high = band.low * weight, band.high * weight
        if chosen is None:
            return band.default * weight, low, high, False
        if weight == 0 or not band.admits(chosen / weight):
            bracket = "]" if band.high_included else ")"
            raise ValueError(
                f"自评得分 {chosen} 不在“{grade.value}”的分值区间 [{low}, {high}{bracket} 内 "
                f"(the evaluator's score is outside the grade's band)"
            )
        return chosen, low, high, True

    def missed_score(
        self, share_met: Fraction | None, lower_bound: bool, weight: Fraction
    ) -> Fraction:
        """:meth:`partial_credit`, less :attr:`boundary_step` for a strict bound missed at its
        very boundary (the share is 1, and the formula would give full marks)."""
        score = self.partial_credit(share_met, lower_bound, weight)
        step = self.boundary_step
        if (
            step is not None
            and share_met is not None
            and share_met.numerator == share_met.denominator
            and score == weight
            and weight.numerator > 0
        ):
            return max(_ZERO, weight - step)
        return score

    def overshoot_score(self, share_met: Fraction, weight: Fraction) -> Fraction:
        """The score of a met more-is-better target reaching ``share_met`` of itself: full
        marks, less the :attr:`overshoot_cut` when it applies."""
        cut = self.overshoot_cut
        if cut is None or share_met < cut.at:
            return weight
        return max(_ZERO, weight - cut.points)

    def late_score(self, days_late: int | None, weight: Fraction) -> Fraction:
        """The score of a deadline missed by ``days_late`` days (``None``: the delay cannot be
        counted): 0, or the weight less the :attr:`late` deduction in proportion to the delay.

        >>> import attrs
        >>> monthly = attrs.evolve(NATIONAL, late=LateDeduction(Fraction(1, 2), 30))
        >>> NATIONAL.late_score(15, Fraction(10)), monthly.late_score(15, Fraction(10))
        (Fraction(0, 1), Fraction(15, 2))
        """
        late = self.late
        if late is None or days_late is None:
            return _ZERO
        return max(_ZERO, weight * (1 - late.share * Fraction(days_late, late.days)))

    def cap_total(self, total: Fraction, rate: Fraction | None) -> Fraction:
        """A project's total under the :attr:`execution_caps` for its execution ``rate``
        (``None``: no rate, no cap).

        >>> import attrs
        >>> capped = attrs.evolve(NATIONAL, execution_caps=(ExecutionCap(Fraction(6, 10), 60),))
        >>> capped.cap_total(Fraction(85), Fraction(1, 2)), capped.cap_total(Fraction(85), Fraction(7, 10))
        (Fraction(60, 1), Fraction(85, 1))
        """
        if rate is None:
            return total
        for cap in self.execution_caps:
            if rate < cap.rate:
                total = min(total, cap.total)
        return total

    def budget_score(self, rate: Fraction) -> Fraction:
        """The budget line's score for an execution rate (executed ÷ budget)."""
        return max(_ZERO, min(rate, _ONE)) * self.budget_weight

    def grade(self, total: Fraction) -> str:
        """The grade of a total (优 / 良 / 中 / 差 by default)."""
        for lowest, name in self.grades:
            if total >= lowest:
                return name
        return self.grades[-1][1]


NATIONAL = RuleSet(
    "national",
    "全国项目支出绩效自评（财预〔2020〕10号）/ national self-assessment",
)
HUBEI = attrs.evolve(
    NATIONAL,
    name="hubei",
    title="湖北：预算执行 20 分，反向指标 w·A/B，定性 50% 分界 / Hubei tables",
    budget_weight=budget_points("hubei"),
    lower_is_better=LowerIsBetter.RATIO,
    bands=_bands(Fraction(5, 10)),
)
VENDOR_GRADES = attrs.evolve(
    NATIONAL,
    name="grades-80-70-60",
    title="等级 优≥80、良≥70、中≥60 / grade bands 80/70/60",
    grades=((Fraction(80), "优"), (Fraction(70), "良"), (Fraction(60), "中"), (_ZERO, "差")),
)

#: Every shipped rule set by name.  Each is one setting away from the national rules, so that
#: a region can combine them with :func:`attrs.evolve`.  (The docs render it as a table.)
#:
#: :meta hide-value:
RULE_SETS: Mapping[str, RuleSet] = MappingProxyType(
    {
        rules.name: rules
        for rules in (
            NATIONAL,
            HUBEI,
            VENDOR_GRADES,
            attrs.evolve(
                NATIONAL,
                name="lower-linear",
                title="反向指标 w·(1 − (B−A)/A)，2 倍目标为 0（厂商默认）/ the vendor's linear "
                "lower-is-better formula",
                lower_is_better=LowerIsBetter.LINEAR,
            ),
            attrs.evolve(
                NATIONAL,
                name="strict-step",
                title="严格比较在边界上未达成扣 0.01 / a strict bound missed at its boundary "
                "loses 0.01",
                boundary_step=Fraction(1, 100),
            ),
            attrs.evolve(
                NATIONAL,
                name="round-total",
                title="各行不取整，只对总分四舍五入 / rows exact, the total rounded",
                rounding=Rounding(stage=RoundingStage.TOTAL),
            ),
            attrs.evolve(
                NATIONAL,
                name="whole-points",
                title="每行四舍五入到整数分 / each row rounded to whole points",
                rounding=Rounding(places=0),
            ),
            attrs.evolve(
                NATIONAL,
                name="overshoot-cut",
                title="实际值达目标 130% 及以上扣 2 分（偏离度）/ −2 at 130% of the target or more",
                overshoot_cut=OvershootCut(Fraction(13, 10), Fraction(2)),
            ),
            attrs.evolve(
                NATIONAL,
                name="rescale-100",
                title="分值合计不是 100 时按百分制折算 / rescale totals to 100",
                rescale_weights=True,
            ),
            attrs.evolve(
                NATIONAL,
                name="qualitative-50",
                title="定性分档 50% 分界 / qualitative bands split at 50%",
                bands=_bands(Fraction(5, 10)),
            ),
            attrs.evolve(
                NATIONAL,
                name="budget-20",
                title="预算执行 20 分 / a 20-point budget line",
                budget_weight=budget_points("budget-20"),
            ),
            attrs.evolve(
                NATIONAL,
                name="guangxi-overshoot",
                title="实际值达目标 130% 须说明 / explain an actual ≥ 130% of the target",
                overshoot=Fraction(13, 10),
            ),
            attrs.evolve(
                NATIONAL,
                name="sichuan-budget",
                title="预算执行率低于 90% 须说明 / explain a budget rate below 90%",
                budget_rate_floor=Fraction(9, 10),
            ),
            attrs.evolve(
                NATIONAL,
                name="keep-not-applicable",
                title="不适用指标不重新折算 / no rescaling for indicators that do not apply",
                rescale_not_applicable=False,
            ),
            attrs.evolve(
                NATIONAL,
                name="budget-weighted",
                title="部门总分按预算加权 / department total weighted by budget",
                rollup=Rollup.BUDGET_WEIGHTED,
            ),
        )
    }
)


def rule_set(rules: RuleSet | str | None) -> RuleSet:
    """A rule set given by itself or by name (``None``: the national rules).

    >>> rule_set(None) is NATIONAL, rule_set("hubei").name
    (True, 'hubei')
    """
    if rules is None:
        return NATIONAL
    if isinstance(rules, RuleSet):
        return rules
    try:
        return RULE_SETS[rules]
    except KeyError:
        raise UnknownRuleSetError(
            f"未知的评分规则“{rules}” (unknown rule set); 可用 / known: {'、'.join(RULE_SETS)}"
        ) from None
