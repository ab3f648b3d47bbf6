"""The first slow-path reading in a fresh process, with and without ``interegular`` importable.

    python benchmarks/bench_first_read.py            # 3 fresh processes per case
    python benchmarks/bench_first_read.py --quick    # 1 per case (CI)

lark checks the contextual lexer's terminals for regex collisions with ``interegular``
whenever it can import it, when it *builds* a grammar (12 s of CPU on this grammar).
indicatorkit ships its LALR tables (``grammar/target.tables.json``) and loads them without that
check, so the first reading must cost the same whether or not interegular is installed.

Each case runs a fresh ``python`` that imports indicatorkit and reads one target that misses
the fast path (``2025年12月底前完成``), then one with a counting word defined at run time (a new
registry: T023).  "Without" puts a directory on ``PYTHONPATH`` whose ``interegular.py`` raises
``ImportError``; "with" is the environment as it is (the figure says whether interegular was
importable there).  Figures are CPU seconds of the child (the best of ``--repeat``); the goal
(the same cost, ratio ≤ 1.5×) is reported, never asserted.

Start-up, in the environment as it is: the whole child's CPU time (interpreter included) for
``python -c pass``, ``import indicatorkit`` and ``indicatorkit --version`` (goals of issue 23:
the import ≤ 0.15 s — measured inside the child, as above — and ``--version`` ≤ 0.2 s).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = r"""
import json, time
started = time.process_time()
import indicatorkit
imported = time.process_time()
indicatorkit.parse_target("2025年12月底前完成")
first = time.process_time()
units = indicatorkit.units.default_registry().define("蔸 = [蔸]")
indicatorkit.parse_target("不少于三百蔸", units=units)
new_unit = time.process_time()
try:
    import interegular  # noqa: F401
    available = True
except ImportError:
    available = False
print(json.dumps({"import": imported - started, "first": first - imported,
                  "new_unit": new_unit - first, "interegular": available}))
"""


def _run(blocked: bool) -> dict[str, float]:
    env = dict(os.environ)
    source = str(Path(__file__).resolve().parents[1] / "src")
    paths = [source, *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    # drop any shim already on the path: "with" means the environment as installed
    paths = [path for path in paths if not (Path(path) / "interegular.py").is_file()]
    with tempfile.TemporaryDirectory() as shim:
        if blocked:
            (Path(shim) / "interegular.py").write_text(
                'raise ImportError("blocked by bench_first_read")\n', encoding="utf-8"
            )
            paths.insert(0, shim)
        env["PYTHONPATH"] = os.pathsep.join(paths)
        completed = subprocess.run(
            [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
        )
    result: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def _child_cpu(code: str) -> float:
    """CPU seconds (user + system) of a fresh ``python -c code`` with this source tree."""
    env = dict(os.environ)
    source = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = os.pathsep.join([source, *filter(None, [env.get("PYTHONPATH")])])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one process per case")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per case")
    args = parser.parse_args()
    repeat = 1 if args.quick else max(1, args.repeat)
    print(f"python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs")
    runs = {case: [_run(case == "without") for _ in range(repeat)] for case in ("with", "without")}
    best = {case: {key: min(r[key] for r in rs) for key in ("import", "first", "new_unit")}
            for case, rs in runs.items()}  # fmt: skip
    available = runs["with"][0]["interegular"]
    print(f"interegular importable in 'with': {'yes' if available else 'NO (both cases alike)'}")
    heading = f"CPU seconds (best of {repeat})"
    print(f"{heading:<34}{'with':>10}{'without':>10}{'ratio':>8}")
    for key, label in (
        ("import", "import indicatorkit"),
        ("first", "first slow-path read"),
        ("new_unit", "first read with a new unit (T023)"),
    ):
        with_, without = best["with"][key], best["without"][key]
        ratio = with_ / without if without else float("inf")
        print(f"{label:<34}{with_:>10.3f}{without:>10.3f}{ratio:>7.2f}×")
    ratio = best["with"]["first"] / best["without"]["first"]
    verdict = "met" if ratio <= 1.5 else "NOT met"
    startup = {
        label: min(_child_cpu(code) for _ in range(repeat))
        for label, code in (
            ("python -c pass (baseline)", "pass"),
            ("python -c 'import indicatorkit'", "import indicatorkit"),
            (
                "indicatorkit --version",
                "from indicatorkit.command import main; main(['--version'])",
            ),
        )
    }
    print(f"start-up, whole process CPU seconds (best of {repeat}):")
    for label, seconds in startup.items():
        print(f"  {label:<34}{seconds:>8.3f}")
    imported = best["with"]["import"]
    version = startup["indicatorkit --version"]
    print(
        f"goals: import ≤ 0.15 s: {imported:.3f} s — {'met' if imported <= 0.15 else 'NOT met'}; "
        f"--version ≤ 0.2 s: {version:.3f} s — {'met' if version <= 0.2 else 'NOT met'}"
    )
    print(
        f"goal: the first read costs the same with interegular (≤ 1.5×): {ratio:.2f}× — {verdict}"
    )


if __name__ == "__main__":
    main()
