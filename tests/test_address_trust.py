"""Whose X-Forwarded-For is believed: the configured proxy's only, in uvicorn's middleware and served."""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from typing import Any

import pytest
import uvicorn.config
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from dashboard import proxy

CLIENT = "203.0.113.9"


def seen_client(middleware: Any, peer: str, forwarded: str = CLIENT) -> str:
    """The client address the app behind `middleware` sees for a request from `peer`."""
    seen: list[str] = []

    async def app(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        seen.append(scope["client"][0])

    scope = {
        "type": "http",
        "scheme": "http",
        "client": (peer, 40000),
        "headers": [(b"x-forwarded-for", forwarded.encode()), (b"x-real-ip", forwarded.encode())],
    }
    asyncio.run(middleware(app)(scope, None, None))
    return seen[0]


def test_uvicorn_alone_believes_any_loopback_peer() -> None:
    # Why the app replaces it: its default trusts whoever connects from this machine.
    assert seen_client(ProxyHeadersMiddleware, "127.0.0.1") == CLIENT


@pytest.mark.parametrize(
    ("setting", "peer", "expected"),
    [
        ("", "127.0.0.1", "127.0.0.1"),  # no proxy configured: a header from this machine is ignored
        ("", "198.51.100.4", "198.51.100.4"),
        ("10.0.0.5", "127.0.0.1", "127.0.0.1"),  # the proxy is elsewhere: this machine is not it
        ("10.0.0.5", "198.51.100.4", "198.51.100.4"),
        ("10.0.0.5", "10.0.0.5", CLIENT),  # from the proxy: honoured
        ("10.0.0.5, 10.0.0.6", "10.0.0.6", CLIENT),
        ("10.0.0.0/24", "10.0.0.77", CLIENT),
        ("127.0.0.1", "127.0.0.1", CLIENT),  # nginx on the same machine (deploy/nginx.conf)
        ("1", "127.0.0.1", CLIENT),  # what earlier releases documented: the same machine
        ("1", "198.51.100.4", "198.51.100.4"),
        # On a dual-stack socket (no --server.address) an IPv4 peer arrives as ::ffff:a.b.c.d.
        ("127.0.0.1", "::ffff:127.0.0.1", CLIENT),
        ("", "::ffff:198.51.100.4", "198.51.100.4"),
    ],
)
def test_only_the_configured_proxy_is_believed(
    monkeypatch: pytest.MonkeyPatch, setting: str, peer: str, expected: str
) -> None:
    monkeypatch.setenv(proxy.TRUSTED_PROXY_ENV, setting)
    assert seen_client(proxy.OnlyTheConfiguredProxy, peer) == expected


def test_a_bad_proxy_setting_is_a_plain_sentence_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(proxy.TRUSTED_PROXY_ENV, "127.0.0.1, nginx.local")
    with pytest.raises(proxy.ProxyAddressError) as refused:
        proxy.install()
    text = str(refused.value)
    assert "«nginx.local» không phải địa chỉ IP" in text and "«nginx.local» is not an IP address" in text


def test_installed_uvicorn_wraps_the_app_it_loads_in_the_app_s_middleware(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(uvicorn.config, "ProxyHeadersMiddleware", ProxyHeadersMiddleware)  # restored after
    monkeypatch.delenv(proxy.TRUSTED_PROXY_ENV, raising=False)
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)

    async def app(scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        pass

    # As `streamlit run serve.py` does: the Config first (uvicorn's default trust read then), the
    # app imported and wrapped later.
    config = uvicorn.Config(app)
    proxy.install()
    config.load()
    assert isinstance(config.loaded_app, proxy.OnlyTheConfiguredProxy)
    assert seen_client(lambda inner: config.loaded_app.__class__(inner), "127.0.0.1") == "127.0.0.1"
