"""The library's exceptions: every failure a user can cause is one of these.

All of them subclass :class:`IndicatorkitError`, itself a :class:`ValueError`, so callers that
already catch ``ValueError`` keep working.  Errors about a piece of text carry the text, the
0-based character offset of the problem and render a caret line that lines up under wide
(CJK) characters:

>>> from indicatorkit import parse_target, TargetSyntaxError
>>> try:
...     parse_target("≥95%%")
... except TargetSyntaxError as error:
...     print(error)
指标值无法解析 / cannot read target: 第5列出现意外的“%” (unexpected '%' at column 5)
  ≥95%%
      ^
  提示 / hint: 百分号重复 / doubled '%'
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "DimensionMismatchError",
    "IndicatorkitError",
    "InvalidTargetError",
    "InvalidValueError",
    "TargetSyntaxError",
    "TextError",
    "UnknownUnitError",
    "caret_line",
    "display_width",
]


class IndicatorkitError(ValueError):
    """Base class of every error raised by indicatorkit.

    >>> from indicatorkit import IndicatorkitError, parse_target
    >>> try:
    ...     parse_target("≥95%%")
    ... except IndicatorkitError as error:
    ...     print(type(error).__name__, isinstance(error, ValueError))
    TargetSyntaxError True
    """


def display_width(text: str) -> int:
    """Terminal columns taken by ``text``: wide and full-width characters count twice.

    >>> display_width("≥95%"), display_width("万元")
    (4, 4)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def caret_line(text: str, start: int, end: int | None = None) -> str:
    """Two lines: ``text`` and carets under characters ``start`` to ``end`` (display-aligned).

    >>> print(caret_line("≥95%%", 4))
      ≥95%%
          ^
    """
    end = start + 1 if end is None or end <= start else end
    start = max(0, min(start, len(text)))
    end = max(start + 1, min(end, len(text) + 1))
    pad = display_width(text[:start])
    marks = max(1, display_width(text[start:end]))
    return f"  {text}\n  {' ' * pad}{'^' * marks}"


class TextError(IndicatorkitError):
    """An error located in a piece of text (a target or an actual value).

    ``position`` is the 0-based character offset in ``text`` (the text as the user gave it),
    ``column`` the same 1-based, for messages.

    >>> from indicatorkit import TextError, parse_target
    >>> try:
    ...     parse_target("≥95%%")
    ... except TextError as error:
    ...     print(error.text, error.position)
    ≥95%% 4
    """

    def __init__(
        self,
        message: str,
        text: str,
        position: int,
        *,
        end: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.message = message
        self.text = text
        self.position = position
        self.end = position + 1 if end is None else end
        self.suggestion = suggestion
        super().__init__(self._render())

    @property
    def column(self) -> int:
        return self.position + 1

    def _render(self) -> str:
        lines = [self.message]
        if self.text.strip():
            lines.append(caret_line(self.text, self.position, self.end))
        if self.suggestion:
            lines.append(f"  提示 / hint: {self.suggestion}")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_text_error,
            (type(self), self.message, self.text, self.position, self.end, self.suggestion),
        )


def _rebuild_text_error(
    cls: type[TextError],
    message: str,
    text: str,
    position: int,
    end: int,
    suggestion: str | None,
) -> TextError:
    error = cls.__new__(cls)
    TextError.__init__(error, message, text, position, end=end, suggestion=suggestion)
    return error


class TargetSyntaxError(TextError):
    """The text is not a target expression (or an actual value) of the language.

    >>> from indicatorkit import TargetSyntaxError, parse_target
    >>> try:
    ...     parse_target(">=<5")
    ... except TargetSyntaxError as error:
    ...     print(error.position)
    2
    """


class UnknownUnitError(TextError):
    """A word after a number is not a unit the registry knows.

    ``unit`` is the word, ``nearest`` the closest known units (possibly empty).
    ``counting_word``, when not empty, is the counting word (量词) the text seems to use — a
    single Chinese character the grammar does not read itself, ``蔸`` in ``≥5蔸`` or
    ``≥1.5万蔸`` — and the hint shows the line that adds it.

    >>> from indicatorkit import UnknownUnitError, parse_target
    >>> try:
    ...     parse_target("≥5人天")
    ... except UnknownUnitError as error:
    ...     print(error.unit)
    人天
    """

    def __init__(
        self,
        text: str,
        position: int,
        unit: str,
        nearest: tuple[str, ...],
        counting_word: str = "",
    ) -> None:
        self.unit = unit
        self.nearest = nearest
        self.counting_word = counting_word
        known = f"最接近的已知单位 / nearest known units: {'、'.join(nearest)}；" if nearest else ""
        if counting_word:
            line = f"{counting_word} = [{counting_word}]"
            suggestion = (
                f'{known}若“{counting_word}”是量词，可用 indicatorkit.define_unit("{line}") 添加'
                f' / a counting word is added with define_unit("{line}")'
            )
        elif known:
            suggestion = f"{known}新单位可用 indicatorkit.define_unit() 添加"
        else:
            suggestion = "新单位可用 indicatorkit.define_unit() 添加 / add it with define_unit()"
        super().__init__(
            f"未知单位“{unit}” (unknown unit {unit!r})",
            text,
            position,
            end=position + len(unit),
            suggestion=suggestion,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            type(self),
            (self.text, self.position, self.unit, self.nearest, self.counting_word),
        )


class InvalidTargetError(TextError):
    """The text is well formed but means nothing valid (month 13, a reversed range …).

    >>> from indicatorkit import InvalidTargetError, parse_target
    >>> try:
    ...     parse_target("90%～80%")
    ... except InvalidTargetError as error:
    ...     print(type(error).__name__)
    InvalidTargetError
    """


class InvalidValueError(IndicatorkitError):
    """A value that means nothing, met outside of text: a non-finite number, a reversed range,
    a day that does not exist, a blank sentence, a target value that is not a finite decimal.

    >>> from indicatorkit import InvalidValueError, parse_target
    >>> try:
    ...     parse_target("≥95%").check(float("nan"))
    ... except InvalidValueError as error:
    ...     print(type(error).__name__)
    InvalidValueError
    """


class DimensionMismatchError(IndicatorkitError):
    """Two amounts of different kinds were compared, such as 件 with 人.

    >>> from indicatorkit import DimensionMismatchError, parse_target
    >>> try:
    ...     parse_target("≥95%").check("96元")
    ... except DimensionMismatchError as error:
    ...     print(type(error).__name__)
    DimensionMismatchError
    """

    def __init__(self, expected: str, got: str, *, context: str = "") -> None:
        self.expected = expected
        self.got = got
        self.context = context
        where = f"（{context}）" if context else ""
        super().__init__(
            f"单位不可比较{where}：目标为“{expected}”，实际值为“{got}” "
            f"(cannot compare {got!r} with {expected!r})"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_mismatch, (type(self), self.expected, self.got, self.context))


def _rebuild_mismatch(
    cls: type[DimensionMismatchError], expected: str, got: str, context: str
) -> DimensionMismatchError:
    return cls(expected, got, context=context)
