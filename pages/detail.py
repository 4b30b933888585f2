"""Chỉ tiêu: one indicator's series, targets, attainment beside the report's own %, and its quotations."""

from __future__ import annotations

import streamlit as st

from dashboard import computed, figure_thread, links, markup, narrow, reading_tables, state, widgets
from indicators.charts import figures
from indicators.core import page_settings, selection
from indicators.rounds import pending_view
from indicators.text import fmt, indicator_tables, labels, tables
from indicators.text.i18n import t

# Read inputs.
lang = state.lang()
data = widgets.page_header("page.detail", lang)
info = computed.indicator_info(data, lang)
if info.empty:
    widgets.say(t("empty.indicators", lang))
    st.stop()
codes = narrow.all_codes(data)
# A link names the indicator by its code (?indicator=GTSX); an older one by its label, still read.
start = links.asked("indicator", codes, links.indicator_names(data)) or page_settings.DEFAULT_INDICATOR
code = st.selectbox(
    t("detail.pick", lang),
    codes,
    index=codes.index(start) if start in codes else 0,
    key="indicator",
    format_func=lambda c: f"{t('domain.' + str(info.at[c, 'domain']), lang)} · {info.at[c, 'name']}",
)
links.put("indicator", code)
name, unit = str(info.at[code, "name"]), str(info.at[code, "unit"])
areas, held = computed.indicator_areas(data, code)
area = widgets.area_filter(data, areas, lang, key="detail_area", with_figures=set(held))
# The one indicator in the one area: every table below reads these rows, not the whole store's.
mine = computed.area_cut(data, [code], area)

# What the indicator means (definition, unit, how it is computed and added up, source).
meta = labels.metadata(data, code, lang)
if meta:
    with st.expander(t("detail.meta", lang), expanded=False):
        st.markdown("  \n".join(f"**{markup.md(label)}:** {markup.md(text)}" for label, text in meta))

# The series with its targets.
st.subheader(t("chart.series", lang))
# Each figure not yet approved (where the reader switched them on) is marked on the chart.
levels = pending_view.flagged(selection.series(mine, code, area), data.pending, code, area)
targets = mine.targets
if levels.empty and targets.empty:
    widgets.say(t("empty.series", lang))
else:
    if levels.empty:
        widgets.say(t("empty.figure", lang))
    widgets.show_chart(
        figures.series_figure(
            levels, indicator_tables.rounded_targets(mine, targets, lang), name, unit, lang
        ),
        f"series_{code}",
        lang,
        key="detail_series",
    )
    # Which of the figures are the units' totals, and how many units each adds up.
    if area is not None and (added := computed.totals_line(data, code, area, lang)):
        st.caption(markup.md(added))
# The tables read the figures in words (phrase's); the Excel file keeps the numbers beside them.
IN_WORDS = {"value_text": "value", "actual_text": "actual", "target_text": "target"}
observations = indicator_tables.observations_table(mine, code, lang, area, unit)
if observations.empty:
    widgets.say(t("empty.figure", lang))
else:
    shown = observations[["year", "obs_kind", "value_text", "note"]].rename(columns=IN_WORDS)
    reading_tables.show_table(observations, f"{code}_figures", lang, key="detail_observations", display=shown)

# Targets and attainment: the computed % beside the report's own.
st.subheader(t("detail.targets", lang))
if targets.empty:
    widgets.say(t("empty.target", lang))
else:
    targets_frame = indicator_tables.targets_table(mine, code, lang, area, unit)
    shown = targets_frame[["term", "kind", "target_text"]].rename(columns=IN_WORDS)
    reading_tables.show_table(targets_frame, f"{code}_targets", lang, key="detail_targets", display=shown)
rows = computed.area_rows(data, area, None)
rows = rows[rows["code"] == code]
if not rows.empty:
    st.subheader(t("detail.attainment", lang))
    view = tables.attainment_view(data, rows, lang)
    for _, row in view.iterrows():
        term = labels.term_label(str(row["period"]), lang)
        kind = t(f"kind.{row['target_kind']}", lang)
        widgets.status_badge(
            str(row["status"]), lang, prefix=f"{term} · {kind} · {fmt.percent(row['shown_pct'], lang)} · "
        )
        if row["differs"]:
            st.warning(
                t("detail.differs", lang).format(
                    computed=fmt.percent(row["attainment_pct"], lang),
                    reported=fmt.percent(row["reported_pct"], lang),
                    diff=fmt.signed(row["difference_pts"], lang),
                ),
                icon=":material/difference:",
            )
        elif row["target_derived"]:
            # The target as the goals page and the báo cáo write it: one mark, one basis.
            target = labels.target_words(row, unit, lang)
            # A caption is Markdown, and the unit comes from the data.
            st.caption(t("detail.derived", lang).format(target=markup.md(target)))
        elif not fmt.is_missing(row["reported_pct"]) and not fmt.is_missing(row["attainment_pct"]):
            st.caption(t("detail.same", lang).format(reported=fmt.percent(row["reported_pct"], lang)))
    # The badges above name the term and who set the target; the table keeps to the numbers.
    attained = indicator_tables.attainment_table(rows, lang, unit, marks=data.pending)
    shown = attained[["term", "actual_text", "target_text", "pct", "reported", "status"]].rename(
        columns=IN_WORDS
    )
    reading_tables.show_table(attained, f"{code}_attainment", lang, key="detail_attainment", display=shown)

# The report's own words.
st.subheader(t("detail.quotes", lang))
quoted = indicator_tables.quotes(mine, code, area)
if quoted.empty:
    widgets.say(t("empty.quotes", lang))
else:
    if lang == "en":
        st.caption(t("detail.quotes_english", lang))
    for _, quote in quoted.iterrows():
        st.markdown(f"> {markup.md(quote['quote'])}")
        st.caption(markup.md(quote["section"]))

# One figure's comments and history in the chosen area (what a viewer reads of them: counts, values).
if area is not None:
    figure_thread.section(data, code, area, unit, lang, key="detail_thread")
