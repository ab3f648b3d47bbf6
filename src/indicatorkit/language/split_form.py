"""The split form of the national budget system: operator, number and unit in three fields.

The system stores an operator code (``≥ ＞ ＝ ＜ ≤`` or ``定性``), the number and the unit in
separate columns; the result is the same target the merged text gives.

>>> parse_split_target("≥", "95", "百分比") == parse_target("≥95%")
True
>>> parse_split_target("＜", "100", "元")
Comparison('<100元')
>>> parse_split_target("定性", "及时足额发放", "")
Qualitative('及时足额发放')
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from indicatorkit import units
from indicatorkit.errors import (
    InvalidTargetError,
    InvalidValueError,
    TargetSyntaxError,
)
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import AnyTarget, Comparison, Range
from indicatorkit.language.text import normalize
from indicatorkit.language.values import Amount
from indicatorkit.numerals import decimal_value, to_fraction
from indicatorkit.vocabulary import SIGN_OPERATORS

__all__ = ["QUALITATIVE_CODE", "parse_split_target"]

#: The operator code that marks a qualitative target.
QUALITATIVE_CODE = "定性"

#: The national system's operator codes (full-width where they have a full-width form).
FULL_WIDTH = {"≥": "≥", ">": "＞", "=": "＝", "<": "＜", "≤": "≤"}

_NUMBER = re.compile(r"-?(\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?)")


def parse_split_target(
    operator: str, value: str | int | Decimal | Fraction, unit: str | None = ""
) -> AnyTarget:
    """Build a target from the three fields of the national system's split form.

    ``operator`` is one of ``≥ ＞ ＝ ＜ ≤`` (any width; ASCII ``>=`` too) or ``定性``; for
    ``定性`` the ``value`` field holds the sentence and ``unit`` must be empty.  Errors name
    the field: :class:`InvalidTargetError` for the operator and the number,
    :class:`~indicatorkit.errors.UnknownUnitError` for the unit (as the registry names it).

    >>> from indicatorkit.language import parse_split_target
    >>> parse_split_target("≥", "95", "%"), parse_split_target("<", 100, "元")
    (Comparison('≥95%'), Comparison('<100元'))
    """
    code = normalize(operator.strip())[0]
    unit_text = normalize((unit or "").strip())[0]
    if code == QUALITATIVE_CODE:
        if unit_text:
            raise InvalidTargetError(
                "定性指标不应有计量单位 (a qualitative target takes no unit)",
                unit or "",
                0,
                end=len(unit or ""),
            )
        if not isinstance(value, str):
            raise TypeError("定性指标的指标值必须是文字 (a qualitative value must be text)")
        target = parse_target(value)
        if not isinstance(target, Comparison | Range):
            return target
        if isinstance(target, Range):
            hint = "拆分格式只能填写单一比较，不能填写区间 / the split form holds no ranges"
        elif target.operator is None:
            hint = "在运算符字段写 ≥ ＞ ＝ ＜ ≤ 之一 / put the operator in the operator field"
        else:
            sign = FULL_WIDTH[target.operator.value]
            hint = (
                f"运算符应为“{sign}”，数值与单位分开填写 / "
                f"the operator is {sign!r}; number and unit go in their own fields"
            )
        raise InvalidTargetError(
            f"运算符为“定性”，但指标值“{value}”是一个数值目标 (marked 定性 but quantitative)",
            value,
            0,
            end=len(value),
            suggestion=hint,
        )
    if code not in SIGN_OPERATORS:
        raise InvalidTargetError(
            f"运算符无效 (invalid operator field) “{operator}”",
            operator,
            0,
            end=max(1, len(operator)),
            suggestion="应为 ≥ ＞ ＝ ＜ ≤ 或 定性 之一",
        )
    magnitude = _number(value)
    resolved = units.registry_in_use().unit(unit_text)  # UnknownUnitError names the field's word
    try:
        return Comparison(SIGN_OPERATORS[code], Amount(magnitude, resolved))
    except InvalidValueError as error:
        raise InvalidTargetError(
            f"指标值字段无效 (invalid value field): {error}", str(value), 0, end=len(str(value))
        ) from None


def _number(value: str | int | Decimal | Fraction) -> Fraction:
    if not isinstance(value, str):
        try:
            return to_fraction(value)
        except (TypeError, ValueError) as error:
            raise InvalidTargetError(
                f"指标值字段不是有限数 (value field is not a finite number): {error}", str(value), 0
            ) from None
    text = normalize(value.strip())[0]
    if not _NUMBER.fullmatch(text):
        raise TargetSyntaxError(
            f"指标值字段不是数字 (value field is not a number) “{value}”",
            value,
            0,
            end=max(1, len(value)),
            suggestion="拆分格式的指标值只写数字，单位写在计量单位字段",
        )
    return decimal_value(text)
