"""Where a record was read (``model/places.py``): kept compact, nothing lost."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from indicatorkit.model.places import Location, Where

_SHEETS = st.none() | st.sampled_from(["表1", "自评表"])
_NUMBERS = st.integers(0, 5000) | st.integers(-(2**40), 2**40)  # beyond 32 bits, below 0
_LOCATIONS = st.builds(Location, _NUMBERS, _NUMBERS, _SHEETS)
_FIELDS = st.dictionaries(st.sampled_from(["target", "basis", "actual", "weight"]), _LOCATIONS)


@given(_LOCATIONS, _FIELDS)
def test_every_place_is_given_back(at: Location, fields: dict[str, Location]) -> None:
    where = Where(at, fields)
    assert where.at == at and dict(where.fields) == fields
    for name, place in fields.items():
        assert where.of(name) == place
    assert where.of("description") == at  # a field not written: the record's place
    again = pickle.loads(pickle.dumps(where))
    assert again == where and hash(again) == hash(where) and dict(again.fields) == fields
    assert eval(repr(where), {"Where": Where, "Location": Location, "mappingproxy": dict}) == where


@given(_LOCATIONS, _FIELDS, _FIELDS)
def test_equal_when_the_places_are(
    at: Location, fields: dict[str, Location], others: dict[str, Location]
) -> None:
    assert (Where(at, fields) == Where(at, others)) == (fields == others)


def test_records_with_the_same_fields_share_their_names() -> None:
    first = Where(Location(1), {"target": Location(2, 9), "basis": Location(3, 9)})
    second = Where(Location(7), {"basis": Location(9, 9), "target": Location(8, 9)})
    assert first._names is second._names  # one tuple for both
    assert isinstance(first._places, bytes)  # packed: two 32-bit numbers a place
    assert isinstance(Where(Location(1, 1, "甲"), {"target": Location(1, 2, "乙")})._places, tuple)
