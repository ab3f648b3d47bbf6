"""Actuals files: a CSV of what happened (实际完成值), merged onto a spec's project tables.

A self-assessment is a spec plus what happened.  The actuals may be written in the spec itself
(``实际值：…`` under each indicator) or kept apart, one row per indicator, in a CSV saved from
Excel: :func:`read_actuals` reads it, :func:`merge_actuals` puts each row on its indicator.
Every row lands on exactly one indicator; everything else is a located finding (``IK4xx``),
nothing is dropped silently.

The header row names the columns (Chinese, or the English alias; any order):

========== ============ ==========================================================
column      alias         holds
========== ============ ==========================================================
项目        project       the project: its code (编码), its name, or its number
一级指标    level1        level 1 (may be empty when the level-3 name is unique)
二级指标    level2        level 2 (likewise)
三级指标    indicator     the level-3 name
实际值      actual        实际完成值 as written (``96%``, ``205件``, ``达成``)
指标值      target        optional: must be the spec's target
自评得分    score         optional: the evaluator's score (a number ≥ 0)
偏差原因    reason        optional: 偏差原因分析及改进措施
不适用      not_applicable optional: the reason the indicator does not apply
========== ============ ==========================================================

>>> from indicatorkit import loads
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

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.parse import parse_target
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.lint import LEVEL1_ALIASES
from indicatorkit.model.records import Indicator, Project, Spec, field_text
from indicatorkit.numerals import read_ratio

__all__ = ["CODES", "COLUMNS", "ActualRow", "Actuals", "merge_actuals", "read_actuals"]

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

#: The finding codes of actuals files: code → (severity, what it means).
CODES: Final[dict[str, tuple[Severity, str]]] = {
    "IK401": (Severity.ERROR, "实际值文件无法读取或解码 / the actuals file cannot be read"),
    "IK402": (Severity.ERROR, "表头缺少或重复列 / the header misses or repeats a column"),
    "IK403": (Severity.ERROR, "项目找不到或不唯一 / the project matches none or several"),
    "IK404": (Severity.ERROR, "指标在项目中找不到 / the indicator matches none"),
    "IK405": (Severity.ERROR, "指标不唯一 / the indicator matches several"),
    "IK406": (Severity.ERROR, "指标值与规格不一致 / the target disagrees with the spec"),
    "IK407": (Severity.ERROR, "同一指标有两行 / two rows for one indicator"),
    "IK408": (Severity.WARNING, "指标没有实际值 / an indicator has no actual"),
    "IK409": (Severity.ERROR, "这一行的值无效 / a value of the row is invalid"),
    "IK410": (Severity.WARNING, "覆盖了规格中的实际值 / replaces the spec's own actual"),
}


@attrs.frozen
class ActualRow:
    """One data row: what it says, where (its line, and each column's number)."""

    line: int
    project: str
    level1: str
    level2: str
    name: str
    actual: str | None
    target: str | None = None
    score: str | None = None
    reason: str = ""
    not_applicable: str | None = None
    columns: dict[str, int] = attrs.field(factory=dict, eq=False, hash=False, repr=False)

    def column(self, name: str) -> int:
        """The 1-based column number of ``name`` (its Chinese column name)."""
        return self.columns.get(name, 1)


@attrs.frozen
class Actuals:
    """The rows of an actuals file, in order, and the file's name (``None`` for text)."""

    rows: tuple[ActualRow, ...]
    file: str | None = None


def _finding(code: str, message: str, line: int, column: int, file: str | None) -> Finding:
    severity, what = CODES[code]
    return Finding(code, severity, f"{message} — {what}", line, column, file=file)


def _decode(data: bytes, file: str | None) -> str:
    """UTF-8 (with or without a BOM), else GBK as Excel saves it; else IK401."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gbk")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise SpecError(
                [
                    _finding(
                        "IK401",
                        "文件既不是 UTF-8 也不是 GBK 编码 (the file is neither UTF-8 nor GBK)",
                        line,
                        1,
                        file,
                    )
                ]
            ) from None


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
                [_finding("IK401", f"无法读取文件 (cannot read the file): {error}", 1, 1, file)]
            ) from None
        text = _decode(data, file)
    else:
        text = path_or_text.removeprefix("\ufeff")
    return Actuals(tuple(_rows(text, file)), file)


def _column_name(cell: str) -> str | None:
    name = cell.strip()
    name = _MORE_NAMES.get(name, name)
    for chinese, (english, _) in COLUMNS.items():
        if name in (chinese, english):
            return chinese
    return None


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
                [_finding("IK401", f"CSV 无法读取 (bad CSV): {error}", start, 1, file)]
            ) from None
        if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = _header(cells, start, file)
            continue
        yield _row(cells, header, start)
    if header is None:
        raise SpecError(
            [_finding("IK402", "文件没有表头 (the file has no header row)", 1, 1, file)]
        )


def _header(cells: list[str], line: int, file: str | None) -> dict[str, int]:
    header: dict[str, int] = {}
    problems: list[Finding] = []
    for index, cell in enumerate(cells, 1):
        name = _column_name(cell)
        if name is None:
            if cell.strip():
                problems.append(
                    _finding(
                        "IK402", f"未知的列“{cell.strip()}” (unknown column)", line, index, file
                    )
                )
            continue
        if name in header:
            problems.append(
                _finding("IK402", f"“{name}”列重复 (column given twice)", line, index, file)
            )
            continue
        header[name] = index
    for name, (_, required) in COLUMNS.items():
        if required and name not in header:
            problems.append(
                _finding(
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


def _project_matches(project: Project, key: str) -> bool:
    key = key.strip()
    if not key:
        return False
    number = key.removeprefix("项目").strip()
    return key in (project.code, project.name) or (
        number.isdigit() and int(number) == project.number
    )


def _level1(name: str) -> str:
    return LEVEL1_ALIASES.get(name, name)


def _indicator_matches(indicator: Indicator, row: ActualRow) -> bool:
    if field_text(indicator.name) != row.name:
        return False
    if row.level1 and _level1(row.level1) != _level1(indicator.level1):
        return False
    return not (row.level2 and row.level2 != indicator.level2)


def merge_actuals(spec: Spec, actuals: Actuals) -> tuple[Spec, list[Finding]]:
    """``spec`` with each row's actual, score, reason and 不适用 on its indicator, and the
    findings: rows that match no project or indicator, or several, or whose 指标值 disagrees
    with the spec, two rows for one indicator, bad values (all errors; such rows are not
    merged), an actual replacing one the spec had, and every indicator of a published
    project left without an actual (warnings).  Only projects' indicators are matched (a
    department's programmes are not in actuals files).

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n")
    >>> _, findings = merge_actuals(spec, read_actuals("项目,三级指标,实际值\\n乙,数,1件\\n"))
    >>> print(findings[0].render())
    <text>:2:1: IK403 error: 没有项目“乙” (no such project) — 项目找不到或不唯一 / the project matches none or several
    """
    file = actuals.file
    findings: list[Finding] = []
    placed: dict[tuple[int, int], ActualRow] = {}
    for row in actuals.rows:
        where = (row.line, row.column("项目"))
        projects = [p for p in spec.projects if _project_matches(p, row.project)]
        if len(projects) != 1:
            message = (
                f"没有项目“{row.project}” (no such project)"
                if not projects
                else f"“{row.project}”对应 {len(projects)} 个项目 (matches {len(projects)} "
                f"projects): " + "、".join(str(p.number) for p in projects)
            )
            findings.append(_finding("IK403", message, *where, file))
            continue
        (project,) = projects
        if project.withheld is not None:
            findings.append(
                _finding(
                    "IK403",
                    f"项目 {project.number} 暂不公开，没有指标 (a withheld project has no table)",
                    *where,
                    file,
                )
            )
            continue
        matching = [
            index
            for index, indicator in enumerate(project.indicators)
            if _indicator_matches(indicator, row)
        ]
        at_name = (row.line, row.column("三级指标"))
        path = " / ".join(part for part in (row.level1, row.level2, row.name) if part)
        if not matching:
            findings.append(
                _finding(
                    "IK404",
                    f"项目 {project.number} 中没有指标“{path}” (no such indicator)",
                    *at_name,
                    file,
                )
            )
            continue
        if len(matching) > 1:
            findings.append(
                attrs.evolve(
                    _finding(
                        "IK405",
                        f"“{path}”在项目 {project.number} 中对应 {len(matching)} 个指标 "
                        f"(matches {len(matching)} indicators)",
                        *at_name,
                        file,
                    ),
                    suggestion="填写一级指标、二级指标列 / fill in the level1 and level2 columns",
                )
            )
            continue
        index = matching[0]
        indicator = project.indicators[index]
        key = (project.number, index)
        if key in placed:
            findings.append(
                _finding(
                    "IK407",
                    f"第 {placed[key].line} 行已给出“{indicator.name}”的实际值 "
                    f"(line {placed[key].line} gave this indicator already)",
                    *at_name,
                    file,
                )
            )
            continue
        if row.target is not None and not _same_target(row.target, indicator, spec):
            findings.append(
                _finding(
                    "IK406",
                    f"指标值“{row.target}”与规格中的“{indicator.target_text}”不一致 "
                    f"(the target disagrees with the spec)",
                    row.line,
                    row.column("指标值"),
                    file,
                )
            )
            continue
        if _valid(row, indicator, findings, file):
            placed[key] = row
    return _merged(spec, placed, findings, file)


def _same_target(text: str, indicator: Indicator, spec: Spec) -> bool:
    if field_text(text) == indicator.target_text:
        return True
    try:
        return parse_target(text, lenient=True, units=spec.units).target == indicator.target
    except (IndicatorkitError, ValueError):
        return False


def _valid(row: ActualRow, indicator: Indicator, findings: list[Finding], file: str | None) -> bool:
    """Whether the row's values make a valid indicator (IK409 otherwise)."""
    if row.score is not None:
        try:
            read_ratio(row.score)
        except ValueError:
            findings.append(
                _finding(
                    "IK409",
                    f"自评得分应为非负数 (the score must be a number ≥ 0): “{row.score}”",
                    row.line,
                    row.column("自评得分"),
                    file,
                )
            )
            return False
    try:
        _apply(indicator, row)
    except ValueError as error:
        findings.append(_finding("IK409", str(error), row.line, row.column("实际值"), file))
        return False
    return True


def _apply(indicator: Indicator, row: ActualRow) -> Indicator:
    return attrs.evolve(
        indicator,
        actual=row.actual,
        evaluator_score=None if row.score is None else read_ratio(row.score),
        reason=row.reason or indicator.reason,
        not_applicable=row.not_applicable,
    )


def _merged(
    spec: Spec,
    placed: dict[tuple[int, int], ActualRow],
    findings: list[Finding],
    file: str | None,
) -> tuple[Spec, list[Finding]]:
    projects = []
    for project in spec.projects:
        if project.withheld is not None:
            projects.append(project)
            continue
        indicators = []
        for index, indicator in enumerate(project.indicators):
            row = placed.get((project.number, index))
            if row is None:
                if indicator.actual is None and indicator.not_applicable is None:
                    at = indicator.where.at.line if indicator.where else 0
                    findings.append(
                        attrs.evolve(
                            _finding(
                                "IK408",
                                f"项目 {project.number} 的“{indicator.name}”没有实际值 "
                                f"(no row gives it an actual)",
                                at,
                                1,
                                None,
                            ),
                            suggestion="在实际值文件中加一行，或填写“不适用” / add a row, or 不适用",
                        )
                    )
                indicators.append(indicator)
                continue
            if indicator.actual is not None and indicator.actual != row.actual:
                findings.append(
                    _finding(
                        "IK410",
                        f"“{indicator.name}”的实际值“{indicator.actual}”换为“{row.actual}” "
                        f"(replaces the spec's actual)",
                        row.line,
                        row.column("实际值"),
                        file,
                    )
                )
            indicators.append(_apply(indicator, row))
        projects.append(attrs.evolve(project, indicators=indicators))
    merged = attrs.evolve(spec, projects=projects)
    return merged, sorted(findings, key=lambda f: (f.file is None, f.line, f.column, f.code))
