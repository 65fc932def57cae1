"""Tests of the extract stage: page text and HTML to clean text, sections and metadata."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.errors import UsageError
from eventwire.extract import assemble, detect_language, extract, load_cues, truncate, validate_published
from eventwire.records import RawDoc

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
CORPUS = TESTS.parent.parent / "shared" / "corpus"
SEED_TXT = CORPUS / "mee-iraq-russia-2015.txt"
SEED_HTML = FIXTURES / "mee-iraq-russia-2015.html"
DATE_META = '<meta property="article:published_time" content="2015-10-31T09:12:00+00:00">'

needs_corpus = pytest.mark.skipif(not SEED_TXT.exists(), reason="shared corpus not present")


def run(data, **fields):
    return extract(RawDoc(source="test", data=data, **fields), Options())


def blocks(ext, kind):
    return [ext.text[s.start:s.end] for s in ext.sections if s.kind == kind]


def check_invariants(ext):
    """Sections tile the text: blocks in canonical order, separated by one blank line."""
    order = {"title": 0, "standfirst": 1, "caption": 2, "body": 3}
    pos = 0
    for i, s in enumerate(ext.sections):
        assert s.start == pos, (i, s)
        block = ext.text[s.start:s.end]
        assert block and block == block.strip() and "\n\n" not in block
        pos = s.end + 2
        if i:
            assert order[ext.sections[i - 1].kind] <= order[s.kind]
    assert pos - 2 == len(ext.text) or not ext.sections


# --------------------------------------------------------------------------- the seed page

@pytest.fixture(scope="module")
def seed_expected():
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((CORPUS / "mee-iraq-russia-2015.expected.yaml").read_text("utf-8"))["article"]


@needs_corpus
@pytest.mark.parametrize("path", [SEED_TXT, SEED_HTML], ids=["page-text", "html"])
def test_seed_article_meets_expectations(path, seed_expected):
    ext = run(path.read_bytes())
    check_invariants(ext)
    assert ext.status == "ok" and ext.errors == ()
    assert ext.title == seed_expected["title"]
    assert blocks(ext, "title") == [seed_expected["title"]]
    assert ext.publisher in seed_expected["publisher_any_of"]
    [standfirst] = blocks(ext, "standfirst")
    assert standfirst.startswith(seed_expected["standfirst_starts"])
    [caption] = blocks(ext, "caption")
    assert caption.startswith(seed_expected["caption_starts"]) and caption.endswith("(AA)")
    for junk in seed_expected["boilerplate_absent"]:
        assert junk not in ext.text
    assert ext.language == "en"
    assert ext.published.basis == "unknown" and ext.published.value is None


@needs_corpus
def test_seed_body_is_every_paragraph_in_order():
    ext = run(SEED_TXT.read_bytes())
    body = blocks(ext, "body")
    assert len(body) == 11
    assert body[0] == ("The Iraqi government authorised Russia to target Islamic State group convoys "
                       "coming from Syria, a senior Iraqi official said.")
    assert body[-1].startswith("Iraq has been gripped by a security vacuum since June 2014")
    assert body[4].endswith("using an Arabic acronym to refer to IS.")  # trailing space dropped


@needs_corpus
def test_html_page_gives_the_same_text_as_page_text():
    from_text = run(SEED_TXT.read_bytes())
    from_html = run(SEED_HTML.read_bytes())
    assert from_html.text == from_text.text
    assert from_html.sections == from_text.sections
    html_only_junk = ["Accept all cookies", "We use cookies", "Share on Facebook", "Read more",
                      "Battle for Baiji refinery", "All rights reserved", "Topics", "Opinion"]
    for junk in html_only_junk:
        assert junk not in from_html.text


@pytest.mark.parametrize(
    ("edit", "published", "expected"),
    [
        (None, None, (None, "unknown")),
        (DATE_META, None, ("2015-10-31", "metadata")),
        (DATE_META, "2015-11-02", ("2015-11-02", "given")),
        (None, "2015-10-31", ("2015-10-31", "given")),
    ],
)
def test_html_published_basis(edit, published, expected):
    html = SEED_HTML.read_text("utf-8")
    if edit:
        html = html.replace('<meta property="og:type" content="article">', f'<meta property="og:type" content="article">{edit}')
    ext = run(html, published=published)
    assert (ext.published.value, ext.published.basis) == expected


def test_date_in_url_counts_as_metadata():
    ext = run("Russia bombed targets near Aleppo on Friday, officials said.",
              url="https://news.example/2016/02/05/aleppo-strikes/")
    assert (ext.published.value, ext.published.basis) == ("2016-02-05", "metadata")


# --------------------------------------------------------------------------- other page texts

PAGE_TEXTS = {
    "daily-tern-nairobi-2021.txt": dict(
        title="Kenyan police fire tear gas at fuel price protesters in Nairobi",
        standfirst="Thousands marched on parliament as lawmakers debated a new tax on fuel and mobile money.",
        captions=["Protesters run from tear gas outside parliament in Nairobi on 11 March 2021. Photo: John Smith/Tern"],
        byline="Jane Doe", publisher="The Daily Tern", published=("2021-03-12", "metadata"),
        body_first="Police in Kenya's capital fired tear gas on Thursday",
        body_last="Opposition leaders called for further demonstrations next week.", body_count=5,
        absent=["cookies", "Manage preferences", "Home > World", "By Jane Doe", "Updated 12 March",
                "Share this article", "Read more", "Related", "Kenya raises fuel prices", "Follow us",
                "All rights reserved", "Politics"],
    ),
    "harbour-post-flood-2019.txt": dict(
        title="Floodwaters force thousands from homes along the Red River",
        standfirst=None,
        captions=["Residents wait for evacuation buses in Fargo, North Dakota, on Monday. (Reuters)"],
        byline="Carlos Rivera and Emily Chen", publisher="The Harbour Post", published=("2019-03-26", "metadata"),
        body_first="FARGO, N.D. — Rising floodwaters", body_last='"We are not out of the woods yet,"',
        body_count=5,
        absent=["Sign in", "Subscribe", "Advertisement", "NEWS | WEATHER", "Published March", "By Carlos",
                "Share", "Most Read", "Local team wins", "Terms of Use", "Copyright"],
    ),
    "nordic-ledger-port-2023.txt": dict(
        title="Norway's sovereign fund sells stake in port operator over labour concerns",
        standfirst=("The fund said the company had failed to address reports of unsafe conditions at two "
                    "terminals, a rare divestment on social grounds"),
        captions=["A container ship is unloaded at a terminal in Gdansk, Poland. Photograph: Marek Nowak "
                  "for the Nordic Ledger"],
        byline="Ingrid Solberg", publisher="The Nordic Ledger", published=("2023-06-14", "metadata"),
        body_first="Norway's $1.4 trillion sovereign wealth fund",
        body_last="The company did not respond to a request for comment.", body_count=3,
        absent=["Skip to content", "Menu", "Listen to this article", "min read", "Ingrid Solberg, Oslo",
                "Reporting by", "Sign up", "newsletter", "About the Nordic Ledger", "independent news publication"],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGE_TEXTS))
def test_page_text_layouts(name):
    want = PAGE_TEXTS[name]
    ext = run((FIXTURES / name).read_bytes())
    check_invariants(ext)
    assert ext.status == "ok"
    assert ext.title == want["title"]
    assert blocks(ext, "standfirst") == ([want["standfirst"]] if want["standfirst"] else [])
    assert blocks(ext, "caption") == want["captions"]
    assert ext.byline == want["byline"]
    assert ext.publisher == want["publisher"]
    assert (ext.published.value, ext.published.basis) == want["published"]
    body = blocks(ext, "body")
    assert len(body) == want["body_count"]
    assert body[0].startswith(want["body_first"])
    assert body[-1].startswith(want["body_last"])
    for junk in want["absent"]:
        assert junk not in ext.text, junk


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Russia bombed targets near Aleppo on Friday, officials said.", ["body"]),
        ("Russia bombs Aleppo", ["body"]),  # a headline alone is still text
        ("Iraq invites Russia\n\nIraq has invited Russia to strike targets, an official said.\n\nMore later.",
         ["title", "body", "body"]),
        ("First paragraph of a story that was\nhard-wrapped at a fixed width by\nsomeone's mail client.",
         ["body"]),
    ],
)
def test_small_page_texts(text, kinds):
    ext = run(text)
    check_invariants(ext)
    assert [s.kind for s in ext.sections] == kinds
    assert ext.status == "ok"


def test_given_title_is_used_and_found_in_text():
    text = "Iraq invites Russia to strike\n\nIraq has invited Russia to strike IS targets, an official said."
    ext = run(text, title="Iraq invites Russia to strike")
    assert blocks(ext, "title") == ["Iraq invites Russia to strike"]
    assert len(blocks(ext, "body")) == 1
    ext = run("Iraq has invited Russia to strike IS targets, an official said.", title="Iraq invites Russia")
    assert blocks(ext, "title") == ["Iraq invites Russia"] and ext.title == "Iraq invites Russia"


def test_given_publisher_wins():
    ext = run(SEED_HTML.read_bytes(), publisher="MEE")
    assert ext.publisher == "MEE"


# --------------------------------------------------------------------------- HTML odds and ends

@pytest.mark.parametrize(
    ("html", "body"),
    [
        ("<p>Russia bombed targets near Aleppo on Friday, officials said.</p><p>Share on Facebook</p>",
         ["Russia bombed targets near Aleppo on Friday, officials said."]),
        ("<html><body><nav><ul><li>Home</li><li>World</li><li>Sport</li></ul></nav>"
         "<article><h1>Flood hits Dhaka</h1><p>Floods hit Dhaka on Monday, killing three people, police said.</p>"
         "</article><footer>© 2020 Delta Herald. All rights reserved.</footer></body></html>",
         ["Floods hit Dhaka on Monday, killing three people, police said."]),
    ],
)
def test_short_html_falls_back_to_page_text(html, body):
    ext = run(html)
    check_invariants(ext)
    assert blocks(ext, "body") == body


def test_html_in_a_text_named_input_is_sniffed():
    ext = extract(RawDoc("x.jsonl:1", "<div><p>Police arrested 12 protesters in Lagos on Sunday.</p>"
                                      "<p>They were released later that day.</p></div>", kind="auto"))
    assert "<p>" not in ext.text and blocks(ext, "body")[0].startswith("Police arrested")


def test_html_declared_windows_1256_is_decoded_and_skipped_as_arabic():
    text = "أعلنت الحكومة العراقية أنها سمحت لروسيا بضرب تنظيم الدولة الإسلامية داخل البلاد، وفق ما قال مسؤول عراقي كبير."
    html = f'<html><head><meta charset="windows-1256"></head><body><p>{text}</p></body></html>'.encode("cp1256")
    ext = run(html)
    assert text in ext.text
    assert ext.language == "ar" and ext.status == "skipped"
    assert [e.code for e in ext.errors] == ["E201"] and "ar" in ext.errors[0].message


# --------------------------------------------------------------------------- status and limits

@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouvernement irakien a autorisé la Russie à frapper l'État islamique à l'intérieur du pays, "
         "a déclaré un haut responsable mardi dans la capitale.", "fr"),
        ("El gobierno iraquí autorizó a Rusia a atacar al Estado Islámico dentro del país, según dijo un alto "
         "funcionario en la capital el martes por la noche.", "es"),
        ("Die irakische Regierung hat Russland erlaubt, den Islamischen Staat im Land anzugreifen, sagte ein "
         "hoher Beamter am Freitag in der Hauptstadt.", "de"),
        ("أعلنت الحكومة العراقية أنها سمحت لروسيا بضرب تنظيم الدولة الإسلامية داخل البلاد", "ar"),
        ("Правительство Ирака разрешило России наносить удары по Исламскому государству", "ru"),
        ("Уряд Іраку дозволив Росії завдавати ударів по Ісламській державі", "uk"),
        ("イラク政府はロシアに国内のイスラム国への攻撃を許可した。", "ja"),
        ("伊拉克政府授权俄罗斯在境内打击伊斯兰国组织。", "zh"),
        ("The Iraqi government authorised Russia to target Islamic State group convoys coming from Syria.", "en"),
        ("Russia bombs Aleppo", "en"),
        ("", None),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_non_english_is_skipped_with_e201():
    ext = run("Le gouvernement irakien a autorisé la Russie à frapper l'État islamique à l'intérieur du pays, "
              "a déclaré un haut responsable mardi dans la capitale.")
    assert ext.status == "skipped" and ext.language == "fr"
    assert ext.errors[0].code == "E201" and "fr" in ext.errors[0].message


@pytest.mark.parametrize("text", ["Skip to main content\nMenu\nSign in\n© 2020 Example News. All rights reserved.",
                                  "   \n\t", "<html><body><nav>Home</nav></body></html>"])
def test_nothing_left_is_skipped_with_e200(text):
    ext = run(text)
    assert ext.status == "skipped" and [e.code for e in ext.errors] == ["E200"]
    assert not any(s.kind == "body" for s in ext.sections)


def test_long_text_is_truncated_with_e302():
    body = "\n\n".join(f"Paragraph {i} says that the talks in Geneva went on for another day." for i in range(50))
    options = dataclasses.replace(Options(), max_chars=500)
    ext = extract(RawDoc("long", body), options)
    assert ext.status == "ok" and [e.code for e in ext.errors] == ["E302"]
    assert len(ext.text) <= 500 and ext.text == ext.text.rstrip()
    assert ext.sections[-1].end == len(ext.text)
    for s in ext.sections:
        assert 0 <= s.start < s.end <= len(ext.text)


def test_truncate_clips_sections():
    text, sections = assemble("Title here", None, [], ["one two three", "four five six"])
    cut, kept = truncate(text, sections, 20)
    assert cut == "Title here\n\none two"
    assert [(s.kind, cut[s.start:s.end]) for s in kept] == [("title", "Title here"), ("body", "one two")]


# --------------------------------------------------------------------------- published

@pytest.mark.parametrize(
    ("value", "expected"),
    [("2015-10-31", "2015-10-31"), (" 2015-10-31 ", "2015-10-31"), ("2015-10-31T09:12:00Z", "2015-10-31"),
     ("2015-10-31T09:12:00+03:00", "2015-10-31")],
)
def test_validate_published(value, expected):
    assert validate_published(value) == expected


@pytest.mark.parametrize("value", ["31/10/2015", "2015-13-01", "2015-02-30", "yesterday", "2015-10", "20151031"])
def test_bad_published_is_a_usage_error(value):
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        run("Russia bombed targets near Aleppo on Friday.", published=value)


# --------------------------------------------------------------------------- cues, imports, speed

def test_user_cue_file_extends_packaged_cues(tmp_path):
    extra = tmp_path / "cues.toml"
    extra.write_text('lines = ["support quality journalism"]\n', encoding="utf-8")

    @dataclasses.dataclass(frozen=True)
    class WithCues(Options):
        boilerplate_files: tuple[str, ...] = ()

    text = ("Russia bombed targets near Aleppo on Friday, officials said.\n\nSupport quality journalism\n\n"
            "The strikes hit a market, residents said.")
    assert "Support quality" in extract(RawDoc("x", text), Options()).text
    ext = extract(RawDoc("x", text), WithCues(boilerplate_files=(str(extra),)))
    assert "Support quality" not in ext.text
    assert "skip to main content" in load_cues((str(extra),)).nav_lines


def test_importing_stages_does_not_import_heavy_libraries():
    code = ("import sys, eventwire.acquire, eventwire.extract; "
            "heavy = [m for m in ('trafilatura', 'htmldate', 'spacy', 'lxml', 'fastwarc') if m in sys.modules]; "
            "print(heavy); sys.exit(1 if heavy else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@needs_corpus
def test_page_text_extraction_is_fast():
    data = SEED_TXT.read_bytes()
    extract(RawDoc("warm", data))
    start = time.perf_counter()
    for _ in range(20):
        extract(RawDoc("seed", data))
    assert (time.perf_counter() - start) / 20 < 0.05


# -- consent banners, timestamps under bylines, publishers without a copyright name -------

_PAGE = """{top}
Home
World
Politics
Sport

{banner}

Storm floods the harbour district as river bursts its banks

Residents were moved to schools overnight as water rose two metres in the old town

{byline}

Water rose quickly in the harbour district on Monday after the river burst its banks, officials said.

Rescue teams moved more than 300 people to schools and sports halls overnight, the city council said.

{footer}
"""


@pytest.mark.parametrize("banner", [
    "We and our partners use cookies and similar technologies to show relevant advertising.\nAccept | Reject | Settings",
    "We store data on your device to measure audiences and personalise ads.\nAccept all / Manage preferences",
    "Your privacy matters to us. You can change your choice at any time.\nOK",
])
def test_consent_banner_is_dropped(banner):
    ext = run(_PAGE.format(top="HARBOUR LEDGER", banner=banner, byline="", footer="© 2024 Harbour Ledger"))
    assert ext.title == "Storm floods the harbour district as river bursts its banks"
    assert blocks(ext, "standfirst") == ["Residents were moved to schools overnight as water rose two metres in the old town"]
    for line in banner.splitlines():
        assert line not in ext.text
    check_invariants(ext)


@pytest.mark.parametrize("byline,published,name", [
    ("By Jane Mwangi in Mombasa\n13 November 2025, 14:05 EAT", "2025-11-13", "Jane Mwangi"),
    ("By Ola Berg\n3 May 2019 09:30 CEST", "2019-05-03", "Ola Berg"),
    ("By Ana de la Cruz\nMarch 2, 2021, 8:15 am GMT+1", "2021-03-02", "Ana de la Cruz"),
])
def test_timestamp_under_byline_is_the_published_date(byline, published, name):
    ext = run(_PAGE.format(top="", banner="", byline=byline, footer=""))
    assert ext.published.value == published and ext.published.basis == "metadata"
    assert ext.byline == name
    for line in byline.splitlines():
        assert line not in ext.text
    given = extract(RawDoc(source="t", data=_PAGE.format(top="", banner="", byline=byline, footer=""),
                           published="2025-01-01"), Options())
    assert given.published.basis == "given"


def test_by_signing_up_is_not_a_byline():
    ext = run(_PAGE.format(top="", banner="", byline="", footer="By signing up you agree to our privacy policy."))
    assert ext.byline is None and "By signing up" not in ext.text


@pytest.mark.parametrize("top,footer,publisher", [
    ("HARBOUR LEDGER", "Harbour Ledger © 2024. All rights reserved. About us | Contact", "Harbour Ledger"),
    ("HARBOUR LEDGER", "Harbour Ledger is reader-funded. Support us from $3 a month.", "Harbour Ledger"),
    ("HARBOUR LEDGER", "Terms | Privacy\nHarbour Ledger newsletter, every Friday", "Harbour Ledger"),
    ("", "© 2023 The Delta Courier. All rights reserved.", "The Delta Courier"),
])
def test_publisher_from_footer_or_masthead(top, footer, publisher):
    ext = run(_PAGE.format(top=top, banner="", byline="", footer=footer))
    assert ext.publisher == publisher


def test_publisher_from_dateline_credit():
    page = ("Storm floods the harbour district as river bursts its banks\n\n"
            "Rescuers carry a child through flood water in the old town on Monday (Harbour Ledger/Kim Lee)\n\n"
            "BERGEN (Harbour Ledger) — Water rose quickly in the harbour district on Monday after the river "
            "burst its banks, officials said.\n\nRescue teams moved more than 300 people to schools overnight.\n")
    assert run(page).publisher == "Harbour Ledger"
