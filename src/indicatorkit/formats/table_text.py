"""The text of a table file saved by Excel or WPS: UTF-8 (a byte-order mark dropped), else GBK
(Excel's "CSV" on Chinese Windows).  UTF-16 ("Unicode text"), binary files and anything else
are refused, saying why and where; each format turns the refusal into its own finding.

>>> decode_table("\\ufeff指标值".encode("utf-8")), decode_table("指标值".encode("gbk"))
('指标值', '指标值')
>>> try:
...     decode_table("指标值".encode("utf-16"))
... except UndecodableTable as problem:
...     print(problem.line, problem.message)
1 文件是 UTF-16 编码 (the file is UTF-16) — 只读 UTF-8 与 GBK / only UTF-8 and GBK are read
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Mapping

from indicatorkit.units import registry_in_use
from indicatorkit.units.counting import is_cjk

__all__ = [
    "HINT",
    "UndecodableTable",
    "decode_table",
    "header_key",
    "in_stated_unit",
    "stated_unit",
]

HINT = "请另存为“CSV UTF-8”或 UTF-8 文本 / save it as 'CSV UTF-8' or UTF-8 text"


class UndecodableTable(Exception):
    """Why the bytes are not a table's text, and the 1-based line where that shows.

    >>> try:
    ...     decode_table(b"\\xff\\xfe\\x00\\x00")
    ... except UndecodableTable as problem:
    ...     print(problem.line, problem.message)
    1 文件是 UTF-16 编码 (the file is UTF-16) — 只读 UTF-8 与 GBK / only UTF-8 and GBK are read
    """

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def decode_table(data: bytes) -> str:
    """The text of a table file (see the module's description).

    >>> decode_table("指标值".encode("gbk")), decode_table("\\ufeff指标值".encode("utf-8"))
    ('指标值', '指标值')
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UndecodableTable(
            "文件是 UTF-16 编码 (the file is UTF-16) — 只读 UTF-8 与 GBK / only UTF-8 and GBK are read",
            1,
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gbk")
        except UnicodeDecodeError:
            raise UndecodableTable(
                "文件既不是 UTF-8 也不是 GBK 编码 (the file is neither UTF-8 nor GBK)",
                data[: utf8_error.start].count(b"\n") + 1,
            ) from None
    if "\x00" in text:
        raise UndecodableTable(
            "文件含有 NUL 字符，不是文本文件 (a NUL character: not a text file)",
            text[: text.index("\x00")].count("\n") + 1,
        )
    return text


def header_key(cell: str, names: Mapping[str, str]) -> str | None:
    """The column a header cell names, by ``names`` (casefolded spelling → column): the cell
    may give the Chinese name, the English alias, or both (``指标值 target``, ``指标值/target``).

    >>> names = {"指标值": "target", "target": "target", "实际值": "actual"}
    >>> header_key("指标值 target", names), header_key(" Target ", names), header_key("备注", names)
    ('target', 'target', None)
    """
    whole = names.get(cell.strip().casefold())
    if whole is not None:
        return whole
    keys = {names.get(word.casefold()) for word in cell.replace("/", " ").split()}
    return keys.pop() if len(keys) == 1 else None


#: The bracketed end of a value column's header: 实际完成值（元）, 实际值(%), 完成值（人次）.
_BRACKETED = re.compile(r"[(（]\s*([^()（）]+?)\s*[)）]\s*$")
_RATIO_WORDS = {"百分比": "%", "百分率": "%"}
_BARE_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def stated_unit(header: str) -> str:
    """The unit a value column's header states in brackets at its end, or ``""``: ``%`` or
    ``‰``, or Chinese unit words the units in use know (元, 万元, 人次, 个, 公里, 元/人) — never
    a column letter (湖北的 ``实际完成值(B)``), a note or a number of points (``（20分）``).

    >>> stated_unit("实际完成值（人次）"), stated_unit("实际值(％)"), stated_unit("完成值（百分比）")
    ('人次', '%', '%')
    >>> stated_unit("实际完成值(B)"), stated_unit("实际完成值（说明）"), stated_unit("实际值（20分）")
    ('', '', '')
    """
    found = _BRACKETED.search(unicodedata.normalize("NFKC", header))
    if found is None:
        return ""
    word = _RATIO_WORDS.get(found.group(1), found.group(1))
    if word in ("%", "‰"):
        return word
    if not all(is_cjk(char) or char == "/" for char in word):
        return ""
    try:
        registry_in_use().unit_of_text(word)
    except KeyError:
        return ""
    return word


def in_stated_unit(text: str, header: str, unit: str = "") -> str:
    """A cell's value as the table states it: a bare number under a header that names its
    unit (``实际完成值（元）``, ``实际完成值（人次）``: :func:`stated_unit`), else beside a unit
    cell's ``unit``, takes that unit; any other text is kept as written.  A bare number left
    bare is read against the target later, and questioned when that reading is implausible
    (:mod:`indicatorkit.language.bare_numbers`).

    >>> in_stated_unit("46,800", "实际完成值（元）"), in_stated_unit("96", "实际值(%)")
    ('46800元', '96%')
    >>> in_stated_unit("46800", "实际完成值"), in_stated_unit("已完成", "实际完成值（元）")
    ('46800', '已完成')
    >>> in_stated_unit("735", "实际完成值", "人次"), in_stated_unit("735", "实际完成值(B)")
    ('735人次', '735')
    """
    if not _BARE_NUMBER.fullmatch(text.strip()):
        return text
    word = stated_unit(header) or unit.strip()
    if word in ("", "—", "-", "/", "无"):
        return text
    word = _RATIO_WORDS.get(word, word)
    return text.strip().replace(",", "") + word
