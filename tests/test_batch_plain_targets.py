"""The column-wise pre-pass over distinct target texts (``indicatorkit.batch.plain_targets``)
is exact: compiling a column with it gives, for every direction, the very arrays that reading
each text one by one gives (operators, thresholds, lower bounds, values, dimensions) — on
generated strings (every operator spelling, spaces, full-width digits and ％, decimals,
zero, calendar years, year.month numbers, numbers beyond the guard, unit words known and
unknown) and on every real corpus target with its numbers varied."""

from __future__ import annotations

import math
import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
np = pytest.importorskip("numpy")

from indicatorkit import Direction  # noqa: E402
from indicatorkit.batch.compiled import compile_targets, read_comparison  # noqa: E402
from indicatorkit.batch.plain_targets import OPERATORS, plain_targets  # noqa: E402
from indicatorkit.errors import TextError  # noqa: E402
from indicatorkit.language.conventions import Convention  # noqa: E402
from indicatorkit.language.plain import match_plain  # noqa: E402
from indicatorkit.language.reading import read_or_convention  # noqa: E402
from indicatorkit.language.targets import Qualitative  # noqa: E402
from indicatorkit.strategies import target_texts, unit_words  # noqa: E402
from indicatorkit.units import default_registry  # noqa: E402
from indicatorkit.vocabulary import PREFIX_OPERATORS, SUFFIX_OPERATORS  # noqa: E402

REAL = Path(__file__).parent / "corpus" / "real"
FIELDS = (
    "compiled", "operator", "base_numerator", "base_denominator", "lower_bound",
    "value_numerator", "value_denominator", "dimension",
)  # fmt: skip
DIRECTIONS = (None, Direction.HIGHER, Direction.LOWER)
#: What may stand before the number: every prefix spelling, spaced, full-width, and words
#: that are no operator.
BEFORE = (
    *PREFIX_OPERATORS, "", " ", "  ", "＞＝", "≧", "= ", "大于等于 ", " ≥ ", "-", "约", "完成",
    "≥-", "≥.", "０", "每亩", "为", "≥≤", "不", "\u3000≥", "达到",
)  # fmt: skip
#: Words after the number the reader reads otherwise, or not at all.
TRICKY_WORDS = (
    "", "%", "％", " %", "% ", "年", "月", "日", "万", "万元", "个百分点", "元/月", "元/人.每天",
    "km2", "ｋｍ", "\u0301", "e5", "/2", "abc", "件/人", "度", "°", "万人次", "年底", "月底前",
    "‰", "０", "０%", "．５%", "，000", " %(百分比)", "%。", "%覆盖", "件(套)", "人次 ", "壹",
    "元/100km", "元/１００km", "元/100km。", "m2", "㎡", "㎡。", "元/人.每天", "年12月", "-100%",
    "～100%", "a.5", " 5%", "%以上1", "万元/100人", "元/0.5km", "km2以上", "元/1,000人", "TB",
    "PB以上", "亿亩",
    *(f"%{suffix}" for suffix in SUFFIX_OPERATORS), *(f"年{suffix}" for suffix in ("内", "以上")),
)  # fmt: skip
#: Numbers that meet the reader's readings of a value (zero, a calendar year, year.month),
#: the guard and the pattern's limits.
NUMBERS = (
    "0", "00", "0.0", "0.00", "1", "007", "2020", "2025", "1899", "2199", "2200", "2021.6",
    "2021.06", "2021.12", "2021.13", "2025.0", "2025.00", "1999.10", "10.5", "98.5",
    "2147483647", "2147483648", "999999999.999999999", "1234567890", "0.1234567891",
    "９５", "1,200", "1e5", "12", "13", "31", "32", "100", "150", "12.31", "1.1", "0.5",
    "13.25", "100.5",
)  # fmt: skip


def _assert_equal_to_one_by_one(texts: list[str | None], ways: list[Direction | None]) -> None:
    column = compile_targets(pa.array(texts, pa.string()), ways, None)
    one_by_one = compile_targets(texts, ways, None)
    for field in FIELDS:
        found, expected = getattr(column, field), getattr(one_by_one, field)
        assert found.tolist() == expected.tolist(), (field, texts, ways)


def _numbers() -> st.SearchStrategy[str]:
    digits = st.text("0123456789", min_size=1, max_size=11)
    return st.one_of(
        st.sampled_from(NUMBERS),
        digits,
        st.builds(lambda whole, fraction: f"{whole}.{fraction}", digits, digits),
    )


_BUILT = st.builds(
    lambda before, number, word: before + number + word,
    st.sampled_from(BEFORE),
    _numbers(),
    st.one_of(st.sampled_from(TRICKY_WORDS), unit_words()),
)
_TEXTS = st.one_of(_BUILT, target_texts(), st.text(max_size=8))
_WAYS = st.lists(st.sampled_from(DIRECTIONS), min_size=1, max_size=3, unique=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _TEXTS), max_size=20), _WAYS)
def test_the_pre_pass_equals_reading_one_by_one_on_generated_texts(
    texts: list[str | None], ways: list[Direction | None]
) -> None:
    _assert_equal_to_one_by_one(texts, ways)


def _corpus_targets() -> list[str]:
    return sorted(
        {
            line.split("\t")[0]
            for path in sorted(REAL.glob("targets_*.tsv"))
            for line in path.read_text(encoding="utf-8").splitlines()[1:]
            if line and not line.startswith("#")
        }
    )


def test_the_pre_pass_equals_reading_one_by_one_on_the_real_corpora() -> None:
    """Every real target as written, and with its first number replaced by each number
    that meets one of the reader's readings of a value."""
    texts = _corpus_targets()
    varied = sorted(
        {
            re.sub(r"[0-9]+(?:\.[0-9]+)?", number, text, count=1)
            for text in texts
            for number in NUMBERS
        }
    )
    found = plain_targets(pa.array(texts), list(DIRECTIONS), None, read_comparison)
    assert found.accepted.sum() > 100  # the corpora's comparisons: many plain
    _assert_equal_to_one_by_one(texts, list(DIRECTIONS))
    _assert_equal_to_one_by_one(varied, list(DIRECTIONS))


def _strictly_refused(text: str) -> bool:
    """Strict reading gives no target of ``text`` (an error, a sentence, a convention)."""
    try:
        return isinstance(read_or_convention(text, default_registry()), Qualitative | Convention)
    except TextError:
        return True


#: A number in a corpus text: where the shapes below take another.
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
#: The corpora's texts with one number that the reader's fast path does not read but the
#: one-by-one reading reads as a comparison — by the grammar (``每亩300``, ``5万元。``) or
#: only by the lenient reader (``85%覆盖``, ``>= 95 %(百分比)``, ``完成95%``) — as templates:
#: the text around the number (texts with two numbers are read one by one, and kept as
#: written in the test above).
GRAMMAR_SHAPES = sorted(
    {
        (text[: number.start()], text[number.end() :])
        for text in _corpus_targets()
        if len(_NUMBER.findall(text)) == 1
        and (number := _NUMBER.search(text)) is not None
        and match_plain(text, default_registry()) is None
        and read_comparison(text, None) is not None
    }
)
#: Shapes the grammar reads otherwise for some values: a number of one or two digits before
#: 月 is a month (a date in a sentence), 1900–2199 before 年内 a year, 2025.0 too.
VALUE_RANGE_SHAPES = [
    ("达到", "月"), ("不超过", "月前"), ("达到", "月份"), ("完成", "年内"), ("第", "年内"),
    ("截至", "年内"), ("", "前"), ("", "号前"), ("", "日前"), ("第", "季度"),
]  # fmt: skip
LENIENT_SHAPES = [
    (before, after) for before, after in GRAMMAR_SHAPES if _strictly_refused(before + "95" + after)
]


def _many(before: str, after: str, decimal: bool = False) -> list[str]:
    """Enough texts of one kind for the grammar's route (``_GRAMMAR_TEXTS``)."""
    return [f"{before}{number}{'.5' if decimal else ''}{after}" for number in range(90, 98)]


def test_the_corpora_hold_lenient_shapes_and_the_pre_pass_takes_them() -> None:
    assert len(LENIENT_SHAPES) >= 8 and len(GRAMMAR_SHAPES) > len(LENIENT_SHAPES)
    assert {("", "%覆盖"), (">= ", " %(百分比)"), ("完成", "%"), ("", "件(套)以上")} <= set(
        LENIENT_SHAPES
    )
    texts = [text for before, after in LENIENT_SHAPES for text in _many(before, after)]
    found = plain_targets(pa.array(texts), list(DIRECTIONS), None, read_comparison)
    assert found.accepted.all()  # proven on the grammar's route
    alone = [before + "95" + after for before, after in LENIENT_SHAPES]
    fresh = lambda text, units: read_comparison(text, units)  # noqa: E731 (no kept proofs)
    assert not plain_targets(pa.array(alone), [None], None, fresh).accepted.any()
    _assert_equal_to_one_by_one(texts + alone, list(DIRECTIONS))


@pytest.mark.parametrize(
    ("before", "after", "accepted"),
    [
        ("", "%覆盖", True),  # the lenient reader's (T020, T022, T006, T023)
        (">= ", " %(百分比)", True),
        ("完成", "%", True),
        ("", "件(套)以上", True),
        ("≥", "蔸", True),
        ("每亩", "", True),  # the grammar's, strictly
        ("", "万元。", True),
        ("完成", "月", False),  # a month, for some numbers: read otherwise
        ("完成", "年内", False),  # a year, for some
        ("", "年底前完成", False),
    ],
)
def test_what_the_grammar_s_route_accepts(before: str, after: str, accepted: bool) -> None:
    texts = _many(before, after)
    found = plain_targets(pa.array(texts), [None], None, read_comparison)
    assert found.accepted.all() if accepted else not found.accepted.any()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda shape, numbers: [shape[0] + number + shape[1] for number in numbers],
            st.sampled_from(GRAMMAR_SHAPES + VALUE_RANGE_SHAPES),
            st.lists(_numbers(), min_size=1, max_size=16),
        ),
        min_size=1,
        max_size=3,
    ),
    _WAYS,
)
def test_the_pre_pass_equals_reading_one_by_one_on_grammar_shapes(
    kinds: list[list[str]], ways: list[Direction | None]
) -> None:
    """Every corpus text the fast path does not read (the grammar or only the lenient reader
    does), its number replaced by a random one or one that meets a reading of a value (a
    day, a month, a year, a month.day, past 100, past the guard)."""
    _assert_equal_to_one_by_one([text for kind in kinds for text in kind], ways)


def test_the_pre_pass_equals_reading_one_by_one_on_every_grammar_shape_and_number() -> None:
    """Each such shape with each special number, in one column: nothing left to chance."""
    shapes = GRAMMAR_SHAPES + VALUE_RANGE_SHAPES
    texts = [before + number + after for before, after in shapes for number in NUMBERS]
    _assert_equal_to_one_by_one(texts, list(DIRECTIONS))


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("≥95%", True),
        (">=100人次", True),
        ("≤1次", True),
        ("≥5万元", True),
        ("100%", True),
        ("≥98.5 %", True),
        ("大于等于 98.5 %", True),
        ("＞＝95%", True),  # the reader normalises the operator
        ("95%以上", True),
        ("=0次", True),
        ("2020", True),  # a bare number: no calendar year without 年
        ("≥3年", True),
        ("2020年", False),  # a calendar year, maybe (T043)
        ("3年", True),  # the same kind of text: only its calendar years are read one by one
        ("1899年", True),
        ("2200年", True),
        ("2021.6", False),  # a month, maybe (T044)
        ("2021.06", False),
        ("2025.0年", False),  # a whole value: a calendar year too
        ("98.5", True),  # the same kind of text: only its year.months are read one by one
        ("2021.13", True),
        ("2021.0", True),
        ("1899.6", True),
        ("2200.6", True),
        ("９５%", False),  # full-width digits: read one by one
        ("≤290元/100km", False),  # a number in the word: a kind of one text is read alone
        ("2023年12月", False),
        ("90-100%", False),
        ("1,200件", False),
        ("2147483648元", False),  # ten digits
        ("≥1.5TB", True),  # 2**40 bytes: short numbers stay inside int64
        ("≥999999999TB", False),  # beyond int64 in bytes: one by one
        ("及时足额发放", False),
        ("12月底前", False),
        ("90%-100%", False),
    ],
)
def test_what_the_pre_pass_accepts(text: str, accepted: bool) -> None:
    found = plain_targets(pa.array([text]), [None], None, read_comparison)
    assert bool(found.accepted[0]) is accepted
    if accepted:
        target = read_comparison(text, None)
        assert target is not None
        assert OPERATORS[found.operator[0, 0]] is target.effective_operator()
        threshold = target.threshold()
        # the same ratio, reduced (an unreduced pair of a large unit would pass the guard less)
        found_pair = (int(found.base_numerator[0, 0]), int(found.base_denominator[0, 0]))
        assert Fraction(*found_pair) == Fraction(
            threshold.base_numerator, threshold.base_denominator
        )
        assert math.gcd(*found_pair) == 1 and found_pair[1] > 0


def test_zero_and_direction_come_from_the_reader() -> None:
    """A bare or ``=`` zero with no direction is ``≤ 0``; any other number ``≥``; less is
    better: ``≤`` — one proof, its rows told apart by the number."""
    texts = ["=0次", "=3次", "0", "7"]
    found = plain_targets(pa.array(texts), [None, Direction.LOWER], None, read_comparison)
    assert found.accepted.tolist() == [True] * 4
    operators = [[OPERATORS[code].value for code in row] for row in found.operator.tolist()]
    assert operators == [["≤", "≤"], ["≥", "≤"], ["≤", "≤"], ["≥", "≤"]]
    assert found.lower_bound.tolist() == [
        [False, False],
        [True, False],
        [False, False],
        [True, False],
    ]


def test_an_empty_column_or_no_direction() -> None:
    assert compile_targets(pa.array([], pa.string()), [None], None).compiled.shape == (0, 1)
    empty = plain_targets(pa.array([], pa.string()), [None], None, read_comparison)
    assert empty.accepted.tolist() == [] and empty.dimensions == []
    _assert_equal_to_one_by_one(["≥95%", None, "及时"], [])


def test_what_normalises_to_digits_is_no_word() -> None:
    """A word that normalises to a digit, point or comma (``０``, ``．``, ``，``) is never
    proven: the number the reader sees would not end where the pattern's does (``2021.1０``
    is ``2021.10`` to it); such texts are read one by one."""
    texts = ["2021.1０", "2021.6０", "10.5０", "98.5０%", "5．5%", "1，000元"]
    found = plain_targets(pa.array(texts), [None], None, read_comparison)
    assert not found.accepted.any()
    _assert_equal_to_one_by_one(texts, [None])


def test_a_unit_of_the_caller_s_registry_is_proven_in_that_registry() -> None:
    """``蔸`` is no shipped unit: the default registry's strict reader refuses ``≥5蔸`` and
    the lenient one reads it as a count of its own (T023), a kind proven on the grammar's
    route when a column holds enough texts of it; a registry that defines it reads it strictly, column-wise, as that registry reads
    it — each the very arrays of the one-by-one reading."""
    from indicatorkit.units import default_registry

    clumps = default_registry().define("蔸 = [蔸]")
    texts = ["≥5蔸", "≤2.5蔸", "0蔸", "≥95%", *_many("≥", "蔸")]
    ways: list[Direction | None] = [None, Direction.LOWER]
    fresh = lambda text, units: read_comparison(text, units)  # noqa: E731 (no kept proofs)
    alone = plain_targets(pa.array(texts), ways, None, fresh).accepted.tolist()
    assert alone == [True, False, False] + [True] * 9  # one text of a kind: one by one
    for registry in (None, clumps):
        found = plain_targets(pa.array(texts), ways, registry, read_comparison)
        assert found.accepted.all() if registry is clumps else found.accepted[3:].all()
        column = compile_targets(pa.array(texts), ways, registry)
        one_by_one = compile_targets(texts, ways, registry)
        for field in FIELDS:
            assert getattr(column, field).tolist() == getattr(one_by_one, field).tolist(), field


def test_a_kind_is_proven_once_per_registry_and_reader() -> None:
    """A stream of record batches proves each kind of text once: the second batch asks the
    one-by-one reading nothing, and reads the same."""
    from indicatorkit.language import Comparison
    from indicatorkit.units import UnitRegistry, default_registry

    asked: list[str] = []

    def counting(text: str, units: UnitRegistry | None) -> Comparison | None:
        asked.append(text)
        return read_comparison(text, units)

    registry = default_registry().define("樘 = [樘]")  # a registry of this test's own
    first = plain_targets(pa.array(["≥5樘", "≤3樘"]), [None], registry, counting)
    assert asked and first.accepted.all()
    asked.clear()
    second = plain_targets(pa.array(["≥7樘", "≤2樘"]), [None], registry, counting)
    assert asked == [] and second.accepted.all()
    assert second.base_numerator.tolist() == [[7], [2]]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("完成95%", Fraction(1), Fraction(12)),  # a month
        ("完成95%", Fraction(13), Fraction(31)),  # past a month, still a day
        ("完成95%", Fraction(32), Fraction(99)),  # past a day, two digits
        ("完成95%", Fraction(101), Fraction(999)),  # past the whole (a percentage over 100)
        ("完成95%", Fraction(1000), Fraction(1899)),  # four digits, before the years
        ("完成95%", Fraction(2200), Fraction(10**8 - 1)),  # after the years
        ("完成95%", Fraction(10**8), Fraction(10**9)),  # the longest numbers
        ("完成95.5%", Fraction(1, 100), Fraction(99, 100)),  # a decimal below one
        ("完成95.5%", Fraction(101, 10), Fraction(1231, 100)),  # a month.day
        ("完成95.5%", Fraction(131, 10), Fraction(9999, 100)),  # past a month.day's month
        ("完成95.5%", Fraction(1001, 10), Fraction(99999, 100)),  # a decimal past 100
        ("完成95.5%", Fraction(10**8), Fraction(10**9)),  # the longest decimals
    ],
)
def test_a_reading_that_depends_on_a_range_of_values_is_never_proven(
    text: str, low: Fraction, high: Fraction
) -> None:
    """Off the fast path the grammar and the lenient readings see a value's range: a reading
    that reads the numbers of one range otherwise (here: not as a comparison) is caught by
    a probe in that range, for every range a reading might single out."""
    from indicatorkit.language import Comparison
    from indicatorkit.units import UnitRegistry

    def ranged(text: str, units: UnitRegistry | None) -> Comparison | None:
        number = _NUMBER.search(text)
        if number is not None and low <= Fraction(number.group()) <= high:
            return None
        return read_comparison(text, units)

    texts = _many("完成", "%", decimal="." in text)
    assert plain_targets(pa.array(texts), [None], None, read_comparison).accepted.all()
    assert not plain_targets(pa.array(texts), [None], None, ranged).accepted.any()


#: Kinds the fast path reads but for their calendar years or year.months, with numbers of
#: each side of those readings.
SPECIAL_KINDS = [
    ("", "", ["98.5", "2021.6", "2021.06", "2021.12", "1999.1", "2021.13", "2021.0", "1899.6"]),
    ("", "年", ["3", "2025", "1900", "2199", "1899", "2200", "0"]),
    ("", "年", ["3.5", "2025.0", "2025.00", "2021.6", "1899.0", "2200.0", "0.0"]),
    (" ", " ", ["98.5", "2021.6", "2021.60"]),
    ("≥", "", ["2021.6", "2025.0"]),  # an operator: no reading of the value
    ("", "年以上", ["2025", "3"]),
]


@pytest.mark.parametrize(("before", "after", "numbers"), SPECIAL_KINDS)
@pytest.mark.parametrize("text_type", [pa.string(), pa.large_string()])
def test_only_the_numbers_a_reading_of_the_value_takes_are_read_one_by_one(
    before: str, after: str, numbers: list[str], text_type: object
) -> None:
    """A bare ``98.5`` and ``3年`` are compiled column-wise; ``2021.6`` (a month, maybe) and
    ``2025年`` (a year) are read one by one — each text exactly as reading it alone."""
    texts = [before + number + after for number in numbers]
    found = plain_targets(pa.array(texts, text_type), list(DIRECTIONS), None, read_comparison)
    strict = [not _strictly_refused(text) for text in texts]
    assert found.accepted.tolist() == strict
    column = compile_targets(pa.array(texts, text_type), list(DIRECTIONS), None)
    one_by_one = compile_targets(texts, list(DIRECTIONS), None)
    for field in FIELDS:
        assert getattr(column, field).tolist() == getattr(one_by_one, field).tolist(), field


@pytest.mark.parametrize(
    ("before", "after", "decimal", "low", "high"),
    [
        ("", "", True, Fraction(18991, 10), Fraction(18999, 10)),  # before the years' months
        ("", "", True, Fraction(22001, 10), Fraction(22009, 10)),  # after them
        ("", "", True, Fraction(202113, 100), Fraction(202199, 100)),  # past the months
        ("", "年", False, Fraction(1899), Fraction(1899)),  # before the calendar years
        ("", "年", False, Fraction(2200), Fraction(2200)),  # after them
        ("", "年", True, Fraction(1899), Fraction(1899)),  # 1899.0
        ("", "年", True, Fraction(2200), Fraction(2200)),  # 2200.0
    ],
)
def test_a_reading_beside_the_numbers_left_one_by_one_is_never_proven(
    before: str, after: str, decimal: bool, low: Fraction, high: Fraction
) -> None:
    """When a kind's calendar years or year.months are left to the one-by-one reading, a
    reading that would also take the numbers just beside them is caught by a probe there."""
    from indicatorkit.language import Comparison
    from indicatorkit.units import UnitRegistry

    def ranged(text: str, units: UnitRegistry | None) -> Comparison | None:
        number = _NUMBER.search(text)
        if number is not None and low <= Fraction(number.group()) <= high:
            return None
        return read_comparison(text, units)

    texts = _many(before, after, decimal)
    assert plain_targets(pa.array(texts), [None], None, read_comparison).accepted.all()
    assert not plain_targets(pa.array(texts), [None], None, ranged).accepted.any()


def test_a_kind_with_another_number_is_proven_on_the_fast_path_only() -> None:
    """A word holding a number (``元/100km``) is proven on the fast path, whose patterns end
    the number before the word whatever it holds; off it (``元/100km。``: the grammar reads
    it) a reading may weigh one number against the other, which no probe of the first
    number shows — such a kind is read one by one."""
    from indicatorkit.language import Comparison
    from indicatorkit.units import UnitRegistry

    def unequal(text: str, units: UnitRegistry | None) -> Comparison | None:
        number = _NUMBER.search(text)
        if number is not None and number.group() == "100":  # as many as the rate counts
            return None
        return read_comparison(text, units)

    fast, grammar = _many("", "元/100km"), [*_many("", "元/100km。"), "100元/100km。"]
    assert plain_targets(pa.array(fast), [None], None, read_comparison).accepted.all()
    for read in (read_comparison, unequal):
        assert not plain_targets(pa.array(grammar), [None], None, read).accepted.any()
    _assert_equal_to_one_by_one(fast + grammar, list(DIRECTIONS))


@pytest.mark.parametrize(
    ("before", "after", "accepted"),
    [
        ("≤", "元/100km", True),  # a digit further in the word: the word's, on the fast path
        ("", "㎡", True),
        ("", "m2", True),
        ("", "元/人.每天", True),
        ("", "元/100km。", False),  # the grammar's: it would see both numbers
        ("", "年12月", False),
        ("", "-100%", False),
    ],
)
def test_a_word_holding_a_number_is_proven_when_a_column_holds_two_texts_of_it(
    before: str, after: str, accepted: bool
) -> None:
    one, two = [before + "290" + after], [before + "290" + after, before + "57" + after]
    fresh = lambda text, units: read_comparison(text, units)  # noqa: E731 (no kept proofs)
    assert not plain_targets(pa.array(one), [None], None, fresh).accepted.any()
    found = plain_targets(pa.array(two), [None], None, fresh).accepted
    assert found.all() if accepted else not found.any()
    _assert_equal_to_one_by_one(one + two, list(DIRECTIONS))
