"""Actuals matched onto a spec: rows that say, per project and indicator, what happened
(实际值, 自评得分, 偏差原因, 不适用), and the merge that puts each on exactly one indicator —
or says, located, why it cannot.  Reading the rows from a file is a format's job
(:mod:`indicatorkit.formats.actuals_file`); this is the model's.
"""

from __future__ import annotations

from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.parse import parse_target
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.lint import LEVEL1_ALIASES
from indicatorkit.model.records import Indicator, Project, Spec, field_text
from indicatorkit.numerals import read_ratio

__all__ = ["CODES", "ActualRow", "Actuals", "finding", "merge_actuals"]

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
    """One data row: what it says, where (its line, and each column's number).

    >>> from indicatorkit.formats.actuals_file import read_actuals
    >>> row = read_actuals("项目,三级指标,实际值\\n1,受理数,175件\\n").rows[0]
    >>> row.line, row.project, row.name, row.actual
    (2, '1', '受理数', '175件')
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

    def column(self, name: str) -> int:
        """The 1-based column number of ``name`` (its Chinese column name)."""
        return self.columns.get(name, 1)


@attrs.frozen
class Actuals:
    """The rows of an actuals file, in order, and the file's name (``None`` for text).

    >>> from indicatorkit.formats.actuals_file import read_actuals
    >>> actuals = read_actuals("项目,三级指标,实际值\\n1,受理数,175件\\n1,满意度,95%\\n", file="实际值.csv")
    >>> len(actuals.rows), actuals.file
    (2, '实际值.csv')
    """

    rows: tuple[ActualRow, ...]
    file: str | None = None


def finding(code: str, message: str, line: int, column: int, file: str | None) -> Finding:
    """A finding of the actuals family (IK401–IK410).

    >>> print(finding("IK404", "没有这个指标 (no such indicator)", 3, 2, "实际值.csv").render())
    实际值.csv:3:2: IK404 error: 没有这个指标 (no such indicator) — 指标在项目中找不到 / the indicator matches none
    """
    severity, what = CODES[code]
    return Finding(code, severity, f"{message} — {what}", line, column, file=file)


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
    >>> from indicatorkit.formats.actuals_file import read_actuals
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
            findings.append(finding("IK403", message, *where, file))
            continue
        (project,) = projects
        if project.withheld is not None:
            findings.append(
                finding(
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
                finding(
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
                    finding(
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
                finding(
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
                finding(
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
                finding(
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
        findings.append(finding("IK409", str(error), row.line, row.column("实际值"), file))
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
                            finding(
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
                    finding(
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
