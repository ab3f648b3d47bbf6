"""Every 指标值 of the seed document parses; the corpus lists them all."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from indicatorkit import IndicatorkitError, parse_target
from indicatorkit.language import Qualitative
from tests.corpus_files import SEED, rows

SEED_ROWS = rows("seed_targets.tsv")


def _seed_values() -> Counter[tuple[int, str]]:
    """(line, 指标值) pairs read from the seed: table cells and the programme goal lists."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    found: Counter[tuple[int, str]] = Counter()
    cells: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line.startswith("\t"):
            cells.append((number, line[1:]))
            continue
        # a table row is six tab-indented cells; the 5th is the target value
        if len(cells) == 6 and cells[0][1] != "一级指标":
            found[cells[4]] += 1
        cells = []
    for number, line in enumerate(lines, 1):
        for match in re.finditer(r"指标值(?!确定依据)(.*?)(?=[；;。]|\d、|$)", line):
            if match.group(1):
                found[(number, match.group(1))] += 1
    return found


def test_corpus_lists_every_seed_target() -> None:
    listed = Counter((int(line), text) for line, text, *_ in SEED_ROWS)
    assert listed == _seed_values()
    assert sum(listed.values()) == 108


@pytest.mark.parametrize(("line", "text", "mode", "kind", "canonical", "codes"), SEED_ROWS)
def test_seed_target(
    line: str, text: str, mode: str, kind: str, canonical: str, codes: str
) -> None:
    if mode == "strict":
        target = parse_target(text)
    else:
        with pytest.raises(IndicatorkitError):
            parse_target(text)
        result = parse_target(text, lenient=True)
        assert [d.code for d in result.diagnostics] == codes.split(",")
        target = result.target
    assert type(target).__name__ == kind
    assert str(target) == canonical
    assert parse_target(str(target)) == target


def test_seed_qualitative_targets_have_no_grade_until_graded() -> None:
    target = parse_target("及时足额发放")
    assert isinstance(target, Qualitative)
    assert target.check("已按时足额发放").met is None
    assert target.check("达成").met is True
    assert target.check("部分达成").met is False
