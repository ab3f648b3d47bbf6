"""Whole-table ``score_table`` holds no Python object per row: what it allocates that Python
sees (objects and numpy arrays, under ``tracemalloc``; Arrow's own memory is apart) grows with
the rows only by its few per-row numpy arrays, everything else with the distinct values."""

from __future__ import annotations

import tracemalloc

import pytest

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")

from indicatorkit.batch import score_table  # noqa: E402

TARGETS = [
    "≥95%",
    "≤2%",
    "≥200件",
    "<5万元",
    "及时足额发放",
    "2026年12月底前完成",
    "80000",
    "≥90分",
]
ACTUALS = ["96%", "1.5%", "150件", "6万元", "达成", "部分达成", "12月20日", "79000", None, "91分"]
#: numpy's per-row arrays at their peak (grouping): the key (8 bytes), each row's
#: combination (4) and a flag (1); a Python object per row would add a list's pointer (8)
#: and the object — 21 bytes or more.
PER_ROW = 16


def _table(rows: int) -> pa.Table:
    """``rows`` rows over the same 8 × 10 × 3 × 3 distinct values (every one of them there)."""
    draw = np.random.default_rng(5)
    return pa.table(
        {
            "target": pa.array(TARGETS).take(pa.array(draw.integers(0, len(TARGETS), rows))),
            "actual": pa.array(ACTUALS).take(pa.array(draw.integers(0, len(ACTUALS), rows))),
            "weight": pa.array(draw.choice(np.array([5, 10, 20]), rows)),
            "direction": pa.array(["反向", None, "正向"]).take(pa.array(draw.integers(0, 3, rows))),
        }
    )


def _traced_peak(table: pa.Table) -> int:
    tracemalloc.start()
    try:
        scored = score_table(table)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert scored.num_rows == table.num_rows
    return peak


def test_score_table_builds_no_python_object_per_row() -> None:
    small, large = _table(100_000), _table(200_000)
    score_table(small)  # the distinct values read once: the parse caches are full
    grown = _traced_peak(large) - _traced_peak(small)
    assert grown <= PER_ROW * (large.num_rows - small.num_rows), grown / 100_000


def test_the_memory_freed_while_scoring_may_be_returned() -> None:
    """From ``RETURN_ROWS`` rows the freed memory is given back to the system (glibc's
    ``malloc_trim``): the results are the same either way."""
    from indicatorkit.batch import result as module

    rows = _table(3_000)
    kept = score_table(rows)
    returning = module.RETURN_ROWS
    try:
        module.RETURN_ROWS = 1
        assert score_table(rows).equals(kept)
    finally:
        module.RETURN_ROWS = returning


@pytest.mark.parametrize(
    ("environ", "trims"),
    [
        ({}, 1),
        ({"MALLOC_TRIM_THRESHOLD_": "268435456"}, 0),
        ({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2:glibc.malloc.trim_threshold=65536"}, 0),
        ({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"}, 1),
    ],
)
def test_a_call_returns_freed_memory_unless_the_process_set_how_much_to_keep(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], trims: int
) -> None:
    """One trim a call — none where the process set glibc's trim threshold (a Dask worker
    keeping freed memory for its next partition): the setting is the process's to make."""
    from indicatorkit.batch import memory, result

    calls: list[int] = []
    for name in ("MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(memory, "_malloc_trim", lambda: calls.append)
    monkeypatch.setattr(result, "RETURN_ROWS", 1)
    rows = _table(300)
    assert score_table(rows).num_rows == rows.num_rows
    assert calls == [0] * trims


@pytest.mark.parametrize("setting", [True, False])
def test_numpy_page_setting_is_put_back_after_scoring(setting: bool) -> None:
    """Inside ``score_table`` numpy's large arrays use ordinary pages; numpy's own setting is
    as it was after, also when calls overlap (nested here, threads alike) or one fails."""
    from indicatorkit.batch import BatchInputError
    from indicatorkit.batch.memory import _huge_page_switch, small_pages

    switch = _huge_page_switch()
    assert switch is not None
    before = switch(setting)
    try:
        with small_pages():
            with small_pages():
                assert switch(False) is False
            assert switch(False) is False  # the outer call still inside
            score_table(_table(10))
            assert switch(False) is False
        assert switch(setting) is setting
        with pytest.raises(BatchInputError):
            score_table(pa.table({"target": ["≥95%"], "weight": [-1]}))
        assert switch(setting) is setting
    finally:
        switch(before)
