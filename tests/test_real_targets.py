"""Real 指标值 strings from published tables of many provinces and sectors, each with its
source (tests/corpus/real/targets_*_SOURCES.md) and, written by hand, what it means.

Every string must read right, or be refused where the corpus says a careful reader refuses, or
be a known gap (listed below, for the issue "Read what real tables write"): a misreading that
is not listed fails.  The coverage is printed.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from indicatorkit import Comparison, IndicatorkitError, lint, loads, parse_target
from indicatorkit.errors import UnknownUnitError
from indicatorkit.language import Amount, DatePoint, Deadline, Period, Qualitative, Range
from indicatorkit.language.text import normalize
from indicatorkit.units import NO_UNIT, default_registry
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
KNOWN_GAPS: dict[str, str] = {}


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


def _unit(text: str) -> object:
    """The unit a corpus row names, multipliers included (万亩, 万人); a unit named again in
    brackets after it (``%(百分比)``, ``件(套)``) is a gloss the reading sets aside (T022)."""
    registry = default_registry()
    text = normalize(re.sub(r"\([^()]*\)$", "", text))[0]  # 萬元 is 万元, as the reading has it
    # 元/人·月, 元/人*月, 元/人.每天, 元/人、天 are rates like 元/人/月; 月 after "/" is 个月, as
    # in the grammar
    text = re.sub(r"[*·×、]|\.每?|每", "/", text.strip()).replace("/月", "/个月")
    if text in ("十", "百", "千", "万", "亿"):
        return registry.scaled(text, NO_UNIT)  # 100万: a multiplier alone
    try:
        return registry.unit(text)
    except UnknownUnitError:
        if text[:1] in "十百千万亿" and len(text) > 1:
            return registry.scaled(text[0], registry.unit(text[1:]))
        raise


def _day(text: str) -> tuple[int | None, int, int]:
    """``YYYY-MM-DD`` or ``MM-DD`` → (year or None, month, day)."""
    parts = [int(part) for part in text.split("-")]
    return (None, *parts) if len(parts) == 2 else (parts[0], parts[1], parts[2])  # type: ignore[return-value]


def _full(point: DatePoint) -> tuple[int | None, int, int]:
    return (point.year, *point.key())


def _date_right(got: object, kind: str, value: str) -> bool:
    """A deadline or a period read to the day(s) the corpus gives (see the TSV headers)."""
    if kind == "deadline":
        if not isinstance(got, Deadline):
            return False
        year, month, day = _day(value)
        return _full(got.by) == (year, month, day) or (
            year is not None and got.by.year is None and got.by.key() == (month, day)
        )
    if not isinstance(got, Period):
        return False
    start, end = got.span.start, got.span.end
    if "~" not in value:  # M-M: months of one (implicit) year
        first, last = (int(part) for part in value.split("-"))
        return (start.month, start.day, end.month, end.day) == (first, 1, last, None)
    low, high = value.split("~")
    if low.count("-") == 1:  # YYYY-MM~YYYY-MM
        (y1, m1), (y2, m2) = (tuple(int(p) for p in side.split("-")) for side in (low, high))
        return (start.year, start.month, start.day, end.year, end.month, end.day) == (
            y1,
            m1,
            1,
            y2,
            m2,
            None,
        )
    return _full(start) == _day(low) and _full(end) == _day(high)


def _sentence_verdict(text: str) -> str:
    """A sentence (several values, one value for several items, a policy sentence): strict
    reading refuses it, lenient reading takes it as qualitative and says so."""
    try:
        got = parse_target(text)
    except IndicatorkitError:
        pass
    else:
        return f"wrong: read {got!r}"
    try:
        lenient = parse_target(text, lenient=True)
    except IndicatorkitError:
        return "refused"
    if isinstance(lenient.target, Qualitative) and lenient.diagnostics:
        return "right"
    return f"wrong: read {lenient.target!r} {[d.code for d in lenient.diagnostics]}"


def _flagged_verdict(row: dict[str, str]) -> str:
    """Suspect only in its row (an Excel date serial in a 时效指标, a 合格率 of 292%): read as
    written, and flagged by lint with the code in ``op`` in the row named in ``value``."""
    try:
        parse_target(row["text"])
    except IndicatorkitError:
        return "refused"
    level1, level2, name = row["value"].split("/")
    spec = f"项目 1\n  指标 {level1} / {level2} / {name}\n    指标值：{row['text']}\n"
    flagged = any(finding.code == row["op"] for finding in lint(loads(spec), source=spec))
    return "right" if flagged else f"wrong: not flagged ({row['op']})"


def _verdict(row: dict[str, str]) -> str:
    """``right``, ``refused`` (not read: a gap of vocabulary), ``unknown-unit`` (the expected
    unit is not in the registry yet) or ``wrong: …``."""
    kind = row["kind"]
    if kind == "sentence":
        return _sentence_verdict(row["text"])
    if kind == "flagged":
        return _flagged_verdict(row)
    got, _ = _read(row["text"])
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
            expected = Amount(Fraction(Decimal(row["value"])), _unit(row["unit"]))  # type: ignore[arg-type]
        except (KeyError, ArithmeticError):
            return "unknown-unit"
        if OPERATORS.get(row["op"], "?") != got.operator or expected != got.amount:
            return f"wrong: read {got!r}"
        return "right"
    if kind == "range":
        if not isinstance(got, Range):
            return f"wrong: read {got!r}"
        low, high = (Fraction(Decimal(end)) for end in row["value"].split("~"))
        wanted = _unit(row["unit"])
        same = (got.low, got.high) == (Amount(low, wanted), Amount(high, wanted))  # type: ignore[arg-type]
        return "right" if same else f"wrong: read {got!r}"
    if kind in ("deadline", "period"):
        return "right" if _date_right(got, kind, row["value"]) else f"wrong: read {got!r}"
    return f"unknown kind {kind!r}"


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
    assert read / len(ROWS) >= 0.99  # the goal of the issue "Read what real tables write"
    assert counts["wrong"] == 0
