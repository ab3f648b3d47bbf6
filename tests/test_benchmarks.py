"""The benchmark script runs: ``--quick`` exits 0 and reports its three measurements.

Timings are printed by the script, never asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_benchmark_quick_run() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_targets.py"), "--quick"],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    for name in ("1. cold parse", "2. cached parse", "3. check"):
        assert name in completed.stdout


def test_loads_benchmark_quick_run() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_loads.py"), "--quick"],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "time per project" in completed.stdout


def test_growth_is_linear() -> None:
    """The growth benchmark's own check: no entry point worse than linear (see its docstring
    for the margin); the figures are printed by the script."""
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_growth.py"), "--check", "--repeat", "2"],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_reading_benchmark_quick_run() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_reading.py"), "--quick", "--repeat", "1"],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "simplest reader" in completed.stdout and "pint compare" in completed.stdout


def test_scoring_benchmark_quick_run() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_scoring.py"), "--quick"],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "score_indicator" in completed.stdout and "score(spec)" in completed.stdout
