"""How Chromium is run for `report --pdf`: sandboxed unless root, within `--timeout`, its PDF
written whole or not at all (a stand-in script plays Chromium: no browser is needed)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from indicatorkit.cli import main
from indicatorkit.formats import html_report_pdf
from indicatorkit.formats.html_report_pdf import chromium_command, sandbox_flags

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"


def _fake_chromium(tmp_path: Path, body: str) -> Path:
    """A script that records its arguments and then does ``body``."""
    script = tmp_path / "chromium"
    script.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/args"\n' + body + "\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


PRINTS = (
    'for a in "$@"; do case "$a" in --print-to-pdf=*) printf "%%PDF-1.4 fake" > "${a#--print-to-pdf=}";; '
    "esac; done"
)


def test_chromium_is_sandboxed_unless_root(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sandbox_flags(1000) == () and sandbox_flags(0) == ("--no-sandbox",)
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    command = chromium_command("chromium", Path("/t/r.html"), Path("/t/r.pdf"), Path("/t/p"))
    assert "--no-sandbox" not in command and "--headless" in command
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    command = chromium_command("chromium", Path("/t/r.html"), Path("/t/r.pdf"), Path("/t/p"))
    assert "--no-sandbox" in command


def test_report_pdf_runs_the_chromium_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INDICATORKIT_CHROMIUM", str(_fake_chromium(tmp_path, PRINTS)))
    out = tmp_path / "报告.pdf"
    assert main(["report", str(EXAMPLE), "--pdf", str(out), "--timeout", "30", "-q"]) in (0, 1)
    assert out.read_bytes().startswith(b"%PDF")
    arguments = (tmp_path / "args").read_text(encoding="utf-8").split("\n")
    assert ("--no-sandbox" in arguments) == (os.geteuid() == 0)


def test_report_pdf_gives_up_after_its_timeout_and_keeps_the_old_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INDICATORKIT_CHROMIUM", str(_fake_chromium(tmp_path, "sleep 30")))
    out = tmp_path / "报告.pdf"
    out.write_bytes(b"%PDF earlier")
    start = time.perf_counter()
    assert main(["report", str(EXAMPLE), "--pdf", str(out), "--timeout", "1"]) == 2
    assert time.perf_counter() - start < 15
    err = capsys.readouterr().err
    assert "1 s" in err and "--timeout" in err
    assert out.read_bytes() == b"%PDF earlier"


def test_a_timeout_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(html_report_pdf.ReportError, match="timeout"):
        html_report_pdf.print_pdf("<p>甲</p>", tmp_path / "a.pdf", timeout=0)
