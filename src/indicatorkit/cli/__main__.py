"""``python -m indicatorkit.cli``: the command, as ``indicatorkit`` runs it."""

from indicatorkit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
