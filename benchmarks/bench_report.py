"""The HTML report: its time against scoring the same spec (the baseline, measured in the same
run), and its growth with the number of projects.

    python benchmarks/bench_report.py            # print the figures
    python benchmarks/bench_report.py --quick    # smaller sizes
    python benchmarks/bench_report.py --check    # exit 1 when growth is worse than linear

Each project has its own spending checkpoints on distinct days (the hard case for monitoring
at every checkpoint).  Linear time grows about 10× per 10× of projects; ``--check`` fails above
30×.  The page's fixed cost (the inlined ECharts, about 1.1 MB) shows at the smallest size.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable

import indicatorkit
from indicatorkit.formats.html_report import render_report
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.scoring.assessment import assess

LIMIT = 30.0


def _project(number: int) -> str:
    day = number % 28 + 1
    return (
        f"项目 {number} 项目{number}\n  预算：10000元\n"
        f"  支出计划：3月{day}日 20%，6月{day}日 50%，9月{day}日 80%，12月{day}日 100%\n"
        f"  执行数：9500元\n  累计支出：3月{day}日 15%，6月{day}日 45%，9月{day}日 80%\n"
        f"  指标 产出指标 / 数量指标 / 受理数{number}\n    指标值：≥200件\n    实际值：150件\n"
        f"  指标 效益指标 / 社会效益指标 / 知晓率{number}\n    指标值：≥90%\n    实际值：95%\n"
        f"  指标 满意度指标 / 服务对象满意度指标 / 满意度{number}\n    指标值：及时足额发放\n"
        "    实际值：部分达成\n"
    )


def _spec(projects: int) -> indicatorkit.Spec:
    return indicatorkit.loads(
        "部门 1 示例局\n  年度：2025\n\n" + "".join(_project(n) for n in range(1, projects + 1))
    )


def _best(call: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return max(best, 5e-4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = (10, 100) if args.quick else (10, 100, 1000)
    render_report(assess(_spec(2)))  # warm up: the template and the parsers built once
    print("report against score(spec) on the same spec (baseline, same run)")
    print(
        f"  {'projects':>8} {'score':>10} {'assess':>10} {'build_page':>11} {'render':>10}"
        "  assess/score"
    )
    pages: list[float] = []
    for size in sizes:
        spec = _spec(size)
        baseline = _best(lambda spec=spec: indicatorkit.score(spec), args.repeat)
        worked = _best(lambda spec=spec: assess(spec), args.repeat)
        assessment = assess(spec)
        page = _best(lambda a=assessment: build_page(a), args.repeat)
        html = _best(lambda a=assessment: render_report(a), args.repeat)
        pages.append(worked + page)
        print(
            f"  {size:>8,} {baseline * 1e3:8.1f}ms {worked * 1e3:8.1f}ms {page * 1e3:9.1f}ms"
            f" {html * 1e3:8.1f}ms  {worked / baseline:11.1f}×"
        )
    growth = max(later / earlier for earlier, later in itertools.pairwise(pages))
    print(f"assess + build_page growth per 10× of projects: {growth:.1f}× (linear ≈ 10×)")
    if args.check and growth > LIMIT:
        print(f"FAIL: growth {growth:.1f}× > {LIMIT}× (worse than linear)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
