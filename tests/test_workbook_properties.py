"""Laws of the workbook format over generated specs: a 目标申报表 written by ``write_workbook``
reads back to an equal spec, and every finding it gives is located in a sheet of the file."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatorkit import Spec
from indicatorkit.formats.workbook import read_workbook, write_workbook
from indicatorkit.formats.workbook_read import CODES
from indicatorkit.model.findings import Severity
from indicatorkit.strategies import specs


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs())
def test_write_then_read_gives_the_spec_back(spec: Spec) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "申报表.xlsx"
        write_workbook(spec, path)
        imported = read_workbook(path, source="申报表.xlsx")
    assert imported.spec == spec
    # a written workbook leaves nothing unread and has no error
    assert not [f for f in imported.findings if f.code in ("IK716", "IK717", "IK701")]
    assert not [f for f in imported.findings if f.severity is Severity.ERROR]
    for finding in imported.findings:
        assert finding.file == "申报表.xlsx" and finding.sheet


# --- any workbook: reading never fails, and every finding is located in the sheet ----------------

_WORDS = (
    "项目名称",
    "项目编号",
    "项目编码",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "权重",
    "计量单位",
    "指标性质",
    "指标方向",
    "运算符",
    "指标值类型",
    "偏差原因分析及改进措施",
    "预算数",
    "年初预算数",
    "全年预算数(A)",
    "全年执行数(B)",
    "执行率",
    "年度资金总额",
    "其中：财政资金",
    "其他资金",
    "资金支出计划（%）",
    "3月底",
    "12月底",
    "绩效目标",
    "预期目标",
    "总分",
    "优",
    "产出指标(50分)",
    "(30分)",
    "指标1:受理数",
    "……",
    "≥**人",
    "≥95%",
    ">=6",
    ",=100",
    "定性",
    "定量",
    "正向",
    "反向",
    "大于等于",
    "百分比",
    "件",
    "万元",
    "单位：元",
    "45,657",
    "部门编码",
    "分项名称",
    "目标编号",
    "共2条",
    "保障措施",
    "标题",
    "不适用",
    "年度绩效目标1（40分）",
    "【产出指标-数量指标】 指标1:人数（≥5人）",
    "项目内容",
    "评分规则",
    "",
)
_VALUES = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(-10, 50000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.text("法律援助≥≤%元件0123456789.,:：（）() \n", max_size=12),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.none() | _VALUES, max_size=8), max_size=12),
    st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 8), st.integers(0, 3), st.integers(0, 2))
    ),
    st.lists(st.sampled_from(["0%", "0.00", "yyyy-mm-dd", "@", "General"]), max_size=5),
)
def test_reading_any_workbook_gives_findings_never_a_traceback(
    rows: list[list[object]], merges: list[tuple[int, int, int, int]], formats: list[str]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values, 1):
            if value is not None:
                cell = sheet.cell(r, c, value)
                if formats:
                    cell.number_format = formats[(r + c) % len(formats)]
    taken: set[tuple[int, int]] = set()
    for top, left, down, right in merges:
        area = {(r, c) for r in range(top, top + down + 1) for c in range(left, left + right + 1)}
        if len(area) > 1 and not area & taken:
            taken |= area
            sheet.merge_cells(
                start_row=top, start_column=left, end_row=top + down, end_column=left + right
            )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "任意.xlsx"
        book.save(path)
        imported = read_workbook(path, source="任意.xlsx")
    height = max(len(rows), max((t + d for t, _, d, _ in merges), default=0)) + 1
    for finding in imported.findings:
        assert finding.code in CODES
        assert finding.sheet == "Sheet" or finding.code in ("IK700", "IK701", "IK717")  # file-level
        if finding.whole:  # the whole workbook: no made-up cell
            assert finding.code in ("IK700", "IK701") and finding.place == "任意.xlsx"
            continue
        assert 1 <= finding.line <= height and 1 <= finding.column <= 16384
        assert finding.render()
