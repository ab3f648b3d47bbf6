"""The ``indicatorkit`` command's entry point: ``indicatorkit --version`` is answered at once,
without importing the library; anything else runs :func:`indicatorkit.cli.main`.

>>> main(["--version"])  # doctest: +ELLIPSIS
indicatorkit ...
0
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from indicatorkit.distribution import version

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command (``argv``: the arguments, ``sys.argv[1:]`` when ``None``); return its
    exit status.

    >>> main(["parse", "≥95%"])  # doctest: +ELLIPSIS
    ≥95%...
    0
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:
        sys.stdout.write(f"indicatorkit {version()}\n")
        sys.stdout.flush()
        return 0
    from indicatorkit.cli import main as run

    return run(arguments)
