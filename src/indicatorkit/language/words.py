"""Values inside words: the numbers a text holds, and the one comparison a sentence such as
``全年至少开展3次培训`` states — never a guess when there are two values or none.

Strict reading uses :func:`numbers_in` to refuse a text holding two or more values with
:class:`~indicatorkit.errors.SeveralValuesError`; lenient reading uses
:func:`comparison_in_words` to read the one comparison of a sentence, naming the words set
aside.  Both are linear in the length of the text.

>>> from indicatorkit.units import default_registry
>>> [text for _, _, text in numbers_in("首年返本10%，分红按5%", default_registry())]
['10%', '5%']
>>> found = comparison_in_words("全年至少开展3次培训", default_registry())
>>> found.core, found.set_aside
('至少3次', ('全年', '开展', '培训'))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

import attrs

from indicatorkit.language.rates import MONTH_WORDS
from indicatorkit.units import UnitRegistry
from indicatorkit.vocabulary import PREFIX_OPERATORS, SUFFIX_OPERATORS

__all__ = ["WordsAround", "comparison_in_words", "numbers_in", "separate_values"]

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
#: An Arabic number (with separators or decimals, perhaps a percent sign), a 百分之 numeral,
#: or a run of Chinese numeral characters (kept only when a unit follows it).
_NUMBER = re.compile(
    r"(?P<date>(?:(?:19|20|21)[0-9]{2}\s*年\s*)?[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*[日号])?)"
    r"|(?P<arabic>[0-9]+(?:[.,][0-9]+)*\s*[%‰]?)"
    r"|(?P<part>[百千万]分之[0-9" + _CN_DIGITS + r"点.]+)"
    r"|(?P<chinese>[" + _CN_DIGITS + r"]+(?:点[" + _CN_DIGITS + r"]+)?)"
)
#: Comparator words that may stand apart from their number (至少开展3次): every word of the
#: vocabulary but the signs and the one-character ones (为, 达, 过 read as other words too).
_COMPARATORS = tuple(
    sorted(
        (w for w in PREFIX_OPERATORS if not w.isascii() and len(w) > 1),
        key=len,
        reverse=True,
    )
)
_COMPARATOR = re.compile("|".join(re.escape(word) for word in _COMPARATORS))
_SUFFIXES = tuple(sorted(SUFFIX_OPERATORS, key=len, reverse=True))
#: A comparator left among the words set aside would be a second bound dropped (大于10小于).
_OTHER_BOUND = re.compile(
    "|".join(re.escape(word) for word in (*_COMPARATORS, *(w for w in _SUFFIXES if len(w) > 1)))
)
#: Words that change what a number means; a sentence holding one is never read as its number.
_CHANGING = re.compile(
    r"[未无非否不减降增升涨跌除差幅较约近余多几<>=≥≤≧≦~%‰\-]|同比|环比|左右|上下|以外|之外"
)
#: How far past a number a unit may reach (characters): the longest unit text is far shorter.
_UNIT_REACH = 12
#: Words that only say a value is the target (完成90%, 100%覆盖, 平均每生每年3300元,
#: 完成时间为2022年12月30日): a sentence whose one value stands among these words alone, with
#: no comparator, is read as that value.  Nothing here negates, compares or changes it.
_FILLER = re.compile(
    r"(?:完成时间|完成时限|完成期限|时间|完成|实现|覆盖|平均|累计|共计|合计|总计|全年|年度|为|是|[:：])+"
)
#: A name of what is measured, before its value (合格率95%): a noun ending such as 率 or 度.
_NAME = re.compile(r".*(?:率|度|数|量|额|比例|占比|人次|时间|天数|成本|费用|指标|值)\s*[:：为]?")
#: Denominators written before a number (每亩300, 每生每年3300元): part of its value.
_EACH = "每"


@lru_cache(maxsize=16)
def _unit_lengths(registry: UnitRegistry) -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in registry.known_unit_words()}, reverse=True))


def _unit_after(text: str, position: int, registry: UnitRegistry) -> int:
    """The length of the longest unit word starting at ``position`` (0 if none)."""
    known = registry.known_unit_set()
    for length in _unit_lengths(registry):
        piece = text[position : position + length]
        if len(piece) == length and piece in known:  # near the end a slice is shorter
            return length
    return 0


def numbers_in(normalised: str, registry: UnitRegistry) -> list[tuple[int, int, str]]:
    """Every value written in ``normalised``: ``(start, end, text)``, with its unit word when
    one follows.  A run of Chinese numeral characters counts only when a unit or a sign
    follows it (``三次``, not the 一 of ``统一``).

    >>> from indicatorkit.units import default_registry
    >>> numbers_in("统一开展三次培训，覆盖95%", default_registry())
    [(4, 6, '三次'), (11, 14, '95%')]
    """
    found: list[tuple[int, int, str]] = []
    for match in _NUMBER.finditer(normalised):
        start, end = match.span()
        unit = _unit_after(normalised, end, registry)
        if match.lastgroup == "chinese" and not unit:
            continue
        end += unit
        found.append((start, end, normalised[start:end]))
    return found


def separate_values(normalised: str, registry: UnitRegistry) -> list[tuple[int, int, str]]:
    """The values of a text holding two or more *separate* ones — words or a comma between
    them (``首年返本10%，分红按5%``), not the pieces of one malformed number or range — or an
    empty list.

    >>> from indicatorkit.units import default_registry
    >>> separate_values("首年返本10%，分红按5%", default_registry())
    [(4, 7, '10%'), (11, 13, '5%')]
    >>> separate_values("10-20件", default_registry())        # one range, not two values
    []
    """
    numbers = numbers_in(normalised, registry)
    for (_, end, _), (start, _, _) in pairwise(numbers):
        between = normalised[end:start]
        if any(
            (char.isalpha() and char not in _CN_DIGITS) or char in ",，;；、" for char in between
        ):
            return numbers
    return []


@attrs.frozen
class WordsAround:
    """The one comparison a sentence states: ``core`` (``至少3次``, which strict reading
    reads), the spans it came from and the words ``set_aside`` around it.

    >>> from indicatorkit.units import default_registry
    >>> comparison_in_words("全年不少于3次培训", default_registry())
    WordsAround(core='不少于3次', spans=((2, 5), (5, 7)), set_aside=('全年', '培训'))
    """

    core: str
    spans: tuple[tuple[int, int], ...]
    set_aside: tuple[str, ...]


def comparison_in_words(
    normalised: str,
    registry: UnitRegistry,
    reads: Callable[[str], bool] | None = None,
) -> WordsAround | None:
    """The comparison of a sentence holding exactly one value and one comparator word before
    it (``全年至少开展3次培训``) or a suffix after it (``开展培训3次以上``), or ``None``.

    Nothing is found when the text holds no value or two, no comparator, or words set aside
    that could change the meaning (未, 不, 同比, 约, 左右, a sign, another comparator …).  ``reads`` is asked whether a candidate core
    reads as a target; the longest that does is kept.

    >>> from indicatorkit.units import default_registry
    >>> comparison_in_words("开展培训3次以上", default_registry())
    WordsAround(core='3次以上', spans=((4, 8),), set_aside=('开展培训',))
    >>> [comparison_in_words(text, default_registry()) for text in ("开展3次培训", "同比至少增长3次")]
    [None, None]
    >>> comparison_in_words("全年至少开展3次培训", default_registry(), reads=lambda core: False) is None
    True
    """
    numbers = numbers_in(normalised, registry)
    if len(numbers) != 1:
        return None
    start, end, _ = numbers[0]
    start = _denominators_before(normalised, start, registry)
    comparators = list(_COMPARATOR.finditer(normalised[:start]))
    if len(comparators) > 1:
        return None
    suffix = next((w for w in _SUFFIXES if normalised.startswith(w, end)), "")
    spans = [word.span() for word in comparators] + [(start, end + len(suffix))]
    core = "".join(normalised[span_start:span_end] for span_start, span_end in spans)
    if reads is not None and not reads(core):
        return None
    set_aside = _words_between(normalised, spans)
    alone = not comparators and not suffix  # a value alone, kept only among filler words
    if not _may_be_set_aside(set_aside, spans, alone=alone):
        return None
    return WordsAround(core, tuple(spans), tuple(set_aside))


def _words_between(normalised: str, spans: list[tuple[int, int]]) -> list[str]:
    """The words of ``normalised`` outside ``spans`` (in order, stripped, none empty)."""
    starts = [span_start for span_start, _ in spans] + [len(normalised)]
    ends = [0] + [span_end for _, span_end in spans]
    return [
        normalised[cursor:next_start].strip()
        for cursor, next_start in zip(ends, starts, strict=True)
        if normalised[cursor:next_start].strip()
    ]


def _may_be_set_aside(set_aside: list[str], spans: list[tuple[int, int]], *, alone: bool) -> bool:
    """True when the words around a comparison change nothing of it: there are some, none
    changes the meaning or states another bound, and — for a value with no comparator —
    they are filler words or a name before it."""
    words = " ".join(set_aside)
    if not set_aside or _CHANGING.search(words) or _OTHER_BOUND.search(words):
        return False
    return not alone or all(
        _FILLER.fullmatch(word) or (index == 0 and spans[0][0] > 0 and _NAME.fullmatch(word))
        for index, word in enumerate(set_aside)
    )


def _denominators_before(normalised: str, start: int, registry: UnitRegistry) -> int:
    """Where the value starting at ``start`` really starts: before the denominators written
    ahead of it (``每生每年3300元`` starts at 每)."""
    known = registry.known_unit_set() | set(MONTH_WORDS)
    lengths = (*_unit_lengths(registry), 2, 1)
    moved = True
    while moved:
        moved = False
        for length in lengths:
            word = normalised[start - length : start]
            if (
                start - length - 1 >= 0
                and word in known
                and normalised[start - length - 1] == _EACH
            ):
                start -= length + 1
                moved = True
                break
    return start
