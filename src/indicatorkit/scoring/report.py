"""Scoring a whole spec: every three-level indicator, subtotals per level-1 and level-2
indicator, the budget line, each project's total and grade, and the department's roll-up.

Weights come from the spec where it gives them (分值); otherwise each level-1 indicator gets its
rule-set weight (产出 50, 效益 30, 满意度 10), split evenly inside the level (in steps of the
rule set's rounding: 50 over three rows is 16.67, 16.67, 16.66), so the seed's tables score
without a weight written.  Points an indicator leaves undecided (actual missing, unreadable,
evaluation failed) make the total a range.

The total is the sum of the rows as the rule set rounds them (national: each to two decimals,
half up), so the rows shown add up to the total shown, and the grade follows that total.  When
the weights and the budget line do not total 100 (or the printed 总分), no grade is given and
``grade_note`` says why — unless the rule set rescales to 100 (百分制折算, ``rescale-100``).

>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   执行数：9500元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥200件
...     实际值：150件
...   指标 效益指标 / 社会效益指标 / 群众知晓率
...     指标值：≥90%
...     实际值：95%
...   指标 满意度指标 / 服务对象满意度指标 / 满意度
...     指标值：≥95%
... ''')
>>> project = score(spec).projects[0]
>>> [(s.score.outcome.value, s.score.score) for s in project.indicators]
[('missed', Fraction(75, 2)), ('met', Fraction(30, 1)), ('actual missing', None)]
>>> project.budget.score, project.total_range, project.grade
(Fraction(19, 2), (Fraction(77, 1), Fraction(87, 1)), None)
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from indicatorkit.errors import ArgumentError
from indicatorkit.language.targets import Qualitative
from indicatorkit.language.values import Amount
from indicatorkit.model.actuals import ACTUALS_HINT, Actuals, merge_actuals
from indicatorkit.model.cost_direction import COST_MESSAGE, implied_direction
from indicatorkit.model.findings import Finding
from indicatorkit.model.records import Indicator, Project, Spec
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.indicator import IndicatorScore, Outcome, display, score_indicator
from indicatorkit.scoring.rules import Rollup, RoundingStage, RuleSet, rule_set
from indicatorkit.vocabulary import level1_name, level2_name

__all__ = [
    "BudgetLine",
    "ProjectScore",
    "ScoredIndicator",
    "SpecScore",
    "Subtotal",
    "budget_line",
    "score",
]

_ZERO = Fraction(0)
_HUNDRED = Fraction(100)


def _text(value: Fraction | None) -> str | None:
    return None if value is None else format_decimal(value)


#: Decimal places of the ``*_display`` strings beside exact values: points to 2 (as the tables
#: print them), ratios (attainment, deviation, rates) to 4.
_POINTS, _RATIO = 2, 4


def _shown(value: Fraction | None, places: int = _POINTS) -> str:
    """The decimal string beside an exact value (``"3352/35"`` → ``"95.77"``; ``""`` for
    none, as ``score_display``)."""
    return display(value, places)


@attrs.frozen
class ScoredIndicator:
    """An indicator of the spec and its score.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n")
    >>> item = score(spec).projects[0].indicators[0]
    >>> item.indicator.name, item.score.outcome
    ('受理数', <Outcome.MET: 'met'>)
    """

    indicator: Indicator
    score: IndicatorScore


@attrs.frozen
class Subtotal:
    """The points of a level-1 (``level2 == ""``) or level-2 indicator group.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> [(s.level1, s.level2, s.weight, s.score_range) for s in score(spec).projects[0].subtotals]
    [('产出指标', '', Fraction(50, 1), (Fraction(75, 2), Fraction(75, 2))), ('产出指标', '数量指标', Fraction(50, 1), (Fraction(75, 2), Fraction(75, 2)))]
    """

    level1: str
    level2: str
    weight: Fraction
    score_range: tuple[Fraction, Fraction]


@attrs.frozen
class BudgetLine:
    """预算执行率: executed ÷ budget (the adjusted budget where one is given), scored.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n")
    >>> line = score(spec).projects[0].budget
    >>> line.rate, line.weight, line.score
    (Fraction(19, 20), Fraction(10, 1), Fraction(19, 2))
    """

    budget: Amount | None
    executed: Amount | None
    rate: Fraction | None
    weight: Fraction
    score: Fraction | None
    score_range: tuple[Fraction, Fraction]
    explanation_required: bool = False
    explanation_given: bool = False
    message: str = ""
    #: The table's 执行说明 (why the budget was executed as it was), as written.
    reason: str = ""
    #: The score before the rule set rounds it (``None`` while undecided).
    exact_score: Fraction | None = None


def _grade(rules: RuleSet, low: Fraction, high: Fraction) -> str | None:
    grade = rules.grade(low)
    return grade if rules.grade(high) == grade else None


@attrs.frozen
class ProjectScore:
    """A project's self-assessment: its indicators' scores, subtotals, budget line, total and
    grade.  ``total`` is ``None`` while points are undecided; ``total_range`` is what the total
    can still be (rounded as the rule set says; ``exact_range`` before rounding) and ``grade``
    is ``None`` when the range spans two grades or the weights do not total 100 (``grade_note``
    says why).  ``rescaled`` says the total was rescaled to 100 because some indicators do not
    apply or the rule set rescales weights; ``weight_sum`` is the weights plus the budget line.

    >>> from indicatorkit import loads, score
    >>> from indicatorkit.scoring import display
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> project = score(spec).projects[0]
    >>> project.number, display(project.indicators[0].score.score), project.undecided
    (1, '37.50', Fraction(0, 1))
    """

    number: int
    name: str
    indicators: tuple[ScoredIndicator, ...]
    subtotals: tuple[Subtotal, ...]
    budget: BudgetLine
    total_range: tuple[Fraction, Fraction]
    grade: str | None
    rescaled: bool
    budget_total: Amount | None
    exact_range: tuple[Fraction, Fraction] | None = None
    weight_sum: Fraction = _HUNDRED
    grade_note: str = ""

    @property
    def total(self) -> Fraction | None:
        low, high = self.total_range
        return low if low == high else None

    @property
    def undecided(self) -> Fraction:
        """Points still undecided (the width of the total's range)."""
        return self.total_range[1] - self.total_range[0]

    def _repr_html_(self) -> str:
        from indicatorkit.scoring.notebook import project_score_html  # a notebook's table

        return project_score_html(self)

    @property
    def grade_label(self) -> str:
        """The grade as every output prints it: the grade, why it is withheld, or undecided.

        >>> from indicatorkit import loads, score
        >>> spec = loads("项目 1\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n"
        ...     "    分值：50\\n    实际值：1件\\n")
        >>> score(spec).projects[0].grade_label
        '不评 withheld（分值合计 60，不是 100 (the weights total 60, not 100)）'
        """
        if self.grade:
            return self.grade
        return f"不评 withheld（{self.grade_note}）" if self.grade_note else "待定 undecided"


@attrs.frozen
class SpecScore:
    """The scores of every project of a spec, and the department's roll-up.

    >>> from indicatorkit import loads, score
    >>> result = score(loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n"))
    >>> result.rules.name, len(result.projects), result.findings
    ('national', 1, ())
    >>> sorted(result.to_dict())
    ['department', 'findings', 'projects', 'rules']
    """

    rules: RuleSet
    projects: tuple[ProjectScore, ...]
    department_range: tuple[Fraction, Fraction] | None
    department_grade: str | None
    #: What merging an actuals file said (rows matching nothing, indicators left without an
    #: actual …); empty when the actuals were in the spec.
    findings: tuple[Finding, ...] = ()
    #: The spec's department (部门) name; empty when the spec has none.
    department_name: str = attrs.field(default="", kw_only=True)

    @property
    def department_total(self) -> Fraction | None:
        if self.department_range is None:
            return None
        low, high = self.department_range
        return low if low == high else None

    def to_dict(self) -> dict[str, Any]:
        """Plain data (numbers as exact decimal strings, never floats)."""
        return {
            "rules": self.rules.name,
            "department": None
            if self.department_range is None
            else {
                "total_range": [_text(v) for v in self.department_range],
                "total_range_display": [_shown(v) for v in self.department_range],
                "total": _text(self.department_total),
                "total_display": _shown(self.department_total),
                "grade": self.department_grade,
            },
            "projects": [_project_data(project) for project in self.projects],
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def to_frame(
        self, *, library: str = "pandas", per: str = "indicator", english: bool = False
    ) -> Any:
        """The scores as a pandas or polars data frame: one row per indicator (or, with
        ``per="project"``, per project), department / project / level columns, numbers as
        floats with their exact values beside (:mod:`indicatorkit.scoring.frames`).

        >>> from indicatorkit import loads, score
        >>> result = score(loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n"
        ...     "    指标值：≥200件\\n    实际值：150件\\n"))
        >>> frame = result.to_frame(library="polars")
        >>> frame["得分"].to_list(), frame["得分（精确）"].to_list()
        ([37.5], ['37.5'])
        """
        from indicatorkit.scoring.frames import score_frame

        return score_frame(self, library=library, per=per, english=english)

    def _repr_html_(self) -> str:
        from indicatorkit.scoring.notebook import spec_score_html  # a notebook's table

        return spec_score_html(self)

    def table(self) -> str:
        """A readable text table: per project, each indicator, the budget line, the total."""
        lines: list[str] = []
        for project in self.projects:
            lines.append(f"项目 project {project.number} {project.name}")
            lines.append(
                "  一级 / 二级 / 三级指标 indicator | 指标值 target | 实际值 actual | 结果 outcome | "
                "分值 weight | 得分 score"
            )
            for item in project.indicators:
                ind, result = item.indicator, item.score
                score = (
                    display(result.score)
                    if result.score is not None
                    else (f"{display(result.score_range[0])}–{display(result.score_range[1])}")
                )
                lines.append(
                    f"  {ind.level1} / {ind.level2} / {ind.name} | {ind.target_text} | "
                    f"{ind.actual or ''} | {result.outcome.label} | {display(result.weight)} | {score}"
                )
                if _open(result) and result.message:
                    lines.append(f"    原因 why: {result.message}")
                elif printed := _printed_score_note(ind, result):
                    lines.append(f"    核对 note: {printed}")
            budget = project.budget
            budget_score = (
                display(budget.score)
                if budget.score is not None
                else f"{display(budget.score_range[0])}–{display(budget.score_range[1])}"
            )
            rate = "" if budget.rate is None else f"{display(budget.rate * 100)}%"
            lines.append(
                f"  预算执行率 budget line | {rate} | {display(budget.weight)} | {budget_score}"
            )
            if budget.message:
                lines.append(f"    原因 why: {budget.message}")
            low, high = project.total_range
            total = display(low) if low == high else f"{display(low)}–{display(high)}"
            lines.append(
                f"  总分 total: {total}  等级 grade: {project.grade_label}"
                + ("（已按百分制折算 rescaled）" if project.rescaled else "")
            )
        if self.department_range is not None:
            low, high = self.department_range
            total = display(low) if low == high else f"{display(low)}–{display(high)}"
            lines.append(
                f"部门 department: {total}  等级 grade: {self.department_grade or '待定 undecided'}"
            )
        return "\n".join(lines)


def _indicator_displays(result: IndicatorScore) -> dict[str, Any]:
    """The decimal strings beside an indicator's exact values (``score_display`` is the
    score's own)."""
    return {
        "weight_display": _shown(result.weight),
        "score_range_display": [_shown(v) for v in result.score_range],
        "attainment_display": _shown(result.attainment, _RATIO),
        "deviation_display": _shown(result.deviation, _RATIO),
    }


def _open(result: IndicatorScore) -> bool:
    """Whether a row leaves its points open: undecided or unreadable, or an explanation the
    rules require is missing (the reasons ``score`` prints and exits 1 for)."""
    return not result.outcome.decided or (
        result.explanation_required and not result.explanation_given
    )


def _project_data(project: ProjectScore) -> dict[str, Any]:
    budget = project.budget
    return {
        "number": project.number,
        "name": project.name,
        "indicators": [
            {
                "level1": item.indicator.level1,
                "level2": item.indicator.level2,
                "name": item.indicator.name,
                **item.score.to_dict(),
                **_indicator_displays(item.score),
                "reason": item.indicator.reason,
                "not_applicable": item.indicator.not_applicable,
            }
            for item in project.indicators
        ],
        "subtotals": [
            {
                "level1": sub.level1,
                "level2": sub.level2,
                "weight": _text(sub.weight),
                "weight_display": _shown(sub.weight),
                "score_range": [_text(v) for v in sub.score_range],
                "score_range_display": [_shown(v) for v in sub.score_range],
            }
            for sub in project.subtotals
        ],
        "budget": {
            "budget": None if budget.budget is None else str(budget.budget),
            "executed": None if budget.executed is None else str(budget.executed),
            "rate": _text(budget.rate),
            "rate_display": _shown(budget.rate, _RATIO),
            "weight": _text(budget.weight),
            "weight_display": _shown(budget.weight),
            "score": _text(budget.score),
            "score_display": _shown(budget.score),
            "exact_score": _text(budget.exact_score),
            "score_range": [_text(v) for v in budget.score_range],
            "score_range_display": [_shown(v) for v in budget.score_range],
            "explanation_required": budget.explanation_required,
            "explanation_given": budget.explanation_given,
            "message": budget.message,
            "reason": budget.reason,
        },
        "total": _text(project.total),
        "total_range": [_text(v) for v in project.total_range],
        "total_range_display": [_shown(v) for v in project.total_range],
        "total_display": display(project.total),
        "exact_total_range": None
        if project.exact_range is None
        else [_text(v) for v in project.exact_range],
        "weight_sum": _text(project.weight_sum),
        "grade": project.grade,
        "grade_note": project.grade_note,
        "rescaled": project.rescaled,
    }


# ---------------------------------------------------------------------------------------------


def _weights(indicators: tuple[Indicator, ...], rules: RuleSet) -> tuple[list[Fraction], list[str]]:
    """Each indicator's weight: the spec's, or its level's weight split evenly among the
    indicators of the level that have none (in the rounding's steps when rows are rounded)."""
    weights: list[Fraction | None] = [indicator.weight for indicator in indicators]
    notes = ["" for _ in indicators]
    levels: dict[str, list[int]] = {}
    for index, indicator in enumerate(indicators):
        levels.setdefault(level1_name(indicator.level1), []).append(index)
    for level, members in levels.items():
        missing = [i for i in members if weights[i] is None]
        if not missing:
            continue
        level_weight = rules.level_weights.get(level)
        if level_weight is None:
            for i in missing:
                weights[i] = _ZERO
                notes[i] = (
                    f"“{level}”没有规定的权重，且表中未给分值，按 0 计 "
                    "(no weight for this level-1 indicator: counted as 0)"
                )
            continue
        given = sum((weights[i] or _ZERO for i in members if weights[i] is not None), _ZERO)
        for i, share in zip(
            missing, _split(max(_ZERO, level_weight - given), len(missing), rules), strict=True
        ):
            weights[i] = share
    return [w if w is not None else _ZERO for w in weights], notes


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


def budget_line(project: Project, rules: RuleSet) -> BudgetLine:
    """The budget line of ``project`` under ``rules`` (the table's printed 分值 where it has
    one), as :func:`score` gives it — also for a project with no indicators.

    >>> from indicatorkit import NATIONAL, loads
    >>> project = loads("项目 1 甲\\n  预算：100元\\n  执行数：95元\\n").projects[0]
    >>> line = budget_line(project, NATIONAL)
    >>> line.rate, line.score
    (Fraction(19, 20), Fraction(19, 2))
    """
    budget = project.adjusted_budget or (project.budget.total if project.budget else None)
    if project.budget_weight is not None and project.budget_weight != rules.budget_weight:
        rules = attrs.evolve(rules, budget_weight=project.budget_weight)  # the table's 分值
    weight = rules.budget_weight
    undecided = (
        "缺少预算数 (no budget)"
        if budget is None
        else "缺少执行数 (no executed amount)"
        if project.executed is None
        else "预算数为 0，无法计算执行率 (a zero budget has no rate)"
        if budget.normalized <= 0
        else ""
    )
    if undecided or budget is None or project.executed is None:
        return BudgetLine(
            budget,
            project.executed,
            None,
            weight,
            None,
            (_ZERO, weight),
            message=undecided,
            reason=project.budget_reason,
        )
    rate = project.executed.normalized / budget.normalized
    exact = rules.budget_score(rate)
    score = rules.rounding.row(exact, weight)
    required = rules.budget_rate_floor is not None and rate < rules.budget_rate_floor
    return BudgetLine(
        budget,
        project.executed,
        rate,
        weight,
        score,
        (score, score),
        explanation_required=required,
        explanation_given=bool(project.budget_reason.strip()),
        message="执行率偏低，须说明 (a low rate: explain it)" if required else "",
        reason=project.budget_reason,
        exact_score=exact,
    )


def _score_project(project: Project, rules: RuleSet, spec: Spec) -> ProjectScore:
    weights, notes = _weights(project.indicators, rules)
    scored = []
    for indicator, weight, note in zip(project.indicators, weights, notes, strict=True):
        implied = implied_direction(indicator)
        result = score_indicator(
            indicator.target,
            indicator.actual,
            weight,
            direction=implied or indicator.direction,
            rules=rules,
            evaluator_score=indicator.evaluator_score,
            not_applicable=indicator.not_applicable,
            reason=indicator.reason,
            units=spec.units,
        )
        printed = _printed_score_note(indicator, result)
        said = [
            text
            for text in (note, COST_MESSAGE if implied else "", result.message, printed)
            if text
        ]
        if said and said != [result.message]:
            result = attrs.evolve(result, message="；".join(said))
        scored.append(ScoredIndicator(indicator, result))
    budget = budget_line(project, rules)
    # rows count as they are shown when the rule set rounds rows (full marks on a weight off
    # the grid, 1/3, count 0.33): the rows shown add up to the total shown
    shown = rules.rounding.round if rules.rounding.stage is RoundingStage.INDICATOR else _same
    spans = [_span(s.score) for s in scored] + [budget.score_range]
    low = sum((shown(span[0]) for span in spans), _ZERO)
    high = sum((shown(span[1]) for span in spans), _ZERO)
    exact = [_exact_span(s.score) for s in scored]
    budget_low, budget_high = (
        budget.score_range if budget.exact_score is None else (budget.exact_score,) * 2
    )
    exact_low = sum((span[0] for span in exact), _ZERO) + budget_low
    exact_high = sum((span[1] for span in exact), _ZERO) + budget_high
    dropped = sum(
        (s.score.weight for s in scored if s.score.outcome is Outcome.NOT_APPLICABLE), _ZERO
    )
    possible = sum(weights, _ZERO) + budget.weight
    note = _weight_note(possible, project.weight_total)
    scale = _HUNDRED if rules.rescale_weights else possible
    if rules.rescale_not_applicable and dropped and possible > dropped:
        factor = scale / (possible - dropped)
    else:
        factor = scale / possible if rules.rescale_weights and possible else Fraction(1)
    rescaled = factor != 1
    if rescaled:
        low, high, exact_low, exact_high = (v * factor for v in (low, high, exact_low, exact_high))
        if rules.rescale_weights:
            note = ""
    # rounded as the rule set says, never past the most the total can be (the rows' own cap)
    low, high = (
        min(rules.rounding.total(rules.cap_total(v, budget.rate)), scale) for v in (low, high)
    )
    exact_low, exact_high = (rules.cap_total(v, budget.rate) for v in (exact_low, exact_high))
    return ProjectScore(
        project.number,
        project.name,
        tuple(scored),
        tuple(_subtotals(scored)),
        budget,
        (low, high),
        None if note else _grade(rules, low, high),
        rescaled,
        project.budget.total if project.budget else None,
        (exact_low, exact_high),
        possible,
        note,
    )


def _printed_score_note(indicator: Indicator, result: IndicatorScore) -> str:
    """What a quantitative row's printed 得分 says against the score the rules give, when the
    two differ (``""`` otherwise): the rules' score stands, the table's is shown beside it."""
    printed = indicator.evaluator_score
    if printed is None or isinstance(indicator.target, Qualitative) or result.score is None:
        return ""
    if printed == result.score:
        return ""
    return (
        f"表上印的得分 {format_decimal(printed)}，按规则计算为 {format_decimal(result.score)} "
        f"(the table prints {format_decimal(printed)}; the rules give {format_decimal(result.score)})"
    )


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


def _same(value: Fraction) -> Fraction:
    return value


def _span(result: IndicatorScore) -> tuple[Fraction, Fraction]:
    """What an indicator adds to a total: its score once decided (a qualitative grade's
    default or the evaluator's score included), anything from 0 to its weight while not."""
    if result.score is not None:
        return result.score, result.score
    return result.score_range


def _exact_span(result: IndicatorScore) -> tuple[Fraction, Fraction]:
    """:func:`_span` before the rule set's rounding."""
    if result.exact_score is not None:
        return result.exact_score, result.exact_score
    return result.score_range


def _subtotals(scored: Iterable[ScoredIndicator]) -> list[Subtotal]:
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
            sum((s.weight for s in members), _ZERO),
            (
                sum((_span(s)[0] for s in members), _ZERO),
                sum((_span(s)[1] for s in members), _ZERO),
            ),
        )
        for (level1, level2), members in groups.items()
    ]


def score(
    spec: Spec,
    actuals: Actuals | None = None,
    *,
    rules: RuleSet | str | None = None,
    spec_file: str | None = None,
    rescale: bool = False,
) -> SpecScore:
    """Score every project of ``spec`` that has indicators (withheld projects have none), by
    ``rules`` — a :class:`RuleSet`, a rule set's name, or ``None`` for the rule set the spec
    names (``Spec.rules``), else the national rules.

    ``actuals`` (read from a file with :func:`~indicatorkit.formats.actuals_file.read_actuals`)
    are merged onto the spec first; what the merge says is in :attr:`SpecScore.findings`
    (an indicator left without an actual located in ``spec_file``, the spec's file name).
    An argument of the wrong kind is an :class:`~indicatorkit.errors.ArgumentError`.
    ``rescale`` asks for 百分制折算: totals of weights other than 100 are rescaled to 100
    (the rule set's ``rescale_weights``); without it such a project gets no grade.

    >>> from indicatorkit import loads, score
    >>> from indicatorkit.scoring import display
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n")
    >>> project = score(spec).projects[0]
    >>> display(project.indicators[0].score.score), display(project.budget.score)
    ('50.00', '9.00')
    >>> score(spec, rules="hubei").rules.name
    'hubei'
    >>> project.total, project.grade, project.grade_note      # 50 + 10: out of 60
    (Fraction(59, 1), None, '分值合计 60，不是 100 (the weights total 60, not 100)')
    >>> rescaled = score(spec, rescale=True).projects[0]
    >>> display(rescaled.total), rescaled.grade
    ('98.33', '优')
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("score", "spec", "Spec", spec, "indicatorkit.load(path)")
    if actuals is not None and not isinstance(actuals, Actuals):
        raise ArgumentError("score", "actuals", "Actuals", actuals, ACTUALS_HINT)
    findings: tuple[Finding, ...] = ()
    if actuals is not None:
        spec, merged = merge_actuals(spec, actuals, spec_file=spec_file)
        findings = tuple(merged)
    chosen = rule_set(rules if rules is not None else spec.rules)
    if rescale and not chosen.rescale_weights:
        chosen = attrs.evolve(chosen, rescale_weights=True)
    projects = tuple(
        _score_project(project, chosen, spec)
        for project in spec.projects
        if project.withheld is None and project.indicators
    )
    department = "" if spec.department is None else spec.department.name
    if not projects:
        return SpecScore(chosen, projects, None, None, findings, department_name=department)
    if chosen.rollup is Rollup.BUDGET_WEIGHTED and all(
        p.budget_total is not None and p.budget_total.normalized > 0 for p in projects
    ):
        weights = [p.budget_total.normalized for p in projects]  # type: ignore[union-attr]
    else:
        weights = [Fraction(1) for _ in projects]
    whole = sum(weights, _ZERO)
    low, high = (
        chosen.rounding.total(
            sum((w * p.total_range[end] for w, p in zip(weights, projects, strict=True)), _ZERO)
            / whole
        )
        for end in (0, 1)
    )
    graded = all(not p.grade_note for p in projects)
    grade = _grade(chosen, low, high) if graded else None
    return SpecScore(chosen, projects, (low, high), grade, findings, department_name=department)
