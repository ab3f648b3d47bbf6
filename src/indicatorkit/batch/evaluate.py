"""Evaluating distinct (target, actual, weight, direction) combinations: numeric comparisons
vectorised on int64 columns, everything else as :func:`score_indicator
<indicatorkit.scoring.score_indicator>` scores it — so a rule set stays the one definition of a
score.

The vectorised path decides ``met`` (the comparison ``check`` makes, on the integers of
:meth:`Comparison.threshold <indicatorkit.Comparison.threshold>`), the attainment
(:func:`~indicatorkit.scoring.attainment.integer_attainment`'s ratio), full marks for a met
target and a missed one's partial credit rounded as a row (:mod:`indicatorkit.batch.credit`:
the rule set's formulas on int64 columns), :mod:`indicatorkit.batch.decision` guarding the
products it forms.  Every combination it cannot express (sentences, deadlines, periods,
undecided cases, a pair whose products would leave int64, a met target under an overshoot
rule, a rule set the int64 copy does not take) takes ``score_indicator``'s two steps:
each distinct (target, actual, direction) is checked once
(:func:`~indicatorkit.scoring.indicator.indicator_verdict`), the verdict scored per weight.

>>> import numpy as np
>>> from fractions import Fraction
>>> from indicatorkit import NATIONAL
>>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
>>> targets, actuals = ["≥95%", "及时"], ["96%", "达成"]
>>> combos = (np.array([0, 1]), np.array([0, 1]), np.array([0, 0]), np.array([0, 0]))
>>> evaluated = evaluate(
...     combos, (targets, actuals, [Fraction(10)], [None]),
...     (compile_targets(targets, [None], None), compile_actuals(actuals, None)), NATIONAL, None,
... )
>>> evaluated.vectorised, evaluated.met.tolist(), evaluated.score_numerator.tolist()
(1, [1, 1], [10, 10])
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from indicatorkit.batch.compiled import CompiledActuals, CompiledTargets
from indicatorkit.batch.credit import (
    WeightColumns,
    copies_full_marks,
    copies_missed_credit,
    missed_credit,
    weight_columns,
)
from indicatorkit.batch.decision import (
    DecisionColumns,
    attainment,
    decide,
    decision_columns,
    paired,
)
from indicatorkit.batch.verdicts import kept_verdicts
from indicatorkit.language.bounds import Direction
from indicatorkit.scoring.indicator import Outcome, Verdict
from indicatorkit.scoring.indicator_records import Points
from indicatorkit.scoring.rules import Rounding, RuleSet
from indicatorkit.units import UnitRegistry

__all__ = ["OUTCOMES", "Evaluated", "evaluate"]

#: The outcome column's codes.
OUTCOMES = tuple(Outcome)
_CODE = {outcome: code for code, outcome in enumerate(OUTCOMES)}

Ints = npt.NDArray[np.int64]
_INT64 = 2**63
#: Combinations decided at once (their temporaries: a few dozen bytes each).
CHUNK = 32_768
Values = tuple[
    Sequence[str | None], Sequence[object], Sequence[Fraction], Sequence[Direction | None]
]


@attrs.frozen
class Evaluated:
    """Per combination: ``outcome`` code, ``met`` (-1 undecided, 0, 1), exact ``attainment``
    and ``score`` as numerator / denominator int64 columns (``big`` holds the Fractions that
    do not fit, by combination; ``*_known`` is False for ``None``) and ``message`` codes into
    ``messages``.

    >>> [outcome.value for outcome in OUTCOMES][:3]
    ['met', 'partly met', 'missed']
    """

    outcome: npt.NDArray[np.int8]
    met: npt.NDArray[np.int8]
    attainment_numerator: Ints
    attainment_denominator: Ints
    attainment_known: npt.NDArray[np.bool_]
    score_numerator: Ints
    score_denominator: Ints
    score_known: npt.NDArray[np.bool_]
    message: npt.NDArray[np.int32]
    messages: list[str]
    big_attainment: dict[int, Fraction]
    big_score: dict[int, Fraction]
    vectorised: int


def evaluate(
    combos: tuple[Ints, Ints, Ints, Ints],
    values: Values,
    compiled: tuple[CompiledTargets, CompiledActuals],
    rules: RuleSet,
    units: UnitRegistry | None,
) -> Evaluated:
    """Score each combination ``combos`` (indices into ``values``: target texts, actuals,
    weights, directions).

    >>> import numpy as np
    >>> from fractions import Fraction
    >>> from indicatorkit import NATIONAL
    >>> from indicatorkit.batch.compiled import compile_actuals, compile_targets
    >>> one = (np.array([0]),) * 4
    >>> evaluate(one, (["≥200件"], ["150件"], [Fraction(20)], [None]),
    ...          (compile_targets(["≥200件"], [None], None), compile_actuals(["150件"], None)),
    ...          NATIONAL, None).score_numerator.tolist()
    [15]
    """
    size = len(combos[0])
    weights = weight_columns(values[2], rules.rounding)
    copies = _Copies(copies_full_marks(rules), copies_missed_credit(rules), rules)
    vectorising = copies.full_marks or copies.missed_credit
    out = Evaluated(
        outcome=_blank(size, np.int8, 0, vectorising),
        met=_blank(size, np.int8, -1, vectorising),
        attainment_numerator=_blank(size, np.int64, 0, vectorising),
        attainment_denominator=_blank(size, np.int64, 1, vectorising),
        attainment_known=_blank(size, np.bool_, 0, vectorising),
        score_numerator=_blank(size, np.int64, 0, vectorising),
        score_denominator=_blank(size, np.int64, 1, vectorising),
        score_known=_blank(size, np.bool_, 0, vectorising),
        message=np.zeros(size, np.int32),  # as the result's dictionary indices
        messages=[""],
        big_attainment={},
        big_score={},
        vectorised=0,
    )
    if vectorising:
        tables = decision_columns(*compiled), weights
        # a chunk at a time (its temporaries stay small), on Arrow's threads: numpy lets the
        # GIL go inside each operation, and the chunks write apart
        parts = [slice(start, start + CHUNK) for start in range(0, size, CHUNK)]
        threads = min(pa.cpu_count(), len(parts))
        if threads > 1:
            with ThreadPoolExecutor(threads) as pool:
                for _ in pool.map(
                    lambda part: _vectorised(out, part, combos, tables, copies), parts
                ):
                    pass
        else:
            for part in parts:
                _vectorised(out, part, combos, tables, copies)
    left = np.flatnonzero(~out.score_known)  # so far only the vectorised ones are known
    out = attrs.evolve(out, vectorised=size - left.size)
    _fallback(out, left, combos, values, weights, rules, units)
    return out


def _blank(size: int, dtype: type, default: int, written: bool) -> npt.NDArray[Any]:
    """A result column of ``size`` combinations holding the undecided's ``default`` —
    unfilled when the vectorised path writes every combination of it (``written``: the
    undecided's defaults too)."""
    return np.empty(size, dtype) if written else np.full(size, default, dtype)


@attrs.frozen
class _Copies:
    """What the int64 copy may score under ``rules``: a met row's full marks, a missed
    row's credit (:mod:`indicatorkit.batch.credit`)."""

    full_marks: bool
    missed_credit: bool
    rules: RuleSet


def _vectorised(
    out: Evaluated,
    part: slice,
    combos: tuple[Ints, Ints, Ints, Ints],
    tables: tuple[DecisionColumns, WeightColumns],
    copies: _Copies,
) -> None:
    """Decide the combinations ``part`` whose target and actual pair (:func:`paired`: they
    compile, share a dimension and fit the products' guard) under a weight that fits,
    writing them into ``out``: a met one earns its weight, a missed one its credit."""
    target, actual, weight, way = (column[part] for column in combos)
    columns, weight_table = tables
    flat = columns.flat(target, way)
    weights = weight_table.gathered(weight)
    vector = paired(columns.target_key.take(flat), columns.actual_key.take(actual))
    vector &= weights.denominator > 0
    have = columns.actual_numerator.take(actual), columns.actual_denominator.take(actual)
    met = decide(
        *have,
        columns.threshold_numerator.take(flat),
        columns.threshold_denominator.take(flat),
        columns.strict.take(flat),
    )
    lower = columns.lower_bound.take(flat)
    want = columns.value_numerator.take(target), columns.value_denominator.take(target)
    top, bottom, known = attainment(have, want, lower)
    # a met comparison: full marks (an overshoot rule or cut is the rule set's: not here)
    full = vector & met if copies.full_marks else np.zeros_like(vector)
    score_top, score_bottom = weights.numerator * full, weights.denominator * full
    missed = np.zeros_like(vector)
    if copies.missed_credit:
        credit_top, credit_bottom, credited = missed_credit(
            (top, bottom, known), lower, weights, copies.rules
        )
        missed = vector & ~met
        missed &= credited
        credit_top *= missed
        score_top += credit_top
        credit_bottom *= missed
        score_bottom += credit_bottom
    decided = full | missed
    undecided = ~decided
    score_bottom += undecided  # 1 where undecided
    out.score_numerator[part] = score_top
    out.score_denominator[part] = score_bottom
    out.score_known[part] = decided
    # the codes of met (0: the undecided's too, till the fallback) and missed
    np.multiply(missed, _CODE[Outcome.MISSED], out=out.outcome[part], dtype=np.int8)
    met_column = out.met[part]  # 1 met, 0 missed, -1 left to the fallback
    np.add(full, decided, out=met_column, dtype=np.int8)
    met_column -= 1
    shown = known & decided
    top *= shown
    out.attainment_numerator[part] = top
    bottom *= shown
    bottom += ~shown
    out.attainment_denominator[part] = bottom
    out.attainment_known[part] = shown


def _fallback(
    out: Evaluated,
    rows: Ints,
    combos: tuple[Ints, Ints, Ints, Ints],
    values: Values,
    weight_columns: WeightColumns,
    rules: RuleSet,
    units: UnitRegistry | None,
) -> None:
    """Score ``rows`` (combinations) as ``score_indicator`` does, checking each distinct
    (target, actual, direction) once (:func:`~indicatorkit.scoring.indicator.indicator_verdict`)
    and scoring it per weight: the verdict's outcome, attainment and message column-wise
    over its rows; no score while undecided; full marks the weight column itself; any other
    score by :meth:`Verdict.row_score <indicatorkit.scoring.indicator.Verdict.row_score>`
    (the rule set's own formulas and rounding), once per weight and verdict
    (:meth:`~indicatorkit.scoring.indicator.Verdict.scoring_key`: a grade's many rows alike) —
    verdicts and scores kept for the process's later calls (:mod:`indicatorkit.batch.verdicts`)."""
    if not rows.size:
        return
    target, actual, weight, way = combos
    texts, given, weights, directions = values
    keys = (target[rows], actual[rows], way[rows])
    order = np.lexsort(keys[::-1])
    rows = rows[order]
    change = np.zeros(rows.size, np.bool_)
    change[0] = True
    for column in keys:
        ordered = column[order]
        change[1:] |= ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(change).tolist()
    messages = _Messages(out)
    # full marks are the weight itself when the rule set's rounding is the shipped one (its
    # row keeps full marks unrounded); any other is asked row by row
    full_marks = type(rules.rounding) is Rounding
    kept = kept_verdicts(rules, units)  # checked and scored once per process, not per call
    for start, stop in zip(starts, [*starts[1:], rows.size], strict=True):
        group = rows[start:stop]
        first = int(group[0])
        text = texts[target[first]]
        verdict = kept.verdict(
            "" if text is None else text, given[actual[first]], directions[way[first]], units
        )
        _write_verdict(out, group, verdict, messages)
        points = verdict.points
        if points is Points.NONE:  # undecided: no score under any weight
            continue
        if points is Points.FULL and full_marks:
            _write_weights(out, group, weight[group], weight_columns, weights)
            continue
        codes = weight[group].tolist()
        scores = kept.row_scores(verdict, [weights[code] for code in codes])
        _write_scores(out, group, scores)
        for row, code, (_, cut) in zip(group.tolist(), codes, scores, strict=True):
            if cut:  # 偏离度: the cut's message too
                out.message[row] = messages.code(verdict.score(weights[code]).message)


def _write_scores(out: Evaluated, rows: Ints, scores: list[tuple[Fraction, bool]]) -> None:
    """Each row's score into ``rows``: at once where every score fits int64, else one by one."""
    tops = [score.numerator for score, _ in scores]
    bottoms = [score.denominator for score, _ in scores]
    if -_INT64 <= min(tops) and max(tops) < _INT64 and max(bottoms) < _INT64:
        out.score_numerator[rows], out.score_denominator[rows] = tops, bottoms
        out.score_known[rows] = True
        return
    for row, (score, _) in zip(rows.tolist(), scores, strict=True):
        _store(
            row, score, out.score_numerator, out.score_denominator, out.score_known, out.big_score
        )


class _Messages:
    """The message column's codes: each distinct message appended to ``out.messages`` once."""

    def __init__(self, out: Evaluated) -> None:
        self.out = out
        self.codes = {text: code for code, text in enumerate(out.messages)}

    def code(self, text: str) -> int:
        code = self.codes.get(text)
        if code is None:
            code = self.codes[text] = len(self.out.messages)
            self.out.messages.append(text)
        return code


def _write_verdict(out: Evaluated, rows: Ints, verdict: Verdict, messages: _Messages) -> None:
    """What ``verdict`` says of every row in ``rows``: outcome, met, attainment, message."""
    out.outcome[rows] = _CODE[verdict.outcome]
    out.met[rows] = -1 if verdict.met is None else int(verdict.met)
    _store(
        rows,
        verdict.attainment,
        out.attainment_numerator,
        out.attainment_denominator,
        out.attainment_known,
        out.big_attainment,
    )
    if verdict.message:
        out.message[rows] = messages.code(verdict.message)


def _write_weights(
    out: Evaluated,
    rows: Ints,
    weight: Ints,
    weight_columns: WeightColumns,
    weights: Sequence[Fraction],
) -> None:
    """Full marks: each row's weight as its score (the weight columns where they hold it)."""
    numerator, denominator = weight_columns.numerator[weight], weight_columns.denominator[weight]
    small = denominator > 0
    out.score_numerator[rows] = numerator
    out.score_denominator[rows] = np.where(small, denominator, 1)
    out.score_known[rows] = True
    for row, code in zip(rows[~small].tolist(), weight[~small].tolist(), strict=True):
        _store(
            np.array([row]),
            weights[code],
            out.score_numerator,
            out.score_denominator,
            out.score_known,
            out.big_score,
        )


def _store(
    rows: int | Ints,
    value: Fraction | None,
    numerators: Ints,
    denominators: Ints,
    known: npt.NDArray[np.bool_],
    big: dict[int, Fraction],
) -> None:
    """``value`` into ``rows`` (a row or an array of rows) of an exact column."""
    if value is None:
        return
    known[rows] = True
    if -_INT64 <= value.numerator < _INT64 and value.denominator < _INT64:
        numerators[rows], denominators[rows] = value.numerator, value.denominator
    else:  # beyond int64: kept as a Fraction
        for row in np.atleast_1d(rows).tolist():
            big[row] = value
