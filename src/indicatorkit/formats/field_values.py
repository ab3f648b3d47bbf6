"""The values of a spec's fields written as text, one cell each — what a spec file writes after
a field's key and what a long table's cell holds: money (``10000元``), a spending plan (``3月底
30%，6月底 60%``), points (``10``, ``2.5``), a direction (``正向``/``反向``), a target.

Each reading either gives the value or raises :class:`FieldValueError` with the spec file's
code for the problem (IK020 a number, IK021 an amount, IK022 a plan, IK030 a target) and the
position in the text, so a table reader builds its records directly and says where a cell is
wrong, with no spec text written to be parsed back.

>>> str(money("1.5万元", "预算")), [str(c.share) for c in plan("3月底 30%，12月底 100%").checkpoints]
('1.5万元', ['30%', '100%'])
>>> try:
...     money("十个", "预算")
... except FieldValueError as error:
...     print(error.code, error.message.split(" (")[0])
IK021 预算应为金额
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Final

from indicatorkit.errors import TextError
from indicatorkit.formats.ikspec.keys import DIRECTION_WORDS
from indicatorkit.language.bounds import Direction
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.records import Checkpoint, SpendingPlan
from indicatorkit.numerals import read_ratio
from indicatorkit.units import UnitRegistry

__all__ = [
    "FieldValueError",
    "direction",
    "direction_text",
    "money",
    "plan",
    "plan_text",
    "points",
    "target",
]

#: Between the items of a list field: ， ； ; 、 — and "," unless it groups thousands.
_SEPARATORS: Final = re.compile(r"\s*(?:[，；;、]|(?<![0-9]),|,(?![0-9]{3}(?![0-9])))\s*")


class FieldValueError(ValueError):
    """A field's text that is not its kind of value: the spec file's ``code``, the
    ``message``, the 0-based ``position`` in the text and a ``suggestion``.

    >>> FieldValueError("IK020", "分值应为非负数").code
    'IK020'
    """

    def __init__(
        self, code: str, message: str, position: int = 0, suggestion: str | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position
        self.suggestion = suggestion


def money(text: str, what: str, units: UnitRegistry | None = None) -> Amount:
    """An amount of money (IK021 otherwise).

    >>> str(money("10000元", "预算"))
    '10000元'
    """
    try:
        value = parse_actual(text, units=units)
    except TextError as error:
        raise FieldValueError("IK021", error.message, error.position, error.suggestion) from None
    if not isinstance(value, Amount) or value.unit.dimension != "[money]":
        raise FieldValueError(
            "IK021",
            f"{what}应为金额 ({what} must be money): “{text}”",
            suggestion="例如“10000元”或“1.5万元” / e.g. 10000元",
        )
    return value


def plan(text: str, what: str = "支出计划", units: UnitRegistry | None = None) -> SpendingPlan:
    """A spending plan (or, ``what`` = 累计支出, what was spent): ``3月底 30%，…`` (IK022).

    >>> plan("6月底 50%，12月底 100%").checkpoints[0].share
    Amount('50%')
    """
    checkpoints = []
    for part in _SEPARATORS.split(text.strip()):
        pieces = part.split()
        if len(pieces) != 2:
            raise FieldValueError(
                "IK022",
                f"{what}的每一项应为“时点 比例” (each entry is 'checkpoint share'): “{part}”",
                suggestion="例如“3月底 30%，6月底 60%，10月底 80%，12月底 100%”",
            )
        try:
            point = parse_actual(pieces[0], units=units)
            share = parse_actual(pieces[1], units=units)
        except TextError as error:
            at = max(text.find(error.text), 0) + error.position
            raise FieldValueError("IK022", error.message, at, error.suggestion) from None
        if not (
            isinstance(point, DatePoint)
            and isinstance(share, Amount)
            and share.unit.dimension == "[ratio]"
        ):
            raise FieldValueError(
                "IK022",
                f"{what}的一项无效 (invalid checkpoint): “{part}”",
                suggestion="时点写作“3月底”或“6月30日”，比例写作“30%”",
            )
        checkpoints.append(Checkpoint(point, share))
    return SpendingPlan(tuple(checkpoints))


def points(text: str, what: str) -> Fraction:
    """A 分值 or 自评得分: a number ≥ 0 (IK020).

    >>> points("2.5", "分值")
    Fraction(5, 2)
    """
    try:
        return read_ratio(text)
    except ValueError:
        raise FieldValueError(
            "IK020", f"{what}应为非负数 ({what} must be a number ≥ 0): “{text}”"
        ) from None


def direction(text: str) -> Direction:
    """``正向`` or ``反向`` (IK020).

    >>> direction("反向")
    <Direction.LOWER: '反向'>
    """
    found = DIRECTION_WORDS.get(text.strip())
    if found is None:
        raise FieldValueError(
            "IK020", f"方向应为“正向”或“反向” (direction is 正向 or 反向): “{text}”"
        )
    return found


def target(text: str, units: UnitRegistry | None = None) -> LenientParse:
    """A target read leniently, as a spec file reads it: a unit the reading had to make up
    (T023) is an error here, as the units are declared (IK030).

    >>> str(target("≥180件").target)
    '≥180件'
    """
    try:
        read = parse_target(text, lenient=True, units=units)
        undeclared = read.undeclared_unit()
        if undeclared is not None:
            raise undeclared
    except TextError as error:
        raise FieldValueError("IK030", error.message, error.position, error.suggestion) from None
    return read


def plan_text(given: SpendingPlan | None) -> str:
    """A spending plan as a field writes it (``""`` for none).

    >>> plan_text(plan("3月底 30%，12月底 100%"))
    '3月底 30%，12月底 100%'
    """
    if given is None:
        return ""
    return "，".join(f"{point.by} {point.share}" for point in given.checkpoints)


def direction_text(given: Direction | None) -> str:
    """``正向`` or ``反向`` (``""`` for none).

    >>> direction_text(direction("反向")), direction_text(None)
    ('反向', '')
    """
    return "" if given is None else next(w for w, d in DIRECTION_WORDS.items() if d is given)
