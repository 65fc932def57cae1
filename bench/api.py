"""API latency under load: 50 concurrent clients on loopback, from a second process.

Starts ``eventwire serve`` (its own process) over a store holding the bundled sample
corpus (or ``--db``, or an already running server with ``--url``), then runs N
concurrent clients in this process for a bounded time.  Each client loops over three
requests: the events list (``/api/events?limit=100``), one event (``/api/events/{id}``,
ids taken in turn) and ``/api/stats`` (a trivial read, the baseline measured in the same
run).  Reports p50/p99 per endpoint, their ratio to the baseline, throughput and the
error count (any non-2xx answer or failed request).

    .venv/bin/python bench/api.py [--seconds 60] [--clients 50] [--db URL | --url http://127.0.0.1:8000]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_sample_store(url: str) -> None:
    """Process the bundled sample corpus into the store at ``url``."""
    from eventwire.cli import sample_paths, sample_published
    from eventwire.pipeline import Pipeline
    from eventwire.store import connect

    pipeline = Pipeline()
    with connect(url) as store:
        for path in sample_paths():
            text = Path(path).read_text(encoding="utf-8")
            store.add(pipeline.process(text, published=sample_published(path), id=Path(path).stem))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TOKEN"}  # reads only
    return subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", db, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


async def wait_ready(base: str, proc: subprocess.Popen | None, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise SystemExit(f"server exited: {proc.stderr.read().strip()}")
            try:
                if (await client.get(base + "/api/stats")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit(f"server at {base} did not answer within {timeout:.0f} s")


class Connection:
    """One client: a keep-alive HTTP/1.1 connection (a minimal client, so that the load
    generator's own cost stays small next to the server's)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
                await self.writer.drain()
                head = await self.reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length, close = 0, False
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    name = name.strip().lower()
                    if name == b"content-length":
                        length = int(value)
                    elif name == b"connection" and value.strip().lower() == b"close":
                        close = True
                body = await self.reader.readexactly(length)
                if close:
                    await self.close()
                return status, body
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt == 2:
                    raise
        raise ConnectionError("unreachable")

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except (ConnectionError, OSError):
                pass
        self.reader = self.writer = None


async def load(base: str, clients: int, seconds: float) -> dict:
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    first = Connection(host, port)
    status, body = await first.get("/api/events?limit=5000&modality=all&review=all")
    await first.close()
    ids = [e["id"] for e in json.loads(body)["items"]] if status == 200 else []
    if not ids:
        raise SystemExit("the store holds no events; give --db with a filled store")
    times: dict[str, list[float]] = {"events_list": [], "event": [], "stats": []}
    errors: dict[str, int] = {k: 0 for k in times}
    stop = time.monotonic() + seconds

    async def worker(n: int) -> None:
        conn = Connection(host, port)
        i = n
        try:
            while time.monotonic() < stop:
                for name, path in (("events_list", "/api/events?limit=100"),
                                   ("event", f"/api/events/{ids[i % len(ids)]}"),
                                   ("stats", "/api/stats")):
                    t0 = time.perf_counter()
                    try:
                        status, _ = await conn.get(path)
                        ok = 200 <= status < 300
                    except (OSError, asyncio.IncompleteReadError, ValueError):
                        ok = False
                    elapsed = time.perf_counter() - t0
                    if ok:
                        times[name].append(elapsed)
                    else:
                        errors[name] += 1
                i += clients
        finally:
            await conn.close()

    started = time.monotonic()
    await asyncio.gather(*(worker(n) for n in range(clients)))
    wall = time.monotonic() - started
    return {"times": times, "errors": errors, "wall": wall, "events": len(ids)}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="load duration (default 60)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--db", help="store to serve (default: a temporary store of the sample corpus)")
    parser.add_argument("--url", help="bench a server already running at this URL instead")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.seconds <= 0 or args.seconds > 3600:
        parser.error("--seconds must be between 0 and 3600")

    proc = None
    tmp = None
    base = (args.url or "").rstrip("/")
    try:
        if not base:
            db = args.db
            if not db:
                tmp = tempfile.TemporaryDirectory(prefix="eventwire-bench-")
                db = f"duckdb:///{tmp.name}/bench.duckdb"
                sys.stderr.write("building the sample-corpus store...\n")
                build_sample_store(db)
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            proc = start_server(db, port)
        asyncio.run(wait_ready(base, proc))
        sys.stderr.write(f"{args.clients} clients for {args.seconds:.0f} s against {base}...\n")
        result = asyncio.run(load(base, args.clients, args.seconds))
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp is not None:
            tmp.cleanup()

    base_p50 = statistics.median(result["times"]["stats"]) if result["times"]["stats"] else float("nan")
    report = {"clients": args.clients, "seconds": round(result["wall"], 1), "events_in_store": result["events"],
              "errors": sum(result["errors"].values()), "endpoints": {}}
    for name, values in result["times"].items():
        report["endpoints"][name] = {
            "requests": len(values), "errors": result["errors"][name],
            "p50_ms": round(pct(values, 50) * 1000, 2), "p99_ms": round(pct(values, 99) * 1000, 2),
            "p50_vs_stats": round(pct(values, 50) / base_p50, 2) if base_p50 == base_p50 else None,
            "rps": round(len(values) / result["wall"], 1),
        }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{report['clients']} clients, {report['seconds']} s, {report['events_in_store']} events stored, "
              f"{report['errors']} errors")
        print(f"{'endpoint':<14}{'requests':>10}{'errors':>8}{'p50 ms':>10}{'p99 ms':>10}{'x stats':>9}{'req/s':>9}")
        for name, r in report["endpoints"].items():
            print(f"{name:<14}{r['requests']:>10}{r['errors']:>8}{r['p50_ms']:>10}{r['p99_ms']:>10}"
                  f"{r['p50_vs_stats']:>9}{r['rps']:>9}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
