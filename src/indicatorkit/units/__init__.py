"""Units: registries of the unit words a target may use, built from ``units.txt`` and
``counting_words.txt`` (the counting words, 量词, each its own dimension).

A :class:`UnitRegistry` is an immutable value: the shipped definitions plus a tuple of
user definitions (assigning to one raises).  :meth:`UnitRegistry.define` returns a *new*
registry, so a spec (or a worker process) can carry its own units without touching anybody
else's; a registry pickles as its definitions and is rebuilt, once per process, on the other
side.  :func:`default_registry` is the shipped units and never changes.  Where no registry is
given, targets are read with :func:`registry_in_use`: the shipped units plus what
:func:`define_unit` added in this process (a process-wide setting; the module-level functions
below use it too).

pint is used only to *resolve* a unit word — its dimension and its exact factor to the base
unit of that dimension — and each word is resolved once per registry (a bounded cache).  The
words of the shipped files are resolved ahead (:func:`shipped_units`), so pint is imported only
for a unit defined at run time or a pint quantity given.  Checking a target never goes through
pint.

The package's modules, one idea each: :mod:`~indicatorkit.units.dimensions` (the :class:`Unit`
value, :data:`SCALES`, dimension texts), :mod:`~indicatorkit.units.shipped` (the shipped
definition files), :mod:`~indicatorkit.units.counting` (the shape of a counting word),
:mod:`~indicatorkit.units.definition_lines` (checking a definition line),
:mod:`~indicatorkit.units.registry` (:class:`UnitRegistry`), :mod:`~indicatorkit.units.quantities`
(pint quantities), :mod:`~indicatorkit.units.variants` (other spellings of a unit's characters),
:mod:`~indicatorkit.units.suggestions` (did-you-mean); every name below is
imported from here.

>>> unit("万元")
Unit(symbol='万元', dimension='[money]', factor=Fraction(10000, 1))
>>> unit("百分比") == unit("%")
True
>>> unit("棵")                                      # a shipped counting word (量词)
Unit(symbol='棵', dimension='[棵]', factor=Fraction(1, 1))
>>> clumps = default_registry().define("蔸 = [蔸]")   # one the shipped files do not have
>>> clumps.unit("蔸").dimension
'[蔸]'
>>> "蔸" in default_registry().known_unit_set()     # the default registry is unchanged
False
>>> clumps.define("蔸 = [蔸]") is clumps               # an identical definition: nothing to do
True
>>> NO_UNIT.kind, SCALES["万"], len("元/人") <= MAX_UNIT_TEXT, "斤" in NOT_COUNTING_WORDS
('无单位', 10000, True, True)
"""

from __future__ import annotations

from typing import Any

from indicatorkit.units.counting import NOT_COUNTING_WORDS, could_be_counting_word
from indicatorkit.units.definition_lines import UnitDefinitionError
from indicatorkit.units.dimensions import MAX_UNIT_TEXT, NO_UNIT, SCALES, Unit
from indicatorkit.units.registry import UnitRegistry, registry_of
from indicatorkit.units.shipped import (
    SHIPPED_DEFINITIONS as SHIPPED_DEFINITIONS,
)
from indicatorkit.units.shipped import (
    SHIPPED_UNITS_FILE as SHIPPED_UNITS_FILE,
)
from indicatorkit.units.shipped import shipped_units

__all__ = [
    "MAX_UNIT_TEXT",
    "NOT_COUNTING_WORDS",
    "NO_UNIT",
    "SCALES",
    "Unit",
    "UnitDefinitionError",
    "UnitRegistry",
    "could_be_counting_word",
    "default_registry",
    "define_unit",
    "known_unit_set",
    "known_unit_words",
    "nearest_units",
    "quantity_unit",
    "registry_in_use",
    "scaled",
    "shipped_units",
    "unit",
    "unit_of_text",
]


#: The shipped units: the default registry, the same value for the life of the process.
_SHIPPED: UnitRegistry = registry_of(())
#: What targets are read with where no registry is given: the shipped units plus what
#: define_unit added (rebound by define_unit only; every registry it names stays as it is).
_in_use: UnitRegistry = _SHIPPED


def default_registry() -> UnitRegistry:
    """The shipped units (``units.txt``, ``counting_words.txt``): the same registry for the
    life of the process, whatever :func:`define_unit` adds.  Extend it with
    :meth:`UnitRegistry.define`.

    >>> from indicatorkit.units import default_registry
    >>> default_registry() is default_registry(), default_registry().definitions
    (True, ())
    >>> default_registry().unit("万元").symbol
    '万元'
    """
    return _SHIPPED


def registry_in_use() -> UnitRegistry:
    """The registry targets are read with where none is given (``units=None``): the shipped
    units plus what :func:`define_unit` added in this process.

    >>> registry_in_use().known_unit_set() >= default_registry().known_unit_set()
    True
    """
    return _in_use


def define_unit(definition: str) -> None:
    """Add a unit for the whole process, in one line of pint's definition syntax, e.g.
    ``"台 = [台]"``: every reading that is given no registry knows it from now on
    (:func:`registry_in_use`).  Defining the identical line again does nothing.  No registry is
    changed — :func:`default_registry` stays the shipped units; the registry in use is replaced
    by an extended one.

    Raises :class:`UnitDefinitionError` (a ``ValueError``) when the line cannot be added.
    To keep units to one spec or one worker, use :meth:`UnitRegistry.define` instead.

    >>> from indicatorkit import define_unit, parse_target
    >>> from indicatorkit.units import default_registry
    >>> define_unit("榀 = [榀]")              # 屋架的量词 / a counting word for roof trusses
    >>> define_unit("榀 = [榀]")              # the same line again does nothing
    >>> parse_target("≥12榀").check("12榀").met
    True
    >>> "榀" in registry_in_use().known_unit_set(), "榀" in default_registry().known_unit_set()
    (True, False)
    """
    global _in_use
    _in_use = _in_use.define(definition)


def unit(word: str) -> Unit:
    """Resolve a unit word (name, symbol or alias) in :func:`registry_in_use`; ``""`` is no
    unit.

    Raises :class:`~indicatorkit.errors.UnknownUnitError` (an
    :class:`~indicatorkit.errors.IndicatorkitError`) for an unknown word, with the nearest
    known units in its hint.

    >>> from indicatorkit.errors import UnknownUnitError
    >>> from indicatorkit.units import unit
    >>> unit("万人次").factor, unit("%").symbol
    (Fraction(10000, 1), '%')
    >>> try:
    ...     unit("人天")
    ... except UnknownUnitError as error:
    ...     print(error.nearest)
    ('人', '人次', '万人次')
    """
    return _in_use.unit(word)


def known_unit_words() -> tuple[str, ...]:
    """Every unit word of :func:`registry_in_use`, longest first.

    >>> words = known_unit_words()
    >>> "万人次" in words, len(words[0]) >= len(words[-1])
    (True, True)
    """
    return _in_use.known_unit_words()


def known_unit_set() -> frozenset[str]:
    """:func:`known_unit_words` as a set.

    >>> "万元" in known_unit_set(), "人天" in known_unit_set()
    (True, False)
    """
    return _in_use.known_unit_set()


def unit_of_text(text: str) -> Unit:
    """:meth:`UnitRegistry.unit_of_text` in :func:`registry_in_use`.

    >>> unit_of_text("万人次") == scaled("万", unit("人次")), unit_of_text("万").factor
    (True, Fraction(10000, 1))
    """
    return _in_use.unit_of_text(text)


def scaled(scale: str, base: Unit) -> Unit:
    """:meth:`UnitRegistry.scaled` in :func:`registry_in_use`.

    >>> from indicatorkit.units import unit
    >>> scaled("万", unit("元")).symbol, scaled("万", unit("元")).factor
    ('万元', Fraction(10000, 1))
    """
    return _in_use.scaled(scale, base)


def quantity_unit(quantity: Any) -> Unit:
    """:meth:`UnitRegistry.quantity_unit` in :func:`registry_in_use`.

    >>> quantity_unit(default_registry().pint.Quantity(5, "万元")).symbol
    '万元'
    """
    return _in_use.quantity_unit(quantity)


def nearest_units(word: str, limit: int = 3) -> tuple[str, ...]:
    """:meth:`UnitRegistry.nearest_units` in :func:`registry_in_use`.

    >>> nearest_units("人天")
    ('人', '人次', '万人次')
    """
    return _in_use.nearest_units(word, limit)
