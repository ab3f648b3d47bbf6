"""Where the batch's results live in memory, and the memory it gives back.

The result columns are large, new allocations (at 10M rows, about 600 MB of Arrow buffers) that
the caller keeps.  They are taken from Arrow's *system* pool (the C library's ``malloc``: a large
block is its own ``mmap``, returned when freed) rather than Arrow's default pool: measured on the
2-core machines the goals are set on, the default mimalloc pool paid 2.2 s for the first 480 MB
of ``take`` results in a process, the system and jemalloc pools 0.3 s (the same again on later
calls: 0.13–0.3 s); ``benchmarks/bench_batch.py`` shows it as the repeating table's first call.
Dictionary encoding (many small, short-lived hash-table blocks) stays in the default pool, where
it is faster.

numpy asks the kernel for transparent huge pages (``madvise``) for every large array; on those
machines a huge page a process touches first costs far more than the 512 small pages it stands
for (grouping 10M rows: 1.1–1.4 s of system time against 0.2–0.3 s on small pages, the same user
time), and the batch path allocates its per-row and per-combination arrays fresh.  While a table is
scored, numpy's large arrays use ordinary pages (:func:`small_pages`).

>>> RESULTS.backend_name
'system'
>>> freed_memory_returned()
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ParamSpec, TypeVar

import numpy as np
import pyarrow as pa

__all__ = [
    "RESULTS",
    "RETURN_ROWS",
    "freed_memory_returned",
    "on_small_pages",
    "small_pages",
    "trim_threshold_set",
]

P = ParamSpec("P")
R = TypeVar("R")

#: The pool the result columns (and the texts they are made of) are allocated from.
RESULTS: pa.MemoryPool = pa.system_memory_pool()

#: Rows (or combinations) from which the memory freed while scoring is worth returning at
#: once (below, a few MB).
RETURN_ROWS = 1 << 18


def freed_memory_returned() -> None:
    """Give the memory numpy has freed back to the operating system, where the C library
    keeps it otherwise (glibc's ``malloc_trim``; elsewhere nothing): called once, when a
    call's results are made, so that the process holds the results and not also the
    temporaries that made them.  Not while scoring: the results come from the same C library
    (:data:`RESULTS`), which reuses what numpy has freed, and a trim makes the next
    allocations touch fresh pages again.  Nor when the process has set how much freed memory
    glibc keeps (:func:`trim_threshold_set`): a Dask worker started with a large
    ``MALLOC_TRIM_THRESHOLD_`` keeps it for its next partition (``docs/guides/distributed.md``),
    and a trim here would undo that setting on every call.

    >>> freed_memory_returned()
    """
    trim = None if trim_threshold_set() else _malloc_trim()
    if trim is not None:
        trim(0)


def trim_threshold_set(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether ``environ`` (the process's environment) sets glibc's trim threshold — how much
    freed memory the C library keeps before it gives memory back: ``MALLOC_TRIM_THRESHOLD_``,
    or ``glibc.malloc.trim_threshold`` in ``GLIBC_TUNABLES``.

    >>> trim_threshold_set({"MALLOC_TRIM_THRESHOLD_": "268435456"})
    True
    >>> trim_threshold_set({"GLIBC_TUNABLES": "glibc.malloc.trim_threshold=65536"})
    True
    >>> trim_threshold_set({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"}), trim_threshold_set({})
    (False, False)
    """
    tunables = environ.get("GLIBC_TUNABLES", "").replace(",", ":").split(":")
    return "MALLOC_TRIM_THRESHOLD_" in environ or any(
        tunable.partition("=")[0].strip() == "glibc.malloc.trim_threshold" for tunable in tunables
    )


@functools.cache
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):  # pragma: no cover - other systems
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # pragma: no cover - a C library without it (musl)
        return None


_PAGES = threading.Lock()
#: Calls inside :func:`small_pages` now (threads may score at once), and numpy's setting before.
_inside = [0, False]


@contextlib.contextmanager
def small_pages() -> Iterator[None]:
    """numpy's arrays made inside on ordinary pages (no ``madvise`` for huge pages), numpy's own
    setting put back when the last of the calls inside at once leaves.

    >>> switch = _huge_page_switch()  # numpy's: sets, and gives the setting before
    >>> before = switch(True)
    >>> with small_pages():
    ...     switch(False)  # the setting inside
    False
    >>> switch(before)  # and after: as it was
    True
    """
    switch = _huge_page_switch()
    if switch is None:  # pragma: no cover - a numpy without the switch
        yield
        return
    with _PAGES:
        if not _inside[0]:
            _inside[1] = switch(False)
        _inside[0] += 1
    try:
        yield
    finally:
        with _PAGES:
            _inside[0] -= 1
            if not _inside[0]:
                switch(bool(_inside[1]))


def on_small_pages(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run inside :func:`small_pages`.

    >>> switch = _huge_page_switch()
    >>> inside = on_small_pages(lambda: switch(False))  # the setting while it runs
    >>> before = switch(True)
    >>> inside(), switch(before)
    (False, True)
    """

    @functools.wraps(function)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        with small_pages():
            return function(*args, **kwargs)

    return wrapped


@functools.cache
def _huge_page_switch() -> Callable[[bool], bool] | None:
    core = getattr(np, "_core", None) or getattr(np, "core", None)
    switch = getattr(getattr(core, "multiarray", None), "_set_madvise_hugepage", None)
    return switch if callable(switch) else None
