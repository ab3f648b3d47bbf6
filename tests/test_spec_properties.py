"""Laws of the spec format, over generated specs: the writer is canonical and lossless."""

from __future__ import annotations

from hypothesis import given, settings

from indicatorkit import Spec, dumps, lint, loads
from indicatorkit.strategies import specs


@settings(max_examples=150, deadline=None)
@given(specs())
def test_loads_dumps_round_trip(spec: Spec) -> None:
    text = dumps(spec)
    assert loads(text) == spec


@settings(max_examples=100, deadline=None)
@given(specs())
def test_dumps_is_idempotent(spec: Spec) -> None:
    text = dumps(spec)
    assert dumps(loads(text)) == text


@settings(max_examples=60, deadline=None)
@given(specs())
def test_lint_runs_on_any_spec_and_locates_what_it_finds(spec: Spec) -> None:
    text = dumps(spec)
    lines = text.split("\n")
    for finding in lint(loads(text), source=text):
        assert 1 <= finding.line <= len(lines)
        assert finding.source_line == lines[finding.line - 1]
