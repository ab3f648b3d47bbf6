"""Lint of an indicator's names (IK101–IK104, IK107, IK109, IK110): its three levels against
the national framework, a description that repeats or completes the name, brackets that do not
pair up.

>>> from indicatorkit import Indicator, parse_target
>>> found = FindingList(None)
>>> check_names(found, Indicator("服务指标", "数量指标", "受理数（件)", parse_target("≥1件")))
>>> [f.code for f in found.findings]
['IK101', 'IK110']
"""

from __future__ import annotations

from indicatorkit.model.lint_rules import FindingList
from indicatorkit.model.records import Indicator
from indicatorkit.vocabulary import LEVEL1, LEVEL2, level1_name, level2_name

__all__ = ["check_names"]

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


def check_names(found: FindingList, indicator: Indicator) -> None:
    """Every finding about the names of ``indicator``, into ``found``.

    >>> from indicatorkit import Indicator, parse_target
    >>> found = FindingList(None)
    >>> check_names(found, Indicator("产出指标", "数量指标", "培训人次", parse_target("≥1人次")))
    >>> found.findings
    []
    >>> check_names(found, Indicator("服务指标", "数量指标", "受理数（件)", parse_target("≥1件")))
    >>> [f.code for f in found.findings]
    ['IK101', 'IK110']
    """
    where = indicator.where
    _levels(found, indicator)
    if indicator.name and indicator.description == indicator.name:
        found.add("IK107", "", where, "description")
    if (
        indicator.name
        and indicator.description.startswith(indicator.name)
        and len(indicator.description) > len(indicator.name)
        and indicator.name[-1] not in "率数量度性"
    ):
        found.add(
            "IK109",
            f"“{indicator.name}”是描述“{indicator.description}”的前半部分",
            where,
            suggestion=f"名称是否应为“{indicator.description}”",
        )
    for label, text in (("名称", indicator.name), ("描述", indicator.description)):
        if _unbalanced(text):
            found.add(
                "IK110", f"{label}“{text}”", where, "description" if label == "描述" else None
            )


def _levels(found: FindingList, indicator: Indicator) -> None:
    """The three levels: one missing (IK104), an older name (IK102), outside the framework
    (IK101, IK103)."""
    where = indicator.where
    level1 = indicator.level1
    missing = [
        label
        for label, value in (("一级", level1), ("二级", indicator.level2), ("三级", indicator.name))
        if not value
    ]
    if missing:
        found.add("IK104", f"缺少{'、'.join(missing)}名称", where)
    if level1 and level1_name(level1) != level1:
        found.add(
            "IK102",
            f"“{level1}”即“{level1_name(level1)}”",
            where,
            suggestion=f"改为“{level1_name(level1)}”",
        )
        level1 = level1_name(level1)
    elif level1 and level1 not in LEVEL2:
        found.add("IK101", f"“{level1}”", where, suggestion="一级指标为 " + "、".join(LEVEL1))
        return
    level2 = indicator.level2
    if level1 and level2 and level2_name(level1, level2) != level2:
        found.add(
            "IK102",
            f"“{level2}”即“{level2_name(level1, level2)}”",
            where,
            suggestion=f"改为“{level2_name(level1, level2)}”",
        )
    elif level1 and level2 and level2 not in LEVEL2[level1]:
        found.add(
            "IK103",
            f"“{level2}”不在“{level1}”之下",
            where,
            suggestion=f"“{level1}”下为 " + "、".join(LEVEL2[level1]),
        )
