"""Whose word on the client's address counts: the configured reverse proxy's, nobody else's."""

from __future__ import annotations

import ipaddress
import os

import uvicorn.config
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from indicators.i18n import t

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


def install() -> None:
    """Make uvicorn wrap the app in OnlyTheConfiguredProxy instead of its own ProxyHeadersMiddleware.

    `streamlit run serve.py` builds uvicorn's Config (and reads FORWARDED_ALLOW_IPS) before it
    imports serve.py, and wraps the app it imports right after; so the middleware class it looks up
    then is the one place left to say whom to believe. A bad setting stops the server here.
    """
    trusted_proxies()
    uvicorn.config.ProxyHeadersMiddleware = OnlyTheConfiguredProxy  # type: ignore[misc]
