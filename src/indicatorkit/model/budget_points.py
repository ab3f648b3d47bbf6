"""The budget line's 分值 (预算执行率) under a rule set, by the rule set's name — the one fact
about rule sets the model needs: lint's IK309 adds it where a project prints no 预算分值, so
``lint(spec)`` uses the rule set the spec names (``Spec.rules``).  Scoring's rule sets take
their budget line from here (:mod:`indicatorkit.scoring.rules`), so the two never differ.

>>> from indicatorkit import loads
>>> spec = loads("评分规则 hubei\\n项目 1 甲\\n")
>>> budget_points(spec.rules), budget_points(None)
(Fraction(20, 1), Fraction(10, 1))
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Final

__all__ = ["NATIONAL_BUDGET_POINTS", "RULE_SET_BUDGET_POINTS", "budget_points"]

#: The national rules' budget line (财预〔2020〕10号: 预算执行率 10 分).
NATIONAL_BUDGET_POINTS: Final = Fraction(10)

#: The shipped rule sets whose budget line is worth other than the national 10 points.
RULE_SET_BUDGET_POINTS: Final[Mapping[str, Fraction]] = MappingProxyType(
    {"hubei": Fraction(20), "budget-20": Fraction(20)}
)


def budget_points(name: str | None) -> Fraction:
    """The budget line's 分值 under the rule set called ``name``: the national 10 when the
    spec names none, or one the library does not ship (lint still needs a figure; scoring
    refuses an unknown name itself).

    >>> budget_points("hubei"), budget_points("national"), budget_points("某县")
    (Fraction(20, 1), Fraction(10, 1), Fraction(10, 1))
    """
    if name is None:
        return NATIONAL_BUDGET_POINTS
    return RULE_SET_BUDGET_POINTS.get(name, NATIONAL_BUDGET_POINTS)
