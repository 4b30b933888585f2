"""Tổng quan: where the term's goals stand first; then the headline indicators and each target's result."""

from __future__ import annotations

import streamlit as st

from dashboard import computed, downloads, standing, state, widgets
from indicators.core import page_settings, tally
from indicators.text import cards
from indicators.text import totals as totals_text
from indicators.text.i18n import t

# Read inputs.
lang = state.lang()
data = widgets.page_header("page.overview", lang)
rows = computed.attainment_rows(data)
area, period = widgets.filters(data, rows, lang, key="overview")
# A province's rows are its own and its communes' totals, a partial total never judged.
chosen = computed.area_rows(data, area, period)

# The first screen answers "where do we stand against the term's goals?": each goal once, counted as
# the goals page counts them, the ones behind named first; everything else follows below.
if standing.show(data, lang, area):
    st.page_link("pages/goals.py", label=f"{t('overview.goals_link', lang)} →")
else:
    widgets.say(t("empty.goals", lang))

# Headline cards on the left, results against targets on the right; a phone stacks them in
# that order. The chart is written first so the browser starts drawing it while the cards arrive.
left, right = st.columns(2, gap="large")
with right:
    st.subheader(t("overview.tally", lang))
    # Each kind of target counted on its own, as the source counts them: never one sum over kinds.
    by_kind = tally.by_kind(chosen)
    if by_kind:
        widgets.show_tally_by_kind(by_kind, lang)
    # Only a stated target checks the report's arithmetic: say how many rows are which.
    if not chosen.empty:  # "0 dòng …, 0 dòng …" says nothing where the area has no target
        st.caption(cards.bases_line(chosen, lang))
    figure, unjudged = computed.attainment_chart(data, lang, area, period)
    if figure is not None:
        widgets.show_chart(figure, "attainment", lang, key="overview_attainment")
    else:
        widgets.say(t("empty.attainment", lang))
    if unjudged:
        st.caption(cards.unjudged_line(unjudged, lang))
    if partial := computed.partial_count(data, area, period):
        st.caption(totals_text.unjudged_line(partial, lang))
with left:
    st.subheader(t("overview.headline", lang))
    headline = computed.cards(data, page_settings.HEADLINE, lang, area, period)
    if headline:
        widgets.show_cards(headline, lang, min_width=180)
    else:
        widgets.say(t("empty.figure", lang))

# The báo cáo of the chosen area and term, in the official format, for anyone who reads this page.
st.subheader(t("report.heading", lang))
downloads.report_downloads(data, area, period, lang, key="overview_report")
