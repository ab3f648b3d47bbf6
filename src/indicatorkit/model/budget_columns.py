"""年初预算数 and 全年预算数 in one representation: :attr:`Project.budget
<indicatorkit.model.records.Project.budget>` is the budget as declared (预算数, 年初预算数, with its
财政资金 and 其他资金) and :attr:`Project.adjusted_budget
<indicatorkit.model.records.Project.adjusted_budget>` the year's budget (全年预算数, 调整后预算)
wherever a table gives it beside the declared one — the central layout (财预〔2020〕10号) and every
other layout alike.  The execution rate's A is :attr:`Project.year_budget
<indicatorkit.model.records.Project.year_budget>`.

Files written before the two were one (a spec file's ``年初预算``, JSON's ``initial_budget``, a
long table's ``年初预算数`` column, our workbook's ``年初预算数`` row) kept a central table the
other way round — its 全年预算数 as ``预算`` and the 年初预算数 beside it; :func:`from_initial`
reads them into the one representation, and refuses what it cannot place rather than guess.

>>> from indicatorkit.language import Amount
>>> from indicatorkit.model.records import Budget, Project
>>> from indicatorkit.units import unit
>>> wan = lambda n: Amount(n, unit("万元"))
>>> budget, adjusted = from_initial(Budget(wan(12)), None, wan(10))
>>> str(budget.total), str(adjusted)
('10万元', '12万元')
>>> [str(a) for a in budget_columns(wan(10), wan(12))], budget_columns(None, wan(12))[1]
(['10万元', '12万元'], None)
"""

from __future__ import annotations

from typing import Any

from indicatorkit.errors import InvalidValueError
from indicatorkit.language.values import Amount
from indicatorkit.model.records import Budget, Project

__all__ = ["budget_columns", "from_initial", "project_with_initial", "with_initial"]


def budget_columns(
    initial: Amount | None, year: Amount | None
) -> tuple[Amount | None, Amount | None]:
    """A table's 年初预算数 and 全年预算数 as (the budget's total, the adjusted budget): the
    年初预算数 is the budget and the 全年预算数 beside it the adjusted budget (kept even when
    equal: the table gave it); a table giving one of them has that one as its budget.

    >>> budget_columns(None, None)
    (None, None)
    """
    if initial is None:
        return year, None
    return initial, year


def from_initial(
    budget: Budget | None, adjusted: Amount | None, initial: Amount | None
) -> tuple[Budget | None, Amount | None]:
    """The budget and adjusted budget of a project written with a 年初预算数 beside its 预算 (the
    older form, in which 预算 was the 全年预算数: it becomes the adjusted budget, as a table's
    two columns do).  A 预算 with 财政资金 or 其他资金, or an 调整后预算 as well, that disagrees
    with the 年初预算数 cannot be placed: refused.

    >>> from indicatorkit.units import unit
    >>> yuan = lambda n: Amount(n, unit("元"))
    >>> from_initial(None, None, yuan(5))
    (Budget(total=Amount('5元'), fiscal=None, other=None), None)
    >>> from_initial(Budget(yuan(8), yuan(8)), None, yuan(5))
    Traceback (most recent call last):
    indicatorkit.errors.InvalidValueError: 年初预算 5元 与预算 8元 的财政资金、其他资金或调整后预算不能同时给出：请写作“预算：5元”“调整后预算：8元” (a 年初预算 beside a 预算 with its parts, or an 调整后预算, cannot be placed)
    """
    if initial is None:
        return budget, adjusted
    if budget is None:
        return Budget(initial), adjusted
    if adjusted is None and budget.fiscal is None and budget.other is None:
        return Budget(initial), budget.total  # 预算 was the 全年预算数, kept even when equal
    if budget.total == initial:
        return budget, adjusted
    raise InvalidValueError(
        f"年初预算 {initial} 与预算 {budget.total} 的财政资金、其他资金或调整后预算不能同时给出："
        f"请写作“预算：{initial}”“调整后预算：{adjusted or budget.total}” (a 年初预算 beside a "
        "预算 with its parts, or an 调整后预算, cannot be placed)"
    )


def with_initial(fields: dict[str, Any]) -> dict[str, Any]:
    """A project's fields with an older file's ``initial_budget`` folded into ``budget`` and
    ``adjusted_budget`` (:func:`from_initial`); ``fields`` as they are when it has none.

    >>> with_initial({"name": "甲"})
    {'name': '甲'}
    """
    if fields.get("initial_budget") is None:
        return {key: value for key, value in fields.items() if key != "initial_budget"}
    rest = dict(fields)
    initial = rest.pop("initial_budget")
    rest["budget"], rest["adjusted_budget"] = from_initial(
        rest.get("budget"), rest.get("adjusted_budget"), initial
    )
    return rest


def project_with_initial(*args: Any, **fields: Any) -> Project:
    """``Project(*args, **fields)`` with an older file's ``initial_budget`` folded in
    (:func:`with_initial`): what the readers of spec files, long tables and our workbooks
    build a project with.

    >>> from indicatorkit.units import unit
    >>> project = project_with_initial(1, "甲", initial_budget=Amount(5, unit("元")))
    >>> str(project.budget.total), project.adjusted_budget
    ('5元', None)
    """
    return Project(*args, **with_initial(fields))
