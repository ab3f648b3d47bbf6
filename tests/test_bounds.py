"""The bounds seam: the single definition of "met" that ``check`` and a vectorised path share."""

from __future__ import annotations

import pickle
from fractions import Fraction

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Comparison, Direction, parse_target
from indicatorkit.language import Bound, Operator, Range
from indicatorkit.strategies import comparisons, ranges

DIRECTIONS = st.sampled_from([None, Direction.HIGHER, Direction.LOWER])
NUMBERS = st.fractions(min_value=-(10**9), max_value=10**9, max_denominator=10**6)


@settings(max_examples=300, deadline=None)
@given(target=st.one_of(comparisons(), ranges()), direction=DIRECTIONS, x=NUMBERS)
def test_check_decides_by_the_bounds(
    target: Comparison | Range, direction: Direction | None, x: Fraction
) -> None:
    bounds = target.bounds(direction)
    in_base_units = x * bounds.unit.factor  # a plain number is read in the target's unit
    assert target.check(x, direction=direction).met == bounds.contains(in_base_units)


@settings(max_examples=200, deadline=None)
@given(target=comparisons(), direction=DIRECTIONS)
def test_a_comparison_has_one_bound_in_its_effective_direction(
    target: Comparison, direction: Direction | None
) -> None:
    bounds = target.bounds(direction)
    operator = target.effective_operator(direction)
    assert bounds.operator is operator
    bound = bounds.lower if operator.is_lower_bound else bounds.upper
    other = bounds.upper if operator.is_lower_bound else bounds.lower
    assert other is None and bound is not None
    assert bound.value == target.amount.normalized
    assert bound.inclusive is (operator in (Operator.GE, Operator.LE))
    assert bounds.dimension == target.amount.unit.dimension


@settings(max_examples=100, deadline=None)
@given(target=ranges())
def test_a_range_has_each_end_as_written(target: Range) -> None:
    bounds = target.bounds()
    assert bounds.lower == Bound(target.low.normalized, target.low_inclusive)
    assert bounds.upper == Bound(target.high.normalized, target.high_inclusive)
    assert bounds.operator is None
    # a range written with a separator includes both ends (its canonical text, as written
    # for a closed range: a unit-less low end is written in the high end's unit)
    closed = parse_target(str(attrs.evolve(target, low_inclusive=True, high_inclusive=True)))
    assert isinstance(closed, Range)
    assert (closed.low_inclusive, closed.high_inclusive) == (True, True)


def test_bounds_are_exact_integers_in_base_units() -> None:
    bound = parse_target(">5万元").bounds().lower
    assert bound is not None
    assert (bound.numerator, bound.denominator, bound.inclusive) == (50000, 1, False)
    assert parse_target("=0").bounds().upper == Bound(Fraction(0), True)  # none at all
    assert parse_target("98%").bounds(Direction.LOWER).operator is Operator.LE


def test_targets_hold_only_their_fields() -> None:
    """Nothing precomputed leaks into attrs.asdict or a pickle."""
    target = parse_target("≥95%")
    target.check(96)  # builds the cached thresholds
    assert set(attrs.asdict(target, recurse=False)) == {"operator", "amount"}
    assert pickle.loads(pickle.dumps(target)) == target
    assert len(pickle.dumps(target)) < len(pickle.dumps((target, target.bounds())))


@settings(max_examples=300, deadline=None)
@given(target=comparisons(), direction=DIRECTIONS, x=NUMBERS)
def test_the_threshold_holds_the_numbers_of_the_bounds(
    target: Comparison, direction: Direction | None, x: Fraction
) -> None:
    """check's integers, built without the Bounds records, are the bounds' own numbers."""
    threshold = target.threshold(direction)
    bounds = target.bounds(direction)
    bound = bounds.lower if bounds.lower is not None else bounds.upper
    assert bound is not None
    assert threshold.lower_bound is (bounds.lower is not None)
    own = bound.value / bounds.unit.factor
    assert (threshold.numerator, threshold.denominator) == (own.numerator, own.denominator)
    assert Fraction(threshold.base_numerator, threshold.base_denominator) == bound.value
    assert threshold.base_denominator > 0
    # and its comparison decides as the bounds do, for a plain number and a base amount
    plain = threshold.compare(
        x.numerator * threshold.denominator, threshold.numerator * x.denominator
    )
    assert plain is bounds.contains(x * bounds.unit.factor)
    based = threshold.compare(
        x.numerator * threshold.base_denominator, threshold.base_numerator * x.denominator
    )
    assert based is bounds.contains(x)
    assert target.threshold(direction) is threshold  # computed once per direction
