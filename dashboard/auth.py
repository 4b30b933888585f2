"""Who is signed in: OIDC through st.login when configured, otherwise local accounts; the sign-in form."""

from __future__ import annotations

import os
from collections.abc import Mapping

import streamlit as st

from dashboard import state
from dashboard.widgets import md
from indicators import accounts
from indicators.accounts import Role
from indicators.fmt import Lang
from indicators.i18n import t
from indicators.store import StoreError

REQUIRE_SIGN_IN_ENV = "INDICATORS_REQUIRE_SIGN_IN"
# Set behind a reverse proxy that writes the client's address into X-Real-IP (deploy/nginx.conf):
# every connection then comes from the proxy's own address.
TRUSTED_PROXY_ENV = "INDICATORS_TRUSTED_PROXY"


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
    """The address a sign-in comes from: failures are slowed down per name and address together."""
    if os.environ.get(TRUSTED_PROXY_ENV, "").strip().casefold() in {"1", "true", "yes"}:
        forwarded = str(st.context.headers.get("X-Real-IP", "") or "").strip()
        if forwarded:
            return forwarded
    address = st.context.ip_address
    return address if isinstance(address, str) else ""  # None without a browser (tests, bare runs)


def _forget_account() -> None:
    """The session's sign-in and what it was doing: the account is gone or its password changed."""
    for key in (state.ACCOUNT_KEY, state.ROLE_KEY, state.STAMP_KEY, *state.SIGNED_IN_KEYS):
        st.session_state.pop(key, None)


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
        outcome = accounts.sign_in(store, account, password, client=client_address())
        no_accounts = accounts.list_users(store).empty
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        return
    if outcome.wait_seconds:
        st.warning(t("auth.wait", lang).format(s=outcome.wait_seconds), icon=":material/timer:")
    elif outcome.role is None:
        st.error(t("auth.wrong", lang), icon=":material/error:")
        if no_accounts:
            st.caption(t("auth.no_accounts", lang))
    else:
        st.session_state[state.ACCOUNT_KEY] = account.strip()
        st.session_state[state.ROLE_KEY] = outcome.role.value
        st.session_state[state.STAMP_KEY] = outcome.stamp
        st.rerun()


def sign_out() -> None:
    """Forget everything the session holds but its language (and end the identity-provider session).

    A pending confirmation or a checked upload must not pass to whoever signs in next in this tab.
    """
    for key in list(st.session_state.keys()):
        if key != state.LANG_KEY:
            del st.session_state[key]
    if oidc_configured() and st.user.is_logged_in:
        st.logout()


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
