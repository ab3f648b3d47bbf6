"""The prose of a 绩效目标 document: its parts and sections, read by what they say rather than
where they stand, into the department (:mod:`~indicatorkit.formats.document` assembles it
with the projects the tables hold):

- ``第一部分`` / ``第二部分`` and ``一、…`` section headings;
- ``一、总体绩效目标`` — ``总体绩效目标是：…`` and numbered goals (``1.…``; the figures a goal
  states, ``20000份``, are read from it);
- ``二、分项绩效目标`` — a paragraph ``“法治宣传”项目…`` opens a programme; its ``绩效目标：…``
  paragraph gives the summary, the spending plan and the inline list
  (:mod:`~indicatorkit.formats.document_lists`);
- ``三、工作保障措施`` — titles ending in ``措施：`` and their numbered items.

A paragraph that fits none of it is said (IK617), never dropped silently; with no year stated,
the latest year the text mentions is taken (IK615).

>>> from indicatorkit.formats.document_blocks import text_parts
>>> prose = DocumentProse(DocumentFindings("说明.txt"))
>>> for paragraph in text_parts("一、总体绩效目标\\n1.办理法律援助案件180件。\\n3.开展2024年普法宣传。\\n"):
...     if not prose.heading(paragraph):
...         prose.body(paragraph)
>>> department = prose.department([])
>>> department.year, [(g.number, [str(a) for a in g.figures]) for g in department.goals]
(2024, [(1, ['180件']), (3, [])])
>>> [f.code for f in prose.said.in_order()]
['IK614', 'IK615']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.document_blocks import Paragraph, compact
from indicatorkit.formats.document_findings import DocumentFindings
from indicatorkit.formats.document_lists import InlineLists
from indicatorkit.formats.table_words import is_title
from indicatorkit.language.parse import parse_actual
from indicatorkit.language.values import Amount
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import (
    Department,
    DepartmentGoal,
    Indicator,
    MeasureGroup,
    Programme,
    Project,
)

__all__ = ["DocumentProse"]

_SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(.+)$")
_NUMBERED = re.compile(r"^(\d+)\s*[.．、]\s*(.*)$", re.DOTALL)
_PROGRAMME = re.compile(r"^“([^”]+)”项目")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_UNIT_NAME = re.compile(r"^([A-Za-z0-9]+)(.+)$")
#: Dimensions a goal's figure is not counted in: years and months, shares, money.
_NOT_FIGURES = frozenset({"[month]", "[day]", "[ratio]", "[money]"})
#: The paragraphs that open a part of the document, and the section each opens.
_PARTS = {
    "第一部分": "department",
    "部门整体绩效目标": "department",
    "第二部分": "projects",
    "预算项目绩效目标": "projects",
}
#: A section heading's word, and the section it opens (any other heading opens its own).
_SECTION_WORDS = (("总体", "goals"), ("分项", "programmes"), ("措施", "measures"))


class DocumentProse:
    """The department a document's prose describes, read paragraph by paragraph (see the
    module); ``said`` takes its findings.

    >>> prose = DocumentProse(DocumentFindings("说明.txt"))
    >>> prose.heading(Paragraph("三、 工作保障措施", 1)), prose.section
    (True, 'measures')
    """

    def __init__(self, said: DocumentFindings) -> None:
        self.said = said
        self.section = ""
        self.overall = ""
        self.goals: list[DepartmentGoal] = []
        self.programmes: list[Programme] = []
        self.programme_indicators: list[list[Indicator]] = []
        self.measures: list[MeasureGroup] = []
        self.measure_items: list[list[str]] = []
        self.years: list[tuple[int, Paragraph, int]] = []
        self.lists = InlineLists(said)

    def heading(self, paragraph: Paragraph) -> bool:
        """Whether ``paragraph`` opens a part or a section (the years it mentions are noted
        whatever it is)."""
        text = paragraph.text
        self.years.extend((int(year), paragraph, self.said.part) for year in _YEAR.findall(text))
        flat = compact(text)
        if flat in _PARTS:
            self.section = _PARTS[flat]
            return True
        section = _SECTION.match(text) or (_SECTION.match(flat) if len(flat) <= 30 else None)
        if section and len(text) <= 30:
            title = compact(section[1])
            self.section = next((name for word, name in _SECTION_WORDS if word in title), title)
            return True
        return False

    def body(self, paragraph: Paragraph) -> None:
        """A paragraph of the section being read; one that fits none is IK617."""
        handler: Callable[[Paragraph], bool] | None = {
            "goals": self.goal_paragraph,
            "programmes": self.programme_paragraph,
            "measures": self.measure_paragraph,
        }.get(self.section)
        text = paragraph.text
        if (handler is not None and handler(paragraph)) or is_title(text):
            return
        if self.section:  # inside a part of the prose, a paragraph that fits none of it
            message = (
                "这一段不属于能识别的任何部分，未导入 (a paragraph this reader does not understand"
            )
            self.said.say(
                "IK617", Severity.WARNING, f"{message}; not imported): “{text[:80]}”", paragraph
            )
            return
        self.said.say(
            "IK617",
            Severity.INFO,
            f"表格外的段落，未导入 (a paragraph outside the tables, not imported): “{text[:80]}”",
            paragraph,
            part=self.said.end,  # said after what the tables hold
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
            self.said.say(
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
                where=paragraph.where(paragraph.offset + 1),
            )
        )
        return True

    def programme_paragraph(self, paragraph: Paragraph) -> bool:
        text = paragraph.text
        opened = _PROGRAMME.match(text)
        if opened:
            self.programmes.append(Programme(opened[1], goal=text, where=paragraph.where()))
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
            self.measures.append(MeasureGroup(text.rstrip("：:").strip(), where=paragraph.where()))
            self.measure_items.append([])
            return True
        numbered = _NUMBERED.match(text)
        if numbered and self.measures:
            self.measure_items[len(self.measures) - 1].append(numbered[2])
            return True
        return False

    # --- the department -------------------------------------------------------------------

    def department(
        self, projects: Sequence[Project], stated: Department | None = None
    ) -> Department | None:
        """The department the prose describes, or ``None`` when the prose says nothing of
        one: its code, name and year as a department table ``stated`` them, else its unit
        from the projects' tables and the latest year mentioned (IK615)."""
        if not (self.overall or self.goals or self.programmes or self.measures):
            return None
        if stated is not None and (stated.code or stated.name):
            code, name = stated.code, stated.name
        else:
            code, name = self.department_unit(projects)
        year = stated.year if stated is not None else None
        if year is None and self.years:
            year, paragraph, part = max(self.years, key=lambda item: item[0])
            self.said.part = part  # what is said of the department goes where the year stands
            self.said.say(
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
                self.said.add(
                    Finding(
                        "IK619",
                        Severity.WARNING,
                        f"项目 {project.number} 的单位“{project.unit}”与第一张表的“{first}”不同，"
                        "部门取后者 (the unit differs from the first table's; the department is "
                        "the first)",
                        project.where.at.line if project.where else 1,
                        file=self.said.source,
                    )
                )
        match = _UNIT_NAME.match(first)
        return (match[1], match[2]) if match else ("", first)


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
