"""Spec files (``.ikspec``): an indented plain-text outline of whole 绩效目标表.

A text is a spec file when its first line that says something opens one (``部门 …``,
``项目 …``, ``评分规则 …``); a file of nothing but blank lines and comments is an empty spec
when its name ends in ``.ikspec``.

>>> from indicatorkit.formats.format import Probe
>>> IKSPEC.sniff(Probe("# 说明\\n项目 1 法律援助\\n".encode())), IKSPEC.sniff(Probe(b"# only\\n", "a.ikspec"))
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from indicatorkit.formats.format import Format, Input, Probe
from indicatorkit.formats.ikspec.reader import loads
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.output import write_text
from indicatorkit.model.findings import SpecError
from indicatorkit.model.records import Spec

__all__ = ["IKSPEC"]

#: A spec file's first line (``项目 1 …``); a tab after the word is a table's header cell.
_SPEC_START: Final = re.compile(r"^(?:部门|项目|评分规则|department|project|rules)(?:[^\S\t]|$)")


def _is_spec(probe: Probe) -> bool:
    if probe.first_line is not None:
        return _SPEC_START.match(probe.first_line.strip()) is not None
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
