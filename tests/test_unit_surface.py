"""The public face of units: registries are immutable values, the default registry is the
shipped units whatever ``define_unit`` adds, and an unknown word is the library's own error."""

from __future__ import annotations

import attrs
import pytest

from indicatorkit import IndicatorkitError, define_unit, parse_actual, parse_target
from indicatorkit.errors import UnknownUnitError
from indicatorkit.language import reading
from indicatorkit.units import UnitRegistry, default_registry, known_unit_set, registry_in_use, unit


def test_a_registry_refuses_every_assignment() -> None:
    registry = default_registry().define("甑 = [甑]")
    for name in ("definitions", "lookup", "memo", "_pint", "anything"):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(registry, name, ())
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(registry, name)
    assert registry.definitions == ("甑 = [甑]",)
    assert hash(registry) == hash(UnitRegistry(["甑 = [甑]"]))
    assert registry.unit("甑").dimension == "[甑]"  # its lazily built parts still fill in


def test_define_unit_leaves_the_default_registry_as_shipped() -> None:
    shipped = default_registry()
    before = registry_in_use()
    define_unit("绺 = [绺]")
    assert default_registry() is shipped and shipped.definitions == ()
    assert "绺" not in shipped.known_unit_set()
    with pytest.raises(UnknownUnitError):
        shipped.unit("绺")
    # where no registry is given, the unit is known from now on — the documented behaviour
    assert registry_in_use() == before.define("绺 = [绺]")
    assert "绺" in known_unit_set() and unit("绺").dimension == "[绺]"
    assert parse_target("≥3绺").check("4绺").met
    assert before.definitions == registry_in_use().definitions[:-1]  # before: unchanged
    with pytest.raises(UnknownUnitError):
        parse_target("≥3绺", units=shipped)


@pytest.mark.parametrize("word", ["人天", "蔸", "x" * 500, " 元", "元/", 5, None])
def test_unit_raises_the_librarys_own_error(word: object) -> None:
    for look_up in (unit, default_registry().unit):
        with pytest.raises(UnknownUnitError) as caught:
            look_up(word)  # type: ignore[arg-type]
        assert isinstance(caught.value, IndicatorkitError)
        assert not isinstance(caught.value, KeyError)
        assert len(caught.value.unit) <= 64 or not isinstance(word, str)


def test_unit_hints_the_nearest_units_and_the_line_that_adds_a_counting_word() -> None:
    with pytest.raises(UnknownUnitError) as caught:
        default_registry().unit("蔸")
    assert caught.value.counting_word == "蔸"
    assert 'define_unit("蔸 = [蔸]")' in str(caught.value)
    with pytest.raises(UnknownUnitError) as near:
        unit("人天")
    assert near.value.nearest[:1] == ("人",)
    assert unit("") == default_registry().unit("") and unit("").dimension == ""


def test_clearing_the_caches_reaches_every_registry_even_equal_ones() -> None:
    """Two registries with the same definitions are equal but each keeps its own readings;
    ``clear_caches`` empties both (a set by equality held only the first)."""
    one, other = UnitRegistry(), UnitRegistry()
    assert one == other and one is not other
    first = [parse_target("≥95%", units=registry) for registry in (one, other)]
    actuals = [parse_actual("96%", units=registry) for registry in (one, other)]
    reading.clear_caches()
    for registry, target, actual in zip((one, other), first, actuals, strict=True):
        assert parse_target("≥95%", units=registry) is not target
        assert parse_target("≥95%", units=registry) == target
        assert parse_actual("96%", units=registry) is not actual
