"""The note ``score`` writes beside a quantitative row whose table prints a 得分 other than the
rules' (:func:`printed_score_note`): the rules' score stands and is shown as the rule set shows
points (:meth:`Rounding.display <indicatorkit.scoring.rounding.Rounding.display>`: national
``22.50``, ``whole-points`` ``23``); the printed score is quoted as the table wrote it.

>>> from fractions import Fraction
>>> from indicatorkit import Indicator, parse_target
>>> row = Indicator("产出指标", "数量指标", "数", parse_target("≥4件"), actual="2件",
...                 evaluator_score=20)
>>> printed_score_note(row, Fraction(45, 2), Rounding())
'表上印的得分 20，按规则计算为 22.50 (the table prints 20; the rules give 22.50)'
"""

from __future__ import annotations

from fractions import Fraction

from indicatorkit.language.targets import Qualitative
from indicatorkit.model.records import Indicator
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.rounding import Rounding

__all__ = ["printed_score_note"]


def printed_score_note(
    indicator: Indicator, rules_score: Fraction | None, rounding: Rounding
) -> str:
    """What a quantitative row's printed 得分 says against the score the rules give it
    (``rules_score``), when the two differ as ``rounding`` shows points (``""`` otherwise):
    the rules' score stands, the table's is shown beside it (``indicatorkit score``).

    A rule set that keeps rows exact (``round-total``) still shows a row to its places, so a
    table printing ``0.67`` for ⅔ agrees with what the rule set shows: no note says "prints
    0.67; the rules give 0.67".

    >>> from indicatorkit import Indicator, parse_target
    >>> row = Indicator("产出指标", "数量指标", "数", parse_target("≥3件"), actual="2件",
    ...                 evaluator_score=Fraction("0.6"))
    >>> printed_score_note(row, Fraction(2, 3), Rounding())
    '表上印的得分 0.6，按规则计算为 0.67 (the table prints 0.6; the rules give 0.67)'
    >>> import attrs
    >>> printed_score_note(attrs.evolve(row, evaluator_score=Fraction("0.67")), Fraction(2, 3), Rounding())
    ''
    """
    printed = indicator.evaluator_score
    if printed is None or isinstance(indicator.target, Qualitative) or rules_score is None:
        return ""
    if printed == rules_score or printed == rounding.round(rules_score):
        return ""
    shown, given = format_decimal(printed), rounding.display(rules_score)
    return f"表上印的得分 {shown}，按规则计算为 {given} (the table prints {shown}; the rules give {given})"
