"""Actuals matched onto a spec: rows that say, per project and indicator, what happened
(实际值, 自评得分, 偏差原因, 不适用) and, per project, what was spent (执行数, 累计支出 by
checkpoint), and the merge that puts each on exactly one indicator or project — or says,
located, why it cannot.  Reading the rows from a file (CSV, TSV, a workbook) is a format's
job (:mod:`indicatorkit.formats.actuals_file`); this is the model's.
"""

from __future__ import annotations

import difflib
from typing import Final, TypeVar

import attrs

from indicatorkit.errors import ArgumentError, IndicatorkitError
from indicatorkit.language.parse import parse_target
from indicatorkit.language.values import Amount
from indicatorkit.model.fields import field_text
from indicatorkit.model.findings import Finding, Severity, column_letters
from indicatorkit.model.records import (
    Indicator,
    Location,
    Project,
    Spec,
    SpendingPlan,
)
from indicatorkit.numerals import read_ratio
from indicatorkit.vocabulary import level1_name, level2_name

__all__ = ["ACTUALS_HINT", "CODES", "ActualRow", "Actuals", "finding", "merge_actuals"]

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
    "IK411": (Severity.ERROR, "这一行的格数少于表头 / a row with fewer cells than the header"),
    "IK412": (Severity.ERROR, "这一行的格数多于表头 / a row with more cells than the header"),
    "IK413": (Severity.INFO, "未读入的列或工作表 / a column or sheet not read"),
    "IK414": (Severity.INFO, "实际值的单位取自表头 / the actuals' unit is the header's"),
}

_Value = TypeVar("_Value")


@attrs.frozen
class ActualRow:
    """One data row: what it says, where (its line — a sheet's row —, each column's number,
    and the sheet of a workbook).

    A row with an indicator name (``name``) gives that indicator's actual; a row without one
    is the project's own row: its 执行数 (``executed``), 累计支出 (``spent``, cumulative
    shares by checkpoint) and 偏差原因 (``reason``, the budget's explanation).  An indicator's
    row may carry the project's 执行数 and 累计支出 too.

    >>> from indicatorkit.formats.actuals_file import read_actuals
    >>> row = read_actuals("项目,三级指标,实际值\\n1,受理数,175件\\n").rows[0]
    >>> row.line, row.project, row.name, row.actual, row.labels
    (2, '1', '受理数', '175件', ('1', '受理数'))
    """

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
    executed: Amount | None = None
    spent: SpendingPlan | None = None
    sheet: str | None = attrs.field(default=None, eq=False)

    def column(self, name: str) -> int:
        """The 1-based column number of ``name`` (its Chinese column name)."""
        return self.columns.get(name, 1)

    @property
    def place(self) -> str:
        """The row as shown: its line, or its actual's cell in a workbook (``自评表!E13``).

        >>> ActualRow(13, "甲", "", "", "数", "2件", columns={"实际值": 5}, sheet="自评表").place
        '自评表!E13'
        """
        if self.sheet is None:
            return str(self.line)
        return f"{self.sheet}!{column_letters(self.column('实际值'))}{self.line}"

    @property
    def labels(self) -> tuple[str, ...]:
        """The row's names that are given: project, level 1, level 2, indicator."""
        return tuple(part for part in (self.project, self.level1, self.level2, self.name) if part)

    @property
    def is_project_row(self) -> bool:
        """A row without an indicator: it speaks of the project (执行数, 累计支出)."""
        return (
            not self.name
            and self.actual is None
            and self.score is None
            and (self.not_applicable is None)
        )


@attrs.frozen
class Actuals:
    """The rows of an actuals file, in order, the file's name (``None`` for text), and what
    reading found (rows that could not be read, columns not read): the merge passes these on.

    >>> from indicatorkit.formats.actuals_file import read_actuals
    >>> actuals = read_actuals("项目,三级指标,实际值\\n1,受理数,175件\\n1,满意度,95%\\n", file="实际值.csv")
    >>> len(actuals.rows), actuals.file, actuals.findings
    (2, '实际值.csv', ())
    """

    rows: tuple[ActualRow, ...]
    file: str | None = None
    findings: tuple[Finding, ...] = ()


#: How to make :class:`Actuals` from a file (said when something else is given).
ACTUALS_HINT = (
    "先读实际值文件 / read the file first: "
    "indicatorkit.formats.actuals_file.read_actuals(pathlib.Path(name))"
)


def finding(
    code: str, message: str, line: int, column: int, file: str | None, sheet: str | None = None
) -> Finding:
    """A finding of the actuals family (IK401–IK414); ``sheet`` for a workbook's cell.

    >>> print(finding("IK404", "没有这个指标 (no such indicator)", 3, 2, "实际值.csv").render())
    实际值.csv:3:2: IK404 error: 没有这个指标 (no such indicator) — 指标在项目中找不到 / the indicator matches none
    >>> finding("IK409", "无效", 4, 6, "实际值.xlsx", "实际值").place
    '实际值.xlsx:实际值!F4'
    """
    severity, what = CODES[code]
    return Finding(code, severity, f"{message} — {what}", line, column, file=file, sheet=sheet)


class _SpecIndex:
    """The spec's projects by what a row may name them with (code, name, number) and, built
    when first asked, each project's indicators by name: a row is matched in time that does
    not grow with the spec, so merging is linear in rows plus indicators."""

    def __init__(self, spec: Spec) -> None:
        self.projects = spec.projects
        self.by_text: dict[str, list[int]] = {}
        self.by_number: dict[int, list[int]] = {}
        for index, project in enumerate(spec.projects):
            for text in {project.code, project.name} - {""}:
                self.by_text.setdefault(text, []).append(index)
            self.by_number.setdefault(project.number, []).append(index)
        self.names: dict[int, dict[str, list[int]]] = {}

    def projects_named(self, key: str) -> list[Project]:
        """The projects whose code or name is ``key``, or whose number it gives (``3``, ``项目3``)."""
        key = key.strip()
        if not key:
            return []
        found = set(self.by_text.get(key, ()))
        number = key.removeprefix("项目").strip()
        if number.isdecimal() and len(number) <= 18:
            found.update(self.by_number.get(int(number), ()))
        return [self.projects[index] for index in sorted(found)]

    def indicators_named(self, project: Project, name: str) -> list[int]:
        """The indices of ``project``'s indicators called ``name``."""
        names = self.names.get(id(project))
        if names is None:
            names = {}
            for index, indicator in enumerate(project.indicators):
                names.setdefault(field_text(indicator.name), []).append(index)
            self.names[id(project)] = names
        return names.get(name, [])


def _indicator_matches(indicator: Indicator, row: ActualRow) -> bool:
    if field_text(indicator.name) != row.name:
        return False
    if row.level1 and level1_name(row.level1) != level1_name(indicator.level1):
        return False
    level1 = indicator.level1  # the row's, when it names one, reads the same
    return not (
        row.level2 and level2_name(level1, row.level2) != level2_name(level1, indicator.level2)
    )


def _row_finding(code: str, message: str, row: ActualRow, column: str, file: str | None) -> Finding:
    """A finding located at ``row``'s cell in ``column`` (its Chinese column name)."""
    return finding(code, message, row.line, row.column(column), file, row.sheet)


def _project_of(index: _SpecIndex, row: ActualRow, file: str | None) -> Project | Finding:
    """The one project ``row`` names, or the finding why there is none (IK403)."""
    projects = index.projects_named(row.project)
    if len(projects) != 1:
        message = (
            f"没有项目“{row.project}” (no such project)"
            if not projects
            else f"“{row.project}”对应 {len(projects)} 个项目 (matches {len(projects)} "
            f"projects): " + "、".join(str(p.number) for p in projects)
        )
        return _row_finding("IK403", message, row, "项目", file)
    (project,) = projects
    if project.withheld is not None:
        return _row_finding(
            "IK403",
            f"项目 {project.number} 暂不公开，没有指标 (a withheld project has no table)",
            row,
            "项目",
            file,
        )
    return project


def _nearest_name(name: str, project: Project) -> str:
    """The project's indicator name nearest to ``name`` (``""`` when none is near)."""
    names = [indicator.name for indicator in project.indicators]
    close = difflib.get_close_matches(field_text(name), names, n=1, cutoff=0.5)
    return close[0] if close else ""


def _indicator_index(
    index: _SpecIndex, project: Project, row: ActualRow, file: str | None
) -> int | Finding:
    """The index of the one indicator of ``project`` that ``row`` names (IK404, IK405)."""
    matching = [
        at
        for at in index.indicators_named(project, row.name)
        if _indicator_matches(project.indicators[at], row)
    ]
    path = " / ".join(part for part in (row.level1, row.level2, row.name) if part)
    if not matching:
        missing = _row_finding(
            "IK404",
            f"项目 {project.number} 中没有指标“{path}” (no such indicator)",
            row,
            "三级指标",
            file,
        )
        nearest = _nearest_name(row.name, project)
        if nearest:
            missing = attrs.evolve(
                missing, suggestion=f"最接近的指标 / nearest indicator: “{nearest}”"
            )
        return missing
    if len(matching) > 1:
        return attrs.evolve(
            _row_finding(
                "IK405",
                f"“{path}”在项目 {project.number} 中对应 {len(matching)} 个指标 "
                f"(matches {len(matching)} indicators)",
                row,
                "三级指标",
                file,
            ),
            suggestion="填写一级指标、二级指标列 / fill in the level1 and level2 columns",
        )
    return matching[0]


def merge_actuals(
    spec: Spec, actuals: Actuals, *, spec_file: str | None = None
) -> tuple[Spec, list[Finding]]:
    """``spec`` with each row's actual, score, reason and 不适用 on its indicator, each
    project's 执行数 and 累计支出 on it, and the findings: what reading the file found, rows
    that match no project or indicator, or several, or whose 指标值 disagrees with the spec,
    two rows for one indicator, two different 执行数 for one project, bad values (all errors;
    such rows are not merged), an actual or 执行数 replacing one the spec had, and every
    indicator of a published project left without an actual (warnings, located in
    ``spec_file``, the spec's file).  Only projects' indicators are matched (a department's
    programmes are not in actuals files).  Time is linear in rows and indicators.  An
    argument of the wrong kind (a file name for ``actuals``) is an
    :class:`~indicatorkit.errors.ArgumentError`.

    >>> from indicatorkit import loads
    >>> from indicatorkit.formats.actuals_file import read_actuals
    >>> spec = loads("项目 1 甲\\n  预算：10000元\\n  指标 产出指标 / 数量指标 / 数\\n    指标值：≥1件\\n")
    >>> _, findings = merge_actuals(spec, read_actuals("项目,三级指标,实际值\\n乙,数,1件\\n"))
    >>> print(findings[0].render())
    <text>:2:1: IK403 error: 没有项目“乙” (no such project) — 项目找不到或不唯一 / the project matches none or several
    >>> merged, _ = merge_actuals(spec, read_actuals("项目,三级指标,实际值,执行数（元）\\n甲,,,9500\\n甲,数,2件,\\n"))
    >>> str(merged.projects[0].executed), merged.projects[0].indicators[0].actual
    ('9500元', '2件')
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("merge_actuals", "spec", "Spec", spec, "indicatorkit.load(path)")
    if not isinstance(actuals, Actuals):
        raise ArgumentError("merge_actuals", "actuals", "Actuals", actuals, ACTUALS_HINT)
    file = actuals.file
    findings: list[Finding] = list(actuals.findings)
    if actuals.rows and not any(row.project for row in actuals.rows):
        first = actuals.rows[0]
        problem = finding(
            "IK402", "没有一行写明项目 (no row names its project)", 1, 1, file, first.sheet
        )
        findings.append(
            attrs.evolve(problem, suggestion="每行写明项目编码、名称或编号 / name the project")
        )
        return spec, findings
    placed: dict[tuple[int, int], ActualRow] = {}
    spending: dict[int, _Spending] = {}
    index = _SpecIndex(spec)
    for row in actuals.rows:
        project = _project_of(index, row, file)
        if isinstance(project, Finding):
            if not (row.is_project_row and _empty_project_row(row)):
                findings.append(project)
            continue
        if row.executed is not None or row.spent is not None or row.is_project_row:
            if not _add_spending(
                spending.setdefault(project.number, _Spending()), row, findings, file
            ):
                continue
        if row.is_project_row:
            continue
        at = _indicator_index(index, project, row, file)
        if isinstance(at, Finding):
            findings.append(at)
            continue
        indicator = project.indicators[at]
        key = (project.number, at)
        if key in placed:
            findings.append(
                _row_finding(
                    "IK407",
                    f"第 {placed[key].line} 行已给出“{indicator.name}”的实际值 "
                    f"(line {placed[key].line} gave this indicator already)",
                    row,
                    "三级指标",
                    file,
                )
            )
            continue
        if row.target is not None and not _same_target(row.target, indicator, spec):
            findings.append(
                _row_finding(
                    "IK406",
                    f"指标值“{row.target}”与规格中的“{indicator.target_text}”不一致 "
                    f"(the target disagrees with the spec)",
                    row,
                    "指标值",
                    file,
                )
            )
            continue
        if _valid(row, indicator, findings, file):
            placed[key] = row
    spec = _with_spending(spec, spending, findings, file)
    return _merged(spec, placed, findings, file, spec_file)


@attrs.define
class _Spending:
    """What a project's rows say of its money, and the row that said each first."""

    executed: tuple[Amount, ActualRow] | None = None
    spent: tuple[SpendingPlan, ActualRow] | None = None
    reason: str = ""


def _empty_project_row(row: ActualRow) -> bool:
    return row.executed is None and row.spent is None and not row.reason


def _add_spending(
    spending: _Spending, row: ActualRow, findings: list[Finding], file: str | None
) -> bool:
    """Note ``row``'s 执行数, 累计支出 (and, on a project row, 偏差原因); False (with an IK407)
    when it disagrees with an earlier row of the project."""
    for name, value, column in (
        ("executed", row.executed, "执行数"),
        ("spent", row.spent, "累计支出"),
    ):
        if value is None:
            continue
        earlier = getattr(spending, name)
        if earlier is None:
            setattr(spending, name, (value, row))
        elif earlier[0] != value:
            findings.append(
                _row_finding(
                    "IK407",
                    f"第 {earlier[1].line} 行已给出不同的{column} (line {earlier[1].line} gave "
                    f"another {column})",
                    row,
                    column,
                    file,
                )
            )
            return False
    if row.is_project_row and row.reason:
        spending.reason = row.reason
    return True


def _with_spending(
    spec: Spec, spending: dict[int, _Spending], findings: list[Finding], file: str | None
) -> Spec:
    """``spec`` with each project's 执行数, 累计支出 and budget explanation from the rows."""
    if not spending:
        return spec
    projects = []
    for project in spec.projects:
        given = spending.get(project.number)
        if given is None:
            projects.append(project)
            continue
        executed = _replacing(
            project.executed,
            given.executed,
            "执行数",
            f"项目 {project.number} 的执行数“{{old}}”换为“{{new}}” (replaces the spec's 执行数)",
            findings,
            file,
        )
        spent = _replacing(
            project.spent,
            given.spent,
            "累计支出",
            f"项目 {project.number} 的累计支出换为文件中的 (replaces the spec's 累计支出)",
            findings,
            file,
        )
        projects.append(
            attrs.evolve(
                project,
                executed=executed,
                spent=spent,
                budget_reason=given.reason or project.budget_reason,
            )
        )
    return attrs.evolve(spec, projects=projects)


def _replacing(
    held: _Value | None,
    given: tuple[_Value, ActualRow] | None,
    column: str,
    message: str,
    findings: list[Finding],
    file: str | None,
) -> _Value | None:
    """The file's value of ``column`` where its rows give one — an IK410 (``message``, its
    ``{old}`` and ``{new}`` filled in) when it replaces another in the spec —, else the spec's."""
    if given is None:
        return held
    value, row = given
    if held is not None and held != value:
        findings.append(
            _row_finding("IK410", message.format(old=held, new=value), row, column, file)
        )
    return value


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
                _row_finding(
                    "IK409",
                    f"自评得分应为非负数 (the score must be a number ≥ 0): “{row.score}”",
                    row,
                    "自评得分",
                    file,
                )
            )
            return False
    try:
        _apply(indicator, row)
    except ValueError as error:
        findings.append(_row_finding("IK409", str(error), row, "实际值", file))
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
    spec_file: str | None,
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
                    at = indicator.where.at if indicator.where else Location(0)
                    findings.append(
                        attrs.evolve(
                            finding(
                                "IK408",
                                f"项目 {project.number} 的“{indicator.name}”没有实际值 "
                                f"(no row gives it an actual)",
                                at.line,
                                at.column if at.sheet else 1,
                                spec_file,
                                at.sheet,
                            ),
                            suggestion="在实际值文件中加一行，或填写“不适用” / add a row, or 不适用",
                        )
                    )
                indicators.append(indicator)
                continue
            if indicator.actual is not None and indicator.actual != row.actual:
                findings.append(
                    _row_finding(
                        "IK410",
                        f"“{indicator.name}”的实际值“{indicator.actual}”换为“{row.actual}” "
                        f"(replaces the spec's actual)",
                        row,
                        "实际值",
                        file,
                    )
                )
            indicators.append(_apply(indicator, row))
        projects.append(attrs.evolve(project, indicators=indicators))
    merged = attrs.evolve(spec, projects=projects)
    return merged, sorted(
        findings, key=lambda f: (f.file is None, f.sheet or "", f.line, f.column, f.code)
    )
