"""What a regular expression can match, read from its parsed form (``re._parser``): the
characters a match can start with, and the words it matches when they are few.  The grammar's
terminals are regular expressions: :mod:`indicatorkit.language.tables` writes both down for
the readers that work without the grammar, and the fast path asks which characters a target
can start with (:mod:`indicatorkit.language.fast_forms`).

>>> sorted(start_characters("不?包?含(本数)?"))
['不', '包', '含']
>>> words_of("(?:年底|年末)"), words_of("不?含"), words_of("[0-9]+")
(('年底', '年末'), ('不含', '含'), None)
>>> start_characters("a?") is None  # may match nothing: no first character to say
True
>>> every_match_holds("[0-9]+|年底", set("0123456789年")), every_match_holds("不?含", set("含"))
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import product
from typing import Any

__all__ = ["every_match_holds", "start_characters", "words_of"]

#: The most words :func:`words_of` lists (a terminal with more is no list of words).
MAX_WORDS = 256

_parse: Any = re._parser.parse


def _first(items: Any) -> tuple[frozenset[str] | None, bool]:
    """The characters a parsed regular expression can start with (``None``: any) and whether
    it can match nothing."""
    found: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return frozenset({*found, chr(arg)}), False
        if name == "IN":
            for kind, value in arg:
                if str(kind) == "LITERAL":
                    found.add(chr(value))
                elif str(kind) == "RANGE":
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:  # NEGATE, CATEGORY: too many to list
                    return None, False
            return frozenset(found), False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width (a lookaround only narrows what matches)
        if name == "SUBPATTERN":
            parts = [(arg[-1], False)]
        elif name == "BRANCH":
            parts = [(branch, False) for branch in arg[1]]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            parts = [(arg[2], arg[0] == 0)]
        else:  # ANY, NOT_LITERAL, a back reference …
            return None, False
        nullable = False
        for sub, optional in parts:
            first, empty = _first(sub)
            if first is None:
                return None, False
            found |= first
            nullable = nullable or empty or optional
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


def start_characters(pattern: str) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with — ``None`` when there are too
    many to list (``.``, ``[^…]``, ``\\w``) or when it can match the empty string.

    >>> sorted(start_characters("的同时|同时|[、;]|(?<![0-9]),"))
    [',', ';', '、', '同', '的']
    """
    first, empty = _first(_parse(pattern))
    return None if empty else first


def _words(items: Any) -> set[str] | None:
    """The words a parsed sequence matches (a lookaround left out: it only narrows where),
    or ``None`` when they are too many or unbounded."""
    words = {""}
    for op, arg in items:
        name = str(op)
        part: set[str] | None
        if name == "LITERAL":
            part = {chr(arg)}
        elif name == "IN":
            part = _class(arg)
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        elif name == "SUBPATTERN":
            part = _words(arg[-1])
        elif name == "BRANCH":
            part = set()
            for branch in arg[1]:
                found = _words(branch)
                if found is None:
                    return None
                part |= found
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            part = _repeated(arg)
        else:
            return None
        if part is None or len(words) * len(part) > MAX_WORDS:
            return None
        words = {head + tail for head, tail in product(words, part)}
    return words


def _class(arg: Any) -> set[str] | None:
    chars: set[str] = set()
    for kind, value in arg:
        if str(kind) == "LITERAL":
            chars.add(chr(value))
        elif str(kind) == "RANGE" and value[1] - value[0] < MAX_WORDS:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars


def _repeated(arg: Any) -> set[str] | None:
    low, high, sub = arg
    once = _words(sub)
    if once is None or high > 8:  # unbounded (MAXREPEAT) or too long to list
        return None
    words: set[str] = set()
    for count in range(low, high + 1):
        for parts in product(sorted(once), repeat=count):
            words.add("".join(parts))
            if len(words) > MAX_WORDS:
                return None
    return words


def words_of(pattern: str) -> tuple[str, ...] | None:
    """Every word ``pattern`` matches (a lookaround left out), longest first — ``None`` when
    there are more than :data:`MAX_WORDS` or no bound.

    >>> words_of("(?:\\\\-|负|負)"), words_of("第?[一二]季度")
    (('-', '負', '负'), ('第一季度', '第二季度', '一季度', '二季度'))
    """
    words = _words(_parse(pattern))
    return None if words is None else tuple(sorted(words, key=lambda word: (-len(word), word)))


def _holds(items: Any, characters: frozenset[str]) -> bool:
    """Whether every match of a parsed sequence holds one of ``characters`` (what cannot be
    told for sure — a negated class, ``.``, a lookaround — holds none)."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            held = chr(arg) in characters
        elif name == "IN":
            chars = _class(arg)
            held = bool(chars) and chars is not None and chars <= characters
        elif name == "SUBPATTERN":
            held = _holds(arg[-1], characters)
        elif name == "BRANCH":
            held = all(_holds(branch, characters) for branch in arg[1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            held = arg[0] >= 1 and _holds(arg[2], characters)
        else:  # zero width, or any character
            held = False
        if held:
            return True
    return False


def every_match_holds(pattern: str, characters: Iterable[str]) -> bool:
    """True when every match of ``pattern`` holds at least one of ``characters`` (told
    from its parsed form: ``False`` where that cannot be told, ``[^…]``, ``.``, ``\\w``).

    >>> every_match_holds("(?:年底|年末)", "年"), every_match_holds("第?[一二]季度", "一二")
    (True, True)
    >>> every_match_holds("[0-9]*", "0123456789"), every_match_holds("[^a]", "b")
    (False, False)
    """
    return _holds(_parse(pattern), frozenset(characters))
