"""Progress on long reads: the readers say how far they are while streaming rows or pages.

A reader asks for a :class:`Meter` (:func:`meter`) and steps it once a row (or page); the
meter calls the callback in force — given as ``progress=`` to :func:`indicatorkit.read`,
:func:`~indicatorkit.formats.files.read_data` …, or set for a block with :func:`reporting`
— at most every ``every`` rows and once at the end, with a :class:`Progress`.  Without a
callback the meter does nothing.  Progress never changes what is read.

:func:`terminal` is the CLI's callback: one line on a terminal, rewritten in place, shown only
once a read is long (2 s or 50,000 rows).  The callback also hears of each start (``done`` 0).

A loader that takes a whole file before any row is known (openpyxl loading a workbook with its
merged ranges and hidden rows) reads it through :meth:`Meter.loading`: the callback hears how
much of the file has been read, in :data:`LOADING` units (bytes of ``total``), then the rows.

>>> seen = []
>>> with reporting(seen.append):
...     counter = meter("表.csv", every=2)
...     for _ in range(5):
...         counter.step()
...     counter.finish()
>>> [(p.done, p.final) for p in seen]
[(0, False), (2, False), (4, False), (5, True)]
>>> print(seen[-1].text())
正在读取 表.csv：5 行 / reading 表.csv: 5 rows
"""

from __future__ import annotations

import contextvars
import io
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Final, TextIO

import attrs

__all__ = [
    "EVERY",
    "LOADING",
    "Meter",
    "Progress",
    "ProgressCallback",
    "TerminalLine",
    "meter",
    "reporting",
    "terminal",
]

#: Rows (or pages) between two calls of the callback.
EVERY: Final = 10_000

#: The unit of a file's load: ``done`` of ``total`` bytes of the file read by its loader.
LOADING: Final = "字节"

#: Bytes a loaded file is counted in: a read marks every block it touches.
_BLOCK: Final = 4096


@attrs.frozen
class Progress:
    """How far the read of ``source`` is: ``done`` of ``total`` (``None``: not known)
    ``unit`` (行 rows, 页 pages, :data:`LOADING` bytes of the file while a loader takes it
    whole); ``final`` on the last call.

    >>> Progress("自评.pdf", 3, 10, "页").text()
    '正在读取 自评.pdf：3 / 10 页 / reading 自评.pdf: 3 / 10 pages'
    >>> Progress("表.xlsx", 450, 1000, LOADING).text()
    '正在读取 表.xlsx：载入 45% / reading 表.xlsx: loading 45%'
    """

    source: str
    done: int
    total: int | None = None
    unit: str = "行"
    final: bool = False

    def text(self) -> str:
        """The line a person reads, Chinese first with English beside."""
        if self.unit == LOADING:
            share = f"{100 * self.done // self.total if self.total else 0}%"
            return f"正在读取 {self.source}：载入 {share} / reading {self.source}: loading {share}"
        english = {"行": "rows", "页": "pages"}.get(self.unit, self.unit)
        of = "" if self.total is None else f" / {self.total:,}"
        return (
            f"正在读取 {self.source}：{self.done:,}{of} {self.unit} / "
            f"reading {self.source}: {self.done:,}{of} {english}"
        )


#: What a reader calls with each :class:`Progress`.
ProgressCallback = Callable[[Progress], None]

_CURRENT: contextvars.ContextVar[ProgressCallback | None] = contextvars.ContextVar(
    "indicatorkit_progress", default=None
)


@contextmanager
def reporting(callback: ProgressCallback | None) -> Iterator[None]:
    """``callback`` in force for the reads of a block (this thread or task only); ``None``
    keeps the one already in force.

    >>> with reporting(print):
    ...     meter("表.xlsx").finish()
    Progress(source='表.xlsx', done=0, total=None, unit='行', final=False)
    Progress(source='表.xlsx', done=0, total=None, unit='行', final=True)
    """
    if callback is None:
        yield
        return
    token = _CURRENT.set(callback)
    try:
        yield
    finally:
        _CURRENT.reset(token)


@attrs.define
class Meter:
    """Counts rows (or pages) and calls ``callback`` every ``every`` and at :meth:`finish`.

    >>> counter = Meter("表.csv", None)
    >>> counter.step(); counter.finish(); counter.done
    1
    """

    source: str
    callback: ProgressCallback | None
    unit: str = "行"
    total: int | None = None
    every: int = EVERY
    done: int = 0
    _next: int = attrs.field(default=0, init=False)
    _load_shown: int = attrs.field(default=-1, init=False)  # the percent last called with
    _load_total: int = attrs.field(default=0, init=False)

    def __attrs_post_init__(self) -> None:
        self._next = self.every if self.callback is not None else -1

    def step(self, count: int = 1) -> None:
        """``count`` more rows read."""
        self.done += count
        if 0 <= self._next <= self.done:
            self._next = (self.done // self.every + 1) * self.every
            assert self.callback is not None
            self.callback(Progress(self.source, self.done, self.total, self.unit))

    def loading(self, data: bytes, *, load: int = 1, loads: int = 1) -> io.BytesIO:
        """``data``, the whole file, as the file a loader reads (openpyxl's load): the callback
        hears, at each whole percent, how many of its bytes the loader has read (in
        :data:`LOADING` units); :meth:`loaded` then says 100%.  A file loaded ``loads`` times
        (a workbook with formulas: its stored values, then its formulas) counts of ``loads`` ×
        its size, the ``load``-th load after the ones before, so the share never goes back.
        Without a callback, a plain :class:`io.BytesIO`.

        >>> seen = []
        >>> counter = Meter("表.xlsx", seen.append)
        >>> file = counter.loading(bytes(10_000))
        >>> _ = file.read(5_000); counter.loaded()
        >>> [(p.done, p.total, p.unit) for p in seen]
        [(0, 10000, '字节'), (8192, 10000, '字节'), (10000, 10000, '字节')]
        >>> seen.clear()
        >>> _ = counter.loading(bytes(10_000), loads=2).read()
        >>> _ = counter.loading(bytes(10_000), load=2, loads=2).read(5_000)
        >>> [p.done for p in seen], {p.total for p in seen}
        ([0, 10000, 18192], {20000})
        """
        if self.callback is None:
            return io.BytesIO(data)
        if load == 1:
            self._load_shown = -1
        before, total = (load - 1) * len(data), loads * len(data)
        reader = _LoadReader(data, lambda done: self._load_step(before + done, total))
        self._load_step(before, total)
        return reader

    def loaded(self) -> None:
        """The loader has the whole file: 100% (once), before the rows are counted."""
        if self.callback is not None and self._load_shown not in (-1, 100):
            self._load_shown = -1
            self.callback(Progress(self.source, self._load_total, self._load_total, LOADING))

    def _load_step(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent > self._load_shown and self.callback is not None:
            self._load_shown = percent
            self._load_total = total
            self.callback(Progress(self.source, done, total, LOADING))

    def finish(self) -> None:
        """The read is done: the last call."""
        if self.callback is not None:
            self.callback(Progress(self.source, self.done, self.total, self.unit, final=True))


class _LoadReader(io.BytesIO):
    """The bytes of a file, read by a loader: ``step(done)`` hears how many of them
    have been read, counted in blocks — a zip reader seeks to the central directory at the
    end first and may read a part twice, so the share read is the blocks ever touched, never
    the position or the sum of reads (zipfile and openpyxl read with ``read``)."""

    def __init__(self, data: bytes, step: Callable[[int], None]) -> None:
        super().__init__(data)
        self._size = len(data)
        self._touched = bytearray(-(-self._size // _BLOCK))
        self._count = 0
        self._step = step

    def read(self, size: int | None = -1, /) -> bytes:
        start = self.tell()
        chunk = super().read(size)
        if chunk:
            first, last = start // _BLOCK, (start + len(chunk) - 1) // _BLOCK + 1
            self._count += (last - first) - self._touched.count(1, first, last)
            self._touched[first:last] = b"\x01" * (last - first)
            self._step(min(self._count * _BLOCK, self._size))
        return chunk


def meter(
    source: str, unit: str = "行", *, total: int | None = None, every: int | None = None
) -> Meter:
    """A :class:`Meter` calling the callback in force (none: a meter that only counts), every
    ``every`` steps (default :data:`EVERY`); the callback hears of the start (``done`` 0) at
    once, so that a slow first stretch (openpyxl loading a workbook) is timed too.

    >>> meter("表.csv").callback is None
    True
    """
    counter = Meter(source, _CURRENT.get(), unit, total, every or EVERY)
    if counter.callback is not None:
        counter.callback(Progress(source, 0, total, unit))
    return counter


def terminal(
    stream: TextIO,
    *,
    after_seconds: float = 2.0,
    after_rows: int = 50_000,
    clock: Callable[[], float] = time.monotonic,
) -> TerminalLine | None:
    """A :class:`TerminalLine` on ``stream``, or ``None`` when ``stream`` is not a terminal
    (pipes and logs see nothing).

    >>> import io
    >>> terminal(io.StringIO()) is None
    True
    """
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return TerminalLine(stream, after_seconds, after_rows, clock)


@attrs.define(eq=False)
class TerminalLine:
    """The CLI's progress callback: :meth:`Progress.text` on one line of ``stream`` rewritten in
    place (``\\r``, plain text: no escape codes, a shorter line padded over a longer one), once
    a read has taken ``after_seconds`` (a timer says so even while a loader is silent) or
    reached ``after_rows`` (rows or pages: a load's bytes wait for the time); the timer shows
    the latest progress heard (a load's share, or the start's 0 行); the line is blanked at the
    end and by :meth:`close`.

    >>> import io
    >>> stream = io.StringIO()
    >>> line = TerminalLine(stream, after_rows=10)
    >>> line(Progress("a.csv", 5)); line(Progress("a.csv", 10)); stream.getvalue()
    '\\r正在读取 a.csv：10 行 / reading a.csv: 10 rows'
    >>> line(Progress("a.csv", 12, final=True)); stream.getvalue()[-3:]
    '  \\r'
    """

    stream: TextIO
    after_seconds: float = 2.0
    after_rows: int = 50_000
    clock: Callable[[], float] = time.monotonic
    _started: dict[str, float] = attrs.field(factory=dict, init=False)
    _width: int = attrs.field(default=0, init=False)  # columns on screen (0: no line)
    _timer: threading.Timer | None = attrs.field(default=None, init=False)
    _last: Progress | None = attrs.field(default=None, init=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False)

    def __call__(self, progress: Progress) -> None:
        with self._lock:
            start = self._started.setdefault(progress.source, self.clock())
            if progress.final:
                self._started.pop(progress.source, None)
                self._stop()
                return
            self._last = progress
            if progress.done == 0 and self._timer is None:
                self._timer = threading.Timer(self.after_seconds, self._late)
                self._timer.daemon = True
                self._timer.start()
            late = self.clock() - start >= self.after_seconds
            many = progress.unit != LOADING and progress.done >= self.after_rows
            if self._width or many or late:
                self._write(progress.text())

    def close(self) -> None:
        """No read in progress any more (one that failed too): the timer stopped, the line
        blanked."""
        with self._lock:
            self._started.clear()
            self._last = None
            self._stop()

    def _late(self) -> None:
        with self._lock:
            progress = self._last
            if progress is not None and progress.source in self._started and not self._width:
                self._write(progress.text())

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._width:
            self._write("")  # the verb's own output follows on a clean line

    def _write(self, line: str) -> None:
        self.stream.write("\r" + line + " " * max(0, self._width - _columns(line)))
        self.stream.write("" if line else "\r")
        self.stream.flush()
        self._width = _columns(line)


def _columns(text: str) -> int:
    """Terminal columns of ``text`` (a Chinese character takes two).

    >>> _columns("读取 a")
    6
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
