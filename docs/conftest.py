"""pytest runs the examples in these pages (``--doctest-glob='*.md'``); the Sphinx
configuration is not a module to collect; a page whose examples need an optional extra is
not collected without it."""

import importlib.util

collect_ignore = ["conf.py"]
if importlib.util.find_spec("pyarrow") is None:
    collect_ignore.append("batch.md")
