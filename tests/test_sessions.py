"""Sign-in sessions: one-time tickets, tokens kept only as hashes, expiry, ending everywhere, the cookie."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select
from starlette.testclient import TestClient

from dashboard import session_cookie
from indicators.store import accounts, sessions
from indicators.store.accounts import Role
from indicators.store.database import Store, sign_in_sessions

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOW = 1_800_000_000.0


@pytest.fixture
def lan(store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    monkeypatch.delenv(sessions.HOURS_ENV, raising=False)
    accounts.add_user(store, "lan", "analyst", "mây trắng đỉnh Pu Ta Leng")
    return store


def rows(store: Store) -> list[tuple[str, str, str, int]]:
    with store.engine.connect() as conn:
        found = conn.execute(
            select(
                sign_in_sessions.c.token_hash,
                sign_in_sessions.c.account,
                sign_in_sessions.c.kind,
                sign_in_sessions.c.expires_at,
            )
        ).all()
    return [tuple(r) for r in found]


def test_a_ticket_opens_one_session_of_eight_hours_and_the_store_keeps_only_hashes(lan: Store) -> None:
    ticket = sessions.open_ticket(lan, "lan", now=NOW)
    assert rows(lan) == [(hashlib.sha256(ticket.encode()).hexdigest(), "lan", "ticket", NOW + 60)]
    token = sessions.redeem(lan, ticket, now=NOW + 5)
    assert token is not None and len(token) >= 43  # 32 random bytes
    assert sessions.redeem(lan, ticket, now=NOW + 6) is None  # a ticket is used once
    assert rows(lan) == [(hashlib.sha256(token.encode()).hexdigest(), "lan", "session", NOW + 5 + 8 * 3600)]
    assert sessions.who(lan, token, now=NOW + 8 * 3600) == ("lan", Role.ANALYST)
    assert sessions.who(lan, token, now=NOW + 5 + 8 * 3600) is None  # expired
    assert sessions.who(lan, ticket, now=NOW + 10) is None  # a ticket is not a session


def test_a_late_ticket_opens_nothing(lan: Store) -> None:
    ticket = sessions.open_ticket(lan, "lan", now=NOW)
    assert sessions.redeem(lan, ticket, now=NOW + 61) is None
    assert rows(lan) == []


@pytest.mark.parametrize(
    ("hours", "seconds"), [("", 8 * 3600), ("0,5", 1800), ("24", 86_400), ("abc", 8 * 3600)]
)
def test_the_lifetime_is_configurable(monkeypatch: pytest.MonkeyPatch, hours: str, seconds: int) -> None:
    monkeypatch.setenv(sessions.HOURS_ENV, hours)
    assert sessions.lifetime_seconds() == seconds


def open_session(store: Store, account: str = "lan") -> str:
    token = sessions.redeem(store, sessions.open_ticket(store, account))
    assert token is not None
    return token


@pytest.mark.parametrize(
    "ending",
    [
        lambda s: sessions.end_everywhere(s, "lan"),
        lambda s: accounts.set_password(s, "lan", "suối Tả Lèng chảy về xuôi"),
        lambda s: accounts.remove_user(s, "lan"),
    ],
    ids=["sign-out", "new password", "account removed"],
)
def test_sign_out_a_new_password_or_removal_ends_every_session(lan: Store, ending: object) -> None:
    accounts.add_user(lan, "an", "admin", "suối Nậm Mu mùa lũ về")
    first, second, other = open_session(lan), open_session(lan), open_session(lan, "an")
    ending(lan)  # type: ignore[operator]
    assert sessions.who(lan, first) is None and sessions.who(lan, second) is None
    assert sessions.who(lan, other) == ("an", Role.ADMIN)  # another account's session stays


def test_the_role_is_read_from_the_account_not_kept_with_the_session(lan: Store) -> None:
    token = open_session(lan)
    accounts.remove_user(lan, "lan")
    accounts.add_user(lan, "lan", "viewer", "mây trắng đỉnh Pu Ta Leng")
    assert sessions.who(lan, token) is None  # removal ended it; a new account is a new sign-in
    token = open_session(lan)
    assert sessions.who(lan, token) == ("lan", Role.VIEWER)


def test_the_cookie_is_the_signed_token_and_a_changed_one_is_refused() -> None:
    value = sessions.cookie_value("abc", "bi-mat")
    assert value.startswith("abc.")
    assert sessions.token_of(value, "bi-mat") == "abc"
    assert sessions.token_of(value, "bi-mat-khac") is None
    assert sessions.token_of("xyz" + value[3:], "bi-mat") is None
    assert sessions.token_of("", "bi-mat") is None and sessions.token_of(None, "bi-mat") is None


def test_a_store_of_the_previous_release_gains_the_table_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "store_release_0.sqlite", path)
    store = Store(f"sqlite:///{path}", seed=None)
    assert "sign_in_sessions" not in inspect(store.engine).get_table_names()
    before = store.versions()[["version", "account", "action"]].to_dict("records")
    store.ensure()
    assert "sign_in_sessions" in inspect(store.engine).get_table_names()
    assert store.versions()[["version", "account", "action"]].to_dict("records") == before
    # Its accounts sign in and stay signed in.
    token = open_session(store, "canbo")
    assert sessions.who(store, token) == ("canbo", Role.ANALYST)


def client() -> TestClient:
    from starlette.applications import Starlette

    return TestClient(Starlette(routes=session_cookie.routes()), base_url="http://dashboard.test")


def test_the_sign_in_route_sets_an_http_only_samesite_cookie_holding_only_the_signed_token(
    lan: Store,
) -> None:
    session_cookie._the_store.cache_clear()
    ticket = sessions.open_ticket(lan, "lan")
    reply = client().post(session_cookie.SIGN_IN_PATH, json={"ticket": ticket})
    assert reply.status_code == 204
    header = reply.headers["set-cookie"]
    assert header.startswith(f"{sessions.COOKIE_NAME}=")
    attributes = {a.strip().split("=")[0].lower() for a in header.split(";")[1:]}
    assert {"httponly", "samesite", "max-age", "path"} <= attributes
    assert "samesite=lax" in header.lower() and "max-age=28800" in header.lower()
    value = header.split(";")[0].split("=", 1)[1]
    assert "lan" not in value and "analyst" not in value  # no name, no role: a token only
    token = sessions.token_of(value, session_cookie.secret())
    assert token is not None and sessions.who(lan, token) == ("lan", Role.ANALYST)
    # The ticket was used: a second try gets nothing.
    again = client().post(session_cookie.SIGN_IN_PATH, json={"ticket": ticket})
    assert again.status_code == 401 and "set-cookie" not in again.headers


def test_the_routes_refuse_another_site_and_sign_out_ends_the_session(lan: Store) -> None:
    session_cookie._the_store.cache_clear()
    ticket = sessions.open_ticket(lan, "lan")
    cross = client().post(
        session_cookie.SIGN_IN_PATH, json={"ticket": ticket}, headers={"Origin": "https://evil.example"}
    )
    assert cross.status_code == 403
    browser = client()
    assert browser.post(session_cookie.SIGN_IN_PATH, json={"ticket": ticket}).status_code == 204
    token = sessions.token_of(browser.cookies[sessions.COOKIE_NAME], session_cookie.secret())
    assert token is not None
    reply = browser.post(session_cookie.SIGN_OUT_PATH)
    assert reply.status_code == 204 and "max-age=0" in reply.headers["set-cookie"].lower()
    assert sessions.who(lan, token) is None


def _post_streamed(chunks: int, chunk: bytes, headers: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """A POST to the sign-in route fed `chunks` pieces as the server asks: (status, pieces it asked for)."""
    import asyncio

    from starlette.applications import Starlette

    asked, statuses = 0, []

    async def receive() -> dict[str, Any]:
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": chunk, "more_body": asked < chunks}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    scope = {
        "type": "http",
        "method": "POST",
        "path": session_cookie.SIGN_IN_PATH,
        "raw_path": session_cookie.SIGN_IN_PATH.encode(),
        "query_string": b"",
        "headers": [(b"host", b"dashboard.test"), *headers],
        "scheme": "http",
        "server": ("dashboard.test", 80),
        "client": ("198.51.100.4", 5000),
    }
    asyncio.run(Starlette(routes=session_cookie.routes())(scope, receive, send))
    return statuses[0], asked


def test_the_sign_in_route_stops_reading_a_large_body_and_answers_413() -> None:
    # 200 MB in 64 KiB pieces, sent without a length (chunked): the route stops at the first piece.
    status, asked = _post_streamed(3200, b"x" * 65536, [])
    assert status == 413 and asked == 1
    # Sent in small pieces: it stops just past the limit, not at the end.
    status, asked = _post_streamed(10_000, b"x" * 512, [])
    assert status == 413 and asked == session_cookie.MAX_BODY_BYTES // 512 + 1
    # A declared length over the limit is refused before a byte is read.
    status, asked = _post_streamed(3200, b"x" * 65536, [(b"content-length", str(200 * 2**20).encode())])
    assert status == 413 and asked == 0
    status, _ = _post_streamed(1, b"x", [(b"content-length", b"-5")])
    assert status == 413


def test_a_small_wrong_body_is_still_a_plain_401() -> None:
    assert _post_streamed(1, b'{"ticket": "nothing"}', [])[0] == 401
    assert _post_streamed(1, b"not json", [])[0] == 401


def test_signing_in_remembers_the_device_for_that_account_only(lan: Store) -> None:
    session_cookie._the_store.cache_clear()
    browser = client()
    assert (
        browser.post(
            session_cookie.SIGN_IN_PATH, json={"ticket": sessions.open_ticket(lan, "lan")}
        ).status_code
        == 204
    )
    cookie = browser.cookies[sessions.DEVICE_COOKIE]
    device = sessions.device_for(cookie, "lan", session_cookie.secret())
    assert device and "lan" not in cookie  # a random id, and the account only as a hash
    assert sessions.device_for(cookie, "quantri", session_cookie.secret()) == ""  # another account: none
    assert sessions.device_for(cookie, "lan", "another secret") == ""
    assert sessions.device_for(cookie[:-3] + "abc", "lan", session_cookie.secret()) == ""
    # Signing in again keeps the device's id; signing out keeps the device cookie.
    assert (
        browser.post(
            session_cookie.SIGN_IN_PATH, json={"ticket": sessions.open_ticket(lan, "lan")}
        ).status_code
        == 204
    )
    assert (
        sessions.device_for(browser.cookies[sessions.DEVICE_COOKIE], "lan", session_cookie.secret()) == device
    )
    browser.post(session_cookie.SIGN_OUT_PATH)
    assert sessions.DEVICE_COOKIE in browser.cookies
    # Another browser is another device.
    other = client()
    other.post(session_cookie.SIGN_IN_PATH, json={"ticket": sessions.open_ticket(lan, "lan")})
    assert (
        sessions.device_for(other.cookies[sessions.DEVICE_COOKIE], "lan", session_cookie.secret()) != device
    )
