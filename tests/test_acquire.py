"""Tests of the acquire stage: inputs to RawDocs, decoding, URLs. No network."""
from __future__ import annotations

import codecs
import dataclasses
import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire import acquire
from eventwire.acquire import (canonical_url, decode, fetch_url, iter_inputs, read_stream, sniff_binary,
                               sniff_stream, url_refusal)
from eventwire.config import Options
from eventwire.errors import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARABIC = "أعلنت الحكومة العراقية أنها سمحت لروسيا بضرب تنظيم الدولة الإسلامية داخل البلاد، وفق ما قال مسؤول عراقي كبير."
FRENCH = "Le gouvernement irakien a autorisé la Russie à frapper l'État islamique à l'intérieur du pays."
RUSSIAN = "Правительство Ирака разрешило России наносить удары по Исламскому государству внутри страны."


def docs(*inputs, **options):
    return list(iter_inputs([str(i) for i in inputs], dataclasses.replace(Options(), **options)))


def codes(found):
    return [d.error.code if d.error else None for d in found]


# --------------------------------------------------------------------------- canonical URLs

@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.COM:443/News/Story/?utm_source=x&id=7#comments",
         "https://www.example.com/News/Story?id=7"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/a/", "http://example.com:8080/a"),
        ("https://example.com/a?b=2&a=1&fbclid=XYZ&gclid=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/?utm_campaign=z", "https://example.com/"),
        ("https://example.com//a//b/", "https://example.com/a/b"),
        ("https://example.com/search?q=", "https://example.com/search?q="),
        ("https://bücher.example/katalog", "https://xn--bcher-kva.example/katalog"),
        ("not a url", "not a url"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected
    assert canonical_url(expected) == expected  # idempotent


# --------------------------------------------------------------------------- URL guard

def fake_resolver(table):
    def resolve(host):
        if host not in table:
            raise OSError("Name or service not known")
        return table[host]
    return resolve


RESOLVE = fake_resolver({"news.example": ["93.184.216.34"], "rebind.example": ["10.0.0.5"],
                         "mixed.example": ["93.184.216.34", "127.0.0.1"], "v6.example": ["2606:4700::1111"],
                         "rebind6.example": ["::ffff:10.0.0.5"], "meta.example": ["169.254.169.254"]})


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("https://news.example/story", None),
        ("https://v6.example/story", None),
        ("http://93.184.216.34/", None),
        ("http://localhost/admin", "local"),
        ("http://127.0.0.1:8000/", "non-public"),
        ("http://10.1.2.3/", "non-public"),
        ("http://192.168.0.1/", "non-public"),
        ("http://172.16.5.4/", "non-public"),
        ("http://169.254.169.254/latest/meta-data/", "non-public"),
        ("http://100.64.0.1/", "non-public"),
        ("http://0.0.0.0/", "non-public"),
        ("http://[::1]/", "non-public"),
        ("http://[::ffff:127.0.0.1]/", "non-public"),
        ("http://[fd00::1]/", "non-public"),
        ("http://[fe80::1]/", "non-public"),
        ("http://metadata.google.internal/computeMetadata/v1/", "local"),
        # other spellings of forbidden addresses: what inet_aton (and so the resolver) makes of them
        ("http://2130706433/", "non-public address (127.0.0.1)"),
        ("http://0177.0.0.1/", "non-public address (127.0.0.1)"),
        ("http://0x7f.1/", "non-public address (127.0.0.1)"),
        ("http://127.1/", "non-public address (127.0.0.1)"),
        ("http://0/", "non-public address (0.0.0.0)"),
        ("http://2852039166/latest/meta-data/", "non-public address (169.254.169.254)"),
        ("http://0251.0376.0251.0376/", "non-public address (169.254.169.254)"),
        ("http://0xa9fea9fe/", "non-public address (169.254.169.254)"),
        ("http://012.0.0.1/", "non-public address (10.0.0.1)"),
        ("http://172.31.255.1/", "non-public"),
        ("http://192.168.255.255/", "non-public"),
        ("http://224.0.0.1/", "non-public"),
        ("http://255.255.255.255/", "non-public"),
        ("http://08.0.0.1/", "not a valid IP address"),
        ("http://[::]/", "non-public"),
        ("http://[::127.0.0.1]/", "non-public"),
        ("http://[::ffff:a9fe:a9fe]/", "non-public"),
        ("http://[::ffff:8.8.8.8]/", None),
        ("http://[2002:7f00:1::1]/", "non-public"),          # 6to4 around 127.0.0.1
        ("http://[64:ff9b::a9fe:a9fe]/", "non-public"),      # NAT64 around 169.254.169.254
        ("http://[fc00::1]/", "non-public"),
        ("http://[fec0::1]/", "non-public"),
        ("http://[ff02::1]/", "non-public"),
        ("http://[fe80::1%25eth0]/", "non-public"),
        ("http://rebind6.example/", "non-public"),
        ("http://meta.example/", "non-public address (169.254.169.254)"),
        ("http://rebind.example/", "non-public"),
        ("http://mixed.example/", "non-public"),
        ("http://unknown.example/", "could not be resolved"),
        ("ftp://news.example/file", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("http://user:pw@news.example/", "credentials"),
        ("http:///nohost", "no host"),
    ],
)
def test_url_refusal(url, refused):
    reason = url_refusal(url, resolve=RESOLVE)
    if refused is None:
        assert reason is None
    else:
        assert reason is not None and refused in reason


def test_private_urls_allowed_on_request():
    assert url_refusal("http://127.0.0.1:8000/", allow_private=True, resolve=RESOLVE) is None
    assert url_refusal("ftp://127.0.0.1/", allow_private=True, resolve=RESOLVE) is not None


def test_refused_url_becomes_e108_without_fetching():
    doc = fetch_url("http://127.0.0.1:9/never", Options())
    assert doc.error.code == "E108" and "non-public" in doc.error.message
    assert doc.url == "http://127.0.0.1:9/never"


# --------------------------------------------------------------------------- decoding

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Plain ASCII".encode(), "Plain ASCII"),
        ("café “quoted”".encode("utf-8"), "café “quoted”"),
        (codecs.BOM_UTF8 + "café".encode(), "café"),
        (codecs.BOM_UTF16_LE + "Iraq وروسيا".encode("utf-16-le"), "Iraq وروسيا"),
        (codecs.BOM_UTF16_BE + "Iraq وروسيا".encode("utf-16-be"), "Iraq وروسيا"),
        ("Iraq authorises Russia".encode("utf-16-le"), "Iraq authorises Russia"),
        ("Iraq authorises Russia".encode("utf-16-be"), "Iraq authorises Russia"),
        (ARABIC.encode("utf-16-le"), ARABIC),
        (ARABIC.encode("utf-16-be"), ARABIC),
        (ARABIC.encode("cp1256"), ARABIC),
        (FRENCH.encode("cp1252"), FRENCH),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (b"caf\xe9 au lait", "café au lait"),
        (b'<meta charset="windows-1256"><p>' + "مرحبا".encode("cp1256"), '<meta charset="windows-1256"><p>مرحبا'),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93Hi\x94',
         '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>“Hi”'),
        (b'<meta charset="utf-8"><p>caf\xe9', '<meta charset="utf-8"><p>café'),  # wrong declaration
        ("already text", "already text"),
    ],
)
def test_decode(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("data", [b"\xff\xfe\xfd", bytes(range(256)), b"\x80" * 100, b"", b"\xff\xfe"])
def test_decode_never_raises(data):
    assert isinstance(decode(data), str)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WEBP"),
        (b"some\x00binary\x00\x01\x02\x03 data\xff\xfe\x00", "NUL bytes"),
        (b"<html><body>ok</body></html>", None),
        ("plain text".encode("utf-16-le"), None),
        (codecs.BOM_UTF16_LE + "text".encode("utf-16-le"), None),
    ],
)
def test_sniff_binary(data, kind):
    assert sniff_binary(data) == kind


# --------------------------------------------------------------------------- files

@pytest.mark.parametrize(
    ("name", "data", "code", "kind"),
    [
        ("empty.html", b"", "E100", None),
        ("blank.txt", b"  \n\t \r\n", "E100", None),
        ("blank16.txt", codecs.BOM_UTF16_LE + "   \n".encode("utf-16-le"), "E100", None),
        ("picture.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "E101", None),
        ("nul.txt", b"\x00\x01\x02\x03binary\x00\x00\xff\x10" * 4, "E101", None),
        ("page.html", b"<p>Hello</p>", None, "html"),
        ("page.htm", b"<p>Hello</p>", None, "html"),
        ("page.txt", "Une d\u00e9p\u00eache".encode("cp1252"), None, "text"),
        ("utf16.txt", codecs.BOM_UTF16_LE + "Iraq".encode("utf-16-le"), None, "text"),
        ("no-suffix", b"Some page text.", None, "auto"),
    ],
)
def test_read_single_files(tmp_path, name, data, code, kind):
    path = tmp_path / name
    path.write_bytes(data)
    [doc] = docs(path)
    assert doc.source == str(path)
    if code:
        assert doc.error.code == code
    else:
        assert doc.error is None and doc.kind == kind and doc.data == data


def test_binary_error_names_the_format(tmp_path):
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    [doc] = docs(path)
    assert doc.error.message == "input looks binary (PNG), not HTML or text"


def test_too_large_file_is_e103(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 200 + b"</p>")
    [doc] = docs(path, max_bytes=100)
    assert doc.error.code == "E103" and "207 bytes > 100 bytes" in doc.error.message


def test_missing_input_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="input not found: .*nope.html"):
        docs(tmp_path / "nope.html")


def test_directory_walk_is_recursive_sorted_and_skips_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second story.")
    (tmp_path / "b" / "1.html").write_text("<p>First story.</p>")
    (tmp_path / "a" / "z.jsonl").write_text('{"text": "A"}\n{"text": "B"}\n')
    (tmp_path / "c.htm").write_text("<p>Third.</p>")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    (tmp_path / ".DS_Store.txt").write_text("hidden")
    found = docs(tmp_path)
    rel = [d.source.replace(str(tmp_path) + "/", "") for d in found]
    assert rel == ["a/z.jsonl:1", "a/z.jsonl:2", "b/1.html", "b/2.txt", "c.htm"]
    assert docs(tmp_path) == found  # deterministic


# --------------------------------------------------------------------------- JSONL

def test_jsonl_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Russia bombed Aleppo.", "url": "https://x.example/a",
                    "title": "T", "published": "2015-10-31", "publisher": "X News"}),
        "",
        json.dumps({"html": "<p>Hi there</p>", "id": 7}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = docs(path)
    assert [d.source.rsplit("/", 1)[-1] for d in found] == [
        "batch.jsonl:1", "batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:5", "batch.jsonl:6",
        "batch.jsonl:7", "batch.jsonl:8"]
    assert codes(found) == [None, None, "E104", "E104", "E105", "E100", "E105"]
    first, second = found[0], found[1]
    assert (first.id, first.url, first.title, first.published, first.publisher, first.data, first.kind) == (
        "a1", "https://x.example/a", "T", "2015-10-31", "X News", "Russia bombed Aleppo.", "auto")
    assert (second.id, second.kind, second.data) == ("7", "html", "<p>Hi there</p>")
    assert found[2].error.message.startswith("JSONL line 4 is not a JSON object")
    assert found[3].error.message == "JSONL line 5 is not a JSON object (a list)"
    assert found[4].error.message == "JSONL line 6 has neither 'text' nor 'html'"
    assert found[4].title == "no body"


def test_jsonl_invalid_utf8_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    found = docs(path)
    assert codes(found) == ["E104", None]
    assert "not UTF-8" in found[0].error.message


# --------------------------------------------------------------------------- stdin

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'  {"html": "<p>a</p>"}  \n', "jsonl"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"<div><p>Fragment</p></div>", "html"),
        (b"Skip to main content\n\nIraq authorises Russia", "text"),
        (b"{not json} but text", "text"),
        ("<p>utf-16</p><p>page</p>".encode("utf-16"), "html"),
    ],
)
def test_sniff_stream(data, expected):
    assert sniff_stream(data) == expected


def test_read_stream_jsonl_and_page():
    found = list(read_stream(io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n'), Options()))
    assert [(d.source, d.data) for d in found] == [("stdin:1", "One."), ("stdin:2", "Two.")]
    [page] = read_stream(io.BytesIO(b"<html><body><p>One page.</p></body></html>"), Options())
    assert page.source == "stdin" and page.error is None and page.kind == "auto"
    [text] = read_stream(io.StringIO("Page text from a text stream."), Options())
    assert text.data == b"Page text from a text stream."
    [empty] = read_stream(io.BytesIO(b"  \n"), Options())
    assert empty.error.code == "E100"


def test_dash_reads_stdin(monkeypatch):
    class Stdin:
        buffer = io.BytesIO(b"Police arrested 12 people in Lagos on Sunday.")

    monkeypatch.setattr("sys.stdin", Stdin())
    [doc] = docs("-")
    assert doc.source == "stdin" and doc.data == b"Police arrested 12 people in Lagos on Sunday."


# --------------------------------------------------------------------------- WARC

def warc_record(kind: str, uri: str, payload: bytes, rid: int) -> bytes:
    headers = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{rid:012d}>\r\n"
               f"WARC-Date: 2015-10-31T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n")
    ctype = "application/http; msgtype=response" if kind == "response" else "application/http; msgtype=request"
    headers += f"Content-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n"
    return headers.encode() + payload + b"\r\n\r\n"


def http_response(body: bytes, ctype: str, status: str = "200 OK") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


def build_warc(compress: bool) -> bytes:
    page = "<html><body><p>Smoke rose over Baiji, officials said.</p></body></html>".encode("cp1256")
    records = [
        warc_record("request", "https://news.example/a", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", 1),
        warc_record("response", "https://news.example/a",
                    http_response(page, "text/html; charset=windows-1256"), 2),
        warc_record("response", "https://news.example/logo.png",
                    http_response(b"\x89PNG\r\n\x1a\n", "image/png"), 3),
        warc_record("response", "https://news.example/gone", http_response(b"<p>gone</p>", "text/html", "404 Not Found"), 4),
        warc_record("response", "https://news.example/b", http_response(b"Plain story text.", "text/plain"), 5),
    ]
    if compress:
        return b"".join(gzip.compress(r) for r in records)
    return b"".join(records)


@pytest.mark.parametrize("name,compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_responses_become_documents(tmp_path, name, compress):
    pytest.importorskip("fastwarc")
    path = tmp_path / name
    path.write_bytes(build_warc(compress))
    found = docs(path)
    assert codes(found) == [None, None]
    assert [d.url for d in found] == ["https://news.example/a", "https://news.example/b"]
    assert [d.kind for d in found] == ["html", "text"]
    assert found[0].data == "<html><body><p>Smoke rose over Baiji, officials said.</p></body></html>"
    assert all(d.source.startswith(str(path) + ":") for d in found)


def test_broken_warc_is_e106(tmp_path):
    pytest.importorskip("fastwarc")
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"this is not a warc file at all")
    found = docs(path)
    assert codes(found) == ["E106"]


# --------------------------------------------------------------------------- feeds

def test_rss_feed_items(tmp_path):
    pytest.importorskip("feedparser")
    path = tmp_path / "news.rss"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Delta Herald</title>
<item><title>Flood hits Dhaka</title><link>https://delta.example/flood</link><guid>d-1</guid>
<pubDate>Mon, 03 Aug 2020 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Floods hit Dhaka on Monday, killing three people.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://delta.example/empty</link><description></description></item>
</channel></rss>""", encoding="utf-8")
    found = docs(path)
    assert codes(found) == [None, "E100"]
    item = found[0]
    assert (item.title, item.url, item.id, item.published, item.publisher, item.kind) == (
        "Flood hits Dhaka", "https://delta.example/flood", "d-1", "2020-08-03", "Delta Herald", "html")


def test_seed_fixture_reads_as_html():
    [doc] = docs(FIXTURES / "mee-iraq-russia-2015.html")
    assert doc.kind == "html" and doc.error is None
    assert acquire.looks_like_html(decode(doc.data))
