"""Scale-out: input keys, and identical stores from one process, local workers and Dask."""
from __future__ import annotations

import dataclasses

import pytest

from eventwire.records import ErrorInfo, RawDoc
from eventwire.scale import DaskExecutor, LocalExecutor, SerialExecutor, ingest, input_key
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
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client, connect("duckdb:///:memory:") as store:
        with DaskExecutor(client) as run:
            assert run.workers == 2
            ingest(store, corpus(), run, chunk_size=2)
            assert all(mb > 0 for mb in run.peak_rss_mb())
        assert snapshot(store) == serial_snapshot


@pytest.mark.model
def test_dask_by_address(serial_snapshot):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster, \
            connect("duckdb:///:memory:") as store:
        with DaskExecutor(cluster.scheduler_address) as run:
            ingest(store, corpus(), run, chunk_size=4)
        assert snapshot(store) == serial_snapshot


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
