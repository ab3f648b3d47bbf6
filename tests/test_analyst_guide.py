"""The analyst's pages run: every command in a ``sh`` block of docs/guides/analyst.md (on a
workbook in the central layout, 财预〔2020〕10号, built here), spreadsheet-habits.md (on the
bundled example) and install.md runs with the exit status its comment promises (``# → N``) —
and what the analyst's steps say they do is checked on the files they write.  (The ``text``
blocks of install.md — pip and the offline bundle — are run by ``scripts/package``.)"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indicatorkit import load
from indicatorkit.cli import main
from tests.central_layouts import to_xlsx, unit_table

ROOT = Path(__file__).resolve().parents[1]
GUIDES = ROOT / "docs" / "guides"
GUIDE = GUIDES / "analyst.md"
#: The pages whose commands run, each in a folder its fixture prepares.
PAGES = ("analyst", "spreadsheet-habits", "install")
COMMAND = re.compile(r"^(?P<python>python -m )?indicatorkit (?P<args>.+?)\s+# → (?P<status>\d)$")


def _commands(page: str = "analyst") -> list[tuple[list[str], int, bool]]:
    """Each command of the page's ``sh`` blocks: its arguments, the exit status it promises,
    and whether it is run as ``python -m indicatorkit``."""
    text = (GUIDES / f"{page}.md").read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            match = COMMAND.match(line.strip())
            assert match, f"a command in {page}.md without its exit status: {line!r}"
            found.append((shlex.split(match["args"]), int(match["status"]), bool(match["python"])))
    return found


COMMANDS = [(args, status) for args, status, _ in _commands()]


def test_the_guide_has_the_whole_path() -> None:
    verbs = [args[0] for args, _ in COMMANDS]
    assert verbs == [
        "import",
        "lint",
        "score",
        "score",
        "score",
        "export",
        "score",
        "report",
        "report",
    ]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    to_xlsx(unit_table().table(), tmp_path / "法律援助自评表.xlsx")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_command_runs_with_the_status_it_promises(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for args, status in COMMANDS:
        assert main(args) == status, (args, capsys.readouterr())
    capsys.readouterr()
    # step 1: the budget is 年度资金总额's 全年预算数 and 全年执行数, never the last row's
    project = load(workdir / "法律援助.ikspec").projects[0]
    assert (str(project.year_budget), str(project.executed)) == ("12万元", "11.4万元")
    # step 3: the rows shown add up to the total shown, and the grade follows it
    scored = json.loads((workdir / "自评.json").read_text(encoding="utf-8"))
    first = scored["projects"][0]
    assert first["total_display"] == "99.50" and first["grade"] == "优"
    assert (workdir / "自评.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # step 5: the clean copy leaves the findings' appendix out, the full one keeps it
    full = (workdir / "报告.html").read_text(encoding="utf-8")
    clean = (workdir / "报送.html").read_text(encoding="utf-8")
    assert "IK" in full and len(clean) < len(full)
    # the input is never an output
    assert main(["score", "法律援助自评表.xlsx", "-o", "法律援助自评表.xlsx"]) == 2
    assert (workdir / "法律援助自评表.xlsx").read_bytes()[:2] == b"PK"


def _prepare(page: str, folder: Path) -> None:
    if page == "analyst":
        to_xlsx(unit_table().table(), folder / "法律援助自评表.xlsx")
    elif page == "spreadsheet-habits":
        shutil.copytree(ROOT / "examples", folder / "examples")


@pytest.mark.parametrize("page", PAGES)
def test_every_command_of_the_page_runs_with_the_status_it_promises(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepare(page, tmp_path)
    monkeypatch.chdir(tmp_path)
    commands = _commands(page)
    assert commands, f"{page}.md has no command"
    for args, status, as_module in commands:
        if as_module:
            done = subprocess.run(
                [sys.executable, "-m", "indicatorkit", *args], capture_output=True, check=False
            )
            assert done.returncode == status, (args, done.stderr.decode("utf-8", "replace"))
        else:
            assert main(args) == status, (args, capsys.readouterr())


def test_the_spreadsheet_page_has_a_command_for_every_habit() -> None:
    text = (GUIDES / "spreadsheet-habits.md").read_text(encoding="utf-8")
    rows = [line.split("|") for line in text.splitlines() if line.startswith("| ")]
    for habit in ("筛选", "公式", "条件格式", "数据有效性", "VLOOKUP", "数据透视表", "另存为"):
        assert any(habit in cells[1] and "`indicatorkit " in cells[2] for cells in rows), habit
