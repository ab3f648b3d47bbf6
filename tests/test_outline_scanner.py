"""The spec reader's line scanner gives exactly the outline that ``grammar/spec.lark`` and its
indentation post-lexer give — and declines (``None``) whatever the grammar refuses."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Tree
from lark.exceptions import LarkError

from indicatorkit.formats.ikspec.outline import Node, outline_parser, scan_outline

# pieces real specs are made of, and the odd characters that trip a line up
indents = st.sampled_from(["", "", " ", "  ", "    ", "\t", "\t\t", " \t", "      ", "        "])
keys = st.sampled_from(["项目", "指标", "指标值", "预算", "名称", "a", "key", "项#目", "k-1"])
rests = st.sampled_from(
    ["", "1 名称", "：≥95%", ":5元", " ：值", "值  ", "x\t", "\u3000值", "a:b", "- 列表", "| 续"]
)
#: INDICATORKIT_PROPERTY_SCALE (20 under the ``long`` profile) runs that many times more examples
SCALE = float(os.environ.get("INDICATORKIT_PROPERTY_SCALE", "1"))

heads = st.sampled_from(["-", "|", "#", ":", "：", "\u3000", "\x0b", "\x0c"])
spaces = st.sampled_from(["", " ", "  ", "\t"])


@st.composite
def lines(draw: st.DrawFn) -> str:
    indent = draw(indents)
    kind = draw(st.sampled_from(["keyed", "keyed", "keyed", "head", "blank"]))
    if kind == "blank":
        return indent
    head = draw(keys) if kind == "keyed" else draw(heads)
    return f"{indent}{head}{draw(spaces)}{draw(rests)}"


def _by_grammar(text_lines: list[str]) -> list[Node] | None:
    try:
        tree = outline_parser().parse("\n".join(text_lines) + "\n")
    except LarkError:
        return None
    return [_node(block) for block in tree.children if isinstance(block, Tree)]


def _node(block: Tree) -> Node:  # what the reader made of the grammar's tree
    line_tree = block.children[0]
    head, rest = line_tree.children
    return Node(
        str(line_tree.data),
        str(head),
        str(rest).rstrip() if rest is not None else "",
        head.line,
        head.column,
        rest.column if rest is not None else head.end_column,
        tuple(_node(child) for child in block.children[1:] if isinstance(child, Tree)),
        (),
    )


# 600 examples (12,000 under the long profile): outlines of up to 12 lines over small pools
# of pieces, every pool value reached many times over
@settings(max_examples=int(600 * SCALE), deadline=None)
@given(st.lists(lines(), max_size=12))
def test_the_scanner_reads_what_the_grammar_reads(text_lines: list[str]) -> None:
    scanned = scan_outline(text_lines)
    grammar = _by_grammar(text_lines)
    if grammar is None:
        assert scanned is None, "the scanner accepted what the grammar refuses"
    elif scanned is not None:
        assert scanned == grammar


def test_the_scanner_takes_every_bundled_spec() -> None:
    from pathlib import Path

    for path in sorted(Path(__file__).parents[1].glob("examples/*.ikspec")):
        text_lines = [
            "" if line.strip().startswith("#") else line.rstrip("\r")
            for line in path.read_text(encoding="utf-8").split("\n")
        ]
        scanned = scan_outline(text_lines)
        assert scanned is not None, path
        assert scanned == _by_grammar(text_lines), path


def test_what_the_scanner_declines() -> None:
    assert scan_outline(["  项目 1"]) is None  # an indented first entry
    assert scan_outline(["项目 1", "    指标", "  指标值"]) is None  # a dedent to no level
    assert scan_outline(["：值"]) is None  # no key
    assert scan_outline(["项目\u3000值"]) is None  # an ideographic space before the value
    assert scan_outline([]) == []
