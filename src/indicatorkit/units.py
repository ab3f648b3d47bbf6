"""Units: registries of the unit words a target may use, built from ``units.txt`` and
``counting_words.txt`` (the counting words, 量词, each its own dimension).

A :class:`UnitRegistry` is an immutable value: the shipped definitions plus a tuple of
user definitions (assigning to one raises).  :meth:`UnitRegistry.define` returns a *new*
registry, so a spec (or a worker process) can carry its own units without touching anybody
else's; a registry pickles as its definitions and is rebuilt, once per process, on the other
side.  :func:`default_registry` is the shipped units and never changes.  Where no registry is
given, targets are read with :func:`registry_in_use`: the shipped units plus what
:func:`define_unit` added in this process (a process-wide setting; the module-level functions
below use it too).

pint is used only to *resolve* a unit word — its dimension and its exact factor to the base
unit of that dimension — and each word is resolved once per registry (a bounded cache).  The
words of the shipped files are resolved ahead (:func:`shipped_units`), so pint is imported only
for a unit defined at run time or a pint quantity given.  Checking a target never goes through
pint.

>>> unit("万元")
Unit(symbol='万元', dimension='[money]', factor=Fraction(10000, 1))
>>> unit("百分比") == unit("%")
True
>>> unit("棵")                                      # a shipped counting word (量词)
Unit(symbol='棵', dimension='[棵]', factor=Fraction(1, 1))
>>> clumps = default_registry().define("蔸 = [蔸]")   # one the shipped files do not have
>>> clumps.unit("蔸").dimension
'[蔸]'
>>> "蔸" in default_registry().known_unit_set()     # the default registry is unchanged
False
>>> clumps.define("蔸 = [蔸]") is clumps               # an identical definition: nothing to do
True
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable, Iterable
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from indicatorkit.errors import IndicatorkitError, UnknownUnitError
from indicatorkit.vocabulary import PREFIX_OPERATORS, RANGE_SEPARATORS, SUFFIX_OPERATORS

if TYPE_CHECKING:  # pint is imported when a registry first resolves a word, not with the package
    import pint

__all__ = [
    "MAX_UNIT_TEXT",
    "NOT_COUNTING_WORDS",
    "NO_UNIT",
    "SCALES",
    "Unit",
    "UnitDefinitionError",
    "UnitRegistry",
    "could_be_counting_word",
    "default_registry",
    "define_unit",
    "known_unit_set",
    "known_unit_words",
    "nearest_units",
    "quantity_unit",
    "registry_in_use",
    "scaled",
    "shipped_units",
    "unit",
    "unit_of_text",
]

#: The longest unit text (a unit word, or a rate such as ``元/人/月``) that is resolved; longer
#: texts are unknown units.  It bounds the work one word can cause (pint recurses per ``/``).
MAX_UNIT_TEXT = 64


@attrs.frozen
class Unit:
    """A resolved unit: its canonical ``symbol``, ``dimension`` and exact ``factor`` to base.

    ``dimension`` is ``""`` for a plain number without a unit.

    >>> from indicatorkit.units import unit
    >>> wan = unit("万元")
    >>> wan.symbol, wan.factor, wan.dimension == unit("元").dimension
    ('万元', Fraction(10000, 1), True)
    """

    symbol: str
    dimension: str
    factor: Fraction

    @property
    def kind(self) -> str:
        """Human name of the dimension for messages: ``'件'``, ``'money'``, or ``'无单位'``."""
        return self.dimension.strip("[]") or "无单位"


NO_UNIT = Unit("", "", Fraction(1))

#: Multiplier words allowed between a number and a unit (``1.5万人次``) or alone (``5万``).
SCALES: dict[str, int] = {
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "十亿": 10**9,
    "百亿": 10**10,
    "千亿": 10**11,
    "万万": 10**8,
    "万亿": 10**12,
}
_SCALES_LONGEST_FIRST = tuple(sorted(SCALES, key=len, reverse=True))


#: The shipped definition files, loaded in this order: the units (money, ratios, common counts,
#: time, physical quantities), then the counting words (量词), each its own dimension.
SHIPPED_DEFINITIONS = ("units.txt", "counting_words.txt")


#: Characters the target grammar reads itself — numerals and multipliers, the decimal 点, dates
#: and deadline marks, 每 — and every character of the comparator vocabulary (以上, 不少于 …):
#: never suggested as a counting word, because defining one would change how targets read.
_GRAMMAR_CHARACTERS = frozenset(
    "零〇一二两三四五六七八九十百千万亿点年月日号底末前完成之间每"
    + "".join([*PREFIX_OPERATORS, *SUFFIX_OPERATORS, *RANGE_SEPARATORS])
)


def _is_cjk(char: str) -> bool:
    return (
        "\u3400" <= char <= "\u9fff"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003134f"
    )


#: The characters ``counting_words.txt`` deliberately leaves out (its header gives each
#: reason): after a number they mean something other than a count — numerals, comparator and
#: deadline words, time, units of another kind, money, ratios, grades, and characters that
#: usually start another word (管理, 领导, 贴息, 服务).  None is ever taken for a counting word.
NOT_COUNTING_WORDS = frozenset(
    "十百千万亿两以上下内前底末月日号年季旬周天时刻秒分夜岁点米里尺寸丈方斤担石升斗吨度"
    "元角分毛钱倍成折番级等档星代辈世管领贴服股"
)


def could_be_counting_word(word: str) -> bool:
    """True when ``word``, unknown after a number, has the shape of a counting word (量词) one
    could add: a single Chinese character that the target grammar does not read itself and
    that is not a unit of another kind (:data:`NOT_COUNTING_WORDS`).

    >>> could_be_counting_word("蔸"), could_be_counting_word("月"), could_be_counting_word("斤")
    (True, False, False)
    >>> could_be_counting_word("km")
    False
    """
    return (
        len(word) == 1
        and _is_cjk(word)
        and word not in _GRAMMAR_CHARACTERS
        and word not in NOT_COUNTING_WORDS
    )


class UnitDefinitionError(IndicatorkitError):
    """A unit definition line that cannot be added to a registry.

    >>> from indicatorkit.units import UnitDefinitionError, default_registry
    >>> try:
    ...     default_registry().define("人 = [人口]")
    ... except UnitDefinitionError as error:
    ...     print(isinstance(error, ValueError))
    True
    """


def _new_pint_registry(definitions: tuple[str, ...]) -> pint.UnitRegistry[Any]:
    import pint

    built: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, non_int_type=Fraction, cache_folder=None
    )
    for name in SHIPPED_DEFINITIONS:
        source = resources.files("indicatorkit").joinpath(name)
        with resources.as_file(source) as path:
            built.load_definitions(str(path))
    for line in definitions:
        built.define(line)
    return built


def _dimension_text(quantity: Any) -> str:
    """Canonical text of a quantity's dimension: ``[money]``, ``[money]·[人]^-1``."""
    return "·".join(
        dim if power == 1 else f"{dim}^{power}"
        for dim, power in sorted(quantity.dimensionality.items())
    )


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
                    self._fill("_pint", _new_pint_registry(self.definitions))
                built = self._pint
                assert built is not None
        return built

    # ---- extending ----
    def define(self, definition: str) -> UnitRegistry:
        """A registry with ``definition`` added (this one is left as it is).

        An identical definition already present returns this registry; a name that is
        already a unit, or a line pint cannot read, raises :class:`UnitDefinitionError`.
        """
        if not isinstance(definition, str):
            raise UnitDefinitionError(
                f"单位定义必须是文字 (a unit definition is text), not {type(definition).__name__}"
            )
        definition = definition.strip()
        if definition in self.definitions:
            return self
        if len(definition) > 200 or "\n" in definition or "\r" in definition:
            raise UnitDefinitionError(
                f"单位定义无效 (invalid unit definition) {definition[:80]!r}: "
                "应为一行“名称 = 定义” (one line: name = definition)"
            )
        parts = [part.strip() for part in definition.split("=")]
        words = [parts[0], *(part for part in parts[2:] if part != "_")]
        taken = [word for word in words if word in self.known_unit_set()]
        if len(parts) < 2 or not parts[0] or not parts[1] or taken:
            raise UnitDefinitionError(
                f"单位定义无效 (invalid unit definition) {definition!r}: "
                + (
                    f"“{'、'.join(taken)}”已是已知单位 (already defined)"
                    if taken
                    else "应为“名称 = 定义” (name = definition)"
                )
            )
        if "[" in parts[1] and not re.fullmatch(r"\[[^\[\]\s*/^]+\]", parts[1]):
            raise UnitDefinitionError(
                f"单位定义无效 (invalid unit definition) {definition!r}: 新的量写作“名称 = [量纲]”，"
                "派生单位写作“名称 = 数 * 已知单位” (a new kind is name = [dimension]; a derived "
                "unit is name = number * known unit)"
            )
        extended = registry_of((*self.definitions, definition))
        try:
            # pint accepts some broken lines lazily: resolve the new unit now, so that a bad
            # line fails here and not at the first target that uses it.
            extended.pint.Quantity(Fraction(1), parts[0]).to_base_units()
            for word in words:
                extended.lookup(word)
        except Exception as error:  # pint raises many unrelated types here
            import pint

            _forget(extended.definitions)
            readable = isinstance(
                error,
                pint.errors.UndefinedUnitError
                | pint.errors.DefinitionSyntaxError
                | pint.errors.RedefinitionError,
            )
            reason = (
                (str(error).strip().splitlines() or [""])[0]
                if readable
                else "无法读取这一定义 (the definition cannot be read)"
            )
            raise UnitDefinitionError(
                f"单位定义无效 (invalid unit definition) {definition!r}: {reason}"
            ) from None
        return extended

    # ---- resolving words ----
    def pint_words(self) -> set[str]:
        """Every unit name, symbol and alias pint knows in this registry (what
        :meth:`known_unit_words` holds; for the shipped definitions alone it is read from
        :func:`shipped_units`, without pint).

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
        shown = word[:MAX_UNIT_TEXT]
        raise UnknownUnitError(
            shown,
            0,
            shown,
            self.nearest_units(shown),
            shown if could_be_counting_word(shown) else "",
        ) from None

    def _words(self) -> tuple[tuple[str, ...], frozenset[str]]:
        words = set(shipped_units()) if not self.definitions else self.pint_words()
        ordered = tuple(sorted(words, key=lambda w: (-len(w), w)))
        return ordered, frozenset(ordered)

    def known_unit_words(self) -> tuple[str, ...]:
        """Every unit name, symbol and alias, longest first (the lexer's alternatives)."""
        return self.words()[0]

    def known_unit_set(self) -> frozenset[str]:
        """:meth:`known_unit_words` as a set, for membership tests."""
        return self.words()[1]

    def counting_words(self) -> tuple[str, ...]:
        """The known words that count things (量词 and the counts of ``units.txt``, user-defined
        ones included): each is its own dimension named in Chinese, ``[棵]``, ``[人次]``.
        Longest first, like :meth:`known_unit_words`.

        >>> words = default_registry().counting_words()
        >>> "棵" in words and "人次" in words and "%" not in words and "天" not in words
        True
        """
        found = self._counting
        if found is None:
            found = tuple(
                word
                for word in self.known_unit_words()
                if _is_counting_dimension(self.lookup(word).dimension)
            )
            self._fill("_counting", found)
        return found

    def _resolve(self, word: str) -> Unit:
        if word == "":
            return NO_UNIT
        if len(word) > MAX_UNIT_TEXT or word != word.strip():
            raise KeyError(word)
        if "/" in word:
            # A rate such as 元/人, 次/年 or 元/人/个月: every part must be a known unit — but
            # the first may be empty, a rate of a bare number (28.4/株, read from ≤28.40/株).
            first, *denominators = word.split("/")
            if not all(denominators):
                raise KeyError(word)  # "元/", "元//人"
            parts = [self.lookup(first), *(self._counted(part) for part in denominators)]
            factor = parts[0].factor
            for part in parts[1:]:
                factor /= part.factor
            dimensions: dict[str, int] = {}
            for sign, part in zip((1, *(-1 for _ in parts[1:])), parts, strict=True):
                for dim, power in _dimension_powers(part.dimension):
                    dimensions[dim] = dimensions.get(dim, 0) + sign * power
            return Unit(
                "/".join(part.symbol for part in parts),
                "·".join(
                    dim if power == 1 else f"{dim}^{power}"
                    for dim, power in sorted(dimensions.items())
                    if power
                ),
                factor,
            )
        if word not in self.known_unit_set():
            raise KeyError(word)
        shipped = shipped_units().get(word)
        return shipped if shipped is not None else self.pint_unit(word)

    def pint_unit(self, word: str) -> Unit:
        """``word`` (a known unit word) resolved by pint: its symbol, dimension and factor.
        The shipped words are resolved ahead (:func:`shipped_units`), so that reading them
        needs no pint.

        >>> default_registry().pint_unit("万元") == default_registry().unit("万元")
        True
        """
        reg = self.pint
        name = reg.get_name(word)
        # English names (percent, permille) display as their symbol; Chinese names as themselves.
        display = reg.get_symbol(name) if name.isascii() else name
        base = reg.Quantity(Fraction(1), name).to_base_units()
        return Unit(display, _dimension_text(base), Fraction(base.magnitude))

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
        """
        if text and (text != text.strip() or not all(text.split("/")[1:])):
            raise KeyError(text)  # padded, or a rate with an empty denominator ("元/")
        try:
            return self.lookup(text)
        except KeyError:
            pass
        for scale in _SCALES_LONGEST_FIRST:
            if text.startswith(scale):
                try:
                    return self.scaled(scale, self.lookup(text[len(scale) :]))
                except KeyError:
                    continue
        raise KeyError(text)

    def scaled(self, scale: str, base: Unit) -> Unit:
        """The unit ``scale`` × ``base`` (``万`` × ``人次``), reusing a defined unit of that
        name."""
        symbol = scale + base.symbol
        try:
            return self.lookup(symbol)
        except KeyError:
            return Unit(symbol, base.dimension, base.factor * SCALES[scale])

    def quantity_unit(self, quantity: Any) -> Unit:
        """The :class:`Unit` of a pint quantity whose units this registry names (cached by
        the quantity's units)."""
        key = getattr(quantity, "_units", None)
        if key is not None:
            try:
                return self._quantity_units(key, quantity)
            except TypeError:  # an unhashable units object: resolve it every time
                pass
        return self._quantity_unit(quantity)

    def _quantity_unit(self, quantity: Any) -> Unit:
        try:
            items = [(str(name), _whole_power(power)) for name, power in quantity.unit_items()]
        except Exception:  # not a pint quantity after all, or a fractional power
            raise UnitDefinitionError(
                f"实际值的单位“{str(getattr(quantity, 'units', '?'))[:80]}”不在 indicatorkit 的"
                "单位表中 (unit not known)"
            ) from None
        if not items:
            return NO_UNIT
        top = [name for name, power in items if power == 1]
        below = [name for name, power in items if power == -1]
        if len(top) != 1 or len(top) + len(below) != len(items):
            name = "·".join(unit if power == 1 else f"{unit}^{power}" for unit, power in items)
            raise UnitDefinitionError(
                f"实际值的单位“{name}”不在 indicatorkit 的单位表中 (unit {name!r} is not known): "
                "只接受单位或“单位/单位”形式的比率 (a unit or a rate of units)"
            )
        try:
            return self.lookup("/".join([*top, *below]))
        except KeyError:
            name = "/".join([*top, *below])
            raise UnitDefinitionError(
                f"实际值的单位“{name}”不在 indicatorkit 的单位表中 (unit {name!r} is not known)"
            ) from None

    def _quantity_units(self, key: Any, quantity: Any) -> Unit:
        found = self._by_units.get(key)
        if found is None:
            found = self._quantity_unit(quantity)
            if len(self._by_units) < 4096:  # bounded, like the word cache
                self._by_units[key] = found
        return found

    def nearest_units(self, word: str, limit: int = 3) -> tuple[str, ...]:
        """Known unit words closest to ``word`` (for "did you mean" suggestions).

        A Chinese word is compared with the counting words first (a table that writes
        ``≥5航`` means a count, not a percentage or a time); a single character gets counting
        words only (and its counted form ``个月`` for ``月``), a longer word falls back to every
        unit word when no counting word is close.

        >>> nearest_units("航"), nearest_units("嗯"), nearest_units("月"), nearest_units("千瓦")
        (('航次',), (), ('个月',), ('千瓦时', '万千瓦时', '千米'))
        """
        word = word[:MAX_UNIT_TEXT]
        if word and all(_is_cjk(char) for char in word):
            counted = f"个{word}"
            found = [counted] if len(word) == 1 and counted in self.known_unit_set() else []
            found += difflib.get_close_matches(word, self.counting_words(), n=limit, cutoff=0.3)
            if found or len(word) == 1:
                return tuple(found[:limit])
        candidates = self.known_unit_words()
        same_letters = [c for c in candidates if c.lower() == word.lower()]  # kwh → kWh
        close = same_letters + [
            c
            for c in difflib.get_close_matches(word, candidates, n=limit, cutoff=0.3)
            if c not in same_letters
        ]
        close = close[:limit]
        if not close and word:
            close = [c for c in candidates if c and (c[0] in word or word[0] in c)][:limit]
        return tuple(close)


#: The shipped unit words resolved ahead, beside ``units.txt``; written with the grammar's
#: tables by ``python -m indicatorkit.language`` (``tests/test_tables.py`` checks it).
SHIPPED_UNITS_FILE = "units.resolved.json"


@lru_cache(maxsize=1)
def shipped_units() -> dict[str, Unit]:
    """Every word of the shipped definitions and the :class:`Unit` it resolves to, read from
    :data:`SHIPPED_UNITS_FILE` (no pint needed).

    >>> shipped_units()["万元"]
    Unit(symbol='万元', dimension='[money]', factor=Fraction(10000, 1))
    """
    import json

    text = resources.files("indicatorkit").joinpath(SHIPPED_UNITS_FILE).read_text("utf-8")
    return {
        word: Unit(symbol, dimension, Fraction(numerator, denominator))
        for word, (symbol, dimension, numerator, denominator) in json.loads(text).items()
    }


def _is_counting_dimension(dimension: str) -> bool:
    """``[棵]`` or ``[人次]``: one base dimension, named in Chinese (the shipped and user-defined
    counts); not ``[money]``, ``[day]`` or a rate."""
    return (
        dimension.startswith("[")
        and dimension.endswith("]")
        and "·" not in dimension
        and "^" not in dimension
        and not dimension.isascii()
    )


def _whole_power(power: object) -> int:
    if isinstance(power, bool) or not isinstance(power, int | float | Fraction):
        raise TypeError(power)
    if Fraction(power).denominator != 1:
        raise ValueError(power)
    return int(power)


def _dimension_powers(dimension: str) -> list[tuple[str, int]]:
    if not dimension:
        return []
    powers = []
    for part in dimension.split("·"):
        name, _, power = part.partition("^")
        powers.append((name, int(power) if power else 1))
    return powers


# ---- one registry per set of definitions in a process --------------------------------------

_interned: dict[tuple[str, ...], UnitRegistry] = {}
_interned_lock = threading.Lock()
_INTERNED_LIMIT = 64


def registry_of(definitions: tuple[str, ...] = ()) -> UnitRegistry:
    """The process's registry for ``definitions`` (built once, so that its parsers and caches
    are shared by every spec and every unpickled copy that uses the same units)."""
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


#: The shipped units: the default registry, the same value for the life of the process.
_SHIPPED: UnitRegistry = registry_of(())
#: What targets are read with where no registry is given: the shipped units plus what
#: define_unit added (rebound by define_unit only; every registry it names stays as it is).
_in_use: UnitRegistry = _SHIPPED


def default_registry() -> UnitRegistry:
    """The shipped units (``units.txt``, ``counting_words.txt``): the same registry for the
    life of the process, whatever :func:`define_unit` adds.  Extend it with
    :meth:`UnitRegistry.define`.

    >>> from indicatorkit.units import default_registry
    >>> default_registry() is default_registry(), default_registry().definitions
    (True, ())
    >>> default_registry().unit("万元").symbol
    '万元'
    """
    return _SHIPPED


def registry_in_use() -> UnitRegistry:
    """The registry targets are read with where none is given (``units=None``): the shipped
    units plus what :func:`define_unit` added in this process.

    >>> registry_in_use().known_unit_set() >= default_registry().known_unit_set()
    True
    """
    return _in_use


def define_unit(definition: str) -> None:
    """Add a unit for the whole process, in one line of pint's definition syntax, e.g.
    ``"台 = [台]"``: every reading that is given no registry knows it from now on
    (:func:`registry_in_use`).  Defining the identical line again does nothing.  No registry is
    changed — :func:`default_registry` stays the shipped units; the registry in use is replaced
    by an extended one.

    Raises :class:`UnitDefinitionError` (a ``ValueError``) when the line cannot be added.
    To keep units to one spec or one worker, use :meth:`UnitRegistry.define` instead.

    >>> from indicatorkit import define_unit, parse_target
    >>> from indicatorkit.units import default_registry
    >>> define_unit("榀 = [榀]")              # 屋架的量词 / a counting word for roof trusses
    >>> define_unit("榀 = [榀]")              # the same line again does nothing
    >>> parse_target("≥12榀").check("12榀").met
    True
    >>> "榀" in registry_in_use().known_unit_set(), "榀" in default_registry().known_unit_set()
    (True, False)
    """
    global _in_use
    _in_use = _in_use.define(definition)


def unit(word: str) -> Unit:
    """Resolve a unit word (name, symbol or alias) in :func:`registry_in_use`; ``""`` is no
    unit.

    Raises :class:`~indicatorkit.errors.UnknownUnitError` (an
    :class:`~indicatorkit.errors.IndicatorkitError`) for an unknown word, with the nearest
    known units in its hint.

    >>> from indicatorkit.errors import UnknownUnitError
    >>> from indicatorkit.units import unit
    >>> unit("万人次").factor, unit("%").symbol
    (Fraction(10000, 1), '%')
    >>> try:
    ...     unit("人天")
    ... except UnknownUnitError as error:
    ...     print(error.nearest)
    ('人', '人次', '万人次')
    """
    return _in_use.unit(word)


def known_unit_words() -> tuple[str, ...]:
    """Every unit word of :func:`registry_in_use`, longest first.

    >>> words = known_unit_words()
    >>> "万人次" in words, len(words[0]) >= len(words[-1])
    (True, True)
    """
    return _in_use.known_unit_words()


def known_unit_set() -> frozenset[str]:
    """:func:`known_unit_words` as a set.

    >>> "万元" in known_unit_set(), "人天" in known_unit_set()
    (True, False)
    """
    return _in_use.known_unit_set()


def unit_of_text(text: str) -> Unit:
    """:meth:`UnitRegistry.unit_of_text` in :func:`registry_in_use`.

    >>> unit_of_text("万人次") == scaled("万", unit("人次")), unit_of_text("万").factor
    (True, Fraction(10000, 1))
    """
    return _in_use.unit_of_text(text)


def scaled(scale: str, base: Unit) -> Unit:
    """:meth:`UnitRegistry.scaled` in :func:`registry_in_use`.

    >>> from indicatorkit.units import unit
    >>> scaled("万", unit("元")).symbol, scaled("万", unit("元")).factor
    ('万元', Fraction(10000, 1))
    """
    return _in_use.scaled(scale, base)


def quantity_unit(quantity: Any) -> Unit:
    """:meth:`UnitRegistry.quantity_unit` in :func:`registry_in_use`.

    >>> quantity_unit(default_registry().pint.Quantity(5, "万元")).symbol
    '万元'
    """
    return _in_use.quantity_unit(quantity)


def nearest_units(word: str, limit: int = 3) -> tuple[str, ...]:
    """:meth:`UnitRegistry.nearest_units` in :func:`registry_in_use`.

    >>> nearest_units("人天")
    ('人', '人次', '万人次')
    """
    return _in_use.nearest_units(word, limit)
