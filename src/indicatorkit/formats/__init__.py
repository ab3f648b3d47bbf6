"""Formats at the edge: each module reads or writes one format into or from the model
(spec files, JSON, actuals files, workbooks…).  The model and the language never import from here.

The names a user reads and writes files with, each imported when first used (PEP 562: the
formats bring zipfile, XML and spreadsheet code that reading a target never needs):

>>> from indicatorkit.formats import dumps, from_data, loads, schema, to_data
>>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
>>> from_data(to_data(spec)) == spec, schema()["title"].startswith("indicatorkit")
(True, True)
>>> print(dumps(spec).splitlines()[0])
项目 1 法律援助
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indicatorkit.formats.actuals_file import read_actuals
    from indicatorkit.formats.extras import MissingExtraError
    from indicatorkit.formats.files import ExportError, read, write
    from indicatorkit.formats.ikspec.dump import dump
    from indicatorkit.formats.ikspec.reader import load, loads
    from indicatorkit.formats.ikspec.writer import dumps
    from indicatorkit.formats.imported import Imported
    from indicatorkit.formats.json_data import from_data, from_json, schema, to_data, to_json
    from indicatorkit.formats.long_table import from_frame, to_frame

#: Each public name and the module that defines it.
_HOMES = {
    "MissingExtraError": "indicatorkit.formats.extras",
    "read_actuals": "indicatorkit.formats.actuals_file",
    **dict.fromkeys(("ExportError", "read", "write"), "indicatorkit.formats.files"),
    **dict.fromkeys(("load", "loads"), "indicatorkit.formats.ikspec.reader"),
    "dump": "indicatorkit.formats.ikspec.dump",
    "dumps": "indicatorkit.formats.ikspec.writer",
    "Imported": "indicatorkit.formats.imported",
    **dict.fromkeys(
        ("from_data", "from_json", "schema", "to_data", "to_json"), "indicatorkit.formats.json_data"
    ),
    **dict.fromkeys(("from_frame", "to_frame"), "indicatorkit.formats.long_table"),
}


def __getattr__(name: str) -> Any:
    """Import a format's name on first use (``indicatorkit.formats.read``)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'indicatorkit.formats' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "ExportError",
    "Imported",
    "MissingExtraError",
    "dump",
    "dumps",
    "from_data",
    "from_frame",
    "from_json",
    "load",
    "loads",
    "read",
    "read_actuals",
    "schema",
    "to_data",
    "to_frame",
    "to_json",
    "write",
]
