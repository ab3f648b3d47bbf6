"""The library's only ways past a constructor, kept here so that they are few, named and tested.

Everywhere else a value is built by its constructor (attrs' generated ``__init__`` with its
converters and validators, ``Fraction(numerator, denominator)``).  The readers' fast path builds values it has already
checked, millions of times, and the constructors' checks are most of its cost.  Each
shortcut below stays only because a benchmark shows it is needed (figures in
``benchmarks/README.md``, "Shortcuts past constructors"); a test holds each equal to its
constructor, field by field (``tests/test_shortcuts.py``).

- :func:`coprime_fraction` writes a :class:`~fractions.Fraction`'s two private slots (what
  Python 3.12's ``Fraction._from_coprime_ints`` does): ``decimal_value`` reads every number of
  a spec through it, 0.9 µs a number against 1.4 µs through the constructor.
- :func:`unchecked` builds an instance of a frozen attrs class by writing each field through
  its slot descriptor, skipping ``__init__`` and its converters and validators: the plain
  forms' ``Amount`` and ``Comparison`` (``exact_amount``, ``exact_comparison``).
  ``bench_reading.py``: with the constructors (and the Fraction's), cold reading takes 5.0×
  the simplest reader's time for targets instead of 2.7–2.9×, 3.3–3.6× for actuals instead
  of 2.1–2.4×.

Nothing here switches Python's garbage collector or any other process-wide state.

>>> from fractions import Fraction
>>> coprime_fraction(3, 4) == Fraction(3, 4)
True
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

import attrs

__all__ = ["coprime_fraction", "unchecked"]

T = TypeVar("T")

_new = object.__new__


def coprime_fraction(numerator: int, denominator: int) -> Fraction:
    """``Fraction(numerator, denominator)`` for coprime ints with ``denominator > 0`` (the
    caller has reduced them), without the constructor's type dispatch and ``gcd``.

    >>> coprime_fraction(-3, 2)
    Fraction(-3, 2)
    """
    value = _new(Fraction)
    value._numerator = numerator  # type: ignore[attr-defined]
    value._denominator = denominator  # type: ignore[attr-defined]
    return value


def unchecked(cls: type[T], *slots: str) -> Callable[..., T]:
    """A function building ``cls`` from one value per slot, in order, with no ``__init__``:
    for values the caller has checked as the constructor would.  ``slots`` defaults to the
    fields of an attrs class, which must all be given (so a new field fails at import, not
    silently).  The function is generated once, as attrs generates ``__init__``.

    >>> from indicatorkit.language.values import Amount
    >>> from indicatorkit.units import unit
    >>> build = unchecked(Amount)
    >>> build(Fraction(5), unit("万元")) == Amount(50000, unit("元"))
    True
    """
    names = slots or tuple(field.name for field in attrs.fields(cls))  # type: ignore[arg-type]
    if not slots and any(not field.init for field in attrs.fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__} has fields __init__ computes: build it by its constructor")
    setters = {f"set_{index}": cls.__dict__[name].__set__ for index, name in enumerate(names)}
    arguments = ", ".join(f"value_{index}" for index in range(len(names)))
    lines = [f"def build({arguments}):", "    made = new(cls)"]
    lines += [f"    set_{index}(made, value_{index})" for index in range(len(names))]
    lines.append("    return made")
    namespace: dict[str, Any] = {"new": _new, "cls": cls, **setters}
    exec("\n".join(lines), namespace)
    build: Callable[..., T] = namespace["build"]
    build.__qualname__ = build.__name__ = f"unchecked_{cls.__name__}"
    return build
