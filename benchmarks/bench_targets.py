"""Throughput of indicatorkit against naive regex + pint baselines, measured in the same run.

Three measurements (see benchmarks/README.md):

1. cold parse   — ``parse_target`` over N distinct realistic target strings, caches cleared;
   baseline: a naive regex split + ``registry().Quantity(Fraction(number), unit)`` parser.
2. cached parse — the same strings again (warm ``lru_cache``); baseline: the naive parser again
   (it has no cache).
3. check        — ``target.check(actual)`` over (target, actual) pairs; baseline: per call
   ``Q(actual, unit) OP Q(target_value, target_unit)`` with ``Q = registry().Quantity``.

Each figure is the best (fastest) of ``--repeat`` runs, timed with ``time.perf_counter``; the
median is printed beside it.  Goals are reported, never asserted.

    python benchmarks/bench_targets.py            # full run (~1 minute)
    python benchmarks/bench_targets.py --quick    # smoke run (a few seconds)
"""

from __future__ import annotations

import argparse
import operator
import os
import platform
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import lark
import pint

import indicatorkit
from indicatorkit import Comparison, parse_target
from indicatorkit.language import Operator, Range
from indicatorkit.language import reading as parsing  # clear_caches
from indicatorkit.numerals import chinese_numeral
from indicatorkit.units import SCALES, default_registry
from indicatorkit.vocabulary import PREFIX_OPERATORS, RANGE_SEPARATORS, SUFFIX_OPERATORS

GOAL_COLD = 20_000.0  # strings per second
GOAL_CACHED = 1_000_000.0  # strings per second
GOAL_CHECK_RATIO = 50.0  # × the naive pint baseline, numeric actuals in the target's unit

# ---------------------------------------------------------------------------------------------
# Realistic target strings


COUNT_UNITS = (
    "件",
    "人",
    "人次",
    "次",
    "场",
    "份",
    "个",
    "项",
    "户",
    "家",
    "篇",
    "期",
    "批",
    "台",
    "辆",
    "套",
    "册",
    "本",
    "条",
    "所",
    "座",
    "处",
    "班",
    "课时",
    "学时",
    "名",
    "位",
)
GE_WORDS = ("≥", ">=", "≥ ", "不低于", "不少于", "达到", "至少", "大于等于", "不小于", "达")
LE_WORDS = ("≤", "<=", "不超过", "不高于", "至多", "最多", "小于等于", "不大于")
SUBJECTS = (
    "群众满意度",
    "服务质量",
    "项目管理水平",
    "资金使用效益",
    "社会效益",
    "生态环境质量",
    "基础设施条件",
    "办事效率",
    "信息公开程度",
    "群众获得感",
    "工作机制",
    "档案管理",
    "监管能力",
    "学生综合素质",
    "居民生活质量",
    "农村人居环境",
    "公共服务水平",
    "应急处置能力",
    "公共文化供给",
    "特色产业发展",
    "医疗服务能力",
    "食品安全保障",
    "就业创业环境",
    "营商环境",
    "基层治理能力",
    "教师队伍素质",
    "防灾减灾能力",
    "水资源利用效率",
    "耕地保护成效",
    "科技创新能力",
)
PREDICATES = (
    "显著提升",
    "明显改善",
    "有效提高",
    "持续增强",
    "逐步完善",
    "进一步规范",
    "稳步提高",
    "得到保障",
    "不断优化",
    "长期有效",
    "总体向好",
    "切实加强",
    "较上年有所提高",
    "得到有效保障",
    "符合相关标准",
    "达到预期效果",
    "稳中有升",
    "全面落实",
)
SENTENCES = (
    "及时足额发放",
    "按时完成",
    "符合验收标准",
    "达到国家标准",
    "资金专款专用",
    "无安全事故",
)
LEADS = ("", "", "项目实施后", "通过项目实施，", "推动", "促进辖区")
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def _percent(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return str(rng.randint(1, 100))
    return f"{rng.randint(50, 99)}.{rng.randint(1, 99)}".rstrip("0")


def _money(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return str(rng.randint(1, 99_999))
    if roll < 0.7:
        return f"{rng.randint(1, 9_999)}.{rng.randint(1, 99)}".rstrip("0")
    return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}"


def _count(rng: random.Random) -> str:
    return str(rng.choice((rng.randint(1, 100), rng.randint(100, 20_000))))


def _percent_ge(r: random.Random) -> str:
    if r.random() < 0.25:
        return _percent(r) + r.choice(("%以上", "%及以上", "%或以上"))
    return r.choice(GE_WORDS) + _percent(r) + "%"


def _percent_other(r: random.Random) -> str:
    if r.random() < 0.25:
        return "＞＝" + (_percent(r) + "%").translate(FULL_WIDTH)  # NFKC path
    if r.random() < 0.2:
        return f"≤{r.randint(0, 9)}.{r.randint(1, 99)}‰"
    return r.choice((*LE_WORDS, "<", "低于", "", "")) + _percent(r) + "%"


def _money_text(r: random.Random) -> str:
    if r.random() < 0.2:
        return _money(r) + r.choice(("万元以内", "元以下", "万元以下"))
    unit = r.choice(("元", "万元", "万元", "亿元", "千元"))
    return r.choice(("<", ">", "≥", "控制在", *LE_WORDS)) + _money(r) + unit


def _count_text(r: random.Random) -> str:
    roll = r.random()
    if roll < 0.15:
        return _count(r) + r.choice(("件以上", "人次以上", "户以上"))
    if roll < 0.25:
        return f"≥{r.randint(1, 99)}.{r.randint(1, 9)}万人次"
    return r.choice((*GE_WORDS, "≤", "<", ">")) + _count(r) + r.choice(COUNT_UNITS)


def _time_text(r: random.Random) -> str:
    return r.choice(
        (
            f"≤{r.randint(1, 60)}个工作日",
            f"{r.randint(1, 60)}个工作日内",
            f"≤{r.randint(1, 365)}天",
            f"{r.randint(1, 72)}小时内",
        )
    )


def _range_text(r: random.Random) -> str:
    low = r.randint(50, 95)
    high = r.randint(low + 1, 100)
    return r.choice(
        (
            f"{low}%～{high}%",
            f"{low}%-{high}%",
            f"{low}-{high}%",
            f"{low}%至{high}%",
            f"{low}到{high}%之间",
            f"{low * 10}～{high * 100}元",
        )
    )


def _deadline_text(r: random.Random) -> str:
    month, day, year = r.randint(1, 12), r.randint(1, 28), r.randint(2015, 2035)
    return r.choice(
        (
            f"{month}月底前",
            f"{month}月{day}日前",
            f"{month}月{day}日前完成",
            f"{year}年{month}月底前",
            f"{year}年{month}月{day}日之前",
            f"{month}月{day}日以前完成",
        )
    )


def _chinese_text(r: random.Random) -> str:
    if r.random() < 0.3:
        return "不低于百分之" + chinese_numeral(r.randint(50, 99))
    prefix = r.choice(("不少于", "≥", "达到", ""))
    return prefix + chinese_numeral(r.randint(1, 9999)) + r.choice(("件", "人", "次", "场", "户"))


def _qualitative_text(r: random.Random) -> str:
    if r.random() < 0.05:
        return r.choice(SENTENCES)
    return r.choice(LEADS) + r.choice(SUBJECTS) + r.choice(PREDICATES)


# (family, weight, generator); the weights roughly follow real tables: mostly "≥ n%".
FAMILIES: tuple[tuple[str, int, Callable[[random.Random], str]], ...] = (
    ("percent ≥ / 以上", 34, _percent_ge),
    ("percent other", 10, _percent_other),
    ("money", 18, _money_text),
    ("count", 19, _count_text),
    ("time", 4, _time_text),
    ("range", 7, _range_text),
    ("deadline", 6, _deadline_text),
    ("chinese numeral", 3, _chinese_text),
    ("qualitative", 9, _qualitative_text),
)


def target_strings(n: int, seed: int) -> tuple[list[str], dict[str, str]]:
    """``n`` distinct target strings (deterministic for a seed) and each string's family."""
    rng = random.Random(seed)
    names = [name for name, _, _ in FAMILIES]
    weights = [weight for _, weight, _ in FAMILIES]
    makers = {name: make for name, _, make in FAMILIES}
    family: dict[str, str] = {}
    attempts = 0
    while len(family) < n:
        attempts += 1
        if attempts > 50 * n:
            raise RuntimeError(f"could only generate {len(family)} distinct strings")
        name = rng.choices(names, weights)[0]
        text = makers[name](rng)
        family.setdefault(text, name)
    return list(family), family


# ---------------------------------------------------------------------------------------------
# The naive baseline: regex split + pint, no cache


Q = default_registry().pint.Quantity
_NUM = r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?"
_PREFIX = "|".join(re.escape(w) for w in sorted(PREFIX_OPERATORS, key=len, reverse=True))
_SUFFIX = "|".join(re.escape(w) for w in sorted(SUFFIX_OPERATORS, key=len, reverse=True))
_SEP = "|".join(re.escape(w) for w in (*RANGE_SEPARATORS, "-", "～"))
_COMPARISON_RE = re.compile(rf"\s*({_PREFIX})?\s*({_NUM})\s*(\D*?)\s*({_SUFFIX})?\s*")
_RANGE_RE = re.compile(rf"\s*({_NUM})\s*(\D*?)\s*(?:{_SEP})\s*({_NUM})\s*(\D*?)\s*(?:之间)?\s*")
_DEADLINE_RE = re.compile(
    r"\s*(?:(\d{4})年)?(\d{1,2})月(?:(底|末)|(\d{1,2})[日号])(?:之前|以前|前)?(?:完成)?\s*"
)
_ACTUAL_RE = re.compile(rf"\s*({_NUM})\s*(\D*?)\s*")
_REGISTRY = default_registry().pint


def _naive_quantity(number: str, unit: str) -> Any:
    value = Fraction(number.replace(",", ""))
    if not unit:
        return Q(value)
    if unit in _REGISTRY:
        return Q(value, unit)
    for scale in ("十万", "百万", "千万", "万", "亿", "千", "百", "十"):
        if unit.startswith(scale) and unit[len(scale) :] in _REGISTRY:
            return Q(value * SCALES[scale], unit[len(scale) :])
    return None


def naive_parse(text: str) -> tuple[Any, ...]:
    """What a hand-rolled parser does: NFKC, three regexes, pint quantities; prose otherwise."""
    text = unicodedata.normalize("NFKC", text)
    match = _DEADLINE_RE.fullmatch(text)
    if match:
        year, month, _, day = match.groups()
        return ("deadline", year and int(year), int(month), day and int(day))
    match = _RANGE_RE.fullmatch(text)
    if match:
        high = _naive_quantity(match[3], match[4])
        low = _naive_quantity(match[1], match[2] or match[4])
        if low is not None and high is not None:
            return ("range", low, high)
    match = _COMPARISON_RE.fullmatch(text)
    if match:
        amount = _naive_quantity(match[2], match[3])
        if amount is not None:
            op = match[1] and PREFIX_OPERATORS[match[1]]
            return ("comparison", op or (match[4] and SUFFIX_OPERATORS[match[4]]), amount)
    return ("qualitative", text)


_OPERATORS: dict[Operator, Callable[[Any, Any], bool]] = {
    Operator.GE: operator.ge,
    Operator.GT: operator.gt,
    Operator.LE: operator.le,
    Operator.LT: operator.lt,
}


def naive_check(target: tuple[Any, ...], actual: Any) -> bool:
    """``Q(actual, unit) OP Q(target_value, target_unit)``, pint quantities built per call."""
    compare, unit, value, high = target
    if type(actual) is str:
        match = _ACTUAL_RE.fullmatch(actual)
        assert match is not None
        got = Q(Fraction(match[1].replace(",", "")), match[2] or unit)
    else:
        got = Q(actual, unit)
    if compare is None:  # a range, both ends included
        return bool(Q(value, unit) <= got <= Q(high, unit))
    return bool(compare(got, Q(value, unit)))


# ---------------------------------------------------------------------------------------------
# Check pairs


SEED_TARGETS = (
    "≥95%",
    "≥90%",
    "≥98%",
    "100%",
    "不低于85%",
    "≥99.5%",
    "95%以上",
    "≤5%",
    "<3%",
    "≤0.5‰",
    "<100元",
    "≤300元",
    ">5万元",
    "≤50万元",
    "不超过1200万元",
    "≥2.5亿元",
    "≥200件",
    "≤1次",
    "≥12场",
    "≥1000户",
    "≥30人",
    "≥5000人次",
    "≥1.5万人次",
    "≥40课时",
    "≤3个工作日",
    "≤15天",
    "90%～100%",
    "80%-95%",
    "≥6期",
    "≥2000册",
)
# A string actual in another unit of the same dimension (60000元 against a 万元 target).
OTHER_UNIT: dict[str, tuple[str, Fraction | int]] = {
    "%": ("‰", 10),
    "元": ("万元", Fraction(1, 10_000)),
    "万元": ("元", 10_000),
    "亿元": ("万元", 10_000),
    "万人次": ("人次", 10_000),
    "人次": ("万人次", Fraction(1, 10_000)),
}


def _near_threshold(value: Fraction, rng: random.Random) -> Decimal:
    scaled = value * Fraction(rng.randint(80, 120), 100)
    return round(Decimal(scaled.numerator) / Decimal(scaled.denominator), rng.choice((0, 1, 2)))


def check_pairs(per_kind: int, seed: int) -> dict[str, list[tuple[Any, Any, Any]]]:
    """``kind → [(target, naive_target, actual)]`` for the kinds int, Decimal and str."""
    rng = random.Random(seed)
    targets = [parse_target(text) for text in SEED_TARGETS]
    pairs: dict[str, list[tuple[Any, Any, Any]]] = {"int": [], "Decimal": [], "str": []}
    for kind, bucket in pairs.items():
        for _ in range(per_kind):
            target = rng.choice(targets)
            if isinstance(target, Range):
                amount = target.low
                naive = (None, amount.unit.symbol, target.low.value, target.high.value)
            else:
                assert isinstance(target, Comparison)
                amount = target.amount
                naive = (
                    _OPERATORS[target.effective_operator()],
                    amount.unit.symbol,
                    amount.value,
                    None,
                )
            number = _near_threshold(amount.value, rng)
            if kind == "int":
                actual: Any = int(number)
            elif kind == "Decimal":
                actual = number
            else:
                symbol = amount.unit.symbol
                if symbol in OTHER_UNIT and rng.random() < 0.5:
                    symbol, factor = OTHER_UNIT[symbol]
                    number = _near_threshold(amount.value * factor, rng)
                actual = f"{number}{symbol}"
            bucket.append((target, naive, actual))
    return pairs


# ---------------------------------------------------------------------------------------------
# Timing


def clear_caches() -> None:
    """Every parse cache indicatorkit keeps (the LALR parser itself stays built)."""
    parsing.clear_caches()


def timed(
    run: Callable[[], object], count: int, repeat: int, before: Callable[[], object] | None = None
) -> tuple[float, float]:
    """(best, median) throughput in items per second over ``repeat`` runs of ``run``."""
    seconds: list[float] = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return count / min(seconds), count / statistics.median(seconds)


def parse_all(texts: list[str]) -> None:
    for text in texts:
        parse_target(text)


def naive_parse_all(texts: list[str]) -> None:
    for text in texts:
        naive_parse(text)


def check_all(pairs: list[tuple[Any, Any, Any]]) -> None:
    for target, _, actual in pairs:
        target.check(actual)


def naive_check_all(pairs: list[tuple[Any, Any, Any]]) -> None:
    for _, naive, actual in pairs:
        naive_check(naive, actual)


def rate(value: float) -> str:
    return f"{value:>12,.0f}/s"


def row(label: str, ours: tuple[float, float], base: tuple[float, float]) -> None:
    print(
        f"  {label:<26}{rate(ours[0])} (median {ours[1]:>11,.0f})"
        f"  baseline {rate(base[0])} (median {base[1]:>9,.0f})"
        f"  ratio {ours[0] / base[0]:>7.1f}×"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short smoke run (a few seconds)")
    parser.add_argument("-n", type=int, help="distinct target strings (default 30000; quick 2000)")
    parser.add_argument("--pairs", type=int, help="check pairs per actual kind (default 10000)")
    parser.add_argument("--repeat", type=int, help="runs per figure, best kept (default 5)")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)
    n = args.n or (2_000 if args.quick else 30_000)
    per_kind = args.pairs or (300 if args.quick else 10_000)
    repeat = args.repeat or (2 if args.quick else 5)

    print("indicatorkit target benchmarks" + (" (--quick: rough figures)" if args.quick else ""))
    print(
        f"  python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.platform()}; cpu count {os.cpu_count()}"
    )
    print(
        f"  indicatorkit {indicatorkit.__version__}, pint {pint.__version__}, "
        f"lark {lark.__version__}"
    )
    print(f"  timing: time.perf_counter, best of {repeat} runs (median shown); seed {args.seed}")
    cache_size = 65536  # the per-registry parse cache
    if cache_size is not None and n > cache_size:
        print(f"  warning: n={n} exceeds the parse cache ({cache_size}); 'cached' will miss")

    # ---- 1. cold parse ----
    texts, family = target_strings(n, args.seed)
    failed = []
    for text in texts:  # validate once (also builds the LALR parser and warms the interpreter)
        try:
            parse_target(text)
        except ValueError:
            failed.append(text)
    if failed:
        print(f"  dropped {len(failed)} generated strings indicatorkit rejects, e.g. {failed[:3]}")
        texts = [text for text in texts if text not in set(failed)]
    kinds = Counter(type(parse_target(text)).__name__ for text in texts)
    naive_kinds = Counter(naive_parse(text)[0] for text in texts)
    print(f"\n1. cold parse: {len(texts):,} distinct strings, parse caches cleared before each run")
    print("  indicatorkit reads them as " + ", ".join(f"{k} {v:,}" for k, v in kinds.most_common()))
    print(
        "  the naive parser reads them as "
        + ", ".join(f"{k} {v:,}" for k, v in naive_kinds.most_common())
    )
    cold = timed(lambda: parse_all(texts), len(texts), repeat, before=clear_caches)
    cold_base = timed(lambda: naive_parse_all(texts), len(texts), repeat)
    row("all strings", cold, cold_base)
    if not args.quick:
        print("  by family (indicatorkit cold parse, best of runs):")
        for name, _, _ in FAMILIES:
            members = [text for text in texts if family[text] == name]
            if members:
                best = timed(lambda m=members: parse_all(m), len(members), repeat, clear_caches)
                print(f"    {name:<20}{len(members):>7,} strings {rate(best[0])}")

    # ---- 2. cached parse ----
    clear_caches()
    parse_all(texts)
    print(
        f"\n2. cached parse: the same {len(texts):,} strings again (warm cache; "
        "the naive parser has no cache)"
    )
    cached = timed(lambda: parse_all(texts), len(texts), repeat)
    cached_base = timed(lambda: naive_parse_all(texts), len(texts), repeat)
    row("all strings", cached, cached_base)

    # ---- 3. check ----
    pairs = check_pairs(per_kind, args.seed)
    wrong = sum(
        target.check(actual).met != naive_check(naive, actual)
        for bucket in pairs.values()
        for target, naive, actual in bucket
    )
    total = sum(len(bucket) for bucket in pairs.values())
    print(
        f"\n3. check: {total:,} (target, actual) pairs over {len(SEED_TARGETS)} seed targets; "
        f"baseline disagrees on {wrong} pairs"
    )
    print("  str actuals: parse_actual cache cleared before each run unless marked warm")
    results: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {}
    numeric = pairs["int"] + pairs["Decimal"]
    groups = {
        "int": pairs["int"],
        "Decimal": pairs["Decimal"],
        "numeric (int + Decimal)": numeric,
        "str": pairs["str"],
        "overall (int+Decimal+str)": pairs["int"] + pairs["Decimal"] + pairs["str"],
    }
    for label, group in groups.items():
        ours = timed(lambda g=group: check_all(g), len(group), repeat, before=clear_caches)
        base = timed(lambda g=group: naive_check_all(g), len(group), repeat)
        results[label] = (ours, base)
        row(label, ours, base)
    extra = {
        "str (warm parse_actual)": pairs["str"],
        "numeric, Comparison only": [p for p in numeric if isinstance(p[0], Comparison)],
        "numeric, Range only": [p for p in numeric if isinstance(p[0], Range)],
    }
    print("  breakdown (information only):")
    for label, group in extra.items():
        ours = timed(lambda g=group: check_all(g), len(group), repeat)
        base = timed(lambda g=group: naive_check_all(g), len(group), repeat)
        row(label, ours, base)

    # ---- summary ----
    numeric_ours, numeric_base = results["numeric (int + Decimal)"]
    check_goal = GOAL_CHECK_RATIO * numeric_base[0]
    summary = (
        ("1. cold parse", cold, cold_base, f"≥ {GOAL_COLD:,.0f}/s", cold[0] >= GOAL_COLD),
        (
            "2. cached parse",
            cached,
            cached_base,
            f"≥ {GOAL_CACHED:,.0f}/s",
            cached[0] >= GOAL_CACHED,
        ),
        (
            "3. check (numeric)",
            numeric_ours,
            numeric_base,
            f"≥ {GOAL_CHECK_RATIO:.0f}× baseline",
            numeric_ours[0] >= check_goal,
        ),
    )
    print("\nsummary (best of runs)")
    print(f"  {'measurement':<20}{'indicatorkit':>15}{'baseline':>15}{'ratio':>9}  {'goal':<20}met")
    for name, ours, base, goal, met in summary:
        print(
            f"  {name:<20}{rate(ours[0])}{rate(base[0])}{ours[0] / base[0]:>8.1f}×"
            f"  {goal:<20}{'yes' if met else 'NO'}"
        )
    for label in ("int", "Decimal", "str", "overall (int+Decimal+str)"):
        ours, base = results[label]
        ratio = ours[0] / base[0]
        verdict = "meets" if ratio >= GOAL_CHECK_RATIO else "below"
        print(f"    check, {label:<25}{ratio:>8.1f}×  {verdict} {GOAL_CHECK_RATIO:.0f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
