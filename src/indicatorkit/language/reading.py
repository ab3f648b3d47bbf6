"""Reading target expressions (指标值) strictly: text → typed target.

The plain forms (``≥95%``, ``不低于90%``) take the fast path; everything else goes through
the grammar, whose forms become targets here.  Text the grammar cannot read becomes a
:class:`~indicatorkit.language.targets.Qualitative` target only when it is plainly a sentence;
anything that looks like a broken expression raises a located error.  Results are cached per
unit registry.

>>> from indicatorkit.units import default_registry
>>> read_target("不低于90%", default_registry())
Comparison('≥90%')
>>> read_target("1.5万人次以上", default_registry())
Comparison('≥1.5万人次')
>>> read_target("及时足额发放", default_registry())
Qualitative('及时足额发放')
"""

from __future__ import annotations

from indicatorkit.errors import (
    DimensionMismatchError,
    InvalidTargetError,
    SeveralValuesError,
    TargetSyntaxError,
    UnknownUnitError,
)
from indicatorkit.language.actuals import clear_caches as clear_actual_caches
from indicatorkit.language.grammar import Between, By, Compared, Start
from indicatorkit.language.plain import match_plain
from indicatorkit.language.prose import is_prose, looks_like_sentence, unquote
from indicatorkit.language.syntax import check_text, per_registry, read_with_grammar
from indicatorkit.language.targets import AnyTarget, Comparison, Deadline, Qualitative, Range
from indicatorkit.language.text import normalize, original_position
from indicatorkit.language.words import separate_values
from indicatorkit.units import UnitRegistry

__all__ = ["clear_caches", "read_target"]


def _plain(normalised: str, registry: UnitRegistry) -> Comparison | None:
    plain = match_plain(normalised, registry)
    if plain is None:
        return None
    prefix, amount, suffix = plain
    if prefix is not None and suffix is not None:
        return None  # both: the grammar decides whether they agree
    if suffix is not None:
        if amount.unit.symbol == "年":
            return None  # "2025年内" may be a calendar year: the grammar decides
        return Comparison(suffix, amount)
    return Comparison(prefix, amount)


def _target_of(form: Compared | Between | By, text: str) -> AnyTarget:
    if isinstance(form, By):
        return Deadline(form.point)
    try:
        if isinstance(form, Compared):
            return Comparison(form.operator, form.amount)
        return Range(form.low, form.high, form.low_inclusive, form.high_inclusive)
    except (ValueError, DimensionMismatchError) as error:
        start, end = form.span if isinstance(form, Between) else (0, len(text))
        index = normalize(text)[1]
        kind = (
            "区间无效 (invalid range)"
            if isinstance(form, Between)
            else "指标值无效 (invalid target)"
        )
        raise InvalidTargetError(
            f"{kind}: {error}",
            text,
            original_position(index, start),
            end=original_position(index, end),
        ) from None


def _read(text: str, registry: UnitRegistry) -> AnyTarget:
    check_text(text, Start.TARGET)
    normalised = normalize(text)[0]
    plain = _plain(normalised, registry)
    if plain is not None:
        return plain
    stripped = text.strip()
    inner = unquote(stripped)
    if inner is not None:
        return Qualitative(inner)

    def prose(normalised: str) -> Qualitative | None:
        return Qualitative(stripped) if is_prose(normalised, registry) else None

    try:
        read = read_with_grammar(text, Start.TARGET, registry, prose)
    except (TargetSyntaxError, UnknownUnitError) as error:
        normalised, index = normalize(text)
        values = separate_values(normalised, registry)
        if values:
            start, end, _ = values[0]
            shown = "".join(f"“{value.strip()}”" for _, _, value in values[:4])
            raise SeveralValuesError(
                f"含两个或以上数值（{shown}），无法判断哪个是指标值 (two or more values: which "
                "one is the target cannot be told)",
                text,
                original_position(index, start),
                end=original_position(index, end),
                suggestion="每个指标只写一个指标值；定性描述请加引号 / one target per indicator; "
                "quote a qualitative sentence",
            ) from None
        if looks_like_sentence(normalize(stripped)[0]):
            digit = next((i for i, char in enumerate(text) if char.isdigit()), error.position)
            raise TargetSyntaxError(
                "含数字的句子不会读作定性指标 / a sentence with numbers is not read as "
                "qualitative (it may hide a target)",
                text,
                digit,
                suggestion=f"若为定性描述，请加引号：“{stripped}” / quote a qualitative sentence",
            ) from None
        raise
    return read if isinstance(read, Qualitative) else _target_of(read, text)


_cached_reader = per_registry(_read)


def read_target(text: str, registry: UnitRegistry) -> AnyTarget:
    """The target ``text`` means, read strictly with ``registry`` (cached per registry)."""
    return _cached_reader(registry)(text)  # type: ignore[no-any-return]


def clear_caches() -> None:
    """Forget every cached reading (benchmarks call it to measure cold reading)."""
    _cached_reader.cache_clear()
    clear_actual_caches()
