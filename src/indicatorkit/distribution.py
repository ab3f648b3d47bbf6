"""The installed distribution's version, looked up when asked for (``indicatorkit --version``,
the report's footer): ``importlib.metadata`` would cost every command's start-up.

>>> import indicatorkit
>>> version() in (indicatorkit.__version__, "unknown")
True
"""

from __future__ import annotations

__all__ = ["version"]


def version() -> str:
    """The version of the installed ``indicatorkit`` — :data:`indicatorkit.__version__`
    (``tests/test_cli.py`` checks) — or ``"unknown"`` when it runs from a source tree that is
    not installed.

    >>> version().count(".") >= 1 or version() == "unknown"
    True
    """
    from importlib import metadata

    try:
        return metadata.version("indicatorkit")
    except metadata.PackageNotFoundError:
        return "unknown"
