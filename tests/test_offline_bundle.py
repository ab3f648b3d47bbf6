"""The offline bundle's installers (scripts/offline/, packed by scripts/bundle, which
scripts/package runs: there install.sh really installs with no network).  Here: the scripts are
well-formed and install what the install guide promises, from the bundle's wheels only."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
OFFLINE = ROOT / "scripts" / "offline"


def _default_extras() -> list[str]:
    match = re.search(r"OFFLINE_EXTRAS:-([\w,]+)", (ROOT / "scripts" / "bundle").read_text("utf-8"))
    assert match is not None
    return match.group(1).split(",")


def test_the_bundle_installs_the_extras_the_guides_name() -> None:
    extras = _default_extras()
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert set(extras) <= set(declared["optional-dependencies"])
    for page in ("install.md", "analyst.md"):
        text = (ROOT / "docs" / "guides" / page).read_text("utf-8")
        assert f'pip install "indicatorkit[{",".join(extras)}]"' in text, page


@pytest.mark.parametrize("script", ["install.sh", "install.bat"])
def test_each_installer_installs_from_the_wheels_beside_it_with_no_index(script: str) -> None:
    text = (OFFLINE / script).read_text("utf-8")
    assert "--no-index" in text and "PIP_NO_INDEX=1" in text
    assert re.search(r"--find-links \"\$here/wheels\"|--find-links \"%HERE%wheels\"", text)
    assert '"indicatorkit[@EXTRAS@]"' in text
    assert "3, 11" in text  # says so when Python is too old


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs sh")
def test_install_sh_is_valid_shell() -> None:
    subprocess.run(["sh", "-n", str(OFFLINE / "install.sh")], check=True)


def test_install_bat_blocks_hold_no_bare_parenthesis() -> None:
    """cmd.exe ends an ``if (...)`` block at the first ``)`` — inside one, an echoed ``)`` would
    cut the block short."""
    depth = 0
    for line in (OFFLINE / "install.bat").read_text("utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("rem "):
            continue
        if depth and stripped != ")":
            assert "(" not in stripped and ")" not in stripped, line
        if stripped.endswith("("):
            depth += 1
        elif stripped == ")":
            depth -= 1
    assert depth == 0
