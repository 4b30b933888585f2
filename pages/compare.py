"""So sánh địa bàn: the areas under a parent ranked on one indicator and year, the parent's total, gaps."""

from __future__ import annotations

import streamlit as st

from dashboard import computed, downloads, links, markup, reading_tables, state, widgets
from indicators.areas import compare
from indicators.areas import hierarchy as areas
from indicators.charts import compare as compare_charts
from indicators.core import page_settings
from indicators.report import compare as report_compare
from indicators.text import labels
from indicators.text.i18n import t

# Read inputs.
lang = state.lang()
data = widgets.page_header("page.compare", lang)
info = labels.indicator_info(data, lang)
if info.empty:
    widgets.say(t("empty.indicators", lang))
    st.stop()
st.caption(t("compare.intro", lang))
codes, years_of = computed.compare_choices(data)


def _new_indicator() -> None:
    """Another indicator has other years and areas: its latest year and usual parent are the start."""
    chosen = st.session_state["compare_code"]
    years = years_of.get(chosen, [])
    if years:
        st.session_state["compare_year"] = years[-1]
        parent = computed.default_parent(data, chosen, years[-1])
        if parent:
            st.session_state["compare_parent"] = parent


# A link names the view by codes (?indicator=TEA_AREA&year=2026&parent=12); an older link's label
# for the indicator still opens it.
asked = links.asked("indicator", codes, links.indicator_names(data)) or page_settings.DEFAULT_INDICATOR
code = st.selectbox(
    t("compare.indicator", lang),
    codes,
    index=codes.index(asked) if asked in codes else 0,
    key="compare_code",
    on_change=_new_indicator,
    format_func=lambda c: f"{t('domain.' + str(info.at[c, 'domain']), lang)} · {info.at[c, 'name']}",
)
links.put("indicator", code)
name, unit = str(info.at[code, "name"]), str(info.at[code, "unit"])
years = years_of.get(code, [])
if not years:
    widgets.say(t("empty.series", lang))
    st.stop()
names = computed.area_labels(data, lang)
left, right = st.columns([1, 3])
# A value already in the session (set when the indicator changed) wins; else the latest year.
linked_year = links.asked("year", years)
start = 0 if "compare_year" in st.session_state else len(years) - 1
start = years.index(linked_year) if linked_year is not None else start
year = left.selectbox(t("compare.year", lang), years, index=start, key="compare_year")
links.put("year", year)
parents = [compare.COUNTRY, *sorted(areas.parents(data.areas)["code"], key=lambda c: names.get(c, c))]
default = links.asked("parent", parents) or computed.default_parent(data, code, year)
parent = right.selectbox(
    t("compare.parent", lang),
    parents,
    index=0 if "compare_parent" in st.session_state or default not in parents else parents.index(default),
    key="compare_parent",
    format_func=lambda c: t("compare.country", lang) if c == compare.COUNTRY else names.get(c, c),
    help=t("compare.parent_help", lang),
)
links.put("parent", parent)

# The comparison: each child area against the parent's total and target.
result = computed.comparison(data, code, year, parent)
if result.problem:
    widgets.say(t(result.problem, lang).format(code=code, year=year, area=names.get(parent, parent)))
    st.stop()

# Draw it: the ranked chart, then one table with each area's gap to its own target.
if result.children["value"].notna().any():
    figure = compare_charts.compare_figure(data, result, name, unit, lang)
    widgets.show_chart(figure, f"so_sanh_{code}_{year}", lang, key="compare_chart")
else:
    widgets.say(t("compare.no_values", lang).format(year=year))
st.subheader(t("compare.table", lang))
table = compare_charts.compare_table(data, result, unit, lang)
reading_tables.show_table(
    table,
    f"so_sanh_{code}_{year}",
    lang,
    key="compare_table",
    display=compare_charts.reading_table(table, lang),
    one_markdown=True,
)
if result.children["target"].isna().all():
    widgets.say(t("empty.target", lang))

# The báo cáo of the parent and year with this comparison in it, for everyone who reads this page.
st.subheader(t("report.compare_heading", lang))
if parent == compare.COUNTRY:
    widgets.say(t("report.cmp.no_country", lang))
else:
    scope = st.radio(
        t("report.cmp.scope", lang),
        ["one", "all"],
        # Radio options are Markdown: the indicator's name from the data goes through md() like any text.
        format_func=lambda s: t(f"report_scope.{s}", lang).format(name=markup.md(name)),
        key="compare_report_scope",
        horizontal=True,
    )
    others = report_compare.codes_with_child_figures(data, parent, year) if scope == "all" else []
    chosen = (code, *(c for c in others if c != code))
    downloads.report_downloads(data, parent, str(year), lang, key="compare_report", compare=chosen)

# Where an area came from: the former units, and the former district's figures, labelled as such.
linked = sorted(set(data.area_links["code"]), key=lambda c: names.get(c, c))
if linked:  # a store without formed-from links gets no empty heading
    st.subheader(t("compare.origin", lang))
    first = next((c for c in result.children["area"] if c in set(linked)), linked[0])
    picked = st.selectbox(
        t("compare.origin_pick", lang),
        linked,
        index=linked.index(first),
        # One picker per comparison: a new one starts from the first ranked area of that comparison.
        key=f"compare_origin_{code}_{year}_{parent}",
        format_func=lambda c: names.get(c, c),
        help=t("compare.parent_help", lang),
    )
    widgets.origin(data, picked, code, name, unit, lang)
