"""Who is signed in: OIDC through st.login when configured, otherwise local accounts; the sign-in form."""

from __future__ import annotations

import contextlib
import html
import json
import os
import uuid
from collections.abc import Mapping

import streamlit as st

from dashboard import session_cookie, state
from dashboard.widgets import md
from indicators.store import accounts, sessions
from indicators.store.accounts import Role
from indicators.store.database import StoreError
from indicators.text.fmt import Lang
from indicators.text.i18n import t

REQUIRE_SIGN_IN_ENV = "INDICATORS_REQUIRE_SIGN_IN"


def _secrets_section(name: str) -> dict:
    # A missing secrets.toml is the normal case for local accounts, not an error.
    try:
        return dict(st.secrets.get(name, {}))
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return {}


def oidc_configured() -> bool:
    """True when an identity provider is set in secrets ([auth]), so st.login is used."""
    return bool(_secrets_section("auth"))


def viewing_requires_sign_in() -> bool:
    """The setting that closes the dashboard to anonymous viewers (env var or secrets [access])."""
    flag = os.environ.get(REQUIRE_SIGN_IN_ENV) or str(_secrets_section("access").get("require_sign_in", ""))
    return flag.strip().casefold() in {"1", "true", "yes"}


def oidc_identity(claims: Mapping[str, object], roles: Mapping[str, object]) -> tuple[str, Role]:
    """The name and role of an identity-provider user from their claims and the [roles] secrets.

    Only a verified email earns a role: `email_verified` must be true, and the free-form `name`
    claim (which anyone can set at many providers) is never used in its place.
    """
    email = str(claims.get("email", "") or "").strip()
    verified = claims.get("email_verified")
    if not email or not (verified is True or str(verified).strip().casefold() == "true"):
        return email, Role.VIEWER
    admins, analysts = roles.get("admins", []), roles.get("analysts", [])
    if isinstance(admins, list | tuple) and email in admins:
        return email, Role.ADMIN
    if isinstance(analysts, list | tuple) and email in analysts:
        return email, Role.ANALYST
    return email, Role.VIEWER


def client_address() -> str:
    """The address a sign-in comes from: failures are slowed down per address (and name).

    The connection's own address, or the one X-Forwarded-For gives where the connection comes
    from the configured proxy: serve.py has uvicorn believe that header from nobody else
    (dashboard/proxy.py). Streamlit gives None for this machine and without a browser (tests).
    """
    address = st.context.ip_address
    return address if isinstance(address, str) else ""


def _device(account: str) -> str:
    """The id of this browser as a device that has signed in to `account` before; "" if it has not."""
    cookie = st.context.cookies.get(sessions.DEVICE_COOKIE)
    return sessions.device_for(cookie, account, session_cookie.secret())


def _forget_account() -> None:
    """The session's sign-in and what it was doing: the account is gone or its password changed."""
    for key in (state.ACCOUNT_KEY, state.ROLE_KEY, state.STAMP_KEY, *state.SIGNED_IN_KEYS):
        st.session_state.pop(key, None)


def _cookie() -> str | None:
    """The session cookie the browser sent when this session connected (tests replace this)."""
    return st.context.cookies.get(sessions.COOKIE_NAME)


def resolve() -> None:
    """Who is signed in locally, from the session cookie and the store, checked afresh on every run.

    app.py calls it first. Nothing from an earlier run counts: a session resumed without the
    cookie, a token ended by a sign-out or a new password elsewhere, a removed account, all
    make the reader anonymous; current() then reads the account's role and stamp as it stands.
    """
    token = sessions.token_of(_cookie(), session_cookie.secret())
    found = None
    if token is not None:
        try:
            session = sessions.who(state.store(), token)
            found = accounts.account(state.store(), session[0]) if session is not None else None
        except StoreError:
            found = None  # the pages say that the store cannot be read
    if found is None:
        _forget_account()
        return
    st.session_state[state.ACCOUNT_KEY] = found.name
    st.session_state[state.ROLE_KEY] = found.role.value
    st.session_state[state.STAMP_KEY] = found.stamp


def current() -> tuple[str, Role | None]:
    """The signed-in account and its role, read from the store on every run; ("", None) for a viewer.

    Rights follow the account, not the session: a removed account, a changed role or a changed
    password takes effect on the next rerun of every open tab.
    """
    if oidc_configured() and st.user.is_logged_in:
        # Roles of identity-provider users come from secrets: [roles] analysts = [...], admins = [...].
        return oidc_identity(st.user.to_dict(), _secrets_section("roles"))
    name = state.account()
    if not name:
        return "", None
    try:
        found = accounts.account(state.store(), name)
    except StoreError:
        return "", None  # rights that cannot be checked are not granted
    if found is None or found.stamp != st.session_state.get(state.STAMP_KEY):
        _forget_account()
        return "", None
    return found.name, found.role


def can_edit() -> bool:
    """True for analysts and admins."""
    role = current()[1]
    return role is not None and role.can_edit()


def sign_in_form(lang: Lang, reason: str = "auth.intro") -> None:
    """The sign-in form, with plain messages for a wrong password and for a forced wait."""
    st.title(t("page.signin", lang))
    if not oidc_configured() and not session_cookie.routes_served() and st.context.headers:
        # `streamlit run app.py` in a browser: no route to set the cookie, so no form to fail.
        st.warning(t("auth.needs_server", lang), icon=":material/dns:")
        return
    name, role = current()
    if role is not None and not role.can_edit() and reason == "auth.intro":
        st.info(t("auth.viewer_only", lang).format(name=name), icon=":material/lock:")
    else:
        st.info(t(reason, lang), icon=":material/lock:")
    if oidc_configured():
        st.button(t("auth.oidc", lang), on_click=st.login, icon=":material/login:")
        return
    with st.form("sign_in", border=True):
        account = st.text_input(t("auth.name", lang), max_chars=64, autocomplete="username")
        password = st.text_input(
            t("auth.password", lang), type="password", max_chars=200, autocomplete="current-password"
        )
        submitted = st.form_submit_button(t("auth.submit", lang), type="primary", icon=":material/login:")
    if not submitted:
        return
    try:
        store = state.store()
        outcome = accounts.sign_in(store, account, password, client=client_address(), device=_device(account))
        no_accounts = accounts.list_users(store).empty
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        return
    if outcome.busy:
        st.warning(t("auth.busy", lang), icon=":material/hourglass_top:")
    elif outcome.wait_seconds:
        st.warning(t("auth.wait", lang).format(s=outcome.wait_seconds), icon=":material/timer:")
    elif outcome.role is None:
        st.error(t("auth.wrong", lang), icon=":material/error:")
        if no_accounts:
            st.caption(t("auth.no_accounts", lang))
    else:
        try:
            ticket = sessions.open_ticket(store, account.strip())
        except StoreError as exc:
            st.error(exc.text(lang), icon=":material/database:")
            return
        st.info(t("auth.signing_in", lang), icon=":material/hourglass_top:")
        _in_browser(_SIGN_IN_JS.replace("TICKET", json.dumps(ticket)), t("auth.cookie_failed", lang))


# The password was checked here; the browser trades the one-time ticket for the HttpOnly cookie
# (only an HTTP response can set one), then reloads the address it is at, so the new session
# carries the cookie and opens on the page that was asked for. The sign-in page itself leads home.
_SIGN_IN_JS = """
fetch("SIGN_IN", {method: "POST", credentials: "same-origin",
                  headers: {"Content-Type": "application/json"}, body: JSON.stringify({ticket: TICKET})})
  .then(reply => {
    if (!reply.ok) throw new Error(String(reply.status));
    const next = new URL(window.location.href);
    if (/\\/dang-nhap\\/?$/.test(next.pathname)) next.pathname = "/";
    window.location.replace(next.toString());
  })
  .catch(() => { document.getElementById("FAILED").hidden = false; });
""".replace("SIGN_IN", session_cookie.SIGN_IN_PATH)
_SIGN_OUT_JS = """fetch("SIGN_OUT", {method: "POST", credentials: "same-origin"});""".replace(
    "SIGN_OUT", session_cookie.SIGN_OUT_PATH
)


def _in_browser(script: str, failure: str = "") -> None:
    """A script run once in the page (our own text only: nothing a person typed goes in it)."""
    element = f"auth-failed-{uuid.uuid4().hex[:8]}"
    notice = f'<p id="{element}" role="alert" hidden>{html.escape(failure)}</p>' if failure else ""
    st.html(
        f"{notice}<script>{script.replace('FAILED', element)}</script>",
        unsafe_allow_javascript=True,
    )


def sign_out() -> None:
    """End the account's sessions everywhere (and the identity-provider session).

    The session forgets everything but its language: a pending confirmation or a checked upload
    must not pass to whoever signs in next in this tab.
    """
    name, role = current()
    for key in list(st.session_state.keys()):
        if key != state.LANG_KEY:
            del st.session_state[key]
    if oidc_configured() and st.user.is_logged_in:
        st.logout()
        return
    if role is not None:
        # Should the store fail, the cookie is still cleared below and its token expires on its own.
        with contextlib.suppress(StoreError):
            sessions.end_everywhere(state.store(), name)
        st.session_state[state.SIGNED_OUT_KEY] = True


def clear_cookie_after_sign_out() -> None:
    """After a sign-out, once: the browser drops the (already ended) cookie."""
    if st.session_state.pop(state.SIGNED_OUT_KEY, False):
        _in_browser(_SIGN_OUT_JS)


def account_box(lang: Lang) -> None:
    """Beside the language switch: who is signed in, under a menu that holds the sign-out button."""
    name, role = current()
    if role is None:
        return
    # The name is written by people (or an identity provider): shown as text, never as Markdown.
    with st.popover(md(name), icon=":material/account_circle:", type="tertiary"):
        st.markdown(t("auth.signed_in_as", lang).format(name=md(name), role=t(f"role.{role.value}", lang)))
        st.button(t("auth.sign_out", lang), on_click=sign_out, icon=":material/logout:", key="sign_out")


def require_editor(lang: Lang) -> None:
    """At the top of a page that changes data: anyone but an analyst or admin gets the form instead."""
    if not can_edit():
        sign_in_form(lang)
        st.stop()


def require_sender(lang: Lang) -> Role:
    """At the top of the upload and grid pages: analysts and admins commit, a commune reporter sends for
    review; anyone else gets the form instead. The role is read from the store, never from the session."""
    role = current()[1]
    if role is None or not (role.can_edit() or role.can_submit()):
        sign_in_form(lang)
        st.stop()
    return role
