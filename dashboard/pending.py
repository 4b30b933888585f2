"""The viewer pages' switch for figures not yet approved, and the data it shows, cached per version."""

from __future__ import annotations

import streamlit as st

from dashboard import state
from indicators.core.model import Dataset
from indicators.rounds import pending_view
from indicators.store.database import StoreError
from indicators.text.fmt import Lang, number
from indicators.text.i18n import t


@st.cache_resource(max_entries=4, show_spinner=False)
def _with_pending(url: str, version: int, sendings: tuple[int, ...]) -> Dataset:
    # One copy per version and set of pending sendings for the whole server, like the version's own
    # data (state._dataset_at): a new sending, a review or a new version is a new key.
    return pending_view.with_pending(state.store(), state.dataset_at(version), sendings)


def _remember() -> None:
    st.session_state[state.PENDING_KEY] = bool(st.session_state.get(state.PENDING_WIDGET))


def switch(lang: Lang) -> bool:
    """The switch "Hiện số liệu chưa duyệt", off by default and kept for the session; whether it is on."""
    st.session_state[state.PENDING_WIDGET] = bool(st.session_state.get(state.PENDING_KEY, False))
    return st.toggle(
        t("pending.switch", lang),
        key=state.PENDING_WIDGET,
        on_change=_remember,
        help=t("pending.switch_help", lang),
    )


def shown(data: Dataset, lang: Lang) -> Dataset:
    """The page's data: approved figures only, or with the switch on the pending ones put over them,
    marked, and a line saying how many."""
    if not switch(lang):
        return data
    try:
        sendings = pending_view.pending_sendings(state.store())
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        return data
    found = state.readers_copy(_with_pending(state.store().url, data.version, sendings)) if sendings else data
    n = pending_view.count(found)
    key = "pending.none" if not n else "pending.count_one" if n == 1 else "pending.count"
    st.caption(t(key, lang).format(n=number(n, lang)))
    return found
