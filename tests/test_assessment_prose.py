"""评价结论 / 存在问题 / 改进措施: a project's self-assessment prose, kept by
every format that writes a spec (the spec file, JSON, the long table, the workbook) and read
back equal; old JSON without the keys still reads."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatorkit import Project, Spec, dumps, loads
from indicatorkit.errors import InvalidValueError
from indicatorkit.formats.json_data import from_data, to_data
from indicatorkit.formats.long_table import read_long_table, write_long_table
from indicatorkit.formats.workbook import read_workbook, write_workbook
from indicatorkit.strategies import projects

PROSE = """\
项目 1 法律援助
  预算：10000元
  绩效目标：全年受理法律援助案件不少于200件
  执行数：9500元
  评价结论：全年受理 210 件，
    | 较好完成年度目标
  存在问题：宣传覆盖面不足
  改进措施：加强基层宣传
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    依据：调研
    实际值：210件
"""


def test_the_spec_file_reads_and_writes_the_prose() -> None:
    project = loads(PROSE).projects[0]
    assert project.conclusion == "全年受理 210 件，\n较好完成年度目标"
    assert project.problems == "宣传覆盖面不足"
    assert project.improvements == "加强基层宣传"
    text = dumps(loads(PROSE))
    assert "  存在问题：宣传覆盖面不足\n" in text
    assert loads(text) == loads(PROSE)


def test_english_keys_read_the_same() -> None:
    english = (
        PROSE.replace("评价结论：", "conclusion：")
        .replace("存在问题：", "problems：")
        .replace("改进措施：", "improvements：")
    )
    assert loads(english) == loads(PROSE)


def test_json_keeps_the_prose_and_old_json_without_it_still_reads() -> None:
    spec = loads(PROSE)
    data = to_data(spec)
    assert data["projects"][0]["problems"] == "宣传覆盖面不足"
    assert from_data(json.loads(json.dumps(data, ensure_ascii=False))) == spec
    for key in ("conclusion", "problems", "improvements"):
        del data["projects"][0][key]
    older = from_data(data)
    assert older.projects[0].conclusion == "" and older.projects[0].improvements == ""


def test_a_withheld_project_has_no_prose() -> None:
    with pytest.raises(InvalidValueError, match="暂不公开"):
        Project(6, "办公楼维修", withheld="涉密", conclusion="较好")


def test_the_long_table_and_the_workbook_keep_the_prose(tmp_path: Path) -> None:
    spec = loads(PROSE)
    write_long_table(spec, tmp_path / "长表.csv")
    back = read_long_table((tmp_path / "长表.csv").read_bytes(), source="长表.csv").spec
    assert back.projects[0].improvements == "加强基层宣传"
    assert back.projects[0].conclusion == spec.projects[0].conclusion
    write_workbook(spec, tmp_path / "表.xlsx")
    book = read_workbook(tmp_path / "表.xlsx", source="表.xlsx").spec
    assert [p.problems for p in book.projects] == ["宣传覆盖面不足"]
    assert book.projects[0].conclusion == spec.projects[0].conclusion


_TEXT = st.text(st.sampled_from("完成较好问题措施加强宣传 12%，"), min_size=1, max_size=12).map(
    str.strip
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    project=projects(max_indicators=2).filter(lambda p: p.withheld is None),
    prose=st.fixed_dictionaries(
        {name: st.just("") | _TEXT for name in ("conclusion", "problems", "improvements")}
    ),
)
def test_any_prose_round_trips_through_the_spec_file_and_json(
    project: Project, prose: dict[str, str]
) -> None:
    spec = Spec(projects=(attrs.evolve(project, **prose),))
    assert loads(dumps(spec)) == spec
    assert from_data(to_data(spec)) == spec
