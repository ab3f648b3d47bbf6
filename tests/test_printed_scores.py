"""A 自评表's printed 得分 on quantitative rows: read without noise (IK207 only where the score
cannot be the rules' — full marks printed for a missed target, less than full marks for a met
one), and ``score`` shows the printed score beside its own wherever the two differ."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indicatorkit import Indicator, lint, loads, parse_target, score
from indicatorkit.cli import main
from indicatorkit.model.printed_score import score_problem
from indicatorkit.scoring.indicator import score_indicator
from tests import central_layouts as layouts


def _edited(changes: dict[str, dict[int, Any]]) -> layouts.Table:
    table = layouts.self_assessment()
    rows = [list(row) for row in table.rows]
    for row in rows:
        for column, value in changes.get(str(row[2]), {}).items():
            row[column - 1] = value
    return attrs.evolve(table, rows=tuple(tuple(row) for row in rows))


def _codes(path: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int]]:
    main(["lint", str(path), "--format", "json"])
    return [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)]


def test_a_consistent_printed_table_has_no_ik207(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = layouts.to_xlsx(layouts.self_assessment(), tmp_path / "自评.xlsx")
    assert [c for c, _ in _codes(path, capsys) if c == "IK207"] == []


def test_printed_scores_the_actuals_contradict_are_still_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _edited(
        {"受理数": {5: "150件"}, "群众知晓率": {7: 25}}
    )  # missed at 20/20; met at 25/30
    path = layouts.to_xlsx(table, tmp_path / "自评.xlsx")
    rows = {str(row[2]): index for index, row in enumerate(table.rows, 1)}
    found = [line for code, line in _codes(path, capsys) if code == "IK207"]
    assert found == [rows["受理数"], rows["群众知晓率"]]
    assert main(["score", str(path), "--format", "json"]) == 1  # the missed row wants a reason
    project = json.loads(capsys.readouterr().out)["projects"][0]
    notes = {i["name"]: i["message"] for i in project["indicators"]}
    assert "表上印的得分 25，按规则计算为 30" in notes["群众知晓率"]
    assert "表上印的得分 20" in notes["受理数"]
    assert "表上印的得分" not in notes["满意度"]  # 10 printed, 10 computed
    main(["score", str(path)])
    assert "核对 note: 表上印的得分 25" in capsys.readouterr().out


def test_a_spec_file_score_keeps_ik207_where_it_disagrees() -> None:
    text = "项目 1\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n    分值：4\n    实际值：1件\n    自评得分：{}\n"
    codes = [f.code for f in lint(loads(text.format(4)))]
    assert "IK207" not in codes
    codes = [f.code for f in lint(loads(text.format(3)))]
    assert "IK207" in codes
    no_weight = "项目 1\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n    实际值：1件\n    自评得分：3\n"
    assert "IK207" in [f.code for f in lint(loads(no_weight))]


@settings(deadline=None, max_examples=80)
@given(
    target=st.integers(1, 500),
    actual=st.integers(0, 1000),
    weight=st.integers(1, 50),
    printed=st.fractions(0, 50, max_denominator=100),
)
@example(target=500, actual=499, weight=1, printed=Fraction(1))  # 0.998 shown as 1.00
def test_no_problem_is_said_of_a_score_the_rules_give(
    target: int, actual: int, weight: int, printed: Fraction
) -> None:
    """The national rules' own score for the row never draws IK207 — unless they round a missed
    row's score up to full marks (0.998 of 1 shows 1.00), which is still full marks on a missed
    target; full marks on a missed target, or less than full marks on a met one, always does."""
    indicator = Indicator(
        "产出指标",
        "数量指标",
        "数",
        parse_target(f"≥{target}件"),
        weight=weight,
        actual=f"{actual}件",
    )
    computed = score_indicator(indicator.target, indicator.actual, weight).score
    assert computed is not None
    met = actual >= target
    own = score_problem(attrs.evolve(indicator, evaluator_score=computed))
    assert (own is None) == (met or computed < weight)
    problem = score_problem(attrs.evolve(indicator, evaluator_score=printed))
    if (met and printed != weight) or (not met and printed >= weight):
        assert problem is not None
    else:
        assert problem is None


_ONE_ROW = (
    "评分规则：{rules}\n项目 1 甲\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥{target}件\n"
    "    分值：{weight}\n    实际值：2件\n    自评得分：{printed}\n"
)


def _note(rules: str, target: int, weight: int, printed: str) -> str:
    """The ``score`` message of a one-row spec scored by ``rules``."""
    text = _ONE_ROW.format(rules=rules, target=target, weight=weight, printed=printed)
    return score(loads(text)).projects[0].indicators[0].score.message


@pytest.mark.parametrize(
    ("rules", "target", "weight", "printed", "given"),
    [
        ("national", 4, 45, "20", "22.50"),  # 22.5 shown as every national output shows it
        ("whole-points", 4, 45, "20", "23"),
        ("round-total", 3, 1, "0.6", "0.67"),  # rows exact (2/3), shown to two places
    ],
)
def test_the_printed_score_note_shows_the_rules_score_as_the_rule_set_shows_points(
    rules: str, target: int, weight: int, printed: str, given: str
) -> None:
    note = _note(rules, target, weight, printed)
    assert f"表上印的得分 {printed}，按规则计算为 {given} (the table prints {printed}; " in note
    row = score(loads(_ONE_ROW.format(rules=rules, target=target, weight=weight, printed=printed)))
    shown = row.rules.rounding.display(row.projects[0].indicators[0].score.score)
    assert shown == given  # the note and the score column show the same text


def test_a_printed_score_equal_to_the_rules_score_as_shown_draws_no_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``round-total`` keeps rows exact (2/3); a table printing 0.67 shows what the rule set
    shows, so no note says "prints 0.67; the rules give 0.67"."""
    assert "表上印的得分" not in _note("round-total", 3, 1, "0.67")
    path = tmp_path / "规格.txt"
    path.write_text(_ONE_ROW.format(rules="round-total", target=3, weight=1, printed="0.67"))
    main(["score", str(path)])
    assert "核对 note" not in capsys.readouterr().out
    path.write_text(_ONE_ROW.format(rules="national", target=4, weight=45, printed="20"))
    main(["score", str(path)])
    assert "表上印的得分 20，按规则计算为 22.50" in capsys.readouterr().out  # in 原因 why: missed
