"""Optional dependencies: a format that needs one asks for it here and, when it is missing,
gets a typed error naming the extra that installs it.

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
from types import ModuleType

from indicatorkit.errors import IndicatorkitError

__all__ = ["MissingExtraError", "require"]


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
