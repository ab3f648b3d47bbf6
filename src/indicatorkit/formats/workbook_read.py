"""Reading 绩效 workbooks (.xlsx, .xls): :func:`read_workbook` turns the file into grids
(:func:`~indicatorkit.formats.workbook_grid.load_grids`) and reads them with the layout readers
(:func:`~indicatorkit.formats.layouts.read.read_grids`, also importable from here, with the
readers' finding codes :data:`CODES`).
"""

from __future__ import annotations

from pathlib import Path

from indicatorkit.formats.grid import Grid
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.layouts.read import CODES, read_grids
from indicatorkit.formats.limits import InputLimitError
from indicatorkit.formats.packed import DamagedFileError
from indicatorkit.formats.workbook_grid import UnreadableWorkbookError, load_grids
from indicatorkit.model.findings import WHOLE, Finding, Severity

__all__ = ["CODES", "read_grids", "read_workbook", "workbook_grids"]


def read_workbook(path: Path, *, source: str, include_hidden: bool = False) -> Imported:
    """Read a 目标申报表 or 自评表 workbook (.xlsx or .xls, told by content) into a spec.

    A sheet in the central layout (财预〔2020〕10号) is read by
    :mod:`~indicatorkit.formats.central_layout`, every other by the layout readers of this package.

    ``source`` is the file's name as the user gave it (used in the findings).  Hidden sheets
    and rows are left out, each with an IK723 finding, unless ``include_hidden``; a workbook
    with nothing to import gives no spec (IK701, error).  A file that is
    not a readable workbook gives ``Imported(None, (IK700 finding,), source)``; without the
    ``excel`` extra, :class:`~indicatorkit.formats.workbook_grid.MissingExtraError`.

    >>> import tempfile, indicatorkit
    >>> from indicatorkit.formats.workbook_write import write_workbook
    >>> spec = indicatorkit.loads("项目 1 法律援助\\n  预算：10000元\\n"
    ...     "  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_workbook(spec, Path(folder) / "申报表.xlsx")
    ...     imported = read_workbook(Path(folder) / "申报表.xlsx", source="申报表.xlsx")
    ...     _ = (Path(folder) / "坏.xlsx").write_bytes(b"PK not a zip")
    ...     refused = read_workbook(Path(folder) / "坏.xlsx", source="坏.xlsx")
    >>> [str(i.target) for i in imported.spec.projects[0].indicators], imported.findings
    (['≥180件'], ())
    >>> refused.spec, [(f.code, f.place) for f in refused.findings]
    (None, [('IK700', '坏.xlsx')])
    """
    grids = workbook_grids(path, source=source, include_hidden=include_hidden)
    return grids if isinstance(grids, Imported) else read_grids(grids, source=source)


def workbook_grids(
    path: Path, *, source: str, include_hidden: bool = False
) -> list[Grid] | Imported:
    """The workbook's sheets as grids (:func:`~indicatorkit.formats.workbook_grid.load_grids`),
    loaded once for a caller that reads them more than one way (``check``: a spec or rows) —
    or, for a file that is not a readable workbook, the import that says so (IK700).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "坏.xlsx").write_bytes(b"PK not a zip")
    ...     refused = workbook_grids(Path(folder) / "坏.xlsx", source="坏.xlsx")
    >>> [f.code for f in refused.findings]
    ['IK700']
    """
    try:
        return load_grids(Path(path), source=source, include_hidden=include_hidden)
    except (UnreadableWorkbookError, InputLimitError, DamagedFileError) as error:
        return Imported(None, (_unreadable(error, source),), source)


def _unreadable(
    error: UnreadableWorkbookError | InputLimitError | DamagedFileError, source: str
) -> Finding:
    """IK700 at the most precise true place: the cell or the sheet a limit was passed in,
    else the whole file (never a made-up ``1:1``)."""
    sheet = error.sheet if isinstance(error, InputLimitError) else None
    cell = error.cell if isinstance(error, InputLimitError) else None
    row, column = cell or (WHOLE, 1)
    return Finding("IK700", Severity.ERROR, str(error), row, column, file=source, sheet=sheet)
