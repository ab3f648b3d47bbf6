"""An actuals table where a spec was expected: a sheet whose header names 项目 and what only
an actuals table carries (执行数, 累计支出, 不适用), and no 分值 — the workbook
``indicatorkit export --template`` writes, filled in by a unit.  It says what happened, not
the targets: read as a spec it would be scored without weights, budget or basis.  It is
refused with a finding (IK724) saying to give it with its spec
(``indicatorkit score 目标表 本表``).
"""

from __future__ import annotations

import itertools
from typing import Final

from indicatorkit.formats.actuals_table import Record, column_names
from indicatorkit.formats.grid import Grid
from indicatorkit.formats.layouts.book import WORKBOOK, Container
from indicatorkit.formats.table_words import indicator_column
from indicatorkit.model.findings import Finding, Severity

__all__ = ["CODES", "actuals_sheet_finding"]

CODES: Final = {"IK724": "实际值表不是目标表 / an actuals table, not a spec"}

#: Columns only an actuals table has (a spec's table never names them in its header).
_ACTUALS_ONLY: Final = frozenset({"执行数", "累计支出", "不适用"})
#: How far down a header is looked for (it sits under a title and a line of instructions).
_TOP_ROWS: Final = 10
#: Column names a row must hold to be a table's header.
_HEADER_NAMES: Final = 3


def actuals_sheet_finding(grid: Grid, container: Container = WORKBOOK) -> Finding | None:
    """IK724 at the header of ``grid`` when it is an actuals table (see the module), else
    ``None``; ``container`` names what the grid is (a workbook's sheet, a document's table).

    >>> from indicatorkit.formats.grid import grid_from_rows
    >>> grid = grid_from_rows("填报", [["项目支出绩效自评填报表"],
    ...     ["项目", "三级指标", "指标值", "实际完成值", "执行数（元）", "不适用"],
    ...     ["法律援助", "受理数", "≥180件", "200件", "", ""]], source="填报.xlsx")
    >>> print(actuals_sheet_finding(grid).render())  # doctest: +ELLIPSIS
    填报.xlsx:填报!A2: IK724 error: 工作表“填报”是实际值表（填报表），不是目标表，未读作规格 ...
      提示 / hint: 与目标表一起使用：indicatorkit score 目标表 填报.xlsx / give it with its spec: indicatorkit score SPEC 填报.xlsx
    >>> actuals_sheet_finding(grid_from_rows("表", [["项目", "三级指标", "分值", "不适用"]])) is None
    True

    Rows under a spec's header are data, whatever they say (an indicator named 项目, 不适用):

    >>> actuals_sheet_finding(grid_from_rows("表", [["三级指标", "指标值", "分值", "不适用"],
    ...     ["项目", "0", "", "不适用"]])) is None
    True
    """
    for row in itertools.islice(grid.non_empty_rows(), _TOP_ROWS):
        cells = grid.own_cells(row)
        texts = [""] * max((c.column for c in cells), default=0)
        for cell in cells:
            texts[cell.column - 1] = cell.text
        names = column_names(Record(row, texts, grid.name))
        if len(names) < _HEADER_NAMES:
            continue  # a title, an instruction: the header is further down
        # the first header decides (rows under it are data: an indicator named 项目, 不适用)
        weighted = any(indicator_column(text) == "weight" for text in texts)
        if not ("项目" in names and names & _ACTUALS_ONLY and not weighted):
            return None
        shown = grid.source or "本表"
        return Finding(
            "IK724",
            Severity.ERROR,
            f"{container.grid[0]}“{grid.name}”是实际值表（填报表），不是目标表，未读作规格 (an actuals "
            "table — a filled-in template —, not a spec: not read as one)",
            row,
            cells[0].column,
            suggestion=f"与目标表一起使用：indicatorkit score 目标表 {shown} / give it with "
            f"its spec: indicatorkit score SPEC {shown}",
            file=grid.source or None,
            sheet=grid.name,
        )
    return None
