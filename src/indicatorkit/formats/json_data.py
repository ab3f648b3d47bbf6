"""JSON interchange: a :class:`~indicatorkit.model.records.Spec` as plain data, for other languages.

:func:`to_data` gives JSON-ready data (``str``, ``int``, ``bool``, ``None``, ``list``,
``dict`` only) and :func:`from_data` reads it back, checking everything; :func:`to_json` and
:func:`from_json` do the same through JSON text.  :func:`schema` is the JSON Schema (draft
2020-12) of what :func:`to_data` produces, shipped as ``spec.schema.json``.

Numbers stay exact: an amount is ``{"value": "1616387.84", "unit": "元"}`` with the value as a
decimal *string*, a weight is a string (``"10"``, ``"1/3"``); there is never a JSON float.
A target carries its text as written and, for readers that do not parse targets, what it
means.  ``where`` and ``comments`` are not part of the data.

>>> from indicatorkit import loads
>>> spec = loads("项目 1 法律援助\\n  预算：1.5万元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：>=180件\\n")
>>> data = to_data(spec)
>>> data["projects"][0]["budget"]
{'total': {'value': '1.5', 'unit': '万元'}, 'fiscal': None, 'other': None}
>>> data["projects"][0]["indicators"][0]["target"]
... # doctest: +NORMALIZE_WHITESPACE
{'text': '>=180件', 'canonical': '≥180件', 'kind': 'comparison', 'operator': '≥',
 'value': '180', 'unit': '件', 'dimension': '[件]'}
>>> from_data(data) == spec and from_json(to_json(spec)) == spec
True

Reading data collects every problem (code ``IK050``), each message naming its JSON path:

>>> data["projects"][0]["number"] = "1"
>>> data["projects"][0]["indicators"][0]["target"] = {"text": "≥180件", "value": "181"}
>>> try:
...     from_data(data)
... except SpecError as error:
...     for finding in error.findings:
...         print(finding.message)
$.projects[0].number: 应为整数，实为 string (expected an integer, got string)
$.projects[0].indicators[0].target.value: 与指标值文字不一致：“≥180件”的 value 是 "180" (disagrees with the target text, whose value is "180"), got "181"
"""

from __future__ import annotations

import difflib
import json
import re
import types
import typing
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any, Final, TypeAlias

import attrs

from indicatorkit import units
from indicatorkit.errors import InvalidValueError, TextError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import AnyTarget, Comparison, Deadline, Period, Range
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Department,
    DepartmentGoal,
    FundSource,
    Indicator,
    MeasureGroup,
    Programme,
    Project,
    Spec,
    SpendingPlan,
    field_text,
)
from indicatorkit.numerals import (
    MAX_DIGITS,
    format_decimal,
    is_terminating,
    read_decimal,
    read_ratio,
)
from indicatorkit.units import Unit, UnitDefinitionError, UnitRegistry
from indicatorkit.vocabulary import Operator

__all__ = ["CODE", "from_data", "from_json", "schema", "to_data", "to_json"]

#: A JSON value as our data has it (never a float).
_JSON: TypeAlias = "str | int | bool | list[_JSON] | dict[str, _JSON] | None"
_Object: TypeAlias = dict[str, _JSON]

#: The finding code of every problem :func:`from_data` reports.
CODE: Final = "IK050"

#: The model's records: each is data as its attrs fields say (:func:`_data_fields`).
_RECORDS: Final = (
    Spec,
    Department,
    DepartmentGoal,
    Programme,
    MeasureGroup,
    Project,
    Budget,
    FundSource,
    SpendingPlan,
    Checkpoint,
    Indicator,
)

#: Fields that are not data (``eq=False`` metadata): where a record was read, its comments.
_NOT_DATA: Final = frozenset({"where", "comments"})

#: A field whose data also carries a companion field: an indicator's target object holds the
#: target's text as written (``target_text``) beside what it means.
_CARRIES: Final[dict[tuple[type, str], str]] = {(Indicator, "target"): "target_text"}

#: Keys :func:`from_data` lets data leave out (the field then takes its default): the
#: self-assessment fields, which data written before them does not have.  ``to_data`` always
#: writes them.
_MAY_BE_LEFT_OUT: Final[dict[type, frozenset[str]]] = {
    Spec: frozenset({"rules"}),
    Project: frozenset(
        {"executed", "adjusted_budget", "spent", "budget_reason"}
        | {"initial_budget", "fund_sources", "goal_outcome"}
        | {"budget_weight", "weight_total"}
        | {"conclusion", "problems", "improvements"}
    ),
    Indicator: frozenset({"actual", "evaluator_score", "reason", "not_applicable"}),
}

_OPERATORS: Final = {operator.value: operator for operator in Operator}

#: Integers beyond this many bits (about 10^MAX_DIGITS) are refused: JSON text of them cannot be
#: written back (Python limits int ↔ str conversion) and no field needs them.
_INT_BITS: Final = (10**MAX_DIGITS).bit_length()


def _data_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of record ``cls`` that are keys of its JSON object, in order."""
    carried = {companion for (owner, _), companion in _CARRIES.items() if owner is cls}
    return tuple(
        field
        for field in attrs.fields(cls)
        if field.init and field.name not in _NOT_DATA and field.name not in carried
    )


@cache
def _field_types(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


# ---------------------------------------------------------------------------------------------
# Units, numbers and messages


def _unit_of(symbol: str) -> Unit | None:
    """The unit a symbol names (:func:`indicatorkit.units.unit_of_text`), or ``None``."""
    try:
        return (_UNITS.get() or units.registry_in_use()).unit_of_text(symbol)
    except (KeyError, ValueError, TypeError, AttributeError, RecursionError):
        return None  # whatever the reason (pint's own errors included), it names no unit


def _unit_text(unit: Unit) -> str:
    if _unit_of(unit.symbol) != unit:
        raise InvalidValueError(
            f"单位“{unit.symbol}”无法写入数据 (unit {unit.symbol!r} does not read back as itself)"
        )
    return unit.symbol


def _decimal_text(value: Fraction) -> str:
    if not is_terminating(value):
        raise InvalidValueError(
            f"数值不是有限小数，无法写入数据 (not a finite decimal): {value.numerator}/{value.denominator}"
        )
    return format_decimal(value)


def _fraction(text: object, read: Callable[[str], Fraction]) -> Fraction | str | None:
    """The number ``text`` writes, read by ``read`` (one of the numerals readers); the
    reader's reason when it refuses a string; ``None`` for a non-string."""
    if not isinstance(text, str):
        return None
    if not text.isascii():
        return "只用 ASCII 数字 (ASCII digits only)"
    try:
        return read(text)
    except ValueError as error:
        return str(error)


def _show(value: object) -> str:
    """``value`` as JSON text for a message, whatever it is (a huge int, a cycle …)."""
    if isinstance(value, int) and value.bit_length() > _INT_BITS:
        return f"<{value.bit_length()} 位二进制的整数 (a {value.bit_length()}-bit integer)>"
    try:
        return json.dumps(value, ensure_ascii=False, default=repr)
    except (ValueError, TypeError, RecursionError):
        return f"<{type(value).__name__}>"


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _child(path: str, key: object) -> str:
    if isinstance(key, str) and _NAME.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{_show(key)}]"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return f"Python {type(value).__name__}"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# What each reader expects, in Chinese and in English, for type errors.
_TEXT = ("文字", "a string")
_TEXT_OR_NULL = ("文字或 null", "a string or null")
_INTEGER = ("整数", "an integer")
_INTEGER_OR_NULL = ("整数或 null", "an integer or null")
_ARRAY = ("数组", "an array")
_OBJECT = ("对象", "an object")


# ---------------------------------------------------------------------------------------------
# The reader: collects findings; a value that cannot be read is _FAIL (reported already)


class _Fail:
    """A value that could not be read; its problem is reported already."""


_FAIL: Final = _Fail()


class _Reader:
    """Collects one ``IK050`` finding per problem, its message led by the JSON path."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        #: The spec's unit registry, read first (targets are read with it).
        self.units: UnitRegistry | None = None

    def count(self) -> int:
        return len(self.findings)

    def failed(self, since: int) -> bool:
        return len(self.findings) > since

    def problem(self, path: str, message: str, suggestion: str | None = None) -> None:
        self.findings.append(
            Finding(CODE, Severity.ERROR, f"{path}: {message}", 0, suggestion=suggestion)
        )

    def wrong_type(self, path: str, value: object, expected: tuple[str, str]) -> None:
        got = _json_type(value)
        self.problem(path, f"应为{expected[0]}，实为 {got} (expected {expected[1]}, got {got})")

    def object(
        self,
        value: object,
        path: str,
        keys: Sequence[str],
        required: Sequence[str] | None = None,
    ) -> dict[str, object] | None:
        """The object at ``path``: every key in ``keys`` (or in ``required``) must be there,
        and no other."""
        if not isinstance(value, dict):
            self.wrong_type(path, value, _OBJECT)
            return None
        for key in value:
            if not isinstance(key, str):
                self.problem(path, f"键必须是文字 (keys are strings): {_show(key)}")
            elif key not in keys:
                close = difflib.get_close_matches(key, keys, n=1)
                self.problem(
                    _child(path, key),
                    f"未知的键 (unknown key); 可用的键 / known keys: {', '.join(keys)}",
                    f"是否想写 / did you mean “{close[0]}”?" if close else None,
                )
        for key in keys if required is None else required:
            if key not in value:
                self.problem(_child(path, key), "缺少此键 (missing key)")
        return {key: item for key, item in value.items() if isinstance(key, str)}

    def build(self, path: str, make: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``make(*args, **kwargs)``, turning a refusal of the model into a finding."""
        try:
            return make(*args, **kwargs)
        except (ValueError, TypeError) as error:
            self.problem(path, str(error))
            return _FAIL


# ---------------------------------------------------------------------------------------------
# Codecs: how one type is written as data and read back


_Load: TypeAlias = Callable[[_Reader, object, str], Any]


@attrs.frozen
class _Codec:
    """Writes a value as data (``dump``) and reads it back (``load``, giving ``_FAIL`` after
    reporting what is wrong)."""

    dump: Callable[[Any], Any]
    load: _Load


@cache
def _codec(kind: Any) -> _Codec:
    """The codec of a field type: a record, ``X | None``, ``tuple[X, ...]`` or a leaf."""
    if kind == AnyTarget:
        return _TARGET
    if kind in _LEAVES:
        return _LEAVES[kind]
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return _OR_NULL.get(inner) or _nullable(_codec(inner))
    if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _array(_codec(args[0]))
    if kind in _RECORDS:
        return _record(kind)
    raise TypeError(f"indicatorkit.formats.json_data: no data form for {kind!r}")


def _nullable(inner: _Codec) -> _Codec:
    def load(r: _Reader, value: object, path: str) -> Any:
        return None if value is None else inner.load(r, value, path)

    return _Codec(lambda value: None if value is None else inner.dump(value), load)


def _array(item: _Codec) -> _Codec:
    def load(r: _Reader, value: object, path: str) -> Any:
        if not isinstance(value, list):
            r.wrong_type(path, value, _ARRAY)
            return _FAIL
        found = [item.load(r, element, f"{path}[{index}]") for index, element in enumerate(value)]
        return _FAIL if any(element is _FAIL for element in found) else tuple(found)

    return _Codec(lambda values: [item.dump(value) for value in values], load)


def _minimum(field: attrs.Attribute[Any]) -> int | None:
    """The bound of an ``attrs.validators.ge`` on ``field``, which the reader checks at the
    field (the model would name only the record)."""
    validator = field.validator
    if getattr(validator, "compare_op", None) == ">=":
        bound = getattr(validator, "bound", None)
        return bound if _is_int(bound) else None
    return None


def _record(cls: type) -> _Codec:
    """The codec of a record: an object with a key per data field, in field order."""
    fields = _data_fields(cls)
    keys = tuple(field.name for field in fields)
    optional = _MAY_BE_LEFT_OUT.get(cls, frozenset())
    required = tuple(key for key in keys if key not in optional)
    hints = _field_types(cls)

    def dump(record: object) -> _Object:
        data: _Object = {}
        for field in fields:
            value = getattr(record, field.name)
            companion = _CARRIES.get((cls, field.name))
            if companion is not None:
                value = (value, getattr(record, companion))
            data[field.name] = _codec(hints[field.name]).dump(value)
        return data

    def load(r: _Reader, value: object, path: str) -> Any:
        start = r.count()
        given = r.object(value, path, keys, required)
        if given is None:
            return _FAIL
        arguments: dict[str, Any] = {}
        for field in fields:
            if field.name not in given:
                continue  # reported as missing
            at = _child(path, field.name)
            item = _codec(hints[field.name]).load(r, given[field.name], at)
            if item is _FAIL:
                continue
            companion = _CARRIES.get((cls, field.name))
            if companion is not None:
                item, arguments[companion] = item
            elif not _field_checks(r, field, item, at):
                continue
            arguments[field.alias or field.name] = item
        if r.failed(start):
            return _FAIL
        return r.build(path, cls, **arguments)

    return _Codec(dump, load)


def _field_checks(r: _Reader, field: attrs.Attribute[Any], value: object, path: str) -> bool:
    """Run what the model does to one field alone (its converter, a ``ge`` bound), so that a
    refusal is reported at the field; checks across fields are reported at the record."""
    minimum = _minimum(field)
    if minimum is not None and isinstance(value, int) and value < minimum:
        r.problem(path, f"不能小于 {minimum} (must be ≥ {minimum})")
        return False
    if callable(field.converter):
        try:
            field.converter(value)
        except (ValueError, TypeError) as error:
            r.problem(path, str(error))
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Leaves: the non-record types


def _scalar(kind: type, expected: tuple[str, str], *, nullable: bool = False) -> _Codec:
    """A str or an int, as JSON has it."""

    def load(r: _Reader, value: object, path: str) -> Any:
        if value is None and nullable:
            return None
        if kind is int and _is_int(value):
            assert isinstance(value, int)
            if value.bit_length() > _INT_BITS:
                r.problem(path, f"整数超出范围 (an integer beyond ±10^{MAX_DIGITS})")
                return _FAIL
            return value
        if kind is str and isinstance(value, str):
            return value
        r.wrong_type(path, value, expected)
        return _FAIL

    return _Codec(lambda value: value, load)


def _load_number(
    r: _Reader,
    value: object,
    path: str,
    read: Callable[[str], Fraction],
    bad: str,
    hint: str,
    expected: tuple[str, str],
) -> Any:
    """A number written as a string, read by ``read``; ``bad`` leads the message of a string
    that ``read`` refuses (its reason follows), ``expected`` names the type otherwise."""
    number = _fraction(value, read)
    if isinstance(number, Fraction):
        return number
    if isinstance(number, str):
        r.problem(path, f"{bad}: {_show(value)}：{number}", hint)
    else:
        r.wrong_type(path, value, expected)
    return _FAIL


def _load_decimal(r: _Reader, value: object, path: str) -> Any:
    return _load_number(
        r,
        value,
        path,
        read_decimal,
        "数字写法无效 (bad number text)",
        '写作十进制数字的文字，如 "1616387.84" / a decimal string such as "1616387.84"',
        ("数字文字", "a decimal string"),
    )


def _load_unit(r: _Reader, value: object, path: str) -> Any:
    if not isinstance(value, str):
        r.wrong_type(path, value, _TEXT)
        return _FAIL
    unit = _unit_of(value)
    if unit is None:
        near = units.nearest_units(value) if value.strip() else ()
        r.problem(
            path,
            f"未知单位 (unknown unit): {_show(value)}",
            f"是否想写 / did you mean: {'、'.join(near)}" if near else None,
        )
        return _FAIL
    return unit


def _dump_amount(amount: Amount) -> _Object:
    return {"value": _decimal_text(amount.value), "unit": _unit_text(amount.unit)}


def _load_amount(r: _Reader, value: object, path: str) -> Any:
    start = r.count()
    given = r.object(value, path, ("value", "unit"))
    if given is None:
        return _FAIL
    number = _load_decimal(r, given["value"], _child(path, "value")) if "value" in given else None
    unit = _load_unit(r, given["unit"], _child(path, "unit")) if "unit" in given else None
    if r.failed(start):
        return _FAIL
    return r.build(path, Amount, number, unit)


def _dump_date(point: DatePoint) -> _Object:
    return {"month": point.month, "day": point.day, "year": point.year}


_DATE_PARTS: Final = {
    "month": _scalar(int, _INTEGER),
    "day": _scalar(int, _INTEGER_OR_NULL, nullable=True),
    "year": _scalar(int, _INTEGER_OR_NULL, nullable=True),
}


def _load_date(r: _Reader, value: object, path: str) -> Any:
    start = r.count()
    given = r.object(value, path, tuple(_DATE_PARTS))
    if given is None:
        return _FAIL
    parts = {
        key: codec.load(r, given[key], _child(path, key))
        for key, codec in _DATE_PARTS.items()
        if key in given
    }
    if r.failed(start):
        return _FAIL
    return r.build(path, DatePoint, **parts)


#: The words for a number ≥ 0 field (a Fraction in the model), by the field's name.
_NUMBER_WORDS: Final = {"evaluator_score": ("自评得分", "evaluator score")}


def _load_weight(r: _Reader, value: object, path: str) -> Any:
    """A weight (分值) or an evaluator score (自评得分): a number ≥ 0, written as a string."""
    chinese, english = _NUMBER_WORDS.get(path.rpartition(".")[2], ("分值", "weight"))
    return _load_number(
        r,
        value,
        path,
        read_ratio,
        f"{chinese}应为非负数 ({english} must be a number ≥ 0)",
        '写作 "10"、"2.5" 或 "1/3" / write "10", "2.5" or "1/3"',
        (f'{chinese}文字，如 "10"', 'a string such as "10"'),
    )


def _load_direction(r: _Reader, value: object, path: str) -> Any:
    for direction in Direction:
        if value == direction.value:
            return direction
    words = [direction.value for direction in Direction]
    r.problem(
        path,
        f"方向应为{'、'.join(f'“{word}”' for word in words)}或 null "
        f"(direction is {', '.join(words)} or null), got {_show(value)}",
    )
    return _FAIL


def _nullable_leaf(load: _Load) -> _Load:
    """A leaf reader that takes null as ``None`` and words its own type errors."""

    def read(r: _Reader, value: object, path: str) -> Any:
        return None if value is None else load(r, value, path)

    return read


#: The non-record types, by the type the model's fields declare.
_LEAVES: Final[dict[Any, _Codec]] = {
    str: _scalar(str, _TEXT),
    int: _scalar(int, _INTEGER),
    Amount: _Codec(_dump_amount, _load_amount),
    DatePoint: _Codec(_dump_date, _load_date),
}


def _load_units(r: _Reader, value: object, path: str) -> Any:
    """A spec's unit registry: null, or its definition lines (read before anything else)."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(line, str) for line in value):
        r.wrong_type(
            path, value, ("单位定义（文字）的数组或 null", "an array of definition strings or null")
        )
        return _FAIL
    # the list is complete (to_data writes every definition): build on the shipped units alone,
    # not on what define_unit added to this process's default registry
    registry = UnitRegistry()
    for index, line in enumerate(value):
        try:
            registry = registry.define(line)
        except UnitDefinitionError as error:
            r.problem(_child(path, index), str(error))
            return _FAIL
    return registry


#: ``X | None`` for leaves whose type errors say "or null" themselves.
_OR_NULL: Final[dict[Any, _Codec]] = {
    # a spec's units: the lines that define them beyond units.txt (read first, see from_data)
    UnitRegistry: _Codec(
        lambda units: None if units is None else list(units.definitions),
        lambda r, value, path: r.units,
    ),
    str: _scalar(str, _TEXT_OR_NULL, nullable=True),
    int: _scalar(int, _INTEGER_OR_NULL, nullable=True),
    # a weight (分值): a decimal string or p/q; a direction: its enum value
    Fraction: _Codec(
        lambda weight: None if weight is None else format_decimal(weight),
        _nullable_leaf(_load_weight),
    ),
    Direction: _Codec(
        lambda direction: None if direction is None else direction.value,
        _nullable_leaf(_load_direction),
    ),
}


# ---------------------------------------------------------------------------------------------
# The target: its text as written, and what the text means


def _target_data(target: AnyTarget, text: str) -> _Object:
    head: _Object = {"text": text, "canonical": str(target)}
    if isinstance(target, Comparison):
        return {
            **head,
            "kind": "comparison",
            "operator": None if target.operator is None else target.operator.value,
            "value": _decimal_text(target.amount.value),
            "unit": _unit_text(target.amount.unit),
            "dimension": target.amount.unit.dimension,
        }
    if isinstance(target, Range):
        return {
            **head,
            "kind": "range",
            "low": _dump_amount(target.low),
            "high": _dump_amount(target.high),
            "low_inclusive": target.low_inclusive,
            "high_inclusive": target.high_inclusive,
        }
    if isinstance(target, Deadline):
        return {**head, "kind": "deadline", **_dump_date(target.by)}
    if isinstance(target, Period):
        return {
            **head,
            "kind": "period",
            "start": _dump_date(target.span.start),
            "end": _dump_date(target.span.end),
        }
    return {**head, "kind": "qualitative", "sentence": target.text}


def _dump_target(target_and_text: tuple[AnyTarget, str]) -> _Object:
    # The target as its text reads: the model holds the two equal only in meaning (a target
    # built as 50000元 may carry the text "5万元"), and from_data reads the text.
    text = target_and_text[1]
    return _target_data(parse_target(text, lenient=True, units=_UNITS.get()).target, text)


_KIND_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "comparison": ("operator", "value", "unit", "dimension"),
    "range": ("low", "high", "low_inclusive", "high_inclusive"),
    "deadline": ("month", "day", "year"),
    "period": ("start", "end"),
    "qualitative": ("sentence",),
}
_TARGET_KEYS: Final = ("text", "canonical", "kind", *(k for ks in _KIND_KEYS.values() for k in ks))


def _load_target(r: _Reader, value: object, path: str) -> Any:
    """The target and its text as written; the other keys are checked against the text."""
    given = r.object(value, path, _TARGET_KEYS, required=("text",))
    if given is None or "text" not in given:
        return _FAIL
    raw = given["text"]
    if not isinstance(raw, str):
        r.wrong_type(_child(path, "text"), raw, _TEXT)
        return _FAIL
    text = field_text(raw)
    try:
        read = parse_target(text, lenient=True, units=r.units)
        undeclared = read.undeclared_unit()
        if undeclared is not None:
            raise undeclared
        target = read.target
    except ValueError as error:
        message = error.message if isinstance(error, TextError) else str(error)
        suggestion = error.suggestion if isinstance(error, TextError) else None
        r.problem(
            _child(path, "text"),
            f"指标值无法读取 (the target text cannot be read): {message}",
            suggestion,
        )
        return _FAIL
    meaning = _target_data(target, text)
    start = r.count()
    for key in _TARGET_KEYS:
        if key == "text" or key not in given:
            continue
        if key not in meaning:
            r.problem(
                _child(path, key),
                f"“{text}”是 {meaning['kind']} 类指标值，不应有此键 "
                f"(a {meaning['kind']} target has no {key!r})",
            )
        else:
            _agree(r, given[key], _child(path, key), key, target, meaning)
    return _FAIL if r.failed(start) else (target, text)


def _agree(
    r: _Reader, value: object, path: str, key: str, target: AnyTarget, meaning: _Object
) -> None:
    """Report ``key`` of a target's data unless it says what the target text means."""
    same: bool
    if key in ("low", "high"):
        assert isinstance(target, Range)
        given = _load_amount(r, value, path)
        if given is _FAIL:
            return
        wanted = target.low if key == "low" else target.high
        same = given.value == wanted.value and given.unit == wanted.unit
    elif key in ("start", "end"):
        assert isinstance(target, Period)
        point = _load_date(r, value, path)
        if point is _FAIL:
            return
        same = point == (target.span.start if key == "start" else target.span.end)
    elif key == "value":
        assert isinstance(target, Comparison)
        number = _load_decimal(r, value, path)
        if number is _FAIL:
            return
        same = number == target.amount.value
    elif key == "unit":
        assert isinstance(target, Comparison)
        unit = _load_unit(r, value, path)
        if unit is _FAIL:
            return
        same = unit == target.amount.unit
    elif key in _DATE_PARTS:
        if _DATE_PARTS[key].load(r, value, path) is _FAIL:
            return
        same = value == meaning[key]
    elif key in ("low_inclusive", "high_inclusive"):
        if not isinstance(value, bool):
            r.problem(path, f"应为 true 或 false (expected true or false), got {_show(value)}")
            return
        same = value == meaning[key]
    else:
        if not (isinstance(value, str) or (value is None and key == "operator")):
            r.wrong_type(path, value, _TEXT_OR_NULL if key == "operator" else _TEXT)
            return
        if key == "kind" and value not in _KIND_KEYS:
            r.problem(path, f"未知的指标值类型 (unknown kind) {value!r}: {', '.join(_KIND_KEYS)}")
            return
        if key == "operator" and value is not None and value not in _OPERATORS:
            r.problem(path, f"未知的比较符 (unknown operator) {value!r}: ≥ > ≤ < = or null")
            return
        same = value == meaning[key]
    if not same:
        text = meaning["text"]
        wanted_json = _show(meaning[key])
        given_json = _show(value)
        r.problem(
            path,
            f"与指标值文字不一致：“{text}”的 {key} 是 {wanted_json} "
            f"(disagrees with the target text, whose {key} is {wanted_json}), got {given_json}",
        )


_TARGET: Final = _Codec(_dump_target, _load_target)


#: The unit registry of the spec being written or read (units and targets are read with it).
_UNITS: ContextVar[UnitRegistry | None] = ContextVar("_UNITS", default=None)


# ---------------------------------------------------------------------------------------------
# The public functions


def to_data(spec: Spec) -> dict[str, Any]:
    """``spec`` as plain JSON-ready data (see the module docstring for the shape).

    Raises :class:`~indicatorkit.errors.InvalidValueError` for what the data cannot hold: an
    amount whose value is not a finite decimal (``1/3元``), or a hand-made unit that no unit
    word names.

    >>> from indicatorkit import Spec, Project
    >>> to_data(Spec(projects=[Project(6, "办公楼维修", withheld="涉密")]))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'department': None, 'projects': [{'number': 6, 'name': '办公楼维修', 'code': '', 'unit': '',
     'budget': None, 'purpose': '', 'plan': None, 'goal': '', 'indicators': [], 'withheld': '涉密',
     'executed': None, 'adjusted_budget': None, 'initial_budget': None, 'fund_sources': [],
     'goal_outcome': '', 'spent': None, 'budget_reason': '', 'budget_weight': None,
     'weight_total': None, 'conclusion': '', 'problems': '', 'improvements': ''}],
     'units': None, 'rules': None}
    """
    token = _UNITS.set(spec.units)
    try:
        data: dict[str, Any] = _codec(Spec).dump(spec)
    finally:
        _UNITS.reset(token)
    return data


def from_data(data: object) -> Spec:
    """The spec that ``data`` (as :func:`to_data` gives it) describes.

    Everything is checked; every problem found is reported at once in a
    :class:`~indicatorkit.model.findings.SpecError` of ``IK050`` findings whose messages begin
    with the JSON path (``$.projects[2].indicators[0].target.text``).  Data has no lines:
    their line is 0, as for lint findings about a spec built in code.  A target needs only
    its ``text``; any other key it has must agree with what the text means.  ``units`` (the
    spec's unit definitions) may be left out: it is then null, the default registry; so may
    the self-assessment keys, written by ``to_data`` since specs carry actuals (``rules``; a
    project's ``executed``, ``adjusted_budget``, ``spent``, ``budget_reason`` and its
    assessment prose (``conclusion`` …); an indicator's
    ``actual``, ``evaluator_score``, ``reason``, ``not_applicable``): they take their defaults.

    >>> spec = from_data({"department": None, "projects": [{
    ...     "number": 1, "name": "法律援助", "code": "", "unit": "", "budget": None,
    ...     "purpose": "", "plan": None, "goal": "", "withheld": None, "indicators": [{
    ...         "level1": "产出指标", "level2": "数量指标", "name": "受理数",
    ...         "target": {"text": ",=100"}, "description": "", "basis": "",
    ...         "weight": "10", "direction": "正向"}]}]})
    >>> spec.projects[0].indicators[0].target
    Comparison('=100')
    """
    reader = _Reader()
    if isinstance(data, dict):
        if "units" not in data:
            data = {**data, "units": None}  # data written before specs carried their units
        registry = _load_units(reader, data["units"], "$.units")
        reader.units = None if registry is _FAIL else registry
    token = _UNITS.set(reader.units)
    try:
        spec = _codec(Spec).load(reader, data, "$")
    finally:
        _UNITS.reset(token)
    if reader.findings or not isinstance(spec, Spec):
        raise SpecError(reader.findings)
    return spec


# ---------------------------------------------------------------------------------------------
# JSON text and the schema


def to_json(spec: Spec, *, indent: int | None = 2) -> str:
    """``to_data(spec)`` as JSON text; Chinese stays Chinese (``ensure_ascii=False``).

    >>> from indicatorkit import Spec
    >>> print(to_json(Spec(), indent=None))
    {"department": null, "projects": [], "units": null, "rules": null}
    """
    return json.dumps(to_data(spec), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Spec:
    """The spec that JSON ``text`` describes; see :func:`from_data`.

    Text that is not JSON raises :class:`~indicatorkit.model.findings.SpecError` too, located
    at its line and column.

    >>> try:
    ...     from_json('{"department": null, "projects": [}')
    ... except SpecError as error:
    ...     print(error.findings[0].render())
    <text>:1:35: IK050 error: JSON 无法读取 (not valid JSON): Expecting value
      {"department": null, "projects": [}
                                        ^
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        lines = error.doc.splitlines() or [""]
        source = lines[error.lineno - 1] if error.lineno <= len(lines) else ""
        raise SpecError(
            [
                Finding(
                    CODE,
                    Severity.ERROR,
                    f"JSON 无法读取 (not valid JSON): {error.msg}",
                    error.lineno,
                    error.colno,
                    source_line=source,
                )
            ]
        ) from None
    except (ValueError, RecursionError) as error:  # bad UTF-8, too many digits, too deep
        raise SpecError(
            [Finding(CODE, Severity.ERROR, f"JSON 无法读取 (not valid JSON): {error}", 1)]
        ) from None
    return from_data(data)


@cache
def _schema_text() -> str:
    source = resources.files("indicatorkit.formats").joinpath("spec.schema.json")
    return source.read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what :func:`to_data` gives: a fresh dict per call.

    >>> schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    loaded: dict[str, Any] = json.loads(_schema_text())
    return loaded
