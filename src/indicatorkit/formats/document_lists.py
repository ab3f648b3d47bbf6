"""Programme goal lists written inline in prose (layout G of the table layouts): a programme's
``绩效目标：…`` paragraph gives its spending plan (``资金累计支出进度3月底、…分别达到30%、…``) and the
list ``1、产出指标-数量指标-名称（描述），指标值>=6；2、…``, each item an indicator.

Where the text forces a choice — an item with two levels, a parenthesis never closed, a target
read leniently — the choice is made and said in a located finding (codes IK610–IK613, IK617,
IK618 of :mod:`~indicatorkit.formats.document`).

>>> from indicatorkit.formats.document_blocks import Paragraph
>>> said = DocumentFindings("说明.txt")
>>> lists = InlineLists(said)
>>> text = "1、产出指标-数量指标-受理数（受理的案件），指标值>=6；2、满意度指标-投诉率，指标值<=2%。"
>>> items = lists.items(Paragraph(text, 3), text, 0, 1)
>>> [(i.level1, i.level2, i.name, i.description, str(i.target)) for i in items]
[('产出指标', '数量指标', '受理数', '受理的案件', '≥6'), ('满意度指标', '', '投诉率', '', '≤2%')]
>>> [(f.code, f.place) for f in said.in_order()]
[('IK613', '说明.txt:3:33')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.formats.document_blocks import Paragraph
from indicatorkit.formats.document_findings import DocumentFindings
from indicatorkit.language.lenient import LenientParse
from indicatorkit.language.parse import parse_actual, parse_target
from indicatorkit.language.values import Amount, DatePoint
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Checkpoint, Indicator, Location, SpendingPlan, Where

__all__ = ["InlineLists"]

_NUMBERED = re.compile(r"^(\d+)\s*[.．、]\s*(.*)$", re.DOTALL)
_PLAN = re.compile(r"资金累计支出进度(.+?)分别达到(.+?)[。；;]")
_LEVELS = re.compile(r"[-—–－]")
_TARGET_WORD = re.compile(r"指标值(?!确定依据)")


class InlineLists:
    """Reads the plan and the inline lists of programme paragraphs, saying what it chose.

    >>> said = DocumentFindings("说明.txt")
    >>> lists = InlineLists(said)
    >>> text = "绩效目标：资金累计支出进度6月底、12月底分别达到50%、100%。1、产出指标-受理数，指标值>=6"
    >>> body = text.partition("：")[2]
    >>> plan = lists.plan(Paragraph(text, 1), lists.summary(body, 1), 5)
    >>> [str(point.share) for point in plan.checkpoints], said.in_order()
    (['50%', '100%'], ())
    """

    def __init__(self, said: DocumentFindings) -> None:
        self.say = said.say

    def items(self, paragraph: Paragraph, body: str, offset: int, first: int) -> list[Indicator]:
        """The indicators of the list in ``body`` (at ``offset`` in the paragraph), numbered
        from ``first`` on."""
        found: list[Indicator] = []
        starts = list(_item_starts(body, first))
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else len(body)
            indicator = self.inline_indicator(paragraph, body[start:end], offset + start)
            if indicator is not None:
                found.append(indicator)
        return found

    @staticmethod
    def summary(body: str, first: int) -> str:
        """The text of ``body`` before its list."""
        start = next(_item_starts(body, first), None)
        return body[:start].strip() if start is not None else body.strip()

    def plan(self, paragraph: Paragraph, summary: str, offset: int) -> SpendingPlan | None:
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

    def checkpoint(self, by: str, share: str, at: Paragraph, column: int = 1) -> Checkpoint | None:
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
        reading = self.target(target_text.strip(), paragraph, value_at + 1)
        if reading is None:
            return None
        try:
            return Indicator(
                level1,
                level2,
                name,
                reading.target,
                target_text=target_text.strip(),
                reading=reading,
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

    def target(self, text: str, at: Paragraph, column: int = 1) -> LenientParse | None:
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
        return result


def _item_starts(body: str, first: int = 1) -> Iterator[int]:
    """Where the items ``1、`` ``2、`` … of an inline list start, counting up from ``first``."""
    expected, position = first, 0
    while True:
        found = re.compile(rf"(?<![\d.]){expected}、").search(body, position)
        if not found:
            return
        yield found.start()
        expected, position = expected + 1, found.end()
