"""Reading the test corpora in tests/corpus/ (tab-separated, # comments)."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
SEED = Path(__file__).parents[1] / "examples" / "seed" / "000_878df4ebd272f24d.txt"


def rows(name: str) -> list[list[str]]:
    """Data rows of ``tests/corpus/<name>``; a line's cells keep their inner spaces."""
    result = []
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        result.append(line.split("\t"))
    return result


def first_cells() -> list[str]:
    """The first cell of every data row of every corpus file (targets, actuals, sentences),
    each distinct text once, sorted."""
    texts = set()
    for path in CORPUS.rglob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                texts.add(line.split("\t")[0])
    return sorted(texts)
