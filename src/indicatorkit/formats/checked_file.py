"""What ``indicatorkit check`` reads from a file (核对什么): a spec whose actuals are checked
against their targets, or a table of rows each holding a target and an actual — told once from
the file's content (one :class:`~indicatorkit.formats.format.Probe`, sniffed once by the
:mod:`~indicatorkit.formats.registry`), then read.

A file is a **spec** when it is named ``.ikspec``, when its format holds a spec
(:attr:`~indicatorkit.formats.format.Holds.SPEC`: a spec file, JSON, Word, PDF;
:attr:`~indicatorkit.formats.format.Holds.SPEC_OR_ACTUALS`: a workbook, 申报表 or 自评表), or
when it is a CSV long table holding its own actuals
(:func:`~indicatorkit.formats.long_table_departments.holds_its_actuals`).  Anything else —
CSV or TSV rows, text without a header, standard input — is a table of **rows**, and so is a
workbook of actuals rows (IK724 when read as a spec) unless an actuals file comes with it.  A
workbook's sheets are loaded once, and both readings are made of that one load.

>>> rows = read_checked("指标\\t指标值\\t实际值\\n受理数\\t≥200件\\t210件\\n".encode(), source="核对.tsv")
>>> rows.kind, [(row.target, row.actual) for row in rows.table.rows]
(<CheckedAs.ROWS: 'rows'>, [('≥200件', '210件')])
>>> spec = read_checked("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n"
...     "    实际值：150件\\n".encode(), source="自评.ikspec")
>>> spec.kind, spec.imported.format, spec.imported.spec.projects[0].indicators[0].actual
(<CheckedAs.SPEC: 'spec'>, 'ikspec', '150件')
>>> read_checked("指标\\t实际值\\n受理数\\t210件\\n".encode(), source="核对.tsv")
Traceback (most recent call last):
  ...
indicatorkit.model.findings.SpecError: 规格文件有 1 处错误 / the spec has 1 error
核对.tsv:1:1: IK504 error: 表头缺少“指标值”列 (the header has no 指标值 column) — 表头没有指标值列 / the header has no target column
  提示 / hint: 表头写明各列：项目、三级指标、指标值、实际完成值 / name the columns: project, indicator, target, actual
"""

from __future__ import annotations

import enum
from pathlib import Path

import attrs

from indicatorkit.formats.actuals_file import actuals_of_grids, on_disk, read_actuals_probe
from indicatorkit.formats.files import ImportedFile, imported_as, read_probe
from indicatorkit.formats.format import Format, Holds, Probe
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.long_table_departments import holds_its_actuals
from indicatorkit.formats.registry import REGISTRY
from indicatorkit.formats.workbook_read import read_grids, workbook_grids
from indicatorkit.model.actuals import Actuals
from indicatorkit.model.findings import Finding, Severity, SpecError
from indicatorkit.scoring.checking import CODES

__all__ = ["CheckedAs", "CheckedFile", "read_checked"]

#: The formats whose files ``check`` reads as a spec (a workbook: unless it holds actuals rows).
_SPEC_HOLDS = (Holds.SPEC, Holds.SPEC_OR_ACTUALS)


class CheckedAs(enum.Enum):
    """What ``check`` checks in a file.

    >>> [kind.value for kind in CheckedAs]
    ['spec', 'rows']
    """

    SPEC = "spec"  #: a spec: its own actuals (or an actuals file's merged onto it)
    ROWS = "rows"  #: a table of rows: each row's actual against the target beside it


@attrs.frozen
class CheckedFile:
    """A file read for ``check``: as a spec (``imported``: the spec and what reading it found)
    or as a table of rows (``table``: the rows and the findings about single rows).

    >>> CheckedFile(CheckedAs.ROWS, "t.csv", None, Actuals((), "t.csv")).table.rows
    ()
    """

    kind: CheckedAs
    source: str
    imported: ImportedFile | None
    table: Actuals | None


def _holds_a_spec(probe: Probe, form: Format | None) -> bool:
    named = probe.name is not None and probe.name.suffix.lower() == ".ikspec"
    return named or (form is not None and form.holds in _SPEC_HOLDS) or holds_its_actuals(probe)


def _refusal(code: str, message: str, source: str, suggestion: str | None = None) -> SpecError:
    return SpecError(
        [
            Finding(
                code,
                Severity.ERROR,
                f"{message} — {CODES[code]}",
                1,
                1,
                suggestion=suggestion,
                file=source,
            )
        ]
    )


def _rows(probe: Probe, form: Format | None, source: str) -> Actuals:
    """The rows of a table to check (what reading the table refuses is IK401, IK402)."""
    return _checkable(read_actuals_probe(probe, form, file=source, path=probe.name), source)


def _checkable(table: Actuals, source: str) -> Actuals:
    """``table`` when it can be checked: IK503 when it has no row, IK504 when its header
    names no 指标值 to check against."""
    if not table.rows and not table.findings:
        raise _refusal("IK503", "文件没有数据行 (the file has no rows)", source)
    if table.rows and "指标值" not in table.rows[0].columns:
        raise _refusal(
            "IK504",
            "表头缺少“指标值”列 (the header has no 指标值 column)",
            source,
            "表头写明各列：项目、三级指标、指标值、实际完成值 / name the columns: project, "
            "indicator, target, actual",
        )
    return table


def read_checked(
    data: bytes, *, source: str, path: str | Path | None = None, with_actuals: bool = False
) -> CheckedFile:
    """Tell what a file's bytes hold for ``check`` and read them: a spec, read as
    :func:`~indicatorkit.read` does (what reading found is in ``imported``), or a table of rows
    (:func:`~indicatorkit.formats.actuals_file.read_actuals`).  ``source`` names the file in
    findings; ``path``, the file on disk (its name ``.ikspec`` makes it a spec);
    ``with_actuals``: an actuals file comes with it to be merged, so a workbook is only ever
    a spec (one of actuals rows is then a spec reading that said IK724).

    A table that cannot be checked raises
    :class:`~indicatorkit.model.findings.SpecError`: unreadable or without a header (IK401,
    IK402), no row (IK503), no 指标值 column (IK504).  A missing optional package raises
    :class:`~indicatorkit.formats.extras.MissingExtraError`.

    >>> read_checked(b"\\x00\\x01", source="x.bin")
    Traceback (most recent call last):
      ...
    indicatorkit.model.findings.SpecError: 规格文件有 1 处错误 / the spec has 1 error
    x.bin:1:1: IK401 error: ...
    >>> table = "项目编号,三级指标,运算符,指标值,计量单位,实际完成值\\n1,受理数,≥,200,件,210件\\n"
    >>> read_checked(table.encode(), source="自评.csv").kind   # a long table with its actuals
    <CheckedAs.SPEC: 'spec'>
    """
    probe = Probe(data, path)
    form = REGISTRY.detect(probe)
    if form is not None and form.holds is Holds.SPEC_OR_ACTUALS and not with_actuals:
        return on_disk(data, probe.name, form.name, lambda at: _workbook(at, form, source))
    if _holds_a_spec(probe, form):
        return CheckedFile(CheckedAs.SPEC, source, read_probe(probe, form, source=source), None)
    return CheckedFile(CheckedAs.ROWS, source, None, _rows(probe, form, source))


def _workbook(path: Path, form: Format, source: str) -> CheckedFile:
    """A workbook, its sheets loaded once and told from that one load: a spec (a 申报表 or
    自评表, or one that cannot be read: what reading found) unless its sheets hold nothing but
    actuals tables (IK724 read as a spec) — then the rows of those tables."""
    grids = workbook_grids(path, source=source)
    if isinstance(grids, Imported):
        return CheckedFile(CheckedAs.SPEC, source, imported_as(grids, form, source), None)
    found = read_grids(grids, source=source)
    if found.spec is None and any(f.code == "IK724" for f in found.findings):
        table = actuals_of_grids(grids, source) or Actuals((), source)
        return CheckedFile(CheckedAs.ROWS, source, None, _checkable(table, source))
    return CheckedFile(CheckedAs.SPEC, source, imported_as(found, form, source), None)
