"""Actuals files: a CSV of what happened (实际完成值), merged onto a spec's project tables.

A self-assessment is a spec plus what happened.  The actuals may be written in the spec itself
(``实际值：…`` under each indicator) or kept apart, one row per indicator, in a CSV saved from
Excel: :func:`read_actuals` reads it, :func:`~indicatorkit.model.actuals.merge_actuals` puts each
row on its indicator.
Every row lands on exactly one indicator; everything else is a located finding (``IK4xx``),
nothing is dropped silently.

The header row names the columns (Chinese, or the English alias; any order):

======== ============== ======================================================
column   alias          holds
======== ============== ======================================================
项目     project        the project: its code (编码), its name, or its number
一级指标 level1         level 1 (may be empty when the level-3 name is unique)
二级指标 level2         level 2 (likewise)
三级指标 indicator      the level-3 name
实际值   actual         实际完成值 as written (``96%``, ``205件``, ``达成``)
指标值   target         optional: must be the spec's target
自评得分 score          optional: the evaluator's score (a number ≥ 0)
偏差原因 reason         optional: 偏差原因分析及改进措施
不适用   not_applicable optional: the reason the indicator does not apply
======== ============== ======================================================

>>> from indicatorkit import loads
>>> from indicatorkit.model.actuals import merge_actuals
>>> spec = loads('''
... 项目 1 法律援助
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥180件
...   指标 满意度指标 / 服务对象满意度指标 / 满意度
...     指标值：≥90%
... ''')
>>> actuals = read_actuals("项目,三级指标,实际值\\n法律援助,受理数,175件\\n1,满意度,95%\\n")
>>> merged, findings = merge_actuals(spec, actuals)
>>> [i.actual for i in merged.projects[0].indicators], findings
(['175件', '95%'], [])
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import attrs

from indicatorkit.formats.table_text import UndecodableTable, decode_table, header_key
from indicatorkit.model.actuals import ActualRow, Actuals, finding
from indicatorkit.model.findings import Finding, SpecError

__all__ = ["COLUMNS", "read_actuals"]

#: Every column: Chinese name → (English alias, required).
COLUMNS: Final[dict[str, tuple[str, bool]]] = {
    "项目": ("project", True),
    "一级指标": ("level1", False),
    "二级指标": ("level2", False),
    "三级指标": ("indicator", True),
    "实际值": ("actual", True),
    "指标值": ("target", False),
    "自评得分": ("score", False),
    "偏差原因": ("reason", False),
    "不适用": ("not_applicable", False),
}
#: More names of a column (the words of the national self-assessment table).
_MORE_NAMES: Final = {"实际完成值": "实际值", "偏差原因分析": "偏差原因", "项目名称": "项目"}


def _decode(data: bytes, file: str | None) -> str:
    """The file's text (formats.table_text), or IK401."""
    try:
        return decode_table(data)
    except UndecodableTable as problem:
        raise SpecError([finding("IK401", problem.message, problem.line, 1, file)]) from None


def read_actuals(path_or_text: str | Path | bytes, *, file: str | None = None) -> Actuals:
    """Read an actuals CSV: a :class:`~pathlib.Path` (or a string without a line break) is a
    file to read, a string with line breaks is the CSV text itself, bytes are its content.

    Encodings: UTF-8, UTF-8 with a BOM, GBK (Excel's "CSV" on Chinese Windows).  The
    separator is a comma (a tab when the header has tabs and no comma).  Rows whose first cell
    starts with ``#`` are comments.  Raises :class:`~indicatorkit.model.findings.SpecError`
    (IK401, IK402) when the file cannot be read or its header is wrong.

    >>> read_actuals("三级指标,实际值\\n受理数,1件\\n")
    Traceback (most recent call last):
      ...
    indicatorkit.model.findings.SpecError: 规格文件有 1 处错误 / the spec has 1 error
    <text>:1:1: IK402 error: 表头缺少“项目”列 (the header has no 项目 column) — 表头缺少或重复列 / the header misses or repeats a column
      提示 / hint: 列名 / columns: 项目、一级指标、二级指标、三级指标、实际值、指标值、自评得分、偏差原因、不适用
    """
    if isinstance(path_or_text, bytes):
        text = _decode(path_or_text, file)
    elif isinstance(path_or_text, Path) or "\n" not in path_or_text:
        path = Path(path_or_text)
        file = file or str(path)
        try:
            data = path.read_bytes()
        except (OSError, ValueError) as error:
            raise SpecError(
                [finding("IK401", f"无法读取文件 (cannot read the file): {error}", 1, 1, file)]
            ) from None
        text = _decode(data, file)
    else:
        text = path_or_text.removeprefix("\ufeff")
    return Actuals(tuple(_rows(text, file)), file)


#: Every spelling of a column (casefolded) → its Chinese name.
_NAMES: Final = {
    **{
        name.casefold(): chinese
        for chinese, (english, _) in COLUMNS.items()
        for name in (chinese, english)
    },
    **{more.casefold(): chinese for more, chinese in _MORE_NAMES.items()},
}


def _column_name(cell: str) -> str | None:
    """The column a header cell names (the header reading shared by every table format)."""
    return header_key(cell, _NAMES)


def _rows(text: str, file: str | None) -> Iterator[ActualRow]:
    lines = text.splitlines()
    header_line = next(
        (line for line in lines if line.strip() and not line.lstrip().startswith("#")), ""
    )
    delimiter = "\t" if "\t" in header_line and "," not in header_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: dict[str, int] | None = None
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise SpecError(
                [finding("IK401", f"CSV 无法读取 (bad CSV): {error}", start, 1, file)]
            ) from None
        if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = _header(cells, start, file)
            continue
        yield _row(cells, header, start)
    if header is None:
        raise SpecError([finding("IK402", "文件没有表头 (the file has no header row)", 1, 1, file)])


def _header(cells: list[str], line: int, file: str | None) -> dict[str, int]:
    header: dict[str, int] = {}
    problems: list[Finding] = []
    for index, cell in enumerate(cells, 1):
        name = _column_name(cell)
        if name is None:
            if cell.strip():
                problems.append(
                    finding(
                        "IK402", f"未知的列“{cell.strip()}” (unknown column)", line, index, file
                    )
                )
            continue
        if name in header:
            problems.append(
                finding("IK402", f"“{name}”列重复 (column given twice)", line, index, file)
            )
            continue
        header[name] = index
    for name, (_, required) in COLUMNS.items():
        if required and name not in header:
            problems.append(
                finding(
                    "IK402",
                    f"表头缺少“{name}”列 (the header has no {name} column)",
                    line,
                    1,
                    file,
                )
            )
    if problems:
        for index, problem in enumerate(problems):
            problems[index] = attrs.evolve(
                problem, suggestion="列名 / columns: " + "、".join(COLUMNS)
            )
        raise SpecError(problems)
    return header


def _row(cells: list[str], header: dict[str, int], line: int) -> ActualRow:
    def cell(name: str) -> str:
        index = header.get(name)
        return cells[index - 1].strip() if index is not None and index <= len(cells) else ""

    def optional(name: str) -> str | None:
        return cell(name) or None

    not_applicable = cell("不适用") if "不适用" in header else ""
    return ActualRow(
        line,
        cell("项目"),
        cell("一级指标"),
        cell("二级指标"),
        cell("三级指标"),
        optional("实际值"),
        optional("指标值"),
        optional("自评得分"),
        cell("偏差原因"),
        not_applicable or None,
        columns=dict(header),
    )


# ---------------------------------------------------------------------------------------------
# Merging
