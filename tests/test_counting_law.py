"""The law behind :func:`~indicatorkit.units.could_be_counting_word`: a counting word never
takes a character the grammar needs.  The lexer starts a token only where the one before
ended, so a unit word can take such a character only when it starts a token of the grammar:
those characters (``token_starts``, generated from the grammar's tables) are never a counting
word, and any other character the grammar holds (于 of 大于, 时 of 同时) is harmless."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import parse_target
from indicatorkit import strategies as iks
from indicatorkit.errors import TextError
from indicatorkit.grammars import terminal_words, token_starts
from indicatorkit.language import tables
from indicatorkit.units import (
    NOT_COUNTING_WORDS,
    UnitRegistry,
    could_be_counting_word,
    default_registry,
)
from indicatorkit.units.counting import is_cjk

REGISTRY = default_registry()

#: Every grammar connective between two bounds (the JOINER terminal's words).
CONNECTIVES = terminal_words("JOINER")
#: Between the two ends of a range (RANGE_SEP and DASH).
SEPARATORS = (*terminal_words("RANGE_SEP"), *terminal_words("DASH"))


def _compounds() -> list[str]:
    """Texts that use every word of the grammar's keyword terminals right after an amount —
    where a unit word would be lexed."""
    texts = []
    for joiner in CONNECTIVES:
        texts += [f"≥1{joiner}≤5", f"大于1{joiner}小于5", f"1件以上{joiner}5件以下"]
        texts += [f"比1大{joiner}比5小", f"不少于1件{joiner}不多于5件"]
    for separator in SEPARATORS:
        texts += [
            f"1{separator}5",
            f"1{separator}5件之间",
            f"1{separator}12月",
            f"1月{separator}6月",
        ]
    texts += [f"5件{suffix}" for suffix in terminal_words("SUFFIX_OP")]
    texts += [f"{prefix}5" for prefix in terminal_words("PREFIX_OP")]
    texts += [f"≥90%({included})" for included in terminal_words("INCLUDED")]
    texts += [f"6月30日{mark}{done}" for mark in terminal_words("DEADLINE_MARK")
              for done in terminal_words("COMPLETE")]  # fmt: skip
    texts += [f"2025年{part}" for part in terminal_words("PART_OF_YEAR")]
    texts += [f"2025年{within}" for within in terminal_words("WITHIN_YEAR")]
    texts += ["2025年全年", "2025年年底前", "每年11月底前", "12月20号", "5万元整", "±3%以内"]
    texts += ["100元/人", "100元每人", "100元/人·月", "100元/月", "3个工作日内", "三成"]
    texts += ["2020.1.1-2020.12.31", "2023年3月--2023年10月", "≥90%。", "五千克", "一点五万元"]
    return texts


COMPOUNDS = _compounds()


def _reading(text: str, registry: UnitRegistry) -> tuple[str, str]:
    """What ``text`` reads to (its kind and canonical text), or which error where."""
    try:
        target = parse_target(text, units=registry)
    except TextError as error:
        return type(error).__name__, f"{error.position}-{error.end}"
    return type(target).__name__, str(target)


@cache
def _with_counting_word(char: str) -> UnitRegistry:
    return REGISTRY.define(f"{char} = [{char}]")


def _grammar_characters() -> list[str]:
    """Every Chinese character the grammar's terminals hold (the vocabulary's included)."""
    patterns = tables._terminal_patterns(tables._shipped())
    return sorted({char for pattern in patterns.values() for char in pattern if is_cjk(char)})


GRAMMAR_CHARACTERS = _grammar_characters()
#: The grammar's characters that could be counting words: none starts a token.
HARMLESS = [
    char
    for char in GRAMMAR_CHARACTERS
    if could_be_counting_word(char) and char not in REGISTRY.known_unit_set()
]


def test_the_compounds_read() -> None:
    assert len(COMPOUNDS) > 150 and set("的同并且而") <= {word[0] for word in CONNECTIVES}
    readings = {text: _reading(text, REGISTRY) for text in COMPOUNDS}
    assert readings["≥1的同时≤5"] == ("Range", "1～5")
    assert sum(kind != "TargetSyntaxError" for kind, _ in readings.values()) > 140


@pytest.mark.parametrize("joiner", CONNECTIVES)
def test_every_connective_still_reads_and_is_never_a_counting_word(joiner: str) -> None:
    """``≥1的同时≤5`` and its kind: the connective's first character is never a counting
    word, so lenient reading (which adds one for an unknown word) leaves the range whole."""
    for text, expected in ((f"≥1{joiner}≤5", "1～5"), (f"大于1{joiner}小于5", ">1且<5")):
        assert _reading(text, REGISTRY) == ("Range", expected)
        lenient = parse_target(text, lenient=True)
        assert str(lenient.target) == expected and not lenient.defined
    assert not could_be_counting_word(joiner[0])
    for char in joiner[1:]:  # inside a connective: harmless, when it is a counting word
        if could_be_counting_word(char) and char not in REGISTRY.known_unit_set():
            assert _reading(f"≥1{joiner}≤5", _with_counting_word(char)) == ("Range", "1～5")


@pytest.mark.parametrize("joiner", [word for word in CONNECTIVES if is_cjk(word[0])])
def test_a_unit_word_at_a_connectives_start_would_take_it(joiner: str) -> None:
    """Why a token's first character is never a counting word: defined as a unit anyway, it
    takes the connective's first character and the compound no longer reads as a range."""
    first = joiner[0]
    assert first in token_starts() and first not in REGISTRY.known_unit_set()
    assert _reading(f"≥1{joiner}≤5", _with_counting_word(first)) != ("Range", "1～5")


def test_the_characters_never_counted_are_the_token_starts_and_the_list() -> None:
    """Of the grammar's characters exactly those that start a token, are listed in
    NOT_COUNTING_WORDS or are units already are refused (none lost, none added by hand)."""
    assert HARMLESS  # 于 of 大于, 足 of 不足 …
    for char in GRAMMAR_CHARACTERS:
        refused = char in token_starts() or char in NOT_COUNTING_WORDS
        assert could_be_counting_word(char) != refused or char in REGISTRY.known_unit_set()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(HARMLESS), st.sampled_from(COMPOUNDS) | iks.target_texts(spelling="any"))
def test_a_counting_word_changes_no_reading(char: str, text: str) -> None:
    """The law: every text reads the same with a counting word defined that is one of the
    grammar's characters and no token's start."""
    assert _reading(text, _with_counting_word(char)) == _reading(text, REGISTRY), text
