"""``check`` on a CSV long table that holds a spec with its actuals (实际完成值) checks the spec's
own actuals — targets read as the long table writes them — as it does a filled 自评表; a table
of bare rows, or of many departments, is still checked row by row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indicatorkit import Spec, cli, read, write

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025_selfassessment.ikspec"

#: The national system's split form: 运算符, a bare 指标值 and 计量单位 beside it.
SPLIT = (
    "项目编号,项目名称,一级指标,二级指标,三级指标,运算符,指标值,计量单位,分值,实际完成值\n"
    "1,法律援助,产出指标,数量指标,受理数,≥,200,件,20,210件\n"
    "1,法律援助,效益指标,社会效益指标,满意度,大于等于,90,百分比,10,85%\n"
)


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    status = cli.main(["check", str(path), "--format", "json"])
    return status, json.loads(capsys.readouterr().out)["rows"]


def test_a_split_long_table_is_checked_as_its_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "填报.csv"
    path.write_text(SPLIT, encoding="utf-8")
    status, rows = _check(path, capsys)
    # read as rows, 200 (no unit) was compared with 210件 and refused: two problems, exit 1
    assert status == 0
    assert [(r["target"], r["actual"], r["outcome"]) for r in rows] == [
        ("≥200件", "210件", "met"),
        ("≥90%", "85%", "missed"),
    ]
    assert [r["line"] for r in rows] == [2, 3]  # located at the file's own rows


def test_a_long_table_checks_like_the_same_spec_in_a_spec_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = read(EXAMPLE).spec
    assert spec is not None
    projects = Spec(projects=spec.projects)  # a long table holds projects and indicators
    table, spec_file = tmp_path / "自评.csv", tmp_path / "自评.ikspec"
    write(projects, table)
    write(projects, spec_file)
    table_status, from_table = _check(table, capsys)
    spec_status, from_spec = _check(spec_file, capsys)
    assert table_status == spec_status

    def seen(rows: list[dict]) -> list[tuple[object, ...]]:
        return [(r["labels"][-1], r["target"], r["actual"], r["outcome"]) for r in rows]

    assert seen(from_table) == seen(from_spec) and len(from_table) > 50


@pytest.mark.parametrize(
    "text",
    [
        "项目名称,三级指标,指标值,实际完成值\n法律援助,受理数,≥200件,210件\n",  # rows
        "项目编号,部门,项目名称,三级指标,指标值,实际完成值\n1,司法局,法律援助,受理数,≥200件,210件\n",
    ],
    ids=["rows", "departments"],
)
def test_rows_and_department_tables_are_still_checked_row_by_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "表.csv"
    path.write_text(text, encoding="utf-8")
    status, rows = _check(path, capsys)
    assert status == 0
    assert [(r["target"], r["actual"], r["outcome"]) for r in rows] == [("≥200件", "210件", "met")]
