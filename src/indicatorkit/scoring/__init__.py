"""Scoring: what an indicator's result is worth under a rule set (national self-assessment
rules by default).  Builds on the language's bounds and check results; nothing below this
package knows about scores.

>>> from indicatorkit.scoring import NATIONAL, RULE_SETS, Outcome, score_indicator
>>> from indicatorkit.language import parse_target
>>> result = score_indicator(parse_target("≥180件"), "200件", 10, rules=NATIONAL)
>>> result.outcome is Outcome.MET, result.score, RULE_SETS["national"] is NATIONAL
(True, Fraction(10, 1), True)
"""

from indicatorkit.scoring.attainment import attainment
from indicatorkit.scoring.indicator import IndicatorScore, Outcome, display, score_indicator
from indicatorkit.scoring.monitoring import Light, MonitorReport, monitor
from indicatorkit.scoring.report import ProjectScore, SpecScore, score
from indicatorkit.scoring.rules import NATIONAL, RULE_SETS, RuleSet

__all__ = [
    "NATIONAL",
    "RULE_SETS",
    "IndicatorScore",
    "Light",
    "MonitorReport",
    "Outcome",
    "ProjectScore",
    "RuleSet",
    "SpecScore",
    "attainment",
    "display",
    "monitor",
    "score",
    "score_indicator",
]
