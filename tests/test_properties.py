"""Property tests over the strategies of :mod:`indicatorkit.strategies`.

Round trips of canonical text, the meaning of every spelling, unit invariance, exact
boundaries, monotonicity, agreement of the meet/miss strategies with ``check``, and that no
text makes the parsers raise anything but the library's own errors.
"""

from __future__ import annotations

import copy
import os
import pickle
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from indicatorkit import (
    Comparison,
    Direction,
    IndicatorkitError,
    TextError,
    parse_actual,
    parse_target,
)
from indicatorkit.errors import UnknownUnitError
from indicatorkit.language import (
    Amount,
    DatePoint,
    DateSpan,
    Deadline,
    Operator,
    Period,
    Qualitative,
    Range,
    parse_split_target,
)
from indicatorkit.language.lenient import LenientParse
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.scoring.attainment import attainment
from indicatorkit.strategies import (
    actuals_meeting,
    actuals_missing,
    amounts,
    comparisons,
    date_points,
    deadlines,
    qualitatives,
    ranges,
    target_texts,
    target_texts_with_targets,
    targets,
)
from indicatorkit.units import SCALES, Unit, default_registry, known_unit_words, scaled, unit

#: INDICATORKIT_PROPERTY_SCALE=20 runs twenty times more examples (for a soak run).
SCALE = float(os.environ.get("INDICATORKIT_PROPERTY_SCALE", "1"))


def _settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


FAST = _settings(150)
SLOW = _settings(60)

DIRECTIONS = st.sampled_from([None, Direction.HIGHER, Direction.LOWER])
BOUNDS = [Operator.GE, Operator.GT, Operator.LE, Operator.LT]


def _check_met(target: object, actual: object, direction: Direction | None = None) -> bool | None:
    return target.check(actual, direction=direction).met  # type: ignore[attr-defined,no-any-return]


# ---------------------------------------------------------------------------------------------
# Canonical text


@FAST
@given(target=st.one_of(targets(), comparisons(places=12), ranges(places=12)))
def test_canonical_text_round_trips(target: object) -> None:
    parsed = parse_target(str(target))
    assert parsed == target
    assert hash(parsed) == hash(target)
    assert str(parsed) == str(target)  # canonical text is a fixed point
    assert parse_target(str(parsed)) == parsed
    # padding sends the text past the parser's fast path to the grammar: same meaning
    assert parse_target(f" {target} ") == target


@FAST
@given(amount=amounts())
def test_amount_text_round_trips_as_an_actual(amount: Amount) -> None:
    parsed = parse_actual(str(amount))
    assert parsed == amount
    assert str(parsed) == str(amount)
    assert parse_actual(f" {amount} ") == amount


@FAST
@given(point=date_points(min_year=1, max_year=9999))
def test_date_text_round_trips_as_an_actual(point: DatePoint) -> None:
    assert parse_actual(str(point)) == point
    assert parse_target(str(Deadline(point))) == Deadline(point)


# ---------------------------------------------------------------------------------------------
# Spellings


@FAST
@given(pair=target_texts_with_targets())
def test_every_spelling_means_its_target(pair: tuple[str, object]) -> None:
    text, expected = pair
    parsed = parse_target(text)
    assert parsed == expected
    assert hash(parsed) == hash(expected)
    lenient = parse_target(text, lenient=True)
    assert lenient.target == expected
    assert lenient.diagnostics == ()


@SLOW
@given(pair=target_texts_with_targets(kinds=["comparison"]))
def test_comparison_spellings(pair: tuple[str, object]) -> None:
    text, expected = pair
    assert parse_target(text) == expected


@SLOW
@given(pair=target_texts_with_targets(kinds=["range"]))
def test_range_spellings(pair: tuple[str, object]) -> None:
    text, expected = pair
    assert parse_target(text) == expected


@SLOW
@given(pair=target_texts_with_targets(kinds=["deadline", "qualitative"]))
def test_deadline_and_prose_spellings(pair: tuple[str, object]) -> None:
    text, expected = pair
    assert parse_target(text) == expected


@FAST
@given(text=target_texts(spelling="canonical"))
def test_canonical_texts_are_canonical(text: str) -> None:
    assert str(parse_target(text)) == text


@FAST
@given(
    target=comparisons(operators=[*BOUNDS, Operator.EQ]),
    wide=st.booleans(),
    data=st.data(),
)
def test_the_split_form_means_the_merged_text(
    target: Comparison, wide: bool, data: st.DataObject
) -> None:
    """The national system's three fields (operator, number, unit) give the merged target."""
    amount = target.amount
    assert target.operator is not None
    try:
        unit(amount.unit.symbol)
    except UnknownUnitError:
        return  # 万人, 十万元: a multiplier is not a unit field
    sign = target.operator.value
    if wide:
        sign = sign.replace(">", "＞").replace("<", "＜").replace("=", "＝")
    text = format_decimal(amount.value)
    values: list[str | int | Decimal | Fraction] = [text, Decimal(text), amount.value]
    if amount.value.denominator == 1:
        values.append(int(amount.value))
    value = data.draw(st.sampled_from(values))
    assert parse_split_target(sign, value, amount.unit.symbol) == target


@SLOW
@given(target=qualitatives())
def test_the_split_form_of_a_sentence(target: Qualitative) -> None:
    assert parse_split_target("定性", target.text, "") == target


# ---------------------------------------------------------------------------------------------
# Units


#: Units of one dimension whose factors differ by powers of ten: any amount written in one
#: is written exactly in the others.
UNIT_FAMILIES = [
    ("元", "千元", "万元", "亿元"),
    ("%", "‰", "比率", "百分比"),
    ("人次", "万人次"),
    ("米", "公里", "千米"),
    ("千克", "公斤", "吨"),
    ("平方米", "公顷", "平方公里"),
    ("", "万", "亿", "千"),
    ("人", "名", "万人"),
]


def _written(value: Fraction, word: str) -> str:
    return format_decimal(value) + word


@SLOW
@given(
    family=st.sampled_from(UNIT_FAMILIES),
    op=st.sampled_from([None, *Operator]),
    base_value=st.builds(Fraction, st.integers(-(10**9), 10**9), st.sampled_from([1, 100])),
    direction=DIRECTIONS,
    data=st.data(),
)
def test_same_amount_in_other_units_is_the_same_target(
    family: tuple[str, ...],
    op: Operator | None,
    base_value: Fraction,
    direction: Direction | None,
    data: st.DataObject,
) -> None:
    first, second = data.draw(st.sampled_from(family)), data.draw(st.sampled_from(family))
    base = min(family, key=lambda w: _resolve(w).factor)
    total = base_value * _resolve(base).factor
    sign = "" if op is None else op.value
    one = parse_target(sign + _written(total / _resolve(first).factor, first))
    other = parse_target(sign + _written(total / _resolve(second).factor, second))
    assert one == other
    assert hash(one) == hash(other)
    forms = ["amount", "text", "quantity"]  # plain numbers are read in each target's own unit
    actual = data.draw(
        st.one_of(
            actuals_meeting(one, direction=direction, forms=forms),
            actuals_missing(one, direction=direction, forms=forms),
        )
    )
    assert _check_met(one, actual, direction) == _check_met(other, actual, direction)
    assert attainment(one.check(actual, direction=direction)) == attainment(
        other.check(actual, direction=direction)
    )


def _resolve(word: str) -> Unit:
    try:
        return unit(word)
    except UnknownUnitError:
        for scale in sorted(SCALES, key=len, reverse=True):
            if word.startswith(scale):
                return scaled(scale, unit(word[len(scale) :]))
        raise


def _unit_words_like(amount: Amount) -> list[str]:
    """Unit texts of the amount's dimension: registry words, 万/亿 for plain numbers, and for a
    rate every rate of words of its two dimensions (元/人, 万元/名 …)."""
    symbol = amount.unit.symbol
    if "/" in symbol:
        top, *bottoms = symbol.split("/")
        rates = [w for w in known_unit_words() if unit(w).dimension == _resolve(top).dimension]
        for bottom in bottoms:
            under = [w for w in known_unit_words() if unit(w).dimension == unit(bottom).dimension]
            rates = [f"{rate}/{word}" for rate in rates for word in under]
        return rates
    words = ["", *known_unit_words(), "万", "亿"]
    return [w for w in words if _resolve(w).dimension == amount.dimension]


@FAST
@given(amount=amounts(), data=st.data())
def test_equal_amounts_hash_equal(amount: Amount, data: st.DataObject) -> None:
    other_unit = _resolve(data.draw(st.sampled_from(_unit_words_like(amount))))
    other = Amount(amount.normalized / other_unit.factor, other_unit)
    assert other == amount
    assert hash(other) == hash(amount)
    op = data.draw(st.sampled_from([None, *Operator]))
    if is_terminating(other.value):
        assert Comparison(op, other) == Comparison(op, amount)
        assert hash(Comparison(op, other)) == hash(Comparison(op, amount))
        assert Range(other, amount) == Range(amount, amount)
        assert hash(Range(other, amount)) == hash(Range(amount, other))


# ---------------------------------------------------------------------------------------------
# Boundaries


def _boundary_actuals(amount: Amount) -> list[object]:
    """The amount itself in every form check accepts."""
    value = amount.value
    actuals: list[object] = [str(amount), amount, value, Decimal(format_decimal(value))]
    if value.denominator == 1:
        actuals.append(int(value))
    for word in _unit_words_like(amount):  # the same amount in another unit
        other = _resolve(word)
        number = amount.normalized / other.factor
        actuals.append(Amount(number, other))
        if is_terminating(number):
            actuals.append(_written(number, word))
    return actuals


@FAST
@given(op=st.sampled_from(BOUNDS), amount=amounts(), direction=DIRECTIONS)
@example(op=Operator.GT, amount=Amount(5, unit("万元")), direction=None)
@example(op=Operator.GE, amount=Amount(95, unit("%")), direction=None)
def test_boundaries_are_exact(op: Operator, amount: Amount, direction: Direction | None) -> None:
    target = parse_target(op.value + str(amount))
    inclusive = op in (Operator.GE, Operator.LE)
    for actual in _boundary_actuals(amount):
        result = target.check(actual, direction=direction)
        assert result.met is inclusive, actual
        if amount.normalized > 0:
            assert attainment(result) == 1, actual
            assert type(attainment(result)) is Fraction
        else:  # no ratio to a target at or below zero
            assert attainment(result) in (None, 1), actual


@FAST
@given(op=st.sampled_from([None, Operator.EQ]), amount=amounts(), direction=DIRECTIONS)
def test_a_bare_value_is_reached_at_the_boundary(
    op: Operator | None, amount: Amount, direction: Direction | None
) -> None:
    target = Comparison(op, amount)
    for actual in _boundary_actuals(amount):
        assert target.check(actual, direction=direction).met is True, actual


@FAST
@given(target=ranges())
def test_range_ends_are_included_as_each_end_says(target: Range) -> None:
    for end, included in ((target.low, target.low_inclusive), (target.high, target.high_inclusive)):
        for actual in _boundary_actuals(end):
            if isinstance(actual, int | Fraction | Decimal):
                continue  # plain numbers are read in the low end's unit
            result = target.check(actual)
            assert result.met is included, actual
            assert result.met is target.bounds().contains(end.normalized)
            if included:
                assert attainment(result) == 1, actual


@FAST
@given(target=ranges())
def test_open_range_round_trips_and_keeps_its_ends(target: Range) -> None:
    again = parse_target(str(target))
    assert again == target
    bounds = target.bounds()
    assert bounds.lower is not None and bounds.upper is not None
    assert (bounds.lower.inclusive, bounds.upper.inclusive) == (
        target.low_inclusive,
        target.high_inclusive,
    )


# ---------------------------------------------------------------------------------------------
# Monotonicity


NUMBERS = st.builds(Fraction, st.integers(-(10**7), 10**7), st.sampled_from([1, 10, 100, 1000]))
STEPS = st.builds(Fraction, st.integers(0, 10**7), st.sampled_from([1, 10, 1000]))


@FAST
@given(target=comparisons(), x=NUMBERS, step=STEPS, direction=DIRECTIONS)
def test_meeting_is_monotone(
    target: Comparison, x: Fraction, step: Fraction, direction: Direction | None
) -> None:
    y = x + step
    met_x, met_y = _check_met(target, x, direction), _check_met(target, y, direction)
    unit_ = target.amount.unit
    assert met_x == _check_met(target, Amount(x, unit_), direction)
    if target.effective_operator(direction).is_lower_bound:
        assert not met_x or met_y
    else:
        assert not met_y or met_x


@FAST
@given(
    target=comparisons(min_value=Fraction(1, 100)),
    x=st.builds(Fraction, st.integers(1, 10**7), st.sampled_from([1, 10, 1000])),
    step=STEPS,
    direction=DIRECTIONS,
)
def test_attainment_is_monotone_for_positive_values(
    target: Comparison, x: Fraction, step: Fraction, direction: Direction | None
) -> None:
    y = x + step
    att_x = attainment(target.check(x, direction=direction))
    att_y = attainment(target.check(y, direction=direction))
    assert att_x is not None and att_y is not None
    if target.effective_operator(direction).is_lower_bound:
        assert att_x <= att_y
    else:
        assert att_x >= att_y


@FAST
@given(
    target=ranges(min_value=Fraction(1, 100)),
    x=st.builds(Fraction, st.integers(1, 10**9), st.sampled_from([1, 10, 1000])),
    step=STEPS,
)
def test_range_attainment_rises_to_the_range_and_falls_after_it(
    target: Range, x: Fraction, step: Fraction
) -> None:
    y = x + step
    low, high = target.low.normalized, target.high.normalized
    factor = target.low.unit.factor  # plain numbers are read in the low end's unit
    att_x, att_y = attainment(target.check(x)), attainment(target.check(y))
    assert att_x is not None and att_y is not None
    assert att_x <= 1 and att_y <= 1
    if y * factor <= low:
        assert att_x <= att_y
    if x * factor >= high:
        assert att_x >= att_y
    assert target.check(x).met == target.bounds().contains(x * factor)
    assert target.check(x).met == (
        (low < x * factor or (target.low_inclusive and low == x * factor))
        and (x * factor < high or (target.high_inclusive and x * factor == high))
    )


def _agrees(target: object, actual: object, direction: Direction | None) -> None:
    result = target.check(actual, direction=direction)  # type: ignore[attr-defined]
    ratio = attainment(result)
    if ratio is None:
        return
    if isinstance(target, Range):
        # met means attainment 1; an excluded end is attainment 1 but missed (as a strict bound)
        value = result.value
        assert isinstance(value, Amount)
        on_open_end = (value.normalized == target.low.normalized and not target.low_inclusive) or (
            value.normalized == target.high.normalized and not target.high_inclusive
        )
        assert result.met == (ratio == 1 and not on_open_end), (actual, ratio)
        assert ratio <= 1
        return
    assert isinstance(target, Comparison)
    if target.effective_operator(direction) in (Operator.GE, Operator.LE):
        assert result.met == (ratio >= 1), (actual, ratio)
    else:
        assert result.met == (ratio > 1), (actual, ratio)


@FAST
@given(
    target=st.one_of(comparisons(min_value=Fraction(1, 100)), ranges(min_value=Fraction(1, 100))),
    x=st.builds(Fraction, st.integers(1, 10**7), st.sampled_from([1, 10, 1000])),
    direction=DIRECTIONS,
)
def test_attainment_agrees_with_met_for_positive_values(
    target: Comparison | Range, x: Fraction, direction: Direction | None
) -> None:
    _agrees(target, x, direction)


@FAST
@given(target=st.one_of(comparisons(), ranges()), direction=DIRECTIONS, data=st.data())
def test_attainment_agrees_with_met(
    target: Comparison | Range, direction: Direction | None, data: st.DataObject
) -> None:
    """Met means attainment at least 1 (above 1 for a strict bound), for any sign."""
    actual = data.draw(
        st.one_of(
            actuals_meeting(target, direction=direction),
            actuals_missing(target, direction=direction),
        )
    )
    _agrees(target, actual, direction)


# ---------------------------------------------------------------------------------------------
# The meet / miss strategies


def _cannot_be_missed(target: object) -> bool:
    """Nothing comes after the end of December, unless a later year is given; and a whole
    year with no year given (``1月～12月``) holds every day."""
    if isinstance(target, Period):
        start, end = target.span.start, target.span.end
        return start.year is None and start.key() == (1, 1) and end.key() == (12, 31)
    return (
        isinstance(target, Deadline)
        and target.by.year in (None, 9999)
        and target.by.month == 12
        and target.by.day in (None, 31)
    )


@FAST
@given(target=targets(), direction=DIRECTIONS, data=st.data())
def test_meeting_actuals_meet_and_missing_actuals_miss(
    target: object, direction: Direction | None, data: st.DataObject
) -> None:
    meeting = data.draw(actuals_meeting(target, direction=direction))  # type: ignore[arg-type]
    result = target.check(meeting, direction=direction)  # type: ignore[attr-defined]
    assert result.met is True, meeting
    attainment(result)
    try:
        missing_actuals = actuals_missing(target, direction=direction)  # type: ignore[arg-type]
    except InvalidArgument:
        assert _cannot_be_missed(target)
        return
    assert not _cannot_be_missed(target)
    missing = data.draw(missing_actuals)
    result = target.check(missing, direction=direction)  # type: ignore[attr-defined]
    assert result.met is False, missing
    attainment(result)


@FAST
@given(target=targets(), direction=DIRECTIONS, data=st.data())
def test_targets_and_results_pickle_and_copy(
    target: object, direction: Direction | None, data: st.DataObject
) -> None:
    """Targets and check results survive pickle and copy (multiprocessing, caches)."""
    forms = ["amount", "text", "number", "point", "date", "grade"]  # no pint quantities
    actual = data.draw(actuals_meeting(target, direction=direction, forms=forms))  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(target)) == target
    assert copy.deepcopy(target) == target
    result = target.check(actual, direction=direction)  # type: ignore[attr-defined]
    for clone in (pickle.loads(pickle.dumps(result)), copy.copy(result), copy.deepcopy(result)):
        assert clone == result
        assert clone.met == result.met
        assert attainment(clone) == attainment(result)


@FAST
@given(
    target=st.one_of(comparisons(), ranges()),
    x=st.floats(allow_nan=False, allow_infinity=False),
    direction=DIRECTIONS,
)
def test_a_float_means_its_shortest_repr(
    target: Comparison | Range, x: float, direction: Direction | None
) -> None:
    """A float actual is read as the decimal it prints as (95.1 is 95.1), in every path."""
    as_decimal = Decimal(repr(x))
    assert (
        target.check(x, direction=direction).met
        == target.check(as_decimal, direction=direction).met
    )
    assert (
        target.check(x, direction=direction).met
        == target.check(Fraction(as_decimal), direction=direction).met
    )
    assert attainment(target.check(x, direction=direction)) == attainment(
        target.check(as_decimal, direction=direction)
    )


def _kind_of(target: object) -> str:
    if isinstance(target, Comparison):
        return target.amount.dimension
    if isinstance(target, Range):
        return target.low.dimension
    if isinstance(target, Deadline | Period):
        return "date"  # both take a day (or a period) as their actual
    return type(target).__name__


@FAST
@given(
    target=targets(kinds=["comparison", "range", "deadline"]),
    other=targets(),
    data=st.data(),
)
def test_an_actual_of_another_kind_is_refused(
    target: object, other: object, data: st.DataObject
) -> None:
    """An amount of another dimension, a date for an amount, an amount for a deadline, a grade
    for either: the library's own error (DimensionMismatchError), never a TypeError."""
    assume(_kind_of(target) != _kind_of(other))
    forms = ["amount", "text", "quantity", "point", "date", "grade"]
    if isinstance(target, Deadline):
        forms.append("number")  # plain numbers are read in an amount target's own unit
    actual = data.draw(actuals_meeting(other, forms=forms))  # type: ignore[arg-type]
    with pytest.raises(IndicatorkitError):
        target.check(actual)  # type: ignore[attr-defined]
    with pytest.raises(IndicatorkitError):
        attainment(target.check(actual))  # type: ignore[attr-defined]


@SLOW
@given(target=deadlines(min_year=1, max_year=9999), data=st.data())
def test_deadline_actuals_over_all_years(target: Deadline, data: st.DataObject) -> None:
    assert target.check(data.draw(actuals_meeting(target))).met is True
    if not _cannot_be_missed(target):
        assert target.check(data.draw(actuals_missing(target))).met is False


@SLOW
@given(target=qualitatives(), data=st.data())
def test_qualitative_grades(target: Qualitative, data: st.DataObject) -> None:
    assert target.check(data.draw(actuals_meeting(target))).met is True
    assert target.check(data.draw(actuals_missing(target))).met is False
    assert target.check("尚未评价").met is None
    assert attainment(target.check("达成")) is None


# ---------------------------------------------------------------------------------------------
# Never crash


RICH = st.lists(
    st.one_of(
        st.sampled_from(
            list(
                "0123456789０１２３４５６７８９.,，．%％‰﹪<>=≥≤≧≦＜＞＝~～〜-－−—–―"
                "至到之间以上下内及或不低于高大小等为达少多超过足满前后底末日号月年完成本度"
                "零〇一二两三四五六七八九十百千万亿点分元件人次天个工作名位场份项户克米"
                " \t\u3000\n;；:：、。!！?？()（）指标值约左右含e+"
            )
        ),
        st.sampled_from(
            [
                "百分之",
                "千分之",
                "万元",
                "人次",
                "个工作日",
                "以上",
                "以下",
                "不低于",
                "年底",
                "12月",
                ",=",
                "=>",
                "指标值",
                "1,616,387.84",
                "2025年",
                "之间",
                "及时足额发放",
            ]
        ),
        st.characters(),
    ),
    max_size=14,
).map("".join)


def _check_error(error: IndicatorkitError, text: str) -> None:
    assert isinstance(error, ValueError)
    assert str(error)
    if isinstance(error, TextError):
        assert 0 <= error.position <= len(error.text), (error.position, error.text)
        assert error.text == text or not text
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)


def _never_crash(text: str) -> None:
    try:
        target = parse_target(text)
    except IndicatorkitError as error:
        _check_error(error, text)
    else:
        assert isinstance(target, Comparison | Range | Deadline | Period | Qualitative)
        assert parse_target(str(target)) == target  # whatever reads, its canonical text reads
        if isinstance(target, Qualitative):  # the sentence as written (perhaps unquoted)
            assert target.text in text
    try:
        lenient = parse_target(text, lenient=True)
    except IndicatorkitError as error:
        _check_error(error, text)
    else:
        assert isinstance(lenient, LenientParse)
        for diagnostic in lenient.diagnostics:
            assert 0 <= diagnostic.position <= diagnostic.end <= len(text)
            assert text[diagnostic.position : diagnostic.end] == diagnostic.original
    try:
        actual = parse_actual(text)
    except IndicatorkitError as error:
        _check_error(error, text)
    else:
        assert isinstance(actual, Amount | DatePoint | DateSpan)


@_settings(300)
@given(text=st.text())
def test_any_text_parses_or_raises_a_library_error(text: str) -> None:
    _never_crash(text)


@_settings(600)
@given(text=RICH)
@example(text="≥95%%")
@example(text=",=100")
@example(text="")
@example(text="２０２５年２月２９日前")
def test_target_like_text_parses_or_raises_a_library_error(text: str) -> None:
    _never_crash(text)


@FAST
@given(text=RICH)
@example(text="95分以上")
@example(text=";")
@example(text="“及时”发放”")
def test_every_qualitative_text_round_trips(text: str) -> None:
    """Whatever text a Qualitative holds, its canonical text reads back as it."""
    try:
        target = Qualitative(text)
    except ValueError:
        return
    assert parse_target(str(target)) == target
    assert str(parse_target(str(target))) == str(target)


# ---------------------------------------------------------------------------------------------
# Strategy knobs


def test_strategies_reject_bad_arguments() -> None:
    with pytest.raises(InvalidArgument):
        amounts(min_value=2, max_value=1).example()
    with pytest.raises(InvalidArgument):
        amounts(units=["人天"]).example()
    with pytest.raises(InvalidArgument):
        amounts(min_value=Fraction(1, 3), max_value=Fraction(1, 3), places=5).example()
    with pytest.raises(InvalidArgument):
        targets(kinds=["nothing"]).example()  # type: ignore[list-item]
    with pytest.raises(InvalidArgument):
        actuals_missing(parse_target("12月底前"))
    with pytest.raises(InvalidArgument):
        actuals_meeting(parse_target("≥5件"), forms=["date"])


@SLOW
@given(
    amount=amounts(units=["%", "万元"], min_value=0, max_value=100, places=1),
)
def test_amount_knobs_are_respected(amount: Amount) -> None:
    assert 0 <= amount.value <= 100
    assert (amount.value * 10).denominator == 1
    assert amount.unit in (unit("%"), unit("万元"))


# ---------------------------------------------------------------------------------------------
# Bugs the properties found, pinned as examples (each fails until the library is fixed)


def test_a_pint_rate_is_an_actual() -> None:
    """A pint quantity of a rate checks like the rate's text (its units format as “元 / 人”)."""
    quantity = default_registry().pint.Quantity(Fraction(200), "元/人")
    assert parse_target("≥100元/人").check(quantity).met is True
    assert (
        parse_target("≥100元/人")
        .check(default_registry().pint.Quantity(Fraction(2), "万元/人"))
        .met
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五千克", Comparison(None, Amount(5, unit("千克")))),
        ("≥五十千克", Comparison(Operator.GE, Amount(50, unit("千克")))),
        ("≥零千克", Comparison(Operator.GE, Amount(0, unit("千克")))),
    ],
)
def test_a_chinese_numeral_before_a_unit_that_starts_like_a_numeral(
    text: str, expected: Comparison
) -> None:
    """The numeral must not swallow the 千 of 千克 (五千克 is 5千克, as 5千克 is)."""
    assert parse_target(text) == expected


@pytest.mark.parametrize(
    ("text", "value"), [("一千零十", 1010), ("一万零十件", 10010), ("十万零十", 100010)]
)
def test_zero_then_ten_in_chinese_numerals(text: str, value: int) -> None:
    """零十 is ten (一千零十 = 1010), not zero times ten."""
    target = parse_target(text)
    assert isinstance(target, Comparison)
    assert target.amount.value == value


@pytest.mark.parametrize(
    ("text", "value"), [("一万五", 15000), ("三千五", 3500), ("两万三", 23000)]
)
def test_abbreviated_chinese_numerals_are_not_misread(text: str, value: int) -> None:
    """一万五 is 15000 in everyday writing: read it so, or refuse it — never 10005."""
    try:
        target = parse_target(text)
    except IndicatorkitError:
        return
    assert isinstance(target, Comparison)
    assert target.amount.value == value


@pytest.mark.parametrize("text", ["≥95%\n", "两百件\r\n", "\n12月底前", "90%～100%\n"])
def test_line_breaks_around_a_target_are_whitespace(text: str) -> None:
    """A cell copied from Excel often ends in a line break; spaces and tabs are ignored, so the
    line break should be too."""
    assert parse_target(text) == parse_target(text.strip())
