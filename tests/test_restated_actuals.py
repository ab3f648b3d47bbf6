"""An actual that repeats the target (issue 20: 21 of 131 real printed rows, every one printed
with full marks, were left undecided): a bound or range written as the actual is an interval,
met when wholly inside the target; a qualitative target's own text, or ``100%`` / ``是`` /
``已完成``, counts as 达成 and says so."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import loads, score
from indicatorkit.language.interval_actual import interval_met
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import Comparison, Range
from indicatorkit.language.values import COMPLETION_WORDS, Grade
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.indicator import Outcome, score_indicator

_OPERATORS = ("≥", ">", "≤", "<")
_VALUES = st.integers(0, 2000).map(lambda n: Fraction(n, 10))


def test_the_issue_rows() -> None:
    bound = score_indicator("≥90%", "≥90%", 10)
    assert (bound.outcome, bound.score) == (Outcome.MET, 10)
    assert "区间" in bound.message and bound.actual == "≥90%"
    same = score_indicator("是", "是", 10)
    assert (same.outcome, same.score, same.score_source) == (Outcome.MET, 10, "repeats target")
    text = score_indicator("符合相关文件要求", "符合相关文件要求", 10)
    assert (text.outcome, text.score_source) == (Outcome.MET, "repeats target")
    full = score_indicator("及时足额发放", "100%", 10)
    assert (full.outcome, full.score_source) == (Outcome.MET, "full completion")
    assert "按达成计" in full.message and "按达成计" in same.message


@pytest.mark.parametrize("word", [*sorted(COMPLETION_WORDS), "100%", "100.0%", "１００％"])
def test_full_completion_words_are_achieved_at_the_default(word: str) -> None:
    result = score_indicator("宣传覆盖到位", word, 10)
    assert result.outcome is Outcome.MET and result.score_source == "full completion"
    assert result.score_range == (8, 10) and result.score == 10  # the 达成 band, its default
    # the evaluator may still choose inside the band
    chosen = score_indicator("宣传覆盖到位", word, 10, evaluator_score="9")
    assert (chosen.score, chosen.score_source) == (9, "evaluator")


@pytest.mark.parametrize("actual", ["基本完成", "部分完成", "否", "90%", "未完成", "符合"])
def test_other_words_stay_undecided_or_graded(actual: str) -> None:
    result = score_indicator("宣传覆盖到位", actual, 10)
    assert result.outcome is not Outcome.MET
    assert result.score_source not in ("repeats target", "full completion")


@pytest.mark.parametrize("no", ["否", "无", "没有"])
def test_yes_never_achieves_a_target_of_no(no: str) -> None:
    assert score_indicator(no, "是", 10).outcome is not Outcome.MET
    assert score_indicator(no, "100%", 10).outcome is not Outcome.MET
    assert score_indicator(no, no, 10).outcome is Outcome.MET  # the answer repeated


def test_a_grade_word_keeps_its_meaning() -> None:
    assert score_indicator("部分达成", "部分达成", 10).outcome is Outcome.PARTIAL  # a grade first
    assert parse_target("及时足额发放").reading("已完成") is Grade.ACHIEVED


def test_check_and_spec_scoring_agree() -> None:
    spec = loads(
        "项目 1 x\n  预算：100元\n  执行数：100元\n"
        "  指标 产出指标 / 质量指标 / 达标率\n    指标值：≥90%\n    实际值：≥90%\n"
        "  指标 满意度指标 / 服务对象满意度指标 / 符合性\n    指标值：符合相关文件要求\n"
        "    实际值：符合相关文件要求\n"
    )
    project = score(spec).projects[0]
    assert [i.score.outcome for i in project.indicators] == [Outcome.MET, Outcome.MET]
    assert project.undecided == 0
    assert parse_target("符合相关文件要求").check("符合相关文件要求").met is True


def _text(operator: str, value: Fraction) -> str:
    return f"{operator}{format_decimal(value)}%"


_STRICT = {"≥": ">", ">": ">", "≤": "<", "<": "<"}


@settings(deadline=None)
@given(operator=st.sampled_from(_OPERATORS), value=_VALUES, shift=_VALUES, strict=st.booleans())
def test_a_bound_inside_the_target_is_met(
    operator: str, value: Fraction, shift: Fraction, strict: bool
) -> None:
    """The target's own bound, or one moved inward, or made strict, lies inside it: met."""
    target = parse_target(_text(operator, value))
    inward = value + shift if operator in ("≥", ">") else value - shift
    if inward < 0:
        return
    actual = _text(_STRICT[operator] if strict else operator, inward)
    result = score_indicator(target, actual, 10)
    assert result.outcome is Outcome.MET and result.score == 10, (target, actual)


@settings(deadline=None)
@given(
    operator=st.sampled_from(_OPERATORS),
    value=_VALUES,
    other_operator=st.sampled_from(_OPERATORS),
    other=_VALUES,
)
def test_an_interval_partly_outside_is_never_met(
    operator: str, value: Fraction, other_operator: str, other: Fraction
) -> None:
    target = parse_target(_text(operator, value))
    actual = parse_target(_text(other_operator, other))
    assert isinstance(target, Comparison) and isinstance(actual, Comparison)
    result = score_indicator(target, str(actual), 10)
    # a witness: a point of the actual interval the target does not accept
    bounds = actual.bounds()
    step = Fraction(1, 1000)
    points = [other / 100, other / 100 + step, other / 100 - step, Fraction(-(10**6)), 10**6]
    outside = [p for p in points if bounds.contains(p) and not target.bounds().contains(p)]
    if outside:
        assert result.outcome is not Outcome.MET and result.score is None
    if result.outcome is Outcome.MET:  # sound: every point sampled from it meets the target
        assert all(target.bounds().contains(p) for p in points if bounds.contains(p))


@settings(deadline=None)
@given(low=_VALUES, width=_VALUES, inner_low=_VALUES, inner_width=_VALUES)
def test_a_range_actual_inside_a_range_target_is_met_and_one_outside_is_not(
    low: Fraction, width: Fraction, inner_low: Fraction, inner_width: Fraction
) -> None:
    if not width:
        return
    target = parse_target(f"{format_decimal(low)}%-{format_decimal(low + width)}%")
    assert isinstance(target, Range)
    start = low + inner_low % width
    end = start + inner_width
    actual = f"{format_decimal(start)}%-{format_decimal(end)}%" if inner_width else None
    if actual is None:
        return
    inside = end <= low + width
    assert interval_met(actual, target) is inside
    result = score_indicator(target, actual, 10)
    assert (result.outcome is Outcome.MET) == inside
