"""Hypothesis profiles for the whole run (测试配置 / test profiles).

Chosen by the ``HYPOTHESIS_PROFILE`` environment variable; without it, ``ci`` when ``CI=true``
(as ``.ci/run`` sets it) and ``dev`` otherwise.

- ``ci``: the same examples on every run (``derandomize``), a fixed budget, no deadline, no
  timing health check, no example database — a red CI is a defect, never a seed.  No
  ``explain`` phase: a failure still shows its shrunk example and blob, and the tests that
  expect a law to break (``check_rule_set`` on a broken rule set) do not spend a minute
  explaining it; ``dev`` and ``long`` keep the phase.
- ``dev``: the same budget with fresh random examples on every run (a failure prints the
  ``@reproduce_failure`` blob and the seed).
- ``long``: by hand, to search harder — random, 20 × the budget: tests without their own
  ``max_examples`` run 2,000 examples, and the modules that scale theirs by
  ``INDICATORKIT_PROPERTY_SCALE`` run 20 × (unless that variable is already set).

The profile is loaded while ``tests/`` is collected, before any test or doctest runs (the
``testpaths`` list ``tests`` first), so the examples in ``src/`` and ``docs/`` use it too.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

#: Examples per test for the tests that do not set their own ``max_examples``.
CI_EXAMPLES = 100
#: How much more the ``long`` profile runs.
LONG_SCALE = 20

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=CI_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
    phases=[phase for phase in Phase if phase is not Phase.explain],
)
settings.register_profile(
    "dev",
    max_examples=CI_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "long",
    max_examples=CI_EXAMPLES * LONG_SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE", "").strip()
    if chosen:
        return chosen
    return "ci" if os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"} else "dev"


PROFILE = _profile()
settings.load_profile(PROFILE)  # an unknown name raises InvalidArgument, naming the choices
if PROFILE == "long":
    os.environ.setdefault("INDICATORKIT_PROPERTY_SCALE", str(LONG_SCALE))


def pytest_report_header() -> str:
    return f"hypothesis profile: {PROFILE} (HYPOTHESIS_PROFILE=ci|dev|long)"
