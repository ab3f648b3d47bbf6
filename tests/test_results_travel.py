"""Results travel and merging is linear: every score, report and rule set pickles and
deep-copies, a process pool returns scores, actuals are matched by index (not by scanning
every project for every row), and misuse of the API is the library's own typed error."""

from __future__ import annotations

import copy
import datetime
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import indicatorkit as ik
from indicatorkit.cli import main
from indicatorkit.formats.actuals_file import read_actuals
from indicatorkit.model.actuals import merge_actuals
from indicatorkit.scoring.rules import RULE_SETS

EXAMPLE = Path(__file__).parents[1] / "examples" / "yutian_justice_2025.ikspec"


@pytest.mark.parametrize("name", sorted(RULE_SETS))
def test_every_rule_set_pickles_and_deep_copies(name: str) -> None:
    rules = RULE_SETS[name]
    again = pickle.loads(pickle.dumps(rules))
    assert again == rules and type(again) is type(rules)
    assert copy.deepcopy(rules) == rules
    assert dict(again.bands) == dict(rules.bands)


def test_scores_and_reports_pickle_and_deep_copy() -> None:
    spec = ik.load(EXAMPLE)
    for result in (
        ik.score(spec),
        ik.score(spec, rules="hubei"),
        ik.monitor(spec, datetime.date(2025, 6, 30)),
    ):
        assert pickle.loads(pickle.dumps(result)) == result
        assert copy.deepcopy(result) == result


def _score_in_a_process(text: str) -> ik.SpecScore:
    return ik.score(ik.loads(text), rules="guangxi-overshoot")


def test_a_process_pool_returns_scores() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    with ProcessPoolExecutor(max_workers=1) as pool:
        returned = pool.submit(_score_in_a_process, text).result(timeout=120)
    assert returned == _score_in_a_process(text)
    assert returned.rules.name == "guangxi-overshoot"


def _spec_and_rows(projects: int, per: int) -> tuple[ik.Spec, str]:
    text = "".join(
        f"项目 {p} 项目{p}\n"
        + "".join(
            f"  指标 产出指标 / 数量指标 / 数{i}\n    指标值：≥{i + 1}件\n" for i in range(per)
        )
        for p in range(1, projects + 1)
    )
    rows = "项目,三级指标,实际值\n" + "".join(
        f"{p},数{i},{i + 2}件\n" for p in range(1, projects + 1) for i in range(per)
    )
    return ik.loads(text), rows


def test_merging_matches_by_code_name_and_number() -> None:
    spec = ik.loads(
        "项目 1 甲\n  编码：A01\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n"
        "项目 2 乙\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n"
        "  指标 效益指标 / 社会效益指标 / 数\n    指标值：≥1件\n"
    )
    rows = (
        "项目,一级指标,三级指标,实际值\nA01,,数,2件\n项目2,产出指标,数,3件\n乙,,数,4件\n²,,数,1件\n"
    )
    merged, findings = merge_actuals(spec, read_actuals(rows, file="实际值.csv"))
    assert [i.actual for p in merged.projects for i in p.indicators] == ["2件", "3件", None]
    assert [(f.code, f.line) for f in findings if f.code != "IK408"] == [
        ("IK405", 4),
        ("IK403", 5),
    ]


def test_merging_is_linear_in_the_rows() -> None:
    """Count the work, not the time: every row looks at its own project's indicators only."""
    spec, rows = _spec_and_rows(500, 4)
    actuals = read_actuals(rows, file="实际值.csv")
    merged, findings = merge_actuals(spec, actuals)
    assert findings == []
    assert all(i.actual is not None for i in merged.indicators())
    calls = 0
    original = ik.model.actuals._indicator_matches

    def counted(*args: object) -> bool:
        nonlocal calls
        calls += 1
        return original(*args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ik.model.actuals, "_indicator_matches", counted)
        merge_actuals(spec, actuals)
    assert calls == len(actuals.rows)  # not rows × indicators


def test_ik408_is_located_in_the_spec_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = tmp_path / "表.ikspec"
    spec_file.write_text(
        "项目 1 甲\n  指标 产出指标 / 数量指标 / 数\n    指标值：≥1件\n"
        "  指标 产出指标 / 数量指标 / 另\n    指标值：≥1件\n",
        encoding="utf-8",
    )
    actuals = tmp_path / "实际值.csv"
    actuals.write_text("项目,三级指标,实际值\n1,数,2件\n", encoding="utf-8")
    main(["score", str(spec_file), str(actuals)])
    err = capsys.readouterr().err
    assert f"{spec_file}:4:1: IK408" in err and "<text>" not in err


@pytest.mark.parametrize(
    "call",
    [
        lambda spec: ik.score(spec, "x.csv"),  # type: ignore[arg-type]
        lambda spec: ik.score("x.ikspec"),  # type: ignore[arg-type]
        lambda spec: ik.monitor(spec, "2025-06-30"),  # type: ignore[arg-type]
        lambda spec: ik.read(123),  # type: ignore[arg-type]
        lambda spec: ik.write(None, "x.ikspec"),  # type: ignore[arg-type]
        lambda spec: merge_actuals(spec, "x.csv"),  # type: ignore[arg-type]
    ],
)
def test_misuse_of_the_api_is_the_librarys_typed_error(call: object) -> None:
    spec = ik.load(EXAMPLE)
    with pytest.raises(ik.errors.ArgumentError) as caught:
        call(spec)  # type: ignore[operator]
    assert isinstance(caught.value, ik.IndicatorkitError) and isinstance(caught.value, TypeError)
    assert pickle.loads(pickle.dumps(caught.value)).args == caught.value.args
