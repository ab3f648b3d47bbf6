"""Optional dependencies (可选依赖): code that needs one asks for it here and, when it is
missing, gets a typed error naming the extra that installs it; :func:`data_frame` makes a
pandas or polars frame of plain columns.  A base module, so that every layer can ask
(``indicatorkit.formats.extras`` re-exports it for the formats).

>>> require("json", "json").__name__
'json'
>>> try:
...     require("no_such_module_here", "word")
... except MissingExtraError as error:
...     print(error)
需要可选依赖 no_such_module_here：pip install 'indicatorkit[word]' (this needs the optional package no_such_module_here: pip install 'indicatorkit[word]')
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Mapping, Sequence
from types import ModuleType
from typing import Any

from indicatorkit.errors import ArgumentError, IndicatorkitError

__all__ = ["FRAME_LIBRARIES", "MissingExtraError", "data_frame", "require"]

#: The data-frame libraries :func:`data_frame` makes frames of; each is its own extra.
FRAME_LIBRARIES = ("pandas", "polars")


class MissingExtraError(IndicatorkitError):
    """An optional package a format needs is not installed; ``extra`` names the extra.

    >>> error = MissingExtraError("docx", "word")
    >>> error.module, error.extra, isinstance(error, IndicatorkitError)
    ('docx', 'word', True)
    """

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra
        install = f"pip install 'indicatorkit[{extra}]'"
        super().__init__(
            f"需要可选依赖 {module}：{install} (this needs the optional package {module}: {install})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.module, self.extra))


def require(module: str, extra: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtraError` naming ``extra``.

    >>> require("json.decoder", "json").__name__
    'json.decoder'
    >>> try:
    ...     require("no_such_package.sub", "pdf")
    ... except MissingExtraError as error:
    ...     print(error.module, error.extra)
    no_such_package pdf
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module.partition(".")[0], extra) from None


def data_frame(
    columns: Mapping[str, Sequence[Any]],
    library: str = "pandas",
    *,
    floats: Collection[str] = (),
    caller: str = "data_frame",
) -> Any:
    """A pandas (``library="pandas"``) or polars data frame of ``columns`` (name → values, in
    order); ``None`` is a missing value (NaN or null), and the columns named in ``floats`` are
    64-bit floats even when every value is missing.  Needs the library's extra; another
    ``library`` is an :class:`~indicatorkit.errors.ArgumentError` naming ``caller``.

    >>> frame = data_frame({"项目": ["甲", "乙"], "得分": [None, None]}, floats=["得分"])
    >>> list(frame.columns), str(frame["得分"].dtype), frame["得分"].isna().tolist()
    (['项目', '得分'], 'float64', [True, True])
    >>> data_frame({"得分": [1.0, None]}, library="polars")["得分"].to_list()
    [1.0, None]
    >>> data_frame({}, library="numpy")
    Traceback (most recent call last):
      ...
    indicatorkit.errors.ArgumentError: ...
    """
    if library not in FRAME_LIBRARIES:
        raise ArgumentError(caller, "library", "'pandas' or 'polars'", library, "library='polars'")
    module = require(library, library)
    if library == "polars":
        return module.DataFrame(
            [
                module.Series(name, list(values), dtype=module.Float64 if name in floats else None)
                for name, values in columns.items()
            ],
            strict=False,
        )
    return module.DataFrame(
        {
            name: module.Series(list(values), dtype="float64" if name in floats else None)
            for name, values in columns.items()
        }
    )
