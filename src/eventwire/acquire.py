"""Acquire: turn inputs (files, directories, JSONL, WARC, feeds, stdin, URLs) into RawDocs.

This is an edge of the pipeline: it does the I/O and nothing else.  A missing input
raises :class:`~eventwire.errors.InputError`; a document that cannot be used becomes a
:class:`RawDoc` carrying a coded ``error``, so that nothing disappears silently.
"""
from __future__ import annotations

import codecs
import io
import ipaddress
import json
import os
import re
import socket
import sys
import threading
import time
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from . import errors
from .config import Options
from .errors import InputError
from .records import ErrorInfo, RawDoc

# File suffixes picked up when a directory is walked; a file named explicitly is read
# whatever its suffix.
_DOC_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
_FEED_SUFFIXES = {".xml", ".rss", ".atom"}
_WALKED = set(_DOC_SUFFIXES) | _FEED_SUFFIXES | {".jsonl", ".warc", ".warc.gz"}
_JSONL_FIELDS = ("id", "url", "title", "published", "publisher")

# Magic numbers of formats that are not HTML or text.
_MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"), (b"PK\x03\x04", "ZIP"), (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf", "7z"),
    (b"Rar!", "RAR"), (b"\x7fELF", "ELF"), (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office"), (b"OggS", "Ogg"), (b"ID3", "MP3"), (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x1cftyp", "MP4"), (b"\x00\x00\x00 ftyp", "MP4"), (b"wOFF", "font"), (b"wOF2", "font"),
)
_RIFF = {b"WEBP": "WEBP", b"WAVE": "WAV", b"AVI ": "AVI"}

# Query parameters that only track the reader; dropped from canonical URLs.
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|"
    r"_hsenc|_hsmi|mkt_tok|ref_src|ref_url|cmpid|ocid|smid|icid|ncid|sr_share|share|s_cid|"
    r"__twitter_impression|at_medium|at_campaign|at_custom\d|ito)$",
    re.I,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


# --------------------------------------------------------------------------- inputs

def iter_inputs(inputs: Iterable[str], options: Options | None = None) -> Iterator[RawDoc]:
    """RawDocs for each input: a path, a directory (walked), ``-`` (stdin) or an http(s) URL.

    Raises ``InputError`` for an input that does not exist; per-document problems come
    back as RawDocs with ``error`` set.
    """
    options = options or Options()
    for item in inputs:
        item = str(item)
        if item == "-":
            yield from read_stream(sys.stdin.buffer, options, source="stdin")
        elif re.match(r"(?i)^https?://", item):
            yield fetch_url(item, options)
        else:
            path = Path(item)
            if path.is_dir():
                yield from _walk(path, options)
            elif path.exists():
                yield from read_path(path, options)
            else:
                raise InputError(f"input not found: {item} (give a file, a directory, '-' or an http(s) URL)")


def _walk(root: Path, options: Options) -> Iterator[RawDoc]:
    try:
        found = []
        for dirpath, dirnames, filenames in os.walk(root, onerror=_raise):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            found.extend(Path(dirpath, f) for f in filenames
                         if not f.startswith(".") and _suffix(Path(f)) in _WALKED)
    except OSError as exc:
        raise InputError(f"cannot read directory {root}: {exc.strerror or exc}") from None
    for path in sorted(found, key=lambda p: p.relative_to(root).parts):
        yield from read_path(path, options)


def _raise(exc: OSError) -> None:
    raise exc


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def read_path(path: str | Path, options: Options | None = None) -> Iterator[RawDoc]:
    """RawDocs from one file, by its suffix (``.jsonl``, ``.warc[.gz]``, feeds, else one document)."""
    options = options or Options()
    path = Path(path)
    source = str(path)
    suffix = _suffix(path)
    if suffix == ".jsonl":
        try:
            with path.open("rb") as fh:
                yield from _read_jsonl(fh, options, source)
        except OSError as exc:
            yield _error_doc(source, "E107", detail=exc.strerror or str(exc))
        return
    if suffix in (".warc", ".warc.gz"):
        yield from _read_warc(path, options)
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield _error_doc(source, "E103", size=size, limit=options.max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _error_doc(source, "E107", detail=exc.strerror or str(exc))
        return
    if suffix in _FEED_SUFFIXES and _looks_like_feed(data):
        yield from _read_feed(data, options, source)
        return
    yield make_doc(source, data, options, kind=_DOC_SUFFIXES.get(suffix, "auto"))


def make_doc(source: str, data: bytes | str, options: Options | None = None, *, kind: str = "auto",
             **fields: Optional[str]) -> RawDoc:
    """A RawDoc for one document, or one carrying E100/E101/E103 when the data is unusable."""
    options = options or Options()
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "replace"))
    if size > options.max_bytes:
        return _error_doc(source, "E103", size=size, limit=options.max_bytes, **fields)
    if isinstance(data, bytes):
        binary = sniff_binary(data)
        if binary:
            return _error_doc(source, "E101", kind=binary, **fields)
    text = decode(data)
    if not text.strip():
        return _error_doc(source, "E100", data=data, **fields)
    return RawDoc(source=source, data=data, kind=kind, **fields)


def _error_doc(source: str, code: str, data: bytes | str = b"", **details) -> RawDoc:
    fields = {k: details.pop(k) for k in _JSONL_FIELDS if k in details}
    fields = {k: v for k, v in fields.items() if v is not None}
    info = ErrorInfo(code, errors.describe(code, **details))
    return RawDoc(source=source, data=data if isinstance(data, (bytes, str)) else b"", error=info, **fields)


# --------------------------------------------------------------------------- stdin

def read_stream(stream: IO[bytes] | IO[str], options: Options | None = None, *,
                source: str = "stdin") -> Iterator[RawDoc]:
    """RawDocs from a stream: JSONL when every line is a JSON object, else one HTML/text document."""
    options = options or Options()
    try:
        data = stream.read(options.max_bytes + 1)
    except (OSError, ValueError) as exc:
        yield _error_doc(source, "E107", detail=str(exc))
        return
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > options.max_bytes:
        yield _error_doc(source, "E103", size=f"more than {options.max_bytes}", limit=options.max_bytes)
        return
    if sniff_stream(data) == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), options, source)
    else:
        yield make_doc(source, data, options)


def sniff_stream(data: bytes | str) -> str:
    """``"jsonl"``, ``"html"`` or ``"text"``: what a block of input data looks like."""
    text = decode(data) if isinstance(data, bytes) else data
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if lines and lines[0].startswith("{"):
        try:
            if all(isinstance(json.loads(line), dict) for line in lines[:50]):
                return "jsonl"
        except ValueError:
            pass
    return "html" if looks_like_html(text) else "text"


_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|section|main|span|a\s|br|h[1-6]|"
    r"ul|ol|li|table|figure|img|script|style|header|footer|nav)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML rather than page text (at least two tags near the start)."""
    head = text[:20_000]
    return head.lstrip().lower().startswith(("<!doctype html", "<html")) or len(_HTML_TAG.findall(head, 0)) >= 2


# --------------------------------------------------------------------------- JSONL

def _read_jsonl(fh: IO[bytes], options: Options, source: str) -> Iterator[RawDoc]:
    for number, line in enumerate(fh, start=1):
        where = f"{source}:{number}"
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        if len(line) > options.max_bytes:
            yield _error_doc(where, "E103", size=len(line), limit=options.max_bytes)
            continue
        try:
            obj = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield _error_doc(where, "E104", data=line, line=number, detail=f"not UTF-8: {exc.reason}")
            continue
        except ValueError as exc:
            yield _error_doc(where, "E104", data=line, line=number, detail=str(exc))
            continue
        if not isinstance(obj, dict):
            yield _error_doc(where, "E104", data=line, line=number, detail=f"a {type(obj).__name__}")
            continue
        fields = {k: str(obj[k]) for k in _JSONL_FIELDS if obj.get(k) not in (None, "")}
        html, text = obj.get("html"), obj.get("text")
        if isinstance(html, str) and html.strip():
            yield make_doc(where, html, options, kind="html", **fields)
        elif isinstance(text, str) and text.strip():
            yield make_doc(where, text, options, kind="auto", **fields)
        elif isinstance(html, str) or isinstance(text, str):
            yield _error_doc(where, "E100", data=line, **fields)
        else:
            yield _error_doc(where, "E105", data=line, line=number, **fields)


# --------------------------------------------------------------------------- WARC

def _read_warc(path: Path, options: Options) -> Iterator[RawDoc]:
    source = str(path)
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:  # pragma: no cover - fastwarc is a declared dependency
        yield _error_doc(source, "E106", detail="fastwarc is not installed (pip install fastwarc)")
        return
    count = 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh, record_types=WarcRecordType.response | WarcRecordType.resource,
                                      parse_http=True, auto_decode="all")
            for index, record in enumerate(records, start=1):
                doc = _warc_doc(record, f"{source}:{index}", options)
                if doc is not None:
                    count += 1
                    yield doc
    except Exception as exc:  # noqa: BLE001 - a damaged archive must not stop the run
        yield _error_doc(f"{source}:{count + 1}", "E106", detail=str(exc) or type(exc).__name__)
        return
    if count == 0:
        yield _error_doc(source, "E106", detail="no HTML or text response records")


def _warc_type(name: str):
    from fastwarc.warc import WarcRecordType

    return getattr(WarcRecordType, name)


def _warc_doc(record, where: str, options: Options) -> Optional[RawDoc]:
    headers = record.headers
    url = headers.get("WARC-Target-URI") or None
    if record.record_type == _warc_type("response"):
        http = record.http_headers
        if http is None or http.status_code != 200:
            return None
        ctype = (http.get("Content-Type") or "").lower()
    else:
        ctype = (headers.get("Content-Type") or "").lower()
    if ctype and not any(t in ctype for t in ("html", "text/plain", "xml")):
        return None  # images, scripts and the like are not articles
    if record.content_length > options.max_bytes:
        return _error_doc(where, "E103", size=record.content_length, limit=options.max_bytes, url=url)
    data = record.reader.read(options.max_bytes + 1)
    kind = "text" if "text/plain" in ctype else "html" if "html" in ctype else "auto"
    data = _with_header_charset(data, ctype)
    return make_doc(where, data, options, kind=kind, url=url)


def _with_header_charset(data: bytes, content_type: str) -> bytes | str:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "")
    if m:
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return data


# --------------------------------------------------------------------------- feeds

def _looks_like_feed(data: bytes) -> bool:
    head = data[:2000].lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def _read_feed(data: bytes, options: Options, source: str) -> Iterator[RawDoc]:
    try:
        import feedparser
    except ImportError:
        yield _error_doc(source, "E107", detail="reading feeds needs feedparser (pip install feedparser)")
        return
    parsed = feedparser.parse(data)
    publisher = (parsed.feed.get("title") or None) if parsed.get("feed") else None
    for index, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content") or []
        html = content[0].get("value") if content else entry.get("summary") or entry.get("description") or ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = "%04d-%02d-%02d" % tuple(stamp[:3]) if stamp else None
        yield make_doc(f"{source}:{index}", html, options, kind="html", id=entry.get("id") or None,
                       url=entry.get("link") or None, title=entry.get("title") or None,
                       published=published, publisher=publisher)
    if not parsed.entries:
        yield _error_doc(source, "E100")


# --------------------------------------------------------------------------- URLs

Resolver = Callable[[str], list[str]]
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 65536
# Test-only: exact loopback ``ip:port`` pairs let through the guard (the tests' own HTTP
# servers on 127.0.0.1).  Anything that is not a loopback address with a port is ignored,
# so the variable can never open private networks or cloud metadata addresses.
TEST_ALLOW_ENV = "EVENTWIRE_TEST_ALLOW_ADDRESSES"
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_NUMERIC_HOST = re.compile(r"(?i)^(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}$")


def _resolve(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})


def _test_allowed() -> frozenset[tuple[str, int]]:
    allowed = set()
    for item in os.environ.get(TEST_ALLOW_ENV, "").split(","):
        host, sep, port = item.strip().rpartition(":")
        try:
            ip = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            continue
        if sep and port.isdigit() and ip.is_loopback:
            allowed.add((str(ip), int(port)))
    return frozenset(allowed)


def address_refusal(address: str, port: int | None = None) -> Optional[str]:
    """Why a connection to IP ``address`` is not allowed (not a public unicast address), else None.

    IPv6 addresses that carry an IPv4 one (mapped, 6to4, Teredo, NAT64, the old
    IPv4-compatible form) are judged by the address they carry.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0].strip("[]"))
    except ValueError:
        return f"{address!r} is not an IP address"
    if port is not None and (str(ip), port) in _test_allowed():
        return None
    shown = ip
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        elif ip.sixtofour:
            ip = ip.sixtofour
        elif ip.teredo:
            server, client = ip.teredo
            ip = server if address_refusal(str(server)) else client
        elif any(ip in net for net in _NAT64):
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        elif int(ip) >> 32 == 0:  # ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
            return f"a non-public address ({shown})"
    bad = (not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip.is_loopback
           or ip.is_link_local or (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local))
    return f"a non-public address ({shown})" if bad else None


def _host_address(host: str) -> Optional[str]:
    """The IP a host written as an address stands for (decimal, octal and hex IPv4 spellings too)."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        try:  # 2130706433, 0177.0.0.1, 0x7f.1: what the resolver (inet_aton) makes of them
            return socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            return "invalid"
    return None


def _check_url(url: str, allow_private: bool, resolve: Optional[Resolver]):
    """(refusal, None) or (None, (scheme, host, port, path, addresses)) for ``url``."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"malformed URL: {exc}", None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return f"scheme {parts.scheme or '(none)'!r} is not http or https", None
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        return "no host", None
    if parts.username or parts.password:
        return "credentials in URLs are not accepted", None
    if port is None:
        port = _DEFAULT_PORTS[scheme]
    if not 0 < port < 65536:
        return f"bad port {port}", None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return "control characters or spaces in the URL", None
    literal = _host_address(host)
    if literal == "invalid":
        return f"host {host} is not a valid IP address", None
    if not allow_private and literal is None and (
            host == "localhost" or host.endswith((".localhost", ".local", ".internal"))):
        return f"host {host} is local", None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = (resolve or _resolve)(host)
        except (OSError, UnicodeError, ValueError) as exc:
            return f"host {host} could not be resolved ({exc})", None
        if not addresses:
            return f"host {host} has no address", None
    if not allow_private:
        for address in addresses:
            why = address_refusal(address, port)
            if why:
                return f"host {host} resolves to {why}", None
    path = urlunsplit(("", "", parts.path or "/", parts.query, "")) or "/"
    return None, (scheme, host, port, path, addresses)


def url_refusal(url: str, *, allow_private: bool = False, resolve: Optional[Resolver] = None) -> Optional[str]:
    """Why ``url`` must not be fetched (scheme, or a host on a non-public address), else None.

    ``resolve`` maps a host name to its addresses (default: the system resolver); tests
    pass a fake one.
    """
    return _check_url(url, allow_private, resolve)[0]


class _Deadline:
    """A total time limit over a whole fetch: each socket wait gets the time left, and a
    watchdog shuts the socket at the deadline, so a server dripping bytes is cut off."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False

    def left(self) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError(f"took longer than {self.seconds:g} s")
        return left

    def watch(self, sock: socket.socket) -> threading.Timer:
        def expire():
            self.expired = True
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        timer = threading.Timer(max(self.at - time.monotonic(), 0.0), expire)
        timer.daemon = True
        timer.start()
        return timer


def _connect(host: str, port: int, addresses: list[str], deadline: _Deadline, allow_private: bool) -> socket.socket:
    """A TCP connection to one of the checked ``addresses`` (never re-resolved), its peer checked again."""
    errors_seen = []
    for address in addresses:
        try:
            sock = socket.create_connection((address, port), timeout=deadline.left())
        except OSError as exc:
            errors_seen.append(f"{address}: {exc.strerror or exc}")
            continue
        peer = sock.getpeername()
        why = None if allow_private else address_refusal(peer[0], peer[1])
        if why:  # the address actually connected to, checked again
            sock.close()
            raise _Refused(f"connected to {why}")
        return sock
    raise OSError("could not connect (" + "; ".join(errors_seen) + ")" if errors_seen else "no address")


class _Refused(Exception):
    """A fetch refused on the way (a redirect or a connection to a forbidden address)."""


def fetch_url(url: str, options: Options | None = None, *, resolve: Optional[Resolver] = None) -> RawDoc:
    """Fetch one URL into a RawDoc; refusals (E108), failures (E109) and size (E103) come back as errors.

    Every hop (at most :data:`MAX_REDIRECTS` redirects) is checked before it is
    connected to, and the connection goes to the very addresses that were checked (no
    second DNS lookup: a rebinding name cannot swap them), whose peer address is checked
    again.  ``options.fetch_timeout`` bounds the whole fetch, redirects and a slow body
    included; the body is streamed and abandoned past ``options.max_bytes``.  Proxies
    from the environment are not used.
    """
    options = options or Options()
    allow = options.allow_private_urls
    deadline = _Deadline(options.fetch_timeout)
    current = url
    for hop in range(MAX_REDIRECTS + 1):
        reason, target = _check_url(current, allow, resolve)
        if reason:
            detail = reason if hop == 0 else f"redirect to {current} refused: {reason}"
            return _error_doc(url, "E108", detail=detail, url=url)
        scheme, host, port, path, addresses = target
        try:
            status, reason_phrase, headers, data, location = _get(scheme, host, port, path, addresses, deadline,
                                                                  allow, options.max_bytes)
        except _Refused as exc:
            return _error_doc(url, "E108", detail=str(exc), url=url)
        except _TooLarge as exc:
            return _error_doc(url, "E103", size=exc.size, limit=options.max_bytes, url=current)
        except Exception as exc:  # noqa: BLE001 - whatever the server does, the input becomes a record
            if deadline.expired or isinstance(exc, TimeoutError):  # every wait got only the time left
                detail = f"took longer than fetch_timeout ({options.fetch_timeout:g} s)"
            else:
                detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            return _error_doc(url, "E109", detail=detail, url=url)
        if status in _REDIRECTS and location:
            current = urljoin(current, location)
            continue
        if not 200 <= status < 300:
            return _error_doc(url, "E109", detail=f"HTTP {status} {reason_phrase}".strip(), url=url)
        ctype = headers.get("Content-Type", "")
        kind = "text" if "text/plain" in ctype.lower() else "html" if "html" in ctype.lower() else "auto"
        if sniff_binary(data):
            return make_doc(url, data, options, kind=kind, url=current)
        return make_doc(url, _with_header_charset(data, ctype), options, kind=kind, url=current)
    return _error_doc(url, "E109", detail=f"more than {MAX_REDIRECTS} redirects", url=url)


class _TooLarge(Exception):
    def __init__(self, size):
        super().__init__(size)
        self.size = size


def _get(scheme, host, port, path, addresses, deadline: _Deadline, allow_private: bool, max_bytes: int):
    """One GET: (status, reason, headers, body, Location), the body read in chunks against the limits."""
    import http.client

    raw = _connect(host, port, addresses, deadline, allow_private)
    timer = deadline.watch(raw)  # from here on, the TLS handshake included, the deadline holds
    sock = raw
    conn = response = None
    try:
        if scheme == "https":
            import ssl

            sock = ssl.create_default_context().wrap_socket(raw, server_hostname=host)
        conn_class = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        conn = conn_class(host, port, timeout=deadline.left())
        conn.sock = sock  # kept in ``sock`` too: http.client lets go of it once a response will close
        conn.request("GET", path, headers={
            "User-Agent": "eventwire/0.1 (+https://eventwire.example)",
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "identity", "Connection": "close"})
        sock.settimeout(deadline.left())
        response = conn.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if location:
                return response.status, response.reason, response.headers, b"", location
        declared = response.getheader("Content-Length") or ""
        if declared.strip().isdigit() and int(declared) > max_bytes:
            raise _TooLarge(int(declared))
        body = bytearray()
        while True:
            sock.settimeout(deadline.left())
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            body += chunk
            if len(body) > max_bytes:
                raise _TooLarge(f"more than {max_bytes}")
        if deadline.expired:  # the watchdog closed the socket: what was read is incomplete
            raise TimeoutError("deadline")
        return response.status, response.reason, response.headers, bytes(body), None
    finally:
        timer.cancel()
        if response is not None:
            response.close()
        if conn is not None:
            conn.close()
        sock.close()
        raw.close()


def canonical_url(url: str) -> str:
    """A canonical form of ``url`` for ids and de-duplication.

    Lower-cases scheme and host, drops the fragment, default ports, tracking
    parameters and a trailing slash, and sorts the query.
    """
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    try:
        host = host.encode("idna").decode("ascii").lower() if host else host
    except UnicodeError:
        host = host.lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query), doseq=True), ""))


# --------------------------------------------------------------------------- bytes

def sniff_binary(data: bytes) -> Optional[str]:
    """The name of a binary format ``data`` starts with, "NUL bytes" for other binary data, else None."""
    head = data[:16]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(b"RIFF") and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    sample = data[:8192]
    if b"\x00" in sample and _utf16_order(sample) is None and not sample.startswith(
            (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "NUL bytes"
    return None


def _utf16_order(data: bytes) -> Optional[str]:
    """``"utf-16-le"``/``"utf-16-be"`` for BOM-less UTF-16 (NULs on one side of most pairs)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    pairs = len(odd)
    # Text in UTF-16 has NULs on one side of its byte pairs only (ASCII letters, and the
    # spaces between words in other scripts); binary data has them anywhere.
    if odd.count(0) >= 0.15 * pairs and even.count(0) <= 0.02 * pairs:
        order = "utf-16-le"
    elif even.count(0) >= 0.15 * pairs and odd.count(0) <= 0.02 * pairs:
        order = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(order)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text[:2000] if ch < " " and ch not in "\t\n\r")
    return order if controls <= len(text[:2000]) * 0.01 else None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
# WHATWG: labels that browsers decode as a superset.
_SUPERSETS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
              "ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874", "gb2312": "gb18030",
              "gbk": "gb18030", "x-sjis": "shift_jis", "iso-8859-6": "iso-8859-6"}


def decode(data: bytes | str) -> str:
    """Text of ``data``: BOM, then a declared charset, then UTF-8, then detection. Never raises."""
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace")
    order = _utf16_order(data)
    if order:
        return data[: len(data) // 2 * 2].decode(order, "replace")
    declared = _DECLARED.search(data[:4096])
    if declared:
        label = (declared.group(1) or declared.group(2)).decode("ascii", "ignore").lower()
        label = _SUPERSETS.get(label, label)
        try:
            if codecs.lookup(label).name not in ("utf-16-le", "utf-16-be", "utf-16"):
                return data.decode(label)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


# Single-byte code pages tried, in order of preference on a tie, before a general
# detector: charset detectors often misread short samples of these.
_CODEPAGES = ("cp1254", "cp1252", "cp1256", "cp1250", "cp1253", "cp1255", "cp1251")
_SCRIPTS = ((0x00C0, 0x024F, "latin"), (0x0370, 0x03FF, "greek"), (0x0400, 0x04FF, "cyrillic"),
            (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0xFB50, 0xFEFF, "arabic"))
_CASED = {"latin", "greek", "cyrillic"}
_PUNCT = set("’‘“”„–—…«»°€£§©®™•·‹›±×÷¿¡،؛؟")
# The most frequent letters of each script's main languages: they break ties between
# code pages that all give well-formed words (Greek, Cyrillic and Hebrew often do).
_COMMON = {"cyrillic": set("оеаинтсрвл"), "greek": set("αοετινσκπρ"), "hebrew": set("יוהלארמשנת"),
           "arabic": set("اليمونهرب"), "latin": set("eaiotnsrlu")}


def _script(ch: str) -> str | None:
    code = ord(ch)
    for low, high, name in _SCRIPTS:
        if low <= code <= high:
            return name
    return None


def _plausibility(text: str) -> float:
    """Share of non-ASCII characters that sit in words of one script with sane casing,
    plus a small bonus for text made of its script's frequent letters."""
    good = total = common = letters_seen = 0
    for word in re.split(r"[\s'’\-–—/.,;:!?()\[\]\"“”«»]+", text):
        high = [ch for ch in word if not ch.isascii()]
        if not high:
            continue
        total += len(high)
        letters = [ch for ch in high if ch.isalpha()]
        if any(ch not in _PUNCT for ch in high if not ch.isalpha()):
            continue
        scripts = {_script(ch) for ch in letters}
        if len(scripts) > 1 or None in scripts:
            continue
        script = scripts.pop() if scripts else "latin"
        core = [ch for ch in word if ch.isalpha()]
        if script != "latin" and any(ch.isascii() for ch in core):
            continue
        if script == "latin" and len(core) > 3 and 2 * len(letters) > len(core):
            continue  # accented letters are a minority in Latin-script words
        if script in _CASED and len(core) > 1 and not all(ch.isupper() for ch in core):
            if any(ch.isupper() for ch in core[1:]):
                continue
        good += len(high)
        frequent = _COMMON[script]
        common += sum(1 for ch in core if ch.lower() in frequent)
        letters_seen += len(core)
    if not total:
        return 1.0
    return good / total + 0.05 * (common / letters_seen if letters_seen else 0)


def _detect(data: bytes) -> str:
    sample = data[:50_000]
    best, score = "cp1252", -1.0
    for encoding in _CODEPAGES:
        try:
            value = _plausibility(sample.decode(encoding))
        except UnicodeDecodeError:
            continue
        if value > score:
            best, score = encoding, value
    if score < 0.9:  # no code page gives clean words: ask a general detector
        try:
            from charset_normalizer import from_bytes

            found = from_bytes(data[:200_000]).best()
            if found is not None and found.encoding:
                return data.decode(found.encoding, "replace")
        except Exception:  # noqa: BLE001 - detection is a best effort, decoding must not fail
            pass
    return data.decode(best, "replace")
