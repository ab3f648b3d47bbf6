"""Reading workbooks in every layout of real 绩效 tables (``tests/workbook_layouts.py`` builds
them): what lands in the spec, and where each thing that does not land is reported."""

from __future__ import annotations

import builtins
import datetime as dt
import re
import unicodedata
import zipfile
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from indicatorkit import Direction, Finding, dumps, parse_target, to_json
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.workbook import (
    MissingExtraError,
    read_workbook,
    write_self_assessment,
    write_workbook,
)
from indicatorkit.language import Amount
from indicatorkit.model import Severity
from indicatorkit.units import unit
from tests import workbook_layouts as layouts


def _read(build: Callable[[Path], Path], folder: Path) -> Imported:
    path = build(folder)
    imported = read_workbook(path, source=path.name)
    assert imported.spec is not None
    return imported


def _codes(imported: Imported) -> list[str]:
    return [f.code for f in imported.findings]


def _at(imported: Imported, code: str) -> list[str]:
    """Where each finding of ``code`` is, as ``sheet!C12``."""
    return [f"{f.sheet}!{f.place.rpartition('!')[2]}" for f in imported.findings if f.code == code]


def _money(value: str, name: str) -> Amount:
    return Amount(Fraction(value), unit(name))


def test_a_declaration_blocks_two_projects_in_one_sheet(tmp_path: Path) -> None:
    imported = _read(layouts.declaration_blocks, tmp_path)
    assert imported.spec is not None
    first, second = imported.spec.projects
    assert (first.number, first.name, second.name) == (1, "法律援助", "人民调解")
    assert first.unit == "315001玉田县司法局本级"
    assert first.code == "13022925P00004510003P"
    assert first.budget is not None and first.budget.total == _money("10000", "元")
    assert first.budget.fiscal == _money("10000", "元") and first.budget.other is None
    assert second.budget is not None and second.budget.total == _money("3000.5", "元")
    assert first.purpose == "保障法律援助工作开展"
    assert first.plan is not None
    # number cells formatted 0% are percentages: 0.2 → 20%
    assert [str(p.share) for p in first.plan.checkpoints] == ["20%", "40%", "60%", "100%"]
    assert [str(p.by) for p in first.plan.checkpoints] == ["3月底", "6月底", "10月底", "12月底"]
    assert first.goal == "1.保障法律援助工作开展"
    # levels merged over their rows are on every row
    assert [(i.level1, i.level2, i.name) for i in first.indicators] == [
        ("产出指标", "数量指标", "受理数"),
        ("产出指标", "数量指标", "办结数"),
        ("产出指标", "时效指标", "办结及时率"),
        ("满意度指标", "服务对象满意度指标", "满意度"),
    ]
    assert first.indicators[1].target_text == ">=150件"
    assert first.indicators[1].target == parse_target("≥150件")
    assert first.indicators[0].basis == "调研" and first.indicators[0].description == "受理数"
    assert imported.findings == ()  # every row landed


def test_b_central_self_assessment(tmp_path: Path) -> None:
    imported = _read(layouts.self_assessment_central, tmp_path)
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.name == "法律援助" and project.unit == "(433001)某县法律援助中心"
    assert project.budget is not None
    # 年度资金总额's 年初预算数 is the budget, its 全年预算数(A) the adjusted budget (every layout)
    assert project.budget.total == _money("10", "万元")
    assert project.adjusted_budget == project.year_budget == _money("12", "万元")
    assert project.executed == _money("11.4", "万元")
    assert [(s.name, s.budget) for s in project.fund_sources] == [
        ("当年财政拨款", _money("12", "万元")),
        ("上年结转资金", _money("0", "万元")),
        ("其他资金", _money("0", "万元")),
    ]
    assert project.goal == "办理法律援助案件180件"
    assert project.goal_outcome == "办理法律援助案件200件"
    names = [(i.level1, i.name) for i in project.indicators]
    assert names == [
        ("产出指标", "受理数"),  # 指标1: removed, (50分) split off the level name
        ("产出指标", "*办结率"),  # the core-indicator star is the user's: kept
        ("", "群众知晓率"),  # only "(30分)" printed: the name is lost, not guessed
        ("满意度指标", "满意度"),
    ]
    first, second = project.indicators[:2]
    assert (first.weight, first.evaluator_score, first.actual, first.reason) == (
        20,
        20,
        "200件",
        "0",
    )
    assert second.evaluator_score == Fraction("18.95")
    assert _at(imported, "IK706") == ["自评表!C13"]  # 指标1:
    assert _at(imported, "IK704") == ["自评表!C14", "自评表!A17"]  # empty 指标2, …… row
    assert _at(imported, "IK705") == ["自评表!D16"]  # ≥**人
    assert _at(imported, "IK710") == ["自评表!A18"]  # (30分)
    assert _at(imported, "IK711") == ["自评表!A13"]  # 产出指标(50分) over 40 points of rows
    assert _at(imported, "IK712") == ["自评表!A20"]  # 总分 | 100 | 96.45 | 优
    assert _at(imported, "IK714") == []  # 上年结转资金 is a fund source now
    assert _at(imported, "IK715") == ["自评表!E6"]  # 分值 10、执行率 95%、得分 9.5
    assert set(_codes(imported)) >= {"IK707", "IK716"}
    placeholder = next(f for f in imported.findings if f.code == "IK705")
    assert placeholder.severity is Severity.ERROR and "≥**人" in placeholder.message
    assert placeholder.render().startswith("B_自评表.xlsx:自评表!D16: IK705 error:")


def test_c_hubei_layout(tmp_path: Path) -> None:
    imported = _read(layouts.self_assessment_hubei, tmp_path)
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.budget is not None and project.budget.total == _money("200", "万元")
    assert project.executed == _money("190", "万元")
    assert [i.evaluator_score for i in project.indicators] == [20, 20, 30, 10]
    assert all(i.weight is None for i in project.indicators)  # no per-row 分值 column
    assert _at(imported, "IK719") == ["湖北自评表!A7", "湖北自评表!A10"]
    # the caption's 20 points; the printed 执行率 and 得分（20分*执行率）, one finding at the first
    assert _at(imported, "IK715") == ["湖北自评表!A4", "湖北自评表!D5"]
    # 原因分析, 备注 and the checkbox rows are reported, not dropped
    unread = [f.message for f in imported.findings if f.code == "IK716"]
    assert any("项目类别" in m for m in unread) and any("备注" in m for m in unread)


def test_d_transfer_payment(tmp_path: Path) -> None:
    imported = _read(layouts.transfer_payment, tmp_path)
    assert imported.spec is not None
    first, second = imported.spec.projects
    assert first.budget is None  # sources only, no total row: not summed behind the user's back
    assert _at(imported, "IK713") == ["转移支付!A3"]  # 单位：元 over a 万元 caption
    assert len(_at(imported, "IK714")) >= 3
    # 权重 printed as a percentage: 0.5 formatted 0% is 50 points
    assert [i.weight for i in first.indicators] == [50, 30, 20]
    assert _at(imported, "IK712") == ["转移支付!A12"]  # 得分合计100。
    assert [i.actual for i in second.indicators] == ["10公里", "2024年12月20日"]
    assert second.indicators[0].reason == "汛期推迟施工"
    # a date-formatted cell is a date
    assert second.indicators[1].target_text == "2024年12月31日"


def test_e1_value_and_unit_cells(tmp_path: Path) -> None:
    imported = _read(layouts.split_units, tmp_path)
    assert imported.spec is not None
    targets = {i.name: i.target for i in imported.spec.projects[0].indicators}
    assert targets == {
        "养护里程": parse_target("120公里"),
        "优良路率": parse_target("≥85%"),
        "群众出行": parse_target("出行条件明显改善"),
        "满意度": parse_target("90%"),
    }
    assert _at(imported, "IK708") == ["指标!E5"]  # 100人次 under 计量单位 件
    serial = next(f for f in imported.findings if f.code == "IK703")
    assert (serial.sheet, serial.line, serial.column) == ("指标", 7, 5)
    assert "2024年12月31日" in serial.message and serial.severity is Severity.ERROR
    assert sorted(_at(imported, "IK707")) == ["指标!H2", "指标!I2"]


def test_e2_one_long_table_for_all_projects(tmp_path: Path) -> None:
    imported = _read(layouts.long_table, tmp_path)
    assert imported.spec is not None
    roads, buses = imported.spec.projects
    assert (roads.name, roads.unit, roads.goal) == ("乡村道路维护", "某县交通局", "维护道路60公里")
    assert roads.budget is not None and roads.budget.total == _money("85.5", "万元")
    assert [str(i.target) for i in roads.indicators] == ["≥60公里", "≥90%", "≤3天", "道路通行顺畅"]
    assert [i.direction for i in roads.indicators] == [
        Direction.HIGHER,
        Direction.HIGHER,
        Direction.LOWER,
        None,
    ]
    assert [i.level1 for i in roads.indicators] == [
        "产出指标",
        "满意度指标",
        "产出指标",
        "效益指标",
    ]
    assert [str(i.target) for i in buses.indicators] == ["=12条", ">1200万人次", "≥85%"]
    assert _at(imported, "IK707") == ["项目绩效目标!C2"]  # 类别


def test_e3_national_system_export(tmp_path: Path) -> None:
    imported = _read(layouts.national_export, tmp_path)
    assert imported.spec is not None
    targets = [i.target for i in imported.spec.projects[0].indicators]
    assert targets == [
        parse_target("≥120人"),
        parse_target("=100%"),
        parse_target("<1000元"),
        parse_target("有效提升"),
    ]
    assert _at(imported, "IK703") == ["Sheet1!E7"]  # 45,657 in both cells
    assert _at(imported, "IK702") == ["Sheet1!E8"]  # 约等于 is no operator


def test_f_lists_inside_one_cell(tmp_path: Path) -> None:
    imported = _read(layouts.cell_lists, tmp_path)
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.goal == "全面落实资助政策。"
    assert project.budget is not None and project.budget.total == _money("35.5", "万元")
    assert [(i.level1, i.level2, i.name, i.target_text) for i in project.indicators] == [
        ("产出指标", "数量指标", "资助人数", "≥500人"),
        ("产出指标", "数量指标", "资助标准", "1000元/人"),
        ("效益指标", "社会效益指标", "因贫辍学率", "0%"),
    ]
    assert _at(imported, "IK705") == ["项目!E3"]  # （≥**%）


def test_g_department_wide(tmp_path: Path) -> None:
    imported = _read(layouts.department_wide, tmp_path)
    assert imported.spec is not None
    (project,) = imported.spec.projects
    assert project.name == "某县水利局"
    assert project.executed == _money("125", "万元")  # above the budget: kept as given
    assert project.adjusted_budget == _money("120", "万元")
    assert _at(imported, "IK712") == ["部门整体!A11"]
    unread = [f.message for f in imported.findings if f.code == "IK716"]
    assert any("按收入性质分" in m for m in unread) and any("基本支出" in m for m in unread)


def test_h_and_i_older_names_and_damaged_text(tmp_path: Path) -> None:
    imported = _read(layouts.older_naming, tmp_path)
    assert imported.spec is not None
    assert [(i.level1, i.level2, i.name) for i in imported.spec.projects[0].indicators] == [
        ("项目完成指标", "产出数量", "培训农民人次"),  # 项\n目\n完… and a wrapped name
        ("项目完成指标", "产出时效", "完成时间"),
        ("效果指标", "社会效益", "连续性指标"),
        ("效果指标", "经济效益", "农民增收"),
        ("满意度指标", "满意度指标", "农民满意度"),
    ]
    assert imported.spec.projects[0].indicators[3].target == parse_target("≥10万元")
    assert imported.spec.projects[0].indicators[3].target_text == "≥10萬元"  # as written
    assert imported.findings == ()


def test_j_printed_totals(tmp_path: Path) -> None:
    imported = _read(layouts.printed_totals, tmp_path)
    assert _at(imported, "IK712") == ["总分!A4", "总分!A5"]


#: Headers and labels of the layouts: what a table says about its cells, not data.
_STRUCTURE = re.compile(
    r"^(一级指标|二级指标|三级指标|绩效指标描述|指标值|指标值确定依据|项目名称|项目编码|"
    r"预算规模及资金用途|预算数|其中:财政资金|其他资金|资金支出计划\(%\)|绩效目标|实施单位|"
    r"项目资金\(万元\)|年初预算数|全年预算数(\(A\))?|全年执行数(\(B\))?|分值|执行率(\(B/A\))?|得分|"
    r"年度资金总额|其中:当年财政拨款|年度总体目标|预期目标|实际完成情况|年度指标值|实际完成值|"
    r"偏差原因分析及改进措施|预算执行情况\(万元\)\(20分\)|预算数\(A\)|执行数\(B\)|"
    r"得分\(20分\*执行率\)|年初目标值\(A\)|实际完成值\(B\)|完成值|权重|全年完成值|"
    r"未完成原因和改进措施|指标值类型\(定量/定性\)|计量单位|指标解释|运算符|度量单位|单位|"
    r"预算数\(万元\)|年度绩效目标|指标性质|指标方向|目标值|单位编码|单位名称\(项目类别/支出项目\)|"
    r"年度预算安排|项目内容|部门\(单位\)名称|年度预算申请\(万元\)|执行率|单位:元|单位:万元|"
    r"\d+\.\S+绩效目标表|项目支出绩效自评表|3月底|6月底|10月底|12月底|315001|玉田县司法局本级|"
    # words the split forms turn into a target or a direction, and blank markers
    r"定量|定性|正向|反向|百分比|大于等于|小于等于|等于|大于|小于|[≥＞＝＜≤]|—|-)$"
)


@pytest.mark.parametrize("build", layouts.ALL_LAYOUTS, ids=lambda b: b.__name__)
def test_every_non_empty_row_lands_somewhere(build: Callable[[Path], Path], tmp_path: Path) -> None:
    """Every non-empty row is in the spec or named by a finding: each of its cells is a
    header or label of the table, or its text is in the spec, or a finding names its row."""
    imported = _read(build, tmp_path)
    assert imported.spec is not None
    written = dumps(imported.spec) + to_json(imported.spec)
    named = {(f.sheet, f.line) for f in imported.findings}
    # a column the model does not keep is reported once, at its header
    columns = {(f.sheet, f.column) for f in imported.findings if f.code == "IK707"}
    for finding in imported.findings:
        assert finding.file and finding.sheet and finding.line >= 1 and finding.column >= 1
        assert finding.code.startswith("IK7") and 700 <= int(finding.code[2:]) <= 799
    again = tmp_path / "again"
    again.mkdir()
    book = openpyxl.load_workbook(build(again))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            cells = [c for c in row if c.value is not None]
            if not cells or (sheet.title, cells[0].row) in named:
                continue
            for cell in cells:
                if (sheet.title, cell.column) in columns:
                    continue
                value = cell.value
                if isinstance(value, dt.datetime):
                    value = f"{value.year}年{value.month}月{value.day}日"
                text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
                # a level's points agree with its rows' weights (IK711 says when they do not)
                text = re.sub(r"\(\d+分\)$", "", text) or text
                if re.fullmatch(r"\d{1,3}(,\d{3})+", text):  # a thousands separator
                    text = text.replace(",", "")
                landed = (
                    _STRUCTURE.match(text)
                    or re.sub(r"\s+", "", unicodedata.normalize("NFKC", written)).find(text) >= 0
                    or isinstance(cell.value, int | float)  # numbers: checked by the tests above
                )
                assert landed, f"{sheet.title}!{cell.coordinate} “{cell.value}” was dropped"


def test_number_formats_percent_date_and_exact_decimals(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "格式"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值"])
    sheet.append(["产出指标", "质量指标", "合格率", 0.95, 0.955, 0.1])
    sheet["D3"].number_format = "0%"
    sheet["E3"].number_format = "0%"  # shows 96%, holds 95.5%: the value is kept
    sheet.append(["产出指标", "数量指标", "金额", 0.1, 0.3, 12.5])
    path = tmp_path / "formats.xlsx"
    book.save(path)
    spec = read_workbook(path, source="formats.xlsx").spec
    assert spec is not None
    first, second = spec.projects[0].indicators
    assert (first.target_text, first.actual, first.weight) == ("95%", "95.5%", Fraction(1, 10))
    assert (second.target_text, second.actual, second.weight) == ("0.1", "0.3", Fraction(25, 2))


def test_not_a_workbook_is_a_located_finding(tmp_path: Path) -> None:
    text = tmp_path / "表.xlsx"
    text.write_text("项目名称\t法律援助\n", encoding="utf-8")
    imported = read_workbook(text, source="表.xlsx")
    assert imported.spec is None and _codes(imported) == ["IK700"]
    assert "不是 Excel 工作簿" in imported.findings[0].message
    broken = tmp_path / "坏.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    imported = read_workbook(broken, source="坏.xlsx")
    assert imported.spec is None and _codes(imported) == ["IK700"]
    missing = read_workbook(tmp_path / "无.xlsx", source="无.xlsx")
    assert _codes(missing) == ["IK700"] and not missing.ok


def test_a_sheet_with_no_table_says_so(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["B3"] = "封面"
    path = tmp_path / "cover.xlsx"
    book.save(path)
    imported = read_workbook(path, source="cover.xlsx")
    # nothing to import is an error, not an empty spec (issue 22)
    assert imported.spec is None and not imported.ok
    assert [(f.code, f.place, f.severity.value) for f in imported.findings] == [
        ("IK701", "cover.xlsx:Sheet!B3", "info"),
        ("IK701", "cover.xlsx", "error"),  # the whole workbook: no made-up 1:1
    ]
    whole = imported.findings[1].to_dict()
    assert (whole["file"], whole["sheet"], whole["line"], whole["column"]) == (
        "cover.xlsx",
        None,
        None,
        None,
    )


def test_missing_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith(("openpyxl", "xlsxwriter", "xlrd")):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    path = layouts.printed_totals(tmp_path)
    monkeypatch.setattr(builtins, "__import__", refuse)
    for module in ("openpyxl", "xlsxwriter", "xlrd"):
        monkeypatch.delitem(__import__("sys").modules, module, raising=False)
    with pytest.raises(MissingExtraError, match=r"indicatorkit\[excel\]"):
        read_workbook(path, source=path.name)
    from indicatorkit import Spec, score

    with pytest.raises(MissingExtraError, match="xlsxwriter"):
        write_workbook(Spec(), tmp_path / "out.xlsx")
    with pytest.raises(MissingExtraError):
        write_self_assessment(score(Spec()), tmp_path / "out.xlsx")


def test_findings_are_rendered_as_sheet_and_cell(tmp_path: Path) -> None:
    imported = _read(layouts.national_export, tmp_path)
    rendered = [f.render() for f in imported.findings]
    assert rendered[0].startswith("E3_国家系统导出.xlsx:Sheet1!E7: IK703 error: ")
    assert all(isinstance(f, Finding) for f in imported.findings)


FIXTURES = Path(__file__).parent / "workbooks"


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("A_申报表.xls", layouts.declaration_blocks),
        ("B_自评表.xls", layouts.self_assessment_central),
    ],
)
def test_xls_reads_like_the_xlsx_it_was_converted_from(
    name: str, build: Callable[[Path], Path], tmp_path: Path
) -> None:
    """The .xls fixtures (``tests/workbooks/make_xls.py``, LibreOffice) hold the same tables:
    number formats (0% → 20%), merged ranges and all give the same spec and findings."""
    from_xls = read_workbook(FIXTURES / name, source=name)
    path = build(tmp_path)
    from_xlsx = read_workbook(path, source=name)
    assert from_xls.spec == from_xlsx.spec and from_xls.spec is not None
    assert [(f.code, f.sheet, f.line, f.column) for f in from_xls.findings] == [
        (f.code, f.sheet, f.line, f.column) for f in from_xlsx.findings
    ]


def test_xls_told_by_content_not_by_name(tmp_path: Path) -> None:
    renamed = tmp_path / "自评表.xlsx"  # an .xls saved under the new extension
    renamed.write_bytes((FIXTURES / "B_自评表.xls").read_bytes())
    imported = read_workbook(renamed, source=renamed.name)
    assert imported.spec is not None and imported.spec.projects[0].name == "法律援助"


def test_every_code_is_documented_and_used() -> None:
    from indicatorkit.formats import (
        actuals_sheet,
        budget_block,
        central_budget,
        central_layout,
        central_table,
        grid,
        grid_reading,
        level_points,
        workbook_read,
    )

    modules = (
        workbook_read,
        central_layout,
        central_budget,
        budget_block,
        central_table,
        grid_reading,
        grid,
        level_points,
        actuals_sheet,
    )
    layouts = Path(workbook_read.__file__ or "").parent / "layouts"
    files = [Path(m.__file__ or "") for m in modules] + sorted(layouts.glob("*.py"))
    source = "".join(path.read_text(encoding="utf-8") for path in files)
    used = set(re.findall(r'"(IK7\d\d|IK414)",\n?\s*(?:ERROR|WARNING|INFO|Severity)', source))
    used |= set(re.findall(r'Finding\(\s*"(IK7\d\d)"', source))
    docs = (Path(__file__).parents[1] / "docs" / "workbooks.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (IK7\d\d|IK414) \|", docs, re.M))
    codes = set(workbook_read.CODES) | set(central_layout.CODES) | set(actuals_sheet.CODES)
    assert used == codes == documented


def test_hostile_cells_are_findings_not_tracebacks(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "异常单元格"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"])
    sheet.append(["产出指标", "数量指标", "布尔", True, None, None, None])
    sheet.append(["产出指标", "数量指标", "错误值", "#DIV/0!", None, None, None])
    sheet.append(["产出指标", "数量指标", "公式", "=1+1", None, None, None])  # never calculated
    sheet.append(["产出指标", "数量指标", "负分", "≥5件", "6件", -3, None])
    sheet.append(["产出指标", "数量指标", "文字分值", "≥5件", "6件", "十分", None])
    sheet.append(["产出指标", "数量指标", "超长", "≥" + "9" * 200 + "件", None, None, None])
    sheet.append(["产出指标", "数量指标", "正常", "≥5件", "6件", 10, 10])
    sheet.merge_cells("H1:Z600")  # a merged range over an empty anchor: nothing to fill
    path = tmp_path / "hostile.xlsx"
    book.save(path)
    imported = read_workbook(path, source="hostile.xlsx")
    assert imported.spec is not None
    assert [i.name for i in imported.spec.projects[0].indicators] == ["正常"]
    rows: dict[int, set[str]] = {}
    for finding in imported.findings:
        if finding.severity is Severity.ERROR:
            rows.setdefault(finding.line, set()).add(finding.code)
    assert rows == {
        3: {"IK702"},  # TRUE
        4: {"IK702"},  # #DIV/0!
        5: {"IK720", "IK702"},  # a formula never calculated: its value is unknown
        6: {"IK717"},  # a negative weight
        7: {"IK709"},  # 十分
        8: {"IK702"},  # 200 digits
    }


def test_a_huge_merged_range_is_refused_with_a_finding(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "项目名称"
    sheet.merge_cells("A1:B2")
    small = tmp_path / "small.xlsx"
    book.save(small)
    path = tmp_path / "merged.xlsx"  # the same file declaring A1:XFD2000 (32 million cells)
    with zipfile.ZipFile(small) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename).replace(b'ref="A1:B2"', b'ref="A1:XFD2000"')
            new.writestr(item, data)
    imported = read_workbook(path, source="merged.xlsx")
    assert imported.spec is None and _codes(imported) == ["IK700"]
    assert (
        "合并区域过大" in imported.findings[0].message
        and "超过上限 cells" in imported.findings[0].message
    )
    assert imported.findings[0].render().startswith("merged.xlsx: IK700 error:")  # whole file


def test_a_damaged_xls_is_a_located_finding(tmp_path: Path) -> None:
    damaged = tmp_path / "坏.xls"
    damaged.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    imported = read_workbook(damaged, source="坏.xls")
    assert imported.spec is None and _codes(imported) == ["IK700"]
    assert "OLE2 文件，但不是 .xls" in imported.findings[0].message
    truncated = tmp_path / "截断.xls"
    truncated.write_bytes((FIXTURES / "B_自评表.xls").read_bytes()[:3000])
    assert _codes(read_workbook(truncated, source="截断.xls")) == ["IK700"]


def test_an_unstated_money_unit_is_said_not_assumed_silently(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "法律援助"])
    sheet.append(["预算规模及资金用途", "预算数", 10000, "其中：财政资金", 10000])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["产出指标", "数量指标", "受理数", "≥180件"])
    path = tmp_path / "无单位.xlsx"
    book.save(path)
    imported = read_workbook(path, source="无单位.xlsx")
    assert imported.spec is not None
    budget = imported.spec.projects[0].budget
    assert budget is not None and budget.total == _money("10000", "元")
    assert _at(imported, "IK713") == ["Sheet!C2"]  # once, at the first bare amount


def test_workbook_kind_by_content(tmp_path: Path) -> None:
    from indicatorkit.formats.workbook import workbook_kind

    assert workbook_kind(FIXTURES / "B_自评表.xls") == "xls"
    xlsx = layouts.printed_totals(tmp_path)
    renamed = tmp_path / "表.dat"
    renamed.write_bytes(xlsx.read_bytes())
    assert (workbook_kind(xlsx), workbook_kind(renamed)) == ("xlsx", "xlsx")
    document = tmp_path / "文档.docx"  # a zip, but no xl/workbook.xml
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert workbook_kind(document) is None
    imported = read_workbook(document, source="文档.docx")
    assert _codes(imported) == ["IK700"] and "也许是 .docx" in imported.findings[0].message


def test_a_date_serial_actual_keeps_its_indicator_in_any_layout(tmp_path: Path) -> None:
    """Issue 20: an Excel date serial in 实际完成值 is said (IK703), and the indicator stays
    with no actual, so the project is not silently scored out of fewer points."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目名称", "法律援助"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值"])
    sheet.append(["产出指标", "时效指标", "完成时间", "12月31日前", 45646, 10])
    sheet.append(["产出指标", "数量指标", "受理数", "≥180件", "200件", 90])
    book.save(tmp_path / "表.xlsx")
    imported = read_workbook(tmp_path / "表.xlsx", source="表.xlsx")
    assert imported.spec is not None
    timely, count = imported.spec.projects[0].indicators
    assert (timely.name, timely.actual, timely.weight) == ("完成时间", None, 10)
    assert count.actual == "200件"
    assert _at(imported, "IK703") == ["Sheet!E3"]
