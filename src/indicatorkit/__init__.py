"""indicatorkit — budget performance targets (预算绩效目标) that a program can read, check
and score.

>>> import indicatorkit
>>> target = indicatorkit.parse_target("≥95%")
>>> target.check("96%").met
True
>>> str(indicatorkit.parse_target("不少于两百件"))
'≥200件'
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indicatorkit.errors import (
        AmbiguousTargetError,
        ArgumentError,
        DateSerialError,
        DimensionMismatchError,
        IndicatorkitError,
        InvalidTargetError,
        InvalidValueError,
        MissingNumberError,
        SeveralValuesError,
        TargetSyntaxError,
        TextError,
        UnknownRuleSetError,
        UnknownUnitError,
    )
    from indicatorkit.formats.actuals_file import read_actuals
    from indicatorkit.formats.extras import MissingExtraError
    from indicatorkit.formats.files import ExportError, read, write
    from indicatorkit.formats.ikspec.dump import dump
    from indicatorkit.formats.ikspec.reader import load, loads
    from indicatorkit.formats.ikspec.writer import dumps
    from indicatorkit.formats.imported import Imported
    from indicatorkit.formats.json_data import from_data, from_json, schema, to_data, to_json
    from indicatorkit.formats.long_table import from_frame, to_frame
    from indicatorkit.language.bounds import Bound, Bounds, DayBounds, Direction
    from indicatorkit.language.lenient import Diagnostic, LenientParse
    from indicatorkit.language.parse import parse_actual, parse_target
    from indicatorkit.language.split_form import parse_split_target
    from indicatorkit.language.targets import (
        Actual,
        AnyTarget,
        CheckResult,
        Comparison,
        Deadline,
        Period,
        Qualitative,
        Range,
        Target,
    )
    from indicatorkit.language.values import Amount, DatePoint, DateSpan, Grade
    from indicatorkit.model.findings import Finding, Severity, SpecError
    from indicatorkit.model.lint import lint
    from indicatorkit.model.records import (
        Budget,
        Checkpoint,
        Department,
        DepartmentGoal,
        Indicator,
        Location,
        MeasureGroup,
        Programme,
        Project,
        Spec,
        SpendingPlan,
        Where,
    )
    from indicatorkit.scoring.attainment import attainment
    from indicatorkit.scoring.indicator import IndicatorScore, Outcome, display, score_indicator
    from indicatorkit.scoring.monitoring import Light, MonitorReport, monitor
    from indicatorkit.scoring.report import ProjectScore, SpecScore, score
    from indicatorkit.scoring.rules import NATIONAL, RULE_SETS, RuleSet
    from indicatorkit.units import (
        Unit,
        UnitDefinitionError,
        UnitRegistry,
        default_registry,
        define_unit,
        unit,
    )
    from indicatorkit.vocabulary import Operator

#: 版本号（只写在这里）/ the version, kept in this one place.
__version__ = "0.1.0"

#: Every public name and the module it comes from, imported when first used (PEP 562):
#: ``import indicatorkit`` costs nothing, and a command (``indicatorkit --version``) or a
#: program imports only the parts it uses.  ``tests/test_startup.py`` checks that every name
#: is there and is its module's own.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "AmbiguousTargetError",
            "ArgumentError",
            "DateSerialError",
            "DimensionMismatchError",
            "IndicatorkitError",
            "InvalidTargetError",
            "InvalidValueError",
            "MissingNumberError",
            "SeveralValuesError",
            "TargetSyntaxError",
            "TextError",
            "UnknownRuleSetError",
            "UnknownUnitError",
        ),
        "indicatorkit.errors",
    ),
    **dict.fromkeys(("Bound", "Bounds", "DayBounds", "Direction"), "indicatorkit.language.bounds"),
    **dict.fromkeys(("Diagnostic", "LenientParse"), "indicatorkit.language.lenient"),
    **dict.fromkeys(("parse_actual", "parse_target"), "indicatorkit.language.parse"),
    "parse_split_target": "indicatorkit.language.split_form",
    **dict.fromkeys(
        (
            "Actual",
            "AnyTarget",
            "CheckResult",
            "Comparison",
            "Deadline",
            "Period",
            "Qualitative",
            "Range",
            "Target",
        ),
        "indicatorkit.language.targets",
    ),
    **dict.fromkeys(("Amount", "DatePoint", "DateSpan", "Grade"), "indicatorkit.language.values"),
    **dict.fromkeys(("Finding", "Severity", "SpecError"), "indicatorkit.model.findings"),
    "lint": "indicatorkit.model.lint",
    **dict.fromkeys(
        (
            "Budget",
            "Checkpoint",
            "Department",
            "DepartmentGoal",
            "Indicator",
            "Location",
            "MeasureGroup",
            "Programme",
            "Project",
            "Spec",
            "SpendingPlan",
            "Where",
        ),
        "indicatorkit.model.records",
    ),
    "attainment": "indicatorkit.scoring.attainment",
    **dict.fromkeys(
        ("IndicatorScore", "Outcome", "display", "score_indicator"),
        "indicatorkit.scoring.indicator",
    ),
    **dict.fromkeys(("Light", "MonitorReport", "monitor"), "indicatorkit.scoring.monitoring"),
    **dict.fromkeys(("ProjectScore", "SpecScore", "score"), "indicatorkit.scoring.report"),
    **dict.fromkeys(("NATIONAL", "RULE_SETS", "RuleSet"), "indicatorkit.scoring.rules"),
    **dict.fromkeys(
        ("Unit", "UnitDefinitionError", "UnitRegistry", "default_registry", "define_unit", "unit"),
        "indicatorkit.units",
    ),
    "Operator": "indicatorkit.vocabulary",
    "MissingExtraError": "indicatorkit.formats.extras",
    "read_actuals": "indicatorkit.formats.actuals_file",
    **dict.fromkeys(("ExportError", "read", "write"), "indicatorkit.formats.files"),
    "dump": "indicatorkit.formats.ikspec.dump",
    **dict.fromkeys(("load", "loads"), "indicatorkit.formats.ikspec.reader"),
    "dumps": "indicatorkit.formats.ikspec.writer",
    "Imported": "indicatorkit.formats.imported",
    **dict.fromkeys(
        ("from_data", "from_json", "schema", "to_data", "to_json"), "indicatorkit.formats.json_data"
    ),
    **dict.fromkeys(("from_frame", "to_frame"), "indicatorkit.formats.long_table"),
}


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (``indicatorkit.parse_target``, ``from
    indicatorkit import read``)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'indicatorkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "NATIONAL",
    "RULE_SETS",
    "Actual",
    "AmbiguousTargetError",
    "Amount",
    "AnyTarget",
    "ArgumentError",
    "Bound",
    "Bounds",
    "Budget",
    "CheckResult",
    "Checkpoint",
    "Comparison",
    "DatePoint",
    "DateSerialError",
    "DateSpan",
    "DayBounds",
    "Deadline",
    "Department",
    "DepartmentGoal",
    "Diagnostic",
    "DimensionMismatchError",
    "Direction",
    "ExportError",
    "Finding",
    "Grade",
    "Imported",
    "Indicator",
    "IndicatorScore",
    "IndicatorkitError",
    "InvalidTargetError",
    "InvalidValueError",
    "LenientParse",
    "Light",
    "Location",
    "MeasureGroup",
    "MissingExtraError",
    "MissingNumberError",
    "MonitorReport",
    "Operator",
    "Outcome",
    "Period",
    "Programme",
    "Project",
    "ProjectScore",
    "Qualitative",
    "Range",
    "RuleSet",
    "SeveralValuesError",
    "Severity",
    "Spec",
    "SpecError",
    "SpecScore",
    "SpendingPlan",
    "Target",
    "TargetSyntaxError",
    "TextError",
    "Unit",
    "UnitDefinitionError",
    "UnitRegistry",
    "UnknownRuleSetError",
    "UnknownUnitError",
    "Where",
    "attainment",
    "default_registry",
    "define_unit",
    "display",
    "dump",
    "dumps",
    "from_data",
    "from_frame",
    "from_json",
    "lint",
    "load",
    "loads",
    "monitor",
    "parse_actual",
    "parse_split_target",
    "parse_target",
    "read",
    "read_actuals",
    "schema",
    "score",
    "score_indicator",
    "to_data",
    "to_frame",
    "to_json",
    "unit",
    "write",
]
