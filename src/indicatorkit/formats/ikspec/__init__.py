"""Spec files (``.ikspec``): an indented plain-text outline of whole 绩效目标表.

A text is a spec file when its first line that says something opens one
(:func:`opens_spec`: ``部门 …``, ``项目 …``, ``评分规则：hubei``, ``计量单位``, as the reader
reads a top-level key); a file of nothing but blank lines and comments is an empty spec when
its name ends in ``.ikspec``.

>>> from indicatorkit.formats.format import Probe
>>> IKSPEC.sniff(Probe("# 说明\\n项目 1 法律援助\\n".encode())), IKSPEC.sniff(Probe(b"# only\\n", "a.ikspec"))
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

from indicatorkit.formats.format import Format, Input, Probe
from indicatorkit.formats.ikspec.keys import KEY_NAMES
from indicatorkit.formats.ikspec.outline import KEY
from indicatorkit.formats.ikspec.reader import loads
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.output import write_text
from indicatorkit.model.findings import SpecError
from indicatorkit.model.records import Spec

__all__ = ["IKSPEC", "opens_spec"]


def opens_spec(line: str, *, named: bool = False) -> bool:
    """Whether ``line``, a text's first line that says something, opens a spec file: it
    starts with a key the reader takes at the top of a file (:data:`~indicatorkit.formats.
    ikspec.keys.KEYS`, Chinese or English), as the outline reads a key
    (:data:`~indicatorkit.formats.ikspec.outline.KEY`: up to a space, a colon or the line's
    end), followed by a space or nothing (what the reader then refuses, it says where).  A
    colon or a tab after the key is a separator where the reader reads the line as it reads
    the key and a space — ``评分规则：hubei`` is ``评分规则 hubei`` —, so every first line
    :func:`~indicatorkit.formats.ikspec.reader.loads` reads so opens a spec; where the reader
    reads it otherwise, the line is something else: a table's header row (``项目<TAB>三级指标``),
    a document's ``部门：司法局`` (the reader would take ``：司法局`` for the name).  A file
    ``named`` ``.ikspec`` is a spec whenever its first line starts with a top-level key.

    >>> [opens_spec(line) for line in ("评分规则：hubei", "rules:national", "部门 司法局", "计量单位")]
    [True, True, True, True]
    >>> [opens_spec(line) for line in ("项目\\t1 法律援助", "项目\\t三级指标\\t指标值", "部门：司法局", "项目名称")]
    [True, False, False, False]
    >>> opens_spec("项目：1 法律援助"), opens_spec("项目：1 法律援助", named=True)
    (False, True)
    """
    text = line.strip()
    key = KEY.match(text)
    if key is None or key.group() not in KEY_NAMES["top"]:
        return False
    after = text[key.end() :]
    if named or not after or (after[0].isspace() and after[0] != "\t"):
        return True
    read = _reading(text)
    return read is not None and read == _reading(key.group() + " " + after.lstrip(" \t:："))


def _reading(text: str) -> str | None:
    """``text`` as the reader reads it, in canonical form; ``None`` when it refuses it."""
    try:
        return dumps(loads(text))
    except SpecError:
        return None


def _is_spec(probe: Probe) -> bool:
    named = probe.name is not None and probe.name.suffix.lower() == ".ikspec"
    if probe.first_line is not None:
        return opens_spec(probe.first_line, named=named)
    # nothing but blank lines and comments: an empty spec when the name says it is one
    return named and probe.text is not None


def _read(given: Input) -> Imported:
    try:
        return Imported(loads(given.text, file=given.source), (), given.source)
    except SpecError as error:
        return Imported(None, error.findings, given.source)


def _write(spec: Spec, path: Path, inputs: Iterable[str | Path]) -> None:
    write_text(path, dumps(spec), inputs=inputs)


IKSPEC: Final = Format(
    "ikspec",
    "规格文件 / a spec file (.ikspec)",
    (".ikspec",),
    sniff=_is_spec,
    read=_read,
    write=_write,
    text=True,
    may_be_empty=True,
)
