"""Self-assessment tables (自评表, layout B of the table layouts) from any table source: the
rows a PDF's ruled tables give, a Word document's tables, the text form's tab-indented cells.

The rows are read by what they say, wherever they sit:

- ``项目名称 | …`` opens a project (one file may hold several); ``实施单位`` gives its unit;
- the budget block under ``项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | …``: the
  ``年度资金总额`` row gives the budget (年初), the adjusted budget (全年) and the money spent
  (执行数), in the caption's unit; ``其中：当年财政拨款`` and ``其他资金`` the fiscal and other funds;
- ``年度总体目标 | 预期目标 | 实际完成情况``: the project's goal;
- the indicator header ``一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
  偏差原因分析及改进措施``: each row below is an indicator with its target, actual
  (:attr:`~indicatorkit.model.records.Indicator.actual`), weight (``weight``) and printed score
  (``evaluator_score``); merged level-1 and level-2 cells carry down, a level-1 cell's points
  (``产出指标(50分)``) are taken off its name, a running prefix ``指标1:`` off the level-3 name;
- ``总分`` ends the project's table; its printed weight total is checked against the rows'.

Template leftovers (rows with no name and no target, ``……``) are reported and skipped; what the
spec has no field for (主管部门, 上年结转资金, 实际完成情况, printed totals and grades, titles) is an
info finding, so nothing is dropped silently.

>>> from indicatorkit.formats.document_blocks import text_blocks
>>> rows = ["项目名称\\t法律援助", "一级指标\\t二级指标\\t三级指标\\t年度指标值\\t实际完成值\\t分值\\t得分",
...         "产出指标(50分)\\t数量指标\\t受理数\\t≥180件\\t175件\\t50\\t48.61"]
>>> text = "\\n\\n".join("\\n".join("\\t" + cell for cell in row.split("\\t")) for row in rows)
>>> imported = read_self_assessment(text_blocks(text), source="自评.txt")
>>> indicator = imported.spec.projects[0].indicators[0]
>>> indicator.level1, indicator.actual, indicator.weight, str(indicator.evaluator_score)
('产出指标', '175件', Fraction(50, 1), '4861/100')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.formats.document_blocks import (
    Block,
    Cell,
    Paragraph,
    TableRow,
    compact,
    finding_at,
)
from indicatorkit.formats.imported import Imported, spec_units
from indicatorkit.formats.table_text import in_stated_unit
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.values import Amount
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Budget, Indicator, Location, Project, Spec, Where
from indicatorkit.numerals import format_decimal, read_decimal

__all__ = ["CODES", "is_self_assessment", "read_self_assessment"]

CODES: Final[dict[str, str]] = {
    "IK651": "没有找到自评表 / no self-assessment table found",
    "IK652": "表格行无法识别或是模板残留，未导入 / a row not understood or a template leftover, not imported",
    "IK653": "数字无法读出 / a number that cannot be read",
    "IK654": "合计与各行之和不符 / a printed total that disagrees with the rows",
    "IK656": "规格没有位置的打印内容（主管部门、实际完成情况、打印的合计与等级），未导入 / printed content the spec has no field for",
}

_POINTS: Final = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_RUNNING: Final = re.compile(r"^\*?\s*指标\s*\d+\s*[:：]\s*")
_MONEY_UNIT: Final = re.compile(r"[（(]\s*(万元|元)\s*[)）]")
_LEFTOVER: Final = re.compile(r"^[.…。·*＊\s]*$")
_SCORE_WORDS: Final = ("分值", "得分", "权重", "实际完成值", "全年完成值", "完成值")
_INDICATOR_HEADER: Final = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "年度指标值": "target",
    "指标值": "target",
    "年初目标值": "target",
    "实际完成值": "actual",
    "全年完成值": "actual",
    "完成值": "actual",
    "分值": "weight",
    "权重": "weight",
    "得分": "score",
    "偏差原因分析及改进措施": "reason",
    "偏差原因": "reason",
    "未完成原因和改进措施": "reason",
}


def is_self_assessment(blocks: Sequence[Block]) -> bool:
    """True when a table row is a self-assessment's indicator header (一级指标 with 分值, 得分
    or 实际完成值 beside it).

    >>> from indicatorkit.formats.document_blocks import text_blocks
    >>> is_self_assessment(text_blocks("\\t一级指标\\n\\t三级指标\\n\\t分值\\n\\t得分"))
    True
    >>> is_self_assessment(text_blocks("\\t一级指标\\n\\t三级指标\\n\\t指标值"))
    False
    """
    for block in blocks:
        if isinstance(block, TableRow):
            labels = {compact(text) for text in block.texts()}
            if "一级指标" in labels and labels & set(_SCORE_WORDS):
                return True
    return False


def read_self_assessment(blocks: Sequence[Block], *, source: str) -> Imported:
    """Assemble the self-assessment projects the blocks' table rows describe.

    >>> from indicatorkit.formats.document_blocks import Cell, TableRow
    >>> def row(line, *texts):
    ...     return TableRow(tuple(Cell(t, line, n, "第1页") for n, t in enumerate(texts, 1)))
    >>> rows = [row(1, "项目名称", "法律援助"),
    ...         row(2, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"),
    ...         row(3, "产出指标", "数量指标", "受理数", "≥180件", "175件", "50")]
    >>> imported = read_self_assessment(rows, source="自评.pdf")
    >>> indicator = imported.spec.projects[0].indicators[0]
    >>> indicator.name, str(indicator.target), indicator.actual, indicator.weight
    ('受理数', '≥180件', '175件', Fraction(50, 1))
    >>> [(f.code, f.severity.value) for f in read_self_assessment([], source="空.pdf").findings]
    [('IK651', 'error')]
    """
    return _Reader(source).read(blocks)


@attrs.define
class _Draft:
    number: int
    name: str
    where: Where
    unit: str = ""
    budget: Budget | None = None
    adjusted: Amount | None = None
    executed: Amount | None = None
    budget_points: Fraction | None = None
    weight_total: Fraction | None = None
    fiscal: Amount | None = None
    other: Amount | None = None
    goal: str = ""
    indicators: list[Indicator] = attrs.Factory(list)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.findings: list[Finding] = []
        self.drafts: list[_Draft] = []
        self.header: dict[str, int] | None = None
        #: The 实际完成值 header as printed: a unit it states (实际完成值（元）) is the actuals'.
        self.actual_header = ""
        self.budget_header: dict[str, int] | None = None
        self.money = "万元"
        self.level1 = self.level2 = ""
        self.goal_header: dict[str, int] | None = None

    def say(self, code: str, severity: Severity, message: str, at: Cell | Paragraph) -> None:
        self.findings.append(finding_at(at, code, severity, message, file=self.source))

    def read(self, blocks: Sequence[Block]) -> Imported:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.say(
                    "IK656",
                    Severity.INFO,
                    f"表外的文字“{block.text[:40]}”未导入 (text outside the tables; not imported)",
                    block,
                )
            elif not block.is_blank():
                self.row(list(block.cells))
        projects = [self.project(draft) for draft in self.drafts]
        if not projects:
            self.findings.append(
                Finding(
                    "IK651",
                    Severity.ERROR,
                    "没有找到自评表（需要“项目名称”行和“一级指标 … 分值 得分”表头）"
                    "(no self-assessment table: no 项目名称 row and indicator header)",
                    1,
                    file=self.source,
                )
            )
            return Imported(None, tuple(self.findings), self.source)
        spec: Spec | None = None
        try:
            spec = Spec(projects=projects, units=spec_units(None, projects))
        except IndicatorkitError as error:
            self.findings.append(Finding("IK652", Severity.ERROR, str(error), 1, file=self.source))
        return Imported(spec, tuple(self.findings), self.source)

    def project(self, draft: _Draft) -> Project:
        budget = draft.budget
        if budget is not None and (draft.fiscal or draft.other):
            budget = Budget(budget.total, draft.fiscal, draft.other)
        return Project(
            draft.number,
            draft.name,
            unit=draft.unit,
            goal=draft.goal,
            budget=budget,
            adjusted_budget=draft.adjusted,
            executed=draft.executed,
            budget_weight=draft.budget_points,
            weight_total=draft.weight_total,
            indicators=draft.indicators,
            where=draft.where,
        )

    def row(self, row: list[Cell]) -> None:
        labels = [compact(cell.text) for cell in row]
        first = next((label for label in labels if label), "")
        if first == "项目名称":
            value = next((c.text for c in row[labels.index("项目名称") + 1 :] if c.text), "")
            self.drafts.append(
                _Draft(len(self.drafts) + 1, value.replace("\n", ""), Where(Location(row[0].line)))
            )
            self.header = self.budget_header = None
            self.level1 = self.level2 = ""
            return
        if not self.drafts:
            self.say(
                "IK652",
                Severity.WARNING,
                "“项目名称”之前的表格行，未导入 (a row before any 项目名称; not imported)",
                row[0],
            )
            return
        draft = self.drafts[-1]
        if "实施单位" in labels or "主管部门" in labels:
            if "实施单位" in labels:
                at = labels.index("实施单位")
                unit = next((c.text for c in row[at + 1 :] if c.text), "")
                draft.unit = unit.replace("\n", "")
            if "主管部门" in labels:
                at = labels.index("主管部门")
                department = next(iter(row[at + 1 : at + 2]), None)
                if department is not None and department.text and labels[at + 1] != "实施单位":
                    self.unkept(department, "主管部门")
            return
        if "一级指标" in labels and any(label in ("分值", "得分", "权重") for label in labels):
            self.header, self.actual_header = {}, ""
            for index, label in enumerate(labels):
                key = _INDICATOR_HEADER.get(label) or _INDICATOR_HEADER.get(
                    re.sub(r"[（(].*?[)）]", "", label)
                )
                if key and key not in self.header:
                    self.header[key] = index
                    if key == "actual":
                        self.actual_header = label  # 实际完成值（元）: the actuals' unit
            return
        if any("预算数" in label for label in labels) and any(
            "执行数" in label for label in labels
        ):
            money = _MONEY_UNIT.search(" ".join(labels))
            self.money = money[1] if money else "万元"
            self.budget_header = {}
            for index, label in enumerate(labels):
                if "年初预算数" in label:
                    self.budget_header["budget"] = index
                elif "全年预算数" in label:
                    self.budget_header["adjusted"] = index
                elif "执行数" in label:
                    self.budget_header["executed"] = index
                elif label == "分值":
                    self.budget_header["points"] = index
            return
        if first.startswith("年度资金总额") and self.budget_header is not None:
            self.budget_row(draft, row)
            return
        if first.startswith(("其中", "上年结转", "其他资金")) and self.header is None:
            self.breakdown_row(draft, row, first)
            return
        if first.startswith(("年度总体目标", "总体目标")) and self.header is None:
            self.goal_row(draft, row, labels)
            return
        if self.goal_header is not None and self.header is None:
            self.goal_texts(draft, row, self.goal_header)
            return
        if first in ("总分", "合计") or first.startswith("总分"):
            self.total_row(draft, row, labels)
            self.header = None
            return
        if self.header is not None:
            self.indicator_row(draft, row)
            return
        self.say(
            "IK652",
            Severity.WARNING,
            f"无法识别的表格行“{' | '.join(c.text for c in row if c.text)}”，未导入 "
            f"(a row this reader does not understand; not imported)",
            next(c for c in row if c.text),
        )

    def unkept(self, cell: Cell, what: str) -> None:
        self.say(
            "IK656",
            Severity.INFO,
            f"{what}“{cell.text}”未导入：规格没有这一项 (not imported: the spec has no field for "
            f"it)",
            cell,
        )

    def breakdown_row(self, draft: _Draft, row: list[Cell], first: str) -> None:
        """``其中：当年财政拨款`` gives the fiscal funds, ``其他资金`` the other funds (年初预算数);
        ``上年结转资金`` has no field."""
        index = (self.budget_header or {}).get("budget")
        cell = row[index] if index is not None and index < len(row) else None
        if cell is None or not cell.text or cell.text in ("-", "—", "/"):
            return
        if "财政" in first:
            draft.fiscal = self.amount(cell)
        elif first.startswith("其他资金"):
            draft.other = self.amount(cell)
        else:
            self.unkept(cell, first)

    def goal_row(self, draft: _Draft, row: list[Cell], labels: list[str]) -> None:
        """``年度总体目标 | 预期目标 | 实际完成情况``: a header, the texts on the next row; or
        the texts on this row after the label."""
        if "预期目标" in labels:
            self.goal_header = {"goal": labels.index("预期目标")}
            if "实际完成情况" in labels:
                self.goal_header["done"] = labels.index("实际完成情况")
            return
        texts = [c for c in row[1:] if c.text]
        self.goal_texts(draft, row, {"goal": row.index(texts[0])} if texts else {})
        for extra in texts[1:]:
            self.unkept(extra, "实际完成情况")

    def goal_texts(self, draft: _Draft, row: list[Cell], header: dict[str, int]) -> None:
        self.goal_header = None
        goal = header.get("goal")
        if goal is not None and goal < len(row):
            draft.goal = row[goal].text
        done = header.get("done")
        if done is not None and done < len(row) and row[done].text:
            self.unkept(row[done], "实际完成情况")

    def amount(self, cell: Cell) -> Amount | None:
        text = cell.text.replace(",", "").replace("，", "")
        if not text or text in ("-", "—", "/"):
            return None
        try:
            amount = parse_actual(text + self.money if text[-1].isdigit() else text)
            if isinstance(amount, Amount) and amount.unit.dimension == "[money]":
                return amount
        except IndicatorkitError:
            pass
        self.say("IK653", Severity.ERROR, f"金额“{cell.text}”无法读出 (not an amount)", cell)
        return None

    def budget_row(self, draft: _Draft, row: list[Cell]) -> None:
        header = self.budget_header or {}
        values = {
            key: self.amount(row[index]) if index < len(row) else None
            for key, index in header.items()
            if key != "points"
        }
        if "points" in header and header["points"] < len(row):
            draft.budget_points = self.number(row[header["points"]], "分值")
        budget = values.get("budget") or values.get("adjusted")
        if budget is not None:
            draft.budget = Budget(budget)
        draft.adjusted = values.get("adjusted")
        draft.executed = values.get("executed")

    def number(self, cell: Cell | None, what: str) -> Fraction | None:
        if cell is None or not cell.text or cell.text in ("-", "—", "/"):
            return None
        text = cell.text.removesuffix("分").strip()
        try:
            value = read_decimal(text.removesuffix("%"))
        except (IndicatorkitError, ValueError, ArithmeticError):
            value = None
        if value is None or value < 0:
            self.say(
                "IK653",
                Severity.ERROR,
                f"{what}“{cell.text}”不是非负数，未导入 (not a number ≥ 0; not imported)",
                cell,
            )
            return None
        return value

    def indicator_row(self, draft: _Draft, row: list[Cell]) -> None:
        header = self.header or {}

        def cell(key: str) -> Cell | None:
            index = header.get(key)
            return row[index] if index is not None and index < len(row) else None

        def text(key: str) -> str:
            found = cell(key)
            return found.text if found is not None else ""

        level1 = _POINTS.sub("", text("level1")).replace("\n", "").strip()
        if text("level1"):
            self.level1, self.level2 = level1 or self.level1, ""
        if text("level2"):
            self.level2 = text("level2").replace("\n", "")
        name = _RUNNING.sub("", text("name").replace("\n", "")).strip()
        target_cell = cell("target")
        target_text = target_cell.text.replace("\n", "") if target_cell else ""
        if _LEFTOVER.match(name) and _LEFTOVER.match(target_text):
            self.say(
                "IK652",
                Severity.INFO,
                "空的模板行，未导入 (an empty template row; not imported)",
                row[0],
            )
            return
        if target_cell is None or not target_text:
            self.say(
                "IK652",
                Severity.ERROR,
                f"指标“{name}”没有指标值，未导入 (no target; not imported)",
                target_cell or row[0],
            )
            return
        try:
            target = parse_target(target_text, lenient=True)
        except IndicatorkitError as error:
            message = error.message if isinstance(error, TextError) else str(error)
            self.say(
                "IK652",
                Severity.ERROR,
                f"指标值“{target_text}”无法读出，未导入：{message} (the target cannot be read)",
                target_cell,
            )
            return
        for diagnostic in target.diagnostics:
            self.say(
                "IK652",
                Severity.WARNING,
                f"指标值“{target_text}”：{diagnostic.message}（{diagnostic.code}）",
                target_cell,
            )
        weight = self.number(cell("weight"), "分值")
        score = self.number(cell("score"), "得分")
        actual = in_stated_unit(text("actual").replace("\n", ""), self.actual_header)
        try:
            draft.indicators.append(
                Indicator(
                    self.level1,
                    self.level2,
                    name,
                    target.target,
                    target_text=target_text,
                    weight=weight,
                    actual=actual or None,
                    evaluator_score=score,
                    reason=text("reason"),
                    where=Where(Location(row[0].line, 1)),
                )
            )
        except IndicatorkitError as error:
            self.say("IK652", Severity.ERROR, str(error), row[0])

    def total_row(self, draft: _Draft, row: list[Cell], labels: list[str]) -> None:
        header = self.header or {}
        index = header.get("weight")
        for at, cell in enumerate(row):
            if cell.text and at not in (0, index):
                self.unkept(cell, "打印的总分或等级")
        if index is None or index >= len(row) or not row[index].text:
            return
        printed = self.number(row[index], "总分")
        weights = [i.weight for i in draft.indicators if i.weight is not None]
        total = sum(weights, Fraction(0))
        sums = {total, total + (draft.budget_points or 0)}
        if printed is not None and not (weights and printed == total and draft.budget_points):
            draft.weight_total = printed  # the 总分 row's 分值, the budget line's included
        if printed is not None and weights and printed not in sums:
            self.say(
                "IK654",
                Severity.WARNING,
                f"总分的分值 {row[index].text} 与各指标分值之和 {format_decimal(total)}"
                f"（加预算执行 {format_decimal(draft.budget_points or Fraction(0))}）不符 "
                f"(the printed weight total disagrees with the rows' sum)",
                row[index],
            )
