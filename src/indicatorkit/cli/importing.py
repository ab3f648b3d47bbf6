"""``indicatorkit import``: read files (a folder: every file in it) into specs (导入), print
the spec or write it (``-o``: by extension; for several files a folder mirroring the inputs);
exit 2 when a file gave no spec or the output cannot be written, 1 for error or warning
findings, else 0.

>>> import pathlib, tempfile
>>> from indicatorkit.cli.parser import build_parser
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "目标.ikspec").write_text("项目 1 甲\\n", encoding="utf-8")
>>> run(build_parser().parse_args(["import", str(folder / "目标.ikspec"), "-o", str(folder / "目标.json"), "-q"]))
0
>>> (folder / "目标.json").exists()
True
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from indicatorkit.cli.messages import InputError, say
from indicatorkit.cli.output import dump_json
from indicatorkit.formats.extras import MissingExtraError
from indicatorkit.formats.files import (
    ExportError,
    ImportedFile,
    files_in,
    mirrored,
    read_file,
    summarize,
    write,
)
from indicatorkit.formats.ikspec.writer import dumps
from indicatorkit.formats.json_data import to_data
from indicatorkit.formats.output import refuse_inputs
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Spec

__all__ = ["run"]


def run(arguments: argparse.Namespace) -> int:
    """Run ``import`` with its parsed ``arguments`` (``-o`` is the spec written, or a folder).

    >>> from indicatorkit.cli.parser import build_parser
    >>> run(build_parser().parse_args(["import", "/no/such/目标.docx", "-q"]))
    2
    """
    return _import(
        arguments.files,
        arguments.output,
        arguments.projects_only,
        arguments.format,
        arguments.quiet,
        include_hidden=arguments.include_hidden,
    )


def _targets(
    names: Sequence[str], paths: Sequence[Path], output: str | None
) -> tuple[bool, dict[Path, Path]]:
    """Whether there are several inputs (or a folder), and where each spec goes: the input
    tree mirrored under ``output``, collisions refused; no output is an input."""
    several = len(paths) > 1 or any(os.path.isdir(name) for name in names)
    if output is not None and several:
        return several, dict(mirrored(names, output))
    if output is not None:
        refuse_inputs(output, paths)
    return several, {}


def _read_one(path: Path, include_hidden: bool, form: str, quiet: bool) -> ImportedFile | None:
    """Read one file, its findings printed (``None`` when an optional package is missing)."""
    try:
        result = read_file(path, include_hidden=include_hidden)
    except MissingExtraError as error:
        say(f"{path}: {error}")
        return None
    if form == "text":
        for finding in result.findings:
            if not quiet or finding.severity is Severity.ERROR:
                print(finding.render(), file=sys.stderr)
    return result


def _write_spec(spec: Spec, target: Path, projects_only: bool) -> int:
    """Write one spec (checked before: ``target`` is no input); 2 when it cannot be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write(Spec(projects=spec.projects) if projects_only else spec, target)
    except OSError as error:
        say(f"{target.parent}: 无法创建目录 / cannot create the folder: {error.strerror}")
        return 2
    except ExportError as error:
        say(f"{target}: {error}")
        return 2
    return 0


def _as_json(results: Sequence[ImportedFile], output: str | None) -> dict[str, Any]:
    """What ``--format json`` prints: each file read (with its spec when nothing is written)
    and the summary."""
    files = []
    for result in results:
        spec = {"spec": to_data(result.spec)} if output is None and result.spec else {}
        files.append(
            {
                "file": str(result.imported.source),
                "format": result.format,
                "ok": result.imported.ok,
                "findings": [f.to_dict() for f in result.findings],
                **spec,
            }
        )
    return {"files": files, "summary": summarize(results).to_dict()}


def _say_text(results: Sequence[ImportedFile], *, printed: bool) -> None:
    """The text form: the spec read (``printed``: one file, nothing written), and the summary
    to stderr."""
    if printed and results and results[0].spec is not None:
        print(dumps(results[0].spec), end="", file=sys.stdout)
    print(summarize(results).text(), file=sys.stderr)


def _import(
    names: Sequence[str],
    output: str | None,
    projects_only: bool,
    form: str,
    quiet: bool,
    *,
    include_hidden: bool = False,
) -> int:
    if projects_only and output is None:
        raise InputError(
            "--projects-only 要与 -o 一起用（它决定写出什么）/ --projects-only needs -o "
            "(it decides what is written)"
        )
    paths = list(files_in(names))
    if not paths:
        raise InputError("没有要导入的文件 / no file to import")
    several, targets = _targets(names, paths, output)
    results: list[ImportedFile] = []
    status = 0
    for index, path in enumerate(paths, 1):
        if several and not quiet:
            print(f"[{index}/{len(paths)}] {path}", file=sys.stderr)
        result = _read_one(path, include_hidden, form, quiet)
        if result is not None:
            results.append(result)
        if result is None or result.spec is None:
            status = 2
        elif output is not None:
            target = targets[path] if several else Path(output)
            status = max(status, _write_spec(result.spec, target, projects_only))
    if form == "json":
        dump_json(_as_json(results, output), sys.stdout)
    elif not quiet:
        _say_text(results, printed=output is None and not several)
    if status:
        return status
    bad = any(f.severity is not Severity.INFO for r in results for f in r.findings)
    return 1 if bad else 0
