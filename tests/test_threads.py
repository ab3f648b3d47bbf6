"""Every entry point gives, from 8 threads at once, what it gives from one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from indicatorkit import dumps, lint, loads, parse_actual, parse_target
from indicatorkit.language.reading import clear_caches

SEED = (Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec").read_text(
    encoding="utf-8"
)
TEXTS = ["≥95%", "不低于90%", "1.5万人次以上", "12月底前", "90%-100%", "及时足额发放", ",=100"]


def _work(round_number: int) -> tuple[object, ...]:
    spec = loads(SEED)
    targets = tuple(parse_target(text, lenient=True).target for text in TEXTS)
    checks = tuple(target.check("95%").met for target in targets[:1])
    return (spec, dumps(spec), len(lint(spec)), targets, checks, parse_actual("6万元"))


def test_eight_threads_agree_with_one() -> None:
    clear_caches()
    expected = _work(0)
    clear_caches()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(_work, range(48)))
    for result in results:
        assert result == expected
