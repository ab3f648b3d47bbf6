"""A department in a spec file: ``部门 编码 名称`` with its year and overall goal, its numbered
goals (``目标 1：…`` and their 数据), its programmes (``分项 名称``, their own indicators) and
its groups of measures (``保障措施 标题`` and ``- …`` items).

>>> from indicatorkit.formats.ikspec.outline import read_outline
>>> reader = ValueReader('''部门 315001 玉田县司法局
...   年度：2025
...   目标 1：办理法律援助案件
...     数据：180件
...   保障措施 组织保障
...     - 加强领导
... ''', None)
>>> nodes, reader.comments = read_outline(reader)
>>> department = read_department(reader, nodes[0])
>>> department.code, department.year, department.goals[0].figures, department.measures[0].items
('315001', 2025, (Amount('180件'),), ('加强领导',))
"""

from __future__ import annotations

import re

from indicatorkit.formats.ikspec.indicator import read_indicator
from indicatorkit.formats.ikspec.outline import Node
from indicatorkit.formats.ikspec.values import ValueReader
from indicatorkit.language.values import Amount
from indicatorkit.model.records import (
    Department,
    DepartmentGoal,
    Location,
    MeasureGroup,
    Programme,
    Where,
)

__all__ = ["read_department"]


def read_department(reader: ValueReader, node: Node) -> Department | None:
    """The department ``node`` holds, or ``None`` after a finding.

    >>> from indicatorkit.formats.ikspec.outline import scan_outline
    >>> reader = ValueReader("部门 - 司法局\\n  分项 法治宣传\\n    目标：普法\\n", None)
    >>> department = read_department(reader, scan_outline(reader.lines)[0])
    >>> department.code, department.name, department.programmes[0].goal
    ('', '司法局', '普法')
    """
    code, _, name = node.rest.partition(" ")
    if code == "-":
        code = ""
    elif not re.fullmatch(r"[A-Za-z0-9]+", code):
        code, name = "", node.rest
    values, children = reader.fields(node, "部门", {"目标", "分项", "保障措施"})
    year = None
    if "年度" in values:
        year = reader.integer(*values["年度"], "年度")
    goals, programmes, measures = [], [], []
    for key, child in children:
        if key == "目标":
            goals.append(_goal(reader, child))
        elif key == "分项":
            programmes.append(_programme(reader, child))
        else:
            measures.append(_measures(reader, child))
    return reader.build(
        node,
        Department,
        code=code.strip(),
        name=name.strip(),
        year=year,
        overall_goal=values.get("总体目标", ("",))[0],
        goals=[goal for goal in goals if goal is not None],
        programmes=[programme for programme in programmes if programme is not None],
        measures=[group for group in measures if group is not None],
        where=reader.where(node, values, "部门"),
        comments=reader.comments_for(node),
    )


def _goal(reader: ValueReader, node: Node) -> DepartmentGoal | None:
    """``目标 1：文字``, its ``| …`` lines and its 数据."""
    match = re.search(r"[：:]", node.rest)
    if match is None:
        reader.problem(
            "IK014",
            "目标的写法是“目标 编号：内容” (write 目标 N：text)",
            node.line,
            node.rest_column,
        )
        return None
    label, text = node.rest[: match.start()], node.rest[match.end() :]
    number = None
    if label.strip():
        number = reader.integer(label, node._replace(rest=label), "目标编号")
        if number is None:
            return None
    # "| …" lines right under the goal continue its text; the fields come after them
    leading = 0
    while leading < len(node.children) and node.children[leading].kind == "continuation":
        leading += 1
    parts = [text.strip(), *(c.rest.strip() for c in node.children[:leading])]
    values, _ = reader.fields(node._replace(children=node.children[leading:]), "目标")
    figures: tuple[Amount, ...] | None = ()
    if "数据" in values:
        figures = reader.amounts(*values["数据"])
    if figures is None:
        return None
    return reader.build(
        node,
        DepartmentGoal,
        number=number,
        text="\n".join(parts).strip(),
        figures=figures,
        where=reader.where(node, values, "目标"),
        comments=reader.comments_for(node),
    )


def _programme(reader: ValueReader, node: Node) -> Programme | None:
    """``分项 名称`` with its goal, summary, spending plan and indicators."""
    values, children = reader.fields(node, "分项", {"指标"})
    plan = reader.field_plan(values)
    indicators = [read_indicator(reader, child) for _, child in children]
    if not node.rest.strip():
        reader.problem("IK017", "分项需要名称 (a programme needs a name)", node.line, node.column)
        return None
    if any(i is None for i in indicators) or plan is False:
        return None
    return reader.build(
        node,
        Programme,
        name=node.rest,
        goal=values.get("目标", ("",))[0],
        summary=values.get("说明", ("",))[0],
        plan=plan,
        indicators=indicators,
        where=reader.where(node, values, "分项"),
        comments=reader.comments_for(node),
    )


def _measures(reader: ValueReader, node: Node) -> MeasureGroup | None:
    """``保障措施 标题`` and its ``- …`` items (with their ``| …`` lines)."""
    items = []
    for child in node.children:
        if child.kind != "bullet":
            reader.problem(
                "IK012",
                "保障措施下只能写列表项“- …” (only '- ' list items under 保障措施)",
                child.line,
                child.column,
            )
            continue
        lines = [child.rest.strip()] + [
            c.rest.strip() for c in child.children if c.kind == "continuation"
        ]
        items.append("\n".join(lines))
    return reader.build(
        node,
        MeasureGroup,
        title=node.rest,
        items=items,
        where=Where(Location(node.line, node.column)),
        comments=reader.comments_for(node),
    )
