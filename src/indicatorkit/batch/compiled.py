"""Distinct targets and actuals compiled to integer columns (numpy), through the public
bounds seam: :meth:`Comparison.threshold <indicatorkit.Comparison.threshold>` and
:attr:`Amount.normalized <indicatorkit.language.Amount.normalized>`.

Each distinct text is read once.  A target compiles when it is a plain comparison of a
dimension (``≥95%``, ``<5万元``) or of a number (``80000``, ``1.1万``) and its numbers —
the threshold reduced — fit the overflow guard; an actual compiles when it reads as an amount
with a unit, or as a number.  A number (bare, or in 万/亿: no dimension) is compared only with
a number (an actual without the target's unit is read in it, with a message: that is
``score_indicator``'s).  Anything else is left to
:func:`score_indicator <indicatorkit.scoring.score_indicator>`.

>>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
>>> targets = compile_targets(["≥95%", "及时足额发放"], [None], None)
>>> targets.compiled[:, 0].tolist(), targets.operator[:, 0].tolist(), targets.base_numerator[0].tolist()
([True, False], [0, 0], [19])
>>> actuals = compile_actuals(["96%", "达成", None], None)
>>> actuals.compiled.tolist(), actuals.numerator.tolist()[0], actuals.denominator.tolist()[0]
([True, False, False], 24, 25)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from indicatorkit.batch.plain_numbers import plain_numbers
from indicatorkit.batch.plain_targets import OPERATORS, PlainTargets, plain_targets
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.conventions import Convention
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.reading import read_or_convention
from indicatorkit.language.targets import AnyTarget, Comparison, Qualitative
from indicatorkit.language.values import Amount
from indicatorkit.units import UnitRegistry, registry_in_use
from indicatorkit.vocabulary import Operator

__all__ = [
    "GUARD",
    "OPERATOR_CODES",
    "CompiledActuals",
    "CompiledTargets",
    "compile_actuals",
    "compile_targets",
    "dimension_code",
    "dimension_names",
    "fits",
    "fits_column",
    "nothing_compiled",
    "read_comparison",
]

#: The overflow guard on each compiled integer: below 2**62 in magnitude.  The products the
#: evaluation forms are guarded pair by pair (:func:`~indicatorkit.batch.decision.paired`,
#: :mod:`~indicatorkit.batch.credit`); a number beyond falls back to Fractions.
GUARD = 2**62
#: The operator columns' codes.
OPERATOR_CODES = {Operator.GE: 0, Operator.GT: 1, Operator.LE: 2, Operator.LT: 3}
#: The pre-pass's operators (:data:`~indicatorkit.batch.plain_targets.OPERATORS`) as codes.
_OPERATOR_CODES = np.array([OPERATOR_CODES[operator] for operator in OPERATORS], np.int8)

Ints = npt.NDArray[np.int64]
_TEXT_TYPES = (pa.string(), pa.large_string())
Flags = npt.NDArray[np.bool_]


def fits_column(numerator: Ints, denominator: Ints) -> Flags:
    """:func:`fits` of each pair of two columns.

    >>> fits_column(np.array([95, 2**62]), np.array([1, 1])).tolist()
    [True, False]
    """
    fit: Flags = (np.abs(numerator) < GUARD) & (np.abs(denominator) < GUARD)
    return fit


def fits(*values: int) -> bool:
    """True when every value is inside the overflow guard.

    >>> fits(95, 100), fits(2**62)
    (True, False)
    """
    return all(-GUARD < value < GUARD for value in values)


@attrs.frozen
class CompiledTargets:
    """Columns indexed ``[target, direction]``: ``compiled`` (vectorisable), ``operator``
    (:data:`OPERATOR_CODES`), the threshold ``base_numerator / base_denominator`` in base
    units, ``lower_bound``; indexed ``[target]``: the target's own value in base units
    ``value_numerator / value_denominator`` (reduced) and its ``dimension`` code.

    >>> compiled = compile_targets(["<5万元"], [None], None)
    >>> compiled.base_numerator.tolist(), compiled.lower_bound.tolist()
    ([[50000]], [[False]])
    """

    compiled: Flags
    operator: npt.NDArray[np.int8]
    base_numerator: Ints
    base_denominator: Ints
    lower_bound: Flags
    value_numerator: Ints
    value_denominator: Ints
    dimension: Ints


@attrs.frozen
class CompiledActuals:
    """Columns indexed ``[actual]``: ``compiled``, the value ``numerator / denominator`` in
    base units (reduced) and its ``dimension`` code.

    >>> compile_actuals(["6万元"], None).numerator.tolist()
    [60000]
    """

    compiled: Flags
    numerator: Ints
    denominator: Ints
    dimension: Ints


_DIMENSIONS: dict[str, int] = {}


def dimension_code(name: str) -> int:
    """This process's code for the dimension ``name``: codes are handed out as dimensions are
    first met, so they differ between processes (a :class:`~indicatorkit.batch.book.TargetBook`
    carries names, not codes).

    >>> dimension_code("[money]") == dimension_code("[money]"), dimension_names()[dimension_code("[money]")]
    (True, '[money]')
    """
    return _DIMENSIONS.setdefault(name, len(_DIMENSIONS))


def dimension_names() -> list[str]:
    """The dimensions' names by their codes (:func:`dimension_code`) in this process.

    >>> code = dimension_code("[length]")
    >>> dimension_names()[code]
    '[length]'
    """
    return list(_DIMENSIONS)


def compile_targets(
    texts: Sequence[str | None] | pa.Array,
    directions: Sequence[Direction | None],
    units: UnitRegistry | None,
) -> CompiledTargets:
    """Compile each distinct target text for each direction.  A string column is read
    column-wise first (:mod:`indicatorkit.batch.plain_targets`); what that pre-pass cannot
    prove plain is read one by one (:func:`read_comparison`).

    >>> from indicatorkit import Direction
    >>> compile_targets(["98%"], [None, Direction.LOWER], None).operator.tolist()  # ≥ / ≤
    [[0, 2]]
    >>> import pyarrow as pa
    >>> compile_targets(pa.array(["≥95%", "及时", None]), [None], None).base_numerator.tolist()
    [[19], [0], [0]]
    """
    rest: Iterable[tuple[int, object]]
    if isinstance(texts, pa.Array) and texts.type in _TEXT_TYPES:
        plain = plain_targets(texts, directions, units, read_comparison)
        compiled = _plainly_compiled(plain)
        left = np.flatnonzero(~plain.accepted)
        rest = zip(left.tolist(), texts.take(pa.array(left)).to_pylist(), strict=True)
    else:
        compiled = nothing_compiled(len(texts), len(directions))
        rest = enumerate(texts.to_pylist() if isinstance(texts, pa.Array) else texts)
    _compile_one_by_one(compiled, rest, directions, units)
    return compiled


def nothing_compiled(size: int, ways: int) -> CompiledTargets:
    """``size`` targets in ``ways`` directions, none compiled (each field's blank: no operator,
    0/1, no dimension) — what reading fills in.

    >>> nothing_compiled(2, 1).base_denominator.tolist()
    [[1], [1]]
    """
    return CompiledTargets(
        np.zeros((size, ways), dtype=np.bool_),
        np.zeros((size, ways), dtype=np.int8),
        np.zeros((size, ways), dtype=np.int64),
        np.ones((size, ways), dtype=np.int64),
        np.zeros((size, ways), dtype=np.bool_),
        np.zeros(size, dtype=np.int64),
        np.ones(size, dtype=np.int64),
        np.full(size, -1, dtype=np.int64),
    )


def _plainly_compiled(plain: PlainTargets) -> CompiledTargets:
    """The pre-pass's columns as compiled ones, in place (a text it did not accept holds
    zeros, denominators 1): as one by one, a value beyond the guard compiles nothing, a
    threshold its direction."""
    codes = np.array([dimension_code(name) for name in plain.dimensions] + [-1], np.int64)
    beyond = ~(plain.accepted & fits_column(plain.value_numerator, plain.value_denominator))
    ways_in = ~beyond[:, None] & fits_column(plain.base_numerator, plain.base_denominator)
    ways_out = ~ways_in
    plain.value_numerator[beyond], plain.value_denominator[beyond] = 0, 1
    dimension = codes[plain.dimension]
    dimension[beyond] = -1
    operator = _OPERATOR_CODES[plain.operator]
    operator[ways_out] = 0
    plain.base_numerator[ways_out], plain.base_denominator[ways_out] = 0, 1
    plain.lower_bound[ways_out] = False
    return CompiledTargets(
        ways_in,
        operator,
        plain.base_numerator,
        plain.base_denominator,
        plain.lower_bound,
        plain.value_numerator,
        plain.value_denominator,
        dimension,
    )


def _compile_one_by_one(
    compiled: CompiledTargets,
    texts: Iterable[tuple[int, object]],
    directions: Sequence[Direction | None],
    units: UnitRegistry | None,
) -> None:
    """Read each of ``texts`` (index, text) one by one (:func:`read_comparison`) into
    ``compiled``'s columns (each written once, at the end)."""
    values: list[tuple[int, int, int, int]] = []  # index, value's pair, dimension
    ways: list[tuple[int, int, int, int, int, bool]] = []  # index, way, operator, pair, lower
    for index, text in texts:
        target = read_comparison(text, units)
        if target is None:
            continue
        value = target.amount.normalized
        if not fits(value.numerator, value.denominator):
            continue
        dimension = dimension_code(target.amount.unit.dimension)
        values.append((index, value.numerator, value.denominator, dimension))
        for way, direction in enumerate(directions):
            threshold = target.threshold(direction)
            # reduced (signs kept): the decision is a ratio, and an unreduced pair of a large
            # unit (万亩 in m²) would exceed the guard where the reduced one does not
            divisor = math.gcd(threshold.base_numerator, threshold.base_denominator) or 1
            top = threshold.base_numerator // divisor
            bottom = threshold.base_denominator // divisor
            if fits(top, bottom):
                code = OPERATOR_CODES[target.effective_operator(direction)]
                ways.append((index, way, code, top, bottom, threshold.lower_bound))
    if values:
        rows, tops, bottoms, dimensions = np.array(values, np.int64).T
        compiled.value_numerator[rows], compiled.value_denominator[rows] = tops, bottoms
        compiled.dimension[rows] = dimensions
    if ways:
        rows, columns, codes, tops, bottoms, lower = np.array(ways, np.int64).T
        compiled.compiled[rows, columns] = True
        compiled.operator[rows, columns] = codes
        compiled.base_numerator[rows, columns] = tops
        compiled.base_denominator[rows, columns] = bottoms
        compiled.lower_bound[rows, columns] = lower


def read_comparison(text: object, units: UnitRegistry | None) -> Comparison | None:
    """The comparison a distinct target text compiles from, read one by one — strictly
    first, leniently when strict reading gives a sentence, a convention or an error — or
    ``None`` (not a comparison of a dimension or of a bare number).

    >>> read_comparison("不低于90%", None), read_comparison("及时", None)
    (Comparison('≥90%'), None)
    """
    if not isinstance(text, str):
        return None
    target = _read_strictly(text, registry_in_use() if units is None else units)
    if target is None:
        try:
            target = parse_target(text, lenient=True, units=units).target
        except IndicatorkitError:
            return None
    # exactly a comparison (a subclass may check its own way); every amount compiles: the
    # dimension code keeps a number (bare, or in 万/亿) apart from amounts of a dimension
    return target if type(target) is Comparison else None


def _read_strictly(text: str, registry: UnitRegistry) -> AnyTarget | None:
    """The target strict reading gives ``text`` (the reader's fast forms and cache) when the
    lenient reader would give that very target — anything but a sentence or a convention,
    which it reads further — else ``None``: the lenient reader decides."""
    try:
        read = read_or_convention(text, registry)
    except IndicatorkitError:
        return None
    return None if isinstance(read, Qualitative | Convention) else read


def compile_actuals(
    texts: Sequence[object] | pa.Array, units: UnitRegistry | None
) -> CompiledActuals:
    """Compile each distinct actual: text that reads as an amount with a unit, or a bare
    number (its own dimension: compared only with a bare target).  A string column is read
    column-wise first (:mod:`indicatorkit.batch.plain_numbers`); what that pre-pass cannot
    prove plain is read one by one.

    >>> compiled = compile_actuals(["96%", "96", "达成"], None)
    >>> compiled.compiled.tolist(), bool(compiled.dimension[0] != compiled.dimension[1])
    ([True, True, False], True)
    >>> import pyarrow as pa
    >>> compile_actuals(pa.array(["96%", "达成", None]), None).numerator.tolist()
    [24, 0, 0]
    """
    rest: Iterable[tuple[int, object]]
    if isinstance(texts, pa.Array) and texts.type in _TEXT_TYPES:
        plain = plain_numbers(texts, units)
        codes = np.array([dimension_code(name) for name in plain.dimensions] + [-2], np.int64)
        fit = plain.accepted & fits_column(plain.numerator, plain.denominator)
        beyond = ~fit  # in place: a text not accepted holds 0 / 1 already
        plain.numerator[beyond], plain.denominator[beyond] = 0, 1
        dimension = codes[plain.dimension]
        dimension[beyond] = -2
        compiled = CompiledActuals(fit, plain.numerator, plain.denominator, dimension)
        left = np.flatnonzero(~plain.accepted)
        rest = zip(left.tolist(), texts.take(pa.array(left)).to_pylist(), strict=True)
    else:
        size = len(texts)
        compiled = CompiledActuals(
            np.zeros(size, dtype=np.bool_),
            np.zeros(size, dtype=np.int64),
            np.ones(size, dtype=np.int64),
            np.full(size, -2, dtype=np.int64),
        )
        rest = enumerate(texts.to_pylist() if isinstance(texts, pa.Array) else texts)
    values: list[tuple[int, int, int, int]] = []  # index, value's pair, dimension
    for index, text in rest:
        if not isinstance(text, str):
            continue
        try:
            read = parse_actual(text, units=units)
        except IndicatorkitError:
            continue
        if not isinstance(read, Amount):
            continue
        value = read.normalized
        if fits(value.numerator, value.denominator):
            values.append(
                (index, value.numerator, value.denominator, dimension_code(read.unit.dimension))
            )
    if values:  # each column written once
        rows, tops, bottoms, dimensions = np.array(values, np.int64).T
        compiled.compiled[rows] = True
        compiled.numerator[rows], compiled.denominator[rows] = tops, bottoms
        compiled.dimension[rows] = dimensions
    return compiled
