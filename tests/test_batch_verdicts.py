"""The fallback's verdicts are kept per rule set and registry across calls: a table scored in
eight partitions checks each distinct (target, actual, direction) once, as one whole call does,
and scores the same; kept verdicts are bounded and never shared between rule sets that differ."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import pytest

pa = pytest.importorskip("pyarrow")

from indicatorkit.batch import score_table  # noqa: E402
from indicatorkit.batch import verdicts as verdicts_module  # noqa: E402
from indicatorkit.scoring.rules import HUBEI, NATIONAL  # noqa: E402
from indicatorkit.units import default_registry  # noqa: E402

TARGETS = ["及时足额发放", "6月底前", "≥95%", "群众满意", "≥200件", "<5万元"]
ACTUALS = ["达成", "部分达成", "7月1日", "96%", "90%", "150件", "达成", None, "6万元"]


def _table(rows: int) -> Any:
    return pa.table(
        {
            "target": [TARGETS[i % len(TARGETS)] for i in range(rows)],
            "actual": [ACTUALS[(i * 7) % len(ACTUALS)] for i in range(rows)],
            "weight": [5 + i % 3 for i in range(rows)],
            "direction": [None if i % 4 else "正向" for i in range(rows)],
        }
    )


def _fresh_units(name: str) -> Any:
    """A registry of its own: its kept verdicts start empty."""
    return default_registry().define(f"{name} = [{name}]")


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    checked: list[tuple[Any, ...]] = []
    real = verdicts_module.indicator_verdict

    def counting(text: str, actual: Any, **options: Any) -> Any:
        checked.append((text, actual, options["direction"]))
        return real(text, actual, **options)

    monkeypatch.setattr(verdicts_module, "indicator_verdict", counting)
    return checked


def test_partitions_check_each_verdict_once(monkeypatch: pytest.MonkeyPatch) -> None:
    checked = _counted(monkeypatch)
    table, units = _table(400), _fresh_units("甲样")
    parts = [
        row
        for start in range(0, 400, 50)
        for row in score_table(table.slice(start, 50), units=units).to_pylist()
    ]
    assert len(checked) == len(set(checked)) > 10  # once each, over all eight calls
    again = _fresh_units("乙样")
    checked.clear()
    assert parts == score_table(table, units=again).to_pylist()
    assert len(checked) == len(set(checked))  # the whole call checks the same ones


def test_rule_sets_keep_their_own_verdicts() -> None:
    units = _fresh_units("丙样")
    national = verdicts_module.kept_verdicts(NATIONAL, units)
    assert verdicts_module.kept_verdicts(attrs.evolve(NATIONAL), units) is national  # equal
    assert verdicts_module.kept_verdicts(HUBEI, units) is not national
    assert verdicts_module.kept_verdicts(NATIONAL, None) is not national
    table = _table(60)
    for rules in (NATIONAL, HUBEI, NATIONAL):
        scored = score_table(table, rules=rules, units=units).to_pylist()
        assert scored == score_table(table, rules=rules, units=_fresh_units("丁样")).to_pylist()


def test_kept_verdicts_are_bounded_and_keyed_by_the_actual_s_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(verdicts_module, "KEPT", 2)
    kept = verdicts_module.KeptVerdicts(NATIONAL)
    one = kept.verdict("≥1", 1, None, None)
    assert kept.verdict("≥1", 1.0, None, None) is not one  # 1 and 1.0: apart
    kept.verdict("≥2", 1, None, None)
    assert len(kept.verdicts) == 2  # the third checked, not kept
    missed = kept.verdict("≤2%", "3%", None, None)
    weights = [Fraction(number, 2) for number in range(1, 13)]
    assert kept.row_scores(missed, weights) == [missed.row_score(weight)[1:] for weight in weights]
    assert len(kept.scores) == 8  # the bound: 4 × KEPT scores kept
    table = _table(90)
    assert (
        score_table(table, units=_fresh_units("戊样")).to_pylist()
        == score_table(table, units=_fresh_units("己样")).to_pylist()
    )
