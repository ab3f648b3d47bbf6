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

__all__ = ["SHIPPED_DEFINITIONS", "SHIPPED_UNITS_FILE", "pint_registry", "shipped_units"]

#: The shipped definition files, loaded in this order: the units (money, ratios, common counts,
#: time, physical quantities), then the counting words (量词), each its own dimension.
SHIPPED_DEFINITIONS = ("units.txt", "counting_words.txt")

#: The shipped unit words resolved ahead, beside ``units.txt``; written with the grammar's
#: tables by ``python -m indicatorkit.language`` (``tests/test_tables.py`` checks it).
SHIPPED_UNITS_FILE = "units.resolved.json"


def pint_registry(definitions: tuple[str, ...]) -> pint.UnitRegistry[Any]:
    """A pint registry of the shipped definitions and then ``definitions`` (one line each),
    with exact :class:`~fractions.Fraction` magnitudes.

    >>> pint_registry(("蔸 = [蔸]",)).Quantity(Fraction(2), "蔸").dimensionality
    <UnitsContainer({'[蔸]': 1})>
    """
    import pint

    built: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, non_int_type=Fraction, cache_folder=None
    )
    for name in SHIPPED_DEFINITIONS:
        source = resources.files("indicatorkit").joinpath(name)
        with resources.as_file(source) as path:
            built.load_definitions(str(path))
    for line in definitions:
        built.define(line)
    return built


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
