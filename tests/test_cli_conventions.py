"""Every verb of the command line follows the same conventions (docs/cli.md): exit 0 clean,
1 findings, 2 usage or input errors; ``--format``, ``--output``, ``--quiet``; standard input as
``-``; an empty input is an input error; never colour, never a traceback; the version from one
place."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import indicatorkit
from indicatorkit.cli import main
from indicatorkit.cli.parser import build_parser

ROOT = Path(__file__).parents[1]
SPEC = ROOT / "examples" / "yutian_justice_2025.ikspec"
ASSESSED = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"
TABLE = ROOT / "examples" / "seed_actuals.tsv"

CLEAN_SPEC = """项目 1 法律援助
  预算：10000元
  财政资金：10000元
  执行数：10000元

  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    依据：计划标准
    实际值：210件

  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥90%
    依据：计划标准
    实际值：95%

  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥90%
    依据：计划标准
    实际值：96%
"""

# Each verb with a clean input (exit 0), as arguments after the verb; FILE is replaced.
CLEAN: dict[str, list[str]] = {
    "parse": ["≥95%", "不少于两百件"],
    "check": ["FILE.tsv"],
    "lint": ["FILE.ikspec"],
    "fmt": ["--check", "FILE.ikspec"],
    "score": ["FILE.ikspec"],
    "monitor": ["FILE.ikspec", "--at", "2025-12-31"],
    "audit": ["FILE.ikspec"],
}
VERBS = sorted(CLEAN)
#: Verbs whose -o/--output is the data they write (a spec, a page), not a text report: their
#: exit codes, --format json and no-traceback are tested in their own files.
OWN_TESTS = {
    "import": "tests/test_cli_import.py",
    "export": "tests/test_cli_import.py",
    "report": "tests/test_html_report.py",
    "completion": "tests/test_cli_front.py",  # prints a script: no files, no --format
}
FILE_VERBS = [verb for verb in VERBS if verb != "parse"]


def _clean_arguments(verb: str, tmp_path: Path) -> list[str]:
    spec = tmp_path / "clean.ikspec"
    spec.write_text(CLEAN_SPEC, encoding="utf-8")
    table = tmp_path / "clean.tsv"
    table.write_text("指标\t指标值\t实际完成值\n满意度\t≥95%\t96%\n", encoding="utf-8")
    names = {"FILE.ikspec": str(spec), "FILE.tsv": str(table)}
    return [verb, *(names.get(argument, argument) for argument in CLEAN[verb])]


def test_every_verb_is_covered() -> None:
    parser = build_parser()
    (commands,) = (a for a in parser._actions if a.dest == "command")
    assert sorted(commands.choices) == sorted([*VERBS, *OWN_TESTS])  # type: ignore[arg-type]
    for verb, where in OWN_TESTS.items():
        text = (Path(__file__).parents[1] / where).read_text(encoding="utf-8")
        assert f'"{verb}"' in text, (verb, where)


@pytest.mark.parametrize("verb", VERBS)
def test_a_clean_input_exits_0(
    verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_clean_arguments(verb, tmp_path)) == 0, capsys.readouterr().err


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_speaks_text_and_json_and_writes_to_output(
    verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _clean_arguments(verb, tmp_path)
    report = tmp_path / "report.json"
    assert main([*arguments, "--format", "json", "--output", str(report)]) == 0
    assert capsys.readouterr().out == ""  # the report went to the file only
    json.loads(report.read_text(encoding="utf-8"))
    assert main([*arguments, "--format", "text"]) == 0


@pytest.mark.parametrize("verb", VERBS)
def test_quiet_prints_nothing_when_clean(
    verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*_clean_arguments(verb, tmp_path), "--quiet"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("verb", ["parse", "check", "lint", "score"])
def test_row_verbs_speak_csv(verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = _clean_arguments(verb, tmp_path)
    expected = 0
    if verb == "lint":  # a clean file has no rows: lint the seed, which has findings
        arguments, expected = ["lint", str(SPEC)], 1
    assert main([*arguments, "--format", "csv"]) == expected
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) >= 2
    header = rows[0]
    assert all(re.match(r"[\u4e00-\u9fff]+ [a-z]", title) for title in header), header
    assert {len(row) for row in rows} == {len(header)}
    # written to a file, the CSV starts with a BOM so that Excel reads it as UTF-8
    out = tmp_path / "report.csv"
    assert main([*arguments, "--format", "csv", "--output", str(out)]) == expected
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_is_refused_where_the_output_is_not_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for verb in ("fmt", "monitor"):
        assert main([*_clean_arguments(verb, tmp_path), "--format", "csv"]) == 2
    assert "invalid choice: 'csv'" in capsys.readouterr().err


def test_findings_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", ",=100"]) == 1
    assert main(["lint", str(SPEC)]) == 1  # the seed's two ",=" typos
    bad = tmp_path / "bad.tsv"
    bad.write_text("指标\t≥95%\t96%\n指标\t≥95%\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    messy = tmp_path / "messy.ikspec"
    messy.write_text(CLEAN_SPEC.replace("\n\n", "\n"), encoding="utf-8")
    assert main(["fmt", "--check", str(messy)]) == 1
    behind = tmp_path / "behind.ikspec"
    behind.write_text(
        CLEAN_SPEC.replace(
            "执行数：10000元\n", "支出计划：6月底 50%，12月底 100%\n  累计支出：6月底 10%\n"
        ),
        encoding="utf-8",
    )
    assert main(["monitor", str(behind), "--at", "2025-06-30"]) == 1  # a red light
    unscored = tmp_path / "unscored.ikspec"
    unscored.write_text(CLEAN_SPEC.replace("    实际值：210件\n", ""), encoding="utf-8")
    assert main(["score", str(unscored)]) == 1  # undecided points


@pytest.mark.parametrize("verb", FILE_VERBS)
def test_standard_input_is_a_dash(
    verb: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _clean_arguments(verb, tmp_path)
    (position,) = (i for i, a in enumerate(arguments) if a.endswith((".ikspec", ".tsv")))
    data = Path(arguments[position]).read_bytes()
    arguments[position] = "-"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(arguments) == 0, capsys.readouterr().err


@pytest.mark.parametrize("verb", FILE_VERBS)
@pytest.mark.parametrize("content", [b"", b"\n\n", "# 只有注释 / a comment only\n".encode()])
def test_an_empty_input_is_an_input_error(
    verb: str, content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _clean_arguments(verb, tmp_path)
    (position,) = (i for i, a in enumerate(arguments) if a.endswith((".ikspec", ".tsv")))
    Path(arguments[position]).write_bytes(content)
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert re.search(r"空|empty|没有数据行", err), err


@pytest.mark.parametrize("verb", FILE_VERBS)
def test_a_missing_file_is_an_input_error(
    verb: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _clean_arguments(verb, tmp_path)
    (position,) = (i for i, a in enumerate(arguments) if a.endswith((".ikspec", ".tsv")))
    arguments[position] = str(tmp_path / "不存在.ikspec")
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert "不存在.ikspec" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("verb", "library_function"),
    [
        ("parse", "parse.parse_target"),
        ("check", "check.check_actuals"),
        ("lint", "lint.lint"),
        ("fmt", "fmt.dumps"),
        ("score", "score.score"),
        ("monitor", "monitor.monitor"),
    ],
)
def test_an_unexpected_error_is_a_short_bilingual_message_and_exit_2(
    verb: str,
    library_function: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    # the library function as the verb's module calls it
    monkeypatch.setattr(f"indicatorkit.cli.{library_function}", broken)
    monkeypatch.delenv("INDICATORKIT_TRACEBACK", raising=False)
    assert main(_clean_arguments(verb, tmp_path)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("indicatorkit: 内部错误 / internal error: RuntimeError: boom")
    issues = dict(
        entry.split(", ", 1) for entry in metadata.metadata("indicatorkit").get_all("Project-URL")
    )["Issues"]
    assert f"问题跟踪：{issues}" in err and f"issue tracker ({issues})" in err


def _run_on_a_terminal(arguments: list[str], environment: dict[str, str]) -> bytes:
    """Run the command with its standard output on a pseudo-terminal; what it printed."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "indicatorkit.cli", *arguments],
        stdout=follower,
        stderr=follower,
        env=environment,
    )
    os.close(follower)
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)  # read while it writes: a terminal's buffer is small
            except OSError:  # EIO: the command ended and the terminal is drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        status = process.wait(timeout=120)
    assert status in (0, 1)
    return b"".join(chunks)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("no_color", [None, "1"])
def test_plain_output_on_a_terminal_and_with_no_color(
    verb: str, no_color: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output is plain text: no colour codes, on a terminal or not, NO_COLOR or not."""
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    out, err = _Terminal(), _Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    main(_clean_arguments(verb, tmp_path))
    main(["lint", str(SPEC)])  # with findings, too
    assert out.getvalue() and "\x1b[" not in out.getvalue() + err.getvalue()


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_no_colour_on_a_real_terminal() -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    on_terminal = _run_on_a_terminal(["lint", str(SPEC)], environment)
    assert b"IK201" in on_terminal and b"\x1b[" not in on_terminal


def test_messages_and_totals_are_chinese_first_with_english_beside(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["check", str(TABLE)])
    out = capsys.readouterr().out
    total = out.splitlines()[-1]
    assert total.startswith("合计 total: ")
    for item in total.removeprefix("合计 total: ").split("，"):
        assert re.fullmatch(r"[\u4e00-\u9fff]+ [a-z]+(?: [a-z]+)? \d+", item), item
    main(["lint", str(SPEC)])
    last = capsys.readouterr().out.splitlines()[-1]
    assert re.fullmatch(
        r"1 个文件 files: \d+ 错误 errors, \d+ 警告 warnings, \d+ 提示 infos", last
    ), last


def test_the_version_comes_from_one_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"indicatorkit {indicatorkit.__version__}\n"
    assert metadata.version("indicatorkit") == indicatorkit.__version__
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert re.search(r"^version\s*=", pyproject, re.M) is None  # no second copy
    assert '[tool.hatch.version]\npath = "src/indicatorkit/__init__.py"' in pyproject


# --- check: a self-assessment spec -------------------------------------------------------------


def test_check_a_self_assessment_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ASSESSED)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (
        "合计 total: 达成 met 52，部分达成 partly met 6，未达成 missed 5，待评定 ungraded 0，有问题 problems 0"
    )
    # the same actuals merged from the CSV onto the bare seed give the same verdicts
    assert main(["check", str(SPEC), str(ROOT / "examples" / "seed_actuals.csv")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == out.splitlines()[-1]


def test_check_a_spec_locates_an_unreadable_actual_in_the_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "自评.ikspec"
    spec.write_text(CLEAN_SPEC.replace("实际值：95%", "实际值：95元"), encoding="utf-8")
    assert main(["check", "--format", "json", str(spec)]) == 1
    report = json.loads(capsys.readouterr().out)
    [finding] = report["findings"]
    line = CLEAN_SPEC.splitlines().index("    实际值：95%") + 1
    assert (finding["code"], finding["file"], finding["line"], finding["column"]) == (
        "IK522",
        str(spec),
        line,
        9,
    )
    assert [row["met"] for row in report["rows"]] == [True, True]


def test_check_a_spec_with_an_actuals_file_reports_the_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "目标.ikspec"
    spec.write_text(CLEAN_SPEC.replace("    实际值：210件\n", ""), encoding="utf-8")
    actuals = tmp_path / "实际值.csv"
    actuals.write_text("项目,三级指标,实际值\n1,受理数,220件\n9,受理数,1件\n", encoding="gbk")
    assert main(["check", str(spec), str(actuals)]) == 1  # project 9 does not exist
    captured = capsys.readouterr()
    assert f"{actuals}:3:1: IK403 error" in captured.err
    assert "220件\t达成 met" in captured.out


def test_check_a_spec_without_actuals_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(SPEC)]) == 2
    assert "没有可核对的实际值" in capsys.readouterr().err
    assert main(["check", str(TABLE), str(ROOT / "examples" / "seed_actuals.csv")]) == 2
    assert "goes with a spec file" in capsys.readouterr().err
