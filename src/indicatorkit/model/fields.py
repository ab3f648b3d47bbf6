"""How the model keeps its fields (记录字段的约定): the converters and validators every record
uses — texts stripped line by line, one-line names, optional numbers and texts, sequences as
tuples, amounts of one dimension that a decimal writes, and the ``where``/``comments`` fields
that stay out of equality.

>>> Example = attrs.make_class("Example", {"name": attrs.field(converter=one_line)})
>>> Example("  法律援助 ").name
'法律援助'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from indicatorkit.errors import InvalidValueError
from indicatorkit.language.values import Amount
from indicatorkit.numerals import is_terminating, to_fraction

__all__ = [
    "LEVEL_SEPARATOR",
    "as_tuple",
    "comments_field",
    "field_text",
    "figures",
    "of_dimension",
    "one_line",
    "optional_fraction",
    "optional_line",
    "optional_reason",
    "optional_text",
    "split_levels",
    "texts",
    "where_field",
    "written",
]


@attrs.define
class _Example:
    """A record to show the validators on (not part of the model)."""

    budget: Any = None


def as_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """A sequence field's items as a tuple; text is not a sequence of records.

    >>> as_tuple(["a", "b"])
    ('a', 'b')
    >>> as_tuple("ab")
    Traceback (most recent call last):
    ...
    indicatorkit.errors.InvalidValueError: 需要一组记录 (a sequence expected), got str
    """
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise InvalidValueError(f"需要一组记录 (a sequence expected), got {type(items).__name__}")
    return tuple(items)


def texts(items: Iterable[str]) -> tuple[str, ...]:
    """Each item as :func:`field_text`.

    >>> texts([" 加强宣传 ", "落实责任"])
    ('加强宣传', '落实责任')
    """
    return tuple(field_text(item) for item in items)


def where_field() -> Any:
    """The ``where`` field every record has: where it was read, out of equality and repr.

    >>> where_field().eq, where_field().repr
    (False, False)
    """
    return attrs.field(default=None, eq=False, hash=False, repr=False, kw_only=True)


def comments_field() -> Any:
    """The ``comments`` field every record has: the comments read with it, out of equality.

    >>> comments_field().eq
    False
    """
    return attrs.field(
        default=(), converter=as_tuple, eq=False, hash=False, repr=False, kw_only=True
    )


def field_text(value: object) -> str:
    """Field text as the model keeps it: a str whose lines are stripped (surrounding whitespace
    is not significant).
    >>> field_text("  受理数 \\n  （件） ")
    '受理数\\n（件）'
    """
    if not isinstance(value, str):
        raise InvalidValueError(f"需要文字 (text expected), got {type(value).__name__}")
    if "\n" not in value and "\r" not in value:
        return value.strip()
    lines = value.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    return "\n".join(line.strip() for line in lines)


def one_line(value: object) -> str:
    """Like :func:`field_text`, for fields written on their header line (names, codes).
    >>> one_line(" 法律援助 ")
    '法律援助'
    """
    text = field_text(value)
    if "\n" in text:
        raise InvalidValueError(f"这里只能写一行 (one line only): {text!r}")
    return text


#: The "/" between levels of an indicator title: spaces (or the line's edge) on both sides.
LEVEL_SEPARATOR = re.compile(r"(?:(?<=\s)|^)/(?=\s|$)")


def split_levels(title: str) -> list[str]:
    """``"产出指标 / 数量指标 / 受理数"`` → the three levels; ``"满意度指标 / / 投诉率"`` leaves
    level 2 empty; ``元/人`` inside a name is not a separator.

    >>> split_levels("满意度指标 / / 社会公众投诉率")
    ['满意度指标', '', '社会公众投诉率']
    """
    return [part.strip() for part in LEVEL_SEPARATOR.split(title)]


def optional_fraction(value: object) -> Fraction | None:
    """A number field, or ``None``.

    >>> from decimal import Decimal
    >>> optional_fraction(Decimal("12.5")), optional_fraction(None)
    (Fraction(25, 2), None)
    """
    return None if value is None else to_fraction(value)


def optional_text(value: object) -> str | None:
    """Field text, or ``None`` when not given: ``None`` and empty text are both "not given".
    >>> optional_text(" 96% "), optional_text(""), optional_text(None)
    ('96%', None, None)
    """
    return (field_text(value) or None) if value is not None else None


def optional_reason(value: object) -> str | None:
    """Field text or ``None``; here empty text is a value (given, with no reason written).
    >>> optional_reason(""), optional_reason(None)
    ('', None)
    """
    return None if value is None else field_text(value)


def optional_line(value: object) -> str | None:
    """One line of text, or ``None``.
    >>> optional_line(" 315001 "), optional_line(None)
    ('315001', None)
    """
    return None if value is None else one_line(value)


def written(amount: Amount, what: str) -> None:
    """Refuse an amount that no decimal writes (1/3 元): ``what`` names the field.

    >>> from indicatorkit.language import parse_actual
    >>> written(parse_actual("12.5万元"), "预算")
    """
    if not is_terminating(amount.value):
        raise InvalidValueError(f"{what}必须是有限小数 ({what} must be a finite decimal): {amount}")


def of_dimension(dimension: str, what: str) -> Any:
    """A validator: an Amount of ``dimension`` with a finite decimal value (or ``None``).
    >>> from indicatorkit.language import parse_actual
    >>> check = of_dimension("[money]", "预算")
    >>> check(None, attrs.fields(_Example).budget, parse_actual("5万元"))
    >>> check(None, attrs.fields(_Example).budget, parse_actual("5件"))
    Traceback (most recent call last):
    ...
    indicatorkit.errors.InvalidValueError: 预算的单位不对 (wrong unit for budget): 5件
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: Amount | None) -> None:
        if value is None:
            return
        if not isinstance(value, Amount):
            raise InvalidValueError(
                f"{what}需要 Amount (an Amount expected for {attribute.name}), got "
                f"{type(value).__name__}"
            )
        if value.unit.dimension != dimension:
            raise InvalidValueError(f"{what}的单位不对 (wrong unit for {attribute.name}): {value}")
        written(value, what)

    return check


def figures(instance: object, attribute: attrs.Attribute[Any], value: tuple[Amount, ...]) -> None:
    """A validator: each amount of a tuple finitely written (:func:`written`).

    >>> from indicatorkit.language import parse_actual
    >>> figures(None, attrs.fields(_Example).budget, (parse_actual("5万元"), parse_actual("3件")))
    """
    for amount in value:
        written(amount, "数据")
