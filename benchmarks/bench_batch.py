"""Batch scoring (``indicatorkit.batch.score_table``) beside the object path and the exact
int64 numpy floor, measured in the same run.

    python benchmarks/bench_batch.py            # 1,000,000 rows
    python benchmarks/bench_batch.py --quick    # 20,000 rows (tests/test_benchmarks.py)

The table repeats as a national roll-up does: about 5% distinct targets (comparisons of
percentages, counts and money in real proportions, sentences, deadlines), actuals written as
tables write them (``96%``, ``1200件``, ``达成``), weights 5 / 10 / 20, a direction column.

1. ``score_table`` end to end from the text columns (dictionary encoding, reading each
   distinct text once, the vectorised comparisons, ``score_indicator`` for the rest, the
   result table).
2. ``score_indicator`` row by row on the same rows (text targets and actuals, as a loop over
   the table would) — on a sample of ``--sample`` rows, its rate extrapolated.
3. The floor: the exact int64 comparison numpy makes of already compiled numeric columns
   (``actual · den ≥ num · actual_den``), the bare cost of the decision.

Times are CPU time (the machine may be shared); ratios are of the same run.
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np
import pyarrow as pa

from indicatorkit import Direction
from indicatorkit.batch import score_table
from indicatorkit.scoring import score_indicator

SENTENCES = ("及时足额发放", "群众满意度明显提升", "严格执行相关制度规定", "效果明显")
GRADES = ("达成", "部分达成", "未达成", "达成预期指标")


def _target(rng: random.Random) -> tuple[str, str]:
    """A target text and its kind ("%", a count unit, "万元", "sentence", "deadline")."""
    draw = rng.random()
    if draw < 0.45:
        return f"{rng.choice(['≥', '不低于', '≤', ''])}{rng.randint(50, 100)}%", "%"
    if draw < 0.70:
        unit = rng.choice(["件", "人", "个", "人次", "亩", "户"])
        return f"{rng.choice(['≥', '≤', '='])}{rng.randint(1, 20000)}{unit}", unit
    if draw < 0.80:
        return f"≤{rng.randint(1, 5000)}万元", "万元"
    if draw < 0.95:
        return rng.choice(SENTENCES), "sentence"
    return f"{rng.randint(1, 12)}月底前", "deadline"


def _actual(rng: random.Random, target: str, kind: str) -> str:
    if kind == "sentence":
        return rng.choice(GRADES)
    if kind == "deadline":
        return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    number = int("".join(ch for ch in target if ch.isdigit()))
    if kind == "%":
        return f"{min(100, max(0, number + rng.randint(-5, 10)))}%"
    return f"{max(0, number + rng.randint(-number // 5 - 1, number // 5 + 1))}{kind}"


def generate(rows: int, seed: int = 7) -> pa.Table:
    rng = random.Random(seed)
    pool = [_target(rng) for _ in range(max(1, rows // 20))]  # about 5% distinct targets
    actual_pool = {}
    targets, actuals, weights, ways = [], [], [], []
    for _ in range(rows):
        text, kind = rng.choice(pool)
        key = (text, rng.randint(0, 3))  # a few actuals per target: real tables repeat
        actual = actual_pool.get(key)
        if actual is None:
            actual = actual_pool[key] = _actual(rng, text, kind)
        targets.append(text)
        actuals.append(actual)
        weights.append(rng.choice((5, 10, 20)))
        ways.append("反向" if text.startswith("≤") and rng.random() < 0.5 else None)
    return pa.table(
        {
            "department": [f"部门{index % 50}" for index in range(rows)],
            "target": targets,
            "actual": actuals,
            "weight": weights,
            "direction": pa.array(ways, pa.string()),
        }
    )


def _cpu(function: object, *arguments: object) -> tuple[float, object]:
    start = time.process_time()
    result = function(*arguments)  # type: ignore[operator]
    return time.process_time() - start, result


def _row_by_row(table: pa.Table) -> None:
    directions = {"反向": Direction.LOWER, None: None}
    columns = [
        table.column(name).to_pylist() for name in ("target", "actual", "weight", "direction")
    ]
    for target, actual, weight, way in zip(*columns, strict=True):
        score_indicator(target, actual, weight, direction=directions[way])


def _floor(rows: int) -> float:
    rng = np.random.default_rng(7)
    actual = rng.integers(0, 20_000, rows, dtype=np.int64)
    actual_den = rng.choice(np.array([1, 100], np.int64), rows)
    threshold = rng.integers(1, 20_000, rows, dtype=np.int64)
    threshold_den = rng.choice(np.array([1, 100], np.int64), rows)
    start = time.process_time()
    met = actual * threshold_den >= threshold * actual_den
    elapsed = time.process_time() - start
    assert met.shape == (rows,)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("-n", type=int, default=1_000_000, help="rows (default 1,000,000)")
    parser.add_argument("--sample", type=int, default=50_000, help="rows scored one by one")
    args = parser.parse_args(argv)
    rows = 20_000 if args.quick else args.n
    sample = min(rows, 5_000 if args.quick else args.sample)
    table = generate(rows)
    distinct = len(set(table.column("target").to_pylist()))
    print(f"rows {rows:,}, distinct targets {distinct:,} ({distinct / rows:.1%})")
    batch_time, scored = _cpu(score_table, table)
    assert isinstance(scored, pa.Table) and scored.num_rows == rows
    outcomes = scored.column("outcome").value_counts().to_pylist()
    print("outcomes:", ", ".join(f"{item['values']} {item['counts']:,}" for item in outcomes))
    object_time, _ = _cpu(_row_by_row, table.slice(0, sample))
    floor_time = _floor(rows)
    batch_rate, object_rate = rows / batch_time, sample / object_time
    floor_rate = rows / max(floor_time, 1e-9)
    print(f"1. score_table, end to end from text:  {batch_rate:14,.0f} rows/s ({batch_time:.2f} s)")
    print(
        f"2. score_indicator row by row ({sample:,}): {object_rate:10,.0f} rows/s   "
        f"batch is {batch_rate / object_rate:.1f}× faster"
    )
    print(
        f"3. numpy int64 comparison floor:       {floor_rate:14,.0f} rows/s   "
        f"batch is {floor_rate / batch_rate:.0f}× the floor's time"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
