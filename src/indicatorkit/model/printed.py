"""What a published self-assessment prints beyond its rows: the 总分 row's 得分, the grade, the
budget line's 执行率 and 得分, and where each was printed.

The library computes these figures itself (:func:`indicatorkit.score`); a reader keeps the
printed ones so that :func:`indicatorkit.audit` can check them against the printed rows and
the rules.  Like :class:`~indicatorkit.model.records.Where` they are left out of a project's
equality: a spec read from a workbook equals the same spec written as text.

>>> from fractions import Fraction
>>> printed = Printed(total=Fraction(96), grade="优", sheet="自评表",
...                   places={"total": (30, 7)})
>>> printed.total, printed.grade, printed.place("total"), printed.place("grade")
(Fraction(96, 1), '优', (30, 7), None)
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs

__all__ = ["Printed"]


def _read_only(mapping: Mapping[str, tuple[int, int]]) -> Mapping[str, tuple[int, int]]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class Printed:
    """The printed figures of one project's table (``None``: not printed or not readable).

    ``total`` is the 总分 row's 得分; ``grade`` the 评价等级 as printed (优, 良, 中, 差);
    ``budget_score`` the budget line's 得分 and ``budget_rate`` its 执行率 as a share
    (``94.78%`` is ``0.9478``); ``sheet`` the sheet, page or table the project was read from;
    ``places`` the (row, column) of each figure, by field name (1-based).

    >>> Printed(budget_rate=Fraction("0.9478")).budget_rate, Printed().total
    (Fraction(4739, 5000), None)
    """

    total: Fraction | None = None
    grade: str | None = None
    budget_score: Fraction | None = None
    budget_rate: Fraction | None = None
    sheet: str | None = None
    places: Mapping[str, tuple[int, int]] = attrs.field(factory=dict, converter=_read_only)

    def __reduce__(self) -> tuple[Any, ...]:
        values = (self.total, self.grade, self.budget_score, self.budget_rate, self.sheet)
        return (_rebuild, (*values, dict(self.places)))  # a mapping proxy does not pickle

    def place(self, field: str) -> tuple[int, int] | None:
        """Where ``field`` was printed, or ``None`` when that is not known."""
        return self.places.get(field)


def _rebuild(
    total: Fraction | None,
    grade: str | None,
    budget_score: Fraction | None,
    budget_rate: Fraction | None,
    sheet: str | None,
    places: dict[str, tuple[int, int]],
) -> Printed:
    return Printed(total, grade, budget_score, budget_rate, sheet, places)
