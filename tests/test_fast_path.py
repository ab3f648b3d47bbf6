"""The parser's fast path for plain texts gives exactly what the grammar gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.parsing import _PARSER, _simple, normalize
from indicatorkit.units import known_unit_words
from indicatorkit.vocabulary import SIGN_OPERATORS

signs = st.sampled_from(["", *sorted(SIGN_OPERATORS)])
numbers = st.from_regex(r"\A[0-9]{1,7}(\.[0-9]{1,4})?\Z")
unit_words = st.sampled_from(["", *known_unit_words()])


@settings(max_examples=400, deadline=None)
@given(signs, numbers, unit_words)
def test_fast_path_equals_grammar(sign: str, number: str, word: str) -> None:
    text, _ = normalize(f"{sign}{number}{word}")
    fast = _simple(text, "start_target")
    assert fast is not None
    slow = _PARSER.get().parse(text, start="start_target")
    assert fast == slow
    assert str(fast) == str(slow)
    assert type(fast) is type(slow)


@settings(max_examples=200, deadline=None)
@given(numbers, unit_words)
def test_fast_path_equals_grammar_for_actuals(number: str, word: str) -> None:
    text = f"{number}{word}"
    fast = _simple(text, "start_actual")
    assert fast is not None
    assert fast == _PARSER.get().parse(text, start="start_actual")


def test_fast_path_declines_what_it_does_not_know() -> None:
    for text in ("≥95%以上", "≥1,000件", "≥5万元x", "两次", "-5%", "90%-100%", "12月底前", "≥95 %"):
        assert _simple(normalize(text)[0], "start_target") is None, text
    assert _simple("≥95%", "start_actual") is None  # actuals carry no operator
