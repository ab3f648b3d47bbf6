"""No live formula in a table we write: a text cell that a spreadsheet would run as a formula
is written as text (the OWASP rule for CSV injection).

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
a formula to Excel, LibreOffice and WPS (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``,
``@SUM(…)``).  In a CSV such a text is written behind an apostrophe, which the spreadsheet
shows as text and :func:`revive` takes off again when the library reads the file back; a
number stays a number (``-5``, ``+3.5``, ``-5%`` are not touched); a text that already
starts with apostrophes before such a character gets one more, so that :func:`revive`
gives every text back exactly.  In a workbook the same texts are string cells
(``xlsxwriter.write_string``), never formulas; :func:`is_live` says which texts need it.

>>> inert("=HYPERLINK(\\"http://x\\")"), inert("-5%"), inert("≥95%"), inert(95)
('\\'=HYPERLINK("http://x")', '-5%', '≥95%', 95)
>>> revive(inert("@SUM(A1)")), revive(inert("'=1")), revive("'甲")
('@SUM(A1)', "'=1", "'甲")
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Final, TextIO, TypeVar

__all__ = ["TRIGGERS", "inert", "is_live", "revive", "write_csv"]

#: The characters a spreadsheet takes for the start of a formula.
TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
_NUMBER: Final = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")

_Value = TypeVar("_Value")


def is_live(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` for a formula (a number never is).

    >>> is_live("=1+1"), is_live("+86 10 1234"), is_live("-0.5"), is_live("甲=乙")
    (True, True, False, False)
    """
    return text.startswith(TRIGGERS) and _NUMBER.fullmatch(text) is None


def inert(value: _Value) -> _Value | str:
    """``value`` as a CSV cell that cannot run: a live text (or a text of apostrophes before
    one) behind one more apostrophe; anything else unchanged.

    >>> inert("+86 10 1234"), inert("'=1"), inert(None)
    ("'+86 10 1234", "''=1", None)
    """
    if not isinstance(value, str):
        return value
    if is_live(value.lstrip("'")):
        return "'" + value
    return value


def revive(text: str) -> str:
    """The text :func:`inert` was given: one apostrophe off a cell it put one on.

    >>> revive("'-x"), revive("'-5"), revive("-x")
    ('-x', "'-5", '-x')
    """
    if text.startswith("'") and is_live(text.lstrip("'")):
        return text[1:]
    return text


def write_csv(
    handle: TextIO,
    rows: Iterable[Sequence[object]],
    *,
    lineterminator: str = "\r\n",
) -> None:
    """Write ``rows`` as CSV to ``handle``, every text cell made :func:`inert` and ``None``
    an empty cell — the one CSV writer every table the library writes goes through.

    >>> import io
    >>> out = io.StringIO()
    >>> write_csv(out, [["指标", "实际值"], ["=1+1", -5], [None, "@x"]], lineterminator="\\n")
    >>> print(out.getvalue(), end="")
    指标,实际值
    '=1+1,-5
    ,'@x
    """
    writer = csv.writer(handle, lineterminator=lineterminator)
    for row in rows:
        writer.writerow(["" if cell is None else inert(cell) for cell in row])
