"""The last step of every change to the figures (an upload, a grid entry): the preview, then one commit."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NoReturn

import pandas as pd
import streamlit as st

from dashboard import auth, state
from indicators.core.model import Dataset
from indicators.excel import diff, stale, validate
from indicators.store.database import Store, StoreError, StoreMovedError
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t


@dataclass(frozen=True)
class Keys:
    """The session and widget keys of one page's commit step, so each page keeps its own state."""

    note: str  # the version's note (a text area)
    commit: str  # the commit button
    flash: str  # the success message shown once after the rerun
    nonce: str  # bumped after a commit so the page's input (file, grid) starts afresh
    checked: str = ""  # a cached check to drop when the data moved or was committed


def show_preview(
    preview: diff.Preview,
    version: int,
    lang: Lang,
    limit: int,
    data: Dataset | None = None,
    *,
    sheets: bool = True,
) -> dict[str, int]:
    """The change against the current version: totals, counts per table, rows in detail (with `data`,
    each figure named in words). Without `sheets`, no workbook sheet is named (the entry grid)."""
    st.subheader(t("upload.preview", lang).format(v=version))
    totals = preview.totals()
    for column, key in zip(st.columns(3), ("new", "changed", "removed"), strict=True):
        column.metric(t(f"diff.{key}", lang), fmt.number(totals[key], lang))
    if sheets:
        st.dataframe(diff.counts_for_people(preview, lang), hide_index=True, width="stretch")
    total_rows = totals["new"] + totals["removed"] + sum(len(c.changed) for c in preview.tables.values())
    st.markdown(f"**{t('diff.details', lang)}**")
    if total_rows > limit:
        st.caption(
            t("diff.shown", lang).format(n=fmt.number(limit, lang), total=fmt.number(total_rows, lang))
        )
    rows = diff.rows_for_people(preview, lang, limit, data, sheets=sheets)
    st.dataframe(rows, hide_index=True, width="stretch")
    return totals


def _confirm_key(keys: Keys, rows: pd.DataFrame) -> str:
    """A checkbox key tied to exactly these figures and values: another list starts unconfirmed."""
    digest = hashlib.sha256(rows.to_csv(index=False).encode()).hexdigest()[:16]
    return f"{keys.commit}_confirm_{digest}_{st.session_state.get(keys.nonce, 0)}"


def named_figures(
    preview: diff.Preview, lost: stale.Stale | None, data: Dataset, keys: Keys, lang: Lang, limit: int
) -> bool:
    """Each figure the change removes or overwrites, named at the top of the preview, and the analyst's
    confirmation: one box for the list, one per figure that is newer than the file. True when confirmed
    (or when nothing is removed or overwritten)."""
    rows = stale.touched(preview)
    if lost is not None:
        # Figures removed since the file was made and added back by it are named too.
        back = lost.lost[lost.lost["change"] == "restored"]
        rows = pd.concat([rows, back], ignore_index=True) if not rows.empty else back
    if rows.empty:
        return True
    newer = None if lost is None else stale.keys(rows).isin(stale.keys(lost.lost)).to_numpy()
    st.subheader(t("figures.title", lang).format(n=fmt.number(len(rows), lang)))
    if len(rows) > limit:
        st.caption(t("diff.shown", lang).format(n=fmt.number(limit, lang), total=fmt.number(len(rows), lang)))
    shown = rows.head(limit)
    st.dataframe(
        stale.for_people(shown, data, lang, None if newer is None else newer[: len(shown)]),
        hide_index=True,
        width="stretch",
    )
    base = _confirm_key(keys, rows)
    confirmed = True
    if lost is not None:
        # A figure someone changed after the file was made is overwritten only when named and ticked.
        for i, (_, row) in enumerate(lost.lost.iterrows()):
            text = t("figures.confirm_newer", lang).format(figure=stale.figure_text(data, row, lang))
            confirmed &= st.checkbox(text, key=f"{base}_newer_{i}")
    confirmed &= st.checkbox(t("figures.confirm", lang).format(n=fmt.number(len(rows), lang)), key=base)
    return confirmed


def _moved(store: Store, keys: Keys, lang: Lang) -> NoReturn:
    """Someone committed since the preview: merging against the old version would undo their change."""
    if keys.checked:
        st.session_state.pop(keys.checked, None)
    st.warning(t("upload.moved", lang).format(v=store.current_version()))
    st.stop()


def preview_and_commit(
    store: Store,
    checked_against: int,
    upload: validate.Upload,
    merged: Dataset,
    preview: diff.Preview,
    keys: Keys,
    lang: Lang,
    *,
    limit: int,
    moved: bool = False,
    sheets: bool = True,
) -> None:
    """The preview of `merged` against version `checked_against`, then one click, one new version.

    Refused when someone committed since the preview (`moved`, or found inside the write lock);
    after a commit the page reruns with a success message and a fresh input. Without `sheets`, the
    preview names no workbook sheet (the entry grid, where nobody saw one).
    """
    if preview.empty:
        st.info(t("upload.same", lang).format(v=checked_against), icon=":material/info:")
        st.stop()
    # A file made from an older version would remove figures added since: said before the preview.
    lost = stale.check(upload.made_from, checked_against, preview, state.dataset_at)
    if lost is not None:
        st.warning(stale.warning_text(lost, merged, lang), icon=":material/warning:")
    # Every figure removed or overwritten is named first and must be confirmed.
    confirmed = named_figures(preview, lost, merged, keys, lang, limit)
    totals = show_preview(preview, checked_against, lang, limit, merged, sheets=sheets)
    account = auth.current()[0].strip()  # every version records the signed-in account that made it
    note = st.text_area(t("upload.note", lang), key=keys.note)
    if not st.button(t("upload.commit", lang), type="primary", key=keys.commit):
        st.stop()
    if not confirmed:
        st.error(t("figures.unconfirmed", lang), icon=":material/block:")
        st.stop()
    if not account:
        st.error(t("upload.account_needed", lang))
        st.stop()
    if moved or store.current_version() != checked_against:
        _moved(store, keys, lang)
    try:
        result = store.commit(
            merged,
            account,
            upload.file_name,
            upload.sha256,
            note.strip(),
            "import",
            expected_version=checked_against,  # checked again inside the write lock
        )
    except StoreMovedError:
        _moved(store, keys, lang)
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        st.stop()
    if result.version is None:
        st.info(t("upload.same", lang).format(v=checked_against))
        st.stop()
    _done(result.version, totals, keys, lang)


def _done(version: int, totals: dict[str, int], keys: Keys, lang: Lang) -> NoReturn:
    """After a commit: the success message for the rerun, and a fresh input."""
    st.session_state[keys.flash] = t("upload.committed", lang).format(
        v=version, **{k: fmt.number(n, lang) for k, n in totals.items()}
    )
    st.session_state[keys.nonce] = st.session_state.get(keys.nonce, 0) + 1
    for key in (keys.checked, keys.note):
        if key:
            st.session_state.pop(key, None)
    st.rerun()


def show_flash(keys: Keys) -> None:
    """The success message of the commit just made, once."""
    flash = st.session_state.pop(keys.flash, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
