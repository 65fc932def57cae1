"""The FastAPI application: store, token, one error shape, the web UI at ``/``.

Every error, whatever raised it (a route, validation, routing, a static file), is
answered as ``{"error": {"code": str, "message": str}}``.
"""
import hmac
import threading
from pathlib import Path
from typing import Any, Optional

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

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = _CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the API is under /api (see /docs)"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
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
        return error_response(503, "store_error", str(exc))

    @app.exception_handler(EventwireError)
    async def _eventwire(request: Request, exc: EventwireError):
        return error_response(400, "bad_request", str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        return error_response(500, "internal_error", f"internal error ({type(exc).__name__}); see the server log")

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
