"""Mở kỳ báo cáo: an analyst of a parent area opens a round for the units under it, after a preview."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from dashboard import auth, state
from indicators.areas import hierarchy
from indicators.rounds import opening, workflow
from indicators.rounds.status import VIETNAM
from indicators.store import accounts
from indicators.store.database import StoreError
from indicators.text.fmt import Lang
from indicators.text.i18n import t

FLASH = "rounds_open_flash"
PICK = "rounds_open_pick"


def _period(lang: Lang) -> tuple[int, int | None]:
    """The year and the half (None for the whole year)."""
    left, right = st.columns(2)
    this_year = datetime.now(VIETNAM).year
    year = int(
        left.number_input(
            t("rounds.open.year", lang),
            min_value=2000,
            max_value=2100,
            value=this_year,
            step=1,
            key="rounds_open_year",
        )
    )
    half = right.radio(
        t("rounds.open.period", lang),
        opening.HALVES,
        format_func=lambda h: t(f"rounds.open.period_{h or 'year'}", lang),
        horizontal=True,
        key="rounds_open_half",
    )
    return year, half


def _parent(areas: pd.DataFrame, own_area: str | None, year: int, lang: Lang) -> str:
    """The parent area: the account's own first, and only areas in its scope that have units in `year`."""
    choices = opening.parent_choices(areas, own_area, year)
    names = hierarchy.labels(areas, choices, lang)
    return str(
        st.selectbox(
            t("rounds.open.parent", lang),
            choices,
            format_func=lambda c: f"{names.get(c, c)} · {c}",
            key="rounds_open_parent",
        )
    )


def _indicators(catalogue: pd.DataFrame, lang: Lang) -> list[str]:
    """Every indicator, or those picked from the catalogue one domain at a time (the list searches)."""
    every = opening.codes_of(catalogue, None)
    which = st.radio(
        t("rounds.open.which", lang),
        ("all", "chosen"),
        format_func=lambda w: (
            t("rounds.open.all", lang).format(n=len(every)) if w == "all" else t("rounds.open.chosen", lang)
        ),
        horizontal=True,
        key="rounds_open_which",
    )
    if which == "all":
        return every
    domains = sorted(catalogue["domain"].astype(str).unique())
    domain = st.selectbox(
        t("rounds.open.domain", lang),
        [None, *domains],
        format_func=lambda d: t("rounds.open.any_domain", lang) if d is None else t(f"domain.{d}", lang),
        key="rounds_open_domain",
    )
    names = dict(zip(catalogue["code"].astype(str), catalogue[f"name_{lang}"].astype(str), strict=True))
    # Picks made under another domain stay among the options, so changing the domain keeps them.
    held = list(st.session_state.get(PICK, []))
    options = sorted(set(opening.codes_of(catalogue, domain)) | set(held))
    picked = st.multiselect(
        t("rounds.open.pick", lang),
        options,
        format_func=lambda c: f"{c} · {names.get(c, c)}",
        key=PICK,
        placeholder=t("rounds.open.search", lang),
    )
    return list(picked)


def _due(year: int, half: int | None, lang: Lang) -> date:
    """The deadline; its default follows the period (keyed by it, so a new period suggests anew)."""
    return st.date_input(
        t("rounds.open.due", lang),
        value=opening.suggested_due(year, half),
        format="DD/MM/YYYY",
        help=t("rounds.open.due_help", lang),
        key=f"rounds_open_due_{year}_{half}",
    )


def main() -> None:
    """Draw the page."""
    # Read inputs.
    lang = state.lang()
    auth.require_editor(lang)  # analysts and admins: a viewer or a reporter gets the sign-in form
    account = auth.current()[0].strip()
    st.title(t("rounds.open.title", lang))
    st.caption(t("rounds.open.intro", lang))
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
        st.page_link(
            "pages/reporting_status.py", label=t("rounds.page_title", lang), icon=":material/fact_check:"
        )
    store = state.store()
    data = state.dataset()
    held = accounts.account(store, account)
    year, half = _period(lang)
    parent = _parent(data.areas, None if held is None else held.area, year, lang)
    codes = _indicators(data.indicators, lang)
    due = _due(year, half, lang)

    # Process data.
    preview = opening.preview(data.areas, parent, year, len(codes), due)
    st.markdown(f"**{opening.preview_line(preview, lang)}**")
    if preview.areas == 0:
        # A parent with no units that year (a district abolished in 2025): no one to ask for figures.
        st.info(t("rounds.open.nothing", lang), icon=":material/info:")
        return

    # Nothing is written until the analyst confirms what the preview line says.
    if not st.button(t("rounds.open.confirm", lang), type="primary", key="rounds_open_go"):
        return
    try:
        found = workflow.open_round(store, account, year, parent, codes, due, half)
    except (StoreError, workflow.RoundError) as exc:
        st.error(exc.text(lang), icon=":material/block:")
        return
    name = hierarchy.labels(data.areas, [parent], lang).get(parent, parent)
    label = opening.round_label(found.year, found.half, name, found.due, lang)
    st.session_state[FLASH] = t("rounds.open.done", lang).format(label=label)
    st.rerun()


main()
