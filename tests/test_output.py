"""Never destroy an input: an output that is an input is refused before anything is opened,
and every output is written whole or not at all (formats/output.py, through every writer and
every CLI verb with -o)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from indicatorkit import Spec, load, write
from indicatorkit.cli import main
from indicatorkit.formats.files import mirrored
from indicatorkit.formats.output import (
    OutputCollisionError,
    OutputError,
    OutputIsInputError,
    refuse_inputs,
    replacing,
    write_text,
)

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"
ACTUALS = "项目,三级指标,实际值\n1,受理数,175件\n"


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    path = tmp_path / "victim.ikspec"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


@pytest.mark.parametrize(
    "verb",
    [
        ["score", "{spec}", "-o", "{spec}"],
        ["score", "{spec}", "--format", "csv", "-o", "{link}"],
        ["check", "{spec}", "-o", "{spec}"],
        ["monitor", "{spec}", "--at", "2025-06-30", "-o", "{spec}"],
        ["lint", "{spec}", "-o", "{hard}"],
        ["export", "{spec}", "-o", "{spec}"],
        ["import", "{spec}", "-o", "{link}"],
        ["report", "{spec}", "-o", "{spec}"],
        ["report", "{spec}", "-o", "{tmp}/r.html", "--pdf", "{hard}"],
        ["export", "{spec}", "--scored", "{hard}"],
        ["export", "{spec}", "--template", "{link}"],
    ],
)
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(
    verb: list[str], spec_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "link.ikspec").symlink_to(spec_file)
    os.link(spec_file, tmp_path / "hard.ikspec")
    names = {
        "spec": str(spec_file),
        "link": str(tmp_path / "link.ikspec"),
        "hard": str(tmp_path / "hard.ikspec"),
        "tmp": str(tmp_path),
    }
    before = spec_file.read_bytes()
    assert main([part.format(**names) for part in verb]) == 2
    err = capsys.readouterr().err
    assert "输出就是输入文件之一" in err and "the output is one of the inputs" in err
    assert spec_file.read_bytes() == before
    assert not (tmp_path / "r.html").exists()  # refused before anything was written


def test_score_refuses_to_write_over_its_actuals(tmp_path: Path, spec_file: Path) -> None:
    actuals = tmp_path / "act.csv"
    actuals.write_text(ACTUALS, encoding="utf-8")
    assert main(["score", str(spec_file), str(actuals), "-o", str(actuals)]) == 2
    assert actuals.read_text(encoding="utf-8") == ACTUALS


def test_import_never_writes_over_its_source(tmp_path: Path) -> None:
    workbook = tmp_path / "X.xlsx"
    write(load(EXAMPLE).__class__(projects=load(EXAMPLE).projects), workbook)
    before = workbook.read_bytes()
    assert main(["import", str(workbook), "-o", str(workbook)]) == 2
    assert workbook.read_bytes() == before


def test_a_failed_run_leaves_an_earlier_report_whole(
    tmp_path: Path, spec_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    assert main(["score", str(spec_file), "-o", str(report)]) in (0, 1)
    earlier = report.read_bytes()
    assert earlier
    missing = tmp_path / "没有.ikspec"
    assert main(["score", str(missing), "-o", str(report)]) == 2
    assert report.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_write_that_fails_half_way_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "表.ikspec"
    target.write_text("旧\n", encoding="utf-8")
    with pytest.raises(ZeroDivisionError), replacing(target) as temporary:
        temporary.write_text("新的一半", encoding="utf-8")
        _ = 1 / 0
    assert target.read_text(encoding="utf-8") == "旧\n"
    assert sorted(tmp_path.iterdir()) == [target]


def test_an_os_error_is_an_output_error_with_the_path_and_the_reason(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_text(tmp_path / "没有" / "表.ikspec", "x")
    assert caught.value.path.endswith("表.ikspec")
    assert caught.value.reason == "No such file or directory"
    with pytest.raises(OutputError, match="directory"):
        write_text(tmp_path, "x")


def test_the_mode_of_an_existing_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "表.ikspec"
    target.write_text("旧\n", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "新\n")
    assert (target.stat().st_mode & 0o777, target.read_text(encoding="utf-8")) == (0o640, "新\n")


def test_a_full_disk_is_an_io_error_exit_2_naming_the_file(
    spec_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    assert main(["score", str(spec_file), "-o", "/dev/full"]) == 2
    err = capsys.readouterr().err
    assert "/dev/full" in err and "内部错误" not in err


def test_refuse_inputs_follows_links(tmp_path: Path) -> None:
    source = tmp_path / "甲.csv"
    source.write_text("x")
    (tmp_path / "链.csv").symlink_to(source)
    with pytest.raises(OutputIsInputError):
        refuse_inputs(tmp_path / "链.csv", [source])
    refuse_inputs(tmp_path / "乙.csv", [source])  # not there yet: no file, no refusal


def test_folder_import_mirrors_the_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for office in ("甲科室", "乙科室"):
        (tmp_path / "in" / office).mkdir(parents=True)
        (tmp_path / "in" / office / "目标表.ikspec").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    assert main(["import", str(tmp_path / "in"), "-o", str(out)]) in (0, 1)
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.ikspec"))
    assert written == ["乙科室/目标表.ikspec", "甲科室/目标表.ikspec"]
    assert load(out / "甲科室" / "目标表.ikspec") == load(EXAMPLE)


def test_folder_import_refuses_a_collision_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "目标表.ikspec").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "in" / "目标表.txt").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out"
    assert main(["import", str(tmp_path / "in"), "-o", str(out)]) == 2
    assert "两个输入会写到同一个输出" in capsys.readouterr().err
    assert not out.exists() or not any(out.rglob("*"))
    with pytest.raises(OutputCollisionError):
        mirrored([tmp_path / "in"], out)


def test_folder_import_into_its_own_folder_refuses_to_overwrite_a_source(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.ikspec").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "in" / "b.txt").write_text("x", encoding="utf-8")
    before = (tmp_path / "in" / "a.ikspec").read_bytes()
    assert main(["import", str(tmp_path / "in"), "-o", str(tmp_path / "in")]) == 2
    assert (tmp_path / "in" / "a.ikspec").read_bytes() == before


def test_the_library_write_refuses_its_inputs(tmp_path: Path) -> None:
    target = tmp_path / "表.json"
    write(Spec(), target)
    with pytest.raises(OutputIsInputError):
        write(Spec(), target, inputs=[target])


def test_a_link_is_written_through_and_a_device_written_into(tmp_path: Path) -> None:
    real = tmp_path / "真.txt"
    real.write_text("旧", encoding="utf-8")
    (tmp_path / "链.txt").symlink_to(real)
    write_text(tmp_path / "链.txt", "新")
    assert (tmp_path / "链.txt").is_symlink() and real.read_text(encoding="utf-8") == "新"
    write_text(os.devnull, "丢掉")
    assert Path(os.devnull).is_char_device()


def test_standard_output_on_a_full_disk_is_an_io_error(spec_file: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        completed = subprocess.run(
            [sys.executable, "-m", "indicatorkit.cli", "score", str(spec_file)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = completed.stderr.decode("utf-8")
    assert completed.returncode == 2, err
    assert "I/O error" in err and "内部错误" not in err
