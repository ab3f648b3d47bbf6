"""Make the checked-in .xls fixtures: build layouts A and B as .xlsx (tests/workbook_layouts.py)
and convert them to the old binary .xls with LibreOffice headless.  Run from the repository
root when the layouts change:

    .venv/bin/python tests/workbooks/make_xls.py

(needs ``soffice``: ``apt-get install libreoffice-calc-nogui``).  No test writes .xls by
itself: there is no maintained pure-Python .xls writer, so the files are kept here."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))

from tests import workbook_layouts as layouts  # noqa: E402

FIXTURES = {
    "A_申报表.xls": layouts.declaration_blocks,
    "B_自评表.xls": layouts.self_assessment_central,
}


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("需要 LibreOffice (soffice) / LibreOffice is needed")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, build in FIXTURES.items():
            source = build(work)
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{work}/profile",
                    "--convert-to",
                    "xls",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            shutil.copy(source.with_suffix(".xls"), HERE / name)
            print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
