"""Where the ``.lark`` grammar files are: inside the installed package (the wheel ships
``grammar/`` as ``indicatorkit/grammar/``), or in ``grammar/`` beside ``src/`` in a checkout —
and what the target grammar reads, as its tables wrote it down (``target.words.json``, made by
``python -m indicatorkit.language``) for the readers that work without it.

>>> read_grammar("target.lark").startswith("//")
True
>>> terminal_words("MONTH"), "的" in token_starts()
(('月份', '月'), True)
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["grammar_path", "read_grammar", "terminal_words", "token_starts"]


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


@cache
def _target_words() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    table = json.loads(read_grammar("target.words.json"))
    words = {name: tuple(listed) for name, listed in table["words"].items()}
    return frozenset(table["token_starts"]), words


def token_starts() -> frozenset[str]:
    """Every character a token of the target grammar can start with (a unit word's aside):
    where a unit word could take a character the grammar needs.

    >>> sorted(set("的同时") & token_starts())
    ['同', '的']
    """
    return _target_words()[0]


def terminal_words(name: str) -> tuple[str, ...]:
    """The words the target grammar's terminal ``name`` matches, longest first (a terminal of
    a few words only: ``DASH``, ``PER``, ``MONTH`` …; ``KeyError`` for any other).

    >>> terminal_words("DASH"), terminal_words("PER")
    (('-', '負', '负'), ('/', '每'))
    """
    return _target_words()[1][name]
