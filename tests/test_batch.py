"""``indicatorkit.batch.score_table`` equals ``score_indicator`` row by row, for every shipped
rule set, on random tables (``indicatorkit.strategies``) and on the real corpus of scored
self-assessment rows; its input errors are typed and located."""

from __future__ import annotations

import csv
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

pa = pytest.importorskip("pyarrow")

from indicatorkit import Direction  # noqa: E402
from indicatorkit.batch import RESULT_COLUMNS, BatchInputError, score_table  # noqa: E402
from indicatorkit.scoring.indicator import RATIO_PLACES, display, score_indicator  # noqa: E402
from indicatorkit.scoring.rules import (  # noqa: E402
    NATIONAL,
    RULE_SETS,
    Rounding,
    RuleSet,
    rule_set,
)
from indicatorkit.strategies import (  # noqa: E402
    actuals_meeting,
    actuals_missing,
    target_texts_with_targets,
)

CORPUS = Path(__file__).parent / "corpus" / "real" / "self_assessment.tsv"
DIRECTIONS = {"反向": Direction.LOWER, "正向": Direction.HIGHER}
JUNK_ACTUALS = ("", "  ", "达成", "部分达成", "未达成", "12", "0", "-3%", "abc", "2025年6月30日")


def _exact(numerator: int | None, denominator: int | None) -> Fraction | None:
    return None if numerator is None or denominator is None else Fraction(numerator, denominator)


def _assert_equal_row_by_row(
    rows: list[dict[str, Any]],
    rules: str | RuleSet,
    *,
    chunk: int | None = None,
    encoded: bool = False,
) -> None:
    """``chunk``: the table in record batches of that many rows (each column chunked);
    ``encoded``: its target and actual columns dictionary-encoded, chunk by chunk."""
    table = pa.table(
        {
            "project": [f"p{index}" for index in range(len(rows))],
            "target": pa.array([row["target"] for row in rows], pa.string()),
            "actual": pa.array([row["actual"] for row in rows], pa.string()),
            "weight": [row["weight"] for row in rows],
            "direction": pa.array([row["direction"] for row in rows], pa.string()),
        }
    )
    if chunk is not None:
        table = pa.Table.from_batches(table.to_batches(max_chunksize=chunk), table.schema)
    if encoded:
        for name in ("target", "actual"):
            column = pa.chunked_array(
                [chunk.dictionary_encode() for chunk in table.column(name).chunks]
            )
            table = table.set_column(table.schema.get_field_index(name), name, column)
    scored = score_table(table, rules=rules).to_pylist()
    assert len(scored) == len(rows)
    for row, batch in zip(rows, scored, strict=True):
        one = score_indicator(
            row["target"],
            row["actual"],
            row["weight"],
            direction=DIRECTIONS.get(row["direction"] or ""),
            rules=rules,
        )
        assert batch["target"] == row["target"] and batch["project"].startswith("p")
        assert batch["outcome"] == one.outcome.value, (row, rules)
        assert batch["met"] == one.met, (row, rules)
        assert batch["message"] == one.message, (row, rules)
        for name in ("attainment", "score"):
            value = getattr(one, name)
            small = _exact(batch[f"{name}_numerator"], batch[f"{name}_denominator"])
            if small is None and value is not None:  # beyond int64: in the exact text only
                assert max(abs(value.numerator), value.denominator) >= 2**63
            else:
                assert small == value, (row, rules, name)
            if value is None:
                assert batch[name] is None and batch[f"{name}_display"] is None
            else:
                assert Fraction(batch[name]) == value, (row, rules, name)
                # points to the rule set's places; a ratio to 4, as score and check show it
                places = rule_set(rules).rounding.places if name == "score" else RATIO_PLACES
                assert batch[f"{name}_display"] == display(value, places)


@st.composite
def _rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A table with repeats: a few targets, each with actuals meeting and missing it (as
    text), blank and junk actuals, weights and directions."""
    pool = draw(st.lists(target_texts_with_targets(), min_size=1, max_size=4))
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        text, target = draw(st.sampled_from(pool))
        way = draw(st.sampled_from([None, "", "正向", "反向"]))
        direction = DIRECTIONS.get(way or "")
        maker = draw(st.sampled_from([actuals_meeting, actuals_missing, None]))
        if maker is None:
            actual: str | None = draw(st.sampled_from([None, *JUNK_ACTUALS]))
        else:
            try:
                strategy = maker(target, direction=direction, forms=["text"])
            except InvalidArgument:  # a target nothing misses (12月底前)
                strategy = st.none()
            drawn = draw(strategy)
            actual = drawn if isinstance(drawn, str) else None
        weight = draw(st.sampled_from(["0", "5", "10", "20", "7.5", "12.34"]))
        rows.append({"target": text, "actual": actual, "weight": weight, "direction": way})
    return rows


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
@settings(max_examples=40, deadline=None)
@given(rows=_rows(), chunk=st.none() | st.integers(1, 5), encoded=st.booleans())
def test_batch_equals_score_indicator_on_random_tables(
    rules: str, rows: list[dict[str, Any]], chunk: int | None, encoded: bool
) -> None:
    """Also when the table comes in chunks (as read from Parquet) and its texts are
    dictionary-encoded chunk by chunk, each chunk its own dictionary."""
    _assert_equal_row_by_row(rows, rules, chunk=chunk, encoded=encoded)


def _corpus_rows() -> list[dict[str, Any]]:
    lines = [
        line for line in CORPUS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return [
        {
            "target": row["target"],
            "actual": row["actual"],
            "weight": row["weight"].replace(",", "").strip(),
            "direction": row.get("direction") or None,
        }
        for row in csv.DictReader(lines, delimiter="\t")
        if row["level1"] != "预算执行率"
    ]


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_batch_equals_score_indicator_on_the_real_corpus(rules: str) -> None:
    rows = _corpus_rows()
    assert len(rows) > 100
    _assert_equal_row_by_row(rows, rules)


def test_numeric_comparisons_are_vectorised() -> None:
    """Met and missed numeric rows are decided on int64 columns, not by score_indicator
    (counted by the evaluation), and still equal it."""
    import numpy as np

    from indicatorkit.batch.compiled import compile_actuals, compile_targets
    from indicatorkit.batch.evaluate import evaluate
    from indicatorkit.scoring.rules import NATIONAL

    targets, actuals = ["≥95%", "≤5万元", "及时"], ["96%", "40000元", "4%", "达成"]
    combos = tuple(
        np.array(column, np.int64) for column in ([0, 1, 0, 2], [0, 1, 2, 3], [0] * 4, [0] * 4)
    )
    evaluated = evaluate(
        combos,  # type: ignore[arg-type]
        (targets, actuals, [Fraction(10)], [None]),
        (compile_targets(targets, [None], None), compile_actuals(actuals, None)),
        NATIONAL,
        None,
    )
    assert evaluated.vectorised == 3
    assert evaluated.met.tolist() == [1, 1, 0, 1]
    assert evaluated.score_numerator.tolist()[2] == 21  # 10 · 4/95 rounded: 0.42
    assert evaluated.score_denominator.tolist()[2] == 50


def test_frames_in_and_out() -> None:
    pandas = pytest.importorskip("pandas")
    polars = pytest.importorskip("polars")
    data = {"target": ["≥95%", "≥95%"], "actual": ["96%", None], "weight": [10, 10]}
    from_pandas = score_table(pandas.DataFrame(data))
    assert isinstance(from_pandas, pandas.DataFrame)
    assert list(from_pandas["outcome"].astype(str)) == ["met", "actual missing"]
    from_polars = score_table(polars.DataFrame(data))
    assert isinstance(from_polars, polars.DataFrame)
    assert from_polars["score_display"].to_list() == ["10.00", None]
    batch = score_table(pa.RecordBatch.from_pydict(data))
    assert isinstance(batch, pa.RecordBatch)
    assert set(RESULT_COLUMNS) <= set(batch.schema.names)


def test_keys_pass_through_and_big_numbers_stay_exact() -> None:
    big = "≥" + "9" * 15 + "元"
    scored = score_table(
        pa.table(
            {
                "department": ["甲", "乙"],
                "year": [2025, 2026],
                "target": [big, "≥95%"],
                "actual": ["1" + "0" * 14 + "元", "95%"],
                "weight": ["10", "10"],
            }
        )
    )
    assert scored.column("department").to_pylist() == ["甲", "乙"]
    assert scored.column("year").to_pylist() == [2025, 2026]
    one = score_indicator(big, "1" + "0" * 14 + "元", 10)
    assert Fraction(scored.column("score").to_pylist()[0]) == one.score
    assert scored.column("outcome").to_pylist() == [one.outcome.value, "met"]


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ({"target": ["≥95%"]}, "缺少列 weight"),
        ({"target": [95], "weight": [10]}, "列 target 应为文本"),
        ({"target": ["≥95%", "≥95%"], "weight": [10, -1]}, "第 2 行“-1”"),
        ({"target": ["≥95%"], "weight": [10], "direction": ["向上"]}, "第 1 行“向上”不是指标方向"),
        ({"target": ["≥95%"], "weight": [None]}, "第 1 行为空"),
    ],
)
def test_bad_input_is_a_located_error(table: dict[str, list[Any]], words: str) -> None:
    with pytest.raises(BatchInputError, match=words):
        score_table(pa.table(table))


def test_not_a_table_is_a_typed_error() -> None:
    with pytest.raises(BatchInputError, match="pyarrow Table"):
        score_table([{"target": "≥95%"}])


def test_the_core_imports_neither_pyarrow_nor_numpy() -> None:
    code = (
        "import sys, indicatorkit, indicatorkit.scoring.indicator, indicatorkit.cli;"
        "print(sorted(m for m in ('pyarrow', 'numpy', 'polars', 'pandas') if m in sys.modules))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"


def test_text_columns_hold_each_text_once_and_stay_text_when_empty() -> None:
    """1/3 and 0.33334 both show 0.3333: the display dictionary holds it once (pandas refuses a
    category twice); an empty table's text columns are still text."""
    pandas = pytest.importorskip("pandas")
    table = pa.table(
        {"target": ["≥3件", "≥100000件"], "actual": ["1件", "33334件"], "weight": [1, 1]}
    )
    scored = score_table(table, rules="national")
    shown = scored.column("attainment_display").combine_chunks()
    assert shown.to_pylist() == ["0.3333", "0.3333"]
    assert len(shown.dictionary) == len(set(shown.dictionary.to_pylist()))
    assert score_table(table.to_pandas())["attainment_display"].tolist() == ["0.3333", "0.3333"]
    empty = score_table(table.slice(0, 0))
    assert all(
        empty.schema.field(name).type.value_type == pa.string()
        for name in ("score", "score_display", "attainment", "attainment_display")
    )
    assert len(score_table(pandas.DataFrame(table.slice(0, 0).to_pandas()))) == 0


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_bare_numbers_are_compared_with_bare_numbers_only(rules: str) -> None:
    """A bare target (``80000``) meets a bare actual on the int64 columns; an actual with a
    unit, or a bare actual under a target with a unit, is score_indicator's (its message)."""
    targets = ["80000", "≥85", "≤3", "≥95%", "80000", "<0.5"]
    actuals = ["82000", "84.5", "3", "96", "82000元", "0.25"]
    rows = [
        {"target": t, "actual": a, "weight": w, "direction": d}
        for t, a in zip(targets, actuals, strict=True)
        for w in ("10", "7.5")
        for d in (None, "反向")
    ]
    _assert_equal_row_by_row(rows, rules)
    import numpy as np

    from indicatorkit.batch.compiled import compile_actuals, compile_targets

    compiled = compile_actuals(actuals, None)
    assert compiled.compiled.tolist() == [True, True, True, True, True, True]
    assert len(set(compiled.dimension.tolist())) == 2  # bare, money
    assert compile_targets(targets, [None], None).compiled[:, 0].tolist() == [True] * 6
    assert np.unique(compile_targets(targets, [None], None).dimension).size == 2


def test_targets_read_strictly_first_are_what_the_lenient_reader_gives() -> None:
    """Every real target: the batch's strict-first reading is the lenient reading's
    comparison (or nothing when that is no comparison to vectorise)."""
    from indicatorkit import parse_target
    from indicatorkit.batch.compiled import read_comparison
    from indicatorkit.errors import IndicatorkitError
    from indicatorkit.language import Comparison

    texts = {
        line.split("\t")[0]
        for path in sorted((CORPUS.parent).glob("targets_*.tsv"))
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line and not line.startswith("#")
    }
    compared = 0
    for text in sorted(texts):
        try:
            lenient = parse_target(text, lenient=True).target
        except IndicatorkitError:
            lenient = None
        found = read_comparison(text, None)
        if found is not None:
            compared += 1
            assert type(lenient) is Comparison and found == lenient, text
    assert compared > 100


# --- the int64 copy takes only the rule sets it copies exactly ---------------------------------


class _Floor(RuleSet):
    """Half the weight at least for any missed target: a partial credit of its own."""

    def partial_credit(
        self, share_met: Fraction | None, lower_bound: bool, weight: Fraction
    ) -> Fraction:
        return max(weight / 2, super().partial_credit(share_met, lower_bound, weight))


class _CutAbove(RuleSet):
    """Settings as plain as the national rules, but a met target 10% beyond itself loses a
    point: its own overshoot score (the full-marks copy would give the weight)."""

    def overshoot_score(self, share_met: Fraction, weight: Fraction) -> Fraction:
        return max(Fraction(0), weight - 1) if share_met >= Fraction(11, 10) else weight


@attrs.frozen
class _Ceiling(Rounding):
    """Every score rounded up to its places: a rounding of its own."""

    def round(self, value: Fraction) -> Fraction:
        scale = 10**self.places
        return Fraction(-((-value.numerator * scale) // value.denominator), scale)


CUSTOM = {
    "floor": _Floor("floor", "a partial credit of its own"),
    "cut-above": _CutAbove("cut-above", "an overshoot score of its own"),
    "ceiling": attrs.evolve(NATIONAL, name="ceiling", rounding=_Ceiling()),
}
NUMERIC_ROWS = [
    {"target": target, "actual": actual, "weight": weight, "direction": way}
    for target, actual in (
        ("≥95%", "96%"),
        ("≥95%", "90%"),
        ("≥100件", "150件"),
        ("≥200件", "150件"),
        ("≤2%", "3%"),
        ("≤5万元", "40000元"),
        (">5件", "5件"),
    )
    for weight in ("10", "7.5", "12.34", "0")
    for way in (None, "反向")
]


@pytest.mark.parametrize("name", sorted(CUSTOM))
def test_a_rule_set_the_copy_does_not_take_is_scored_by_its_own_methods(name: str) -> None:
    """A rule set whose formula or rounding may differ from the int64 copy is never scored
    by it (neither its missed credit nor, for a met target, its full marks): every row equals
    ``score_indicator`` under it."""
    from indicatorkit.batch.credit import copies_full_marks, copies_missed_credit

    rules = CUSTOM[name]
    assert not copies_missed_credit(rules) and not copies_full_marks(rules)
    _assert_equal_row_by_row(NUMERIC_ROWS, rules)
    if name == "cut-above":  # the copy's full marks would have been wrong
        scored = score_table(
            pa.table({"target": ["≥100件"], "actual": ["150件"], "weight": [10]}), rules=rules
        )
        assert scored.column("score").to_pylist() == ["9"]


def test_the_probes_see_a_formula_that_differs() -> None:
    """Whatever its class, a rule set whose missed credit differs from the copy's on the
    probes is not taken: the probes alone tell the floor's formula and the ceiling's rounding
    from the shipped ones, and pass every shipped rule set."""
    from indicatorkit.batch.credit import agrees_on_probes, copies_missed_credit

    assert all(agrees_on_probes(rules) for rules in RULE_SETS.values())
    assert all(copies_missed_credit(rules) for rules in RULE_SETS.values())
    assert not agrees_on_probes(CUSTOM["floor"]) and not agrees_on_probes(CUSTOM["ceiling"])


def test_shipped_rule_sets_still_take_the_vectorised_path() -> None:
    """The guard keeps every shipped rule set on the int64 columns (met and missed rows)."""
    import numpy as np

    from indicatorkit.batch.compiled import compile_actuals, compile_targets
    from indicatorkit.batch.evaluate import evaluate

    targets, actuals = ["≥95%", "≤5万元"], ["96%", "40000元", "60000元", "90%"]  # met, missed
    combos = tuple(
        np.array(column, np.int64) for column in ([0, 1, 1, 0], [0, 1, 2, 3], [0] * 4, [0] * 4)
    )
    for rules in RULE_SETS.values():
        evaluated = evaluate(
            combos,  # type: ignore[arg-type]
            (targets, actuals, [Fraction(10)], [None]),
            (compile_targets(targets, [None], None), compile_actuals(actuals, None)),
            rules,
            None,
        )
        assert evaluated.met.tolist() == [1, 1, 0, 0]
        assert evaluated.vectorised == (4 if rules.plain else 2), rules.name  # met: overshoot


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_scale_words_and_large_units_take_the_vectorised_path_and_agree(rules: str) -> None:
    """万 and 亿 alone (a number's scale, of no dimension) compare with each other and with a
    bare number as ``score_indicator`` compares them, and a large unit's threshold (万亩 in
    m²) is reduced before the overflow guard: these rows are vectorised now, row for row
    equal to the object path."""
    targets = [
        "1.1万",
        "≥1.1万",
        "<2亿",
        "≥100",
        "10000",
        "≥0.5万",
        "≥1.5万人",
        "≥95%",
        "26.45万亩",
    ]
    actuals = ["1.2万", "12000", "1.2亿", "0.9万", "5", "96%", "1.2万人", "0", "-1万", "27万亩"]
    rows = [
        {"target": target, "actual": actual, "weight": weight, "direction": way}
        for target in targets
        for actual in actuals
        for way in (None, "正向", "反向")
        for weight in ("10", "7.5")
    ]
    _assert_equal_row_by_row(rows, rules)
    from indicatorkit.batch.compiled import compile_actuals, compile_targets

    compiled = compile_targets(pa.array(["1.1万", "26.45万亩"]), [None], None)
    assert compiled.compiled.ravel().tolist() == [True, True]
    assert compile_actuals(pa.array(["1.2万", "27万亩"]), None).compiled.tolist() == [True, True]
