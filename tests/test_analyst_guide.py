"""docs/guides/analyst.md: every command of the analyst's path runs, on a workbook in the central
layout (财预〔2020〕10号) built here, with the exit status its comment promises — and what each
step says it does is checked on the files it writes."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from indicatorkit import load
from indicatorkit.cli import main
from tests.central_layouts import to_xlsx, unit_table

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "guides" / "analyst.md"
COMMAND = re.compile(r"^indicatorkit (?P<args>.+?)\s+# → (?P<status>\d)$")


def _commands() -> list[tuple[list[str], int]]:
    text = GUIDE.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            match = COMMAND.match(line.strip())
            assert match, f"a command in the guide without its exit status: {line!r}"
            found.append((shlex.split(match["args"]), int(match["status"])))
    return found


COMMANDS = _commands()


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
    assert (str(project.budget.total), str(project.executed)) == ("12万元", "11.4万元")
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
