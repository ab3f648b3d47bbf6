"""A month after a number, with and without a unit 月 of the user's (the review's "defining 月
as a unit"): the fast path (``reading._plain``: ``plain``, ``fast_forms``; ``actuals._plain``)
reads every text exactly as the grammar path does, and defining 月 changes no reading the
shipped units gave — the grammar's MONTH outranks a unit word, so 月 after a number is a date's
month wherever one can stand (and 个月 after "/" or 每); the user's 月 is read only where no month
can stand (after a comparator or a multiplier: ``≥12月``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.errors import TextError
from indicatorkit.language import actuals, reading
from indicatorkit.language.conventions import Convention
from indicatorkit.language.targets import Comparison
from indicatorkit.units import UnitRegistry, default_registry

SHIPPED = default_registry()
#: Registries that define a month word as a unit, the ways a user would.
MONTH_UNITS = {
    "月 = 个月": SHIPPED.define("月 = 个月"),
    "月 = [月]": SHIPPED.define("月 = [月]"),
    "月份 = 个月": SHIPPED.define("月份 = 个月"),
    "月票 = [月票]": SHIPPED.define("月票 = [月票]"),
}
REGISTRIES = {"shipped": SHIPPED, **MONTH_UNITS}


def _read(text: str, registry: UnitRegistry) -> object:
    try:
        read = reading._read(registry, text)
    except TextError as error:
        return type(error).__name__
    return (type(read).__name__, str(read), read.reading if isinstance(read, Convention) else None)


def _actual(text: str, registry: UnitRegistry) -> object:
    try:
        read = actuals._read(registry, text)
    except TextError as error:
        return type(error).__name__
    return (type(read).__name__, str(read))


def _same(text: str, registry: UnitRegistry) -> None:
    fast = reading._plain(text, registry)
    if fast is not None:
        assert (type(fast).__name__, str(fast), None) == _read(text, registry), text
    amount = actuals._plain(text, registry)
    if amount is not None:
        assert ("Amount", str(amount)) == _actual(text, registry), text


_PIECES = st.sampled_from(
    [
        *("月", "个月", "月份", "月票", "月底", "月末", "月份"),
        *("3", "12", "6", "1.5", "30", "2023年", "三", "十二"),
        *("≥", "≤", "不超过", "以上", "以内", "内", "之间", "前", "底", "日", "号", "完成"),
        *("/", "每", "·", "次", "元", "人", "万", "万元", "-", "至", "~", "±", "。", " ", "年"),
    ]
)
_BEFORE = st.sampled_from(["", "", "≥", "≤", "不超过", "每年", "每月", "每人每月", "±", "比"])
_NUMBER = st.sampled_from(["3", "12", "6", "13", "1.5", "三", "十二", "2023年12", "2023年", "1万"])
_UNIT = st.sampled_from(["月", "个月", "月份", "月票", "次", "元/", "次每", "元/人·", "人/", ""])
_AFTER = st.sampled_from(
    ["", "", "底前", "底", "末", "30日前", "30号", "前", "以上", "以内", "内", "完成", "。", "之间"]
)
_JOIN = st.sampled_from(["-", "至", "~", "——", "到"])


@st.composite
def _month_texts(draw: st.DrawFn) -> str:
    """An amount or a date with a month word near its number, perhaps two joined: ``≤3月``,
    ``3-6月``, ``12月底前``, ``2次/月``, ``每月2次``, ``2021年1月-12月``."""
    first = draw(_BEFORE) + draw(_NUMBER) + draw(_UNIT)
    first += draw(_UNIT) if first.endswith(("/", "每", "·")) else ""
    if draw(st.booleans()):
        first += draw(_JOIN) + draw(_NUMBER) + draw(_UNIT)
    return first + draw(_AFTER)


_TEXTS = st.one_of(_month_texts(), st.lists(_PIECES, min_size=1, max_size=6).map("".join))


@pytest.mark.parametrize("name", sorted(REGISTRIES))
@settings(max_examples=400, deadline=None)
@given(text=_TEXTS)
def test_the_fast_path_reads_months_as_the_grammar(name: str, text: str) -> None:
    _same(text, REGISTRIES[name])


@pytest.mark.parametrize("name", sorted(MONTH_UNITS))
@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_a_month_unit_changes_no_reading_of_the_shipped_units(name: str, text: str) -> None:
    """What the shipped units read, a registry with a month unit reads alike (targets and
    actuals); it only reads more (``≥12月``) — and a unit word alone is an unfilled cell."""
    if text.strip() in MONTH_UNITS[name].known_unit_set():
        return
    shipped = _read(text, SHIPPED)
    if not isinstance(shipped, str) and shipped[0] != "Qualitative":  # (prose may turn an error)
        assert _read(text, MONTH_UNITS[name]) == shipped, text
    shipped_actual = _actual(text, SHIPPED)
    if not isinstance(shipped_actual, str):
        assert _actual(text, MONTH_UNITS[name]) == shipped_actual, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("≤3月", "≤3月"), ("≥12月", "≥12月"), ("不超过3月", "≤3月"),  # no month can stand here
        ("3个月", "3个月"), ("每月2次", "2次/个月"), ("≥2次/月", "≥2次/个月"),
        ("≥2次每月", "≥2次/个月"), ("≥300元/人·月", "≥300元/人/个月"),
        ("12月底前", "12月底前"), ("6月30号前", "6月30日前"), ("每年11月底前", "11月底前"),
        ("3-6月", "3月～6月"), ("3月至6月", "3月～6月"), ("2021年1月-12月", "2021年1月～12月"),
        ("3月份-6月份", "3月～6月"), ("十二月底前", "12月底前"),
    ],
)  # fmt: skip
def test_texts_with_months_read_one_way_on_both_paths(text: str, expected: str) -> None:
    """The texts the review named, and those that read differently before (with 月 defined,
    ``3-6月`` was a range of 月 on the grammar path and a period on the fast path; ``12月底前``
    failed on the grammar path as a year "12月"; ``≥2次每月`` was 次/个月 on the fast path and
    次/月 on the grammar path, ``≥2次/月`` the other way round)."""
    months = MONTH_UNITS["月 = 个月"]
    read = reading.read_or_convention(text, months)
    assert str(read) == expected, text
    _same(text, months)
    if isinstance(read, Comparison) and expected.endswith("月") and "个月" not in expected:
        assert read.amount.unit.symbol == "月"  # the user's 月, where no month can stand
    else:
        assert _read(text, SHIPPED) == _read(text, months)  # as the shipped units read it


def test_a_month_alone_after_a_number_stays_a_date_with_a_month_unit() -> None:
    """``12月`` names a month (T041: ambiguous, refused strictly) and ``12月`` as an actual is
    December — defining 月 never turns them into an amount of 月 silently."""
    months = MONTH_UNITS["月 = 个月"]
    assert reading._plain("12月", months) is None and actuals._plain("12月", months) is None
    convention = reading.read_or_convention("12月", months)
    assert getattr(convention, "code", None) == "T041"
    assert str(actuals.read_actual("2024年12月", months)) == str(
        actuals.read_actual("2024年12月", SHIPPED)
    )


@pytest.mark.parametrize("text", ["3月以内", "12月以上", "三月以上", "3月份以内", "十二月之内"])
@pytest.mark.parametrize("name", ["shipped", "月 = 个月"])
def test_a_month_before_a_suffix_is_refused_with_the_month_hint(name: str, text: str) -> None:
    """``3月以内``, ``三月以上``: a number of months written as a month — refused alike with
    and without a unit 月 (never a sentence that drops the number, never a silent amount of
    月), the hint saying how a month and a number of months are written."""
    registry = REGISTRIES[name]
    with pytest.raises(TextError) as caught:
        reading.read_or_convention(text, registry)
    assert "月数写作“5个月”" in str(caught.value), text
