"""Read once (issue 21 item 2): importing the seed reads each target once where it is read.

A counter wraps the two readings ``parse_target`` ends in (strict and lenient) and notes the
module that asked.  The readers — the document's inline lists and the layout readers of its
tables — ask once per target.  The rest are re-readings of targets already read, to check or
to collect units (``imported.spec_units``, ``Spec``'s own check) or lint: they use the reading
the reader kept on the indicator (``Indicator.reading``), so each container's import reads each
target exactly once.
"""

from __future__ import annotations

import importlib.util
import pickle
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import indicatorkit.language.parse as parsing
from indicatorkit import Spec, lint, parse_target, read, write
from indicatorkit.formats.json_data import from_json, to_json
from indicatorkit.language.lenient import LenientParse
from indicatorkit.units import UnitRegistry, registry_in_use
from tests.corpus_files import rows

SEED = Path(__file__).parents[1] / "examples" / "seed" / "000_878df4ebd272f24d.txt"
#: The modules that read targets from the file (each target once).
READERS = {"document_lists", "targets", "cell_lists", "central_table"}  # layouts.targets, …


def _caller() -> str:
    import inspect

    frame = inspect.currentframe()
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("indicatorkit.") and module != parsing.__name__:
            return module.rsplit(".", 1)[-1]
        frame = frame.f_back
    return "?"


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[tuple[str, str]]]:
    """(asking module, target text) → how many times it was read."""
    calls: Counter[tuple[str, str]] = Counter()
    lenient, strict = parsing.parse_lenient, parsing.read_target

    def count_lenient(text, registry):  # type: ignore[no-untyped-def]
        calls[(_caller(), text)] += 1
        return lenient(text, registry)

    def count_strict(text, registry):  # type: ignore[no-untyped-def]
        calls[(_caller(), text)] += 1
        return strict(text, registry)

    monkeypatch.setattr(parsing, "parse_lenient", count_lenient)
    monkeypatch.setattr(parsing, "read_target", count_strict)
    yield calls


def _targets() -> Counter[str]:
    """How many of the seed's targets are written as each text."""
    spec = read(SEED).spec
    assert spec is not None
    return Counter(indicator.target_text for indicator in spec.indicators())


def test_the_readers_read_each_target_of_the_seed_once(counted: Counter) -> None:
    targets = _targets()
    counted.clear()
    read(SEED)
    by_readers: Counter[str] = Counter()
    for (module, text), times in counted.items():
        if module in READERS:
            by_readers[text] += times
    assert by_readers == targets  # each text as many times as targets are written so
    assert by_readers.total() == 108  # 45 in the programmes' lists, 63 in the tables


def test_importing_the_seed_reads_each_target_once(counted: Counter) -> None:
    targets = _targets()
    counted.clear()
    read(SEED)
    assert _by_text(counted) == targets


def _by_text(counted: Counter[tuple[str, str]]) -> Counter[str]:
    by_text: Counter[str] = Counter()
    for (_, text), times in counted.items():
        by_text[text] += times
    return by_text


@pytest.fixture(scope="module")
def seed_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed in each container the library reads: written by the library, a .docx built
    as Word writes one."""
    spec = read(SEED).spec
    assert spec is not None
    folder = tmp_path_factory.mktemp("containers")
    files = {"text": SEED}
    for kind, written in (
        ("ikspec", spec),
        ("json", spec),
        ("xlsx", spec),
        ("csv", Spec(projects=spec.projects)),  # a long table holds the projects alone
    ):
        files[kind] = folder / f"seed.{kind}"
        write(written, files[kind])
    if importlib.util.find_spec("docx") is not None:
        from tests.test_word import seed_docx

        files["docx"] = folder / "seed.docx"
        files["docx"].write_bytes(seed_docx())
    return files


@pytest.mark.parametrize("container", ["text", "ikspec", "json", "xlsx", "csv", "docx"])
def test_each_container_reads_each_target_once(
    container: str, seed_files: dict[str, Path], counted: Counter
) -> None:
    if container not in seed_files:
        pytest.skip("python-docx is not installed")
    counted.clear()
    spec = read(seed_files[container]).spec
    assert spec is not None
    targets = Counter(indicator.target_text for indicator in spec.indicators())
    assert targets.total() == (63 if container == "csv" else 108)
    assert _by_text(counted) == targets  # each target once: no check, unit or lint reads again
    counted.clear()
    assert [f.code for f in lint(spec)] and not counted  # lint uses what was read
    Spec(spec.department, spec.projects, units=spec.units)  # so does a new spec of them
    assert not counted


def test_a_reading_is_kept_through_evolve_and_pickling_not_through_a_new_target() -> None:
    spec = read(SEED).spec
    assert spec is not None
    indicator = next(spec.indicators())
    assert indicator.reading is not None and indicator.read_target() is indicator.reading
    kept = attrs.evolve(indicator, actual="100%")
    assert kept.reading is indicator.reading
    bare = attrs.evolve(kept, reading=None)  # equal, with the same hash: a reading is no data
    assert bare.reading is None and bare == kept and hash(bare) == hash(kept)
    travelled = pickle.loads(pickle.dumps(indicator))
    assert travelled == indicator and travelled.reading == indicator.reading
    assert travelled.read_target() is travelled.reading  # read with equal units: kept
    other = parse_target("≥1件", lenient=True)
    moved = attrs.evolve(indicator, target=other.target, target_text="≥1件")
    assert moved.reading is None  # another text: the old reading does not describe it
    assert moved.read_target() == other


def test_a_json_round_trip_reads_each_target_once(counted: Counter) -> None:
    spec = read(SEED).spec
    assert spec is not None
    counted.clear()
    text = to_json(spec)  # written from the readings kept
    assert not counted
    again = from_json(text)
    assert again == spec
    assert _by_text(counted) == Counter(i.target_text for i in spec.indicators())


def _corpus_texts() -> list[str]:
    texts = {
        row[0] for name in ("targets.tsv", "lenient.tsv", "seed_targets.tsv") for row in rows(name)
    }
    texts |= {row[0] for row in rows("real/targets_a.tsv") if row[0] != "text"}
    words = ("蔸", "畦", "垛")
    texts |= {f"{op}{n}{word}" for op in ("≥", ",=", "不少于") for n in (5, 5000) for word in words}
    texts |= {f"合格率≥95%，栽种{word}" for word in words}
    return sorted(texts)


def _readings(texts: list[str], units: UnitRegistry) -> dict[str, LenientParse]:
    found = {}
    for text in texts:
        try:
            found[text] = parse_target(text, lenient=True, units=units)
        except ValueError:
            pass
    return found


def test_a_reading_carried_to_wider_units_is_what_they_read() -> None:
    """``LenientParse.with_units``: what an importer's spec reads with its own units (its T023
    words declared, other words added) is the reading kept — target, repairs and all — or it
    says it cannot tell (``None``: read again)."""
    texts = _corpus_texts()
    given = registry_in_use()
    read = _readings(texts, given)
    wider = given
    for line in ("蔸 = [蔸]", "畦 = [畦]", "舱 = [舱]"):
        wider = wider.define(line)
    again = _readings(texts, wider)
    carried = 0
    for text, reading in read.items():
        kept = reading.with_units(wider)
        if kept is None:
            continue
        carried += 1
        assert text in again, text
        assert kept == again[text] and kept.units is wider, text
    assert carried > 0.9 * len(read) and carried < len(read)  # most carried; some read again
    declared = [r for r in read.values() if r.defined and r.with_units(wider) is not None]
    assert len(declared) == 12  # ≥ ,= 不少于 × 5 5000 × 蔸 畦: declared now, no T023
    assert not any(d.code == "T023" for r in declared for d in r.with_units(wider).diagnostics)
    assert all(r.with_units(given) is r for r in read.values())


def test_an_import_that_needs_units_of_its_own_still_reads_each_target_once(
    tmp_path: Path, counted: Counter
) -> None:
    """A counting word no unit file knows (T023) gives the imported spec units of its own
    (``spec_units``); the other targets' readings carry over to them unread."""
    text = SEED.read_text(encoding="utf-8").replace("指标值>=100件", "指标值>=100蔸", 1)
    assert "指标值>=100蔸" in text
    (tmp_path / "seed.txt").write_text(text, encoding="utf-8")
    counted.clear()
    spec = read(tmp_path / "seed.txt").spec
    assert spec is not None and spec.units is not None and "蔸" in spec.units.known_unit_set()
    assert _by_text(counted) == Counter(i.target_text for i in spec.indicators())
    counted.clear()
    assert [f.code for f in lint(spec)] and not counted
