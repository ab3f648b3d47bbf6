"""The lenient reader's text repairs: each a small named rule — its code, what it does, where
it looks, the function that finds its edits, and an example it repairs — applied in the order
:data:`REPAIRS` declares.

The rules walk a :class:`Window` of the text: a rule at the start (a label, punctuation, the
name before an operator) moves the window's start past what it set aside, a rule at the end
(trailing punctuation) moves its limit back, a rule inside (``=>``, ``%%``…) finds its edits
in what is left.  :func:`find_edits` runs them; the edits go back to the text as given
(:func:`apply_edits`), so every diagnostic points at what the user wrote.

>>> from indicatorkit.units import default_registry
>>> edits = find_edits("指标值：合格率=>95%%。", default_registry())
>>> [(e.code, e.start, e.end, e.replacement) for e in edits]
[('T001', 0, 4, ''), ('T008', 4, 7, ''), ('T003', 13, 14, ''), ('T004', 7, 9, '≥'), ('T005', 11, 13, '%')]
>>> apply_edits("指标值：合格率=>95%%。", edits)[0]
'≥95%'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence

import attrs

from indicatorkit.units import UnitRegistry

__all__ = ["REPAIRS", "Edit", "Place", "Repair", "Window", "apply_edits", "find_edits"]


@attrs.frozen
class Edit:
    """One repair of the text as given: ``[start, end)`` becomes ``replacement``; ``code``
    and ``message`` are the diagnostic's.

    >>> Edit(0, 1, "", "T002", "“,=”读作“=”").end
    1
    """

    start: int
    end: int
    replacement: str
    code: str
    message: str


@attrs.frozen
class Window:
    """The part of ``text`` the rules still look at: ``[start, limit)``.

    >>> from indicatorkit.units import default_registry
    >>> Window("，≥95%", default_registry(), 1, 5).text[1:5]
    '≥95%'
    """

    text: str
    registry: UnitRegistry
    start: int
    limit: int


class Place(enum.Enum):
    """Where a rule looks, and how its edits move the window.

    >>> [place.value for place in Place]
    ['start', 'end', 'inside']
    """

    START = "start"  #: at the window's start; the window then starts after its edits
    END = "end"  #: at the window's end; the window then ends before its edits
    INSIDE = "inside"  #: anywhere in the window, which stays as it is


@attrs.frozen
class Repair:
    """A lenient repair: ``code`` (a key of
    :data:`~indicatorkit.language.lenient.DIAGNOSTIC_CODES`), a ``name``, what it does, where
    it looks, ``find`` (the window → its edits), an ``example`` it repairs and what the
    example reads as repaired; ``at_edge`` rules are the ones a sentence read as qualitative
    keeps (T009: a label or punctuation at its edges).

    >>> from indicatorkit import parse_target
    >>> rule = next(r for r in REPAIRS if r.code == "T004")
    >>> rule.name, rule.example, str(parse_target(rule.example, lenient=True).target) == rule.reads
    ('arrows', '=>95%', True)
    """

    code: str
    name: str
    description: str
    place: Place
    find: Callable[[Window], Sequence[Edit]]
    example: str
    reads: str
    at_edge: bool = False


# --- the rules, in the order they run ------------------------------------------------------------

_LABEL = re.compile(r"\s*(指标值\s*(?:为|[:：])?\s*)")


def _label(window: Window) -> list[Edit]:
    label = _LABEL.match(window.text, window.start)
    if not (label and label.group(1)):
        return []
    message = f"去掉了标签“{label.group(1).strip()}” / removed the label"
    return [Edit(label.start(1), label.end(1), "", "T001", message)]


_COMMA_EQUALS = re.compile(r"[,，]\s*(?=[=＝])")


def _comma_equals(window: Window) -> list[Edit]:
    comma = _COMMA_EQUALS.match(window.text, window.start)
    if comma is None:
        return []
    message = (
        "“,=”读作“=”，原意可能是 ≥ 或 ≤（“,=”常是漏按 Shift 的“<=”），请核对 / "
        "',=' read as '='; '>=' or '<=' may have been meant"
    )
    return [Edit(comma.start(), comma.end(), "", "T002", message)]


_LEADING_PUNCTUATION = re.compile(r"[,，;；:：、。!！?？]+")


def _leading_punctuation(window: Window) -> list[Edit]:
    # after ",=" (T002) the window starts at "=": nothing here to remove
    leading = _LEADING_PUNCTUATION.match(window.text, window.start)
    if leading is None:
        return []
    message = f"去掉了开头的“{leading.group()}” / removed leading punctuation"
    return [Edit(leading.start(), leading.end(), "", "T003", message)]


#: The first comparison sign (or a look-alike): words before it may be set aside (T008).
_FIRST_SIGN = re.compile(r"[<>=≥≤≧≦＜＞＝《》〈〉‹›]")
_DIGIT = re.compile(r"[0-9０-９]")
#: Words before an operator are set aside (T008) only when they cannot change its meaning:
#: no digits, no signs, nothing that says "not", "about", "included" or a bound.
_MEANINGFUL = re.compile(r"[0-9０-９<>=≥≤＜＞＝%％‰~～\-—至到不含约左右上下以内超低高少多大小余]")
#: Words before an operator that name what is measured (T008: ``合格率≥95%``): a noun
#: ending such as 率 or 度, and nothing that negates, compares or changes the quantity.
_NAME_ENDINGS = (
    "率",
    "度",
    "数",
    "量",
    "额",
    "比例",
    "占比",
    "人次",
    "时间",
    "天数",
    "成本",
    "费用",
    "指标",
    "值",
)
_CHANGING_WORDS = re.compile(r"[未无非否减降增升涨跌除外差幅较]|同比|环比")


def _name_before_operator(window: Window) -> list[Edit]:
    text, position = window.text, window.start
    first_sign = _FIRST_SIGN.search(text, position)
    words = text[position : first_sign.start()] if first_sign else ""
    named = words.strip()
    if (
        not named
        or _DIGIT.search(words)
        or _MEANINGFUL.search(words)
        or _CHANGING_WORDS.search(words)
        or not named.endswith(_NAME_ENDINGS)
    ):
        return []
    message = f"忽略了比较符之前的“{named}” / ignored the words before the operator"
    return [Edit(position, position + len(words), "", "T008", message)]


_TRAILING_PUNCTUATION = frozenset(",，;；:：、。.!！?？")


def _trailing_punctuation(window: Window) -> list[Edit]:
    text = window.text
    end = len(text.rstrip())
    start = end
    while start > window.start and text[start - 1] in _TRAILING_PUNCTUATION:
        start -= 1
    if not window.start < start < end:
        return []
    message = f"去掉了结尾的“{text[start:].strip()}” / removed trailing punctuation"
    return [Edit(start, len(text), "", "T003", message)]


_ARROWS = re.compile(r"=\s*([><])")


def _arrows(window: Window) -> list[Edit]:
    edits = []
    for arrow in _ARROWS.finditer(window.text, window.start, window.limit):
        sign = "≥" if arrow.group(1) == ">" else "≤"
        message = f"“{arrow.group()}”读作“{sign}” / {arrow.group()!r} read as {sign!r}"
        edits.append(Edit(arrow.start(), arrow.end(), sign, "T004", message))
    return edits


_LOOK_ALIKES = {"《": "<", "〈": "<", "‹": "<", "》": ">", "〉": ">", "›": ">"}
_LOOK_ALIKE = re.compile(r"[《〈‹》〉›](?=\s*(?:[=＝]\s*)?[0-9０-９])")


def _look_alikes(window: Window) -> list[Edit]:
    edits = []
    for look_alike in _LOOK_ALIKE.finditer(window.text, window.start, window.limit):
        found = look_alike.group()
        sign = _LOOK_ALIKES[found]
        message = f"“{found}”读作“{sign}”，请核对 / {found!r} read as {sign!r}"
        edits.append(Edit(look_alike.start(), look_alike.end(), sign, "T007", message))
    return edits


#: A unit named again in brackets after a unit: ``98 %(百分比)``, ``100件(套)`` (T022).
_BRACKETED_WORD = re.compile(r"(?<=[^\s0-9(（])(\s*[(（]\s*([^\s0-9()（）]{1,8})\s*[)）])")


def _unit_glosses(window: Window) -> list[Edit]:
    """The brackets after a unit that only name a unit (``%(百分比)``, ``件(套)``): set aside,
    the unit before them read.  Brackets holding anything else (（含）) stay."""
    known = window.registry.known_unit_set()
    return [
        Edit(
            gloss.start(1),
            gloss.end(1),
            "",
            "T022",
            f"忽略了单位后括号里的“{gloss.group(2)}”，按括号前的单位读取，请核对 / set aside "
            f"{gloss.group(2)!r} in brackets: the unit before them is read",
        )
        for gloss in _BRACKETED_WORD.finditer(window.text, window.start, window.limit)
        if gloss.group(2) in known
    ]


#: Two denominators of a rate joined by 、 as a list would be: ``400元/人、天`` (T024).
_LISTED_DENOMINATOR = re.compile(r"/([^\s/、，,0-9]{1,8})、([^\s/、，,0-9]{1,8})")


def _listed_denominators(window: Window) -> list[Edit]:
    """A 、 between two unit words after "/" (``元/人、天``): read as the · of a compound
    denominator (``元/人·天``, per person-day).  Anything else joined by 、 stays as written:
    there it lists things, and the reading refuses to guess."""
    text, start = window.text, window.start
    known = window.registry.known_unit_set()
    edits = []
    for listed in _LISTED_DENOMINATOR.finditer(text, start, window.limit):
        after = listed.group(2)
        if (
            _DIGIT.search(text, start, listed.start())  # a rate of a number, not a sentence
            and listed.group(1) in known
            and any(after[:n] in known for n in range(len(after), 0, -1))
        ):
            message = (
                f"“{listed.group(1)}、{after[:1]}”中的“、”读作“·”（每{listed.group(1)}每"
                f"{after[:1]}），请核对 / '、' between two denominators read as '·'"
            )
            edits.append(Edit(listed.start(2) - 1, listed.start(2), "·", "T024", message))
    return edits


_DOUBLE_PERCENT = re.compile(r"[%％]{2,}")


def _double_percent(window: Window) -> list[Edit]:
    message = "重复的百分号只保留一个 / doubled '%' kept once"
    return [
        Edit(double.start(), double.end(), "%", "T005", message)
        for double in _DOUBLE_PERCENT.finditer(window.text, window.start, window.limit)
    ]


#: Every text repair, in the order it runs.
REPAIRS: tuple[Repair, ...] = (
    Repair("T001", "label", "去掉开头的“指标值”标签 / a leading 指标值 label removed",
           Place.START, _label, "指标值：≥95%", "≥95%", at_edge=True),
    Repair("T002", "comma equals", "“,=”读作“=” / ',=' read as '='",
           Place.START, _comma_equals, ",=100", "=100"),
    Repair("T003", "leading punctuation", "去掉开头多余的标点 / leading punctuation removed",
           Place.START, _leading_punctuation, "；≥95%", "≥95%", at_edge=True),
    Repair("T008", "name before the operator", "忽略比较符之前的指标名 / the name before "
           "the operator set aside", Place.START, _name_before_operator, "合格率≥95%", "≥95%"),
    Repair("T003", "trailing punctuation", "去掉结尾多余的标点 / trailing punctuation removed",
           Place.END, _trailing_punctuation, "≥95%；", "≥95%", at_edge=True),
    Repair("T004", "arrows", "“=>”“=<”读作“≥”“≤” / '=>' and '=<' read as '≥' and '≤'",
           Place.INSIDE, _arrows, "=>95%", "≥95%"),
    Repair("T007", "look-alikes", "形近字符读作比较符 / look-alike characters read as < >",
           Place.INSIDE, _look_alikes, "》95%", ">95%"),
    Repair("T022", "unit gloss", "忽略单位后括号里的单位名 / a unit named in brackets after "
           "the unit set aside", Place.INSIDE, _unit_glosses, "100件(套)以上", "≥100件"),
    Repair("T024", "listed denominators", "比率分母之间的“、”读作“·” / '、' between two "
           "denominators read as '·'", Place.INSIDE, _listed_denominators, "400元/人、天",
           "400元/人/天"),
    Repair("T005", "doubled percent", "重复的百分号只保留一个 / a doubled percent sign kept "
           "once", Place.INSIDE, _double_percent, "≥95%%", "≥95%"),
)  # fmt: skip


def find_edits(text: str, registry: UnitRegistry) -> list[Edit]:
    """The edits every rule of :data:`REPAIRS` finds, in their order, each rule looking at
    the window the rules before it left.

    >>> from indicatorkit.units import default_registry
    >>> [(e.code, e.replacement) for e in find_edits("；=>95%", default_registry())]
    [('T003', ''), ('T004', '≥')]
    """
    window = Window(text, registry, 0, len(text))
    edits: list[Edit] = []
    for rule in REPAIRS:
        found = rule.find(window)
        if found and rule.place is Place.START:
            window = attrs.evolve(window, start=max(edit.end for edit in found))
        elif found and rule.place is Place.END:
            window = attrs.evolve(window, limit=min(edit.start for edit in found))
        edits.extend(found)
    return edits


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, list[int]]:
    """The repaired text and, for each of its characters (and its end), the original index.

    >>> apply_edits("≥95%%", [Edit(3, 5, "%", "T005", "")])
    ('≥95%', [0, 1, 2, 3, 5])
    """
    pieces: list[str] = []
    index: list[int] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: e.start):
        pieces.append(text[cursor : edit.start])
        index.extend(range(cursor, edit.start))
        pieces.append(edit.replacement)
        index.extend([edit.start] * len(edit.replacement))
        cursor = edit.end
    pieces.append(text[cursor:])
    index.extend(range(cursor, len(text) + 1))
    return "".join(pieces), index
