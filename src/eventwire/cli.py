"""Command line: thin commands over the library.

Only the standard library is imported at start-up, so that ``eventwire --help``
answers without loading spaCy, DuckDB or Dask.  Every command writes results to
stdout and diagnostics to stderr; a user error is one ``Error: ...`` line and exit 1.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

DEFAULT_DB = "duckdb:///eventwire.duckdb"
EVENT_FORMATS = ("jsonl", "csv", "parquet", "geojson", "acled", "plover")


def _add_event_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", metavar="YYYY-MM-DD", help="events on or after this date")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="events on or before this date")
    p.add_argument("--country", metavar="ISO3", help="actor, recipient or location country")
    p.add_argument("--actor", help="actor id or (part of a) name")
    p.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    p.add_argument("--modality", default=None,
                   help="asserted (default), hypothetical, future, negated, historical, or all")
    p.add_argument("--text", help="words in the evidence sentence")
    p.add_argument("--limit", type=int, help="at most this many rows")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``eventwire`` command."""
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Turn news reports into a sourced, geolocated, time-resolved event database.",
    )
    parser.add_argument("--version", action="version", version="eventwire 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("process", help="run the pipeline on inputs and print article records",
                       description="Run the whole pipeline on each input and print one article "
                                   "record each. No store is needed.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="file (.html, .txt, .jsonl, .warc, .warc.gz), directory, - for stdin, or URL")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the input(s)")
    p.add_argument("--url", help="URL of the (single) input, for its id and metadata")
    p.add_argument("--format", choices=("json", "jsonl", "table"), default=None,
                   help="json (default on a terminal), jsonl (default otherwise), or table")
    p.add_argument("--config", metavar="TOML", help="options file (see docs/CONFIG.md)")
    p.set_defaults(func=cmd_process)

    p = sub.add_parser("ingest", help="process a corpus into a store (resumable, idempotent)",
                       description="Process inputs into a store. Articles already stored are "
                                   "skipped, so an interrupted ingest can simply be run again.")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, directories, - or URLs")
    p.add_argument("--sample", action="store_true", help="ingest the bundled sample articles")
    p.add_argument("--db", default=DEFAULT_DB, help=f"store URL (default {DEFAULT_DB})")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs without one")
    p.add_argument("--config", metavar="TOML", help="options file")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="local worker processes, each loading the model once; with --dask local, "
                        "the Dask workers started (default 1)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on a Dask distributed cluster, e.g. tcp://scheduler:8786, or 'local' to "
                        "start one here with --workers processes (needs eventwire[dask])")
    p.add_argument("--chunk-size", type=int, default=16, metavar="N",
                   help="articles per unit of work and per store transaction (default 16)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("events", help="query stored events",
                       description="Query stored events. By default only asserted events are shown; "
                                   "use --modality all to include hypothetical, future, negated "
                                   "and historical ones.")
    p.add_argument("--db", default=DEFAULT_DB, help=f"store URL (default {DEFAULT_DB})")
    _add_event_filters(p)
    p.add_argument("--format", choices=EVENT_FORMATS, default="jsonl")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--partition-by", choices=("year", "month", "day"),
                   help="with --format parquet: write a Parquet dataset into the folder --output, "
                        "one partition per event year, month or day")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("incidents", help="list incidents with their grade and sources")
    p.add_argument("--db", default=DEFAULT_DB, help=f"store URL (default {DEFAULT_DB})")
    _add_event_filters(p)
    p.add_argument("--grade", help="single_source, corroborated, contested or acknowledged")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.set_defaults(func=cmd_incidents)

    p = sub.add_parser("serve", help="REST API and web UI over a store",
                       description="Serve the REST API (OpenAPI at /openapi.json, docs at /docs) "
                                   "and the web UI at /. Write endpoints need the bearer token "
                                   "from $EVENTWIRE_TOKEN (or --token-file).")
    p.add_argument("--db", default=DEFAULT_DB, help=f"store URL (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token-file", metavar="FILE", help="file holding the bearer token for writes")
    p.add_argument("--allow-private-urls", action="store_true",
                   help="let POST /api/articles fetch URLs on loopback/private addresses")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="score the pipeline against a gold set",
                       description="Score the pipeline against a gold set and print the scores. "
                                   "Suites: " + ", ".join(_suites()) + ".")
    p.add_argument("suite", metavar="SUITE",
                   help="one of: " + ", ".join(_suites()) + "; or all (every suite with pinned baselines)")
    p.add_argument("path", nargs="?", help="gold data (default: the suite's bundled or shared set)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--baseline", action="store_true",
                   help="fail (exit 1) when a score is below the baseline pinned in the repo")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("schema", help="print the JSON Schema of the article record")
    p.set_defaults(func=cmd_schema)
    return parser


def check_date(value: str) -> str:
    """``value`` if it is a YYYY-MM-DD date, else a UsageError naming the fix."""
    import datetime

    from .errors import UsageError

    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2015-10-31") from None
    if len(value) != 10:
        raise UsageError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2015-10-31")
    return value


def _suites() -> tuple[str, ...]:
    from .evaluate import SUITES

    return tuple(SUITES)


# -- commands -------------------------------------------------------------------------


def cmd_process(args: argparse.Namespace) -> int:
    from .acquire import iter_inputs
    from .pipeline import Pipeline

    pipe = Pipeline(args.config)
    fmt = args.format or ("json" if sys.stdout.isatty() else "jsonl")
    raws = _with_overrides(iter_inputs(args.inputs, pipe.options), args.published, args.url)
    failures = 0
    for article in pipe.process_many(raws):
        failures += article.status == "error"
        _print_article(article, fmt)
    return 0


def _with_overrides(raws: Iterable[Any], published: str | None, url: str | None) -> Iterable[Any]:
    import dataclasses

    if published:
        check_date(published)
    for raw in raws:
        fields = {}
        if published and not raw.published:
            fields["published"] = published
        if url and not raw.url:
            fields["url"] = url
        yield dataclasses.replace(raw, **fields) if fields else raw


def _print_article(article: Any, fmt: str) -> None:
    record = article.to_dict()
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_table(record))


def _table(record: dict) -> str:
    names = {a["id"]: a["name"] for a in record["actors"]}
    lines = [f"{record['id']}  {record['status']}  {record.get('title') or ''}",
             f"  published {record['published']['value']} ({record['published']['basis']}), "
             f"{len(record['actors'])} actor mentions, {len(record['places'])} places, "
             f"{len(record['times'])} times, {len(record['quotes'])} quotes, "
             f"{len(record['events'])} events"]
    for err in record["errors"]:
        lines.append(f"  {err['code']}: {err['message']}")
    for ev in record["events"]:
        who = ", ".join(names.get(i, i) for i in ev["actors"]) or "?"
        whom = ", ".join(names.get(i, i) for i in ev["recipients"]) or "-"
        where = (ev["location"] or {}).get("name") or "-"
        lines.append(f"  {ev['type']:<9} {ev['modality']:<12} {who} -> {whom} @ {where} "
                     f"on {ev['date']['value']}  | {ev['evidence']['text'][:70]}")
    return "\n".join(lines) + "\n"


def sample_paths() -> list[str]:
    """The bundled sample articles (page-text files of ``eventwire/corpus``)."""
    corpus = Path(__file__).parent / "corpus"
    return sorted(str(p) for p in corpus.glob("*.txt"))


def sample_published(path: str) -> str | None:
    """Publication date a bundled sample article is run with (from its expected file)."""
    from .evaluate.expected import load_expected

    exp = Path(path).with_suffix(".expected.yaml")
    return load_expected(exp).get("published") if exp.is_file() else None


def cmd_ingest(args: argparse.Namespace) -> int:
    import dataclasses

    from .acquire import iter_inputs
    from .config import Options
    from .errors import UsageError
    from .scale import executor, ingest
    from .store import connect

    if not args.inputs and not args.sample:
        raise UsageError("nothing to ingest: give INPUT paths, or --sample for the bundled articles")
    if args.workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {args.workers}")
    if args.chunk_size < 1:
        raise UsageError(f"--chunk-size must be 1 or more, not {args.chunk_size}")
    if args.published:
        check_date(args.published)
    options = Options.resolve(args.config)
    started = time.perf_counter()
    store = connect(args.db)
    before = store.count()

    def inputs() -> Iterable[Any]:
        if args.sample:
            for path in sample_paths():
                for raw in iter_inputs([path], options):
                    yield dataclasses.replace(raw, published=raw.published or sample_published(path))
        if args.inputs:
            yield from _with_overrides(iter_inputs(args.inputs, options), args.published, None)

    progress = _progress(enabled=not args.quiet and sys.stderr.isatty())
    try:
        with executor(args.workers, args.dask, args.config) as run, progress as tick:
            report = ingest(store, inputs(), run, chunk_size=args.chunk_size, on_article=tick)
        totals = store.count()
    finally:
        store.close()
    counts = dict(report.counts)
    counts["incidents"] = totals.get("incidents", 0) - before.get("incidents", 0)
    _summary(counts, report.reasons, totals, time.perf_counter() - started, args.db)
    return 0


def _summary(counts: dict, reasons: dict, totals: dict, elapsed: float, db: str) -> None:
    out = sys.stdout
    out.write(f"ingested into {db} in {elapsed:.1f} s\n")
    out.write(f"  articles: {counts['ok']} ok, {counts['skipped']} skipped, {counts['error']} failed, "
              f"{counts['already stored']} already stored\n")
    for code, n in sorted(reasons.items()):
        from .errors import CODES

        out.write(f"    {code} x{n}: {CODES.get(code, '')}\n")
    out.write(f"  new events: {counts['events']}" + (f", new incidents: {counts['incidents']}"
                                                      if "incidents" in counts else "") + "\n")
    out.write("  store now holds: " + ", ".join(f"{v} {k}" for k, v in totals.items()) + "\n")


class _progress:
    """A progress line on a terminal (rich), nothing otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar = None

    def __enter__(self) -> Callable[[Any], None]:
        if not self.enabled:
            return lambda article: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                             TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                             transient=True)
        self._bar.__enter__()
        task = self._bar.add_task("ingesting")
        return lambda article: self._bar.update(task, advance=1,
                                                description=f"ingesting {article.source or ''}"[:60])

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    for value in (args.start, args.end):
        if value:
            check_date(value)
    return {k: getattr(args, k) for k in ("start", "end", "country", "actor", "type", "modality",
                                          "text", "limit") if getattr(args, k, None) is not None}


def cmd_events(args: argparse.Namespace) -> int:
    from .store import connect, write_events

    if getattr(args, "partition_by", None):
        return _events_partitioned(args)
    store = connect(args.db, read_only=True)
    from .store import review  # human reviews (accept/reject/edit) from the API, applied in SQL

    result = review.events(store, **_filters(args))
    binary = args.format == "parquet"
    if args.output:
        with open(args.output, "wb" if binary else "w", encoding=None if binary else "utf-8",
                  newline=None if binary else "") as fh:
            write_events(result, args.format, fh)
    elif binary and sys.stdout.isatty():
        from .errors import UsageError

        raise UsageError("parquet is binary: write it to a file with --output FILE")
    else:
        write_events(result, args.format, sys.stdout.buffer if binary else sys.stdout)
    store.close()
    return 0


def _events_partitioned(args: argparse.Namespace) -> int:
    from .errors import UsageError
    from .store import connect
    from .store import review
    from .store.export import write_events_partitioned

    if args.format != "parquet" or not args.output:
        raise UsageError("--partition-by writes a Parquet dataset: add --format parquet --output DIR")
    if Path(args.output).is_file():
        raise UsageError(f"--output {args.output} is a file; give a folder for a partitioned dataset")
    filters = _filters(args)
    with connect(args.db, read_only=True) as store:
        written = write_events_partitioned(review.events(store, **filters), args.output, args.partition_by)
    sys.stderr.write(f"wrote {sum(written.values())} events in {len(written)} partitions "
                     f"under {args.output}\n")
    return 0


def cmd_incidents(args: argparse.Namespace) -> int:
    from .store import connect, write_incidents

    store = connect(args.db, read_only=True)
    filters = _filters(args)
    if args.grade:
        filters["grade"] = args.grade
    write_incidents(store.incidents(**filters), args.format, sys.stdout)
    store.close()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .api import serve

    return serve(args)


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import pinned_suites, run_suite

    names = pinned_suites() if args.suite == "all" else [args.suite]
    failures: list[str] = []
    scores: dict[str, dict] = {}
    for name in names:
        report = run_suite(name, args.path)
        scores[name] = report.scores
        if not args.json:
            sys.stdout.write(report.text())
        failures += [f"{name} {line}" for line in report.below_baseline()]
    if args.json:
        sys.stdout.write(json.dumps(scores if args.suite == "all" else scores[args.suite], indent=2) + "\n")
    if args.baseline:
        for line in failures:
            sys.stderr.write(f"below baseline: {line}\n")
        return 1 if failures else 0
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .records import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``eventwire`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        sys.stderr.write("Error: interrupted; run the same command again to resume\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback
        from .errors import EventwireError

        if isinstance(exc, EventwireError):
            sys.stderr.write(f"Error: {exc}\n")
        else:
            sys.stderr.write(f"Error: internal error ({type(exc).__name__}: {exc}); "
                             "please report it with the input that caused it\n")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
