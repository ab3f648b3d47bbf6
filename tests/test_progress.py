"""Progress on long reads: the readers call the callback as rows and pages stream, the CLI
shows it on a terminal only, and progress never changes what is read."""

from __future__ import annotations

import csv
import functools
import io
import select
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatorkit import Spec, cli, read, write
from indicatorkit.formats import progress as progress_module
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.formats.files import read_data
from indicatorkit.formats.grid_text import csv_grid
from indicatorkit.formats.long_table import long_table_rows
from indicatorkit.formats.progress import LOADING, Meter, Progress, meter, reporting, terminal
from indicatorkit.formats.workbook_grid import load_grids
from indicatorkit.strategies import projects

ROWS = 30_000
HEADER = "项目编号,项目名称,预算数,一级指标,二级指标,三级指标,指标值,分值\n"


def _long_csv(count: int) -> str:
    body = "".join(
        f"1,法律援助,10000元,产出指标,数量指标,受理数{n},≥{n}件,\n" for n in range(count)
    )
    return HEADER + body


def _assert_increasing_then_final(seen: list[Progress], every: int, total_rows: int) -> None:
    assert len(seen) >= 2
    first, *steps, last = seen
    assert first.done == 0 and not first.final  # the start
    assert all(not p.final for p in steps) and last.final
    dones = [p.done for p in steps]
    assert dones == sorted(dones) and len(set(dones)) == len(dones)
    assert all(d % every == 0 and d > 0 for d in dones)
    assert last.done == total_rows
    assert len(steps) == total_rows // every


@pytest.fixture
def small_every(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(progress_module, "EVERY", 1_000)
    return 1_000


def test_a_meter_calls_every_n_steps_and_at_the_end() -> None:
    seen: list[Progress] = []
    counter = Meter("表.csv", seen.append, every=3)
    for _ in range(10):
        counter.step()
    counter.finish()
    assert [(p.done, p.final) for p in seen] == [(3, False), (6, False), (9, False), (10, True)]
    assert meter("x").done == 0
    assert seen[-1].source == "表.csv" and seen[-1].unit == "行"


def test_a_meter_without_a_callback_only_counts() -> None:
    counter = meter("表.csv")
    for _ in range(25_000):
        counter.step()
    counter.finish()
    assert counter.callback is None and counter.done == 25_000


def test_reporting_is_for_its_block_only() -> None:
    seen: list[Progress] = []
    with reporting(seen.append):
        assert meter("a").callback is not None
    assert meter("a").callback is None


def test_a_30k_row_csv_grid_reports_increasing_rows(small_every: int) -> None:
    seen: list[Progress] = []
    with reporting(seen.append):
        grid = csv_grid(_long_csv(ROWS - 1), source="表.csv")
    assert grid.rows == ROWS
    _assert_increasing_then_final(seen, small_every, ROWS)
    assert {p.source for p in seen} == {"表.csv"}


def test_a_30k_row_xlsx_reports_increasing_rows(small_every: int, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for n in range(1, ROWS + 1):
        sheet.append([f"受理数{n}", n])
    path = tmp_path / "表.xlsx"
    book.save(path)
    seen: list[Progress] = []
    with reporting(seen.append):
        (grid,) = load_grids(path)
    assert grid.rows == ROWS
    # openpyxl's load first: the share of the file read, increasing, ending at 100% before
    # any row is counted
    loads = [index for index, p in enumerate(seen) if p.unit == LOADING]
    assert loads == list(range(1, len(loads) + 1))  # right after the start, all together
    size = path.stat().st_size
    shares = [seen[index].done for index in loads]
    assert all(seen[index].total == size for index in loads)
    assert shares == sorted(set(shares)) and shares[0] == 0 and shares[-1] == size
    assert len(shares) > 10  # many steps on the way, not just 0% and 100%
    assert [p.text().split("载入 ")[1][:4] for p in (seen[loads[0]], seen[loads[-1]])] == [
        "0% /",
        "100%",
    ]
    rows = [p for p in seen if p.unit != LOADING]
    _assert_increasing_then_final(rows, small_every, ROWS)
    assert {p.source for p in seen} == {"表.xlsx"}


def test_a_workbook_with_formulas_shows_both_loads_never_going_back(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for n in range(1, 3_001):
        sheet.append([f"受理数{n}", n, f"=B{n}*2"])
    path = tmp_path / "表.xlsx"
    book.save(path)
    size = path.stat().st_size
    seen: list[Progress] = []
    with reporting(seen.append):
        (grid,) = load_grids(path)
    assert len(grid.unsaved_formulas) == 3_000  # the second load (formulas) did run
    loads = [p for p in seen if p.unit == LOADING]
    # the stored values, then the formulas: one share of both loads, increasing to 100%
    assert {p.total for p in loads} == {2 * size}
    shares = [p.done for p in loads]
    assert shares == sorted(set(shares)) and shares[0] == 0 and shares[-1] == 2 * size
    assert len([d for d in shares if d < size]) > 10  # the first load, step by step
    assert len([d for d in shares if size < d < 2 * size]) > 10  # and the second
    assert seen.index(loads[-1]) < min(
        i for i, p in enumerate(seen) if p.unit != LOADING and p.done
    )


def test_a_load_counts_the_blocks_read_never_the_position_or_a_second_read() -> None:
    seen: list[Progress] = []
    counter = Meter("表.xlsx", seen.append)
    file = counter.loading(bytes(100 * 4096))
    file.seek(-22, io.SEEK_END)  # a zip reader reads its central directory at the end first
    file.read()
    file.seek(0)
    file.read(50 * 4096)
    file.seek(0)
    file.read(50 * 4096)  # a part read again adds nothing
    assert [p.done for p in seen] == [0, 4096, 51 * 4096]
    assert file.getvalue() == bytes(100 * 4096)  # the bytes are the file's, untouched
    counter.loaded()
    counter.loaded()  # 100% once
    assert [p.done for p in seen[-2:]] == [51 * 4096, 100 * 4096]
    assert meter("表.xlsx").loading(b"PK").read() == b"PK"  # no callback: a plain file


def test_read_takes_a_progress_callback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "EVERY", 50)
    path = tmp_path / "表.csv"
    path.write_text(_long_csv(299), encoding="utf-8")
    seen: list[Progress] = []
    imported = read(path, progress=seen.append)
    assert imported.spec is not None and len(imported.spec.projects[0].indicators) == 299
    _assert_increasing_then_final(seen, 50, 300)


def test_read_actuals_takes_a_progress_callback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "EVERY", 10)
    text = "项目,三级指标,实际值\n" + "".join(f"甲,受理数{n},{n}件\n" for n in range(99))
    seen: list[Progress] = []
    actuals = read_actuals(text, file="实际.csv", progress=seen.append)
    assert len(actuals.rows) == 99
    _assert_increasing_then_final(seen, 10, 100)
    assert seen[-1].source == "实际.csv"


def test_a_pdf_reports_pages() -> None:
    pytest.importorskip("pdfplumber")
    blank = (
        b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
        b"3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
        b"trailer <</Root 1 0 R>>\n%%EOF\n"
    )
    seen: list[Progress] = []
    read_data(blank, source="扫描.pdf", progress=seen.append)
    assert seen == [Progress("扫描.pdf", 0, 1, "页"), Progress("扫描.pdf", 1, 1, "页", final=True)]


# --- the terminal line ---------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_terminal_line_waits_for_a_long_read_and_clears_at_the_end() -> None:
    now = [0.0]
    stream = _Terminal()
    show = terminal(stream, after_seconds=2.0, after_rows=50_000, clock=lambda: now[0])
    assert show is not None
    show(Progress("表.xlsx", 10_000))
    assert stream.getvalue() == ""  # short so far: nothing
    now[0] = 2.5
    show(Progress("表.xlsx", 20_000))
    line = "正在读取 表.xlsx：20,000 行 / reading 表.xlsx: 20,000 rows"
    assert stream.getvalue() == "\r" + line
    show(Progress("表.xlsx", 5, unit="页"))  # a shorter line covers the longer one
    shorter = "正在读取 表.xlsx：5 页 / reading 表.xlsx: 5 pages"
    assert stream.getvalue().endswith("\r" + shorter + " " * 9)  # 4 + 5 columns fewer
    show(Progress("表.xlsx", 30_000, final=True))
    assert stream.getvalue().endswith("\r" + " " * 49 + "\r")  # 41 characters, 8 wide
    assert "\n" not in stream.getvalue() and "\x1b" not in stream.getvalue()


def test_many_rows_count_as_long_at_once() -> None:
    stream = _Terminal()
    show = terminal(stream, clock=lambda: 0.0)
    assert show is not None
    show(Progress("表.csv", 50_000))
    assert "50,000 行" in stream.getvalue()


def test_a_short_read_shows_nothing() -> None:
    stream = _Terminal()
    show = terminal(stream, clock=lambda: 0.0)
    assert show is not None
    show(Progress("表.csv", 10_000))
    show(Progress("表.csv", 12_000, final=True))
    assert stream.getvalue() == ""


def test_a_silent_loader_still_shows_a_line_after_a_while() -> None:
    stream = _Terminal()
    show = terminal(stream, after_seconds=0.05)
    assert show is not None
    show(Progress("表.xlsx", 0))  # the start; then openpyxl loads for long without a word
    for _ in range(100):
        if stream.getvalue():
            break
        time.sleep(0.02)
    assert stream.getvalue() == "\r正在读取 表.xlsx：0 行 / reading 表.xlsx: 0 rows"
    show.close()  # a read that failed: the line blanked, the timer gone
    assert stream.getvalue().endswith("\r" + " " * 48 + "\r")


def test_the_timer_shows_how_far_a_load_is_and_bytes_are_not_rows() -> None:
    stream = _Terminal()
    show = terminal(stream, after_seconds=0.05, after_rows=10)
    assert show is not None
    show(Progress("表.xlsx", 0))
    show(Progress("表.xlsx", 450_000, 1_000_000, LOADING))  # not 450,000 rows: no line yet
    assert stream.getvalue() == ""
    for _ in range(100):
        if stream.getvalue():
            break
        time.sleep(0.02)
    assert stream.getvalue() == "\r正在读取 表.xlsx：载入 45% / reading 表.xlsx: loading 45%"
    show(Progress("表.xlsx", 20))  # then the rows, on the same line
    assert stream.getvalue().split("\r")[-1].startswith("正在读取 表.xlsx：20 行 / reading")
    show(Progress("表.xlsx", 30, final=True))
    assert stream.getvalue().endswith("\r")


def test_a_quick_read_leaves_no_timer_behind() -> None:
    stream = _Terminal()
    show = terminal(stream, after_seconds=0.05)
    assert show is not None
    show(Progress("表.csv", 0))
    show(Progress("表.csv", 12, final=True))
    time.sleep(0.15)
    assert stream.getvalue() == ""


def test_off_a_terminal_there_is_no_callback() -> None:
    assert terminal(io.StringIO()) is None


# --- the CLI ---------------------------------------------------------------------------------


@pytest.fixture
def long_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(progress_module, "EVERY", 100)
    monkeypatch.setattr(cli, "terminal", functools.partial(terminal, after_rows=200))
    path = tmp_path / "表.csv"
    path.write_text(_long_csv(499), encoding="utf-8")
    return path


def test_the_cli_shows_progress_on_a_terminal(
    long_table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stderr = _Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    assert cli.main(["lint", str(long_table)]) in (0, 1)
    assert "\r正在读取" in stderr.getvalue() and "/ reading" in stderr.getvalue()
    assert "400 行 / reading" in stderr.getvalue()


@pytest.mark.parametrize("terminal_stderr", [True, False])
def test_the_cli_shows_no_progress_quiet_or_off_a_terminal(
    long_table: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    terminal_stderr: bool,
) -> None:
    if terminal_stderr:
        stderr = _Terminal()
        monkeypatch.setattr("sys.stderr", stderr)
        cli.main(["lint", str(long_table), "-q"])
        assert "正在读取" not in stderr.getvalue()
    else:
        cli.main(["lint", str(long_table)])
        assert "正在读取" not in capsys.readouterr().err


# --- the law: progress never changes what is read --------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(projects(), max_size=4, unique_by=lambda p: p.number), st.integers(1, 5))
def test_progress_never_changes_what_is_read(listed: list, every: int) -> None:
    spec = Spec(projects=sorted(listed, key=lambda p: p.number))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(long_table_rows(spec))
    data = buffer.getvalue().encode("utf-8")
    plain = read_data(data, source="x.csv")
    seen: list[Progress] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(progress_module, "EVERY", every)
        watched = read_data(data, source="x.csv", progress=seen.append)
    assert watched == plain
    assert seen and seen[-1].final


def test_progress_never_changes_a_workbook_read(tmp_path: Path) -> None:
    path = tmp_path / "表.xlsx"
    spec = read(Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec").spec
    assert spec is not None
    write(spec, path)
    seen: list[Progress] = []
    assert read(path, progress=seen.append) == read(path)
    assert seen[-1].final and seen[-1].source == str(path)


def test_the_cli_on_a_real_pseudo_terminal(
    long_table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    with open(follower, "w", encoding="utf-8") as stderr, open(leader, "rb", buffering=0) as screen:
        assert stderr.isatty()
        monkeypatch.setattr("sys.stderr", stderr)
        status = cli.main(["lint", str(long_table)])
        stderr.flush()
        shown = b""
        while select.select([screen], [], [], 0.2)[0]:
            shown += screen.read(65536)
    assert status in (0, 1)
    text = shown.decode("utf-8")
    assert "正在读取" in text and "400 行 / reading" in text and "\x1b" not in text


def test_the_cli_shows_a_workbook_load_on_a_real_pseudo_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pty = pytest.importorskip("pty")
    path = tmp_path / "表.xlsx"
    spec = read(Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec").spec
    assert spec is not None
    write(spec, path)
    # a terminal line that shows at once: every step of openpyxl's load is on screen, then rows
    monkeypatch.setattr(cli, "terminal", functools.partial(terminal, after_seconds=0))
    monkeypatch.setattr(progress_module, "EVERY", 5)
    leader, follower = pty.openpty()
    with open(follower, "w", encoding="utf-8") as stderr, open(leader, "rb", buffering=0) as screen:
        # the screen is read while the verb writes: a pty holds a few KB, a writer waits
        shown: list[bytes] = []
        done = threading.Event()

        def watch() -> None:
            while True:
                if select.select([screen], [], [], 0.2)[0]:
                    shown.append(screen.read(65536))
                elif done.is_set():
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        monkeypatch.setattr("sys.stderr", stderr)
        status = cli.main(["lint", str(path)])
        stderr.flush()
        done.set()
        watcher.join(timeout=30)
    assert status in (0, 1) and not watcher.is_alive()
    lines = [line.strip() for line in b"".join(shown).decode("utf-8").split("\r") if line.strip()]
    loading = [line for line in lines if "载入" in line]
    assert loading[0].endswith("loading 0%") and loading[-1].endswith("loading 100%")
    assert lines.index(loading[-1]) < max(i for i, line in enumerate(lines) if " 行 / " in line)
    assert "\x1b" not in "".join(lines)
