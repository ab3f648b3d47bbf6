"""Check once, score per weight: :func:`indicator_verdict` followed by :meth:`Verdict.score`
(and its cheap part, :meth:`Verdict.row_score`) equals :func:`score_indicator` — for random
targets, actuals, weights and directions under every shipped rule set, and on the real corpus
of scored self-assessment rows — and the batch fallback checks each distinct (target, actual,
direction) once."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from indicatorkit import Direction, parse_target
from indicatorkit.scoring.indicator import (
    IndicatorScore,
    Outcome,
    Verdict,
    indicator_verdict,
    score_indicator,
)
from indicatorkit.scoring.indicator_records import Points
from indicatorkit.scoring.rules import RULE_SETS, RuleSet
from indicatorkit.strategies import (
    actuals_meeting,
    actuals_missing,
    comparisons,
    target_texts_with_targets,
    targets,
)

CORPUS = Path(__file__).parent / "corpus" / "real" / "self_assessment.tsv"
DIRECTIONS = {"反向": Direction.LOWER, "正向": Direction.HIGHER}
WEIGHTS = st.fractions(min_value=0, max_value=100, max_denominator=50)
JUNK = (None, "", "  ", "达成", "部分达成", "未达成", "12", "-3%", "abc", "2025年6月30日", "≥90%")


def _same(one: IndicatorScore, other: IndicatorScore) -> None:
    """Field by field, the types of the values included."""
    assert one == other
    assert one.to_dict() == other.to_dict()
    assert [type(value) for value in attrs.astuple(one, recurse=False)] == [
        type(value) for value in attrs.astuple(other, recurse=False)
    ]


def _assert_split_equals_score_indicator(
    target: Any,
    actual: Any,
    weights: list[Fraction],
    direction: Direction | None,
    rules: RuleSet,
    reason: str = "",
) -> Verdict:
    """One verdict, scored under each weight, is ``score_indicator`` under that weight; its
    :meth:`~Verdict.row_score` is the score's exact and rounded score."""
    verdict = indicator_verdict(target, actual, direction=direction, rules=rules)
    for weight in weights:
        one = score_indicator(
            target, actual, weight, direction=direction, rules=rules, reason=reason
        )
        split = verdict.score(weight, reason=reason)
        _same(split, one)
        if verdict.points is Points.NONE:
            assert one.score is None and not one.outcome.decided
            with pytest.raises(ValueError, match="undecided"):
                verdict.row_score(weight)
            continue
        exact, score, cut = verdict.row_score(weight)
        assert (exact, score) == (one.exact_score, one.score)
        assert cut == ("按偏离度扣分" in one.message)
        assert (verdict.outcome, verdict.met, verdict.attainment) == (
            one.outcome,
            one.met,
            one.attainment,
        )
    return verdict


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, Any, Direction | None]:
    """A target text, an actual (meeting it, missing it, or junk) and a direction."""
    text, target = draw(target_texts_with_targets())
    direction = draw(st.sampled_from([None, Direction.HIGHER, Direction.LOWER]))
    maker = draw(st.sampled_from([actuals_meeting, actuals_missing, None]))
    if maker is None:
        return text, draw(st.sampled_from(JUNK)), direction
    try:
        strategy = maker(target, direction=direction)
    except InvalidArgument:  # a target nothing misses (12月底前)
        return text, None, direction
    return text, draw(strategy), direction


@pytest.mark.parametrize("name", sorted(RULE_SETS))
@settings(max_examples=60, deadline=None)
@given(case=_cases(), weights=st.lists(WEIGHTS, min_size=1, max_size=4))
def test_check_once_then_score_per_weight_is_score_indicator(
    name: str, case: tuple[str, Any, Direction | None], weights: list[Fraction]
) -> None:
    text, actual, direction = case
    _assert_split_equals_score_indicator(text, actual, weights, direction, RULE_SETS[name])


@pytest.mark.parametrize("name", sorted(RULE_SETS))
@settings(max_examples=60, deadline=None)
@given(
    target=targets() | comparisons(min_value=-5, max_value=5, places=0),
    actual=st.integers(-10, 10) | st.integers(0, 10**9),
    weights=st.lists(WEIGHTS, min_size=1, max_size=3),
    direction=st.sampled_from([None, Direction.HIGHER, Direction.LOWER]),
    reason=st.sampled_from(["", " ", "说明"]),
)
def test_parsed_targets_and_counts_too(
    name: str,
    target: Any,
    actual: int,
    weights: list[Fraction],
    direction: Direction | None,
    reason: str,
) -> None:
    """Parsed targets and int actuals (``score_indicator``'s hot path for counts against a
    comparison: the verdict takes the general path, and scores the same)."""
    _assert_split_equals_score_indicator(
        target, actual, weights, direction, RULE_SETS[name], reason
    )


def test_a_cut_and_an_evaluators_score_are_per_weight() -> None:
    """What depends on the weight is the score step's: the overshoot cut (a 2-point cut is
    no cut of a weight of 0 … it is of 10) and an evaluator's score outside the band."""
    cut = RULE_SETS["overshoot-cut"]
    verdict = indicator_verdict("≥100件", "150件", rules=cut)
    assert verdict.points is Points.OVERSHOOT and verdict.met
    assert (
        verdict.score(Fraction(10)).score == 8 and "偏离度" in verdict.score(Fraction(10)).message
    )
    assert verdict.score(Fraction(0)).score == 0 and verdict.score(Fraction(0)).message == ""
    graded = indicator_verdict("及时足额发放", "部分达成")
    assert graded.score(Fraction(10), evaluator_score=7).score == 7
    outside = graded.score(Fraction(10), evaluator_score=9)
    assert outside.outcome is Outcome.FAILED and outside.score is None
    assert outside == score_indicator("及时足额发放", "部分达成", 10, evaluator_score=9)


def _corpus_rows() -> list[dict[str, Any]]:
    lines = [
        line for line in CORPUS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return [
        {
            "target": row["target"],
            "actual": row["actual"],
            "weight": Fraction(row["weight"].replace(",", "").strip()),
            "direction": DIRECTIONS.get(row.get("direction") or ""),
        }
        for row in csv.DictReader(lines, delimiter="\t")
        if row["level1"] != "预算执行率"
    ]


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_check_once_on_the_real_corpus(name: str) -> None:
    """Each real row's verdict under its own weight and others: as ``score_indicator``."""
    rows = _corpus_rows()
    assert len(rows) > 100
    points = set()
    for row in rows:
        weights = [row["weight"], Fraction(0), Fraction(7, 3), Fraction(10)]
        verdict = _assert_split_equals_score_indicator(
            row["target"], row["actual"], weights, row["direction"], RULE_SETS[name]
        )
        points.add(verdict.points)
    assert {Points.NONE, Points.FULL, Points.MISSED, Points.GRADE} <= points


def test_the_batch_fallback_checks_each_target_actual_and_direction_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sentences, deadlines and undecided rows under many weights: one check per distinct
    (target, actual, direction), every row still ``score_indicator``'s.  The verdicts are
    kept per registry (``batch.verdicts``): a registry of its own starts with none kept."""
    pa = pytest.importorskip("pyarrow")
    from indicatorkit.batch import score_table
    from indicatorkit.batch import verdicts as evaluation
    from indicatorkit.units import default_registry

    checked: list[tuple[str, Any]] = []

    def counting(target: str, actual: Any, **options: Any) -> Verdict:
        checked.append((target, actual))
        return indicator_verdict(target, actual, **options)

    monkeypatch.setattr(evaluation, "indicator_verdict", counting)
    cases = [
        ("及时足额发放", "部分达成"),
        ("6月底前", "7月15日"),
        ("≥95%", None),
        ("≥95%", "≥96%"),
        ("群众满意", "很好"),
        ("≥100件", "80"),
    ]
    weights = ["0", "5", "10", "7.5", "12.34"]
    rows = [(target, actual, weight) for target, actual in cases for weight in weights]
    table = pa.table(
        {
            "target": [target for target, _, _ in rows],
            "actual": pa.array([actual for _, actual, _ in rows], pa.string()),
            "weight": [weight for _, _, weight in rows],
        }
    )
    own = default_registry().define("核验件 = [核验件]")  # a registry no other test used
    scored = score_table(table, units=own).to_pylist()
    assert sorted(checked, key=str) == sorted(cases, key=str)
    for (target, actual, weight), batch in zip(rows, scored, strict=True):
        one = score_indicator(target, actual, weight)
        assert batch["outcome"] == one.outcome.value and batch["message"] == one.message
        assert (None if batch["score"] is None else Fraction(batch["score"])) == one.score
    assert parse_target("≥95%")  # the targets were read by the library's own reader


def test_full_marks_in_the_fallback_keep_any_weight_exact() -> None:
    """A met deadline or an interval actual earns its weight: the weight column where it
    fits the guard, the weight itself (a Fraction beyond int64 included) where it does not."""
    pa = pytest.importorskip("pyarrow")
    from indicatorkit.batch import score_table

    weights = ["10", "12.34", "0.0000000001", "1" + "0" * 20, "0"]
    cases = [("6月底前", "5月1日"), ("≥95%", "≥96%")]
    rows = [(target, actual, weight) for target, actual in cases for weight in weights]
    scored = score_table(
        pa.table(
            {
                "target": [target for target, _, _ in rows],
                "actual": [actual for _, actual, _ in rows],
                "weight": [weight for _, _, weight in rows],
            }
        )
    ).to_pylist()
    for (target, actual, weight), batch in zip(rows, scored, strict=True):
        one = score_indicator(target, actual, weight)
        assert one.outcome is Outcome.MET and one.score == Fraction(weight)
        assert Fraction(batch["score"]) == one.score and batch["outcome"] == "met"
        assert batch["message"] == one.message


def test_an_overridden_overshoot_score_is_called_for_an_int_actual_too() -> None:
    """The fast path of an int actual must not bypass a subclass's own overshoot_score: an int
    and the same number as text score alike."""
    from indicatorkit import NATIONAL, RuleSet, parse_target
    from indicatorkit.scoring import score_indicator

    class Capped(RuleSet):
        def overshoot_score(self, share_met: Fraction, weight: Fraction) -> Fraction:
            return weight / 2

    capped = Capped(**{f.name: getattr(NATIONAL, f.name) for f in attrs.fields(RuleSet)})
    assert not capped.plain and NATIONAL.plain
    target = parse_target("≥10个")
    by_int = score_indicator(target, 12, weight=Fraction(10), rules=capped)
    by_text = score_indicator(target, "12个", weight=Fraction(10), rules=capped)
    assert by_int.score == by_text.score == Fraction(5)
