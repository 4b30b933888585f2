"""A server reads the newest data version before it reports healthy, then reads each new one as it comes."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from dashboard import computed, state
from indicators.store.database import StoreError

log = logging.getLogger(__name__)
READY = threading.Event()  # set once the newest version is read (or cannot be: pages then say why)
# How often a server asks the store for a newer version. A commit's figures are then ready before
# most viewers ask: the first view after an import need not wait for them (bench/follow.py).
FOLLOW_SECONDS = 1.0
# How often the heap that page runs freed is given back to the system (state.release_freed_memory):
# a run of the year page frees some hundred megabytes at national scale, which glibc would keep for good.
TRIM_SECONDS = 10.0
HEALTH_PATH = "/_stcore/health"


def _read_newest() -> int | None:
    """The newest version, read; None when the store cannot be read (each page then says why)."""
    try:
        return state.warm()
    except (StoreError, SQLAlchemyError) as exc:
        # Health must not wait for ever on a store that cannot be read: each page says why in words.
        log.warning("could not read the newest data version: %s", exc)
        return None


def _prepare(version: int | None, prepared: int | None) -> int | None:
    """What the first views of a new version need, computed before a reader asks; the version prepared."""
    if version is None or version == prepared:
        return prepared
    try:
        computed.warm(version)
    except (StoreError, SQLAlchemyError) as exc:
        log.warning("could not prepare data version %s: %s", version, exc)
    return version


def _warm_then_follow(stop: threading.Event) -> None:
    """Read the newest version, say the server is ready, then follow the store until the server stops.

    Each new version's shared values are computed as soon as it is read, after the server says it
    is ready: a reader who comes a moment after an import finds them done.
    """
    try:
        newest = _read_newest()
    finally:
        READY.set()
    prepared = _prepare(newest, None)
    trimmed = time.monotonic()
    while not stop.wait(FOLLOW_SECONDS):
        prepared = _prepare(_read_newest(), prepared)
        # Here, not after each page run: a reader never waits for it.
        if time.monotonic() - trimmed >= TRIM_SECONDS:
            state.release_freed_memory()
            trimmed = time.monotonic()


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """The server's lifetime: the reader starts with it (in a thread, so the server answers at once)."""
    stop = threading.Event()
    threading.Thread(target=_warm_then_follow, args=(stop,), name="data-versions", daemon=True).start()
    try:
        yield
    finally:
        stop.set()


class _HealthWhileWarming:
    """Streamlit's health check answers 503 until the newest version is read: a proxy or a
    deployment waits for a server that can draw a page at once, not one that shows a blank minute."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].endswith(HEALTH_PATH) and not READY.is_set():
            reply = PlainTextResponse("đang nạp số liệu · loading data", status_code=503)
            await reply(scope, receive, send)
            return
        await self.app(scope, receive, send)


def middleware() -> list[Middleware]:
    """The health check's gate, for serve.py."""
    return [Middleware(_HealthWhileWarming)]
