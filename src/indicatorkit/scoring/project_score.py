"""Scoring one project: each indicator's weight (the spec's, or its level's share), each
indicator scored, the subtotals, the budget line, the total as the rule set rounds, rescales
and caps it, and the grade — withheld, with the reason, when the weights do not total 100 (or
the printed 总分).

Weights come from the spec where it gives them (分值); otherwise each level-1 indicator gets its
rule-set weight (产出 50, 效益 30, 满意度 10), split evenly inside the level (in steps of the
rule set's rounding: 50 over three rows is 16.67, 16.67, 16.66), so the seed's tables score
without a weight written.  Points an indicator leaves undecided (actual missing, unreadable,
evaluation failed) make the total a range.

The total is the sum of the rows as the rule set rounds them (national: each to two decimals,
half up), so the rows shown add up to the total shown, and the grade follows that total.

>>> from indicatorkit import NATIONAL, loads
>>> spec = loads('''
... 项目 5 公共法律服务
...   预算：8000元
...   执行数：8000元
...   指标 产出指标 / 数量指标 / 咨询人次
...     指标值：≥500人次
...     实际值：400人次
...   指标 产出指标 / 时效指标 / 办结时限
...     指标值：≤15个工作日
...     实际值：12个工作日
... ''')
>>> project = score_project(spec.projects[0], NATIONAL, spec.units)
>>> [(s.score.weight, s.score.score) for s in project.indicators]
[(Fraction(25, 1), Fraction(20, 1)), (Fraction(25, 1), Fraction(25, 1))]
>>> project.total, project.grade, project.weight_sum
(Fraction(55, 1), None, Fraction(60, 1))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction

import attrs

from indicatorkit.model.cost_direction import COST_MESSAGE, effective_direction, implied_direction
from indicatorkit.model.records import Indicator, Project
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.budget_line import BudgetLine, budget_line
from indicatorkit.scoring.indicator import IndicatorScore, Outcome, score_indicator
from indicatorkit.scoring.printed_note import printed_score_note
from indicatorkit.scoring.rules import RoundingStage, RuleSet
from indicatorkit.scoring.score_records import ProjectScore, ScoredIndicator, Subtotal
from indicatorkit.units import UnitRegistry
from indicatorkit.vocabulary import level1_name, level2_name

__all__ = ["range_grade", "score_project"]

_ZERO = Fraction(0)
_HUNDRED = Fraction(100)

Span = tuple[Fraction, Fraction]


def range_grade(rules: RuleSet, low: Fraction, high: Fraction) -> str | None:
    """The grade of a total between ``low`` and ``high``: ``None`` when the two ends fall in
    different grades.

    >>> from indicatorkit import NATIONAL
    >>> range_grade(NATIONAL, Fraction(91), Fraction(95)), range_grade(NATIONAL, Fraction(85), Fraction(95))
    ('优', None)
    """
    grade = rules.grade(low)
    return grade if rules.grade(high) == grade else None


def score_project(project: Project, rules: RuleSet, units: UnitRegistry | None) -> ProjectScore:
    """``project`` scored under ``rules`` (see the module's docstring); ``units`` is the spec's
    unit registry.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.rules import rule_set
    >>> spec = loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥2件\\n    实际值：1件\\n")
    >>> score_project(spec.projects[0], rule_set("rescale-100"), spec.units).total_range  # of 60
    (Fraction(4167, 100), Fraction(5833, 100))
    """
    weights, notes = _weights(project.indicators, rules)
    scored = tuple(
        _scored_indicator(indicator, weight, note, rules, units)
        for indicator, weight, note in zip(project.indicators, weights, notes, strict=True)
    )
    budget = budget_line(project, rules)
    possible = sum(weights, _ZERO) + budget.weight
    shown, exact = _row_sums(scored, budget, rules)
    factor = _rescaling(scored, possible, rules)
    note = (
        ""
        if factor != 1 and rules.rescale_weights
        else _weight_note(possible, project.weight_total)
    )
    if factor != 1:  # rescaled
        shown, exact = _times(shown, factor), _times(exact, factor)
    low, high = _as_counted(shown, rules, budget, possible)
    exact_low, exact_high = (rules.cap_total(v, budget.rate) for v in exact)
    return ProjectScore(
        project.number,
        project.name,
        scored,
        tuple(_subtotals(scored, rules)),
        budget,
        (low, high),
        None if note else range_grade(rules, low, high),
        factor != 1,
        project.year_budget,
        (exact_low, exact_high),
        possible,
        note,
        rounding=rules.rounding,
    )


def _scored_indicator(
    indicator: Indicator, weight: Fraction, note: str, rules: RuleSet, units: UnitRegistry | None
) -> ScoredIndicator:
    """One indicator scored, its message saying everything the project's scoring adds: how its
    weight was found, a cost read as less-is-better, the printed 得分 beside the rules'."""
    implied = implied_direction(indicator)
    result = score_indicator(
        indicator.target,
        indicator.actual,
        weight,
        direction=effective_direction(indicator),
        rules=rules,
        evaluator_score=indicator.evaluator_score,
        not_applicable=indicator.not_applicable,
        reason=indicator.reason,
        units=units,
        read=indicator.reading_to_check(units),
    )
    printed = printed_score_note(indicator, result.score, rules.rounding)
    said = [
        text for text in (note, COST_MESSAGE if implied else "", result.message, printed) if text
    ]
    if said and said != [result.message]:
        result = attrs.evolve(result, message="；".join(said))
    return ScoredIndicator(indicator, result)


def _row_sums(
    scored: Sequence[ScoredIndicator], budget: BudgetLine, rules: RuleSet
) -> tuple[Span, Span]:
    """The total's range as the rows are shown — rounded when the rule set rounds rows (full
    marks on a weight off the grid, 1/3, count 0.33), so the rows shown add up to the total
    shown — and before any rounding."""
    shown = _shown(rules)
    spans = [_span(s.score) for s in scored] + [budget.score_range]
    exact = [_exact_span(s.score) for s in scored] + [
        budget.score_range if budget.exact_score is None else (budget.exact_score,) * 2
    ]
    return (
        (_sum(shown(span[0]) for span in spans), _sum(shown(span[1]) for span in spans)),
        (_sum(span[0] for span in exact), _sum(span[1] for span in exact)),
    )


def _rescaling(scored: Sequence[ScoredIndicator], possible: Fraction, rules: RuleSet) -> Fraction:
    """What the total is multiplied by: to 100 when the rule set rescales weights, over the
    weights that apply when it rescales indicators that do not; else 1."""
    scale = _HUNDRED if rules.rescale_weights else possible
    dropped = _sum(s.score.weight for s in scored if s.score.outcome is Outcome.NOT_APPLICABLE)
    if rules.rescale_not_applicable and dropped and possible > dropped:
        return scale / (possible - dropped)
    return scale / possible if rules.rescale_weights and possible else Fraction(1)


def _times(span: Span, factor: Fraction) -> Span:
    return span[0] * factor, span[1] * factor


def _as_counted(
    span: Iterable[Fraction], rules: RuleSet, budget: BudgetLine, possible: Fraction
) -> Span:
    """A total as it counts: capped by the budget line's rate, rounded as the rule set says,
    never past the most the total can be (the rows' own cap)."""
    most = _HUNDRED if rules.rescale_weights else possible
    low, high = (min(rules.rounding.total(rules.cap_total(v, budget.rate)), most) for v in span)
    return low, high


def _weight_note(possible: Fraction, printed: Fraction | None) -> str:
    """Why no grade can be given for weights totalling ``possible`` (the budget line
    included) under a printed 总分 ``printed``; ``""`` when they total 100 as printed."""
    if printed is not None and printed != possible:
        return (
            f"分值合计 {format_decimal(possible)}，与表中总分 {format_decimal(printed)} 不符 "
            f"(the weights total {format_decimal(possible)}, the table prints "
            f"{format_decimal(printed)})"
        )
    if possible != _HUNDRED:
        return (
            f"分值合计 {format_decimal(possible)}，不是 100 "
            f"(the weights total {format_decimal(possible)}, not 100)"
        )
    return ""


def _sum(values: Iterable[Fraction]) -> Fraction:
    return sum(values, _ZERO)


def _same(value: Fraction) -> Fraction:
    return value


def _shown(rules: RuleSet) -> Callable[[Fraction], Fraction]:
    """A row's points as they count: rounded when the rule set rounds rows, else exact."""
    rounding = rules.rounding
    return rounding.round if rounding.stage is RoundingStage.INDICATOR else _same


def _span(result: IndicatorScore) -> Span:
    """What an indicator adds to a total: its score once decided (a qualitative grade's
    default or the evaluator's score included), anything from 0 to its weight while not."""
    if result.score is not None:
        return result.score, result.score
    return result.score_range


def _exact_span(result: IndicatorScore) -> Span:
    """:func:`_span` before the rule set's rounding."""
    if result.exact_score is not None:
        return result.exact_score, result.exact_score
    return result.score_range


def _weights(indicators: Sequence[Indicator], rules: RuleSet) -> tuple[list[Fraction], list[str]]:
    """Each indicator's weight: the spec's, or its level's weight split evenly among the
    indicators of the level that have none (in the rounding's steps when rows are rounded)."""
    weights: list[Fraction | None] = [indicator.weight for indicator in indicators]
    notes = ["" for _ in indicators]
    levels: dict[str, list[int]] = {}
    for index, indicator in enumerate(indicators):
        levels.setdefault(level1_name(indicator.level1), []).append(index)
    for level, members in levels.items():
        missing = [i for i in members if weights[i] is None]
        level_weight = rules.level_weights.get(level)
        if missing and level_weight is None:
            for i in missing:
                weights[i], notes[i] = _ZERO, _no_level_weight(level)
        elif missing and level_weight is not None:
            given = _sum(w for i in members if (w := weights[i]) is not None)
            shares = _split(max(_ZERO, level_weight - given), len(missing), rules)
            for i, share in zip(missing, shares, strict=True):
                weights[i] = share
    return [w if w is not None else _ZERO for w in weights], notes


def _no_level_weight(level: str) -> str:
    return (
        f"“{level}”没有规定的权重，且表中未给分值，按 0 计 "
        "(no weight for this level-1 indicator: counted as 0)"
    )


def _split(points: Fraction, parts: int, rules: RuleSet) -> list[Fraction]:
    """``points`` split evenly into ``parts``: exactly, or — when the rule set rounds rows —
    in its steps, the first rows taking one step more (50 in three: 16.67, 16.67, 16.66), so
    that the rows' full marks still add up to ``points``.

    >>> from indicatorkit import NATIONAL
    >>> [str(share) for share in _split(Fraction(50), 3, NATIONAL)]
    ['1667/100', '1667/100', '833/50']
    """
    rounding = rules.rounding
    steps = points / rounding.step
    if rounding.stage is not RoundingStage.INDICATOR or steps.denominator != 1:
        return [points / parts] * parts
    base, extra = divmod(steps.numerator, parts)
    return [(base + (i < extra)) * rounding.step for i in range(parts)]


def _subtotals(scored: Iterable[ScoredIndicator], rules: RuleSet) -> list[Subtotal]:
    """Each level's weight and points, its rows counted as shown (as :func:`_row_sums`), so a
    level's points shown add up to its rows shown."""
    shown = _shown(rules)
    groups: dict[tuple[str, str], list[IndicatorScore]] = {}
    for item in scored:
        level1 = level1_name(item.indicator.level1)
        level2 = level2_name(level1, item.indicator.level2)
        groups.setdefault((level1, ""), []).append(item.score)
        if level2:  # a blank level-2 name is counted once, in its level-1 group
            groups.setdefault((level1, level2), []).append(item.score)
    return [
        Subtotal(
            level1,
            level2,
            _sum(s.weight for s in members),
            (_sum(shown(_span(s)[0]) for s in members), _sum(shown(_span(s)[1]) for s in members)),
        )
        for (level1, level2), members in groups.items()
    ]
