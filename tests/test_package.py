"""The built wheel ships the grammar, the unit definitions and py.typed, and works installed —
also with its core dependencies only (hypothesis is the optional ``strategies`` extra)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import indicatorkit

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("indicatorkit-*.whl")
    return built


def test_wheel_contains_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "indicatorkit/grammar/target.lark",
        "indicatorkit/grammar/spec.lark",
        "indicatorkit/grammar/target.tables.json",
        "indicatorkit/grammar/target.words.json",
        "indicatorkit/grammar/spec.tables.json",
        "indicatorkit/units.resolved.json",
        "indicatorkit/formats/spec.schema.json",
        "indicatorkit/formats/ikspec/keys.txt",
        "indicatorkit/units.txt",
        "indicatorkit/counting_words.txt",
        "indicatorkit/py.typed",
        "indicatorkit/__init__.py",
        "indicatorkit/formats/html_report_assets/report.html.j2",
        "indicatorkit/formats/html_report_assets/echarts.min.js",
        "indicatorkit/formats/html_report_assets/ECHARTS-LICENSE",
        "indicatorkit/formats/html_report_assets/ECHARTS-NOTICE",
        "indicatorkit/formats/html_report_assets/README.md",
        "indicatorkit/__main__.py",
        "indicatorkit/schemas/score.schema.json",
        "indicatorkit/schemas/lint.schema.json",
    ):
        assert required in names


@pytest.fixture(scope="module")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed with its core dependencies only (attrs, lark, pint — resolved from
    the wheel's own metadata, so a stray hard dependency on hypothesis would be installed and
    caught): one install serves the tests below."""
    site = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    return site


def test_installed_wheel_parses_and_checks(site: Path, tmp_path: Path) -> None:
    script = (
        "import indicatorkit, indicatorkit.grammars as g, pathlib, sys\n"
        f"site = pathlib.Path({str(site)!r}).resolve()\n"
        "assert site in pathlib.Path(indicatorkit.__file__).resolve().parents, indicatorkit.__file__\n"
        "assert site in g.grammar_path('target.lark').resolve().parents\n"
        "assert site in g.grammar_path('spec.lark').resolve().parents\n"
        "assert indicatorkit.formats.schema()['$schema']\n"
        "spec = indicatorkit.loads('项目 1\\n  指标 产出指标 / 数量指标 / a\\n    指标值：≥1件\\n')\n"
        "assert indicatorkit.dumps(spec).startswith('项目 1')\n"
        "assert indicatorkit.from_json(indicatorkit.to_json(spec)) == spec\n"
        "assert indicatorkit.parse_target('3万棵') == indicatorkit.parse_target('30000棵')\n"
        "t = indicatorkit.parse_target('>5万元')\n"
        "assert t.check('60000元').met and not t.check('50000元').met\n"
        "print(t)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ">5万元"


def test_installed_wheel_runs_as_python_dash_m_and_ships_its_schemas(
    site: Path, tmp_path: Path
) -> None:
    script = (
        "import json, runpy, sys\n"
        "from importlib import resources\n"
        "schema = json.loads(resources.files('indicatorkit').joinpath("
        "'schemas/check.schema.json').read_text('utf-8'))\n"
        "assert schema['$id'].endswith('/check.schema.json'), schema['$id']\n"
    )
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "indicatorkit", "parse", "≥95%"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\t")[:2] == ["≥95%", "≥95%"]


def test_installed_wheel_works_without_hypothesis(site: Path, tmp_path: Path) -> None:
    """Installed with its core dependencies only, the library parses, loads and checks; only
    ``indicatorkit.strategies`` asks for the extra."""
    installed = {path.name.lower() for path in site.iterdir()}
    assert {"attrs", "lark", "pint"} <= installed
    assert "cattrs" not in installed, sorted(installed)  # the json extra
    assert not any(name.startswith("hypothesis") for name in installed), sorted(installed)
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(site)!r})\n"
        "import indicatorkit\n"
        f"assert indicatorkit.__file__.startswith({str(site)!r}), indicatorkit.__file__\n"
        "t = indicatorkit.parse_target('≥95%')\n"
        "assert t.check('95%').met and not t.check('94.9%').met\n"
        "spec = indicatorkit.loads('项目 1\\n  指标 产出指标 / 数量指标 / a\\n    指标值：≥1件\\n')\n"
        "(project,) = spec.projects\n"
        "assert project.indicators[0].target.check('2件').met\n"
        "assert 'hypothesis' not in sys.modules\n"
        "from indicatorkit.formats.extras import MissingExtraError\n"
        "try:\n"
        "    indicatorkit.to_json(spec)\n"
        "except MissingExtraError as error:\n"
        "    assert error.extra == 'json', error\n"
        "else:\n"
        "    raise SystemExit('to_json worked without cattrs')\n"
        "try:\n"
        "    import indicatorkit.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
        "else:\n"
        "    raise SystemExit('indicatorkit.strategies imported without hypothesis')\n"
    )
    done = subprocess.run(
        # -I: no PYTHON* variables, no user site; -S: no site-packages (the venv's hypothesis)
        [sys.executable, "-I", "-S", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    message = done.stdout.strip()
    assert "pip install 'indicatorkit[strategies]'" in message
    assert message.startswith("indicatorkit.strategies 需要 hypothesis"), message
    assert "needs hypothesis" in message


def test_public_api_is_exported() -> None:
    for name in indicatorkit.__all__:
        assert hasattr(indicatorkit, name), name
    assert (Path(indicatorkit.__file__).parent / "py.typed").exists()


def test_strategies_package_keeps_its_public_names() -> None:
    from indicatorkit import strategies

    assert strategies.__all__ == [
        "QUALITATIVE_PHRASES",
        "SPEC_TEXT_ALPHABET",
        "TARGET_KINDS",
        "AnyTarget",
        "actuals_meeting",
        "actuals_missing",
        "amounts",
        "comparisons",
        "date_points",
        "date_spans",
        "deadlines",
        "departments",
        "indicators",
        "periods",
        "projects",
        "qualitatives",
        "ranges",
        "specs",
        "spending_plans",
        "target_texts",
        "target_texts_with_targets",
        "targets",
        "unit_words",
    ]
    for name in strategies.__all__:
        assert hasattr(strategies, name), name
    # the function, not the submodule of the same name
    assert callable(strategies.targets) and strategies.targets.__name__ == "targets"
