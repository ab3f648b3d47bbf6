"""Progress on long reads: the readers say how far they are while streaming rows or pages.

A reader asks for a :class:`Meter` (:func:`meter`) and steps it once a row (or page); the
meter calls the callback in force — given as ``progress=`` to :func:`indicatorkit.read`,
:func:`~indicatorkit.formats.files.read_data` …, or set for a block with :func:`reporting`
— at most every ``every`` rows and once at the end, with a :class:`Progress`.  Without a
callback the meter does nothing.  Progress never changes what is read.

:func:`terminal` is the CLI's callback: one line on a terminal, rewritten in place, shown only
once a read is long (2 s or 50,000 rows).

>>> seen = []
>>> with reporting(seen.append):
...     counter = meter("表.csv", every=2)
...     for _ in range(5):
...         counter.step()
...     counter.finish()
>>> [(p.done, p.final) for p in seen]
[(2, False), (4, False), (5, True)]
>>> print(seen[-1].text())
正在读取 表.csv：5 行 / reading 表.csv: 5 rows
"""

from __future__ import annotations

import contextvars
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Final, TextIO

import attrs

__all__ = [
    "EVERY",
    "Meter",
    "Progress",
    "ProgressCallback",
    "meter",
    "reporting",
    "terminal",
]

#: Rows (or pages) between two calls of the callback.
EVERY: Final = 10_000


@attrs.frozen
class Progress:
    """How far the read of ``source`` is: ``done`` of ``total`` (``None``: not known)
    ``unit`` (行 rows, 页 pages); ``final`` on the last call.

    >>> Progress("自评.pdf", 3, 10, "页").text()
    '正在读取 自评.pdf：3 / 10 页 / reading 自评.pdf: 3 / 10 pages'
    """

    source: str
    done: int
    total: int | None = None
    unit: str = "行"
    final: bool = False

    def text(self) -> str:
        """The line a person reads, Chinese first with English beside."""
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

    def __attrs_post_init__(self) -> None:
        self._next = self.every if self.callback is not None else -1

    def step(self, count: int = 1) -> None:
        """``count`` more rows read."""
        self.done += count
        if 0 <= self._next <= self.done:
            self._next = (self.done // self.every + 1) * self.every
            assert self.callback is not None
            self.callback(Progress(self.source, self.done, self.total, self.unit))

    def finish(self) -> None:
        """The read is done: the last call."""
        if self.callback is not None:
            self.callback(Progress(self.source, self.done, self.total, self.unit, final=True))


def meter(
    source: str, unit: str = "行", *, total: int | None = None, every: int | None = None
) -> Meter:
    """A :class:`Meter` calling the callback in force (none: a meter that only counts), every
    ``every`` steps (default :data:`EVERY`).

    >>> meter("表.csv").callback is None
    True
    """
    return Meter(source, _CURRENT.get(), unit, total, every or EVERY)


def terminal(
    stream: TextIO,
    *,
    after_seconds: float = 2.0,
    after_rows: int = 50_000,
    clock: Callable[[], float] = time.monotonic,
) -> ProgressCallback | None:
    """A callback writing :meth:`Progress.text` to ``stream`` on one line rewritten in place
    (``\\r``, plain text: no escape codes), once a read has taken ``after_seconds`` or reached
    ``after_rows``; the line is blanked at the end.  ``None`` when ``stream`` is not a terminal (pipes and logs see
    nothing).

    >>> import io
    >>> terminal(io.StringIO()) is None
    True
    """
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    started: dict[str, float] = {}
    width = [0]  # the columns of the line on screen (0: none shown)

    def write(line: str) -> None:
        # plain text only (no escape codes): a shorter line is padded over the longer one
        stream.write("\r" + line + " " * max(0, width[0] - _columns(line)))
        stream.write("\r" if not line else "")
        stream.flush()
        width[0] = _columns(line)

    def show(progress: Progress) -> None:
        start = started.setdefault(progress.source, clock())
        if progress.final:
            started.pop(progress.source, None)
            if width[0]:
                write("")  # the line cleared: the verb's own output follows
            return
        if width[0] or progress.done >= after_rows or clock() - start >= after_seconds:
            write(progress.text())

    return show


def _columns(text: str) -> int:
    """Terminal columns of ``text`` (a Chinese character takes two).

    >>> _columns("读取 a")
    6
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
