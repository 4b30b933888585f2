"""Duyệt báo cáo: a commune's pending figures beside the ones in use; approve, return with reasons, unlock."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth, figure_thread, state, widgets
from indicators.areas import hierarchy
from indicators.rounds import review, sending, workflow
from indicators.rounds.status import VIETNAM
from indicators.store import scope
from indicators.store.database import Store, StoreError
from indicators.text import fmt, labels
from indicators.text.fmt import Lang
from indicators.text.i18n import t

FLASH = "review_flash"


def _round_label(found: workflow.Round, names: dict[str, str], lang: Lang) -> str:
    half = t(f"rounds.half_{found.half}", lang) if found.half else ""
    return t("rounds.round_label", lang).format(
        year=found.year, half=half, area=names.get(found.parent, found.parent), due=found.due.isoformat()
    )


def _choose_round(store: Store, account: str, lang: Lang) -> workflow.Round:
    found = sending.reviewable_rounds(store, account)
    if not found:
        widgets.say(t("rounds.page_none", lang))
        # The next step from an empty review page is opening a round: the link says where.
        st.page_link(
            "pages/rounds_open.py", label=t("rounds.open.link", lang), icon=":material/event_available:"
        )
        st.stop()
    names = hierarchy.labels(store.load().areas, {r.parent for r in found}, lang)
    chosen: workflow.Round = st.selectbox(
        t("rounds.page_round", lang),
        found[::-1],
        format_func=lambda r: _round_label(r, names, lang),
        key="review_round",
    )
    return chosen


def _choose_sending(store: Store, found: workflow.Round, lang: Lang) -> sending.Sending | None:
    waiting = sending.pending_in(store, found)
    if not waiting:
        widgets.say(t("rounds.review_none", lang))
        return None
    names = hierarchy.labels(store.load().areas, [s.area for s in waiting], lang)

    def label(s: sending.Sending) -> str:
        at = s.submitted_at.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
        return t("rounds.review_sent_by", lang).format(id=s.id, area=names[s.area], who=s.submitted_by, at=at)

    chosen: sending.Sending = st.selectbox(
        t("rounds.review_area", lang), waiting, format_func=label, key=f"review_area_{found.id}"
    )
    return chosen


def _side_by_side(store: Store, chosen: sending.Sending, lang: Lang) -> pd.DataFrame:
    """The figures sent and in use, a reason cell each; what the analyst typed is returned (code → reason)."""
    figures = sending.figures_of(store, chosen)
    names = labels.indicator_info(store.load(), lang)["name"].to_dict()
    shown = pd.DataFrame(
        {
            "code": figures["code"],
            "indicator": [str(names.get(c, c)) for c in figures["code"]],
            "year": figures["year"].astype(int),
            "kind": [t(f"obs.{k}", lang) for k in figures["kind"]],
            "sent": [fmt.number(v, lang) for v in figures["sent"]],
            "current": ["—" if pd.isna(v) else fmt.number(v, lang) for v in figures["current"]],
            "note": figures["note"].fillna("").astype(str),
            "reason": "",
        }
    )
    headers = {c: st.column_config.TextColumn(t(f"rounds.col.{c}", lang)) for c in shown.columns}
    st.caption(t("rounds.return_figures", lang))
    edited = st.data_editor(
        shown,
        key=f"review_reasons_{chosen.id}",
        hide_index=True,
        num_rows="fixed",
        disabled=[c for c in shown.columns if c != "reason"],
        column_config=headers,
        width="stretch",
    )
    return edited


def _decide(store: Store, account: str, chosen: sending.Sending, edited: pd.DataFrame, lang: Lang) -> None:
    """Approve, or return with the overall reason and each figure's; refusals are said, nothing written."""
    note = st.text_area(t("rounds.return_note", lang), key=f"review_note_{chosen.id}")
    left, right = st.columns(2)
    approve = left.button(t("rounds.approve", lang), type="primary", key=f"review_approve_{chosen.id}")
    give_back = right.button(t("rounds.return", lang), key=f"review_return_{chosen.id}")
    if not (approve or give_back):
        return
    # A cell typed then cleared comes back as None: no reason, never the word "None".
    reasons = {
        str(r.code): r.reason
        for r in edited.itertuples(index=False)
        if isinstance(r.reason, str) and r.reason.strip()
    }
    try:
        done = review.review(
            store,
            account,
            chosen.area,
            chosen.round.year,
            "approve" if approve else "return",
            note=note,
            half=chosen.round.half,
            reasons=None if approve else reasons,
        )
    except (StoreError, workflow.RoundError) as exc:
        st.error(exc.text(lang), icon=":material/block:")
        return
    if done.state == "approved":
        st.session_state[FLASH] = t("rounds.approved", lang).format(id=done.submission, version=done.version)
    else:
        st.session_state[FLASH] = t("rounds.returned", lang).format(id=done.submission)
    st.rerun()


def _thread(chosen: sending.Sending, shown: pd.DataFrame, lang: Lang) -> None:
    """A sent figure's thread and history, as the indicator page shows them: asked about and read
    without leaving the sending."""
    data = state.dataset()
    units = data.indicators.set_index("code")["unit"].astype(str).to_dict()
    names = dict(zip(shown["code"].astype(str), shown["indicator"].astype(str), strict=True))
    year = chosen.round.year
    figure_thread.picked_section(data, names, units, chosen.area, year, lang, key="review_thread")


def _unlock(store: Store, account: str, found: workflow.Round, lang: Lang) -> None:
    """Approved figures of the round opened again, each with the reason recorded."""
    with st.expander(t("rounds.unlock_title", lang), icon=":material/lock_open:"):
        held = sending.locked_in(store, found)
        if held.empty:
            st.caption(t("rounds.unlock_none", lang))
            return
        shown = [f"{r.code} · {r.area} · {r.year} ({t(f'obs.{r.kind}', lang)})" for r in held.itertuples()]
        picked = st.multiselect(
            t("rounds.unlock_figures", lang),
            range(len(held)),
            format_func=lambda i: shown[i],
            key="unlock_pick",
        )
        reason = st.text_input(t("rounds.unlock_reason", lang), key="unlock_reason")
        if not st.button(t("rounds.unlock", lang), key="unlock_go", disabled=not picked):
            return
        try:
            n = review.unlock(store, account, held.iloc[list(picked)][scope.FIGURE_KEY], reason)
        except (StoreError, workflow.RoundError) as exc:
            st.error(exc.text(lang), icon=":material/block:")
            return
        st.session_state[FLASH] = t("rounds.unlocked", lang).format(n=n)
        st.rerun()


def main() -> None:
    """Draw the page."""
    # Read inputs.
    lang = state.lang()
    auth.require_editor(lang)  # analysts and admins: a reporter never reviews, not even their own
    account = auth.current()[0].strip()
    st.title(t("rounds.review_title", lang))
    st.caption(t("rounds.review_intro", lang))
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    store = state.store()
    found = _choose_round(store, account, lang)

    # Process data, then save the decision.
    chosen = _choose_sending(store, found, lang)
    if chosen is not None:
        edited = _side_by_side(store, chosen, lang)
        _decide(store, account, chosen, edited, lang)
        _thread(chosen, edited, lang)
    _unlock(store, account, found, lang)


main()
