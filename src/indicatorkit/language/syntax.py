"""Reading a text with the grammar: normalise it, parse it from a start symbol, and turn any
failure into the library's own error, located in the text as the user gave it.

>>> from indicatorkit.units import default_registry
>>> read_with_grammar("12月20日", Start.ACTUAL, default_registry())
DatePoint(month=12, day=20, year=None)
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs
from lark.exceptions import UnexpectedInput

from indicatorkit.errors import TargetSyntaxError, TextError
from indicatorkit.language.conventions import Convention
from indicatorkit.language.grammar import Located, Start, parser_for
from indicatorkit.language.hints import syntax_error
from indicatorkit.language.text import normalize, original_position
from indicatorkit.units import UnitRegistry

__all__ = [
    "CACHE_SIZE",
    "MAX_TEXT",
    "CachedReader",
    "Start",
    "check_text",
    "clear_readers",
    "read_with_grammar",
]

#: The longest target or actual text read (characters).  Real 指标值 are a few dozen
#: characters; the limit keeps every entry point's time and memory bounded.
MAX_TEXT = 10_000


def check_text(text: str, start: Start) -> None:
    """Raise the located error for an empty or over-long text.

    >>> check_text("≥95%", Start.TARGET)
    >>> check_text("  ", Start.TARGET)
    Traceback (most recent call last):
      ...
    indicatorkit.errors.TargetSyntaxError: 指标值为空 (empty target)
    """
    if len(text) > MAX_TEXT:
        raise TargetSyntaxError(
            f"{start.label}过长 (a {start.english} longer than {MAX_TEXT} characters): "
            f"{len(text)} 个字符",
            text[:200],
            MAX_TEXT if len(text) <= 200 else 0,
            suggestion="指标值应为简短的表达式或句子 / a target is a short expression or sentence",
        )
    if not text.strip():
        raise TargetSyntaxError(
            f"{start.label}为空 (empty {start.english})", text, 0, end=max(1, len(text))
        )


def read_with_grammar(
    text: str,
    start: Start,
    registry: UnitRegistry,
    otherwise: Callable[[str], Any] | None = None,
    normal_form: tuple[str, tuple[int, ...] | None] | None = None,
) -> Any:
    """What the grammar reads from ``text``: a value for :attr:`Start.ACTUAL`, a form for
    :attr:`Start.TARGET` (a :class:`~indicatorkit.language.conventions.Convention` for a text
    only a convention reads, located in ``text``) — or the located error.

    ``otherwise``, when given, is asked first what a text the grammar cannot read is (it
    gets the normalised text); when it returns ``None`` the syntax error is raised.
    ``normal_form`` is ``normalize(text)`` when the caller has it already.

    >>> from indicatorkit.units import default_registry
    >>> read_with_grammar("12月底前", Start.TARGET, default_registry())
    By(point=DatePoint(month=12, day=None, year=None))
    >>> read_with_grammar("及时发放", Start.TARGET, default_registry(), lambda text: f"prose: {text}")
    'prose: 及时发放'
    """
    normalised, index = normalize(text) if normal_form is None else normal_form
    # everything that may raise is done outside the handlers: an error never carries lark's
    # exception (and its parser state) as ``__context__``, so it pickles whole even where a
    # traceback-pickling hook (tblib, installed by dask) sends the context along
    unexpected: UnexpectedInput | None = None
    problem: TextError | None = None
    try:
        read: Any = parser_for(registry).parse(normalised, start=start.value)
    except Located as located:
        position = original_position(index, located.start)
        end = original_position(index, located.end)
        problem = located.cls(
            located.message, text, position, end=end, suggestion=located.suggestion
        )
    except UnexpectedInput as error:
        unexpected = error.with_traceback(None)  # kept past the handler: no frame cycle
    except RecursionError:
        problem = TargetSyntaxError(
            f"{start.label}嵌套过深 (nested too deeply)", text, 0, end=len(text)
        )
    else:
        if isinstance(read, Convention):  # located in the text as given, like an error
            start_at = original_position(index, read.start)
            end_at = original_position(index, read.end)
            return attrs.evolve(read, start=start_at, end=end_at)
        return read
    if unexpected is not None:
        other = None if otherwise is None else otherwise(normalised)
        if other is not None:
            return other
        problem = syntax_error(text, normalised, index, unexpected, start, registry)
    assert problem is not None
    try:
        raise problem
    finally:  # the frame keeps no error whose traceback holds the frame: no cycle to collect
        del problem, unexpected


#: What a :class:`CachedReader` reads a text to.
Read = TypeVar("Read")

#: Readings a registry keeps per reader, at most (bounded memory, constant time per reading,
#: whatever the input).  They are kept in two generations of half that size each: a reading is
#: made in the young one; when it is full it becomes the old one and the oldest generation is
#: dropped; a reading found in the old generation moves back to the young one, so texts read
#: often stay (least-recently-used eviction, by generation).  When a whole generation passes
#: with almost no text read again (a column of distinct texts), a text is kept only when it is
#: read a second time: keeping readings nobody asks for again would cost more than reading.
CACHE_SIZE = 65_536


#: The first generations are small and grow (double) while texts are read again: a column of
#: distinct texts is recognised after this many readings, not after half the cache.
FIRST_GENERATION = 1024


def _capacity(wanted: int) -> int:
    """The size of a generation: ``wanted``, at most half of :data:`CACHE_SIZE` (read when
    the size changes)."""
    return min(wanted, max(1, CACHE_SIZE // 2))


class _Generations(Generic[Read]):
    """One registry's readings of one reader: the young and the old generation, the size of a
    generation (``capacity``), how many readings the old generation gave back since the last
    change of generation (``reused``), and — while only texts read twice are kept
    (``admit_all`` false) — the texts seen once (``seen``)."""

    __slots__ = ("admit_all", "capacity", "old", "reused", "seen", "young")

    def __init__(self) -> None:
        self.young: dict[str, Read] = {}
        self.old: dict[str, Read] = {}
        self.seen: set[str] = set()
        self.admit_all = True
        self.reused = 0
        self.capacity = _capacity(FIRST_GENERATION)

    def put(self, text: str, read: Read) -> None:
        """Put ``read`` in the young generation, first starting a new one when it is full."""
        young = self.young
        if len(young) >= self.capacity:
            # were more than 1 in 16 of the readings asked for again a generation later?
            self.admit_all = self.reused * 16 > len(young)
            if self.admit_all:
                self.capacity = _capacity(self.capacity * 2)
            self.old, self.young, self.reused = young, {}, 0
            young = self.young
        young[text] = read

    def clear(self) -> None:
        self.young.clear()
        self.old.clear()
        self.seen.clear()
        self.admit_all, self.reused, self.capacity = True, 0, _capacity(FIRST_GENERATION)


class CachedReader(Generic[Read]):
    """A reader of texts that keeps its readings per unit registry: :meth:`read` looks the
    text up, and on a miss tries the fast path ``plain`` (``None`` when it declines) and then
    the ``slow`` path.  Each registry's readings are kept in the registry's ``memo`` (so they
    live and die with the registry), at most :data:`CACHE_SIZE` of them, the least recently
    used dropped first (by generation); :meth:`clear` empties every one of them in place.
    Errors are never kept.

    >>> from indicatorkit.units import default_registry
    >>> lengths = CachedReader(
    ...     lambda text, registry: len(text) if text.isdigit() else None,
    ...     lambda registry, text: -1,
    ... )
    >>> lengths.read("123", default_registry()), lengths.read("≥5", default_registry())
    (3, -1)
    >>> lengths.readings(default_registry())
    {'123': 3, '≥5': -1}
    >>> lengths.clear()
    >>> lengths.readings(default_registry())
    {}
    """

    def __init__(
        self,
        plain: Callable[[str, UnitRegistry], Read | None],
        slow: Callable[[UnitRegistry, str], Read],
    ) -> None:
        self.plain = plain
        self.slow = slow
        # the registries with readings, by identity: two registries with the same definitions
        # are equal, yet each keeps its own readings (a WeakSet would hold only one of them)
        self.registries: dict[int, weakref.ref[UnitRegistry]] = {}
        self.lock = threading.Lock()
        _READERS.add(self)

    def read(self, text: str, registry: UnitRegistry) -> Read:
        """What ``text`` means in ``registry`` (kept for the next time)."""
        generations: _Generations[Read] | None = registry.memo.get(self)
        if generations is None:
            generations = self._generations(registry)
        read: Read | None = generations.young.get(text)
        if read is None:
            read = generations.old.get(text)
            if read is None:
                read = self.plain(text, registry) if len(text) <= MAX_TEXT else None
                if read is None:
                    read = self.slow(registry, text)
                if generations.admit_all:
                    young = generations.young
                    if len(young) < generations.capacity:
                        young[text] = read  # put(), inlined: the common case of every miss
                    else:
                        generations.put(text, read)
                else:  # texts are seldom read again: keep this one if it is read a 2nd time
                    seen = generations.seen
                    size = len(seen)
                    seen.add(text)  # the caller's text: nothing new is kept alive
                    if len(seen) == size:
                        generations.put(text, read)
                    elif size >= CACHE_SIZE:
                        seen.clear()
            else:
                generations.reused += 1
                generations.put(text, read)  # back to the young generation
        return read

    def _generations(self, registry: UnitRegistry) -> _Generations[Read]:
        with self.lock:
            generations: _Generations[Read] | None = registry.memo.get(self)
            if generations is None:
                generations = registry.memo[self] = _Generations()
                key = id(registry)

                def forget(_: weakref.ref[UnitRegistry], key: int = key) -> None:
                    self.registries.pop(key, None)

                self.registries[key] = weakref.ref(registry, forget)
            return generations

    def readings(self, registry: UnitRegistry) -> dict[str, Read]:
        """A copy of what ``registry`` keeps of this reader's readings, oldest first."""
        generations = self._generations(registry)
        return {**generations.old, **generations.young}

    def clear(self) -> None:
        """Forget every reading, in every registry."""
        with self.lock:
            for reference in list(self.registries.values()):
                registry = reference()
                generations = None if registry is None else registry.memo.get(self)
                if generations is not None:
                    generations.clear()


#: Every reader made (while it lives), for :func:`clear_readers`.
_READERS: weakref.WeakSet[CachedReader[Any]] = weakref.WeakSet()


def clear_readers() -> None:
    """Forget every reading of every :class:`CachedReader` (targets, actuals, lenient
    readings), in every registry.

    >>> from indicatorkit.units import default_registry
    >>> doubled = CachedReader(lambda text, registry: None, lambda registry, text: text * 2)
    >>> doubled.read("5", default_registry())
    '55'
    >>> clear_readers()
    >>> doubled.readings(default_registry())
    {}
    """
    for reader in list(_READERS):
        reader.clear()
