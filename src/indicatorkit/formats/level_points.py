"""The points a level-1 cell prints (``产出指标(50分)``) checked against the weights of its rows
(IK711), for every indicator table: the central layout's, layouts A, C–J and long tables.

A level is named as its rows' ``level1`` is (:func:`~indicatorkit.formats.table_words.level_name`:
lines joined, points cut off), so a wrapped or full-width cell finds its rows.  Printed points
that disagree with the rows' weights are a warning; points printed over rows with no weights
are information (scoring uses the rule set's weights): never dropped unsaid.  A group caption
(``年度绩效目标1（40分）``, IK719) is no level.

>>> from indicatorkit.formats.grid import grid_from_rows
>>> from indicatorkit.formats.grid_reading import GridReading
>>> from indicatorkit.language.parse import parse_target
>>> from indicatorkit.model.records import Indicator
>>> grid = grid_from_rows("表", [["产出指标\\n（50分）"], [None], ["效益指标(30分)"]],
...                       merges=[(1, 1, 2, 1)])
>>> reading = GridReading(grid)
>>> rows = [(Indicator("产出指标", "数量指标", f"数{n}", parse_target("≥1件"), weight=20), n)
...         for n in (1, 2)]
>>> check_level_points(reading, 1, rows, range(1, 4))
>>> [(f.code, f.severity.name, f.line) for f in reading.findings]
[('IK711', 'WARNING', 1), ('IK711', 'INFO', 3)]
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from indicatorkit.formats.grid import key
from indicatorkit.formats.grid_reading import GridReading
from indicatorkit.formats.table_words import POINTS, level_name
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Indicator

__all__ = ["check_level_points"]

#: A group caption across the table, not a level (IK719 where the row is read).
_GROUP_CAPTION = "年度绩效目标"


def _printed(reading: GridReading, column: int, rows: range) -> dict[str, tuple[Fraction, int]]:
    """Each level the cells of ``column`` in ``rows`` print points for: the points and the
    first row printing them."""
    printed: dict[str, tuple[Fraction, int]] = {}
    for row in rows:
        cell = reading.grid.cell(row, column)
        match = None if cell is None else POINTS.match(key(cell.text))
        if match is None or cell is None:
            continue
        level = level_name(cell.text)
        if level and _GROUP_CAPTION not in level:
            printed.setdefault(level, (Fraction(match.group(2)), row))
    return printed


def check_level_points(
    reading: GridReading,
    column: int | None,
    found: Sequence[tuple[Indicator, int]],
    rows: range,
) -> None:
    """Points printed in the level-1 cells (``column``, ``None`` for no such column) of
    ``rows`` against the weights of the indicators ``found`` there (see the module).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> reading = GridReading(grid_from_rows("表", [["产出指标(50分)"]]))
    >>> check_level_points(reading, 1, [], range(1, 2))
    >>> [(f.code, f.severity.name) for f in reading.findings]
    [('IK711', 'INFO')]
    """
    if column is None:
        return
    for level, (points, row) in _printed(reading, column, rows).items():
        weights = [i.weight for i, _ in found if i.level1 == level]
        if not weights or any(w is None for w in weights):
            reading.say(
                "IK711",
                Severity.INFO,
                f"“{level}”印有 {points} 分，但各指标没有分值；打分时按规则集的权重 "
                f"(level points printed, no per-row weights: scoring uses the rule set's)",
                row,
                column,
            )
            continue
        total = sum((w for w in weights if w is not None), Fraction(0))
        if total != points:
            reading.say(
                "IK711",
                Severity.WARNING,
                f"“{level}”印的是 {points} 分，各指标分值合计 {total} "
                f"(the level prints {points} points; its rows add up to {total})",
                row,
                column,
            )
