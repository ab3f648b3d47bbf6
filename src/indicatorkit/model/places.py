"""Where a record was read: a file's line and column, or a table's sheet, row and column.

A loaded spec keeps one :class:`Where` per record, so it is kept small: the record's place
and each field's are packed into one ``bytes`` (two 32-bit numbers a place) beside the field
names, which records with the same fields share, and the sheet.  A :class:`Location` is made
when it is asked for.  Places that do not pack (a field on another sheet, a number beyond 32
bits) are kept as they were given — nothing is lost either way.

>>> where = Where(Location(4, 3), {"target": Location(5, 9)})
>>> where
Where(at=Location(line=4, column=3), fields=mappingproxy({'target': Location(line=5, column=9)}))
>>> str(where.at), str(where.of("target")), str(where.of("basis"))
('4:3', '5:9', '4:3')
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import attrs

from indicatorkit.model.findings import column_letters

__all__ = ["Location", "Where"]


@attrs.frozen(repr=False)
class Location:
    """A 1-based line and column in a spec file — or, in a table read from a workbook, a Word
    or PDF table (``sheet`` names the sheet or table), the cell's row and column.

    >>> from indicatorkit.model import Location
    >>> Location(3, 5), Location(3)
    (Location(line=3, column=5), Location(line=3, column=1))
    >>> str(Location(12, 3)), str(Location(12, 3, "表1")), Location(12, 3, "表1")
    ('12:3', '表1!C12', Location(line=12, column=3, sheet='表1'))
    """

    line: int
    column: int = 1
    sheet: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.sheet}!{column_letters(self.column)}{self.line}"
        return f"{self.line}:{self.column}"

    def __repr__(self) -> str:
        sheet = "" if self.sheet is None else f", sheet={self.sheet!r}"
        return f"Location(line={self.line}, column={self.column}{sheet})"


#: A place packed: its line and column, unsigned 32-bit, in the machine's order.
_PLACE = struct.Struct("=II")


@lru_cache(maxsize=512)
def _shared(names: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple for every record given the same fields (bounded: a rare set is kept twice)."""
    return names


def _packed(places: tuple[Location, ...]) -> bytes | tuple[Location, ...]:
    """``places`` as bytes when they share the first one's sheet and fit 32 bits, else as given."""
    sheet = places[0].sheet
    if any(place.sheet != sheet for place in places):
        return places
    try:
        return array("I", [n for place in places for n in (place.line, place.column)]).tobytes()
    except (OverflowError, TypeError):
        return places


@attrs.frozen(init=False, repr=False)
class Where:
    """Where a record was read: its own place (``at``), and the place of each field it was
    given (``fields``).  Equal when they name the same places.

    Field names are the model's attribute names (``"target"``, ``"basis"`` …).

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n")
    >>> where = spec.projects[0].where
    >>> where.at.line, where.fields["budget"].line
    (1, 2)
    """

    #: The fields given, sorted (shared between records); their places, after the record's
    #: own (packed, see the module); the sheet of every packed place.
    _names: tuple[str, ...]
    _places: bytes | tuple[Location, ...]
    _sheet: str | None

    def __init__(self, at: Location, fields: Mapping[str, Location] | None = None) -> None:
        names = tuple(sorted(fields)) if fields else ()
        places = (at, *(fields[name] for name in names)) if fields else (at,)
        for place in places:
            if not isinstance(place, Location):
                raise TypeError(f"a Location expected, got {type(place).__name__}")
        self.__attrs_init__(_shared(names), _packed(places), at.sheet)

    def _place(self, index: int) -> Location:
        if isinstance(self._places, tuple):
            return self._places[index]
        line, column = _PLACE.unpack_from(self._places, index * _PLACE.size)
        return Location(line, column, self._sheet)

    @property
    def at(self) -> Location:
        """The record's own place."""
        return self._place(0)

    @property
    def fields(self) -> Mapping[str, Location]:
        """Each field given → its place (read-only)."""
        return MappingProxyType(
            {name: self._place(index) for index, name in enumerate(self._names, 1)}
        )

    def of(self, field: str) -> Location:
        """The location of ``field``, or of the record when the field was not written."""
        try:
            return self._place(self._names.index(field) + 1)
        except ValueError:
            return self.at

    def __repr__(self) -> str:
        return f"Where(at={self.at!r}, fields={self.fields!r})"
