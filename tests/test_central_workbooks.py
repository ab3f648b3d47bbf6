"""The hidden set, played before it runs: central-layout 自评表 / 申报表 workbooks as units send
them (tests/central_layouts.py builds them), read end to end by ``indicatorkit.read()``,
scored by ``indicatorkit.score()`` and run through the CLI (``import``, ``score``; exit codes
0 / 1 / 2).  Real printed rows come from ``tests/corpus/real/self_assessment.tsv`` (each with
its source address in ``self_assessment_SOURCES.md``), put into the central layout as a unit
types them: a number as a number cell."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import read, score
from indicatorkit.cli import main
from indicatorkit.formats.imported import Imported
from indicatorkit.language import Amount
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Project
from indicatorkit.units import unit
from tests import central_layouts as layouts

REAL = Path(__file__).parent / "corpus" / "real" / "self_assessment.tsv"


def _money(value: str, name: str = "万元") -> Amount:
    return Amount(Fraction(value), unit(name))


def _read(table: layouts.Table, tmp_path: Path, name: str = "自评表.xlsx") -> Imported:
    return read(layouts.to_xlsx(table, tmp_path / name))


def _only(imported: Imported) -> Project:
    assert imported.spec is not None
    (project,) = imported.spec.projects
    return project


def _codes(imported: Imported, severity: Severity | None = None) -> list[str]:
    return [f.code for f in imported.findings if severity is None or f.severity is severity]


def _at(imported: Imported, code: str) -> list[str]:
    """Where each ``code`` finding stands, ``sheet!A1``."""
    return [f.place.split(":", 1)[1] for f in imported.findings if f.code == code]


def _rows(project: Project) -> list[tuple[str, str, str, str, str | None, Any, Any]]:
    return [
        (i.level1, i.level2, i.name, i.target_text, i.actual, i.weight, i.evaluator_score)
        for i in project.indicators
    ]


STANDARD = [
    ("产出指标", "数量指标", "受理数", "≥180件", "200件", 20, 20),
    ("产出指标", "质量指标", "办结率", "≥95%", "96%", 20, 20),
    ("产出指标", "时效指标", "办结时间", "12月31日前", "12月20日", 10, 10),
    ("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10),
]


# --- one workbook per variation ---------------------------------------------------------------


def test_the_form_as_printed_reads_and_scores_99_5(tmp_path: Path) -> None:
    imported = _read(layouts.unit_table().table(), tmp_path)
    project = _only(imported)
    assert project.budget is not None and project.year_budget == _money("12")
    assert project.executed == _money("11.4") and project.budget.total == _money("10")  # 年初预算数
    assert (project.goal, project.goal_outcome) == (
        "办理法律援助案件180件",
        "办理法律援助案件200件",
    )
    assert _rows(project) == STANDARD
    # the rate is the formula =E/D's float 0.9500000000000001: read at Excel's 15 digits
    (rate,) = [f.message for f in imported.findings if f.code == "IK715"]
    assert "执行率 95%" in rate and "95.0000" not in rate
    assert _codes(imported, Severity.ERROR) == [] and _codes(imported, Severity.WARNING) == []
    scored = score(imported.spec).projects[0]  # type: ignore[arg-type]
    assert scored.total_range == (Fraction(199, 2), Fraction(199, 2)) and scored.grade == "优"
    assert scored.budget.score == Fraction(19, 2)


@pytest.mark.parametrize(
    "header",
    [
        ("实施单位", "项目负责人", "项目名称", "主管部门"),
        ("填报单位", "主管部门", "实施单位", "项目名称"),
        ("项目名称", "实施单位"),
    ],
)
def test_header_lines_in_any_order(header: Sequence[str], tmp_path: Path) -> None:
    imported = _read(layouts.unit_table(header=header).table(), tmp_path)
    project = _only(imported)
    assert (project.name, project.unit) == ("法律援助", "某县法律援助中心")
    # 项目负责人, 填报单位, 主管部门: said not kept, at their value cell, never IK716
    kept_out = {"主管部门", "项目负责人", "填报单位"} & set(header)
    said = [f.message.split("“")[0] for f in imported.findings if f.code == "IK707"]
    assert sorted(said) == sorted(kept_out)
    assert _at(imported, "IK716") == ["自评表!A2"]  # （2024年度） only


def test_an_empty_column_after_the_labels(tmp_path: Path) -> None:
    imported = _read(layouts.unit_table(blank_column=True).table(), tmp_path)
    project = _only(imported)
    assert project.name == "法律援助" and project.unit == "某县法律援助中心"
    assert project.budget is not None and project.year_budget == _money("12")
    assert project.goal == "办理法律援助案件180件"
    assert _rows(project) == STANDARD
    assert _codes(imported, Severity.ERROR) == [] and _at(imported, "IK716") == ["自评表!A2"]


def test_level_names_repeated_on_every_row_read_as_merged(tmp_path: Path) -> None:
    merged = _only(_read(layouts.unit_table().table(), tmp_path, "甲.xlsx"))
    repeated = _only(_read(layouts.unit_table(merge_levels=False).table(), tmp_path, "乙.xlsx"))
    assert repeated == merged


@pytest.mark.parametrize("rate", ["95%", 0.95, "95.00%", None])
def test_the_printed_rate_in_any_form_is_said_and_never_scored(rate: Any, tmp_path: Path) -> None:
    imported = _read(layouts.unit_table(rate=rate).table(), tmp_path)
    assert score(imported.spec).projects[0].budget.rate == Fraction(19, 20)  # type: ignore[arg-type]
    (said,) = [f.message for f in imported.findings if f.code == "IK715"]
    assert ("、执行率 " in said) == (rate is not None)


def test_money_in_yuan_without_a_unit_in_the_caption_is_said(tmp_path: Path) -> None:
    table = layouts.unit_table(caption="项目资金", amounts=(100000, 120000, 114000)).table()
    imported = _read(table, tmp_path)
    project = _only(imported)
    assert project.budget is not None and project.year_budget == _money("120000", "元")
    # said once, at the first amount read in 元 (the one money reader of every layout)
    assert _at(imported, "IK713") == ["自评表!C8"]
    assert score(imported.spec).projects[0].budget.rate == Fraction(19, 20)  # type: ignore[arg-type]


def test_the_unit_line_above_the_table_gives_the_money_unit(tmp_path: Path) -> None:
    b = layouts._Builder()
    b.add("单位：万元")
    layouts.unit_table(b, caption="项目资金")
    imported = _read(b.table(), tmp_path)
    assert _only(imported).executed == _money("11.4")
    assert "IK713" not in _codes(imported)


def test_deviation_reasons_grade_row_and_a_scoring_note(tmp_path: Path) -> None:
    rows = list(STANDARD)
    rows[0] = ("产出指标", "数量指标", "受理数", "≥180件", "150件", 20, 16.67)
    table = layouts.unit_table(
        rows=rows,
        reasons=["受疫情影响，案件受理数下降；下年加强宣传"],
        total=("总分", 100, 96.17),
        grade="优",
        note="说明：定量指标得分=实际完成值/年度指标值×分值，最高不超过该指标分值。",
    ).table()
    imported = _read(table, tmp_path)
    project = _only(imported)
    assert project.indicators[0].reason == "受疫情影响，案件受理数下降；下年加强宣传"
    assert project.indicators[0].evaluator_score == Fraction("16.67")
    assert _codes(imported).count("IK712") == 2  # 总分, 自评等级
    assert _at(imported, "IK716") == ["自评表!A2", "自评表!A21"]  # the year, the note
    assert "IK722" not in _codes(imported)  # 16.67+20+10+30+10 + 9.5 = 96.17
    scored = score(imported.spec).projects[0]  # type: ignore[arg-type]
    assert scored.indicators[0].score.score is not None
    assert scored.indicators[0].score.score < 20


def test_a_total_that_does_not_add_up_is_located(tmp_path: Path) -> None:
    imported = _read(layouts.unit_table(total=("总分", 100, 100)).table(), tmp_path)
    assert _at(imported, "IK722") == ["自评表!G19"]


def test_a_total_of_the_indicators_alone_is_also_a_printed_total(tmp_path: Path) -> None:
    imported = _read(layouts.unit_table(total=("合计", 90, 90), grade=None).table(), tmp_path)
    assert "IK722" not in _codes(imported) and _codes(imported).count("IK712") == 1


def test_two_projects_on_one_sheet(tmp_path: Path) -> None:
    b = layouts.unit_table()
    rows = [(*row[:4], row[3].lstrip("≥"), *row[5:]) for row in STANDARD]
    layouts.unit_table(b, name="司法救助", title=False, rows=rows, amounts=(5, 6, 3))
    imported = _read(b.table(), tmp_path)
    assert imported.spec is not None
    first, second = imported.spec.projects
    assert (first.name, second.name) == ("法律援助", "司法救助")
    assert second.budget is not None and second.year_budget == _money("6")
    assert second.executed == _money("3")
    assert [i.actual for i in second.indicators] == ["180件", "95%", "12月31日前", "90%", "90%"]
    scores = score(imported.spec).projects
    assert [p.number for p in scores] == [1, 2]
    assert scores[1].budget.rate == Fraction(1, 2)
    assert scores[0].total_range[0] > scores[1].total_range[0]


def test_one_sheet_per_project(tmp_path: Path) -> None:
    sheets = [
        ("法律援助", layouts.unit_table().table()),
        ("司法救助", layouts.unit_table(name="司法救助", amounts=(5, 6, 6)).table()),
        ("填表说明", layouts.Table((("填表说明：金额单位为万元。",),), ())),
    ]
    imported = read(layouts.to_workbook(sheets, tmp_path / "自评表.xlsx"))
    assert imported.spec is not None
    assert [p.name for p in imported.spec.projects] == ["法律援助", "司法救助"]
    assert [p.number for p in imported.spec.projects] == [1, 2]
    assert imported.spec.projects[1].executed == _money("6")
    assert any(f.sheet == "填表说明" for f in imported.findings)  # said, not silently dropped


def test_a_target_number_with_a_unit_column(tmp_path: Path) -> None:
    b = layouts._Builder()
    b.add("项目名称", "培训项目")
    top = b.add(
        "项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率"
    )
    b.add(None, "年度资金总额", 100, 100, 80, 10, "80%")
    b.add(None, "其中：当年财政拨款", 100, 100, 80)
    b.merges.append((top, 1, top + 2, 1))
    b.add("一级指标", "二级指标", "三级指标", "指标值", "计量单位", "实际完成值", "分值", "得分")
    b.add("产出指标", "数量指标", "培训人次", 500, "人次", 450, 50, 45)
    b.add("产出指标", "质量指标", "合格率", "≥95", "%", 0.96, 20, 20, c6="0%")
    b.add("产出指标", "成本指标", "人均成本", "≤2000", "元", 1800, 10, 10)
    b.add("满意度指标", "满意度指标", "学员满意度", "≥90%", "百分比", "93%", 10, 10)
    b.add("产出指标", "质量指标", "证书发放", "≥100本", "人", 100, 0, 0)
    imported = _read(b.table(), tmp_path)
    project = _only(imported)
    assert [(i.target_text, i.actual) for i in project.indicators] == [
        ("500人次", "450"),
        ("≥95%", "96%"),
        ("≤2000元", "1800"),
        ("≥90%", "93%"),
    ]
    assert _at(imported, "IK708") == ["自评表!D10"]  # 本 against 人: said, not read


def test_hidden_rows_are_left_out_and_said(tmp_path: Path) -> None:
    table = layouts.unit_table().table(hidden_rows=[16, 17])  # 办结时间, 群众知晓率
    path = layouts.to_xlsx(table, tmp_path / "自评表.xlsx")
    imported = read(path)
    assert [i.name for i in _only(imported).indicators] == ["受理数", "办结率", "满意度"]
    (hidden,) = [f for f in imported.findings if f.code == "IK723"]
    assert hidden.severity is Severity.WARNING and hidden.place == f"{path}:自评表!A16"
    assert "16–17" in hidden.message and "--include-hidden" in (hidden.suggestion or "")
    assert "IK722" in _codes(imported)  # the printed total no longer adds up: said too
    taken = read(path, include_hidden=True)
    assert _rows(_only(taken)) == STANDARD and "IK723" not in _codes(taken)


def test_a_hidden_level_name_still_names_the_visible_rows(tmp_path: Path) -> None:
    table = layouts.unit_table().table(hidden_rows=[14])  # 受理数, whose row holds 产出指标
    project = _only(read(layouts.to_xlsx(table, tmp_path / "自评表.xlsx")))
    assert [(i.level1, i.name) for i in project.indicators][:2] == [
        ("产出指标", "办结率"),
        ("产出指标", "办结时间"),
    ]


def test_a_hidden_sheet_is_left_out_and_said(tmp_path: Path) -> None:
    sheets = [
        ("2023年", layouts.unit_table(name="旧项目").table()),
        ("2024年", layouts.unit_table().table()),
    ]
    path = layouts.to_workbook(sheets, tmp_path / "自评表.xlsx", hidden_sheets=["2023年"])
    imported = read(path)
    assert [p.name for p in imported.spec.projects] == ["法律援助"]  # type: ignore[union-attr]
    assert [(f.code, f.sheet) for f in imported.findings if f.code == "IK723"] == [
        ("IK723", "2023年")
    ]
    assert [p.name for p in read(path, include_hidden=True).spec.projects] == [  # type: ignore[union-attr]
        "旧项目",
        "法律援助",
    ]


def test_the_declaration_as_units_send_it(tmp_path: Path) -> None:
    b = layouts._Builder()
    b.add("项目支出绩效目标申报表", spans=[(1, layouts.WIDTH)])
    b.add("填报单位", "某县法律援助中心")
    b.add("项目名称", None, "法律援助")  # an empty column between
    b.add("主管部门及代码", None, "(433)某县司法局", None, "实施单位", "某县法律援助中心")
    top = b.add("项目资金（万元）", "年度资金总额", 12)
    b.add(None, "其中：财政拨款", 10)
    b.add(None, "其他资金", 2)
    b.merges.append((top, 1, top + 2, 1))
    b.add("年度总体目标", "办理法律援助案件180件")
    b.add("一级指标", "二级指标", "三级指标", "指标值")
    b.add("产出指标", "数量指标", "受理数", "≥180件")
    b.add("产出指标", "质量指标", "办结率", 0.95, c4="0%")
    b.add("满意度指标", "服务对象满意度指标", "满意度", "≥90%")
    imported = _read(b.table(), tmp_path, "申报表.xlsx")
    project = _only(imported)
    assert (project.name, project.unit, project.goal) == (
        "法律援助",
        "某县法律援助中心",
        "办理法律援助案件180件",
    )
    assert project.budget is not None and project.budget.total == _money("12")
    assert [i.target_text for i in project.indicators] == ["≥180件", "95%", "≥90%"]
    assert _codes(imported, Severity.ERROR) == []


def test_a_total_row_left_at_zero_over_filled_sources_is_said(tmp_path: Path) -> None:
    """S02 of the real corpus prints 年度资金总额 0 | 0 | 0 over 本年财政拨款 90 | 89.974 | 89.974."""
    b = layouts._Builder()
    b.add("项目名称", "委托业务项目")
    top = b.add(
        "项目资金 (万元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"
    )
    b.add(None, "年度资金总额:", 0, 0, 0, 10, 0, 0)
    b.add(None, "其中:本年财政拨款", 90, 89.974, 89.974)
    b.add(None, "上年结转资金")
    b.add(None, "其他资金")
    b.merges.append((top, 1, top + 4, 1))
    b.add("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    b.add("满意度指标(10分)", "满意度指标", "公众满意度", "≥90%", "95%", 10, 10)
    imported = _read(b.table(), tmp_path)
    assert _at(imported, "IK722") == ["自评表!D3", "自评表!E3"]
    assert _only(imported).budget.total == _money("0")  # type: ignore[union-attr]


# --- real printed rows in the central layout -------------------------------------------------


def _real_sources() -> dict[str, list[dict[str, str]]]:
    lines = [line for line in REAL.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    found: dict[str, list[dict[str, str]]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        found.setdefault(row["source"], []).append(row)
    return found


def _typed(text: str) -> Any:
    """What a unit types: a plain number is a number cell."""
    if re.fullmatch(r"-?\d+(\.\d+)?", text.strip()):
        value = Fraction(text.strip())
        return int(value) if value.denominator == 1 else float(text)
    return text or None


SOURCES = {
    k: v for k, v in _real_sources().items() if sum(r["level1"] != "预算执行率" for r in v) >= 3
}


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_real_rows_in_the_central_layout_land_in_the_spec_or_a_finding(
    source: str, tmp_path: Path
) -> None:
    rows = SOURCES[source]
    indicators = [r for r in rows if r["level1"] != "预算执行率"]
    budget = next((r for r in rows if r["level1"] == "预算执行率"), None)
    amounts = (
        (None, _typed(budget["target"]), _typed(budget["actual"])) if budget else (None, 10, 9)
    )
    table_rows = [
        (
            r["level1"] or "产出指标",
            r["level2"] or "数量指标",
            r["level3"],
            r["target"],
            _typed(r["actual"]),
            _typed(r["weight"]),
            _typed(r["score"]),
        )
        for r in indicators
    ]
    table = layouts.unit_table(rows=table_rows, amounts=amounts, rate=None, total=None, grade=None)
    imported = _read(table.table(), tmp_path)
    project = _only(imported)
    read_rows = {i.name: i for i in project.indicators}
    first = 14  # the first indicator row of unit_table with its title lines
    for offset, row in enumerate(table_rows):
        name = re.sub(r"^\s*指标\s*\d+\s*[:：]\s*", "", row[2])
        if name in read_rows:
            got = read_rows[name]
            for value, printed in ((got.weight, row[5]), (got.evaluator_score, row[6])):
                if isinstance(printed, int | float):
                    assert value == Fraction(str(printed))
                else:  # empty, or OCR damage such as `IO`: no number, and said when there
                    assert value is None
                    assert printed is None or "IK709" in _codes(imported)
            if isinstance(row[4], str):
                assert got.actual == row[4]
        else:  # not read: a located finding on its row says why
            assert any(
                f.line == first + offset and f.severity is not Severity.INFO
                for f in imported.findings
            ), (source, row, [f.render() for f in imported.findings])
    scored = score(imported.spec)  # type: ignore[arg-type]
    (project_score,) = scored.projects
    low, high = project_score.total_range
    assert 0 <= low <= high


# --- the command line ------------------------------------------------------------------------


def test_cli_import_and_score_a_central_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = layouts.to_xlsx(layouts.unit_table().table(), tmp_path / "自评表.xlsx")
    assert main(["import", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    (found,) = out["files"]
    assert found["ok"] and found["spec"]["projects"][0]["name"] == "法律援助"
    spec = tmp_path / "自评表.ikspec"
    assert main(["import", str(path), "-o", str(spec), "-q"]) == 0
    capsys.readouterr()
    status = main(["score", str(spec), "--format", "json"])
    assert status in (0, 1)
    scored = json.loads(capsys.readouterr().out)
    assert "99.5" in json.dumps(scored, ensure_ascii=False)


def test_cli_import_warns_with_exit_1_and_takes_hidden_rows_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = layouts.unit_table().table(hidden_rows=[16])
    path = layouts.to_xlsx(table, tmp_path / "自评表.xlsx")
    assert main(["import", str(path), "-q"]) == 1
    assert main(["import", str(path), "--include-hidden", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "办结时间" in out and "IK723" not in out


def test_cli_a_workbook_with_nothing_to_import_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "本单位本年度无项目支出"
    book.save(tmp_path / "空.xlsx")
    assert main(["import", str(tmp_path / "空.xlsx"), "-o", str(tmp_path / "空.ikspec")]) == 2
    assert not (tmp_path / "空.ikspec").exists()
    assert "IK701" in capsys.readouterr().err
    only_hidden = layouts.to_workbook(
        [("自评表", layouts.unit_table().table()), ("封面", layouts.Table((), ()))],
        tmp_path / "藏.xlsx",
        hidden_sheets=["自评表"],
    )
    assert main(["import", str(only_hidden), "-q"]) == 2
    assert main(["import", str(only_hidden), "-q", "--include-hidden"]) == 0


def test_the_cli_refuses_an_unreadable_workbook_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "坏.xlsx").write_bytes(b"PK\x03\x04 damaged")
    assert main(["import", str(tmp_path / "坏.xlsx"), "-q"]) == 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_an_xls_saved_by_libreoffice_reads_like_the_xlsx(tmp_path: Path) -> None:
    path = layouts.to_xlsx(layouts.unit_table().table(hidden_rows=[16]), tmp_path / "自评表.xlsx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    from_xls = read(tmp_path / "自评表.xls")
    assert _only(from_xls) == _only(read(path))
    assert _codes(from_xls).count("IK723") == 1


def test_a_reason_cell_is_kept_as_typed(tmp_path: Path) -> None:
    """``0`` and ``无`` are what units type for "no deviation": kept, never dropped."""
    table = layouts.unit_table(reasons=["0", "无", None, "人员调整，下年补足"]).table()
    project = _only(_read(table, tmp_path))
    assert [i.reason for i in project.indicators] == ["0", "无", "", "人员调整，下年补足", ""]


@settings(max_examples=12, deadline=None)
@given(hidden=st.sets(st.integers(min_value=0, max_value=4), max_size=4))
def test_hidden_indicator_rows_are_exactly_the_ones_left_out(hidden: set[int]) -> None:
    """Law: the indicators read are the visible rows, in order; with ``include_hidden`` all of
    them; one IK723 per run of hidden rows."""
    first = 14  # the first indicator row of unit_table
    table = layouts.unit_table(total=None, grade=None).table(
        hidden_rows=[first + i for i in sorted(hidden)]
    )
    with tempfile.TemporaryDirectory() as folder:
        path = layouts.to_xlsx(table, Path(folder) / "自评表.xlsx")
        imported, everything = read(path), read(path, include_hidden=True)
    names = [row[2] for row in STANDARD]
    assert [i.name for i in _only(imported).indicators] == [
        name for index, name in enumerate(names) if index not in hidden
    ]
    assert [i.name for i in _only(everything).indicators] == names
    runs = sum(1 for i in hidden if i - 1 not in hidden)
    assert _codes(imported).count("IK723") == runs and "IK723" not in _codes(everything)


def test_hidden_rows_and_sheets_of_an_actuals_workbook_are_said(tmp_path: Path) -> None:
    from indicatorkit.formats.actuals_file import read_actuals

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "实际值"
    for row in (
        ["项目", "三级指标", "实际完成值"],
        ["法律援助", "受理数", "210件"],
        ["法律援助", "满意度", "92%"],  # an old figure, hidden
    ):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    old = book.create_sheet("上年")
    old.append(["项目", "三级指标", "实际完成值"])
    old.append(["法律援助", "受理数", "150件"])
    old.sheet_state = "hidden"
    book.save(tmp_path / "实际值.xlsx")
    actuals = read_actuals(tmp_path / "实际值.xlsx")
    assert [(r.name, r.actual) for r in actuals.rows] == [("受理数", "210件")]
    assert sorted((f.code, f.sheet, f.line) for f in actuals.findings) == [
        ("IK723", "上年", 1),
        ("IK723", "实际值", 3),
    ]


def test_labels_with_their_value_in_the_same_cell_and_no_merged_caption(tmp_path: Path) -> None:
    """``项目名称：法律援助`` in one cell, two such labels a row, the budget labels in column A
    under an unmerged caption; two projects so written split at their names."""
    b = layouts._Builder()
    for name in ("法律援助", "司法救助"):
        b.add(f"项目名称：{name}", spans=[(1, layouts.WIDTH)])
        b.add("主管部门：某县司法局", None, None, None, "实施单位：某县法律援助中心")
        b.add(
            "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"
        )
        b.add("年度资金总额", 10, 12, 11.4, 10, "95%", 9.5)
        b.add("其中：财政拨款", 10, 12, 11.4)
        b.add("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
        b.add("产出指标", "数量指标", "受理数", "≥180件", "200件", 90, 90)
        b.add("总分", None, None, None, None, 100, 99.5, "优")
    imported = _read(b.table(), tmp_path)
    assert imported.spec is not None
    assert [(p.name, p.unit) for p in imported.spec.projects] == [
        ("法律援助", "某县法律援助中心"),
        ("司法救助", "某县法律援助中心"),
    ]
    assert all(p.executed == _money("11.4") for p in imported.spec.projects)
    assert _at(imported, "IK707") == ["自评表!A2", "自评表!A10"]
    assert "IK716" not in _codes(imported)
    assert [p.grade for p in score(imported.spec).projects] == ["优", "优"]


def test_cli_score_reads_the_workbook_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = layouts.to_xlsx(layouts.unit_table().table(), tmp_path / "自评表.xlsx")
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    assert "总分 total: 99.50  等级 grade: 优" in out
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "无"
    book.save(tmp_path / "空.xlsx")
    assert main(["score", str(tmp_path / "空.xlsx"), "-q"]) == 2
    assert "IK701" in capsys.readouterr().err
