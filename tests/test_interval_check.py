"""``check`` decides an actual written as a bound or a range (``90%-95%``, ``3至5次``,
``≥90%``) the way ``score`` does — both go through
:func:`~indicatorkit.language.interval_actual.check_actual`: met when the interval lies wholly
inside the target, a finding (never a verdict) when part of it lies outside."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit.cli import main
from indicatorkit.language.interval_actual import IntervalResult, PartlyOutsideError, check_actual
from indicatorkit.language.parse import parse_target
from indicatorkit.model.actuals import ActualRow
from indicatorkit.numerals import format_decimal
from indicatorkit.scoring.attainment import attainment
from indicatorkit.scoring.checking import CheckedRow, check_actuals
from indicatorkit.scoring.indicator import Outcome, score_indicator

_VALUES = st.fractions(min_value=0, max_value=200, max_denominator=100).map(
    lambda f: Fraction(round(f * 100), 100)
)
_OPERATORS = ["≥", ">", "≤", "<"]


def _checked(target: str, actual: str) -> CheckedRow | None:
    """The checked row, or ``None`` when check gave a finding instead."""
    (item,) = check_actuals([ActualRow(2, "甲", "", "", "指标", actual, target)])
    return item if isinstance(item, CheckedRow) else None


@settings(deadline=None, max_examples=60)
@given(
    target_operator=st.sampled_from(_OPERATORS),
    target_value=_VALUES,
    shape=st.sampled_from(["bound", "range"]),
    operator=st.sampled_from(_OPERATORS),
    low=_VALUES,
    width=_VALUES,
)
def test_check_and_score_decide_an_interval_alike(
    target_operator: str,
    target_value: Fraction,
    shape: str,
    operator: str,
    low: Fraction,
    width: Fraction,
) -> None:
    target = f"{target_operator}{format_decimal(target_value)}%"
    if shape == "bound":
        actual = f"{operator}{format_decimal(low)}%"
    else:
        actual = f"{format_decimal(low)}%-{format_decimal(low + width + Fraction(1, 100))}%"
    scored = score_indicator(target, actual, 10)
    checked = _checked(target, actual)
    if scored.outcome is Outcome.MET:
        assert checked is not None and checked.result.met is True, (target, actual)
        assert isinstance(checked.result, IntervalResult) and checked.attainment is None
    else:  # partly outside: score leaves it undecided, check says so as a finding
        assert scored.score is None, (target, actual)
        assert checked is None, (target, actual)


def test_the_forms_of_the_issue() -> None:
    for target, actual in (("≥90%", "90%-95%"), ("≥3次", "3至5次"), ("≥90%", "≥90%")):
        checked = _checked(target, actual)
        assert checked is not None and checked.result.met is True
        assert score_indicator(target, actual, 10).outcome is Outcome.MET
    assert _checked("≥90%", "≥85%") is None
    with pytest.raises(PartlyOutsideError):
        check_actual(parse_target("≥90%"), "85%-95%")
    # a plain value is checked as before, with its attainment
    plain = check_actual(parse_target("≥90%"), "95%")
    assert type(plain).__name__ == "CheckResult" and attainment(plain) == Fraction(95, 90)


def test_the_check_verb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "区间.tsv"
    table.write_text(
        "指标\t指标值\t实际完成值\n满意度\t≥90%\t90%-95%\n次数\t≥3次\t3至5次\n率\t≥90%\t≥85%\n",
        encoding="utf-8",
    )
    assert main(["check", str(table), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert [(r["line"], r["outcome"]) for r in document["rows"]] == [(2, "met"), (3, "met")]
    (finding,) = document["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("IK522", 4, 3)
    assert "区间" in finding["message"]
