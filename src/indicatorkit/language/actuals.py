"""Reading actual values (实际完成值): an amount (``96%``, ``6万元``), a date (``12月20日``) or
a period (``2024年3月-5月``; a month named alone, ``2024年5月``, is the whole month).

>>> parse_actual("6万元") == parse_actual("60000元")
True
>>> parse_actual("12月20日")
DatePoint(month=12, day=20, year=None)
"""

from __future__ import annotations

from typing import NamedTuple, TypeAlias

from indicatorkit.errors import ArgumentError, IndicatorkitError
from indicatorkit.language.grammar import Start
from indicatorkit.language.plain import match_plain
from indicatorkit.language.syntax import CachedReader, check_text, read_with_grammar
from indicatorkit.language.values import Amount, DatePoint, DateSpan, exact_amount
from indicatorkit.units import UnitRegistry, registry_in_use

__all__ = [
    "ActualReading",
    "ReadActual",
    "actual_reading",
    "clear_caches",
    "parse_actual",
    "read_actual",
]

#: An actual text as read: its value, or the located error reading it raised.
ActualReading: TypeAlias = Amount | DatePoint | DateSpan | IndicatorkitError


class ReadActual(NamedTuple):
    """An actual ``text`` as read with ``units``: its ``reading`` (kept so that nothing reads
    it again, ``Indicator.actual_reading``).

    >>> from indicatorkit import Indicator, parse_target
    >>> indicator = Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"), actual="200件")
    >>> indicator.read_actual(), indicator.actual_reading.text, indicator.actual_reading.reading
    (Amount('200件'), '200件', Amount('200件'))
    """

    text: str
    units: UnitRegistry
    reading: ActualReading


def _plain(text: str, registry: UnitRegistry) -> Amount | None:
    """The amount a plain actual means (a number and a unit, no operator), or ``None``."""
    plain = match_plain(text, registry)
    if plain is None or plain[0] is not None or plain[3] is not None:
        return None
    return exact_amount(plain[1], plain[2])


def _read(registry: UnitRegistry, text: str) -> Amount | DatePoint | DateSpan:
    """What a text the fast path declined means (the grammar, or the located error)."""
    check_text(text, Start.ACTUAL)
    return read_with_grammar(text, Start.ACTUAL, registry)  # type: ignore[no-any-return]


#: Actual texts read, and kept per registry.
_READER = CachedReader(_plain, _read)


def clear_caches() -> None:
    """Forget every cached reading of actual text.

    >>> from indicatorkit.units import default_registry
    >>> first = read_actual("96%", default_registry())
    >>> clear_caches()
    >>> read_actual("96%", default_registry()) is first  # read again: a new object
    False
    """
    _READER.clear()


def read_actual(text: str, registry: UnitRegistry) -> Amount | DatePoint | DateSpan:
    """:func:`parse_actual` in ``registry`` (cached per registry).

    >>> from indicatorkit.units import default_registry
    >>> read_actual("96%", default_registry())
    Amount('96%')
    >>> period = read_actual("2024年5月", default_registry())  # a month alone: the whole month
    >>> str(period.start), str(period.end)
    ('2024年5月1日', '2024年5月底')
    """
    return _READER.read(text, registry)


def actual_reading(text: str, registry: UnitRegistry) -> ActualReading:
    """:func:`read_actual`, its error returned rather than raised: what a caller keeps so
    that the text is read once (``Indicator.read_actual``).

    >>> from indicatorkit.units import default_registry
    >>> actual_reading("96%", default_registry()), type(actual_reading("≥96%", default_registry())).__name__
    (Amount('96%'), 'TargetSyntaxError')
    """
    try:
        return read_actual(text, registry)
    except IndicatorkitError as error:  # kept without its frames: the caller's frame (which
        return error.with_traceback(None)  # holds it) is not in a cycle through them


def parse_actual(text: str, *, units: UnitRegistry | None = None) -> Amount | DatePoint | DateSpan:
    """Parse an actual value (实际完成值): an amount, a date or a period.  ``units`` is the unit
    registry to read with (``None``: :func:`~indicatorkit.units.registry_in_use`).

    >>> parse_actual("≥95%")
    Traceback (most recent call last):
      ...
    indicatorkit.errors.TargetSyntaxError: 实际值无法解析 / cannot read actual: 第1列出现意外的“≥” (unexpected '≥' at column 1)
      ≥95%
      ^
      提示 / hint: 此处应为 / expected here: “-”、“全年”、“年底”、中文数字 numeral、数字 number、日期 date (2020.12.31)、百分之… numeral
    """
    if not isinstance(text, str):
        raise ArgumentError("parse_actual", "text", "str", text)
    return read_actual(text, registry_in_use() if units is None else units)
