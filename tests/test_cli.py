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
    assert f"{table}:3: DimensionMismatchError" in captured.err
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
