"""Growth: every entry point timed on hostile inputs of 1 k, 10 k and 100 k characters.

    python benchmarks/bench_growth.py            # print the figures
    python benchmarks/bench_growth.py --check    # exit 1 when any growth is worse than linear
    python benchmarks/bench_growth.py --rows     # also actuals of 1 k, 10 k and 100 k rows

Linear time grows about 10× per 10× of input; quadratic time about 100×.  ``--check`` fails
when the time grows more than 30× per 10× of input, measured over the whole span (the
geometric mean of the two steps, so that one noisy size cannot fake or hide it).
Texts longer than ``indicatorkit.language.syntax.MAX_TEXT`` are refused at once, which is
linear too.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import indicatorkit
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.formats.document import read_document
from indicatorkit.formats.document_blocks import text_parts
from indicatorkit.formats.long_table import read_long_table
from indicatorkit.language.reading import clear_caches
from indicatorkit.model.actuals import merge_actuals

SIZES = (1_000, 10_000, 100_000)
LIMIT = 30.0


def _quietly(call: Callable[[], object]) -> None:
    try:
        call()
    except indicatorkit.IndicatorkitError:
        pass


def _project(number: int) -> str:
    return (
        f"项目 {number} 项目{number}\n  预算：1,616,387.84元\n"
        f"  指标 产出指标 / 数量指标 / 受理数{number}\n    指标值：≥200件\n    分值：10\n"
    )


def _spec(size: int) -> str:
    one = len(_project(1))
    return "".join(_project(n) for n in range(1, size // one + 2))


def _inline_list(size: int) -> str:
    """One programme paragraph holding an inline list of ``size`` characters or so."""
    items, number, length = [], 1, 0
    while length < size:
        item = f"{number}、产出指标-数量指标-活动{number}（描述{number}），指标值>={number}；"
        items.append(item)
        number, length = number + 1, length + len(item)
    return "二、分项绩效目标\n“甲”项目主要目标。\n绩效目标：共设指标。" + "".join(items) + "\n"


def _table_rows(size: int) -> str:
    head = "1.甲绩效目标表\n\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n"
    row = "\t\n\t数量指标\n\t受理数\n\t受理数\n\t≥200件\n\t调研\n\n"
    return head + "\t产出指标\n" + row[2:] + row * (size // len(row))


def _long_table(size: int) -> str:
    head = "项目编号,项目名称,一级指标,二级指标,三级指标,指标值\n"
    rows = [f"{n},项目{n},产出指标,数量指标,受理数,≥200件\n" for n in range(1, size // 30 + 2)]
    return head + "".join(rows)


CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "parse_target, trailing commas": lambda n: (
        lambda: indicatorkit.parse_target("≥95%" + "，" * n + "x")
    ),
    "parse_target lenient, trailing commas": lambda n: (
        lambda: indicatorkit.parse_target("≥95%" + "，" * n + "x", lenient=True)
    ),
    "parse_target lenient, 《 and spaces": lambda n: (
        lambda: indicatorkit.parse_target("《" + " " * n + "x", lenient=True)
    ),
    "parse_target lenient, words and spaces": lambda n: (
        lambda: indicatorkit.parse_target("a" + " " * n + "b", lenient=True)
    ),
    "parse_target, prose of numerals": lambda n: (
        lambda: indicatorkit.parse_target("培训" + "一" * n + "啊")
    ),
    "parse_actual, digits": lambda n: lambda: indicatorkit.parse_actual("9" * n),
    "check, str actual": lambda n: lambda: indicatorkit.parse_target("≥95%").check("9" * n + "%"),
    "loads, projects": lambda n: lambda: indicatorkit.loads(_spec(n)),
    "loads, trailing comments": lambda n: (
        lambda: indicatorkit.loads(_spec(n // 2) + "# 注释\n" * (n // 10))
    ),
    "dumps": lambda n: (lambda spec: lambda: indicatorkit.dumps(spec))(
        indicatorkit.loads(_spec(n))
    ),
    "from_json": lambda n: (lambda text: lambda: indicatorkit.from_json(text))(
        indicatorkit.to_json(indicatorkit.loads(_spec(n)))
    ),
    "import document, one inline list": lambda n: (
        lambda text: lambda: read_document(text_parts(text, source="x"), source="x")
    )(_inline_list(n)),
    "import document, table rows": lambda n: (
        lambda text: lambda: read_document(text_parts(text, source="x"), source="x")
    )(_table_rows(n)),
    "import long table": lambda n: (lambda text: lambda: read_long_table(text, source="x"))(
        _long_table(n)
    ),
}


#: Actual rows merged onto a spec of as many indicators (ten to a project), for ``--rows``.
ROWS = (1_000, 10_000, 100_000)


def _actuals_case(rows: int) -> Callable[[], object]:
    """Merging ``rows`` actual rows onto a spec with one indicator for each."""
    per = 10
    projects = max(rows // per, 1)
    text = "".join(
        f"项目 {p} 项目{p}\n"
        + "".join(
            f"  指标 产出指标 / 数量指标 / 数{i}\n    指标值：≥{i + 1}件\n" for i in range(per)
        )
        for p in range(1, projects + 1)
    )
    table = "项目,三级指标,实际值\n" + "".join(
        f"{p},数{i},{i + 2}件\n" for p in range(1, projects + 1) for i in range(per)
    )
    spec = indicatorkit.loads(text)
    actuals = read_actuals(table, file="实际值.csv")
    return lambda: merge_actuals(spec, actuals)


ROW_CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "merge actuals, rows": _actuals_case,
}


def _time(make: Callable[[int], Callable[[], object]], size: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        call = make(size)
        clear_caches()
        start = time.perf_counter()
        _quietly(call)
        best = min(best, time.perf_counter() - start)
    return max(best, 5e-4)  # below half a millisecond is noise, not growth


def _table(
    cases: dict[str, Callable[[int], Callable[[], object]]], sizes: tuple[int, ...], repeat: int
) -> float:
    """Print each case's times at ``sizes``; the worst growth per 10× of input."""
    worst = 0.0
    for name, make in cases.items():
        times = [_time(make, size, repeat) for size in sizes]
        # per 10× of input, over the whole span (1k → 100k): one noisy size cannot fake it
        growth = (times[-1] / times[0]) ** (1 / (len(times) - 1))
        worst = max(worst, growth)
        cells = " ".join(f"{t * 1e3:7.1f}ms" for t in times)
        print(f"  {name:42} {cells}   {growth:5.1f}×")
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", action="store_true", help="also merge 1k/10k/100k actual rows")
    args = parser.parse_args(argv)
    indicatorkit.loads(_spec(1000))  # warm up: parsers built once
    _quietly(lambda: indicatorkit.parse_target("≥95%，x", lenient=True))
    print("growth per 10× of input (linear ≈ 10×, quadratic ≈ 100×)")
    print(f"  {'entry point':42} " + " ".join(f"{s:>9,}" for s in SIZES) + "   growth")
    worst = _table(CASES, SIZES, args.repeat)
    if args.rows:
        print(f"  {'actual rows':42} " + " ".join(f"{s:>9,}" for s in ROWS))
        worst = max(worst, _table(ROW_CASES, ROWS, 1))
    if args.check and worst > LIMIT:
        print(f"FAIL: growth {worst:.1f}× > {LIMIT}× (worse than linear)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
