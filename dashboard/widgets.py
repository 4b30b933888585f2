"""Shared Streamlit pieces: language switch, status badges, charts with PNG, tables with Excel, filters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import area_choice, downloads, limits, narrow, state
from indicators.areas import compare
from indicators.areas import hierarchy as area_tree
from indicators.charts import compare as compare_charts
from indicators.charts import figures
from indicators.core import attainment, page_settings, progress, selection
from indicators.core.model import Dataset
from indicators.store.database import StoreError
from indicators.text import cards as indicator_cards
from indicators.text import fmt, labels, tables
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
STATUS_BADGE = {s: (labels.STATUS_ICON[s], c) for s, c in _STATUS_COLORS.items()}
PROGRESS_BADGE = {s: (labels.PROGRESS_ICON[s], c) for s, c in _PROGRESS_COLORS.items()}
# st.table and st.markdown read Markdown; text from the data must not turn into formatting.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|$~#])")
# Streamlit also turns ":skull:" into an emoji and "https://…", "www.…" or "a@b.vn" into links,
# after escapes are undone; an invisible word joiner after ":" and "@" and inside "www." keeps the
# text as written without a visible change.
_JOINER = "\u2060"
_LINKS_AND_SHORTCODES = re.compile(r"(?i)([:@])|\b(www)\.")


def md(text: object) -> str:
    """Text from the data, escaped so Markdown shows it as written: no formatting, links or emoji."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return _LINKS_AND_SHORTCODES.sub(
        lambda m: f"{m.group(1)}{_JOINER}" if m.group(1) else f"{m.group(2)}{_JOINER}.", escaped
    )


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


# The caches below hold one value per data version (and choice) for the whole server, shared
# by every session (st.cache_resource): st.cache_data would unpickle a private copy on every
# run. Frames go out as shallow copies (pandas copies on write); figures, cards and goal
# lists are only drawn, never changed.


@st.cache_resource(max_entries=8, show_spinner=False)
def _attainment(url: str, version: int, _data: Dataset) -> pd.DataFrame:
    # Keyed by store and version (the frames are not hashed): an import is a new version.
    return selection.with_periods(attainment.compute(_data))


@st.cache_resource(max_entries=8, show_spinner=False)
def _progress(url: str, version: int, _data: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = progress.compute(_data)
    return rows, progress.required_path(rows)


def attainment_rows(data: Dataset) -> pd.DataFrame:
    """Every target's attainment with its term, computed once per data version."""
    return _attainment(state.store().url, data.version, data).copy(deep=False)


def progress_rows(data: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Progress toward the latest goals and their required paths, once per data version."""
    goals, paths = _progress(state.store().url, data.version, data)
    return goals.copy(deep=False), paths.copy(deep=False)


# What the overview and domain pages draw, built once per data version, language and choice.
# Each function recomputes from the cached attainment, so its key is exactly its arguments.


@st.cache_resource(max_entries=64, show_spinner=False)
def _cards(
    url: str,
    version: int,
    codes: tuple[str, ...],
    lang: Lang,
    area: str | None,
    period: str | None,
    _data: Dataset,
) -> list[indicator_cards.Card]:
    rows = selection.select(_attainment(url, version, _data), area, period)
    return indicator_cards.cards(narrow.cut(_data, codes, area), rows, codes, lang, area, period)


@st.cache_resource(max_entries=64, show_spinner=False)
def _attainment_chart(
    url: str,
    version: int,
    codes: tuple[str, ...] | None,
    lang: Lang,
    area: str | None,
    period: str | None,
    title: str | None,
    _data: Dataset,
) -> tuple[go.Figure | None, int]:
    rows = selection.select(_attainment(url, version, _data), area, period)
    if codes is not None:
        rows = selection.domain_rows(rows, list(codes))
    view = tables.attainment_view(_data, rows, lang)
    judged = view["shown_pct"].notna()
    # The title says what the chart finds ("All 18 targets met or exceeded") where there is a finding.
    title = indicator_cards.tally_title(indicator_cards.tally(rows), lang) or title
    figure = figures.attainment_figure(view, lang, title) if judged.any() else None
    return figure, int((~judged).sum())


@st.cache_resource(max_entries=16, show_spinner=False)
def _goal_groups(
    url: str, version: int, lang: Lang, area: str | None, _data: Dataset
) -> tuple[int | None, list[tuple[str, list[tuple[str, str]]]]]:
    goals, _ = _progress(url, version, _data)
    if area is not None:
        goals = goals[goals["area"] == area]
    year = int(goals["goal_year"].max()) if not goals.empty else None
    return year, tables.goal_groups(_data, goals, lang)


@st.cache_data(max_entries=8, show_spinner=False)
def _area_labels(url: str, version: int, lang: Lang, _data: Dataset) -> dict[str, str]:
    options = area_tree.picker_options(_data.areas, lang)
    return dict(zip(options["code"], options["label"], strict=True))


def area_labels(data: Dataset, lang: Lang) -> dict[str, str]:
    """Every area's picker label ("Tỉnh Lai Châu › Xã Bình Lư · 03390"), built once per version."""
    return _area_labels(state.store().url, data.version, lang, data)


@st.cache_resource(max_entries=8, show_spinner=False)
def _compare_choices(url: str, version: int, _data: Dataset) -> tuple[list[str], dict[str, list[int]]]:
    # Scans of every figure (millions at national scale): once per version, not on every run.
    return selection.all_codes(_data), compare.years_by_code(_data)


def compare_choices(data: Dataset) -> tuple[list[str], dict[str, list[int]]]:
    """The comparison page's indicators in page order, and each one's years, once per version."""
    codes, years = _compare_choices(state.store().url, data.version, data)
    return list(codes), years


@st.cache_resource(max_entries=64, show_spinner=False)
def _default_parent(url: str, version: int, code: str, year: int, _data: Dataset) -> str:
    return compare.default_parent(_data, code, year)


def default_parent(data: Dataset, code: str, year: int) -> str:
    """The parent of the areas holding an indicator's figures in a year (compare.default_parent), cached."""
    return _default_parent(state.store().url, data.version, code, year, data)


@st.cache_data(max_entries=32, show_spinner=False)
def _comparison(
    url: str, version: int, code: str, year: int, parent: str, _data: Dataset
) -> compare.Comparison:
    return compare.compare(_data, code, year, parent)


def comparison(data: Dataset, code: str, year: int, parent: str) -> compare.Comparison:
    """The comparison of one indicator, year and parent, computed once per version."""
    return _comparison(state.store().url, data.version, code, year, parent, data)


def cards(
    data: Dataset, codes: tuple[str, ...], lang: Lang, area: str | None, period: str | None
) -> list[indicator_cards.Card]:
    """Cards for the given indicators in one area and term (see text/cards.py), once per version."""
    return _cards(state.store().url, data.version, tuple(codes), lang, area, period, data)


def attainment_chart(
    data: Dataset,
    lang: Lang,
    area: str | None,
    period: str | None,
    codes: tuple[str, ...] | None = None,
    title: str | None = None,
) -> tuple[go.Figure | None, int]:
    """The attainment chart of one area and term (None when nothing is judged) and how many are not."""
    return _attainment_chart(state.store().url, data.version, codes, lang, area, period, title, data)


def goal_groups(
    data: Dataset, lang: Lang, area: str | None
) -> tuple[int | None, list[tuple[str, list[tuple[str, str]]]]]:
    """The latest goal year and the goals grouped by progress status (see tables.goal_groups)."""
    return _goal_groups(state.store().url, data.version, lang, area, data)


# Small pieces ------------------------------------------------------------------------


def say(sentence: str) -> None:
    """A plain sentence where a chart or table would be: the data has nothing to show here."""
    st.info(sentence, icon=":material/info:")


def page_header(title_key: str, lang: Lang) -> Dataset:
    """The page's title, then its data and the source and version it shows; stops on an empty store."""
    st.title(t(title_key, lang))
    data = require_data(lang)
    st.caption(t("app.source", lang).format(v=data.version))
    return data


def status_badge(status: str, lang: Lang, prefix: str = "") -> None:
    """An attainment status as a badge: symbol, word and colour."""
    symbol, color = STATUS_BADGE.get(status, STATUS_BADGE["no_data"])
    st.badge(f"{symbol} {prefix}{t(f'status.{status}', lang)}", color=color)


@st.cache_data(max_entries=32, show_spinner=False)
def _source_line(url: str, version: int, lang: Lang) -> str:
    # Keyed by store and version: the versions behind the data change only with a new version.
    return labels.source_line(state.store().sources(version), version, lang)


def source_line(lang: Lang) -> str:
    """The source of this run's data: the report, then every upload or restore still behind it.

    Of the run's pinned version (state.version), never a newer one committed while the page draws:
    a chart's source line names the same version as the page's header.
    """
    return _source_line(state.store().url, state.version(), lang)


def show_chart(fig: go.Figure, name: str, lang: Lang, key: str) -> None:
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
    st.caption(md(source_line(lang)))


def readable(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A table for reading: numbers in the reader's convention, "—" for absent, text escaped."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values):
            out[column] = [t("yes", lang) if v else t("no", lang) for v in values]
        elif pd.api.types.is_numeric_dtype(values):
            out[column] = [fmt.number(v, lang) for v in values]
        else:
            out[column] = [fmt.MISSING if fmt.is_missing(v) else md(v) for v in values]
    out.columns = [md(c) for c in frame.columns]
    return out


# Text that reads as a figure: "1.050,2 (Nghị quyết)", "≈ 300.000", "−4,5 %"; "giảm mỗi năm 0,5 ‰" does not.
_FIGURE_START = re.compile(r"^[≈~≤≥<>+−-]?\s?\d")


def figure_columns(frame: pd.DataFrame) -> list[str]:
    """The columns to right-align: numbers, and text columns whose every entry starts with a figure.

    The first column names the rows (an indicator, a year, a term) and stays to the left.
    """
    out = []
    for column in frame.columns[1:]:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_numeric_dtype(values):
            out.append(column)
            continue
        texts = [str(v) for v in values if not fmt.is_missing(v) and str(v) != fmt.MISSING]
        # A column of nothing but "—" is a column of figures not yet in, aligned like the figures.
        if all(_FIGURE_START.match(x) for x in texts):
            out.append(column)
    return out


def _right_heads(table: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Styler rules that right-align these columns' headers over their right-aligned figures."""
    # Important: Streamlit writes its own alignment on every cell, and a style attribute wins otherwise.
    return [
        {"selector": f"th.col_heading.col{i}", "props": "text-align: right !important"}
        for i, column in enumerate(table.columns)
        if column in columns
    ]


def _aligned(frame: pd.DataFrame, lang: Lang) -> object:
    """The reading table with figures right-aligned, header and cells, so digits line up by place."""
    table = readable(frame, lang)
    right = [md(c) for c in figure_columns(frame)]
    styled = table.style.set_properties(subset=right, **{"text-align": "right !important"})
    return styled.set_table_styles(_right_heads(table, right))


def _phone_rows(frame: pd.DataFrame, lang: Lang) -> str:
    """A wide table as a list for a phone: each row's first cell in bold, then "column: value" for the rest.

    Empty cells are left out rather than shown as "—": on a narrow screen every line has to say something.
    """
    table = readable(frame, lang)
    items = []
    for _, row in table.iterrows():
        first, *rest = list(row.items())
        parts = [f"{column}: {value}" for column, value in rest if value not in {fmt.MISSING, ""}]
        items.append(f"- **{first[1]}**" + ("  \n  " + " · ".join(parts) if parts else ""))
    return "\n".join(items)


def markdown_table(frame: pd.DataFrame, lang: Lang) -> str:
    """The reading table as one Markdown table: headers, cells escaped, figures right-aligned.

    Streamlit draws each cell of st.table through its own Markdown component; one Markdown table is
    parsed once, which a table of a few hundred cells (the comparison of 38 communes) needs.
    """
    table = readable(frame, lang)
    right = set(figure_columns(frame))
    rule = ["---:" if c in right else "---" for c in frame.columns]

    def line(cells: Sequence[object]) -> str:
        # A line break would end the row; the cells are escaped already (a "|" is "\|").
        return "| " + " | ".join(str(c).replace("\n", " ") for c in cells) + " |"

    rows = [line(list(table.columns)), line(rule), *(line(list(r)) for r in table.itertuples(index=False))]
    return "\n".join(rows)


# A table of more columns than this is drawn twice, as a table for wide screens and as a list for a
# phone, and the style sheet shows the one that fits: at 390 px a seven-column table either scrolls
# sideways or wraps its words one to a line.
PHONE_COLUMNS = 3


LONG_TABLE = 80  # rows


def show_table(
    frame: pd.DataFrame,
    name: str,
    lang: Lang,
    key: str,
    columns: list[str] | None = None,
    display: pd.DataFrame | None = None,
    one_markdown: bool = False,
) -> None:
    """A table for reading and a button that downloads all of `frame` as Excel; headers translated here.

    The reading table is `display` if given, else `frame`'s `columns` (all by default): a phone
    shows a few columns well, while the Excel file keeps every one. `one_markdown` draws the wide
    table as one Markdown table, not st.table: a long table then costs the browser far less to draw.
    """
    shown = display if display is not None else frame[columns] if columns is not None else frame
    shown = tables.headers(shown, lang)
    # A national store's hundred indicators make a table longer than any of the report's (69 rows at
    # most): as one Markdown table the browser draws it in a fraction of an st.table's time.
    one_markdown = one_markdown or len(shown) > LONG_TABLE
    if len(shown.columns) > PHONE_COLUMNS and not shown.empty:
        with st.container(key=f"wide_only-{key}"):
            if one_markdown:
                st.markdown(markdown_table(shown, lang))
            else:
                st.table(_aligned(shown, lang), hide_index=True)
        with st.container(key=f"phone_only-{key}"):
            st.markdown(_phone_rows(shown, lang))
    else:
        st.table(_aligned(shown, lang), hide_index=True)
    downloads.excel_download(frame, name, lang, key)


@st.cache_resource(max_entries=64, show_spinner=False)
def _choices(
    url: str, version: int, key: str, codes: tuple[str, ...] | None, _data: Dataset, _rows: pd.DataFrame
) -> tuple[list[str], set[str], list[str], str | None]:
    # A page (its filters' key) passes the same rows at a given version: the two name them.
    chosen = None if codes is None else list(codes)
    areas = selection.areas_present(_data, _rows, chosen)
    measured = set(selection.areas_present(_data, None, chosen))
    return areas, measured, selection.periods(_rows), selection.default_period(_rows)


def plain_table(frame: pd.DataFrame, lang: Lang) -> None:
    """A table for reading only (no download), its column ids turned into headers here."""
    st.table(readable(tables.headers(frame, lang), lang), hide_index=True)


# Light enough that the number written over a bar keeps its contrast (#111827 on it: above 10:1).
INLINE_BAR = "#B9D3EA"


def show_bar_table(frame: pd.DataFrame, column: str, lang: Lang) -> None:
    """A small table whose `column` of counts has a bar behind each number, scaled to the table's largest.

    Every count reads as a number, right-aligned; the bar only compares rows of this one table, so a
    count of 1 beside 6.099 is small but still written, and no axis from 0 to 6.099 hides it.
    """
    shown = tables.headers(frame, lang)
    head = t(f"col.{column}", lang)
    table = readable(shown, lang)
    table[md(head)] = shown[head].to_numpy()
    styled = (
        table.style.format(lambda v: fmt.number(v, lang), subset=[md(head)])
        .bar(subset=[md(head)], color=INLINE_BAR, vmin=0, height=70, width=100, props="width: 35%;")
        .set_properties(subset=[md(head)], **{"text-align": "right !important"})
        .set_table_styles(_right_heads(table, [md(head)]))
    )
    # Full width with the bars in a fixed share of it: the bars of every such table line up down the page.
    st.table(styled, hide_index=True)


def filters(
    data: Dataset, rows: pd.DataFrame, lang: Lang, key: str, codes: list[str] | None = None
) -> tuple[str | None, str | None]:
    """Area and term pickers, shown only where the data has more than one; returns the choice.

    The areas are those holding a target or a figure of the page's indicators (`codes`, all by default).
    """
    chosen = None if codes is None else tuple(codes)
    areas, measured, terms, default = _choices(state.store().url, data.version, key, chosen, data, rows)
    area = areas[0] if areas else None
    period = default
    if len(areas) > 1:
        names = area_labels(data, lang)
        ordered = sorted(areas, key=lambda a: names.get(a, a))
        area = st.selectbox(
            t("filter.area", lang),
            ordered,
            index=area_choice.default_index(ordered, measured),
            format_func=lambda a: names.get(a, a),
            key=f"{key}_area",
            on_change=area_choice.remember,
            args=(f"{key}_area",),
            width=280,
        )
    if len(terms) > 1:
        # A few terms at most: buttons, one tap on a phone, and lighter than a drop-down.
        period = st.segmented_control(
            t("filter.term", lang),
            terms,
            default=default if default in terms else terms[-1],
            required=True,
            format_func=lambda p: labels.term_label(p, lang),
            key=f"{key}_term",
        )
    fixed = []
    if len(areas) == 1 and area is not None:
        fixed.append(f"{t('filter.area', lang)}: {labels.area_label(data, area, lang)}")
    if len(terms) == 1 and period is not None:
        fixed.append(f"{t('filter.term', lang)}: {labels.term_label(period, lang)}")
    if fixed:
        st.caption(md(" · ".join(fixed)))
    return area, period


def card_details(card: indicator_cards.Card, lang: Lang) -> str:
    """Everything under a card's number in one Markdown block: what the card has, and nothing it lacks.

    A card without a change since 2015 or without a target says so by leaving those lines out, not
    with "—" or "no target set": the reader sees the figure and its year, and what else there is.
    """
    lines = []
    # "ước" right under the number it qualifies (a metric's own value is cut when it grows longer).
    if card.estimate:
        lines.append(f":gray-badge[{fmt.estimate_mark(lang)}] :small[:gray[{t('card.estimate', lang)}]]")
    if card.value_note:
        lines.append(f":gray[{md(card.value_note)}]")
    if card.change != fmt.MISSING:
        arrow = "↘" if card.change.startswith("−") else "↗"
        lines.append(f"{arrow} :small[{md(card.change_label)}:] **{md(card.change)}**")
    # A non-breaking space keeps "Năm 2020" on one line beside the badge.
    year = f":small[{t('card.year', lang).format(y=card.year).replace(' ', chr(0xA0))}]" if card.year else ""
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


def goal_strip(groups: list[tuple[str, list[tuple[str, str]]]], lang: Lang) -> None:
    """The goals grouped by progress status: a badge with icon, word and count, then the goals, one block."""
    blocks = []
    for status, items in groups:
        icon, color = PROGRESS_BADGE.get(status, PROGRESS_BADGE["no_data"])
        word = f"{fmt.number(len(items), lang)} · {t(f'progress.{status}', lang)}"
        lines = "\n".join(f"- {md(name)}: **{md(goal)}**" for name, goal in items)
        blocks.append(f":{color}-badge[{icon} {md(word)}]\n\n{lines}")
    st.markdown("\n\n".join(blocks))


# The domain pages --------------------------------------------------------------------


def domain_page(group: str) -> None:
    """One domain page: its indicators as cards, results against targets as a chart and a table."""
    lang = state.lang()
    domains = page_settings.DOMAIN_PAGES[group]
    data = page_header(f"page.{group}", lang)
    codes = narrow.codes_in(data, domains)
    if not codes:
        say(t("empty.domain", lang))
        st.stop()
    rows = selection.domain_rows(attainment_rows(data), codes)
    area, period = filters(data, rows, lang, key=f"domain_{group}", codes=codes)
    chosen = selection.select(rows, area, period)

    st.subheader(t("domain_page.indicators", lang))
    shown = set(limits.searched(data, codes, lang, key=f"domain_{group}"))
    domain_of = data.indicators.set_index("code")["domain"]
    for domain in domains:
        mine = [c for c in codes if domain_of.get(c) == domain and c in shown]
        if not mine:
            continue
        if len(domains) > 1:
            st.markdown(f"**{md(t(f'domain.{domain}', lang))}**")
        show_cards(cards(data, tuple(mine), lang, area, period), lang)

    st.subheader(t("domain_page.results", lang))
    title = f"{t('chart.attainment', lang)}: {t(f'page.{group}', lang)}"
    figure, unjudged = attainment_chart(data, lang, area, period, codes=tuple(codes), title=title)
    if figure is not None:
        show_chart(figure, f"attainment_{group}", lang, key=f"chart_{group}")
    else:
        # Targets without results yet are not the same as no targets at all.
        say(t("empty.attainment" if unjudged else "empty.domain_targets", lang))
    if unjudged:
        st.caption(t("empty.unjudged", lang).format(n=unjudged))

    st.subheader(t("domain_page.table", lang))
    found = tables.results(narrow.cut(data, codes, area), chosen, codes, lang, area, period)
    # The reading table keeps to the indicators shown above; the Excel file holds every one.
    read = found[found["code"].isin(shown)].reset_index(drop=True)
    if len(shown) < len(codes):
        st.caption(t("limit.table", lang).format(n=len(shown), total=len(codes)))
    show_table(
        tables.results_table(found, lang),
        f"{group}_{period or 'all'}",
        lang,
        key=f"table_{group}",
        display=tables.results_summary(read, lang),
    )


def area_filter(
    data: Dataset, areas: list[str], lang: Lang, key: str, with_figures: set[str] | None = None
) -> str | None:
    """An area picker where there is more than one area; else the one area, named in a caption.

    It opens on the area the reader chose last on any page, else the first of `with_figures`.
    """
    areas = list(dict.fromkeys(areas))  # a reused code (03390 before and after 2025) is one choice
    if not areas:
        return None
    if len(areas) == 1:
        st.caption(md(f"{t('filter.area', lang)}: {labels.area_label(data, areas[0], lang)}"))
        return areas[0]
    names = area_labels(data, lang)
    # Sorted by the labels, which begin with the province: typing searches names and codes alike.
    ordered = sorted(areas, key=lambda a: names.get(a, a))
    return st.selectbox(
        t("filter.area", lang),
        ordered,
        index=area_choice.default_index(ordered, with_figures),
        format_func=lambda a: names.get(a, a),
        key=key,
        on_change=area_choice.remember,
        args=(key,),
        width=280 if len(areas) < 20 else "stretch",
    )


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
