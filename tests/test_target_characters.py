"""The characters a target cannot be written without (``text.TARGET_CHARACTERS``), proved from
the target grammar itself — its rules and its terminals' regular expressions — rather than from
the corpus: ``reading`` decides a text with none of them without the grammar, and
``fast_forms.sentence`` takes such a text as a sentence, so a grammar form that reads a text
without one of them (or a character the grammar no longer needs) must fail here."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from indicatorkit.language import fast_forms, reading
from indicatorkit.language.grammar import Start, parser_for
from indicatorkit.language.regex_words import every_match_holds
from indicatorkit.language.text import TARGET_CHARACTERS
from indicatorkit.units import default_registry
from indicatorkit.vocabulary import CHARACTER_ALIASES

#: Terminals whose words come from the user (the registry's unit words): any word at all.
_ANY_WORDS = frozenset({"UNIT"})


def _reads_without(characters: Iterable[str], start: Start) -> bool:
    """Whether the target grammar derives some text from ``start`` that holds none of
    ``characters``: the rules made only of terminals with a match free of them (and of
    nonterminals that derive such a text), to a fixed point."""
    parser = parser_for(default_registry())
    chars = frozenset(characters)
    free = {
        terminal.name
        for terminal in parser.terminals
        if terminal.name in _ANY_WORDS or not every_match_holds(terminal.pattern.to_regexp(), chars)
    }
    productive: set[str] = set()
    grown = True
    while grown:
        grown = False
        for rule in parser.rules:
            if rule.origin.name not in productive and all(
                symbol.name in (free if symbol.is_term else productive) for symbol in rule.expansion
            ):
                productive.add(rule.origin.name)
                grown = True
    return start.value in productive


@pytest.mark.parametrize("start", [Start.TARGET, Start.ACTUAL])
def test_the_grammar_reads_nothing_without_a_target_character(start: Start) -> None:
    assert not _reads_without(TARGET_CHARACTERS, start)
    assert _reads_without("", start)  # the analysis finds texts when there are some


@pytest.mark.parametrize("char", sorted(TARGET_CHARACTERS))
def test_every_target_character_is_needed(char: str) -> None:
    """Left out, some grammar form reads a text without the others: the list holds no
    character the grammar does not need (a stale entry would send sentences to the grammar)."""
    assert _reads_without(TARGET_CHARACTERS.replace(char, ""), Start.TARGET)


def test_the_shortcuts_refuse_exactly_the_target_characters() -> None:
    """The prose shortcut of ``reading`` and the sentence class of ``fast_forms`` are built
    from the one list (the sentence class adds the look-alikes it does not normalise)."""
    for char in TARGET_CHARACTERS:
        assert not reading._NO_AMOUNT_OR_DATE(f"及时{char}")
        assert fast_forms._AMOUNT_OR_YEAR(f"及时{char}")
    for char in CHARACTER_ALIASES:
        assert fast_forms._AMOUNT_OR_YEAR(char)
    assert reading._NO_AMOUNT_OR_DATE("底末前月份日号季度上下全内以之间完成大于≥%元件人次/每")
    assert fast_forms._AMOUNT_OR_YEAR("及时足额发放") is None
