"""Eager validation of the strategies' knobs: a bad argument raises
:class:`hypothesis.errors.InvalidArgument` when the strategy is built, not when it is drawn
from (as in ``hypothesis.extra``)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeVar

from hypothesis.errors import InvalidArgument

Kind = Literal["comparison", "range", "deadline", "period", "qualitative"]
Number = int | Fraction | Decimal
T = TypeVar("T")

#: The four kinds of target, as accepted by ``kinds=``.
TARGET_KINDS: tuple[Kind, ...] = ("comparison", "range", "deadline", "period", "qualitative")


def check_type(name: str, value: object, kinds: type | tuple[type, ...]) -> None:
    if not isinstance(value, kinds) or isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} has the wrong type {type(value).__name__}")


def as_fraction(name: str, value: Number | None) -> Fraction | None:
    if value is None:
        return None
    check_type(name, value, (int, Fraction, Decimal))
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidArgument(f"{name}={value!r} must be finite")
    return Fraction(value)


def check_bounds(
    min_value: Number | None, max_value: Number | None, places: int
) -> tuple[Fraction | None, Fraction | None]:
    low = as_fraction("min_value", min_value)
    high = as_fraction("max_value", max_value)
    check_type("places", places, int)
    if places < 0:
        raise InvalidArgument(f"places={places} must be at least 0")
    if low is not None and high is not None and low > high:
        raise InvalidArgument(f"min_value={min_value} is above max_value={max_value}")
    return low, high


def given_items(name: str, given: Iterable[T], must_be: str) -> tuple[T, ...]:
    """The items of a collection argument ``name``: not a string (``must_be`` says what it
    must be instead), and not empty."""
    if isinstance(given, str):
        raise InvalidArgument(f"{name}={given!r} must be {must_be}")
    items = tuple(given)
    if not items:
        raise InvalidArgument(f"{name}= must not be empty")
    return items


def check_kinds(kinds: Iterable[Kind] | None) -> tuple[Kind, ...]:
    if kinds is None:
        return TARGET_KINDS
    chosen = given_items("kinds", kinds, f"a collection, e.g. kinds=[{kinds!r}]")
    for kind in chosen:
        if kind not in TARGET_KINDS:
            raise InvalidArgument(f"unknown kind {kind!r}; expected some of {TARGET_KINDS}")
    return chosen


def check_spelling(spelling: str) -> Literal["canonical", "any"]:
    if spelling == "canonical":
        return "canonical"
    if spelling == "any":
        return "any"
    raise InvalidArgument(f"spelling={spelling!r} must be 'canonical' or 'any'")


def check_forms(
    forms: Iterable[str] | None, allowed: tuple[str, ...], target: object
) -> tuple[str, ...]:
    if forms is None:
        return allowed
    if isinstance(forms, str):
        raise InvalidArgument(f"forms={forms!r} must be a collection, e.g. forms=[{forms!r}]")
    chosen = tuple(form for form in forms if form in allowed)
    if not chosen:
        raise InvalidArgument(f"none of forms={forms!r} applies to {target!r}; use {allowed}")
    return chosen
