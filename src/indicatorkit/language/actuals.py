"""Reading actual values (实际完成值): an amount (``96%``, ``6万元``), a date (``12月20日``) or
a period (``2024年3月-5月``; a month named alone, ``2024年5月``, is the whole month).

>>> parse_actual("6万元") == parse_actual("60000元")
True
>>> parse_actual("12月20日")
DatePoint(month=12, day=20, year=None)
"""

from __future__ import annotations

from indicatorkit.language.grammar import Start
from indicatorkit.language.plain import match_plain
from indicatorkit.language.syntax import MAX_TEXT, check_text, per_registry, read_with_grammar
from indicatorkit.language.values import Amount, DatePoint, DateSpan
from indicatorkit.units import UnitRegistry, default_registry

__all__ = ["actual_reader", "clear_caches", "parse_actual", "read_actual"]


def _read(registry: UnitRegistry, text: str) -> Amount | DatePoint | DateSpan:
    if len(text) <= MAX_TEXT:
        plain = match_plain(text, registry)
        if plain is not None and plain[0] is None and plain[2] is None:
            return plain[1]
    check_text(text, Start.ACTUAL)
    return read_with_grammar(text, Start.ACTUAL, registry)  # type: ignore[no-any-return]


#: ``actual_reader(registry)`` is ``registry``'s cached reader of an actual text.
actual_reader = per_registry(_read)


def clear_caches() -> None:
    """Forget every cached reading of actual text.

    >>> from indicatorkit.units import default_registry
    >>> reader = actual_reader(default_registry())
    >>> actual_reader(default_registry()) is reader
    True
    >>> clear_caches()
    >>> actual_reader(default_registry()) is reader
    False
    """
    actual_reader.cache_clear()


def read_actual(text: str, registry: UnitRegistry) -> Amount | DatePoint | DateSpan:
    """:func:`parse_actual` in ``registry`` (cached per registry).

    >>> from indicatorkit.units import default_registry
    >>> read_actual("96%", default_registry())
    Amount('96%')
    >>> period = read_actual("2024年5月", default_registry())  # a month alone: the whole month
    >>> str(period.start), str(period.end)
    ('2024年5月1日', '2024年5月底')
    """
    return actual_reader(registry)(text)  # type: ignore[no-any-return]


def parse_actual(text: str, *, units: UnitRegistry | None = None) -> Amount | DatePoint | DateSpan:
    """Parse an actual value (实际完成值): an amount, a date or a period.  ``units`` is the unit
    registry to read with (the default registry when ``None``).

    >>> parse_actual("≥95%")
    Traceback (most recent call last):
      ...
    indicatorkit.errors.TargetSyntaxError: 实际值无法解析 / cannot read actual: 第1列出现意外的“≥” (unexpected '≥' at column 1)
      ≥95%
      ^
      提示 / hint: 此处应为 / expected here: “-”、“全年”、“年底”、中文数字 numeral、数字 number、日期 date (2020.12.31)、百分之… numeral
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_actual needs a str, not {type(text).__name__}")
    return actual_reader(default_registry() if units is None else units)(text)  # type: ignore[no-any-return]
