"""The grammar builds without terminal collisions, and every vocabulary entry is accepted."""

from __future__ import annotations

import pytest
from lark import Lark

from indicatorkit import parse_target
from indicatorkit.grammars import grammar_path
from indicatorkit.language import Operator
from indicatorkit.language.grammar import grammar_text
from indicatorkit.units import default_registry, known_unit_words, unit
from indicatorkit.vocabulary import (
    NEGATABLE_WORDS,
    PREFIX_OPERATORS,
    RANGE_SEPARATORS,
    SUFFIX_OPERATORS,
    WORD_OPERATORS,
)


def test_grammar_builds_strictly() -> None:
    # strict=True makes lark (with interegular) refuse any regex collision between terminals.
    Lark(
        grammar_text(default_registry()),
        parser="lalr",
        lexer="contextual",
        start=["start_target", "start_actual"],
        strict=True,
        maybe_placeholders=True,
    )


def test_grammar_file_is_the_one_in_grammar_dir() -> None:
    assert grammar_path("target.lark").name == "target.lark"
    assert "start_target" in grammar_path("target.lark").read_text(encoding="utf-8")


@pytest.mark.parametrize(("word", "operator"), sorted(PREFIX_OPERATORS.items()))
def test_every_prefix_spelling(word: str, operator: Operator) -> None:
    target = parse_target(f"{word}95%")
    assert target == parse_target(f"{operator.value}95%")


@pytest.mark.parametrize(("word", "operator"), sorted(SUFFIX_OPERATORS.items()))
def test_every_suffix_spelling(word: str, operator: Operator) -> None:
    assert parse_target(f"95%{word}") == parse_target(f"{operator.value}95%")


@pytest.mark.parametrize("separator", RANGE_SEPARATORS)
def test_every_range_separator(separator: str) -> None:
    assert str(parse_target(f"90%{separator}100%")) == "90%～100%"


def test_negation_is_composed_not_listed() -> None:
    for word in NEGATABLE_WORDS:
        assert PREFIX_OPERATORS["不" + word] is WORD_OPERATORS[word].negated
    assert PREFIX_OPERATORS["不低于"] is Operator.GE
    assert PREFIX_OPERATORS["不超过"] is Operator.LE


def test_inclusivity_follows_the_civil_code() -> None:
    # 民法典 第1259条: 以上、以下、以内 include the number; 超过、不满 exclude it.
    assert parse_target("100人以上").check(100).met is True
    assert parse_target("100人以下").check(100).met is True
    assert parse_target("100人以内").check(100).met is True
    assert parse_target("超过100人").check(100).met is False
    assert parse_target("不满100人").check(100).met is False


@pytest.mark.parametrize("word", known_unit_words())
def test_every_unit_word_is_accepted_after_a_number(word: str) -> None:
    target = parse_target(f"≥12{word}")
    assert target == parse_target(f"≥12{unit(word).symbol}") or unit(word).symbol == ""


def test_a_grammar_error_carries_no_context_of_the_parsers() -> None:
    """The located error is raised outside lark's handlers: it holds no lark exception (whose
    parser state does not pickle), so it crosses a process boundary whole even where tblib's
    exception pickling is installed (dask installs it when pint imports it)."""
    import pickle

    from indicatorkit import IndicatorkitError

    for text in (
        "≥95%%",
        "≥5人天",
        "12月32日",
        "万亩",
    ):  # 万亩: a unit alone, told after the grammar
        with pytest.raises(IndicatorkitError) as caught:
            parse_target(text)
        assert caught.value.__context__ is None and caught.value.__cause__ is None, text
        assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)
