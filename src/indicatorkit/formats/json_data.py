"""JSON interchange: a :class:`~indicatorkit.model.records.Spec` as plain data, for other languages.

:func:`to_data` gives JSON-ready data (``str``, ``int``, ``bool``, ``None``, ``list``,
``dict`` only) and :func:`from_data` reads it back, checking everything; :func:`to_json` and
:func:`from_json` do the same through JSON text.  The records go through a
`cattrs <https://catt.rs>`_ converter (:func:`converter`): each record is an object with a key
per data field (:func:`data_fields`), in field order; the leaves are
:mod:`indicatorkit.formats.json_values`.  :func:`schema` is the JSON Schema (draft 2020-12) of
what :func:`to_data` produces, generated from the model (:mod:`~indicatorkit.formats.json_schema`)
and shipped as ``spec.schema.json``.

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

import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from indicatorkit.errors import ArgumentError
from indicatorkit.formats import json_values as values
from indicatorkit.formats.extras import require
from indicatorkit.formats.format import Format, Input
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.json_target import dump_target, load_target
from indicatorkit.formats.output import write_text
from indicatorkit.language.bounds import Direction
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.targets import AnyTarget
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.budget_columns import from_initial
from indicatorkit.model.fields import field_text
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
)
from indicatorkit.numerals import format_decimal
from indicatorkit.units import UnitRegistry

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "CODE",
    "JSON",
    "RECORDS",
    "converter",
    "data_fields",
    "from_data",
    "from_json",
    "nullable_inner",
    "schema",
    "to_data",
    "to_json",
]

#: The finding code of every problem :func:`from_data` reports.
CODE: Final = "IK050"

#: The model's records: each is an object of its :func:`data_fields`.
RECORDS: Final = (
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

#: Fields that are not data (``eq=False`` metadata): where a record was read, its comments,
#: the figures a published table printed beyond its rows, how a target's text was read.
_NOT_DATA: Final = frozenset({"where", "comments", "printed", "reading", "actual_reading"})

#: An indicator's target object holds the target's text as written beside what it means.
_CARRIED: Final = {(Indicator, "target_text")}

#: Keys :func:`from_data` lets data leave out (the field then takes its default): the spec's
#: units and the self-assessment fields, which data written before them does not have.
#: ``to_data`` always writes them.
MAY_BE_LEFT_OUT: Final[dict[type, frozenset[str]]] = {
    Spec: frozenset({"units", "rules"}),
    Project: frozenset(
        {"executed", "adjusted_budget", "spent", "budget_reason"}
        | {"fund_sources", "goal_outcome"}
        | {"budget_weight", "weight_total"}
        | {"conclusion", "problems", "improvements"}
    ),
    Indicator: frozenset({"actual", "evaluator_score", "reason", "not_applicable"}),
}

#: Numbers ≥ 0 (Fractions in the model) named otherwise than 分值, by field name.
_NUMBER_WORDS: Final = {"evaluator_score": ("自评得分", "evaluator score")}


def data_fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of record ``cls`` that are keys of its JSON object, in order.

    >>> [field.name for field in data_fields(Budget)]
    ['total', 'fiscal', 'other']
    """
    return tuple(
        field
        for field in attrs.fields(cls)
        if field.init and field.name not in _NOT_DATA and (cls, field.name) not in _CARRIED
    )


def _minimum(field: attrs.Attribute[Any]) -> int | None:
    """The bound of an ``attrs.validators.ge`` on ``field`` (checked at the field, where the
    model would name only the record)."""
    validator = field.validator
    if getattr(validator, "compare_op", None) == ">=":
        bound = getattr(validator, "bound", None)
        return bound if isinstance(bound, int) else None
    return None


def nullable_inner(kind: Any) -> Any:
    """``X`` for a field type ``X | None``, else ``None``.

    >>> nullable_inner(int | None), nullable_inner(int)
    (<class 'int'>, None)
    """
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (types.UnionType, typing.Union) and type(None) in args:
        (inner,) = (arg for arg in args if arg is not type(None))
        return inner
    return None


def _is_array(kind: Any) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


# ---------------------------------------------------------------------------------------------
# The converter


def _field_hook(converter: cattrs.Converter, field: attrs.Attribute[Any], kind: Any) -> Any:
    """Read one field as its type says, then run what the model does to that field alone (its
    converter, a ``ge`` bound), so that a refusal is reported at the field."""
    words = _NUMBER_WORDS.get(field.name)
    inner: Callable[[Any, Any], Any] = (
        (lambda value, _: None if value is None else values.load_weight(value, words))
        if words is not None
        else converter.get_structure_hook(kind)
    )
    bound = _minimum(field)
    check = field.converter if callable(field.converter) else None

    def structure(value: object, kind: Any) -> Any:
        result = inner(value, kind)
        if bound is not None and result < bound:
            raise values.DataProblem(f"不能小于 {bound} (must be ≥ {bound})")
        if check is not None:
            check(result)
        return result

    return structure


@attrs.frozen
class _Read:
    """An indicator's target object, read once before its fields are (``target``,
    ``target_text`` and ``reading`` all come from it)."""

    reading: LenientParse


def _target(value: object, _: object) -> AnyTarget:
    return (value.reading if isinstance(value, _Read) else load_target(value)).target


def _target_text(value: object, _: object) -> str:
    """An indicator's ``target_text``: the text of its target object (problems with it are the
    target's, reported once, there)."""
    if isinstance(value, _Read):
        return value.reading.text
    text = value.get("text") if isinstance(value, dict) else None
    return field_text(text) if isinstance(text, str) else ""


def _read_once(given: dict[str, object]) -> dict[str, object]:
    """An indicator's object with its target read (``_Read``), or as given when the target
    cannot be read: its field then reports the problems, located."""
    try:
        return {**given, "target": _Read(load_target(given["target"]))}
    except (values.DataProblem, ExceptionGroup):
        return given


def _record_structure(cls: type, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    """Read record ``cls``: an object with every data field's key (or those it may leave out)
    and no other, each field read by the converter; every problem is gathered."""
    from cattrs.errors import ClassValidationError
    from cattrs.gen import make_dict_structure_fn, override

    fields = data_fields(cls)
    keys = tuple(field.name for field in fields)
    required = [key for key in keys if key not in MAY_BE_LEFT_OUT.get(cls, ())]
    hints = typing.get_type_hints(cls)
    overrides = {name: override(omit=True) for name in _NOT_DATA if name in attrs.fields_dict(cls)}
    for field in fields:
        overrides[field.name] = override(
            struct_hook=_field_hook(converter, field, hints[field.name])
        )
    if cls is Indicator:
        overrides["target"] = override(struct_hook=_target)
        overrides["target_text"] = override(rename="target", struct_hook=_target_text)
        overrides["reading"] = override(
            rename="target", struct_hook=lambda value, _: getattr(value, "reading", None)
        )
    base: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls,
        converter,
        **overrides,  # type: ignore[arg-type]  # the fields' overrides
    )

    amount = hints.get("adjusted_budget")
    money = converter.get_structure_hook(amount) if cls is Project else None

    def structure(value: object, _: Any) -> Any:
        given = values.as_object(value)
        if money is not None and "initial_budget" in given:  # an older file's 年初预算数
            rest = {key: item for key, item in given.items() if key != "initial_budget"}
            project = structure(rest, cls)
            budget, adjusted = from_initial(
                project.budget, project.adjusted_budget, money(given["initial_budget"], amount)
            )
            return attrs.evolve(project, budget=budget, adjusted_budget=adjusted)
        problems: list[Exception] = list(values.key_problems(given, keys, required))
        if not problems:
            return base(_read_once(given) if cls is Indicator else given, cls)
        try:
            base({key: given[key] for key in keys if key in given}, cls)
        except ClassValidationError as error:
            located, _ = error.group_exceptions()
            problems += [inner for inner, _ in located if not isinstance(inner, KeyError)]
        raise ClassValidationError(f"While structuring {cls.__name__}", problems, cls)

    return structure


def _record_unstructure(cls: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    from cattrs.gen import make_dict_unstructure_fn, override

    overrides = {
        field.name: override(omit=True)
        for field in attrs.fields(cls)
        if field.name in _NOT_DATA or (cls, field.name) in _CARRIED
    }
    if cls is not Indicator:
        return make_dict_unstructure_fn(cls, converter, **overrides)  # type: ignore[arg-type]
    overrides["target"] = override(unstruct_hook=lambda target: None)  # written below
    base = make_dict_unstructure_fn(cls, converter, **overrides)  # type: ignore[arg-type]

    def unstructure(indicator: Indicator) -> dict[str, Any]:
        data = base(indicator)
        read = indicator.read_target(values.UNITS.get())  # the reading kept, if any
        data["target"] = dump_target(indicator.target_text, read)
        return data

    return unstructure


def _array_structure(kind: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    from cattrs.cols import homogenous_tuple_structure_factory

    items = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: object, kind: Any) -> Any:
        if not isinstance(value, list):
            raise values.wrong_type(value, values.ARRAY)
        return items(value, kind)

    return structure


def _optional_structure(kind: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    inner = nullable_inner(kind)
    if inner is str:  # "a string or null"
        return lambda value, _: (
            None if value is None else values.load_text(value, values.TEXT_OR_NULL)
        )
    if inner is int:
        return lambda value, _: (
            None if value is None else values.load_integer(value, values.INTEGER_OR_NULL)
        )
    hook = converter.get_structure_hook(inner)
    return lambda value, _: None if value is None else hook(value, inner)


@cache
def converter() -> cattrs.Converter:
    """The cattrs converter between the model and its JSON data (built once, when first used:
    importing the module does not import cattrs).  Without the ``json`` extra,
    :class:`~indicatorkit.formats.extras.MissingExtraError` (``pip install 'indicatorkit[json]'``).

    >>> converter().unstructure(Budget(Amount(2, values.units.unit("万元"))))
    {'total': {'value': '2', 'unit': '万元'}, 'fiscal': None, 'other': None}
    """
    require("cattrs", "json")
    import cattrs
    from cattrs.cols import iterable_unstructure_factory

    made = cattrs.Converter(detailed_validation=True)
    leaves: dict[type, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
        str: (values.load_text, str),
        int: (values.load_integer, int),
        Fraction: (values.load_weight, format_decimal),
        Direction: (values.load_direction, lambda direction: direction.value),
        Amount: (values.load_amount, values.dump_amount),
        DatePoint: (values.load_date, values.dump_date),
        # a spec's units: read first (from_data), written as the lines that define them
        UnitRegistry: (lambda _: values.UNITS.get(), lambda units: list(units.definitions)),
    }
    for kind, (load, dump) in leaves.items():
        made.register_structure_hook(kind, partial(_leaf, load))
        made.register_unstructure_hook(kind, dump)
    made.register_structure_hook_factory(
        lambda kind: nullable_inner(kind) is not None, _optional_structure
    )
    made.register_structure_hook_factory(_is_array, _array_structure)
    made.register_unstructure_hook_factory(
        _is_array, lambda kind, made: iterable_unstructure_factory(kind, made, unstructure_to=list)
    )
    made.register_structure_hook_factory(lambda kind: kind in RECORDS, _record_structure)
    made.register_unstructure_hook_factory(lambda kind: kind in RECORDS, _record_unstructure)
    return made


def _leaf(load: Callable[[Any], Any], value: object, _: Any) -> Any:
    return load(value)


# ---------------------------------------------------------------------------------------------
# Problems as findings


def _step(error: BaseException) -> str | int | None:
    """The key or index of the field or item ``error`` was raised for, from cattrs' notes."""
    from cattrs.errors import AttributeValidationNote, IterableValidationNote

    for note in reversed(getattr(error, "__notes__", ())):
        if isinstance(note, AttributeValidationNote):
            return note.name
        if isinstance(note, IterableValidationNote):
            return note.index
    return None


def _findings(error: BaseException, path: str) -> Iterator[Finding]:
    """One ``IK050`` finding per problem below ``error``, its message led by its JSON path."""
    if isinstance(error, values.DataProblem):
        for step in error.at:
            path = values.child(path, step)
        yield Finding(
            CODE, Severity.ERROR, f"{path}: {error.message}", 0, suggestion=error.suggestion
        )
    elif isinstance(error, ExceptionGroup):
        for inner in error.exceptions:
            at = _step(inner)
            yield from _findings(inner, path if at is None else values.child(path, at))
    elif isinstance(error, (ValueError, TypeError)):  # the model's refusal of a record
        yield Finding(CODE, Severity.ERROR, f"{path}: {error}", 0)
    else:
        raise error


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
     'executed': None, 'adjusted_budget': None, 'fund_sources': [],
     'goal_outcome': '', 'spent': None, 'budget_reason': '', 'budget_weight': None,
     'weight_total': None, 'conclusion': '', 'problems': '', 'improvements': ''}],
     'units': None, 'rules': None}
    """
    token = values.UNITS.set(spec.units)
    try:
        data: dict[str, Any] = converter().unstructure(spec, Spec)
    finally:
        values.UNITS.reset(token)
    return data


def from_data(data: object) -> Spec:
    """The spec that ``data`` (as :func:`to_data` gives it) describes.

    Everything is checked; every problem found is reported at once in a
    :class:`~indicatorkit.model.findings.SpecError` of ``IK050`` findings whose messages begin
    with the JSON path (``$.projects[2].indicators[0].target.text``).  Data has no lines:
    their line is 0, as for lint findings about a spec built in code.  A target needs only
    its ``text``; any other key it has must agree with what the text means.  ``units`` (the
    spec's unit definitions) may be left out: it is then null, the default registry; so may
    the keys of :data:`MAY_BE_LEFT_OUT`, written by ``to_data`` since specs carry actuals
    (``rules``; a project's ``executed`` …; an indicator's ``actual``, ``evaluator_score``,
    ``reason``, ``not_applicable``): they take their defaults.

    >>> spec = from_data({"department": None, "projects": [{
    ...     "number": 1, "name": "法律援助", "code": "", "unit": "", "budget": None,
    ...     "purpose": "", "plan": None, "goal": "", "withheld": None, "indicators": [{
    ...         "level1": "产出指标", "level2": "数量指标", "name": "受理数",
    ...         "target": {"text": ",=100"}, "description": "", "basis": "",
    ...         "weight": "10", "direction": "正向"}]}]})
    >>> spec.projects[0].indicators[0].target
    Comparison('=100')
    """
    findings: list[Finding] = []
    registry = None
    if isinstance(data, dict) and "units" in data:
        try:
            registry = values.load_units(data["units"])
        except values.DataProblem as problem:
            findings += _findings(problem, "$.units")
    token = values.UNITS.set(registry)
    try:
        spec = converter().structure(data, Spec)
    except Exception as error:
        findings += _findings(error, "$")
    finally:
        values.UNITS.reset(token)
    if findings:
        raise SpecError(findings)
    return spec


# ---------------------------------------------------------------------------------------------
# JSON text and the schema


def to_json(spec: Spec, *, indent: int | None = 2) -> str:
    """``to_data(spec)`` as JSON text; Chinese stays Chinese (``ensure_ascii=False``).

    >>> from indicatorkit import Spec
    >>> print(to_json(Spec(), indent=None))
    {"department": null, "projects": [], "units": null, "rules": null}
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("to_json", "spec", "Spec", spec, "indicatorkit.load(path)")
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
    if not isinstance(text, str | bytes | bytearray):
        raise ArgumentError("from_json", "text", "str | bytes", text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        lines = error.doc.splitlines() or [""]
        source = lines[error.lineno - 1] if error.lineno <= len(lines) else ""
        message = f"JSON 无法读取 (not valid JSON): {error.msg}"
        finding = Finding(
            CODE, Severity.ERROR, message, error.lineno, error.colno, source_line=source
        )
        raise SpecError([finding]) from None
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

    It is :func:`indicatorkit.formats.json_schema.spec_schema`, generated from the model and
    shipped (a test keeps the two equal).

    >>> schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    loaded: dict[str, Any] = json.loads(_schema_text())
    return loaded


# --- the format ---------------------------------------------------------------------------------


def _read(given: Input) -> Imported:
    try:
        return Imported(from_json(given.text), (), given.source)
    except SpecError as error:
        findings = tuple(attrs.evolve(f, file=given.source) for f in error.findings)
        return Imported(None, findings, given.source)


def _write(spec: Spec, path: Path, inputs: Iterable[str | Path]) -> None:
    write_text(path, to_json(spec) + "\n", inputs=inputs)


JSON: Final = Format(
    "json",
    "JSON 数据 / JSON data",
    (".json",),
    sniff=lambda probe: probe.text is not None and probe.text.lstrip().startswith(("{", "[")),
    read=_read,
    write=_write,
    text=True,
    may_be_empty=True,
)
