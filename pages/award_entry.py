"""Nhập khen thưởng: awards typed in a grid, checked as an office's list is, previewed, saved as a version."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import auth, state
from indicators.awards import catalogue as awards_catalogue
from indicators.awards import counts as awards_counts
from indicators.awards import privacy
from indicators.awards.catalogue import RECIPIENTS, Catalogue
from indicators.excel import awards_grid
from indicators.excel.awards_rows import YEAR_MAX, YEAR_MIN
from indicators.store import accounts, register
from indicators.store.database import StoreError
from indicators.text import award_words
from indicators.text.fmt import Lang
from indicators.text.i18n import MessageError, t

GRID_KEY = "award_entry_grid"
NONCE_KEY = "award_entry_nonce"
FLASH_KEY = "award_entry_flash"
COMMIT_KEY = "award_entry_commit"


def _columns(catalogue: Catalogue, areas: list[str], lang: Lang) -> dict[str, Any]:
    """The grid's columns in the page's language, with the catalogue's awards and the allowed areas."""
    text = st.column_config.TextColumn
    return {
        "decision_no": text(t("awards.col.decision_no", lang), max_chars=100, required=True),
        "decision_date": st.column_config.DateColumn(
            t("awards.col.decision_date", lang), format="DD/MM/YYYY", required=True
        ),
        "issuer": text(t("awards.col.issuer", lang), max_chars=200, required=True),
        "award": st.column_config.SelectboxColumn(
            t("awards.col.award", lang),
            options=[award_words.award_name(catalogue, a.code, lang) for a in catalogue.ranked()],
            required=True,
            width="large",
        ),
        "recipient_kind": st.column_config.SelectboxColumn(
            t("awards.col.recipient_kind", lang), options=[t(f"awards.kind.{k}", lang) for k in RECIPIENTS]
        ),
        "name": text(t("awards.col.name", lang), max_chars=300, required=True),
        "unit": text(t("awards.col.unit", lang), max_chars=300),
        "area": st.column_config.SelectboxColumn(t("awards.col.area", lang), options=areas, required=True),
        "year": st.column_config.NumberColumn(
            t("awards.col.year", lang), min_value=YEAR_MIN, max_value=YEAR_MAX, step=1, format="%d"
        ),
        "achievement": text(t("awards.col.achievement", lang), width="medium"),
    }


def _allowed_areas(account: str) -> list[str]:
    """The area codes the account may add awards for: its own and those under it, or every area."""
    codes = state.dataset().areas["code"].astype(str)
    found = accounts.account(state.store(), account) if account else None
    allowed = privacy.named_areas(state.dataset().areas, found.area if found is not None else None)
    return sorted(codes if allowed is None else set(codes) & allowed)


def _preview(rows: pd.DataFrame, catalogue: Catalogue, lang: Lang) -> None:
    """How many awards of each kind the grid adds, before anything is written."""
    st.info(t("awards.page.preview", lang).format(n=len(rows)), icon=":material/preview:")
    counted = awards_counts.counts(rows, catalogue, sorted(set(rows["year"])))
    st.dataframe(
        pd.DataFrame(
            {
                t("awards.col.award", lang): [
                    award_words.award_name(catalogue, c, lang) for c in counted["award"]
                ],
                t("awards.col.recipient_kind", lang): [
                    t(f"awards.kind.{k}", lang) for k in counted["recipient_kind"]
                ],
                t("awards.col.year", lang): counted["year"].to_numpy(),
                t("awards.col.count", lang): counted["count"].to_numpy(),
            }
        ),
        hide_index=True,
    )


def _commit(rows: pd.DataFrame, account: str, lang: Lang) -> None:
    """Write the rows as one new version, then start a clean grid; a refusal writes nothing."""
    try:
        result = register.add(state.store(), rows, account, t("awards.grid.note", lang))
    except (MessageError, StoreError) as exc:
        st.error(exc.text(lang), icon=":material/block:")
        return
    st.session_state[FLASH_KEY] = t("awards.page.saved", lang).format(n=result.added, v=result.version)
    st.session_state[NONCE_KEY] = st.session_state.get(NONCE_KEY, 0) + 1
    st.rerun()


def main() -> None:
    """Draw the page."""
    lang = state.lang()
    auth.require_editor(lang)
    st.title(t("awards.grid.title", lang))
    st.write(t("awards.grid.intro", lang))
    if flash := st.session_state.pop(FLASH_KEY, None):
        st.success(flash, icon=":material/check_circle:")

    # Load inputs: the grid, each cell as typed.
    catalogue = awards_catalogue.load()
    account = auth.current()[0]
    key = f"{GRID_KEY}_{st.session_state.get(NONCE_KEY, 0)}"
    edited = st.data_editor(
        awards_grid.blank(),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        column_config=_columns(catalogue, _allowed_areas(account), lang),
    )

    # Process data: the cells checked on the server by the rules a file meets.
    checked = awards_grid.check(edited, catalogue)
    if checked.ok and checked.rows.empty:
        st.caption(t("awards.grid.nothing", lang))
        return
    if not checked.ok:
        st.error(t("awards.grid.refused", lang).format(n=len(checked.errors)), icon=":material/block:")
        st.markdown("\n".join(f"- {m.text(lang)}" for m in checked.errors))
        return

    # Save outputs: previewed, then written as one version when asked.
    _preview(checked.rows, catalogue, lang)
    if st.button(t("awards.page.commit", lang), key=COMMIT_KEY, type="primary"):
        _commit(checked.rows, account, lang)


main()
