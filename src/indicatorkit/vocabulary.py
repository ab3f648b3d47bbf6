"""The comparator vocabulary: every way a table writes ≥ ≤ > < = and a range, as data.

One table, after Microsoft Recognizers-Text's Chinese NumberRange patterns; ``不`` + a
comparator is composed (``不低于`` = not lower = ``≥``), never listed by hand.  The grammar's
``PREFIX_OP``, ``SUFFIX_OP`` and ``RANGE_SEP`` terminals are generated from these tables, so a
word added here is accepted everywhere.

Inclusivity follows 民法典 第1259条: 以上、以下、以内 include the number; 超过、不满 exclude it.

>>> PREFIX_OPERATORS["不低于"], PREFIX_OPERATORS["超过"], SUFFIX_OPERATORS["以内"]
(<Operator.GE: '≥'>, <Operator.GT: '>'>, <Operator.LE: '≤'>)
"""

from __future__ import annotations

import enum
from types import MappingProxyType

__all__ = [
    "CHARACTER_ALIASES",
    "NEGATABLE_WORDS",
    "PREFIX_OPERATORS",
    "RANGE_SEPARATORS",
    "SIGN_OPERATORS",
    "SUFFIX_OPERATORS",
    "WORD_OPERATORS",
    "Operator",
]


class Operator(enum.Enum):
    """A comparison operator; its value is the canonical sign.

    >>> from indicatorkit import Operator, parse_target
    >>> Operator("≥"), parse_target("不超过100元").operator
    (<Operator.GE: '≥'>, <Operator.LE: '≤'>)
    """

    GE = "≥"
    GT = ">"
    LE = "≤"
    LT = "<"
    EQ = "="

    @property
    def negated(self) -> Operator:
        """The operator of ``不`` + this one: 不大于 (not >) is ≤, 不小于 (not <) is ≥."""
        return _NEGATIONS[self]

    @property
    def is_lower_bound(self) -> bool:
        """True for ≥ and > (more is better)."""
        return self in (Operator.GE, Operator.GT)


_NEGATIONS = {
    Operator.GT: Operator.LE,
    Operator.GE: Operator.LT,
    Operator.LT: Operator.GE,
    Operator.LE: Operator.GT,
}

#: Signs, after NFKC (so full-width ＞＝ arrives here as ``>=``).
SIGN_OPERATORS: MappingProxyType[str, Operator] = MappingProxyType(
    {
        "≥": Operator.GE,
        "≧": Operator.GE,
        "⩾": Operator.GE,
        "≮": Operator.GE,  # "not less than"
        ">=": Operator.GE,
        "≤": Operator.LE,
        "≦": Operator.LE,
        "⩽": Operator.LE,
        "≯": Operator.LE,  # "not greater than"
        "<=": Operator.LE,
        ">": Operator.GT,
        "<": Operator.LT,
        "=": Operator.EQ,
        "==": Operator.EQ,
    }
)

#: Comparator words written before the number.
WORD_OPERATORS: MappingProxyType[str, Operator] = MappingProxyType(
    {
        # >
        "大于": Operator.GT,
        "多于": Operator.GT,
        "高于": Operator.GT,
        "超过": Operator.GT,
        "超过了": Operator.GT,
        "过": Operator.GT,  # 占比过20%
        # <
        "小于": Operator.LT,
        "少于": Operator.LT,
        "低于": Operator.LT,
        "不到": Operator.LT,
        "不足": Operator.LT,
        "不满": Operator.LT,
        # ≥
        "至少": Operator.GE,
        "最少": Operator.GE,
        "大于等于": Operator.GE,
        "大于或等于": Operator.GE,
        "大于或者等于": Operator.GE,
        "至少有": Operator.GE,
        "至少是": Operator.GE,
        "至少为": Operator.GE,
        "最少有": Operator.GE,
        "最少为": Operator.GE,
        "达到": Operator.GE,
        "达": Operator.GE,
        # ≤
        "至多": Operator.LE,
        "最多": Operator.LE,
        "小于等于": Operator.LE,
        "小于或等于": Operator.LE,
        "小于或者等于": Operator.LE,
        "最多为": Operator.LE,
        "最多是": Operator.LE,
        "最多有": Operator.LE,
        "至多为": Operator.LE,
        "控制在": Operator.LE,  # "控制在100元以内": kept within
        # =
        "等于": Operator.EQ,
        "为": Operator.EQ,
    }
)

#: Words that take a ``不`` in front, meaning the negated operator.
NEGATABLE_WORDS: tuple[str, ...] = ("大于", "多于", "高于", "超过", "小于", "少于", "低于")

#: Every prefix spelling: signs, words, and 不 + negatable word.
PREFIX_OPERATORS: MappingProxyType[str, Operator] = MappingProxyType(
    {
        **SIGN_OPERATORS,
        **WORD_OPERATORS,
        **{"不" + word: WORD_OPERATORS[word].negated for word in NEGATABLE_WORDS},
    }
)

#: Words written after the amount (``95%以上``, ``3个工作日内``).
SUFFIX_OPERATORS: MappingProxyType[str, Operator] = MappingProxyType(
    {
        "以上": Operator.GE,
        "及以上": Operator.GE,
        "或以上": Operator.GE,
        "或者以上": Operator.GE,
        "及其以上": Operator.GE,
        "或更多": Operator.GE,
        "或者更多": Operator.GE,
        "以下": Operator.LE,
        "及以下": Operator.LE,
        "或以下": Operator.LE,
        "或者以下": Operator.LE,
        "及其以下": Operator.LE,
        "或更少": Operator.LE,
        "或者更少": Operator.LE,
        "之下": Operator.LE,  # like 以下 (民法典 第1259条); the peer reads it as <
        "以内": Operator.LE,
        "之内": Operator.LE,
        "内": Operator.LE,
    }
)

#: Separators between the two ends of a range (``90%～100%``, ``90%至100%``).  ``-`` is
#: handled by the grammar itself because it doubles as a minus sign.
RANGE_SEPARATORS: tuple[str, ...] = ("~", "—", "–", "至", "到")

#: Look-alike characters NFKC leaves alone, mapped before lexing (one character to one).
CHARACTER_ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {
        "−": "-",  # U+2212 minus sign
        "‐": "-",  # U+2010 hyphen
        "‑": "-",  # U+2011 non-breaking hyphen
        "〜": "~",  # U+301C wave dash
        "―": "—",  # U+2015 horizontal bar
        "─": "—",  # U+2500 box drawing
        "﹪": "%",
        "٪": "%",
        # financial capitals (大写) and traditional forms of numerals: read as the plain ones
        "壹": "一",
        "贰": "二",
        "貳": "二",
        "叁": "三",
        "參": "三",
        "肆": "四",
        "伍": "五",
        "陆": "六",
        "陸": "六",
        "柒": "七",
        "捌": "八",
        "玖": "九",
        "拾": "十",
        "佰": "百",
        "仟": "千",
        "萬": "万",
        "億": "亿",
        "兩": "两",
        "點": "点",
        "個": "个",
        "倆": "两",
        "負": "负",
    }
)
