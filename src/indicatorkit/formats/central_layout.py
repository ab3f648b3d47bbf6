"""The central layout (the forms annexed to 财预〔2020〕10号), read from any grid — a sheet of
an .xlsx or .xls, a Word table, the tables of a PDF — by two readers: the 项目支出绩效自评表
(:func:`read_self_assessment_grid`) and its sibling the 项目支出绩效目标申报表
(:func:`read_declaration_grid`).  :func:`central_kind` tells whether a grid is one of them.

Each project starts at its ``项目名称`` row: ``项目名称``, ``主管部门``, ``实施单位``; the budget
block (:mod:`~indicatorkit.formats.central_budget`); ``年度总体目标`` with ``预期目标`` and
``实际完成情况``; the indicator table (:mod:`~indicatorkit.formats.central_table`); ``总分``
and the grade as printed (IK712).  Every cell lands in the project or in a located finding.

>>> from indicatorkit.formats.grid import grid_from_rows
>>> grid = grid_from_rows("自评表", [
...     ["项目名称", "法律援助"],
...     ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
...     [None, "年度资金总额", "10", "12", "11.4", "10", "95%", "9.5"],
...     [None, "其他资金", "0", "0", "0", "—", "", "—"],
...     ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
...     ["产出指标", "数量指标", "受理数", "≥180件", "200件", "90", "90"],
...     ["总分", None, None, None, None, "100", "99.5"]], merges=[(2, 1, 4, 1)])
>>> central_kind(grid)
'self_assessment'
>>> reading = read_self_assessment_grid(grid, first_number=1)
>>> (project, row), = reading.projects
>>> project.name, str(project.budget.total), str(project.adjusted_budget), str(project.executed)
('法律援助', '10万元', '12万元', '11.4万元')
>>> [f.code for f in reading.findings]
['IK715', 'IK712']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.central_budget import read_budget_block
from indicatorkit.formats.central_table import (
    IndicatorTable,
    find_indicator_table,
    read_indicators,
)
from indicatorkit.formats.grid import Cell, Grid, key
from indicatorkit.formats.grid_reading import GridReading
from indicatorkit.formats.table_words import (
    CENTRAL_BUDGET_ROWS,
    GOAL_EXPECTED,
    GOAL_LABELS,
    GOAL_MIDTERM,
    GOAL_OUTCOME,
    GRADE_WORDS,
    TOTAL_LABELS,
    budget_column,
    is_budget_caption,
    is_title,
)
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.printed import Printed
from indicatorkit.model.records import Indicator, Project
from indicatorkit.numerals import decimal_value, format_decimal

__all__ = [
    "CODES",
    "GridProjects",
    "central_kind",
    "read_declaration_grid",
    "read_self_assessment_grid",
]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: The codes only the central layout readers give (they share IK702–IK720 with the workbook
#: reader, ``formats.workbook_read.CODES``, which lists them all).
CODES = {
    "IK721": "预算栏无法定位 / the budget block cannot be placed",
    "IK722": "总分与各行之和不符 / the printed total disagrees with the rows",
}

#: Project labels of the central forms, and the field each fills ("" : not kept, IK707).
_LABELS = {
    "项目名称": "name",
    "实施单位": "unit",
    "项目编码": "code",
    "项目代码": "code",
    "主管部门": "",
    "主管部门及代码": "",
    "项目属性": "",
    "项目期": "",
    "项目负责人": "",
    "填报单位": "",
    "联系人": "",
    "联系电话": "",
    "项目类别": "",
    "资金性质": "",
}


@attrs.frozen
class GridProjects:
    """What a layout reader read from one grid: projects with their first rows, findings.

    >>> GridProjects((), ()).projects
    ()
    """

    projects: tuple[tuple[Project, int], ...]
    findings: tuple[Finding, ...]


def central_kind(grid: Grid) -> str | None:
    """``"self_assessment"``, ``"declaration"``, or ``None`` when ``grid`` is not in the central
    layout: a ``项目资金`` budget caption, an indicator table, and a word only the central forms
    print (``年度资金总额``, ``当年财政拨款``, ``上年结转资金``, ``年初预算数``, ``年度指标值``).
    The library's own workbooks (with ``评分规则``) are not.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> central_kind(grid_from_rows("表", [["一级指标", "三级指标", "指标值"]])) is None
    True
    """
    keys = {grid.key_of(c) for c in grid.cells.values() if c.anchor is None}
    if "评分规则" in keys or _budget_caption(grid, 1, grid.rows) is None:
        return None
    table = find_indicator_table(grid, 1)
    if table is None:
        return None
    central_words = (*CENTRAL_BUDGET_ROWS, "年初预算数", "年度指标值")
    if not any(word in k for k in keys for word in central_words):
        return None
    return "self_assessment" if "actual" in table.columns else "declaration"


def _budget_caption(grid: Grid, start: int, end: int) -> Cell | None:
    """The first ``项目资金`` caption from ``start`` to ``end`` that heads a budget block: budget
    columns in its row (the 自评表) or a 资金总额 label beside it (the 申报表)."""
    for row in grid.non_empty_rows(start, end):
        cells = grid.own_cells(row)
        for cell in cells:
            if not is_budget_caption(cell.text):
                continue
            beside = grid.right_of(cell)
            columns = {budget_column(c.text) for c in cells} - {None}
            if len(columns) >= 2 or (beside is not None and "资金总额" in key(beside.text)):
                return cell
    return None


def read_self_assessment_grid(grid: Grid, *, first_number: int = 1) -> GridProjects:
    """The 项目支出绩效自评表 projects of ``grid``, numbered from ``first_number`` (see the
    module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> empty = read_self_assessment_grid(grid_from_rows("表", [["项目名称", "甲"]]))
    >>> [(p.name, p.budget) for p, _ in empty.projects], [f.code for f in empty.findings]
    ([('甲', None)], ['IK721'])
    """
    return _read(grid, first_number)


def read_declaration_grid(grid: Grid, *, first_number: int = 1) -> GridProjects:
    """The 项目支出绩效目标申报表 projects of ``grid``: the same project labels, the budget block
    with one amount a row (``年度资金总额 | 12``), the goal, and ``指标值`` for targets.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("申报表", [
    ...     ["项目名称", "法律援助"],
    ...     ["项目资金（万元）", "年度资金总额", "12"],
    ...     [None, "其中：财政拨款", "10"],
    ...     [None, "其他资金", "2"],
    ...     ["年度总体目标", "办理案件180件"],
    ...     ["一级指标", "二级指标", "三级指标", "指标值"],
    ...     ["产出指标", "数量指标", "受理数", "≥180件"]], merges=[(2, 1, 4, 1)])
    >>> (project, _), = read_declaration_grid(grid).projects
    >>> str(project.budget.total), [(s.name, str(s.budget)) for s in project.fund_sources]
    ('12万元', [('财政拨款', '10万元'), ('其他资金', '2万元')])
    >>> project.goal, [str(i.target) for i in project.indicators]
    ('办理案件180件', ['≥180件'])
    """
    return _read(grid, first_number)


def _read(grid: Grid, first_number: int) -> GridProjects:
    reading = GridReading(grid)
    starts = [
        row
        for row in grid.non_empty_rows()
        if any(_label(c.text)[0] == "项目名称" for c in grid.own_cells(row))
    ] or [1]
    starts[0] = 1
    projects: list[tuple[Project, int]] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - 1 if index + 1 < len(starts) else grid.rows
        project = _project(reading, start, end, first_number + len(projects))
        if project is not None:
            projects.append((project, start))
    reading.report_unread()
    return GridProjects(tuple(projects), tuple(reading.findings))


def _project(reading: GridReading, start: int, end: int, number: int) -> Project | None:
    grid = reading.grid
    fields: dict[str, object] = {}
    table = find_indicator_table(grid, start, end)
    table_top = table.header if table is not None else end + 1
    caption = _budget_caption(grid, start, table_top - 1)
    printed: dict[str, Fraction] = {}
    places: dict[str, tuple[int, int]] = {}
    if caption is not None:
        title_unit = reading.block_money_unit(start, caption.row - 1)
        block = read_budget_block(reading, caption, title_unit, table_top - 1)
        fields.update(block.fields)
        printed, places = block.printed, dict(block.places)
        if "weight" in printed:  # the budget line's 分值 as the table prints it: scoring takes it
            fields["budget_weight"] = printed["weight"]
    else:
        reading.say(
            "IK721",
            ERROR,
            "没有找到预算栏（项目资金），预算未读入 (no budget block 项目资金 found: no budget read)",
            start,
        )
    _labels(reading, start, table_top - 1, fields)
    _goal(reading, start, table_top - 1, fields)
    indicators = read_indicators(reading, table) if table is not None else []
    figures: dict[str, object] = {}
    if table is not None:
        weight_total = _check_totals(
            reading, table, [i for i, _ in indicators], printed, end, figures, places
        )
        if weight_total is not None:
            fields["weight_total"] = weight_total
    _titles_and_totals(reading, start, end, figures, places)
    name = next(
        (
            c
            for row in grid.non_empty_rows(start, table_top - 1)
            for c in grid.own_cells(row)
            if _label(c.text)[0] == "项目名称"
        ),
        None,
    )
    at = (name.row, name.column) if name is not None else (start, 1)
    fields["where"] = grid.where(*at, {"budget": caption, "executed": caption})
    fields["printed"] = Printed(
        total=figures.get("total"),  # type: ignore[arg-type]
        grade=figures.get("grade"),  # type: ignore[arg-type]
        budget_score=printed.get("score"),
        budget_rate=printed.get("rate"),
        sheet=grid.name,
        places={(f"budget_{k}" if k in _BUDGET_FIGURES else k): v for k, v in places.items()},
    )
    try:
        return Project(number, indicators=[i for i, _ in indicators], **fields)  # type: ignore[arg-type]
    except (IndicatorkitError, ValueError) as error:
        reading.say("IK717", ERROR, f"项目无效，未读入 (invalid project, not read): {error}", start)
        return None


def _labels(reading: GridReading, start: int, end: int, fields: dict[str, object]) -> None:
    grid = reading.grid
    for row in grid.non_empty_rows(start, end):
        for cell in grid.own_cells(row):
            label, inline = _label(cell.text)
            if label not in _LABELS or reading.claimed(cell):
                continue
            value = None if inline is not None else grid.next_right(cell)
            if value is not None and _label(value.text)[0] in _LABELS:
                value = None  # the next label: this one's value is empty
            reading.claim(cell)
            reading.claim(value)
            if inline:  # ``项目名称：法律援助`` in one cell
                value = attrs.evolve(cell, text=inline)
            field = _LABELS[label]
            text = "" if value is None else value.text
            if field and field not in fields:
                fields[field] = text.replace("\n", " ")
            elif value is not None and not field:
                reading.at(
                    "IK707",
                    INFO,
                    f"{label}“{value.text}”不在模型中，未读入 (not kept by the model)",
                    value,
                )


def _label(text: str) -> tuple[str, str | None]:
    """A cell's label (after :func:`key`) and the value written after its colon in the same
    cell, if any (``项目名称：法律援助``).

    >>> _label("项目名称：法律援助"), _label("实 施 单 位"), _label("说明：见附件")
    (('项目名称', '法律援助'), ('实施单位', None), ('说明:见附件', None))
    """
    label = key(text)
    head, colon, _ = label.partition(":")
    if not colon or head not in _LABELS:
        return label, None
    return head, re.split(r"[:：]", text, maxsplit=1)[1].strip()


def _goal(reading: GridReading, start: int, end: int, fields: dict[str, object]) -> None:
    """``年度总体目标`` with ``预期目标 | 实际完成情况`` headers and the texts under them, or
    with the goal right of the label."""
    grid = reading.grid
    label = next(
        (
            c
            for row in grid.non_empty_rows(start, end)
            for c in grid.own_cells(row)
            if key(c.text) in GOAL_LABELS and not reading.claimed(c)
        ),
        None,
    )
    if label is None:
        return
    reading.claim(label)
    bottom = max(label.merged[2] if label.merged else label.row, label.row + 1)
    headers = [
        c
        for c in grid.own_cells(label.row)
        if c.column > label.column
        and key(c.text).startswith((*GOAL_EXPECTED, *GOAL_OUTCOME, *GOAL_MIDTERM))
    ]
    if not headers:
        value = grid.next_right(label)
        fields["goal"] = reading.claim(value)
        return
    for header in headers:
        reading.claim(header)
        texts = []
        for row in range(label.row + 1, min(bottom, end) + 1):
            cell = grid.cell(row, header.column)
            if cell is not None and cell.origin[0] == row:
                texts.append(reading.claim(cell))
        text = "\n".join(t for t in texts if t.strip())
        name = key(header.text)
        if name.startswith(GOAL_OUTCOME):
            fields["goal_outcome"] = text
        elif name.startswith(GOAL_EXPECTED):
            fields["goal"] = text
        elif text:
            reading.say(
                "IK707",
                INFO,
                "中期目标不在模型中，未读入 (the mid-term goal is not kept)",
                label.row + 1,
                header.column,
                text,
            )


def _check_totals(
    reading: GridReading,
    table: IndicatorTable,
    indicators: list[Indicator],
    budget: dict[str, Fraction],
    end: int,
    figures: dict[str, object],
    places: dict[str, tuple[int, int]],
) -> Fraction | None:
    """The 总分 row's printed 分值 and 得分 against the rows' (and the budget line's) sum: IK722
    when they disagree (only when every row prints its own).  Returns the printed 分值 (the
    project's ``weight_total``), ``None`` when none is printed."""
    grid = reading.grid
    row = table.end + 1
    cells = grid.own_cells(row) if row <= end else []
    if not cells or not key(cells[0].text).startswith(TOTAL_LABELS):
        return None
    weight_total = None
    for role, field in (("weight", "weight"), ("score", "evaluator_score")):
        column = table.columns.get(role)
        cell = grid.cell(row, column) if column is not None else None
        if cell is None:
            continue
        try:
            shown = decimal_value(key(cell.text).removesuffix("分"))
        except (ValueError, ArithmeticError):
            continue
        if role == "score":  # the printed total, for the audit
            figures["total"], places["total"] = shown, (cell.row, cell.column)
        values = [getattr(i, field) for i in indicators]
        rows = sum((v for v in values if v is not None), Fraction(0))
        if role == "weight" and not (shown == rows and budget.get(role)):
            weight_total = shown  # the whole 总分 (a 合计 of the indicators alone is not kept)
        if not values or None in values:
            continue
        total = rows + budget.get(role, Fraction(0))
        if shown not in (total, rows):  # a 合计 of the indicators alone is also printed
            what = "分值" if role == "weight" else "得分"
            reading.at(
                "IK722",
                WARNING,
                f"总分印的{what}是 {format_decimal(shown)}，各行（含预算执行率）之和为 "
                f"{format_decimal(total)} (the printed total {format_decimal(shown)} disagrees "
                f"with the rows' sum {format_decimal(total)})",
                cell,
                "核对各行与总分 / check the rows and the total",
            )
    return weight_total


def _titles_and_totals(
    reading: GridReading,
    start: int,
    end: int,
    figures: dict[str, object],
    places: dict[str, tuple[int, int]],
) -> None:
    """Title lines are taken; 总分 rows and printed grades are kept as IK712 findings, the
    grade (and a total printed in words, ``评价分值：88.64分``) also in ``figures``."""
    grid = reading.grid
    for row in grid.non_empty_rows(start, end):
        cells = [c for c in grid.own_cells(row) if not reading.claimed(c)]
        if not cells:
            continue
        if all(is_title(c.text) for c in cells):
            reading.claim_row(row)
            continue
        text = " | ".join(dict.fromkeys(c.text.strip() for c in cells))
        if key(cells[0].text).startswith(TOTAL_LABELS) or GRADE_WORDS.search(text):
            _printed_figures(cells, figures, places)
            reading.claim_row(row)
            reading.say(
                "IK712",
                INFO,
                f"表上印的总分或等级 (printed total / grade): {text[:200]}",
                row,
                cells[0].column,
                hint="用 indicatorkit score 计算并核对 / compare with indicatorkit score",
            )


#: The budget line's figures, kept in :class:`Printed` as ``budget_score`` and so on.
_BUDGET_FIGURES = ("weight", "score", "rate")
_GRADE = re.compile(r"^(?:(?:评价|自评)?等级[:：]?)?(优秀?|良好?|中|差)$")
_GRADE_IN_TEXT = re.compile(r"(?:评价|自评)等级[:：]\s*(优秀?|良好?|中|差)")
_TOTAL_IN_TEXT = re.compile(r"(?:评价分值|自评得分|得分合计)[:：]?\s*([0-9]+(?:\.[0-9]+)?)\s*分?")


def _printed_figures(
    cells: Sequence[Cell], figures: dict[str, object], places: dict[str, tuple[int, int]]
) -> None:
    """The grade (``优``, ``评价等级：良``) and a total written in words (``评价分值：88.64分``)
    of a 总分 or grade row, where it is.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["总分", "100", "96", "优"], ["评价分值：88.64分 评价等级：良"]])
    >>> figures, places = {}, {}
    >>> _printed_figures(grid.own_cells(1), figures, places)
    >>> figures, places
    ({'grade': '优'}, {'grade': (1, 4)})
    >>> _printed_figures(grid.own_cells(2), figures, places)
    >>> figures["grade"], str(figures["total"]), places["total"]
    ('良', '2216/25', (2, 1))
    """
    for cell in cells:
        text = key(cell.text)
        grade = _GRADE.match(text) or _GRADE_IN_TEXT.search(text)
        if grade:
            figures["grade"], places["grade"] = grade.group(1)[:1], (cell.row, cell.column)
        total = _TOTAL_IN_TEXT.search(text)
        if total and "total" not in figures:
            figures["total"], places["total"] = (
                decimal_value(total.group(1)),
                (cell.row, cell.column),
            )
