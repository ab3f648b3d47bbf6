"""Typed targets: what a 指标值 means, and whether an actual value meets it.

Five kinds, all frozen and hashable, all behind the :class:`Target` protocol:

* :class:`Comparison` — ``≥95%``, ``<100元``, ``≤1次``, or a bare ``98%``;
* :class:`Range` — ``90%～100%`` (both ends included: our own documented convention);
* :class:`Deadline` — ``12月底前``, ``6月30日前``, ``2024年11月`` (by the end of that month);
* :class:`Period` — ``3-11月``, ``2023年3月--2023年10月``, ``全年`` (both ends included);
* :class:`Qualitative` — a sentence such as ``及时足额发放``, graded by judgement.

Numbers are exact :class:`~fractions.Fraction` values, normalised to the base unit of their
dimension when the target is built.  Whether a number meets a target is decided by the
target's :meth:`~Comparison.bounds` (see :mod:`indicatorkit.language.bounds`); how much a
missed target is worth is a scoring rule (:mod:`indicatorkit.scoring`), not the target's.

>>> from indicatorkit import parse_target
>>> target = parse_target(">5万元")
>>> target.check("60000元").met, target.check(5).met
(True, False)

:data:`AnyTarget` is any of the four kinds; :data:`Actual` is what ``check`` accepts:

>>> from typing import get_args
>>> from indicatorkit.language import Actual, AnyTarget
>>> [kind.__name__ for kind in get_args(AnyTarget)]
['Comparison', 'Range', 'Deadline', 'Period', 'Qualitative']
>>> [kind.__name__ for kind in get_args(Actual)][:5]
['str', 'int', 'float', 'Decimal', 'Fraction']
"""

from __future__ import annotations

from functools import cached_property
from typing import TypeAlias

import attrs

from indicatorkit.errors import InvalidValueError
from indicatorkit.language.bounds import DayBounds, Direction
from indicatorkit.language.checking import (
    DATE_SERIALS,
    Actual,
    CheckResult,
    DayTarget,
    QuantityLike,
    Target,
    serial_date,
)
from indicatorkit.language.comparisons import Comparison, Range, Threshold, exact_comparison
from indicatorkit.language.prose import reads_as_prose
from indicatorkit.language.values import DatePoint, DateSpan, Grade, restatement
from indicatorkit.units import UnitRegistry

__all__ = [
    "DATE_SERIALS",
    "Actual",
    "AnyTarget",
    "CheckResult",
    "Comparison",
    "Deadline",
    "Period",
    "Qualitative",
    "QuantityLike",
    "Range",
    "Target",
    "Threshold",
    "exact_comparison",
    "serial_date",
]


@attrs.frozen(repr=False)
class Deadline(DayTarget):
    """``12月底前``: done by the day ``by`` (inclusive) — its bound.

    An actual is a :class:`datetime.date`, a :class:`DatePoint`, a :class:`DateSpan` (done
    within it: met when its last day is in time) or text such as ``12月20日`` or
    ``2024年11月`` (the whole month).  Years are compared only when both sides give one: then
    an earlier year meets it and a later one misses it; otherwise ``(month, day)`` is
    compared with ``by.key()``.

    >>> import datetime
    >>> from indicatorkit import parse_target
    >>> target = parse_target("12月底前")
    >>> target
    Deadline('12月底前')
    >>> target.check(datetime.date(2025, 12, 20)).met
    True
    """

    by: DatePoint = attrs.field(validator=attrs.validators.instance_of(DatePoint))

    def __str__(self) -> str:
        return f"{self.by}前"

    def __repr__(self) -> str:
        return f"Deadline({str(self)!r})"

    @cached_property
    def _bounds(self) -> DayBounds:
        return DayBounds(None, self.by)


@attrs.frozen(repr=False)
class Period(DayTarget):
    """``3-11月``: a span of days, both ends included — met by a day inside it, or by a
    period that lies wholly inside it.

    ``str`` writes ``3月～11月`` (a month named alone at the start is its 1st, at the end its
    last day; a year written once holds for both ends).  Years count only when both sides
    give one, as for :class:`Deadline`.

    >>> from indicatorkit import parse_target
    >>> period = parse_target("2024年3月-10月")
    >>> period, period.check("2024年5月").met, period.check("2024年11月1日").met
    (Period('2024年3月～10月'), True, False)
    """

    span: DateSpan = attrs.field(validator=attrs.validators.instance_of(DateSpan))

    def __str__(self) -> str:
        return str(self.span)

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    @cached_property
    def _bounds(self) -> DayBounds:
        return DayBounds(self.span.start, self.span.end)


@attrs.frozen(repr=False)
class Qualitative:
    """A target written as a sentence (定性), graded by judgement.

    ``check`` reads the grade from the actual (``达成`` / ``部分达成`` / ``未达成``, or their
    full forms, or a :class:`Grade`): met is ``True`` only for 达成, ``None`` when the actual
    names no grade yet.

    >>> from indicatorkit import parse_target
    >>> target = parse_target("及时足额发放")
    >>> target
    Qualitative('及时足额发放')
    >>> target.check("达成").met, target.check("部分达成").met
    (True, False)
    """

    text: str = attrs.field()

    @text.validator
    def _not_blank(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise InvalidValueError(
                f"定性指标文本不能为空或以空白开头结尾 (blank or padded text): {value!r}"
            )

    def __str__(self) -> str:
        """The sentence itself, or quoted (“…”) when it would not read back as a sentence —
        it contains numbers or signs, or reads as an expression."""
        return self.text if reads_as_prose(self.text) else f"“{self.text}”"

    def __repr__(self) -> str:
        return f"Qualitative({self.text!r})"

    def reading(self, actual: Actual, *, units: UnitRegistry | None = None) -> Grade | None:
        """The grade ``actual`` names, or ``None``; an actual that repeats the target or says
        it was fully done (``100%``, ``是``, ``已完成``: :func:`~indicatorkit.language.values.
        restatement`) names 达成.

        >>> Qualitative("是").reading("是"), Qualitative("及时发放").reading("100%")
        (<Grade.ACHIEVED: '达成年度指标'>, <Grade.ACHIEVED: '达成年度指标'>)
        """
        if isinstance(actual, Grade):
            return actual
        if not isinstance(actual, str):
            return None
        grade = Grade.read(actual)
        if grade is None and restatement(self.text, actual) is not None:
            return Grade.ACHIEVED
        return grade

    def check(
        self,
        actual: Actual,
        *,
        direction: Direction | None = None,
        units: UnitRegistry | None = None,
    ) -> CheckResult:
        grade = self.reading(actual)
        met = None if grade is None else grade is Grade.ACHIEVED
        return CheckResult(self, actual, met, direction, units)


#: Any target :func:`~indicatorkit.parse_target` returns.
AnyTarget: TypeAlias = Comparison | Range | Deadline | Period | Qualitative
