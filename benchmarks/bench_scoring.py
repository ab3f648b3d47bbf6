"""Scoring throughput beside a naive baseline, measured in the same run.

    python benchmarks/bench_scoring.py            # 50,000 rows
    python benchmarks/bench_scoring.py --quick    # 5,000 rows (CI)

1. ``score_indicator`` on the object path (parsed targets, numeric actuals) against a naive
   scorer: a ``Decimal`` comparison and ``w·B/A`` on pre-split numbers.  Goal: ≥ 200,000
   indicators/s.
2. ``score(spec)`` on a spec of many projects with actuals (indicators/s, information only).

Times are CPU time (the machine may be shared), the best of ``--repeat`` runs; each run reads
its targets afresh (caches cleared, outside the timing), so each checks every target for the
first time, as a real column does.  ``--check`` exits 1 when the limit of 1. is broken (a
regression limit of issue 23).
"""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal
from fractions import Fraction

import indicatorkit
from indicatorkit.language.reading import clear_caches
from indicatorkit.scoring import score_indicator


def naive_score(op: str, threshold: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    met = actual >= threshold if op == "≥" else actual <= threshold
    if met:
        return weight
    if op == "≥":
        return weight * max(actual, Decimal(0)) / threshold
    return weight * threshold / actual if actual else Decimal(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--check", action="store_true", help="exit 1 below 200,000 rows/s")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    n = 5_000 if args.quick else 50_000
    rng = random.Random(7)
    rows = []
    for _ in range(n):
        op = rng.choice(["≥", "≤"])
        threshold = rng.randint(1, 1000)
        unit = rng.choice(["件", "人", "%", "元"])
        rows.append((op, threshold, unit, rng.randint(0, 1200), rng.choice([5, 10, 20])))
    weights = [Fraction(w) for *_, w in rows]
    naive_rows = [(op, Decimal(t), Decimal(a), Decimal(w)) for op, t, _, a, w in rows]
    ours = naive = 0.0
    for _ in range(max(1, args.repeat)):
        clear_caches()
        targets = [indicatorkit.parse_target(f"{op}{t}{u}") for op, t, u, _, _ in rows]
        start = time.process_time()
        for target, (_, _, _, actual, _), weight in zip(targets, rows, weights, strict=True):
            score_indicator(target, actual, weight)
        ours = max(ours, n / (time.process_time() - start))
        start = time.process_time()
        for row in naive_rows:
            naive_score(*row)
        naive = max(naive, n / (time.process_time() - start))
    print(
        f"score_indicator, numeric rows: {ours:10,.0f}/s   naive Decimal scorer {naive:10,.0f}/s   "
        f"ratio {ours / naive:4.2f}×   goal ≥ 200,000/s: {'met' if ours >= 200_000 else 'NOT met'}"
    )

    project = "\n".join(
        f"项目 {p} 项目{p}\n  预算：10000元\n  执行数：9000元\n"
        + "".join(
            f"  指标 {level} / 数量指标 / 指标{p}-{i}\n    指标值：≥{100 + i}件\n    实际值：{90 + i}件\n"
            for i, level in enumerate(["产出指标"] * 4 + ["效益指标"] * 3 + ["满意度指标"])
        )
        for p in range(1, (n // 8) + 1)
    )
    spec = indicatorkit.loads(project)
    start = time.process_time()
    result = indicatorkit.score(spec)
    elapsed = time.process_time() - start
    count = sum(len(p.indicators) for p in result.projects)
    print(
        f"score(spec): {count:,} indicators in {len(result.projects):,} projects, "
        f"{count / elapsed:10,.0f} indicators/s (information only)"
    )
    if args.check and ours < 200_000:
        print("FAIL: score_indicator below 200,000 rows/s")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
