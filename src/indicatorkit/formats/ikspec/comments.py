"""The comments of a spec file (``# …`` lines), each given to the record it belongs to: a
comment belongs to the next entry after it; comments at the end of the file, and comments at
its top that a blank line separates from the first entry, belong to the spec (the writer puts
them at its top).

>>> comments = Comments(["项目 1", "# 说明", "  预算：5元"], {2: "说明"}, [1, 3])
>>> comments.leading, comments.claim([1, 3]), comments.claim([3])
([], ('说明',), ())
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["Comments"]


class Comments:
    """The comments of a text by the line of the entry they belong to (see the module):
    ``lines`` the text's lines, ``comments`` each comment line's text by its number,
    ``entries`` the numbers of the lines that hold an entry.

    >>> Comments(["# 说明", "", "项目 1", "# 结尾"], {1: "说明", 4: "结尾"}, [3]).leading
    ['说明', '结尾']
    """

    def __init__(self, lines: list[str], comments: dict[int, str], entries: Iterable[int]) -> None:
        #: The comments of the spec itself.
        self.leading: list[str] = []
        self._by_line: dict[int, list[str]] = {}
        self._claimed: set[int] = set()
        numbers = sorted(entries)
        for number, text in sorted(comments.items()):
            after = bisect.bisect_right(numbers, number)
            following = numbers[after] if after < len(numbers) else None
            gap = (
                following is not None
                and following == numbers[0]
                and any(not lines[n - 1].strip() for n in range(number + 1, following))
            )
            if following is None or gap:
                self.leading.append(text)
            else:
                self._by_line.setdefault(following, []).append(text)

    def claim(self, lines: Iterable[int]) -> tuple[str, ...]:
        """The comments on ``lines`` that no record has claimed yet (records inside a record
        are built, and claim theirs, first)."""
        found: list[str] = []
        for line in lines:
            if line not in self._claimed:
                self._claimed.add(line)
                found.extend(self._by_line.get(line, ()))
        return tuple(found)
