"""What the layout readers keep for one file while they read its grids: the projects read so
far (numbered in order, a repeated number refused with a finding), the department, its
programmes, the scoring rules and every finding, in the order they were made.

>>> from indicatorkit.model.records import Project
>>> book = BookReading("表.xlsx")
>>> book.add_project(Project(1, "法律援助"), "自评表", 3)
>>> book.add_project(Project(1, "人民调解"), "自评表", 20)
>>> [p.name for p in book.spec().projects], [(f.code, f.place) for f in book.findings]
(['法律援助'], [('IK717', '表.xlsx:自评表!A20')])
"""

from __future__ import annotations

from typing import Final

import attrs

from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.imported import spec_units
from indicatorkit.model.findings import WHOLE, Finding, Severity
from indicatorkit.model.records import Department, Location, Programme, Project, Spec, Where

__all__ = ["DOCUMENT", "WORKBOOK", "BookReading", "Container"]


@attrs.frozen
class Container:
    """What the grids read are, as the findings name them: the file (a workbook, a document)
    and each grid in it (a sheet, a table), Chinese and English.

    >>> WORKBOOK.file, DOCUMENT.grid
    (('工作簿', 'workbook'), ('表格', 'table'))
    """

    file: tuple[str, str]
    grid: tuple[str, str]


WORKBOOK: Final = Container(("工作簿", "workbook"), ("工作表", "sheet"))
#: A Word file, a PDF or the text form: its tables.
DOCUMENT: Final = Container(("文档", "document"), ("表格", "table"))


class BookReading:
    """The state of one file's reading (see the module).

    >>> BookReading("表.xlsx").next_number
    1
    """

    def __init__(self, source: str, container: Container = WORKBOOK) -> None:
        self.source = source
        self.container = container
        self.findings: list[Finding] = []
        self.projects: list[tuple[Project, str, int]] = []
        self.department: Department | None = None
        self.programmes: list[Programme] = []
        self.rules: str | None = None
        #: The library's own cover sheet was read: an empty spec there is the spec as written.
        self.cover = False
        self.numbers: set[int] = set()
        #: A grid was refused as a whole (an actuals table, IK724): that says why nothing
        #: was read, and no IK701 follows it.
        self.refused = False
        self.highest = 0

    @property
    def next_number(self) -> int:
        return self.highest + 1

    def add_project(self, project: Project, sheet: str, row: int) -> None:
        if project.number in self.numbers:
            self.findings.append(
                Finding(
                    "IK717",
                    Severity.ERROR,
                    f"项目编号 {project.number} 重复，这个项目未读入 (duplicate project number)",
                    row,
                    file=self.source,
                    sheet=sheet,
                )
            )
            return
        if project.where is None:  # where lint's project findings point
            project = attrs.evolve(project, where=Where(Location(row, 1, sheet)))
        self.projects.append((project, sheet, row))
        self.numbers.add(project.number)
        self.highest = max(self.highest, project.number)

    def spec(self) -> Spec | None:
        """The spec read, or ``None`` (with an IK701 or IK717 finding, unless a grid was
        refused) when there is none.

        >>> book = BookReading("说明.docx", DOCUMENT)
        >>> book.spec(), [f.message.split(" (")[0] for f in book.findings]
        (None, ['文档里没有可导入的项目或部门'])
        """
        department = self.department
        if self.programmes:
            if department is None:
                department = Department("", "")
            department = attrs.evolve(department, programmes=self.programmes)
        projects = sorted((p for p, _, _ in self.projects), key=lambda p: p.number)
        if not projects and department is None and not self.cover:
            if self.refused:
                return None
            chinese, english = self.container.file
            self.findings.append(
                Finding(
                    "IK701",
                    Severity.ERROR,
                    f"{chinese}里没有可导入的项目或部门 (nothing to import in the {english})",
                    WHOLE,
                    file=self.source,
                    suggestion="检查是否选错了文件，或表格是否在隐藏的工作表里 / check the file, "
                    "and whether the table is on a hidden sheet (--include-hidden)",
                )
            )
            return None
        try:
            units = spec_units(department, projects)
            return Spec(department, projects, rules=self.rules, units=units)
        except (IndicatorkitError, ValueError) as error:
            self.findings.append(
                Finding(
                    "IK717",
                    Severity.ERROR,
                    f"规格无效 (invalid spec): {error}",
                    1,
                    file=self.source,
                )
            )
            return None
