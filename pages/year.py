"""Đánh giá năm: an area's year at the year-end review: figures, the year's plan, last year, the path."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import computed, downloads, links, markup, reading_tables, state, widgets
from dashboard.cache import per_version
from indicators.areas import rollup, rollup_review
from indicators.core import terms, year_review
from indicators.core.model import Dataset
from indicators.text import fmt, labels, tables, year_tables
from indicators.text import totals as totals_text
from indicators.text.fmt import Lang
from indicators.text.i18n import t


# Keyed by store and version like the other pages' caches: an import is a new version.
@per_version(32)
def _review(data: Dataset, area: str, year: int) -> pd.DataFrame:
    # A province's year is its units' totals: a partial one is shown, never judged (rollup_review).
    found = computed.rolled(data, area)
    return year_review.review(data, area, year) if found is None else rollup_review.review(found, year)


@per_version(32)
def _tables(
    data: Dataset, area: str, year: int, lang: Lang, *, _rows: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    # A goal's text and path per row: the page's own work, done once per version, area, year and language.
    return year_tables.table(data, _rows, area, lang), year_tables.summary(data, _rows, area, lang)


@per_version(8)
def _choices(data: Dataset) -> tuple[list[str], set[str], list[terms.Term]]:
    # The areas with figures or plans of their own (the page opens on one), and the province over
    # them, a choice too: its year is their totals.
    areas = year_review.areas(data)
    provinces = rollup.provinces_over(data.areas, areas, computed.province_map(data))
    return areas + [p for p in provinces if p not in areas], set(areas), terms.catalogue(data)


@per_version(8)
def _measured(data: Dataset) -> set[str]:
    return year_review.measured(data)


@per_version(64)
def _years(data: Dataset, area: str) -> tuple[list[int], int | None]:
    found = computed.rolled(data, area)
    own = data if found is None else found.data
    return year_review.years(own, area), year_review.default_year(own, area)


# Read inputs.
lang = state.lang()
data = widgets.page_header("page.year", lang)
# The page opens on an area with a year's figure of its own, never one with only a plan.
areas, _own, catalogue = _choices(data)
area = widgets.area_filter(data, areas, lang, key="year_area", with_figures=_measured(data))
if area is None:
    widgets.say(t("year.empty", lang))
    st.stop()
years, latest = _years(data, area)
if not years:
    widgets.say(t("year.no_years", lang))
    st.stop()
# In the address (?year=2023, an older link's ?nam=2023): a link to one year's review opens on that year.
start = links.asked("year", years) or latest
year = st.selectbox(
    t("year.pick", lang),
    years,
    index=years.index(start) if start in years else len(years) - 1,
    key="nam",
    width=160,
)
links.put("year", year)
rows = _review(data, area, int(year))
# The area's own figures and targets (a province's with its units' totals): what the tables below
# read, not the whole store. The báo cáo gets the whole (it adds the area's units up itself).
whole, data = data, computed.area_cut(data, None, area)
term = terms.term_of(catalogue, int(year))

# What the year holds, in a sentence, then the plan's tally and what is missing.
st.subheader(t("year.heading", lang).format(y=year))
if rows.empty:
    widgets.say(t("year.nothing", lang).format(y=year))
    st.stop()
place = labels.area_label(data, area, lang)
st.caption(
    markup.md(
        t("year.intro", lang).format(
            area=place, y=year, p=int(year) - 1, term=term.label if term is not None else "…"
        )
    )
)
estimates = int((rows["value_kind"] == "estimate").sum())
if estimates:
    st.caption(t("year.estimates", lang).format(n=estimates, y=year))
if held := rollup_review.held(rows):
    st.caption(totals_text.unjudged_line(held, lang))
counts = year_tables.plan_counts(rows)
if sum(counts.values()):
    st.markdown(f"**{t('year.plans', lang).format(y=year)}**")
    widgets.show_tally(counts, lang)
else:
    widgets.say(t("year.no_plans", lang).format(y=year))
if term is None:
    widgets.say(t("year.no_term", lang).format(y=year))
elif terms.goals(data, term, area).empty:
    widgets.say(t("year.no_goals", lang).format(term=term.label))
elif int(year) == term.end:
    st.caption(t("year.term_end", lang).format(y=year, term=term.label))

# Every indicator of the year, for reading and for Excel.
st.subheader(t("year.table", lang).format(y=year))
table, summary = _tables(data, area, int(year), lang, _rows=rows)
# What can be compared with a plan, last year or the path first; the figures alone folded under it,
# counted in its label: on a phone the page is then its summary, not seventy rows (Excel has all).
compared, bare = year_tables.split_compared(summary)
reading_tables.show_table(table, f"nam_{year}_{area}", lang, key="year_table", display=compared)
if not bare.empty:
    with st.expander(t("year.bare", lang).format(n=fmt.number(len(bare), lang), y=year)):
        reading_tables.reading_table(tables.headers(bare, lang), lang, key="year_bare")

# The báo cáo of this area and year, in the official format, for anyone who reads this page.
st.subheader(t("report.heading", lang))
downloads.report_downloads(whole, area, str(year), lang, key="year_report")
