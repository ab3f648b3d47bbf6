"""A missed comparison's score, column-wise: :meth:`RuleSet.missed_score
<indicatorkit.RuleSet.missed_score>` and :meth:`Rounding.row <indicatorkit.scoring.rules.Rounding.row>` on
int64 columns, exactly.

Every product is of two numbers inside the overflow guard (:data:`~indicatorkit.batch.compiled.GUARD`,
2³¹), so it fits int64; a row whose numbers do not fit or a strict bound missed at its very
boundary under a rule set with a :attr:`~indicatorkit.RuleSet.boundary_step` is left out
(``ok`` is False) and scored as :func:`score_indicator <indicatorkit.scoring.score_indicator>`
scores it, in Fractions.  The copy takes only the rule sets :func:`copies_missed_credit` and
:func:`copies_full_marks` name: a rule set whose formula may differ is never scored by it.

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

from fractions import Fraction

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

__all__ = [
    "agrees_on_probes",
    "copies_full_marks",
    "copies_missed_credit",
    "missed_credit",
    "rounded_row",
]

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]

#: The settings this module writes out; a rule set with any other is scored by its own methods.
_LOWER_IS_BETTER = (LowerIsBetter.RATIO, LowerIsBetter.LINEAR)
_MODES = (RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN)
_STAGES = (RoundingStage.INDICATOR, RoundingStage.TOTAL, RoundingStage.NONE)


def _shipped_classes(rules: RuleSet) -> bool:
    """``rules`` is a :class:`~indicatorkit.RuleSet` itself and its rounding a
    :class:`~indicatorkit.scoring.rules.Rounding` itself: a subclass may override any
    formula, so its rows are scored by its own methods."""
    return type(rules) is RuleSet and type(rules.rounding) is Rounding


def copies_full_marks(rules: RuleSet) -> bool:
    """True when a met comparison earns exactly its weight under ``rules``, as the vectorised
    path writes it: a rule set of the shipped class with no overshoot rule
    (:attr:`~indicatorkit.RuleSet.plain`), whose rounding keeps full marks unrounded.

    >>> import attrs
    >>> from indicatorkit import NATIONAL
    >>> from indicatorkit.scoring.rules import RULE_SETS
    >>> copies_full_marks(NATIONAL), copies_full_marks(RULE_SETS["overshoot-cut"])
    (True, False)
    """
    return _shipped_classes(rules) and rules.plain


def copies_missed_credit(rules: RuleSet) -> bool:
    """True when :func:`missed_credit` computes exactly what ``rules`` would — its
    :meth:`~indicatorkit.RuleSet.missed_score` rounded by its
    :meth:`Rounding.row <indicatorkit.scoring.rules.Rounding.row>` — and may score them:
    a rule set of the shipped classes, its lower-is-better formula, rounding mode and stage
    ones this module writes out, and the copy equal to the rule set's own methods on probes
    that take every branch of the formula (each rule set checked once).

    >>> from indicatorkit import NATIONAL, RuleSet
    >>> from indicatorkit.scoring.rules import RULE_SETS
    >>> all(copies_missed_credit(rules) for rules in RULE_SETS.values())
    True
    >>> class Floor(RuleSet):   # half the weight at least: a formula of its own
    ...     def partial_credit(self, share_met, lower_bound, weight):
    ...         return max(weight / 2, super().partial_credit(share_met, lower_bound, weight))
    >>> copies_missed_credit(Floor("floor", "a subclass"))
    False
    """
    if not _shipped_classes(rules) or not (
        rules.lower_is_better in _LOWER_IS_BETTER
        and rules.rounding.mode in _MODES
        and rules.rounding.stage in _STAGES
    ):
        return False
    known = _CHECKED.get(id(rules))
    if known is None or known[0] is not rules:
        if len(_CHECKED) >= 64:
            _CHECKED.clear()
        known = _CHECKED[id(rules)] = (rules, agrees_on_probes(rules))
    return known[1]


#: Rule sets already probed, by id (a rule set is frozen, but holds mappings: not hashable).
_CHECKED: dict[int, tuple[RuleSet, bool]] = {}
#: Attainments (numerator, denominator; 0/0 for none) and weights the probes combine: shares
#: of nothing, below, at and above the target, halves for the rounding modes.
_SHARES = ((0, 0), (0, 1), (-1, 2), (1, 3), (1, 2), (2, 3), (3, 4), (199, 200), (1, 1), (5, 4),
           (3, 2), (2, 1), (7, 3))  # fmt: skip
_WEIGHTS = ((0, 1), (1, 1), (10, 1), (7, 3), (15, 2), (617, 50), (1, 8))


def agrees_on_probes(rules: RuleSet) -> bool:
    """True when :func:`missed_credit` equals ``rules``' own
    :meth:`~indicatorkit.RuleSet.missed_score`, rounded by its rounding's
    :meth:`~indicatorkit.scoring.rules.Rounding.row`, on every probe it computes (each
    attainment of ``_SHARES`` in both directions under each weight of ``_WEIGHTS``).

    >>> from indicatorkit.scoring.rules import RULE_SETS
    >>> agrees_on_probes(RULE_SETS["lower-linear"])
    True
    """
    probes = [
        (share, lower, weight)
        for share in _SHARES
        for lower in (True, False)
        for weight in _WEIGHTS
    ]
    top = np.array([share[0] for share, _, _ in probes], np.int64)
    bottom = np.array([max(share[1], 1) for share, _, _ in probes], np.int64)
    known = np.array([share[1] > 0 for share, _, _ in probes], np.bool_)
    divisor = np.gcd(top, bottom)
    weight = tuple(np.array([w[part] for _, _, w in probes], np.int64) for part in (0, 1))
    numerator, denominator, ok = missed_credit(
        (top // divisor, bottom // divisor, known),
        np.array([lower for _, lower, _ in probes], np.bool_),
        (weight[0], weight[1]),
        rules,
    )
    for index in np.flatnonzero(ok).tolist():
        share, lower, (weight_top, weight_bottom) = probes[index]
        weight_value = Fraction(weight_top, weight_bottom)
        exact = rules.missed_score(Fraction(*share) if share[1] else None, lower, weight_value)
        if Fraction(int(numerator[index]), int(denominator[index])) != rules.rounding.row(
            exact, weight_value
        ):
            return False
    return True


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
