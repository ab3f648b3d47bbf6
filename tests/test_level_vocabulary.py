"""One vocabulary of level-1 and level-2 names (``indicatorkit.vocabulary``), read alike by
import, lint, the actuals merge, scoring and the report: every alias means its framework name
to each of them (issue 20: lint called 项目完成指标 "outside the framework" while scoring
counted it as 产出指标)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import loads, score
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.formats.workbook import read_workbook
from indicatorkit.model.actuals import merge_actuals
from indicatorkit.model.lint import lint
from indicatorkit.scoring.assessment import assess
from indicatorkit.scoring.rules import NATIONAL
from indicatorkit.vocabulary import (
    LEVEL1,
    LEVEL1_ALIASES,
    LEVEL2,
    LEVEL2_ALIASES,
    level1_name,
    level2_name,
)
from tests import workbook_layouts as layouts

#: Every other name of a level-1 indicator: the listed aliases and the names without 指标.
LEVEL1_OTHER_NAMES = sorted({*LEVEL1_ALIASES, *(name.removesuffix("指标") for name in LEVEL1)})
#: (level-1 as written, level-2 as written, the framework's level-1, the framework's level-2).
LEVEL2_OTHER_NAMES = sorted(
    {
        (written1, alias, level1, LEVEL2_ALIASES[level1][alias])
        for level1 in LEVEL2_ALIASES
        for alias in LEVEL2_ALIASES[level1]
        for written1 in (level1, *(a for a, c in LEVEL1_ALIASES.items() if c == level1))
    }
    | {
        (level1, name.removesuffix("指标"), level1, name)
        for level1, names in LEVEL2.items()
        for name in names
    }
)


def _spec(level1: str, level2: str) -> str:
    return (
        "项目 1 法律援助\n  预算：10000元\n  执行数：10000元\n"
        f"  指标 {level1} / {level2} / 受理数\n    指标值：≥200件\n    实际值：210件\n"
        "    依据：计划标准\n"
    )


def test_the_framework_and_its_aliases_are_one_table() -> None:
    assert all(level1_name(name) == name for name in LEVEL1)
    assert all(level2_name(level1, name) == name for level1 in LEVEL2 for name in LEVEL2[level1])
    assert all(level1_name(alias) in LEVEL1 for alias in LEVEL1_OTHER_NAMES)
    for _, alias, level1, expected in LEVEL2_OTHER_NAMES:
        assert expected in LEVEL2[level1] and level2_name(level1, alias) == expected
    assert level1_name("其他指标") == "其他指标" and level2_name("产出指标", "连续性") == "连续性"


@settings(deadline=None)
@given(st.sampled_from(LEVEL1_OTHER_NAMES))
def test_every_level1_alias_means_the_same_to_lint_scoring_and_report(alias: str) -> None:
    framework = level1_name(alias)
    level2 = LEVEL2[framework][0]
    spec = loads(_spec(alias, level2))
    codes = {f.code for f in lint(spec)}
    assert "IK102" in codes and "IK101" not in codes and "IK103" not in codes
    result = score(spec)
    project = result.projects[0]
    assert [(s.level1, s.level2) for s in project.subtotals] == [
        (framework, ""),
        (framework, level2),
    ]
    weight = NATIONAL.level_weights.get(framework)
    if weight is not None:  # a level the rule set weighs: its weight, no "no weight" finding
        assert project.indicators[0].score.weight == weight
        assert not any("没有规定的权重" in f.message for f in result.findings)
    page = build_page(assess(spec))
    assert page.projects[0].levels[0].level1 == framework


@settings(deadline=None)
@given(st.sampled_from(LEVEL2_OTHER_NAMES), st.booleans())
def test_every_level2_alias_means_the_same_to_lint_scoring_and_merge(
    names: tuple[str, str, str, str], row_uses_framework: bool
) -> None:
    written1, alias, level1, framework = names
    spec = loads(_spec(written1, alias).replace("    实际值：210件\n", ""))
    codes = [f.code for f in lint(spec)]
    assert "IK102" in codes and "IK103" not in codes and "IK101" not in codes
    subtotals = score(spec).projects[0].subtotals
    assert [(s.level1, s.level2) for s in subtotals] == [(level1, ""), (level1, framework)]
    # a row of an actuals file names the levels one way, the spec the other: they match
    row1, row2 = (level1, framework) if row_uses_framework else (written1, alias)
    actuals = read_actuals(
        f"项目,一级指标,二级指标,三级指标,实际值\n1,{row1},{row2},受理数,210件\n"
    )
    merged, findings = merge_actuals(spec, actuals)
    assert merged.projects[0].indicators[0].actual == "210件"
    assert not [f for f in findings if f.code in ("IK404", "IK405")]


def test_a_level_outside_the_framework_is_still_an_error_and_unweighted() -> None:
    spec = loads(_spec("其他指标", "数量指标"))
    assert "IK101" in {f.code for f in lint(spec)}
    assert score(spec).projects[0].indicators[0].score.weight == 0


def test_an_imported_table_with_older_names_is_read_alike(tmp_path: Path) -> None:
    path = layouts.older_naming(tmp_path)
    spec = read_workbook(path, source=path.name).spec
    assert spec is not None
    assert spec.projects[0].indicators[0].level1 == "项目完成指标"  # kept as written
    codes = [f.code for f in lint(spec)]
    assert "IK101" not in codes and codes.count("IK102") >= 5
    levels = [(s.level1, s.level2) for s in score(spec).projects[0].subtotals if not s.level2]
    assert levels == [("产出指标", ""), ("效益指标", ""), ("满意度指标", "")]
    weights = [i.score.weight for i in score(spec).projects[0].indicators]
    assert weights[:2] == [25, 25]  # 产出指标's 50 split over its two rows


def test_a_blank_level2_is_counted_once() -> None:
    spec = loads(_spec("产出指标", "数量指标").replace("产出指标 / 数量指标 /", "产出指标 / /"))
    assert spec.projects[0].indicators[0].level2 == ""
    subtotals = score(spec).projects[0].subtotals
    assert [(s.level1, s.level2, s.weight) for s in subtotals] == [("产出指标", "", 50)]
