"""Scale-out: input keys, and identical stores from one process, local workers and Dask."""
from __future__ import annotations

import dataclasses
import platform
import sys

import pytest

from eventwire.records import ErrorInfo, RawDoc
from eventwire.scale import (DaskExecutor, LocalExecutor, SerialExecutor, _tune_malloc, executor,
                             ingest, input_key)
from eventwire.store import connect


def snapshot(store) -> dict[str, list[tuple]]:
    """Everything an ingest decides, without the ingest time."""
    db = store._db
    return {
        "articles": db.execute("SELECT id, status, record FROM articles ORDER BY id"),
        "events": db.execute("SELECT id, article_id, incident_id, record FROM events ORDER BY article_id, id"),
        "inputs": db.execute("SELECT key, article_id, status FROM inputs ORDER BY key"),
        "incidents": db.execute("SELECT id, grade FROM incidents ORDER BY id"),
    }


def corpus() -> list[RawDoc]:
    """The sample articles in a few light variants, a repeat and an unreadable input."""
    from eventwire.cli import sample_paths, sample_published
    from pathlib import Path

    raws = []
    for variant in range(2):
        for path in sample_paths():
            text = Path(path).read_text(encoding="utf-8")
            raws.append(RawDoc(source=f"{path}#{variant}", data=text + f"\n\nUpdated {variant} times.",
                               kind="text", id=f"{Path(path).stem}-{variant}",
                               published=sample_published(path)))
    raws.append(raws[0])  # the same input twice is stored once
    raws.append(RawDoc(source="broken.html", data=b"", error=ErrorInfo("E101", "unreadable")))
    return raws


@pytest.mark.parametrize("raw, expected", [
    (RawDoc(source="a", data="x", id="A1", url="https://e.com/a"), "id:A1"),
    (RawDoc(source="a", data="x", url="https://WWW.e.com/a?utm_source=t"), "url:"),
    (RawDoc(source="a", data="some text"), "sha1:"),
])
def test_input_key_prefers_id_then_url_then_content(raw, expected):
    assert input_key(raw).startswith(expected)


def test_input_key_is_stable_and_content_sensitive():
    a = RawDoc(source="a.txt", data="Text one.")
    assert input_key(a) == input_key(dataclasses.replace(a, source="elsewhere.txt"))
    assert input_key(a) != input_key(dataclasses.replace(a, data="Text two."))
    assert input_key(a) != input_key(dataclasses.replace(a, published="2020-01-01"))
    bad1 = RawDoc(source="x.html", data=b"", error=ErrorInfo("E101", "m"))
    assert input_key(bad1) != input_key(dataclasses.replace(bad1, source="y.html"))


@pytest.fixture(scope="module")
def serial_snapshot():
    with connect("duckdb:///:memory:") as store:
        report = ingest(store, corpus(), SerialExecutor(), chunk_size=3)
        assert report.counts["ok"] == 8 and report.counts["error"] == 1
        assert report.counts["already stored"] == 1
        snap = snapshot(store)
        # Ingesting again adds nothing and runs no NLP: every input is known.
        again = ingest(store, corpus(), SerialExecutor(), chunk_size=3)
        assert again.counts["already stored"] == len(corpus())
        assert snapshot(store) == snap
    assert len(snap["events"]) > 50
    return snap


@pytest.mark.model
def test_local_workers_give_the_same_store(serial_snapshot):
    with connect("duckdb:///:memory:") as store, LocalExecutor(2) as run:
        ingest(store, corpus(), run, chunk_size=2)
        assert snapshot(store) == serial_snapshot
        assert len(run.peak_rss_mb()) == 2


@pytest.mark.model
def test_dask_local_cluster_gives_the_same_store(serial_snapshot):
    # The cluster eventwire starts itself (--dask local --workers 2), with its own config.
    with connect("duckdb:///:memory:") as store, executor(2, "local") as run:
        assert isinstance(run, DaskExecutor) and run.workers == 2
        ingest(store, corpus(), run, chunk_size=2)
        assert all(mb > 0 for mb in run.peak_rss_mb())
        assert snapshot(store) == serial_snapshot
        # The workers got the config that cuts Dask's background work.
        import dask

        profiling = run._client.run(dask.config.get, "distributed.worker.profile.enabled")
        assert list(profiling.values()) == [False, False]


@pytest.mark.model
def test_dask_by_address(serial_snapshot):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            connect("duckdb:///:memory:") as store:
        with DaskExecutor(cluster.scheduler_address) as run:
            ingest(store, corpus(), run, chunk_size=4)
        assert snapshot(store) == serial_snapshot


@pytest.mark.parametrize("workers, dask, kind, local_workers", [
    (1, None, SerialExecutor, None),
    (3, None, LocalExecutor, None),
    (2, "local", DaskExecutor, 2),
    (4, "tcp://10.0.0.5:8786", DaskExecutor, 4),  # sizes only a cluster eventwire starts
])
def test_executor_for_the_options(workers, dask, kind, local_workers):
    run = executor(workers, dask)  # nothing starts before __enter__
    assert type(run) is kind
    if kind is DaskExecutor:
        assert run.address == dask and run.local_workers == local_workers


@pytest.mark.parametrize("workers", [0, -1, None])
def test_executor_rejects_no_workers(workers):
    from eventwire.errors import UsageError

    with pytest.raises(UsageError, match="--workers must be 1 or more"):
        executor(workers, "local")


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc only")
@pytest.mark.parametrize("environ, changed", [
    ({}, False),                                              # glibc adapts its thresholds itself
    ({"MALLOC_TRIM_THRESHOLD_": "65536"}, True),              # as Dask's nanny sets for workers
    ({"MALLOC_TOP_PAD_": "0"}, True),
    ({"MALLOC_TRIM_THRESHOLD_": "65536", "MALLOC_MMAP_THRESHOLD_": "131072"}, False),  # the user's choice
])
def test_malloc_is_tuned_only_where_the_environment_fixed_it(environ, changed):
    assert _tune_malloc(environ) is changed


def test_unreachable_dask_scheduler_is_a_user_error():
    from eventwire.errors import UsageError

    with pytest.raises(UsageError, match="Dask scheduler"):
        with DaskExecutor("tcp://127.0.0.1:1", timeout=1):
            pass


@pytest.mark.model
def test_partitioned_parquet_export_by_month(tmp_path, capsys):
    import pyarrow.dataset as ds

    from eventwire.cli import main

    db = tmp_path / "s.duckdb"
    with connect(str(db)) as store:
        ingest(store, corpus()[:4], SerialExecutor())
        total = len(store.events(modality="all"))
    out = tmp_path / "parts"
    assert main(["events", "--db", str(db), "--modality", "all", "--format", "parquet",
                 "--output", str(out), "--partition-by", "month"]) == 0
    folders = sorted(p.name for p in out.iterdir())
    assert folders and all(f.startswith("event_month=") for f in folders)
    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    assert table.num_rows == total
    assert "2015-10" in set(table.column("event_month").to_pylist())
    assert main(["events", "--db", str(db), "--partition-by", "month"]) == 1
    assert "--format parquet --output DIR" in capsys.readouterr().err


@pytest.mark.model
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="getppid watch and kill -9 on Linux")
def test_local_workers_exit_when_the_parent_is_killed(tmp_path):
    """kill -9 of the ingest alone must not leave its workers holding the model in memory."""
    import os
    import signal
    import subprocess
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, time\n"
        "from eventwire.scale import LocalExecutor\n"
        "if __name__ == '__main__':\n"
        "    ex = LocalExecutor(2)\n"
        "    ex.start()\n"
        "    print(' '.join(str(p) for p in ex._pool._processes), flush=True)\n"
        "    time.sleep(120)\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        line = parent.stdout.readline()
        workers = [int(p) for p in line.split()]
        assert len(workers) == 2
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)

        def alive(pid: int) -> bool:
            try:
                with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
                    return fh.read().split()[2] != "Z"
            except FileNotFoundError:
                return False

        deadline = time.monotonic() + 15
        while any(alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(alive(p) for p in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
