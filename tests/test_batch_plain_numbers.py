"""The column-wise pre-pass over actual texts (``indicatorkit.batch.plain_numbers``) is
exact: every text it accepts, ``parse_actual`` reads as that very amount (value in base
units and dimension), on generated strings and the real corpora; and compiling a column with
the pre-pass gives what reading each text one by one gives."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from indicatorkit.batch.compiled import compile_actuals  # noqa: E402
from indicatorkit.batch.plain_numbers import plain_numbers  # noqa: E402
from indicatorkit.errors import IndicatorkitError  # noqa: E402
from indicatorkit.language.parse import parse_actual  # noqa: E402
from indicatorkit.language.values import Amount  # noqa: E402
from indicatorkit.strategies import unit_words  # noqa: E402

REAL = Path(__file__).parent / "corpus" / "real"
#: Words after a number the general reader reads otherwise, or not at all.
TRICKY_WORDS = (
    "", "%", "％", "件", "万元", "亿元", "月", "年", "日", "号", "时", "万", "以上", "以内",
    "个百分点", "元/月", "km2", "ｋｍ", " %", "% ", "\u0301", "e5", "/2", "abc", "件/人",
    "度", "°", "万人次", "年底", "月底前", "‰", "天", "小时", "分", "折", "倍",
    "元/100公里", "元/100km", "元/１００km", "m2", "㎡", "TB", "PB", "元/0.5km", "年12月", "-100",
    "~100%", "a.5", "元/1,000人", "月1日", "号1",
)  # fmt: skip


def _numbers() -> st.SearchStrategy[str]:
    digits = st.text("0123456789", min_size=1, max_size=12)
    return st.one_of(
        digits,
        st.builds(lambda whole, fraction: f"{whole}.{fraction}", digits, digits),
        st.sampled_from(["0", "00", "007", "0.0", "2147483647", "2147483648", "1e5", "1,200"]),
    )


_TEXTS = st.one_of(
    st.builds(str.__add__, _numbers(), st.one_of(st.sampled_from(TRICKY_WORDS), unit_words())),
    st.text(max_size=8),
)


def _assert_exact(texts: list[str | None]) -> None:
    found = plain_numbers(pa.array(texts, pa.string()), None)
    for index, text in enumerate(texts):
        if not found.accepted[index]:
            continue
        assert text is not None
        read = parse_actual(text)
        assert isinstance(read, Amount), text
        value = Fraction(int(found.numerator[index]), int(found.denominator[index]))
        assert value == read.normalized, text
        assert found.dimensions[found.dimension[index]] == read.unit.dimension, text
    # the whole compilation equals reading one by one
    column = compile_actuals(pa.array(texts, pa.string()), None)
    one_by_one = compile_actuals(texts, None)
    assert column.compiled.tolist() == one_by_one.compiled.tolist()
    assert column.numerator.tolist() == one_by_one.numerator.tolist()
    assert column.denominator.tolist() == one_by_one.denominator.tolist()
    assert column.dimension.tolist() == one_by_one.dimension.tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), _TEXTS), max_size=20))
def test_the_pre_pass_equals_parse_actual_on_generated_texts(texts: list[str | None]) -> None:
    _assert_exact(texts)


def _corpus_texts() -> list[str]:
    texts: set[str] = set()
    for path in sorted(REAL.glob("*.tsv")):
        lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            texts.update(value for value in row.values() if isinstance(value, str) and value)
    return sorted(texts)


def test_the_pre_pass_equals_parse_actual_on_the_real_corpora() -> None:
    texts = _corpus_texts()
    found = plain_numbers(pa.array(texts, pa.string()), None)
    assert found.accepted.sum() > 100  # the corpora's own actuals and scores: many plain
    _assert_exact(texts)


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("96%", True),
        ("1200件", True),
        ("5.3万元", True),
        ("80000", True),
        ("2147483648元", False),  # ten digits: the general reader decides
        ("999999999万元", True),  # compiled or not by the overflow guard, as one by one
        ("157元/100公里", True),  # a digit further in the word: the word's
        ("1.5TB", True),  # 2**40 bytes: short numbers stay inside int64
        ("999999999TB", False),  # beyond int64 in bytes: one by one
        ("5件/100人", True),
        ("5件 100人", False),
        ("1,200件", False),
        ("12月", False),
        ("2024年5月", False),
        ("达成", False),
        ("≥5件", False),
        ("5 件", False),
    ],
)
def test_what_the_pre_pass_accepts(text: str, accepted: bool) -> None:
    assert bool(plain_numbers(pa.array([text]), None).accepted[0]) is accepted
    try:
        read = parse_actual(text)
    except IndicatorkitError:
        read = None
    if accepted:
        assert isinstance(read, Amount)


def test_each_word_is_proven_once_per_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every partition, every record batch meets the same few words: proven the first time."""
    from indicatorkit.batch import plain_numbers as module
    from indicatorkit.units import default_registry

    proven: list[str] = []
    real = module._word_unit
    monkeypatch.setattr(
        module, "_word_unit", lambda word, registry: proven.append(word) or real(word, registry)
    )
    units = default_registry().define("样件 = [样件]")  # its own kept words
    texts = pa.array(["96%", "12件", "3样件", "达成", "7件"])
    first = plain_numbers(texts, units)
    assert sorted(proven) == ["", "%", "件", "样件"]  # "": the unmatched texts
    again = plain_numbers(pa.array(["5件", "1.5%", "8样件"]), units)
    assert sorted(proven) == ["", "%", "件", "样件"] and again.accepted.all()
    assert first.numerator.tolist()[:3] == [24, 12, 3]
