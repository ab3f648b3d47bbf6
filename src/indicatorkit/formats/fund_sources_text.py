"""Fund sources (the budget block's rows under 年度资金总额) as one line of text, the way spec
files and the library's own workbooks write them:
``当年财政拨款 年初 10万元 全年 12万元 执行 11.4万元；上年结转资金 全年 0万元``.

>>> from indicatorkit.language import Amount
>>> from indicatorkit.units import unit
>>> line = fund_sources_text([FundSource("上年结转资金", budget=Amount(2, unit("万元")))])
>>> line, parse_fund_sources(line)[0].budget
('上年结转资金 全年 2万元', Amount('2万元'))
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indicatorkit.errors import IndicatorkitError, InvalidValueError
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount
from indicatorkit.model.records import FundSource
from indicatorkit.units import UnitRegistry

__all__ = ["fund_sources_text", "parse_fund_sources"]

#: The word before each amount, and the field it fills.
_WORDS = {"年初": "initial", "全年": "budget", "执行": "executed"}


def fund_sources_text(sources: Iterable[FundSource]) -> str:
    """The line of ``sources`` (the amounts given, in the order 年初, 全年, 执行).

    >>> fund_sources_text([])
    ''
    """
    return "；".join(
        " ".join(
            [source.name]
            + [
                f"{word} {amount}"
                for word, amount in zip(
                    _WORDS, (source.initial, source.budget, source.executed), strict=True
                )
                if amount is not None
            ]
        )
        for source in sources
    )


def parse_fund_sources(text: str, *, units: UnitRegistry | None = None) -> tuple[FundSource, ...]:
    """The sources a line gives; :class:`~indicatorkit.errors.InvalidValueError` saying what
    is wrong otherwise.

    >>> parse_fund_sources("其他资金 年初 5")
    Traceback (most recent call last):
    ...
    indicatorkit.errors.InvalidValueError: 资金来源的金额应为金额 (a fund source's amount must be money): “5”
    """
    found = []
    for part in re.split(r"\s*[；;]\s*", text.strip()):
        name, *pieces = part.split() or [""]
        if len(pieces) % 2 or any(word not in _WORDS for word in pieces[::2]):
            raise InvalidValueError(
                f"资金来源应写作“名称 年初 金额 全年 金额 执行 金额” "
                f"(a fund source is 'name 年初 amount 全年 amount 执行 amount'): “{part}”"
            )
        amounts: dict[str, Amount] = {}
        for word, written in zip(pieces[::2], pieces[1::2], strict=True):
            try:
                value = parse_actual(written, units=units)
            except IndicatorkitError:
                value = None
            if not isinstance(value, Amount) or value.unit.dimension != "[money]":
                raise InvalidValueError(
                    f"资金来源的金额应为金额 (a fund source's amount must be money): “{written}”"
                )
            amounts[_WORDS[word]] = value
        found.append(FundSource(name, **amounts))
    return tuple(found)
