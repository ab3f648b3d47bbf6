"""The real self-assessment corpus (tests/corpus/real/self_assessment.tsv) as specs, one project
per published table, for the audit tests: each row's printed 得分 becomes the indicator's
``evaluator_score``, a 预算执行率 row the project's budget line with its printed 得分."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

import attrs

from indicatorkit import Direction, Indicator, Project, Spec, parse_target
from indicatorkit.errors import IndicatorkitError
from indicatorkit.language import Amount
from indicatorkit.model import Budget
from indicatorkit.model.printed import Printed
from indicatorkit.units import unit

CORPUS = Path(__file__).parent / "corpus" / "real" / "self_assessment.tsv"
DIRECTIONS = {"反向": Direction.LOWER, "正向": Direction.HIGHER}


@attrs.frozen
class CorpusRow:
    """A corpus row and the project and indicator (or budget line) it became."""

    fields: dict[str, str]
    project: int
    position: int | None  # the indicator's index in its project; None for the budget line


def rows() -> list[dict[str, str]]:
    lines = [
        line for line in CORPUS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def number(text: str) -> Fraction | None:
    try:
        return Fraction(Decimal(text.replace(",", "").strip()))
    except (InvalidOperation, ValueError):
        return None


def corpus_spec() -> tuple[Spec, list[CorpusRow], list[dict[str, str]]]:
    """The corpus as one spec (a project per source and table), the rows that landed, and the
    rows that could not (an unreadable printed score or target), for the coverage count."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows():
        groups.setdefault((row["source"], row["table"]), []).append(row)
    projects, landed, left = [], [], []
    for number_, ((source, table), members) in enumerate(groups.items(), 1):
        indicators: list[Indicator] = []
        fields: dict[str, object] = {}
        for row in members:
            printed, weight = number(row["score"]), number(row["weight"])
            if printed is None or weight is None:
                left.append(row)
                continue
            if row["level1"] == "预算执行率":
                budget, executed = number(row["target"]), number(row["actual"])
                if "budget" in fields or budget is None or executed is None:
                    left.append(row)  # a second budget row (其中:当年财政拨款): one line a table
                    continue
                fields.update(
                    budget=Budget(Amount(budget, unit("万元"))),
                    executed=Amount(executed, unit("万元")),
                    budget_weight=weight,
                    printed=Printed(budget_score=printed, sheet=source),
                )
                landed.append(CorpusRow(row, number_, None))
                continue
            try:
                target = parse_target(row["target"], lenient=True).target
                indicator = Indicator(
                    row["level1"].replace(" / ", "/"),
                    row["level2"].replace(" / ", "/"),
                    row["level3"].replace(" / ", "/"),
                    target,
                    target_text=row["target"],
                    weight=weight,
                    actual=row["actual"],
                    evaluator_score=printed,
                    direction=DIRECTIONS.get(row.get("direction") or ""),
                )
            except (IndicatorkitError, ValueError):
                left.append(row)
                continue
            landed.append(CorpusRow(row, number_, len(indicators)))
            indicators.append(indicator)
        if not indicators:  # a budget row alone: a table of one line
            fields.setdefault("printed", Printed(sheet=source))
        projects.append(
            Project(number_, f"{source} {table}"[:200], indicators=indicators, **fields)
        )  # type: ignore[arg-type]
    return Spec(projects=projects), landed, left


def audited(spec: Spec) -> Iterator[tuple[int, int | None]]:
    """(project, indicator position or None) of every row that has a printed score."""
    for project in spec.projects:
        for position, indicator in enumerate(project.indicators):
            if indicator.evaluator_score is not None:
                yield project.number, position
        if project.printed is not None and project.printed.budget_score is not None:
            yield project.number, None
