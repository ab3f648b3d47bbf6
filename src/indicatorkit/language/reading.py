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

import re
from fractions import Fraction

import attrs

from indicatorkit.errors import (
    DimensionMismatchError,
    InvalidTargetError,
    MissingNumberError,
    SeveralValuesError,
    TargetSyntaxError,
    TextError,
    UnknownUnitError,
)
from indicatorkit.language.comparisons import Comparison, Range, exact_comparison
from indicatorkit.language.conventions import Convention
from indicatorkit.language.fast_forms import DATES_SEPARATOR, fast_form, foreign_sentence, sentence
from indicatorkit.language.grammar import Between, By, Compared, Start
from indicatorkit.language.plain import match_plain
from indicatorkit.language.prose import is_prose, looks_like_sentence, unit_alone, unquote
from indicatorkit.language.rates import MONTH_WORDS, denominator
from indicatorkit.language.syntax import CachedReader, check_text, clear_readers, read_with_grammar
from indicatorkit.language.targets import AnyTarget, Deadline, Period, Qualitative
from indicatorkit.language.text import (
    TARGET_CHARACTERS,
    needs_normalizing,
    normalize,
    original_position,
)
from indicatorkit.language.values import Amount, DatePoint, DateSpan
from indicatorkit.language.words import separate_values
from indicatorkit.units import NO_UNIT, Unit, UnitRegistry
from indicatorkit.vocabulary import Operator

__all__ = [
    "CALENDAR_YEARS",
    "YEAR_MONTH",
    "clear_caches",
    "looks_like_year_month",
    "plain_comparison",
    "read_or_convention",
    "read_target",
]

#: The first and last year a whole number of 年 alone may name (``2025年``: a deadline, T043).
CALENDAR_YEARS = (1900, 2199)
_FIRST_YEAR, _LAST_YEAR = CALENDAR_YEARS


def _plain(text: str, registry: UnitRegistry) -> AnyTarget | None:
    """The target a plain form means (see :mod:`~indicatorkit.language.plain`), or the
    sentence, deadline, period or range it certainly is (:func:`_not_plain`), or ``None`` for
    the grammar."""
    plain = match_plain(text, registry)
    if plain is None:
        return _not_plain(text, registry)
    return _plain_form(text, plain)


def plain_comparison(text: str, registry: UnitRegistry) -> Comparison | None:
    """The comparison ``text`` is when it is a plain form strict reading takes as it is
    (:func:`read_or_convention` gives it, without the cache), else ``None`` — the lenient
    reader's fast path.

    >>> from indicatorkit.units import default_registry
    >>> plain_comparison("不低于90%", default_registry()), plain_comparison("2025年", default_registry())
    (Comparison('≥90%'), None)
    """
    plain = match_plain(text, registry)
    return None if plain is None else _plain_form(text, plain)


def _plain_form(
    text: str, plain: tuple[Operator | None, Fraction, Unit, Operator | None]
) -> Comparison | None:
    """The comparison a plain form (:func:`match_plain`'s parts) is, or ``None`` for the
    grammar (both operators, a calendar year, a year.month)."""
    prefix, value, unit, suffix = plain
    if prefix is not None:
        # both operators: the grammar decides whether they agree
        return exact_comparison(prefix, value, unit) if suffix is None else None
    if unit.symbol == "年" and value.denominator == 1 and _FIRST_YEAR <= value <= _LAST_YEAR:
        return None  # "2025年", "2025年内" may be a calendar year: the grammar decides
    if suffix is None and unit is NO_UNIT and looks_like_year_month(text):
        return None  # "2021.6" may be a month: the slow path refuses to guess
    return exact_comparison(suffix, value, unit)


def _not_plain(text: str, registry: UnitRegistry) -> AnyTarget | None:
    """What a text that is no plain comparison certainly is, read without the grammar
    (:mod:`~indicatorkit.language.fast_forms`), normalised once — or ``None``."""
    certain = sentence(text, registry)  # the common case, decided on the text as given
    if certain is not None:
        return certain
    normalised = normalize(text)[0] if needs_normalizing(text) else text
    form = fast_form(text, normalised, registry)
    if form is not None:
        if isinstance(form, Range) and _DOTTED_MONTHS.fullmatch(normalised):
            return None  # 2023.07-2024.01: a period, or two numbers? (T042)
        return form
    if normalised.endswith("。") and not normalised[:-1].rstrip().endswith("。"):
        # 15万元。: one full stop says nothing more (15万元。。 is the grammar's error)
        comparison = _plain(text[:-1], registry)
        return comparison if isinstance(comparison, Comparison) else None
    if _RATE_FIRST(normalised):
        return _rate_first(normalised, registry)  # 每亩300: the grammar reads no 每 first
    return foreign_sentence(text, normalised, registry)


#: ``每亩300``: 每 first (not 每年, a deadline's), a digit after — the grammar reads nothing
#: that starts with 每 but 每年, nor prose with a digit: the slow path comes to
#: :func:`_rate_first`.
_RATE_FIRST = re.compile(r"\s*每(?!年).*[0-9]").match


def _calendar_year(comparison: Comparison, text: str) -> Comparison | Convention:
    """``comparison`` — unless it is a bare calendar year (``2020年``, 1900–2199): a year
    named alone is most likely a deadline (by its end), never 2020 years, so strict reading
    refuses it and lenient reading takes the deadline (T043)."""
    amount = comparison.amount
    if (
        comparison.operator is not None
        or amount.unit.symbol != "年"
        or amount.value.denominator != 1
        or not _FIRST_YEAR <= amount.value <= _LAST_YEAR
    ):
        return comparison
    deadline = Deadline(DatePoint(12, None, int(amount.value)))
    return Convention(
        "T043",
        f"只写了年份“{text.strip()}”：可能是完成期限 {deadline}，不是 {amount.value} 年的时长 / "
        "a year named alone: probably a deadline, not a duration",
        0,
        len(text),
        f"写作“{deadline}”或“{amount.value}年内” / write {deadline}",
        deadline,
    )


def _target_of(
    form: Compared | Between | By | DateSpan, text: str, index: tuple[int, ...] | None
) -> AnyTarget | Convention:
    """The target ``form`` (read from ``text``, whose normal form maps back by ``index``) is."""
    if isinstance(form, By):
        return Deadline(form.point)
    if isinstance(form, DateSpan):
        return Period(form)
    try:
        if not isinstance(form, Compared):
            return Range(form.low, form.high, form.low_inclusive, form.high_inclusive)
        comparison = Comparison(form.operator, form.amount)
    except (ValueError, DimensionMismatchError) as error:
        start, end = form.span if isinstance(form, Between) else (0, len(text))
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
    return _calendar_year(comparison, text)  # outside the try: its error is its own


#: ``2023.07-2024.01``: two year.month numbers, most likely a period — but a number with one
#: dot is a number, so strict reading refuses to guess (T042 in lenient reading).
_DOTTED_MONTHS = re.compile(
    rf"\s*((?:19|20|21)[0-9]{{2}})\.(0?[1-9]|1[0-2])\s*{DATES_SEPARATOR}\s*"
    r"((?:19|20|21)[0-9]{2})\.(0?[1-9]|1[0-2])\s*"
)


#: ``2021.6``: a year and a month with a dot, as 时效 cells write a month — or a number
#: (a regular expression; Arrow's RE2 reads it alike on digits and points).
YEAR_MONTH = r"\s*((?:19|20|21)[0-9]{2})\.(0?[1-9]|1[0-2])\s*"
_YEAR_MONTH = re.compile(YEAR_MONTH)


def looks_like_year_month(text: str) -> bool:
    """True for a bare ``2021.6`` or ``2021.06``: a month written year.month, or a number —
    strict reading refuses it (T044), so a bare unitless comparison that prints like this does
    not read back as itself.

    >>> looks_like_year_month("2021.6"), looks_like_year_month("2021.13"), looks_like_year_month("≥2021.6")
    (True, False, False)
    """
    return _YEAR_MONTH.fullmatch(text) is not None


def _year_month(text: str, normalised: str) -> Convention | None:
    """A bare ``2021.6`` (read leniently as by the end of June 2021, T044): a number with one
    dot is a number, so strict reading refuses to guess."""
    match = _YEAR_MONTH.fullmatch(normalised)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    deadline = Deadline(DatePoint(month, None, year))
    return Convention(
        "T044",
        f"“{text.strip()}”像是年.月写成的月份（{deadline}），也可能是数 {text.strip()} / "
        "looks like a month written year.month, or a number",
        0,
        len(text),
        f"写作“{deadline}”或写明单位；宽松模式按该月底前读取 / write {deadline}; "
        "lenient reading takes the deadline",
        deadline,
    )


def _dotted_months(text: str, normalised: str) -> Convention | None:
    """``2023.07-2024.01``: two year.month numbers, read leniently as a period (T042)."""
    match = _DOTTED_MONTHS.fullmatch(normalised)
    if match is None:
        return None
    first_year, first_month, last_year, last_month = (int(part) for part in match.groups())
    try:
        span = DateSpan(
            DatePoint(first_month, 1, first_year), DatePoint(last_month, None, last_year)
        )
    except ValueError:
        return None  # a reversed span: not a period, whatever it is
    return Convention(
        "T042",
        f"“{text.strip()}”像是年.月写成的期间 {span}，也可能是两个数 / "
        "looks like a period written year.month, or two numbers",
        0,
        len(text),
        f"写作“{span}”；宽松模式按期间读取 / write {span}; lenient reading takes the period",
        Period(span),
    )


#: ``每亩``, ``每生每年``: denominators written before the number (每亩300, 每生每年3300元).
_EACH = "每"


def _rate_first(normalised: str, registry: UnitRegistry) -> AnyTarget | None:
    """The rate a text writes with its denominators first — ``每亩300`` is ``300/亩`` and
    ``每生每年3300元`` is ``3300元/生/年`` (月 is 个月, as after "/") — or ``None``.

    >>> from indicatorkit.units import default_registry
    >>> _rate_first("每生每年3300元", default_registry()), _rate_first("每亩不少于300元", default_registry())
    (Comparison('3300元/生/年'), Comparison('≥300元/亩'))
    >>> _rate_first("每亩", default_registry()) is None
    True
    """
    known = registry.known_unit_set()
    longest = len(registry.known_unit_words()[0])
    denominators: list[str] = []
    rest = normalised.lstrip()
    while rest.startswith(_EACH):
        rest = rest[1:].lstrip()
        # a month first, as the lexer reads one after 每 (rates.month_first), else a unit word
        word = next((month for month in MONTH_WORDS if rest.startswith(month)), None) or next(
            (rest[:n] for n in range(min(longest, len(rest)), 0, -1) if rest[:n] in known), None
        )
        if word is None:
            return None
        denominators.append(denominator(word))
        rest = rest[len(word) :].lstrip()
    if not denominators or not rest:
        return None
    try:
        read = read_target(rest, registry)  # rest does not start with 每: no deeper recursion
    except TextError:
        return None
    per = "/" + "/".join(denominators)

    def over(amount: Amount) -> Amount:
        return Amount(amount.value, registry.unit_of_text(amount.unit.symbol + per))

    try:
        if isinstance(read, Comparison):
            return Comparison(read.operator, over(read.amount))
        if isinstance(read, Range):
            return Range(over(read.low), over(read.high), read.low_inclusive, read.high_inclusive)
    except (KeyError, ValueError, DimensionMismatchError):
        return None
    return None


#: True for a (normalised) text with none of the characters a target needs
#: (:data:`~indicatorkit.language.text.TARGET_CHARACTERS`: a digit, a numeral, 半 or 年): the
#: grammar reads nothing from it (``tests/test_target_characters.py`` proves it).
_NO_AMOUNT_OR_DATE = re.compile(f"[^{re.escape(TARGET_CHARACTERS)}]*").fullmatch


def _read(registry: UnitRegistry, text: str) -> AnyTarget | Convention:
    """What a text the fast path declined means (the grammar, conventions, errors)."""
    check_text(text, Start.TARGET)
    normal_form = normalize(text)  # once: the grammar and every error below take it
    normalised, index = normal_form
    convention = _dotted_months(text, normalised) or _year_month(text, normalised)
    if convention is not None:
        return convention
    stripped = text.strip()
    inner = unquote(stripped)
    if inner is not None:
        return Qualitative(inner)

    def prose(normalised: str) -> Qualitative | None:
        if unit_alone(normalised.strip(), registry):
            raise MissingNumberError(
                f"只有单位“{stripped}”，没有数值 (a unit with no number: an unfilled template cell?)",
                text,
                0,
                end=len(text),
                suggestion=f"填写数值，例如“≥5{stripped}” / fill in the number, e.g. ≥5{stripped}",
            )
        return Qualitative(stripped) if is_prose(normalised, registry) else None

    if _NO_AMOUNT_OR_DATE(normalised):
        # the grammar reads nothing without a number or a year word: decide without it
        certain = prose(normalised)
        if certain is not None:
            return certain
    try:
        read = read_with_grammar(text, Start.TARGET, registry, prose, normal_form)
    except MissingNumberError:
        raise
    except (TargetSyntaxError, UnknownUnitError) as error:
        rate = _rate_first(normalised, registry)
        if rate is not None:
            return rate
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
        if looks_like_sentence(normalised):  # it strips: as normalising the stripped text
            digit = next((i for i, char in enumerate(text) if char.isdigit()), error.position)
            raise TargetSyntaxError(
                "含数字的句子不会读作定性指标 / a sentence with numbers is not read as "
                "qualitative (it may hide a target)",
                text,
                digit,
                suggestion=f"若为定性描述，请加引号：“{stripped}” / quote a qualitative sentence",
            ) from None
        raise
    if isinstance(read, Convention):  # the form a convention reads, as a target
        return attrs.evolve(read, reading=_target_of(read.reading, text, index))
    return read if isinstance(read, Qualitative) else _target_of(read, text, index)


#: Target texts read strictly (a text only a convention reads, to its convention), and kept
#: per registry.
_READER: CachedReader[AnyTarget | Convention] = CachedReader(_plain, _read)


def read_or_convention(text: str, registry: UnitRegistry) -> AnyTarget | Convention:
    """The target ``text`` means, or the :class:`~indicatorkit.language.conventions.Convention`
    that alone reads it (cached per registry); the located error for anything else.

    >>> from indicatorkit.units import default_registry
    >>> read_or_convention("12月底前", default_registry())
    Deadline('12月底前')
    >>> read_or_convention("2021.6", default_registry()).reading
    Deadline('2021年6月底前')
    """
    return _READER.read(text, registry)


def read_target(text: str, registry: UnitRegistry) -> AnyTarget:
    """The target ``text`` means, read strictly with ``registry`` (cached per registry); a
    text only a convention reads is refused
    (:class:`~indicatorkit.errors.AmbiguousTargetError`).

    >>> from indicatorkit.units import default_registry
    >>> read_target("12月底前", default_registry()), read_target("90%-100%", default_registry())
    (Deadline('12月底前'), Range('90%～100%'))
    """
    read = _READER.read(text, registry)
    if isinstance(read, Convention):
        raise read.error(text)
    return read


def clear_caches() -> None:
    """Forget every cached reading of target and actual text, strict and lenient
    (benchmarks call it to measure cold reading).

    >>> from indicatorkit.language.actuals import read_actual
    >>> from indicatorkit.units import default_registry
    >>> registry = default_registry()
    >>> target, actual = read_target("≥95%", registry), read_actual("96%", registry)
    >>> clear_caches()  # both read again: new objects
    >>> read_target("≥95%", registry) is target, read_actual("96%", registry) is actual
    (False, False)
    """
    clear_readers()
