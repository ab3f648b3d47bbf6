"""Real 指标值 strings from published tables of many provinces and sectors, each with its
source (tests/corpus/real/targets_*_SOURCES.md) and, written by hand, what it means.

Every string must read right, or be refused where the corpus says a careful reader refuses, or
be a known gap (listed below, for the issue "Read what real tables write"): a misreading that
is not listed fails.  The coverage is printed.
"""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from indicatorkit import (
    Amount,
    Comparison,
    IndicatorkitError,
    Qualitative,
    parse_target,
    unit,
)
from indicatorkit.vocabulary import Operator

CORPUS = sorted((Path(__file__).parent / "corpus" / "real").glob("targets_*.tsv"))
OPERATORS = {
    "≥": Operator.GE,
    ">": Operator.GT,
    "≤": Operator.LE,
    "<": Operator.LT,
    "=": Operator.EQ,
    "bare": None,
}
#: Misreadings still to fix (text → what is read today); each is a known gap, not a goal.
KNOWN_GAPS = {
    "每亩300": "a rate written before its number, read leniently as a sentence",
    "每亩100": "the same",
    "平均每生每年3300元": "a value inside words, read leniently as a sentence",
    "各 1 次": "one value for several items, quoted as a sentence instead of refused",
    "每生每年3000元、2000元、1000元3個檔次": "several values, quoted as a sentence instead of refused",
    "公里": "a unit alone (a template leftover) read as a sentence",
    "暂定量按15次作业且总航时不少于30小时测算": "two values, quoted as a sentence instead of refused",
    "= 44,561": "an Excel date serial read as a number",
    "好坏": "a grade scale, read as a sentence",
    "优良中低差": "a grade scale, read as a sentence",
}


def _rows() -> list[dict[str, str]]:
    rows = []
    for path in CORPUS:
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        ]
        rows.extend(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


ROWS = _rows()


def _read(text: str) -> tuple[object | None, str]:
    try:
        return parse_target(text), "strict"
    except IndicatorkitError:
        pass
    try:
        return parse_target(text, lenient=True).target, "lenient"
    except IndicatorkitError:
        return None, "refused"


def _verdict(row: dict[str, str]) -> str:
    """``right``, ``refused`` (not read: a gap of vocabulary), ``unknown-unit`` (the expected
    unit is not in the registry yet) or ``wrong: …``."""
    got, _ = _read(row["text"])
    kind = row["kind"]
    if got is None:
        return "right" if kind == "refuse" else "refused"
    if kind == "refuse":
        return f"wrong: read {got!r}"
    if kind == "qualitative":
        return "right" if isinstance(got, Qualitative) else f"wrong: read {got!r}"
    if kind == "comparison":
        if not isinstance(got, Comparison):
            return f"wrong: read {got!r}"
        try:
            expected = Amount(Fraction(Decimal(row["value"])), unit(row["unit"].strip()))
        except (KeyError, ArithmeticError):
            return "unknown-unit"
        if OPERATORS.get(row["op"], "?") != got.operator or expected != got.amount:
            return f"wrong: read {got!r}"
        return "right"
    return (
        "right" if type(got).__name__.lower() == kind else "refused"
    )  # deadlines, periods, ranges


def test_the_corpus_is_large_and_varied() -> None:
    assert len({row["text"] for row in ROWS}) >= 400
    assert len({row["province"] for row in ROWS}) >= 10
    assert len({row["sector"] for row in ROWS}) >= 10


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["text"][:30])
def test_no_misreading_beyond_the_known_gaps(row: dict[str, str]) -> None:
    verdict = _verdict(row)
    if row["text"] in KNOWN_GAPS:
        return
    assert not verdict.startswith("wrong"), (row["text"], verdict, row["source"])


def test_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    counts = Counter(_verdict(row).split(":")[0] for row in ROWS)
    read = counts["right"]
    with capsys.disabled():
        print(
            f"\nreal targets: {read} of {len(ROWS)} read right ({read / len(ROWS):.1%}); {dict(counts)}"
        )
    assert read / len(ROWS) >= 0.8
