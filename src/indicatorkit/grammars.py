"""Where the ``.lark`` grammar files are: inside the installed package (the wheel ships
``grammar/`` as ``indicatorkit/grammar/``), or in ``grammar/`` beside ``src/`` in a checkout.

>>> read_grammar("target.lark").startswith("//")
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["grammar_path", "read_grammar"]


def grammar_path(name: str) -> Path:
    """The path of the grammar file ``name`` (``"target.lark"``, ``"spec.lark"``).

    >>> path = grammar_path("target.lark")
    >>> path.name, path.parent.name, path.is_file()
    ('target.lark', 'grammar', True)
    """
    shipped = resources.files("indicatorkit").joinpath("grammar", name)
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "grammar" / name


def read_grammar(name: str) -> str:
    """The text of the grammar file ``name``.

    >>> read_grammar("spec.lark").splitlines()[0]
    '// indicatorkit — the spec file outline (绩效目标规格文件).'
    """
    return grammar_path(name).read_text(encoding="utf-8")
