"""The per-feature corpora in tests/corpus/: input → expected target or error."""

from __future__ import annotations

import pytest

import indicatorkit
from indicatorkit import IndicatorkitError, parse_target
from tests.corpus_files import rows


@pytest.mark.parametrize(("text", "canonical", "kind"), rows("targets.tsv"))
def test_target_forms(text: str, canonical: str, kind: str) -> None:
    target = parse_target(text)
    assert type(target).__name__ == kind
    assert str(target) == canonical
    assert parse_target(canonical) == target


@pytest.mark.parametrize(("text", "error", "column", "fragment"), rows("errors.tsv"))
def test_errors(text: str, error: str, column: str, fragment: str) -> None:
    with pytest.raises(getattr(indicatorkit.errors, error)) as caught:
        parse_target(text)
    assert caught.value.column == int(column)
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == text
    # the lenient reader gives up on these too, with the same kind of error
    # (except where a repair applies, which lenient.tsv covers)


@pytest.mark.parametrize(("text", "canonical", "codes"), rows("lenient.tsv"))
def test_lenient_repairs(text: str, canonical: str, codes: str) -> None:
    result = parse_target(text, lenient=True)
    assert str(result.target) == canonical
    assert [d.code for d in result.diagnostics] == codes.split(",")
    assert result.repaired
    for diagnostic in result.diagnostics:
        assert text[diagnostic.position : diagnostic.end] == diagnostic.original
        assert diagnostic.message


@pytest.mark.parametrize(("text", "error"), rows("lenient_refused.tsv"))
def test_lenient_refuses_guesses(text: str, error: str) -> None:
    with pytest.raises(getattr(indicatorkit.errors, error)):
        parse_target(text, lenient=True)


@pytest.mark.parametrize(("text", "canonical", "kind"), rows("targets.tsv"))
def test_lenient_changes_nothing_readable(text: str, canonical: str, kind: str) -> None:
    result = parse_target(text, lenient=True)
    assert result.target == parse_target(text)
    assert result.diagnostics == ()


def test_every_error_is_an_indicatorkit_error() -> None:
    for text, *_ in rows("errors.tsv"):
        with pytest.raises(IndicatorkitError):
            parse_target(text)
