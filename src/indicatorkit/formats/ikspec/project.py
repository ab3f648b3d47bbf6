"""A project in a spec file: ``项目 编号 名称`` with its fields (the budget, spending plan,
goal, the self-assessment's money and texts) and indicators — or ``项目 6-13`` with only
``暂不公开``, a range of withheld projects (IK018 for a number it cannot take).

>>> from indicatorkit.formats.ikspec.outline import read_outline
>>> reader = ValueReader('''项目 1 法律援助
...   预算：10000元
...   执行数：9000元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥180件
... 项目 2-3
...   暂不公开：涉密
... ''', None)
>>> nodes, reader.comments = read_outline(reader)
>>> projects = [p for node in nodes for p in read_projects(reader, node)]
>>> [(p.number, p.name, p.withheld) for p in projects], projects[0].executed
([(1, '法律援助', None), (2, '', '涉密'), (3, '', '涉密')], Amount('9000元'))
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from sys import intern
from typing import NamedTuple

from indicatorkit.formats.ikspec.fields import Fields
from indicatorkit.formats.ikspec.indicator import read_indicator
from indicatorkit.formats.ikspec.outline import Node
from indicatorkit.formats.ikspec.values import ValueReader
from indicatorkit.model.budget_columns import project_with_initial
from indicatorkit.model.records import Project
from indicatorkit.numerals import MAX_DIGITS

__all__ = ["MAX_WITHHELD_RANGE", "read_projects"]

#: The most projects one withheld range (``项目 6-13``) may stand for.
MAX_WITHHELD_RANGE = 1000

_NUMBERED = re.compile(r"(\d+)(?:[-–—~～至](\d+))?(?:\s+(.*))?")
#: The text fields of a project: the key, and the attribute it fills.
_TEXTS = (
    ("编码", "code"),
    ("单位", "unit"),
    ("用途", "purpose"),
    ("绩效目标", "goal"),
    ("目标完成情况", "goal_outcome"),
    ("执行说明", "budget_reason"),
    ("评价结论", "conclusion"),
    ("存在问题", "problems"),
    ("改进措施", "improvements"),
)


class _Heading(NamedTuple):
    """``项目 1 名称`` or ``项目 6-13``: the first number, the last of a range, the name."""

    first: int
    last: int | None
    name: str


def read_projects(reader: ValueReader, node: Node) -> Iterator[Project]:
    """The project ``node`` holds, or the projects of its withheld range; none after a
    finding.

    >>> from indicatorkit.formats.ikspec.outline import scan_outline
    >>> reader = ValueReader("项目 9-3\\n  暂不公开：涉密\\n", None)
    >>> list(read_projects(reader, scan_outline(reader.lines)[0])), reader.findings[0].message
    ([], '编号范围无效 (invalid range of numbers) “9-3”：终点小于起点 (it ends before it starts)')
    """
    heading = _heading(reader, node)
    if heading is None:
        return
    values, children = reader.fields(node, "项目", {"指标"})
    if heading.last is not None:
        yield from _withheld(reader, node, heading, values, bool(children))
        return
    project = _project(reader, node, heading, values, [child for _, child in children])
    if project is not None:
        yield project


def _heading(reader: ValueReader, node: Node) -> _Heading | None:
    match = _NUMBERED.fullmatch(node.rest.strip())
    if match is None:
        reader.problem(
            "IK018",
            f"项目需要编号 (a project needs a number): “{node.rest}”",
            node.line,
            node.rest_column,
            suggestion="写作“项目 1 项目名称” / write 项目 N name",
        )
        return None
    if len(match[1]) > MAX_DIGITS or len(match[2] or "") > MAX_DIGITS:
        reader.problem(
            "IK018",
            f"项目编号过长 (a project number longer than {MAX_DIGITS} digits)",
            node.line,
            node.rest_column,
        )
        return None
    last = int(match[2]) if match[2] is not None else None
    return _Heading(int(match[1]), last, intern(match[3] or ""))


def _withheld(
    reader: ValueReader, node: Node, heading: _Heading, values: Fields, indicators: bool
) -> Iterator[Project]:
    """The projects ``项目 6-13`` stands for, each withheld for the reason given."""
    first, last = heading.first, heading.last
    assert last is not None
    problem = None
    if set(values) != {"暂不公开"} or indicators:
        problem = (
            "编号范围只能用于暂不公开的项目 (a range of numbers is only for withheld projects)"
        )
    elif last < first or last - first >= MAX_WITHHELD_RANGE:
        problem = f"编号范围无效 (invalid range of numbers) “{first}-{last}”：" + (
            "终点小于起点 (it ends before it starts)"
            if last < first
            else f"最多 {MAX_WITHHELD_RANGE} 个项目 (at most {MAX_WITHHELD_RANGE})"
        )
    if problem is not None:
        reader.problem("IK018", problem, node.line, node.rest_column)
        return
    for number in range(first, last + 1):
        project = reader.build(
            node,
            Project,
            number=number,
            name=heading.name,
            withheld=values["暂不公开"][0],
            where=reader.where(node, values, "项目"),
            comments=reader.comments_for(node) if number == first else (),
        )
        if project is not None:
            yield project


def _project(
    reader: ValueReader, node: Node, heading: _Heading, values: Fields, children: list[Node]
) -> Project | None:
    """A numbered project with its fields and indicators."""
    count = len(reader.findings)
    budget = reader.budget(values)
    plan = reader.field_plan(values)
    money = {key: reader.money(values, key) for key in ("执行数", "调整后预算", "年初预算")}
    sources = reader.fund_sources(values)
    spent = reader.field_plan(values, "累计支出")
    points = {key: reader.points(values, key) for key in ("预算分值", "总分值")}
    indicators = [read_indicator(reader, child) for child in children]
    if len(reader.findings) > count or any(i is None for i in indicators):
        return None
    return reader.build(
        node,
        project_with_initial,  # 年初预算 of an older file: folded into 预算 and 调整后预算
        number=heading.first,
        name=heading.name,
        budget=budget,
        plan=plan,
        indicators=indicators,
        withheld=values["暂不公开"][0] if "暂不公开" in values else None,
        executed=money["执行数"],
        adjusted_budget=money["调整后预算"],
        initial_budget=money["年初预算"],
        fund_sources=sources or (),
        spent=spent,
        budget_weight=points["预算分值"],
        weight_total=points["总分值"],
        **{attribute: values.get(key, ("",))[0] for key, attribute in _TEXTS},
        where=reader.where(node, values, "项目"),
        comments=reader.comments_for(node),
    )
