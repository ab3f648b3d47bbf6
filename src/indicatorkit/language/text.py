"""Text normalisation before anything is read: NFKC plus the look-alike alias table (NFKC
does not map ``≧ ≦``), keeping a map back to the text as the user gave it so that errors
point at the user's own characters.

>>> normalize("＞＝９０％")
('>=90%', None)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from indicatorkit.vocabulary import CHARACTER_ALIASES, SIGN_OPERATORS

__all__ = [
    "TARGET_CHARACTERS",
    "WORD_PUNCTUATION",
    "needs_normalizing",
    "normalize",
    "original_position",
    "words_only",
]

#: The characters a target cannot be written without: every text the target grammar reads
#: (normalised) holds one — the amount's digit or numeral (半 of 半成), or the 年 of a date
#: word (年底, 年内, 上半年, 全年).  A text with none is a sentence or an error, decided without
#: the grammar.  ``tests/test_target_characters.py`` proves it from the grammar's rules and
#: terminals, and that none of these could be left out.
TARGET_CHARACTERS = "0123456789零〇一二两三四五六七八九十百千万亿半年"

_ALIASES = str.maketrans(dict(CHARACTER_ALIASES))
#: finds a look-alike character: most texts have none, and a search is far cheaper than
#: ``str.translate`` with a dict table
_ANY_ALIAS = re.compile("|".join(re.escape(char) for char in CHARACTER_ALIASES)).search


def normalize(text: str) -> tuple[str, tuple[int, ...] | None]:
    """NFKC + look-alike aliases.  Returns the text and, when lengths changed, a map from each
    normalised character index (and the end) to the original index; ``None`` means identity.

    Superscripts, subscripts, vulgar fractions and circled numbers are *not* folded: NFKC
    would turn ``10²`` into ``102`` and ``①`` into ``1``, changing the number; left as they
    are, the reader refuses them.

    >>> normalize("10㎡")  # ㎡ becomes two characters: both map back to it
    ('10m2', (0, 1, 2, 2, 3))
    >>> normalize("10²")
    ('10²', None)
    >>> normalize("及时，足额")  # a full-width comma: normalised in one call
    ('及时,足额', None)
    """
    if _is_normalized("NFKC", text):
        return (text if _ANY_ALIAS(text) is None else text.translate(_ALIASES)), None
    whole = unicodedata.normalize("NFKC", text)
    if len(whole) == len(text) and _any_kept()(text) is None:
        # the common case (full-width commas, digits and signs): one call, no map needed
        return (whole if _ANY_ALIAS(whole) is None else whole.translate(_ALIASES)), None
    pieces: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        piece = char if _kept(char) else unicodedata.normalize("NFKC", char)
        pieces.append(piece)
        index.extend([position] * len(piece))
    index.append(len(text))
    normalised = "".join(pieces).translate(_ALIASES)
    if len(normalised) == len(text):
        return normalised, None
    return normalised, tuple(index)


_is_normalized = unicodedata.is_normalized

#: Punctuation of sentences that is no sign of the vocabulary (nor ``%‰~``); each mark
#: normalises to marks of this list (full-width to ASCII, … to ...).
WORD_PUNCTUATION = "".join(
    char
    for char in " \t,.;:!?()[]/、，。；：！？（）【】《》〈〉‘’'·…"
    if char not in {*"".join(SIGN_OPERATORS), *"%‰~"}
)
#: True for a text of CJK ideographs (their own normal form), ASCII letters and
#: :data:`WORD_PUNCTUATION` only: its normal form holds no digit and no sign, so no number can
#: be read from it — decided on the text as given, without normalising.
words_only = re.compile("[\u4e00-\u9fffA-Za-z" + re.escape(WORD_PUNCTUATION) + "]+").fullmatch


def needs_normalizing(text: str) -> bool:
    """False when :func:`normalize` would give ``text`` back unchanged (the common case,
    checked far faster than normalising).

    >>> needs_normalizing("≥95%"), needs_normalizing("＞＝９０％"), needs_normalizing("萬元")
    (False, True, True)
    """
    return not _is_normalized("NFKC", text) or _ANY_ALIAS(text) is not None


_KEPT_TAGS = ("<super>", "<sub>", "<fraction>", "<circle>")


def _kept(char: str) -> bool:
    return unicodedata.decomposition(char).startswith(_KEPT_TAGS)


@lru_cache(maxsize=1)
def _any_kept() -> Callable[[str], re.Match[str] | None]:
    """A search for any character :func:`normalize` keeps (about 500, all below U+30000;
    found once per process, in milliseconds)."""
    runs: list[list[int]] = []
    for code in range(0x80, 0x30000):
        if _kept(chr(code)):
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    # as ranges (about 40): a class of 500 single characters is searched three times slower
    ranges = "".join(
        re.escape(chr(first))
        if first == last
        else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last in runs
    )
    return re.compile(f"[{ranges}]").search


def original_position(index: tuple[int, ...] | None, position: int) -> int:
    """The index in the text as given of ``position`` in the normalised text.

    >>> index = normalize("10㎡")[1]
    >>> original_position(index, 3), original_position(index, 4), original_position(None, 3)
    (2, 3, 3)
    """
    if index is None:
        return position
    return index[max(0, min(position, len(index) - 1))]
