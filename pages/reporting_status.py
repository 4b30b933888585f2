"""Tình hình báo cáo: for a round, each child area's state, lateness and completeness, and the totals."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from dashboard import auth, figure_thread, reminder, state, widgets
from indicators.areas import hierarchy
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.rounds import review, status, workflow
from indicators.rounds.status import VIETNAM
from indicators.store import accounts, scope
from indicators.store.database import Store
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from indicators.text.round_tables import ICONS, for_people, not_sent


def _round_label(found: workflow.Round, names: dict[str, str], lang: Lang) -> str:
    half = t(f"rounds.half_{found.half}", lang) if found.half else ""
    return t("rounds.round_label", lang).format(
        year=found.year, half=half, area=names.get(found.parent, found.parent), due=found.due.isoformat()
    )


def _totals(totals: dict[str, float | int], lang: Lang) -> None:
    """The parent's totals: one number per state, with its icon and word, then the late and the share."""
    columns = st.columns(len(status.STATES) + 2)
    for column, state_code in zip(columns, status.STATES, strict=False):
        column.metric(
            f"{ICONS[state_code]} {t(f'rounds.state.{state_code}', lang)}",
            fmt.number(totals[state_code], lang),
        )
    columns[-2].metric(t("rounds.late_areas", lang), fmt.number(totals["late"], lang))
    columns[-1].metric(
        t("rounds.col.completeness", lang),
        f"{fmt.number(round(float(totals['completeness']) * 100, 1), lang)}%",
    )


def _rounds_in_scope(store: Store) -> list[workflow.Round]:
    """The rounds whose parent lies in the signed-in account's area; every round for one without an area."""
    found = workflow.rounds(store)
    held = accounts.account(store, auth.current()[0])
    if held is None or held.area is None:
        return found
    allowed = scope.descendants(state.dataset().areas, held.area)
    return [r for r in found if r.parent in allowed]


def main() -> None:
    """Draw the page."""
    # Read inputs.
    lang = state.lang()
    auth.require_editor(lang)  # analysts and admins: a viewer or a reporter gets the sign-in form
    st.title(t("rounds.page_title", lang))
    st.caption(t("rounds.page_intro", lang))
    st.page_link("pages/rounds_open.py", label=t("rounds.open.link", lang), icon=":material/event_available:")
    store = state.store()
    found = _rounds_in_scope(store)
    if not found:
        widgets.say(t("rounds.page_none", lang))
        st.stop()
    names = hierarchy.labels(state.dataset().areas, {r.parent for r in found}, lang)
    chosen = st.selectbox(
        t("rounds.page_round", lang),
        found[::-1],
        format_func=lambda r: _round_label(r, names, lang),
        key="reporting_status_round",
    )

    # Process data.
    today = datetime.now(VIETNAM).date()
    frame = review.round_status(store, chosen.year, chosen.parent, today, chosen.half, state.dataset().areas)
    totals = status.totals(frame)

    # Draw.
    st.subheader(t("rounds.totals_title", lang).format(n=fmt.number(totals["areas"], lang)))
    _totals(totals, lang)
    shown = for_people(frame, lang)
    completeness = t("rounds.col.completeness", lang)
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            completeness: st.column_config.ProgressColumn(
                completeness, min_value=0, max_value=100, format="%.0f%%"
            )
        },
    )
    missing = not_sent(frame, lang)
    st.download_button(
        t("rounds.not_sent_download", lang).format(n=fmt.number(len(missing), lang)),
        data=lambda: xlsx_writer.frames_bytes({t("rounds.state.not_sent", lang): missing}),
        file_name=f"chua_gui_{chosen.year}_{chosen.parent}.xlsx",
        mime=excel.XLSX_MIME,
        icon=":material/download:",
        on_click="ignore",
        disabled=missing.empty,
    )
    reminder.downloads(chosen, frame, state.dataset(), today, lang)
    figure_thread.flagged_list(state.dataset(), set(frame["code"]), lang)


main()
