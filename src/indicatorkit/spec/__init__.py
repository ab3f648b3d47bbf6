"""Spec files: whole 绩效目标表 as plain text — the model, reading, writing and checking."""

from indicatorkit.spec.findings import Finding, Severity, SpecError
from indicatorkit.spec.interchange import from_data, from_json, schema, to_data, to_json
from indicatorkit.spec.lint import lint
from indicatorkit.spec.model import (
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
from indicatorkit.spec.reader import load, loads
from indicatorkit.spec.writer import dumps

__all__ = [
    "Budget",
    "Checkpoint",
    "Department",
    "DepartmentGoal",
    "Finding",
    "Indicator",
    "Location",
    "MeasureGroup",
    "Programme",
    "Project",
    "Severity",
    "Spec",
    "SpecError",
    "SpendingPlan",
    "Where",
    "dumps",
    "from_data",
    "from_json",
    "lint",
    "load",
    "loads",
    "schema",
    "to_data",
    "to_json",
]
