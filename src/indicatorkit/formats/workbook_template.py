"""The workbook a unit fills in (填报模板): :func:`write_template` writes a spec's projects as
one sheet of actuals to fill — the targets locked (sheet protection), the cells to fill open
and yellow: 实际完成值, 偏差原因 and 不适用 on each indicator's row, 执行数 and 累计支出 by
checkpoint on each project's row.  Each 实际完成值 cell is validated: a list 达成 / 部分达成 /
未达成 for a qualitative target, a number for a numeric one (its unit in the locked 计量单位
column, a percentage cell for a % target).

The sheet is an actuals table (:mod:`indicatorkit.formats.actuals_file`), so the workbook,
filled in, is read back by :func:`~indicatorkit.formats.actuals_file.read_actuals` and merged
onto the spec: ``indicatorkit score SPEC filled.xlsx``.

>>> import tempfile, openpyxl, indicatorkit
>>> from pathlib import Path
>>> from indicatorkit.formats.actuals_file import read_actuals
>>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n  支出计划：6月底 50%，12月底 100%\\n"
...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    分值：50\\n"
...     "  指标 满意度指标 / 服务对象满意度指标 / 满意度\\n    指标值：群众满意\\n    分值：40\\n")
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "填报.xlsx"
...     write_template(spec, path)
...     book = openpyxl.load_workbook(path)
...     sheet = book["填报"]
...     header = [c.value for c in sheet[HEADER_ROW]]
...     sheet["I4"], sheet["J4"], sheet["F5"], sheet["F6"] = 9500, 0.45, 210, "达成"
...     book.save(path)
...     merged, findings = indicatorkit.model.actuals.merge_actuals(spec, read_actuals(path))
>>> header
['项目', '一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '计量单位', '偏差原因', '执行数（元）', '累计支出（6月底）', '累计支出（12月底）', '不适用']
>>> sheet.protection.sheet, sheet["E5"].protection.locked, sheet["F5"].protection.locked
(True, True, False)
>>> project = merged.projects[0]
>>> str(project.executed), [i.actual for i in project.indicators], findings
('9500元', ['210件', '达成'], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from indicatorkit.formats.workbook_sheet import close_book, fits, open_book, replacing_book
from indicatorkit.language.targets import Comparison, Qualitative, Range
from indicatorkit.language.values import DatePoint
from indicatorkit.model.records import Indicator, Project, Spec
from indicatorkit.units import Unit

__all__ = ["HEADER_ROW", "template_columns", "write_template"]

#: The 1-based row of the header (a title and how to fill it in stand above).
HEADER_ROW: Final = 3
#: Where no project has a spending plan: the quarter ends.
_QUARTERS: Final = tuple(DatePoint(month) for month in (3, 6, 9, 12))
_GRADES: Final = ["达成", "部分达成", "未达成"]
_MAX_NUMBER: Final = 10**15


def template_columns(spec: Spec) -> list[str]:
    """The header of the template: the actuals-file columns, 累计支出 once per checkpoint of
    the projects' spending plans (the quarter ends when none has one).

    >>> import indicatorkit
    >>> template_columns(indicatorkit.loads("项目 1 甲\\n  预算：1元\\n"))[-5:]
    ['累计支出（3月底）', '累计支出（6月底）', '累计支出（9月底）', '累计支出（12月底）', '不适用']
    """
    return [
        "项目",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "实际完成值",
        "计量单位",
        "偏差原因",
        "执行数（元）",
        *(f"累计支出（{point}）" for point in _checkpoints(spec)),
        "不适用",
    ]


def _checkpoints(spec: Spec) -> list[DatePoint]:
    points = {
        checkpoint.by.key(): checkpoint.by
        for project in spec.projects
        if project.plan is not None
        for checkpoint in project.plan.checkpoints
    }
    return [points[key] for key in sorted(points)] if points else list(_QUARTERS)


def _project_key(project: Project, projects: Sequence[Project]) -> str:
    """What the 项目 cell says: the name when no other project has it, else the code or the
    number — what the merge matches a row by."""
    named = [p for p in projects if p.name == project.name]
    if project.name and len(named) == 1:
        return project.name
    return project.code or str(project.number)


def _unit(indicator: Indicator) -> Unit | None:
    """The unit a number in the 实际完成值 cell is read in (``None``: not a numeric target)."""
    target = indicator.target
    if isinstance(target, Comparison):
        return target.amount.unit
    if isinstance(target, Range):
        return target.low.unit
    return None


class _Template:
    """The sheet being written, its formats and its columns by name."""

    def __init__(self, book: Any, spec: Spec) -> None:
        self.sheet = book.add_worksheet("填报")
        self.columns = template_columns(spec)
        self.at = {name: index for index, name in enumerate(self.columns)}
        base = {"border": 1, "valign": "vcenter", "text_wrap": True, "font_name": "宋体"}
        open_ = {**base, "locked": False, "bg_color": "#FFF2CC"}
        self.formats = {
            "cell": book.add_format(base),
            "project": book.add_format({**base, "bold": True, "bg_color": "#EEEEEE"}),
            "header": book.add_format({**base, "bold": True, "bg_color": "#DDEBF7"}),
            "title": book.add_format({"bold": True, "font_size": 14, "font_name": "宋体"}),
            "note": book.add_format({"font_name": "宋体", "italic": True}),
            "open": book.add_format(open_),
            "money": book.add_format({**open_, "num_format": "#,##0.00"}),
            "percent": book.add_format({**open_, "num_format": "0.00%"}),
        }

    def text(self, row: int, name: str, value: str, style: str = "cell") -> None:
        column = self.at[name]
        fits(value, self.sheet.name, row, column)
        self.sheet.write_string(row, column, value, self.formats[style])

    def blank(self, row: int, name: str, style: str) -> None:
        self.sheet.write_blank(row, self.at[name], None, self.formats[style])

    def validate(self, row: int, name: str, options: dict[str, Any]) -> None:
        column = self.at[name]
        self.sheet.data_validation(row, column, row, column, options)


def _number(message: str, low: float, high: float) -> dict[str, Any]:
    return {
        "validate": "decimal",
        "criteria": "between",
        "minimum": low,
        "maximum": high,
        "error_title": "请填数字 / a number",
        "error_message": message,
    }


def write_template(spec: Spec, path: Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write the workbook a unit fills in for ``spec``'s projects (see the module) at ``path``,
    whole or not at all (one of ``inputs`` is refused: :mod:`~indicatorkit.formats.output`).

    Raises :class:`~indicatorkit.formats.workbook_sheet.UnwritableWorkbookError` when it
    cannot be written.

    >>> import tempfile, openpyxl, indicatorkit
    >>> spec = indicatorkit.loads("项目 1 甲\\n  预算：1元\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_template(spec, Path(folder) / "填报.xlsx")
    ...     sheet = openpyxl.load_workbook(Path(folder) / "填报.xlsx")["填报"]
    >>> [cell.value for cell in sheet[HEADER_ROW + 2]][:7]
    ['甲', '产出指标', '数量指标', '数', '≥1件', None, '件']
    """
    with replacing_book(Path(path), inputs) as temporary:
        _write_template(spec, temporary, Path(path))


def _write_template(spec: Spec, temporary: Path, path: Path) -> None:
    book, _ = open_book(temporary)
    template = _Template(book, spec)
    sheet = template.sheet
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 3, 14)
    sheet.set_column(4, 4, 18)
    sheet.set_column(5, 5, 16)
    sheet.set_column(6, 6, 8)
    sheet.set_column(7, 7, 28)
    sheet.set_column(8, len(template.columns) - 1, 14)
    sheet.write_string(
        0,
        0,
        "项目支出绩效自评填报表（indicatorkit 生成；与目标表一起使用：indicatorkit score 目标表 本表）"
        " / actuals to fill in: score it with its spec",
        template.formats["title"],
    )
    sheet.write_string(
        1,
        0,
        "请只填黄色单元格：项目行填执行数（元）、各时点累计支出（占预算的百分比）、偏差原因（预算执行说明）；"
        "指标行填实际完成值、偏差原因，不适用的指标在“不适用”中写明原因。/ Fill in the yellow cells only.",
        template.formats["note"],
    )
    for column, name in enumerate(template.columns):
        sheet.write_string(HEADER_ROW - 1, column, name, template.formats["header"])
    row = HEADER_ROW
    published = [p for p in spec.projects if p.withheld is None]
    for project in published:
        key = _project_key(project, published)
        _project_row(template, row, key, project)
        row += 1
        for indicator in project.indicators:
            _indicator_row(template, row, key, indicator)
            row += 1
    sheet.freeze_panes(HEADER_ROW, 4)
    sheet.protect("", {"format_columns": True, "format_rows": True, "autofilter": True})
    close_book(book, path)


def _project_row(template: _Template, row: int, key: str, project: Project) -> None:
    template.text(row, "项目", key, "project")
    # no budget in 指标值: a project row has no target, whoever reads the sheet
    for name in ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "计量单位", "不适用"):
        template.blank(row, name, "project")
    template.blank(row, "偏差原因", "open")
    template.blank(row, "执行数（元）", "money")
    template.validate(row, "执行数（元）", _number("执行数，单位元 / in 元", 0, _MAX_NUMBER))
    for name in template.columns:
        if name.startswith("累计支出"):
            template.blank(row, name, "percent")
            template.validate(row, name, _number("占预算的比例，0%–100% / a share", 0, 1))


def _indicator_row(template: _Template, row: int, key: str, indicator: Indicator) -> None:
    template.text(row, "项目", key)
    template.text(row, "一级指标", indicator.level1)
    template.text(row, "二级指标", indicator.level2)
    template.text(row, "三级指标", indicator.name)
    template.text(row, "指标值", indicator.target_text)
    for name in template.columns:
        if name.startswith("累计支出") or name == "执行数（元）":
            template.blank(row, name, "cell")
    template.blank(row, "偏差原因", "open")
    template.blank(row, "不适用", "open")
    unit = _unit(indicator)
    if isinstance(indicator.target, Qualitative):
        template.text(row, "计量单位", "")
        template.blank(row, "实际完成值", "open")
        template.validate(
            row,
            "实际完成值",
            {
                "validate": "list",
                "source": _GRADES,
                "error_title": "请选择 / choose",
                "error_message": "达成 / 部分达成 / 未达成",
            },
        )
    elif unit is not None:
        percent = unit.dimension == "[ratio]" and unit.symbol == "%"
        template.text(row, "计量单位", unit.symbol)
        template.blank(row, "实际完成值", "percent" if percent else "open")
        template.validate(
            row,
            "实际完成值",
            _number(
                f"数字，单位{unit.symbol or '见指标值'} / a number in {unit.symbol or 'the unit'}",
                -_MAX_NUMBER,
                _MAX_NUMBER,
            ),
        )
    else:  # a deadline or a period: a date, as text
        template.text(row, "计量单位", "")
        template.blank(row, "实际完成值", "open")
