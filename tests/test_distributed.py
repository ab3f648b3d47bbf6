"""The Dask and Spark recipes of docs/guides/distributed.md, run as written: a table scored
partitioned — its targets compiled once into a book that travels to the workers — equals
``score_table`` on one machine, row by row.  Each runs where its extra is
installed (Dask; pyspark with a ``java`` on PATH) and is skipped with the reason otherwise."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
pandas = pytest.importorskip("pandas")

from indicatorkit.batch import score_table  # noqa: E402

GUIDE = Path(__file__).parent.parent / "docs" / "guides" / "distributed.md"
TARGETS = ["≥95%", "≥200件", "≤2%", "及时足额发放", "<5万元", "≥90%"]
ACTUALS = ["96%", "150件", "1.5%", "部分达成", "6万元", None, "达成"]


def _recipe(heading: str) -> dict[str, Any]:
    """The names the python block under ``heading`` defines, run as the guide shows it."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    names: dict[str, Any] = {"__name__": "guide_recipe"}  # not importable: pickled by value
    exec(compile(code.group(1), str(GUIDE), "exec"), names)  # the guide's own code
    return names


def _table(rows: int = 300) -> Any:
    return pandas.DataFrame(
        {
            "department": [f"部门{i % 7}" for i in range(rows)],
            "target": [TARGETS[i % len(TARGETS)] for i in range(rows)],
            "actual": [ACTUALS[(i * 5) % len(ACTUALS)] for i in range(rows)],
            "weight": [5 + i % 4 for i in range(rows)],
            "direction": [None if i % 3 else "正向" for i in range(rows)],
        }
    )


def _rows(frame: Any) -> list[dict[str, Any]]:
    """Rows as plain values (categorical and text columns alike), in row order."""
    plain = frame.reset_index(drop=True).astype(object)
    return [
        {key: (None if pandas.isna(value) else value) for key, value in row.items()}
        for row in plain.to_dict("records")
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("dask") is None, reason="Dask 未安装 / dask is not installed"
)
@pytest.mark.parametrize("rules", ["national", "hubei"])
def test_dask_map_partitions_equals_one_machine(rules: str) -> None:
    recipe = _recipe("Dask `map_partitions`")
    frame = _table()
    scored = recipe["score_with_dask"](frame, partitions=3, rules=rules)
    assert len(scored) == len(frame)
    assert _rows(scored) == _rows(score_table(frame, rules=rules))


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="dask.distributed 未安装 / distributed is not installed",
)
def test_dask_on_a_local_cluster_of_processes_equals_one_machine() -> None:
    """The recipe on two worker processes: the function, the rule set and the unit registry
    travel to the workers by value, and the rows come back as one machine scores them."""
    from distributed import Client, LocalCluster

    recipe = _recipe("Dask `map_partitions`")
    frame = _table(400)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        scored = recipe["score_with_dask"](frame, partitions=4, rules="hubei")
        # the guide's variant for a large book: scattered to the workers, not in the graph
        import dask.dataframe as dd

        from indicatorkit.batch import compile_target_book

        shipped = client.scatter(compile_target_book(frame), broadcast=True)
        meta = score_table(frame.iloc[:0], rules="hubei")
        scattered = (
            dd.from_pandas(frame, npartitions=4)
            .map_partitions(recipe["score_partition"], shipped, rules="hubei", meta=meta)
            .compute()
        )
    assert _rows(scored) == _rows(score_table(frame, rules="hubei"))
    assert _rows(scattered) == _rows(scored)


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="dask.distributed 未安装 / distributed is not installed",
)
def test_dask_compiling_on_the_workers_equals_one_machine(tmp_path: Path) -> None:
    """The recipe for files the driver never reads: each worker compiles the book of its own
    files' distinct targets and scores its files with it; the results come back in order."""
    from distributed import Client, LocalCluster

    pq = pytest.importorskip("pyarrow.parquet")
    recipe = _recipe("Dask：数据不经驱动端 (files the driver never reads)")
    table = pa.Table.from_pandas(_table(400), preserve_index=False)
    paths = []
    for part in range(5):
        paths.append(str(tmp_path / f"part{part}.parquet"))
        pq.write_table(table.slice(part * 80, 80), paths[-1])
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        scored = recipe["score_files_with_dask"](paths, client, rules="hubei")
    rows = [row for part in scored for row in part.to_pylist()]
    assert rows == score_table(table, rules="hubei").to_pylist()


def test_the_guides_cluster_settings_are_dasks_own_and_the_benchmarks() -> None:
    """The settings the guide gives for batch scoring are keys Dask knows (a misspelt key is
    ignored silently) and the ones the benchmark's figures were measured with."""
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    sys.path.insert(0, str(GUIDE.parent.parent.parent / "benchmarks"))
    try:
        import bench_batch
    finally:
        sys.path.pop(0)
    section = GUIDE.read_text(encoding="utf-8").split("### 批量评分的集群设置", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    given: list[dict[str, Any]] = []  # what the block hands to dask.config.set, not set here
    config = type("Config", (), {"set": staticmethod(given.append)})
    block = code.group(1).replace("import dask\n", "")
    exec(compile(block, str(GUIDE), "exec"), {"dask": type("Dask", (), {"config": config})})
    assert given == [bench_batch.CLUSTER]
    for key in given[0]:
        if ".pre-spawn-environ." not in key:  # environment variables: any name
            dask.config.get(key)  # raises KeyError for a key Dask does not have


@pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None, reason="pyspark 未安装 / pyspark is not installed"
)
@pytest.mark.skipif(shutil.which("java") is None, reason="没有 Java / no java on PATH")
def test_spark_map_in_arrow_equals_one_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # workers: this interpreter

    recipe = _recipe("Spark `mapInArrow`")
    table = pa.Table.from_pandas(_table(), preserve_index=False)
    spark = SparkSession.builder.master("local[2]").appName("indicatorkit").getOrCreate()
    try:
        scored = recipe["score_with_spark"](spark, table).toPandas()
    finally:
        spark.stop()
    single = score_table(table).to_pandas()
    key = list(single.columns)
    assert _rows(scored[key].sort_values(key[:5], kind="stable")) == _rows(
        single.sort_values(key[:5], kind="stable")
    )
