"""Any file in, any file out: :func:`read` tells a file's format by its content and imports it;
:func:`write` writes a spec in the format its extension names.  Both ask the
:mod:`~indicatorkit.formats.registry`, where each format declares how its files are told,
read and written.

Read by content, not by name — a ``.txt`` that is really a Word file is read as Word:

======================== ===========================================================
content                   format
======================== ===========================================================
zip with word/document.xml  Word (.docx) — :mod:`indicatorkit.formats.word`
zip with xl/workbook.xml    Excel (.xlsx) — ``indicatorkit.formats.workbook``
OLE2 compound file         old Word (.doc, converted through LibreOffice) or Excel (.xls)
``%PDF``                   PDF self-assessment tables — :mod:`indicatorkit.formats.pdf`
text starting with ``{``    JSON (:func:`indicatorkit.from_json`)
text ``部门 …`` / ``项目 …``   a spec file (:func:`indicatorkit.loads`)
text with a header row      a CSV long table — :mod:`indicatorkit.formats.long_table`
other text                 the document form — :mod:`indicatorkit.formats.document`
======================== ===========================================================

Text is UTF-8, UTF-8 with a byte-order mark, or GBK.  Whatever goes wrong with the file is a
located finding in the :class:`~indicatorkit.formats.imported.Imported` returned — a missing
optional package is the one exception, raised as
:class:`~indicatorkit.formats.extras.MissingExtraError` naming the extra to install.

>>> import tempfile, pathlib
>>> from indicatorkit import loads
>>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("表.ikspec", "表.json", "表.csv"):
...     write(spec, folder / name)
...     print(name, read(folder / name).spec == spec)
表.ikspec True
表.json True
表.csv True
>>> read_file(folder / "表.csv").format
'csv'
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs

from indicatorkit.errors import ArgumentError, IndicatorkitError
from indicatorkit.formats.format import Format, Input, Probe
from indicatorkit.formats.imported import Imported
from indicatorkit.formats.limits import (
    InputLimitError,
    Limits,
    UnreadableInputError,
    current,
    read_input,
    using,
)
from indicatorkit.formats.output import OutputCollisionError, OutputIsInputError
from indicatorkit.formats.packed import DamagedFileError, check_zip
from indicatorkit.formats.progress import ProgressCallback, reporting
from indicatorkit.formats.registry import REGISTRY
from indicatorkit.formats.table_text import HINT, UndecodableTable, decode_table
from indicatorkit.model.findings import WHOLE, Finding, Severity
from indicatorkit.model.records import Spec

__all__ = [
    "CODES",
    "FORMATS",
    "ExportError",
    "ImportSummary",
    "ImportedFile",
    "detect_format",
    "files_in",
    "imported_as",
    "mirrored",
    "read",
    "read_data",
    "read_file",
    "read_probe",
    "summarize",
    "write",
]

#: Every format :func:`detect_format` names (the registry's, and ``unknown``), with what it is.
FORMATS: Final[dict[str, str]] = {
    **{form.name: form.description for form in REGISTRY},
    "unknown": "无法识别 / not recognised",
}

#: The codes read and write give themselves (each format's reader has its own).
CODES: Final[dict[str, str]] = {
    "IK600": "文件读不了 / the file cannot be read",
    "IK601": "认不出格式，或没有可导入的内容 / not a format this reader knows, or nothing to import",
    "IK602": "超过输入上限 / over an input limit",
    "IK603": "文件已损坏或不完整 / a damaged or cut-short file",
    "IK607": "其实是网页的 .xls / a web page named .xls",
}


class ExportError(IndicatorkitError):
    """A spec that cannot be written where asked (an extension no format has, a file that
    cannot be written, a format that cannot hold the spec).

    >>> from indicatorkit import Spec
    >>> try:
    ...     write(Spec(), "表.docx")
    ... except ExportError as error:
    ...     print(error)
    不知道怎样写“.docx”文件 (no format for this extension) — 可用 / use: .ikspec、.json、.csv、.xlsx
    """


@attrs.frozen
class ImportedFile:
    """What :func:`read` found: the import and the format it was read as.

    >>> from indicatorkit import Spec
    >>> found = ImportedFile(Imported(Spec(), (), "表.json"), "json")
    >>> found.format, found.spec == Spec(), found.findings
    ('json', True, ())
    """

    imported: Imported
    format: str

    @property
    def spec(self) -> Spec | None:
        return self.imported.spec

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.imported.findings


def detect_format(data: bytes, name: str | Path | None = None) -> str:
    """The format of a file's bytes (a key of :data:`FORMATS`: the first format of the
    :mod:`~indicatorkit.formats.registry` whose sniffer knows it); the file's ``name`` is
    looked at only when the content cannot tell (an empty ``.ikspec`` is an empty spec).

    >>> detect_format(b"%PDF-1.4"), detect_format("项目 1 甲\\n".encode()), detect_format(b"\\x00\\x01")
    ('pdf', 'ikspec', 'unknown')
    >>> detect_format("项目\\t三级指标\\t指标值\\t实际完成值\\n".encode())  # a table's header
    'csv'

    """
    form = REGISTRY.detect(Probe(data, name))
    return "unknown" if form is None else form.name


def _finding(code: str, message: str, source: str, suggestion: str | None = None) -> Imported:
    finding = Finding(code, Severity.ERROR, message, WHOLE, suggestion=suggestion, file=source)
    return Imported(None, (finding,), source)


def _path(function: str, path: object) -> Path:
    """``path`` as a :class:`~pathlib.Path`, or the library's own error for anything else."""
    if not isinstance(path, str | os.PathLike) or isinstance(path, bytes):
        raise ArgumentError(function, "path", "str | pathlib.Path", path)
    return Path(path)


def read_file(
    path: str | Path,
    *,
    source: str | None = None,
    include_hidden: bool = False,
    limits: Limits | None = None,
    progress: ProgressCallback | None = None,
) -> ImportedFile:
    """Like :func:`read`, also telling the format the file was read as.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "说明.txt"
    ...     _ = path.write_text("随便写点什么\\n", encoding="utf-8")
    ...     found = read_file(path, source="说明.txt")
    >>> found.format, found.spec, [f.code for f in found.findings]
    ('document', None, ['IK601'])
    """
    path = _path("read", path)
    source = source or str(path)
    chosen = current(limits)
    try:
        data = read_input(path, limits=chosen)
    except UnreadableInputError as error:
        message = f"无法读取文件 (cannot read the file): {error.reason}"
        return ImportedFile(_finding("IK600", message, source), "unknown")
    except InputLimitError as error:
        return ImportedFile(_finding("IK602", str(error), source), "unknown")
    return read_data(
        data,
        source=source,
        path=path,
        include_hidden=include_hidden,
        limits=chosen,
        progress=progress,
    )


def read_data(
    data: bytes,
    *,
    source: str,
    path: str | Path | None = None,
    include_hidden: bool = False,
    limits: Limits | None = None,
    progress: ProgressCallback | None = None,
) -> ImportedFile:
    """:func:`read_file` for a file's bytes already read (standard input, an upload): the
    format is told by the content (``path``, when given, only names an empty spec file and
    is where the readers that need a file find it; without it, a workbook or an old Word
    file is spooled to a temporary file).  Within ``limits`` (see :func:`read_file`).

    >>> found = read_data("项目 1 法律援助\\n".encode("gbk"), source="<stdin>")
    >>> found.format, [p.name for p in found.spec.projects]
    ('ikspec', ['法律援助'])
    >>> read_data(b"# comment\\n", source="empty.ikspec", path="empty.ikspec").spec.projects
    ()
    """
    probe = Probe(data, path)
    return read_probe(
        probe,
        REGISTRY.detect(probe),
        source=source,
        include_hidden=include_hidden,
        limits=limits,
        progress=progress,
    )


def read_probe(
    probe: Probe,
    form: Format | None,
    *,
    source: str,
    include_hidden: bool = False,
    limits: Limits | None = None,
    progress: ProgressCallback | None = None,
) -> ImportedFile:
    """:func:`read_data` of a file a caller has already sniffed: ``form`` is what the
    registry's ``detect`` said of ``probe`` (``None``: no format knew it), so the file is not
    told again (``check`` decides what a file holds from the same probe).

    >>> probe = Probe("项目 1 法律援助\\n".encode(), "表.ikspec")
    >>> read_probe(probe, REGISTRY.detect(probe), source="表.ikspec").format
    'ikspec'
    """
    name = "unknown" if form is None else form.name
    try:
        with using(current(limits)), reporting(progress):
            found = _read_form(form, Input(probe, source, probe.name, include_hidden))
    except InputLimitError as error:
        return ImportedFile(_finding("IK602", str(error), source), name)
    except DamagedFileError as error:
        return ImportedFile(_finding("IK603", str(error), source), name)
    return imported_as(found, form, source)


def imported_as(found: Imported, form: Format | None, source: str) -> ImportedFile:
    """What reading a file as ``form`` found, as :func:`read_probe` returns it: the library's
    own formats may hold an empty spec; a table or document that gave nothing did not import
    (IK601).

    >>> imported_as(Imported(Spec(), (), "表.xlsx"), REGISTRY.named("xlsx"), "表.xlsx").findings[0].code
    'IK601'
    """
    empty = form is not None and form.may_be_empty
    return ImportedFile(
        found if empty else _something(found, source), "unknown" if form is None else form.name
    )


def _read_form(form: Format | None, given: Input) -> Imported:
    """``given`` read as ``form`` (``None``: none knew it), a file the reader needs on disk
    spooled to a temporary one."""
    if (form is None or form.text) and (page := _web_page(given)) is not None:
        return page
    if form is None:
        return _unknown(given.data, given.source)
    if not form.needs_file or given.path is not None:
        return form.read(given)
    with tempfile.TemporaryDirectory(prefix="indicatorkit-") as folder:
        spooled = Path(folder) / f"input.{form.name}"
        spooled.write_bytes(given.data)
        return form.read(attrs.evolve(given, path=spooled))


def _something(imported: Imported, source: str) -> Imported:
    """A table or document that gave neither a department nor a project imported nothing:
    an error (IK601), not an empty success."""
    spec = imported.spec
    if spec is not None and (spec.department is not None or spec.projects):
        return imported
    if spec is None and imported.findings:
        return imported
    nothing = Finding(
        "IK601",
        Severity.ERROR,
        "文件里没有可导入的内容（没有部门也没有项目）(nothing in the file to import: no "
        "department, no project)",
        WHOLE,
        file=source,
    )
    return Imported(None, (*imported.findings, nothing), source)


_OFFICE_SUFFIXES: Final = (".xls", ".xlsx", ".doc", ".docx", ".et", ".wps")
_WEB_PAGE: Final = re.compile(rb"^\s*(?:<!doctype html|<html|<table|<meta|<head|<body)", re.I)
_XML_SPREADSHEET: Final = b"urn:schemas-microsoft-com:office:spreadsheet"


def _web_page(given: Input) -> Imported | None:
    """An Office name on a web page or an Excel 2003 XML table (what government sites often
    serve as ".xls"): said so, with how to save it as a workbook."""
    path, source = given.path, given.source
    head = given.data[:4096].lstrip(b"\xef\xbb\xbf")
    is_page = _WEB_PAGE.match(head) is not None
    if path is None or path.suffix.lower() not in _OFFICE_SUFFIXES:
        return None
    if not (is_page or _XML_SPREADSHEET in head):
        return None
    what = "网页（HTML）" if is_page else "Excel 2003 XML 表格"
    return _finding(
        "IK607",
        f"这个“{path.suffix}”文件其实是{what}，不是 Office 文件（政府网站导出的表格常是这样）"
        f"(this {path.suffix} file is really a web page or an XML table, not an Office file)",
        source,
        "用 Excel 或 WPS 打开，“另存为” .xlsx（Excel 工作簿）后再导入 / open it in Excel or "
        "WPS and 'Save as' .xlsx, then import that",
    )


def _unknown(data: bytes, source: str) -> Imported:
    """Why a file is not read: damaged, a web page under an Office name, or not known."""
    if data.startswith(b"PK\x03\x04"):
        check_zip(data, source)  # a zip cut short cannot be opened: DamagedFileError
        return _finding(
            "IK601",
            "一个 zip 文件，但不是 .docx 或 .xlsx (a zip, but not .docx or .xlsx)",
            source,
            "另存为 .docx 或 .xlsx / save it as .docx or .xlsx",
        )
    if Probe(data).is_ole2:
        return _finding(
            "IK601",
            "旧版 Office 文件，但不是 Word 或 Excel，或已损坏 (an old Office file that is not "
            "Word or Excel, or is damaged)",
            source,
            "在 Word、Excel 或 WPS 中打开后另存为 .docx 或 .xlsx / open it and save it as .docx "
            "or .xlsx",
        )
    try:
        decode_table(data)
    except UndecodableTable as problem:
        return _finding("IK601", f"无法识别的文件：{problem.message}", source, HINT)
    return _finding(
        "IK601",
        "无法识别的文件格式（空文件或不支持的格式）(an empty file or a format not supported)",
        source,
        "支持 / supported: .ikspec、.json、.csv、.docx、.doc、.pdf、.xlsx、文档文本",
    )


def read(
    path: str | Path,
    *,
    include_hidden: bool = False,
    limits: Limits | None = None,
    progress: ProgressCallback | None = None,
) -> Imported:
    """Import a file of any supported format, told by its content (see the module's table).
    A workbook's hidden sheets and rows are left out with a finding (IK723) unless
    ``include_hidden``.  ``progress`` is called with a
    :class:`~indicatorkit.formats.progress.Progress` while rows or pages are read (at most
    every 10,000 rows, and at the end).

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "表.txt"  # a spec file, whatever its name says
    ...     _ = path.write_text("项目 1 法律援助\\n", encoding="utf-8")
    ...     imported = read(path)
    ...     missing = read(pathlib.Path(folder) / "没有.csv")
    >>> [p.name for p in imported.spec.projects], imported.findings
    (['法律援助'], ())
    >>> [(f.code, f.severity.value) for f in missing.findings]
    [('IK600', 'error')]
    """
    found = read_file(path, include_hidden=include_hidden, limits=limits, progress=progress)
    return found.imported


def write(spec: Spec, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``spec`` in the format the extension names: ``.ikspec``, ``.json``, ``.csv`` (a
    long table; projects only) or ``.xlsx``.  Raises :class:`ExportError`.

    The file is written whole or not at all (a temporary file beside it, renamed into place:
    :mod:`~indicatorkit.formats.output`), and one of ``inputs`` — the same file through any
    link — is refused before anything is written (:class:`~indicatorkit.formats.output.OutputIsInputError`).

    >>> import tempfile, pathlib
    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write(spec, pathlib.Path(folder) / "表.ikspec")
    ...     print((pathlib.Path(folder) / "表.ikspec").read_text(encoding="utf-8"), end="")
    项目 1 法律援助
    <BLANKLINE>
      指标 产出指标 / 数量指标 / 受理数
        指标值：≥180件
    """
    if not isinstance(spec, Spec):
        raise ArgumentError("write", "spec", "Spec", spec, "indicatorkit.load(path)")
    path = _path("write", path)
    form = REGISTRY.writer_for(path.suffix)
    if form is None or form.write is None:
        raise ExportError(
            f"不知道怎样写“{path.suffix or path.name}”文件 (no format for this extension) — "
            f"可用 / use: {'、'.join(REGISTRY.writable())}"
        )
    try:
        form.write(spec, path, list(inputs))
    except (ExportError, OutputIsInputError):
        raise
    except IndicatorkitError as error:  # OutputError (what the OS said) and a format's own
        raise ExportError(str(error)) from None


def files_in(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path, a folder replaced by the files under it (sorted; hidden ones skipped).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.csv", "a.docx", ".hidden", "sub/c.pdf"):
    ...     (folder / name).parent.mkdir(exist_ok=True)
    ...     _ = (folder / name).write_text("")
    >>> [str(p.relative_to(folder)) for p in files_in([folder])]
    ['a.docx', 'b.csv', 'sub/c.pdf']
    """
    for path in map(Path, paths):
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if found.is_file() and not any(p.startswith(".") for p in relative.parts):
                    yield found
        else:
            yield path


def mirrored(
    names: Iterable[str | Path], folder: str | Path, *, suffix: str = ".ikspec"
) -> list[tuple[Path, Path]]:
    """Each file to import and the file it is written to under ``folder``: a folder's files
    keep their place in its tree, a file named alone goes in by its name, the extension
    becoming ``suffix``.  Two files bound for one output raise
    :class:`~indicatorkit.formats.output.OutputCollisionError`, an output that is one of the
    inputs :class:`~indicatorkit.formats.output.OutputIsInputError` — both before anything
    is written.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("入/甲科室/目标表.xlsx", "入/乙科室/目标表.xlsx"):
    ...     (root / name).parent.mkdir(parents=True, exist_ok=True)
    ...     _ = (root / name).write_text("")
    >>> [str(target.relative_to(root)) for _, target in mirrored([root / "入"], root / "出")]
    ['出/乙科室/目标表.ikspec', '出/甲科室/目标表.ikspec']
    >>> _ = (root / "入/甲科室/目标表.csv").write_text("")
    >>> try:
    ...     mirrored([root / "入"], root / "出")
    ... except OutputCollisionError as error:
    ...     print(pathlib.Path(error.path).relative_to(root))
    出/甲科室/目标表.ikspec
    """
    folder = Path(folder)
    plan: dict[Path, Path] = {}
    for name in map(Path, names):
        for path in files_in([name]):
            relative = path.relative_to(name) if name.is_dir() else Path(path.name)
            target = folder / relative.with_suffix(suffix)
            if target in plan:
                raise OutputCollisionError(target, plan[target], path)
            plan[target] = path
    sources = {_identity(path): path for path in plan.values()}
    for target in plan:
        found = _identity(target)
        if found is not None and found in sources:
            raise OutputIsInputError(target, sources[found])
    return [(path, target) for target, path in plan.items()]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


@attrs.frozen
class ImportSummary:
    """How an import run went: files read, files that gave a spec, projects and indicators
    that landed, and the findings of each code.

    >>> ImportSummary(2, 1, 15, 108, {"IK613": 5}).to_dict()["codes"]
    {'IK613': 5}
    """

    files: int
    imported: int
    projects: int
    indicators: int
    codes: dict[str, int]

    def to_dict(self) -> dict[str, object]:
        return attrs.asdict(self)

    def text(self) -> str:
        """One line for people.

        >>> ImportSummary(2, 1, 15, 108, {"IK613": 5}).text()
        '2 个文件，1 个已导入 / 2 files, 1 imported：项目 projects 15，指标 indicators 108；诊断 diagnostics IK613×5'
        """
        codes = "，".join(f"{code}×{count}" for code, count in self.codes.items()) or "无 none"
        return (
            f"{self.files} 个文件，{self.imported} 个已导入 / {self.files} files, {self.imported} "
            f"imported：项目 projects {self.projects}，指标 indicators {self.indicators}；"
            f"诊断 diagnostics {codes}"
        )


def summarize(results: Sequence[ImportedFile]) -> ImportSummary:
    """The summary of an import run.

    >>> from indicatorkit import loads
    >>> spec = loads("项目 1 法律援助\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥180件\\n")
    >>> unread = Imported(None, (Finding("IK601", Severity.ERROR, "无法识别", 1),), "a.txt")
    >>> summarize([ImportedFile(Imported(spec, (), "表.ikspec"), "ikspec"),
    ...            ImportedFile(unread, "document")])
    ImportSummary(files=2, imported=1, projects=1, indicators=1, codes={'IK601': 1})
    """
    specs = [r.spec for r in results if r.spec is not None]
    codes: Counter[str] = Counter()
    for result in results:
        codes.update(result.imported.counts())
    return ImportSummary(
        len(results),
        len(specs),
        sum(len(spec.projects) for spec in specs),
        sum(1 for spec in specs for _ in spec.indicators()),
        dict(sorted(codes.items())),
    )
