"""The REST API and web UI: ``create_app`` builds the app, ``serve`` runs it (``eventwire serve``).

Reads are open; writes (``POST /api/articles``, reviews) need the bearer token from
``$EVENTWIRE_TOKEN`` or ``--token-file``.  With no token configured, writes are refused.
"""
from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from typing import Optional

from ..errors import UsageError

__all__ = ["create_app", "serve", "load_token"]


def create_app(store_url=None, token: Optional[str] = None, **options):
    """The FastAPI app over the store at ``store_url``; see :func:`eventwire.api.app.create_app`."""
    from .app import create_app as _create

    return _create(store_url, token, **options)


def load_token(token_file: Optional[str] = None, environ=os.environ) -> Optional[str]:
    """The write token from ``token_file`` (first line), else ``$EVENTWIRE_TOKEN``, else None."""
    if token_file:
        try:
            with open(token_file, encoding="utf-8") as fh:
                token = fh.readline().strip()
        except OSError as exc:
            raise UsageError(f"cannot read --token-file {token_file}: {exc.strerror}; "
                             "give a readable file holding the token") from None
        if not token:
            raise UsageError(f"--token-file {token_file} is empty; put the token on its first line")
        return token
    token = (environ.get("EVENTWIRE_TOKEN") or "").strip()
    return token or None


def serve(args: argparse.Namespace) -> int:
    """Run the API and web UI with uvicorn until interrupted."""
    import uvicorn

    token = load_token(getattr(args, "token_file", None))
    app = create_app(args.db, token, allow_private_urls=bool(getattr(args, "allow_private_urls", False)))
    where = f"http://{_url_host(args.host)}:{args.port}"
    sys.stderr.write(f"eventwire: serving {app.state.store!r} at {where}/ (API docs at {where}/docs)\n")
    if token is None:
        sys.stderr.write("eventwire: writes are disabled: set EVENTWIRE_TOKEN or use --token-file to enable them\n")
    elif len(token) < 16:
        sys.stderr.write("eventwire: warning: the write token is short; use 16 or more random characters\n")
    if not _loopback(args.host):
        sys.stderr.write(f"eventwire: warning: {args.host} is not loopback; anyone who can reach it can read the store\n")
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        app.state.store.close()
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
