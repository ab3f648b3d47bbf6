"""The library's exceptions: every failure a user can cause is one of these.

All of them subclass :class:`IndicatorkitError`, itself a :class:`ValueError`, so callers that
already catch ``ValueError`` keep working.  Errors about a piece of text carry the text, the
0-based character offset of the problem and render a caret line that lines up under wide
(CJK) characters:

>>> from indicatorkit import parse_target
>>> from indicatorkit.errors import TargetSyntaxError
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
from collections.abc import Callable
from typing import Any, TypedDict, Unpack

__all__ = [
    "AmbiguousTargetError",
    "ArgumentError",
    "DateSerialError",
    "DimensionMismatchError",
    "Hint",
    "IndicatorkitError",
    "InvalidTargetError",
    "InvalidValueError",
    "MissingNumberError",
    "SeveralValuesError",
    "TargetSyntaxError",
    "TextError",
    "UnknownRuleSetError",
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


#: A hint: the text, ``None`` for none, or a function that finds it — called the first time
#: the hint is asked for (``suggestion``, ``str()``, pickling), so that a reader that catches
#: the error and tries another reading never pays for it.
Hint = str | Callable[[], str | None] | None

#: ``BaseException.args`` as the interpreter keeps it (what ``args`` is set to, if ever).
_GIVEN_ARGS: Any = BaseException.__dict__["args"]


class _Where(TypedDict, total=False):
    """Where in the text an error is beyond its position, and the hint (:class:`TextError`)."""

    end: int | None
    suggestion: Hint


class TextError(IndicatorkitError):
    """An error located in a piece of text (a target or an actual value).

    ``position`` is the 0-based character offset in ``text`` (the text as the user gave it),
    ``column`` the same 1-based, for messages.  The message with its caret line and hint is
    rendered when asked (``str()``, ``args``, ``repr()``), and a hint given as a function is
    found then (:data:`Hint`): both are the same whenever they are asked.

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
        suggestion: Hint = None,
    ) -> None:
        self.message = message
        self.text = text
        self.position = position
        self.end = position + 1 if end is None else end
        self._hint = suggestion
        super().__init__()  # the rendered message is args[0], made when asked

    @property
    def suggestion(self) -> str | None:
        """The hint (found the first time it is asked for, when given as a function)."""
        hint = self._hint
        if callable(hint):
            hint = self._hint = hint()
        return hint

    @property
    def column(self) -> int:
        return self.position + 1

    @property
    def args(self) -> tuple[Any, ...]:
        """``(the rendered message,)``, as an exception's arguments — unless set since."""
        return _GIVEN_ARGS.__get__(self) or (self._render(),)

    @args.setter
    def args(self, value: tuple[Any, ...]) -> None:
        _GIVEN_ARGS.__set__(self, value)

    def __str__(self) -> str:
        return self._render() if not _GIVEN_ARGS.__get__(self) else super().__str__()

    def __repr__(self) -> str:
        if _GIVEN_ARGS.__get__(self):
            return super().__repr__()
        return f"{type(self).__name__}({self._render()!r})"

    def _render(self) -> str:
        lines = [self.message]
        if self.text.strip():
            lines.append(caret_line(self.text, self.position, self.end))
        if self.suggestion:
            lines.append(f"  提示 / hint: {self.suggestion}")
        return "\n".join(lines)

    #: What a subclass adds to the located message, carried when the error is pickled.
    _pickled_extra: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[object, ...]:
        located = (type(self), self.message, self.text, self.position, self.end, self.suggestion)
        if not self._pickled_extra:
            return (_rebuild_text_error, located)
        return (
            _rebuild_text_error,
            located,
            {name: getattr(self, name) for name in self._pickled_extra},
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

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.errors import TargetSyntaxError
    >>> try:
    ...     parse_target(">=<5")
    ... except TargetSyntaxError as error:
    ...     print(error.position)
    2
    """


class MissingNumberError(TargetSyntaxError):
    """A unit alone, without its number (``公里``, ``万亩``: an unfilled template cell).  Never
    read as a sentence, in lenient reading either.

    >>> from indicatorkit import parse_target
    >>> parse_target("公里", lenient=True)
    Traceback (most recent call last):
      ...
    indicatorkit.errors.MissingNumberError: 只有单位“公里”，没有数值 (a unit with no number: an unfilled template cell?)
      公里
      ^^^^
      提示 / hint: 填写数值，例如“≥5公里” / fill in the number, e.g. ≥5公里
    """


class SeveralValuesError(TargetSyntaxError):
    """The text holds two or more values (``首年返本10%，分红按5%``): which one is the target
    cannot be told, so it is never guessed.

    >>> from indicatorkit import parse_target
    >>> parse_target("首年返本10%，分红按5%")
    Traceback (most recent call last):
      ...
    indicatorkit.errors.SeveralValuesError: 含两个或以上数值（“10%”“5%”），无法判断哪个是指标值 (two or more values: which one is the target cannot be told)
      首年返本10%，分红按5%
              ^^^
      提示 / hint: 每个指标只写一个指标值；定性描述请加引号 / one target per indicator; quote a qualitative sentence
    """


class UnknownUnitError(TextError):
    """A word after a number is not a unit the registry knows.

    ``unit`` is the word, ``nearest`` the closest known units (possibly empty; given as a
    function, they are found the first time they — or the hint — are asked for).
    ``counting_word``, when not empty, is the counting word (量词) the text seems to use — a
    single Chinese character the grammar does not read itself, ``蔸`` in ``≥5蔸`` or
    ``≥1.5万蔸`` — and the hint shows the line that adds it.

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.errors import UnknownUnitError
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
        nearest: tuple[str, ...] | Callable[[], tuple[str, ...]],
        counting_word: str = "",
        note: str = "",
    ) -> None:
        self.unit = unit
        self._nearest = nearest
        self.counting_word = counting_word
        self.note = note  # a hint that fits the word better than the nearest units
        super().__init__(
            f"未知单位“{unit}” (unknown unit {unit!r})",
            text,
            position,
            end=position + len(unit),
            suggestion=note or self._unit_hint,
        )

    @property
    def nearest(self) -> tuple[str, ...]:
        """The closest known units (found the first time they are asked for, when given as a
        function)."""
        nearest = self._nearest
        if callable(nearest):
            nearest = self._nearest = nearest()
        return nearest

    def _unit_hint(self) -> str:
        """The hint: the nearest units, and how to add a unit (a counting word's own line)."""
        nearest, counting_word = self.nearest, self.counting_word
        known = f"最接近的已知单位 / nearest known units: {'、'.join(nearest)}；" if nearest else ""
        if counting_word:
            line = f"{counting_word} = [{counting_word}]"
            return (
                f'{known}若“{counting_word}”是量词，可用 indicatorkit.define_unit("{line}") 添加'
                f' / a counting word is added with define_unit("{line}")'
            )
        if known:
            return f"{known}新单位可用 indicatorkit.define_unit() 添加"
        return "新单位可用 indicatorkit.define_unit() 添加 / add it with define_unit()"

    def __reduce__(self) -> tuple[object, ...]:
        return (
            type(self),
            (self.text, self.position, self.unit, self.nearest, self.counting_word, self.note),
        )


class InvalidTargetError(TextError):
    """The text is well formed but means nothing valid (month 13, a reversed range …).

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.errors import InvalidTargetError
    >>> try:
    ...     parse_target("90%～80%")
    ... except InvalidTargetError as error:
    ...     print(type(error).__name__)
    InvalidTargetError
    """


class AmbiguousTargetError(InvalidTargetError):
    """Text that only a documented convention reads, such as ``8月前`` (before August begins,
    or by its end?).  Strict reading refuses it; lenient reading takes ``reading`` — what the
    convention reads — and reports the diagnostic ``code`` (T040 onwards).

    >>> from indicatorkit import parse_target
    >>> parse_target("8月前", lenient=True).target
    Deadline('8月底前')
    """

    _pickled_extra = ("code", "reading")

    def __init__(
        self,
        message: str,
        text: str,
        position: int,
        *,
        code: str = "T040",
        reading: object = None,
        **where: Unpack[_Where],
    ) -> None:
        self.code = code
        self.reading = reading
        super().__init__(message, text, position, **where)


class InvalidValueError(IndicatorkitError):
    """A value that means nothing, met outside of text: a non-finite number, a reversed range,
    a day that does not exist, a blank sentence, a target value that is not a finite decimal.

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.errors import InvalidValueError
    >>> try:
    ...     parse_target("≥95%").check(float("nan"))
    ... except InvalidValueError as error:
    ...     print(type(error).__name__)
    InvalidValueError
    """


class DimensionMismatchError(IndicatorkitError):
    """Two amounts of different kinds were compared, such as 件 with 人.

    >>> from indicatorkit import parse_target
    >>> from indicatorkit.errors import DimensionMismatchError
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


class DateSerialError(DimensionMismatchError):
    """A plain number where a date is needed, in the range of spreadsheet date serials:
    ``45291`` is probably 2023年12月31日 leaked from Excel.  Never guessed; the message says
    which date it would be.

    >>> from indicatorkit import parse_target
    >>> parse_target("12月底前").check(45291)
    Traceback (most recent call last):
      ...
    indicatorkit.errors.DateSerialError: 需要日期，实际值是数字“45291”：它可能是 Excel 日期序列号，即 2023年12月31日，请填写日期本身 (a date is needed, got the number 45291: probably an Excel date serial for 2023-12-31; write the date itself)
    """

    def __init__(self, number: str, date: str, iso: str, *, context: str = "") -> None:
        self.expected = "日期"
        self.got = number
        self.context = context
        self.date = date
        self.iso = iso
        IndicatorkitError.__init__(
            self,
            f"需要日期，实际值是数字“{number}”：它可能是 Excel 日期序列号，即 {date}，请填写日期本身 "
            f"(a date is needed, got the number {number}: probably an Excel date serial for "
            f"{iso}; write the date itself)",
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_serial, (type(self), self.got, self.date, self.iso, self.context))


def _rebuild_serial(
    cls: type[DateSerialError], number: str, date: str, iso: str, context: str
) -> DateSerialError:
    return cls(number, date, iso, context=context)


def _rebuild_mismatch(
    cls: type[DimensionMismatchError], expected: str, got: str, context: str
) -> DimensionMismatchError:
    return cls(expected, got, context=context)


class UnknownRuleSetError(IndicatorkitError):
    """A rule set named that indicatorkit does not have (``--rules``, ``评分规则：``, or
    ``rules="…"``); the message lists the known ones.

    >>> from indicatorkit.errors import UnknownRuleSetError
    >>> from indicatorkit.scoring import score_indicator
    >>> try:
    ...     score_indicator("≥95%", "96%", 10, rules="没有这套")
    ... except UnknownRuleSetError as error:
    ...     print(str(error).split(";")[0])
    未知的评分规则“没有这套” (unknown rule set)
    """


class ArgumentError(IndicatorkitError, TypeError):
    """A library function given an argument of the wrong kind — a file name where actuals
    are wanted, a text where a date is: says which function, which argument, what it takes
    and what it got.  Both a :class:`ValueError` (as every error here) and a
    :class:`TypeError`.

    >>> error = ArgumentError("monitor", "at", "datetime.date", "2025-06-30",
    ...                       "datetime.date.fromisoformat('2025-06-30')")
    >>> print(error)
    monitor() 的参数 at 应为 datetime.date，得到的是 str '2025-06-30' (monitor(): at takes datetime.date, not str) — 提示 / hint: datetime.date.fromisoformat('2025-06-30')
    >>> isinstance(error, TypeError), isinstance(error, IndicatorkitError)
    (True, True)
    """

    def __init__(
        self, function: str, argument: str, expected: str, got: object, hint: str = ""
    ) -> None:
        self.function, self.argument, self.expected, self.hint = function, argument, expected, hint
        self.got = got
        kind = type(got).__name__
        shown = repr(got)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        super().__init__(
            f"{function}() 的参数 {argument} 应为 {expected}，得到的是 {kind} {shown} "
            f"({function}(): {argument} takes {expected}, not {kind})"
            + (f" — 提示 / hint: {hint}" if hint else "")
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            type(self),
            (self.function, self.argument, self.expected, self.got, self.hint),
        )
