"""Rich display in notebooks (Jupyter, VS Code): a compact HTML table for a spec and a
project (``_repr_html_``), never the whole record — the first rows, and how many more.

Every cell is escaped: a name holding ``<`` shows as text, it does not become markup.

>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 法律援助<b>
...   预算：10000元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥180件
... ''')
>>> page = spec_html(spec)
>>> "法律援助&lt;b&gt;" in page, "<b>" in page, page.count("<tr>")
(True, False, 2)
>>> "≥180件" in project_html(spec.projects[0])
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from indicatorkit.numerals import format_decimal

if TYPE_CHECKING:  # the records call these functions: no import back at run time
    from indicatorkit.model.records import Project, Spec

__all__ = ["ROWS", "html_table", "project_html", "spec_html"]

#: At most this many rows are shown; a line below says how many more there are.
ROWS = 30


def html_table(
    caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]], *, limit: int = ROWS
) -> str:
    """A small HTML table: ``caption`` above, at most ``limit`` rows, then how many more.

    >>> print(html_table("甲", ["名称 name"], [["a"], ["b"]], limit=1))
    <div class="indicatorkit"><p><strong>甲</strong></p><table><thead><tr><th>名称 name</th></tr></thead><tbody><tr><td>a</td></tr></tbody></table><p>… 另有 1 行 (1 more rows)</p></div>
    """
    shown: list[str] = []
    more = 0
    for index, row in enumerate(rows):
        if index >= limit:
            more += 1
            continue
        cells = "".join(f"<td>{escape('' if cell is None else str(cell))}</td>" for cell in row)
        shown.append(f"<tr>{cells}</tr>")
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    tail = f"<p>… 另有 {more} 行 ({more} more rows)</p>" if more else ""
    return (
        f'<div class="indicatorkit"><p><strong>{escape(caption)}</strong></p><table>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(shown)}</tbody></table>{tail}</div>"
    )


def spec_html(spec: Spec) -> str:
    """A spec: its department, and a row per project (number, name, budget, indicators).

    >>> from indicatorkit import loads
    >>> page = spec_html(loads("部门 101 司法局\\n\\n项目 1 法律援助\\n  预算：10000元\\n"))
    >>> "部门 101 司法局 · 1 个项目 projects" in page, "<td>10000元</td>" in page
    (True, True)
    """
    department = spec.department
    owner = f"部门 {department.code} {department.name} · " if department is not None else ""
    count = sum(len(project.indicators) for project in spec.projects)
    caption = f"{owner}{len(spec.projects)} 个项目 projects · {count} 个指标 indicators" + (
        f" · 评分规则 rules: {spec.rules}" if spec.rules else ""
    )
    rows = (
        (
            project.number,
            project.name,
            "" if project.budget is None else project.budget.total,
            len(project.indicators),
        )
        for project in spec.projects
    )
    return html_table(
        caption, ["编号 no.", "项目名称 project", "预算 budget", "指标数 indicators"], rows
    )


def project_html(project: Project) -> str:
    """A project: its budget, and a row per indicator (levels, target, weight, actual).

    >>> from indicatorkit import loads
    >>> project = loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥2件\\n"
    ...     "    分值：12.5\\n").projects[0]
    >>> "<td>数</td><td>≥2件</td><td>12.5</td>" in project_html(project)
    True
    """
    budget = "" if project.budget is None else f" · 预算 budget {project.budget.total}"
    caption = f"项目 project {project.number} {project.name}{budget}"
    rows = (
        (
            indicator.level1,
            indicator.level2,
            indicator.name,
            indicator.target_text,
            "" if indicator.weight is None else format_decimal(indicator.weight),
            indicator.actual or "",
        )
        for indicator in project.indicators
    )
    headers = ["一级指标 level 1", "二级指标 level 2", "三级指标 indicator", "指标值 target"]
    return html_table(caption, [*headers, "分值 weight", "实际值 actual"], rows)
