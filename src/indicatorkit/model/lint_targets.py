"""Lint of an indicator's target (IK201–IK206, IK210–IK212, IK214): what its reading
repaired, a sentence where a number is promised, a grade scale, an Excel date serial, a share
above 100%, a rate without %, a cost read as ≤, a bound pointing the wrong way.

>>> from indicatorkit import Indicator, parse_target
>>> read = parse_target(",=100", lenient=True)
>>> found = FindingList(None)
>>> check_target(found, Indicator("产出指标", "数量指标", "受理数", read.target, ",=100"), None)
>>> [f.code for f in found.findings]
['IK201']
"""

from __future__ import annotations

import re
from fractions import Fraction

from indicatorkit.language.bounds import Direction
from indicatorkit.language.targets import DATE_SERIALS, Comparison, Qualitative, serial_date
from indicatorkit.model.cost_direction import implied_direction
from indicatorkit.model.lint_rules import FindingList
from indicatorkit.model.records import Indicator
from indicatorkit.units import NO_UNIT, UnitRegistry

__all__ = ["check_target"]

_PROMISES_NUMBER = re.compile(
    r"(?:[（(]%[）)]|%|率|数|量|数量|次数|人数|人次|比例|成本|金额|标准|时限|时间)\s*[）)]?$"
)
_PROMISES_PERCENT = re.compile(r"(?:[（(]%[）)]|%|率|比例)\s*[）)]?$")
_LESS_IS_BETTER = re.compile(r"投诉率|差错率|事故|负面|发生率|违规")
#: Shares that cannot exceed 100% (IK211): a pass, coverage or satisfaction rate — not a
#: completion or growth rate, which may.
_AT_MOST_WHOLE = re.compile(
    r"(?:合格|满意|覆盖|知晓|达标|及格|参保|入学|普及|完好|准确|正确|验收|通过|优良|治愈|接种|受理)率|满意度"
)
#: The words of a grade scale (IK212: ``优良中低差``, ``好坏``, ``是/否``, ``合格/不合格``),
#: longest first so that 不合格 is one grade.
_GRADE_WORDS = (
    "基本满意",
    "不满意",
    "不合格",
    "不达标",
    "较满意",
    "满意",
    "合格",
    "达标",
    "一般",
    "较好",
    "较差",
    *"优良中低差好坏高是否",
)
_GRADE = "|".join(_GRADE_WORDS)
_GRADE_SEPARATED = re.compile(rf"\s*(?:{_GRADE})(?:\s*[/／、,，;；]\s*(?:{_GRADE}))+\s*")
#: Written together, a scale is an antonym pair or three one-character grades or more (良好
#: and 优良 are a grade each).
_GRADE_RUN = re.compile(r"\s*(?:好坏|是否|高低|有无|[优良中低差高]{3,})\s*")
#: ``292%``: a 2 and two digits — the 2 may be a ``≥`` lost when the table was converted
#: (seen in real tables: ≥92% printed as 292%).
_LOST_SIGN = re.compile(r"\s*2([0-9]{2}(?:\.[0-9]+)?)\s*[%％]\s*")
#: Lenient repairs that changed an operator: errors, since the intent is a guess (T002 ",=",
#: T004 "=>", T007 "》").  The other repairs only tidied the text.
_OPERATOR_REPAIRS = frozenset({"T002", "T004", "T007"})


def _grade_scale(text: str) -> bool:
    """True for a target that only lists grades, each once: ``优良中低差``, ``是/否``.

    >>> [_grade_scale(text) for text in ("优良中低差", "好坏", "是/否", "合格/不合格", "良好", "优良")]
    [True, True, True, True, False, False]
    """
    if _GRADE_SEPARATED.fullmatch(text) is None and _GRADE_RUN.fullmatch(text) is None:
        return False
    grades = re.findall(_GRADE, text)
    return len(grades) == len(set(grades))


def check_target(found: FindingList, indicator: Indicator, units: UnitRegistry | None) -> None:
    """Every target finding about ``indicator`` (its text read with ``units``), into ``found``.

    >>> from indicatorkit import Indicator, parse_target
    >>> found = FindingList(None)
    >>> check_target(found, Indicator("产出指标", "数量指标", "培训人次", parse_target("≥1人次")), None)
    >>> found.findings
    []
    >>> check_target(found, Indicator("产出指标", "质量指标", "合格率", parse_target("≥200%")), None)
    >>> [f.code for f in found.findings]
    ['IK211']
    """
    _repairs(found, indicator, units)
    if isinstance(indicator.target, Qualitative):
        _sentence(found, indicator)
    elif isinstance(indicator.target, Comparison):
        _number(found, indicator, indicator.target)
        _bound(found, indicator, indicator.target)


def _title(indicator: Indicator) -> str:
    return indicator.name or indicator.description


def _repairs(found: FindingList, indicator: Indicator, units: UnitRegistry | None) -> None:
    """IK201 for a repaired operator, IK206 for any other repair the reading made."""
    for diagnostic in indicator.read_target(units).diagnostics:
        found.add(
            "IK201" if diagnostic.code in _OPERATOR_REPAIRS else "IK206",
            f"“{indicator.target_text}”：{diagnostic.message}",
            indicator.where,
            "target",
            suggestion=f"写作“{indicator.target}”"
            + ("或写明 ≥ / ≤" if diagnostic.code == "T002" else ""),
        )


def _sentence(found: FindingList, indicator: Indicator) -> None:
    """A qualitative target: a grade scale (IK212), a sentence where a number is promised
    (IK202)."""
    text, title, where = indicator.target_text, _title(indicator), indicator.where
    if _grade_scale(text):
        found.add(
            "IK212",
            f"“{text}”是评价等级，不是目标 (a grade scale, not a target)",
            where,
            "target",
            suggestion="写明要达到的等级，例如“优”或“达到良及以上” / name the grade aimed at",
        )
    if _PROMISES_NUMBER.search(title):
        found.add(
            "IK202",
            f"“{title}”的指标值是“{text}”",
            where,
            "target",
            suggestion="写成可计量的指标值，例如“≥95%”",
        )


def _number(found: FindingList, indicator: Indicator, target: Comparison) -> None:
    """The number of a comparison: an Excel date serial (IK210), a share above 100% (IK211),
    a rate without % (IK203)."""
    text, title, where = indicator.target_text, _title(indicator), indicator.where
    value, unit = target.amount.value, target.amount.unit
    if (
        indicator.level2 == "时效指标"
        and unit is NO_UNIT
        and value.denominator == 1
        and int(value) in DATE_SERIALS
    ):
        day = serial_date(int(value))
        found.add(
            "IK210",
            f"“{text}”可能是 Excel 日期序列号，即 {day.year}年{day.month}月{day.day}日 "
            f"(probably an Excel date serial for {day.isoformat()})",
            where,
            "target",
            suggestion=f"写明日期，例如“{day.year}年{day.month}月{day.day}日前” / write the date",
        )
    if (
        unit.symbol == "%"
        and value > 100
        and _AT_MOST_WHOLE.search(title)
        and not _LESS_IS_BETTER.search(title)
    ):
        lost = _LOST_SIGN.fullmatch(text)
        found.add(
            "IK211",
            f"“{title}”不会超过100%，指标值却是“{text}”",
            where,
            "target",
            suggestion=(
                f"可能是“≥{lost.group(1)}%”：“≥”在转换中变成了数字，请核对原表 / probably "
                f"≥{lost.group(1)}%, a ≥ lost in conversion: check the source"
                if lost and Fraction(lost.group(1)) <= 100
                else "请核对原表 / check the source"
            ),
        )
    if unit is NO_UNIT and _PROMISES_PERCENT.search(title):
        found.add(
            "IK203",
            f"“{title}”的指标值“{text}”没有单位",
            where,
            "target",
            suggestion=f"是否为“{text}%”",
        )


def _bound(found: FindingList, indicator: Indicator, target: Comparison) -> None:
    """Which way a comparison points: a cost read as ≤ (IK214), a lower bound where lower is
    better (IK204), against the direction given (IK205)."""
    text, title, where = indicator.target_text, _title(indicator), indicator.where
    if implied_direction(indicator) is not None:
        found.add(
            "IK214",
            f"“{text}”读作“≤{text}”",
            where,
            "target",
            suggestion=f"写作“≤{text}”或写明方向 / write ≤ or a direction",
        )
    lower_better = indicator.level2 == "成本指标" or bool(_LESS_IS_BETTER.search(title))
    operator = target.operator
    if lower_better and operator is not None and operator.is_lower_bound:
        found.add(
            "IK204",
            f"“{title}”越低越好，指标值却是“{text}”",
            where,
            "target",
            suggestion="成本、投诉、事故类指标通常写作“≤”或“<”",
        )
    if indicator.direction is not None and operator is not None and operator.value in "≥><≤":
        if (indicator.direction is Direction.HIGHER) != operator.is_lower_bound:
            found.add(
                "IK205",
                f"方向为{indicator.direction.value}，运算符为“{operator.value}”",
                where,
                "direction",
            )
