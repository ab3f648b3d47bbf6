"""Start-up: ``import indicatorkit`` brings neither pint nor numpy nor the file formats; the
formats' names are still there when first used (PEP 562)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import indicatorkit

SOURCE = str(Path(indicatorkit.__file__).parents[1])

_PROBE = """
import json, sys
import indicatorkit
before = sorted(sys.modules)
indicatorkit.parse_target("2025年12月底前完成")
print(json.dumps({"import": before, "read": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def modules() -> dict[str, list[str]]:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE],
        env={"PYTHONPATH": SOURCE, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: dict[str, list[str]] = json.loads(completed.stdout)
    return loaded


def test_import_brings_no_pint_no_numpy_no_formats(modules: dict[str, list[str]]) -> None:
    imported = set(modules["import"])
    assert "numpy" not in imported and "pint" not in imported
    assert not {name for name in imported if name.startswith("indicatorkit.formats")}
    assert not {"zipfile", "openpyxl", "docx", "jinja2", "pandas"} & imported


def test_the_core_never_imports_numpy_itself() -> None:
    # pint imports numpy when it is installed; indicatorkit's own modules never do — except the
    # columnar path, indicatorkit.batch (the `arrow` extra), which nothing else imports
    package = Path(SOURCE, "indicatorkit")
    for path in package.rglob("*.py"):
        if path.relative_to(package).parts[0] == "batch":
            continue
        text = path.read_text(encoding="utf-8")
        assert "import numpy" not in text and "from numpy" not in text, path


def test_reading_imports_no_format_and_no_pint(modules: dict[str, list[str]]) -> None:
    read = set(modules["read"])
    assert not {name for name in read if name.startswith("indicatorkit.formats")}
    assert "pint" not in read and "numpy" not in read  # the shipped unit words are resolved ahead


@pytest.mark.parametrize("name", indicatorkit.__all__)
def test_every_public_name_is_there(name: str) -> None:
    assert getattr(indicatorkit, name) is not None
    assert name in dir(indicatorkit)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        indicatorkit.no_such_thing  # noqa: B018


def test_a_lazy_name_is_the_formats_own() -> None:
    from indicatorkit.formats.ikspec.reader import loads

    assert indicatorkit.loads is loads


def test_version_imports_nothing_of_the_library() -> None:
    # the command's entry point answers --version before importing the cli or the library
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from indicatorkit.command import main; status = main(['--version']); "
            "print(sorted(m for m in sys.modules if m.startswith('indicatorkit')), status)",
        ],
        env={"PYTHONPATH": SOURCE, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    version_line, modules_line = completed.stdout.splitlines()
    assert version_line.startswith("indicatorkit ")
    assert modules_line == "['indicatorkit', 'indicatorkit.command', 'indicatorkit.distribution'] 0"


def test_import_indicatorkit_imports_no_submodule() -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, indicatorkit; print(json.dumps(sorted(sys.modules)))",
        ],
        env={"PYTHONPATH": SOURCE, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    modules = json.loads(completed.stdout)
    assert [name for name in modules if name.startswith("indicatorkit")] == ["indicatorkit"]


def test_the_entry_point_runs_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from indicatorkit.command import main

    assert main(["parse", "≥95%"]) == 0
    assert "Comparison" in capsys.readouterr().out
