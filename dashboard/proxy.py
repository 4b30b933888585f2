"""Whose word on the client's address counts: the configured reverse proxy's, nobody else's."""

from __future__ import annotations

import ipaddress
import os

import uvicorn.config
from starlette.types import Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from indicators.text.i18n import t

TRUSTED_PROXY_ENV = "INDICATORS_TRUSTED_PROXY"
# The value earlier releases documented, "1", meant nginx on the same machine (deploy/nginx.conf).
_SAME_MACHINE = ("127.0.0.1", "::1")


class ProxyAddressError(ValueError):
    """$INDICATORS_TRUSTED_PROXY holds something that is not an address: the server does not start."""


def trusted_proxies() -> list[str]:
    """The addresses (or networks) of the proxy from $INDICATORS_TRUSTED_PROXY; empty: no proxy.

    "127.0.0.1" (nginx on the same machine), "10.0.0.5,10.0.0.6", "10.0.0.0/24"; "1" still means
    the same machine.
    """
    raw = os.environ.get(TRUSTED_PROXY_ENV, "").strip()
    if not raw:
        return []
    if raw.casefold() in {"1", "true", "yes"}:
        return list(_SAME_MACHINE)
    found = [part.strip() for part in raw.split(",") if part.strip()]
    for part in found:
        try:
            ipaddress.ip_network(part, strict=False)
        except ValueError:
            raise ProxyAddressError(
                f"{TRUSTED_PROXY_ENV}={raw!r}: {t('proxy.bad_address', 'vi').format(part=part)} · "
                f"{t('proxy.bad_address', 'en').format(part=part)}"
            ) from None
    return found


class OnlyTheConfiguredProxy(ProxyHeadersMiddleware):
    """uvicorn's X-Forwarded-For handling, believed from the configured proxy only.

    uvicorn's own default believes any connection from this machine, so that anyone who can reach
    the app on the loopback interface chooses the address their sign-in failures are counted under.
    """

    def __init__(self, app: object, trusted_hosts: list[str] | str = "") -> None:
        # uvicorn passes its own setting (FORWARDED_ALLOW_IPS, loopback by default): replaced here.
        super().__init__(app, trusted_hosts=trusted_proxies())  # type: ignore[arg-type]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # type: ignore[override]
        """The peer in its IPv4 form first, then uvicorn's handling."""
        peer = scope.get("client")
        if peer:
            scope["client"] = (ipv4_form(peer[0]), peer[1])
        await super().__call__(scope, receive, send)  # type: ignore[arg-type]


def ipv4_form(host: str) -> str:
    """An IPv4 peer on a dual-stack socket ("::ffff:127.0.0.1") as itself ("127.0.0.1").

    Served without --server.address, Streamlit listens on "::" and every IPv4 peer arrives in that
    form, which matches neither "127.0.0.1" in the proxy setting nor the same client over IPv4.
    """
    try:
        mapped = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(mapped, ipaddress.IPv6Address) and mapped.ipv4_mapped is not None:
        return str(mapped.ipv4_mapped)
    return host


def install() -> None:
    """Make uvicorn wrap the app in OnlyTheConfiguredProxy instead of its own ProxyHeadersMiddleware.

    `streamlit run serve.py` builds uvicorn's Config (and reads FORWARDED_ALLOW_IPS) before it
    imports serve.py, and wraps the app it imports right after; so the middleware class it looks up
    then is the one place left to say whom to believe. A bad setting stops the server here.
    """
    trusted_proxies()
    uvicorn.config.ProxyHeadersMiddleware = OnlyTheConfiguredProxy  # type: ignore[misc]
