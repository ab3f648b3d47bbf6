"""Actuals files: what happened (实际完成值, 执行数, 累计支出), one row per indicator or
project, as CSV or TSV text or in a workbook — the one reader behind ``score``, ``check``,
``monitor`` and ``report``.

A self-assessment is a spec plus what happened.  The actuals may be written in the spec itself
(``实际值：…`` under each indicator) or kept apart: :func:`read_actuals` reads them,
:func:`~indicatorkit.model.actuals.merge_actuals` puts each row on its indicator (and each
project's figures on its project).  Every row lands on exactly one indicator or project;
everything else is a located finding (``IK4xx``), nothing is dropped silently.

**A table** (CSV saved from Excel, TSV, or a workbook's sheet): a header row names the columns
(Chinese, or the English alias; any order; the separator of text is a tab when the header has
tabs and no comma, else a comma):

============ =============== ===================================================================
column       alias           holds
============ =============== ===================================================================
项目          project         the project: its code (编码), its name, or its number
一级指标      level1          level 1 (may be empty when the level-3 name is unique)
二级指标      level2          level 2 (likewise)
三级指标      indicator       the level-3 name; empty on the project's own row
指标值        target          the target (``check`` needs it; merged, it must be the spec's)
实际值        actual          实际完成值 as written (``96%``, ``205件``, ``达成``)
自评得分      score           the evaluator's score (a number ≥ 0)
偏差原因      reason          偏差原因分析及改进措施 (on the project's row: the budget's)
不适用        not_applicable  the reason the indicator does not apply
执行数        executed        全年执行数, money: ``9500元``, or a number under ``执行数（元）``
累计支出      spent           cumulative shares by checkpoint: ``6月底 40%，9月底 70%``;
                              or one column per checkpoint, ``累计支出（6月底）``, holding ``40%``
计量单位      unit            the unit a bare number in 实际值 is in (``210`` and ``件``: 210件)
============ =============== ===================================================================

The header needs a value column (实际值, 执行数 or 累计支出) — and 项目 to be merged onto a
spec, 指标值 to be checked on its own (``check``); other columns are reported (IK413) and
not read.  Without a header, a text's rows are
``label… target actual`` (project, levels, indicator, then target and actual) — the form of
``examples/seed_actuals.tsv``.  Rows whose first cell starts with ``#`` are comments.

**A workbook** (.xlsx, .xls): each sheet with such a table (its header names 项目) is read as
above, located ``file:sheet!C12``; a workbook without one is read by
:func:`indicatorkit.read` — a filled 自评表, or a 申报表 with 实际完成值 — and its actuals are
taken (:func:`actuals_of`).

>>> from indicatorkit import loads
>>> from indicatorkit.model.actuals import merge_actuals
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥180件
...   指标 满意度指标 / 服务对象满意度指标 / 满意度
...     指标值：≥90%
... ''')
>>> actuals = read_actuals("项目,三级指标,实际值,执行数（元）,累计支出\\n"
...     "法律援助,,,9500,6月底 40%，12月底 95%\\n法律援助,受理数,175件,,\\n1,满意度,95%,,\\n")
>>> merged, findings = merge_actuals(spec, actuals)
>>> [i.actual for i in merged.projects[0].indicators], findings
(['175件', '95%'], [])
>>> project = merged.projects[0]
>>> str(project.executed), [(str(c.by), str(c.share)) for c in project.spent.checkpoints]
('9500元', [('6月底', '40%'), ('12月底', '95%')])
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.files import detect_format, read_file
from indicatorkit.formats.table_text import UndecodableTable, decode_table, header_key
from indicatorkit.formats.workbook_grid import UnreadableWorkbookError, load_grids
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.actuals import ActualRow, Actuals, finding
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.records import Checkpoint, Spec, SpendingPlan
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.units import unit as unit_named

__all__ = ["COLUMNS", "actuals_of", "read_actuals"]

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


@attrs.frozen
class _Record:
    """A row of a table: where it is (line or sheet row; the sheet) and its cells' texts."""

    line: int
    cells: Sequence[str]
    sheet: str | None = None


# --- entry point ---------------------------------------------------------------------------


def read_actuals(source: str | Path | bytes, *, file: str | None = None) -> Actuals:
    """Read actuals: a :class:`~pathlib.Path` (or a string without a line break) is a file to
    read, a string with line breaks is CSV or TSV text, bytes are a file's content (text, or a
    workbook told by its content).

    Text is UTF-8, UTF-8 with a BOM, or GBK (Excel's "CSV" on Chinese Windows).  Raises
    :class:`~indicatorkit.model.findings.SpecError` (IK401, IK402) when the file cannot be
    read or its header is wrong; problems of single rows are in :attr:`Actuals.findings`.

    >>> read_actuals("三级指标,指标值,颜色\\n受理数,≥1件,红\\n")
    Traceback (most recent call last):
      ...
    indicatorkit.model.findings.SpecError: 规格文件有 1 处错误 / the spec has 1 error
    <text>:1:1: IK402 error: 表头没有实际值、执行数或累计支出列 (the header has no value column) — 表头缺少或重复列 / the header misses or repeats a column
      提示 / hint: 列名 / columns: 项目、一级指标、二级指标、三级指标、指标值、实际值、自评得分、偏差原因、不适用、执行数、累计支出、计量单位
    >>> [row.labels for row in read_actuals("甲\\t受理数\\t≥1件\\t2件\\n").rows]  # no header
    [('甲', '受理数')]
    """
    if isinstance(source, str) and "\n" in source:
        return _from_text(source.removeprefix("\ufeff"), file, None)
    path: Path | None = None
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        file = file or str(path)
        try:
            data = path.read_bytes()
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise SpecError(
                [finding("IK401", f"无法读取文件 (cannot read the file): {reason}", 1, 1, file)]
            ) from None
    if detect_format(data) in ("xlsx", "xls"):
        if path is not None:
            return _from_workbook(path, file)
        with tempfile.TemporaryDirectory(prefix="indicatorkit-") as folder:
            spooled = Path(folder) / "actuals.xlsx"
            spooled.write_bytes(data)
            return _from_workbook(spooled, file)
    try:
        text = decode_table(data)
    except UndecodableTable as problem:
        raise SpecError([finding("IK401", problem.message, problem.line, 1, file)]) from None
    return _from_text(text, file, path)


# --- text ----------------------------------------------------------------------------------


def _delimiter(text: str, path: Path | None) -> str:
    suffix = path.suffix.lower() if path is not None else ""
    if suffix in (".csv", ".tsv"):
        return "," if suffix == ".csv" else "\t"
    first = next(
        (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")),
        "",
    )
    return "\t" if "\t" in first and "," not in first else ","


def _text_records(text: str, delimiter: str, file: str | None) -> list[_Record]:
    if delimiter == "\t":
        reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[_Record] = []
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if any(cell.strip() for cell in cells) and not cells[0].lstrip().startswith("#"):
                records.append(_Record(start, cells))
    except csv.Error as error:
        raise SpecError(
            [finding("IK401", f"CSV 无法读取 (bad CSV): {error}", line + 1, 1, file)]
        ) from None
    return records


def _from_text(text: str, file: str | None, path: Path | None) -> Actuals:
    named = path or (Path(file) if file else None)
    records = _text_records(text, _delimiter(text, named), file)
    if not records:
        raise SpecError([finding("IK402", "文件没有表头 (the file has no header row)", 1, 1, file)])
    header = _header(records[0], file)
    if header is None:
        return _headerless(records, file)
    return _table(header, records[0], records[1:], file, strict_width=True)


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


def _is_header(record: _Record) -> bool:
    """The first row is a header when two of its cells, or all, name columns (``指标 ≥95%
    96%`` is a row: 指标 names a column, but ≥95% does not)."""
    named = [_column(cell) for cell in record.cells if cell.strip()]
    known = [c for c in named if c is not None]
    return len(known) >= 2 or (bool(known) and len(known) == len(named))


def _header(record: _Record, file: str | None) -> dict[int, _Column] | None:
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
        columns[index] = column
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
    top: _Record,
    records: Iterable[_Record],
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
    for record in records:
        problem = _width_problem(record, header, top, file) if strict_width else None
        if problem is not None:
            findings.append(problem)
            continue
        rows.append(_row(record, header, positions, findings, file))
    return Actuals(tuple(rows), file, tuple(findings))


def _width_problem(
    record: _Record, header: dict[int, _Column], top: _Record, file: str | None
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
    record: _Record,
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
    if unit and _BARE_NUMBER.fullmatch(texts.get("实际值", "")):  # the column states the unit
        texts["实际值"] += unit
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


def _headerless(records: list[_Record], file: str | None) -> Actuals:
    """Rows ``label… target actual``: the width is the most common number of cells."""
    counts = Counter(len(record.cells) for record in records)
    width = max(3, max(counts, key=lambda count: (counts[count], count)))
    labels = _headerless_labels(width - 2)
    header = {index: _Column(name) for index, name in enumerate(labels)}
    header[width - 2] = _Column("指标值")
    header[width - 1] = _Column("实际值")
    top = _Record(0, [""] * width)
    return _table(header, top, records, file, strict_width=True)


def _headerless_labels(count: int) -> list[str]:
    """The label columns before target and actual: the project first, the indicator last,
    the levels between (more labels than that are joined into level 2)."""
    if count == 1:
        return ["三级指标"]
    middle = ["一级指标", *(["二级指标"] * (count - 3))][: count - 2]
    return ["项目", *middle, "三级指标"]


# --- workbooks -----------------------------------------------------------------------------


def _from_workbook(path: Path, file: str | None) -> Actuals:
    """Each sheet whose header names 项目 and a value column; else the workbook read as a
    spec (a filled 自评表) and its actuals taken."""
    source = file or str(path)
    try:
        grids = load_grids(path)
    except UnreadableWorkbookError as error:
        raise SpecError([finding("IK401", str(error), 1, 1, source)]) from None
    rows: list[ActualRow] = []
    findings: list[Finding] = []
    unread: list[str] = []
    for grid in grids:
        records = [
            _Record(row, _row_texts([(c.column, c.text) for c in grid.row_cells(row)]), grid.name)
            for row in grid.non_empty_rows()
        ]
        start = next((n for n, record in enumerate(records) if _is_actuals_header(record)), None)
        if start is None:
            unread.append(grid.name)
            continue
        header = _header(records[start], source)
        assert header is not None  # _is_actuals_header saw one
        table = _table(header, records[start], records[start + 1 :], source, strict_width=False)
        rows.extend(table.rows)
        findings.extend(table.findings)
    if len(unread) == len(grids):
        return _actuals_of_workbook(path, source)
    findings.extend(
        finding(
            "IK413", f"工作表“{name}”没有实际值表，未读入 (a sheet not read)", 1, 1, source, name
        )
        for name in unread
    )
    return Actuals(tuple(rows), source, tuple(findings))


def _row_texts(cells: list[tuple[int, str]]) -> list[str]:
    """A grid row's texts by 0-based column (empty cells empty)."""
    width = max((column for column, _ in cells), default=0)
    texts = [""] * width
    for column, text in cells:
        texts[column - 1] = text
    return texts


def _is_actuals_header(record: _Record) -> bool:
    names = {c.name for cell in record.cells if (c := _column(cell)) is not None}
    return "项目" in names and bool(names & set(_VALUES))


def _actuals_of_workbook(path: Path, source: str) -> Actuals:
    """The actuals of a workbook (or any file) that :func:`indicatorkit.read` reads as a
    spec: a filled 自评表.  What reading found comes along; IK402 when there are none."""
    found = read_file(path, source=source)
    if found.spec is None or not any(p.has_actuals() for p in found.spec.projects):
        problem = finding(
            "IK402",
            "工作簿里没有实际值表（表头含“项目”与“实际完成值”），也不是填好的自评表 (no actuals "
            "table, and no filled self-assessment)",
            1,
            1,
            source,
        )
        errors = [f for f in found.findings if f.severity is Severity.ERROR]
        raise SpecError(
            [*errors, attrs.evolve(problem, suggestion="列名 / columns: " + "、".join(COLUMNS))]
        )
    actuals = actuals_of(found.spec, file=source)
    return attrs.evolve(actuals, findings=found.findings)


def actuals_of(spec: Spec, *, file: str | None = None) -> Actuals:
    """The actuals a spec carries, as rows: one for each project indicator with an actual,
    score, reason or 不适用, and one for each project's 执行数, 累计支出 and budget
    explanation — what :func:`read_actuals` takes from a filled 自评表.  Merged onto the
    spec without its actuals, they give the spec back.

    >>> from indicatorkit import loads
    >>> from indicatorkit.model.actuals import merge_actuals
    >>> filled = loads("项目 1 甲\\n  预算：100元\\n  执行数：90元\\n"
    ...     "  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n    实际值：2件\\n")
    >>> [(row.name, row.actual, str(row.executed)) for row in actuals_of(filled).rows]
    [('', None, '90元'), ('数', '2件', 'None')]
    """
    rows: list[ActualRow] = []
    for project in spec.projects:
        if project.withheld is not None:
            continue
        key = project.code or project.name or str(project.number)
        line = project.where.at.line if project.where is not None else 0
        if project.executed is not None or project.spent is not None or project.budget_reason:
            rows.append(
                ActualRow(
                    line,
                    key,
                    "",
                    "",
                    "",
                    None,
                    reason=project.budget_reason,
                    executed=project.executed,
                    spent=project.spent,
                )
            )
        for indicator in project.indicators:
            if not (
                indicator.actual is not None
                or indicator.evaluator_score is not None
                or indicator.reason
                or indicator.not_applicable is not None
            ):
                continue
            rows.append(
                ActualRow(
                    indicator.where.at.line if indicator.where is not None else line,
                    key,
                    indicator.level1,
                    indicator.level2,
                    indicator.name,
                    indicator.actual,
                    indicator.target_text,
                    None
                    if indicator.evaluator_score is None
                    else _number_text(indicator.evaluator_score),
                    indicator.reason,
                    indicator.not_applicable,
                )
            )
    return Actuals(tuple(rows), file)


def _number_text(value: Fraction) -> str:
    """A score as text the merge reads back exactly (``8.5``, ``17/3``)."""
    return (
        format_decimal(value) if is_terminating(value) else f"{value.numerator}/{value.denominator}"
    )
