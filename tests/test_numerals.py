"""Exact numbers from Arabic and Chinese numerals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from indicatorkit.numerals import chinese_value, decimal_value, format_decimal, to_fraction


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


@pytest.mark.parametrize("text", ["百百", "十十", "千百千", "万万", "一万万", "点五", ""])
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
