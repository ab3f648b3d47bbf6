"""Lenient reading: repair the typos real tables contain, and say what was repaired.

Every repair is a :class:`Diagnostic` with a stable code, the span it touched in the text as
given, and what it became — nothing is changed silently, and text that no repair makes
readable still raises the strict error.

>>> from indicatorkit import parse_target
>>> result = parse_target(",=100", lenient=True)
>>> result.target
Comparison('=100')
>>> [d.code for d in result.diagnostics]
['T002']
>>> print(result.diagnostics[0].message)
“,=”读作“=”，原意可能是 ≥ 或 ≤（“,=”常是漏按 Shift 的“<=”），请核对 / ',=' read as '='; '>=' or '<=' may have been meant
"""

from __future__ import annotations

import re

import attrs

from indicatorkit.errors import (
    MissingNumberError,
    SeveralValuesError,
    TargetSyntaxError,
    TextError,
    UnknownUnitError,
)
from indicatorkit.language.conventions import Convention
from indicatorkit.language.prose import looks_like_sentence
from indicatorkit.language.reading import read_or_convention, read_target
from indicatorkit.language.targets import AnyTarget, Qualitative
from indicatorkit.language.text import normalize, original_position
from indicatorkit.language.words import comparison_in_words
from indicatorkit.units import UnitDefinitionError, UnitRegistry, could_be_counting_word

__all__ = ["DIAGNOSTIC_CODES", "Diagnostic", "LenientParse", "parse_lenient"]

#: Every diagnostic code the lenient reader emits, with what it means.
DIAGNOSTIC_CODES: dict[str, str] = {
    "T001": "去掉了“指标值”标签 / removed a leading '指标值' label",
    "T002": "“,=”读作“=” / ',=' read as '='",
    "T003": "去掉了多余的标点 / removed stray punctuation",
    "T004": "“=>”“=<”读作“≥”“≤” / '=>' and '=<' read as '≥' and '≤'",
    "T005": "重复的百分号 / doubled percent sign",
    "T006": "忽略了指标值之后的文字 / ignored words after the target",
    "T007": "形近字符读作比较符（《 》 读作 < >）/ look-alike characters read as < >",
    "T008": "忽略了比较符之前的文字 / ignored words before the operator",
    "T009": "含数字的句子读作定性指标 / a sentence with numbers read as qualitative",
    "T020": "读出句中唯一的比较，忽略了其余文字 / read the one comparison of a sentence, "
    "setting the other words aside",
    "T021": "含两个或以上数值，读作定性指标 / two or more values: read as qualitative",
    "T022": "忽略了单位后括号里的单位名 / set aside a unit named in brackets after the unit",
    "T023": "不认识的量词按自成一类的计数读取 / an unknown counting word read as a count of its own",
    "T024": "比率分母之间的“、”读作“·” / '、' between two denominators of a rate read as '·'",
    "T040": "“8月前”按惯例读作“8月底前” / '8月前' read as by the end of August, by convention",
    "T041": "只写了月份，按惯例读作该月底前 / a month named alone read as by its end",
    "T042": "“2023.07-2024.01”读作期间 / year.month numbers read as a period",
    "T043": "只写了年份（2020年），读作该年底前 / a year named alone read as by its end",
    "T044": "“2021.6”读作该月底前 / a year.month number read as by the end of that month",
}


@attrs.frozen
class Diagnostic:
    """One repair: ``code`` (see :data:`DIAGNOSTIC_CODES`), a message, the 0-based span
    ``[position, end)`` in the text as given, the ``original`` characters and their
    ``replacement``.

    >>> from indicatorkit import parse_target
    >>> diagnostic = parse_target(",=100", lenient=True).diagnostics[0]
    >>> diagnostic.code, diagnostic.position, diagnostic.original, diagnostic.replacement
    ('T002', 0, ',', '')
    """

    code: str
    message: str
    position: int
    end: int
    original: str
    replacement: str


@attrs.frozen
class LenientParse:
    """What ``parse_target(text, lenient=True)`` returns: the target, what was repaired, and
    the unit definitions the reading added (``defined``: an unknown counting word read as a
    count of its own, T023).  Read actuals of such a target in a registry that has them, and
    declare them in the spec's ``计量单位`` block.

    >>> from indicatorkit import default_registry, parse_target
    >>> result = parse_target("指标值：≥95%%", lenient=True)
    >>> result.target, [d.code for d in result.diagnostics], result.defined
    (Comparison('≥95%'), ['T001', 'T005'], ())
    >>> clumps = parse_target("≥5000蔸", lenient=True)
    >>> clumps.target, [d.code for d in clumps.diagnostics], clumps.defined
    (Comparison('≥5000蔸'), ['T023'], ('蔸 = [蔸]',))
    >>> units = default_registry().define(clumps.defined[0])
    >>> clumps.target.check("5200蔸", units=units).met
    True
    """

    text: str
    target: AnyTarget
    diagnostics: tuple[Diagnostic, ...] = ()
    defined: tuple[str, ...] = ()

    @property
    def repaired(self) -> bool:
        return bool(self.diagnostics)

    def undeclared_unit(self) -> UnknownUnitError | None:
        """The error for a reading that needed a unit of its own (T023), as a reader whose
        units are declared gives it — a spec file, JSON, a spec built in code: there an
        unknown word is never an ad-hoc count — or ``None``.

        >>> from indicatorkit import parse_target
        >>> print(parse_target("≥5000蔸", lenient=True).undeclared_unit())
        未知单位“蔸” (unknown unit '蔸')
          ≥5000蔸
               ^^
          提示 / hint: 在规格的“计量单位”中加一行“- 蔸 = [蔸]” / declare it in the spec's units: - 蔸 = [蔸]
        >>> parse_target("≥95%", lenient=True).undeclared_unit() is None
        True
        """
        counted = next((d for d in self.diagnostics if d.code == "T023"), None)
        if counted is None:
            return None
        line = self.defined[0]
        word = line.partition(" = ")[0]
        return UnknownUnitError(
            self.text,
            counted.position + max(counted.original.find(word), 0),  # after 万, if written
            word,
            (),
            word,
            note=f"在规格的“计量单位”中加一行“- {line}” / declare it in the spec's units: - {line}",
        )


@attrs.frozen
class _Edit:
    start: int
    end: int
    replacement: str
    code: str
    message: str


_LABEL = re.compile(r"\s*(指标值\s*(?:为|[:：])?\s*)")
_COMMA_EQUALS = re.compile(r"[,，]\s*(?=[=＝])")
_LEADING_PUNCTUATION = re.compile(r"[,，;；:：、。!！?？]+")
_TRAILING_PUNCTUATION = frozenset(",，;；:：、。.!！?？")
_ARROWS = re.compile(r"=\s*([><])")
_DOUBLE_PERCENT = re.compile(r"[%％]{2,}")
_LOOK_ALIKES = {"《": "<", "〈": "<", "‹": "<", "》": ">", "〉": ">", "›": ">"}
_LOOK_ALIKE = re.compile(r"[《〈‹》〉›](?=\s*(?:[=＝]\s*)?[0-9０-９])")
#: A comparison sign preceded by words, as in "合格率≥95%".
#: The first comparison sign (or a look-alike): words before it may be set aside (T008).
_FIRST_SIGN = re.compile(r"[<>=≥≤≧≦＜＞＝《》〈〉‹›]")
_DIGIT = re.compile(r"[0-9０-９]")
#: Words after a complete target are dropped (T006) only when they cannot change its meaning:
#: no digits, no signs, nothing that says "not", "about", "included" or a bound.
_MEANINGFUL = re.compile(r"[0-9０-９<>=≥≤＜＞＝%％‰~～\-—至到不含约左右上下以内超低高少多大小余]")
#: Words after a target that only say it is to be done (T006): nothing else is set aside,
#: since other words can invert the meaning (``≥95%未完成``, ``≥100万元除外``, ``≥5%同比增长``).
_DONE_WORDS = re.compile(r"\s*(?:按时|按期|如期|及时|全部|全面|均|已)?(?:完成|达到|达标|实现)\s*")
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
#: A unit named again in brackets after a unit: ``98 %(百分比)``, ``100件(套)`` (T022).
_BRACKETED_WORD = re.compile(r"(?<=[^\s0-9(（])(\s*[(（]\s*([^\s0-9()（）]{1,8})\s*[)）])")


def _unit_glosses(text: str, start: int, limit: int, registry: UnitRegistry) -> list[_Edit]:
    """The brackets after a unit that only name a unit (``%(百分比)``, ``件(套)``): set aside,
    the unit before them read (T022).  Brackets holding anything else (（含）) stay."""
    known = registry.known_unit_set()
    return [
        _Edit(
            gloss.start(1),
            gloss.end(1),
            "",
            "T022",
            f"忽略了单位后括号里的“{gloss.group(2)}”，按括号前的单位读取，请核对 / set aside "
            f"{gloss.group(2)!r} in brackets: the unit before them is read",
        )
        for gloss in _BRACKETED_WORD.finditer(text, start, limit)
        if gloss.group(2) in known
    ]


#: Two denominators of a rate joined by 、 as a list would be: ``400元/人、天`` (T024).
_LISTED_DENOMINATOR = re.compile(r"/([^\s/、，,0-9]{1,8})、([^\s/、，,0-9]{1,8})")


def _listed_denominators(text: str, start: int, limit: int, registry: UnitRegistry) -> list[_Edit]:
    """A 、 between two unit words after "/" (``元/人、天``): read as the · of a compound
    denominator (``元/人·天``, per person-day), with a T024 diagnostic.  Anything else joined
    by 、 stays as written: there it lists things, and the reading refuses to guess."""
    known = registry.known_unit_set()
    edits = []
    for listed in _LISTED_DENOMINATOR.finditer(text, start, limit):
        after = listed.group(2)
        if (
            _DIGIT.search(text, start, listed.start())  # a rate of a number, not a sentence
            and listed.group(1) in known
            and any(after[:n] in known for n in range(len(after), 0, -1))
        ):
            edits.append(
                _Edit(
                    listed.start(2) - 1,
                    listed.start(2),
                    "·",
                    "T024",
                    f"“{listed.group(1)}、{after[:1]}”中的“、”读作“·”（每{listed.group(1)}每"
                    f"{after[:1]}），请核对 / '、' between two denominators read as '·'",
                )
            )
    return edits


#: Repairs at the edges of a text (a label, punctuation): the only ones a sentence read as
#: qualitative keeps (T009).
_EDGE_CODES = frozenset({"T001", "T003"})


def _find_edits(text: str, registry: UnitRegistry) -> list[_Edit]:
    edits: list[_Edit] = []
    position = 0
    label = _LABEL.match(text)
    if label and label.group(1):
        edits.append(
            _Edit(
                label.start(1),
                label.end(1),
                "",
                "T001",
                f"去掉了标签“{label.group(1).strip()}” / removed the label",
            )
        )
        position = label.end(1)
    comma = _COMMA_EQUALS.match(text, position)
    if comma:
        edits.append(
            _Edit(
                comma.start(),
                comma.end(),
                "",
                "T002",
                "“,=”读作“=”，原意可能是 ≥ 或 ≤（“,=”常是漏按 Shift 的“<=”），请核对 / "
                "',=' read as '='; '>=' or '<=' may have been meant",
            )
        )
        position = comma.end()
    else:
        leading = _LEADING_PUNCTUATION.match(text, position)
        if leading:
            edits.append(
                _Edit(
                    leading.start(),
                    leading.end(),
                    "",
                    "T003",
                    f"去掉了开头的“{leading.group()}” / removed leading punctuation",
                )
            )
            position = leading.end()
    first_sign = _FIRST_SIGN.search(text, position)
    words = text[position : first_sign.start()] if first_sign else ""
    named = words.strip()
    if (
        named
        and not _DIGIT.search(words)
        and not _MEANINGFUL.search(words)
        and not _CHANGING_WORDS.search(words)
        and named.endswith(_NAME_ENDINGS)
    ):
        edits.append(
            _Edit(
                position,
                position + len(words),
                "",
                "T008",
                f"忽略了比较符之前的“{words.strip()}” / ignored the words before the operator",
            )
        )
        position += len(words)
    limit = len(text)
    end = len(text.rstrip())
    start = end
    while start > position and text[start - 1] in _TRAILING_PUNCTUATION:
        start -= 1
    if position < start < end:
        edits.append(
            _Edit(
                start,
                len(text),
                "",
                "T003",
                f"去掉了结尾的“{text[start:].strip()}” / removed trailing punctuation",
            )
        )
        limit = start
    for arrow in _ARROWS.finditer(text, position, limit):
        sign = "≥" if arrow.group(1) == ">" else "≤"
        edits.append(
            _Edit(
                arrow.start(),
                arrow.end(),
                sign,
                "T004",
                f"“{arrow.group()}”读作“{sign}” / {arrow.group()!r} read as {sign!r}",
            )
        )
    for look_alike in _LOOK_ALIKE.finditer(text, position, limit):
        sign = _LOOK_ALIKES[look_alike.group()]
        edits.append(
            _Edit(
                look_alike.start(),
                look_alike.end(),
                sign,
                "T007",
                f"“{look_alike.group()}”读作“{sign}”，请核对 / {look_alike.group()!r} read as {sign!r}",
            )
        )
    edits.extend(_unit_glosses(text, position, limit, registry))
    edits.extend(_listed_denominators(text, position, limit, registry))
    for double in _DOUBLE_PERCENT.finditer(text, position, limit):
        edits.append(
            _Edit(
                double.start(),
                double.end(),
                "%",
                "T005",
                "重复的百分号只保留一个 / doubled '%' kept once",
            )
        )
    return edits


def _apply(text: str, edits: list[_Edit]) -> tuple[str, list[int]]:
    """The repaired text and, for each of its characters (and its end), the original index."""
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


def _diagnostic(text: str, edit: _Edit) -> Diagnostic:
    return Diagnostic(
        edit.code, edit.message, edit.start, edit.end, text[edit.start : edit.end], edit.replacement
    )


def parse_lenient(text: str, registry: UnitRegistry) -> LenientParse:
    """Repair, parse, and report; raises the strict error when no repair helps.

    >>> from indicatorkit.units import default_registry
    >>> result = parse_lenient("=>95%", default_registry())
    >>> result.target, [d.code for d in result.diagnostics]
    (Comparison('≥95%'), ['T004'])
    """
    given_error: TextError | None = None
    try:
        read = read_or_convention(text, registry)
    except MissingNumberError:
        raise  # a unit alone: nothing to repair, never a sentence
    except SeveralValuesError as error:
        return _several_values(text, error)
    except UnknownUnitError as error:
        counted = _counting_word(text, error, error.position, error.end, registry)
        if counted is not None:
            return counted
        read, given_error = None, error
    except TextError as error:
        read, given_error = None, error
    if isinstance(read, Convention):
        return _by_convention(text, read)
    as_given = read
    if as_given is not None and not isinstance(as_given, Qualitative):
        return LenientParse(text, as_given)
    edits = _find_edits(text, registry)
    if as_given is not None and not edits:
        return LenientParse(text, as_given)
    repaired, index = _apply(text, edits)
    diagnostics = [_diagnostic(text, edit) for edit in edits]
    try:
        target = read_target(repaired, registry)
    except TextError as error:
        if isinstance(error, UnknownUnitError):  # 合格率≥5000蔸: repaired, then a counting word
            start, end = index[error.position], index[error.end]
            counted = _counting_word(text, error, start, end, registry)
            if counted is not None:
                return counted
        truncated = _truncated(repaired, error, registry)
        if truncated is None:
            if as_given is not None:  # a sentence the repairs broke: keep it as written
                return LenientParse(text, as_given)
            around = _comparison_in_words(text, registry)
            if around is not None:
                return around
            if _sentence(repaired) is None:
                raise (given_error or error) from None  # located in the text as given
            # the sentence as written: only a label or punctuation at its edges is set aside,
            # never a repair inside it (95%% stays as the table wrote it)
            edges = [edit for edit in edits if edit.code in _EDGE_CODES]
            sentence = Qualitative(_apply(text, edges)[0].strip())
            diagnostics = [_diagnostic(text, edit) for edit in edges]
            diagnostics.append(
                Diagnostic(
                    "T009",
                    "含数字的句子读作定性指标，请核对其中是否有应单独填写的数值目标 / "
                    "a sentence with numbers read as qualitative: check for a target inside",
                    0,
                    len(text),
                    text,
                    str(sentence),
                )
            )
            return LenientParse(text, sentence, tuple(diagnostics))
        target, cut = truncated
        start, end = index[cut], index[len(repaired)]
        diagnostics.append(
            Diagnostic(
                "T006",
                f"忽略了指标值之后的“{repaired[cut:].strip()}” / ignored the words after the target",
                start,
                end,
                text[start:end],
                "",
            )
        )
    return LenientParse(text, target, tuple(sorted(diagnostics, key=lambda d: d.position)))


def _by_convention(text: str, convention: Convention) -> LenientParse:
    """What a documented convention reads from text strict reading refuses as ambiguous
    (T040 onwards), with the diagnostic saying so."""
    target: AnyTarget = convention.reading
    message = f"{convention.message}；按惯例读作“{target}” / read by convention as {target}"
    start, end = convention.start, convention.end
    diagnostic = Diagnostic(convention.code, message, start, end, text[start:end], str(target))
    return LenientParse(text, target, (diagnostic,))


def _counting_word(
    text: str, error: UnknownUnitError, start: int, end: int, registry: UnitRegistry
) -> LenientParse | None:
    """The text read with an unknown counting word (``≥5000蔸``, at ``[start, end)`` of the
    text as given) as a count of its own, with a T023 diagnostic and the definition added —
    or ``None`` when the unknown word is not a single counting word
    (:func:`~indicatorkit.units.could_be_counting_word`: never a unit of another kind, a time
    word or a numeral)."""
    word = error.counting_word
    if not could_be_counting_word(word) or word in registry.known_unit_set():
        return None
    line = f"{word} = [{word}]"
    try:
        read = parse_lenient(text, registry.define(line))
    except (TextError, UnitDefinitionError):
        return None  # the word is not what stops the reading: the strict error stands
    diagnostic = Diagnostic(
        "T023",
        f"“{word}”不是已知单位，按量词读取（自成一类计数，只与“{word}”比较），请核对；"
        f"在规格的“计量单位”中写明“- {line}” / unknown counting word {word!r} read as a count "
        f"of its own: check it, and declare - {line} in the spec's units",
        start,
        end,
        text[start:end],
        text[start:end],
    )
    return LenientParse(
        text,
        read.target,
        tuple(sorted((diagnostic, *read.diagnostics), key=lambda d: d.position)),
        (line, *read.defined),
    )


def _several_values(text: str, error: SeveralValuesError) -> LenientParse:
    """A text holding two or more values, read as the qualitative sentence it is (T021)."""
    stripped = text.strip()
    diagnostic = Diagnostic(
        "T021",
        "含两个或以上数值，无法判断哪个是指标值，读作定性指标；请拆分或核对 / two or more values: "
        "read as qualitative — split the target or check it",
        error.position,
        error.end,
        text[error.position : error.end],
        "",
    )
    return LenientParse(text, Qualitative(stripped), (diagnostic,))


def _comparison_in_words(text: str, registry: UnitRegistry) -> LenientParse | None:
    """The one comparison of a sentence (``全年至少开展3次培训`` → ``≥3次``), with a T020
    diagnostic naming the words set aside."""
    normalised, index = normalize(text)

    def reads(core: str) -> bool:
        try:
            return not isinstance(read_target(core, registry), Qualitative)
        except TextError:
            return False

    found = comparison_in_words(normalised, registry, reads)
    if found is None:
        return None
    target = read_target(found.core, registry)
    first, last = found.spans[0][0], found.spans[-1][1]
    start, end = original_position(index, first), original_position(index, last)
    aside = "”“".join(found.set_aside)
    diagnostic = Diagnostic(
        "T020",
        f"读作“{found.core}”，忽略了“{aside}”，请核对 / read as {found.core!r}, "
        f"setting aside {', '.join(repr(word) for word in found.set_aside)}",
        start,
        end,
        text[start:end],
        found.core,
    )
    return LenientParse(text, target, (diagnostic,))


def _truncated(
    repaired: str, error: TextError, registry: UnitRegistry
) -> tuple[AnyTarget, int] | None:
    """The target read from the text before the error, when the words after it cannot change
    its meaning; with the offset where the ignored words start.

    """
    if not isinstance(error, TargetSyntaxError):
        return None
    cut = error.position
    head = repaired[:cut].rstrip()
    if not head or not _DONE_WORDS.fullmatch(repaired[cut:]):
        return None
    try:
        return read_target(head, registry), cut
    except TextError:
        return None


def _sentence(repaired: str) -> AnyTarget | None:
    """A sentence with numbers in it (no signs, starting with a word), as a qualitative target."""
    stripped = repaired.strip()
    return Qualitative(stripped) if looks_like_sentence(normalize(stripped)[0]) else None
