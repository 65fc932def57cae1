"""Bad input gets a defined outcome, never a traceback or a silent drop.

A corpus of hostile and broken files is written to a temporary folder; each has the
outcome a user should see (a status and a coded reason, or a clean record).  A
Hypothesis run throws random bytes and text at the input path.
"""
from __future__ import annotations

import gzip
import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.acquire import iter_inputs, make_doc
from eventwire.config import Options
from eventwire.extract import extract

ARTICLE = ("Police fired tear gas at protesters in the capital on Tuesday, witnesses said. "
           "The interior ministry said 12 people were arrested. ") * 4

ARABIC = "قالت الشرطة إن المتظاهرين تجمعوا في وسط المدينة يوم الثلاثاء واعتقل عشرات الأشخاص. " * 5
RUSSIAN = "Полиция заявила, что в центре города во вторник собрались протестующие и были задержаны десятки человек. " * 5
FRENCH = ("La police a déclaré que des manifestants se sont rassemblés mardi dans le centre de la ville "
          "et que des dizaines de personnes ont été arrêtées. ") * 5


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "hello")
    return buf.getvalue()


def _warc_truncated() -> bytes:
    body = f"<html><head><title>t</title></head><body><p>{ARTICLE}</p></body></html>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a\r\n"
              b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http)
    return gzip.compress(record)[:-40]


# name -> (bytes, expected status, expected error code or None, extra check)
CASES = {
    "empty.html": (b"", "error", "E100"),
    "blank.txt": (b" \n\t\n   \n", "error", "E100"),
    "pdf.html": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)), "error", "E101"),
    "png.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "error", "E101"),
    "zip.html": (_zip_bytes(), "error", "E101"),
    "invalid-utf8.txt": (ARTICLE.encode()[:100] + b"\xff\xfe\xc3\x28" + ARTICLE.encode()[100:], "ok", None),
    "utf16-bom.txt": (ARTICLE.encode("utf-16"), "ok", None),
    "utf16-nobom.txt": (ARTICLE.encode("utf-16-le"), "ok", None),
    "arabic-1256.txt": (ARABIC.encode("windows-1256"), "skipped", "E201"),
    "arabic.txt": (ARABIC.encode(), "skipped", "E201"),
    "russian.txt": (RUSSIAN.encode(), "skipped", "E201"),
    "french.txt": (FRENCH.encode(), "skipped", "E201"),
    "nested.html": (("<div>" * 10000 + f"<p>{ARTICLE}</p>" + "</div>" * 10000).encode(), "ok", None),
    "script-title.html": (f"<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Protest</title></head>"
                          f"<body><h1><script>alert(2)</script>Protest in the capital</h1><p>{ARTICLE}</p>"
                          f"<p>{ARTICLE}</p></body></html>".encode(), "ok", None),
    "bad.jsonl": (b'{"id": "good", "text": "' + ARTICLE.encode() + b'"}\nthis is not json\n[1, 2]\n', None, None),
    "truncated.warc.gz": (_warc_truncated(), None, None),
}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    for name, (data, *_rest) in CASES.items():
        (root / name).write_bytes(data)
    (root / "huge.html").write_bytes(b"<html><body>" + b"<p>word </p>" * 5_000_000 + b"</body></html>")
    return root


def _records(pipeline, root):
    return list(pipeline.process_many(iter_inputs([str(root)], pipeline.options)))


@pytest.mark.model
def test_bad_input_corpus_has_defined_outcomes(pipeline, bad_corpus):
    records = _records(pipeline, bad_corpus)
    by_source: dict[str, list] = {}
    for rec in records:
        by_source.setdefault(rec.source.split("/")[-1].split(":")[0].split("#")[0], []).append(rec)
    # Nothing is dropped: every file gives at least one record.
    assert set(CASES) | {"huge.html"} <= set(by_source), set(CASES) - set(by_source)
    for name, (_data, status, code) in CASES.items():
        if status is None:
            continue
        (rec,) = by_source[name]
        assert rec.status == status, (name, rec.status, rec.errors)
        if code:
            assert code in {e.code for e in rec.errors}, (name, rec.errors)
    (huge,) = by_source["huge.html"]
    assert huge.status == "error" and huge.errors[0].code == "E103"
    # The language is named in the reason.
    assert "ar" in by_source["arabic.txt"][0].errors[0].message
    assert "ru" in by_source["russian.txt"][0].errors[0].message
    assert "fr" in by_source["french.txt"][0].errors[0].message
    # JSONL: the good line is processed, the bad lines are records with a reason.
    jsonl = by_source["bad.jsonl"]
    assert [r.status for r in jsonl] == ["ok", "error", "error"]
    assert {r.errors[0].code for r in jsonl[1:]} == {"E104"}
    # A truncated WARC gives a record saying so, or the records it could read.
    warc = by_source["truncated.warc.gz"]
    assert warc and all(r.status in ("ok", "error") for r in warc)
    assert any(r.status == "error" and r.errors[0].code == "E106" for r in warc) or all(r.status == "ok" for r in warc)


@pytest.mark.model
def test_script_in_title_stays_text(pipeline, bad_corpus):
    (rec,) = [r for r in _records(pipeline, bad_corpus) if r.source.endswith("script-title.html")]
    # Script elements are not article text; an escaped tag in <title> is kept as plain text
    # (it is escaped wherever it is shown) and spans still point into the text.
    assert "alert(2)" not in rec.text
    assert rec.status == "ok" and "Protest" in (rec.title or "")
    for ev in rec.events:
        assert rec.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text


def test_cli_never_prints_a_traceback(tmp_path):
    import subprocess
    import sys

    for name, (data, *_rest) in CASES.items():
        (tmp_path / name).write_bytes(data)
    out = subprocess.run([sys.executable, "-m", "eventwire", "process", str(tmp_path), "--format", "jsonl"],
                         capture_output=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert b"Traceback" not in out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(lines) >= len(CASES)


OPTIONS = Options()

# The strategies and checks are shared with bench/fuzz_long.py, which runs them for far
# more cases than CI does: keep them importable (module level, no fixtures).
INPUT_DATA = st.one_of(
    st.binary(max_size=3000), st.text(max_size=3000).map(str.encode),
    st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</script>", "<title>",
                              "&amp;", "&#x0;", "\x00", "\n\n", "Police said", "\u202e",
                              "“", "”", "'", '"', "©", "Share", "Subscribe", "2015-10-31"]),
             max_size=200).map(lambda xs: "".join(xs).encode("utf-8", "surrogatepass")))

PIPELINE_TEXT = st.lists(st.sampled_from([
    "Russia", "Iraq", "IS", "the Kremlin", "Ankara", "said", "told", "Reuters", "\"", "“", "”", "(", ")",
    "[", "]", "on Friday", "since June 2014", "killed", "12", "protesters", "air strikes", "in", "Mosul",
    "refuse to", "would", "not", ".", ",", "\n\n", "he", "they", "according to", "accused", "of"]),
    min_size=1, max_size=120).map(" ".join)


def check_input_path(data: bytes, options: Options = OPTIONS) -> str:
    """acquire + extract on ``data``: a coded refusal or a well-formed extraction, never an exception.

    Returns the outcome (``E1xx`` refusal code, else the extraction status).
    """
    raw = make_doc("fuzz", data, options)
    if raw.error is not None:
        assert raw.error.code.startswith("E1")
        return raw.error.code
    ext = extract(raw, options)
    assert ext.status in ("ok", "skipped", "error")
    for sec in ext.sections:
        assert 0 <= sec.start <= sec.end <= len(ext.text)
    return ext.status


def check_pipeline(pipeline, text: str) -> str:
    """The whole pipeline on ``text``: a status, no stage crash (E300), every span pointing into the text.

    Returns the article's status (and its first error code, if any).
    """
    from .test_records import iter_spans

    art = pipeline.process(text, published="2015-10-31")
    assert art.status in ("ok", "skipped", "error")
    assert not any(e.code == "E300" for e in art.errors), art.errors
    record = art.to_dict()
    for _path, span in iter_spans(record):
        assert record["text"][span["start"]:span["end"]] == span["text"]
    return art.status + (f" {art.errors[0].code}" if art.errors else "")


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(INPUT_DATA)
def test_fuzz_acquire_and_extract(data):
    check_input_path(data)


@pytest.mark.model
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(PIPELINE_TEXT)
def test_fuzz_whole_pipeline(pipeline, text):
    check_pipeline(pipeline, text)


@pytest.mark.model
def test_pathological_article_hits_time_limit_and_batch_goes_on(monkeypatch):
    import time as _time

    from eventwire import coding
    from eventwire.pipeline import Pipeline

    original = coding.code_events

    def slow(doc, analysis, lexicon, *rest):
        if "SLOWCASE" in analysis.text:
            _time.sleep(3)
        return original(doc, analysis, lexicon, *rest)

    monkeypatch.setattr(coding, "code_events", slow)
    pipe = Pipeline({"time_limit": 0.5})
    arts = list(pipe.process_many([ARTICLE + " SLOWCASE", ARTICLE]))
    assert [a.status for a in arts] == ["error", "ok"]
    assert arts[0].errors[-1].code == "E301" and "analysis" in arts[0].errors[-1].message
    assert arts[0].text  # the clean text is kept with the error: nothing is lost
