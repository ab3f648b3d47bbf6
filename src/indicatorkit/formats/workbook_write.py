"""Writing 绩效 workbooks (.xlsx, with xlsxwriter — it stores each formula's result beside
the formula, so a reader that does not calculate sees the numbers too):

- :func:`write_workbook`: a spec as a 目标申报表 workbook — a cover sheet, the department's
  sheet, one sheet per programme and per project; level-1 and level-2 cells merged over their
  group as in the published tables; :func:`~indicatorkit.formats.workbook_read.read_workbook`
  reads it back to an equal spec.
- :func:`write_self_assessment`: a scored report as a filled 自评表 workbook — targets,
  actuals, weights, scores, reasons, the budget line (执行率 and its score as formulas), each
  project's total and grade (formulas with their stored results) and a summary sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from indicatorkit.formats.fund_sources_text import fund_sources_text
from indicatorkit.formats.workbook_assessment import SELF_ASSESSMENT_HEADERS, write_self_assessment
from indicatorkit.formats.workbook_sheet import (
    Sheet,
    UnwritableWorkbookError,
    close_book,
    open_book,
    replacing_book,
    sheet_name,
)
from indicatorkit.language.bounds import Direction
from indicatorkit.language.values import Amount
from indicatorkit.model.records import (
    Department,
    Indicator,
    Programme,
    Project,
    Spec,
    SpendingPlan,
)

__all__ = [
    "INDICATOR_HEADERS",
    "SELF_ASSESSMENT_HEADERS",
    "UnwritableWorkbookError",
    "write_self_assessment",
    "write_workbook",
]

#: The columns of the 目标申报表's indicator table as written.
INDICATOR_HEADERS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "绩效指标描述",
    "指标值",
    "指标值确定依据",
    "分值",
    "指标性质",
    "实际完成值",
    "自评得分",
    "偏差原因分析及改进措施",
    "不适用",
    "不适用原因",
)
_DIRECTIONS = {Direction.HIGHER: "正向", Direction.LOWER: "反向"}


def _plan(plan: SpendingPlan | None) -> str:
    if plan is None:
        return ""
    return "，".join(f"{point.by} {point.share}" for point in plan.checkpoints)


# --- the 目标申报表 ------------------------------------------------------------------------------


def write_workbook(spec: Spec, path: Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``spec`` as a 目标申报表 workbook (.xlsx) at ``path``, whole or not at all
    (:mod:`~indicatorkit.formats.output`; ``inputs`` are refused as the output).

    >>> import tempfile, indicatorkit
    >>> from indicatorkit.formats.workbook import read_workbook
    >>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "申报表.xlsx"
    ...     write_workbook(spec, path)
    ...     read_workbook(path, source="申报表.xlsx").spec == spec
    True
    """
    with replacing_book(Path(path), inputs) as temporary:
        _write_workbook(spec, temporary, Path(path))


def _write_workbook(spec: Spec, temporary: Path, path: Path) -> None:
    book, formats = open_book(temporary)
    used: set[str] = set()
    cover = Sheet(book, sheet_name("说明", used), formats)
    cover.sheet.set_column(0, 0, 14)
    cover.sheet.set_column(1, 1, 40)
    cover.text(0, 0, "预算绩效目标申报表（indicatorkit 生成）", "title")
    cover.text(2, 0, "评分规则", "label")
    cover.text(2, 1, spec.rules or "")
    if spec.department is not None:
        _department_sheet(book, formats, used, spec.department)
        for index, programme in enumerate(spec.department.programmes, 1):
            _programme_sheet(book, formats, used, index, programme)
    for project in spec.projects:
        _project_sheet(book, formats, used, project)
    close_book(book, path)


def _department_sheet(book: Any, formats: dict[str, Any], used: set[str], dept: Department) -> None:
    sheet = Sheet(book, sheet_name("部门整体", used), formats)
    sheet.sheet.set_column(0, 0, 14)
    sheet.sheet.set_column(1, 1, 60)
    sheet.sheet.set_column(2, 3, 20)
    sheet.text(0, 0, "部门整体绩效目标表", "title")
    sheet.label(1, "部门编码", dept.code, 1)
    sheet.label(2, "部门名称", dept.name, 1)
    sheet.label(3, "年度", "" if dept.year is None else str(dept.year), 1)
    sheet.label(4, "总体目标", dept.overall_goal, 1)
    row = 6
    for column, name in enumerate(("目标编号", "目标", "数据", f"共{len(dept.goals)}条")):
        sheet.text(row, column, name, "header")
    for goal in dept.goals:
        row += 1
        sheet.text(row, 0, "" if goal.number is None else str(goal.number))
        sheet.text(row, 1, goal.text)
        sheet.text(row, 2, "，".join(str(a) for a in goal.figures))
    row += 2
    lines = sum(1 + len(group.items) for group in dept.measures)
    for column, name in enumerate(("保障措施", "措施", "标记", f"共{lines}行")):
        sheet.text(row, column, name, "header")
    for group in dept.measures:
        row += 1
        sheet.text(row, 0, group.title)
        sheet.text(row, 2, "标题")
        for item in group.items:
            row += 1
            sheet.text(row, 1, item)


def _programme_sheet(
    book: Any, formats: dict[str, Any], used: set[str], index: int, programme: Programme
) -> None:
    sheet = Sheet(book, sheet_name(f"分项{index}", used), formats)
    _widths(sheet)
    sheet.text(0, 0, "分项绩效目标表", "title")
    sheet.label(1, "分项名称", programme.name)
    sheet.label(2, "目标", programme.goal)
    sheet.label(3, "说明", programme.summary)
    sheet.label(4, "支出计划", _plan(programme.plan))
    _indicator_table(sheet, 6, programme.indicators)


def _widths(sheet: Sheet) -> None:
    sheet.sheet.set_column(0, 2, 16)
    sheet.sheet.set_column(3, 3, 24)
    sheet.sheet.set_column(4, 4, 18)
    sheet.sheet.set_column(5, len(INDICATOR_HEADERS) - 1, 12)


def _project_sheet(book: Any, formats: dict[str, Any], used: set[str], project: Project) -> None:
    sheet = Sheet(book, sheet_name(f"项目{project.number}", used), formats)
    _widths(sheet)
    sheet.text(0, 0, "项目绩效目标申报表", "title")
    rows: list[tuple[str, str]] = [
        ("项目编号", str(project.number)),
        ("项目名称", project.name),
        ("项目编码", project.code),
        ("单位", project.unit),
    ]
    if project.budget is not None:
        rows.append(("预算数", str(project.budget.total)))
        rows.append(("财政资金", _amount(project.budget.fiscal)))
        rows.append(("其他资金", _amount(project.budget.other)))
    rows += [
        ("资金用途", project.purpose),
        ("支出计划", _plan(project.plan)),
        ("绩效目标", project.goal),
    ]
    if project.withheld is not None:
        rows.append(("暂不公开", project.withheld))
    if project.executed is not None:
        rows.append(("执行数", str(project.executed)))
    if project.adjusted_budget is not None:
        rows.append(("调整后预算", str(project.adjusted_budget)))
    if project.fund_sources:
        rows.append(("资金来源", fund_sources_text(project.fund_sources)))
    if project.goal_outcome:
        rows.append(("目标完成情况", project.goal_outcome))
    rows += [("累计支出", _plan(project.spent)), ("执行说明", project.budget_reason)]
    rows += [
        (label, text)
        for label, text in (
            ("评价结论", project.conclusion),
            ("存在问题", project.problems),
            ("改进措施", project.improvements),
        )
        if text
    ]
    for row, (name, value) in enumerate(rows, 1):
        sheet.label(row, name, value)
    if project.withheld is None:
        _indicator_table(sheet, len(rows) + 2, project.indicators)


def _amount(amount: Amount | None) -> str:
    return "" if amount is None else str(amount)


def _indicator_table(sheet: Sheet, top: int, indicators: Sequence[Indicator]) -> None:
    for column, name in enumerate(INDICATOR_HEADERS):
        sheet.text(top, column, name, "header")
    for offset, indicator in enumerate(indicators, 1):
        row = top + offset
        values = (
            indicator.level1,
            indicator.level2,
            indicator.name,
            indicator.description,
            indicator.target_text,
            indicator.basis,
        )
        for column, value in enumerate(values):
            sheet.text(row, column, value)
        if indicator.weight is not None:
            sheet.number(row, 6, indicator.weight)
        sheet.text(row, 7, _DIRECTIONS.get(indicator.direction, "") if indicator.direction else "")
        sheet.text(row, 8, indicator.actual or "")
        if indicator.evaluator_score is not None:
            sheet.number(row, 9, indicator.evaluator_score)
        sheet.text(row, 10, indicator.reason)
        if indicator.not_applicable is not None:
            sheet.text(row, 11, "不适用")
            sheet.text(row, 12, indicator.not_applicable)
    _merge_groups(sheet, top + 1, indicators, 0, lambda i: (i.level1,))
    _merge_groups(sheet, top + 1, indicators, 1, lambda i: (i.level1, i.level2))


def _merge_groups(
    sheet: Sheet,
    first_row: int,
    indicators: Sequence[Indicator],
    column: int,
    group: Callable[[Indicator], tuple[str, ...]],
) -> None:
    """Merge a level's cell over consecutive rows of one non-empty group, as printed tables do."""
    start = 0
    for index in range(1, len(indicators) + 1):
        if index < len(indicators) and group(indicators[index]) == group(indicators[start]):
            continue
        name = group(indicators[start])[-1]
        if index - start > 1 and name:
            sheet.sheet.merge_range(
                first_row + start,
                column,
                first_row + index - 1,
                column,
                name,
                sheet.formats["cell"],
            )
        start = index
