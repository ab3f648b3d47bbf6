"""Scoring one indicator: every outcome, every formula, every shipped rule set through the
property suite."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Comparison, Direction, parse_target
from indicatorkit.language import Grade
from indicatorkit.language.bare_numbers import other_reading
from indicatorkit.scoring.indicator import (
    Outcome,
    _numeric,
    display,
    score_indicator,
)
from indicatorkit.scoring.rules import (
    HUBEI,
    NATIONAL,
    RULE_SETS,
    Rounding,
    RoundingStage,
    RuleSet,
    rule_set,
)
from indicatorkit.strategies import comparisons
from indicatorkit.testing import check_rule_set


class LowerRatioFloor(RuleSet):
    """A rule set overriding a formula: half the weight at least for any missed target."""

    def partial_credit(
        self, share_met: Fraction | None, lower_bound: bool, weight: Fraction
    ) -> Fraction:
        return max(weight / 2, super().partial_credit(share_met, lower_bound, weight))


@pytest.mark.parametrize("rules", sorted(RULE_SETS), ids=str)
def test_every_shipped_rule_set_passes_the_property_suite(rules: str) -> None:
    check_rule_set(RULE_SETS[rules], max_examples=25)


def test_a_rule_set_that_breaks_a_law_is_caught() -> None:
    class Generous(RuleSet):
        def partial_credit(
            self, share_met: Fraction | None, lower_bound: bool, weight: Fraction
        ) -> Fraction:
            return weight * 2  # more than the weight

        def budget_score(self, rate: Fraction) -> Fraction:
            return rate * self.budget_weight  # uncapped

    with pytest.raises(AssertionError):
        check_rule_set(Generous("generous", "too generous"), max_examples=40)


@pytest.mark.parametrize(
    ("target", "actual", "weight", "score", "outcome"),
    [
        ("≥200件", "201件", 20, 20, Outcome.MET),
        ("≥200件", "150件", 20, 15, Outcome.MISSED),  # w·B/A
        ("≥200件", "-5件", 20, 0, Outcome.MISSED),  # a negative actual counts as 0
        ("≥95%", "96%", 10, 10, Outcome.MET),
        (">5万元", "60000元", 10, 10, Outcome.MET),
        ("≤2%", "3%", 10, Fraction(667, 100), Outcome.MISSED),  # w·A/B = 6.666…, rounded
        ("≤2%", "4%", 10, 5, Outcome.MISSED),  # w·A/B
        ("≤2%", "1%", 10, 10, Outcome.MET),
        ("=0", "0", 5, 5, Outcome.MET),
        ("=0", "1", 5, 0, Outcome.MISSED),  # A = 0: w if B ≤ 0 else 0
        ("90%-100%", "95%", 10, 10, Outcome.MET),
        ("90%-100%", "81%", 10, 9, Outcome.MISSED),  # our range convention: B/low
        ("12月底前", "12月20日", 5, 5, Outcome.MET),
        ("6月底前", "7月1日", 5, 0, Outcome.MISSED),
    ],
)
def test_national_formulas(
    target: str, actual: str, weight: int, score: int | Fraction, outcome: Outcome
) -> None:
    result = score_indicator(target, actual, weight)
    assert (result.score, result.outcome) == (Fraction(score), outcome)
    assert result.score_source == "formula"


def test_a_strict_bound_missed_at_its_boundary_takes_the_published_formula() -> None:
    """National: w·B/A = w at B = A (the national system gives full marks); the target is
    still not met, so it needs an explanation.  ``strict-step`` keeps the old w − 0.01."""
    result = score_indicator(">95%", "95%", 10)
    assert (result.outcome, result.score, result.explanation_required) == (
        Outcome.MISSED,
        10,
        True,
    )
    stepped = score_indicator(">95%", "95%", 10, rules="strict-step")
    assert stepped.outcome is Outcome.MISSED and stepped.score == Fraction(999, 100)
    assert score_indicator("<5件", "5件", 10, rules="strict-step").score == Fraction(999, 100)


def test_lower_is_better_policies() -> None:
    """National and Hubei: 分值 × 指标值 / 实际值; the vendor's linear formula is a variant."""
    for rules in (NATIONAL, HUBEI):
        result = score_indicator("≤2%", "3%", 10, rules=rules)
        assert (result.score, result.exact_score) == (Fraction(667, 100), Fraction(20, 3))
    assert score_indicator("≤2%", "3%", 10, rules="lower-linear").score == 5
    assert score_indicator("≤2%", "4%", 10, rules="lower-linear").score == 0  # zero at 2A
    linear = score_indicator("98%", "99%", 10, direction=Direction.LOWER, rules="lower-linear")
    assert linear.exact_score == Fraction(2, 1) * 10 - Fraction(990, 98)
    with pytest.raises(ValueError, match="lower-ratio"):
        rule_set("lower-ratio")  # national is the ratio now: the old name is gone


def test_qualitative_bands_and_the_evaluators_score() -> None:
    result = score_indicator("及时足额发放", "达成", 10)
    assert (result.score, result.score_range, result.score_source) == (10, (8, 10), "default")
    partial = score_indicator("及时足额发放", "部分达成", 10)
    assert (partial.score, partial.score_range, partial.outcome) == (7, (6, 8), Outcome.PARTIAL)
    chosen = score_indicator("及时足额发放", Grade.PARTIAL, 10, evaluator_score="7.5")
    assert (chosen.score, chosen.score_range, chosen.score_source) == (
        Fraction(15, 2),
        (Fraction(15, 2), Fraction(15, 2)),
        "evaluator",
    )
    outside = score_indicator("及时足额发放", "部分达成", 10, evaluator_score=9)
    assert outside.outcome is Outcome.FAILED and "区间" in outside.message
    hubei = score_indicator("及时足额发放", "未达成", 10, rules="hubei")
    assert hubei.score_range == (0, 5)


@pytest.mark.parametrize(
    ("target", "actual", "outcome"),
    [
        ("≥200件", None, Outcome.MISSING),
        ("≥200件", "  ", Outcome.MISSING),
        ("≥200件", "很多", Outcome.UNREADABLE),
        ("≥200件", "200人", Outcome.FAILED),
        ("12月底前", "95%", Outcome.FAILED),
        ("及时足额发放", "已经发放", Outcome.UNREADABLE),
        ("≥200xx", "200件", Outcome.UNREADABLE),
    ],
)
def test_undecided_outcomes_keep_their_points_undecided(
    target: str, actual: str | None, outcome: Outcome
) -> None:
    result = score_indicator(target, actual, 20)
    assert result.outcome is outcome and not outcome.decided
    assert result.score is None and result.score_range == (0, 20) and result.undecided == 20
    assert result.message


def test_not_applicable() -> None:
    result = score_indicator("≥200件", None, 20, not_applicable="项目未实施")
    assert result.outcome is Outcome.NOT_APPLICABLE and result.score == 0 and result.undecided == 0


def test_explanations() -> None:
    assert score_indicator("≥200件", "150件", 20).explanation_required is True
    assert score_indicator("≥200件", "150件", 20, reason="疫情影响").explanation_given is True
    assert score_indicator("≥200件", "300件", 20).explanation_required is False
    guangxi = score_indicator("≥200件", "260件", 20, rules="guangxi-overshoot")
    assert guangxi.explanation_required is True and guangxi.outcome is Outcome.MET


def test_budget_line_and_grades() -> None:
    assert NATIONAL.budget_score(Fraction(95, 100)) == Fraction(19, 2)
    assert NATIONAL.budget_score(Fraction(12, 10)) == 10
    assert HUBEI.budget_score(Fraction(1, 2)) == 10
    assert [NATIONAL.grade(Fraction(t)) for t in (90, 89, 80, 60, 59)] == [
        "优",
        "良",
        "良",
        "中",
        "差",
    ]
    assert rule_set("grades-80-70-60").grade(Fraction(70)) == "良"
    with pytest.raises(ValueError):
        rule_set("nowhere")


def test_a_region_is_a_few_lines() -> None:
    county = attrs.evolve(NATIONAL, name="county", budget_weight=Fraction(15))
    assert county.budget_score(Fraction(1)) == 15
    check_rule_set(county, max_examples=20)


def test_display_rounds_half_up_at_the_end() -> None:
    assert [display(Fraction(x, 1000)) for x in (5, 15, 25, -5, 1234)] == [
        "0.01",
        "0.02",
        "0.03",
        "-0.01",
        "1.23",
    ]
    assert display(None) == "" and display(Fraction(10)) == "10.00"


def test_scores_are_exact_and_to_dict_has_no_floats() -> None:
    data = score_indicator("≥3件", "2件", 10).to_dict()
    assert data["score"] == "6.67" and data["score_display"] == "6.67"
    assert data["exact_score"] == "20/3"
    exact = score_indicator(
        "≥3件", "2件", 10, rules=attrs.evolve(NATIONAL, rounding=Rounding(stage=RoundingStage.NONE))
    )
    assert exact.score == exact.exact_score == Fraction(20, 3)
    assert not any(isinstance(value, float) for value in data.values())


def test_a_plain_number_actual_is_read_in_the_targets_unit_and_said_so() -> None:
    result = score_indicator("≧735人次", "735", 10)
    assert (result.outcome, result.score, result.actual) == (Outcome.MET, 10, "735")
    assert "未写单位" in result.message


def test_targets_may_be_objects() -> None:
    assert score_indicator(parse_target("≥200件"), 150, 20).score == 15


# --- the hot path of numbers: int actuals against comparisons -----------------------------

ALL_RULES = st.sampled_from([*RULE_SETS.values(), LowerRatioFloor("floor", "a subclass")])


@settings(max_examples=400, deadline=None)
@given(
    target=st.one_of(
        comparisons(),
        comparisons(min_value=-5, max_value=5, places=0),  # zero and negative thresholds
        st.sampled_from([parse_target(text) for text in ("=0", ">5", "<5", "≥95%", ">5万元")]),
    ),
    actual=st.one_of(st.integers(-10, 10), st.integers(-(10**9), 10**12)),
    weight=st.fractions(min_value=0, max_value=100, max_denominator=50),
    direction=st.sampled_from([None, Direction.HIGHER, Direction.LOWER]),
    rules=ALL_RULES,
    reason=st.sampled_from(["", " ", "说明"]),
)
def test_the_hot_path_equals_the_general_path(
    target: Comparison,
    actual: int,
    weight: Fraction,
    direction: Direction | None,
    rules: RuleSet,
    reason: str,
) -> None:
    """An int actual against a comparison skips check and its CheckResult: the same record as
    check + the general formulas, field by field, types included."""
    fast = score_indicator(target, actual, weight, direction=direction, rules=rules, reason=reason)
    general = _numeric(target.check(actual, direction=direction), rules, actual, "").score(
        weight, reason=reason
    )
    assert fast == general
    assert fast.to_dict() == general.to_dict()
    assert [type(value) for value in attrs.astuple(fast, recurse=False)] == [
        type(value) for value in attrs.astuple(general, recurse=False)
    ]
    if target.amount.unit.dimension:  # a third route: the number as text, in the target's unit
        spelled = score_indicator(target, str(actual), weight, direction=direction, rules=rules)
        if other_reading(Fraction(actual), target) is not None:  # implausible: left open
            assert spelled.outcome is Outcome.FAILED and spelled.score is None
            return
        assert (spelled.outcome, spelled.score, spelled.attainment) == (
            fast.outcome,
            fast.score,
            fast.attainment,
        )


def test_the_hot_path_keeps_strict_bounds_and_zero_targets() -> None:
    assert score_indicator(parse_target(">5"), 5, 10).score == 10
    assert score_indicator(parse_target(">5"), 5, 10, rules="strict-step").score == Fraction(
        999, 100
    )
    assert score_indicator(parse_target("=0"), 0, 5).outcome is Outcome.MET
    assert score_indicator(parse_target("=0"), 1, 5).score == 0
    assert score_indicator(parse_target("≤2%"), 3, 10).score == Fraction(667, 100)
    assert score_indicator(parse_target("≥200件"), -5, 20).attainment == 0
    with pytest.raises(TypeError):
        score_indicator(parse_target("98%"), 5, 10, direction="反向")  # type: ignore[arg-type]
