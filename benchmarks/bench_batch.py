"""Batch scoring (``indicatorkit.batch``) beside the object path, cold reading and the exact
int64 numpy floor — every figure beside its baseline, measured in the same run.

    python benchmarks/bench_batch.py                 # 1,000,000 rows
    python benchmarks/bench_batch.py -n 10000000     # the 10M-row end-to-end goal (≈3 GB)
    python benchmarks/bench_batch.py --dask          # also Dask: 2 workers against 1
    python benchmarks/bench_batch.py --quick         # 20,000 rows (tests/test_benchmarks.py)

The national generator (:func:`generate`) draws target texts from the real corpus
(``tests/corpus/real/targets_*.tsv``) in its own proportions of forms and units — comparisons
of percentages, counts, money and rates, bare numbers, sentences, deadlines, ranges — with
their digits varied so that about ``--distinct`` (5%) of the rows hold a target no earlier row
held; each target has a few actuals written as tables write them (``96%``, ``1200件``,
``达成``, a date).  ``--repeating`` draws from a fixed pool of 2,000 targets instead (a roll-up
of many years repeats its targets).

Measured (CPU time of this process, best of ``--repeat``; the machine may be shared):

1. the floor: the exact int64 comparison numpy makes of already compiled columns
   (``actual · den ≥ num · actual_den``), beside
   a. the batch decision of the same rows (operator column, ``Comparison.threshold``'s
      integers) and
   b. the whole evaluation of them (decision, attainment, a missed row's partial credit,
      rounding: :func:`indicatorkit.batch.evaluate.evaluate` with every row distinct);
2. ``score_table`` end to end from the text columns (realistic and repeating);
3. ``score_indicator`` row by row on a sample (the object path);
4. cold reading: ``parse_target`` of each distinct target and ``parse_actual`` of each
   distinct actual, per text;
5. peak memory of ``score_table`` and of ``score_batches`` written to Parquet, each in a fresh
   process reading the table from a Parquet file: the Arrow pool's peak and the RSS growth,
   beside the input columns' size;
6. with ``--dask``: a ``LocalCluster`` of processes, 2 workers of one thread against 1 (wall
   time: the workers are other processes), the table in ``--partitions`` Parquet files dealt
   out to the workers, by the two recipes of ``docs/guides/distributed.md`` — the book compiled
   beforehand and shipped, or each worker compiling the book of its own files — on the
   cluster settings of :data:`CLUSTER` (:func:`_dask`; best of ``--repeat``, each run on a new
   cluster).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from indicatorkit import Direction, parse_target
from indicatorkit.batch import score_table
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language import Comparison, Deadline, Qualitative
from indicatorkit.language.parse import parse_actual
from indicatorkit.scoring import score_indicator

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "real"
GRADES = ("达成", "部分达成", "未达成", "基本达成", "已完成")
_NUMBER = re.compile(r"\d+")


def corpus_targets() -> list[str]:
    """Every real target string of the corpus, repeats kept (their proportions)."""
    return [
        line.split("\t")[0]
        for path in sorted(CORPUS.glob("targets_*.tsv"))
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line and not line.startswith("#")
    ]


def _vary(text: str, rng: random.Random) -> str:
    """``text`` with its number replaced by another of as many digits when it is a
    comparison (``≥95%`` → ``≥87%``), else as written (dates, sentences and ranges keep
    their own numbers, so they stay what they were)."""
    try:
        target = parse_target(text, lenient=True).target
    except IndicatorkitError:
        return text
    if type(target) is not Comparison:
        return text

    def other(match: re.Match[str]) -> str:
        digits = len(match.group()) + (rng.random() < 0.3)  # as long, or one digit longer
        number = str(rng.randint(10 ** (digits - 1) if digits > 1 else 1, 10**digits - 1))
        return number + (f".{rng.randint(1, 9)}" if rng.random() < 0.2 else "")

    varied = _NUMBER.sub(other, text, count=1)
    try:
        return varied if type(parse_target(varied, lenient=True).target) is Comparison else text
    except IndicatorkitError:
        return text


def _actuals(text: str, rng: random.Random) -> list[str]:
    """A few actuals for ``text``, as tables write them: near the target in its unit, a
    grade, a date."""
    try:
        target = parse_target(text, lenient=True).target
    except IndicatorkitError:  # an unreadable target gets a grade
        return [rng.choice(GRADES)]
    if isinstance(target, Comparison):
        unit = target.amount.unit.symbol if hasattr(target.amount.unit, "symbol") else ""
        value = float(target.amount.value)
        found = []
        for _ in range(4):
            number = max(0.0, value * rng.uniform(0.7, 1.15))
            written = f"{number:.0f}" if rng.random() < 0.7 else f"{number:.1f}"
            found.append(f"{written}{unit}")
        return found
    if isinstance(target, Deadline):
        return [f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日" for _ in range(2)]
    if isinstance(target, Qualitative):
        return list(rng.sample(GRADES, 3))
    return [rng.choice(GRADES), "达成"]


def generate(rows: int, distinct: float = 0.05, seed: int = 7, pool: int | None = None) -> pa.Table:
    """A national table of ``rows`` text rows: department, project, target, actual, weight,
    direction.  Each row draws a corpus target (so forms and units keep the corpus's
    proportions), then one of that target's variants (its number varied); there are about
    ``distinct`` × ``rows`` variants in all (``pool``: that many instead)."""
    rng = random.Random(seed)
    real = corpus_targets()
    size = pool or max(1, round(rows * distinct))
    variants: dict[str, dict[str, None]] = {text: {} for text in real}
    made = 0
    for _ in range(4 * size):  # distinct texts, as far as the corpus's forms allow
        source = rng.choice(real)
        text = _vary(source, rng)
        if text not in variants[source]:
            variants[source][text] = None
            made += 1
            if made >= size:
                break
    for source, found in variants.items():
        found.setdefault(source if not found else next(iter(found)), None)
    targets = [text for found in variants.values() for text in found]
    counts = np.array([len(variants[text]) for text in real], np.int64)
    starts = np.array([0, *np.cumsum([len(f) for f in variants.values()])[:-1]], np.int64)
    starts_by_real = np.array([starts[list(variants).index(text)] for text in real], np.int64)
    choices = [_actuals(text, rng) for text in targets]
    ways = [
        "反向" if text.startswith(("≤", "<")) and rng.random() < 0.5 else None for text in targets
    ]
    width = max(len(c) for c in choices)
    actual_pool = [c[i % len(c)] for c in choices for i in range(width)]
    draw = np.random.default_rng(seed)
    source = draw.integers(0, len(real), rows)
    which = starts_by_real[source] + (draw.random(rows) * counts[source]).astype(np.int64)
    pick = which * width + draw.integers(0, width, rows)
    departments = pa.array([f"部门{k:04d}" for k in range(3000)])
    return pa.table(
        {
            "department": departments.take(pa.array(draw.integers(0, 3000, rows))),
            "project": pa.array(draw.integers(1, 301, rows)),
            "target": pa.array(targets).take(pa.array(which)),
            "actual": pa.array(actual_pool).take(pa.array(pick)),
            "weight": pa.array(draw.choice(np.array([2, 3, 5, 10, 15, 20]), rows)),
            "direction": pa.array(ways, pa.string()).take(pa.array(which)),
        }
    )


def _cpu(function: Callable[..., Any], *arguments: Any, repeat: int = 1) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = function(*arguments)
        best = min(best, time.process_time() - start)
    return best, result


def _row_by_row(table: pa.Table) -> None:
    directions = {"反向": Direction.LOWER, "正向": Direction.HIGHER, None: None}
    columns = [
        table.column(name).to_pylist() for name in ("target", "actual", "weight", "direction")
    ]
    for target, actual, weight, way in zip(*columns, strict=True):
        score_indicator(target, actual, weight, direction=directions[way])


def _compiled_rows(rows: int) -> dict[str, Any]:
    """Numeric rows already compiled, every row its own combination: ``≥ / ≤`` thresholds and
    actuals in base units (as ``compile_targets`` / ``compile_actuals`` give them)."""
    draw = np.random.default_rng(7)
    return {
        "actual": draw.integers(0, 20_000, rows, dtype=np.int64),
        "actual_den": draw.choice(np.array([1, 10, 100], np.int64), rows),
        "threshold": draw.integers(1, 20_000, rows, dtype=np.int64),
        "threshold_den": draw.choice(np.array([1, 100], np.int64), rows),
        "operator": draw.choice(np.array([0, 2], np.int8), rows),
    }


def _floor(columns: dict[str, Any]) -> Any:
    return (
        columns["actual"] * columns["threshold_den"] >= columns["threshold"] * columns["actual_den"]
    )


def _compiled(columns: dict[str, Any]) -> tuple[Any, Any]:
    """The rows as ``compile_targets`` / ``compile_actuals`` give them, one target each."""
    from indicatorkit.batch.compiled import CompiledActuals, CompiledTargets

    rows = len(columns["actual"])
    zero = np.zeros(rows, np.int64)
    lower = columns["operator"] == 0
    targets = CompiledTargets(
        compiled=np.ones((rows, 1), np.bool_),
        operator=columns["operator"].reshape(-1, 1),
        base_numerator=columns["threshold"].reshape(-1, 1),
        base_denominator=columns["threshold_den"].reshape(-1, 1),
        lower_bound=lower.reshape(-1, 1),
        value_numerator=columns["threshold"],
        value_denominator=columns["threshold_den"],
        dimension=zero,
    )
    actuals = CompiledActuals(
        np.ones(rows, np.bool_), columns["actual"], columns["actual_den"], zero
    )
    return targets, actuals


def _operands(columns: dict[str, Any]) -> Any:
    """The decision's operands gathered to the rows (one ``take`` each), from the compiled
    columns laid out as the evaluation lays them out (``decision_columns``)."""
    from indicatorkit.batch.decision import decision_columns

    index = np.arange(len(columns["actual"]))
    laid = decision_columns(*_compiled(columns))
    flat = laid.flat(index, np.zeros_like(index))
    return (
        laid.actual_numerator[index],
        laid.actual_denominator[index],
        laid.threshold_numerator[flat],
        laid.threshold_denominator[flat],
        laid.strict[flat],
    )


def _evaluation(columns: dict[str, Any], whole: bool) -> Any:
    """The batch path on compiled rows: its decision with its gathers (``_operands`` then
    ``decide``), or the whole evaluation (``evaluate``: attainment, partial credit,
    rounding, outcome)."""
    from indicatorkit.batch.decision import decide
    from indicatorkit.batch.evaluate import evaluate
    from indicatorkit.scoring.rules import NATIONAL

    if not whole:
        return decide(*_operands(columns))
    targets, actuals = _compiled(columns)
    rows = len(columns["actual"])
    index = np.arange(rows)
    zero = np.zeros(rows, np.int64)
    values = (["≥1"] * rows, ["1"] * rows, [Fraction(10)], [None])  # unused: every row compiles
    evaluated = evaluate((index, index, zero, zero), values, (targets, actuals), NATIONAL, None)
    assert evaluated.vectorised == rows
    return evaluated


def _cold_reading(table: pa.Table) -> tuple[float, int]:
    from indicatorkit.language import actuals as actual_reading
    from indicatorkit.language import reading

    texts = [t for t in table.column("target").unique().to_pylist() if t]
    actuals = [a for a in table.column("actual").unique().to_pylist() if a]
    reading.clear_caches()
    actual_reading.clear_caches()
    start = time.process_time()
    for text in texts:
        try:
            parse_target(text, lenient=True)
        except IndicatorkitError:  # unreadable targets are read too
            continue
    for text in actuals:
        try:
            parse_actual(text)
        except IndicatorkitError:
            continue
    return time.process_time() - start, len(texts) + len(actuals)


_MEMORY = """
import json, resource, sys, threading, time
import pyarrow as pa, pyarrow.parquet as pq
from indicatorkit.batch import RESULT_COLUMNS, score_table, write_scored_parquet
path, mode, out = sys.argv[1:4]
table = pq.read_table(path)
score_table(table.slice(0, 1000))  # every module the path uses imported before measuring
pool = pa.default_memory_pool()
inputs = table.nbytes
def rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()
time.sleep(0.2)
base_rss, base_pool, high = rss(), pool.bytes_allocated(), [0]
done = threading.Event()
def watch():  # the RSS every 2 ms: its peak during the call
    while not done.is_set():
        high[0] = max(high[0], rss())
        time.sleep(0.002)
watcher = threading.Thread(target=watch)
watcher.start()
if mode == "table":
    result = score_table(table)
    results = sum(result.column(name).nbytes for name in RESULT_COLUMNS)
else:
    write_scored_parquet(table, out)
    results = 0
done.set()
watcher.join()
print(json.dumps({"inputs": inputs, "results": results, "rss": max(high[0], rss()) - base_rss,
                  "pool": pool.max_memory() - base_pool}))
"""


def _memory(table: pa.Table, mode: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.parquet"
        pq.write_table(table, path)
        done = subprocess.run(
            [sys.executable, "-c", _MEMORY, str(path), mode, str(Path(folder) / "out.parquet")],
            capture_output=True,
            text=True,
            check=True,
        )
    return dict(json.loads(done.stdout))


#: The worker processes' malloc settings.  Dask's nanny starts workers with
#: ``MALLOC_TRIM_THRESHOLD_=65536``, which also fixes glibc's mmap threshold at 128 KiB: every
#: numpy and Arrow temporary above it (a 125k-row int64 column is 1 MB) is then fresh memory
#: from the kernel, page-faulted again in every partition — slow on these VMs, slower with two
#: processes faulting at once.  These keep freed memory for the next partition
#: (``docs/guides/distributed.md``); the same for 1 worker and for 2.
WORKER_MALLOC = {"MALLOC_TRIM_THRESHOLD_": 2**28, "MALLOC_MMAP_THRESHOLD_": 2**25}


#: The two recipes of ``docs/guides/distributed.md`` :func:`_dask` times.
RECIPES = ("book shipped", "books on workers")


def _dask(
    table: pa.Table, partitions: int, repeat: int = 1
) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Wall seconds for 1 and for 2 single-threaded worker processes to score ``table`` cut
    into ``partitions`` Parquet files dealt out to the workers (only the row counts come
    back), by the two recipes of ``docs/guides/distributed.md``, each timed whole:
    ``book shipped`` — the :class:`~indicatorkit.batch.TargetBook` compiled before (targets
    are fixed when they are declared; the book is made once and kept), scattered to every
    worker on the clock; ``books on workers`` — data that never sits on the driver: each worker
    compiles the book of its own files' distinct targets inside the graph and scores its files
    with it.  For each: the wall seconds and the CPU seconds of the busiest worker process
    (what the wall time would be on cores no other process uses), the best of ``repeat``
    runs, each on a new cluster, 1 and 2 workers taking turns (the machine's drift falls on
    both alike)."""
    best = {(recipe, workers): (math.inf, 0.0) for recipe in RECIPES for workers in (1, 2)}
    with tempfile.TemporaryDirectory() as folder:
        size = -(-table.num_rows // partitions)
        paths = []
        for part in range(partitions):
            paths.append(str(Path(folder) / f"part{part}.parquet"))
            pq.write_table(table.slice(part * size, size), paths[-1])
        book = _book_of_files(paths)
        for _ in range(repeat):
            for recipe in RECIPES:
                for workers in (1, 2):
                    run = _dask_run(
                        paths, workers, table.num_rows, book if recipe == RECIPES[0] else None
                    )
                    best[recipe, workers] = min(best[recipe, workers], run)
    return {
        recipe: (
            (best[recipe, 1][0], best[recipe, 2][0]),
            (best[recipe, 1][1], best[recipe, 2][1]),
        )
        for recipe in RECIPES
    }


#: The cluster's settings for batch scoring (``docs/guides/distributed.md``), the same for 1
#: worker and for 2: the workers' malloc thresholds (:data:`WORKER_MALLOC`); Dask's statistical
#: profiler off (it samples every worker thread's stack every 10 ms: a 1-worker run took
#: 10.2–11.5 s with it, 9.1–9.9 s without); and its own monitors less often — the event loop's
#: tick (20 ms), the nanny's memory check (100 ms), the system monitor (500 ms).  On a machine
#: whose cores the workers fill, the scheduler and nannies (in the driver's process with a
#: ``LocalCluster``) take their CPU from the workers: 0.24 s of the driver's CPU per 5 idle
#: seconds with Dask's defaults, 0.11 s with these, and 0.5–0.9 s while 16 files were scored.
CLUSTER = {
    **{
        f"distributed.nanny.pre-spawn-environ.{name}": value
        for name, value in WORKER_MALLOC.items()
    },
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


def _dask_run(paths: list[str], workers: int, rows: int, book: Any) -> tuple[float, float]:
    """One run of :func:`_dask` on a new cluster of ``workers``, with ``book`` shipped (or,
    when None, a book compiled on each worker): wall and busiest-worker CPU seconds."""
    import dask
    from distributed import Client, LocalCluster

    with (
        dask.config.set(CLUSTER),
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        client.run(_warm)
        delayed = dask.delayed  # type: ignore[attr-defined]
        before = client.run(time.process_time)
        start = time.perf_counter()
        # a large book scattered to every worker (as the guide says), not put in the graph
        shipped = None if book is None else client.scatter(book, broadcast=True)
        tasks = []
        for place, address in enumerate(sorted(client.scheduler_info()["workers"])):
            mine = paths[place::workers]
            # its files (and its own book) on each worker: nothing waits for the others
            with dask.annotate(workers=[address], allow_other_workers=True):
                used = delayed(_book_of_files)(mine) if shipped is None else shipped
                tasks += [delayed(_score_file)(path, used) for path in mine]
        counts = dask.compute(*tasks, optimize_graph=False)  # keeping the annotations
        wall = time.perf_counter() - start
        after = client.run(time.process_time)
        assert sum(counts) == rows
    return wall, max(after[worker] - before[worker] for worker in after)


#: What a worker scores before the clock starts: texts of the reader's kinds (the fast path, the
#: grammar, the lenient reader, dates, sentences) that the generated tables do not hold, so
#: that the readers' one-off set-up (imports, the grammar's lexers) is done, their caches not.
_WARM = pa.table(
    {
        "target": [
            "≥95%",
            "每亩300元",
            "5万元。",
            "完成95%以上",
            "2030年6月30日前",
            "及时足额拨付",
            "3-6月",
        ],
        "actual": ["96%", "310元", "4万元", "97%", "2030年5月1日", "基本达成", "5月"],
        "weight": [10, 10, 10, 10, 10, 10, 10],
    }
)


def _warm() -> None:
    """A worker's imports and first uses before the clock starts, as on a cluster that has
    run before: a Parquet file read (its dataset layer), a score of :data:`_WARM`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm.parquet"
        pq.write_table(_WARM, path)
        score_table(pq.read_table(path, columns=["target", "actual", "weight"]))


def _book_of_files(paths: list[str]) -> Any:
    """The book of the distinct targets of ``paths`` (only their target columns are read)."""
    from indicatorkit.batch import compile_target_book

    targets = [
        pq.read_table(path, columns=["target"]).column("target").unique().cast(pa.string())
        for path in paths
    ]
    return compile_target_book(pa.chunked_array(targets, pa.string()))


def _score_file(path: str, book: Any) -> int:
    return int(score_table(pq.read_table(path), book=book).num_rows)


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("-n", type=int, default=1_000_000, help="rows (default 1,000,000)")
    parser.add_argument("--distinct", type=float, default=0.05, help="share of new targets")
    parser.add_argument("--sample", type=int, default=20_000, help="rows scored one by one")
    parser.add_argument("--repeat", type=int, default=3, help="best of (default 3)")
    parser.add_argument("--dask", action="store_true", help="Dask: 2 workers against 1")
    parser.add_argument("--partitions", type=int, default=16, help="Dask: files (default 16)")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    args = parser.parse_args(argv)
    rows = 20_000 if args.quick else args.n
    repeat = 1 if args.quick else args.repeat
    sample = min(rows, 2_000 if args.quick else args.sample)
    print(f"load average {_load()}; rows {rows:,}")
    table = generate(rows, args.distinct)
    repeating = generate(rows, pool=2_000, seed=11)
    for name, data in (("realistic", table), ("repeating", repeating)):
        targets = len(data.column("target").unique())
        actuals = len(data.column("actual").unique())
        print(
            f"  {name}: distinct targets {targets:,} ({targets / rows:.2%}), "
            f"actuals {actuals:,} ({actuals / rows:.2%}); input columns "
            f"{data.nbytes / rows:.1f} bytes/row"
        )

    compiled = _compiled_rows(rows)
    floor, _ = _cpu(_floor, compiled, repeat=repeat * 3)
    from indicatorkit.batch.decision import decide

    gathered = _operands(compiled)
    decision, met = _cpu(decide, *gathered, repeat=repeat * 3)
    with_gathers, met_too = _cpu(_evaluation, compiled, False, repeat=repeat * 3)
    assert (met == _floor(compiled)).mean() > 0.4 and (met == met_too).all()
    del gathered
    evaluation, _ = _cpu(_evaluation, compiled, True, repeat=repeat)
    print(f"1. exact int64 numpy floor:            {rows / floor:14,.0f} rows/s")
    print(
        f"   a. batch decision (operator column):{rows / decision:14,.0f} rows/s   "
        f"{decision / floor:.1f}× the floor's time (goal ≤ 3×)"
    )
    print(
        f"      with its gathers (one take each): {rows / with_gathers:13,.0f} rows/s   "
        f"{with_gathers / floor:.1f}× the floor's time"
    )
    print(
        f"   b. whole evaluation (every row new): {rows / evaluation:13,.0f} rows/s   "
        f"{evaluation / floor:.1f}× the floor's time"
    )
    batch, scored = _cpu(score_table, table, repeat=repeat)
    assert scored.num_rows == rows
    outcomes = scored.column("outcome").value_counts().to_pylist()
    print("   outcomes:", ", ".join(f"{item['values']} {item['counts']:,}" for item in outcomes))
    fast, _ = _cpu(score_table, repeating, repeat=repeat)
    print(
        f"2. score_table from text, realistic:   {rows / batch:14,.0f} rows/s ({batch:.2f} s"
        f"{'; 10M goal < 10 s' if rows >= 10_000_000 else ''})"
    )
    print(
        f"   score_table from text, repeating:   {rows / fast:14,.0f} rows/s ({fast:.2f} s; "
        "goal ≥ 5,000,000)"
    )
    objects, _ = _cpu(_row_by_row, table.slice(0, sample))
    print(
        f"3. score_indicator row by row ({sample:,}): {sample / objects:10,.0f} rows/s   "
        f"batch {objects / sample * rows / batch:.1f}× faster"
    )
    seconds, count = _cold_reading(table)
    print(
        f"4. cold reading of the distinct texts:  {count / seconds:13,.0f} texts/s "
        f"({count:,} texts, {seconds:.2f} s of the batch's {batch:.2f} s)"
    )
    if not args.no_memory:
        for mode in ("table", "stream"):
            memory = _memory(table, mode)
            inputs = memory["inputs"]
            print(
                f"5. memory, {'score_table' if mode == 'table' else 'score_batches → Parquet'}: "
                f"input columns {inputs / 1e6:.1f} MB; Arrow pool peak "
                f"{memory['pool'] / 1e6:.1f} MB ({memory['pool'] / inputs:.2f}×), RSS growth "
                f"{memory['rss'] / 1e6:.1f} MB ({memory['rss'] / inputs:.2f}×; goal ≤ 2×)"
                + (
                    f"; results {memory['results'] / rows:.1f} bytes/row"
                    if memory["results"]
                    else ""
                )
            )
    if args.dask:
        recipes = _dask(table, args.partitions, repeat)
        print(
            f"6. Dask LocalCluster, the realistic table in {args.partitions} Parquet files "
            f"(best of {repeat}; goal ≥ 1.7×; load {_load()}):"
        )
        for recipe, ((one, two), (one_cpu, two_cpu)) in recipes.items():
            print(
                f"   {recipe + ':':17} 1 worker {one:.2f} s, 2 workers {two:.2f} s (wall): "
                f"{one / two:.2f}×; CPU of the busiest worker {one_cpu:.2f} → {two_cpu:.2f} s: "
                f"{one_cpu / two_cpu:.2f}×"
            )
    print(f"load average {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
