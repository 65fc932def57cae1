"""The REST resources: articles, events (with review), incidents, actors, places."""
import io
import json
from typing import Any, Literal, Optional, Union

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from ..errors import UsageError
from ..store import review as _review
from . import queries
from .app import ApiError, check_token

router = APIRouter(prefix="/api")
_bearer = HTTPBearer(auto_error=False, description="the server's write token")
MAX_LIMIT = 5000
MAX_BODY = 20_000_000  # bytes: the pipeline's own input limit (Options.max_bytes)


def _store(request: Request):
    return request.app.state.store


def _cache(request: Request) -> "queries.ReadCache":
    return request.app.state.cache


def _json(content: Any, status: int = 200) -> Response:
    """A JSON answer, encoded directly (FastAPI's generic encoder is slow for big lists)."""
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return Response(body, status_code=status, media_type="application/json")


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def _write(request: Request, _creds=Depends(_bearer)) -> None:
    check_token(request)


def _page(items: list, total: int, limit: int, offset: int) -> Response:
    return _json({"items": items, "total": total, "limit": limit, "offset": offset})


Limit = Query(100, ge=0, le=MAX_LIMIT, description=f"rows per page (at most {MAX_LIMIT})")
Offset = Query(0, ge=0, le=2**63 - 1, description="rows to skip")


class EventFilters:
    """The event filters shared by events, incidents and export."""

    def __init__(
        self,
        start: Optional[str] = Query(None, description="first day: YYYY, YYYY-MM or YYYY-MM-DD"),
        end: Optional[str] = Query(None, description="last day (inclusive): YYYY, YYYY-MM or YYYY-MM-DD"),
        country: Optional[str] = Query(None, description="ISO3 of an actor, recipient or location; commas for several"),
        actor: Optional[str] = Query(None, description="actor id, or part of an actor's name"),
        type: Optional[str] = Query(None, description="PLOVER event type(s), comma-separated"),
        modality: Optional[str] = Query(None, description="asserted (default), hypothetical, future, negated, historical, or all"),
        grade: Optional[str] = Query(None, description="incident grade(s): single_source, corroborated, contested, acknowledged"),
        text: Optional[str] = Query(None, description="part of the evidence text"),
    ):
        self.values = {"start": start, "end": end, "country": country, "actor": actor, "type": type,
                       "modality": modality, "grade": grade, "text": text}


# -- articles ---------------------------------------------------------------------

@router.get("/articles", summary="List stored articles (without their text)")
def list_articles(request: Request, status: Optional[str] = Query(None, description="ok, skipped, error"),
                  limit: int = Limit, offset: int = Offset):
    items, total = queries.articles(_store(request), status=status, limit=limit, offset=offset)
    return _page(items, total, limit, offset)


@router.get("/articles/{article_id}", summary="One article record, its events with incident and review")
def get_article(request: Request, article_id: str):
    found = queries.article(_store(request), article_id, _cache(request))
    if found is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    return _json(found)


class ArticleIn(BaseModel):
    """An article to process: exactly one of ``text``, ``html`` or ``url``."""

    text: Optional[str] = Field(None, description="page text")
    html: Optional[str] = Field(None, description="the page's HTML")
    url: Optional[str] = Field(None, description="fetched when neither text nor html is given; "
                                                 "otherwise the article's own URL")
    id: Optional[str] = None
    published: Optional[str] = Field(None, description="YYYY-MM-DD")
    title: Optional[str] = None
    publisher: Optional[str] = None


_ARTICLE_BODY = {
    "requestBody": {"required": True, "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/html": {"schema": {"type": "string"}},
        "text/plain": {"schema": {"type": "string"}},
    }}
}


@router.post("/articles", status_code=201, dependencies=[Depends(_write)], openapi_extra=_ARTICLE_BODY,
             summary="Process an article (JSON, HTML or text body, or a URL) and store it")
async def post_article(request: Request, published: Optional[str] = None, url: Optional[str] = None,
                       id: Optional[str] = None):
    from starlette.concurrency import run_in_threadpool

    limit = MAX_BODY
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the body is larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, "too_large", f"the body is larger than {limit} bytes")
    body = bytes(body)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            data = ArticleIn.model_validate(json.loads(body or b"null"))
        except (ValueError, TypeError) as exc:
            raise ApiError(422, "invalid_request", f"body is not an article object: {str(exc).splitlines()[0]}")
    elif ctype in ("text/html", "application/xhtml+xml", "text/plain", ""):
        text = body.decode("utf-8", "replace")
        field = "text" if ctype == "text/plain" else "html"
        data = ArticleIn(**{field: text}, url=url, id=id, published=published)
    else:
        raise ApiError(415, "unsupported_media_type",
                       f"send application/json, text/html or text/plain, not {ctype}")
    if published is not None and data.published is None:
        data.published = published
    return await run_in_threadpool(_process_and_store, request.app, data)


def _process_and_store(app, data: ArticleIn):
    import dataclasses

    from ..acquire import fetch_url, make_doc, url_refusal
    from ..pipeline import Pipeline

    if data.published is not None:
        from ..cli import check_date

        check_date(data.published)
    with app.state.pipeline_lock:
        if app.state.pipeline is None:
            app.state.pipeline = Pipeline()
        pipeline = app.state.pipeline
    options = pipeline.options
    fields = {k: v for k, v in {"id": data.id, "title": data.title, "publisher": data.publisher,
                                "published": data.published}.items() if v is not None}
    if data.text is None and data.html is None:
        if not data.url:
            raise ApiError(422, "invalid_request", "give one of text, html or url")
        reason = url_refusal(data.url, allow_private=app.state.allow_private_urls)
        if reason:
            raise ApiError(400, "url_refused", f"URL refused: {reason}"
                           + ("" if app.state.allow_private_urls else
                              " (start the server with --allow-private-urls to fetch local addresses)"))
        raw = fetch_url(data.url, dataclasses.replace(options, allow_private_urls=app.state.allow_private_urls))
        if raw.error is not None:
            raise ApiError(502 if raw.error.code == "E109" else 400, "fetch_failed", raw.error.message)
        raw = _with(raw, fields)
    else:
        if data.text is not None and data.html is not None:
            raise ApiError(422, "invalid_request", "give text or html, not both")
        kind = "text" if data.text is not None else "html"
        raw = make_doc("api", data.text if kind == "text" else data.html, options, kind=kind,
                       url=data.url, **fields)
    with app.state.pipeline_lock:  # the pipeline's models are not shared between threads
        article = pipeline.process(raw)
    stored = app.state.store.add(article)
    app.state.cache.clear()
    record = article.to_dict()
    record["stored"] = stored
    return _json(record, status=201 if stored else 200)


def _with(raw, fields: dict):
    import dataclasses

    return dataclasses.replace(raw, **fields) if fields else raw


# -- events -----------------------------------------------------------------------

@router.get("/events", summary="Events with their evidence, incident and review, filtered and paged")
def list_events(request: Request, filters: EventFilters = Depends(),
                review: str = Query("visible", description="visible (not rejected), all, unreviewed, "
                                                          "accepted, rejected or edited"),
                sort: str = Query("date", description="date, -date, confidence, -confidence, type, article"),
                limit: int = Limit, offset: int = Offset):
    def make() -> Response:
        items, total = queries.events(_store(request), **filters.values, review=review, sort=sort,
                                      limit=limit, offset=offset, cache=_cache(request))
        return _page(items, total, limit, offset)

    key = ("events-page", tuple(filters.values.values()), review, sort, limit, offset)
    return _copy(_cache(request).get(key, make))


_EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                 "geojson": "application/geo+json", "acled": "text/csv; charset=utf-8",
                 "plover": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


@router.get("/export/events", summary="Reviewed events as CSV, JSONL, GeoJSON, ACLED CSV, PLOVER or Parquet")
def export_events(request: Request, format: str = Query("csv", description=", ".join(_EXPORT_TYPES)),
                  filters: EventFilters = Depends(), review: str = "visible", sort: str = "date"):
    from ..store import write_events

    if format not in _EXPORT_TYPES:
        raise UsageError(f"unknown format {format!r}; use one of {', '.join(_EXPORT_TYPES)}")
    result = queries.export_result(_store(request), **filters.values, review=review, sort=sort)
    if format == "parquet":
        buffer = io.BytesIO()
        write_events(result, format, buffer)
        content: Any = buffer.getvalue()
    else:
        stream = io.StringIO()
        write_events(result, format, stream)
        content = stream.getvalue()
    suffix = {"acled": "acled.csv", "plover": "plover.jsonl"}.get(format, format)
    return Response(content, media_type=_EXPORT_TYPES[format],
                    headers={"Content-Disposition": f'attachment; filename="events.{suffix}"'})


def _event_or_404(request: Request, event_id: str) -> dict:
    found = queries.event(_store(request), event_id, _cache(request))
    if found is None:
        raise ApiError(404, "not_found", f"no event with id {event_id!r}")
    return found


@router.get("/events/{event_id}", summary="One event with its article, attribution and incident")
def get_event(request: Request, event_id: str):
    return _copy(_cache(request).get(("event-page", event_id), lambda: _event_page(request, event_id)))


def _event_page(request: Request, event_id: str) -> Response:
    found = _event_or_404(request, event_id)
    store = _store(request)
    record = store.article(found["article_id"]) or {}
    quotes = {q["id"]: q for q in record.get("quotes", [])}
    found["attribution_quotes"] = [quotes[q] for q in found.get("attribution") or [] if q in quotes]
    actors = {a["id"]: a for a in record.get("actors", [])}
    found["actor_details"] = [actors[a] for a in found.get("actors") or [] if a in actors]
    found["recipient_details"] = [actors[a] for a in found.get("recipients") or [] if a in actors]
    incident = queries.incident(store, found["incident_id"], _cache(request)) if found.get("incident_id") else None
    if incident is not None:
        incident["events"] = [{k: e.get(k) for k in ("id", "article_id", "title", "publisher", "url",
                                                       "published", "type", "date", "evidence", "review")}
                              for e in incident["events"]]
        incident.pop("reports", None)  # the incident's own resource has the versions
    found["incident"] = incident
    return _json(found)


def _copy(response: Response) -> Response:
    """A fresh response with a cached one's body (a Response object is used once)."""
    return Response(response.body, status_code=response.status_code, media_type="application/json")


@router.get("/events/{event_id}/audit", summary="Every review change to one event: who, when, before, after")
def get_audit(request: Request, event_id: str):
    found = _event_or_404(request, event_id)
    return _json({"event_id": event_id, "article_id": found["article_id"],
                  "items": _review.audit(_store(request), found["article_id"], event_id)})


class ActorIn(BaseModel):
    """A new actor, or a known one by ``id`` with fields overridden."""

    model_config = ConfigDict(extra="forbid")
    id: Optional[str] = Field(None, max_length=200)
    name: Optional[str] = Field(None, max_length=300)
    country: Optional[str] = Field(None, description="ISO3")
    sector: Optional[str] = Field(None, max_length=50, description="PLOVER sector code (GOV, MIL, REB, ...)")


class LocationIn(BaseModel):
    """A place: name with coordinates (a name alone is looked up among the places eventwire has seen)."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(..., min_length=1, max_length=300)
    lat: Optional[float] = Field(None, ge=-90, le=90)
    lon: Optional[float] = Field(None, ge=-180, le=180)
    country: Optional[str] = Field(None, description="ISO3")
    admin1: Optional[str] = Field(None, max_length=300)
    geonameid: Optional[int] = Field(None, ge=0, le=_review.MAX_COUNT)
    feature: Optional[str] = Field(None, description=", ".join(_review.FEATURES))
    precision: Optional[int] = Field(None, ge=1, le=3, description="ACLED geo precision")


class ChangesIn(BaseModel):
    """Corrected values; a field left out keeps its value, ``null`` clears it (see /api/vocabulary)."""

    model_config = ConfigDict(extra="forbid")
    type: Optional[str] = Field(None, description="PLOVER event type")
    mode: Optional[str] = Field(None, description="PLOVER mode of the type")
    acled_event_type: Optional[str] = None
    acled_sub_event_type: Optional[str] = Field(None, description="a sub-type of acled_event_type")
    modality: Optional[str] = Field(None, description=", ".join(_review.MODALITIES))
    actors: Optional[list[Union[str, ActorIn]]] = Field(
        None, max_length=50, description="actor ids or names known to the store, or new actors")
    recipients: Optional[list[Union[str, ActorIn]]] = Field(None, max_length=50)
    location: Optional[Union[str, LocationIn]] = None
    date: Optional[str] = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    fatalities: Optional[int] = Field(None, ge=0, le=_review.MAX_COUNT)
    injured: Optional[int] = Field(None, ge=0, le=_review.MAX_COUNT)
    arrested: Optional[int] = Field(None, ge=0, le=_review.MAX_COUNT)


class ReviewIn(BaseModel):
    """A reviewer's decision on one event."""

    action: Literal["accept", "reject", "edit"]
    changes: Optional[ChangesIn] = Field(None, description="for edit (accept and reject may carry edits too)")
    note: Optional[str] = Field(None, max_length=2000)
    reviewer: Optional[str] = Field(None, max_length=200, description="who reviews (default: api)")


@router.get("/vocabulary", summary="What a review may set: PLOVER types and modes, modalities, ACLED types")
def get_vocabulary():
    return _json(_review.vocabulary())


@router.post("/events/{event_id}/review", dependencies=[Depends(_write)],
             summary="Accept, reject or edit an event; the machine's coding is kept, the change audited")
def post_review(request: Request, event_id: str, body: ReviewIn):
    found = _event_or_404(request, event_id)
    reviewer = (body.reviewer or request.headers.get("x-reviewer") or "api").strip() or "api"
    try:
        changes = body.changes.model_dump(exclude_unset=True) if body.changes is not None else None
        _review.review(_store(request), found["article_id"], event_id, body.action, reviewer=reviewer,
                       changes=changes, note=body.note)
    finally:
        _cache(request).clear()
    return _json(queries.event(_store(request), event_id, _cache(request)))


# -- incidents, actors, places, stats ---------------------------------------------

@router.get("/incidents", summary="Incidents with an event matching the filters")
def list_incidents(request: Request, filters: EventFilters = Depends(),
                   sort: str = Query("date", description="date or -date"),
                   limit: int = Limit, offset: int = Offset):
    values = dict(filters.values)
    grade = values.pop("grade")
    items, total = queries.incidents(_store(request), grade=grade, sort=sort, limit=limit, offset=offset,
                                     **values)
    return _page(items, total, limit, offset)


@router.get("/incidents/{incident_id}", summary="One incident: grade, reasons, sources, every report and "
                                              "each report's version of the facts")
def get_incident(request: Request, incident_id: str):
    """The incident with ``events`` (its reports, reviewed), ``reports`` (per report: ``event_id``,
    ``article_id``, ``outlet``, ``title``, ``url``, ``published``, ``review``, ``version`` of the
    facts: ``type``, ``mode``, ``acled``, ``actors``/``recipients`` as ``[{id, name, country}]``,
    ``location`` ``{name, lat, lon, country, admin1, feature}``, ``date`` ``{value, granularity}``,
    ``fatalities``, ``injured``, ``arrested``, ``modality``, ``evidence`` ``{text, start, end}``;
    and ``differs``, the fields where it disagrees with another report) and ``disagreements``
    (``[{field, values: [{value, reports}]}]``)."""
    found = queries.incident(_store(request), incident_id, _cache(request))
    if found is None:
        raise ApiError(404, "not_found", f"no incident with id {incident_id!r}")
    return _json(found)


@router.get("/actors", summary="Actors named in articles, most mentioned first")
def list_actors(request: Request, q: Optional[str] = Query(None, description="part of a name, or an id"),
                country: Optional[str] = None, limit: int = Limit, offset: int = Offset):
    items, total = queries.actors(_store(request), q=q, country=country, limit=limit, offset=offset)
    return _page(items, total, limit, offset)


@router.get("/places", summary="Places named in articles, most mentioned first")
def list_places(request: Request, q: Optional[str] = Query(None, description="part of a name"),
                country: Optional[str] = None, limit: int = Limit, offset: int = Offset):
    items, total = queries.places(_store(request), q=q, country=country, limit=limit, offset=offset)
    return _page(items, total, limit, offset)


@router.get("/stats", summary="How much is stored, and whether writes are enabled")
def stats(request: Request):
    counts = _cache(request).get(("stats",), _store(request).count)
    return _json({**counts, "writes_enabled": bool(request.app.state.token)})
