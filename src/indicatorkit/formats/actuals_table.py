"""An actuals table: its header and its rows, wherever they come from (a CSV or TSV text, a
workbook's sheet) — the columns it may have, what each cell holds, and the rows it gives.
:mod:`indicatorkit.formats.actuals_file` turns files into :class:`Record` lists and reads
them here; the columns are listed there.

>>> table = read_table([Record(1, ["项目", "三级指标", "实际值", "执行数（万元）"]),
...                     Record(2, ["1", "", "", "0.95"]), Record(3, ["1", "受理数", "210", ""])], None)
>>> [(row.name, row.actual, str(row.executed)) for row in table.rows]
[('', None, '0.95万元'), ('受理数', '210', 'None')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.table_text import header_key, in_stated_unit, stated_unit
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.actuals import ActualRow, Actuals, finding
from indicatorkit.model.findings import Finding, SpecError
from indicatorkit.model.records import Checkpoint, SpendingPlan
from indicatorkit.units import unit as unit_named

__all__ = ["COLUMNS", "Record", "column_names", "is_actuals_header", "read_table"]

#: Every column: Chinese name → its other spellings (the English alias first).
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "项目": ("project", "项目名称"),
    "一级指标": ("level1", "level 1"),
    "二级指标": ("level2", "level 2"),
    "三级指标": ("indicator", "指标", "指标名称"),
    "指标值": ("target", "目标值", "年度指标值"),
    "实际值": ("actual", "实际完成值", "完成值"),
    "自评得分": ("score", "得分"),
    "偏差原因": ("reason", "偏差原因分析", "偏差原因分析及改进措施"),
    "不适用": ("not_applicable",),
    "执行数": ("executed", "全年执行数"),
    "累计支出": ("spent",),
    "计量单位": ("unit", "度量单位"),
}
_NAMES: Final = {
    spelling.casefold(): chinese
    for chinese, others in COLUMNS.items()
    for spelling in (chinese, *others)
}
_VALUES: Final = ("实际值", "执行数", "累计支出")
_LABELS: Final = ("项目", "一级指标", "二级指标", "三级指标")
#: What a short row may not lack: a shifted row would read its target as its actual.
_ESSENTIAL: Final = ("指标值", "实际值")
_DETAIL = re.compile(r"^(.*?)\s*[(（]\s*([^()（）]*?)\s*[)）]$")
_SEPARATORS = re.compile(r"[，,；;\n]+")
_BARE_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@attrs.frozen
class _Column:
    """A header cell read: the column it names, and what its parentheses add (the unit of
    执行数, the checkpoint of 累计支出)."""

    name: str
    unit: str | None = None
    checkpoint: DatePoint | None = None
    #: The header cell as written (``实际值（元）`` states the unit of bare numbers under it).
    text: str = ""


@attrs.frozen
class Record:
    """A row of a table: where it is (a text's line or a sheet's row; the sheet) and its
    cells' texts by 0-based column.

    >>> Record(3, ["1", "受理数"], "实际值").sheet
    '实际值'
    """

    line: int
    cells: Sequence[str]
    sheet: str | None = None


def read_table(
    records: Sequence[Record], file: str | None, *, strict_width: bool = True
) -> Actuals:
    """The actuals of a table's rows: ``records[0]`` is the header (a text without one is
    read as ``label… target actual``).  ``strict_width`` for text, where a row with fewer
    cells than the header may have shifted (a sheet's empty cells are simply empty).  Raises
    :class:`~indicatorkit.model.findings.SpecError` (IK402) for a header without a value
    column, or naming one twice.

    >>> [row.labels for row in read_table([Record(1, ["甲", "受理数", "≥1件", "2件"])], "a.tsv").rows]
    [('甲', '受理数')]
    """
    header = _header(records[0], file)
    if header is None:
        return _headerless(records, file)
    return _table(header, records[0], records[1:], file, strict_width=strict_width)


# --- the header ----------------------------------------------------------------------------


def _column(cell: str) -> _Column | None:
    """The column a header cell names (``执行数（万元）``: 执行数 in 万元), or ``None``."""
    name = header_key(cell, _NAMES)
    if name is not None:
        return _Column(name)
    match = _DETAIL.match(cell.strip())
    if match is None or (name := header_key(match[1], _NAMES)) is None:
        return None
    detail = match[2]
    if name == "执行数":
        try:
            money = unit_named(detail)
        except (IndicatorkitError, KeyError, ValueError):
            return None
        return _Column(name, unit=detail) if money.dimension == "[money]" else None
    if name == "累计支出":
        try:
            point = parse_actual(detail)
        except (IndicatorkitError, ValueError):
            return None
        return _Column(name, checkpoint=point) if isinstance(point, DatePoint) else None
    return _Column(name)


def _is_header(record: Record) -> bool:
    """The first row is a header when two of its cells, or all, name columns (``指标 ≥95%
    96%`` is a row: 指标 names a column, but ≥95% does not)."""
    named = [_column(cell) for cell in record.cells if cell.strip()]
    known = [c for c in named if c is not None]
    return len(known) >= 2 or (bool(known) and len(known) == len(named))


def _header(record: Record, file: str | None) -> dict[int, _Column] | None:
    """The columns of a header row by 0-based index (``None``: not a header); IK402 when it
    names no value column, or a column twice."""
    if not _is_header(record):
        return None
    columns: dict[int, _Column] = {}
    problems: list[Finding] = []
    seen: dict[tuple[str, DatePoint | None], int] = {}
    for index, cell in enumerate(record.cells):
        column = _column(cell)
        if column is None:
            continue
        key = (column.name, column.checkpoint)
        if key in seen:
            problems.append(
                finding(
                    "IK402",
                    f"“{cell.strip()}”列重复 (column given twice)",
                    record.line,
                    index + 1,
                    file,
                    record.sheet,
                )
            )
            continue
        seen[key] = index
        columns[index] = attrs.evolve(column, text=cell.strip())
    names = {c.name for c in columns.values()}
    if not names & set(_VALUES):
        problems.append(
            finding(
                "IK402",
                "表头没有实际值、执行数或累计支出列 (the header has no value column)",
                record.line,
                1,
                file,
                record.sheet,
            )
        )
    if problems:
        hint = "列名 / columns: " + "、".join(COLUMNS)
        raise SpecError([attrs.evolve(p, suggestion=hint) for p in problems])
    return columns


# --- rows ----------------------------------------------------------------------------------


def _table(
    header: dict[int, _Column],
    top: Record,
    records: Iterable[Record],
    file: str | None,
    *,
    strict_width: bool,
) -> Actuals:
    """The rows under ``header``; ``strict_width`` for text, where a row with fewer cells
    than the header may have shifted (a grid's empty cells are simply empty)."""
    findings: list[Finding] = [
        finding(
            "IK413",
            f"未知的列“{cell.strip()}”，未读入 (a column not read)",
            top.line,
            index + 1,
            file,
            top.sheet,
        )
        for index, cell in enumerate(top.cells)
        if cell.strip() and index not in header
    ]
    positions = {column.name: index + 1 for index, column in header.items()}
    rows: list[ActualRow] = []
    actual = next((i for i, c in header.items() if c.name == "实际值"), None)
    unit = None if actual is None else _header_unit(header[actual].text)
    stated = 0  # bare actuals that took the unit the header states
    for record in records:
        problem = _width_problem(record, header, top, file) if strict_width else None
        if problem is not None:
            findings.append(problem)
            continue
        row = _row(record, header, positions, findings, file)
        if unit is not None and row.actual is not None:
            stated += row.actual != record.cells[actual].strip()  # type: ignore[index]
        rows.append(row)
    if stated and actual is not None:
        findings.append(
            finding(
                "IK414",
                f"实际值列只写数字的 {stated} 格按表头“{header[actual].text}”读作{unit} "
                f"(bare numbers in {stated} cells read in {unit}, as the header states)",
                top.line,
                actual + 1,
                file,
                top.sheet,
            )
        )
    return Actuals(tuple(rows), file, tuple(findings))


def _header_unit(header: str) -> str | None:
    """The unit a value column's header states (``实际值（元）``: 元), or ``None``."""
    return stated_unit(header) or None


def _width_problem(
    record: Record, header: dict[int, _Column], top: Record, file: str | None
) -> Finding | None:
    cells, width = record.cells, len(top.cells)
    extra = [n for n in range(width, len(cells)) if cells[n].strip()]
    if extra:
        return finding(
            "IK412",
            f"第{record.line}行有{len(cells)}格，多于表头的{width}格 (the row has {len(cells)} "
            f"cells, more than the header's {width}); CSV 中含逗号的值请加引号 / quote a value "
            "with a comma",
            record.line,
            extra[0] + 1,
            file,
        )
    missing = [
        top.cells[index].strip() or f"{c.name} {COLUMNS[c.name][0]}"
        for index, c in sorted(header.items())
        if index >= len(cells) and c.name in _ESSENTIAL
    ]
    if missing:
        quoted = "、".join(f"“{name}”" for name in missing)
        return finding(
            "IK411",
            f"第{record.line}行只有{len(cells)}格，缺少{quoted}列 (the row has {len(cells)} "
            f"cells; missing: {', '.join(missing)})",
            record.line,
            len(cells) + 1,
            file,
        )
    return None


def _row(
    record: Record,
    header: dict[int, _Column],
    positions: dict[str, int],
    findings: list[Finding],
    file: str | None,
) -> ActualRow:
    texts: dict[str, str] = {}
    executed: Amount | None = None
    checkpoints: list[Checkpoint] = []
    plan: SpendingPlan | None = None
    for index, column in header.items():
        text = record.cells[index].strip() if index < len(record.cells) else ""
        if not text:
            continue
        where = (record.line, index + 1, file, record.sheet)
        # a figure that cannot be read is a finding and left out; the row's other cells land
        if column.name == "执行数":
            executed = _money(text, column.unit, where, findings)
        elif column.name == "累计支出" and column.checkpoint is not None:
            share = _share(text, where, findings)
            if share is not None:
                checkpoints.append(Checkpoint(column.checkpoint, share))
        elif column.name == "累计支出":
            plan = _plan(text, where, findings)
        elif column.name in texts:  # a headerless row's extra labels
            texts[column.name] = f"{texts[column.name]} / {text}"
        else:
            texts[column.name] = text
    unit = texts.pop("计量单位", "")
    if "实际值" in texts:  # a bare number in the unit its header (实际值（元）) or unit cell states
        stated = next(c.text for c in header.values() if c.name == "实际值")
        texts["实际值"] = in_stated_unit(texts["实际值"], stated, unit)
    if checkpoints:
        ordered = sorted(checkpoints, key=lambda c: c.by.key())
        plan = SpendingPlan((*(plan.checkpoints if plan else ()), *ordered))
    return ActualRow(
        record.line,
        texts.get("项目", ""),
        texts.get("一级指标", ""),
        texts.get("二级指标", ""),
        texts.get("三级指标", ""),
        texts.get("实际值"),
        texts.get("指标值"),
        texts.get("自评得分"),
        texts.get("偏差原因", ""),
        texts.get("不适用"),
        columns=dict(positions),
        executed=executed,
        spent=plan,
        sheet=record.sheet,
    )


_Where = tuple[int, int, str | None, str | None]


def _money(text: str, unit: str | None, where: _Where, findings: list[Finding]) -> Amount | None:
    """执行数: money as written, or a bare number in the column's unit (``执行数（元）``)."""
    try:
        value = parse_actual(text)
    except (IndicatorkitError, ValueError):
        value = None
    if isinstance(value, Amount) and not value.unit.dimension and unit is not None:
        value = Amount(value.value, unit_named(unit))
    if isinstance(value, Amount) and value.unit.dimension == "[money]":
        return value
    findings.append(
        attrs.evolve(
            finding("IK409", f"执行数应为金额 (执行数 is money): “{text}”", *where),
            suggestion="写明单位，如“9500元”，或在表头写“执行数（元）” / give the unit, or "
            "name it in the header: 执行数（元）",
        )
    )
    return None


def _share(text: str, where: _Where, findings: list[Finding]) -> Amount | None:
    """A 累计支出 checkpoint's cumulative share of the budget (``40%``)."""
    try:
        value = parse_actual(text)
    except (IndicatorkitError, ValueError):
        value = None
    if isinstance(value, Amount) and value.unit.dimension == "[ratio]":
        return value
    findings.append(
        attrs.evolve(
            finding("IK409", f"累计支出应为占预算的比例 (a share of the budget): “{text}”", *where),
            suggestion="写作“40%”；金额请先除以预算数 / write 40%; divide an amount by the budget",
        )
    )
    return None


def _plan(text: str, where: _Where, findings: list[Finding]) -> SpendingPlan | None:
    """``6月底 40%，9月底 70%`` in one cell."""
    checkpoints = []
    for part in _SEPARATORS.split(text.strip()):
        pieces = part.split()
        if not pieces:
            continue
        point: object = None
        if len(pieces) == 2:
            try:
                point = parse_actual(pieces[0])
            except (IndicatorkitError, ValueError):
                point = None
        share = _share(pieces[-1], where, []) if len(pieces) == 2 else None
        if not isinstance(point, DatePoint) or share is None:
            findings.append(
                attrs.evolve(
                    finding("IK409", f"累计支出的一项无效 (invalid checkpoint): “{part}”", *where),
                    suggestion="写作“6月底 40%，9月底 70%” / write '6月底 40%，9月底 70%'",
                )
            )
            return None
        checkpoints.append(Checkpoint(point, share))
    return SpendingPlan(tuple(checkpoints)) if checkpoints else None


def _headerless(records: Sequence[Record], file: str | None) -> Actuals:
    """Rows ``label… target actual``: the width is the most common number of cells."""
    counts = Counter(len(record.cells) for record in records)
    width = max(3, max(counts, key=lambda count: (counts[count], count)))
    labels = _headerless_labels(width - 2)
    header = {index: _Column(name) for index, name in enumerate(labels)}
    header[width - 2] = _Column("指标值")
    header[width - 1] = _Column("实际值")
    top = Record(0, [""] * width)
    return _table(header, top, records, file, strict_width=True)


def _headerless_labels(count: int) -> list[str]:
    """The label columns before target and actual: the project first, the indicator last,
    the levels between (more labels than that are joined into level 2)."""
    if count == 1:
        return ["三级指标"]
    middle = ["一级指标", *(["二级指标"] * (count - 3))][: count - 2]
    return ["项目", *middle, "三级指标"]


def is_actuals_header(record: Record) -> bool:
    """Whether a sheet's row is the header of an actuals table: it names 项目 and a value
    column (a 自评表's indicator table names no 项目 column).

    >>> is_actuals_header(Record(2, ["项目", "三级指标", "实际完成值"]))
    True
    """
    names = column_names(record)
    return "项目" in names and bool(names & set(_VALUES))


def column_names(record: Record) -> set[str]:
    """The columns a row names, as header (their Chinese names).

    >>> sorted(column_names(Record(3, ["项目", "执行数（元）", "颜色"])))
    ['执行数', '项目']
    """
    return {c.name for cell in record.cells if (c := _column(cell)) is not None}
