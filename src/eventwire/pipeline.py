"""The pipeline: acquire -> extract -> nlp -> actors -> places -> times -> quotes -> coding.

Each stage is a pure function over records; this module only wires them together,
loads the shared resources once, and turns failures into coded article records.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import signal
import threading
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from . import errors
from .config import Options
from .records import Analysis, Article, ErrorInfo, Extracted, Published, RawDoc

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


class _Overtime(Exception):
    """Raised inside a stage when the article's time limit has passed."""


_PAGE = 4096


def _vm_bytes() -> Optional[int]:
    """This process's virtual memory size in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def _memory_cap(megabytes: float):
    """Let the block grow this process's address space by at most ``megabytes``.

    Sets the soft ``RLIMIT_AS`` to the current size plus the allowance, so that an
    allocation beyond it raises :class:`MemoryError` in the stage that makes it, and puts
    the previous limit back afterwards.  The limit is process-wide, so it is set from the
    main thread only (as the time limit is); Linux only (elsewhere, or with 0, no limit).
    """
    main = threading.current_thread() is threading.main_thread()
    current = _vm_bytes() if megabytes and megabytes > 0 and main else None
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        resource = None  # type: ignore[assignment]
    if current is None or resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = current + int(megabytes * 1024 * 1024)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextlib.contextmanager
def _limits(options: Options):
    """The per-article time and memory limits around one stage."""
    with _deadline(options.time_limit), _memory_cap(options.memory_limit):
        yield


@contextlib.contextmanager
def _deadline(seconds: float):
    """Interrupt the block after ``seconds`` (main thread on POSIX only; elsewhere no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _Overtime()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def article_id(raw: RawDoc, text: str) -> str:
    """Stable id: the input's own id, else a hash of its canonical URL, else of its text."""
    if raw.id:
        return str(raw.id)
    from .acquire import canonical_url

    basis = canonical_url(raw.url) if raw.url else text
    return "a" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


class Pipeline:
    """Loads models and knowledge once; processes articles one by one or as a stream."""

    def __init__(self, config: Options | dict | str | None = None):
        self.options = Options.resolve(config)
        self._nlp = None
        self._catalogue = None
        self._gazetteer = None
        self._lexicon = None

    # Resources are loaded on first use, so that a Pipeline is cheap to make.
    @property
    def nlp(self):
        if self._nlp is None:
            from . import nlp

            self._nlp = nlp.load(self.options.model)
        return self._nlp

    def _resources(self):
        if self._catalogue is None:
            from . import actors, coding, places

            self._catalogue = actors.load_catalogue(self.options.actor_files)
            self._gazetteer = places.load_gazetteer()
            self._lexicon = coding.load_lexicon(self.options.lexicon_files)
        return self._catalogue, self._gazetteer, self._lexicon

    def process(self, data: str | bytes | RawDoc, *, published: str | None = None,
                url: str | None = None, id: str | None = None, kind: str = "auto") -> Article:
        """Run the whole pipeline on one input (HTML, page text, or a RawDoc)."""
        raw = data if isinstance(data, RawDoc) else RawDoc(source="<input>", data=data, kind=kind)
        raw = _override(raw, published=published, url=url, id=id)
        return next(iter(self.process_many([raw])))

    def process_many(self, inputs: Iterable[RawDoc | str | bytes]) -> Iterator[Article]:
        """Stream Articles for a stream of inputs, parsing with ``nlp.pipe`` in batches."""
        batch: list[tuple[RawDoc, Extracted]] = []
        for item in inputs:
            raw = item if isinstance(item, RawDoc) else RawDoc(source="<input>", data=item)
            done = self._prepare(raw)
            if isinstance(done, Article):
                yield from self._flush(batch)
                batch = []
                yield done
                continue
            batch.append((raw, done))
            if len(batch) >= self.options.batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _prepare(self, raw: RawDoc) -> Article | Extracted:
        from .extract import extract

        if raw.error is not None:
            return _failed(raw, raw.error, status="error")
        try:
            with _limits(self.options):
                ext = extract(raw, self.options)
        except _Overtime:
            info = ErrorInfo("E301", errors.describe("E301", limit=self.options.time_limit, stage="extract"))
            return _failed(raw, info, "error")
        except MemoryError:
            info = ErrorInfo("E303", errors.describe("E303", limit=self.options.memory_limit, stage="extract"))
            return _failed(raw, info, "error")
        except errors.EventwireError as exc:
            return _failed(raw, ErrorInfo("E202", errors.describe("E202", detail=str(exc))), "error")
        except Exception as exc:  # noqa: BLE001 - a bad page must not stop the batch
            detail = f"{type(exc).__name__}: {exc}"
            return _failed(raw, ErrorInfo("E202", errors.describe("E202", detail=detail)), "error")
        if ext.status != "ok":
            return _record(raw, ext)
        return ext

    def _flush(self, batch: list[tuple[RawDoc, Extracted]]) -> Iterator[Article]:
        if not batch:
            return
        nlp = self.nlp
        try:
            with _memory_cap(self.options.memory_limit):
                docs = list(nlp.pipe([ext.text for _, ext in batch], batch_size=self.options.batch_size))
        except MemoryError:
            # One article of the batch is too big: parse them one by one, each under its own cap.
            docs = [self._parse_alone(ext.text) for _, ext in batch]
        for (raw, ext), doc in zip(batch, docs):
            if doc is None:
                info = ErrorInfo("E303", errors.describe("E303", limit=self.options.memory_limit, stage="nlp"))
                yield dataclasses.replace(_record(raw, ext), status="error", errors=ext.errors + (info,))
            else:
                yield self._analyse(raw, ext, doc)

    def _parse_alone(self, text: str) -> Optional["Doc"]:
        try:
            with _memory_cap(self.options.memory_limit):
                return self.nlp(text)
        except MemoryError:
            return None

    def _analyse(self, raw: RawDoc, ext: Extracted, doc: "Doc") -> Article:
        catalogue, gazetteer, lexicon = self._resources()
        try:
            with _limits(self.options):
                return self._stages(raw, ext, doc, catalogue, gazetteer, lexicon)
        except _Overtime:
            info = ErrorInfo("E301", errors.describe("E301", limit=self.options.time_limit, stage="analysis"))
            return dataclasses.replace(_record(raw, ext), status="error", errors=ext.errors + (info,))
        except MemoryError:
            info = ErrorInfo("E303", errors.describe("E303", limit=self.options.memory_limit, stage="analysis"))
            return dataclasses.replace(_record(raw, ext), status="error", errors=ext.errors + (info,))

    def _stages(self, raw: RawDoc, ext: Extracted, doc: "Doc", catalogue, gazetteer, lexicon) -> Article:
        from . import actors, coding, places, quotes, times

        stage = "actors"
        try:
            published = ext.published
            aid = article_id(raw, ext.text)
            found_actors = actors.find_actors(doc, catalogue, publisher=ext.publisher,
                                              published=published.value)
            stage = "places"
            found_places = places.find_places(doc, found_actors, gazetteer,
                                              publisher=_domain(ext.url or raw.url) or ext.publisher)
            found_actors = actors.ground_by_places(doc, found_actors, found_places, catalogue)
            stage = "times"
            found_times = times.find_times(doc, published.value)
            if published.value is None:
                # An inferred date is only a bound ("not older than"): relative expressions
                # ("on Friday") are not resolved against it, they stay unresolved.
                published = times.infer_published(found_times, ext.sections)
            analysis = Analysis(aid, ext.text, ext.sections, published.value, ext.publisher,
                                found_actors, found_places, found_times)
            stage = "quotes"
            found_quotes = quotes.find_quotes(doc, analysis)
            analysis = dataclasses.replace(analysis, quotes=found_quotes)
            stage = "coding"
            implied: list[tuple[str, str, str]] = []
            found_events = coding.code_events(doc, analysis, lexicon, implied)
            found_events, found_actors = coding.attribute_unnamed(
                found_events, found_actors, lexicon, functools.partial(actors.unnamed_actor, catalogue), doc,
                implied)
        except (_Overtime, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            detail = f"{type(exc).__name__}: {exc}"
            info = ErrorInfo("E300", errors.describe("E300", stage=stage, detail=detail))
            return dataclasses.replace(_record(raw, ext), status="error", errors=ext.errors + (info,))
        return dataclasses.replace(
            _record(raw, ext), id=aid, published=published, actors=found_actors,
            places=found_places, times=found_times, quotes=found_quotes, events=found_events,
        )


def _domain(url: Optional[str]) -> Optional[str]:
    """The host of ``url`` ("www.cbc.ca"), which tells the publisher's country better than its name."""
    if not url:
        return None
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or None


def _override(raw: RawDoc, **fields: Optional[str]) -> RawDoc:
    given = {k: v for k, v in fields.items() if v is not None}
    return dataclasses.replace(raw, **given) if given else raw


def _record(raw: RawDoc, ext: Extracted) -> Article:
    return Article(
        id=article_id(raw, ext.text), url=ext.url or raw.url, publisher=ext.publisher,
        title=ext.title, published=ext.published, language=ext.language, status=ext.status,
        errors=ext.errors, text=ext.text, sections=ext.sections, byline=ext.byline,
        source=raw.source,
    )


def _failed(raw: RawDoc, info: ErrorInfo, status: str) -> Article:
    basis = raw.data if isinstance(raw.data, str) else raw.data.decode("utf-8", "replace")
    return Article(
        id=article_id(raw, basis + raw.source), url=raw.url, publisher=raw.publisher,
        title=None, published=Published(raw.published, "given" if raw.published else "unknown"),
        language=None, status=status, errors=(info,), text="", source=raw.source,
    )


_default: Pipeline | None = None


def process(data: str | bytes, published: str | None = None, url: str | None = None,
            id: str | None = None) -> Article:
    """Process one article with a shared default :class:`Pipeline`."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.process(data, published=published, url=url, id=id)
