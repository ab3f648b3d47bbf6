"""Cold reading against the simplest reader, and checking a pint quantity against pint itself.

    python benchmarks/bench_reading.py            # 20,000 strings
    python benchmarks/bench_reading.py --quick    # 3,000 strings (CI)

1. Targets: ``parse_target`` over distinct plain target strings (``≥95%``, ``不低于90%``,
   ``1,000件以上``, ``5万元``), caches cleared — against ``simplest_reader``, a 20-line regex +
   ``Decimal`` + unit-factor-dict reader of the same strings.  Regression limit: at most 2.7×
   its time (issue 23; the object model — exact Fractions, frozen records, a cache whose results
   are kept — costs more than the earlier 2× goal left, see README.md).
2. Actuals: ``parse_actual`` over distinct plain actual strings, the same way.  Limit: ≤ 2.3×.
3. ``check`` of a pint quantity against a target, versus comparing two pint quantities
   (``Q(actual) >= Q(threshold)``).  Goal: faster than pint (ratio > 1).
4. A realistic mixed column: the real target strings of ``tests/corpus/real/`` (their own
   proportions of comparisons, sentences, deadlines, periods and ranges; those strict reading
   refuses left out), cold, against ``mixed_reader``: NFKC and three regular expressions
   (deadline, range, comparison) with ``Decimal``, anything else a sentence.  Goal: ≤ 3×
   (``--check`` fails beyond it too).
5. What strict reading does not finish, cold, per text (information, no goal): the distinct
   real texts it reads as a sentence or a convention, and those it refuses — each read as
   the batch reads a distinct target (``indicatorkit.batch.compiled``): strictly, then
   leniently when strict reading gives no plain target.

Figures are CPU time (the machine may be shared), the best of ``--repeat`` runs; each is printed
with its baseline, measured in the same run.  ``--check`` exits 1 when a limit is broken.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import time
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import indicatorkit
from indicatorkit.language.conventions import Convention
from indicatorkit.language.reading import clear_caches, read_or_convention
from indicatorkit.language.targets import Qualitative

#: The mixed column's goal (issue 23): at most this many times the mixed reader's time.
MIXED_GOAL = 3

# ---- the simplest reader: 20 lines --------------------------------------------------------
_OPS = {
    "≥": ">=",
    ">=": ">=",
    ">": ">",
    "≤": "<=",
    "<=": "<=",
    "<": "<",
    "不低于": ">=",
    "不少于": ">=",
}
_FACTORS = {"%": ("ratio", Decimal("0.01")), "元": ("money", Decimal(1)), "万元": ("money", Decimal(10000)),
            "件": ("件", Decimal(1)), "人次": ("人次", Decimal(1)), "人": ("人", Decimal(1)), "": ("", Decimal(1))}  # fmt: skip
_SIMPLE = re.compile(
    r"(≥|>=|>|≤|<=|<|不低于|不少于)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(%|元|万元|件|人次|人|)(以上|以下)?"
)


def simplest_reader(text: str) -> tuple[str, Decimal, str]:
    match = _SIMPLE.fullmatch(text.strip())
    if match is None:
        raise ValueError(text)
    op, number, unit, suffix = match.groups()
    operator = _OPS[op] if op else {"以上": ">=", "以下": "<="}.get(suffix or "", "=")
    dimension, factor = _FACTORS[unit]
    return operator, Decimal(number.replace(",", "")) * factor, dimension


# ---- the simplest reader of a mixed column: ~30 lines -----------------------------------------
_DEADLINE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|底|末)?(?:前|之前|以前)?(?:完成)?|年底前"
)
_RANGE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(%|元|万元|件|人次|人|)\s*(?:-|~|～|至|到)\s*(\d+(?:\.\d+)?)\s*(%|元|万元|件|人次|人|)"
)
_COMPARED = re.compile(
    r"(≥|>=|>|≤|<=|<|=|不低于|不少于|不高于|不超过|大于|小于|达到)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)"
    r"\s*([^\d\s以]{0,4}?)(以上|以下|以内)?"
)
_MIXED_OPS = {"≥": ">=", ">=": ">=", ">": ">", "≤": "<=", "<=": "<=", "<": "<", "=": "=",
              "不低于": ">=", "不少于": ">=", "不高于": "<=", "不超过": "<=", "大于": ">",
              "小于": "<", "达到": ">=", "以上": ">=", "以下": "<=", "以内": "<="}  # fmt: skip


def mixed_reader(text: str) -> tuple[object, ...]:
    text = unicodedata.normalize("NFKC", text).strip()
    match = _DEADLINE.fullmatch(text)
    if match:
        year, month, day = match.groups()
        return ("deadline", year, month, day)
    match = _RANGE.fullmatch(text)
    if match:
        low, low_unit, high, high_unit = match.groups()
        return ("range", Decimal(low), Decimal(high), high_unit or low_unit)
    match = _COMPARED.fullmatch(text)
    if match:
        op, number, unit, suffix = match.groups()
        operator = _MIXED_OPS.get(op or suffix or "", "=")
        return ("comparison", operator, Decimal(number.replace(",", "")), unit)
    return ("sentence", text)


def _corpus_texts() -> list[str]:
    corpus = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "real"
    return [
        line.split("\t")[0]
        for path in sorted(corpus.glob("targets_*.tsv"))
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line and not line.startswith("#")
    ]


def real_targets() -> tuple[list[str], int]:
    """The real target strings of the corpus, in their own proportions, and how many of them
    strict reading refuses (left out)."""
    texts = _corpus_texts()
    kept = [text for text in texts if _reads(text)]
    return kept, len(texts) - len(kept)


# ---------------------------------------------------------------------------------------------


def plain_targets(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found: set[str] = set()
    while len(found) < n:
        number = (
            f"{rng.randint(1, 99999)}"
            if rng.random() < 0.6
            else f"{rng.randint(1, 9999)}.{rng.randint(1, 99)}"
        )
        if rng.random() < 0.1:
            number = f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"
        unit = rng.choice(["%", "元", "万元", "件", "人次", "人", ""])
        form = rng.random()
        if form < 0.7:
            found.add(f"{rng.choice(['≥', '>', '≤', '<', '>=', '不低于', '不少于'])}{number}{unit}")
        elif form < 0.85:
            found.add(f"{number}{unit}{rng.choice(['以上', '以下'])}")
        else:
            found.add(f"{number}{unit}")
    return sorted(found)


def plain_actuals(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found: set[str] = set()
    while len(found) < n:
        found.add(
            f"{rng.randint(1, 99999)}.{rng.randint(0, 99)}{rng.choice(['%', '元', '万元', '件', '人次', '人'])}"
        )
    return sorted(found)


def unfinished_targets() -> tuple[list[str], list[str]]:
    """The distinct real texts strict reading reads as a sentence or a convention, and those
    it refuses."""
    registry = indicatorkit.units.registry_in_use()
    sentences, refused = [], []
    for text in sorted(set(_corpus_texts())):
        try:
            read = read_or_convention(text, registry)
        except indicatorkit.IndicatorkitError:
            refused.append(text)
            continue
        if isinstance(read, Qualitative | Convention):
            sentences.append(text)
    return sentences, refused


def _read_as_the_batch_does(texts: list[str]) -> None:
    """Strictly, then leniently unless strict reading gave a plain target."""
    registry = indicatorkit.units.registry_in_use()
    for text in texts:
        try:
            read = read_or_convention(text, registry)
        except indicatorkit.IndicatorkitError:
            pass
        else:
            if not isinstance(read, Qualitative | Convention):
                continue
        try:
            indicatorkit.parse_target(text, lenient=True)
        except indicatorkit.IndicatorkitError:
            continue


def _reads(text: str) -> bool:
    try:
        indicatorkit.parse_target(text)
    except indicatorkit.IndicatorkitError:
        return False
    return True


def _each(call: Callable[[Any], object], items: list[Any]) -> None:
    for item in items:
        call(item)


def best_of(
    repeat: int, run: Callable[[], None], before: Callable[[], None] = lambda: None
) -> float:
    times = []
    for _ in range(repeat):
        before()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 when a limit is broken")
    args = parser.parse_args(argv)
    broken = []
    n = 3_000 if args.quick else 20_000
    targets, actuals = plain_targets(n, 1), plain_actuals(n, 2)
    # a bare "1922.2" may be a month written year.month: the library refuses to guess (T044),
    # the simplest reader takes a number — such strings are left out of both timings
    refused = [text for text in targets if not _reads(text)]
    left_out = set(refused)
    targets = [text for text in targets if text not in left_out]
    for text in targets[:50]:
        assert simplest_reader(text)[1] is not None and indicatorkit.parse_target(text) is not None
    print(
        f"cold reading of {n:,} distinct plain strings (best of {args.repeat}; {len(refused)} targets "
        "the library refuses to guess left out); limits: targets ≤ 2.7×, actuals ≤ 2.3× the "
        "simplest reader's time"
    )
    for label, texts, ours, limit in (
        ("targets", targets, indicatorkit.parse_target, 2.7),
        ("actuals", actuals, indicatorkit.parse_actual, 2.3),
    ):
        mine = best_of(args.repeat, functools.partial(_each, ours, texts), clear_caches)
        simple = best_of(args.repeat, functools.partial(_each, simplest_reader, texts))
        print(
            f"  {label:8} indicatorkit {len(texts) / mine:10,.0f}/s   simplest reader {len(texts) / simple:10,.0f}/s   "
            f"time ratio {mine / simple:4.2f}×   limit ≤ {limit}×: "
            f"{'met' if mine / simple <= limit else 'NOT met'}"
        )
        if mine / simple > limit:
            broken.append(label)

    q = indicatorkit.units.default_registry().pint.Quantity
    target = indicatorkit.parse_target("≥95%")
    threshold = q(Fraction(95), "percent")
    quantities = [q(Fraction(v, 10), "percent") for v in range(900, 1000)] * (n // 100)
    mine = best_of(args.repeat, functools.partial(_each, target.check, quantities))
    pint_time = best_of(args.repeat, functools.partial(_each, threshold.__le__, quantities))
    print(
        f"check of a pint quantity: indicatorkit {len(quantities) / mine:10,.0f}/s   pint compare "
        f"{len(quantities) / pint_time:10,.0f}/s   ratio {pint_time / mine:4.2f}×   "
        f"{'met' if pint_time / mine > 1 else 'NOT met'} (goal > 1×)"
    )
    mixed, refused_mixed = real_targets()
    kinds: dict[str, int] = {}
    for text in mixed:
        kind = mixed_reader(text)[0]
        kinds[str(kind)] = kinds.get(str(kind), 0) + 1
    mine = best_of(
        args.repeat * 4, functools.partial(_each, indicatorkit.parse_target, mixed), clear_caches
    )
    simple = best_of(args.repeat * 4, functools.partial(_each, mixed_reader, mixed))
    print(
        f"mixed real column ({len(mixed)} strings, {refused_mixed} refused left out; the mixed "
        f"reader sees {kinds}):\n  indicatorkit {len(mixed) / mine:10,.0f}/s   mixed reader "
        f"{len(mixed) / simple:10,.0f}/s   time ratio {mine / simple:4.2f}×   goal ≤ {MIXED_GOAL}×: "
        f"{'met' if mine / simple <= MIXED_GOAL else 'NOT met'}"
    )
    if mine / simple > MIXED_GOAL:
        broken.append("mixed column")
    sentences, refused_texts = unfinished_targets()
    print("cold reading of what strict reading does not finish (strictly, then leniently):")
    for label, texts in (("sentences and conventions", sentences), ("refused", refused_texts)):
        mine = best_of(
            args.repeat * 4, functools.partial(_read_as_the_batch_does, texts), clear_caches
        )
        print(
            f"  {label:26} {len(texts):4} distinct texts  {mine / len(texts) * 1e6:7.1f} µs a text"
        )
    if args.check and broken:
        print(f"FAIL: over the limit: {', '.join(broken)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
