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

from indicatorkit.errors import MissingNumberError, TextError
from indicatorkit.language.conventions import Convention
from indicatorkit.language.diagnostics import (
    DIAGNOSTIC_CODES,
    Diagnostic,
    LenientParse,
    _diagnostic,
)
from indicatorkit.language.reading import plain_comparison, read_or_convention, read_target
from indicatorkit.language.readings import (
    READINGS,
    Attempt,
    Reading,
    Stage,
    _Repaired,
    first_reading,
)
from indicatorkit.language.repairs import apply_edits, find_edits
from indicatorkit.language.syntax import CachedReader
from indicatorkit.language.targets import Qualitative
from indicatorkit.units import UnitRegistry

__all__ = ["DIAGNOSTIC_CODES", "READINGS", "Diagnostic", "LenientParse", "Reading", "parse_lenient"]


def parse_lenient(text: str, registry: UnitRegistry) -> LenientParse:
    """Repair, parse, and report; raises the strict error when no repair or reading helps.
    The text is read as given; a text strict reading refuses is given to the readings of
    :attr:`Stage.AS_GIVEN`, then repaired (:data:`~indicatorkit.language.repairs.REPAIRS`);
    a repaired text that cannot be read either is given to the readings of
    :attr:`Stage.REPAIRED` (:data:`READINGS`, in order).  Readings are kept per registry,
    as strict ones are (errors never).

    >>> from indicatorkit.units import default_registry
    >>> result = parse_lenient("=>95%", default_registry())
    >>> result.target, [d.code for d in result.diagnostics]
    (Comparison('≥95%'), ['T004'])
    >>> parse_lenient("=>95%", default_registry()) is result
    True
    """
    return _READER.read(text, registry)


def _plain(text: str, registry: UnitRegistry) -> LenientParse | None:
    """A plain comparison strict reading takes as it is (the strict reader's fast path,
    :func:`~indicatorkit.language.reading.plain_comparison`): nothing to repair, and no
    strict reading kept beside it."""
    target = plain_comparison(text, registry)
    return None if target is None else LenientParse(text, target, units=registry)


def _read_and_keep(registry: UnitRegistry, text: str) -> LenientParse:
    read = _read(text, registry)
    if read.units is registry:
        return read
    return LenientParse(read.text, read.target, read.diagnostics, read.defined, units=registry)


#: Lenient readings, kept per registry (a table's refused targets are read again for each
#: row the batch's fallback scores, and by ``score_indicator`` row by row).
_READER: CachedReader[LenientParse] = CachedReader(_plain, _read_and_keep)


def _without_frames(error: TextError) -> TextError:
    """``error``, kept past its handler: neither it nor the error it was raised in handling
    (its ``__context__``, suppressed by ``from None`` but kept) holds the frames it passed —
    the frame that keeps it is among them, a reference cycle keeping every caller's frame
    and locals (a record batch) alive until a full collection."""
    chained: BaseException | None = error
    while chained is not None:
        chained.with_traceback(None)
        chained = chained.__cause__ or chained.__context__
    return error


def _read(text: str, registry: UnitRegistry) -> LenientParse:
    """:func:`parse_lenient` but for the registry it says it was read with."""
    given_error: TextError | None = None
    try:
        read = read_or_convention(text, registry)
    except MissingNumberError:
        raise  # a unit alone: nothing to repair, never a sentence
    except TextError as error:
        read, given_error = None, _without_frames(error)
    if read is not None and not isinstance(read, Qualitative | Convention):
        return LenientParse(text, read, units=registry)
    convention = read if isinstance(read, Convention) else None
    found = first_reading(
        Stage.AS_GIVEN, Attempt(text, registry, given_error, convention, again=_read)
    )
    if found is not None:
        return found
    as_given = read if isinstance(read, Qualitative) else None
    edits = find_edits(text, registry)
    if as_given is not None and not edits:
        return LenientParse(text, as_given)
    repaired, index = apply_edits(text, edits)
    # no repair: strict reading would refuse the same text again, the same way
    problem = given_error if not edits else None
    if problem is None:
        try:
            target = read_target(repaired, registry)
        except TextError as refused:
            problem = _without_frames(refused)
        else:
            diagnostics = [_diagnostic(text, edit) for edit in edits]
            return LenientParse(text, target, tuple(sorted(diagnostics, key=lambda d: d.position)))
    repairs = _Repaired(text, edits, repaired, index)
    attempt = Attempt(text, registry, problem, repairs=repairs, as_given=as_given, again=_read)
    found = first_reading(Stage.REPAIRED, attempt)
    if found is None:
        try:
            raise (given_error or problem) from None  # located in the text as given
        finally:  # the frame keeps no error whose traceback holds the frame: no cycle
            del given_error, problem, attempt
    return found
