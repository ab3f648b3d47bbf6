"""A rate's unit word as the grammar builds it (``元/人``, ``次/年``, ``元/人/个月``): the signs
between its words — the grammar's ``PER`` and ``TIMES`` — and the word looked up, its top unit
and each denominator joined with "/", a month counted as 个月.  The grammar's transformer and
the fast path (:mod:`indicatorkit.language.plain`) both build rates here.

>>> PER_SIGNS, TIMES_SIGNS
('/每', '*.·×')
>>> rate_word("元", ["人", denominator("月")])
'元/人/个月'
"""

from __future__ import annotations

from collections.abc import Iterable

from indicatorkit.grammars import terminal_words

__all__ = [
    "COUNTED_MONTH",
    "MONTH_WORDS",
    "PER_SIGNS",
    "TIMES_SIGNS",
    "denominator",
    "month_first",
    "rate_word",
]

#: The signs before a denominator (the grammar's PER: 元/人, 元每人), each one character.
PER_SIGNS = "".join(terminal_words("PER"))
#: The signs joining more denominators after the first (TIMES: 元/人·月, 元/人*月, 元/人.每天).
TIMES_SIGNS = "".join(terminal_words("TIMES"))
#: A month as a denominator: 元/月 is 元/个月 (月 alone is no unit: 6月 is a date).
COUNTED_MONTH = "个月"
#: The grammar's MONTH words (月, 月份), longest first.
MONTH_WORDS = terminal_words("MONTH")
_MONTHS = frozenset(MONTH_WORDS)


def month_first(word: str) -> bool:
    """Whether ``word`` starts with a month word.  The grammar's lexer reads a month there
    wherever one can stand (its MONTH outranks a unit word): after a number it is a date's
    month (``12月``, ``3-6月``), after "/" or 每 it is :data:`COUNTED_MONTH` — even when the
    registry defines 月 as a unit, which is then read only where no month can stand (after a
    comparator or a multiplier: ``≥12月``).

    >>> month_first("月"), month_first("月份"), month_first("个月"), month_first("人")
    (True, True, False, False)
    """
    return word.startswith(MONTH_WORDS)


def denominator(word: str) -> str:
    """The unit word a denominator written ``word`` counts in: a month (the grammar's MONTH:
    月, 月份) is 个月.

    >>> denominator("月份"), denominator("人")
    ('个月', '人')
    """
    return COUNTED_MONTH if word in _MONTHS else word


def rate_word(top: str, denominators: Iterable[str]) -> str:
    """The unit word of a rate: ``top`` (``""`` for a rate of a bare number, ``/株``) over
    each of ``denominators`` (already :func:`denominator`'s words), as the registry looks it
    up.

    >>> rate_word("", ["株"])
    '/株'
    """
    return "/".join([top, *denominators])
