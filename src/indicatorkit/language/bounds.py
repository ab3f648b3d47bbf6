"""The bounds seam: what a numeric target accepts, as exact numbers in base units.

This is the single definition of "met" for numbers.  :meth:`Comparison.check
<indicatorkit.Comparison.check>` and :meth:`Range.check <indicatorkit.language.Range.check>` decide
from these bounds (a comparison from their numbers as integers, its
:meth:`~indicatorkit.Comparison.threshold`; a property test holds the two equal), and the
batch path (:mod:`indicatorkit.batch`, numpy) decides comparisons from the same public
:meth:`~indicatorkit.Comparison.threshold` integers — ranges and the rest through ``check``
itself — so the two cannot drift:

>>> from indicatorkit import parse_target, Direction
>>> bounds = parse_target("≥95%").bounds()
>>> bounds.dimension, bounds.lower, bounds.upper
('[ratio]', Bound(value=Fraction(19, 20), inclusive=True), None)
>>> bounds.lower.numerator, bounds.lower.denominator          # exact integers, base unit
(19, 20)
>>> parse_target("98%").bounds(Direction.LOWER).upper          # a bare value, less is better
Bound(value=Fraction(49, 50), inclusive=True)
>>> parse_target("5万元～8万元").bounds().contains(60000)
True
>>> open_low = parse_target("大于10小于等于20").bounds()    # each end says whether it is in
>>> open_low.lower.inclusive, open_low.upper.inclusive, open_low.contains(10), open_low.contains(20)
(False, True, False, True)

Deadlines and periods accept days; their :class:`DayBounds` are the one definition of "in time":

>>> parse_target("3-11月").bounds()
DayBounds(first=DatePoint(month=3, day=1, year=None), last=DatePoint(month=11, day=None, year=None))
>>> parse_target("12月底前").bounds().first is None
True
"""

from __future__ import annotations

import enum
from fractions import Fraction

import attrs

from indicatorkit.language.values import DatePoint, DateSpan
from indicatorkit.units import Unit
from indicatorkit.vocabulary import Operator

__all__ = ["Bound", "Bounds", "DayBounds", "Direction", "effective_operator"]


class Direction(enum.Enum):
    """Which way is better for an indicator (正向 / 反向).

    It decides how a bare value (``98%``) or ``=`` is read; explicit ≥ > ≤ < carry their own
    direction.  Where no direction is given, a bare value means "at least".

    >>> from indicatorkit import Direction, parse_target
    >>> Direction("反向")
    <Direction.LOWER: '反向'>
    >>> parse_target("2%").check("3%", direction=Direction.LOWER).met
    False
    """

    HIGHER = "正向"
    LOWER = "反向"


def effective_operator(
    operator: Operator | None, direction: Direction | None, value: Fraction
) -> Operator:
    """The operator a comparison is checked with.

    ≥ > ≤ < are used as written.  A bare value or ``=`` means "reach the value" in
    ``direction``: ≥ for :attr:`Direction.HIGHER`, ≤ for :attr:`Direction.LOWER`; with no
    direction, ≥ — except ``=0``, which means "none at all" (≤ 0: zero incidents, the national
    rule for ``=0`` targets).

    >>> effective_operator(None, None, Fraction(95)), effective_operator(Operator.EQ, None, Fraction(0))
    (<Operator.GE: '≥'>, <Operator.LE: '≤'>)
    """
    if operator is not None and operator is not Operator.EQ:
        return operator
    if direction is Direction.LOWER or (direction is None and value == 0):
        return Operator.LE
    return Operator.GE


@attrs.frozen
class Bound:
    """One end of what a target accepts: ``value`` in the base unit of the target's
    dimension, and whether ``value`` itself is accepted.

    >>> from indicatorkit import parse_target
    >>> lower = parse_target("≥95%").bounds().lower
    >>> lower
    Bound(value=Fraction(19, 20), inclusive=True)
    >>> lower.value, lower.inclusive
    (Fraction(19, 20), True)
    """

    value: Fraction
    inclusive: bool

    @property
    def numerator(self) -> int:
        return self.value.numerator

    @property
    def denominator(self) -> int:
        return self.value.denominator


@attrs.frozen
class Bounds:
    """The interval a numeric target accepts: ``lower`` and ``upper`` (``None``: unbounded),
    in the base unit of ``dimension``.

    ``unit`` is the unit a plain number is read in when checked (the target's own unit):
    ``6`` against ``≥5万元`` is 6万元, i.e. ``6 * unit.factor`` in base units.

    >>> from indicatorkit import parse_target
    >>> bounds = parse_target("80%～90%").bounds()
    >>> bounds.lower.value, bounds.upper.value, bounds.unit.symbol
    (Fraction(4, 5), Fraction(9, 10), '%')
    """

    dimension: str
    unit: Unit
    lower: Bound | None
    upper: Bound | None

    @property
    def operator(self) -> Operator | None:
        """The single operator these bounds amount to, or ``None`` for a two-sided range."""
        if self.lower is not None and self.upper is not None:
            return None
        if self.lower is not None:
            return Operator.GE if self.lower.inclusive else Operator.GT
        assert self.upper is not None
        return Operator.LE if self.upper.inclusive else Operator.LT

    def contains(self, value: Fraction | int) -> bool:
        """True when ``value`` (in base units) lies within the bounds."""
        lower, upper = self.lower, self.upper
        if lower is not None and (
            value < lower.value or (value == lower.value and not lower.inclusive)
        ):
            return False
        return not (
            upper is not None
            and (value > upper.value or (value == upper.value and not upper.inclusive))
        )

    def within(self, other: Bounds) -> bool:
        """True when every value these bounds accept, ``other`` accepts too (same dimension):
        an actual written as a bound (``≥95%``) lies wholly inside a target (``≥90%``).

        >>> from indicatorkit import parse_target
        >>> inner = parse_target("≥95%").bounds()
        >>> inner.within(parse_target("≥90%").bounds()), inner.within(parse_target("≤98%").bounds())
        (True, False)
        >>> parse_target(">90%").bounds().within(parse_target("≥90%").bounds())
        True
        """
        if self.dimension != other.dimension:
            return False
        return _inside(self.lower, other.lower, lower=True) and _inside(
            self.upper, other.upper, lower=False
        )


def _inside(own: Bound | None, limit: Bound | None, *, lower: bool) -> bool:
    """True when the end ``own`` is no farther out than the end ``limit`` (``None``: open)."""
    if limit is None:
        return True
    if own is None:
        return False
    if own.value != limit.value:
        return own.value > limit.value if lower else own.value < limit.value
    return limit.inclusive or not own.inclusive


def comparison_bounds(operator: Operator, threshold: Fraction, unit: Unit) -> Bounds:
    """The bounds of ``operator threshold`` (``operator`` already effective, never ``=``)."""
    bound = Bound(threshold, operator in (Operator.GE, Operator.LE))
    if operator.is_lower_bound:
        return Bounds(unit.dimension, unit, bound, None)
    return Bounds(unit.dimension, unit, None, bound)


@attrs.frozen
class DayBounds:
    """The days a deadline or a period accepts: from ``first`` to ``last``, both included.
    ``first`` is ``None`` for a deadline (any day up to ``last``).

    Years count only when both sides give one: a year-less bound stands for every year, and a
    year-less day is compared by its place in the year.  A period (a :class:`DateSpan`) is
    accepted when all of it is: by a deadline when its last day is, by a period when it lies
    inside.

    >>> deadline = DayBounds(None, DatePoint(12, 20, 2025))
    >>> deadline.contains(DatePoint(11, 30)), deadline.contains(DatePoint(1, 5, 2026))
    (True, False)
    >>> season = DayBounds(DatePoint(3, 1), DatePoint(11))
    >>> season.contains(DatePoint(11, 30)), season.contains(DateSpan(DatePoint(2, 1), DatePoint(6)))
    (True, False)
    """

    first: DatePoint | None
    last: DatePoint

    def contains(self, value: DatePoint | DateSpan) -> bool:
        """True when the day (all of the period) ``value`` lies within the bounds."""
        if self.first is None:
            point = value.end if isinstance(value, DateSpan) else value
            by = self.last
            if point.year is not None and by.year is not None and point.year != by.year:
                return point.year < by.year
            return point.key() <= by.key()
        span = DateSpan(self.first, self.last)
        return span.covers(value) if isinstance(value, DateSpan) else span.contains(value)
