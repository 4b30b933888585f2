"""What a page draws at most: the first few of many indicators, and a search for the rest."""

from __future__ import annotations

import streamlit as st

from indicators.core.model import Dataset
from indicators.text import labels
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# A domain of the district's report has at most 11 indicators: every card shows. A store with a
# hundred in one domain gets the first dozen and a search, not three hundred elements to lay out.
CARD_LIMIT = 12


def searched(data: Dataset, codes: list[str], lang: Lang, key: str, limit: int = CARD_LIMIT) -> list[str]:
    """`codes` when they are few; else a search box, and the first `limit` whose name holds the words.

    Says how many of how many are shown, and in a sentence when no name matches.
    """
    if len(codes) <= limit:
        return codes
    query = st.text_input(t("limit.search", lang), key=f"{key}_search", width=320).strip()
    names = labels.indicator_info(data, lang)["name"]
    found = codes
    if query:
        # Case- and space-insensitive, on the name the reader sees (Vietnamese or English).
        words = query.casefold().split()
        found = [c for c in codes if all(w in str(names.get(c, c)).casefold() for w in words)]
    if not found:
        from dashboard.widgets import md  # here: widgets imports this module

        # What the reader typed is shown as typed: no Markdown of theirs turns into formatting.
        st.info(t("limit.none", lang).format(q=md(query)), icon=":material/search_off:")
        return []
    shown = found[:limit]
    st.caption(t("limit.shown", lang).format(n=len(shown), total=len(found)))
    return shown
