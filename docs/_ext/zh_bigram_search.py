"""Chinese search for the docs site without a word segmenter (中文检索，无需分词词典).

Sphinx's own Chinese search (``html_search_language = "zh"``) cuts words with jieba, and
without jieba it indexes no Chinese at all.  This language splits every run of Chinese
characters into overlapping two-character pieces (``审核目标表`` → ``审核 核目 目标 标表``),
in the index and, with the same rule in JavaScript, in the query; Sphinx finds the pages that
hold every piece, so any phrase of two or more characters is found where it occurs, no
dictionary needed.  Latin words and code names (``IK105``, ``parse_target``) are indexed
as English.  A single Chinese character on its own is not searchable (too common to help).

>>> split_text("审核目标表 IK105 parse_target")
['审核', '核目', '目标', '标表', 'IK105', 'parse_target']
>>> split_text("元")
['元']
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.search.zh import SearchChinese

__all__ = ["SearchChineseBigrams", "setup", "split_text"]

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PIECES = re.compile(rf"[{_HAN}]+|[A-Za-z0-9_]+")

_JS_SPLITTER = r"""
function splitQuery(query) {
  const pieces = query.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9_]+/g) || [];
  const terms = [];
  for (const piece of pieces) {
    if (/^[A-Za-z0-9_]/.test(piece) || piece.length < 2) {
      terms.push(piece);
      continue;
    }
    for (let i = 0; i + 1 < piece.length; i++) terms.push(piece.slice(i, i + 2));
  }
  return terms;
}
"""


def split_text(text: str) -> list[str]:
    """The index terms of ``text``: Chinese runs as overlapping pairs, Latin words whole."""
    terms: list[str] = []
    for piece in _PIECES.findall(text):
        if piece[0].isascii() or len(piece) < 2:
            terms.append(piece)
        else:
            terms.extend(piece[i : i + 2] for i in range(len(piece) - 1))
    return terms


class SearchChineseBigrams(SearchChinese):
    """Sphinx's Chinese search language with two-character pieces instead of jieba."""

    js_splitter_code = _JS_SPLITTER
    # The JavaScript stemmer for the Latin words (the Python side stems them with the English
    # snowball stemmer) is Sphinx's english-stemmer.js, whose constructor is EnglishStemmer;
    # Sphinx ≥ 8 assigns ``window.Stemmer = {language_name}Stemmer``, and with Sphinx's own
    # "Chinese" that names a constructor that does not exist and every query hung.
    language_name = "English"

    def split(self, input: str) -> list[str]:
        terms = split_text(input)
        self.latin_terms.update(term for term in terms if term.isascii())
        return terms


def setup(app: Any) -> dict[str, Any]:
    app.add_search_language(SearchChineseBigrams)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
