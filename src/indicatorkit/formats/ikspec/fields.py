"""The entries of a spec's outline read as keys and fields: a key in its context (Chinese,
English or alias; IK012 where it may not stand), a field's value ``键：值`` with its ``| …``
continuation lines (IK013 twice, IK014 no colon, IK015 anything else under it; IK010 a colon
right after a record's key, ``部门：司法局``, where the key takes a space), where each
field was written, and a record built from them (IK040 when the model refuses it).

>>> from indicatorkit.formats.ikspec.outline import read_outline
>>> reader = FieldReader("项目 1\\n  unit：司法局\\n  用途：法律援助\\n    | 和调解\\n  用途：又一次\\n", None)
>>> nodes, reader.comments = read_outline(reader)
>>> values, records = reader.fields(nodes[0], "项目", {"指标"})
>>> {key: text for key, (text, _) in values.items()}
{'单位': '司法局', '用途': '法律援助\\n和调解'}
>>> [(f.code, f.line) for f in reader.findings]
[('IK013', 5)]
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from sys import intern
from typing import Any, TypeVar

from indicatorkit.formats.ikspec.comments import Comments
from indicatorkit.formats.ikspec.keys import ATTRIBUTES, KEY_NAMES, misplaced_key
from indicatorkit.formats.ikspec.located import LocatedReader
from indicatorkit.formats.ikspec.outline import Node
from indicatorkit.model.records import Location, Where

__all__ = ["FieldReader", "Fields", "value_column"]

#: A record's fields: each key's value with the entry it was written on.
Fields = dict[str, tuple[str, Node]]

_Record = TypeVar("_Record")

#: The records whose heading is written with a colon (a department's ``目标 1：文字`` or
#: ``目标：文字``); every other record's key takes a space (IK010).
_COLON_HEADINGS = frozenset({("部门", "目标")})


def value_column(node: Node) -> int:
    """The column of the first character of a field's value (after ``：`` and its spaces).

    >>> from indicatorkit.formats.ikspec.outline import scan_outline
    >>> value_column(scan_outline(["预算：  5元"])[0])
    6
    """
    offset = 1 + (len(node.rest[1:]) - len(node.rest[1:].lstrip()))
    return node.rest_column + offset


class FieldReader(LocatedReader):
    """Reads the keyed entries of an outline (see the module); ``comments`` are the text's,
    set once its outline is read.

    >>> from indicatorkit.formats.ikspec.outline import scan_outline
    >>> reader = FieldReader("项目 1\\n  指标值：≥95%\\n", None)
    >>> reader.key(scan_outline(reader.lines)[0].children[0], "项目")
    >>> reader.findings[0].message
    '“指标值”不能写在“项目”下 (not allowed under 项目)'
    """

    def __init__(self, text: str, file: str | None) -> None:
        super().__init__(text, file)
        self.comments = Comments(self.lines, {}, ())

    def key(self, node: Node, context: str) -> str | None:
        """The canonical (Chinese) key of ``node`` in ``context``, or ``None`` after a finding."""
        if node.kind != "keyed":
            item = node.kind == "bullet"
            self.problem(
                "IK012",
                f"这里不能写{'列表项' if item else '续行'} "
                f"(no {'list item' if item else 'continuation'} here)",
                node.line,
                node.column,
            )
            return None
        chinese = KEY_NAMES[context].get(node.key)
        if chinese is None:
            message, hint = misplaced_key(node.key, context)
            end = node.column + len(node.key)
            self.problem("IK012", message, node.line, node.column, end, hint)
        elif (
            ATTRIBUTES[context][chinese] == ""
            and (context, chinese) not in _COLON_HEADINGS
            and node.rest.startswith((":", "："))
            and node.rest_column == node.column + len(node.key)  # the colon right after the key
        ):
            self.colon_after_record_key(node)
            return None
        return chinese

    def colon_after_record_key(self, node: Node) -> None:
        """IK010 at a colon right after a record's key (``部门：司法局``, ``指标：一级 / …``):
        the key takes a space, and read as written the name would start with the colon.  After
        a space the colon is the name's own (``部门 ：甲`` is how the writer writes a name
        ``：甲``), so every name still reads back.

        >>> from indicatorkit.formats.ikspec.outline import scan_outline
        >>> reader = FieldReader("部门：司法局", None)
        >>> reader.key(scan_outline(reader.lines)[0], "top")
        >>> finding = reader.findings[0]
        >>> finding.code, finding.line, finding.column, finding.suggestion
        ('IK010', 1, 3, '请写作“部门 司法局” / write a space after the key, not a colon')
        """
        value = node.rest[1:].strip()
        self.problem(
            "IK010",
            f"“{node.key}”后面应是空格，不是冒号（照写读，内容会是“{node.rest}”）"
            f"(a colon after {node.key}: the key takes a space; as written, its text would "
            "start with the colon)",
            node.line,
            node.rest_column,
            node.rest_column + 1,
            f"请写作“{node.key} {value}” / write a space after the key, not a colon",
        )

    def fields(
        self, node: Node, context: str, records: Collection[str] = ()
    ) -> tuple[Fields, list[tuple[str, Node]]]:
        """Split ``node``'s children into fields (``key → (value, node)``) and the entries of
        the ``records`` keys."""
        values: Fields = {}
        children: list[tuple[str, Node]] = []
        last: str | None = None  # the field a "| …" line at the same level continues
        for child in node.children:
            if child.kind == "continuation" and last is not None:
                text, field = values[last]
                values[last] = (intern("\n".join((text, child.rest.strip())).strip()), field)
                continue
            last = None
            key = self.key(child, context)
            if key is None:
                continue
            if key in records:
                children.append((key, child))
                continue
            value = self.value(child)
            if value is None:
                continue
            if key in values:
                self.problem(
                    "IK013",
                    f"“{key}”写了两次 (given twice)",
                    child.line,
                    child.column,
                    child.column + len(child.key),
                )
                continue
            values[key] = (value, child)
            last = key
        return values, children

    def value(self, node: Node) -> str | None:
        """The value of a field line ``键：值`` with its continuation lines."""
        rest = node.rest
        if not rest.startswith(("：", ":")):
            self.problem(
                "IK014",
                f"“{node.key}”后面缺少冒号 (a colon is missing after {node.key!r})",
                node.line,
                node.rest_column,
                suggestion=f"写作“{node.key}：{rest}” / write {node.key}：value",
            )
            return None
        parts = [rest[1:].strip()]
        for child in node.children:
            if child.kind == "continuation":
                parts.append(child.rest.strip())
            else:
                self.problem(
                    "IK015",
                    "字段下只能写续行“| …” (only '| ' continuation lines under a field)",
                    child.line,
                    child.column,
                )
        return intern("\n".join(parts).strip())

    def where(self, node: Node, values: Fields, context: str) -> Where:
        """Where a record is, with the place of each field's value."""
        attributes = ATTRIBUTES[context]
        return Where(
            Location(node.line, node.column),
            {
                attributes[key]: Location(child.line, value_column(child))
                for key, (_, child) in values.items()
                if attributes.get(key)
            },
        )

    def comments_for(self, node: Node) -> tuple[str, ...]:
        """Comments on the record's own line and on every line of it that no record inside it
        has claimed."""
        return self.comments.claim(node.lines())

    def build(self, node: Node, cls: Callable[..., _Record], **fields: Any) -> _Record | None:
        """``cls(**fields)``, turning a refusal of the model into a finding at ``node``."""
        try:
            return cls(**fields)
        except ValueError as error:
            self.problem("IK040", str(error), node.line, node.column)
            return None
