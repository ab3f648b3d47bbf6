"""A property suite any rule set can be run through (needs hypothesis:
``pip install 'indicatorkit[strategies]'``).

Every shipped rule set passes it; a region's own rules are tested the same way:

>>> import attrs
>>> from indicatorkit.scoring.rules import NATIONAL
>>> my_rules = attrs.evolve(NATIONAL, name="my-county", budget_weight=15)
>>> check_rule_set(my_rules, max_examples=20)

The laws (each also a function of its own, for a test suite that wants them one by one):

* :func:`law_bounded` — a score lies within [0, w], and so does its range;
* :func:`law_full_marks_exactly_when_met` — a met target scores w (less the rule set's cut for
  over-achievement); a missed one scores less before rounding, except a strict bound missed at
  its very boundary, where the formula may give w;
* :func:`law_monotone` — a better actual never scores less (beyond the over-achievement cut);
* :func:`law_unit_invariant` — restating the actual in another unit (5万元 / 50000元) changes
  nothing;
* :func:`law_deterministic` — the same input gives the same score;
* :func:`law_budget_line` — the budget line lies within [0, its weight] and rises with the rate;
* :func:`law_totals_within_100` — a project's total (and the department's) lies within
  [0, 100] when the weights are the rule set's, with or without indicators that do not apply;
* :func:`law_grades` — the grade bands are ordered and lie inside [0, 100], every total in
  [0, 100] has a grade, and the grade never falls as the total rises;
* :func:`law_weight_sums` — a project is graded only when its weights and budget line total 100
  (or the rule set rescales to 100), and its total is the sum of its rows as the rule set
  rounds them, so the rows shown add up to the total shown and the grade follows that total.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from indicatorkit.language.bounds import Direction
from indicatorkit.language.targets import AnyTarget, Comparison, Range
from indicatorkit.language.values import Amount
from indicatorkit.model.records import Indicator, Project, Spec
from indicatorkit.scoring.indicator import Outcome, score_indicator
from indicatorkit.scoring.report import ProjectScore, score
from indicatorkit.scoring.rules import RoundingStage, RuleSet
from indicatorkit.strategies import (
    actuals_meeting,
    actuals_missing,
    comparisons,
    deadlines,
    qualitatives,
    ranges,
    specs,
)
from indicatorkit.units import Unit

__all__ = [
    "LAWS",
    "check_rule_set",
    "law_bounded",
    "law_budget_line",
    "law_deterministic",
    "law_full_marks_exactly_when_met",
    "law_grades",
    "law_monotone",
    "law_totals_within_100",
    "law_unit_invariant",
    "law_weight_sums",
]

_WEIGHTS = st.fractions(min_value=0, max_value=100, max_denominator=100)
_DIRECTIONS = st.sampled_from([None, Direction.HIGHER, Direction.LOWER])
_TARGETS = st.one_of(comparisons(), ranges(), deadlines(), qualitatives())
_NUMBERS = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=1000)
_RATES = st.fractions(min_value=-1, max_value=5, max_denominator=1000)
_TOTALS = st.fractions(min_value=0, max_value=100, max_denominator=1000)
_POINTS = st.fractions(min_value=0, max_value=60, max_denominator=4)

#: A law: given a rule set, the hypothesis test of one property (call it to run it).
_Law = Callable[[RuleSet], Callable[..., None]]


def _actual(data: st.DataObject, target: AnyTarget) -> Any:
    chosen = data.draw(st.sampled_from([actuals_meeting, actuals_missing]))
    try:
        strategy = chosen(target)
    except InvalidArgument:  # a target that cannot be missed: take an actual that meets it
        strategy = actuals_meeting(target)
    return data.draw(strategy)


def _law(**strategies: SearchStrategy[Any]) -> Callable[[Callable[..., None]], _Law]:
    """A law from its property: the decorated ``check(rules, **drawn)`` becomes a function of
    a rule set that returns the hypothesis test of ``check`` over ``strategies`` (named and
    documented as ``check``)."""

    def make(check: Callable[..., None]) -> _Law:
        def law(rules: RuleSet) -> Callable[..., None]:
            @given(**strategies)
            def test(**drawn: Any) -> None:
                check(rules, **drawn)

            return test

        for name in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(law, name, getattr(check, name))
        return law

    return make


@_law(target=_TARGETS, weight=_WEIGHTS, direction=_DIRECTIONS, data=st.data())
def law_bounded(
    rules: RuleSet,
    target: AnyTarget,
    weight: Fraction,
    direction: Direction | None,
    data: st.DataObject,
) -> None:
    """A score lies within [0, w]; so do both ends of its range.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_bounded(NATIONAL))()
    """
    actual = None if data.draw(st.integers(0, 9)) == 0 else _actual(data, target)
    result = score_indicator(target, actual, weight, direction=direction, rules=rules)
    low, high = result.score_range
    assert 0 <= low <= high <= weight, result
    if result.score is not None:
        assert low <= result.score <= high, result


@_law(target=_TARGETS, weight=_WEIGHTS.filter(bool), direction=_DIRECTIONS, data=st.data())
def law_full_marks_exactly_when_met(
    rules: RuleSet,
    target: AnyTarget,
    weight: Fraction,
    direction: Direction | None,
    data: st.DataObject,
) -> None:
    """A numeric target (and a qualitative one at its default) scores w exactly when met.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_full_marks_exactly_when_met(NATIONAL))()
    """
    result = score_indicator(
        target, _actual(data, target), weight, direction=direction, rules=rules
    )
    assert result.score is None or result.score <= weight, result
    if result.outcome is Outcome.MET:
        cut = rules.overshoot_cut
        low = weight if cut is None else max(Fraction(0), weight - cut.points)
        # the cut bounds the formula's value; the row is then rounded as the rule set
        # rounds (a cut of 2 from 23/11 is 1/11, shown 0.09)
        assert result.score is not None and result.exact_score is not None, result
        assert low <= result.exact_score <= weight, result
        assert result.score == rules.rounding.row(result.exact_score, weight), result
    elif result.outcome is Outcome.MISSED and result.attainment != 1:
        assert result.exact_score is not None and result.exact_score < weight, result


@_law(
    target=st.one_of(comparisons(), ranges()),
    weight=_WEIGHTS,
    direction=_DIRECTIONS,
    x=_NUMBERS,
    y=_NUMBERS,
)
def law_monotone(
    rules: RuleSet,
    target: Comparison | Range,
    weight: Fraction,
    direction: Direction | None,
    x: Fraction,
    y: Fraction,
) -> None:
    """Along a comparison's direction, a better actual never scores less; a number closer to
    a range never scores less.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_monotone(NATIONAL))()
    """
    low, high = sorted((x, y))
    # exact scores: full marks are the weight itself, a cut row is rounded (173/26 − 2 is
    # shown 4.65), so rows as shown can differ by the cut plus half a unit of rounding
    score_low = score_indicator(target, low, weight, direction=direction, rules=rules).exact_score
    score_high = score_indicator(target, high, weight, direction=direction, rules=rules).exact_score
    assert score_low is not None and score_high is not None
    cut = Fraction(0) if rules.overshoot_cut is None else rules.overshoot_cut.points
    if isinstance(target, Comparison):
        if target.effective_operator(direction).is_lower_bound:
            assert score_low <= score_high + cut, (low, high, score_low, score_high)
        else:
            assert score_low >= score_high, (low, high, score_low, score_high)
    else:
        ends = target.bounds()
        assert ends.lower is not None and ends.upper is not None
        factor = target.low.unit.factor
        if high * factor <= ends.lower.value:  # both below the range
            assert score_low <= score_high
        if low * factor >= ends.upper.value:  # both above it
            assert score_low >= score_high


@_law(target=st.one_of(comparisons(), ranges()), weight=_WEIGHTS, direction=_DIRECTIONS, x=_NUMBERS)
def law_unit_invariant(
    rules: RuleSet,
    target: Comparison | Range,
    weight: Fraction,
    direction: Direction | None,
    x: Fraction,
) -> None:
    """An actual stated in the target's unit or in the base unit scores the same.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_unit_invariant(NATIONAL))()
    """
    unit = target.amount.unit if isinstance(target, Comparison) else target.low.unit
    as_written = Amount(x, unit)
    in_base = Amount(x * unit.factor, Unit("base", unit.dimension, Fraction(1)))
    one = score_indicator(target, as_written, weight, direction=direction, rules=rules)
    other = score_indicator(target, in_base, weight, direction=direction, rules=rules)
    assert (one.score, one.outcome) == (other.score, other.outcome)


@_law(target=_TARGETS, weight=_WEIGHTS, data=st.data())
def law_deterministic(
    rules: RuleSet, target: AnyTarget, weight: Fraction, data: st.DataObject
) -> None:
    """The same input gives the same score.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_deterministic(NATIONAL))()
    """
    actual = _actual(data, target)
    assert score_indicator(target, actual, weight, rules=rules) == score_indicator(
        target, actual, weight, rules=rules
    )


@_law(x=_RATES, y=_RATES)
def law_budget_line(rules: RuleSet, x: Fraction, y: Fraction) -> None:
    """The budget line lies within [0, its weight] and never falls as the rate rises.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_budget_line(NATIONAL))()
    """
    low, high = sorted((x, y))
    assert 0 <= rules.budget_score(low) <= rules.budget_score(high) <= rules.budget_weight


@_law(spec=specs(max_projects=3), data=st.data())
def law_totals_within_100(rules: RuleSet, spec: Spec, data: st.DataObject) -> None:
    """Totals lie within [0, 100] when the spec gives no weights (the rule set's own level
    weights and budget line apply), whatever the actuals and the indicators that do not apply.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_totals_within_100(NATIONAL))()
    """

    def unweighted(indicator: Indicator) -> Indicator:
        dropped = data.draw(st.integers(0, 4)) == 0 and indicator.actual is None
        return attrs.evolve(
            indicator,
            weight=None,
            not_applicable="不适用" if dropped else indicator.not_applicable,
            evaluator_score=None,
        )

    projects = tuple(
        attrs.evolve(p, indicators=tuple(unweighted(i) for i in p.indicators))
        for p in spec.projects
    )
    result = score(attrs.evolve(spec, projects=projects), rules=rules)
    possible = sum(rules.level_weights.values(), Fraction(0)) + rules.budget_weight
    for project in result.projects:
        low, high = project.total_range
        assert 0 <= low <= high <= max(possible, Fraction(100)), project.total_range
    if result.department_range is not None:
        low, high = result.department_range
        assert 0 <= low <= high <= max(possible, Fraction(100))


@_law(x=_TOTALS, y=_TOTALS)
def law_grades(rules: RuleSet, x: Fraction, y: Fraction) -> None:
    """The grade bands are ordered best first, inside [0, 100]; every total in [0, 100] has a
    grade of the rule set; a higher total never gets a worse grade.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_grades(NATIONAL))()
    """
    lowest = [bound for bound, _ in rules.grades]
    names = [name for _, name in rules.grades]
    assert lowest == sorted(lowest, reverse=True) and len(set(lowest)) == len(lowest)
    assert all(0 <= bound <= 100 for bound in lowest) and lowest[-1] == 0, rules.grades
    low, high = sorted((x, y))
    assert rules.grade(low) in names and rules.grade(high) in names
    assert names.index(rules.grade(high)) <= names.index(rules.grade(low)), (low, high)


@_law(spec=specs(max_projects=2), budget_weight=st.none() | _POINTS, data=st.data())
def law_weight_sums(
    rules: RuleSet, spec: Spec, budget_weight: Fraction | None, data: st.DataObject
) -> None:
    """With weights given (and the budget line's 分值 from the table), a project is graded only
    when they total 100 — or rescaled to 100 when the rule set says so; its total is the sum of
    its rows as the rule set rounds them (rows shown add up to the total shown) and the grade
    is the grade of that total.

    >>> from indicatorkit.scoring.rules import NATIONAL
    >>> settings(max_examples=5, deadline=None)(law_weight_sums(NATIONAL))()
    """

    def weighted(project: Project) -> Project:
        indicators = tuple(
            attrs.evolve(i, weight=data.draw(_POINTS), evaluator_score=None)
            for i in project.indicators
        )
        return attrs.evolve(project, indicators=indicators, budget_weight=budget_weight)

    projects = tuple(weighted(p) if p.withheld is None else p for p in spec.projects)
    result = score(attrs.evolve(spec, projects=projects), rules=rules)
    for project in result.projects:
        _check_weight_sum(rules, project)


def _check_weight_sum(rules: RuleSet, project: ProjectScore) -> None:
    """:func:`law_weight_sums` for one scored project."""
    rows = [item.score for item in project.indicators]
    possible = sum((row.weight for row in rows), Fraction(0)) + project.budget.weight
    assert project.weight_sum == possible
    if possible != 100 and not rules.rescale_weights:
        assert project.grade is None and project.grade_note, project
    low, high = project.total_range
    if rules.rescale_weights:
        assert 0 <= low <= high <= 100, project.total_range
    if project.grade is not None and rules.execution_caps == ():
        assert rules.grade(low) == project.grade
    plain = not project.rescaled and rules.execution_caps == ()
    if plain and rules.rounding.stage is RoundingStage.INDICATOR:
        counted = [row.score_range[0] if row.score is None else row.score for row in rows]
        counted.append(project.budget.score_range[0])
        # each row as shown (full marks on a weight off the grid, 1/3, show 0.33)
        shown = sum((rules.rounding.round(value) for value in counted), Fraction(0))
        assert low == shown, project


LAWS: tuple[_Law, ...] = (
    law_bounded,
    law_full_marks_exactly_when_met,
    law_monotone,
    law_unit_invariant,
    law_deterministic,
    law_budget_line,
    law_totals_within_100,
    law_grades,
    law_weight_sums,
)


def check_rule_set(rules: RuleSet, *, max_examples: int = 100) -> None:
    """Run every law against ``rules``; an ``AssertionError`` (with hypothesis's smallest
    failing example) says which law broke.

    >>> from indicatorkit.scoring.rules import RULE_SETS
    >>> check_rule_set(RULE_SETS["hubei"], max_examples=5)
    """
    for make in LAWS:  # one bug reported, so a broken law is an AssertionError, never a group
        settings(max_examples=max_examples, deadline=None, report_multiple_bugs=False)(
            make(rules)
        )()
