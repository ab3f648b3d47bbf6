"""The unit registry: an immutable value — the shipped definitions plus a tuple of user
definitions — that resolves unit words, rates and multiplied units to :class:`Unit` values,
and one registry per set of definitions in a process (:func:`registry_of`).

>>> units = registry_of(("樘 = [樘]",))
>>> units is registry_of(("樘 = [樘]",)), units.unit("樘/人").dimension
(True, '[人]^-1·[樘]')
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import attrs

from indicatorkit.errors import UnknownUnitError
from indicatorkit.units.counting import counting_word_in
from indicatorkit.units.definition_lines import (
    DefinitionLine,
    definition_line,
    unreadable_definition,
    words_taken,
)
from indicatorkit.units.dimensions import (
    MAX_UNIT_TEXT,
    NO_UNIT,
    SCALES,
    SCALES_LONGEST_FIRST,
    Unit,
    dimension_of,
    is_counting_dimension,
    rate_of,
)
from indicatorkit.units.quantities import quantity_unit_text, unknown_quantity_unit
from indicatorkit.units.shipped import pint_registry, shipped_units
from indicatorkit.units.suggestions import nearest_units as _nearest_units

if TYPE_CHECKING:  # pint is imported when a registry first resolves a word, not with the package
    import pint

__all__ = ["UnitRegistry", "registry_of"]


class UnitRegistry:
    """The unit words a target may use: ``units.txt`` plus ``definitions`` (one line each, in
    pint's definition syntax, e.g. ``"台 = [台]"``).

    Registries are equal when their definitions are; they are hashable, thread-safe, pickle
    as their definitions and are immutable (an assignment raises
    ``attrs.exceptions.FrozenInstanceError``, as on every frozen record).  Use :meth:`define`
    to extend one.

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.units import default_registry
    >>> frames = default_registry().define("樘 = [樘]")
    >>> parse_target("≥50樘", units=frames).check("52樘", units=frames).met
    True
    >>> frames == default_registry().define("樘 = [樘]"), frames == default_registry()
    (True, False)
    >>> try:
    ...     frames.definitions = ()
    ... except AttributeError as error:
    ...     print(type(error).__name__, frames.definitions)
    FrozenInstanceError ('樘 = [樘]',)
    """

    __slots__ = (
        "__weakref__",
        "_by_units",
        "_counting",
        "_lock",
        "_pint",
        "definitions",
        "lookup",
        "memo",
        "words",
    )

    definitions: tuple[str, ...]

    _pint: pint.UnitRegistry[Any] | None
    _counting: tuple[str, ...] | None
    _lock: threading.Lock
    _by_units: dict[Any, Unit]
    lookup: Callable[[str], Unit]
    words: Callable[[], tuple[tuple[str, ...], frozenset[str]]]
    memo: dict[Any, Any]

    def __init__(self, definitions: Iterable[str] = ()) -> None:
        initial = {
            "definitions": tuple(definitions),
            "_lock": threading.Lock(),
            "_pint": None,
            # Resolve a unit word to a Unit (bounded cache); KeyError if unknown — for readers
            # that try several readings of a text.  unit() is the public twin.
            "lookup": lru_cache(maxsize=4096)(self._resolve),
            "words": lru_cache(maxsize=1)(self._words),
            "_counting": None,
            "_by_units": {},
            # What readers built on this registry keep for it (their caches, keyed by the
            # reader): it lives and dies with the registry.
            "memo": {},
        }
        for name, value in initial.items():
            object.__setattr__(self, name, value)

    # ---- immutability: what is filled in lazily is a cache, set through _fill ----
    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def _fill(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    # ---- value semantics ----
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnitRegistry):
            return NotImplemented
        return self.definitions == other.definitions

    def __hash__(self) -> int:
        return hash(self.definitions)

    def __repr__(self) -> str:
        return f"UnitRegistry({list(self.definitions)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (registry_of, (self.definitions,))

    # ---- pint ----
    @property
    def pint(self) -> pint.UnitRegistry[Any]:
        """The pint registry behind this one (exact :class:`~fractions.Fraction` magnitudes)."""
        built = self._pint
        if built is None:
            with self._lock:
                if self._pint is None:
                    self._fill("_pint", pint_registry(self.definitions))
                built = self._pint
                assert built is not None
        return built

    # ---- extending ----
    def define(self, definition: str) -> UnitRegistry:
        """A registry with ``definition`` added (this one is left as it is).

        An identical definition already present returns this registry; a line not of the
        form ``名称 = 定义``, a name that is already a unit, or a line pint cannot read raises
        :class:`~indicatorkit.units.UnitDefinitionError`.

        >>> from indicatorkit.units import UnitDefinitionError, default_registry
        >>> try:
        ...     default_registry().define("株")
        ... except UnitDefinitionError as error:
        ...     print(error)
        单位定义无效 (invalid unit definition) '株': 应为“名称 = 定义” (name = definition)
        """
        line = definition_line(definition)
        if line.text in self.definitions:
            return self
        taken = words_taken(line, self.known_unit_set())
        if taken is not None:
            raise taken
        extended = registry_of((*self.definitions, line.text))
        try:
            extended._resolve_new(line)
        except Exception as error:  # pint raises many unrelated types here
            _forget(extended.definitions)
            raise unreadable_definition(line, error) from None
        return extended

    def _resolve_new(self, line: DefinitionLine) -> None:
        """Resolve the words ``line`` added now: pint accepts some broken lines lazily, and a
        bad line is to fail where it is defined, not at the first target that uses it."""
        self.pint.Quantity(Fraction(1), line.name).to_base_units()
        for word in line.words:
            self.lookup(word)

    # ---- resolving words ----
    def pint_words(self) -> set[str]:
        """Every unit name, symbol and alias pint knows in this registry (what
        :meth:`known_unit_words` holds; for the shipped definitions alone it is read from
        :func:`~indicatorkit.units.shipped_units`, without pint).

        >>> from indicatorkit.units import default_registry
        >>> "万元" in default_registry().pint_words()
        True
        """
        return {word for word in self.pint if word and not word[0].isdigit()}

    def unit(self, word: str) -> Unit:
        """The :class:`Unit` a unit word (name, symbol, alias or rate) names; ``""`` is no unit.

        An unknown word raises :class:`~indicatorkit.errors.UnknownUnitError` with the nearest
        known units and, for a word shaped like a counting word, the line that adds it.

        >>> from indicatorkit.errors import UnknownUnitError
        >>> from indicatorkit.units import default_registry
        >>> default_registry().unit("元/人").factor
        Fraction(1, 1)
        >>> try:
        ...     default_registry().unit("蔸")
        ... except UnknownUnitError as error:
        ...     print(error.unit, error.counting_word)
        蔸 蔸
        """
        if not isinstance(word, str):
            raise UnknownUnitError(repr(word), 0, repr(word), ())
        try:
            return self.lookup(word)
        except KeyError:
            pass
        raise self.unknown_unit(word[:MAX_UNIT_TEXT]) from None

    def unknown_unit(
        self,
        word: str,
        text: str | None = None,
        position: int = 0,
        *,
        after_number: bool = False,
        note: str = "",
    ) -> UnknownUnitError:
        """The error for ``word``, a unit this registry does not know, at ``position`` of
        ``text`` (the word alone when not given): the nearest known units, found when first
        asked for, and for a word shaped like a counting word the line that adds it
        (:func:`~indicatorkit.units.counting_word_in`; ``after_number``: the word follows a
        number in a text, where a multiplier may come first).  ``note`` is a hint that fits
        the word better than the nearest units.  :meth:`unit` and a text's syntax error both
        build it here.

        >>> from indicatorkit.units import default_registry
        >>> error = default_registry().unknown_unit("万蔸", "≥1.5万蔸", 4, after_number=True)
        >>> error.unit, error.counting_word, error.position, error.end
        ('万蔸', '蔸', 4, 6)
        """
        return UnknownUnitError(
            word if text is None else text,
            position,
            word,
            functools.partial(self.nearest_units, word),  # found when asked
            counting_word_in(word, after_number=after_number),
            note,
        )

    def _words(self) -> tuple[tuple[str, ...], frozenset[str]]:
        words = set(shipped_units()) if not self.definitions else self.pint_words()
        ordered = tuple(sorted(words, key=lambda w: (-len(w), w)))
        return ordered, frozenset(ordered)

    def known_unit_words(self) -> tuple[str, ...]:
        """Every unit name, symbol and alias, longest first (the lexer's alternatives).

        >>> from indicatorkit.units import default_registry
        >>> words = default_registry().known_unit_words()
        >>> "万人次" in words, len(words[0]) >= len(words[-1])
        (True, True)
        """
        return self.words()[0]

    def known_unit_set(self) -> frozenset[str]:
        """:meth:`known_unit_words` as a set, for membership tests.

        >>> from indicatorkit.units import default_registry
        >>> "万元" in default_registry().known_unit_set()
        True
        """
        return self.words()[1]

    def words_of(self, dimension: str) -> tuple[str, ...]:
        """The known words whose unit is of ``dimension`` (``"[money]"``), longest first.

        >>> from indicatorkit.units import default_registry
        >>> default_registry().words_of("[money]")
        ('万元', '亿元', '千元', '元')
        """
        found = self.memo.get(("words_of", dimension))
        if found is None:
            found = tuple(
                w for w in self.known_unit_words() if self.lookup(w).dimension == dimension
            )
            self.memo[("words_of", dimension)] = found
        return found

    def counting_words(self) -> tuple[str, ...]:
        """The known words that count things (量词 and the counts of ``units.txt``, user-defined
        ones included): each is its own dimension named in Chinese, ``[棵]``, ``[人次]``.
        Longest first, like :meth:`known_unit_words`.

        >>> from indicatorkit.units import default_registry
        >>> words = default_registry().counting_words()
        >>> "棵" in words and "人次" in words and "%" not in words and "天" not in words
        True
        """
        found = self._counting
        if found is None:
            found = tuple(
                word
                for word in self.known_unit_words()
                if is_counting_dimension(self.lookup(word).dimension)
            )
            self._fill("_counting", found)
        return found

    def _resolve(self, word: str) -> Unit:
        if word == "":
            return NO_UNIT
        if len(word) > MAX_UNIT_TEXT or word != word.strip():
            raise KeyError(word)
        if "/" in word:
            return self._rate(word)
        if word not in self.known_unit_set():
            raise KeyError(word)
        shipped = shipped_units().get(word)
        return shipped if shipped is not None else self.pint_unit(word)

    def _rate(self, word: str) -> Unit:
        """A rate such as 元/人, 次/年 or 元/人/个月: every part must be a known unit — but the
        first may be empty, a rate of a bare number (28.4/株, read from ≤28.40/株)."""
        first, *denominators = word.split("/")
        if not all(denominators):
            raise KeyError(word)  # "元/", "元//人"
        return rate_of(self.lookup(first), [self._counted(part) for part in denominators])

    def pint_unit(self, word: str) -> Unit:
        """``word`` (a known unit word) resolved by pint: its symbol, dimension and factor.
        The shipped words are resolved ahead (:func:`~indicatorkit.units.shipped_units`), so
        that reading them needs no pint.

        >>> from indicatorkit.units import default_registry
        >>> default_registry().pint_unit("万元") == default_registry().unit("万元")
        True
        """
        reg = self.pint
        name = reg.get_name(word)
        # English names (percent, permille) display as their symbol; Chinese names as themselves.
        display = reg.get_symbol(name) if name.isascii() else name
        base = reg.Quantity(Fraction(1), name).to_base_units()
        return Unit(display, dimension_of(base.dimensionality.items()), Fraction(base.magnitude))

    def _counted(self, word: str) -> Unit:
        """A denominator, perhaps counting several of its unit: ``100km`` in ``元/100km``."""
        digits = len(word) - len(word.lstrip("0123456789"))
        if not digits:
            return self.lookup(word)
        count = int(word[:digits])
        if count == 0 or word[0] == "0":
            raise KeyError(word)
        base = self.lookup(word[digits:])
        return Unit(f"{count}{base.symbol}", base.dimension, base.factor * count)

    def unit_of_text(self, text: str) -> Unit:
        """The unit a unit text after a number means, as the target grammar reads it: a unit
        word or rate (``元``, ``元/人``), or a multiplier before one (``万人次``) or alone
        (``万``).  Raises ``KeyError`` when the text names no unit.

        >>> from indicatorkit.units import default_registry
        >>> default_registry().unit_of_text("十万人次").factor
        Fraction(100000, 1)
        """
        if text and (text != text.strip() or not all(text.split("/")[1:])):
            raise KeyError(text)  # padded, or a rate with an empty denominator ("元/")
        try:
            return self.lookup(text)
        except KeyError:
            pass
        for scale in SCALES_LONGEST_FIRST:
            if text.startswith(scale):
                try:
                    return self.scaled(scale, self.lookup(text[len(scale) :]))
                except KeyError:
                    continue
        raise KeyError(text)

    def scaled(self, scale: str, base: Unit) -> Unit:
        """The unit ``scale`` × ``base`` (``万`` × ``人次``), reusing a defined unit of that
        name.

        >>> from indicatorkit.units import default_registry
        >>> units = default_registry()
        >>> units.scaled("万", units.unit("元")) is units.unit("万元")
        True
        """
        symbol = scale + base.symbol
        try:
            return self.lookup(symbol)
        except KeyError:
            return Unit(symbol, base.dimension, base.factor * SCALES[scale])

    def quantity_unit(self, quantity: Any) -> Unit:
        """The :class:`Unit` of a pint quantity whose units this registry names (cached by
        the quantity's units).

        >>> from indicatorkit.units import default_registry
        >>> units = default_registry()
        >>> units.quantity_unit(units.pint.Quantity(3, "元/人")).symbol
        '元/人'
        """
        key = getattr(quantity, "_units", None)
        if key is not None:
            try:
                return self._quantity_units(key, quantity)
            except TypeError:  # an unhashable units object: resolve it every time
                pass
        return self._quantity_unit(quantity)

    def _quantity_unit(self, quantity: Any) -> Unit:
        text = quantity_unit_text(quantity)
        try:
            return self.lookup(text)
        except KeyError:
            raise unknown_quantity_unit(text) from None

    def _quantity_units(self, key: Any, quantity: Any) -> Unit:
        found = self._by_units.get(key)
        if found is None:
            found = self._quantity_unit(quantity)
            if len(self._by_units) < 4096:  # bounded, like the word cache
                self._by_units[key] = found
        return found

    def nearest_units(self, word: str, limit: int = 3) -> tuple[str, ...]:
        """Known unit words closest to ``word`` (for "did you mean" suggestions; see
        :func:`indicatorkit.units.suggestions.nearest_units`).

        >>> from indicatorkit.units import default_registry
        >>> default_registry().nearest_units("万圆")
        ('万元', '万人次')
        """
        return _nearest_units(self, word, limit)


# ---- one registry per set of definitions in a process --------------------------------------

_interned: dict[tuple[str, ...], UnitRegistry] = {}
_interned_lock = threading.Lock()
_INTERNED_LIMIT = 64


def registry_of(definitions: tuple[str, ...] = ()) -> UnitRegistry:
    """The process's registry for ``definitions`` (built once, so that its parsers and caches
    are shared by every spec and every unpickled copy that uses the same units).

    >>> registry_of(()) is registry_of(()), registry_of(("蔸 = [蔸]",)).definitions
    (True, ('蔸 = [蔸]',))
    """
    definitions = tuple(definitions)
    with _interned_lock:
        found = _interned.get(definitions)
        if found is None:
            if len(_interned) >= _INTERNED_LIMIT:
                _interned.pop(next(key for key in _interned if key))
            found = _interned[definitions] = UnitRegistry(definitions)
        return found


def _forget(definitions: tuple[str, ...]) -> None:
    with _interned_lock:
        _interned.pop(definitions, None)
