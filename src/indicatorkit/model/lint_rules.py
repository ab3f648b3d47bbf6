"""The lint rules: each code with its severity and what it checks, and the list one lint run
fills, each finding placed where its record or field was read.

The rules are a table, one rule a line (code, severity, what it checks in Chinese / English;
an indented line continues the one above):

>>> RULES["IK201"]
(<Severity.ERROR: 'error'>, '指标值的运算符有笔误 / the operator of the target has a typo')
>>> found = FindingList("表.ikspec")
>>> found.add("IK108", "", None)
>>> [(f.code, f.line, f.file) for f in found.findings]
[('IK108', 0, '表.ikspec')]
"""

from __future__ import annotations

import re

from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.places import Location, Where

__all__ = ["RULES", "FindingList"]

_TABLE = """
IK101 error   一级指标不在全国框架内 / level-1 name outside the national framework
IK102 warning 一级或二级指标用了旧称或别称 / an older or other name of a framework level
IK103 warning 二级指标不在该一级指标之下 / level-2 name outside its level-1
IK104 warning 指标缺少一级、二级或三级名称 / a level name is missing
IK105 warning 项目缺少某类一级指标 / a level-1 category is missing
IK106 warning 三级指标名称重复 / duplicate indicator name
IK107 info    指标描述只是重复名称 / the description only repeats the name
IK108 warning 缺少指标值确定依据 / the basis of the target is missing
IK109 info    三级指标名称疑似被截断 / the name looks cut short
IK110 warning 括号不配对 / unbalanced brackets
IK201 error   指标值的运算符有笔误 / the operator of the target has a typo
IK202 warning 名称要求数值，指标值却是定性描述 / a number is promised, a sentence given
IK203 warning 比率类指标的指标值缺少%单位 / a rate without a percent sign
IK204 warning 指标值方向与指标性质相反 / the bound points the wrong way
IK205 warning 指定的方向与运算符矛盾 / the direction contradicts the operator
IK206 warning 指标值需要修整才能读取 / the target needed tidying to be read
IK207 warning 定量指标的自评得分与实际值不符（由计分规则计算） /
              an evaluator score on a quantitative indicator that its actual contradicts
IK208 error   自评得分超过分值 / the evaluator score exceeds the weight
IK209 warning 自评中的指标既无实际值也未标不适用 / an assessed table's indicator has no actual
IK210 error   时效指标的指标值像是 Excel 日期序列号 / a 时效指标 target that looks like an Excel date serial
IK211 warning 不超过100%的比率，指标值却超过100% /
              a share that cannot exceed 100% has a target above it
IK212 warning 指标值只列出评价等级，没有写明目标 / the target lists the grades, not the one aimed at
IK213 warning 实际值未写单位，按指标值的单位读不合理 / a bare actual is implausible in the target's unit
IK214 warning 成本指标的指标值没有运算符，按“≤”读取 / a cost target without an operator is read as ≤
IK301 error   资金支出计划不递增或未到100% / the spending plan decreases or ends below 100%
IK302 error   财政资金 + 其他资金 ≠ 预算数 / fiscal + other funds ≠ budget
IK303 warning 公开的项目没有预算或指标 / a published project has no budget or indicators
IK304 warning 部门目标编号不连续或重复 / goal numbers skip or repeat
IK305 warning 说明中的三级指标个数与实际不符 / the summary's indicator count is wrong
IK306 warning 只有部分指标给了分值 / only some indicators have a weight
IK307 warning 累计支出下降、时点无序或超过100% /
              cumulative spending decreases, is out of order or exceeds 100%
IK308 warning 执行数超过预算数 / execution exceeds the budget
IK309 warning 各指标分值加预算执行率分值不等于 100（或表中总分） /
              the weights and the budget line do not total 100 (or the printed 总分)
"""


def _rules(table: str) -> dict[str, tuple[Severity, str]]:
    rules: dict[str, tuple[Severity, str]] = {}
    for line in re.sub(r"\n\s+", " ", table.strip()).split("\n"):
        code, severity, text = line.split(maxsplit=2)
        rules[code] = (Severity(severity), text)
    return rules


#: Code → (severity, what it checks).
RULES: dict[str, tuple[Severity, str]] = _rules(_TABLE)


class FindingList:
    """The findings of one lint run about the file ``file``, each placed at the record or
    field it is about (records built in code: line 0).

    >>> found = FindingList("目标.ikspec")
    >>> found.add("IK107", "", None)
    >>> [(f.code, f.severity.value, f.file, f.line) for f in found.findings]
    [('IK107', 'info', '目标.ikspec', 0)]
    """

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.findings: list[Finding] = []

    def add(
        self,
        code: str,
        message: str,
        where: Where | None,
        field: str | None = None,
        suggestion: str | None = None,
    ) -> None:
        location = Location(0, 0) if where is None else where.of(field) if field else where.at
        severity, rule = RULES[code]
        self.findings.append(
            Finding(
                code,
                severity,
                f"{message} — {rule}" if message else rule,
                location.line,
                location.column,
                suggestion=suggestion,
                file=self.file,
                sheet=location.sheet,
            )
        )
