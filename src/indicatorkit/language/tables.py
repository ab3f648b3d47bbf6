"""The grammars' LALR tables, built ahead of time and shipped beside them in ``grammar/``:
``target.tables.json`` for ``target.lark`` (指标值) and ``spec.tables.json`` for ``spec.lark``
(the spec file's outline).  Reading never constructs a grammar.

Four terminals are *supplied*: their patterns come from the vocabulary tables and the unit
registry (:data:`SUPPLIED`).  An LALR table depends on terminal names only, never on their
patterns, so the shipped tables hold a placeholder for each, and :func:`load_parser` fills in a
registry's patterns when it makes that registry's parser: a new unit (a counting word defined
at run time, T023) costs a lexer, not a grammar.  Loading skips lark's regex-collision check
(``interegular``), so the first reading costs the same whatever is installed.

What the grammar reads is also written down for the readers that work without it
(``target.words.json``, :func:`build_word_table`): the characters its tokens start with (never
a counting word's) and the words of its terminals of a few words (DASH, PER, MONTH …).

The shipped unit words are resolved ahead the same way (``units.resolved.json`` beside
``units.txt``): reading them needs no pint.

After editing ``grammar/*.lark``, ``units.txt``, ``counting_words.txt`` or the vocabulary's
operator words, regenerate them all
with one command (``tests/test_tables.py`` fails until they match)::

    python -m indicatorkit.language          # or: bash scripts/tables; --check only checks

>>> from indicatorkit.units import default_registry
>>> patterns = supplied_patterns(default_registry())
>>> sorted(patterns), "万元" in patterns["UNIT"]
(['PREFIX_OP', 'RANGE_SEP', 'SUFFIX_OP', 'UNIT'], True)
>>> parser = load_parser(patterns)
>>> str(parser.parse("不低于5万元", start="start_target").children[0].data)
'prefixed'
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

from indicatorkit.grammars import grammar_path, read_grammar
from indicatorkit.language.regex_words import start_characters, words_of
from indicatorkit.units import SHIPPED_UNITS_FILE, UnitRegistry
from indicatorkit.vocabulary import PREFIX_OPERATORS, RANGE_SEPARATORS, SUFFIX_OPERATORS

__all__ = [
    "GRAMMARS",
    "SUPPLIED",
    "TABLES_FILE",
    "WORDS_FILE",
    "build_tables",
    "build_unit_table",
    "build_word_table",
    "grammar_text",
    "load_parser",
    "load_tables",
    "main",
    "supplied_patterns",
    "tables_file",
]


def tables_file(grammar: str) -> str:
    """The file of the shipped tables of ``grammar`` (in ``grammar/``, beside its ``.lark``).

    >>> tables_file("spec")
    'spec.tables.json'
    """
    return f"{grammar}.tables.json"


#: The file of the target grammar's shipped tables.
TABLES_FILE = tables_file("target")

#: The terminals whose patterns are supplied when a parser is made, in the order
#: ``grammar_text`` appends them.
SUPPLIED = ("PREFIX_OP", "SUFFIX_OP", "RANGE_SEP", "UNIT")

#: The options both the built and the loaded parser use, per grammar.  What a grammar needs
#: only when it reads (the outline's indentation post-lexer) is given to :func:`load_tables`.
GRAMMARS: dict[str, dict[str, Any]] = {
    "target": {
        "parser": "lalr",
        "lexer": "contextual",
        "start": ["start_target", "start_actual"],
        "maybe_placeholders": True,
    },
    "spec": {"parser": "lalr", "lexer": "contextual", "maybe_placeholders": True},
}
_OPTIONS = GRAMMARS["target"]


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=lambda w: (-len(w), w))


def _lark_string(word: str) -> str:
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _spaced(word: str) -> str:
    """``word`` as a regular expression that allows spaces between its characters."""
    return "[ \t]*".join(re.escape(char) for char in word)


def _vocabulary_words() -> dict[str, list[str]]:
    """The words of each supplied terminal but ``UNIT`` (the vocabulary's), longest first."""
    return {
        "PREFIX_OP": _longest_first(PREFIX_OPERATORS),
        "SUFFIX_OP": _longest_first(SUFFIX_OPERATORS),
        "RANGE_SEP": _longest_first(RANGE_SEPARATORS),
    }


def _words(registry: UnitRegistry) -> dict[str, list[str]]:
    """The words of each supplied terminal, longest first."""
    return {**_vocabulary_words(), "UNIT": _longest_first(registry.known_unit_words())}


def supplied_patterns(registry: UnitRegistry) -> dict[str, str]:
    """The regular expression of each supplied terminal for ``registry``, exactly as lark
    compiles :func:`grammar_text` (``tests/test_tables.py`` checks that): comparator words
    allow spaces between their characters (``< = 100``, ``小于 或 等于100``); every list is
    longest first, so that the longest word wins.

    >>> from indicatorkit.units import default_registry
    >>> supplied_patterns(default_registry())["SUFFIX_OP"].startswith("(?:")
    True
    """
    words = _words(registry)
    return {
        name: "(?:" + "|".join((_spaced if name == "PREFIX_OP" else re.escape)(w) for w in ws) + ")"
        for name, ws in words.items()
    }


def grammar_text(registry: UnitRegistry) -> str:
    """The full grammar: ``target.lark`` plus the supplied terminals of ``registry`` written
    out (what a parser built from scratch reads; the shipped tables are this grammar's).

    >>> from indicatorkit.units import default_registry
    >>> text = grammar_text(default_registry())
    >>> supplied = text.split("grammar_text() ----")[1].split()
    >>> [word.removesuffix(":") for word in supplied if word.endswith(":")]
    ['PREFIX_OP', 'SUFFIX_OP', 'RANGE_SEP', 'UNIT']
    """
    words = _words(registry)
    spaced = "|".join(_spaced(word) for word in words["PREFIX_OP"])
    spaced = spaced.replace("\t", "\\t").replace("/", "\\/")
    lines = [f"PREFIX_OP: /(?:{spaced})/"]
    lines += [f"{name}: " + " | ".join(map(_lark_string, words[name])) for name in SUPPLIED[1:]]
    return _completed(lines)


def _completed(lines: list[str]) -> str:
    supplied = ["", "// ---- supplied by indicatorkit.language.tables.grammar_text() ----"]
    return read_grammar("target.lark") + "\n".join([*supplied, *lines, ""])


def _placeholder_text() -> str:
    """The grammar with a private-use character standing for each supplied pattern."""
    return _completed([f'{name}: "{chr(0xE000 + index)}"' for index, name in enumerate(SUPPLIED)])


# ---- building and storing ---------------------------------------------------------------------


def _encode(value: Any) -> Any:
    """lark's serialised data with lists for tuples, as it comes back from JSON."""
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    return value


def _int_keys(pairs: list[tuple[str, Any]]) -> dict[Any, Any]:
    # lark's names are never digits: keys that are digits were ints (states, memo ids)
    return {int(key) if key.isdigit() else key: item for key, item in pairs}


def _decode(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(text, object_pairs_hook=_int_keys)
    return loaded


def _canonical(table: dict[str, Any]) -> dict[str, Any]:
    """The parse table numbered canonically: lark numbers tokens and states in an order that
    follows string hashing, so the same grammar would give a different file in each process.
    Tokens are numbered by name; states in breadth-first order from the start states, each
    state's actions by token name."""
    tokens, states = table["tokens"], table["states"]
    named = {
        state: {tokens[t]: action for t, action in acts.items()} for state, acts in states.items()
    }
    order: dict[int, int] = {}
    queue = [table["start_states"][name] for name in sorted(table["start_states"])]
    while queue:
        state = queue.pop(0)
        if state in order:
            continue
        order[state] = len(order)
        actions = named[state]
        queue += [actions[name][1] for name in sorted(actions) if actions[name][0] == 0]
    order.update(
        {state: len(order) + i for i, state in enumerate(s for s in states if s not in order)}
    )
    numbers = {
        name: index for index, name in enumerate(sorted({n for a in named.values() for n in a}))
    }
    renumbered = {
        order[state]: {
            numbers[name]: (kind, order[arg] if kind == 0 else arg)
            for name, (kind, arg) in sorted(actions.items())
        }
        for state, actions in named.items()
    }
    return {
        "tokens": {index: name for name, index in numbers.items()},
        "states": dict(sorted(renumbered.items())),
        "start_states": {name: order[s] for name, s in sorted(table["start_states"].items())},
        "end_states": {name: order[s] for name, s in sorted(table["end_states"].items())},
    }


def _source(grammar: str) -> str:
    """The text a grammar's tables are built from (the target's with its placeholders)."""
    return _placeholder_text() if grammar == "target" else read_grammar(f"{grammar}.lark")


def build_tables(grammar: str = "target") -> str:
    """The tables of ``grammar/<grammar>.lark`` as the text of :func:`tables_file` (slow: this
    is the grammar construction that reading never does).

    >>> build_tables("spec") == grammar_path(tables_file("spec")).read_text(encoding="utf-8")
    True
    """
    options = GRAMMARS[grammar]
    built = Lark(_source(grammar), **options)
    data, memo = built.memo_serialize([TerminalDef, Rule])
    data["parser"]["parser"] = _canonical(data["parser"]["parser"])
    data["options"] = {key: value for key, value in data["options"].items() if key in options}
    shipped = {"data": data, "memo": memo}
    text = json.dumps(_encode(shipped), ensure_ascii=False, separators=(",", ":")) + "\n"
    if _decode(text) != _encode(shipped):  # the int-keys rule above must hold
        raise AssertionError("the tables do not survive JSON")
    return text


@cache
def _shipped(grammar: str = "target") -> dict[str, Any]:
    return _decode(grammar_path(tables_file(grammar)).read_text(encoding="utf-8"))


@cache
def _rebuilt(grammar: str = "target") -> dict[str, Any]:
    return _decode(build_tables(grammar))


def load_tables(grammar: str, **options: Any) -> Lark:
    """A parser of ``grammar`` made from its shipped tables, with lark's load-time
    ``options`` (``postlex``, ``transformer``).  Should the installed lark no longer read the
    shipped form, the tables are built once in this process (slowly) instead.

    >>> parser = load_tables("spec", postlex=None)
    >>> parser.parse("项目 1 名称\\n").children[0].children[0].data
    'keyed'
    """
    try:
        shipped = _shipped(grammar)
        return _load_from_dict(shipped["data"], shipped["memo"], **options)
    except Exception:  # a lark whose serialised form changed: any of its errors may come
        rebuilt = _rebuilt(grammar)
        return _load_from_dict(rebuilt["data"], rebuilt["memo"], **options)


#: lark's loader of serialised tables (what its standalone parsers call), typed.
_load_from_dict = cast("Callable[..., Lark]", Lark._load_from_dict)


def load_parser(patterns: dict[str, str], transformer: Any = None) -> Lark:
    """A parser made from the shipped tables with ``patterns`` (:func:`supplied_patterns`)
    filled in; ``transformer`` builds values from its reductions.  No grammar is analysed and
    no regex-collision check is run (the grammar's own test runs it, strictly).

    Should the installed lark no longer read the shipped form, the same tables are built once
    in this process (slowly) rather than no parser made at all.

    >>> from indicatorkit.units import default_registry
    >>> parser = load_parser(supplied_patterns(default_registry().define("蔸 = [蔸]")))
    >>> [str(token) for token in parser.parse("≥5蔸", start="start_target").scan_values(bool)]
    ['≥', '5', '蔸']
    """
    try:
        return _with_patterns(_shipped(), patterns, transformer)
    except Exception:  # a lark whose serialised form changed: any of its errors may come
        return _with_patterns(_rebuilt(), patterns, transformer)


def _with_patterns(shipped: dict[str, Any], patterns: dict[str, str], transformer: Any) -> Lark:
    memo = dict(shipped["memo"])
    for key, item in memo.items():
        name = item.get("name")
        if item.get("__type__") == "TerminalDef" and name in patterns:
            memo[key] = {
                "name": name,
                "pattern": {
                    "value": patterns[name],
                    "flags": [],
                    "raw": None,
                    "_width": None,
                    "__type__": "PatternRE",
                },
                "priority": item["priority"],
                "__type__": "TerminalDef",
            }
    return _load_from_dict(shipped["data"], memo, transformer=transformer)


def build_unit_table() -> str:
    """The shipped unit words resolved by pint, as the text of
    :data:`~indicatorkit.units.SHIPPED_UNITS_FILE` (slow: pint builds its registry).

    >>> from importlib import resources
    >>> shipped = resources.files("indicatorkit").joinpath(SHIPPED_UNITS_FILE)
    >>> build_unit_table() == shipped.read_text("utf-8")
    True
    """
    registry = UnitRegistry(())  # not the interned one: built from the definition files
    rows = {}
    for word in sorted(registry.pint_words()):
        unit = registry.pint_unit(word)
        rows[word] = [unit.symbol, unit.dimension, unit.factor.numerator, unit.factor.denominator]
    lines = [f"{json.dumps(word, ensure_ascii=False)}: {json.dumps(row, ensure_ascii=False)}"
             for word, row in rows.items()]  # fmt: skip
    return "{\n" + ",\n".join(lines) + "\n}\n"


#: The file of what the target grammar reads, for the readers that work without it
#: (:func:`build_word_table`), beside its tables.
WORDS_FILE = "target.words.json"


def _terminal_patterns(tables: dict[str, Any]) -> dict[str, str]:
    """The regular expression of each terminal of the target grammar's ``tables`` — the
    vocabulary's for the supplied ones, ``UNIT`` (the registry's) and ignored ones aside."""
    vocabulary = _vocabulary_words()
    patterns = {}
    for item in tables["memo"].values():
        name = item.get("name", "")
        if item.get("__type__") != "TerminalDef" or name == "UNIT" or name.startswith("__"):
            continue
        pattern = item["pattern"]
        if pattern["flags"]:
            raise ValueError(f"terminal {name} has flags {pattern['flags']}: not read here")
        if name in vocabulary:
            patterns[name] = "|".join(map(re.escape, vocabulary[name]))
        elif pattern["__type__"] == "PatternStr":
            patterns[name] = re.escape(pattern["value"])
        else:
            patterns[name] = pattern["value"]
    return dict(sorted(patterns.items()))


def build_word_table(tables: str | None = None) -> str:
    """What the target grammar reads, written down for the readers that work without it, as
    the text of :data:`WORDS_FILE` (read by :mod:`indicatorkit.grammars`), made from the
    grammar's ``tables`` (their text; by default built anew):

    - ``token_starts``: every character a token of the grammar can start with — the first
      characters of every terminal but ``UNIT`` (the vocabulary's words included).  The lexer
      starts a token only where the one before ended, so a unit word can take a character
      the grammar needs only when that character starts one of its tokens: no counting word
      is ever one of these (:func:`~indicatorkit.units.could_be_counting_word`);
    - ``words``: the words of each terminal that matches a few words only (``DASH``, ``PER``,
      ``MONTH`` …), longest first (a lookaround left out: it only narrows where).

    >>> shipped = grammar_path(WORDS_FILE).read_text(encoding="utf-8")
    >>> shipped == build_word_table(grammar_path(TABLES_FILE).read_text(encoding="utf-8"))
    True
    """
    patterns = _terminal_patterns(_decode(tables if tables is not None else build_tables()))
    starts: set[str] = set()
    words: dict[str, list[str]] = {}
    for name, pattern in patterns.items():
        first = start_characters(pattern)
        if first is None:
            raise ValueError(f"terminal {name} may start with any character: no table of them")
        starts |= first
        listed = words_of(pattern)
        if listed is not None:
            words[name] = list(listed)
    table = {"token_starts": "".join(sorted(starts)), "words": words}
    return json.dumps(table, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write every grammar's tables (:func:`tables_file`) and the resolved unit words;
    ``--check`` only says whether the shipped files are up to date (exit 1 when one is not).

    >>> main(["--check"])
    target.tables.json: up to date
    spec.tables.json: up to date
    target.words.json: up to date
    units.resolved.json: up to date
    0
    """
    args = sys.argv[1:] if argv is None else argv
    units = Path(str(resources.files("indicatorkit").joinpath(SHIPPED_UNITS_FILE)))
    status = 0
    built = {grammar: build_tables(grammar) for grammar in GRAMMARS}
    outputs = [
        (grammar_path(f"{grammar}.lark").with_name(tables_file(grammar)), text)
        for grammar, text in built.items()
    ]
    words = (grammar_path("target.lark").with_name(WORDS_FILE), build_word_table(built["target"]))
    for path, text in (*outputs, words, (units, build_unit_table())):
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if "--check" in args:
            print(f"{path.name}: {'up to date' if current == text else 'OUT OF DATE'}")
            status = status or int(current != text)
            continue
        if current != text:
            path.write_text(text, encoding="utf-8")
        print(f"{path}: {'unchanged' if current == text else 'written'}")
    return status
