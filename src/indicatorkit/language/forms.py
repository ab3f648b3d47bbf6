"""What the grammar reads a text into — the start symbols (:class:`Start`), the target *forms*
(:class:`Compared`, :class:`Between`, :class:`By`; :mod:`indicatorkit.language.reading` turns
them into targets) and the located error the reductions raise (:class:`Located`) — and how a
token is valued and located.

>>> from indicatorkit.units import default_registry
>>> from indicatorkit.language.grammar import parser_for
>>> parser_for(default_registry()).parse("5到10人", start=Start.TARGET.value)
Between(low=Amount('5人'), high=Amount('10人'), span=(1, 2), low_inclusive=True, high_inclusive=True)
"""

from __future__ import annotations

import enum
from fractions import Fraction

import attrs
from lark import Token

from indicatorkit.errors import InvalidTargetError, TextError
from indicatorkit.language.values import Amount, DatePoint, DateSpan
from indicatorkit.numerals import chinese_value, decimal_value
from indicatorkit.vocabulary import Operator

__all__ = ["Between", "By", "Compared", "Form", "Located", "Start"]


class Start(enum.Enum):
    """The two start symbols: a target (指标值) or an actual value (实际完成值).

    >>> Start.TARGET.value, Start.TARGET.label, Start.ACTUAL.label, Start.ACTUAL.english
    ('start_target', '指标值', '实际值', 'actual')
    """

    TARGET = "start_target"
    ACTUAL = "start_actual"

    @property
    def label(self) -> str:
        """The Chinese name of what is read, for messages."""
        return "指标值" if self is Start.TARGET else "实际值"

    @property
    def english(self) -> str:
        return "target" if self is Start.TARGET else "actual"


# ---- forms: what a target text says, before it becomes a target ------------------------------


@attrs.frozen
class Compared:
    """An operator (``None``: a bare value) and an amount; ``span`` locates the text.

    >>> from indicatorkit.language.grammar import parser_for
    >>> from indicatorkit.units import default_registry
    >>> parser_for(default_registry()).parse("95%", start=Start.TARGET.value)
    Compared(operator=None, amount=Amount('95%'), span=(0, 0))
    """

    operator: Operator | None
    amount: Amount
    span: tuple[int, int]


@attrs.frozen
class Between:
    """Two amounts of a range and whether each is included; ``span`` locates the separator
    (or the second comparator of a compound bound such as ``大于10小于20``).

    >>> from indicatorkit.language.grammar import parser_for
    >>> from indicatorkit.units import default_registry
    >>> form = parser_for(default_registry()).parse("大于10小于20", start=Start.TARGET.value)
    >>> form.low, form.high, form.span, form.low_inclusive, form.high_inclusive
    (Amount('10'), Amount('20'), (4, 6), False, False)
    """

    low: Amount
    high: Amount
    span: tuple[int, int]
    low_inclusive: bool = True
    high_inclusive: bool = True


@attrs.frozen
class By:
    """A deadline: done by ``point``.

    >>> from indicatorkit.language.grammar import parser_for
    >>> from indicatorkit.units import default_registry
    >>> parser_for(default_registry()).parse("12月底前", start=Start.TARGET.value)
    By(point=DatePoint(month=12, day=None, year=None))
    """

    point: DatePoint


#: What a target text says: a comparison, a range, a deadline, or a period (a
#: :class:`DateSpan`, a value that is also what an actual period reads to).
Form = Compared | Between | By | DateSpan


class Located(Exception):
    """Raised inside the transformer; turned into a :class:`TextError` with offsets in the
    text as the user gave it.

    >>> from indicatorkit.language.grammar import parser_for
    >>> from indicatorkit.units import default_registry
    >>> try:
    ...     parser_for(default_registry()).parse("12月32日", start=Start.TARGET.value)
    ... except Located as located:
    ...     print(located.cls.__name__, located.start, located.end, located.message)
    InvalidTargetError 3 5 日期无效 (no such day) “12月32日”
    """

    def __init__(
        self,
        cls: type[TextError],
        message: str,
        start: int,
        end: int,
        suggestion: str | None = None,
    ) -> None:
        super().__init__(message)
        self.cls = cls
        self.message = message
        self.start = start
        self.end = end
        self.suggestion = suggestion


# ---- tokens: their place and value ---


def _operator_word(token: Token) -> str:
    """The vocabulary word of a PREFIX_OP token, spaces removed."""
    return "".join(str(token).split())


def _span(token: Token) -> tuple[int, int]:
    start = token.start_pos or 0
    return start, start + len(token)


def _invalid(token: Token, message: str, suggestion: str | None = None) -> Located:
    start, end = _span(token)
    return Located(InvalidTargetError, message, start, end, suggestion)


def _numeral(token: Token, text: str | None = None) -> Fraction:
    """The value of a Chinese numeral token, or a located error."""
    try:
        return chinese_value(str(token) if text is None else text)
    except ValueError:
        raise _invalid(token, f"中文数字无法读取 (malformed Chinese numeral) “{token}”") from None


def _decimal(token: Token, text: str | None = None) -> Fraction:
    """The value of an Arabic number token, or a located error (too many digits)."""
    try:
        return decimal_value(str(token) if text is None else text)
    except ValueError as error:
        raise _invalid(token, str(error)) from None


def _integer(token: Token) -> int | None:
    """A whole number written in Arabic digits or a Chinese numeral; ``None`` if not whole."""
    value = _decimal(token) if token.type == "DECIMAL" else _numeral(token)
    return int(value) if value.denominator == 1 else None
