"""The records of a scored spec: each indicator with its score, the subtotals per level-1 and
level-2 indicator, each project's budget line, total and grade, and the department's roll-up —
what :func:`~indicatorkit.score` returns and every score output renders (plain data
:mod:`~indicatorkit.scoring.score_data`, text :mod:`~indicatorkit.scoring.score_text`, rows
:mod:`~indicatorkit.scoring.score_rows`, frames :mod:`~indicatorkit.scoring.frames`, notebooks
:mod:`~indicatorkit.scoring.notebook`).

>>> from indicatorkit import loads, score
>>> result = score(loads("项目 7 社区矫正\\n  指标 产出指标 / 数量指标 / 走访次数\\n"
...     "    指标值：≥12次\\n    实际值：12次\\n"))
>>> project = result.projects[0]
>>> project.number, project.indicators[0].score.outcome.label, project.total_range
(7, '达成 met', (Fraction(50, 1), Fraction(60, 1)))
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from indicatorkit.language.values import Amount
from indicatorkit.model.findings import Finding
from indicatorkit.model.records import Indicator
from indicatorkit.scoring.budget_line import BudgetLine
from indicatorkit.scoring.indicator import UNDECIDED, IndicatorScore
from indicatorkit.scoring.rules import NATIONAL, Rounding, RuleSet

__all__ = ["ProjectScore", "ScoredIndicator", "SpecScore", "Subtotal"]

_HUNDRED = Fraction(100)


@attrs.frozen
class ScoredIndicator:
    """An indicator of the spec and its score.

    >>> from indicatorkit import loads, score
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

    >>> from indicatorkit import loads, score
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> [(s.level1, s.level2, s.weight, s.score_range) for s in score(spec).projects[0].subtotals]
    [('产出指标', '', Fraction(50, 1), (Fraction(75, 2), Fraction(75, 2))), ('产出指标', '数量指标', Fraction(50, 1), (Fraction(75, 2), Fraction(75, 2)))]
    """

    level1: str
    level2: str
    weight: Fraction
    score_range: tuple[Fraction, Fraction]


@attrs.frozen
class ProjectScore:
    """A project's self-assessment: its indicators' scores, subtotals, budget line, total and
    grade.  ``total`` is ``None`` while points are undecided; ``total_range`` is what the total
    can still be (rounded as the rule set says; ``exact_range`` before rounding) and ``grade``
    is ``None`` when the range spans two grades or the weights do not total 100 (``grade_note``
    says why).  ``rescaled`` says the total was rescaled to 100 because some indicators do not
    apply or the rule set rescales weights; ``weight_sum`` is the weights plus the budget line;
    ``rounding`` is the rule set's, which every output shows the points with.  ``budget_total``
    is the year's budget (全年预算数, :attr:`Project.year_budget
    <indicatorkit.model.records.Project.year_budget>`): what a budget-weighted roll-up weighs.

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
    #: The rule set's rounding: how every output shows this project's points (its places).
    rounding: Rounding = attrs.field(default=NATIONAL.rounding, kw_only=True)

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
        return f"不评 withheld（{self.grade_note}）" if self.grade_note else UNDECIDED


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
        """Plain data (numbers as exact decimal strings, never floats:
        :mod:`indicatorkit.scoring.score_data`)."""
        from indicatorkit.scoring.score_data import spec_score_data

        return spec_score_data(self)

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
        """A readable text table: per project, each indicator, the budget line, the total
        (:mod:`indicatorkit.scoring.score_text`)."""
        from indicatorkit.scoring.score_text import score_table

        return score_table(self)
