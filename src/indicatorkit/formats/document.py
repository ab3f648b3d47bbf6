"""The document form of a 绩效目标 publication: a department's goals in prose, programme goal
lists written inline, and tables — one declaration table per project (layout A), or
self-assessment tables (layout B, C …).

This is how the seed (``examples/seed/000_878df4ebd272f24d.txt``) and the Word files it was
taken from are written.  :func:`read_document` assembles a :class:`~indicatorkit.model.records.Spec`
from the document's :mod:`paragraphs and tables <indicatorkit.formats.document_blocks>`: the
prose gives the department (:mod:`~indicatorkit.formats.document_prose`: the overall goal and
numbered goals, programmes with their inline lists, measures), the tables and the titles above
them give the projects (:mod:`~indicatorkit.formats.document_tables`: ``N.名称绩效目标表``,
``6-13号项目…暂不公开``, each table read by the layout readers every container shares).  Labels
are compared without their spaces (``绩 效 目 标``); a paragraph the reader does not understand
is a finding, never dropped silently; findings are given in document order
(:mod:`~indicatorkit.formats.document_findings`).

>>> from indicatorkit.formats.document_blocks import text_parts
>>> text = '''1.法律援助绩效目标表
... \\t315001玉田县司法局本级
... \\t单位：元
...
... \\t一级指标
... \\t二级指标
... \\t三级指标
... \\t绩效指标描述
... \\t指标值
... \\t指标值确定依据
...
... \\t产出指标
... \\t数量指标
... \\t受理数
... \\t受理数
... \\t≥180件
... \\t调研
... '''
>>> imported = read_document(text_parts(text), source="表.txt")
>>> project = imported.spec.projects[0]
>>> project.name, project.unit, str(project.indicators[0].target)
('法律援助', '315001玉田县司法局本级', '≥180件')
>>> imported.findings
()
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.document_blocks import Paragraph, Table, text_parts
from indicatorkit.formats.document_department_tables import join_departments
from indicatorkit.formats.document_findings import DocumentFindings
from indicatorkit.formats.document_prose import DocumentProse
from indicatorkit.formats.document_tables import DocumentTables
from indicatorkit.formats.format import Format, Holds, Input
from indicatorkit.formats.imported import Imported, spec_units
from indicatorkit.model.findings import WHOLE, Finding, Severity
from indicatorkit.model.records import Spec

__all__ = ["CODES", "DOCUMENT", "read_document"]

#: The codes this reader reports, with what each means (a table's own are the layout
#: readers': ``formats.workbook_read.CODES``, ``formats.central_layout.CODES``).
CODES: dict[str, str] = {
    "IK610": "指标值按宽松规则读出（笔误已修复）/ a target read leniently (a typo repaired)",
    "IK611": "指标值无法读出，该指标未导入 / a target that cannot be read; the indicator is not imported",
    "IK612": "括号没有闭合 / a parenthesis never closed",
    "IK613": "分项指标只写了两级 / an inline indicator with two levels only",
    "IK614": "编号不连续 / numbering skips a number",
    "IK615": "年度由文中提到的最晚年份推断 / the year taken from the latest year the text mentions",
    "IK617": "段落无法识别，未导入 / a paragraph not understood, not imported",
    "IK618": "金额或比例无法读出 / an amount or a share that cannot be read",
    "IK619": "同一信息前后不一致 / the same fact given two ways",
    "IK620": "项目编号重复 / a project number given twice",
    "IK621": "表上方没有编号标题，项目按顺序编号 / a table with no numbered title: the project numbered in order",
    "IK622": "文档里没有可导入的内容 / nothing to import in the document",
}


def read_document(parts: Sequence[Paragraph | Table], *, source: str) -> Imported:
    """Assemble the spec a document's paragraphs and tables describe (see the module).

    >>> from indicatorkit.formats.document_blocks import text_parts
    >>> text = "一、总体绩效目标\\n总体绩效目标是：做好法律援助。\\n1.办理法律援助案件180件。\\n说不清的一段\\n"
    >>> imported = read_document(text_parts(text), source="说明.txt")
    >>> department = imported.spec.department
    >>> department.overall_goal, [(g.number, [str(a) for a in g.figures]) for g in department.goals]
    ('做好法律援助。', [(1, ['180件'])])
    >>> [(f.code, f.place) for f in imported.findings]
    [('IK617', '说明.txt:4:1')]
    """
    return _read_parts(parts, source)


def _read_parts(parts: Sequence[Paragraph | Table], source: str) -> Imported:
    said = DocumentFindings(source)
    said.end = len(parts)
    prose, tables = DocumentProse(said), DocumentTables(said)
    for said.part, part in enumerate(parts):
        if isinstance(part, Table):
            if part.grid.cells:
                tables.table(part)
        elif prose.heading(part):
            tables.close()
        elif tables.title(part):
            prose.section = "projects"
        else:
            prose.body(part)
    spec = _spec(prose, tables, said)
    if spec is None and not tables.refused:
        said.add(
            Finding(
                "IK622",
                Severity.ERROR,
                "文档里没有可导入的项目或部门 (nothing to import in the document)",
                WHOLE,
                file=source,
                suggestion="检查是否选错了文件 / check the file",
            ),
            said.end,
        )
    return Imported(spec, said.in_order(), source)


def _spec(prose: DocumentProse, tables: DocumentTables, said: DocumentFindings) -> Spec | None:
    """The spec of the projects the tables hold and the department the prose describes."""
    projects = tables.projects()
    stated = tables.departments[0].department if tables.departments else None
    department = join_departments(prose.department(projects, stated), tables.departments, said)
    if department is None and not projects:
        return None
    try:
        return Spec(department, projects, units=spec_units(department, projects))
    except IndicatorkitError as error:  # indicators are checked one by one before
        said.add(Finding("IK619", Severity.ERROR, str(error), 1, file=said.source), said.part + 1)
        return None


# --- the format ---------------------------------------------------------------------------------


def _read(given: Input) -> Imported:
    """The document form of a text; a text that is none (no declaration, no table) is IK601."""
    imported = read_document(text_parts(given.text, source=given.source), source=given.source)
    if imported.spec is not None:
        return imported
    finding = Finding(
        "IK601",
        Severity.ERROR,
        "不是能识别的绩效目标文档、规格文件、JSON 或 CSV 长表 (not a performance-target "
        "document, spec file, JSON or CSV long table this reader knows)",
        WHOLE,
        suggestion="实际值表请用 indicatorkit check 或 score / for an actuals table use "
        "`indicatorkit check` or `score`",
        file=given.source,
    )
    return Imported(None, (finding,), given.source)


#: Any other text (tried last): the seed's document form, or a self-assessment table as text.
DOCUMENT: Final = Format(
    "document",
    "文档的文本形式 / the text form of a document",
    (".txt",),
    sniff=lambda probe: probe.first_line is not None,
    read=_read,
    text=True,
    holds=Holds.ROWS,
)
