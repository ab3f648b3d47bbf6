"""A missed comparison's score, column-wise: :meth:`RuleSet.missed_score
<indicatorkit.RuleSet.missed_score>` and :meth:`Rounding.row <indicatorkit.scoring.rules.Rounding.row>` on
int64 columns, exactly.

Every product is of two numbers inside the overflow guard (:data:`~indicatorkit.batch.compiled.GUARD`,
2³¹), so it fits int64; a row whose numbers do not fit, a strict bound missed at its very
boundary under a rule set with a :attr:`~indicatorkit.RuleSet.boundary_step`, or a rule set
whose class overrides the formulas is left out (``ok`` is False) and scored by
:func:`score_indicator <indicatorkit.scoring.score_indicator>` in Fractions.

>>> import numpy as np
>>> from indicatorkit import NATIONAL
>>> top, bottom = np.array([3, 0, 1]), np.array([4, 1, 1])   # attainment 3/4, 0, 1
>>> weight = (np.array([20, 10, 10]), np.array([1, 1, 3]))    # 20, 10, 10/3
>>> numerator, denominator, ok = missed_credit(
...     (top, bottom, np.array([True, True, True])), np.array([True, True, True]), weight, NATIONAL)
>>> numerator.tolist(), denominator.tolist(), ok.tolist()   # 15, 0, full marks 10/3 unrounded
([15, 0, 10], [1, 1, 3], [True, True, True])
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from indicatorkit.batch.compiled import GUARD
from indicatorkit.scoring.rules import (
    LowerIsBetter,
    Rounding,
    RoundingMode,
    RoundingStage,
    RuleSet,
)

__all__ = ["formulas_are_shipped", "missed_credit", "rounded_row"]

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]


def formulas_are_shipped(rules: RuleSet) -> bool:
    """True when ``rules`` scores a missed comparison by the shipped formulas (its class
    overrides neither :meth:`~indicatorkit.RuleSet.partial_credit` nor
    :meth:`~indicatorkit.RuleSet.missed_score`, nor rounds its own way), so that
    :func:`missed_credit` computes what it would.

    >>> from indicatorkit import NATIONAL
    >>> formulas_are_shipped(NATIONAL)
    True
    """
    kind, rounding = type(rules), type(rules.rounding)
    return (
        kind.partial_credit is RuleSet.partial_credit
        and kind.missed_score is RuleSet.missed_score
        and rounding.row is Rounding.row
        and rounding.round is Rounding.round
    )


def _reduced(numerator: Ints, denominator: Ints) -> tuple[Ints, Ints]:
    divisor = np.gcd(numerator, denominator)
    divisor[divisor == 0] = 1
    return numerator // divisor, denominator // divisor


def missed_credit(
    attainment: tuple[Ints, Ints, Flags],
    lower_bound: Flags,
    weight: tuple[Ints, Ints],
    rules: RuleSet,
) -> tuple[Ints, Ints, Flags]:
    """The score ``rules`` give a missed comparison — :meth:`~indicatorkit.RuleSet.missed_score`
    of the reduced ``attainment`` (numerator, denominator, known) in the direction
    ``lower_bound``, rounded as a row (:func:`rounded_row`) — as reduced numerator and
    denominator columns, and ``ok``: the rows computed here (the others need Fractions).

    >>> import numpy as np
    >>> from indicatorkit.scoring.rules import RULE_SETS
    >>> share = (np.array([1]), np.array([2]), np.array([True]))         # half of the target
    >>> linear = RULE_SETS["lower-linear"]
    >>> missed_credit(share, np.array([False]), (np.array([10]), np.array([1])), linear)[0].tolist()
    [0]
    """
    top, bottom, known = attainment
    weight_top, weight_bottom = weight
    ok = (np.abs(top) < GUARD) & (bottom < GUARD) & (weight_bottom > 0)
    full = top >= bottom  # a share of 1 or more earns the formula's full marks
    share_top = np.where(full, 1, top)
    share_bottom = np.where(full, 1, bottom)
    if rules.lower_is_better is LowerIsBetter.RATIO:
        ratio = np.ones_like(lower_bound)
    else:
        ratio = lower_bound
    linear = 2 * share_top - share_bottom
    numerator = weight_top * np.where(ratio, share_top, linear)
    denominator = weight_bottom * np.where(ratio, share_bottom, share_top)
    nothing = ~known | (top <= 0) | (~ratio & (linear <= 0))
    numerator = np.where(nothing, 0, numerator)
    denominator = np.where(nothing | ~ok, 1, denominator)
    if rules.boundary_step is not None:  # a share of exactly 1: the step, in Fractions
        ok &= ~(known & (top == bottom) & (weight_top > 0))
    numerator, denominator = _reduced(numerator, denominator)
    rounded_top, rounded_bottom, fits = rounded_row(
        (numerator, denominator), weight, rules.rounding
    )
    return rounded_top, rounded_bottom, ok & fits


def rounded_row(
    score: tuple[Ints, Ints], weight: tuple[Ints, Ints], rounding: Rounding
) -> tuple[Ints, Ints, Flags]:
    """:meth:`Rounding.row <indicatorkit.scoring.rules.Rounding.row>` of each reduced, non-negative
    ``score`` (numerator, denominator; never above its ``weight``), reduced, and the rows
    computed inside the guard.

    >>> import numpy as np
    >>> from indicatorkit.scoring.rules import Rounding
    >>> row = rounded_row((np.array([2, 1]), np.array([3, 2])), (np.array([10, 1]), np.array([1, 2])),
    ...                   Rounding())
    >>> row[0].tolist(), row[1].tolist()   # 2/3 → 0.67; full marks 1/2 stay
    ([67, 1], [100, 2])
    """
    numerator, denominator = score
    weight_top, weight_bottom = weight
    fits = np.ones(numerator.shape, np.bool_)
    if rounding.stage is not RoundingStage.INDICATOR:
        return numerator, denominator, fits
    scale = 10**rounding.places
    if scale >= GUARD:
        return numerator, denominator, ~fits
    fits = (numerator < GUARD) & (denominator < GUARD)  # every product below stays in int64
    numerator, denominator = np.where(fits, numerator, 0), np.where(fits, denominator, 1)
    exact = (scale % denominator == 0) | (numerator * weight_bottom == weight_top * denominator)
    whole, rest = np.divmod(numerator * scale, denominator)
    twice = 2 * rest
    if rounding.mode is RoundingMode.HALF_UP:
        whole += twice >= denominator
    elif rounding.mode is RoundingMode.HALF_EVEN:
        whole += (twice > denominator) | ((twice == denominator) & (whole % 2 == 1))
    fits &= exact | (whole < GUARD)
    whole = np.where(fits, whole, 0)
    over = whole * weight_bottom > weight_top * scale  # never above the weight
    top = np.where(exact, numerator, np.where(over, weight_top, whole))
    bottom = np.where(exact, denominator, np.where(over, weight_bottom, scale))
    top, bottom = _reduced(top, bottom)
    return top, bottom, fits
