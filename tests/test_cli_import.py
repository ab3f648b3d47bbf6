"""`indicatorkit import` and `indicatorkit export`: exit 0/1/2, text and JSON, a folder in one
run with progress and a summary, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indicatorkit import Spec, load, loads, read
from indicatorkit.cli import main

ROOT = Path(__file__).parents[1]
SEED = ROOT / "examples" / "seed" / "000_878df4ebd272f24d.txt"
EXAMPLE = ROOT / "examples" / "yutian_justice_2025.ikspec"
SELF_ASSESSMENT = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"


def test_import_the_seed_prints_the_spec_and_its_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(SEED)]) == 1  # warnings: the choices the typos forced
    captured = capsys.readouterr()
    assert loads(captured.out) == load(EXAMPLE)
    assert f"{SEED}:32:" in captured.err and "IK612 warning" in captured.err
    assert captured.err.rstrip().splitlines()[-1].startswith("1 个文件，1 个已导入")
    assert "IK613×6" in captured.err


def test_import_writes_the_output_by_its_extension(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    assert main(["import", str(SEED), "-o", str(out), "-q"]) == 1
    assert read(out).spec == load(EXAMPLE)


def test_a_clean_import_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(EXAMPLE), "-o", str(tmp_path / "x.ikspec")]) == 0
    assert load(tmp_path / "x.ikspec") == load(EXAMPLE)


def test_a_folder_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "a.ikspec").write_bytes(EXAMPLE.read_bytes())
    (folder / "noise.txt").write_text("不是绩效目标。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["import", str(folder), "-o", str(out)]) == 2  # one file gave no spec
    err = capsys.readouterr().err
    assert "[1/3]" in err and "[3/3]" in err
    assert "3 个文件，2 个已导入" in err and "IK601×1" in err
    assert sorted(p.name for p in out.iterdir()) == ["a.ikspec", "seed.ikspec"]
    assert load(out / "seed.ikspec") == load(EXAMPLE)


def test_import_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SEED), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    (entry,) = document["files"]
    assert entry["format"] == "document" and entry["ok"] is True
    assert entry["spec"]["department"]["code"] == "315001"
    assert {f["code"] for f in entry["findings"]} == {"IK610", "IK612", "IK613", "IK614", "IK615"}
    assert document["summary"]["projects"] == 15


def test_import_input_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "none.docx")]) == 2
    assert "IK600" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", str(empty)]) == 2
    assert main(["import"]) == 2  # usage


def test_export_to_csv_needs_projects_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "长表.csv"
    assert main(["export", str(EXAMPLE), "-o", str(out)]) == 2
    assert "部门" in capsys.readouterr().err
    assert main(["export", str(SELF_ASSESSMENT), "-o", str(out), "--projects-only"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read(out).spec == Spec(projects=load(SELF_ASSESSMENT).projects)


def test_export_unknown_extension_and_missing_output(tmp_path: Path) -> None:
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path / "x.docx")]) == 2
    assert main(["export", str(EXAMPLE)]) == 2  # -o is required


def test_export_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.json"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["projects"] == 15


def test_no_traceback_and_no_colour_from_the_real_command(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    done = subprocess.run(
        [sys.executable, "-m", "indicatorkit.cli", "import", str(bad)],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "\x1b[" not in done.stderr
    assert "IK601" in done.stderr


def test_import_the_seed_to_a_long_table(tmp_path: Path) -> None:
    out = tmp_path / "长表.csv"
    assert main(["import", str(SEED), "-o", str(out), "-q"]) == 2  # a department does not fit
    assert main(["import", str(SEED), "-o", str(out), "-q", "--projects-only"]) == 1
    assert read(out).spec == Spec(projects=load(EXAMPLE).projects)


def test_a_missing_extra_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    from indicatorkit.formats import MissingExtraError

    path = tmp_path / "表.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'indicatorkit\[word\]'"):
        read(path)
    assert main(["import", str(path)]) == 2
    assert "indicatorkit[word]" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    (tmp_path / "表.pdf").write_bytes(b"%PDF-1.4\n")
    with pytest.raises(MissingExtraError, match=r"indicatorkit\[pdf\]"):
        read(tmp_path / "表.pdf")
