"""Strategies for actual values (实际完成值) that meet or miss a given target, in every
form ``check`` accepts: amounts, texts, plain numbers, pint quantities, dates, grades."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Context, Decimal
from fractions import Fraction
from typing import Literal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from indicatorkit import units as _units
from indicatorkit.language.bounds import Direction
from indicatorkit.language.checking import Actual
from indicatorkit.language.comparisons import Comparison, Range
from indicatorkit.language.targets import AnyTarget, Deadline, Period, Qualitative
from indicatorkit.language.values import Amount, DatePoint, DateSpan, Grade
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.strategies._arguments import Number, check_forms
from indicatorkit.strategies.spelling import _spell_amount, _spell_date, _widen
from indicatorkit.strategies.values import _last_day, _plain_unit_text, _written_for
from indicatorkit.units import Unit
from indicatorkit.vocabulary import Operator

__all__ = [
    "AmountForm",
    "DateForm",
    "GradeForm",
    "actuals_meeting",
    "actuals_missing",
]

AmountForm = Literal["amount", "text", "number", "quantity"]
DateForm = Literal["point", "date", "text"]
GradeForm = Literal["grade", "text"]
_AMOUNT_FORMS: tuple[str, ...] = ("amount", "text", "number", "quantity")
_DATE_FORMS: tuple[str, ...] = ("point", "date", "text")
_GRADE_FORMS: tuple[str, ...] = ("grade", "text")
_GRADE_TEXTS: dict[Grade, tuple[str, ...]] = {
    Grade.ACHIEVED: ("达成", "已达成", "达成年度指标", " 达成 "),
    Grade.PARTIAL: ("部分达成", "部分达成年度指标并具有一定效果"),
    Grade.NOT_ACHIEVED: ("未达成", "未达成年度指标且效果较差"),
}


def _deltas(*, positive: bool) -> SearchStrategy[Fraction]:
    """Non-negative (or positive) terminating decimals, from the tiniest to large."""
    steps = st.one_of(
        st.integers(1, 10**6).map(Fraction),
        st.builds(lambda n, p: Fraction(n, 10**p), st.integers(1, 10**12), st.integers(1, 8)),
        st.integers(1, 12).map(lambda p: Fraction(1, 10**p)),
    )
    return steps if positive else st.one_of(st.just(Fraction(0)), steps)


def _numbers_for(value: Fraction) -> SearchStrategy[Number]:
    """``value`` as a plain number: Fraction always, Decimal when it terminates, int when
    whole."""
    options: list[SearchStrategy[Number]] = [st.just(value)]
    if is_terminating(value):
        text = format_decimal(value)
        exact = Decimal(text)
        padded = Decimal(text + ("" if "." in text else ".") + "000")  # 95.000
        # 9.5E+1, with every digit kept (normalize rounds to the context's 28 digits)
        every_digit = Context(prec=max(28, len(exact.as_tuple().digits)))
        options.append(st.sampled_from([exact, padded, exact.normalize(every_digit)]))
    if value.denominator == 1:
        options.append(st.just(int(value)))
    return st.one_of(options)


@st.composite
def _express(draw: st.DrawFn, normalized: Fraction, own: Unit, forms: tuple[str, ...]) -> Actual:
    """An actual of ``normalized`` (in the dimension's base unit) in one of ``forms``, in any
    unit of ``own``'s dimension; plain numbers are in the ``own`` unit (the target's)."""
    form = draw(st.sampled_from(forms))
    written = _written_for(own)
    if form == "number":
        return draw(_numbers_for(normalized / own.factor))
    if form == "quantity":
        if own.dimension == "":
            return _units.registry_in_use().pint.Quantity(normalized)
        # pint reads a unit text as an expression: "m2" would be m**2 of an unknown "m2"
        words = [
            (text, unit)
            for text, unit in written
            if text and _plain_unit_text(text) and not any(c.isdigit() for c in text)
        ]
        if words:
            text, unit = draw(st.sampled_from(words))
            return _units.registry_in_use().pint.Quantity(normalized / unit.factor, text)
        form = "amount"
    if form == "text":
        exact = [unit for _, unit in written if is_terminating(normalized / unit.factor)]
        if exact:
            unit = draw(st.sampled_from(exact))
            text, _, _ = draw(_spell_amount(Amount(normalized / unit.factor, unit), chinese=False))
            return draw(_widen(text))
    _, unit = draw(st.sampled_from(written))
    return Amount(normalized / unit.factor, unit)


def _comparison_actuals(
    target: Comparison, direction: Direction | None, forms: tuple[str, ...], meet: bool
) -> SearchStrategy[Actual]:
    op = target.effective_operator(direction)
    up = op.is_lower_bound == meet  # meeting a lower bound means going up
    strict = op in (Operator.GT, Operator.LT)
    # meeting a strict bound, or missing an inclusive one, needs a non-zero step
    positive = strict == meet
    amount = target.amount
    sign = 1 if up else -1
    return _deltas(positive=positive).flatmap(
        lambda d: _express((amount.value + sign * d) * amount.unit.factor, amount.unit, forms)
    )


def _range_actuals(target: Range, forms: tuple[str, ...], meet: bool) -> SearchStrategy[Actual]:
    low, high = target.low, target.high
    values: SearchStrategy[Fraction]
    # an excluded end (大于10小于20) misses; an included one meets
    ends = [
        (low.normalized, target.low_inclusive),
        (high.normalized, target.high_inclusive),
    ]
    if meet:
        span = high.normalized - low.normalized
        scale = 10**6
        first = 0 if target.low_inclusive else 1
        last = scale if target.high_inclusive else scale - 1
        values = st.one_of(
            *(st.just(end) for end, included in ends if included),
            st.builds(
                lambda n: low.normalized + span * Fraction(n, scale),
                st.integers(first, last),
            ),
        )
    else:
        values = st.one_of(
            *(st.just(end) for end, included in ends if not included),
            _deltas(positive=True).map(lambda d: (low.value - d) * low.unit.factor),
            _deltas(positive=True).map(lambda d: (high.value + d) * high.unit.factor),
        )
    return values.flatmap(lambda v: _express(v, low.unit, forms))


def _deadline_met(by: DatePoint, month: int, day: int | None, year: int | None) -> bool:
    """The documented rule, written independently of :meth:`DatePoint.key`: years count only
    when both sides give one; a month's end is its last day (29 February without a year)."""
    if year is not None and by.year is not None and year != by.year:
        return year < by.year
    last = by.day if by.day is not None else _last_day(by.month, by.year)
    mine = day if day is not None else _last_day(month, year)
    return (month, mine) <= (by.month, last)


def _year_choices(by: DatePoint, meet: bool) -> list[int | None]:
    years: list[int | None] = [None]
    if by.year is None:
        years += [2023, 2024, 2025]
    else:
        years.append(by.year)
        if meet and by.year > 1:
            years += sorted({max(1, by.year - 1), max(1, by.year - 4), 1})
        if not meet and by.year < 9999:
            years += sorted({by.year + 1, min(9999, by.year + 4), 9999})
    return years


def _feasible_days(by: DatePoint, year: int | None, meet: bool) -> list[tuple[int, int | None]]:
    return [
        (month, day)
        for month in range(1, 13)
        for day in (None, *range(1, _last_day(month, year) + 1))
        if _deadline_met(by, month, day, year) == meet
    ]


def _date_actuals(target: Deadline, forms: tuple[str, ...], meet: bool) -> SearchStrategy[Actual]:
    by = target.by
    options = [
        (year, days) for year in _year_choices(by, meet) if (days := _feasible_days(by, year, meet))
    ]
    if not options:
        raise InvalidArgument(
            f"no date {'meets' if meet else 'misses'} {target!r} (nothing comes after the end "
            "of December unless a later year is given, and years are compared only when both "
            "sides give one)"
        )

    return _dates_from(options, forms)


def _dates_from(
    options: list[tuple[int | None, list[tuple[int, int | None]]]], forms: tuple[str, ...]
) -> SearchStrategy[Actual]:
    """Days drawn from ``options`` (a year, or ``None``, with its candidate ``(month, day)``),
    each given as a :class:`DatePoint`, a :class:`datetime.date` (when it has a year) or text."""

    @st.composite
    def actual(draw: st.DrawFn) -> Actual:
        year, days = draw(st.sampled_from(options))
        month, day = draw(st.sampled_from(days))
        point = DatePoint(month, day, year)
        form = draw(st.sampled_from(forms))
        if form == "date" and year is not None:
            return datetime.date(year, month, day if day is not None else _last_day(month, year))
        if form == "text":
            return draw(_widen(draw(_spell_date(point))))
        return point

    return actual()


def _in_period(span: DateSpan, month: int, day: int | None, year: int | None) -> bool:
    """The documented rule, written independently of :meth:`DateSpan.contains`: with years
    on both sides, calendar order; otherwise the day of the year must fall in the span's part
    of some year."""
    mine = day if day is not None else _last_day(month, year)
    start, end = span.start, span.end
    first = (
        start.month,
        start.day if start.day is not None else _last_day(start.month, start.year),
    )
    last = (end.month, end.day if end.day is not None else _last_day(end.month, end.year))
    if year is not None and start.year is not None and end.year is not None:
        return (start.year, *first) <= (year, month, mine) <= (end.year, *last)
    if start.year is None or start.year == end.year:
        return first <= (month, mine) <= last
    assert end.year is not None
    return end.year - start.year > 1 or (month, mine) >= first or (month, mine) <= last


def _period_actuals(target: Period, forms: tuple[str, ...], meet: bool) -> SearchStrategy[Actual]:
    span = target.span
    years: list[int | None] = [None]
    if span.start.year is not None and span.end.year is not None:
        years += sorted({max(1, span.start.year - 1), span.start.year, span.end.year})
        years.append(min(9999, span.end.year + 1))
    else:
        years += [2024, 2025]
    options = [
        (year, days)
        for year in years
        if (
            days := [
                (month, day)
                for month in range(1, 13)
                for day in (None, *range(1, _last_day(month, year) + 1))
                if _in_period(span, month, day, year) == meet
            ]
        )
    ]
    if not options:
        raise InvalidArgument(
            f"no date {'meets' if meet else 'misses'} {target!r} (a whole year without a "
            "year given holds every day)"
        )

    return _dates_from(options, forms)


def _grade_actuals(forms: tuple[str, ...], meet: bool) -> SearchStrategy[Actual]:
    grades = [Grade.ACHIEVED] if meet else [Grade.PARTIAL, Grade.NOT_ACHIEVED]
    options: list[Actual] = []
    if "grade" in forms:
        options += grades
    if "text" in forms:
        options += [text for grade in grades for text in _GRADE_TEXTS[grade]]
    return st.sampled_from(options)


def _actuals(
    target: AnyTarget, direction: Direction | None, forms: Iterable[str] | None, meet: bool
) -> SearchStrategy[Actual]:
    if direction is not None and not isinstance(direction, Direction):
        raise InvalidArgument(f"direction={direction!r} must be a Direction or None")
    if isinstance(target, Comparison):
        return _comparison_actuals(
            target, direction, check_forms(forms, _AMOUNT_FORMS, target), meet
        )
    if isinstance(target, Range):
        return _range_actuals(target, check_forms(forms, _AMOUNT_FORMS, target), meet)
    if isinstance(target, Deadline):
        return _date_actuals(target, check_forms(forms, _DATE_FORMS, target), meet)
    if isinstance(target, Period):
        return _period_actuals(target, check_forms(forms, _DATE_FORMS, target), meet)
    if isinstance(target, Qualitative):
        return _grade_actuals(check_forms(forms, _GRADE_FORMS, target), meet)
    raise InvalidArgument(f"{target!r} is not an indicatorkit target")


def actuals_meeting(
    target: AnyTarget,
    *,
    direction: Direction | None = None,
    forms: Iterable[str] | None = None,
) -> SearchStrategy[Actual]:
    """Actual values for which ``target.check(actual, direction=direction).met`` is True.

    For a :class:`~indicatorkit.Comparison` or :class:`~indicatorkit.language.Range` the values are,
    by ``forms`` (default all): ``"amount"`` — an :class:`~indicatorkit.language.Amount` in any unit of
    the target's dimension (``元`` for a ``万元`` target, ``‰`` for ``%``); ``"text"`` — the
    same written out (``"60000元"``, full-width digits included); ``"number"`` — an ``int``,
    ``Fraction`` or ``Decimal`` read in the target's own unit (a range's low end's unit); and
    ``"quantity"`` — a pint quantity.  Boundary values are drawn often.  A bare or ``=``
    comparison is met in ``direction`` (at least, unless ``Direction.LOWER``).

    For a :class:`~indicatorkit.language.Deadline` or a :class:`~indicatorkit.language.Period`: ``"point"`` (:class:`~indicatorkit.language.DatePoint`),
    ``"date"`` (:class:`datetime.date`) and ``"text"`` (``"2025年6月30日"``).  For a
    :class:`~indicatorkit.language.Qualitative`: ``"grade"`` (:class:`~indicatorkit.language.Grade`) and
    ``"text"`` (``"达成"``).  Every target can be met.

    >>> from indicatorkit import parse_target
    >>> isinstance(actuals_meeting(parse_target("≥5万元")), SearchStrategy)
    True
    >>> actuals_meeting(parse_target("≥5万元")).example()  # doctest: +SKIP
    '50000元'
    """
    return _actuals(target, direction, forms, meet=True)


def actuals_missing(
    target: AnyTarget,
    *,
    direction: Direction | None = None,
    forms: Iterable[str] | None = None,
) -> SearchStrategy[Actual]:
    """Actual values for which ``target.check(actual, direction=direction).met`` is False;
    the forms are those of :func:`actuals_meeting`.  Values just past the boundary are drawn
    often.

    A target no value misses — a deadline at the end of December without a year
    (``12月底前``) or in year 9999: years are compared only when both sides give one — raises
    :class:`~hypothesis.errors.InvalidArgument` when the strategy is built.  For a
    qualitative target the values name a grade below 达成 (a text naming no grade gives
    ``met=None``, and is never drawn).

    >>> from indicatorkit import parse_target
    >>> isinstance(actuals_missing(parse_target("6月30日前")), SearchStrategy)
    True
    >>> actuals_missing(parse_target("12月底前"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    hypothesis.errors.InvalidArgument: no date misses Deadline('12月底前') ...
    """
    return _actuals(target, direction, forms, meet=False)
