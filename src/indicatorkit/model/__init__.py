"""The 绩效目标表 model: frozen records for a department, its projects and their indicators,
the findings said about them, and lint.  No file format lives here (see ``formats``).

>>> from indicatorkit.model import Indicator, Project, Severity, Spec, lint
>>> from indicatorkit.language import parse_target
>>> spec = Spec(projects=[Project(1, "法律援助",
...     indicators=[Indicator("产出指标", "数量指标", "受理数", parse_target("≥180件"))])])
>>> sorted({(f.code, f.severity is Severity.ERROR) for f in lint(spec)})[:1]
[('IK105', False)]
"""

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
    "lint",
]
