"""The reading cache on columns with more distinct texts than it holds, against no cache.

    python benchmarks/bench_cache.py            # 100,000 distinct targets
    python benchmarks/bench_cache.py --quick    # 10,000 (CI), the cache shrunk to match

``parse_target`` keeps its readings per registry (``language.syntax.CACHE_SIZE``, 65,536), the
least recently used dropped first (two generations).  "No cache" is the same reading with the
cache taken out: the fast path, then the grammar, for every row.  Three columns of plain targets
(``≥95%``, ``1,000件以上`` …):

1. every distinct text once (all misses: what the cache costs at worst);
2. the distinct texts read three times over, in the same order (a loop larger than the cache:
   least-recently-used eviction keeps nothing useful);
3. three times as many rows drawn with a Zipf-like law from the distinct texts (real columns
   repeat a few texts very often).

Goals: a column that repeats its texts (3) reads faster than with no cache; a column of
distinct texts (1, 2) costs at most the look-ups of a miss (≤ 1.25×: once a generation shows
that texts are seldom read again, a reading is kept only when its text comes a second time, so
nothing is purged and nothing is kept for nothing).  Figures are CPU time, the best of
``--repeat`` runs, reported, never asserted.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from bench_reading import plain_targets

import indicatorkit
from indicatorkit.language import reading, syntax


def _timed(repeat: int, run: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        reading.clear_caches()
        start = time.process_time()  # CPU time: the machine may be shared
        run()
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    n = 10_000 if args.quick else 100_000
    if args.quick:  # the same proportions, smaller: the cache holds 65% of the distinct texts
        syntax.CACHE_SIZE = 6_554
    texts = [text for text in plain_targets(n, 7) if not _refused(text)]
    rng = random.Random(3)
    weights = [1 / (rank + 1) for rank in range(len(texts))]
    columns = {
        "1. each text once (all misses)": texts,
        "2. a loop 3× over the texts": texts * 3,
        "3. Zipf-like draws, 3× the texts": rng.choices(texts, weights, k=3 * len(texts)),
    }
    cache = reading._READER
    plain, slow = cache.plain, cache.slow

    def uncached(text: str, registry: object) -> object:
        found = plain(text, registry)  # type: ignore[arg-type]
        return found if found is not None else slow(registry, text)  # type: ignore[arg-type]

    print(
        f"{len(texts):,} distinct plain targets, cache {syntax.CACHE_SIZE:,} readings "
        f"(CPU time, best of {args.repeat}); goals: repeating column faster than no cache, "
        "distinct texts ≤ 1.25×"
    )
    print(f"{'column':<36}{'rows':>9}{'cached':>12}{'no cache':>12}{'ratio':>8}  goal")
    for label, column in columns.items():
        cached = _timed(args.repeat, lambda c=column: _each(indicatorkit.parse_target, c))
        cache.read = uncached  # type: ignore[method-assign]  # the same entry point, no cache
        try:
            bare = _timed(args.repeat, lambda c=column: _each(indicatorkit.parse_target, c))
        finally:
            del cache.read
        ratio = cached / bare
        verdict = "met" if ratio <= (1.0 if label.startswith("3") else 1.25) else "NOT met"
        print(
            f"{label:<36}{len(column):>9,}{len(column) / cached:>10,.0f}/s"
            f"{len(column) / bare:>10,.0f}/s{ratio:>7.2f}×  {verdict}"
        )
    return 0


def _each(call: Callable[[str], object], column: list[str]) -> None:
    for text in column:
        call(text)


def _refused(text: str) -> bool:
    try:
        indicatorkit.parse_target(text)
    except indicatorkit.IndicatorkitError:
        return True
    return False


if __name__ == "__main__":
    raise SystemExit(main())
