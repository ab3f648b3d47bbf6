"""``indicatorkit audit``: audit the printed scores of published self-assessments (审核印出的
自评得分) — every file, a folder's every file; exit 2 when a file cannot be used, 1 when a
printed figure contradicts the rules, a table check fails or reading found errors.

>>> import sys
>>> from indicatorkit.cli.parser import build_parser
>>> run(build_parser().parse_args(["audit", "/no/such/自评表.xlsx", "-q"]), sys.stdout)
2
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TextIO

from indicatorkit.cli.messages import InputError, say
from indicatorkit.cli.output import dump_csv, dump_json
from indicatorkit.cli.sources import load_spec_source
from indicatorkit.errors import UnknownRuleSetError
from indicatorkit.formats.files import files_in
from indicatorkit.scoring.audit import Audit, audit
from indicatorkit.scoring.audit_rows import AUDIT_COLUMNS, audit_rows
from indicatorkit.scoring.rules import rule_set

__all__ = ["run"]


def run(arguments: argparse.Namespace, out: TextIO) -> int:
    """Run ``audit`` with its parsed ``arguments``, the report to ``out``.

    >>> import sys, tempfile
    >>> from indicatorkit.cli.parser import build_parser
    >>> empty_folder = tempfile.mkdtemp()
    >>> run(build_parser().parse_args(["audit", empty_folder, "--format", "json"]), sys.stdout)
    []
    0
    """
    return _audit(arguments.files, arguments.rules, arguments.format, arguments.quiet, out)


def _audit(names: Sequence[str], rules: str | None, form: str, quiet: bool, out: TextIO) -> int:
    audits: list[Audit] = []
    status, unread = 0, False  # unread: reading found errors (rows that never reach the audit)
    if rules is not None:
        try:  # before any file: an unknown name is a usage error even with no file to audit
            rule_set(rules)
        except UnknownRuleSetError as error:
            raise InputError(str(error)) from None
    for path in files_in(names):
        try:
            loaded = load_spec_source(str(path), quiet=True)
            unread = unread or loaded.errors
            audits.append(audit(loaded.spec, rules=rules, file=loaded.shown))
        except UnknownRuleSetError as error:  # a rule set the spec itself names
            raise InputError(str(error)) from None
        except InputError as error:
            say(str(error))
            status = 2
    if form == "json":
        dump_json([result.to_dict() for result in audits], out)
    elif form == "csv":
        dump_csv(AUDIT_COLUMNS, audit_rows(audits), out)
    elif not quiet:
        print("\n\n".join(result.table() for result in audits), file=out)
    if status:
        return status
    return 0 if all(result.clean for result in audits) and not unread else 1
