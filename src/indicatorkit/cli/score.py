"""``indicatorkit score``: score a spec with its actuals (按评分规则打分), or with
``--departments`` every department of a folder or long table, ranked; exit 1 while points
are open (:func:`~indicatorkit.scoring.settled.points_open`) or reading found errors.

>>> import pathlib, sys, tempfile
>>> from indicatorkit.cli.parser import build_parser
>>> spec = pathlib.Path(tempfile.mkdtemp(), "自评.ikspec")
>>> _ = spec.write_text("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n", encoding="utf-8")
>>> run(build_parser().parse_args(["score", str(spec), "-q"]), sys.stdout)   # no actual: open
1
"""

from __future__ import annotations

import argparse
from typing import TextIO

from indicatorkit.cli.messages import InputError, say_findings
from indicatorkit.cli.output import dump_csv, dump_json
from indicatorkit.cli.sources import load_actuals, load_spec_source
from indicatorkit.errors import UnknownRuleSetError
from indicatorkit.formats.bureau_sources import read_bureau
from indicatorkit.formats.bureau_table import (
    BUREAU_COLUMNS,
    bureau_rows,
    bureau_text,
    write_bureau_parquet,
)
from indicatorkit.formats.extras import MissingExtraError
from indicatorkit.model.actuals import Actuals
from indicatorkit.model.findings import Severity
from indicatorkit.model.records import Spec
from indicatorkit.scoring.departments import BureauScore, score_departments
from indicatorkit.scoring.report import SpecScore, score
from indicatorkit.scoring.score_rows import SCORE_COLUMNS, score_rows
from indicatorkit.scoring.settled import points_open

__all__ = ["open_points", "ranked", "run", "scored"]


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``score`` with its parsed ``arguments``, the report to ``out``.

    >>> import sys
    >>> from indicatorkit.cli.parser import build_parser
    >>> run(build_parser().parse_args(["score", "目标.ikspec", "--parquet", "排名.parquet"]), sys.stdout)
    Traceback (most recent call last):
      ...
    indicatorkit.cli.messages.InputError: --parquet 只与 --departments 同用 / --parquet needs --departments
    """
    form, quiet = arguments.format, arguments.quiet
    if arguments.departments:
        if arguments.actuals is not None:
            raise InputError(
                "--departments 不带实际值文件：实际值写在各部门的规格或长表里 / "
                "--departments takes no ACTUALS: give the actuals in the specs or table"
            )
        return _departments(
            arguments.file, arguments.rules, form, quiet, out, arguments.rescale, arguments.parquet
        )
    if arguments.parquet is not None:
        raise InputError("--parquet 只与 --departments 同用 / --parquet needs --departments")
    return _score(
        arguments.file, arguments.actuals, arguments.rules, form, quiet, out, arguments.rescale
    )


def open_points(result: SpecScore, quiet: bool) -> bool:
    """Print what merging the actuals said (to stderr); whether points are open
    (:func:`~indicatorkit.scoring.settled.points_open`).

    >>> from indicatorkit import loads
    >>> open_points(score(loads("项目 1 甲\\n  指标 产出指标 / 数量指标 / 受理数\\n    指标值：≥200件\\n")), quiet=True)
    True
    """
    say_findings(result.findings, quiet)
    return points_open(result)


def scored(
    spec: Spec,
    actuals: Actuals | None,
    rules: str | None,
    quiet: bool,
    spec_file: str,
    rescale: bool = False,
) -> tuple[SpecScore, bool]:
    """Score for ``score`` and ``export --scored``: the result (what merging said printed to
    stderr) and whether points are open (:func:`open_points`); an unknown rule set is an
    input error.

    >>> from indicatorkit import loads
    >>> scored(loads("项目 1 甲\\n"), None, "某县", True, "甲.ikspec")
    Traceback (most recent call last):
      ...
    indicatorkit.cli.messages.InputError: 未知的评分规则“某县” (unknown rule set); ...
    """
    try:
        result = score(spec, actuals, rules=rules, spec_file=spec_file, rescale=rescale)
    except UnknownRuleSetError as error:
        raise InputError(str(error)) from None
    return result, open_points(result, quiet)


def _score(
    name: str,
    actuals_name: str | None,
    rules: str | None,
    form: str,
    quiet: bool,
    out: TextIO,
    rescale: bool = False,
) -> int:
    """Score a spec with its actuals (in the spec, or merged from an actuals file); exit 1
    when points are undecided, a grade is withheld (weights not totalling 100), an
    explanation the rules require is missing, or the actuals file has error findings."""
    loaded = load_spec_source(name, quiet=quiet)
    actuals = None if actuals_name is None else load_actuals(actuals_name)
    result, still_open = scored(loaded.spec, actuals, rules, quiet, loaded.shown, rescale)
    if form == "json":
        dump_json(result.to_dict(), out)
    elif form == "csv":
        dump_csv(SCORE_COLUMNS, score_rows(result), out)
    elif not quiet:
        print(result.table(), file=out)
    return 1 if still_open or loaded.errors else 0


def ranked(name: str, rules: str | None, rescale: bool, quiet: bool) -> tuple[BureauScore, bool]:
    """Every department read from ``name`` (its findings said) scored and ranked, and whether
    reading found errors; no department is an input error (``score --departments`` and
    ``report --departments`` both read them so).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "司法局.ikspec").write_text("项目 1 甲\\n  预算：1元\\n  执行数：1元\\n  指标 产出指标 / 数量指标 / 数\\n"
    ...     "    指标值：≥1件\\n    实际值：2件\\n", encoding="utf-8")
    >>> bureau, errors = ranked(str(folder), None, False, True)
    >>> [(d.rank, d.name) for d in bureau.departments], errors
    ([(1, '司法局')], False)
    """
    found = read_bureau(name)
    say_findings(found.findings, quiet)
    if not found.departments:
        raise InputError(f"{name}: 没有可评分的部门 / no department to score")
    try:
        bureau = score_departments(
            ((n, spec) for n, _, spec in found.departments),
            rules=rules,
            rescale=rescale,
            sources=(source for _, source, _ in found.departments),
        )
    except UnknownRuleSetError as error:
        raise InputError(str(error)) from None
    return bureau, any(f.severity is Severity.ERROR for f in found.findings)


def _departments(
    name: str,
    rules: str | None,
    form: str,
    quiet: bool,
    out: TextIO,
    rescale: bool = False,
    parquet: str | None = None,
) -> int:
    """Score every department of a folder of specs or a long table with a 部门 column and
    rank them (:func:`~indicatorkit.scoring.departments.score_departments`); exit 1 when
    reading found errors or a department's points are open (as ``score``), 2 when no
    department comes out."""
    bureau, errors = ranked(name, rules, rescale, quiet)
    if parquet is not None:
        try:
            write_bureau_parquet(bureau, parquet)
        except MissingExtraError as error:
            raise InputError(f"--parquet {parquet}: {error}") from None
    if form == "json":
        dump_json(bureau.to_dict(), out)
    elif form == "csv":
        dump_csv(BUREAU_COLUMNS, bureau_rows(bureau), out)
    elif not quiet:
        print(bureau_text(bureau), file=out)
    still_open = [open_points(d.result, quiet) for d in bureau.departments]
    return 1 if errors or any(still_open) else 0
