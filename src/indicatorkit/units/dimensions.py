"""A resolved unit — its symbol, dimension and exact factor to the base unit — and the algebra
of dimension texts (``[money]``, ``[money]·[人]^-1``) that rates are built with.

>>> rate = Unit("元/人", dimension_of([("[money]", 1), ("[人]", -1)]), Fraction(1))
>>> rate.dimension, dimension_powers(rate.dimension)
('[money]·[人]^-1', [('[money]', 1), ('[人]', -1)])
>>> NO_UNIT.kind, SCALES["万"], MAX_UNIT_TEXT
('无单位', 10000, 64)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

import attrs

__all__ = [
    "MAX_UNIT_TEXT",
    "NO_UNIT",
    "SCALES",
    "Unit",
    "dimension_of",
    "dimension_powers",
    "is_counting_dimension",
    "rate_of",
]

#: The longest unit text (a unit word, or a rate such as ``元/人/月``) that is resolved; longer
#: texts are unknown units.  It bounds the work one word can cause (pint recurses per ``/``).
MAX_UNIT_TEXT = 64


@attrs.frozen
class Unit:
    """A resolved unit: its canonical ``symbol``, ``dimension`` and exact ``factor`` to base.

    ``dimension`` is ``""`` for a plain number without a unit.

    >>> from indicatorkit.units import unit
    >>> wan = unit("万元")
    >>> wan.symbol, wan.factor, wan.dimension == unit("元").dimension
    ('万元', Fraction(10000, 1), True)
    """

    symbol: str
    dimension: str
    factor: Fraction

    @property
    def kind(self) -> str:
        """Human name of the dimension for messages: ``'件'``, ``'money'``, or ``'无单位'``."""
        return self.dimension.strip("[]") or "无单位"


NO_UNIT = Unit("", "", Fraction(1))

#: Multiplier words allowed between a number and a unit (``1.5万人次``) or alone (``5万``).
SCALES: dict[str, int] = {
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "十亿": 10**9,
    "百亿": 10**10,
    "千亿": 10**11,
    "万万": 10**8,
    "万亿": 10**12,
}
SCALES_LONGEST_FIRST = tuple(sorted(SCALES, key=len, reverse=True))


def dimension_of(powers: Iterable[tuple[str, object]]) -> str:
    """The canonical text of a dimension from its base dimensions and powers (sorted; a power
    of 0 left out).

    >>> dimension_of([("[人]", -1), ("[money]", 1), ("[day]", 0)])
    '[money]·[人]^-1'
    """
    return "·".join(
        dim if power == 1 else f"{dim}^{power}"
        for dim, power in sorted(powers, key=lambda item: item[0])
        if power
    )


def dimension_powers(dimension: str) -> list[tuple[str, int]]:
    """The base dimensions and powers of a dimension text (``""``: none).

    >>> dimension_powers("[money]·[人]^-1"), dimension_powers("")
    ([('[money]', 1), ('[人]', -1)], [])
    """
    if not dimension:
        return []
    powers = []
    for part in dimension.split("·"):
        name, _, power = part.partition("^")
        powers.append((name, int(power) if power else 1))
    return powers


def is_counting_dimension(dimension: str) -> bool:
    """``[棵]`` or ``[人次]``: one base dimension, named in Chinese (the shipped and user-defined
    counts); not ``[money]``, ``[day]`` or a rate.

    >>> is_counting_dimension("[棵]"), is_counting_dimension("[money]")
    (True, False)
    """
    return (
        dimension.startswith("[")
        and dimension.endswith("]")
        and "·" not in dimension
        and "^" not in dimension
        and not dimension.isascii()
    )


def rate_of(top: Unit, below: Sequence[Unit]) -> Unit:
    """The rate ``top`` per each unit of ``below`` in turn (``元/人/月``).

    >>> from indicatorkit.units import unit
    >>> rate_of(unit("万元"), [unit("人"), unit("个月")])
    Unit(symbol='万元/人/个月', dimension='[money]·[month]^-1·[人]^-1', factor=Fraction(10000, 1))
    """
    factor = top.factor
    powers = dict(dimension_powers(top.dimension))
    for part in below:
        factor /= part.factor
        for dim, power in dimension_powers(part.dimension):
            powers[dim] = powers.get(dim, 0) - power
    return Unit(
        "/".join(part.symbol for part in (top, *below)), dimension_of(powers.items()), factor
    )
