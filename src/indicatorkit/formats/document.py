"""The document form of a 绩效目标 publication: a department's goals in prose, programme goal
lists written inline, and tables — one declaration table per project (layout A), or
self-assessment tables (layout B, C …).

This is how the seed (``examples/seed/000_878df4ebd272f24d.txt``) and the Word files it was
taken from are written.  :func:`read_document` assembles a :class:`~indicatorkit.model.records.Spec`
from the document's :mod:`paragraphs and tables <indicatorkit.formats.document_blocks>`.  The
paragraphs are read here, by what they say rather than where they stand:

- ``一、总体绩效目标`` — ``总体绩效目标是：…`` and numbered goals (``1.…``; the figures a goal
  states, ``20000份``, are read from it);
- ``二、分项绩效目标`` — a paragraph ``“法治宣传”项目…`` opens a programme; its ``绩效目标：…``
  paragraph gives the summary, the spending plan and the inline list
  (:mod:`~indicatorkit.formats.document_lists`);
- ``三、工作保障措施`` — titles ending in ``措施：`` and their numbered items;
- ``N.名称绩效目标表`` titles project N, and ``6-13号项目…暂不公开`` withholds a range.

The tables are grids, read by the layout readers every container shares
(:func:`~indicatorkit.formats.workbook_read.read_grids`): the tables under one title are read
as one grid, the first project they hold takes the title's number and name, any other is
numbered in order (IK621 when the document numbers its tables).  What a layout reader says about
a cell is placed where the cell stands in the document (a line of the text form, ``表T!C4`` in
Word).  Labels are compared without their spaces (``绩 效 目 标``); a paragraph the reader does
not understand is a finding, never dropped silently.

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

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.document_blocks import (
    Paragraph,
    Spot,
    Table,
    compact,
    stack_tables,
    text_parts,
)
from indicatorkit.formats.document_lists import InlineLists
from indicatorkit.formats.format import Format, Holds, Input
from indicatorkit.formats.grid import key
from indicatorkit.formats.imported import Imported, spec_units
from indicatorkit.formats.table_words import is_title
from indicatorkit.formats.workbook_read import read_grids
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import (
    Department,
    DepartmentGoal,
    Indicator,
    Location,
    MeasureGroup,
    Programme,
    Project,
    Spec,
    Where,
)

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

_SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(.+)$")
_NUMBERED = re.compile(r"^(\d+)\s*[.．、]\s*(.*)$", re.DOTALL)
_PROGRAMME = re.compile(r"^“([^”]+)”项目")
_TABLE_TITLE = re.compile(r"^(\d+)\s*[.．、]\s*(.*?)\s*绩效目标表$")
_WITHHELD = re.compile(r"^(\d+)\s*[-—－~～至到]\s*(\d+)\s*号?项目.*暂不公开")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_UNIT_NAME = re.compile(r"^([A-Za-z0-9]+)(.+)$")
#: Dimensions a goal's figure is not counted in: years and months, shares, money.
_NOT_FIGURES = frozenset({"[month]", "[day]", "[ratio]", "[money]"})
#: The labels a project's table starts at (as the layout readers split a grid into projects).
_PROJECT_LABELS = ("项目名称", "部门名称", "部门(单位)名称")


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
    return _Reader(source).read(parts)


@attrs.define
class _Slot:
    """A place for projects: a numbered title (``number``), a withheld number, or tables with
    no title above them (``number`` None)."""

    number: int | None
    name: str
    where: Where
    #: The index of the part (paragraph or table) the slot starts at: its findings' place in
    #: the order of findings.
    part: int
    withheld: str | None = None
    tables: list[Table] = attrs.Factory(list)
    #: The part index of each table (a finding about a cell goes where its table stands).
    parts: list[int] = attrs.Factory(list)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        #: Each finding with the index of the part it is about (findings go in document order).
        self.findings: list[tuple[int, Finding]] = []
        self.part = self.end = 0
        self.section = ""
        self.overall = ""
        self.goals: list[DepartmentGoal] = []
        self.programmes: list[Programme] = []
        self.measures: list[MeasureGroup] = []
        self.measure_items: list[list[str]] = []
        self.programme_indicators: list[list[Indicator]] = []
        self.slots: list[_Slot] = []
        self.years: list[tuple[int, Paragraph, int]] = []
        self.lists = InlineLists(self.say)

    def say(
        self,
        code: str,
        severity: Severity,
        message: str,
        at: Paragraph,
        column: int = 1,
        *,
        length: int | None = None,
        suggestion: str | None = None,
        part: int | None = None,
    ) -> None:
        column += at.offset
        self.add(
            Finding(
                code,
                severity,
                message,
                at.line,
                column,
                end_column=None if length is None else column + length,
                source_line=" " * at.offset + at.text,
                suggestion=suggestion,
                file=self.source,
            ),
            part,
        )

    def add(self, finding: Finding, part: int | None = None) -> None:
        self.findings.append((self.part if part is None else part, finding))

    # --- the document ---------------------------------------------------------------------

    def read(self, parts: Sequence[Paragraph | Table]) -> Imported:
        self.end = len(parts)
        for self.part, part in enumerate(parts):
            if isinstance(part, Paragraph):
                self.paragraph(part)
            elif part.grid.cells:
                self.table(part)
        spec = self.spec()
        if spec is None:
            self.add(
                Finding(
                    "IK622",
                    Severity.ERROR,
                    "文档里没有可导入的项目或部门 (nothing to import in the document)",
                    1,
                    file=self.source,
                    suggestion="检查是否选错了文件 / check the file",
                ),
                self.end,
            )
        order = sorted(self.findings, key=lambda item: item[0])
        return Imported(spec, tuple(finding for _, finding in order), self.source)

    def table(self, table: Table) -> None:
        """A table belongs to the title above it; with none, to the untitled tables there."""
        last = self.slots[-1] if self.slots else None
        if last is None or last.withheld is not None:
            line = table.first_line
            last = _Slot(None, "", Where(Location(line)), self.part)
            self.slots.append(last)
        last.tables.append(table)
        last.parts.append(self.part)

    def spec(self) -> Spec | None:
        projects: list[Project] = []
        numbered = any(slot.number is not None and slot.withheld is None for slot in self.slots)
        highest = 0
        taken: set[int] = set()
        for slot in self.slots:
            for project, first in self.slot_projects(slot, highest + 1, numbered):
                highest = max(highest, project.number)
                if project.number in taken:
                    self.add(
                        Finding(
                            "IK620",
                            Severity.ERROR,
                            f"项目编号 {project.number} 重复，后一个未导入 (project number "
                            f"{project.number} given twice; the later one is not imported)",
                            first,
                            file=self.source,
                        ),
                        slot.part,
                    )
                    continue
                taken.add(project.number)
                projects.append(project)
        department = self.department(projects)
        if department is None and not projects:
            return None
        try:
            return Spec(department, projects, units=spec_units(department, projects))
        except IndicatorkitError as error:  # indicators are checked one by one before
            self.add(
                Finding("IK619", Severity.ERROR, str(error), 1, file=self.source), self.part + 1
            )
            return None

    def slot_projects(
        self, slot: _Slot, following: int, numbered: bool
    ) -> list[tuple[Project, int]]:
        """The projects of a slot with the line each starts at: a withheld number; the
        projects its tables hold (the first one titled by the slot, the others numbered in
        order from ``following``); a title with no table under it, a project by its name."""
        at = slot.where.at.line
        if slot.withheld is not None:
            assert slot.number is not None
            return [(Project(slot.number, withheld=slot.withheld, where=slot.where), at)]
        read = self.read_tables(slot) if slot.tables else []
        if slot.number is not None and not read:
            return [(Project(slot.number, slot.name, where=slot.where), at)]
        found: list[tuple[Project, int]] = []
        if slot.number is not None:
            found.append((self.titled(read[0][0], slot), at))
            following = max(following, slot.number + 1)
        for project, spot in read[len(found) :]:
            number = following + len(found) - (slot.number is not None)
            if numbered:
                self.add(
                    Finding(
                        "IK621",
                        Severity.INFO,
                        f"这张表上方没有“N.名称绩效目标表”标题，项目按顺序编为 {number} (no "
                        f"numbered title above this table: the project is numbered {number} "
                        "in order)",
                        spot.line,
                        file=self.source,
                        sheet=spot.sheet,
                    ),
                    slot.part,
                )
            where = Where(Location(spot.line))
            found.append((attrs.evolve(project, number=number, where=where), spot.line))
        return found

    def read_tables(self, slot: _Slot) -> list[tuple[Project, Spot]]:
        """The projects the slot's tables hold, read as one grid by the layout readers, each
        with the spot its table starts at (the k-th at the k-th 项目名称 row, as the layout
        readers split a grid)."""
        name = slot.tables[0].grid.name
        table = stack_tables(slot.tables, name=name)
        imported = read_grids([table.grid], source=self.source)
        ends = list(itertools.accumulate(t.grid.rows for t in slot.tables))
        for finding in imported.findings:
            if finding.sheet is None and finding.code == "IK701":  # said as IK622
                continue
            index = bisect.bisect_left(ends, finding.line) if finding.sheet is not None else 0
            self.add(table.relocate(finding), slot.parts[min(index, len(ends) - 1)])
        projects = imported.spec.projects if imported.spec is not None else ()
        grid = table.grid
        starts = [
            row
            for row in grid.sorted_rows
            if any(key(c.text) in _PROJECT_LABELS for c in grid.own_cells(row))
        ] or [min(grid.sorted_rows)]
        return [
            (project, table.locate(starts[min(index, len(starts) - 1)], 1))
            for index, project in enumerate(projects)
        ]

    def titled(self, project: Project, slot: _Slot) -> Project:
        """The first project under a title: the title's number and name."""
        assert slot.number is not None
        if slot.name and project.name and compact(project.name) != compact(slot.name):
            self.add(
                Finding(
                    "IK619",
                    Severity.WARNING,
                    f"表中项目名称“{project.name}”与标题“{slot.name}”不同，取标题 (the table's "
                    "project name differs from the title's; the title is kept)",
                    slot.where.at.line,
                    file=self.source,
                ),
                slot.part,
            )
        return attrs.evolve(
            project, number=slot.number, name=slot.name or project.name, where=slot.where
        )

    def department(self, projects: Sequence[Project]) -> Department | None:
        if not (self.overall or self.goals or self.programmes or self.measures):
            return None
        code, name = self.department_unit(projects)
        year = None
        if self.years:
            year, paragraph, self.part = max(self.years, key=lambda item: item[0])
            self.say(
                "IK615",
                Severity.INFO,
                f"文中没有写明年度，取提到的最晚年份 {year} (no year is stated; the latest year "
                f"mentioned, {year}, is taken)",
                paragraph,
                paragraph.text.find(f"{year}年") + 1,
                length=5,
            )
        return Department(
            code,
            name,
            year,
            overall_goal=self.overall,
            goals=self.goals,
            programmes=[
                attrs.evolve(programme, indicators=indicators)
                for programme, indicators in zip(
                    self.programmes, self.programme_indicators, strict=True
                )
            ],
            measures=[
                attrs.evolve(group, items=items)
                for group, items in zip(self.measures, self.measure_items, strict=True)
            ],
        )

    def department_unit(self, projects: Sequence[Project]) -> tuple[str, str]:
        """The department's code and name: the unit the first table names (each other unit
        that differs is said)."""
        units = [project for project in projects if project.unit]
        if not units:
            return "", ""
        first = units[0].unit
        for project in units[1:]:
            if project.unit != first:
                self.add(
                    Finding(
                        "IK619",
                        Severity.WARNING,
                        f"项目 {project.number} 的单位“{project.unit}”与第一张表的“{first}”不同，"
                        "部门取后者 (the unit differs from the first table's; the department is "
                        "the first)",
                        project.where.at.line if project.where else 1,
                        file=self.source,
                    ),
                    self.part,
                )
        match = _UNIT_NAME.match(first)
        return (match[1], match[2]) if match else ("", first)

    # --- paragraphs -----------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        self.years.extend((int(year), paragraph, self.part) for year in _YEAR.findall(text))
        flat = compact(text)
        if flat in ("第一部分", "部门整体绩效目标"):
            self.section = "department"
            return
        if flat in ("第二部分", "预算项目绩效目标"):
            self.section = "projects"
            return
        section = _SECTION.match(text) or (_SECTION.match(flat) if len(flat) <= 30 else None)
        if section and len(text) <= 30:
            title = compact(section[1])
            self.section = (
                "goals"
                if "总体" in title
                else "programmes"
                if "分项" in title
                else "measures"
                if "措施" in title
                else title
            )
            return
        table = _TABLE_TITLE.match(text) or _TABLE_TITLE.match(flat)
        if table:
            self.section = "projects"
            where = Where(Location(paragraph.line))
            self.slots.append(_Slot(int(table[1]), table[2], where, self.part))
            return
        withheld = _WITHHELD.match(text) or _WITHHELD.match(flat)
        if withheld:
            self.withhold(paragraph, int(withheld[1]), int(withheld[2]))
            return
        handler = {
            "goals": self.goal_paragraph,
            "programmes": self.programme_paragraph,
            "measures": self.measure_paragraph,
        }.get(self.section)
        if (handler is not None and handler(paragraph)) or is_title(text):
            return
        if self.section:  # inside a part of the prose, a paragraph that fits none of it
            message = (
                "这一段不属于能识别的任何部分，未导入 (a paragraph this reader does not understand"
            )
            self.say(
                "IK617", Severity.WARNING, f"{message}; not imported): “{text[:80]}”", paragraph
            )
            return
        self.say(
            "IK617",
            Severity.INFO,
            f"表格外的段落，未导入 (a paragraph outside the tables, not imported): “{text[:80]}”",
            paragraph,
            part=self.end,  # said after what the tables hold
        )

    def withhold(self, paragraph: Paragraph, first: int, last: int) -> None:
        self.section = "projects"
        if last < first or last - first >= 1000:
            self.say(
                "IK617",
                Severity.ERROR,
                f"暂不公开的编号范围 {first}-{last} 无效 (the withheld range is not valid)",
                paragraph,
            )
            return
        for number in range(first, last + 1):
            self.slots.append(
                _Slot(
                    number,
                    "",
                    Where(Location(paragraph.line)),
                    self.part,
                    withheld=paragraph.text,
                )
            )

    def goal_paragraph(self, paragraph: Paragraph) -> bool:
        text = paragraph.text
        head, colon, rest = text.partition("：")
        if colon and compact(head) in ("总体绩效目标是", "总体绩效目标", "总体目标"):
            self.overall = rest.strip()
            return True
        numbered = _NUMBERED.match(text)
        if not numbered:
            return False
        number = int(numbered[1])
        if self.goals and self.goals[-1].number is not None and number != self.goals[-1].number + 1:
            self.say(
                "IK614",
                Severity.INFO,
                f"目标编号从 {self.goals[-1].number} 跳到 {number}，照录 "
                f"(goal numbers skip from {self.goals[-1].number} to {number}; kept as written)",
                paragraph,
                length=len(numbered[1]),
            )
        self.goals.append(
            DepartmentGoal(
                number,
                numbered[2],
                _figures(numbered[2]),
                where=Where(Location(paragraph.line, paragraph.offset + 1)),
            )
        )
        return True

    def programme_paragraph(self, paragraph: Paragraph) -> bool:
        text = paragraph.text
        opened = _PROGRAMME.match(text)
        if opened:
            self.programmes.append(
                Programme(opened[1], goal=text, where=Where(Location(paragraph.line)))
            )
            self.programme_indicators.append([])
            return True
        if not self.programmes:
            return False
        indicators = self.programme_indicators[-1]
        head, colon, body = text.partition("：")
        if colon and compact(head) == "绩效目标":
            offset = len(head) + 1
        elif text.startswith(f"{len(indicators) + 1}、"):
            body, offset = text, 0  # the list goes on in a paragraph of its own
        else:
            return False
        first = len(indicators) + 1
        indicators.extend(self.lists.items(paragraph, body, offset, first))
        if offset:
            summary = self.lists.summary(body, first)
            plan = self.lists.plan(paragraph, summary, offset)
            self.programmes[-1] = attrs.evolve(self.programmes[-1], summary=summary, plan=plan)
        return True

    def measure_paragraph(self, paragraph: Paragraph) -> bool:
        text = paragraph.text
        if text.endswith(("：", ":")) and "措施" in text:
            self.measures.append(
                MeasureGroup(text.rstrip("：:").strip(), where=Where(Location(paragraph.line)))
            )
            self.measure_items.append([])
            return True
        numbered = _NUMBERED.match(text)
        if numbered and self.measures:
            self.measure_items[len(self.measures) - 1].append(numbered[2])
            return True
        return False


def _figures(text: str) -> list[Amount]:
    """The counted figures a goal states (``20000份``, ``2次``): not years, shares or money."""
    figures: list[Amount] = []
    for found in _FIGURE.finditer(text):
        if found.start() and (text[found.start() - 1].isdigit() or text[found.start() - 1] == "."):
            continue
        for width in (2, 1):
            piece = text[found.start() : found.end() + width]
            if len(piece) < found.end() - found.start() + width:
                continue
            try:
                amount = parse_actual(piece)
            except IndicatorkitError:
                continue
            if isinstance(amount, Amount) and amount.unit.dimension not in _NOT_FIGURES:
                figures.append(amount)
            break
    return figures


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
        1,
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
