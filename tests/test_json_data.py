"""JSON through cattrs: documents written by the hand-written codec it replaced still load (and
are written again byte for byte), round trips of generated specs and of their scores, and real
outputs validated by the generated schema."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from jsonschema import Draft202012Validator

import indicatorkit
from indicatorkit import Spec, score, strategies
from indicatorkit.formats.json_data import from_data, from_json, schema, to_data, to_json
from indicatorkit.formats.json_schema import spec_schema
from indicatorkit.scoring import score_indicator
from indicatorkit.scoring.indicator import IndicatorScore
from indicatorkit.scoring.report import SpecScore
from indicatorkit.scoring.rules import RULE_SETS

ROOT = Path(__file__).parents[1]
#: JSON written by indicatorkit before cattrs (its hand-written codec, main of 2026-12-07),
#: from the bundled examples; ``.before_actuals`` lacks the keys added with self-assessments.
OLD = ROOT / "tests" / "data" / "json"
EXAMPLES = ["yutian_justice_2025", "yutian_justice_2025_selfassessment"]
VALIDATOR = Draft202012Validator(spec_schema())


@pytest.mark.parametrize("name", EXAMPLES)
def test_documents_of_the_old_codec_load_and_are_written_the_same(name: str) -> None:
    spec = indicatorkit.load(ROOT / "examples" / f"{name}.ikspec")
    old = (OLD / f"{name}.json").read_text(encoding="utf-8")
    assert from_json(old) == spec
    # the same document, key for key, byte for byte — but the older ``initial_budget``, folded
    # into ``budget`` and ``adjusted_budget`` since (model.budget_columns; null in these)
    written = [
        line for line in old.splitlines(keepends=True) if '"initial_budget": null' not in line
    ]
    assert to_json(spec) + "\n" == "".join(written)
    VALIDATOR.validate(json.loads(to_json(spec)))


def test_documents_without_the_self_assessment_keys_load() -> None:
    text = (OLD / "yutian_justice_2025.before_actuals.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert "units" not in data and "actual" not in data["projects"][0]["indicators"][0]
    spec = from_json(text)
    assert spec == indicatorkit.load(ROOT / "examples" / "yutian_justice_2025.ikspec")
    assert not VALIDATOR.is_valid(data)  # the schema describes what to_data writes today


def test_the_shipped_schema_validates_real_outputs() -> None:
    for name in EXAMPLES:
        spec = indicatorkit.load(ROOT / "examples" / f"{name}.ikspec")
        Draft202012Validator(schema()).validate(to_data(spec))


GENERATED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@GENERATED
@given(strategies.specs(max_projects=3))
def test_spec_json_spec(spec: Spec) -> None:
    text = to_json(spec)
    back = from_json(text)
    assert back == spec
    assert to_json(back) == text
    VALIDATOR.validate(json.loads(text))


@GENERATED
@given(strategies.specs(max_projects=3), st.none() | st.sampled_from(sorted(RULE_SETS)))
def test_scores_survive_the_json_trip(spec: Spec, rules: str | None) -> None:
    """Everything the scorer reads (actuals, evaluator scores, weights, directions, the rule
    set's name) is in the data: the spec read back scores exactly the same."""
    spec = attrs.evolve(spec, rules=rules)  # a rule set that exists, or none named
    back = from_data(to_data(spec))
    assert back.rules == rules
    assert figures(score(back)) == figures(score(spec))


def figures(result: SpecScore) -> list[object]:
    """Every figure of a scoring (not its messages: the data holds a target as its text reads,
    and ``0十亿行`` and ``0行`` are one target written two ways)."""
    found: list[object] = [result.rules.name, result.department_range, result.department_grade]
    for project in result.projects:
        found += [project.number, project.total_range, project.exact_range, project.grade]
        budget = project.budget
        found += [budget.rate, budget.weight, budget.score, budget.score_range, project.weight_sum]
        for item in project.indicators:
            row = item.score
            found += [row.outcome, row.met, row.weight, row.score, row.exact_score]
            found += [row.score_range, row.attainment, row.score_source, row.explanation_required]
    return found


@st.composite
def scored(draw: st.DrawFn) -> IndicatorScore:
    target = draw(strategies.targets())
    meet = draw(st.booleans())
    actuals = strategies.actuals_meeting if meet else strategies.actuals_missing
    try:
        drawn = actuals(target)
    except InvalidArgument:  # a target nothing misses (12月底前): no actual
        drawn = st.none()
    actual = draw(st.none() | drawn)
    weight = draw(st.fractions(min_value=0, max_value=100, max_denominator=12))
    return score_indicator(target, actual, weight)


@GENERATED
@given(scored())
def test_score_data_holds_the_exact_numbers(result: IndicatorScore) -> None:
    """A score's data writes every number as exact text (a decimal, or p/q): read back with
    ``Fraction`` it is the same number, never a float's neighbour."""
    data = json.loads(json.dumps(result.to_dict()))
    for key in ("weight", "score", "exact_score", "attainment", "deviation"):
        value = getattr(result, key)
        assert (None if data[key] is None else Fraction(data[key])) == value, key
        assert data[key] is None or isinstance(data[key], str)
    assert tuple(Fraction(end) for end in data["score_range"]) == result.score_range
