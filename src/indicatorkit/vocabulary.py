"""The vocabularies, as data: every way a table writes ≥ ≤ > < = and a range, and the names
of the national framework's level-1 and level-2 indicators with the other names tables use.

One table, after Microsoft Recognizers-Text's Chinese NumberRange patterns; ``不`` + a
comparator is composed (``不低于`` = not lower = ``≥``), never listed by hand.  The grammar's
``PREFIX_OP``, ``SUFFIX_OP`` and ``RANGE_SEP`` terminals are generated from these tables, so a
word added here is accepted everywhere.

Inclusivity follows 民法典 第1259条: 以上、以下、以内 include the number; 超过、不满 exclude it.

>>> PREFIX_OPERATORS["不低于"], PREFIX_OPERATORS["超过"], SUFFIX_OPERATORS["以内"]
(<Operator.GE: '≥'>, <Operator.GT: '>'>, <Operator.LE: '≤'>)

The level names are read once, here, by import, lint, scoring and the report alike:

>>> level1_name("项目完成指标"), level2_name("项目完成指标", "产出数量")
('产出指标', '数量指标')
"""

from __future__ import annotations

import enum
from types import MappingProxyType

__all__ = [
    "CHARACTER_ALIASES",
    "LEVEL1",
    "LEVEL1_ALIASES",
    "LEVEL2",
    "LEVEL2_ALIASES",
    "NEGATABLE_WORDS",
    "PREFIX_OPERATORS",
    "RANGE_SEPARATORS",
    "SIGN_OPERATORS",
    "SUFFIX_OPERATORS",
    "WORD_OPERATORS",
    "Operator",
    "level1_name",
    "level2_name",
]


class Operator(enum.Enum):
    """A comparison operator; its value is the canonical sign.

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.language import Operator
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


# ---------------------------------------------------------------------------------------------
# The level-1 and level-2 names of the national framework

#: The national framework: level-1 names and the level-2 names under each (成本指标 as its own
#: level-1 follows the 101号 guide).
LEVEL2: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
        "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
        "满意度指标": ("服务对象满意度指标",),
        "成本指标": ("经济成本指标", "社会成本指标", "生态环境成本指标"),
    }
)
LEVEL1: tuple[str, ...] = tuple(LEVEL2)

#: Other names of a level-1 indicator met in real tables, each read as the framework's name
#: (a name without its 指标, ``产出``, is read the same way without being listed).
LEVEL1_ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {
        "效果指标": "效益指标",  # the older name (before 财预〔2020〕10号)
        "项目完成指标": "产出指标",  # older provincial 自评表
    }
)

#: Other names of a level-2 indicator, under the framework's level-1 name (a name without its
#: 指标, ``数量``, is read the same way without being listed).
LEVEL2_ALIASES: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType(
    {
        "产出指标": MappingProxyType(
            {
                "产出数量": "数量指标",
                "产出质量": "质量指标",
                "产出时效": "时效指标",
                "产出成本": "成本指标",
            }
        ),
        "效益指标": MappingProxyType(
            {
                "经济效益": "经济效益指标",
                "社会效益": "社会效益指标",
                "生态效益": "生态效益指标",
                "可持续影响": "可持续影响指标",
            }
        ),
        "满意度指标": MappingProxyType(
            {
                "满意度指标": "服务对象满意度指标",
                "满意度": "服务对象满意度指标",
                "社会公众或服务对象满意度指标": "服务对象满意度指标",
            }
        ),
    }
)


def level1_name(name: str) -> str:
    """The framework's name for a level-1 name (an alias, or the name without its 指标), or
    ``name`` itself (stripped) when it is none of them.

    >>> level1_name("效果指标"), level1_name("产出"), level1_name(" 满意度指标 "), level1_name("其他")
    ('效益指标', '产出指标', '满意度指标', '其他')
    """
    name = name.strip()
    if name in LEVEL2:
        return name
    if name in LEVEL1_ALIASES:
        return LEVEL1_ALIASES[name]
    return name + "指标" if name + "指标" in LEVEL2 else name


def level2_name(level1: str, name: str) -> str:
    """The framework's name for a level-2 ``name`` under ``level1`` (either may be an alias),
    or ``name`` itself (stripped) when it is none of them.

    >>> level2_name("产出指标", "数量"), level2_name("效果指标", "社会效益"), level2_name("产出指标", "连续性")
    ('数量指标', '社会效益指标', '连续性')
    """
    name, level1 = name.strip(), level1_name(level1)
    allowed = LEVEL2.get(level1, ())
    if name in allowed:
        return name
    aliases = LEVEL2_ALIASES.get(level1)
    if aliases is not None and name in aliases:
        return aliases[name]
    return name + "指标" if name + "指标" in allowed else name
