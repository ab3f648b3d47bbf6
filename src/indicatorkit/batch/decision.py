"""The int64 decision of compiled comparisons: the compiled targets and actuals laid out once
per evaluation (:class:`DecisionColumns`), the overflow guard on the products a pair forms
(:func:`paired`), the decision (:func:`decide`) and the attainment (:func:`attainment`).

The guard is on the products, not on each term.  Deciding ``actual ≥ threshold`` and the
attainment multiply an actual's numerator by a target's denominator and a target's numerator
by an actual's denominator — never two numerators, never two denominators — so a pair is
admitted when ``bits(actual numerator) + bits(target denominator) ≤ 62`` and ``bits(target
numerator) + bits(actual denominator) ≤ 62`` (``bits``: the bit length of the magnitude):
each product is then below 2⁶², and a difference of two below 2⁶³.  ``41.6亿元`` against
``42亿元`` (4.2·10⁹ yuan, 33 bits, over a denominator of 1) is admitted; ``≥`` fifteen nines
of yuan against 10¹⁴ yuan in tenths is not, and falls back to Fractions.

>>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
>>> columns = decision_columns(compile_targets(["≥41.6亿元"], [None], None),
...                            compile_actuals(["42亿元", "4200000000.1元"], None))
>>> paired(columns.target_key[[0, 0]], columns.actual_key).tolist()
[True, True]
"""

from __future__ import annotations

import attrs
import numpy as np
import numpy.typing as npt

from indicatorkit.batch.compiled import CompiledActuals, CompiledTargets

__all__ = [
    "ROOM",
    "DecisionColumns",
    "attainment",
    "bit_lengths",
    "choose",
    "decide",
    "decision_columns",
    "paired",
]

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]

#: The bits two factors of a product may have together: ``|a| < 2**i`` and ``|b| < 2**j``
#: with ``i + j ≤ ROOM`` give ``|a·b| < 2**62``, and a difference of two such products fits int64.
ROOM = 62
#: The pairing key's layout (:func:`paired`): two 8-bit fields of bit counts, the dimension above.
_FIELD = 8
_DIMENSION = 2 * _FIELD
#: A target's field holds ``_BIAS + ROOM - bits``: its difference with an actual's ``bits``
#: (each at most 63) is in [0, 126] (never a borrow), at least ``_BIAS`` exactly when the two
#: fit together.
_BIAS = 64
_CHECKED_BITS = ~np.int64(0x3F3F)  # each field's bits 6 and 7, and the dimension's
_FITTING = np.int64(0x4040)  # each field at least _BIAS, below 128; the dimensions equal
#: The keys of a target and of an actual that do not compile: their difference is negative.
_TARGET_OUT = -(1 << 40)
_ACTUAL_OUT = 1 << 40


def bit_lengths(values: Ints) -> Ints:
    """The bit length of each ``|value|`` (below 2⁶² in magnitude) — or one more for a
    magnitude beyond 2⁵³ that float64 rounds up to the next power of two: never less, so
    that the guard stays safe (``|value| < 2**bits`` always).

    >>> bit_lengths(np.array([0, 1, -5, 2**31, 2**53, 2**62 - 1])).tolist()
    [0, 1, 3, 32, 54, 63]
    """
    # frexp: |value| as float = m · 2**e with ½ ≤ m < 1, exactly below 2**53 (e is the bit
    # length); a float rounded from [2**(k−1), 2**k) lies in [2**(k−1), 2**k]: e ≥ k
    lengths: Ints = np.frexp(np.abs(values).astype(np.float64))[1].astype(np.int64)
    return lengths


@attrs.frozen
class DecisionColumns:
    """The compiled targets and actuals as the decision reads them, worked out once per
    evaluation on their small columns.  Flat over ``[target, direction]`` (index ``target ·
    ways + direction``): the pairing ``target_key``, the threshold turned by the sign a met
    difference has (negated for an upper bound: operator codes ``≥ 2``), ``strict`` (the
    least met difference: 1 for a strict operator) and ``lower_bound``; by target its value;
    by actual its pairing ``actual_key`` and value.

    >>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
    >>> columns = decision_columns(compile_targets(["<5件"], [None], None),
    ...                            compile_actuals(["4件"], None))
    >>> columns.threshold_numerator.tolist(), columns.strict.tolist(), columns.ways
    ([-5], [1], 1)
    """

    ways: int
    target_key: Ints
    threshold_numerator: Ints
    threshold_denominator: Ints
    strict: npt.NDArray[np.int8]
    lower_bound: Flags
    value_numerator: Ints
    value_denominator: Ints
    actual_key: Ints
    actual_numerator: Ints
    actual_denominator: Ints

    def flat(self, target: Ints, way: Ints) -> Ints:
        """The flat ``[target, direction]`` index of each combination.

        >>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
        >>> from indicatorkit import Direction
        >>> columns = decision_columns(
        ...     compile_targets(["≥1件", "≥2件"], [None, Direction.LOWER], None),
        ...     compile_actuals(["1件"], None))
        >>> columns.flat(np.array([0, 1, 1]), np.array([1, 0, 1])).tolist()
        [1, 2, 3]
        """
        if self.ways == 1:
            return target
        flat: Ints = target * self.ways
        flat += way
        return flat


def decision_columns(targets: CompiledTargets, actuals: CompiledActuals) -> DecisionColumns:
    """Lay out ``targets`` and ``actuals`` for the decision (:class:`DecisionColumns`): one
    row per (target, direction), the threshold's sign saying which way is met.

    >>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
    >>> columns = decision_columns(
    ...     compile_targets(["≥5件", "≤2%"], [None], None), compile_actuals(["4件"], None)
    ... )
    >>> columns.ways, columns.threshold_numerator.tolist()
    (1, [5, -1])
    """
    operator = targets.operator.ravel()
    sign = np.where(operator >= 2, -1, 1)
    ways = targets.operator.shape[1]
    # a target's numerators (threshold and value) meet an actual's denominator, and its
    # denominators an actual's numerator: the widest of each, per [target, direction]
    numerator_bits = np.maximum(
        bit_lengths(targets.base_numerator), bit_lengths(targets.value_numerator)[:, None]
    )
    denominator_bits = np.maximum(
        bit_lengths(targets.base_denominator), bit_lengths(targets.value_denominator)[:, None]
    )
    target_key = np.where(
        targets.compiled,
        (targets.dimension[:, None] << _DIMENSION)
        | ((_BIAS + ROOM - denominator_bits) << _FIELD)
        | (_BIAS + ROOM - numerator_bits),
        _TARGET_OUT,
    )
    actual_key = np.where(
        actuals.compiled,
        (actuals.dimension << _DIMENSION)
        | (bit_lengths(actuals.numerator) << _FIELD)
        | bit_lengths(actuals.denominator),
        _ACTUAL_OUT,
    )
    return DecisionColumns(
        ways=ways,
        target_key=target_key.ravel(),
        threshold_numerator=targets.base_numerator.ravel() * sign,
        threshold_denominator=targets.base_denominator.ravel() * sign,
        strict=(operator & 1).astype(np.int8),
        lower_bound=targets.lower_bound.ravel(),
        value_numerator=targets.value_numerator,
        value_denominator=targets.value_denominator,
        actual_key=actual_key,
        actual_numerator=actuals.numerator,
        actual_denominator=actuals.denominator,
    )


def paired(target_key: Ints, actual_key: Ints) -> Flags:
    """True where a target and an actual (their keys, aligned) both compile, have one
    dimension, and every product the decision and the attainment form of their numbers stays
    inside int64 (the module's guard) — one subtraction and one mask for all three: a key
    holds the dimension above two 8-bit fields of bit counts, a target's biased so that each
    field's difference is at least 64 exactly when the pair fits, and never borrows.

    >>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
    >>> targets = compile_targets(["≥5件", "≥5元", f"≥{2**40}元"], [None], None)
    >>> # 2²² + 1 halves (23 bits over 2 bits), 2⁶¹ (62 bits over 1 bit)
    >>> actuals = compile_actuals(["4件", f"{2**21}.5元", f"{2**61}元"], None)
    >>> columns = decision_columns(targets, actuals)
    >>> pairs = [(0, 0), (0, 1), (1, 1), (2, 1), (1, 2)]
    >>> paired(columns.target_key[[t for t, _ in pairs]],
    ...        columns.actual_key[[a for _, a in pairs]]).tolist()
    [True, False, True, True, False]
    """
    difference = target_key - actual_key
    difference &= _CHECKED_BITS
    fitting: Flags = difference == _FITTING
    return fitting


def decide(
    have_top: Ints,
    have_bottom: Ints,
    want_top: Ints,
    want_bottom: Ints,
    strict: npt.NDArray[np.int8],
) -> Flags:
    """``check``'s decision on aligned columns: the difference actual · threshold denominator
    − threshold numerator · actual denominator (a :func:`paired` pair's products and their
    difference fit int64; the threshold's sign says which way is met) is at least
    ``strict``.

    >>> one, five = np.array([1, 1]), np.array([5, 5])
    >>> decide(five, one, five * [1, -1], one * [1, -1], np.array([0, 1], np.int8)).tolist()
    [True, False]
    """
    difference = have_top * want_bottom
    difference -= want_top * have_bottom
    met: Flags = difference >= strict
    return met


def attainment(
    have: tuple[Ints, Ints], want: tuple[Ints, Ints], lower_bound: Flags
) -> tuple[Ints, Ints, Flags]:
    """``integer_attainment`` of the actuals ``have`` against the targets' values ``want``
    (numerator, denominator columns, aligned), reduced: actual ÷ target for a lower bound,
    target ÷ actual for an upper one (the same two products, swapped); unknown (0/1, and
    False) for a target at or below zero or an actual at or below zero against an upper
    bound.  A negative actual counts as zero.

    >>> share = attainment((np.array([3, 3, 0]), np.array([1, 1, 1])),
    ...                    (np.array([6, 6, 6]), np.array([1, 1, 1])),
    ...                    np.array([True, False, False]))
    >>> [column.tolist() for column in share]
    [[1, 2, 0], [2, 1, 1], [True, True, False]]
    """
    have_top, have_bottom = have
    want_top, want_bottom = want
    have_top = np.maximum(have_top, 0)
    over = have_top * want_bottom  # actual ÷ target = over / under
    under = have_bottom * want_top
    divisor = np.gcd(over, under)
    np.maximum(divisor, 1, out=divisor)  # 0/0: unknown below
    over //= divisor
    under //= divisor
    known = want_top > 0
    known &= lower_bound | (have_top > 0)
    top = choose(lower_bound, over, under)
    top *= known
    bottom = choose(lower_bound, under, over)
    bottom -= 1  # 1 where unknown
    bottom *= known
    bottom += 1
    return top, bottom, known


def choose(condition: Flags, chosen: Ints, other: Ints) -> Ints:
    """``np.where(condition, chosen, other)`` of int64 columns, by arithmetic — ``other +
    (chosen − other) · condition``, exact in int64's wrapping arithmetic — which takes a
    third of ``np.where``'s time on a mask without a pattern.

    >>> choose(np.array([True, False]), np.array([1, 2**62]), np.array([-2**62, 4])).tolist()
    [1, 4]
    """
    chosen = chosen - other
    chosen *= condition
    chosen += other
    return chosen
