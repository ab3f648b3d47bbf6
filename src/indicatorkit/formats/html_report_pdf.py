"""A printable PDF of the HTML report, through Chromium's own print (``--print-to-pdf``): the
same page, laid out by its print style sheet (A4 landscape, a project per page).

Chromium is found as ``chromium=``, else ``$INDICATORKIT_CHROMIUM``, else the first of
:data:`CHROMIUM_NAMES` on ``PATH``; without one, :class:`~indicatorkit.formats.html_report_page.ReportError`
says how to install it.  Nothing is fetched from the network: the page is self-contained and
Chromium runs with its background networking off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from indicatorkit.formats.html_report import render_page
from indicatorkit.formats.html_report_page import ReportError, ReportPage
from indicatorkit.formats.output import OutputError, OutputIsInputError, refuse_inputs, write_bytes

__all__ = [
    "CHROMIUM_FLAGS",
    "CHROMIUM_NAMES",
    "DEFAULT_TIMEOUT",
    "chromium_command",
    "find_chromium",
    "print_pdf",
    "sandbox_flags",
    "write_report_pdf",
]

#: Executables tried, in order, on ``PATH``.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: Headless, no first-run, no network of its own (updates, sync, QUIC).  Chromium keeps its
#: sandbox, except for root, where it cannot start one (:func:`chromium_command` adds
#: ``--no-sandbox`` then only).
CHROMIUM_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
)
#: The window the page is laid out in before printing: A4 landscape less the 12 mm margins.
_WINDOW = "--window-size=1032,1400"
INSTALL_HINT = (
    "安装 Chromium（Debian/Ubuntu：apt-get install chromium）或用 INDICATORKIT_CHROMIUM 指明它的路径 / "
    "install Chromium (Debian/Ubuntu: apt-get install chromium) or name it in INDICATORKIT_CHROMIUM"
)


def find_chromium(executable: str | None = None) -> str:
    """The Chromium to print with: ``executable``, ``$INDICATORKIT_CHROMIUM`` or the first of
    :data:`CHROMIUM_NAMES` on ``PATH``.

    >>> find_chromium("/no/such/chromium")
    Traceback (most recent call last):
      ...
    indicatorkit.formats.html_report_page.ReportError: 找不到 Chromium：/no/such/chromium (Chromium not found) — 安装 Chromium（Debian/Ubuntu：apt-get install chromium）或用 INDICATORKIT_CHROMIUM 指明它的路径 / install Chromium (Debian/Ubuntu: apt-get install chromium) or name it in INDICATORKIT_CHROMIUM
    """
    named = executable or os.environ.get("INDICATORKIT_CHROMIUM")
    if named:
        found = shutil.which(named)
        if found is None:
            raise ReportError(f"找不到 Chromium：{named} (Chromium not found) — {INSTALL_HINT}")
        return found
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found is not None:
            return found
    raise ReportError(f"找不到 Chromium (Chromium not found) — {INSTALL_HINT}")


def sandbox_flags(user: int | None = None) -> tuple[str, ...]:
    """``("--no-sandbox",)`` for root (``user`` 0; default: the effective user of this
    process), where Chromium's sandbox cannot start; nothing otherwise, so Chromium runs
    sandboxed.

    >>> sandbox_flags(0), sandbox_flags(1000)
    (('--no-sandbox',), ())
    """
    if user is None:
        user = os.geteuid() if hasattr(os, "geteuid") else 1
    return ("--no-sandbox",) if user == 0 else ()


def chromium_command(executable: str, page: Path, printed: Path, profile: Path) -> list[str]:
    """The command line that prints ``page`` to ``printed``.

    >>> command = chromium_command("chromium", Path("/t/r.html"), Path("/t/r.pdf"), Path("/t/p"))
    >>> command[0], "--headless" in command, command[-1]
    ('chromium', True, 'file:///t/r.html')
    """
    return [
        executable,
        *CHROMIUM_FLAGS,
        *sandbox_flags(),
        _WINDOW,
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        "--virtual-time-budget=10000",
        f"--print-to-pdf={printed}",
        page.as_uri(),
    ]


#: Seconds Chromium is given to print by default (``timeout=``, ``report --timeout``).
DEFAULT_TIMEOUT = 180.0


def print_pdf(
    html: str,
    path: str | os.PathLike[str],
    *,
    chromium: str | None = None,
    timeout: float | None = None,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Print the page ``html`` to the PDF ``path`` with headless Chromium, given ``timeout``
    seconds (default :data:`DEFAULT_TIMEOUT`); the path written (whole or not at all; one of
    ``inputs`` is refused before Chromium runs: :mod:`~indicatorkit.formats.output`).

    Chromium failing, timing out or leaving no PDF is a :class:`ReportError` with the end of
    what it said.  Without Chromium nothing is run and nothing is written:

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "报告.pdf"
    ...     try:
    ...         print_pdf("<!DOCTYPE html><p>甲</p>", path, chromium="/no/such/chromium")
    ...     except ReportError as error:
    ...         print(str(error).split(" — ")[0], path.exists())
    找不到 Chromium：/no/such/chromium (Chromium not found) False
    """
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    if not timeout > 0:
        raise ReportError(f"超时应为正数秒 / the timeout is a number of seconds > 0: {timeout}")
    inputs = list(inputs)
    target = Path(path)
    refuse_inputs(target, inputs)
    executable = find_chromium(chromium)
    with tempfile.TemporaryDirectory(prefix="indicatorkit-pdf-") as work:
        page = Path(work) / "report.html"
        page.write_text(html, encoding="utf-8")
        printed = Path(work) / "report.pdf"
        command = chromium_command(executable, page, printed, Path(work) / "profile")
        try:
            run = subprocess.run(
                command, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL, check=False
            )
        except subprocess.TimeoutExpired:
            raise ReportError(
                f"Chromium 打印超时（{timeout:g} 秒）/ Chromium did not print within {timeout:g} s"
                " — 项目多时用 --timeout 给更多时间 / give it more with --timeout (timeout=)"
            ) from None
        except OSError as error:
            raise ReportError(
                f"无法运行 Chromium / cannot run Chromium ({executable}): {error.strerror or error}"
            ) from None
        data = printed.read_bytes() if printed.is_file() else b""
        if run.returncode != 0 or not data.startswith(b"%PDF"):
            said = run.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise ReportError(
                f"Chromium 未能打印 PDF（退出码 {run.returncode}）/ Chromium printed no PDF "
                f"(exit status {run.returncode})" + ("：\n  " + "\n  ".join(said) if said else "")
            )
    try:
        write_bytes(target, data, inputs=inputs)
    except OutputIsInputError:
        raise
    except OutputError as error:
        raise ReportError(
            f"{target}: 无法写入 PDF / cannot write the PDF: {error.reason}"
        ) from None
    return target


def write_report_pdf(
    page: ReportPage,
    path: str | os.PathLike[str],
    *,
    chromium: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """``page`` (built by :func:`~indicatorkit.formats.html_report_page.build_page`) rendered
    and printed to the PDF ``path`` (Chromium given ``timeout`` seconds).

    A missing Chromium is a :class:`ReportError` that says how to install it (here one is
    named that is not there, so nothing is run):

    >>> import tempfile, pathlib
    >>> from indicatorkit import loads
    >>> from indicatorkit.formats.html_report_page import build_page
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")
    >>> page = build_page(assess(spec, year=2025))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "报告.pdf"
    ...     try:
    ...         write_report_pdf(page, path, chromium="/no/such/chromium")
    ...     except ReportError as error:
    ...         print("apt-get install chromium" in str(error), path.exists())
    True False
    """
    return print_pdf(render_page(page), path, chromium=chromium, timeout=timeout)
