"""The central layout (the forms annexed to 财预〔2020〕10号) built in the suite: the
项目支出绩效自评表 and the 项目支出绩效目标申报表 as a table of rows and merged ranges, written
as .xlsx (openpyxl: merged cells, ``0%`` and date formats) or as .docx (python-docx: merged
cells), with the variants and mistakes units send as options.  Values are illustrative; the
layout is the form's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import docx
import openpyxl

from indicatorkit.formats.workbook_grid import date_text, number_text

WIDTH = 8


@attrs.frozen
class Table:
    """Rows of values (``None``: empty), merged ranges ``(top, left, bottom, right)`` and number
    formats by (row, column), all 1-based; rows hidden in the workbook."""

    rows: tuple[tuple[Any, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...]
    formats: dict[tuple[int, int], str] = attrs.field(factory=dict)
    hidden_rows: tuple[int, ...] = ()


class _Builder:
    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.formats: dict[tuple[int, int], str] = {}

    def add(self, *values: Any, spans: Sequence[tuple[int, int]] = (), **formats: str) -> int:
        self.rows.append(list(values) + [None] * (WIDTH - len(values)))
        row = len(self.rows)
        for left, right in spans:
            self.merges.append((row, left, row, right))
        for column, form in formats.items():
            self.formats[(row, int(column.removeprefix("c")))] = form
        return row

    def table(self, hidden_rows: Sequence[int] = ()) -> Table:
        return Table(
            tuple(tuple(r) for r in self.rows),
            tuple(self.merges),
            dict(self.formats),
            tuple(hidden_rows),
        )


def self_assessment(
    *,
    unit: str = "万元",
    initial_column: bool = True,
    spaced: bool = False,
    total_label: bool = True,
    serial_actual: bool = False,
    empty_rows: bool = False,
    amounts: tuple[Any, ...] = (10, 12, 11.4),
    goal_headers: tuple[str, str] = ("预期目标", "实际完成情况"),
) -> Table:
    """The 自评表: title, 项目名称 / 主管部门 / 实施单位, the budget block (``项目资金（万元）``
    merged down column A, labels in column B), the goal block, the indicator table with
    level-1 and level-2 merged down, 总分 and 自评等级."""
    b = _Builder()
    b.add("项目支出绩效自评表", spans=[(1, WIDTH)])
    b.add("（2024年度）", spans=[(1, WIDTH)])
    b.add("项目名称", "法律援助", spans=[(2, WIDTH)])
    b.add(
        "主管部门", "某县司法局", None, None, "实施单位", "某县法律援助中心", spans=[(2, 4), (6, 8)]
    )
    heads = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    if not initial_column:
        heads = heads[1:]
    caption = f"项目资金（{unit}）"
    top = b.add(caption, None, *heads)
    initial, full, executed = amounts
    scale = 10000 if unit == "元" else 1

    def money(value: Any) -> Any:
        return value * scale if isinstance(value, int | float) else value

    def line(label: str, a: Any, f: Any, e: Any, weight: Any, score: Any) -> None:
        values = [money(a), money(f), money(e), weight, 0.95 if weight == 10 else None, score]
        if not initial_column:
            values = values[1:]
        shown = label.replace("", " ").strip() if spaced else label
        b.add(None, shown, *values)

    line("年度资金总额" if total_label else "", initial, full, executed, 10, 9.5)
    line("其中：当年财政拨款", initial, full, executed, "—", "—")
    line("上年结转资金", 0, 0, 0, "—", "—")
    line("其他资金", 0, 0, 0, "—", "-")
    rate_column = 7 if initial_column else 6
    b.formats[(top + 1, rate_column)] = "0.00%"
    b.merges.append((top, 1, top + 4, 1))
    goal = b.add(
        "年度总体目标", goal_headers[0], None, None, None, goal_headers[1], spans=[(2, 5), (6, 8)]
    )
    b.add(
        None,
        "1.办理法律援助案件180件",
        None,
        None,
        None,
        "1.办理法律援助案件200件",
        spans=[(2, 5), (6, 8)],
    )
    b.merges.append((goal, 1, goal + 1, 1))
    b.add(
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    )
    first = b.add("产出指标", "数量指标", "受理数", "≥180件", "200件", 20, 20, None)
    if empty_rows:
        b.add()
    quality = b.add(None, "质量指标", "办结率", "≥95%", 0.96, 20, 20, None, c5="0%")
    timely = b.add(
        None,
        "时效指标",
        "办结时间",
        "12月31日前",
        45646 if serial_actual else dt.datetime(2024, 12, 20),
        10,
        10 if not serial_actual else None,
        None,
        **({} if serial_actual else {"c5": "yyyy-mm-dd"}),
    )
    b.merges.append((first, 1, timely, 1))
    assert quality
    benefit = b.add("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, None)
    if empty_rows:
        b.add()
    b.add("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10, None)
    assert benefit
    b.add("总分", None, None, None, None, 100, 99.5, None, spans=[(1, 5)])
    b.add("自评等级", "优", spans=[(2, WIDTH)])
    return b.table()


def declaration(*, unit: str = "万元", midterm: bool = False) -> Table:
    """The 申报表: 项目名称 / 主管部门及代码 / 实施单位, ``项目资金（万元）`` merged down column A
    with ``年度资金总额 | amount`` pairs (beside a 中期 side when ``midterm``), the goals, the
    indicator table with ``指标值``."""
    b = _Builder()
    b.add("项目支出绩效目标申报表", spans=[(1, WIDTH)])
    b.add("（2025年度）", spans=[(1, WIDTH)])
    b.add("项目名称", "法律援助", spans=[(2, WIDTH)])
    b.add(
        "主管部门及代码",
        "(433)某县司法局",
        None,
        None,
        "实施单位",
        "某县法律援助中心",
        spans=[(2, 4), (6, 8)],
    )
    scale = 10000 if unit == "元" else 1
    if midterm:
        top = b.add(
            f"项目资金（{unit}）", "中期资金总额：", 36 * scale, None, "年度资金总额：", 12 * scale
        )
        b.add(None, "其中：财政拨款", 30 * scale, None, "其中：财政拨款", 10 * scale)
        b.add(None, "其他资金", 6 * scale, None, "其他资金", 2 * scale)
    else:
        top = b.add(f"项目资金（{unit}）", "年度资金总额", 12 * scale)
        b.add(None, "其中：财政拨款", 10 * scale)
        b.add(None, "其他资金", 2 * scale)
    b.merges.append((top, 1, top + 2, 1))
    goal = b.add(
        "总体目标", "中期目标（2025年—2027年）", None, None, "年度目标", spans=[(2, 4), (5, 8)]
    )
    b.add(None, "三年办理案件600件", None, None, "办理法律援助案件180件", spans=[(2, 4), (5, 8)])
    b.merges.append((goal, 1, goal + 1, 1))
    b.add("一级指标", "二级指标", "三级指标", "指标值")
    first = b.add("产出指标", "数量指标", "受理数", "≥180件")
    b.add(None, "质量指标", "办结率", "≥95%")
    b.merges.append((first, 1, first + 1, 1))
    b.add("满意度指标", "服务对象满意度指标", "满意度", "≥90%")
    return b.table()


def to_xlsx(table: Table, path: Path, sheet: str = "自评表") -> Path:
    return to_workbook([(sheet, table)], path)


def to_workbook(
    sheets: Sequence[tuple[str, Table]], path: Path, hidden_sheets: Sequence[str] = ()
) -> Path:
    """One sheet per table, in order; ``hidden_sheets`` hidden, each table's hidden rows
    hidden."""
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name, table in sheets:
        ws = book.create_sheet(name)
        for r, values in enumerate(table.rows, 1):
            for c, value in enumerate(values, 1):
                if value is not None:
                    cell = ws.cell(r, c, value)
                    if (r, c) in table.formats:
                        cell.number_format = table.formats[(r, c)]
        for top, left, bottom, right in table.merges:
            if (top, left) != (bottom, right):
                ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        for row in table.hidden_rows:
            ws.row_dimensions[row].hidden = True
        if name in hidden_sheets:
            ws.sheet_state = "hidden"
    book.save(path)
    return path


#: The five indicator rows of :func:`unit_table`: level 1, level 2, name, target, actual,
#: weight, score (the actual ``0.96`` is a number cell under ``0%``).
UNIT_ROWS: tuple[tuple[Any, ...], ...] = (
    ("产出指标", "数量指标", "受理数", "≥180件", "200件", 20, 20),
    ("产出指标", "质量指标", "办结率", "≥95%", 0.96, 20, 20),
    ("产出指标", "时效指标", "办结时间", "12月31日前", "12月20日", 10, 10),
    ("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10),
)


def unit_table(
    b: _Builder | None = None,
    *,
    name: str = "法律援助",
    header: Sequence[str] = ("项目名称", "主管部门", "实施单位"),
    caption: str = "项目资金（万元）",
    blank_column: bool = False,
    amounts: tuple[Any, Any, Any] = (10, 12, 11.4),
    rate: Any = "formula",
    goal_side_by_side: bool = True,
    rows: Sequence[tuple[Any, ...]] = UNIT_ROWS,
    merge_levels: bool = True,
    reasons: Sequence[str | None] = (),
    total: tuple[str, Any, Any] | None = ("总分", 100, 99.5),
    grade: str | None = "优",
    note: str | None = None,
    title: bool = True,
) -> _Builder:
    """A 自评表 as units fill it, one option per variation seen: the header lines in any
    order (``项目负责人``, ``填报单位`` too), an empty column after column A, the rate as
    ``=E/D``'s float (``"formula"``), a number or a text, the goal as one cell or 预期目标 /
    实际完成情况 side by side, level names merged or repeated, 偏差原因 texts, a 总分 or 合计
    row, a 自评等级 row, a 说明 footnote.  Adds to ``b`` (a second project on the sheet)."""
    b = b or _Builder()
    pad: list[Any] = [None] if blank_column else []
    values = {
        "项目名称": name,
        "主管部门": "某县司法局",
        "实施单位": "某县法律援助中心",
        "项目负责人": "张三",
        "填报单位": "某县法律援助中心",
    }
    if title:
        b.add("项目支出绩效自评表", spans=[(1, WIDTH)])
        b.add("（2024年度）", spans=[(1, WIDTH)])
    for label in header:
        b.add(label, *pad, values[label], spans=[(2 + len(pad), WIDTH)])
    top = b.add(
        caption, *pad, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"
    )
    initial, full, executed = amounts
    shown_rate = executed / full if rate == "formula" else rate
    b.add(None, *pad, "年度资金总额", initial, full, executed, 10, shown_rate, 9.5)
    if rate == "formula" or isinstance(rate, float):
        b.formats[(top + 1, 7 + len(pad))] = "0.00%"
    b.add(None, *pad, "其中：当年财政拨款", initial, full, executed, "—")
    b.add(None, *pad, "上年结转资金", None, None, None, "—")
    b.add(None, *pad, "其他资金", None, None, None, "—")
    b.merges.append((top, 1, top + 4, 1))
    if goal_side_by_side:
        goal = b.add("年度总体目标", *pad, "预期目标", None, None, "实际完成情况")
        b.add(None, *pad, "办理法律援助案件180件", None, None, "办理法律援助案件200件")
        b.merges.append((goal, 1, goal + 1, 1))
    else:
        b.add("年度总体目标", *pad, "办理法律援助案件180件", spans=[(2 + len(pad), WIDTH)])
    b.add(
        "一级指标",
        *pad,
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    )
    first = len(b.rows) + 1
    for index, (l1, l2, label, target, actual, weight, score) in enumerate(rows):
        reason = reasons[index] if index < len(reasons) else None
        repeat = not merge_levels or index == 0 or rows[index - 1][0] != l1
        row = b.add(l1 if repeat else None, *pad, l2, label, target, actual, weight, score, reason)
        if isinstance(actual, float):
            b.formats[(row, 5 + len(pad))] = "0%"
        b.formats[(row, 6 + len(pad))] = "0.00"
        b.formats[(row, 7 + len(pad))] = "0.00"
    if merge_levels:
        start = first
        for index in range(1, len(rows) + 1):
            if index == len(rows) or rows[index][0] != rows[index - 1][0]:
                end = first + index - 1
                if end > start:
                    b.merges.append((start, 1, end, 1))
                start = end + 1
    if total is not None:
        b.add(total[0], *pad, None, None, None, None, total[1], total[2])
    if grade is not None:
        b.add("自评等级", *pad, grade)
    if note is not None:
        b.add(note, spans=[(1, WIDTH)])
    return b


def shown(value: Any, form: str | None) -> str:
    """A value as the table shows it (``0.96`` under ``0%`` is ``96%``, a date ``2024年12月20日``)."""
    from fractions import Fraction

    if isinstance(value, dt.datetime):
        return date_text(value.date())
    if isinstance(value, int | float):
        return number_text(Fraction(str(value)), form is not None and "%" in form)
    return str(value)


def to_docx(table: Table, path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("项目支出绩效表")
    width = max(WIDTH, *(len(values) for values in table.rows))  # a blank column widens it
    grid = document.add_table(rows=len(table.rows), cols=width)
    covered: set[tuple[int, int]] = set()
    for top, left, bottom, right in table.merges:
        if (top, left) != (bottom, right):
            grid.cell(top - 1, left - 1).merge(grid.cell(bottom - 1, right - 1))
            covered |= {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)} - {
                (top, left)
            }
    for r, values in enumerate(table.rows, 1):
        for c, value in enumerate(values, 1):
            if value is not None and (r, c) not in covered:
                grid.cell(r - 1, c - 1).text = shown(value, table.formats.get((r, c)))
    document.save(path)
    return path
