"""What a file format declares: how to tell its files (``sniff``), how to read one, how to
write a spec as one.  Each format's module declares its :class:`Format` beside its reader;
:mod:`~indicatorkit.formats.registry` lists them in the order they are tried, and
:func:`~indicatorkit.formats.files.read`, :func:`~indicatorkit.formats.files.write` and the
command line's verbs only ever ask the registry.

A sniffer looks at a :class:`Probe`: the file's bytes with the views the sniffers share
computed once (a zip's member names, the decoded text, its first line that says something).

>>> probe = Probe("项目 1 法律援助\\n".encode("gbk"))
>>> probe.text, probe.first_line, probe.zip_names
('项目 1 法律援助\\n', '项目 1 法律援助', frozenset())
>>> Probe(b"%PDF-1.7\\n").text is None  # a PDF, a zip or an OLE2 file is never read as text
True
"""

from __future__ import annotations

import enum
import io
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Final

import attrs

from indicatorkit.formats.imported import Imported
from indicatorkit.formats.table_text import UndecodableTable, decode_table
from indicatorkit.model.records import Spec

__all__ = ["Format", "Holds", "Input", "Probe", "Reader", "Writer"]

_ZIP: Final = b"PK\x03\x04"
_OLE2: Final = bytes.fromhex("D0CF11E0A1B11AE1")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one by one (``splitlines`` would copy a large file whole)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end].rstrip("\r")
        start = end + 1


class Probe:
    """A file's bytes (and its name, when it has one) as the sniffers see them; each view is
    computed the first time a sniffer asks for it.

    >>> probe = Probe("项目编号,指标值\\n1,≥5件\\n".encode("gbk"), "表.csv")
    >>> probe.first_line, probe.name.suffix, probe.is_pdf, probe.is_ole2
    ('项目编号,指标值', '.csv', False, False)
    """

    def __init__(self, data: bytes, name: str | os.PathLike[str] | None = None) -> None:
        self.data = data
        self.name = None if name is None else Path(name)

    @cached_property
    def zip_names(self) -> frozenset[str]:
        """The member names of a zip (``word/document.xml``…); empty for anything else, or a
        zip that cannot be opened."""
        if not self.data.startswith(_ZIP):
            return frozenset()
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                return frozenset(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return frozenset()

    @property
    def is_ole2(self) -> bool:
        """An OLE2 compound file (old Word and Excel files)."""
        return self.data.startswith(_OLE2)

    def ole2_has(self, stream: str) -> bool:
        """Whether an OLE2 file names the stream ``stream`` (``WordDocument``, ``Workbook``).

        >>> Probe(_OLE2 + "WordDocument".encode("utf-16-le")).ole2_has("WordDocument")
        True
        """
        return self.is_ole2 and stream.encode("utf-16-le") in self.data

    @property
    def is_pdf(self) -> bool:
        return self.data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF")

    @cached_property
    def text(self) -> str | None:
        """The text (UTF-8, UTF-8 with a byte-order mark, or GBK), or ``None`` for a file that
        is not text — a zip, an OLE2 file, a PDF, or bytes no encoding reads."""
        if self.data.startswith((_ZIP, _OLE2)) or self.is_pdf:
            return None
        try:
            return decode_table(self.data)
        except UndecodableTable:
            return None

    @cached_property
    def first_line(self) -> str | None:
        """The text's first line that is neither blank nor a ``#`` comment, or ``None``."""
        if self.text is None:
            return None
        for line in _lines(self.text.lstrip()):  # lazily: the first line that says decides
            if line.strip() and not line.lstrip().startswith("#"):
                return line
        return None


@attrs.frozen
class Input:
    """A file handed to a format's reader: the probe (its bytes, and its text for a text
    format), the name to report in findings, the file on disk (given whenever the format
    ``needs_file``) and whether a workbook's hidden sheets and rows are read too.

    >>> from indicatorkit.formats.registry import REGISTRY
    >>> given = Input(Probe("项目 1 法律援助\\n".encode()), "表.ikspec")
    >>> [p.name for p in REGISTRY.named("ikspec").read(given).spec.projects]
    ['法律援助']
    """

    probe: Probe
    source: str
    path: Path | None = None
    include_hidden: bool = False

    @property
    def data(self) -> bytes:
        return self.probe.data

    @property
    def text(self) -> str:
        """The decoded text (only a text format's reader asks: its sniffer decoded it)."""
        text = self.probe.text
        if text is None:
            raise UndecodableTable("不是文本文件 (not a text file)", 1)
        return text


#: A format's reader: the file in, the import (a spec and its located findings) out.
Reader = Callable[[Input], Imported]
#: A format's writer: the spec, the file to write (whole or not at all), the inputs it must
#: not be.
Writer = Callable[[Spec, Path, Iterable[str | Path]], None]


class Holds(enum.Enum):
    """What a file of a format holds, for the verbs that take a spec or a table of actuals.

    >>> from indicatorkit.formats.registry import REGISTRY
    >>> REGISTRY.named("xlsx").holds, REGISTRY.named("csv").holds.value
    (<Holds.SPEC_OR_ACTUALS: 'spec or actuals'>, 'rows')
    """

    SPEC = "spec"  #: a spec (its actuals, if any, are written in it)
    SPEC_OR_ACTUALS = "spec or actuals"  #: a workbook: a 申报表/自评表, or a table of actuals
    ROWS = "rows"  #: a text table: ``check`` reads its rows as target and actual


@attrs.frozen
class Format:
    """One format: its ``name`` (what :func:`~indicatorkit.formats.files.detect_format`
    says), a description, the ``extensions`` its files carry (a writer is found by them),
    ``sniff`` (does a file's content say it is one?), ``read`` and ``write`` (``None`` when
    the library does not write it).

    ``needs_file``: the reader wants a file on disk (bytes from standard input are spooled
    to a temporary one); ``text``: read from the decoded text (a web page under an Office
    name is refused before); ``may_be_empty``: the library's own formats may hold an empty
    spec, where a table that gave nothing did not import; ``holds``: what its files hold.

    >>> from indicatorkit.formats.registry import REGISTRY
    >>> pdf = REGISTRY.named("pdf")
    >>> pdf.extensions, pdf.write, pdf.sniff(Probe(b"%PDF-1.4"))
    (('.pdf',), None, True)
    """

    name: str
    description: str
    extensions: tuple[str, ...]
    sniff: Callable[[Probe], bool]
    read: Reader
    write: Writer | None = None
    needs_file: bool = False
    text: bool = False
    may_be_empty: bool = False
    holds: Holds = Holds.SPEC
