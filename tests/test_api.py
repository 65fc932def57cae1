"""The REST API: resources, filters, paging, review and audit, tokens, and the one error shape."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from eventwire.api import create_app, load_token  # noqa: E402
from eventwire.errors import UsageError  # noqa: E402
from eventwire.records import (  # noqa: E402
    AcledLabel, ActorMention, Article, Event, EventDate, Place, Published, Quote, Section, Span,
    Speaker, TimeExpr,
)
from eventwire.store import connect  # noqa: E402

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

TEXT_1 = ("Iraqi forces recaptured Ramadi from Islamic State on 28 December 2015.\n"
          "Russian jets bombed Aleppo in September 2015, the ministry told Anadolu.\n"
          "Iraq may attack Mosul next year.")
TEXT_2 = "Protesters marched in Baghdad on 2015-09-05. Nothing else happened."


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def _place(text, word, gid, lat, lon, country) -> Place:
    return Place(_span(text, word), word, gid, lat, lon, country, None, "city", 1)


def _event(text, ident, sentence, type_, actors, location, date, modality="asserted", acled=None,
           attribution=()) -> Event:
    return Event(
        id=ident, type=type_, mode=None, contexts=(), acled=AcledLabel(*acled) if acled else None,
        cameo=None, actors=tuple(actors), recipients=(), location=location,
        date=EventDate(date[0], date[1], None, "sentence"), modality=modality,
        attribution=tuple(attribution), fatalities=None, injured=None, arrested=None,
        evidence=_span(text, sentence), confidence=0.8,
    )


def article_1() -> Article:
    t = TEXT_1
    ramadi = _place(t, "Ramadi", 91354, 33.4258, 43.2992, "IRQ")
    aleppo = _place(t, "Aleppo", 170063, 36.2021, 37.1343, "SYR")
    mosul = _place(t, "Mosul", 99072, 36.335, 43.1189, "IRQ")
    s1, s2, s3 = t.split("\n")
    quote = Quote("q1", "indirect", _span(t, "Russian jets bombed Aleppo in September 2015"), _span(t, "told"),
                  Speaker(_span(t, "the ministry"), None, None, True, "the ministry"), via="Anadolu")
    return Article(
        id="art-1", url="https://example.org/ramadi", publisher="Example News", title="Ramadi",
        published=Published("2015-12-29", "given"), language="en", status="ok", errors=(), text=t,
        sections=(Section("body", 0, len(t)),),
        actors=(ActorMention(_span(t, "Iraqi forces"), "IRQ-MIL", "Iraqi Armed Forces", "IRQ", "MIL", "state"),
                ActorMention(_span(t, "Russian jets"), "RUS-MIL", "Russian Air Force", "RUS", "MIL", "state")),
        places=(ramadi, aleppo, mosul),
        times=(TimeExpr(_span(t, "28 December 2015"), "2015-12-28", "day"),),
        quotes=(quote,),
        events=(
            _event(t, "e1", s1, "ASSAULT", ["IRQ-MIL"], ramadi, ("2015-12-28", "day"),
                   acled=("Battles", "Government regains territory")),
            _event(t, "e2", s2, "ASSAULT", ["RUS-MIL"], aleppo, ("2015-09", "month"),
                   acled=("Explosions/Remote violence", "Air/drone strike"), attribution=["q1"]),
            _event(t, "e3", s3, "ASSAULT", ["IRQ-MIL"], mosul, ("2016", "year"), modality="future"),
        ),
        source="test",
    )


def article_2() -> Article:
    t = TEXT_2
    baghdad = _place(t, "Baghdad", 98182, 33.3406, 44.4009, "IRQ")
    return Article(
        id="art-2", url=None, publisher="Other Wire", title=None,
        published=Published("2015-09-06", "metadata"), language="en", status="ok", errors=(), text=t,
        actors=(ActorMention(_span(t, "Protesters"), "IRQ-PRO", "Iraqi protesters", "IRQ", "OPP", "group"),),
        places=(baghdad,),
        events=(_event(t, "e4", t.split(". ")[0], "PROTEST", ["IRQ-PRO"], baghdad, ("2015-09-05", "day"),
                       acled=("Protests", "Peaceful protest")),),
    )


@pytest.fixture
def store_url(tmp_path):
    url = f"duckdb:///{tmp_path}/api.duckdb"
    with connect(url) as s:
        s.add_many([article_1(), article_2()])
    return url


@pytest.fixture
def client(store_url):
    app = create_app(store_url, TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


@pytest.fixture
def open_client(store_url):
    app = create_app(store_url, None)
    with TestClient(app) as c:
        yield c
    app.state.store.close()


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["items"]]


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


# -- reads ------------------------------------------------------------------------

def test_articles(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 2 and [a["id"] for a in body["items"]] == ["art-1", "art-2"]
    assert "text" not in body["items"][0]
    art = client.get("/api/articles/art-1").json()
    assert art["text"] == TEXT_1
    ev = {e["id"]: e for e in art["events"]}
    assert ev["e1"]["incident_id"] and ev["e1"]["grade"] == "single_source"
    assert ev["e1"]["review"] == {"status": "unreviewed"}
    assert art["text"][ev["e2"]["evidence"]["start"]:ev["e2"]["evidence"]["end"]] == ev["e2"]["evidence"]["text"]


@pytest.mark.parametrize("query, expected", [
    ("", ["e2", "e4", "e1"]),
    ("modality=all", ["e2", "e4", "e1", "e3"]),
    ("modality=future", ["e3"]),
    ("country=SYR", ["e2"]),
    ("country=irq,syr", ["e2", "e4", "e1"]),
    ("type=PROTEST", ["e4"]),
    ("type=assault,protest", ["e2", "e4", "e1"]),
    ("actor=Russian", ["e2"]),
    ("actor=IRQ-MIL&modality=all", ["e1", "e3"]),
    ("start=2015-10", ["e1"]),
    ("end=2015-09", ["e2", "e4"]),
    ("start=2015-09-05&end=2015-09-05", ["e4"]),
    ("text=bombed", ["e2"]),
    ("grade=single_source", ["e2", "e4", "e1"]),
    ("grade=corroborated", []),
    ("sort=-date", ["e1", "e4", "e2"]),
    ("limit=1&offset=1", ["e4"]),
])
def test_event_filters(client, query, expected):
    assert ids(client.get(f"/api/events?{query}")) == expected


def test_event_list_shape(client):
    body = client.get("/api/events?limit=2").json()
    assert body["total"] == 3 and body["limit"] == 2 and body["offset"] == 0
    e = body["items"][0]
    for key in ("id", "type", "evidence", "location", "date", "article_id", "publisher", "incident_id",
                "grade", "event_date", "actor_names", "review"):
        assert key in e
    assert e["location"]["lat"] == pytest.approx(36.2021)


def test_single_event_with_attribution_and_incident(client):
    e = client.get("/api/events/e2").json()
    assert e["article_id"] == "art-1" and e["acled"]["sub_event_type"] == "Air/drone strike"
    assert [q["id"] for q in e["attribution_quotes"]] == ["q1"]
    assert e["attribution_quotes"][0]["via"] == "Anadolu"
    assert e["incident"]["id"] == e["incident_id"] and e["incident"]["grade"] == "single_source"
    assert [r["id"] for r in e["incident"]["events"]] == ["e2"]
    assert e["actor_details"][0]["name"] == "Russian Air Force"


def test_incidents(client):
    body = client.get("/api/incidents?modality=all").json()
    assert body["total"] == 4
    incident_id = client.get("/api/events/e1").json()["incident_id"]
    one = client.get(f"/api/incidents/{incident_id}").json()
    assert one["grade"] == "single_source" and [e["id"] for e in one["events"]] == ["e1"]
    assert one["reasons"]
    assert client.get("/api/incidents?grade=contested").json()["total"] == 0


def test_actors_and_places(client):
    actors = client.get("/api/actors").json()
    assert {a["id"] for a in actors["items"]} == {"IRQ-MIL", "RUS-MIL", "IRQ-PRO"}
    assert client.get("/api/actors?q=russian").json()["items"][0]["id"] == "RUS-MIL"
    places = client.get("/api/places?country=irq").json()
    assert {p["name"] for p in places["items"]} == {"Ramadi", "Mosul", "Baghdad"}
    assert all(isinstance(p["lat"], float) for p in places["items"])


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
                 "/api/events/{event_id}/review", "/api/events/{event_id}/audit", "/api/incidents",
                 "/api/incidents/{incident_id}", "/api/actors", "/api/places"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    assert client.get("/docs").status_code == 200


def test_web_ui_is_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    script = client.get("/app.js").text
    assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write", script)


# -- errors: one shape -------------------------------------------------------------

@pytest.mark.parametrize("method, path, status, code", [
    ("get", "/api/nothing-here", 404, "not_found"),
    ("get", "/no/such/page.html", 404, "not_found"),
    ("get", "/api/articles/nope", 404, "not_found"),
    ("get", "/api/events/nope", 404, "not_found"),
    ("get", "/api/events/nope/audit", 404, "not_found"),
    ("get", "/api/incidents/nope", 404, "not_found"),
    ("get", "/api/events?limit=-1", 422, "invalid_request"),
    ("get", "/api/events?limit=many", 422, "invalid_request"),
    ("get", "/api/events?limit=100000", 422, "invalid_request"),
    ("get", "/api/events?start=last-week", 400, "bad_request"),
    ("get", "/api/events?modality=maybe", 400, "bad_request"),
    ("get", "/api/events?type=EXPLODE", 400, "bad_request"),
    ("get", "/api/events?sort=colour", 400, "bad_request"),
    ("get", "/api/events?review=perhaps", 400, "bad_request"),
    ("get", "/api/export/events?format=xls", 400, "bad_request"),
    ("delete", "/api/events", 405, "method_not_allowed"),
])
def test_error_shape(client, method, path, status, code):
    assert_error(getattr(client, method)(path), status, code)


def test_validation_error_shape_on_bodies(client):
    err = assert_error(client.post("/api/events/e1/review", json={"action": "approve"}, headers=AUTH),
                       422, "invalid_request")
    assert "action" in err["message"]
    assert_error(client.post("/api/events/e1/review", content=b"{not json", headers={
        **AUTH, "Content-Type": "application/json"}), 422, "invalid_request")
    assert_error(client.post("/api/events/e1/review", json={"action": "edit", "changes": {"type": "EXPLODE"}},
                             headers=AUTH), 400, "bad_request")
    assert_error(client.post("/api/events/e1/review", json={"action": "edit", "changes": {"evidence": "x"}},
                             headers=AUTH), 422, "invalid_request")


@pytest.mark.parametrize("changes, status, words", [
    ({"type": "EXPLODE"}, 400, "PLOVER"),
    ({"date": "2015-13-01"}, 400, "YYYY-MM-DD"),
    ({"date": "last week"}, 400, "YYYY-MM-DD"),
    ({"fatalities": -1}, 422, "fatalities"),
    ({"injured": "many"}, 422, "injured"),
    ({"modality": "rumoured"}, 400, "modality"),
    ({"mode": "picnic"}, 400, "mode"),
    ({"type": "PROTEST", "mode": "aerial"}, 400, "PROTEST"),
    ({"acled_event_type": "Battles", "acled_sub_event_type": "Peaceful protest"}, 400, "sub-type"),
    ({"acled_event_type": "Skirmishes"}, 400, "ACLED"),
    ({"actors": ["Nobody We Know"]}, 400, "actor"),
    ({"actors": [{"name": "Gunmen", "country": "Iraq"}]}, 400, "ISO3"),
    ({"location": {"name": "Nowhere"}}, 400, "lat"),
    ({"location": {"name": "Ramadi", "lat": 123, "lon": 0}}, 422, "lat"),
    ({"location": {"name": "X", "lat": 1, "lon": 2, "height": 3}}, 422, "height"),
    ({}, 400, "at least one"),
])
def test_invalid_edits_are_refused_with_the_error_shape(client, changes, status, words):
    err = assert_error(client.post("/api/events/e1/review", json={"action": "edit", "changes": changes},
                                   headers=AUTH), status)
    assert words.lower() in err["message"].lower(), err["message"]
    assert client.get("/api/events/e1").json()["review"] == {"status": "unreviewed"}
    assert client.get("/api/events/e1/audit").json()["items"] == []


def test_internal_errors_keep_the_shape(client, monkeypatch):
    from eventwire.api import queries

    def boom(*a, **k):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(queries, "actors", boom)
    err = assert_error(client.get("/api/actors"), 500, "internal_error")
    assert "secret detail" not in err["message"]


@pytest.mark.parametrize("value", [
    "IRQ' OR '1'='1", "IRQ'); DROP TABLE events; --", "%' OR 1=1 --", "\\'; SELECT * FROM articles; --",
    "' UNION SELECT record FROM articles --",
])
def test_sql_injection_looking_values_are_harmless(client, value):
    for name in ("country", "actor", "text", "grade"):
        response = client.get("/api/events", params={name: value})
        assert response.status_code == 200 and response.json()["items"] == []
    assert client.get("/api/actors", params={"q": value}).json()["items"] == []
    assert client.get("/api/places", params={"q": value, "country": value}).json()["items"] == []
    assert_error(client.get(f"/api/events/{value}"), 404, "not_found")
    assert client.get("/api/events?modality=all").json()["total"] == 4  # nothing was dropped


# -- tokens ------------------------------------------------------------------------

def test_writes_need_the_token(client):
    review = {"action": "accept"}
    err = assert_error(client.post("/api/events/e1/review", json=review), 401, "unauthorized")
    assert "Bearer" in err["message"]
    assert_error(client.post("/api/events/e1/review", json=review, headers={"Authorization": "Bearer wrong"}),
                 401, "invalid_token")
    assert_error(client.post("/api/events/e1/review", json=review, headers={"Authorization": TOKEN}),
                 401, "unauthorized")
    assert_error(client.post("/api/articles", json={"text": "x"}), 401, "unauthorized")
    assert client.post("/api/events/e1/review", json=review, headers=AUTH).status_code == 200


def test_without_a_configured_token_writes_are_refused(open_client):
    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer anything"}):
        err = assert_error(open_client.post("/api/events/e1/review", json={"action": "accept"}, headers=headers),
                           403, "writes_disabled")
        assert "EVENTWIRE_TOKEN" in err["message"] and "--token-file" in err["message"]
    assert open_client.get("/api/events").status_code == 200  # reads stay open
    assert open_client.get("/api/stats").json()["writes_enabled"] is False


def test_load_token(tmp_path):
    assert load_token(None, {}) is None
    assert load_token(None, {"EVENTWIRE_TOKEN": "  abc  "}) == "abc"
    path = tmp_path / "token"
    path.write_text("from-file\n")
    assert load_token(str(path), {"EVENTWIRE_TOKEN": "env"}) == "from-file"
    path.write_text("\n")
    with pytest.raises(UsageError, match="empty"):
        load_token(str(path), {})
    with pytest.raises(UsageError, match="token-file"):
        load_token(str(tmp_path / "missing"), {})


# -- review and audit ----------------------------------------------------------------

def test_reject_hides_and_audits(client):
    r = client.post("/api/events/e2/review", json={"action": "reject", "note": "duplicate", "reviewer": "ana"},
                    headers=AUTH)
    assert r.status_code == 200 and r.json()["review"]["status"] == "rejected"
    assert ids(client.get("/api/events")) == ["e4", "e1"]
    assert ids(client.get("/api/events?review=rejected")) == ["e2"]
    assert ids(client.get("/api/events?review=all")) == ["e2", "e4", "e1"]
    assert client.get("/api/events/e2").json()["review"]["reviewer"] == "ana"
    client.post("/api/events/e2/review", json={"action": "accept"}, headers=AUTH)
    assert ids(client.get("/api/events")) == ["e2", "e4", "e1"]
    audit = client.get("/api/events/e2/audit").json()["items"]
    assert [a["action"] for a in audit] == ["reject", "accept"]
    assert audit[0]["reviewer"] == "ana" and audit[0]["before"] is None
    assert audit[1]["before"]["status"] == "rejected" and audit[1]["after"]["status"] == "accepted"
    assert audit[0]["at"] and audit[0]["note"] == "duplicate"


def test_edit_keeps_the_machine_coding(client, store_url):
    r = client.post("/api/events/e1/review", headers=AUTH, json={
        "action": "edit", "changes": {"type": "coerce", "fatalities": 4, "date": "2015-12-27"}})
    body = r.json()
    assert body["type"] == "COERCE" and body["fatalities"] == 4 and body["date"]["value"] == "2015-12-27"
    assert body["review"]["status"] == "edited"
    assert body["review"]["original"] == {"type": "ASSAULT", "fatalities": None, "date": "2015-12-28"}
    assert ids(client.get("/api/events?type=COERCE")) == ["e1"]
    assert ids(client.get("/api/events?type=ASSAULT")) == ["e2"]
    assert ids(client.get("/api/events?review=edited")) == ["e1"]
    # a later edit merges; the article view shows reviewed values too
    client.post("/api/events/e1/review", headers=AUTH, json={"action": "edit", "changes": {"injured": 2}})
    art = {e["id"]: e for e in client.get("/api/articles/art-1").json()["events"]}
    assert art["e1"]["type"] == "COERCE" and art["e1"]["injured"] == 2
    audit = client.get("/api/events/e1/audit").json()["items"]
    assert audit[1]["before"]["changes"] == {"date": "2015-12-27", "fatalities": 4, "type": "COERCE"}
    assert audit[1]["after"]["changes"]["injured"] == 2
    # the machine's own rows are untouched
    client.app.state.store.close()
    with connect(store_url) as s:
        row = next(r for r in s.events(modality="all") if r["id"] == "e1")
        assert row["type"] == "ASSAULT" and row["fatalities"] is None


def test_exports_reflect_reviews(client):
    client.post("/api/events/e2/review", json={"action": "reject"}, headers=AUTH)
    client.post("/api/events/e1/review", json={"action": "edit", "changes": {"fatalities": 9}}, headers=AUTH)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events?format=csv").text)))
    assert [r["id"] for r in rows] == ["e4", "e1"]
    assert rows[1]["fatalities"] == "9" and rows[1]["review_status"] == "edited"
    acled = list(csv.DictReader(io.StringIO(client.get("/api/export/events?format=acled").text)))
    assert [r["fatalities"] for r in acled] == ["0", "9"] or acled[1]["fatalities"] == "9"
    geo = client.get("/api/export/events?format=geojson&review=all").json()
    assert len(geo["features"]) == 3
    lines = client.get("/api/export/events?format=jsonl").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["e4", "e1"]
    assert json.loads(lines[1])["review"]["status"] == "edited"


def test_review_unknown_event(client):
    assert_error(client.post("/api/events/nope/review", json={"action": "accept"}, headers=AUTH), 404, "not_found")


# -- POST /api/articles ------------------------------------------------------------

def test_post_article_url_guard(client):
    for url in ("http://127.0.0.1:9/x", "http://localhost/x", "http://10.0.0.1/", "file:///etc/passwd"):
        err = assert_error(client.post("/api/articles", json={"url": url}, headers=AUTH), 400, "url_refused")
        assert "refused" in err["message"]
    assert_error(client.post("/api/articles", json={}, headers=AUTH), 422, "invalid_request")
    assert_error(client.post("/api/articles", content=b"x", headers={**AUTH, "Content-Type": "image/png"}),
                 415, "unsupported_media_type")


@pytest.mark.model
def test_post_article_processes_and_stores(store_url, pipeline):
    app = create_app(store_url, TOKEN, pipeline=pipeline)
    text = "Protesters marched in Nairobi on 3 March 2024. Police fired tear gas at the protesters in Nairobi."
    with TestClient(app) as c:
        r = c.post("/api/articles?published=2024-03-04", content=text.encode(),
                   headers={**AUTH, "Content-Type": "text/plain"})
        assert r.status_code == 201, r.text
        record = r.json()
        assert record["stored"] is True and record["status"] == "ok" and record["text"]
        assert c.get(f"/api/articles/{record['id']}").status_code == 200
        again = c.post("/api/articles?published=2024-03-04", content=text.encode(),
                       headers={**AUTH, "Content-Type": "text/plain"})
        assert again.status_code == 200 and again.json()["stored"] is False
        html = "<html><head><title>Sit-in</title></head><body><p>" + text + "</p></body></html>"
        r = c.post("/api/articles", json={"html": html, "published": "2024-03-04", "id": "html-1"}, headers=AUTH)
        assert r.status_code == 201 and r.json()["id"] == "html-1"
        assert_error(c.post("/api/articles", json={"text": text, "published": "March"}, headers=AUTH),
                     400, "bad_request")
    app.state.store.close()


def test_cli_export_reflects_reviews(client, store_url, capsys):
    from eventwire.cli import main

    client.post("/api/events/e2/review", json={"action": "reject"}, headers=AUTH)
    client.post("/api/events/e1/review", json={"action": "edit", "changes": {"fatalities": 7}}, headers=AUTH)
    client.app.state.store.close()  # one DuckDB process at a time
    assert main(["events", "--db", store_url, "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["e4", "e1"]
    assert records[1]["fatalities"] == 7 and records[1]["review"]["status"] == "edited"
    assert main(["events", "--db", store_url, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["id"], r["fatalities"]) for r in rows] == [("e4", ""), ("e1", "7")]


@pytest.mark.model
def test_post_article_url_when_private_urls_are_allowed(store_url, pipeline):
    import http.server
    import threading

    page = (b"<html><head><title>March</title></head><body><article><p>Protesters marched in Nairobi "
            b"on 3 March 2024. Police fired tear gas at the protesters in Nairobi.</p></article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/march.html"
    try:
        app = create_app(store_url, TOKEN, pipeline=pipeline, allow_private_urls=True)
        with TestClient(app) as c:
            r = c.post("/api/articles", json={"url": url, "published": "2024-03-04"}, headers=AUTH)
            assert r.status_code == 201, r.text
            assert r.json()["url"] == url and "tear gas" in r.json()["text"]
        app.state.store.close()
    finally:
        server.shutdown()


def test_post_article_body_limit(client, monkeypatch):
    from eventwire.api import routes

    monkeypatch.setattr(routes, "MAX_BODY", 100)
    assert_error(client.post("/api/articles", content=b"x" * 101, headers={**AUTH, "Content-Type": "text/plain"}),
                 413, "too_large")


# -- incidents: each report's version of the facts ------------------------------------

MARKET = {
    "alpha": ("Alpha Wire", "Gunmen attacked a market in Kismayo on 2 March 2024, killing five people, police said.",
              ("Gunmen", "ew:gunmen", "Gunmen", "SOM", "UAF", "group"), 5),
    "beta": ("Beta News", "Al-Shabaab fighters attacked a market in Kismayo on 2 March 2024, killing nine traders.",
             ("Al-Shabaab fighters", "Q188924", "Al-Shabaab", "SOM", "REB", "armed_group"), 9),
}


def market_articles() -> list[Article]:
    """Two outlets' reports of one (fictional) attack, disagreeing on who did it and the toll."""
    out = []
    for key, (publisher, t, (words, ident, name, country, sector, kind), killed) in MARKET.items():
        kismayo = Place(_span(t, "Kismayo"), "Kismayo", 55671, -0.3582, 42.5454, "SOM", "Lower Juba", "city", 1)
        sentence = t
        ev = Event(id=f"{key}-e1", type="ASSAULT", mode="firearms", contexts=(),
                   acled=AcledLabel("Violence against civilians", "Attack"), cameo="180", actors=(ident,),
                   recipients=(), location=kismayo, date=EventDate("2024-03-02", "day", _span(t, "2 March 2024"),
                                                                  "sentence"),
                   modality="asserted", attribution=(), fatalities=killed, injured=None, arrested=None,
                   evidence=_span(t, sentence), confidence=0.8)
        out.append(Article(
            id=f"market-{key}", url=f"https://{key}.example/market", publisher=publisher,
            title=f"Market attack in Kismayo ({publisher})", published=Published("2024-03-03", "given"),
            language="en", status="ok", errors=(), text=t, sections=(Section("body", 0, len(t)),),
            actors=(ActorMention(_span(t, words), ident, name, country, sector, kind),), places=(kismayo,),
            events=(ev,), source="test"))
    return out


@pytest.fixture
def market_client(tmp_path):
    url = f"duckdb:///{tmp_path}/market.duckdb"
    with connect(url) as s:
        for art in market_articles():
            s.add(art)
    app = create_app(url, TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


def test_incident_shows_each_reports_version_and_where_they_disagree(market_client):
    c = market_client
    incident_id = c.get("/api/events/alpha-e1").json()["incident_id"]
    assert c.get("/api/events/beta-e1").json()["incident_id"] == incident_id  # one incident, two reports
    inc = c.get(f"/api/incidents/{incident_id}").json()
    reports = {r["outlet"]: r for r in inc["reports"]}
    assert set(reports) == {"Alpha Wire", "Beta News"}
    alpha = reports["Alpha Wire"]
    assert alpha["title"] == "Market attack in Kismayo (Alpha Wire)" and alpha["url"] == "https://alpha.example/market"
    assert alpha["article_id"] == "market-alpha" and alpha["event_id"] == "alpha-e1" and alpha["review"] == "unreviewed"
    v = alpha["version"]
    assert (v["type"], v["mode"], v["modality"], v["fatalities"]) == ("ASSAULT", "firearms", "asserted", 5)
    assert v["actors"] == [{"id": "ew:gunmen", "name": "Gunmen", "country": "SOM"}] and v["recipients"] == []
    assert v["location"]["name"] == "Kismayo" and v["date"] == {"value": "2024-03-02", "granularity": "day"}
    assert v["acled"] == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    assert v["evidence"]["text"] == MARKET["alpha"][1]
    assert reports["Beta News"]["version"]["actors"][0]["name"] == "Al-Shabaab"
    disagree = {d["field"]: d["values"] for d in inc["disagreements"]}
    assert set(disagree) == {"actors", "fatalities"}
    assert sorted((x["value"], x["reports"]) for x in disagree["fatalities"]) == [("5", ["alpha-e1"]),
                                                                                  ("9", ["beta-e1"])]
    assert sorted(alpha["differs"]) == ["actors", "fatalities"]
    # a reviewer settles the toll: the versions now agree on it
    r = c.post("/api/events/beta-e1/review", headers=AUTH, json={"action": "edit", "changes": {"fatalities": 5}})
    assert r.status_code == 200, r.text
    inc = c.get(f"/api/incidents/{incident_id}").json()
    assert [d["field"] for d in inc["disagreements"]] == ["actors"]
    # a rejected report is listed, but not compared
    c.post("/api/events/beta-e1/review", headers=AUTH, json={"action": "reject"})
    inc = c.get(f"/api/incidents/{incident_id}").json()
    assert len(inc["reports"]) == 2 and inc["disagreements"] == []
    assert {r["review"] for r in inc["reports"]} == {"unreviewed", "rejected"}


def _version_item(ident, **fields):
    item = {"id": ident, "article_id": f"a-{ident}", "publisher": ident.upper(), "type": "ASSAULT",
            "review": {"status": "unreviewed"}, "date": {"value": "2024-03-02", "granularity": "day"},
            "location": None, "actors": [], "recipients": []}
    item.update(fields)
    return item


def test_report_versions_agree_across_precision_and_silence():
    from eventwire.api.queries import report_versions

    city = {"name": "Kismayo", "lat": -0.36, "lon": 42.55, "country": "SOM", "admin1": "Lower Juba",
            "feature": "city"}
    country = {"name": "Somalia", "lat": 6.0, "lon": 48.0, "country": "SOM", "admin1": None, "feature": "country"}
    other = {"name": "Baidoa", "lat": 3.1, "lon": 43.6, "country": "SOM", "admin1": "Bay", "feature": "city"}
    items = [_version_item("a", location=city, fatalities=5),
             _version_item("b", location=country, date={"value": "2024-03", "granularity": "month"}),
             _version_item("c", location=other, date={"value": "2024-02-28", "granularity": "day"},
                           fatalities=5, type="COERCE")]
    reports, disagreements = report_versions(items)
    found = {d["field"]: d for d in disagreements}
    assert set(found) == {"type", "location", "date"}
    assert {r["event_id"]: sorted(r["differs"]) for r in reports} == {
        "a": ["date", "location", "type"], "b": ["date", "type"], "c": ["date", "location", "type"]}
    # the month agrees with the day inside it, the country with the city inside it
    assert report_versions(items[:2])[1] == []
