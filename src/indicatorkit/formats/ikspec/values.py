"""The typed values of a spec's fields: whole numbers, points, amounts and money, the budget,
spending plans, fund sources and targets — each read with the file's units, each problem a
finding at the characters it is about (IK019–IK022, IK030), ``None`` after one.

>>> from indicatorkit.formats.ikspec.outline import scan_outline
>>> reader = ValueReader("项目 1\\n  支出计划：3月底 30%，12月底 100%\\n", None)
>>> node = scan_outline(reader.lines)[0].children[0]
>>> [str(point.by) for point in reader.plan("3月底 30%，12月底 100%", node).checkpoints]
['3月底', '12月底']
>>> reader.plan("三月 30%", node), [(f.code, f.column) for f in reader.findings]
(None, [('IK022', 8)])
"""

from __future__ import annotations

import re
from fractions import Fraction

from indicatorkit.errors import TextError
from indicatorkit.formats.fund_sources_text import parse_fund_sources
from indicatorkit.formats.ikspec.fields import FieldReader, Fields, value_column
from indicatorkit.formats.ikspec.outline import Node
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.records import Budget, Checkpoint, FundSource, SpendingPlan
from indicatorkit.numerals import MAX_DIGITS, read_ratio
from indicatorkit.units import UnitRegistry

__all__ = ["ValueReader"]

#: Between the items of a list field: ， ； ; 、 — and "," unless it groups thousands
#: (``1,000人`` is one figure).
_SEPARATORS = re.compile(r"\s*(?:[，；;、]|(?<![0-9]),|,(?![0-9]{3}(?![0-9])))\s*")
_MONEY = "[money]"


class ValueReader(FieldReader):
    """Reads field values with ``units`` (``None``: the registry in use), see the module.

    >>> from indicatorkit.formats.ikspec.outline import scan_outline
    >>> reader = ValueReader("项目 1\\n  预算：10万元\\n  财政资金：8万元\\n", None)
    >>> values, _ = reader.fields(scan_outline(reader.lines)[0], "项目")
    >>> reader.budget(values)
    Budget(total=Amount('10万元'), fiscal=Amount('8万元'), other=None)
    """

    def __init__(self, text: str, file: str | None, units: UnitRegistry | None = None) -> None:
        super().__init__(text, file)
        self.units = units

    def integer(self, text: str, node: Node, what: str) -> int | None:
        if re.fullmatch(r"\d+", text.strip()) and len(text.strip()) <= MAX_DIGITS:
            return int(text)
        self.problem(
            "IK020",
            f"{what}应为整数 ({what} must be a whole number): “{text}”",
            node.line,
            value_column(node) if node.rest.startswith(("：", ":")) else node.rest_column,
        )
        return None

    def points(self, values: Fields, key: str) -> Fraction | None:
        """A 分值 field (an indicator's, the budget line's, the 总分 row's): a number ≥ 0, or
        ``None`` when not written or after a finding."""
        if key not in values:
            return None
        text, node = values[key]
        try:
            return read_ratio(text)
        except ValueError:
            self.problem(
                "IK020",
                f"{key}应为非负数 ({'weight' if key == '分值' else 'points'} must be a number ≥ 0): "
                f"“{text}”",
                node.line,
                value_column(node),
            )
            return None

    def amount(self, text: str, node: Node, what: str, dimension: str | None) -> Amount | None:
        """An amount (of ``dimension``, when given: ``[money]`` for money)."""
        column = value_column(node)
        try:
            value = parse_actual(text, units=self.units)
        except TextError as error:
            self.text_error(error, node.line, column, "IK021")
            return None
        if isinstance(value, Amount) and dimension in (None, value.unit.dimension):
            return value
        money = dimension == _MONEY
        self.problem(
            "IK021",
            f"{what}应为{'金额' if money else '数量'} "
            f"({what} must be {'money' if money else 'an amount'}): “{text}”",
            node.line,
            column,
            column + len(text),
            suggestion="例如“10000元”或“1.5万元” / e.g. 10000元" if money else None,
        )
        return None

    def money(self, values: Fields, key: str) -> Amount | None:
        """The money a field states, ``None`` when not written (or after a finding)."""
        if key not in values:
            return None
        return self.amount(*values[key], key, _MONEY)

    def amounts(self, text: str, node: Node) -> tuple[Amount, ...] | None:
        """A list of amounts (a goal's 数据)."""
        found = []
        failed = False
        for part in _SEPARATORS.split(text.strip()):
            if not part:
                continue
            amount = self.amount(part, node, "数据", None)
            failed |= amount is None
            if amount is not None:
                found.append(amount)
        return None if failed else tuple(found)

    def budget(self, values: Fields) -> Budget | bool | None:
        """The budget, ``None`` when none is given, ``False`` after a finding."""
        amounts: dict[str, Amount | None] = {}
        for key in ("预算", "财政资金", "其他资金"):
            if key in values:
                amounts[key] = self.money(values, key)
        if any(amount is None for amount in amounts.values()):
            return False
        if not amounts:
            return None
        total = amounts.get("预算")
        if total is None:
            first = values["财政资金"][1] if "财政资金" in values else values["其他资金"][1]
            self.problem(
                "IK019",
                "写了财政资金或其他资金，却没有预算数 (fiscal or other funds without a budget)",
                first.line,
                first.column,
            )
            return False
        return Budget(total, amounts.get("财政资金"), amounts.get("其他资金"))

    def fund_sources(self, values: Fields) -> tuple[FundSource, ...] | None:
        """``当年财政拨款 年初 10万元 全年 12万元 执行 11.4万元；上年结转资金 全年 0万元``:
        ``()`` when not written, ``None`` after a finding."""
        if "资金来源" not in values:
            return ()
        text, node = values["资金来源"]
        try:
            return parse_fund_sources(text, units=self.units)
        except ValueError as error:
            self.problem("IK021", str(error), node.line, value_column(node))
            return None

    def plan(self, text: str, node: Node, what: str = "支出计划") -> SpendingPlan | None:
        """A spending plan (or, ``what`` = 累计支出, what was spent): ``3月底 30%，…``."""
        if not text.strip():
            return None  # an empty field is a field not given
        checkpoints = []
        for part in _SEPARATORS.split(text.strip()):
            checkpoint = self.checkpoint(part, text, node, what)
            if checkpoint is None:
                return None
            checkpoints.append(checkpoint)
        return SpendingPlan(tuple(checkpoints))

    def checkpoint(self, part: str, text: str, node: Node, what: str) -> Checkpoint | None:
        """One ``时点 比例`` of a spending plan ``text``."""
        column = value_column(node)
        pieces = part.split()
        if len(pieces) != 2:
            self.problem(
                "IK022",
                f"{what}的每一项应为“时点 比例” (each entry is 'checkpoint share'): “{part}”",
                node.line,
                column,
                column + len(text),
                suggestion="例如“3月底 30%，6月底 60%，10月底 80%，12月底 100%”",
            )
            return None
        try:
            point = parse_actual(pieces[0], units=self.units)
            share = parse_actual(pieces[1], units=self.units)
        except TextError as error:
            offset = text.find(error.text)
            self.text_error(error, node.line, column + max(offset, 0), "IK022")
            return None
        if isinstance(point, DatePoint) and isinstance(share, Amount):
            if share.unit.dimension == "[ratio]":
                return Checkpoint(point, share)
        self.problem(
            "IK022",
            f"{what}的一项无效 (invalid checkpoint): “{part}”",
            node.line,
            column,
            column + len(text),
            suggestion="时点写作“3月底”或“6月30日”，比例写作“30%”"
            + (
                "；金额请先除以预算数 / a share of the budget: divide an amount by it"
                if what == "累计支出"
                else ""
            ),
        )
        return None

    def field_plan(self, values: Fields, key: str = "支出计划") -> SpendingPlan | bool | None:
        """The plan a field states: ``None`` when not written (or empty), ``False`` after a
        finding."""
        text, node = values.get(key, ("", None))
        if node is None or not text.strip():
            return None
        plan = self.plan(text, node, key)
        return False if plan is None else plan

    def target(self, text: str, node: Node) -> LenientParse | None:
        """A target's reading (lenient); ``None`` after a finding (IK030)."""
        try:
            read = parse_target(text, lenient=True, units=self.units)
            undeclared = read.undeclared_unit()
            if undeclared is not None:
                raise undeclared
            return read
        except TextError as error:
            self.text_error(error, node.line, value_column(node), "IK030")
            return None
