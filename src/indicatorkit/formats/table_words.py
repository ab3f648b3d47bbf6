"""The words of 绩效 tables, defined once for every layout reader: header words of the budget
block and of the indicator table, the budget block's row labels, the goal block, totals and
titles, the money units a caption names, and the template leftovers units send back.

Every word is compared after :func:`~indicatorkit.formats.grid.key` (NFKC, no whitespace, no
trailing colon), so ``年 度 资 金 总 额：`` is ``年度资金总额``.

>>> budget_column("全年预算数(A)"), budget_column("年初预算数"), budget_column("执行率(B/A)")
('budget', 'initial', 'rate')
>>> indicator_column("年度指标值"), indicator_column("实际完成值"), indicator_column("预期目标")
('target', 'actual', None)
>>> caption_money_unit("项目资金（万元）"), caption_money_unit("项目资金"), source_name("其中：当年财政拨款")
('万元', None, '当年财政拨款')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from fractions import Fraction
from typing import Final

from indicatorkit.formats.grid import key
from indicatorkit.numerals import decimal_value
from indicatorkit.units import default_registry

__all__ = [
    "budget_column",
    "caption_money_unit",
    "caption_points",
    "indicator_column",
    "is_budget_caption",
    "is_table_title",
    "is_title",
    "is_total_row",
    "layout_column",
    "level_name",
    "printed_points",
    "source_name",
    "stated_money_unit",
    "strip_points",
    "unwrap_name",
]

#: The money units a table may name (``元``, ``千元``, ``万元``, ``亿元``): the units registry's words
#: of the ``[money]`` dimension, longest first.
MONEY_WORDS: Final = default_registry().words_of("[money]")
_MONEY = "|".join(map(re.escape, MONEY_WORDS))
#: ``单位：万元``: a money unit stated after 单位 (group 1 the unit).
_UNIT_STATEMENT = rf"单位\s*[:：]\s*({_MONEY})"
#: A money unit in a caption: ``（万元）`` or ``单位：元``.
MONEY_UNIT: Final = re.compile(rf"[(（]\s*({_MONEY})\s*[)）]|{_UNIT_STATEMENT}")
#: A cell that is nothing but a money unit statement: ``单位：元``, ``单位（万元）`` (after key).
_UNIT_CELL: Final = re.compile(rf"单位[:：]?[(（]?({_MONEY})[)）]?")
#: Points printed in brackets: ``(50分)``, ``（9.5 分）``; group 1 the points.
_PRINTED_POINTS = r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]"
#: Points printed after a name: ``产出指标(50分)``; group 1 the name, group 2 the points.
POINTS: Final = re.compile(rf"^(.*?){_PRINTED_POINTS}$")
_BRACKETED_POINTS: Final = re.compile(_PRINTED_POINTS)
_TRAILING_POINTS: Final = re.compile(rf"{_PRINTED_POINTS}\s*$")
#: A running prefix before a level-3 name: ``指标1:``.
RUNNING_PREFIX: Final = re.compile(r"^\s*指标\s*(\d+)\s*[:：]\s*")
#: A template row's name with nothing after it: ``指标2``.
EMPTY_TEMPLATE_NAME: Final = re.compile(r"^\s*指标\s*\d+\s*[:：]?\s*$")
#: A template leftover: ``……``, dots, dashes.
ELLIPSIS: Final = re.compile(r"^[\s.。…·、-]*$")
#: What a table prints for "nothing here" (after :func:`key`).
DASHES: Final = frozenset({"", "—", "-", "－", "——", "/", "无"})

#: The budget block's caption (central layout): ``项目资金（万元）``.
_BUDGET_CAPTIONS: Final = ("项目资金",)
#: The total row of a budget block.
_TOTAL_ROWS: Final = ("年度资金总额", "资金总额", "合计", "总计")
#: Rows that only the central layout prints (what tells it from other 项目资金 blocks).
CENTRAL_BUDGET_ROWS: Final = ("年度资金总额", "当年财政拨款", "上年结转资金")
#: The goal block's label and its column headers.
GOAL_LABELS: Final = ("年度总体目标", "总体目标", "年度目标")
GOAL_EXPECTED: Final = ("预期目标", "年度目标")
GOAL_OUTCOME: Final = ("实际完成情况",)
GOAL_MIDTERM: Final = ("中期目标",)
#: Rows that print a total or a grade (kept as IK712 findings).
TOTAL_LABELS: Final = ("总分", "合计", "得分合计", "自评方式", "评价分值", "自评得分", "总计")
GRADE_WORDS: Final = re.compile(r"(评价分值|自评得分|得分合计|自评等级|评价等级)")
#: Labels that end an indicator table of layouts A–J (a long table runs past 项目名称).
TABLE_END_LABELS: Final = (
    "总分",
    "合计",
    "得分合计",
    "偏差大或",
    "备注",
    "项目类别",
    "项目属性",
    "自评方式",
    "评价分值",
    "自评得分",
    "自评分值",
    "项目名称",
)
#: The labels that start a project block and name it (the first found wins).
PROJECT_LABELS: Final = ("项目名称", "部门名称", "部门(单位)名称")
#: ``不适用`` written as an actual, with its reason after a colon (group 1).
NOT_APPLICABLE: Final = re.compile(r"\s*不适用\s*(?:[:：]\s*(.*))?", re.S)
#: The words a declaration table's title ends with: ``…绩效目标表``, ``…自评表``, ``…申报表``.
_TABLE_TITLE_WORD: Final = re.compile(r"绩效目标表|自评表|申报表")
TABLE_TITLE: Final = re.compile(rf"({_TABLE_TITLE_WORD.pattern})$")
#: A line of a declaration table's title block: a table title, ``单位：元``, a unit code.
TITLE_BLOCK: Final = re.compile(rf"{TABLE_TITLE.pattern}|^{_UNIT_STATEMENT}$|^\d{{6}}\S*$")
#: A title line: ``项目支出绩效自评表``, ``单位：万元`` (a year line such as ``（2024年度）``
#: is information the project does not keep: reported, not taken as a title).
TITLE: Final = re.compile(rf"{TABLE_TITLE.pattern}|^{_UNIT_STATEMENT}$")


def is_table_title(text: str, *, anywhere: bool = False) -> bool:
    """A text ending with a table title (``项目支出绩效目标表``); ``anywhere``: holding one.

    >>> is_table_title("项目支出绩效自评表"), is_table_title("自评表说明"), is_table_title("自评表说明", anywhere=True)
    (True, False, True)
    """
    return bool((_TABLE_TITLE_WORD if anywhere else TABLE_TITLE).search(text.strip()))


def is_title(text: str) -> bool:
    """A title line that carries nothing else: ``项目支出绩效自评表``, ``单位：万元`` — not
    ``2024年度项目支出绩效自评表`` (its year is information, reported where it stands).

    >>> is_title("项目支出绩效自评表"), is_title("2024年度项目支出绩效自评表")
    (True, False)
    """
    k = key(text)
    return bool(TITLE.search(k)) and not re.search(r"\d", k)


def is_budget_caption(text: str) -> bool:
    """``项目资金（万元）``, ``项 目 资 金``: the central budget block's caption.

    >>> is_budget_caption("项 目 资 金（万元）"), is_budget_caption("预算执行情况")
    (True, False)
    """
    return key(text).startswith(_BUDGET_CAPTIONS)


def caption_money_unit(text: str) -> str | None:
    """The money unit a caption names (``万元``, ``元`` …), or ``None``.

    >>> caption_money_unit("项目资金(元)"), caption_money_unit("单位：万元")
    ('元', '万元')
    """
    found = MONEY_UNIT.search(unicodedata.normalize("NFKC", text))
    return None if found is None else found.group(1) or found.group(2)


def stated_money_unit(text: str) -> tuple[str, bool] | None:
    """The money unit a title line states (``单位：万元``, ``单位（元）``) and whether the line
    says nothing else; ``None`` for a line that is no unit statement.

    >>> stated_money_unit("单位：万元"), stated_money_unit("单 位（元）"), stated_money_unit("单位：元（两位小数）")
    (('万元', True), ('元', True), ('元', False))
    >>> stated_money_unit("单位名称"), stated_money_unit("项目资金（万元）")
    (None, None)
    """
    k = key(text)
    found = caption_money_unit(k) if k.startswith("单位") else None
    return None if found is None else (found, _UNIT_CELL.fullmatch(k) is not None)


def budget_column(text: str) -> str | None:
    """The role of a budget block column header: ``initial`` (年初预算数), ``budget``
    (全年预算数, 预算数), ``executed`` (全年执行数), ``weight`` (分值), ``rate`` (执行率),
    ``score`` (得分), or ``None``.

    >>> budget_column("全 年 执 行 数(B)"), budget_column("得分计算方法"), budget_column("备注")
    ('executed', None, None)
    """
    k = key(text)
    if "得分" in k and "计算方法" not in k:
        return "score"
    if k.startswith("年初预算") or k.startswith("年初"):
        return "initial"
    if "预算数" in k or k.startswith("全年预算") or "调整后预算" in k:
        return "budget"
    if "执行数" in k:
        return "executed"
    if "执行率" in k:
        return "rate"
    return "weight" if _ROLE_TESTS["weight"](k) else None


def is_total_row(label: str) -> bool:
    """The budget block's total row: ``年度资金总额`` (spaces and all), ``合计``.

    >>> is_total_row("年 度 资 金 总 额"), is_total_row("其他资金")
    (True, False)
    """
    k = key(label)
    return any(word in k for word in _TOTAL_ROWS[:2]) or k in _TOTAL_ROWS[2:]


def source_name(label: str) -> str:
    """A fund-source row's name: the label without ``其中：`` and without spaces.

    >>> source_name("其中： 当年 财政拨款"), source_name("上年结转资金")
    ('当年财政拨款', '上年结转资金')
    """
    return re.sub(r"^其中[:：]?", "", key(label)).rstrip(":：")


#: What a header cell (after :func:`key`) says, for the roles both kinds of indicator table
#: share — written once, ordered into each table's list below.
_ROLE_TESTS: Final[dict[str, Callable[[str], bool]]] = {
    "level1": lambda k: "一级指标" in k,
    "level2": lambda k: "二级指标" in k,
    "name": lambda k: "三级指标" in k or k == "指标名称",
    "actual": lambda k: "完成值" in k or "实际值" in k or "实际完成" in k,
    "score": lambda k: "得分" in k,
    "weight": lambda k: "分值" in k or "权重" in k,
    "reason": lambda k: "原因" in k or "改进措施" in k,
    "unit": lambda k: "计量单位" in k or "度量单位" in k,
    "target": lambda k: "指标值" in k or "目标值" in k,
}


def _roles(*names: str) -> tuple[tuple[str, Callable[[str], bool]], ...]:
    return tuple((name, _ROLE_TESTS[name]) for name in names)


_INDICATOR_COLUMNS: Final = (
    *_roles("level1", "level2", "name", "actual", "score", "weight", "reason"),
    ("unit", lambda k: _ROLE_TESTS["unit"](k) or k == "单位"),
    *_roles("target"),
)


def indicator_column(text: str) -> str | None:
    """The role of an indicator table header (central layout): ``level1``, ``level2``,
    ``name``, ``target`` (年度指标值), ``unit`` (计量单位), ``actual`` (实际完成值), ``weight``
    (分值), ``score`` (得分), ``reason`` (偏差原因分析及改进措施), or ``None``.

    >>> indicator_column("三级指标"), indicator_column("偏差原因分析及改进措施")
    ('name', 'reason')
    """
    k = key(text)
    return next((role for role, test in _INDICATOR_COLUMNS if test(k)), None)


#: The columns of an indicator table in every other layout (A, C–J), tried in order: the
#: split forms' 指标值类型 / 指标性质 / 指标方向 / 计量单位, 不适用, and a long table's project
#: fields (E2).
_LAYOUT_COLUMNS: Final = (
    *_roles("level1", "level2", "name"),
    ("basis", lambda k: "确定依据" in k or k == "依据"),
    ("kind", lambda k: "指标值类型" in k),
    ("nature", lambda k: "指标性质" in k),
    ("operator", lambda k: "指标方向" in k or "运算符" in k),
    *_roles("unit"),  # 单位 alone is a long table's project_unit
    ("description", lambda k: "描述" in k or "指标解释" in k or "指标内容" in k),
    ("not_applicable", lambda k: k == "不适用"),
    ("not_applicable_reason", lambda k: k == "不适用原因"),
    *_roles("actual"),
    ("evaluator_score", _ROLE_TESTS["score"]),
    *_roles("weight", "reason", "target"),
    ("project_name", lambda k: k == "项目名称"),
    ("project_unit", lambda k: k in ("单位", "实施单位", "单位名称")),
    ("project_budget", lambda k: k.startswith("预算数") or k.startswith("年度预算")),
    ("project_goal", lambda k: "绩效目标" in k),
)


def layout_column(text: str) -> str | None:
    """The role of an indicator table header in the layouts other than the central one:
    :func:`indicator_column`'s roles (``evaluator_score`` for 得分) and ``basis``
    (指标值确定依据), ``kind`` (指标值类型), ``nature`` (指标性质), ``operator`` (指标方向,
    运算符), ``description``, ``not_applicable`` and its reason, and a long table's
    ``project_name``, ``project_unit``, ``project_budget``, ``project_goal``.

    >>> layout_column("指标方向"), layout_column("预算数（万元）"), layout_column("指标值确定依据")
    ('operator', 'project_budget', 'basis')
    """
    k = key(text)
    return next((role for role, test in _LAYOUT_COLUMNS if test(k)), None)


def level_name(text: str) -> str:
    r"""A level-1 or level-2 name as its cell prints it: written one character a line or
    wrapped, joined; its points (``产出指标(50分)``) cut off.

    >>> level_name("产\n出\n指\n标"), level_name("效益指标\n（30分）"), level_name("(20分)")
    ('产出指标', '效益指标', '')
    """
    lines = [line.strip() for line in text.strip().split("\n")]
    if all(len(line) <= 1 for line in lines):
        return strip_points("".join(lines))
    return strip_points(" ".join(part for part in lines if part))


def strip_points(text: str) -> str:
    """A level name without the points printed after it, the user's own characters kept.

    >>> strip_points("产出指标（50分）"), strip_points("(30分)"), strip_points("效益指标")
    ('产出指标', '', '效益指标')
    """
    if not POINTS.match(unicodedata.normalize("NFKC", text)):
        return text
    cut = _TRAILING_POINTS.search(text)
    return text[: cut.start()].strip() if cut else text


def caption_points(text: str) -> str | None:
    """The points a caption prints in brackets, as printed: ``预算执行情况（万元）（20分）``.

    >>> caption_points("预算执行情况（万元）（20 分）"), caption_points("项目资金（万元）")
    ('20', None)
    """
    found = _BRACKETED_POINTS.search(unicodedata.normalize("NFKC", text))
    return None if found is None else found.group(1)


def printed_points(text: str) -> Fraction | None:
    """Points printed in a cell (``10``, ``10分``, ``9.5 分``), or ``None`` for a dash or words.

    >>> printed_points("10分"), printed_points("9.5"), printed_points("—"), printed_points("十分")
    (Fraction(10, 1), Fraction(19, 2), None, None)
    """
    try:
        return decimal_value(key(text).removesuffix("分").strip())
    except (ValueError, ArithmeticError):
        return None


def unwrap_name(text: str) -> str:
    r"""A name wrapped over lines, joined: no space between Chinese characters.

    >>> unwrap_name("法律援助案件\n受理数"), unwrap_name("CPI\nindex")
    ('法律援助案件受理数', 'CPI index')
    """
    parts = [part.strip() for part in text.split("\n") if part.strip()]
    joined = parts[0] if parts else ""
    for part in parts[1:]:
        joined += (" " if joined[-1].isascii() and part[0].isascii() else "") + part
    return joined
