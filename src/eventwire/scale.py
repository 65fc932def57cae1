"""Corpus scale: resumable ingest over one process, a local worker pool, or a Dask cluster.

The parent process reads inputs, skips those already done (by their input key, before
any NLP), cuts the rest into numbered chunks and hands them to an executor.  Every
executor runs the same :class:`~eventwire.pipeline.Pipeline` on a chunk and returns its
Articles; the parent writes chunks to the store strictly in input order, one transaction
a chunk (articles plus the keys of the inputs they came from).  So the store ends up the
same whichever executor ran the work, and an ingest killed at any point (``kill -9``
included) loses at most the chunks not yet committed: running it again redoes only those.

Executors:

- :class:`SerialExecutor`: in this process (``--workers 1``).
- :class:`LocalExecutor`: N processes started with ``spawn`` (safe with threads, macOS
  and Windows); each loads the model once, in its initializer.
- :class:`DaskExecutor`: a Dask distributed cluster (``--dask tcp://scheduler:8786``), or
  one it starts on this machine (``--dask local --workers N``); each worker process keeps
  one Pipeline in this module's cache.  Results are fetched as soon as a chunk finishes
  (while the parent writes earlier ones), with a bounded number of chunks in flight that
  follows the cluster's thread count, so workers joining later get work too.

dask/distributed are imported only by :class:`DaskExecutor`.
"""
from __future__ import annotations

import hashlib
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from .records import Article, RawDoc

DEFAULT_CHUNK = 16
# Chunks in flight per worker: enough to keep a worker busy while the parent writes.
_AHEAD = 3

# One Pipeline per process and config: built once in a worker, reused for every chunk.
_PIPELINES: dict[Any, Any] = {}

# glibc's mmap threshold for processes whose malloc thresholds were fixed (see _tune_malloc).
_MMAP_THRESHOLD = 16 * 1024 * 1024

# What eventwire changes in the Dask cluster it starts itself (``--dask local``); a remote
# cluster keeps its own configuration.  On a machine whose cores the workers fill, every
# background CPU-second of Dask's comes out of the pipeline's time.
LOCAL_CLUSTER_CONFIG = {
    # The statistical profiler samples the task thread's (deep spaCy) stack every 10 ms.
    "distributed.worker.profile.enabled": False,
    # Event-loop health checks, 50 a second in the scheduler, every nanny and every worker.
    "distributed.admin.tick.interval": "1s",
    # CPU/memory samples for the dashboard, which eventwire does not start.
    "distributed.admin.system-monitor.interval": "2s",
    # Memory checks of nannies and workers (psutil), 10 a second each by default.
    "distributed.worker.memory.monitor-interval": "1s",
}


def input_key(raw: RawDoc) -> str:
    """What identifies an input across runs: its id, else its canonical URL, else a content hash."""
    if raw.error is None and raw.id:
        return "id:" + str(raw.id)
    if raw.error is None and raw.url:
        from .acquire import canonical_url

        return "url:" + canonical_url(raw.url)
    data = raw.data.encode("utf-8") if isinstance(raw.data, str) else bytes(raw.data)
    digest = hashlib.sha1(data)
    if raw.error is not None:  # an unreadable input: its source names it, not its (empty) data
        digest.update(b"\0" + raw.source.encode("utf-8", "replace"))
    # Published date and kind change the result, so they are part of the key.
    digest.update(f"\0{raw.kind}\0{raw.published or ''}".encode())
    return "sha1:" + digest.hexdigest()


def pipeline_for(config: Any = None):
    """This process's Pipeline for ``config`` (a path, dict or None), loaded once."""
    from .pipeline import Pipeline

    key = repr(config)
    pipe = _PIPELINES.get(key)
    if pipe is None:
        _tune_malloc()
        pipe = _PIPELINES[key] = Pipeline(config)
    return pipe


def _tune_malloc(environ: Optional[dict] = None) -> bool:
    """Let glibc keep mid-sized buffers on its heap when the environment fixed its thresholds.

    glibc raises its mmap threshold as a program frees large blocks (up to 32 MB), unless a
    threshold is set explicitly.  Dask's nanny sets ``MALLOC_TRIM_THRESHOLD_`` in every
    worker (to hand memory back to the OS), which also freezes the mmap threshold at
    128 KB: then each of the many numpy buffers spaCy allocates and frees per document is
    mapped and unmapped afresh.  Measured: 18 times the page faults and 10-15% more CPU
    an article.  Raising only the mmap threshold keeps the trim threshold (memory is
    still returned), and ends the churn.  Returns whether the threshold was changed; an
    explicit ``MALLOC_MMAP_THRESHOLD_`` is left alone, as is any libc but glibc.
    """
    import os
    import sys

    env = os.environ if environ is None else environ
    fixed = "MALLOC_TRIM_THRESHOLD_" in env or "MALLOC_TOP_PAD_" in env
    if not sys.platform.startswith("linux") or not fixed or "MALLOC_MMAP_THRESHOLD_" in env:
        return False
    import ctypes
    import platform

    if platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    m_mmap_threshold = -3  # from malloc.h
    return bool(mallopt(m_mmap_threshold, _MMAP_THRESHOLD))


def warm(config: Any = None) -> int:
    """Load the model and knowledge of this process's Pipeline now; returns the process id."""
    import os

    pipe = pipeline_for(config)
    list(pipe.process_many([RawDoc(source="<warm-up>", data="Warm-up text. Nothing happens.",
                                   kind="text")]))
    return os.getpid()


def _worker_start(config: Any, parent: int) -> int:
    """A local worker's initializer: exit when the ingest that started it is gone, then warm up.

    Pool workers otherwise wait for ever on their task queue once the parent is killed with
    SIGKILL (each holds the queue's write end itself), every one keeping the model in memory.
    """
    import os
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="eventwire-parent-watch", daemon=True).start()
    return warm(config)


def process_chunk(raws: Sequence[RawDoc], config: Any = None) -> list[Article]:
    """Run the pipeline over one chunk (in whatever process this is called)."""
    return list(pipeline_for(config).process_many(raws))


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux and macOS)."""
    import resource
    import sys

    # Linux carries ru_maxrss over from the parent through fork and exec, so a worker
    # started by a big parent would report the parent's peak: VmHWM is this process's own.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# -- executors ------------------------------------------------------------------------


class SerialExecutor:
    """Chunks processed one after the other in this process."""

    workers = 1

    def __init__(self, config: Any = None):
        self.config = config

    def __enter__(self) -> "SerialExecutor":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def start(self) -> None:
        """Load the model now (otherwise on the first chunk)."""
        warm(self.config)

    def map(self, chunks: Iterable[list[RawDoc]]) -> Iterator[list[Article]]:
        """Articles of each chunk, in chunk order."""
        for chunk in chunks:
            yield process_chunk(chunk, self.config)

    def peak_rss_mb(self) -> list[float]:
        return [peak_rss_mb()]


class _FutureExecutor:
    """Shared ordering logic: submit ahead, yield results in submission order."""

    workers = 1

    def _submit(self, chunk: list[RawDoc]) -> Any:
        raise NotImplementedError

    def map(self, chunks: Iterable[list[RawDoc]]) -> Iterator[list[Article]]:
        """Articles of each chunk, in chunk order, with a bounded number in flight."""
        pending: deque = deque()
        limit = max(1, self.workers * _AHEAD)
        for chunk in chunks:
            pending.append(self._submit(chunk))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


class LocalExecutor(_FutureExecutor):
    """N local worker processes (``spawn``), each loading the model once."""

    def __init__(self, workers: int, config: Any = None, *, start_method: str = "spawn"):
        self.workers = int(workers)
        self.config = config
        self.start_method = start_method
        self._pool = None

    def __enter__(self) -> "LocalExecutor":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def start(self) -> None:
        """Start the processes and wait until every one has loaded the model."""
        import multiprocessing
        import os
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is not None:
            return
        ctx = multiprocessing.get_context(self.start_method)
        self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_worker_start,
                                         initargs=(self.config, os.getpid()))
        # A no-op per worker forces them all to start (and run the initializer) now.
        list(self._pool.map(_noop, range(self.workers)))

    def _submit(self, chunk: list[RawDoc]) -> Any:
        if self._pool is None:
            self.start()
        return self._pool.submit(process_chunk, chunk, self.config)

    def peak_rss_mb(self) -> list[float]:
        """Peak resident memory of each worker process, in MB."""
        if self._pool is None:
            return []
        found: dict[int, float] = {}
        # Ask until every worker answered once (tasks go to idle workers first).
        for _ in range(50):
            for pid, rss in self._pool.map(_pid_rss, [0.05] * self.workers):
                found[pid] = rss
            if len(found) >= self.workers:
                break
        return sorted(found.values())


class DaskExecutor:
    """A Dask distributed cluster: ``address`` of its scheduler, or a ``distributed.Client``.

    ``address="local"`` starts a cluster on this machine instead: ``workers`` processes
    (default: one a core) of one thread each, with Dask's background work cut down
    (:data:`LOCAL_CLUSTER_CONFIG`), closed again on exit.
    """

    def __init__(self, address: Any, config: Any = None, *, workers: Optional[int] = None,
                 timeout: float = 30):
        self.address = address
        self.timeout = timeout
        self.config = config
        self.local_workers = workers
        self._client = None
        self._cluster = None
        self._own = False
        self._checked = 0.0
        self.workers = 1  # worker threads in the cluster, checked again while mapping

    def __enter__(self) -> "DaskExecutor":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._own and self._client is not None:
            self._client.close()
            if self._cluster is not None:
                self._cluster.close()
        self._client = self._cluster = None

    def start(self) -> None:
        """Connect (or start the local cluster), and load the model on every worker now."""
        from .errors import UsageError

        if self._client is not None:
            return
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--dask needs dask and distributed: pip install 'eventwire[dask]'") from None
        if isinstance(self.address, Client):
            self._client = self.address
        elif self.address == "local":
            self._client = self._start_local()
            self._own = True
        else:
            try:
                self._client = Client(self.address, timeout=f"{self.timeout}s")
            except (OSError, TimeoutError) as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {self.address} ({exc}); "
                                 "start one (dask scheduler), or use --dask local") from None
            self._own = True
        # Workers that join later load the model with their first chunk.
        self._client.run(warm, self.config)
        self._count_workers()

    def _start_local(self) -> Any:
        import os

        import dask
        from distributed import Client, LocalCluster

        n = int(self.local_workers or os.cpu_count() or 1)
        with dask.config.set(LOCAL_CLUSTER_CONFIG):  # the nannies hand it on to their workers
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            # Its workers are reachable from here: fetch results from them directly rather
            # than through the scheduler (a remote cluster keeps Dask's default).
            return Client(self._cluster, direct_to_workers=True)

    def _count_workers(self) -> int:
        """Worker threads in the cluster now (at most every 10 s): a cluster may grow or shrink."""
        now = time.monotonic()
        if now - self._checked >= 10:
            self._checked = now
            info = self._client.scheduler_info(n_workers=0)
            self.workers = max(1, int(info.get("total_threads") or len(info.get("workers", ()))))
        return self.workers

    def map(self, chunks: Iterable[list[RawDoc]]) -> Iterator[list[Article]]:
        """Articles of each chunk, in chunk order.

        Chunks are submitted ahead (``_AHEAD`` a worker thread) and their results fetched
        as each finishes, in the background, so the caller's store writes overlap with
        both the work and the transfers.
        """
        from distributed import as_completed

        if self._client is None:
            self.start()
        client = self._client
        todo = iter(chunks)
        finished = as_completed(loop=client.loop, with_results=True)
        pending: dict[Any, tuple[int, Any]] = {}  # task key -> (chunk number, future)
        ready: dict[int, list[Article]] = {}
        sent = given = 0
        more = True
        try:
            while True:
                while more and sent - given < self._count_workers() * _AHEAD:
                    chunk = next(todo, None)
                    if chunk is None:
                        more = False
                        break
                    future = client.submit(process_chunk, chunk, self.config, pure=False)
                    pending[future.key] = (sent, future)
                    finished.add(future)
                    sent += 1
                if given == sent:
                    return
                while given not in ready:
                    future, articles = next(finished)  # raises a chunk's exception
                    ready[pending.pop(future.key)[0]] = articles
                yield ready.pop(given)
                given += 1
        finally:
            if pending:
                client.cancel([future for _, future in pending.values()])

    def peak_rss_mb(self) -> list[float]:
        """Peak resident memory of each Dask worker process, in MB."""
        if self._client is None:
            return []
        return sorted(self._client.run(peak_rss_mb).values())


def _noop(i: int) -> int:
    return i


def _pid_rss(pause: float) -> tuple[int, float]:
    import os

    time.sleep(pause)  # hold this worker, so that the next task goes to another one
    return os.getpid(), peak_rss_mb()


def executor(workers: int = 1, dask: Any = None, config: Any = None):
    """The executor for ``--workers N`` / ``--dask ADDRESS`` (``--dask local --workers N``)."""
    from .errors import UsageError

    if workers is None or int(workers) < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if dask:
        # --workers sizes only a cluster eventwire starts; a remote one has its own.
        return DaskExecutor(dask, config, workers=int(workers))
    if int(workers) == 1:
        return SerialExecutor(config)
    return LocalExecutor(int(workers), config)


# -- ingest ---------------------------------------------------------------------------


@dataclass
class IngestReport:
    """What one ingest did."""

    counts: dict[str, int] = field(default_factory=lambda: {
        "ok": 0, "skipped": 0, "error": 0, "already stored": 0, "events": 0})
    reasons: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def ingest(store: Any, raws: Iterable[RawDoc], run: Any = None, *, chunk_size: int = DEFAULT_CHUNK,
           on_article: Optional[Callable[[Article], None]] = None) -> IngestReport:
    """Process ``raws`` with the executor ``run`` into ``store``; resumable and idempotent.

    Inputs whose key is already in the store's ``inputs`` table, and repeats within the
    stream, are skipped before NLP.  Chunks are written in input order, one transaction
    each, so the result does not depend on the executor or on where a previous run stopped.
    """
    run = run or SerialExecutor()
    report = IngestReport()
    counts = report.counts
    started = time.perf_counter()
    seen: set[str] = set()

    keys: deque[list[str]] = deque()  # input keys of the chunks handed out, in order

    def fresh(batch: list[tuple[str, RawDoc]]) -> list[tuple[str, RawDoc]]:
        done = store.known_inputs([k for k, _ in batch])
        out = []
        for key, raw in batch:
            if key in done or key in seen:
                counts["already stored"] += 1
                continue
            seen.add(key)
            out.append((key, raw))
        return out

    def chunks() -> Iterator[list[RawDoc]]:
        batch: list[tuple[str, RawDoc]] = []
        for raw in raws:
            batch.append((input_key(raw), raw))
            if len(batch) < chunk_size:
                continue
            todo, batch = fresh(batch), []
            if todo:
                keys.append([k for k, _ in todo])
                yield [r for _, r in todo]
        todo = fresh(batch)
        if todo:
            keys.append([k for k, _ in todo])
            yield [r for _, r in todo]

    for articles in run.map(chunks()):
        chunk_keys = keys.popleft()
        # One transaction: the articles and the keys of the inputs they came from.
        added = store.add_processed(list(zip(chunk_keys, articles)))
        for article in articles:
            if on_article is not None:
                on_article(article)
            if article.id not in added:
                counts["already stored"] += 1
                continue
            added.discard(article.id)
            counts[article.status] += 1
            counts["events"] += len(article.events)
            for err in article.errors:
                report.reasons[err.code] = report.reasons.get(err.code, 0) + 1
    report.seconds = time.perf_counter() - started
    return report
