"""A text that reaches the grammar is normalised once: the grammar, the conventions and every
error after it take that normal form (what they read is unchanged: the snapshots and the
corpus hold it)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.errors import TextError
from indicatorkit.language import reading, syntax
from indicatorkit.language.text import normalize
from indicatorkit.units import default_registry


@pytest.mark.parametrize(
    "text",
    [
        "2025年12月底前完成",  # the grammar reads it
        "１００～９０％",  # a reversed range: the located error after the grammar (full width)
        "完成率≥9O%",  # the grammar's syntax error
        "培训2次，发放3万元",  # two values
        "开展培训不少于2次",  # a sentence with a number
        "每亩３００元",  # a rate written first, after the grammar failed
    ],
)
def test_a_text_read_with_the_grammar_is_normalised_once(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(given: str) -> tuple[str, tuple[int, ...] | None]:
        calls.append(given)
        return normalize(given)

    monkeypatch.setattr(reading, "normalize", counted)
    monkeypatch.setattr(syntax, "normalize", counted)
    try:
        reading._read(default_registry(), text)
    except TextError:
        pass
    assert calls.count(text) == 1, calls


_SPACES_AND_MARKS = st.sampled_from([" ", "\u3000", "\u00a0", "\t", "\u0301", "\u00a8", "e"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPACES_AND_MARKS | st.characters(max_codepoint=0x2FFFF)).map("".join))
def test_the_normal_form_stripped_is_the_stripped_texts(text: str) -> None:
    """What lets the error path ask whether a text looks like a sentence of the normal form
    it has (which strips it) instead of normalising the stripped text again."""
    assert normalize(text)[0].strip() == normalize(text.strip())[0].strip()
