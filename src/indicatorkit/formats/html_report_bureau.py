"""The bureau page (局汇总页): a :class:`~indicatorkit.scoring.departments.BureauScore` — the
departments scored and ranked by the caller (:func:`~indicatorkit.scoring.departments.score_departments`
or :func:`~indicatorkit.scoring.departments.rank_departments`) — as one self-contained HTML page:
the bureau's summary, the count of each grade, a chart and a table of the ranking, and a
section per department (its projects' totals and grades), linked from the ranking.

Like the single report (:mod:`~indicatorkit.formats.html_report`) it renders what it is given
and computes nothing; it works offline (ECharts inlined, no CDN) and needs jinja2 (the
``report`` extra).  The numbers are those of ``indicatorkit score --departments --format
json``, shown with the rule set's places; each carries a ``data-key`` for tests and tools.

>>> from indicatorkit import loads
>>> from indicatorkit.scoring.departments import score_departments
>>> def spec(actual):
...     return loads("项目 1 法律援助\\n  预算：100元\\n  执行数：100元\\n"
...         "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    分值：90\\n"
...         f"    实际值：{actual}\\n")
>>> bureau = score_departments([("司法局", spec("210件")), ("民政局", spec("150件"))])
>>> html = render_bureau(bureau)
>>> 'data-key="bureau.mean">88.75<' in html, 'href="#department-2"' in html
(True, True)
>>> "https://" in html.split("<script>")[0] or "<link" in html   # nothing fetched
False
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from indicatorkit.formats.html_report import render_template, script_json
from indicatorkit.scoring.departments import BureauScore, DepartmentStanding
from indicatorkit.scoring.rules import Rounding

__all__ = ["BureauPage", "DepartmentSection", "ProjectLine", "build_bureau_page", "render_bureau"]

_UNDECIDED = "待定 undecided"


def _shown(value: tuple[Fraction, Fraction] | None, rounding: Rounding) -> str:
    """A total as shown: the value, a range while undecided, or a dash."""
    return "—" if value is None else rounding.display_range(*value)


@attrs.frozen
class ProjectLine:
    """One project of a department's section: number, name, total as shown, grade.

    >>> ProjectLine(1, "法律援助", "77.50", "中").total
    '77.50'
    """

    number: int
    name: str
    total: str
    grade: str


@attrs.frozen
class DepartmentSection:
    """One department: its place in the ranking (``key``: 1, 2, … in the ranking's order,
    the anchor ``department-KEY``), what the ranking shows and its projects.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.departments import score_departments
    >>> bureau = score_departments([("甲", loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 数\\n"
    ...     "    指标值：≥1件\\n"))])                       # no actual: undecided, unranked
    >>> section = build_bureau_page(bureau).sections[0]
    >>> section.key, section.rank, section.total, [line.name for line in section.lines]
    (1, '', '0.00–60.00', ['法律援助'])
    """

    key: int
    rank: str
    name: str
    source: str
    projects: int
    indicators: int
    total: str
    exact: str
    grade: str
    lines: tuple[ProjectLine, ...]


@attrs.frozen
class BureauPage:
    """What the bureau page shows, every number already formatted.

    >>> from indicatorkit.scoring.departments import score_departments
    >>> build_bureau_page(score_departments([])).grades
    (('优', 0), ('良', 0), ('中', 0), ('差', 0))
    """

    title: str
    rules: str
    rules_title: str
    departments: int
    ranked: int
    mean: str
    grade: str
    grades: tuple[tuple[str, int], ...]
    sections: tuple[DepartmentSection, ...]


def _section(key: int, standing: DepartmentStanding, rounding: Rounding) -> DepartmentSection:
    result = standing.result
    range_ = result.department_range
    return DepartmentSection(
        key=key,
        rank="" if standing.rank is None else str(standing.rank),
        name=standing.name,
        source=standing.source,
        projects=standing.projects,
        indicators=standing.indicators,
        total=_shown(range_, rounding),
        exact="" if standing.total is None else str(standing.total),
        grade=standing.grade or (_UNDECIDED if range_ is not None else "—"),
        lines=tuple(
            ProjectLine(
                project.number,
                project.name,
                _shown(project.total_range, rounding),
                project.grade or _UNDECIDED,
            )
            for project in result.projects
        ),
    )


def build_bureau_page(bureau: BureauScore, *, title: str | None = None) -> BureauPage:
    """The page of ``bureau`` (scored and ranked by the caller), every number formatted with
    the rule set's places.

    >>> from indicatorkit.scoring.departments import score_departments
    >>> page = build_bureau_page(score_departments([], rules="whole-points"))
    >>> page.title, page.rules, page.mean, page.sections
    ('局汇总 各部门自评排名', 'whole-points', '—', ())
    """
    rounding, summary = bureau.rounding, bureau.summary
    counted = dict(summary.grades)
    return BureauPage(
        title=title or "局汇总 各部门自评排名",
        rules=bureau.rules.name,
        rules_title=bureau.rules.title,
        departments=summary.departments,
        ranked=summary.ranked,
        mean=rounding.display(summary.mean) or "—",
        grade=summary.grade or "—",
        grades=tuple((name, counted.get(name, 0)) for _, name in bureau.rules.grades),
        sections=tuple(
            _section(key, standing, rounding)
            for key, standing in enumerate(bureau.departments, start=1)
        ),
    )


def _chart_data(page: BureauPage) -> dict[str, Any]:
    """The ranking chart's data: each department with a decided total, in rank order."""
    return {
        "departments": [
            {"name": section.name, "total": section.total, "grade": section.grade}
            for section in page.sections
            if section.rank
        ]
    }


def render_bureau(bureau: BureauScore, *, title: str | None = None) -> str:
    """The bureau page of ``bureau`` as one self-contained HTML page.

    >>> from indicatorkit.scoring.departments import score_departments
    >>> html = render_bureau(score_departments([]), title="某局 2025")
    >>> "<title>某局 2025</title>" in html, 'data-key="bureau.departments">0<' in html
    (True, True)
    """
    page = build_bureau_page(bureau, title=title)
    return render_template("bureau.html.j2", page, script_json(_chart_data(page)))
