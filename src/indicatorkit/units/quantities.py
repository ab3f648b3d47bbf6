"""The unit of a pint quantity given as an actual value, as a unit text the registry resolves:
one unit, or one unit per others (``元/人``); anything else is refused, saying which unit.

>>> from indicatorkit.units import default_registry
>>> quantity_unit_text(default_registry().pint.Quantity(5, "万元/人"))
'万元/人'
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from indicatorkit.units.definition_lines import UnitDefinitionError

__all__ = ["quantity_unit_text", "unknown_quantity_unit"]


def _whole_power(power: object) -> int:
    if isinstance(power, bool) or not isinstance(power, int | float | Fraction):
        raise TypeError(power)
    if Fraction(power).denominator != 1:
        raise ValueError(power)
    return int(power)


def unknown_quantity_unit(name: str, why: str = "") -> UnitDefinitionError:
    """The refusal of a quantity whose unit ``name`` the registry does not know (``why``: the
    reason, if there is more to say).

    >>> print(unknown_quantity_unit("元·人"))
    实际值的单位“元·人”不在 indicatorkit 的单位表中 (unit '元·人' is not known)
    """
    return UnitDefinitionError(
        f"实际值的单位“{name}”不在 indicatorkit 的单位表中 (unit {name!r} is not known){why}"
    )


def quantity_unit_text(quantity: Any) -> str:
    """The unit text of a pint quantity: ``""`` (a plain number), a unit word, or a rate
    ``top/below/…``; a product, a power or a fraction of a power is refused.

    >>> from indicatorkit.units import default_registry
    >>> try:
    ...     quantity_unit_text(default_registry().pint.Quantity(5, "元 * 人"))
    ... except ValueError as error:
    ...     print(str(error)[:11])
    实际值的单位“元·人”
    """
    try:
        items = [(str(name), _whole_power(power)) for name, power in quantity.unit_items()]
    except Exception:  # not a pint quantity after all, or a fractional power
        raise UnitDefinitionError(
            f"实际值的单位“{str(getattr(quantity, 'units', '?'))[:80]}”不在 indicatorkit 的"
            "单位表中 (unit not known)"
        ) from None
    top = [name for name, power in items if power == 1]
    below = [name for name, power in items if power == -1]
    if items and (len(top) != 1 or len(top) + len(below) != len(items)):
        name = "·".join(unit if power == 1 else f"{unit}^{power}" for unit, power in items)
        raise unknown_quantity_unit(
            name, ": 只接受单位或“单位/单位”形式的比率 (a unit or a rate of units)"
        )
    return "/".join([*top, *below])
