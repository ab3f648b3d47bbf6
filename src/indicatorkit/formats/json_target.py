"""The JSON form of a target: its text as written, and what the text means (kind, operator,
value and unit, ends, dates), each key beside the text checked to say what the text means.

:mod:`indicatorkit.formats.json_data` registers :func:`dump_target` and :func:`load_target` with
its cattrs converter; the leaves below a target are written and read by
:mod:`indicatorkit.formats.json_values`.

>>> dump_target("≥95%")["kind"], sorted(KIND_KEYS)
('comparison', ['comparison', 'deadline', 'period', 'qualitative', 'range'])
>>> load_target({"text": "90~100%", "kind": "range"}).target
Range('90%～100%')
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Final, TypeAlias

from indicatorkit.errors import TextError
from indicatorkit.formats.json_values import (
    _DATE_PARTS,
    TEXT,
    TEXT_OR_NULL,
    UNITS,
    DataProblem,
    _decimal_text,
    _gather,
    _raise_all,
    _show,
    _unit_text,
    as_object,
    dump_amount,
    dump_date,
    key_problems,
    load_amount,
    load_date,
    load_decimal,
    load_text,
    load_unit,
    wrong_type,
)
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import AnyTarget, Comparison, Deadline, Period, Range
from indicatorkit.model.fields import field_text
from indicatorkit.vocabulary import Operator

__all__ = ["KIND_KEYS", "dump_target", "load_target"]

_Object: TypeAlias = dict[str, Any]

_OPERATORS: Final = {operator.value: operator for operator in Operator}


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
            "low": dump_amount(target.low),
            "high": dump_amount(target.high),
            "low_inclusive": target.low_inclusive,
            "high_inclusive": target.high_inclusive,
        }
    if isinstance(target, Deadline):
        return {**head, "kind": "deadline", **dump_date(target.by)}
    if isinstance(target, Period):
        return {
            **head,
            "kind": "period",
            "start": dump_date(target.span.start),
            "end": dump_date(target.span.end),
        }
    return {**head, "kind": "qualitative", "sentence": target.text}


def dump_target(text: str, read: LenientParse | None = None) -> _Object:
    """The target as its text reads: the model holds target and text equal only in meaning
    (a target built as 50000元 may carry the text "5万元"), and :func:`load_target` reads the
    text — ``read``, the reading of ``text`` already made, or read here.

    >>> dump_target("12月底前")
    {'text': '12月底前', 'canonical': '12月底前', 'kind': 'deadline', 'month': 12, 'day': None, 'year': None}
    """
    if read is None:
        read = parse_target(text, lenient=True, units=UNITS.get())
    return _target_data(read.target, text)


#: The keys of each kind of target beyond ``text``, ``canonical`` and ``kind``.
KIND_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "comparison": ("operator", "value", "unit", "dimension"),
    "range": ("low", "high", "low_inclusive", "high_inclusive"),
    "deadline": ("month", "day", "year"),
    "period": ("start", "end"),
    "qualitative": ("sentence",),
}
_TARGET_KEYS: Final = ("text", "canonical", "kind", *(k for ks in KIND_KEYS.values() for k in ks))


def _read_text(raw: object) -> LenientParse:
    text = field_text(load_text(raw))
    try:
        read = parse_target(text, lenient=True, units=UNITS.get())
        undeclared = read.undeclared_unit()
        if undeclared is not None:
            raise undeclared
    except ValueError as error:
        message = error.message if isinstance(error, TextError) else str(error)
        suggestion = error.suggestion if isinstance(error, TextError) else None
        raise DataProblem(
            f"指标值无法读取 (the target text cannot be read): {message}", suggestion
        ) from None
    return read


def load_target(value: object) -> LenientParse:
    """The reading of the target's text as written (its target and repairs); the other keys
    are checked against the text.

    >>> read = load_target({"text": "≥95%"})
    >>> read.target, read.text
    (Comparison('≥95%'), '≥95%')
    >>> try:
    ...     load_target({"text": "≥95%", "value": "96"})
    ... except DataProblem as problem:
    ...     print(problem.at, problem.message)
    ('value',) 与指标值文字不一致：“≥95%”的 value 是 "95" (disagrees with the target text, whose value is "95"), got "96"
    """
    given = as_object(value)
    problems = key_problems(given, _TARGET_KEYS, ("text",))
    if "text" not in given:
        _raise_all(problems)
    read, more = _gather([("text", lambda: _read_text(given["text"]))])
    if more:
        _raise_all(problems + more)
    reading: LenientParse = read["text"]
    target, text = reading.target, reading.text
    meaning = _target_data(target, text)
    for key in _TARGET_KEYS:
        if key == "text" or key not in given:
            continue
        if key not in meaning:
            problems.append(
                DataProblem(
                    f"“{text}”是 {meaning['kind']} 类指标值，不应有此键 "
                    f"(a {meaning['kind']} target has no {key!r})",
                    at=(key,),
                )
            )
            continue
        _, found = _gather([(key, partial(_agree, given[key], key, meaning))])
        problems += found
    if problems:
        _raise_all(problems)
    return reading


def _load_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise DataProblem(f"应为 true 或 false (expected true or false), got {_show(value)}")
    return value


#: Each key of a target's data read and written again, as the text's meaning has it (so
#: ``"5.00"`` agrees with ``"5"`` and ``百分比`` with ``%``, but ``1万`` is not ``10000``).
_NORMAL_FORMS: Final[dict[str, Callable[[object], object]]] = {
    **dict.fromkeys(("low", "high"), lambda value: dump_amount(load_amount(value))),
    **dict.fromkeys(("start", "end"), lambda value: dump_date(load_date(value))),
    "value": lambda value: _decimal_text(load_decimal(value)),
    "unit": lambda value: _unit_text(load_unit(value)),
    **_DATE_PARTS,
    **dict.fromkeys(("low_inclusive", "high_inclusive"), _load_bool),
}


def _check_word(value: object, key: str) -> object:
    """A key of a target written as a word: text (``operator`` may be null), from its list."""
    if not (isinstance(value, str) or (value is None and key == "operator")):
        raise wrong_type(value, TEXT_OR_NULL if key == "operator" else TEXT)
    if key == "kind" and value not in KIND_KEYS:
        raise DataProblem(f"未知的指标值类型 (unknown kind) {value!r}: {', '.join(KIND_KEYS)}")
    if key == "operator" and value is not None and value not in _OPERATORS:
        raise DataProblem(f"未知的比较符 (unknown operator) {value!r}: ≥ > ≤ < = or null")
    return value


def _agree(value: object, key: str, meaning: _Object) -> None:
    """Refuse ``value`` of ``key`` unless it says what the target text means."""
    read = _NORMAL_FORMS.get(key)
    if (read(value) if read is not None else _check_word(value, key)) != meaning[key]:
        text, wanted = meaning["text"], _show(meaning[key])
        raise DataProblem(
            f"与指标值文字不一致：“{text}”的 {key} 是 {wanted} "
            f"(disagrees with the target text, whose {key} is {wanted}), got {_show(value)}"
        )
