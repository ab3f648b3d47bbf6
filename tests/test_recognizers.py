"""The yardstick: cases written from Microsoft Recognizers-Text's Chinese Number, Percent and
NumberRange specs (tests/corpus/recognizers_*.tsv), read by our conventions.

Every applicable case reads right (compared by meaning: kind, operator, bounds in base
units), or is refused where the corpus says so; no case — divergences included — is read
as a sentence.  The share read right is printed.
"""

from __future__ import annotations

from collections import Counter

import pytest

from indicatorkit import Comparison, IndicatorkitError, parse_target
from indicatorkit.language import Qualitative
from indicatorkit.language.targets import AnyTarget
from tests.corpus_files import rows

FILES = ("recognizers_number.tsv", "recognizers_percent.tsv", "recognizers_range.tsv")
CASES = [(name, *row[:3]) for name in FILES for row in rows(name)]


def _meaning(target: AnyTarget) -> tuple[object, ...]:
    bounds = target.bounds()  # type: ignore[union-attr]
    bare = isinstance(target, Comparison) and target.operator is None
    return type(target).__name__, bounds.dimension, bounds.lower, bounds.upper, bare


def _verdict(text: str, expected: str) -> str:
    """``right``, ``divergence``, ``sentence`` or ``wrong: …`` for one case."""
    try:
        got: AnyTarget | IndicatorkitError = parse_target(text)
    except IndicatorkitError as error:
        got = error
    if isinstance(got, Qualitative):
        return "sentence"
    if expected.startswith("divergence"):
        return "divergence"
    if expected == "refused":
        return "right" if isinstance(got, IndicatorkitError) else f"wrong: read as {got!r}"
    if isinstance(got, IndicatorkitError):
        return f"wrong: refused ({str(got).splitlines()[0][:80]})"
    if _meaning(got) != _meaning(parse_target(expected)):
        return f"wrong: read as {got!r}, expected {expected}"
    return "right"


def test_the_corpus_is_not_empty_and_names_its_sources() -> None:
    assert len(CASES) >= 500
    for name, text, expected, source in CASES:
        assert text.strip() and expected, (name, text)
        assert source.endswith("Model.json"), (name, text, source)


@pytest.mark.parametrize(("name", "text", "expected", "source"), CASES, ids=lambda v: str(v)[:24])
def test_case(name: str, text: str, expected: str, source: str) -> None:
    verdict = _verdict(text, expected)
    assert verdict in ("right", "divergence"), (text, verdict, source)


def test_share_read_right(capsys: pytest.CaptureFixture[str]) -> None:
    verdicts = Counter(_verdict(text, expected).split(":")[0] for _, text, expected, _ in CASES)
    applicable = len(CASES) - verdicts["divergence"]
    right = verdicts["right"]
    with capsys.disabled():
        print(
            f"\nRecognizers-Text Chinese specs: {right} of {applicable} applicable cases read "
            f"right ({right / applicable:.1%}); {verdicts['divergence']} documented "
            f"divergences; {verdicts['sentence']} read as sentences; {verdicts['wrong']} wrong"
        )
    assert right / applicable >= 0.95
    assert verdicts["sentence"] == 0
    assert verdicts["wrong"] == 0
