"""``indicatorkit.batch.result``: each row's results are its combination's, value by value —
the numbers exact (null beyond int64 or undecided), the texts ``format_decimal`` and the rule
set's display of the same value — and every text column's dictionary holds each text once,
whatever the values (repeated, alike when shown, beyond int64, undecided)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

from indicatorkit.batch.evaluate import OUTCOMES  # noqa: E402
from indicatorkit.batch.result import gathered  # noqa: E402
from indicatorkit.numerals import format_decimal  # noqa: E402
from indicatorkit.scoring.indicator import RATIO_PLACES  # noqa: E402
from indicatorkit.scoring.rules import Rounding, RoundingMode  # noqa: E402

LIMIT = 2**63
values = st.one_of(
    st.none(),
    st.fractions(max_denominator=400).filter(lambda v: abs(v) < 10**6),
    # alike when shown; beyond int64, in more than one combination
    st.sampled_from([Fraction(1, 3), Fraction(3333, 10000), Fraction(33334, 100000)]),
    st.sampled_from([Fraction(2**64, 3), Fraction(-(2**65))]),
    st.builds(Fraction, st.integers(-(2**70), 2**70), st.integers(1, 2**66)),
    st.builds(lambda n, d: Fraction(n, d), st.integers(2**31, 2**40), st.integers(1, 7)),
)
#: met as a verdict gives it with each outcome (None: undecided)
MET = {"met": True, "partly met": False, "missed": False}


def _fits(value: Fraction) -> bool:
    return -LIMIT <= value.numerator < LIMIT and value.denominator < LIMIT


def _evaluated(combos: list[dict[str, Any]], garbage: int) -> dict[str, Any]:
    """``Evaluated``'s fields by name for ``combos``: an undecided value's numerator and
    denominator hold ``garbage`` (the gathering must not read them)."""
    size = len(combos)
    columns: dict[str, Any] = {
        "outcome": np.array([OUTCOMES.index(c["outcome"]) for c in combos], np.int8),
        "met": np.array([-1 if c["met"] is None else int(c["met"]) for c in combos], np.int8),
        "message": np.array([c["message"] for c in combos], np.int64),
        "messages": ["", "甲", "乙"],
    }
    for name in ("attainment", "score"):
        top, bottom = np.full(size, garbage, np.int64), np.full(size, garbage or 1, np.int64)
        known, big = np.zeros(size, np.bool_), {}
        for code, combo in enumerate(combos):
            value = combo[name]
            if value is None:
                continue
            known[code] = True
            if _fits(value):
                top[code], bottom[code] = value.numerator, value.denominator
            else:
                big[code] = value
        columns |= {
            f"{name}_numerator": top,
            f"{name}_denominator": bottom,
            f"{name}_known": known,
            f"big_{name}": big,
        }
    return columns


@st.composite
def _combos(draw: st.DrawFn) -> list[dict[str, Any]]:
    combos = []
    for _ in range(draw(st.integers(1, 12))):
        outcome = draw(st.sampled_from(OUTCOMES))
        combos.append(
            {
                "outcome": outcome,
                "met": MET.get(outcome.value) if draw(st.integers(0, 9)) else draw(st.booleans()),
                "attainment": draw(values),
                "score": draw(values),
                "message": draw(st.integers(0, 2)),
            }
        )
    return combos


@settings(max_examples=150, deadline=None)
@given(
    combos=_combos(),
    picks=st.lists(st.integers(0, 11), max_size=40),
    rounding=st.builds(Rounding, st.integers(0, 6), st.sampled_from(RoundingMode)),
    garbage=st.sampled_from([0, 7, -(2**62)]),
)
def test_each_row_holds_its_combination_results(
    combos: list[dict[str, Any]], picks: list[int], rounding: Rounding, garbage: int
) -> None:
    inverse = np.array([pick % len(combos) for pick in picks], np.int32)
    columns = gathered(_evaluated(combos, garbage), inverse, rounding)
    rows = {name: column.to_pylist() for name, column in columns.items()}
    for row, code in enumerate(inverse.tolist()):
        combo = combos[code]
        assert rows["outcome"][row] == combo["outcome"].value
        assert rows["met"][row] == combo["met"]
        assert rows["message"][row] == ["", "甲", "乙"][combo["message"]]
        for name, show in (("attainment", Rounding(RATIO_PLACES)), ("score", rounding)):
            value = combo[name]
            pair = (rows[f"{name}_numerator"][row], rows[f"{name}_denominator"][row])
            if value is not None and _fits(value):
                assert pair == (value.numerator, value.denominator)
            else:  # undecided, or beyond int64: in the texts only
                assert pair == (None, None)
            if value is None:
                assert rows[name][row] is None and rows[f"{name}_display"][row] is None
            else:
                assert rows[name][row] == format_decimal(value)
                assert rows[f"{name}_display"][row] == show.display(value)
    for name in ("attainment", "attainment_display", "score", "score_display", "message"):
        texts = columns[name].dictionary.to_pylist()
        assert len(texts) == len(set(texts)) and None not in texts, name
        assert columns[name].type.index_type.bit_width == 32


def test_met_is_each_combination_s_own_whatever_its_outcome() -> None:
    """``met`` is gathered from the combinations, never inferred from the outcome."""
    combos = [
        {"outcome": OUTCOMES[0], "met": None, "attainment": None, "score": None, "message": 0},
        {"outcome": OUTCOMES[0], "met": True, "attainment": None, "score": None, "message": 0},
    ]
    columns = gathered(_evaluated(combos, 0), np.array([1, 0, 1], np.int32), Rounding())
    assert columns["met"].to_pylist() == [True, None, True]
