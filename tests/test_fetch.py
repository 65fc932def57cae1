"""The URL fetcher against real HTTP servers on 127.0.0.1: address guard, redirects, size, time.

The servers live on loopback, which the guard refuses.  The tests let exactly one
``127.0.0.1:port`` through with ``EVENTWIRE_TEST_ALLOW_ADDRESSES`` (loopback ``ip:port``
pairs only), so the guard still runs for everything else: a redirect to a second live
server on another loopback port, to 10.0.0.1 or to 169.254.169.254 is refused.  The
same servers are fetched through ``eventwire process URL`` and ``POST /api/articles``.
No test touches the network: forbidden addresses are refused before any connection.
"""
from __future__ import annotations

import copy
import dataclasses
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from eventwire import acquire
from eventwire.acquire import MAX_REDIRECTS, TEST_ALLOW_ENV, fetch_url
from eventwire.config import Options

ARTICLE = ("<html><head><title>Sit-in in Nairobi</title></head><body><article><p>Protesters marched in "
           "Nairobi on 3 March 2024. Police fired tear gas at the protesters in Nairobi, witnesses said."
           "</p></article></body></html>").encode()
PNG = b"\x89PNG\r\n\x1a\n" + bytes(300)


class Server:
    """A threaded HTTP server on 127.0.0.1 with the behaviours the tests need, and its hits."""

    def __init__(self):
        self.hits: list[tuple[str, str]] = []  # (path, Host header)
        self.sent_big = 0
        self.stop = threading.Event()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 - the http.server API
                owner.hits.append((self.path, self.headers.get("Host", "")))
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                route = getattr(owner, "r_" + parts.path.strip("/").split("/")[0].replace("-", "_"), None)
                if route is None:
                    return self._send(404, b"not here", "text/plain")
                try:
                    route(self, parts.path, query)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status, body, ctype="text/html; charset=utf-8", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers:
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- routes: r_<first path segment>(handler, path, query)

    def r_page(self, h, path, q):
        h._send(200, ARTICLE)

    def r_png(self, h, path, q):
        h._send(200, PNG, "image/png")

    def r_to(self, h, path, q):
        h._send(int(q.get("code", 302)), b"", headers=[("Location", q["u"])])

    def r_chain(self, h, path, q):
        n = int(path.rsplit("/", 1)[1])
        delay = float(q.get("delay", 0))
        if delay:
            self.stop.wait(delay)
        if n == 0:
            return h._send(200, ARTICLE)
        h._send(302, b"", headers=[("Location", f"/chain/{n - 1}" + (f"?delay={delay}" if delay else ""))])

    def r_big(self, h, path, q):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")  # no length: the body ends when the connection does
        h.end_headers()
        h.close_connection = True
        chunk = b"<p>" + b"words " * 10_000 + b"</p>"
        while self.sent_big < 50_000_000 and not self.stop.is_set():
            h.wfile.write(chunk)
            self.sent_big += len(chunk)

    def r_bigdeclared(self, h, path, q):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(10 ** 10))
        h.end_headers()
        h.wfile.write(b"<p>start</p>")
        self.stop.wait(5)

    def r_drip(self, h, path, q):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(100_000):  # a byte every 50 ms: each read succeeds, the whole never ends
            if self.stop.wait(0.05):
                return
            h.wfile.write(b"x")
            h.wfile.flush()

    def r_dripheaders(self, h, path, q):
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(100_000):
            if self.stop.wait(0.05):
                return
            h.wfile.write(b"X-Slow: y\r\n")
            h.wfile.flush()

    def r_stall(self, h, path, q):
        self.stop.wait(30)


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


@pytest.fixture
def other():
    """A second live server on another loopback port, never let through the guard."""
    s = Server()
    yield s
    s.close()


@pytest.fixture
def allowed(server, monkeypatch):
    """Let exactly the first server's address through the guard."""
    monkeypatch.setenv(TEST_ALLOW_ENV, f"127.0.0.1:{server.port}")
    return server


def opts(**values) -> Options:
    return dataclasses.replace(Options(), **values)


def redirect(server, target: str, code: int = 302) -> str:
    return f"{server.url}/to?code={code}&u={quote(target, safe='')}"


# -- the guard, and the test allowance ----------------------------------------------

def test_loopback_server_is_refused_without_the_allowance(server, monkeypatch):
    monkeypatch.delenv(TEST_ALLOW_ENV, raising=False)
    doc = fetch_url(server.url + "/page", opts())
    assert doc.error.code == "E108" and "non-public address (127.0.0.1)" in doc.error.message
    assert server.hits == []  # refused before connecting


def test_allowance_is_one_loopback_port_only(server, monkeypatch):
    for value in (f"10.0.0.1:{server.port}", "169.254.169.254:80", "127.0.0.1", f"localhost:{server.port}",
                  f"127.0.0.1:{server.port + 1}"):
        monkeypatch.setenv(TEST_ALLOW_ENV, value)
        assert fetch_url(server.url + "/page", opts()).error.code == "E108", value
    assert server.hits == []
    monkeypatch.setenv(TEST_ALLOW_ENV, f"10.0.0.1:80,127.0.0.1:{server.port}")
    assert acquire.url_refusal("http://10.0.0.1/") is not None
    assert fetch_url(server.url + "/page", opts()).error is None


def test_page_is_fetched(allowed):
    doc = fetch_url(allowed.url + "/page", opts())
    assert doc.error is None and doc.data == ARTICLE.decode() and doc.kind == "html"
    assert doc.url == allowed.url + "/page"
    assert allowed.hits == [("/page", f"127.0.0.1:{allowed.port}")]


def test_binary_and_http_errors_are_records(allowed):
    assert fetch_url(allowed.url + "/png", opts()).error.code == "E101"
    err = fetch_url(allowed.url + "/missing", opts()).error
    assert err.code == "E109" and "HTTP 404" in err.message
    # https to a server that speaks plain HTTP: the TLS handshake fails, as a record
    err = fetch_url(f"https://127.0.0.1:{allowed.port}/page", opts(fetch_timeout=3.0)).error
    assert err.code == "E109" and "SSL" in err.message


# -- redirects ---------------------------------------------------------------------

@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_redirect_is_followed_and_checked(allowed, code):
    doc = fetch_url(redirect(allowed, "/page", code), opts())
    assert doc.error is None and doc.url == allowed.url + "/page"
    assert [p for p, _ in allowed.hits] == [f"/to?code={code}&u=%2Fpage", "/page"]


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://10.0.0.1/admin",
    "http://192.168.1.1/",
    "http://[fd00::1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://2852039166/latest/meta-data/",     # 169.254.169.254 in decimal
    "file:///etc/passwd",
    "gopher://127.0.0.1:25/",
])
def test_redirect_to_a_forbidden_address_is_refused(allowed, target):
    doc = fetch_url(redirect(allowed, target), opts())
    assert doc.error.code == "E108", doc.error
    assert "redirect to" in doc.error.message and "refused" in doc.error.message
    assert len(allowed.hits) == 1


@pytest.mark.parametrize("spelling", ["127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f.1", "0177.0.0.1"])
def test_redirect_to_another_loopback_server_is_refused(allowed, other, spelling):
    # ``other`` is up and would answer: only the guard keeps the fetch away from it.
    doc = fetch_url(redirect(allowed, f"http://{spelling}:{other.port}/page"), opts())
    assert doc.error.code == "E108" and "refused" in doc.error.message
    assert other.hits == []


def test_allow_private_urls_follows_the_same_redirect(allowed, other):
    doc = fetch_url(redirect(allowed, f"http://127.0.0.1:{other.port}/page"), opts(allow_private_urls=True))
    assert doc.error is None and doc.url == f"http://127.0.0.1:{other.port}/page"
    assert [p for p, _ in other.hits] == ["/page"]


def test_redirect_hops_are_limited(allowed):
    assert fetch_url(f"{allowed.url}/chain/{MAX_REDIRECTS}", opts()).error is None
    allowed.hits.clear()
    err = fetch_url(f"{allowed.url}/chain/{MAX_REDIRECTS + 1}", opts()).error
    assert err.code == "E109" and f"more than {MAX_REDIRECTS} redirects" in err.message
    assert len(allowed.hits) == MAX_REDIRECTS + 1


def test_public_name_redirecting_to_a_private_name_is_refused(allowed):
    # "news.test" stands for a public site (it resolves to the allowed test server);
    # it redirects to a name that resolves to a private address.
    table = {"news.test": ["127.0.0.1"], "intranet.test": ["10.0.0.7"]}
    doc = fetch_url(f"http://news.test:{allowed.port}/to?u={quote('http://intranet.test/', safe='')}", opts(),
                    resolve=table.__getitem__)
    assert doc.error.code == "E108" and "intranet.test" in doc.error.message and "10.0.0.7" in doc.error.message
    assert allowed.hits[0][1] == f"news.test:{allowed.port}"  # the Host header names the site


# -- DNS rebinding: the address checked is the address connected to ----------------

def test_rebinding_name_is_resolved_once_and_pinned(allowed):
    answers = [["127.0.0.1"], ["10.0.0.1"], ["169.254.169.254"]]
    calls = []

    def rebinding(host):
        calls.append(host)
        return answers[min(len(calls) - 1, len(answers) - 1)]

    doc = fetch_url(f"http://rebind.test:{allowed.port}/page", opts(), resolve=rebinding)
    assert doc.error is None and doc.data == ARTICLE.decode()
    assert calls == ["rebind.test"]  # one lookup; the connection used its checked answer
    calls.clear()
    answers.reverse()  # the first answer is now forbidden
    assert fetch_url(f"http://rebind.test:{allowed.port}/page", opts(), resolve=rebinding).error.code == "E108"


def test_peer_address_is_checked_after_connecting(allowed, other, monkeypatch):
    # Something between the check and the socket (a NAT, a patched resolver library) lands
    # the connection elsewhere: the peer address is checked again and refused.
    real = socket.create_connection

    def misrouted(address, *args, **kwargs):
        return real(("127.0.0.1", other.port), *args, **kwargs)

    monkeypatch.setattr(acquire.socket, "create_connection", misrouted)
    doc = fetch_url(allowed.url + "/page", opts())
    assert doc.error.code == "E108" and "connected to a non-public address" in doc.error.message
    assert other.hits == []  # closed before any request was sent


# -- size and time -------------------------------------------------------------------

def test_body_limit_is_exact(allowed):
    assert fetch_url(allowed.url + "/page", opts(max_bytes=len(ARTICLE))).error is None
    err = fetch_url(allowed.url + "/page", opts(max_bytes=len(ARTICLE) - 1)).error
    assert err.code == "E103"


def test_endless_body_is_streamed_and_abandoned(allowed):
    start = time.monotonic()
    err = fetch_url(allowed.url + "/big", opts(max_bytes=200_000)).error
    assert err.code == "E103" and "200000" in err.message
    assert time.monotonic() - start < 5
    time.sleep(0.3)
    # The server was cut off long before its 50 MB: the client stopped reading.
    assert allowed.sent_big < 10_000_000, allowed.sent_big


def test_declared_length_over_the_limit_is_refused_at_once(allowed):
    start = time.monotonic()
    err = fetch_url(allowed.url + "/bigdeclared", opts(max_bytes=1_000_000)).error
    assert err.code == "E103" and str(10 ** 10) in err.message
    assert time.monotonic() - start < 2


@pytest.mark.parametrize("path", ["/drip", "/dripheaders", "/stall", "/chain/5?delay=0.4"])
def test_total_time_is_bounded(allowed, path):
    # /drip and /dripheaders send a byte every 50 ms (no single read ever times out);
    # /chain makes each of 5 redirects take 0.4 s. The limit is on the whole fetch.
    start = time.monotonic()
    err = fetch_url(allowed.url + path, opts(fetch_timeout=1.0)).error
    took = time.monotonic() - start
    assert err.code == "E109" and "fetch_timeout (1 s)" in err.message, err
    assert 0.9 < took < 2.5, took


# -- through the CLI and the API ------------------------------------------------------

def _failing_urls(server) -> dict[str, tuple[str, str]]:
    return {
        redirect(server, "http://169.254.169.254/latest/meta-data/"): ("E108", "refused"),
        redirect(server, "http://10.0.0.1/"): ("E108", "refused"),
        server.url + "/drip": ("E109", "fetch_timeout"),
        server.url + "/big": ("E103", "larger than the limit"),
        server.url + "/missing": ("E109", "HTTP 404"),
    }


@pytest.mark.model
def test_cli_process_url(server, other, tmp_path):
    config = tmp_path / "fetch.toml"
    config.write_text("fetch_timeout = 1.0\nmax_bytes = 200000\n")
    failing = _failing_urls(server)
    failing[redirect(server, f"http://127.0.0.1:{other.port}/page")] = ("E108", "refused")
    urls = [server.url + "/page", *failing]
    env = {**os.environ, TEST_ALLOW_ENV: f"127.0.0.1:{server.port}"}
    out = subprocess.run([sys.executable, "-m", "eventwire", "process", *urls, "--format", "jsonl",
                          "--config", str(config), "--published", "2024-03-04"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == len(urls)
    assert records[0]["status"] == "ok" and "tear gas" in records[0]["text"]
    for record, (code, words) in zip(records[1:], failing.values()):
        assert record["status"] == "error", record
        assert record["errors"][0]["code"] == code and words in record["errors"][0]["message"], record["errors"]
    assert other.hits == []
    # Without the allowance the test server itself is refused, as any loopback URL is.
    env.pop(TEST_ALLOW_ENV)
    out = subprocess.run([sys.executable, "-m", "eventwire", "process", server.url + "/page", "--format", "jsonl"],
                         capture_output=True, text=True, env=env, timeout=300)
    (record,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert record["status"] == "error" and record["errors"][0]["code"] == "E108"
    assert "Traceback" not in out.stderr


@pytest.mark.model
def test_api_post_article_url(allowed, other, pipeline, tmp_path):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app

    token = "test-token-0123456789abcdef"
    auth = {"Authorization": f"Bearer {token}"}
    quick = copy.copy(pipeline)  # the loaded models, with tighter fetch limits
    quick.options = dataclasses.replace(pipeline.options, fetch_timeout=1.0, max_bytes=200_000)
    app = create_app(f"duckdb:///{tmp_path}/fetch.duckdb", token, pipeline=quick)
    statuses = {"E108": 400, "E103": 400, "E109": 502}
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            for url, (code, words) in _failing_urls(allowed).items():
                start = time.monotonic()
                r = client.post("/api/articles", json={"url": url}, headers=auth)
                assert r.status_code == statuses[code], (url, r.text)
                assert r.json()["error"]["code"] == "fetch_failed" and words in r.json()["error"]["message"]
                assert time.monotonic() - start < 3
            r = client.post("/api/articles", json={"url": redirect(allowed, f"http://127.0.0.1:{other.port}/")},
                            headers=auth)
            assert r.status_code == 400 and "refused" in r.json()["error"]["message"]
            r = client.post("/api/articles", json={"url": f"http://127.0.0.1:{other.port}/page"}, headers=auth)
            assert r.status_code == 400 and r.json()["error"]["code"] == "url_refused"
            assert client.get("/api/articles").json()["total"] == 0  # nothing stored from a failure
            r = client.post("/api/articles", json={"url": allowed.url + "/page", "published": "2024-03-04"},
                            headers=auth)
            assert r.status_code == 201, r.text
            assert r.json()["url"] == allowed.url + "/page" and "tear gas" in r.json()["text"]
        assert other.hits == []
    finally:
        app.state.store.close()
