"""Writing workbooks: the 自评表 of a scored report carries formulas whose stored results are
the report's numbers, and LibreOffice, recalculating them, finds the same numbers."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatorkit import RULE_SETS, Spec, load, loads, score
from indicatorkit.formats.workbook import read_workbook, write_self_assessment, write_workbook
from indicatorkit.scoring.indicator import display
from indicatorkit.scoring.report import SpecScore
from indicatorkit.scoring.rules import NATIONAL, Rounding
from indicatorkit.strategies import specs

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025_selfassessment.ikspec"
#: Two indicators that do not apply: the total is rescaled to 100 (a factor in the formula).
NOT_APPLICABLE = (
    "项目 1 法律援助\n  预算：10000元\n  执行数：9000元\n"
    "  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥10件\n    实际值：12件\n"
    "  指标 产出指标 / 质量指标 / 合格率\n    指标值：≥95%\n    不适用：本年无此业务\n"
    "  指标 效益指标 / 社会效益指标 / 知晓率\n    指标值：≥90%\n    实际值：80%\n"
    "  指标 满意度指标 / 满意度指标 / 满意度\n    指标值：≥90%\n    不适用：\n"
)


def _number(value: object) -> Fraction:
    assert isinstance(value, int | float), value
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _cached(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path, data_only=True)
    return {s.title: [[c.value for c in row] for row in s.iter_rows()] for s in book.worksheets}


def _formulas(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {s.title: [[c.value for c in row] for row in s.iter_rows()] for s in book.worksheets}


def _expected_rows(report: SpecScore) -> dict[str, dict[str, str]]:
    """What each project's sheet must show (points to the rule set's places, as displayed)."""
    expected = {}
    for project in report.projects:
        rows = {}
        shown = project.rounding
        for item in project.indicators:
            result = item.score
            rows[item.indicator.name] = (
                shown.display(result.score)
                if result.score is not None
                else _range(*result.score_range, shown)
            )
        low, high = project.total_range
        rows["总分"] = _range(low, high, shown)
        rows["等级"] = project.grade or (
            "不评" if project.grade_note else "待定"
        )  # 不评: why beside
        rows["执行率"] = (
            "" if project.budget.rate is None else f"{display(project.budget.rate * 100)}%"
        )
        expected[f"项目{project.number}"] = rows
    return expected


def _shown(rows: list[list[object]], rounding: Rounding = NATIONAL.rounding) -> dict[str, str]:
    """The shown values of a 自评表 sheet: score by indicator name, total, grade, rate (points
    as ``rounding`` shows them)."""
    found: dict[str, str] = {}
    header = next(i for i, row in enumerate(rows) if row and row[0] == "一级指标")
    for row in rows[header + 1 :]:
        if row[0] == "总分":
            found["总分"] = _fmt(row[6], rounding)
            found["等级"] = str(row[7])
            break
        found[str(row[2])] = _fmt(row[6], rounding)
    budget = next(row for row in rows if row and row[0] == "年度资金总额")
    found["执行率"] = "" if budget[4] in (None, "") else _percent(budget[4])
    return found


def _fmt(value: object, rounding: Rounding) -> str:
    if isinstance(value, int | float):
        return rounding.display(_number(value))
    text = str(value)
    return rounding.display(Fraction(text)) if re.fullmatch(r"-?\d+(\.\d+)?", text) else text


def _percent(value: object) -> str:
    if isinstance(value, int | float):
        return f"{display(_number(value) * 100)}%"
    return str(value)


def test_formulas_and_their_stored_results(tmp_path: Path) -> None:
    report = score(load(EXAMPLE))
    path = tmp_path / "自评表.xlsx"
    write_self_assessment(report, path)
    cached, formulas = _cached(path), _formulas(path)
    expected = _expected_rows(report)
    for sheet, rows in expected.items():
        assert _shown(cached[sheet]) == rows, sheet
        total_row = next(r for r in formulas[sheet] if r[0] == "总分")
        assert str(total_row[6]).startswith("=SUM(") and str(total_row[7]).startswith("=IF(")
        budget = next(r for r in formulas[sheet] if r[0] == "年度资金总额")
        assert budget[4] == "=IF(B6>0,C6/B6,0)" and budget[5] == "=MAX(0,MIN(E6,1))*D6"
    summary = cached["汇总"]
    department = next(r for r in summary if r[0] == "部门")
    assert report.department_total is not None
    assert display(_number(department[3])) == display(report.department_total)
    assert department[4] == report.department_grade


def test_undecided_totals_are_ranges_not_formulas(tmp_path: Path) -> None:
    spec = loads(
        "项目 1 法律援助\n  预算：10000元\n"
        "  指标 产出指标 / 数量指标 / 受理数\n    指标值：≥200件\n    实际值：150件\n"
        "  指标 效益指标 / 社会效益指标 / 受益人数\n    指标值：≥10人\n    实际值：0人\n"
        "  指标 满意度指标 / 服务对象满意度指标 / 满意度\n    指标值：≥95%\n"
    )
    report = score(spec)
    path = tmp_path / "自评表.xlsx"
    write_self_assessment(report, path)
    rows = _formulas(path)["项目1"]
    total = next(r for r in rows if r[0] == "总分")
    low, high = report.projects[0].total_range
    assert total[6] == f"{display(low)}–{display(high)}"
    assert total[7] == "差"  # the whole range is below 60: the grade is decided, as text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(max_projects=3), st.sampled_from(sorted(RULE_SETS)))
def test_stored_results_equal_the_report_for_any_spec(spec: Spec, rules: str) -> None:
    import tempfile

    report = score(spec, rules=rules)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "自评表.xlsx"
        write_self_assessment(report, path)
        cached = _cached(path)
    for sheet, rows in _expected_rows(report).items():
        shown = _shown(cached[sheet], report.rules.rounding)
        # names may repeat inside a project: compare what a name shows last
        assert shown["总分"] == rows["总分"] and shown["等级"] == rows["等级"]
        if _within_excel_precision(rows["执行率"]):
            assert shown["执行率"] == rows["执行率"]


def _within_excel_precision(shown: str) -> bool:
    """Excel keeps 15 significant digits: a figure shown with more cannot be exact in it (a
    documented limit; generated budgets reach 10^13 %)."""
    return sum(char.isdigit() for char in shown) <= 15


def _range(low: Fraction, high: Fraction, rounding: Rounding) -> str:
    return rounding.display_range(low, high)


def _strip_cached_results(source: Path, target: Path) -> None:
    """A copy whose formula cells have no stored result: whatever reads it must calculate."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text = re.sub(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", text)
                text = re.sub(r'(<c [^>]*?) t="str"([^>]*>)(<f>)', r"\1\2\3", text)
                data = text.encode("utf-8")
            new.writestr(item, data)


_RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _libreoffice_csv(path: Path, folder: Path) -> dict[str, list[list[object]]]:
    """Every sheet as LibreOffice shows it after recalculating every formula on load."""
    soffice = shutil.which("soffice")
    assert soffice is not None
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALCULATE, encoding="utf-8")
    out = folder / "csv"
    out.mkdir()
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            # UTF-8 (76), comma, quote; formatted as shown; every sheet to its own file (-1)
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    sheets = {}
    for file in out.glob("*.csv"):
        sheet = file.stem.rpartition("-")[2]
        with open(file, encoding="utf-8", newline="") as handle:
            sheets[sheet] = [[cell for cell in row] for row in csv.reader(handle)]
    return sheets


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("which", ["example", "not applicable"])
def test_libreoffice_recalculates_the_same_numbers(which: str, tmp_path: Path) -> None:
    report = score(load(EXAMPLE) if which == "example" else loads(NOT_APPLICABLE))
    written = tmp_path / "自评表.xlsx"
    write_self_assessment(report, written)
    blank = tmp_path / "无缓存.xlsx"
    _strip_cached_results(written, blank)
    assert _cached(blank)["项目1"][5][5] is None  # the stored result is gone
    sheets = _libreoffice_csv(blank, tmp_path)
    for sheet, rows in _expected_rows(report).items():
        assert _shown(sheets[sheet]) == rows, sheet
    department = next(r for r in sheets["汇总"] if r and r[0] == "部门")
    assert report.department_total is not None
    assert department[3] == display(report.department_total)
    assert department[4] == report.department_grade


def test_declaration_workbook_reads_back(tmp_path: Path) -> None:
    spec = load(EXAMPLE)
    path = tmp_path / "申报表.xlsx"
    write_workbook(spec, path)
    imported = read_workbook(path, source="申报表.xlsx")
    assert imported.spec == spec
    sheets = openpyxl.load_workbook(path).sheetnames
    assert sheets[:2] == ["说明", "部门整体"] and "项目1" in sheets


def test_thirds_are_numbers_that_formulas_add_up(tmp_path: Path) -> None:
    """Weights of a level split three ways (16.67, 16.67, 16.66) are number cells, so =SUM(…)
    counts them."""
    spec = loads(
        "项目 1 法律援助\n  预算：10000元\n  执行数：10000元\n"
        + "".join(
            f"  指标 产出指标 / 数量指标 / 指标{n}\n    指标值：≥10件\n    实际值：{n + 8}件\n"
            for n in (1, 2, 3)
        )
        + "  指标 效益指标 / 社会效益指标 / 知晓率\n    指标值：≥90%\n    实际值：90%\n"
        + "  指标 满意度指标 / 满意度指标 / 满意度\n    指标值：≥90%\n    实际值：95%\n"
    )
    report = score(spec)  # national: 50 in three rows is 16.67, 16.67, 16.66
    assert report.projects[0].indicators[0].score.weight == Fraction(1667, 100)
    path = tmp_path / "自评表.xlsx"
    write_self_assessment(report, path)
    cached = _cached(path)["项目1"]
    assert _shown(cached) == _expected_rows(report)["项目1"]
    weights = [row[5] for row in cached if row[2] in ("指标1", "指标2", "指标3")]
    assert all(isinstance(w, float) for w in weights)
    total = next(r for r in _formulas(path)["项目1"] if r[0] == "总分")
    assert str(total[6]).startswith("=SUM(")


def test_a_written_self_assessment_reads_back_and_rescores_the_same(tmp_path: Path) -> None:
    spec = load(EXAMPLE)
    report = score(spec)
    path = tmp_path / "自评表.xlsx"
    write_self_assessment(report, path)
    imported = read_workbook(path, source="自评表.xlsx")
    assert imported.spec is not None and imported.ok
    scored = [p for p in spec.projects if p.withheld is None and p.indicators]
    assert [(p.number, p.name) for p in imported.spec.projects] == [
        (p.number, p.name) for p in scored
    ]
    for read, original in zip(imported.spec.projects, scored, strict=True):
        fields = [
            (i.level1, i.level2, i.name, i.target, i.actual, i.reason) for i in read.indicators
        ]
        assert fields == [
            (i.level1, i.level2, i.name, i.target, i.actual, i.reason) for i in original.indicators
        ]
        assert read.executed == original.executed
    again = score(imported.spec)
    assert [p.total for p in again.projects] == [p.total for p in report.projects]
    assert [p.grade for p in again.projects] == [p.grade for p in report.projects]


def test_an_unwritable_path_is_the_librarys_error(tmp_path: Path) -> None:
    from indicatorkit.formats.workbook import UnwritableWorkbookError

    with pytest.raises(UnwritableWorkbookError, match="无法写入工作簿"):
        write_workbook(Spec(), tmp_path / "没有这个文件夹" / "申报表.xlsx")
    with pytest.raises(UnwritableWorkbookError):
        write_self_assessment(score(Spec()), tmp_path / "没有这个文件夹" / "自评表.xlsx")


def test_not_applicable_indicators_round_trip_through_the_self_assessment(tmp_path: Path) -> None:
    report = score(loads(NOT_APPLICABLE))
    assert report.projects[0].rescaled
    path = tmp_path / "自评表.xlsx"
    write_self_assessment(report, path)
    assert _shown(_cached(path)["项目1"]) == _expected_rows(report)["项目1"]
    imported = read_workbook(path, source="自评表.xlsx")
    assert imported.spec is not None
    read = imported.spec.projects[0].indicators
    assert [i.not_applicable for i in read] == [None, "本年无此业务", None, ""]
    assert [p.total for p in score(imported.spec).projects] == [report.projects[0].total]
    total = next(r for r in _formulas(path)["项目1"] if r[0] == "总分")
    # rescaled by a factor in the formula, and rounded as the rule set rounds the total
    assert str(total[6]).startswith("=ROUND((SUM(")


def test_a_text_longer_than_a_cell_is_refused_not_cut(tmp_path: Path) -> None:
    from indicatorkit import Project
    from indicatorkit.formats.workbook import UnwritableWorkbookError

    spec = Spec(None, [Project(1, "法律援助", goal="很长" * 20_000)])
    path = tmp_path / "申报表.xlsx"
    with pytest.raises(UnwritableWorkbookError, match="32767"):
        write_workbook(spec, path)
    assert not path.exists()  # nothing half-written


def test_a_counting_word_of_the_specs_own_reads_back_from_the_workbook(tmp_path: Path) -> None:
    """A workbook holds no unit declarations: a spec's own counting word comes back read as a
    count of its own (T023, an IK718 warning at its cell), with the same units."""
    spec = loads(
        "计量单位\n  - 蔸 = [蔸]\n\n项目 1 绿化\n  预算：10000元\n  财政资金：10000元\n\n"
        "  指标 产出指标 / 数量指标 / 栽种数\n    指标值：≥5000蔸\n"
    )
    path = tmp_path / "申报表.xlsx"
    write_workbook(spec, path)
    imported = read_workbook(path, source="申报表.xlsx")
    assert imported.spec == spec and imported.spec.units == spec.units
    (finding,) = [f for f in imported.findings if f.code == "IK718"]
    assert "T023" in finding.message
