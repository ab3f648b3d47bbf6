"""The ``indicatorkit`` command: a thin shell over the library (reading files, printing).

indicatorkit parse "≥95%" "不少于两百件" "-5%" [--lenient] [--format text|json|csv]
indicatorkit check examples/seed_actuals.tsv | SPEC [ACTUALS] [--format text|json|csv]
indicatorkit lint FILE… [--format text|json|csv]
indicatorkit fmt [--check] [--force] FILE… | -
indicatorkit score SPEC [ACTUALS] [--rules NAME] [--rescale] [--format text|json|csv] [--output FILE]
indicatorkit score --departments FOLDER|TABLE.csv [--rules NAME] [--parquet FILE] [--format text|json|csv]
indicatorkit monitor SPEC [ACTUALS] --at 2025-06-30 [--format text|json]
indicatorkit report SPEC [ACTUALS] -o report.html [--pdf [FILE]] [--rules NAME] [--year YYYY] [--no-findings]
indicatorkit report --departments FOLDER|TABLE.csv -o bureau.html [--pdf [FILE]] [--rules NAME]
indicatorkit import FILE|FOLDER… [-o OUT] [--include-hidden] [--format text|json]
indicatorkit export SPEC [ACTUALS] -o OUT | --scored OUT.xlsx | --template OUT.xlsx [--projects-only]
indicatorkit completion bash|zsh|powershell
indicatorkit audit FILE|FOLDER… [--rules NAME] [--format text|json|csv] [--output FILE]

Conventions for every verb: exit 0 when clean, 1 for findings (failed rows, lint errors,
files to reformat), 2 for a usage or input error (a file that cannot be read, is empty, is
not a regular file…); never a traceback.  ``--format text|json``, ``--output FILE`` (the
report), ``--quiet`` (problems only); ``--format csv`` too where the output is rows (``parse``,
``check``, ``lint``, ``score``; with ``--output`` the file has a BOM so Excel opens it).  A
spec may be any file :func:`indicatorkit.read` accepts (a spec file, JSON, a CSV long table, a
workbook, Word, PDF — told by content; ``-`` for standard input), what reading found printed;
text files may be UTF-8, UTF-8 with a BOM or GBK; anything else is an input error.  Plain output,
never colour (so never on a pipe and never with ``NO_COLOR``).  ``--format json`` output follows
the JSON Schema shipped as ``indicatorkit/schemas/VERB.schema.json``.  See ``docs/cli.md``.

The package: :mod:`~indicatorkit.cli.parser` (the arguments), :mod:`~indicatorkit.cli.sources`
(what a verb reads), :mod:`~indicatorkit.cli.output` (where and how it reports),
:mod:`~indicatorkit.cli.messages` (standard error), and one module a verb (``parse``, ``check``,
``lint``, ``audit``, ``score``, ``monitor``, ``report``, ``fmt``, ``importing``, ``exporting``),
each with a ``run(arguments, …)``; this module runs the verb the arguments name.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final, TextIO

from indicatorkit.cli import (
    audit,
    check,
    exporting,
    fmt,
    importing,
    lint,
    monitor,
    parse,
    report,
    score,
)
from indicatorkit.cli.messages import InputError, report_bug, say
from indicatorkit.cli.output import report_to
from indicatorkit.cli.parser import build_parser
from indicatorkit.cli.sources import STDIN
from indicatorkit.cli_help import completion_script
from indicatorkit.formats.limits import DEFAULT_LIMITS, InputLimitError, parse_limit, using
from indicatorkit.formats.output import OutputError, refuse_inputs
from indicatorkit.formats.progress import reporting, terminal

__all__ = ["main"]

#: The verbs that write their own outputs (``-o`` is a page, a spec or a folder).
_WRITING: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "report": report.run,
    "import": importing.run,
    "export": exporting.run,
}
#: The verbs whose report goes to standard output or the file ``-o`` names.
_REPORTING: Final[dict[str, Callable[[argparse.Namespace, TextIO], int]]] = {
    "parse": parse.run,
    "check": check.run,
    "lint": lint.run,
    "audit": audit.run,
    "score": score.run,
    "monitor": monitor.run,
    "fmt": fmt.run,
}
#: The options that name a file a verb writes (none may be one of its inputs).
_OUTPUTS = ("output", "scored", "template", "parquet")


def _inputs(arguments: argparse.Namespace) -> list[str]:
    """The files a verb reads (an output may be none of them)."""
    names = [getattr(arguments, "file", None), getattr(arguments, "actuals", None)]
    if arguments.command != "parse":
        names.extend(getattr(arguments, "files", None) or ())
    return [name for name in names if name is not None and name != STDIN]


def _refuse_misuse(arguments: argparse.Namespace) -> None:
    """Usage errors found before anything is opened: an output that is an input, ``fmt -``
    with a report."""
    for option in _OUTPUTS:
        if getattr(arguments, option, None) is not None:
            refuse_inputs(getattr(arguments, option), _inputs(arguments))
    if arguments.command == "fmt":
        fmt.refuse_standard_output(arguments)


def _dispatch(arguments: argparse.Namespace) -> int:
    """Run the verb ``arguments`` name; an input or output error is exit 2."""
    if arguments.command == "completion":
        print(completion_script(arguments.shell, build_parser()), end="")
        return 0
    try:
        _refuse_misuse(arguments)
        if arguments.command in _WRITING:
            return _WRITING[arguments.command](arguments)
        with report_to(arguments.output, bom=arguments.format == "csv") as out:
            return _REPORTING[arguments.command](arguments, out)
    except (InputError, OutputError, InputLimitError) as error:
        say(str(error))
        return 2


def _run(argv: Sequence[str] | None) -> int:
    try:
        arguments = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version, usage errors (2)
        return exit_.code if isinstance(exit_.code, int) else 2
    limits = DEFAULT_LIMITS
    try:
        for text in arguments.limit:
            limits = parse_limit(text, limits)
    except ValueError as error:
        say(f"--limit: {error}")
        return 2
    # a long read's progress, on a terminal only
    shown = None if arguments.quiet else terminal(sys.stderr)
    try:
        with using(limits), reporting(shown):
            return _dispatch(arguments)
    finally:
        if shown is not None:
            shown.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 clean, 1 findings, 2 usage or input error).

    >>> main(["parse", "不少于两百件"])  # doctest: +NORMALIZE_WHITESPACE
    不少于两百件	≥200件	Comparison
    0
    >>> main(["parse", "≥5人天", "--quiet", "--format", "json"])  # doctest: +ELLIPSIS
    [
      {
        "text": "≥5人天",
        "ok": false,
        "error": "UnknownUnitError",
        ...
    1
    """
    try:
        status = _run(argv)
        sys.stdout.flush()  # a write error shows here, not after the exit status is chosen
        return status
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except KeyboardInterrupt:
        print("\nindicatorkit: 已中断 / interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # e.g. standard output on a full disk: an I/O error, not a bug
        where = f"{error.filename}: " if error.filename else ""
        say(f"{where}输入输出错误 / I/O error: {error.strerror or error}")
        return 2
    except Exception as error:  # a bug: a short message, never a traceback
        report_bug(error)
        return 2
