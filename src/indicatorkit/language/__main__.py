"""``python -m indicatorkit.language [--check]``: regenerate the shipped tables — the target
grammar's LALR tables and the resolved unit words (see :mod:`indicatorkit.language.tables`)."""

from indicatorkit.language.tables import main

if __name__ == "__main__":
    raise SystemExit(main())
