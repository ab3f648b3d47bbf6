"""The lenient reader's readings: what it makes of a text no text repair
(:data:`~indicatorkit.language.repairs.REPAIRS`) is enough for — each a small named rule with
its code, what it does, when it is tried (:class:`Stage`), the function that reads and an
example — tried in the order :data:`READINGS` declares; the first that reads gives the result.

On the text as given (:attr:`Stage.AS_GIVEN`, before any repair), a documented convention
(T040–T044), several values (T021) or an unknown counting word (T023); when the repaired
text cannot be read either (:attr:`Stage.REPAIRED`), an unknown counting word, words after the
target (T006), the sentence as given, the one comparison of a sentence (T020), a sentence
with numbers (T009).

>>> [(reading.code, reading.stage.value) for reading in READINGS][:2]
[('T040', 'as given'), ('T041', 'as given')]
>>> from indicatorkit import parse_target
>>> str(parse_target(READINGS[0].example, lenient=True).target) == READINGS[0].reads
True
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable

import attrs

from indicatorkit.errors import (
    SeveralValuesError,
    TargetSyntaxError,
    TextError,
    UnknownUnitError,
)
from indicatorkit.language.conventions import Convention
from indicatorkit.language.diagnostics import (
    DIAGNOSTIC_CODES,
    Diagnostic,
    LenientParse,
    _diagnostic,
)
from indicatorkit.language.prose import looks_like_sentence
from indicatorkit.language.reading import read_target
from indicatorkit.language.repairs import REPAIRS, Edit, apply_edits
from indicatorkit.language.targets import AnyTarget, Qualitative
from indicatorkit.language.text import normalize, original_position
from indicatorkit.language.words import comparison_in_words
from indicatorkit.units import UnitDefinitionError, UnitRegistry, could_be_counting_word

__all__ = ["READINGS", "Attempt", "Reading", "Stage", "first_reading"]


class Stage(enum.Enum):
    """When a reading is tried.

    >>> [stage.value for stage in Stage]
    ['as given', 'repaired']
    """

    AS_GIVEN = "as given"  #: on the text as given, which strict reading refuses
    REPAIRED = "repaired"  #: when the text the repairs made cannot be read either


@attrs.frozen
class _Repaired:
    """The text as given, the edits of the repairs, the repaired text and, for each of its
    characters, the index in the text as given."""

    text: str
    edits: list[Edit]
    repaired: str
    index: list[int]


@attrs.frozen
class Attempt:
    """What a reading is given: the text as given, the registry, the strict ``error`` (of
    the text as given, or after the repairs of the repaired text) — and, as given, the
    ``convention`` strict reading refused to guess; after the repairs, what they did
    (``repairs``) and the sentence the text as given reads as (``as_given``), if any;
    ``again`` reads a text leniently with another registry (a reading that adds a word).

    >>> from indicatorkit.units import default_registry
    >>> Attempt("≥95%", default_registry(), None).repairs is None
    True
    """

    text: str
    registry: UnitRegistry
    error: TextError | None
    convention: Convention | None = None
    repairs: _Repaired | None = None
    as_given: Qualitative | None = None
    again: Callable[[str, UnitRegistry], LenientParse] | None = None


@attrs.frozen
class Reading:
    """A reading the lenient reader makes where no text repair is enough: ``code`` (a key of
    :data:`~indicatorkit.language.diagnostics.DIAGNOSTIC_CODES`; ``None`` for a reading that
    changes nothing and says nothing), a ``name``, what it does, its ``stage``, ``read``
    (the attempt → the result, or ``None`` when it does not apply), an ``example`` and what
    the example reads.

    >>> from indicatorkit import parse_target
    >>> reading = next(r for r in READINGS if r.code == "T006")
    >>> reading.stage, str(parse_target(reading.example, lenient=True).target) == reading.reads
    (<Stage.REPAIRED: 'repaired'>, True)
    """

    code: str | None
    name: str
    description: str
    stage: Stage
    read: Callable[[Attempt], LenientParse | None] = attrs.field(repr=False)
    example: str
    reads: str


def first_reading(stage: Stage, attempt: Attempt) -> LenientParse | None:
    """What the first reading of ``stage`` (in :data:`READINGS`' order) makes of ``attempt``,
    or ``None``.

    >>> from indicatorkit.language.reading import read_or_convention
    >>> from indicatorkit.units import default_registry
    >>> found = read_or_convention("8月前", default_registry())
    >>> first_reading(Stage.AS_GIVEN, Attempt("8月前", default_registry(), None, found)).target
    Deadline('8月底前')
    """
    for reading in READINGS:
        if reading.stage is stage:
            found = reading.read(attempt)
            if found is not None:
                return found
    return None


#: Words after a target that only say it is to be done (T006): nothing else is set aside,
#: since other words can invert the meaning (``≥95%未完成``, ``≥100万元除外``, ``≥5%同比增长``).
_DONE_WORDS = re.compile(r"\s*(?:按时|按期|如期|及时|全部|全面|均|已)?(?:完成|达到|达标|实现)\s*")

#: Repairs at the edges of a text (a label, punctuation): the only ones a sentence read as
#: qualitative keeps (T009).
_EDGE_CODES = frozenset(rule.code for rule in REPAIRS if rule.at_edge)


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
    attempt: Attempt, error: UnknownUnitError, start: int, end: int
) -> LenientParse | None:
    """The text read with an unknown counting word (``≥5000蔸``, at ``[start, end)`` of the
    text as given) as a count of its own, with a T023 diagnostic and the definition added —
    or ``None`` when the unknown word is not a single counting word
    (:func:`~indicatorkit.units.could_be_counting_word`: never a unit of another kind, a time
    word or a numeral)."""
    text, registry, again = attempt.text, attempt.registry, attempt.again
    word = error.counting_word
    if again is None or not could_be_counting_word(word) or word in registry.known_unit_set():
        return None
    line = f"{word} = [{word}]"
    try:
        read = again(text, registry.define(line))  # read again, with the word
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


# ---- the readings' functions, on an attempt --------------------------------------------------


def _convention(code: str) -> Callable[[Attempt], LenientParse | None]:
    """The reading of the convention ``code`` (T040–T044), when strict reading refused to
    guess it."""

    def read(attempt: Attempt) -> LenientParse | None:
        found = attempt.convention
        return None if found is None or found.code != code else _by_convention(attempt.text, found)

    return read


def _read_several_values(attempt: Attempt) -> LenientParse | None:
    error = attempt.error
    return _several_values(attempt.text, error) if isinstance(error, SeveralValuesError) else None


def _read_counting_word(attempt: Attempt) -> LenientParse | None:
    """T023 on the text as given, or after the repairs (the error's place mapped back)."""
    error = attempt.error
    if not isinstance(error, UnknownUnitError):
        return None
    start, end = error.position, error.end
    if attempt.repairs is not None:
        start, end = attempt.repairs.index[start], attempt.repairs.index[end]
    return _counting_word(attempt, error, start, end)


def _read_words_after(attempt: Attempt) -> LenientParse | None:
    """T006: the target before words that only say it is to be done."""
    repairs, error = attempt.repairs, attempt.error
    if repairs is None or error is None:
        return None
    truncated = _truncated(repairs.repaired, error, attempt.registry)
    if truncated is None:
        return None
    target, cut = truncated
    text, repaired, index = repairs.text, repairs.repaired, repairs.index
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


def _read_as_given(attempt: Attempt) -> LenientParse | None:
    """A sentence the repairs broke: kept as written (nothing changed, nothing to say)."""
    return None if attempt.as_given is None else LenientParse(attempt.text, attempt.as_given)


def _read_comparison_in_words(attempt: Attempt) -> LenientParse | None:
    return _comparison_in_words(attempt.text, attempt.registry)


def _read_sentence(attempt: Attempt) -> LenientParse | None:
    repairs = attempt.repairs
    if repairs is None or _sentence(repairs.repaired) is None:
        return None
    return _as_sentence(attempt.text, repairs.edits)


_GIVEN, _REPAIRED = Stage.AS_GIVEN, Stage.REPAIRED

#: The readings, in the order they are tried (within each stage).
READINGS: tuple[Reading, ...] = (
    Reading("T040", "month before", DIAGNOSTIC_CODES["T040"], _GIVEN, _convention("T040"),
            "8月前", "8月底前"),
    Reading("T041", "month alone", DIAGNOSTIC_CODES["T041"], _GIVEN, _convention("T041"),
            "12月", "12月底前"),
    Reading("T042", "dotted months", DIAGNOSTIC_CODES["T042"], _GIVEN, _convention("T042"),
            "2023.07-2024.01", "2023年7月～2024年1月"),
    Reading("T043", "year alone", DIAGNOSTIC_CODES["T043"], _GIVEN, _convention("T043"),
            "2020年", "2020年12月底前"),
    Reading("T044", "dotted month", DIAGNOSTIC_CODES["T044"], _GIVEN, _convention("T044"),
            "2021.6", "2021年6月底前"),
    Reading("T021", "several values", DIAGNOSTIC_CODES["T021"], _GIVEN, _read_several_values,
            "首年返本10%，分红按5%", "“首年返本10%，分红按5%”"),
    Reading("T023", "counting word", DIAGNOSTIC_CODES["T023"], _GIVEN, _read_counting_word,
            "≥5000蔸", "≥5000蔸"),
    Reading("T023", "counting word after repairs", DIAGNOSTIC_CODES["T023"], _REPAIRED,
            _read_counting_word, "合格率≥5000蔸", "≥5000蔸"),
    Reading("T006", "words after", DIAGNOSTIC_CODES["T006"], _REPAIRED, _read_words_after,
            "≥100件按时完成", "≥100件"),
    Reading(None, "sentence as given", "修复后读不出的句子按原文读取（“指标值：”去掉标签后为空）/ a "
            "sentence the repairs would break is kept as written", _REPAIRED, _read_as_given, "指标值：",
            "指标值："),
    Reading("T020", "comparison in words", DIAGNOSTIC_CODES["T020"], _REPAIRED,
            _read_comparison_in_words, "全年至少开展3次培训", "≥3次"),
    Reading("T009", "sentence", DIAGNOSTIC_CODES["T009"], _REPAIRED, _read_sentence,
            "设立2个援助窗口", "“设立2个援助窗口”"),
)  # fmt: skip
