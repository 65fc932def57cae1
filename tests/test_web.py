"""The web UI in a real browser: Debian's Chromium driven by Playwright, over a live server.

The store holds the bundled sample corpus (processed by the pipeline) and one
hand-built hostile article.  Screenshots go to artifacts/ (kept by CI as artifacts).
Skipped, with the reason, when Chromium or Playwright is missing; scripts/test.sh
installs both.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TOKEN = "web-test-token-0123456789"
CORPUS = {"mee-iraq-russia-2015": "2015-10-31", "rift-kenya-protest-2025": "2025-11-13",
          "frontline-sudan-kordofan-2024": "2024-10-17", "envoy-drc-doha-ceasefire-2024": "2024-03-20"}
HOSTILE_TEXT = ('Hostile <script>document.body.dataset.pwned = 1</script> report.\n'
                'Police fired on <img src=x onerror="document.body.dataset.pwned = 2"> marchers in Oslo.\n'
                'See <a href="javascript:document.body.dataset.pwned = 3">this link</a> and javascript:alert(1).')

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
pytest.importorskip("fastapi")

from .test_api import MARKET, market_articles  # noqa: E402
from .webserver import ARTIFACTS, CHROMIUM, browser, serving  # noqa: E402,F401 - browser: a fixture

MARKET_TEXT = {key: text for key, (_outlet, text, _actor, _killed) in MARKET.items()}
expect = sync_api.expect
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium")),
                       reason=f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium); "
                              "scripts/test.sh does this"),
]


def hostile_article():
    from eventwire.records import (ActorMention, Article, Event, EventDate, Place, Published, Section,
                                   Span)

    t = HOSTILE_TEXT

    def span(part):
        start = t.index(part)
        return Span.of(t, start, start + len(part))

    oslo = Place(span("Oslo"), "Oslo", 3143244, 59.9127, 10.7461, "NOR", "Oslo", "city", 1)
    sentence = t.split("\n")[1]
    return Article(
        id="hostile", url="javascript:document.body.dataset.pwned = 4", publisher="<b>Evil</b> Wire",
        title='<img src=x onerror="document.body.dataset.pwned = 5">Hostile', published=Published("2023-05-01", "given"),
        language="en", status="ok", errors=(), text=t, sections=(Section("body", 0, len(t)),),
        actors=(ActorMention(span("Police"), "NOR-COP", "<script>Police</script>", "NOR", "COP", "state"),),
        places=(oslo,),
        events=(Event(id="e-hostile", type="ASSAULT", mode=None, contexts=(), acled=None, cameo=None,
                      actors=("NOR-COP",), recipients=(), location=oslo,
                      date=EventDate("2023-05-01", "day", None, "published"), modality="asserted",
                      attribution=(), fatalities=None, injured=None, arrested=None,
                      evidence=span(sentence), confidence=0.5),),
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    from eventwire.api import create_app
    from eventwire.store import connect

    root = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "corpus"
    url = f"duckdb:///{tmp_path_factory.mktemp('web')}/web.duckdb"
    with connect(url) as store:
        for name, published in CORPUS.items():
            store.add(pipeline.process((root / f"{name}.txt").read_text("utf-8"), published=published, id=name))
        store.add(hostile_article())
        for art in market_articles():  # two outlets' versions of one incident
            store.add(art)
    app = create_app(url, TOKEN)
    with serving(app) as base:
        yield base


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    pg.goto(server + "/")
    pg.wait_for_selector("#events tbody tr")
    yield pg
    assert not errors, errors
    assert not outside, f"the UI fetched from outside the server: {outside}"
    assert pg.locator("body[data-pwned]").count() == 0
    context.close()


def api(server, path):
    import httpx

    return httpx.get(server + path, timeout=10).json()


def rows(page):
    return page.locator("#events tbody tr")


def test_ui_loads_map_timeline_and_table(page, server):
    total = api(server, "/api/events?limit=5000")["total"]
    expect(rows(page)).to_have_count(total)
    assert total > 10
    # country outlines from the local TopoJSON, and points (or clusters) over them
    page.locator("#map .leaflet-overlay-pane path").nth(100).wait_for(state="attached")
    assert page.locator(".leaflet-marker-icon").count() > 0
    assert page.locator("#timeline rect.bar").count() > 0
    page.screenshot(path=str(ARTIFACTS / "web-overview.png"), full_page=True)


def test_filter_by_country(page, server):
    expected = api(server, "/api/events?country=KEN&limit=5000")
    assert 0 < expected["total"] < api(server, "/api/events?limit=5000")["total"]
    page.fill("#filters input[name=country]", "KEN")
    page.click("#filters button[type=submit]")
    expect(rows(page)).to_have_count(expected["total"])
    shown = page.eval_on_selector_all("#events tbody tr", "rows => rows.map(r => r.dataset.id)")
    assert shown == [e["id"] for e in expected["items"]]
    assert "KEN" in page.text_content("#events tbody")
    page.screenshot(path=str(ARTIFACTS / "web-filter-country.png"), full_page=True)


def test_open_event_and_article(page, server):
    event = next(e for e in api(server, "/api/events?country=SDN&limit=50")["items"] if e.get("location"))
    page.click(f"#events tbody tr[data-id='{event['id']}']")
    page.wait_for_selector("#event-title")
    assert page.text_content("#evidence") == event["evidence"]["text"]
    assert "Incident" in page.text_content("#panel")
    page.screenshot(path=str(ARTIFACTS / "web-event.png"), full_page=True)
    page.click("#panel dd button.link")  # the article link
    page.wait_for_selector("#article-text")
    record = api(server, f"/api/articles/{event['article_id']}")
    assert page.text_content("#article-text") == record["text"]
    for kind in ("event", "actor", "place", "time"):
        assert page.locator(f"#article-text .m-{kind}").count() > 0, kind
    assert page.locator("#article-text .m-event.current").count() > 0
    page.screenshot(path=str(ARTIFACTS / "web-article.png"), full_page=True)
    # clicking highlighted evidence in the article opens that event
    page.locator("#article-text .m-event").first.click()
    page.wait_for_selector("#event-title")


def test_review_an_event_with_the_token(page, server):
    event = api(server, "/api/events?country=COD&limit=5")["items"][0]
    page.click(f"#events tbody tr[data-id='{event['id']}']")
    page.wait_for_selector("#reject")
    page.click("#reject")  # no token yet: refused in the UI
    expect(page.locator("#review-msg")).to_contain_text("token")
    assert api(server, f"/api/events/{event['id']}")["review"]["status"] == "unreviewed"
    page.fill("#reviewer", "tester")
    page.dispatch_event("#reviewer", "change")
    page.fill("#token", TOKEN)
    page.click("#save-token")
    page.click("#reject")
    expect(page.locator("#review-msg")).to_have_text("saved: reject")
    reviewed = api(server, f"/api/events/{event['id']}")
    assert reviewed["review"]["status"] == "rejected" and reviewed["review"]["reviewer"] == "tester"
    assert page.locator(f"#events tbody tr[data-id='{event['id']}']").count() == 0  # hidden by default
    assert "tester" in page.text_content("#audit")
    page.screenshot(path=str(ARTIFACTS / "web-review.png"), full_page=True)
    # a wrong token is reported, not silently ignored
    page.fill("#token", "not-the-token")
    page.click("#save-token")
    page.select_option("#edit-type", "COERCE")
    page.click("#edit")
    expect(page.locator("#review-msg")).to_contain_text("Error")


def test_hostile_article_text_is_shown_as_text(browser, server):
    # The page's Content-Security-Policy would stop inline payloads anyway; bypass it so
    # that this checks the escaping itself.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(server + "/#article=hostile")
    page.wait_for_selector("#article-text")
    assert page.text_content("#article-text") == HOSTILE_TEXT
    assert page.text_content("#article-title") == '<img src=x onerror="document.body.dataset.pwned = 5">Hostile'
    panel = page.locator("#panel")
    assert panel.locator("script").count() == 0 and panel.locator("img").count() == 0
    assert panel.locator("a[href^='javascript']").count() == 0
    assert "javascript:document.body.dataset.pwned = 4" in page.text_content("#panel")
    page.locator("#article-text .m-event").first.click()
    page.wait_for_selector("#event-title")
    assert "<script>Police</script>" in page.text_content("#panel")
    assert panel.locator("script").count() == 0
    page.goto(server + "/#article=hostile")
    page.wait_for_selector("#article-text")
    page.screenshot(path=str(ARTIFACTS / "web-hostile.png"), full_page=True)
    page.wait_for_timeout(300)
    assert page.locator("body[data-pwned]").count() == 0
    assert not errors, errors
    context.close()


def test_incident_view_shows_each_reports_version(page, server):
    incident_id = api(server, "/api/events/alpha-e1")["incident_id"]
    page.goto(f"{server}/#incident={incident_id}")
    page.wait_for_selector("#reports .report")
    reports = page.locator("#reports .report")
    expect(reports).to_have_count(2)
    alpha = page.locator("#reports .report[data-event='alpha-e1']")
    beta = page.locator("#reports .report[data-event='beta-e1']")
    expect(alpha.locator(".outlet")).to_have_text("Alpha Wire")
    expect(beta.locator(".outlet")).to_have_text("Beta News")
    expect(alpha).to_contain_text("Market attack in Kismayo (Alpha Wire)")
    assert alpha.locator("a[href='https://alpha.example/market']").count() == 1
    # each report's own version, with the disagreements marked
    expect(alpha.locator("dd[data-field=fatalities]")).to_have_text("5")
    expect(beta.locator("dd[data-field=fatalities]")).to_have_text("9")
    for report in (alpha, beta):
        assert "differs" in report.locator("dd[data-field=fatalities]").get_attribute("class")
        assert "differs" not in (report.locator("dd[data-field=location]").get_attribute("class") or "")
        expect(report.locator("dd[data-field=location]")).to_have_text("Kismayo, SOM")
        expect(report.locator("dd[data-field=date]")).to_have_text("2024-03-02 (day)")
    expect(beta.locator("dd[data-field=actors]")).to_contain_text("Al-Shabaab")
    expect(beta.locator(".evidence")).to_have_text(MARKET_TEXT["beta"])
    summary = page.locator("#disagreements .disagreement[data-field=fatalities]")
    expect(summary).to_have_text("Killed: 5 (Alpha Wire) vs 9 (Beta News)")
    expect(page.locator("#disagreements .disagreement[data-field=actors]")).to_have_text(
        "Actors: Gunmen (Alpha Wire) vs Al-Shabaab (Beta News)")
    page.screenshot(path=str(ARTIFACTS / "web-incident.png"), full_page=True)
    # from a report to its event
    beta.locator("button", has_text="open this report").click()
    page.wait_for_selector("#event-title")
    expect(page.locator("#evidence")).to_have_text(MARKET_TEXT["beta"])


def test_edit_an_events_actor_and_date_from_the_ui(page, server):
    page.fill("#reviewer", "editor")
    page.dispatch_event("#reviewer", "change")
    page.fill("#token", TOKEN)
    page.click("#save-token")
    page.click("#events tbody tr[data-id='alpha-e1']")
    page.wait_for_selector("#review-form")
    expect(page.locator("#edit-actors")).to_have_value("Gunmen")
    expect(page.locator("#edit-date")).to_have_value("2024-03-02")
    page.fill("#edit-actors", "Al-Shabaab")
    page.fill("#edit-date", "2024-03-01")
    page.fill("#review-note", "wire B names the group; the attack began the night before")
    page.click("#edit")
    expect(page.locator("#review-msg")).to_have_text("saved: edit")
    event = api(server, "/api/events/alpha-e1")
    assert event["actors"] == ["Q188924"] and event["actor_names"] == ["Al-Shabaab"]
    assert event["date"]["value"] == "2024-03-01" and event["date"]["basis"] == "reviewed"
    assert event["review"]["status"] == "edited" and event["review"]["reviewer"] == "editor"
    assert event["review"]["original"]["actors"] == ["ew:gunmen"]
    # shown everywhere: the event view, the audit trail, the table
    expect(page.locator("#machine-coding")).to_contain_text("2024-03-02")
    expect(page.locator("#audit")).to_contain_text("date: 2024-03-02 → 2024-03-01")
    expect(page.locator("#audit")).to_contain_text("actors: Gunmen → Al-Shabaab")
    row = page.locator("#events tbody tr[data-id='alpha-e1']")
    expect(row).to_contain_text("Al-Shabaab")
    expect(row).to_contain_text("2024-03-01")
    expect(row).to_contain_text("edited")
    page.screenshot(path=str(ARTIFACTS / "web-review-edit.png"), full_page=True)
    page.locator("#review-form").scroll_into_view_if_needed()
    page.locator("#panel").screenshot(path=str(ARTIFACTS / "web-review-form.png"))
    # a bad edit is refused with the server's message, and nothing changes
    page.fill("#edit-date", "2024-02-30")
    page.click("#edit")
    expect(page.locator("#review-msg")).to_contain_text("YYYY-MM-DD")
    assert api(server, "/api/events/alpha-e1")["date"]["value"] == "2024-03-01"
