"""A text the grammar refuses leaves no reference cycle behind: the frames of a refused
reading (and, through ``f_back``, every caller's frame with its locals — a whole record
batch in ``indicatorkit.batch``) are freed at once, not at the next full garbage
collection.

Only this test's garbage counts (:func:`_left_behind`): a Dask cluster another test of the same
worker process started may still make garbage of its own on its threads."""

from __future__ import annotations

import gc
import types

import pytest

from indicatorkit.errors import TextError
from indicatorkit.language.lenient import parse_lenient
from indicatorkit.language.reading import read_or_convention
from indicatorkit.units import default_registry


def _ours(thing: object) -> bool:
    """A frame of the library or of this file, a traceback or an error: what a reading's
    cycle holds."""
    if isinstance(thing, types.FrameType):
        return "indicatorkit" in thing.f_code.co_filename or thing.f_code.co_filename == __file__
    return isinstance(thing, BaseException | types.TracebackType)


def _left_behind() -> list[object]:
    """What a full collection frees that a reading made (a cycle's frames and errors)."""
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return [thing for thing in gc.garbage if _ours(thing)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


@pytest.mark.parametrize("text", ["完成95%", ">= 95 %(百分比)", "85%覆盖", "≥5件且"])
def test_a_refused_strict_reading_leaves_no_cycle(text: str) -> None:
    registry = default_registry()
    with pytest.raises(TextError):  # read once: every table and word the reading needs is built
        read_or_convention(text, registry)
    gc.collect()
    gc.disable()
    try:
        with pytest.raises(TextError):
            read_or_convention(text + " ", registry)  # errors are never cached: read again
        assert _left_behind() == []
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("完成95%", "完成96%"),
        (">= 95 %(百分比)", ">= 96 %(百分比)"),
        ("85%覆盖", "86%覆盖"),
        ("5件(套)以上", "6件(套)以上"),
        ("≥5件且", "≥5件且 "),  # refused by every reading: the strict error is raised
        ("，=>", "，=> "),
    ],
)
def test_a_lenient_reading_leaves_no_cycle(text: str, again: str) -> None:
    """The lenient reader keeps the strict error (the text's as given, the repaired text's)
    for its readings and raises one of them: neither may hold the frames that hold it."""
    registry = default_registry()

    def read(text: str) -> None:
        try:
            parse_lenient(text, registry)
        except TextError:
            pass

    read(text)  # read once: every table and word the readings need is built
    gc.collect()
    gc.disable()
    try:
        read(again)  # another text: a reading is kept per text, an error never
        assert _left_behind() == []
    finally:
        gc.enable()


def test_scoring_a_table_leaves_no_cycle_to_hold_its_columns() -> None:
    """``score_table`` of targets every reader takes (fast, grammar, lenient, refused,
    sentences) and actuals that fail: nothing is left for the garbage collector, so the
    combinations and results are freed as soon as the call lets them go."""
    pa = pytest.importorskip("pyarrow")
    from indicatorkit.batch import score_table

    targets = ["≥95%", "完成95%", "85%覆盖", "≥5件且", "及时足额发放", "2025年12月底前", "每亩300"]
    actuals = ["96%", "达成", "5件", "abc", "2025年11月", "", "300"]
    table = pa.table(
        {
            "target": [t for t in targets for _ in actuals],
            "actual": [a for _ in targets for a in actuals],
            "weight": ["10"] * (len(targets) * len(actuals)),
        }
    )
    score_table(table)  # once: every table and cache the readings need is built
    changed = pa.table(
        {
            "target": [t + " " for t in table.column("target").to_pylist()],
            "actual": table.column("actual"),
            "weight": table.column("weight"),
        }
    )
    gc.collect()
    gc.disable()
    try:
        score_table(changed)
        assert _left_behind() == []
    finally:
        gc.enable()
