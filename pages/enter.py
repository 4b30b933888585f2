"""Nhập số liệu: an area's figures for a year typed in a grid, checked, previewed and saved like an upload."""

from __future__ import annotations

from typing import NoReturn

import pandas as pd
import streamlit as st

from dashboard import auth, figure_thread, preview_commit, state, submission
from indicators.core.model import YEAR_MAX, YEAR_MIN, Dataset
from indicators.excel import diff, entry, validate
from indicators.rounds import sending
from indicators.store.database import Store, StoreError
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

PREVIEW_ROWS = 500
KEYS = preview_commit.Keys(
    note=state.ENTER_NOTE_WIDGET,
    commit=state.ENTER_COMMIT_WIDGET,
    flash=state.ENTER_FLASH_KEY,
    nonce=state.ENTER_NONCE_KEY,
)


def _busiest(current: Dataset) -> str | None:
    counts = current.observations["area"].value_counts()
    return str(counts.index[0]) if not counts.empty else None


def _grid(current: Dataset, area: str, year: int, lang: Lang) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The grid as it is now and as edited: text figures, official or estimate, a note each.

    A search shows part of the grid; what was typed in rows it hides is kept and saved with the rest.
    """
    before = entry.grid(current, area, year, lang)
    nonce = st.session_state.setdefault(state.ENTER_NONCE_KEY, 0)
    # A new area, year, version or commit starts a clean grid, with no edits carried over.
    grid_key = f"{state.ENTER_GRID_WIDGET}_{area}_{year}_{current.version}_{nonce}"
    query = st.text_input(t("enter.search", lang), key=f"{state.ENTER_SEARCH_WIDGET}_{grid_key}").strip()
    edits: dict[str, dict[str, str]] = st.session_state.setdefault(state.ENTER_EDITS_KEY, {}).get(
        grid_key, {}
    )
    # The rows shown are fixed while the search stays (the editor keeps its own edits of them); a
    # new search draws its rows afresh, with everything typed so far in them.
    shown_key = f"{grid_key}_search_{entry.fold(query)}" if query else grid_key
    if st.session_state.get(state.ENTER_SHOWN_KEY, (None,))[0] != shown_key:
        st.session_state[state.ENTER_SHOWN_KEY] = (
            shown_key,
            entry.search(entry.with_edits(before, edits), query),
        )
    shown: pd.DataFrame = st.session_state[state.ENTER_SHOWN_KEY][1]
    if shown.empty:
        st.info(t("enter.search_none", lang), icon=":material/search_off:")
    # The kind as words in the cells themselves: a list of codes shown through format_func still
    # hands a screen reader "actual" and "estimate".
    words = {k: t(f"obs.{k}", lang) for k in entry.KINDS}
    codes = {w: k for k, w in words.items()}
    edited = st.data_editor(
        shown.assign(kind=shown["kind"].map(words).fillna(shown["kind"])),
        key=shown_key,
        hide_index=True,
        num_rows="fixed",
        disabled=["code", "name", "unit"],
        column_config={
            "code": st.column_config.TextColumn(t("xcol.code", lang)),
            "name": st.column_config.TextColumn(t("enter.name", lang), width="large"),
            "unit": st.column_config.TextColumn(t("enter.unit", lang)),
            "value": st.column_config.TextColumn(t("enter.value", lang), help=t("enter.value_help", lang)),
            "kind": st.column_config.SelectboxColumn(
                t("col.obs_kind", lang),
                options=list(words.values()),
                required=True,
            ),
            "note": st.column_config.TextColumn(
                t("enter.note", lang), help=t("enter.note_help", lang), width="medium", max_chars=500
            ),
        },
    )
    edited = edited.assign(kind=edited["kind"].map(codes).fillna(edited["kind"]))
    edits = entry.edits_of(before, edited, edits)
    st.session_state[state.ENTER_EDITS_KEY] = {grid_key: edits}
    return before, entry.with_edits(before, edits)


def _problems(upload: validate.Upload, typed: entry.Entry, names: dict[str, str], lang: Lang) -> None:
    """Each problem at its grid row (the indicator), not at a cell of a sheet nobody saw."""
    rows = []
    for p in upload.problems:
        code = typed.rows.get(p.row, "")
        where = t("enter.where", lang).format(name=names.get(code, code))
        rows.append(
            {
                t("xcol.code", lang): code,
                t("xcol.value", lang): p.value,
                t("xcol.message", lang): p.message(lang, where),
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")


def _grid_problems(found: list[entry.GridProblem], lang: Lang) -> NoReturn:
    """Cells refused before the upload's checks: each at its indicator, in plain words."""
    st.error(t("enter.refused", lang).format(n=fmt.number(len(found), lang)), icon=":material/block:")
    rows = [
        {
            t("xcol.code", lang): p.code,
            t("xcol.value", lang): p.value,
            t("xcol.message", lang): p.words.text(lang),
        }
        for p in found
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
    st.stop()


def _typed_upload(
    before: pd.DataFrame, edited: pd.DataFrame, area: str, year: int, current: Dataset, lang: Lang
) -> validate.Upload:
    """What was typed, checked on the server (whatever the browser let through), then as a wide sheet
    through the upload's own checks (no workbook is written for it); a refusal stops the page."""
    refused = entry.problems(before, edited)
    if refused:
        _grid_problems(refused, lang)
    typed = entry.sheet(before, edited, area, year, current)
    if typed.empty:
        st.caption(t("enter.nothing", lang))
        st.stop()
    upload = entry.check(typed, current)
    if upload.errors:
        st.error(
            t("enter.refused", lang).format(n=fmt.number(len(upload.errors), lang)), icon=":material/block:"
        )
        _problems(upload, typed, dict(zip(before["code"], before["name"], strict=True)), lang)
        st.stop()
    return upload


def _area_names(store: Store, current: Dataset, reporter: bool) -> dict[str, str]:
    """The areas the grid offers: every one to an analyst, a reporter's own area (and units under it)."""
    names = dict(zip(current.areas["code"], current.areas["name"], strict=True))
    if not reporter:
        return names
    allowed = set(sending.sendable_areas(store, auth.current()[0]))
    return {c: n for c, n in names.items() if c in allowed}


def main() -> None:
    """Draw the page."""
    lang = state.lang()
    role = auth.require_sender(lang)
    st.title(t("page.enter", lang))
    st.write(t("enter.intro", lang))
    try:
        store = state.store()
        current = state.dataset()
    except StoreError as exc:
        st.error(exc.text(lang), icon=":material/database:")
        st.stop()
    preview_commit.show_flash(KEYS)
    # A commune reporter types only their own area's figures, and sends them for review.
    own = sending.own_area(store, auth.current()[0]) if role.can_submit() else None
    if own is not None:
        submission.standing(store, own, lang)

    # Load inputs: the area and the year, then the grid.
    names = _area_names(store, current, own is not None)
    left, right = st.columns(2)
    area = left.selectbox(
        t("enter.area", lang),
        list(names),
        # The area with the most figures (the former district in the shipped data), not the first code.
        index=list(names).index(busiest) if (busiest := _busiest(current)) in names else 0,
        format_func=lambda c: f"{names[c]} ({c})",
        key=state.ENTER_AREA_WIDGET,
    )
    last = int(current.observations["year"].max()) if not current.observations.empty else YEAR_MIN
    year = int(
        right.number_input(
            t("enter.year", lang), YEAR_MIN, YEAR_MAX, value=last, step=1, key=state.ENTER_YEAR_WIDGET
        )
    )
    before, edited = _grid(current, area, year, lang)
    # A row's figure, picked by its indicator: read only once picked, as the grid runs on every cell.
    info = before.set_index("code")
    figure_thread.picked_section(
        current, info["name"].to_dict(), info["unit"].to_dict(), area, year, lang, key="enter_thread"
    )

    # Process data: what was typed, checked.
    upload = _typed_upload(before, edited, area, year, current, lang)
    merged = diff.merge(current, upload)

    # Save outputs: the same preview and commit as an upload, naming no workbook sheet (none was seen);
    # a reporter's figures go as a submission for review instead.
    preview = diff.compare(current, merged)
    if own is not None:
        preview_commit.show_preview(preview, current.version, lang, PREVIEW_ROWS, merged, sheets=False)
        submission.send(store, upload, KEYS, lang)
    preview_commit.preview_and_commit(
        store, current.version, upload, merged, preview, KEYS, lang, limit=PREVIEW_ROWS, sheets=False
    )


main()
