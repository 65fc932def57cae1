"""Hostile text in every field the web UI shows, in a real browser (Chromium via Playwright).

tests/test_web.py shows a hostile article text, title, actor name and a javascript:
URL as text.  This covers the other fields: publishers, quotes (speaker, content,
outlet told), place names, review notes and reviewer names, the incident view of two
hostile outlets, the events table, the map markers and the filter suggestions, and
URLs in every spelling of a dangerous scheme.  The page's Content-Security-Policy is
bypassed, so that the escaping itself is what is checked: no payload may run, no
element may carry an event-handler attribute, and no link may point anywhere but
http(s) or the UI itself.  The records are built by hand: no model is needed.
"""
from __future__ import annotations

import dataclasses
import os
import shutil

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
pytest.importorskip("fastapi")

from .webserver import ARTIFACTS, CHROMIUM, browser, serving  # noqa: E402,F401 - browser: a fixture

pytestmark = pytest.mark.skipif(
    not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium")),
    reason=f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium); scripts/test.sh does this")

TOKEN = "hostile-web-token-0123456789"


def pwn(n: int) -> str:
    """A payload that marks the page when it runs."""
    return f"document.body.dataset.pwned = {n}"


PUBLISHER_A = f'<img src=x onerror="{pwn(10)}">Alpha "Wire"'
PUBLISHER_B = f"</script><script>{pwn(11)}</script>Beta & Co"
TITLE_A = f"<svg onload=\"{pwn(12)}\"></svg>Market 'attack'"
TITLE_B = f"<a href=\"javascript:{pwn(13)}\">Beta</a> report"
ACTOR = f"<b onmouseover=\"{pwn(14)}\">Gunmen</b>"
PLACE = f"Kismayo<img src=x onerror=\"{pwn(15)}\">"
SPEAKER = f"<script>{pwn(16)}</script>Police chief"
VIA = f"<iframe src=\"javascript:{pwn(17)}\"></iframe>Radio"
NOTE = f"<img src=x onerror=\"{pwn(18)}\"> checked '); DROP TABLE reviews; --"
REVIEWER = f"<script>{pwn(19)}</script>ana"
HTTPS_URL = f'https://beta.example/a?b="><img src=x onerror="{pwn(20)}">&c=<script>'
BAD_URLS = {
    "upper": f"JAVASCRIPT:{pwn(21)}",
    "mixed": f"JaVaScRiPt:{pwn(22)}",
    "space": f"  javascript:{pwn(23)}",
    "tab": f"java\tscript:{pwn(24)}",
    "entity": f"javascript&colon;{pwn(25)}",
    "data": f"data:text/html,<script>{pwn(26)}</script>",
    "vbscript": "vbscript:msgbox(1)",
    "relative": f"//evil.example/{pwn(27)}",
}


def hostile_articles():
    from eventwire.records import (AcledLabel, ActorMention, Article, Event, EventDate, Place, Published, Quote,
                                   Section, Span, Speaker)

    out = []
    for key, publisher, title, url in (("a", PUBLISHER_A, TITLE_A, BAD_URLS["mixed"]),
                                       ("b", PUBLISHER_B, TITLE_B, HTTPS_URL)):
        t = (f"Gunmen attacked a market in Kismayo on 2 March 2024, killing {5 if key == 'a' else 9} people.\n"
             f"\"They came at dawn,\" the police chief told Radio.")

        def span(part, t=t):
            start = t.index(part)
            return Span.of(t, start, start + len(part))

        kismayo = Place(span("Kismayo"), PLACE, 55671, -0.3582, 42.5454, "SOM", "<i>Lower Juba</i>", "city", 1)
        quote = Quote("q1", "direct", span("They came at dawn,"), span("told"),
                      Speaker(span("the police chief"), SPEAKER, "SOM-COP", False, "<u>the police chief</u>"), via=VIA)
        sentence = t.split("\n")[0]
        event = Event(id=f"hostile-{key}-e1", type="ASSAULT", mode="firearms", contexts=(),
                      acled=AcledLabel("Violence against civilians", "Attack"), cameo="180", actors=("ew:gunmen",),
                      recipients=(), location=kismayo,
                      date=EventDate("2024-03-02", "day", span("2 March 2024"), "sentence"), modality="asserted",
                      attribution=("q1",), fatalities=5 if key == "a" else 9, injured=None, arrested=None,
                      evidence=span(sentence), confidence=0.8)
        out.append(Article(
            id=f"hostile-{key}", url=url, publisher=publisher, title=title, published=Published("2024-03-03", "given"),
            language="en", status="ok", errors=(), text=t, sections=(Section("body", 0, len(t)),),
            actors=(ActorMention(span("Gunmen"), "ew:gunmen", ACTOR, "SOM", "UAF", "group"),),
            places=(kismayo,), quotes=(quote,), events=(event,), source="test"))
    base = out[0]
    for name, url in BAD_URLS.items():  # one small article for each spelling of a bad scheme
        out.append(dataclasses.replace(base, id=f"url-{name}", url=url, publisher=f"Outlet {name}",
                                       events=(dataclasses.replace(base.events[0], id=f"url-{name}-e1"),)))
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from eventwire.api import create_app
    from eventwire.store import connect

    url = f"duckdb:///{tmp_path_factory.mktemp('hostile')}/hostile.duckdb"
    with connect(url) as store:
        store.add_many(hostile_articles())
    app = create_app(url, TOKEN, cache_seconds=0)
    import httpx

    with serving(app) as base:
        review = httpx.post(f"{base}/api/events/hostile-a-e1/review", timeout=10,
                            headers={"Authorization": f"Bearer {TOKEN}"},
                            json={"action": "accept", "note": NOTE, "reviewer": REVIEWER})
        assert review.status_code == 200, review.text
        yield base


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith(server) else problems.append(f"request to {r.url}"))
    pg.problems = problems
    yield pg
    context.close()


# Every element's attributes: none may be an event handler, and every link must be
# http(s) or the UI's own (relative, or a #fragment).
AUDIT_JS = """() => {
  const bad = [];
  for (const node of document.querySelectorAll("*")) {
    for (const attr of node.attributes) {
      if (attr.name.toLowerCase().startsWith("on")) bad.push(`${node.tagName} ${attr.name}`);
    }
    for (const name of ["href", "src", "action", "formaction", "xlink:href"]) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      let url;
      try { url = new URL(value, document.baseURI); }
      catch (err) { bad.push(`${node.tagName} ${name}=${value}`); continue; }
      if (!["http:", "https:"].includes(url.protocol)) bad.push(`${node.tagName} ${name}=${value}`);
      else if (url.origin !== location.origin && node.tagName !== "A") bad.push(`${node.tagName} ${name}=${value}`);
    }
  }
  return bad;
}"""


def assert_clean(page) -> None:
    page.wait_for_timeout(250)  # a handler that would fire on load or on an image error has fired by now
    assert page.locator("body[data-pwned]").count() == 0, page.get_attribute("body", "data-pwned")
    assert page.evaluate(AUDIT_JS) == []
    for tag in ("script", "iframe", "img", "svg b", "i"):
        if tag == "script":
            assert page.locator("body script:not([src])").count() == 0
        else:
            assert page.locator(f"#panel {tag}, #events {tag}").count() == 0, tag
    assert page.problems == [], page.problems


def test_table_map_and_suggestions(page, server):
    page.goto(server + "/")
    page.wait_for_selector("#events tbody tr")
    table = page.text_content("#events tbody")
    for text in (PUBLISHER_A, PUBLISHER_B, ACTOR):
        assert text in table, text
    assert page.locator(".leaflet-marker-icon").count() > 0
    titles = page.eval_on_selector_all(".leaflet-marker-icon[title]", "els => els.map(e => e.getAttribute('title'))")
    assert any(PLACE in t for t in titles) or page.locator(".marker-cluster").count() > 0
    options = page.eval_on_selector_all("datalist option", "els => els.map(e => e.value + ' ' + e.textContent)")
    assert options is not None
    assert_clean(page)
    page.screenshot(path=str(ARTIFACTS / "web-hostile-table.png"), full_page=True)


def test_event_view(page, server):
    page.goto(server + "/#event=hostile-a-e1")
    page.wait_for_selector("#event-title")
    page.wait_for_selector("#audit li")
    panel = page.text_content("#panel")
    for text in (TITLE_A, PUBLISHER_A, ACTOR, SPEAKER, VIA, "They came at dawn,", NOTE, REVIEWER):
        assert text in panel, text
    assert PLACE in panel
    assert_clean(page)
    page.screenshot(path=str(ARTIFACTS / "web-hostile-event.png"), full_page=True)


def test_article_view_and_quotes(page, server):
    page.goto(server + "/#article=hostile-a")
    page.wait_for_selector("#article-text")
    assert page.text_content("#article-title") == TITLE_A
    panel = page.text_content("#panel")
    assert PUBLISHER_A in panel and BAD_URLS["mixed"] in panel
    assert page.locator("#article-text .m-quote").count() > 0
    assert_clean(page)
    page.goto(server + "/#article=hostile-b")  # the same document: wait for the new article's title
    sync_api.expect(page.locator("#article-title")).to_have_text(TITLE_B)
    link = page.locator("#panel a[href^='https://beta.example/']")
    assert link.count() == 1 and link.get_attribute("href") == HTTPS_URL  # a real link, its href intact
    assert "noopener" in link.get_attribute("rel")
    assert_clean(page)


@pytest.mark.parametrize("name", sorted(BAD_URLS))
def test_bad_url_schemes_stay_text(page, server, name):
    page.goto(f"{server}/#article=url-{name}")
    page.wait_for_selector("#article-text")
    assert BAD_URLS[name].strip() in page.text_content("#panel")
    assert page.locator("#panel a").filter(has_text=BAD_URLS[name].strip()).count() == 0
    assert_clean(page)


def test_incident_view(page, server):
    import httpx

    incident_id = httpx.get(f"{server}/api/events/hostile-a-e1", timeout=10).json()["incident_id"]
    page.goto(f"{server}/#incident={incident_id}")
    page.wait_for_selector("#incident-title")
    panel = page.text_content("#panel")
    for text in (PUBLISHER_A, PUBLISHER_B):
        assert text in panel, text
    if page.locator("#reports .report").count():
        assert TITLE_A in panel and TITLE_B in panel
    assert_clean(page)
    page.screenshot(path=str(ARTIFACTS / "web-hostile-incident.png"), full_page=True)
