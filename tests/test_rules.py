"""Rules as the national system computes them: rounding per row, the published formulas and
their named variants, the regional hooks (偏离度 cut, 执行率 cap, late deadlines, the table's
budget 分值), 成本指标 read as ≤, weights that do not total 100, and the laws for them."""

from __future__ import annotations

import datetime
import math
from fractions import Fraction
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Spec, dumps, lint, loads, parse_target, score
from indicatorkit.cli import main
from indicatorkit.formats.html_report import render_report
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.formats.json_data import from_data, to_data
from indicatorkit.formats.workbook import write_self_assessment
from indicatorkit.language.bounds import Direction
from indicatorkit.scoring.assessment import assess
from indicatorkit.scoring.indicator import Outcome, display, score_indicator
from indicatorkit.scoring.monitoring import Light, monitor
from indicatorkit.scoring.rules import (
    NATIONAL,
    RULE_SETS,
    ExecutionCap,
    LateDeduction,
    Rounding,
    RoundingMode,
    RoundingStage,
)
from indicatorkit.scoring.score_rows import score_rows
from indicatorkit.strategies import specs
from indicatorkit.testing import check_rule_set, law_grades, law_monotone


def _table(*rows: tuple[str, str, str, str | None], budget: str = "") -> str:
    """A project of ``rows`` (level1 / level2 / name, target, actual, weight) with a fully
    executed budget of 10000元."""
    lines = ["项目 1 测试项目", "  预算：10000元", "  执行数：10000元", *budget.splitlines()]
    for title, target, actual, weight in rows:
        lines += [f"  指标 {title}", f"    指标值：{target}", f"    实际值：{actual}"]
        if weight is not None:
            lines.append(f"    分值：{weight}")
    return "\n".join(lines) + "\n"


OUT = "产出指标 / 数量指标 / 受理数"
USE = "效益指标 / 社会效益指标 / 知晓率"
SAT = "满意度指标 / 服务对象满意度指标 / 满意度"


# --- rounding ---------------------------------------------------------------------------------


def test_the_grade_follows_the_rows_as_shown() -> None:
    """Rows 50.00 / 20.00 / 10.00 / 10.00, exact 89.998: the total shown is 90.00 and the grade
    is the grade of 90.00 (优 ≥ 90), the exact value kept beside it."""
    spec = loads(
        _table(
            (OUT, "≥200件", "200件", "50"),
            (USE, "≥10000件", "9999件", "20"),
            (SAT, "≥10件", "5件", "20"),
        )
    )
    project = score(spec).projects[0]
    rows = [display(item.score.score) for item in project.indicators]
    assert [*rows, display(project.budget.score)] == ["50.00", "20.00", "10.00", "10.00"]
    assert project.indicators[1].score.exact_score == Fraction(19998, 1000)
    assert project.total == 90 and project.grade == "优"
    assert project.exact_range == (Fraction(89998, 1000), Fraction(89998, 1000))
    exact = score(spec, rules=attrs.evolve(NATIONAL, rounding=Rounding(stage=RoundingStage.NONE)))
    assert exact.projects[0].total == Fraction(89998, 1000) and exact.projects[0].grade == "良"


def test_the_rows_shown_add_up_to_the_total_shown() -> None:
    """6.67 × 3 + 20 + 20 + 10 = 70.01: the total is the sum of the rounded rows."""
    thirds = [(f"产出指标 / 数量指标 / 指标{i}", "≥3件", "2件", "10") for i in range(3)]
    spec = loads(_table(*thirds, (USE, "≥90%", "95%", "20"), (SAT, "≥90%", "95%", "20"), budget=""))
    project = score(spec, rescale=True).projects[0]  # weights total 80: rescaled to 100
    plain = score(spec).projects[0]
    shown = sum((Fraction(display(item.score.score)) for item in plain.indicators), Fraction(0))
    assert plain.total == shown + plain.budget.score == Fraction(7001, 100)
    assert display(plain.total) == "70.01" and plain.grade is None  # weights total 80
    assert project.rescaled and project.total == NATIONAL.rounding.round(Fraction(7001, 80))


def test_even_split_goes_in_steps_of_the_rounding() -> None:
    text = _table(*[(f"产出指标 / 数量指标 / 指标{i}", "≥3件", "3件", None) for i in range(3)])
    text += "  指标 效益指标 / 社会效益指标 / 知晓率\n    指标值：≥90%\n    实际值：95%\n"
    text += "  指标 满意度指标 / 服务对象满意度指标 / 满意度\n    指标值：≥90%\n    实际值：95%\n"
    project = score(loads(text)).projects[0]
    weights = [item.score.weight for item in project.indicators][:3]
    assert [display(w) for w in weights] == ["16.67", "16.67", "16.66"]
    assert project.total == 100 and project.grade == "优"
    whole = score(loads(text), rules="whole-points").projects[0]
    assert [item.score.weight for item in whole.indicators][:3] == [17, 17, 16]
    exact = score(loads(text), rules="round-total").projects[0]
    assert [item.score.weight for item in exact.indicators][:3] == [Fraction(50, 3)] * 3


@pytest.mark.parametrize(
    ("rounding", "value", "expected"),
    [
        (Rounding(), Fraction(89998, 1000), Fraction(90)),
        (Rounding(), Fraction(5, 1000), Fraction(1, 100)),
        (Rounding(), Fraction(-5, 1000), Fraction(-1, 100)),
        (Rounding(0), Fraction(5, 2), Fraction(3)),
        (Rounding(0, RoundingMode.HALF_EVEN), Fraction(5, 2), Fraction(2)),
        (Rounding(0, RoundingMode.HALF_EVEN), Fraction(7, 2), Fraction(4)),
        (Rounding(1, RoundingMode.DOWN), Fraction(195, 100), Fraction(19, 10)),
    ],
)
def test_rounding_modes(rounding: Rounding, value: Fraction, expected: Fraction) -> None:
    assert rounding.round(value) == expected


@given(
    value=st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6),
    other=st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6),
    places=st.integers(0, 4),
    mode=st.sampled_from(list(RoundingMode)),
)
def test_rounding_is_monotone_and_close(
    value: Fraction, other: Fraction, places: int, mode: RoundingMode
) -> None:
    rounding = Rounding(places, mode)
    low, high = sorted((value, other))
    assert rounding.round(low) <= rounding.round(high)
    error = abs(rounding.round(value) - value)
    assert error < rounding.step if mode is RoundingMode.DOWN else error <= rounding.step / 2
    assert (rounding.round(value) / rounding.step).denominator == 1
    if mode is RoundingMode.HALF_UP:  # what display() shows
        assert display(rounding.round(value), places) == display(value, places)


@settings(max_examples=40, deadline=None)
@given(spec=specs(max_projects=2), data=st.data())
def test_rows_shown_add_up_to_the_total_shown_and_grade_follows_it(
    spec: object, data: st.DataObject
) -> None:
    """Round half up per row: the displayed rows (and budget line) add up to the displayed
    total; the grade is the grade of the displayed total; every score lies in [0, weight]."""
    weights = st.fractions(min_value=0, max_value=50, max_denominator=100)
    projects = tuple(
        attrs.evolve(
            p,
            indicators=tuple(
                attrs.evolve(i, weight=data.draw(weights), evaluator_score=None)
                for i in p.indicators
            ),
        )
        if p.withheld is None
        else p
        for p in spec.projects  # type: ignore[attr-defined]
    )
    result = score(attrs.evolve(spec, projects=projects), rules=NATIONAL)
    for project in result.projects:
        for item in project.indicators:
            low, high = item.score.score_range
            assert 0 <= low <= high <= item.score.weight
        if project.total is None or project.rescaled:
            continue
        rows = [  # an undecided row of weight 0 counts its (0, 0) range
            Fraction(
                display(item.score.score_range[0] if item.score.score is None else item.score.score)
            )
            for item in project.indicators
        ]
        assert display(project.total) == display(sum(rows, Fraction(display(project.budget.score))))
        if project.grade is not None:
            assert project.grade == NATIONAL.grade(Fraction(display(project.total)))


# --- formulas and variants --------------------------------------------------------------------


def test_national_follows_the_published_formulas() -> None:
    assert NATIONAL.name == "national"
    lower = score_indicator("≤100元", "125元", 10)  # 分值 × 指标值 / 实际值 = 8
    assert lower.score == 8
    assert score_indicator("≤100元", "125元", 10, rules="lower-linear").score == Fraction(15, 2)
    boundary = score_indicator(">95%", "95%", 10)
    assert boundary.score == 10 and boundary.outcome is Outcome.MISSED
    assert score_indicator(">95%", "95%", 10, rules="strict-step").score == Fraction(999, 100)
    assert {"lower-linear", "strict-step", "round-total", "whole-points"} <= set(RULE_SETS)


# --- hooks ------------------------------------------------------------------------------------


def test_the_overshoot_cut() -> None:
    """偏离度: ≥ 130% of the target loses 2 points under ``overshoot-cut``; national cuts nothing."""
    cut = score_indicator("≥100件", "130件", 10, rules="overshoot-cut")
    assert cut.outcome is Outcome.MET and cut.score == 8 and cut.explanation_required
    assert "偏离度" in cut.message
    assert score_indicator("≥100件", "129件", 10, rules="overshoot-cut").score == 10
    assert score_indicator(parse_target("≥100件"), 130, 10, rules="overshoot-cut").score == 8
    assert score_indicator("≥100件", "130件", 10).score == 10


def test_the_monotone_law_holds_a_cut_off_the_rounding_grid() -> None:
    """Found by Hypothesis: full marks on a weight off the 0.01 grid stay exact (173/26) while
    the cut row is rounded (173/26 − 2 shown 4.65): the law compares exact scores, and the
    rows as shown differ by the cut plus at most half a unit of rounding."""
    weight = Fraction(173, 26)
    full = score_indicator(parse_target("≥0.77"), 1, weight, rules="overshoot-cut")
    cut = score_indicator(parse_target("≥0.77"), 2, weight, rules="overshoot-cut")
    assert full.exact_score == weight and cut.exact_score == weight - 2
    assert cut.score == Fraction(93, 20)
    assert full.score is not None and full.score - cut.score <= 2 + Fraction(1, 200)
    law = law_monotone(RULE_SETS["overshoot-cut"]).hypothesis.inner_test  # type: ignore[attr-defined]
    law(target=parse_target("≥0.77"), weight=weight, direction=None, x=Fraction(1), y=Fraction(2))


def test_the_execution_cap() -> None:
    capped = attrs.evolve(NATIONAL, execution_caps=(ExecutionCap(Fraction(6, 10), 60),))
    text = _table(
        (OUT, "≥10件", "10件", "50"), (USE, "≥10件", "10件", "30"), (SAT, "≥1件", "1件", "10")
    )
    half = text.replace("执行数：10000元", "执行数：5000元")
    assert score(loads(half)).projects[0].total == 95
    project = score(loads(half), rules=capped).projects[0]
    assert project.total == 60 and project.grade == "中"
    assert score(loads(text), rules=capped).projects[0].total == 100
    check_rule_set(capped, max_examples=10)


def test_a_late_deadline_loses_in_proportion_to_the_delay() -> None:
    assert score_indicator("6月底前", "7月15日", 10).score == 0  # national: missed, 0
    monthly = attrs.evolve(NATIONAL, late=LateDeduction(Fraction(1, 2), 30))
    assert score_indicator("6月底前", "7月15日", 10, rules=monthly).score == Fraction(15, 2)
    assert score_indicator("6月底前", "7月30日", 10, rules=monthly).score == 5
    assert score_indicator("6月底前", "12月1日", 10, rules=monthly).score == 0
    assert score_indicator("6月底前", "6月1日", 10, rules=monthly).score == 10
    check_rule_set(monthly, max_examples=10)


def test_the_budget_lines_points_from_the_table() -> None:
    text = _table(
        (OUT, "≥10件", "10件", "50"), (USE, "≥10件", "10件", "20"), (SAT, "≥1件", "1件", "10")
    )
    spec = loads(text.replace("  执行数：10000元\n", "  执行数：9000元\n  预算分值：20\n"))
    project = score(spec).projects[0]
    assert project.budget.weight == 20 and project.budget.score == 18
    assert project.weight_sum == 100 and project.total == 98 and project.grade == "优"
    assert [f.code for f in lint(spec) if f.code == "IK309"] == []
    assert "预算分值：20" in dumps(spec) and loads(dumps(spec)) == spec
    assert from_data(to_data(spec)) == spec


def test_a_cost_target_without_an_operator_reads_as_at_most() -> None:
    text = (
        "项目 1 测试\n  指标 产出指标 / 成本指标 / 项目总成本\n    指标值：15万元\n    实际值：{}\n"
    )
    under = score(loads(text.format("12万元"))).projects[0].indicators[0].score
    assert under.outcome is Outcome.MET and "≤" in under.message
    over = score(loads(text.format("18万元"))).projects[0].indicators[0].score
    assert over.outcome is Outcome.MISSED and over.exact_score == Fraction(50 * 15, 18)
    spec = loads(text.format("12万元"))
    assert [f.code for f in lint(spec) if f.code == "IK214"] == ["IK214"]
    written = loads(text.format("12万元").replace("15万元", "≥15万元"))
    assert not [f for f in lint(written) if f.code == "IK214"]
    assert score(written).projects[0].indicators[0].score.outcome is Outcome.MISSED
    at = datetime.date(2025, 12, 31)
    assert monitor(loads(text.format("12万元")), at).projects[0].indicators[0].light is Light.GREEN
    directed = loads(text.format("18万元") + "    方向：正向\n")
    assert directed.projects[0].indicators[0].direction is Direction.HIGHER
    assert score(directed).projects[0].indicators[0].score.outcome is Outcome.MET


# --- weights ----------------------------------------------------------------------------------

OVER = _table(
    (OUT, "≥10件", "10件", "50"), (USE, "≥10件", "10件", "30"), (SAT, "≥1件", "1件", "30")
)
UNDER = _table(
    (OUT, "≥10件", "10件", "20"), (USE, "≥10件", "10件", "20"), (SAT, "≥1件", "1件", "20")
)


def test_weights_that_do_not_total_100_get_no_grade() -> None:
    over = score(loads(OVER)).projects[0]
    assert over.total == 120 and over.grade is None and "120" in over.grade_note
    under = score(loads(UNDER)).projects[0]
    assert under.total == 70 and under.grade is None and "70" in under.grade_note
    assert "不评 withheld" in score(loads(UNDER)).table()
    rescaled = score(loads(UNDER), rescale=True).projects[0]
    assert rescaled.total == 100 and rescaled.grade == "优" and rescaled.rescaled
    assert score(loads(UNDER), rules="rescale-100").projects[0].grade == "优"
    printed = loads(OVER.replace("  执行数", "  总分值：100\n  执行数"))
    assert "总分 100" in score(printed).projects[0].grade_note


def test_every_output_says_why_the_grade_is_withheld(tmp_path: Path) -> None:
    """The report page, the scored workbook (total row and summary sheet), the CSV rows and
    JSON all print 不评 and the reason where the grade would be."""
    assessment = assess(loads(UNDER), year=2025)
    note = assessment.result.projects[0].grade_note
    assert "70" in note
    section = build_page(assessment).projects[0]
    assert (section.grade, section.grade_note) == ("不评 withheld", note)
    html = render_report(assessment)
    assert "不评 withheld" in html and "（分值合计 70，不是 100" in html
    assert "IK309" in {f.code for f in assessment.findings}
    path = tmp_path / "scored.xlsx"
    write_self_assessment(assessment.result, path)
    cells = {
        str(cell.value)
        for sheet in openpyxl.load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }
    assert "不评" in cells and note in cells
    [total] = [row for row in score_rows(assessment.result) if row[0] == "项目总分 project total"]
    assert note in total[14]
    data = assessment.result.to_dict()["projects"][0]
    assert data["grade"] is None and data["grade_note"] == note


def test_lint_says_when_weights_do_not_total_100() -> None:
    over = [f for f in lint(loads(OVER)) if f.code == "IK309"]
    assert len(over) == 1 and "120" in over[0].message
    assert [f.code for f in lint(loads(UNDER)) if f.code == "IK309"] == ["IK309"]
    hubei = UNDER.replace("分值：20\n", "分值：25\n", 2).replace("分值：20\n", "分值：30\n")
    assert not [f for f in lint(loads(hubei), budget_weight=Fraction(20)) if f.code == "IK309"]
    assert [f.code for f in lint(loads(hubei)) if f.code == "IK309"] == ["IK309"]


def test_the_score_command_withholds_the_grade_and_rescales_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "under.ikspec"
    path.write_text(UNDER, encoding="utf-8")
    assert main(["score", str(path)]) == 1
    out = capsys.readouterr().out
    assert "不评 withheld" in out and "70.00" in out
    assert main(["score", str(path), "--rescale"]) == 0
    assert "100.00  等级 grade: 优" in capsys.readouterr().out
    assert main(["lint", str(path)]) == 0  # a warning: exit 0
    assert "IK309" in capsys.readouterr().out


# --- the laws ---------------------------------------------------------------------------------


def test_the_grade_laws_catch_bands_out_of_order_or_outside_100() -> None:
    for grades in (
        ((Fraction(80), "优"), (Fraction(90), "良"), (Fraction(0), "差")),
        ((Fraction(120), "优"), (Fraction(0), "差")),
        ((Fraction(90), "优"), (Fraction(10), "差")),  # a total below 10 has no grade
    ):
        broken = attrs.evolve(NATIONAL, name="broken", grades=grades)
        with pytest.raises(AssertionError):
            settings(max_examples=50, deadline=None)(law_grades(broken))()


@pytest.mark.parametrize("name", ["whole-points", "round-total", "lower-linear", "overshoot-cut"])
def test_rounding_and_variant_rule_sets_pass_every_law(name: str) -> None:
    check_rule_set(RULE_SETS[name], max_examples=15)


def test_a_central_self_assessment_carries_its_printed_points_into_the_score() -> None:
    """The 自评表's budget row prints 分值 10 and the 总分 row 120 (50 + 30 + 30 + 10): both
    land in the spec, lint says IK309 and the score gives no grade."""
    from indicatorkit.formats.document import read_document
    from indicatorkit.formats.document_blocks import text_parts

    rows = [
        "项目名称\t法律援助",
        "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t10\t10\t9\t20\t90%\t18",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t受理数\t≥180件\t180件\t50\t50",
        "效益指标\t社会效益指标\t知晓率\t≥90%\t95%\t30\t30",
        "满意度指标\t服务对象满意度指标\t满意度\t≥90%\t95%\t30\t30",
        "总分\t\t\t\t\t130\t128",
    ]
    text = "\n\n".join("\n".join("\t" + cell for cell in row.split("\t")) for row in rows)
    project = read_document(text_parts(text, source="自评.txt"), source="自评.txt").spec.projects[0]
    assert (project.budget_weight, project.weight_total) == (20, 130)
    scored = score(Spec(projects=(project,))).projects[0]
    assert scored.budget.weight == 20 and scored.budget.score == 18
    assert scored.total == 128 and scored.grade is None and "130" in scored.grade_note
    assert "IK309" in [f.code for f in lint(Spec(projects=(project,)))]


def test_the_central_layout_carries_its_printed_points_into_the_score() -> None:
    """The central reader (every container's grid): the budget row's 分值 20 and the 总分 row's
    130 land on the project; the score takes the 20 and withholds the grade (50+30+30+20)."""
    from indicatorkit.formats.central_layout import read_self_assessment_grid
    from indicatorkit.formats.grid import grid_from_rows

    grid = grid_from_rows(
        "自评表",
        [
            ["项目名称", "法律援助"],
            [
                "项目资金（万元）",
                None,
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
            ],
            [None, "年度资金总额", "10", "10", "9", "20", "90%", "18"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "受理数", "≥180件", "180件", "50", "50"],
            ["效益指标", "社会效益指标", "知晓率", "≥90%", "95%", "30", "30"],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "30", "30"],
            ["总分", None, None, None, None, "130", "128"],
        ],
    )
    ((project, _),) = read_self_assessment_grid(grid, first_number=1).projects
    assert (project.budget_weight, project.weight_total) == (20, 130)
    scored = score(Spec(projects=(project,))).projects[0]
    assert scored.budget.score == 18 and scored.total == 128 and scored.grade is None


def _rounded_by_definition(value: Fraction, places: int, mode: RoundingMode) -> Fraction:
    """Rounding written from its definition, in Fractions: the nearest multiple of 10^-places,
    a half going up (away from zero) or to the even neighbour."""
    step = Fraction(1, 10**places)
    low = (abs(value) // step) * step
    rest = abs(value) - low
    if rest * 2 > step or (
        rest * 2 == step and (mode is RoundingMode.HALF_UP or (low / step) % 2 == 1)
    ):
        low += step
    return low if value >= 0 else -low


@st.composite
def _values_and_places(draw: st.DrawFn) -> tuple[Fraction, int]:
    places = draw(st.integers(min_value=0, max_value=4))
    halves = st.integers(-(10**6), 10**6).map(lambda k: Fraction(2 * k + 1, 2 * 10**places))
    value = draw(st.fractions(min_value=-1000, max_value=1000, max_denominator=10**6) | halves)
    return value, places


@settings(max_examples=500)
@given(_values_and_places(), st.sampled_from([RoundingMode.HALF_UP, RoundingMode.HALF_EVEN]))
def test_rounding_is_its_definition(
    value_and_places: tuple[Fraction, int], mode: RoundingMode
) -> None:
    value, places = value_and_places
    rounded = Rounding(places=places, mode=mode).round(value)
    assert rounded == _rounded_by_definition(value, places, mode)
    assert math.gcd(rounded.numerator, rounded.denominator) == 1 < rounded.denominator + 1


def test_rows_off_the_grid_count_as_shown_and_add_up_to_the_total() -> None:
    """Full marks on weights off the 0.01 grid (100/3, 100/3, 70/3 and the budget line's 10)
    show 33.33, 33.33, 23.33; the total is the rows shown (99.99), never a total the rows
    shown do not add up to (100.00)."""
    text = "项目 1 甲\n  预算：100元\n  执行数：100元\n" + "".join(
        f"  指标 产出指标 / 数量指标 / 数{n}\n    指标值：≥1件\n    实际值：2件\n"
        for n in (1, 2, 3)
    )
    spec = loads(text)
    (project,) = spec.projects
    weights = (Fraction(100, 3), Fraction(100, 3), Fraction(70, 3))
    thirds = tuple(
        attrs.evolve(i, weight=w) for i, w in zip(project.indicators, weights, strict=True)
    )
    spec = attrs.evolve(spec, projects=(attrs.evolve(project, indicators=thirds),))
    (scored,) = score(spec, rules="national").projects
    assert [item.score.score for item in scored.indicators] == list(weights)
    assert scored.budget.score == 10 and scored.weight_sum == 100
    assert scored.total_range == (Fraction(9999, 100), Fraction(9999, 100))
    shown = [display(item.score.score) for item in scored.indicators]
    assert shown == ["33.33", "33.33", "23.33"] and display(scored.total_range[0]) == "99.99"
