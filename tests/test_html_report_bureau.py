"""The bureau page (``report --departments``): every number it shows is the one ``score
--departments --format json`` gives; a section per department, linked from the ranking; the
page is self-contained and the user's text escaped; the PDF goes through the same printing as
the single report (Chromium, when installed)."""

from __future__ import annotations

import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from indicatorkit import loads
from indicatorkit.cli import main
from indicatorkit.formats.html_report import echarts_source
from indicatorkit.formats.html_report_bureau import build_bureau_page, render_bureau
from indicatorkit.formats.html_report_pdf import find_chromium, print_pdf
from indicatorkit.scoring.departments import score_departments
from tests.html_report_expectations import page_numbers


def _spec(actual: str, executed: str = "100元", reason: str = "案件来源减少") -> str:
    return (
        "项目 1 法律援助\n  预算：100元\n  执行数：" + executed + "\n"
        "  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥200件\n    分值：90\n"
        f"    实际值：{actual}\n    偏差原因：{reason}\n"
        "项目 2 普法\n  预算：100元\n  执行数：100元\n"
        "  指标 产出指标 / 数量指标 / 场次\n    指标值：≥20场\n    分值：90\n    实际值：21场\n"
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "局"
    folder.mkdir()
    (folder / "司法局.ikspec").write_text(_spec("210件"), encoding="utf-8")
    (folder / "民政局.ikspec").write_text(_spec("150件", "90元"), encoding="utf-8")
    (folder / "教育局.ikspec").write_text(_spec("210件"), encoding="utf-8")  # a tie
    undecided = _spec("150件").replace("    实际值：150件\n", "")  # no actual: a range
    (folder / "卫健委.ikspec").write_text(undecided, encoding="utf-8")
    return folder


TABLE = (
    "项目编号,部门,项目名称,预算数,全年执行数,三级指标,指标值,分值,实际完成值,偏差原因\n"
    "1,司法局,法律援助,100元,100元,受理数,≥200件,90,150件,来源减少\n"
    "1,民政局,救助,100元,90元,人数,≥200人,90,210人,\n"
    "2,司法局,普法,100元,100元,场次,≥20场,90,21场,\n"
)


def _both(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, Any]:
    page = tmp_path / "局.html"
    main(["score", "--departments", str(source), "--format", "json"])
    scored = json.loads(capsys.readouterr().out)
    status = main(["report", "--departments", str(source), "-o", str(page), "--format", "json"])
    summary = json.loads(capsys.readouterr().out)
    assert summary["html"] == str(page) and summary["mean"] == scored["summary"]["mean"]
    schema = json.loads(
        resources.files("indicatorkit").joinpath("schemas/report.schema.json").read_text("utf-8")
    )
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(summary)) == []
    assert status == main(["score", "--departments", str(source), "-q"])
    return page.read_text(encoding="utf-8"), scored


def _shown(department: dict[str, Any]) -> str:
    low, high = department["total_range"]
    if department["total"] is not None:
        return str(department["total_display"])
    if low is None:
        return "—"
    from fractions import Fraction

    from indicatorkit.scoring.indicator import display

    return f"{display(Fraction(low))}–{display(Fraction(high))}"


@pytest.mark.parametrize("kind", ["folder", "table"])
def test_every_number_is_score_departments_json(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if kind == "folder":
        source = _folder(tmp_path)
    else:
        source = tmp_path / "局.csv"
        source.write_text(TABLE, encoding="utf-8")
    html, scored = _both(source, tmp_path, capsys)
    numbers, text = page_numbers(html)
    summary = scored["summary"]
    assert numbers["bureau.departments"] == str(summary["departments"])
    assert numbers["bureau.ranked"] == str(summary["ranked"])
    assert numbers["bureau.mean"] == summary["mean_display"]
    assert numbers["bureau.grade"] == (summary["grade"] or "—")
    for grade, count in summary["grades"].items():
        assert numbers[f"grades.{grade}"] == str(count)
    assert sum(int(v) for k, v in numbers.items() if k.startswith("grades.")) == sum(
        summary["grades"].values()
    )
    departments = scored["departments"]
    assert len(re.findall(r'<section class="project department" id="department-\d+"', html)) == len(
        departments
    )
    for key, department in enumerate(departments, start=1):
        assert numbers[f"d{key}.name"] == department["department"]
        assert numbers[f"d{key}.rank"] == str(department["rank"] or "—")
        assert numbers[f"d{key}.projects"] == str(department["projects"])
        assert numbers[f"d{key}.indicators"] == str(department["indicators"])
        assert numbers[f"d{key}.total"] == _shown(department)
        assert f'href="#department-{key}"' in html and f'id="department-{key}"' in html
    assert text.index("局汇总") < text.index("Bureau summary")  # Chinese first, English beside


def test_ties_undecided_and_each_departments_projects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html, scored = _both(_folder(tmp_path), tmp_path, capsys)
    numbers, _ = page_numbers(html)
    ranks = [numbers[f"d{k}.rank"] for k in range(1, 5)]
    assert ranks == ["1", "1", "3", "—"]  # a tie shares a rank; the undecided one comes last
    assert numbers["d4.name"] == "卫健委" and numbers["d4.total"] == "55.00–100.00"
    assert numbers["d1.p2.total"] == "100.00"
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert data is not None
    chart = json.loads(data.group(1))["departments"]
    assert [d["name"] for d in chart] == [d["department"] for d in scored["departments"][:3]]


def test_the_page_is_self_contained_and_escapes_the_users_text() -> None:
    hostile = '</script><script>alert("x")</script>&amp;'
    bureau = score_departments([(hostile, loads(_spec("210件")))], rules="whole-points")
    html = render_bureau(bureau)
    lowered = html.lower()
    assert "<link" not in lowered and "@import" not in lowered
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", lowered)
    assert not re.search(r"<script[^>]*\bsrc=", lowered)
    assert echarts_source()[:2000] in html
    assert "<script>alert" not in html
    numbers, text = page_numbers(html)
    assert hostile in text  # shown as written
    assert numbers["d1.name"] == hostile and numbers["d1.total"] == "100"  # whole points
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert data is not None and "</" not in data.group(1)


def test_an_empty_bureau_and_the_page_model() -> None:
    page = build_bureau_page(score_departments([]))
    assert (page.departments, page.ranked, page.mean, page.sections) == (0, 0, "—", ())
    assert [name for name, _ in page.grades] == ["优", "良", "中", "差"]
    assert 'id="chart-ranking"' not in render_bureau(score_departments([]))


def test_report_departments_usage_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    page = tmp_path / "p.html"
    assert main(["report", "--departments", str(folder)]) == 2  # no -o, no --pdf
    assert main(["report", "--departments", str(folder), "x.tsv", "-o", str(page)]) == 2
    assert main(["report", "--departments", str(tmp_path / "none"), "-o", str(page)]) == 2
    assert main(["report", "--departments", str(folder), "-o", str(page), "--rules", "no"]) == 2
    assert not page.exists()
    (folder / "open.ikspec").write_text(_spec("150件", reason=""), encoding="utf-8")
    assert main(["report", "--departments", str(folder), "-o", str(page)]) == 1  # as score
    out = capsys.readouterr().out
    assert "已写入 wrote" in out and page.exists()


@pytest.mark.skipif(
    os.environ.get("CI", "").lower() != "true" and not Path("/usr/bin/chromium").exists(),
    reason="Chromium 不在本机 / Chromium is not installed",
)
def test_the_bureau_page_prints_to_pdf(tmp_path: Path) -> None:
    bureau = score_departments([("司法局", loads(_spec("210件"))), ("民政局", loads(_spec("1件")))])
    written = print_pdf(render_bureau(bureau), tmp_path / "局.pdf", chromium=find_chromium(None))
    content = written.read_bytes()
    assert content.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?!s)", content)) >= 3
