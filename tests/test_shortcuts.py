"""indicatorkit.shortcuts: each way past a constructor builds exactly what the constructor
builds, and no other module takes one (no object.__new__, no slot-descriptor or private
Fraction slot writes, no switch of the garbage collector)."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import indicatorkit
from indicatorkit import shortcuts
from indicatorkit.language.targets import Comparison, exact_comparison
from indicatorkit.language.values import Amount, exact_amount
from indicatorkit.numerals import decimal_value
from indicatorkit.units import unit
from indicatorkit.vocabulary import Operator

PACKAGE = Path(indicatorkit.__file__).parent


@given(st.integers(), st.integers(min_value=1))
def test_coprime_fraction_is_the_fraction(numerator: int, denominator: int) -> None:
    made = Fraction(numerator, denominator)
    built = shortcuts.coprime_fraction(made.numerator, made.denominator)
    assert (built, hash(built), repr(built), type(built)) == (
        made,
        hash(made),
        repr(made),
        Fraction,
    )
    assert (built.numerator, built.denominator) == (made.numerator, made.denominator)


@pytest.mark.parametrize(
    "text", ["0", "12", "1,234.50", "0.001", "0.250", "-3.5", "9" * 30 + ".125"]
)
@pytest.mark.parametrize("symbol", ["万元", "%", "", "元/人"])
def test_the_readers_records_equal_the_constructed_ones(text: str, symbol: str) -> None:
    value, the_unit = decimal_value(text), unit(symbol)
    assert value == Fraction(text.replace(",", ""))
    quick, checked = exact_amount(value, the_unit), Amount(value, the_unit)
    assert (quick, str(quick), quick.normalized, hash(quick)) == (
        checked,
        str(checked),
        checked.normalized,
        hash(checked),
    )
    assert attrs.asdict(quick) == attrs.asdict(checked)
    for operator in (None, *Operator):
        built, made = exact_comparison(operator, value, the_unit), Comparison(operator, checked)
        assert (built, str(built), hash(built)) == (made, str(made), hash(made))
        assert attrs.asdict(built) == attrs.asdict(made)
        assert built.bounds() == made.bounds()
        assert built.check(value).met == made.check(value).met


def test_a_builder_sets_every_field() -> None:
    # the builders take every field: a field added to the class fails their callers here
    assert [field.name for field in attrs.fields(Amount)] == ["value", "unit"]
    assert [field.name for field in attrs.fields(Comparison)] == ["operator", "amount"]
    with pytest.raises(TypeError):
        exact_amount(Fraction(1))  # type: ignore[call-arg]

    @attrs.frozen
    class Computed:
        a: int
        b: int = attrs.field(init=False, default=0)

    with pytest.raises(TypeError, match="constructor"):
        shortcuts.unchecked(Computed)


#: What a shortcut past a constructor looks like in the source.
_SHORTCUT = re.compile(
    r"object\.__new__|tuple\.__new__|\.__dict__\[[^]]+\]\.__set__|\._numerator\s*="
    r"|\._denominator\s*=|gc\.disable|gc\.enable|import gc\b"
)


def test_no_module_but_shortcuts_takes_a_shortcut() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "shortcuts.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _SHORTCUT.search(line)
    ]
    assert found == []
