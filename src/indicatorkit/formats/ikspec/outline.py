"""The outline of a spec file: its lines as a tree of entries (``键 内容``, ``- 列表项``,
``| 续行``), each with the entries indented under it — what ``grammar/spec.lark`` and its
indentation post-lexer read.  Comment lines are taken out first (and given to
:class:`~indicatorkit.formats.ikspec.comments.Comments`); a plainly well-formed outline is
scanned in one pass (:func:`scan_outline`), anything else is read by the grammar, which says
where it goes wrong (IK003 indentation, IK004 a line it cannot read).

>>> from indicatorkit.formats.ikspec.located import LocatedReader
>>> nodes, comments = read_outline(LocatedReader("# 说明\\n项目 1 名称\\n  预算：5元\\n", None))
>>> [(node.key, [child.key for child in node.children]) for node in nodes], comments.claim([2])
([('项目', ['预算'])], ('说明',))
"""

from __future__ import annotations

import re
import threading
from typing import Any, ClassVar, NamedTuple

from lark import Lark, Token, Tree
from lark.exceptions import LarkError, UnexpectedInput
from lark.indenter import DedentError, Indenter

from indicatorkit.formats.ikspec.comments import Comments
from indicatorkit.formats.ikspec.located import LocatedReader
from indicatorkit.language.tables import load_tables

__all__ = [
    "KEY",
    "MAX_DEPTH",
    "Indentation",
    "Node",
    "outline_parser",
    "read_outline",
    "scan_outline",
]

#: The deepest outline a spec may have (real specs use four levels).
MAX_DEPTH = 16


class Indentation(Indenter):
    """The outline's indentation post-lexer: a space is 1, a tab is ``tab_len``.

    >>> Indentation.tab_len, Indentation.INDENT_type
    (4, '_INDENT')
    """

    NL_type = "_NL"
    OPEN_PAREN_types: ClassVar[list[str]] = []
    CLOSE_PAREN_types: ClassVar[list[str]] = []
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    tab_len = 4


_per_thread = threading.local()


def outline_parser() -> Lark:
    """The outline parser of this thread, made from the shipped tables of ``spec.lark``
    (:mod:`indicatorkit.language.tables`): the indentation post-lexer keeps state while it
    reads, so threads never share one.

    >>> outline_parser() is outline_parser()
    True
    """
    parser: Lark | None = getattr(_per_thread, "parser", None)
    if parser is None:
        parser = _per_thread.parser = load_tables("spec", postlex=Indentation())
    return parser


class Node(NamedTuple):
    """One outline line and the lines indented under it.

    >>> node = scan_outline(["项目 1 名称", "  预算：5元"])[0]
    >>> node.kind, node.key, node.rest, node.rest_column, list(node.lines())
    ('keyed', '项目', '1 名称', 4, [1, 2])
    """

    kind: str  # "keyed", "bullet" or "continuation"
    key: str
    rest: str
    line: int
    column: int  # of the key
    rest_column: int  # of the rest
    children: tuple[Node, ...]
    comments: tuple[str, ...]

    def lines(self) -> list[int]:
        """The line of this entry, then the lines of the entries under it, in order."""
        lines = []
        stack = [self]
        while stack:
            node = stack.pop()
            lines.append(node.line)
            stack.extend(reversed(node.children))
        return lines


#: A key as ``spec.lark`` has it: no space, no colon; not starting with "-", "|" or "#".
KEY = re.compile(r"[^\s:：#|\-][^\s:：]*")


def read_outline(reader: LocatedReader) -> tuple[list[Node], Comments] | None:
    """The outline of ``reader``'s text and its comments, or ``None`` after a finding.

    >>> reader = LocatedReader("项目 1\\n  ：5元\\n", "表.ikspec")
    >>> read_outline(reader), [(f.code, f.line) for f in reader.findings]
    (None, [('IK004', 2)])
    """
    comments: dict[int, str] = {}
    blanked = []
    for number, text in enumerate(reader.lines, 1):
        stripped = text.strip()
        if stripped.startswith("#"):
            comments[number] = stripped[1:].strip()
            blanked.append("")
        else:
            blanked.append(text.rstrip("\r"))
    too_deep = _too_deep(blanked)
    if too_deep is not None:
        reader.problem(
            "IK003",
            f"层级过深 (nested more than {MAX_DEPTH} levels)",
            too_deep,
            1,
            suggestion="规格文件最多四五层缩进 / a spec uses a few levels of indentation",
        )
        return None
    nodes = scan_outline(blanked)
    if nodes is None:
        nodes = _grammar_outline(reader, blanked)
    if nodes is None:
        return None
    entries = [line for node in nodes for line in node.lines()]
    return nodes, Comments(reader.lines, comments, entries)


def scan_outline(lines: list[str]) -> list[Node] | None:
    """The outline of ``lines`` (comment lines already blank) exactly as ``spec.lark`` and its
    indentation post-lexer read it — or ``None`` for anything not plainly well-formed, which
    the grammar then reads and reports on.  One pass, no parser: loading a large spec spends
    its time on the records, not on the outline.  ``tests/test_outline_scanner.py`` holds the
    two equal on generated outlines.

    >>> [(node.key, node.rest, [child.key for child in node.children])
    ...  for node in scan_outline(["项目 1 名称", "  预算：5元", "  - 一项"])]
    [('项目', '1 名称', ['预算', '-'])]
    >>> scan_outline(["  缩进开头"]) is None, scan_outline(["a", "    b", "  c"]) is None
    (True, True)
    """
    tab = Indentation.tab_len
    top: list[list[Any]] = []
    levels: list[tuple[int, list[list[Any]]]] = [(0, top)]  # (width, where its entries go)
    last: list[Any] | None = None
    for number, line in enumerate(lines, 1):
        content = line.lstrip(" \t")
        if not content:
            continue
        if content[0].isspace():
            return None  # another kind of space before the entry: the grammar says where
        indent = line[: len(line) - len(content)]
        width = indent.count(" ") + indent.count("\t") * tab
        if width > levels[-1][0]:
            if last is None:
                return None  # an indented first entry
            levels.append((width, last[6]))
        else:
            while width < levels[-1][0]:
                levels.pop()
            if width != levels[-1][0]:
                return None  # a dedent to no outer level
        column = len(indent) + 1
        head = content[0]
        if head == "-" or head == "|":
            kind, key, after = ("bullet" if head == "-" else "continuation"), head, content[1:]
        else:
            match = KEY.match(content)
            if match is None:
                return None
            kind, key, after = "keyed", match.group(), content[match.end() :]
        rest = after.lstrip(" \t")
        if rest and rest[0].isspace():
            return None
        rest_column = column + len(content) - len(rest) if rest else column + len(key)
        last = [kind, key, rest.rstrip(), number, column, rest_column, []]
        levels[-1][1].append(last)
    return _frozen(top)


def _frozen(entries: list[list[Any]]) -> list[Node]:
    return [
        Node(kind, key, rest, line, column, rest_column, tuple(_frozen(children)), ())
        for kind, key, rest, line, column, rest_column, children in entries
    ]


def _grammar_outline(reader: LocatedReader, blanked: list[str]) -> list[Node] | None:
    """The outline as the grammar reads it, or ``None`` after saying where it fails."""
    try:
        tree = outline_parser().parse("\n".join(blanked) + "\n")
    except DedentError:
        _indentation_problem(reader, blanked)
        return None
    except UnexpectedInput as error:
        reader.problem(
            "IK004",
            f"无法读取这一行 (cannot read this line): {_unexpected(error)}",
            error.line if error.line > 0 else len(blanked),
            max(error.column, 1),
            suggestion="每行以键开头，例如“指标值：≥95%”；列表项以“- ”开头 / "
            "a line starts with a key, or '- ' for a list item",
        )
        return None
    except LarkError as error:  # anything else the outline parser can raise
        reader.problem("IK004", f"无法读取 (cannot read): {error}", 1, 1)
        return None
    return [_node(block) for block in tree.children if isinstance(block, Tree)]


def _indentation_problem(reader: LocatedReader, blanked: list[str]) -> None:
    """IK003 at the first line whose indentation matches no outer level (or mixes tabs and
    spaces before it)."""
    line = _dedent_line(blanked)
    mixed = _mixed_indent_line(blanked[:line])
    if mixed is not None:
        reader.problem(
            "IK003",
            "缩进混用了制表符和空格 (indentation mixes tabs and spaces)",
            mixed,
            1,
            suggestion="只用空格缩进（一个制表符按 4 个空格计）/ indent with spaces only "
            "(a tab counts as 4 spaces)",
        )
        return
    reader.problem(
        "IK003",
        "缩进与上文任何一层都对不齐 (indentation matches no outer level)",
        line,
        1,
        suggestion="同一层的条目用相同的缩进 / indent entries of one level alike",
    )


def _node(block: Tree[Token]) -> Node:
    line_tree = block.children[0]
    assert isinstance(line_tree, Tree)
    head, rest = line_tree.children
    assert isinstance(head, Token)
    rest_text = str(rest).rstrip() if rest is not None else ""
    rest_column = rest.column if isinstance(rest, Token) and rest.column else head.end_column
    children = tuple(_node(child) for child in block.children[1:] if isinstance(child, Tree))
    return Node(
        str(line_tree.data),
        str(head),
        rest_text,
        head.line or 0,
        head.column or 1,
        rest_column or 1,
        children,
        (),
    )


def _indent_width(line: str) -> int:
    """The width of a line's indentation as the outline's post-lexer counts it (lark's
    Indenter: a space is 1, a tab is ``tab_len`` — not tab stops)."""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return indent.count(" ") + indent.count("\t") * Indentation.tab_len


def _mixed_indent_line(lines: list[str]) -> int | None:
    """The first line (1-based) whose indentation has both tabs and spaces, or ``None``."""
    for number, line in enumerate(lines, 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if " " in indent and "\t" in indent:
            return number
    return None


def _too_deep(lines: list[str]) -> int | None:
    """The first line (1-based) nested more than :data:`MAX_DEPTH` levels, or ``None``."""
    levels = [0]
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        width = _indent_width(text)
        while levels and width < levels[-1]:
            levels.pop()
        if not levels or width > levels[-1]:
            levels.append(width)
            if len(levels) > MAX_DEPTH:
                return number
    return None


def _dedent_line(lines: list[str]) -> int:
    """The first line whose indentation matches no enclosing level."""
    levels = [0]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        indent = _indent_width(line)
        if indent > levels[-1]:
            levels.append(indent)
            continue
        while levels and indent < levels[-1]:
            levels.pop()
        if not levels or levels[-1] != indent:
            return number
    return len(lines)


def _unexpected(error: UnexpectedInput) -> str:
    token = getattr(error, "token", None)
    if token is not None:
        return f"意外的“{token}” (unexpected {str(token)!r})"
    char = getattr(error, "char", "")
    return f"意外的字符“{char}” (unexpected {char!r})"
