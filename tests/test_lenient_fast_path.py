"""The lenient reader's fast path (``lenient._plain``: a plain comparison strict reading takes
as it is) gives what its slow route gives — strict reading, then repairs and readings — for
every text it takes, and keeps no strict reading beside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.language import lenient
from indicatorkit.language.reading import _READER as STRICT
from indicatorkit.language.reading import clear_caches, read_or_convention
from indicatorkit.strategies import target_texts, unit_words
from indicatorkit.units import default_registry

#: Texts the fast path takes, and texts beside them it must leave to the slow route: both
#: operators, calendar years, year.months, sentences, repairs.
TEXTS = (
    "≥95%", "不低于90%", "95%以上", "=0", "0", "2020", "3年", "2020年", "2021.6", "2021.6年",
    "≥2021.6", "≥95%以上", "大于等于95%以下", ",=100", "=>95%", "及时", "85%覆盖", "≥5000蔸",
    "＞＝９０％", " ≥ 94.5 % ", "1,000件以上", "1,00件", "12月底前", "每亩300", "≤290元/100km",
)  # fmt: skip

_NUMBERS = st.one_of(
    st.sampled_from(["0", "1", "2025", "2021.6", "10.5", "1,000"]), st.integers(0, 10**6).map(str)
)
_BUILT = st.builds(
    lambda before, number, word: before + number + word,
    st.sampled_from(["", "≥", "<=", "不超过", "=", ",=", " ", "大于等于 "]),
    _NUMBERS,
    st.one_of(st.sampled_from(["", "%", "年", "以上", "%以上", "元/人", "蔸", "。"]), unit_words()),
)


def _assert_fast_equals_slow(text: str) -> None:
    registry = default_registry()
    fast = lenient._plain(text, registry)
    if fast is None:
        return
    slow = lenient._read(text, registry)
    assert fast == slow and fast.units is registry and fast.diagnostics == (), text
    assert read_or_convention(text, registry) == fast.target, text


def test_the_fast_path_equals_the_slow_route_on_chosen_texts() -> None:
    taken = [text for text in TEXTS if lenient._plain(text, default_registry()) is not None]
    assert {"≥95%", "不低于90%", "0", "3年", "≤290元/100km"} <= set(taken)
    assert not {"2020年", "2021.6", "≥95%以上", "及时", ",=100", "12月底前"} & set(taken)
    for text in TEXTS:
        _assert_fast_equals_slow(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_BUILT, target_texts(), st.text(max_size=8)))
def test_the_fast_path_equals_the_slow_route(text: str) -> None:
    _assert_fast_equals_slow(text)


def test_a_plain_text_read_leniently_keeps_no_strict_reading() -> None:
    clear_caches()
    registry = default_registry()
    lenient.parse_lenient("≥97.5%", registry)
    assert "≥97.5%" not in STRICT.readings(registry)
    lenient.parse_lenient("及时足额", registry)  # the slow route reads strictly first
    assert "及时足额" in STRICT.readings(registry)
