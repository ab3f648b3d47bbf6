"""Workbooks: reading and writing grow linearly with the rows, and how the reader's own work
compares with openpyxl's loading of the same file (the baseline, measured in the same run).

    python benchmarks/bench_workbook.py            # 1 k, 4 k and 16 k indicator rows
    python benchmarks/bench_workbook.py --quick    # 250 and 1 k rows
    python benchmarks/bench_workbook.py --check    # exit 1 when growth is worse than linear

Linear time grows about 4× per 4× of rows; ``--check`` fails above 8× (noise on a shared
machine).  The figure that matters is the ratio "read_workbook ÷ openpyxl load": what the
reader adds to merely opening the file.  Our own load (``formats.workbook_load``: openpyxl
without drawing merged cells' borders) is shown beside it; the reader's time includes it.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from indicatorkit import Indicator, Project, Spec, parse_target
from indicatorkit.formats.workbook import read_workbook, write_workbook
from indicatorkit.formats.workbook_load import load_book

LIMIT = 8.0


def _spec(rows: int, per_project: int = 50) -> Spec:
    targets = [parse_target(t) for t in ("≥200件", "≥95%", "12月底前", "及时足额发放")]
    projects = []
    for number in range(1, rows // per_project + 1):
        indicators = [
            Indicator(
                "产出指标" if i % 3 else "效益指标",
                "数量指标" if i % 2 else "质量指标",
                f"指标{number}-{i}",
                targets[i % len(targets)],
                description="说明",
                basis="调研",
            )
            for i in range(per_project)
        ]
        projects.append(Project(number, f"项目{number}", budget=None, indicators=indicators))
    return Spec(None, projects)


def _best(call: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()
    sizes = (250, 1_000) if options.quick else (1_000, 4_000, 16_000)
    repeat = 1 if options.quick else 3
    worst = 0.0
    previous: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = Path(folder) / f"{rows}.xlsx"
            spec = _spec(rows)
            write = _best(lambda: write_workbook(spec, path), repeat)  # noqa: B023
            load = _best(lambda: openpyxl.load_workbook(path), repeat)  # noqa: B023
            ours = _best(lambda: load_book(io.BytesIO(path.read_bytes()), data_only=True), repeat)  # noqa: B023
            read = _best(lambda: read_workbook(path, source=path.name), repeat)  # noqa: B023
            line = (
                f"{rows:>6} rows: write {write:7.3f}s  openpyxl load {load:7.3f}s  "
                f"our load {ours:7.3f}s  "
                f"read_workbook {read:7.3f}s  read ÷ load {read / load:5.2f}"
            )
            if previous is not None:
                growth_write, growth_read = write / previous[0], read / previous[1]
                worst = max(worst, growth_write, growth_read)
                line += f"  growth ×{growth_write:4.1f} write, ×{growth_read:4.1f} read"
            print(line)
            previous = (write, read)
    print(f"worst growth per 4× rows: ×{worst:.1f} (linear ≈ 4, limit {LIMIT})")
    if options.check and worst > LIMIT:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
