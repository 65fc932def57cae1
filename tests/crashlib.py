"""Crash-safety trials: kill -9 an `eventwire ingest` at random moments, resume it, compare.

Shared by ``tests/test_crash.py`` (a few trials, in CI) and ``bench/crash_trials.py``
(20 and more per backend, with a table of what each trial did).

One trial, on a fresh store:

1. start ``eventwire ingest CORPUS --db URL`` (1 or 2 workers) and ``kill -9`` it after a
   random delay drawn from the length of an uninterrupted reference ingest;
2. look at what the kill left (a copy of a DuckDB file, so the trial's own file is not
   touched): the store opens, and what is committed is whole chunks: the inputs recorded
   are a prefix of the input stream, the articles are exactly those the inputs name, and
   their rows are the reference's rows;
3. in some trials kill the resume too, and look again;
4. resume to the end, and compare the whole store with the reference, table by table,
   row by row (all columns but the ingest time), then check it on its own: no row twice,
   no key twice, no orphan rows, every event in the incident that lists it.

The corpus mixes what ``eventwire ingest`` reads: page-text and HTML files, two JSONL
files, inputs keyed by id, by URL and by content, syndicated copies (so that incidents
join across articles and chunks), repeats, and bad inputs of each kind.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
TRNEWS = ROOT.parent / "shared" / "data" / "geo" / "TR-News.xml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Columns that differ between two runs by design.
VOLATILE = {"ingested_at"}
# What identifies a row of each table (the primary key, where the table has one).
KEYS = {
    "articles": ("id",), "actors": ("article_id", "idx"), "places": ("article_id", "idx"),
    "times": ("article_id", "idx"), "quotes": ("article_id", "id"), "events": ("article_id", "id"),
    "incidents": ("id",), "inputs": ("key",), "copies": ("article_id",),
    "copy_bands": ("band", "article_id"), "schema_version": ("version",),
}
_MONTHS = ("January February March April May June July August September October "
           "November December").split()


# -- the corpus ------------------------------------------------------------------------


def _published(text: str) -> Optional[str]:
    """A YYYY-MM-DD date from TR-News' download time ("2016-12-19", "... January 3, 2015")."""
    m = re.search(r"\d{4}-\d{2}-\d{2}", text)
    if m:
        return m[0]
    m = re.search(r"(%s) (\d{1,2}), (\d{4})" % "|".join(_MONTHS), text)
    if m:
        return f"{m[3]}-{_MONTHS.index(m[1]) + 1:02d}-{int(m[2]):02d}"
    return None


def base_articles() -> list[dict]:
    """The texts the corpus is made of: the sample corpus, TR-News (read in place), fixtures."""
    from eventwire.cli import sample_paths, sample_published

    bases = [{"text": Path(p).read_text(encoding="utf-8"), "published": sample_published(p)}
             for p in sample_paths()]
    if TRNEWS.exists():
        for art in ET.parse(TRNEWS).getroot():
            text = (art.findtext("text") or "").strip()
            if text:
                bases.append({"text": text, "published": _published(art.findtext("dltime") or ""),
                              "url": (art.findtext("url") or "").strip() or None,
                              "title": (art.findtext("title") or "").strip() or None})
    bases += [{"text": p.read_text(encoding="utf-8"), "published": None}
              for p in sorted(FIXTURES.glob("*.txt"))]
    return bases


def _html(title: str, published: Optional[str], text: str) -> str:
    from html import escape

    paras = "\n".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    meta = f'<meta name="date" content="{published}">' if published else ""
    return (f"<!doctype html><html><head><title>{escape(title)}</title>{meta}</head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>\n{paras}</article>"
            f"<footer>Copyright the publisher. All rights reserved.</footer></body></html>")


def write_corpus(folder: Path, articles: int) -> Path:
    """A corpus of about ``articles`` inputs (plus repeats and bad inputs) under ``folder``.

    Deterministic: the same ``articles`` gives the same files.  Texts beyond the bases
    are variants (a closing line added), i.e. syndicated copies of an earlier article.
    """
    bases = base_articles()
    folder.mkdir(parents=True, exist_ok=True)
    pages, bad = folder / "a-pages", folder / "b-bad"
    pages.mkdir(exist_ok=True)
    bad.mkdir(exist_ok=True)

    def item(i: int) -> dict:
        base = dict(bases[i % len(bases)])
        if i >= len(bases):
            base["text"] += f"\n\nThis is version {i // len(bases)} of the report."
            base["url"] = base["url"] + f"?v={i // len(bases)}" if base.get("url") else None
        return base

    n_txt, n_html = max(2, articles // 8), max(1, articles // 20)
    order = list(range(articles))
    for i in order[:n_txt]:  # page text, keyed by content
        (pages / f"p{i:04d}.txt").write_text(item(i)["text"], encoding="utf-8")
    for i in order[n_txt:n_txt + n_html]:  # HTML pages, keyed by content
        it = item(i)
        (pages / f"p{i:04d}.html").write_text(_html(it.get("title") or f"Report {i}", it["published"],
                                                    it["text"]), encoding="utf-8")
    shutil.copy(FIXTURES / "mee-iraq-russia-2015.html", pages / "zz-mee.html")
    # Bad inputs: empty, binary, an HTML page without article text.
    (bad / "empty.txt").write_text("  \n", encoding="utf-8")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "nav-only.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                       encoding="utf-8")
    rest = order[n_txt + n_html:]
    half = len(rest) * 3 // 5
    for name, part in (("c-wire.jsonl", rest[:half]), ("d-late.jsonl", rest[half:])):
        lines = []
        for j, i in enumerate(part):
            it = item(i)
            line = {"text": it["text"]}
            if it["published"]:
                line["published"] = it["published"]
            if j % 5 == 1 and it.get("url"):
                line["url"] = it["url"]  # keyed by canonical URL
            elif j % 7 != 3:
                line["id"] = f"{name[0]}-{i:04d}"  # keyed by id; else by content
            lines.append(json.dumps(line, ensure_ascii=False))
            if j == 4:  # bad lines amid good ones
                lines += ["{not json", "[1, 2]", json.dumps({"id": f"{name[0]}-nothing"}),
                          json.dumps({"id": f"{name[0]}-blank", "text": "   "})]
            if j == 9 and lines:
                lines.append(lines[1])  # the same input twice
            if j == 12 and "url" in line:
                # The same URL with a tracking parameter: the same canonical URL, the same input.
                parts = urlsplit(line["url"])
                tracked = dict(line, url=urlunsplit(parts._replace(
                    query="&".join(q for q in (parts.query, "utm_source=feed") if q))))
                lines.append(json.dumps(tracked, ensure_ascii=False))
        if name == "d-late.jsonl" and n_txt:
            # A page's text again, with a date: another input, but the article id is the
            # text's hash, so the article is already stored and only the input is recorded.
            lines.append(json.dumps({"text": item(0)["text"], "published": "2015-10-31"}))
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def freeze_source(folder: Path) -> dict[str, str]:
    """Copy ``src/eventwire`` into ``folder``; the environment that runs ingests from the copy.

    Every ingest of a run then uses the same code and knowledge files, even while the
    working tree is being edited (a reference made from other code would differ).
    """
    dest = folder / "eventwire"
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT / "src" / "eventwire", dest,
                    ignore=shutil.ignore_patterns("__pycache__", "vendor"))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(folder), str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def input_keys(corpus: Path, env: Optional[dict[str, str]] = None) -> list[str]:
    """The distinct input keys of ``corpus``, in the order the ingest reads them.

    With ``env``, computed in a subprocess run with it (the frozen code's own keys).
    """
    if env is not None:
        code = ("import json, sys; from tests.crashlib import input_keys; "
                "print(json.dumps(input_keys(__import__('pathlib').Path(sys.argv[1]))))")
        out = subprocess.run([sys.executable, "-c", code, str(corpus)], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300, check=True)
        return json.loads(out.stdout)
    from eventwire.acquire import iter_inputs
    from eventwire.config import Options
    from eventwire.scale import input_key

    keys, seen = [], set()
    for raw in iter_inputs([str(corpus)], Options.resolve(None)):
        key = input_key(raw)
        if key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


# -- stores ----------------------------------------------------------------------------


def pg_schema_url(server_url: str, name: Optional[str] = None) -> str:
    """A new, empty schema on ``server_url``, as a store URL (``search_path`` in its options)."""
    import psycopg

    name = name or f"eventwire_crash_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{name}"')
    parts = urlsplit(server_url)
    query = "&".join(q for q in (parts.query, f"options=-csearch_path%3D{name}") if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def drop_pg_schema(server_url: str, store_url: str) -> None:
    import psycopg

    name = re.search(r"search_path%3D(\w+)", store_url)[1]
    with psycopg.connect(server_url, autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


Snapshot = dict  # table -> {"columns": [...], "rows": Counter of row tuples}


def _hashable(value):
    return tuple(_hashable(v) for v in value) if isinstance(value, (list, tuple)) else value


def snapshot(url: str) -> Snapshot:
    """Every row of every table of the store at ``url``, without the volatile columns.

    Opens the store read-only (a DuckDB WAL left by a kill is replayed in memory only).
    Raises StoreError when it cannot be opened.
    """
    from eventwire.store import connect

    with connect(url, read_only=True) as store:
        db = store._db
        tables = [t for (t,) in db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name")]
        snap: Snapshot = {}
        for table in tables:
            columns = [c for (c,) in db.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ? ORDER BY ordinal_position", [table]) if c not in VOLATILE]
            # Identifiers come from the database's own catalogue, not from users.
            rows = db.execute(f"SELECT {', '.join(columns)} FROM {table}")
            snap[table] = {"columns": columns, "rows": Counter(_hashable(r) for r in rows)}
    return snap


def _col(snap: Snapshot, table: str, name: str) -> int:
    return snap[table]["columns"].index(name)


def _values(snap: Snapshot, table: str, *names: str) -> list:
    if table not in snap:
        return []
    idx = [_col(snap, table, n) for n in names]
    return [tuple(r[i] for i in idx) if len(idx) > 1 else r[idx[0]]
            for r in snap[table]["rows"].elements()]


def compare(reference: Snapshot, got: Snapshot, *, only: Optional[set[str]] = None,
            keys: Optional[set[str]] = None, skip_columns: dict[str, set[str]] | None = None,
            tables: Optional[list[str]] = None) -> list[str]:
    """Differences between two snapshots, table by table (empty when equal).

    ``only``: compare only rows of these article ids (and ``keys``: inputs with these keys),
    for a store that holds part of the reference.  ``skip_columns``: table -> columns left out.
    """
    problems = []
    skip_columns = skip_columns or {}
    for table in tables or sorted(set(reference) | set(got)):
        if table not in reference or table not in got:
            problems.append(f"{table}: table only in {'the reference' if table in reference else 'the trial'}")
            continue
        cols = reference[table]["columns"]
        if cols != got[table]["columns"]:
            problems.append(f"{table}: columns differ")
            continue
        keep = [i for i, c in enumerate(cols) if c not in skip_columns.get(table, set())]

        def rows(snap: Snapshot) -> Counter:
            sel = None
            if only is not None:
                if table == "inputs":
                    sel = cols.index("key")
                    allowed = keys or set()
                elif "article_id" in cols:
                    sel, allowed = cols.index("article_id"), only
                elif table == "articles":
                    sel, allowed = cols.index("id"), only
                else:
                    return Counter()
            out: Counter = Counter()
            for row, n in snap[table]["rows"].items():
                if sel is None or row[sel] in allowed:
                    out[tuple(row[i] for i in keep)] += n
            return out

        want, have = rows(reference), rows(got)
        if want != have:
            missing, extra = sum((want - have).values()), sum((have - want).values())
            problems.append(f"{table}: {missing} reference rows missing, {extra} rows not in the reference")
    return problems


def check(snap: Snapshot) -> list[str]:
    """What is wrong with one store on its own: rows or keys twice, orphans, incidents astray."""
    problems = []
    for table, data in snap.items():
        twice = sum(n - 1 for n in data["rows"].values() if n > 1)
        if twice:
            problems.append(f"{table}: {twice} rows stored twice")
        if table in KEYS and all(k in data["columns"] for k in KEYS[table]):
            keys = Counter(_values(snap, table, *KEYS[table]))
            dup = sum(n - 1 for n in keys.values() if n > 1)
            if dup:
                problems.append(f"{table}: {dup} keys ({', '.join(KEYS[table])}) stored twice")
    if "articles" not in snap:
        return problems + ["no articles table"]
    articles = set(_values(snap, "articles", "id"))
    for table in ("inputs", "actors", "places", "times", "quotes", "events", "copies", "copy_bands"):
        orphans = {a for a in _values(snap, table, "article_id")} - articles
        if orphans:
            problems.append(f"{table}: rows of {len(orphans)} articles that are not stored")
    named = set(_values(snap, "inputs", "article_id"))
    if named != articles:
        problems.append(f"{len(articles - named)} stored articles without an input key")
    per_article = Counter(_values(snap, "events", "article_id"))
    wrong = [a for a, n in _values(snap, "articles", "id", "n_events") if per_article.get(a, 0) != n]
    if wrong:
        problems.append(f"{len(wrong)} articles whose n_events is not their number of stored events")
    if "incidents" in snap:
        listed = {}
        for inc, event_ids, article_ids in _values(snap, "incidents", "id", "event_ids", "article_ids"):
            listed[inc] = (Counter(event_ids or ()), set(article_ids or ()))
        held: dict[str, tuple[Counter, set]] = {}
        for inc, eid, aid in _values(snap, "events", "incident_id", "id", "article_id"):
            if inc is None:
                continue
            ev, arts = held.setdefault(inc, (Counter(), set()))
            ev[eid] += 1
            arts.add(aid)
        if set(held) - set(listed):
            problems.append(f"{len(set(held) - set(listed))} incidents named by events but not stored")
        astray = [i for i in set(held) & set(listed) if held[i] != listed[i]]
        if astray:
            problems.append(f"{len(astray)} incidents whose event or article lists differ from their events")
    return problems


# -- running ingests -------------------------------------------------------------------


def ingest_cmd(corpus: Path, url: str, *, workers: int = 1, chunk_size: int = 8) -> list[str]:
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", url, "--quiet",
           "--chunk-size", str(chunk_size)]
    return cmd + (["--workers", str(workers)] if workers > 1 else [])


def run_ingest(cmd: list[str], env: Optional[dict[str, str]] = None,
               timeout: float = 1800) -> tuple[float, str]:
    """Run an ingest to the end; (seconds, stdout).  Raises RuntimeError when it fails."""
    return _run(cmd, env, timeout)[::2]


def _run(cmd: list[str], env: Optional[dict[str, str]], timeout: float) -> tuple[float, float, str]:
    """(seconds, CPU seconds of the ingest and its workers, stdout)."""
    import resource

    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    if out.returncode != 0:
        raise RuntimeError(f"ingest exited {out.returncode}: {(out.stderr or out.stdout).strip()[-2000:]}")
    return seconds, cpu_used, out.stdout


def holds(stdout: str) -> str:
    """The "store now holds: ..." line of an ingest's summary."""
    m = re.search(r"store now holds: (.*)", stdout)
    return m[1].strip() if m else ""


def new_articles(stdout: str) -> Optional[int]:
    """Articles an ingest added (ok + skipped + failed), from its summary."""
    m = re.search(r"articles: (\d+) ok, (\d+) skipped, (\d+) failed", stdout)
    return sum(int(g) for g in m.groups()) if m else None


def _ticks(pid: int) -> int:
    """CPU time (user + system, in clock ticks) of ``pid`` and its live descendants (Linux /proc)."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
            with open(f"/proc/{p}/task/{p}/children", "rb") as fh:
                todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by ``pid`` and its workers."""
    return _ticks(pid) / os.sysconf("SC_CLK_TCK")


def kill_after(cmd: list[str], delay: float, *, group: bool = True, clock: str = "wall",
               env: Optional[dict[str, str]] = None) -> tuple[str, float, bool]:
    """Start ``cmd`` and kill -9 it after ``delay`` seconds.

    ``clock``: "wall" (seconds on the clock), or "cpu" (CPU seconds used by the ingest and
    its workers: the same point of the work whatever else loads the machine).

    ``group``: kill the ingest and its workers at once; else only the ingest (its workers
    are then left to notice, and killed if they have not gone within 10 s).
    Returns (landed, seconds it ran, whether orphaned workers went by themselves):
    ``landed`` is "killed", or "finished" when the ingest was done before the kill.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if clock == "cpu":
        while proc.poll() is None and cpu_seconds(proc.pid) < delay:
            time.sleep(0.02)
    else:
        deadline = started + delay
        while time.perf_counter() < deadline and proc.poll() is None:
            time.sleep(min(0.02, max(0.0, deadline - time.perf_counter())))
    if proc.poll() is not None:
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        if proc.returncode != 0:
            raise RuntimeError(f"ingest exited {proc.returncode} before the kill: {err.strip()[-2000:]}")
        return "finished", time.perf_counter() - started, True
    try:
        if group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=60)
    ran = time.perf_counter() - started
    proc.stderr.close()
    left_alone = True
    if not group:
        left_alone = _wait_group_gone(proc.pid, 10.0)
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of the group
    except ProcessLookupError:
        pass
    return "killed", ran, left_alone


def _wait_group_gone(pgid: int, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


# -- what a kill left ------------------------------------------------------------------


@dataclass
class Probe:
    """The store as a kill left it."""

    inputs: int = 0
    articles: int = 0
    wal: bool = False  # DuckDB: a write-ahead log was left to replay
    problems: list[str] = field(default_factory=list)


def probe(backend: str, url: str, reference: Snapshot, keys: list[str], scratch: Path) -> Probe:
    """Open what a kill left (a copy, for DuckDB) and check that it holds whole chunks."""
    from eventwire.errors import StoreError

    found = Probe()
    target = url
    if backend == "duckdb":
        if not os.path.exists(url):
            return found  # killed before the store was created
        found.wal = os.path.exists(url + ".wal") and os.path.getsize(url + ".wal") > 0
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        target = str(scratch / "probe.duckdb")
        shutil.copy(url, target)
        if os.path.exists(url + ".wal"):
            shutil.copy(url + ".wal", target + ".wal")
    try:
        snap = snapshot(target)
    except StoreError as exc:
        text = str(exc)
        if "not an eventwire store" in text or "never fully created" in text:
            return found  # killed before the schema was committed
        found.problems.append(f"the store left by the kill does not open: {text}")
        return found
    finally:
        if backend == "duckdb":
            shutil.rmtree(scratch, ignore_errors=True)
    committed = set(_values(snap, "inputs", "key"))
    stored = set(_values(snap, "articles", "id"))
    found.inputs, found.articles = len(committed), len(stored)
    if committed != set(keys[:len(committed)]):
        found.problems.append("the inputs recorded are not a prefix of the input stream (a part chunk)")
    found.problems += check(snap)
    # Incident grades and lists change as later articles arrive; everything else is final.
    found.problems += [f"at the kill, {p}" for p in compare(
        reference, snap, only=stored, keys=committed, skip_columns={"events": {"grade"}},
        tables=["articles", "actors", "places", "times", "quotes", "events", "inputs", "copies",
                "copy_bands"])]
    return found


# -- trials ----------------------------------------------------------------------------


@dataclass
class Setup:
    """What every trial of one backend shares."""

    backend: str
    corpus: Path
    keys: list[str]
    reference: Snapshot
    reference_holds: str
    reference_seconds: float
    new_store: Callable[[str], str]  # a name -> the URL of a new, empty store
    scratch: Path
    chunk_size: int = 8
    drop_store: Callable[[str], None] = lambda url: None
    env: Optional[dict[str, str]] = None  # the environment ingests run in (freeze_source)
    reference_url: str = ""
    reference_cpu: float = 0.0  # CPU seconds of the reference ingest


@dataclass
class Trial:
    backend: str
    index: int
    seed: int
    workers: int
    group: bool
    delay: float
    landed: str = ""
    ran: float = 0.0
    at_kill: Probe = field(default_factory=Probe)
    delay2: Optional[float] = None
    landed2: str = ""
    at_kill2: Optional[Probe] = None
    orphans_left: bool = True
    resume_seconds: float = 0.0
    resume_added: Optional[int] = None
    problems: list[str] = field(default_factory=list)
    total_inputs: int = 0
    clock: str = "wall"  # what the delays count: wall-clock or CPU seconds

    @property
    def phase(self) -> str:
        """Where the first kill landed in the ingest."""
        if self.landed == "finished":
            return "after finish"
        if self.at_kill.inputs == 0:
            return "before 1st commit"
        if self.at_kill.inputs >= self.total_inputs:
            return "after last commit"
        return "mid-ingest"


def reference_setup(backend: str, corpus: Path, new_store: Callable[[str], str], scratch: Path, *,
                    chunk_size: int = 8, drop_store: Callable[[str], None] = lambda url: None,
                    env: Optional[dict[str, str]] = None) -> Setup:
    """Ingest ``corpus`` once without interruption into a new store and keep its snapshot."""
    url = new_store("reference")
    seconds, cpu, out = _run(ingest_cmd(corpus, url, chunk_size=chunk_size), env, 1800)
    ref = snapshot(url)
    keys = input_keys(corpus, env)
    setup = Setup(backend, corpus, keys, ref, holds(out), seconds, new_store, scratch,
                  chunk_size, drop_store, env, url, cpu)
    problems = check(ref)
    if problems:
        raise AssertionError(f"the reference {backend} store is inconsistent: {problems}")
    if set(_values(ref, "inputs", "key")) != set(keys):
        raise AssertionError("the reference store does not record every input")
    return setup


def run_trial(setup: Setup, index: int, seed: int, *, delay: Optional[float] = None,
              clock: str = "wall") -> Trial:
    """One trial (see the module docstring); ``seed`` decides every random choice in it.

    Kills come after a delay drawn from [0, the reference's duration] on ``clock``: "wall"
    seconds, or "cpu" seconds (see :func:`kill_after`).  ``delay``: the first kill's delay
    instead of a drawn one.
    """
    rng = random.Random(seed)
    span = setup.reference_cpu if clock == "cpu" else setup.reference_seconds
    workers = 1 + index % 2
    group = workers == 1 or rng.random() < 0.5
    drawn = rng.uniform(0.0, span)
    trial = Trial(setup.backend, index, seed, workers, group, delay=drawn if delay is None else delay,
                  total_inputs=len(setup.keys), clock=clock)
    second = rng.random() < 0.3
    delay2 = rng.uniform(0.0, span)
    url = setup.new_store(f"trial{index}")
    cmd = ingest_cmd(setup.corpus, url, workers=workers, chunk_size=setup.chunk_size)
    try:
        trial.landed, trial.ran, trial.orphans_left = kill_after(cmd, trial.delay, group=group,
                                                                 clock=clock, env=setup.env)
        trial.at_kill = probe(setup.backend, url, setup.reference, setup.keys, setup.scratch)
        trial.problems += trial.at_kill.problems
        if second and trial.landed == "killed":
            trial.delay2 = delay2
            trial.landed2, _, _ = kill_after(cmd, delay2, clock=clock, env=setup.env)
            trial.at_kill2 = probe(setup.backend, url, setup.reference, setup.keys, setup.scratch)
            trial.problems += [f"2nd kill: {p}" for p in trial.at_kill2.problems]
        before = (trial.at_kill2 or trial.at_kill).articles
        trial.resume_seconds, out = run_ingest(cmd, setup.env)
        trial.resume_added = new_articles(out)
        expected_new = len(setup.reference["articles"]["rows"]) - before
        if trial.resume_added != expected_new:
            trial.problems.append(f"the resume reported {trial.resume_added} new articles, "
                                  f"not {expected_new}")
        if holds(out) != setup.reference_holds:
            trial.problems.append(f"counts after the resume: {holds(out)!r}, "
                                  f"reference: {setup.reference_holds!r}")
        final = snapshot(url)
        trial.problems += compare(setup.reference, final)
        trial.problems += check(final)
    except Exception as exc:  # a failed resume or a store that will not open is a finding
        trial.problems.append(f"{type(exc).__name__}: {exc}")
    finally:
        setup.drop_store(url)
    return trial


def duckdb_stores(folder: Path) -> tuple[Callable[[str], str], Callable[[str], None]]:
    """new_store / drop_store for DuckDB files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)

    def new(name: str) -> str:
        path = folder / f"{name}.duckdb"
        for p in (path, Path(str(path) + ".wal")):
            if p.exists():
                p.unlink()
        return str(path)

    def drop(url: str) -> None:
        for p in (Path(url), Path(url + ".wal")):
            if p.exists():
                p.unlink()

    return new, drop


def pg_stores(server_url: str) -> tuple[Callable[[str], str], Callable[[str], None]]:
    """new_store / drop_store for schemas on a PostgreSQL server."""
    def new(name: str) -> str:
        return pg_schema_url(server_url, f"eventwire_crash_{name}_{uuid.uuid4().hex[:8]}")

    def drop(url: str) -> None:
        drop_pg_schema(server_url, url)

    return new, drop
