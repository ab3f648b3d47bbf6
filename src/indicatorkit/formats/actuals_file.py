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
import tempfile
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TypeVar

import attrs

from indicatorkit.formats.actuals_table import COLUMNS, Record, is_actuals_header, read_table
from indicatorkit.formats.files import read_file
from indicatorkit.formats.format import Format, Holds, Probe
from indicatorkit.formats.grid import Grid, hidden_findings
from indicatorkit.formats.limits import UnreadableInputError, read_input
from indicatorkit.formats.progress import ProgressCallback, meter, reporting
from indicatorkit.formats.registry import REGISTRY
from indicatorkit.formats.table_text import UndecodableTable, decode_table
from indicatorkit.formats.workbook_grid import UnreadableWorkbookError, load_grids
from indicatorkit.model.actuals import ActualRow, Actuals, finding
from indicatorkit.model.findings import WHOLE, Finding, Severity, SpecError
from indicatorkit.model.records import Spec
from indicatorkit.numerals import format_decimal, is_terminating

__all__ = ["actuals_of", "actuals_of_grids", "on_disk", "read_actuals", "read_actuals_probe"]

_Read = TypeVar("_Read")

# --- entry point ---------------------------------------------------------------------------


def read_actuals(
    source: str | Path | bytes,
    *,
    file: str | None = None,
    progress: ProgressCallback | None = None,
) -> Actuals:
    """Read actuals: a :class:`~pathlib.Path` (or a string without a line break) is a file to
    read, a string with line breaks is CSV or TSV text, bytes are a file's content.  Told by
    content: a workbook is read as the module says; Word, PDF, a spec file or JSON is read as
    a spec (:func:`indicatorkit.read`) and its actuals taken (:func:`actuals_of`); other text
    is a table.

    Text is UTF-8, UTF-8 with a BOM, or GBK (Excel's "CSV" on Chinese Windows).  Raises
    :class:`~indicatorkit.model.findings.SpecError` (IK401, IK402) when the file cannot be
    read or its header is wrong; problems of single rows are in :attr:`Actuals.findings`.
    ``progress`` is called while rows are read (:mod:`indicatorkit.formats.progress`).

    >>> read_actuals("三级指标,指标值,颜色\\n受理数,≥1件,红\\n")
    Traceback (most recent call last):
      ...
    indicatorkit.model.findings.SpecError: 规格文件有 1 处错误 / the spec has 1 error
    <text>:1:1: IK402 error: 表头没有实际值、执行数或累计支出列 (the header has no value column) — 表头缺少或重复列 / the header misses or repeats a column
      提示 / hint: 列名 / columns: 项目、一级指标、二级指标、三级指标、指标值、实际值、自评得分、偏差原因、不适用、执行数、累计支出、计量单位
    >>> [row.labels for row in read_actuals("甲\\t受理数\\t≥1件\\t2件\\n").rows]  # no header
    [('甲', '受理数')]
    """
    with reporting(progress):
        return _actuals(source, file)


def _actuals(source: str | Path | bytes, file: str | None) -> Actuals:
    if isinstance(source, str) and "\n" in source:
        return _from_text(source.removeprefix("\ufeff"), file, None)
    path: Path | None = None
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        file = file or str(path)
        try:
            data = read_input(path)  # a regular file (or a pipe) within Limits.file_bytes
        except UnreadableInputError as error:
            message = f"无法读取文件 (cannot read the file): {error.reason}"
            raise SpecError([finding("IK401", message, WHOLE, 1, file)]) from None
    probe = Probe(data)
    return read_actuals_probe(probe, REGISTRY.detect(probe), file=file, path=path)


def read_actuals_probe(
    probe: Probe, form: Format | None, *, file: str | None = None, path: Path | None = None
) -> Actuals:
    """:func:`read_actuals` of a file a caller has already sniffed (``form``: what the
    registry's ``detect`` said of ``probe``; ``path``: the file on disk, if any, else a
    workbook is spooled to a temporary one).  Raises as :func:`read_actuals`.

    >>> probe = Probe("三级指标,实际值\\n受理数,210件\\n".encode())
    >>> [row.actual for row in read_actuals_probe(probe, REGISTRY.detect(probe)).rows]
    ['210件']
    """
    data = probe.data
    if form is not None and form.holds is Holds.SPEC_OR_ACTUALS:
        return on_disk(data, path, form.name, lambda at: _from_workbook(at, file))
    if form is not None and form.holds is Holds.SPEC:
        # a spec, not a table: its actuals are taken (a filled 自评表 in Word or PDF, a spec
        # file or JSON with 实际值)
        return on_disk(data, path, form.name, lambda at: _actuals_of_spec_file(at, file or str(at)))
    try:
        text = decode_table(data) if probe.text is None else probe.text
    except UndecodableTable as problem:
        raise SpecError([finding("IK401", problem.message, problem.line, 1, file)]) from None
    return _from_text(text, file, path)


def on_disk(data: bytes, path: Path | None, form: str, read: Callable[[Path], _Read]) -> _Read:
    """``read`` the file at ``path``, or ``data`` spooled to a temporary file (named
    ``actuals.<form>``) when there is none (standard input).

    >>> on_disk(b"abc", None, "xlsx", lambda p: (p.name, p.read_bytes()))
    ('actuals.xlsx', b'abc')
    """
    if path is not None:
        return read(path)
    with tempfile.TemporaryDirectory(prefix="indicatorkit-") as folder:
        spooled = Path(folder) / f"actuals.{form}"
        spooled.write_bytes(data)
        return read(spooled)


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


def _text_records(text: str, delimiter: str, file: str | None) -> list[Record]:
    if delimiter == "\t":
        reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[Record] = []
    line = 0
    counter = meter(file or "<text>")
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            counter.step()
            if any(cell.strip() for cell in cells) and not cells[0].lstrip().startswith("#"):
                records.append(Record(start, cells))
    except csv.Error as error:
        raise SpecError(
            [finding("IK401", f"CSV 无法读取 (bad CSV): {error}", line + 1, 1, file)]
        ) from None
    counter.finish()
    return records


def _from_text(text: str, file: str | None, path: Path | None) -> Actuals:
    named = path or (Path(file) if file else None)
    records = _text_records(text, _delimiter(text, named), file)
    if not records:
        raise SpecError([finding("IK402", "文件没有表头 (the file has no header row)", 1, 1, file)])
    return read_table(records, file)


# --- workbooks -----------------------------------------------------------------------------


def _from_workbook(path: Path, file: str | None) -> Actuals:
    """Each sheet whose header names 项目 and a value column; else the workbook read as a
    spec (a filled 自评表) and its actuals taken."""
    source = file or str(path)
    try:
        grids = load_grids(path, source=source)
    except UnreadableWorkbookError as error:
        raise SpecError([finding("IK401", str(error), WHOLE, 1, source)]) from None
    table = actuals_of_grids(grids, source)
    return _actuals_of_spec_file(path, source) if table is None else table


def actuals_of_grids(grids: Sequence[Grid], source: str) -> Actuals | None:
    """The actuals tables of a workbook's sheets already loaded (each sheet whose header
    names 项目 and a value column; IK413 for each other sheet, IK723 for what is hidden), or
    ``None`` when no sheet holds one (the workbook is then a spec, a filled 自评表).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> sheet = grid_from_rows("填报", [["项目", "三级指标", "实际完成值"], ["甲", "受理数", "2件"]])
    >>> [(row.labels, row.actual) for row in actuals_of_grids([sheet], "填报.xlsx").rows]
    [(('甲', '受理数'), '2件')]
    >>> actuals_of_grids([grid_from_rows("表", [["项目名称", "甲"]])], "表.xlsx") is None
    True
    """
    rows: list[ActualRow] = []
    findings: list[Finding] = []
    unread: list[str] = []
    for grid in grids:
        findings.extend(hidden_findings(grid))  # hidden rows and sheets: left out, said
        if grid.hidden_sheet:
            continue
        records = [
            Record(row, _row_texts([(c.column, c.text) for c in grid.row_cells(row)]), grid.name)
            for row in grid.non_empty_rows()
        ]
        start = next((n for n, record in enumerate(records) if is_actuals_header(record)), None)
        if start is None:
            unread.append(grid.name)
            continue
        table = read_table(records[start:], source, strict_width=False)
        rows.extend(table.rows)
        findings.extend(table.findings)
    if len(unread) == len([grid for grid in grids if not grid.hidden_sheet]):
        return None
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


def _actuals_of_spec_file(path: Path, source: str) -> Actuals:
    """The actuals of a file :func:`indicatorkit.read` reads as a spec: a filled 自评表 (a
    workbook without an actuals sheet, Word, PDF), a spec file or JSON with 实际值.  What
    reading found comes along; IK402 when there are none."""
    found = read_file(path, source=source)
    if found.spec is None or not any(p.has_actuals() for p in found.spec.projects):
        problem = finding(
            "IK402",
            "文件里没有实际值表（表头含“项目”与“实际完成值”），也不是填好的自评表 (no actuals "
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
