"""The command line is a thin shell over the library."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import indicatorkit
from indicatorkit.cli import fmt as fmt_verb
from indicatorkit.cli import lint as lint_verb
from indicatorkit.cli import main

EXAMPLE = Path(__file__).parents[1] / "examples" / "seed_actuals.tsv"


def test_check_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "≥200件\t201件\t达成 met\t100.50%" in out
    assert "≥120件\t108件\t未达成 missed\t90.00%" in out
    assert "合计 total:" in out


def test_check_reports_bad_rows_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "bad.tsv"
    table.write_text("# comment\n指标A\t≥95%\t96%\n指标B\t≥200件\t200人\n", encoding="utf-8")
    assert main(["check", str(table)]) == 1
    captured = capsys.readouterr()
    assert f"{table}:3:3: IK522 error: DimensionMismatchError" in captured.err
    assert "达成 met" in captured.out


def test_parse(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "不低于90%", "年内"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "不低于90%\t≥90%\tComparison",
        "年内\t12月底前\tDeadline",
    ]
    assert main(["parse", ",=100"]) == 1
    assert main(["parse", ",=100", "--lenient"]) == 0
    assert "T002" in capsys.readouterr().out


def test_missing_file(tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "none.tsv")]) == 2


SPEC = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"


def test_lint_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(SPEC)]) == 1  # the seed has two typo'd operators
    out = capsys.readouterr().out
    assert "IK201 error" in out
    assert "2 错误 errors" in out


def test_lint_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", "--format", "json", str(SPEC)])
    findings = json.loads(capsys.readouterr().out)
    assert {"file", "line", "column", "code", "severity", "message"} <= set(findings[0])
    assert any(f["code"] == "IK201" for f in findings)


def test_lint_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ikspec"
    bad.write_text("项目 1\n  编码 x\n", encoding="utf-8")
    assert main(["lint", str(bad)]) == 1
    assert f"{bad}:2:6: IK014 error" in capsys.readouterr().out


def test_fmt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = tmp_path / "messy.ikspec"
    messy.write_text("project 1 a\n    code:  x\n", encoding="utf-8")
    messy.chmod(0o644)
    assert main(["fmt", "--check", str(messy)]) == 1
    assert messy.read_text(encoding="utf-8") == "project 1 a\n    code:  x\n"  # untouched
    assert main(["fmt", str(messy)]) == 0
    assert messy.read_text(encoding="utf-8") == "项目 1 a\n  编码：x\n"
    assert messy.stat().st_mode & 0o777 == 0o644
    assert main(["fmt", "--check", str(messy)]) == 0
    assert main(["fmt", "--check", str(SPEC)]) == 0  # the example is canonical
    bad = tmp_path / "bad.ikspec"
    bad.write_text("项目 x\n", encoding="utf-8")
    assert main(["fmt", str(bad)]) == 1
    assert bad.read_text(encoding="utf-8") == "项目 x\n"


def test_fmt_sees_crlf(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.ikspec"
    crlf.write_bytes("项目 1 a\r\n  编码：x\r\n".encode())
    assert main(["fmt", "--check", str(crlf)]) == 1
    assert main(["fmt", str(crlf)]) == 0
    assert crlf.read_bytes() == "项目 1 a\n  编码：x\n".encode()


# --- hardening: actuals tables for check -------------------------------------------------


HEADER = "项目\t三级指标\t指标值\t实际完成值\n"
GOOD = "甲\t满意度\t≥95%\t96%\n甲\t受理数\t≥200件\t150件\n"


def _check_json(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    status = main(["check", "--format", "json", str(path)])
    return status, json.loads(capsys.readouterr().out)


def test_check_a_bom_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "bom.tsv"
    table.write_bytes(("\ufeff" + HEADER + GOOD).encode("utf-8"))
    status, report = _check_json(table, capsys)
    assert status == 0
    assert [row["met"] for row in report["rows"]] == [True, False]
    assert report["rows"][0]["labels"] == ["甲", "满意度"]
    assert report["totals"] == {"met": 1, "partial": 0, "missed": 1, "ungraded": 0, "problems": 0}


def test_check_a_headerless_bom_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "bom.tsv"
    table.write_bytes(("\ufeff" + GOOD).encode("utf-8"))
    status, report = _check_json(table, capsys)
    assert (status, report["totals"]["problems"], len(report["rows"])) == (0, 0, 2)


def test_check_a_gbk_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "excel.tsv"
    table.write_bytes((HEADER + GOOD).encode("gbk"))
    status, report = _check_json(table, capsys)
    assert status == 0
    assert report["rows"][1]["target"] == "≥200件" and report["rows"][1]["actual"] == "150件"


def test_check_another_encoding_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "utf16.tsv"
    table.write_bytes((HEADER + GOOD).encode("utf-16"))
    assert main(["check", str(table)]) == 2
    assert "IK401" in capsys.readouterr().err  # the one actuals reader's code
    table.write_bytes(b"a\tb\t\x80\x80\n")
    assert main(["check", str(table)]) == 2


def test_check_a_csv_with_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "actuals.csv"
    table.write_text(
        'project,indicator,target,actual\n"法律援助, 窗口","受理数（""件""）",≥180件,181件\n'
        '"多行\n标签",满意度,>90%,"91%"\n',
        encoding="utf-8",
    )
    status, report = _check_json(table, capsys)
    assert status == 0
    assert report["rows"][0]["labels"] == [
        "法律援助, 窗口",
        '受理数（"件"）',
    ]
    assert report["rows"][1]["line"] == 3  # a record's first line


def test_check_a_header_missing_a_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "no_actual.tsv"
    table.write_text("项目\t三级指标\t指标值\n甲\t满意度\t≥95%\n", encoding="utf-8")
    assert main(["check", str(table)]) == 2
    err = capsys.readouterr().err
    assert f"{table}:1:1: IK402 error" in err and "实际值" in err and "value column" in err


def test_a_row_with_its_actual_missing_is_not_read_as_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "short.tsv"
    table.write_text("指标A\t≥95%\t96%\n指标B\t≥95%\n", encoding="utf-8")
    status, report = _check_json(table, capsys)
    assert status == 1
    assert len(report["rows"]) == 1
    [finding] = report["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("IK411", 2, 3)
    assert "实际值 actual" in finding["message"]
    # alone, too: a row needs a label, so `indicator<TAB>≥95%` is never target and actual
    table.write_text("指标B\t≥95%\n", encoding="utf-8")
    status, report = _check_json(table, capsys)
    assert status == 1 and report["rows"] == [] and report["findings"][0]["code"] == "IK411"
    # with a header: the missing column is named
    table.write_text(HEADER + "甲\t满意度\t≥95%\n", encoding="utf-8")
    assert main(["check", str(table)]) == 1
    assert "缺少“实际完成值”列" in capsys.readouterr().err  # as the header names it


def test_one_bad_row_among_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "mixed.tsv"
    table.write_text(
        HEADER + "甲\t一\t≥95%\t96%\n甲\t二\t≥5人天\t6人天\n甲\t三\t≥1件\t\n甲\t四\t<50元\t40元\n",
        encoding="utf-8",
    )
    assert main(["check", str(table)]) == 1
    captured = capsys.readouterr()
    assert f"{table}:3:3: IK521 error: UnknownUnitError" in captured.err
    assert f"{table}:4:4: IK513 error" in captured.err
    assert "<50元\t40元\t达成 met" in captured.out  # the run went on
    assert (
        "合计 total: 达成 met 2，部分达成 partly met 0，未达成 missed 0，待评定 ungraded 0，有问题 problems 2"
        in captured.out
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "IK402"),  # no header: the actuals reader refuses it
        ("\n\n", "IK402"),
        ("# 只有注释\n", "IK402"),
        (HEADER, "IK503"),  # a header and no row: nothing to check
        ("# c\n" + HEADER + "\n", "IK503"),
    ],
)
def test_empty_and_header_only_files_are_input_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, code: str
) -> None:
    table = tmp_path / "empty.tsv"
    table.write_text(text, encoding="utf-8")
    assert main(["check", str(table)]) == 2
    assert code in capsys.readouterr().err


def test_check_quiet_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    assert main(["check", "--quiet", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", "--output", str(report), str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == ""
    assert "合计 total: 达成 met 52，部分达成 partly met 6，未达成 missed 5" in report.read_text(
        encoding="utf-8"
    )
    assert main(["check", "--output", str(tmp_path / "no" / "dir.txt"), str(EXAMPLE)]) == 2


# --- hardening: parse ----------------------------------------------------------------------


def test_parse_a_negative_target(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "-5%"]) == 0
    assert capsys.readouterr().out == "-5%\t-5%\tComparison\n"
    assert main(["parse", "--lenient", "-0.5万元", "≥1件"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("-0.5万元\t")
    assert main(["parse", "-x"]) == 2  # a letter after '-' is still an option


# --- hardening: fmt ------------------------------------------------------------------------

MESSY = "项目 1 a\n    code:  x\n"
CANONICAL = "项目 1 a\n  编码：x\n"


def test_fmt_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.ikspec"
    real.write_text(MESSY, encoding="utf-8")
    link = tmp_path / "link.ikspec"
    link.symlink_to(real.name)
    assert main(["fmt", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_text(encoding="utf-8") == CANONICAL


def test_fmt_keeps_hard_links(tmp_path: Path) -> None:
    one = tmp_path / "one.ikspec"
    one.write_text(MESSY, encoding="utf-8")
    one.chmod(0o640)
    other = tmp_path / "other.ikspec"
    os.link(one, other)
    assert main(["fmt", str(one)]) == 0
    assert os.path.samefile(one, other) and one.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == CANONICAL
    assert stat.S_IMODE(one.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_fmt_refuses_a_read_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked.ikspec"
    locked.write_text(MESSY, encoding="utf-8")
    locked.chmod(0o444)
    assert main(["fmt", str(locked)]) == 2
    assert "只读" in capsys.readouterr().err
    assert locked.read_text(encoding="utf-8") == MESSY
    assert main(["fmt", "--check", str(locked)]) == 1  # reading is fine
    if os.geteuid() == 0 or os.access(locked, os.W_OK) is False:
        assert main(["fmt", "--force", str(locked)]) == 0
        assert locked.read_text(encoding="utf-8") == CANONICAL
        assert stat.S_IMODE(locked.stat().st_mode) == 0o444  # still read-only


def test_fmt_refuses_what_is_not_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", str(tmp_path)]) == 2
    assert "是目录" in capsys.readouterr().err
    assert main(["lint", str(tmp_path)]) == 2
    fifo = tmp_path / "pipe.ikspec"
    os.mkfifo(fifo)
    assert main(["fmt", str(fifo)]) == 2  # refused before opening: nothing blocks
    assert "不是普通文件" in capsys.readouterr().err
    assert main(["fmt", "--force", str(fifo)]) == 2


def test_fmt_check_reads_a_pipe_once(tmp_path: Path) -> None:
    """On a pipe a second read sees nothing: canonical text must be called canonical."""
    for text, status in ((CANONICAL, 0), (MESSY, 1)):
        done = subprocess.run(
            [sys.executable, "-m", "indicatorkit.cli", "fmt", "--check", "-"],
            input=text.encode(),
            capture_output=True,
            check=False,
        )
        assert done.returncode == status
        assert b"Traceback" not in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "indicatorkit.cli", "fmt", "-"],
        input=MESSY.encode(),
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stdout.decode()) == (0, CANONICAL)
    fifo = tmp_path / "pipe.ikspec"
    os.mkfifo(fifo)
    shell = f'printf %s "$1" > {fifo} & {sys.executable} -m indicatorkit.cli fmt --check {fifo}'
    done = subprocess.run(["sh", "-c", shell, "sh", CANONICAL], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()


def test_fmt_stdin_in_process(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import io

    class Stdin:
        buffer = io.BytesIO(MESSY.encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert main(["fmt", "-"]) == 0
    assert capsysbinary.readouterr().out.decode() == CANONICAL
    assert main(["fmt", "-", "--format", "json"]) == 2  # the text is the output


def test_fmt_in_an_unwritable_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    messy = tmp_path / "messy.ikspec"
    messy.write_text(MESSY, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fmt_verb.tempfile, "mkstemp", refuse)
    assert main(["fmt", str(messy)]) == 2
    err = capsys.readouterr().err
    assert "无法在所在目录写临时文件" in err and "Permission denied" in err
    assert "Traceback" not in err
    assert messy.read_text(encoding="utf-8") == MESSY


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any directory")
def test_fmt_in_a_really_unwritable_directory(tmp_path: Path) -> None:
    messy = tmp_path / "messy.ikspec"
    messy.write_text(MESSY, encoding="utf-8")
    tmp_path.chmod(0o555)
    try:
        assert main(["fmt", str(messy)]) == 2
    finally:
        tmp_path.chmod(0o755)
    assert messy.read_text(encoding="utf-8") == MESSY


@pytest.mark.parametrize("verb", [["lint"], ["fmt", "--check"], ["fmt"]])
@pytest.mark.parametrize("text", ["", "\n  \n", "# 只有注释\n"])
def test_an_empty_spec_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], verb: list[str], text: str
) -> None:
    empty = tmp_path / "empty.ikspec"
    empty.write_text(text, encoding="utf-8")
    assert main([*verb, str(empty)]) == 2
    assert "规格文件是空的" in capsys.readouterr().err


def test_lint_a_missing_or_undecodable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", str(tmp_path / "none.ikspec")]) == 2
    utf16 = tmp_path / "utf16.ikspec"
    utf16.write_bytes("项目 1 法律援助\n".encode("utf-16"))
    assert main(["lint", str(utf16)]) == 2
    assert main(["fmt", "--check", str(utf16)]) == 2
    captured = capsys.readouterr()
    err = captured.out + captured.err
    # lint reads any file read() accepts (IK601: no format it knows); fmt rewrites spec files only
    assert "IK601" in err and err.count("IK002") == 1 and "UTF-16" in err
    assert "save it as UTF-8" in err and "save it as 'CSV UTF-8' or UTF-8 text" in err


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_spec_files_in_utf8_bom_or_gbk(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "项目 1 法律援助\n  预算：10000元\n\n  指标 产出指标 / 数量指标 / 受理数\n    指标值：,=100件\n"
    spec = tmp_path / "表.ikspec"
    spec.write_bytes(text.encode(encoding))
    assert main(["lint", "--format", "json", str(spec)]) == 1  # IK201, read the same in each
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)]
    assert "IK201" in codes
    # fmt writes the canonical form: UTF-8 without a BOM
    assert main(["fmt", "--check", str(spec)]) == (0 if encoding == "utf-8" else 1)
    assert main(["fmt", str(spec)]) == 0
    assert spec.read_bytes() == text.encode("utf-8")


# --- hardening: conventions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "arguments",
    [
        ["parse", "≥95%", ",=100"],
        ["check", str(EXAMPLE)],
        ["lint", str(SPEC)],
        ["fmt", "--check", str(SPEC)],
    ],
)
def test_every_verb_speaks_json(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    main([*arguments, "--format", "json"])
    json.loads(capsys.readouterr().out)  # valid JSON, nothing else on standard output


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"indicatorkit {indicatorkit.__version__}\n"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["lint", "--format", "xml", str(SPEC)]) == 2
    assert "usage:" in capsys.readouterr().err


def test_an_unexpected_error_is_a_short_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(lint_verb, "lint", broken)
    monkeypatch.delenv("INDICATORKIT_TRACEBACK", raising=False)
    assert main(["lint", str(SPEC)]) == 2
    err = capsys.readouterr().err
    assert "内部错误 / internal error: RuntimeError: boom" in err
    assert "issue tracker" in err and "Traceback" not in err


def _run(*arguments: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "indicatorkit.cli", *arguments],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_real_processes() -> None:
    done = _run("check", str(EXAMPLE))
    assert done.returncode == 0 and "合计 total:" in done.stdout.decode()
    done = _run("parse", "-5%")
    assert (done.returncode, done.stdout.decode()) == (0, "-5%\t-5%\tComparison\n")
    done = _run("--version")
    assert done.stdout.decode().strip() == f"indicatorkit {indicatorkit.__version__}"
    done = _run("check", "-", stdin=("指标\t≥95%\n").encode())
    assert done.returncode == 1 and b"IK411" in done.stderr
    done = _run("lint", "/nonexistent/spec.ikspec")
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    done = _run("check", "-", stdin=b"")
    assert done.returncode == 2 and b"IK402" in done.stderr


def test_fmt_failing_half_way_keeps_the_whole_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    messy = tmp_path / "messy.ikspec"
    messy.write_text(MESSY, encoding="utf-8")
    calls: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the temporary file went well; the file itself fails
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(fmt_verb.os, "fsync", fsync)
    assert main(["fmt", str(messy)]) == 2
    err = capsys.readouterr().err
    assert "写到一半失败" in err and "Traceback" not in err
    [spare] = [p for p in tmp_path.iterdir() if p.name.startswith(".messy.ikspec.")]
    assert spare.read_text(encoding="utf-8") == CANONICAL


# --- score ---------------------------------------------------------------------------------

SCORED = """项目 1 法律援助
  预算：10000元
  执行数：10000元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    实际值：210件
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥90%
    实际值：95%
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥95%
    实际值：96%
"""


def test_score_a_spec_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "scored.ikspec"
    spec.write_text(SCORED, encoding="utf-8")
    assert main(["score", str(spec)]) == 0
    out = capsys.readouterr().out
    assert "总分 total: 100.00  等级 grade: 优" in out
    assert main(["score", str(spec), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["projects"][0]["total"] == "100" and data["projects"][0]["grade"] == "优"
    report = tmp_path / "report.csv"
    assert main(["score", str(spec), "--format", "csv", "-o", str(report)]) == 0
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel opens it as UTF-8
    assert "受理数" in raw.decode("utf-8-sig")


def test_score_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "missed.ikspec"
    spec.write_text(SCORED.replace("实际值：210件", "实际值：150件"), encoding="utf-8")
    assert main(["score", str(spec)]) == 1  # a missed target with no explanation
    assert main(["score", str(spec), "--rules", "nowhere"]) == 2
    assert main(["score", str(tmp_path / "none.ikspec")]) == 2
    broken = tmp_path / "broken.ikspec"
    broken.write_text("项目 1\n  指标值：≥95%\n", encoding="utf-8")
    assert main(["score", str(broken)]) == 2
    assert "IK012" in capsys.readouterr().err


def test_score_with_an_actuals_file(capsys: pytest.CaptureFixture[str]) -> None:
    examples = Path(__file__).parents[1] / "examples"
    status = main(
        ["score", str(examples / "yutian_justice_2025.ikspec"), str(examples / "seed_actuals.csv")]
    )
    out = capsys.readouterr().out
    assert status == 1  # the budget lines are undecided: the file has no executed amounts
    assert "部门 department" in out and "达成 met" in out
