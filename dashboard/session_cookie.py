"""The HTTP side of signing in: routes that set and clear the HttpOnly session cookie (served by serve.py)."""

from __future__ import annotations

import functools
import os
import secrets
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from indicators import sessions
from indicators.store import Store, StoreError

SECRET_ENV = "INDICATORS_SESSION_SECRET"
SECURE_ENV = "INDICATORS_COOKIE_SECURE"
SIGN_IN_PATH = "/api/sign-in"
SIGN_OUT_PATH = "/api/sign-out"
# Without a configured secret, one per server process: the routes and the app share the process,
# and a restart then ends every sign-in (set $INDICATORS_SESSION_SECRET to keep them).
_PROCESS_SECRET = secrets.token_urlsafe(32)


def secret() -> str:
    """The key that signs the cookie: $INDICATORS_SESSION_SECRET, else this process's own."""
    return os.environ.get(SECRET_ENV) or _PROCESS_SECRET


@functools.cache
def _the_store() -> Store:
    # One engine for the routes, made on first use (the app's own is in dashboard.state).
    return Store()


def _same_origin(request: Request) -> bool:
    """A browser's POST from another site carries its own Origin: refused (no cross-site sign-in)."""
    origin = request.headers.get("origin")
    return origin is None or urlsplit(origin).netloc == request.headers.get("host", "")


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or os.environ.get(SECURE_ENV, "").strip() in {"1", "true", "yes"}


async def sign_in(request: Request) -> Response:
    """A one-time ticket from the sign-in form exchanged for the session cookie."""
    if not _same_origin(request):
        return Response(status_code=403)
    try:
        body = await request.json()
        ticket = str(body.get("ticket", "")) if isinstance(body, dict) else ""
    except ValueError:
        ticket = ""
    try:
        token = await run_in_threadpool(sessions.redeem, _the_store(), ticket) if ticket else None
    except StoreError:
        return Response(status_code=503)
    if token is None:
        return Response(status_code=401)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(
        sessions.COOKIE_NAME,
        sessions.cookie_value(token, secret()),
        max_age=sessions.lifetime_seconds(),
        path="/",
        httponly=True,  # never readable by scripts in the page
        samesite="lax",  # sent when following a link here, not with another site's requests
        secure=_secure(request),
    )
    return response


async def sign_out(request: Request) -> Response:
    """The cookie cleared, and every session of its account ended."""
    if not _same_origin(request):
        return Response(status_code=403)
    token = sessions.token_of(request.cookies.get(sessions.COOKIE_NAME), secret())
    if token is not None:
        try:
            found = await run_in_threadpool(sessions.who, _the_store(), token)
            if found is not None:
                await run_in_threadpool(sessions.end_everywhere, _the_store(), found[0])
        except StoreError:
            pass  # the cookie is cleared all the same; the session expires on its own
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(
        sessions.COOKIE_NAME, path="/", httponly=True, samesite="lax", secure=_secure(request)
    )
    return response


def routes() -> list[Route]:
    """The two routes serve.py adds beside Streamlit's own."""
    return [
        Route(SIGN_IN_PATH, sign_in, methods=["POST"]),
        Route(SIGN_OUT_PATH, sign_out, methods=["POST"]),
    ]
