"""Lịch sử phiên bản: every version, any version's figures, two versions compared, and rollback."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from dashboard import auth, state
from dashboard.cache import per_version
from indicators.excel import diff
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.store.database import StoreError
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

PREVIEW_ROWS = 2000


def versions_for_people(versions: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The versions table, newest first, with words and numbers in the reader's language."""
    counts = [json.loads(c or "{}") for c in versions["counts"]]
    times = pd.to_datetime(versions["created_at"], utc=True).dt.tz_convert("Asia/Ho_Chi_Minh")
    rows = {
        "xcol.version": versions["version"],
        "xcol.time": [fmt.moment(when, lang) for when in times],
        "xcol.account": versions["account"],
        "xcol.action": [t(f"action.{a}", lang) for a in versions["action"]],
        "xcol.file": versions["file_name"],
        "xcol.sha256": [s[:12] for s in versions["sha256"].fillna("")],
        "xcol.note": versions["note"],
        "xcol.rows": [fmt.number(c.get("observations", 0), lang) for c in counts],
        "xcol.added": [fmt.number(c.get("added", 0), lang) for c in counts],
        "xcol.removed_rows": [fmt.number(c.get("removed", 0), lang) for c in counts],
    }
    frame = pd.DataFrame({t(k, lang): v.tolist() if hasattr(v, "tolist") else v for k, v in rows.items()})
    return frame.iloc[::-1].reset_index(drop=True)


def figures_for_people(observations: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """A version's figures with the workbook's headers (English column names in English), numbers as read."""
    shown = observations.drop(columns=["section", "quote"]).assign(
        value=[fmt.number(v, lang) for v in observations["value"]],
        base_year=["" if pd.isna(y) else str(y) for y in observations["base_year"]],
        # The kind and the qualifier in words ("Ước thực hiện", "khoảng"), never their codes.
        kind=[diff.kind_word(str(k), lang) for k in observations["kind"]],
        qualifier=[t(f"qualifier.{q}", lang) if q else "" for q in observations["qualifier"]],
    )
    if lang == "vi":
        shown = shown.rename(columns=excel.HEADERS["observations"])
    return shown


@per_version(4, shared=False)
def _version_bytes(version: int) -> bytes:
    # Keyed by version: a version never changes once written.
    return xlsx_writer.workbook_bytes(state.dataset_at(version))


def _pair(numbers: list[int], lang: Lang) -> tuple[int, int]:
    """The two versions compared: the last two, or after a rollback the versions it went between."""
    pair = st.session_state.pop(state.HISTORY_PAIR_KEY, None)
    if pair is not None:
        st.session_state[state.HISTORY_FROM_WIDGET], st.session_state[state.HISTORY_TO_WIDGET] = pair
    newest_first = numbers[::-1]

    def default(key: str, index: int) -> int | None:
        # A default only where the session holds no choice: both would make Streamlit warn on the page.
        return None if key in st.session_state else index

    left, right = st.columns(2)
    old = left.selectbox(
        t("history.from", lang),
        newest_first,
        index=default(state.HISTORY_FROM_WIDGET, 1),
        key=state.HISTORY_FROM_WIDGET,
    )
    new = right.selectbox(
        t("history.to", lang),
        newest_first,
        index=default(state.HISTORY_TO_WIDGET, 0),
        key=state.HISTORY_TO_WIDGET,
    )
    if old is None or new is None:  # a choice the session held no longer among the versions
        return newest_first[1], newest_first[0]
    return int(old), int(new)


def _rollback(numbers: list[int], current: int, lang: Lang) -> None:
    st.subheader(t("history.rollback", lang))
    st.caption(t("history.rollback_help", lang))
    older = [v for v in numbers if v != current]
    chosen = st.selectbox(t("history.version", lang), older[::-1], key=state.HISTORY_ROLLBACK_WIDGET)
    if st.button(t("history.rollback_button", lang).format(v=chosen), key=state.HISTORY_ROLLBACK_BUTTON):
        st.session_state[state.HISTORY_PENDING_KEY] = chosen
    pending = st.session_state.get(state.HISTORY_PENDING_KEY)
    if pending is not None:
        # Asked once more, in a dialog over the page: a rollback changes what every leader sees. The
        # question stays open while a version is pending (each run draws it again); closing it, or
        # either answer, clears the pending version.
        ask = st.dialog(
            t("history.rollback_title", lang),
            icon=":material/history:",
            on_dismiss=lambda: st.session_state.pop(state.HISTORY_PENDING_KEY, None),
        )
        ask(_confirm_rollback)(int(pending), current, lang)


def _effect(pending: int, current: int, lang: Lang) -> str:
    """What the rollback would do to the current figures, counted: rows added, changed and removed."""
    totals = diff.compare(state.dataset_at(current), state.dataset_at(pending)).totals()
    counts = {key: fmt.number(n, lang) for key, n in totals.items()}
    return t("history.rollback_effect", lang).format(current=current, **counts)


def _confirm_rollback(pending: int, current: int, lang: Lang) -> None:
    """The dialog's question, what it would change, and its two answers; nothing is written until the
    reader confirms."""
    question = t("history.rollback_confirm", lang).format(v=pending)
    st.warning(f"{question} {_effect(pending, current, lang)}", icon=":material/warning:")
    yes, no = st.columns(2)
    if no.button(t("history.no", lang), key=state.HISTORY_CANCEL_BUTTON, width="stretch"):
        st.session_state.pop(state.HISTORY_PENDING_KEY, None)
        st.rerun()
    if yes.button(t("history.yes", lang), type="primary", key=state.HISTORY_CONFIRM_BUTTON, width="stretch"):
        st.session_state.pop(state.HISTORY_PENDING_KEY, None)
        try:
            result = state.store().rollback(pending, account=auth.current()[0])
        except StoreError as exc:
            st.error(exc.text(lang), icon=":material/database:")
            st.stop()
        if result.version is None:
            message = t("history.rollback_same", lang).format(v=pending)
        else:
            message = t("history.rolled_back", lang).format(old=pending, v=result.version)
            # The comparison below shows what the rollback did: the version before it → the new one.
            st.session_state[state.HISTORY_PAIR_KEY] = (current, int(result.version))
        st.session_state[state.HISTORY_FLASH_KEY] = message
        st.rerun()


def main() -> None:
    """Draw the page."""
    lang = state.lang()
    auth.require_editor(lang)  # rollback changes the figures: analysts and admins only
    st.title(t("history.title", lang))
    st.caption(t("history.intro", lang))
    flash = st.session_state.pop(state.HISTORY_FLASH_KEY, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    try:
        store = state.store()
        versions = store.versions()
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        st.stop()
    st.dataframe(versions_for_people(versions, lang), hide_index=True, width="stretch")
    numbers = [int(v) for v in versions["version"]]
    if not numbers:
        st.stop()
    current = numbers[-1]

    st.subheader(t("history.view", lang))
    viewed = st.selectbox(t("history.version", lang), numbers[::-1], key=state.HISTORY_VIEW_WIDGET)
    data = state.dataset_at(int(viewed))
    st.dataframe(figures_for_people(data.observations, lang), hide_index=True, width="stretch")
    st.download_button(
        t("history.download", lang).format(v=viewed),
        data=lambda: _version_bytes(int(viewed)),
        file_name=f"so_lieu_phien_ban_{viewed}.xlsx",
        mime=excel.XLSX_MIME,
        icon=":material/download:",
    )

    if len(numbers) < 2:
        st.info(t("history.only_one", lang))
        st.stop()
    st.subheader(t("history.compare", lang))
    old, new = _pair(numbers, lang)
    newer = state.dataset_at(int(new))
    preview = diff.compare(state.dataset_at(int(old)), newer)
    if preview.empty:
        st.info(t("history.same", lang))
    else:
        totals = preview.totals()
        for column, key in zip(st.columns(3), ("new", "changed", "removed"), strict=True):
            column.metric(t(f"diff.{key}", lang), fmt.number(totals[key], lang))
        st.dataframe(diff.counts_for_people(preview, lang), hide_index=True, width="stretch")
        rows = diff.rows_for_people(preview, lang, PREVIEW_ROWS, newer)
        st.dataframe(rows, hide_index=True, width="stretch")

    _rollback(numbers, current, lang)


main()
