"""Hostile input: only the library's own located errors escape, nothing is lost or changed,
and a loader never returns a partial spec.  Each test keeps the reproducer it was found with."""

from __future__ import annotations

import functools
import os
import pickle
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import indicatorkit
from indicatorkit import (
    IndicatorkitError,
    SpecError,
    TextError,
    dumps,
    load,
    loads,
    parse_actual,
    parse_target,
)
from indicatorkit.errors import DimensionMismatchError, InvalidValueError
from indicatorkit.units import default_registry

Q = default_registry().pint.Quantity
#: INDICATORKIT_PROPERTY_SCALE=20 runs twenty times more fuzz examples (the longer profile,
#: by hand); CI runs the fixed budget below.
SCALE = float(os.environ.get("INDICATORKIT_PROPERTY_SCALE", "1"))


# ---- numbers too long for Python's int conversion -----------------------------------------


@pytest.mark.parametrize("text", ["9" * 5000, "≥" + "9" * 5000 + "件", "9" * 101 + "%"])
def test_a_huge_number_is_a_located_error(text: str) -> None:
    with pytest.raises(TextError) as caught:
        parse_target(text)
    assert "数字过长" in str(caught.value)
    with pytest.raises(TextError):
        parse_actual(text.lstrip("≥"))


@pytest.mark.parametrize(
    "spec",
    [
        "项目 1\n  预算：" + "9" * 5000 + "元\n",
        "部门 1 x\n  年度：" + "9" * 5000 + "\n",
        "项目 " + "9" * 5000 + "\n",
        "项目 1\n  指标 产出指标 / 数量指标 / x\n    指标值：≥" + "9" * 5000 + "件\n",
        "部门 1 x\n  目标 " + "9" * 5000 + "：y\n",
    ],
)
def test_a_huge_number_in_a_spec_is_a_finding(spec: str) -> None:
    with pytest.raises(SpecError) as caught:
        loads(spec)
    assert caught.value.findings


# ---- pint and recursion -----------------------------------------------------------------------


def test_a_long_rate_unit_is_a_located_error() -> None:
    text = "5元" + "/人" * 960
    for call in (parse_target, parse_actual, lambda t: parse_target("≥5元").check(t)):
        with pytest.raises(TextError):
            call(text)
    with pytest.raises(SpecError):
        loads(f"项目 1\n  指标 产出指标 / 数量指标 / x\n    指标值：≥{text}\n")


@pytest.mark.parametrize("units", ["元*人", "元**2", "1/元"])
def test_pint_quantities_of_units_we_do_not_have_are_our_error(units: str) -> None:
    with pytest.raises(IndicatorkitError):
        parse_target("≥5元").check(Q(Fraction(1), units))


def test_a_decimal_magnitude_quantity_is_read_exactly() -> None:
    assert parse_target("≥5元").check(Q(Decimal("5.00"), "元")).met is True


def test_dimensionless_quantities_keep_their_scale() -> None:
    assert parse_target("≥5000").check(Q(Fraction(1), "万元/元")).met is True  # 10,000
    with pytest.raises(DimensionMismatchError):  # 96 percent is 0.96, not 96
        parse_target("≥95").check(Q(Fraction(96), "percent"))


def test_a_deeply_nested_spec_is_a_finding() -> None:
    text = "".join("  " * depth + f"项目 {depth}\n" for depth in range(500))
    with pytest.raises(SpecError) as caught:
        loads(text)
    assert caught.value.findings[0].code == "IK003"
    assert "层级过深" in caught.value.findings[0].message


@pytest.mark.parametrize("weight", ["1/0", "５/０"])
def test_a_zero_denominator_weight_is_a_finding(weight: str) -> None:
    with pytest.raises(SpecError) as caught:
        loads(f"项目 1\n  指标 产出指标 / 数量指标 / x\n    指标值：≥1件\n    分值：{weight}\n")
    assert caught.value.findings[0].code == "IK020"


def test_a_path_with_a_nul_is_ik001() -> None:
    with pytest.raises(SpecError) as caught:
        load("a\x00b")
    assert caught.value.findings[0].code == "IK001"


def test_an_astronomic_decimal_is_refused_quickly() -> None:
    with pytest.raises(InvalidValueError):
        parse_target("90%-100%").check(Decimal("1e10000000"))
    assert parse_target("≥95").check(Decimal("1e10000000")).met is True  # exact, no big int


# ---- wrong answers and lost data ---------------------------------------------------------------


def test_thousands_separators_in_figures_keep_the_figure() -> None:
    spec = loads("部门 1 x\n  目标 1：y\n    数据：1,000人、1,616,387.84元, 5件\n")
    figures = spec.department.goals[0].figures  # type: ignore[union-attr]
    assert [str(figure) for figure in figures] == ["1000人", "1616387.84元", "5件"]
    assert loads(dumps(spec)) == spec


@pytest.mark.parametrize("numbers", ["13-6", "1-1000000"])
def test_an_invalid_withheld_range_is_a_finding(numbers: str) -> None:
    with pytest.raises(SpecError) as caught:
        loads(f"项目 {numbers}\n  暂不公开：保密\n")
    assert caught.value.findings[0].code == "IK018"


@pytest.mark.parametrize("text", ["≥10²件", "≥9⁵%", "≥½件", "≥①件"])
def test_superscripts_and_the_like_are_not_digits(text: str) -> None:
    with pytest.raises(TextError):
        parse_target(text)


@pytest.mark.parametrize("text", ["≥100万元除外", "≥95%未完成", "≥5%同比增长", "百分之", "下降≥5%"])
def test_lenient_reading_never_drops_words_that_change_the_meaning(text: str) -> None:
    with pytest.raises(TextError):
        parse_target(text, lenient=True)


@pytest.mark.parametrize("text", ["五万千元", "一亿万元"])
def test_ill_formed_numerals_are_not_guessed(text: str) -> None:
    # read as a well-formed numeral and a unit, exactly as the Arabic form is read
    arabic = text.replace("五万", "5万").replace("一亿", "1亿")
    assert parse_target(text) == parse_target(arabic)


def test_a_lone_cr_ends_a_line() -> None:
    spec = loads("项目 1\r  预算：1元\r")
    assert spec.projects[0].name == ""
    assert str(spec.projects[0].budget.total) == "1元"  # type: ignore[union-attr]


def test_mixed_tabs_and_spaces_point_at_the_mixed_line() -> None:
    text = "项目 1\n  预算：1元\n \t指标 产出指标 / 数量指标 / x\n    指标值：≥1件\n  编码：X\n"
    with pytest.raises(SpecError) as caught:
        loads(text)
    finding = caught.value.findings[0]
    assert (finding.code, finding.line) == ("IK003", 3)


# ---- errors cross process boundaries whole ---------------------------------------------------


def test_errors_pickle_whole() -> None:
    errors: list[Exception] = []
    for call in (
        lambda: parse_target("≥200件").check("200人"),
        lambda: parse_target("≥95%%"),
        lambda: parse_target("≥5人天"),
        lambda: loads("项目 1\n  指标值：≥95%\n"),
        lambda: default_registry().define("cm = [length]/100"),
    ):
        with pytest.raises(IndicatorkitError) as caught:
            call()
        errors.append(caught.value)
    for error in errors:
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)
        assert vars(again) == vars(error)


_PICKLE_WITH_TRACEBACKS = """
import pickle
from indicatorkit import loads, parse_actual, parse_target
from indicatorkit.errors import IndicatorkitError
from indicatorkit.units import default_registry
import tblib.pickling_support
tblib.pickling_support.install()  # as dask does: every exception travels with its chain
calls = (
    lambda: parse_target("≥200件").check("200人"),
    lambda: parse_target("≥95%%"),
    lambda: parse_target("≥5人天"),
    lambda: parse_target("13月底前"),
    lambda: parse_actual("约%%"),
    lambda: loads("项目 1\\n  指标值：≥95%\\n"),
    lambda: default_registry().define("cm = [length]/100"),
)
for call in calls:
    try:
        call()
    except IndicatorkitError as error:
        assert str(pickle.loads(pickle.dumps(error))) == str(error)
    else:
        raise AssertionError("no error")
print("all pickled")
"""


def test_errors_pickle_whole_where_tracebacks_travel_too() -> None:
    """Dask installs tblib's hook: an exception is pickled with its context and traceback.
    Our errors never carry lark's exception (with its parser state) as their context."""
    pytest.importorskip("tblib.pickling_support")
    run = subprocess.run(
        [sys.executable, "-c", _PICKLE_WITH_TRACEBACKS],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 0 and "all pickled" in run.stdout, run.stderr


# ---- fuzz: a target or our error, for any text and any actual ---------------------------------

TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from("≥≤<>=%万元件人次月底前-～,，。"),
    max_size=40,
)


@settings(max_examples=int(400 * SCALE), deadline=None)
@given(text=TEXT)
def test_any_text_reads_or_raises_our_error(text: str) -> None:
    for lenient in (False, True):
        try:
            parse_target(text, lenient=lenient)
        except IndicatorkitError:
            pass
    try:
        parse_actual(text)
    except IndicatorkitError:
        pass


@settings(max_examples=int(300 * SCALE), deadline=None)
@given(
    target=st.sampled_from(["≥95%", "90%-100%", "12月底前", "及时足额发放", "≤1次", ">5万元"]),
    actual=st.one_of(
        TEXT,
        st.integers(),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.fractions(),
        st.floats(),
    ),
)
def test_any_actual_checks_or_raises_our_error(target: str, actual: object) -> None:
    try:
        parse_target(target).check(actual)  # type: ignore[arg-type]
    except IndicatorkitError:
        pass


@settings(max_examples=int(200 * SCALE), deadline=None)
@given(data=st.data())
def test_any_mutation_of_the_seed_loads_or_raises_our_error(data: st.DataObject) -> None:
    seed = (Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec").read_text(
        encoding="utf-8"
    )
    start = data.draw(st.integers(0, len(seed)))
    end = data.draw(st.integers(start, min(len(seed), start + 40)))
    insert = data.draw(TEXT)
    mutated = seed[:start] + insert + seed[end:]
    try:
        spec = loads(mutated)
    except SpecError as error:
        assert error.findings
        return
    assert loads(dumps(spec)) == spec
    indicatorkit.lint(spec)


# ---- the model validates once, whatever the source ----------------------------------------


@functools.cache
def _example_data() -> dict[str, Any]:
    """The example's data, read once for every example below (each changes a deep copy)."""
    example = load(Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec")
    return indicatorkit.formats.to_data(example)


@settings(max_examples=int(150 * SCALE), deadline=None)
@given(data=st.data())
def test_what_from_data_accepts_dumps_and_loads_accept(data: st.DataObject) -> None:
    import copy

    changed = copy.deepcopy(_example_data())
    project = data.draw(st.integers(0, len(changed["projects"]) - 1))
    department = changed["department"]
    choice = data.draw(st.integers(0, 4))
    value = data.draw(st.one_of(st.integers(-10, 10**6), st.text(max_size=5), st.none()))
    if choice == 0:
        changed["projects"].append(copy.deepcopy(changed["projects"][project]))
    elif choice == 1:
        department["year"] = value
    elif choice == 2:
        department["goals"][0]["number"] = value
    elif choice == 3:
        department["programmes"][0]["name"] = value
    else:
        changed["projects"][project]["number"] = value
    try:
        spec = indicatorkit.formats.from_data(changed)
    except SpecError:
        return
    assert loads(dumps(spec)) == spec


# ---- every CLI verb: an exit status 0, 1 or 2, never an internal error --------------------

SEED_TEXT = (Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec").read_text(
    encoding="utf-8"
)


def _run_cli(args: list[str]) -> tuple[int, str]:
    import contextlib
    import io

    from indicatorkit.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return status, err.getvalue()


@settings(max_examples=int(60 * SCALE), deadline=None)
@given(data=st.data())
def test_every_cli_verb_survives_hostile_input(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("cli")
    start = data.draw(st.integers(0, len(SEED_TEXT)))
    mutated = (
        SEED_TEXT[:start] + data.draw(TEXT) + SEED_TEXT[start + data.draw(st.integers(0, 30)) :]
    )
    spec = folder / "s.ikspec"
    spec.write_bytes(
        mutated.encode(
            data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16"])), errors="replace"
        )
    )
    rows = folder / "a.tsv"
    rows.write_text("\n".join(data.draw(st.lists(TEXT, max_size=4))), encoding="utf-8")
    actuals = folder / "a.csv"
    actuals.write_text("项目,三级指标,实际值\n" + data.draw(TEXT), encoding="utf-8")
    for args in (
        ["parse", data.draw(TEXT) or "x"],
        ["parse", "--lenient", "--format", "json", data.draw(TEXT) or "x"],
        ["check", str(rows)],
        ["lint", str(spec)],
        ["fmt", "--check", str(spec)],
        ["score", str(spec)],
        ["score", str(spec), str(actuals), "--format", "csv"],
        ["monitor", str(spec), "--at", "2025-06-30"],
    ):
        status, err = _run_cli(args)
        assert status in (0, 1, 2), (args, status)
        assert "内部错误" not in err and "Traceback" not in err, (args, err)
