"""The fast path for what is not a plain comparison: sentences that are certainly sentences,
deadlines and periods written the common way (``2023年12月底前``, ``11月底前``, ``2021年1月-12月``,
``1-12月``, ``全年``), and a plain comparison that ends with a full stop (``15万元。``).  Read
without the grammar, by a few regular expressions on the text normalised once.

Anything it is not sure of gives ``None`` and goes to the grammar, which gives the same
target (``tests/test_fast_forms.py`` holds the two paths equal on generated strings and on
every corpus text) or the located error.

>>> from indicatorkit.units import default_registry
>>> [fast_form(text, default_registry()) for text in ("全部完成", "2023年12月底前", "1-12月")]
[Qualitative('全部完成'), Deadline('2023年12月底前'), Period('1月～12月')]
>>> fast_form("11月前", default_registry()) is None  # before November begins, or by its end?
True
"""

from __future__ import annotations

import re

from indicatorkit.language.prose import SIGN_CHARACTERS, _number_words_only
from indicatorkit.language.targets import AnyTarget, Deadline, Period, Qualitative
from indicatorkit.language.text import normalize
from indicatorkit.language.values import DatePoint, DateSpan, valid_day
from indicatorkit.units import UnitRegistry

__all__ = ["fast_form"]

# ---- sentences ----------------------------------------------------------------------------------

#: Characters of a text that is certainly a sentence when it has a letter: CJK ideographs but
#: the numerals, 半 and 年 (what a target's amount or date needs), ASCII letters, spaces and
#: punctuation that is no sign.  Such a text has no digit, no numeral, no sign and no year
#: word: the grammar reads none of it (``reading._NO_AMOUNT_OR_DATE``), and it is prose.
_PUNCTUATION = "".join(
    char for char in " \t,.;:!?()[]、，。；：！？（）【】《》〈〉‘’'·…" if char not in SIGN_CHARACTERS
)
_NOT_IN_SENTENCE = "零〇一二两三四五六七八九十百千万亿半年"
_SENTENCE = re.compile(
    "[\u4e00-\u9fffA-Za-z" + re.escape(_PUNCTUATION) + "]+"
).fullmatch
_AMOUNT_OR_YEAR = re.compile("[" + _NOT_IN_SENTENCE + "]").search
_LETTER = re.compile("[\u4e00-\u9fffA-Za-z]").search
#: 对 and 對 count pairs (五对): a text with one may be a number word (``reading`` decides).
_PAIRS = frozenset("对對")


def _sentence(text: str, normalised: str, registry: UnitRegistry) -> Qualitative | None:
    """The sentence ``text`` when it is certainly one (what ``reading`` decides without the
    grammar for it), else ``None``."""
    if _SENTENCE(normalised) is None or _AMOUNT_OR_YEAR(normalised) is not None:
        return None
    stripped = normalised.strip()
    if not stripped or _LETTER(stripped) is None or stripped in registry.known_unit_set():
        return None  # no letter: not prose; a unit alone: an unfilled cell (an error)
    if not _PAIRS.isdisjoint(stripped) and _number_words_only(stripped, registry):
        return None
    return Qualitative(text.strip())


# ---- deadlines and periods ---------------------------------------------------------------------

_YEAR = r"(?:((?:19|20|21)[0-9]{2})年)"
_MONTH = r"(0?[1-9]|1[0-2])"
_DAY = r"(0?[1-9]|[12][0-9]|3[01])"
_MARK = r"(?:前|之前|以前)?(?:完成|到位|完工|竣工|办结)?。?"
#: ``2023年12月31日前``, ``11月底前``, ``2021年12月完成`` — a month named alone with 前 or with
#: neither year nor 完成 is ambiguous (T040, T041): the grammar says so.
_MONTH_DEADLINE = re.compile(
    f"{_YEAR}?{_MONTH}月(?:{_DAY}[日号]|([底末]))?(前|之前|以前)?(完成|到位|完工|竣工|办结)?。?"
).fullmatch
#: ``年底前``, ``2023年底``, ``2025年年底前``, ``2022年末之前``.
_YEAR_END = re.compile(f"(?:{_YEAR}年?|年)[底末]{_MARK}").fullmatch
#: ``2021年1月-12月``, ``2020年1月1日-2020年12月31日``, ``1月至6月``.
_SEPARATOR = "(?:-|--|~|—|——|–|至|到)"
_POINT = f"{_YEAR}?{_MONTH}月份?(?:{_DAY}[日号])?"
_MONTHS = re.compile(f"{_POINT}{_SEPARATOR}{_POINT}。?").fullmatch
#: ``1-12月``: the first month a bare number.
_BARE_MONTHS = re.compile(f"{_MONTH}(?:-|~|—|–|至|到){_MONTH}月份?(?:{_DAY}[日号])?。?").fullmatch
#: ``全年``, ``2020年全年``.
_WHOLE_YEAR = re.compile(f"{_YEAR}?全年。?").fullmatch


def _number(text: str | None) -> int | None:
    return None if text is None else int(text)


def _deadline(normalised: str) -> Deadline | None:
    match = _MONTH_DEADLINE(normalised)
    if match is not None:
        year, month, day = _number(match[1]), int(match[2]), _number(match[3])
        if day is not None:
            return Deadline(DatePoint(month, day, year)) if valid_day(month, day, year) else None
        if match[4] is None and (match[5] is not None or (match[6] is None and year is None)):
            return None  # 8月前, 11月: ambiguous, the grammar gives the error
        return Deadline(DatePoint(month, None, year))
    match = _YEAR_END(normalised)
    if match is not None:
        return Deadline(DatePoint(12, None, _number(match[1])))
    return None


def _point(year: str | None, month: str, day: str | None, *, first: bool) -> DatePoint | None:
    year_number, month_number, day_number = _number(year), int(month), _number(day)
    if day_number is None:  # a month named alone: its first day at the start, its end at the end
        return DatePoint(month_number, 1 if first else None, year_number)
    return DatePoint(month_number, day_number, year_number) if valid_day(
        month_number, day_number, year_number
    ) else None


def _span(start: DatePoint | None, end: DatePoint | None) -> Period | None:
    """The period, a year written once holding for both ends (as the grammar's ``_span_of``)."""
    if start is None or end is None:
        return None
    try:
        if start.year is not None and end.year is None:
            end = DatePoint(end.month, end.day, start.year)
        elif end.year is not None and start.year is None:
            start = DatePoint(start.month, start.day, end.year)
        return Period(DateSpan(start, end))
    except ValueError:
        return None  # a reversed period, 2月29日 of a common year: the grammar gives the error


def _period(normalised: str) -> Period | None:
    match = _MONTHS(normalised)
    if match is not None:
        return _span(
            _point(match[1], match[2], match[3], first=True),
            _point(match[4], match[5], match[6], first=False),
        )
    match = _BARE_MONTHS(normalised)
    if match is not None:
        return _span(DatePoint(int(match[1]), 1), _point(None, match[2], match[3], first=False))
    match = _WHOLE_YEAR(normalised)
    if match is not None:
        year = _number(match[1])
        return Period(DateSpan(DatePoint(1, 1, year), DatePoint(12, None, year)))
    return None


#: What a deadline or a period starts with: a year, a month, or 年底 / 全年.
_DATE_START = re.compile("[0-9年全]").match


def fast_form(text: str, registry: UnitRegistry) -> AnyTarget | None:
    """The sentence, deadline or period ``text`` (as the user gave it) certainly is — the
    target the grammar reads from it — or ``None`` for the grammar to read.

    >>> from indicatorkit.units import default_registry
    >>> fast_form("2021年12月31日", default_registry()), fast_form("全年", default_registry())
    (Deadline('2021年12月31日前'), Period('1月～12月'))
    >>> fast_form("2021年13月", default_registry()) is None  # no such month: the grammar says so
    True
    """
    normalised = normalize(text)[0]
    if _DATE_START(normalised) is not None:
        form = _deadline(normalised) or _period(normalised)
        if form is not None:
            return form
    return _sentence(text, normalised, registry)
