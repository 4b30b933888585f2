"""Báo cáo: the office writes the report's own sections and who signs, saves them as a version, downloads."""

from __future__ import annotations

import streamlit as st

from dashboard import auth, computed, downloads, state, widgets
from indicators.core import selection
from indicators.report import narrative_store
from indicators.report.narrative import SECTION_KEYS, Narrative, heading_key
from indicators.report.narrative_store import MAX_RECIPIENTS, MAX_SECTION_CHARS, NarrativeError
from indicators.store.accounts import Role
from indicators.store.database import StoreError
from indicators.text import labels
from indicators.text.fmt import Lang
from indicators.text.i18n import t

SECTION_HEIGHT = 140  # pixels: four or five lines before the box scrolls


def _fill(area: str, period: str, stored: Narrative) -> None:
    """Put the stored narrative into the fields when the page opens on an area and period.

    Only then: a rerun for another reason (a download, a rejected save) keeps what is being typed.
    """
    loaded = st.session_state.get(state.REPORT_TEXT_LOADED_KEY)
    if loaded is not None and loaded[:2] == (area, period):
        return
    for key in SECTION_KEYS:
        st.session_state[state.REPORT_TEXT_SECTION_WIDGET + key] = stored.sections.get(key, "")
    st.session_state[state.REPORT_TEXT_NUMBER_WIDGET] = stored.number
    st.session_state[state.REPORT_TEXT_TITLE_WIDGET] = stored.signer_title
    st.session_state[state.REPORT_TEXT_NAME_WIDGET] = stored.signer_name
    st.session_state[state.REPORT_TEXT_RECIPIENTS_WIDGET] = "\n".join(stored.recipients)
    st.session_state[state.REPORT_TEXT_LOADED_KEY] = (area, period, stored)


def _typed() -> Narrative:
    """The narrative as the fields hold it now."""
    value = st.session_state.get
    return Narrative(
        sections={key: str(value(state.REPORT_TEXT_SECTION_WIDGET + key, "")) for key in SECTION_KEYS},
        number=str(value(state.REPORT_TEXT_NUMBER_WIDGET, "")),
        signer_title=str(value(state.REPORT_TEXT_TITLE_WIDGET, "")),
        signer_name=str(value(state.REPORT_TEXT_NAME_WIDGET, "")),
        recipients=narrative_store.recipients_from(str(value(state.REPORT_TEXT_RECIPIENTS_WIDGET, ""))),
    )


def _fields(lang: Lang) -> None:
    """One box per section, then the area's number, signer and recipients; every box labelled."""
    st.subheader(t("narrative.sections", lang))
    for key in SECTION_KEYS:
        st.text_area(
            t(heading_key(key), lang),
            placeholder=t(f"narrative.hint.{key}", lang),
            max_chars=MAX_SECTION_CHARS,
            height=SECTION_HEIGHT,
            key=state.REPORT_TEXT_SECTION_WIDGET + key,
        )
    st.subheader(t("narrative.settings", lang))
    st.caption(t("narrative.settings_help", lang))
    st.text_input(
        t("narrative.number", lang),
        placeholder=t("narrative.number_hint", lang),
        max_chars=narrative_store.MAX_LINE_CHARS,
        key=state.REPORT_TEXT_NUMBER_WIDGET,
    )
    # Title before name, as the signature block prints them; a phone stacks them in that order.
    left, right = st.columns(2)
    left.text_input(
        t("narrative.signer_title", lang),
        placeholder=t("narrative.signer_title_hint", lang),
        max_chars=narrative_store.MAX_LINE_CHARS,
        key=state.REPORT_TEXT_TITLE_WIDGET,
    )
    right.text_input(
        t("narrative.signer_name", lang),
        max_chars=narrative_store.MAX_LINE_CHARS,
        key=state.REPORT_TEXT_NAME_WIDGET,
    )
    st.text_area(
        t("narrative.recipients", lang),
        height=SECTION_HEIGHT,
        placeholder=t("narrative.recipients_hint", lang).format(limit=MAX_RECIPIENTS),
        key=state.REPORT_TEXT_RECIPIENTS_WIDGET,
    )


def _save(area: str, period: str, account: str, role: Role, lang: Lang) -> None:
    """Save what the fields hold as a new version; a refusal is a sentence and the fields stay as typed."""
    expected = st.session_state[state.REPORT_TEXT_LOADED_KEY][2]
    try:
        result = narrative_store.save(state.store(), area, period, _typed(), account, role, expected=expected)
    except (NarrativeError, StoreError) as exc:
        st.error(exc.text(lang), icon=":material/error:")
        if isinstance(exc, NarrativeError) and exc.message.key == "narrative.err.moved":
            st.button(t("narrative.reload", lang), key=state.REPORT_TEXT_RELOAD_BUTTON, on_click=_forget)
        return
    if result.version is None:
        st.session_state[state.REPORT_TEXT_FLASH_KEY] = t("narrative.unchanged", lang)
    else:
        st.session_state[state.REPORT_TEXT_FLASH_KEY] = t("narrative.saved", lang).format(v=result.version)
    # Filled again from the new version: the fields then show the text as stored (NFC, trimmed).
    _forget()
    st.rerun()


def _forget() -> None:
    st.session_state.pop(state.REPORT_TEXT_LOADED_KEY, None)


def _editor(area: str, period: str, stored: Narrative, account: str, role: Role, lang: Lang) -> None:
    _fill(area, period, stored)
    flash = st.session_state.pop(state.REPORT_TEXT_FLASH_KEY, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    # A form: typing in eleven boxes reruns nothing; the button sends them all at once.
    with st.form(state.REPORT_TEXT_FORM, border=False, enter_to_submit=False):
        _fields(lang)
        saved = st.form_submit_button(
            t("narrative.save", lang),
            type="primary",
            icon=":material/save:",
            key=state.REPORT_TEXT_SAVE_BUTTON,
        )
    if saved:
        _save(area, period, account, role, lang)


def _reader(stored: Narrative, lang: Lang) -> None:
    """The saved sections for reading: text shown as written, never as formatting."""
    st.info(t("narrative.read_only", lang), icon=":material/lock:")
    written = [key for key in SECTION_KEYS if stored.paragraphs(key)]
    if not written:
        widgets.say(t("narrative.nothing_written", lang))
        return
    for key in written:
        st.subheader(t(heading_key(key), lang))
        for paragraph in stored.paragraphs(key):
            st.markdown(widgets.md(paragraph).replace("\n", "  \n"))


def _period(term: str, lang: Lang) -> str:
    """The term, or one of its years: a year's báo cáo (the year page's download) has its own sections."""
    start, end = selection.period_years(term)
    if start == end:
        return term
    years: list[int | None] = [None, *range(start, end + 1)]
    whole = t("narrative.whole_term", lang).format(term=labels.term_label(term, lang))
    chosen = st.selectbox(
        t("narrative.year", lang),
        years,
        format_func=lambda y: whole if y is None else str(y),
        key=f"{state.REPORT_TEXT_YEAR_WIDGET}_{term}",
        width=280,
    )
    return term if chosen is None else str(chosen)


def main() -> None:
    """Draw the page."""
    # Read inputs.
    lang = state.lang()
    st.title(t("page.report_text", lang))
    st.markdown(t("narrative.intro", lang))
    data = widgets.require_data(lang)
    st.caption(computed.source_line(lang))
    area, term = widgets.filters(data, computed.attainment_rows(data), lang, key="report_text")
    if area is None or term is None:
        widgets.say(t("narrative.no_choice", lang))
        st.stop()
    period = _period(term, lang)
    account, role = auth.current()
    try:
        # The version the figures of this run come from: the text and the figures never disagree.
        stored = narrative_store.load(state.store(), area, period, data.version)
    except (StoreError, NarrativeError) as exc:
        st.error(exc.text(lang), icon=":material/database:")
        st.stop()

    # Write or read, then the report itself.
    if role is not None and role.can_edit():
        _editor(area, period, stored, account, role, lang)
    else:
        _reader(stored, lang)
    st.subheader(t("narrative.preview", lang))
    downloads.report_downloads(data, area, period, lang, key="report_text_report")


main()
