"""Thi đua – khen thưởng: commendation counts by award, recipient (collective or individual) and level."""

from __future__ import annotations

import streamlit as st

from dashboard import computed, markup, narrow, reading_tables, state, widgets
from indicators.core import selection
from indicators.text import commendations, fmt
from indicators.text.i18n import t

# Read inputs.
lang = state.lang()
data = widgets.page_header("page.commendations", lang)
# The awards' own rows: the page reads nothing else of a store that may hold the whole country.
awards = narrow.codes_in(data, ("commendations",))
data = narrow.cut(data, awards)
everything = commendations.commendations(data, lang)
if everything.empty:
    widgets.say(t("empty.commendations", lang))
    st.stop()
# The areas holding a commendation count: another area would only show "no commendations".
areas = selection.areas_present(data, codes=awards)
area = widgets.area_filter(data, areas, lang, key="commendations_area")
choice = st.segmented_control(
    t("filter.recipient", lang),
    ["all", "tap_the", "ca_nhan"],
    default="all",
    required=True,
    format_func=lambda r: t("filter.all", lang) if r == "all" else t(f"recipient.{r}", lang),
    key="commendations_recipient",
)
counts = commendations.commendations(data, lang, area=area, recipient=None if choice == "all" else choice)
if counts.empty:
    widgets.say(t("empty.commendations", lang))
    st.stop()
st.caption(t("commendations.intro", lang).format(y=int(counts["year"].max())))

# The finding first, then every level's awards, highest level first, each count written out.
ranked = counts[counts["level"] != ""]
if ranked.empty:
    widgets.say(t("empty.commendations", lang))
else:
    st.subheader(commendations.finding(ranked, lang))
    reading_tables.show_table(
        commendations.levels_table(ranked, lang), "commendations_levels", lang, key="levels_table"
    )
    st.subheader(t("commendations.by_level", lang))
    st.caption(t("commendations.bars_note", lang))
    for level in commendations.LEVEL_ORDER:
        awards = commendations.level_awards(ranked, level, lang)
        if awards.empty:
            continue
        heading = t("commendations.level_heading", lang).format(
            level=t(f"level.{level}", lang), n=fmt.number(awards["count"].sum(), lang)
        )
        st.markdown(f"**{heading}**")
        reading_tables.show_bar_table(awards, "count", lang)
    st.caption(markup.md(computed.source_line(lang)))

# Every count, with the public recognition the report gives outside the award list.
st.subheader(t("domain_page.table", lang))
reading_tables.show_table(
    commendations.commendations_table(counts, lang), "commendations", lang, key="commendations_table"
)
