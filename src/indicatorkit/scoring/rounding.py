"""How a rule set rounds points and shows them: :class:`Rounding` (places, mode, stage) rounds
a row or a total as the rule set counts it, and :meth:`Rounding.display` writes points as every
output shows them — the one writer of points, so that ``score``, the batch, the report, the
workbook and the audit show the same text (national ``6.00``, ``whole-points`` ``6``).

>>> from fractions import Fraction
>>> Rounding().display(Fraction(2, 3)), Rounding(0).display(Fraction(2, 3))
('0.67', '1')
"""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction

import attrs

__all__ = ["Rounding", "RoundingMode", "RoundingStage"]


class RoundingMode(enum.Enum):
    """How a score is rounded to its places.

    >>> [mode.value for mode in RoundingMode]
    ['half-up', 'half-even', 'down']
    """

    #: 四舍五入: a half goes away from zero (the national system, Excel's ROUND).
    HALF_UP = "half-up"
    #: 银行家舍入: a half goes to the even neighbour.
    HALF_EVEN = "half-even"
    #: 截断: toward zero (tables that cut 1.95 to 1.9).
    DOWN = "down"


class RoundingStage(enum.Enum):
    """Where a rule set rounds.

    >>> from indicatorkit.scoring.rules import NATIONAL, RULE_SETS
    >>> [name for name, rules in RULE_SETS.items() if rules.rounding.stage is not NATIONAL.rounding.stage]
    ['round-total']
    """

    #: Each indicator's score (and the budget line) before summing, so that the rows shown add
    #: up to the total shown; the total is rounded again only after a rescaling.
    INDICATOR = "indicator"
    #: Rows exact, the project's total rounded once.
    TOTAL = "total"
    #: Exact throughout (the grade of the exact total).
    NONE = "none"


@attrs.frozen
class Rounding:
    """A rounding policy: ``places`` decimals, ``mode``, applied at ``stage``.

    The grade always follows the total as rounded, so that the grade agrees with the total a
    table shows.  Full marks are the weight itself, never rounded; any other score is rounded
    and never passes its weight.

    >>> from fractions import Fraction
    >>> national = Rounding()
    >>> national.round(Fraction(2, 3)), national.round(Fraction(5, 1000))
    (Fraction(67, 100), Fraction(1, 100))
    >>> Rounding(0).round(Fraction(13, 2)), Rounding(0, RoundingMode.HALF_EVEN).round(Fraction(13, 2))
    (Fraction(7, 1), Fraction(6, 1))
    >>> Rounding(1, RoundingMode.DOWN).round(Fraction(195, 100))
    Fraction(19, 10)
    >>> national.row(Fraction(9999, 1000), Fraction(10)), national.row(Fraction(10), Fraction(10))
    (Fraction(10, 1), Fraction(10, 1))
    """

    places: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    mode: RoundingMode = RoundingMode.HALF_UP
    stage: RoundingStage = RoundingStage.INDICATOR
    #: 10 ** places, and whether rows are rounded: worked out once (the hot path reads them).
    _scale: int = attrs.field(init=False, eq=False, repr=False)
    _rows: bool = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_scale", 10**self.places)
        object.__setattr__(self, "_rows", self.stage is RoundingStage.INDICATOR)

    @property
    def step(self) -> Fraction:
        """The smallest difference a rounded score shows (0.01 for two places)."""
        return Fraction(1, 10**self.places)

    def round(self, value: Fraction) -> Fraction:
        """``value`` rounded to ``places`` decimals by ``mode`` (whatever the stage)."""
        scale = self._scale
        numerator, denominator = value.numerator, value.denominator
        if scale % denominator == 0:  # already on the grid (the common case)
            return value
        # in ints: |value| × scale = whole + rest / denominator (no Fraction in between)
        whole, rest = divmod(abs(numerator) * scale, denominator)
        twice = 2 * rest
        if self.mode is RoundingMode.HALF_UP:
            whole += twice >= denominator
        elif self.mode is RoundingMode.HALF_EVEN:
            whole += twice > denominator or (twice == denominator and whole % 2 == 1)
        return Fraction(whole if numerator >= 0 else -whole, scale)

    def row(self, score: Fraction, weight: Fraction) -> Fraction:
        """A row's score as it counts: rounded when rows are (:attr:`RoundingStage.INDICATOR`),
        never above ``weight``; full marks stay the weight itself."""
        if not self._rows or self._scale % score.denominator == 0 or score == weight:
            return score  # rows exact, a score already on the grid (≤ weight), or full marks
        rounded = self.round(score)
        return rounded if rounded <= weight else weight

    def total(self, value: Fraction) -> Fraction:
        """A total as it counts and is graded: rounded unless the rule set is exact."""
        return value if self.stage is RoundingStage.NONE else self.round(value)

    def display(self, value: Fraction | None) -> str:
        """Points as every output shows them: ``value`` rounded by :attr:`mode` (whatever the
        stage) and written with exactly :attr:`places` decimals (``""`` for ``None``) — the
        one writer of points for ``score``, the batch, the report, the workbook and the audit.

        >>> from fractions import Fraction
        >>> Rounding().display(Fraction(6)), Rounding(0).display(Fraction(13, 2))
        ('6.00', '7')
        >>> Rounding(1, RoundingMode.DOWN).display(Fraction(-195, 100)), Rounding().display(None)
        ('-1.9', '')
        """
        if value is None:
            return ""
        rounded = self.round(value)
        scaled = rounded.numerator * (self._scale // rounded.denominator)
        return format(Decimal(scaled).scaleb(-self.places), "f")

    def display_range(self, low: Fraction, high: Fraction) -> str:
        """Points that may still be a range: one number once decided, ``low–high`` while not.

        >>> from fractions import Fraction
        >>> Rounding().display_range(Fraction(3), Fraction(3)), Rounding(0).display_range(Fraction(0), Fraction(10))
        ('3.00', '0–10')
        """
        if low == high:
            return self.display(low)
        return f"{self.display(low)}–{self.display(high)}"
