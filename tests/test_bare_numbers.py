"""A bare number whose reading in the target's unit is implausible is left undecided, naming
both readings — unless the unit is written, or the table's column states it (issue 20:
``46800`` under ``≤5万元`` scored 0 as 46800万元, ``0.96`` under ``≥95%`` scored 0.10)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Spec, loads, score
from indicatorkit.formats.central_table import find_indicator_table, read_indicators
from indicatorkit.formats.document import read_document
from indicatorkit.formats.document_blocks import text_parts
from indicatorkit.formats.grid import grid_from_rows
from indicatorkit.formats.grid_reading import GridReading
from indicatorkit.formats.workbook import read_workbook
from indicatorkit.language.bare_numbers import (
    IMPLAUSIBLE_FACTOR,
    implausible_ratio,
    other_reading,
)
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import Comparison
from indicatorkit.language.values import Amount
from indicatorkit.model.lint import lint
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.indicator import Outcome, score_indicator
from indicatorkit.units import default_registry

_RATIOS = st.fractions(min_value=Fraction(1, 10**6), max_value=10**6)
_MONEY = st.sampled_from(["元", "千元", "万元", "亿元"])


def test_the_issue_cases_are_undecided_and_name_both_readings() -> None:
    money = score_indicator("≤5万元", "46800", 10)
    assert money.outcome is Outcome.FAILED and money.score is None
    assert money.score_range == (0, 10) and money.actual == "46800"
    assert "46800万元" in money.message and "46800元" in money.message
    rate = score_indicator("≥95%", "0.96", 10)
    assert rate.outcome is Outcome.FAILED and rate.score is None
    assert "0.96%" in rate.message and "96%" in rate.message


def test_plausible_bare_numbers_and_written_units_are_read_as_before() -> None:
    assert score_indicator("≥95%", "96", 10).outcome is Outcome.MET
    assert score_indicator("≤5万元", "4.68", 10).outcome is Outcome.MET
    assert score_indicator("≥735人次", "735", 10).outcome is Outcome.MET  # a count: no rule
    assert score_indicator("≤5万元", "46800元", 10).outcome is Outcome.MET
    assert score_indicator("≥95%", "0.96%", 10).outcome is Outcome.MISSED  # as written
    assert score_indicator("≤1%", "0", 10).outcome is Outcome.MET  # 0 reads 0 either way
    assert score_indicator("≤0元", "46800", 10).outcome is Outcome.MISSED  # no scale to judge


@settings(deadline=None)
@given(_RATIOS)
def test_the_ratio_rule_is_symmetric(ratio: Fraction) -> None:
    assert implausible_ratio(ratio) == implausible_ratio(1 / ratio)


@settings(deadline=None)
@given(_RATIOS, _RATIOS)
def test_the_ratio_rule_is_monotone(ratio: Fraction, other: Fraction) -> None:
    nearer, farther = sorted((ratio, other), key=lambda r: r if r >= 1 else 1 / r)
    if implausible_ratio(nearer):
        assert implausible_ratio(farther)
    assert implausible_ratio(IMPLAUSIBLE_FACTOR) and not implausible_ratio(IMPLAUSIBLE_FACTOR - 1)


def _distance(ratio: Fraction) -> Fraction:
    return ratio if ratio >= 1 else 1 / ratio


@settings(deadline=None)
@given(
    target=st.integers(1, 10**8).map(lambda n: Fraction(n, 100)),
    ratio=_RATIOS,
    unit=_MONEY,
)
def test_money_fires_only_when_the_ratio_is_implausible_and_names_a_nearer_reading(
    target: Fraction, ratio: Fraction, unit: str
) -> None:
    comparison = parse_target(f"≤{format_decimal(target)}{unit}")
    assert isinstance(comparison, Comparison)
    value = target * ratio
    other = other_reading(value, comparison)
    if other is None:
        # a middle unit (千元, 万元) always has a nearer neighbour either way
        assert not (implausible_ratio(ratio) and unit in ("千元", "万元"))
        return
    assert implausible_ratio(ratio)
    assert other.unit.symbol != unit and other.value == value
    assert _distance(other.normalized / comparison.amount.normalized) <= _distance(ratio)


@settings(deadline=None)
@given(
    target=st.integers(0, 10**4).map(lambda n: Fraction(n, 100)),
    value=st.fractions(min_value=-5, max_value=200, max_denominator=1000),
)
def test_a_percent_target_doubts_every_nonzero_number_up_to_one(
    target: Fraction, value: Fraction
) -> None:
    other = other_reading(value, parse_target(f"≥{format_decimal(target)}%"))
    assert (other is not None) == (value != 0 and abs(value) <= 1)
    if other is not None:
        assert other == Amount(value * 100, default_registry().unit("%"))


@settings(deadline=None)
@given(
    value=st.fractions(min_value=Fraction(1, 1000), max_value=10**7, max_denominator=1000),
    target=st.sampled_from(["≤5万元", "≥95%", "≥100000元", "90%-100%", "≤2%"]),
    unit=st.sampled_from(["元", "万元", "亿元", "%", "‰"]),
)
def test_never_fires_when_a_unit_is_written(value: Fraction, target: str, unit: str) -> None:
    parsed = parse_target(target)
    actual = format_decimal(value) + unit
    result = score_indicator(parsed, actual, 10)
    assert "也可能是" not in result.message
    amount = Amount(value, default_registry().unit(unit))
    assert "也可能是" not in score_indicator(parsed, amount, 10).message
    spec = loads(
        f"项目 1 x\n  预算：1元\n  指标 产出指标 / 数量指标 / a\n    指标值：{target}\n"
        f"    实际值：{actual}\n"
    )
    assert "IK213" not in {f.code for f in lint(spec)}


def test_lint_locates_the_doubtful_actual_and_scoring_leaves_it_open() -> None:
    spec = loads(
        "项目 1 法律援助\n  预算：10000元\n  执行数：10000元\n"
        "  指标 产出指标 / 成本指标 / 培训成本\n    指标值：≤5万元\n    实际值：46800\n"
        "  指标 效益指标 / 社会效益指标 / 知晓率\n    指标值：≥95%\n    实际值：0.96\n"
    )
    found = [f for f in lint(spec) if f.code == "IK213"]
    assert [(f.line, f.column) for f in found] == [(6, 9), (9, 9)]  # at the value
    assert "46800万元" in found[0].message and "46800元" in found[0].message
    project = score(spec).projects[0]
    assert [i.score.outcome for i in project.indicators] == [Outcome.FAILED] * 2
    assert project.total_range[1] - project.total_range[0] == 80  # both weights undecided


def _workbook(tmp_path: Path, header: str, actual: object) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "法律援助"])
    sheet.append(["一级指标", "二级指标", "三级指标", "年度指标值", header, "分值"])
    sheet.append(["产出指标", "成本指标", "培训成本", "≤5万元", actual, 50])
    sheet.append(["效益指标", "社会效益指标", "知晓率", "≥95%", 0.96, 30])
    path = tmp_path / "自评表.xlsx"
    book.save(path)
    return path


def _read(path: Path) -> Spec | None:
    return read_workbook(path, source=path.name).spec


def test_a_column_that_states_its_unit_is_read_as_stated(tmp_path: Path) -> None:
    stated = _read(_workbook(tmp_path, "实际完成值（元）", 46800))
    assert stated is not None
    cost, rate = stated.projects[0].indicators
    assert cost.actual == "46800元"  # the column says 元
    assert rate.actual == "0.96元"  # … for every row: then the rate cannot be compared
    scored = score(stated).projects[0].indicators
    assert scored[0].score.outcome is Outcome.MET
    assert scored[1].score.outcome is Outcome.FAILED


def test_a_column_without_a_unit_leaves_the_doubtful_numbers_open(tmp_path: Path) -> None:
    bare = _read(_workbook(tmp_path, "实际完成值", 46800))
    assert bare is not None
    assert [i.actual for i in bare.projects[0].indicators] == ["46800", "0.96"]
    scored = score(bare).projects[0].indicators
    assert [s.score.outcome for s in scored] == [Outcome.FAILED, Outcome.FAILED]
    assert {f.code for f in lint(bare)} >= {"IK213"}


def test_a_percent_column_is_read_as_percent(tmp_path: Path) -> None:
    spec = _read(_workbook(tmp_path, "实际完成值(%)", 4))
    assert spec is not None
    assert [i.actual for i in spec.projects[0].indicators] == ["4%", "0.96%"]


def _document(header: str) -> Spec | None:
    rows = [
        "项目名称\t法律援助",
        f"一级指标\t二级指标\t三级指标\t年度指标值\t{header}\t分值\t得分",
        "产出指标\t成本指标\t培训成本\t≤5万元\t46800\t50\t50",
    ]
    text = "\n\n".join("\n".join("\t" + cell for cell in row.split("\t")) for row in rows)
    return read_document(text_parts(text, source="自评.docx"), source="自评.docx").spec


def test_a_word_or_pdf_table_reads_the_headers_unit_too() -> None:
    stated, bare = _document("实际完成值（元）"), _document("实际完成值")
    assert stated is not None and bare is not None
    assert stated.projects[0].indicators[0].actual == "46800元"
    assert score(stated).projects[0].indicators[0].score.outcome is Outcome.MET
    assert bare.projects[0].indicators[0].actual == "46800"
    assert score(bare).projects[0].indicators[0].score.outcome is Outcome.FAILED


def test_the_central_layout_reads_the_headers_unit_too() -> None:
    def actuals(header: str) -> list[str | None]:
        grid = grid_from_rows(
            "自评表",
            [
                ["一级指标", "二级指标", "三级指标", "年度指标值", header, "分值", "得分"],
                ["产出指标", "成本指标", "培训成本", "≤5万元", "46800", "20", "20"],
            ],
        )
        found = read_indicators(GridReading(grid), find_indicator_table(grid, 1))
        return [indicator.actual for indicator, _ in found]

    assert actuals("实际完成值（元）") == ["46800元"]
    assert actuals("实际完成值") == ["46800"]
