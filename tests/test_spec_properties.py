"""Laws of the spec format, over generated specs: the writer is canonical and lossless, and lint
locates what it finds.  One generated spec serves every law (generating one is the cost)."""

from __future__ import annotations

from hypothesis import given, settings

from indicatorkit import Spec, dumps, lint, loads
from indicatorkit.strategies import specs


@settings(max_examples=150, deadline=None)
@given(specs())
def test_spec_text_laws(spec: Spec) -> None:
    text = dumps(spec)
    read = loads(text)
    assert read == spec  # loads ∘ dumps is the identity
    assert dumps(read) == text  # dumps is idempotent: the canonical text reads back as itself
    lines = text.split("\n")
    for finding in lint(read, source=text):  # lint runs on any spec and locates its findings
        assert 1 <= finding.line <= len(lines)
        assert finding.source_line == lines[finding.line - 1]
