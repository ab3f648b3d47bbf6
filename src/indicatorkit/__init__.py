"""indicatorkit — budget performance targets (预算绩效目标) that a program can read, check
and score.

The names for every day are here; the rest live in named submodules —
:mod:`indicatorkit.language` (targets and values), :mod:`indicatorkit.model` (the records),
:mod:`indicatorkit.scoring`, :mod:`indicatorkit.formats` (files), :mod:`indicatorkit.units`
and :mod:`indicatorkit.errors`.

>>> import indicatorkit
>>> target = indicatorkit.parse_target("≥95%")
>>> target.check("96%").met
True
>>> str(indicatorkit.parse_target("不少于两百件"))
'≥200件'
>>> indicatorkit.language.Range is type(indicatorkit.parse_target("90%-100%"))
True
"""

import importlib
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indicatorkit.errors import IndicatorkitError, TextError
    from indicatorkit.formats.actuals_file import read_actuals
    from indicatorkit.formats.files import ExportError, read, write
    from indicatorkit.formats.ikspec.dump import dump
    from indicatorkit.formats.ikspec.reader import load, loads
    from indicatorkit.formats.ikspec.writer import dumps
    from indicatorkit.formats.json_data import from_json, to_json
    from indicatorkit.language.bounds import Direction
    from indicatorkit.language.parse import parse_actual, parse_target
    from indicatorkit.language.targets import Comparison, Target
    from indicatorkit.model.findings import Finding, SpecError
    from indicatorkit.model.lint import lint
    from indicatorkit.model.records import Department, Indicator, Project, Spec
    from indicatorkit.scoring.attainment import attainment
    from indicatorkit.scoring.audit import Audit, audit
    from indicatorkit.scoring.monitoring import monitor
    from indicatorkit.scoring.report import SpecScore, score
    from indicatorkit.scoring.rules import NATIONAL, RULE_SETS, RuleSet
    from indicatorkit.units import define_unit

#: 版本号（只写在这里）/ the version, kept in this one place.
__version__ = "0.1.0"

#: Every top-level name and the module it comes from, imported when first used (PEP 562):
#: ``import indicatorkit`` costs nothing, and a command (``indicatorkit --version``) or a
#: program imports only the parts it uses.  ``tests/test_startup.py`` checks that every name
#: is there and is its module's own.
_LAZY: dict[str, str] = {
    **dict.fromkeys(("IndicatorkitError", "TextError"), "indicatorkit.errors"),
    "read_actuals": "indicatorkit.formats.actuals_file",
    **dict.fromkeys(("ExportError", "read", "write"), "indicatorkit.formats.files"),
    "dump": "indicatorkit.formats.ikspec.dump",
    **dict.fromkeys(("load", "loads"), "indicatorkit.formats.ikspec.reader"),
    "dumps": "indicatorkit.formats.ikspec.writer",
    **dict.fromkeys(("from_json", "to_json"), "indicatorkit.formats.json_data"),
    "Direction": "indicatorkit.language.bounds",
    **dict.fromkeys(("parse_actual", "parse_target"), "indicatorkit.language.parse"),
    **dict.fromkeys(("Comparison", "Target"), "indicatorkit.language.targets"),
    **dict.fromkeys(("Finding", "SpecError"), "indicatorkit.model.findings"),
    "lint": "indicatorkit.model.lint",
    **dict.fromkeys(("Department", "Indicator", "Project", "Spec"), "indicatorkit.model.records"),
    "attainment": "indicatorkit.scoring.attainment",
    **dict.fromkeys(("Audit", "audit"), "indicatorkit.scoring.audit"),
    "monitor": "indicatorkit.scoring.monitoring",
    **dict.fromkeys(("SpecScore", "score"), "indicatorkit.scoring.report"),
    **dict.fromkeys(("NATIONAL", "RULE_SETS", "RuleSet"), "indicatorkit.scoring.rules"),
    "define_unit": "indicatorkit.units",
}

#: The named submodules, reachable as attributes (``indicatorkit.formats.to_data``).
_SUBMODULES = frozenset({"errors", "formats", "language", "model", "scoring", "units"})

#: Names that were top-level before 0.2 and the submodule that holds them now: still
#: importable from here, with a :class:`DeprecationWarning` naming the new place.
_MOVED = {
    **dict.fromkeys(
        (
            "AmbiguousTargetError",
            "ArgumentError",
            "DateSerialError",
            "DimensionMismatchError",
            "InvalidTargetError",
            "InvalidValueError",
            "MissingNumberError",
            "SeveralValuesError",
            "TargetSyntaxError",
            "UnknownRuleSetError",
            "UnknownUnitError",
        ),
        "indicatorkit.errors",
    ),
    **dict.fromkeys(
        (
            "Actual",
            "Amount",
            "AnyTarget",
            "Bound",
            "Bounds",
            "CheckResult",
            "DatePoint",
            "DateSpan",
            "DayBounds",
            "Deadline",
            "Diagnostic",
            "Grade",
            "LenientParse",
            "Operator",
            "Period",
            "Qualitative",
            "Range",
            "parse_split_target",
        ),
        "indicatorkit.language",
    ),
    **dict.fromkeys(
        (
            "Budget",
            "Checkpoint",
            "DepartmentGoal",
            "Location",
            "MeasureGroup",
            "Programme",
            "Severity",
            "SpendingPlan",
            "Where",
        ),
        "indicatorkit.model",
    ),
    **dict.fromkeys(
        (
            "IndicatorScore",
            "Light",
            "MonitorReport",
            "Outcome",
            "ProjectScore",
            "display",
            "score_indicator",
        ),
        "indicatorkit.scoring",
    ),
    **dict.fromkeys(
        ("Unit", "UnitDefinitionError", "UnitRegistry", "default_registry", "unit"),
        "indicatorkit.units",
    ),
    **dict.fromkeys(
        (
            "Imported",
            "MissingExtraError",
            "from_data",
            "from_frame",
            "schema",
            "to_data",
            "to_frame",
        ),
        "indicatorkit.formats",
    ),
}


def __getattr__(name: str) -> Any:
    """A submodule, a top-level name imported on first use (``indicatorkit.loads``), or a name
    that moved to a submodule (with a :class:`DeprecationWarning` naming its new place).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     from indicatorkit import Range
    >>> print(caught[0].message)
    indicatorkit.Range 已移到 indicatorkit.language.Range / has moved to indicatorkit.language.Range
    >>> from indicatorkit.language import Range as moved
    >>> Range is moved
    True
    """
    if name in _SUBMODULES:
        return importlib.import_module(f"indicatorkit.{name}")
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    home = _MOVED.get(name)
    if home is None:
        raise AttributeError(f"module 'indicatorkit' has no attribute {name!r}")
    warnings.warn(
        f"indicatorkit.{name} 已移到 {home}.{name} / has moved to {home}.{name}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})


__all__ = [
    "NATIONAL",
    "RULE_SETS",
    "Audit",
    "Comparison",
    "Department",
    "Direction",
    "ExportError",
    "Finding",
    "Indicator",
    "IndicatorkitError",
    "Project",
    "RuleSet",
    "Spec",
    "SpecError",
    "SpecScore",
    "Target",
    "TextError",
    "attainment",
    "audit",
    "define_unit",
    "dump",
    "dumps",
    "from_json",
    "lint",
    "load",
    "loads",
    "monitor",
    "parse_actual",
    "parse_target",
    "read",
    "read_actuals",
    "score",
    "to_json",
    "write",
]
