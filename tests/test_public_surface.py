"""The public surface: about thirty names a user needs every day at the top level, the rest in
named submodules; the old top-level names still work, with a DeprecationWarning naming the new
place; registries cannot be changed; only the library's own errors escape."""

from __future__ import annotations

import datetime
import importlib
import io
import pickle
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import indicatorkit
from indicatorkit import NATIONAL, RULE_SETS, IndicatorkitError, dump, dumps, load, loads
from indicatorkit import units as units_module
from indicatorkit.errors import ArgumentError
from indicatorkit.formats.registry import REGISTRY
from indicatorkit.model import Budget
from indicatorkit.units import default_registry, define_unit, registry_in_use

SPEC = loads("项目 1 法律援助\n  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥180件\n")


def test_the_top_level_is_small_and_every_name_is_there_without_a_warning() -> None:
    assert 25 <= len(indicatorkit.__all__) <= 34  # "about 30": audit and Audit joined
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in indicatorkit.__all__:
            assert getattr(indicatorkit, name) is not None, name


@pytest.mark.parametrize("name", sorted(indicatorkit._MOVED))
def test_a_moved_name_warns_and_names_its_new_place(name: str) -> None:
    home = indicatorkit._MOVED[name]
    with pytest.warns(DeprecationWarning, match=rf"{home}\.{name}") as caught:
        value = getattr(indicatorkit, name)
    assert caught[0].filename == __file__  # the warning points at the caller
    assert value is getattr(importlib.import_module(home), name)
    assert name in importlib.import_module(home).__all__
    assert name not in indicatorkit.__all__


def test_from_import_of_a_moved_name_still_works() -> None:
    with pytest.warns(DeprecationWarning, match="indicatorkit.language.Range"):
        from indicatorkit import Range
    from indicatorkit.language import Range as moved

    assert Range is moved


def test_the_submodules_are_attributes() -> None:
    for name in ("errors", "formats", "language", "model", "scoring", "units"):
        assert getattr(indicatorkit, name) is importlib.import_module(f"indicatorkit.{name}")
    assert indicatorkit.formats.to_data(SPEC) == importlib.import_module(
        "indicatorkit.formats.json_data"
    ).to_data(SPEC)


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        indicatorkit.no_such_name  # noqa: B018


def test_importing_the_top_level_still_brings_no_format() -> None:
    code = "import sys, indicatorkit; print(sorted(m for m in sys.modules if m.startswith('indicatorkit.formats')))"
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", code],
        env={"PYTHONPATH": str(Path(indicatorkit.__file__).parents[1]), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"


# --- dump beside dumps -----------------------------------------------------------------------


def test_dump_writes_what_dumps_says_to_a_path_or_a_stream(tmp_path: Path) -> None:
    stream = io.StringIO()
    dump(SPEC, stream)
    assert stream.getvalue() == dumps(SPEC)
    path = tmp_path / "表.ikspec"
    dump(SPEC, path)
    assert path.read_text(encoding="utf-8") == dumps(SPEC) and load(path) == SPEC


# --- registries cannot be changed ------------------------------------------------------------


def test_define_unit_replaces_the_registry_in_use_and_changes_no_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(units_module, "_in_use", registry_in_use())
    shipped, before = default_registry(), registry_in_use()
    known = shipped.known_unit_set()
    define_unit("垛 = [垛]")
    assert default_registry() is shipped and shipped.known_unit_set() == known
    assert "垛" not in before.known_unit_set() and "垛" in registry_in_use().known_unit_set()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        shipped.definitions = ("垛 = [垛]",)  # type: ignore[misc]


def test_rule_sets_and_the_format_registry_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        RULE_SETS["mine"] = NATIONAL  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        NATIONAL.name = "mine"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        REGISTRY.formats = ()  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(default_registry())) == default_registry()


# --- only the library's own errors escape -----------------------------------------------------

_MISUSE: dict[str, Callable[[], object]] = {
    "parse_target(None)": lambda: indicatorkit.parse_target(None),  # type: ignore[call-overload]
    "parse_target(units=1)": lambda: indicatorkit.parse_target("≥5", units=1),  # type: ignore[call-overload]
    "parse_actual([])": lambda: indicatorkit.parse_actual([]),  # type: ignore[arg-type]
    "loads(123)": lambda: indicatorkit.loads(123),  # type: ignore[arg-type]
    "dumps(None)": lambda: indicatorkit.dumps(None),  # type: ignore[arg-type]
    "dump(None)": lambda: indicatorkit.dump(None, io.StringIO()),  # type: ignore[arg-type]
    "lint('x')": lambda: indicatorkit.lint("x"),  # type: ignore[arg-type]
    "score('x')": lambda: indicatorkit.score("x"),  # type: ignore[arg-type]
    "monitor(spec, '2025-06-30')": lambda: indicatorkit.monitor(SPEC, "2025-06-30"),  # type: ignore[arg-type]
    "monitor('x', date)": lambda: indicatorkit.monitor("x", datetime.date(2025, 6, 30)),  # type: ignore[arg-type]
    "to_json(None)": lambda: indicatorkit.to_json(None),  # type: ignore[arg-type]
    "from_json(123)": lambda: indicatorkit.from_json(123),  # type: ignore[arg-type]
    "read(123)": lambda: indicatorkit.read(123),  # type: ignore[arg-type]
    "write(None, …)": lambda: indicatorkit.write(None, "表.json"),  # type: ignore[arg-type]
    "attainment(None)": lambda: indicatorkit.attainment(None),  # type: ignore[arg-type]
    "check(None)": lambda: indicatorkit.parse_target("≥5件").check(None),  # type: ignore[arg-type]
    "check([])": lambda: indicatorkit.parse_target("5-6件").check([]),  # type: ignore[arg-type]
    "define_unit('')": lambda: indicatorkit.define_unit(""),
    "Spec(projects=5)": lambda: indicatorkit.Spec(projects=5),  # type: ignore[arg-type]
    "Project(1, indicators='受理数')": lambda: indicatorkit.Project(1, indicators="受理数"),  # type: ignore[arg-type]
    "Budget(10000)": lambda: Budget(10000),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("call", _MISUSE.values(), ids=list(_MISUSE))
def test_misuse_raises_the_librarys_own_error(call: Callable[[], object]) -> None:
    with pytest.raises(IndicatorkitError) as caught:
        call()
    if isinstance(caught.value, ArgumentError):
        assert isinstance(caught.value, TypeError)  # what callers caught before still works
