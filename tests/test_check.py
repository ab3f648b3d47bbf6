"""Target.check: exact boundaries, units, directions, and what it accepts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from indicatorkit import Direction, parse_target
from indicatorkit.errors import DimensionMismatchError, TargetSyntaxError
from indicatorkit.language import Amount, DatePoint, Grade
from indicatorkit.scoring.attainment import attainment
from indicatorkit.units import default_registry, unit


@pytest.mark.parametrize(
    "actual", ["95%", 95, Fraction(95), Decimal("95"), Decimal("95.000"), 95.0, "950‰", "0.95比率"]
)
def test_at_least_is_met_exactly_at_the_boundary(actual: object) -> None:
    result = parse_target("≥95%").check(actual)
    assert result.met is True
    assert attainment(result) == 1


@pytest.mark.parametrize(
    "actual", ["94.99%", 94, Decimal("94.999999999999999999"), 94.99999, "949‰"]
)
def test_at_least_misses_just_below(actual: object) -> None:
    assert parse_target("≥95%").check(actual).met is False


def test_strict_operators_exclude_the_boundary() -> None:
    assert parse_target(">5万元").check("50000元").met is False
    assert parse_target(">5万元").check("50000.01元").met is True
    assert parse_target(">5万元").check(5).met is False
    assert parse_target(">5万元").check(Decimal("5.0001")).met is True
    assert parse_target("<100元").check("100元").met is False
    assert parse_target("<100元").check("99.99元").met is True
    assert parse_target("≤1次").check(1).met is True
    assert parse_target("≤1次").check(2).met is False


def test_money_units_are_exact() -> None:
    assert parse_target("≥0.01万元") == parse_target("≥100元")
    assert parse_target("≥5万元") == parse_target("≥50000元")
    assert parse_target("≥2亿元") == parse_target("≥20000万元")
    assert parse_target("≥0.01万元").check("100元").met is True
    assert parse_target("≥0.01万元").check("99.99元").met is False


def test_attainment_follows_the_direction() -> None:
    assert attainment(parse_target("≥200件").check(150)) == Fraction(3, 4)
    assert attainment(parse_target("≤1次").check(2)) == Fraction(1, 2)
    assert attainment(parse_target("≤1次").check(0)) is None  # no ratio to a zero actual
    assert attainment(parse_target("≥0件").check(3)) is None  # no ratio to a zero target
    assert attainment(parse_target(">5万元").check("60000元")) == Fraction(6, 5)


def test_bare_values_and_equals_take_the_indicator_direction() -> None:
    complaints = parse_target("2%")
    assert complaints.check("3%").met is True  # default: at least
    lower = complaints.check("3%", direction=Direction.LOWER)
    assert lower.met is False
    assert attainment(lower) == Fraction(2, 3)
    assert parse_target("=100").check(101).met is True
    assert parse_target("=100").check(99).met is False
    assert parse_target("=2%").check("1%", direction=Direction.LOWER).met is True


def test_explicit_operators_ignore_the_direction_argument() -> None:
    assert parse_target("≥95%").check("96%", direction=Direction.LOWER).met is True


def test_dimensions_never_mix() -> None:
    with pytest.raises(DimensionMismatchError) as caught:
        parse_target("≥200件").check("200人")
    assert "件" in str(caught.value) and "人" in str(caught.value)
    with pytest.raises(DimensionMismatchError):
        parse_target("=100").check("100%")  # a bare number is not a percentage
    with pytest.raises(DimensionMismatchError):
        parse_target("≥3百分点").check("3%")
    with pytest.raises(DimensionMismatchError):
        parse_target("≥95%").check("12月底")


def test_bad_actual_text_raises_a_located_error() -> None:
    with pytest.raises(TargetSyntaxError) as caught:
        parse_target("≥95%").check("96%%")
    assert caught.value.column == 4


@pytest.mark.parametrize("actual", [None, True, object(), [95]])
def test_wrong_actual_types_raise_type_error(actual: object) -> None:
    with pytest.raises(TypeError):
        parse_target("≥95%").check(actual)


def test_non_finite_numbers_are_refused() -> None:
    with pytest.raises(ValueError):
        parse_target("≥95%").check(float("nan"))
    with pytest.raises(ValueError):
        parse_target("≥95%").check(Decimal("Infinity"))


def test_amounts_and_pint_quantities_are_accepted() -> None:
    target = parse_target(">5万元")
    assert target.check(Amount(6, unit("万元"))).met is True
    quantity = default_registry().pint.Quantity(Fraction(60000), "元")
    assert target.check(quantity).met is True
    assert (
        parse_target("≥95%").check(default_registry().pint.Quantity(Fraction(96), "percent")).met
        is True
    )


def test_result_keeps_the_actual_as_given() -> None:
    actual = Decimal("96.0")
    result = parse_target("≥95%").check(actual)
    assert result.actual is actual
    assert result.target == parse_target("≥95%")


def test_ranges_include_both_ends() -> None:
    target = parse_target("90%～100%")
    assert [target.check(f"{v}%").met for v in (89, 90, 95, 100, 101)] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert attainment(target.check("89%")) == Fraction(89, 90)
    assert attainment(target.check("95%")) == 1
    assert attainment(target.check("101%")) == Fraction(100, 101)
    assert target.check(Decimal("90.0")).met is True


def test_deadlines() -> None:
    target = parse_target("12月底前")
    assert target.check("12月31日").met is True
    assert target.check("12月底").met is True
    assert target.check(datetime.date(2025, 11, 30)).met is True
    assert target.check(DatePoint(12, 31)).met is True
    early = parse_target("6月30日前")
    assert early.check("7月1日").met is False
    assert early.check("6月底").met is True  # June has 30 days; the end of June is not later
    dated = parse_target("2025年12月底前")
    assert dated.check(datetime.date(2026, 1, 5)).met is False
    assert dated.check(datetime.date(2024, 12, 31)).met is True
    assert attainment(target.check("12月20日")) is None
    with pytest.raises(DimensionMismatchError):
        target.check("95%")


def test_qualitative_grades() -> None:
    target = parse_target("及时足额发放")
    assert target.check("达成年度指标").met is True
    assert target.check(Grade.ACHIEVED).met is True
    assert target.check("部分达成年度指标并具有一定效果").met is False
    assert target.check("未达成").met is False
    assert target.check("已发放").met is None
    assert attainment(target.check("达成")) is None


def test_equals_zero_means_none_at_all() -> None:
    # national rule: an "=" target of 0 is met only by 0 (or less)
    target = parse_target("=0")
    assert [target.check(v).met for v in (-1, 0, 1)] == [True, True, False]
    assert parse_target("0次").check(1).met is False
    assert target.check(1, direction=Direction.HIGHER).met is True


def test_attainment_has_no_meaning_below_zero() -> None:
    assert attainment(parse_target("≥10件").check(-5)) == 0  # a negative actual counts as 0
    assert attainment(parse_target("≥-5%").check("-3%")) is None  # no ratio to a target ≤ 0
    assert attainment(parse_target("-5%～5%").check("-10%")) is None
    assert attainment(parse_target("≤5%").check("0%")) is None
    assert attainment(parse_target(">95%").check("95%")) == 1  # missed, but the ratio is 1
