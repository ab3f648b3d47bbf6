"""The batch's overflow guard is on the products, and exactly tight: a pair of a target and an
actual is decided on int64 columns when every product the decision and the attainment form
fits (``batch.decision.paired``), a missed row's credit when its attainment is below its
weight's share limit (``batch.credit.weight_columns``) — and the rows on both sides of each
boundary equal ``score_indicator`` under every shipped rule set.  Loosening either guard by a
step makes a row here wrong (the last two tests show it)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from indicatorkit.batch import credit, decision, score_table  # noqa: E402
from indicatorkit.batch.compiled import (  # noqa: E402
    CompiledActuals,
    CompiledTargets,
    compile_actuals,
    compile_targets,
)
from indicatorkit.batch.credit import missed_credit, weight_columns  # noqa: E402
from indicatorkit.batch.decision import (  # noqa: E402
    attainment,
    bit_lengths,
    choose,
    decide,
    decision_columns,
    paired,
)
from indicatorkit.batch.evaluate import evaluate  # noqa: E402
from indicatorkit.scoring.indicator import score_indicator  # noqa: E402
from indicatorkit.scoring.rules import RULE_SETS, Rounding, RoundingMode, RoundingStage  # noqa: E402
from tests.test_batch import _assert_equal_row_by_row  # noqa: E402

INT64 = 2**63
MAGNITUDES = st.integers(-(2**62) + 1, 2**62 - 1)


@given(value=MAGNITUDES)
def test_bit_lengths_are_never_short(value: int) -> None:
    """The guard's bit counts: exact below 2⁵³, never less than the exact one above."""
    found = int(bit_lengths(np.array([value], np.int64))[0])
    exact = abs(value).bit_length()
    assert abs(value) < 2**found
    assert found == exact if abs(value) < 2**53 else exact <= found <= exact + 1


@given(
    condition=st.lists(st.booleans(), min_size=1, max_size=8),
    data=st.data(),
)
def test_choose_is_where(condition: list[bool], data: st.DataObject) -> None:
    """The arithmetic blend equals ``np.where`` on any int64 values (it wraps, then comes back)."""
    size = len(condition)
    ints = st.lists(st.integers(-(2**63), 2**63 - 1), min_size=size, max_size=size)
    chosen, other = (np.array(data.draw(ints), np.int64) for _ in range(2))
    mask = np.array(condition)
    assert choose(mask, chosen, other).tolist() == np.where(mask, chosen, other).tolist()


def _targets(numerator: int, denominator: int, dimension: int = 0) -> CompiledTargets:
    """One compiled ``≥`` target of the value ``numerator / denominator``, one direction."""
    return CompiledTargets(
        compiled=np.array([[True]]),
        operator=np.array([[0]], np.int8),
        base_numerator=np.array([[numerator]], np.int64),
        base_denominator=np.array([[denominator]], np.int64),
        lower_bound=np.array([[True]]),
        value_numerator=np.array([numerator], np.int64),
        value_denominator=np.array([denominator], np.int64),
        dimension=np.array([dimension], np.int64),
    )


@st.composite
def _terms(draw: st.DrawFn, *, positive: bool = False) -> int:
    """An integer of a chosen bit length, up to 62 bits (the compile guard), either sign."""
    bits = draw(st.integers(1, 62))
    value = draw(st.integers(2 ** (bits - 1), 2**bits - 1))
    return value if positive or draw(st.booleans()) else -value


@given(
    target=st.tuples(_terms(), _terms(positive=True)),
    actual=st.tuples(_terms(), _terms(positive=True)),
    same=st.booleans(),
)
def test_a_pair_is_admitted_exactly_when_its_products_fit(
    target: tuple[int, int], actual: tuple[int, int], same: bool
) -> None:
    """``paired`` is the bit-count rule (numerator of one side times denominator of the other,
    at most 62 bits together, one dimension) — and for an admitted pair the decision's and
    the attainment's products and the decision's difference computed in int64 are the exact
    integers."""
    columns = decision_columns(
        _targets(*target),
        CompiledActuals(
            np.array([True]),
            np.array([actual[0]], np.int64),
            np.array([actual[1]], np.int64),
            np.array([0 if same else 1], np.int64),
        ),
    )
    admitted = bool(paired(columns.target_key, columns.actual_key)[0])
    bits = [int(b) for b in bit_lengths(np.array([*target, *actual], np.int64))]
    rule = same and bits[2] + bits[1] <= decision.ROOM and bits[0] + bits[3] <= decision.ROOM
    assert admitted == rule
    if admitted:
        have = (np.array([actual[0]], np.int64), np.array([actual[1]], np.int64))
        want = (np.array([target[0]], np.int64), np.array([target[1]], np.int64))
        exact = actual[0] * target[1] - target[0] * actual[1]
        assert abs(exact) < INT64
        assert bool(decide(*have, *want, np.array([0], np.int8))[0]) == (exact >= 0)
        lower = np.array([True])
        top, bottom, known = attainment(have, want, lower)
        if target[0] > 0:
            share = Fraction(max(actual[0], 0), actual[1]) / Fraction(*target)
            assert Fraction(int(top[0]), int(bottom[0])) == share and bool(known[0])


_ROUNDINGS = [
    Rounding(places, mode, stage)
    for places in (0, 2, 4)
    for mode in (RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN)
    for stage in (RoundingStage.INDICATOR, RoundingStage.TOTAL)
]
_WEIGHT_TERMS = st.integers(1, 2**31 - 1)


@settings(max_examples=300)
@given(
    rules=st.sampled_from(sorted(RULE_SETS)),
    rounding=st.sampled_from(_ROUNDINGS),
    weight=st.builds(Fraction, st.integers(0, 2**31 - 1), _WEIGHT_TERMS),
    near=st.integers(1, 2**20),
    shape=st.sampled_from(["top", "bottom", "both"]),
    other=st.integers(1, 2**62 - 1),
    lower=st.booleans(),
)
def test_missed_credit_is_exact_up_to_its_share_limit(
    rules: str,
    rounding: Rounding,
    weight: Fraction,
    near: int,
    shape: str,
    other: int,
    lower: bool,
) -> None:
    """Attainments just below each weight's share limit (the products then reach up to
    2⁶³): every row the copy computes equals the rule set's own ``missed_score`` rounded by
    its ``Rounding.row``; a term at the limit is left out."""
    chosen = attrs.evolve(RULE_SETS[rules], rounding=rounding)
    if not credit.copies_missed_credit(chosen):
        return
    weights = weight_columns([weight], rounding)
    limit = int(weights.share_limit[0])
    if limit == 0:
        return
    high = max(limit - near, 1)
    low = max(min(other % limit, limit - 1), 1)
    top, bottom = {"top": (high, low), "bottom": (low, high), "both": (high, high - 1 or 1)}[shape]
    share = Fraction(top, bottom)  # the copy takes reduced attainments
    at = (
        np.array([share.numerator, limit]),
        np.array([share.denominator, 1]),
        np.array([True] * 2),
    )
    numerator, denominator, ok = missed_credit(
        at, np.array([lower] * 2), weights.gathered(np.array([0, 0])), chosen
    )
    assert not ok[1]  # a term at the limit: Fractions
    if ok[0]:
        expected = chosen.rounding.row(chosen.missed_score(share, lower, weight), weight)
        assert Fraction(int(numerator[0]), int(denominator[0])) == expected


# --- end to end, both sides of each boundary, every shipped rule set --------------------------

#: A target of 15 decimals in 件: its denominator 10**15 has 50 bits, so an integer actual of
#: up to 12 bits pairs with it (4095), one of 13 bits (4096) or more does not — and from
#: 10**4 on, the product actual · 10**15 exceeds int64.
_FINE = "≥0.123456789012347件"
_ACTUALS = ["4095件", "4096件", "9999件", "10000件", "123456件", "-4095件", "-10000件", "0件"]
#: Amounts beyond 2³¹ base units (the old per-term guard's limit) in real units, met and missed.
_LARGE = [
    ("41.6亿元", "42亿元"),
    ("≥41.6亿元", "39.95亿元"),
    ("≤71.6亿元", "75.5亿元"),
    ("361TB", "264TB"),
    ("≥970.3万亩", "879.25万亩"),
    ("≥222.3万亩", "174.7万亩"),
    ("<95421134元", "107777736.3元"),
]
#: The credit's boundary: an attainment of (10¹⁴ + 1) / (2·10¹⁴) is below the share limit of a
#: weight of 10 (2⁶³ / 2,000 ≈ 4.6·10¹⁵), (10¹⁷ + 1) / (2·10¹⁷) is not.
_CREDIT = [
    ("≥200000000000000件", "100000000000001件"),
    ("≥200000000000000000件", "100000000000000001件"),
]


def _rows(pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {"target": target, "actual": actual, "weight": weight, "direction": way}
        for target, actual in pairs
        for weight in ("10", "12.34")
        for way in (None, "反向")
    ]


def _vectorised(pairs: list[tuple[str, str]]) -> list[bool]:
    """Per pair (weight 10, no direction, national rules): decided on int64 columns?"""
    one = (np.zeros(1, np.int64),) * 4
    return [
        evaluate(
            one,
            ([target], [actual], [Fraction(10)], [None]),
            (compile_targets([target], [None], None), compile_actuals([actual], None)),
            RULE_SETS["national"],
            None,
        ).vectorised
        == 1
        for target, actual in pairs
    ]


def test_both_sides_of_each_boundary_are_exercised() -> None:
    """The rows of the tests below do fall on both sides: the decision's guard admits 4095
    against the 15-decimal target and not 4096; every large amount of real tables is
    column-wise now; the credit admits the smaller attainment and not the larger."""
    fine = _vectorised([(_FINE, actual) for actual in _ACTUALS])
    assert fine == [True, False, False, False, False, True, False, True]
    assert all(_vectorised(_LARGE))
    assert _vectorised(_CREDIT) == [True, False]


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_rows_at_the_guard_equal_score_indicator(rules: str) -> None:
    _assert_equal_row_by_row(
        _rows([(_FINE, actual) for actual in _ACTUALS] + _LARGE + _CREDIT), rules
    )


@st.composite
def _near_the_boundary(draw: st.DrawFn) -> tuple[str, str]:
    """A target and an actual of many digits in one unit (its factor a denominator of 3 for
    亩, a power of ten for 万元 or decimals), so that the products the decision forms fall
    near 2⁶² and 2⁶³, on either side."""
    unit = draw(st.sampled_from(["元", "件", "亩", "万元", "平方米"]))

    def number(digits: int) -> str:
        whole = draw(st.integers(10 ** (digits - 1), 10**digits - 1))
        places = draw(st.integers(0, 6))
        text = str(whole)
        if places and places < len(text):
            text = f"{text[:-places]}.{text[-places:]}"
        return text

    operator = draw(st.sampled_from(["≥", "≤", ">", "<", ""]))
    target = number(draw(st.integers(8, 19)))
    actual = draw(
        st.sampled_from([target, number(draw(st.integers(8, 19)))])
    )  # equal at the threshold, or another size
    sign = draw(st.sampled_from(["", "", "-"]))
    return f"{operator}{target}{unit}", f"{sign}{actual}{unit}"


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
@settings(max_examples=25, deadline=None)
@given(pairs=st.lists(_near_the_boundary(), min_size=1, max_size=4))
def test_many_digits_equal_score_indicator(rules: str, pairs: list[tuple[str, str]]) -> None:
    _assert_equal_row_by_row(_rows(pairs), rules)


# --- a looser guard would be wrong: the rows above are sharp ----------------------------------

#: X·2000/3 m² (X亩, X not a multiple of 3): numerators of 61 bits over 3 (2 bits) — 63 bits
#: together, one past the guard; with the actual negative the decision's difference,
#: −6000·(X + X), is beyond −2⁶³.
_X = 768614336404600
_NEGATIVE = (f"≥{_X}亩", f"-{_X}亩")


def test_a_negative_actual_one_bit_past_the_guard_falls_back_and_is_right() -> None:
    assert _vectorised([_NEGATIVE]) == [False]
    _assert_equal_row_by_row(_rows([_NEGATIVE]), "national")


def test_one_more_bit_of_room_would_decide_a_row_wrongly(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a room of 63 bits the pair above is admitted, its difference wraps and the row
    comes out met: the guard's 62 is what keeps it right."""
    monkeypatch.setattr(decision, "ROOM", 63)
    assert _vectorised([_NEGATIVE]) == [True]
    scored = score_table(
        pa.table({"target": [_NEGATIVE[0]], "actual": [_NEGATIVE[1]], "weight": ["10"]})
    )
    one = score_indicator(*_NEGATIVE, 10)
    assert one.met is False and scored.column("met").to_pylist() == [True]


def test_a_looser_share_limit_would_score_a_row_wrongly(monkeypatch: pytest.MonkeyPatch) -> None:
    """With share limits computed against 2⁷⁰ instead of 2⁶³ the credit's larger attainment
    is admitted and its products wrap: the score is wrong."""
    target, actual = _CREDIT[1]
    monkeypatch.setattr(credit, "_INT64_MAX", 2**70)
    scored = score_table(pa.table({"target": [target], "actual": [actual], "weight": ["10"]}))
    assert (
        Fraction(scored.column("score").to_pylist()[0]) != score_indicator(target, actual, 10).score
    )


# --- the fallback scores each (verdict's key, weight) once -------------------------------------


@pytest.mark.parametrize("rules", ["national", "overshoot-cut", "whole-points", "qualitative-50"])
def test_verdicts_with_one_scoring_key_score_every_weight_alike(rules: str) -> None:
    """``Verdict.scoring_key`` holds all ``row_score`` reads: across the real corpus, verdicts
    with equal keys give equal row scores under every weight (so the fallback's memo is
    exact), and the memo does collapse the many rows of a grade."""
    from indicatorkit.scoring.indicator import indicator_verdict
    from tests.test_batch import DIRECTIONS, _corpus_rows

    chosen = RULE_SETS[rules]
    weights = [Fraction(0), Fraction(10), Fraction(617, 50), Fraction(10, 3)]
    by_key: dict[tuple[object, ...], list[Any]] = {}
    for row in _corpus_rows():
        verdict = indicator_verdict(
            row["target"],
            row["actual"],
            direction=DIRECTIONS.get(row["direction"] or ""),
            rules=chosen,
        )
        if verdict.met is not None or verdict.grade is not None:
            by_key.setdefault(verdict.scoring_key(), []).append(verdict)
    shared = [group for group in by_key.values() if len(group) > 1]
    assert shared
    for group in shared:
        for weight in weights:
            assert len({verdict.row_score(weight) for verdict in group}) == 1


def test_threads_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The chunks are decided on Arrow's threads (``pyarrow.cpu_count``): with one thread or
    several, every column is the same."""
    from indicatorkit.batch import evaluate as evaluation

    monkeypatch.setattr(evaluation, "CHUNK", 7)  # many chunks from few combinations
    pairs = [(_FINE, actual) for actual in _ACTUALS] + _LARGE + _CREDIT
    targets, actuals = [t for t, _ in pairs], [a for _, a in pairs]
    size = len(pairs) * 3
    combos = (
        np.arange(size, dtype=np.int64) % len(pairs),
        np.arange(size, dtype=np.int64) % len(pairs),
        np.arange(size, dtype=np.int64) % 3,
        np.zeros(size, np.int64),
    )
    weights = [Fraction(10), Fraction(617, 50), Fraction(0)]
    compiled = compile_targets(targets, [None], None), compile_actuals(actuals, None)
    before = pa.cpu_count()
    results = []
    try:
        for threads in (1, 4):
            pa.set_cpu_count(threads)
            evaluated = evaluate(
                combos, (targets, actuals, weights, [None]), compiled, RULE_SETS["national"], None
            )
            results.append(
                {
                    name: value.tolist() if isinstance(value, np.ndarray) else value
                    for name, value in attrs.asdict(evaluated, recurse=False).items()
                }
            )
    finally:
        pa.set_cpu_count(before)
    assert results[0] == results[1] and results[0]["vectorised"] > 0
