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

from functools import lru_cache
from typing import Any

import attrs
from lark import Lark, Token, v_args
from lark.exceptions import UnexpectedInput

from indicatorkit.errors import InvalidTargetError
from indicatorkit.language.date_reductions import _DateReductions
from indicatorkit.language.forms import (
    Between,
    By,
    Compared,
    Located,
    Start,
    _decimal,
    _integer,
    _invalid,
    _numeral,
    _operator_word,
    _span,
)
from indicatorkit.language.rates import COUNTED_MONTH, rate_word
from indicatorkit.language.tables import grammar_text, load_parser, supplied_patterns
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.numerals import chinese_value
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
class _Build(_DateReductions):
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
        text = rate_word(top, map(str, words))
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
        return COUNTED_MONTH if word.type == "MONTH" else str(word)

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
