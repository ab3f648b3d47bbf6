"""The formats the library reads and writes, in the order their sniffers are tried.

Each format is declared by its own module (:class:`~indicatorkit.formats.format.Format`:
sniffing, reader, writer); this registry only lists them.  :func:`~indicatorkit.formats.files.read`
asks it which format a file's content is, :func:`~indicatorkit.formats.files.write` which
format an extension names, and the command line's verbs what a format's files hold.  A new
format is one module declaring its ``Format`` and one line here.

The order matters only where two sniffers could both say yes: a zip holding both a Word and
an Excel part is Word, an OLE2 file holding both streams is old Word, a JSON text's first line
could look like a table's header, and the document form takes any text no other format took.

>>> from indicatorkit.formats.format import Probe
>>> [f.name for f in REGISTRY]
['ikspec', 'json', 'csv', 'docx', 'xlsx', 'doc', 'xls', 'pdf', 'document']
>>> REGISTRY.detect(Probe("项目编号,指标值\\n1,≥5件\\n".encode())).name
'csv'
>>> REGISTRY.detect(Probe(b"\\x00\\x01")) is None
True
>>> REGISTRY.writer_for(".XLSX").name, REGISTRY.writable()
('xlsx', ('.ikspec', '.json', '.csv', '.xlsx'))
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import attrs

from indicatorkit.formats.document import DOCUMENT
from indicatorkit.formats.format import Format, Holds, Probe
from indicatorkit.formats.ikspec import IKSPEC
from indicatorkit.formats.json_data import JSON
from indicatorkit.formats.long_table import CSV
from indicatorkit.formats.pdf import PDF
from indicatorkit.formats.word import DOC, DOCX
from indicatorkit.formats.workbook import XLS, XLSX

__all__ = ["REGISTRY", "FormatRegistry"]


@attrs.frozen
class FormatRegistry:
    """Formats in the order they are tried (a tuple: the registry cannot change; a new one
    is ``FormatRegistry((*REGISTRY.formats, MINE))``).

    >>> FormatRegistry((REGISTRY.named("json"),)).detect(Probe(b'{"projects": []}')).name
    'json'
    """

    formats: tuple[Format, ...]

    def __iter__(self) -> Iterator[Format]:
        return iter(self.formats)

    def detect(self, probe: Probe) -> Format | None:
        """The first format whose sniffer knows the file, or ``None``."""
        return next((form for form in self.formats if form.sniff(probe)), None)

    def named(self, name: str) -> Format:
        """The format called ``name``; :class:`KeyError` when there is none.

        >>> REGISTRY.named("docx").description
        'Word 文档 / a Word document (.docx)'
        """
        for form in self.formats:
            if form.name == name:
                return form
        raise KeyError(name)

    def writer_for(self, suffix: str) -> Format | None:
        """The format that writes files ending in ``suffix`` (any case), or ``None``."""
        suffix = suffix.lower()
        return next((f for f in self.formats if f.write and suffix in f.extensions), None)

    def writable(self) -> tuple[str, ...]:
        """Every extension a spec can be written to."""
        return tuple(e for f in self.formats if f.write is not None for e in f.extensions)

    def holding(self, *kinds: Holds) -> frozenset[str]:
        """The names of the formats whose files hold one of ``kinds``.

        >>> sorted(REGISTRY.holding(Holds.SPEC))
        ['doc', 'docx', 'ikspec', 'json', 'pdf']
        """
        return frozenset(f.name for f in self.formats if f.holds in kinds)


#: The library's formats.
REGISTRY: Final = FormatRegistry((IKSPEC, JSON, CSV, DOCX, XLSX, DOC, XLS, PDF, DOCUMENT))
