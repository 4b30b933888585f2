"""Whose names an account may read: an editor's own area and the units under it (Decree 13/2023/NĐ-CP).

An analyst or admin held to an area reads the named lists of that area only; one held to no area
keeps the whole store, as the operator who runs it does, and reads every area's names. Viewers
read counts only; that is decided by role, before this module is asked.
"""

from __future__ import annotations

import pandas as pd

from indicators.awards.counts import within


def named_areas(areas: pd.DataFrame, account_area: str | None) -> set[str] | None:
    """The area codes whose names the account may read; None for every area (an account without one)."""
    return None if not account_area else within(areas, account_area)


def named_rows(rows: pd.DataFrame, areas: pd.DataFrame, account_area: str | None) -> pd.DataFrame:
    """The rows (with an `area` column) whose names the account may read."""
    allowed = named_areas(areas, account_area)
    return rows if allowed is None else rows[rows["area"].astype(str).isin(allowed).to_numpy(dtype=bool)]


def asked_outside(areas: pd.DataFrame, account_area: str | None, asked: str | None) -> bool:
    """True when the account asks for names of an area that is neither its own nor under it."""
    allowed = named_areas(areas, account_area)
    return allowed is not None and asked is not None and asked not in allowed
