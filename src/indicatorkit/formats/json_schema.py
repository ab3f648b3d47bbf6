"""The JSON Schema (draft 2020-12) of :func:`~indicatorkit.formats.json_data.to_data`, generated
from the model: :func:`spec_schema` walks the attrs records from :class:`Spec` down, one object
per record with a property per data field, typed as the field's annotation, converter and
validators say.  The leaves' formats (a decimal string, a unit symbol, a target object of
each kind) are declared here once, beside what the records cannot say themselves (the
descriptions, the patterns of hand-written validators).

The package ships the result as ``spec.schema.json`` (a test keeps the file equal to
:func:`spec_schema`); ``python -m indicatorkit.formats.json_schema`` writes it again after a
change to the model.

>>> root = spec_schema()
>>> root["required"]
['department', 'projects', 'units', 'rules']
>>> root["$defs"]["budget"]["properties"]["fiscal"]
{'oneOf': [{'type': 'null'}, {'$ref': '#/$defs/amount'}]}
"""

from __future__ import annotations

import enum
import json
import re
import typing
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import attrs

from indicatorkit.formats.json_data import RECORDS, data_fields, nullable_inner
from indicatorkit.formats.json_target import KIND_KEYS
from indicatorkit.language.targets import AnyTarget
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model import fields
from indicatorkit.model.records import Spec
from indicatorkit.units import UnitRegistry
from indicatorkit.vocabulary import Operator

__all__ = ["SCHEMA_FILE", "schema_text", "spec_schema"]

#: Where the package keeps the generated schema.
SCHEMA_FILE: Final = Path(__file__).with_name("spec.schema.json")

Node = dict[str, Any]


def _ref(name: str) -> Node:
    return {"$ref": f"#/$defs/{name}"}


_TARGET_HEAD: Final[Node] = {
    "text": _ref("target_text"),
    "canonical": _ref("canonical"),
}

#: The schema of each key of a target object beyond its text, canonical text and kind.
_TARGET_KEYS: Final[dict[str, Node]] = {
    "operator": {"enum": [*(operator.value for operator in Operator), None]},
    "value": _ref("decimal"),
    "unit": _ref("unit"),
    "dimension": _ref("dimension"),
    "low": _ref("amount"),
    "high": _ref("amount"),
    "low_inclusive": {"type": "boolean", "description": "Whether the low end itself is accepted."},
    "high_inclusive": {
        "type": "boolean",
        "description": "Whether the high end itself is accepted.",
    },
    "month": _ref("month"),
    "day": _ref("day"),
    "year": _ref("year"),
    "start": _ref("date"),
    "end": _ref("date"),
    "sentence": {"type": "string", "minLength": 1},
}

_TARGET_DESCRIPTIONS: Final = {
    "comparison": "≥95%: an operator (null for a bare value) and an amount, flattened.",
    "range": "90%～100% (both ends included) or 大于10小于20 (each end included or not).",
    "deadline": "12月底前: done by a day of the year.",
    "period": "3-11月: the days from start to end, both included (a day of null is the month's end).",
    "qualitative": "A sentence (定性), graded by judgement.",
}


def _closed(properties: Node, description: str | None = None) -> Node:
    """An object of exactly ``properties``, every one required (to_data writes every key)."""
    node: Node = {"description": description} if description else {}
    return {
        **node,
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


#: The leaves' formats: what json_values writes for each non-record type.
_LEAVES: Final[dict[str, Node]] = {
    "text": {
        "description": "Free text; lines are stripped, several lines are joined by \\n.",
        "type": "string",
    },
    "line": {
        "description": "Text of one line (names, codes).",
        "type": "string",
        "pattern": "^[^\\n\\r]*$",
    },
    "decimal": {
        "description": 'An exact decimal number as a string, shortest form: "1616387.84", "-5", "0.5".',
        "type": "string",
        "pattern": "^(0|-?[1-9][0-9]*(\\.[0-9]*[1-9])?|-?0\\.[0-9]*[1-9])$",
    },
    "weight": {
        "description": 'A number ≥ 0 (分值) as a string: a decimal, or p/q when it has no finite decimal ("1/3").',
        "type": "string",
        "pattern": "^(0|[1-9][0-9]*(\\.[0-9]*[1-9])?|0\\.[0-9]*[1-9]|[1-9][0-9]*/[1-9][0-9]*)$",
    },
    "unit": {
        "description": 'A unit symbol (元, 万元, %, 人次, 元/人, 万人次); "" for none.',
        "type": "string",
        "pattern": "^([^\\s/]+(/[^\\s/]+)*)?$",
    },
    "dimension": {
        "description": 'The unit\'s dimension: "" for a plain number, "[money]", "[money]·[人]^-1".',
        "type": "string",
        "pattern": "^(\\[[^\\]]+\\](\\^-?[0-9]+(/[0-9]+)?)?(·\\[[^\\]]+\\](\\^-?[0-9]+(/[0-9]+)?)?)*)?$",
    },
    "amount": _closed({"value": _ref("decimal"), "unit": _ref("unit")}),
    "month": {"type": "integer", "minimum": 1, "maximum": 12},
    "day": {
        "description": "null is the end of the month (月底).",
        "type": ["integer", "null"],
        "minimum": 1,
        "maximum": 31,
    },
    "year": {"type": ["integer", "null"], "minimum": 1, "maximum": 9999},
    "date": _closed({"month": _ref("month"), "day": _ref("day"), "year": _ref("year")}),
    "target_text": {
        "description": 'The 指标值 as written (">=6", ",=100"); read leniently it gives the target.',
        "type": "string",
        "minLength": 1,
    },
    "canonical": {
        "description": "The canonical text of the target (str(target)).",
        "type": "string",
        "minLength": 1,
    },
    "target": {"oneOf": [_ref(kind) for kind in KIND_KEYS]},
    **{
        kind: _closed(
            {**_TARGET_HEAD, "kind": {"const": kind}, **{key: _TARGET_KEYS[key] for key in keys}},
            _TARGET_DESCRIPTIONS[kind],
        )
        for kind, keys in KIND_KEYS.items()
    },
}

#: The leaf a field's type is written as, by type.
_LEAF_OF_TYPE: Final[dict[Any, Node]] = {
    Fraction: _ref("weight"),
    Amount: _ref("amount"),
    DatePoint: _ref("date"),
    UnitRegistry: {"type": "array", "items": {"type": "string"}},
}

#: The leaf of a text field, by the converter the model gives it.
_TEXT_OF_CONVERTER: Final[dict[Any, Node]] = {
    fields.field_text: _ref("text"),
    fields.texts: _ref("text"),  # each item of a list of texts
    fields.one_line: _ref("line"),
    fields.optional_line: _ref("line"),
    fields.optional_text: {"type": "string", "minLength": 1},  # "" is read as not given
}

#: What a hand-written validator lets a text field hold, as a pattern.
_PATTERNS: Final = {
    "Department.code": "^[A-Za-z0-9]*$",
    "Spec.rules": "^[^\\s/]+$",
    "FundSource.name": "^[^\\s：:；;，,]+$",
}

_DESCRIPTIONS: Final = {
    "Project": 'A project\'s 绩效目标表, or a withheld one (withheld gives the reason, maybe "").',
    "Spec.units": "单位表：units.txt 之外的单位定义行，null 为默认单位表 / the spec's unit definitions beyond units.txt (null: the default registry)",
    "Spec.rules": "评分规则的名称（如 national），null 为未指定 / the rule set the spec is scored by (e.g. national), null: not named",
    "Indicator.actual": '实际完成值，原样的文字（如 "96%"、"达成"），null 为未填 / the actual as written, null when not given',
    "Indicator.evaluator_score": "自评得分（定性指标）/ the evaluator's score for a qualitative indicator",
    "Indicator.not_applicable": '不适用的原因（可为 ""），null 为适用 / not applicable, with its reason (maybe ""); null: applies',
    "Project.withheld": '暂不公开的原因（可为 ""），null 为公开 / withheld, with its reason (maybe ""); null: published',
    "Project.executed": "全年执行数（金额）/ the year's execution (money)",
    "Project.adjusted_budget": "全年预算数或调整后预算，与申报的预算并列时（金额）/ the year's budget beside the declared one (money)",
    "Project.fund_sources": "年度资金总额下的各行 / the budget block's rows under 年度资金总额",
    "Project.goal_outcome": "年度总体目标的实际完成情况 / what the year's overall goal came to",
    "Project.spent": "各时点累计支出比例 / cumulative share spent at each checkpoint",
    "Project.budget_weight": "预算执行率一行的分值（表中印出时）/ the budget line's printed points",
    "Project.weight_total": "总分一行印出的分值 / the 总分 row's printed points",
    "Project.conclusion": "评价结论 / the assessment's conclusion",
    "Project.problems": "存在问题 / problems found",
    "Project.improvements": "改进措施 / what will be improved",
}


def _name(cls: type) -> str:
    """A record's name in ``$defs``: ``FundSource`` → ``fund_source``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def _bounds(validator: Any) -> Node:
    """The ``minimum`` and ``maximum`` that attrs' ``ge``/``le`` validators (alone, in a list,
    or optional) put on an integer."""
    found: Node = {}
    inner = getattr(validator, "validator", None)  # optional(...)
    for one in getattr(inner or validator, "_validators", None) or [inner or validator]:
        operator, bound = getattr(one, "compare_op", None), getattr(one, "bound", None)
        if operator in (">=", "<="):
            found["minimum" if operator == ">=" else "maximum"] = bound
    return found


def _nullable(node: Node) -> Node:
    """``node`` or null."""
    if "enum" in node:
        return {**node, "enum": [*node["enum"], None]}
    if isinstance(node.get("type"), str) and "$ref" not in node:
        return {**node, "type": [node["type"], "null"]}
    return {"oneOf": [{"type": "null"}, node]}


class _Walk:
    """One walk of the records: each record's object, once, in ``defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, Node] = {}

    def record(self, cls: type) -> Node:
        hints = typing.get_type_hints(cls)
        properties = {
            field.name: self.field(cls, field, hints[field.name]) for field in data_fields(cls)
        }
        return _closed(properties, _DESCRIPTIONS.get(cls.__name__))

    def field(self, cls: type, field: attrs.Attribute[Any], kind: Any) -> Node:
        node = self.type(kind, field)
        qualified = f"{cls.__name__}.{field.name}"
        if qualified in _PATTERNS:
            node = {**node, "pattern": _PATTERNS[qualified]}
        if qualified in _DESCRIPTIONS:
            node = {"description": _DESCRIPTIONS[qualified], **node}
        return node

    def type(self, kind: Any, field: attrs.Attribute[Any] | None) -> Node:
        inner = nullable_inner(kind)
        if inner is not None:
            return _nullable(self.type(inner, field))
        if kind == AnyTarget:
            return _ref("target")
        if typing.get_origin(kind) is tuple:
            texts = field is not None and getattr(field, "converter", None) is fields.texts
            item_field = field if texts else None
            return {"type": "array", "items": self.type(typing.get_args(kind)[0], item_field)}
        if kind in RECORDS:
            name = _name(kind)
            if name not in self.defs:
                self.defs[name] = {}  # taken before the walk goes down (no cycles, no repeats)
                self.defs[name] = self.record(kind)
            return _ref(name)
        if kind is str:
            converter = None if field is None else field.converter
            return dict(_TEXT_OF_CONVERTER.get(converter, {"type": "string"}))
        if kind is int:
            return {"type": "integer", **_bounds(None if field is None else field.validator)}
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {"enum": [member.value for member in kind]}
        return _LEAF_OF_TYPE[kind]


def spec_schema() -> dict[str, Any]:
    """The schema of a spec's data, generated from the model (see the module docstring).

    >>> schema = spec_schema()
    >>> schema["$defs"]["project"]["properties"]["withheld"]["description"]
    '暂不公开的原因（可为 ""），null 为公开 / withheld, with its reason (maybe ""); null: published'
    >>> schema["$defs"]["target"]["oneOf"][0]
    {'$ref': '#/$defs/comparison'}
    """
    walk = _Walk()
    root = walk.record(Spec)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "indicatorkit spec (绩效目标表)",
        "description": (
            "What indicatorkit.formats.to_data produces. Numbers are exact: decimal strings, never JSON "
            'floats. indicatorkit.formats.from_data accepts this and, for a target, also just {"text": ...}.'
        ),
        **root,
        "$defs": {**_LEAVES, **walk.defs},
    }


def schema_text() -> str:
    """:func:`spec_schema` as the text of ``spec.schema.json`` (Chinese kept as written).

    >>> schema_text().splitlines()[2]
    '  "title": "indicatorkit spec (绩效目标表)",'
    >>> schema_text() == SCHEMA_FILE.read_text(encoding="utf-8")  # the shipped file is current
    True
    """
    return json.dumps(spec_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
