"""Reading 绩效 workbooks: declaration tables (目标申报表) and self-assessment tables (自评表).

Headers are found by their text wherever they sit; merged cells carry their text over the
range; a sheet holds one project, several projects one under another (each starting at its
``项目名称``), or one long table with a 项目名称 column.  Every non-empty row lands in the spec
or in a located finding (``file:sheet!C12``, codes IK700 onwards, listed in
``docs/workbooks.md``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from pathlib import Path

import attrs

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.formats.actuals_sheet import actuals_sheet_finding
from indicatorkit.formats.central_layout import (
    central_kind,
    read_declaration_grid,
    read_self_assessment_grid,
)
from indicatorkit.formats.central_table import is_plain_number, target_with_unit
from indicatorkit.formats.fund_sources_text import parse_fund_sources
from indicatorkit.formats.grid import hidden_findings, key
from indicatorkit.formats.imported import Imported, spec_units
from indicatorkit.formats.limits import InputLimitError
from indicatorkit.formats.packed import DamagedFileError
from indicatorkit.formats.table_text import in_stated_unit
from indicatorkit.formats.table_words import DASHES as _DASHES
from indicatorkit.formats.table_words import ELLIPSIS as _ELLIPSIS
from indicatorkit.formats.table_words import EMPTY_TEMPLATE_NAME as _EMPTY_TEMPLATE_NAME
from indicatorkit.formats.table_words import MONEY_UNIT as _MONEY_UNIT
from indicatorkit.formats.table_words import POINTS as _POINTS
from indicatorkit.formats.table_words import RUNNING_PREFIX as _RUNNING_PREFIX
from indicatorkit.formats.table_words import strip_points, unwrap_name
from indicatorkit.formats.workbook_grid import (
    EXCEL_EPOCH,
    Cell,
    Grid,
    UnreadableWorkbookError,
    load_grids,
)
from indicatorkit.language.bounds import Direction
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.split_form import parse_split_target
from indicatorkit.language.targets import AnyTarget
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Department,
    DepartmentGoal,
    Indicator,
    Location,
    MeasureGroup,
    Programme,
    Project,
    Spec,
    SpendingPlan,
    Where,
)
from indicatorkit.numerals import decimal_value, read_ratio
from indicatorkit.units import unit as unit_named

__all__ = ["CODES", "read_grids", "read_workbook"]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every finding code of the workbook reader, and what it says (``docs/workbooks.md`` gives
#: each one's cause and fix).
CODES = {
    "IK700": "不是可读的工作簿 / not a readable workbook",
    "IK701": "工作表里没有绩效表 / no table in the sheet",
    "IK702": "指标值读不出来 / the target cannot be read",
    "IK703": "Excel 日期序号 / an Excel date serial in a value cell",
    "IK704": "模板留下的空行 / a template leftover row",
    "IK705": "模板占位符 / a placeholder target",
    "IK706": "去掉了编号前缀 / running prefix removed",
    "IK707": "不在模型中的列或格 / a column or cell not kept",
    "IK708": "指标值与计量单位不一致 / the value's unit disagrees with the unit cell",
    "IK709": "不是数 / not a number",
    "IK710": "一级指标只有分值 / a level-1 cell with points only",
    "IK711": "一级指标分值与各行不符 / level points vs row weights",
    "IK712": "表上印的总分或等级 / a printed total or grade",
    "IK713": "单位不一致 / caption units disagree",
    "IK714": "预算栏的行未读入 / a budget row not kept",
    "IK715": "预算执行率印出的分值或得分 / the budget line's printed points",
    "IK716": "未读入的行 / a row not read",
    "IK717": "无效记录 / an invalid record",
    "IK718": "指标值已修复 / the target was repaired",
    "IK719": "指标分组标题 / a group caption",
    "IK720": "公式没有保存的结果 / a formula with no stored result",
    "IK723": "隐藏的行或工作表未读入 / a hidden row or sheet left out",
}


# --- column roles of an indicator table --------------------------------------------------------

_ROLE_TESTS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("level1", lambda k: "一级指标" in k),
    ("level2", lambda k: "二级指标" in k),
    ("name", lambda k: "三级指标" in k or k == "指标名称"),
    ("basis", lambda k: "确定依据" in k or k == "依据"),
    ("kind", lambda k: "指标值类型" in k),
    ("nature", lambda k: "指标性质" in k),
    ("operator", lambda k: "指标方向" in k or "运算符" in k),
    ("unit", lambda k: "计量单位" in k or "度量单位" in k),
    ("description", lambda k: "描述" in k or "指标解释" in k or "指标内容" in k),
    ("not_applicable", lambda k: k == "不适用"),
    ("not_applicable_reason", lambda k: k == "不适用原因"),
    ("actual", lambda k: "完成值" in k or "实际值" in k or "实际完成" in k),
    ("evaluator_score", lambda k: "得分" in k),
    ("weight", lambda k: "分值" in k or "权重" in k),
    ("reason", lambda k: "原因" in k),
    ("target", lambda k: "指标值" in k or "目标值" in k),
    ("project_name", lambda k: k == "项目名称"),
    ("project_unit", lambda k: k in ("单位", "实施单位", "单位名称")),
    ("project_budget", lambda k: k.startswith("预算数") or k.startswith("年度预算")),
    ("project_goal", lambda k: "绩效目标" in k),
)

#: The words for the 指标方向 field of the split forms.
_OPERATOR_WORDS = {
    "大于等于": "≥",
    "不低于": "≥",
    "小于等于": "≤",
    "不高于": "≤",
    "等于": "＝",
    "大于": "＞",
    "小于": "＜",
    ">=": "≥",
    "<=": "≤",
    "=": "＝",
    ">": "＞",
    "<": "＜",
}
_NATURE = {"正向": Direction.HIGHER, "反向": Direction.LOWER}

_SERIAL = re.compile(r"^\d{1,2},?\d{3}$")
#: Excel serials of 2000-01-01 … 2049-12-31: a number there in a date-like place is a date.
_SERIAL_RANGE = (36526, 54788)
_STOP_LABELS = (
    "总分",
    "合计",
    "得分合计",
    "偏差大或",
    "备注",
    "项目类别",
    "项目属性",
    "自评方式",
    "评价分值",
    "自评得分",
    "自评分值",
    "项目名称",
)
_TITLE_LIKE = re.compile(
    r"(绩效目标表|自评表|申报表)$|^单位\s*[:：]\s*(万元|元|千元|亿元)$|^\d{6}\S*$"
)
#: A header cell is short; a sentence mentioning 一级指标 is not a header.
_HEADER_LENGTH = 16


#: The self-assessment's prose rows of a project sheet, label → the project's field.
_ASSESSMENT_PROSE = {
    "评价结论": "conclusion",
    "存在问题": "problems",
    "改进措施": "improvements",
}


@attrs.frozen
class _Table:
    """An indicator table: its header row, the role of each column, and its last row."""

    header: int
    roles: dict[int, str] = attrs.field(eq=False)
    end: int


class _SheetReader:
    def __init__(self, book: _BookReader, grid: Grid) -> None:
        self.book = book
        self.grid = grid
        self.used: set[tuple[int, int]] = set()
        self.warned_unit = False

    # -- findings and cells ---------------------------------------------------------------------

    def find(
        self,
        code: str,
        severity: Severity,
        message: str,
        row: int,
        column: int = 1,
        text: str = "",
        hint: str | None = None,
    ) -> None:
        shown = text.replace("\n", " ").strip()
        if shown and shown not in message:
            message = f"{message}：“{shown[:120]}”"
        self.book.findings.append(
            Finding(
                code,
                severity,
                message,
                row,
                column,
                suggestion=hint,
                file=self.book.source,
                sheet=self.grid.name,
            )
        )

    def use(self, row: int, column: int) -> str:
        cell = self.grid.cell(row, column)
        if cell is None:
            return ""
        self.used.add(cell.origin)
        self.used.add((row, column))
        return cell.text

    def use_row(self, row: int) -> None:
        for cell in self.grid.row_cells(row):
            self.use(cell.row, cell.column)

    def right_of(self, cell: Cell) -> Cell | None:
        """The cell right of ``cell``'s merged range (``None`` when empty)."""
        return self.grid.right_of(cell)

    # -- the sheet ------------------------------------------------------------------------------

    def read(self) -> None:
        grid = self.grid
        for row, column, formula in grid.unsaved_formulas:
            self.find(
                "IK720",
                ERROR,
                f"公式 {formula} 没有保存的结果，值未知，未读入 "
                "(a formula with no stored result: its value is unknown)",
                row,
                column,
                hint="用 Excel、WPS 或 LibreOffice 打开并保存一次 / open and save it once in a spreadsheet",
            )
        labels = {key(c.text) for c in grid.cells.values() if c.anchor is None}
        if "部门编码" in labels:
            self.read_department()
        elif "分项名称" in labels:
            self.read_programme()
        elif "评分规则" in labels and "项目名称" not in labels:
            self.read_cover()
        else:
            self.read_projects()
        self.report_unread()

    def report_unread(self) -> None:
        for row in self.grid.non_empty_rows():
            left = [
                c
                for c in self.grid.row_cells(row)
                if c.origin not in self.used
                and (c.row, c.column) not in self.used
                and c.anchor is None
            ]
            if left:
                text = " | ".join(c.text.replace("\n", " ") for c in left)
                self.find(
                    "IK716",
                    INFO,
                    f"这一行的内容没有读入规格 (not read into the spec): {text[:120]}",
                    row,
                    left[0].column,
                    text[:200],
                )

    # -- labels --------------------------------------------------------------------------------

    def labelled(self, rows: Iterable[int], names: Iterable[str]) -> dict[str, Cell | None]:
        """For each label found in ``rows``: the value cell right of it (``None`` if empty)."""
        wanted = set(names)
        found: dict[str, Cell | None] = {}
        for row in rows:
            for cell in self.grid.row_cells(row):
                if cell.anchor is not None and cell.anchor[0] != row:
                    continue
                name = key(cell.text)
                if name in wanted and name not in found and cell.origin not in self.used:
                    value = self.right_of(cell)
                    self.use(cell.row, cell.column)
                    if value is not None:
                        self.use(value.row, value.column)
                    found[name] = value
        return found

    # -- our own sheets (write_workbook) --------------------------------------------------------

    def read_cover(self) -> None:
        found = self.labelled(range(1, self.grid.rows + 1), ["评分规则"])
        cell = found.get("评分规则")
        self.book.cover = True
        if cell is not None:
            self.book.rules = cell.text
        self.use_titles()

    def use_titles(self) -> None:
        for row in self.grid.non_empty_rows():
            cells = self.grid.row_cells(row)
            if len(cells) >= 1 and all(
                re.search(r"(绩效目标表|自评表|申报表|indicatorkit)", c.text) for c in cells
            ):
                self.use_row(row)

    def read_department(self) -> None:
        """The department sheet :func:`write_workbook` writes: labels, then the goals table
        (``目标编号 | 目标 | 数据 | 共N条``) and the measures table (``保障措施 | 措施 | 标记 |
        共N行``; a group's title row is marked ``标题``)."""
        tables = self.counted_tables()
        claimed = {r for start, count in tables.values() for r in range(start, start + count + 1)}
        free = [r for r in self.grid.rows_between(1, self.grid.rows) if r not in claimed]
        found = self.labelled(free, ["部门编码", "部门名称", "年度", "总体目标"])
        year_text = _text(found.get("年度"))
        year = None
        if year_text:
            try:
                year = int(year_text)
            except ValueError:
                cell = found["年度"]
                assert cell is not None
                self.bad_number(cell, f"年度不是整数 (year is not an integer): “{year_text}”")
        goals = []
        start, count = tables.get("目标编号", (0, 0))
        for row in range(start + 1, start + count + 1):
            number_text, text, figures = (self.use(row, c) for c in (1, 2, 3))
            amounts = self.amount_list(figures, row, 3)
            try:
                goals.append(
                    DepartmentGoal(int(number_text) if number_text.strip() else None, text, amounts)
                )
            except (IndicatorkitError, ValueError) as error:
                self.find(
                    "IK717", ERROR, f"部门目标无效，未读入 (invalid goal, not read): {error}", row
                )
        measures = []
        start, count = tables.get("保障措施", (0, 0))
        group: tuple[str, list[str]] | None = None
        for row in range(start + 1, start + count + 1):
            title, item, mark = (self.use(row, c) for c in (1, 2, 3))
            if mark == "标题":
                if group is not None:
                    measures.append(MeasureGroup(group[0], group[1]))
                group = (title, [])
            elif group is not None:
                group[1].append(item)
        if group is not None:
            measures.append(MeasureGroup(group[0], group[1]))
        try:
            self.book.department = Department(
                _text(found.get("部门编码")) or "",
                _text(found.get("部门名称")) or "",
                year,
                overall_goal=_text(found.get("总体目标")) or "",
                goals=goals,
                measures=measures,
            )
        except (IndicatorkitError, ValueError) as error:
            self.find("IK717", ERROR, f"部门信息无效 (invalid department): {error}", 1)
        self.use_titles()

    def counted_tables(self) -> dict[str, tuple[int, int]]:
        """Tables whose header ends in ``共N条`` / ``共N行``: first header text → (row, N)."""
        found: dict[str, tuple[int, int]] = {}
        for row in self.grid.non_empty_rows():
            first = key(self.grid.text(row, 1))
            count = re.fullmatch(r"共(\d+)[条行]", key(self.grid.text(row, 4)))
            if first in ("目标编号", "保障措施") and count:
                self.use_row(row)
                found[first] = (row, int(count.group(1)))
        return found

    def read_programme(self) -> None:
        table = self.indicator_table(1, self.grid.rows)
        rows = range(1, (table.header if table else self.grid.rows + 1))
        found = self.labelled(rows, ["分项名称", "目标", "说明", "支出计划"])
        indicators = self.indicators(table) if table else []
        plan = self.plan_text(found.get("支出计划"))
        try:
            programme = Programme(
                _text(found.get("分项名称")) or "",
                goal=_text(found.get("目标")) or "",
                summary=_text(found.get("说明")) or "",
                plan=plan,
                indicators=[i for i, _ in indicators],
            )
        except (IndicatorkitError, ValueError) as error:
            self.find("IK717", ERROR, f"分项无效 (invalid programme): {error}", 1)
            return
        self.book.programmes.append(programme)
        self.use_titles()

    # -- projects --------------------------------------------------------------------------------

    def read_projects(self) -> None:
        grid = self.grid
        table = self.indicator_table(1, grid.rows)
        if table is not None and "project_name" in table.roles.values():
            self.read_long_table(table)
            return
        if self.read_cell_lists():
            return
        starts = [
            c.row
            for c in sorted(grid.cells.values(), key=lambda c: (c.row, c.column))
            if c.anchor is None and key(c.text) in ("项目名称", "部门名称", "部门(单位)名称")
        ]
        starts = sorted(set(starts))
        if not starts and table is None and self.budget_header(1, grid.rows) is None:
            if grid.cells:
                first = grid.row_cells(next(grid.non_empty_rows()))[0]
                self.find(
                    "IK701",
                    INFO,
                    "这张工作表里没有找到绩效表（没有“项目名称”或“一级指标”表头）"
                    f"(no 绩效 table found in this sheet; {len(list(grid.non_empty_rows()))} "
                    "non-empty rows not read)",
                    first.row,
                    first.column,
                )
                self.used.update(grid.cells)
            return
        if not starts:
            starts = [1]
        else:
            # the title block above a 项目名称 row belongs to that project
            starts = [self.title_block_start(row) for row in starts]
            starts[0] = 1
        for index, start in enumerate(starts):
            end = starts[index + 1] - 1 if index + 1 < len(starts) else grid.rows
            self.read_project(start, end)

    def title_block_start(self, row: int) -> int:
        """The first row of the title block above a 项目名称 row (unit code and name, ``单位：元``,
        a numbered table title), so that it is not read as the previous project's table."""
        start = row
        probe = row - 1
        while probe >= 1:
            cells = self.grid.row_cells(probe)
            if not cells:
                probe -= 1
                continue
            texts = [c.text.strip() for c in cells]
            if all(_TITLE_LIKE.search(t) for t in texts) or (
                len(texts) == 2 and re.fullmatch(r"\d{6}", texts[0])
            ):
                start = probe
                probe -= 1
                continue
            break
        return start

    def read_project(self, start: int, end: int) -> None:
        table = self.indicator_table(start, end)
        budget_rows = self.budget_header(start, end)
        table_rows: set[int] = set()
        if table is not None:
            table_rows = set(range(table.header, table.end + 1))
        label_rows = [r for r in self.grid.rows_between(start, end) if r not in table_rows]
        money = self.money_unit(start, end)
        block: tuple[Budget | None, dict[str, object]] | None = None
        if budget_rows is not None:  # first, so that its row labels are not read as labels
            block = self.budget_block(budget_rows, end, money)
        found = self.labelled(
            label_rows,
            [
                "项目编号",
                "项目名称",
                "项目编码",
                "单位",
                "实施单位",
                "主管部门",
                "部门名称",
                "部门(单位)名称",
                "预算数",
                "其中:财政资金",
                "财政资金",
                "其他资金",
                "资金用途",
                "支出计划",
                "绩效目标",
                "年度绩效目标",
                "暂不公开",
                "执行数",
                "调整后预算",
                "累计支出",
                "执行说明",
                "年初预算数",
                "资金来源",
                "目标完成情况",
                *_ASSESSMENT_PROSE,
                "评分规则",
            ],
        )
        if (rules_cell := found.get("评分规则")) is not None and self.book.rules is None:
            self.book.rules = rules_cell.text
        name = (
            _text(found.get("项目名称"))
            or _text(found.get("部门名称"))
            or _text(found.get("部门(单位)名称"))
        )
        number = self.book.next_number
        if (number_cell := found.get("项目编号")) is not None:
            try:
                number = int(number_cell.text)
            except ValueError:
                self.find(
                    "IK709",
                    ERROR,
                    f"项目编号不是整数 (project number is not an integer): “{number_cell.text}”",
                    number_cell.row,
                    number_cell.column,
                    number_cell.text,
                )
        unit = _text(found.get("实施单位")) or _text(found.get("单位"))
        if unit is None:
            unit = self.title_unit(start, end)
        if (boss := found.get("主管部门")) is not None:
            self.find(
                "IK707",
                INFO,
                f"主管部门“{boss.text}”不在模型中，未读入 (not kept by the model)",
                boss.row,
                boss.column,
                boss.text,
            )
        fields: dict[str, object] = {}
        budget = self.layout_a_budget(label_rows, money, found)
        purpose = _text(found.get("资金用途")) or self.usage_line(label_rows)
        plan = self.plan_text(found.get("支出计划")) or self.plan_row(label_rows)
        goal = (
            _text(found.get("绩效目标"))
            or _text(found.get("年度绩效目标"))
            or self.goal_block(label_rows)
        )
        if block is not None:
            budget, extra = block
            fields.update(extra)
        for label, field in (("执行数", "executed"), ("调整后预算", "adjusted_budget")):
            if (cell := found.get(label)) is not None:
                fields[field] = self.money(cell, money)
        if (cell := found.get("累计支出")) is not None:
            fields["spent"] = self.plan_text(cell)
        if (cell := found.get("执行说明")) is not None:
            fields["budget_reason"] = cell.text
        if (cell := found.get("年初预算数")) is not None:
            fields["initial_budget"] = self.money(cell, money)
        if (cell := found.get("目标完成情况")) is not None:
            fields["goal_outcome"] = cell.text
        if (cell := found.get("资金来源")) is not None:
            try:
                fields["fund_sources"] = parse_fund_sources(cell.text)
            except ValueError as error:
                self.bad_number(cell, f"资金来源无效 (invalid fund sources): {error}")
        for label, field in _ASSESSMENT_PROSE.items():
            if (cell := found.get(label)) is not None:
                fields[field] = cell.text
        withheld: str | None = None
        if "暂不公开" in found:
            withheld = _text(found["暂不公开"]) or ""
        indicators = self.indicators(table) if table is not None else []
        self.totals(start, end)
        self.use_titles_in(start, end)
        try:
            project = Project(
                number,
                name or "",
                code=_text(found.get("项目编码")) or "",
                unit=unit or "",
                budget=budget,
                purpose=purpose or "",
                plan=plan,
                goal=goal or "",
                indicators=[i for i, _ in indicators],
                withheld=withheld,
                **fields,  # type: ignore[arg-type]
            )
        except (IndicatorkitError, ValueError) as error:
            self.find(
                "IK717", ERROR, f"项目无效，未读入 (invalid project, not read): {error}", start
            )
            return
        self.book.add_project(project, self.grid.name, start)

    def use_titles_in(self, start: int, end: int) -> None:
        for row in self.grid.rows_between(start, end):
            cells = [c for c in self.grid.row_cells(row) if c.origin not in self.used]
            if cells and all(
                re.search(r"(绩效目标表|自评表|申报表)$", c.text.strip()) for c in cells
            ):
                self.use_row(row)

    def title_unit(self, start: int, end: int) -> str | None:
        """``315001玉田县司法局本级`` (one cell, or a code cell and a name cell) in the title
        block of a declaration table."""
        for row in range(start, min(end, start + 6) + 1):
            cells = [c for c in self.grid.row_cells(row) if c.origin not in self.used]
            texts = [c.text.strip() for c in cells]
            if len(texts) == 1 and re.fullmatch(r"\d{6}\S+", texts[0]):
                self.use_row(row)
                return texts[0]
            if len(texts) == 2 and re.fullmatch(r"\d{6}", texts[0]):
                self.use_row(row)
                return texts[0] + texts[1]
        return None

    def money_unit(self, start: int, end: int) -> str | None:
        for row in range(start, min(end, start + 8) + 1):
            for cell in self.grid.row_cells(row):
                match = re.fullmatch(r"\s*单位\s*[:：]\s*(万元|元|千元|亿元)\s*", cell.text)
                if match and cell.origin not in self.used:
                    self.use(cell.row, cell.column)
                    return match.group(1)
        return None

    # -- the budget ------------------------------------------------------------------------------

    def money(self, cell: Cell | None, unit: str | None) -> Amount | None:
        """A money cell: a number in the caption's unit, or a text with its own unit."""
        if cell is None or key(cell.text) in _DASHES:
            return None
        try:
            if cell.number is not None:
                return Amount(cell.number, unit_named(unit or self.unstated_unit(cell)))
            value = parse_actual(cell.text)
        except (IndicatorkitError, ValueError) as error:
            self.bad_number(cell, f"金额无效 (invalid amount): {error}")
            return None
        if isinstance(value, Amount) and value.unit.dimension == "[money]":
            return value
        if isinstance(value, Amount) and value.unit.dimension == "[count]" and unit:
            return Amount(value.value, unit_named(unit))
        try:
            number = decimal_value(cell.text.replace(",", ""))
            return Amount(number, unit_named(unit or self.unstated_unit(cell)))
        except (IndicatorkitError, ValueError, ArithmeticError):
            self.bad_number(cell, f"不是金额 (not an amount): “{cell.text}”")
            return None

    def unstated_unit(self, cell: Cell) -> str:
        """元, for a bare amount in a table that states no money unit — said once a sheet."""
        if not self.warned_unit:
            self.warned_unit = True
            self.find(
                "IK713",
                WARNING,
                "表上没有写金额单位（单位：元 / 万元），金额按元读 "
                "(no money unit stated: amounts read in 元)",
                cell.row,
                cell.column,
                cell.text,
                "在表头写明“单位：元”或“单位：万元” / state the unit in the title",
            )
        return "元"

    def bad_number(self, cell: Cell, message: str) -> None:
        self.find(
            "IK709",
            ERROR,
            message,
            cell.row,
            cell.column,
            cell.text,
            "写数字，如 10000.00 / a number",
        )

    def layout_a_budget(
        self, rows: list[int], money: str | None, found: dict[str, Cell | None]
    ) -> Budget | None:
        total = self.money(found.get("预算数"), money)
        fiscal_cell = found.get("其中:财政资金") or found.get("财政资金")
        fiscal = self.money(fiscal_cell, money)
        other = self.money(found.get("其他资金"), money)
        if total is None:
            for cell, what in ((fiscal_cell, "财政资金"), (found.get("其他资金"), "其他资金")):
                if cell is not None and key(cell.text) not in _DASHES:
                    self.find(
                        "IK709",
                        ERROR,
                        f"有{what}而没有预算数 ({what} given without a total budget)",
                        cell.row,
                        cell.column,
                        cell.text,
                    )
            return None
        try:
            return Budget(total, fiscal, other)
        except (IndicatorkitError, ValueError) as error:
            self.find("IK717", ERROR, f"预算无效 (invalid budget): {error}", rows[0] if rows else 1)
            return None

    def usage_line(self, rows: list[int]) -> str | None:
        """Layout A: the free-text line under ``预算规模及资金用途 | 预算数 …``."""
        for row in rows:
            cells = self.grid.row_cells(row)
            if cells and key(cells[0].text).startswith("预算规模及资金用途"):
                self.use(cells[0].row, cells[0].column)
                rest = [c for c in cells[1:] if c.origin not in self.used]
                if rest and not any(key(c.text) in ("预算数", "其他资金") for c in rest):
                    for c in rest:
                        self.use(c.row, c.column)
                    return rest[0].text
        return None

    def plan_text(self, cell: Cell | None) -> SpendingPlan | None:
        """``3月底 30%，6月底 60%`` in one cell."""
        if cell is None or not cell.text.strip():
            return None
        points = []
        for part in re.split(r"[，,；;\n]+", cell.text.strip()):
            pieces = part.split()
            if not pieces:
                continue
            point = share = None
            if len(pieces) == 2:
                try:
                    point = parse_actual(pieces[0])
                    share = parse_actual(pieces[1])
                except (IndicatorkitError, ValueError):
                    point = None
            if not isinstance(point, DatePoint) or not isinstance(share, Amount):
                self.find(
                    "IK709",
                    ERROR,
                    f"支出计划的一项无效 (invalid checkpoint): “{part}”",
                    cell.row,
                    cell.column,
                    cell.text,
                    "写作“3月底 30%，6月底 60%” / write '3月底 30%，6月底 60%'",
                )
                return None
            try:
                points.append(Checkpoint(point, share))
            except (IndicatorkitError, ValueError) as error:
                self.find("IK709", ERROR, f"支出计划无效 (invalid plan): {error}", cell.row)
                return None
        return SpendingPlan(points)

    def plan_row(self, rows: list[int]) -> SpendingPlan | None:
        """Layout A: ``资金支出计划（%） | 3月底 | 6月底 …`` and the shares in the next row."""
        for row in rows:
            cells = self.grid.row_cells(row)
            if not cells or not key(cells[0].text).startswith("资金支出计划"):
                continue
            if cells[0].anchor is not None and cells[0].anchor[0] != row:
                continue
            self.use(cells[0].row, cells[0].column)
            points = []
            for cell in cells[1:]:
                if cell.origin == cells[0].origin or cell.anchor is not None:
                    continue  # a date merged across columns is one date
                self.use(cell.row, cell.column)
                try:
                    point = parse_actual(cell.text)
                except (IndicatorkitError, ValueError):
                    point = None
                if not isinstance(point, DatePoint):
                    self.bad_number(cell, f"支出计划的时点无效 (invalid checkpoint): “{cell.text}”")
                    return None
                share_cell = self.grid.cell(row + 1, cell.column)
                if share_cell is None:
                    self.find(
                        "IK709",
                        ERROR,
                        "支出计划缺少比例 (a checkpoint without share)",
                        row + 1,
                        cell.column,
                    )
                    return None
                self.use(share_cell.row, share_cell.column)
                share = self.share(share_cell)
                if share is None:
                    return None
                points.append(Checkpoint(point, share))
            # the label merged over the share row
            below = self.grid.cell(row + 1, cells[0].column)
            if below is not None:
                self.use(below.row, below.column)
            return SpendingPlan(points) if points else None
        return None

    def share(self, cell: Cell) -> Amount | None:
        text = cell.text.strip()
        if cell.number is not None and not text.endswith("%"):
            text += "%"  # a plain number under 资金支出计划（%）
        try:
            value = parse_actual(text)
        except (IndicatorkitError, ValueError):
            value = None
        if not isinstance(value, Amount) or value.unit.dimension != "[ratio]":
            self.bad_number(cell, f"支出比例无效 (invalid share): “{cell.text}”")
            return None
        return value

    def goal_block(self, rows: list[int]) -> str | None:
        """``年度总体目标 | 预期目标 | 实际完成情况``: the goal under 预期目标; the text under
        实际完成情况 is not in the model (a finding)."""
        for row in rows:
            for cell in self.grid.row_cells(row):
                if key(cell.text) in ("预期目标", "年度目标") and cell.origin not in self.used:
                    self.use_row(row)
                    below = self.grid.cell(row + 1, cell.column)
                    goal = None
                    if below is not None:
                        self.use(below.row, below.column)
                        goal = below.text
                    for other in self.grid.row_cells(row + 1):
                        if other.origin in self.used or (other.row, other.column) in self.used:
                            continue
                        self.use(other.row, other.column)
                        if key(self.grid.text(row, other.column)) == "实际完成情况":
                            self.find(
                                "IK707",
                                INFO,
                                "年度总体目标的实际完成情况不在模型中，未读入 "
                                "(the goal's actual outcome is not kept by the model)",
                                other.row,
                                other.column,
                                other.text[:200],
                            )
                    return goal
        return None

    def budget_header(self, start: int, end: int) -> int | None:
        for row in self.grid.rows_between(start, end):
            keys = [key(c.text) for c in self.grid.row_cells(row)]
            if any("预算数" in k for k in keys) and any("执行数" in k for k in keys):
                return row
        return None

    def budget_block(
        self, header: int, end: int, money: str | None
    ) -> tuple[Budget | None, dict[str, object]]:
        """B, C, D, G: ``项目资金（万元） | 年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 |
        执行率 | 得分`` and its rows (年度资金总额, 其中：当年财政拨款, 其他资金 …)."""
        cells = self.grid.row_cells(header)
        caption = cells[0]
        unit = money
        found_unit = _MONEY_UNIT.search(unicodedata.normalize("NFKC", caption.text))
        if found_unit:
            caption_unit = found_unit.group(1) or found_unit.group(2)
            if money is not None and money != caption_unit:
                self.find(
                    "IK713",
                    WARNING,
                    f"表头单位“{money}”与预算栏单位“{caption_unit}”不一致，按预算栏的“{caption_unit}”读 "
                    f"(the title's unit disagrees with the budget caption's; read in {caption_unit})",
                    caption.row,
                    caption.column,
                    caption.text,
                )
            unit = caption_unit
        caption_points = re.search(
            r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]", unicodedata.normalize("NFKC", caption.text)
        )
        if caption_points:
            self.find(
                "IK715",
                INFO,
                f"预算执行率的分值按表头为 {caption_points.group(1)}，打分时用它 "
                "(the budget line's weight as the caption prints it: scoring takes it)",
                caption.row,
                caption.column,
                caption.text,
            )
        columns: dict[str, int] = {}
        for cell in cells[1:]:
            k = key(cell.text)
            if cell.origin == caption.origin:
                continue
            if "得分" in k and "计算方法" not in k:
                columns["score"] = cell.column
            elif k.startswith("年初预算"):
                columns["initial"] = cell.column
            elif "预算数" in k:
                columns["budget"] = cell.column
            elif "执行数" in k:
                columns["executed"] = cell.column
            elif "执行率" in k:
                columns["rate"] = cell.column
            elif "分值" in k:
                columns["weight"] = cell.column
            else:
                self.find(
                    "IK707",
                    INFO,
                    f"预算栏的这一列未读入 (budget column not read): “{cell.text}”",
                    cell.row,
                    cell.column,
                    cell.text,
                )
            self.use(cell.row, cell.column)
        self.use(caption.row, caption.column)
        rows: dict[str, dict[str, Cell | None]] = {}
        row = header + 1
        first_data = True
        while row <= end:
            row_cells = self.grid.row_cells(row)
            numbers = [self.grid.cell(row, c) for c in columns.values()]
            if not row_cells or (
                not any(
                    (n is not None and n.number is not None)
                    or (n is not None and re.match(r"^[\d.,]+", n.text.strip()))
                    for n in numbers
                )
                and not any(n is not None and key(n.text) in _DASHES - {""} for n in numbers)
            ):
                break
            label_cell = row_cells[0]
            label = (
                key(label_cell.text)
                if label_cell.column < min(columns.values(), default=99)
                else ""
            )
            if label_cell.origin == caption.origin or (first_data and label in ("", "合计")):
                kind = "total"
            elif "资金总额" in label or label in ("合计", "总计"):
                kind = "total"
            elif "财政" in label:
                kind = "fiscal"
            elif label.startswith("其他资金"):
                kind = "other"
            else:
                kind = label or f"row{row}"
            first_data = False
            values = {name: self.grid.cell(row, c) for name, c in columns.items()}
            for c in row_cells:
                if c.column < min(columns.values(), default=99):
                    self.use(c.row, c.column)
            for value in values.values():
                if value is not None:
                    self.use(value.row, value.column)
            if kind not in ("total", "fiscal", "other"):
                shown = " | ".join(c.text for c in row_cells)
                self.find(
                    "IK714",
                    INFO,
                    f"预算栏的“{label_cell.text}”行不在模型中，未读入 (budget row not kept): {shown}",
                    row,
                    label_cell.column,
                    shown,
                )
            else:
                rows[kind] = values
            row += 1
        if "total" not in rows and rows:
            for values in rows.values():
                for value in values.values():
                    if value is not None:
                        self.find(
                            "IK714",
                            INFO,
                            "预算栏没有合计行（年度资金总额），各来源的数未读入 "
                            "(no total row in the budget block: the sources are not read)",
                            value.row,
                            value.column,
                            value.text,
                        )
            rows = {}
        total_row: dict[str, Cell | None] = rows.get("total", {})
        initial = self.money(total_row.get("initial"), unit)
        full = self.money(total_row.get("budget"), unit)
        executed = self.money(total_row.get("executed"), unit)
        base = initial if initial is not None else full
        extra: dict[str, object] = {}
        if executed is not None:
            extra["executed"] = executed
        if initial is not None and full is not None and full != initial:
            extra["adjusted_budget"] = full
        if caption_points:
            extra["budget_weight"] = read_ratio(caption_points.group(1))
        for name in ("weight", "score"):
            printed = total_row.get(name)
            if printed is not None and key(printed.text) not in _DASHES:
                what = "分值" if name == "weight" else "得分"
                if name == "weight":  # the table's 分值 is the budget line's weight
                    with contextlib.suppress(IndicatorkitError):
                        extra["budget_weight"] = read_ratio(printed.text)
                self.find(
                    "IK715",
                    INFO,
                    f"预算执行率的{what}按表上为 {printed.text}"
                    + ("，打分时用它" if name == "weight" else "；打分时由规则计算")
                    + (
                        " (the budget line's printed weight: scoring takes it)"
                        if name == "weight"
                        else " (the budget line's printed score; scoring computes it)"
                    ),
                    printed.row,
                    printed.column,
                    printed.text,
                )
        if base is None:
            return None, extra

        def part(kind: str) -> Amount | None:
            values = rows.get(kind, {})
            return self.money(values.get("initial") or values.get("budget"), unit)

        try:
            return Budget(base, part("fiscal"), part("other")), extra
        except (IndicatorkitError, ValueError) as error:
            self.find("IK717", ERROR, f"预算无效 (invalid budget): {error}", header)
            return None, extra

    def amount_list(self, text: str, row: int, column: int) -> list[Amount]:
        found = []
        for part in re.split(r"[，,；;]+", text.strip()):
            if not part.strip():
                continue
            try:
                value = parse_actual(part.strip())
            except (IndicatorkitError, ValueError):
                value = None
            if isinstance(value, Amount):
                found.append(value)
            else:
                self.find("IK709", ERROR, f"数据无效 (invalid figure): “{part}”", row, column, text)
        return found

    # -- totals --------------------------------------------------------------------------------

    def totals(self, start: int, end: int) -> None:
        """总分 rows and printed totals and grades: kept as findings to compare with a score."""
        for row in self.grid.rows_between(start, end):
            cells = [c for c in self.grid.row_cells(row) if c.origin not in self.used]
            if not cells:
                continue
            text = " | ".join(dict.fromkeys(c.text.strip() for c in cells))
            first = key(cells[0].text)
            if first.startswith(
                ("总分", "合计", "得分合计", "自评方式", "评价分值", "自评得分", "总计")
            ) or re.search(r"(评价分值|自评得分|得分合计|自评等级|评价等级)", text):
                self.use_row(row)
                self.find(
                    "IK712",
                    INFO,
                    f"表上印的总分或等级 (printed total / grade): {text[:200]}",
                    row,
                    cells[0].column,
                    text[:200],
                    "用 indicatorkit score 计算并核对 / compare with indicatorkit score",
                )

    # -- indicator tables ------------------------------------------------------------------------

    def indicator_table(self, start: int, end: int) -> _Table | None:
        for row in self.grid.rows_between(start, end):
            cells = self.grid.row_cells(row)
            keys = [key(c.text) for c in cells if len(key(c.text)) <= _HEADER_LENGTH]
            if not (
                any("一级指标" in k for k in keys)
                and any("三级指标" in k or "二级指标" in k for k in keys)
            ) and not ("指标名称" in keys and any("指标值" in k or "目标值" in k for k in keys)):
                continue
            roles: dict[int, str] = {}
            seen_origins: set[tuple[int, int]] = set()
            for cell in cells:
                if cell.origin in seen_origins:
                    continue
                seen_origins.add(cell.origin)
                k = key(cell.text)
                role = next((name for name, test in _ROLE_TESTS if test(k)), None)
                if role is not None and role not in roles.values():
                    roles[cell.column] = role
            last = row
            for r in self.grid.rows_between(row + 1, end):
                first_cells = self.grid.row_cells(r)
                if not first_cells:
                    continue
                first = key(first_cells[0].text)
                if first.startswith(_STOP_LABELS) and "project_name" not in roles.values():
                    break
                if any(
                    re.search(r"(评价分值|自评得分|得分合计|自评等级|评价等级)", c.text)
                    for c in first_cells
                ):
                    break
                last = r
            return _Table(row, roles, last)
        return None

    def claim_header(self, table: _Table) -> None:
        """Mark the header row read; a finding for each column the model does not keep."""
        for cell in self.grid.row_cells(table.header):
            if cell.anchor is not None:
                continue
            self.use(cell.row, cell.column)
            if cell.column not in table.roles:
                self.find(
                    "IK707",
                    INFO,
                    f"这一列不在模型中，未读入 (column not read): “{cell.text}”",
                    cell.row,
                    cell.column,
                )

    def indicators(self, table: _Table) -> list[tuple[Indicator, int]]:
        self.claim_header(table)
        found: list[tuple[Indicator, int]] = []
        for row in range(table.header + 1, table.end + 1):
            made = self.indicator_row(table, row)
            if made is not None:
                found.append((made, row))
        self.check_level_points(table, found, range(table.header + 1, table.end + 1))
        return found

    def check_level_points(
        self, table: _Table, found: list[tuple[Indicator, int]], rows: range
    ) -> None:
        """Points printed in level-1 cells (``产出指标(50分)``) against the rows' weights."""
        level_column = next((c for c, r in table.roles.items() if r == "level1"), None)
        if level_column is None:
            return
        printed: dict[str, tuple[Fraction, int]] = {}
        for row in rows:
            cell = self.grid.cell(row, level_column)
            if cell is None:
                continue
            match = _POINTS.match(unicodedata.normalize("NFKC", cell.text.strip()))
            if match and match.group(1).strip() and "年度绩效目标" not in match.group(1):
                printed.setdefault(match.group(1).strip(), (Fraction(match.group(2)), row))
        for level, (points, row) in printed.items():
            weights = [i.weight for i, _ in found if i.level1 == level]
            if weights and all(w is not None for w in weights):
                total = sum((w for w in weights if w is not None), Fraction(0))
                if total != points:
                    self.find(
                        "IK711",
                        WARNING,
                        f"“{level}”印的是 {points} 分，各指标分值合计 {total} "
                        f"(the level prints {points} points; its rows add up to {total})",
                        row,
                        level_column,
                    )
            else:
                self.find(
                    "IK711",
                    INFO,
                    f"“{level}”印有 {points} 分，但各指标没有分值；打分时按规则集的权重 "
                    f"(level points printed, no per-row weights: scoring uses the rule set's)",
                    row,
                    level_column,
                )

    def level_name(self, cell: Cell | None, row: int, column: int) -> str:
        if cell is None:
            return ""
        text = cell.text.strip()
        lines = [line.strip() for line in text.split("\n")]
        if len(lines) > 1 and all(len(line) <= 1 for line in lines):
            text = "".join(lines)  # 产\n出\n指\n标
        else:
            text = " ".join(line for line in lines if line)
        if not _POINTS.match(unicodedata.normalize("NFKC", text)):
            return text
        name = strip_points(text)
        if not name and row == cell.origin[0]:
            self.find(
                "IK710",
                WARNING,
                f"一级指标格只印了分值“{text}”，名称缺失 (the level-1 cell prints only its points)",
                row,
                column,
                hint="在表中补上一级指标名称 / write the level-1 name",
            )
        return name

    def indicator_row(self, table: _Table, row: int) -> Indicator | None:
        cells = {role: self.grid.cell(row, column) for column, role in table.roles.items()}
        row_cells = self.grid.row_cells(row)
        if not row_cells:
            return None
        texts = [c.text for c in row_cells]
        shown = " | ".join(dict.fromkeys(t.replace("\n", " ") for t in texts))
        own = [c.text for c in row_cells if c.anchor is None or c.anchor[0] == row]
        if own and all(_ELLIPSIS.match(t) for t in own):
            self.use_row(row)
            self.find(
                "IK704",
                WARNING,
                f"模板留下的空行，跳过 (template leftover row skipped): {shown}",
                row,
                row_cells[0].column,
                shown,
            )
            return None
        distinct = {c.origin for c in row_cells}
        if (
            len(distinct) == 1
            and re.search(r"(目标\d*|分)[)）]?$", texts[0])
            and ("年度绩效目标" in texts[0] or "分" in texts[0])
            and len(row_cells) > 2
        ):
            self.use_row(row)
            self.find(
                "IK719",
                INFO,
                f"指标分组标题 (a group caption): {texts[0]}",
                row,
                row_cells[0].column,
                texts[0],
            )
            return None
        self.use_row(row)
        level1 = self.level_name(cells.get("level1"), row, _col(table, "level1"))
        level2 = self.level_name(cells.get("level2"), row, _col(table, "level2"))
        name = _text(cells.get("name")) or ""
        name = unwrap_name(name)
        target_cell = cells.get("target")
        target_raw = target_cell.text.strip() if target_cell is not None else ""
        if _EMPTY_TEMPLATE_NAME.match(name) and not target_raw:
            self.find(
                "IK704",
                WARNING,
                f"模板留下的空指标“{name}”，跳过 (an empty template row skipped)",
                row,
                _col(table, "name"),
                shown,
            )
            return None
        prefix = _RUNNING_PREFIX.match(name)
        if prefix:
            self.find(
                "IK706",
                INFO,
                f"去掉了指标名称前的编号“{prefix.group(0).strip()}” (running prefix removed)",
                row,
                _col(table, "name"),
                name,
            )
            name = name[prefix.end() :].strip()
        if not any((name, target_raw)):
            self.find(
                "IK704",
                WARNING,
                f"没有指标名称和指标值的行，跳过 (a row with no indicator): {shown}",
                row,
                row_cells[0].column,
                shown,
            )
            return None
        target_and_text = self.target(table, cells, row)
        if target_and_text is None:
            return None
        target, target_text, direction = target_and_text
        values: dict[str, object] = {}
        for role in ("weight", "evaluator_score"):
            cell = cells.get(role)
            if cell is not None and key(cell.text) not in _DASHES:
                number = self.points(cell)
                if number is None:
                    return None
                values[role] = number
        if (
            (cell := cells.get("operator")) is not None
            and "nature" not in cells
            and direction is None
        ):
            pass
        actual_cell = cells.get("actual")
        if actual_cell is not None:
            not_applicable = re.fullmatch(r"\s*不适用\s*(?:[:：]\s*(.*))?", actual_cell.text, re.S)
            if self.serial_date(actual_cell, None, row, level2, name, "实际完成值"):
                pass  # said (IK703); the indicator stays, with no actual
            elif not_applicable:  # 不适用 written as the actual (the 自评表 way)
                values["not_applicable"] = (not_applicable.group(1) or "").strip()
            else:
                values["actual"] = self.actual_text(table, actual_cell, cells.get("unit"))
        if (cell := cells.get("reason")) is not None:
            values["reason"] = cell.text
        if cells.get("not_applicable") is not None:
            values["not_applicable"] = _text(cells.get("not_applicable_reason")) or ""
        if "not_applicable" in values and "evaluator_score" in values:
            score_cell = cells.get("evaluator_score")
            self.find(
                "IK707",
                INFO,
                f"不适用指标的得分 {values.pop('evaluator_score')} 不在模型中，未读入 "
                "(the score of a not-applicable indicator is not kept)",
                row,
                score_cell.column if score_cell is not None else 1,
            )
        if "direction" not in values and direction is not None:
            values["direction"] = direction
        try:
            return Indicator(
                level1,
                level2,
                name,
                target,
                target_text=target_text,
                description=_text(cells.get("description")) or "",
                basis=_text(cells.get("basis")) or "",
                where=self.grid.where(row, _col(table, "name"), cells),
                **values,  # type: ignore[arg-type]
            )
        except (IndicatorkitError, ValueError) as error:
            self.find(
                "IK717",
                ERROR,
                f"指标无效，未读入 (invalid indicator, not read): {error}",
                row,
                1,
                shown,
            )
            return None

    def points(self, cell: Cell) -> Fraction | None:
        text = unicodedata.normalize("NFKC", cell.text.strip())
        try:
            if cell.number is not None:
                return cell.number * 100 if text.endswith("%") else cell.number
            if text.endswith("%"):
                return decimal_value(text[:-1])
            if "/" in text:
                return Fraction(text)
            return decimal_value(text.removesuffix("分"))
        except (ValueError, ArithmeticError, ZeroDivisionError):
            self.bad_number(
                cell, f"分值或得分不是数字 (weight or score is not a number): “{cell.text}”"
            )
            return None

    def serial_date(
        self, cell: Cell | None, unit_cell: Cell | None, row: int, level2: str, name: str, what: str
    ) -> bool:
        """An Excel date serial leaking into a value cell: a finding saying which date it
        probably is (never taken as that date, never taken as a number)."""
        if cell is None or cell.is_date:
            return False
        text = unicodedata.normalize("NFKC", cell.text.strip())
        if not _SERIAL.fullmatch(text):
            return False
        serial = int(text.replace(",", ""))
        if not _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
            return False
        unit_text = unit_cell.text.strip() if unit_cell is not None else ""
        unit_is_serial = bool(_SERIAL.fullmatch(unicodedata.normalize("NFKC", unit_text)))
        datey = bool(re.search(r"(时间|时效|日期|时限|期限|完成时)", level2 + name))
        if not (unit_is_serial or "," in text or datey or unit_text in ("日", "月", "年", "日期")):
            return False
        day = EXCEL_EPOCH.toordinal() + serial
        date = dt.date.fromordinal(day)
        self.find(
            "IK703",
            ERROR,
            f"{what}“{cell.text}”像是 Excel 日期序号，可能是 {date.year}年{date.month}月{date.day}日；"
            f"未读入 (looks like an Excel date serial, probably {date.isoformat()}; not read)",
            row,
            cell.column,
            cell.text,
            "把单元格格式设为文本，写出日期，如“12月31日前” / format the cell as text and write the date",
        )
        return True

    def actual_text(self, table: _Table, cell: Cell, unit_cell: Cell | None) -> str:
        """The 实际完成值 as the table states it: a bare number under a header that names its
        unit (``实际完成值（元）``) or beside a 计量单位 cell takes that unit — the table says
        which unit it is in, so it is not left to a guess from the target's unit."""
        header = self.grid.text(table.header, cell.column)
        return in_stated_unit(cell.text, header, unit_cell.text if unit_cell else "")

    def target(
        self, table: _Table, cells: dict[str, Cell | None], row: int
    ) -> tuple[AnyTarget, str, Direction | None] | None:
        """The row's target, its text and direction: the 指标值 cell alone, or the split
        forms (指标值类型 / 指标性质 / 指标方向 or 运算符 / 目标值 / 计量单位)."""
        value_cell = cells.get("target")
        text = value_cell.text.strip() if value_cell is not None else ""
        column = _col(table, "target")
        unit_cell = cells.get("unit")
        unit_text = unit_cell.text.strip() if unit_cell is not None else ""
        if key(unit_text) in _DASHES:
            unit_text = ""
        nature = key(_text(cells.get("nature")) or "")
        kind = key(_text(cells.get("kind")) or "")
        operator = key(_text(cells.get("operator")) or "")
        direction = _NATURE.get(nature)
        level2 = self.grid.text(row, _col(table, "level2"))
        name = self.grid.text(row, _col(table, "name"))
        if self.serial_date(value_cell, unit_cell, row, level2, name, "指标值"):
            return None
        if unit_cell is not None and self.serial_date(
            unit_cell, unit_cell, row, level2, name, "计量单位"
        ):
            return None
        if "*" in text or "＊" in text:
            self.find(
                "IK705",
                ERROR,
                f"指标值是模板占位符“{text}”，未读入 (a template placeholder, not a target)",
                row,
                column,
                hint="填上实际的指标值 / fill in the real target",
            )
            return None
        if not text:
            self.find(
                "IK702",
                ERROR,
                "指标值为空，指标未读入 (no target: indicator not read)",
                row,
                column,
            )
            return None
        if value_cell is not None and value_cell.is_bool:
            self.find(
                "IK702",
                ERROR,
                f"指标值是逻辑值 {text}，不是指标值，指标未读入 (a TRUE/FALSE cell is not a target)",
                row,
                column,
            )
            return None
        try:
            if "定性" in (nature, kind, operator):
                parsed = parse_target(text, lenient=True)
            elif operator:
                sign = _OPERATOR_WORDS.get(operator, operator)
                value = text.replace(",", "") if is_plain_number(text) else text
                target = parse_split_target(sign, value, unit_text)
                return target, str(target), direction
            elif unit_text:
                combined = self.with_unit_cell(text, unit_text, row, column)
                if combined is None:
                    return None
                parsed, text = combined
            else:
                parsed = parse_target(text, lenient=True)
        except TextError as error:
            self.find(
                "IK702",
                ERROR,
                f"指标值无法读出，指标未读入 (cannot read the target; indicator not read): {error.message}",
                row,
                column,
                text,
                error.suggestion,
            )
            return None
        except (IndicatorkitError, ValueError) as error:
            self.find(
                "IK702",
                ERROR,
                f"指标值无法读出 (cannot read the target): {error}",
                row,
                column,
                text,
            )
            return None
        for diagnostic in parsed.diagnostics:
            self.find(
                "IK718",
                WARNING,
                f"指标值已按宽松规则修复 (target repaired): {diagnostic.code} {diagnostic.message}",
                row,
                column,
                text,
            )
        return parsed.target, text, direction

    def with_unit_cell(
        self, text: str, unit_text: str, row: int, column: int
    ) -> tuple[LenientParse, str] | None:
        """A 指标值 beside a 计量单位 cell (layout E1): see
        :func:`~indicatorkit.formats.central_table.target_with_unit`; IK708 when the two
        units disagree."""
        combined = target_with_unit(text, unit_text)
        if combined is None:
            self.find(
                "IK708",
                ERROR,
                f"指标值“{text}”与计量单位“{unit_text}”不一致，未读入 "
                f"(the value's own unit disagrees with the unit cell; not read)",
                row,
                column,
                hint="只保留一个单位 / keep one of the two units",
            )
        return combined

    # -- one long table for all projects (E2) -------------------------------------------------------

    def read_long_table(self, table: _Table) -> None:
        roles = {role: column for column, role in table.roles.items()}
        money = self.money_unit(1, table.header)
        budget_unit = money
        if "project_budget" in roles:
            header_text = unicodedata.normalize(
                "NFKC", self.grid.text(table.header, roles["project_budget"])
            )
            if found_unit := _MONEY_UNIT.search(header_text):
                budget_unit = found_unit.group(1) or found_unit.group(2)
        self.claim_header(table)
        current: dict[str, object] | None = None
        indicators: list[tuple[Indicator, int]] = []
        start = table.header + 1

        def close(until: int) -> None:
            if current is None:
                return
            try:
                project = Project(
                    self.book.next_number,
                    indicators=[i for i, _ in indicators],
                    **current,  # type: ignore[arg-type]
                )
            except (IndicatorkitError, ValueError) as error:
                self.find(
                    "IK717", ERROR, f"项目无效，未读入 (invalid project, not read): {error}", start
                )
                return
            self.check_level_points(table, indicators, range(start, until))
            self.book.add_project(project, self.grid.name, start)

        for row in range(table.header + 1, table.end + 1):
            name_cell = self.grid.cell(row, roles["project_name"])
            if (name_cell is not None and name_cell.anchor in (None,)) or (
                name_cell is not None
                and name_cell.anchor is not None
                and name_cell.anchor[0] == row
            ):
                close(row)
                indicators = []
                start = row
                current = {"name": name_cell.text.replace("\n", " ")}
                if "project_unit" in roles:
                    current["unit"] = self.grid.text(row, roles["project_unit"]).replace("\n", " ")
                if "project_goal" in roles:
                    current["goal"] = self.grid.text(row, roles["project_goal"])
                if "project_budget" in roles:
                    amount = self.money(self.grid.cell(row, roles["project_budget"]), budget_unit)
                    if amount is not None:
                        current["budget"] = Budget(amount)
            made = self.indicator_row(table, row)
            if made is not None:
                if current is None:
                    self.find(
                        "IK717",
                        ERROR,
                        "指标行前没有项目名称 (an indicator before any project)",
                        row,
                    )
                else:
                    indicators.append((made, row))
        close(table.end + 1)
        self.totals(1, self.grid.rows)

    # -- lists inside one cell (F) ----------------------------------------------------------------

    def read_cell_lists(self) -> bool:
        for row in self.grid.non_empty_rows():
            cells = self.grid.row_cells(row)
            keys = [key(c.text) for c in cells]
            if "绩效目标" in keys and any("项目内容" in k or "单位名称" in k for k in keys):
                self.read_cell_list_table(row, cells)
                return True
        return False

    def read_cell_list_table(self, header: int, cells: list[Cell]) -> None:
        columns: dict[str, int] = {}
        for cell in cells:
            k = key(cell.text)
            self.use(cell.row, cell.column)
            if k == "绩效目标":
                columns["goal"] = cell.column
            elif "单位名称" in k or k == "项目名称":
                columns["name"] = cell.column
            elif "单位编码" in k:
                columns["code"] = cell.column
            elif "预算" in k:
                columns["budget"] = cell.column
            elif "项目内容" in k:
                columns["purpose"] = cell.column
        money = self.money_unit(1, header)
        for row in self.grid.rows_between(header + 1, self.grid.rows):
            goal_cell = self.grid.cell(row, columns["goal"])
            if goal_cell is None:
                continue
            self.use_row(row)
            goal, purpose, indicators = self.cell_list(goal_cell)
            budget = None
            if "budget" in columns:
                amount = self.money(self.grid.cell(row, columns["budget"]), money)
                budget = Budget(amount) if amount is not None else None
            try:
                project = Project(
                    self.book.next_number,
                    self.grid.text(row, columns.get("name", 0)).replace("\n", " "),
                    unit=self.grid.text(row, columns.get("code", 0)),
                    budget=budget,
                    purpose="\n".join(
                        p for p in (self.grid.text(row, columns.get("purpose", 0)), purpose) if p
                    ),
                    goal=goal,
                    indicators=indicators,
                )
            except (IndicatorkitError, ValueError) as error:
                self.find(
                    "IK717", ERROR, f"项目无效，未读入 (invalid project, not read): {error}", row
                )
                continue
            self.book.add_project(project, self.grid.name, row)

    def cell_list(self, cell: Cell) -> tuple[str, str, list[Indicator]]:
        """``【项目概况】：… 【总体目标】… 【产出指标-数量指标】 指标1:名称（目标） 指标2:…``."""
        text = cell.text
        goal = purpose = ""
        indicators: list[Indicator] = []
        for match in re.finditer(r"【([^】]*)】[:：]?\s*((?:(?!【).)*)", text, re.S):
            title, body = match.group(1).strip(), match.group(2).strip()
            if "概况" in title:
                purpose = body
            elif "目标" in title and "-" not in title:
                goal = body
            elif "-" in title:
                level1, _, level2 = title.partition("-")
                for item in re.split(r"(?=指标\s*\d+\s*[:：])", body):
                    item = item.strip().rstrip("；;。")
                    if not item:
                        continue
                    item = _RUNNING_PREFIX.sub("", item)
                    inner = re.search(r"[（(]([^（）()]*)[)）]\s*$", item)
                    if inner is None:
                        self.find(
                            "IK702",
                            ERROR,
                            f"指标没有括号里的指标值，未读入 (no target in parentheses): “{item}”",
                            cell.row,
                            cell.column,
                            item,
                        )
                        continue
                    name = item[: inner.start()].strip()
                    target_text = inner.group(1).strip()
                    if "*" in target_text:
                        self.find(
                            "IK705",
                            ERROR,
                            f"指标值是模板占位符“{target_text}”，未读入 (a template placeholder)",
                            cell.row,
                            cell.column,
                            item,
                        )
                        continue
                    try:
                        parsed = parse_target(target_text, lenient=True)
                        indicators.append(
                            Indicator(
                                level1.strip(),
                                level2.strip(),
                                name,
                                parsed.target,
                                target_text=target_text,
                            )
                        )
                    except (IndicatorkitError, ValueError) as error:
                        self.find(
                            "IK702",
                            ERROR,
                            f"指标值无法读出，未读入 (cannot read the target): {error}",
                            cell.row,
                            cell.column,
                            item,
                        )
            else:
                self.find(
                    "IK707",
                    INFO,
                    f"“【{title}】”一段不在模型中，未读入 (section not kept)",
                    cell.row,
                    cell.column,
                    body[:200],
                )
        return goal, purpose, indicators


def _col(table: _Table, role: str) -> int:
    return next((c for c, r in table.roles.items() if r == role), 1)


def _text(cell: Cell | None) -> str | None:
    return None if cell is None else cell.text


class _BookReader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.findings: list[Finding] = []
        self.projects: list[tuple[Project, str, int]] = []
        self.department: Department | None = None
        self.programmes: list[Programme] = []
        self.rules: str | None = None
        #: The library's own cover sheet was read: an empty spec there is the spec as written.
        self.cover = False
        self.numbers: set[int] = set()
        self.highest = 0

    @property
    def next_number(self) -> int:
        return self.highest + 1

    def add_project(self, project: Project, sheet: str, row: int) -> None:
        if project.number in self.numbers:
            self.findings.append(
                Finding(
                    "IK717",
                    ERROR,
                    f"项目编号 {project.number} 重复，这个项目未读入 (duplicate project number)",
                    row,
                    file=self.source,
                    sheet=sheet,
                )
            )
            return
        if project.where is None:  # where lint's project findings point
            project = attrs.evolve(project, where=Where(Location(row, 1, sheet)))
        self.projects.append((project, sheet, row))
        self.numbers.add(project.number)
        self.highest = max(self.highest, project.number)

    def spec(self) -> Spec | None:
        department = self.department
        if self.programmes:
            if department is None:
                department = Department("", "")
            department = attrs.evolve(department, programmes=self.programmes)
        projects = sorted((p for p, _, _ in self.projects), key=lambda p: p.number)
        if not projects and department is None and not self.cover:
            self.findings.append(
                Finding(
                    "IK701",
                    ERROR,
                    "工作簿里没有可导入的项目或部门 (nothing to import in the workbook)",
                    1,
                    file=self.source,
                    suggestion="检查是否选错了文件，或表格是否在隐藏的工作表里 / check the file, "
                    "and whether the table is on a hidden sheet (--include-hidden)",
                )
            )
            return None
        try:
            units = spec_units(department, projects)
            return Spec(department, projects, rules=self.rules, units=units)
        except (IndicatorkitError, ValueError) as error:
            self.findings.append(
                Finding("IK717", ERROR, f"规格无效 (invalid spec): {error}", 1, file=self.source)
            )
            return None


def read_workbook(path: Path, *, source: str, include_hidden: bool = False) -> Imported:
    """Read a 目标申报表 or 自评表 workbook (.xlsx or .xls, told by content) into a spec.

    A sheet in the central layout (财预〔2020〕10号) is read by
    :mod:`~indicatorkit.formats.central_layout`, every other by this module's reader.

    ``source`` is the file's name as the user gave it (used in the findings).  Hidden sheets
    and rows are left out, each with an IK723 finding, unless ``include_hidden``; a workbook
    with nothing to import gives no spec (IK701, error).  A file that is
    not a readable workbook gives ``Imported(None, (IK700 finding,), source)``; without the
    ``excel`` extra, :class:`~indicatorkit.formats.workbook_grid.MissingExtraError`.

    >>> import tempfile, indicatorkit
    >>> from indicatorkit.formats.workbook_write import write_workbook
    >>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_workbook(spec, Path(folder) / "申报表.xlsx")
    ...     imported = read_workbook(Path(folder) / "申报表.xlsx", source="申报表.xlsx")
    ...     _ = (Path(folder) / "坏.xlsx").write_bytes(b"PK not a zip")
    ...     refused = read_workbook(Path(folder) / "坏.xlsx", source="坏.xlsx")
    >>> [str(i.target) for i in imported.spec.projects[0].indicators], imported.findings
    (['≥180件'], ())
    >>> refused.spec, [(f.code, f.place) for f in refused.findings]
    (None, [('IK700', '坏.xlsx:1:1')])
    """
    try:
        grids = load_grids(Path(path), source=source, include_hidden=include_hidden)
    except (UnreadableWorkbookError, InputLimitError, DamagedFileError) as error:
        finding = Finding("IK700", ERROR, str(error), 1, file=source)
        return Imported(None, (finding,), source)
    return read_grids(grids, source=source)


def read_grids(grids: Sequence[Grid], *, source: str) -> Imported:
    """Read the spec that ``grids`` hold, whatever container they came from: each grid in the
    central layout by :mod:`~indicatorkit.formats.central_layout`, every other by the layout
    readers of this module; hidden sheets are left out with an IK723 finding.

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("表", [["项目名称", "法律援助"], ["预算", "10000元"],
    ...     ["一级指标", "二级指标", "三级指标", "指标值"],
    ...     ["产出指标", "数量指标", "受理数", "≥180件"]], source="表.csv")
    >>> imported = read_grids([grid], source="表.csv")
    >>> [str(i.target) for i in imported.spec.projects[0].indicators]
    ['≥180件']
    """
    book = _BookReader(source)
    for grid in grids:
        book.findings.extend(hidden_findings(grid))
        if grid.hidden_sheet:
            continue
        if (refused := actuals_sheet_finding(grid)) is not None:  # an actuals table: IK724
            book.findings.append(refused)
            continue
        kind = central_kind(grid)
        if kind is None:
            _SheetReader(book, grid).read()
            continue
        read = read_self_assessment_grid if kind == "self_assessment" else read_declaration_grid
        result = read(grid, first_number=book.next_number)
        book.findings.extend(result.findings)
        for project, row in result.projects:
            book.add_project(project, grid.name, row)
    spec = book.spec()
    return Imported(spec, tuple(book.findings), source)
