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
from collections.abc import Mapping

__all__ = ["HINT", "UndecodableTable", "decode_table", "header_key"]

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
