"""The command line's front door: ``python -m indicatorkit``, an example under every verb's
``--help`` (each one a command the parser accepts), completion scripts run in a real bash (zsh
too where installed), and a JSON Schema for every JSON the command prints, checked against
real output."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from indicatorkit import __version__
from indicatorkit.cli import main
from indicatorkit.cli.parser import build_parser
from indicatorkit.cli_help import EXAMPLES, SHELLS, _verbs

ROOT = Path(__file__).parents[1]
EXAMPLES_DIR = ROOT / "examples"
SPEC = EXAMPLES_DIR / "yutian_justice_2025.ikspec"
SELF = EXAMPLES_DIR / "yutian_justice_2025_selfassessment.ikspec"


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "indicatorkit", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0 and __version__ in done.stdout


# --- examples in --help ------------------------------------------------------------------------


def _commands(verb: str) -> list[list[str]]:
    """The example command lines of ``verb``, split as a shell would, without the comment and
    the redirection."""
    commands = []
    for line in EXAMPLES[verb]:
        words = shlex.split(line, comments=True)
        if ">" in words or ">>" in words:
            words = words[: min(words.index(w) for w in (">", ">>") if w in words)]
        commands.append(words)
    return commands


@pytest.mark.parametrize("verb", ["", *_verbs(build_parser())])
def test_every_verb_has_examples_the_parser_accepts(verb: str) -> None:
    parser = build_parser()
    target = parser if not verb else _verbs(parser)[verb]
    page = target.format_help()
    assert "示例 examples:" in page
    for line in EXAMPLES[verb]:
        assert f"  {line}" in page  # kept as written (not re-wrapped)
    for words in _commands(verb):
        assert words[0] == "indicatorkit"
        if words[1:] == [verb, "--help"] or "--help" in words:
            continue
        arguments = parser.parse_args(words[1:])  # a usage error would exit 2
        assert arguments.command == (verb or arguments.command)


def test_every_verb_is_given_examples_and_none_is_left_over() -> None:
    assert set(EXAMPLES) == {"", *_verbs(build_parser())}


# --- completion ---------------------------------------------------------------------------------


def _script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def _bash_complete(script: Path, line: str) -> list[str]:
    """What bash completes for ``line`` (the cursor at its end) with the script loaded."""
    words = line.split(" ")
    program = (
        f"source {shlex.quote(str(script))}\n"
        f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_indicatorkit\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("indicatorkit sc", ["score"]),
        ("indicatorkit ", ["parse", "check", "lint", "score", "monitor", "completion"]),
        ("indicatorkit score --ru", ["--rules"]),
        ("indicatorkit score --rules hu", ["hubei"]),
        ("indicatorkit --limit max_length=9 lint --form", ["--format"]),
        ("indicatorkit lint --format ", ["text", "json", "csv"]),
        ("indicatorkit completion p", ["powershell"]),
        ("indicatorkit report -o r.html --p", ["--pdf"]),
    ],
)
def test_bash_completes_verbs_options_and_their_values(
    line: str, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "indicatorkit.bash"
    script.write_text(_script("bash", capsys), encoding="utf-8")
    completed = _bash_complete(script, line)
    assert set(expected) <= set(completed), completed


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_file_names_for_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "indicatorkit.bash"
    script.write_text(_script("bash", capsys), encoding="utf-8")
    (tmp_path / "目标表.ikspec").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _bash_complete(script, "indicatorkit lint 目标") == ["目标表.ikspec"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="needs zsh (apt-get install zsh)")
def test_the_zsh_script_loads_and_registers_the_completion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "_indicatorkit"
    script.write_text(_script("zsh", capsys), encoding="utf-8")
    program = (
        "autoload -U compinit && compinit -u\n"
        f"source {shlex.quote(str(script))}\n"
        "print -r -- ${_comps[indicatorkit]}\n"
    )
    done = subprocess.run(["zsh", "-f", "-c", program], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "_indicatorkit" in done.stdout


def test_the_powershell_script_lists_every_verb_and_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    script = _script("powershell", capsys)
    assert script.startswith("# indicatorkit") and "Register-ArgumentCompleter -Native" in script
    for name, verb in _verbs(build_parser()).items():
        line = next(line for line in script.splitlines() if line.strip().startswith(f"'{name}' ="))
        for action in verb._actions:
            for option in action.option_strings:
                assert f"'{option}'" in line, (name, option)
    assert "'score --rules' = @('national', 'hubei'" in script
    if shutil.which("pwsh"):
        done = subprocess.run(
            ["pwsh", "-NoProfile", "-Command", script], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr


def test_an_unknown_shell_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "fish"]) == 2
    assert "fish" in capsys.readouterr().err
    assert SHELLS == ("bash", "zsh", "powershell")


# --- JSON Schemas of every JSON output -----------------------------------------------------------


def _json_verbs() -> list[str]:
    """The verbs that print JSON (``--format json``)."""
    verbs = []
    for name, verb in _verbs(build_parser()).items():
        formats = [a for a in verb._actions if "--format" in a.option_strings]
        if formats and "json" in (formats[0].choices or ()):
            verbs.append(name)
    return verbs


def _schema(verb: str) -> dict[str, Any]:
    text = (
        resources.files("indicatorkit").joinpath(f"schemas/{verb}.schema.json").read_text("utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _validator(verb: str) -> jsonschema.Draft202012Validator:
    schema = _schema(verb)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_every_verb_that_prints_json_has_a_schema_with_an_id() -> None:
    verbs = _json_verbs()
    assert {"parse", "check", "lint", "score", "monitor", "report", "import", "export", "fmt"} <= (
        set(verbs)
    )
    ids = set()
    for verb in verbs:
        schema = _schema(verb)
        assert schema["$id"].endswith(f"/schemas/{verb}.schema.json")
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        ids.add(schema["$id"])
    assert len(ids) == len(verbs)


def test_the_shared_definitions_are_the_same_in_every_schema() -> None:
    definitions: dict[str, Any] = {}
    for verb in _json_verbs():
        for name, definition in _schema(verb).get("$defs", {}).items():
            assert definitions.setdefault(name, definition) == definition, (verb, name)


def _printed(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Any:
    status = main([*argv, "--format", "json"])
    captured = capsys.readouterr()
    assert status in (0, 1), captured.err
    return json.loads(captured.out)


CASES = [
    ("parse", ["≥95%", ",=100", "≥5人天"]),
    ("check", [str(EXAMPLES_DIR / "seed_actuals.tsv")]),
    ("check", [str(SELF)]),
    ("lint", [str(SPEC), str(SELF)]),
    ("score", [str(SELF)]),
    ("score", [str(SPEC)]),  # no actuals: undecided scores, nulls
    ("score", [str(SPEC), str(EXAMPLES_DIR / "seed_actuals.csv"), "--rules", "hubei"]),
    ("monitor", [str(SELF), "--at", "2025-06-30"]),
    ("monitor", [str(SPEC), "--at", "2025-03-31"]),
    ("import", [str(SPEC)]),
]


@pytest.mark.parametrize(("verb", "arguments"), CASES)
def test_real_output_follows_its_schema(
    verb: str, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    data = _printed([verb, *arguments], capsys)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(verb).iter_errors(data)]
    assert errors == []


def test_written_files_follow_their_schemas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "表.ikspec"
    copy.write_text(SPEC.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    broken = tmp_path / "坏.ikspec"
    broken.write_text("项目 x\n", encoding="utf-8")
    runs = {
        "fmt": ["fmt", "--check", str(copy), str(broken), str(tmp_path / "无.ikspec")],
        "report": ["report", str(SELF), "-o", str(tmp_path / "r.html")],
        "export": ["export", str(SELF), "-o", str(tmp_path / "out.json")],
        "import": ["import", str(SPEC), "-o", str(tmp_path / "in.ikspec")],
    }
    for verb, argv in runs.items():
        status = main([*argv, "--format", "json"])
        captured = capsys.readouterr()
        assert status in (0, 1, 2), captured.err
        data = json.loads(captured.out)
        assert list(_validator(verb).iter_errors(data)) == [], (verb, data)


def test_the_fmt_output_covers_every_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "表.ikspec"
    copy.write_text(SPEC.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    broken = tmp_path / "坏.ikspec"
    broken.write_text("项目 x\n", encoding="utf-8")
    main(
        ["fmt", "--check", str(copy), str(broken), str(tmp_path / "无.ikspec"), "--format", "json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert {entry["status"] for entry in data} == {"would_reformat", "invalid", "error"}
    assert list(_validator("fmt").iter_errors(data)) == []


def test_a_schema_rejects_a_float_where_an_exact_number_belongs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _printed(["score", str(SELF)], capsys)
    data["projects"][0]["indicators"][0]["score"] = 12.5
    assert not _validator("score").is_valid(data)
    data = _printed(["lint", str(SPEC)], capsys)
    data[0]["code"] = "X1"
    assert not _validator("lint").is_valid(data)


BUREAU_TABLE = (
    "项目编号,部门,项目名称,预算数,全年执行数,三级指标,指标值,分值,实际完成值,偏差原因\n"
    "1,司法局,法律援助,100元,100元,受理数,≥200件,90,150件,来源减少\n"
    "1,民政局,救助,100元,90元,人数,≥200人,90,210人,\n"
    "1,,无名,100元,100元,场次,≥2O场,90,20场,\n"
)


def test_score_departments_output_follows_the_score_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both shapes ``score`` prints: a folder of specs and a long table with 部门 (an undecided
    department too) follow the schema's bureau branch; a float total does not."""
    folder = tmp_path / "局"
    folder.mkdir()
    (folder / "司法局.ikspec").write_text(SELF.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "民政局.ikspec").write_text(SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    table = tmp_path / "局.csv"
    table.write_text(BUREAU_TABLE, encoding="utf-8")
    validator = _validator("score")
    for source in (folder, table):
        data = _printed(["score", "--departments", str(source)], capsys)
        assert data["summary"]["departments"] == len(data["departments"]) >= 2
        assert [e.message for e in validator.iter_errors(data)] == []
    assert {d["rank"] for d in data["departments"]} == {1, 2, None}
    data["departments"][0]["total"] = 99.0
    assert not validator.is_valid(data)
    data["departments"][0]["total"] = "99"
    data["summary"]["extra"] = 1
    assert not validator.is_valid(data)


def test_the_schemas_folder_holds_one_schema_per_json_verb() -> None:
    folder = resources.files("indicatorkit").joinpath("schemas")
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".json")) == sorted(
        f"{verb}.schema.json" for verb in _json_verbs()
    )
