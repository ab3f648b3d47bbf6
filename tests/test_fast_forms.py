"""The fast path for sentences, deadlines, periods and comparisons with a full stop
(``reading._plain`` with :mod:`indicatorkit.language.fast_forms`) gives exactly what the grammar
path (``reading._read``) gives — on generated strings and on every corpus text — and declines
whatever the grammar refuses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import strategies as iks
from indicatorkit.errors import TextError
from indicatorkit.language import reading
from indicatorkit.language.targets import Deadline, Period, Qualitative, Range
from indicatorkit.units import default_registry

REGISTRY = default_registry()


def _slow(text: str) -> object:
    try:
        return reading._read(REGISTRY, text)
    except TextError as error:  # the grammar path refuses: the fast path must have declined
        return type(error).__name__


def _same(text: str) -> None:
    fast = reading._plain(text, REGISTRY)
    if fast is None:
        return
    slow = _slow(text)
    assert (type(fast), fast, str(fast)) == (type(slow), slow, str(slow)), text


def _corpus_texts() -> list[str]:
    from tests.corpus_files import first_cells

    return first_cells()


def test_every_corpus_text_reads_alike_on_both_paths() -> None:
    texts = _corpus_texts()
    assert len(texts) > 500
    taken = [
        text
        for text in texts
        if isinstance(reading._plain(text, REGISTRY), Qualitative | Deadline | Period | Range)
    ]
    assert len(taken) > 100  # the fast path takes real texts beyond plain comparisons
    for text in texts:
        _same(text)


#: Pieces of deadlines, periods and sentences, valid and not: the fast path must take only
#: what the grammar reads, and read it alike.
_PIECES = st.sampled_from(
    [
        *("2021年", "2024年", "1899年", "2200年", "0202年", "年", "每年", "全年"),
        *("1", "2", "02", "12", "13", "0", "29", "30", "31", "32", "1.5"),
        *("月", "月份", "日", "号", "底", "末", "前", "之前", "以前", "完成", "到位", "内"),
        *("-", "--", "~", "—", "——", "至", "到", "负", "。", " ", "年底", "年末", "年内"),
        *("及时", "全部", "对", "五对", "完成", "人次", "%", "≥", "以上", ",", "，", "“", "”"),
        *("万元", "元", "件", "1年", "3年", "2025年", "15万元", "Ab", "之间", "周岁", "1,000"),
        *("进", "善", "资源", "是", "/", "否", "「", "」", '"', "两次", "十三", "仟"),
        *("±", "2020.1.1", "2021.2.29", "2024.2.29", "12.31", "2.30", "2021.12.31", ".", "以下"),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=7).map("".join))
def test_generated_pieces_read_alike(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(iks.target_texts(spelling="any"))
def test_generated_targets_read_alike(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(iks.qualitatives())
def test_generated_sentences_read_alike(target: object) -> None:
    _same(str(target))


@pytest.mark.parametrize(
    "text",
    [
        "全部完成",
        "显著提升了疫情期间对民办幼儿园的扶持力度,大力支持了民办幼儿园的发展。",
        "2023年12月底前",
        "11月底前",
        "2021年12月完成",
        "2021年12月31日",
        "年底前",
        "2025年年底前",
        "2022年底之前",
        "2021年1月-12月",
        "2020年1月--2020年11月",
        "1-12月",
        "全年",
        "2020年全年。",
        "15万元。",
        "1年",
    ],
)
def test_the_fast_path_takes_the_common_forms(text: str) -> None:
    assert reading._plain(text, REGISTRY) is not None
    _same(text)


@pytest.mark.parametrize(
    "text",
    ["11月", "8月前", "2023年2月29日", "12月-3月", "2025年", "2025年内", "人次", "五对", "“及时”"],
)
def test_the_fast_path_declines_what_the_grammar_decides(text: str) -> None:
    assert reading._plain(text, REGISTRY) is None


_RATE_PIECES = st.sampled_from(
    [
        *("1", "5.5", "28.40", "≥", ">=", "不低于", "以上", "以内", " ", "。"),
        *("元", "万元", "次", "人", "人次", "件", "套", "亩", "个月", "年", "天", "km", "株"),
        *("/", "每", "*", "·", ".", "×", "月", "月份", "万", "百", "100", "底", "-", "～", "到"),
        *("/100", "每3", "/0", "/1,000", "/2.5", "m2", "公里", "/100km", "/3个月"),
        *("每年", "%", "以上"),
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_RATE_PIECES, min_size=2, max_size=8).map("".join))
def test_generated_rates_read_alike(text: str) -> None:
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        *("143元/月/人", ">=530元/人*月", "1次/月", "17元/人.每天", "≤620万/月", "1万件/套以上"),
        *("每亩300", "每生每年3300元", "18—54周岁", "90%～100%", "1万-2万元", "5到10人之间"),
        *("±3%以内", "±5", "2020.1.1-2020.12.31", "2021.1.1-12.31", "300㎡", "≥5km2", "2m3以上"),
        *("≤500元/100km", "5元每100km", "3元/人*/100公里", "28.40/100株"),
    ],
)
def test_rates_and_ranges_take_the_fast_path(text: str) -> None:
    assert reading._plain(text, REGISTRY) is not None
    _same(text)


@pytest.mark.parametrize("text", ["1。。", "15万元。。", "300元/人。 。", "1 。。"])
def test_two_full_stops_are_the_grammars_error(text: str) -> None:
    # one closing full stop says nothing more; two are a syntax error, not a stripped 1
    assert reading._plain(text, REGISTRY) is None
    _same(text)


def test_a_sentence_is_decided_on_the_text_as_given() -> None:
    """The sentence class is closed under normalising: each punctuation mark normalises to
    marks of the class, none a sign — so deciding on the text as given is deciding on its
    normal form."""
    import unicodedata

    from indicatorkit.language import fast_forms
    from indicatorkit.language.prose import SIGN_CHARACTERS
    from indicatorkit.language.text import words_only
    from indicatorkit.vocabulary import CHARACTER_ALIASES

    for char in fast_forms._PUNCTUATION:
        normal = unicodedata.normalize("NFKC", char)
        assert fast_forms._SENTENCE(normal) and SIGN_CHARACTERS.isdisjoint(normal), char
    for code in range(0x4E00, 0xA000):  # the ideographs: their own normal form, never a digit
        assert unicodedata.is_normalized("NFKC", chr(code)) and not chr(code).isdigit()
    for alias, meant in CHARACTER_ALIASES.items():  # 贰 → 二: a look-alike of the class is a word
        if words_only(alias):
            assert words_only(meant) and SIGN_CHARACTERS.isdisjoint(meant), alias


def test_the_start_characters_are_what_the_parser_can_start_with() -> None:
    """A text whose first character is not among them fails at once in the grammar; every
    character of the list starts some target."""
    from indicatorkit.language.fast_forms import _start_characters
    from indicatorkit.language.grammar import accepts

    starts = _start_characters(REGISTRY)
    assert starts is not None and {"≥", "不", "1", "一", "全", "每"} <= starts
    assert not {"完", "进", "及", "资"} & starts
    from indicatorkit.language.text import normalize

    for text in _corpus_texts():
        normalised = normalize(text)[0].strip()
        if normalised and normalised[0] not in starts:
            assert not accepts(normalised, REGISTRY), text
