"""The national system's split form builds the same targets as the merged text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from indicatorkit import Comparison, parse_target
from indicatorkit.errors import InvalidTargetError, TargetSyntaxError, UnknownUnitError
from indicatorkit.language import parse_split_target
from tests.corpus_files import rows

FULL_WIDTH = {"≥": "≥", ">": "＞", "=": "＝", "<": "＜", "≤": "≤"}


def _seed_comparisons() -> list[Comparison]:
    found = []
    for *_, canonical, _codes in rows("seed_targets.tsv"):
        target = parse_target(canonical)
        if isinstance(target, Comparison) and target.operator is not None:
            found.append(target)
    return found


@pytest.mark.parametrize("target", _seed_comparisons(), ids=str)
def test_split_form_equals_merged_text(target: Comparison) -> None:
    assert target.operator is not None
    code = FULL_WIDTH[target.operator.value]
    number = str(target).removeprefix(target.operator.value).removesuffix(target.amount.unit.symbol)
    split = parse_split_target(code, number, target.amount.unit.symbol)
    assert split == target
    assert str(split) == str(target)


def test_split_form_spellings() -> None:
    assert parse_split_target("≥", "95", "百分比") == parse_target("≥95%")
    assert parse_split_target(">=", "95", "%") == parse_target("≥95%")
    assert parse_split_target("＞", "5", "万元") == parse_target(">5万元")
    assert parse_split_target("≥", Decimal("1616387.84"), "元") == parse_target("≥1,616,387.84元")
    assert parse_split_target("＝", "1,000", "") == parse_target("=1000")
    assert parse_split_target("定性", "及时足额发放", "") == parse_target("及时足额发放")
    assert parse_split_target("定性", "12月底之前完成", None) == parse_target("12月底前")


def test_split_form_errors_name_the_field() -> None:
    with pytest.raises(InvalidTargetError, match="运算符"):
        parse_split_target("约", "95", "%")
    with pytest.raises(TargetSyntaxError, match="指标值字段"):
        parse_split_target("≥", "95%", "%")
    with pytest.raises(UnknownUnitError) as caught:
        parse_split_target("≥", "95", "嗯")
    assert caught.value.unit == "嗯"
    with pytest.raises(InvalidTargetError, match="定性"):
        parse_split_target("定性", "≥95%", "")
    with pytest.raises(InvalidTargetError, match="单位"):
        parse_split_target("定性", "及时足额发放", "%")


@pytest.mark.parametrize("unit", ["嗯", "蔸", "斤斤", "万圆", "人天", "xyz"])
def test_an_unknown_unit_field_is_named_as_the_registry_names_it(unit: str) -> None:
    """The unit field's word is refused the registry's one way: the same error, its nearest
    units and, for a counting word's shape, the line that adds it."""
    from indicatorkit.units import could_be_counting_word, registry_in_use

    with pytest.raises(UnknownUnitError) as split:
        parse_split_target("≥", "95", f" {unit} ")  # the field stripped, as it always was
    with pytest.raises(UnknownUnitError) as named:
        registry_in_use().unit(unit)
    assert str(split.value) == str(named.value)
    assert str(split.value).startswith(f"未知单位“{unit}” (unknown unit '{unit}')")
    counted = unit in ("嗯", "蔸")  # the shape of a counting word
    assert counted == could_be_counting_word(unit)
    assert split.value.counting_word == (unit if counted else "")
    assert (f'define_unit("{unit} = [{unit}]")' in str(split.value)) == counted
