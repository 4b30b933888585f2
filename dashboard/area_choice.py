"""Which area a page opens on: a link's, else the one chosen last on any page, else one with figures."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import streamlit as st

from dashboard import links

# The area the reader last picked on any page: the next page with that area opens on it.
AREA_KEY = "area_chosen"


def remember(widget_key: str) -> None:
    """An area picker's on_change: its new value becomes the reader's chosen area for every page."""
    st.session_state[AREA_KEY] = st.session_state.get(widget_key)


def default_index(ordered: Sequence[str], with_figures: Collection[str] | None = None) -> int:
    """Where the picker starts: a link's ?area=, else the area chosen last, else the first with a
    figure, else the first.

    A province with only a target (the communes' figures arrived, its own did not) shows nothing but
    "no data": `with_figures` keeps a page from opening on it.
    """
    linked = links.asked("area", ordered)
    if linked is not None:
        # The link's area becomes the reader's choice: the next page opens on it too.
        st.session_state[AREA_KEY] = linked
    chosen = st.session_state.get(AREA_KEY)
    if chosen in ordered:
        return ordered.index(chosen)
    if with_figures:
        for i, area in enumerate(ordered):
            if area in with_figures:
                return i
    return 0


def unchosen(ordered: Sequence[str]) -> bool:
    """No link named an area and the reader chose none of these: the page opened on its default."""
    return links.asked("area", ordered) is None and st.session_state.get(AREA_KEY) not in ordered
