"""The command line is a thin shell over the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicatorkit.cli import main

EXAMPLE = Path(__file__).parents[1] / "examples" / "seed_actuals.tsv"


def test_check_the_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "≥200件\t201件\t达成 met\t100.5%" in out
    assert "≥120件\t108件\t未达成 missed\t90%" in out
    assert "合计 total:" in out


def test_check_reports_bad_rows_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "bad.tsv"
    table.write_text("# comment\n指标A\t≥95%\t96%\n指标B\t≥200件\t200人\n", encoding="utf-8")
    assert main(["check", str(table)]) == 1
    captured = capsys.readouterr()
    assert f"{table}:3:3: IK422 error: DimensionMismatchError" in captured.err
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
    import json

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
