"""Delimited actuals files: rows of targets with their actual values (实际完成值), as TSV or CSV.

A file is read whole and decoded first — UTF-8, UTF-8 with a byte-order mark, or GBK (what
Excel on a Chinese Windows saves as "text" or "CSV"); anything else is an input error.  Cells
are split on tabs (``.tsv`` and anything else) or on commas with ``"`` quoting (``.csv``, read
with :mod:`csv`).  Blank lines and lines starting with ``#`` are skipped.

Two layouts:

- **a header row** naming the columns (Chinese names, English aliases): ``项目 project``,
  ``一级指标 level1``, ``二级指标 level2``, ``三级指标 indicator``, ``指标值 target``,
  ``实际完成值 actual``.  The target and actual columns are required; other named columns are
  labels; columns with other names are ignored.
- **no header**: ``label… <TAB> target <TAB> actual`` — at least one label (the indicator), then
  the target, then the actual, as in ``examples/seed_actuals.tsv``.  The file's width is the
  most common number of cells in its rows.

Reading yields an :class:`ActualsRow` for each good row and a located :class:`Finding` (file,
line, column — the 1-based cell number, as a spreadsheet counts) for each bad one; one bad row
never stops the rest.  A file that cannot be read at all — unreadable, in another encoding,
empty, only a header, a header without a target or actual column — raises
:class:`ActualsFileError` before any row.

>>> rows = list(read_actuals_text("项目\\t指标\\t指标值\\t实际完成值\\n甲\\t满意度\\t≥95%\\t96%\\n甲\\t受理数\\t≥200件\\n"))
>>> rows[0]
ActualsRow(line=2, target='≥95%', actual='96%', labels=('甲', '满意度'), target_column=3, actual_column=4, file=None)
>>> print(rows[1].render())
<text>:3:4: IK511 error: 第3行只有3列，缺少“实际完成值 actual”列 / the row has 3 cells; the column 实际完成值 (actual) is missing
>>> [type(item).__name__ for item in check_actuals(rows)]
['CheckedRow', 'Finding']
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from fractions import Fraction
from pathlib import Path

import attrs

from indicatorkit.errors import IndicatorkitError, TextError
from indicatorkit.formats.table_text import HINT, UndecodableTable, decode_table, header_key
from indicatorkit.language.parse import parse_target
from indicatorkit.language.targets import CheckResult
from indicatorkit.model.findings import Finding, Severity
from indicatorkit.model.records import Spec
from indicatorkit.scoring.attainment import attainment
from indicatorkit.units import UnitRegistry

__all__ = [
    "COLUMNS",
    "ActualsFileError",
    "ActualsRow",
    "CheckedRow",
    "check_actuals",
    "decode",
    "delimiter_for",
    "read_actuals",
    "read_actuals_bytes",
    "read_actuals_text",
    "spec_rows",
]

#: Column keys, their display names and the header spellings that name them (case-insensitive).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "project": ("项目 project", ("项目", "项目名称", "project")),
    "level1": ("一级指标 level1", ("一级指标", "level1", "level 1")),
    "level2": ("二级指标 level2", ("二级指标", "level2", "level 2")),
    "indicator": ("三级指标 indicator", ("三级指标", "指标", "指标名称", "indicator")),
    "target": ("指标值 target", ("指标值", "目标值", "target")),
    "actual": ("实际完成值 actual", ("实际完成值", "实际值", "完成值", "actual")),
}
_LABELS = ("project", "level1", "level2", "indicator")
_NAMES = {alias.casefold(): key for key, (_, aliases) in COLUMNS.items() for alias in aliases}


class ActualsFileError(IndicatorkitError):
    """A delimited file that cannot be read at all; ``finding`` says where and why.

    >>> try:
    ...     list(read_actuals_text("", file="空.tsv"))
    ... except ActualsFileError as error:
    ...     print(error.finding.code, error.finding.file)
    IK503 空.tsv
    """

    def __init__(self, finding: Finding) -> None:
        self.finding = finding
        super().__init__(finding.render())

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.finding,))


@attrs.frozen
class ActualsRow:
    """One row: the target and actual texts, the labels before them, where it stands.

    ``line`` is the row's first line (1-based); the columns are 1-based cell numbers.

    >>> [row] = read_actuals_text("满意度\\t≥95%\\t96%\\n", file="a.tsv")
    >>> row
    ActualsRow(line=1, target='≥95%', actual='96%', labels=('满意度',), target_column=2, actual_column=3, file='a.tsv')
    """

    line: int
    target: str
    actual: str
    labels: tuple[str, ...] = ()
    target_column: int = 1
    actual_column: int = 2
    file: str | None = None


@attrs.frozen
class CheckedRow:
    """A row checked: the result and, for a numeric target, the exact attainment ratio.

    >>> [checked] = check_actuals([ActualsRow(2, "≥200件", "150件", ("受理数",))])
    >>> checked.result.met, checked.attainment
    (False, Fraction(3, 4))
    """

    row: ActualsRow
    result: CheckResult
    attainment: Fraction | None


def _finding(
    code: str,
    message: str,
    line: int,
    column: int = 1,
    *,
    file: str | None,
    suggestion: str | None = None,
) -> Finding:
    return Finding(code, Severity.ERROR, message, line, column, suggestion=suggestion, file=file)


def delimiter_for(name: str | Path) -> str:
    """``","`` for a ``.csv`` file, a tab for anything else.

    >>> delimiter_for("a.CSV"), delimiter_for("a.tsv"), delimiter_for("-")
    (',', '\\t', '\\t')
    """
    return "," if Path(name).suffix.lower() == ".csv" else "\t"


def decode(data: bytes, *, file: str | None = None) -> str:
    """The text of a delimited file: UTF-8 (a byte-order mark is dropped), else GBK.

    >>> decode("\\ufeff指标值".encode("utf-8")), decode("指标值".encode("gbk"))
    ('指标值', '指标值')
    >>> decode("指标值".encode("utf-16"))
    Traceback (most recent call last):
      ...
    indicatorkit.formats.delimited.ActualsFileError: <text>:1:1: IK502 error: 文件是 UTF-16 编码 (the file is UTF-16) — 只读 UTF-8 与 GBK / only UTF-8 and GBK are read
      提示 / hint: 请另存为“CSV UTF-8”或 UTF-8 文本 / save it as 'CSV UTF-8' or UTF-8 text
    """
    try:
        return decode_table(data)
    except UndecodableTable as problem:
        raise ActualsFileError(
            _finding("IK502", problem.message, problem.line, file=file, suggestion=HINT)
        ) from None


def read_actuals(
    path: str | Path, *, delimiter: str | None = None
) -> Iterator[ActualsRow | Finding]:
    """Read an actuals file; the delimiter follows the file name unless given.

    Raises :class:`ActualsFileError` (before any row) for a file that cannot be read at all.

    >>> import pathlib, tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = pathlib.Path(folder.name, "实际值.csv")
    >>> _ = path.write_bytes("指标,指标值,实际完成值\\n满意度,≥95%,96%\\n".encode("gbk"))
    >>> [(row.labels, row.target, row.actual) for row in read_actuals(path)]
    [(('满意度',), '≥95%', '96%')]
    >>> folder.cleanup()
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise ActualsFileError(
            _finding("IK501", f"无法读取文件 (cannot read the file): {reason}", 1, file=str(path))
        ) from None
    return read_actuals_bytes(data, file=str(path), delimiter=delimiter or delimiter_for(path))


def read_actuals_bytes(
    data: bytes, *, file: str | None = None, delimiter: str = "\t"
) -> Iterator[ActualsRow | Finding]:
    """Decode (see :func:`decode`) and read the rows of ``data``.

    >>> [row.actual for row in read_actuals_bytes("\\ufeff满意度\\t≥95%\\t96%\\n".encode("utf-8"))]
    ['96%']
    """
    return read_actuals_text(decode(data, file=file), file=file, delimiter=delimiter)


def _header_key(cell: str) -> str | None:
    """The column a header cell names: ``指标值``, ``target`` or ``指标值 target``."""
    return header_key(cell, _NAMES)


def _records(text: str, delimiter: str, file: str | None) -> list[tuple[int, list[str]]]:
    """Every record that is not blank or a comment, with its first line."""
    if delimiter == "\t":
        reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[tuple[int, list[str]]] = []
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
                continue
            records.append((start, cells))
    except csv.Error as error:
        raise ActualsFileError(
            _finding("IK501", f"无法读取 (cannot read): {error}", line + 1, file=file)
        ) from None
    return records


def read_actuals_text(
    text: str, *, file: str | None = None, delimiter: str = "\t"
) -> Iterator[ActualsRow | Finding]:
    """Read the rows of ``text`` (see the module's documentation for the two layouts).

    Raises :class:`ActualsFileError` (before any row) when there is no row to read or the
    header lacks the target or the actual column.

    >>> rows = read_actuals_text("指标,指标值,实际完成值\\n满意度,≥95%,96%\\n", delimiter=",")
    >>> [(row.line, row.target, row.actual) for row in rows]
    [(2, '≥95%', '96%')]
    """
    records = _records(text.removeprefix("\ufeff"), delimiter, file)
    if not records:
        raise ActualsFileError(
            _finding("IK503", "文件是空的，没有数据行 (the file is empty: no rows)", 1, file=file)
        )
    first_line, first = records[0]
    keys = [_header_key(cell) for cell in first]
    named = [key for key in keys if key is not None]
    if len(named) >= 2 or (named and len(named) == sum(bool(c.strip()) for c in first)):
        return _with_header(first_line, first, keys, records[1:], file)
    return _without_header(records, file)


def _with_header(
    line: int,
    header: list[str],
    keys: list[str | None],
    records: list[tuple[int, list[str]]],
    file: str | None,
) -> Iterator[ActualsRow | Finding]:
    positions: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in positions:
            raise ActualsFileError(
                _finding(
                    "IK504",
                    f"表头第{positions[key] + 1}列和第{index + 1}列都是“{COLUMNS[key][0]}” "
                    f"(two columns named {COLUMNS[key][0]})",
                    line,
                    index + 1,
                    file=file,
                )
            )
        positions[key] = index
    missing = [COLUMNS[key][0] for key in ("target", "actual") if key not in positions]
    if missing:
        quoted = "、".join(f"“{name}”" for name in missing)
        raise ActualsFileError(
            _finding(
                "IK504",
                f"表头缺少{quoted}列 (the header has no {' or '.join(missing)} column)",
                line,
                file=file,
                suggestion="表头写明各列：项目、三级指标、指标值、实际完成值 / "
                "name the columns: project, indicator, target, actual",
            )
        )
    if not records:
        raise ActualsFileError(
            _finding("IK503", "文件只有表头，没有数据行 (only a header: no rows)", line, file=file)
        )
    names = [
        COLUMNS[key][0] if key else cell.strip() for key, cell in zip(keys, header, strict=True)
    ]
    labels = [positions[key] for key in _LABELS if key in positions]
    return _rows(
        records, len(header), positions["target"], positions["actual"], labels, names, file
    )


def _without_header(
    records: list[tuple[int, list[str]]], file: str | None
) -> Iterator[ActualsRow | Finding]:
    counts = Counter(len(cells) for _, cells in records)
    width = max(3, max(counts, key=lambda count: (counts[count], count)))
    names = [f"标签 label {n + 1}" for n in range(width - 2)]
    names += [COLUMNS["target"][0], COLUMNS["actual"][0]]
    return _rows(records, width, width - 2, width - 1, list(range(width - 2)), names, file)


def _rows(
    records: list[tuple[int, list[str]]],
    width: int,
    target: int,
    actual: int,
    labels: list[int],
    names: list[str],
    file: str | None,
) -> Iterator[ActualsRow | Finding]:
    for line, cells in records:
        if len(cells) < width:
            missing = "、".join(f"“{name}”" for name in names[len(cells) :])
            english = ", ".join(names[len(cells) :])
            yield _finding(
                "IK511",
                f"第{line}行只有{len(cells)}列，缺少{missing}列 / the row has {len(cells)} "
                f"cell{'s' if len(cells) != 1 else ''}; the column {english.replace(' ', ' (', 1)}) is missing"
                if len(cells) == width - 1
                else f"第{line}行只有{len(cells)}列，应有{width}列，缺少{missing}列 / the row has "
                f"{len(cells)} cells of {width}; missing: {english}",
                line,
                len(cells) + 1,
                file=file,
            )
            continue
        extra = [n for n in range(width, len(cells)) if cells[n].strip()]
        if extra:
            yield _finding(
                "IK512",
                f"第{line}行有{len(cells)}列，多于{width}列 / the row has {len(cells)} cells, "
                f"more than the {width} columns",
                line,
                extra[0] + 1,
                file=file,
            )
            continue
        empty = [n for n in (target, actual) if not cells[n].strip()]
        if empty:
            yield _finding(
                "IK513",
                f"“{names[empty[0]]}”是空的 / the cell {names[empty[0]]} is empty",
                line,
                empty[0] + 1,
                file=file,
            )
            continue
        yield ActualsRow(
            line,
            cells[target].strip(),
            cells[actual].strip(),
            tuple(cells[n].strip() for n in labels),
            target + 1,
            actual + 1,
            file,
        )


def _error_finding(code: str, error: IndicatorkitError, row: ActualsRow, column: int) -> Finding:
    message = error.message if isinstance(error, TextError) else str(error).splitlines()[0]
    suggestion = error.suggestion if isinstance(error, TextError) else None
    text = row.target if column == row.target_column else row.actual
    return _finding(
        code,
        f"{type(error).__name__}: “{text}”：{message}",
        row.line,
        column,
        file=row.file,
        suggestion=suggestion,
    )


def check_actuals(
    items: Iterable[ActualsRow | Finding], *, units: UnitRegistry | None = None
) -> Iterator[CheckedRow | Finding]:
    """Check each row's actual against its target (read with ``units``, the default registry
    when ``None``); findings pass through, and a target or actual that cannot be read becomes
    one (``IK521``, ``IK522``).

    >>> rows = [ActualsRow(2, "≥95%", "96%"), ActualsRow(3, "≥95%", "96元")]
    >>> [type(item).__name__ for item in check_actuals(rows)]
    ['CheckedRow', 'Finding']
    """
    for item in items:
        if isinstance(item, Finding):
            yield item
            continue
        try:
            target = parse_target(item.target, units=units)
        except IndicatorkitError as error:
            yield _error_finding("IK521", error, item, item.target_column)
            continue
        try:
            result = target.check(item.actual, units=units)
            ratio = attainment(result)
        except IndicatorkitError as error:
            yield _error_finding("IK522", error, item, item.actual_column)
            continue
        yield CheckedRow(item, result, ratio)


def spec_rows(spec: Spec, *, file: str | None = None) -> Iterator[ActualsRow]:
    """The rows ``indicatorkit check`` checks in a self-assessment spec: one for each project
    indicator with an actual (in the spec, or merged onto it from an actuals file), labelled
    with the project and the indicator, located at the actual's line and column in the spec.
    Indicators that do not apply, or have no actual yet, have no row.

    >>> from indicatorkit import loads
    >>> spec = loads('''项目 1 法律援助
    ...   指标 产出指标 / 数量指标 / 受理数
    ...     指标值：≥180件
    ...     实际值：200件
    ...   指标 满意度指标 / 服务对象满意度指标 / 满意度
    ...     指标值：≥90%
    ... ''')
    >>> [row] = spec_rows(spec, file="表.ikspec")
    >>> row.line, row.labels, row.target, row.actual, row.actual_column
    (4, ('法律援助', '受理数'), '≥180件', '200件', 9)
    >>> [(checked.result.met, checked.attainment) for checked in check_actuals([row])]
    [(True, Fraction(10, 9))]
    """
    for project in spec.projects:
        for indicator in project.indicators:
            if indicator.actual is None or indicator.not_applicable is not None:
                continue
            fields = indicator.where.fields if indicator.where is not None else {}
            at = fields.get("actual") or (indicator.where.at if indicator.where else None)
            target_at = fields.get("target")
            yield ActualsRow(
                line=at.line if at else 0,
                target=indicator.target_text,
                actual=indicator.actual,
                labels=(project.name or f"项目 {project.number}", indicator.name),
                target_column=target_at.column if target_at else 1,
                actual_column=at.column if at else 1,
                file=file,
            )
