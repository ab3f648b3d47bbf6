"""Exact numbers from Arabic and Chinese numerals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Comparison, parse_target
from indicatorkit.errors import InvalidTargetError
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount
from indicatorkit.numerals import (
    MAX_CHINESE_NUMERAL,
    chinese_numeral,
    chinese_value,
    decimal_value,
    format_decimal,
    is_terminating,
    to_fraction,
)
from indicatorkit.units import default_registry


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("零", 0),
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百", 100),
        ("两百", 200),
        ("一百零五", 105),
        ("一千二百三十四", 1234),
        ("一万", 10_000),
        ("一万五千", 15_000),
        ("三万五千", 35_000),
        ("十万", 100_000),
        ("一亿", 100_000_000),
        ("一亿二千万", 120_000_000),
        ("二〇二五", 2025),
        ("三点一四", Fraction(314, 100)),
        ("九十五点五", Fraction(191, 2)),
    ],
)
def test_chinese_numerals(text: str, value: Fraction) -> None:
    assert chinese_value(text) == value


@pytest.mark.parametrize(
    "text", ["百百", "十十", "千百千", "万万", "一亿亿", "点五", "", "五万千", "三分之", "零分之一"]
)
def test_malformed_chinese_numerals(text: str) -> None:
    with pytest.raises(ValueError):
        chinese_value(text)


def test_decimals_with_separators() -> None:
    assert decimal_value("1,616,387.84") == Fraction(161638784, 100)
    assert decimal_value("0.01") == Fraction(1, 100)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(191, 2), "95.5"),
        (Fraction(95), "95"),
        (Fraction(-1, 20), "-0.05"),
        (Fraction(1, 3), "1/3"),
        (Fraction(161638784, 100), "1616387.84"),
        (Fraction(1, 10**30), "0." + "0" * 29 + "1"),
    ],
)
def test_format_decimal_is_exact(value: Fraction, text: str) -> None:
    assert format_decimal(value) == text


def test_to_fraction() -> None:
    assert to_fraction(95.1) == Fraction("95.1")  # the float's shortest repr, not its binary value
    assert to_fraction(Decimal("0.1")) == Fraction(1, 10)
    with pytest.raises(TypeError):
        to_fraction(True)
    with pytest.raises(TypeError):
        to_fraction("95")
    with pytest.raises(ValueError):
        to_fraction(float("inf"))


_WHOLE = st.one_of(
    st.integers(0, 10**5),
    st.integers(0, MAX_CHINESE_NUMERAL - 1),
    # sparse digits (一亿零五万, 一千万亿零五): the zeros the writer must insert
    st.lists(st.sampled_from([0, 0, 0, 1, 2, 5, 9]), min_size=1, max_size=16).map(
        lambda digits: int("".join(map(str, digits)))
    ),
)
_DECIMALS = st.builds(
    lambda whole, numerator, places: whole + Fraction(numerator % 10**places, 10**places),
    _WHOLE.filter(lambda n: n < MAX_CHINESE_NUMERAL - 1),
    st.integers(0, 10**12),
    st.integers(1, 12),
)
_STYLE = st.sampled_from(["standard", "full", "digits"])


@given(value=_WHOLE, style=_STYLE, two=st.sampled_from(["二", "两"]), zero=st.sampled_from("零〇"))
def test_chinese_numeral_round_trips_whole_numbers(
    value: int, style: str, two: str, zero: str
) -> None:
    text = chinese_numeral(value, style=style, two=two, zero=zero)  # type: ignore[arg-type]
    assert chinese_value(text) == value, text


@given(value=_DECIMALS, style=_STYLE, two=st.sampled_from(["二", "两"]))
def test_chinese_numeral_round_trips_decimals(value: Fraction, style: str, two: str) -> None:
    text = chinese_numeral(value, style=style, two=two)  # type: ignore[arg-type]
    assert chinese_value(text) == value, text


@pytest.mark.parametrize(
    ("value", "style", "text"),
    [
        (0, "standard", "零"),
        (10, "standard", "十"),
        (10, "full", "一十"),
        (100_005, "standard", "十万零五"),
        (10**15 + 5, "standard", "一千万亿零五"),
        (1010, "full", "一千零一十"),
        (2025, "digits", "二零二五"),
        (Fraction(314, 100), "standard", "三点一四"),
    ],
)
def test_chinese_numeral_forms(value: int | Fraction, style: str, text: str) -> None:
    assert chinese_numeral(value, style=style) == text  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [-1, MAX_CHINESE_NUMERAL, Fraction(1, 3), Fraction(-1, 2)])
def test_chinese_numeral_refuses_what_it_cannot_write(value: int | Fraction) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(value)


def test_chinese_numeral_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        chinese_numeral(True)
    with pytest.raises(TypeError):
        chinese_numeral(1.5)  # type: ignore[arg-type]


# ---- tenths (成) and signed fractions (issue 20: 半成 and 负3分之负一百五十七 were sentences) ----


@settings(deadline=None)
@given(st.integers(1, 9), st.one_of(st.integers(1, 9), st.just("半")), st.booleans())
def test_tenths_read_as_the_count_of_cheng(whole: int, after: int | str, alone: bool) -> None:
    digit = Fraction(1, 2) if after == "半" else Fraction(after, 10)
    text = (
        chinese_numeral(whole)
        + "成"
        + ("" if alone else chinese_numeral(after) if after != "半" else "半")
    )
    expected = Fraction(whole) if alone else whole + digit
    assert chinese_value(text) == expected
    target = parse_target(text)
    assert isinstance(target, Comparison) and target.amount.unit.symbol == "成"
    assert target.amount.normalized == expected / 10  # 一成 is 10%: a share of one
    assert parse_actual(text) == Amount(expected / 10 * 100, default_registry().unit("%"))


def test_half_cheng_is_five_percent() -> None:
    assert chinese_value("半成") == Fraction(1, 2)
    assert parse_target("半成").check("5%").met is True
    assert parse_target("≥九成五").check("95%").met is True
    assert parse_target("≥九成五").check("94.9%").met is False


@pytest.mark.parametrize("text", ["成", "半成五", "九成零", "十成五", "九成五五", "成五", "负负3"])
def test_malformed_tenths_and_signs_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        chinese_value(text)


@settings(deadline=None)
@given(
    st.integers(1, 10**6),
    st.integers(1, 10**4),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["负", "-"]),
)
def test_a_signed_fraction_reads_by_the_sign_rule(
    numerator: int, denominator: int, below: bool, above: bool, minus: str
) -> None:
    text = (
        (minus if below else "")
        + str(denominator)
        + "分之"
        + (minus if above else "")
        + chinese_numeral(numerator)
    )
    sign = -1 if below != above else 1
    assert chinese_value(text) == sign * Fraction(numerator, denominator)
    if is_terminating(Fraction(numerator, denominator)):
        assert parse_target(text).amount.normalized == sign * Fraction(numerator, denominator)
    else:  # not written exactly: a target refuses it, never reads it as a sentence
        with pytest.raises(InvalidTargetError):
            parse_target(text)
        assert parse_actual(text).value == sign * Fraction(numerator, denominator)


def test_the_issue_fraction() -> None:
    assert chinese_value("负3分之负一百五十七") == Fraction(157, 3)
    assert parse_actual("负3分之负一百五十七").value == Fraction(157, 3)
    for lenient in (False, True):
        with pytest.raises(InvalidTargetError):
            parse_target("负3分之负一百五十七", lenient=lenient)
