"""Conventions: text that only a documented convention reads (``8月前``, ``11月``,
``2023.07-2024.01``, ``2020年``, ``2021.6``).  The grammar and the strict reader return such a
text as a :class:`Convention` — a value, never an exception on the way — and the two readers
decide: strict reading refuses it (:meth:`Convention.error`), lenient reading takes
``reading`` with the diagnostic ``code`` (T040–T044).

>>> from indicatorkit.language.reading import read_or_convention
>>> from indicatorkit.units import default_registry
>>> convention = read_or_convention("8月前", default_registry())
>>> convention.code, convention.reading, (convention.start, convention.end)
('T040', Deadline('8月底前'), (0, 3))
>>> print(convention.error("8月前").suggestion)
写明“8月底前”或具体日期；宽松模式按惯例读作“8月底前” / write the day; lenient reading takes “8月底前” by convention
"""

from __future__ import annotations

from typing import Any

import attrs

from indicatorkit.errors import AmbiguousTargetError

__all__ = ["Convention"]


@attrs.frozen
class Convention:
    """What a convention reads from a text: the diagnostic ``code``, the ``message`` saying
    why strict reading refuses it, the span ``[start, end)`` (in the text as given, once out
    of the grammar), the ``suggestion``, and the ``reading`` (a grammar form inside the
    grammar, a target after strict reading).

    >>> from indicatorkit.language.targets import Deadline
    >>> from indicatorkit.language.values import DatePoint
    >>> year = Convention("T043", "只写了年份", 0, 5, "写作“2020年12月底前”", Deadline(DatePoint(12, None, 2020)))
    >>> type(year.error("2020年")).__name__, year.error("2020年").code
    ('AmbiguousTargetError', 'T043')
    """

    code: str
    message: str
    start: int
    end: int
    suggestion: str
    reading: Any

    def error(self, text: str) -> AmbiguousTargetError:
        """The error strict reading raises for ``text``."""
        return AmbiguousTargetError(
            self.message,
            text,
            self.start,
            end=self.end,
            suggestion=self.suggestion,
            code=self.code,
            reading=self.reading,
        )
