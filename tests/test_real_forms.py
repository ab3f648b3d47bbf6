"""Forms found in real tables (issue "Read what real tables write"): rates of a bare number,
denominators written before the number, a dotted period with its year once, ages, a unit
named again in brackets, a bare year.month — each read to what it means, and back."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Comparison, IndicatorkitError, parse_target
from indicatorkit.errors import AmbiguousTargetError, InvalidTargetError, TargetSyntaxError
from indicatorkit.language import Amount, Period, Qualitative
from indicatorkit.units import unit
from indicatorkit.vocabulary import Operator

DENOMINATORS = ["亩", "人", "生", "户", "年", "株", "个", "次", "天"]
NUMERATORS = ["", "元", "万元", "次", "件", "人次", "%", "吨"]


@settings(deadline=None)  # the first example builds the parser
@given(
    st.integers(1, 10**6),
    st.sampled_from(NUMERATORS),
    st.lists(st.sampled_from(DENOMINATORS), min_size=1, max_size=2, unique=True),
    st.sampled_from(["", "≥", "不少于", "≤"]),
)
def test_denominators_before_the_number_mean_the_rate_after_it(
    number: int, top: str, denominators: list[str], operator: str
) -> None:
    first = "".join(f"每{word}" for word in denominators) + f"{operator}{number}{top}"
    after = f"{operator}{number}{top}/" + "/".join(denominators)
    read = parse_target(first)
    assert read == parse_target(after)
    assert parse_target(str(read)) == read  # the canonical text reads back


@settings(deadline=None)
@given(st.integers(1, 10**6), st.sampled_from(DENOMINATORS), st.sampled_from(["", "≤", "≥"]))
def test_a_rate_of_a_bare_number_reads_back(number: int, word: str, operator: str) -> None:
    read = parse_target(f"{operator}{number}/{word}")
    assert isinstance(read, Comparison) and read.amount.unit == unit(f"/{word}")
    assert read.amount.value == number
    assert parse_target(str(read)) == read


def test_real_rates() -> None:
    per_plant = parse_target("≤28.40/株")
    assert per_plant == Comparison(Operator.LE, Amount(Fraction("28.4"), unit("/株")))
    per_month = parse_target("≤620万/月")
    assert (
        str(per_month) == "≤620万/个月"
        and per_month.amount.normalized == 620 * 10000 / unit("个月").factor
    )
    assert str(parse_target("每亩300")) == "300/亩"
    assert str(parse_target("每生每年3300元")) == "3300元/生/年"
    assert str(parse_target("每年11月底前")) == "11月底前"  # 每年 before a month: a deadline
    with pytest.raises(TargetSyntaxError):
        parse_target("每月召开1次例会")  # the rest is a sentence


def test_a_dotted_period_with_its_year_once() -> None:
    period = parse_target("2021.1.1-12.31")
    assert isinstance(period, Period)
    assert period == parse_target("2021.1.1-2021.12.31")
    assert period.check("2021年6月30日").met and not period.check("2022年1月1日").met
    with pytest.raises(InvalidTargetError):
        parse_target("2021.1.1-2.30")  # no such day
    with pytest.raises(InvalidTargetError):
        parse_target("3月-12.31")  # a month.day after a full dotted date only
    assert str(parse_target("12.31")) == "12.31"  # alone: a number


def test_ages() -> None:
    assert str(parse_target("18—54周岁")) == "18周岁～54周岁"
    assert parse_target("≥18周岁") == parse_target("≥18岁")
    assert parse_target("≥18周岁").check("20年").met


@pytest.mark.parametrize(
    ("text", "target", "gloss"),
    [
        (">= 98 %(百分比)", "≥98%", "(百分比)"),
        ("100件(套)以上", "≥100件", "(套)"),
        ("100件（个）", "100件", "（个）"),
    ],
)
def test_a_unit_named_again_in_brackets_is_set_aside_leniently(
    text: str, target: str, gloss: str
) -> None:
    with pytest.raises(TargetSyntaxError):
        parse_target(text)
    read = parse_target(text, lenient=True)
    assert str(read.target) == target
    assert [(d.code, d.original) for d in read.diagnostics] == [("T022", gloss)]


@pytest.mark.parametrize(
    ("text", "target", "at"),
    [
        ("400元/人、天", "400元/人/天", 6),  # a real 培训成本 (corpus D07)
        ("≤400元/人、天", "≤400元/人/天", 7),
        ("≥2次/村、年", "≥2次/村/年", 5),
    ],
)
def test_two_denominators_joined_by_a_list_comma_read_as_one_rate(
    text: str, target: str, at: int
) -> None:
    with pytest.raises(TargetSyntaxError):
        parse_target(text)  # strict reading refuses to guess
    read = parse_target(text, lenient=True)
    assert str(read.target) == target
    assert [(d.code, d.position, d.original, d.replacement) for d in read.diagnostics] == [
        ("T024", at, "、", "·")
    ]


@pytest.mark.parametrize("text", ["元/人、天", "5人、3天", "400元/人、3天", "≥95%、≥90%"])
def test_a_list_comma_elsewhere_is_never_read_as_a_rate(text: str) -> None:
    try:
        read = parse_target(text, lenient=True)
    except IndicatorkitError:
        return
    assert "T024" not in [d.code for d in read.diagnostics]
    assert "·" not in str(read.target)


def test_brackets_that_are_not_a_unit_stay() -> None:
    assert str(parse_target("≥90%（含）")) == "≥90%"  # inclusion, read strictly
    with pytest.raises(TargetSyntaxError):
        parse_target("≥95%(合格)", lenient=True)  # not a unit: not set aside


@pytest.mark.parametrize(
    ("text", "read", "aside"),
    [
        ("完成90%", "90%", "完成"),
        ("100%覆盖", "100%", "覆盖"),
        ("合格率95%", "95%", "合格率"),
        ("平均每生每年3300元", "3300元/生/年", "平均"),
        ("完成时间为2022年12月30日", "2022年12月30日前", "完成时间为"),
    ],
)
def test_a_value_among_filler_words_is_read_leniently(text: str, read: str, aside: str) -> None:
    with pytest.raises(TargetSyntaxError):
        parse_target(text)
    result = parse_target(text, lenient=True)
    assert str(result.target) == read
    assert [d.code for d in result.diagnostics] == ["T020"]
    assert aside in result.diagnostics[0].message


@pytest.mark.parametrize(
    "text", ["覆盖95%的村", "较上年增长5%", "企业所得税减按15%征收", "开展3次培训"]
)
def test_a_number_inside_other_words_is_never_read_as_the_target(text: str) -> None:
    result = parse_target(text, lenient=True)
    assert [d.code for d in result.diagnostics] == ["T009"]
    assert str(result.target).strip("“”") == text


def test_approximations_stay_refused() -> None:
    for text in ("约95%", "大约90%", "预计100人"):
        with pytest.raises(TargetSyntaxError):
            parse_target(text, lenient=True)


def test_a_bare_year_month_is_never_guessed() -> None:
    with pytest.raises(AmbiguousTargetError):
        parse_target("2021.6")
    assert str(parse_target("2021.6", lenient=True).target) == "2021年6月底前"


def test_a_denominator_may_count_several_of_its_unit() -> None:
    per_hundred = parse_target("≤500元/100km")  # a repair cost per 100 km (tests/corpus/real)
    assert str(per_hundred) == "≤500元/100公里"
    assert parse_target(str(per_hundred)) == per_hundred
    assert per_hundred == parse_target("≤5元/公里")  # equal by meaning
    assert per_hundred.check("4元/公里").met and not per_hundred.check("6元/公里").met
    assert str(parse_target("≤8L/100公里")) == "≤8升/100公里"
    for text in ("≤500元/0km", "≤500元/1.5km"):
        with pytest.raises(InvalidTargetError):
            parse_target(text)


@pytest.mark.parametrize(
    ("text", "sentence", "codes"),
    [
        ("及时发放，覆盖率95%%", "及时发放，覆盖率95%%", ["T009"]),
        ("开展培训，每人95%%合格", "开展培训，每人95%%合格", ["T009"]),
        ("指标值：设立2个援助窗口", "设立2个援助窗口", ["T001", "T009"]),
        ("设立2个援助窗口。", "设立2个援助窗口", ["T003", "T009"]),
    ],
)
def test_a_sentence_read_as_qualitative_keeps_what_the_table_wrote(
    text: str, sentence: str, codes: list[str]
) -> None:
    """No repair inside a sentence read as qualitative (T009): only a label or punctuation at
    its edges is set aside, and every diagnostic says what the result holds."""
    read = parse_target(text, lenient=True)
    assert read.target == Qualitative(sentence)
    assert [d.code for d in read.diagnostics] == codes
