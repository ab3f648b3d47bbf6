"""The grammar of the target language and its LALR parser, one per unit registry.

The parser is made from the tables shipped beside ``grammar/target.lark``
(:mod:`indicatorkit.language.tables`), with terminals generated from the vocabulary tables and
the registry's unit words.  The transformer builds *values* (:class:`Amount`,
:class:`DatePoint`) and, for targets, small *forms* (:class:`Compared`, :class:`Between`,
:class:`By`) that say what was written; :mod:`indicatorkit.language.reading` turns forms into
targets.  Keeping target kinds out of this module is what lets targets read actual text
without an import cycle.

>>> from indicatorkit.units import default_registry
>>> parser = parser_for(default_registry())
>>> parser.parse("不低于90%", start=Start.TARGET.value)
Compared(operator=<Operator.GE: '≥'>, amount=Amount('90%'), span=(0, 3))
>>> parser.parse("12月20日", start=Start.ACTUAL.value)
DatePoint(month=12, day=20, year=None)
"""

from __future__ import annotations

import enum
from fractions import Fraction
from functools import lru_cache
from typing import Any

import attrs
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedInput

from indicatorkit.errors import InvalidTargetError, TextError
from indicatorkit.language.conventions import Convention
from indicatorkit.language.tables import grammar_text, load_parser, supplied_patterns
from indicatorkit.language.values import Amount, DatePoint, DateSpan, valid_day
from indicatorkit.numerals import chinese_value, decimal_value
from indicatorkit.units import NO_UNIT, SCALES, Unit, UnitRegistry
from indicatorkit.vocabulary import (
    PREFIX_OPERATORS,
    SUFFIX_OPERATORS,
    Operator,
)

__all__ = [
    "Between",
    "By",
    "Compared",
    "Located",
    "Start",
    "accepts",
    "grammar_text",
    "parser_for",
]


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


# ---- the grammar -----------------------------------------------------------------------------


def _operator_word(token: Token) -> str:
    """The vocabulary word of a PREFIX_OP token, spaces removed."""
    return "".join(str(token).split())


def _span(token: Token) -> tuple[int, int]:
    start = token.start_pos or 0
    return start, start + len(token)


def _invalid(token: Token, message: str, suggestion: str | None = None) -> Located:
    start, end = _span(token)
    return Located(InvalidTargetError, message, start, end, suggestion)


_END_OF_MONTH = object()


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


@attrs.frozen
class _NamedMonth:
    """A month named without a day (``11月``, ``2024年11月``): what it means depends on where
    it stands — the start of a period (its 1st), the end of one (its last day), a deadline (by
    its end), an actual (the whole month)."""

    month: int
    year: int | None
    start: int
    end: int
    word: str = "月"  # 月 or 月份, as written

    def first_day(self) -> DatePoint:
        return DatePoint(self.month, 1, self.year)

    def last_day(self) -> DatePoint:
        return DatePoint(self.month, None, self.year)


#: The last month of 上半年, 下半年 and each quarter (季度).
_PART_LAST_MONTH = {"上半年": 6, "下半年": 12, "一": 3, "二": 6, "三": 9, "四": 12}


def _ambiguous_month(
    month: _NamedMonth, end: int, written: str, code: str, deadline: By
) -> Convention:
    """A month named alone where strict reading cannot be sure: lenient reading takes
    ``deadline`` (by the month's end) with the diagnostic ``code``."""
    by = f"{deadline.point}前"
    if code == "T040":
        message = (
            f"日期不明确 (ambiguous date)：“{written}”可能指{month.month}月1日之前，也可能指"
            f"{month.month}月底之前 / before the month begins, or by its end"
        )
    else:
        message = f"日期不明确 (ambiguous date)：只写了月份“{written}” / only a month is named"
    return Convention(
        code,
        message,
        month.start,
        end,
        f"写明“{by}”或具体日期；宽松模式按惯例读作“{by}” / write the day; lenient reading "
        f"takes “{by}” by convention",
        deadline,
    )


def _calendar_year(amount: Amount) -> int | None:
    """The year of "2025年" followed by 内: a whole number of 年 between 1900 and 2199."""
    if amount.unit.symbol != "年" or amount.value.denominator != 1:
        return None
    return int(amount.value) if 1900 <= amount.value <= 2199 else None


@attrs.frozen
class _Inclusion:
    """``（含）``, ``（含90%）`` or ``（不含）`` after a comparison."""

    included: bool
    amount: Amount | None
    token: Token


def _check_inclusion(operator: Operator, amount: Amount, inclusion: _Inclusion) -> None:
    """``≥90%（含）`` says twice that 90% is included: accept it when both say the same."""
    token = inclusion.token
    if inclusion.amount is not None and (
        inclusion.amount.unit.dimension != amount.unit.dimension
        or inclusion.amount.normalized != amount.normalized
    ):
        raise _invalid(
            token,
            f"括号中的数“{inclusion.amount}”与指标值“{amount}”不同 "
            f"(the number in brackets differs from the target's)",
        )
    inclusive = operator in (Operator.GE, Operator.LE)
    if operator is Operator.EQ or inclusive != inclusion.included:
        raise _invalid(
            token,
            f"比较词“{operator.value}”与“{token}”矛盾 (the comparator and '{token}' disagree "
            "on whether the number itself is included)",
            f"只写一种，例如 {'≥' if inclusion.included else '>'}{amount}",
        )


def _borrow_unit(first: Amount, second: Amount) -> Amount:
    """The first-written end with the unit written once, after the second (``大于10小于20%``;
    ``1万-2万元`` is 1万元 to 2万元): as in a range, never the other way round."""
    if first.unit is NO_UNIT and second.unit is not NO_UNIT:
        return Amount(first.value, second.unit)
    if first.unit.dimension == "" and second.unit.dimension != "":
        return Amount(first.normalized / second.unit.factor, second.unit)
    return first


def _bounded(
    first: tuple[Operator, Amount, Token], second: tuple[Operator, Amount, Token]
) -> Between:
    """Two comparisons, one a lower bound and one an upper bound, as one range whose ends
    carry their own inclusivity (``大于10小于20`` is 10 < x < 20)."""
    operators = (first[0], second[0])
    if Operator.EQ in operators or operators[0].is_lower_bound == operators[1].is_lower_bound:
        start, _ = _span(first[2])
        _, end = _span(second[2])
        raise Located(
            InvalidTargetError,
            f"两个比较词须一个是下限、一个是上限 (a compound bound needs one lower and one upper "
            f"bound): “{first[2]}”与“{second[2]}”",
            start,
            end,
        )
    first = (first[0], _borrow_unit(first[1], second[1]), first[2])
    lower, upper = (first, second) if operators[0].is_lower_bound else (second, first)
    low, high = lower[1], upper[1]
    return Between(
        low,
        high,
        _span(second[2]),
        low_inclusive=lower[0] is Operator.GE,
        high_inclusive=upper[0] is Operator.LE,
    )


@v_args(inline=True)
class _Build(Transformer[Token, Any]):
    """Builds values and forms straight from the LALR parser's reductions."""

    def __init__(self, registry: UnitRegistry) -> None:
        super().__init__()
        self.registry = registry
        self.year_unit = registry.lookup("年")

    def start_target(self, target: Any, full_stop: Token | None = None) -> Any:
        return target

    def start_actual(self, actual: Any) -> Any:
        return actual

    # ---- comparisons ----
    def prefixed(
        self, op: Token, amount: Amount, suffix: Token | None, inclusion: _Inclusion | None
    ) -> Compared:
        operator = PREFIX_OPERATORS[_operator_word(op)]
        start, end = _span(op if suffix is None else suffix)
        if suffix is not None:
            after = SUFFIX_OPERATORS[str(suffix)]
            if operator is Operator.EQ:
                operator = after  # "为95%以上" is "≥95%"
            elif operator is not after:
                start, _ = _span(op)
                raise Located(
                    InvalidTargetError,
                    f"前后比较词矛盾 (contradicting comparators): “{op}”与“{suffix}”",
                    start,
                    end,
                    f"只保留一个，例如 {operator.value}{amount} 或 {amount}{suffix}",
                )
        if inclusion is not None:
            _check_inclusion(operator, amount, inclusion)
        return Compared(operator, amount, (_span(op)[0], end))

    def suffixed(
        self,
        amount: Amount,
        suffix: Token,
        inclusion: _Inclusion | None,
        complete: Token | None,
    ) -> Compared | By:
        operator = SUFFIX_OPERATORS[str(suffix)]
        if inclusion is not None:
            _check_inclusion(operator, amount, inclusion)
        year = _calendar_year(amount)
        if year is not None and operator is Operator.LE and str(suffix).endswith("内"):
            return By(DatePoint(12, None, year))  # "2025年内": by the end of 2025
        return Compared(operator, amount, _span(suffix))

    def than(self, than: Token, amount: Amount, word: Token) -> Compared:
        operator = Operator.GT if str(word) in "大多高" else Operator.LT
        return Compared(operator, amount, (_span(than)[0], _span(word)[1]))

    def inclusion(self, included: Token, amount: Amount | None) -> _Inclusion:
        return _Inclusion(not str(included).startswith("不"), amount, included)

    def bare(self, amount: Amount) -> Compared:
        return Compared(None, amount, (0, 0))

    # ---- compound bounds ----
    def operator_bound(self, op: Token, amount: Amount) -> tuple[Operator, Amount, Token]:
        return PREFIX_OPERATORS[_operator_word(op)], amount, op

    def than_bound(
        self, than: Token, amount: Amount, word: Token
    ) -> tuple[Operator, Amount, Token]:
        return (Operator.GT if str(word) in "大多高" else Operator.LT), amount, than

    def bounded_prefixed(
        self,
        first: tuple[Operator, Amount, Token],
        joiner: Token | None,
        second: tuple[Operator, Amount, Token],
    ) -> Between:
        return _bounded(first, second)

    def bounded_suffixed(
        self,
        first: Amount,
        suffix: Token,
        joiner: Token | None,
        second: Amount,
        second_suffix: Token,
    ) -> Between:
        return _bounded(
            (SUFFIX_OPERATORS[str(suffix)], first, suffix),
            (SUFFIX_OPERATORS[str(second_suffix)], second, second_suffix),
        )

    # ---- ranges ----
    def range(self, low: Amount, separator: Token, high: Amount, between: Token | None) -> Between:
        if low.unit is NO_UNIT and high.unit is not NO_UNIT:
            low = Amount(low.value, high.unit)  # the unit is written once: "90-100%"
        elif low.unit.dimension == "" and high.unit.dimension != "":
            # a multiplier alone: "1万-2万元" is 1万元 to 2万元, "5千-2万元" 5000元 to 2万元
            low = Amount(low.normalized / high.unit.factor, high.unit)
        return Between(low, high, _span(separator))

    def tolerance(self, sign: Token, amount: Amount, suffix: Token | None) -> Between:
        """±3% (以内): from -3% to 3%, both included."""
        if suffix is not None and SUFFIX_OPERATORS[str(suffix)] is not Operator.LE:
            raise _invalid(suffix, f"“±”之后只能写“以内” (± takes 以内 only), not “{suffix}”")
        if amount.value <= 0:
            raise _invalid(sign, f"“±”之后应为正数 (± takes a positive number): {amount}")
        return Between(Amount(-amount.value, amount.unit), amount, _span(sign))

    # ---- amounts ----
    def amount(self, dash: Token | None, magnitude: Amount, whole: Token | None) -> Amount:
        return magnitude if dash is None else Amount(-magnitude.value, magnitude.unit)

    def unit(self, top: Token, *rates: Token | str | None) -> Unit:
        # PER and TIMES tokens and denominators (plain str): 元/人/月 → ("/", "人", "/", "个月");
        # 元/人·月 → ("/", "人", "·", None, "个月") — both are 元/人/个月
        joined = [word for word in rates if isinstance(word, Token) and word.type == "TIMES"]
        if joined and not any(isinstance(w, Token) and w.type == "PER" for w in rates):
            raise _invalid(
                joined[0],
                f"“{joined[0]}”只能连接比率的分母 (joins the denominators of a rate only)",
                "写作“元/人·月” / write 元/人·月",
            )
        return self._rate(top, str(top), rates)

    def rate_of_number(self, per: Token, *rates: Token | str | None) -> Unit:
        # 28.40/株: a rate over a bare number, "/株"
        return self._rate(per, "", (per, *rates))

    def _rate(self, first: Token, top: str, rates: tuple[Token | str | None, ...]) -> Unit:
        words = [word for word in rates if word is not None and not isinstance(word, Token)]
        text = "/".join([top, *(str(word) for word in words)])
        try:
            return self.registry.lookup(text)
        except KeyError:
            raise _invalid(first, f"单位无法读取 (unit cannot be read) “{text[:40]}”") from None

    def denominator(self, word: Token, unit: Token | None = None) -> str:
        if unit is not None:  # 100km: a count of the unit
            count = _integer(word)
            if count is None or count < 1:
                raise _invalid(
                    word, f"分母的个数应为正整数 (a denominator counts whole units) “{word}”"
                )
            return f"{count}{unit}"
        return "个月" if word.type == "MONTH" else str(word)

    def arabic(self, number: Token, scale: Token | None, unit: Unit | None) -> Amount:
        base = unit if unit is not None else NO_UNIT
        if scale is not None:
            base = self.registry.scaled(str(scale), base)  # 1.5万人次 stays in 万人次
        return Amount(_decimal(number), base)

    def chinese(self, number: Token, unit: Unit | None) -> Amount:
        text = "".join(str(number).split())
        if number.type == "CN_NUMBER" and unit is not None and len(text) > 1 and text[-1] in SCALES:
            # The numeral may have taken the first character of the unit: read 五千克 as 5千克
            # and 一点五万元 as 1.5万元 (as 1.5万元 is read), when that means the same number —
            # and 五十千克 as 50千克, which is no numeral otherwise.
            joined = text[-1] + unit.symbol
            if joined in self.registry.known_unit_set():
                try:
                    whole = chinese_value(text)
                except ValueError:
                    whole = None
                try:
                    part = chinese_value(text[:-1])
                except ValueError:
                    part = None
                if part is not None and (whole is None or whole == part * SCALES[text[-1]]):
                    return Amount(part, self.registry.lookup(joined))
        return Amount(_numeral(number), unit if unit is not None else NO_UNIT)

    def chinese_part(self, token: Token) -> Amount:
        text = "".join(str(token).split())
        digits = text[text.index("之") + 1 :]
        if digits[0] in "0123456789":
            value = _decimal(token, digits)
        else:
            value = _numeral(token, digits)
        per = text[: text.index("分")]
        if per in ("百", "千"):
            return Amount(value, self.registry.lookup("%" if per == "百" else "‰"))
        # 万分之五 is 0.05%, 百万分之五 0.0005%
        return Amount(value * 100 / _numeral(token, "一" + per), self.registry.lookup("%"))

    def chinese_tenths(self, token: Token) -> Amount:
        """八成, 九成五, 三成半, 半成: a count of 成 (one 成 is 10%)."""
        try:
            return Amount(_numeral(token), self.registry.unit("成"))
        except KeyError:
            raise _invalid(
                token, f"单位表中没有“成” (no unit 成 in the registry) “{token}”"
            ) from None

    # ---- deadlines ----
    def deadline(
        self,
        every: Token | None,
        point: DatePoint | _NamedMonth,
        mark: Token | None,
        complete: Token | None,
    ) -> By | Convention:
        if every is not None and point.year is not None:
            raise _invalid(every, f"“每年”与具体年份矛盾 (every year, and a given year): {point}")
        if isinstance(point, DatePoint):
            return By(point)
        by = By(point.last_day())
        if mark is not None:  # 8月前: before August begins, or by its end?
            end = _span(mark)[1]
            written = f"{point.month}{point.word}{mark}"
            return _ambiguous_month(point, end, written, "T040", by)
        if complete is None and point.year is None:  # 11月: only a month
            return _ambiguous_month(point, point.end, f"{point.month}月", "T041", by)
        return by  # 2024年11月, 10月完成: by the end of that month

    def within_year(self, token: Token, complete: Token | None) -> By:
        return By(DatePoint(12))

    def within_year_of(self, year: int, token: Token, complete: Token | None) -> By:
        return By(DatePoint(12, None, year))  # 2025年年内

    def part_of_year(
        self,
        every: Token | None,
        year: int | None,
        part: Token,
        month_end: Token | None,
        mark: Token | None,
        complete: Token | None,
    ) -> By:
        if every is not None and year is not None:
            raise _invalid(every, "“每年”与具体年份矛盾 (every year, and a given year)")
        name = str(part)
        key = name if name in _PART_LAST_MONTH else name.lstrip("第")[0]
        key = {"1": "一", "2": "二", "3": "三", "4": "四"}.get(key, key)
        return By(DatePoint(_PART_LAST_MONTH[key], None, year))  # 一季度: by the end of March

    def year_end(self, token: Token) -> DatePoint:
        return DatePoint(12)

    def end_of_year(self, year: int, token: Token) -> DatePoint:
        return DatePoint(12, None, year)  # 2025年底, 2025年年底

    def dotted_date(self, token: Token) -> DatePoint:
        year, month, day = (int(part) for part in str(token).split("."))
        if not valid_day(month, day, year):
            raise _invalid(token, f"日期无效 (no such day) “{token}”")
        return DatePoint(month, day, year)  # 2020.12.31

    def year(self, number: Token, unit: Unit) -> int:
        value = _integer(number)
        if unit != self.year_unit or value is None or not 1 <= value <= 9999:
            raise _invalid(number, f"年份无效 (invalid year) “{number}{unit.symbol}”")
        return value

    def month_end(self, token: Token) -> object:
        return _END_OF_MONTH

    def day_of_month(self, number: Token, mark: Token) -> tuple[int | None, Token]:
        return _integer(number), number

    def month_point(
        self,
        year: int | None,
        month_token: Token,
        mark: Token,
        day: tuple[int | None, Token] | object | None,
    ) -> DatePoint | _NamedMonth:
        month = _integer(month_token)
        if month is None or not valid_day(month, None):
            raise _invalid(month_token, f"月份无效 (no such month) “{month_token}月”")
        if day is None:
            return _NamedMonth(month, year, _span(month_token)[0], _span(mark)[1], str(mark))
        if day is _END_OF_MONTH:
            return DatePoint(month, None, year)
        number: int | None
        day_token: Token
        number, day_token = day  # type: ignore[misc]
        if number is None or not valid_day(month, number, year):
            raise _invalid(day_token, f"日期无效 (no such day) “{month_token}月{day_token}日”")
        return DatePoint(month, number, year)

    # ---- periods ----
    def period_of_dates(
        self, first: DatePoint | _NamedMonth, separator: Token, last: DatePoint | _NamedMonth
    ) -> DateSpan:
        start = first.first_day() if isinstance(first, _NamedMonth) else first
        end = last.last_day() if isinstance(last, _NamedMonth) else last
        return _span_of(start, end, separator)

    def period_of_dotted(
        self, first: DatePoint | _NamedMonth, separator: Token, last: Token
    ) -> DateSpan:
        # 2021.1.1-12.31: the year of the first end holds for the second
        if not isinstance(first, DatePoint) or first.year is None or first.day is None:
            raise _invalid(
                last,
                f"“{last}”只能跟在带点的完整日期之后 (a dotted month.day follows a dotted full date only)",
                "写作“2021.1.1-2021.12.31” / write 2021.1.1-2021.12.31",
            )
        start = first
        month, day = (int(part) for part in str(last).split("."))
        if not valid_day(month, day, start.year):
            raise _invalid(last, f"日期无效 (no such day) “{last}”")
        return _span_of(start, DatePoint(month, day, None), separator)

    def period_of_months(
        self, first: Amount, separator: Token, last: DatePoint | _NamedMonth
    ) -> DateSpan:
        # 3-11月: the first month is written as a bare number
        month = int(first.value) if first.value.denominator == 1 else 0
        if first.unit is not NO_UNIT or not 1 <= month <= 12:
            raise _invalid(
                separator,
                f"期间的起点不是月份 (the period does not start with a month): {first}",
                "写作“3月～11月” / write 3月～11月",
            )
        end = last.last_day() if isinstance(last, _NamedMonth) else last
        return _span_of(DatePoint(month, 1, None), end, separator)

    def whole_year(self, year: int | None, token: Token) -> DateSpan:
        return DateSpan(DatePoint(1, 1, year), DatePoint(12, None, year))  # 全年, 2020年全年

    def actual(self, value: Any) -> Any:
        if isinstance(value, _NamedMonth):
            return DateSpan.month(value.month, value.year)  # 2023年12月: the whole month
        return value


def _span_of(start: DatePoint, end: DatePoint, separator: Token) -> DateSpan:
    """The period from ``start`` to ``end``; a year written once holds for both ends
    (``2024年3月-10月``)."""
    try:
        if start.year is not None and end.year is None:
            end = DatePoint(end.month, end.day, start.year)
        elif end.year is not None and start.year is None:
            start = DatePoint(start.month, start.day, end.year)
        return DateSpan(start, end)
    except ValueError as error:
        raise _invalid(separator, f"期间无效 (invalid period): {error}") from None


@lru_cache(maxsize=16)
def parser_for(registry: UnitRegistry) -> Lark:
    """The LALR parser for ``registry``: the shipped tables with the registry's unit words
    (:mod:`indicatorkit.language.tables`; made once per registry, in milliseconds; safe to
    share between threads: a parse keeps its state in the call)."""
    return load_parser(supplied_patterns(registry), _Build(registry))


def accepts(normalised: str, registry: UnitRegistry, start: Start = Start.TARGET) -> bool:
    """True when the grammar reads ``normalised`` (whether or not what it says is valid).

    >>> from indicatorkit.units import default_registry
    >>> [accepts(text, default_registry()) for text in ("年底前", "及时足额发放", "12月32日")]
    [True, False, True]
    """
    try:
        parser_for(registry).parse(normalised, start=start.value)
    except UnexpectedInput:
        return False
    except Located:
        return True  # read, but means nothing valid: still not prose
    return True
