"""Thi đua – khen thưởng: commendation counts by award, recipient (collective or individual) and level."""

from __future__ import annotations

import streamlit as st

from dashboard import state, widgets
from indicators import commendations, figures
from indicators.i18n import t

# Read inputs.
lang = state.lang()
data = widgets.page_header("page.commendations", lang)
everything = commendations.commendations(data, lang)
if everything.empty:
    widgets.say(t("empty.commendations", lang))
    st.stop()
areas = [a for a in data.areas["code"] if a in set(data.observations["area"])]
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

# Awards by kind, highest first; then totals by level.
ranked = counts[counts["level"] != ""]
if ranked.empty:
    widgets.say(t("empty.commendations", lang))
else:
    widgets.show_chart(figures.awards_figure(ranked, lang), "commendations_by_award", lang, key="awards")
    st.subheader(t("commendations.summary", lang))
    widgets.show_chart(figures.levels_figure(ranked, lang), "commendations_by_level", lang, key="levels")
    widgets.show_table(
        commendations.levels_table(ranked, lang), "commendations_levels", lang, key="levels_table"
    )

# Every count, with the public recognition the report gives outside the award list.
st.subheader(t("domain_page.table", lang))
widgets.show_table(
    commendations.commendations_table(counts, lang), "commendations", lang, key="commendations_table"
)
