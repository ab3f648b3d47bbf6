"""``indicatorkit export``: write a spec (any file :func:`indicatorkit.read` accepts; ACTUALS
merged onto it) to OUT in the format OUT's extension names (导出); ``--scored``: the filled
自评表 workbook; ``--template``: the workbook a unit fills in.  Exit 1 for findings in reading
or merging (and, scored, for open points, as ``score``).

>>> import pathlib, tempfile
>>> from indicatorkit.cli.parser import build_parser
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "目标.ikspec").write_text("项目 1 甲\\n", encoding="utf-8")
>>> run(build_parser().parse_args(["export", str(folder / "目标.ikspec"), "--template", str(folder / "填报.csv")]))
Traceback (most recent call last):
  ...
indicatorkit.cli.messages.InputError: /.../填报.csv: --template 写成 .xlsx 工作簿 / --template writes an .xlsx workbook
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from indicatorkit.cli.messages import InputError, say_findings
from indicatorkit.cli.output import dump_json
from indicatorkit.cli.score import scored
from indicatorkit.cli.sources import LoadedSpec, load_actuals, load_spec_source
from indicatorkit.errors import IndicatorkitError
from indicatorkit.formats.extras import MissingExtraError
from indicatorkit.formats.files import ExportError, write
from indicatorkit.formats.workbook_template import write_template
from indicatorkit.formats.workbook_write import write_self_assessment
from indicatorkit.model.actuals import Actuals, merge_actuals
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Spec

__all__ = ["run"]


def run(arguments: argparse.Namespace) -> int:
    """Run ``export`` with its parsed ``arguments`` (``-o``, ``--scored`` or ``--template``
    names what is written).

    >>> import pathlib, tempfile
    >>> from indicatorkit.cli.parser import build_parser
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "目标.ikspec").write_text("项目 1 甲\\n", encoding="utf-8")
    >>> run(build_parser().parse_args(["export", str(folder / "目标.ikspec"), "-o", str(folder / "目标.json"), "-q"]))
    0
    """
    return _export(
        arguments.file,
        arguments.actuals,
        output=arguments.output,
        scored_to=arguments.scored,
        template=arguments.template,
        projects_only=arguments.projects_only,
        rules=arguments.rules,
        form=arguments.format,
        quiet=arguments.quiet,
    )


def _export_workbook(kind: str, path: str, write_it: Callable[[Path], None]) -> None:
    """Write a workbook for ``export --scored`` or ``--template`` (``.xlsx`` only)."""
    if Path(path).suffix.lower() != ".xlsx":
        raise InputError(f"{path}: {kind} 写成 .xlsx 工作簿 / {kind} writes an .xlsx workbook")
    try:
        write_it(Path(path))
    except (IndicatorkitError, MissingExtraError) as error:
        raise InputError(f"{path}: {error}") from None


def _merged(
    loaded: LoadedSpec, actuals: Actuals | None, projects_only: bool, quiet: bool
) -> tuple[Spec, bool]:
    """The spec to write (the actuals merged, the projects only when asked) and whether
    merging found errors."""
    spec, errors = loaded.spec, False
    if actuals is not None:
        spec, merged = merge_actuals(spec, actuals, spec_file=loaded.shown)
        say_findings(merged, quiet)
        errors = any(f.severity is Severity.ERROR for f in merged)
    return (Spec(projects=spec.projects) if projects_only else spec), errors


def _write_spec(spec: Spec, output: str | None, template: str | None) -> str:
    """Write the spec as a template workbook or to ``output``; the path written."""
    if template is not None:
        _export_workbook("--template", template, lambda path: write_template(spec, path))
        return template
    assert output is not None  # argparse requires one of -o, --scored, --template
    try:
        write(spec, output)
    except ExportError as error:
        raise InputError(f"{output}: {error}") from None
    return output


def _export(
    name: str,
    actuals_name: str | None,
    *,
    output: str | None,
    scored_to: str | None,
    template: str | None,
    projects_only: bool,
    rules: str | None,
    form: str,
    quiet: bool,
) -> int:
    if scored_to is not None and projects_only:
        raise InputError(
            "--projects-only 只用于写出规格，不用于 --scored 自评表 / --projects-only writes a "
            "spec; the --scored workbook holds every project it scores"
        )
    if scored_to is None and rules is not None:
        raise InputError("--rules 只用于 --scored / --rules is for --scored only")
    loaded = load_spec_source(name, quiet=quiet)
    actuals = None if actuals_name is None else load_actuals(actuals_name)
    found = any(f.severity is not Severity.INFO for f in loaded.findings)
    if scored_to is not None:
        result, still_open = scored(loaded.spec, actuals, rules, quiet, loaded.shown)
        _export_workbook("--scored", scored_to, lambda path: write_self_assessment(result, path))
        written, projects = scored_to, len(result.projects)
    else:
        spec, still_open = _merged(loaded, actuals, projects_only, quiet)
        written, projects = _write_spec(spec, output, template), len(spec.projects)
    if form == "json":
        dump_json({"file": name, "output": written, "projects": projects}, sys.stdout)
    elif not quiet:
        print(f"{loaded.shown} → {written}：项目 projects {projects}", file=sys.stderr)
    return 1 if found or still_open else 0
