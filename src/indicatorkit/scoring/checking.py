"""Checking rows of actuals against their targets, one by one (``indicatorkit check``): each
row's actual against the target written beside it, with the exact attainment ratio — no spec
needed.  The rows come from an actuals file
(:func:`~indicatorkit.formats.actuals_file.read_actuals`) or from a self-assessment spec
(:func:`spec_rows`).  A row that cannot be checked is a located finding (``IK5xx``); one bad
row never stops the rest.

>>> from indicatorkit.formats.actuals_file import read_actuals
>>> actuals = read_actuals("项目\\t指标\\t指标值\\t实际完成值\\n甲\\t满意度\\t≥95%\\t96%\\n甲\\t受理数\\t≥200件\\t\\n")
>>> checked = list(check_actuals(actuals.rows))
>>> checked[0].result.met, checked[0].attainment
(True, Fraction(96, 95))
>>> print(checked[1].render())
<text>:3:4: IK513 error: “实际值 actual”是空的 / the cell 实际值 (actual) is empty
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.language.actuals import actual_reading
from indicatorkit.language.interval_actual import check_actual
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import CheckResult, Qualitative
from indicatorkit.model.actuals import ActualRow
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Spec
from indicatorkit.scoring.attainment import attainment
from indicatorkit.units import UnitRegistry, registry_in_use

__all__ = ["CODES", "CheckedRow", "check_actuals", "spec_rows"]

#: The finding codes of checking rows: code → what it means.
CODES: Final[dict[str, str]] = {
    "IK503": "没有可核对的行 / nothing to check",
    "IK504": "表头没有指标值列 / the header has no target column",
    "IK513": "指标值或实际值是空的 / the target or actual is empty",
    "IK521": "指标值无法读取 / the target cannot be read",
    "IK522": "实际值无法读取或与指标值不可比较 / the actual cannot be read or compared",
}
_SHOWN: Final = {"指标值": "指标值 target", "实际值": "实际值 actual"}


@attrs.frozen
class CheckedRow:
    """A row checked: the result and, for a numeric target, the exact attainment ratio.

    >>> row = ActualRow(2, "", "", "", "受理数", "150件", "≥200件")
    >>> [checked] = check_actuals([row])
    >>> checked.result.met, checked.attainment
    (False, Fraction(3, 4))
    """

    row: ActualRow
    result: CheckResult
    attainment: Fraction | None


def _finding(code: str, message: str, row: ActualRow, column: str, file: str | None) -> Finding:
    return Finding(
        code,
        Severity.ERROR,
        message,
        row.line,
        row.column(column),
        file=file,
        sheet=row.sheet,
    )


def _error_finding(
    code: str, error: IndicatorkitError, row: ActualRow, column: str, file: str | None
) -> Finding:
    message = error.message if isinstance(error, TextError) else str(error).splitlines()[0]
    text = row.target if column == "指标值" else row.actual
    return attrs.evolve(
        _finding(code, f"{type(error).__name__}: “{text}”：{message}", row, column, file),
        suggestion=error.suggestion if isinstance(error, TextError) else None,
    )


def check_actuals(
    items: Iterable[ActualRow | Finding],
    *,
    file: str | None = None,
    units: UnitRegistry | None = None,
) -> Iterator[CheckedRow | Finding]:
    """Check each row's actual against its target (read with ``units``, the default registry
    when ``None``); findings pass through; a project's own row (no indicator, target or
    actual: its 执行数 and 累计支出) has nothing to check; a row without a target or an
    actual (IK513), or whose target or actual cannot be read (IK521, IK522), becomes one,
    located in ``file``.

    >>> rows = [ActualRow(2, "", "", "", "甲", "96%", "≥95%"), ActualRow(3, "", "", "", "乙", "96元", "≥95%")]
    >>> [type(item).__name__ for item in check_actuals(rows)]
    ['CheckedRow', 'Finding']
    """
    for item in items:
        if isinstance(item, Finding):
            yield item
            continue
        if not (item.name or item.target or item.actual):
            continue  # a project's own row (执行数, 累计支出): no indicator to check
        if not item.target or not item.actual:
            empty = "指标值" if not item.target else "实际值"
            chinese, english = _SHOWN[empty].split(" ")
            yield _finding(
                "IK513",
                f"“{_SHOWN[empty]}”是空的 / the cell {chinese} ({english}) is empty",
                item,
                empty,
                file,
            )
            continue
        try:
            target = parse_target(item.target, units=units)
        except IndicatorkitError as error:
            yield _error_finding("IK521", error, item, "指标值", file)
            continue
        registry = registry_in_use() if units is None else units
        read = None if isinstance(target, Qualitative) else actual_reading(item.actual, registry)
        try:  # as ``score`` decides, the actual read once (the check and its attainment)
            result = check_actual(target, item.actual, units=units, read=read)
            ratio = attainment(result)
        except IndicatorkitError as error:
            yield _error_finding("IK522", error, item, "实际值", file)
            continue
        yield CheckedRow(item, result, ratio)


def spec_rows(spec: Spec) -> Iterator[ActualRow]:
    """The rows ``indicatorkit check`` checks in a self-assessment spec: one for each project
    indicator with an actual (in the spec, or merged onto it from an actuals file), labelled
    with the project and the indicator, located at the actual's line and column in the spec.
    Indicators that do not apply, or have no actual yet, have no row.

    >>> from indicatorkit import loads
    >>> spec = loads('''项目 1 法律援助
    ...   指标 产出指标 / 数量指标 / 受理数
    ...     指标值：≥180件
    ...     实际值：200件
    ...   指标 满意度指标 / 服务对象满意度指标 / 满意度
    ...     指标值：≥90%
    ... ''')
    >>> [row] = spec_rows(spec)
    >>> row.line, row.labels, row.target, row.actual, row.column("实际值")
    (4, ('法律援助', '受理数'), '≥180件', '200件', 9)
    >>> [(checked.result.met, checked.attainment) for checked in check_actuals([row])]
    [(True, Fraction(10, 9))]
    """
    for project in spec.projects:
        for indicator in project.indicators:
            if indicator.actual is None or indicator.not_applicable is not None:
                continue
            fields = indicator.where.fields if indicator.where is not None else {}
            at = fields.get("actual") or (indicator.where.at if indicator.where else None)
            target_at = fields.get("target")
            yield ActualRow(
                line=at.line if at else 0,
                project=project.name or f"项目 {project.number}",
                level1="",
                level2="",
                name=indicator.name,
                actual=indicator.actual,
                target=indicator.target_text,
                columns={
                    "指标值": target_at.column if target_at else 1,
                    "实际值": at.column if at else 1,
                },
                sheet=at.sheet if at else None,
            )
