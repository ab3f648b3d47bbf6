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
from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any, Final, TypeAlias, TypeVar

from indicatorkit import units
from indicatorkit.errors import InvalidValueError, TextError
from indicatorkit.language.bounds import Direction
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import AnyTarget, Comparison, Deadline, Range
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Department,
    DepartmentGoal,
    Indicator,
    MeasureGroup,
    Programme,
    Project,
    Spec,
    SpendingPlan,
    field_text,
)
from indicatorkit.numerals import format_decimal, is_terminating
from indicatorkit.units import Unit
from indicatorkit.vocabulary import Operator

__all__ = ["CODE", "from_data", "from_json", "schema", "to_data", "to_json"]

#: A JSON value as our data has it (never a float).
_JSON: TypeAlias = "str | int | bool | list[_JSON] | dict[str, _JSON] | None"
_Object: TypeAlias = dict[str, _JSON]

#: The finding code of every problem :func:`from_data` reports.
CODE: Final = "IK050"

_DIRECTIONS: Final = {Direction.HIGHER: "正向", Direction.LOWER: "反向"}
_OPERATORS: Final = {operator.value: operator for operator in Operator}


# ---------------------------------------------------------------------------------------------
# Units and numbers


def _unit_of(symbol: str) -> Unit | None:
    """The unit a symbol names (:func:`indicatorkit.units.unit_of_text`), or ``None``."""
    try:
        return units.unit_of_text(symbol)
    except KeyError:
        return None


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


_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_WEIGHT = re.compile(r"[0-9]+(?:\.[0-9]+)?|[0-9]+/[0-9]*[1-9][0-9]*")


def _fraction(text: object, pattern: re.Pattern[str]) -> Fraction | None:
    """The number ``text`` writes in ``pattern``, or ``None`` (also for more digits than
    Python converts: ``sys.get_int_max_str_digits()``)."""
    if not isinstance(text, str) or not pattern.fullmatch(text):
        return None
    try:
        return Fraction(text)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Spec → data: one function per record


def to_data(spec: Spec) -> dict[str, Any]:
    """``spec`` as plain JSON-ready data (see the module docstring for the shape).

    Raises :class:`~indicatorkit.errors.InvalidValueError` for what the data cannot hold: an
    amount whose value is not a finite decimal (``1/3元``), or a hand-made unit that no unit
    word names.

    >>> from indicatorkit import Spec, Project
    >>> to_data(Spec(projects=[Project(6, "办公楼维修", withheld="涉密")]))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'department': None, 'projects': [{'number': 6, 'name': '办公楼维修', 'code': '', 'unit': '',
     'budget': None, 'purpose': '', 'plan': None, 'goal': '', 'indicators': [], 'withheld': '涉密'}]}
    """
    return {
        "department": None if spec.department is None else _department_data(spec.department),
        "projects": [_project_data(project) for project in spec.projects],
    }


def _amount_data(amount: Amount) -> _Object:
    return {"value": _decimal_text(amount.value), "unit": _unit_text(amount.unit)}


def _date_data(point: DatePoint) -> _Object:
    return {"month": point.month, "day": point.day, "year": point.year}


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
            "low": _amount_data(target.low),
            "high": _amount_data(target.high),
        }
    if isinstance(target, Deadline):
        return {**head, "kind": "deadline", **_date_data(target.by)}
    return {**head, "kind": "qualitative", "sentence": target.text}


def _indicator_data(indicator: Indicator) -> _Object:
    # The target as its text reads: the model holds the two equal only in meaning (a target
    # built as 50000元 may carry the text "5万元"), and from_data reads the text.
    text = indicator.target_text
    target = parse_target(text, lenient=True).target
    weight = indicator.weight
    direction = indicator.direction
    return {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "name": indicator.name,
        "target": _target_data(target, text),
        "description": indicator.description,
        "basis": indicator.basis,
        "weight": None if weight is None else format_decimal(weight),
        "direction": None if direction is None else _DIRECTIONS[direction],
    }


def _checkpoint_data(checkpoint: Checkpoint) -> _Object:
    return {"by": _date_data(checkpoint.by), "share": _amount_data(checkpoint.share)}


def _plan_data(plan: SpendingPlan | None) -> _Object | None:
    if plan is None:
        return None
    return {"checkpoints": [_checkpoint_data(point) for point in plan.checkpoints]}


def _budget_data(budget: Budget | None) -> _Object | None:
    if budget is None:
        return None
    return {
        "total": _amount_data(budget.total),
        "fiscal": None if budget.fiscal is None else _amount_data(budget.fiscal),
        "other": None if budget.other is None else _amount_data(budget.other),
    }


def _project_data(project: Project) -> _Object:
    return {
        "number": project.number,
        "name": project.name,
        "code": project.code,
        "unit": project.unit,
        "budget": _budget_data(project.budget),
        "purpose": project.purpose,
        "plan": _plan_data(project.plan),
        "goal": project.goal,
        "indicators": [_indicator_data(indicator) for indicator in project.indicators],
        "withheld": project.withheld,
    }


def _goal_data(goal: DepartmentGoal) -> _Object:
    return {
        "number": goal.number,
        "text": goal.text,
        "figures": [_amount_data(figure) for figure in goal.figures],
    }


def _programme_data(programme: Programme) -> _Object:
    return {
        "name": programme.name,
        "goal": programme.goal,
        "summary": programme.summary,
        "plan": _plan_data(programme.plan),
        "indicators": [_indicator_data(indicator) for indicator in programme.indicators],
    }


def _measures_data(group: MeasureGroup) -> _Object:
    return {"title": group.title, "items": list(group.items)}


def _department_data(department: Department) -> _Object:
    return {
        "code": department.code,
        "name": department.name,
        "year": department.year,
        "overall_goal": department.overall_goal,
        "goals": [_goal_data(goal) for goal in department.goals],
        "programmes": [_programme_data(programme) for programme in department.programmes],
        "measures": [_measures_data(group) for group in department.measures],
    }


# ---------------------------------------------------------------------------------------------
# Reading data: the reader collects findings, fields fall back to a harmless value


_T = TypeVar("_T")
_MISSING: Final = object()
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _child(path: str, key: object) -> str:
    if isinstance(key, str) and _NAME.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False, default=repr)}]"


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


class _Reader:
    """Collects one ``IK050`` finding per problem, its message led by the JSON path."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

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

    def fields(
        self,
        value: object,
        path: str,
        keys: Sequence[str],
        required: Sequence[str] | None = None,
    ) -> _Fields | None:
        """The object at ``path``: every key in ``keys`` (or in ``required``) must be there,
        and no other."""
        if not isinstance(value, dict):
            self.wrong_type(path, value, _OBJECT)
            return None
        for key in value:
            if not isinstance(key, str):
                self.problem(path, f"键必须是文字 (keys are strings): {key!r}")
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
        return _Fields(self, value, path)

    def build(self, path: str, make: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
        """``make(*args, **kwargs)``, turning a refusal of the model into a finding."""
        try:
            return make(*args, **kwargs)
        except (ValueError, TypeError) as error:
            self.problem(path, str(error))
            return None


class _Fields:
    """The keys of one JSON object, read with their types checked.

    A missing key was reported by :meth:`_Reader.fields`; a reader given a missing or wrong
    value reports it (once) and returns a harmless value, so the caller reads on and finds
    every problem — then builds nothing when the reader's count went up.
    """

    def __init__(self, reader: _Reader, data: dict[Any, object], path: str) -> None:
        self.reader = reader
        self.data = data
        self.path = path

    def at(self, key: str) -> str:
        return _child(self.path, key)

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str) -> object:
        return self.data.get(key, _MISSING)

    def text(self, key: str, *, one_line: bool = False) -> str:
        value = self.raw(key)
        if value is _MISSING:
            return ""
        if not isinstance(value, str):
            self.reader.wrong_type(self.at(key), value, _TEXT)
            return ""
        if one_line and ("\n" in value.strip() or "\r" in value.strip()):
            self.reader.problem(self.at(key), "这里只能写一行 (one line only)")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.raw(key)
        if value is None or value is _MISSING:
            return None
        if not isinstance(value, str):
            self.reader.wrong_type(self.at(key), value, _TEXT_OR_NULL)
            return None
        return value

    def integer(self, key: str, *, minimum: int | None = None) -> int:
        value = self.raw(key)
        if value is _MISSING:
            return 0
        if not isinstance(value, int) or isinstance(value, bool):
            self.reader.wrong_type(self.at(key), value, _INTEGER)
            return 0
        if minimum is not None and value < minimum:
            self.reader.problem(self.at(key), f"不能小于 {minimum} (must be ≥ {minimum})")
        return value

    def optional_integer(self, key: str) -> int | None:
        value = self.raw(key)
        if value is None or value is _MISSING:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.reader.wrong_type(self.at(key), value, _INTEGER_OR_NULL)
            return None
        return value

    def texts(self, key: str) -> list[str]:
        found: list[str] = []
        for item, path in self._items(key):
            if isinstance(item, str):
                found.append(item)
            else:
                self.reader.wrong_type(path, item, _TEXT)
        return found

    def record(self, key: str, read: Callable[[_Reader, object, str], _T | None]) -> _T | None:
        value = self.raw(key)
        return None if value is _MISSING else read(self.reader, value, self.at(key))

    def optional_record(
        self, key: str, read: Callable[[_Reader, object, str], _T | None]
    ) -> _T | None:
        value = self.raw(key)
        if value is None or value is _MISSING:
            return None
        return read(self.reader, value, self.at(key))

    def records(self, key: str, read: Callable[[_Reader, object, str], _T | None]) -> list[_T]:
        found = [read(self.reader, item, path) for item, path in self._items(key)]
        return [item for item in found if item is not None]

    def _items(self, key: str) -> list[tuple[object, str]]:
        value = self.raw(key)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            self.reader.wrong_type(self.at(key), value, _ARRAY)
            return []
        return [(item, f"{self.at(key)}[{index}]") for index, item in enumerate(value)]

    def decimal(self, key: str) -> Fraction | None:
        value = self.raw(key)
        if value is _MISSING:
            return None
        number = _fraction(value, _DECIMAL)
        if number is not None:
            return number
        if isinstance(value, str):
            self.reader.problem(
                self.at(key),
                f"数字写法无效 (bad number text): {json.dumps(value, ensure_ascii=False)}",
                '写作十进制数字的文字，如 "1616387.84" / a decimal string such as "1616387.84"',
            )
        else:
            self.reader.wrong_type(self.at(key), value, ("数字文字", "a decimal string"))
        return None

    def unit(self, key: str) -> Unit | None:
        value = self.raw(key)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            self.reader.wrong_type(self.at(key), value, _TEXT)
            return None
        unit = _unit_of(value)
        if unit is None:
            near = units.nearest_units(value) if value.strip() else ()
            self.reader.problem(
                self.at(key),
                f"未知单位 (unknown unit): {json.dumps(value, ensure_ascii=False)}",
                f"是否想写 / did you mean: {'、'.join(near)}" if near else None,
            )
        return unit

    def weight(self, key: str) -> Fraction | None:
        value = self.raw(key)
        if value is None or value is _MISSING:
            return None
        number = _fraction(value, _WEIGHT)
        if number is not None:
            return number
        if isinstance(value, str):
            self.reader.problem(
                self.at(key),
                f"分值应为非负数 (weight must be a number ≥ 0): {json.dumps(value, ensure_ascii=False)}",
                '写作 "10"、"2.5" 或 "1/3" / write "10", "2.5" or "1/3"',
            )
        else:
            self.reader.wrong_type(
                self.at(key), value, ('分值文字，如 "10"', 'a string such as "10"')
            )
        return None

    def direction(self, key: str) -> Direction | None:
        value = self.raw(key)
        if value is None or value is _MISSING:
            return None
        for direction, word in _DIRECTIONS.items():
            if value == word:
                return direction
        self.reader.problem(
            self.at(key),
            f"方向应为“正向”、“反向”或 null (direction is 正向, 反向 or null), "
            f"got {json.dumps(value, ensure_ascii=False, default=repr)}",
        )
        return None


# ---------------------------------------------------------------------------------------------
# Data → spec: one function per record


def from_data(data: object) -> Spec:
    """The spec that ``data`` (as :func:`to_data` gives it) describes.

    Everything is checked; every problem found is reported at once in a
    :class:`~indicatorkit.model.findings.SpecError` of ``IK050`` findings whose messages begin
    with the JSON path (``$.projects[2].indicators[0].target.text``).  Data has no lines:
    their line is 0, as for lint findings about a spec built in code.  A target needs only
    its ``text``; any other key it has must agree with what the text means.

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
    spec = _spec(reader, data, "$")
    if reader.findings or spec is None:
        raise SpecError(reader.findings)
    return spec


def _spec(r: _Reader, value: object, path: str) -> Spec | None:
    start = r.count()
    fields = r.fields(value, path, ("department", "projects"))
    if fields is None:
        return None
    department = fields.optional_record("department", _department)
    projects = fields.records("projects", _project)
    if r.failed(start):
        return None
    return r.build(path, Spec, department, projects)


def _amount(r: _Reader, value: object, path: str) -> Amount | None:
    start = r.count()
    fields = r.fields(value, path, ("value", "unit"))
    if fields is None:
        return None
    number = fields.decimal("value")
    unit = fields.unit("unit")
    if r.failed(start) or number is None or unit is None:
        return None
    return r.build(path, Amount, number, unit)


def _date(r: _Reader, value: object, path: str) -> DatePoint | None:
    start = r.count()
    fields = r.fields(value, path, ("month", "day", "year"))
    if fields is None:
        return None
    month = fields.integer("month")
    day = fields.optional_integer("day")
    year = fields.optional_integer("year")
    if r.failed(start):
        return None
    return r.build(path, DatePoint, month, day, year)


_KIND_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "comparison": ("operator", "value", "unit", "dimension"),
    "range": ("low", "high"),
    "deadline": ("month", "day", "year"),
    "qualitative": ("sentence",),
}
_TARGET_KEYS: Final = ("text", "canonical", "kind", *(k for ks in _KIND_KEYS.values() for k in ks))


def _target(r: _Reader, value: object, path: str) -> tuple[AnyTarget, str] | None:
    """The target and its text as written; the other keys are checked against the text."""
    fields = r.fields(value, path, _TARGET_KEYS, required=("text",))
    if fields is None or not fields.has("text"):
        return None
    raw = fields.raw("text")
    if not isinstance(raw, str):
        r.wrong_type(fields.at("text"), raw, _TEXT)
        return None
    text = field_text(raw)
    try:
        target = parse_target(text, lenient=True).target
    except ValueError as error:
        message = error.message if isinstance(error, TextError) else str(error)
        suggestion = error.suggestion if isinstance(error, TextError) else None
        r.problem(
            fields.at("text"),
            f"指标值无法读取 (the target text cannot be read): {message}",
            suggestion,
        )
        return None
    meaning = _target_data(target, text)
    for key in _TARGET_KEYS:
        if key == "text" or not fields.has(key):
            continue
        if key not in meaning:
            r.problem(
                fields.at(key),
                f"“{text}”是 {meaning['kind']} 类指标值，不应有此键 "
                f"(a {meaning['kind']} target has no {key!r})",
            )
        else:
            _agree(r, fields, key, target, meaning)
    return target, text


def _agree(r: _Reader, fields: _Fields, key: str, target: AnyTarget, meaning: _Object) -> None:
    """Report ``key`` of a target's data unless it says what the target text means."""
    value = fields.raw(key)
    same: bool
    if key in ("low", "high"):
        assert isinstance(target, Range)
        given = _amount(r, value, fields.at(key))
        if given is None:
            return
        wanted = target.low if key == "low" else target.high
        same = given.value == wanted.value and given.unit == wanted.unit
    elif key == "value":
        assert isinstance(target, Comparison)
        number = fields.decimal(key)
        if number is None:
            return
        same = number == target.amount.value
    elif key == "unit":
        assert isinstance(target, Comparison)
        unit = fields.unit(key)
        if unit is None:
            return
        same = unit == target.amount.unit
    elif key in ("month", "day", "year"):
        if not (_is_int(value) or (value is None and key != "month")):
            r.wrong_type(fields.at(key), value, _INTEGER if key == "month" else _INTEGER_OR_NULL)
            return
        same = value == meaning[key]
    else:
        if not (isinstance(value, str) or (value is None and key == "operator")):
            r.wrong_type(fields.at(key), value, _TEXT_OR_NULL if key == "operator" else _TEXT)
            return
        if key == "kind" and value not in _KIND_KEYS:
            r.problem(
                fields.at(key),
                f"未知的指标值类型 (unknown kind) {value!r}: {', '.join(_KIND_KEYS)}",
            )
            return
        if key == "operator" and value is not None and value not in _OPERATORS:
            r.problem(
                fields.at(key), f"未知的比较符 (unknown operator) {value!r}: ≥ > ≤ < = or null"
            )
            return
        same = value == meaning[key]
    if not same:
        text = meaning["text"]
        wanted_json = json.dumps(meaning[key], ensure_ascii=False)
        given_json = json.dumps(value, ensure_ascii=False, default=repr)
        r.problem(
            fields.at(key),
            f"与指标值文字不一致：“{text}”的 {key} 是 {wanted_json} "
            f"(disagrees with the target text, whose {key} is {wanted_json}), got {given_json}",
        )


_INDICATOR_KEYS: Final = (
    "level1",
    "level2",
    "name",
    "target",
    "description",
    "basis",
    "weight",
    "direction",
)


def _indicator(r: _Reader, value: object, path: str) -> Indicator | None:
    start = r.count()
    fields = r.fields(value, path, _INDICATOR_KEYS)
    if fields is None:
        return None
    level1 = fields.text("level1", one_line=True)
    level2 = fields.text("level2", one_line=True)
    name = fields.text("name", one_line=True)
    target = fields.record("target", _target)
    description = fields.text("description")
    basis = fields.text("basis")
    weight = fields.weight("weight")
    direction = fields.direction("direction")
    if r.failed(start) or target is None:
        return None
    return r.build(
        path,
        Indicator,
        level1,
        level2,
        name,
        target[0],
        target_text=target[1],
        description=description,
        basis=basis,
        weight=weight,
        direction=direction,
    )


def _checkpoint(r: _Reader, value: object, path: str) -> Checkpoint | None:
    start = r.count()
    fields = r.fields(value, path, ("by", "share"))
    if fields is None:
        return None
    by = fields.record("by", _date)
    share = fields.record("share", _amount)
    if r.failed(start) or by is None or share is None:
        return None
    return r.build(path, Checkpoint, by, share)


def _plan(r: _Reader, value: object, path: str) -> SpendingPlan | None:
    start = r.count()
    fields = r.fields(value, path, ("checkpoints",))
    if fields is None:
        return None
    checkpoints = fields.records("checkpoints", _checkpoint)
    if r.failed(start):
        return None
    return r.build(path, SpendingPlan, checkpoints)


def _budget(r: _Reader, value: object, path: str) -> Budget | None:
    start = r.count()
    fields = r.fields(value, path, ("total", "fiscal", "other"))
    if fields is None:
        return None
    total = fields.record("total", _amount)
    fiscal = fields.optional_record("fiscal", _amount)
    other = fields.optional_record("other", _amount)
    if r.failed(start) or total is None:
        return None
    return r.build(path, Budget, total, fiscal, other)


_PROJECT_KEYS: Final = (
    "number",
    "name",
    "code",
    "unit",
    "budget",
    "purpose",
    "plan",
    "goal",
    "indicators",
    "withheld",
)


def _project(r: _Reader, value: object, path: str) -> Project | None:
    start = r.count()
    fields = r.fields(value, path, _PROJECT_KEYS)
    if fields is None:
        return None
    number = fields.integer("number", minimum=0)
    name = fields.text("name", one_line=True)
    code = fields.text("code", one_line=True)
    unit = fields.text("unit", one_line=True)
    budget = fields.optional_record("budget", _budget)
    purpose = fields.text("purpose")
    plan = fields.optional_record("plan", _plan)
    goal = fields.text("goal")
    indicators = fields.records("indicators", _indicator)
    withheld = fields.optional_text("withheld")
    if r.failed(start):
        return None
    return r.build(
        path,
        Project,
        number,
        name,
        code,
        unit,
        budget,
        purpose,
        plan,
        goal,
        indicators,
        withheld,
    )


def _goal(r: _Reader, value: object, path: str) -> DepartmentGoal | None:
    start = r.count()
    fields = r.fields(value, path, ("number", "text", "figures"))
    if fields is None:
        return None
    number = fields.optional_integer("number")
    text = fields.text("text")
    figures = fields.records("figures", _amount)
    if r.failed(start):
        return None
    return r.build(path, DepartmentGoal, number, text, figures)


def _programme(r: _Reader, value: object, path: str) -> Programme | None:
    start = r.count()
    fields = r.fields(value, path, ("name", "goal", "summary", "plan", "indicators"))
    if fields is None:
        return None
    name = fields.text("name", one_line=True)
    goal = fields.text("goal")
    summary = fields.text("summary")
    plan = fields.optional_record("plan", _plan)
    indicators = fields.records("indicators", _indicator)
    if r.failed(start):
        return None
    return r.build(path, Programme, name, goal, summary, plan, indicators)


def _measures(r: _Reader, value: object, path: str) -> MeasureGroup | None:
    start = r.count()
    fields = r.fields(value, path, ("title", "items"))
    if fields is None:
        return None
    title = fields.text("title", one_line=True)
    items = fields.texts("items")
    if r.failed(start):
        return None
    return r.build(path, MeasureGroup, title, items)


_DEPARTMENT_KEYS: Final = (
    "code",
    "name",
    "year",
    "overall_goal",
    "goals",
    "programmes",
    "measures",
)


def _department(r: _Reader, value: object, path: str) -> Department | None:
    start = r.count()
    fields = r.fields(value, path, _DEPARTMENT_KEYS)
    if fields is None:
        return None
    code = fields.text("code", one_line=True)
    name = fields.text("name", one_line=True)
    year = fields.optional_integer("year")
    overall_goal = fields.text("overall_goal")
    goals = fields.records("goals", _goal)
    programmes = fields.records("programmes", _programme)
    measures = fields.records("measures", _measures)
    if r.failed(start):
        return None
    return r.build(
        path,
        Department,
        code,
        name,
        year,
        overall_goal=overall_goal,
        goals=goals,
        programmes=programmes,
        measures=measures,
    )


# ---------------------------------------------------------------------------------------------
# JSON text and the schema


def to_json(spec: Spec, *, indent: int | None = 2) -> str:
    """``to_data(spec)`` as JSON text; Chinese stays Chinese (``ensure_ascii=False``).

    >>> from indicatorkit import Spec
    >>> print(to_json(Spec(), indent=None))
    {"department": null, "projects": []}
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
