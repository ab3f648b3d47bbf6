"""A :class:`TargetBook` compiles a table's distinct targets once and travels by value: a table
cut into partitions anyhow and each partition scored with a book — compiled from all, some or
none of its targets, pickled or not — equals ``score_table`` of the whole table row by row;
a target the book lacks is read where it is scored; other units are refused."""

from __future__ import annotations

import itertools
import pickle
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")

from indicatorkit.batch import (  # noqa: E402
    BatchInputError,
    TargetBook,
    compile_target_book,
    score_batches,
    score_table,
)
from indicatorkit.batch import compiled as compiled_module  # noqa: E402
from indicatorkit.scoring.rules import RULE_SETS  # noqa: E402
from indicatorkit.units import default_registry  # noqa: E402
from tests.test_batch import _corpus_rows, _rows  # noqa: E402
from tests.test_batch_plain_targets import _corpus_targets  # noqa: E402

ACTUALS = ["96%", "90%", "150件", "3%", "达成", "部分达成", None, "2025年6月30日", "12"]
WAYS = [None, "正向", "反向"]


def _table(rows: list[dict[str, Any]]) -> Any:
    return pa.table(
        {
            "project": [f"p{index}" for index in range(len(rows))],
            "target": pa.array([row["target"] for row in rows], pa.string()),
            "actual": pa.array([row["actual"] for row in rows], pa.string()),
            "weight": [row["weight"] for row in rows],
            "direction": pa.array([row["direction"] for row in rows], pa.string()),
        }
    )


def _partitioned(table: Any, cuts: list[int], book: TargetBook, rules: str) -> list[Any]:
    """``table`` cut at ``cuts``, each part scored with ``book`` (pickled: as a worker gets
    it), the parts' rows in order."""
    shipped = pickle.loads(pickle.dumps(book))
    edges = [0, *sorted(cut % (table.num_rows + 1) for cut in cuts), table.num_rows]
    rows: list[Any] = []
    for start, stop in itertools.pairwise(edges):
        rows += score_table(table.slice(start, stop - start), rules=rules, book=shipped).to_pylist()
    return rows


@settings(max_examples=60, deadline=None)
@given(
    rows=_rows(),
    rules=st.sampled_from(sorted(RULE_SETS)),
    cuts=st.lists(st.integers(0, 20), max_size=4),
    kept=st.integers(0, 8),
)
def test_partitions_scored_with_a_book_equal_the_whole_table(
    rows: list[dict[str, Any]], rules: str, cuts: list[int], kept: int
) -> None:
    """The book holds the targets of the first ``kept`` rows only: the others are read where
    their partition is scored."""
    table = _table(rows)
    book = compile_target_book(table.slice(0, kept))
    assert _partitioned(table, cuts, book, rules) == score_table(table, rules=rules).to_pylist()


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_the_real_corpora_scored_in_partitions_with_a_book(rules: str) -> None:
    """The scored self-assessment rows, and every real target against assorted actuals in
    each direction, cut into seven partitions: equal to one whole call."""
    corpus = _table(_corpus_rows())
    draw = random.Random(3)
    targets = _corpus_targets()
    mixed = _table(
        [
            {
                "target": text,
                "actual": draw.choice(ACTUALS),
                "weight": draw.choice(["5", "10", "7.5"]),
                "direction": draw.choice(WAYS),
            }
            for text in targets * 2
        ]
    )
    for table in (corpus, mixed):
        book = compile_target_book(table)
        assert len(book) == len(table.column("target").unique().drop_null())
        cuts = [table.num_rows * share // 7 for share in range(1, 7)]
        assert _partitioned(table, cuts, book, rules) == score_table(table, rules=rules).to_pylist()


def test_a_target_in_the_book_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    table = pa.table(
        {
            "target": ["≥95%", "不低于90%", "及时足额发放", "完成95%以上"],
            "actual": ["96%", "91%", "达成", "97%"],
            "weight": [10] * 4,
        }
    )
    book = compile_target_book(table)
    read: list[object] = []
    real = compiled_module.read_comparison
    monkeypatch.setattr(
        compiled_module,
        "read_comparison",
        lambda text, units: read.append(text) or real(text, units),
    )
    assert score_table(table, book=book).column("outcome").to_pylist() == ["met"] * 4
    assert read == []
    missing = pa.table({"target": ["不低于80%"], "actual": ["79%"], "weight": [5]})
    assert score_table(missing, book=book).column("outcome").to_pylist() == ["missed"]
    assert read  # not in the book: read here (its kind proven on probes, or itself)


def test_a_book_pickles_compactly() -> None:
    """About 80 bytes a distinct target beside its text (its columns: 3 directions of flags,
    operator and int64 threshold, an int64 value, the dimension), no Python object per
    target."""
    texts = [f"≥{number}件" for number in range(5000)] + [f"句子{number}" for number in range(100)]
    book = compile_target_book(texts, units=default_registry())  # not the process's in use
    blob = pickle.dumps(book)
    beside_texts = (len(blob) - book.texts.nbytes) / len(book)
    assert beside_texts < 96, beside_texts
    again = pickle.loads(blob)
    assert again.texts.equals(book.texts) and again.units == book.units
    assert (again.base_numerator == book.base_numerator).all()
    assert repr(again) == "TargetBook(5100 targets, 5000 compiled, units=UnitRegistry([]))"


@pytest.mark.parametrize("rules", ["national", "budget-20"])
def test_a_book_keeps_numbers_beyond_32_bits(rules: str) -> None:
    """The guard admits thresholds up to 2⁶² base units (``2148Gbps`` is 2.148·10¹² bit/s):
    the book keeps them whole — int32 columns wrapped them, and a book's partition scored
    differently from the table (found by the partition property)."""
    table = pa.table(
        {
            "target": ["2148Gbps", "≥41.6亿元", "≤3000000000元", "≥95%"],
            "actual": ["2148Gbps", "40亿元", "2900000000元", "96%"],
            "weight": ["0", "10", "5", "10"],
        }
    )
    book = compile_target_book(table)
    assert int(book.base_numerator.max()) > 2**31
    scored = score_table(table, rules=rules, book=pickle.loads(pickle.dumps(book)))
    assert scored.to_pylist() == score_table(table, rules=rules).to_pylist()
    assert scored.column("attainment").to_pylist()[0] == "1"


_OTHER_PROCESS = """
import pickle, sys
from indicatorkit.batch import compiled, score_table
for name in ("[蔸]", "[percent]", "[件]", "[money]", "[ratio]"):  # codes unlike the parent's
    compiled.dimension_code(name)
book, table = pickle.loads(sys.stdin.buffer.read())
with_book = score_table(table, book=book).to_pylist()
print(with_book == score_table(table).to_pylist(), with_book[0]["outcome"], with_book[1]["outcome"])
"""


def test_dimensions_travel_by_name_to_a_process_with_other_codes() -> None:
    """A worker's dimension codes are its own: a 5万元 target must not meet a 6% actual there."""
    table = pa.table(
        {"target": ["<5万元", "≥95%", "≥3件"], "actual": ["6%", "96%", "4件"], "weight": [10] * 3}
    )
    done = subprocess.run(
        [sys.executable, "-c", _OTHER_PROCESS],
        input=pickle.dumps((compile_target_book(table), table)),
        capture_output=True,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    assert done.stdout.decode().split() == ["True", "evaluation", "failed", "met"]


def test_the_book_carries_its_units_and_refuses_others() -> None:
    frames = default_registry().define("樘 = [樘]")
    table = pa.table({"target": ["≥50樘"], "actual": ["52樘"], "weight": [10]})
    book = compile_target_book(table, units=frames)
    assert book.units == frames
    shipped = pickle.loads(pickle.dumps(book))
    assert (
        score_table(table, book=shipped).to_pylist() == score_table(table, units=frames).to_pylist()
    )
    assert score_table(table, book=shipped).column("outcome").to_pylist() == ["met"]
    with pytest.raises(BatchInputError, match="other units"):
        score_table(table, units=default_registry(), book=shipped)


def test_books_compiled_apart_unite() -> None:
    first = compile_target_book(["≥95%", "及时", "<5万元"])
    second = compile_target_book(["<5万元", "≥3件", "6月底前"])
    both = TargetBook.union([first, second])
    whole = compile_target_book(["≥95%", "及时", "<5万元", "≥3件", "6月底前"])
    assert both.texts.equals(whole.texts) and both.dimensions == whole.dimensions
    for name in ("compiled", "operator", "base_numerator", "base_denominator", "dimension"):
        assert (getattr(both, name) == getattr(whole, name)).all(), name
    with pytest.raises(BatchInputError, match="other units"):
        TargetBook.union(
            [first, compile_target_book(["≥1樘"], units=default_registry().define("樘 = [樘]"))]
        )
    with pytest.raises(BatchInputError, match="no book"):
        TargetBook.union([])


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (pa.table({"actual": ["1"]}), "column target is missing"),
        (pa.array([1, 2]), "column target must hold text"),
        (["≥95%", 3], "not a column of text"),
    ],
)
def test_what_cannot_be_a_book_is_a_typed_error(source: Any, words: str) -> None:
    with pytest.raises(BatchInputError, match=words):
        compile_target_book(source)


def test_books_from_frames_columns_and_empty_tables() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"target": ["≥95%", None, "≥95%"], "weight": [1, 2, 3]})
    assert compile_target_book(frame).texts.to_pylist() == ["≥95%"]
    assert compile_target_book(frame["target"].astype("category")).texts.to_pylist() == ["≥95%"]
    encoded = pa.chunked_array([pa.array(["≥1件", "≥2件"]).dictionary_encode()])
    assert len(compile_target_book(encoded)) == 2
    empty = compile_target_book(pa.table({"target": pa.array([], pa.string())}))
    assert len(empty) == 0 and "≥95%" not in empty
    scored = score_table(
        pa.table({"target": ["≥95%"], "actual": ["96%"], "weight": [5]}), book=empty
    )
    assert scored.column("outcome").to_pylist() == ["met"]


def test_a_stream_of_batches_is_scored_with_a_book() -> None:
    table = pa.table(
        {
            "target": ["≥95%", "≤2%", "及时"] * 3,
            "actual": ["96%", "3%", "达成"] * 3,
            "weight": [10] * 9,
        }
    )
    book = compile_target_book(table.slice(0, 2))
    streamed = [row for batch in score_batches(table, book=book) for row in batch.to_pylist()]
    assert streamed == score_table(table).to_pylist()


def test_a_book_whose_columns_do_not_fit_its_texts_is_refused() -> None:
    import attrs

    book = compile_target_book(["≥95%", "<5万元"])
    with pytest.raises(BatchInputError, match="do not fit"):
        attrs.evolve(book, texts=book.texts.slice(0, 1))
    with pytest.raises(BatchInputError, match="do not fit"):
        attrs.evolve(book, dimensions=())
    with pytest.raises(BatchInputError, match="do not fit"):
        attrs.evolve(book, texts=pa.array(["≥95%", None]))


def test_a_parquet_file_is_written_with_a_book(tmp_path: Path) -> None:
    from indicatorkit.batch import write_scored_parquet

    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {"target": ["≥95%", "及时"] * 4, "actual": ["90%", "达成"] * 4, "weight": [5] * 8}
    )
    book = compile_target_book(table)
    assert (
        write_scored_parquet(table.to_batches(max_chunksize=3), tmp_path / "出.parquet", book=book)
        == 8
    )
    assert pq.read_table(tmp_path / "出.parquet").to_pylist() == score_table(table).to_pylist()


_LOOKED_UP = st.text(alphabet="≥≤%件元甲乙 0123", max_size=4)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_LOOKED_UP, unique=True, max_size=12),
    st.lists(_LOOKED_UP, unique=True, max_size=12),
    st.integers(0, 12),
)
def test_a_books_look_up_finds_each_text_where_it_is_whichever_side_is_hashed(
    held: list[str], distinct: list[str], null_at: int
) -> None:
    """``book._places`` hashes the smaller side; either way each of a partition's distinct
    texts (a dictionary: at most one null) is found at its index among the held texts, -1 for
    the null or a text not held — as a plain search finds it."""
    from indicatorkit.batch.book import _places

    texts: list[str | None] = list(distinct)
    texts.insert(min(null_at, len(texts)), None)
    places = _places(pa.array(texts, pa.string()), pa.array(held, pa.string())).tolist()
    assert places == [held.index(text) if text in held else -1 for text in texts]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["≥95%", "<5件", "及时足额", "≤2万元", "2025年底前"]), max_size=8),
    st.lists(
        st.sampled_from(["≥95%", "<5件", "及时足额", "≤2万元", "2025年底前", None]), max_size=12
    ),
)
def test_a_book_compiles_texts_as_reading_them_does_even_repeated(
    held: list[str], texts: list[str | None]
) -> None:
    """``TargetBook.compile`` of any texts — repeated ones too, which a look-up finds once and
    the rest are read — equals ``compile_targets`` of them, column by column."""
    from indicatorkit.batch.book import DIRECTIONS
    from indicatorkit.batch.compiled import compile_targets

    units = default_registry()
    column = pa.array(texts, pa.string())
    book = compile_target_book(held, units=units)
    taken = book.compile(column, DIRECTIONS, units)
    read = compile_targets(column, DIRECTIONS, units)
    for name in (
        "compiled",
        "operator",
        "base_numerator",
        "base_denominator",
        "lower_bound",
        "value_numerator",
        "value_denominator",
        "dimension",
    ):
        assert getattr(taken, name).tolist() == getattr(read, name).tolist(), name
