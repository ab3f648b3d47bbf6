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
    formats by (row, column), all 1-based."""

    rows: tuple[tuple[Any, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...]
    formats: dict[tuple[int, int], str] = attrs.field(factory=dict)


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

    def table(self) -> Table:
        return Table(tuple(tuple(r) for r in self.rows), tuple(self.merges), dict(self.formats))


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
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for r, values in enumerate(table.rows, 1):
        for c, value in enumerate(values, 1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if (r, c) in table.formats:
                    cell.number_format = table.formats[(r, c)]
    for top, left, bottom, right in table.merges:
        if (top, left) != (bottom, right):
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
    book.save(path)
    return path


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
    grid = document.add_table(rows=len(table.rows), cols=WIDTH)
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
