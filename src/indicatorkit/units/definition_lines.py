"""One unit definition line (``台 = [台]``, ``公顷 = 15 * 亩``): its shape checked before pint
sees it, the words it adds, and every refusal a :class:`UnitDefinitionError` that says why.

>>> line = definition_line(" 亩 = [亩] = _ = 市亩 ")
>>> line.text, line.name, line.words
('亩 = [亩] = _ = 市亩', '亩', ('亩', '市亩'))
>>> try:
...     definition_line("株")
... except UnitDefinitionError as error:
...     print(error)
单位定义无效 (invalid unit definition) '株': 应为“名称 = 定义” (name = definition)
"""

from __future__ import annotations

import re

import attrs

from indicatorkit.errors import IndicatorkitError

__all__ = [
    "DefinitionLine",
    "UnitDefinitionError",
    "definition_line",
    "unreadable_definition",
    "words_taken",
]

#: A line longer than this is refused before it is read (a definition is a short line).
_LONGEST_LINE = 200

#: A new dimension: one bracketed name, nothing multiplied, divided or raised in it.
_NEW_DIMENSION = re.compile(r"\[[^\[\]\s*/^]+\]")


class UnitDefinitionError(IndicatorkitError):
    """A unit definition line that cannot be added to a registry.

    >>> from indicatorkit.units import UnitDefinitionError, default_registry
    >>> try:
    ...     default_registry().define("人 = [人口]")
    ... except UnitDefinitionError as error:
    ...     print(isinstance(error, ValueError))
    True
    """


def _invalid(definition: str, reason: str) -> UnitDefinitionError:
    return UnitDefinitionError(f"单位定义无效 (invalid unit definition) {definition!r}: {reason}")


@attrs.frozen
class DefinitionLine:
    """A definition line of the right shape: its ``text`` (trimmed), the unit's ``name``, what
    it is defined as (``body``), and the ``words`` it adds (the name, its symbol and aliases).

    >>> definition_line("公顷 = 15 * 亩").body
    '15 * 亩'
    """

    text: str
    name: str
    body: str
    words: tuple[str, ...]


def definition_line(definition: object) -> DefinitionLine:
    """``definition`` checked for its shape: one line ``名称 = 定义`` (``name = definition``),
    a new kind written ``名称 = [量纲]``.  Whether its words are new, and whether pint can read
    it, is the registry's to check.

    >>> definition_line("台=[台]").words
    ('台',)
    >>> try:
    ...     definition_line("台 = [台 * 人]")
    ... except UnitDefinitionError as error:
    ...     print(str(error).partition(": ")[2][:5])
    新的量写作
    """
    if not isinstance(definition, str):
        raise UnitDefinitionError(
            f"单位定义必须是文字 (a unit definition is text), not {type(definition).__name__}"
        )
    text = definition.strip()
    if len(text) > _LONGEST_LINE or "\n" in text or "\r" in text:
        raise _invalid(text[:80], "应为一行“名称 = 定义” (one line: name = definition)")
    parts = [part.strip() for part in text.split("=")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise _invalid(text, "应为“名称 = 定义” (name = definition)")
    if "[" in parts[1] and not _NEW_DIMENSION.fullmatch(parts[1]):
        raise _invalid(
            text,
            "新的量写作“名称 = [量纲]”，派生单位写作“名称 = 数 * 已知单位” (a new kind is "
            "name = [dimension]; a derived unit is name = number * known unit)",
        )
    words = (parts[0], *(part for part in parts[2:] if part != "_"))
    return DefinitionLine(text, parts[0], parts[1], words)


def words_taken(line: DefinitionLine, known: frozenset[str]) -> UnitDefinitionError | None:
    """The refusal of a line that names a unit already ``known``, or ``None``.

    >>> print(words_taken(definition_line("株 = [株]"), frozenset({"株"})))
    单位定义无效 (invalid unit definition) '株 = [株]': “株”已是已知单位 (already defined)
    """
    taken = [word for word in line.words if word in known]
    if not taken:
        return None
    return _invalid(line.text, f"“{'、'.join(taken)}”已是已知单位 (already defined)")


def unreadable_definition(line: DefinitionLine, error: Exception) -> UnitDefinitionError:
    """The refusal of a line pint could not read or resolve: pint's own reason when it is one
    of its definition errors (its first line), else that the line cannot be read.

    >>> print(unreadable_definition(definition_line("台 = 2 * 垛"), ZeroDivisionError()))
    单位定义无效 (invalid unit definition) '台 = 2 * 垛': 无法读取这一定义 (the definition cannot be read)
    """
    import pint

    readable = isinstance(
        error,
        pint.errors.UndefinedUnitError
        | pint.errors.DefinitionSyntaxError
        | pint.errors.RedefinitionError,
    )
    reason = (
        (str(error).strip().splitlines() or [""])[0]
        if readable
        else "无法读取这一定义 (the definition cannot be read)"
    )
    return _invalid(line.text, reason)
