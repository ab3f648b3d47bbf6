"""Syntax errors' hints are found when asked (``language/hints.py``, ``errors.Hint``): the
error a reader raises says exactly what an error built eagerly says, whenever and however it is
asked (``str``, ``args``, ``repr``, ``suggestion``, pickling) — and a reader that catches the
error never pays for the hint."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from indicatorkit.errors import IndicatorkitError, TargetSyntaxError, TextError, UnknownUnitError
from indicatorkit.language import hints
from indicatorkit.language.conventions import Convention
from indicatorkit.language.grammar import Located, Start, parser_for
from indicatorkit.language.reading import clear_caches, read_or_convention
from indicatorkit.language.text import normalize
from indicatorkit.strategies import target_texts
from indicatorkit.units import UnitRegistry, default_registry

REGISTRY = default_registry()
CORPUS = Path(__file__).parent / "corpus"


def _eager_suggestion(
    normalised: str, error: UnexpectedInput, start: Start, registry: UnitRegistry
) -> str | None:
    """The hint as ``syntax_error`` found it before it was made lazy (its code as it was)."""
    if isinstance(error, UnexpectedCharacters):
        position = error.pos_in_stream or 0
        allowed = error.allowed or set()
        found = normalised[position : position + 1]
    elif not isinstance(error, UnexpectedToken):
        raise AssertionError(error)
    elif error.token.type == "$END":
        position, found, allowed = len(normalised), "", error.expected or set()
    else:
        position, found = error.token.start_pos or 0, str(error.token)
        allowed = error.expected or set()
    if found and "$END" not in allowed:
        try:
            read = parser_for(registry).parse(normalised[:position], start=start.value)
        except (LarkError, Located):
            pass
        else:
            if not isinstance(read, Convention):
                allowed = {*allowed, "$END"}
    expected = hints._expected(allowed)
    suggestion = hints._suggestion_for(normalised, position)
    if suggestion is None and expected:
        suggestion = f"此处应为 / expected here: {expected}"
    return suggestion


def _syntax_error(text: str, start: Start) -> tuple[TextError, str | None] | None:
    """The lazy error of ``text`` and the hint found eagerly, or ``None`` when it parses."""
    normalised, index = normalize(text)
    try:
        parser_for(REGISTRY).parse(normalised, start=start.value)
    except UnexpectedInput as error:
        lazy = hints.syntax_error(text, normalised, index, error, start, REGISTRY)
        return lazy, _eager_suggestion(normalised, error, start, REGISTRY)
    except (LarkError, Located, RecursionError):
        return None
    return None


def _eager(error: TextError, suggestion: str | None) -> TextError:
    """The same error, built with its hint given as text."""
    return TargetSyntaxError(
        error.message, error.text, error.position, end=error.end, suggestion=suggestion
    )


def _said(error: BaseException) -> tuple[object, ...]:
    return (type(error), str(error), error.args, repr(error), getattr(error, "suggestion", None))


_TYPOS = st.sampled_from([*"%%,，=<>≥≤.。()（）-～/xX个万元前后月日年 ", "完成", "以上", "左右"])


@st.composite
def _broken_targets(draw: st.DrawFn) -> str:
    """A target text with a typo put somewhere: most are syntax errors, some are not."""
    text: str = draw(target_texts())
    at = draw(st.integers(0, len(text)))
    cut = draw(st.integers(0, 2))
    typo: str = draw(_TYPOS)
    return text[:at] + typo + text[at + cut :]


@settings(max_examples=300, deadline=None)
@given(text=_broken_targets(), start=st.sampled_from(list(Start)), ask=st.integers(0, 3))
def test_a_lazy_hint_says_what_the_eager_one_said(text: str, start: Start, ask: int) -> None:
    made = _syntax_error(text, start)
    if made is None:
        return
    lazy, suggestion = made
    if type(lazy) is not TargetSyntaxError:
        return  # an unknown unit: its hint is text, built with it
    first = (str, repr, lambda e: e.args, pickle.dumps)[ask]
    first(lazy)  # whichever is asked first, everything says the same
    assert _said(lazy) == _said(_eager(lazy, suggestion))
    again = pickle.loads(pickle.dumps(lazy))
    assert _said(again) == _said(lazy)
    assert vars(again) == vars(lazy)


def _corpus_texts() -> list[str]:
    return sorted(
        {
            line.split("\t")[0]
            for path in [*CORPUS.glob("*.tsv"), *CORPUS.glob("real/*.tsv")]
            for line in path.read_text(encoding="utf-8").splitlines()[1:]
            if line and not line.startswith("#")
        }
    )


def test_every_corpus_syntax_error_says_what_the_eager_one_said() -> None:
    compared = 0
    for text in _corpus_texts():
        for start in Start:
            made = _syntax_error(text, start)
            if made is not None and type(made[0]) is TargetSyntaxError:
                lazy, suggestion = made
                assert _said(lazy) == _said(_eager(lazy, suggestion)), text
                compared += 1
    assert compared > 200  # the corpus holds that many syntax errors, or the test proves little


def test_a_caught_syntax_error_never_finds_its_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strict reading of a text that is no target raises the error; the hint (a second parse of
    the text before the error) is found only when it is asked for."""
    found: list[int] = []
    complete_before = hints._complete_before

    def counted(*arguments: object) -> bool:
        found.append(1)
        return complete_before(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(hints, "_complete_before", counted)
    clear_caches()
    with pytest.raises(TargetSyntaxError) as caught:
        read_or_convention("≥95% 以上以上", REGISTRY)
    assert found == []
    assert caught.value.suggestion == "此处应为 / expected here: “(”、“。”、结尾 end of text"
    assert found == [1]
    assert "提示 / hint: 此处应为" in str(caught.value) and found == [1]  # found once


def test_every_corpus_unknown_unit_says_what_the_eager_one_said() -> None:
    """An unknown unit's nearest units are found when asked: the error says what one built with
    them says, and pickles whole."""
    compared = 0
    for text in _corpus_texts():
        clear_caches()
        try:
            read_or_convention(text, REGISTRY)
        except UnknownUnitError as lazy:
            eager = UnknownUnitError(
                lazy.text,
                lazy.position,
                lazy.unit,
                REGISTRY.nearest_units(lazy.unit),
                lazy.counting_word,
                lazy.note,
            )
            assert _said(lazy) == _said(eager) and lazy.nearest == eager.nearest, text
            again = pickle.loads(pickle.dumps(lazy))
            assert _said(again) == _said(lazy) and again.nearest == lazy.nearest
            compared += 1
        except IndicatorkitError:
            pass
    assert compared > 20


def test_a_caught_unknown_unit_never_finds_its_nearest_units(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found: list[str] = []
    nearest_units = UnitRegistry.nearest_units

    def counted(registry: UnitRegistry, word: str, limit: int = 3) -> tuple[str, ...]:
        found.append(word)
        return nearest_units(registry, word, limit)

    monkeypatch.setattr(UnitRegistry, "nearest_units", counted)
    clear_caches()
    with pytest.raises(UnknownUnitError) as caught:
        read_or_convention("≥5人天", REGISTRY)
    assert found == []
    assert caught.value.nearest == ("人", "人次", "万人次") and found == ["人天"]
    assert "最接近的已知单位 / nearest known units: 人、人次、万人次" in str(caught.value)
    assert found == ["人天"]  # found once


def test_a_text_errors_args_are_an_exceptions_args() -> None:
    """``args`` holds the rendered message, as when it was given to ``ValueError``; set, it
    is what the error says, as for any exception."""
    with pytest.raises(IndicatorkitError) as caught:
        read_or_convention("≥95%%", REGISTRY)
    error = caught.value
    assert error.args == (str(error),)
    assert repr(error) == repr(ValueError(str(error))).replace("ValueError", "TargetSyntaxError")
    error.args = ("其他 / other", 2)
    assert str(error) == str(("其他 / other", 2)) and error.args == ("其他 / other", 2)
    assert repr(error) == "TargetSyntaxError('其他 / other', 2)"


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(["", "万", "十万", "亿", "千", "百", "万 "]),
    st.sampled_from(["蔸", "畦", "垄", "人天", "千瓦", "xx", "圆", "管"]),
    st.sampled_from(["≥5", "5", "不少于1.5", "≤20"]),
)
def test_an_unknown_unit_in_a_text_is_the_registrys_own_error(
    multiplier: str, word: str, before: str
) -> None:
    """A text's unknown unit is the error the registry builds for the word
    (``UnitRegistry.unknown_unit``: one place decides the counting word a hint offers, after a
    multiplier too), and the line the hint offers makes the text read."""
    text = f"{before}{multiplier}{word}"
    clear_caches()
    with pytest.raises(UnknownUnitError) as caught:
        read_or_convention(text, REGISTRY)
    error = caught.value
    built = REGISTRY.unknown_unit(error.unit, text, error.position, after_number=True)
    assert _said(error) == _said(built) and error.counting_word == built.counting_word
    if word in ("蔸", "畦", "垄") and multiplier.strip() != "千":
        assert error.counting_word == word
        assert f'define_unit("{word} = [{word}]")' in str(error)
        read = read_or_convention(text, REGISTRY.define(f"{word} = [{word}]"))
        assert not isinstance(read, Convention) and word in str(read)
    else:
        assert error.counting_word == ""


def test_a_unit_word_alone_and_after_a_number_name_the_same_counting_word() -> None:
    """``UnitRegistry.unit`` (a unit word alone, looked up whole) and a text's hint name the
    counting word alike; only a text reads a multiplier before it."""
    for word, alone, in_text in (("蔸", "蔸", "蔸"), ("万蔸", "", "蔸"), ("人天", "", "")):
        with pytest.raises(UnknownUnitError) as by_unit:
            REGISTRY.unit(word)
        with pytest.raises(UnknownUnitError) as by_text:
            read_or_convention(f"≥5{word}", REGISTRY)
        assert (by_unit.value.counting_word, by_text.value.counting_word) == (alone, in_text)
        assert by_unit.value.nearest == by_text.value.nearest == REGISTRY.nearest_units(word)
