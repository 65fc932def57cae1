"""The FastAPI application: store, token, one error shape, the web UI at ``/``.

Every error, whatever raised it (a route, validation, routing, a static file), is
answered as ``{"error": {"code": str, "message": str}}``.
"""
import hmac
import json
import logging
import re
import threading
from pathlib import Path
from typing import Any, Optional
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError, StoreError, UsageError

WEB = Path(__file__).resolve().parent.parent / "web"
VENDOR = WEB / "vendor"
TOKEN_HELP = ("set a write token: start `eventwire serve` with EVENTWIRE_TOKEN=<secret> in the "
              "environment, or with --token-file FILE")
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 406: "not_acceptable", 409: "conflict", 413: "too_large",
          415: "unsupported_media_type", 422: "invalid_request", 429: "too_many_requests",
          500: "internal_error", 503: "unavailable"}
_log = logging.getLogger("eventwire.api")
_READ_METHODS = {"GET", "HEAD", "OPTIONS"}
# The UI loads nothing from elsewhere; this header makes the browser hold it to that.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'")


class ApiError(Exception):
    """An error answered with ``status`` and the one error shape."""

    def __init__(self, status: int, code: str, message: str, headers: Optional[dict] = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(status: int, code: str, message: str, headers: Optional[dict] = None) -> JSONResponse:
    """The one error shape."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def check_token(request: Request) -> None:
    """Let a write through only with the configured bearer token."""
    token = request.app.state.token
    if not token:
        raise ApiError(403, "writes_disabled", f"writes are disabled because no token is configured; {TOKEN_HELP}")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="eventwire"'}
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "unauthorized",
                       "this endpoint needs the write token: send the header 'Authorization: Bearer <token>'",
                       challenge)
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise ApiError(401, "invalid_token", "the bearer token is not the server's write token", challenge)


def create_app(store_url: Any = None, token: Optional[str] = None, *, allow_private_urls: bool = False,
               pipeline: Any = None, store: Any = None, read_only: bool = False,
               cache_seconds: float = 5.0) -> FastAPI:
    """The API and web UI over the store at ``store_url`` (or an open ``store``).

    ``token``: the bearer token that write endpoints require; None disables writes.
    ``pipeline``: a :class:`~eventwire.pipeline.Pipeline` for ``POST /api/articles``
    (made on first use when not given).  ``cache_seconds``: how long read results are
    reused; writes through the API clear them at once, writes by other processes show
    after at most this long (0 turns the cache off).
    """
    from ..store import connect
    from ..store import review as _review
    from . import routes

    if store is None:
        store = connect(store_url, read_only=read_only)
    _review.ensure_tables(store)
    app = FastAPI(
        title="eventwire", version=_version(),
        description="Events coded from news, with their evidence, sources, incidents and reviews. "
                    "Reads are open; writes need `Authorization: Bearer <token>`. "
                    "Every error is `{\"error\": {\"code\", \"message\"}}`.",
        docs_url=None, redoc_url=None,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.allow_private_urls = allow_private_urls
    app.state.pipeline = pipeline
    app.state.pipeline_lock = threading.Lock()
    app.state.cache = routes.queries.ReadCache(ttl=cache_seconds, size=512 if cache_seconds > 0 else 0)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    def _token_first(request: Request) -> Optional[JSONResponse]:
        """The token's refusal, for a write whose request was found wrong before its route ran.

        FastAPI reads a declared body (and refuses one it cannot decode, 400, or validate,
        422) before the route's dependencies: a write without the token must be refused as
        such, not have its body judged.
        """
        if request.method in _READ_METHODS:
            return None
        try:
            check_token(request)
        except ApiError as refused:
            return error_response(refused.status, refused.code, refused.message, refused.headers)
        return None

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code not in (404, 405):  # routing errors stay what they are
            refused = _token_first(request)
            if refused is not None:
                return refused
        code = _CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is under /api (see /docs)"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        refused = _token_first(request)
        if refused is not None:
            return refused
        parts = []
        for err in exc.errors()[:3]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(422, "invalid_request", "; ".join(parts) or "invalid request")

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError):
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        # The detail names the store's file or server: it goes to the log, not to clients.
        _log.warning("store error on %s %s: %s", request.method, request.url.path, exc)
        return error_response(503, "store_error", "the store could not answer this request; see the server log")

    @app.exception_handler(EventwireError)
    async def _eventwire(request: Request, exc: EventwireError):
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        return error_response(500, "internal_error", f"internal error ({type(exc).__name__}); see the server log")

    app.add_middleware(_RequestGuard)
    app.add_middleware(_SecurityHeaders)
    app.include_router(routes.router)
    _docs(app)
    app.mount("/", StaticFiles(directory=str(WEB), html=True), name="web")
    return app


class _SecurityHeaders:
    """Adds nosniff and, outside /docs, the Content-Security-Policy (plain ASGI: cheap per request)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = [(b"x-content-type-options", b"nosniff")]
        if not scope.get("path", "").startswith("/docs"):
            extra.append((b"content-security-policy", _CSP.encode()))

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _RequestGuard:
    """Refuses, as the client's error (422 in the one error shape), request values that the
    stores cannot take as SQL parameters: NUL characters in the path or the query
    (PostgreSQL text cannot hold them) and integer query parameters, as the OpenAPI
    document declares them, outside 64 bits (a database conversion error otherwise).
    """

    LIMIT = 2 ** 63 - 1

    def __init__(self, app):
        self.app = app
        self._params: Optional[list[tuple[re.Pattern, frozenset]]] = None

    def _integer_params(self, scope) -> list[tuple[re.Pattern, frozenset]]:
        if self._params is None:
            found = []
            for path, operations in scope["app"].openapi().get("paths", {}).items():
                names = {p["name"] for op in operations.values() if isinstance(op, dict)
                         for p in op.get("parameters", []) if p.get("in") == "query"
                         and "integer" in json.dumps(p.get("schema", {}))}
                if names:
                    pattern = re.compile("^" + re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(path)) + "$")
                    found.append((pattern, frozenset(names)))
            self._params = found
        return self._params

    def _refusal(self, scope) -> Optional[str]:
        path = scope.get("path", "")
        if "\x00" in path:
            return "path: NUL characters are not allowed"
        if not scope.get("query_string"):
            return None
        query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        for name, value in query:
            if "\x00" in name or "\x00" in value:
                return f"query.{name.replace(chr(0), '')}: NUL characters are not allowed"
        integers = frozenset().union(*(names for pattern, names in self._integer_params(scope)
                                       if pattern.match(path)))
        for name, value in query:
            value = value.strip()
            if name in integers and re.fullmatch(r"[+-]?\d+", value) and (
                    len(value.lstrip("+-").lstrip("0")) > 19 or abs(int(value)) > self.LIMIT):
                return f"query.{name}: out of range (64-bit integers, at most {self.LIMIT})"
        return None

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            write = scope.get("method") not in _READ_METHODS
            if write and not _authorised(scope):
                return await self.app(scope, receive, send)  # the route refuses it for the token first
            why = self._refusal(scope)
            if why:
                return await error_response(422, "invalid_request", why)(scope, receive, send)
            if write and _is_json(scope):
                body, more, receive = await _buffered(scope, receive)
                if _JSON_NUL.search(body):
                    return await error_response(422, "invalid_request", "body: NUL characters are not allowed")(
                        scope, receive, send)
        await self.app(scope, receive, send)


# A NUL in a JSON body: the raw byte, or the escape \u0000 not itself escaped (\\u0000 is text).
_JSON_NUL = re.compile(rb"\x00|(?<!\\)(?:\\\\)*\\u0000")


def _is_json(scope) -> bool:
    for key, value in scope.get("headers", ()):
        if key == b"content-type":
            return value.split(b";")[0].strip().lower().endswith(b"json")
    return False


def _authorised(scope) -> bool:
    """Whether the request carries the write token (a write without it is refused as such, later)."""
    try:
        check_token(Request(scope))
    except ApiError:
        return False
    return True


async def _buffered(scope, receive):
    """The body (up to the API's body limit), whether more follows, and a ``receive`` that replays it."""
    from .routes import MAX_BODY

    chunks, size, more = [], 0, True
    while more and size <= MAX_BODY:
        message = await receive()
        if message["type"] != "http.request":
            more = False
            break
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        more = message.get("more_body", False)
    body = b"".join(chunks)
    replayed = False

    async def replay():
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": more}
        return await receive()

    return body, more, replay


def _docs(app: FastAPI) -> None:
    """Swagger UI at /docs, from the npm assets installed at setup when present."""
    from fastapi.openapi.docs import get_swagger_ui_html

    local = (VENDOR / "swagger-ui" / "swagger-ui-bundle.js").exists()

    @app.get("/docs", include_in_schema=False)
    async def docs():
        if local:
            return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                       swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
                                       swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
                                       swagger_favicon_url="/favicon.svg")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("eventwire")
    except Exception:  # noqa: BLE001 - an uninstalled checkout still serves
        return "0"
