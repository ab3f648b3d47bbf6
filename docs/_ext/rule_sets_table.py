"""Render :data:`~indicatorkit.RULE_SETS` in the API reference as a table (规则集一览表).

autodoc would print the mapping's repr, one paragraph of thousands of characters; the value is
hidden (``:meta hide-value:`` in its comment) and this extension appends, to the docstring of
every documented object that *is* the mapping, a table: each rule set's name, its title and the
settings in which it differs from the national rules (read from the records, so the table cannot
drift from the code).

>>> lines = rule_sets_table()
>>> lines[0]
'.. list-table::'
>>> any("``hubei``" in line for line in lines)
True
"""

from __future__ import annotations

from typing import Any

import attrs

from indicatorkit.scoring.rules import NATIONAL, RULE_SETS, RuleSet

__all__ = ["differences", "rule_sets_table", "setup"]


def differences(rules: RuleSet) -> list[str]:
    """The settings of ``rules`` that differ from the national rules, by field name.

    >>> differences(RULE_SETS["hubei"])[:2]
    ['budget_weight', 'bands']
    >>> differences(NATIONAL)
    []
    """
    return [
        field.name
        for field in attrs.fields(type(rules))
        if field.name not in ("name", "title")
        and getattr(rules, field.name) != getattr(NATIONAL, field.name)
    ]


def rule_sets_table() -> list[str]:
    """The reStructuredText lines of the table of every shipped rule set."""
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 20 50 30",
        "",
        "   * - 名称 Name",
        "     - 说明 What it is",
        "     - 与全国规则不同的设置 Settings that differ from the national rules",
    ]
    for name, rules in RULE_SETS.items():
        changed = ", ".join(f"``{field}``" for field in differences(rules)) or "—"
        lines += [f"   * - ``{name}``", f"     - {rules.title}", f"     - {changed}"]
    return [*lines, ""]


def _append_table(
    app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    if obj is RULE_SETS:
        lines.extend(["", *rule_sets_table()])


def setup(app: Any) -> dict[str, Any]:
    app.connect("autodoc-process-docstring", _append_table)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
