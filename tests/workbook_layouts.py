"""Test workbooks in the layouts of real 绩效 tables (``docs/workbooks.md`` lists them, after
the survey of 17 published tables of 10 provinces): each builder writes one .xlsx with
openpyxl — merged cells, number formats, template leftovers and all — and returns its path.
Values are illustrative; the layouts are the real ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

Row = Sequence[Any]


class Sheet:
    """Rows written from the top; ``merge`` takes spreadsheet ranges (``"A5:A8"``)."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 0

    def add(self, *values: Any, formats: dict[int, str] | None = None) -> int:
        self.row += 1
        for column, value in enumerate(values, 1):
            if value is None:
                continue
            cell = self.sheet.cell(self.row, column, value)
            if formats and column in formats:
                cell.number_format = formats[column]
        return self.row

    def merge(self, *ranges: str) -> None:
        for cell_range in ranges:
            self.sheet.merge_cells(cell_range)


def _book(*names: str) -> tuple[openpyxl.Workbook, list[Sheet]]:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = names[0]
    sheets = [Sheet(first)] + [Sheet(book.create_sheet(name)) for name in names[1:]]
    return book, sheets


def declaration_blocks(folder: Path) -> Path:
    """A: declaration tables, one block per project, two projects in one long sheet (the
    seed's form): title block, 项目编码/项目名称, 预算规模及资金用途 with the usage line, the
    spending plan as a row of percentages (number cells formatted ``0%``), merged levels."""
    book, (s,) = _book("项目支出")
    for number, (name, total) in enumerate((("法律援助", 10000), ("人民调解", 3000.5)), 3):
        s.add("315001", "玉田县司法局本级")
        s.add("单位：元")
        s.add(f"{number}.{name}绩效目标表")
        s.add("项目编码", f"13022925P0000451000{number}P", None, "项目名称", name)
        first = s.add(
            "预算规模及资金用途", "预算数", total, "其中：财政 资金", total, "其他资金", None
        )
        s.add(None, f"保障{name}工作开展")
        s.merge(f"A{first}:A{first + 1}", f"B{first + 1}:G{first + 1}")
        plan = s.add("资金支出计划（%）", "3月底", "6月底", "10月底", "12月底")
        s.add(None, 0.2, 0.4, 0.6, 1, formats={2: "0%", 3: "0%", 4: "0%", 5: "0%"})
        s.merge(f"A{plan}:A{plan + 1}")
        s.add("绩效目标", f"1.保障{name}工作开展")
        s.add("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
        top = s.add("产出指标", "数量指标", "受理数", "受理数", "≥180件", "调研")
        s.add(None, None, "办结数", "办结数", ">=150件", "调研")
        s.add(None, "时效指标", "办结及时率", "办结及时率", "≥95%", "调研")
        s.add("满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%", "调研")
        s.merge(f"A{top}:A{top + 2}", f"B{top}:B{top + 1}")
        s.add()
    path = folder / "A_申报表.xlsx"
    book.save(path)
    return path


def self_assessment_central(folder: Path) -> Path:
    """B: the central self-assessment layout (Anhui, Hebei, Shanxi, Yunnan, Guizhou), with
    template leftovers, points in level-1 cells, a 总分 row with the grade."""
    book, (s,) = _book("自评表")
    s.add("项目支出绩效自评表")
    s.add("（2024年度）")
    r = s.add("项目名称", "法律援助")
    s.merge(f"B{r}:H{r}")
    s.add("主管部门", "某县司法局", None, None, "实施单位", "(433001)某县法律援助中心")
    head = s.add(
        "项目资金（万元）",
        "年初预算数",
        "全年预算数(A)",
        "全年执行数(B)",
        "分值",
        "执行率(B/A)",
        "得分",
    )
    s.add("年度资金总额", 10, 12, 11.4, 10, 0.95, 9.5, formats={6: "0.00%"})
    s.add("其中：当年财政拨款", 10, 12, 11.4, "—", 0.95, "—", formats={6: "0.00%"})
    s.add("上年结转资金", 0, 0, 0, "—", None, "—")
    s.add("其他资金", 0, 0, 0, "—", None, "-")
    s.merge(f"A{head}:A{head}")
    goal = s.add("年度总体目标", "预期目标", None, None, "实际完成情况")
    s.add(None, "办理法律援助案件180件", None, None, "办理法律援助案件200件")
    s.merge(f"A{goal}:A{goal + 1}", f"B{goal}:D{goal}", f"B{goal + 1}:D{goal + 1}")
    s.add(
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    )
    top = s.add("产出指标(50分)", "数量指标", "指标1:受理数", "≥180件", "200件", 20, 20, 0)
    s.add(None, None, "指标2", None, None, None, None, None)
    s.add(None, "质量指标", "*办结率", "≥95%", "90%", 20, 18.95, "个别案件跨年")
    s.add(None, "时效指标", "宣传人数", "≥**人", None, 10, None, None)
    s.add("……", "……", "……", "……", None, None, None, None)
    s.merge(f"A{top}:A{top + 4}", f"B{top}:B{top + 1}")
    low = s.add("(30分)", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, None)
    s.add("满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10, None)
    s.add("总分", None, None, None, None, 100, 96.45, "优")
    s.add("说明：请在此处填写需要说明的情况。")
    assert low
    path = folder / "B_自评表.xlsx"
    book.save(path)
    return path


def self_assessment_hubei(folder: Path) -> Path:
    """C: the Hubei layout: the budget weight in the caption, indicators grouped under
    ``年度绩效目标1（40分）``, no per-row 分值, checkbox rows at the end."""
    book, (s,) = _book("湖北自评表")
    s.add("项目支出绩效自评表")
    s.add("项目名称", "农村饮水安全")
    s.add("单位：万元")
    head = s.add(
        "预算执行情况（万元）（20分）",
        "预算数(A)",
        "执行数(B)",
        "执行率(B/A)",
        "得分（20分*执行率）",
    )
    s.add(None, 200, 190, 0.95, 19, formats={4: "0%"})
    s.merge(f"A{head}:A{head + 1}")
    s.add("一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分")
    g = s.add("年度绩效目标1（40分）")
    s.merge(f"A{g}:F{g}")
    s.add("产出指标", "数量指标", "新建水厂", "≥2座", "2座", 20)
    s.add("产出指标", "时效指标", "完工时间", "12月底前", "11月30日", 20)
    g = s.add("年度绩效目标2（40分）")
    s.merge(f"A{g}:F{g}")
    s.add("效益指标", "社会效益指标", "受益人口", "≥1.5万人", "1.6万人", 30)
    s.add("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10)
    s.add("总分", None, None, None, None, 99)
    s.add("偏差大或目标未完成原因分析", None, None, "改进措施及结果应用方案")
    s.add("无", None, None, "无")
    s.add("备注", "1.预算数为调整后财政资金总额")
    s.add("项目类别", "1、部门预算项目 2、市直专项")
    s.add("项目属性", "1、持续性项目 2、新增性项目")
    path = folder / "C_湖北自评表.xlsx"
    book.save(path)
    return path


def transfer_payment(folder: Path) -> Path:
    """D: transfer-payment tables: budget by source with no total row, a caption unit that
    disagrees with the title's, 权重 printed as a percentage, ``得分合计100。``; a second
    sheet with 全年完成值 and 未完成原因和改进措施 and no scores."""
    book, (s, t) = _book("转移支付", "专项资金")
    s.add("单位：元")
    s.add("项目名称", "中央财政衔接推进乡村振兴补助资金")
    s.add("项目资金（万元）", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)")
    s.add("中央资金", 500, 480, 0.96, formats={4: "0%"})
    s.add("省级资金", 100, 100, 1, formats={4: "0%"})
    s.add("地方资金", 50, 40, 0.8, formats={4: "0%"})
    s.add("其他资金", 0, 0, None)
    s.add("一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分")
    s.add("产出指标", "数量指标", "帮扶户数", "≥300户", "320户", 0.5, 50, formats={6: "0%"})
    s.add("效益指标", "经济效益指标", "户均增收", "≥2000元", "2100元", 0.3, 30, formats={6: "0%"})
    s.add("满意度指标", "满意度指标", "受益群众满意度", "≥90%", "95%", 0.2, 20, formats={6: "0%"})
    s.add("得分合计100。")
    t.add("项目名称", "水利发展资金")
    t.add("一级指标", "二级指标", "三级指标", "指标值", "全年完成值", "未完成原因和改进措施")
    t.add("产出指标", "数量指标", "治理河道长度", "≥12公里", "10公里", "汛期推迟施工")
    t.add("产出指标", "时效指标", "完工时间", dt.datetime(2024, 12, 31), "2024年12月20日", None)
    t.sheet.cell(3, 4).number_format = "yyyy-mm-dd"
    path = folder / "D_转移支付.xlsx"
    book.save(path)
    return path


def split_units(folder: Path) -> Path:
    """E1: 指标值类型（定量/定性） | 指标值 | 计量单位, the value sometimes with its own unit
    (agreeing or not), a sentence, and a date leaking as an Excel serial in both cells."""
    book, (s,) = _book("指标")
    s.add("项目名称", "农村公路养护")
    s.add(
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值类型（定量/定性）",
        "指标值",
        "计量单位",
        "指标解释",
        "评（扣）分标准",
        "备注",
    )
    s.add(
        "产出指标",
        "数量指标",
        "养护里程",
        "定量",
        120,
        "公里",
        "年度养护里程",
        "未达指标值酌情扣分",
    )
    s.add("产出指标", "质量指标", "优良路率", "定量", "≥85%", "%", None, "未达指标值酌情扣分")
    s.add("产出指标", "数量指标", "培训人次", "定量", "100人次", "件", None, None)
    s.add("效益指标", "社会效益指标", "群众出行", "定性", "出行条件明显改善", None)
    s.add("产出指标", "时效指标", "完成时间", "定量", 45657, 45657)
    s.add("满意度指标", "服务对象满意度指标", "满意度", "定量", 0.9, "百分比", formats={5: "0%"})
    path = folder / "E1_拆分单位.xlsx"
    book.save(path)
    return path


def long_table(folder: Path) -> Path:
    """E2: one long table for all projects of a unit: the project fields on each project's
    first row only (merged down), 指标性质 / 指标方向 / 目标值 / 计量单位 / 分值, level-1 cells
    with their points, rows not sorted by level."""
    book, (s,) = _book("项目绩效目标")
    s.add("单位：万元")
    s.add(
        "项目名称",
        "单位",
        "类别",
        "预算数（万元）",
        "年度绩效目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标方向",
        "目标值",
        "计量单位",
        "分值",
    )
    top = s.add(
        "乡村道路维护",
        "某县交通局",
        "专项",
        85.5,
        "维护道路60公里",
        "产出指标（50分）",
        "数量指标",
        "维护里程",
        "正向",
        "大于等于",
        60,
        "公里",
        30,
    )
    s.add(
        None,
        None,
        None,
        None,
        None,
        "满意度指标（10分）",
        "满意度指标",
        "群众满意度",
        "正向",
        "≥",
        90,
        "百分比",
        10,
    )
    s.add(
        None,
        None,
        None,
        None,
        None,
        "产出指标（50分）",
        "时效指标",
        "处置时长",
        "反向",
        "小于等于",
        3,
        "天",
        20,
    )
    s.add(
        None,
        None,
        None,
        None,
        None,
        "效益指标（30分）",
        "社会效益指标",
        "通行保障",
        "定性",
        None,
        "道路通行顺畅",
        None,
        30,
    )
    s.merge(*(f"{c}{top}:{c}{top + 3}" for c in "ABCDE"))
    second = s.add(
        "公交补贴",
        "某县交通局",
        "专项",
        20,
        "保障公交运营",
        "产出指标（50分）",
        "数量指标",
        "补贴线路",
        "正向",
        "等于",
        12,
        "条",
        50,
    )
    s.add(
        "",
        None,
        None,
        None,
        None,
        "效益指标（30分）",
        "社会效益指标",
        "乘客人次",
        "正向",
        "大于",
        "1,200",
        "万人次",
        30,
    )
    s.add(
        None,
        None,
        None,
        None,
        None,
        "满意度指标（10分）",
        "满意度指标",
        "乘客满意度",
        "正向",
        "大于等于",
        85,
        "%",
        10,
    )
    assert second
    path = folder / "E2_长表.xlsx"
    book.save(path)
    return path


def national_export(folder: Path) -> Path:
    """E3: the national system's export: 运算符（≥ ＞ ＝ ＜ ≤ 定性） | 指标值 | 度量单位, 百分比
    for %, and a date serial printed with a thousands separator."""
    book, (s,) = _book("Sheet1")
    s.add("项目名称", "残疾人保障金")
    s.add("一级指标", "二级指标", "三级指标", "运算符", "指标值", "度量单位")
    s.add("产出指标", "数量指标", "补助人数", "≥", "120", "人")
    s.add("产出指标", "质量指标", "发放准确率", "＝", "100", "百分比")
    s.add("产出指标", "成本指标", "人均补助", "＜", "1,000", "元")
    s.add("效益指标", "社会效益指标", "保障水平", "定性", "有效提升", "")
    s.add("产出指标", "时效指标", "发放时间", "≤", "45,657", "45,657")
    s.add("产出指标", "数量指标", "走访次数", "约等于", "5", "次")
    path = folder / "E3_国家系统导出.xlsx"
    book.save(path)
    return path


def cell_lists(folder: Path) -> Path:
    """F: lists inside one cell (Anhui): an outer table, and in its 绩效目标 cell the
    【…】 sections with ``指标1:名称（目标）``."""
    book, (s,) = _book("项目")
    s.add("单位：万元")
    s.add("单位编码", "单位名称（项目类别/支出项目）", "年度预算安排", "项目内容", "绩效目标")
    s.add(
        "101001",
        "某县教育局（专项业务费/学生资助）",
        35.5,
        "资助家庭经济困难学生",
        "【项目概况】：资助家庭经济困难学生。\n【总体目标】全面落实资助政策。\n"
        "【产出指标-数量指标】 指标1:资助人数（≥500人） 指标2:资助标准（1000元/人）\n"
        "【效益指标-社会效益指标】 指标1:因贫辍学率（0%）\n"
        "【满意度指标-服务对象满意度指标】 指标1:学生满意度（≥**%）",
    )
    path = folder / "F_单元格内清单.xlsx"
    book.save(path)
    return path


def department_wide(folder: Path) -> Path:
    """G: a department-wide (部门整体) self-assessment: 年度预算申请 with a 得分计算方法
    column and no 执行率 value, 执行数 above 预算数, breakdown blocks side by side."""
    book, (s,) = _book("部门整体")
    s.add("部门（单位）名称", "某县水利局")
    s.add(
        "年度预算申请（万元）",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
        "得分计算方法",
    )
    s.add("年度资金总额", 100, 120, 125, 10, None, 10, "执行率*该指标分值,最高不得超过分值上限。")
    s.add("按收入性质分：", None, None, None, "按支出性质分：")
    s.add("一般公共预算", 100, None, None, "基本支出", 60)
    s.add("政府性基金拨款", 20, None, None, "项目支出", 65)
    s.add("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    s.add("产出指标", "数量指标", "水利工程维护", "≥20处", "22处", 50, 50)
    s.add("效益指标", "社会效益指标", "防汛保障", "有效保障", "达成", 30, 30)
    s.add("满意度指标", "满意度指标", "群众满意度", "≥90%", "91%", 10, 10)
    s.add("自评方式", "单位自评", "自评分值", 100, "自评等级", "优")
    path = folder / "G_部门整体.xlsx"
    book.save(path)
    return path


def older_naming(folder: Path) -> Path:
    """H and I: older names (项目完成指标, 效果指标, 产出数量, 满意度指标 | 满意度指标,
    连续性指标) and text damage (vertical labels, spaced headers, names wrapped over lines)."""
    book, (s,) = _book("旧表")
    s.add("项目名称", "农业技术推广")
    s.add("一 级 指 标", "二 级 指 标", "三 级 指 标", "指 标 值")
    top = s.add("项\n目\n完\n成\n指\n标", "产出数量", "培训农民\n人次", "≥500人次")
    s.add(None, "产出时效", "完成时间", "11月底前")
    s.merge(f"A{top}:A{top + 1}")
    s.add("效果指标", "社会效益", "连续性指标", "长期有效")
    s.add("效果指标", "经济效益", "农民增收", "≥10萬元")  # a traditional character
    s.add("满意度指标", "满意度指标", "农民满意度", "≥85%")
    path = folder / "H_旧称与文字损坏.xlsx"
    book.save(path)
    return path


def printed_totals(folder: Path) -> Path:
    """J: totals and grades as printed: one cell, a labelled row, a sentence."""
    book, (s,) = _book("总分")
    s.add("项目名称", "法治宣传")
    s.add("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    s.add("产出指标", "数量指标", "宣传场次", "≥6次", "6次", 90, 90)
    s.add("评价分值：88.64分 评价等级：良")
    s.add("自评得分99.5分。")
    path = folder / "J_总分.xlsx"
    book.save(path)
    return path


ALL_LAYOUTS = (
    declaration_blocks,
    self_assessment_central,
    self_assessment_hubei,
    transfer_payment,
    split_units,
    long_table,
    national_export,
    cell_lists,
    department_wide,
    older_naming,
    printed_totals,
)
