"""A missed comparison's score, column-wise: :meth:`RuleSet.missed_score
<indicatorkit.RuleSet.missed_score>` and :meth:`Rounding.row <indicatorkit.scoring.rules.Rounding.row>` on
int64 columns, exactly.

The overflow guard is on the products: each weight's ``share_limit``
(:func:`weight_columns`) bounds the attainment's two terms so that every product the formula
and the rounding form with that weight and the rounding's scale stays inside int64.  A row
whose attainment reaches its limit, or a strict bound missed at its very boundary under a rule
set with a :attr:`~indicatorkit.RuleSet.boundary_step`, is left out (``ok`` is False) and
scored as :func:`score_indicator <indicatorkit.scoring.score_indicator>` scores it, in
Fractions.  The copy takes only the rule sets :func:`copies_missed_credit` and
:func:`copies_full_marks` name: a rule set whose formula may differ is never scored by it.

>>> import numpy as np
>>> from fractions import Fraction
>>> from indicatorkit import NATIONAL
>>> top, bottom = np.array([3, 0, 1]), np.array([4, 1, 1])   # attainment 3/4, 0, 1
>>> weights = weight_columns([Fraction(20), Fraction(10), Fraction(10, 3)], NATIONAL.rounding)
>>> numerator, denominator, ok = missed_credit((top, bottom, np.array([True, True, True])),
...     np.array([True, True, True]), weights.gathered(np.array([0, 1, 2])), NATIONAL)
>>> numerator.tolist(), denominator.tolist(), ok.tolist()   # 15, 0, full marks 10/3 unrounded
([15, 0, 10], [1, 1, 3], [True, True, True])
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from functools import cache

import attrs
import numpy as np
import numpy.typing as npt

from indicatorkit.batch.compiled import GUARD, fits
from indicatorkit.batch.decision import choose
from indicatorkit.scoring.rules import (
    LowerIsBetter,
    Rounding,
    RoundingMode,
    RoundingStage,
    RuleSet,
)

__all__ = [
    "WeightColumns",
    "agrees_on_probes",
    "copies_full_marks",
    "copies_missed_credit",
    "missed_credit",
    "rounded_row",
    "weight_columns",
]

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]

#: The settings this module writes out; a rule set with any other is scored by its own methods.
_LOWER_IS_BETTER = (LowerIsBetter.RATIO, LowerIsBetter.LINEAR)
_MODES = (RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN)
_STAGES = (RoundingStage.INDICATOR, RoundingStage.TOTAL, RoundingStage.NONE)
_INT64_MAX = 2**63 - 1
#: Up to this scale a value on the rounding's grid is reduced by a table of divisors.
_TABLED_SCALE = 1 << 16


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
        (share, lower, code)
        for share in _SHARES
        for lower in (True, False)
        for code in range(len(_WEIGHTS))
    ]
    top = np.array([share[0] for share, _, _ in probes], np.int64)
    bottom = np.array([max(share[1], 1) for share, _, _ in probes], np.int64)
    known = np.array([share[1] > 0 for share, _, _ in probes], np.bool_)
    divisor = np.gcd(top, bottom)
    weights = [Fraction(*weight) for weight in _WEIGHTS]
    codes = np.array([code for _, _, code in probes], np.int64)
    numerator, denominator, ok = missed_credit(
        (top // divisor, bottom // divisor, known),
        np.array([lower for _, lower, _ in probes], np.bool_),
        weight_columns(weights, rules.rounding).gathered(codes),
        rules,
    )
    for index in np.flatnonzero(ok).tolist():
        share, lower, code = probes[index]
        exact = rules.missed_score(Fraction(*share) if share[1] else None, lower, weights[code])
        if Fraction(int(numerator[index]), int(denominator[index])) != rules.rounding.row(
            exact, weights[code]
        ):
            return False
    return True


@attrs.frozen
class WeightColumns:
    """By weight code (or, :meth:`gathered`, by row): the weight's ``numerator`` and
    ``denominator`` (both 0 where a term is beyond
    :data:`~indicatorkit.batch.compiled.GUARD`: such a weight is never vectorised),
    ``share_limit`` — attainment terms below it keep every product :func:`missed_credit`
    forms with that weight inside int64 (0: no attainment does) — and ``steps``, the most
    steps of the rounding's grid a score rounds to without passing the weight.

    >>> from indicatorkit import NATIONAL
    >>> weights = weight_columns([Fraction(10), Fraction(10, 3), Fraction(10**20)], NATIONAL.rounding)
    >>> weights.denominator.tolist(), weights.share_limit.tolist(), weights.steps.tolist()
    ([1, 3, 0], [4611686018427387, 4611686018427387, 0], [1000, 333, 0])
    """

    numerator: Ints
    denominator: Ints
    share_limit: Ints
    steps: Ints

    def gathered(self, codes: Ints) -> WeightColumns:
        """The columns of the weights ``codes`` name, one row each."""
        return WeightColumns(
            self.numerator.take(codes),
            self.denominator.take(codes),
            self.share_limit.take(codes),
            self.steps.take(codes),
        )


def weight_columns(weights: Sequence[Fraction], rounding: Rounding) -> WeightColumns:
    """The :class:`WeightColumns` of ``weights`` under ``rounding``.  With attainment terms
    below ``L`` (``0 ≤ top, bottom < L``) and a weight ``t / b``, the formula's score
    ``n / d`` has ``0 ≤ n < 2·t·L`` (the linear formula's ``2·top − bottom``) and
    ``d < b·L``, and the rounding to the scale ``s = 10**places`` forms ``n·b``, ``t·d``,
    ``n·s`` and ``2·(n·s mod d) < 2·d``: every one below ``2**63`` when ``L = (2**63 − 1) //
    max(2·t·b, 2·t·s, 2·b)``.  ``steps`` is ``t·s // b`` (below ``2**63``, or the weight
    takes no credit here).

    >>> from indicatorkit.scoring.rules import Rounding
    >>> weight_columns([Fraction(617, 50)], Rounding()).share_limit.tolist()   # 12.34 points
    [74743695598498]
    """
    scale = 10**rounding.places if rounding.stage is RoundingStage.INDICATOR else 1
    numerators, denominators, limits, steps = [], [], [], []
    for weight in weights:
        top, bottom = weight.numerator, weight.denominator
        if not fits(top, bottom):
            top = bottom = 0
        fitting = bottom > 0 and top * scale <= _INT64_MAX
        numerators.append(top)
        denominators.append(bottom)
        limits.append(
            _INT64_MAX // max(2 * top * bottom, 2 * top * scale, 2 * bottom) if fitting else 0
        )
        steps.append(top * scale // bottom if fitting else 0)
    return WeightColumns(
        *(np.array(column, np.int64) for column in (numerators, denominators, limits, steps))
    )


def missed_credit(
    attainment: tuple[Ints, Ints, Flags],
    lower_bound: Flags,
    weights: WeightColumns,
    rules: RuleSet,
) -> tuple[Ints, Ints, Flags]:
    """The score ``rules`` give a missed comparison — :meth:`~indicatorkit.RuleSet.missed_score`
    of the reduced ``attainment`` (numerator, denominator > 0, known)
    in the direction ``lower_bound``, rounded as a row (:func:`rounded_row`) under each
    row's weight (``weights``: :meth:`WeightColumns.gathered`) — as reduced numerator and
    denominator columns, and ``ok``: the rows computed here (the others need Fractions).
    A share of 1 or more needs no clipping: its score reaches the weight, which the row
    keeps.

    >>> import numpy as np
    >>> from indicatorkit.scoring.rules import RULE_SETS
    >>> share = (np.array([1]), np.array([2]), np.array([True]))         # half of the target
    >>> linear = RULE_SETS["lower-linear"]
    >>> weight = weight_columns([Fraction(10)], linear.rounding).gathered(np.array([0]))
    >>> missed_credit(share, np.array([False]), weight, linear)[0].tolist()
    [0]
    """
    top, bottom, known = attainment
    if rules.rounding.stage is RoundingStage.INDICATOR and 10**rules.rounding.places >= GUARD:
        return np.zeros_like(top), np.ones_like(bottom), np.zeros(top.shape, np.bool_)
    ok = np.maximum(np.abs(top), bottom) < weights.share_limit
    if rules.lower_is_better is LowerIsBetter.RATIO:
        numerator = weights.numerator * top  # w·A/B
        denominator = weights.denominator * bottom
    else:  # linear where less is better: w·(2 − B/A) of the share A/B, at least 0
        linear = 2 * top
        linear -= bottom
        np.maximum(linear, 0, out=linear)
        numerator = weights.numerator * choose(lower_bound, top, linear)
        denominator = weights.denominator * choose(lower_bound, bottom, top)
    numerator *= known  # no share, or none above 0: nothing
    np.maximum(numerator, 0, out=numerator)
    np.maximum(denominator, 1, out=denominator)  # 0 only when the numerator is
    if rules.boundary_step is not None:  # a share of exactly 1: the step, in Fractions
        ok &= ~(known & (top == bottom) & (weights.numerator > 0))
    rounded_top, rounded_bottom = rounded_row((numerator, denominator), weights, rules.rounding)
    return rounded_top, rounded_bottom, ok


def rounded_row(
    score: tuple[Ints, Ints], weights: WeightColumns, rounding: Rounding
) -> tuple[Ints, Ints]:
    """:meth:`Rounding.row <indicatorkit.scoring.rules.Rounding.row>` of each non-negative
    ``score`` (numerator, denominator, not necessarily reduced) under its row's weight
    (``weights``: :meth:`WeightColumns.gathered`), reduced — every product inside int64 for
    the scores the share limit admits.  A score at or above the weight is the weight (full
    marks stay unrounded), one on the rounding's grid is itself (the rest is 0), any other
    is rounded and never passes the weight.

    >>> import numpy as np
    >>> from indicatorkit.scoring.rules import Rounding
    >>> weights = weight_columns([Fraction(10), Fraction(1, 2)], Rounding())
    >>> row = rounded_row((np.array([2, 1, 6, 7]), np.array([3, 2, 8, 1])),
    ...                   weights.gathered(np.array([0, 1, 0, 0])), Rounding())
    >>> row[0].tolist(), row[1].tolist()   # 2/3 → 0.67; full marks 1/2 stay; 6/8 is 3/4; 7 ≤ 10
    ([67, 1, 3, 7], [100, 2, 4, 1])
    """
    numerator, denominator = score
    full = numerator * weights.denominator >= weights.numerator * denominator
    if rounding.stage is not RoundingStage.INDICATOR:
        top, bottom = _reduced(numerator, denominator)
    else:
        scale = 10**rounding.places
        whole, rest = np.divmod(numerator * scale, denominator)
        rest <<= 1  # twice the rest, against the denominator: below, at or past half a step
        if rounding.mode is RoundingMode.HALF_UP:
            whole += rest >= denominator
        elif rounding.mode is RoundingMode.HALF_EVEN:
            whole += (rest > denominator) | ((rest == denominator) & (whole % 2 == 1))
        full |= whole > weights.steps  # rounded past the weight: the weight
        top, bottom = _on_grid(whole, scale)
    return choose(full, weights.numerator, top), choose(full, weights.denominator, bottom)


def _reduced(numerator: Ints, denominator: Ints) -> tuple[Ints, Ints]:
    divisor = np.gcd(numerator, denominator)
    np.maximum(divisor, 1, out=divisor)
    return numerator // divisor, denominator // divisor


def _on_grid(whole: Ints, scale: int) -> tuple[Ints, Ints]:
    """``whole / scale`` reduced: for a small scale by tables of ``whole mod scale``
    (``gcd(whole, scale) = gcd(whole mod scale, scale)``), no division by a column."""
    if scale > _TABLED_SCALE:
        return _reduced(whole, np.full_like(whole, scale))
    tops, bottoms = _grid_tables(scale)
    steps = whole // scale
    rest = whole - steps * scale
    bottom: Ints = bottoms.take(rest)
    steps *= bottom
    steps += tops.take(rest)
    return steps, bottom


@cache
def _grid_tables(scale: int) -> tuple[Ints, Ints]:
    """``r / scale`` reduced, for every ``r < scale``: numerators and denominators."""
    rests = np.arange(scale, dtype=np.int64)
    divisors = np.gcd(rests, scale)
    return rests // divisors, scale // divisors
