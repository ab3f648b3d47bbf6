"""Where the batch's results live in memory, and the memory it gives back.

The result columns are large, new allocations (at 10M rows, about 600 MB of Arrow buffers) that
the caller keeps.  They are taken from Arrow's *system* pool (the C library's ``malloc``: a large
block is its own ``mmap``, returned when freed) rather than Arrow's default pool: measured on the
2-core machines the goals are set on, the default mimalloc pool paid 2.2 s for the first 480 MB
of ``take`` results in a process, the system and jemalloc pools 0.3 s (the same again on later
calls: 0.13–0.3 s); ``benchmarks/bench_batch.py`` shows it as the repeating table's first call.
Dictionary encoding (many small, short-lived hash-table blocks) stays in the default pool, where
it is faster.

>>> RESULTS.backend_name
'system'
>>> freed_memory_returned()
"""

from __future__ import annotations

import ctypes
import functools
import sys
from typing import Any

import pyarrow as pa

__all__ = ["RESULTS", "RETURN_ROWS", "freed_memory_returned"]

#: The pool the result columns (and the texts they are made of) are allocated from.
RESULTS: pa.MemoryPool = pa.system_memory_pool()

#: Rows (or combinations) from which the memory freed while scoring is worth returning at
#: once (below, a few MB).
RETURN_ROWS = 1 << 18


def freed_memory_returned() -> None:
    """Give the memory numpy has freed back to the operating system, where the C library
    keeps it otherwise (glibc's ``malloc_trim``; elsewhere nothing): without this the process
    holds both numpy's freed blocks and the results.

    >>> freed_memory_returned()
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):  # pragma: no cover - other systems
        return None
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # pragma: no cover - a C library without it (musl)
        return None
