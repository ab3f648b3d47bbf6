"""The HTML report in a real headless Chromium (Debian's ``chromium``, driven by playwright —
never playwright's own downloaded browsers): the page loads offline with no console error,
the charts draw with the report's series, the numbers read from the DOM equal the scoring's,
and a screenshot is kept in ``tests/artefacts/`` (git-ignored).  ``--pdf`` gives a PDF with
pages and the report's text.

Without Chromium these tests are skipped locally; in CI (``CI=true``) its absence fails.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from indicatorkit import lint, load, loads
from indicatorkit.cli import main
from indicatorkit.formats.html_report import ReportError, render_report, write_report
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.formats.html_report_pdf import CHROMIUM_FLAGS, find_chromium, print_pdf
from indicatorkit.scoring.assessment import assess
from tests.html_report_expectations import expected_facts, expected_numbers, expected_spending
from tests.test_html_report import SMALL

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"
ARTEFACTS = ROOT / "tests" / "artefacts"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _chromium() -> str:
    try:
        return find_chromium(os.environ.get("INDICATORKIT_CHROMIUM") or None)
    except ReportError as error:
        if IN_CI:
            pytest.fail(f"CI=true but Chromium is missing ({error}); .ci/run installs it")
        pytest.skip(f"Chromium 不在本机 / Chromium is not installed: {error}")


@pytest.fixture(scope="module")
def chromium() -> str:
    return _chromium()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        if IN_CI:
            pytest.fail(f"CI=true but playwright is missing: {error}")
        pytest.skip(f"playwright is not installed: {error}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_FLAGS))
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def example_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(
        build_page(assess(load(EXAMPLE))), tmp_path_factory.mktemp("report") / "report.html"
    )


@pytest.fixture(scope="module")
def loaded(browser: Any, example_file: Path) -> Iterator[tuple[Any, list[str], list[str]]]:
    """The example's page, loaded; what the console said (errors and warnings) and every
    request that was not for the file itself."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    console: list[str] = []
    requests: list[str] = []
    page.on(
        "console",
        lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: console.append(f"requestfailed: {r.url}"))
    page.on("request", lambda r: requests.append(r.url) if r.url != example_file.as_uri() else None)
    page.goto(example_file.as_uri(), wait_until="load")
    page.wait_for_function("window.indicatorkitCharts && window.indicatorkitCharts.length > 0")
    try:
        yield page, console, requests
    finally:
        page.close()


def test_the_page_loads_offline_with_no_console_error(loaded: Any) -> None:
    page, console, requests = loaded
    assert console == []
    assert requests == []  # nothing fetched: no CDN, no font, no image
    assert page.title().startswith("玉田县司法局本级")


def test_the_charts_draw_with_the_reports_series(loaded: Any) -> None:
    page, _, _ = loaded
    spec = load(EXAMPLE)
    expected = expected_numbers(spec)
    charts = page.evaluate(
        """() => window.indicatorkitCharts.map(chart => {
            const option = chart.getOption();
            return {id: chart.getDom().id,
                    series: option.series.map(s => ({name: s.name,
                        data: s.data.map(d => d === null ? null :
                                      (typeof d === 'object' ? d.value : d))}))};
        })"""
    )
    projects = [p for p in spec.projects if p.indicators and p.withheld is None]
    assert [c["id"] for c in charts] == ["chart-levels"] + [
        f"chart-spending-{p.number}" for p in projects
    ]
    levels = charts[0]["series"]
    assert [s["name"] for s in levels] == ["产出指标", "效益指标", "满意度指标", "预算执行率"]
    for series in levels:
        drawn = [f"{value:.2f}" for value in series["data"]]
        assert drawn == [expected[f"p{p.number}.level.{series['name']}"] for p in projects]
    spending = expected_spending(spec)
    for chart, project in zip(charts[1:], projects, strict=True):
        planned, spent = chart["series"]
        points = len(planned["data"])
        assert [f"{v:.2f}%" for v in planned["data"]] == [
            spending[f"p{project.number}.spending.{i}.planned"] for i in range(points)
        ]
        assert [f"{v:.2f}%" for v in spent["data"]] == [
            spending[f"p{project.number}.spending.{i}.spent"] for i in range(points)
        ]
    # drawn, not only configured: an SVG with bars (paths) and Chinese labels in it
    bars = page.locator("#chart-levels svg path").count()
    assert bars >= 4 * len(projects)
    assert "产出指标" in page.locator("#chart-levels svg").inner_html()
    box = page.locator("#chart-levels svg").bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 300


def test_the_numbers_in_the_dom_are_the_reports(loaded: Any) -> None:
    page, _, _ = loaded
    spec = load(EXAMPLE)
    shown = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[data-key]')]
                 .map(e => [e.dataset.key, e.textContent.trim()]))"""
    )
    assert shown == {**expected_numbers(spec), **expected_spending(spec), **expected_facts(spec)}


def test_chinese_renders_in_a_cjk_font(loaded: Any) -> None:
    page, _, _ = loaded
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "Noto Sans CJK SC" in family and "Microsoft YaHei" in family
    listed = shutil.which("fc-list")
    if listed is None:
        pytest.skip("fc-list is not installed: cannot ask fontconfig for a Chinese font")
    fonts = subprocess.run([listed, ":lang=zh", "family"], capture_output=True, text=True).stdout
    if not fonts.strip():
        message = "no Chinese font installed (apt-get install fonts-noto-cjk)"
        pytest.fail(message) if IN_CI else pytest.skip(message)


def test_a_screenshot_is_kept(loaded: Any) -> None:
    page, _, _ = loaded
    ARTEFACTS.mkdir(exist_ok=True)
    shot = ARTEFACTS / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    page.locator("#project-4").screenshot(path=str(ARTEFACTS / "report-project.png"))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")


def test_tables_scroll_sideways_on_a_narrow_screen(browser: Any, example_file: Path) -> None:
    """On a phone (375 px) the page itself never scrolls sideways: each wide table scrolls
    inside its own box, and the whole table can be reached."""
    page = browser.new_page(viewport={"width": 375, "height": 740})
    try:
        page.goto(example_file.as_uri(), wait_until="load")
        page_width = page.evaluate("document.documentElement.scrollWidth")
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.scroll')].map(box => ({
                   table: box.querySelector('table').className,
                   overflow: getComputedStyle(box).overflowX,
                   wide: box.scrollWidth > box.clientWidth + 1,
                   inside: box.getBoundingClientRect().right <= window.innerWidth + 1,
                   reached: (box.scrollLeft = box.scrollWidth, box.scrollLeft > 0)
                                || box.scrollWidth <= box.clientWidth + 1}))"""
        )
    finally:
        page.close()
    assert page_width <= 375 + 1  # no sideways scrolling of the page
    tables = [p for p in load(EXAMPLE).projects if p.indicators and p.withheld is None]
    assert sum(box["table"] == "indicators" for box in boxes) == len(tables)
    assert all(box["overflow"] == "auto" and box["inside"] and box["reached"] for box in boxes)
    assert all(box["wide"] for box in boxes if box["table"] == "indicators")


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def test_pdf_has_pages_and_the_reports_text(
    chromium: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    spec = load(EXAMPLE)
    written = print_pdf(render_report(assess(spec)), tmp_path / "report.pdf", chromium=chromium)
    data = written.read_bytes()
    assert data.startswith(b"%PDF")
    try:
        import pdfplumber
    except ImportError:
        assert _pages(written) >= 2
        return
    # its FontBBox notes on CJK fonts; caplog puts the level back (a later test checks it)
    caplog.set_level(logging.ERROR, logger="pdfminer")
    with pdfplumber.open(written) as pdf:  # each page's text extracted once (0.4 s a page)
        printed = [page.extract_text() or "" for page in pdf.pages]
    assert len(printed) >= 1 + len([p for p in spec.projects if p.indicators])
    # every finding is printed, though the screen folds the list away
    assert len(re.findall(r"<text>:\d+:\d+", "\n".join(printed))) == len(lint(spec))
    # NFKC maps the Kangxi radicals some CJK fonts' maps give back (⽟ → 玉), not all of them
    texts = [unicodedata.normalize("NFKC", text) for text in printed]
    assert "玉田县司法局本级 2025年 预算绩效自评报告" in texts[0]
    assert expected_numbers(spec)["department.total"] in texts[0]
    # every page is numbered, and the findings come last, as an appendix
    total = len(texts)
    for number, text in enumerate(texts, 1):
        assert f"page {number} of {total}" in text
    appendix = min(i for i, text in enumerate(texts) if "Appendix: findings" in text)
    last_project = max(i for i, text in enumerate(texts) if "Indicators" in text)
    assert appendix > last_project
    assert not any(re.search(r"<text>:\d+:\d+", text) for text in texts[:appendix])
    ARTEFACTS.mkdir(exist_ok=True)
    shutil.copyfile(written, ARTEFACTS / "report.pdf")


def test_report_verb_writes_html_and_pdf(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    status = main(["report", str(EXAMPLE), "-o", str(html), "--pdf", "--format", "json"])
    assert status == 1  # the example keeps the seed's two IK201 typos: lint errors
    summary = json.loads(capsys.readouterr().out)
    assert summary["pdf"] == str(pdf) and summary["findings"]["error"] == 2
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert pdf.read_bytes().startswith(b"%PDF") and _pages(pdf) >= 1
    clean = tmp_path / "clean.pdf"
    assert main(["report", str(EXAMPLE), "--pdf", str(clean), "--no-findings", "-q"]) == 1
    assert 1 <= _pages(clean) < _pages(pdf)  # the filed copy has no appendix


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SMALL, id="undecided points, one project"),
        pytest.param("部门 1 示例局\n\n项目 6-13\n  暂不公开：涉密\n", id="nothing scored"),
        pytest.param(
            SMALL.replace("  累计支出：6月底 35%，12月底 95%\n", "").replace(
                "  支出计划：6月底 50%，12月底 100%\n", ""
            ),
            id="no spending plan",
        ),
    ],
)
def test_other_pages_load_without_console_errors(browser: Any, tmp_path: Path, text: str) -> None:
    spec = loads(text)
    path = write_report(build_page(assess(spec, year=2025)), tmp_path / "page.html")
    page = browser.new_page(viewport={"width": 900, "height": 700})
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    try:
        page.goto(path.as_uri(), wait_until="load")
        shown = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('[data-key]')]
                     .map(e => [e.dataset.key, e.textContent.trim()]))"""
        )
        charts = page.evaluate("window.indicatorkitCharts.length")
    finally:
        page.close()
    assert console == []
    assert {k: shown[k] for k in expected_numbers(spec)} == expected_numbers(spec)
    scored = [p for p in spec.projects if p.indicators and p.withheld is None]
    assert charts == 1 + sum(1 for p in scored if p.plan is not None or p.spent is not None)


def test_the_chart_tooltip_shows_user_text_as_text(browser: Any, tmp_path: Path) -> None:
    hostile = '<img src=x onerror="window.pwned=1">'
    spec = loads(SMALL.replace("项目 1 法律援助", f"项目 1 {hostile}"))
    path = write_report(build_page(assess(spec, year=2025)), tmp_path / "page.html")
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate(
            "window.indicatorkitCharts[0].dispatchAction("
            "{type: 'showTip', seriesIndex: 0, dataIndex: 0})"
        )
        page.wait_for_timeout(300)
        tooltip = page.evaluate(
            """() => [...document.querySelectorAll('#chart-levels div')]
                     .map(d => d.textContent).join(' ')"""
        )
        pwned = page.evaluate("window.pwned === 1")
    finally:
        page.close()
    assert not pwned
    assert hostile in tooltip and "37.50" in tooltip
