"""Did-you-mean for an unknown unit word: the known unit words nearest to it.

A word is first written in the standard characters of the shipped units
(:func:`~indicatorkit.units.variants.standard_spelling`: 萬 for 万, 圆 and 圓 for 元, 噸 for 吨) — so
that ``万圆`` is nearest to ``万元``, which it means, rather than to ``万人次``,
which shares a character with it.  The word is still unknown: only the suggestion changes.

>>> from indicatorkit.units import default_registry
>>> nearest_units(default_registry(), "万圆")
('万元', '万人次')
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from indicatorkit.units.counting import is_cjk
from indicatorkit.units.dimensions import MAX_UNIT_TEXT
from indicatorkit.units.variants import standard_spelling

if TYPE_CHECKING:
    from indicatorkit.units.registry import UnitRegistry

__all__ = ["nearest_units"]


def _meant(registry: UnitRegistry, word: str, standard: str) -> list[str]:
    """``[standard]`` when ``word`` differs from it only in variant characters and
    ``standard`` names a unit (``万圆`` → ``万元``), else nothing."""
    if standard == word:
        return []
    try:
        registry.unit_of_text(standard)
    except KeyError:
        return []
    return [standard]


def _nearest_counting_words(registry: UnitRegistry, word: str, limit: int) -> list[str]:
    """The counting words close to a Chinese ``word`` (and ``个月`` for ``月``)."""
    counted = f"个{word}"
    found = [counted] if len(word) == 1 and counted in registry.known_unit_set() else []
    return found + difflib.get_close_matches(word, registry.counting_words(), n=limit, cutoff=0.3)


def _nearest_words(registry: UnitRegistry, word: str, limit: int) -> list[str]:
    """The unit words close to ``word``: the same letters in another case first (kwh → kWh),
    then by similarity, else any sharing its first character."""
    candidates = registry.known_unit_words()
    same_letters = [c for c in candidates if c.lower() == word.lower()]
    close = same_letters + [
        c
        for c in difflib.get_close_matches(word, candidates, n=limit, cutoff=0.3)
        if c not in same_letters
    ]
    close = close[:limit]
    if not close and word:
        close = [c for c in candidates if c and (c[0] in word or word[0] in c)][:limit]
    return close


def nearest_units(registry: UnitRegistry, word: str, limit: int = 3) -> tuple[str, ...]:
    """Known unit words of ``registry`` closest to ``word`` (for "did you mean" suggestions).

    The unit ``word`` means when written in standard characters comes first.  A Chinese word
    is then compared with the counting words first (a table that writes ``≥5航`` means a
    count, not a percentage or a time); a single character gets counting words only (and its
    counted form ``个月`` for ``月``), a longer word falls back to every unit word when no
    counting word is close.

    >>> from indicatorkit.units import default_registry
    >>> units = default_registry()
    >>> nearest_units(units, "航"), nearest_units(units, "嗯"), nearest_units(units, "月")
    (('航次',), (), ('个月',))
    >>> nearest_units(units, "千瓦"), nearest_units(units, "圆")
    (('千瓦时', '万千瓦时', '千米'), ('元',))
    """
    word = word[:MAX_UNIT_TEXT]
    standard = standard_spelling(word)
    meant = _meant(registry, word, standard)
    if standard and all(is_cjk(char) for char in standard):
        found = _nearest_counting_words(registry, standard, limit)
        if found or len(standard) == 1:
            return tuple(dict.fromkeys([*meant, *found]))[:limit]
    close = _nearest_words(registry, standard, limit)
    return tuple(dict.fromkeys([*meant, *close]))[:limit]
