"""Hostile requests: SQL injection on every filter, and writes without the token.

SQL injection: every filter of the events, incidents, export, articles, actors and
places endpoints, every id in a path, and every filter of ``eventwire events`` and
``eventwire incidents`` gets classic payloads, on DuckDB and on PostgreSQL.  Each
answer is either an error in the one error shape (a one-line ``Error:`` for the CLI)
or exactly what a harmless literal that matches nothing gives; afterwards every table
holds what it held.  A third article has quotes, ``%`` and ``_`` in its text, so that
those characters are shown to be matched literally, not as SQL or LIKE syntax.

Tokens: every write endpoint, with every way of not giving the right token, and
whatever body comes with it, is refused with 401 (403 when no token is configured)
and changes nothing.
"""
from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from eventwire.api import create_app  # noqa: E402
from eventwire.records import ActorMention, Article, Published, Section  # noqa: E402
from eventwire.store import connect  # noqa: E402

from .test_api import AUTH, TOKEN, _event, _place, _span, article_1, article_2, assert_error  # noqa: E402

TEXT_3 = ("O'Brien said 100% of the_team's fighters left Kirkuk on 2 November 2015; "
          "a banner reading 'DROP TABLE' hung over the gate.")

PAYLOADS = [
    "' OR 1=1 --", "' OR '1'='1", "\" OR \"\"=\"", "') OR ('a'='a", "1 OR 1=1",
    "'; DROP TABLE events; --", "'); DROP TABLE articles; --", "1; DELETE FROM events",
    "%' UNION SELECT id, text FROM articles --", "' UNION ALL SELECT NULL, version() --",
    "'||(SELECT version())||'", "1; SELECT pg_sleep(5); --", "IRQ' --", "IRQ\\' OR 1=1 --",
    "\\", "''", "%", "%%", "_", "*", "?", "$1", ":name", "%s", "{}",
    "x\x00y", "\x00", "A" * 20_000, "Ｉｒａｑ", "ı̇", "\u202eQRI", "\U0001f4a3💥", "null", "-1",
]
HARMLESS = "zzqqxx"
HUGE = "' OR 1=1 -- " * 20_000  # 240,000 characters: too long for a URL (httpx stops at 64 KiB), fine for argv
# Each CLI call opens the store (about 0.1 s): the CLI gets one payload of each kind.
CLI_PAYLOADS = ["' OR 1=1 --", "'; DROP TABLE events; --", "%' UNION SELECT id, text FROM articles --",
                "'||(SELECT version())||'", "\\", "%", "x\x00y", "\U0001f4a3💥", "-1", HUGE]

# endpoint -> the query parameters it filters with
FILTERS = {
    "/api/events": ["start", "end", "country", "actor", "type", "modality", "grade", "text", "review",
                    "sort", "limit", "offset"],
    "/api/incidents": ["start", "end", "country", "actor", "type", "modality", "grade", "text", "sort",
                       "limit", "offset"],
    "/api/export/events": ["country", "actor", "text", "format", "sort"],
    "/api/articles": ["status", "limit", "offset"],
    "/api/actors": ["q", "country", "limit", "offset"],
    "/api/places": ["q", "country", "limit", "offset"],
}
ID_PATHS = ["/api/events/{}", "/api/events/{}/audit", "/api/articles/{}", "/api/incidents/{}"]
CLI_FILTERS = {"events": ["start", "end", "country", "actor", "type", "modality", "text", "limit"],
               "incidents": ["start", "end", "country", "actor", "type", "modality", "text", "grade"]}


def article_3() -> Article:
    t = TEXT_3
    kirkuk = _place(t, "Kirkuk", 94787, 35.4681, 44.3922, "IRQ")
    return Article(
        id="art-3", url="https://example.org/kirkuk?a=1&b='x'", publisher="Wire's \"Desk\"", title="100% 'left'",
        published=Published("2015-11-03", "given"), language="en", status="ok", errors=(), text=t,
        sections=(Section("body", 0, len(t)),),
        actors=(ActorMention(_span(t, "O'Brien"), "PER-OBRIEN", "Sean O'Brien", "IRL", "GOV", "person"),),
        places=(kirkuk,),
        events=(_event(t, "e5", t.split("; ")[0], "RETREAT", ["PER-OBRIEN"], kirkuk, ("2015-11-02", "day")),),
    )


_STORED_TEXT = " ".join(a.text + " " + " ".join(m.name for m in a.actors)
                        for a in (article_1(), article_2(), article_3())).lower()


@pytest.fixture(params=["duckdb", "postgresql"])
def store_url(request, tmp_path):
    url = f"duckdb:///{tmp_path}/sec.duckdb" if request.param == "duckdb" else request.getfixturevalue("pg_url")
    with connect(url) as s:
        s.add_many([article_1(), article_2(), article_3()])
    return url


def _counts(store) -> dict:
    from eventwire.api.queries import _run

    counts = dict(store.count())
    for table in ("reviews", "review_audit"):
        try:
            counts[table] = _run(store, f"SELECT COUNT(*) FROM {table}", [])[0][0]
        except Exception:  # noqa: BLE001 - the review tables' names are the review module's business
            pass
    return counts


@pytest.fixture
def client(store_url):
    app = create_app(store_url, TOKEN, cache_seconds=0)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


def _answer(response):
    """What a response says, for comparing a payload's answer with the harmless literal's."""
    if response.headers.get("content-type", "").startswith("application/json"):
        return response.status_code, response.json()
    return response.status_code, response.text


def _check(response, harmless, what: str) -> None:
    assert response.status_code < 500, (what, response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert_error(response, response.status_code)
        return
    if harmless is None:
        return
    status, body = _answer(response)
    if isinstance(body, dict) and "items" in body:  # the page echoes limit and offset
        body = {k: v for k, v in body.items() if k not in ("limit", "offset")}
        harmless = (harmless[0], {k: v for k, v in harmless[1].items() if k not in ("limit", "offset")})
    assert (status, body) == harmless, what


# -- SQL injection through the API -----------------------------------------------------

def test_injection_on_every_api_filter(client):
    store = client.app.state.store
    before = _counts(store)
    checked = 0
    for path, names in FILTERS.items():
        for name in names:
            harmless_response = client.get(path, params={name: HARMLESS})
            harmless = _answer(harmless_response)
            if harmless_response.status_code == 200 and isinstance(harmless[1], dict) and "items" in harmless[1]:
                if name not in ("limit", "offset", "sort", "review", "format"):
                    assert harmless[1]["items"] == [], (path, name)
            for payload in PAYLOADS:
                # "%" and "_" occur in the third article: they find it (tested below); the
                # other payloads occur nowhere, so they must find what the harmless literal does.
                expected = None if payload.lower() in _STORED_TEXT else harmless
                _check(client.get(path, params={name: payload}), expected, f"{path}?{name}={payload[:40]!r}")
                checked += 1
    for template in ID_PATHS:
        for payload in PAYLOADS:
            response = client.get(template.format(_quote(payload)))
            assert_error(response, 422 if "\x00" in payload else 404)  # NUL: refused before any query
            checked += 1
    for payload in PAYLOADS:
        response = client.post(f"/api/events/{_quote(payload)}/review", json={"action": "reject"}, headers=AUTH)
        assert_error(response, 422 if "\x00" in payload else 404)
    assert checked > 1000
    assert _counts(store) == before
    assert client.get("/api/events?modality=all").json()["total"] == 5


def test_injection_in_review_bodies(client):
    """Payloads in what a reviewer writes (note, reviewer, edited values) are stored as text."""
    store = client.app.state.store
    before = _counts(store)
    for payload in PAYLOADS:
        for body in ({"action": "reject", "note": payload}, {"action": "accept", "reviewer": payload[:200]},
                     {"action": "edit", "changes": {"type": payload}},
                     {"action": "edit", "changes": {"actors": [payload]}}):
            response = client.post("/api/events/e1/review", json=body, headers={**AUTH, "X-Reviewer": "sec"})
            assert response.status_code < 500, (body, response.text[:300])
            if response.status_code >= 400:
                assert_error(response, response.status_code)
    audit = client.get("/api/events/e1/audit").json()["items"]
    notes = [a["note"] for a in audit if a.get("note")]
    assert "'; DROP TABLE events; --" in notes and "%' UNION SELECT id, text FROM articles --" in notes
    after = _counts(store)
    assert {k: v for k, v in after.items() if k not in ("reviews", "review_audit")} == \
        {k: v for k, v in before.items() if k not in ("reviews", "review_audit")}
    assert client.get("/api/events?modality=all&review=all").json()["total"] == 5


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


LITERAL = [  # (filter, value, events found): quotes and wildcards match themselves only
    ("text", "O'Brien", ["e5"]),
    ("text", "'DROP TABLE'", []),           # in the article, not in the event's sentence
    ("text", "100%", ["e5"]),
    ("text", "%", ["e5"]),                  # only the sentence with a % sign, not every one
    ("text", "_", ["e5"]),
    ("text", "the_team", ["e5"]),
    ("text", "thexteam", []),               # "_" is not a one-character wildcard
    ("text", "100% of the", ["e5"]),
    ("actor", "O'Brien", ["e5"]),
    ("actor", "sean o'brien", ["e5"]),
    ("actor", "PER-OBRIEN", ["e5"]),
    ("actor", "%", []),
    ("country", "IRL", ["e5"]),
    ("country", "IR%", []),
    ("country", "IRL' OR '1'='1", []),
]


def test_quotes_and_wildcards_are_literal(client):
    for name, value, expected in LITERAL:
        response = client.get("/api/events", params={name: value, "modality": "all"})
        assert response.status_code == 200, (name, value, response.text)
        assert [e["id"] for e in response.json()["items"]] == expected, (name, value)


def test_actor_and_place_search_is_literal(client):
    assert [a["id"] for a in client.get("/api/actors", params={"q": "o'brien"}).json()["items"]] == ["PER-OBRIEN"]
    assert client.get("/api/actors", params={"q": "%"}).json()["items"] == []
    assert client.get("/api/actors", params={"q": "_"}).json()["items"] == []
    assert client.get("/api/places", params={"q": "%"}).json()["items"] == []
    assert [p["name"] for p in client.get("/api/places", params={"q": "kirk"}).json()["items"]] == ["Kirkuk"]


def test_out_of_range_integers_are_client_errors(client):
    # A 64-bit overflow in the store's SQL once answered 503 (found by schemathesis).
    for path in ("/api/articles", "/api/events", "/api/incidents", "/api/actors", "/api/places"):
        for name, value in (("offset", "9" * 30), ("offset", str(2 ** 63)), ("limit", "9" * 30),
                            ("offset", "-" + "9" * 25), ("offset", "1" * 5000)):
            response = client.get(path, params={name: value})
            assert response.status_code == 422, (path, name, value[:30], response.text[:200])
            assert_error(response, 422, "invalid_request")
        assert client.get(path, params={"offset": str(2 ** 63 - 1)}).status_code == 200, path


def test_store_errors_do_not_show_server_paths(client, monkeypatch):
    from eventwire.api import queries
    from eventwire.errors import StoreError

    def broken(*args, **kwargs):
        raise StoreError("store /srv/secret/path/events.duckdb: Conversion Error: boom")

    monkeypatch.setattr(queries, "places", broken)
    err = assert_error(client.get("/api/places"), 503, "store_error")
    assert "/srv/secret" not in err["message"] and "Conversion" not in err["message"]


# -- SQL injection through the CLI -------------------------------------------------------

def _cli(argv: list[str]) -> tuple[int, str, str]:
    from eventwire.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_injection_on_every_cli_filter(store_url):
    with connect(store_url) as store:
        before = _counts(store)
    checked = 0
    for command, names in CLI_FILTERS.items():
        for name in names:
            harmless = _cli([command, "--db", store_url, f"--{name}={HARMLESS}", "--format", "jsonl"])
            for payload in CLI_PAYLOADS:
                code, out, err = _cli([command, "--db", store_url, f"--{name}={payload}", "--format", "jsonl"])
                what = f"eventwire {command} --{name}={payload[:40]!r}"
                assert "Traceback" not in err and "internal error" not in err, (what, err[-500:])
                if code == 0:
                    if payload.lower() not in _STORED_TEXT:
                        assert (code, out) == harmless[:2], what
                else:
                    assert code in (1, 2) and out == "", what
                    last = err.strip().splitlines()[-1]
                    assert last.startswith("Error:") or "error:" in last, (what, err[-300:])
                checked += 1
    assert checked == len(CLI_PAYLOADS) * sum(map(len, CLI_FILTERS.values()))
    with connect(store_url) as store:
        assert _counts(store) == before
    code, out, _ = _cli(["events", "--db", store_url, "--text=100%", "--format", "jsonl"])
    assert code == 0 and [line for line in out.splitlines() if '"e5"' in line]
    assert len(out.splitlines()) == 1


# -- writes without the right token ------------------------------------------------------

WRITES = [
    ("/api/events/e1/review", {"json": {"action": "reject", "note": "x"}}),
    ("/api/events/e1/review", {"content": b"{not json", "headers": {"Content-Type": "application/json"}}),
    ("/api/events/e1/review", {"content": b"\x00", "headers": {"Content-Type": "application/json"}}),
    ("/api/events/e1/review", {"json": {"action": "nonsense"}}),
    ("/api/events/e1/review", {"content": b"\xff\xfe j", "headers": {"Content-Type": "application/json"}}),
    ("/api/events/e1/review", {"json": {"action": "reject", "note": "a\x00b"}}),
    ("/api/events/x%00y/review", {"json": {"action": "accept"}}),
    ("/api/events/nope/review", {"json": {"action": "accept"}}),
    ("/api/articles", {"json": {"text": "Protesters marched in Nairobi on 3 March 2024."}}),
    ("/api/articles", {"json": {"url": "http://169.254.169.254/latest/meta-data/"}}),
    ("/api/articles", {"content": b"<html><p>x</p></html>", "headers": {"Content-Type": "text/html"}}),
    ("/api/articles", {"content": b"x", "headers": {"Content-Type": "image/png"}}),
    ("/api/articles", {"content": b"{broken", "headers": {"Content-Type": "application/json"}}),
]

WRONG = [
    ("no header", {}, {}, "unauthorized"),
    ("empty header", {"Authorization": ""}, {}, "unauthorized"),
    ("scheme only", {"Authorization": "Bearer"}, {}, "unauthorized"),
    ("empty token", {"Authorization": "Bearer "}, {}, "unauthorized"),
    ("blank token", {"Authorization": "Bearer    "}, {}, "unauthorized"),
    ("no scheme", {"Authorization": TOKEN}, {}, "unauthorized"),
    ("basic scheme", {"Authorization": f"Basic {TOKEN}"}, {}, "unauthorized"),
    ("token scheme", {"Authorization": f"Token {TOKEN}"}, {}, "unauthorized"),
    ("digest scheme", {"Authorization": f"Digest {TOKEN}"}, {}, "unauthorized"),
    ("wrong token", {"Authorization": "Bearer wrong"}, {}, "invalid_token"),
    ("prefix of token", {"Authorization": f"Bearer {TOKEN[:-1]}"}, {}, "invalid_token"),
    ("token with suffix", {"Authorization": f"Bearer {TOKEN}x"}, {}, "invalid_token"),
    ("token upper-cased", {"Authorization": f"Bearer {TOKEN.upper()}"}, {}, "invalid_token"),
    ("token twice", {"Authorization": f"Bearer {TOKEN} {TOKEN}"}, {}, "invalid_token"),
    ("non-ASCII token", {"Authorization": "Bearer tökén".encode()}, {}, "invalid_token"),
    ("token in query", {}, {"token": TOKEN}, "unauthorized"),
    ("access_token in query", {}, {"access_token": TOKEN}, "unauthorized"),
    ("token as another header", {"X-Token": TOKEN, "X-Api-Key": TOKEN}, {}, "unauthorized"),
    ("token as cookie", {"Cookie": f"token={TOKEN}; Authorization=Bearer%20{TOKEN}"}, {}, "unauthorized"),
]


@pytest.fixture
def duck_client(tmp_path):
    url = f"duckdb:///{tmp_path}/tok.duckdb"
    with connect(url) as s:
        s.add_many([article_1(), article_2()])
    app = create_app(url, TOKEN, cache_seconds=0)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


@pytest.mark.parametrize("label, headers, params, code", WRONG, ids=[w[0] for w in WRONG])
def test_writes_refuse_without_the_right_token(duck_client, label, headers, params, code):
    store = duck_client.app.state.store
    before = _counts(store)
    for path, request in WRITES:
        kwargs = {k: v for k, v in request.items() if k != "headers"}
        response = duck_client.post(path, params=params, headers={**request.get("headers", {}), **headers}, **kwargs)
        err = assert_error(response, 401, code)
        assert response.headers.get("www-authenticate", "").startswith("Bearer"), (label, path)
        assert TOKEN not in err["message"]
    assert _counts(store) == before
    assert duck_client.get("/api/events/e1/audit").json()["items"] == []
    # The same requests with the token get through (so the refusals above were the token's doing).
    assert duck_client.post("/api/events/e1/review", json={"action": "reject"}, headers=AUTH).status_code == 200


def test_writes_refused_when_no_token_is_configured(tmp_path):
    url = f"duckdb:///{tmp_path}/open.duckdb"
    with connect(url) as s:
        s.add_many([article_1()])
    app = create_app(url, None, cache_seconds=0)
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            for _label, headers, params, _code in WRONG + [("any bearer", {"Authorization": "Bearer x"}, {}, "")]:
                for path, request in WRITES:
                    kwargs = {k: v for k, v in request.items() if k != "headers"}
                    response = c.post(path, params=params, headers={**request.get("headers", {}), **headers}, **kwargs)
                    assert_error(response, 403, "writes_disabled")
            assert c.get("/api/events/e1/audit").json()["items"] == []
    finally:
        app.state.store.close()


def test_reads_ignore_tokens(duck_client):
    for headers in ({}, {"Authorization": "Bearer wrong"}, AUTH):
        assert duck_client.get("/api/events", headers=headers).status_code == 200
