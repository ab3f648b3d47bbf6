"""The keys of a spec file: which may stand where, their English aliases, the model attribute
each field fills — declared in ``keys.txt`` beside this module (a new field is one line
there) — and what a key that may not stand where it does is told.

>>> KEYS["目标"], KEY_NAMES["指标"]["实际完成值"], ATTRIBUTES["指标"]["自评得分"]
((('数据', 'figures', 'figures'),), '实际值', 'evaluator_score')
>>> misplaced_key("指标值", "项目")
('“指标值”不能写在“项目”下 (not allowed under 项目)', '它应写在“指标”下 / it belongs under “指标”')
"""

from __future__ import annotations

import difflib
from importlib import resources
from typing import Final

from indicatorkit.language.bounds import Direction

__all__ = [
    "ALIASES",
    "ATTRIBUTES",
    "DIRECTION_WORDS",
    "KEYS",
    "KEY_NAMES",
    "misplaced_key",
    "parse_keys",
]


def parse_keys(text: str) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """The keys a ``keys.txt`` text declares, by context: ``(Chinese, English, attribute)``,
    the attribute ``""`` for a record.

    >>> parse_keys("# 说明\\n[指标]\\n分值  weight  weight\\n[保障措施]\\n")
    {'指标': (('分值', 'weight', 'weight'),), '保障措施': ()}
    """
    keys: dict[str, list[tuple[str, str, str]]] = {}
    context = None
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) == 1 and words[0].startswith("[") and words[0].endswith("]"):
            context = words[0][1:-1]
            keys[context] = []
        elif len(words) == 3 and context is not None:
            chinese, english, attribute = words
            keys[context].append((chinese, english, "" if attribute == "-" else attribute))
        else:
            raise ValueError(f"keys.txt:{number}: not '[context]' or 'key alias attribute'")
    return {context: tuple(entries) for context, entries in keys.items()}


#: Every key, by the record it belongs to: Chinese first, English alias second.  The model
#: attribute each field fills is the third item.
KEYS: Final = parse_keys(
    resources.files("indicatorkit.formats.ikspec").joinpath("keys.txt").read_text(encoding="utf-8")
)

#: More names of a key, read like it (the formatter writes the key): the words of the national
#: self-assessment table.
ALIASES: Final = {
    "实际完成值": "实际值",
    "全年执行数": "执行数",
    "偏差原因分析": "偏差原因",
}

DIRECTION_WORDS: Final = {
    "正向": Direction.HIGHER,
    "higher": Direction.HIGHER,
    "反向": Direction.LOWER,
    "lower": Direction.LOWER,
}

#: Per context, every way of writing a key there (Chinese, English, alias) → its Chinese name.
KEY_NAMES: Final = {
    context: {
        **{
            alias: chinese
            for alias, chinese in ALIASES.items()
            if chinese in {c for c, _, _ in keys}
        },
        **{english: chinese for chinese, english, _ in keys},
        **{chinese: chinese for chinese, _, _ in keys},
    }
    for context, keys in KEYS.items()
}

#: Per context, the Chinese name of each key → the record attribute it fills.
ATTRIBUTES: Final = {
    context: {chinese: attribute for chinese, _, attribute in keys}
    for context, keys in KEYS.items()
}


def misplaced_key(key: str, context: str) -> tuple[str, str | None]:
    """What IK012 says of ``key`` written in ``context``, where it may not stand: the message
    and a hint (where it belongs, the closest key here, or the keys here).

    >>> print(*misplaced_key("预 算", "项目"), sep="\\n")
    未知的键“预 算” (unknown key)
    是否想写“预算”？/ did you mean '预算'?
    """
    allowed = KEYS[context]
    name = ALIASES.get(key, key)
    elsewhere = [c for c, keys in KEYS.items() if any(name in (k, e) for k, e, _ in keys)]
    if elsewhere:
        where = "最外层" if context == "top" else f"“{context}”下"
        english = "at the top" if context == "top" else "under " + context
        home = "、".join(f"“{c}”" for c in elsewhere if c != "top")
        hint = f"它应写在{home}下 / it belongs under {home}" if home else None
        return f"“{key}”不能写在{where} (not allowed {english})", hint
    names = [c for c, _, _ in allowed] + [e for _, e, _ in allowed]
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.3)
    if close:
        hint = f"是否想写“{close[0]}”？/ did you mean {close[0]!r}?"
    else:
        hint = "可用的键 / keys here: " + "、".join(c for c, _, _ in allowed)
    return f"未知的键“{key}” (unknown key)", hint
