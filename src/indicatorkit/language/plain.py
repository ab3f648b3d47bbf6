"""The fast path for plain forms — ``≥95%``, ``不低于90%``, ``1,000件以上``, ``96%``: an
optional prefix operator, a number, a known unit word and an optional suffix operator, read
without the parser.  Anything else goes to the grammar, which gives the same result (a
property test holds the two paths equal) or the error.

>>> from indicatorkit.units import default_registry
>>> match_plain("不低于90%", default_registry())
(<Operator.GE: '≥'>, Amount('90%'), None)
>>> match_plain("90%以上件", default_registry()) is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from indicatorkit.language.values import Amount
from indicatorkit.numerals import MAX_DIGITS, decimal_value
from indicatorkit.units import Unit, UnitRegistry
from indicatorkit.vocabulary import PREFIX_OPERATORS, SUFFIX_OPERATORS, Operator

__all__ = ["match_plain"]

_PREFIXES = "|".join(re.escape(w) for w in sorted(PREFIX_OPERATORS, key=len, reverse=True))
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_PATTERN = re.compile(f"({_PREFIXES})?\\s*({_NUMBER})\\s*([^0-9\\s]*)")
_SUFFIXES = tuple(sorted(SUFFIX_OPERATORS, key=len, reverse=True))


@lru_cache(maxsize=16)
def _units_of(registry: UnitRegistry) -> dict[str, Unit]:
    return {word: registry.unit(word) for word in ("", "%", "元", "万元", "件", "人", "次")}


def match_plain(
    normalised: str, registry: UnitRegistry
) -> tuple[Operator | None, Amount, Operator | None] | None:
    """``(prefix operator, amount, suffix operator)`` of a plain form, or ``None`` for
    anything the grammar must read."""
    match = _PATTERN.fullmatch(normalised.strip())
    if match is None:
        return None
    prefix, number, rest = match.groups()
    if len(number) - ("." in number) > MAX_DIGITS:
        return None  # the grammar's reader gives the located error
    suffix = next((s for s in _SUFFIXES if rest.endswith(s)), None) if rest else None
    word = rest[: -len(suffix)] if suffix else rest
    unit = _units_of(registry).get(word)
    if unit is None:
        if word not in registry.known_unit_set():
            return None
        unit = registry.unit(word)
    return (
        PREFIX_OPERATORS[prefix] if prefix else None,
        Amount(decimal_value(number), unit),
        SUFFIX_OPERATORS[suffix] if suffix else None,
    )
