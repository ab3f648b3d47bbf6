"""Lint: the checks a finance reviewer makes when auditing targets (绩效目标审核).

Each check has a stable code; :data:`RULES` lists them all.  Findings point at the file
position a record or field was read from (``Where``); for a spec built in code they have
line 0.

>>> from indicatorkit import loads
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   财政资金：9000元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：,=100
... ''')
>>> [f.code for f in lint(spec)]
['IK105', 'IK105', 'IK302', 'IK108', 'IK201']
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

import attrs

from indicatorkit.errors import ArgumentError, IndicatorkitError
from indicatorkit.language.bare_numbers import other_reading, target_unit, two_readings
from indicatorkit.language.bounds import Direction
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.targets import (
    DATE_SERIALS,
    Comparison,
    Qualitative,
    Range,
    serial_date,
)
from indicatorkit.language.values import Amount
from indicatorkit.model.cost_direction import implied_direction
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.printed_score import score_problem
from indicatorkit.model.records import (
    Department,
    Indicator,
    Location,
    Programme,
    Project,
    Spec,
    SpendingPlan,
    Where,
)
from indicatorkit.numerals import format_decimal
from indicatorkit.units import NO_UNIT, UnitRegistry
from indicatorkit.vocabulary import LEVEL1, LEVEL2, level1_name, level2_name

__all__ = ["BUDGET_POINTS", "RULES", "lint"]

#: Every project should have these level-1 categories.
REQUIRED_LEVEL1 = ("产出指标", "效益指标", "满意度指标")

#: Code → (severity, what it checks).
RULES: dict[str, tuple[Severity, str]] = {
    "IK101": (
        Severity.ERROR,
        "一级指标不在全国框架内 / level-1 name outside the national framework",
    ),
    "IK102": (
        Severity.WARNING,
        "一级或二级指标用了旧称或别称 / an older or other name of a framework level",
    ),
    "IK103": (Severity.WARNING, "二级指标不在该一级指标之下 / level-2 name outside its level-1"),
    "IK104": (Severity.WARNING, "指标缺少一级、二级或三级名称 / a level name is missing"),
    "IK105": (Severity.WARNING, "项目缺少某类一级指标 / a level-1 category is missing"),
    "IK106": (Severity.WARNING, "三级指标名称重复 / duplicate indicator name"),
    "IK107": (Severity.INFO, "指标描述只是重复名称 / the description only repeats the name"),
    "IK108": (Severity.WARNING, "缺少指标值确定依据 / the basis of the target is missing"),
    "IK109": (Severity.INFO, "三级指标名称疑似被截断 / the name looks cut short"),
    "IK110": (Severity.WARNING, "括号不配对 / unbalanced brackets"),
    "IK201": (Severity.ERROR, "指标值的运算符有笔误 / the operator of the target has a typo"),
    "IK202": (
        Severity.WARNING,
        "名称要求数值，指标值却是定性描述 / a number is promised, a sentence given",
    ),
    "IK203": (Severity.WARNING, "比率类指标的指标值缺少%单位 / a rate without a percent sign"),
    "IK204": (Severity.WARNING, "指标值方向与指标性质相反 / the bound points the wrong way"),
    "IK205": (Severity.WARNING, "指定的方向与运算符矛盾 / the direction contradicts the operator"),
    "IK206": (Severity.WARNING, "指标值需要修整才能读取 / the target needed tidying to be read"),
    "IK207": (
        Severity.WARNING,
        "定量指标的自评得分与实际值不符（由计分规则计算） / an evaluator score on a quantitative "
        "indicator that its actual contradicts",
    ),
    "IK208": (Severity.ERROR, "自评得分超过分值 / the evaluator score exceeds the weight"),
    "IK209": (
        Severity.WARNING,
        "自评中的指标既无实际值也未标不适用 / an assessed table's indicator has no actual",
    ),
    "IK210": (
        Severity.ERROR,
        "时效指标的指标值像是 Excel 日期序列号 / a 时效指标 target that looks like an Excel date serial",
    ),
    "IK211": (
        Severity.WARNING,
        "不超过100%的比率，指标值却超过100% / a share that cannot exceed 100% has a target above it",
    ),
    "IK212": (
        Severity.WARNING,
        "指标值只列出评价等级，没有写明目标 / the target lists the grades, not the one aimed at",
    ),
    "IK213": (
        Severity.WARNING,
        "实际值未写单位，按指标值的单位读不合理 / a bare actual is implausible in the target's unit",
    ),
    "IK214": (
        Severity.WARNING,
        "成本指标的指标值没有运算符，按“≤”读取 / a cost target without an operator is read as ≤",
    ),
    "IK301": (
        Severity.ERROR,
        "资金支出计划不递增或未到100% / the spending plan decreases or ends below 100%",
    ),
    "IK302": (Severity.ERROR, "财政资金 + 其他资金 ≠ 预算数 / fiscal + other funds ≠ budget"),
    "IK303": (
        Severity.WARNING,
        "公开的项目没有预算或指标 / a published project has no budget or indicators",
    ),
    "IK304": (Severity.WARNING, "部门目标编号不连续或重复 / goal numbers skip or repeat"),
    "IK305": (
        Severity.WARNING,
        "说明中的三级指标个数与实际不符 / the summary's indicator count is wrong",
    ),
    "IK306": (Severity.WARNING, "只有部分指标给了分值 / only some indicators have a weight"),
    "IK307": (
        Severity.WARNING,
        "累计支出下降、时点无序或超过100% / cumulative spending decreases, is out of order or "
        "exceeds 100%",
    ),
    "IK308": (Severity.WARNING, "执行数超过预算数 / execution exceeds the budget"),
    "IK309": (
        Severity.WARNING,
        "各指标分值加预算执行率分值不等于 100（或表中总分） / the weights and the budget line do "
        "not total 100 (or the printed 总分)",
    ),
}

#: The budget line's 分值 where neither the table nor the caller gives one (the national 10).
BUDGET_POINTS = Fraction(10)

_PROMISES_NUMBER = re.compile(
    r"(?:[（(]%[）)]|%|率|数|量|数量|次数|人数|人次|比例|成本|金额|标准|时限|时间)\s*[）)]?$"
)
_PROMISES_PERCENT = re.compile(r"(?:[（(]%[）)]|%|率|比例)\s*[）)]?$")
_LESS_IS_BETTER = re.compile(r"投诉率|差错率|事故|负面|发生率|违规")
#: Shares that cannot exceed 100% (IK211): a pass, coverage or satisfaction rate — not a
#: completion or growth rate, which may.
_AT_MOST_WHOLE = re.compile(
    r"(?:合格|满意|覆盖|知晓|达标|及格|参保|入学|普及|完好|准确|正确|验收|通过|优良|治愈|接种|受理)率|满意度"
)
#: The words of a grade scale (IK212: ``优良中低差``, ``好坏``, ``是/否``, ``合格/不合格``),
#: longest first so that 不合格 is one grade.
_GRADE_WORDS = (
    "基本满意",
    "不满意",
    "不合格",
    "不达标",
    "较满意",
    "满意",
    "合格",
    "达标",
    "一般",
    "较好",
    "较差",
    *"优良中低差好坏高是否",
)
_GRADE = "|".join(_GRADE_WORDS)
_GRADE_SEPARATED = re.compile(rf"\s*(?:{_GRADE})(?:\s*[/／、,，;；]\s*(?:{_GRADE}))+\s*")
#: Written together, a scale is an antonym pair or three one-character grades or more (良好
#: and 优良 are a grade each).
_GRADE_RUN = re.compile(r"\s*(?:好坏|是否|高低|有无|[优良中低差高]{3,})\s*")


def _grade_scale(text: str) -> bool:
    """True for a target that only lists grades, each once: ``优良中低差``, ``是/否``.

    >>> [_grade_scale(text) for text in ("优良中低差", "好坏", "是/否", "合格/不合格", "良好", "优良")]
    [True, True, True, True, False, False]
    """
    if _GRADE_SEPARATED.fullmatch(text) is None and _GRADE_RUN.fullmatch(text) is None:
        return False
    grades = re.findall(_GRADE, text)
    return len(grades) == len(set(grades))


#: ``292%``: a 2 and two digits — the 2 may be a ``≥`` lost when the table was converted
#: (seen in real tables: ≥92% printed as 292%).
_LOST_SIGN = re.compile(r"\s*2([0-9]{2}(?:\.[0-9]+)?)\s*[%％]\s*")
#: Lenient repairs that changed an operator: errors, since the intent is a guess (T002 ",=",
#: T004 "=>", T007 "》").  The other repairs only tidied the text.
_OPERATOR_REPAIRS = frozenset({"T002", "T004", "T007"})
_COUNT_IN_SUMMARY = re.compile(r"下设\s*(\d+)\s*个三级指标")
_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]", "“": "”"}


def _unbalanced(text: str) -> bool:
    """True when brackets do not pair up: "（件)" mixes widths, "（…" never closes."""
    closing = set(_BRACKETS.values())
    stack: list[str] = []
    for char in text:
        if char in _BRACKETS:
            stack.append(_BRACKETS[char])
        elif char in closing:
            if not stack or stack.pop() != char:
                return True
    return bool(stack)


def _assessed(indicator: Indicator) -> bool:
    return (
        indicator.actual is not None
        or indicator.evaluator_score is not None
        or bool(indicator.reason)
        or indicator.not_applicable is not None
    )


def lint(
    spec: Spec,
    *,
    file: str | None = None,
    source: str | None = None,
    budget_weight: Fraction = BUDGET_POINTS,
) -> list[Finding]:
    """Every finding about ``spec``, in file order (records built in code first).

    ``file`` names the file in the findings; ``source``, the file's text, lets each finding
    show its line with a caret.  ``budget_weight`` is the budget line's 分值 where a project
    prints none (the rule set's: national 10, Hubei 20), for IK309.

    >>> from indicatorkit import lint, loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：,=180件\\n")
    >>> sorted({f.code for f in lint(spec)})
    ['IK105', 'IK108', 'IK201']
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("lint", "spec", "Spec", spec, "indicatorkit.load(path)")
    checker = _Checker(file, spec.units, budget_weight)
    if spec.department is not None:
        checker.department(spec.department)
    for project in spec.projects:
        checker.project(project)
    # in file order: a workbook's sheets in the order read, records built in code first
    sheets = {
        sheet: index for index, sheet in enumerate(dict.fromkeys(f.sheet for f in checker.findings))
    }
    sheets[None] = -1
    findings = sorted(checker.findings, key=lambda f: (sheets[f.sheet], f.line, f.column, f.code))
    if source is not None:
        lines = source.removeprefix("\ufeff").split("\n")
        findings = [
            attrs.evolve(f, source_line=lines[f.line - 1].rstrip("\r"))
            if 0 < f.line <= len(lines) and f.sheet is None
            else f
            for f in findings
        ]
    return findings


class _Checker:
    def __init__(
        self, file: str | None, units: UnitRegistry | None, budget_weight: Fraction
    ) -> None:
        self.file = file
        self.units = units
        self.budget_weight = budget_weight
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

    # ---- records ----
    def department(self, department: Department) -> None:
        numbers = [goal.number for goal in department.goals if goal.number is not None]
        if numbers:
            expected = list(range(1, max(numbers) + 1))
            missing = sorted(set(expected) - set(numbers))
            repeated = sorted(n for n, c in Counter(numbers).items() if c > 1)
            if missing or repeated or numbers != sorted(numbers):
                detail = (
                    "；".join(
                        part
                        for part in (
                            f"缺少第 {'、'.join(map(str, missing))} 条" if missing else "",
                            f"第 {'、'.join(map(str, repeated))} 条重复" if repeated else "",
                        )
                        if part
                    )
                    or "顺序错乱"
                )
                self.add("IK304", f"部门目标{detail}", department.where)
        for programme in department.programmes:
            self.programme(programme)

    def programme(self, programme: Programme) -> None:
        self.plan(programme.plan, programme.where)
        self.indicators(programme.indicators, programme.where, f"分项“{programme.name}”")
        if any(_assessed(i) for i in programme.indicators):
            self.unassessed(programme.indicators)
        stated = _COUNT_IN_SUMMARY.search(programme.summary)
        if stated and int(stated.group(1)) != len(programme.indicators):
            self.add(
                "IK305",
                f"说明写“下设{stated.group(1)}个三级指标”，实际有 {len(programme.indicators)} 个",
                programme.where,
                "summary",
            )

    def project(self, project: Project) -> None:
        if project.withheld is not None:
            return
        if project.budget is None or not project.indicators:
            missing = "预算" if project.budget is None else "指标"
            self.add("IK303", f"项目 {project.number} 没有{missing}", project.where)
        budget = project.budget
        if budget is not None and (budget.fiscal is not None or budget.other is not None):
            parts = [amount.normalized for amount in (budget.fiscal, budget.other) if amount]
            if sum(parts) != budget.total.normalized:
                self.add(
                    "IK302",
                    f"财政资金 {budget.fiscal or '空'} + 其他资金 {budget.other or '空'} "
                    f"≠ 预算数 {budget.total}",
                    project.where,
                    "budget",
                )
        self.plan(project.plan, project.where)
        self.indicators(project.indicators, project.where, f"项目 {project.number}")
        self.weights(project)
        self.execution(project)
        if project.has_actuals():
            self.unassessed(project.indicators)
        for indicator in project.indicators:
            self.bare_actual(indicator)

    def weights(self, project: Project) -> None:
        """IK309: the indicators' 分值 and the budget line's total 100, and the printed 总分."""
        weights = [i.weight for i in project.indicators]
        if not weights or any(weight is None for weight in weights):
            return  # no weights (the rule set's apply), or some missing (IK306)
        budget = self.budget_weight if project.budget_weight is None else project.budget_weight
        total = sum((w for w in weights if w is not None), Fraction(0)) + budget
        printed = project.weight_total
        problems = []
        if total != 100:
            problems.append("不是 100")
        if printed is not None and printed != total:
            problems.append(f"与表中总分 {format_decimal(printed)} 不符")
        if problems:
            self.add(
                "IK309",
                f"项目 {project.number} 各指标分值 {format_decimal(total - budget)} 加预算执行率 "
                f"{format_decimal(budget)} 合计 {format_decimal(total)}，{'，'.join(problems)}",
                project.where,
                "weight_total" if printed is not None else None,
                suggestion="核对各指标分值；需要折算时用 score --rescale / check the weights; "
                "score --rescale rescales to 100",
            )

    def execution(self, project: Project) -> None:
        """累计支出 and 执行数 against the budget."""
        spent = project.spent
        if spent is not None and spent.checkpoints:
            shares = [point.share.normalized for point in spent.checkpoints]
            days = [point.by.key() for point in spent.checkpoints]
            problems = []
            if any(b < a for a, b in itertools.pairwise(shares)):
                problems.append("累计支出比例下降")
            if any(b <= a for a, b in itertools.pairwise(days)):
                problems.append("时点不是按先后排列")
            if max(shares) > 1:
                problems.append("累计支出超过 100%")
            if problems:
                self.add("IK307", "；".join(problems), project.where, "spent")
        budget = project.adjusted_budget or (project.budget.total if project.budget else None)
        if project.executed is not None and budget is not None:
            if project.executed.normalized > budget.normalized:
                which = "调整后预算" if project.adjusted_budget else "预算数"
                self.add(
                    "IK308",
                    f"执行数 {project.executed} > {which} {budget}",
                    project.where,
                    "executed",
                )

    def unassessed(self, indicators: Iterable[Indicator]) -> None:
        """In a table that is being assessed, every indicator has an actual or is 不适用."""
        for indicator in indicators:
            if indicator.actual is None and indicator.not_applicable is None:
                self.add(
                    "IK209",
                    f"“{indicator.name or indicator.description}”没有实际值",
                    indicator.where,
                    suggestion="写“实际值：…”或“不适用：原因” / add 实际值 or 不适用",
                )

    def bare_actual(self, indicator: Indicator) -> None:
        """An actual written as a bare number whose reading in the target's unit is implausible
        (``0.96`` for ``≥95%``, ``46800`` for ``≤5万元``): both readings, and no score."""
        actual = indicator.actual
        if actual is None or not isinstance(indicator.target, Comparison | Range):
            return
        try:
            read = parse_actual(actual, units=self.units)
        except IndicatorkitError:
            return
        if not isinstance(read, Amount) or read.unit.dimension:
            return
        other = other_reading(read.value, indicator.target, self.units)
        unit = target_unit(indicator.target)
        if other is not None and unit is not None:
            self.add(
                "IK213",
                two_readings(actual, Amount(read.value, unit), other),
                indicator.where,
                "actual",
                suggestion=f"写明单位，如“{other}” / write the unit",
            )

    def plan(self, plan: SpendingPlan | None, where: Where | None) -> None:
        if plan is None or not plan.checkpoints:
            return
        shares = [point.share.normalized for point in plan.checkpoints]
        days = [point.by.key() for point in plan.checkpoints]
        problems = []
        if any(b < a for a, b in itertools.pairwise(shares)):
            problems.append("累计支出比例下降")
        if any(b <= a for a, b in itertools.pairwise(days)):
            problems.append("时点不是按先后排列")
        if shares[-1] != 1:
            problems.append(f"最后一个时点为 {plan.checkpoints[-1].share}，不是 100%")
        if problems:
            self.add("IK301", "；".join(problems), where, "plan")

    # ---- indicators ----
    def indicators(self, indicators: Iterable[Indicator], where: Where | None, owner: str) -> None:
        indicators = list(indicators)
        for indicator in indicators:
            self.indicator(indicator)
        names = Counter(i.name for i in indicators if i.name)
        for indicator in indicators:
            if names[indicator.name] > 1:
                self.add(
                    "IK106",
                    f"“{indicator.name}”在{owner} 中出现 {names[indicator.name]} 次",
                    indicator.where,
                )
        present = {level1_name(i.level1) for i in indicators}
        if indicators:
            for level1 in REQUIRED_LEVEL1:
                if level1 not in present:
                    self.add("IK105", f"{owner} 没有“{level1}”", where)
        weighted = [i.weight is not None for i in indicators]
        if any(weighted) and not all(weighted):
            self.add("IK306", f"{owner} 有 {weighted.count(False)} 个指标没有分值", where)

    def indicator(self, indicator: Indicator) -> None:
        where = indicator.where
        self.levels(indicator)
        if indicator.name and indicator.description == indicator.name:
            self.add("IK107", "", where, "description")
        if (
            indicator.name
            and indicator.description.startswith(indicator.name)
            and len(indicator.description) > len(indicator.name)
            and indicator.name[-1] not in "率数量度性"
        ):
            self.add(
                "IK109",
                f"“{indicator.name}”是描述“{indicator.description}”的前半部分",
                where,
                suggestion=f"名称是否应为“{indicator.description}”",
            )
        if not indicator.basis:
            self.add("IK108", "", where)
        score = indicator.evaluator_score
        if score is not None:
            if (problem := score_problem(indicator, self.units)) is not None:
                self.add(
                    "IK207",
                    f"指标值“{indicator.target_text}”是定量的，自评得分 {format_decimal(score)}："
                    f"{problem}",
                    where,
                    "evaluator_score",
                    suggestion="定量指标的得分由计分规则按实际值计算 / the rules score it",
                )
            if indicator.weight is not None and score > indicator.weight:
                self.add(
                    "IK208",
                    f"自评得分 {format_decimal(score)} > 分值 {format_decimal(indicator.weight)}",
                    where,
                    "evaluator_score",
                )
        for label, text in (("名称", indicator.name), ("描述", indicator.description)):
            if _unbalanced(text):
                self.add(
                    "IK110", f"{label}“{text}”", where, "description" if label == "描述" else None
                )
        self.target(indicator)

    def levels(self, indicator: Indicator) -> None:
        where = indicator.where
        level1 = indicator.level1
        missing = [
            label
            for label, value in (
                ("一级", level1),
                ("二级", indicator.level2),
                ("三级", indicator.name),
            )
            if not value
        ]
        if missing:
            self.add("IK104", f"缺少{'、'.join(missing)}名称", where)
        if level1 and level1_name(level1) != level1:
            self.add(
                "IK102",
                f"“{level1}”即“{level1_name(level1)}”",
                where,
                suggestion=f"改为“{level1_name(level1)}”",
            )
            level1 = level1_name(level1)
        elif level1 and level1 not in LEVEL2:
            self.add(
                "IK101",
                f"“{level1}”",
                where,
                suggestion="一级指标为 " + "、".join(LEVEL1),
            )
            return
        level2 = indicator.level2
        if level1 and level2 and level2_name(level1, level2) != level2:
            self.add(
                "IK102",
                f"“{level2}”即“{level2_name(level1, level2)}”",
                where,
                suggestion=f"改为“{level2_name(level1, level2)}”",
            )
        elif level1 and level2 and level2 not in LEVEL2[level1]:
            self.add(
                "IK103",
                f"“{level2}”不在“{level1}”之下",
                where,
                suggestion=f"“{level1}”下为 " + "、".join(LEVEL2[level1]),
            )

    def target(self, indicator: Indicator) -> None:
        where = indicator.where
        target = indicator.target
        read = indicator.read_target(self.units)
        for diagnostic in read.diagnostics:
            self.add(
                "IK201" if diagnostic.code in _OPERATOR_REPAIRS else "IK206",
                f"“{indicator.target_text}”：{diagnostic.message}",
                where,
                "target",
                suggestion=f"写作“{target}”"
                + ("或写明 ≥ / ≤" if diagnostic.code == "T002" else ""),
            )
        title = indicator.name or indicator.description
        if isinstance(target, Qualitative) and _grade_scale(indicator.target_text):
            self.add(
                "IK212",
                f"“{indicator.target_text}”是评价等级，不是目标 (a grade scale, not a target)",
                where,
                "target",
                suggestion="写明要达到的等级，例如“优”或“达到良及以上” / name the grade aimed at",
            )
        if isinstance(target, Qualitative) and _PROMISES_NUMBER.search(title):
            self.add(
                "IK202",
                f"“{title}”的指标值是“{indicator.target_text}”",
                where,
                "target",
                suggestion="写成可计量的指标值，例如“≥95%”",
            )
        if not isinstance(target, Comparison):
            return
        value = target.amount.value
        if (
            indicator.level2 == "时效指标"
            and target.amount.unit is NO_UNIT
            and value.denominator == 1
            and int(value) in DATE_SERIALS
        ):
            day = serial_date(int(value))
            self.add(
                "IK210",
                f"“{indicator.target_text}”可能是 Excel 日期序列号，即 {day.year}年{day.month}月{day.day}日 "
                f"(probably an Excel date serial for {day.isoformat()})",
                where,
                "target",
                suggestion=f"写明日期，例如“{day.year}年{day.month}月{day.day}日前” / write the date",
            )
        if (
            target.amount.unit.symbol == "%"
            and value > 100
            and _AT_MOST_WHOLE.search(title)
            and not _LESS_IS_BETTER.search(title)
        ):
            lost = _LOST_SIGN.fullmatch(indicator.target_text)
            self.add(
                "IK211",
                f"“{title}”不会超过100%，指标值却是“{indicator.target_text}”",
                where,
                "target",
                suggestion=(
                    f"可能是“≥{lost.group(1)}%”：“≥”在转换中变成了数字，请核对原表 / probably "
                    f"≥{lost.group(1)}%, a ≥ lost in conversion: check the source"
                    if lost and Fraction(lost.group(1)) <= 100
                    else "请核对原表 / check the source"
                ),
            )
        if target.amount.unit is NO_UNIT and _PROMISES_PERCENT.search(title):
            self.add(
                "IK203",
                f"“{title}”的指标值“{indicator.target_text}”没有单位",
                where,
                "target",
                suggestion=f"是否为“{indicator.target_text}%”",
            )
        if implied_direction(indicator) is not None:
            self.add(
                "IK214",
                f"“{indicator.target_text}”读作“≤{indicator.target_text}”",
                where,
                "target",
                suggestion=f"写作“≤{indicator.target_text}”或写明方向 / write ≤ or a direction",
            )
        lower_better = indicator.level2 == "成本指标" or bool(_LESS_IS_BETTER.search(title))
        operator = target.operator
        if lower_better and operator is not None and operator.is_lower_bound:
            self.add(
                "IK204",
                f"“{title}”越低越好，指标值却是“{indicator.target_text}”",
                where,
                "target",
                suggestion="成本、投诉、事故类指标通常写作“≤”或“<”",
            )
        if indicator.direction is not None and operator is not None and operator.value in "≥><≤":
            if (indicator.direction is Direction.HIGHER) != operator.is_lower_bound:
                self.add(
                    "IK205",
                    f"方向为{indicator.direction.value}，运算符为“{operator.value}”",
                    where,
                    "direction",
                )
