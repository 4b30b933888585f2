"""Expensive downloads (the báo cáo, large Excel tables) through one gate: few at once, each once, fairly."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable

import pandas as pd
import streamlit as st

from dashboard import state
from indicators.core.model import Dataset
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.jobs import gate
from indicators.report import narrative_store
from indicators.report import render as report_render
from indicators.report.content import ReportError
from indicators.report.narrative_store import NarrativeError
from indicators.store import register as award_register
from indicators.store.database import StoreError
from indicators.text import tables
from indicators.text.fmt import Lang, number
from indicators.text.i18n import t

REPORT_KINDS: dict[str, tuple[str, str]] = {
    "docx": ("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("PDF", "application/pdf"),
}
# A table of more cells than this is written to Excel only on request, through the gate: openpyxl
# takes about a second and tens of megabytes per hundred thousand cells. Smaller ones cost little.
LARGE_TABLE_CELLS = 20_000


@st.cache_resource(show_spinner=False)
def door() -> gate.Door:
    """The one gate of the server process, its numbers from the environment (jobs.gate.Settings)."""
    return gate.Door(gate.Settings.from_env())


def _session() -> str:
    """This session's own name for the per-session allowance (a new tab is a new session)."""
    return str(st.session_state.setdefault(state.GATE_SESSION_KEY, uuid.uuid4().hex))


def _address() -> str:
    # Imported here: dashboard.auth imports the shared widgets, which import this module.
    from dashboard import auth

    return auth.client_address()


def ask(key: Hashable, work: Callable[[], bytes], lang: Lang, making: str) -> bytes | None:
    """The file of `key`, made through the gate while the reader hears their place; None when refused.

    A refusal is a sentence saying when to try again; errors of the work itself go to the caller.
    """
    note = st.empty()

    def heard(place: int) -> None:
        note.info(gate.waiting(place).text(lang), icon=":material/hourglass_top:")

    try:
        with st.spinner(making):
            made = door().ask(key, work, _session(), _address(), on_wait=heard)
    except gate.RefusedError as refused:
        note.warning(refused.text(lang), icon=":material/schedule:")
        return None
    note.empty()
    return made


def report_key(
    data: Dataset, area: str, period: str, lang: Lang, kind: str, compare: tuple[str, ...] = ()
) -> tuple:
    """What makes one báo cáo: store, data version (and the pending sendings shown), area, term,
    language, format, comparison."""
    version = (data.version, data.pending.sendings)
    return ("report", state.store().url, version, area, period, lang, kind, compare)


def kept_report(
    data: Dataset, area: str, period: str, lang: Lang, kind: str, compare: tuple[str, ...] = ()
) -> bytes | None:
    """The báo cáo as it was made for a reader, if the gate still keeps it."""
    return door().gate.ready(report_key(data, area, period, lang, kind, compare))


@st.fragment
def report_downloads(
    data: Dataset,
    area: str | None,
    period: str | None,
    lang: Lang,
    key: str,
    compare: tuple[str, ...] = (),
) -> None:
    """Word and PDF báo cáo of the chosen area and term, for every reader: written on request, then kept.

    `compare` names indicators on which the area's child units are compared in the report as well.
    """
    if area is None or period is None:
        return
    columns = st.columns(len(REPORT_KINDS), gap="small")
    for column, (kind, (label, mime)) in zip(columns, REPORT_KINDS.items(), strict=True):
        wanted = report_key(data, area, period, lang, kind, compare)
        with column:
            payload = door().gate.ready(wanted)
            if payload is None:
                if not st.button(t("report.make", lang).format(fmt=label), key=f"{key}_make_{kind}"):
                    continue
                work = _report_work(data, area, period, lang, kind, compare)
                try:
                    payload = ask(wanted, work, lang, t("report.making", lang).format(fmt=label))
                except (ReportError, NarrativeError, StoreError) as exc:
                    st.error(t("report.failed", lang).format(why=exc.text(lang)))
                    continue
                if payload is None:
                    continue
            suffix = "_so_sanh" if compare else ""
            st.download_button(
                t("report.download", lang).format(fmt=label),
                data=payload,
                file_name=f"bao_cao_{area}_{period}{suffix}_{lang}.{kind}",
                mime=mime,
                key=f"{key}_download_{kind}",
                on_click="ignore",
                icon=":material/download:",
            )


def _report_work(
    data: Dataset, area: str, period: str, lang: Lang, kind: str, compare: tuple[str, ...]
) -> Callable[[], bytes]:
    def work() -> bytes:
        # What the office wrote for this area and period, at the version the figures come from: a
        # new save is a new version, so a kept report (keyed by version) never shows older words.
        narrative = narrative_store.load(state.store(), area, period, data.version)
        awards = award_register.read(state.store(), data.version)
        # Asked for only where the register holds records: without them the document is built as before.
        held = {"register": awards} if len(awards) else {}
        return report_render.report_bytes(
            data, area, period, lang, kind, compare, narrative=narrative, **held
        )

    return work


def table_key(frame: pd.DataFrame, name: str, lang: Lang) -> tuple:
    """What makes one Excel table: its name, language, headers and every cell (hashed, not kept)."""
    cells = int(pd.util.hash_pandas_object(frame, index=False).sum()) if not frame.empty else 0
    return ("xlsx", name, lang, tuple(map(str, frame.columns)), frame.shape, cells)


def excel_download(frame: pd.DataFrame, name: str, lang: Lang, key: str) -> None:
    """A button that downloads all of `frame` as Excel, headers translated here.

    A small table is written on click, on its own thread; a large one is made on request through
    the gate (a few at once, each once, a fair share per session and address), then offered.
    """
    if frame.size <= LARGE_TABLE_CELLS:
        st.download_button(
            t("download.excel", lang),
            # Built on click, on its own thread: the page does not pay for a file nobody asks for.
            data=lambda: xlsx_writer.frames_bytes({name: tables.headers(frame, lang)}),
            file_name=f"{name}.xlsx",
            mime=excel.XLSX_MIME,
            key=f"{key}_xlsx",
            icon=":material/download:",
            on_click="ignore",
        )
        return
    _large_excel(frame, name, lang, key)


@st.fragment
def _large_excel(frame: pd.DataFrame, name: str, lang: Lang, key: str) -> None:
    # A fragment: the click that makes the file reruns this button, not the whole page.
    wanted = table_key(frame, name, lang)
    payload = door().gate.ready(wanted)
    if payload is None:
        st.caption(t("download.excel_large", lang).format(n=number(frame.size, lang)))
        if not st.button(t("download.excel_make", lang), key=f"{key}_xlsx_make", icon=":material/table:"):
            return

        def work() -> bytes:
            return xlsx_writer.frames_bytes({name: tables.headers(frame, lang)})

        payload = ask(wanted, work, lang, t("download.excel_making", lang))
        if payload is None:
            return
    st.download_button(
        t("download.excel", lang),
        data=payload,
        file_name=f"{name}.xlsx",
        mime=excel.XLSX_MIME,
        key=f"{key}_xlsx",
        icon=":material/download:",
        on_click="ignore",
    )
