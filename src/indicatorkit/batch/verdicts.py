"""The fallback's verdicts kept across calls (结论留用): each distinct (target text, actual,
direction) that :func:`~indicatorkit.batch.evaluate.evaluate` scores as ``score_indicator``
does is checked once per process, not once per call.

A table scored in partitions — eight Parquet files on one Dask worker, a stream of record
batches — meets the same sentences, deadlines and undecided rows in every partition; each
call used to check them again, which made eight partitions cost about three whole calls.  A
verdict is a pure function of its text, actual and direction under one rule set and registry,
so it is kept with the registry (:attr:`UnitRegistry.memo
<indicatorkit.units.UnitRegistry.memo>`: it lives and dies with it) per rule set, as is each
row score by the verdict's scoring key and the weight (verdicts alike score alike).  Bounded: past :data:`KEPT` verdicts (or four times as many
scores) new ones are worked out and not kept.

>>> from fractions import Fraction
>>> from indicatorkit import NATIONAL
>>> kept = kept_verdicts(NATIONAL, None)
>>> partly = kept.verdict("及时足额发放", "部分达成", None, None)
>>> kept.verdict("及时足额发放", "部分达成", None, None) is partly
True
>>> kept.row_scores(partly, [Fraction(10), Fraction(5)])
[(Fraction(7, 1), False), (Fraction(7, 2), False)]
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from indicatorkit.language.bounds import Direction
from indicatorkit.scoring.indicator import Verdict, indicator_verdict
from indicatorkit.scoring.rules import RuleSet
from indicatorkit.units import UnitRegistry, registry_in_use

__all__ = ["KEPT", "RULE_SETS_KEPT", "KeptVerdicts", "kept_verdicts"]

#: Verdicts kept per rule set and registry (about a kilobyte each).
KEPT = 65_536
#: Rule sets whose verdicts are kept per registry (the last used).
RULE_SETS_KEPT = 8
#: What tells one verdict from another: the target text, the actual's type and value (``1``
#: and ``1.0`` hash alike but may be written differently), the direction.
Key = tuple[str, type, Any, Direction | None]


class KeptVerdicts:
    """Verdicts by :data:`Key`, and row scores by the verdict's
    :meth:`~indicatorkit.scoring.indicator.Verdict.scoring_key` and the weight.

    >>> from indicatorkit import NATIONAL
    >>> kept = KeptVerdicts(NATIONAL)
    >>> kept.verdict("≥200件", "150件", None, None).attainment
    Fraction(3, 4)
    """

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.verdicts: dict[Key, Verdict] = {}
        self.scores: dict[tuple[tuple[object, ...], int, int], tuple[Fraction, bool]] = {}

    def verdict(
        self, text: str, actual: Any, direction: Direction | None, units: UnitRegistry | None
    ) -> Verdict:
        """``indicator_verdict(text, actual, …)``, checked the first time only."""
        key = (text, type(actual), actual, direction)
        found = self.verdicts.get(key)
        if found is None:
            found = indicator_verdict(
                text, actual, direction=direction, rules=self.rules, units=units
            )
            if len(self.verdicts) < KEPT:
                self.verdicts[key] = found
        return found

    def row_scores(self, verdict: Verdict, weights: list[Fraction]) -> list[tuple[Fraction, bool]]:
        """The row score each of ``weights`` earns under ``verdict`` and whether the rule set
        cut a met target's marks (:meth:`Verdict.row_score
        <indicatorkit.scoring.indicator.Verdict.row_score>`), each (scoring key, weight)
        worked out the first time only: verdicts alike score alike."""
        scoring = verdict.scoring_key()
        found = []
        for weight in weights:
            pair = scoring, weight.numerator, weight.denominator  # hashed faster than a Fraction
            score = self.scores.get(pair)
            if score is None:
                _, row, cut = verdict.row_score(weight)
                score = row, cut
                if len(self.scores) < 4 * KEPT:
                    self.scores[pair] = score
            found.append(score)
        return found


def kept_verdicts(rules: RuleSet, units: UnitRegistry | None) -> KeptVerdicts:
    """The verdicts kept for ``rules`` (equal rule sets share them) read in ``units``
    (``None``: the registry in use, kept apart from the same registry given by name); the
    last :data:`RULE_SETS_KEPT` rule sets are kept (a rule set is not hashable: they are
    compared).

    >>> from indicatorkit import NATIONAL
    >>> kept_verdicts(NATIONAL, None) is kept_verdicts(NATIONAL, None)
    True
    """
    registry = registry_in_use() if units is None else units
    kept: list[KeptVerdicts] = registry.memo.setdefault((kept_verdicts, units is None), [])
    for found in list(kept):  # a copy: another thread may add to it meanwhile
        if found.rules is rules or found.rules == rules:
            return found
    fresh = KeptVerdicts(rules)
    kept.append(fresh)
    del kept[:-RULE_SETS_KEPT]
    return fresh
