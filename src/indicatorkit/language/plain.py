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

from indicatorkit.language.values import Amount
from indicatorkit.numerals import MAX_DIGITS, decimal_value
from indicatorkit.units import UnitRegistry
from indicatorkit.vocabulary import PREFIX_OPERATORS, SUFFIX_OPERATORS, Operator

__all__ = ["match_plain"]

_PREFIXES = "|".join(re.escape(w) for w in sorted(PREFIX_OPERATORS, key=len, reverse=True))
_SUFFIX_WORDS = "|".join(re.escape(w) for w in sorted(SUFFIX_OPERATORS, key=len, reverse=True))
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
#: prefix operator, number, unit word (anything but digits and spaces), suffix operator
_PATTERN = re.compile(f"\\s*({_PREFIXES})?\\s*({_NUMBER})\\s*([^0-9\\s]*?)({_SUFFIX_WORDS})?\\s*")


def match_plain(
    normalised: str, registry: UnitRegistry
) -> tuple[Operator | None, Amount, Operator | None] | None:
    """``(prefix operator, amount, suffix operator)`` of a plain form, or ``None`` for
    anything the grammar must read."""
    match = _PATTERN.fullmatch(normalised)
    if match is None:
        return None
    prefix, number, word, suffix = match.groups()
    if len(number) - ("." in number) > MAX_DIGITS:
        return None  # the grammar's reader gives the located error
    try:
        unit = registry.unit(word)
    except KeyError:
        return None
    return (
        PREFIX_OPERATORS[prefix] if prefix else None,
        Amount(decimal_value(number), unit),
        SUFFIX_OPERATORS[suffix] if suffix else None,
    )
