"""Optional dependencies of the formats: :mod:`indicatorkit.optional` (a base module, so that
the scoring layer can ask too), by the name the formats have always imported.

>>> require("json", "json").__name__
'json'
"""

from __future__ import annotations

from indicatorkit.optional import MissingExtraError, require

__all__ = ["MissingExtraError", "require"]
