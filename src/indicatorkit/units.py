"""Units: one pint registry, loaded once from ``units.txt`` shipped with the package.

pint is used only to *resolve* a unit word — its dimension and its exact factor to the base
unit of that dimension — and each word is resolved once and cached.  Checking a target never
goes through pint.

>>> unit("万元")
Unit(symbol='万元', dimension='[money]', factor=Fraction(10000, 1))
>>> unit("百分比") == unit("%")
True
>>> define_unit("盏 = [盏]")
>>> unit("盏").dimension
'[盏]'
"""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

import attrs
import pint

from indicatorkit.errors import IndicatorkitError

__all__ = [
    "NO_UNIT",
    "Unit",
    "UnitDefinitionError",
    "define_unit",
    "known_unit_words",
    "nearest_units",
    "on_units_changed",
    "quantity_unit",
    "registry",
    "scaled",
    "unit",
    "unit_of_text",
]


@attrs.frozen
class Unit:
    """A resolved unit: its canonical ``symbol``, ``dimension`` and exact ``factor`` to base.

    ``dimension`` is ``""`` for a plain number without a unit.
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
}

_lock = threading.Lock()
_listeners: list[Callable[[], None]] = []
_registry: pint.UnitRegistry[Any] | None = None
_user_definitions: list[str] = []


def _build(extra: tuple[str, ...] = ()) -> pint.UnitRegistry[Any]:
    built: pint.UnitRegistry[Any] = pint.UnitRegistry(
        None, non_int_type=Fraction, cache_folder=None
    )
    source = resources.files("indicatorkit").joinpath("units.txt")
    with resources.as_file(source) as path:
        built.load_definitions(str(path))
    for line in (*_user_definitions, *extra):
        built.define(line)
    return built


def registry() -> pint.UnitRegistry[Any]:
    """The shared pint registry (exact :class:`~fractions.Fraction` magnitudes)."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                _registry = _build()
    return _registry


def on_units_changed(listener: Callable[[], None]) -> None:
    """Register a callback run after :func:`define_unit` (parsers rebuild their lexers)."""
    _listeners.append(listener)


def define_unit(definition: str) -> None:
    """Add a unit in one line of pint's definition syntax, e.g. ``"台 = [台]"``.

    Raises :class:`UnitDefinitionError` (a ``ValueError``) when pint rejects the line.
    """
    reg = registry()
    parts = [part.strip() for part in definition.split("=")]
    words = [parts[0], *(part for part in parts[2:] if part != "_")]
    taken = [word for word in words if word in reg]
    if len(parts) < 2 or not parts[0] or taken:
        raise UnitDefinitionError(
            f"单位定义无效 (invalid unit definition) {definition!r}: "
            + (
                f"“{'、'.join(taken)}”已是已知单位 (already defined)"
                if taken
                else "应为“名称 = 定义”"
            )
        )
    try:
        # Try the line on a scratch registry first: pint accepts some broken lines lazily and
        # cannot take a definition back.
        _build((definition,)).Quantity(Fraction(1), parts[0]).to_base_units()
        with _lock:
            reg.define(definition)
            _user_definitions.append(definition)
    except Exception as error:  # pint raises many unrelated types here
        raise UnitDefinitionError(
            f"单位定义无效 (invalid unit definition) {definition!r}: {error}"
        ) from None
    unit.cache_clear()
    known_unit_words.cache_clear()
    known_unit_set.cache_clear()
    for listener in list(_listeners):
        listener()


class UnitDefinitionError(IndicatorkitError):
    """A unit definition line that pint cannot read."""


@cache
def known_unit_words() -> tuple[str, ...]:
    """Every unit name, symbol and alias, longest first (the lexer's alternatives)."""
    words = {word for word in registry() if word and not word[0].isdigit()}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@cache
def known_unit_set() -> frozenset[str]:
    """:func:`known_unit_words` as a set, for membership tests."""
    return frozenset(known_unit_words())


@cache
def unit(word: str) -> Unit:
    """Resolve a unit word (name, symbol or alias) to a :class:`Unit`; ``""`` is no unit.

    Raises ``KeyError`` for an unknown word: callers turn that into a located
    :class:`~indicatorkit.errors.UnknownUnitError`.
    """
    if word == "":
        return NO_UNIT
    reg = registry()
    if "/" in word:
        # A rate such as 元/人, 次/年 or 元/人/个月: every part must be a known unit.
        parts = [unit(part) for part in word.split("/")]
        names = "/".join(reg.get_name(part) for part in word.split("/"))
        factor = parts[0].factor
        for part in parts[1:]:
            factor /= part.factor
        return Unit(
            "/".join(part.symbol for part in parts),
            _dimension_text(reg.Quantity(Fraction(1), names).to_base_units()),
            factor,
        )
    try:
        known = word in reg and "/" not in word
    except Exception:  # pint tries to parse any expression here and may fail in many ways
        known = False
    if not known or not word.strip() or word != word.strip():
        raise KeyError(word)
    name = reg.get_name(word)
    # English names (percent, permille) display as their symbol; Chinese names as themselves.
    display = reg.get_symbol(name) if name.isascii() else name
    base = reg.Quantity(Fraction(1), name).to_base_units()
    return Unit(display, _dimension_text(base), Fraction(base.magnitude))


def _dimension_text(quantity: Any) -> str:
    """Canonical text of a quantity's dimension: ``[money]``, ``[money]·[人]^-1``."""
    return "·".join(
        dim if power == 1 else f"{dim}^{power}"
        for dim, power in sorted(quantity.dimensionality.items())
    )


def unit_of_text(text: str) -> Unit:
    """The unit a unit text after a number means, as the target grammar reads it: a unit word
    or rate (``元``, ``元/人``), or a multiplier before one (``万人次``) or alone (``万``).

    Raises ``KeyError`` when the text names no unit.

    >>> unit_of_text("万人次") == scaled("万", unit("人次")), unit_of_text("万").factor
    (True, Fraction(10000, 1))
    """
    if text and (text != text.strip() or not all(text.split("/"))):
        raise KeyError(text)  # padded, or a rate with an empty part ("元/")
    try:
        return unit(text)
    except KeyError:
        pass
    for scale in sorted(SCALES, key=len, reverse=True):
        if text.startswith(scale):
            try:
                return scaled(scale, unit(text[len(scale) :]))
            except KeyError:
                continue
    raise KeyError(text)


def scaled(scale: str, base: Unit) -> Unit:
    """The unit ``scale`` × ``base`` (``万`` × ``人次``), reusing a defined unit of that name."""
    symbol = scale + base.symbol
    try:
        defined = unit(symbol)
    except KeyError:
        return Unit(symbol, base.dimension, base.factor * SCALES[scale])
    return defined


def quantity_unit(quantity: pint.Quantity[Any]) -> Unit:
    """The :class:`Unit` of a pint quantity made with :func:`registry` (or naming its units)."""
    if quantity.dimensionless:
        return NO_UNIT
    name = format(quantity.units).replace(" ", "")  # pint writes "万元 / 人"
    try:
        return unit(name)
    except KeyError:
        raise UnitDefinitionError(
            f"实际值的单位“{name}”不在 indicatorkit 的单位表中 (unit {name!r} is not known)"
        ) from None


def nearest_units(word: str, limit: int = 3) -> tuple[str, ...]:
    """Known unit words closest to ``word`` (for "did you mean" suggestions)."""
    candidates = known_unit_words()
    close = difflib.get_close_matches(word, candidates, n=limit, cutoff=0.3)
    if not close:
        close = [c for c in candidates if c and (c[0] in word or word[0] in c)][:limit]
    return tuple(close)
