"""The eight domain pages: one table of what each shows and where it lives, one function that draws them."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import streamlit as st

from dashboard import computed, limits, narrow, state
from dashboard.cache import per_version
from dashboard.markup import md
from dashboard.reading_tables import show_table
from dashboard.widgets import filters, page_header, say, show_cards, show_chart
from indicators.charts import Figure, figures
from indicators.core import page_settings, selection
from indicators.core.attainment import levels
from indicators.core.model import Dataset
from indicators.rounds import pending_view
from indicators.text import cards, indicator_tables, labels, tables
from indicators.text import totals as totals_text
from indicators.text.fmt import Lang
from indicators.text.i18n import t


@dataclass(frozen=True)
class DomainPage:
    """One domain page in the navigation: its group (page_settings.DOMAIN_PAGES), icon and address."""

    group: str
    icon: str
    url_path: str  # as people bookmarked it: never changed once published


# In the menu's order, the report's. The title is the i18n key f"page.{group}".
DOMAIN_NAV: tuple[DomainPage, ...] = (
    DomainPage("economy", ":material/payments:", "kinh-te"),
    DomainPage("society", ":material/school:", "giao-duc-y-te-van-hoa"),
    DomainPage("poverty_jobs", ":material/work:", "giam-ngheo-viec-lam"),
    DomainPage("defence_security", ":material/shield:", "quoc-phong-an-ninh"),
    DomainPage("political_system", ":material/account_balance:", "he-thong-chinh-tri"),
    DomainPage("new_rural", ":material/cottage:", "nong-thon-moi"),
    DomainPage("tea", ":material/eco:", "cay-che"),
    DomainPage("tourism", ":material/landscape:", "du-lich"),
)


def nav_pages(lang: Lang) -> list[st.Page]:
    """The domain pages for st.navigation, titled in the reader's language."""
    return [
        st.Page(
            functools.partial(domain_page, page.group),
            title=t(f"page.{page.group}", lang),
            icon=page.icon,
            url_path=page.url_path,
        )
        for page in DOMAIN_NAV
    ]


@per_version(16)
def _with_trend(data: Dataset, codes: tuple[str, ...], area: str | None) -> list[str]:
    # The indicators with figures in two years or more: a trend needs two points.
    lv = levels(computed.area_cut(data, codes, area).observations)
    years = lv.groupby("code", observed=True)["year"].nunique()
    return [c for c in codes if int(years.get(c, 0)) >= 2]


@per_version(64)
def _trend_figure(data: Dataset, code: str, area: str | None, lang: Lang) -> Figure:
    mine = computed.area_cut(data, [code], area)
    info = labels.indicator_info(mine, lang)
    name, unit = str(info.at[code, "name"]), str(info.at[code, "unit"])
    # Each figure not yet approved (where the reader switched them on) is marked on the chart.
    series = pending_view.flagged(selection.series(mine, code, area), data.pending, code, area)
    return figures.series_figure(
        series, indicator_tables.rounded_targets(mine, mine.targets, lang), name, unit, lang
    )


def trend(data: Dataset, codes: list[str], area: str | None, lang: Lang, key: str) -> None:
    """One indicator's figures in every year, whatever the term chosen: drawn only when asked for.

    The switch starts off: finding the indicators with two years and drawing one costs as much as the
    rest of the page at national scale, and most readers come for the cards and the results.
    """
    st.subheader(t("domain_page.trend", lang))
    if not st.toggle(t("on_demand.trend", lang), key=f"{key}_show", help=t("on_demand.trend_help", lang)):
        return
    drawable = _with_trend(data, tuple(codes), area)
    if not drawable:
        say(t("on_demand.trend_none", lang))
        return
    info = labels.indicator_info(data, lang)
    code = st.selectbox(
        t("domain_page.trend_pick", lang),
        drawable,
        key=key,
        format_func=lambda c: str(info.at[c, "name"]),
    )
    show_chart(_trend_figure(data, code, area, lang), f"trend_{code}", lang, key=f"{key}_chart")


def domain_page(group: str) -> None:
    """One domain page: its indicators as cards, results against targets as a chart and a table."""
    lang = state.lang()
    domains = page_settings.DOMAIN_PAGES[group]
    data = page_header(f"page.{group}", lang)
    codes = narrow.codes_in(data, domains)
    if not codes:
        say(t("empty.domain", lang))
        st.stop()
    rows = computed.domain_rows(data, tuple(codes))
    area, period = filters(data, rows, lang, key=f"domain_{group}", codes=codes)

    st.subheader(t("domain_page.indicators", lang))
    shown = set(limits.searched(data, codes, lang, key=f"domain_{group}"))
    domain_of = data.indicators.set_index("code")["domain"]
    for domain in domains:
        mine = [c for c in codes if domain_of.get(c) == domain and c in shown]
        if not mine:
            continue
        if len(domains) > 1:
            st.markdown(f"**{md(t(f'domain.{domain}', lang))}**")
        show_cards(computed.cards(data, tuple(mine), lang, area, period), lang)
    # Every year, whatever the term above: how the figures moved from one term into the next.
    trend(data, [c for c in codes if c in shown], area, lang, key=f"domain_{group}_trend")

    st.subheader(t("domain_page.results", lang))
    title = f"{t('chart.attainment', lang)}: {t(f'page.{group}', lang)}"
    figure, unjudged = computed.attainment_chart(data, lang, area, period, codes=tuple(codes), title=title)
    if figure is not None:
        show_chart(figure, f"attainment_{group}", lang, key=f"chart_{group}")
    else:
        # Targets without results yet are not the same as no targets at all.
        partial = computed.partial_count(data, area, period, tuple(codes))
        say(t("empty.attainment" if unjudged or partial else "empty.domain_targets", lang))
    if unjudged:
        st.caption(cards.unjudged_line(unjudged, lang))
    if partial := computed.partial_count(data, area, period, tuple(codes)):
        st.caption(totals_text.unjudged_line(partial, lang))

    st.subheader(t("domain_page.table", lang))
    found, table = computed.results(data, tuple(codes), lang, area, period)
    # The reading table keeps to the indicators shown above; the Excel file holds every one.
    read = found[found["code"].isin(shown)].reset_index(drop=True)
    if len(shown) < len(codes):
        st.caption(t("limit.table", lang).format(n=len(shown), total=len(codes)))
    show_table(
        table,
        f"{group}_{period or 'all'}",
        lang,
        key=f"table_{group}",
        display=tables.results_summary(read, lang),
    )
