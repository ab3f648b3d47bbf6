"""The fast path for what is not a plain comparison: sentences that are certainly sentences,
deadlines and periods written the common way (``2023年12月底前``, ``11月底前``, ``2021年1月-12月``,
``1-12月``, ``全年``) and ranges of two plain amounts (``18—54周岁``, ``90%～100%``).  Read
without the grammar, by a few regular expressions on the text normalised once.

Anything it is not sure of gives ``None`` and goes to the grammar, which gives the same
target (``tests/test_fast_forms.py`` holds the two paths equal on generated strings and on
every corpus text) or the located error.

>>> from indicatorkit.units import default_registry
>>> sentence("全部完成", default_registry())
Qualitative('全部完成')
>>> [fast_form(text, text, default_registry()) for text in ("2023年12月底前", "1-12月")]
[Deadline('2023年12月底前'), Period('1月～12月')]
>>> fast_form("11月前", "11月前", default_registry()) is None  # before November, or by its end?
True
"""

from __future__ import annotations

import re

from indicatorkit.errors import DimensionMismatchError
from indicatorkit.grammars import terminal_words
from indicatorkit.language.grammar import Start, parser_for
from indicatorkit.language.plain import NUMBER, match_plain, number_value, unit_after_number
from indicatorkit.language.prose import (
    _number_words_only,
    is_prose,
    unit_alone,
    unquote,
)
from indicatorkit.language.regex_words import start_characters
from indicatorkit.language.targets import AnyTarget, Deadline, Period, Qualitative, Range
from indicatorkit.language.text import TARGET_CHARACTERS, WORD_PUNCTUATION, normalize, words_only
from indicatorkit.language.values import Amount, DatePoint, DateSpan, valid_day
from indicatorkit.units import NO_UNIT, UnitRegistry
from indicatorkit.vocabulary import (
    CHARACTER_ALIASES,
    Operator,
)

__all__ = ["DATES_SEPARATOR", "SEPARATOR", "fast_form", "foreign_sentence", "sentence"]

# ---- sentences ----------------------------------------------------------------------------------

#: Characters of a text that is certainly a sentence when it has a letter: CJK ideographs,
#: ASCII letters, spaces and punctuation that is no sign (:func:`words_only`: no digit) — but
#: none a target needs (:data:`~indicatorkit.language.text.TARGET_CHARACTERS`: numerals, 半,
#: 年) nor a look-alike (萬, 贰, 仟 are numerals once normalised; a text with one is left to
#: ``reading``).  The grammar reads none of such a text, and it is prose.
_PUNCTUATION = WORD_PUNCTUATION
_NOT_IN_SENTENCE = TARGET_CHARACTERS + "".join(CHARACTER_ALIASES)


#: The characters of :func:`~indicatorkit.language.text.words_only` normalise to characters
#: of the class (full-width punctuation to ASCII, … to ...): a text as given matches exactly
#: when its normal form does, so the check needs no normalising.  (One class that leaves the
#: numerals out is slower to match than the two checks.)
_SENTENCE = words_only
_AMOUNT_OR_YEAR = re.compile("[" + re.escape(_NOT_IN_SENTENCE) + "]").search


def sentence(text: str, registry: UnitRegistry) -> Qualitative | None:
    """The sentence ``text`` (as the user gave it) when it is certainly one — what ``reading``
    decides without the grammar for it — else ``None``.  It needs no normalising: the
    characters it takes are their own normal form or normalise to punctuation.

    >>> from indicatorkit.units import default_registry
    >>> sentence("及时足额发放，群众满意", default_registry())
    Qualitative('及时足额发放，群众满意')
    >>> [sentence(text, default_registry()) for text in ("全年培训两次", "人次", "五对")]
    [None, None, None]
    """
    if _SENTENCE(text) is None or _AMOUNT_OR_YEAR(text) is not None:
        return None
    stripped = text.strip()
    if not stripped.strip(_PUNCTUATION):
        return None  # no letter: not prose
    pairs = "对" in stripped or "對" in stripped  # (a frozenset's isdisjoint hashes each character)
    if pairs or len(stripped) <= len(registry.known_unit_words()[0]):
        # normalising never shortens these characters (… becomes ...): a longer text is no
        # unit word, and one without 对 no pair count — most sentences need no normal form
        normalised = normalize(stripped)[0] if not stripped.isalpha() else stripped
        if normalised in registry.known_unit_set():
            return None  # a unit alone: an unfilled cell (an error)
        if pairs and _number_words_only(normalised, registry):
            return None
    return Qualitative(stripped)


def _start_characters(registry: UnitRegistry) -> frozenset[str] | None:
    """Every character a target can start with in the grammar of ``registry``: the first
    characters of the terminals its start state accepts (``None`` when one of them may start
    with too many to list)."""
    parser = parser_for(registry)
    table = parser.parser.parser.parser.parse_table
    accepted = table.states[table.start_states[Start.TARGET.value]]
    characters: set[str] = set()
    for terminal in parser.terminals:
        if terminal.name in accepted:
            first = start_characters(terminal.pattern.to_regexp())
            if first is None:
                return None
            characters |= first
    return frozenset(characters)


def foreign_sentence(text: str, normalised: str, registry: UnitRegistry) -> Qualitative | None:
    """The sentence ``text`` is when no target can start with its first character
    (``进一步完善``, ``完成六安市…``): the grammar fails on it before reading anything, and
    ``reading`` asks whether it is prose — asked here the same way.  ``None`` for anything
    else.

    >>> from indicatorkit.units import default_registry
    >>> foreign_sentence("进一步完善", "进一步完善", default_registry())
    Qualitative('进一步完善')
    >>> foreign_sentence("一次性通过", "一次性通过", default_registry()) is None  # 一 is a numeral
    True
    """
    stripped = normalised.strip()
    if not stripped:
        return None
    if _start_characters not in registry.memo:
        registry.memo[_start_characters] = _start_characters(registry)
    starts = registry.memo[_start_characters]
    if starts is None or stripped[0] in starts:
        return None  # the grammar may read something: it decides
    if unit_alone(stripped, registry) or unquote(text.strip()):
        return None  # a quoted sentence: reading takes its inside
    return Qualitative(text.strip()) if is_prose(normalised, registry) else None


# ---- deadlines and periods ---------------------------------------------------------------------


def _either(*names: str) -> str:
    """The words of the grammar's terminals ``names`` as one alternation (a group of its own,
    capturing nothing)."""
    return (
        "(?:" + "|".join(re.escape(word) for name in names for word in terminal_words(name)) + ")"
    )


#: Between the ends of a range or a period, as the grammar's RANGE_SEP and DASH (``1-12月``,
#: ``5到10人``, ``1负5``); between two dates, DOUBLE_DASH too (``2023年3月--2023年10月``).
SEPARATOR = _either("RANGE_SEP", "DASH")
DATES_SEPARATOR = _either("DOUBLE_DASH", "RANGE_SEP", "DASH")

_YEAR = r"(?:((?:19|20|21)[0-9]{2})年)"
_MONTH = r"(0?[1-9]|1[0-2])"
_DAY = r"(0?[1-9]|[12][0-9]|3[01])"
#: The grammar's DAY (日, 号), MONTH_END (底, 末), DEADLINE_MARK (前, 之前 …) and COMPLETE.
_DAY_WORD, _MONTH_END = _either("DAY"), _either("MONTH_END")
_DEADLINE_MARK, _COMPLETE = _either("DEADLINE_MARK"), _either("COMPLETE")
#: ``2023年12月31日前``, ``11月底前``, ``2021年12月完成`` — a month named alone with 前 or with
#: neither year nor 完成 is ambiguous (T040, T041): the grammar says so.
_MONTH_DEADLINE = re.compile(
    f"{_YEAR}?{_MONTH}月(?:{_DAY}{_DAY_WORD}|({_MONTH_END}))?({_DEADLINE_MARK})?({_COMPLETE})?。?"
).fullmatch
#: ``年底前``, ``2023年底``, ``2025年年底前``, ``2022年末之前``.
_YEAR_END = re.compile(f"(?:{_YEAR}年?|年){_MONTH_END}{_DEADLINE_MARK}?{_COMPLETE}?。?").fullmatch
#: ``2021年1月-12月``, ``2020年1月1日-2020年12月31日``, ``1月至6月``.
_POINT = f"{_YEAR}?{_MONTH}月份?(?:{_DAY}{_DAY_WORD})?"
_MONTHS = re.compile(f"{_POINT}{DATES_SEPARATOR}{_POINT}。?").fullmatch
#: ``1-12月``: the first month a bare number.
_BARE_MONTHS = re.compile(f"{_MONTH}{SEPARATOR}{_MONTH}月份?(?:{_DAY}{_DAY_WORD})?。?").fullmatch
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
    return (
        DatePoint(month_number, day_number, year_number)
        if valid_day(month_number, day_number, year_number)
        else None
    )


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


# ---- ranges ---------------------------------------------------------------------------------

#: ``90%～100%``, ``18—54周岁``, ``1万-2万元``, ``5到10人之间``: two plain amounts (no sign, no
#: operator) and a separator.  A unit word holds no separator, space or digit.
_SEPARATING = sorted(
    {char for name in ("RANGE_SEP", "DASH") for char in "".join(terminal_words(name))}
)
_WORD = "[^0-9\\s" + re.escape("".join(_SEPARATING)) + "。之]*"
_RANGE = re.compile(f"({NUMBER})({_WORD}){SEPARATOR}({NUMBER})({_WORD})(?:之间)?。?").fullmatch


def _amount(number: str, word: str, registry: UnitRegistry) -> Amount | None:
    value, unit = number_value(number), unit_after_number(word, registry)
    return None if value is None or unit is None else Amount(value, unit)


def _range(normalised: str, registry: UnitRegistry) -> Range | None:
    match = _RANGE(normalised)
    if match is None:
        return None
    low = _amount(match[1], match[2], registry)
    high = _amount(match[3], match[4], registry)
    if low is None or high is None:
        return None
    try:  # the unit written once, as the grammar's range() takes it
        if low.unit is NO_UNIT and high.unit is not NO_UNIT:
            low = Amount(low.value, high.unit)  # 90-100%
        elif low.unit.dimension == "" and high.unit.dimension != "":
            low = Amount(low.normalized / high.unit.factor, high.unit)  # 1万-2万元
        return Range(low, high)
    except (ValueError, DimensionMismatchError):
        return None  # a reversed range, two kinds of unit: the grammar gives the error


def _tolerance(normalised: str, registry: UnitRegistry) -> Range | None:
    """``±3%``, ``±5%以内``: from -3% to 3%, as the grammar's ``tolerance``."""
    plain = match_plain(normalised.lstrip()[1:], registry)
    if plain is None or plain[0] is not None or plain[3] not in (None, Operator.LE):
        return None
    _, value, unit, _ = plain
    if value <= 0:
        return None
    try:
        return Range(Amount(-value, unit), Amount(value, unit))
    except (ValueError, DimensionMismatchError):
        return None


_DOTTED_DATE = "((?:1[89]|2[01])[0-9]{2})\\.(0?[1-9]|1[0-2])\\.(0?[1-9]|[12][0-9]|3[01])"
#: ``2020.1.1-2020.12.31``, ``2021.1.1-12.31`` (the first end's year holds for the second).
_DOTTED = re.compile(
    f"{_DOTTED_DATE}{DATES_SEPARATOR}(?:{_DOTTED_DATE}|(0?[1-9]|1[0-2])\\.(0?[1-9]|[12][0-9]|3[01]))。?"
).fullmatch


def _dotted(normalised: str) -> Period | None:
    match = _DOTTED(normalised)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.group(1, 2, 3))
    if not valid_day(month, day, year):
        return None
    if match[4] is not None:
        last_year, last_month, last_day = (int(part) for part in match.group(4, 5, 6))
        if not valid_day(last_month, last_day, last_year):
            return None
        return _span(DatePoint(month, day, year), DatePoint(last_month, last_day, last_year))
    if "--" in normalised or "——" in normalised:
        return None  # a double dash before a month.day: the grammar says no
    last_month, last_day = int(match[7]), int(match[8])
    if not valid_day(last_month, last_day, year):
        return None
    return _span(DatePoint(month, day, year), DatePoint(last_month, last_day))


#: What a deadline, a period or a range starts with: a year, a month, a number, 年底 / 全年.
_DATE_START = re.compile("[0-9年全]").match


def fast_form(text: str, normalised: str, registry: UnitRegistry) -> AnyTarget | None:
    """The deadline, period or range ``text`` (as the user gave it; ``normalised`` its normal
    form) certainly is — the target the grammar reads from it — or ``None`` (a sentence is
    :func:`sentence`'s to decide, and the rest the grammar's).

    >>> from indicatorkit.units import default_registry
    >>> fast_form("2021年12月31日", "2021年12月31日", default_registry())
    Deadline('2021年12月31日前')
    >>> fast_form("2021年13月", "2021年13月", default_registry()) is None  # no such month
    True
    """
    if _DATE_START(normalised) is not None:
        form = (
            _deadline(normalised)
            or _period(normalised)
            or _range(normalised, registry)
            or (_dotted(normalised) if "." in normalised else None)
        )
        if form is not None:
            return form
    elif normalised.lstrip().startswith("±"):
        return _tolerance(normalised, registry)
    return None
