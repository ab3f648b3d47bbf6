"""A spec file's own units (计量单位, issue 9 item 5): scoped to the file, written back, rebuilt
in worker processes, malformed definitions reported where they stand (IK060/IK061)."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import Spec, SpecError, dumps, loads, parse_target
from indicatorkit.errors import UnknownUnitError
from indicatorkit.formats import from_data, to_data
from indicatorkit.units import UnitDefinitionError, UnitRegistry, default_registry

#: The shipped units alone (units.txt), whatever define_unit added to the default registry.
SHIPPED = UnitRegistry()

DAYS_AS_A_KIND = """\
# 本表的计量单位 / this table's own units

计量单位
  - 工日 = [工日]
  - 千工日 = 1000 * 工日

项目 1 维修
  预算：100元

  指标 产出指标 / 数量指标 / 投入工日
    指标值：≥5千工日
"""

DAYS_AS_HOURS = """\
计量单位
  - 工日 = 8 * 小时

项目 1 维修
  预算：100元

  指标 产出指标 / 数量指标 / 投入工日
    指标值：≥5工日
"""


def _target(spec: Spec) -> object:
    return spec.projects[0].indicators[0].target


def test_two_specs_with_different_local_units_load_side_by_side() -> None:
    # the shipped units only: other tests may extend the process-wide registry (define_unit)
    kind, hours = loads(DAYS_AS_A_KIND, units=SHIPPED), loads(DAYS_AS_HOURS, units=SHIPPED)
    assert kind.units is not None and hours.units is not None
    assert kind.units.definitions == ("工日 = [工日]", "千工日 = 1000 * 工日")
    assert hours.units.definitions == ("工日 = 8 * 小时",)
    # text actuals are read with the spec's units, as scoring does
    assert _target(kind).check("5000工日", units=kind.units).met  # type: ignore[attr-defined]
    assert _target(hours).check("40小时", units=hours.units).met  # type: ignore[attr-defined]
    assert not _target(hours).check("39小时").met  # type: ignore[attr-defined]
    with pytest.raises(UnknownUnitError):
        parse_target("≥5工日")  # not process-wide
    assert "工日 = [工日]" not in default_registry().definitions


def test_the_writer_writes_the_block_back() -> None:
    spec = loads(DAYS_AS_A_KIND, units=SHIPPED)
    assert dumps(spec) == DAYS_AS_A_KIND
    assert loads(dumps(spec), units=SHIPPED) == spec
    assert from_data(to_data(spec)) == spec


def test_units_given_by_the_caller_are_extended_by_the_file() -> None:
    caller = SHIPPED.define("万工时 = [万工时]")
    spec = loads(DAYS_AS_HOURS, units=caller)
    assert spec.units is not None
    assert spec.units.definitions == ("万工时 = [万工时]", "工日 = 8 * 小时")
    assert loads(dumps(spec), units=SHIPPED) == spec


def _check_in_worker(data: bytes) -> bool:
    spec = pickle.loads(data)
    return bool(spec.projects[0].indicators[0].target.check("40小时").met)


def test_a_worker_process_rebuilds_the_units() -> None:
    spec = loads(DAYS_AS_HOURS)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        assert pool.submit(_check_in_worker, pickle.dumps(spec)).result(timeout=120)


BAD = """\
计量单位 多余
  - 工日 = [工日
  - 人 = [人]
  - cm2 = [length]/100
  - 工时 = 3 *
  其他
项目 1 维修
  预算：100元
"""


def test_malformed_definitions_are_located_findings() -> None:
    with pytest.raises(SpecError) as caught:
        loads(BAD)
    found = [(f.code, f.line, f.column) for f in caught.value.findings]
    assert found == [
        ("IK061", 1, 6),
        ("IK060", 2, 5),
        ("IK060", 3, 5),
        ("IK060", 4, 5),
        ("IK060", 5, 5),
        ("IK061", 6, 3),
    ]
    text = str(caught.value)
    assert "已是已知单位" in text and "_is_base" not in text and "Traceback" not in text


@pytest.mark.parametrize(
    "definition",
    [
        "cm2 = [length]/100",
        "工日 = [工日",
        "工时 = 3 *",
        "= 3",
        "工日",
        "人 = [人]",
        "工日 = 1000 * 没有的单位",
        "x" * 300,
        "a = 1\nb = 2",
    ],
)
def test_malformed_definitions_raise_the_library_error(definition: str) -> None:
    with pytest.raises(UnitDefinitionError) as caught:
        default_registry().define(definition)
    assert "_is_base" not in str(caught.value) and "\n" not in str(caught.value)


def test_define_is_idempotent_for_an_identical_definition() -> None:
    once = default_registry().define("工日 = [工日]")
    assert once.define("工日 = [工日]") is once
    assert once.define("  工日 = [工日]  ") is once


@settings(deadline=None, max_examples=15)  # each new set of units builds a pint registry
@given(
    st.lists(
        st.sampled_from(["工日 = [工日]", "亩次 = [亩次]", "千亩 = 1000 * 亩", "标箱 = [标箱]"]),
        unique=True,
        max_size=4,
    )
)
def test_any_set_of_local_units_round_trips_through_the_file(definitions: list[str]) -> None:
    block = "".join(f"  - {line}\n" for line in definitions)
    text = (f"计量单位\n{block}\n" if definitions else "") + "项目 1 维修\n  预算：100元\n"
    spec = loads(text, units=SHIPPED)
    assert spec.units is not None and spec.units.definitions == tuple(definitions)
    assert dumps(spec) == text
    assert loads(dumps(spec), units=SHIPPED) == spec
