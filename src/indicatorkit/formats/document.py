"""The document form of a 绩效目标 publication: a department's goals in prose, programme goal
lists written inline, and one declaration table per project (layout A of the table layouts).

This is how the seed (``examples/seed/000_878df4ebd272f24d.txt``) and the Word files it was
taken from are written.  :func:`read_document` assembles a :class:`~indicatorkit.model.records.Spec`
from the document's :mod:`blocks <indicatorkit.formats.document_blocks>`, by what the text
says rather than where it stands:

- ``一、总体绩效目标`` — ``总体绩效目标是：…`` and numbered goals (``1.…``; the figures a goal
  states, ``20000份``, are read from it);
- ``二、分项绩效目标`` — a paragraph ``“法治宣传”项目…`` opens a programme; its ``绩效目标：…``
  paragraph gives the summary, the spending plan (``资金累计支出进度3月底、…分别达到30%、…``) and
  the inline list ``1、产出指标-数量指标-名称（描述），指标值>=6；…``;
- ``三、工作保障措施`` — titles ending in ``措施：`` and their numbered items;
- ``N.名称绩效目标表`` opens project N, ``6-13号项目…暂不公开`` withholds a range, and the
  table rows fill the project: 项目编码/项目名称, 预算数/财政资金/其他资金 and the usage line,
  资金支出计划, 绩效目标, and the indicator rows under the header row ``一级指标 | 二级指标 |
  三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据`` (level 1 and 2 carried down merged cells).

Labels are compared without their spaces (``绩 效 目 标``).  Where the text forces a choice — an
inline item with two levels, a parenthesis never closed, a target read leniently — the choice
is made and said in a located finding; a paragraph or row the reader does not understand is a
finding too, never dropped silently.

>>> from indicatorkit.formats.document_blocks import text_blocks
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
>>> imported = read_document(text_blocks(text), source="表.txt")
>>> project = imported.spec.projects[0]
>>> project.name, project.unit, str(project.indicators[0].target)
('法律援助', '315001玉田县司法局本级', '≥180件')
>>> imported.findings
()
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.formats.document_blocks import Block, Cell, Paragraph, TableRow, compact
from indicatorkit.formats.imported import Imported, spec_units
from indicatorkit.formats.self_assessment import is_self_assessment, read_self_assessment
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.targets import AnyTarget
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Department,
    DepartmentGoal,
    Indicator,
    Location,
    MeasureGroup,
    Programme,
    Project,
    Spec,
    SpendingPlan,
    Where,
)

__all__ = ["CODES", "read_blocks", "read_document"]

#: The codes this reader reports, with what each means.
CODES: dict[str, str] = {
    "IK610": "指标值按宽松规则读出（笔误已修复）/ a target read leniently (a typo repaired)",
    "IK611": "指标值无法读出，该指标未导入 / a target that cannot be read; the indicator is not imported",
    "IK612": "括号没有闭合 / a parenthesis never closed",
    "IK613": "分项指标只写了两级 / an inline indicator with two levels only",
    "IK614": "编号不连续 / numbering skips a number",
    "IK615": "年度由文中提到的最晚年份推断 / the year taken from the latest year the text mentions",
    "IK616": "表格行无法识别，未导入 / a table row not understood, not imported",
    "IK617": "段落无法识别，未导入 / a paragraph not understood, not imported",
    "IK618": "金额或比例无法读出 / an amount or a share that cannot be read",
    "IK619": "同一信息前后不一致 / the same fact given two ways",
    "IK620": "项目编号重复 / a project number given twice",
    "IK621": "表上方没有编号标题，项目按顺序编号 / a table with no numbered title: the project numbered in order",
}

_SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(.+)$")
_NUMBERED = re.compile(r"^(\d+)\s*[.．、]\s*(.*)$", re.DOTALL)
_PROGRAMME = re.compile(r"^“([^”]+)”项目")
_TABLE_TITLE = re.compile(r"^(\d+)\s*[.．、]\s*(.*?)\s*绩效目标表$")
_WITHHELD = re.compile(r"^(\d+)\s*[-—－~～至到]\s*(\d+)\s*号?项目.*暂不公开")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_PLAN = re.compile(r"资金累计支出进度(.+?)分别达到(.+?)[。；;]")
_UNIT_CELL = re.compile(r"^单位[:：]\s*(\S+)$")
_UNIT_NAME = re.compile(r"^([A-Za-z0-9]+)(.+)$")
_LEVELS = re.compile(r"[-—–－]")
_TARGET_WORD = re.compile(r"指标值(?!确定依据)")
#: Dimensions a goal's figure is not counted in: years and months, shares, money.
_NOT_FIGURES = frozenset({"[month]", "[day]", "[ratio]", "[money]"})
#: The header of the indicator table: column label → field.
_HEADER = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "name",
    "绩效指标描述": "description",
    "指标值": "target",
    "指标值确定依据": "basis",
}


def read_blocks(blocks: Sequence[Block], *, source: str) -> Imported:
    """A document's blocks as what they are: a self-assessment table (自评表, its indicator
    header has 分值, 得分 or 实际完成值) or a declaration (this module's document form).

    >>> from indicatorkit.formats.document_blocks import text_blocks
    >>> def table(*rows):
    ...     return "\\n\\n".join("\\n".join("\\t" + cell for cell in row) for row in rows)
    >>> levels = ["一级指标", "二级指标", "三级指标"]
    >>> declared = "1.法律援助绩效目标表\\n" + table([*levels, "指标值"],
    ...     ["产出指标", "数量指标", "受理数", "≥180件"])
    >>> assessed = table(["项目名称", "法律援助"], [*levels, "年度指标值", "实际完成值", "分值"],
    ...     ["产出指标", "数量指标", "受理数", "≥180件", "175件", "50"])
    >>> [read_blocks(text_blocks(text), source="表.txt").spec.projects[0].indicators[0].actual
    ...  for text in (declared, assessed)]
    [None, '175件']
    """
    if is_self_assessment(blocks):
        return read_self_assessment(blocks, source=source)
    return read_document(blocks, source=source)


def read_document(blocks: Sequence[Block], *, source: str) -> Imported:
    """Assemble the spec a document's blocks describe (see the module's description).

    >>> from indicatorkit.formats.document_blocks import text_blocks
    >>> text = "一、总体绩效目标\\n总体绩效目标是：做好法律援助。\\n1.办理法律援助案件180件。\\n说不清的一段\\n"
    >>> imported = read_document(text_blocks(text), source="说明.txt")
    >>> department = imported.spec.department
    >>> department.overall_goal, [(g.number, [str(a) for a in g.figures]) for g in department.goals]
    ('做好法律援助。', [(1, ['180件'])])
    >>> [(f.code, f.place) for f in imported.findings]
    [('IK617', '说明.txt:4:1')]
    """
    return _Reader(source).read(blocks)


@attrs.define
class _ProjectDraft:
    number: int
    name: str
    where: Where
    unit: str = ""
    money: str = "元"
    code: str = ""
    table_name: str = ""
    budget: Budget | None = None
    purpose: str = ""
    plan: SpendingPlan | None = None
    goal: str = ""
    indicators: list[Indicator] = attrs.Factory(list)
    withheld: str | None = None
    header: dict[str, int] | None = None
    plan_by: list[Cell] | None = None
    awaiting_purpose: bool = False
    level1: str = ""
    level2: str = ""


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.findings: list[Finding] = []
        self.section = ""
        self.overall = ""
        self.goals: list[DepartmentGoal] = []
        self.programmes: list[Programme] = []
        self.measures: list[MeasureGroup] = []
        self.measure_items: list[list[str]] = []
        self.programme_indicators: list[list[Indicator]] = []
        self.pending_unit: list[TableRow] = []
        self.projects: list[_ProjectDraft] = []
        self.units: list[Cell] = []
        self.years: list[tuple[int, Paragraph]] = []

    # --- findings -------------------------------------------------------------------------

    def say(
        self,
        code: str,
        severity: Severity,
        message: str,
        at: Paragraph | Cell,
        column: int = 1,
        *,
        length: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        if isinstance(at, Paragraph):
            column += at.offset
            source_line = " " * at.offset + at.text
        elif at.sheet is None:  # a text-form cell: its line is a tab, then the text
            source_line = " " + at.text
            column += 1
        else:  # a Word cell: the column is the cell's
            source_line = ""
            column = at.column
        self.findings.append(
            Finding(
                code,
                severity,
                message,
                at.line,
                column,
                end_column=None if length is None else column + length,
                source_line=source_line,
                suggestion=suggestion,
                file=self.source,
                sheet=at.sheet,
            )
        )

    # --- the document ---------------------------------------------------------------------

    def read(self, blocks: Sequence[Block]) -> Imported:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraph(block)
            elif not block.is_blank():
                self.row(block)
        for row in self.pending_unit:
            self.say(
                "IK616",
                Severity.WARNING,
                "单位行之后没有项目表，未导入 (a unit row with no project table after it; not "
                "imported)",
                row.cells[0],
            )
        spec = self.spec()
        order = sorted(self.findings, key=lambda f: (f.sheet or "", f.line, f.column))
        return Imported(spec, tuple(order), self.source)

    def spec(self) -> Spec | None:
        department = self.department()
        projects: list[Project] = []
        numbers: set[int] = set()
        for draft in self.projects:
            if draft.number in numbers:
                self.findings.append(
                    Finding(
                        "IK620",
                        Severity.ERROR,
                        f"项目编号 {draft.number} 重复，后一个未导入 "
                        f"(project number {draft.number} given twice; the later one is not imported)",
                        draft.where.at.line,
                        file=self.source,
                    )
                )
                continue
            numbers.add(draft.number)
            projects.append(self.project(draft))
        if department is None and not projects:
            return None
        try:
            return Spec(department, projects, units=spec_units(department, projects))
        except IndicatorkitError as error:  # indicators are checked one by one before
            self.findings.append(Finding("IK619", Severity.ERROR, str(error), 1, file=self.source))
            return None

    def department(self) -> Department | None:
        if not (self.overall or self.goals or self.programmes or self.measures):
            return None
        code = name = ""
        if self.units:
            match = _UNIT_NAME.match(self.units[0].text)
            code, name = (match[1], match[2]) if match else ("", self.units[0].text)
            for cell in self.units[1:]:
                if cell.text != self.units[0].text:
                    self.say(
                        "IK619",
                        Severity.WARNING,
                        f"单位“{cell.text}”与第一张表的“{self.units[0].text}”不同，部门取后者 "
                        f"(the unit differs from the first table's; the department is the first)",
                        cell,
                    )
        year = None
        if self.years:
            year, paragraph = max(self.years, key=lambda item: item[0])
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

    def project(self, draft: _ProjectDraft) -> Project:
        if draft.withheld is not None:
            return Project(draft.number, withheld=draft.withheld, where=draft.where)
        return Project(
            draft.number,
            draft.name,
            code=draft.code,
            unit=draft.unit,
            budget=draft.budget,
            purpose=draft.purpose,
            plan=draft.plan,
            goal=draft.goal,
            indicators=draft.indicators,
            where=draft.where,
        )

    # --- paragraphs -----------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        self.years.extend((int(year), paragraph) for year in _YEAR.findall(text))
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
            self.projects.append(
                _ProjectDraft(int(table[1]), table[2], Where(Location(paragraph.line)))
            )
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
        if handler is not None and handler(paragraph):
            return
        self.say(
            "IK617",
            Severity.WARNING,
            "这一段不属于能识别的任何部分，未导入 (a paragraph this reader does not understand; "
            "not imported)",
            paragraph,
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
            self.projects.append(
                _ProjectDraft(number, "", Where(Location(paragraph.line)), withheld=paragraph.text)
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
        starts = list(_item_starts(body, len(indicators) + 1))
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(body)
            indicator = self.inline_indicator(paragraph, body[start:end], offset + start)
            if indicator is not None:
                indicators.append(indicator)
        if offset:
            summary = body[: starts[0]].strip() if starts else body.strip()
            plan = self.inline_plan(paragraph, summary, offset)
            self.programmes[-1] = attrs.evolve(self.programmes[-1], summary=summary, plan=plan)
        return True

    def inline_plan(self, paragraph: Paragraph, summary: str, offset: int) -> SpendingPlan | None:
        found = _PLAN.search(summary + "。")
        if not found:
            return None
        column = offset + found.start() + 1
        dates = [d for d in re.split(r"[、，,]", found[1]) if d.strip()]
        shares = [s for s in re.split(r"[、，,]", found[2]) if s.strip()]
        if len(dates) != len(shares):
            self.say(
                "IK618",
                Severity.WARNING,
                f"支出进度有 {len(dates)} 个时点、{len(shares)} 个比例，未导入支出计划 "
                f"(the plan has {len(dates)} dates and {len(shares)} shares; not imported)",
                paragraph,
                column,
            )
            return None
        points: list[Checkpoint] = []
        for by, share in zip(dates, shares, strict=True):
            checkpoint = self.checkpoint(by.strip(), share.strip(), paragraph, column)
            if checkpoint is None:
                return None
            points.append(checkpoint)
        return SpendingPlan(points)

    def checkpoint(
        self, by: str, share: str, at: Paragraph | Cell, column: int = 1
    ) -> Checkpoint | None:
        try:
            point, amount = parse_actual(by), parse_actual(share)
            if isinstance(point, DatePoint) and isinstance(amount, Amount):
                return Checkpoint(point, amount)
        except IndicatorkitError:
            pass
        self.say(
            "IK618",
            Severity.WARNING,
            f"支出计划“{by} {share}”无法读出，未导入支出计划 (a checkpoint of the spending plan "
            f"cannot be read; the plan is not imported)",
            at,
            column,
        )
        return None

    def inline_indicator(self, paragraph: Paragraph, item: str, offset: int) -> Indicator | None:
        """``1、产出指标-数量指标-名称（描述），指标值>=6；`` → an indicator."""
        column = offset + 1
        numbered = _NUMBERED.match(item)
        body = numbered[2] if numbered else item
        body_at = offset + (numbered.start(2) if numbered else 0)
        body = body.rstrip().rstrip("；;。").rstrip()
        found = _TARGET_WORD.search(body)
        if not found:
            self.say(
                "IK617",
                Severity.WARNING,
                "分项指标没有“指标值”，未导入 (an inline indicator without 指标值; not imported)",
                paragraph,
                column,
                length=len(item.rstrip()),
            )
            return None
        head = body[: found.start()].rstrip().rstrip("，,").rstrip()
        tail = body[found.end() :]
        value_at = body_at + found.end()
        if tail.startswith(("为", "：", ":")):
            tail, value_at = tail[1:], value_at + 1
        parts = re.split(r"[。；;]", tail, maxsplit=1)
        target_text = parts[0]
        basis = parts[1].strip().strip("。；;").strip() if len(parts) > 1 else ""
        title, description = self.title_and_description(paragraph, head, body_at)
        levels = [part.strip() for part in _LEVELS.split(title)]
        if len(levels) == 2:
            second_is_level2 = levels[1].endswith("指标")
            level1, level2, name = (
                (levels[0], levels[1], "") if second_is_level2 else (levels[0], "", levels[1])
            )
            self.say(
                "IK613",
                Severity.WARNING,
                f"“{title}”只有两级，"
                + (
                    f"“{levels[1]}”读作二级指标，三级指标空缺 (two levels: read as level 2, "
                    f"level 3 left empty)"
                    if second_is_level2
                    else f"“{levels[1]}”读作三级指标，二级指标空缺 (two levels: read as level 3, "
                    f"level 2 left empty)"
                ),
                paragraph,
                body_at + 1,
                length=len(title),
                suggestion="写全三级：一级-二级-三级 / write all three levels",
            )
        elif len(levels) >= 3:
            level1, level2, name = levels[0], levels[1], "-".join(levels[2:])
        else:
            level1, level2, name = "", "", levels[0]
            self.say(
                "IK613",
                Severity.WARNING,
                f"“{title}”没有写一级、二级指标 (no level 1 or 2 given)",
                paragraph,
                body_at + 1,
                length=len(title),
            )
        target = self.target(target_text.strip(), paragraph, value_at + 1)
        if target is None:
            return None
        try:
            return Indicator(
                level1,
                level2,
                name,
                target,
                target_text=target_text.strip(),
                description=description,
                basis=basis,
                where=Where(Location(paragraph.line, column + paragraph.offset)),
            )
        except IndicatorkitError as error:
            self.say("IK617", Severity.ERROR, str(error), paragraph, column)
            return None

    def title_and_description(self, paragraph: Paragraph, head: str, at: int) -> tuple[str, str]:
        """``名称（%）（描述）`` → the title with its ``（%）`` and the description."""
        index = 0
        while index < len(head):
            if head.startswith("（%）", index):
                index += 3
                continue
            if head[index] in "（，,(":
                break
            index += 1
        title, rest = head[:index].strip(), head[index:].strip()
        if not rest:
            return title, ""
        if rest[0] in "，,":
            return title, rest[1:].strip().rstrip("。").strip()
        depth, close = 0, -1
        for position, char in enumerate(rest):
            if char in "（(":
                depth += 1
            elif char in "）)":
                depth -= 1
                if depth == 0:
                    close = position
                    break
        if close < 0:
            self.say(
                "IK612",
                Severity.WARNING,
                "描述的括号没有闭合，描述读到“指标值”之前为止 (the description's parenthesis is "
                "never closed; the description is read up to 指标值)",
                paragraph,
                at + index + 1,
                length=1,
            )
            return title, rest[1:].strip()
        after = rest[close + 1 :].strip()
        if after:
            self.say(
                "IK617",
                Severity.WARNING,
                f"描述之后的“{after}”未导入 (text after the description is not imported)",
                paragraph,
                at + index + close + 2,
            )
        return title, rest[1:close].strip()

    def target(self, text: str, at: Paragraph | Cell, column: int = 1) -> AnyTarget | None:
        try:
            result = parse_target(text, lenient=True)
        except IndicatorkitError as error:
            message = error.message if isinstance(error, TextError) else str(error)
            self.say(
                "IK611",
                Severity.ERROR,
                f"指标值“{text}”无法读出，该指标未导入：{message} (the target cannot be read; "
                f"the indicator is not imported)",
                at,
                column + (error.position if isinstance(error, TextError) else 0),
                suggestion=error.suggestion if isinstance(error, TextError) else None,
            )
            return None
        for diagnostic in result.diagnostics:
            self.say(
                "IK610",
                Severity.WARNING,
                f"指标值“{text}”：{diagnostic.message}（{diagnostic.code}）",
                at,
                column + diagnostic.position,
                length=max(1, diagnostic.end - diagnostic.position),
            )
        return result.target

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

    # --- table rows -----------------------------------------------------------------------

    def row(self, row: TableRow) -> None:
        labels = [compact(text) for text in row.texts()]
        if self.untitled_table(row, labels):
            return
        if not self.projects or self.projects[-1].withheld is not None:
            self.say(
                "IK616",
                Severity.WARNING,
                "表格行不在任何项目的绩效目标表中，未导入 (a table row outside any project's "
                "table; not imported)",
                row.cells[0],
            )
            return
        draft = self.projects[-1]
        if draft.header is not None and labels[0] not in _HEADER:
            self.indicator_row(draft, row)
            return
        if draft.plan_by is not None:
            self.plan_row(draft, row)
            return
        if "一级指标" in labels and "指标值" in labels:
            draft.header = {
                _HEADER[label]: index for index, label in enumerate(labels) if label in _HEADER
            }
            return
        if labels[0] == "项目编码" or "项目名称" in labels:
            self.pairs(draft, row, labels)
            return
        if labels[0].startswith("预算规模") or "预算数" in labels:
            self.budget_row(draft, row, labels)
            return
        if labels[0].startswith("资金支出计划"):
            draft.plan_by = [c for c in row.cells[1:] if c.text]
            return
        if labels[0] == "绩效目标":
            draft.goal = "\n".join(c.text for c in row.cells[1:] if c.text)
            return
        unit = [c for c in row.cells if _UNIT_CELL.match(compact(c.text))]
        if unit:
            money = _UNIT_CELL.match(compact(unit[0].text))
            draft.money = money[1] if money else "元"
            named = [c for c in row.cells if c.text and c not in unit]
            if named:
                draft.unit = named[0].text
                self.units.append(named[0])
            return
        filled = [c for c in row.cells if c.text]
        if draft.awaiting_purpose and not labels[0] and len(filled) == 1:
            draft.purpose = filled[0].text
            draft.awaiting_purpose = False
            return
        self.say(
            "IK616",
            Severity.WARNING,
            f"无法识别的表格行“{' | '.join(c.text for c in filled)}”，未导入 (a table row this "
            f"reader does not understand; not imported)",
            filled[0],
        )

    def untitled_table(self, row: TableRow, labels: list[str]) -> bool:
        """A table with no ``N.名称绩效目标表`` title above it: its unit row waits for the
        project; its 项目编码/项目名称 row opens the next project (numbered in order, and
        said so).  True when the row was taken here."""
        current = self.projects[-1] if self.projects else None
        fresh = (
            current is None
            or current.withheld is not None
            or bool(current.table_name or current.code or current.indicators)
        )
        if not fresh:
            return False
        if any(_UNIT_CELL.match(label) for label in labels):
            self.pending_unit.append(row)
            return True
        if not (labels[0] == "项目编码" or "项目名称" in labels):
            return False
        number = max((p.number for p in self.projects), default=0) + 1
        draft = _ProjectDraft(number, "", Where(Location(row.line)))
        self.projects.append(draft)
        self.section = "projects"
        self.say(
            "IK621",
            Severity.INFO,
            f"这张表上方没有“N.名称绩效目标表”标题，项目按顺序编为 {number} (no numbered title "
            f"above this table: the project is numbered {number} in order)",
            row.cells[0],
        )
        for waiting in self.pending_unit:
            self.row(waiting)
        self.pending_unit.clear()
        self.pairs(draft, row, labels)
        return True

    def pairs(self, draft: _ProjectDraft, row: TableRow, labels: list[str]) -> None:
        for index, label in enumerate(labels):
            value = row.cells[index + 1].text if index + 1 < len(row.cells) else ""
            if label == "项目编码":
                draft.code = value
            elif label == "项目名称":
                draft.table_name = value
                if draft.name and value and compact(value) != compact(draft.name):
                    self.say(
                        "IK619",
                        Severity.WARNING,
                        f"表中项目名称“{value}”与标题“{draft.name}”不同，取标题 (the table's "
                        f"project name differs from the title's; the title is kept)",
                        row.cells[index + 1],
                    )
                draft.name = draft.name or value

    def budget_row(self, draft: _ProjectDraft, row: TableRow, labels: list[str]) -> None:
        amounts: dict[str, Amount | None] = {}
        for index, label in enumerate(labels):
            key = (
                "total"
                if label == "预算数"
                else "fiscal"
                if "财政" in label
                else "other"
                if label == "其他资金"
                else None
            )
            if key is None or index + 1 >= len(row.cells):
                continue
            amounts[key] = self.money(row.cells[index + 1], draft.money)
        draft.awaiting_purpose = True
        total = amounts.get("total")
        if total is None:
            self.say(
                "IK618",
                Severity.WARNING,
                "没有预算数，未导入预算 (no 预算数: the budget is not imported)",
                row.cells[0],
            )
            return
        draft.budget = Budget(total, amounts.get("fiscal"), amounts.get("other"))

    def money(self, cell: Cell, unit: str) -> Amount | None:
        if not cell.text:
            return None
        text = cell.text.replace(",", "").replace("，", "")
        try:
            amount = parse_actual(text if not text[-1].isdigit() else text + unit)
            if isinstance(amount, Amount) and amount.unit.dimension == "[money]":
                return amount
        except IndicatorkitError:
            pass
        self.say(
            "IK618",
            Severity.ERROR,
            f"金额“{cell.text}”无法读出 (an amount that cannot be read)",
            cell,
        )
        return None

    def plan_row(self, draft: _ProjectDraft, row: TableRow) -> None:
        by = draft.plan_by or []
        draft.plan_by = None
        shares = [c for c in row.cells if c.text]
        if len(shares) != len(by):
            self.say(
                "IK618",
                Severity.WARNING,
                f"支出计划有 {len(by)} 个时点、{len(shares)} 个比例，未导入支出计划 "
                f"(the plan has {len(by)} dates and {len(shares)} shares; not imported)",
                shares[0] if shares else row.cells[0],
            )
            return
        points: list[Checkpoint] = []
        for date, share in zip(by, shares, strict=True):
            checkpoint = self.checkpoint(date.text, share.text, share)
            if checkpoint is None:
                return
            points.append(checkpoint)
        draft.plan = SpendingPlan(points)

    def indicator_row(self, draft: _ProjectDraft, row: TableRow) -> None:
        header = draft.header or {}

        def cell(field: str) -> Cell | None:
            index = header.get(field)
            return row.cells[index] if index is not None and index < len(row.cells) else None

        def text(field: str) -> str:
            found = cell(field)
            return found.text if found is not None else ""

        def name(field: str) -> str:
            """A name cell as one line: a label wrapped over lines, or written one character a
            line (``产\n出\n指\n标``), is joined back."""
            return text(field).replace("\n", "")

        if len(row.cells) < len(header):
            self.say(
                "IK616",
                Severity.ERROR,
                f"指标行只有 {len(row.cells)} 格，表头有 {len(header)} 列，未导入 (the row has "
                f"{len(row.cells)} cells, the header {len(header)} columns; not imported)",
                row.cells[0],
            )
            return
        draft.level1 = name("level1") or draft.level1
        if name("level1"):
            draft.level2 = ""
        draft.level2 = name("level2") or draft.level2
        target_cell = cell("target")
        if target_cell is None or not target_cell.text:
            self.say(
                "IK616",
                Severity.ERROR,
                "指标值是空的，该指标未导入 (the target is empty; the indicator is not imported)",
                target_cell or row.cells[0],
            )
            return
        target = self.target(target_cell.text, target_cell)
        if target is None:
            return
        try:
            draft.indicators.append(
                Indicator(
                    draft.level1,
                    draft.level2,
                    name("name"),
                    target,
                    target_text=target_cell.text,
                    description=text("description"),
                    basis=text("basis"),
                    where=Where(Location(row.line, 1)),
                )
            )
        except IndicatorkitError as error:
            self.say("IK616", Severity.ERROR, str(error), row.cells[0])


def _item_starts(body: str, first: int = 1) -> Iterator[int]:
    """Where the items ``1、`` ``2、`` … of an inline list start, counting up from ``first``."""
    expected, position = first, 0
    while True:
        found = re.compile(rf"(?<![\d.]){expected}、").search(body, position)
        if not found:
            return
        yield found.start()
        expected, position = expected + 1, found.end()


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
