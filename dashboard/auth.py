"""Who is signed in: OIDC through st.login when configured, otherwise local accounts; the sign-in form."""

from __future__ import annotations

import os

import streamlit as st

from dashboard import state
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


def _oidc_role(email: str) -> Role:
    # Roles of identity-provider users come from secrets: [roles] analysts = [...], admins = [...].
    roles = _secrets_section("roles")
    if email in roles.get("admins", []):
        return Role.ADMIN
    if email in roles.get("analysts", []):
        return Role.ANALYST
    return Role.VIEWER


def client_address() -> str:
    """The address a sign-in comes from: failures are slowed down per name and address together."""
    if os.environ.get(TRUSTED_PROXY_ENV, "").strip().casefold() in {"1", "true", "yes"}:
        forwarded = str(st.context.headers.get("X-Real-IP", "") or "").strip()
        if forwarded:
            return forwarded
    address = st.context.ip_address
    return address if isinstance(address, str) else ""  # None without a browser (tests, bare runs)


def current() -> tuple[str, Role | None]:
    """The signed-in account and its role; ("", None) for an anonymous viewer."""
    if oidc_configured() and st.user.is_logged_in:
        email = str(st.user.get("email", "") or st.user.get("name", ""))
        return email, _oidc_role(email)
    name = state.account()
    role = st.session_state.get(state.ROLE_KEY)
    return (name, Role(role)) if name and role in {r.value for r in Role} else ("", None)


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
        st.rerun()


def sign_out() -> None:
    """Forget the signed-in account (and end the identity-provider session)."""
    st.session_state.pop(state.ACCOUNT_KEY, None)
    st.session_state.pop(state.ROLE_KEY, None)
    if oidc_configured() and st.user.is_logged_in:
        st.logout()


def account_box(lang: Lang) -> None:
    """In the sidebar: who is signed in, and a sign-out button."""
    name, role = current()
    if role is None:
        return
    st.sidebar.caption(t("auth.signed_in_as", lang).format(name=name, role=t(f"role.{role.value}", lang)))
    st.sidebar.button(t("auth.sign_out", lang), on_click=sign_out, icon=":material/logout:", key="sign_out")


def require_editor(lang: Lang) -> None:
    """At the top of a page that changes data: anyone but an analyst or admin gets the form instead."""
    if not can_edit():
        sign_in_form(lang)
        st.stop()
