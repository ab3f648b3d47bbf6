"""The unit registry: what is defined, exact factors, separate dimensions, adding a unit."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction

import pytest

from indicatorkit import (
    SpecError,
    UnitDefinitionError,
    UnknownUnitError,
    define_unit,
    loads,
    parse_target,
    unit,
)
from indicatorkit.units import known_unit_words

COUNTS = "件 人 人次 次 场 场次 份 个 项 户 家 篇 期 批 台 辆 套".split()


@pytest.mark.parametrize(
    ("word", "dimension", "factor"),
    [
        ("元", "[money]", 1),
        ("千元", "[money]", 1000),
        ("万元", "[money]", 10_000),
        ("亿元", "[money]", 100_000_000),
        ("%", "[ratio]", Fraction(1, 100)),
        ("百分比", "[ratio]", Fraction(1, 100)),
        ("‰", "[ratio]", Fraction(1, 1000)),
        ("天", "[day]", 1),
        ("日", "[day]", 1),
        ("周", "[day]", 7),
        ("小时", "[day]", Fraction(1, 24)),
        ("个工作日", "[workday]", 1),
        ("个月", "[month]", 1),
        ("年", "[month]", 12),
        ("平方米", "[length]^2", 1),
        ("亩", "[length]^2", Fraction(2000, 3)),
        ("公里", "[length]", 1000),
        ("吨", "[mass]", 1000),
        ("名", "[人]", 1),
    ],
)
def test_units_resolve_exactly(word: str, dimension: str, factor: Fraction) -> None:
    resolved = unit(word)
    assert resolved.dimension == dimension
    assert resolved.factor == factor
    assert isinstance(resolved.factor, Fraction)


def test_every_kind_of_count_is_its_own_dimension() -> None:
    for a, b in itertools.combinations(COUNTS, 2):
        assert unit(a).dimension != unit(b).dimension, (a, b)


def test_canonical_symbols() -> None:
    assert unit("百分比").symbol == "%"
    assert unit("名").symbol == "人"
    assert unit("个百分点").symbol == "百分点"


def test_no_si_prefixes() -> None:
    assert "m件" not in known_unit_words()
    with pytest.raises(UnknownUnitError):
        parse_target("≥3m件")


def test_unknown_unit_suggests_the_nearest() -> None:
    with pytest.raises(UnknownUnitError) as caught:
        parse_target("≥5户次")
    assert caught.value.unit == "户次"
    assert "户" in caught.value.nearest


def test_adding_a_unit_takes_one_line() -> None:
    with pytest.raises(UnknownUnitError):
        parse_target("≥300棵")
    define_unit("棵 = [棵]")
    assert parse_target("≥300棵").check("301棵").met is True
    assert parse_target("≥300棵") != parse_target("≥300件")
    define_unit("万棵 = 10000 * 棵")
    assert parse_target("≥1万棵") == parse_target("≥10000棵")


def test_a_bad_definition_is_a_typed_error() -> None:
    with pytest.raises(UnitDefinitionError):
        define_unit("坏 = 3 * 不存在的单位")
    assert isinstance(UnitDefinitionError("x"), ValueError)


# ---------------------------------------------------------------------------------------------
# Units per context


def test_registries_are_values_that_extend_without_touching_others() -> None:
    from indicatorkit import UnitRegistry, default_registry

    base = default_registry()
    trees = base.define("株 = [株]")
    lamps = base.define("株 = [灯]")  # the same word, another meaning, in another registry
    assert trees != lamps and base not in (trees, lamps)
    assert "株" not in base.known_unit_set()
    assert trees.unit("株").dimension == "[株]" and lamps.unit("株").dimension == "[灯]"
    # two specs with different local units load side by side
    text = "项目 1 绿化\n  指标 产出指标 / 数量指标 / 栽种数\n    指标值：≥50株\n"
    one, other = loads(text, units=trees), loads(text, units=lamps)
    assert one.units == trees and other.units == lamps
    assert one.projects[0].indicators[0].target.check("60株", units=trees).met
    with pytest.raises(SpecError):
        loads(text)  # the default registry does not know 株
    assert UnitRegistry(trees.definitions) == trees and hash(
        UnitRegistry(trees.definitions)
    ) == hash(trees)


def test_define_is_idempotent_and_refuses_a_conflict() -> None:
    from indicatorkit import default_registry

    base = default_registry()
    trees = base.define("丛 = [丛]")
    assert trees.define("丛 = [丛]") is trees
    assert trees.define("  丛 = [丛]  ") is trees
    with pytest.raises(UnitDefinitionError):
        trees.define("丛 = [别的]")
    with pytest.raises(UnitDefinitionError):
        base.define("cm = [length]/100")  # a malformed line: our error, not pint's
    define_unit("垄 = [垄]")
    define_unit("垄 = [垄]")  # identical: nothing happens


def test_a_registry_crosses_a_process_boundary() -> None:
    import pickle
    import subprocess
    import sys

    from indicatorkit import default_registry

    trees = default_registry().define("蔸 = [蔸]")
    spec = loads(
        "项目 1 绿化\n  指标 产出指标 / 数量指标 / 栽种数\n    指标值：≥50蔸\n", units=trees
    )
    payload = pickle.dumps(spec)
    assert pickle.loads(payload) == spec and pickle.loads(payload).units is trees  # interned
    program = (
        "import pickle, sys\n"
        "spec = pickle.loads(sys.stdin.buffer.read())\n"
        "target = spec.projects[0].indicators[0].target\n"
        "print(target.check('60蔸', units=spec.units).met)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], input=payload, capture_output=True, check=True
    )
    assert done.stdout.decode().strip() == "True"


def test_json_carries_the_units_of_a_spec() -> None:
    from indicatorkit import SpecError, default_registry, from_json, to_data, to_json

    trees = default_registry().define("窝 = [窝]")
    spec = loads(
        "项目 1 养蜂\n  指标 产出指标 / 数量指标 / 蜂群数\n    指标值：≥50窝\n", units=trees
    )
    assert to_data(spec)["units"] == list(trees.definitions)
    assert trees.definitions[-1] == "窝 = [窝]"
    again = from_json(to_json(spec))
    assert again == spec and again.units == trees
    broken = to_data(spec)
    broken["units"] = ["窝 = "]
    with pytest.raises(SpecError) as caught:
        from_json(json.dumps(broken, ensure_ascii=False))
    assert any("$.units[0]" in finding.message for finding in caught.value.findings)
