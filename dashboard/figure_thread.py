"""The "Trao đổi và lịch sử" section: one figure's thread and history, as the signed-in account may see them.

Viewers (and anyone not signed in) read how many questions there are, the "cần xem lại" mark and the
figure's values by version, never the officers' names or what they wrote: names are personal data.
Analysts and reporters whose area holds the figure read everything and write.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth, narrow, reading_tables, state, widgets
from dashboard.cache import per_version
from indicators.areas import hierarchy
from indicators.core.model import CHANGE_KINDS, ESTIMATE_KINDS, Dataset
from indicators.rounds import figure_history, threads
from indicators.rounds.status import VIETNAM
from indicators.rounds.threads import Figure
from indicators.rounds.workflow import RoundError
from indicators.store import accounts, scope
from indicators.store.scope import ScopeError
from indicators.text import fmt, phrase
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def may_read_names(data: Dataset, area: str) -> bool:
    """True for an analyst or reporter whose area holds `area` (or who is held to no area)."""
    name, role = auth.current()
    if role is None or not (role.can_edit() or role.can_submit()):
        return False
    held = accounts.account(state.store(), name)
    return held is None or held.area is None or area in scope.descendants(data.areas, held.area)


def _when(moment: object, lang: Lang) -> str:
    if moment is None or pd.isna(moment):
        return ""
    return fmt.moment(pd.Timestamp(moment).tz_convert(VIETNAM).to_pydatetime(), lang)


def _thread_table(events: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The thread with headers and words in the reader's language, put on last."""
    return pd.DataFrame(
        {
            t("threads.col.id", lang): events["row_id"].astype(int),
            t("threads.col.kind", lang): [t(f"threads.{a}", lang) for a in events["action"]],
            t("threads.col.text", lang): events["text"],
            t("threads.col.who", lang): events["account"],
            t("threads.col.at", lang): [_when(m, lang) for m in events["at"]],
        }
    )


def _value_words(
    value: object, qualifier: str, unit: str, value_kind: str, figure: Figure, lang: Lang
) -> str:
    """A value of the history in words: a change as a signed change, a level as the pages write it."""
    if pd.isna(value):
        return ""  # a lock or an unlock: no value of its own
    if figure.kind in CHANGE_KINDS:
        return phrase.change(value, unit, lang, per_year="per_year" in figure.kind)
    period = phrase.period_of(figure.year, value_kind)
    estimate = figure.kind in ESTIMATE_KINDS
    return phrase.figure_cell(phrase.Figure(value, unit, qualifier, estimate, period), lang)


def _kind_words(rows: pd.DataFrame, kind: str, lang: Lang) -> str:
    """A kind of figure as the tables name it: "Ước thay đổi so với năm 2015" names its base year."""
    base = rows.loc[rows["kind"] == kind, "base_year"].dropna()
    return t(f"obs.{kind}", lang).format(y=int(base.iloc[0]) if len(base) else "…")


def _history_table(
    seen: pd.DataFrame, unit: str, value_kind: str, figure: Figure, lang: Lang
) -> pd.DataFrame:
    """The history in words; the names' columns only where the frame still has them."""
    values = [
        _value_words(v, str(q or ""), unit, value_kind, figure, lang)
        for v, q in zip(seen["value"], seen["qualifier"], strict=True)
    ]
    out = {
        t("threads.col.event", lang): [t(f"threads.event.{e}", lang) for e in seen["event"]],
        t("threads.col.version", lang): [fmt.number(v, lang) if pd.notna(v) else "" for v in seen["version"]],
        t("threads.col.value", lang): values,
        t("threads.col.at", lang): [_when(m, lang) for m in seen["at"]],
        t("threads.col.submission", lang): [
            fmt.number(s, lang) if pd.notna(s) else "" for s in seen["submission"]
        ],
    }
    for column in ("submitted_by", "approved_by", "reason"):
        if column in seen.columns:
            out[t(f"threads.col.{column}", lang)] = seen[column].fillna("").astype(str)
    return pd.DataFrame(out)


def _post(figure: Figure, action: threads.Action, text: str, lang: Lang, reply_to: int | None = None) -> None:
    """Write one event; a refusal is said in the reader's language and nothing changes."""
    try:
        threads.post(state.store(), auth.current()[0], figure, action, text, reply_to=reply_to)
    except (RoundError, ScopeError) as exc:
        st.error(exc.text(lang), icon=":material/block:")
        return
    # Drawn again, so that the mark, the counts and the thread above say what was just written.
    st.toast(t("threads.sent", lang), icon=":material/check:")
    st.rerun()


def _forms(figure: Figure, events: pd.DataFrame, lang: Lang, key: str) -> None:
    """Ask, answer, and (for analysts) set or clear the mark."""
    with st.form(f"{key}_ask", clear_on_submit=True):
        text = st.text_area(t("threads.ask", lang), max_chars=threads.LONGEST, key=f"{key}_question")
        if st.form_submit_button(t("threads.send", lang)):
            _post(figure, "question", text, lang)
    still = threads.open_questions(events)
    if not still.empty:
        with st.form(f"{key}_answer", clear_on_submit=True):
            asked = st.selectbox(
                t("threads.reply", lang), still["row_id"].astype(int).tolist(), key=f"{key}_to"
            )
            text = st.text_area(t("threads.answer", lang), max_chars=threads.LONGEST, key=f"{key}_reply")
            if st.form_submit_button(t("threads.send", lang)):
                _post(figure, "answer", text, lang, reply_to=asked)
    role = auth.current()[1]
    if role is not None and role.can_edit():
        marked = threads.flagged(events)
        label = t("threads.clear_flag" if marked else "threads.set_flag", lang)
        if st.button(label, key=f"{key}_flag", icon=":material/flag:"):
            _post(figure, "unflag" if marked else "flag", "", lang)


@per_version(64)
def _recorded(
    data: Dataset, code: str, area: str, year: int, kind: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The figure's values, their versions and submissions (figure_history.recorded), once per version.

    They change only when a version is written, so every reader of this version shares one read.
    """
    values, written, sent = figure_history.recorded(state.store(), Figure(code, area, year, kind))
    # As of this run's version: a version written while the page draws belongs to the next run.
    return values[values["since_version"] <= data.version], written, sent


def _pick(
    rows: pd.DataFrame, halves: pd.DataFrame, lang: Lang, key: str, wanted: int | None
) -> tuple[int, str]:
    """The year and kind asked about: those of the year's figures and of the approved half-years.

    It opens at `wanted` (the grid's year) where the figure has it, else at the newest year.
    """
    left, right = st.columns(2)
    years = sorted({int(y) for y in rows["year"]} | {int(y) for y in halves["year"]}, reverse=True)
    at = years.index(wanted) if wanted in years else 0
    year = left.selectbox(t("threads.pick_year", lang), years, index=at, key=f"{key}_year")
    in_year = rows[rows["year"] == year]
    found = set(in_year["kind"]) | set(halves.loc[halves["year"] == year, "kind"])
    # Levels first: a question is most often about the figure itself, not a change stated beside it.
    kinds = sorted(found, key=lambda k: (k in CHANGE_KINDS, k))
    kind = right.selectbox(
        t("threads.pick_kind", lang),
        kinds,
        key=f"{key}_kind",
        format_func=lambda k: _kind_words(in_year, k, lang),
    )
    return int(year), str(kind)


def _thread(figure: Figure, reader: bool, lang: Lang, key: str) -> None:
    """The mark, the counts and (for those who may read names) the thread and its forms."""
    events = threads.thread(state.store(), figure)
    said = threads.counts(events)
    st.markdown(t("threads.flagged" if said["flagged"] else "threads.not_flagged_badge", lang))
    st.caption(t("threads.counts", lang).format(**{k: fmt.number(v, lang) for k, v in said.items()}))
    if not reader:
        st.caption(t("threads.counts_only", lang))
        return
    if events.empty:
        widgets.say(t("threads.none", lang))
    else:
        reading_tables.reading_table(_thread_table(events, lang), lang, f"thread-{key}")
    _forms(figure, events, lang, key)


def _halves_table(halves: pd.DataFrame, unit: str, figure: Figure, reader: bool, lang: Lang) -> pd.DataFrame:
    """The figure's half-year values: each said with its half-year, never as the year's value."""
    estimate = figure.kind in ESTIMATE_KINDS
    out = {
        t("threads.col.period", lang): [
            t(f"rounds.period_half_{int(h)}", lang).format(year=figure.year) for h in halves["half"]
        ],
        t("threads.col.value", lang): [
            "" if pd.isna(v) else phrase.figure_cell(phrase.Figure(v, unit, "", estimate, None), lang)
            for v in halves["value"]
        ],
        t("threads.col.submission", lang): [fmt.number(s, lang) for s in halves["submission"]],
        t("threads.col.at", lang): [_when(m, lang) for m in pd.to_datetime(halves["at"], utc=True)],
    }
    if reader:
        out[t("threads.col.approved_by", lang)] = halves["approved_by"].astype(str)
    return pd.DataFrame(out)


def _history(
    data: Dataset, figure: Figure, unit: str, reader: bool, halves: pd.DataFrame, lang: Lang, key: str
) -> None:
    """The year's values by version, then (apart) the half-year values approved for the same figure."""
    st.markdown(f"**{t('threads.history', lang)}**")
    recorded = _recorded(data, figure.code, figure.area, figure.year, figure.kind)
    mine = halves[(halves["year"] == figure.year) & (halves["kind"] == figure.kind)]
    if recorded[0].empty and not mine.empty:
        widgets.say(t("threads.year_none", lang).format(year=figure.year))
    else:
        seen = figure_history.join(*recorded, figure_history.locks(state.store(), figure))
        if not reader:
            seen = figure_history.for_viewer(seen)
        info = data.indicators.set_index("code")
        value_kind = str(info.at[figure.code, "value_kind"]) if figure.code in info.index else ""
        shown = _history_table(seen, unit, value_kind, figure, lang)
        reading_tables.reading_table(shown, lang, f"history-{key}")
    if not mine.empty:
        st.markdown(f"**{t('threads.halves', lang)}**")
        shown = _halves_table(mine, unit, figure, reader, lang)
        reading_tables.reading_table(shown, lang, f"halves-{key}")


def section(
    data: Dataset, code: str, area: str, unit: str, lang: Lang, key: str, year: int | None = None
) -> None:
    """Pick a year (opening at `year` where it has one) and kind of the indicator's figures in `area`,
    then show the figure's thread and history."""
    st.subheader(t("threads.section", lang))
    # Through the version's row index: a filter on the whole frame reads millions of figures per run.
    rows = narrow.cut(data, [code], area).observations
    # Read on every run, not per version: approving a half-year writes no version.
    halves = figure_history.half_years_in(state.store(), code, area)
    if rows.empty and halves.empty:
        widgets.say(t("threads.history_none", lang))
        return
    picked, kind = _pick(rows, halves, lang, key, year)
    figure = Figure(code, area, picked, kind)
    reader = may_read_names(data, area)
    _thread(figure, reader, lang, key)
    _history(data, figure, unit, reader, halves, lang, key)


def picked_section(
    data: Dataset, names: dict[str, str], units: dict[str, str], area: str, year: int, lang: Lang, key: str
) -> None:
    """An indicator picked from a table's rows (`names`: code → name), then `section` at its figure in
    `area`, opening at `year`. Nothing is read until one is picked."""
    code = st.selectbox(
        t("threads.pick_row", lang),
        list(names),
        index=None,
        placeholder=t("threads.pick_row_none", lang),
        format_func=lambda c: f"{names[c]} ({c})",
        key=f"{key}_code",
    )
    if code is not None:
        section(data, str(code), area, str(units.get(code, "")), lang, key=key, year=year)


def flagged_list(data: Dataset, areas: set[str], lang: Lang) -> None:
    """The figures of `areas` marked "cần xem lại" now: indicator, area, year, kind."""
    st.subheader(t("threads.flagged_list", lang))
    found = threads.flagged_figures(state.store(), areas)
    if found.empty:
        widgets.say(t("threads.flagged_none", lang))
        return
    names = data.indicators.set_index("code")["name_en" if lang == "en" else "name_vi"].to_dict()
    places = data.areas.drop_duplicates("code", keep="last").set_index("code")["name"].to_dict()
    shown = pd.DataFrame(
        {
            t("threads.col.figure", lang): [names.get(c, c) for c in found["code"]],
            t("rounds.col.area", lang): [
                hierarchy.name_in(str(places.get(a, a)), lang) for a in found["area"]
            ],
            t("threads.pick_year", lang): found["year"].astype(str),
            t("threads.pick_kind", lang): [_kind_words(data.observations, k, lang) for k in found["kind"]],
        }
    )
    reading_tables.reading_table(shown, lang, "flagged-list")
    st.caption(t("threads.flagged_where", lang))
