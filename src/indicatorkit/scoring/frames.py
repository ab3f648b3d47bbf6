"""Scores as data frames (得分数据框): :meth:`SpecScore.to_frame
<indicatorkit.scoring.score_records.SpecScore.to_frame>` for pandas or polars.

One row per indicator (``per="indicator"``) or per project (``per="project"``), with the
department, project and level columns to filter and group by, and the numbers as numbers
(floats, so ``groupby``, ``mean`` and plots work; a missing or undecided value is NaN or
null) — each with its exact value beside it, as the text the JSON output writes
(``"3352/35"``, ``"95.5"``; :func:`~indicatorkit.numerals.format_decimal`), so nothing is
lost to binary floating point.  Column names are Chinese, as the long table's (``COLUMNS``
lists them with their English aliases).

>>> from indicatorkit import loads, score
>>> result = score(loads(
...     "项目 1 法律援助\\n  预算：10000元\\n  执行数：9000元\\n"
...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    分值：45\\n    实际值：150件\\n"
...     "  指标 满意度指标 / 服务对象满意度指标 / 满意度\\n    指标值：≥90%\\n    分值：45\\n"
...     "    实际值：95%\\n"))
>>> columns = score_columns(result)
>>> columns["三级指标"], columns["得分"], columns["得分（精确）"]
(['受理数', '满意度'], [33.75, 45.0], ['33.75', '45'])
>>> project = score_columns(result, per="project")
>>> project["总分"], project["等级"]
([87.75], ['良'])
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from indicatorkit.errors import ArgumentError
from indicatorkit.numerals import format_decimal_or_none
from indicatorkit.optional import data_frame

if TYPE_CHECKING:
    from indicatorkit.scoring.score_records import ProjectScore, ScoredIndicator, SpecScore

__all__ = ["COLUMNS", "PER", "score_columns", "score_frame"]

#: What a row can be: an indicator, or a project (its budget line and total).
PER: Final = ("indicator", "project")

#: Every column by ``per``: (Chinese name, English alias).  A numeric column is followed by
#: its exact value, named ``…（精确）`` / ``…_exact``.
COLUMNS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "indicator": (
        ("部门", "department"),
        ("项目编号", "number"),
        ("项目名称", "project"),
        ("一级指标", "level1"),
        ("二级指标", "level2"),
        ("三级指标", "indicator"),
        ("指标值", "target"),
        ("实际值", "actual"),
        ("结果", "outcome"),
        ("分值", "weight"),
        ("分值（精确）", "weight_exact"),
        ("得分", "score"),
        ("得分（精确）", "score_exact"),
        ("得分下限", "score_low"),
        ("得分下限（精确）", "score_low_exact"),
        ("得分上限", "score_high"),
        ("得分上限（精确）", "score_high_exact"),
        ("完成率", "attainment"),
        ("完成率（精确）", "attainment_exact"),
    ),
    "project": (
        ("部门", "department"),
        ("项目编号", "number"),
        ("项目名称", "project"),
        ("预算执行率", "budget_rate"),
        ("预算执行率（精确）", "budget_rate_exact"),
        ("预算执行得分", "budget_score"),
        ("预算执行得分（精确）", "budget_score_exact"),
        ("总分", "total"),
        ("总分（精确）", "total_exact"),
        ("总分下限", "total_low"),
        ("总分下限（精确）", "total_low_exact"),
        ("总分上限", "total_high"),
        ("总分上限（精确）", "total_high_exact"),
        ("等级", "grade"),
        ("已折算", "rescaled"),
    ),
}


_NAMES: Final = {per: {name for name, _ in columns} for per, columns in COLUMNS.items()}


def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _numbers(name: str, value: Fraction | None) -> dict[str, Any]:
    """A numeric column and its exact value beside it."""
    return {name: _number(value), f"{name}（精确）": format_decimal_or_none(value)}


def _indicator_row(department: str, project: ProjectScore, item: ScoredIndicator) -> dict[str, Any]:
    indicator, result = item.indicator, item.score
    return {
        "部门": department,
        "项目编号": project.number,
        "项目名称": project.name,
        "一级指标": indicator.level1,
        "二级指标": indicator.level2,
        "三级指标": indicator.name,
        "指标值": indicator.target_text,
        "实际值": indicator.actual,
        "结果": result.outcome.label,
        **_numbers("分值", result.weight),
        **_numbers("得分", result.score),
        **_numbers("得分下限", result.score_range[0]),
        **_numbers("得分上限", result.score_range[1]),
        **_numbers("完成率", result.attainment),
    }


def _project_row(department: str, project: ProjectScore) -> dict[str, Any]:
    return {
        "部门": department,
        "项目编号": project.number,
        "项目名称": project.name,
        **_numbers("预算执行率", project.budget.rate),
        **_numbers("预算执行得分", project.budget.score),
        **_numbers("总分", project.total),
        **_numbers("总分下限", project.total_range[0]),
        **_numbers("总分上限", project.total_range[1]),
        "等级": project.grade_label,
        "已折算": project.rescaled,
    }


def score_columns(
    result: SpecScore, *, per: str = "indicator", english: bool = False
) -> dict[str, list[Any]]:
    """The frame's columns, name → values (what :func:`score_frame` hands the library);
    ``english`` names them by their English aliases (:data:`COLUMNS`).

    ``per`` is ``"indicator"`` or ``"project"``; another is an
    :class:`~indicatorkit.errors.ArgumentError`.

    >>> from indicatorkit import loads, score
    >>> result = score(loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥2件\\n"
    ...     "    实际值：1件\\n"))
    >>> score_columns(result, english=True)["score_exact"]
    ['25']
    """
    if per not in PER:
        raise ArgumentError("to_frame", "per", "'indicator' or 'project'", per, "per='project'")
    department = result.department_name
    rows: list[dict[str, Any]]
    if per == "indicator":
        rows = [
            _indicator_row(department, project, item)
            for project in result.projects
            for item in project.indicators
        ]
    else:
        rows = [_project_row(department, project) for project in result.projects]
    return {alias if english else name: [row[name] for row in rows] for name, alias in COLUMNS[per]}


def score_frame(
    result: SpecScore, *, library: str = "pandas", per: str = "indicator", english: bool = False
) -> Any:
    """The scores as a pandas or polars data frame (see the module's docstring).

    >>> from indicatorkit import loads, score
    >>> result = score(loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n"
    ...     "    指标值：≥200件\\n    实际值：150件\\n"))
    >>> frame = score_frame(result)
    >>> frame.loc[0, ["项目名称", "三级指标", "得分（精确）"]].tolist(), str(frame["得分"].dtype)
    (['法律援助', '受理数', '37.5'], 'float64')
    """
    columns = score_columns(result, per=per, english=english)
    numeric = [
        alias if english else name
        for name, alias in COLUMNS[per]
        if f"{name}（精确）" in _NAMES[per]
    ]
    return data_frame(columns, library, floats=numeric, caller="to_frame")
