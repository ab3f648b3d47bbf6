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
from indicatorkit.language.repairs import REPAIRS, Edit, apply_edits, find_edits
from indicatorkit.language.targets import AnyTarget, Qualitative
from indicatorkit.language.text import normalize, original_position
from indicatorkit.language.words import comparison_in_words
from indicatorkit.units import UnitDefinitionError, UnitRegistry, could_be_counting_word

__all__ = ["DIAGNOSTIC_CODES", "READINGS", "Diagnostic", "LenientParse", "Reading", "parse_lenient"]

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
class Reading:
    """A reading the lenient reader makes where no text repair (:data:`~indicatorkit.language.repairs.REPAIRS`)
    is enough: ``code``, a ``name``, what it does, an ``example`` and what the example reads.

    >>> from indicatorkit import parse_target
    >>> reading = READINGS[0]
    >>> reading.code, str(parse_target(reading.example, lenient=True).target) == reading.reads
    ('T040', True)
    """

    code: str
    name: str
    description: str
    example: str
    reads: str


#: The readings, in the order :func:`parse_lenient` tries them: a convention, several values
#: or an unknown counting word in the text as given; then, when the repaired text still
#: cannot be read, an unknown counting word, words after the target, the one comparison of a
#: sentence, a sentence.
READINGS: tuple[Reading, ...] = (
    Reading("T040", "month before", DIAGNOSTIC_CODES["T040"], "8月前", "8月底前"),
    Reading("T041", "month alone", DIAGNOSTIC_CODES["T041"], "12月", "12月底前"),
    Reading("T042", "dotted months", DIAGNOSTIC_CODES["T042"], "2023.07-2024.01",
            "2023年7月～2024年1月"),
    Reading("T043", "year alone", DIAGNOSTIC_CODES["T043"], "2020年", "2020年12月底前"),
    Reading("T044", "dotted month", DIAGNOSTIC_CODES["T044"], "2021.6", "2021年6月底前"),
    Reading("T021", "several values", DIAGNOSTIC_CODES["T021"], "首年返本10%，分红按5%",
            "“首年返本10%，分红按5%”"),
    Reading("T023", "counting word", DIAGNOSTIC_CODES["T023"], "≥5000蔸", "≥5000蔸"),
    Reading("T006", "words after", DIAGNOSTIC_CODES["T006"], "≥100件按时完成", "≥100件"),
    Reading("T020", "comparison in words", DIAGNOSTIC_CODES["T020"], "全年至少开展3次培训",
            "≥3次"),
    Reading("T009", "sentence", DIAGNOSTIC_CODES["T009"], "设立2个援助窗口",
            "“设立2个援助窗口”"),
)  # fmt: skip


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

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.units import default_registry
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
    #: The registry the text was read with (``None``: not known — built by hand); like a
    #: record's ``where``, not part of equality.
    units: UnitRegistry | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @property
    def repaired(self) -> bool:
        return bool(self.diagnostics)

    def with_units(self, units: UnitRegistry) -> LenientParse | None:
        """This reading as ``units`` reads the text, when that is known without reading it
        again: ``units`` is the registry it was read with, or adds to it only the units this
        reading made up (T023: declared now, so no longer a repair) and units whose names
        the text does not hold — else ``None``.

        >>> from indicatorkit import parse_target
        >>> read = parse_target("≥5000蔸", lenient=True)
        >>> declared = read.units.define(read.defined[0])
        >>> read.with_units(declared) == parse_target("≥5000蔸", lenient=True, units=declared)
        True
        >>> read.with_units(declared.define("畦 = [畦]")).diagnostics
        ()
        >>> parse_target("完成畦田改造", lenient=True).with_units(declared.define("畦 = [畦]")) is None
        True
        """
        given = self.units
        if given is None:
            return None
        if units is given or units == given:
            return self
        before = len(given.definitions)
        if units.definitions[:before] != given.definitions:
            return None
        added = units.definitions[before:]
        if not set(self.defined) <= set(added):
            return None
        for line in added:
            names = [name.strip() for at, name in enumerate(line.split("=")) if at != 1]
            if line not in self.defined and (
                line.startswith("@") or any(name and name in self.text for name in names)
            ):
                return None  # a unit the text may use: only reading tells
        kept = tuple(d for d in self.diagnostics if d.code != "T023")
        return LenientParse(self.text, self.target, kept, units=units)

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


#: Words after a target that only say it is to be done (T006): nothing else is set aside,
#: since other words can invert the meaning (``≥95%未完成``, ``≥100万元除外``, ``≥5%同比增长``).
_DONE_WORDS = re.compile(r"\s*(?:按时|按期|如期|及时|全部|全面|均|已)?(?:完成|达到|达标|实现)\s*")

#: Repairs at the edges of a text (a label, punctuation): the only ones a sentence read as
#: qualitative keeps (T009).
_EDGE_CODES = frozenset(rule.code for rule in REPAIRS if rule.at_edge)


def _diagnostic(text: str, edit: Edit) -> Diagnostic:
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
    read = _read(text, registry)
    return LenientParse(read.text, read.target, read.diagnostics, read.defined, units=registry)


def _read(text: str, registry: UnitRegistry) -> LenientParse:
    """:func:`parse_lenient` but for the registry it says it was read with."""
    given = _as_given(text, registry)
    if isinstance(given, LenientParse):
        return given
    as_given, given_error = given
    edits = find_edits(text, registry)
    if as_given is not None and not edits:
        return LenientParse(text, as_given)
    repaired, index = apply_edits(text, edits)
    try:
        target = read_target(repaired, registry)
    except TextError as error:
        repairs = _Repaired(text, edits, repaired, index)
        return _when_repairs_fail(repairs, error, registry, as_given, given_error)
    diagnostics = [_diagnostic(text, edit) for edit in edits]
    return LenientParse(text, target, tuple(sorted(diagnostics, key=lambda d: d.position)))


def _as_given(
    text: str, registry: UnitRegistry
) -> LenientParse | tuple[Qualitative | None, TextError | None]:
    """The text as given: read (a comparison, range or date: as is), read by a convention, as
    several values, with an unknown counting word — or what the repairs start from: the
    sentence it reads as, or the strict error."""
    try:
        read = read_or_convention(text, registry)
    except MissingNumberError:
        raise  # a unit alone: nothing to repair, never a sentence
    except SeveralValuesError as error:
        return _several_values(text, error)
    except UnknownUnitError as error:
        counted = _counting_word(text, error, error.position, error.end, registry)
        return (None, error) if counted is None else counted
    except TextError as error:
        return None, error
    if isinstance(read, Convention):
        return _by_convention(text, read)
    if not isinstance(read, Qualitative):
        return LenientParse(text, read)
    return read, None


@attrs.frozen
class _Repaired:
    """The text as given, the edits of the repairs, the repaired text and, for each of its
    characters, the index in the text as given."""

    text: str
    edits: list[Edit]
    repaired: str
    index: list[int]


def _when_repairs_fail(
    repairs: _Repaired,
    error: TextError,
    registry: UnitRegistry,
    as_given: Qualitative | None,
    given_error: TextError | None,
) -> LenientParse:
    """The readings tried when the repaired text cannot be read either (``error``): an
    unknown counting word, words after the target, the sentence as given, the one comparison
    of a sentence, a sentence with numbers — else the strict error, located in the text as
    given."""
    text, repaired, index = repairs.text, repairs.repaired, repairs.index
    if isinstance(error, UnknownUnitError):  # 合格率≥5000蔸: repaired, then a counting word
        start, end = index[error.position], index[error.end]
        counted = _counting_word(text, error, start, end, registry)
        if counted is not None:
            return counted
    truncated = _truncated(repaired, error, registry)
    if truncated is not None:
        target, cut = truncated
        start, end = index[cut], index[len(repaired)]
        after = Diagnostic(
            "T006",
            f"忽略了指标值之后的“{repaired[cut:].strip()}” / ignored the words after the target",
            start,
            end,
            text[start:end],
            "",
        )
        diagnostics = [*(_diagnostic(text, edit) for edit in repairs.edits), after]
        return LenientParse(text, target, tuple(sorted(diagnostics, key=lambda d: d.position)))
    if as_given is not None:  # a sentence the repairs broke: keep it as written
        return LenientParse(text, as_given)
    around = _comparison_in_words(text, registry)
    if around is not None:
        return around
    if _sentence(repaired) is None:
        raise (given_error or error) from None  # located in the text as given
    return _as_sentence(text, repairs.edits)


def _as_sentence(text: str, edits: list[Edit]) -> LenientParse:
    """The sentence as written (T009): only a label or punctuation at its edges is set aside,
    never a repair inside it (95%% stays as the table wrote it)."""
    edges = [edit for edit in edits if edit.code in _EDGE_CODES]
    sentence = Qualitative(apply_edits(text, edges)[0].strip())
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
        read = _read(text, registry.define(line))
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
