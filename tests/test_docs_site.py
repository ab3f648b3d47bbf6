"""The documentation: every code documented, every public name with a runnable example, and a
site that builds without warnings, searches Chinese and English in a real headless Chromium
(the report tests' fixtures: Debian's ``chromium`` driven by playwright) and loads nothing from
the network."""

from __future__ import annotations

import doctest
import importlib
import inspect
import json
import pkgutil
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import indicatorkit
from tests import test_html_report_browser as report_browser

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "src" / "indicatorkit"
DOCS = ROOT / "docs"
CODES_PAGE = DOCS / "codes.md"
CODE = re.compile(r"\b(?:IK\d{3}|T\d{3})\b")

sys.path.insert(0, str(DOCS / "_ext"))


# --- every code on the codes page -----------------------------------------------------------


def _codes_in_source() -> dict[str, str]:
    """Every code string in ``src/`` and the first file it appears in."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".lark", ".txt", ".json"):
            for code in CODE.findall(path.read_text(encoding="utf-8")):
                found.setdefault(code, str(path.relative_to(ROOT)))
    return found


def test_the_source_has_codes_at_all() -> None:
    codes = _codes_in_source()
    assert {"IK001", "IK050", "IK101", "IK308", "IK401", "IK411", "IK522", "T001"} <= set(codes)


def test_every_code_in_the_source_is_on_the_codes_page() -> None:
    page = CODES_PAGE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `((?:IK|T)\d{3})` \|", page, re.M))
    missing = {code: where for code, where in _codes_in_source().items() if code not in documented}
    assert not missing, (
        f"document these codes in docs/codes.md (a table row starting with | `CODE` |): {missing}"
    )


def test_the_codes_page_documents_no_code_that_does_not_exist() -> None:
    page = CODES_PAGE.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `((?:IK|T)\d{3})` \|", page, re.M))
    assert documented - set(_codes_in_source()) == set()


# --- every public name has a runnable example -------------------------------------------------


def _packages() -> list[ModuleType]:
    """indicatorkit and each of its subpackages that declares ``__all__``."""
    packages = [indicatorkit]
    for info in pkgutil.walk_packages(indicatorkit.__path__, "indicatorkit."):
        if info.ispkg:
            module = importlib.import_module(info.name)
            if hasattr(module, "__all__"):
                packages.append(module)
    return packages


def _modules_listing(name: str) -> list[ModuleType]:
    modules = []
    for info in pkgutil.walk_packages(indicatorkit.__path__, "indicatorkit."):
        module = importlib.import_module(info.name)
        if name in getattr(module, "__all__", ()):
            modules.append(module)
    return [indicatorkit, *modules] if name in indicatorkit.__all__ else modules


def _examples(text: str | None) -> list[doctest.Example]:
    return doctest.DocTestParser().get_examples(text or "")


PUBLIC = sorted({(package.__name__, name) for package in _packages() for name in package.__all__})


def test_subpackages_with_public_names_are_covered() -> None:
    assert {"indicatorkit", "indicatorkit.strategies"} <= {package for package, _ in PUBLIC}


@pytest.mark.parametrize(("package", "name"), PUBLIC)
def test_every_public_name_has_a_runnable_example(package: str, name: str) -> None:
    """A class or function: a ``>>>`` example in its own docstring (pytest runs it).  A
    constant or type alias, which has no docstring of its own: an example using it in the
    docstring of a module that exports it."""
    obj = getattr(importlib.import_module(package), name)
    if inspect.isclass(obj) or inspect.isfunction(obj) or inspect.ismodule(obj):
        assert obj.__doc__, f"{package}.{name} has no docstring"
        assert _examples(obj.__doc__), f"{package}.{name}: add a runnable >>> example"
        return
    using = [
        module.__name__
        for module in _modules_listing(name)
        if any(re.search(rf"\b{name}\b", e.source) for e in _examples(module.__doc__))
    ]
    assert using, f"{package}.{name}: use it in a >>> example of its module's docstring"


# Public names of the target language's inner modules still without an example of their own
# (the package-level names above all have one).  This list only shrinks: a new public class or
# function anywhere comes with a runnable example.
PENDING_EXAMPLES: set[str] = set()


def test_every_public_class_and_function_of_every_module_has_an_example() -> None:
    without = set()
    for info in pkgutil.walk_packages(indicatorkit.__path__, "indicatorkit."):
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if (inspect.isclass(obj) or inspect.isfunction(obj)) and (
                obj.__module__ == module.__name__ and not _examples(obj.__doc__)
            ):
                without.add(f"{module.__name__}.{name}")
    assert sorted(without - PENDING_EXAMPLES) == [], "add a runnable >>> example"
    assert sorted(PENDING_EXAMPLES - without) == [], "done: remove from PENDING_EXAMPLES"


def test_the_errors_module_exports_every_error() -> None:
    from indicatorkit import errors

    exported = set(errors.__all__)
    for name, obj in vars(errors).items():
        if (
            inspect.isclass(obj)
            and issubclass(obj, Exception)
            and obj.__module__ == errors.__name__
        ):
            assert name in exported, name
    assert "InvalidValueError" in exported


# Shared between the library's own modules, not for users: imported across modules, so not
# underscored, and deliberately left out of ``__all__`` (the API reference does not list them).
INTERNAL = {
    "indicatorkit.language.bounds.comparison_bounds",
    "indicatorkit.formats.workbook_grid.date_text",
    "indicatorkit.formats.workbook_grid.number_text",
}


def test_all_is_complete() -> None:
    """Every public class and function a module defines is in its ``__all__``."""
    left_out = []
    for info in pkgutil.walk_packages(indicatorkit.__path__, "indicatorkit."):
        module = importlib.import_module(info.name)
        if not hasattr(module, "__all__"):
            continue
        for name, obj in vars(module).items():
            defined_here = getattr(obj, "__module__", None) == module.__name__
            if (inspect.isclass(obj) or inspect.isfunction(obj)) and defined_here:
                qualified = f"{module.__name__}.{name}"
                if not name.startswith("_") and name not in module.__all__:
                    left_out.append(qualified)
    assert sorted(set(left_out) - INTERNAL) == []


def test_the_actual_alias_means_something_to_a_type_checker() -> None:
    """``Actual`` is a union of concrete types (``… | Any`` would collapse to ``Any``)."""
    from typing import Any, get_args

    from indicatorkit.language import Actual, AnyTarget

    for alias in (Actual, AnyTarget):
        members = get_args(alias)
        assert len(members) >= 4 and Any not in members
        assert all(isinstance(member, type) for member in members)


# --- the site ---------------------------------------------------------------------------------


def test_every_page_is_reachable_from_the_index() -> None:
    """Sphinx warns about an orphan page; this says which, without a build."""
    pages = {
        str(path.relative_to(DOCS).with_suffix(""))
        for path in DOCS.rglob("*.md")
        if "_ext" not in path.parts
    }
    listed = {"index"}
    for path in DOCS.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"```\{toctree\}\n(.*?)```", text, re.S):
            for line in block.splitlines():
                entry = line.strip()
                if entry and not entry.startswith(":"):
                    base = path.parent.relative_to(DOCS)
                    listed.add(str(base / entry).removeprefix("./"))
    assert pages - listed == set()


def test_the_api_reference_groups_every_top_level_name_once() -> None:
    """``docs/api/index.md`` lists the names of ``indicatorkit`` by task: each exactly once."""
    page = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\.\. auto(?:function|class|exception|data):: (\w+)$", page, re.M)
    assert len(listed) == len(set(listed)), "a name listed twice"
    assert sorted(listed) == sorted(indicatorkit.__all__)


def test_the_bigram_search_splits_queries_as_it_splits_pages() -> None:
    """The JavaScript that splits a query and the Python that splits a page agree."""
    from zh_bigram_search import _JS_SPLITTER, split_text

    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("needs node to run the JavaScript splitter")
    samples = ["审核目标表", "IK105 错误", "parse_target 与 check", "元", "≥95%，及时足额发放"]
    script = _JS_SPLITTER + f"\nconsole.log(JSON.stringify({json.dumps(samples)}.map(splitQuery)));"
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [split_text(sample) for sample in samples]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("sphinx", reason="the docs extra: pip install 'indicatorkit[docs]'")
    pytest.importorskip("myst_parser", reason="the docs extra: pip install 'indicatorkit[docs]'")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "--keep-going",
            "-q",
            "-d",
            str(out / "doctrees"),
            str(DOCS),
            str(out / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # warnings are errors
    return out / "html"


def test_the_site_loads_nothing_from_the_network(site: Path) -> None:
    from offline_check import external_loads

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in [*pages, *site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert external_loads(text) == [], path
        assert not re.search(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=\"https?://", text), path


def test_the_site_has_every_page_and_an_api_reference(site: Path) -> None:
    for page in ("quickstart", "cli", "codes", "changelog", "guides/lint", "api/index"):
        assert (site / f"{page}.html").is_file(), page
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    for name in ("parse_target", "to_json", "define_unit", "score", "dump"):
        assert f'id="indicatorkit.{name}"' in api, name
    language = (site / "api" / "language.html").read_text(encoding="utf-8")
    assert 'id="indicatorkit.language.targets.CheckResult"' in language  # moved from the top
    # Chinese lines of a paragraph join without a space (docs/_ext/cjk_line_breaks.py)
    lint_page = (site / "guides" / "lint.html").read_text(encoding="utf-8")
    assert "问题都指到文件" in lint_page and "问题都 指到" not in lint_page
    assert 'id="indicatorkit.strategies.comparisons"' in (
        site / "api" / "strategies.html"
    ).read_text(encoding="utf-8")


def test_the_search_index_holds_chinese(site: Path) -> None:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    terms = index["terms"]
    for term in ("审核", "目标", "打分", "ik105", "parse_target"):
        assert term in terms, term
    assert "splitQuery" in (site / "_static" / "language_data.js").read_text(encoding="utf-8")


# the report tests' fixtures: Debian's chromium (skipped without it, a failure in CI), playwright
chromium = report_browser.chromium
browser = report_browser.browser


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The built site over HTTP on the loopback (as an intranet server would give it; a page
    opened from disk cannot fetch the result snippets)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _search(browser: Any, base: str, query: str) -> tuple[list[str], list[str]]:
    """The pages the site's search page lists for ``query`` (once the search has finished), and
    the page errors of the run."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{base}/search.html?q={urllib.parse.quote(query)}")
        # finished: Sphinx retitles the results "Search Results" (in the page's language)
        page.wait_for_function(
            "() => document.querySelector('#search-results h2')?.textContent"
            " === Documentation.gettext('Search Results')",
            timeout=20_000,
        )
        links = page.eval_on_selector_all(
            "#search-results ul.search li a", "anchors => anchors.map(a => a.getAttribute('href'))"
        )
    finally:
        page.close()
    return [link.split("#")[0] for link in links], errors


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("条件格式", "guides/spreadsheet-habits.html"),  # Chinese
        ("打分", "scoring.html"),
        ("审核目标表", "guides/lint.html"),
        ("parse_target", "api/index.html"),  # English: a code name
        ("workbooks", "workbooks.html"),  # English: a word of prose, stemmed
        ("wheelhouse", "guides/install.html"),
    ],
)
def test_the_site_search_finds_pages_in_a_browser(
    browser: Any, served: str, query: str, expected: str
) -> None:
    found, errors = _search(browser, served, query)
    assert errors == []
    assert expected in found, found


def test_the_site_search_finds_nothing_for_a_phrase_on_no_page(browser: Any, served: str) -> None:
    found, errors = _search(browser, served, "鲸鱼潜水")
    assert (found, errors) == ([], [])


def test_the_search_stemmer_is_defined(site: Path) -> None:
    """The constructor that ``language_data.js`` assigns to ``window.Stemmer`` is defined in it
    (Sphinx 9 named ``ChineseStemmer``, which is not, and every query hung)."""
    text = (site / "_static" / "language_data.js").read_text(encoding="utf-8")
    assigned = re.search(r"window\.Stemmer = (\w+);", text)
    assert assigned is not None
    assert re.search(rf"\b(?:var|const|let|function) {assigned.group(1)}\b", text)
