"""Many departments: a bureau's specs scored under one rule set, ranked, summarised; a long
table split on its 部门 column; the ranking as text, CSV, JSON and Parquet (``score
--departments``)."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicatorkit import loads, score
from indicatorkit.cli import main
from indicatorkit.formats.bureau_sources import read_bureau
from indicatorkit.formats.bureau_table import BUREAU_COLUMNS, bureau_rows
from indicatorkit.formats.long_table_departments import (
    NO_DEPARTMENT,
    read_department_frame,
    read_department_tables,
)
from indicatorkit.formats.long_table_read import read_long_table
from indicatorkit.scoring.departments import rank_departments, score_departments
from indicatorkit.scoring.report import SpecScore
from indicatorkit.scoring.rules import RULE_SETS, rule_set


def _spec(actual: str, executed: str = "100元", department: str = "") -> str:
    head = f"部门 1 {department}\n  年度：2025\n\n" if department else ""
    return (
        f"{head}项目 1 法律援助\n  预算：100元\n  执行数：{executed}\n"
        "  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥200件\n    分值：90\n"
        f"    实际值：{actual}\n    偏差原因：案件来源减少\n"
    )


@pytest.mark.parametrize("rules", sorted(RULE_SETS))
def test_each_department_is_scored_as_score_scores_it(rules: str) -> None:
    texts = {"司法局": _spec("150件"), "民政局": _spec("210件", "90元"), "教育局": _spec("77件")}
    bureau = score_departments([(name, loads(text)) for name, text in texts.items()], rules=rules)
    assert bureau.rules.name == rules
    for standing in bureau.departments:
        alone = score(loads(texts[standing.name]), rules=rules)
        assert standing.total_range == alone.department_range
        assert standing.grade == alone.department_grade
    totals = [d.total for d in bureau.departments if d.total is not None]
    chosen = rule_set(rules)
    assert bureau.summary.mean == chosen.rounding.total(sum(totals, Fraction(0)) / len(totals))
    assert bureau.summary.grade == chosen.grade(bureau.summary.mean)


def _result(total: Fraction | None) -> SpecScore:
    span = None if total is None else (total, total)
    return SpecScore(rule_set(None), (), span, None)


@given(st.lists(st.one_of(st.none(), st.fractions(0, 100, max_denominator=8)), max_size=12))
def test_ranking_laws(totals: list[Fraction | None]) -> None:
    """Best first; equal totals share a rank; a rank is 1 + the count strictly better; an
    undecided department has no rank and comes last; nobody is dropped."""
    scored = [(f"部门{i}", "", _result(t)) for i, t in enumerate(totals)]
    bureau = rank_departments(scored, rule_set(None))
    assert sorted(d.name for d in bureau.departments) == sorted(n for n, _, _ in scored)
    decided = [d for d in bureau.departments if d.total is not None]
    assert bureau.departments[: len(decided)] == tuple(decided)
    assert all(d.rank is None for d in bureau.departments[len(decided) :])
    for standing in decided:
        assert standing.total is not None
        better = sum(other.total > standing.total for other in decided)  # type: ignore[operator]
        assert standing.rank == better + 1
    assert [d.total for d in decided] == sorted((d.total for d in decided), reverse=True)  # type: ignore[type-var]
    assert bureau.summary.ranked == len(decided)
    assert (bureau.summary.mean is None) == (not decided)


TABLE = (
    "项目编号,部门,项目名称,预算数,全年执行数,三级指标,指标值,分值,实际完成值,偏差原因\n"
    "1,司法局,法律援助,100元,100元,受理数,≥200件,90,150件,来源减少\n"
    "1,民政局,救助,100元,90元,人数,≥200人,90,210人,\n"
    "2,司法局,普法,100元,100元,场次,≥20场,90,21场,\n"
    "1,,无名,100元,100元,场次,≥2O场,90,20场,\n"
)


def test_a_long_table_splits_into_each_departments_own_table() -> None:
    tables = read_department_tables(TABLE, source="局.csv")
    assert [name for name, _ in tables.departments] == ["司法局", "民政局", NO_DEPARTMENT]
    header, *rows = TABLE.splitlines()
    cells = [header.split(","), *(row.split(",") for row in rows)]
    for name, imported in tables.departments:
        own = [c[:1] + c[2:] for c in cells[1:] if (c[1] or NO_DEPARTMENT) == name]
        alone = read_long_table(
            "\n".join(",".join(c) for c in [cells[0][:1] + cells[0][2:], *own]), source="x"
        )
        assert imported.spec is not None and alone.spec is not None
        assert score(imported.spec).department_range == score(alone.spec).department_range
        assert [f.code for f in imported.findings] == [f.code for f in alone.findings]
    (finding,) = tables.departments[2][1].findings  # ≥2O场: at the file's line and column
    assert (finding.file, finding.line, finding.column) == ("局.csv", 5, 7)


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_a_frame_splits_as_its_csv_does(library: str) -> None:
    module = pytest.importorskip(library)
    header, *rows = (line.split(",") for line in TABLE.splitlines())
    frame = module.DataFrame(
        {name: [row[i] or None for row in rows] for i, name in enumerate(header)}
    )
    from_frame = read_department_frame(frame)
    from_csv = read_department_tables(TABLE, source="局.csv")
    assert [n for n, _ in from_frame.departments] == [n for n, _ in from_csv.departments]
    for (_, framed), (_, read) in zip(from_frame.departments, from_csv.departments, strict=True):
        assert framed.spec is not None and read.spec is not None
        assert score(framed.spec).department_range == score(read.spec).department_range
        assert [(f.code, f.line, f.column) for f in framed.findings] == [
            (f.code, f.line, f.column) for f in read.findings
        ]


def test_a_table_without_a_department_column_is_refused() -> None:
    tables = read_department_tables("项目编号,三级指标,指标值\n1,数,≥1件\n", source="t.csv")
    assert tables.departments == ()
    assert [(f.code, f.line) for f in tables.findings] == [("IK630", 1)]


def test_a_folder_names_departments_by_their_department_line(tmp_path: Path) -> None:
    (tmp_path / "a.ikspec").write_text(_spec("150件", department="司法局"), encoding="utf-8")
    (tmp_path / "民政局.ikspec").write_text(_spec("210件"), encoding="utf-8")
    (tmp_path / ".hidden.ikspec").write_text(_spec("1件"), encoding="utf-8")
    found = read_bureau(tmp_path)
    assert [name for name, _, _ in found.departments] == ["司法局", "民政局"]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "局"
    folder.mkdir()
    (folder / "=cmd.ikspec").write_text(_spec("210件"), encoding="utf-8")
    (folder / "民政局.ikspec").write_text(_spec("150件"), encoding="utf-8")
    return folder


def test_cli_ranks_a_folder_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    parquet = tmp_path / "局.parquet"
    assert (
        main(["score", "--departments", str(folder), "--format", "csv", "--parquet", str(parquet)])
        == 0
    )
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == list(BUREAU_COLUMNS)
    assert [row[:2] for row in rows[1:3]] == [["1", "'=cmd"], ["2", "民政局"]]  # formula-safe
    assert [row[5] for row in rows[1:]] == ["100.00", "77.50", "88.75"]
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(parquet)
    bureau = score_departments(
        [(n, s) for n, _, s in read_bureau(folder).departments],
        sources=[src for _, src, _ in read_bureau(folder).departments],
    )
    assert [tuple(row.values()) for row in table.to_pylist()] == list(bureau_rows(bureau))
    assert main(["score", "--departments", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["mean"] == "88.75"
    assert [d["department"] for d in data["departments"]] == ["=cmd", "民政局"]


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    (folder / "open.ikspec").write_text(_spec("150件").replace("    偏差原因：案件来源减少\n", ""))
    assert main(["score", "--departments", str(folder), "--quiet"]) == 1  # a reason is missing
    assert main(["score", "--departments", str(tmp_path / "none.csv")]) == 2
    assert main(["score", "--departments", str(folder), "--rules", "nowhere"]) == 2
    assert main(["score", str(folder / "民政局.ikspec"), "--parquet", str(tmp_path / "p")]) == 2
    assert main(["score", "--departments", str(folder), str(folder / "民政局.ikspec")]) == 2
    err = capsys.readouterr().err
    assert "IK600" in err and "--parquet" in err and "ACTUALS" in err and "nowhere" in err
    assert not (tmp_path / "p").exists()


def test_a_department_written_once_per_project_carries_down_its_rows() -> None:
    """A table saved from merged cells writes 部门 on a project's first row only: the rows
    that continue the project stay in its department; a new project with no department is
    kept under NO_DEPARTMENT and said (IK637, at the cell)."""
    table = (
        "项目编号,部门,项目名称,三级指标,指标值,分值,实际完成值\n"
        "1,司法局,法律援助,受理数,≥200件,50,210件\n"
        ",,,结案率,≥95%,50,96%\n"
        "1,,,满意度,≥90%,0,92%\n"
        "2,,普法,场次,≥20场,100,21场\n"
    )
    tables = read_department_tables(table, source="局.csv")
    assert [name for name, _ in tables.departments] == ["司法局", NO_DEPARTMENT]
    own = tables.departments[0][1].spec
    assert own is not None
    assert [i.name for p in own.projects for i in p.indicators] == ["受理数", "结案率", "满意度"]
    said = [(f.code, f.line, f.column) for f in tables.findings if f.code == "IK637"]
    assert said == [("IK637", 5, 2)]
