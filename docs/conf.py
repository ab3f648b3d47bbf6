"""Sphinx configuration of the indicatorkit documentation site (文档站点).

Build it with ``bash scripts/docs`` (into ``build/docs``, warnings are errors; the theme is furo,
the toolchain pinned in the ``docs`` extra).  Markdown stays
the source (MyST); the API reference comes from the docstrings (autodoc); the search index
splits Chinese into overlapping two-character pieces (``_ext/zh_bigram_search.py``, no jieba
needed); the built pages load nothing from the network (``_ext/offline_check.py`` fails the
build otherwise), so the site reads on an intranet; Chinese lines of a paragraph join without
a space (``_ext/cjk_line_breaks.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

import indicatorkit  # noqa: E402  (after the path: the extensions sit beside this file)

project = "indicatorkit"
author = "indicatorkit developers"
copyright = "indicatorkit developers"
release = indicatorkit.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "zh_bigram_search",
    "cjk_line_breaks",
    "offline_check",
    "rule_sets_table",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "conftest.py", "Thumbs.db", ".DS_Store"]
language = "zh_CN"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The top-level names are documented twice on purpose: where users import them
# (``indicatorkit.Finding``) and in their home module (``indicatorkit.model.findings.Finding``);
# a short reference to either is the same object, so that ambiguity is not worth a warning.
suppress_warnings = ["ref.python"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = False
napoleon_numpy_docstring = False

# furo (as attrs uses): a maintained theme whose code blocks scroll instead of being cut, with a
# sidebar of the pages; it names no web font, and the stacks below keep Chinese in a system font
html_theme = "furo"
html_title = f"indicatorkit {release}"
html_search_language = "zh"
html_static_path: list[str] = []
_FONTS = {
    "font-stack": "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif",
    "font-stack--monospace": "ui-monospace, 'Sarasa Mono SC', Consolas, 'Noto Sans Mono CJK SC', monospace",
}
html_theme_options = {"light_css_variables": _FONTS, "dark_css_variables": _FONTS}
html_show_sourcelink = False
html_copy_source = False
