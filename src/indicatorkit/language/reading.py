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
    TargetSyntaxError,
    UnknownUnitError,
)
from indicatorkit.language.actuals import clear_caches as clear_actual_caches
from indicatorkit.language.grammar import Between, By, Compared, Start
from indicatorkit.language.plain import match_plain
from indicatorkit.language.prose import is_prose, looks_like_sentence, unquote
from indicatorkit.language.syntax import MAX_TEXT, check_text, per_registry, read_with_grammar
from indicatorkit.language.targets import (
    AnyTarget,
    Comparison,
    Deadline,
    Qualitative,
    Range,
    exact_comparison,
)
from indicatorkit.language.text import normalize, original_position
from indicatorkit.units import UnitRegistry

__all__ = ["clear_caches", "read_target", "target_reader"]


def _plain(text: str, registry: UnitRegistry) -> Comparison | None:
    """The target a plain form means (see :mod:`~indicatorkit.language.plain`), or ``None``."""
    plain = match_plain(text, registry)
    if plain is None:
        return None
    prefix, amount, suffix = plain
    if suffix is None:
        return exact_comparison(prefix, amount)
    if prefix is not None or amount.unit.symbol == "年":
        # both operators: the grammar decides whether they agree; "2025年内" may be a
        # calendar year
        return None
    return exact_comparison(suffix, amount)


def _target_of(form: Compared | Between | By, text: str) -> AnyTarget:
    if isinstance(form, Compared):
        return Comparison(form.operator, form.amount)
    if isinstance(form, By):
        return Deadline(form.point)
    try:
        return Range(form.low, form.high)
    except (ValueError, DimensionMismatchError) as error:
        start, end = form.span
        index = normalize(text)[1]
        raise InvalidTargetError(
            f"区间无效 (invalid range): {error}",
            text,
            original_position(index, start),
            end=original_position(index, end),
        ) from None


def _read(registry: UnitRegistry, text: str) -> AnyTarget:
    if len(text) <= MAX_TEXT:
        plain = _plain(text, registry)
        if plain is not None:
            return plain
    check_text(text, Start.TARGET)
    stripped = text.strip()
    inner = unquote(stripped)
    if inner is not None:
        return Qualitative(inner)

    def prose(normalised: str) -> Qualitative | None:
        return Qualitative(stripped) if is_prose(normalised, registry) else None

    try:
        read = read_with_grammar(text, Start.TARGET, registry, prose)
    except (TargetSyntaxError, UnknownUnitError) as error:
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


#: ``target_reader(registry)`` is ``registry``'s cached strict reader of a target text.
target_reader = per_registry(_read)


def read_target(text: str, registry: UnitRegistry) -> AnyTarget:
    """The target ``text`` means, read strictly with ``registry`` (cached per registry)."""
    return target_reader(registry)(text)  # type: ignore[no-any-return]


def clear_caches() -> None:
    """Forget every cached reading (benchmarks call it to measure cold reading)."""
    target_reader.cache_clear()
    clear_actual_caches()
