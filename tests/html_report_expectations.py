"""What the HTML report must show, computed from the scoring directly (not from the page
records), and a reader of the numbers a page shows (its ``data-key`` elements)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from html.parser import HTMLParser

from indicatorkit import Spec, lint, score
from indicatorkit.language import Amount
from indicatorkit.scoring.indicator import display
from indicatorkit.scoring.report import SpecScore


def shown(low: Fraction, high: Fraction) -> str:
    return display(low) if low == high else f"{display(low)}–{display(high)}"


def expected_numbers(spec: Spec, result: SpecScore | None = None) -> dict[str, str]:
    """Every ``data-key`` the page of ``spec`` must carry, and its text."""
    result = result or score(spec)
    findings = [*result.findings, *lint(spec)]
    numbers: dict[str, str] = {"department.projects": str(len(result.projects))}
    if result.department_range is None:  # nothing scored
        numbers["department.total"] = numbers["department.grade"] = "—"
    else:
        numbers["department.total"] = shown(*result.department_range)
        numbers["department.grade"] = result.department_grade or "待定 undecided"
    for severity in ("error", "warning", "info"):
        numbers[f"findings.{severity}"] = str(sum(f.severity.value == severity for f in findings))
    for code in {f.code for f in findings}:
        numbers[f"findings.code.{code}"] = str(sum(f.code == code for f in findings))
    for project in result.projects:
        key = f"p{project.number}"
        numbers[f"{key}.total"] = shown(*project.total_range)
        numbers[f"{key}.grade"] = project.grade or (
            "不评 withheld" if project.grade_note else "待定 undecided"
        )
        for index, item in enumerate(project.indicators):
            numbers[f"{key}.i{index}.weight"] = display(item.score.weight)
            numbers[f"{key}.i{index}.score"] = (
                display(item.score.score)
                if item.score.score is not None
                else shown(*item.score.score_range)
            )
        budget = project.budget
        numbers[f"{key}.budget.rate"] = (
            "" if budget.rate is None else f"{display(budget.rate * 100)}%"
        )
        numbers[f"{key}.budget.weight"] = display(budget.weight)
        numbers[f"{key}.budget.score"] = shown(*budget.score_range)
        numbers[f"{key}.level.预算执行率"] = shown(*budget.score_range)
        for sub in project.subtotals:
            if not sub.level2:
                numbers[f"{key}.level.{sub.level1}"] = shown(*sub.score_range)
    return numbers


def expected_spending(spec: Spec) -> dict[str, str]:
    """Planned and spent shares at each checkpoint, for specs whose plan and spending name
    the same checkpoints (as the bundled example does)."""
    numbers: dict[str, str] = {}
    for project in spec.projects:
        if project.plan is None or project.spent is None or not project.indicators:
            continue
        plan, spent = project.plan.checkpoints, project.spent.checkpoints
        assert [c.by for c in plan] == [c.by for c in spent]
        for index, (planned, done) in enumerate(zip(plan, spent, strict=True)):
            numbers[f"p{project.number}.spending.{index}.planned"] = (
                f"{display(planned.share.normalized * 100)}%"
            )
            numbers[f"p{project.number}.spending.{index}.spent"] = (
                f"{display(done.share.normalized * 100)}%"
            )
    return numbers


def _wan(amount: Amount | None) -> str:
    """Money in 万元 as the page shows it, computed apart from the page's own code."""
    if amount is None:
        return "—"
    with localcontext() as context:
        context.prec = 400  # amounts of any size the strategies draw
        value = Decimal(amount.normalized.numerator) / Decimal(amount.normalized.denominator)
        shown = (value / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return f"{shown if shown else abs(shown):,}万元"  # no "-0.00": a sum under half a cent is 0


def expected_facts(spec: Spec) -> dict[str, str]:
    """The goal, the conclusions and the funds table of every scored project."""
    numbers: dict[str, str] = {}
    for project in spec.projects:
        if project.withheld is not None or not project.indicators:
            continue
        key = f"p{project.number}"
        if project.goal or project.goal_outcome:
            numbers[f"{key}.goal"] = project.goal.strip() or "—"
            numbers[f"{key}.goal_outcome"] = project.goal_outcome.strip() or "—"
        for name in ("conclusion", "problems", "improvements"):
            if getattr(project, name):
                numbers[f"{key}.{name}"] = getattr(project, name).strip()
        budget = project.budget.total if project.budget is not None else None
        if budget is None and project.adjusted_budget is None and project.executed is None:
            continue
        adjusted = project.adjusted_budget  # the 全年预算数 beside the declared 年初预算数
        numbers[f"{key}.funds.0.initial"] = _wan(budget if adjusted is not None else None)
        numbers[f"{key}.funds.0.budget"] = _wan(adjusted or budget)
        numbers[f"{key}.funds.0.executed"] = _wan(project.executed)
        if project.fund_sources:
            for index, source in enumerate(project.fund_sources, 1):
                numbers[f"{key}.funds.{index}.initial"] = _wan(source.initial)
                numbers[f"{key}.funds.{index}.budget"] = _wan(source.budget)
                numbers[f"{key}.funds.{index}.executed"] = _wan(source.executed)
            continue
        parts = [] if project.budget is None else [project.budget.fiscal, project.budget.other]
        for index, part in enumerate((p for p in parts if p is not None), 1):
            numbers[f"{key}.funds.{index}.initial"] = _wan(part) if adjusted else "—"
            numbers[f"{key}.funds.{index}.budget"] = "—" if adjusted else _wan(part)
            numbers[f"{key}.funds.{index}.executed"] = "—"
    return numbers


class _Keys(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.numbers: dict[str, str] = {}
        self.texts: list[str] = []
        self._collect: dict[str, list[str]] = {}
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        key = dict(attrs).get("data-key")
        self.open.append((tag, key))
        if key is not None:
            self._collect[key] = []
        if tag == "script":
            self._script = True

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            name, key = self.open.pop()
            if key is not None:
                self.numbers[key] = "".join(self._collect.pop(key)).strip()
            if name == tag:
                break
        if tag == "script":
            self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            return
        self.texts.append(data)
        for parts in self._collect.values():
            parts.append(data)


def page_numbers(html: str) -> tuple[dict[str, str], str]:
    """The text of every ``data-key`` element, and all the page's text outside scripts."""
    reader = _Keys()
    reader.feed(html)
    reader.close()
    return reader.numbers, "".join(reader.texts)
