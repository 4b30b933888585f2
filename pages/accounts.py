"""Quản lý tài khoản: the administrator lists, adds and removes accounts and resets passwords."""

from __future__ import annotations

import streamlit as st

from dashboard import auth, state
from indicators.store import accounts
from indicators.store.accounts import AccountError, Role
from indicators.store.database import StoreError
from indicators.text.i18n import t

lang = state.lang()
me, role = auth.current()
if role is not Role.ADMIN:
    auth.sign_in_form(lang)
    st.stop()

st.title(t("page.accounts", lang))
store = state.store()
names = accounts.list_users(store)["name"].tolist()

left, right = st.columns(2)
with left, st.form("add_account", clear_on_submit=True):
    st.subheader(t("accounts.add", lang))
    name = st.text_input(t("auth.name", lang), max_chars=64)
    new_role = st.selectbox(
        t("accounts.role", lang), [r.value for r in Role], format_func=lambda r: t(f"role.{r}", lang)
    )
    # A reporter (cán bộ xã) needs their area; an analyst may be held to one (a province's).
    area = st.text_input(t("rounds.account_area", lang), max_chars=16)
    password = st.text_input(t("auth.password", lang), type="password", max_chars=200)
    if st.form_submit_button(t("accounts.add", lang), icon=":material/person_add:"):
        try:
            accounts.add_user(store, name, new_role, password, area)
            st.success(t("accounts.added", lang).format(name=name.strip()))
        except (AccountError, StoreError) as exc:
            st.error(exc.text(lang))

with right, st.form("change_account"):
    st.subheader(t("accounts.reset", lang))
    who = st.selectbox(t("auth.name", lang), names)
    password = st.text_input(t("auth.password", lang), type="password", max_chars=200)
    reset = st.form_submit_button(t("accounts.reset", lang), icon=":material/key:")
    remove = st.form_submit_button(t("accounts.remove", lang), icon=":material/person_remove:")
    try:
        if reset and who:
            accounts.set_password(store, who, password)
            st.success(t("accounts.reset_done", lang).format(name=who))
        if remove and who:
            if who == me:
                st.error(t("accounts.self", lang))
            else:
                accounts.remove_user(store, who)
                st.success(t("accounts.removed", lang).format(name=who))
    except (AccountError, StoreError) as exc:
        st.error(exc.text(lang))

# Drawn after the forms, so it already shows what they just changed.
listed = accounts.list_users(store)
shown = listed.assign(role=[t(f"role.{r}", lang) for r in listed["role"]])
shown = shown.rename(
    columns={
        "name": t("auth.name", lang),
        "role": t("accounts.role", lang),
        "area": t("rounds.col.area", lang),
    }
)
st.dataframe(shown.drop(columns=["created_at"]), hide_index=True, width="stretch")
