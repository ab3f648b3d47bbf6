"""The direction an indicator is read in (``model.cost_direction.effective_direction``): its
own 方向 wins, a bare 成本指标 is ≤, anything else keeps the target's own reading — one helper
that scoring, the check of a printed 得分 and monitoring share."""

from __future__ import annotations

import datetime

import attrs
from hypothesis import given
from hypothesis import strategies as st

from indicatorkit import Direction, Indicator, loads, parse_target, score
from indicatorkit.model.cost_direction import effective_direction, implied_direction, is_cost
from indicatorkit.scoring.monitoring import Light, monitor
from indicatorkit.strategies import indicators

LEVEL2 = st.sampled_from(["成本指标", "产出成本", "数量指标", "质量指标"])
TARGETS = st.sampled_from(["15万元", "≥15万元", "≤15万元", "95%", "及时"])
DIRECTIONS = st.sampled_from([None, Direction.HIGHER, Direction.LOWER])


@given(LEVEL2, TARGETS, DIRECTIONS)
def test_own_direction_wins_a_bare_cost_is_lower(
    level2: str, target: str, direction: Direction | None
) -> None:
    indicator = Indicator("产出指标", level2, "成本", parse_target(target), direction=direction)
    bare = target[0].isdigit()  # a number without an operator
    expected = direction or (Direction.LOWER if bare and is_cost(indicator) else None)
    assert effective_direction(indicator) == expected


@given(indicators())
def test_generated_indicators(indicator: Indicator) -> None:
    said = effective_direction(indicator)
    assert said == (indicator.direction or implied_direction(indicator))
    if indicator.direction is not None:
        assert said is indicator.direction
    assert effective_direction(attrs.evolve(indicator, direction=Direction.HIGHER)) is (
        Direction.HIGHER
    )


def test_scoring_and_monitoring_read_a_bare_cost_as_lower() -> None:
    spec = loads(
        "项目 1 甲\n  预算：100元\n  指标 产出指标 / 成本指标 / 总成本\n    指标值：15万元\n"
        "    实际值：12万元\n    分值：50\n"
    )
    scored = score(spec).projects[0].indicators[0].score
    assert scored.met is True  # 12万元 under a ceiling of 15万元
    at = datetime.date(2025, 12, 31)
    [light] = [light for project in monitor(spec, at).projects for light in project.indicators]
    assert light.light is Light.GREEN
