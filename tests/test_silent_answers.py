"""Nothing this stop added answers silently: a bare number is read in a unit only when the
table says which (and says it came from the header), no row of a department table is left out
of the bureau's scores, and no new output (`--parquet`, `audit --format csv -o`) replaces a
file the user gave."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicatorkit import loads, score
from indicatorkit.cli import main
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.formats.long_table_departments import NO_DEPARTMENT, read_department_tables

SPEC = "项目 1 法律援助\n  指标 产出指标 / 成本指标 / 人均成本\n    指标值：≤5万元\n    分值：100\n"


def test_a_bare_number_takes_a_unit_only_from_the_header_and_says_so() -> None:
    stated = read_actuals("项目,三级指标,实际值（元）\n1,人均成本,46800\n", file="实际值.csv")
    (said,) = [f for f in stated.findings if f.code == "IK414"]
    assert (said.file, said.line, said.column) == ("实际值.csv", 1, 3)  # at the header cell
    (row,) = score(loads(SPEC), stated).projects[0].indicators
    assert row.score.met  # 46800元 ≤ 5万元

    bare = read_actuals("项目,三级指标,实际值\n1,人均成本,46800\n", file="实际值.csv")
    assert not [f for f in bare.findings if f.code == "IK414"]
    (row,) = score(loads(SPEC), bare).projects[0].indicators
    # not 46800万元 scored 0: undecided, both readings named
    assert row.score.score is None and "46800" in row.score.message


def test_every_row_of_a_department_table_is_scored_somewhere() -> None:
    table = (
        "项目编号,部门,项目名称,三级指标,指标值,分值,实际完成值\n"
        "1,司法局,法律援助,受理数,≥200件,100,210件\n"
        "1,,无名,场次,≥20场,100,21场\n"
        "2,司法局,普法,场次,≥20场,100,19场\n"
    )
    tables = read_department_tables(table, source="局.csv")
    names = [name for name, _ in tables.departments]
    assert names == ["司法局", NO_DEPARTMENT]  # the row with no 部门 is kept, named so
    rows = sum(len(p.indicators) for _, t in tables.departments if t.spec for p in t.spec.projects)
    assert rows == 3


@pytest.mark.parametrize(
    "command",
    [
        ["score", "--departments", "{table}", "--parquet", "{table}"],
        ["audit", "{table}", "--format", "csv", "-o", "{table}"],
        ["report", "--departments", "{table}", "-o", "{table}"],
        ["check", "{table}", "--format", "csv", "-o", "{table}"],
    ],
)
def test_a_new_output_never_replaces_an_input(tmp_path: Path, command: list[str]) -> None:
    pytest.importorskip("pyarrow")
    table = tmp_path / "局.csv"
    text = "项目编号,部门,项目名称,三级指标,指标值,分值,实际完成值\n1,司法局,甲,数,≥1件,100,2件\n"
    table.write_text(text, encoding="utf-8")
    argv = [part.format(table=table) for part in command]
    assert main(argv) == 2  # refused, with the path and why on stderr
    assert table.read_text(encoding="utf-8") == text


def test_plain_numbers_read_by_column_are_what_parse_actual_reads() -> None:
    """The batch path's numeric pre-pass takes a unit word only where the reader proves it:
    a bare number stays bare (read in no unit), 5万元 is 50000 in money's base unit, and what
    it cannot prove (a date, a bound, a grouped number) goes to the general reader."""
    pa = pytest.importorskip("pyarrow")
    from fractions import Fraction

    from indicatorkit.batch.plain_numbers import plain_numbers
    from indicatorkit.language import parse_actual

    texts = ["46800", "5万元", "3.5件", "12月20日", "≥5件", "1,200元"]
    found = plain_numbers(pa.array(texts), None)
    assert found.accepted.tolist() == [True, True, True, False, False, False]
    for index in range(3):
        amount = parse_actual(texts[index])
        value = Fraction(int(found.numerator[index]), int(found.denominator[index]))
        assert value == amount.value * amount.unit.factor, texts[index]
        dimension = found.dimensions[found.dimension[index]] if found.dimension[index] >= 0 else ""
        assert dimension == amount.unit.dimension, texts[index]


@pytest.mark.parametrize(
    "command",
    [
        ["export", "{spec}", "--scored", "{out}.xlsx", "--projects-only"],
        ["export", "{spec}", "-o", "{out}.ikspec", "--rules", "hubei"],
        ["import", "{spec}", "--projects-only"],
        ["audit", "{empty}", "--rules", "某县"],
    ],
)
def test_an_option_that_would_be_ignored_is_a_usage_error(
    tmp_path: Path, command: list[str]
) -> None:
    """An option the verb would not apply (it was silently dropped) is refused, exit 2."""
    spec = tmp_path / "目标.ikspec"
    spec.write_text(SPEC, encoding="utf-8")
    empty = tmp_path / "空"
    empty.mkdir()
    out = tmp_path / "输出"
    argv = [part.format(spec=spec, out=out, empty=empty) for part in command]
    assert main(argv) == 2
    assert not list(tmp_path.glob("输出*"))  # nothing written


def test_the_batch_reads_no_number_in_a_unit_the_row_did_not_write() -> None:
    """Numbers in 万/亿 and reduced thresholds now go column-wise: a number is still compared
    only with a number, a bare actual under a unit target keeps score_indicator's message
    (the unit it was read in, or both readings), amounts of other dimensions are refused with
    a message, and every row comes back."""
    pa = pytest.importorskip("pyarrow")
    from fractions import Fraction

    from indicatorkit.batch import score_table
    from indicatorkit.scoring import score_indicator

    rows = [
        ("≥5万元", "60000"),  # bare under money: said, never silently 元 or 万元
        ("≥1.1万人", "1.2万"),  # a number under 万人: read in the target's unit, said
        ("≥1.1万", "1.2万元"),  # a number against money: cannot compare, said
        ("≥95%", "0.96"),  # both readings: not scored, said
        ("≥26.45万亩", "27"),  # a large unit's reduced threshold, bare actual: said
        ("≥1.1万", "12000"),  # number against number: compared as written
    ]
    table = pa.table(
        {
            "target": [t for t, _ in rows],
            "actual": [a for _, a in rows],
            "weight": ["10"] * len(rows),
        }
    )
    scored = score_table(table).to_pylist()
    assert len(scored) == len(rows)
    for (target, actual), batch in zip(rows, scored, strict=True):
        one = score_indicator(target, actual, Fraction(10))
        assert (batch["outcome"], batch["message"]) == (one.outcome.value, one.message)
        if actual.strip("0123456789.") == "" and target != "≥1.1万":
            assert batch["message"], (target, actual)  # a bare number under a unit is said
    assert scored[2]["score"] is None and "单位不可比较" in scored[2]["message"]


@pytest.mark.parametrize("route", ["book in partitions", "dictionary columns"])
def test_the_batch_routes_of_this_stop_read_no_number_in_a_unit_the_row_did_not_write(
    route: str,
) -> None:
    """The target book (shipped by value, partitions scored with it) and dictionary-typed
    input columns (Parquet's ``read_dictionary``, pandas categoricals) keep every row's
    ``score_indicator`` outcome and message: a bare number under a unit is said, a number
    against money refused, amounts beyond 2³¹ base units (which the products' guard now
    takes column-wise) kept whole — and every row comes back, in order."""
    pa = pytest.importorskip("pyarrow")
    import pickle
    from fractions import Fraction

    from indicatorkit.batch import compile_target_book, score_table
    from indicatorkit.scoring import score_indicator
    from indicatorkit.units import default_registry

    rows = [
        ("≥5万元", "60000"),  # bare under money: said
        ("≥1.1万人", "1.2万"),  # a number under 万人: said
        ("≥1.1万", "1.2万元"),  # a number against money: refused, said
        ("≥95%", "0.96"),  # both readings: not scored, said
        ("≥41.6亿元", "40亿元"),  # 4.16·10⁹ 元: beyond 2³¹, column-wise now
        ("2148Gbps", "2148Gbps"),  # 2.148·10¹² bit/s
        ("≥41.6亿元", "40"),  # bare under a large amount: said
    ]
    table = pa.table(
        {
            "target": [t for t, _ in rows],
            "actual": [a for _, a in rows],
            "weight": ["10"] * len(rows),
        }
    )
    units = default_registry()
    if route == "book in partitions":
        book = pickle.loads(pickle.dumps(compile_target_book(table, units=units)))
        parts = [table.slice(0, 3), table.slice(3)]
        scored = [row for part in parts for row in score_table(part, book=book).to_pylist()]
    else:
        encoded = pa.table(
            {name: table.column(name).dictionary_encode() for name in table.column_names}
        )
        scored = score_table(encoded, units=units).to_pylist()
    assert [(row["target"], row["actual"]) for row in scored] == rows  # every row, in order
    for (target, actual), batch in zip(rows, scored, strict=True):
        one = score_indicator(target, actual, Fraction(10), units=units)
        assert (batch["outcome"], batch["message"]) == (one.outcome.value, one.message)
        assert (None if batch["score"] is None else Fraction(batch["score"])) == one.score
        if actual.strip("0123456789.") == "":
            assert batch["message"], (target, actual)  # a bare number under a unit is said
    assert scored[2]["score"] is None and "单位不可比较" in scored[2]["message"]
