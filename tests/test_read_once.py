"""Read once (issue 21 item 2): importing the seed reads each target once where it is read,
and assessing it reads each actual once.

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

import indicatorkit.language.actuals as actual_texts
import indicatorkit.language.parse as parsing
from indicatorkit import Project, Spec, lint, load, parse_actual, parse_target, read, write
from indicatorkit.errors import TargetSyntaxError
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.formats.html_report import render_report
from indicatorkit.formats.json_data import from_json, to_json
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.targets import Qualitative
from indicatorkit.model.actuals import Actuals
from indicatorkit.scoring.assessment import assess
from indicatorkit.units import UnitRegistry, registry_in_use
from tests.corpus_files import rows

EXAMPLES = Path(__file__).parents[1] / "examples"
SEED = EXAMPLES / "seed" / "000_878df4ebd272f24d.txt"
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


@pytest.fixture
def actuals_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[tuple[str, str]]]:
    """(asking module, actual text) → how many times it was read: every reading of an actual
    text (``parse_actual``, ``read_actual``, a target's ``check``) ends in the one reader."""
    calls: Counter[tuple[str, str]] = Counter()
    reader = actual_texts._READER
    read = reader.read

    def count(text, registry):  # type: ignore[no-untyped-def]
        calls[(_caller(), text)] += 1
        return read(text, registry)

    monkeypatch.setattr(reader, "read", count)
    yield calls


def _actuals(spec: Spec) -> Counter[str]:
    """The actual texts of ``spec``'s indicators that are read as values (a qualitative
    target's actual names a grade: no value is read)."""
    return Counter(
        indicator.actual
        for indicator in spec.indicators()
        if indicator.actual is not None and not isinstance(indicator.target, Qualitative)
    )


def _assessed_once(spec: Spec, actuals: Counter[tuple[str, str]], *given: Actuals) -> None:
    actuals.clear()
    assessment = assess(spec, *given)
    merged = assessment.spec
    expected = _actuals(merged)
    assert expected.total() >= 5
    assert _by_text(actuals) == expected  # score, lint, monitor and audit: one reading each
    assert assessment.result.projects and assessment.findings  # and the work was all done
    assert render_report(assessment) and not actuals.total() - expected.total()  # the page too
    actuals.clear()
    assess(merged)  # the merged spec keeps its readings: nothing is read again
    assert not actuals


def test_assessing_the_seed_with_its_actuals_reads_each_actual_once(
    actuals_read: Counter[tuple[str, str]],
) -> None:
    spec = load(EXAMPLES / "yutian_justice_2025.ikspec")
    _assessed_once(spec, actuals_read, read_actuals(EXAMPLES / "seed_actuals.csv"))


def test_assessing_a_filled_self_assessment_workbook_reads_each_actual_once(
    tmp_path: Path, actuals_read: Counter[tuple[str, str]]
) -> None:
    from tests import central_layouts

    path = central_layouts.to_xlsx(central_layouts.self_assessment(), tmp_path / "自评.xlsx")
    spec = read(path).spec
    assert spec is not None and any(i.evaluator_score is not None for i in spec.indicators())
    _assessed_once(spec, actuals_read)


def test_an_actual_reading_is_kept_like_a_target_reading() -> None:
    """Kept through ``evolve`` and pickling, not part of equality, dropped with another
    actual text or read again with other units; never written to JSON."""
    spec = load(EXAMPLES / "yutian_justice_2025_selfassessment.ikspec")
    indicator = next(i for i in spec.indicators() if i.actual and "%" in i.actual)
    assert indicator.actual_reading is None
    read = indicator.read_actual()
    assert indicator.actual_reading is not None and indicator.read_actual() is read
    assert read == parse_actual(indicator.actual)
    kept = attrs.evolve(indicator, evaluator_score=None)
    assert kept.actual_reading is indicator.actual_reading
    assert attrs.evolve(kept, actual_reading=None) == kept  # a reading is no data
    assert attrs.evolve(kept, actual="1%").actual_reading is None  # another text
    travelled = pickle.loads(pickle.dumps(indicator))
    assert travelled == indicator and travelled.actual_reading is not None
    assert travelled.actual_reading.reading == read
    other = registry_in_use().define("蔸 = [蔸]")
    assert indicator.read_actual(other) == read and indicator.actual_reading.units is other
    assert "actual_reading" not in to_json(
        Spec(projects=[Project(number=1, name="甲", indicators=[indicator])])
    )
    unreadable = attrs.evolve(indicator, actual="≥90%")  # a bound: no value, its error kept
    assert isinstance(unreadable.read_actual(), TargetSyntaxError)
    assert unreadable.read_actual() is unreadable.read_actual()


def test_checking_a_spec_reads_each_actual_once(actuals_read: Counter[tuple[str, str]]) -> None:
    """``indicatorkit check``: the check and its attainment use one reading."""
    from indicatorkit.scoring.checking import CheckedRow, check_actuals, spec_rows

    spec = load(EXAMPLES / "yutian_justice_2025_selfassessment.ikspec")
    actuals_read.clear()
    checked = list(check_actuals(spec_rows(spec)))
    assert (
        sum(isinstance(item, CheckedRow) and item.attainment is not None for item in checked) > 10
    )
    assert _by_text(actuals_read) == _actuals(spec)
