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


def opens_spec(line: str) -> bool:
    """Whether ``line``, a text's first line that says something, opens a spec file: it
    starts with a key the reader takes at the top of a file (:data:`~indicatorkit.formats.
    ikspec.keys.KEYS`, Chinese or English), as the outline reads a key
    (:data:`~indicatorkit.formats.ikspec.outline.KEY`: up to a space, a colon or the line's
    end) — so every first line :func:`~indicatorkit.formats.ikspec.reader.loads` accepts, and
    the ones it refuses with a located finding (``项目：1 甲``, IK018).  A tab after the key is
    also how a TSV header row starts (``项目<TAB>三级指标<TAB>…``): such a line opens a spec only
    when the reader takes it.

    >>> [opens_spec(line) for line in ("评分规则：hubei", "rules:national", "部门 司法局", "计量单位")]
    [True, True, True, True]
    >>> [opens_spec(line) for line in ("项目\\t1 法律援助", "项目\\t三级指标\\t指标值", "项目名称：甲", "部门,预算")]
    [True, False, False, False]
    """
    text = line.strip()
    key = KEY.match(text)
    if key is None or key.group() not in KEY_NAMES["top"]:
        return False
    if not text[key.end() :].startswith("\t"):
        return True
    try:
        loads(text)
    except SpecError:
        return False  # a table's header row: the table readers take it
    return True


def _is_spec(probe: Probe) -> bool:
    if probe.first_line is not None:
        return opens_spec(probe.first_line)
    # nothing but blank lines and comments: an empty spec when the name says it is one
    named = probe.name is not None and probe.name.suffix.lower() == ".ikspec"
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
