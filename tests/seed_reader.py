"""An independent reader of the seed document (examples/seed/000_878df4ebd272f24d.txt) into
the spec model, written from the seed's own layout (not from the example spec file).

The seed has two parts:

* 第一部分 部门整体绩效目标 — prose: "总体绩效目标是：…", goals "N.…" (one a line), five
  programmes (“…”项目 paragraph, then "绩效目标：" with nine items "k、一级-二级-三级（描述），
  指标值X" written inline) and the 工作保障措施 lists ("业务保障措施：", "财务保障措施：").
* 第二部分 预算项目绩效目标 — tables "N.名称绩效目标表": one cell a line, each cell indented by
  a tab, rows separated by lines without a tab; and a line saying which projects are withheld.

Every layout assumption is checked; a seed that does not match fails loudly (``SeedLayoutError``)
rather than being read wrongly.

>>> spec = read_seed(SEED)
>>> [project.number for project in spec.projects if project.withheld is None]
[1, 2, 3, 4, 5, 14, 15]
"""

from __future__ import annotations

import re
from pathlib import Path

from indicatorkit import parse_actual, parse_target
from indicatorkit.language import Amount, DatePoint
from indicatorkit.model.records import (
    Budget,
    Checkpoint,
    Department,
    DepartmentGoal,
    Indicator,
    MeasureGroup,
    Programme,
    Project,
    Spec,
    SpendingPlan,
)

__all__ = ["SEED", "SeedLayoutError", "read_seed"]

SEED = Path(__file__).parents[1] / "examples" / "seed" / "000_878df4ebd272f24d.txt"

_BOOKMARK = re.compile(r"^\[bookmark: [^\]]*\]")
_GOAL = re.compile(r"^(\d+)\.(.*)$")
#: A counted figure in a goal: a number with a counting word (not a year, not a percentage).
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:人次|份|件|次|人|场|个|名)")
_PROGRAMME = re.compile(r"^“([^”]+)”项目")
_PLAN = re.compile(r"资金累计支出进度(.+?)分别达到(.+?)。")
_MEASURE_ITEM = re.compile(r"^\d+[、.．]\s*(.*)$")
_TABLE_TITLE = re.compile(r"^(\d+)\.(.+)绩效目标表$")
_WITHHELD = re.compile(r"^(\d+)-(\d+)号项目")
_BASIS = "以上指标是根据计划安排确定"
#: Title of an inline item: everything before the first "（" or "，" — but "（%）" belongs to it.
_TITLE = re.compile(r"^((?:[^（，]|（%）)*)(.*)$", re.DOTALL)
_LEVEL_DASH = re.compile(r"[-—]")


class SeedLayoutError(ValueError):
    """The seed does not have the layout this reader expects."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SeedLayoutError(message)


def read_seed(path: str | Path = SEED) -> Spec:
    """The seed document at ``path`` as a :class:`Spec`."""
    text = Path(path).read_text(encoding="utf-8")
    lines = [_BOOKMARK.sub("", line).rstrip("\r") for line in text.split("\n")]
    part2 = next(i for i, line in enumerate(lines) if line.strip() == "第二部分")
    projects = _projects(lines[part2:])
    unit = next(p.unit for p in projects if p.unit)
    match = re.fullmatch(r"(\d+)(.+)", unit)
    _expect(match is not None, f"unit cell is not 'code name': {unit!r}")
    assert match is not None
    # The seed has no year heading: it is the latest year it mentions ("2025年预计…").
    year = max(int(y) for y in re.findall(r"(20\d\d)年", text))
    department = Department(
        code=match[1],
        name=match[2],
        year=year,
        overall_goal=_after(lines, "总体绩效目标是："),
        goals=_goals(lines[:part2]),
        programmes=_programmes(lines[:part2]),
        measures=_measures(lines[:part2]),
    )
    return Spec(department, projects)


# ---------------------------------------------------------------------------------------------
# 第一部分


def _index(lines: list[str], start: str, after: int = 0) -> int:
    for i in range(after, len(lines)):
        if lines[i].strip().startswith(start):
            return i
    raise SeedLayoutError(f"no line starting with {start!r}")


def _after(lines: list[str], prefix: str) -> str:
    return lines[_index(lines, prefix)].strip().removeprefix(prefix).strip()


def _goals(lines: list[str]) -> list[DepartmentGoal]:
    start = _index(lines, "总体绩效目标是：") + 1
    end = _index(lines, "二、分项绩效目标", start)
    goals = []
    for line in lines[start:end]:
        if not line.strip():
            continue
        match = _GOAL.match(line.strip())
        _expect(match is not None, f"not a numbered goal: {line!r}")
        assert match is not None
        text = match[2].strip()
        figures = [parse_actual(figure) for figure in _FIGURE.findall(text)]
        _expect(all(isinstance(f, Amount) for f in figures), f"figures of {text!r}")
        goals.append(DepartmentGoal(int(match[1]), text, figures))
    return goals


def _programmes(lines: list[str]) -> list[Programme]:
    start = _index(lines, "二、分项绩效目标") + 1
    end = _index(lines, "三、工作保障措施", start)
    blocks: list[list[str]] = []
    for line in lines[start:end]:
        if _PROGRAMME.match(line.strip()):
            blocks.append([])
        _expect(bool(blocks) or not line.strip(), f"text before the first programme: {line!r}")
        if line.strip():
            blocks[-1].append(line.strip())
    return [_programme(block) for block in blocks]


def _programme(block: list[str]) -> Programme:
    first, *rest = block
    match = _PROGRAMME.match(first)
    assert match is not None
    body = "".join(rest)
    _expect(body.startswith("绩效目标："), f"programme {match[1]}: no 绩效目标： paragraph")
    body = body.removeprefix("绩效目标：")
    starts = _item_starts(body)
    summary = body[: starts[0]].strip()
    items = [body[a + 2 : b] for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
    plan = None
    found = _PLAN.search(summary)
    if found:
        points = found[1].split("、")
        shares = found[2].split("、")
        _expect(len(points) == len(shares), f"plan {found[0]!r}")
        plan = SpendingPlan(
            _checkpoint(by, share) for by, share in zip(points, shares, strict=True)
        )
    return Programme(
        name=match[1],
        goal=first,
        summary=summary,
        plan=plan,
        indicators=[_inline_indicator(item) for item in items],
    )


def _checkpoint(by: str, share: str) -> Checkpoint:
    """``3月底`` and ``30%`` as a checkpoint of a spending plan."""
    point, amount = parse_actual(by.strip()), parse_actual(share.strip())
    _expect(
        isinstance(point, DatePoint) and isinstance(amount, Amount),
        f"not a checkpoint: {by!r} {share!r}",
    )
    assert isinstance(point, DatePoint) and isinstance(amount, Amount)
    return Checkpoint(point, amount)


def _item_starts(body: str) -> list[int]:
    """Offsets of "1、" … "9、": each the first after the previous one, not after a digit."""
    starts: list[int] = []
    number = 1
    while True:
        found = re.compile(rf"(?<!\d){number}、").search(body, starts[-1] + 2 if starts else 0)
        if found is None:
            break
        starts.append(found.start())
        number += 1
    _expect(len(starts) == 9, f"expected 9 items, found {len(starts)} in {body[:40]!r}…")
    return starts


def _inline_indicator(item: str) -> Indicator:
    """``一级-二级-三级（描述），指标值X``, optionally followed by the basis sentence."""
    item = item.strip()
    basis = ""
    if _BASIS in item:
        item, _, tail = item.partition(_BASIS)
        _expect(tail.strip() in ("", "。"), f"text after the basis: {tail!r}")
        basis = _BASIS
    _expect(item.count("指标值") == 1, f"one 指标值 per item: {item!r}")
    head, _, target_text = item.partition("指标值")
    target_text = target_text.strip().rstrip("；;。").strip()
    if target_text.startswith("为") and not re.match(r"为[<>=≥≤,，\d]", target_text):
        target_text = target_text[1:]  # 指标值为重点开展… : the copula is not part of the value
    head = head.strip().rstrip("，,。；;").strip()
    title_match = _TITLE.fullmatch(head)
    assert title_match is not None  # the pattern matches any text
    title, rest = title_match.groups()
    levels = [level.strip() for level in _LEVEL_DASH.split(title)]
    if rest.startswith("，"):  # "效果指标-连续性指标，长期开展…": no name, prose description
        description = rest[1:]
    else:
        description = _parenthesised(rest)
    if len(levels) == 2:
        if rest.startswith("，") and levels[1].endswith("指标"):
            level1, level2, name = levels[0], levels[1], ""  # no level-3 name
        else:
            level1, level2, name = levels[0], "", levels[1]  # no level-2
    else:
        _expect(len(levels) == 3, f"levels of {item!r}")
        level1, level2, name = levels
    return Indicator(
        level1,
        level2,
        name,
        parse_target(target_text, lenient=True).target,
        target_text=target_text,
        description=description,
        basis=basis,
    )


def _parenthesised(text: str) -> str:
    """``（…（…）…）`` → its inside; a parenthesis the seed never closes runs to the end."""
    if not text:
        return ""
    _expect(text.startswith("（"), f"expected a parenthesis: {text!r}")
    depth = 0
    for i, char in enumerate(text):
        depth += {"（": 1, "）": -1}.get(char, 0)
        if depth == 0:
            _expect(i == len(text) - 1, f"text after the description: {text!r}")
            return text[1:i]
    return text[1:]


def _measures(lines: list[str]) -> list[MeasureGroup]:
    start = _index(lines, "三、工作保障措施") + 1
    groups: list[MeasureGroup] = []
    title: str | None = None
    items: list[str] = []
    for line in [*lines[start:], "第二部分"]:
        stripped = line.strip()
        if stripped.endswith("保障措施：") or stripped == "第二部分":
            if title is not None:
                groups.append(MeasureGroup(title, items))
            if stripped == "第二部分":
                break
            title, items = stripped.removesuffix("："), []
        elif stripped:
            match = _MEASURE_ITEM.match(stripped)
            _expect(title is not None and match is not None, f"not a measure: {line!r}")
            assert match is not None
            items.append(match[1].strip())
    return groups


# ---------------------------------------------------------------------------------------------
# 第二部分


def _projects(lines: list[str]) -> list[Project]:
    projects: list[Project] = []
    title: re.Match[str] | None = None
    rows: list[list[str]] = []
    row: list[str] = []

    def finish() -> None:
        if title is not None:
            projects.append(_table(int(title[1]), rows))

    for line in lines:
        if line.startswith("\t"):
            row.append(line[1:])
            continue
        if row:
            rows.append(row)
            row = []
        stripped = line.strip()
        if _TABLE_TITLE.match(stripped):
            finish()
            title, rows = _TABLE_TITLE.match(stripped), []
        elif withheld := _WITHHELD.match(stripped):
            finish()
            title, rows = None, []
            projects.extend(
                Project(number, withheld=stripped)
                for number in range(int(withheld[1]), int(withheld[2]) + 1)
            )
    if row:
        rows.append(row)
    finish()
    return projects


def _table(number: int, rows: list[list[str]]) -> Project:
    _expect(len(rows) == 8 + 9, f"project {number}: {len(rows)} rows")
    labels = {1: "项目编码", 2: "预算规模及资金用途", 4: "资金支出计划（%）", 6: "绩效目标"}
    for row_index, label in labels.items():
        _expect(rows[row_index][0] == label, f"project {number}: row {row_index} is not {label}")
    unit, money = rows[0]
    _expect(money.startswith("单位："), f"project {number}: {money!r}")
    currency = money.removeprefix("单位：")
    _, code, name_label, name = rows[1]
    _expect(name_label == "项目名称", f"project {number}: {name_label!r}")
    budget_row = rows[2]
    _expect(
        budget_row[1] == "预算数"
        and re.sub(r"\s", "", budget_row[3]) == "其中：财政资金"
        and budget_row[5] == "其他资金",
        f"project {number}: budget row {budget_row!r}",
    )

    def amount(cell: str) -> Amount | None:
        if not cell.strip():
            return None
        value = parse_actual(cell.strip() + currency)
        _expect(isinstance(value, Amount), f"project {number}: amount {cell!r}")
        assert isinstance(value, Amount)
        return value

    total = amount(budget_row[2])
    assert total is not None
    budget = Budget(total, amount(budget_row[4]), amount(budget_row[6]))
    _expect(rows[3][0] == "" and len(rows[3]) == 2, f"project {number}: purpose row")
    purpose = rows[3][1]
    _expect(rows[5][0] == "", f"project {number}: plan row")
    plan = SpendingPlan(
        _checkpoint(by, share) for by, share in zip(rows[4][1:], rows[5][1:], strict=True)
    )
    goal = rows[6][1].strip()
    _expect(
        rows[7] == ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
        f"project {number}: header {rows[7]!r}",
    )
    indicators = []
    level1 = ""
    for cells in rows[8:]:
        _expect(len(cells) == 6, f"project {number}: indicator row {cells!r}")
        level1 = cells[0].strip() or level1  # blank on continuation rows
        level2, indicator_name, description, target_text, basis = (c.strip() for c in cells[1:])
        indicators.append(
            Indicator(
                level1,
                level2,
                indicator_name,
                parse_target(target_text, lenient=True).target,
                target_text=target_text,
                description=description,
                basis=basis,
            )
        )
    return Project(
        number,
        name=name,
        code=code,
        unit=unit,
        budget=budget,
        purpose=purpose,
        plan=plan,
        goal=goal,
        indicators=indicators,
    )
