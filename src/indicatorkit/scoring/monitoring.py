"""Monitoring (绩效运行监控): at a date in the year, cumulative spending against the table's own
spending plan — or against the share of the year elapsed (序时进度) where a table has none —
the lag, and traffic lights per project and per indicator.

Thresholds (our documented convention, configurable): spending at or ahead of plan is green,
up to 10 points behind yellow, more red.  An indicator graded 达成 / 部分达成 / 未达成 is green /
yellow / red; a numeric indicator whose actual already meets its target is green, one whose
attainment keeps pace with the year is yellow, else red; no actual yet is grey.

>>> import datetime
>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   支出计划：3月底 20%，6月底 50%，10月底 80%，12月底 100%
...   累计支出：6月底 35%
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥200件
...     实际值：120件
... ''')
>>> report = monitor(spec, datetime.date(2025, 6, 30))
>>> line = report.projects[0]
>>> line.planned, line.spent, line.lag, line.light
(Fraction(1, 2), Fraction(7, 20), Fraction(3, 20), <Light.RED: 'red'>)
>>> line.indicators[0].light                     # 60% done at mid-year: keeping pace
<Light.YELLOW: 'yellow'>
"""

from __future__ import annotations

import calendar
import datetime
import enum
from fractions import Fraction
from typing import Any

import attrs

from indicatorkit.errors import ArgumentError, IndicatorkitError
from indicatorkit.language.interval_actual import check_actual
from indicatorkit.language.targets import Comparison, Qualitative, Range
from indicatorkit.language.values import DatePoint, Grade
from indicatorkit.model.actuals import Actuals, merge_actuals
from indicatorkit.model.cost_direction import effective_direction
from indicatorkit.model.findings import Finding
from indicatorkit.model.records import Indicator, Project, Spec, SpendingPlan
from indicatorkit.scoring.attainment import attainment
from indicatorkit.scoring.indicator import display
from indicatorkit.scoring.score_data import ratio_data

__all__ = [
    "IndicatorLight",
    "Light",
    "MonitorReport",
    "ProjectLight",
    "Thresholds",
    "monitor",
    "spending_light",
]

_ZERO = Fraction(0)


class Light(enum.Enum):
    """A traffic light.

    >>> from indicatorkit.scoring import Light
    >>> Light.RED.label, [light.value for light in Light]
    ('红 red', ['green', 'yellow', 'red', 'grey'])
    """

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"

    @property
    def label(self) -> str:
        return f"{_LABELS[self]} {self.value}"


_LABELS = {Light.GREEN: "绿", Light.YELLOW: "黄", Light.RED: "红", Light.GREY: "灰"}
_GRADE_LIGHTS = {
    Grade.ACHIEVED: Light.GREEN,
    Grade.PARTIAL: Light.YELLOW,
    Grade.NOT_ACHIEVED: Light.RED,
}


@attrs.frozen
class IndicatorLight:
    """An indicator's light at the date, with why.

    >>> import datetime
    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：210件\\n")
    >>> light = monitor(spec, datetime.date(2025, 6, 30)).projects[0].indicators[0]
    >>> light.indicator.name, light.light, light.message
    ('受理数', <Light.GREEN: 'green'>, '已达成 met')
    """

    indicator: Indicator
    light: Light
    progress: Fraction | None
    message: str


@attrs.frozen
class ProjectLight:
    """A project's spending at the date: ``planned`` and ``spent`` cumulative shares (``None``
    where unknown), the ``lag`` behind plan (0 when on or ahead of plan), whether the plan was
    the table's own (``planned_from == "plan"``) or the elapsed share of the year
    (``"elapsed"``), and the light.

    >>> import datetime
    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  累计支出：6月底 40%\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> project = monitor(spec, datetime.date(2025, 6, 30)).projects[0]
    >>> project.planned_from, project.spent, project.light
    ('elapsed', Fraction(2, 5), <Light.YELLOW: 'yellow'>)
    """

    number: int
    name: str
    planned: Fraction
    planned_from: str
    spent: Fraction | None
    lag: Fraction | None
    light: Light
    indicators: tuple[IndicatorLight, ...]


@attrs.frozen
class MonitorReport:
    """Every project's spending and indicator lights at ``at``, and what merging the actuals
    said (``findings``; empty without actuals).

    >>> import datetime
    >>> from indicatorkit import loads, monitor
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  支出计划：6月底 50%，12月底 100%\\n  累计支出：6月底 45%\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> report = monitor(spec, datetime.date(2025, 6, 30))
    >>> report.at, report.projects[0].light, report.behind
    (datetime.date(2025, 6, 30), <Light.YELLOW: 'yellow'>, False)
    >>> sorted(report.to_dict())
    ['at', 'findings', 'projects']
    """

    at: datetime.date
    projects: tuple[ProjectLight, ...]
    findings: tuple[Finding, ...] = ()

    @property
    def behind(self) -> bool:
        """Whether any light is red: a project's spending or one of its indicators far
        behind (``monitor`` exits 1)."""
        return any(
            project.light is Light.RED or any(i.light is Light.RED for i in project.indicators)
            for project in self.projects
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data, each share as its exact decimal string and, beside it (``*_display``,
        as in ``score``'s JSON), rounded half up to 4 places: the text's ``49.59%`` is
        ``"planned": "181/365", "planned_display": "0.4959"``."""

        return {
            "at": self.at.isoformat(),
            "findings": [f.to_dict() for f in self.findings],
            "projects": [
                {
                    "number": p.number,
                    "name": p.name,
                    **ratio_data("planned", p.planned),
                    "planned_from": p.planned_from,
                    **ratio_data("spent", p.spent),
                    **ratio_data("lag", p.lag),
                    "light": p.light.value,
                    "indicators": [
                        {
                            "level1": i.indicator.level1,
                            "level2": i.indicator.level2,
                            "name": i.indicator.name,
                            "light": i.light.value,
                            **ratio_data("progress", i.progress),
                            "message": i.message,
                        }
                        for i in p.indicators
                    ],
                }
                for p in self.projects
            ],
        }

    def table(self, places: int = 2) -> str:
        """A readable text table, shares as percentages rounded half up to ``places``
        decimals as the report shows them (the exact shares are in :meth:`to_dict`).

        >>> from indicatorkit import loads
        >>> spec = loads("项目 1 甲\\n  预算：100元\\n  累计支出：6月底 30%\\n"
        ...     "  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n")
        >>> report = monitor(spec, datetime.date(2025, 6, 30))
        >>> report.projects[0].planned                  # 181 of 365 days
        Fraction(181, 365)
        >>> print(report.table().splitlines()[1])
        项目 project 1 甲: 计划 planned 49.59%（序时进度 elapsed），实际 spent 30.00%，红 red
        """
        lines = [f"监控时点 as at {self.at.isoformat()}"]
        for p in self.projects:
            spent = "—" if p.spent is None else f"{display(p.spent * 100, places)}%"
            source = "支出计划 plan" if p.planned_from == "plan" else "序时进度 elapsed"
            lines.append(
                f"项目 project {p.number} {p.name}: 计划 planned "
                f"{display(p.planned * 100, places)}%（{source}），实际 spent {spent}，"
                f"{p.light.label}"
            )
            for i in p.indicators:
                lines.append(f"  {i.indicator.name}: {i.light.label} {i.message}".rstrip())
        return "\n".join(lines)


@attrs.frozen
class Thresholds:
    """How far behind plan (in shares of the budget) spending may be and still be yellow.

    >>> from fractions import Fraction
    >>> Thresholds().yellow_lag, Thresholds(yellow_lag=Fraction(1, 5)).yellow_lag
    (Fraction(1, 10), Fraction(1, 5))
    """

    yellow_lag: Fraction = Fraction(1, 10)


def _day(point: DatePoint, year: int) -> datetime.date:
    month, day = point.key()
    last = calendar.monthrange(point.year or year, month)[1]
    return datetime.date(point.year or year, month, min(day, last))


def _share_at(plan: SpendingPlan | None, at: datetime.date) -> Fraction | None:
    """The cumulative share of the latest checkpoint on or before ``at`` (0 before the first)."""
    if plan is None or not plan.checkpoints:
        return None
    share = _ZERO
    for checkpoint in plan.checkpoints:
        if _day(checkpoint.by, at.year) <= at:
            share = checkpoint.share.normalized
    return share


def _elapsed(at: datetime.date) -> Fraction:
    days = 366 if calendar.isleap(at.year) else 365
    return Fraction(at.timetuple().tm_yday, days)


def _indicator_light(indicator: Indicator, pace: Fraction, spec: Spec) -> IndicatorLight:
    target, actual = indicator.target, indicator.actual
    if indicator.not_applicable is not None or actual is None:
        message = (
            "不适用 not applicable"
            if indicator.not_applicable is not None
            else "尚无实际值 no actual yet"
        )
        return IndicatorLight(indicator, Light.GREY, None, message)
    try:
        direction = effective_direction(indicator)  # a bare 成本指标: ≤
        read = indicator.reading_to_check(spec.units)
        result = check_actual(target, actual, direction=direction, units=spec.units, read=read)
    except IndicatorkitError as error:
        return IndicatorLight(indicator, Light.GREY, None, str(error).split("\n")[0])
    if isinstance(target, Qualitative):
        grade = result.value
        if not isinstance(grade, Grade):
            return IndicatorLight(indicator, Light.GREY, None, "未评定等级 no grade yet")
        return IndicatorLight(indicator, _GRADE_LIGHTS[grade], None, grade.value)
    if result.met:
        return IndicatorLight(indicator, Light.GREEN, Fraction(1), "已达成 met")
    progress = attainment(result) if isinstance(target, Comparison | Range) else None
    if progress is not None and progress >= pace:
        return IndicatorLight(indicator, Light.YELLOW, progress, "进度与时间同步 keeping pace")
    return IndicatorLight(indicator, Light.RED, progress, "进度落后 behind")


def spending_light(
    planned: Fraction, spent: Fraction | None, thresholds: Thresholds | None = None
) -> tuple[Fraction | None, Light]:
    """How far ``spent`` lags behind ``planned`` (0 when on or ahead of plan) and its light;
    ``(None, GREY)`` when nothing is known to have been spent.

    >>> from fractions import Fraction
    >>> spending_light(Fraction(1, 2), Fraction(7, 20))
    (Fraction(3, 20), <Light.RED: 'red'>)
    >>> spending_light(Fraction(1, 2), None)
    (None, <Light.GREY: 'grey'>)
    """
    if spent is None:
        return None, Light.GREY
    lag = max(_ZERO, planned - spent)
    yellow = (thresholds or Thresholds()).yellow_lag
    return lag, Light.GREEN if lag == 0 else Light.YELLOW if lag <= yellow else Light.RED


def _project_light(
    project: Project, at: datetime.date, thresholds: Thresholds, spec: Spec
) -> ProjectLight:
    planned = _share_at(project.plan, at)
    planned_from = "plan"
    if planned is None:
        planned, planned_from = _elapsed(at), "elapsed"
    spent = _share_at(project.spent, at)
    lag, light = spending_light(planned, spent, thresholds)
    pace = _elapsed(at)
    return ProjectLight(
        project.number,
        project.name,
        planned,
        planned_from,
        spent,
        lag,
        light,
        tuple(_indicator_light(indicator, pace, spec) for indicator in project.indicators),
    )


def monitor(
    spec: Spec,
    at: datetime.date,
    *,
    actuals: Actuals | None = None,
    thresholds: Thresholds | None = None,
) -> MonitorReport:
    """The monitoring report of ``spec`` at the date ``at`` (every project with a table).

    ``actuals`` (read with :func:`~indicatorkit.formats.actuals_file.read_actuals`: the
    累计支出 checkpoints and the indicators' actuals so far) are merged onto the spec first;
    what the merge says is in :attr:`MonitorReport.findings`.

    >>> import datetime
    >>> from indicatorkit import loads, monitor
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  支出计划：6月底 50%，12月底 100%\\n  累计支出：6月底 20%\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> monitor(spec, datetime.date(2025, 6, 30)).projects[0].light
    <Light.RED: 'red'>
    >>> from indicatorkit.formats.actuals_file import read_actuals
    >>> so_far = read_actuals("项目,三级指标,实际值,累计支出（6月底）\\n1,,,48%\\n1,受理数,150件,\\n")
    >>> report = monitor(spec, datetime.date(2025, 6, 30), actuals=so_far)
    >>> line = report.projects[0]
    >>> line.spent, line.light, line.indicators[0].light
    (Fraction(12, 25), <Light.YELLOW: 'yellow'>, <Light.YELLOW: 'yellow'>)
    >>> [f.code for f in report.findings]  # the file's 累计支出 replaces the spec's 20%
    ['IK410']
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("monitor", "spec", "Spec", spec, "indicatorkit.load(path)")
    if not isinstance(at, datetime.date):
        hint = f"datetime.date.fromisoformat({at!r})" if isinstance(at, str) else ""
        raise ArgumentError("monitor", "at", "datetime.date", at, hint)
    chosen = thresholds or Thresholds()
    findings: tuple[Finding, ...] = ()
    if actuals is not None:
        spec, merged = merge_actuals(spec, actuals)
        findings = tuple(merged)
    return MonitorReport(
        at,
        tuple(
            _project_light(project, at, chosen, spec)
            for project in spec.projects
            if project.withheld is None and project.indicators
        ),
        findings,
    )
