"""The model of a 绩效目标 spec: a department, its goals, and its projects' target tables.

Every record is a frozen attrs class.  Records read from a file also carry *where* they were
read (:class:`~indicatorkit.model.places.Where`) — left out of equality, hashing and repr, so
a spec loaded from text is equal to the same spec built in code.

>>> from indicatorkit import parse_target
>>> indicator = Indicator("产出指标", "数量指标", "法律援助案件受理数（件）", parse_target("≥180件"))
>>> indicator.target_text
'≥180件'
>>> Indicator("产出指标", "数量指标", "开展外宣活动数量", parse_target(">=6"), target_text=">=6")
... # doctest: +ELLIPSIS
Indicator(level1='产出指标', level2='数量指标', name='开展外宣活动数量', target=Comparison('≥6'), ...)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

import attrs

from indicatorkit.errors import InvalidValueError
from indicatorkit.language.actuals import ActualReading, ReadActual, actual_reading
from indicatorkit.language.bounds import Direction
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import AnyTarget, Qualitative
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.fields import (
    as_tuple,
    comments_field,
    field_text,
    figures,
    of_dimension,
    one_line,
    optional_fraction,
    optional_line,
    optional_reason,
    optional_text,
    split_levels,
    texts,
    where_field,
)
from indicatorkit.model.places import Location, Where
from indicatorkit.model.printed import Printed
from indicatorkit.units import UnitRegistry, registry_in_use

__all__ = [
    "Budget",
    "Checkpoint",
    "Department",
    "DepartmentGoal",
    "FundSource",
    "Indicator",
    "Location",
    "MeasureGroup",
    "Programme",
    "Project",
    "Spec",
    "SpendingPlan",
    "Where",
]


def _target_text_default(self: Indicator) -> str:
    return str(self.target)


@attrs.frozen
class Indicator:
    """A three-level indicator (三级指标) with its target (指标值).

    ``target_text`` is the 指标值 as written (``>=6``, ``,=100``); ``target`` is what it means.
    They must agree: the text, read leniently with the spec's units, gives the target — the
    :class:`Spec` holding the indicator checks that, once, when it is built.  ``level1``/``level2``/``name``
    may be empty where the source leaves them out (lint reports it).

    A self-assessment (自评) adds what happened: ``actual`` is the 实际完成值 as written
    (``96%``, ``205件``, ``12月20日``, or a grade 达成 / 部分达成 / 未达成), kept as text for the
    scorer to read against the target (``None``: not given; empty text is not given either);
    ``evaluator_score`` is the 自评得分 the evaluator chose for a qualitative indicator (≥ 0;
    the scorer checks it lies in its grade's band); ``reason`` is the 偏差原因分析及改进措施;
    ``not_applicable`` (不适用) gives the reason an indicator does not apply (``""``: no reason
    written) — such an indicator has no actual and no score.

    >>> from indicatorkit import Indicator, parse_target
    >>> indicator = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), actual="200件")
    >>> indicator.target_text, indicator.target.check(indicator.actual).met
    ('≥180件', True)
    """

    level1: str = attrs.field(converter=one_line)
    level2: str = attrs.field(converter=one_line)
    name: str = attrs.field(converter=one_line)
    target: AnyTarget
    target_text: str = attrs.field(
        default=attrs.Factory(_target_text_default, takes_self=True), converter=field_text
    )
    description: str = attrs.field(default="", converter=field_text)
    basis: str = attrs.field(default="", converter=field_text)
    weight: Fraction | None = attrs.field(default=None, converter=optional_fraction)
    direction: Direction | None = None
    actual: str | None = attrs.field(default=None, converter=optional_text)
    evaluator_score: Fraction | None = attrs.field(default=None, converter=optional_fraction)
    reason: str = attrs.field(default="", converter=field_text)
    not_applicable: str | None = attrs.field(default=None, converter=optional_reason)
    where: Where | None = where_field()
    comments: tuple[str, ...] = comments_field()
    #: How ``target_text`` was read (the lenient reading, its repairs and units), kept by the
    #: reader that read it so that nothing reads it again; like ``where``, not part of
    #: equality.  A reading of another text or target is not kept (``attrs.evolve``).
    reading: LenientParse | None = attrs.field(
        default=None, eq=False, hash=False, repr=False, kw_only=True
    )
    #: How ``actual`` was read, and with which units: kept by :meth:`read_actual` the first
    #: time lint, scoring or monitoring needs the value, so that the others read it no more.
    #: Like ``reading``: not part of equality; a reading of another text is not kept.
    actual_reading: ReadActual | None = attrs.field(
        default=None, eq=False, hash=False, repr=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        read = self.reading
        if read is not None and (
            read.text != self.target_text
            or (read.target is not self.target and read.target != self.target)
        ):
            object.__setattr__(self, "reading", None)  # another text's: read again when asked
        if self.actual_reading is not None and self.actual_reading.text != self.actual:
            object.__setattr__(self, "actual_reading", None)
        levels = (self.level1, self.level2, self.name)
        if split_levels(" / ".join(levels)) != list(levels):
            raise InvalidValueError(
                f"指标层级名称不能含“ /”或“/ ” (level names cannot contain ' /' or '/ '): {levels}"
            )
        if self.weight is not None and self.weight < 0:
            raise InvalidValueError(f"分值必须是非负数 (weight must be ≥ 0): {self.weight!r}")
        if self.evaluator_score is not None and self.evaluator_score < 0:
            raise InvalidValueError(
                f"自评得分必须是非负数 (evaluator score must be ≥ 0): {self.evaluator_score!r}"
            )
        if self.not_applicable is not None and (
            self.actual is not None or self.evaluator_score is not None
        ):
            raise InvalidValueError(
                f"指标“{self.name}”不适用，不应有实际值或自评得分 "
                f"(a not-applicable indicator has no actual and no evaluator score)"
            )

    def read_target(self, units: UnitRegistry | None = None) -> LenientParse:
        """``target_text`` read leniently with ``units`` (``None``: the registry in use): the
        reading the reader kept when it tells what ``units`` read
        (:meth:`~indicatorkit.language.lenient.LenientParse.with_units`), else read now.

        >>> from indicatorkit import Indicator, parse_target
        >>> read = parse_target(",=100", lenient=True)
        >>> indicator = Indicator("产出指标", "数量指标", "受理数", read.target, ",=100", reading=read)
        >>> indicator.read_target() is read, [d.code for d in indicator.read_target().diagnostics]
        (True, ['T002'])
        >>> built = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"))
        >>> built.read_target() is built.read_target()  # read once, then kept
        True
        """
        registry = registry_in_use() if units is None else units
        kept = None if self.reading is None else self.reading.with_units(registry)
        if kept is not None:
            return kept
        read = parse_target(self.target_text, lenient=True, units=registry)
        if read.target == self.target:  # kept as the reader's is, for the next Spec or lint
            object.__setattr__(self, "reading", read)
        return read

    def read_actual(self, units: UnitRegistry | None = None) -> ActualReading | None:
        """``actual`` read with ``units`` (``None``: the registry in use) — its value, or the
        error reading it raised — read once and kept; ``None`` when no actual is given.

        >>> from indicatorkit import Indicator, parse_target
        >>> indicator = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), actual="6万件")
        >>> indicator.read_actual(), indicator.read_actual() is indicator.read_actual()
        (Amount('6万件'), True)
        """
        if self.actual is None:
            return None
        registry = registry_in_use() if units is None else units
        kept = self.actual_reading
        if kept is not None and kept.units is registry:
            return kept.reading
        read = actual_reading(self.actual, registry)
        # kept as ``reading`` is, written once here: a record of how the text was read, not data
        object.__setattr__(self, "actual_reading", ReadActual(self.actual, registry, read))
        return read

    def reading_to_check(self, units: UnitRegistry | None = None) -> ActualReading | None:
        """The reading of ``actual`` that checking and scoring take (:meth:`read_actual`);
        ``None`` for a qualitative target, whose actual is a grade checked as written.

        >>> from indicatorkit import Indicator, parse_target
        >>> Indicator("满意度指标", "满意度", "群众满意", parse_target("达成"), actual="达成").reading_to_check()
        """
        return None if isinstance(self.target, Qualitative) else self.read_actual(units)


@attrs.frozen
class Checkpoint:
    """A point of the spending plan: by ``by`` (``3月底``), ``share`` (``30%``) spent.

    >>> from indicatorkit.language import Amount, DatePoint
    >>> from indicatorkit.model import Checkpoint
    >>> from indicatorkit.units import unit
    >>> checkpoint = Checkpoint(DatePoint(6), Amount(50, unit("%")))
    >>> str(checkpoint.by), checkpoint.share, checkpoint.share.normalized
    ('6月底', Amount('50%'), Fraction(1, 2))
    """

    by: DatePoint
    share: Amount = attrs.field(validator=of_dimension("[ratio]", "支出比例"))


@attrs.frozen
class SpendingPlan:
    """资金支出计划: cumulative shares spent by each checkpoint, in order.

    >>> from indicatorkit import loads
    >>> plan = loads("项目 1 法律援助\\n  预算：10000元\\n  支出计划：6月底 50%，12月底 100%\\n").projects[0].plan
    >>> [(str(c.by), str(c.share)) for c in plan.checkpoints]
    [('6月底', '50%'), ('12月底', '100%')]
    """

    checkpoints: tuple[Checkpoint, ...] = attrs.field(converter=as_tuple)


@attrs.frozen
class Budget:
    """预算数 with 财政资金 and 其他资金 (``None`` where the table leaves the cell blank).

    >>> from indicatorkit import loads
    >>> budget = loads("项目 1 法律援助\\n  预算：10000元\\n  财政资金：8000元\\n  其他资金：2000元\\n").projects[0].budget
    >>> str(budget.total), str(budget.fiscal), str(budget.other)
    ('10000元', '8000元', '2000元')
    """

    total: Amount = attrs.field(validator=of_dimension("[money]", "预算数"))
    fiscal: Amount | None = attrs.field(default=None, validator=of_dimension("[money]", "财政资金"))
    other: Amount | None = attrs.field(default=None, validator=of_dimension("[money]", "其他资金"))


def _source_name(instance: object, attribute: attrs.Attribute[str], name: str) -> None:
    if not name or re.search(r"[\s：:；;，,]", name):
        raise InvalidValueError(
            f"资金来源需要名称，不含空白和“：；，” "
            f"(a fund source needs a name without spaces or ：；，): {name!r}"
        )


@attrs.frozen
class FundSource:
    """A row of a self-assessment's budget block under 年度资金总额 (当年财政拨款, 上年结转资金,
    其他资金 …): its 年初预算数, 全年预算数 and 全年执行数, each money or ``None`` (not printed).

    >>> from indicatorkit.language import Amount
    >>> from indicatorkit.units import unit
    >>> source = FundSource("上年结转资金", budget=Amount(2, unit("万元")))
    >>> source.name, str(source.budget), source.executed
    ('上年结转资金', '2万元', None)
    """

    name: str = attrs.field(converter=one_line, validator=_source_name)
    initial: Amount | None = attrs.field(
        default=None, validator=of_dimension("[money]", "年初预算数")
    )
    budget: Amount | None = attrs.field(
        default=None, validator=of_dimension("[money]", "全年预算数")
    )
    executed: Amount | None = attrs.field(
        default=None, validator=of_dimension("[money]", "全年执行数")
    )


@attrs.frozen
class Project:
    """A project's 绩效目标表, or a withheld project (``withheld`` gives the reason).

    ``budget`` is the budget as declared (预算数; a 自评表's 年初预算数).  For a self-assessment:
    ``executed`` (全年执行数) and ``adjusted_budget`` (the year's budget, 全年预算数 or 调整后预算,
    wherever the table gives it beside the declared one — every layout alike,
    :mod:`~indicatorkit.model.budget_columns`; :attr:`year_budget` is the execution rate's A)
    are money; ``spent`` is the cumulative share of the budget spent by
    each checkpoint (``6月底 40%``: shares, like the plan — an amount in 元 is divided by the
    budget before it is written); ``budget_reason`` explains the budget execution.  The central
    自评表 adds ``fund_sources`` (the rows under 年度资金总额, each with its 年初预算数,
    全年预算数 and 全年执行数) and ``goal_outcome`` (年度总体目标的实际完成情况);
    ``budget_weight`` is the budget line's 分值 where the table prints it (else the rule set's)
    and ``weight_total`` the 总分 row's printed 分值; ``conclusion`` (评价结论), ``problems``
    (存在问题) and ``improvements`` (改进措施) are the assessment's prose.  A withheld project
    has none of them.

    >>> from indicatorkit import Project, loads
    >>> project = loads("项目 3 法律援助\\n  预算：10000元\\n").projects[0]
    >>> project.number, project.name, str(project.budget.total)
    (3, '法律援助', '10000元')
    >>> Project(6, withheld=True).withheld
    True
    """

    number: int = attrs.field(validator=attrs.validators.ge(0))
    name: str = attrs.field(default="", converter=one_line)
    code: str = attrs.field(default="", converter=one_line)
    unit: str = attrs.field(default="", converter=one_line)
    budget: Budget | None = None
    purpose: str = attrs.field(default="", converter=field_text)
    plan: SpendingPlan | None = None
    goal: str = attrs.field(default="", converter=field_text)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=as_tuple)
    withheld: str | None = None
    executed: Amount | None = attrs.field(default=None, validator=of_dimension("[money]", "执行数"))
    adjusted_budget: Amount | None = attrs.field(
        default=None, validator=of_dimension("[money]", "调整后预算")
    )
    fund_sources: tuple[FundSource, ...] = attrs.field(default=(), kw_only=True, converter=as_tuple)
    goal_outcome: str = attrs.field(default="", kw_only=True, converter=field_text)
    spent: SpendingPlan | None = None
    budget_reason: str = attrs.field(default="", converter=field_text)
    budget_weight: Fraction | None = attrs.field(default=None, converter=optional_fraction)
    weight_total: Fraction | None = attrs.field(default=None, converter=optional_fraction)
    #: 评价结论, 存在问题, 改进措施: what the self-assessment concludes, in prose.
    conclusion: str = attrs.field(default="", kw_only=True, converter=field_text)
    problems: str = attrs.field(default="", kw_only=True, converter=field_text)
    improvements: str = attrs.field(default="", kw_only=True, converter=field_text)
    #: What the published table prints beyond its rows (总分, 等级, 执行率, the budget line's
    #: 得分), for :func:`indicatorkit.audit`; like ``where``, not part of equality.
    printed: Printed | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    where: Where | None = where_field()
    comments: tuple[str, ...] = comments_field()

    def __attrs_post_init__(self) -> None:
        for points in (self.budget_weight, self.weight_total):
            if points is not None and points < 0:
                raise InvalidValueError(f"分值必须是非负数 (points must be ≥ 0): {points!r}")
        if self.withheld is not None and (
            self.indicators
            or self.budget
            or self.code
            or self.plan
            or self.executed
            or self.adjusted_budget
            or self.fund_sources
            or self.goal_outcome
            or self.spent
            or self.budget_reason
            or self.assessment_text()
        ):
            raise InvalidValueError(
                f"项目 {self.number} 暂不公开，不应有其他内容 (a withheld project has no table)"
            )

    @property
    def year_budget(self) -> Amount | None:
        """全年预算数: the year's budget, the A of 执行率 B/A (the adjusted budget where one is
        given, else the budget as declared).

        >>> from indicatorkit import loads
        >>> str(loads("项目 1 甲\\n  预算：10万元\\n  调整后预算：12万元\\n").projects[0].year_budget)
        '12万元'
        """
        if self.adjusted_budget is not None:
            return self.adjusted_budget
        return self.budget.total if self.budget is not None else None

    def assessment_text(self) -> str:
        """评价结论, 存在问题 and 改进措施 together (``""`` when none is given).

        >>> from indicatorkit import Project
        >>> Project(1, "法律援助", conclusion="较好完成", problems="宣传不足").assessment_text()
        '较好完成\\n宣传不足'
        """
        parts = (self.conclusion, self.problems, self.improvements)
        return "\n".join(part for part in parts if part)

    def has_actuals(self) -> bool:
        """True when anything of a self-assessment is given: an indicator's actual, score,
        reason or 不适用, or the project's execution figures."""
        return bool(
            self.executed is not None
            or self.adjusted_budget is not None
            or self.goal_outcome
            or any(source.executed is not None for source in self.fund_sources)
            or self.spent is not None
            or self.budget_reason
            or any(
                i.actual is not None
                or i.evaluator_score is not None
                or i.reason
                or i.not_applicable is not None
                for i in self.indicators
            )
        )

    def _repr_html_(self) -> str:
        from indicatorkit.model.notebook import project_html  # a notebook's table

        return project_html(self)


@attrs.frozen
class DepartmentGoal:
    """A department-wide goal in prose, with the figures it states (``20000份`` …).

    >>> from indicatorkit.model import DepartmentGoal
    >>> goal = DepartmentGoal(1, "保障法律援助案件及时受理")
    >>> goal.number, goal.text
    (1, '保障法律援助案件及时受理')
    """

    number: int | None = attrs.field(validator=attrs.validators.optional(attrs.validators.ge(0)))
    text: str = attrs.field(converter=field_text)
    figures: tuple[Amount, ...] = attrs.field(default=(), converter=as_tuple, validator=figures)
    where: Where | None = where_field()
    comments: tuple[str, ...] = comments_field()


@attrs.frozen
class Programme:
    """A programme (分项) goal list: its goal, summary, plan and indicators.

    >>> from indicatorkit.model import Programme
    >>> Programme("公共法律服务").name
    '公共法律服务'
    """

    name: str = attrs.field(converter=one_line)
    goal: str = attrs.field(default="", converter=field_text)

    @name.validator
    def _named(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not value:
            raise InvalidValueError("分项需要名称 (a programme needs a name)")

    summary: str = attrs.field(default="", converter=field_text)
    plan: SpendingPlan | None = None
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=as_tuple)
    where: Where | None = where_field()
    comments: tuple[str, ...] = comments_field()


@attrs.frozen
class MeasureGroup:
    """A list of measures (保障措施) under a title such as 业务保障措施.

    >>> from indicatorkit.model import MeasureGroup
    >>> group = MeasureGroup("组织保障", ("成立工作专班", "定期调度"))
    >>> group.title, len(group.items)
    ('组织保障', 2)
    """

    title: str = attrs.field(converter=one_line)
    items: tuple[str, ...] = attrs.field(default=(), converter=texts)
    where: Where | None = where_field()
    comments: tuple[str, ...] = comments_field()


@attrs.frozen
class Department:
    """部门整体绩效目标: who, which year, the overall goal, goals, programmes, measures.

    >>> from indicatorkit import Department
    >>> department = Department("101001", "某县司法局", year=2025)
    >>> department.code, department.name, department.year
    ('101001', '某县司法局', 2025)
    """

    code: str = attrs.field(converter=one_line)
    name: str = attrs.field(converter=one_line)
    year: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional([attrs.validators.ge(1), attrs.validators.le(9999)]),
    )

    @code.validator
    def _code_is_a_token(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value and not re.fullmatch(r"[A-Za-z0-9]+", value):
            raise InvalidValueError(
                f"部门编码只能是字母和数字 (code is letters and digits): {value!r}"
            )

    overall_goal: str = attrs.field(default="", converter=field_text)
    goals: tuple[DepartmentGoal, ...] = attrs.field(default=(), converter=as_tuple)
    programmes: tuple[Programme, ...] = attrs.field(default=(), converter=as_tuple)
    measures: tuple[MeasureGroup, ...] = attrs.field(default=(), converter=as_tuple)
    where: Where | None = where_field()
    comments: tuple[str, ...] = comments_field()


@attrs.frozen
class Spec:
    """A whole spec: an optional department and its projects, in order.

    ``units`` is the unit registry its targets are read with (``None``: the default registry);
    it travels with the spec, so a worker process reads the same units.  Building a spec
    checks that every indicator's text and target agree under those units.  ``rules`` names
    the rule set a self-assessment is scored by (``national``, ``hubei``; one word).

    >>> from indicatorkit import Spec, loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n")
    >>> len(spec.projects), spec.department is None, spec.units is None
    (1, True, True)
    >>> Spec().projects
    ()
    """

    department: Department | None = None
    projects: tuple[Project, ...] = attrs.field(default=(), converter=as_tuple)
    units: UnitRegistry | None = attrs.field(
        default=None,
        kw_only=True,
        validator=attrs.validators.optional(attrs.validators.instance_of(UnitRegistry)),
    )
    rules: str | None = attrs.field(default=None, kw_only=True, converter=optional_line)
    comments: tuple[str, ...] = comments_field()

    @rules.validator
    def _rules_is_a_name(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not re.fullmatch(r"[^\s/]+", value):
            raise InvalidValueError(
                f"评分规则应为一个名称，如 national (the rule set is one name): {value!r}"
            )

    def __attrs_post_init__(self) -> None:
        numbers = [project.number for project in self.projects]
        if len(set(numbers)) != len(numbers):
            seen: set[int] = set()
            repeated = next(n for n in numbers if n in seen or seen.add(n))  # type: ignore[func-returns-value]
            raise InvalidValueError(f"项目编号 {repeated} 重复 (duplicate project number)")
        for indicator in self.indicators():
            reading = indicator.read_target(self.units)
            undeclared = reading.undeclared_unit()
            if undeclared is not None:
                raise InvalidValueError(
                    f"指标值“{indicator.target_text}”的单位“{undeclared.unit}”不在规格的单位中 "
                    f"(a unit the spec's units do not declare): {undeclared.suggestion}"
                )
            read = reading.target
            if read != indicator.target:
                raise InvalidValueError(
                    f"指标值文字“{indicator.target_text}”与目标 {indicator.target} 不一致 "
                    f"(target text and target disagree)"
                )

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator: the department's programmes' first, then each project's."""
        if self.department is not None:
            for programme in self.department.programmes:
                yield from programme.indicators
        for project in self.projects:
            yield from project.indicators

    def _repr_html_(self) -> str:
        from indicatorkit.model.notebook import spec_html  # a notebook's table

        return spec_html(self)
