"""The scored report as one self-contained HTML page people look at: the department's
roll-up, a table per project, a chart of scores per level-1 indicator, spending against plan
at each checkpoint and the findings — of an
:class:`~indicatorkit.scoring.assessment.Assessment` worked out by the caller.

The page works offline (an intranet, no CDN, no web fonts): the chart library, Apache
ECharts, is shipped in the wheel (``html_report_assets/``, with its licence) and inlined.  It
needs jinja2, the ``report`` extra: ``pip install 'indicatorkit[report]'``.

>>> from indicatorkit import loads
>>> from indicatorkit.scoring.assessment import assess
>>> spec = loads('''
... 项目 1 法律援助
...   预算：10000元
...   执行数：9500元
...   指标 产出指标 / 数量指标 / 受理数
...     指标值：≥200件
...     实际值：150件
... ''')
>>> html = render_report(assess(spec, year=2025))
>>> html.startswith("<!DOCTYPE html>"), 'data-key="p1.i0.score">37.50<' in html
(True, True)
>>> "https://cdn" in html or "<link" in html        # nothing fetched from elsewhere
False
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from indicatorkit.distribution import version
from indicatorkit.formats.html_report_page import ReportError, ReportPage, build_page
from indicatorkit.formats.output import OutputError, OutputIsInputError, write_text
from indicatorkit.scoring.assessment import Assessment

__all__ = [
    "ECHARTS_VERSION",
    "ReportError",
    "echarts_source",
    "page_style",
    "render_page",
    "render_report",
    "render_template",
    "script_json",
    "write_report",
]

#: The version of ``html_report_assets/echarts.min.js`` (its README records where it came from).
ECHARTS_VERSION = "6.1.0"
_ASSETS = "html_report_assets"
EXTRA_HINT = "pip install 'indicatorkit[report]'"


def _asset(name: str) -> str:
    return (resources.files("indicatorkit.formats") / _ASSETS / name).read_text(encoding="utf-8")


def echarts_source() -> str:
    """The shipped ``echarts.min.js``, safe to put inside a ``<script>`` element.

    >>> source = echarts_source()
    >>> len(source) > 500_000 and "</script" not in source.lower()
    True
    """
    source = _asset("echarts.min.js")
    # a `</script` inside the code would end the element early; `<\/` means the same in JS
    return source.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def _chart_data(page: ReportPage) -> str:
    data: dict[str, Any] = {
        "level1_names": list(page.level1_names),
        "projects": [
            {
                "number": project.number,
                "label": f"{project.number} {project.name}",
                "levels": {
                    level.level1: {
                        "score": level.score_value,
                        "weight": level.weight_value,
                        "points": level.points,
                    }
                    for level in project.levels
                },
                "spending": [
                    {"at": point.at, "planned": point.planned, "spent": point.spent}
                    for point in project.spending
                ],
            }
            for project in page.projects
        ],
    }
    return script_json(data)


def script_json(data: Any) -> str:
    """``data`` as JSON safe inside a ``<script>`` element (no ``</script>``, no ``<!--``;
    U+2028/2029 are fine in ``JSON.parse``).

    >>> script_json({"name": "</script>&"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_style() -> str:
    """The pages' shared style sheet (``html_report_assets/report.css``), inlined by each page.

    >>> "@page" in page_style() and "</style" not in page_style()
    True
    """
    return _asset("report.css")


def render_page(page: ReportPage) -> str:
    """The HTML of a page built by :func:`~indicatorkit.formats.html_report_page.build_page`.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> from indicatorkit.scoring.assessment import assess
    >>> html = render_page(build_page(assess(spec, year=2025), title="法律援助自评"))
    >>> "<title>法律援助自评</title>" in html, 'data-key="p1.total">47.00<' in html
    (True, True)
    """
    return render_template("report.html.j2", page, _chart_data(page))


def render_template(name: str, page: object, chart_data: str) -> str:
    """The asset template ``name`` rendered with ``page``, the chart's JSON ``chart_data``
    (already safe inside a script tag), the style sheet and ECharts inlined — no network.

    >>> from indicatorkit.formats.html_report_bureau import build_bureau_page
    >>> from indicatorkit.scoring.departments import score_departments
    >>> page = build_bureau_page(score_departments([]), title="某局")
    >>> html = render_template("bureau.html.j2", page, "{}")
    >>> html.startswith("<!DOCTYPE html>"), "<title>某局</title>" in html
    (True, True)
    """
    try:
        import jinja2
        from markupsafe import Markup
    except ImportError as error:
        if error.name not in ("jinja2", "markupsafe"):
            raise
        raise ReportError(
            f"HTML 报告需要 jinja2，请安装：{EXTRA_HINT} "
            f"(the HTML report needs jinja2: {EXTRA_HINT})"
        ) from None
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    template = environment.from_string(_asset(name))
    return template.render(
        page=page,
        version=version(),
        echarts_version=ECHARTS_VERSION,
        style=Markup(page_style()),
        echarts=Markup(echarts_source()),
        chart_data=Markup(chart_data),
    )


def render_report(
    assessment: Assessment, *, title: str | None = None, with_findings: bool = True
) -> str:
    """The report of ``assessment`` as one self-contained HTML page:
    :func:`render_page` of :func:`~indicatorkit.formats.html_report_page.build_page`.

    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> html = render_report(assess(spec, year=2025))
    >>> "<title>2025年 预算绩效自评报告</title>" in html, 'data-key="findings.warning">3<' in html
    (True, True)
    >>> 'id="findings"' in render_report(assess(spec, year=2025), with_findings=False)
    False
    """
    return render_page(build_page(assessment, title=title, with_findings=with_findings))


def write_report(
    page: ReportPage,
    path: str | os.PathLike[str],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write :func:`render_page` of ``page`` to ``path`` (UTF-8, whole or not at all; one of
    ``inputs`` is refused: :mod:`~indicatorkit.formats.output`); the path written.  A file
    that cannot be written is a :class:`ReportError` naming it.

    >>> import tempfile, pathlib
    >>> from indicatorkit import loads
    >>> from indicatorkit.scoring.assessment import assess
    >>> spec = loads("项目 1 法律援助\\n  预算：10000元\\n  执行数：9500元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n    实际值：150件\\n")
    >>> page = build_page(assess(spec, year=2025))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_report(page, pathlib.Path(folder) / "报告.html")
    ...     print(path.name, path.read_text(encoding="utf-8")[:15])
    ...     try:
    ...         write_report(page, pathlib.Path(folder) / "没有的目录" / "报告.html")
    ...     except ReportError as error:
    ...         print("没有的目录" in str(error), "无法写入报告 / cannot write the report" in str(error))
    报告.html <!DOCTYPE html>
    True True
    """
    html = render_page(page)
    target = Path(path)
    try:
        write_text(target, html, inputs=inputs)
    except OutputIsInputError:
        raise
    except OutputError as error:
        raise ReportError(
            f"{target}: 无法写入报告 / cannot write the report: {error.reason}"
        ) from None
    return target
