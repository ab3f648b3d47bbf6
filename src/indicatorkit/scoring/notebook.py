"""Rich display of scores in notebooks: ``_repr_html_`` of a :class:`SpecScore
<indicatorkit.scoring.score_records.SpecScore>` (a row per project: total, grade, budget line, and the
department's roll-up) and of a :class:`ProjectScore <indicatorkit.scoring.score_records.ProjectScore>`
(a row per indicator) — compact tables, not the whole record
(:func:`~indicatorkit.model.notebook.html_table`).

>>> from indicatorkit import loads, score
>>> result = score(loads('''
... 部门 101 司法局
... 项目 1 法律援助
...   预算：10000元
...   执行数：9000元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥200件
...     分值：90
...     实际值：150件
... '''))
>>> page = result._repr_html_()
>>> "司法局" in page, "<td>76.50</td>" in page, "<td>中</td>" in page
(True, True, True)
>>> "<td>67.50</td>" in result.projects[0]._repr_html_()
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indicatorkit.model.notebook import html_table
from indicatorkit.scoring.indicator import UNDECIDED, display_percent

if TYPE_CHECKING:  # the score records call these functions: no import back at run time
    from indicatorkit.scoring.score_records import ProjectScore, SpecScore

__all__ = ["project_score_html", "spec_score_html"]


def spec_score_html(result: SpecScore) -> str:
    """A spec's scores: a row per project, the department's total and grade in the caption.

    >>> from indicatorkit import loads, score
    >>> page = spec_score_html(score(loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n"
    ...     "    指标值：≥2件\\n")))
    >>> "评分规则 rules: national" in page, "<td>0.00–60.00</td>" in page
    (True, True)
    """
    caption = f"评分规则 rules: {result.rules.name}"
    if result.department_name:
        caption = f"部门 {result.department_name} · {caption}"
    if result.department_range is not None:
        grade = result.department_grade or UNDECIDED
        caption += f" · 部门总分 total {result.rules.rounding.display_range(*result.department_range)} · 等级 grade {grade}"
    if result.findings:
        caption += f" · {len(result.findings)} 条发现 findings"
    rows = (
        (
            project.number,
            project.name,
            project.rounding.display_range(*project.total_range),
            project.grade_label,
            display_percent(project.budget.rate),
        )
        for project in result.projects
    )
    headers = ["编号 no.", "项目名称 project", "总分 total", "等级 grade", "预算执行率 budget rate"]
    return html_table(caption, headers, rows)


def project_score_html(project: ProjectScore) -> str:
    """A project's scores: a row per indicator, the total and grade in the caption.

    >>> from indicatorkit import loads, score
    >>> result = score(loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n"
    ...     "    指标值：≥2件\\n    实际值：1件\\n"))
    >>> "<td>未达成 missed</td><td>50.00</td><td>25.00</td>" in project_score_html(result.projects[0])
    True
    """
    rounding = project.rounding
    caption = (
        f"项目 project {project.number} {project.name} · 总分 total "
        f"{rounding.display_range(*project.total_range)} · 等级 grade {project.grade_label}"
    )
    rows = (
        (
            item.indicator.name,
            item.indicator.target_text,
            item.indicator.actual or "",
            item.score.outcome.label,
            rounding.display(item.score.weight),
            rounding.display_range(*item.score.score_range),
        )
        for item in project.indicators
    )
    headers = ["三级指标 indicator", "指标值 target", "实际值 actual", "结果 outcome"]
    return html_table(caption, [*headers, "分值 weight", "得分 score"], rows)
