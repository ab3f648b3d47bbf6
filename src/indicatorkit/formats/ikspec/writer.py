"""Writing spec files: the canonical text of a :class:`~indicatorkit.model.records.Spec`.

``dumps`` is the formatter: its output is the one canonical spelling of a spec, so
``dumps(loads(dumps(spec))) == dumps(spec)`` and ``loads(dumps(spec)) == spec``.  Comments
are kept, each before the record it belongs to.

>>> from indicatorkit import loads
>>> print(dumps(loads("项目 1 法律援助\\n 预算: 10000.00元\\n 指标 产出指标 / 数量指标 / 受理数\\n  指标值:>=180件")))
项目 1 法律援助
  预算：10000元
<BLANKLINE>
  指标 产出指标 / 数量指标 / 受理数
    指标值：>=180件
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterator

from indicatorkit.errors import ArgumentError
from indicatorkit.formats.fund_sources_text import fund_sources_text
from indicatorkit.language.bounds import Direction
from indicatorkit.language.values import Amount
from indicatorkit.model import records
from indicatorkit.numerals import format_decimal

__all__ = ["dumps"]

INDENT = "  "
_DIRECTIONS = {Direction.HIGHER: "正向", Direction.LOWER: "反向"}


def dumps(spec: records.Spec) -> str:
    """The canonical text of ``spec`` (UTF-8 when written to a file).

    >>> from indicatorkit import dumps, loads
    >>> text = dumps(loads("项目 1 法律援助\\n    预算：  10000元\\n"))
    >>> print(text, end="")
    项目 1 法律援助
      预算：10000元
    >>> dumps(loads(text)) == text
    True
    """
    if not isinstance(spec, records.Spec):
        raise ArgumentError("dumps", "spec", "Spec", spec, "indicatorkit.loads(text)")
    blocks: list[list[str]] = []
    if spec.comments:
        blocks.append([f"# {comment}".rstrip() for comment in spec.comments])
    if spec.units is not None and spec.units.definitions:
        # the file's own units (计量单位), one definition a line, read before any target
        blocks.append(["计量单位", *(f"{INDENT}- {line}" for line in spec.units.definitions)])
    if spec.rules is not None:
        blocks.append([f"评分规则 {spec.rules}"])
    if spec.department is not None:
        blocks.append(list(_department(spec.department)))
    for group in _project_groups(spec.projects):
        blocks.append(list(_project(group)))
    return "\n\n".join("\n".join(block) for block in blocks) + "\n" if blocks else ""


def _comments(comments: tuple[str, ...], depth: int) -> Iterator[str]:
    for comment in comments:
        yield f"{INDENT * depth}# {comment}".rstrip()


def _field(key: str, value: str, depth: int) -> Iterator[str]:
    """``键：值`` with ``| `` continuation lines for a value of several lines; nothing if empty."""
    if not value:
        return
    first, *rest = value.split("\n")
    yield f"{INDENT * depth}{key}：{first}".rstrip()
    for line in rest:
        yield f"{INDENT * (depth + 1)}| {line}".rstrip()


def _amounts(amounts: tuple[Amount, ...]) -> str:
    return "，".join(str(amount) for amount in amounts)


def _plan(plan: records.SpendingPlan | None) -> str:
    if plan is None:
        return ""
    return "，".join(f"{point.by} {point.share}" for point in plan.checkpoints)


def _department(department: records.Department) -> Iterator[str]:
    yield from _comments(department.comments, 0)
    yield f"部门 {department.code or '-'} {department.name}".rstrip()
    if department.year is not None:
        yield from _field("年度", str(department.year), 1)
    yield from _field("总体目标", department.overall_goal, 1)
    for goal in department.goals:
        yield ""
        yield from _goal(goal)
    for programme in department.programmes:
        yield ""
        yield from _programme(programme)
    for group in department.measures:
        yield ""
        yield from _measures(group)


def _goal(goal: records.DepartmentGoal) -> Iterator[str]:
    yield from _comments(goal.comments, 1)
    number = f" {goal.number}" if goal.number is not None else ""
    lines = list(_field(f"目标{number}", goal.text, 1)) or [f"{INDENT}目标{number}："]
    yield from lines
    yield from _field("数据", _amounts(goal.figures), 2)


def _programme(programme: records.Programme) -> Iterator[str]:
    yield from _comments(programme.comments, 1)
    yield f"{INDENT}分项 {programme.name}"
    yield from _field("目标", programme.goal, 2)
    yield from _field("说明", programme.summary, 2)
    yield from _field("支出计划", _plan(programme.plan), 2)
    for indicator in programme.indicators:
        yield ""
        yield from _indicator(indicator, 2)


def _measures(group: records.MeasureGroup) -> Iterator[str]:
    yield from _comments(group.comments, 1)
    yield f"{INDENT}保障措施 {group.title}".rstrip()
    for item in group.items:
        first, *rest = item.split("\n")
        yield f"{INDENT * 2}- {first}".rstrip()
        for line in rest:
            yield f"{INDENT * 3}| {line}".rstrip()


def _indicator(indicator: records.Indicator, depth: int) -> Iterator[str]:
    yield from _comments(indicator.comments, depth)
    title = " / ".join((indicator.level1, indicator.level2, indicator.name))
    while "/  /" in title:  # an empty level: "满意度指标 / / 社会公众投诉率"
        title = title.replace("/  /", "/ /")
    yield f"{INDENT * depth}指标 {title}".rstrip()
    inner = depth + 1
    yield from _field("描述", indicator.description, inner)
    yield from _field("指标值", indicator.target_text, inner)
    yield from _field("依据", indicator.basis, inner)
    if indicator.weight is not None:
        yield from _field("分值", format_decimal(indicator.weight), inner)
    if indicator.direction is not None:
        yield from _field("方向", _DIRECTIONS[indicator.direction], inner)
    yield from _field("实际值", indicator.actual or "", inner)
    if indicator.evaluator_score is not None:
        yield from _field("自评得分", format_decimal(indicator.evaluator_score), inner)
    yield from _field("偏差原因", indicator.reason, inner)
    if indicator.not_applicable is not None:
        yield from (
            _field("不适用", indicator.not_applicable, inner)
            if indicator.not_applicable
            else iter([f"{INDENT * inner}不适用："])
        )


def _project_groups(projects: tuple[records.Project, ...]) -> Iterator[list[records.Project]]:
    """Projects one by one, but runs of withheld ones with one reason together (项目 6-13)."""
    group: list[records.Project] = []
    for project in projects:
        if (
            group
            and _only_withheld(project)
            and _only_withheld(group[-1])
            and project.withheld == group[-1].withheld
            and project.number == group[-1].number + 1
            and project.name == group[-1].name
            and not project.comments
        ):
            group.append(project)
            continue
        if group:
            yield group
        group = [project]
    if group:
        yield group


def _only_withheld(project: records.Project) -> bool:
    """A withheld project with nothing but its name and reason (项目 6-13 may group these)."""
    return project.withheld is not None and not (
        project.code
        or project.unit
        or project.budget
        or project.purpose
        or project.plan
        or project.goal
        or project.indicators
        or project.has_actuals()
    )


def _project(group: list[records.Project]) -> Iterator[str]:
    project = group[0]
    yield from _comments(project.comments, 0)
    number = str(project.number) if len(group) == 1 else f"{project.number}-{group[-1].number}"
    yield f"项目 {number} {project.name}".rstrip()
    yield from _field("编码", project.code, 1)
    yield from _field("单位", project.unit, 1)
    if project.budget is not None:
        yield from _field("预算", str(project.budget.total), 1)
        if project.budget.fiscal is not None:
            yield from _field("财政资金", str(project.budget.fiscal), 1)
        if project.budget.other is not None:
            yield from _field("其他资金", str(project.budget.other), 1)
    yield from _field("用途", project.purpose, 1)
    yield from _field("支出计划", _plan(project.plan), 1)
    yield from _field("绩效目标", project.goal, 1)
    if project.withheld is not None:
        yield from (
            _field("暂不公开", project.withheld, 1) if project.withheld else iter(["  暂不公开："])
        )
    if project.executed is not None:
        yield from _field("执行数", str(project.executed), 1)
    if project.adjusted_budget is not None:
        yield from _field("调整后预算", str(project.adjusted_budget), 1)
    yield from _field("资金来源", fund_sources_text(project.fund_sources), 1)
    yield from _field("目标完成情况", project.goal_outcome, 1)
    yield from _field("累计支出", _plan(project.spent), 1)
    yield from _field("执行说明", project.budget_reason, 1)
    for key, points in (("预算分值", project.budget_weight), ("总分值", project.weight_total)):
        if points is not None:
            yield from _field(key, format_decimal(points), 1)
    yield from _field("评价结论", project.conclusion, 1)
    yield from _field("存在问题", project.problems, 1)
    yield from _field("改进措施", project.improvements, 1)
    for indicator in project.indicators:
        yield ""
        yield from _indicator(indicator, 1)
