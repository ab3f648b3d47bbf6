"""Whether a score is settled (得分是否已定): ``score``, ``report`` and ``export --scored`` exit 1
while any of it is open.

>>> from indicatorkit import loads, score
>>> text = "项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    分值：90\\n"
>>> points_open(score(loads(text)))                          # no actual yet: undecided
True
>>> points_open(score(loads(text + "    实际值：210件\\n")))
False
>>> points_open(score(loads(text.replace("90", "60") + "    实际值：210件\\n")))  # weights 70
True
"""

from __future__ import annotations

from indicatorkit.model.findings import Severity
from indicatorkit.scoring.report import ProjectScore, SpecScore

__all__ = ["points_open"]


def _project_open(project: ProjectScore) -> bool:
    """Points undecided, a grade withheld, or an explanation the rules require missing."""
    budget = project.budget
    return bool(
        project.undecided
        or project.grade_note
        or (budget.explanation_required and not budget.explanation_given)
        or any(
            item.score.explanation_required and not item.score.explanation_given
            for item in project.indicators
        )
    )


def points_open(result: SpecScore) -> bool:
    """Whether any of ``result`` is still open: a project's points undecided, its grade
    withheld (weights not totalling 100), an explanation the rules require missing, or error
    findings from merging the actuals (:attr:`SpecScore.findings`).

    >>> from indicatorkit import loads, score
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：10000元\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    分值：90\\n    实际值：210件\\n")
    >>> points_open(score(spec))
    False
    """
    return any(_project_open(project) for project in result.projects) or any(
        finding.severity is Severity.ERROR for finding in result.findings
    )
