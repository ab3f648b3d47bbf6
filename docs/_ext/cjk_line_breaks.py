"""Join Chinese lines without a space (中文换行不留空格).

Markdown turns a line break inside a paragraph into a space, which is right between English
words and wrong between Chinese characters (``要查的是`` / ``同样的问题`` would read ``要查的是
同样的问题``).  This drops the line break where Chinese (or full-width punctuation) stands on
both sides, in running text only — code and literal blocks keep theirs.

>>> join_chinese_lines("预算单位提交\\n绩效目标表, and\\nEnglish（说明）\\n继续")
'预算单位提交绩效目标表, and\\nEnglish（说明）继续'
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes

__all__ = ["join_chinese_lines", "setup"]

_WIDE = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t]*\n[ \t]*(?=[{_WIDE}])")


def join_chinese_lines(text: str) -> str:
    """``text`` with the line breaks between two Chinese characters removed."""
    return _BREAK.sub("", text)


_ALONE = re.compile(r"[ \t]*\n[ \t]*")
_WIDE_CHAR = re.compile(rf"[{_WIDE}]")


def _join(app: Any, doctree: nodes.document) -> None:
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(
            parent, (nodes.literal_block, nodes.literal, nodes.raw, nodes.doctest_block)
        ):
            continue
        if _ALONE.fullmatch(str(text)):  # MyST's soft break: a node of its own
            index = parent.index(text)
            before = parent[index - 1].astext() if index > 0 else ""
            after = parent[index + 1].astext() if index + 1 < len(parent) else ""
            if (
                before[-1:]
                and after[:1]
                and _WIDE_CHAR.match(before[-1])
                and _WIDE_CHAR.match(after[0])
            ):
                parent.remove(text)
            continue
        joined = join_chinese_lines(str(text))
        if joined != str(text):
            parent.replace(text, nodes.Text(joined))


def setup(app: Any) -> dict[str, Any]:
    app.connect("doctree-read", _join)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
