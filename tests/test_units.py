"""The unit registry: what is defined, exact factors, separate dimensions, adding a unit."""

from __future__ import annotations

import itertools
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicatorkit import IndicatorkitError, SpecError, define_unit, loads, parse_target
from indicatorkit.errors import DimensionMismatchError, UnknownUnitError
from indicatorkit.language.text import normalize
from indicatorkit.units import (
    UnitDefinitionError,
    could_be_counting_word,
    known_unit_set,
    known_unit_words,
    unit,
)

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
        parse_target("≥5人天")
    assert caught.value.unit == "人天"
    assert "人" in caught.value.nearest


def test_adding_a_unit_takes_one_line() -> None:
    with pytest.raises(UnknownUnitError):
        parse_target("≥300垄")
    define_unit("垄 = [垄]")
    assert parse_target("≥300垄").check("301垄").met is True
    assert parse_target("≥300垄") != parse_target("≥300件")
    define_unit("万垄 = 10000 * 垄")
    assert parse_target("≥1万垄") == parse_target("≥10000垄")


def test_a_bad_definition_is_a_typed_error() -> None:
    with pytest.raises(UnitDefinitionError):
        define_unit("坏 = 3 * 不存在的单位")
    assert isinstance(UnitDefinitionError("x"), ValueError)


# ---------------------------------------------------------------------------------------------
# Units per context


def test_registries_are_values_that_extend_without_touching_others() -> None:
    from indicatorkit.units import UnitRegistry, default_registry

    base = default_registry()
    trees = base.define("墩 = [墩]")
    lamps = base.define("墩 = [灯]")  # the same word, another meaning, in another registry
    assert trees != lamps and base not in (trees, lamps)
    assert "墩" not in base.known_unit_set()
    assert trees.unit("墩").dimension == "[墩]" and lamps.unit("墩").dimension == "[灯]"
    # two specs with different local units load side by side
    text = "项目 1 绿化\n  指标 产出指标 / 数量指标 / 栽种数\n    指标值：≥50墩\n"
    one, other = loads(text, units=trees), loads(text, units=lamps)
    assert one.units == trees and other.units == lamps
    assert one.projects[0].indicators[0].target.check("60墩", units=trees).met
    with pytest.raises(SpecError):
        loads(text)  # the default registry does not know 墩
    assert UnitRegistry(trees.definitions) == trees and hash(
        UnitRegistry(trees.definitions)
    ) == hash(trees)


def test_define_is_idempotent_and_refuses_a_conflict() -> None:
    from indicatorkit.units import default_registry

    base = default_registry()
    trees = base.define("垛 = [垛]")
    assert trees.define("垛 = [垛]") is trees
    assert trees.define("  垛 = [垛]  ") is trees
    with pytest.raises(UnitDefinitionError):
        trees.define("垛 = [别的]")
    with pytest.raises(UnitDefinitionError):
        base.define("cm = [length]/100")  # a malformed line: our error, not pint's
    define_unit("垄 = [垄]")
    define_unit("垄 = [垄]")  # identical: nothing happens


@pytest.fixture
def shipped_file_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every definition file pint parses, by name."""
    from pint.delegates.txt_defparser.defparser import DefParser

    parsed: list[str] = []
    real = DefParser.parse_file

    def spy(self: object, filename: object, *args: object, **kwargs: object) -> object:
        parsed.append(str(filename))
        return real(self, filename, *args, **kwargs)

    monkeypatch.setattr(DefParser, "parse_file", spy)
    return parsed


def test_defining_a_unit_never_parses_the_shipped_files_again(
    shipped_file_parses: list[str],
) -> None:
    import pint

    from indicatorkit.units import default_registry

    default_registry().define("垛 = [垛]").unit("垛")  # the first pint registry of the test run
    shipped_file_parses.clear()
    made = [default_registry().define(f"垛{n} = [垛{n}] = 垛子{n}") for n in range(5)]
    made.append(made[-1].define("大垛 = 10 * 垛4"))
    assert shipped_file_parses == []  # the hook: each registry adds the definitions parsed once
    assert made[-1].unit("大垛") == made[-1].unit("垛4").__class__("大垛", "[垛4]", Fraction(10))
    assert made[0].unit("垛子0").dimension == "[垛0]"
    # the spy sees pint parse a file the plain way: the test would notice a renamed method
    from importlib import resources

    with resources.as_file(resources.files("indicatorkit").joinpath("units.txt")) as path:
        pint.UnitRegistry(None).load_definitions(str(path))
    assert shipped_file_parses == [str(path)]


def test_registries_defining_different_units_stay_independent() -> None:
    import pickle

    from indicatorkit.units import default_registry

    first, second = (
        default_registry().define("甲垛 = [甲垛]"),
        default_registry().define("乙垛 = [乙垛]"),
    )
    assert first.pint is not second.pint
    assert "甲垛" in first.pint and "乙垛" not in first.pint
    assert "乙垛" in second.pint and "甲垛" not in second.pint
    with pytest.raises(UnknownUnitError):
        first.unit("乙垛")
    assert first.known_unit_set() - second.known_unit_set() == {"甲垛"}
    again = pickle.loads(pickle.dumps(first))
    assert again == first and again.unit("甲垛/人").dimension == "[人]^-1·[甲垛]"


def test_a_built_pint_registry_knows_what_pint_reads_from_the_shipped_files() -> None:
    from importlib import resources

    import pint

    from indicatorkit.units.shipped import SHIPPED_DEFINITIONS, pint_registry

    plain = pint.UnitRegistry(None, non_int_type=Fraction, cache_folder=None)
    for name in SHIPPED_DEFINITIONS:
        with resources.as_file(resources.files("indicatorkit").joinpath(name)) as path:
            plain.load_definitions(str(path))
    built = pint_registry(())
    assert set(built) == set(plain) and len(set(built)) > 200

    def based(registry: pint.UnitRegistry, word: str) -> tuple[object, ...]:
        name = registry.get_name(word)  # as UnitRegistry.pint_unit reads a word ("hm2": 公顷)
        base = registry.Quantity(Fraction(1), name).to_base_units()
        return name, base.magnitude, dict(base.dimensionality)

    assert all(based(built, word) == based(plain, word) for word in plain)


def test_a_registry_crosses_a_process_boundary() -> None:
    import pickle
    import subprocess
    import sys

    from indicatorkit.units import default_registry

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
    from indicatorkit import SpecError, from_json, to_json
    from indicatorkit.formats import to_data
    from indicatorkit.units import default_registry

    trees = default_registry().define("垛 = [垛]")
    spec = loads(
        "项目 1 养蜂\n  指标 产出指标 / 数量指标 / 蜂群数\n    指标值：≥50垛\n", units=trees
    )
    assert to_data(spec)["units"] == list(trees.definitions)
    assert trees.definitions[-1] == "垛 = [垛]"
    again = from_json(to_json(spec))
    assert again == spec and again.units == trees
    broken = to_data(spec)
    broken["units"] = ["垛 = "]
    with pytest.raises(SpecError) as caught:
        from_json(json.dumps(broken, ensure_ascii=False))
    assert any("$.units[0]" in finding.message for finding in caught.value.findings)


# ---------------------------------------------------------------------------------------------
# Counting words (量词): counting_words.txt


def _shipped_words(name: str) -> list[list[str]]:
    from importlib import resources

    lines = resources.files("indicatorkit").joinpath(name).read_text(encoding="utf-8")
    return [
        [part.strip() for part in line.split("=")]
        for line in lines.splitlines()
        if line.strip() and not line.startswith("#")
    ]


COUNTING = _shipped_words("counting_words.txt")


def test_the_counting_words_are_many_and_each_its_own_dimension() -> None:
    from indicatorkit.units import default_registry

    registry = default_registry()
    assert len(COUNTING) >= 150
    dimensions = set()
    for name, definition, *aliases in COUNTING:
        assert definition == f"[{name}]", name
        resolved = unit(name)
        assert (resolved.symbol, resolved.dimension, resolved.factor) == (name, f"[{name}]", 1)
        dimensions.add(resolved.dimension)
        for alias in aliases:
            if alias != "_":
                assert unit(alias) == resolved  # a traditional form is the same word
        assert name in registry.counting_words()
    assert len(dimensions) == len(COUNTING)


def test_no_counting_word_is_defined_twice_or_shadows_the_grammar() -> None:
    units_txt = {word for line in _shipped_words("units.txt") for word in line if word != "_"}
    written = [word for line in COUNTING for word in (line[0], *line[2:]) if word != "_"]
    assert len(written) == len(set(written))
    assert not set(written) & units_txt
    forbidden = set("十百千万亿两零〇一二三四五六七八九点月日号年底末前内下以上每至到分元米天")
    assert not set(written) & forbidden
    assert not {"以上", "以下", "以内", "之内", "之间", "完成", "年底", "年内"} & set(written)


@pytest.mark.parametrize(
    ("text", "equal"),
    [
        ("3万棵", "30000棵"),
        ("≥1.5万株", "≥15000株"),
        ("≥2千只", "≥2000只"),
        ("≥1万羽", "≥10000羽"),
        ("≥100万尾", "≥1000000尾"),
        ("≥1.2万车次", "≥12000车次"),
        ("≥5万剂次", "≥50000剂次"),
        ("三十棵", "30棵"),
        ("≥一百头", "≥100头"),
        ("≥3000隻", "≥3000只"),
    ],
)
def test_multipliers_and_numerals_before_any_counting_word(text: str, equal: str) -> None:
    assert parse_target(text) == parse_target(equal)


def test_rates_over_counting_words() -> None:
    assert unit("元/生/学期").dimension == "[money]·[学期]^-1·[生]^-1"
    assert parse_target("≤900元/生/学期").check("850元/生/学期").met is True
    assert parse_target("≤5万元/个").check("4.5万元/个").met is True
    assert parse_target("≤1500元/头").check("1600元/头").met is False
    assert parse_target("≥2次/村").check("3次/村").met is True
    with pytest.raises(DimensionMismatchError):
        parse_target("≤5万元/个").check("4万元/株")


def test_counting_words_never_compare_with_each_other() -> None:
    for one, other in [("棵", "株"), ("只", "头"), ("架", "架次"), ("生", "人"), ("批", "批次")]:
        with pytest.raises(DimensionMismatchError):
            parse_target(f"≥5{one}").check(f"6{other}")


def test_a_shipped_counting_word_cannot_be_defined_again() -> None:
    from indicatorkit.units import default_registry

    with pytest.raises(UnitDefinitionError, match="已是已知单位"):
        default_registry().define("棵 = [棵]")


@pytest.mark.parametrize("text", ["≥5蔸", "≥1.5万蔸", "≤3元/蔸", "≥5 蔸"])
def test_an_unknown_single_character_is_an_error_that_shows_how_to_add_it(text: str) -> None:
    with pytest.raises(UnknownUnitError) as caught:
        parse_target(text)
    assert caught.value.counting_word == "蔸"
    assert 'define_unit("蔸 = [蔸]")' in str(caught.value)
    assert "%" not in caught.value.nearest and "天" not in caught.value.nearest


def test_the_nearest_units_of_a_chinese_word_are_counting_words() -> None:
    from indicatorkit.units import default_registry

    registry = default_registry()
    assert registry.nearest_units("航") == ("航次",)
    assert registry.nearest_units("分") == ()  # not 分钟 or 百分比
    assert set(registry.nearest_units("床日")) <= set(registry.counting_words())
    assert registry.nearest_units("月") == ("个月",)  # the counted form of a time word
    with pytest.raises(UnknownUnitError) as caught:
        parse_target("≥2月")
    assert caught.value.counting_word == ""  # 月 is a grammar word: never suggested


@pytest.mark.parametrize(
    ("written", "meant"),
    [("万圆", "万元"), ("圆", "元"), ("亿圓", "亿元"), ("千圆", "千元"), ("噸", "吨")],
)
def test_a_unit_written_with_a_variant_character_suggests_the_unit_it_means(
    written: str, meant: str
) -> None:
    """圆 (the currency's formal name) is 元 written another way: 万圆 is nearest to 万元, not to
    万人次, with which it shares only 万.  The word stays unknown — only the suggestion."""
    from indicatorkit.formats.json_values import DataProblem, load_unit
    from indicatorkit.units import default_registry

    registry = default_registry()
    assert written not in registry.known_unit_set()
    assert registry.nearest_units(written)[0] == meant
    with pytest.raises(UnknownUnitError) as caught:
        registry.unit(written)
    assert caught.value.nearest[:1] == registry.nearest_units(written)[:1]
    with pytest.raises(DataProblem) as problem:
        load_unit(written)
    assert problem.value.suggestion is not None
    assert (
        problem.value.suggestion.split(": ")[1].split("、")[0] == registry.nearest_units(written)[0]
    )


def test_a_variant_suggestion_is_only_a_unit_the_standard_spelling_names() -> None:
    from indicatorkit.units import default_registry

    registry = default_registry()
    # 圆满 is not a unit in any spelling: no 元 is made up for it
    assert "元满" not in registry.nearest_units("圆满")
    assert registry.nearest_units("万圆")[:2] == ("万元", "万人次")


@pytest.mark.parametrize(("text", "meant"), [("≥5圆", "元"), ("≥5万圆", "万元"), ("≥5臺", "台")])
def test_a_variant_of_a_units_character_is_never_taken_for_a_counting_word(
    text: str, meant: str
) -> None:
    """圆 is 元 written another way, not a count of its own: lenient reading does not make it a
    new dimension (T023), and the error offers the unit it means, not define_unit("圆 = [圆]")."""
    with pytest.raises(UnknownUnitError) as caught:
        parse_target(text, lenient=True)
    assert caught.value.nearest[0] == meant
    assert caught.value.counting_word == ""
    assert f'define_unit("{text[-1]} = [{text[-1]}]")' not in str(caught.value)
    assert parse_target("≥5蔸", lenient=True).diagnostics[0].code == "T023"  # a real one still is


@pytest.mark.parametrize("line", ["株", "株 =", "= [株]", " 株 ", "棵"])
def test_a_line_without_a_definition_says_so_before_whether_its_name_is_taken(line: str) -> None:
    """株 ships with the package, but the line ``株`` is not a definition at all: the error says
    the line needs the form 名称 = 定义, not that 株 is already defined."""
    from indicatorkit.formats.json_values import DataProblem, load_units
    from indicatorkit.units import default_registry

    with pytest.raises(UnitDefinitionError, match="名称 = 定义") as caught:
        default_registry().define(line)
    assert "已是已知单位" not in str(caught.value)
    with pytest.raises(DataProblem, match="名称 = 定义") as problem:
        load_units(["蔸 = [蔸]", line])
    assert problem.value.at == (1,) and "already defined" not in problem.value.message


def test_a_counting_word_hint_survives_pickling() -> None:
    import pickle

    with pytest.raises(UnknownUnitError) as caught:
        parse_target("≥5蔸")
    again = pickle.loads(pickle.dumps(caught.value))
    assert str(again) == str(caught.value) and again.counting_word == "蔸"


def test_the_words_never_counted_are_those_the_counting_word_list_leaves_out() -> None:
    """``NOT_COUNTING_WORDS`` is the list in the header of counting_words.txt, word for word."""
    from importlib import resources

    from indicatorkit.units import NOT_COUNTING_WORDS

    header = resources.files("indicatorkit").joinpath("counting_words.txt").read_text("utf-8")
    section = header.split("deliberately NOT defined", 1)[1].split("\n\n", 1)[0]
    listed = set()
    for line in section.splitlines()[1:]:
        entry = line.removeprefix("#")
        if entry.startswith("   ") and not entry[3].isspace():  # not a reason's next line
            words = entry.strip().split("  ")[0]  # the words, before the reason
            listed |= set(words.split())
    single = {word for word in listed if len(word) == 1}
    assert single <= NOT_COUNTING_WORDS  # every word the list leaves out is never counted
    assert NOT_COUNTING_WORDS <= {char for word in listed for char in word}  # nor any other


@pytest.mark.parametrize(
    ("text", "strict", "span"),
    [
        ("≥5蔸", "≥5蔸", "蔸"),
        ("≥1.5万蔸", "≥15000蔸", "万蔸"),
        ("5蔸以上", "≥5蔸", "蔸"),
        ("≤3元/蔸", "≤3元/蔸", "蔸"),
        ("≥5 蔸", "≥5蔸", "蔸"),
        ("合格率≥5蔸", "≥5蔸", "蔸"),
    ],
)
def test_lenient_reading_takes_an_unknown_counting_word_as_a_count_of_its_own(
    text: str, strict: str, span: str
) -> None:
    from indicatorkit.units import default_registry

    read = parse_target(text, lenient=True)
    assert read.defined == ("蔸 = [蔸]",)
    assert [d.code for d in read.diagnostics if d.code != "T008"] == ["T023"]
    (counted,) = [d for d in read.diagnostics if d.code == "T023"]
    assert text[counted.position : counted.end].strip() == span == counted.original.strip()
    assert "计量单位" in counted.message and "蔸 = [蔸]" in counted.message
    clumps = default_registry().define(read.defined[0])
    assert read.target == parse_target(strict, units=clumps)
    assert "[蔸]" in read.target.amount.unit.dimension  # type: ignore[union-attr]
    with pytest.raises(IndicatorkitError):
        parse_target(text)  # strict reading still refuses it


@pytest.mark.parametrize("text", ["≥5石", "≥5斗", "≥2股", "≥3番", "≥5角", "≥3服"])
def test_a_unit_of_another_kind_is_never_taken_for_a_counting_word(text: str) -> None:
    with pytest.raises(UnknownUnitError) as caught:
        parse_target(text, lenient=True)
    assert caught.value.counting_word == ""
    assert 'define_unit("' not in str(caught.value)  # no hint to add it as a count


# CJK characters that are neither a known unit nor a word the grammar or the list refuses
_ADHOC = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF).filter(
    lambda char: (
        normalize(char)[0] == char  # 貳 is read as the numeral 二
        and char not in known_unit_set()
        and could_be_counting_word(char)
        and not any(char in word for word in known_unit_set())
    )
)


@given(_ADHOC, st.integers(min_value=1, max_value=10**6), st.sampled_from(["≥", "≤", "", "不少于"]))
@settings(max_examples=40, deadline=None)
def test_any_unknown_counting_word_reads_leniently_as_its_own_count(
    char: str, number: int, operator: str
) -> None:
    from indicatorkit import Comparison
    from indicatorkit.units import default_registry

    try:
        parse_target(f"{operator}{number}{char}")
    except UnknownUnitError:
        pass
    else:
        return  # the grammar reads the character itself (a word it knows): nothing ad hoc
    read = parse_target(f"{operator}{number}{char}", lenient=True)
    own = default_registry().define(f"{char} = [{char}]")
    assert read.defined == (f"{char} = [{char}]",)
    assert isinstance(read.target, Comparison)
    assert read.target.amount.unit.dimension == f"[{char}]"
    assert read.target.check(f"{number}{char}", units=own).met is True


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        ("≥500斤", "250千克", True),
        ("≥500斤", "249.5公斤", False),
        ("≥3担", "150千克", True),
        ("≥5里", "2.5公里", True),
        ("≥3丈", "10米", True),
        ("≥3尺", "1米", True),
        ("≥30寸", "99厘米", False),
        ("两百斤", "100千克", True),
    ],
)
def test_market_units_convert_exactly(target: str, actual: str, met: bool) -> None:
    assert parse_target(target).check(actual).met is met


def test_where_units_are_declared_an_undeclared_counting_word_stays_an_error() -> None:
    """A spec file, JSON and a Spec built in code declare their units: there an unknown word
    is an error whose hint is the line to add — never an ad-hoc count."""
    import json

    from indicatorkit import Indicator, Project, Spec, from_json, to_json
    from indicatorkit.errors import InvalidValueError
    from indicatorkit.formats.imported import spec_units

    text = "项目 1 绿化\n  指标 产出指标 / 数量指标 / 栽种数\n    指标值：≥5000蔸\n"
    with pytest.raises(SpecError, match=r"- 蔸 = \[蔸\]"):
        loads(text)
    declared = loads("计量单位\n  - 蔸 = [蔸]\n\n" + text)
    data = json.loads(to_json(declared))
    assert "蔸 = [蔸]" in data["units"] and from_json(to_json(declared)) == declared
    del data["units"]
    with pytest.raises(SpecError, match="IK050"):
        from_json(json.dumps(data, ensure_ascii=False))
    read = parse_target("≥5000蔸", lenient=True)
    project = Project(
        1, "绿化", indicators=[Indicator("产出指标", "数量指标", "栽种数", read.target)]
    )
    with pytest.raises(InvalidValueError, match="蔸"):
        Spec(projects=[project])
    assert Spec(projects=[project], units=spec_units(None, [project])).units == declared.units
