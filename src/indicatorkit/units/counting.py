"""The shape of a counting word (量词): which unknown word after a number one could add as a
count of its own, and which characters never are one.

>>> could_be_counting_word("蔸"), could_be_counting_word("月"), "斤" in NOT_COUNTING_WORDS
(True, False, True)
>>> counting_word_in("蔸"), counting_word_in("万蔸", after_number=True), counting_word_in("千瓦", after_number=True)
('蔸', '蔸', '')
"""

from __future__ import annotations

from indicatorkit.grammars import token_starts
from indicatorkit.units.dimensions import SCALES
from indicatorkit.units.variants import standard_spelling

__all__ = ["NOT_COUNTING_WORDS", "could_be_counting_word", "counting_word_in", "is_cjk"]

#: The characters ``counting_words.txt`` deliberately leaves out (its header gives each
#: reason): after a number they mean something other than a count — numerals, comparator and
#: deadline words, time, units of another kind, money, ratios, grades, and characters that
#: usually start another word (管理, 领导, 贴息, 服务).  None is ever taken for a counting word.
NOT_COUNTING_WORDS = frozenset(
    "十百千万亿两以上下内前底末月日号年季旬周天时刻秒分夜岁点米里尺寸丈方斤担石升斗吨度"
    "元角分毛钱倍成折番级等档星代辈世管领贴服股"
)


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a Chinese character (the unified ideographs and their extensions).

    >>> is_cjk("蔸"), is_cjk("k"), is_cjk("％")
    (True, False, False)
    """
    return (
        "\u3400" <= char <= "\u9fff"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003134f"
    )


def could_be_counting_word(word: str) -> bool:
    """True when ``word``, unknown after a number, has the shape of a counting word (量词) one
    could add: a single Chinese character that starts no token of the target grammar (the
    grammar's ``token_starts``, :func:`~indicatorkit.grammars.token_starts` — a unit word there
    would take the character the grammar needs: ``≥1的同时≤5``), that is not a unit of another
    kind (:data:`NOT_COUNTING_WORDS`) and that is not another spelling
    of a unit's character (圆 for 元, 臺 for 台: :mod:`~indicatorkit.units.variants`).

    >>> could_be_counting_word("蔸"), could_be_counting_word("月"), could_be_counting_word("斤")
    (True, False, False)
    >>> could_be_counting_word("km"), could_be_counting_word("圆"), could_be_counting_word("臺")
    (False, False, False)
    >>> could_be_counting_word("且"), could_be_counting_word("的")  # ≥1且…, ≥1的同时…
    (False, False)
    """
    return (
        len(word) == 1
        and is_cjk(word)
        and word not in token_starts()
        and word not in NOT_COUNTING_WORDS
        and standard_spelling(word) == word
    )


#: The multipliers an unknown word after a number may start with, before the counting word it
#: counts in thousands or tens of thousands (``≥1.5万蔸``), longest first: the grammar's SCALE
#: (:data:`~indicatorkit.units.SCALES`) but 千, which before a unit word is also the prefix
#: kilo- of a measurement unit (千瓦 is a kilowatt, not a thousand 瓦; units.txt has 千米, 千克).
_MULTIPLIERS = ("", *sorted((scale for scale in SCALES if scale != "千"), key=len, reverse=True))


def counting_word_in(word: str, *, after_number: bool = False) -> str:
    """The counting word (量词) the unknown ``word`` seems to be, or ``""``: ``word`` itself
    when :func:`could_be_counting_word` says so — and, for a word written right after a number
    (``after_number``: the grammar reads a multiplier there first), the word after its
    multiplier (``万蔸``; never after 千, kilo-).  A unit word given alone (a spec's 计量单位)
    is looked up whole, so no multiplier is taken off it.

    >>> counting_word_in("万蔸"), counting_word_in("万蔸", after_number=True)
    ('', '蔸')
    >>> counting_word_in("千蔸", after_number=True), counting_word_in("人天", after_number=True)
    ('', '')
    """
    for multiplier in _MULTIPLIERS if after_number else ("",):
        if word.startswith(multiplier) and could_be_counting_word(word[len(multiplier) :]):
            return word[len(multiplier) :]
    return ""
