"""The JSON forms of the model's leaf values (texts, integers, exact numbers, units, amounts,
dates, directions), written and read back with every refusal a :class:`DataProblem` that says
what is wrong and where below the value it was given.

:mod:`indicatorkit.formats.json_data` registers these with its cattrs converter; they never
see a record.  A target's form is built from them in :mod:`indicatorkit.formats.json_target`.
A number is always a string: an amount's value the shortest decimal (``"1616387.84"``), a
weight a decimal or ``p/q`` (``"1/3"``).

>>> from fractions import Fraction
>>> dump_amount(Amount(Fraction(3, 2), units.unit("万元")))
{'value': '1.5', 'unit': '万元'}
>>> load_amount({"value": "1.5", "unit": "万元"}) == Amount(15000, units.unit("元"))
True
>>> try:
...     load_amount({"value": 1.5})
... except ExceptionGroup as group:
...     print([(problem.at, problem.message) for problem in group.exceptions])
[(('value',), '应为数字文字，实为 number (expected a decimal string, got number)'), (('unit',), '缺少此键 (missing key)')]
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from fractions import Fraction
from functools import partial
from typing import Any, Final, NoReturn, TypeAlias

from indicatorkit import units
from indicatorkit.errors import InvalidValueError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.numerals import (
    MAX_DIGITS,
    format_decimal,
    is_terminating,
    read_decimal,
    read_ratio,
)
from indicatorkit.units import Unit, UnitDefinitionError, UnitRegistry

__all__ = [
    "UNITS",
    "DataProblem",
    "as_object",
    "child",
    "dump_amount",
    "dump_date",
    "key_problems",
    "load_amount",
    "load_date",
    "load_decimal",
    "load_direction",
    "load_integer",
    "load_text",
    "load_unit",
    "load_units",
    "load_weight",
    "wrong_type",
]

_Object: TypeAlias = dict[str, Any]

#: The unit registry of the spec being written or read (units and targets are read with it).
UNITS: ContextVar[UnitRegistry | None] = ContextVar("UNITS", default=None)

#: Integers beyond this many bits (about 10^MAX_DIGITS) are refused: JSON text of them cannot be
#: written back (Python limits int ↔ str conversion) and no field needs them.
_INT_BITS: Final = (10**MAX_DIGITS).bit_length()


class DataProblem(ValueError):
    """What is wrong with a value of the data: ``at`` is the path below the value given (keys
    and indexes), ``suggestion`` a hint.

    >>> DataProblem("缺少此键 (missing key)", at=("unit",)).under("low").at
    ('low', 'unit')
    """

    def __init__(
        self, message: str, suggestion: str | None = None, at: tuple[str | int, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion
        self.at = at

    def under(self, step: str | int) -> DataProblem:
        """The same problem seen from one level up."""
        return DataProblem(self.message, self.suggestion, (step, *self.at))


def _raise_all(problems: Sequence[DataProblem]) -> NoReturn:
    """Raise ``problems``: the one, or all of them as a group."""
    if len(problems) == 1:
        raise problems[0]
    raise ExceptionGroup("数据有误 (bad data)", list(problems))


def _problems_of(error: BaseException) -> list[DataProblem]:
    if isinstance(error, DataProblem):
        return [error]
    assert isinstance(error, ExceptionGroup)
    return [problem for inner in error.exceptions for problem in _problems_of(inner)]


def _gather(
    calls: Iterable[tuple[str | int, Callable[[], Any]]],
) -> tuple[dict[Any, Any], list[DataProblem]]:
    """Run each ``(step, call)``; what each gave by step, and every problem, seen from here."""
    found: dict[Any, Any] = {}
    problems: list[DataProblem] = []
    for step, call in calls:
        try:
            found[step] = call()
        except (DataProblem, ExceptionGroup) as error:
            problems.extend(problem.under(step) for problem in _problems_of(error))
    return found, problems


# ---------------------------------------------------------------------------------------------
# Messages


def _show(value: object) -> str:
    """``value`` as JSON text for a message, whatever it is (a huge int, a cycle …)."""
    if isinstance(value, int) and value.bit_length() > _INT_BITS:
        return f"<{value.bit_length()} 位二进制的整数 (a {value.bit_length()}-bit integer)>"
    try:
        return json.dumps(value, ensure_ascii=False, default=repr)
    except (ValueError, TypeError, RecursionError):
        return f"<{type(value).__name__}>"


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def child(path: str, key: object) -> str:
    """The JSON path of ``key`` below ``path``: ``$.projects``, ``$.projects[0]``, ``$["名称"]``.

    >>> child(child("$", "projects"), 0), child("$", "名称")
    ('$.projects[0]', '$["名称"]')
    """
    if isinstance(key, str) and _NAME.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{_show(key)}]"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    for kind, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string")):
        if isinstance(value, kind):
            return name
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return f"Python {type(value).__name__}"


def wrong_type(value: object, expected: tuple[str, str]) -> DataProblem:
    """The problem of ``value`` not being of the JSON type ``expected`` names (Chinese, English).

    >>> wrong_type([1], ("对象", "an object")).message
    '应为对象，实为 array (expected an object, got array)'
    """
    got = _json_type(value)
    return DataProblem(f"应为{expected[0]}，实为 {got} (expected {expected[1]}, got {got})")


# What each reader expects, in Chinese and in English, for type errors.
TEXT = ("文字", "a string")
TEXT_OR_NULL = ("文字或 null", "a string or null")
INTEGER = ("整数", "an integer")
INTEGER_OR_NULL = ("整数或 null", "an integer or null")
ARRAY = ("数组", "an array")
OBJECT = ("对象", "an object")


# ---------------------------------------------------------------------------------------------
# Objects, texts, integers


def as_object(value: object) -> dict[str, Any]:
    """``value`` when it is a JSON object.

    >>> as_object({"unit": "元"})
    {'unit': '元'}
    >>> as_object("元")
    Traceback (most recent call last):
    indicatorkit.formats.json_values.DataProblem: 应为对象，实为 string (expected an object, got string)
    """
    if not isinstance(value, dict):
        raise wrong_type(value, OBJECT)
    return value


def key_problems(
    given: dict[Any, Any], keys: Sequence[str], required: Iterable[str]
) -> list[DataProblem]:
    """Every key of ``given`` outside ``keys`` (with the nearest as a hint), then every key of
    ``required`` it lacks.

    >>> for problem in key_problems({"valeu": "1"}, ("value", "unit"), ("value",)):
    ...     print(problem.at, problem.suggestion)
    ('valeu',) 是否想写 / did you mean “value”?
    ('value',) None
    """
    problems = []
    for key in given:
        if not isinstance(key, str):
            problems.append(DataProblem(f"键必须是文字 (keys are strings): {_show(key)}"))
        elif key not in keys:
            close = difflib.get_close_matches(key, keys, n=1)
            problems.append(
                DataProblem(
                    f"未知的键 (unknown key); 可用的键 / known keys: {', '.join(keys)}",
                    f"是否想写 / did you mean “{close[0]}”?" if close else None,
                    (key,),
                )
            )
    problems.extend(
        DataProblem("缺少此键 (missing key)", at=(key,)) for key in required if key not in given
    )
    return problems


def load_text(value: object, expected: tuple[str, str] = TEXT) -> str:
    """A JSON string, as it is (``expected`` names the type in the problem otherwise).

    >>> load_text("达成")
    '达成'
    >>> load_text(96)
    Traceback (most recent call last):
    indicatorkit.formats.json_values.DataProblem: 应为文字，实为 integer (expected a string, got integer)
    """
    if not isinstance(value, str):
        raise wrong_type(value, expected)
    return value


def load_integer(value: object, expected: tuple[str, str] = INTEGER) -> int:
    """A JSON integer (not a boolean), of at most about ``MAX_DIGITS`` digits.

    >>> load_integer(12)
    12
    >>> load_integer(True)
    Traceback (most recent call last):
    indicatorkit.formats.json_values.DataProblem: 应为整数，实为 boolean (expected an integer, got boolean)
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise wrong_type(value, expected)
    if value.bit_length() > _INT_BITS:
        raise DataProblem(f"整数超出范围 (an integer beyond ±10^{MAX_DIGITS})")
    return value


def _integer_or_null(value: object) -> int | None:
    return None if value is None else load_integer(value, INTEGER_OR_NULL)


# ---------------------------------------------------------------------------------------------
# Numbers, units, amounts, dates, directions


def _load_number(
    value: object,
    read: Callable[[str], Fraction],
    bad: str,
    hint: str,
    expected: tuple[str, str],
) -> Fraction:
    """A number written as a string, read by ``read``; ``bad`` leads the message of a string
    that ``read`` refuses (its reason follows), ``expected`` names the type otherwise."""
    if not isinstance(value, str):
        raise wrong_type(value, expected)
    try:
        if not value.isascii():
            raise InvalidValueError("只用 ASCII 数字 (ASCII digits only)")
        return read(value)
    except ValueError as error:
        raise DataProblem(f"{bad}: {_show(value)}：{error}", hint) from None


def load_decimal(value: object) -> Fraction:
    """An exact number written as a decimal string (an amount's value, a target's value).

    >>> load_decimal("1616387.84")
    Fraction(40409696, 25)
    >>> load_decimal(1616387.84)  # a JSON float is refused: it is not exact
    Traceback (most recent call last):
    indicatorkit.formats.json_values.DataProblem: 应为数字文字，实为 number (expected a decimal string, got number)
    """
    return _load_number(
        value,
        read_decimal,
        "数字写法无效 (bad number text)",
        '写作十进制数字的文字，如 "1616387.84" / a decimal string such as "1616387.84"',
        ("数字文字", "a decimal string"),
    )


def load_weight(value: object, words: tuple[str, str] = ("分值", "weight")) -> Fraction:
    """A weight (分值) or another number ≥ 0 named by ``words``: a decimal or ``p/q`` string.

    >>> load_weight("1/3"), load_weight("2.5")
    (Fraction(1, 3), Fraction(5, 2))
    >>> try:
    ...     load_weight("-1")
    ... except DataProblem as problem:
    ...     print(problem.suggestion)
    写作 "10"、"2.5" 或 "1/3" / write "10", "2.5" or "1/3"
    """
    chinese, english = words
    return _load_number(
        value,
        read_ratio,
        f"{chinese}应为非负数 ({english} must be a number ≥ 0)",
        '写作 "10"、"2.5" 或 "1/3" / write "10", "2.5" or "1/3"',
        (f'{chinese}文字，如 "10"', 'a string such as "10"'),
    )


def _decimal_text(value: Fraction) -> str:
    if not is_terminating(value):
        raise InvalidValueError(
            f"数值不是有限小数，无法写入数据 (not a finite decimal): {value.numerator}/{value.denominator}"
        )
    return format_decimal(value)


def _unit_of(symbol: str) -> Unit | None:
    """The unit a symbol names (:func:`indicatorkit.units.unit_of_text`), or ``None``."""
    try:
        return (UNITS.get() or units.registry_in_use()).unit_of_text(symbol)
    except (KeyError, ValueError, TypeError, AttributeError, RecursionError):
        return None  # whatever the reason (pint's own errors included), it names no unit


def _unit_text(unit: Unit) -> str:
    if _unit_of(unit.symbol) != unit:
        raise InvalidValueError(
            f"单位“{unit.symbol}”无法写入数据 (unit {unit.symbol!r} does not read back as itself)"
        )
    return unit.symbol


def load_unit(value: object) -> Unit:
    """The unit a symbol names, in the spec's registry (:data:`UNITS`) or the one in use.

    >>> load_unit("万元")
    Unit(symbol='万元', dimension='[money]', factor=Fraction(10000, 1))
    >>> load_unit("蔸")
    Traceback (most recent call last):
    indicatorkit.formats.json_values.DataProblem: 未知单位 (unknown unit): "蔸"
    """
    unit = _unit_of(load_text(value))
    if unit is None:
        assert isinstance(value, str)
        near = units.nearest_units(value) if value.strip() else ()
        raise DataProblem(
            f"未知单位 (unknown unit): {_show(value)}",
            f"是否想写 / did you mean: {'、'.join(near)}" if near else None,
        )
    return unit


def dump_amount(amount: Amount) -> _Object:
    """An amount as its value (the shortest decimal string) and its unit's symbol.

    >>> dump_amount(Amount(Fraction(161638784, 100), units.unit("元")))
    {'value': '1616387.84', 'unit': '元'}
    >>> dump_amount(Amount(Fraction(1, 3), units.unit("万元")))
    Traceback (most recent call last):
    indicatorkit.errors.InvalidValueError: 数值不是有限小数，无法写入数据 (not a finite decimal): 1/3
    """
    return {"value": _decimal_text(amount.value), "unit": _unit_text(amount.unit)}


def _build(make: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``make(...)``, its refusal (the model's) a problem of the whole value."""
    try:
        return make(*args, **kwargs)
    except (ValueError, TypeError) as error:
        raise DataProblem(str(error)) from None


def load_amount(value: object) -> Amount:
    """An amount from ``{"value": …, "unit": …}``; every problem of its keys is reported.

    >>> load_amount({"value": "1.5", "unit": "万元"}) == Amount(Fraction(3, 2), units.unit("万元"))
    True
    >>> try:
    ...     load_amount({"value": "1.5"})
    ... except DataProblem as problem:
    ...     print(problem.at, problem.message)
    ('unit',) 缺少此键 (missing key)
    """
    given = as_object(value)
    parts, problems = _gather(
        (key, partial(read, given[key]))
        for key, read in (("value", load_decimal), ("unit", load_unit))
        if key in given
    )
    problems += key_problems(given, ("value", "unit"), ("value", "unit"))
    if problems:
        _raise_all(problems)
    return _build(Amount, parts["value"], parts["unit"])  # type: ignore[no-any-return]


def dump_date(point: DatePoint) -> _Object:
    """A day of the year as its month, day (null: the month's end) and year (null: any).

    >>> dump_date(DatePoint(12, None))
    {'month': 12, 'day': None, 'year': None}
    """
    return {"month": point.month, "day": point.day, "year": point.year}


_DATE_PARTS: Final[dict[str, Callable[[object], int | None]]] = {
    "month": load_integer,
    "day": _integer_or_null,
    "year": _integer_or_null,
}


def load_date(value: object) -> DatePoint:
    """A day of the year from ``{"month": …, "day": …, "year": …}``, checked by the model.

    >>> load_date({"month": 6, "day": 30, "year": None})
    DatePoint(month=6, day=30, year=None)
    >>> load_date({"month": 13, "day": None, "year": None})
    Traceback (most recent call last):
    indicatorkit.formats.json_values.DataProblem: 日期无效 (no such day): 13月底
    """
    given = as_object(value)
    parts, problems = _gather(
        (key, partial(read, given[key])) for key, read in _DATE_PARTS.items() if key in given
    )
    problems += key_problems(given, tuple(_DATE_PARTS), _DATE_PARTS)
    if problems:
        _raise_all(problems)
    return _build(DatePoint, **parts)  # type: ignore[no-any-return]


def load_direction(value: object) -> Direction:
    """An indicator's direction (指标方向) from its word.

    >>> load_direction("反向")
    <Direction.LOWER: '反向'>
    >>> load_direction("lower")
    Traceback (most recent call last):
    indicatorkit.formats.json_values.DataProblem: 方向应为“正向”、“反向”或 null (direction is 正向, 反向 or null), got "lower"
    """
    for direction in Direction:
        if value == direction.value:
            return direction
    words = [direction.value for direction in Direction]
    raise DataProblem(
        f"方向应为{'、'.join(f'“{word}”' for word in words)}或 null "
        f"(direction is {', '.join(words)} or null), got {_show(value)}"
    )


def load_units(value: object) -> UnitRegistry | None:
    """A spec's unit registry: null, or its definition lines (read before anything else).

    >>> load_units(["蔸 = [蔸]"]).unit_of_text("蔸")
    Unit(symbol='蔸', dimension='[蔸]', factor=Fraction(1, 1))
    >>> load_units(None) is None
    True
    >>> try:
    ...     load_units(["蔸 = [蔸]", "株 = [株]"])  # 株 ships with the package
    ... except DataProblem as problem:
    ...     print(problem.at, problem.message)
    (1,) 单位定义无效 (invalid unit definition) '株 = [株]': “株”已是已知单位 (already defined)
    """
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(line, str) for line in value):
        raise wrong_type(
            value, ("单位定义（文字）的数组或 null", "an array of definition strings or null")
        )
    # the list is complete (to_data writes every definition): build on the shipped units alone,
    # not on what define_unit added to this process's default registry
    registry = UnitRegistry()
    for index, line in enumerate(value):
        try:
            registry = registry.define(line)
        except UnitDefinitionError as error:
            raise DataProblem(str(error), at=(index,)) from None
    return registry
