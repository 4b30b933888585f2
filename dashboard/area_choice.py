"""Which area a page opens on: a link's or the one chosen last, else the account's, else one with figures."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import streamlit as st

from dashboard import computed, links, state
from indicators.areas.opening import Opening, opening
from indicators.core.model import Dataset
from indicators.store import accounts
from indicators.store.database import StoreError

# The area the reader last picked on any page: the next page with that area opens on it.
AREA_KEY = "area_chosen"


def remember(widget_key: str) -> None:
    """An area picker's on_change: its new value becomes the reader's chosen area for every page."""
    st.session_state[AREA_KEY] = st.session_state.get(widget_key)


def account_area() -> str | None:
    """The signed-in account's area as the store holds it now; None for a viewer or an account without one."""
    name = state.account()
    if not name:
        return None
    try:
        found = accounts.account(state.store(), name)
    except StoreError:
        return None  # a default is no right: an unreadable account only loses its own area as the start
    return None if found is None else found.area


def start(
    data: Dataset, ordered: Sequence[str], with_figures: Collection[str] | None = None
) -> Opening | None:
    """Where the picker of `ordered` starts and why (indicators.areas.opening's rule).

    A link's ?area=, else the area chosen last; else the signed-in account's area, or the first area
    with figures under it; else a province with figures of its own (the account's first); else the
    first area with figures. `with_figures`: the offered areas holding a figure (None: all), so that
    a province with only a target never opens by default.
    """
    linked = links.asked("area", ordered)
    if linked is not None:
        # The link's area becomes the reader's choice: the next page opens on it too.
        st.session_state[AREA_KEY] = linked
    chosen = st.session_state.get(AREA_KEY)
    own = account_area() if chosen not in ordered else None
    home = computed.province_map(data)
    provinces = [a for a in ordered if home.get(a) == a]
    if own is not None and home.get(own) in provinces:
        provinces.remove(home[own])
        provinces.insert(0, home[own])
    return opening(
        ordered,
        with_figures,
        chosen=chosen if isinstance(chosen, str) else None,
        account_area=own,
        account_units=computed.units_under(data, own) if own is not None else (),
        provinces=provinces,
    )


def index_of(found: Opening | None, ordered: Sequence[str]) -> int:
    """The picker's index of `found` (0 when nothing is offered)."""
    return ordered.index(found.area) if found is not None else 0
