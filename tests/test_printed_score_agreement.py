"""Lint's IK207 and the audit's IK804 are one decision
(:func:`indicatorkit.model.printed_score.printed_score_problem`): fed the same table, the rows
lint says print full marks for a missed target are exactly the rows the audit flags IK804."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import dumps, lint, loads
from indicatorkit.model.printed_score import ScoreProblem
from indicatorkit.model.records import Spec
from indicatorkit.scoring.audit import audit
from tests.audit_corpus import corpus_spec

_FULL_MARKS_MISSED = f"({ScoreProblem.FULL_MARKS_MISSED.value})"


def _lint_rows(spec: Spec) -> list[int]:
    """The lines lint flags IK207 for full marks on a missed target."""
    return sorted(
        f.line for f in lint(spec) if f.code == "IK207" and _FULL_MARKS_MISSED in f.message
    )


def _audit_rows(spec: Spec) -> list[int]:
    return sorted(f.line for f in audit(spec).findings if f.code == "IK804")


def _row(name: str, target: str, weight: str, actual: str, printed: str) -> str:
    return (
        f"  指标 产出指标 / 数量指标 / {name}\n    指标值：{target}\n    分值：{weight}\n"
        f"    实际值：{actual}\n    自评得分：{printed}\n"
    )


TABLE = "项目 1 甲\n" + "".join(
    (
        _row("受理数", "≥200件", "20", "150件", "20"),  # line 6: missed, full marks (both)
        _row("培训数", "≥20场", "10", "15", "10"),  # 11: a bare 15 read as 15场 (both)
        _row("走访数", "≥500次", "1", "499次", "1"),  # 16: 0.998 rounds to 1.00 (both)
        _row("结案数", "≥90件", "10", "95件", "8"),  # 21: met below full marks (IK207 only)
        _row("覆盖率", "≥95%", "10", "0.96", "10"),  # 26: doubtful bare number (neither)
        _row("投诉数", "≤5件", "10", "8件", "12"),  # 31: missed, more than full marks (both)
        _row("宣传数", "≥10次", "10", "12次", "10"),  # 36: met at full marks (neither)
    )
)


def test_lint_and_audit_flag_the_same_rows_of_a_table() -> None:
    spec = loads(TABLE)
    assert _lint_rows(spec) == _audit_rows(spec) == [6, 11, 16, 31]
    # IK207's other problem, less than full marks on a met target: the audit's verdict says it
    assert 21 in {f.line for f in lint(spec) if f.code == "IK207"}


def test_lint_and_audit_agree_on_the_real_self_assessment_rows() -> None:
    spec, _, _ = corpus_spec()
    located = loads(dumps(spec))  # the same rows, each at its line
    flagged = _audit_rows(located)
    assert flagged  # the corpus has full marks on missed targets (S06 4604人 of ≥4754人 …)
    assert _lint_rows(located) == flagged


@settings(deadline=None, max_examples=60)
@given(
    target=st.integers(1, 500),
    actual=st.integers(0, 1000),
    weight=st.integers(1, 30),
    printed=st.one_of(st.sampled_from(["full", "over"]), st.fractions(0, 30, max_denominator=4)),
    operator=st.sampled_from(["≥", "≤"]),
    written=st.sampled_from(["件", ""]),
)
def test_lint_and_audit_agree_on_any_row(
    target: int,
    actual: int,
    weight: int,
    printed: str | Fraction,
    operator: str,
    written: str,
) -> None:
    score = Fraction(weight) if printed == "full" else weight + 1 if printed == "over" else printed
    assert not isinstance(score, str)
    text = "项目 1 甲\n" + _row(
        "数", f"{operator}{target}件", str(weight), f"{actual}{written}", f"{float(score):g}"
    )
    spec = loads(text)
    assert _lint_rows(spec) == _audit_rows(spec)
