"""The entry points of the target language: ``parse_target`` (strict or lenient) and
``parse_actual``, each with an optional unit registry.

>>> parse_target("不低于90%")
Comparison('≥90%')
>>> parse_target(",=100", lenient=True).target
Comparison('=100')
"""

from __future__ import annotations

from typing import Literal, overload

from indicatorkit.errors import ArgumentError
from indicatorkit.language.actuals import parse_actual
from indicatorkit.language.lenient import LenientParse, parse_lenient
from indicatorkit.language.reading import read_target
from indicatorkit.language.targets import AnyTarget
from indicatorkit.units import UnitRegistry, registry_in_use

__all__ = ["parse_actual", "parse_target"]


@overload
def parse_target(
    text: str, *, lenient: Literal[False] = False, units: UnitRegistry | None = None
) -> AnyTarget: ...
@overload
def parse_target(
    text: str, *, lenient: Literal[True], units: UnitRegistry | None = None
) -> LenientParse: ...
def parse_target(
    text: str, *, lenient: bool = False, units: UnitRegistry | None = None
) -> AnyTarget | LenientParse:
    """Parse a target expression (指标值).

    Strict by default: anything not in the language raises a :class:`TargetSyntaxError`,
    :class:`UnknownUnitError` or :class:`InvalidTargetError` (all ``ValueError``).  With
    ``lenient=True`` the typos of real tables are repaired and reported: the result is a
    :class:`LenientParse` holding the target and the diagnostics.  ``units`` is the unit
    registry to read with (``None``: :func:`~indicatorkit.units.registry_in_use`).  Results are cached.

    >>> parse_target("≥95%").check("95%").met
    True
    >>> from indicatorkit.units import default_registry
    >>> clumps = default_registry().define("蔸 = [蔸]")
    >>> parse_target("≥20蔸", units=clumps).check("25蔸", units=clumps).met
    True
    """
    if not isinstance(text, str):
        raise ArgumentError("parse_target", "text", "str", text)
    if units is not None and not isinstance(units, UnitRegistry):
        raise ArgumentError("parse_target", "units", "UnitRegistry", units)
    registry = registry_in_use() if units is None else units
    if not lenient:
        return read_target(text, registry)
    return parse_lenient(text, registry)
