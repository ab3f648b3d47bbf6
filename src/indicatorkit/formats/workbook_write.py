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

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.extras import require
from indicatorkit.formats.fund_sources_text import fund_sources_text
from indicatorkit.formats.output import OutputError, OutputIsInputError, replacing
from indicatorkit.formats.workbook_grid import excel_exact
from indicatorkit.language.bounds import Direction
from indicatorkit.language.values import Amount
from indicatorkit.model.findings import column_letters
from indicatorkit.model.records import (
    Department,
    Indicator,
    Programme,
    Project,
    Spec,
    SpendingPlan,
)
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.scoring.indicator import display
from indicatorkit.scoring.report import ProjectScore, SpecScore
from indicatorkit.scoring.rules import RoundingMode, RuleSet

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


def _float_exact(value: Fraction) -> float | None:
    """``value`` as a float that reads back as the same decimal (at Excel's 15 significant
    digits, :func:`~indicatorkit.formats.workbook_grid.excel_exact`), or ``None``."""
    if not is_terminating(value):
        return None
    as_float = float(Decimal(format_decimal(value)))
    return as_float if excel_exact(as_float) == value else None


class UnwritableWorkbookError(IndicatorkitError):
    """The workbook cannot be written (a missing folder, no permission, a full disk, a
    text longer than a cell holds).

    >>> import tempfile, attrs, indicatorkit
    >>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n")
    >>> long = attrs.evolve(spec.projects[0], goal="甲" * 40000)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     try:
    ...         write_workbook(Spec(projects=(long,)), Path(folder) / "申报表.xlsx")
    ...     except UnwritableWorkbookError as error:
    ...         print(str(error).split(" (")[0])
    项目1!B11 的文字有 40000 个字符，超过 Excel 单元格的 32767 字符上限
    """


#: Excel's limit on the characters of one cell.
MAX_CELL_TEXT = 32767


def _fits(value: str, sheet: str, row: int, column: int) -> None:
    """Refuse a text Excel would truncate (xlsxwriter would cut it silently)."""
    if len(value) > MAX_CELL_TEXT:
        raise UnwritableWorkbookError(
            f"{sheet}!{_cell(column, row)} 的文字有 {len(value)} 个字符，超过 Excel 单元格的 "
            f"{MAX_CELL_TEXT} 字符上限 (a text longer than an Excel cell holds)"
        )


class _Sheet:
    """A worksheet and the formats of one workbook."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any]) -> None:
        self.sheet = book.add_worksheet(name)
        self.formats = formats

    def text(self, row: int, column: int, value: str, style: str = "cell") -> None:
        _fits(value, self.sheet.name, row, column)
        self.sheet.write_string(row, column, value, self.formats[style])

    def number(self, row: int, column: int, value: Fraction, style: str = "cell") -> None:
        exact = _float_exact(value)
        if exact is None:
            self.text(row, column, f"{value.numerator}/{value.denominator}", style)
        else:
            self.sheet.write_number(row, column, exact, self.formats[style])

    def measure(self, row: int, column: int, value: Fraction, style: str = "score") -> None:
        """A number that formulas add up: always a number cell (rounded to a float's
        precision; the display shows two places)."""
        whole = value.denominator == 1
        self.sheet.write_number(
            row, column, int(value) if whole else float(value), self.formats[style]
        )

    def label(self, row: int, name: str, value: str, width: int = 6) -> None:
        self.text(row, 0, name, "label")
        _fits(value, self.sheet.name, row, 1)
        if width > 1:
            self.sheet.merge_range(row, 1, row, width, value, self.formats["cell"])
        else:
            self.text(row, 1, value)


def _formats(book: Any) -> dict[str, Any]:
    base = {"border": 1, "valign": "vcenter", "text_wrap": True, "font_name": "宋体"}
    return {
        "cell": book.add_format(base),
        "label": book.add_format({**base, "bold": True, "bg_color": "#EEEEEE"}),
        "header": book.add_format({**base, "bold": True, "align": "center", "bg_color": "#DDEBF7"}),
        "title": book.add_format({"bold": True, "font_size": 14, "font_name": "宋体"}),
        "score": book.add_format({**base, "num_format": "0.00"}),
        "percent": book.add_format({**base, "num_format": "0.00%"}),
    }


def _sheet_name(base: str, used: set[str]) -> str:
    name = base[:31]
    counter = 2
    while name in used:
        suffix = f"_{counter}"
        name = base[: 31 - len(suffix)] + suffix
        counter += 1
    used.add(name)
    return name


def _open(path: Path) -> tuple[Any, dict[str, Any]]:
    """A workbook writing to ``path`` in which every text is a string cell: never a formula,
    a number or a link, whatever it starts with (``=HYPERLINK(…)`` stays text, see
    :mod:`~indicatorkit.formats.inert_cells`); formulas are only the ones written as such."""
    xlsxwriter = require("xlsxwriter", "excel")
    book = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    book.set_properties({"comments": "indicatorkit"})
    return book, _formats(book)


@contextmanager
def _replacing(path: Path, inputs: Iterable[str | Path]) -> Iterator[Path]:
    """:func:`~indicatorkit.formats.output.replacing`, what the OS refuses said as an
    :class:`UnwritableWorkbookError` (an output that is an input stays its own error)."""
    try:
        with replacing(path, inputs=inputs) as temporary:
            yield temporary
    except OutputIsInputError:
        raise
    except OutputError as error:
        raise UnwritableWorkbookError(
            f"无法写入工作簿 (cannot write the workbook) {path}: {error.reason}"
        ) from None


def _close(book: Any, path: Path) -> None:
    try:
        book.close()
    except Exception as error:  # xlsxwriter raises its own and OS errors
        raise UnwritableWorkbookError(
            f"无法写入工作簿 (cannot write the workbook) {path}: {type(error).__name__}: {error}"
        ) from None


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
    with _replacing(Path(path), inputs) as temporary:
        _write_workbook(spec, temporary, Path(path))


def _write_workbook(spec: Spec, temporary: Path, path: Path) -> None:
    book, formats = _open(temporary)
    used: set[str] = set()
    cover = _Sheet(book, _sheet_name("说明", used), formats)
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
    _close(book, path)


def _department_sheet(book: Any, formats: dict[str, Any], used: set[str], dept: Department) -> None:
    sheet = _Sheet(book, _sheet_name("部门整体", used), formats)
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
    sheet = _Sheet(book, _sheet_name(f"分项{index}", used), formats)
    _widths(sheet)
    sheet.text(0, 0, "分项绩效目标表", "title")
    sheet.label(1, "分项名称", programme.name)
    sheet.label(2, "目标", programme.goal)
    sheet.label(3, "说明", programme.summary)
    sheet.label(4, "支出计划", _plan(programme.plan))
    _indicator_table(sheet, 6, programme.indicators)


def _widths(sheet: _Sheet) -> None:
    sheet.sheet.set_column(0, 2, 16)
    sheet.sheet.set_column(3, 3, 24)
    sheet.sheet.set_column(4, 4, 18)
    sheet.sheet.set_column(5, len(INDICATOR_HEADERS) - 1, 12)


def _project_sheet(book: Any, formats: dict[str, Any], used: set[str], project: Project) -> None:
    sheet = _Sheet(book, _sheet_name(f"项目{project.number}", used), formats)
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
    if project.initial_budget is not None:
        rows.append(("年初预算数", str(project.initial_budget)))
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


def _indicator_table(sheet: _Sheet, top: int, indicators: Sequence[Indicator]) -> None:
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
    sheet: _Sheet,
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


# --- the 自评表 ----------------------------------------------------------------------------------

#: The columns of the self-assessment table as written.
SELF_ASSESSMENT_HEADERS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "结果",
    "偏差原因分析及改进措施",
)


def _stored(value: Fraction) -> int | float:
    """A formula's stored result: an int when whole (``100``, not ``100.0``)."""
    return int(value) if value.denominator == 1 else float(value)


def _cell(column: int, row: int) -> str:
    """0-based column and row → ``G12``."""
    return f"{column_letters(column + 1)}{row + 1}"


def _decimal(value: Fraction) -> str:
    """A number for a formula: the exact decimal when finite, else enough digits."""
    if is_terminating(value):
        return format_decimal(value)
    return str(Decimal(value.numerator) / Decimal(value.denominator))


def _grade_formula(rules: RuleSet, total_cell: str) -> str:
    formula = f'"{rules.grades[-1][1]}"'
    for lowest, name in reversed(rules.grades[:-1]):
        formula = f'IF(ROUND({total_cell},6)>={_decimal(lowest)},"{name}",{formula})'
    return "=" + formula


def _base_grade(rules: RuleSet) -> bool:
    return type(rules).grade is RuleSet.grade


def write_self_assessment(
    report: SpecScore, path: Path, *, inputs: Iterable[str | Path] = ()
) -> None:
    """Write a scored report as a filled 自评表 workbook (.xlsx) at ``path`` (whole or not at
    all; ``inputs`` are refused as the output, :mod:`~indicatorkit.formats.output`): one sheet per
    project (targets, actuals, weights, scores, outcome, reasons; the budget line with 执行率
    and its score as formulas; the total as ``=SUM(…)`` and the grade as ``=IF(…)`` with their
    stored results) and a summary sheet with the department's total.

    A formula is written only where it gives the library's own result (a rule set that
    overrides a formula gets the value, not a formula that would disagree); totals still
    undecided are written as their range, as text.

    >>> import tempfile, indicatorkit, openpyxl
    >>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n    分值：90\\n"
    ...     "    实际值：200件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "自评表.xlsx"
    ...     write_self_assessment(indicatorkit.score(spec), path)
    ...     sheet = openpyxl.load_workbook(path)["项目1"]
    ...     cached = openpyxl.load_workbook(path, data_only=True)["项目1"]
    >>> [c.value for c in sheet[6]][:6], [c.value for c in cached[6]][:6]
    (['年度资金总额', 10000, 9500, 10, '=IF(B6>0,C6/B6,0)', '=MAX(0,MIN(E6,1))*D6'], ['年度资金总额', 10000, 9500, 10, 0.95, 9.5])
    """
    with _replacing(Path(path), inputs) as temporary:
        book, formats = _open(temporary)
        used: set[str] = set()
        summary = _Sheet(book, _sheet_name("汇总", used), formats)
        totals: list[tuple[ProjectScore, str | None]] = []
        for project in report.projects:
            name = _sheet_name(f"项目{project.number}", used)
            total_cell = _self_assessment_sheet(book, formats, name, project, report.rules)
            totals.append((project, f"'{name}'!{total_cell}" if total_cell else None))
        _summary(summary, report, totals)
        _close(book, Path(path))


def _money_number(amount: Amount | None) -> Fraction | None:
    """An amount in 元 (the sheet's caption unit)."""
    return None if amount is None else amount.normalized


def _self_assessment_sheet(
    book: Any, formats: dict[str, Any], name: str, project: ProjectScore, rules: RuleSet
) -> str | None:
    sheet = _Sheet(book, name, formats)
    s = sheet.sheet
    s.set_column(0, 2, 16)
    s.set_column(3, 4, 16)
    s.set_column(5, 7, 10)
    s.set_column(8, 8, 30)
    sheet.text(0, 0, "项目支出绩效自评表", "title")
    sheet.text(1, 0, "项目名称", "label")
    s.merge_range(1, 1, 1, 5, project.name, formats["cell"])
    sheet.text(1, 6, "项目编号", "label")
    sheet.text(1, 7, str(project.number))
    sheet.text(2, 0, "评分规则", "label")
    sheet.text(2, 1, rules.name)
    s.merge_range(2, 2, 2, 8, rules.title, formats["cell"])
    # the budget line: row 6 (0-based 5)
    top = 4
    heads = ("项目资金（元）", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分")
    for column, head in enumerate(heads):
        sheet.text(top, column, head, "header")
    line = project.budget
    row = top + 1
    sheet.text(row, 0, "年度资金总额")
    budget_value = _money_number(line.budget)
    executed_value = _money_number(line.executed)
    if budget_value is not None:
        sheet.measure(row, 1, budget_value)
    if executed_value is not None:
        sheet.measure(row, 2, executed_value)
    sheet.measure(row, 3, line.weight, "score")
    a, b, rate_cell, weight_cell = (_cell(c, row) for c in (1, 2, 4, 3))
    budget_score_cell = _cell(5, row)
    if line.rate is not None and line.score is not None:
        s.write_formula(row, 4, f"=IF({a}>0,{b}/{a},0)", formats["percent"], _stored(line.rate))
        formula_score = max(Fraction(0), min(line.rate, Fraction(1))) * line.weight
        if formula_score == line.score:
            s.write_formula(
                row,
                5,
                f"=MAX(0,MIN({rate_cell},1))*{weight_cell}",
                formats["score"],
                _stored(line.score),
            )
        else:
            sheet.measure(row, 5, line.score, "score")
    else:
        sheet.text(row, 4, "")
        low, high = line.score_range
        sheet.text(row, 5, _range_text(low, high))
    if line.message:
        sheet.text(row + 1, 0, "说明", "label")
        s.merge_range(row + 1, 1, row + 1, 8, line.message, formats["cell"])
    # the indicators
    header = row + 3
    for column, head in enumerate(SELF_ASSESSMENT_HEADERS):
        sheet.text(header, column, head, "header")
    first = header + 1
    decided = True
    for offset, item in enumerate(project.indicators):
        r = first + offset
        indicator, result = item.indicator, item.score
        for column, value in enumerate(
            (indicator.level1, indicator.level2, indicator.name, indicator.target_text)
        ):
            sheet.text(r, column, value)
        if indicator.not_applicable is not None:  # 不适用：reason, as the 自评表 writes it
            reason = indicator.not_applicable.replace("\n", " ")
            sheet.text(r, 4, f"不适用：{reason}" if reason else "不适用")
        else:
            sheet.text(r, 4, indicator.actual or "")
        sheet.measure(r, 5, result.weight, "score")
        if result.score is not None:
            sheet.measure(r, 6, result.score, "score")
        else:
            decided = False
            low, high = result.score_range
            sheet.text(r, 6, _range_text(low, high))
        outcome = result.outcome.label
        sheet.text(r, 7, f"{outcome}：{result.message}" if result.message else outcome)
        sheet.text(r, 8, indicator.reason)
    last = first + len(project.indicators) - 1
    # the total and the grade
    total_row = max(last, first - 1) + 1
    sheet.text(total_row, 0, "总分", "label")
    s.merge_range(total_row, 1, total_row, 4, "", formats["cell"])
    weights = f"SUM({_cell(5, first)}:{_cell(5, last)})" if project.indicators else "0"
    possible = sum((i.score.weight for i in project.indicators), Fraction(0)) + line.weight
    s.write_formula(total_row, 5, f"={weights}+{weight_cell}", formats["score"], _stored(possible))
    total = project.total
    total_cell = _cell(6, total_row)
    if total is not None and decided and line.score is not None:
        scores = f"SUM({_cell(6, first)}:{_cell(6, last)})" if project.indicators else "0"
        formula = f"{scores}+{budget_score_cell}"
        raw = (
            sum((i.score.score or Fraction(0) for i in project.indicators), Fraction(0))
            + line.score
        )
        if project.rescaled:
            dropped = sum(
                (
                    i.score.weight
                    for i in project.indicators
                    if i.score.outcome.value == "not applicable"
                ),
                Fraction(0),
            )
            factor = possible / (possible - dropped)
            formula = f"({formula})*{_decimal(possible)}/{_decimal(possible - dropped)}"
            raw *= factor
        rounding = rules.rounding
        if raw != total and rounding.mode is RoundingMode.HALF_UP and rounding.round(raw) == total:
            formula = f"ROUND({formula},{rounding.places})"  # the rule set rounds the total
            raw = total
        if raw == total:
            s.write_formula(total_row, 6, "=" + formula, formats["score"], _stored(total))
        else:
            sheet.measure(total_row, 6, total, "score")
    else:
        low, high = project.total_range
        sheet.text(total_row, 6, _range_text(low, high))
        total_cell = ""
    grade = project.grade or ("不评" if project.grade_note else "待定")
    if total_cell and _base_grade(rules) and rules.grade(_rounded(total)) == project.grade:
        s.write_formula(total_row, 7, _grade_formula(rules, total_cell), formats["cell"], grade)
    else:
        sheet.text(total_row, 7, grade)
    notes = (project.grade_note, "已按百分制折算 (rescaled to 100)" if project.rescaled else "")
    if any(notes):
        sheet.text(total_row, 8, "；".join(note for note in notes if note))  # why no grade
    return total_cell or None


def _rounded(value: Fraction | None) -> Fraction:
    """What ``ROUND(x, 6)`` gives for an exact value (half away from zero, as Excel)."""
    if value is None:
        return Fraction(0)
    scaled = value * 10**6
    whole = (abs(scaled.numerator) * 2 + scaled.denominator) // (2 * scaled.denominator)
    return Fraction(whole if scaled >= 0 else -whole, 10**6)


def _summary(
    sheet: _Sheet, report: SpecScore, totals: list[tuple[ProjectScore, str | None]]
) -> None:
    s = sheet.sheet
    s.set_column(0, 0, 10)
    s.set_column(1, 1, 30)
    s.set_column(2, 4, 14)
    sheet.text(0, 0, "项目支出绩效自评汇总表", "title")
    # not 项目名称 / 项目编号: this sheet is a summary, not a project's table
    for column, head in enumerate(("编号", "项目", "预算数（元）", "总分", "等级")):
        sheet.text(2, column, head, "header")
    row = 2
    for project, reference in totals:
        row += 1
        sheet.text(row, 0, str(project.number))
        sheet.text(row, 1, project.name)
        if project.budget_total is not None:
            sheet.measure(row, 2, project.budget_total.normalized)
        if reference is not None and project.total is not None:
            s.write_formula(row, 3, f"={reference}", sheet.formats["score"], _stored(project.total))
        else:
            low, high = project.total_range
            sheet.text(row, 3, _range_text(low, high), "score")
        sheet.text(row, 4, project.grade or ("不评" if project.grade_note else "待定"))
    row += 1
    sheet.text(row, 0, "部门", "label")
    sheet.text(row, 1, "部门汇总（按规则集汇总）", "label")
    total = report.department_total
    first, last = 3, row - 1
    if total is not None and all(r is not None and p.total is not None for p, r in totals):
        weights = _rollup_weights(report)
        if weights is None:
            formula = f"=AVERAGE({_cell(3, first)}:{_cell(3, last)})"
            value = sum((p.total or Fraction(0) for p in report.projects), Fraction(0)) / len(
                report.projects
            )
        else:
            formula = (
                f"=SUMPRODUCT({_cell(2, first)}:{_cell(2, last)},{_cell(3, first)}:{_cell(3, last)})"
                f"/SUM({_cell(2, first)}:{_cell(2, last)})"
            )
            value = sum(
                (
                    w * (p.total or Fraction(0))
                    for w, p in zip(weights, report.projects, strict=True)
                ),
                Fraction(0),
            ) / sum(weights, Fraction(0))
        if value == total:
            s.write_formula(row, 3, formula, sheet.formats["score"], _stored(total))
        else:
            sheet.measure(row, 3, total, "score")
    elif report.department_range is not None:
        low, high = report.department_range
        sheet.text(row, 3, _range_text(low, high), "score")
    sheet.text(row, 4, report.department_grade or ("待定" if report.projects else ""))


def _rollup_weights(report: SpecScore) -> list[Fraction] | None:
    """The projects' budgets when the rule set weights the roll-up by budget, else ``None``."""
    from indicatorkit.scoring.rules import Rollup

    if report.rules.rollup is Rollup.BUDGET_WEIGHTED and all(
        p.budget_total is not None and p.budget_total.normalized > 0 for p in report.projects
    ):
        return [p.budget_total.normalized for p in report.projects]  # type: ignore[union-attr]
    return None


def _range_text(low: Fraction, high: Fraction) -> str:
    """An undecided score as text: ``37.50–57.50``, or one figure when both ends are equal."""
    return display(low) if low == high else f"{display(low)}–{display(high)}"
