"""Roles at the page level: what each role's navigation holds, sign-in, sign-out, markup kept inert."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import select, update
from streamlit.testing.v1 import AppTest

from dashboard import auth, session_cookie, state
from indicators.store import accounts, sessions
from indicators.store.database import Store, sign_in_sessions, users
from indicators.store.seed import load_source
from indicators.text.i18n import t
from tests.support import sessions as signed

PROJECT = Path(__file__).resolve().parents[1]


def shown(at: AppTest) -> str:
    """Every Markdown text of a run: the top bar's account menu writes who is signed in there."""
    return "\n".join(m.value for m in at.markdown)


@pytest.fixture(autouse=True)
def _fresh(store_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("INDICATORS_BCRYPT_ROUNDS", "4")
    monkeypatch.delenv("INDICATORS_REQUIRE_SIGN_IN", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def cookie(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The session cookie the app sees (AppTest has no browser): empty until a test signs in."""
    jar: dict[str, str] = {}
    monkeypatch.setattr(auth, "_cookie", lambda: jar.get(sessions.COOKIE_NAME))
    return jar


def sign_in_as(jar: dict[str, str], account: str, role: str) -> None:
    """What the browser holds after signing in: a cookie with a session token of the account."""
    store = Store().ensure()
    if account not in set(accounts.list_users(store)["name"]):
        accounts.add_user(store, account, role, signed.PASSWORD)
    token = sessions.redeem(store, sessions.open_ticket(store, account))
    assert token is not None
    jar[sessions.COOKIE_NAME] = sessions.cookie_value(token, session_cookie.secret())


def app(jar: dict[str, str] | None = None, account: str = "", role: str = "") -> AppTest:
    if account:
        assert jar is not None
        sign_in_as(jar, account, role)
    return AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run()


def tickets(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(sign_in_sessions.c.account, sign_in_sessions.c.kind)).all()
    return [tuple(r) for r in rows]


def navigation(at: AppTest) -> dict[str, str]:
    """url path → script (or "sign-in" for the sign-in function) of every registered page."""
    pages = at._registered_pages.values()  # AppTest has no public view of st.navigation
    return {
        p["url_pathname"]: str(p.get("script_path") or "sign-in").removeprefix(str(PROJECT) + "/")
        for p in pages
    }


@pytest.mark.parametrize(("account", "role"), [("", ""), ("khach", "viewer")])
def test_a_viewers_navigation_has_no_page_that_changes_data(
    cookie: dict[str, str], account: str, role: str
) -> None:
    at = app(cookie, account, role)
    assert not at.exception
    pages = navigation(at)
    assert "pages/upload.py" not in pages.values() and "pages/history.py" not in pages.values()
    assert "pages/accounts.py" not in pages.values()
    # Their addresses still exist, and lead to the sign-in form.
    assert pages["cap-nhat-so-lieu"] == "sign-in" and pages["lich-su-phien-ban"] == "sign-in"
    assert pages["nhap-so-lieu"] == "sign-in"
    assert pages["dang-nhap"] == "sign-in"


def test_an_analyst_gets_upload_and_history_but_not_accounts(cookie: dict[str, str]) -> None:
    pages = navigation(app(cookie, "lan", "analyst"))
    assert pages["cap-nhat-so-lieu"] == "pages/upload.py"
    assert pages["lich-su-phien-ban"] == "pages/history.py"
    assert pages["nhap-so-lieu"] == "pages/enter.py"
    assert "tai-khoan" not in pages and "dang-nhap" not in pages


def test_an_admin_also_manages_accounts(cookie: dict[str, str]) -> None:
    pages = navigation(app(cookie, "an", "admin"))
    assert pages["tai-khoan"] == "pages/accounts.py"


def test_a_session_without_the_cookie_is_not_signed_in(cookie: dict[str, str]) -> None:
    # What an earlier run left in the session (or a forged value) counts for nothing: only the
    # cookie, checked against the store on every run, signs a reader in.
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    at.session_state[state.ACCOUNT_KEY] = "lan"
    at.session_state[state.ROLE_KEY] = "admin"
    pages = navigation(at.run())
    assert pages["cap-nhat-so-lieu"] == "sign-in"
    assert state.ACCOUNT_KEY not in at.session_state


@pytest.mark.parametrize("tampered", ["forged", "signature"])
def test_a_forged_or_tampered_cookie_is_ignored(cookie: dict[str, str], tampered: str) -> None:
    sign_in_as(cookie, "lan", "admin")
    value = cookie[sessions.COOKIE_NAME]
    cookie[sessions.COOKIE_NAME] = (
        sessions.cookie_value("a-token-nobody-issued", session_cookie.secret())
        if tampered == "forged"
        else value[:-2] + ("AA" if not value.endswith("AA") else "BB")
    )
    pages = navigation(AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run())
    assert pages["cap-nhat-so-lieu"] == "sign-in"


def test_a_role_change_applies_on_the_next_run(cookie: dict[str, str]) -> None:
    at = app(cookie, "lan", "admin")
    assert navigation(at)["tai-khoan"] == "pages/accounts.py"
    store = Store().ensure()
    with store.engine.begin() as conn:
        conn.execute(update(users).where(users.c.name == "lan").values(role="viewer"))
    assert navigation(app())["cap-nhat-so-lieu"] == "sign-in"  # the same cookie, the role read afresh


def test_signing_in_and_out(store_url: str, cookie: dict[str, str]) -> None:
    store = Store(store_url).ensure()
    accounts.add_user(store, "lan", "analyst", "mây trắng đỉnh Pu Ta Leng")
    at = AppTest.from_file(str(PROJECT / "pages" / "upload.py"), default_timeout=60).run()
    at.text_input[0].input("lan")
    at.text_input[1].input("sai-mat-khau")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Tên tài khoản hoặc mật khẩu không đúng."]
    assert tickets(store) == []
    at.text_input[0].input("lan")
    at.text_input[1].input("mây trắng đỉnh Pu Ta Leng")
    at.button[0].click().run()
    assert not at.exception
    # The password is right: a one-time ticket, which the page's script trades for the cookie.
    assert [i.value for i in at.info][-1] == "Đang đăng nhập…"
    ((account, kind),) = tickets(store)
    assert (account, kind) == ("lan", "ticket")
    # The one script that calls the server (the page-language script beside it calls nothing).
    (script,) = [h.proto.body for h in at.get("html") if "fetch(" in h.proto.body]
    assert "/api/sign-in" in script and "window.location.replace" in script
    ticket = json.loads(script.split("ticket: ", 1)[1].split("}", 1)[0])
    token = sessions.redeem(store, ticket)
    assert token is not None and sessions.redeem(store, ticket) is None  # used once
    cookie[sessions.COOKIE_NAME] = sessions.cookie_value(token, session_cookie.secret())
    # Reloaded with the cookie: signed in, on the page asked for.
    signed_in = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run()
    assert "Đang đăng nhập: lan (" in shown(signed_in)
    # Sign out from the menu under the account's name: every session of the account ends.
    other_tab = sessions.redeem(store, sessions.open_ticket(store, "lan"))
    assert other_tab is not None
    signed_in.button(key="sign_out").click().run()
    assert sessions.who(store, token) is None and sessions.who(store, other_tab) is None
    assert tickets(store) == []
    # The same cookie, still sent by the browser, opens nothing now.
    assert "Đang đăng nhập" not in shown(app())
    assert navigation(app())["cap-nhat-so-lieu"] == "sign-in"


def test_after_a_sign_out_the_browser_is_told_to_drop_the_cookie(cookie: dict[str, str]) -> None:
    # (A fresh AppTest: its later runs of one session skip app.py, unlike a browser's.)
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    at.session_state[state.SIGNED_OUT_KEY] = True
    at.run()
    # The one script that calls the server (the page-language script beside it calls nothing).
    (script,) = [h.proto.body for h in at.get("html") if "fetch(" in h.proto.body]
    assert 'fetch("/api/sign-out"' in script
    assert state.SIGNED_OUT_KEY not in at.session_state  # once


def test_repeated_failures_are_told_to_wait(store_url: str) -> None:
    Store(store_url).ensure()
    at = AppTest.from_file(str(PROJECT / "pages" / "history.py"), default_timeout=60).run()
    for _ in range(accounts.FREE_ATTEMPTS + 1):
        at.text_input[0].input("lan")
        at.text_input[1].input("doan-bua")
        at.button[0].click().run()
    assert "Hãy thử lại sau" in at.warning[0].value


def test_a_busy_server_says_so_in_both_languages_and_counts_nothing(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(store_url).ensure()
    accounts.add_user(store, "lan", "analyst", "mây trắng đỉnh Pu Ta Leng")
    monkeypatch.setenv(accounts.CHECKS_ENV, "1")
    monkeypatch.setattr(accounts, "SLOT_WAIT_SECONDS", 0.01)
    slot = accounts._check_slots(1)
    assert slot.acquire(timeout=5)  # another sign-in is being checked
    try:
        for lang in ("vi", "en"):
            at = AppTest.from_file(str(PROJECT / "pages" / "history.py"), default_timeout=60)
            at.session_state[state.LANG_KEY] = lang
            at.run()
            at.text_input[0].input("lan")
            at.text_input[1].input("mây trắng đỉnh Pu Ta Leng")
            at.button[0].click().run()
            assert [w.value for w in at.warning] == [t("auth.busy", lang)]
            assert tickets(store) == []
    finally:
        slot.release()
    with store.engine.connect() as conn:
        assert conn.execute(select(accounts.sign_in_failures)).all() == []  # never counted
    at.text_input[0].input("lan")
    at.text_input[1].input("mây trắng đỉnh Pu Ta Leng")
    at.button[0].click().run()
    assert [i.value for i in at.info][-1] == t("auth.signing_in", "en")  # the slot is free again


def test_viewing_can_require_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INDICATORS_REQUIRE_SIGN_IN", "1")
    at = app()
    assert navigation(at) == {"": "sign-in"}  # the only page, so every address leads to it
    assert at.title[0].value == "Đăng nhập"
    assert "chỉ dành cho người có tài khoản" in at.info[0].value
    assert not at.metric  # no figure is shown before signing in


def test_markup_in_an_indicator_name_is_shown_as_text(store_url: str) -> None:
    data = load_source()
    hostile = '<img src=x onerror="alert(1)"> **Tổng** giá trị sản xuất'
    indicators = data.indicators.assign(
        name_vi=data.indicators["name_vi"].where(data.indicators["code"] != "GTSX", hostile)
    )
    store = Store(store_url)
    store.ensure()
    frames = {name: getattr(data, name) for name in data.counts()}
    store.commit(type(data).from_frames({**frames, "indicators": indicators}), account="test")
    at = AppTest.from_file(str(PROJECT / "pages" / "detail.py"), default_timeout=60).run()
    assert not at.exception
    # Widgets show it as plain text, exactly as written.
    assert any(hostile in option for option in at.selectbox(key="indicator").options)
    # Wherever it passes through Markdown it is escaped, so neither the tag nor the stars take effect.
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    for text in (x for x in texts if "onerror" in x):
        assert "<img" not in text.replace("\\<img", "")


def on_upload_page(jar: dict[str, str], account: str, role: str) -> AppTest:
    at = app(jar, account, role)
    at.switch_page("pages/upload.py").run()
    assert at.file_uploader and at.title[0].value == "Cập nhật số liệu"
    return at


def shows_sign_in_instead(at: AppTest) -> bool:
    # AppTest does not refresh its view of st.navigation on a rerun: the page drawn tells instead.
    return not at.exception and not at.file_uploader and at.title[0].value == "Đăng nhập"


def test_a_removed_account_loses_the_upload_page_on_its_next_rerun(cookie: dict[str, str]) -> None:
    at = on_upload_page(cookie, "lan", "analyst")
    accounts.remove_user(Store().ensure(), "lan")
    at.run()
    assert shows_sign_in_instead(at)
    assert state.ACCOUNT_KEY not in at.session_state
    assert "Đang đăng nhập" not in shown(at)  # nobody shown as signed in


def test_a_role_change_takes_effect_on_the_next_rerun(cookie: dict[str, str]) -> None:
    at = on_upload_page(cookie, "an", "admin")
    signed.sign_in(AppTest.from_file(str(PROJECT / "app.py")), "an", "viewer")  # the store's role only
    at.run()
    assert shows_sign_in_instead(at)
    assert "Đang đăng nhập: an (người xem)" in shown(at)  # still signed in, as a viewer


def test_a_password_change_ends_the_session(store_url: str, cookie: dict[str, str]) -> None:
    at = on_upload_page(cookie, "lan", "analyst")
    accounts.set_password(Store(store_url).ensure(), "lan", "suối Tả Lèng chảy về xuôi")
    at.run()
    assert shows_sign_in_instead(at)
    assert state.ACCOUNT_KEY not in at.session_state


def test_sign_out_clears_everything_but_the_language(cookie: dict[str, str]) -> None:
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    at.session_state[state.LANG_KEY] = "en"
    sign_in_as(cookie, "lan", "analyst")
    at.session_state[state.HISTORY_PENDING_KEY] = 3  # a rollback waiting for its confirmation
    at.session_state["upload_note"] = "half-written note"
    at.run()
    at.button(key="sign_out").click().run()
    assert not at.exception
    assert state.HISTORY_PENDING_KEY not in at.session_state
    assert "upload_note" not in at.session_state
    assert state.ACCOUNT_KEY not in at.session_state and state.STAMP_KEY not in at.session_state
    assert at.session_state[state.LANG_KEY] == "en"


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"email": "lan@tamduong.gov.vn", "email_verified": True}, ("lan@tamduong.gov.vn", "analyst")),
        ({"email": "an@tamduong.gov.vn", "email_verified": "true"}, ("an@tamduong.gov.vn", "admin")),
        ({"email": "lan@tamduong.gov.vn", "email_verified": False}, ("lan@tamduong.gov.vn", "viewer")),
        ({"email": "lan@tamduong.gov.vn"}, ("lan@tamduong.gov.vn", "viewer")),
        # Anyone can call themselves by an admin's address in the name claim.
        ({"name": "an@tamduong.gov.vn", "email_verified": True}, ("", "viewer")),
    ],
)
def test_oidc_grants_a_role_only_to_a_verified_email(claims: dict, expected: tuple[str, str]) -> None:
    roles = {"admins": ["an@tamduong.gov.vn"], "analysts": ["lan@tamduong.gov.vn"]}
    name, role = auth.oidc_identity(claims, roles)
    assert (name, role.value) == expected


def test_the_client_address_is_the_connection_s_never_a_header(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    # Whatever a client writes in X-Real-IP: the address is the one uvicorn resolved for the
    # connection, which believes X-Forwarded-For from the configured proxy only (tests/test_address_trust.py).
    context = SimpleNamespace(headers={"X-Real-IP": "203.0.113.9"}, ip_address="198.51.100.4")
    monkeypatch.setattr(st, "context", context)
    monkeypatch.setenv("INDICATORS_TRUSTED_PROXY", "1")
    assert auth.client_address() == "198.51.100.4"
    monkeypatch.setattr(st, "context", SimpleNamespace(headers={}, ip_address=None))  # this machine
    assert auth.client_address() == ""
