"""Collection guards for the optional extras: without pyarrow (``indicatorkit[arrow]``) the
batch package's doctests are not collected (``tests/test_batch.py`` skips itself)."""

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("pyarrow") else ["src/indicatorkit/batch/*"]
