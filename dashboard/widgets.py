"""Shared Streamlit pieces: language switch, page header, status badges, cards, charts with PNG, filters."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

from dashboard import area_choice, computed, links, pending, state
from dashboard.markup import md
from dashboard.reading_tables import plain_table
from indicators.areas import hierarchy as area_tree
from indicators.areas import rollup
from indicators.areas.opening import Opening
from indicators.charts import Figure, figures
from indicators.charts import compare as compare_charts
from indicators.core import selection
from indicators.core.model import Dataset
from indicators.core.tally import KindCount
from indicators.store.database import StoreError
from indicators.text import cards as indicator_cards
from indicators.text import fmt, labels
from indicators.text.fmt import LANGS, Lang
from indicators.text.i18n import t

# Badges carry a symbol and a word, so status reads without colour. The symbols are the figures'
# own Unicode ones rather than Material icons: the same marks everywhere, and a page needs no
# icon font before it can be drawn.
BadgeColor = Literal["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"]
_STATUS_COLORS: dict[str, BadgeColor] = {
    "vuot": "blue",
    "dat": "green",
    "khong_dat": "orange",
    "no_data": "gray",
    labels.NO_TARGET: "gray",
    "khong_danh_gia": "gray",
}
_PROGRESS_COLORS: dict[str, BadgeColor] = {
    "achieved": "green",
    "on_track": "blue",
    "moderate": "yellow",
    "limited": "orange",
    "moving_away": "red",
    "no_data": "gray",
    "not_yet": "orange",
    "missed_year": "orange",
    "not_judged": "gray",
    "vuot": "blue",
    "dat": "green",
    "khong_dat": "orange",
}
AREA_PICKER_WIDTH = 380  # px; a phone's column is narrower and the picker then takes its width
# The mark of a figure not yet approved, beside its words "chưa duyệt", as the charts draw it.
PENDING_SYMBOL = "◇"
STATUS_BADGE = {s: (labels.STATUS_ICON[s], c) for s, c in _STATUS_COLORS.items()}
PROGRESS_BADGE = {s: (labels.PROGRESS_ICON[s], c) for s, c in _PROGRESS_COLORS.items()}


# Language and data -------------------------------------------------------------------


# What a link may say after ?lang=: the codes, and the switch's old labels so older links still work.
LANG_PARAM: dict[str, Lang] = {
    "vi": "vi",
    "en": "en",
    "tiếng việt": "vi",
    "tieng viet": "vi",
    "english": "en",
}
_LANG_FROM_LINK = "lang_from_link"  # the ?lang= value already applied in this session


def link_language(value: str | None) -> Lang | None:
    """The language a link's ?lang= asks for ("en", "vi", or an older link's "English"); None if neither."""
    return LANG_PARAM.get((value or "").strip().casefold())


def language_switch() -> Lang:
    """The switch between Vietnamese and English, at the top right of every page; kept across pages.

    A link's ?lang= sets the language when the session opens it; the address then follows the switch
    (?lang=en, nothing for Vietnamese), so a shared link opens in the sender's language.
    """
    asked = link_language(st.query_params.get("lang"))
    # Applied once per value: after that the switch decides, though the old value stays in the address.
    if asked is not None and st.session_state.get(_LANG_FROM_LINK) != asked:
        st.session_state[state.LANG_KEY] = asked
    st.session_state.setdefault(state.LANG_KEY, "vi")
    st.segmented_control(
        # No visible label: it is drawn before the choice is known and would be in one language;
        # the two names say what the switch does in both.
        "Ngôn ngữ · Language",
        LANGS,
        label_visibility="collapsed",
        key=state.LANG_KEY,
        format_func=lambda code: t(f"lang.{code}", code),
        required=True,
    )
    lang = state.lang()
    st.session_state[_LANG_FROM_LINK] = lang
    if lang == "en":
        st.query_params["lang"] = "en"
    elif "lang" in st.query_params:
        del st.query_params["lang"]
    return lang


def require_data(lang: Lang) -> Dataset:
    """The newest data; a store that cannot be read or holds nothing gets a sentence and stops the page."""
    try:
        # Shown only while a version is being read (a server that just started, a new import):
        # a sentence and the seconds it has taken, not a blank page.
        with st.spinner(t("data.loading", lang).format(v=state.version()), show_time=True):
            data = state.dataset()
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        st.stop()
    if data.indicators.empty and data.observations.empty:
        say(t("empty.store", lang))
        st.stop()
    return data


# Small pieces ------------------------------------------------------------------------


def say(sentence: str) -> None:
    """A plain sentence where a chart or table would be: the data has nothing to show here."""
    st.info(sentence, icon=":material/info:")


def page_header(title_key: str, lang: Lang) -> Dataset:
    """The page's title, then its data and the source and version it shows; stops on an empty store."""
    st.title(t(title_key, lang))
    data = require_data(lang)
    # The versions behind this run's data, not the 2015–2020 report for every figure.
    st.caption(computed.source_line(lang))
    # Approved figures unless the reader switches the pending ones on; then each is marked.
    return pending.shown(data, lang)


def status_badge(status: str, lang: Lang, prefix: str = "") -> None:
    """An attainment status as a badge: symbol, word and colour."""
    symbol, color = STATUS_BADGE.get(status, STATUS_BADGE["no_data"])
    st.badge(f"{symbol} {prefix}{t(f'status.{status}', lang)}", color=color)


def show_chart(fig: Figure, name: str, lang: Lang, key: str) -> None:
    """A plotly figure at full width, its source under it; its button saves a PNG in the reader's words."""
    config = {
        "displaylogo": False,
        "displayModeBar": True,
        "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
        "responsive": True,
        "locale": lang,
        # Plotly's own words, in its dictionary's keys: the button's tooltip and its notice.
        "locales": {
            lang: {
                "dictionary": {
                    "Download plot as a PNG": t("chart.png", lang),
                    "Download plot": t("chart.png", lang),
                    "Preparing image - this may take a few seconds": t("chart.png_wait", lang),
                }
            }
        },
    }
    st.plotly_chart(fig, width="stretch", theme=None, config=config, key=key)
    # Every chart names its source beneath it, and the versions actually behind its figures.
    st.caption(md(computed.source_line(lang)))


def filters(
    data: Dataset, rows: pd.DataFrame, lang: Lang, key: str, codes: list[str] | None = None
) -> tuple[str | None, str | None]:
    """Area and term pickers, shown only where the data has more than one; returns the choice.

    The areas are those holding a target or a figure of the page's indicators (`codes`, all by default).
    """
    chosen = None if codes is None else tuple(codes)
    areas, measured, terms, default = computed.filter_choices(data, key, chosen, _rows=rows)
    area = areas[0] if areas else None
    period = default
    if len(areas) > 1:
        names = computed.area_labels(data, lang)
        ordered = sorted(areas, key=lambda a: names.get(a, a))
        found = area_choice.start(data, ordered, measured)
        area = st.selectbox(
            t("filter.area", lang),
            ordered,
            index=area_choice.index_of(found, ordered),
            format_func=lambda a: names.get(a, a),
            key=f"{key}_area",
            on_change=area_choice.remember,
            args=(f"{key}_area",),
            # Wide enough for "Tỉnh Lai Châu › Huyện Tam Đường (cũ) · 106", which 280 px cut at "(c…".
            width=AREA_PICKER_WIDTH,
        )
        if found is not None and area == found.area and found.reason != "chosen":
            st.caption(md(opened_on(data, found, ordered, lang)))
    if len(terms) > 1:
        start = links.asked("term", terms) or default
        # A few terms at most: buttons, one tap on a phone, and lighter than a drop-down.
        period = st.segmented_control(
            t("filter.term", lang),
            terms,
            default=start if start in terms else terms[-1],
            required=True,
            format_func=lambda p: labels.term_label(p, lang),
            key=f"{key}_term",
        )
    # The view in the address as codes (?area=106&term=2015-2020): a copied link opens it again.
    if area is not None:
        links.put("area", area)
    if period is not None:
        links.put("term", period)
    fixed = []
    if len(areas) == 1 and area is not None:
        fixed.append(f"{t('filter.area', lang)}: {labels.area_label(data, area, lang)}")
    if len(terms) == 1 and period is not None:
        fixed.append(f"{t('filter.term', lang)}: {labels.term_label(period, lang)}")
    if fixed:
        st.caption(md(" · ".join(fixed)))
    return area, period


def opened_on(data: Dataset, found: Opening, ordered: list[str], lang: Lang) -> str:
    """Which area a page opened on when nobody chose one, and why; the province's totals are a choice."""
    offered = set(ordered)
    provinces = [
        p for p in rollup.provinces_over(data.areas, ordered, computed.province_map(data)) if p in offered
    ]
    own = found.account_area
    names = {"area": computed.area_name(data, found.area, lang)}
    if own is not None:
        names["own"] = computed.area_name(data, own, lang)
    words = [t(_OPENED[found.reason], lang).format(**names)]
    if own is not None and found.reason in {"province", "first"}:
        # The account's area was passed over: say why, or the reader wonders where their area went.
        words.append(t("rollup.account_lacks", lang).format(**names))
    others = [p for p in provinces if p != found.area]
    if others:
        province = computed.area_name(data, others[0], lang)
        words.append(t("rollup.province_hint", lang).format(province=province))
    return " ".join(words)


# Each step of the opening rule, and the sentence that says it (the reader's own choice needs none).
_OPENED: dict[str, str] = {
    "account": "rollup.opened_account",
    "account_unit": "rollup.opened_account_unit",
    "province": "rollup.opened_own",
    "first": "rollup.opened_first",
    "no_figures": "rollup.opened_no_figures",
}


def card_details(card: indicator_cards.Card, lang: Lang) -> str:
    """Everything under a card's number in one Markdown block: what the card has, and nothing it lacks.

    A card without a change since 2015 or without a target says so by leaving those lines out, not
    with "—" or "no target set": the reader sees the figure and its year, and what else there is.
    """
    lines = []
    # A figure not yet approved says so first, in words with its symbol (never by colour alone).
    if card.pending:
        lines.append(f":violet-badge[{PENDING_SYMBOL} {t('pending.mark', lang)}]")
    # "ước" right under the number it qualifies (a metric's own value is cut when it grows longer).
    if card.estimate:
        # The estimate's own note says when and by whom: a fixed "written in 2020" is false for later ones.
        note = md(card.estimate_note) if card.estimate_note else t("card.estimate", lang)
        lines.append(f":gray-badge[{fmt.estimate_mark(lang)}] :small[:gray[{note}]]")
    if card.value_note:
        lines.append(f":gray[{md(card.value_note)}]")
    if card.change != fmt.MISSING:
        arrow = "↘" if card.change.startswith("−") else "↗"
        lines.append(f"{arrow} :small[{md(card.change_label)}:] **{md(card.change)}**")
    # A non-breaking space keeps "Năm 2020" on one line beside the badge.
    year = f":small[{card.period_label.replace(' ', chr(0xA0))}]" if card.period_label else ""
    if card.status != labels.NO_TARGET:
        icon, color = STATUS_BADGE.get(card.status, STATUS_BADGE["no_data"])
        word = t(f"status.{card.status}", lang)
        badge = word if card.target_pct == fmt.MISSING else f"{card.target_pct} · {word}"
        lines.append(f":{color}-badge[{icon} {md(badge)}] {year}".rstrip())
    elif year:
        lines.append(year)
    if card.implied_target:
        lines.append(f":small[:gray[≈ {t('basis.implied', lang)}]]")
    # An absent figure needs the sentence under its "—".
    if card.value == fmt.MISSING:
        lines.append(f":small[:gray[{t('empty.figure', lang)}]]")
    elif card.reported_basis and not card.implied_target:
        lines.append(f":small[:gray[{t('status.reported_basis', lang)}]]")
    return "  \n".join(lines)


def show_cards(cards: list[indicator_cards.Card], lang: Lang, min_width: int = 260) -> None:
    """Indicator cards in a grid that reflows to one column on a phone; three elements a card."""
    grid = st.grid(3, min_column_width=min_width, border=True, gap="small")
    for card in cards:
        with grid.cell():
            # The unit goes with the name, as text that wraps: a metric's own label is cut at one line,
            # and a long unit beside a large number would be cut off on a phone.
            label = f"{card.name} ({card.unit})" if card.unit else card.name
            st.markdown(f"**{md(label)}**")
            st.metric(md(label), md(card.value), label_visibility="collapsed")
            st.markdown(card_details(card, lang))


def show_tally(counts: dict[str, int], lang: Lang) -> None:
    """How many targets are exceeded, met, not met, not yet judged: one line of badges, icon, word, number."""
    badges = []
    for status in ("vuot", "dat", "khong_dat", "no_data", "khong_danh_gia"):
        if status == "khong_danh_gia" and not counts.get(status):
            continue
        icon, color = STATUS_BADGE[status]
        number = fmt.number(counts.get(status, 0), lang)
        badges.append(f":{color}-badge[{icon} {t(f'status.{status}', lang)}: **{number}**]")
    st.markdown(" ".join(badges))


def show_tally_by_kind(groups: list[KindCount], lang: Lang) -> None:
    """One line per kind of target: its name, how many targets, then a badge per status it has."""
    lines = []
    for group in groups:
        head = t("overview.tally_kind", lang).format(
            kind=md(indicator_cards.kind_label(group, lang)), n=fmt.number(group.n, lang)
        )
        badges = []
        for status, number in group.counts.items():
            if number:
                icon, color = STATUS_BADGE[status]
                word = f"{icon} {t(f'status.{status}', lang)}: **{fmt.number(number, lang)}**"
                badges.append(f":{color}-badge[{word}]")
        lines.append(" ".join([head, *badges]))
    st.markdown("  \n".join(lines))


def area_filter(
    data: Dataset, areas: list[str], lang: Lang, key: str, with_figures: set[str] | None = None
) -> str | None:
    """An area picker where there is more than one area; else the one area, named in a caption.

    It opens by area_choice.start's rule; `with_figures`: the areas holding a figure (None: all).
    """
    areas = list(dict.fromkeys(areas))  # a reused code (03390 before and after 2025) is one choice
    if not areas:
        return None
    if len(areas) == 1:
        st.caption(md(f"{t('filter.area', lang)}: {labels.area_label(data, areas[0], lang)}"))
        return areas[0]
    names = computed.area_labels(data, lang)
    # Sorted by the labels, which begin with the province: typing searches names and codes alike.
    ordered = sorted(areas, key=lambda a: names.get(a, a))
    found = area_choice.start(data, ordered, with_figures)
    area = st.selectbox(
        t("filter.area", lang),
        ordered,
        index=area_choice.index_of(found, ordered),
        format_func=lambda a: names.get(a, a),
        key=key,
        on_change=area_choice.remember,
        args=(key,),
        width=AREA_PICKER_WIDTH if len(areas) < 20 else "stretch",
    )
    if found is not None and area == found.area and found.reason != "chosen":
        st.caption(md(opened_on(data, found, ordered, lang)))
    if area is not None:
        links.put("area", area)
    return area


def origin(data: Dataset, code: str, indicator: str, name: str, unit: str, lang: Lang) -> None:
    """Which former units an area was formed from, and the former district's series of `indicator`.

    The series is the former unit's, never the new area's: the caption says so in so many words.
    """
    unit_row = area_tree.unit(data.areas, code)
    own = area_tree.name_in(str(unit_row["name"]), lang) if unit_row is not None else code
    origins = area_tree.formed_from(data, code)
    if origins.empty:
        say(t("compare.origin_none", lang).format(name=own))
        return
    date = fmt.day(str(origins["date"].iloc[0]), lang)
    st.markdown(md(t("compare.origin_intro", lang).format(name=own, date=date)))
    plain_table(compare_charts.origin_table(data, code, lang), lang)
    for former in area_tree.former_parents(data, code):
        former_row = area_tree.unit(data.areas, former)
        if former_row is None:
            continue
        levels = selection.series(data, indicator, former)
        if levels.empty:
            continue
        until = fmt.day(str(former_row["valid_to"]), lang)
        st.caption(
            md(
                t("compare.former_series", lang).format(
                    former=area_tree.label(data.areas, former, lang), until=until, name=own
                )
            )
        )
        targets = data.targets[(data.targets["code"] == indicator) & (data.targets["area"] == former)]
        # The chart's own title names the former unit and its end: a saved PNG keeps the label.
        ended = t("compare.until", lang).format(d=until)
        title = f"{name} · {area_tree.name_in(str(former_row['name']), lang)} ({ended})"
        figure = figures.series_figure(levels, targets, title, unit, lang)
        show_chart(figure, f"{indicator}_{former}", lang, key=f"origin_{former}")
