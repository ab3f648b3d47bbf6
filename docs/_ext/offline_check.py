"""Fail the docs build when a page would load anything from the network (离线可读).

The site must read on an intranet: no script, style sheet, font or image from a CDN.  After
the HTML is written, every page and style sheet is scanned; each external load is a warning
naming the file and the address, and ``-W`` (``scripts/docs``) makes it an error.  Ordinary
links (``<a href="https://…">``) are not loads and are allowed.

>>> external_loads('<script src="https://cdn.example/x.js"></script><a href="https://ok">x</a>')
['https://cdn.example/x.js']
>>> external_loads('<link rel="stylesheet" href="//fonts.example/css">')
['//fonts.example/css']
>>> external_loads("@import url('https://fonts.example/a.css'); src: url(fonts/a.woff2)")
['https://fonts.example/a.css']
>>> external_loads('<link rel="stylesheet" href="_static/basic.css"><img src="a.png">')
[]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.util import logging

__all__ = ["external_loads", "setup"]

_REMOTE = r"(?:https?:)?//[^\s\"'<>)]+"
_LOADS = (
    # <script src>, <img src>, <iframe src>, <source src>, <embed src>, <audio/video src>
    re.compile(
        rf"<(?:script|img|iframe|source|embed|audio|video)\b[^>]*?\bsrc\s*=\s*[\"']?({_REMOTE})",
        re.I,
    ),
    # <link href> of every kind (style sheets, fonts, preloads, icons)
    re.compile(rf"<link\b[^>]*?\bhref\s*=\s*[\"']?({_REMOTE})", re.I),
    # CSS: url(...) and @import "..."
    re.compile(rf"url\(\s*[\"']?({_REMOTE})", re.I),
    re.compile(rf"@import\s+[\"']({_REMOTE})", re.I),
)

logger = logging.getLogger(__name__)


def external_loads(text: str) -> list[str]:
    """Every address ``text`` (HTML or CSS) would load from another host, in order."""
    found: list[tuple[int, str]] = []
    for pattern in _LOADS:
        found.extend((match.start(1), match.group(1)) for match in pattern.finditer(text))
    return [address for _, address in sorted(found)]


def _check(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for path in sorted(out.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        for address in external_loads(path.read_text(encoding="utf-8", errors="replace")):
            logger.warning(
                "页面从网络加载 %s / the page loads %s from the network: %s",
                address,
                address,
                path.relative_to(out),
            )


def setup(app: Any) -> dict[str, Any]:
    app.connect("build-finished", _check)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
