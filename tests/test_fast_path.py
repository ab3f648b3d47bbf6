"""The parser's fast path for the common forms gives exactly what the grammar gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.language import actuals, reading
from indicatorkit.language.grammar import Start, parser_for
from indicatorkit.language.plain import match_plain
from indicatorkit.language.reading import _target_of
from indicatorkit.language.targets import Comparison
from indicatorkit.language.text import normalize
from indicatorkit.units import SCALES, default_registry, known_unit_words, registry_in_use
from indicatorkit.vocabulary import PREFIX_OPERATORS, SUFFIX_OPERATORS

prefixes = st.sampled_from(["", *sorted(PREFIX_OPERATORS)])
suffixes = st.sampled_from(["", *sorted(SUFFIX_OPERATORS)])
numbers = st.from_regex(r"\A([0-9]{1,7}|[0-9]{1,3}(,[0-9]{3}){1,2})(\.[0-9]{1,4})?\Z")
unit_words = st.sampled_from(["", *known_unit_words()]) | st.builds(
    str.__add__, st.sampled_from(sorted(SCALES)), st.sampled_from(["", *known_unit_words()])
)
spaces = st.sampled_from(["", " ", "  "])


REGISTRY = default_registry()


def grammar(text: str, start: Start) -> object:
    try:
        read = parser_for(REGISTRY).parse(text, start=start.value)
        return read if start is Start.ACTUAL else _target_of(read, text, None)  # normal: no map
    except Exception as error:  # the grammar refuses: the fast path must have declined too
        return type(error).__name__


def _simple(text: str, start: Start) -> object:
    if start is Start.TARGET:
        read = reading._plain(text, REGISTRY)  # sentences, dates: tests/test_fast_forms.py
        return read if isinstance(read, Comparison) else None
    return actuals._plain(text, REGISTRY)


@settings(max_examples=600, deadline=None)
@given(prefixes, spaces, numbers, spaces, unit_words, suffixes)
def test_fast_path_equals_grammar(
    prefix: str, gap: str, number: str, gap2: str, word: str, suffix: str
) -> None:
    text, _ = normalize(f"{prefix}{gap}{number}{gap2}{word}{suffix}")
    fast = _simple(text, Start.TARGET)
    if fast is None:
        return  # declined: the grammar reads it (other tests cover what it gives)
    slow = grammar(text, Start.TARGET)
    assert fast == slow
    assert str(fast) == str(slow)
    assert type(fast) is type(slow)


@settings(max_examples=200, deadline=None)
@given(numbers, unit_words)
def test_fast_path_equals_grammar_for_actuals(number: str, word: str) -> None:
    text = f"{number}{word}"
    fast = _simple(text, Start.ACTUAL)
    if fast is None:  # m2, km2: ASCII digits in a unit are left to the grammar
        assert any(char in "0123456789" for char in word)
        return
    assert fast == grammar(text, Start.ACTUAL)


def test_the_fast_path_takes_the_common_forms() -> None:
    for text in (
        "≥95%",
        "不低于90%",
        "1,000件以上",
        "96%",
        "≥ 94 %",
        "最多924,325万元",
        "3个工作日内",
        "1.2万亩",
        "≦380万",
        "20万人以上",
        "1.5万件/100套",
        "≤500元/100km",
    ):
        assert _simple(normalize(text)[0], Start.TARGET) is not None, text


def test_fast_path_declines_what_it_does_not_know() -> None:
    for text in (
        "达到95%以上",
        "≥5万元x",
        "两次",
        "-5%",
        "90%-100%",
        "12月底前",
        "2025年内",
        "1.5万件/2.5套",
        "1/2",
        "5万千克米",
    ):
        assert _simple(normalize(text)[0], Start.TARGET) is None, text
    assert _simple("≥95%", Start.ACTUAL) is None  # actuals carry no operator


WIDE = str.maketrans({**{chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}, " ": "\u3000"})


@settings(max_examples=300, deadline=None)
@given(prefixes, spaces, numbers, spaces, unit_words, suffixes, st.booleans())
def test_fast_path_reads_text_as_given_like_its_normal_form(
    prefix: str, gap: str, number: str, gap2: str, word: str, suffix: str, wide: bool
) -> None:
    """The fast path normalises only when a text needs it; the result is the same either way."""
    given_text = f"{prefix}{gap}{number}{gap2}{word}{suffix}"
    if wide:
        given_text = given_text.translate(WIDE)  # ＞＝９０％ as some tables write it
    assert match_plain(given_text, REGISTRY) == match_plain(normalize(given_text)[0], REGISTRY)


@settings(max_examples=300, deadline=None)
@given(numbers)
def test_decimal_value_is_the_fraction_of_the_decimal(number: str) -> None:
    from fractions import Fraction

    from indicatorkit.numerals import decimal_value

    value, made = decimal_value(number), Fraction(number.replace(",", ""))
    assert (value.numerator, value.denominator) == (made.numerator, made.denominator)


def test_a_full_reading_cache_drops_the_least_recently_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The caches stay bounded; what is read often stays, what was read once goes first; what
    was read stays right."""
    from indicatorkit import parse_actual, parse_target
    from indicatorkit.language import syntax

    monkeypatch.setattr(syntax, "CACHE_SIZE", 4)
    registry = registry_in_use()  # the one parse_target reads with (define_unit extends it)
    reading.clear_caches()
    hot = parse_target("≥99%")
    texts = [f"≥{n}%" for n in range(10)]
    first = []
    for text in texts:
        first.append(parse_target(text))
        assert parse_target("≥99%") is hot  # used between every other: never dropped
        assert 1 <= len(reading._READER.readings(registry)) <= 4
    assert [parse_target(text) for text in texts] == first
    assert parse_target(texts[-1]) is parse_target(texts[-1])  # a hit gives the same object
    amounts = [parse_actual(f"{n}件") for n in range(10)]
    assert len(actuals._READER.readings(registry)) <= 4
    assert [str(amount) for amount in amounts] == [f"{n}件" for n in range(10)]
    reading.clear_caches()
    assert not reading._READER.readings(registry) and not actuals._READER.readings(registry)


def test_a_column_of_distinct_texts_keeps_only_texts_read_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from indicatorkit import parse_target
    from indicatorkit.language import syntax

    monkeypatch.setattr(syntax, "CACHE_SIZE", 64)
    registry = registry_in_use()  # the one parse_target reads with
    reading.clear_caches()
    for n in range(200):  # nothing read again: keeping readings stops after a generation
        parse_target(f"≥{n}件")
    kept = len(reading._READER.readings(registry))
    assert kept <= 64
    once = parse_target("≥12345件")
    assert "≥12345件" not in reading._READER.readings(registry)  # read once: not kept
    twice = parse_target("≥12345件")
    assert twice == once and parse_target("≥12345件") is twice  # read twice: kept
    for _ in range(3):  # texts read again and again: every one kept again
        for n in range(20):
            parse_target(f"≥{n}人次")
    texts = [f"≥{n}人次" for n in range(20)]
    assert all(parse_target(text) is parse_target(text) for text in texts)
    assert set(texts) <= set(reading._READER.readings(registry))
    reading.clear_caches()


def _corpus_texts() -> list[str]:
    from tests.corpus_files import first_cells

    return first_cells()


def test_the_prose_shortcut_never_skips_what_the_grammar_reads() -> None:
    """reading decides a text with no digit, numeral or 年 without the grammar: the grammar
    must read no such text (a new grammar form without one needs the shortcut's class)."""
    from indicatorkit.language.grammar import accepts
    from indicatorkit.language.text import normalize

    texts = _corpus_texts()
    assert len(texts) > 500
    shortcut = [text for text in texts if reading._NO_AMOUNT_OR_DATE(normalize(text)[0])]
    assert shortcut  # sentences take it
    read = [text for text in shortcut if accepts(normalize(text)[0], REGISTRY)]
    assert read == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="底末前后月份日号季度上下全内以之间完成到位大于小等不低高至多少达为≥≤<>=%‰-~—元件人次个/每,、.·整(含)。 比",
        max_size=12,
    )
)
def test_no_number_and_no_year_is_never_a_target(text: str) -> None:
    from indicatorkit.language.grammar import accepts

    assert reading._NO_AMOUNT_OR_DATE(text)
    assert not accepts(text, REGISTRY) and not accepts(text, REGISTRY, Start.ACTUAL)


def test_the_words_after_a_number_are_kept_bounded() -> None:
    """What the words after a number mean is kept per registry (a multiplier's unit is built
    once), found or not — at most ``_KEPT_WORDS`` of them, none longer than ``_KEPT_WORD``: a
    column of distinct junk cannot grow it, and what is kept reads as before."""
    from indicatorkit.language import plain
    from indicatorkit.units import UnitRegistry

    registry = default_registry().define("蔸 = [蔸]")  # a registry of its own: a fresh memo
    assert isinstance(registry, UnitRegistry)
    first = match_plain("≥1.2万亩", registry)
    again = match_plain("≥3万亩", registry)
    assert first is not None and again is not None and first[2] is again[2]  # built once
    for number in range(plain._KEPT_WORDS + 100):
        match_plain(f"≥5件{chr(0x4E00 + number)}", registry)  # no unit: the grammar's to read
        match_plain(f"≥5{'y' * 30}{chr(0x4E00 + number)}", registry)  # too long to keep
    kept = plain._words_after_number(registry)
    assert len(kept) == plain._KEPT_WORDS  # full, and no larger
    assert all(len(word) <= plain._KEPT_WORD for word in kept)
    assert match_plain("≥1.2万亩", registry) == first  # still read the same
