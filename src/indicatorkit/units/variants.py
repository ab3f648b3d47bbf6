"""Characters a unit word is written with in place of the ones the shipped units use: the
look-alikes the target text maps (:data:`~indicatorkit.vocabulary.CHARACTER_ALIASES`: 萬, 個) and
the variants that are only ever a unit's other spelling (:data:`UNIT_CHARACTER_VARIANTS`: 圆 for
元, 噸 for 吨).  A word in them is not a new unit: it is suggested as the unit it means, and
never offered as a counting word of its own.

>>> standard_spelling("万圆"), UNIT_CHARACTER_VARIANTS["噸"]
('万元', '吨')
"""

from __future__ import annotations

from types import MappingProxyType

from indicatorkit.vocabulary import CHARACTER_ALIASES

__all__ = ["UNIT_CHARACTER_VARIANTS", "standard_spelling"]

#: Characters written in a unit word for the one the shipped units use: 圆 (the currency's
#: formal name, printed on the notes) and its traditional 圓 for 元, and the traditional forms of
#: units whose traditional form is not itself defined (the counting words' are: 張, 塊 …).
UNIT_CHARACTER_VARIANTS: MappingProxyType[str, str] = MappingProxyType(
    {
        "圆": "元",
        "圓": "元",
        "噸": "吨",
        "畝": "亩",
        "裏": "里",
        "裡": "里",
        "時": "时",
        "週": "周",
        "歲": "岁",
        "臺": "台",
        "項": "项",
        "場": "场",
        "戶": "户",
        "車": "车",
        "輛": "辆",
        "條": "条",
    }
)

_STANDARD_FORMS = str.maketrans({**CHARACTER_ALIASES, **UNIT_CHARACTER_VARIANTS})


def standard_spelling(word: str) -> str:
    """``word`` in the characters the shipped units are written with.

    >>> standard_spelling("萬圓"), standard_spelling("公噸"), standard_spelling("人次")
    ('万元', '公吨', '人次')
    """
    return word.translate(_STANDARD_FORMS)
