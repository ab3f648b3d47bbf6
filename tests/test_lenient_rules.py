"""The lenient reader's rules: every text repair and every reading is declared once, with its
code, what it does and an example — and the example runs."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicatorkit import IndicatorkitError, parse_target
from indicatorkit.language import readings
from indicatorkit.language.lenient import DIAGNOSTIC_CODES, READINGS, LenientParse, Reading
from indicatorkit.language.reading import clear_caches
from indicatorkit.language.readings import Stage
from indicatorkit.language.repairs import REPAIRS, Repair, apply_edits, find_edits
from indicatorkit.language.targets import Qualitative
from indicatorkit.units import UnitRegistry, default_registry

RULES: list[Repair | Reading] = [*REPAIRS, *READINGS]


@pytest.mark.parametrize(
    "rule", [rule for rule in RULES if rule.code], ids=lambda rule: f"{rule.code} {rule.name}"
)
def test_every_rule_has_an_example_that_runs(rule: Repair | Reading) -> None:
    with pytest.raises(IndicatorkitError):
        parse_target(rule.example)  # strict reading refuses what the rule is for
    read = parse_target(rule.example, lenient=True)
    assert str(read.target) == rule.reads
    assert rule.code in [d.code for d in read.diagnostics]
    assert rule.description


def test_every_code_has_a_rule_and_every_rule_a_code() -> None:
    assert {rule.code for rule in RULES if rule.code} == set(DIAGNOSTIC_CODES)
    assert len({(rule.code, rule.name) for rule in RULES}) == len(RULES)
    # only a reading that changes nothing says nothing
    assert all(rule.code for rule in REPAIRS)


def test_a_reading_without_a_code_changes_nothing_and_says_nothing() -> None:
    silent = [rule for rule in READINGS if rule.code is None]
    assert silent
    for rule in silent:
        read = parse_target(rule.example, lenient=True)
        assert str(read.target) == rule.reads == str(parse_target(rule.example))
        assert not read.diagnostics
        assert find_edits(rule.example, default_registry())  # the repairs would have changed it


def test_the_readings_run_in_their_declared_order() -> None:
    assert [(rule.code, rule.stage) for rule in READINGS] == [
        *(
            (code, Stage.AS_GIVEN)
            for code in ("T040", "T041", "T042", "T043", "T044", "T021", "T023")
        ),
        *((code, Stage.REPAIRED) for code in ("T023", "T006", None, "T020", "T009")),
    ]


def test_the_reader_follows_the_declared_readings(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """A reading declared first is tried first: the order lives in READINGS, not in code.
    (Lenient readings are kept: each change of the declared readings forgets them, and so
    does the end of the test.)"""
    request.addfinalizer(clear_caches)
    text = "全年至少开展3次培训"  # T020 reads it, after the repairs fail
    assert [d.code for d in parse_target(text, lenient=True).diagnostics] == ["T020"]
    first = Reading(
        "T009", "everything a sentence", "test", Stage.REPAIRED,
        lambda attempt: LenientParse(attempt.text, Qualitative(attempt.text.strip())),
        text, text,
    )  # fmt: skip
    monkeypatch.setattr(readings, "READINGS", (first, *READINGS))
    clear_caches()
    assert parse_target(text, lenient=True).target == Qualitative(text)
    monkeypatch.setattr(readings, "READINGS", tuple(r for r in READINGS if r.code != "T020"))
    clear_caches()
    assert [d.code for d in parse_target(text, lenient=True).diagnostics] == ["T009"]


def test_lenient_readings_are_kept_per_registry_and_errors_never() -> None:
    """A lenient reading is read once per registry (two equal registries each keep their
    own), forgotten by ``clear_caches``; a text no reading helps raises a new error each time."""
    one, other = UnitRegistry(), UnitRegistry()
    text = "全年至少开展3次培训"
    first = {id(units): parse_target(text, lenient=True, units=units) for units in (one, other)}
    for units in (one, other):
        again = parse_target(text, lenient=True, units=units)
        assert again is first[id(units)] and again.units is units
    clear_caches()
    fresh = parse_target(text, lenient=True, units=one)
    assert fresh is not first[id(one)] and fresh == first[id(one)]
    errors = []
    for _ in range(2):
        with pytest.raises(IndicatorkitError) as caught:
            parse_target("≥95%且", lenient=True, units=one)
        errors.append(caught.value)
    assert errors[0] is not errors[1] and str(errors[0]) == str(errors[1])


def test_the_repairs_run_in_their_declared_order() -> None:
    # a label, then what stands at the start, then the end, then what is inside
    assert [rule.code for rule in REPAIRS] == [
        "T001", "T002", "T003", "T008", "T003", "T004", "T007", "T022", "T024", "T005",
    ]  # fmt: skip
    edits = find_edits("指标值：满意度》＝90％%。", default_registry())
    assert [e.code for e in edits] == ["T001", "T008", "T003", "T007", "T005"]


_PIECES = ["指标值：", ",", "，", ";", "。", "=>", "=<", "《", "》", "≥", "95", "%", "%%", "件", "(套)",
           "合格率", "元/人、天", " ", "1"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_the_edits_of_all_rules_never_overlap_and_map_back(text: str) -> None:
    edits = sorted(find_edits(text, default_registry()), key=lambda e: e.start)
    for edit, after in itertools.pairwise(edits):
        assert edit.end <= after.start, (text, edits)
    repaired, index = apply_edits(text, edits)
    assert len(index) == len(repaired) + 1 and index[-1] == len(text)
    assert all(0 <= i <= len(text) for i in index)
