"""The shipped unit definitions: ``units.txt`` and ``counting_words.txt`` (the counting words,
量词, each its own dimension), loaded into pint for a registry that defines more, and their words
resolved ahead into ``units.resolved.json`` so that reading them needs no pint.

>>> SHIPPED_DEFINITIONS
('units.txt', 'counting_words.txt')
>>> shipped_units()["棵"]
Unit(symbol='棵', dimension='[棵]', factor=Fraction(1, 1))
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from indicatorkit.units.dimensions import Unit

if TYPE_CHECKING:  # pint is imported when a registry first resolves a word, not with the package
    import pint

__all__ = [
    "SHIPPED_DEFINITIONS",
    "SHIPPED_UNITS_FILE",
    "pint_registry",
    "shipped_units",
]

#: The shipped definition files, loaded in this order: the units (money, ratios, common counts,
#: time, physical quantities), then the counting words (量词), each its own dimension.
SHIPPED_DEFINITIONS = ("units.txt", "counting_words.txt")

#: The shipped unit words resolved ahead, beside ``units.txt``; written with the grammar's
#: tables by ``python -m indicatorkit.language`` (``tests/test_tables.py`` checks it).
SHIPPED_UNITS_FILE = "units.resolved.json"


def pint_registry(definitions: tuple[str, ...]) -> pint.UnitRegistry[Any]:
    """A pint registry of the shipped definitions and then ``definitions`` (one line each),
    with exact :class:`~fractions.Fraction` magnitudes: a registry of its own (what one
    defines no other sees), built from the shipped files as pint parsed them once in the
    process (its parsed definitions are frozen records, shared by every registry).

    >>> pint_registry(("蔸 = [蔸]",)).Quantity(Fraction(2), "蔸").dimensionality
    <UnitsContainer({'[蔸]': 1})>
    """
    built = _empty_pint_registry()
    for definition in _shipped_pint_definitions():
        built.define(definition)  # pint's define takes a parsed definition as well as a line
    for line in definitions:
        built.define(line)
    return built


@lru_cache(maxsize=1)
def _shipped_pint_definitions() -> tuple[Any, ...]:
    """The shipped definition files as pint's parsed definitions, in order, parsed once per
    process: parsing the files was ~90% of building a pint registry (~0.03 s CPU for every
    :meth:`~indicatorkit.units.UnitRegistry.define`); pint's definitions are frozen records,
    so every registry can add the same ones.

    >>> {type(d).__name__ for d in _shipped_pint_definitions()} >= {"UnitDefinition"}
    True
    """
    parser = _empty_pint_registry()._def_parser  # the parser pint's load_definitions uses
    assert parser is not None
    parsed: list[Any] = []
    for name in SHIPPED_DEFINITIONS:
        source = resources.files("indicatorkit").joinpath(name)
        with resources.as_file(source) as path:
            parsed.extend(parser.iter_parsed_project(parser.parse_file(str(path))))
    return tuple(parsed)


def _empty_pint_registry() -> pint.UnitRegistry[Any]:
    import pint

    empty: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, non_int_type=Fraction, cache_folder=None
    )
    return empty


@lru_cache(maxsize=1)
def shipped_units() -> dict[str, Unit]:
    """Every word of the shipped definitions and the :class:`Unit` it resolves to, read from
    :data:`SHIPPED_UNITS_FILE` (no pint needed).

    >>> shipped_units()["万元"]
    Unit(symbol='万元', dimension='[money]', factor=Fraction(10000, 1))
    """
    import json

    text = resources.files("indicatorkit").joinpath(SHIPPED_UNITS_FILE).read_text("utf-8")
    return {
        word: Unit(symbol, dimension, Fraction(numerator, denominator))
        for word, (symbol, dimension, numerator, denominator) in json.loads(text).items()
    }
