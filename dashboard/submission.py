"""A commune reporter's last step on the upload and grid: send for review; the last sending's state."""

from __future__ import annotations

from typing import NoReturn

import pandas as pd
import streamlit as st

from dashboard import auth, markup, preview_commit, state
from indicators.areas import hierarchy
from indicators.excel import validate
from indicators.rounds import sending, workflow
from indicators.rounds.status import VIETNAM
from indicators.store.database import Store, StoreError
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def _reviewer(store: Store, found: workflow.Round, lang: Lang) -> str:
    """Who reviews a round's sendings, in words: the analysts of the round's parent area."""
    names = hierarchy.labels(store.load().areas, [found.parent], lang)
    return t("rounds.reviewer", lang).format(area=names[found.parent])


def standing(store: Store, area: str, lang: Lang) -> None:
    """The area's newest sending: waiting (and for whom), returned with every reason, or approved."""
    last = sending.latest(store, area)
    if last is None:
        return
    at = last.submitted_at.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
    words = {"id": last.id, "year": last.round.year, "at": at, "who": _reviewer(store, last.round, lang)}
    if last.state == "pending":
        st.info(t("rounds.standing_pending", lang).format(**words), icon=":material/hourglass_top:")
    elif last.state == "approved":
        st.success(t("rounds.standing_approved", lang).format(**words), icon=":material/verified:")
    elif last.state == "returned":
        _returned(last, words, lang)


def _returned(last: sending.Sending, words: dict[str, object], lang: Lang) -> None:
    """A returned sending: the overall reason and each figure's, then how to send again."""
    text = t("rounds.standing_returned", lang).format(**words)
    if last.note:
        text += " " + t("rounds.reason_overall", lang).format(note=markup.md(last.note))
    st.warning(text, icon=":material/undo:")
    if last.figure_notes:
        st.dataframe(
            pd.DataFrame(
                {
                    t("rounds.col.code", lang): list(last.figure_notes),
                    t("rounds.col.reason", lang): list(last.figure_notes.values()),
                }
            ),
            hide_index=True,
            width="stretch",
        )
    st.caption(t("rounds.send_again", lang))


def send(store: Store, upload: validate.Upload, keys: preview_commit.Keys, lang: Lang) -> None:
    """One click sends the checked figures as a submission; a refusal is said and nothing is written."""
    account = auth.current()[0].strip()
    st.caption(t("rounds.send_intro", lang))
    half = _period(store, upload, account, lang, f"{keys.flash}_half")
    if not st.button(t("rounds.send", lang), type="primary", key=f"{keys.flash}_send"):
        st.stop()
    try:
        # The page's copy of the current version: submit reads the store again only if it has moved on.
        sent = workflow.submit(store, account, upload, current=state.dataset(), half=half)
    except (StoreError, workflow.RoundError) as exc:  # outside the area, locked, no round: nothing written
        _refused(exc.text(lang))
    last = sending.latest(store, sending.own_area(store, account) or "")
    who = _reviewer(store, last.round, lang) if last is not None else ""
    st.session_state[keys.flash] = t("rounds.sent_for_review", lang).format(id=sent, who=who)
    # A fresh file picker or grid: what was sent is not sent twice by a second click.
    st.session_state[keys.nonce] = st.session_state.get(keys.nonce, 0) + 1
    if keys.checked:
        st.session_state.pop(keys.checked, None)
    st.rerun()


def _period(store: Store, upload: validate.Upload, account: str, lang: Lang, key: str) -> int | None:
    """The round the figures go to, chosen when the year has a half-year round; None for the year's."""
    area = sending.own_area(store, account)
    years = sorted({int(y) for y in upload.frames.get("observations", pd.DataFrame({"year": []}))["year"]})
    if area is None or len(years) != 1:
        return None  # submit says what is wrong
    halves = sending.halves_open(store, area, years[0], state.dataset().areas)
    if not any(h is not None for h in halves):
        return None
    return st.radio(
        t("rounds.send_period", lang).format(year=years[0]),
        halves,
        format_func=lambda h: t(f"rounds.open.period_{h or 'year'}", lang),
        horizontal=True,
        key=key,
    )


def _refused(text: str) -> NoReturn:
    st.error(text, icon=":material/block:")
    st.stop()
