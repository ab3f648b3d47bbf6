"""pytest runs the examples in these pages (``--doctest-glob='*.md'``); the Sphinx
configuration is not a module to collect."""

collect_ignore = ["conf.py"]
