"""An indicator of a spec file: ``指标 一级 / 二级 / 三级`` and its fields (指标值, 分值, 方向,
自评得分 …), every problem in it reported, not only the first (IK020, IK030–IK032).

>>> from indicatorkit.formats.ikspec.outline import scan_outline
>>> reader = ValueReader("指标 产出指标 / 数量指标 / 受理数\\n  指标值：≥180件\\n  方向：正向\\n", None)
>>> indicator = read_indicator(reader, scan_outline(reader.lines)[0])
>>> indicator.name, str(indicator.target), indicator.direction.name, str(indicator.where.of("target"))
('受理数', '≥180件', 'HIGHER', '2:7')
"""

from __future__ import annotations

from fractions import Fraction
from sys import intern

from indicatorkit.formats.ikspec.fields import Fields, value_column
from indicatorkit.formats.ikspec.keys import DIRECTION_WORDS
from indicatorkit.formats.ikspec.outline import Node
from indicatorkit.formats.ikspec.values import ValueReader
from indicatorkit.language.bounds import Direction
from indicatorkit.model.fields import split_levels
from indicatorkit.model.records import Indicator
from indicatorkit.numerals import read_ratio

__all__ = ["read_indicator"]


def read_indicator(reader: ValueReader, node: Node) -> Indicator | None:
    """The indicator ``node`` holds, or ``None`` after a finding (every problem in it said).

    >>> from indicatorkit.formats.ikspec.outline import scan_outline
    >>> reader = ValueReader("指标 产出指标 / 受理数\\n  分值：十\\n", None)
    >>> read_indicator(reader, scan_outline(reader.lines)[0])
    >>> [f.code for f in reader.findings]
    ['IK031', 'IK032', 'IK020']
    """
    count = len(reader.findings)
    levels = [intern(level) for level in split_levels(node.rest)]
    values, _ = reader.fields(node, "指标")
    if len(levels) != 3:
        reader.problem(
            "IK031",
            f"指标标题应为“一级 / 二级 / 三级” (write level-1 / level-2 / level-3): “{node.rest}”",
            node.line,
            node.rest_column,
            node.rest_column + len(node.rest),
            suggestion="层级之间用“ / ”（前后各一个空格）分隔，空缺的层级留空",
        )
    reading = None
    if "指标值" in values:
        reading = reader.target(*values["指标值"])
    else:
        reader.problem(
            "IK032",
            "指标缺少“指标值” (the indicator has no target)",
            node.line,
            node.column,
            suggestion="在指标下写“指标值：≥95%” / add 指标值：…",
        )
    weight = reader.points(values, "分值")
    score = _evaluator_score(reader, values)
    direction = _direction(reader, values)
    if len(reader.findings) > count:
        return None
    return reader.build(
        node,
        Indicator,
        level1=levels[0],
        level2=levels[1],
        name=levels[2],
        target=reading.target if reading is not None else None,
        target_text=values["指标值"][0],
        reading=reading,
        description=values.get("描述", ("",))[0],
        basis=values.get("依据", ("",))[0],
        weight=weight,
        direction=direction,
        actual=values.get("实际值", ("",))[0],
        evaluator_score=score,
        reason=values.get("偏差原因", ("",))[0],
        not_applicable=values["不适用"][0] if "不适用" in values else None,
        where=reader.where(node, values, "指标"),
        comments=reader.comments_for(node),
    )


def _evaluator_score(reader: ValueReader, values: Fields) -> Fraction | None:
    """自评得分: a number ≥ 0 (IK020 otherwise)."""
    if "自评得分" not in values:
        return None
    text, node = values["自评得分"]
    try:
        return read_ratio(text)
    except ValueError:
        column = value_column(node)
        reader.problem(
            "IK020",
            f"自评得分应为非负数 (the evaluator score must be a number ≥ 0): “{text}”",
            node.line,
            column,
            column + len(text),
        )
        return None


def _direction(reader: ValueReader, values: Fields) -> Direction | None:
    """方向: 正向 or 反向 (IK020 otherwise)."""
    if "方向" not in values:
        return None
    word, node = values["方向"]
    direction = DIRECTION_WORDS.get(word.strip())
    if direction is None:
        reader.problem(
            "IK020",
            f"方向应为“正向”或“反向” (direction is 正向 or 反向): “{word}”",
            node.line,
            value_column(node),
        )
    return direction
