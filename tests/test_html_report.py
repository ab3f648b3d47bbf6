"""The HTML report without a browser: the numbers it shows are the scoring's, rounded half up;
it is self-contained (nothing fetched from elsewhere); the user's text is escaped and kept;
the shipped ECharts and its licence are where the README says; the ``report`` verb's exit
codes.  ``test_html_report_browser.py`` loads the page in Chromium."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicatorkit import RULE_SETS, load, loads, score
from indicatorkit.cli import main
from indicatorkit.errors import InvalidValueError, UnknownRuleSetError
from indicatorkit.formats.html_report import (
    ECHARTS_VERSION,
    ReportError,
    echarts_source,
    render_report,
    write_report,
)
from indicatorkit.formats.html_report_page import build_page
from indicatorkit.scoring.assessment import assess, spending_by_checkpoint
from indicatorkit.strategies.records import specs
from tests.html_report_expectations import (
    expected_facts,
    expected_numbers,
    expected_spending,
    page_numbers,
)

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "yutian_justice_2025_selfassessment.ikspec"
ASSETS = ROOT / "src" / "indicatorkit" / "formats" / "html_report_assets"

SMALL = """\
部门 1 示例局
  年度：2024

项目 1 法律援助
  预算：10000元
  支出计划：6月底 50%，12月底 100%
  执行数：9500元
  累计支出：6月底 35%，12月底 95%
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    依据：调研
    实际值：150件
    偏差原因：案件来源减少
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥90%
    依据：调研
    实际值：95%
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥95%
    依据：调研
"""


@pytest.fixture(scope="module")
def example_html() -> str:
    return render_report(assess(load(EXAMPLE)))


def test_every_number_on_the_page_is_the_scorings(example_html: str) -> None:
    spec = load(EXAMPLE)
    numbers, _ = page_numbers(example_html)
    expected = {**expected_numbers(spec), **expected_spending(spec), **expected_facts(spec)}
    assert numbers == expected
    assert numbers["department.total"] == "95.77"  # the figure `indicatorkit score` prints


def test_an_undecided_project_shows_ranges_and_no_grade() -> None:
    spec = loads(SMALL)
    numbers, text = page_numbers(render_report(assess(spec)))
    assert numbers == {**expected_numbers(spec), **expected_spending(spec), **expected_facts(spec)}
    assert numbers["p1.i2.score"] == "0.00–10.00"  # the missing actual
    assert numbers["p1.total"] == "77.00–87.00"
    assert numbers["p1.grade"] == "待定 undecided"
    assert "案件来源减少" in text  # the deviation reason
    assert "2024年" in text


def test_the_spending_rows_come_from_monitoring_at_each_checkpoint() -> None:
    page = build_page(assess(loads(SMALL)))
    spending = page.projects[0].spending
    assert [(s.at, s.planned, s.spent, s.lag, s.light) for s in spending] == [
        ("6月底", "50.00%", "35.00%", "15.00%", "red"),
        ("12月底", "100.00%", "95.00%", "5.00%", "yellow"),
    ]


def test_checkpoints_of_plan_and_spending_merge_in_date_order() -> None:
    spec = loads(SMALL.replace("累计支出：6月底 35%，12月底 95%", "累计支出：3月底 10%，6月底 45%"))
    spending = build_page(assess(spec)).projects[0].spending
    assert [(s.at, s.planned, s.spent, s.spent_from) for s in spending] == [
        ("3月底", "0.00%", "10.00%", "累计支出 spending"),  # before the plan: nothing planned
        ("6月底", "50.00%", "45.00%", "累计支出 spending"),
        # past the last 累计支出, the year's end is 执行数 ÷ 预算 (9500 ÷ 10000), never 45% again
        ("12月底", "100.00%", "95.00%", "全年执行数 ÷ 预算 executed"),
    ]


def test_spending_is_never_carried_past_its_last_checkpoint() -> None:
    """The issue's page: 累计支出 25% at 6月底 and nothing after, 执行数 92% — the year's end
    showed 25%, red.  Now it shows 92% (from 执行数); without 执行数 it shows nothing, grey."""
    text = SMALL.replace("累计支出：6月底 35%，12月底 95%", "累计支出：6月底 25%")
    text = text.replace(
        "支出计划：6月底 50%，12月底 100%", "支出计划：6月底 50%，10月底 80%，12月底 100%"
    )
    with_executed = loads(text.replace("执行数：9500元", "执行数：9200元"))
    rows = build_page(assess(with_executed)).projects[0].spending
    assert [(s.at, s.spent, s.light) for s in rows] == [
        ("6月底", "25.00%", "red"),
        ("10月底", "", "grey"),  # not reported: not 25% carried forward
        ("12月底", "92.00%", "yellow"),
    ]
    assert rows[1].spent_from == "未报 not reported"
    without = loads(text.replace("  执行数：9500元\n", ""))
    rows = build_page(assess(without)).projects[0].spending
    assert [(s.at, s.spent, s.lag, s.light) for s in rows] == [
        ("6月底", "25.00%", "25.00%", "red"),
        ("10月底", "", "", "grey"),
        ("12月底", "", "", "grey"),
    ]
    numbers, _ = page_numbers(render_report(assess(without)))
    assert numbers["p1.spending.2.spent"] == "—"


def test_the_year_end_comes_from_the_adjusted_budget_where_one_is_given() -> None:
    text = SMALL.replace("累计支出：6月底 35%，12月底 95%", "累计支出：6月底 35%")
    spec = loads(text.replace("执行数：9500元", "执行数：9500元\n  调整后预算：12500元"))
    (_, year_end) = build_page(assess(spec)).projects[0].spending
    assert (year_end.at, year_end.spent) == ("12月底", "76.00%")  # 9500 ÷ 12500


def test_without_a_year_the_page_says_which_year_it_used() -> None:
    spec = loads(SMALL.replace("  年度：2024\n", ""))
    page = build_page(assess(spec))
    assert not page.year_given
    assert "规格未写明年度" in render_report(assess(spec))
    assert build_page(assess(spec, year=2023)).year == 2023
    with pytest.raises(InvalidValueError, match="年度"):
        assess(spec, year=0)


def test_a_spec_with_nothing_to_score_still_makes_a_page() -> None:
    spec = loads("部门 1 示例局\n  年度：2025\n\n项目 6-13\n  暂不公开：涉密\n")
    numbers, text = page_numbers(render_report(assess(spec)))
    assert numbers == {**expected_numbers(spec), **expected_facts(spec)}
    assert numbers["department.projects"] == "0"
    assert "示例局" in text


def test_the_page_is_self_contained(example_html: str) -> None:
    lowered = example_html.lower()
    assert "<link" not in lowered
    assert "@import" not in lowered
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", lowered)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", lowered)
    assert not re.search(r"<script[^>]*\bsrc=", lowered)
    assert echarts_source()[:2000] in example_html  # the library itself, inlined


def test_user_text_is_escaped_and_kept() -> None:
    hostile = '</script><script>alert("x")</script>&amp;'
    spec = loads(SMALL.replace("项目 1 法律援助", f"项目 1 {hostile}"))
    html = render_report(assess(spec))
    assert "<script>alert" not in html
    _, text = page_numbers(html)
    assert hostile in text  # shown as written
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    assert data is not None and "</" not in data.group(1)
    assert json.loads(data.group(1))["projects"][0]["label"] == f"1 {hostile}"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=specs(max_projects=3), year=st.integers(1990, 2100))
def test_any_spec_shows_the_scorings_numbers_and_all_its_text(spec, year) -> None:  # type: ignore[no-untyped-def]
    if spec.rules is not None and spec.rules not in RULE_SETS:
        with pytest.raises(UnknownRuleSetError, match="未知的评分规则"):
            assess(spec, year=year)
        return
    html = render_report(assess(spec, year=year))
    numbers, text = page_numbers(html)
    expected = {**expected_numbers(spec), **expected_facts(spec)}
    assert {k: numbers.get(k) for k in expected} == expected
    result = score(spec)
    for project in result.projects:
        assert project.name in text
        for item in project.indicators:
            assert item.indicator.name in text
            assert item.indicator.target_text in text
            assert (item.indicator.actual or "") in text


def test_the_shipped_echarts_is_the_recorded_version_with_its_licences() -> None:
    readme = (ASSETS / "README.md").read_text(encoding="utf-8")
    assert f"| 版本 version | {ECHARTS_VERSION} |" in readme
    source = (ASSETS / "echarts.min.js").read_text(encoding="utf-8")
    assert f'"{ECHARTS_VERSION}"' in source  # echarts.version
    import hashlib

    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    assert f"`{digest}`" in readme
    assert "Apache License" in (ASSETS / "ECHARTS-LICENSE").read_text(encoding="utf-8")
    for name in ("ECHARTS-NOTICE", "ECHARTS-LICENSE-d3", "ZRENDER-LICENSE", "TSLIB-LICENSE"):
        assert (ASSETS / name).stat().st_size > 0


def test_without_jinja2_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(ReportError, match=r"pip install 'indicatorkit\[report\]'"):
        render_report(assess(loads(SMALL)))


def test_write_report_writes_utf8_and_refuses_an_unwritable_path(tmp_path: Path) -> None:
    written = write_report(build_page(assess(loads(SMALL))), tmp_path / "报告.html")
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ReportError, match="无法写入报告"):
        write_report(build_page(assess(loads(SMALL))), tmp_path / "missing" / "r.html")


def test_report_verb_exit_codes_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decided = SMALL.replace(
        "    指标值：≥95%\n    依据：调研\n", "    指标值：≥95%\n    依据：调研\n    实际值：96%\n"
    )
    clean = tmp_path / "clean.ikspec"
    clean.write_text(decided, encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(clean), "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert "已写入 wrote" in printed.out and printed.err == ""
    numbers, _ = page_numbers(out.read_text(encoding="utf-8"))
    assert numbers == {
        **expected_numbers(loads(decided)),
        **expected_spending(loads(decided)),
        **expected_facts(loads(decided)),
    }

    assert main(["report", str(clean), "-o", str(out), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["html"] == str(out) and summary["pdf"] is None
    assert summary["department"]["total_display"] == numbers["department.total"]

    assert main(["report", str(EXAMPLE), "-o", str(out), "-q"]) == 1  # lint errors (IK201)
    assert capsys.readouterr().out == ""
    assert main(["report", str(clean)]) == 2  # no output named
    assert "-o" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "none.ikspec"), "-o", str(out)]) == 2
    assert main(["report", str(clean), "-o", str(tmp_path / "no" / "r.html")]) == 2
    assert main(["report", str(clean), "-o", str(out), "--rules", "nosuch"]) == 2
    assert main(["report", str(clean), "-o", str(out), "--year", "0"]) == 2
    assert main(["report", str(clean), "-o", str(out), "-q"]) == 0
    capsys.readouterr()
    assert main(["report", str(clean), "-o", "-"]) == 0  # the page on standard output
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")
    assert main(["report", str(clean), "-o", "-", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_a_bare_pdf_flag_goes_beside_the_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[str] = []

    def fake_print(html: str, path: str, **_: object) -> Path:
        printed.append(str(path))
        return Path(path)

    monkeypatch.setattr("indicatorkit.formats.html_report_pdf.print_pdf", fake_print)
    spec = tmp_path / "s.ikspec"
    spec.write_text(SMALL, encoding="utf-8")
    main(["report", str(spec), "-o", str(tmp_path / "r.html"), "--pdf"])
    main(["report", str(spec), "--pdf", str(tmp_path / "only.pdf")])
    assert printed == [str(tmp_path / "r.pdf"), str(tmp_path / "only.pdf")]
    assert not (tmp_path / "only.html").exists()


def test_no_chromium_is_an_input_error_naming_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INDICATORKIT_CHROMIUM", str(tmp_path / "no-chromium"))
    spec = tmp_path / "s.ikspec"
    spec.write_text(SMALL, encoding="utf-8")
    assert main(["report", str(spec), "--pdf", str(tmp_path / "r.pdf")]) == 2
    assert "apt-get install chromium" in capsys.readouterr().err


BARE = """\
部门 1 示例局
  年度：2024

项目 1 法律援助
  预算：10000元
  执行数：9500元
  指标 产出指标 / 数量指标 / 受理数
    指标值：≥200件
    依据：调研
  指标 效益指标 / 社会效益指标 / 知晓率
    指标值：≥90%
    依据：调研
  指标 满意度指标 / 服务对象满意度指标 / 满意度
    指标值：≥95%
    依据：调研
"""
ACTUALS = "项目,三级指标,实际值\n1,受理数,210件\n1,知晓率,95%\n1,满意度,96%\n"


def test_the_report_lints_the_spec_with_its_actuals_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: lint ran on the spec alone, so every indicator whose actual the page shows
    also had an IK209 "没有实际值"; the command's summary counted other findings than the page."""
    spec, actuals = tmp_path / "s.ikspec", tmp_path / "a.csv"
    spec.write_text(BARE, encoding="utf-8")
    actuals.write_text(ACTUALS, encoding="utf-8")
    assert main(["lint", str(spec), "--format", "json"]) == 0
    alone = [f["code"] for f in json.loads(capsys.readouterr().out)]
    assert alone.count("IK209") == 3  # the spec alone has no actuals
    out = tmp_path / "r.html"
    assert main(["report", str(spec), str(actuals), "-o", str(out), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    numbers, text = page_numbers(out.read_text(encoding="utf-8"))
    assert "IK209" not in text and "没有实际值" not in text
    assert "findings.code.IK209" not in numbers
    for severity in ("error", "warning", "info"):  # the summary counts what the page shows
        assert summary["findings"][severity] == int(numbers[f"findings.{severity}"])
    merged = tmp_path / "merged.ikspec"  # the same spec with the actuals written in it
    merged.write_text(
        BARE.replace("≥200件\n    依据：调研\n", "≥200件\n    依据：调研\n    实际值：210件\n")
        .replace("≥90%\n    依据：调研\n", "≥90%\n    依据：调研\n    实际值：95%\n")
        .replace("≥95%\n    依据：调研\n", "≥95%\n    依据：调研\n    实际值：96%\n"),
        encoding="utf-8",
    )
    assert main(["lint", str(merged), "--format", "json"]) == 0
    linted = json.loads(capsys.readouterr().out)
    assert summary["findings"]["warning"] == sum(f["severity"] == "warning" for f in linted)
    assert sum(summary["findings"].values()) == len(linted)


def test_a_partial_actuals_file_counts_the_same_on_the_page_and_in_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec, actuals = tmp_path / "s.ikspec", tmp_path / "a.csv"
    spec.write_text(BARE, encoding="utf-8")
    actuals.write_text(ACTUALS.replace("1,满意度,96%\n", "1,满义度,96%\n"), encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(spec), str(actuals), "-o", str(out), "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    numbers, _ = page_numbers(out.read_text(encoding="utf-8"))
    assert numbers["findings.code.IK404"] == "1"  # the misspelt row
    for severity in ("error", "warning", "info"):
        assert summary["findings"][severity] == int(numbers[f"findings.{severity}"])


def test_no_findings_leaves_the_appendix_out_but_not_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(EXAMPLE), "-o", str(out), "--no-findings", "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["findings"]["error"] == 2  # the seed's ,=100 typos are still counted
    html = out.read_text(encoding="utf-8")
    numbers, text = page_numbers(html)
    assert 'id="findings"' not in html and "IK201" not in text
    assert not any(key.startswith("findings.") for key in numbers)
    full, _ = page_numbers(render_report(assess(load(EXAMPLE))))
    assert {k: v for k, v in full.items() if not k.startswith("findings.")} == numbers


def test_money_is_in_wan_yuan_with_separators_and_the_exact_amount_kept() -> None:
    """Before: the page printed ``1584060.0832元``."""
    spec = loads(
        SMALL.replace("预算：10000元", "预算：123456789.0832元").replace(
            "执行数：9500元", "执行数：1584060.0832元\n  调整后预算：120000000元"
        )
    )
    html = render_report(assess(spec))
    numbers, text = page_numbers(html)
    assert "1584060.0832元" not in text  # not as text: only in a tooltip
    assert 'title="1584060.0832元"' in html
    assert numbers["p1.funds.0.initial"] == "12,345.68万元"  # the declared budget
    assert numbers["p1.funds.0.budget"] == "12,000.00万元"  # the adjusted one
    assert numbers["p1.funds.0.executed"] == "158.41万元"
    section = build_page(assess(spec)).projects[0]
    assert (section.budget.shown, section.executed.shown) == ("12,000.00万元", "158.41万元")


def test_the_goal_and_the_conclusions_are_shown() -> None:
    spec = loads(
        SMALL.replace(
            "  执行数：9500元\n",
            "  绩效目标：全年受理法律援助案件不少于200件\n  执行数：9500元\n"
            "  评价结论：基本完成\n  存在问题：宣传不足\n    | 基层覆盖少\n  改进措施：加强宣传\n",
        )
    )
    numbers, text = page_numbers(render_report(assess(spec)))
    assert numbers["p1.goal"] == "全年受理法律援助案件不少于200件"
    assert numbers["p1.goal_outcome"] == "—"
    assert numbers["p1.conclusion"] == "基本完成"
    assert numbers["p1.problems"] == "宣传不足\n基层覆盖少"
    assert numbers["p1.improvements"] == "加强宣传"
    assert "评价结论" in text and "Goal and what was achieved" in text
    bare, bare_text = page_numbers(render_report(assess(loads(SMALL))))
    assert "p1.goal" not in bare and "评价结论" not in bare_text


def test_every_table_scrolls_in_its_own_box_and_pages_are_numbered_in_print() -> None:
    html = render_report(assess(load(EXAMPLE)))
    assert html.count("<table") == html.count('<div class="scroll"><table') > 0
    assert ".scroll { overflow-x: auto;" in html
    assert "counter(page)" in html and "counter(pages)" in html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=specs(max_projects=3), year=st.integers(1990, 2100))
def test_spending_shown_is_only_what_the_table_or_the_executed_amount_says(spec, year) -> None:  # type: ignore[no-untyped-def]
    """A law over any spec: at every checkpoint the spending shown is the table's 累计支出 at
    that very checkpoint, or at 12月底 the executed amount ÷ the budget, or nothing — never a
    share carried over from an earlier checkpoint."""
    by_number = {p.number: p for p in spec.projects}
    for spending in spending_by_checkpoint(spec, year):
        project = by_number[spending.number]
        told = {
            (c.by.year, *c.by.key()): c.share.normalized
            for c in (project.spent.checkpoints if project.spent is not None else ())
        }
        for checkpoint in spending.checkpoints:
            key = (checkpoint.at.year, *checkpoint.at.key())
            if checkpoint.spent_from == "spent":
                assert checkpoint.line.spent == told[key]
            elif checkpoint.spent_from == "executed":
                assert key[1:] == (12, 31) and key not in told
                budget = project.adjusted_budget or project.budget.total  # type: ignore[union-attr]
                assert project.executed is not None
                assert checkpoint.line.spent == project.executed.normalized / budget.normalized
            else:
                assert key not in told and checkpoint.line.spent is None
                assert checkpoint.line.light.value == "grey"


def test_the_central_tables_initial_budget_fund_sources_and_goal_outcome_are_shown() -> None:
    """The fields the central 自评表 reads (年初预算数, the rows under 年度资金总额, 实际完成情况)."""
    spec = loads(
        SMALL.replace(
            "  执行数：9500元\n",
            "  绩效目标：全年受理案件不少于200件\n  执行数：9500元\n  年初预算：8000元\n"
            "  资金来源：当年财政拨款 年初 8000元 全年 9000元 执行 8600元；上年结转资金 全年 1000元 执行 900元\n"
            "  目标完成情况：全年受理 150 件\n",
        )
    )
    numbers, text = page_numbers(render_report(assess(spec)))
    assert numbers == {**expected_numbers(spec), **expected_spending(spec), **expected_facts(spec)}
    assert numbers["p1.funds.0.initial"] == "0.80万元"
    assert numbers["p1.funds.1.budget"] == "0.90万元" and "当年财政拨款" in text
    assert numbers["p1.funds.2.initial"] == "—" and numbers["p1.funds.2.executed"] == "0.09万元"
    assert numbers["p1.goal_outcome"] == "全年受理 150 件"
    funds = build_page(assess(spec)).projects[0].facts.funds
    assert [row.rate for row in funds] == ["95.00%", "95.56%", "90.00%"]
