"""The shipped LALR tables are the grammar's (drift), a parser made from them is the parser
lark builds from the grammar, and making one for a new registry analyses no grammar and runs
no regex-collision check."""

from __future__ import annotations

from typing import Any

import lark
import lark.lexer
import pytest
from lark import Lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

from indicatorkit import parse_target
from indicatorkit.grammars import grammar_path
from indicatorkit.language import tables
from indicatorkit.language.grammar import Located, _Build, parser_for
from indicatorkit.language.tables import (
    SUPPLIED,
    build_tables,
    grammar_text,
    load_parser,
    supplied_patterns,
)
from indicatorkit.units import UnitRegistry, default_registry


@pytest.mark.parametrize("grammar", sorted(tables.GRAMMARS))
def test_shipped_tables_are_the_grammars(grammar: str) -> None:
    shipped = grammar_path(tables.tables_file(grammar)).read_text(encoding="utf-8")
    assert shipped == build_tables(grammar), (
        f"grammar/{tables.tables_file(grammar)} is out of date: run `python -m indicatorkit.language`"
    )


def _terminals(parser: Lark) -> dict[str, tuple[Any, ...]]:
    return {
        t.name: (t.pattern.type, t.pattern.value, sorted(t.pattern.flags), t.priority)
        for t in parser.terminals
    }


def _table(parser: Lark) -> dict[str, Any]:
    data, _ = parser.memo_serialize([TerminalDef, Rule])
    return tables._canonical(tables._encode(data["parser"]["parser"]))


@pytest.mark.parametrize(
    "registry",
    [default_registry(), default_registry().define("蔸 = [蔸]")],
    ids=["default", "with 蔸"],
)
def test_loaded_parser_is_the_built_one(
    registry: UnitRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    # lark checks every pair of terminals for a regex collision with interegular when it builds
    # a lexer (nearly all of a build's time); a non-strict build only logs what it finds, so the
    # parser built here is the same without the check — test_grammar_builds_strictly runs it
    monkeypatch.setattr(lark.lexer, "has_interegular", False)
    built = Lark(grammar_text(registry), transformer=_Build(registry), **tables._OPTIONS)
    loaded = load_parser(supplied_patterns(registry), _Build(registry))
    assert _terminals(loaded) == _terminals(built)
    assert _table(loaded) == _table(built)
    assert [str(rule) for rule in loaded.rules] == [str(rule) for rule in built.rules]
    for text in (
        "不低于90%",
        "1万-2万元",
        "2025年12月底前",
        "≥5蔸",
        "小于 或 等于100",
        "12月32日",
        "≥5航",
    ):
        for start in ("start_target", "start_actual"):
            assert _outcome(loaded, text, start) == _outcome(built, text, start)


def _outcome(parser: Lark, text: str, start: str) -> str:
    try:
        return repr(parser.parse(text, start=start))
    except lark.exceptions.UnexpectedInput as error:
        return f"{type(error).__name__} at {error.pos_in_stream}"
    except Located as located:
        return f"{located.message} at {located.start}"


def test_a_new_unit_builds_no_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    # Any grammar construction or collision check would fail here: a counting word defined at
    # run time (T023) reads with the shipped tables.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a grammar was built")

    monkeypatch.setattr(Lark, "__init__", refuse)
    monkeypatch.setattr(lark.lexer, "has_interegular", True)
    monkeypatch.setattr(lark.lexer, "_check_regex_collisions", refuse)
    monkeypatch.setattr(lark.lexer, "interegular", None, raising=False)
    clumps = default_registry().define("墩 = [墩]")
    parser_for.cache_clear()
    try:
        target = parse_target("不少于3墩以上", units=clumps)
    finally:
        parser_for.cache_clear()
    assert str(target) == "≥3墩"
    assert target.check("4墩", units=clumps).met


def test_supplied_terminals_are_the_placeholders() -> None:
    shipped = tables._shipped()
    names = {
        item["name"]: item["pattern"]["value"]
        for item in shipped["memo"].values()
        if item.get("__type__") == "TerminalDef"
    }
    assert [names[name] for name in SUPPLIED] == [chr(0xE000 + i) for i in range(len(SUPPLIED))]


def test_shipped_words_are_the_grammars() -> None:
    """``target.words.json`` is what the grammar's tables say (drift: regenerate with
    ``python -m indicatorkit.language``), and says it of every terminal but UNIT."""
    shipped = grammar_path(tables.WORDS_FILE).read_text(encoding="utf-8")
    assert shipped == tables.build_word_table(build_tables("target")), (
        "target.words.json is out of date: run python -m indicatorkit.language"
    )
    terminals = {
        item["name"]
        for item in tables._shipped()["memo"].values()
        if item.get("__type__") == "TerminalDef"
    }
    words = tables._terminal_patterns(tables._shipped())
    assert set(words) == {name for name in terminals if not name.startswith("__")} - {"UNIT"}


def test_main_check_says_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert tables.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_a_lark_that_cannot_read_the_shipped_form_gets_them_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tables, "_shipped", lambda: {"data": {}, "memo": {}})
    parser = load_parser(supplied_patterns(default_registry()), _Build(default_registry()))
    assert repr(parser.parse("≥5万元", start="start_target")).startswith("Compared(")


def test_shipped_unit_words_are_pints() -> None:
    from importlib import resources

    from indicatorkit.units import SHIPPED_UNITS_FILE, shipped_units

    shipped = resources.files("indicatorkit").joinpath(SHIPPED_UNITS_FILE).read_text("utf-8")
    assert shipped == tables.build_unit_table(), (
        "src/indicatorkit/units.resolved.json is out of date: run `python -m indicatorkit.language`"
    )
    registry = UnitRegistry(())
    assert set(shipped_units()) == registry.pint_words()
    for word, unit in shipped_units().items():
        assert registry.pint_unit(word) == unit, word


def test_a_defined_unit_is_resolved_by_pint_beside_the_shipped_ones() -> None:
    clumps = default_registry().define("蔸 = [蔸]")
    from indicatorkit.units import shipped_units

    assert "蔸" in clumps.known_unit_set() and "蔸" not in shipped_units()
    assert clumps.unit("蔸").dimension == "[蔸]"
    assert clumps.unit("万元") is not None and clumps.unit("万元") == default_registry().unit(
        "万元"
    )


# ---- the spec outline grammar ------------------------------------------------------------------

_OUTLINES = [
    "项目 1 名称\n  预算：5元\n  - 一项\n    | 续行\n",
    "a\n    b\n  c\n",  # a dedent to no outer level
    "  缩进开头\n",
    "项目 1\n\t指标 产出指标\n    \t指标值：≥1件\n",
    "# 注释\n项目 1\n\n\n  预算：1元\n",
    "项目：\n  ：\n",
    "",
]


def _shape(node: object) -> object:
    """A tree as plain data: rule names as text (a built parser names them with tokens), tokens
    with their positions."""
    if isinstance(node, lark.Tree):
        return (str(node.data), [_shape(child) for child in node.children])
    if isinstance(node, lark.Token):
        return (node.type, str(node), node.line, node.column, node.end_column)
    return node


def _spec_outcome(parser: Lark, text: str) -> str:
    try:
        return repr(_shape(parser.parse(text)))
    except lark.exceptions.UnexpectedInput as error:
        return f"{type(error).__name__} at {error.line}:{error.column}"
    except lark.indenter.DedentError as error:
        return f"DedentError {error}"


def test_loaded_outline_parser_is_the_built_one() -> None:
    from indicatorkit.formats.ikspec.outline import Indentation

    built = Lark(
        grammar_path("spec.lark").read_text(encoding="utf-8"),
        postlex=Indentation(),
        **tables.GRAMMARS["spec"],
    )
    loaded = tables.load_tables("spec", postlex=Indentation())
    assert _terminals(loaded) == _terminals(built)
    assert _table(loaded) == _table(built)
    for text in _OUTLINES:
        assert _spec_outcome(loaded, text) == _spec_outcome(built, text), text


def test_a_spec_the_line_scanner_declines_builds_no_grammar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the outline parser of a new thread is made from the shipped tables: no Lark(grammar)
    import threading

    from indicatorkit import SpecError, loads

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a grammar was built")

    monkeypatch.setattr(Lark, "__init__", refuse)
    monkeypatch.setattr(lark.lexer, "_check_regex_collisions", refuse)
    found: list[object] = []

    def read() -> None:
        try:
            loads("项目 1 名称\n    预算：5元\n  预算：6元\n")
        except SpecError as error:
            found.append(error.findings[0].code)
        except AssertionError as error:
            found.append(error)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert found == ["IK003"]
