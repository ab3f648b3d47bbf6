"""The direction a 成本指标 implies: a cost target written without an operator (``15万元``) is
a ceiling, read as ≤ — spending more than planned is what a cost indicator guards against.

The mechanism every reader of an indicator shares (lint says so with IK214, scoring reads the
target so and says so in the score's message): an indicator's own direction (方向, 指标性质)
wins; a bare value under a cost level (二级 成本指标 or its short form 产出成本, or any
二级 under the 一级 成本指标) is ≤; anything else keeps the target's own reading (≥ for a bare
value).

>>> from indicatorkit import Indicator, parse_target
>>> cost = Indicator("产出指标", "成本指标", "项目总成本", parse_target("15万元"))
>>> implied_direction(cost)
<Direction.LOWER: '反向'>
>>> implied_direction(Indicator("产出指标", "成本指标", "项目总成本", parse_target("≥15万元"))) is None
True
"""

from __future__ import annotations

from indicatorkit.language.bounds import Direction
from indicatorkit.language.targets import Comparison
from indicatorkit.model.records import Indicator

__all__ = ["COST_MESSAGE", "effective_direction", "implied_direction", "is_cost"]

#: What the score's message and the lint finding say when the direction is implied.
COST_MESSAGE = (
    "成本指标的指标值没有写运算符，按“≤”（不超过）读取 "
    "(a cost target without an operator is read as ≤)"
)


def is_cost(indicator: Indicator) -> bool:
    """True for an indicator under a cost level: 二级 成本指标 (产出成本), or 一级 成本指标.

    >>> from indicatorkit import Indicator, parse_target
    >>> is_cost(Indicator("产出指标", "产出成本", "单价", parse_target("5元")))
    True
    """
    level2 = indicator.level2.removesuffix("指标")
    return level2 in ("成本", "产出成本") or indicator.level1 == "成本指标"


def implied_direction(indicator: Indicator) -> Direction | None:
    """The direction the indicator's level implies where the indicator gives none and its
    target is a bare value; ``None`` when nothing is implied (the indicator's own direction,
    an operator, or a level that implies nothing).

    >>> import attrs
    >>> from indicatorkit import Direction, Indicator, parse_target
    >>> bare = Indicator("产出指标", "产出成本", "单价", parse_target("5元"))
    >>> implied_direction(bare), implied_direction(attrs.evolve(bare, direction=Direction.HIGHER))
    (<Direction.LOWER: '反向'>, None)
    """
    target = indicator.target
    if (
        indicator.direction is None
        and isinstance(target, Comparison)
        and target.operator is None
        and is_cost(indicator)
    ):
        return Direction.LOWER
    return None


def effective_direction(indicator: Indicator) -> Direction | None:
    """The direction ``indicator`` is read in: its own (方向), else the one its level implies
    (:func:`implied_direction`), else ``None`` (the target's own reading) — what scoring, the
    check of a printed 得分 and monitoring all pass on.

    >>> from indicatorkit import Indicator, parse_target
    >>> effective_direction(Indicator("产出指标", "成本指标", "项目总成本", parse_target("15万元")))
    <Direction.LOWER: '反向'>
    >>> effective_direction(Indicator("产出指标", "数量指标", "受理数", parse_target("15件"))) is None
    True
    """
    return implied_direction(indicator) or indicator.direction
