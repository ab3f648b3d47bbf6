"""Spec loading: time per project at growing sizes (it must stay flat: linear in the file's
size), the time of a whole large spec, and the memory the loaded spec keeps against the file's
size (goal of issue 23: ≤ 4×).

    python benchmarks/bench_loads.py            # 100 / 1,000 / 10,000 projects
    python benchmarks/bench_loads.py --quick    # 50 / 500 projects (CI)

The spec is the bundled seed's project tables repeated with new numbers.  Figures are printed;
``--check`` exits 1 when the time per project grows more than 2× from the smallest size to the
largest (a sign of superlinear time).  Memory is what ``tracemalloc`` finds still allocated
after the largest spec is loaded (and the collector has run), in a run of its own.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import time
import tracemalloc
from pathlib import Path

import indicatorkit

SEED = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"


def _renumbered(projects: str, offset: int) -> str:
    return re.sub(
        r"^项目 (\d+)", lambda m: f"项目 {offset + int(m.group(1))}", projects, flags=re.M
    )


def spec_text(copies: int) -> tuple[str, int]:
    text = SEED.read_text(encoding="utf-8")
    projects = text[text.index("\n项目 1") + 1 :]
    projects = "\n".join(
        block for block in projects.split("\n\n") if "暂不公开" not in block
    )  # withheld ranges would repeat numbers
    blocks = [_renumbered(projects, copy * 100) for copy in range(copies)]
    big = "\n\n".join(blocks) + "\n"
    return big, big.count("\n项目 ") + big.startswith("项目 ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    per_copy = spec_text(1)[1]
    sizes = (50, 500) if args.quick else (100, 1_000, 10_000)
    print("indicatorkit.loads: time per project at growing sizes")
    indicatorkit.loads(spec_text(1)[0])  # warm up: builds the parsers once
    per_project = []
    for wanted in sizes:
        text, count = spec_text(max(1, wanted // per_copy))
        start = time.process_time()
        spec = indicatorkit.loads(text)
        elapsed = time.process_time() - start
        assert len(spec.projects) == count
        per_project.append(elapsed / count)
        print(
            f"  {count:6d} projects, {len(text.encode()) / 1e6:6.2f} MB: {elapsed:7.2f} s, "
            f"{elapsed / count * 1e3:6.3f} ms a project"
        )
    growth = per_project[-1] / per_project[0]
    print(f"  growth of the time per project, smallest → largest: {growth:.2f}× (linear: ~1×)")
    size = len(text.encode())
    del spec
    gc.collect()
    tracemalloc.start()
    spec = indicatorkit.loads(text)
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(spec.projects) == count  # the spec was alive while it was measured
    print(
        f"  memory kept by the loaded spec: {kept / 1e6:.1f} MB for a {size / 1e6:.2f} MB file: "
        f"{kept / size:.2f}× (goal ≤ 4×: {'met' if kept / size <= 4 else 'NOT met'})"
    )
    if args.check and growth > 2:
        print("  FAIL: superlinear", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
