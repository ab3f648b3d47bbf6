"""Strategies for the four kinds of target — :func:`comparisons`, :func:`ranges`,
:func:`deadlines`, :func:`qualitatives` — and :func:`targets`, any of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from indicatorkit.errors import IndicatorkitError
from indicatorkit.language.comparisons import Comparison, Range
from indicatorkit.language.parse import parse_target
from indicatorkit.language.reading import looks_like_year_month
from indicatorkit.language.targets import AnyTarget, Deadline, Period, Qualitative
from indicatorkit.language.values import Amount
from indicatorkit.strategies._arguments import (
    TARGET_KINDS,
    Kind,
    Number,
    check_bounds,
    check_kinds,
    check_type,
)
from indicatorkit.strategies.values import (
    _decimal_numbers,
    _resolve,
    _unit_word_strategy,
    _written_for,
    amounts,
    date_points,
    date_spans,
)
from indicatorkit.units import NO_UNIT
from indicatorkit.vocabulary import Operator

__all__ = [
    "QUALITATIVE_PHRASES",
    "TARGET_KINDS",
    "AnyTarget",
    "comparisons",
    "deadlines",
    "periods",
    "qualitatives",
    "ranges",
    "targets",
]

#: Phrases of the kind 定性 targets are written in; :func:`qualitatives` joins a few of them.
QUALITATIVE_PHRASES: tuple[str, ...] = (
    "及时足额发放",
    "严格按照财务规定报销",
    "持续提升公共服务水平和质量",
    "有效保障机构正常运转",
    "群众满意度明显提高",
    "资金使用规范",
    "项目按计划顺利实施",
    "符合国家相关标准",
    "社会效益显著",
    "长期有效",
    "稳步提升",
    "有所改善",
    "明显改善",
    "达到预期效果",
    "无重大安全事故",
    "促进地方经济发展",
    "保障困难群众基本生活",
    "提升教育教学质量",
    "改善办学条件",
    "持续发挥效益",
    "合格",
    "良好",
    "规范",
    "依法依规",
    "公开透明",
    "不断完善管理制度",
    "高于上年",
    "较上年有所提高",
    "逐年提高",
    "全面落实",
)
_QUALITATIVE_JOINERS = ("", "，", "、", "；", ",")
_ALL_OPERATORS: tuple[Operator | None, ...] = (None, *Operator)


def comparisons(
    *,
    operators: Iterable[Operator | None] | None = None,
    units: Iterable[str] | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
    places: int = 2,
) -> SearchStrategy[Comparison]:
    """:class:`~indicatorkit.Comparison` targets (``≥95%``, ``<100元``, bare ``98%``).

    ``operators`` defaults to every :class:`~indicatorkit.language.Operator` plus ``None`` (a bare
    value); the amount knobs are those of :func:`amounts`.

    >>> isinstance(comparisons(operators=[Operator.GE, None]), SearchStrategy)
    True
    >>> comparisons().example()  # doctest: +SKIP
    Comparison('≥1.5万人次')
    """
    chosen = _ALL_OPERATORS if operators is None else tuple(operators)
    if not chosen:
        raise InvalidArgument("operators= must not be empty")
    for op in chosen:
        if op is not None and not isinstance(op, Operator):
            raise InvalidArgument(f"operators must hold Operator or None, not {op!r}")
    return st.builds(
        Comparison,
        st.sampled_from(chosen),
        amounts(units=units, min_value=min_value, max_value=max_value, places=places),
    ).filter(_not_a_calendar_year)


def _not_a_calendar_year(target: Comparison) -> bool:
    """A bare ``2020年`` reads as a deadline (T043) and a bare ``2021.6`` is refused as a
    possible month (T044), not as a comparison: neither is drawn."""
    amount = target.amount
    if target.operator is not None:
        return True
    if amount.unit is NO_UNIT:
        return not looks_like_year_month(str(target))
    return not (
        amount.unit.symbol == "年"
        and amount.value.denominator == 1
        and 1900 <= amount.value <= 2199
    )


@st.composite
def _range(draw: st.DrawFn, words: SearchStrategy[str], numbers: SearchStrategy[Fraction]) -> Range:
    first = _resolve(draw(words))
    same = [unit for _, unit in _written_for(first)]
    second = draw(st.one_of(st.just(first), st.sampled_from(same)))
    low, high = Amount(draw(numbers), first), Amount(draw(numbers), second)
    if low.normalized > high.normalized:
        low, high = high, low
    if low.normalized == high.normalized:
        return Range(low, high)  # a single point: both ends included
    return Range(low, high, draw(st.booleans()), draw(st.booleans()))


def ranges(
    *,
    units: Iterable[str] | None = None,
    min_value: Number | None = None,
    max_value: Number | None = None,
    places: int = 2,
) -> SearchStrategy[Range]:
    """:class:`~indicatorkit.language.Range` targets: ``low ≤ high`` in one dimension, the ends
    sometimes in different units of it (``5千元～1万元``) and sometimes equal, each end
    included or not (``>10且≤20``; equal ends are always included).

    The knobs are those of :func:`amounts`; the second end's unit may be any unit of the first
    end's dimension.

    >>> isinstance(ranges(units=["%"], min_value=0, max_value=100), SearchStrategy)
    True
    >>> ranges().example()  # doctest: +SKIP
    Range('90%～100%')
    """
    low, high = check_bounds(min_value, max_value, places)
    return _range(_unit_word_strategy(units), _decimal_numbers(low, high, places)).filter(
        _range_reads_back
    )


def _range_reads_back(target: Range) -> bool:
    """False for a range of two bare numbers that print as months written year.month
    (``1900.1～1900.1``): strict reading refuses to guess whether that is a period (T042), as
    it does for one such number (:func:`_reads_back`)."""
    return not all(
        end.unit is NO_UNIT and looks_like_year_month(str(end)) for end in (target.low, target.high)
    )


def deadlines(
    *,
    min_year: int = 2000,
    max_year: int = 2100,
    allow_year: bool = True,
    allow_end_of_month: bool = True,
) -> SearchStrategy[Deadline]:
    """:class:`~indicatorkit.language.Deadline` targets over :func:`date_points` (same knobs):
    ``12月底前``, ``6月30日前``, ``2025年12月31日前``.

    >>> isinstance(deadlines(allow_year=False), SearchStrategy)
    True
    >>> deadlines().example()  # doctest: +SKIP
    Deadline('12月底前')
    """
    return date_points(
        min_year=min_year,
        max_year=max_year,
        allow_year=allow_year,
        allow_end_of_month=allow_end_of_month,
    ).map(Deadline)


def periods(
    *,
    min_year: int = 2000,
    max_year: int = 2100,
    allow_year: bool = True,
) -> SearchStrategy[Period]:
    """:class:`~indicatorkit.language.Period` targets over :func:`date_spans` (same knobs):
    ``3月～11月``, ``2024年3月～10月``, ``2023年7月～2024年1月``.

    >>> isinstance(periods(allow_year=False), SearchStrategy)
    True
    >>> periods().example()  # doctest: +SKIP
    Period('3月～11月')
    """
    return date_spans(min_year=min_year, max_year=max_year, allow_year=allow_year).map(Period)


def _is_qualitative(text: str) -> bool:
    """Valid for :class:`~indicatorkit.language.Qualitative` and prose: not read as an expression."""
    try:
        Qualitative(text)
    except ValueError:
        return False
    try:
        return isinstance(parse_target(text), Qualitative)
    except IndicatorkitError:
        return True  # not an expression; the tests say whether it should read as prose


def qualitatives(
    *, phrases: Sequence[str] | None = None, max_phrases: int = 3
) -> SearchStrategy[Qualitative]:
    """:class:`~indicatorkit.language.Qualitative` targets: one to ``max_phrases`` prose phrases
    (default :data:`QUALITATIVE_PHRASES`) joined plainly or with ``，、；``.  Texts the
    validator refuses (blank or padded) or that read as an expression are filtered out.

    >>> isinstance(qualitatives(phrases=["及时足额发放"]), SearchStrategy)
    True
    >>> qualitatives().example()  # doctest: +SKIP
    Qualitative('资金使用规范，社会效益显著')
    """
    chosen = QUALITATIVE_PHRASES if phrases is None else tuple(phrases)
    if not chosen:
        raise InvalidArgument("phrases= must not be empty")
    for phrase in chosen:
        check_type("phrases[...]", phrase, str)
    check_type("max_phrases", max_phrases, int)
    if max_phrases < 1:
        raise InvalidArgument(f"max_phrases={max_phrases} must be at least 1")
    if not any(_is_qualitative(phrase) for phrase in chosen):
        raise InvalidArgument("no phrase in phrases= is a valid qualitative text")

    @st.composite
    def text(draw: st.DrawFn) -> str:
        parts = draw(st.lists(st.sampled_from(chosen), min_size=1, max_size=max_phrases))
        joiner = draw(st.sampled_from(_QUALITATIVE_JOINERS))
        return joiner.join(parts)

    return text().filter(_is_qualitative).map(Qualitative)


def targets(*, kinds: Iterable[Kind] | None = None) -> SearchStrategy[AnyTarget]:
    """Targets of the given ``kinds`` (default: all of :data:`TARGET_KINDS`), each drawn from
    :func:`comparisons`, :func:`ranges`, :func:`deadlines`, :func:`periods` or
    :func:`qualitatives` with their
    default knobs.

    >>> isinstance(targets(kinds=["comparison", "range"]), SearchStrategy)
    True
    >>> targets().example()  # doctest: +SKIP
    Deadline('6月30日前')
    """
    makers: dict[Kind, Callable[[], SearchStrategy[AnyTarget]]] = {
        "comparison": comparisons,
        "range": ranges,
        "deadline": deadlines,
        "period": periods,
        "qualitative": qualitatives,
    }
    return st.one_of([makers[kind]() for kind in check_kinds(kinds)])
