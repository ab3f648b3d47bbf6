"""Notebooks and data frames: scores as pandas and polars frames (numbers as floats, their exact
values beside), the long table as a frame whatever the spec holds, and compact HTML tables for
specs, projects and scores."""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import indicatorkit
from indicatorkit import Spec, load, score
from indicatorkit.errors import ArgumentError
from indicatorkit.formats import MissingExtraError, from_frame, to_frame
from indicatorkit.scoring.frames import COLUMNS
from indicatorkit.strategies import specs

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"
LIBRARIES = ["pandas", "polars"]


@pytest.fixture(scope="module")
def example() -> Spec:
    return load(EXAMPLE)


def _column(frame: Any, name: str) -> list[Any]:
    values = frame[name].to_list() if hasattr(frame, "iter_rows") else frame[name].tolist()
    return [None if isinstance(v, float) and v != v else v for v in values]


@pytest.mark.parametrize("library", LIBRARIES)
def test_indicator_rows_carry_department_project_levels_and_exact_numbers(
    example: Spec, library: str
) -> None:
    pytest.importorskip(library)
    result = score(example)
    frame = result.to_frame(library=library)
    items = [(p, item) for p in result.projects for item in p.indicators]
    assert list(frame.columns) == [name for name, _ in COLUMNS["indicator"]]
    assert len(frame) == len(items) > 50
    assert set(_column(frame, "部门")) == {example.department.name}  # type: ignore[union-attr]
    assert _column(frame, "项目编号") == [p.number for p, _ in items]
    assert _column(frame, "三级指标") == [item.indicator.name for _, item in items]
    assert _column(frame, "一级指标") == [item.indicator.level1 for _, item in items]
    for name, exact in (("得分", "score"), ("分值", "weight"), ("完成率", "attainment")):
        values = [getattr(item.score, exact) for _, item in items]
        # the exact column reads back to the very Fraction; the float column is its nearest float
        assert [None if v is None else Fraction(v) for v in _column(frame, f"{name}（精确）")] == (
            values
        )
        assert _column(frame, name) == [None if v is None else float(v) for v in values]
    assert str(frame["得分"].dtype).lower() in ("float64", "f64")


@pytest.mark.parametrize("library", LIBRARIES)
def test_project_rows_hold_totals_grades_and_budget_lines(example: Spec, library: str) -> None:
    pytest.importorskip(library)
    result = score(example)
    frame = result.to_frame(library=library, per="project")
    assert _column(frame, "项目名称") == [p.name for p in result.projects]
    assert [Fraction(v) for v in _column(frame, "总分（精确）")] == [
        p.total for p in result.projects
    ]
    assert _column(frame, "等级") == [p.grade_label for p in result.projects]
    assert _column(frame, "预算执行率") == [float(p.budget.rate) for p in result.projects]  # type: ignore[arg-type]


def test_english_column_names_are_the_aliases(example: Spec) -> None:
    pytest.importorskip("pandas")
    frame = score(example).to_frame(english=True, per="project")
    assert list(frame.columns) == [alias for _, alias in COLUMNS["project"]]


def test_undecided_scores_are_missing_numbers_with_their_range() -> None:
    pytest.importorskip("pandas")
    spec = indicatorkit.loads(
        "项目 1 甲\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥2件\n    分值：30\n"
    )
    frame = score(spec).to_frame()
    row = frame.iloc[0]
    assert row["得分"] != row["得分"] and row["得分（精确）"] is None  # NaN and no text
    assert (row["得分下限"], row["得分上限"]) == (0.0, 30.0)


def test_a_spec_without_department_has_an_empty_department_column() -> None:
    pytest.importorskip("pandas")
    spec = indicatorkit.loads(
        "项目 1 甲\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥2件\n    实际值：2件\n"
    )
    assert score(spec).department_name == ""
    assert score(spec).to_frame()["部门"].tolist() == [""]


def test_bad_arguments_are_typed_errors(example: Spec) -> None:
    result = score(example)
    with pytest.raises(ArgumentError, match="to_frame"):
        result.to_frame(library="numpy")
    with pytest.raises(ArgumentError, match="per"):
        result.to_frame(per="department")
    with pytest.raises(ArgumentError, match="to_frame"):
        to_frame(Spec(), library="spark")


def test_a_missing_frame_library_names_the_extra(
    example: Spec, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(MissingExtraError, match=r"indicatorkit\[polars\]"):
        score(example).to_frame(library="polars")


@pytest.mark.parametrize("library", LIBRARIES)
def test_the_long_table_frame_of_a_spec_with_a_department(example: Spec, library: str) -> None:
    """``to_frame(spec)`` does not refuse a department: it is a column, and reading the frame
    back says the column was not read (IK631) and gives the projects unchanged."""
    pytest.importorskip(library)
    frame = to_frame(example, library=library)
    assert list(frame.columns)[:3] == ["部门", "项目编号", "项目名称"]
    assert set(_column(frame, "部门")) == {example.department.name}  # type: ignore[union-attr]
    imported = from_frame(frame)
    assert [f.code for f in imported.findings] == ["IK631"]
    assert imported.spec is not None and imported.spec.projects == example.projects


@settings(max_examples=25)
@given(specs())
def test_every_generated_spec_displays_as_a_bounded_table(spec: Spec) -> None:
    page = spec._repr_html_()
    assert page.startswith('<div class="indicatorkit">') and page.count("<table>") == 1
    assert page.count("<tr>") == 1 + min(len(spec.projects), 30)
    for project in spec.projects:
        assert project._repr_html_().count("<tr>") == 1 + min(len(project.indicators), 30)


def test_notebook_tables_are_compact(example: Spec) -> None:
    result = score(example)
    assert len(repr(example)) > 20_000 and len(example._repr_html_()) < 2_000
    assert len(result._repr_html_()) < 2_000
    page = result._repr_html_()
    for project in result.projects:
        assert f"<td>{project.name}</td>" in page
    project_page = result.projects[0]._repr_html_()
    assert project_page.count("<tr>") == 1 + len(result.projects[0].indicators)
    assert example.department.name in page  # type: ignore[union-attr]


def test_notebook_tables_say_how_many_rows_are_left_out() -> None:
    text = "".join(
        f"项目 {n} 项目{n}\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n\n"
        for n in range(1, 36)
    )
    page = indicatorkit.loads(text)._repr_html_()
    assert page.count("<tr>") == 31 and "另有 5 行 (5 more rows)" in page
