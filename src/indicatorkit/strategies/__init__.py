"""Hypothesis strategies for indicatorkit: targets, the many ways a table writes them, and
actual values that meet or miss them — for property-testing code built on the library.
供属性测试使用的 hypothesis 策略：指标值、指标值的各种写法、达成或未达成的实际值。

Needs hypothesis (需要 hypothesis): ``pip install 'indicatorkit[strategies]'``.

Modelled on ``hypothesis.extra``: each public function is named after what it generates,
takes keyword-only knobs, validates them eagerly (raising
:class:`hypothesis.errors.InvalidArgument`) and returns a
:class:`~hypothesis.strategies.SearchStrategy`.  Every strategy generates valid values only:
targets pass their validators, texts are in the target language and come with the target
they mean, and the actuals of :func:`actuals_meeting` meet their target.

One idea per module:

- :mod:`~indicatorkit.strategies.values` — unit words, amounts, date points;
- :mod:`~indicatorkit.strategies.targets` — the four kinds of target and :func:`targets`;
- :mod:`~indicatorkit.strategies.spelling` — the texts that write a target;
- :mod:`~indicatorkit.strategies.actuals` — actual values meeting or missing a target;
- :mod:`~indicatorkit.strategies.records` — spec records (indicators … whole specs).

>>> from hypothesis import given, settings
>>> from hypothesis import strategies as st
>>> from hypothesis.strategies import SearchStrategy
>>> from indicatorkit.strategies import actuals_meeting, comparisons
>>> isinstance(comparisons(), SearchStrategy)
True
>>> @settings(max_examples=20, deadline=None)
... @given(target=comparisons(units=["%"], min_value=0, max_value=100), data=st.data())
... def test_meeting_actuals_meet(target, data):
...     assert target.check(data.draw(actuals_meeting(target))).met
>>> test_meeting_actuals_meet()

The constants say what the strategies draw from: ``TARGET_KINDS`` (the ``kinds=`` of
:func:`targets`), ``QUALITATIVE_PHRASES`` (sentences of :func:`qualitatives`),
``SPEC_TEXT_ALPHABET`` (the characters of generated names) and ``AnyTarget`` (what
:func:`targets` generates):

>>> from indicatorkit.strategies import (
...     QUALITATIVE_PHRASES, SPEC_TEXT_ALPHABET, TARGET_KINDS, AnyTarget, targets,
... )
>>> TARGET_KINDS
('comparison', 'range', 'deadline', 'period', 'qualitative')
>>> "及时足额发放" in QUALITATIVE_PHRASES, "：" in SPEC_TEXT_ALPHABET
(True, True)
>>> @settings(max_examples=10, deadline=None)
... @given(target=targets(kinds=["range"]))
... def test_kinds(target):
...     assert isinstance(target, AnyTarget.__args__[1])
>>> test_kinds()
"""

from __future__ import annotations

try:
    import hypothesis as _hypothesis
except ImportError as error:  # pragma: no cover - tested in a subprocess without hypothesis
    if error.name != "hypothesis":
        raise
    raise ImportError(
        "indicatorkit.strategies 需要 hypothesis，请安装：pip install 'indicatorkit[strategies]' "
        "(indicatorkit.strategies needs hypothesis: pip install 'indicatorkit[strategies]')",
        name=error.name,
    ) from error

from indicatorkit.strategies._arguments import Kind as Kind
from indicatorkit.strategies._arguments import Number as Number
from indicatorkit.strategies.actuals import (
    AmountForm as AmountForm,
)
from indicatorkit.strategies.actuals import (
    DateForm as DateForm,
)
from indicatorkit.strategies.actuals import (
    GradeForm as GradeForm,
)
from indicatorkit.strategies.actuals import actuals_meeting, actuals_missing
from indicatorkit.strategies.records import (
    SPEC_TEXT_ALPHABET,
    departments,
    indicators,
    projects,
    specs,
    spending_plans,
)
from indicatorkit.strategies.spelling import target_texts, target_texts_with_targets
from indicatorkit.strategies.targets import (
    QUALITATIVE_PHRASES,
    TARGET_KINDS,
    AnyTarget,
    comparisons,
    deadlines,
    periods,
    qualitatives,
    ranges,
    targets,
)
from indicatorkit.strategies.values import amounts, date_points, date_spans, unit_words

del _hypothesis

__all__ = [
    "QUALITATIVE_PHRASES",
    "SPEC_TEXT_ALPHABET",
    "TARGET_KINDS",
    "AnyTarget",
    "actuals_meeting",
    "actuals_missing",
    "amounts",
    "comparisons",
    "date_points",
    "date_spans",
    "deadlines",
    "departments",
    "indicators",
    "periods",
    "projects",
    "qualitatives",
    "ranges",
    "specs",
    "spending_plans",
    "target_texts",
    "target_texts_with_targets",
    "targets",
    "unit_words",
]
