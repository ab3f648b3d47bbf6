"""Values inside words: two or more values are never guessed; a sentence's one comparison is
read leniently only when nothing set aside could change it."""

from __future__ import annotations

import pytest

from indicatorkit import Comparison, parse_target
from indicatorkit.errors import SeveralValuesError, TargetSyntaxError
from indicatorkit.language import Qualitative
from indicatorkit.language.words import comparison_in_words, numbers_in, separate_values
from indicatorkit.units import default_registry


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("首年返本10%，分红按5%", ["10%", "5%"]),
        ("2次，累计培训人数超过100人", ["2次", "100人"]),
        ("统一开展三次培训", ["三次"]),  # the 一 of 统一 is no value
        ("≥1,616,387.84元", ["1,616,387.84元"]),
    ],
)
def test_numbers_in(text: str, values: list[str]) -> None:
    assert [found for _, _, found in numbers_in(text, default_registry())] == values


@pytest.mark.parametrize("text", ["1万-2万元以上", "90%-100%", "≥95%%", "≥1,61,387元"])
def test_pieces_of_one_number_or_range_are_not_separate_values(text: str) -> None:
    assert separate_values(text, default_registry()) == []


@pytest.mark.parametrize(
    "text", ["首年返本10%，分红按5%", "12月底前100%到位", "培训2次，覆盖300人"]
)
def test_two_values_are_refused_strictly_and_read_as_sentences_leniently(text: str) -> None:
    with pytest.raises(SeveralValuesError) as caught:
        parse_target(text)
    assert isinstance(caught.value, TargetSyntaxError)
    assert "两个或以上数值" in str(caught.value)
    result = parse_target(text, lenient=True)
    assert result.target == Qualitative(text)
    assert [d.code for d in result.diagnostics] == ["T021"]


@pytest.mark.parametrize(
    ("text", "target", "aside"),
    [
        ("全年至少开展3次培训", "≥3次", ("全年", "开展", "培训")),
        ("开展培训不少于2次", "≥2次", ("开展培训",)),
        ("完成培训3次以上", "≥3次", ("完成培训",)),
    ],
)
def test_the_one_comparison_of_a_sentence(text: str, target: str, aside: tuple[str, ...]) -> None:
    found = comparison_in_words(text, default_registry())
    assert found is not None and found.set_aside == aside
    result = parse_target(text, lenient=True)
    assert result.target == parse_target(target)
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "T020"
    assert all(word in diagnostic.message for word in aside)


@pytest.mark.parametrize(
    "text",
    [
        "大于10小于",  # a second bound would be dropped
        "培训次数同比增长不少于2次",  # 同比增长 changes the quantity
        "全年开展培训约3次以上",  # an approximation
        "未开展3次以上培训",  # a negation
        "开展3次培训",  # no comparator: a number alone is no target
    ],
)
def test_nothing_that_could_change_the_meaning_is_set_aside(text: str) -> None:
    found = comparison_in_words(text, default_registry())
    assert found is None
    try:
        result = parse_target(text, lenient=True)
    except TargetSyntaxError:
        return
    assert (
        not isinstance(result.target, Comparison)
        or not result.diagnostics
        or all(d.code != "T020" for d in result.diagnostics)
    )
