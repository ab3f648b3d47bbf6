"""``python -m indicatorkit``: the ``indicatorkit`` command, where its script is not on PATH
(a Windows machine whose Scripts folder is not, an offline virtual environment).

>>> import subprocess, sys
>>> done = subprocess.run([sys.executable, "-m", "indicatorkit", "parse", "≥95%"],
...                       capture_output=True, text=True, encoding="utf-8")
>>> done.returncode, done.stdout.split("\\t")[1]
(0, '≥95%')
"""

from indicatorkit.command import main

if __name__ == "__main__":
    raise SystemExit(main())
