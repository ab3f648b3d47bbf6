"""The tables of a 绩效目标 document and the titles above them, read into projects
(:mod:`~indicatorkit.formats.document` assembles them with the department its prose gives).

``N.名称绩效目标表`` titles project N, ``6-13号项目…暂不公开`` withholds a range, and
``部门整体绩效目标表`` starts tables of their own (a heading of the prose ends the tables above it
too).  The department and programmes the tables hold are kept in ``departments`` for the
prose's department (:mod:`~indicatorkit.formats.document_department_tables`).  The
tables under one title are read as one grid by the layout readers every container shares
(:func:`~indicatorkit.formats.workbook_read.read_grids`): the first project they hold takes the
title's number and name, any other is numbered in order (IK621 when the document numbers its
tables).  What a layout reader says about a cell, and where each record and field it reads
stands, is placed where the cell stands in the document (a line of the text form, ``表T!C4``
in Word).

>>> from indicatorkit.formats.document_blocks import text_parts
>>> tables = DocumentTables(DocumentFindings("表.txt"))
>>> for paragraph_or_table in text_parts(
...         "1.法律援助绩效目标表\\n\\t一级指标\\n\\t三级指标\\n\\t指标值\\n\\n\\t产出指标\\n\\t受理数\\n\\t≥180件\\n"):
...     tables.title(paragraph_or_table) if hasattr(paragraph_or_table, "text") else tables.table(paragraph_or_table)
True
>>> project = tables.projects()[0]
>>> project.number, project.name, str(project.indicators[0].where.of("target"))
(1, '法律援助', '8:2')
"""

from __future__ import annotations

import bisect
import itertools
import re

import attrs

from indicatorkit.formats.actuals_sheet import CODES as REFUSALS
from indicatorkit.formats.document_blocks import Paragraph, Spot, Table, compact, stack_tables
from indicatorkit.formats.document_department_tables import TableDepartment
from indicatorkit.formats.document_findings import DocumentFindings
from indicatorkit.formats.layouts.book import DOCUMENT
from indicatorkit.formats.table_words import PROJECT_LABELS
from indicatorkit.formats.workbook_read import read_grids
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Department, Location, Project, Where

__all__ = ["DocumentTables"]

_TABLE_TITLE = re.compile(r"^(\d+)\s*[.．、]\s*(.*?)\s*绩效目标表$")
#: The title of a department-wide table (部门整体绩效目标表, 2025年部门整体支出绩效自评表).
_DEPARTMENT_WIDE = re.compile(r"部门整体.*表$")
_WITHHELD = re.compile(r"^(\d+)\s*[-—－~～至到]\s*(\d+)\s*号?项目.*暂不公开")


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


class DocumentTables:
    """The projects a document's tables and their titles hold (see the module); ``said``
    takes the findings.

    >>> tables = DocumentTables(DocumentFindings("说明.txt"))
    >>> tables.title(Paragraph("6-8号项目涉密，暂不公开", 3)), [p.number for p in tables.projects()]
    (True, [6, 7, 8])
    >>> tables.title(Paragraph("部门整体绩效目标表", 5)), len(tables.slots)  # a slot of its own
    (True, 4)
    """

    def __init__(self, said: DocumentFindings) -> None:
        self.said = said
        self.slots: list[_Slot] = []
        #: A table was refused as a whole (an actuals table, IK724): that says why nothing
        #: was imported, and no IK622 follows it.
        self.refused = False
        #: The department (and programmes) tables hold: joined to the prose's department.
        self.departments: list[TableDepartment] = []
        #: A heading stood since the last table (:meth:`close`).
        self.closed = False

    def title(self, paragraph: Paragraph) -> bool:
        """Whether ``paragraph`` titles a project's tables or withholds a range of projects."""
        text, flat = paragraph.text, compact(paragraph.text)
        table = _TABLE_TITLE.match(text) or _TABLE_TITLE.match(flat)
        if table:
            where = paragraph.where()
            self.slots.append(_Slot(int(table[1]), table[2], where, self.said.part))
            self.closed = False
            return True
        if len(flat) <= 40 and _DEPARTMENT_WIDE.search(flat):  # not the tables above
            self.slots.append(_Slot(None, "", paragraph.where(), self.said.part))
            self.closed = False
            return True
        withheld = _WITHHELD.match(text) or _WITHHELD.match(flat)
        if withheld:
            self.withhold(paragraph, int(withheld[1]), int(withheld[2]))
            return True
        return False

    def withhold(self, paragraph: Paragraph, first: int, last: int) -> None:
        if last < first or last - first >= 1000:
            self.said.say(
                "IK617",
                Severity.ERROR,
                f"暂不公开的编号范围 {first}-{last} 无效 (the withheld range is not valid)",
                paragraph,
            )
            return
        where = paragraph.where()
        for number in range(first, last + 1):
            slot = _Slot(number, "", where, self.said.part, withheld=paragraph.text)
            self.slots.append(slot)

    def close(self) -> None:
        """A heading of the prose ends the tables above it: the next table is not theirs."""
        self.closed = True

    def table(self, table: Table) -> None:
        """A table belongs to the title above it; with none (or a heading between), to the
        untitled tables there."""
        last = self.slots[-1] if self.slots else None
        if last is not None and self.closed and last.tables:
            last = None
        self.closed = False
        if last is None or last.withheld is not None:
            last = _Slot(None, "", Where(Location(table.first_line)), self.said.part)
            self.slots.append(last)
        last.tables.append(table)
        last.parts.append(self.said.part)

    def projects(self) -> list[Project]:
        """Every project of the document, numbered; a number given twice is IK620."""
        projects: list[Project] = []
        numbered = any(slot.number is not None and slot.withheld is None for slot in self.slots)
        # tables with no numbered title are numbered after every number a title gives
        highest = max((slot.number or 0 for slot in self.slots), default=0)
        taken: set[int] = set()
        for slot in self.slots:
            for project, first in self.slot_projects(slot, highest + 1, numbered):
                highest = max(highest, project.number)
                if project.number in taken:
                    self.said.add(
                        Finding(
                            "IK620",
                            Severity.ERROR,
                            f"项目编号 {project.number} 重复，后一个未导入 (project number "
                            f"{project.number} given twice; the later one is not imported)",
                            first,
                            file=self.said.source,
                        ),
                        slot.part,
                    )
                    continue
                taken.add(project.number)
                projects.append(project)
        return projects

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
                self.said.add(
                    Finding(
                        "IK621",
                        Severity.INFO,
                        f"这张表上方没有“N.名称绩效目标表”标题，项目按顺序编为 {number} (no "
                        f"numbered title above this table: the project is numbered {number} "
                        "in order)",
                        spot.line,
                        file=self.said.source,
                        sheet=spot.sheet,
                    ),
                    slot.part,
                )
            where = _at(project.where, Location(spot.line))
            found.append((attrs.evolve(project, number=number, where=where), spot.line))
        return found

    def read_tables(self, slot: _Slot) -> list[tuple[Project, Spot]]:
        """The projects the slot's tables hold, read as one grid by the layout readers, each
        with the spot its table starts at (the k-th at the k-th 项目名称 row, as the layout
        readers split a grid), every place in them moved to where it stands in the
        document."""
        table = stack_tables(slot.tables, name=slot.tables[0].grid.name)
        imported = read_grids([table.grid], source=self.said.source, container=DOCUMENT)
        self.refused |= any(finding.code in REFUSALS for finding in imported.findings)
        ends = list(itertools.accumulate(t.grid.rows for t in slot.tables))
        for finding in imported.findings:
            if finding.sheet is None and finding.code == "IK701":  # said as IK622
                continue
            index = bisect.bisect_left(ends, finding.line) if finding.sheet is not None else 0
            self.said.add(table.relocate(finding), slot.parts[min(index, len(ends) - 1)])
        projects = imported.spec.projects if imported.spec is not None else ()
        if imported.spec is not None and imported.spec.department is not None:
            department = _department_placed(imported.spec.department, table)
            spot = table.locate(min(table.grid.sorted_rows), 1)
            self.departments.append(TableDepartment(department, spot, slot.parts[0]))
        grid = table.grid
        starts = [
            row
            for row in grid.sorted_rows
            if any(grid.key_of(c) in PROJECT_LABELS for c in grid.own_cells(row))
        ] or [min(grid.sorted_rows)]
        return [
            (_placed(project, table), table.locate(starts[min(index, len(starts) - 1)], 1))
            for index, project in enumerate(projects)
        ]

    def titled(self, project: Project, slot: _Slot) -> Project:
        """The first project under a title: the title's number and name."""
        assert slot.number is not None
        if slot.name and project.name and compact(project.name) != compact(slot.name):
            self.said.add(
                Finding(
                    "IK619",
                    Severity.WARNING,
                    f"表中项目名称“{project.name}”与标题“{slot.name}”不同，取标题 (the table's "
                    "project name differs from the title's; the title is kept)",
                    slot.where.at.line,
                    file=self.said.source,
                ),
                slot.part,
            )
        where = _at(project.where, slot.where.at)
        return attrs.evolve(
            project, number=slot.number, name=slot.name or project.name, where=where
        )


def _at(where: Where | None, at: Location) -> Where:
    """``where``'s fields, the record itself at ``at``."""
    return Where(at, where.fields if where is not None else None)


def _department_placed(department: Department, table: Table) -> Department:
    """``department`` with the place of it, of each programme and of their indicators where
    they stand in the document."""
    programmes = [
        attrs.evolve(
            programme,
            where=table.relocate_where(programme.where),
            indicators=[
                attrs.evolve(i, where=table.relocate_where(i.where)) for i in programme.indicators
            ],
        )
        for programme in department.programmes
    ]
    return attrs.evolve(
        department, programmes=programmes, where=table.relocate_where(department.where)
    )


def _placed(project: Project, table: Table) -> Project:
    """``project`` with the place of it, of its fields and of each indicator and its fields
    where they stand in the document rather than in the grid the tables were read as."""
    indicators = [
        attrs.evolve(indicator, where=table.relocate_where(indicator.where))
        for indicator in project.indicators
    ]
    return attrs.evolve(project, indicators=indicators, where=table.relocate_where(project.where))
