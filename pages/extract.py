"""Đọc số liệu từ báo cáo: a report's figures read, confirmed row by row by an analyst, saved as an upload."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

from dashboard import auth, markup, preview_commit, state
from indicators.core.model import YEAR_MAX, YEAR_MIN, Dataset
from indicators.excel import diff
from indicators.excel.validate import Upload
from indicators.extract import goals, reader, review, send, sources
from indicators.extract.figures import Figure
from indicators.extract.match import Catalogue
from indicators.store import accounts, scope
from indicators.store.accounts import Role
from indicators.store.database import Store, StoreError
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

PREVIEW_ROWS = 500
KEYS = preview_commit.Keys(
    note=state.EXTRACT_NOTE_WIDGET,
    commit=state.EXTRACT_COMMIT_WIDGET,
    flash=state.EXTRACT_FLASH_KEY,
    nonce=state.EXTRACT_NONCE_KEY,
    checked=state.EXTRACT_READING_KEY,
)
_SEP = " · "  # between an indicator's code and its name in the table's cells


@dataclass(frozen=True)
class Document:
    """What the analyst gave: its name, its checksum, and its bytes."""

    name: str
    sha256: str
    data: bytes


@dataclass(frozen=True)
class Reading:
    """One document read for one data version and written year: kept across reruns."""

    sha256: str
    version: int
    written_year: int
    found: list[Figure]


def _open(lang: Lang) -> tuple[Store, Dataset]:
    try:
        return state.store(), state.dataset()
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        st.stop()


def _document(lang: Lang) -> Document:
    """The uploaded file or the pasted text; the page waits here until there is one."""
    nonce = st.session_state.setdefault(state.EXTRACT_NONCE_KEY, 0)
    choice = st.radio(
        t("extract.source", lang),
        ("file", "paste"),
        format_func=lambda c: t(f"extract.source_{c}", lang),
        horizontal=True,
        key=state.EXTRACT_SOURCE_WIDGET,
    )
    if choice == "file":
        uploaded = st.file_uploader(
            t("extract.file", lang), type=["docx", "pdf", "txt"], key=f"{state.EXTRACT_FILE_WIDGET}_{nonce}"
        )
        if uploaded is None:
            st.stop()
        data = uploaded.getvalue()
        return Document(uploaded.name, hashlib.sha256(data).hexdigest(), data)
    with st.form(state.EXTRACT_PASTE_FORM):
        text = st.text_area(
            t("extract.paste_box", lang), height=220, key=f"{state.EXTRACT_PASTE_WIDGET}_{nonce}"
        )
        st.form_submit_button(t("extract.read", lang))
    if not text.strip():
        st.stop()
    data = text.encode("utf-8")
    return Document(t("extract.pasted_name", lang), hashlib.sha256(data).hexdigest(), data)


def _own_area(store: Store, account: str) -> str | None:
    """A commune reporter's area: their rows go only there; None for an analyst (every area)."""
    found = accounts.account(store, account)
    return found.area if found is not None and found.role is Role.REPORTER else None


def _areas(current: Dataset, own: str | None) -> list[str]:
    """The areas a row may be given: a reporter's own and the units under it, else every area."""
    codes = current.areas["code"].astype(str).tolist()
    if own is None:
        return codes
    allowed = scope.descendants(current.areas, own)
    return [c for c in codes if c in allowed]


def _context(current: Dataset, areas: list[str], lang: Lang) -> tuple[str, int]:
    """The report's area (each row's can be changed) and the year it was written (0: after it ended)."""
    every = dict(zip(current.areas["code"], current.areas["name"], strict=True))
    names = {c: every[c] for c in areas}
    counts = current.observations["area"].value_counts()
    busiest = str(counts.index[0]) if not counts.empty else None
    left, right = st.columns(2)
    area = left.selectbox(
        t("extract.area", lang),
        list(names),
        index=list(names).index(busiest) if busiest in names else 0,
        format_func=lambda c: f"{names[c]} ({c})",
        key=state.EXTRACT_AREA_WIDGET,
    )
    written = right.number_input(
        t("extract.written_year", lang), 0, YEAR_MAX, value=0, step=1,
        help=t("extract.written_help", lang), key=state.EXTRACT_YEAR_WIDGET,
    )  # fmt: skip
    return str(area), int(written)


def _read(document: Document, current: Dataset, written_year: int, lang: Lang) -> list[Figure]:
    """The document read once per file, version and year; a file that cannot be read is a sentence."""
    kept: Reading | None = st.session_state.get(state.EXTRACT_READING_KEY)
    if kept and (kept.sha256, kept.version, kept.written_year) == (
        document.sha256,
        current.version,
        written_year,
    ):
        return kept.found
    with st.status(t("extract.reading", lang).format(name=markup.md(document.name)), expanded=False):
        # .docx and PDF are parsed in a child process under the upload limits: no file stops the server.
        text = sources.to_text(document.data)
        if isinstance(text, sources.Refused):
            st.error(text.message.text(lang), icon=":material/block:")
            sources.warm_up()
            st.stop()
        context = reader.Context(written_year=written_year or None)
        found = reader.read_text(text, Catalogue(current.indicators), context)
        sources.warm_up()  # the next document's child loads while this one is reviewed
    st.session_state[state.EXTRACT_READING_KEY] = Reading(
        document.sha256, current.version, written_year, found
    )
    return found


def _bulk(table: pd.DataFrame, lang: Lang) -> tuple[pd.DataFrame, int]:
    """Accept or reject every row at once; a fresh editor key so the table shows the choice."""
    left, right = st.columns(2)
    if left.button(t("extract.accept_all", lang), key=state.EXTRACT_ACCEPT_ALL):
        st.session_state[state.EXTRACT_BULK_KEY] = (
            True,
            st.session_state.get(state.EXTRACT_BULK_KEY, (None, 0))[1] + 1,
        )
    if right.button(t("extract.reject_all", lang), key=state.EXTRACT_REJECT_ALL):
        st.session_state[state.EXTRACT_BULK_KEY] = (
            False,
            st.session_state.get(state.EXTRACT_BULK_KEY, (None, 0))[1] + 1,
        )
    choice, round_ = st.session_state.get(state.EXTRACT_BULK_KEY, (None, 0))
    if choice is not None:
        table = table.assign(accept=choice)
    return table, round_


def _review(table: pd.DataFrame, current: Dataset, areas: list[str], lang: Lang, key: str) -> pd.DataFrame:
    """The editable table: words in the cells (a screen reader hears them), codes back for the checks."""
    names = dict(
        zip(
            current.indicators["code"],
            current.indicators["name_vi" if lang == "vi" else "name_en"],
            strict=True,
        )
    )
    labels = {c: f"{c}{_SEP}{n}" for c, n in names.items()}
    kinds = {k: t(f"extract.kind.{k}", lang) for k in review.KINDS}
    shown = table.assign(
        indicator=table["indicator"].map(labels).where(table["indicator"].notna(), None),
        kind=table["kind"].map(kinds),
    )
    edited = st.data_editor(
        shown,
        key=key,
        hide_index=True,
        num_rows="fixed",
        column_order=["accept", "marked", "value", "unit", "indicator", "area", "year", "kind", "confidence"],
        disabled=["marked", "unit", "confidence"],
        column_config=_columns(list(labels.values()), list(kinds.values()), areas, lang),
    )
    codes = {label: code for code, label in labels.items()}
    back = {word: k for k, word in kinds.items()}
    return edited.assign(indicator=edited["indicator"].map(codes), kind=edited["kind"].map(back))


def _columns(
    indicators: list[str], kinds: list[str], areas: list[str], lang: Lang
) -> dict[str, ColumnConfig]:
    """The review table's headers and what each cell may hold."""
    col = st.column_config
    return {
        "accept": col.CheckboxColumn(t("extract.col.accept", lang)),
        "marked": col.TextColumn(t("extract.col.marked", lang), width="large"),
        "value": col.NumberColumn(t("extract.col.value", lang), format="%g"),
        "unit": col.TextColumn(t("extract.col.unit", lang)),
        "indicator": col.SelectboxColumn(
            t("extract.col.indicator", lang), options=indicators, width="medium"
        ),
        "area": col.SelectboxColumn(t("extract.col.area", lang), options=areas),
        "year": col.NumberColumn(
            t("extract.col.year", lang), min_value=YEAR_MIN, max_value=YEAR_MAX, step=1, format="%d"
        ),
        "kind": col.SelectboxColumn(t("extract.col.kind", lang), options=kinds),
        "confidence": col.NumberColumn(
            t("extract.col.confidence", lang), help=t("extract.confidence_help", lang), format="%.2f"
        ),
    }


def _goals(found: list[Figure], current: Dataset, area: str, document: Document, lang: Lang) -> pd.DataFrame:
    """The goals the report states with their year, shown apart; saved as targets only when ticked."""
    offered, left = goals.targets(found, Catalogue(current.indicators), area, document.name)
    if left:
        st.caption(t("extract.goals_left", lang).format(n=fmt.number(left, lang)))
    if offered.empty:
        return offered
    st.subheader(t("extract.goals_title", lang))
    st.caption(t("extract.goals_intro", lang))
    names = dict(zip(current.indicators["code"], current.indicators[f"name_{lang}"], strict=True))
    st.dataframe(
        pd.DataFrame(
            {
                t("extract.col.indicator", lang): [f"{c}{_SEP}{names[c]}" for c in offered["code"]],
                t("extract.col.year", lang): offered["year"].astype(str),
                t("extract.col.comparator", lang): [t(f"cmp.{c}", lang) for c in offered["comparator"]],
                t("extract.col.value", lang): [fmt.number(v, lang) for v in offered["value"]],
                t("extract.col.marked", lang): offered["quote"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    n = fmt.number(len(offered), lang)
    chosen = st.checkbox(
        t("extract.goals_save", lang).format(n=n), key=f"{state.EXTRACT_GOALS_WIDGET}_{document.sha256[:12]}"
    )
    return offered if chosen else offered.iloc[0:0]


def _checked(
    edited: pd.DataFrame, current: Dataset, document: Document, chosen: pd.DataFrame, lang: Lang
) -> Upload:
    """The ticked rows checked as an upload is; rows left out and refusals said, and the page stops there."""
    upload, left_out = review.as_upload(edited, current, document.name, document.sha256, chosen)
    if left_out:
        st.warning(
            t("extract.left_out", lang).format(n=fmt.number(left_out, lang)), icon=":material/warning:"
        )
    if upload.errors:
        st.error(
            t("extract.refused", lang).format(n=fmt.number(len(upload.errors), lang)), icon=":material/block:"
        )
        st.dataframe(
            [{t("xcol.message", lang): p.message(lang)} for p in upload.errors],
            hide_index=True,
            width="stretch",
        )
        st.stop()
    return upload


def _send(
    store: Store, account: str, edited: pd.DataFrame, current: Dataset, document: Document, lang: Lang
) -> None:
    """A commune reporter's ticked rows sent for review as a submission of their round: no version."""
    st.info(t("extract.send_intro", lang), icon=":material/outbox:")
    if not st.button(t("extract.send", lang), type="primary", key=state.EXTRACT_COMMIT_WIDGET):
        st.stop()
    try:
        sent = send.submit(store, account, edited, current, document.name, document.sha256)
    except (send.SendError, StoreError) as exc:
        st.error(exc.text(lang), icon=":material/block:")
        st.stop()
    n = int(edited["accept"].fillna(False).astype(bool).sum())
    st.session_state[KEYS.flash] = t("extract.sent", lang).format(n=fmt.number(n, lang), id=sent)
    st.session_state[KEYS.nonce] = st.session_state.get(KEYS.nonce, 0) + 1
    st.session_state.pop(KEYS.checked, None)
    st.rerun()


def main() -> None:
    """Draw the page."""
    lang = state.lang()
    account, role = auth.current()
    if role is not Role.REPORTER:
        auth.require_editor(lang)  # analysts commit; a commune reporter sends for review
    st.title(t("extract.page", lang))
    st.write(t("extract.intro", lang))
    store, current = _open(lang)
    preview_commit.show_flash(KEYS)
    if current.indicators.empty or current.areas.empty:
        st.info(t("empty.store", lang))  # no catalogue to match against, no area to give a figure
        st.stop()

    # Load inputs: the document, its area and the year it was written.
    document = _document(lang)
    areas = _areas(current, _own_area(store, account) if role is Role.REPORTER else None)
    area, written_year = _context(current, areas, lang)

    # Process data: the figures read, each row for the analyst to accept, correct or reject.
    found = _read(document, current, written_year, lang)
    table, goals = review.rows(found, area)
    if table.empty:
        st.info(t("extract.none_found", lang), icon=":material/search_off:")
        st.stop()
    st.caption(
        t("extract.found", lang).format(
            n=fmt.number(len(table), lang), ticked=fmt.number(int(table["accept"].sum()), lang)
        )
    )
    table, round_ = _bulk(table, lang)
    key = f"{state.EXTRACT_TABLE_WIDGET}_{document.sha256[:12]}_{area}_{written_year}_{round_}"
    edited = _review(table, current, areas, lang, key)
    if role is Role.REPORTER:  # a submission holds figures only; analysts enter targets
        chosen = pd.DataFrame()
        if goals:
            st.caption(t("extract.goals_not_sent", lang).format(n=fmt.number(goals, lang)))
    else:
        chosen = _goals(found, current, area, document, lang)
    if not edited["accept"].fillna(False).astype(bool).any() and chosen.empty:
        st.info(t("extract.nothing_ticked", lang), icon=":material/info:")
        st.stop()
    upload = _checked(edited, current, document, chosen, lang)

    # Save outputs: a reporter's rows wait for review; an analyst's get the same preview and commit as
    # an upload, the version naming the document and its sha256.
    if role is Role.REPORTER:
        _send(store, account, edited, current, document, lang)
    merged = diff.merge(current, upload)
    preview = diff.compare(current, merged)
    preview_commit.preview_and_commit(
        store, current.version, upload, merged, preview, KEYS, lang, limit=PREVIEW_ROWS, sheets=False
    )


main()
