"""Dates and periods in targets (issue 9, item 3): a month named alone, 每年 / 到位 / 上半年 /
一季度, periods as their own kind, dotted dates, and spreadsheet date serials."""

from __future__ import annotations

import datetime
import pickle
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import loads, parse_actual, parse_target
from indicatorkit.errors import (
    AmbiguousTargetError,
    DateSerialError,
    DimensionMismatchError,
    InvalidTargetError,
    InvalidValueError,
    UnknownUnitError,
)
from indicatorkit.formats import from_data, to_data
from indicatorkit.language import DatePoint, DateSpan, Deadline, Period
from indicatorkit.scoring import score_indicator
from indicatorkit.strategies import (
    actuals_meeting,
    actuals_missing,
    date_points,
    date_spans,
    periods,
    target_texts_with_targets,
)

# ---- what each form reads to ---------------------------------------------------------------

STRICT = {
    # a month named with a year, or with a word that says it is done: by its end
    "2024年11月": "2024年11月底前",
    "2023年12月": "2023年12月底前",
    "10月完成": "10月底前",
    "2021年12月完成": "2021年12月底前",
    "12月份完成": "12月底前",
    "每年11月底前": "11月底前",
    "6月底到位": "6月底前",
    "12月底到位": "12月底前",
    "9月底完工": "9月底前",
    "年底完成": "12月底前",
    "上半年": "6月底前",
    "下半年完成": "12月底前",
    "一季度": "3月底前",
    "第三季度末": "9月底前",
    "第4季度前": "12月底前",
    "2024年上半年内": "2024年6月底前",
    "2020.12.31": "2020年12月31日前",
    # periods
    "3-11月": "3月～11月",
    "3-11月份": "3月～11月",
    "3月至11月": "3月～11月",
    "2024年3月-10月": "2024年3月～10月",
    "2023年3月--2023年10月": "2023年3月～10月",
    "2020年1月——2020年11月": "2020年1月～11月",
    "2023年11月-2024年2月": "2023年11月～2024年2月",
    "全年": "1月～12月",
    "2020年全年": "2020年1月～12月",
    "2020.1.1-2020.12.31": "2020年1月～12月31日",
    "3月15日-年底": "3月15日～12月",
}


@pytest.mark.parametrize(("text", "canonical"), STRICT.items())
def test_strict_reading(text: str, canonical: str) -> None:
    target = parse_target(text)
    assert str(target) == canonical
    assert parse_target(canonical) == target  # the canonical text reads back the same
    assert parse_target(text, lenient=True).diagnostics == ()


LENIENT = {
    # (code, what a documented convention reads)
    "8月前": ("T040", "8月底前"),
    "6月份前": ("T040", "6月底前"),
    "2024年9月以前": ("T040", "2024年9月底前"),
    "11月前完成": ("T040", "11月底前"),
    "12月": ("T041", "12月底前"),
    "每年11月": ("T041", "11月底前"),
    "2023.07-2024.01": ("T042", "2023年7月～2024年1月"),
    "2023.7～2023.12": ("T042", "2023年7月～12月"),
    # every separator the grammar has between two ends (an en dash, 负 were read as numbers)
    "2023.07–2024.01": ("T042", "2023年7月～2024年1月"),
    "2023.07负2024.01": ("T042", "2023年7月～2024年1月"),
    "2023.07——2024.01": ("T042", "2023年7月～2024年1月"),
}


@pytest.mark.parametrize(("text", "expected"), LENIENT.items())
def test_ambiguous_texts_are_refused_strictly_and_read_leniently_by_convention(
    text: str, expected: tuple[str, str]
) -> None:
    code, canonical = expected
    with pytest.raises(AmbiguousTargetError) as caught:
        parse_target(text)
    error = caught.value
    assert error.code == code
    assert canonical in str(error)  # the hint says what the convention reads
    assert 0 <= error.position < error.end <= len(text)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.code) == (type(error), str(error), error.code)
    lenient = parse_target(text, lenient=True)
    assert str(lenient.target) == canonical
    (diagnostic,) = lenient.diagnostics
    assert diagnostic.code == code
    assert text[diagnostic.position : diagnostic.end] == diagnostic.original
    assert diagnostic.replacement == canonical


@pytest.mark.parametrize(
    "text",
    ["11月-3月", "2024年3月-2023年10月", "13-14月", "3.5-11月", "5万元-11月", "2020.2.30-2020.3.1"],
)
def test_impossible_periods_are_located_errors(text: str) -> None:
    with pytest.raises(InvalidTargetError) as caught:
        parse_target(text, lenient=True)
    assert not isinstance(caught.value, AmbiguousTargetError)
    assert 0 <= caught.value.position <= len(text)


def test_a_bare_arabic_quarter_stays_a_duration_and_ranges_are_unchanged() -> None:
    assert str(parse_target("1季度")) == "1季度"
    assert str(parse_target("90-100%")) == "90%～100%"
    assert str(parse_target("-5--3")) == "-5～-3"
    assert str(parse_target("2023.07万元")) == "2023.07万元"  # with a unit: a number


def test_a_bare_year_month_number_is_refused_strictly_and_read_leniently_as_its_month() -> None:
    # 2021.6 in a 完成时间 cell (tests/corpus/real): a month, or the number 2021.6 — not guessed
    with pytest.raises(AmbiguousTargetError) as caught:
        parse_target("2023.07")
    assert caught.value.code == "T044" and "2023年7月底前" in str(caught.value)
    read = parse_target("2023.07", lenient=True)
    assert read.target == Deadline(DatePoint(7, None, 2023))
    assert [d.code for d in read.diagnostics] == ["T044"]
    assert str(parse_target("2023.13")) == "2023.13"  # no month 13: a number
    assert str(parse_target("≥2023.07")) == "≥2023.07"  # an operator: a number


def test_every_year_with_a_year_is_a_contradiction() -> None:
    with pytest.raises(InvalidTargetError):
        parse_target("每年2024年11月底前")


# ---- checking dates and periods ------------------------------------------------------------


def test_checking_against_a_period() -> None:
    period = parse_target("2024年3月-10月")
    assert isinstance(period, Period)
    assert period.check("2024年3月1日").met
    assert period.check(datetime.date(2024, 10, 31)).met
    assert not period.check(datetime.date(2024, 11, 1)).met
    assert not period.check("2024年2月底").met
    assert period.check("5月20日").met  # no year on the actual: the day of the year counts
    assert period.check("2024年4月-6月").met  # a period inside it
    assert not period.check("2024年9月-11月").met
    assert period.check("2024年5月").met  # a month: all of it
    assert period.check("2024年5月").value == DateSpan.month(5, 2024)


def test_a_period_across_a_year_end() -> None:
    period = parse_target("2023年11月-2024年2月")
    assert period.check("12月15日").met and period.check("1月31日").met
    assert not period.check("3月1日").met
    assert not period.check(datetime.date(2024, 11, 30)).met
    assert period.check("2023年12月").met


def test_a_deadline_checks_a_period_by_its_last_day() -> None:
    assert parse_target("12月底前").check("2024年3月-12月").met
    assert not parse_target("11月底前").check("2024年3月-12月").met
    assert parse_target("2024年11月").check("2024年11月").met


@pytest.mark.parametrize("number", [45291, "45291", Fraction(45291), 44561])
@pytest.mark.parametrize("target", ["12月底前", "3-11月"])
def test_spreadsheet_date_serials_are_not_guessed(number: object, target: str) -> None:
    with pytest.raises(DateSerialError) as caught:
        parse_target(target).check(number)  # type: ignore[arg-type]
    message = str(caught.value)
    serial = int(str(number))
    day = datetime.date(1899, 12, 30) + datetime.timedelta(days=serial)
    assert f"{day.year}年{day.month}月{day.day}日" in message and day.isoformat() in message
    assert isinstance(caught.value, DimensionMismatchError)
    assert str(pickle.loads(pickle.dumps(caught.value))) == message


@pytest.mark.parametrize("number", [5, 2024, "95%", 45291.5, 100000])
def test_other_numbers_against_dates_are_plain_mismatches(number: object) -> None:
    with pytest.raises(DimensionMismatchError) as caught:
        parse_target("12月底前").check(number)  # type: ignore[arg-type]
    assert not isinstance(caught.value, DateSerialError)


def test_a_serial_in_a_score_is_a_failed_indicator_saying_why() -> None:
    scored = score_indicator("12月底前", "45291", 10)
    assert scored.score is None and "2023年12月31日" in scored.message


def test_periods_score_met_or_not_like_deadlines() -> None:
    assert score_indicator("3-11月", "5月20日", 10).score == 10
    missed = score_indicator("3-11月", "12月1日", 10)
    assert missed.score == 0 and missed.met is False and missed.explanation_required


# ---- values ---------------------------------------------------------------------------------


def test_date_span_validation() -> None:
    with pytest.raises(InvalidValueError):
        DateSpan(DatePoint(3, 1, 2024), DatePoint(5))
    with pytest.raises(InvalidValueError):
        DateSpan(DatePoint(5, 1), DatePoint(3))
    assert str(DateSpan(DatePoint(3), DatePoint(11, 20))) == "3月底～11月20日"


@settings(deadline=None)
@given(date_spans(), date_points())
def test_a_span_contains_exactly_the_days_between_its_ends(
    span: DateSpan, point: DatePoint
) -> None:
    assert span.contains(span.start) and span.contains(span.end)
    assert span.covers(span)
    one_day = DateSpan(point, point) if point.day is not None else None
    if one_day is not None and (point.year is None) == (span.start.year is None):
        assert span.covers(one_day) == span.contains(point)


@settings(deadline=None)
@given(date_spans(), date_spans())
def test_covering_is_transitive_and_implies_containing_the_ends(
    outer: DateSpan, inner: DateSpan
) -> None:
    if outer.covers(inner):
        assert outer.contains(inner.start) and outer.contains(inner.end)


@settings(deadline=None)
@given(periods())
def test_period_canonical_text_round_trips(period: Period) -> None:
    assert parse_target(str(period)) == period
    assert parse_actual(str(period)) == period.span
    assert pickle.loads(pickle.dumps(period)) == period


@settings(deadline=None)
@given(target_texts_with_targets(kinds=["period"]))
def test_every_spelling_of_a_period_reads_to_it(pair: tuple[str, Period]) -> None:
    text, period = pair
    assert parse_target(text) == period, text


@settings(deadline=None)
@given(st.data(), periods())
def test_actuals_meeting_and_missing_a_period(data: st.DataObject, period: Period) -> None:
    assert period.check(data.draw(actuals_meeting(period))).met
    full_year = (period.span.start.month, period.span.start.day, period.span.end.month) == (
        1,
        1,
        12,
    ) and period.span.end.day is None
    if not full_year or period.span.start.year is not None:
        assert not period.check(data.draw(actuals_missing(period))).met


# ---- interchange -----------------------------------------------------------------------------

SPEC = """\
项目 1 示例
  预算：10000元
  财政资金：10000元
  指标 产出指标 / 时效指标 / 实施期间
    指标值：2024年3月-10月
  指标 产出指标 / 时效指标 / 完成时间
    指标值：6月份前
"""


def test_periods_in_spec_files_and_json() -> None:
    spec = loads(SPEC)
    first, second = (indicator.target for indicator in spec.projects[0].indicators)
    assert first == Period(DateSpan(DatePoint(3, 1, 2024), DatePoint(10, None, 2024)))
    assert second == Deadline(DatePoint(6))  # lenient (T040), and lint reports it
    data = to_data(spec)
    target = data["projects"][0]["indicators"][0]["target"]
    assert target["kind"] == "period"
    assert target["start"] == {"month": 3, "day": 1, "year": 2024}
    assert target["end"] == {"month": 10, "day": None, "year": 2024}
    assert from_data(data) == spec
    target["end"]["month"] = 9
    with pytest.raises(ValueError, match="end"):
        from_data(data)


@pytest.mark.parametrize("text", ["≥5月", "不少于5月", "≥5月份"])
def test_a_month_where_no_date_can_stand_gets_a_hint_about_months_not_the_nearest_unit(
    text: str,
) -> None:
    with pytest.raises(UnknownUnitError) as caught:
        parse_target(text)
    hint = caught.value.suggestion or ""
    assert "3月～11月" in hint and "5个月" in hint and "月底前" in hint
    copy = pickle.loads(pickle.dumps(caught.value))
    assert str(copy) == str(caught.value)


@settings(deadline=None)
@given(periods(), date_points())
def test_check_decides_by_the_day_bounds(period: Period, point: DatePoint) -> None:
    bounds = period.bounds()
    assert (bounds.first, bounds.last) == (period.span.start, period.span.end)
    assert period.check(point).met == bounds.contains(point)
    deadline = Deadline(period.span.end)
    assert deadline.bounds().first is None
    assert deadline.check(point).met == deadline.bounds().contains(point)
    assert deadline.check(period.span).met  # a period is in time when its last day is


def test_monitoring_lights_periods_and_month_deadlines() -> None:
    from indicatorkit import monitor
    from indicatorkit.scoring import Light

    spec = loads(
        "项目 1 示例\n  预算：10000元\n"
        "  指标 产出指标 / 时效指标 / 实施期间\n    指标值：2025年3月-10月\n    实际值：2025年5月\n"
        "  指标 产出指标 / 时效指标 / 完成时间\n    指标值：2025年6月\n    实际值：2025年7月2日\n"
        "  指标 产出指标 / 时效指标 / 验收时间\n    指标值：一季度\n"
    )
    lights = [
        line.light for line in monitor(spec, datetime.date(2025, 6, 30)).projects[0].indicators
    ]
    assert lights == [Light.GREEN, Light.RED, Light.GREY]


def test_the_last_day_of_a_month_is_the_calendars() -> None:
    import calendar

    from indicatorkit.language.values import _last_day

    for year in (1900, 2000, 2023, 2024, 2100, 9999):
        for month in range(1, 13):
            assert _last_day(month, year) == calendar.monthrange(year, month)[1]
    assert [_last_day(month, None) for month in (1, 2, 4)] == [31, 29, 30]
