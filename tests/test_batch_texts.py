"""The batch path's column-wise texts equal ``format_decimal`` and ``display`` value by value,
across int64 (numbers near its limits go through the Python functions)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

from indicatorkit.batch.texts import decimal_texts, display_texts  # noqa: E402
from indicatorkit.numerals import format_decimal  # noqa: E402
from indicatorkit.scoring.indicator import display  # noqa: E402

LIMIT = 2**63 - 1
numerators = st.one_of(st.integers(-(10**6), 10**6), st.integers(-LIMIT, LIMIT))
denominators = st.one_of(
    st.sampled_from([1, 2, 3, 4, 5, 8, 10, 16, 20, 25, 40, 100, 125, 1000, 1024, 3125, 7, 300]),
    st.builds(lambda a, b: 2**a * 5**b, st.integers(0, 40), st.integers(0, 26)),
    st.integers(1, LIMIT),
)


def _columns(values: list[Fraction]) -> tuple[object, object]:
    return (
        np.array([v.numerator for v in values], np.int64),
        np.array([v.denominator for v in values], np.int64),
    )


@given(st.lists(st.builds(Fraction, numerators, denominators), max_size=30))
def test_decimal_texts_are_format_decimal(values: list[Fraction]) -> None:
    values = [v for v in values if abs(v.numerator) <= LIMIT and v.denominator <= LIMIT]
    assert decimal_texts(*_columns(values)).to_pylist() == [format_decimal(v) for v in values]  # type: ignore[arg-type]


@given(
    st.lists(st.builds(Fraction, numerators, denominators), max_size=30),
    st.sampled_from([0, 1, 2, 3, 6, 18, 19, 25]),
)
def test_display_texts_are_display(values: list[Fraction], places: int) -> None:
    values = [v for v in values if abs(v.numerator) <= LIMIT and v.denominator <= LIMIT]
    shown = display_texts(*_columns(values), places).to_pylist()  # type: ignore[arg-type]
    assert shown == [display(v, places) for v in values]
