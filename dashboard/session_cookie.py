"""The HTTP side of signing in: routes that set and clear the HttpOnly session cookie (served by serve.py)."""

from __future__ import annotations

import functools
import json
import os
import secrets
from urllib.parse import quote, unquote, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indicators.store import sessions
from indicators.store.database import Store, StoreError

SECRET_ENV = "INDICATORS_SESSION_SECRET"
SECURE_ENV = "INDICATORS_COOKIE_SECURE"
SIGN_IN_PATH = "/api/sign-in"
SIGN_OUT_PATH = "/api/sign-out"
# A sign-in body is a one-time ticket of some fifty bytes: anything much larger is not one.
MAX_BODY_BYTES = 4096
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


async def small_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes | None:
    """The request's body if it is at most `limit` bytes; None, having read no more than that, if not.

    Read as it streams in, so that a huge body costs the server `limit` bytes, not its size.
    """
    declared = request.headers.get("content-length", "")
    if declared and (not declared.isdigit() or int(declared) > limit):
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def _ticket_in(body: bytes) -> str:
    try:
        found = json.loads(body)
    except ValueError:
        return ""
    return str(found.get("ticket", "")) if isinstance(found, dict) else ""


async def _redeemed(ticket: str) -> tuple[str, str] | None:
    """The session token and account a ticket opens; None when it opens nothing (StoreError passes)."""
    token = await run_in_threadpool(sessions.redeem, _the_store(), ticket) if ticket else None
    found = await run_in_threadpool(sessions.who, _the_store(), token) if token else None
    return (token, found[0]) if token and found else None


async def sign_in(request: Request) -> Response:
    """A one-time ticket from the sign-in form exchanged for the session cookie (and the device's)."""
    if not _same_origin(request):
        return Response(status_code=403)
    body = await small_body(request)
    if body is None:
        return Response(status_code=413)
    try:
        opened = await _redeemed(_ticket_in(body))
    except StoreError:
        return Response(status_code=503)
    if opened is None:
        return Response(status_code=401)
    token, account = opened
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
    # The same device keeps its id; a device new to this account gets one.
    device = sessions.device_for(request.cookies.get(sessions.DEVICE_COOKIE), account, secret())
    response.set_cookie(
        sessions.DEVICE_COOKIE,
        sessions.device_value(account, device or sessions.new_device(), secret()),
        max_age=sessions.DEVICE_DAYS * 86400,
        path="/",
        httponly=True,
        samesite="strict",  # read only by the app's own websocket, never needed on a link from elsewhere
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


NEXT_COOKIE = "indicators_next"
_PROVIDER_LOGIN, _PROVIDER_CALLBACK = "/auth/login", "/oauth2callback"  # Streamlit's st.login routes


def _is_our_page(target: str) -> bool:
    """A path (and query) of one of the dashboard's pages: nothing that leads off the site."""
    parts = urlsplit(target)
    return (
        not parts.scheme
        and not parts.netloc
        and parts.path.startswith("/")
        and not parts.path.startswith(("//", "/auth/", _PROVIDER_CALLBACK, "/_stcore", "/api/"))
    )


def _page_of(referer: str | None, host: str) -> str:
    """The page a sign-in started from (path and query), if it is one of ours on this host; else ""."""
    parts = urlsplit(referer or "")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return target if parts.netloc == host and _is_our_page(target) else ""


def _cookie_header(value: str, max_age: int) -> str:
    return f"{NEXT_COOKIE}={value}; Max-Age={max_age}; Path=/; HttpOnly; SameSite=Lax"


class BackToThePageAsked:
    """st.login brings people back to the home page; this brings them back to the page they were on.

    On the way out (/auth/login) the page is kept in a short HttpOnly cookie; on the way back
    (/oauth2callback) Streamlit's redirect to "/" is pointed at that page, and the cookie dropped.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass every request on; touch only the two sign-in redirects."""
        if scope["type"] != "http" or scope["path"] not in (_PROVIDER_LOGIN, _PROVIDER_CALLBACK):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        page, back = "", ""
        if scope["path"] == _PROVIDER_LOGIN:
            page = _page_of(request.headers.get("referer"), request.headers.get("host", ""))
        elif _is_our_page(kept := unquote(request.cookies.get(NEXT_COOKIE, ""))):
            back = kept

        async def send_with_page(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if page:
                    headers.append("set-cookie", _cookie_header(quote(page, safe="/?=&"), 600))
                if scope["path"] == _PROVIDER_CALLBACK and request.cookies.get(NEXT_COOKIE) is not None:
                    if back and message["status"] in (302, 303, 307) and headers.get("location") == "/":
                        headers["location"] = back
                    headers.append("set-cookie", _cookie_header("", 0))
            await send(message)

        await self.app(scope, receive, send_with_page)


def middleware() -> list[Middleware]:
    """The middleware serve.py adds in front of Streamlit's own."""
    return [Middleware(BackToThePageAsked)]


_routes_served = False


def routes_served() -> bool:
    """True once serve.py has added the routes: app.py served alone has no way to set the cookie."""
    return _routes_served


def routes() -> list[Route]:
    """The two routes serve.py adds beside Streamlit's own."""
    global _routes_served
    _routes_served = True
    return [
        Route(SIGN_IN_PATH, sign_in, methods=["POST"]),
        Route(SIGN_OUT_PATH, sign_out, methods=["POST"]),
    ]
