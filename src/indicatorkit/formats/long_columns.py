"""The columns of a long table (layout E2: one row per indicator, the project's fields beside
it): their Chinese names, English aliases and the other names they are read by, the spec-file
key each column's cells are written with, and the codes the long-table reader gives.

>>> [c.name for c in COLUMNS[:3]], NAMES["budget"], BY_NAME["指标值"].key
(['项目编号', '项目名称', '项目编码'], '预算数', '指标值')
"""

from __future__ import annotations

from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError

__all__ = [
    "BY_NAME",
    "CODES",
    "COLUMNS",
    "NAMES",
    "NO_REASON",
    "OLDER_COLUMNS",
    "OPERATOR_WORDS",
    "REQUIRED",
    "SPLIT_COLUMNS",
    "Column",
    "LongTableError",
]


@attrs.frozen
class Column:
    """A column: its Chinese name, English alias, more names it is read by, the spec-file key
    its cells are written with, and whether it belongs to the project (else the indicator).

    >>> budget = next(c for c in COLUMNS if c.alias == "budget")
    >>> budget.title, budget.key, budget.project, budget.more
    ('预算数 budget', '预算', True, ('预算',))
    """

    name: str
    alias: str
    key: str
    project: bool
    more: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.name} {self.alias}"


#: Every column, in the order they are written.
COLUMNS: Final[tuple[Column, ...]] = (
    Column("项目编号", "number", "", True, ("编号",)),
    Column("项目名称", "project", "", True, ("项目",)),
    Column("项目编码", "code", "编码", True),
    Column("实施单位", "unit", "单位", True, ("单位",)),
    Column("预算数", "budget", "预算", True, ("预算",)),
    Column("财政资金", "fiscal", "财政资金", True),
    Column("其他资金", "other", "其他资金", True),
    Column("资金用途", "purpose", "用途", True, ("用途",)),
    Column("资金支出计划", "plan", "支出计划", True, ("支出计划",)),
    Column("项目绩效目标", "goal", "绩效目标", True, ("绩效目标", "年度绩效目标")),
    Column("暂不公开", "withheld", "暂不公开", True),
    Column("全年执行数", "executed", "执行数", True, ("执行数",)),
    Column("调整后预算", "adjusted_budget", "调整后预算", True),
    Column("资金来源", "fund_sources", "资金来源", True),
    Column("目标完成情况", "goal_outcome", "目标完成情况", True),
    Column("累计支出", "spent", "累计支出", True),
    Column("执行说明", "budget_reason", "执行说明", True),
    Column("评价结论", "conclusion", "评价结论", True),
    Column("存在问题", "problems", "存在问题", True),
    Column("改进措施", "improvements", "改进措施", True),
    Column("一级指标", "level1", "", False, ("level 1",)),
    Column("二级指标", "level2", "", False, ("level 2",)),
    Column("三级指标", "indicator", "", False, ("指标名称",)),
    Column("绩效指标描述", "description", "描述", False, ("描述", "指标描述")),
    Column("指标值", "target", "指标值", False, ("目标值", "年度指标值")),
    Column("指标值确定依据", "basis", "依据", False, ("依据",)),
    Column("分值", "weight", "分值", False, ("权重",)),
    Column("指标性质", "direction", "方向", False, ("方向",)),
    Column("实际完成值", "actual", "实际值", False, ("实际值", "完成值")),
    Column("自评得分", "score", "自评得分", False, ("得分",)),
    Column("偏差原因", "reason", "偏差原因", False, ("偏差原因分析及改进措施", "偏差原因分析")),
    Column("不适用", "not_applicable", "不适用", False),
)
#: Columns read, never written: a target split as the national system keeps it (运算符
#: ``≥``/``大于等于``/``定性``, the number in 指标值 or 目标值, 计量单位 ``百分比``/``元``).
SPLIT_COLUMNS: Final[tuple[Column, ...]] = (
    Column("运算符", "operator", "", False, ("指标方向", "比较符")),
    Column("计量单位", "measure", "", False, ("度量单位",)),
)
#: Columns read, never written: an older table's 年初预算数 beside a 预算数 that was the
#: 全年预算数 (:mod:`indicatorkit.model.budget_columns` folds it into 预算数 and 调整后预算).
OLDER_COLUMNS: Final[tuple[Column, ...]] = (
    Column("年初预算数", "initial_budget", "年初预算", True, ("年初预算",)),
)
#: The columns a long table must have.
REQUIRED: Final = ("项目编号", "三级指标", "指标值")
#: Each column by its Chinese name.
BY_NAME: Final = {column.name: column for column in (*COLUMNS, *SPLIT_COLUMNS, *OLDER_COLUMNS)}
#: Every name a header cell may give (casefolded) → the column's Chinese name.
NAMES: Final = {
    name.casefold(): column.name
    for column in (*COLUMNS, *SPLIT_COLUMNS, *OLDER_COLUMNS)
    for name in (column.name, column.alias, *column.more)
}
#: The words of the 运算符 column for the signs.
OPERATOR_WORDS: Final = {"大于等于": "≥", "大于": ">", "等于": "=", "小于": "<", "小于等于": "≤"}
#: The word a cell holds for "given, with no reason written".
NO_REASON: Final = {"不适用": "不适用", "暂不公开": "暂不公开"}


#: The codes this reader reports (a cell's own problems carry the spec file's IK0xx codes).
CODES: Final[dict[str, str]] = {
    "IK630": "表头缺少必需的列或列重复 / a header missing or repeating a column",
    "IK631": "未知的列，未导入 / an unknown column, not imported",
    "IK632": "行的格数与表头不同，未导入 / a row wider or narrower than the header, not imported",
    "IK633": "项目编号不是整数，或名称跨行 / a bad project number, or a name on two lines",
    "IK634": "CSV 无法解码或解析 / the CSV cannot be decoded or parsed",
    "IK635": "同一项目的字段前后不同 / a project field that differs between its rows",
    "IK636": "拆分的指标值（运算符、数值、计量单位）读不出，该指标未导入 / a split target that cannot be read",
    "IK637": "部门为空，又不是上一行项目的续行：归入（未填部门）/ an empty department on a row that "
    "does not continue the project above: scored under (no department)",
}


class LongTableError(IndicatorkitError):
    """A spec a long table cannot hold (a department, programmes, its own units or rules).

    >>> from indicatorkit import loads
    >>> from indicatorkit.formats.long_table import long_table_rows
    >>> try:
    ...     next(long_table_rows(loads("部门 1 司法局\\n")))
    ... except LongTableError as error:
    ...     print(str(error).split(" (")[0])
    长表只存项目与指标，放不下：部门 department
    """
